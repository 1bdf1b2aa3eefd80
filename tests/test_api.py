"""screen / screen_frame: one row per input whatever happens, the same scores however it runs."""

from __future__ import annotations

import ctypes
import io
import json
import math
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import skillmatch as sm
from skillmatch.api import COLUMNS, FRAME_COLUMNS, expand_paths
from skillmatch.models import Document, Job
from skillmatch.scoring import score_many

AS_OF = date(2024, 6, 1)
GOOD = ("senior-python-backend.pdf", "career-changer.txt", "junior-graduate.md", "head-chef.pdf")


@pytest.fixture(scope="module")
def job(samples_dir: Path) -> Job:
    return sm.load_job(samples_dir / "jds" / "python-backend.yaml")


def _same_scores(a: pd.DataFrame, b: pd.DataFrame) -> None:
    """The rows of two screens agree on everything but the time they took."""
    pd.testing.assert_frame_equal(a.drop(columns="seconds"), b.drop(columns="seconds"))


# -- hostile inputs, generated here (no binaries in the repository) -----------------------


def _zip_bomb_docx(path: Path, unpacked_mb: int) -> None:
    """A DOCX whose document.xml inflates from a few hundred KB to ``unpacked_mb`` MB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>')
            chunk = b" " * (1024 * 1024)
            for _ in range(unpacked_mb):
                fh.write(chunk)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")


def _encrypted_pdf(source: Path, path: Path) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(source) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="secret", owner="owner"))


def _hostile_dir(tmp_path: Path, samples_dir: Path) -> dict[str, Path]:
    d = tmp_path / "hostile"
    d.mkdir()
    files = {
        "empty": d / "empty.txt",
        "garbage": d / "garbage.pdf",
        "truncated": d / "truncated.pdf",
        "renamed": d / "word-named.pdf",
        "encrypted": d / "encrypted.pdf",
        "bomb": d / "bomb.docx",
        "missing": d / "does-not-exist.pdf",
    }
    files["empty"].write_bytes(b"")
    files["garbage"].write_bytes(os.urandom(4096))
    pdf = (samples_dir / "cvs" / "senior-python-backend.pdf").read_bytes()
    files["truncated"].write_bytes(pdf[: len(pdf) // 3])
    files["renamed"].write_bytes(b"PK\x03\x04" + os.urandom(500))  # a broken ZIP under a .pdf name
    _encrypted_pdf(samples_dir / "cvs" / "head-chef.pdf", files["encrypted"])
    _zip_bomb_docx(files["bomb"], unpacked_mb=150)
    return files


# -- inputs --------------------------------------------------------------------------------


def test_directories_expand_recursively_in_sorted_order_skipping_hidden_and_unsupported(tmp_path: Path) -> None:
    for name in ("b.pdf", "a.TXT", "sub/c.docx", "sub/deeper/d.md", ".hidden.pdf", ".git/e.pdf", "notes.xyz"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "empty").mkdir()
    listed = expand_paths([tmp_path, tmp_path / "notes.xyz", tmp_path / "nope.pdf"])
    rel = [(os.path.relpath(s, tmp_path), t, bool(p)) for s, t, p in listed]
    assert rel == [
        ("a.TXT", None, False),
        ("b.pdf", None, False),
        (os.path.join("sub", "c.docx"), None, False),
        (os.path.join("sub", "deeper", "d.md"), None, False),
        ("notes.xyz", None, False),  # named explicitly: kept, the reader looks at its bytes
        ("nope.pdf", "FileNotFoundError", True),
    ]
    assert expand_paths(tmp_path / "empty") == [
        (str(tmp_path / "empty"), "UnsupportedFormatError", "no supported files in this directory")
    ]
    assert expand_paths(str(tmp_path / "b.pdf")) == [(str(tmp_path / "b.pdf"), None, None)]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any directory")
def test_an_unreadable_directory_is_a_row(tmp_path: Path, job: Job) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "cv.txt").write_text("Python")
    locked.chmod(0)
    try:
        df = sm.screen(locked, job, workers=1, as_of=AS_OF)
    finally:
        locked.chmod(0o755)
    assert df["status"].tolist() == ["error"]
    assert df.loc[0, "error_type"] == "PermissionError"


def test_job_may_be_a_job_or_a_path_but_a_str_is_never_job_text(samples_dir: Path, tmp_path: Path) -> None:
    cv = samples_dir / "cvs" / "career-changer.txt"
    jd = samples_dir / "jds" / "python-backend.yaml"
    by_path = sm.screen(cv, str(jd), workers=1, as_of=AS_OF)
    by_job = sm.screen(cv, sm.load_job(jd), workers=1, as_of=AS_OF)
    assert by_path["score"].tolist() == by_job["score"].tolist()
    with pytest.raises(sm.JobError, match="parse_job"):
        sm.screen(cv, "We need:\n- Python\n- Docker", workers=1)
    with pytest.raises(sm.JobError, match="no such job file"):
        sm.screen(cv, tmp_path / "missing.yaml", workers=1)
    with pytest.raises(TypeError, match="Job or a path"):
        sm.screen(cv, 42, workers=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least 1"):
        sm.screen(cv, jd, workers=0)


# -- the frame --------------------------------------------------------------------------------


def test_screen_gives_one_row_per_sample_best_first(samples_dir: Path, job: Job) -> None:
    df = sm.screen(samples_dir / "cvs", job, workers=1, as_of=AS_OF)
    expected = sorted(str(p) for p in (samples_dir / "cvs").iterdir())
    assert sorted(df["source"]) == expected
    assert tuple(df.columns) == COLUMNS
    assert list(df.index) == list(range(len(df)))
    assert df["status"].tolist() == ["ok"] * len(df), df.loc[df["status"] != "ok", ["source", "error"]]
    scores = df["score"].tolist()
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)
    best = df.iloc[0]
    assert Path(best["source"]).name == "senior-python-backend.pdf"
    assert isinstance(best["match"], sm.Match)
    assert best["match"].score == best["score"]
    assert best["error"] is None
    assert best["error_type"] is None
    chef = df[df["source"].str.endswith("head-chef.pdf")].iloc[0]
    assert chef["score"] < best["score"]
    assert isinstance(chef["missing"], str)
    assert chef["missing"] != ""
    assert df["kind"].notna().all()
    pdf_rows = df[df["source"].str.endswith(".pdf")]
    assert (pdf_rows["pages"] >= 1).all()


def test_matched_partial_and_missing_name_every_requirement(samples_dir: Path, job: Job) -> None:
    df = sm.screen(samples_dir / "cvs" / "junior-graduate.md", job, workers=1, as_of=AS_OF)
    row = df.iloc[0]
    named = [part for col in ("matched", "partial", "missing") for part in row[col].split("; ") if part]
    assert len(named) == len(row["match"].results)  # the job's requirements, and its overall years if any
    assert len(named) >= len(job.requirements)
    assert len(row["match"].matched) == len([p for p in row["matched"].split("; ") if p])


def test_workers_do_not_change_the_result(samples_dir: Path, job: Job) -> None:
    one = sm.screen(samples_dir / "cvs", job, workers=1, as_of=AS_OF)
    two = sm.screen(samples_dir / "cvs", job, workers=2, as_of=AS_OF)
    _same_scores(one, two)


def test_no_inputs_give_an_empty_frame_with_the_columns(job: Job) -> None:
    df = sm.screen([], job)
    assert df.empty
    assert tuple(df.columns) == COLUMNS


def test_progress_draws_nothing_when_stderr_is_not_a_terminal(
    samples_dir: Path, job: Job, capsys: pytest.CaptureFixture[str]
) -> None:
    sm.screen(samples_dir / "cvs", job, workers=1, progress=True, as_of=AS_OF)
    assert capsys.readouterr() == ("", "")


# -- batches that lose nothing -------------------------------------------------------------


@pytest.mark.slow
def test_hostile_files_cost_only_their_own_rows(tmp_path: Path, samples_dir: Path, job: Job) -> None:
    hostile = _hostile_dir(tmp_path, samples_dir)
    good = [samples_dir / "cvs" / name for name in GOOD]
    alone = sm.screen(good, job, workers=1, as_of=AS_OF)
    inputs: list[Path] = []
    for bad, cv in zip(hostile.values(), [*good, *good], strict=False):
        inputs += [bad, cv]
    inputs += [tmp_path / "hostile"]  # the directory again: its files once more
    df = sm.screen(inputs, job, workers=2, as_of=AS_OF)
    n_dir = len([p for p in hostile.values() if p.exists()])
    assert len(df) == len(inputs) - 1 + n_dir
    errors = df[df["status"] == "error"]
    assert set(errors["source"]) == {str(p) for p in hostile.values()}
    assert errors["score"].isna().all()
    assert errors["error"].map(lambda e: isinstance(e, str) and e != "").all()
    assert errors["error_type"].notna().all()
    by_name = dict(zip(errors["source"].map(lambda s: Path(s).name), errors["error_type"], strict=False))
    assert by_name["does-not-exist.pdf"] == "FileNotFoundError"
    assert by_name["encrypted.pdf"] == "EncryptedDocumentError"
    assert by_name["bomb.docx"] == "LimitExceededError"
    ok = df[df["status"] == "ok"]
    assert df["status"].tolist() == ["ok"] * len(ok) + ["error"] * len(errors), "errors come last"
    for _, row in ok.iterrows():
        twin = alone[alone["source"] == row["source"]].iloc[0]
        assert row["score"] == twin["score"]
        assert row["match"] == twin["match"]


def _hanging_reader(source: str, **kwargs: Any) -> Document:
    """A reader that gets stuck inside C code (libc sleep) on files named hang*."""
    if Path(source).name.startswith("hang"):
        ctypes.CDLL(None).sleep(120)
    if Path(source).name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    doc: Document = sm.read_document(source, **kwargs)
    return doc


@pytest.mark.slow
def test_a_parser_stuck_in_c_is_stopped_at_the_time_budget(tmp_path: Path, samples_dir: Path, job: Job) -> None:
    cvs = [samples_dir / "cvs" / name for name in GOOD]
    for name in ("hang.txt", "crash.txt"):
        shutil.copy(cvs[1], tmp_path / name)
    inputs = [cvs[0], tmp_path / "hang.txt", cvs[1], tmp_path / "crash.txt", cvs[2], cvs[3]]
    start = time.monotonic()
    df = sm.screen(inputs, job, workers=2, limits=sm.Limits(timeout=2.0), reader=_hanging_reader, as_of=AS_OF)
    assert time.monotonic() - start < 60
    assert len(df) == len(inputs)
    rows = {Path(s).name: row for s, (_, row) in zip(df["source"], df.iterrows(), strict=True)}
    assert rows["hang.txt"]["error_type"] == "DocumentTimeoutError"
    assert "time budget of 2 s" in rows["hang.txt"]["error"]
    assert rows["crash.txt"]["error_type"] == "WorkerCrashError"
    assert "SIGSEGV" in rows["crash.txt"]["error"]
    assert all(rows[Path(p).name]["status"] == "ok" for p in cvs)


def _screen_in_a_daemon(paths: list[Path], jd: Path, queue: Any) -> None:
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = sm.screen(paths, jd, workers=2, as_of=AS_OF)
    queue.put((df["source"].tolist(), df["score"].tolist(), [str(w.message) for w in caught]))


@pytest.mark.slow
def test_in_a_daemon_process_screen_reads_in_process_and_says_so(samples_dir: Path, job: Job) -> None:
    paths = [samples_dir / "cvs" / name for name in GOOD]
    jd = samples_dir / "jds" / "python-backend.yaml"
    ctx = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
    queue = ctx.Queue()
    daemon = ctx.Process(target=_screen_in_a_daemon, args=(paths, jd, queue), daemon=True)  # type: ignore[attr-defined]
    daemon.start()
    sources, scores, warned = queue.get(timeout=300)
    daemon.join(10)
    expected = sm.screen(paths, job, workers=1, as_of=AS_OF)
    assert sources == expected["source"].tolist()
    assert scores == expected["score"].tolist()
    assert any("cannot start worker processes" in w for w in warned)


def _permission_reader(source: str, **kwargs: Any) -> Document:
    raise PermissionError(13, "Permission denied", source)


def test_os_errors_from_the_reader_are_rows(samples_dir: Path, job: Job) -> None:
    df = sm.screen(samples_dir / "cvs" / "career-changer.txt", job, workers=1, reader=_permission_reader)
    assert (df.loc[0, "status"], df.loc[0, "error_type"], df.loc[0, "error"]) == (
        "error",
        "PermissionError",
        "Permission denied",
    )


_MEMORY_CAP_SCRIPT = """
import json, resource, sys
from datetime import date
cap = 3 * 1024**3
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
import skillmatch as sm
df = sm.screen(sys.argv[2:], sys.argv[1], workers=2, as_of=date(2024, 6, 1))
usage = [resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
print(json.dumps({"rows": df[["source", "status", "error_type", "score"]].to_dict("records"), "maxrss_kb": usage}))
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS caps memory on Linux")
def test_a_hostile_batch_finishes_under_a_3_gb_memory_cap(tmp_path: Path, samples_dir: Path, job: Job) -> None:
    hostile = _hostile_dir(tmp_path, samples_dir)
    bomb_pdf = tmp_path / "hostile" / "inflates.pdf"
    _pdf_decompression_bomb(bomb_pdf, unpacked_mb=400)
    good = [samples_dir / "cvs" / name for name in GOOD]
    inputs = [str(p) for p in [*hostile.values(), bomb_pdf, *good]]
    jd = str(samples_dir / "jds" / "python-backend.yaml")
    proc = subprocess.run(
        [sys.executable, "-c", _MEMORY_CAP_SCRIPT, jd, *inputs], capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout)
    rows = {r["source"]: r for r in out["rows"]}
    assert set(rows) == set(inputs)
    alone = sm.screen(good, job, workers=1, as_of=AS_OF)
    for source, score in zip(alone["source"], alone["score"], strict=True):
        assert rows[source]["status"] == "ok"
        assert rows[source]["score"] == score
    assert all(rows[str(p)]["status"] == "error" for p in hostile.values())
    assert max(out["maxrss_kb"]) < 3 * 1024 * 1024


def _pdf_decompression_bomb(path: Path, unpacked_mb: int) -> None:
    """A one-page PDF whose content stream inflates from under a MB to ``unpacked_mb`` MB."""
    import zlib

    comp = zlib.compressobj(9)
    parts = [comp.compress(b"BT /F1 12 Tf 72 720 Td (Python) Tj ET\n")]
    block = b"q Q " * (256 * 1024)  # 1 MB of no-op operators
    parts.extend(comp.compress(block) for _ in range(unpacked_mb))
    parts.append(comp.flush())
    stream = b"".join(parts)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",  # noqa: E501
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    path.write_bytes(out.getvalue())


# -- profiles kept, stored and scored again ----------------------------------------------------


def test_stored_profiles_score_the_same_later(samples_dir: Path, job: Job, tmp_path: Path) -> None:
    df = sm.screen(samples_dir / "cvs", job, workers=1, as_of=AS_OF, keep_profiles=True)
    assert "profile" in df.columns
    assert all(isinstance(p, sm.Profile) for p in df["profile"])
    stored = sm.profiles_to_frame(df["profile"])
    assert list(stored.columns) == ["source", "skills", "total_months", "profile"]
    path = tmp_path / "profiles.csv"
    stored.to_csv(path, index=False)
    again = sm.profiles_from_frame(pd.read_csv(path, dtype={"profile": object}))
    assert again == list(df["profile"])
    assert [sm.score(p, job).score for p in again] == df["score"].tolist()
    assert score_many(again, job) == df["score"].tolist()


def test_a_frame_that_is_not_profiles_is_a_typed_error() -> None:
    with pytest.raises(sm.ProfileError):
        sm.profiles_from_frame(pd.DataFrame({"profile": ['{"schema": "other/1"}']}))
    with pytest.raises(KeyError, match="no column 'profile'"):
        sm.profiles_from_frame(pd.DataFrame({"x": [1]}))


# -- screen_frame -----------------------------------------------------------------------------------


def test_screen_frame_adds_columns_and_keeps_index_and_order(samples_dir: Path, job: Job) -> None:
    texts = {name: (samples_dir / "cvs" / name).read_text(encoding="utf-8") for name in GOOD[1:3]}
    frame = pd.DataFrame(
        {"cv": [texts[GOOD[1]], None, texts[GOOD[2]], math.nan], "candidate": ["a", "b", "c", "d"]},
        index=[10, 20, 30, 40],
    )
    out = sm.screen_frame(frame, job, text_column="cv", as_of=AS_OF)
    assert list(out.index) == [10, 20, 30, 40]
    assert list(out.columns) == ["cv", "candidate", *FRAME_COLUMNS]
    assert "score" not in frame.columns, "the caller's frame is not modified"
    assert out["status"].tolist() == ["ok", "error", "ok", "error"]
    assert out.loc[20, "error_type"] == "TypeError"
    assert math.isnan(out["score"][20])
    assert out.loc[40, "error_type"] == "TypeError"
    # the same texts read from their files score the same
    files = sm.screen([samples_dir / "cvs" / n for n in GOOD[1:3]], job, workers=1, as_of=AS_OF)
    by_file = dict(zip(files["source"].map(lambda s: Path(s).name), files["score"], strict=True))
    assert out.loc[10, "score"] == by_file[GOOD[1]]
    assert out.loc[30, "score"] == by_file[GOOD[2]]
    from_file = files[files["source"].str.endswith(GOOD[1])]["match"].tolist()[0]
    assert out["match"][10].results == from_file.results


def test_screen_frame_on_an_empty_frame_gives_the_dtypes_dask_needs(job: Job) -> None:
    out = sm.screen_frame(pd.DataFrame({"text": pd.Series([], dtype=object)}), job)
    assert out.empty
    assert out["score"].dtype == "float64"
    assert out["years"].dtype == "float64"
    assert out["status"].dtype == object


def test_screen_frame_needs_its_text_column(job: Job) -> None:
    with pytest.raises(KeyError, match="no column 'text'"):
        sm.screen_frame(pd.DataFrame({"cv": ["Python"]}), job)


def test_readme_example_in_a_fresh_interpreter(samples_dir: Path, tmp_path: Path) -> None:
    """The notebook example of the README, as written, from another directory."""
    code = textwrap.dedent(
        f"""
        import skillmatch as sm
        df = sm.screen({str(samples_dir / "cvs")!r}, {str(samples_dir / "jds" / "python-backend.yaml")!r})
        print(len(df), df["status"].eq("ok").sum(), df.columns.tolist()[:4])
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    n = len(list((samples_dir / "cvs").iterdir()))
    assert proc.stdout.split()[:2] == [str(n), str(n)]


def test_a_script_without_a_main_guard_still_gets_every_row(tmp_path: Path, samples_dir: Path) -> None:
    # Worker processes start from a fork server that re-imports the calling script; without
    # an ``if __name__ == "__main__":`` guard none can start, and screen reads in-process.
    cv = samples_dir / "cvs" / "career-changer.txt"
    cv2 = samples_dir / "cvs" / "nodejs-typos.md"
    jd = samples_dir / "jds" / "python-backend.yaml"
    script = tmp_path / "unguarded.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import skillmatch as sm
            df = sm.screen([{str(cv)!r}, {str(cv2)!r}, {str(tmp_path / "missing.pdf")!r}], {str(jd)!r}, workers=2)
            print("ROWS", df["status"].tolist())
            """
        ),
        encoding="utf-8",
    )
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "ROWS ['ok', 'ok', 'error']" in proc.stdout
    assert 'needs an `if __name__ == "__main__":` guard' in proc.stderr
