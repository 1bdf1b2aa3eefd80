"""The ``skillmatch`` command, through click's runner: output formats, exit codes, start-up."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import skillmatch as sm
from skillmatch.cli import CSV_COLUMNS, main

HEAVY = ("pandas", "numpy", "spacy", "rich", "pypdfium2", "pdfminer", "docx", "lxml", "rapidfuzz", "ahocorasick")


def _run(*args: str | Path) -> Result:
    # COLUMNS pins rich's width: the table must read in an 80-column terminal
    result = CliRunner().invoke(main, [str(a) for a in args], env={"COLUMNS": "80"}, catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


@pytest.fixture(scope="module")
def cvs(samples_dir: Path) -> Path:
    return samples_dir / "cvs"


@pytest.fixture(scope="module")
def jd(samples_dir: Path) -> Path:
    return samples_dir / "jds" / "python-backend.yaml"


def test_version_and_help() -> None:
    result = _run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"skillmatch {sm.__version__}"
    result = _run("--help")
    assert result.exit_code == 0
    for command in ("score", "extract", "taxonomy"):
        assert command in result.stdout
    assert _run("-h").stdout == result.stdout


def test_python_dash_m_runs_the_same_command() -> None:
    proc = subprocess.run([sys.executable, "-m", "skillmatch", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Usage: skillmatch ")


def test_taxonomy_group_is_registered() -> None:
    result = _run("taxonomy", "--help")
    assert result.exit_code == 0
    assert "check" in result.stdout


@pytest.mark.parametrize(
    "code",
    [
        "import skillmatch",
        "import skillmatch.cli",
        "from skillmatch.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass",
        "from skillmatch.cli import main\ntry:\n    main(['score', '--help'])\nexcept SystemExit:\n    pass",
    ],
)
def test_start_up_imports_nothing_heavy(code: str) -> None:
    check = f"{code}\nimport sys\nprint('loaded:', *(m for m in {HEAVY!r} if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "loaded:"


# -- score ------------------------------------------------------------------------------


def test_score_table_ranks_every_sample_within_80_columns(cvs: Path, jd: Path) -> None:
    result = _run("score", cvs, "--jd", jd, "--workers", "1", "--as-of", "2024-06")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    for path in cvs.iterdir():
        assert path.name[:12] in result.stdout  # long names fold onto a second line
    ranks = [line.split()[0] for line in lines if line.strip()[:2].strip().isdigit()]
    assert ranks[:3] == ["1", "2", "3"]
    assert "senior-python-backend.pdf" in next(line for line in lines if line.strip().startswith("1 "))


def test_score_top_and_explain(cvs: Path, jd: Path) -> None:
    result = _run("score", cvs, "--jd", jd, "--top", "2", "--explain", "--workers", "1")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    assert out.count(" of 100 ") == 2
    for header in ("Requirement", "Status", "Points", "Evidence"):
        assert header in out
    assert "matched" in out
    assert "/" in out  # points of possible, e.g. 6.0/6.0


def test_explain_shows_evidence_offsets_months_last_used_and_lost_points(cvs: Path, jd: Path) -> None:
    cv = cvs / "senior-python-backend.pdf"
    result = _run("score", cv, "--jd", jd, "--explain", "--workers", "1", "--as-of", "2026-11")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    match = sm.score(sm.extract_profile(sm.read_document(cv), as_of=date(2026, 11, 1)), sm.load_job(jd))
    docker = next(r for r in match.results if r.requirement.skills == ("docker",))
    assert docker.last_used is not None
    assert f"{docker.points:.1f}/{docker.possible:.1f}" in out
    assert f"last used {docker.last_used:%b %Y}" in out
    first = next(m for m in docker.evidence if m.section == "experience")
    assert f'"{first.text}" in experience @{first.start}' in out
    recency = dict(docker.factors)["recency"]
    assert recency < 1
    assert f"recency ×{recency:.2f}" in out


def test_score_json_lines_one_object_per_input(cvs: Path, jd: Path) -> None:
    result = _run("score", cvs, "--jd", jd, "--format", "json", "--explain")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(Path(r["source"]).name for r in rows) == sorted(p.name for p in cvs.iterdir())
    for row in rows:
        assert row["status"] == "ok"
        assert 0 <= row["score"] <= 100
        assert isinstance(row["matched"], list)
        assert row["match"]["score"] == pytest.approx(row["score"], abs=0.01)


def test_score_csv_with_top_is_ranked(cvs: Path, jd: Path) -> None:
    result = _run("score", cvs, "--jd", jd, "--format", "csv", "--top", "3", "--workers", "1")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["rank"] for r in rows] == ["1", "2", "3"]
    scores = [float(r["score"]) for r in rows]
    assert scores == sorted(scores, reverse=True)


def test_failed_inputs_are_rows_a_summary_and_exit_1(cvs: Path, jd: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    missing = tmp_path / "missing.docx"
    good = cvs / "career-changer.txt"
    result = _run("score", good, broken, missing, "--jd", jd, "--format", "csv", "--workers", "1")
    assert result.exit_code == 1
    rows = {Path(r["source"]).name: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert rows["career-changer.txt"]["status"] == "ok"
    assert rows["broken.pdf"]["status"] == "error"
    assert rows["broken.pdf"]["score"] == ""
    assert rows["missing.docx"]["error_type"] == "FileNotFoundError"
    assert "2 of 3 input(s) failed" in result.stderr
    assert str(missing) in result.stderr
    table = _run("score", good, broken, "--jd", jd, "--workers", "1")
    assert table.exit_code == 1
    assert "error" in table.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["score", "x.pdf"], "Missing option '--jd'"),
        (["score", "--jd", "{jd}"], "Missing argument"),
        (["score", "x.pdf", "--jd", "{jd}", "--format", "xml"], "'xml' is not one of"),
        (["score", "x.pdf", "--jd", "{jd}", "--workers", "0"], "--workers"),
        (["score", "x.pdf", "--jd", "{missing}"], "does not exist"),
        (["score", "x.pdf", "--jd", "{bad_jd}"], "--jd"),
        (["score", "x.pdf", "--jd", "{jd}", "--taxonomy", "{bad_taxonomy}"], "--taxonomy"),
        (["extract"], "Missing argument"),
        (["nonsense"], "No such command"),
    ],
)
def test_usage_errors_exit_2_with_a_message(args: list[str], message: str, jd: Path, tmp_path: Path) -> None:
    bad_jd = tmp_path / "bad.yaml"
    bad_jd.write_text("requirements: [[[\n", encoding="utf-8")
    bad_taxonomy = tmp_path / "bad.toml"
    bad_taxonomy.write_text("[[skill]]\nid = 'X Y'\n", encoding="utf-8")
    names = {"jd": jd, "missing": tmp_path / "nope.yaml", "bad_jd": bad_jd, "bad_taxonomy": bad_taxonomy}
    result = _run(*[a.format(**names) for a in args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr


# -- extract ------------------------------------------------------------------------------


def test_extract_table_and_json(cvs: Path) -> None:
    cv = cvs / "senior-python-backend.pdf"
    table = _run("extract", cv, "--as-of", "2024-06-01")
    assert table.exit_code == 0, table.output
    assert "Python" in table.stdout
    assert max(len(line) for line in table.stdout.splitlines()) <= 80
    as_json = _run("extract", cv, "--format", "json", "--as-of", "2024-06-01")
    data = json.loads(as_json.stdout)
    assert data["document"]["kind"] == "pdf"
    assert data["schema"] == "skillmatch.profile/1"
    assert "python" in {s["skill"]["id"] for s in data["skills"]}
    assert sm.Profile.from_dict(data).get("python") is not None


def test_extract_of_an_unreadable_file_is_a_message_and_exit_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n%%EOF")
    result = _run("extract", broken)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {broken}: ")
    assert result.stdout == ""


def test_csv_columns_are_screens_columns() -> None:
    from skillmatch.api import COLUMNS

    assert ("rank", *(c for c in COLUMNS if c != "match")) == CSV_COLUMNS


def test_taxonomy_options_are_spelt_the_same_everywhere() -> None:
    for argv in (["score", "--help"], ["extract", "--help"], ["taxonomy", "show", "--help"]):
        help_text = CliRunner().invoke(main, argv).output
        assert "--taxonomy" in help_text
        assert "--extra-taxonomy" in help_text


def test_extract_table_marks_hedged_skills_and_lists_negated_ones(cvs: Path) -> None:
    result = _run("extract", cvs / "career-changer.txt")
    assert result.exit_code == 0, result.output
    profile = sm.extract_profile(sm.read_document(cvs / "career-changer.txt"))
    hedged = [e.skill.name for e in profile.skills if all(m.hedged for m in e.mentions)]
    negated = [m for m in profile.discarded if m.negated]
    assert hedged
    assert negated
    for name in hedged:
        assert f"{name} (hedged)" in result.stdout
    for mention in negated:
        assert f'not credited: "{mention.text}"' in result.stdout


def test_extract_says_so_when_nothing_is_credited(cvs: Path) -> None:
    result = _run("extract", cvs / "head-chef.pdf")
    assert result.exit_code == 0, result.output
    assert "no skill credited" in result.stdout


def test_score_limits_options_reach_the_workers(cvs: Path, jd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import skillmatch.api

    seen = {}
    real = skillmatch.api.iter_screen

    def spy(*args: object, **kwargs: object) -> object:
        seen.update(kwargs)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(skillmatch.api, "iter_screen", spy)
    cv = cvs / "career-changer.txt"
    result = _run("score", cv, "--jd", jd, "--workers", "1", "--timeout", "12", "--max-memory", "512")
    assert result.exit_code == 0, result.output
    limits = seen["limits"]
    assert isinstance(limits, sm.Limits)
    assert limits.timeout == 12
    assert limits.max_memory == 512 * 1024 * 1024
    assert limits.max_pages == sm.Limits().max_pages
