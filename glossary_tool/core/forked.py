"""A map over forked worker processes that share what the parent has in memory: nothing large is pickled on the way
in, only each call's small argument and its result. None when no worker could run, so the caller does the work itself.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from glossary_tool.core import progress

A = TypeVar("A")
R = TypeVar("R")


def forked_map(function: Callable[[A], R], items: Sequence[A], jobs: int) -> list[R] | None:
    """``[function(item) for item in items]``, run by ``jobs`` forked processes, in the order of ``items``; each item is
    taken by the first process free, so list the costly ones first. ``function`` must be a module-level function,
    and reads what it shares with the parent from module state set before this call (fork copies it).

    None when no process could be started, or one died (out of memory, killed): the caller then runs ``function``
    itself, with the same results. An exception ``function`` raises is raised here, as if it had run in this process."""
    if jobs < 2 or len(items) < 2:
        return None
    if "fork" not in multiprocessing.get_all_start_methods():
        return None  # a worker would import everything again and get none of the parent's memory
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=context, initializer=worker_start) as pool:
            return list(pool.map(function, items))
    except (OSError, BrokenProcessPool):
        return None


def worker_start() -> None:
    """What every forked worker does first (this map's, lint's rule workers, the parsing workers)."""
    gc.disable()  # nothing a worker makes forms cycles worth collecting, and it ends with its work
    progress.disable()  # a forked worker inherits the parent's terminal: only the parent draws the bar
