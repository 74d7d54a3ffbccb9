"""Map a pure function over a long list on both cores, in order; batch work without the
garbage collector's pauses.

Inside a daemonic process (a Dask worker of a chain run) work stays in that process: the
cluster is the parallelism there, and a daemon may not start processes of its own.
"""
from __future__ import annotations

import gc
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")
WORKERS = 2


@contextmanager
def collector_paused() -> Iterator[None]:
    """Batch work that builds many objects without reference cycles (the analysis of thousands of
    posts) runs without the cyclic garbage collector, which would otherwise walk every object
    built so far again and again (a fifth of the text analysis' time); collected once at the end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect()


def kept_for_the_run() -> None:
    """Call after reading back data that stays for the rest of the run and has no reference
    cycles (a cached corpus, cached results): everything the collector tracks so far is set
    aside (``gc.freeze``), so no later collection walks those millions of objects again (that
    walk was a third of a warm re-run). Set-aside objects are still freed when unreferenced."""
    gc.freeze()


def _map(pool: Executor | None, func: Callable[[list[T]], list[R]], items: list[T]) -> list[R]:
    if pool is None:
        return func(items)
    size = -(-len(items) // (WORKERS * 4))
    chunks = [items[i: i + size] for i in range(0, len(items), size)]
    return [r for part in pool.map(func, chunks) for r in part]


def map_chunks(func: Callable[[list[T]], list[R]], items: Sequence[T], parallel_from: int,
               prepare: Callable[[], object] | None = None) -> list[R]:
    """``func`` over chunks of *items*, concatenated; forked workers from *parallel_from* items
    on (*prepare* runs first in the parent, so that workers share what it loads)."""
    items = list(items)
    if len(items) < parallel_from or multiprocessing.current_process().daemon:
        return func(items)
    with worker_pool(prepare) as pool:
        return _map(pool, func, items)


@contextmanager
def worker_pool(prepare: Callable[[], object] | None = None) -> Iterator[Executor | None]:
    """Forked workers for several calls of :func:`map_with` (forking once: what *prepare*
    loads in the parent is shared, not copied again for every call); None in a daemonic process."""
    if prepare is not None:
        prepare()
    if multiprocessing.current_process().daemon:
        yield None
        return
    gc.freeze()  # the collector would otherwise touch, and so copy, every shared object in each worker
    try:
        with ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("fork")) as pool:
            yield pool
    finally:
        gc.unfreeze()


def map_with(pool: Executor | None, func: Callable[[list[T]], list[R]], items: Sequence[T]) -> list[R]:
    """``func`` over chunks of *items* in *pool* (or here, without one), in order."""
    return _map(pool, func, list(items))
