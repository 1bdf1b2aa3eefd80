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

import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .errors import TaxonomyError
from .models import Skill

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["MANIFEST", "SurfaceForm", "Taxonomy", "load_taxonomy", "norm_key"]

MANIFEST = "taxonomy.toml"
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*[a-z0-9]$|^[a-z0-9]$")
_KEY_DROP_RE = re.compile(r"[\s._\-/]+")
# A version written after a skill: "Java 8", "Oracle 11g", "SQL Server 2016", "python3",
# "Python 3.11", ".NET 6", "Angular v12". Tried only after the whole text failed to resolve.
_VERSION_TAIL_RE = re.compile(r"^(?P<base>.+?)[\s-]*v?(?P<version>\d+(?:\.\d+)*[a-z]?|\d+\.x)$", re.I)

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
            self._by_key.setdefault(norm_key(skill.id), skill)
        for skill in self._skills.values():
            for form in skill.forms:
                self._by_key.setdefault(norm_key(form), skill)

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

        A version written after it is ignored: ``"Java 8"``, ``"Oracle 11g"``, ``"python3"``.

        >>> load_taxonomy().resolve("Postgres").id
        'postgresql'
        """
        text = text.strip()
        if not text:
            return None
        skill = self._by_key.get(norm_key(text))
        if skill is None:
            m = _VERSION_TAIL_RE.match(text)
            if m:
                skill = self._by_key.get(norm_key(m["base"]))
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
    extras: tuple[str, ...]
    if extra is None:
        extras = ()
    elif isinstance(extra, (str, os.PathLike)):
        extras = (os.fspath(extra),)
    else:
        extras = tuple(os.fspath(e) for e in extra)
    if path is None and not extras:
        return _bundled()
    base: Traversable = files("skillmatch") / "_taxonomy" if path is None else Path(path)
    extra_files = [f for e in extras for f in _toml_files(Path(e))]
    return _build(_toml_files(base), extra_files)


@lru_cache(maxsize=1)
def _bundled() -> Taxonomy:
    # The bundled taxonomy cannot change while the process runs, so it is read once;
    # user files are read again on every call, so edits show up.
    return _build(_toml_files(files("skillmatch") / "_taxonomy"))


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
    return entry.name


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


def _parse(name: str, text: str) -> tuple[dict[str, Any], list[_Record]]:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise TaxonomyError(f"invalid TOML: {exc}", path=name, line=int(m[1]) if m else None) from exc
    lines = text.splitlines()
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


def _build(sources: list[tuple[str, str]], extra_sources: list[tuple[str, str]] | None = None) -> Taxonomy:
    extra_sources = extra_sources or []
    version: str | None = None
    extra_versions: list[str] = []
    categories: dict[str, str] = {}
    records: dict[str, _Record] = {}
    n_base = len(sources)
    for i, (name, text) in enumerate([*sources, *extra_sources]):
        doc, recs = _parse(name, text)
        if "version" in doc:
            if not isinstance(doc["version"], str):
                raise TaxonomyError("'version' must be a string", path=name, line=1)
            if i < n_base:
                version = version or doc["version"]
            else:
                extra_versions.append(doc["version"])
        elif i >= n_base and not extra_versions:
            extra_versions.append("custom")
        cats = doc.get("categories", {})
        if not isinstance(cats, dict):
            raise TaxonomyError("[categories] must be a table of id = description", path=name, line=1)
        categories.update({str(k): str(v) for k, v in cats.items()})
        unknown_top = set(doc) - {"version", "categories", "skill", "description"}
        if unknown_top:
            raise TaxonomyError(f"unknown top-level key(s) {sorted(unknown_top)!r}", path=name, line=1)
        seen_here: dict[str, _Record] = {}
        for rec in recs:
            _check_record(rec)
            sid = rec.data["id"]
            if sid in seen_here:
                first = seen_here[sid]
                raise TaxonomyError(
                    f"duplicate skill id {sid!r} (first at line {first.line})", path=rec.file, line=rec.line
                )
            seen_here[sid] = rec
            records[sid] = rec  # a later file (an extra) overrides an earlier one
    if version is None:
        raise TaxonomyError("no 'version' found (expected in taxonomy.toml)", path=sources[0][0])
    if extra_sources:
        # A user's additions change what scores mean: every Match records that they were used.
        version = f"{version}+{'.'.join(dict.fromkeys(extra_versions))}"
    if not categories:
        raise TaxonomyError("no [categories] defined", path=sources[0][0])

    owner: dict[str, tuple[str, _Record, str]] = {}
    for sid, rec in records.items():
        if rec.data["category"] not in categories:
            raise TaxonomyError(
                f"skill {sid!r} has unknown category {rec.data['category']!r} (known: {', '.join(sorted(categories))})",
                path=rec.file,
                line=rec.where("category"),
            )
        forms = [rec.data["name"], *rec.data.get("aliases", [])]
        own: dict[str, str] = {}
        for form in forms:
            key = norm_key(form)
            if not key:
                raise TaxonomyError(f"empty surface form {form!r} in {sid!r}", path=rec.file, line=rec.where(form))
            if key in own:
                raise TaxonomyError(
                    f"{sid!r} lists {form!r} twice (same as {own[key]!r} after normalising)",
                    path=rec.file,
                    line=rec.where(f'"{form}"'),
                )
            own[key] = form
            if key in owner and owner[key][0] != sid:
                other_id, other_rec, other_form = owner[key]
                raise TaxonomyError(
                    f"alias {form!r} already belongs to {other_id!r} as {other_form!r}"
                    f" ({other_rec.file}:{other_rec.where(other_form)})",
                    path=rec.file,
                    line=rec.where(f'"{form}"'),
                )
            owner[key] = (sid, rec, form)
        folded = {f.casefold() for f in forms}
        for flag in ("ambiguous", "case_sensitive"):
            for form in rec.data.get(flag, []):
                if form.casefold() not in folded:
                    raise TaxonomyError(
                        f"{flag} form {form!r} of {sid!r} is not its name or one of its aliases",
                        path=rec.file,
                        line=rec.where(flag),
                    )
        for form in rec.data.get("case_sensitive", []):
            if form not in forms:
                raise TaxonomyError(
                    f"case_sensitive form {form!r} of {sid!r} must be written exactly as in name/aliases",
                    path=rec.file,
                    line=rec.where("case_sensitive"),
                )
    for sid, rec in records.items():
        for edge in ("parents", "related"):
            for target in rec.data.get(edge, []):
                if target == sid:
                    raise TaxonomyError(f"{sid!r} lists itself in {edge}", path=rec.file, line=rec.where(edge))
                if target not in records:
                    raise TaxonomyError(
                        f"{edge[:-1] if edge == 'parents' else edge} {target!r} of {sid!r} is not a skill id",
                        path=rec.file,
                        line=rec.where(edge),
                    )
    _check_cycles(records)

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


def _check_record(rec: _Record) -> None:
    data = rec.data
    for key in _REQUIRED:
        if key not in data:
            raise TaxonomyError(f"skill record has no {key!r}", path=rec.file, line=rec.line)
    sid = data["id"]
    for key, value in data.items():
        if key not in _FIELDS:
            raise TaxonomyError(
                f"unknown field {key!r} in {sid!r} (known: {', '.join(_FIELDS)})", path=rec.file, line=rec.where(key)
            )
        if not isinstance(value, _FIELDS[key]):
            raise TaxonomyError(
                f"field {key!r} of {sid!r} must be {_FIELDS[key].__name__}"  # type: ignore[union-attr]
                f", not {type(value).__name__}",
                path=rec.file,
                line=rec.where(key),
            )
        if isinstance(value, list) and not all(isinstance(v, str) and v.strip() for v in value):
            raise TaxonomyError(
                f"field {key!r} of {sid!r} must list non-empty strings", path=rec.file, line=rec.where(key)
            )
    if not isinstance(sid, str) or not _ID_RE.match(sid):
        raise TaxonomyError(
            f"skill id {sid!r} must be lower-case letters, digits and dashes", path=rec.file, line=rec.where("id")
        )
    if not data["name"].strip():
        raise TaxonomyError(f"skill {sid!r} has an empty name", path=rec.file, line=rec.where("name"))


def _check_cycles(records: Mapping[str, _Record]) -> None:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    for root in records:
        if state.get(root) == 2:
            continue
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(records[root].data.get("parents", [])))]
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
                raise TaxonomyError(f"parent cycle: {' -> '.join(cycle)}", path=rec.file, line=rec.where("parents"))
            if state.get(nxt) is None:
                state[nxt] = 1
                path.append(nxt)
                stack.append((nxt, iter(records[nxt].data.get("parents", []))))
