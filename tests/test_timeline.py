"""Dated roles and month arithmetic, on hand-built sections."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillmatch.models import Mention, Role, Section
from skillmatch.timeline import find_roles, months_covered, role_at, skill_timeline, stated_months

AS_OF = date(2024, 6, 15)


def experience(text: str, *, heading: str = "Experience") -> list[Section]:
    """The whole text as one experience section (its first line is the heading)."""
    return [Section("experience", heading, 0, len(text))]


def role(
    start: tuple[int, int], end: tuple[int, int], *, block: tuple[int, int] = (0, 1), section: str = "experience"
) -> Role:
    return Role(
        start=date(*start, 1),
        end=date(*end, 1),
        ongoing=False,
        title="",
        date_text="",
        date_start=block[0],
        date_end=block[0],
        block_start=block[0],
        block_end=block[1],
        section=section,
    )


def summary(text: str, sections: list[Section] | None = None) -> list[tuple[str, str, str, int]]:
    roles = find_roles(text, sections or experience(text), as_of=AS_OF)
    return [(r.title, r.start.isoformat()[:7], r.end.isoformat()[:7], r.months) for r in roles]


LAYOUTS = {
    "title and date on one line": (
        (
            "Experience\n"
            "Senior Engineer, Acme Corp    Jan 2019 – Present\n"
            "- Built Python services\n"
            "- Ran Kafka\n"
            "Engineer, Beta Ltd    03/2016 – 12/2018\n"
            "- Java and Spring\n"
        ),
        [("Senior Engineer, Acme Corp", "2019-01", "2024-06", 66), ("Engineer, Beta Ltd", "2016-03", "2018-12", 34)],
    ),
    "title lines above the date": (
        (
            "Experience\n"
            "Senior Engineer\n"
            "Acme Corp | London\n"
            "Jan 2019 – Present\n"
            "- Built Python services\n"
            "Engineer\n"
            "Beta Ltd | Paris\n"
            "Sep. 2015 to Aug. 2017\n"
            "- Java and Spring\n"
        ),
        [
            ("Senior Engineer, Acme Corp | London", "2019-01", "2024-06", 66),
            ("Engineer, Beta Ltd | Paris", "2015-09", "2017-08", 24),
        ],
    ),
    "date above the title": (
        (
            "Work History\n"
            "Jan 2019 – Present\n"
            "Senior Engineer, Acme Corp\n"
            "- Built Python services\n"
            "2016 - 2018\n"
            "Engineer, Beta Ltd\n"
            "Built Java and Spring services for payments.\n"
        ),
        [("Senior Engineer, Acme Corp", "2019-01", "2024-06", 66), ("Engineer, Beta Ltd", "2016-01", "2018-12", 36)],
    ),
    "markdown headings with dates in brackets": (
        (
            "## Experience\n"
            "### Senior Engineer — Acme (Jan 2019 – Present)\n"
            "- Built Python services (a 2020 - 2021 migration)\n"
            "### Engineer — Beta (2016.04 - 2018.11)\n"
            "- Java\n"
        ),
        [("Senior Engineer — Acme", "2019-01", "2024-06", 66), ("Engineer — Beta", "2016-04", "2018-11", 32)],
    ),
    "roles as a bulleted list": (
        "Experience\n- Senior Engineer, Acme, Jan 2019 – Present: Python\n- Engineer, Beta, 2016 – 2018: Java\n",
        [
            ("Senior Engineer, Acme, Python", "2019-01", "2024-06", 66),
            ("Engineer, Beta, Java", "2016-01", "2018-12", 36),
        ],
    ),
    "several roles under one employer": (
        (
            "Experience\n"
            "Acme Corp\n"
            "Senior Engineer   Jan 2020 – Present\n"
            "- Python\n"
            "Engineer   Jan 2018 – Dec 2019\n"
            "- Go\n"
            "Beta Inc\n"
            "Developer   2015 – 2017\n"
            "- Java\n"
        ),
        [
            ("Acme Corp, Senior Engineer", "2020-01", "2024-06", 54),
            ("Engineer", "2018-01", "2019-12", 24),
            ("Beta Inc, Developer", "2015-01", "2017-12", 36),
        ],
    ),
    "chronological order, dates first on the line": (
        (
            "EMPLOYMENT\n"
            "2012 – 2014  Junior Developer at Gamma\n"
            "Maintained PHP sites.\n"
            "2014 – 2019  Developer at Delta\n"
            "Wrote Go services.\n"
        ),
        [("Junior Developer at Gamma", "2012-01", "2014-12", 36), ("Developer at Delta", "2014-01", "2019-12", 72)],
    ),
    "since and summer": (
        (
            "Experience\nPlatform Engineer, Epsilon (since March 2022)\n- Kubernetes\n"
            "Intern, Zeta — Summer 2019\n- Python\n"
        ),
        [("Platform Engineer, Epsilon", "2022-03", "2024-06", 28), ("Intern, Zeta", "2019-06", "2019-08", 3)],
    ),
}


@pytest.mark.parametrize(("text", "expected"), LAYOUTS.values(), ids=list(LAYOUTS))
def test_layouts(text: str, expected: list[tuple[str, str, str, int]]) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize("text", [t for t, _ in LAYOUTS.values()], ids=list(LAYOUTS))
def test_blocks_tile_the_section_after_the_first_role(text: str) -> None:
    roles = find_roles(text, experience(text), as_of=AS_OF)
    assert roles
    for a, b in itertools.pairwise(roles):
        assert a.block_end == b.block_start
    assert roles[-1].block_end == len(text)
    for r in roles:
        assert text[r.date_start : r.date_end] == r.date_text
        assert r.block_start <= r.date_start < r.date_end <= r.block_end


def test_mentions_attach_to_the_role_they_sit_in() -> None:
    text = LAYOUTS["title lines above the date"][0]
    roles = find_roles(text, experience(text), as_of=AS_OF)
    assert role_at(roles, text.index("Python")) == 0
    assert role_at(roles, text.index("Spring")) == 1
    assert role_at(roles, text.index("Beta")) == 1  # the heading belongs to its own role
    assert role_at(roles, text.index("Experience")) is None  # the section heading


def test_dates_in_bullets_are_not_roles() -> None:
    text = (
        "Experience\n"
        "Backend Engineer, Acme    2018 – 2022\n"
        "- Led the Kafka migration project (Mar 2019 – Jun 2019), cutting latency by 30 percent across all regions\n"
        "- Python\n"
    )
    assert [t for t, *_ in summary(text)] == ["Backend Engineer, Acme"]


def test_only_experience_and_projects_sections() -> None:
    text = "Education\nBSc Computer Science, 2008 - 2012\nExperience\nDeveloper, Acme  2013 - 2015\n- Java\n"
    cut = text.index("Experience")
    sections = [Section("education", "Education", 0, cut), Section("experience", "Experience", cut, len(text))]
    roles = find_roles(text, sections, as_of=AS_OF)
    assert [r.title for r in roles] == ["Developer, Acme"]
    assert roles[0].block_end == len(text)


def test_projects_roles_are_marked_and_not_total_experience() -> None:
    text = "Experience\nDeveloper, Acme  2013 - 2015\nProjects\nSide project  2020 - 2021\n"
    cut = text.index("Projects")
    sections = [Section("experience", "Experience", 0, cut), Section("projects", "Projects", cut, len(text))]
    roles = find_roles(text, sections, as_of=AS_OF)
    assert [r.section for r in roles] == ["experience", "projects"]
    assert months_covered(roles) == 36
    assert months_covered(roles, sections=["experience", "projects"]) == 60


def test_without_experience_heading_falls_back_to_unheaded_text() -> None:
    text = "Jane Doe\nDeveloper, Acme  Jan 2020 - Dec 2020\n- Python\n"
    roles = find_roles(text, [Section("header", "", 0, len(text))], as_of=AS_OF)
    assert [r.months for r in roles] == [12]


def test_impossible_ranges_are_skipped() -> None:
    text = "Experience\nDeveloper, Acme  2021 - 2019\n- Java\nEngineer, Beta  2015 - 2016\n"
    assert summary(text) == [("Engineer, Beta", "2015-01", "2016-12", 24)]


def test_no_dates_no_roles() -> None:
    text = "Experience\nDeveloper at Acme\n- Python\n"
    assert find_roles(text, experience(text), as_of=AS_OF) == ()
    assert months_covered(()) is None
    assert skill_timeline((), []) == (None, None)


def test_as_of_is_used_for_present() -> None:
    text = "Experience\nDeveloper, Acme  Jan 2020 – Present\n"
    early = find_roles(text, experience(text), as_of=date(2020, 6, 30))
    late = find_roles(text, experience(text), as_of=date(2021, 6, 1))
    assert (early[0].months, late[0].months) == (6, 18)
    assert early[0].ongoing


# -- arithmetic --------------------------------------------------------------------


def test_overlapping_roles_count_once() -> None:
    roles = [role((2019, 1), (2019, 12), block=(0, 10)), role((2019, 7), (2020, 6), block=(10, 20))]
    assert skill_timeline(roles, [0, 1]) == (18, date(2020, 6, 1))
    assert months_covered(roles) == 18


def test_gaps_are_not_counted() -> None:
    roles = [role((2015, 1), (2015, 12), block=(0, 10)), role((2018, 1), (2018, 3), block=(10, 20))]
    assert months_covered(roles) == 15
    assert skill_timeline(roles, [1]) == (3, date(2018, 3, 1))


def test_adjacent_roles_join() -> None:
    roles = [role((2015, 1), (2015, 12), block=(0, 10)), role((2016, 1), (2016, 12), block=(10, 20))]
    assert months_covered(roles) == 24


def test_nested_role_and_repeated_indexes() -> None:
    roles = [role((2010, 1), (2020, 12), block=(0, 10)), role((2012, 1), (2013, 1), block=(10, 20))]
    assert skill_timeline(roles, [1, 1, 0]) == (132, date(2020, 12, 1))


def test_last_used_is_the_latest_end_not_the_last_listed() -> None:
    roles = [role((2019, 1), (2022, 5), block=(0, 10)), role((2010, 1), (2012, 1), block=(10, 20))]
    assert skill_timeline(roles, [1, 0])[1] == date(2022, 5, 1)


def test_role_at_boundaries() -> None:
    roles = [role((2019, 1), (2019, 2), block=(5, 10)), role((2018, 1), (2018, 2), block=(10, 20))]
    assert [role_at(roles, i) for i in (0, 4, 5, 9, 10, 19, 20)] == [None, None, 0, 0, 1, 1, None]
    assert role_at((), 3) is None


@given(st.lists(st.tuples(st.integers(0, 200), st.integers(0, 60)), min_size=1, max_size=8))
def test_union_matches_a_set_of_months(spans: list[tuple[int, int]]) -> None:
    base = 2000 * 12
    roles = []
    months: set[int] = set()
    for k, (lo, length) in enumerate(spans):
        first, last = base + lo, base + lo + length
        months.update(range(first, last + 1))
        roles.append(role((first // 12, first % 12 + 1), (last // 12, last % 12 + 1), block=(k * 10, k * 10 + 10)))
    assert months_covered(roles) == len(months)
    used, last_used = skill_timeline(roles, range(len(roles)))
    assert used == len(months)
    assert last_used is not None
    assert (last_used.year * 12 + last_used.month - 1) == max(months)


def test_career_break_is_not_a_role() -> None:
    text = (
        "Experience\n"
        "05/2019 – 10/2023  Lead Engineer, Marrow & Finch\n"
        "Golang microservices on Kubernetes.\n\n"
        "Since November 2023 I have been on a planned sabbatical.\n"
    )
    assert summary(text) == [("Lead Engineer, Marrow & Finch", "2019-05", "2023-10", 54)]


def test_undated_role_ends_the_previous_block() -> None:
    text = (
        "Experience\n"
        "Backend Developer, Sorrel Labs, 04/2021 – present\n"
        "- Python and Django services.\n\n"
        "Volunteer developer, Hedgerow Food Bank\n"
        "- Built a stock-tracking app in Flask.\n\n"
        "Python Developer, Bracken Data, 01/2019 – 03/2021\n"
        "- Flask APIs on MySQL.\n"
    )
    roles = find_roles(text, experience(text), as_of=AS_OF)
    assert [r.title for r in roles] == ["Backend Developer, Sorrel Labs", "Python Developer, Bracken Data"]
    assert role_at(roles, text.index("Django")) == 0
    assert role_at(roles, text.index("Hedgerow")) is None
    assert role_at(roles, text.index("stock-tracking")) is None
    assert role_at(roles, text.index("MySQL")) == 1


def test_role_subheadings_stay_in_the_role() -> None:
    text = (
        "Experience\n"
        "Senior Engineer, Acme  2019 – 2022\n"
        "- Led the platform team.\n"
        "Key achievements, 2021\n"
        "- Cut costs in half with Kubernetes.\n"
    )
    roles = find_roles(text, experience(text), as_of=AS_OF)
    assert role_at(roles, text.index("Kubernetes")) == 0


def test_heading_stops_at_a_blank_line_unless_double_spaced() -> None:
    text = "Jane Doe\nGo engineer, Dublin\n\nWork history\n\n06/2012 – 08/2015  Developer, Pebblebrook\n- C#\n"
    roles = find_roles(text, [Section("header", "", 0, len(text))], as_of=AS_OF)
    assert roles[0].title == "Developer, Pebblebrook"
    assert role_at(roles, text.index("Go engineer")) is None
    spaced = (
        "Experience\n\nSenior Engineer\n\nAcme Corp\n\nJan 2019 – Present\n\n- Python\n\n"
        "Engineer\n\nBeta\n\n2016 – 2018\n\n- Go\n"
    )
    assert [t for t, *_ in summary(spaced)] == ["Senior Engineer, Acme Corp", "Engineer, Beta"]


def test_only_dates_under_the_heading_or_breaks() -> None:
    text = "Experience 2015 - 2017\nSince 2020 on a sabbatical.\n"
    assert find_roles(text, experience(text), as_of=AS_OF) == ()


_LINES = st.sampled_from(
    [
        "",
        "Experience",
        "Senior Engineer, Acme",
        "Jan 2019 – Present",
        "- Python and Go",
        "2016 - 2018 Developer at Beta",
        "• 2020 – 2021 project",
        "Since March 2022 on a sabbatical.",
        "Built the billing system in Java with a team of six engineers over two years.",
        "03/2018 – 05/2021 | QA | Gamma",
        "Volunteer, Food Bank",
        "   ",
    ]
)


@given(st.lists(_LINES, max_size=14), st.text(max_size=30))
def test_never_crashes_and_blocks_are_ordered(lines: list[str], noise: str) -> None:
    text = "\n".join([*lines, noise])
    sections = [Section("experience", "Experience", 0, len(text))]
    roles = find_roles(text, sections, as_of=AS_OF)
    for r in roles:
        assert 0 <= r.block_start < r.block_end <= len(text)
        assert r.block_start <= r.date_start
        assert text[r.date_start : r.date_end] == r.date_text
        assert r.months >= 1
    for a, b in itertools.pairwise(roles):
        assert a.block_end <= b.block_start


def _mention(text: str, form: str, skill: str) -> Mention:
    i = text.index(form)
    return Mention(skill, i, i + len(form), form, "skills")


@pytest.mark.parametrize(
    ("text", "form", "months"),
    [
        ("Python (5 years)", "Python", 60),
        ("Python: 3+ yrs", "Python", 36),
        ("Go - 18 months", "Go", 18),
        ("Kafka, 2 years", "Kafka", 24),
        ("8+ years of Java", "Java", 96),
        ("5 years' experience in Python", "Python", 60),
        ("two years of hands-on experience with Rust", "Rust", 24),
        ("Java 8", "Java", None),
        ("managed 3 years of budgets. Java", "Java", None),
        ("Python", "Python", None),
        ("Python (100 years)", "Python", None),
    ],
)
def test_stated_months(text: str, form: str, months: int | None) -> None:
    assert stated_months(text, [_mention(text, form, "x")]).get("x") == months


def test_stated_months_largest_wins_and_negated_ignored() -> None:
    text = "Python (2 years). Later: 6 years of Python. No Java (3 years)."
    first = _mention(text, "Python", "python")
    second = Mention("python", text.rindex("Python"), text.rindex("Python") + 6, "Python", "skills")
    java = Mention("java", text.index("Java"), text.index("Java") + 4, "Java", "skills", negated=True)
    assert stated_months(text, [first, second, java]) == {"python": 72}


def test_flattened_one_line_cv() -> None:
    filler = "Wrote the nightly reports and kept the servers patched for the whole office team. " * 6
    text = (
        "Jane Roe Editor Career Experience 2004-2007 Bay Journal Editor "
        + filler
        + "2007-Present Daily Mail Deputy Editor "
        + filler
        + "Education 2003-2004 Masters in Mass Communication"
    )
    roles = find_roles(text, [Section("header", "", 0, len(text))], as_of=AS_OF)
    assert [(r.date_text, r.months) for r in roles] == [("2004-2007", 48), ("2007-Present", 210)]
    assert roles[0].title.startswith("Bay Journal Editor")
    assert roles[0].block_end == roles[1].block_start
    assert months_covered(roles) == 246  # 2004 to June 2024, 2007 counted once


# -- through extract_profile: months and last used per skill ---------------------------------

END_TO_END = [
    (
        (
            "Jordan Blake\nBackend developer\n\nPROFESSIONAL EXPERIENCE\n\n"
            "Senior Software Engineer\nNorthwind Analytics, Leeds\nJan '21 – Present\n"
            "• Python services on Kubernetes, data in PostgreSQL.\n\n"
            "Software Engineer\nBluefin Ltd, York\nSep. 2017 to Dec. 2020\n"
            "• Java and PostgreSQL; Docker images for every service.\n\n"
            "SKILLS\nPython, Java, Docker, Kubernetes, PostgreSQL, Redis\n"
        ),
        {
            "python": (42, "2024-06"),
            "kubernetes": (42, "2024-06"),
            "postgresql": (82, "2024-06"),
            "java": (40, "2020-12"),
            "docker": (40, "2020-12"),
            "redis": (None, None),
        },
        82,
    ),
    (
        (
            "Priya Raman\n\nWork History\n"
            "2016/04 – 2018/03 | Developer | Larkspur Systems\n"
            "- Built Java APIs; deployed with Docker.\n"
            "2018/04 – 2019/12 | Senior Developer | Larkspur Systems\n"
            "- Java and AWS Lambda functions.\n"
            "03/2020 – Present | Lead Engineer | Osprey Cloud\n"
            "- Go microservices on AWS.\n"
        ),
        {"java": (45, "2019-12"), "docker": (24, "2018-03"), "aws": (73, "2024-06"), "go": (52, "2024-06")},
        97,  # 24 + 21 + 52: January and February 2020 are a gap
    ),
]


@pytest.mark.parametrize(("text", "expected", "total"), END_TO_END, ids=["headings-above", "pipes-numeric"])
def test_months_and_last_used_end_to_end(
    text: str, expected: dict[str, tuple[int | None, str | None]], total: int
) -> None:
    import skillmatch as sm

    profile = sm.extract_profile(text, as_of=AS_OF)
    assert profile.total_months == total
    for skill, (months, last) in expected.items():
        evidence = profile.get(skill)
        assert evidence is not None, skill
        got_last = None if evidence.last_used is None else evidence.last_used.isoformat()[:7]
        assert (evidence.months, got_last) == (months, last), skill


def test_inline_section_after_the_last_role_ends_its_block() -> None:
    text = (
        "Experience\n"
        "Developer · Wildmere · 2019-01 – 2021-06\n"
        "  C# tools for the designers.\n"
        "  Environment: Azure DevOps, Terraform\n"
        "\n"
        "Skills: Kotlin, Terraform\n"
    )
    roles = find_roles(text, experience(text), as_of=AS_OF)
    assert role_at(roles, text.index("Environment")) == 0
    assert role_at(roles, text.index("Kotlin")) is None
