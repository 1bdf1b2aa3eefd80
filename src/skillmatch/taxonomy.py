"""Load, validate and query the skill taxonomy.

The taxonomy is data reviewed like code: TOML files under ``taxonomy/`` at the top of
the repository (shipped inside the package as ``skillmatch/_taxonomy``), one
``[[skill]]`` table per skill, and a manifest ``taxonomy.toml`` with the version and the
known categories. Errors point at the file and line of the offending record::

    TaxonomyError: cloud.toml:42: alias 'iam' already belongs to 'aws-iam' (line 7)

>>> import skillmatch as sm
>>> tax = sm.load_taxonomy()
>>> tax.resolve("k8s").id
'kubernetes'
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from .errors import TaxonomyError
from .models import Skill

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable

    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    from importlib.abc import Traversable

    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["MANIFEST", "SurfaceForm", "Taxonomy", "check_taxonomy", "load_taxonomy", "norm_key"]

MANIFEST = "taxonomy.toml"
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*[a-z0-9]$|^[a-z0-9]$")
_KEY_DROP_RE = re.compile(r"[\s._\-/]+")
# Versions and editions written after a skill: "Java 8", "Oracle 11g", "SQL Server 2016",
# "python3", "Python 3.11", ".NET 6", "Angular v12", "SQL Server 2008 R2", "Visual Studio
# 2008 SP1", "JBoss 4.x", "Business Objects XI R3", "Drupal 6/7", "EJB 2.0/3.0". Tried only
# after the whole text failed to resolve, one trailing token at a time, so the longest base
# that resolves wins ("Java EE 7" is Java EE, not Java).
_VERSION = r"(?:v\.?\s?)?\d+(?:\.\d+)*(?:\.?x|\s?[a-z]{1,2}\b)?\+?|\.\d+"
_EDITION = r"(?:r\d|sp\d*|xi|ee|se|u\d+|update\s?\d+|lts|rc\d*|beta)"
_BRACKETED_RE = re.compile(r"^(?P<outer>[^()]*[^\s()])\s*\((?P<inner>[^()]+)\)$")
_VERSION_TAIL_RE = re.compile(rf"[\s_-]*(?:{_VERSION}|{_EDITION})(?:\s*/\s*(?:{_VERSION}|{_EDITION}))*$", re.IGNORECASE)

_FIELDS: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "name": str,
    "category": str,
    "aliases": list,
    "parents": list,
    "related": list,
    "ambiguous": list,
    "case_sensitive": list,
    "description": str,
    "esco": str,
    "onet_hot": bool,
    "linguist": str,
}
_REQUIRED = ("id", "name", "category")


def norm_key(text: str) -> str:
    """The lookup key of a surface form: case-folded, without spaces, dots, dashes, slashes.

    >>> norm_key("Node.js") == norm_key("node JS") == norm_key("NodeJS")
    True
    """
    return _KEY_DROP_RE.sub("", text.casefold())


# Loading computes every form's key twice (validation, then the lookup table): the
# second time is a cache hit. Private so that norm_key on arbitrary text stays uncached.
_cached_key = lru_cache(maxsize=1 << 16)(norm_key)


@dataclass(frozen=True, slots=True)
class SurfaceForm:
    """One way a skill is written, with the flags the matcher needs."""

    text: str
    skill_id: str
    ambiguous: bool = False
    case_sensitive: bool = False
    is_name: bool = False


class Taxonomy:
    """An immutable, validated set of skills; build one with :func:`load_taxonomy`."""

    def __init__(
        self,
        skills: Iterable[Skill],
        *,
        version: str,
        categories: Mapping[str, str],
        sources: Mapping[str, str] | None = None,
    ) -> None:
        self._skills: dict[str, Skill] = {}
        for skill in skills:
            self._skills[skill.id] = skill
        self.version = version
        self.categories: Mapping[str, str] = dict(categories)
        #: skill id -> "file:line" of its record, for messages
        self.sources: Mapping[str, str] = dict(sources or {})
        self._by_key: dict[str, Skill] = {}
        for skill in self._skills.values():
            self._by_key.setdefault(_cached_key(skill.id), skill)
        for skill in self._skills.values():
            for form in skill.forms:
                self._by_key.setdefault(_cached_key(form), skill)

    # -- container protocol -------------------------------------------------
    def __len__(self) -> int:
        return len(self._skills)

    def __iter__(self) -> Iterator[Skill]:
        return iter(self._skills.values())

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self._skills

    def __getitem__(self, skill_id: str) -> Skill:
        try:
            return self._skills[skill_id]
        except KeyError:
            raise KeyError(f"no skill with id {skill_id!r}") from None

    def __repr__(self) -> str:
        return f"<Taxonomy {self.version} with {len(self)} skills>"

    def get(self, skill_id: str) -> Skill | None:
        return self._skills.get(skill_id)

    # -- lookups --------------------------------------------------------------
    def resolve(self, text: str) -> Skill | None:
        """The skill a text names, by id, name or alias, ignoring case and punctuation.

        A version written after it is ignored (``"Java 8"``, ``"Oracle 11g"``, ``"python3"``,
        ``"SQL Server 2008 R2"``), and so is an abbreviation in brackets after a name
        (``"Amazon Web Services (AWS)"``).

        >>> load_taxonomy().resolve("Postgres").id
        'postgresql'
        """
        text = text.strip()
        if not text:
            return None
        skill = self._by_key.get(norm_key(text))
        if skill is None:
            skill = self._strip_versions(text)
        if skill is None:
            # "Amazon Web Services (AWS)", "Oracle Data Integrator (ODI)": the name, else the
            # abbreviation in brackets.
            m = _BRACKETED_RE.match(text)
            if m:
                skill = self.resolve(m["outer"]) or self.resolve(m["inner"])
        return skill

    def _strip_versions(self, text: str) -> Skill | None:
        base = text
        while True:
            m = _VERSION_TAIL_RE.search(base)
            if m is None or m.start() == 0:
                return None
            base = base[: m.start()]
            skill = self._by_key.get(norm_key(base))
            if skill is not None:
                return skill

    def surface_forms(self) -> Iterator[SurfaceForm]:
        """Every name and alias with its skill id and context flags."""
        for skill in self._skills.values():
            ambiguous = {f.casefold() for f in skill.ambiguous}
            case_sensitive = set(skill.case_sensitive)
            for i, form in enumerate(skill.forms):
                yield SurfaceForm(
                    text=form,
                    skill_id=skill.id,
                    ambiguous=form.casefold() in ambiguous,
                    case_sensitive=form in case_sensitive,
                    is_name=i == 0,
                )

    def ancestors(self, skill_id: str) -> tuple[str, ...]:
        """Every parent, grandparent ... of a skill, nearest first, without repeats."""
        return self._ancestors.get(skill_id, ())

    def children(self, skill_id: str) -> tuple[str, ...]:
        """Skills that name this one as a direct parent."""
        return self._children.get(skill_id, ())

    def descendants(self, skill_id: str) -> tuple[str, ...]:
        """Every skill below this one, nearest first."""
        out: list[str] = []
        seen = {skill_id}
        frontier = [skill_id]
        while frontier:
            nxt: list[str] = []
            for sid in frontier:
                for child in self._children.get(sid, ()):
                    if child not in seen:
                        seen.add(child)
                        out.append(child)
                        nxt.append(child)
            frontier = nxt
        return tuple(out)

    def related(self, skill_id: str) -> tuple[str, ...]:
        """Skills linked by a "related" edge in either direction (not identity)."""
        return self._related.get(skill_id, ())

    def by_category(self, category: str) -> tuple[Skill, ...]:
        return tuple(s for s in self._skills.values() if s.category == category)

    @cached_property
    def _ancestors(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        for sid in self._skills:
            seen: list[str] = []
            frontier = list(self._skills[sid].parents)
            while frontier:
                nxt: list[str] = []
                for p in frontier:
                    if p not in seen and p != sid and p in self._skills:
                        seen.append(p)
                        nxt.extend(self._skills[p].parents)
                frontier = nxt
            out[sid] = tuple(seen)
        return out

    @cached_property
    def _children(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for skill in self._skills.values():
            for p in skill.parents:
                out.setdefault(p, []).append(skill.id)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def _related(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for skill in self._skills.values():
            for r in skill.related:
                out.setdefault(skill.id, []).append(r)
                out.setdefault(r, []).append(skill.id)
        return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


# -- loading -----------------------------------------------------------------

PathArg = str | os.PathLike[str]


def load_taxonomy(path: PathArg | None = None, *, extra: PathArg | Iterable[PathArg] | None = None) -> Taxonomy:
    """Load and validate a taxonomy.

    ``path`` is a directory holding ``taxonomy.toml`` and skill files, or one TOML file
    (with its own ``version`` and ``[categories]``); None means the bundled taxonomy.
    ``extra`` adds the skills of the user's own files or directories on top: a skill with
    an id already present replaces it, new ids are added, and ``[categories]`` extend the
    known categories. Raises :class:`TaxonomyError` naming the file and line.

    >>> len(load_taxonomy()) > 100
    True
    """
    extras = _as_paths(extra)
    if path is None and not extras:
        return _bundled()
    base: Traversable = files("skillmatch") / "_taxonomy" if path is None else Path(path)
    extra_files = [f for e in extras for f in _toml_files(Path(e))]
    tax = _build(_toml_files(base), extra_files)
    assert tax is not None  # _build raises on the first problem unless it is collecting
    return tax


def check_taxonomy(
    path: PathArg | None = None, *, extra: PathArg | Iterable[PathArg] | None = None
) -> tuple[list[TaxonomyError], Taxonomy | None]:
    """Validate a taxonomy and report every problem, not just the first.

    Returns ``(errors, taxonomy)``: the errors in file order, each naming file and line,
    and the loaded taxonomy when there are none (else None). ``path`` and ``extra`` are as
    for :func:`load_taxonomy`. This is what ``skillmatch taxonomy check`` runs.

    >>> errors, tax = check_taxonomy()
    >>> errors, len(tax) > 100
    ([], True)
    """
    problems = _Problems(collect=True)
    extras = _as_paths(extra)
    try:
        base = _toml_files(files("skillmatch") / "_taxonomy" if path is None else Path(path))
        extra_files = [f for e in extras for f in _toml_files(Path(e))]
    except TaxonomyError as exc:
        return [exc], None
    tax = _build(base, extra_files, problems)
    return problems.errors, tax


def _as_paths(extra: PathArg | Iterable[PathArg] | None) -> tuple[str, ...]:
    if extra is None:
        return ()
    if isinstance(extra, (str, os.PathLike)):
        return (os.fspath(extra),)
    return tuple(os.fspath(e) for e in extra)


@lru_cache(maxsize=1)
def _bundled() -> Taxonomy:
    # The bundled taxonomy cannot change while the process runs, so it is read once;
    # user files are read again on every call, so edits show up.
    tax = _build(_toml_files(files("skillmatch") / "_taxonomy"))
    assert tax is not None
    return tax


def _toml_files(base: Traversable) -> list[tuple[str, str]]:
    """(display name, text) of every TOML file of a taxonomy, the manifest first."""
    if not base.is_dir():
        if not base.is_file():
            raise TaxonomyError("no such taxonomy file or directory", path=str(base))
        return [(_display(base), base.read_text(encoding="utf-8"))]
    entries = [e for e in base.iterdir() if e.name.endswith(".toml")]
    entries.sort(key=lambda e: (e.name != MANIFEST, e.name))
    if not entries:
        raise TaxonomyError("no .toml files in taxonomy directory", path=str(base))
    return [(_display(e), e.read_text(encoding="utf-8")) for e in entries]


def _display(entry: Traversable) -> str:
    # Bundled files are named by their file name (as in the repository's taxonomy/);
    # user files by the path they were given as.
    if isinstance(entry, Path) and not _is_bundled(entry):
        return str(entry)
    return str(entry.name)


def _is_bundled(path: Path) -> bool:
    return "_taxonomy" in path.parts and "skillmatch" in path.parts


@dataclass
class _Record:
    data: dict[str, Any]
    file: str
    line: int
    lines: list[str]  # the record's own source lines, for locating fields

    def where(self, needle: str | None = None) -> int:
        """The line of the first source line of this record containing ``needle``."""
        if needle:
            for offset, text in enumerate(self.lines):
                if needle in text:
                    return self.line + offset
        return self.line


_JSON = json.JSONDecoder()


def _fast_loads(text: str, lines: list[str] | None = None) -> dict[str, Any] | None:
    """Parse the regular subset of TOML the taxonomy is written in, or None to defer to tomllib.

    tomllib is pure Python and took about three quarters of the load time of the bundled
    taxonomy; its files use only ``[[skill]]``/``[table]`` headers and ``key = value`` lines
    whose values are booleans, one-line strings or one-line arrays of strings without
    escapes. Those values are also JSON, so they are decoded with the C JSON decoder. Any
    other line (escapes, literal strings, numbers, multi-line arrays, dotted keys, a repeated
    key or table) returns None and the file is parsed by tomllib, which also produces the
    error messages; tests check both parsers agree on every bundled file.
    """
    if "\\" in text:  # escapes differ between TOML and JSON ("\\/", "\\U"): let tomllib decide
        return None
    doc: dict[str, Any] = {}
    table: dict[str, Any] = doc
    for raw in text.splitlines() if lines is None else lines:
        line = raw.strip()
        if not line or line[0] == "#":
            continue
        if line[0] == "[":
            if line == "[[skill]]":
                skills = doc.setdefault("skill", [])
                if not isinstance(skills, list):
                    return None
                table = {}
                skills.append(table)
            elif _BARE_TABLE_RE.fullmatch(line) and line[1:-1] not in doc:
                table = doc[line[1:-1]] = {}
            else:
                return None
            continue
        key, equals, rest = line.partition("=")
        key = key.rstrip()
        if not equals or not key.isascii() or not key.replace("-", "").replace("_", "").isalnum() or key in table:
            return None
        rest = rest.lstrip()
        if rest.startswith(("true", "false")):
            value: Any = rest.startswith("true")
            rest = rest[4 if value else 5 :]
        elif rest[:1] in ('"', "["):
            try:
                value, end = _JSON.raw_decode(rest)
            except ValueError:
                return None
            if rest[:3] == '"""' or (isinstance(value, list) and not all(isinstance(v, str) for v in value)):
                return None
            rest = rest[end:]
        else:
            return None
        rest = rest.strip()
        if rest and rest[0] != "#":
            return None
        table[key] = value
    return doc


_BARE_TABLE_RE = re.compile(r"\[[A-Za-z0-9_-]+\]")


def _parse(name: str, text: str) -> tuple[dict[str, Any], list[_Record]]:
    lines = text.splitlines()
    doc = _fast_loads(text, lines)
    if doc is None:
        try:
            doc = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            m = re.search(r"line (\d+)", str(exc))
            raise TaxonomyError(f"invalid TOML: {exc}", path=name, line=int(m[1]) if m else None) from exc
    starts = [i for i, ln in enumerate(lines) if ln.strip() == "[[skill]]"]
    raw = doc.get("skill", [])
    if not isinstance(raw, list):
        raise TaxonomyError("'skill' must be an array of tables ([[skill]])", path=name, line=1)
    if len(starts) != len(raw):
        # Inline arrays (skill = [...]) lose line numbers; still validate, at line 1.
        starts = [0] * len(raw)
    records: list[_Record] = []
    for k, (data, start) in enumerate(zip(raw, starts, strict=True)):
        end = starts[k + 1] if k + 1 < len(starts) and starts[k + 1] > start else len(lines)
        records.append(_Record(data=data, file=name, line=start + 1, lines=lines[start:end]))
    return doc, records


class _Problems:
    """Where validation errors go: raised at once (loading) or collected (``taxonomy check``)."""

    def __init__(self, *, collect: bool = False) -> None:
        self.collect = collect
        self.errors: list[TaxonomyError] = []

    def __call__(self, message: str, *, path: str | None, line: int | None = None) -> None:
        self.add(TaxonomyError(message, path=path, line=line))

    def add(self, error: TaxonomyError) -> None:
        if not self.collect:
            raise error
        self.errors.append(error)


_ESCO_RE = re.compile(
    r"http://data\.europa\.eu/esco/skill/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)


def _build(
    sources: list[tuple[str, str]],
    extra_sources: list[tuple[str, str]] | None = None,
    problems: _Problems | None = None,
) -> Taxonomy | None:
    """Validate and assemble; returns None only when ``problems`` collects and found some."""
    report = problems or _Problems()
    extra_sources = extra_sources or []
    version: str | None = None
    extra_versions: list[str] = []
    categories: dict[str, str] = {}
    records: dict[str, _Record] = {}
    n_base = len(sources)
    for i, (name, text) in enumerate([*sources, *extra_sources]):
        try:
            doc, recs = _parse(name, text)
        except TaxonomyError as exc:
            report.add(exc)
            continue
        if "version" in doc:
            if not isinstance(doc["version"], str):
                report("'version' must be a string", path=name, line=1)
            elif i < n_base:
                version = version or doc["version"]
            else:
                extra_versions.append(doc["version"])
        elif i >= n_base and not extra_versions:
            extra_versions.append("custom")
        cats = doc.get("categories", {})
        if not isinstance(cats, dict):
            report("[categories] must be a table of id = description", path=name, line=1)
        else:
            categories.update({str(k): str(v) for k, v in cats.items()})
        unknown_top = set(doc) - {"version", "categories", "skill", "description"}
        if unknown_top:
            report(f"unknown top-level key(s) {sorted(unknown_top)!r}", path=name, line=1)
        seen_here: dict[str, _Record] = {}
        for rec in recs:
            if not _check_record(rec, report):
                continue
            sid = rec.data["id"]
            if sid in seen_here:
                first = seen_here[sid]
                report(f"duplicate skill id {sid!r} (first at line {first.line})", path=rec.file, line=rec.line)
                continue
            seen_here[sid] = rec
            records[sid] = rec  # a later file (an extra) overrides an earlier one
    if version is None and sources:
        report("no 'version' found (expected in taxonomy.toml)", path=sources[0][0])
    if not categories and sources:
        report("no [categories] defined", path=sources[0][0])

    owner: dict[str, tuple[str, _Record, str]] = {}
    for sid, rec in records.items():
        if categories and rec.data["category"] not in categories:
            report(
                f"skill {sid!r} has unknown category {rec.data['category']!r} (known: {', '.join(sorted(categories))})",
                path=rec.file,
                line=rec.where("category"),
            )
        forms = [rec.data["name"], *rec.data.get("aliases", [])]
        own: dict[str, str] = {}
        for form in forms:
            key = _cached_key(form)
            if not key:
                report(f"empty surface form {form!r} in {sid!r}", path=rec.file, line=rec.where(form))
                continue
            if key in own:
                report(
                    f"{sid!r} lists {form!r} twice (same as {own[key]!r} after normalising)",
                    path=rec.file,
                    line=rec.where(f'"{form}"'),
                )
                continue
            own[key] = form
            if key in owner and owner[key][0] != sid:
                other_id, other_rec, other_form = owner[key]
                report(
                    f"alias {form!r} already belongs to {other_id!r} as {other_form!r}"
                    f" ({other_rec.file}:{other_rec.where(other_form)})",
                    path=rec.file,
                    line=rec.where(f'"{form}"'),
                )
                continue
            owner[key] = (sid, rec, form)
        if "ambiguous" not in rec.data and "case_sensitive" not in rec.data and "esco" not in rec.data:
            continue
        folded = {f.casefold() for f in forms}
        for flag in ("ambiguous", "case_sensitive"):
            for form in rec.data.get(flag, []):
                if form.casefold() not in folded:
                    report(
                        f"{flag} form {form!r} of {sid!r} is not its name or one of its aliases",
                        path=rec.file,
                        line=rec.where(flag),
                    )
        for form in rec.data.get("case_sensitive", []):
            if form.casefold() in folded and form not in forms:
                report(
                    f"case_sensitive form {form!r} of {sid!r} must be written exactly as in name/aliases",
                    path=rec.file,
                    line=rec.where("case_sensitive"),
                )
        esco = rec.data.get("esco")
        if esco is not None and not _ESCO_RE.fullmatch(esco):
            report(
                f"esco of {sid!r} must be an ESCO skill URI (http://data.europa.eu/esco/skill/<uuid>), not {esco!r}",
                path=rec.file,
                line=rec.where("esco"),
            )
    # resolve() looks ids up before forms, so an id that reads like another skill's form
    # would silently take that form away from it.
    for sid, rec in records.items():
        holder = owner.get(_cached_key(sid))
        if holder is not None and holder[0] != sid:
            other_id, other_rec, other_form = holder
            report(
                f"skill id {sid!r} reads the same as {other_form!r}, a form of {other_id!r}"
                f" ({other_rec.file}:{other_rec.where(other_form)})",
                path=rec.file,
                line=rec.where("id"),
            )
    for sid, rec in records.items():
        for edge in ("parents", "related"):
            targets = rec.data.get(edge, ())
            seen: set[str] = set()
            for target in targets:
                if target == sid:
                    report(f"{sid!r} lists itself in {edge}", path=rec.file, line=rec.where(edge))
                elif target in seen:
                    report(f"{sid!r} lists {target!r} twice in {edge}", path=rec.file, line=rec.where(edge))
                elif target not in records:
                    report(
                        f"{edge[:-1] if edge == 'parents' else edge} {target!r} of {sid!r} is not a skill id",
                        path=rec.file,
                        line=rec.where(edge),
                    )
                seen.add(target)
        if "parents" in rec.data and "related" in rec.data:
            for target in sorted(set(rec.data["parents"]) & set(rec.data["related"])):
                report(
                    f"{sid!r} lists {target!r} both as a parent and as related",
                    path=rec.file,
                    line=rec.where("related"),
                )
    _check_cycles(records, report)
    if report.errors or version is None:
        return None

    if extra_sources:
        # A user's additions change what scores mean: every Match records that they were used.
        version = f"{version}+{'.'.join(dict.fromkeys(extra_versions))}"
    skills = [
        Skill(
            id=sid,
            name=rec.data["name"],
            category=rec.data["category"],
            aliases=tuple(rec.data.get("aliases", ())),
            parents=tuple(rec.data.get("parents", ())),
            related=tuple(rec.data.get("related", ())),
            ambiguous=tuple(rec.data.get("ambiguous", ())),
            case_sensitive=tuple(rec.data.get("case_sensitive", ())),
            description=rec.data.get("description"),
            esco=rec.data.get("esco"),
            onet_hot=bool(rec.data.get("onet_hot", False)),
            linguist=rec.data.get("linguist"),
        )
        for sid, rec in records.items()
    ]
    return Taxonomy(
        skills,
        version=version,
        categories=categories,
        sources={sid: f"{rec.file}:{rec.line}" for sid, rec in records.items()},
    )


def _check_record(rec: _Record, report: _Problems) -> bool:
    """Report what is wrong with one record's fields; False if it cannot be used at all."""
    data = rec.data
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        report(f"skill record has no {missing[0]!r}", path=rec.file, line=rec.line)
        return False
    sid = data["id"]
    ok = True
    for key, value in data.items():
        if key not in _FIELDS:
            report(
                f"unknown field {key!r} in {sid!r} (known: {', '.join(_FIELDS)})", path=rec.file, line=rec.where(key)
            )
            ok = False
        elif not isinstance(value, _FIELDS[key]):
            report(
                f"field {key!r} of {sid!r} must be {_FIELDS[key].__name__}"  # type: ignore[union-attr]
                f", not {type(value).__name__}",
                path=rec.file,
                line=rec.where(key),
            )
            ok = False
        elif type(value) is list and not all(type(v) is str and v for v in value):
            report(f"field {key!r} of {sid!r} must list non-empty strings", path=rec.file, line=rec.where(key))
            ok = False
        elif isinstance(value, str) and not value.strip() and key != "description":
            report(f"field {key!r} of {sid!r} is empty", path=rec.file, line=rec.where(key))
            ok = False
    if not isinstance(sid, str) or not _ID_RE.match(sid):
        report(f"skill id {sid!r} must be lower-case letters, digits and dashes", path=rec.file, line=rec.where("id"))
        ok = False
    elif isinstance(data["name"], str) and not data["name"].strip():
        report(f"skill {sid!r} has an empty name", path=rec.file, line=rec.where("name"))
        ok = False
    return ok


def _check_cycles(records: Mapping[str, _Record], report: _Problems) -> None:
    # Peel off skills with no unvisited parents (Kahn's algorithm): cheap, and whatever is
    # left sits on or above a cycle, which the depth-first search below then names.
    pending = {sid: [p for p in rec.data.get("parents", ()) if p in records] for sid, rec in records.items()}
    waiting = {sid: len(parents) for sid, parents in pending.items()}
    children: dict[str, list[str]] = {}
    for sid, parents in pending.items():
        for p in parents:
            children.setdefault(p, []).append(sid)
    ready = [sid for sid, n in waiting.items() if n == 0]
    while ready:
        sid = ready.pop()
        for child in children.get(sid, ()):
            waiting[child] -= 1
            if waiting[child] == 0:
                ready.append(child)
    if all(n == 0 for n in waiting.values()):
        return
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def parents_of(sid: str) -> Iterator[str]:
        return iter([p for p in records[sid].data.get("parents", []) if p in records])

    for root in records:
        if state.get(root) == 2:
            continue
        stack: list[tuple[str, Iterator[str]]] = [(root, parents_of(root))]
        path = [root]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                path.pop()
                continue
            if state.get(nxt) == 1:
                cycle = [*path[path.index(nxt) :], nxt]
                rec = records[node]
                report(f"parent cycle: {' -> '.join(cycle)}", path=rec.file, line=rec.where("parents"))
                continue  # when collecting, look for further cycles past this edge
            if state.get(nxt) is None:
                state[nxt] = 1
                path.append(nxt)
                stack.append((nxt, parents_of(nxt)))
