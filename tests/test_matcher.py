"""The matcher: candidates in key space, surface forms, versions, ambiguity, typos."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import skillmatch as sm
from _extraction_taxonomy import make_taxonomy
from skillmatch.matcher import SkillExtractor, get_extractor, key_string
from skillmatch.models import Mention
from skillmatch.taxonomy import Taxonomy


def credited(ex: SkillExtractor, text: str, *, kind: str = "cv") -> list[str]:
    mentions = ex.find(text, kind=kind)  # type: ignore[arg-type]
    _check_offsets(text, mentions)
    return [m.skill_id for m in mentions if m.credited]


def _check_offsets(text: str, mentions: list[Mention]) -> None:
    for m in mentions:
        assert text[m.start : m.end] == m.text


def mention(ex: SkillExtractor, text: str, skill: str, *, kind: str = "cv") -> Mention:
    found = [m for m in ex.find(text, kind=kind) if m.skill_id == skill]  # type: ignore[arg-type]
    assert found, f"{skill} not found in {text!r}"
    return found[0]


# -- the key string -------------------------------------------------------------------


def test_key_string_keeps_length_and_lowercases() -> None:
    text = "Node.js • C++ – Müller’s R&D\nGo"
    key = key_string(text)
    assert len(key) == len(text)
    assert key == "node\x01js\x01\x01\x01c++\x01\x01\x01m\x02ller\x01s\x01r&d\x01go"


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_key_string_is_one_character_per_character(text: str) -> None:
    assert len(key_string(text)) == len(text)


@given(st.text(alphabet=st.sampled_from(list("Go Java, C++ C# Node.js\n•-/()R&D 1.21 Kubernets ")), max_size=120))
@settings(max_examples=150, deadline=None)
def test_offsets_always_point_at_the_mention(text: str) -> None:
    tax = make_taxonomy_cached()
    mentions = get_extractor(tax).find(text)
    _check_offsets(text, mentions)
    for a, b in itertools.pairwise(mentions):
        assert a.end <= b.start  # no overlaps


_CACHED: list[Taxonomy] = []


def make_taxonomy_cached() -> Taxonomy:
    if not _CACHED:
        import tempfile

        _CACHED.append(make_taxonomy(Path(tempfile.mkdtemp())))
    return _CACHED[0]


# -- surface forms ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Node.js", "node js", "NodeJS", "node-js", "NODE.JS"])
def test_node_spellings(ex: SkillExtractor, text: str) -> None:
    assert credited(ex, f"Skills: {text}, Docker") == ["nodejs", "docker"]


@pytest.mark.parametrize("text", ["MongoDB", "Mongo DB", "mongo-db"])
def test_mongodb_spellings(ex: SkillExtractor, text: str) -> None:
    assert credited(ex, f"Stores: {text} and PostgreSQL") == ["mongodb", "postgresql"]


def test_java_is_never_javascript(ex: SkillExtractor) -> None:
    assert credited(ex, "JavaScript, TypeScript") == ["javascript", "typescript"]
    assert credited(ex, "Java Script and Type Script") == ["javascript", "typescript"]
    assert credited(ex, "Java and JavaScript") == ["java", "javascript"]
    assert credited(ex, "Java/J2EE, Python") == ["java", "java", "python"]


def test_c_is_never_cpp_or_csharp(ex: SkillExtractor) -> None:
    assert credited(ex, "C++ and C# only.") == ["cpp", "csharp"]
    assert credited(ex, "Languages: C/C++, Python") == ["c", "cpp", "python"]


def test_compound_dotnet_forms(ex: SkillExtractor) -> None:
    m = [x for x in ex.find("C#.NET desktop tools; ASP.NET Core Web API; ASP .NET MVC") if x.credited]
    assert [(x.skill_id, x.text) for x in m] == [
        ("csharp", "C#"),
        ("dotnet", ".NET"),
        ("aspnet", "ASP.NET Core"),
        ("aspnet", "ASP .NET MVC"),
    ]


def test_dot_net_needs_its_dot(ex: SkillExtractor) -> None:
    assert credited(ex, "Net income rose; the net result was good.") == []
    assert credited(ex, "Services on .NET 6") == ["dotnet"]


@pytest.mark.parametrize(
    ("text", "skill", "version"),
    [
        ("Java 8, Python", "java", "8"),
        ("Python 3.11 and Django", "python", "3.11"),
        ("python3 scripts", "python", None),  # an alias of its own
        ("HTML5/CSS3 pages", "html", "5"),
        ("HTML5/CSS3 pages", "css", "3"),
        ("Oracle 11g, Postgres", "oracle-database", "11g"),
        ("MS SQL Server 2016", "sql-server", "2016"),
        (".NET 6 services", "dotnet", "6"),
        ("Go 1.21 services", "go", "1.21"),
        ("Java 1.8", "java", "1.8"),
    ],
)
def test_versions(ex: SkillExtractor, text: str, skill: str, version: str | None) -> None:
    m = mention(ex, text, skill)
    assert m.credited
    assert m.version == version


def test_years_of_use_are_not_versions(ex: SkillExtractor) -> None:
    assert mention(ex, "Java 5 years, Python 3+ years", "java").version is None
    assert mention(ex, "Java 5 years, Python 3+ years", "python").version is None


def test_slash_lists(ex: SkillExtractor) -> None:
    assert credited(ex, "Unix/Linux administration") == ["unix", "linux"]
    assert credited(ex, "Agile/Scrum teams") == ["agile", "scrum"]
    assert credited(ex, "CI/CD pipelines") == ["ci-cd"]


def test_dockerised(ex: SkillExtractor) -> None:
    assert credited(ex, "Dockerised the legacy app; containerized with Docker.") == ["docker", "docker"]


def test_forms_do_not_cross_newlines_commas_or_sentences(ex: SkillExtractor) -> None:
    assert "nodejs" not in credited(ex, "Node\njs")
    assert credited(ex, "Mongo, DB") == []
    assert "nodejs" not in credited(ex, "We use Node. Js is next")


def test_split_forms_are_not_made_of_ordinary_words(ex: SkillExtractor, tax: Taxonomy) -> None:
    # "Postgre SQL" is PostgreSQL written apart; "ja va script" is not JavaScript.
    assert credited(ex, "Postgre SQL, Docker") == ["postgresql", "docker"]
    assert credited(ex, "the scheme is ja va script") == []


def test_case_sensitive_forms(ex: SkillExtractor) -> None:
    assert credited(ex, "Skills: go, python") == ["python"]
    assert credited(ex, "Skills: Go, Python") == ["go", "python"]
    assert credited(ex, "SKILLS: JAVA, GO, PYTHON") == ["java", "go", "python"]


# -- ambiguous forms ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Skills: Go, Python, PostgreSQL",
        "Languages: Go",
        "Built REST services in Go 1.21.",
        "Golang and Kafka",
        "Backend written in Go and deployed on Kubernetes.",
        "Senior Go developer",
    ],
)
def test_go_counts_with_technical_context(ex: SkillExtractor, text: str) -> None:
    assert "go" in credited(ex, text)


@pytest.mark.parametrize(
    "text",
    [
        "I love to go hiking.",
        "Ready to Go live next week.",
        "Go-to person for allergen questions.",
        "Cashier at Go Outdoors.",
        "Email me on Indeed or apply at https://www.example.com/go/apply",
    ],
)
def test_go_rejected_in_prose_names_and_urls(ex: SkillExtractor, text: str) -> None:
    assert "go" not in credited(ex, text)


def test_reasons_are_recorded(ex: SkillExtractor) -> None:
    assert mention(ex, "Built REST services in Go 1.21.", "go").reason.startswith("ambiguous form accepted")
    rejected = mention(ex, "Relocated to Phoenix. Ruby Patel was my manager.", "ruby")
    assert not rejected.credited
    assert rejected.reason.startswith("rejected: part of")
    assert "Patel" in rejected.reason
    assert mention(ex, "Python", "python").reason == "exact match"


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Sales Manager, Oracle Corporation, 2012 - 2016", "oracle-database"),
        ("Account manager at Oracle, selling support contracts.", "oracle-database"),
        ("Reference: Ruby Patel, Office Manager", "ruby"),
        ("Won the Spring 2019 hackathon.", "spring"),
        ("Exchange semester, Spring 2019.", "spring"),
        ("GCSEs: Mathematics Grade C, English Grade B.", "c"),
        ("Scored a B+ in Physics and a C in Chemistry.", "c"),
        ("Full driving licence including category C.", "c"),
        ("Head of R&D at a medical devices company.", "r"),
        ("Claimed R & D tax credits.", "r"),
        ("Worked at R-Systems as an analyst, with Java.", "r"),
        ("Portfolio: https://rubyhollis.example.com", "ruby"),
        ("Contact: kafka.fan@example.net", "kafka"),
        ("Notes at https://example.org/r/cooking-tips", "r"),
        ("Worked as a chef in a hotel kitchen.", "chef"),
        ("Sous Chef and Pastry Chef at The Olive Tree.", "chef"),
        ("Keen reader of Kafka and Dostoevsky.", "kafka"),
        ("Referee: Mark Jenkins, Director.", "jenkins"),
        ("Chef 01/2011 to 01/2012, Company Name", "chef"),
        ("Skills: SAP R/3, SQL, Python", "r"),
        ("Rapid tests such as Rapid flu, C.Diff quick check", "c"),
        ("Outlook, Outlook Express, PowerPoint, Python, SQL", "spring"),
        ("Cargo and Express services in Europe", "kafka"),
        ("Worked for Express Scripts, then Kafka Partners", "kafka"),
    ],
)
def test_ambiguous_traps(ex: SkillExtractor, text: str, skill: str) -> None:
    assert skill not in credited(ex, text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Churn models in R (dplyr, ggplot2) and Python.", "r"),
        ("Tech stack: Java, Spring, Hibernate", "spring"),
        ("Wrote Chef cookbooks to configure 300 servers.", "chef"),
        ("Oracle 19c and PL/SQL", "oracle-database"),
        ("Jenkins pipelines, then Terraform.", "jenkins"),
        ("Environment: Java, Oracle, Unix", "oracle-database"),
        ("Languages: C, C++, Python", "c"),
    ],
)
def test_ambiguous_tech_uses(ex: SkillExtractor, text: str, skill: str) -> None:
    assert skill in credited(ex, text)


def test_lower_case_english_words_need_context(ex: SkillExtractor) -> None:
    assert credited(ex, "Cared for a reticulated python at the zoo.") == []
    assert credited(ex, "python, java, docker") == ["python", "java", "docker"]


def test_skills_section_of_a_non_tech_cv_does_not_make_words_skills(ex: SkillExtractor) -> None:
    text = "SKILLS\nMenu planning, Chef, Food safety\nSpring cleaning"
    assert credited(ex, text) == []


def test_skills_section_full_of_skills_accepts_list_items(ex: SkillExtractor) -> None:
    text = "SKILLS\n• Python\n• Docker\n• Kubernetes\n• Go\n"
    assert credited(ex, text) == ["python", "docker", "kubernetes", "go"]


def test_job_mode_requirement_phrasing(ex: SkillExtractor) -> None:
    assert "go" in credited(ex, "You have experience with Go and Kubernetes.", kind="job")
    assert "rust" in credited(ex, "Nice to have: Rust", kind="job")
    assert credited(ex, "typescript javascript nodejs react go", kind="job") == [
        "typescript",
        "javascript",
        "nodejs",
        "react",
        "go",
    ]


def test_unknown_kind_is_an_error(ex: SkillExtractor) -> None:
    with pytest.raises(ValueError, match="kind"):
        ex.find("Python", kind="letter")  # type: ignore[arg-type]


# -- typos -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typo", "skill"),
    [("Kubernets", "kubernetes"), ("Postgress", "postgresql"), ("Javascipt", "javascript"), ("Pyhton", "python")],
)
def test_typos(ex: SkillExtractor, typo: str, skill: str) -> None:
    m = mention(ex, f"Skills: {typo}, Docker", skill)
    assert m.credited
    assert m.method == "fuzzy"
    assert m.similarity is not None
    assert 70 <= m.similarity < 100
    assert m.confidence < 1
    assert "typo" in m.reason


def test_variants_that_are_exact_in_key_space(ex: SkillExtractor) -> None:
    assert mention(ex, "RabbitMq events", "rabbitmq").method == "exact"


def test_typos_are_not_looked_for_in_names(ex: SkillExtractor) -> None:
    assert credited(ex, "Attended Dockre College, then ran Kubernets clusters") == ["kubernetes"]


@pytest.mark.parametrize(
    "text",
    [
        "Managed the visa process for expats moving between sites.",  # a plural, in prose
        "Installed dishes for DirecTV customers.",  # a consonant for another: a name
        "Budgeting through Regis and PCPS.",
        "Launched Alcatel Lucent's unified communications platform.",
        "Taught nursing informatics to new staff.",
    ],
)
def test_typos_need_technical_context_and_slips_of_the_hand(ex: SkillExtractor, text: str) -> None:
    assert credited(ex, text) == []


def test_typo_reason_keeps_the_similarity_and_the_context(ex: SkillExtractor) -> None:
    m = mention(ex, "Tools like nagious, Splunk and Grafana", "nagios")
    assert m.credited
    assert m.reason.startswith("probable typo of 'nagios'")
    assert "listed with" in m.reason


@pytest.mark.parametrize(
    "text",
    [
        "Designed systems that scale to millions of users.",
        "Earned the trust of our largest accounts.",
        "Sourced Javas and Sumatras.",
    ],
)
def test_typo_guard_rails(ex: SkillExtractor, text: str) -> None:
    assert credited(ex, text) == []


def test_empty_text(ex: SkillExtractor) -> None:
    assert ex.find("") == []


def test_extractor_is_cached_per_taxonomy(tax: Taxonomy) -> None:
    assert get_extractor(tax) is get_extractor(tax)


def test_bundled_taxonomy_smoke() -> None:
    mentions = sm.SkillExtractor(sm.load_taxonomy()).find("Skills: Python, Docker, Kubernetes; Kubernets")
    assert {m.skill_id for m in mentions if m.credited} >= {"python", "docker", "kubernetes"}


# -- composite forms, names inside names, spellings at case changes ----------------------


def test_composite_alias_credits_both_parts(tmp_path: Path) -> None:
    path = tmp_path / "composite.toml"
    path.write_text(
        'version = "t"\n[categories]\nlanguage = "L"\n'
        '[[skill]]\nid = "java"\nname = "Java"\ncategory = "language"\n'
        '[[skill]]\nid = "java-ee"\nname = "Java EE"\ncategory = "language"\naliases = ["J2EE", "Java/J2EE"]\n'
        '[[skill]]\nid = "python"\nname = "Python"\ncategory = "language"\n',
        encoding="utf-8",
    )
    tax = sm.load_taxonomy(path)
    found = [(m.skill_id, m.text) for m in get_extractor(tax).find("Skills: Java/J2EE, Python") if m.credited]
    assert found == [("java", "Java"), ("java-ee", "J2EE"), ("python", "Python")]


def test_words_inside_a_match_name_their_skills(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[skill]]\nid = "aws-lambda"\nname = "AWS Lambda"\ncategory = "cloud"\nparents = ["aws"]\n'
        '[[skill]]\nid = "spring-mvc"\nname = "Spring MVC"\ncategory = "framework"\nparents = ["spring"]\n',
        encoding="utf-8",
    )
    tax = sm.load_taxonomy(make_taxonomy_path(tmp_path), extra=extra)
    found = {m.skill_id for m in get_extractor(tax).find("Built it on AWS Lambda with Spring MVC.") if m.credited}
    assert found == {"aws-lambda", "aws", "spring-mvc", "spring"}


def make_taxonomy_path(folder: Path) -> Path:
    make_taxonomy(folder)
    return folder / "extraction-test-taxonomy.toml"


@pytest.mark.parametrize("text", ["Type Script", "Java Script", "Mongo DB", "Postgre SQL"])
def test_spellings_split_at_the_names_case_change(ex: SkillExtractor, text: str) -> None:
    assert len(credited(ex, f"Tools: {text}, Docker")) == 2


def test_list_annotations_keep_items_together(ex: SkillExtractor) -> None:
    # Indeed lists: "Python (2 years), Go (Less than 1 year)"
    assert credited(ex, "Python (2 years), Go (Less than 1 year), Docker") == ["python", "go", "docker"]


def test_acronym_written_as_a_word_needs_context(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text('[[skill]]\nid = "jose"\nname = "JOSE"\ncategory = "framework"\n', encoding="utf-8")
    tax = sm.load_taxonomy(make_taxonomy_path(tmp_path), extra=extra)
    ex = get_extractor(tax)
    assert [m.skill_id for m in ex.find("Lecturer at San Jose State University.") if m.credited] == []
    assert [m.skill_id for m in ex.find("Tokens signed with JOSE and Python.") if m.credited] == ["jose", "python"]


@pytest.mark.parametrize(
    "text",
    [
        "Worked as a docker at the port, loading container ships.",
        "Box office supervisor at the Scala Theatre.",
        "Guitarist in a Django Reinhardt tribute band.",
    ],
)
def test_common_nouns_and_proper_names(ex: SkillExtractor, text: str) -> None:
    assert credited(ex, text) == []


def test_a_technology_after_an_article_still_counts(ex: SkillExtractor) -> None:
    assert credited(ex, "Wrote a Docker image and a Python script.") == ["docker", "python"]


def test_acronym_spelt_out_as_something_else(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[skill]]\nid = "less"\nname = "LESS"\ncategory = "frontend"\nambiguous = ["LESS"]\n', encoding="utf-8"
    )
    tax = sm.load_taxonomy(make_taxonomy_path(tmp_path), extra=extra)
    found = get_extractor(tax).find("Skills: LESS (Load, Endurance, Stress, Spike), Python, CSS")
    less = next(m for m in found if m.skill_id == "less")
    assert not less.credited
    assert "spelt out" in less.reason


def test_ambiguous_languages_listed_together(ex: SkillExtractor) -> None:
    assert credited(ex, "Go, Rust and C in the kernel networking team.") == ["go", "rust", "c"]


@pytest.mark.parametrize(
    ("text", "inner", "expected"),
    [
        ("Databases: DB2, Microsoft SQL Server, MongoDB", "sql", False),  # a brand, not the language
        ("Java Spring and Spring Boot services", "java", True),
        ("Spring Boot services", "spring", True),
    ],
)
def test_a_name_inside_a_longer_name(ex: SkillExtractor, text: str, inner: str, expected: bool) -> None:
    assert (inner in credited(ex, text)) is expected


def test_two_english_words_in_lower_case_are_not_a_split_name(ex: SkillExtractor) -> None:
    assert credited(ex, "Projects ranged from railroads and mass transit to bridges.") == []
    assert "masstransit" in credited(ex, "Messaging: Mass Transit on RabbitMQ")


def test_a_parent_named_at_the_end_of_a_skills_name(ex: SkillExtractor) -> None:
    assert credited(ex, "Firmware for Embedded Linux devices") == ["embedded-linux", "linux"]
