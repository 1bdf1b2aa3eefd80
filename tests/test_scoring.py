"""Scoring: the model's factors, knock-outs, the JSON form, properties, and batch equality."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from skillmatch.models import Job, Match, Mention, Profile, Requirement, Role, Skill, SkillEvidence
from skillmatch.scoring import DEFAULT_MODEL, ProfileMatrix, ScoringModel, compile_job, score, score_many
from skillmatch.taxonomy import Taxonomy

AS_OF = date(2024, 6, 1)

# A small, fixed taxonomy so these tests do not move when the bundled one grows.
TAX = Taxonomy(
    [
        Skill("python", "Python", "language"),
        Skill("go", "Go", "language"),
        Skill("java", "Java", "language"),
        Skill("sql", "SQL", "language"),
        Skill("django", "Django", "framework", parents=("python",)),
        Skill("flask", "Flask", "framework", parents=("python",)),
        Skill("spring-framework", "Spring", "framework", parents=("java",)),
        Skill("spring-boot", "Spring Boot", "framework", parents=("spring-framework",)),
        Skill("relational-databases", "Relational databases", "database"),
        Skill("postgresql", "PostgreSQL", "database", parents=("sql", "relational-databases")),
        Skill("mysql", "MySQL", "database", parents=("sql", "relational-databases")),
        Skill("kubernetes", "Kubernetes", "container"),
        Skill("amazon-eks", "Amazon EKS", "container", parents=("kubernetes", "aws")),
        Skill("aws", "AWS", "cloud"),
        Skill("docker", "Docker", "container"),
        Skill("podman", "Podman", "container", related=("docker",)),
        Skill("kafka", "Kafka", "messaging"),
        Skill("rabbitmq", "RabbitMQ", "messaging", related=("kafka",)),
        Skill("git", "Git", "vcs"),
        Skill("redis", "Redis", "cache"),
    ],
    version="test-1",
    categories={c: c for c in ("language", "framework", "database", "container", "cloud", "messaging", "vcs", "cache")},
)
IDS = [s.id for s in TAX]


def evidence(
    skill: str,
    *,
    months: int | None = 36,
    last_used: date | None = date(2024, 1, 1),
    strength: float = 1.0,
    confidence: float = 1.0,
    section: str = "experience",
) -> SkillEvidence:
    name = TAX[skill].name
    mention = Mention(skill, 100, 100 + len(name), name, section, confidence=confidence)
    return SkillEvidence(
        TAX[skill], (mention,), months=months, last_used=last_used, strength=strength, confidence=confidence
    )


def profile(*skills: SkillEvidence, total_months: int | None = 72) -> Profile:
    return Profile(skills=skills, total_months=total_months, as_of=AS_OF, source="cv.pdf")


def job(*reqs: Requirement, min_years: float | None = None) -> Job:
    return Job(requirements=reqs, title="Backend Engineer", min_years=min_years)


#: The model without the job-level terms (the experience line of a job that states no
#: years, its share limit, technical depth): for the tests of one factor at a time.
PLAIN = ScoringModel(implied_overall_points=0.0, overall_share=None, depth_points=0.0)


def run(p: Profile, j: Job, model: ScoringModel = DEFAULT_MODEL) -> float:
    return score(p, j, taxonomy=TAX, model=model).score


def plain(p: Profile, j: Job) -> Match:
    return score(p, j, taxonomy=TAX, model=PLAIN)


# -- the model, factor by factor ----------------------------------------------------------


def test_full_match_is_100_and_nothing_is_0() -> None:
    j = job(Requirement(("python",)), Requirement(("docker",), kind="preferred"))
    assert run(profile(evidence("python"), evidence("docker")), j) == 100.0
    assert run(profile(), j) == 0.0


def test_required_weighs_more_than_preferred() -> None:
    j = job(Requirement(("python",)), Requirement(("docker",), kind="preferred"))
    only_required = run(profile(evidence("python")), j, PLAIN)
    only_preferred = run(profile(evidence("docker")), j, PLAIN)
    assert only_required > only_preferred
    assert only_required == pytest.approx(100 * 10 / 14, abs=0.01)


def test_weight_multiplies_points() -> None:
    j = job(Requirement(("python",), weight=3), Requirement(("redis",)))
    m = plain(profile(evidence("python")), j)
    assert [r.possible for r in m.results] == [30.0, 10.0]
    assert m.score == 75.0


def test_any_of_takes_the_best_skill() -> None:
    j = job(Requirement(("python", "go")))
    m = score(profile(evidence("go", strength=0.2), evidence("python")), j, taxonomy=TAX)
    assert m.results[0].skill_id == "python"
    assert m.score == 100.0


@pytest.mark.parametrize(
    ("required", "have", "relation", "coverage"),
    [
        ("kubernetes", "amazon-eks", "child", 0.75),  # Amazon EKS for Kubernetes
        ("sql", "postgresql", "child", 0.75),  # PostgreSQL for SQL
        ("spring-framework", "spring-boot", "child", 0.75),  # Spring Boot for Spring
        ("docker", "podman", "related", 0.5),
        ("postgresql", "mysql", "sibling", 0.4),
        ("postgresql", "sql", "parent", 0.35),
        ("java", "go", "category", 0.2),  # another language
        ("kafka", "redis", None, 0.0),  # nothing in common
    ],
)
def test_partial_credit_through_the_taxonomy(required: str, have: str, relation: str | None, coverage: float) -> None:
    m = plain(profile(evidence(have)), job(Requirement((required,))))
    result = m.results[0]
    if relation is None:
        assert (result.status, m.score) == ("missing", 0.0)
        return
    assert result.status == "partial"  # never a full match
    assert result.relation == relation
    assert dict(result.factors)["coverage"] == coverage
    assert m.score == pytest.approx(100 * coverage, abs=0.01)
    assert TAX[have].name in result.note


def test_siblings_must_share_a_category() -> None:
    # Flask and PostgreSQL share no parent or category: missing
    m = score(profile(evidence("flask")), job(Requirement(("postgresql",))), taxonomy=TAX)
    assert m.results[0].status == "missing"
    # Django and Flask share a parent (Python) and a category: siblings
    assert score(profile(evidence("flask")), job(Requirement(("django",))), taxonomy=TAX).results[0].relation == (
        "sibling"
    )


def test_exact_beats_partial_when_both_present() -> None:
    m = score(profile(evidence("kubernetes"), evidence("amazon-eks")), job(Requirement(("kubernetes",))), taxonomy=TAX)
    assert (m.results[0].status, m.results[0].skill_id) == ("matched", "kubernetes")


def test_years_against_minimum() -> None:
    j = job(Requirement(("python",), min_years=4))
    full = run(profile(evidence("python", months=48)), j, PLAIN)
    half = run(profile(evidence("python", months=24)), j, PLAIN)
    unknown = run(profile(evidence("python", months=None)), j, PLAIN)
    assert full == 100.0
    assert half == pytest.approx(100 * (0.4 + 0.6 * 0.5), abs=0.01)
    assert unknown == pytest.approx(100 * DEFAULT_MODEL.years_unknown, abs=0.01)
    m = plain(profile(evidence("python", months=24)), j)
    assert "2 years of 4+ years" in m.results[0].note


def test_recency_lowers_old_skills() -> None:
    j = job(Requirement(("java",)))
    recent = run(profile(evidence("java", last_used=date(2023, 6, 1))), j, PLAIN)
    six_years = run(profile(evidence("java", last_used=date(2018, 6, 1))), j, PLAIN)
    eight_years = run(profile(evidence("java", last_used=date(2016, 6, 1))), j, PLAIN)
    ancient = run(profile(evidence("java", last_used=date(1999, 1, 1))), j, PLAIN)
    assert recent == 100.0
    assert recent > six_years > eight_years > ancient
    assert eight_years == pytest.approx(62.5, abs=0.01)
    assert ancient == pytest.approx(100 * DEFAULT_MODEL.recency_floor, abs=0.01)


def test_evidence_strength_and_confidence() -> None:
    j = job(Requirement(("go",)))
    bullet = run(profile(evidence("go", strength=1.0)), j, PLAIN)
    keyword_list = run(profile(evidence("go", strength=0.4, section="skills")), j, PLAIN)
    hedged = run(profile(evidence("go", strength=1.0, confidence=0.3)), j, PLAIN)
    assert bullet > keyword_list
    assert bullet > hedged
    assert keyword_list == pytest.approx(100 * (0.6 + 0.4 * 0.4), abs=0.01)


def test_factors_multiply_to_points() -> None:
    j = job(Requirement(("python",), min_years=5, weight=2))
    p = profile(evidence("python", months=30, last_used=date(2017, 6, 1), strength=0.5, confidence=0.8))
    m = score(p, j, taxonomy=TAX)
    r = m.results[0]
    product = 1.0
    for _, value in r.factors:
        product *= value
    assert r.points == pytest.approx(r.possible * product)
    assert [name for name, _ in r.factors] == ["coverage", "years", "recency", "strength", "confidence"]


def role(start: tuple[int, int], end: tuple[int, int]) -> Role:
    return Role(date(*start, 1), date(*end, 1), False, "", "", 0, 0, 0, 1)


def in_roles(skill: str, roles: tuple[int, ...], **kw: Any) -> SkillEvidence:
    """Evidence mentioned once in each of ``roles`` (indexes into the profile's roles)."""
    name = TAX[skill].name
    mentions = tuple(Mention(skill, 10 * r, 10 * r + len(name), name, "experience", role=r) for r in roles)
    return SkillEvidence(TAX[skill], mentions, months=kw.get("months"), last_used=kw.get("last_used"), strength=1.0)


def test_overall_experience_counts_roles_using_the_jobs_skills() -> None:
    j = job(Requirement(("python",)), Requirement(("kafka",), kind="preferred"), min_years=5)
    roles = (role((2010, 1), (2014, 12)), role((2015, 1), (2017, 12)), role((2018, 1), (2019, 12)))
    # Python in the first role, Kafka in the third; the second (a chef's job) does not count
    p = Profile(
        skills=(in_roles("python", (0,), months=60), in_roles("kafka", (2,), months=24)),
        roles=roles,
        total_months=120,
        as_of=AS_OF,
    )
    overall = plain(p, j).results[-1]
    assert overall.requirement.skills == ()
    assert "5+ years" in overall.requirement.label
    assert (overall.status, overall.months) == ("matched", 84)
    assert "in roles using the job's skills" in overall.note
    short = Profile(skills=(in_roles("kafka", (2,), months=24),), roles=roles, total_months=120, as_of=AS_OF)
    partial = plain(short, j).results[-1]
    assert (partial.status, partial.months) == ("partial", 24)
    assert partial.points == pytest.approx(10 * (0.4 + 0.6 * 24 / 60))


def test_overall_experience_without_the_jobs_skills_or_dates() -> None:
    j = job(Requirement(("python",)), min_years=5)
    chef = score(profile(evidence("redis"), total_months=200), j, taxonomy=TAX).results[-1]
    assert (chef.status, chef.points, chef.months) == ("missing", 0.0, None)
    undated = plain(profile(evidence("python", months=None)), j).results[-1]
    assert undated.status == "partial"
    assert undated.points == pytest.approx(10 * DEFAULT_MODEL.years_floor)
    stated = score(profile(evidence("python", months=96)), j, taxonomy=TAX).results[-1]
    assert (stated.status, stated.months) == ("matched", 96)


def test_relevant_experience_counts_when_the_job_states_no_years() -> None:
    j = job(Requirement(("python",)), Requirement(("kafka",), kind="preferred"))
    roles = (role((2023, 1), (2023, 12)),)
    p = Profile(skills=(in_roles("python", (0,), months=12),), roles=roles, total_months=12, as_of=AS_OF)
    m = score(p, j, taxonomy=TAX)
    line = m.results[-1]
    assert (line.requirement.label, line.requirement.kind, line.requirement.min_years) == (
        "Relevant experience",
        "preferred",
        DEFAULT_MODEL.implied_overall_years,
    )
    assert line.possible == 7.0  # 10, but at most half of the 14 skill points
    assert (line.status, line.months) == ("partial", 12)
    assert line.points == pytest.approx(7 * (0.4 + 0.6 * 12 / 24))
    assert "2 years count in full" in line.note
    # a stated minimum replaces it
    assert [r.requirement.label for r in score(p, job(*j.requirements, min_years=3), taxonomy=TAX).results][-1] == (
        "3+ years of experience"
    )


def test_the_experience_line_is_at_most_half_the_skill_points() -> None:
    # one named skill and "5+ years": the years must not outweigh the skill
    m = plain(profile(evidence("python")), job(Requirement(("python",)), min_years=5))
    assert m.results[-1].possible == 10.0
    m = score(profile(evidence("python")), job(Requirement(("python",)), min_years=5), taxonomy=TAX)
    assert m.results[-1].possible == 5.0
    only_years = profile(evidence("flask", months=120))  # a kind of Python, for 10 years
    capped = score(only_years, job(Requirement(("django",), kind="preferred"), min_years=5), taxonomy=TAX)
    assert capped.results[-1].possible == 2.0


def test_a_named_skill_stands_in_for_another_line_only_as_a_kind_of_it() -> None:
    both = job(Requirement(("python",)), Requirement(("django",)))
    # Django is a kind of Python: it still earns partial points on the Python line
    m = score(profile(evidence("django")), both, taxonomy=TAX)
    assert [(r.status, r.relation) for r in m.results[:2]] == [("partial", "child"), ("matched", "exact")]
    # Python earns its points on its own line, not again as "more general than Django"
    m = score(profile(evidence("python")), both, taxonomy=TAX)
    assert [r.status for r in m.results[:2]] == ["matched", "missing"]
    assert score(profile(evidence("python")), job(Requirement(("django",))), taxonomy=TAX).results[0].relation == (
        "parent"
    )
    # MySQL is a sibling of PostgreSQL, but the job asks for MySQL on a line of its own
    m = score(profile(evidence("mysql")), job(Requirement(("postgresql",)), Requirement(("mysql",))), taxonomy=TAX)
    assert [r.status for r in m.results[:2]] == ["missing", "matched"]


def test_technical_depth_orders_candidates_with_equal_requirement_points() -> None:
    j = job(Requirement(("kafka",)))
    nothing = score(profile(), j, taxonomy=TAX)
    some = score(profile(evidence("git"), evidence("docker")), j, taxonomy=TAX)
    more = score(profile(*(evidence(s) for s in ("git", "docker", "redis", "aws", "python", "go"))), j, taxonomy=TAX)
    near = score(profile(evidence("rabbitmq"), evidence("git"), evidence("docker")), j, taxonomy=TAX)
    assert nothing.score == 0.0 < some.score < more.score < DEFAULT_MODEL.depth_points
    assert some.depth == pytest.approx(DEFAULT_MODEL.depth_points * 1.0 / 11.0)  # two skills outside: 1 of 11
    assert "technical depth" in some.notes[-1]
    assert json.loads(json.dumps(some.to_dict()))["depth"] == round(some.depth, 4)
    # the term shrinks as the requirement points grow, so a full match is exactly 100
    assert near.score > more.score  # RabbitMQ is related to Kafka: requirement points first
    assert near.depth < DEFAULT_MODEL.depth_points * (1 - near.results[0].points / 20)
    full = score(profile(*(evidence(s) for s in IDS if s != "kafka"), evidence("kafka")), j, taxonomy=TAX)
    assert (full.score, full.depth) == (100.0, 0.0)
    # off in the model: no term, no note
    assert score(profile(evidence("git")), j, taxonomy=TAX, model=PLAIN).notes == ()


def test_missing_knockout_caps_the_score() -> None:
    j = job(
        Requirement(("kubernetes",), knockout=True),
        Requirement(("python",)),
        Requirement(("go",)),
        Requirement(("docker",)),
        Requirement(("git",)),
    )
    p = profile(evidence("podman"), evidence("python"), evidence("go"), evidence("docker"), evidence("git"))
    m = score(p, j, taxonomy=TAX)
    # Podman is only a category peer of Kubernetes: points, but the must-have is still missing
    assert m.results[0].relation == "category"
    assert m.capped
    assert m.score == DEFAULT_MODEL.knockout_cap
    assert "Kubernetes" in m.notes[0] or "kubernetes" in m.notes[0]
    # a partial match is not missing: no cap
    partial = score(profile(evidence("amazon-eks"), evidence("python"), evidence("go")), j, taxonomy=TAX)
    assert not partial.capped


def test_empty_job_scores_zero_with_a_note() -> None:
    m = score(profile(evidence("python")), Job(()), taxonomy=TAX)
    assert m.score == 0.0
    assert m.notes


def test_to_dict_is_json_with_versions_and_evidence() -> None:
    j = job(Requirement(("python",), min_years=3, label="Python, 3+ years"), Requirement(("sql",)), min_years=2)
    m = score(profile(evidence("python", last_used=date(2023, 2, 1)), evidence("postgresql")), j, taxonomy=TAX)
    data = json.loads(json.dumps(m.to_dict()))
    assert data["schema"] == "skillmatch.match/1"
    assert data["taxonomy"] == "test-1"
    assert data["skillmatch"]
    assert data["score"] == m.score
    first = data["results"][0]
    assert first["status"] == "matched"
    assert first["last_used"] == "2023-02-01"
    assert first["months"] == 36
    assert first["points"] <= first["possible"]
    assert first["evidence"][0] == {
        "skill": "python",
        "text": "Python",
        "section": "experience",
        "start": 100,
        "end": 106,
        "confidence": 1.0,
        "hedged": False,
    }
    assert set(first["factors"]) == {"coverage", "years", "recency", "strength", "confidence"}
    assert data["results"][1]["status"] == "partial"
    assert data["results"][2]["requirement"]["skills"] == []


def test_scoring_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from skillmatch.models import Job, Profile, Requirement\n"
        "from skillmatch.scoring import score, score_many\n"
        "score(Profile(skills=()), Job((Requirement(('python',)),)))\n"
        "score_many([Profile(skills=())], Job((Requirement(('python',)),)))\n"
        "print(sorted({'spacy', 'pandas', 'pypdfium2', 'pdfminer', 'docx'} & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_compiled_job_targets() -> None:
    compiled = compile_job(job(Requirement(("sql",)), Requirement(("kafka",))), taxonomy=TAX)
    assert compiled.targets(0)["postgresql"] == ("child", 0.75)
    assert compiled.targets(0)["sql"] == ("exact", 1.0)
    assert compiled.targets(1)["rabbitmq"] == ("related", 0.5)


def test_custom_model() -> None:
    model = ScoringModel(required_points=1.0, preferred_points=1.0, implied_overall_points=0.0, depth_points=0.0)
    j = job(Requirement(("python",)), Requirement(("redis",), kind="preferred"))
    assert score(profile(evidence("python")), j, taxonomy=TAX, model=model).score == 50.0


# -- properties ---------------------------------------------------------------------------

skill_ids = st.sampled_from(IDS)
evidences = st.builds(
    lambda sid, months, last, strength, confidence: evidence(
        sid, months=months, last_used=last, strength=strength, confidence=confidence
    ),
    skill_ids,
    st.one_of(st.none(), st.integers(0, 240)),
    st.one_of(st.none(), st.dates(date(1990, 1, 1), AS_OF).map(lambda d: d.replace(day=1))),
    st.floats(0, 1),
    st.floats(0, 1),
)
profiles = st.lists(evidences, max_size=10, unique_by=lambda e: e.skill.id).map(
    lambda es: profile(*es, total_months=None)
)
requirements = st.builds(
    lambda skills, kind, min_years, weight, knockout: Requirement(
        tuple(dict.fromkeys(skills)), kind=kind, min_years=min_years, weight=weight, knockout=knockout
    ),
    st.lists(skill_ids, min_size=1, max_size=3),
    st.sampled_from(["required", "preferred"]),
    st.one_of(st.none(), st.integers(1, 10).map(float)),
    st.sampled_from([0.5, 1.0, 2.0, 3.0]),
    st.booleans(),
)
jobs = st.builds(
    lambda reqs, years: Job(tuple(reqs), min_years=years),
    st.lists(requirements, min_size=1, max_size=8),
    st.one_of(st.none(), st.integers(1, 10).map(float)),
)


@given(profiles, jobs)
def test_score_in_range_and_deterministic(p: Profile, j: Job) -> None:
    first = score(p, j, taxonomy=TAX)
    assert 0.0 <= first.score <= 100.0
    assert score(p, j, taxonomy=TAX) == first
    for r in first.results:
        assert 0.0 <= r.points <= r.possible + 1e-9


@given(profiles, jobs, evidences)
def test_adding_a_skill_never_lowers_the_score(p: Profile, j: Job, extra: SkillEvidence) -> None:
    if p.get(extra.skill.id) is not None:
        return
    more = Profile(skills=(*p.skills, extra), total_months=p.total_months, as_of=p.as_of)
    assert run(more, j) >= run(p, j)


@given(jobs, st.data())
def test_meeting_every_requirement_beats_meeting_a_subset(j: Job, data: st.DataObject) -> None:
    needed = list(dict.fromkeys(r.skills[0] for r in j.requirements))
    everything = profile(*(evidence(s, months=240) for s in needed), total_months=240)
    subset = data.draw(st.lists(st.sampled_from(needed), unique=True, max_size=len(needed) - 1))
    # a strict subset of the requirements: at least one has none of its skills
    assume(any(not set(r.skills) & set(subset) for r in j.requirements))
    fewer = profile(*(evidence(s, months=240) for s in subset), total_months=240)
    assert run(everything, j) == 100.0
    assert run(everything, j) > run(fewer, j)


# -- many profiles --------------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(st.lists(profiles, min_size=1, max_size=30), jobs)
def test_score_many_equals_score(ps: list[Profile], j: Job) -> None:
    expected = [score(p, j, taxonomy=TAX).score for p in ps]
    assert score_many(ps, j, taxonomy=TAX) == expected
    assert score_many(ProfileMatrix.from_profiles(ps), j, taxonomy=TAX) == expected


def test_matrix_reused_for_many_jobs() -> None:
    rng = random.Random(7)
    ps = [
        profile(
            *(
                evidence(s, months=rng.choice([None, rng.randint(1, 150)]), strength=rng.random())
                for s in rng.sample(IDS, rng.randint(0, 12))
            ),
            total_months=rng.choice([None, rng.randint(0, 200)]),
        )
        for _ in range(300)
    ]
    matrix = ProfileMatrix.from_profiles(ps)
    assert len(matrix) == 300
    for j in (
        job(Requirement(("python",), min_years=3), Requirement(("sql",)), min_years=4),
        job(Requirement(("kubernetes",), knockout=True), Requirement(("kafka", "redis"), kind="preferred")),
    ):
        assert score_many(matrix, j, taxonomy=TAX) == [score(p, j, taxonomy=TAX).score for p in ps]


def test_matrix_model_must_match() -> None:
    matrix = ProfileMatrix.from_profiles([profile(evidence("python"))])
    with pytest.raises(ValueError, match="ScoringModel"):
        score_many(matrix, job(Requirement(("python",))), taxonomy=TAX, model=ScoringModel(knockout_cap=10))


def test_worked_example_of_the_readme() -> None:
    """The worked example in docs/scoring.md and README.md, number for number."""
    j = Job(
        title="Backend Engineer",
        min_years=4,
        requirements=(
            Requirement(("python",), min_years=3, weight=2, knockout=True, label="Python, 3+ years"),
            Requirement(("kubernetes",), label="Kubernetes"),
            Requirement(("postgresql", "mysql"), label="PostgreSQL or MySQL"),
            Requirement(("kafka",), kind="preferred", label="Kafka"),
        ),
    )
    p = profile(
        evidence("python", months=40, last_used=date(2024, 6, 1)),
        evidence("amazon-eks", months=18, last_used=date(2024, 6, 1)),
        evidence("mysql", months=24, last_used=date(2016, 6, 1), strength=0.5, section="skills"),
        total_months=40,
    )
    m = score(p, j, taxonomy=TAX)
    assert [(r.status, r.points, r.possible) for r in m.results] == [
        ("matched", 20.0, 20.0),
        ("partial", pytest.approx(6.9375), 10.0),
        ("matched", 5.0, 10.0),
        ("missing", 0.0, 4.0),
        ("partial", pytest.approx(9.0), 10.0),
    ]
    assert dict(m.results[1].factors)["depth"] == pytest.approx(0.925)
    assert dict(m.results[2].factors) == {
        "coverage": 1.0,
        "depth": 1.0,
        "recency": 0.625,
        "strength": 0.8,
        "confidence": 1.0,
    }
    assert m.score == 75.84  # 75.81 from the requirements, 0.03 for technical depth
    assert m.depth == pytest.approx(0.5 * 3 / 13 * (1 - 40.9375 / 54))
    without_python = profile(*(e for e in p.skills if e.skill.id != "python"), total_months=40)
    assert score(without_python, j, taxonomy=TAX).score == 35.0


def test_score_many_equals_score_with_roles() -> None:
    rng = random.Random(11)
    ps = []
    for _ in range(400):
        roles = []
        for _ in range(rng.randint(0, 6)):
            start = rng.randint(2000 * 12, 2023 * 12)
            end = min(start + rng.randint(0, 80), 2024 * 12 + 5)
            roles.append(role((start // 12, start % 12 + 1), (end // 12, end % 12 + 1)))
        skills = []
        for sid in rng.sample(IDS, rng.randint(0, 8)):
            used = tuple(sorted(rng.sample(range(len(roles)), rng.randint(0, len(roles)))))
            skills.append(in_roles(sid, used, months=rng.choice([None, rng.randint(1, 150)])))
        ps.append(Profile(skills=tuple(skills), roles=tuple(roles), total_months=None, as_of=AS_OF))
    matrix = ProfileMatrix.from_profiles(ps)
    for j in (
        job(Requirement(("python",), min_years=3), Requirement(("sql",)), min_years=4),
        job(Requirement(("kubernetes", "docker")), Requirement(("kafka",), kind="preferred"), min_years=8),
        job(Requirement(("java",)), min_years=1),
    ):
        assert score_many(matrix, j, taxonomy=TAX) == [score(p, j, taxonomy=TAX).score for p in ps]


def test_depth_without_a_stated_minimum() -> None:
    j = job(Requirement(("go",)))
    seasoned = run(profile(evidence("go", months=48)), j, PLAIN)
    brief = run(profile(evidence("go", months=9)), j, PLAIN)
    listed = run(profile(evidence("go", months=None)), j, PLAIN)
    assert seasoned == 100.0
    assert brief == pytest.approx(100 * (1 - 0.5 * (1 - (0.4 + 0.6 * 9 / 24))), abs=0.01)
    assert listed == pytest.approx(100 * (1 - 0.5 * (1 - DEFAULT_MODEL.years_unknown)), abs=0.01)
    assert seasoned > listed > brief
