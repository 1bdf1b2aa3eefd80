"""The built wheel carries its data and works installed outside the checkout, from another directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # --no-isolation: build with this environment's hatchling, no download
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    (built,) = out.glob("skillmatch-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return target


def test_the_wheel_contains_the_taxonomy_schemas_and_type_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    taxonomy = {n.removeprefix("skillmatch/_taxonomy/") for n in names if n.startswith("skillmatch/_taxonomy/")}
    assert {n for n in taxonomy if n.endswith(".toml")} == {p.name for p in (ROOT / "taxonomy").glob("*.toml")}
    assert "taxonomy.toml" in taxonomy
    assert "NOTICE" in taxonomy  # the CC BY sources' attribution travels with the data
    schemas = {p.name for p in (ROOT / "src" / "skillmatch" / "schemas").glob("*.json")}
    assert schemas, "the package ships JSON schemas"
    assert {f"skillmatch/schemas/{s}" for s in schemas} <= names
    assert "skillmatch/py.typed" in names
    assert not any(n.startswith(("tests/", "bench/", "samples/")) for n in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "skillmatch = skillmatch.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


_CHECK = textwrap.dedent(
    """
    import json, sys
    import skillmatch as sm
    tax = sm.load_taxonomy()
    profile = sm.extract_profile("Skills: Python, Docker, Kubernetes, PostgreSQL")
    job = sm.parse_job("Requirements: Python, Kubernetes")
    print(json.dumps({
        "file": sm.__file__,
        "version": sm.__version__,
        "skills": len(tax),
        "k8s": tax.resolve("k8s").id,
        "found": sorted(e.skill.id for e in profile.skills),
        "score": sm.score(profile, job).score,
    }))
    """
)


def test_the_installed_wheel_works_from_another_directory(installed: Path, tmp_path: Path) -> None:
    # PYTHONPATH puts the installed copy ahead of the editable checkout; the third-party
    # dependencies come from this environment
    env = {**os.environ, "PYTHONPATH": str(installed)}
    proc = subprocess.run(
        [sys.executable, "-c", _CHECK], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout)
    assert Path(out["file"]).is_relative_to(installed), "imported the checkout, not the wheel"
    assert out["k8s"] == "kubernetes"
    assert {"python", "docker", "kubernetes", "postgresql"} <= set(out["found"])
    # the same answers as the checkout gives
    here = subprocess.run([sys.executable, "-c", _CHECK], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert here.returncode == 0, here.stderr[-3000:]
    expected = json.loads(here.stdout)
    assert {k: out[k] for k in ("version", "skills", "found", "score")} == {
        k: expected[k] for k in ("version", "skills", "found", "score")
    }

    samples = ROOT / "samples"
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "skillmatch",
            "score",
            str(samples / "cvs"),
            "--jd",
            str(samples / "jds" / "python-backend.yaml"),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert cli.returncode == 0, cli.stderr[-3000:]
    rows = [json.loads(line) for line in cli.stdout.splitlines()]
    assert len(rows) == len(list((samples / "cvs").iterdir()))
