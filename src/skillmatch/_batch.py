"""Many profiles against one job with numpy: ``ProfileMatrix`` and the scoring of it.

The batch path of ``scoring``: a job-independent, columnar form of many profiles, built
once, and a vectorised form of ``ScoringJob.score`` that gives the same numbers to the
last bit (it repeats the order of the factors exactly). Kept apart from ``scoring``
because it is a second implementation of the same model, read and changed side by side
with the first only when the model changes; numpy is imported inside its functions, so
importing it stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from ._scoring_model import DEFAULT_MODEL, ScoringModel
from .dates import month_index
from .models import Profile

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from .scoring import ScoringJob

__all__ = ["MAX_ROLES", "ProfileMatrix", "score_matrix"]

#: Roles per profile the batch form tracks (a bit each in an int64); later roles still
#: count through each skill's own months.
MAX_ROLES = 63


class ProfileMatrix:
    """Profiles in a job-independent columnar form, built once and scored against any job.

    One row per (profile, skill): the profile's row number, the skill's column, months
    (-1 when unknown) and the recency, strength and confidence factors; per profile, its
    number of skills. About 40 bytes per skill a profile has.

    >>> import skillmatch as sm
    >>> from skillmatch.models import Job, Profile, Requirement, SkillEvidence
    >>> from skillmatch.scoring import ProfileMatrix, score_many
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
            for k, role in enumerate(profile.roles[:MAX_ROLES]):
                role_rows.append(row)
                role_bits.append(k)
                role_starts.append(month_index(role.start))
                role_ends.append(month_index(role.end))
            n_roles = min(len(profile.roles), MAX_ROLES)
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


def score_matrix(compiled: ScoringJob, matrix: ProfileMatrix) -> npt.NDArray[np.float64]:
    """Scores of every profile of a :class:`ProfileMatrix`, equal to ``compiled.score``'s."""
    import numpy as np

    model = compiled.model
    n = len(matrix)
    total = np.zeros(n)
    capped = np.zeros(n, dtype=bool)
    # the entries of skills this job can use at all, taken once for every requirement
    keep = np.flatnonzero(_entries(matrix, compiled.usable))
    rows, skills = matrix.rows[keep], matrix.skills[keep]
    months_k, recency_k = matrix.months[keep], matrix.recency[keep]
    strength_k, confidence_k = matrix.strength[keep], matrix.confidence[keep]
    depth_k = matrix.depth[keep]
    lookup = np.full(len(matrix.vocabulary) + 1, -1, dtype=np.int64)
    for creq in compiled.requirements:
        req = creq.requirement
        if not req.skills:
            present, months = _relevant_matrix(compiled, matrix)
            known = months >= 0
            factor = np.where(present, model.years_floor, 0.0)
            min_years = req.min_years or 0.0
            factor[known] = _years_factor(model, months[known], min_years)
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
                years[known] = _years_factor(model, m[known], req.min_years)
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
    if compiled.possible <= 0:
        return np.zeros(n)
    raw = total / compiled.possible * 100.0
    if model.depth_points > 0:
        in_area = np.bincount(rows, minlength=n)  # ``keep``: the entries of skills in the job's area
        raw = raw + model.depth_bonus(in_area, matrix.skill_counts, raw)
    scores: npt.NDArray[np.float64] = np.floor(raw * 100.0 + 0.5) / 100.0
    scores[capped] = np.minimum(scores[capped], model.knockout_cap)
    return scores


def _relevant_matrix(
    compiled: ScoringJob, matrix: ProfileMatrix
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
    """Per profile: has any of the job's skills; months as ``scoring._relevant_months`` (-1: none dated)."""
    import numpy as np

    n = len(matrix)
    sel = _entries(matrix, compiled.relevant)
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


def _entries(matrix: ProfileMatrix, skill_ids: Iterable[str]) -> npt.NDArray[np.bool_]:
    """Per (profile, skill) entry of the matrix: whether its skill is one of ``skill_ids``."""
    import numpy as np

    wanted = np.zeros(len(matrix.vocabulary) + 1, dtype=bool)
    for skill_id in skill_ids:
        col = matrix.vocabulary.get(skill_id)
        if col is not None:
            wanted[col] = True
    entries: npt.NDArray[np.bool_] = wanted[matrix.skills]
    return entries


def _years_factor(model: ScoringModel, months: npt.NDArray[np.float64], min_years: float) -> npt.NDArray[np.float64]:
    """:meth:`ScoringModel.years_factor` of known months, element by element (the same operations)."""
    import numpy as np

    factor: npt.NDArray[np.float64] = model.years_floor + (1.0 - model.years_floor) * np.minimum(
        1.0, months / (12 * min_years)
    )
    return factor
