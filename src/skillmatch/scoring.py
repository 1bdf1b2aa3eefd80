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
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any, overload

from .dates import month_index
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

#: Roles per profile the batch form tracks (a bit each in an int64); later roles still
#: count through each skill's own months.
_MAX_ROLES = 63

#: Relation of the candidate's skill to the required one, best first.
RELATIONS = ("exact", "child", "related", "sibling", "parent", "category")


@dataclass(frozen=True)
class ScoringModel:
    """The constants of the scoring model; every one is visible in an explanation."""

    required_points: float = 10.0  # per unit of weight
    preferred_points: float = 4.0
    overall_points: float = 10.0  # the "N+ years of experience" line, when the job has one
    #: when the job states no overall minimum, a "Relevant experience" line worth this many
    #: points still measures the same months, against ``implied_overall_years``
    implied_overall_points: float = 10.0
    implied_overall_years: float = 2.0
    #: the experience line is worth at most this share of the skill lines' points, so an ad
    #: that names one skill is not mostly about years (None: no limit)
    overall_share: float | None = 0.5
    knockout_cap: float = 35.0  # the best score a candidate missing a knock-out can get
    coverage: Mapping[str, float] = field(
        default_factory=lambda: {
            "exact": 1.0,
            "child": 0.75,
            "related": 0.5,
            "sibling": 0.4,
            "parent": 0.35,
            "category": 0.2,
        }
    )
    years_floor: float = 0.4  # share kept by a candidate with the skill but far fewer years
    years_unknown: float = 0.7  # the skill is there but no dated role says for how long
    #: With no minimum stated, depth is still worth something: months are measured against
    #: this many years, with half the weight of a stated minimum (``depth`` factor).
    implied_years: float = 2.0
    implied_weight: float = 0.5
    recency_full_years: float = 2.0  # used within this many years: full credit
    recency_floor_years: float = 10.0  # ... falling linearly to the floor at this age
    recency_floor: float = 0.5
    strength_floor: float = 0.6  # factor for the weakest evidence (strength 0)
    confidence_floor: float = 0.5  # factor for a mention we are not sure about (confidence 0)
    #: a skill the job asks for on a line of its own stands in for another line only as a
    #: more specific kind of it (Django for Python), never as a sibling, parent or peer
    #: (REST for WebSockets): its points are on its own line
    named_stand_in: tuple[str, ...] = ("child",)
    #: technical depth, the secondary term: up to this many points, times (1 - score / 100),
    #: for the candidate's skills: those in the job's area count 1, others ``depth_other``;
    #: ``depth_half`` of them give half the points
    depth_points: float = 0.5
    depth_half: float = 10.0
    depth_other: float = 0.5

    def __hash__(self) -> int:  # the coverage mapping is a dict, so the generated hash would fail
        cached: int | None = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(tuple((k, tuple(sorted(v.items())) if k == "coverage" else v) for k, v in vars(self).items()))
            object.__setattr__(self, "_hash", cached)  # frozen: computed once, kept out of the fields
        return cached

    @overload
    def depth_bonus(self, in_area: int, skills: int, raw: float) -> float: ...
    @overload
    def depth_bonus(
        self, in_area: npt.NDArray[np.int64], skills: npt.NDArray[np.int64], raw: npt.NDArray[np.float64]
    ) -> npt.NDArray[np.float64]: ...
    def depth_bonus(self, in_area: Any, skills: Any, raw: Any) -> Any:
        """Points for technical depth: ``skills`` skills, ``in_area`` of them in the job's area.

        Never more than ``depth_points``, and less the higher the requirement score ``raw``
        (0-100), so it orders candidates who earn the same requirement points (most often
        none). Works on numbers and, with the same operations, on numpy arrays.

        >>> round(ScoringModel().depth_bonus(10, 10, 0.0), 2)
        0.25
        """
        count = in_area + self.depth_other * (skills - in_area)
        share = count / (count + self.depth_half)
        return self.depth_points * share * (1.0 - raw / 100.0)

    def years_factor(self, months: int | None, min_years: float) -> float:
        if months is None:
            return self.years_unknown
        return self.years_floor + (1.0 - self.years_floor) * min(1.0, months / (12 * min_years))

    def depth_factor(self, months: int | None) -> float:
        """How long the skill was used when the requirement names no minimum (9 months: 0.81)."""
        return 1.0 - self.implied_weight * (1.0 - self.years_factor(months, self.implied_years))

    def recency_factor(self, last_used: date | None, as_of: date) -> float:
        if last_used is None:
            return 1.0
        age = (month_index(as_of) - month_index(last_used)) / 12
        if age <= self.recency_full_years:
            return 1.0
        span = self.recency_floor_years - self.recency_full_years
        return max(self.recency_floor, 1.0 - (1.0 - self.recency_floor) * (age - self.recency_full_years) / span)

    def strength_factor(self, strength: float) -> float:
        return self.strength_floor + (1.0 - self.strength_floor) * min(1.0, max(0.0, strength))

    def confidence_factor(self, confidence: float) -> float:
        return self.confidence_floor + (1.0 - self.confidence_floor) * min(1.0, max(0.0, confidence))


DEFAULT_MODEL = ScoringModel()


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
        import numpy as np

        model = self.model
        n = len(matrix)
        total = np.zeros(n)
        capped = np.zeros(n, dtype=bool)
        # the entries of skills this job can use at all, taken once for every requirement
        wanted = np.zeros(len(matrix.vocabulary) + 1, dtype=bool)
        for skill_id in self.usable:
            col = matrix.vocabulary.get(skill_id)
            if col is not None:
                wanted[col] = True
        keep = np.flatnonzero(wanted[matrix.skills])
        rows, skills = matrix.rows[keep], matrix.skills[keep]
        months_k, recency_k = matrix.months[keep], matrix.recency[keep]
        strength_k, confidence_k = matrix.strength[keep], matrix.confidence[keep]
        depth_k = matrix.depth[keep]
        lookup = np.full(len(matrix.vocabulary) + 1, -1, dtype=np.int64)
        for creq in self.requirements:
            req = creq.requirement
            if not req.skills:
                present, months = self._relevant_matrix(matrix)
                known = months >= 0
                factor = np.where(present, model.years_floor, 0.0)
                min_years = req.min_years or 0.0
                factor[known] = model.years_floor + (1.0 - model.years_floor) * np.minimum(
                    1.0, months[known] / (12 * min_years)
                )
                total += creq.possible * factor
                continue
            coverage = np.zeros(len(creq.targets) + 1)
            lookup[:] = -1
            for k, target in enumerate(creq.targets):
                col = matrix.vocabulary.get(target.skill_id)
                if col is not None:
                    lookup[col] = k
                    coverage[k] = target.coverage
            which = lookup[skills]
            sel = which >= 0
            best = np.zeros(n)
            if sel.any():
                cov = coverage[which[sel]]
                if req.min_years:
                    m = months_k[sel]
                    years = np.full(m.shape, model.years_unknown)
                    known = m >= 0
                    years[known] = model.years_floor + (1.0 - model.years_floor) * np.minimum(
                        1.0, m[known] / (12 * req.min_years)
                    )
                    credit = cov * years * recency_k[sel] * strength_k[sel] * confidence_k[sel]
                else:
                    credit = cov * depth_k[sel] * recency_k[sel] * strength_k[sel] * confidence_k[sel]
                np.maximum.at(best, rows[sel], credit)
            total += creq.possible * best
            if req.knockout:
                close = np.zeros(n, dtype=bool)
                strong = np.array([t.relation != "category" for t in creq.targets] + [False])
                close[rows[sel & strong[np.maximum(which, 0)]]] = True
                capped |= ~close
        if self.possible <= 0:
            return np.zeros(n)
        raw = total / self.possible * 100.0
        if model.depth_points > 0:
            in_area = np.bincount(rows, minlength=n)  # ``keep``: the entries of skills in the job's area
            raw = raw + model.depth_bonus(in_area, matrix.skill_counts, raw)
        scores: npt.NDArray[np.float64] = np.floor(raw * 100.0 + 0.5) / 100.0
        scores[capped] = np.minimum(scores[capped], model.knockout_cap)
        return scores

    def _relevant_matrix(self, matrix: ProfileMatrix) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
        """Per profile: has any of the job's skills; months as :func:`_relevant_months` (-1: none dated)."""
        import numpy as np

        n = len(matrix)
        wanted = np.zeros(len(matrix.vocabulary) + 1, dtype=bool)
        for skill_id in self.relevant:
            col = matrix.vocabulary.get(skill_id)
            if col is not None:
                wanted[col] = True
        sel = wanted[matrix.skills]
        rows = matrix.rows[sel]
        present = np.zeros(n, dtype=bool)
        present[rows] = True
        longest = np.full(n, -1.0)
        np.maximum.at(longest, rows, matrix.months[sel])
        # union of the selected roles' months, per profile
        masks = np.zeros(n, dtype=np.int64)
        np.bitwise_or.at(masks, rows, matrix.role_masks[sel])
        chosen = ((masks[matrix.role_rows] >> matrix.role_bits) & 1) == 1
        r_rows = matrix.role_rows[chosen]
        r_start = matrix.role_starts[chosen]
        r_end = matrix.role_ends[chosen]
        union = np.full(n, -1.0)
        if len(r_rows):
            order = np.lexsort((r_start, r_rows))
            r_rows, r_start, r_end = r_rows[order], r_start[order], r_end[order]
            big = np.int64(1 << 32)  # rows ascend, so a running max of row*big+end stays within a row
            running = np.maximum.accumulate(r_rows * big + r_end)
            before = np.concatenate(([np.int64(-1)], running[:-1]))
            same_row = (before // big) == r_rows
            previous_end = np.where(same_row, before - r_rows * big, np.int64(-(1 << 40)))
            length = np.maximum(0, r_end - np.maximum(r_start, previous_end + 1) + 1)
            sums = np.bincount(r_rows, weights=length, minlength=n)
            has_roles = np.zeros(n, dtype=bool)
            has_roles[r_rows] = True
            union[has_roles] = sums[has_roles]
        return present, np.maximum(union, longest)


def _relevant_months(profile: Profile, relevant: Sequence[SkillEvidence]) -> int | None:
    """Union of the months of the roles mentioning these skills, or their longest months."""
    roles = {m.role for e in relevant for m in e.mentions if m.role is not None and m.role < _MAX_ROLES}
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


class ProfileMatrix:
    """Profiles in a job-independent columnar form, built once and scored against any job.

    One row per (profile, skill): the profile's row number, the skill's column, months
    (-1 when unknown) and the recency, strength and confidence factors; per profile, its
    number of skills. About 40 bytes per skill a profile has.

    >>> import skillmatch as sm
    >>> from skillmatch.models import Job, Profile, Requirement, SkillEvidence
    >>> tax = sm.load_taxonomy()
    >>> python = SkillEvidence(tax["python"], (), months=36, strength=1.0)
    >>> matrix = ProfileMatrix.from_profiles([Profile(skills=(python,)), Profile(skills=())])
    >>> score_many(matrix, Job((Requirement(("python",)),)))
    [100.0, 0.0]
    """

    def __init__(
        self,
        *,
        vocabulary: Mapping[str, int],
        rows: npt.NDArray[np.int64],
        skills: npt.NDArray[np.int64],
        months: npt.NDArray[np.float64],
        recency: npt.NDArray[np.float64],
        strength: npt.NDArray[np.float64],
        confidence: npt.NDArray[np.float64],
        total_months: npt.NDArray[np.float64],
        depth: npt.NDArray[np.float64] | None = None,
        role_masks: npt.NDArray[np.int64] | None = None,
        role_rows: npt.NDArray[np.int64] | None = None,
        role_bits: npt.NDArray[np.int64] | None = None,
        role_starts: npt.NDArray[np.int64] | None = None,
        role_ends: npt.NDArray[np.int64] | None = None,
        skill_counts: npt.NDArray[np.int64] | None = None,
        model: ScoringModel = DEFAULT_MODEL,
    ) -> None:
        import numpy as np

        self.vocabulary = dict(vocabulary)
        self.rows = rows
        self.skills = skills
        self.months = months
        self.recency = recency
        self.strength = strength
        self.confidence = confidence
        self.total_months = total_months
        #: per (profile, skill): the depth factor (months against the model's implied years)
        self.depth = depth if depth is not None else np.array([model.depth_factor(None)] * len(rows))
        empty = np.zeros(0, dtype=np.int64)
        #: per (profile, skill): a bit per role (index < 63) whose text mentions the skill
        self.role_masks = role_masks if role_masks is not None else np.zeros(len(rows), dtype=np.int64)
        #: per role: its profile's row, its index in ``Profile.roles``, first and last month index
        self.role_rows = role_rows if role_rows is not None else empty
        self.role_bits = role_bits if role_bits is not None else empty
        self.role_starts = role_starts if role_starts is not None else empty
        self.role_ends = role_ends if role_ends is not None else empty
        #: per profile: how many skills it has (the technical-depth term)
        self.skill_counts = skill_counts if skill_counts is not None else np.bincount(rows, minlength=len(total_months))
        self.model = model

    def __len__(self) -> int:
        return len(self.total_months)

    def __repr__(self) -> str:
        return f"<ProfileMatrix of {len(self)} profiles, {len(self.rows)} skills>"

    @classmethod
    def from_profiles(cls, profiles: Iterable[Profile], *, model: ScoringModel | None = None) -> ProfileMatrix:
        """Build the matrix (the per-profile work that does not depend on any job)."""
        import numpy as np

        model = model or DEFAULT_MODEL
        today = date.today()
        vocabulary: dict[str, int] = {}
        rows: list[int] = []
        skills: list[int] = []
        months: list[float] = []
        recency: list[float] = []
        strength: list[float] = []
        confidence: list[float] = []
        totals: list[float] = []
        masks: list[int] = []
        depth: list[float] = []
        depth_of = model.depth_factor
        role_rows: list[int] = []
        role_bits: list[int] = []
        role_starts: list[int] = []
        role_ends: list[int] = []
        counts: list[int] = []
        recency_of = model.recency_factor
        strength_of = model.strength_factor
        confidence_of = model.confidence_factor
        for row, profile in enumerate(profiles):
            as_of = profile.as_of or today
            totals.append(-1.0 if profile.total_months is None else float(profile.total_months))
            for k, role in enumerate(profile.roles[:_MAX_ROLES]):
                role_rows.append(row)
                role_bits.append(k)
                role_starts.append(month_index(role.start))
                role_ends.append(month_index(role.end))
            n_roles = min(len(profile.roles), _MAX_ROLES)
            # one entry per skill id, the last evidence winning, as in ``ScoringJob.score``
            evidences = {e.skill.id: e for e in profile.skills}
            counts.append(len(evidences))
            for e in evidences.values():
                mask = 0
                for m in e.mentions:
                    if m.role is not None and m.role < n_roles:
                        mask |= 1 << m.role
                masks.append(mask)
                col = vocabulary.setdefault(e.skill.id, len(vocabulary))
                rows.append(row)
                skills.append(col)
                months.append(-1.0 if e.months is None else float(e.months))
                depth.append(depth_of(e.months))
                recency.append(recency_of(e.last_used, as_of))
                strength.append(strength_of(e.strength))
                confidence.append(confidence_of(e.confidence))
        return cls(
            vocabulary=vocabulary,
            rows=np.array(rows, dtype=np.int64),
            skills=np.array(skills, dtype=np.int64),
            months=np.array(months, dtype=np.float64),
            recency=np.array(recency, dtype=np.float64),
            strength=np.array(strength, dtype=np.float64),
            confidence=np.array(confidence, dtype=np.float64),
            total_months=np.array(totals, dtype=np.float64),
            depth=np.array(depth, dtype=np.float64),
            role_masks=np.array(masks, dtype=np.int64),
            role_rows=np.array(role_rows, dtype=np.int64),
            role_bits=np.array(role_bits, dtype=np.int64),
            role_starts=np.array(role_starts, dtype=np.int64),
            role_ends=np.array(role_ends, dtype=np.int64),
            skill_counts=np.array(counts, dtype=np.int64),
            model=model,
        )


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
