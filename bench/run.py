"""The one benchmark command: every speed skillmatch claims, measured in one run on this machine.

    python bench/run.py            # full run (a few minutes on 2 cores)
    python bench/run.py --quick    # a short run: fewer texts, PDFs and profiles

Prints, as it goes and then as one Markdown table:

* text CVs/s for ``extract_profile`` vs a bare spaCy ``PhraseMatcher`` pass vs a
  pyahocorasick pass over the same aliases (bench/text_speed.py);
* PDF ms per page for our reader vs poppler's pdftotext (where installed) vs raw pypdfium2
  and pdfminer.six (bench/pdf_speed.py);
* end-to-end files/s for ``screen`` over the LiveCareer PDFs with 1 and 2 workers, and the
  speed-up (bench/screen_speed.py);
* profiles scored per second, and the time for 100,000 against one job (bench/scoring_speed.py);
* the start-up time of ``import skillmatch`` and ``skillmatch --help``;
* peak memory of this process and of its worker processes.

Parts that need ``../shared/corpora`` say so and are skipped when it is absent; the run
still exits 0. Timings on a shared machine are noisy: compare the ratios within one run.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _corpora  # noqa: E402  (bench/ is not a package)

Row = tuple[str, str, str]  # (measure, result, target)


def _section(title: str) -> None:
    print(f"\n== {title} ==", flush=True)


def _skip(rows: list[Row], measure: str, why: str) -> None:
    print(f"skipped: {why}")
    rows.append((measure, f"skipped ({why})", ""))


def text_speed(rows: list[Row], quick: bool) -> None:
    import text_speed

    _section("text: CVs per second")
    texts, what = text_speed.load_texts(None, 100 if quick else None)
    results = text_speed.run(texts, repeat=3 if quick else 5)
    print(f"{len(texts)} {what}")
    for r in results:
        print(f"  {r['pass']:<40} {r['cvs_per_s']:>8.0f} CVs/s  {r['ms_per_cv']:.2f} ms/CV  x{r['vs_bare']:.2f} bare")
    by = {r["pass"].split(" ")[0]: r for r in results}
    ours = by["extract_profile"]
    rows.append(
        (
            f"extract_profile, text CVs/s ({what})",
            f"{ours['cvs_per_s']:,.0f} ({ours['vs_bare']:.2f}× the bare pass)",
            "≥ 1× bare",
        )
    )
    rows.append(("bare spaCy PhraseMatcher pass, CVs/s", f"{by['bare']['cvs_per_s']:,.0f}", ""))
    rows.append(("pyahocorasick pass (ceiling), CVs/s", f"{by['pyahocorasick']['cvs_per_s']:,.0f}", ""))


def pdf_speed(rows: list[Row], quick: bool) -> None:
    import pdf_speed

    _section("PDF: ms per page")
    results = pdf_speed.run(quick=quick)
    if not results:
        _skip(rows, "PDF ms/page", "../shared/corpora not found")
        return
    for r in results:
        print(f"  {r['backend']:<34} {r['ms_per_page']:>7.2f} ms/page  ({r['pages']} pages, {r['errors']} errors)")
    ours = next(r for r in results if r.get("ours"))
    others = {r["backend"]: r for r in results if not r.get("ours")}
    measure = f"read_document, PDF ms/page ({ours['corpus']})"
    rows.append((measure, f"{ours['ms_per_page']:.2f}", "≤ pdftotext"))
    if ours.get("words_differ_pct") is not None:
        rows.append(("read_document, words that differ from pdftotext's", f"{ours['words_differ_pct']:.3f} %", ""))
    for name, r in others.items():
        rows.append((f"{name}, PDF ms/page", f"{r['ms_per_page']:.2f}", ""))


def screen_speed(rows: list[Row], quick: bool) -> None:
    import screen_speed

    _section("screen: LiveCareer PDFs end to end")
    if _corpora.corpora_dir() is None:
        _skip(rows, "screen files/s", "../shared/corpora not found")
        return
    r = screen_speed.run(quick=quick)
    assert r is not None
    for w in (1, 2):
        rate, errors = r[f"w{w}_files_per_s"], r[f"w{w}_errors"]
        print(f"  {w} worker(s): {r[f'w{w}_s']:.1f} s, {rate:.1f} files/s, {errors} errors")
    print(f"  speed-up: {r['speedup']:.2f}×")
    what = f"{r['files']:,} LiveCareer PDFs"
    rows.append((f"screen, 1 worker, files/s ({what})", f"{r['w1_files_per_s']:.1f}", ""))
    rows.append((f"screen, 2 workers, files/s ({what})", f"{r['w2_files_per_s']:.1f}", ""))
    rows.append(("screen speed-up, 1 → 2 workers", f"{r['speedup']:.2f}×", "≥ 1.6×"))
    if r["worker_peak_mib"]:
        rows.append(("peak memory, largest worker process (RSS)", f"{r['worker_peak_mib']:.0f} MiB", ""))


def scoring_speed(rows: list[Row], quick: bool) -> None:
    import scoring_speed

    _section("scoring: stored profiles against one job")
    n = 100_000
    r = scoring_speed.run(n, quick=quick)
    print(f"  {n:,} profiles ({r['source']}): matrix built once in {r['matrix_build_s']:.2f} s")
    print(f"  score_many: {r['score_many_s']:.3f} s ({r['score_many_per_s']:,.0f}/s)")
    print(f"  score() one by one: {r['score_loop_per_s']:,.0f}/s")
    rows.append((f"score_many, {n:,} profiles against one job", f"{r['score_many_s']:.3f} s", "< 1 s"))
    rows.append(("profiles scored per second (score_many)", f"{r['score_many_per_s']:,.0f}", ""))
    rows.append(("profiles scored per second (score() one by one)", f"{r['score_loop_per_s']:,.0f}", ""))


def _median_seconds(cmd: list[str], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def start_up(rows: list[Row], quick: bool) -> None:
    _section("start-up")
    repeat = 3 if quick else 7
    python = _median_seconds([sys.executable, "-c", "pass"], repeat)
    imported = _median_seconds([sys.executable, "-c", "import skillmatch"], repeat)
    script = shutil.which("skillmatch", path=str(Path(sys.executable).parent)) or shutil.which("skillmatch")
    cli = [script, "--help"] if script else [sys.executable, "-m", "skillmatch", "--help"]
    help_s = _median_seconds(cli, repeat)
    print(f"  python -c pass: {python * 1000:.0f} ms")
    print(f"  import skillmatch: {imported * 1000:.0f} ms; skillmatch --help: {help_s * 1000:.0f} ms")
    baseline = f"python alone {python * 1000:.0f} ms"
    rows.append(("`import skillmatch` (wall, incl. interpreter start)", f"{imported * 1000:.0f} ms", baseline))
    rows.append(("`skillmatch --help` (wall)", f"{help_s * 1000:.0f} ms", ""))


def memory(rows: list[Row]) -> None:
    _section("memory")
    # (the workers' peak is sampled during the screen runs: RUSAGE_CHILDREN would count the
    # subprocesses this script forks, whose high-water mark includes this process's pages)
    factor = 1 if platform.system() == "Darwin" else 1024  # ru_maxrss is bytes on macOS, KiB on Linux
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * factor / 2**20
    print(f"  peak RSS of this process (every benchmark, pdfminer included): {own:.0f} MiB")
    rows.append(("peak memory, benchmark process (RSS, all parts)", f"{own:.0f} MiB", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Every skillmatch speed, measured in one run.")
    parser.add_argument("--quick", action="store_true", help="a short run: fewer texts, PDFs and profiles")
    parser.add_argument("--corpora", help="corpora folder (default ../shared/corpora, or $SKILLMATCH_CORPORA)")
    args = parser.parse_args(argv)
    if args.corpora:
        os.environ["SKILLMATCH_CORPORA"] = args.corpora
    import skillmatch

    print(f"skillmatch {skillmatch.__version__}, Python {platform.python_version()}, {os.cpu_count()} cores")
    print(platform.platform())
    if _corpora.corpora_dir() is None:
        print("../shared/corpora not found: corpus parts are skipped (set SKILLMATCH_CORPORA or pass --corpora)")
    rows: list[Row] = []
    parts: list[Callable[[list[Row], bool], None]] = [text_speed, pdf_speed, screen_speed, scoring_speed, start_up]
    started = time.perf_counter()
    for part in parts:
        part(rows, args.quick)
    memory(rows)
    _section(f"summary ({'quick' if args.quick else 'full'} run, {time.perf_counter() - started:.0f} s)")
    print(_markdown(rows))
    return 0


def _markdown(rows: list[Row]) -> str:
    lines = ["| measure | result | target |", "|---|---:|---|"]
    lines += [f"| {m} | {r} | {t} |" for m, r, t in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
