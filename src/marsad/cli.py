"""The `marsad` command: analyze pages into a store and export them; search the store; serve it."""

from __future__ import annotations

import argparse
import errno
import json
import math
import os
import sqlite3
import sys

from marsad import __version__
from marsad.context import Context, Settings
from marsad.safe_text import for_message
from marsad.store import is_postgres_url


def shown_db(db: str) -> str:
    """The store for messages: a file path, or a PostgreSQL URL without its password."""
    if is_postgres_url(db):
        from marsad.store.postgres import shown

        return shown(db)
    return for_message(db)

EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a command stopped by Ctrl-C


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="marsad", description="From raw Arabic news pages to clean, sourced articles.")
    p.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    a = sub.add_parser("analyze", help="analyze pages (files or directories) into a store and export the run")
    a.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .html/.htm, .jsonl, .warc/.warc.gz files, or directories of them")
    a.add_argument("--out", required=True, metavar="DIR", help="where articles.jsonl, report.html and run.json go")
    a.add_argument(
        "--db",
        metavar="FILE|URL",
        help="the store: a SQLite file (default: DIR/marsad.db) or postgresql://user@host:port/dbname; re-runs reuse what it holds",
    )
    a.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: a process per core (default); dask: a Dask cluster (--scheduler, or a local one with a worker per core)",
    )
    a.add_argument("--scheduler", metavar="tcp://HOST:8786", help="the Dask scheduler to run on (with --engine dask)")
    a.add_argument(
        "--registry", action="append", default=[], metavar="FILE", help="an outlet registry extending the shipped one (repeatable)"
    )
    a.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes to analyse with (default: all cores)")
    a.add_argument("--max-page-mb", type=float, default=5.0, help="refuse single pages larger than this (default 5)")
    a.add_argument("--reprocess", action="store_true", help="analyse again pages the store already holds")
    a.add_argument("--no-progress", action="store_true", help="no progress bar")

    s = sub.add_parser("search", help="full-text search of a store, spelling-insensitive")
    s.add_argument("query")
    s.add_argument("--db", required=True, metavar="FILE|URL", help="a SQLite store file or postgresql://user@host:port/dbname")
    s.add_argument("--limit", type=int, default=20)
    s.add_argument("--json", action="store_true", help="print hits as JSON lines")

    w = sub.add_parser("serve", help="browse, search and audit a store in a web browser (and a JSON API)")
    w.add_argument("--db", required=True, metavar="FILE|URL", help="a SQLite store file or postgresql://user@host:port/dbname")
    w.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    w.add_argument("--port", type=int, default=8000)
    w.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME[:PORT]",
        help="a host name the server answers to besides 127.0.0.1, localhost, ::1 and --host (repeatable; without a port: any port)",
    )
    w.add_argument(
        "--registry", action="append", default=[], metavar="FILE", help="an outlet registry uploads are analysed with (repeatable)"
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    import psycopg

    from marsad.store import NotAStore

    try:
        if args.command == "analyze":
            return _analyze(args)
        if args.command == "serve":
            return _serve(args)
        return _search(args)
    except _UsageError as exc:
        _say(str(exc))
        return EXIT_USAGE
    except NotAStore as exc:
        _say(str(exc))
        return EXIT_USAGE
    except ConnectionError as exc:  # a PostgreSQL server that cannot be reached
        _say(str(exc))
        return EXIT_INPUT_FAILED
    except KeyboardInterrupt:
        _say("interrupted; every committed window of pages is kept in the store, and a re-run resumes from there")
        return EXIT_INTERRUPTED
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            _say(f"disk full while writing{' ' + for_message(str(exc.filename)) if exc.filename else ''}; free space and re-run (committed pages are kept)")
            return EXIT_INPUT_FAILED
        _say(f"{for_message(str(exc.filename or ''))}: {exc.strerror or exc}")
        return EXIT_INPUT_FAILED
    except sqlite3.OperationalError as exc:
        if "full" in str(exc):
            _say("disk full while writing the store; free space and re-run (committed pages are kept)")
        else:
            _say(f"store error: {for_message(str(exc))}")
        return EXIT_INPUT_FAILED
    except psycopg.Error as exc:
        _say(f"PostgreSQL store error: {for_message(str(exc).strip())}")
        return EXIT_INPUT_FAILED


class _UsageError(Exception):
    """An argument that cannot work: one line on stderr, exit status 2."""


def _say(message: str) -> None:
    print(f"marsad: {message}", file=sys.stderr)


# More processes than this gains nothing and exhausts the machine (each loads the tagger).
MAX_WORKERS = 64
MAX_PAGE_MB = 1024


def _check_analyze_args(args: argparse.Namespace) -> str:
    """The store path, after refusing arguments that cannot work."""
    if not 1 <= args.workers <= MAX_WORKERS:
        raise _UsageError(f"--workers must be between 1 and {MAX_WORKERS} (got {args.workers})")
    if not (math.isfinite(args.max_page_mb) and 0 < args.max_page_mb <= MAX_PAGE_MB):
        raise _UsageError(f"--max-page-mb must be a number above 0 and at most {MAX_PAGE_MB} (got {args.max_page_mb})")
    if os.path.exists(args.out) and not os.path.isdir(args.out):
        raise _UsageError(f"--out {for_message(args.out)}: exists and is not a directory")
    if args.scheduler and args.engine != "dask":
        raise _UsageError("--scheduler needs --engine dask")
    db_path: str = args.db or os.path.join(args.out, "marsad.db")
    if args.db and not is_postgres_url(args.db):
        _check_db_path(args.db)
    return db_path


def _check_db_path(db: str) -> None:
    folder = os.path.dirname(os.path.abspath(db))
    if not os.path.isdir(folder):
        raise _UsageError(f"--db {for_message(db)}: folder {for_message(folder)} does not exist")
    if os.path.isdir(db):
        raise _UsageError(f"--db {for_message(db)}: is a directory, not a store file")


def _analyze(args: argparse.Namespace) -> int:
    from marsad.export import write_articles_jsonl, write_entities_json, write_stories_json
    from marsad.report.html import write_report
    from marsad.store import check_store, open_store

    db_path = _check_analyze_args(args)
    settings = Settings(
        registry_files=tuple(args.registry),
        max_page_bytes=int(args.max_page_mb * 1024 * 1024),
        workers=args.workers,
        reprocess=args.reprocess,
        progress=False if args.no_progress else None,
    )
    try:
        ctx = Context.load(settings)
    except ValueError as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return EXIT_USAGE
    check_store(db_path)  # before anything is written: a foreign database is refused untouched
    os.makedirs(args.out, exist_ok=True)
    with open_store(db_path) as store:
        if args.engine == "dask":
            from marsad.engine.dask import run_analysis_dask

            summary = run_analysis_dask(args.paths, store, settings, ctx, scheduler=args.scheduler)
        else:
            from marsad.engine.local import run_analysis

            summary = run_analysis(args.paths, store, settings, ctx)
        articles_path = os.path.join(args.out, "articles.jsonl")
        report_path = os.path.join(args.out, "report.html")
        write_articles_jsonl(store, summary.run_id, articles_path)
        entities_path = os.path.join(args.out, "entities.json")
        n_entities = write_entities_json(store, summary.run_id, entities_path)
        stories_path = os.path.join(args.out, "stories.json")
        n_stories = write_stories_json(store, summary.run_id, stories_path)
        info = summary.as_dict()
        write_report(store, summary.run_id, report_path, info)
    with open(os.path.join(args.out, "run.json"), "w", encoding="utf-8") as f:
        json.dump(info, f, ensure_ascii=False, indent=2)
    print(
        f"{info['files']} files, {info['pages']} pages ({info['pages_analysed']} analysed, {info['pages_reused']} already in the store), "
        f"{info['articles']} articles, {n_entities} entities, {n_stories} stories"
    )
    for line in info["errors"]:
        print(f"error: {line}")
    for line in info["warnings"]:
        print(f"warning: {line}")
    print(f"export: {for_message(articles_path)}")
    print(f"        {for_message(entities_path)}")
    print(f"        {for_message(stories_path)}")
    print(f"report: {for_message(report_path)}")
    print(f"store:  {shown_db(db_path)}")
    return EXIT_INPUT_FAILED if summary.failed else EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from marsad.web.app import create_app
    from marsad.web.guard import HostPolicy

    try:
        hosts = HostPolicy.for_server(args.host, args.port, args.allowed_host)
        ctx = Context.load(Settings(registry_files=tuple(args.registry), workers=1, progress=False))
        app = create_app(args.db, hosts, ctx)
    except (FileNotFoundError, ValueError, ConnectionError) as exc:  # no such store, not a store, a bad --allowed-host
        print(f"marsad: {exc}", file=sys.stderr)
        return EXIT_USAGE
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK


def _search(args: argparse.Namespace) -> int:
    from marsad.store import open_store

    if not is_postgres_url(args.db) and not os.path.isfile(args.db):
        raise _UsageError(f"{for_message(args.db)}: no such store")
    if args.limit < 1:
        raise _UsageError(f"--limit must be at least 1 (got {args.limit})")
    with open_store(args.db) as store:
        hits = store.search(args.query, args.limit)
    for h in hits:
        if args.json:
            print(json.dumps(h.__dict__ if hasattr(h, "__dict__") else {k: getattr(h, k) for k in h.__slots__}, ensure_ascii=False))
        else:
            shown = [for_message(v or "", 1000) for v in (h.outlet or "—", h.published, h.headline, h.snippet)]
            print(f"{h.article_id}  {shown[0]}  {shown[1]}\n  {shown[2]}\n  {shown[3]}\n")
    if not args.json:
        print(f"{len(hits)} hit(s)")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
