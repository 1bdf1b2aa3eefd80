from __future__ import annotations

from pathlib import Path

import pytest

import skillmatch as sm
from skillmatch.taxonomy import Taxonomy, norm_key

MANIFEST = 'version = "t1"\n[categories]\nlanguage = "Languages"\ncloud = "Cloud"\n'


def write(tmp_path: Path, body: str, manifest: str = MANIFEST) -> Path:
    (tmp_path / "taxonomy.toml").write_text(manifest, encoding="utf-8")
    (tmp_path / "skills.toml").write_text(body, encoding="utf-8")
    return tmp_path


def test_bundled_taxonomy_loads(taxonomy: Taxonomy) -> None:
    assert len(taxonomy) == len(list(taxonomy)) > 50
    assert taxonomy.version
    for skill in taxonomy:
        assert skill.category in taxonomy.categories


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("k8s", "kubernetes"),
        ("KUBERNETES", "kubernetes"),
        ("kubernetes", "kubernetes"),
        ("Postgres", "postgresql"),
        ("node js", "nodejs"),
        ("Node.JS", "nodejs"),
        ("Java 8", "java"),
        ("Oracle 11g", "oracle-database"),
        ("MS SQL Server 2016", "sql-server"),
        ("python3", "python"),
        ("C#", "csharp"),
        ("C++", "cpp"),
        ("c", "c"),
        ("Azure AD", "entra-id"),
        ("Hudson", "jenkins"),
    ],
)
def test_resolve(taxonomy: Taxonomy, text: str, expected: str) -> None:
    skill = taxonomy.resolve(text)
    assert skill is not None, text
    assert skill.id == expected


@pytest.mark.parametrize("text", ["", "   ", "cooking", "JavaScripts and more"])
def test_resolve_unknown(taxonomy: Taxonomy, text: str) -> None:
    assert taxonomy.resolve(text) is None


def test_java_is_not_javascript(taxonomy: Taxonomy) -> None:
    java, js = taxonomy.resolve("Java"), taxonomy.resolve("JavaScript")
    assert java is not None
    assert js is not None
    assert java.id != js.id


def test_ancestors_and_children(taxonomy: Taxonomy) -> None:
    assert taxonomy.ancestors("spring-boot")[:2] == ("spring-framework", "java")
    assert "amazon-eks" in taxonomy.children("kubernetes")
    assert "amazon-eks" in taxonomy.descendants("aws")


def test_norm_key() -> None:
    assert norm_key("CI/CD") == norm_key("ci-cd") == "cicd"
    assert norm_key("C++") != norm_key("C")


def test_custom_directory(tmp_path: Path) -> None:
    write(tmp_path, '[[skill]]\nid = "go"\nname = "Go"\ncategory = "language"\naliases = ["golang"]\n')
    tax = sm.load_taxonomy(tmp_path)
    assert len(tax) == 1
    assert tax.version == "t1"
    assert tax.resolve("GoLang") is not None


@pytest.mark.parametrize(
    ("body", "message", "line"),
    [
        ('[[skill]]\nid = "a"\nname = "A"\ncategory = "nope"\n', "unknown category 'nope'", 4),
        (
            (
                '[[skill]]\nid = "a"\nname = "A"\ncategory = "language"\n\n'
                '[[skill]]\nid = "a"\nname = "B"\ncategory = "language"\n'
            ),
            "duplicate skill id 'a'",
            6,
        ),
        (
            (
                '[[skill]]\nid = "a"\nname = "A"\ncategory = "language"\naliases = ["iam"]\n\n'
                '[[skill]]\nid = "b"\nname = "B"\ncategory = "cloud"\naliases = ["x", "IAM"]\n'
            ),
            "alias 'IAM' already belongs to 'a'",
            11,
        ),
        (
            '[[skill]]\nid = "a"\nname = "A"\ncategory = "language"\nparents = ["zzz"]\n',
            "parent 'zzz' of 'a' is not a skill id",
            5,
        ),
        (
            (
                '[[skill]]\nid = "a"\nname = "A"\ncategory = "language"\nparents = ["b"]\n\n'
                '[[skill]]\nid = "b"\nname = "B"\ncategory = "language"\nparents = ["a"]\n'
            ),
            "parent cycle",
            11,
        ),
        ('[[skill]]\nid = "a"\nname = "A"\ncategory = "language"\nambiguous = ["Q"]\n', "ambiguous form 'Q'", 5),
        ('[[skill]]\nid = "a"\nname = "A"\ncategory = "language"\ncolour = "red"\n', "unknown field 'colour'", 5),
        ('[[skill]]\nid = "A b"\nname = "A"\ncategory = "language"\n', "must be lower-case", 2),
        (
            '[[skill]]\nid = "a"\nname = "Node.js"\ncategory = "language"\naliases = ["node js"]\n',
            "lists 'node js' twice",
            5,
        ),
        ('[[skill]]\nid = "a"\nname = "A"\n', "has no 'category'", 1),
        ("[[skill]\n", "invalid TOML", 1),
    ],
)
def test_validation_errors_name_file_and_line(tmp_path: Path, body: str, message: str, line: int) -> None:
    write(tmp_path, body)
    with pytest.raises(sm.TaxonomyError, match=message) as info:
        sm.load_taxonomy(tmp_path)
    assert info.value.line == line
    assert str(info.value).startswith(f"{tmp_path / 'skills.toml'}:{line}:")


def test_taxonomy_error_is_value_error() -> None:
    assert issubclass(sm.TaxonomyError, ValueError)
    assert issubclass(sm.TaxonomyError, sm.SkillmatchError)


@pytest.mark.parametrize(
    ("body", "message", "line"),
    [
        (
            '[[skill]]\nid = "a"\nname = "A"\ncategory = "language"\nesco = "http://example.com/x"\n',
            "esco of 'a' must be an ESCO skill URI",
            5,
        ),
        (
            (
                '[[skill]]\nid = "a"\nname = "A"\ncategory = "language"\n\n'
                '[[skill]]\nid = "b"\nname = "B"\ncategory = "language"\nrelated = ["zzz"]\n'
            ),
            "related 'zzz' of 'b' is not a skill id",
            10,
        ),
        (
            (
                '[[skill]]\nid = "a"\nname = "A"\ncategory = "language"\n\n'
                '[[skill]]\nid = "b"\nname = "B"\ncategory = "language"\nparents = ["a", "a"]\n'
            ),
            "'b' lists 'a' twice in parents",
            10,
        ),
        (
            (
                '[[skill]]\nid = "a"\nname = "A"\ncategory = "language"\n\n'
                '[[skill]]\nid = "b"\nname = "B"\ncategory = "language"\nparents = ["a"]\nrelated = ["a"]\n'
            ),
            "'b' lists 'a' both as a parent and as related",
            11,
        ),
        (
            (
                '[[skill]]\nid = "docker"\nname = "Docker"\ncategory = "language"\naliases = ["docker compose"]\n\n'
                '[[skill]]\nid = "docker-compose"\nname = "Compose"\ncategory = "language"\n'
            ),
            "skill id 'docker-compose' reads the same as 'docker compose', a form of 'docker'",
            8,
        ),
        (
            '[[skill]]\nid = "a"\nname = "A"\ncategory = "language"\nlinguist = ""\n',
            "field 'linguist' of 'a' is empty",
            5,
        ),
        ('[[skill]]\nid = "a"\nname = "A"\ncategory = "language"\nonet_hot = "yes"\n', "must be bool", 5),
    ],
)
def test_more_validation_errors(tmp_path: Path, body: str, message: str, line: int) -> None:
    write(tmp_path, body)
    with pytest.raises(sm.TaxonomyError, match=message) as info:
        sm.load_taxonomy(tmp_path)
    assert info.value.line == line


def test_check_taxonomy_collects_every_problem(tmp_path: Path) -> None:
    from skillmatch.taxonomy import check_taxonomy

    write(
        tmp_path,
        '[[skill]]\nid = "a"\nname = "A"\ncategory = "nope"\nparents = ["b"]\n\n'
        '[[skill]]\nid = "b"\nname = "B"\ncategory = "language"\nparents = ["a"]\n\n'
        '[[skill]]\nid = "c"\ncategory = "language"\n',
    )
    errors, tax = check_taxonomy(tmp_path)
    assert tax is None
    messages = [str(e) for e in errors]
    assert any("has no 'name'" in m for m in messages)
    assert any("unknown category 'nope'" in m for m in messages)
    assert any("parent cycle" in m for m in messages)
    assert all(m.startswith(str(tmp_path / "skills.toml") + ":") for m in messages)


def test_check_taxonomy_ok_and_missing_path(tmp_path: Path) -> None:
    from skillmatch.taxonomy import check_taxonomy

    errors, tax = check_taxonomy()
    assert errors == []
    assert tax is not None
    errors, tax = check_taxonomy(tmp_path / "absent")
    assert tax is None
    assert "no such taxonomy file or directory" in str(errors[0])


def test_extra_extends_and_overrides(tmp_path: Path, taxonomy: Taxonomy) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(
        'version = "acme-3"\n[categories]\ninternal = "Acme in-house tools"\n\n'
        '[[skill]]\nid = "acme-deployer"\nname = "Acme Deployer"\ncategory = "internal"\n'
        'aliases = ["adeploy"]\nparents = ["ci-cd"]\n\n'
        '[[skill]]\nid = "go"\nname = "Go"\ncategory = "language"\naliases = ["golang", "gopher code"]\n'
        'ambiguous = ["Go"]\ncase_sensitive = ["Go"]\n',
        encoding="utf-8",
    )
    tax = sm.load_taxonomy(extra=extra)
    assert len(tax) == len(taxonomy) + 1
    assert tax.version == f"{taxonomy.version}+acme-3"
    assert tax.resolve("adeploy") is not None
    assert "ci-cd" in tax.ancestors("acme-deployer")
    assert tax.resolve("gopher code") is not None
    assert tax["go"].aliases == ("golang", "gopher code")
    assert str(extra) in tax.sources["acme-deployer"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SQL Server 2008 R2", "sql-server"),
        ("Visual Studio 2008 SP1", "visual-studio"),
        ("JBoss 4.x", "jboss"),
        ("Drupal 6/7", "drupal"),
        ("EJB 2.0/3.0", "ejb"),
        ("Java EE 7", "java-ee"),
        ("C++17", "cpp"),
        ("Angular v12", "angular"),
    ],
)
def test_resolve_strips_versions_and_editions(taxonomy: Taxonomy, text: str, expected: str) -> None:
    skill = taxonomy.resolve(text)
    assert skill is not None, text
    assert skill.id == expected


@pytest.mark.parametrize("text", ["7", "2016", "v8", "R2", "SP1"])
def test_a_bare_version_is_not_a_skill(taxonomy: Taxonomy, text: str) -> None:
    assert taxonomy.resolve(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Amazon Web Services (AWS)", "aws"), ("Oracle Data Integrator (ODI)", "odi"), ("Unknown thing (AWS)", "aws")],
)
def test_resolve_reads_an_abbreviation_in_brackets(taxonomy: Taxonomy, text: str, expected: str) -> None:
    skill = taxonomy.resolve(text)
    assert skill is not None
    assert skill.id == expected


@pytest.mark.parametrize("text", ["(AWS)", "cooking (baking)"])
def test_brackets_alone_do_not_resolve(taxonomy: Taxonomy, text: str) -> None:
    assert taxonomy.resolve(text) is None
