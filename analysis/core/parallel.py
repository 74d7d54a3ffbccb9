"""Map a pure function over a long list on both cores, in order."""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")
WORKERS = 2


def map_chunks(func: Callable[[list[T]], list[R]], items: Sequence[T], parallel_from: int,
               prepare: Callable[[], object] | None = None) -> list[R]:
    """``func`` over chunks of *items*, concatenated; forked workers from *parallel_from* items
    on (*prepare* runs first in the parent, so that workers share what it loads)."""
    items = list(items)
    if len(items) < parallel_from:
        return func(items)
    if prepare is not None:
        prepare()
    size = -(-len(items) // (WORKERS * 4))
    chunks = [items[i: i + size] for i in range(0, len(items), size)]
    with ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("fork")) as pool:
        return [r for part in pool.map(func, chunks) for r in part]
