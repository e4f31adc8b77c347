"""The atlas store: one schema on SQLite or PostgreSQL."""
