"""Screen many CVs against one job: the pandas entry points.

``screen`` reads files (in worker processes, each with a time budget) and returns one
row per input, best first; ``screen_frame`` scores a column of CV texts and is the
per-partition function for Dask. Both never raise for one bad input: the row says what
went wrong. pandas is imported only inside the functions that build frames, so the CLI
can stream rows without it.

>>> import pandas as pd, skillmatch as sm
>>> job = sm.Job((sm.Requirement(("python",)), sm.Requirement(("docker",))))
>>> out = sm.screen_frame(pd.DataFrame({"text": ["Skills: Python, Docker", None]}), job)
>>> out["status"].tolist()
['ok', 'error']
"""

from __future__ import annotations

import math
import os
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from ._pool import Failure, can_start_workers, default_workers, run_tasks
from .errors import DocumentError, JobError, ProfileError
from .limits import DEFAULT_LIMITS, Limits
from .models import Document, Job, Match, Profile, Requirement

if TYPE_CHECKING:
    import pandas as pd

    from .taxonomy import Taxonomy

__all__ = [
    "COLUMNS",
    "SUPPORTED_SUFFIXES",
    "ScreenResult",
    "expand_paths",
    "iter_screen",
    "profiles_from_frame",
    "profiles_to_frame",
    "screen",
    "screen_frame",
]

PathArg = str | os.PathLike[str]
#: What ``screen`` picks up when it expands a directory (any file given by name is tried).
SUPPORTED_SUFFIXES = frozenset({".pdf", ".docx", ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json"})
#: The columns of ``screen``'s frame, in order (``profile`` only with ``keep_profiles=True``).
COLUMNS = (
    "source",
    "status",
    "score",
    "matched",
    "partial",
    "missing",
    "years",
    "error_type",
    "error",
    "warnings",
    "kind",
    "pages",
    "chars",
    "seconds",
    "match",
)
#: The columns ``screen_frame`` adds to a frame.
FRAME_COLUMNS = ("status", "score", "matched", "partial", "missing", "years", "error_type", "error", "match")
_FLOAT_COLUMNS = frozenset({"score", "years", "seconds"})


@dataclass(frozen=True, slots=True)
class ScreenResult:
    """The outcome for one input: a score and its explanation, or what went wrong."""

    source: str
    status: Literal["ok", "error"]
    score: float = math.nan  # NaN on error
    match: Match | None = None
    error: str | None = None  # the message, without the file name (``source`` has it)
    error_type: str | None = None  # the exception class: "EncryptedDocumentError", "DocumentTimeoutError" ...
    years: float | None = None  # experience covered by dated roles
    kind: str | None = None
    pages: int | None = None
    chars: int | None = None  # characters of text read (0 for a scan without a text layer)
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0  # time spent on this input (read, extract, score)
    #: How each requirement reads to a recruiter, by how it was met.
    matched: tuple[str, ...] = ()
    partial: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    profile: Profile | None = None  # only when asked for (``keep_profiles=True``)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def to_row(self) -> dict[str, Any]:
        """The row ``screen`` puts in its frame: readable text columns plus the Match."""
        ok = self.match is not None
        return {
            "source": self.source,
            "status": self.status,
            "score": self.score,
            # "; " because a label may hold commas ("Python or Go, 3+ years")
            "matched": "; ".join(self.matched) if ok else None,
            "partial": "; ".join(self.partial) if ok else None,
            "missing": "; ".join(self.missing) if ok else None,
            "years": self.years,
            "error_type": self.error_type,
            "error": self.error,
            "warnings": "; ".join(self.warnings) or None,
            "kind": self.kind,
            "pages": self.pages,
            "chars": self.chars,
            "seconds": self.seconds,
            "match": self.match,
        }


def requirement_label(requirement: Requirement, taxonomy: Taxonomy | None = None) -> str:
    """How a requirement reads to a recruiter: its label, else its skills' names joined by "or"."""
    if requirement.label:
        return requirement.label
    if taxonomy is None:
        from .taxonomy import load_taxonomy

        taxonomy = load_taxonomy()
    names = []
    for skill_id in requirement.skills:
        skill = taxonomy.get(skill_id)
        names.append(skill.name if skill is not None else skill_id)
    return " or ".join(names)


def _labels(match: Match, status: str, taxonomy: Taxonomy | None) -> tuple[str, ...]:
    return tuple(requirement_label(r.requirement, taxonomy) for r in match.results if r.status == status)


# -- inputs ------------------------------------------------------------------


def expand_paths(paths: PathArg | Iterable[PathArg]) -> list[tuple[str, str | None, str | None]]:
    """Every input as ``(source, error_type, problem)``: directories become their supported files.

    Directories are walked recursively in sorted order, skipping hidden entries; a
    directory that cannot be read, or holds no supported file, and a path that does not
    exist are inputs with a problem, so they still get a row. Files named explicitly are
    kept whatever their suffix (the reader looks at their bytes).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[tuple[str, str | None, str | None]] = []
    for path in paths:
        source = os.fspath(path)
        if not os.path.isdir(source):
            if os.path.lexists(source):
                out.append((source, None, None))
            else:
                out.append((source, "FileNotFoundError", "no such file or directory"))
            continue
        found: list[tuple[str, str | None, str | None]] = []
        problems: list[OSError] = []
        for root, dirs, names in os.walk(source, onerror=problems.append):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(
                (os.path.join(root, name), None, None)
                for name in sorted(names)
                if not name.startswith(".") and os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES
            )
        out.extend(found)
        for problem in problems:
            where = os.fspath(problem.filename) if problem.filename else source
            out.append((where, type(problem).__name__, f"cannot read directory: {problem.strerror or problem}"))
        if not found and not problems:
            out.append((source, "UnsupportedFormatError", "no supported files in this directory"))
    return out


def _coerce_job(job: Job | PathArg, taxonomy: Taxonomy | None) -> Job:
    if isinstance(job, Job):
        return job
    if isinstance(job, str) and "\n" in job:
        raise JobError("a str job is a path to a job file; to screen against job text, pass parse_job(text)")
    if isinstance(job, (str, os.PathLike)):
        if not os.path.isfile(job):
            raise JobError("no such job file", source=os.fspath(job))
        from .jd import load_job

        return load_job(job, taxonomy=taxonomy)
    raise TypeError(f"job must be a Job or a path to a job file, not {type(job).__name__}")


# -- one document --------------------------------------------------------------

Reader = Callable[..., Document]


class _Screener:
    """Read, extract and score one file; everything that depends only on the job is set up once."""

    def __init__(
        self,
        job: Job,
        taxonomy: Taxonomy | None,
        as_of: date | None,
        limits: Limits,
        reader: Reader | None,
        keep_profiles: bool,
    ) -> None:
        from .profile import extract_profile
        from .scoring import compile_job

        if reader is None:
            from .documents import read_document

            reader = read_document
        self.job = job
        self.taxonomy = taxonomy
        self.as_of = as_of
        self.limits = limits
        self.reader = reader
        self.keep_profiles = keep_profiles
        self._extract = extract_profile
        self.in_worker = False  # set by _init_worker: a MemoryError is then the pool's to report
        # the job is compiled once (its skills' relatives looked up in the taxonomy), then
        # every profile is scored against the compiled form
        self._score = compile_job(job, taxonomy=taxonomy).score

    def warm_up(self) -> None:
        """Build the matcher and its lazily built parts now, before the worker asks for work.

        The text names ambiguous words, a negation and a dated role, so the context rules
        (and spaCy behind them) are loaded here rather than inside the first document's
        time budget.
        """
        self._extract(_WARM_UP_CV, taxonomy=self.taxonomy, as_of=self.as_of)

    def __call__(self, source: str) -> ScreenResult:
        start = time.perf_counter()
        doc: Document | None = None
        try:
            doc = self.reader(source, limits=self.limits)
            profile = self._extract(doc, taxonomy=self.taxonomy, as_of=self.as_of)
            match = self._score(profile)
        except MemoryError as exc:
            if self.in_worker:
                raise  # the pool reports it (limits.max_memory) and replaces this worker
            return _error_result(source, exc, time.perf_counter() - start, doc)
        except Exception as exc:
            # One bad file must not cost the batch: every failure becomes its row, a
            # library bug included (its class name in error_type says which it was).
            return _error_result(source, exc, time.perf_counter() - start, doc)
        seconds = time.perf_counter() - start
        return _ok_result(source, doc, profile, match, seconds, self.keep_profiles, self.taxonomy)


def _ok_result(
    source: str,
    doc: Document | None,
    profile: Profile,
    match: Match,
    seconds: float,
    keep_profile: bool,
    taxonomy: Taxonomy | None,
) -> ScreenResult:
    warnings = tuple(dict.fromkeys((*(doc.warnings if doc else ()), *profile.warnings)))
    return ScreenResult(
        source=source,
        status="ok",
        score=float(match.score),
        match=match,
        years=None if profile.total_months is None else round(profile.total_months / 12, 1),
        kind=doc.kind if doc else None,
        pages=doc.pages if doc else None,
        chars=len(doc.text) if doc else None,
        warnings=warnings,
        seconds=seconds,
        matched=_labels(match, "matched", taxonomy),
        partial=_labels(match, "partial", taxonomy),
        missing=_labels(match, "missing", taxonomy),
        profile=profile if keep_profile else None,
    )


def _error_message(exc: BaseException) -> str:
    if isinstance(exc, DocumentError):
        return exc.message
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _error_result(source: str, exc: BaseException, seconds: float, doc: Document | None = None) -> ScreenResult:
    return ScreenResult(
        source=source,
        status="error",
        error=_error_message(exc),
        error_type=type(exc).__name__,
        kind=doc.kind if doc else None,
        pages=doc.pages if doc else None,
        chars=len(doc.text) if doc else None,
        warnings=doc.warnings if doc else (),
        seconds=seconds,
    )


_WARM_UP_CV = """Summary
Backend engineer. No experience with Kubernetes; currently learning Rust.

Experience
Software Engineer, Acme Ltd, Jan 2019 - Present
- Built services in Python and Go on PostgreSQL and Docker with Spring Boot.

Skills
Python, Java, Chef, Oracle, AWS IAM, Kafka
"""

# Worker-process state: the initializer builds it once, every task reuses it.
_WORKER_SCREENER: _Screener | None = None


def _init_worker(
    job: Job, taxonomy: Taxonomy | None, as_of: date | None, limits: Limits, reader: Reader | None, keep: bool
) -> None:
    global _WORKER_SCREENER
    _WORKER_SCREENER = _Screener(job, taxonomy, as_of, limits, reader, keep)
    _WORKER_SCREENER.in_worker = True
    _WORKER_SCREENER.warm_up()


def _screen_in_worker(source: str) -> ScreenResult:
    assert _WORKER_SCREENER is not None, "worker used before _init_worker"
    return _WORKER_SCREENER(source)


# -- batches -------------------------------------------------------------------


class Screening:
    """A batch ready to run: ``len()`` is the number of rows it will give; iterating runs it.

    Iterating yields ``(input index, result)`` for every input as it finishes, so output can
    stream; :func:`screen` collects them into a frame.
    """

    def __init__(
        self,
        inputs: list[tuple[str, str | None, str | None]],
        job: Job,
        *,
        taxonomy: Taxonomy | None,
        workers: int | None,
        limits: Limits,
        as_of: date | None,
        reader: Reader | None,
        keep_profiles: bool,
    ) -> None:
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers!r}")
        self.inputs = inputs
        self.job = job
        self.taxonomy = taxonomy
        self.workers = default_workers() if workers is None else workers
        self.limits = limits
        self.as_of = as_of
        self.reader = reader
        self.keep_profiles = keep_profiles

    def __len__(self) -> int:
        return len(self.inputs)

    def __iter__(self) -> Iterator[tuple[int, ScreenResult]]:
        todo: list[tuple[int, str]] = []
        for index, (source, error_type, problem) in enumerate(self.inputs):
            if problem is None:
                todo.append((index, source))
            else:
                yield index, ScreenResult(source=source, status="error", error=problem, error_type=error_type)
        if not todo:
            return
        args = (self.job, self.taxonomy, self.as_of, self.limits, self.reader, self.keep_profiles)
        workers = min(self.workers, len(todo))
        if workers > 1 and not can_start_workers():
            warnings.warn(
                "screen: this process is a daemon (a multiprocessing or Dask worker) and cannot start"
                " worker processes; reading the files here, where the time budget cannot stop a stuck parser",
                RuntimeWarning,
                stacklevel=3,
            )
            workers = 1
        if workers == 1:
            screener = _Screener(*args)
            for index, source in todo:
                yield index, screener(source)
            return
        tasks = run_tasks(
            _screen_in_worker,
            [source for _, source in todo],
            workers=workers,
            timeout=self.limits.timeout,
            initializer=_init_worker,
            initargs=args,
            preload=("skillmatch._warm",),
            max_memory=self.limits.max_memory,
        )
        fallback: _Screener | None = None
        for position, outcome in tasks:
            index, source = todo[position]
            if isinstance(outcome, Failure) and outcome.kind == "nostart":
                # No worker process could start — most often a script that calls screen()
                # without an ``if __name__ == "__main__":`` guard, which the fork server
                # re-imports. The files are still read, here, rather than lost.
                if fallback is None:
                    warnings.warn(
                        f"screen: {outcome.message}; reading the files in this process instead, where the"
                        " time budget cannot stop a stuck parser (a script that calls screen() needs an"
                        ' `if __name__ == "__main__":` guard for worker processes)',
                        RuntimeWarning,
                        stacklevel=3,
                    )
                    fallback = _Screener(*args)
                yield index, fallback(source)
                continue
            if isinstance(outcome, Failure):
                yield (
                    index,
                    ScreenResult(
                        source=source,
                        status="error",
                        error=outcome.message,
                        error_type=outcome.error_type,
                        seconds=outcome.seconds,
                    ),
                )
            else:
                yield index, outcome


def iter_screen(
    paths: PathArg | Iterable[PathArg],
    job: Job | PathArg,
    *,
    taxonomy: Taxonomy | None = None,
    workers: int | None = None,
    limits: Limits | None = None,
    as_of: date | None = None,
    reader: Reader | None = None,
    keep_profiles: bool = False,
) -> Screening:
    """Prepare a batch with the arguments of :func:`screen`, to stream its results as they finish.

    The job is loaded and the directories are listed now (a bad job raises
    :class:`~skillmatch.JobError` before any file is read); the files are read as the
    returned :class:`Screening` is iterated.

    >>> run = iter_screen("samples/cvs", "samples/jds/python-backend.yaml")  # doctest: +SKIP
    >>> for index, result in run:  # doctest: +SKIP
    ...     print(result.source, result.score)
    """
    return Screening(
        expand_paths(paths),
        _coerce_job(job, taxonomy),
        taxonomy=taxonomy,
        workers=workers,
        limits=DEFAULT_LIMITS if limits is None else limits,
        as_of=as_of,
        reader=reader,
        keep_profiles=keep_profiles,
    )


def screen(
    paths: PathArg | Iterable[PathArg],
    job: Job | PathArg,
    *,
    taxonomy: Taxonomy | None = None,
    workers: int | None = None,
    progress: bool = False,
    limits: Limits | None = None,
    as_of: date | None = None,
    reader: Reader | None = None,
    keep_profiles: bool = False,
) -> pd.DataFrame:
    """Score every CV under ``paths`` against ``job``: one row per input, best first, errors last.

    ``paths`` is a file, a directory (its supported files, recursively, in sorted order) or
    an iterable of them; ``job`` a :class:`~skillmatch.Job` or the path of a job file (a
    ``str`` is always a path: for job text pass ``parse_job(text)``). ``workers`` processes
    read the files (default: every core; 1 reads them in this process, where the per-file
    time budget of ``limits.timeout`` cannot stop a parser stuck in C code). ``progress``
    shows a progress bar in a terminal or notebook. ``reader`` replaces
    :func:`~skillmatch.read_document` (called as ``reader(path, limits=...)``; it must
    pickle). ``keep_profiles`` adds a ``profile`` column.

    A file that cannot be read, times out or crashes its worker is a row with
    ``status="error"``, its ``error_type`` and message, and a NaN score.

    >>> import skillmatch as sm
    >>> df = sm.screen("samples/cvs", "samples/jds/python-backend.yaml")  # doctest: +SKIP
    >>> df[["source", "score", "matched", "missing"]].head()  # doctest: +SKIP
    """
    from ._display import progress_bar

    run = iter_screen(
        paths,
        job,
        taxonomy=taxonomy,
        workers=workers,
        limits=limits,
        as_of=as_of,
        reader=reader,
        keep_profiles=keep_profiles,
    )
    results: list[ScreenResult | None] = [None] * len(run)
    with progress_bar(len(run), enabled=progress, description="screening") as advance:
        for index, result in run:
            results[index] = result
            advance()
    return results_frame([r for r in results if r is not None], keep_profiles=keep_profiles)


def results_frame(results: Sequence[ScreenResult], *, keep_profiles: bool = False) -> pd.DataFrame:
    """The frame of :func:`screen` from results in input order: best first, errors last."""
    import pandas as pd

    rows = [r.to_row() for r in results]
    columns: dict[str, Any] = {}
    for name in COLUMNS:
        values = [row[name] for row in rows]
        if name in _FLOAT_COLUMNS:
            columns[name] = pd.Series([math.nan if v is None else v for v in values], dtype="float64")
        elif name in ("pages", "chars"):
            columns[name] = pd.Series(values, dtype="Int64")
        else:
            columns[name] = pd.Series(values, dtype=object)
    if keep_profiles:
        columns["profile"] = pd.Series([r.profile for r in results], dtype=object)
    frame: pd.DataFrame = pd.DataFrame(columns)
    frame = frame.sort_values("score", ascending=False, na_position="last", kind="stable")
    ranked: pd.DataFrame = frame.reset_index(drop=True)
    return ranked


# -- frames of text --------------------------------------------------------------


def screen_frame(
    frame: pd.DataFrame,
    job: Job | PathArg,
    *,
    text_column: str = "text",
    taxonomy: Taxonomy | None = None,
    as_of: date | None = None,
) -> pd.DataFrame:
    """Score a column of CV texts; return a copy of ``frame`` with the score columns added.

    Rows keep their order and index, so this is the per-partition function for Dask
    (see :mod:`skillmatch.dask`). Adds ``status``, ``score`` (NaN on error), ``matched``,
    ``partial``, ``missing``, ``years``, ``error_type``, ``error`` and ``match`` (the
    :class:`~skillmatch.Match`). A cell that is not text is an error row, not an exception.

    >>> import pandas as pd, skillmatch as sm
    >>> job = sm.Job((sm.Requirement(("python",)), sm.Requirement(("kubernetes",))))
    >>> out = sm.screen_frame(pd.DataFrame({"text": ["Skills: Python, Django"]}), job, as_of=date(2024, 1, 1))
    >>> out.loc[0, "missing"]
    'Kubernetes'
    """
    import pandas as pd

    from .profile import extract_profile
    from .scoring import compile_job

    if text_column not in frame.columns:
        raise KeyError(f"no column {text_column!r} in the frame (columns: {list(frame.columns)})")
    job = _coerce_job(job, taxonomy)
    scorer = compile_job(job, taxonomy=taxonomy)
    results: list[ScreenResult] = []
    sources = [str(label) for label in frame.index]
    for source, text in zip(sources, frame[text_column].tolist(), strict=True):
        start = time.perf_counter()
        if not isinstance(text, str):
            what = "a missing value" if _is_missing(text) else f"a {type(text).__name__}"
            results.append(_error_result(source, TypeError(f"no text in this row ({what})"), 0.0))
            continue
        try:
            profile = extract_profile(text, taxonomy=taxonomy, as_of=as_of)
            match = scorer.score(profile)
        except Exception as exc:  # one row's failure is that row's error, as in screen()
            results.append(_error_result(source, exc, time.perf_counter() - start))
            continue
        results.append(_ok_result(source, None, profile, match, time.perf_counter() - start, False, taxonomy))
    out: pd.DataFrame = frame.copy()
    rows = [r.to_row() for r in results]
    for name in FRAME_COLUMNS:
        values = [row[name] for row in rows]
        if name in _FLOAT_COLUMNS:
            column = pd.Series([math.nan if v is None else v for v in values], dtype="float64", index=frame.index)
        else:
            column = pd.Series(values, dtype=object, index=frame.index)
        out[name] = column
    return out


def _is_missing(value: object) -> bool:
    """None, NaN, pd.NA or NaT: however the frame's dtype spells a missing cell."""
    import pandas as pd

    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):  # not a scalar
        return False


# -- stored profiles ---------------------------------------------------------------


def profiles_to_frame(profiles: Iterable[Profile | None]) -> pd.DataFrame:
    """A frame to store profiles in (Parquet, CSV, a database): one JSON document per row.

    Columns: ``source``, ``skills`` (ids, comma-separated, for filtering), ``total_months``
    and ``profile`` (the JSON of :meth:`Profile.to_dict`). ``None`` entries are skipped.
    """
    import json

    import pandas as pd

    rows = [
        {
            "source": p.source,
            "skills": ",".join(e.skill.id for e in p.skills),
            "total_months": p.total_months,
            "profile": json.dumps(p.to_dict(), ensure_ascii=False, sort_keys=True),
        }
        for p in profiles
        if p is not None
    ]
    stored: pd.DataFrame = pd.DataFrame(
        {
            "source": pd.Series([r["source"] for r in rows], dtype=object),
            "skills": pd.Series([r["skills"] for r in rows], dtype=object),
            "total_months": pd.Series([r["total_months"] for r in rows], dtype="Int64"),
            "profile": pd.Series([r["profile"] for r in rows], dtype=object),
        }
    )
    return stored


def profiles_from_frame(
    frame: pd.DataFrame, *, column: str = "profile", taxonomy: Taxonomy | None = None
) -> list[Profile]:
    """The profiles stored by :func:`profiles_to_frame`, in row order, ready to score again."""
    import json

    if column not in frame.columns:
        raise KeyError(f"no column {column!r} in the frame (columns: {list(frame.columns)})")
    out = []
    for value in frame[column].tolist():
        data = json.loads(value) if isinstance(value, str) else value
        if not isinstance(data, dict):
            raise ProfileError(f"not a stored profile: {value!r:.60}")
        out.append(Profile.from_dict(data, taxonomy=taxonomy))
    return out
