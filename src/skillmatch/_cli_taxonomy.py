"""``skillmatch taxonomy ...``: validate, inspect and list the skill taxonomy.

Registered on the main command by ``cli.py`` (``main.add_command(taxonomy_group)``).
Thin like the rest of the CLI: load through :func:`skillmatch.taxonomy.load_taxonomy`,
format, and turn a :class:`~skillmatch.errors.TaxonomyError` into ``file:line: message``
and exit code 1. Only click and the taxonomy module are imported; output fits 80 columns.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from .models import Skill
    from .taxonomy import Taxonomy

__all__ = ["taxonomy_group"]

WIDTH = 80

# The taxonomy options, shared by every command that loads a taxonomy (``cli.py`` imports
# them), so they are spelt the same everywhere.
taxonomy_option = click.option(
    "--taxonomy",
    "taxonomy_path",
    type=click.Path(exists=True, path_type=str),
    help="Use this taxonomy (a directory of TOML files, or one file) instead of the bundled one.",
)
extra_taxonomy_option = click.option(
    "--extra-taxonomy",
    "--extra",
    "extra_taxonomy",
    multiple=True,
    type=click.Path(exists=True, path_type=str),
    help="Add (or override) skills from this TOML file or directory of your own (repeatable).",
)
_format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)


@click.group("taxonomy")
def taxonomy_group() -> None:
    """Validate, inspect and list the skill taxonomy.

    \b
    skillmatch taxonomy check                   validate the bundled taxonomy
    skillmatch taxonomy check my-skills.toml    validate your own file
    skillmatch taxonomy show k8s                one skill, found by name or alias
    skillmatch taxonomy list --category cloud   the skills of one category
    """


@taxonomy_group.command("check")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=str))
@extra_taxonomy_option
def check_command(path: str | None, extra_taxonomy: Sequence[str]) -> None:
    """Validate a taxonomy; exit 1 with "file:line: message" for every problem.

    PATH is a taxonomy directory (with taxonomy.toml) or a single TOML file; without it
    the bundled taxonomy is checked. --extra-taxonomy adds your own files on top, as scoring would.
    """
    from .taxonomy import check_taxonomy

    errors, tax = check_taxonomy(path, extra=list(extra_taxonomy) or None)
    if errors:
        for error in errors:
            click.echo(str(error), err=True)
        noun = "problem" if len(errors) == 1 else "problems"
        click.echo(f"{len(errors)} {noun} found", err=True)
        raise SystemExit(1)
    assert tax is not None
    n_forms = sum(1 for _ in tax.surface_forms())
    where = path or "bundled taxonomy"
    if extra_taxonomy:
        where += " + " + ", ".join(extra_taxonomy)
    click.echo(
        f"ok: {len(tax):,} skills, {n_forms:,} surface forms, {len(tax.categories)} categories"
        f" (version {tax.version}) in {where}"
    )


@taxonomy_group.command("show")
@click.argument("name_or_alias")
@taxonomy_option
@extra_taxonomy_option
@_format_option
def show_command(name_or_alias: str, taxonomy_path: str | None, extra_taxonomy: Sequence[str], fmt: str) -> None:
    """Show one skill, found by its id, name or any alias (case and punctuation ignored)."""
    import difflib

    tax = _load(taxonomy_path, extra_taxonomy)
    skill = tax.resolve(name_or_alias)
    if skill is None:
        forms = {f.text: f.skill_id for f in tax.surface_forms()}
        close = difflib.get_close_matches(name_or_alias, list(forms), n=5, cutoff=0.75)
        hint = ""
        if close:
            hint = "; did you mean " + ", ".join(f"{c!r} ({forms[c]})" for c in close) + "?"
        click.echo(f"no skill named {name_or_alias!r}{hint}", err=True)
        raise SystemExit(1)
    if fmt == "json":
        click.echo(json.dumps(_skill_dict(tax, skill), indent=2, ensure_ascii=False))
        return
    click.echo("\n".join(_show_lines(tax, skill)))


@taxonomy_group.command("list")
@click.option("--category", "category", metavar="C", help="Only skills of this category (see --categories).")
@click.option("--categories", "categories", is_flag=True, help="List the categories and their skill counts instead.")
@taxonomy_option
@extra_taxonomy_option
@_format_option
def list_command(
    category: str | None, categories: bool, taxonomy_path: str | None, extra_taxonomy: Sequence[str], fmt: str
) -> None:
    """List skills (id, name, category, number of surface forms), sorted by category and name."""
    tax = _load(taxonomy_path, extra_taxonomy)
    if categories:
        counts = {c: len(tax.by_category(c)) for c in tax.categories}
        if fmt == "json":
            click.echo(
                json.dumps(
                    [{"category": c, "description": d, "skills": counts[c]} for c, d in tax.categories.items()],
                    indent=2,
                )
            )
            return
        for c, description in tax.categories.items():
            click.echo(_fit(f"{c:<15}{counts[c]:>5}  {description}"))
        return
    if category is not None and category not in tax.categories:
        raise click.BadParameter(
            f"unknown category {category!r} (known: {', '.join(tax.categories)})", param_hint="--category"
        )
    skills = sorted(
        (s for s in tax if category is None or s.category == category), key=lambda s: (s.category, s.name.casefold())
    )
    if fmt == "json":
        click.echo(json.dumps([_skill_dict(tax, s, brief=True) for s in skills], indent=2, ensure_ascii=False))
        return
    click.echo(f"{'ID':<26} {'NAME':<30} {'CATEGORY':<14} {'FORMS':>5}")
    for s in skills:
        click.echo(f"{_cut(s.id, 26):<26} {_cut(s.name, 30):<30} {_cut(s.category, 14):<14} {len(s.forms):>5}")
    click.echo(f"{len(skills):,} skills")


# -- helpers -------------------------------------------------------------------------


def _load(path: str | None, extra: Sequence[str]) -> Taxonomy:
    from .errors import TaxonomyError
    from .taxonomy import load_taxonomy

    try:
        return load_taxonomy(path, extra=list(extra) or None)
    except TaxonomyError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(1) from exc


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _fit(text: str) -> str:
    return _cut(text, WIDTH)


def _names(tax: Taxonomy, ids: Sequence[str]) -> str:
    return ", ".join(f"{tax[i].name} ({i})" for i in ids)


def _show_lines(tax: Taxonomy, skill: Skill) -> list[str]:
    lines = [f"{skill.name}  [{skill.id}]", f"category: {skill.category} ({tax.categories.get(skill.category, '')})"]
    if skill.description:
        lines.append(f"description: {skill.description}")
    ambiguous = {a.casefold() for a in skill.ambiguous}
    forms = []
    for form in skill.forms:
        marks = []
        if form.casefold() in ambiguous:
            marks.append("ambiguous")
        if form in skill.case_sensitive:
            marks.append("case-sensitive")
        forms.append(f"{form} ({', '.join(marks)})" if marks else form)
    fields: list[tuple[str, str]] = [("forms", "; ".join(forms))]
    if skill.parents:
        fields.append(("parents", _names(tax, skill.parents)))
    ancestors = [a for a in tax.ancestors(skill.id) if a not in skill.parents]
    if ancestors:
        fields.append(("ancestors", _names(tax, ancestors)))
    children = tax.children(skill.id)
    if children:
        fields.append(("children", _names(tax, children)))
    related = tax.related(skill.id)
    if related:
        fields.append(("related", _names(tax, related)))
    crosswalk = []
    if skill.esco:
        crosswalk.append(f"ESCO {skill.esco}")
    if skill.onet_hot:
        crosswalk.append("O*NET Hot Technology")
    if skill.linguist:
        crosswalk.append(f"Linguist {skill.linguist!r}")
    if crosswalk:
        fields.append(("crosswalk", "; ".join(crosswalk)))
    source = tax.sources.get(skill.id)
    if source:
        fields.append(("defined in", source))
    for label, value in fields:
        lines.extend(
            textwrap.wrap(
                value,
                width=WIDTH,
                initial_indent=f"{label}: ",
                subsequent_indent=" " * (len(label) + 2),
                break_on_hyphens=False,
            )
        )
    return lines


def _skill_dict(tax: Taxonomy, skill: Skill, *, brief: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"id": skill.id, "name": skill.name, "category": skill.category}
    if brief:
        out["forms"] = len(skill.forms)
        return out
    out.update(
        aliases=list(skill.aliases),
        ambiguous=list(skill.ambiguous),
        case_sensitive=list(skill.case_sensitive),
        parents=list(skill.parents),
        ancestors=list(tax.ancestors(skill.id)),
        children=list(tax.children(skill.id)),
        related=list(tax.related(skill.id)),
        description=skill.description,
        esco=skill.esco,
        onet_hot=skill.onet_hot,
        linguist=skill.linguist,
        source=tax.sources.get(skill.id),
        taxonomy_version=tax.version,
    )
    return out
