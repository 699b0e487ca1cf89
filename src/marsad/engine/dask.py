"""The Dask engine: `marsad analyze … --engine dask [--scheduler tcp://HOST:8786]`.

The same stage functions as the local engine, on a Dask cluster: each window of pages is cut into
partitions, one task per partition analyses its pages (pipeline.analyze_page) on a worker, and the
results come back to this process, the one writer, which stores them exactly as the local engine
does (engine/local.run_with). The per-article part of story clustering (each new article's story
vector: content words and MinHash signature) runs on the workers too, and so does each changed
story's dossier (claims, disagreements, timeline: a pure function of its members' records);
placing articles into stories is ordered (oldest first) and runs here, over the candidates the
blocking keys give.

The context (lexicon, registry with the --registry files) is loaded here and sent to every worker
once, so workers on other machines need no access to the registry files; each worker loads the
tagger once, on its first page. Without --scheduler a local cluster is started, one
single-threaded worker process per core, and stopped at the end."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from marsad.article import Article, Page
from marsad.context import Context, Settings
from marsad.engine.cross import vectorise_here
from marsad.engine.local import RunSummary, _analyze_safely, run_with
from marsad.store.base import Store
from marsad.stories.build import StoryVector, StoryWork, dossier_of
from marsad.stories.records import Dossier

# Pages per task: big enough that scheduling costs little next to analysis, small enough that a
# window keeps every worker busy.
PARTITION = 16
# Pages per window: a window's results are held here until written, as in the local engine (the
# next window is on the workers meanwhile).
WINDOW = 256
# Articles per story-vector task.
VECTOR_PARTITION = 256


def dossier_task(work: StoryWork, idf: dict[str, float], ctx: Context) -> tuple[Dossier, str | None]:
    """One task: a story's dossier, from its members' records (and its claim search to keep)."""
    return dossier_of(work, idf, ctx.tagger.vocabulary())


def analyse_partition(pages: list[Page], ctx: Context) -> list[list[Article] | str]:
    """One task: the pages' articles, or why a page failed (one bad page never stops a run)."""
    return [_analyze_safely(page, ctx) for page in pages]


def _partitions(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


@contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client of the scheduler at `scheduler`, or of a local cluster of `workers` processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,  # type: ignore[no-untyped-call]
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


def run_analysis_dask(
    paths: list[str], store: Store, settings: Settings, ctx: Context | None = None, scheduler: str | None = None
) -> RunSummary:
    """Analyse `paths` into `store` on a Dask cluster; same results as engine.local.run_analysis."""
    ctx = ctx or Context.load(settings)
    with dask_client(scheduler, max(1, settings.workers or os.cpu_count() or 1)) as client:
        shared_ctx = client.scatter(ctx, broadcast=True)

        def submit(todo: list[Page]) -> Callable[[], list[list[Article] | str]]:
            futures = client.map(analyse_partition, _partitions(todo, PARTITION), ctx=shared_ctx, pure=False)
            return lambda: [result for part in client.gather(futures) for result in part]

        def vectorise(articles: list[tuple[str, str | None, str]]) -> list[StoryVector]:
            futures = client.map(vectorise_here, _partitions(articles, VECTOR_PARTITION), pure=False)
            return [v for part in client.gather(futures) for v in part]

        weights: list[tuple[dict[str, float], Any]] = []  # the run's word weights, sent to every worker once

        def dossiers(work: list[StoryWork], idf: dict[str, float]) -> Callable[[], list[tuple[Dossier, str | None]]]:
            if not weights or weights[0][0] is not idf:
                weights[:] = [(idf, client.scatter(idf, broadcast=True))]
            futures = client.map(dossier_task, work, idf=weights[0][1], ctx=shared_ctx, pure=False)
            return lambda: list(client.gather(futures))

        return run_with(paths, store, settings, ctx, submit, vectorise, window=WINDOW, dossiers_with=dossiers)
