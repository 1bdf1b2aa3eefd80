"""PDF ms per page: skillmatch's ``read_document`` next to raw pypdfium2, pdfminer.six and pdftotext.

    nice python bench/pdf_speed.py                 # 200 LiveCareer PDFs (seed 7) + the template CVs
    nice python bench/pdf_speed.py --sample 50 --no-pdfminer
    nice python bench/pdf_speed.py --corpora /path/to/corpora
    nice python bench/pdf_speed.py --all           # read_document over every corpus PDF: errors, time per file

Every reader reads the same files in turn, file by file (not reader by reader), so that the
load other processes put on the machine falls on all of them alike, and each file goes first
to each reader in turn. pdftotext runs as a
subprocess, as an application would call it, and only where poppler is installed. The same
page count (from ``read_document``) divides every reader's time. Without the corpora the
script prints why and exits 0.

Speed without quality means little, so each reader's text is also compared with pdftotext's
("words ≠ pdftotext"): both texts normalised with ``normalize_text``, split into words (runs
of letters and digits, lower-cased), and the words one text has more of than the other counted
both ways, as a share of the words of both. Glued words ("ofthe" for "of the") count three
times: the glued word in one text, both halves in the other.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _corpora  # (bench/ is not a package)

Reader = Callable[[Path], Any]


# Every reader returns its text; read_document also its page count.


def _ours(path: Path) -> tuple[int, str]:
    import skillmatch

    doc = skillmatch.read_document(path)
    return doc.pages or 0, doc.text


def _pypdfium2(path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    texts = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return "\n".join(texts)


def _pdfminer(path: Path) -> str:
    import warnings

    from pdfminer.high_level import extract_text

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text: str = extract_text(path)
    return text


def _pdftotext(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=False)
    return done.stdout.decode("utf-8", "replace")


PDFTOTEXT = "pdftotext (poppler, subprocess)"
_WORD_RE = re.compile(r"\w+")


def words(text: str) -> Counter[str]:
    """The words of ``text`` as the quality measure counts them (normalised, lower-cased)."""
    from skillmatch.normalize import normalize_text

    return Counter(word.lower() for word in _WORD_RE.findall(normalize_text(text)))


def words_differing(text: str, reference: str) -> tuple[int, int]:
    """(words that differ, words in both texts): see the module docstring."""
    mine, theirs = words(text), words(reference)
    return (mine - theirs).total() + (theirs - mine).total(), mine.total() + theirs.total()


def readers(*, pdfminer: bool = True) -> dict[str, Reader]:
    """The readers to compare, by name; pdftotext only where it is installed."""
    found: dict[str, Reader] = {"skillmatch.read_document": _ours, "pypdfium2 (raw text)": _pypdfium2}
    if pdfminer:
        found["pdfminer.six extract_text"] = _pdfminer
    if shutil.which("pdftotext"):
        found[PDFTOTEXT] = _pdftotext
    return found


def run(
    paths: Sequence[Path] | None = None,
    *,
    quick: bool = False,
    pdfminer: bool = True,
    corpus: str | None = None,
) -> list[dict[str, Any]]:
    """Time every reader on ``paths`` (by default a sample of the corpora); one dict per reader.

    Each dict has ``backend``, ``ms_per_page`` (wall), ``cpu_ms_per_page``, ``pages``, ``files``,
    ``errors``, ``median_ms_per_file``, ``ours`` (True for skillmatch), ``corpus`` and
    ``words_differ_pct`` (words that differ from pdftotext's, in %; None for pdftotext itself
    or where it is not installed). Returns ``[]`` when there is nothing to measure.
    """
    if paths is None:
        paths, corpus = default_paths(quick=quick)
    if not paths:
        return []
    return summarize(measure(paths, pdfminer=pdfminer), corpus or "given PDFs")


def measure(paths: Sequence[Path], *, pdfminer: bool = True) -> list[dict[str, Any]]:
    """One record per (file, reader): wall and CPU seconds, pages (from read_document), error, text."""
    chosen = readers(pdfminer=pdfminer)
    # Import everything and warm the caches before timing: read_document imports pdfminer.six
    # for some files only (TeX fonts without a ToUnicode map), which would charge one file.
    import importlib

    for module in ("pdfminer.pdfdocument", "pdfminer.pdfinterp", "pdfminer.pdfpage", "skillmatch.normalize"):
        importlib.import_module(module)
    for reader in chosen.values():
        with contextlib.suppress(Exception):  # a broken first file is counted below, not here
            reader(paths[0])
    records: list[dict[str, Any]] = []
    names = list(chosen)
    for number, path in enumerate(paths):
        pages = 0
        rows = []
        # Each file goes first to a different reader in turn: the first to open a file pays
        # for bringing it (and the parser's data about it) into the caches.
        turn = number % len(names)
        for name in names[turn:] + names[:turn]:
            reader = chosen[name]
            start = time.perf_counter()
            start_cpu = _cpu_seconds()
            error = False
            try:
                result = reader(path)
            except Exception:
                error = True
                result = None
            seconds, cpu = time.perf_counter() - start, _cpu_seconds() - start_cpu
            if reader is _ours and isinstance(result, tuple):
                pages, result = result
            rows.append(
                {
                    "path": path,
                    "backend": name,
                    "ours": reader is _ours,
                    "seconds": seconds,
                    "cpu": cpu,
                    "error": error,
                    "text": result if isinstance(result, str) else None,
                }
            )
        for row in rows:
            row["pages"] = pages
        records.extend(rows)
    return records


def summarize(records: Sequence[dict[str, Any]], corpus: str) -> list[dict[str, Any]]:
    """Per reader: time per page over the records (pages as read_document counts them), and
    the share of words that differ from pdftotext's on the files both read."""
    out = []
    reference = {record["path"]: record["text"] for record in records if record["backend"] == PDFTOTEXT}
    for name in dict.fromkeys(record["backend"] for record in records):
        mine = [record for record in records if record["backend"] == name]
        pages = max(sum(record["pages"] for record in mine), 1)
        out.append(
            {
                "backend": name,
                "ms_per_page": sum(record["seconds"] for record in mine) * 1000 / pages,
                "cpu_ms_per_page": sum(record["cpu"] for record in mine) * 1000 / pages,
                "pages": pages,
                "files": len(mine),
                "errors": sum(record["error"] for record in mine),
                "median_ms_per_file": statistics.median(record["seconds"] for record in mine) * 1000,
                "ours": mine[0]["ours"],
                "corpus": corpus,
                "words_differ_pct": None if name == PDFTOTEXT else _differ_pct(mine, reference),
            }
        )
    return out


def _differ_pct(records: Sequence[dict[str, Any]], reference: dict[Path, str | None]) -> float | None:
    differ = total = 0
    for record in records:
        theirs = reference.get(record["path"])
        if record["text"] is None or theirs is None:
            continue
        counts = words_differing(record["text"], theirs)
        differ += counts[0]
        total += counts[1]
    return 100 * differ / total if total else None


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (pdftotext), user plus system.

    On a machine others share, CPU time compares readers more fairly than wall time.
    """
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def default_paths(
    *, quick: bool = False, sample: int | None = None, seed: int = 7, root: Path | None = None
) -> tuple[list[Path], str]:
    """A fixed-seed sample of the LiveCareer PDFs plus every template CV, or ``[]`` without corpora."""
    root = root or _corpora.corpora_dir()
    if root is None:
        return [], ""
    livecareer = sorted(pdf.path for pdf in _corpora.livecareer_pdfs(root))
    count = sample if sample is not None else (40 if quick else 200)
    chosen = random.Random(seed).sample(livecareer, min(count, len(livecareer)))
    templates = _corpora.template_pdfs(root)
    return [*chosen, *templates], f"{len(chosen)} LiveCareer + {len(templates)} template CVs"


def read_all(paths: Sequence[Path]) -> dict[str, Any]:
    """``read_document`` over every path: typed errors, unhandled exceptions, empty texts, time per file."""
    import skillmatch
    from skillmatch.errors import SkillmatchError

    errors: dict[str, str] = {}
    unhandled: dict[str, str] = {}
    empty: list[str] = []
    seconds: list[float] = []
    pages = 0
    for path in paths:
        start = time.perf_counter()
        try:
            doc = skillmatch.read_document(path)
        except SkillmatchError as exc:
            errors[str(path)] = str(exc)
        except Exception as exc:
            unhandled[str(path)] = f"{type(exc).__name__}: {exc}"
        else:
            pages += doc.pages or 0
            if not doc.text:
                empty.append(str(path))
        seconds.append(time.perf_counter() - start)
    seconds.sort()
    return {
        "files": len(paths),
        "pages": pages,
        "errors": errors,
        "unhandled": unhandled,
        "empty": empty,
        "median_ms": statistics.median(seconds) * 1000 if seconds else 0.0,
        "p95_ms": seconds[int(0.95 * (len(seconds) - 1))] * 1000 if seconds else 0.0,
        "max_ms": seconds[-1] * 1000 if seconds else 0.0,
        "total_s": sum(seconds),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, help="the corpora folder (default: ../shared/corpora)")
    parser.add_argument("--sample", type=int, default=200, help="LiveCareer PDFs to sample (default 200)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-pdfminer", action="store_true", help="skip pdfminer.six (about 25x slower)")
    parser.add_argument("--all", action="store_true", help="read every corpus PDF with read_document alone")
    args = parser.parse_args(argv)
    root = _corpora.require_corpora(args.corpora)
    if args.all:
        everything = [pdf.path for pdf in _corpora.livecareer_pdfs(root)] + _corpora.template_pdfs(root)
        report = read_all(everything)
        counts = [len(report["errors"]), len(report["unhandled"]), len(report["empty"])]
        print(
            f"{report['files']:,} PDFs, {report['pages']:,} pages in {report['total_s']:.1f} s: "
            f"{counts[0]} errors, {counts[1]} unhandled, {counts[2]} without text; per file median "
            f"{report['median_ms']:.1f} ms, p95 {report['p95_ms']:.1f} ms, max {report['max_ms']:.1f} ms"
        )
        for path, message in [*report["errors"].items(), *report["unhandled"].items()]:
            print(f"  {path}: {message}")
        for path in report["empty"]:
            print(f"  no text: {path}")
        return 1 if report["unhandled"] else 0
    paths, corpus = default_paths(sample=args.sample, seed=args.seed, root=root)
    records = measure(paths, pdfminer=not args.no_pdfminer)
    templates = root / "template_cvs"
    groups = {
        corpus: records,
        "LiveCareer (wkhtmltopdf)": [r for r in records if templates not in r["path"].parents],
        "template CVs (LaTeX, Typst, react-pdf)": [r for r in records if templates in r["path"].parents],
    }
    for title, subset in groups.items():
        results = summarize(subset, title)
        print(f"\n{title}: {results[0]['files']} files, {results[0]['pages']} pages")
        print(
            f"{'reader':<34} {'ms/page':>8} {'CPU ms/page':>12} {'median ms/file':>15} {'errors':>7}"
            f" {'words ≠ pdftotext':>18}"
        )
        for row in sorted(results, key=lambda r: r["ms_per_page"]):
            differ = row["words_differ_pct"]
            print(
                f"{row['backend']:<34} {row['ms_per_page']:>8.2f} {row['cpu_ms_per_page']:>12.2f}"
                f" {row['median_ms_per_file']:>15.1f} {row['errors']:>7}"
                f" {'' if differ is None else f'{differ:.3f} %':>18}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
