"""The ``skillmatch`` command: score CVs against a job, extract one CV's skills, check a taxonomy.

Thin by design: parse the options, call the library, format the result, and turn library
errors into a message and an exit code here, at the command level. Nothing heavy is
imported at module level, so ``skillmatch --help`` answers at once.

Exit codes: 0 every input was scored, 1 some inputs failed (the others are still
reported), 2 usage error (bad option, unreadable job or taxonomy).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NoReturn

import click

from ._cli_taxonomy import extra_taxonomy_option, taxonomy_group, taxonomy_option

if TYPE_CHECKING:
    from .api import ScreenResult
    from .models import Job
    from .taxonomy import Taxonomy

__all__ = ["main"]

#: Columns of ``--format csv``, in order.
CSV_COLUMNS = (
    "rank",
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
)  # ``screen``'s columns (api.COLUMNS, not imported: it pulls in pandas) without "match", plus the rank


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="skillmatch", prog_name="skillmatch", message="%(prog)s %(version)s")
def main() -> None:
    """Screen CVs for backend-engineering roles.

    \b
    skillmatch score cvs/ --jd job.yaml          rank a folder of CVs against a job
    skillmatch extract cv.pdf                     the skills one CV shows, with evidence
    skillmatch taxonomy check                     validate the skill taxonomy
    """


main.add_command(taxonomy_group)

_as_of_option = click.option(
    "--as-of",
    type=click.DateTime(["%Y-%m-%d", "%Y-%m"]),
    help="Date that 'present' means in the CVs (default: today).",
)


def _load_taxonomy(path: str | None, extra: Sequence[str]) -> Taxonomy | None:
    if path is None and not extra:
        return None
    from .errors import TaxonomyError
    from .taxonomy import load_taxonomy

    try:
        return load_taxonomy(path, extra=list(extra) or None)
    except TaxonomyError as exc:
        raise click.BadParameter(str(exc), param_hint="'--taxonomy'/'--extra-taxonomy'") from exc


def _load_job(path: str, taxonomy: Taxonomy | None) -> Job:
    from .errors import SkillmatchError
    from .jd import load_job

    try:
        return load_job(path, taxonomy=taxonomy)
    except (SkillmatchError, OSError) as exc:
        raise click.BadParameter(str(exc), param_hint="'--jd'") from exc


def _as_date(value: datetime | None) -> date | None:
    return None if value is None else value.date()


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=str), metavar="CV_OR_DIR...")
@click.option(
    "--jd",
    "jd",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="The job: YAML/JSON or a job ad (TXT, MD, PDF, DOCX).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="json is JSON Lines: one object per CV.",
)
@click.option("--top", type=click.IntRange(min=1), help="Only the N best candidates.")
@click.option("--explain", is_flag=True, help="Show how each requirement was met: evidence, months, points.")
@click.option("--workers", type=click.IntRange(min=1), help="Processes reading files [default: every core].")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), help="Seconds one file may take [default: 30].")
@click.option(
    "--max-memory",
    type=click.IntRange(min=1),
    metavar="MB",
    help="Megabytes a worker may grow by reading one file [default: 1024].",
)
@taxonomy_option
@extra_taxonomy_option
@_as_of_option
def score(
    inputs: tuple[str, ...],
    jd: str,
    fmt: str,
    top: int | None,
    explain: bool,
    workers: int | None,
    timeout: float | None,
    max_memory: int | None,
    taxonomy_path: str | None,
    extra_taxonomy: tuple[str, ...],
    as_of: datetime | None,
) -> None:
    """Score CVs (files or directories) against a job description, best first.

    Directories are searched recursively for PDF, DOCX, TXT, MD, HTML and JSON files.
    With --format csv or json, rows are written as each file finishes (best first with
    --top); a summary of the files that failed goes to stderr.
    """
    from .api import iter_screen
    from .limits import DEFAULT_LIMITS

    taxonomy = _load_taxonomy(taxonomy_path, extra_taxonomy)
    job = _load_job(jd, taxonomy)
    limits = DEFAULT_LIMITS
    if timeout is not None:
        limits = replace(limits, timeout=timeout)
    if max_memory is not None:
        limits = replace(limits, max_memory=max_memory * 1024 * 1024)
    run = iter_screen(inputs, job, taxonomy=taxonomy, workers=workers, limits=limits, as_of=_as_date(as_of))
    streaming = fmt != "table" and top is None
    writer = _RowWriter(fmt, explain=explain)
    results: list[ScreenResult | None] = [None] * len(run)
    from ._display import progress_bar

    done: list[ScreenResult] = []
    try:
        with progress_bar(len(run), enabled=True, description="scoring", file=sys.stderr) as advance:
            for index, result in run:
                results[index] = result
                if streaming:
                    writer.write(result, rank=None)
                advance()
        done = [r for r in results if r is not None]
        if not streaming:
            ranked = _ranked(done)
            shown = ranked if top is None else [r for r in ranked if r.ok][:top]
            if fmt == "table":
                from ._display import print_explanations, print_results

                print_results(shown, sys.stdout, job=job, taxonomy=taxonomy)
                if explain:
                    print_explanations([r for r in shown if r.ok], sys.stdout, taxonomy=taxonomy)
            else:
                for rank, result in enumerate(shown, 1):
                    writer.write(result, rank=rank if result.ok else None)
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
    failed = [r for r in done if not r.ok]
    if failed:
        _summarise_failures(failed, len(done))
        sys.exit(1)


def _ranked(results: Iterable[ScreenResult]) -> list[ScreenResult]:
    """Best first, errors last, input order among equals (as ``screen`` sorts)."""
    return sorted(results, key=lambda r: (not r.ok, -r.score if r.ok else 0.0))


class _RowWriter:
    """Writes one result at a time as CSV or JSON Lines, flushing each so rows stream.

    ``sys.stdout`` is looked up on every write: while the progress bar runs, rich swaps in
    a proxy that keeps rows and bar from overwriting each other.
    """

    def __init__(self, fmt: str, *, explain: bool) -> None:
        self.fmt = fmt
        self.explain = explain
        if fmt == "csv":
            self._emit(_csv_line(dict(zip(CSV_COLUMNS, CSV_COLUMNS, strict=True))))

    def write(self, result: ScreenResult, *, rank: int | None) -> None:
        if self.fmt == "csv":
            self._emit(_csv_line(_csv_row(result, rank)))
        elif self.fmt == "json":
            self._emit(json.dumps(_json_row(result, rank, explain=self.explain), ensure_ascii=False) + "\n")

    @staticmethod
    def _emit(text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()


def _csv_line(row: dict[str, Any]) -> str:
    buffer = io.StringIO()
    csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n").writerow(row)
    return buffer.getvalue()


def _score_value(result: ScreenResult) -> float | None:
    return round(result.score, 2) if result.ok else None


def _json_row(result: ScreenResult, rank: int | None, *, explain: bool) -> dict[str, Any]:
    row: dict[str, Any] = {
        "rank": rank,
        "source": result.source,
        "status": result.status,
        "score": _score_value(result),
        "matched": list(result.matched),
        "partial": list(result.partial),
        "missing": list(result.missing),
        "years": result.years,
        "error_type": result.error_type,
        "error": result.error,
        "warnings": list(result.warnings),
        "kind": result.kind,
        "pages": result.pages,
        "chars": result.chars,
        "seconds": round(result.seconds, 4),
    }
    if explain:
        row["match"] = None if result.match is None else result.match.to_dict()
    return row


def _csv_row(result: ScreenResult, rank: int | None) -> dict[str, Any]:
    row = _json_row(result, rank, explain=False)
    for name in ("matched", "partial", "missing", "warnings"):
        row[name] = "; ".join(row[name])
    return {k: "" if v is None else v for k, v in row.items()}


def _summarise_failures(failed: Sequence[ScreenResult], total: int) -> None:
    err = sys.stderr
    err.write(f"{len(failed)} of {total} input(s) failed:\n")
    for result in failed:
        err.write(f"  {result.source}: {result.error_type}: {result.error}\n")
    err.flush()


def _quiet_broken_pipe() -> NoReturn:
    # The reader went away (``| head``): stop quietly, as Unix tools do, without a
    # second BrokenPipeError when Python flushes stdout at exit.
    # (a test runner's buffer has no file descriptor to redirect)
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(1)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@taxonomy_option
@extra_taxonomy_option
@_as_of_option
def extract(
    file: str, fmt: str, taxonomy_path: str | None, extra_taxonomy: tuple[str, ...], as_of: datetime | None
) -> None:
    """Show the skills one CV names, with evidence, months used and when last used."""
    from .documents import read_document
    from .errors import SkillmatchError
    from .profile import extract_profile

    taxonomy = _load_taxonomy(taxonomy_path, extra_taxonomy)
    try:
        doc = read_document(file)
        profile = extract_profile(doc, taxonomy=taxonomy, as_of=_as_date(as_of))
    except (SkillmatchError, OSError) as exc:
        message = exc.message if hasattr(exc, "message") else (getattr(exc, "strerror", None) or str(exc))
        click.echo(f"Error: {file}: {type(exc).__name__}: {message}", err=True)
        sys.exit(1)
    out = sys.stdout
    if fmt == "json":
        data = {
            "document": {
                "source": file,
                "kind": doc.kind,
                "pages": doc.pages,
                "backend": doc.backend,
                "warnings": list(doc.warnings),
            },
            **profile.to_dict(),
        }
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        from ._display import print_profile

        print_profile(profile, doc, out)
