"""Job descriptions: headings, any-of groups, years, the structured format and its errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import skillmatch as sm
from skillmatch._jd_blocks import find_blocks
from skillmatch.errors import JobError
from skillmatch.jd import job_schema, load_job, parse_job, requirements_from_mentions
from skillmatch.models import Job, Mention, Skill
from skillmatch.taxonomy import Taxonomy

TAX = Taxonomy(
    [
        Skill("python", "Python", "language"),
        Skill("go", "Go", "language", aliases=("Golang",), case_sensitive=("Go",)),
        Skill("java", "Java", "language"),
        Skill("kotlin", "Kotlin", "language"),
        Skill("rust", "Rust", "language", case_sensitive=("Rust",)),
        Skill("sql", "SQL", "language"),
        Skill("django", "Django", "framework", parents=("python",)),
        Skill("spring-boot", "Spring Boot", "framework", parents=("java",)),
        Skill("relational-databases", "Relational databases", "database", aliases=("relational database",)),
        Skill("postgresql", "PostgreSQL", "database", aliases=("Postgres",), parents=("sql",)),
        Skill("mysql", "MySQL", "database", parents=("sql",)),
        Skill("oracle-database", "Oracle", "database", parents=("sql",)),
        Skill("kubernetes", "Kubernetes", "container", aliases=("k8s",)),
        Skill("docker", "Docker", "container"),
        Skill("aws", "AWS", "cloud", aliases=("Amazon Web Services",)),
        Skill("gcp", "GCP", "cloud", aliases=("Google Cloud",)),
        Skill("azure", "Azure", "cloud"),
        Skill("kafka", "Kafka", "messaging"),
        Skill("rabbitmq", "RabbitMQ", "messaging"),
        Skill("redis", "Redis", "cache"),
        Skill("terraform", "Terraform", "iac"),
        Skill("ci-cd", "CI/CD", "ci-cd"),
        Skill("jenkins", "Jenkins", "ci-cd", parents=("ci-cd",)),
        Skill("gitlab-ci", "GitLab CI", "ci-cd", parents=("ci-cd",)),
        Skill("github-actions", "GitHub Actions", "ci-cd", parents=("ci-cd",)),
        Skill("rest", "REST", "api"),
        Skill("grpc", "gRPC", "api"),
        Skill("git", "Git", "vcs", parents=("version-control",)),
        Skill("linux", "Linux", "os"),
        Skill("prometheus", "Prometheus", "observability"),
        Skill("grafana", "Grafana", "observability"),
        Skill("cpp", "C++", "language"),
        Skill("version-control", "Version control", "vcs"),
        Skill("svn", "SVN", "vcs", parents=("version-control",)),
        Skill("virtualization", "Virtualisation", "os", aliases=("virtualization",)),
        Skill("vmware", "VMware", "os", parents=("virtualization",)),
        Skill("hyper-v", "Hyper-V", "os", parents=("virtualization",)),
        Skill("windows", "Windows", "os"),
        Skill("windows-server", "Windows Server", "os", parents=("windows",)),
        Skill("macos", "macOS", "os", aliases=("Mac OS X",)),
        Skill("nosql", "NoSQL", "database"),
        Skill("cassandra", "Cassandra", "database", parents=("nosql",)),
        Skill("machine-learning", "Machine Learning", "ml"),
        Skill("artificial-intelligence", "Artificial Intelligence", "ml"),
        Skill("backend-development", "Backend development", "practice", aliases=("back-end development",)),
    ],
    version="test-1",
    categories={c: c for c in ["language", "framework", "database", "container", "cloud", "messaging", "cache", "iac"]}
    | {c: c for c in ["ci-cd", "api", "vcs", "os", "observability", "ml", "practice"]},
)


def mentions(text: str) -> list[Mention]:
    """Exact, whole-word surface forms: enough to test the grouping without the real extractor."""
    forms = sorted(((sf.text, sf.skill_id, sf.case_sensitive) for sf in TAX.surface_forms()), key=lambda f: -len(f[0]))
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for form, skill_id, case_sensitive in forms:
        flags = 0 if case_sensitive else re.IGNORECASE
        for m in re.finditer(rf"(?<![\w.+#-]){re.escape(form)}(?![\w+#]|-\w)", text, flags):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(Mention(skill_id, m.start(), m.end(), m.group(), "other"))
    return sorted(out, key=lambda m: m.start)


def grouped(text: str) -> Job:
    return requirements_from_mentions(text, mentions(text), taxonomy=TAX)


def reqs(job: Job) -> list[tuple[tuple[str, ...], str, float | None]]:
    return [(r.skills, r.kind, r.min_years) for r in job.requirements]


# -- real-looking ads -----------------------------------------------------------------------

MARKDOWN_AD = """\
# Senior Backend Engineer (Python or Go)

**Tidewater Logistics** · Hamburg or remote

## About us
We track 2 million parcels a day. Our engineers organise the Hamburg Rust meetup and
we have been running on Kubernetes for ten years.

## What you'll do
- Design and run the services behind our tracking API.
- Keep our Kafka pipelines healthy.

## What you'll need
- 6+ years of experience in software development.
- 4+ years of Python or Go in production.
- Strong SQL and experience with PostgreSQL or MySQL.
- Experience with one of Jenkins, GitLab CI or GitHub Actions.
- Docker and Kubernetes.

## Bonus points
- Terraform.
- AWS/GCP/Azure.
- Redis is a plus.

## Benefits
30 days of holiday, a Linux or Mac laptop of your choice, and a yearly learning budget.
"""

INLINE_AD = """\
Java Developer - Payments
Must have: 8+ years of Java, Spring Boot, REST, Git
Nice to have: Kotlin, Kafka or RabbitMQ
We offer: a Linux workstation and a good pension.
"""

PARAGRAPH_AD = """\
Platform engineer wanted. You will run our Kubernetes clusters on AWS and automate them with
Terraform. You have at least 3 years of hands-on Linux administration and know your way around
Prometheus and Grafana. Experience with Go is a plus.
"""

GOOGLE_STYLE_AD = """\
Software Engineer, Infrastructure

Responsibilities
Write and test product or system development code in Java or Python.
Participate in design reviews.

Minimum qualifications
BA/BS degree in Computer Science or equivalent practical experience.
2 years of experience with software development in one or more programming languages (e.g., Java, Python, Go).

Preferred qualifications
Experience with Kubernetes and Docker.
Experience with relational databases (e.g., PostgreSQL, MySQL).
"""

REQUIREMENTS_AD = """\
Backend Engineer
Requirements:
- Python (3+ years)
- Kubernetes: 2 years in production
- A cloud platform such as AWS, GCP or Azure
- Experience with Docker, Terraform, Redis
- Solid understanding of REST and gRPC APIs
Preferred qualifications:
- Experience with Kafka.
- Must be comfortable with on-call.
"""


def test_markdown_ad() -> None:
    job = grouped(MARKDOWN_AD)
    assert job.title == "Senior Backend Engineer (Python or Go)"
    assert job.min_years == 6.0
    assert reqs(job) == [
        (("python", "go"), "required", 4.0),
        (("sql",), "required", None),
        (("postgresql", "mysql"), "required", None),
        (("jenkins", "gitlab-ci", "github-actions"), "required", None),
        (("docker",), "required", None),
        (("kubernetes",), "required", None),
        (("kafka",), "preferred", None),  # named only under "What you'll do"
        (("terraform",), "preferred", None),
        (("aws", "gcp", "azure"), "preferred", None),
        (("redis",), "preferred", None),
    ]
    skills = {s for r in job.requirements for s in r.skills}
    assert "rust" not in skills  # "about us" boilerplate
    assert "linux" not in skills  # benefits
    duties = next(r for r in job.requirements if r.skills == ("kafka",))
    assert duties.weight < 1.0


def test_inline_headings() -> None:
    job = grouped(INLINE_AD)
    assert job.title == "Java Developer - Payments"
    assert reqs(job) == [
        (("java",), "required", 8.0),
        (("spring-boot",), "required", None),
        (("rest",), "required", None),
        (("git",), "required", None),
        (("kotlin",), "preferred", None),
        (("kafka", "rabbitmq"), "preferred", None),
    ]
    assert job.requirements[0].knockout  # "Must have"
    assert job.requirements[0].label == "Java, 8+ years"


def test_paragraph_ad_without_headings() -> None:
    job = grouped(PARAGRAPH_AD)
    assert reqs(job) == [
        (("kubernetes",), "required", None),
        (("aws",), "required", None),
        (("terraform",), "required", None),
        (("linux",), "required", 3.0),
        (("prometheus",), "required", None),
        (("grafana",), "required", None),
        (("go",), "preferred", None),
    ]


def test_google_style_ad() -> None:
    job = grouped(GOOGLE_STYLE_AD)
    assert job.title == "Software Engineer, Infrastructure"
    assert job.min_years is None or job.min_years == 2.0
    assert (("java", "python", "go"), "required", 2.0) in reqs(job)
    assert (("relational-databases", "postgresql", "mysql"), "preferred", None) in reqs(job)
    assert (("kubernetes",), "preferred", None) in reqs(job)
    assert (("docker",), "preferred", None) in reqs(job)


def test_years_before_and_after_and_examples() -> None:
    job = grouped(REQUIREMENTS_AD)
    assert reqs(job) == [
        (("python",), "required", 3.0),
        (("kubernetes",), "required", 2.0),
        (("aws", "gcp", "azure"), "required", None),
        (("docker",), "required", None),
        (("terraform",), "required", None),
        (("redis",), "required", None),
        (("rest",), "required", None),
        (("grpc",), "required", None),
        (("kafka",), "preferred", None),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- Python or Go", [("python", "go")]),
        ("- Python/Go", [("python", "go")]),
        ("- Python and Go", [("python",), ("go",)]),
        ("- Python, Java, Go", [("python",), ("java",), ("go",)]),
        ("- Python, Java or Go", [("python", "java", "go")]),
        ("- any of Python, Java, Go", [("python", "java", "go")]),
        ("- either Java or Kotlin", [("java", "kotlin")]),
        ("- Postgres and/or MySQL", [("postgresql", "mysql")]),
        ("- AWS | GCP | Azure", [("aws", "gcp", "azure")]),
        (
            "- a CI/CD pipeline (Jenkins, GitLab CI or GitHub Actions)",
            [("ci-cd", "jenkins", "gitlab-ci", "github-actions")],
        ),
        ("- Docker; Kubernetes", [("docker",), ("kubernetes",)]),
        ("- Python, Python and python", [("python",)]),
    ],
)
def test_any_of_groups(line: str, expected: list[tuple[str, ...]]) -> None:
    job = grouped("Engineer\nRequirements\n" + line + "\n")
    assert [r.skills for r in job.requirements] == expected


@pytest.mark.parametrize(
    ("line", "skill_years", "overall"),
    [
        ("- 5+ years of Python", 5.0, None),
        ("- 5 years' experience with Python", 5.0, None),
        ("- at least three years of Python", 3.0, None),
        ("- minimum of 2 years working with Python", 2.0, None),
        ("- 3-5 years of Python", 3.0, None),
        ("- Python (4+ yrs)", 4.0, None),
        ("- Python - 2 years", 2.0, None),
        ("- 5+ years of software development experience; Python", None, 5.0),
        ("- 7+ years of professional experience, 3+ years of it in Python", 3.0, 7.0),
        ("- Python", None, None),
    ],
)
def test_years(line: str, skill_years: float | None, overall: float | None) -> None:
    job = grouped("Engineer\nRequirements\n" + line + "\n")
    python = next(r for r in job.requirements if r.skills == ("python",))
    assert python.min_years == skill_years
    assert job.min_years == overall


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Requirements", "required"),
        ("REQUIREMENTS:", "required"),
        ("## Must have", "required"),
        ("What you'll need", "required"),
        ("What we’re looking for", "required"),
        ("Minimum qualifications", "required"),
        ("About you", "required"),
        ("Nice to have", "preferred"),
        ("Nice-to-haves:", "preferred"),
        ("Bonus points", "preferred"),
        ("Preferred qualifications", "preferred"),
        ("**Desirable**", "preferred"),
        ("Responsibilities", "duties"),
        ("What you will do", "duties"),
        ("About us", "boilerplate"),
        ("About Tidewater Logistics", "boilerplate"),
        ("Benefits", "boilerplate"),
        ("What we offer", "boilerplate"),
        ("Our tech stack", "stack"),
    ],
)
def test_headings(heading: str, kind: str) -> None:
    blocks = find_blocks(f"Some Job Title\n{heading}\n- Python\n")
    assert [b.kind for b in blocks] == ["title", kind]


def test_phrases_override_the_block() -> None:
    text = "Engineer\nRequirements\n- Python\n- Kafka would be a plus\n- Go is nice to have\n"
    assert reqs(grouped(text)) == [
        (("python",), "required", None),
        (("kafka",), "preferred", None),
        (("go",), "preferred", None),
    ]


def test_required_wins_over_preferred_duplicate() -> None:
    text = "Engineer\nRequirements\n- Python\nNice to have\n- Python and Redis\n"
    assert reqs(grouped(text)) == [(("python",), "required", None), (("redis",), "preferred", None)]


def test_negated_mentions_do_not_count() -> None:
    text = "Engineer\nRequirements\n- Python\n- No Java needed\n"
    ms = [
        m if m.skill_id != "java" else Mention("java", m.start, m.end, m.text, "other", negated=True)
        for m in mentions(text)
    ]
    job = requirements_from_mentions(text, ms, taxonomy=TAX)
    assert reqs(job) == [(("python",), "required", None)]


def test_no_skills_warns() -> None:
    job = grouped("Office manager\nRequirements\n- Friendly\n")
    assert job.requirements == ()
    assert job.warnings


def test_source_text_and_labels() -> None:
    job = grouped(MARKDOWN_AD)
    first = job.requirements[0]
    assert first.source_text == "4+ years of Python or Go in production."
    assert first.label == "Python or Go, 4+ years"


# -- the real extractor ---------------------------------------------------------------------


def test_parse_job_with_the_extractor() -> None:
    job = parse_job(MARKDOWN_AD, taxonomy=TAX)
    assert job.requirements[0].skills == ("python", "go")
    assert job.requirements[0].min_years == 4.0
    assert job.min_years == 6.0
    assert "rust" not in {s for r in job.requirements for s in r.skills}


def test_parse_job_title_override() -> None:
    assert parse_job("Requirements\n- Python\n", taxonomy=TAX, title="Custom").title == "Custom"


def test_public_parse_job_uses_the_bundled_taxonomy() -> None:
    job = sm.parse_job("Backend Engineer\nRequirements\n- 3+ years of Python or Go\n- Kubernetes\n")
    assert job.requirements[0].skills == ("python", "go")
    assert job.requirements[0].min_years == 3.0


# -- structured files ----------------------------------------------------------------------

STRUCTURED = """\
title: Senior Python Backend Engineer
min_years: 5
requirements:
  - skills: [python]
    min_years: 3
    weight: 2
    knockout: true
    label: "Python, 3+ years"
  - skills: [Postgres, mysql]
  - skill: docker
    kind: preferred
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_yaml(tmp_path: Path) -> None:
    job = load_job(write(tmp_path, "job.yaml", STRUCTURED), taxonomy=TAX)
    assert job.title == "Senior Python Backend Engineer"
    assert job.min_years == 5.0
    assert job.source is not None
    assert job.source.endswith("job.yaml")
    python, db, docker = job.requirements
    assert (python.skills, python.min_years, python.weight, python.knockout, python.label) == (
        ("python",),
        3.0,
        2.0,
        True,
        "Python, 3+ years",
    )
    assert db.skills == ("postgresql", "mysql")  # names and aliases resolve to ids
    assert db.label == "PostgreSQL or MySQL"
    assert (docker.skills, docker.kind) == (("docker",), "preferred")


def test_load_json(tmp_path: Path) -> None:
    data = {"title": "Go dev", "requirements": [{"skills": ["golang"], "min_years": 2}]}
    job = load_job(write(tmp_path, "job.json", json.dumps(data)), taxonomy=TAX)
    assert job.requirements[0].skills == ("go",)


def test_structured_text_adds_requirements(tmp_path: Path) -> None:
    text = "title: T\nrequirements:\n  - skill: python\ntext: |\n  Requirements\n  - Python\n  - Kafka or RabbitMQ\n"
    job = load_job(write(tmp_path, "job.yaml", text), taxonomy=TAX)
    assert [r.skills for r in job.requirements] == [("python",), ("kafka", "rabbitmq")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "title: T\nrequirements:\n  - skills: [python]\n    kind: must\n",
            r"line 4: requirements\[0\]\.kind: 'must' is not one of",
        ),
        (
            "title: T\nrequirements:\n  - skills: [kubernets]\n",
            r"requirements\[0\]\.skills\[0\]: unknown skill 'kubernets' \(did you mean 'kubernetes'\?\)",
        ),
        (
            "title: T\nrequirements:\n  - skill: python\n    weigth: 2\n",
            r"line 3: requirements\[0\]: unknown field\(s\) 'weigth'",
        ),
        ("title: T\nrequirments:\n  - skill: python\n", r"unknown field\(s\) 'requirments'"),
        ("title: T\nrequirements:\n  - skill: python\n    skills: [go]\n", r"either 'skills'"),
        ("title: T\nrequirements:\n  - skills: []\n", r"requirements\[0\]\.skills"),
        ("title: T\nrequirements:\n  - skill: python\n    min_years: -1\n", r"min_years"),
        ("title: T\nrequirements:\n  - skill: python\n    weight: 0\n", r"weight"),
        ("title: [unclosed\n", r"line \d+: invalid YAML"),
        ("- just\n- a list\n", r"\(top level\)"),
        ("title: only a title\n", r"\(top level\): give 'requirements' or 'text'"),
    ],
)
def test_structured_errors_name_file_line_and_field(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(JobError, match=message) as info:
        load_job(path, taxonomy=TAX)
    assert str(info.value).startswith(str(path))
    assert info.value.source == str(path)


def test_invalid_json_error(tmp_path: Path) -> None:
    with pytest.raises(JobError, match=r"line 1: invalid JSON"):
        load_job(write(tmp_path, "bad.json", "{'title': 1}"), taxonomy=TAX)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(JobError, match="cannot read"):
        load_job(tmp_path / "nope.yaml", taxonomy=TAX)


def test_schema_is_package_data() -> None:
    schema = job_schema()
    assert schema["$defs"]["requirement"]["properties"]["kind"]["enum"] == ["required", "preferred"]


def test_bundled_sample_jobs_load(samples_dir: Path) -> None:
    for path in sorted((samples_dir / "jds").glob("*.yaml")):
        job = load_job(path)
        assert job.requirements, path
        assert job.title


def test_one_item_per_line_without_bullets() -> None:
    text = (
        "Site Reliability Engineer\n"
        "Minimum qualifications\n"
        "BA/BS degree in Computer Science or equivalent practical experience\n"
        "Experience in one or more of Java, Go or Python\n"
        "Experience with Docker and\n"
        "Kubernetes in production\n"
    )
    assert reqs(grouped(text)) == [
        (("java", "go", "python"), "required", None),
        (("docker",), "required", None),
        (("kubernetes",), "required", None),
    ]
    job = grouped(text)
    assert job.requirements[2].source_text == "Experience with Docker and Kubernetes in production"


def test_abbreviations_do_not_end_an_item() -> None:
    text = "Engineer\nRequirements\nStandard tools (eg. Docker, Kubernetes) and Python. Go is a plus.\n"
    assert reqs(grouped(text)) == [
        (("docker", "kubernetes"), "required", None),
        (("python",), "required", None),
        (("go",), "preferred", None),
    ]


def test_a_general_skill_qualified_by_a_specific_one_is_one_requirement() -> None:
    text = (
        "Engineer\nRequirements\n- Version control with Git.\n- Virtualisation using VMware or Hyper-V.\n"
        "- Strong SQL and experience with PostgreSQL or MySQL.\n"
    )
    assert reqs(grouped(text)) == [
        (("version-control", "git"), "required", None),
        (("virtualization", "vmware", "hyper-v"), "required", None),
        # "and": two asks, even though PostgreSQL is a kind of SQL
        (("sql",), "required", None),
        (("postgresql", "mysql"), "required", None),
    ]


def test_open_lists_are_examples() -> None:
    text = (
        "Engineer\nRequirements\n- Windows fleet management in a mixed environment (Linux, Windows, Mac OS X, etc.)\n"
        "- Proficiency in Python, C++ or other programming languages\n- Docker, Kubernetes, Terraform\n"
    )
    assert reqs(grouped(text)) == [
        (("windows",), "required", None),
        (("linux", "windows", "macos"), "required", None),  # "etc.": any of them
        (("python", "cpp"), "required", None),  # "or other programming languages"
        (("docker",), "required", None),
        (("kubernetes",), "required", None),
        (("terraform",), "required", None),
    ]


def test_degree_subjects_are_not_requirements() -> None:
    text = (
        "Engineer\nRequirements\n"
        "- Master's degree or PhD in Computer Science, Artificial Intelligence, Machine Learning or a related field.\n"
        "- BS in Computer Science with 3+ years of Python.\n"
        "- A high degree of autonomy in Kubernetes.\n"
    )
    assert reqs(grouped(text)) == [(("python",), "required", 3.0), (("kubernetes",), "required", None)]


def test_a_preferred_repeat_of_a_required_group_is_dropped() -> None:
    text = (
        "Engineer\nRequirements\n- Large Windows or Windows Server deployments\n"
        "Nice to have\n- Windows fleet management\n- Linux\n"
    )
    assert reqs(grouped(text)) == [(("windows", "windows-server"), "required", None), (("linux",), "preferred", None)]


def test_job_board_headings() -> None:
    text = (
        "Engineer\nExperience level:\nSenior\nWhat you will be doing\n- Build services in Go\n"
        "What we'll need from you\n- Kubernetes in production\nJob benefits:\n- A Python course\n"
    )
    assert [b.kind for b in find_blocks(text)] == ["title", "other", "duties", "required", "boilerplate"]
    assert reqs(grouped(text)) == [(("kubernetes",), "required", None), (("go",), "preferred", None)]


def test_tokenised_text() -> None:
    # SkillSpan-style text puts spaces before punctuation: "e.g ." still introduces examples
    text = "Engineer\nYou have:\n* NoSQL Database experience ( e.g . Cassandra )\n* Docker .\n"
    assert reqs(grouped(text)) == [(("nosql", "cassandra"), "required", None), (("docker",), "required", None)]


def test_overall_years_before_a_comma_list() -> None:
    job = grouped("Engineer\nMust have: 5+ years of experience, AWS/GCP/Azure\n")
    assert (job.min_years, reqs(job)) == (5.0, [(("aws", "gcp", "azure"), "required", None)])
    job = grouped("Engineer\nMust have: 5+ years of experience with Python, Docker\n")
    assert (job.min_years, reqs(job)) == (None, [(("python",), "required", 5.0), (("docker",), "required", None)])


def test_years_of_a_field_are_overall_years() -> None:
    # the taxonomy knows "backend development", but after "N years of" it names the field
    job = grouped("Engineer\nRequirements\n- 4+ years of back-end development experience.\n- Python\n")
    assert (job.min_years, reqs(job)) == (4.0, [(("python",), "required", None)])
    job = grouped("Engineer\nRequirements\n- Backend development with Python\n")
    assert (job.min_years, reqs(job)) == (
        None,
        [(("backend-development",), "required", None), (("python",), "required", None)],
    )


def test_load_text_and_markdown_ads(samples_dir: Path, tmp_path: Path) -> None:
    md = load_job(samples_dir / "jds" / "backend-generalist.md")
    assert md.source is not None
    assert md.source.endswith("backend-generalist.md")
    assert md.min_years == 4.0
    assert ("python", "go") in [r.skills for r in md.required]
    txt = write(tmp_path, "ad.txt", "Backend Engineer\nRequirements\n- 3+ years of Go\n- PostgreSQL\n")
    job = load_job(txt, taxonomy=TAX)
    assert (job.title, reqs(job)) == (
        "Backend Engineer",
        [(("go",), "required", 3.0), (("postgresql",), "required", None)],
    )
