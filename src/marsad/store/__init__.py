"""The store behind one interface (store/base.py): a SQLite file (the default) or a PostgreSQL
database (`postgresql://user@host:port/dbname`)."""

from __future__ import annotations

from marsad.store.base import NotAStore, SearchHit, Store

__all__ = ["NotAStore", "SearchHit", "Store", "check_store", "is_postgres_url", "open_store"]


def is_postgres_url(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def open_store(db: str, *, readonly: bool = False) -> Store:
    """The store at `db`: a postgresql:// URL or a SQLite file path (created and migrated unless
    `readonly`). Raises NotAStore for a database that is someone else's, ConnectionError for a
    PostgreSQL server that cannot be reached."""
    if is_postgres_url(db):
        from marsad.store.postgres import PostgresStore

        return PostgresStore(db, readonly=readonly)
    from marsad.store.sqlite import SqliteStore

    return SqliteStore(db, readonly=readonly)


def check_store(db: str) -> None:
    """Raise NotAStore (or ConnectionError) unless `db` can be opened as a store; writes nothing."""
    if is_postgres_url(db):
        from marsad.store.postgres import PostgresStore

        PostgresStore(db, readonly=True).close()
        return
    from marsad.store.sqlite import check_store_file

    check_store_file(db)
