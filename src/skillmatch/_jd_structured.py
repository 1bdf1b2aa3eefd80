"""The structured job format (YAML/JSON): reading, schema validation, errors that name the line.

Kept apart from ``jd`` because it is a separate input format with its own dependencies
(PyYAML and jsonschema, imported here only, and only when such a file is read) and its
own error reporting; the free text a structured file may carry in ``text`` is read by
the parser ``jd`` passes in.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from ._jd_groups import requirement_label
from .errors import JobError
from .models import Job, Requirement
from .taxonomy import Taxonomy

__all__ = ["STRUCTURED_SUFFIXES", "job_schema", "load_structured_job"]

STRUCTURED_SUFFIXES = (".yaml", ".yml", ".json")


@lru_cache(maxsize=1)
def job_schema() -> dict[str, Any]:
    """The JSON Schema of the structured job format (``skillmatch/schemas/job.schema.json``)."""
    text = (files("skillmatch") / "schemas" / "job.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def load_structured_job(source: str, *, taxonomy: Taxonomy, parse_text: Callable[[str], Job]) -> Job:
    """Read and validate a YAML/JSON job file; ``parse_text`` reads its optional ``text`` field."""
    try:
        raw = Path(source).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise JobError(f"cannot read job file: {exc.strerror or exc}", source=source) from exc
    except UnicodeDecodeError as exc:
        raise JobError(f"job file is not UTF-8 text ({exc.reason})", source=source) from exc
    data, lines = _load_structured(raw, source)
    return _structured_job(data, lines, source=source, taxonomy=taxonomy, parse_text=parse_text)


def _load_structured(raw: str, source: str) -> tuple[Any, dict[tuple[str | int, ...], int]]:
    """Parsed data and, for YAML, the line of every field (by its path)."""
    if source.lower().endswith(".json"):
        try:
            return json.loads(raw), {}
        except json.JSONDecodeError as exc:
            raise JobError(f"line {exc.lineno}: invalid JSON: {exc.msg}", source=source) from exc
    import yaml  # only structured job files need it

    try:
        data = yaml.safe_load(raw)
        node = yaml.compose(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise JobError(f"{where}invalid YAML: {problem}", source=source) from exc
    lines: dict[tuple[str | int, ...], int] = {}
    if node is not None:
        _node_lines(node, (), lines)
    return data, lines


def _node_lines(node: Any, path: tuple[str | int, ...], out: dict[tuple[str | int, ...], int]) -> None:
    out[path] = node.start_mark.line + 1
    value = node.value
    if node.tag.endswith(":map"):
        for key_node, value_node in value:
            key = (*path, key_node.value)
            out[key] = key_node.start_mark.line + 1
            _node_lines(value_node, key, out)
            out[key] = key_node.start_mark.line + 1
    elif node.tag.endswith(":seq"):
        for i, item in enumerate(value):
            _node_lines(item, (*path, i), out)


def _field(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _structured_job(
    data: Any,
    lines: dict[tuple[str | int, ...], int],
    *,
    source: str,
    taxonomy: Taxonomy,
    parse_text: Callable[[str], Job],
) -> Job:
    import jsonschema  # validation of structured job files only

    def fail(path: Sequence[str | int], message: str) -> JobError:
        line = lines.get(tuple(path))
        where = f"line {line}: " if line is not None else ""
        return JobError(f"{where}{_field(path)}: {message}", source=source)

    validator = jsonschema.Draft202012Validator(job_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: (list(e.absolute_path) != [], e.path))
    if errors:
        error = jsonschema.exceptions.best_match(errors)
        assert error is not None
        raise fail(list(error.absolute_path), _schema_message(error))

    requirements: list[Requirement] = []
    for i, item in enumerate(data.get("requirements") or []):
        names = item["skills"] if "skills" in item else [item["skill"]]
        key = "skills" if "skills" in item else "skill"
        ids: list[str] = []
        for k, name in enumerate(names):
            path: list[str | int] = ["requirements", i, key]
            if key == "skills":
                path.append(k)
            skill = taxonomy.resolve(str(name))
            if skill is None:
                raise fail(path, f"unknown skill {name!r}{_suggest(str(name), taxonomy)}")
            if skill.id not in ids:
                ids.append(skill.id)
        min_years = item.get("min_years")
        requirements.append(
            Requirement(
                skills=tuple(ids),
                kind=item.get("kind", "required"),
                min_years=None if min_years is None else float(min_years),
                weight=float(item.get("weight", 1.0)),
                knockout=bool(item.get("knockout", False)),
                label=item.get("label") or requirement_label(ids, min_years, taxonomy),
            )
        )
    title = data.get("title")
    min_years = data.get("min_years")
    warnings: list[str] = []
    if data.get("text"):
        parsed = parse_text(str(data["text"]))
        have = {frozenset(r.skills) for r in requirements}
        listed = {s for r in requirements for s in r.skills}
        requirements.extend(
            r for r in parsed.requirements if frozenset(r.skills) not in have and not set(r.skills) <= listed
        )
        title = title or parsed.title
        if min_years is None:
            min_years = parsed.min_years
    if not requirements:
        warnings.append("the job has no requirements: every candidate scores 0")
    return Job(
        requirements=tuple(requirements),
        title=title,
        min_years=None if min_years is None else float(min_years),
        source=source,
        warnings=tuple(warnings),
    )


def _schema_message(error: Any) -> str:
    validator = error.validator
    if validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return f"unknown field(s) {', '.join(map(repr, extra))} (allowed: {allowed})"
    if validator in ("oneOf", "anyOf") and isinstance(error.instance, dict):
        # the alternatives the schema offers, read from it rather than assumed
        fields = [f for option in error.validator_value for f in option.get("required", ())]
        if fields == ["skills", "skill"]:
            return "give either 'skills' (a list) or 'skill' (one skill)"
        return f"give {' or '.join(repr(f) for f in fields)}" if fields else str(error.message)
    if validator == "enum":
        return f"{error.instance!r} is not one of {', '.join(map(repr, error.validator_value))}"
    return str(error.message)


def _suggest(name: str, taxonomy: Taxonomy) -> str:
    choices = {s.id: s.id for s in taxonomy}
    for s in taxonomy:
        for form in s.forms:
            choices.setdefault(form.lower(), s.id)
    close = difflib.get_close_matches(name.lower(), list(choices), n=1, cutoff=0.75)
    return f" (did you mean {choices[close[0]]!r}?)" if close else " (not in the taxonomy; see `skillmatch taxonomy`)"
