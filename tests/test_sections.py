"""Section headings in real CV styles, and the contiguity invariant."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillmatch.sections import find_sections, heading_name, section_at


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("TECHNICAL SKILLS", "skills"),
        ("Technical Skills:", "skills"),
        ("SKILLS", "skills"),
        ("Key Skills", "skills"),
        ("Core Competencies", "skills"),
        ("TECHNICAL SKILL SET:", "skills"),
        ("Tech Stack", "skills"),
        ("Work History", "experience"),
        ("WORK EXPERIENCE", "experience"),
        ("Professional Experience:", "experience"),
        ("Employment History", "experience"),
        ("Experience", "experience"),
        ("• Key Projects:", "projects"),
        ("ACADEMIC PROJECTS", "projects"),
        ("Education", "education"),
        ("EDUCATIONAL QUALIFICATION", "education"),
        ("Certifications/Licenses", "certifications"),
        ("CERTIFICATIONS & LICENSES", "certifications"),
        ("Relevant Coursework", "courses"),
        ("Publications", "publications"),
        ("Hobbies & Interests", "interests"),
        ("References", "references"),
        ("PROFESSIONAL SUMMARY", "summary"),
        ("Career Objective", "summary"),
        ("About Me", "summary"),
        ("ADDITIONAL INFORMATION", "other"),
        ("Awards", "other"),
        ("1. Education", "education"),
        ("## Experience", "experience"),
    ],
)
def test_headings(line: str, name: str) -> None:
    assert heading_name(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "I like work",
        "Java Developer",
        "Experience in Java and Spring.",
        "Skills and experience in cooking were",
        "John Smith",
        "Built Kafka pipelines",
        "education",  # lower case without a colon: a fragment of wrapped prose
        "skills,",
        "Skills,",
    ],
)
def test_not_headings(line: str) -> None:
    assert heading_name(line) is None


def test_lower_case_heading_with_a_colon() -> None:
    assert heading_name("education:") == "education"


def test_sections_of_a_cv() -> None:
    text = (
        "Jane Doe\njane@example.com\n\nPROFESSIONAL SUMMARY\nBackend developer.\n\n"
        "Technical Skills:\nPython, Go\n\nWork History\nAcme Corp, 2019 - 2021\n"
        "Environment: Java, Spring\n• Built APIs\n\nEDUCATION\nBSc Computer Science\n"
    )
    secs = find_sections(text)
    assert [s.name for s in secs] == ["header", "summary", "skills", "experience", "education"]
    assert [s.heading for s in secs] == ["", "PROFESSIONAL SUMMARY", "Technical Skills:", "Work History", "EDUCATION"]
    assert text[secs[3].start :].startswith("Work History")


def test_inline_heading_with_content() -> None:
    text = "Jane\nSkills: Python, Docker\nExperience\nDev, 2020 - 2021\nSkills: teamwork"
    secs = find_sections(text)
    assert [s.name for s in secs] == ["header", "skills", "experience"]
    assert secs[1].heading == "Skills:"


def test_text_opening_with_a_heading_has_an_empty_header() -> None:
    secs = find_sections("SKILLS\nPython")
    assert secs[0].name == "header"
    assert secs[0].start == secs[0].end == 0
    assert secs[1].name == "skills"


def test_two_column_text() -> None:
    # pypdfium2 reads a sidebar as its own block of lines: headings stay on their own lines.
    text = "ALEX KIM\nEXPERIENCE\nPlatform Engineer\nSKILLS\nGo\nKubernetes\nEDUCATION\nMSc"
    assert [s.name for s in find_sections(text)] == ["header", "experience", "skills", "education"]


def test_repeated_heading_is_one_section() -> None:
    secs = find_sections("A\nSKILLS\n\nTECHNICAL SKILLS\nPython")
    assert [s.name for s in secs] == ["header", "skills"]


def test_section_at() -> None:
    text = "Ann\nSKILLS\nGo\nEDUCATION\nBSc"
    secs = find_sections(text)
    assert section_at(secs, 0).name == "header"
    assert section_at(secs, text.index("Go")).name == "skills"
    assert section_at(secs, len(text)).name == "education"
    with pytest.raises(ValueError, match="no sections"):
        section_at((), 0)


@given(
    st.lists(
        st.one_of(
            st.sampled_from(["SKILLS", "Work History", "Education:", "Skills: Go", "", "• Built it", "Projects"]),
            st.text(max_size=40),
        ),
        max_size=30,
    )
)
@settings(max_examples=200, deadline=None)
def test_sections_cover_the_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    secs = find_sections(text)
    assert secs[0].name == "header"
    assert secs[0].start == 0
    assert secs[-1].end == len(text)
    for a, b in itertools.pairwise(secs):
        assert a.end == b.start
        assert a.start <= a.end
