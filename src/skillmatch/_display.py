"""Everything skillmatch draws with rich: progress bars, tables and explanations.

rich is imported only here, and only inside the functions, so ``import skillmatch`` and
``skillmatch --help`` do not pay for it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from .api import ScreenResult
    from .models import Document, Job, Profile, RequirementResult
    from .taxonomy import Taxonomy

__all__ = ["console", "escape", "print_explanations", "print_profile", "print_results", "progress_bar"]


def console(file: TextIO | None = None, *, width: int | None = None) -> Console:
    """A rich console on ``file`` (stdout by default)."""
    from rich.console import Console

    return Console(file=file, width=width, highlight=False, soft_wrap=False)


@contextmanager
def progress_bar(
    total: int, *, enabled: bool = True, description: str = "", file: TextIO | None = None
) -> Iterator[Callable[[], None]]:
    """A context giving ``advance()``; draws a bar with rate and ETA only in a terminal or notebook.

    Output that goes to a file or a pipe gets no bar (no control codes in logs).

    >>> with progress_bar(3, enabled=False) as advance:
    ...     advance()
    """
    if not enabled or total <= 1:
        yield _nothing
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    out = console(sys.stderr if file is None else file)
    if not (out.is_terminal or out.is_jupyter):
        yield _nothing
        return
    # Printing to stdout while the bar runs goes above the bar when stdout is the same
    # terminal; stdout redirected to a file or a pipe must get its rows untouched.
    stdout_is_terminal = _isatty(sys.stdout)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("[progress.data.speed]{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=out,
        transient=False,
        redirect_stdout=stdout_is_terminal,
        redirect_stderr=False,
    ) as progress:
        task = progress.add_task(description, total=total, rate="")

        def advance() -> None:
            progress.advance(task)
            speed = progress.tasks[task].speed
            progress.update(task, rate=f"{speed:.1f}/s" if speed else "")

        yield advance


def _nothing() -> None:
    return None


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):  # no such method, or a closed stream
        return False


# -- tables ------------------------------------------------------------------------

#: Requirements a ranking row lists as missing or partly met before "+N more".
MAX_GAPS = 3
#: Marks a score held down by a missing knock-out requirement.
CAPPED_MARK = "*"


def _names(results: Sequence[ScreenResult]) -> dict[str, str]:
    """A short name per source: the file name, with as many parent folders as tell clashes apart."""
    parts = {r.source: [p for p in r.source.replace("\\", "/").split("/") if p] or [r.source] for r in results}
    depth = dict.fromkeys(parts, 1)
    while True:
        shown = {s: "/".join(p[-depth[s] :]) for s, p in parts.items()}
        seen: dict[str, list[str]] = {}
        for source, name in shown.items():
            seen.setdefault(name, []).append(source)
        clashes = [s for group in seen.values() if len(group) > 1 for s in group if depth[s] < len(parts[s])]
        if not clashes:
            return shown
        for source in clashes:
            depth[source] += 1


def print_results(
    results: Sequence[ScreenResult], file: TextIO, *, job: Job | None = None, taxonomy: Taxonomy | None = None
) -> None:
    """The ranking as a table that reads in an 80-column terminal; failed inputs last, in red."""
    from rich import box
    from rich.table import Table

    out = console(file)
    title = job.title if job is not None and job.title else None
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, expand=False, show_lines=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("CV", overflow="fold", ratio=2, min_width=12)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Met", justify="right", no_wrap=True)
    table.add_column("Missing (and partly met)", overflow="fold", ratio=4)
    names = _names(results)
    rank = 0
    any_capped = False
    for result in results:
        name = escape(names[result.source])
        if result.ok:
            rank += 1
            met = len(result.matched)
            possible = met + len(result.partial) + len(result.missing)
            gaps = [*result.missing, *(f"{p} (partly)" for p in result.partial)]
            if len(gaps) > MAX_GAPS:
                # a ranking is read down the page: the rest is one --explain away
                gaps = [*gaps[:MAX_GAPS], f"+{len(gaps) - MAX_GAPS} more"]
            capped = result.match is not None and result.match.capped
            any_capped = any_capped or capped
            score = f"{result.score:.1f}{CAPPED_MARK if capped else ''}"
            table.add_row(str(rank), name, score, f"{met}/{possible}", escape("; ".join(gaps)))
        else:
            problem = f"[red]{escape(f'{result.error_type}: {result.error}')}[/red]"
            table.add_row("", name, "[red]error[/red]", "", problem)
    if not results:
        out.print("no inputs")
        return
    out.print(table)
    if any_capped:
        out.print(f"{CAPPED_MARK} score capped: a must-have requirement is missing (see --explain)")


def print_explanations(results: Sequence[ScreenResult], file: TextIO, *, taxonomy: Taxonomy | None = None) -> None:
    """Per candidate, each requirement: status, points of possible, and why.

    The "why" column holds the evidence (text, section and offset into the document text),
    months used and last used, the skill that stood in for the one asked (partial credit),
    and every factor that took points away, so each number can be checked against the CV.
    """
    from rich import box
    from rich.table import Table

    from .api import requirement_label

    out = console(file)
    names = _names(results)
    for rank, result in enumerate(results, 1):
        match = result.match
        if match is None:
            continue
        out.print()
        out.rule(f"{rank}. {names[result.source]}: {result.score:.1f} of 100", align="left")
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        table.add_column("Requirement", overflow="fold", ratio=2)
        table.add_column("Status", no_wrap=True)
        table.add_column("Points", justify="right", no_wrap=True)
        table.add_column("Evidence and why", overflow="fold", ratio=4)
        for item in match.results:
            label = requirement_label(item.requirement, taxonomy)
            colour = {"matched": "green", "partial": "yellow", "missing": "red"}[item.status]
            table.add_row(
                escape(label) + (" [dim](preferred)[/dim]" if item.requirement.kind == "preferred" else ""),
                f"[{colour}]{item.status}[/{colour}]",
                f"{item.points:.1f}/{item.possible:.1f}",
                _why(item, taxonomy),
            )
        out.print(table)
        for note in match.notes:
            out.print(f"  [dim]{escape(note)}[/dim]")


#: Distinct pieces of evidence shown per requirement before "+N more".
MAX_EVIDENCE = 2
#: Sections by the strength of the evidence they give, strongest first.
_SECTION_ORDER = {
    name: i
    for i, name in enumerate(("experience", "projects", "summary", "skills", "certifications", "education", "courses"))
}


def _why(item: RequirementResult, taxonomy: Taxonomy | None) -> str:
    lines = []
    if item.skill_id is not None and item.relation not in (None, "exact"):
        if taxonomy is None:
            from .taxonomy import load_taxonomy

            taxonomy = load_taxonomy()
        skill = taxonomy.get(item.skill_id)
        lines.append(f"via {escape(skill.name if skill else item.skill_id)} ({item.relation})")
    # the same words in the same section say nothing new: one line each, with a count;
    # the strongest evidence (work done in a role) first
    groups: dict[tuple[str, str], list[int]] = {}
    for mention in item.evidence:
        groups.setdefault((mention.text, mention.section), []).append(mention.start)
    ordered = sorted(groups.items(), key=lambda g: _SECTION_ORDER.get(g[0][1], len(_SECTION_ORDER)))
    for (text, section), starts in ordered[:MAX_EVIDENCE]:
        times = f" ×{len(starts)}" if len(starts) > 1 else ""
        lines.append(f'"{escape(text)}"{times} in {section} @{starts[0]}')
    if len(groups) > MAX_EVIDENCE:
        lines.append(f"+{len(groups) - MAX_EVIDENCE} more")
    if item.note:
        lines.append(f"[dim]{escape(item.note)}[/dim]")
    lost = [f"{name} ×{value:.2f}" for name, value in item.factors if value < 1 and item.status != "missing"]
    if lost:
        lines.append(f"[dim]{', '.join(lost)}[/dim]")
    return "\n".join(lines)


def print_profile(profile: Profile, doc: Document, file: TextIO) -> None:
    """One CV's skills: category, months used, last used and the first evidence."""
    from rich import box
    from rich.table import Table

    out = console(file)
    facts = [doc.kind]
    if doc.pages is not None:
        facts.append(f"{doc.pages} page{'s' if doc.pages != 1 else ''}")
    if profile.total_months is not None:
        facts.append(f"{profile.total_months / 12:.1f} years in dated roles")
    facts.append(f"{len(profile.skills)} skills")
    out.print(f"[bold]{escape(doc.source or profile.source or '')}[/bold]  {', '.join(facts)}")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("Skill", overflow="fold", ratio=2)
    table.add_column("Category", overflow="fold", ratio=2)
    table.add_column("Months", justify="right", no_wrap=True)
    table.add_column("Last used", no_wrap=True)
    table.add_column("Evidence", overflow="fold", ratio=4)
    for evidence in profile.skills:
        ranked = sorted(evidence.mentions, key=lambda m: _SECTION_ORDER.get(m.section, len(_SECTION_ORDER)))
        first = ranked[0] if ranked else None
        shown = "" if first is None else f'"{escape(first.text)}" in {first.section}'
        if len(evidence.mentions) > 1:
            shown += f" +{len(evidence.mentions) - 1} more"
        hedged = bool(evidence.mentions) and all(m.hedged for m in evidence.mentions)
        table.add_row(
            escape(evidence.skill.name) + (" [yellow](hedged)[/yellow]" if hedged else ""),
            evidence.skill.category,
            "" if evidence.months is None else str(evidence.months),
            "" if evidence.last_used is None else evidence.last_used.strftime("%Y-%m"),
            shown,
        )
    out.print(table if profile.skills else "no skill credited")
    negated = [m for m in profile.discarded if m.negated]
    for mention in negated:
        out.print(f'[red]not credited:[/red] "{escape(mention.text)}" in {mention.section}: {escape(mention.reason)}')
    others = len(profile.discarded) - len(negated)
    if others:
        out.print(f"[dim]{others} other mention(s) rejected by context; --format json lists them with reasons[/dim]")
    for warning in (*doc.warnings, *profile.warnings):
        out.print(f"[yellow]warning:[/yellow] {escape(warning)}")


def escape(text: str) -> str:
    """Text shown literally: square brackets in a CV are not rich markup."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)
