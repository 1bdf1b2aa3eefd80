"""The frozen records that flow between pipeline stages.

Every stage takes and returns these, so each can be built and tested on its own:
``Document`` (documents) → ``Section``/``Role``/``Mention`` (sections, timeline,
matcher) → ``Profile`` (profile) ; ``Job`` (jd) ; ``Match`` (scoring).
Offsets are character offsets into ``Document.text`` (the normalised text), so
``text[m.start:m.end] == m.text`` holds for every mention.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .taxonomy import Taxonomy

__all__ = [
    "PROFILE_SCHEMA",
    "Document",
    "Job",
    "Match",
    "MatchStatus",
    "Mention",
    "Profile",
    "Requirement",
    "RequirementResult",
    "Role",
    "Section",
    "SectionName",
    "Skill",
    "SkillEvidence",
]

#: Canonical section names a CV is split into. ``header`` is the text before the
#: first heading (name, contact line); ``other`` a heading we do not classify.
SectionName = Literal[
    "header",
    "summary",
    "skills",
    "experience",
    "projects",
    "education",
    "certifications",
    "courses",
    "publications",
    "interests",
    "references",
    "other",
]

MatchStatus = Literal["matched", "partial", "missing"]

#: The ``schema`` of :meth:`Profile.to_dict`; the number after the slash changes only when
#: a stored profile could no longer be read back.
PROFILE_SCHEMA = "skillmatch.profile/1"


@dataclass(frozen=True, slots=True)
class Document:
    """Text read from one CV or job file, normalised, with what went wrong on the way."""

    text: str
    kind: str  # "pdf" | "docx" | "text" | "markdown" | "html" | "json-resume"
    pages: int | None = None
    warnings: tuple[str, ...] = ()
    source: str | None = None  # the path it came from, or None for bytes / file objects
    backend: str | None = None  # e.g. "pypdfium2", "pdfminer", "python-docx"


@dataclass(frozen=True, slots=True)
class Skill:
    """One taxonomy record: a canonical id and every way it is written."""

    id: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    #: Surface forms (name or alias) that count only with supporting context
    #: ("Go", "Chef", "Oracle"), compared case-insensitively.
    ambiguous: tuple[str, ...] = ()
    #: Surface forms that match only as written ("Go", "R", "Rust").
    case_sensitive: tuple[str, ...] = ()
    description: str | None = None
    esco: str | None = None  # ESCO skill URI
    onet_hot: bool = False  # O*NET "Hot Technology"
    linguist: str | None = None  # GitHub Linguist language name

    @property
    def forms(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Section:
    """A headed part of a CV: ``text[start:end]`` includes the heading line."""

    name: str  # a SectionName
    heading: str  # the heading as written ("" for the header part)
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Role:
    """A dated position in the experience (or projects) section.

    Months are inclusive: a role from January to March 2020 has ``start=date(2020, 1, 1)``,
    ``end=date(2020, 3, 1)`` and lasts 3 months. ``ongoing`` roles ("Present") end at ``as_of``.
    """

    start: date  # first day of the first month
    end: date  # first day of the last month (inclusive)
    ongoing: bool
    title: str  # the heading line(s) of the role as written (title, employer)
    date_text: str  # the date range as written
    date_start: int  # offsets of the date range in the text
    date_end: int
    block_start: int  # offsets of the whole role (heading and bullets)
    block_end: int
    section: str = "experience"

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where the text names a skill, and why it was (or was not) credited."""

    skill_id: str
    start: int
    end: int
    text: str  # text[start:end]
    section: str  # a SectionName
    method: str = "exact"  # "exact" | "variant" | "fuzzy"
    confidence: float = 1.0  # 0..1: how sure we are that this names the skill
    reason: str = ""  # why it counted, or why it was rejected (human-readable)
    similarity: float | None = None  # 0..100 for fuzzy matches
    version: str | None = None  # "8" in "Java 8", "11g" in "Oracle 11g"
    negated: bool = False  # "no experience with X": kept as evidence, never credited
    hedged: bool = False  # "learning X", "exposure to X": credited with lower confidence
    role: int | None = None  # index into Profile.roles when inside a dated role

    @property
    def credited(self) -> bool:
        return not self.negated and self.confidence > 0


@dataclass(frozen=True, slots=True)
class SkillEvidence:
    """What a CV says about one skill: where, for how long, how recently."""

    skill: Skill
    mentions: tuple[Mention, ...]  # credited mentions, in text order
    months: int | None = None  # union of the months of the roles it appears in
    last_used: date | None = None  # first day of the last month of its latest role
    strength: float = 0.0  # 0..1, the best evidence: role bullets > skills list > courses
    confidence: float = 1.0  # 0..1, the best mention's confidence


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything extracted from one CV; only skills the text itself names."""

    skills: tuple[SkillEvidence, ...]
    total_months: int | None = None  # months covered by dated roles, overlaps counted once
    roles: tuple[Role, ...] = ()
    sections: tuple[Section, ...] = ()
    #: Mentions found but not credited (negated, rejected by context), with their reason.
    discarded: tuple[Mention, ...] = ()
    as_of: date | None = None
    source: str | None = None
    warnings: tuple[str, ...] = ()
    taxonomy_version: str | None = None

    def get(self, skill: str) -> SkillEvidence | None:
        """The evidence for a skill id, or None."""
        for evidence in self.skills:
            if evidence.skill.id == skill:
                return evidence
        return None

    @property
    def skill_ids(self) -> frozenset[str]:
        return frozenset(e.skill.id for e in self.skills)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict to store, from which :meth:`from_dict` rebuilds this profile.

        Skills are stored by id (with name and category, for readers without the taxonomy);
        dates as ISO strings.

        >>> Profile(skills=(), total_months=24).to_dict()["total_months"]
        24
        """
        from . import __version__

        out: dict[str, Any] = {"schema": PROFILE_SCHEMA, "skillmatch": __version__}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "skills":
                out["skills"] = [_evidence_to_dict(e) for e in value]
            else:
                out[f.name] = _to_json(value)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any], taxonomy: Taxonomy | None = None) -> Profile:
        """Rebuild a profile stored with :meth:`to_dict`; skills are looked up in ``taxonomy``.

        A skill id the taxonomy (default: the bundled one) does not know keeps the name and
        category that were stored with it. Raises :class:`~skillmatch.ProfileError` for data
        that is not a stored profile.

        >>> p = Profile(skills=(), total_months=24)
        >>> Profile.from_dict(p.to_dict()) == p
        True
        """
        from .errors import ProfileError

        schema = data.get("schema") if isinstance(data, dict) else None
        if not isinstance(schema, str) or not schema.startswith("skillmatch.profile/"):
            raise ProfileError(f"not a stored skillmatch profile (schema {schema!r})")
        if schema != PROFILE_SCHEMA:
            raise ProfileError(f"stored profile has schema {schema!r}; this version reads {PROFILE_SCHEMA!r}")
        if taxonomy is None:
            from .taxonomy import load_taxonomy

            taxonomy = load_taxonomy()
        try:
            skills = tuple(_evidence_from_dict(e, taxonomy) for e in data.get("skills", ()))
            return _from_json(cls, data, skills=skills)
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            raise ProfileError(f"stored profile is damaged: {exc!r}") from exc


@dataclass(frozen=True, slots=True)
class Requirement:
    """One line of a job: any of ``skills`` satisfies it."""

    skills: tuple[str, ...]  # any-of skill ids
    kind: Literal["required", "preferred"] = "required"
    min_years: float | None = None
    weight: float = 1.0
    knockout: bool = False  # a must-have: missing it caps the score
    label: str = ""  # how it reads to a recruiter ("Python or Go, 3+ years")
    source_text: str | None = None  # the JD text it came from

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict of this requirement."""
        return {
            "label": self.label or " or ".join(self.skills),
            "skills": list(self.skills),
            "kind": self.kind,
            "min_years": self.min_years,
            "weight": self.weight,
            "knockout": self.knockout,
            "source_text": self.source_text,
        }


@dataclass(frozen=True, slots=True)
class Job:
    """A job description reduced to requirements."""

    requirements: tuple[Requirement, ...]
    title: str | None = None
    min_years: float | None = None  # overall experience asked for
    source: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def required(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.kind == "required")

    @property
    def preferred(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.kind == "preferred")


@dataclass(frozen=True, slots=True)
class RequirementResult:
    """How one requirement was met, with the points it earned and why."""

    requirement: Requirement
    status: MatchStatus
    points: float
    possible: float
    skill_id: str | None = None  # the candidate's skill that met it
    relation: str | None = None  # "exact" | "child" | "parent" | "sibling" | "related"
    evidence: tuple[Mention, ...] = ()
    months: int | None = None
    last_used: date | None = None
    #: Named multipliers that produced ``points`` ("coverage", "years", "recency", "strength").
    factors: tuple[tuple[str, float], ...] = ()
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict: status, points of possible, factors and evidence offsets."""
        return {
            "requirement": self.requirement.to_dict(),
            "status": self.status,
            "points": round(self.points, 2),
            "possible": round(self.possible, 2),
            "skill": self.skill_id,
            "relation": self.relation,
            "months": self.months,
            "last_used": None if self.last_used is None else self.last_used.isoformat(),
            "factors": {name: round(value, 4) for name, value in self.factors},
            "note": self.note,
            "evidence": [
                {
                    "skill": m.skill_id,
                    "text": m.text,
                    "section": m.section,
                    "start": m.start,
                    "end": m.end,
                    "confidence": m.confidence,
                    "hedged": m.hedged,
                }
                for m in self.evidence
            ],
        }


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate's score against a job, one result per requirement."""

    score: float  # 0..100
    results: tuple[RequirementResult, ...]
    job_title: str | None = None
    source: str | None = None
    capped: bool = False  # a knock-out requirement was missing
    notes: tuple[str, ...] = ()
    #: {"skillmatch": ..., "taxonomy": ..., "schema": ...}; not part of the hash.
    versions: dict[str, str] = field(default_factory=dict, hash=False)
    #: points for technical depth included in ``score`` (the secondary term; see ``notes``)
    depth: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict with the schema, skillmatch and taxonomy versions.

        >>> Match(score=50.0, results=(), versions={"schema": "skillmatch.match/1"}).to_dict()["schema"]
        'skillmatch.match/1'
        """
        return {
            "schema": self.versions.get("schema"),
            "skillmatch": self.versions.get("skillmatch"),
            "taxonomy": self.versions.get("taxonomy"),
            "score": self.score,
            "capped": self.capped,
            "depth": round(self.depth, 4),
            "job_title": self.job_title,
            "source": self.source,
            "notes": list(self.notes),
            "results": [r.to_dict() for r in self.results],
        }

    @property
    def matched(self) -> tuple[RequirementResult, ...]:
        return tuple(r for r in self.results if r.status == "matched")

    @property
    def partial(self) -> tuple[RequirementResult, ...]:
        return tuple(r for r in self.results if r.status == "partial")

    @property
    def missing(self) -> tuple[RequirementResult, ...]:
        return tuple(r for r in self.results if r.status == "missing")


# -- JSON (de)serialisation of the records --------------------------------------------


def _to_json(value: Any) -> Any:
    """Plain JSON data for a record field: dataclasses become dicts, dates ISO strings."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [_to_json(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_json(getattr(value, f.name)) for f in fields(value)}
    return value


def _evidence_to_dict(evidence: SkillEvidence) -> dict[str, Any]:
    out = _to_json(evidence)
    out["skill"] = {"id": evidence.skill.id, "name": evidence.skill.name, "category": evidence.skill.category}
    return out  # type: ignore[no-any-return]


def _evidence_from_dict(data: dict[str, Any], taxonomy: Taxonomy) -> SkillEvidence:
    stored = data["skill"]
    skill = taxonomy.get(stored["id"])
    if skill is None:
        skill = Skill(stored["id"], stored.get("name", stored["id"]), stored.get("category", ""))
    return _from_json(SkillEvidence, data, skill=skill)


_RecordT = typing.TypeVar("_RecordT")


def _from_json(cls: type[_RecordT], data: dict[str, Any], **given: Any) -> _RecordT:
    """Build a record from :func:`_to_json` output, converting each field by its type.

    Keys this version does not know are ignored and missing ones take their defaults, so
    profiles stored by a neighbouring version still load; ``given`` fields are used as is.
    """
    hints = typing.get_type_hints(cls)
    kwargs = {
        f.name: _convert(data[f.name], hints[f.name])
        for f in fields(cls)  # type: ignore[arg-type]
        if f.name in data and f.name not in given
    }
    return cls(**kwargs, **given)


def _convert(value: Any, hint: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(value, options[0]) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(v, args[0]) for v in value)
        return tuple(_convert(v, a) for v, a in zip(value, args, strict=True))
    if hint is date:
        return date.fromisoformat(value)
    if isinstance(hint, type) and is_dataclass(hint):
        return _from_json(hint, value)
    if hint is float and isinstance(value, int):
        return float(value)
    return value
