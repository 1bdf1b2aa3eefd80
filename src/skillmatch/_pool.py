"""A process pool that gives every task a time budget and survives workers that die.

``concurrent.futures.ProcessPoolExecutor`` cannot cancel a task that is running, and one
worker killed by the kernel (out of memory, a segfault in a C parser) breaks the whole
executor and every future in it. Screening untrusted CVs needs the opposite: a parser stuck
inside C code is killed when its document overruns its budget, the worker is replaced, and
every other document still gets its result. So this module runs its own small pool:

- one task per worker at a time, so killing a worker loses exactly the task it was on;
- a worker runs ``initializer`` once (build the matcher, load the job) and says it is ready
  before it gets work, so start-up never counts against a document's budget;
- tasks are sent as small picklable items (paths, not file contents) and results come back
  as soon as they finish, with the task's index so callers can restore input order;
- with ``max_memory``, a worker may grow by that much at most (``RLIMIT_AS`` on Linux): a
  task that needs more gets a ``MemoryError`` (or, inside C code that cannot fail politely,
  aborts its worker), fails alone, and the worker is replaced.

>>> from skillmatch._pool import run_tasks
>>> sorted(run_tasks(abs, [-2, 3, -1], workers=2, timeout=10.0))
[(0, 2), (1, 3), (2, 1)]
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from typing import Any, Literal, TypeVar

__all__ = ["Failure", "can_start_workers", "cap_address_space", "default_workers", "run_tasks"]

T = TypeVar("T")
R = TypeVar("R")

#: How long a worker may take to start (import spaCy, build the matcher) before it is
#: replaced; start-up is not part of any document's budget.
START_TIMEOUT = 300.0
#: Consecutive workers that may fail to start before the remaining tasks are failed.
MAX_START_FAILURES = 3


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a task produced no result: it overran its budget, its worker died, or it raised."""

    #: "nostart": no worker could be started at all, so the task never ran (the caller may
    #: run it another way); "crash": the worker running the task died.
    kind: Literal["timeout", "crash", "exception", "memory", "nostart"]
    error_type: str  # the exception class name, "DocumentTimeoutError", "WorkerCrashError", "LimitExceededError"
    message: str
    seconds: float


def can_start_workers() -> bool:
    """False in a daemonic process (a multiprocessing or Dask worker), which may not have children."""
    return not multiprocessing.current_process().daemon


def default_workers() -> int:
    """The number of cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)  # pragma: no cover - macOS and Windows


def _context(preload: Sequence[str] = ()) -> BaseContext:
    # fork is unsafe in a process that already runs threads (notebooks, rich's refresh
    # thread, dask workers), so workers start from a fork server where there is one,
    # as Python 3.14 does by default, and are spawned elsewhere.
    if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        if preload:
            # Modules the fork server imports once, before it forks any worker (this has an
            # effect only until the server has started, once per Python session).
            ctx.set_forkserver_preload(["__main__", *preload])
        return ctx
    return multiprocessing.get_context("spawn")  # pragma: no cover - Windows


def _worker_main(
    conn: Connection,
    func: Callable[[Any], Any],
    initializer: Callable[..., None] | None,
    initargs: tuple[Any, ...],
    max_memory: int | None = None,
) -> None:
    """Run tasks from ``conn`` until it closes: ("ok"|"error"|"memory", index, payload, seconds) per task."""
    # Ctrl-C reaches every process of the terminal's group; the parent handles it and
    # stops the workers, so a worker must not die half-way through sending a result.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        if initializer is not None:
            initializer(*initargs)
        if max_memory is not None:
            cap_address_space(max_memory)  # after start-up, which is not any task's cost
    except BaseException as exc:  # anything at all: report it, the parent decides
        conn.send(("init-error", -1, f"{type(exc).__name__}: {exc}", 0.0))
        return
    conn.send(("ready", -1, None, 0.0))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, item = task
        start = time.perf_counter()
        try:
            result = func(item)
            message: tuple[str, int, Any, float] = ("ok", index, result, time.perf_counter() - start)
        except MemoryError:
            # What the task held is freed by now; a worker that ran out of memory leaves (its
            # heap may stay fragmented) and the parent starts another.
            conn.send(("memory", index, None, time.perf_counter() - start))
            return
        except Exception as exc:
            message = ("error", index, (type(exc).__name__, str(exc)), time.perf_counter() - start)
        try:
            conn.send(message)
        except Exception as exc:  # the result would not pickle
            conn.send(("error", index, (type(exc).__name__, f"result not sendable: {exc}"), message[3]))


class _Worker:
    """One worker process, the task it is on and when that task's budget runs out."""

    def __init__(
        self,
        ctx: BaseContext,
        func: Callable[[Any], Any],
        initializer: Callable[..., None] | None,
        initargs: tuple[Any, ...],
        max_memory: int | None = None,
    ) -> None:
        parent, child = ctx.Pipe(duplex=True)
        self.conn: Connection = parent
        self.process = ctx.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(child, func, initializer, initargs, max_memory), daemon=True
        )
        self.process.start()
        child.close()
        self.ready = False
        self.started = time.monotonic()
        self.task: tuple[int, Any] | None = None
        self.sent = 0.0
        self.deadline = float("inf")

    def send(self, index: int, item: Any, timeout: float | None) -> None:
        self.task = (index, item)
        self.sent = time.monotonic()
        self.deadline = self.sent + timeout if timeout is not None else float("inf")
        self.conn.send((index, item))

    def done(self) -> None:
        self.task = None
        self.deadline = float("inf")

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def ask_to_stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)


def cap_address_space(extra: int) -> int | None:
    """Let this process's address space grow by at most ``extra`` bytes from now on.

    Sets ``RLIMIT_AS`` (never raising a lower limit already set) and returns it, or None where
    the size of the address space cannot be read (only Linux has ``/proc/self/statm``) or the
    limit cannot be set: there the cap is skipped. The limit counts reserved address space,
    not pages in use, so it is set above what the process already holds rather than as a
    total (a worker with spaCy loaded reserves over 1 GB it never touches).
    """
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as handle:
            size = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = size + extra
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        if soft != resource.RLIM_INFINITY and soft <= limit:
            return int(soft)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        return None
    return limit


def _memory_failure(max_memory: int | None, seconds: float, died: str = "") -> Failure:
    how = f" (its worker died with {died}, as C code does when an allocation fails)" if died else ""
    if max_memory is None:
        return Failure("memory", "MemoryError", f"the worker ran out of memory on this input{how}", seconds)
    message = f"it needed more memory than max_memory={max_memory:,} bytes allows{how}; the worker was replaced"
    return Failure("memory", "LimitExceededError", message, seconds)


def _crash_message(exitcode: int | None, when: str) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (out of memory?)" if name == "SIGKILL" else ""
        return f"the worker process died with {name}{hint} {when}"
    return f"the worker process exited with code {exitcode} {when}"


def run_tasks(
    func: Callable[[T], R],
    items: Sequence[T],
    *,
    workers: int,
    timeout: float | None,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    preload: Sequence[str] = (),
    max_memory: int | None = None,
) -> Generator[tuple[int, R | Failure], None, None]:
    """Run ``func`` on every item in worker processes; yield ``(index, result)`` as each finishes.

    ``func``, ``initializer`` and the items must pickle (module-level functions, plain data).
    A task that runs longer than ``timeout`` seconds has its worker killed and yields a
    :class:`Failure` of kind ``"timeout"``; a worker that dies yields ``"crash"``; an
    exception raised by ``func`` yields ``"exception"``; when no worker can be started at
    all, the tasks left yield ``"nostart"`` (they never ran). Every index is yielded exactly once.
    Closing the iterator early stops every worker. ``preload`` names modules the fork server
    imports before forking workers, so expensive state they build is shared by every worker.

    With ``max_memory``, each worker may grow by that many bytes after its initializer (see
    :func:`cap_address_space`). A ``MemoryError`` that ``func`` lets out, or a worker that
    aborts (SIGABRT: PDFium's answer to a failed allocation) while the cap is in force,
    yields a ``"memory"`` failure typed ``LimitExceededError`` that names the limit; the
    worker is replaced. (A ``MemoryError`` without a cap is a ``"memory"`` failure typed
    ``MemoryError``.)
    """
    pending: deque[tuple[int, T]] = deque(enumerate(items))
    if not pending:
        return
    ctx = _context(preload)
    size = max(1, min(workers, len(pending)))
    pool: list[_Worker] = []
    start_failures = 0
    start_error = ""
    try:
        while pending or any(w.task is not None for w in pool):
            # keep `size` workers while there is work for them
            want = min(size, sum(w.task is not None for w in pool) + len(pending))
            while len(pool) < want and start_failures < MAX_START_FAILURES:
                try:
                    pool.append(_Worker(ctx, func, initializer, initargs, max_memory))
                except (OSError, ValueError, AssertionError) as exc:  # no more processes, a daemon ...
                    start_failures += 1
                    start_error = f"{type(exc).__name__}: {exc}"
            if not pool:
                message_text = f"no worker process could start: {start_error}"
                while pending:
                    yield pending.popleft()[0], Failure("nostart", "WorkerCrashError", message_text, 0.0)
                break
            for w in pool:
                if w.ready and w.task is None and pending:
                    w.send(*pending.popleft(), timeout)

            soonest = min(w.deadline if w.ready else w.started + START_TIMEOUT for w in pool)
            wait_for = None if soonest == float("inf") else max(0.0, soonest - time.monotonic())
            ready = set(wait([*(w.conn for w in pool), *(w.process.sentinel for w in pool)], wait_for))

            gone: list[_Worker] = []
            for w in pool:
                if w.conn not in ready and w.process.sentinel not in ready:
                    continue
                message = _receive(w)
                if message is None:  # the process died or closed its end
                    w.process.join(5)
                    if w.task is not None:
                        index, seconds = w.task[0], time.monotonic() - w.sent
                        w.done()
                        if max_memory is not None and w.process.exitcode == -signal.SIGABRT:
                            yield index, _memory_failure(max_memory, seconds, died="SIGABRT")
                        else:
                            crash = _crash_message(w.process.exitcode, "while on this input")
                            yield index, Failure("crash", "WorkerCrashError", crash, seconds)
                    elif not w.ready:
                        start_failures += 1
                        start_error = _crash_message(w.process.exitcode, "while starting")
                    gone.append(w)
                    continue
                status, index, payload, seconds = message
                if status == "ready":
                    w.ready = True
                    start_failures = 0
                elif status == "init-error":
                    start_failures += 1
                    start_error = str(payload)
                    gone.append(w)
                elif w.task is not None and index == w.task[0]:
                    w.done()
                    if status == "ok":
                        yield index, payload
                    elif status == "memory":
                        yield index, _memory_failure(max_memory, seconds)
                        gone.append(w)  # it leaves on its own; another takes its place
                    else:
                        yield index, Failure("exception", payload[0], payload[1], seconds)

            now = time.monotonic()
            for w in pool:
                if w in gone:
                    continue
                if w.task is not None and now >= w.deadline:
                    index = w.task[0]
                    w.done()
                    w.kill()
                    budget = f"took longer than the time budget of {timeout:g} s; its worker was stopped"
                    yield index, Failure("timeout", "DocumentTimeoutError", budget, now - w.sent)
                    gone.append(w)
                elif not w.ready and now >= w.started + START_TIMEOUT:
                    start_failures += 1
                    start_error = f"a worker did not start within {START_TIMEOUT:g} s"
                    gone.append(w)
            for w in gone:
                w.kill()
                pool.remove(w)

            if start_failures >= MAX_START_FAILURES and pending and not any(w.ready for w in pool):
                # the initializer keeps failing: fail what is left rather than retry forever
                message_text = f"no worker process could start: {start_error}"
                while pending:
                    yield pending.popleft()[0], Failure("nostart", "WorkerCrashError", message_text, 0.0)
    finally:
        # idle workers leave at once; one still on a task gets a second, then is killed
        for w in pool:
            w.ask_to_stop()
        deadline = time.monotonic() + 1.0
        for w in pool:
            w.process.join(max(0.0, deadline - time.monotonic()))
            w.kill()


def _receive(w: _Worker) -> tuple[str, int, Any, float] | None:
    """The worker's next message, or None when it has died (a message sent just before counts)."""
    try:
        if w.conn.poll():
            message: tuple[str, int, Any, float] = w.conn.recv()
            return message
    except (EOFError, OSError):
        return None
    if w.process.is_alive():  # woken by nothing we can read: not a death
        return ("noop", -1, None, 0.0)
    return None
