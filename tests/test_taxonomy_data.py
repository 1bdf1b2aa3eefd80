"""The bundled taxonomy data: scale, the aliases real CVs use, structure, flags and crosswalk."""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

import skillmatch as sm
from skillmatch.taxonomy import Taxonomy, _fast_loads, norm_key

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

TAXONOMY_DIR = Path(__file__).resolve().parent.parent / "taxonomy"


def test_scale(taxonomy: Taxonomy) -> None:
    assert len(taxonomy) >= 400
    assert sum(1 for _ in taxonomy.surface_forms()) >= 1500


def test_every_category_is_used_and_every_area_is_covered(taxonomy: Taxonomy) -> None:
    used = Counter(skill.category for skill in taxonomy)
    assert set(used) == set(taxonomy.categories)
    for category in ("language", "framework", "database", "cache", "search", "messaging", "container", "ci-cd"):
        assert used[category] >= 8, category
    for category in ("cloud", "identity", "security", "iac", "observability", "api", "os", "testing", "data"):
        assert used[category] >= 10, category
    for category in ("server", "email", "practice", "vcs", "build", "storage"):
        assert used[category] >= 5, category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations and spellings
        ("k8s", "kubernetes"),
        ("Postgres", "postgresql"),
        ("C#.NET", "csharp"),
        ("GH Actions", "github-actions"),
        ("golang", "go"),
        ("ReactJS", "react"),
        ("Vue", "vue"),
        ("Mongo DB", "mongodb"),
        ("RabbitMQ", "rabbitmq"),
        ("ES6", "javascript"),
        ("ECMAScript", "javascript"),
        ("Obj-C", "objective-c"),
        ("VB.NET", "vbnet"),
        ("ASP.NET Core", "aspnet-core"),
        ("T-SQL", "tsql"),
        ("PL/SQL", "plsql"),
        ("CI/CD", "ci-cd"),
        ("TLS/SSL", "tls"),
        ("OIDC", "oidc"),
        ("OAuth2", "oauth"),
        ("gRPC", "grpc"),
        ("REST API", "rest"),
        ("RESTful web services", "rest"),
        ("Swagger", "openapi"),
        ("ELK", "elk-stack"),
        ("OTel", "opentelemetry"),
        ("IaC", "infrastructure-as-code"),
        ("RHEL", "rhel"),
        ("OOP", "oop"),
        ("TDD", "tdd"),
        ("DSA", "data-structures-algorithms"),
        ("async/await", "async-programming"),
        # versions written joined or apart
        ("python3", "python"),
        ("java8", "java"),
        ("html5", "html"),
        ("CSS3", "css"),
        ("Java 1.8", "java"),
        ("Oracle 11g", "oracle-database"),
        ("SQL Server 2016", "sql-server"),
        ("MS SQL Server 2008", "sql-server"),
        ("SQL 2008", "sql-server"),
        (".NET 6", "dotnet"),
        ("Angular 14", "angular"),
        ("Windows Server 2019", "windows-server"),
        ("PHP5", "php"),
        # vendor prefixes
        ("Amazon S3", "amazon-s3"),
        ("AWS S3", "amazon-s3"),
        ("S3", "amazon-s3"),
        ("AWS Lambda", "aws-lambda"),
        ("Amazon EKS", "amazon-eks"),
        ("EKS", "amazon-eks"),
        ("AKS", "aks"),
        ("GKE", "gke"),
        ("Apache Kafka", "kafka"),
        ("Apache Spark", "spark"),
        ("HashiCorp Vault", "vault"),
        # former names
        ("Azure AD", "entra-id"),
        ("Azure Active Directory", "entra-id"),
        ("Entra ID", "entra-id"),
        ("Hudson", "jenkins"),
        ("VSTS", "azure-devops"),
        ("TFS", "azure-devops"),
        ("iBATIS", "mybatis"),
        ("Stackdriver", "cloud-monitoring"),
        ("J2EE", "java-ee"),
        ("Jakarta EE", "java-ee"),
        ("QTP", "uft"),
    ],
)
def test_common_aliases(taxonomy: Taxonomy, text: str, expected: str) -> None:
    skill = taxonomy.resolve(text)
    assert skill is not None, text
    assert skill.id == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Java", "JavaScript"),
        ("C", "C++"),
        ("C", "C#"),
        ("Go", "Golang Gin"),
        ("SQL", "NoSQL"),
        ("Hadoop YARN", "Yarn"),
    ],
)
def test_look_alikes_are_different_skills(taxonomy: Taxonomy, a: str, b: str) -> None:
    first, second = taxonomy.resolve(a), taxonomy.resolve(b)
    assert first is not None
    assert first is not second


@pytest.mark.parametrize(
    ("child", "ancestor"),
    [
        ("amazon-eks", "kubernetes"),
        ("amazon-eks", "aws"),
        ("spring-boot", "spring-framework"),
        ("spring-boot", "java"),
        ("postgresql", "sql"),
        ("postgresql", "relational-databases"),
        ("aks", "azure"),
        ("gke", "gcp"),
        ("kafka-streams", "kafka"),
        ("tsql", "sql-server"),
        ("ubuntu", "linux"),
        ("django-rest-framework", "python"),
        ("entra-id", "cloud-iam"),
        ("aws-iam", "cloud-iam"),
        ("google-cloud-iam", "cloud-iam"),
        ("pytest", "unit-testing"),
    ],
)
def test_parents_give_partial_credit_paths(taxonomy: Taxonomy, child: str, ancestor: str) -> None:
    assert ancestor in taxonomy.ancestors(child)


@pytest.mark.parametrize(("a", "b"), [("podman", "docker"), ("gitlab-ci", "jenkins"), ("mysql", "mariadb")])
def test_related_is_not_identity(taxonomy: Taxonomy, a: str, b: str) -> None:
    assert b in taxonomy.related(a)
    assert a in taxonomy.related(b)
    assert b not in taxonomy.ancestors(a)


_AMBIGUOUS_TEXT = (
    "Go C R Swift Rust Spring Chef Puppet Salt Ruby Julia Oracle Shell Bash Flask Express Kafka Spark Hive Pig "
    "Airflow Helm Consul Vault Rails Phoenix Play Gin Drone Packer Vagrant Rancher Sentry Jenkins Travis Lambda "
    "Glue Athena Aurora Storm Tornado Celery"
)
AMBIGUOUS = _AMBIGUOUS_TEXT.split()


@pytest.mark.parametrize("form", AMBIGUOUS)
def test_trap_words_need_context(taxonomy: Taxonomy, form: str) -> None:
    flagged = [f for f in taxonomy.surface_forms() if f.text.casefold() == form.casefold()]
    assert flagged, form
    assert all(f.ambiguous for f in flagged), form


@pytest.mark.parametrize("form", ["Go", "C", "R", "TS", "D", "Qt", "BASIC", "CI", "CD", "LESS", "JOSE"])
def test_case_sensitive_forms(taxonomy: Taxonomy, form: str) -> None:
    matching = [f for f in taxonomy.surface_forms() if f.text == form]
    assert matching, form
    assert all(f.case_sensitive and f.ambiguous for f in matching), form


def test_unambiguous_names_stay_unflagged(taxonomy: Taxonomy) -> None:
    for name in ("Kubernetes", "PostgreSQL", "JavaScript", "Terraform", "Elasticsearch", "Node.js"):
        skill = taxonomy.resolve(name)
        assert skill is not None
        assert not skill.ambiguous or name.casefold() not in {a.casefold() for a in skill.ambiguous}


def test_crosswalk_fields(taxonomy: Taxonomy) -> None:
    esco = [s for s in taxonomy if s.esco]
    hot = [s for s in taxonomy if s.onet_hot]
    linguist = [s for s in taxonomy if s.linguist]
    assert len(esco) >= 100
    assert len(hot) >= 60
    assert len(linguist) >= 60
    uri = re.compile(r"http://data\.europa\.eu/esco/skill/[0-9a-f-]{36}")
    assert all(uri.fullmatch(s.esco or "") for s in esco)
    assert taxonomy["python"].linguist == "Python"
    assert taxonomy["python"].onet_hot
    assert taxonomy["python"].esco == "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"


def test_esco_uris_are_unique_per_skill(taxonomy: Taxonomy) -> None:
    uris = Counter(s.esco for s in taxonomy if s.esco)
    shared = {u: n for u, n in uris.items() if n > 1}
    assert not shared


def test_version_is_calendar_style(taxonomy: Taxonomy) -> None:
    assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", taxonomy.version)


def test_every_non_root_skill_reaches_a_category_root(taxonomy: Taxonomy) -> None:
    # No dangling parents and no orphan cycles: ancestors are computed for every skill.
    for skill in taxonomy:
        assert skill.id not in taxonomy.ancestors(skill.id)


@pytest.mark.parametrize("path", sorted(TAXONOMY_DIR.glob("*.toml")), ids=lambda p: p.name)
def test_fast_parser_agrees_with_tomllib(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = _fast_loads(text)
    assert fast is not None, f"{path.name} fell back to tomllib: keep the files in the simple subset"
    assert fast == tomllib.loads(text)


@pytest.mark.parametrize(
    "text",
    [
        "a = 'literal'\n",
        'a = """multi"""\n',
        'a = ["x",\n  "y"]\n',
        'a = "x"\na = "y"\n',
        "a = 1\n",
        'a.b = "x"\n',
        'a = "x\\ty"\n',
        'a = ["x", 1]\n',
        "[t]\n[t]\n",
        'a = "x" junk\n',
    ],
)
def test_fast_parser_defers_everything_else(text: str) -> None:
    assert _fast_loads(text) is None


def test_bundled_taxonomy_loads_fast() -> None:
    from skillmatch.taxonomy import _build, _toml_files

    sources = _toml_files(TAXONOMY_DIR)
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        _build(sources)
        best = min(best, time.process_time() - start)
    # About 45 ms of CPU on the development machine; a generous bound keeps a loaded CI box green.
    assert best < 0.25


def test_forms_are_listed_once_per_spelling() -> None:
    # norm_key folds case, spaces and punctuation: listing both "Node.js" and "NodeJS" is noise.
    for path in sorted(TAXONOMY_DIR.glob("*.toml")):
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        for record in doc.get("skill", []):
            keys = [norm_key(f) for f in [record["name"], *record.get("aliases", [])]]
            assert len(keys) == len(set(keys)), (path.name, record["id"])


def test_load_taxonomy_from_the_repository_directory() -> None:
    tax = sm.load_taxonomy(TAXONOMY_DIR)
    assert len(tax) == len(sm.load_taxonomy())
