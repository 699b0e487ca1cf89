"""The embedded store: SQLite by default (one file, WAL, versioned migrations, FTS5 search)."""
