"""Reading documents: bytes -> decoded text -> cleaned Document."""
