"""core/forked.py: a map over forked processes, in order, with the parent's memory; None when it cannot run."""

from __future__ import annotations

import os

import pytest

from glossary_tool.core import forked

SHARED: list[int] = []


def _square_with_pid(i: int) -> tuple[int, int, int]:
    return i * i, SHARED[i], os.getpid()


def _boom(i: int) -> int:
    if i == 3:
        raise ValueError("three")
    return i


def test_results_come_back_in_order_from_other_processes_that_share_the_parents_memory() -> None:
    SHARED[:] = list(range(100, 120))
    try:
        out = forked.forked_map(_square_with_pid, list(range(20)), 2)
    finally:
        SHARED.clear()
    assert out is not None
    assert [(a, b) for a, b, _ in out] == [(i * i, 100 + i) for i in range(20)]
    assert os.getpid() not in {pid for _, _, pid in out}


def test_one_job_or_one_item_is_left_to_the_caller() -> None:
    assert forked.forked_map(_boom, [1, 2], 1) is None
    assert forked.forked_map(_boom, [1], 2) is None


def test_an_exception_in_the_function_is_raised_as_in_one_process() -> None:
    with pytest.raises(ValueError, match="three"):
        forked.forked_map(_boom, list(range(6)), 2)


def test_no_worker_means_none_so_the_caller_does_the_work(monkeypatch: pytest.MonkeyPatch) -> None:
    class Refused:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(forked, "ProcessPoolExecutor", Refused)
    assert forked.forked_map(_square_with_pid, [1, 2, 3], 2) is None


def _die(i: int) -> int:
    if i == 1:
        os._exit(9)  # a worker killed (out of memory) mid-map
    return i


def test_a_worker_that_dies_means_none() -> None:
    assert forked.forked_map(_die, [0, 1, 2, 3], 2) is None
