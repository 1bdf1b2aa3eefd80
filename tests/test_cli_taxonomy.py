"""``skillmatch taxonomy check|show|list`` through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from skillmatch._cli_taxonomy import taxonomy_group

MANIFEST = 'version = "t1"\n[categories]\nlanguage = "Languages"\ncloud = "Cloud"\n'


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(tmp_path: Path, body: str, manifest: str = MANIFEST) -> Path:
    (tmp_path / "taxonomy.toml").write_text(manifest, encoding="utf-8")
    (tmp_path / "skills.toml").write_text(body, encoding="utf-8")
    return tmp_path


def test_check_bundled(runner: CliRunner) -> None:
    result = runner.invoke(taxonomy_group, ["check"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: ")
    assert "skills" in result.output
    assert "surface forms" in result.output


def test_check_reports_every_problem_with_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    body = (
        '[[skill]]\nid = "a"\nname = "A"\ncategory = "language"\naliases = ["x"]\nparents = ["nope"]\n\n'
        '[[skill]]\nid = "b"\nname = "B"\ncategory = "sports"\naliases = ["X"]\n'
    )
    path = write(tmp_path, body)
    result = runner.invoke(taxonomy_group, ["check", str(path)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    skills = str(path / "skills.toml")
    assert any(line.startswith(f"{skills}:6: parent 'nope' of 'a'") for line in lines), lines
    assert any(line.startswith(f"{skills}:11: skill 'b' has unknown category 'sports'") for line in lines), lines
    assert any(line.startswith(f"{skills}:12: alias 'X' already belongs to 'a'") for line in lines), lines
    assert lines[-1] == "3 problems found"


def test_check_single_file_with_its_own_manifest(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(MANIFEST + '\n[[skill]]\nid = "zig"\nname = "Zig"\ncategory = "language"\n', encoding="utf-8")
    result = runner.invoke(taxonomy_group, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 skills" in result.output or "1 skill" in result.output


def test_check_with_extra(runner: CliRunner, tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text('[[skill]]\nid = "acme-orm"\nname = "AcmeORM"\ncategory = "library"\nparents = ["java"]\n')
    result = runner.invoke(taxonomy_group, ["check", "--extra", str(extra)])
    assert result.exit_code == 0, result.output
    assert str(extra) in result.output


def test_check_extra_that_steals_an_alias_fails(runner: CliRunner, tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text('[[skill]]\nid = "kube2"\nname = "Kube Two"\ncategory = "container"\naliases = ["k8s"]\n')
    result = runner.invoke(taxonomy_group, ["check", "--extra", str(extra)])
    assert result.exit_code == 1
    assert f"{extra}:5: alias 'k8s' already belongs to 'kubernetes'" in result.output


def test_check_invalid_toml(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "[[skill]\n")
    result = runner.invoke(taxonomy_group, ["check", str(path)])
    assert result.exit_code == 1
    assert "skills.toml:1: invalid TOML" in result.output


def test_show_by_alias(runner: CliRunner) -> None:
    result = runner.invoke(taxonomy_group, ["show", "k8s"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Kubernetes  [kubernetes]")
    assert "K8s" in result.output
    assert "Amazon EKS (amazon-eks)" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80


def test_show_marks_flags_and_crosswalk(runner: CliRunner) -> None:
    result = runner.invoke(taxonomy_group, ["show", "golang"])
    assert result.exit_code == 0
    assert "Go (ambiguous, case-sensitive)" in result.output
    assert "Linguist 'Go'" in result.output


def test_show_json(runner: CliRunner) -> None:
    result = runner.invoke(taxonomy_group, ["show", "Spring Boot", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["id"] == "spring-boot"
    assert data["ancestors"][:2] == ["spring-framework", "java"]
    assert data["taxonomy_version"]


def test_show_unknown_suggests(runner: CliRunner) -> None:
    result = runner.invoke(taxonomy_group, ["show", "Kubernets"])
    assert result.exit_code == 1
    assert "no skill named 'Kubernets'" in result.output
    assert "'Kubernetes' (kubernetes)" in result.output


def test_list_category(runner: CliRunner) -> None:
    result = runner.invoke(taxonomy_group, ["list", "--category", "email"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["ID", "NAME", "CATEGORY", "FORMS"]
    assert any(line.startswith("smtp ") for line in lines)
    assert all(" email " in line for line in lines[1:-1])
    assert lines[-1].endswith("skills")
    assert max(len(line) for line in lines) <= 80


def test_list_everything_fits_80_columns(runner: CliRunner) -> None:
    result = runner.invoke(taxonomy_group, ["list"])
    assert result.exit_code == 0
    assert max(len(line) for line in result.output.splitlines()) <= 80
    assert int(result.output.splitlines()[-1].split()[0].replace(",", "")) >= 400


def test_list_unknown_category_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(taxonomy_group, ["list", "--category", "sports"])
    assert result.exit_code == 2
    assert "unknown category 'sports'" in result.output


def test_list_categories_and_json(runner: CliRunner) -> None:
    result = runner.invoke(taxonomy_group, ["list", "--categories"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith("language")
    result = runner.invoke(taxonomy_group, ["list", "--category", "vcs", "--format", "json"])
    rows = json.loads(result.output)
    assert {"id": "git", "name": "Git", "category": "vcs"}.items() <= next(r for r in rows if r["id"] == "git").items()


def test_show_with_user_taxonomy(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, '[[skill]]\nid = "zig"\nname = "Zig"\ncategory = "language"\naliases = ["ziglang"]\n')
    result = runner.invoke(taxonomy_group, ["show", "ZigLang", "--taxonomy", str(path)])
    assert result.exit_code == 0
    assert result.output.startswith("Zig  [zig]")


def test_broken_user_taxonomy_gives_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, '[[skill]]\nid = "a"\nname = "A"\ncategory = "nope"\n')
    result = runner.invoke(taxonomy_group, ["list", "--taxonomy", str(path)])
    assert result.exit_code == 1
    assert f"{path / 'skills.toml'}:4: skill 'a' has unknown category 'nope'" in result.output


def test_module_imports_nothing_heavy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, skillmatch._cli_taxonomy\n"
        "heavy = {'spacy', 'pandas', 'pypdfium2', 'pdfminer', 'docx', 'lxml', 'rich'} & set(sys.modules)\n"
        "print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
