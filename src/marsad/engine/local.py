"""The local runner: read inputs, analyse new pages on all cores, store, and account for every file.
The window loop (`run_with`) is every engine's: the Dask engine (engine/dask.py) runs the same
stages on a cluster and writes through it.

Memory stays flat in the number of pages: pages are read lazily and analysed in bounded windows,
results are written by this process only (the single SQLite writer) and committed per window,
so an interrupted run keeps every committed window and the next run skips those pages."""

from __future__ import annotations

import multiprocessing as mp
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from marsad.article import Article, Page
from marsad.context import Context, Settings
from marsad.engine.cross import BuildDossiers, Vectorise, update_entities, update_stories, vectorise_here
from marsad.engine.memory import release_freed_memory
from marsad.ingest.errors import InputProblem
from marsad.ingest.readers import discover, read_file, truncation_warning
from marsad.pipeline import PIPELINE_VERSION, analyze_page
from marsad.store.base import Store

# Pages per analyse-and-commit window: bounds memory and what an interruption loses. Two windows
# are in flight at once (one analysed while the other is written).
WINDOW = 128

_worker_ctx: Context | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_ctx
    # Ctrl-C reaches the whole process group: the parent stops the run, workers just end.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_ctx = Context.load(settings)


def _analyze_in_worker(page: Page) -> list[Article] | str:
    assert _worker_ctx is not None
    return _analyze_safely(page, _worker_ctx)


def _analyze_safely(page: Page, ctx: Context) -> list[Article] | str:
    """Articles, or the reason the page could not be analysed (one bad page never stops a run)."""
    try:
        return analyze_page(page, ctx)
    except Exception as exc:
        return f"analysis failed: {type(exc).__name__}: {exc}"


@dataclass(slots=True)
class RunSummary:
    run_id: int
    files: int = 0
    pages: int = 0
    pages_analysed: int = 0
    pages_reused: int = 0
    articles: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    # Wall-clock seconds of the run's stages: "pages" (reading, analysing and storing the new
    # pages), then the cross-document ones, "entities" (name completion and resolution) and
    # "stories" (vectors, placement, dossiers): what a run costs beyond its own pages.
    seconds: dict[str, float] = field(default_factory=dict)
    # The stories whose dossiers the run rebuilt and the member articles they hold: the stories
    # stage's cost follows these, not the store's size (bench/cluster_eval.py --growth).
    rebuilt: dict[str, int] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return any(p.fatal for p in self.problems)

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "files": self.files,
            "pages": self.pages,
            "pages_analysed": self.pages_analysed,
            "pages_reused": self.pages_reused,
            "articles": self.articles,
            "errors": [str(p) for p in self.problems if p.fatal],
            "warnings": [str(p) for p in self.problems if not p.fatal],
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
            "rebuilt": self.rebuilt,
        }


def _pages(paths: Iterable[str], settings: Settings, summary: RunSummary) -> Iterator[Page]:
    for item in discover(paths):
        if isinstance(item, InputProblem):
            summary.problems.append(item)
            continue
        summary.files += 1
        for page in read_file(item, settings):
            if isinstance(page, InputProblem):
                summary.problems.append(page)
                continue
            warning = truncation_warning(page)
            if warning is not None:
                summary.problems.append(warning)
            yield page


# Analyses a window of pages: for each, its articles or why it failed, in the same order.
AnalyseWindow = Callable[[list[Page]], list[list[Article] | str]]
# Starts analysing a window and returns how to collect its results (as AnalyseWindow gives them).
# The engine loop submits the next window before it writes this one, so the workers are never
# idle while the one writer stores a window, nor between windows.
SubmitWindow = Callable[[list[Page]], Callable[[], list[list[Article] | str]]]


def in_order(analyse: AnalyseWindow) -> SubmitWindow:
    """A synchronous analyser as a SubmitWindow: the window is analysed when it is collected."""
    return lambda todo: lambda: analyse(todo)


def run_analysis(paths: list[str], store: Store, settings: Settings, ctx: Context | None = None) -> RunSummary:
    """Analyse `paths` into `store` on this machine's cores; returns the summary (articles are
    read back by run id)."""
    ctx = ctx or Context.load(settings)
    pool = None
    if settings.workers > 1:
        pool = mp.get_context("forkserver" if sys.platform != "win32" else "spawn").Pool(
            settings.workers, initializer=_init_worker, initargs=(settings,)
        )

    def submit(todo: list[Page]) -> Callable[[], list[list[Article] | str]]:
        if pool is not None and len(todo) > 1:
            return pool.map_async(_analyze_in_worker, todo, chunksize=max(1, len(todo) // (4 * settings.workers))).get
        return lambda: [_analyze_safely(p, ctx) for p in todo]

    finished = False
    try:
        summary = run_with(paths, store, settings, ctx, submit)
        finished = True
    finally:
        if pool is not None:
            if finished:
                pool.close()
            else:  # interrupted or failed: the workers' pending pages are not wanted
                pool.terminate()
            pool.join()
    return summary


def run_with(
    paths: list[str],
    store: Store,
    settings: Settings,
    ctx: Context,
    submit: SubmitWindow,
    vectorise_with: Vectorise = vectorise_here,
    window: int | None = None,
    dossiers_with: BuildDossiers | None = None,
) -> RunSummary:
    """What every engine does alike: read the inputs lazily, have `submit` analyse each window's
    new pages (wherever it runs them; the next window is submitted before this one is written),
    write the results from this process only (the one writer), committed per window, then run the
    cross-document stages."""
    run_id = store.start_run(paths)
    summary = RunSummary(run_id)
    started = time.perf_counter()
    progress = _progress(settings)
    state = _WriteState(run_id)
    try:
        pages = _pages(paths, settings, summary)
        in_flight: list[tuple[list[Page], list[Page], Callable[[], list[list[Article] | str]]]] = []
        while batch := list(islice(pages, window or WINDOW)):
            # Pages already stored by this version are not analysed again. The window before
            # this one is not written yet: a page repeated from it is analysed twice and
            # stored once (see _write_window).
            todo = [p for p in batch if settings.reprocess or store.page_version(p.page_id) != PIPELINE_VERSION]
            in_flight.append((batch, todo, submit(todo) if todo else list))
            if len(in_flight) > 1:
                _write_window(store, summary, state, *in_flight.pop(0))
                progress.update(len(batch))
        for item in in_flight:
            _write_window(store, summary, state, *item)
            progress.update(len(item[0]))
        del in_flight
    finally:
        progress.close()
    # Cross-document stages run once the run's pages are all in the store.
    marks = [started, time.perf_counter()]
    touched = update_entities(store, ctx.registry)
    marks.append(time.perf_counter())
    stories, members = update_stories(store, ctx.tagger.vocabulary(), vectorise_with, touched, dossiers_with)
    summary.rebuilt = {"stories": stories, "members": members}
    marks.append(time.perf_counter())
    summary.seconds = {stage: b - a for stage, a, b in zip(("pages", "entities", "stories"), marks, marks[1:], strict=False)}
    release_freed_memory()
    summary.articles = sum(n for _, n in store.run_outlet_counts(run_id))
    store.finish_run(run_id, summary.as_dict())
    return summary


@dataclass(slots=True)
class _WriteState:
    run_id: int
    seq: int = 0  # the run's page order
    # Pages the last window written stored: a page repeated in the next window was analysed
    # again before its first copy was written (two windows are in flight), and is stored once.
    previous: set[str] = field(default_factory=set)


def _write_window(
    store: Store,
    summary: RunSummary,
    state: _WriteState,
    batch: list[Page],
    todo: list[Page],
    collect: Callable[[], list[list[Article] | str]],
) -> None:
    """Store one window's results in one transaction, in page order."""
    done = dict(zip((p.page_id for p in todo), collect(), strict=True))
    stored: set[str] = set()
    store.begin()
    try:
        for page in batch:
            result = done.get(page.page_id)
            if isinstance(result, str):
                summary.problems.append(InputProblem(page.source, result, page.locator))
                continue
            if result is not None and page.page_id not in stored and page.page_id not in state.previous:
                for message in result[0].hints.get("warnings", []) if result else []:
                    summary.problems.append(InputProblem(page.source, message, page.locator, fatal=False))
                store.save_page(page, result, PIPELINE_VERSION)
                summary.pages_analysed += 1
                stored.add(page.page_id)
            elif store.page_version(page.page_id) is not None:
                summary.pages_reused += 1
            store.add_run_page(state.run_id, state.seq, page)
            state.seq += 1
            summary.pages += 1
        store.commit()
    except BaseException:
        store.rollback()
        raise
    state.previous = stored
    del done
    release_freed_memory()


class _NoProgress:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(settings: Settings) -> Any:
    show = settings.progress if settings.progress is not None else sys.stderr.isatty()
    if not show:
        return _NoProgress()
    from tqdm import tqdm

    return tqdm(unit=" pages", desc="analysing", file=sys.stderr)
