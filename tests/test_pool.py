"""The process pool: time budgets that stop C code, crashes that lose one task, input order."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import time
from typing import Any

import pytest

from skillmatch._pool import Failure, default_workers, run_tasks

# Worker-side helpers: module-level so they pickle by name into the worker processes.
_INIT_CALLS = 0


def _count_init() -> None:
    global _INIT_CALLS
    _INIT_CALLS += 1


def _task(item: str) -> tuple[str, int, int]:
    """Do what ``item`` says, then report the item, this worker's pid and its initializer runs."""
    if item == "hang":
        # sleep(3) inside libc: no Python bytecode runs, so only killing the process stops it
        ctypes.CDLL(None).sleep(60)
    elif item == "exit":
        os._exit(3)
    elif item == "segv":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif item == "raise":
        raise ValueError("bad item")
    elif item == "hog":
        bytearray(1 << 33)  # 8 GiB: more than any cap the tests set
    elif item == "abort":
        os.abort()  # what PDFium does when an allocation fails
    elif item == "limit":
        import resource

        with open("/proc/self/statm", encoding="ascii") as handle:
            size = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        return item, resource.getrlimit(resource.RLIMIT_AS)[0], size
    elif item == "unpicklable":
        return (item, os.getpid(), lambda: None)  # type: ignore[return-value]
    elif item.startswith("slow"):
        time.sleep(0.05)  # long enough for the second worker to start and take work
    return item.upper(), os.getpid(), _INIT_CALLS


def _failing_init() -> None:
    raise RuntimeError("no matcher today")


def _results(items: list[str], **kwargs: object) -> dict[int, tuple[str, int, int] | Failure]:
    out: dict[int, tuple[str, int, int] | Failure] = {}
    for index, result in run_tasks(_task, items, **kwargs):  # type: ignore[arg-type]
        assert index not in out, "an index was yielded twice"
        out[index] = result
    return out


def test_every_index_once_with_its_own_result() -> None:
    items = [f"slow{i}" for i in range(40)]
    out = _results(items, workers=2, timeout=30.0, initializer=_count_init)
    assert sorted(out) == list(range(40))
    for i, result in out.items():
        assert not isinstance(result, Failure)
        assert result[0] == f"SLOW{i}"
        assert result[2] == 1, "the initializer runs once per worker, not per task"
    assert len({r[1] for r in out.values() if not isinstance(r, Failure)}) == 2


def test_a_task_stuck_in_c_code_is_killed_and_the_rest_complete() -> None:
    items = ["a", "hang", "b", "c", "d"]
    start = time.monotonic()
    out = _results(items, workers=2, timeout=1.0, initializer=_count_init)
    elapsed = time.monotonic() - start
    hung = out[1]
    assert isinstance(hung, Failure)
    assert hung.kind == "timeout"
    assert hung.error_type == "DocumentTimeoutError"
    assert "time budget of 1 s" in hung.message
    assert 1.0 <= hung.seconds < 10
    assert [out[i] for i in (0, 2, 3, 4) if isinstance(out[i], Failure)] == []
    assert elapsed < 30, "the pool waited for the hung task instead of killing it"


def test_the_budget_starts_when_the_task_is_sent_not_when_the_worker_starts() -> None:
    # starting a worker (imports, initializer) may take longer than the budget itself
    out = _results(["a", "b"], workers=2, timeout=0.5, initializer=_count_init)
    assert not any(isinstance(r, Failure) for r in out.values())


@pytest.mark.parametrize(("item", "expected"), [("exit", "code 3"), ("segv", "SIGSEGV")])
def test_a_worker_that_dies_fails_only_its_task(item: str, expected: str) -> None:
    out = _results(["a", item, "b", "c"], workers=2, timeout=30.0)
    dead = out[1]
    assert isinstance(dead, Failure)
    assert dead.kind == "crash"
    assert dead.error_type == "WorkerCrashError"
    assert expected in dead.message
    survivors = [out[i] for i in (0, 2, 3)]
    assert [r[0] for r in survivors if not isinstance(r, Failure)] == ["A", "B", "C"]


def test_an_exception_in_the_task_is_reported_not_raised() -> None:
    out = _results(["raise", "unpicklable", "ok"], workers=2, timeout=30.0)
    raised, unsendable, ok = out[0], out[1], out[2]
    assert isinstance(raised, Failure)
    assert (raised.kind, raised.error_type, raised.message) == ("exception", "ValueError", "bad item")
    assert isinstance(unsendable, Failure)
    assert "not sendable" in unsendable.message
    assert not isinstance(ok, Failure)


def test_a_failing_initializer_fails_every_task_without_hanging() -> None:
    out = _results(["a", "b", "c"], workers=2, timeout=30.0, initializer=_failing_init)
    assert sorted(out) == [0, 1, 2]
    for result in out.values():
        assert isinstance(result, Failure)
        assert "no matcher today" in result.message


def test_closing_the_iterator_stops_the_workers() -> None:
    tasks = run_tasks(_task, ["a", "hang", "hang", "b"], workers=2, timeout=60.0)
    _, first = next(tasks)
    assert not isinstance(first, Failure)
    pid = first[1]
    tasks.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail(f"worker {pid} still running after the iterator was closed")


def test_no_items_start_no_workers() -> None:
    assert list(run_tasks(_task, [], workers=4, timeout=1.0)) == []


def test_default_workers_is_the_usable_cores() -> None:
    assert 1 <= default_workers() <= (os.cpu_count() or 1)


def _pool_in_a_daemon(queue: Any) -> None:
    queue.put(list(run_tasks(_task, ["a", "b"], workers=2, timeout=30.0)))


def test_a_process_that_cannot_have_children_gets_failures_not_an_exception() -> None:
    ctx = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
    queue = ctx.Queue()
    daemon = ctx.Process(target=_pool_in_a_daemon, args=(queue,), daemon=True)  # type: ignore[attr-defined]
    daemon.start()
    out = dict(queue.get(timeout=60))
    daemon.join(10)
    assert sorted(out) == [0, 1]
    for result in out.values():
        assert isinstance(result, Failure)
        assert result.kind == "nostart"
        assert result.error_type == "WorkerCrashError"
        assert "no worker process could start" in result.message
        assert "daemonic" in result.message


# --- the memory cap -------------------------------------------------------------------------

CAP = 256 * 1024 * 1024
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is read from /proc")


@linux_only
def test_a_task_that_needs_more_memory_than_the_cap_fails_alone_and_its_worker_is_replaced() -> None:
    out = _results(["a", "hog", "b", "c"], workers=1, timeout=30.0, max_memory=CAP)
    hog = out[1]
    assert isinstance(hog, Failure)
    assert (hog.kind, hog.error_type) == ("memory", "LimitExceededError")
    assert "max_memory=268,435,456 bytes" in hog.message
    before, after, later = out[0], out[2], out[3]
    assert not isinstance(before, Failure)
    assert not isinstance(after, Failure)
    assert not isinstance(later, Failure)
    assert (before[0], after[0], later[0]) == ("A", "B", "C")
    assert after[1] != before[1], "the worker that ran out of memory was replaced"
    assert later[1] == after[1]


@linux_only
def test_a_worker_that_aborts_under_the_cap_is_out_of_memory() -> None:
    capped = _results(["abort", "a"], workers=1, timeout=30.0, max_memory=CAP)
    assert isinstance(capped[0], Failure)
    assert (capped[0].kind, capped[0].error_type) == ("memory", "LimitExceededError")
    assert "max_memory" in capped[0].message
    assert "SIGABRT" in capped[0].message
    assert not isinstance(capped[1], Failure)
    uncapped = _results(["abort"], workers=1, timeout=30.0)
    assert isinstance(uncapped[0], Failure)
    assert (uncapped[0].kind, uncapped[0].error_type) == ("crash", "WorkerCrashError")


@linux_only
def test_the_cap_is_set_above_what_the_worker_holds_after_start_up() -> None:
    out = _results(["limit"], workers=1, timeout=30.0, max_memory=CAP)
    result = out[0]
    assert not isinstance(result, Failure)
    _, limit, size = result
    assert size < limit <= size + CAP
    assert limit > CAP  # a total of 256 MiB would not even hold the worker
    uncapped = _results(["limit"], workers=1, timeout=30.0)[0]
    assert not isinstance(uncapped, Failure)
    assert uncapped[1] == -1  # RLIM_INFINITY: no cap unless asked
