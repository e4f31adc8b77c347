"""CGT Atlas: a sourced, living map of the cell and gene therapy industry from Chinese documents."""

__version__ = "0.1.0"
