"""The constants of the scoring model and the factor curves built from them.

``ScoringModel`` is shared by the one-profile path (``scoring``) and the batch path
(``_batch``); it sits in a module of its own so that both can import it without importing
each other. Import it from ``skillmatch.scoring``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, overload

from .dates import month_index

if TYPE_CHECKING:  # numpy is imported only by the batch path
    import numpy as np
    import numpy.typing as npt

__all__ = ["DEFAULT_MODEL", "ScoringModel"]


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
