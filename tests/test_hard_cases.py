"""Hand-made hard cases for skill extraction (issue #4): every trap class, one line each.

The cases live in ``tests/data/hard_cases/cases.yaml``; each is run through
``extract_profile`` on its own. They were written from what the line means to a careful
recruiter, never from skillmatch's output.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml

import skillmatch as sm
from skillmatch.models import Profile
from skillmatch.normalize import normalize_text
from skillmatch.taxonomy import Taxonomy

CASES_FILE = Path(__file__).resolve().parent / "data" / "hard_cases" / "cases.yaml"
_KEYS = {"id", "class", "text", "present", "absent", "hedged", "negated", "note"}


@dataclass(frozen=True)
class Case:
    id: str
    cls: str
    text: str
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    hedged: tuple[str, ...] = ()
    negated: tuple[str, ...] = ()


def _load() -> list[Case]:
    raw = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    cases = []
    for item in raw:
        unknown = set(item) - _KEYS
        assert not unknown, f"{item.get('id')}: unknown keys {sorted(unknown)}"
        cases.append(
            Case(
                id=item["id"],
                cls=item["class"],
                text=item["text"],
                present=tuple(item.get("present", ())),
                absent=tuple(item.get("absent", ())),
                hedged=tuple(item.get("hedged", ())),
                negated=tuple(item.get("negated", ())),
            )
        )
    return cases


CASES = _load()


@cache
def _profile(text: str) -> Profile:
    profile: Profile = sm.extract_profile(text)
    return profile


def _ids(taxonomy: Taxonomy, names: tuple[str, ...], *, required: bool, case: Case) -> set[str]:
    ids = set()
    for name in names:
        skill = taxonomy.resolve(name)
        if skill is None:
            assert not required, f"{case.id}: the taxonomy has no skill for {name!r}"
            continue  # an absent skill the taxonomy does not know cannot be produced
        ids.add(skill.id)
    return ids


def test_cases_cover_every_trap_class() -> None:
    assert len(CASES) >= 80
    assert len({c.id for c in CASES}) == len(CASES)
    classes = {c.cls for c in CASES}
    assert {
        "ambiguous-prose",
        "ambiguous-tech",
        "names",
        "dates-grades",
        "urls-email",
        "surface-forms",
        "java-vs-javascript",
        "c-family",
        "typos",
        "fuzzy-guard",
        "negation",
        "hedging",
        "quoted-or-course",
        "recruiter",
    } <= classes
    for case in CASES:
        assert case.present or case.absent or case.hedged or case.negated, case.id
        assert not set(case.present) & set(case.absent), case.id


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hard_case(case: Case, taxonomy: Taxonomy) -> None:
    profile = _profile(case.text)
    found = profile.skill_ids
    credited = {e.skill.id: [m.text for m in e.mentions] for e in profile.skills}
    where = f"{case.text!r} -> {credited}"

    missing = _ids(taxonomy, case.present, required=True, case=case) - found
    assert not missing, f"{case.id}: not found {sorted(missing)} in {where}"

    wrong = _ids(taxonomy, case.absent, required=False, case=case) & found
    assert not wrong, f"{case.id}: wrongly credited {sorted(wrong)} in {where}"

    for skill_id in sorted(_ids(taxonomy, case.hedged, required=True, case=case)):
        evidence = profile.get(skill_id)
        assert evidence is not None, f"{case.id}: hedged {skill_id} not credited in {where}"
        assert any(m.hedged for m in evidence.mentions), f"{case.id}: {skill_id} not flagged hedged"
        assert evidence.confidence < 1.0, f"{case.id}: hedged {skill_id} at full confidence"

    for skill_id in sorted(_ids(taxonomy, case.negated, required=True, case=case)):
        assert skill_id not in found, f"{case.id}: negated {skill_id} credited"
        flagged = [m for m in profile.discarded if m.skill_id == skill_id and m.negated]
        assert flagged, f"{case.id}: negated {skill_id} not kept in profile.discarded"

    text = normalize_text(case.text)
    for mention in [m for e in profile.skills for m in e.mentions] + list(profile.discarded):
        assert text[mention.start : mention.end] == mention.text, (case.id, mention)
