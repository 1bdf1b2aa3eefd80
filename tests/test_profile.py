"""extract_profile: evidence, strength, months and last use, negation and hedging in the profile."""

from __future__ import annotations

from datetime import date

import pytest

import skillmatch as sm
from skillmatch.models import Document, Mention, Role
from skillmatch.normalize import normalize_text
from skillmatch.profile import mention_strength
from skillmatch.taxonomy import Taxonomy

CV = """Alex Example
alex@example.com

SUMMARY
Backend engineer. Currently learning Rust. No experience with Kubernetes.

SKILLS
Python, Docker, PostgreSQL, Go, Terraform

EXPERIENCE
Senior Backend Engineer, Acme Ltd
Jan 2020 - Present
• Built payment services in Go and PostgreSQL
• Moved deployments to Docker

Backend Developer, Beta GmbH
Mar 2017 - Dec 2019
• Python and Django services on PostgreSQL

COURSES
Intro to Scala (Coursera)
"""
AS_OF = date(2021, 6, 1)


@pytest.fixture(scope="module")
def profile(tax: Taxonomy) -> sm.Profile:
    return sm.extract_profile(CV, taxonomy=tax, as_of=AS_OF)


def test_skills_found(profile: sm.Profile) -> None:
    assert profile.skill_ids == {"python", "docker", "postgresql", "go", "terraform", "django", "rust", "scala"}


def test_offsets_point_into_the_normalised_text(profile: sm.Profile) -> None:
    text = normalize_text(CV)
    for e in profile.skills:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    for m in profile.discarded:
        assert text[m.start : m.end] == m.text


def test_sections_and_roles(profile: sm.Profile) -> None:
    names = [s.name for s in profile.sections]
    assert names == ["header", "summary", "skills", "experience", "courses"]
    assert len(profile.roles) == 2
    assert profile.total_months == 52  # Mar 2017 - Jun 2021, with no gap


def test_months_and_last_used_come_from_roles(profile: sm.Profile) -> None:
    go = profile.get("go")
    assert go is not None
    assert go.months == 18  # Jan 2020 - Jun 2021
    assert go.last_used == date(2021, 6, 1)
    pg = profile.get("postgresql")
    assert pg is not None
    assert pg.months == 52  # both roles, counted once
    tf = profile.get("terraform")
    assert tf is not None
    assert tf.months is None
    assert tf.last_used is None


def test_mentions_in_roles_carry_the_role(profile: sm.Profile) -> None:
    go = profile.get("go")
    assert go is not None
    roles = {m.role for m in go.mentions}
    assert 0 in roles
    assert None in roles  # the skills-list mention


def test_strength_orders_evidence(profile: sm.Profile) -> None:
    def strength(skill: str) -> float:
        e = profile.get(skill)
        assert e is not None
        return e.strength

    assert strength("go") == 1.0  # a dated role's bullets
    assert strength("terraform") == 0.5  # a keyword list
    assert strength("scala") < strength("terraform")  # a course list
    strengths = [e.strength for e in profile.skills]
    assert strengths == sorted(strengths, reverse=True)  # strongest evidence first


def test_negated_skill_is_discarded_with_its_flag(profile: sm.Profile) -> None:
    assert "kubernetes" not in profile.skill_ids
    negated = [m for m in profile.discarded if m.skill_id == "kubernetes"]
    assert negated
    assert negated[0].negated


def test_hedged_skill_is_credited_with_lower_confidence(profile: sm.Profile) -> None:
    rust = profile.get("rust")
    assert rust is not None
    assert all(m.hedged for m in rust.mentions)
    assert rust.confidence < 1
    assert rust.strength < 0.6  # a summary mention, halved


def test_profile_metadata(profile: sm.Profile, tax: Taxonomy) -> None:
    assert profile.taxonomy_version == tax.version
    assert profile.as_of == AS_OF


def test_document_input_keeps_source_and_warnings(tax: Taxonomy) -> None:
    text = normalize_text(CV)
    doc = Document(text=text, kind="pdf", source="cv.pdf", warnings=("page 2 has no text",))
    p = sm.extract_profile(doc, taxonomy=tax, as_of=AS_OF)
    assert p.source == "cv.pdf"
    assert p.warnings == ("page 2 has no text",)
    assert p.skill_ids == sm.extract_profile(CV, taxonomy=tax, as_of=AS_OF).skill_ids


def test_same_input_same_output(tax: Taxonomy) -> None:
    a = sm.extract_profile(CV, taxonomy=tax, as_of=AS_OF)
    b = sm.extract_profile(CV, taxonomy=tax, as_of=AS_OF)
    assert a == b


def test_rejects_other_types(tax: Taxonomy) -> None:
    with pytest.raises(TypeError, match="bytes"):
        sm.extract_profile(b"Python", taxonomy=tax)  # type: ignore[arg-type]


def test_empty_text(tax: Taxonomy) -> None:
    p = sm.extract_profile("", taxonomy=tax)
    assert p.skills == ()
    assert p.total_months is None


def test_mention_strength() -> None:
    role = Role(date(2020, 1, 1), date(2020, 12, 1), False, "Dev", "2020", 0, 4, 0, 100, "experience")
    in_role = Mention("go", 10, 12, "Go", "experience", role=0)
    assert mention_strength(in_role, [role]) == 1.0
    assert mention_strength(Mention("go", 0, 2, "Go", "skills")) == 0.5
    assert mention_strength(Mention("go", 0, 2, "Go", "courses")) == 0.3
    assert mention_strength(Mention("go", 0, 2, "Go", "skills", hedged=True)) == 0.25
