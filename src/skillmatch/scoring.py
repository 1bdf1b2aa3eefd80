"""Score a profile against a job, with points a recruiter can check line by line.

Each requirement is worth points (required ones more than preferred ones, times its
weight). A candidate earns them through the best skill they have for it, multiplied by
named factors, each shown in the explanation:

* ``coverage`` — 1 for the skill itself; partial credit through the taxonomy for a more
  specific skill (Amazon EKS for Kubernetes: 0.75), a sibling in the same category
  (MySQL for PostgreSQL: 0.4), a curated related skill (0.5) or a more general one
  (SQL for PostgreSQL: 0.35). Anything but the skill itself is shown as ``partial``; a
  skill the job asks for on a line of its own stands in for another line only as a more
  specific kind of it (Django for Python, not REST for WebSockets);
* ``years`` — months used against the requirement's minimum years (``depth`` against
  two years when it states none);
* ``recency`` — full credit if used in the last 2 years, falling to 0.5 at 10 years;
* ``strength`` — how strong the evidence is (a job bullet over a keyword list);
* ``confidence`` — lower for hedged mentions ("exposure to", "learning").

One more line counts the months of the roles that use the job's skills: against the
job's "N+ years of experience", or against two years as "Relevant experience" when the
job states no number; it is worth at most half the skill lines' points. Then a small
secondary term, technical depth (at most half a point, less the higher the score),
orders candidates who earn the same requirement points. A missing knock-out requirement
caps the score. ``score`` is deterministic and never imports spaCy, a PDF library or
pandas.

>>> from skillmatch.models import Job, Profile, Requirement, SkillEvidence
>>> import skillmatch as sm
>>> tax = sm.load_taxonomy()
>>> profile = Profile(skills=(SkillEvidence(tax["amazon-eks"], (), months=36, strength=1.0),))
>>> job = Job((Requirement(("kubernetes",)),))
>>> m = score(profile, job)
>>> [(r.requirement.label or r.requirement.skills, r.status, r.points, r.possible) for r in m.results]
[(('kubernetes',), 'partial', 7.5, 10.0), ('Relevant experience', 'matched', 5.0, 5.0)]
>>> m.score, m.results[0].relation
(83.34, 'child')

For many profiles against one job, :func:`score_many` compiles the job once and scores a
:class:`ProfileMatrix` (a job-independent, columnar form of the profiles) with numpy,
giving the same numbers as :func:`score`.

This module holds the one-profile path and the public functions; the model's constants
(:class:`ScoringModel`) are in ``_scoring_model`` and the numpy batch path
(:class:`ProfileMatrix`) in ``_batch``, both importable from here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from . import _batch
from ._batch import MAX_ROLES, ProfileMatrix
from ._scoring_model import DEFAULT_MODEL, ScoringModel
from .models import Job, Match, MatchStatus, Mention, Profile, Requirement, RequirementResult, SkillEvidence
from .taxonomy import Taxonomy, load_taxonomy
from .timeline import skill_timeline

if TYPE_CHECKING:  # numpy is imported only by the batch path
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "DEFAULT_MODEL",
    "MATCH_SCHEMA_VERSION",
    "ProfileMatrix",
    "ScoringJob",
    "ScoringModel",
    "compile_job",
    "score",
    "score_many",
]

#: The ``schema`` of ``Match.to_dict()``; the number changes when a field changes meaning.
MATCH_SCHEMA_VERSION = "skillmatch.match/1"

#: Relation of the candidate's skill to the required one, best first.
RELATIONS = ("exact", "child", "related", "sibling", "parent", "category")


@dataclass(frozen=True)
class _Target:
    """How one candidate skill serves one requirement."""

    skill_id: str  # the candidate's skill
    relation: str
    coverage: float
    via: str  # the required skill it relates to


@dataclass(frozen=True)
class _CompiledRequirement:
    requirement: Requirement
    possible: float
    targets: tuple[_Target, ...]  # best relation first
    #: skill id -> (position in ``targets``, target), to look up a profile's few skills
    index: Mapping[str, tuple[int, _Target]] = field(default_factory=dict)


class ScoringJob:
    """A job compiled once for scoring: every requirement's candidate skills with their credit.

    >>> import skillmatch as sm
    >>> from skillmatch.models import Job, Requirement
    >>> compiled = compile_job(Job((Requirement(("sql",)),)))
    >>> compiled.targets(0)["postgresql"]
    ('child', 0.75)
    """

    def __init__(self, job: Job, taxonomy: Taxonomy, model: ScoringModel = DEFAULT_MODEL) -> None:
        self.job = job
        self.taxonomy = taxonomy
        self.model = model
        compiled: list[_CompiledRequirement] = []
        named = {s for req in job.requirements for s in req.skills}
        stand_in = {"exact", *model.named_stand_in}
        for req in job.requirements:
            base = model.required_points if req.kind == "required" else model.preferred_points
            # REST earns its points on the REST line, not again as a sibling of WebSockets
            targets = tuple(
                t for t in _targets(req, taxonomy, model) if t.relation in stand_in or t.skill_id not in named
            )
            index = {t.skill_id: (k, t) for k, t in enumerate(targets)}
            compiled.append(_CompiledRequirement(req, base * req.weight, targets, index))
        #: every skill that meets some requirement, itself or through a close relative (not a
        #: mere category peer): the experience the "N+ years" line counts
        self.relevant = frozenset(t.skill_id for c in compiled for t in c.targets if t.relation != "category")
        self.usable = frozenset(t.skill_id for c in compiled for t in c.targets)
        cap = math.inf if model.overall_share is None else model.overall_share * sum(c.possible for c in compiled)
        if job.min_years:
            years = job.min_years
            overall = Requirement(
                skills=(),
                kind="required",
                min_years=years,
                label=f"{years:g}+ years of experience",
            )
            compiled.append(_CompiledRequirement(overall, min(cap, model.overall_points), ()))
        elif compiled and model.implied_overall_points > 0:
            # a recruiter weighs relevant experience even when the ad names no number
            years = model.implied_overall_years
            implied = Requirement(
                skills=(),
                kind="preferred",
                min_years=years,
                label="Relevant experience",
            )
            compiled.append(_CompiledRequirement(implied, min(cap, model.implied_overall_points), ()))
        self.requirements = tuple(compiled)
        self.possible = sum(c.possible for c in compiled)
        self.versions = {
            "schema": MATCH_SCHEMA_VERSION,
            "skillmatch": _skillmatch_version(),
            "taxonomy": taxonomy.version,
        }

    def targets(self, index: int) -> dict[str, tuple[str, float]]:
        """Candidate skill id -> (relation, coverage) for requirement ``index``."""
        return {t.skill_id: (t.relation, t.coverage) for t in self.requirements[index].targets}

    # -- one profile --------------------------------------------------------------
    def score(self, profile: Profile) -> Match:
        """Score one profile: a Match with one result per requirement."""
        model = self.model
        as_of = profile.as_of or date.today()
        have = {e.skill.id: e for e in profile.skills}
        results: list[RequirementResult] = []
        total = 0.0
        capped_by: list[str] = []
        for creq in self.requirements:
            req = creq.requirement
            if not req.skills:
                result = self._overall(creq, profile, have)
            else:
                result = self._requirement(creq, have, as_of)
            results.append(result)
            total += result.points
            # a must-have is met by the skill or a close relative, not by a category peer
            if req.knockout and not any(
                creq.index[sid][1].relation != "category" for sid in have.keys() & creq.index.keys()
            ):
                capped_by.append(req.label or " or ".join(req.skills))
        raw = total / self.possible * 100.0 if self.possible > 0 else 0.0
        notes: list[str] = []
        if capped_by:
            notes.append(f"missing must-have: {'; '.join(capped_by)} (score capped at {model.knockout_cap:g})")
        if not self.job.requirements:
            notes.append("the job has no requirements")
        bonus = 0.0
        if self.possible > 0 and model.depth_points > 0:
            in_area = len(have.keys() & self.usable)
            bonus = model.depth_bonus(in_area, len(have), raw)
            if bonus > 0:
                notes.append(
                    f"technical depth: +{bonus:.2f} for {len(have)} skill{'s' if len(have) != 1 else ''},"
                    f" {in_area} in the job's area (orders candidates with equal requirement points)"
                )
        value = _round2(raw + bonus)
        if capped_by and value > model.knockout_cap:
            value = model.knockout_cap
        return Match(
            score=value,
            results=tuple(results),
            job_title=self.job.title,
            source=profile.source,
            capped=bool(capped_by),
            notes=tuple(notes),
            versions=dict(self.versions),
            depth=bonus,
        )

    def _requirement(
        self,
        creq: _CompiledRequirement,
        have: Mapping[str, SkillEvidence],
        as_of: date,
    ) -> RequirementResult:
        model = self.model
        req = creq.requirement
        best: tuple[float, _Target, SkillEvidence, list[tuple[str, float]]] | None = None
        # the profile's skills that meet this requirement, in target order (ties go to the first)
        found = sorted(creq.index[sid] for sid in have.keys() & creq.index.keys())
        for _, target in found:
            evidence = have[target.skill_id]
            factors = _factors(model, target.coverage, evidence, req.min_years, as_of)
            credit = _product(factors)
            if best is None or credit > best[0]:
                best = (credit, target, evidence, factors)
        if best is None:
            return RequirementResult(
                requirement=req,
                status="missing",
                points=0.0,
                possible=creq.possible,
                note="not found in the CV",
            )
        credit, target, evidence, factors = best
        status: MatchStatus = "matched" if target.relation == "exact" else "partial"
        return RequirementResult(
            requirement=req,
            status=status,
            points=creq.possible * credit,
            possible=creq.possible,
            skill_id=target.skill_id,
            relation=target.relation,
            evidence=_best_mentions(evidence.mentions),
            months=evidence.months,
            last_used=evidence.last_used,
            factors=tuple(factors),
            note=_note(target, evidence, req, self.taxonomy),
        )

    def _overall(
        self,
        creq: _CompiledRequirement,
        profile: Profile,
        have: Mapping[str, SkillEvidence],
    ) -> RequirementResult:
        """The "N+ years of experience" line: months of roles that use any of the job's skills.

        A chef's ten years do not count towards a backend job: the months are the union of
        the dated roles that mention a skill meeting some requirement (or the longest months
        of one such skill, when that is more, e.g. a stated "Python (8 years)").
        """
        req = creq.requirement
        min_years = req.min_years or 0.0
        relevant = [have[s] for s in sorted(have) if s in self.relevant]
        months = _relevant_months(profile, relevant)
        status: MatchStatus
        if not relevant:
            factor, status, note = 0.0, "missing", "none of the job's skills found"
        elif months is None:
            # the skills are named but no dated role shows them used: the floor, which any
            # dated month only raises
            factor = self.model.years_floor
            status, note = "partial", "the job's skills are in no dated role"
        else:
            factor = self.model.years_factor(months, min_years)
            status = "matched" if months >= 12 * min_years else "partial"
            note = f"{_years(months)} in roles using the job's skills"
            if status == "partial":
                # the implied line of a job that states no years is "preferred"
                note += f", {min_years:g} years {'asked' if req.kind == 'required' else 'count in full'}"
        return RequirementResult(
            requirement=req,
            status=status,
            points=creq.possible * factor,
            possible=creq.possible,
            months=months,
            factors=(("years", factor),) if relevant else (),
            note=note,
        )

    # -- many profiles ---------------------------------------------------------------
    def score_matrix(self, matrix: ProfileMatrix) -> npt.NDArray[np.float64]:
        """Scores of every profile of a :class:`ProfileMatrix`, equal to :meth:`score`'s."""
        return _batch.score_matrix(self, matrix)


def _relevant_months(profile: Profile, relevant: Sequence[SkillEvidence]) -> int | None:
    """Union of the months of the roles mentioning these skills, or their longest months."""
    roles = {m.role for e in relevant for m in e.mentions if m.role is not None and m.role < MAX_ROLES}
    roles = {r for r in roles if r < len(profile.roles)}
    union = skill_timeline(profile.roles, roles)[0] if roles else None
    longest = max((e.months for e in relevant if e.months is not None), default=None)
    if union is None:
        return longest
    return union if longest is None else max(union, longest)


def _factors(
    model: ScoringModel,
    coverage: float,
    evidence: SkillEvidence,
    min_years: float | None,
    as_of: date,
) -> list[tuple[str, float]]:
    # The order of these factors is the order of multiplication: ProfileMatrix repeats it
    # exactly, so batch scores equal these to the last bit.
    factors = [("coverage", coverage)]
    if min_years:
        factors.append(("years", model.years_factor(evidence.months, min_years)))
    else:
        factors.append(("depth", model.depth_factor(evidence.months)))
    factors.append(("recency", model.recency_factor(evidence.last_used, as_of)))
    factors.append(("strength", model.strength_factor(evidence.strength)))
    factors.append(("confidence", model.confidence_factor(evidence.confidence)))
    return factors


def _product(factors: Iterable[tuple[str, float]]) -> float:
    value = 1.0
    for _, f in factors:
        value *= f
    return value


def _round2(value: float) -> float:
    # half-up to 2 decimals with plain float operations, so numpy gives the same result
    return math.floor(value * 100.0 + 0.5) / 100.0


def _years(months: int) -> str:
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if rest or not years:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " ".join(parts)


def _note(target: _Target, evidence: SkillEvidence, req: Requirement, taxonomy: Taxonomy) -> str:
    parts: list[str] = []
    if target.relation != "exact":
        mine = taxonomy[target.skill_id].name if target.skill_id in taxonomy else target.skill_id
        wanted = taxonomy[target.via].name if target.via in taxonomy else target.via
        kind = {
            "child": "a kind of",
            "parent": "more general than",
            "sibling": "an alternative to",
            "related": "related to",
            "category": "in the same category as",
        }[target.relation]
        parts.append(f"{mine} is {kind} {wanted}")
    if req.min_years:
        if evidence.months is None:
            parts.append(f"{req.min_years:g}+ years asked; no dated role says how long")
        else:
            parts.append(f"{_years(evidence.months)} of {req.min_years:g}+ years")
    elif evidence.months is not None:
        parts.append(_years(evidence.months))
    if evidence.last_used is not None:
        parts.append(f"last used {evidence.last_used:%b %Y}")
    return "; ".join(parts)


_SECTION_RANK = {"experience": 0, "projects": 1, "summary": 2, "skills": 3}


def _best_mentions(mentions: Sequence[Mention], limit: int = 3) -> tuple[Mention, ...]:
    """The strongest few mentions: role bullets before lists, in text order."""
    ranked = sorted(mentions, key=lambda m: (_SECTION_RANK.get(m.section, 4), -m.confidence, m.start))
    return tuple(sorted(ranked[:limit], key=lambda m: m.start))


def _targets(req: Requirement, taxonomy: Taxonomy, model: ScoringModel) -> tuple[_Target, ...]:
    """Every skill that meets ``req``, with its relation; the best relation per skill wins."""
    best: dict[str, _Target] = {}

    def offer(skill_id: str, relation: str, via: str) -> None:
        coverage = model.coverage.get(relation, 0.0)
        if coverage <= 0:
            return
        seen = best.get(skill_id)
        if seen is None or coverage > seen.coverage:
            best[skill_id] = _Target(skill_id, relation, coverage, via)

    for wanted in req.skills:
        offer(wanted, "exact", wanted)
        if wanted not in taxonomy:
            continue
        for child in taxonomy.descendants(wanted):
            offer(child, "child", wanted)
        for related in taxonomy.related(wanted):
            offer(related, "related", wanted)
        category = taxonomy[wanted].category
        for parent in taxonomy[wanted].parents:
            for sibling in taxonomy.children(parent):
                if sibling != wanted and sibling in taxonomy and taxonomy[sibling].category == category:
                    offer(sibling, "sibling", wanted)
        for parent in taxonomy[wanted].parents:  # direct parents only: Git says little about GitLab CI
            offer(parent, "parent", wanted)
        if model.coverage.get("category"):
            for peer in _by_category(taxonomy).get(category, ()):
                if peer != wanted:
                    offer(peer, "category", wanted)
    order = {r: i for i, r in enumerate(RELATIONS)}
    return tuple(sorted(best.values(), key=lambda t: (order[t.relation], t.skill_id)))


_CATEGORY_INDEX: dict[int, tuple[Taxonomy, dict[str, tuple[str, ...]]]] = {}


def _by_category(taxonomy: Taxonomy) -> dict[str, tuple[str, ...]]:
    """Skill ids per category, built once per taxonomy object."""
    cached = _CATEGORY_INDEX.get(id(taxonomy))
    if cached is None or cached[0] is not taxonomy:
        index: dict[str, list[str]] = {}
        for skill in taxonomy:
            index.setdefault(skill.category, []).append(skill.id)
        cached = (taxonomy, {c: tuple(ids) for c, ids in index.items()})
        _CATEGORY_INDEX[id(taxonomy)] = cached
    return cached[1]


@lru_cache(maxsize=1)
def _skillmatch_version() -> str:
    try:
        return version("skillmatch")
    except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
        return "0+unknown"


@lru_cache(maxsize=32)
def _compiled(job: Job, taxonomy: Taxonomy, model: ScoringModel) -> ScoringJob:
    return ScoringJob(job, taxonomy, model)


def compile_job(job: Job, *, taxonomy: Taxonomy | None = None, model: ScoringModel | None = None) -> ScoringJob:
    """Compile a job once for scoring many profiles (cached for the last few jobs)."""
    tax = taxonomy if taxonomy is not None else load_taxonomy()
    return _compiled(job, tax, model or DEFAULT_MODEL)


def score(
    profile: Profile,
    job: Job,
    *,
    taxonomy: Taxonomy | None = None,
    model: ScoringModel | None = None,
) -> Match:
    """Score a profile against a job: 0–100, one explained result per requirement.

    >>> import skillmatch as sm
    >>> from skillmatch.models import Job, Profile, Requirement, SkillEvidence
    >>> tax = sm.load_taxonomy()
    >>> p = Profile(skills=(SkillEvidence(tax["python"], (), months=36, strength=1.0),))
    >>> sm.score(p, Job((Requirement(("python",)), Requirement(("go",), kind="preferred")))).score
    80.96
    """
    return compile_job(job, taxonomy=taxonomy, model=model).score(profile)


# -- many profiles --------------------------------------------------------------------


def score_many(
    profiles: Iterable[Profile] | ProfileMatrix,
    job: Job,
    *,
    taxonomy: Taxonomy | None = None,
    model: ScoringModel | None = None,
) -> list[float]:
    """The scores of many profiles against one job: ``[score(p, job).score for p in profiles]``, fast.

    Pass a :class:`ProfileMatrix` built once to re-score the same profiles against many
    jobs without redoing per-profile work.
    """
    model = model or (profiles.model if isinstance(profiles, ProfileMatrix) else DEFAULT_MODEL)
    matrix = profiles if isinstance(profiles, ProfileMatrix) else ProfileMatrix.from_profiles(profiles, model=model)
    if matrix.model != model:
        raise ValueError("the ProfileMatrix was built with a different ScoringModel")
    scores: list[float] = compile_job(job, taxonomy=taxonomy, model=model).score_matrix(matrix).tolist()
    return scores
