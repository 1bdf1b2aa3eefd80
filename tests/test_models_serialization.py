"""Profiles survive a round trip through JSON, so they can be stored and scored again later."""

from __future__ import annotations

import json
from datetime import date

import pytest

import skillmatch as sm
from skillmatch.models import PROFILE_SCHEMA, Mention, Profile, Role, Section, Skill, SkillEvidence
from skillmatch.taxonomy import Taxonomy


def _profile(taxonomy: Taxonomy) -> Profile:
    python = Mention("python", 120, 126, "Python", "experience", role=0, reason="in role bullets")
    listed = Mention("python", 10, 16, "python", "skills", method="variant", confidence=0.9)
    negated = Mention("kubernetes", 200, 210, "Kubernetes", "summary", negated=True, reason="negated")
    role = Role(date(2019, 1, 1), date(2023, 6, 1), False, "Backend Engineer, Acme", "2019 – 2023", 90, 101, 90, 180)
    return Profile(
        skills=(
            SkillEvidence(taxonomy["python"], (listed, python), months=54, last_used=date(2023, 6, 1), strength=0.9),
            # a skill the taxonomy does not know (from a user's extra taxonomy)
            SkillEvidence(Skill("acme-rpc", "Acme RPC", "api"), (), strength=0.2, confidence=0.5),
        ),
        total_months=54,
        roles=(role,),
        sections=(Section("header", "", 0, 9), Section("skills", "Skills", 9, 89)),
        discarded=(negated,),
        as_of=date(2024, 1, 1),
        source="cvs/ada.pdf",
        warnings=("no text on page 2",),
        taxonomy_version=taxonomy.version,
    )


def test_round_trip_through_json_gives_an_equal_profile(taxonomy: Taxonomy) -> None:
    profile = _profile(taxonomy)
    data = json.loads(json.dumps(profile.to_dict()))
    assert data["schema"] == PROFILE_SCHEMA
    assert data["skillmatch"] == sm.__version__
    assert data["skills"][0]["skill"] == {"id": "python", "name": "Python", "category": taxonomy["python"].category}
    assert data["skills"][0]["last_used"] == "2023-06-01"
    again = Profile.from_dict(data, taxonomy=taxonomy)
    assert again == profile
    assert again.skills[0].skill is taxonomy["python"]
    assert again.skills[1].skill == Skill("acme-rpc", "Acme RPC", "api")


def test_unknown_keys_are_ignored_and_missing_ones_take_defaults(taxonomy: Taxonomy) -> None:
    data = _profile(taxonomy).to_dict()
    data["added_in_a_later_version"] = [1, 2]
    data["skills"][0]["mentions"][0]["new_field"] = "x"
    del data["discarded"]
    again = Profile.from_dict(data, taxonomy=taxonomy)
    assert again.discarded == ()
    assert again.skills[0].mentions == _profile(taxonomy).skills[0].mentions


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"skills": []}, "not a stored skillmatch profile"),
        ({"schema": "skillmatch.profile/9", "skills": []}, "this version reads"),
        ({"schema": PROFILE_SCHEMA, "skills": [{"mentions": []}]}, "damaged"),
        ({"schema": PROFILE_SCHEMA, "skills": [], "as_of": "yesterday"}, "damaged"),
    ],
)
def test_data_that_is_not_a_profile_is_a_typed_error(data: dict[str, object], message: str) -> None:
    with pytest.raises(sm.ProfileError, match=message):
        Profile.from_dict(data)
