"""Mutate the sample PDFs and DOCX files and report any exception that is not a SkillmatchError.

    nice python bench/fuzz_documents.py --count 10000          # the target: 0 unhandled
    python bench/fuzz_documents.py --count 200 --seed 3 --save /tmp/fuzz-failures

Each mutation is one of: flip random bytes, truncate, duplicate a chunk, delete a chunk, splice
in bytes from elsewhere in the file, or zero a run, chosen and placed by ``random.Random(seed,
index)``, so a failure is reproduced by its seed and index alone. The seed files are
``samples/cvs/*.pdf`` and ``*.docx``; where there are none (a fresh checkout being written),
small PDFs and DOCX files are generated with fpdf2 and python-docx (development tools).
Besides unhandled exceptions the report lists the slowest inputs, since an input that makes a
parser loop is as bad as one that crashes it.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTATIONS = ("flip", "truncate", "duplicate", "delete", "splice", "zero", "inner")
_BYTE_MUTATIONS = MUTATIONS[:-1]


@dataclass
class Failure:
    seed_file: str
    index: int
    mutation: str
    error: str
    trace: str


@dataclass
class FuzzReport:
    count: int = 0
    handled: Counter[str] = field(default_factory=Counter)  # typed errors by class name
    ok: int = 0
    failures: list[Failure] = field(default_factory=list)
    slowest: list[tuple[float, str, int, str]] = field(default_factory=list)  # (seconds, file, index, mutation)
    seconds: float = 0.0

    @property
    def unhandled(self) -> int:
        return len(self.failures)


def seed_documents(samples: Path | None = None) -> list[tuple[str, bytes]]:
    """The files to mutate: sample CVs (PDF and DOCX), else generated ones."""
    folder = samples or ROOT / "samples" / "cvs"
    found = sorted([*folder.glob("*.pdf"), *folder.glob("*.docx")]) if folder.is_dir() else []
    if found:
        return [(path.name, path.read_bytes()) for path in found]
    return generated_documents()


def generated_documents() -> list[tuple[str, bytes]]:
    """A one-page and a two-page PDF and a DOCX with a table, header and list."""
    from docx import Document as WordDocument
    from fpdf import FPDF

    pdfs = []
    for pages in (1, 2):
        pdf = FPDF()
        pdf.set_font("Helvetica", size=11)
        for page in range(pages):
            pdf.add_page()
            pdf.multi_cell(
                0,
                6,
                f"Jane Doe, page {page + 1}\nExperience\nBackend engineer, Acme (2019 - present)\n"
                "- Built REST APIs in Python and Go on PostgreSQL and Redis, deployed with Docker and "
                "Kubernetes on AWS.\nSkills\nPython, Go, SQL, Kafka, Terraform",
            )
        pdfs.append((f"generated-{pages}-page.pdf", bytes(pdf.output())))
    word = WordDocument()
    word.sections[0].header.paragraphs[0].text = "Jane Doe - jane@example.com"
    word.add_heading("Experience", level=1)
    word.add_paragraph("Built services in Python and Go", style="List Bullet")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Python"
    table.cell(0, 1).text = "6 years"
    table.cell(1, 0).text = "Kubernetes"
    table.cell(1, 1).text = "3 years"
    buffer = io.BytesIO()
    word.save(buffer)
    return [*pdfs, ("generated.docx", buffer.getvalue())]


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One random mutation of ``data`` and its name.

    "inner" mutates what the parsers see after decompression: a member of a DOCX (re-zipped,
    so the XML parser gets damaged XML rather than a CRC error) or a Flate stream of a PDF
    (re-compressed in place).
    """
    kind = rng.choice(MUTATIONS)
    if kind == "inner":
        inner = _mutate_inner(data, rng)
        if inner is not None:
            return inner, kind
        kind = rng.choice(_BYTE_MUTATIONS)
    return _mutate_bytes(data, rng, kind), kind


def _mutate_inner(data: bytes, rng: random.Random) -> bytes | None:
    if data.startswith(b"PK"):
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as source:
                members = [(info.filename, source.read(info.filename)) for info in source.infolist()]
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        target = rng.randrange(len(members))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for number, (name, body) in enumerate(members):
                if number == target and body:
                    body = _mutate_bytes(body, rng, rng.choice(_BYTE_MUTATIONS))
                archive.writestr(name, body)
        return out.getvalue()
    if data.startswith(b"%PDF"):
        import re
        import zlib

        starts = [m.end() for m in re.finditer(rb"stream\r?\n", data)]
        rng.shuffle(starts)
        for start in starts[:5]:
            inflater = zlib.decompressobj()
            try:
                body = inflater.decompress(data[start:], 1 << 22)
            except zlib.error:
                continue
            if not body:
                continue
            end = len(data) - len(inflater.unused_data) if inflater.eof else start
            if end <= start:
                continue
            mutated = zlib.compress(_mutate_bytes(body, rng, rng.choice(_BYTE_MUTATIONS)))
            return data[:start] + mutated + data[end:]
    return None


def _mutate_bytes(data: bytes, rng: random.Random, kind: str) -> bytes:
    size = len(data)
    buf = bytearray(data)
    if kind == "flip":
        for _ in range(rng.randint(1, 16)):
            buf[rng.randrange(size)] = rng.randrange(256)
    elif kind == "truncate":
        del buf[rng.randrange(size) :]
    elif kind == "duplicate":
        start = rng.randrange(size)
        chunk = buf[start : start + rng.randint(1, 4096)]
        at = rng.randrange(size)
        buf[at:at] = chunk * rng.randint(1, 4)
    elif kind == "delete":
        start = rng.randrange(size)
        del buf[start : start + rng.randint(1, 4096)]
    elif kind == "splice":
        start = rng.randrange(size)
        chunk = bytes(buf[start : start + rng.randint(1, 512)])
        at = rng.randrange(size)
        buf[at : at + len(chunk)] = chunk
    else:  # zero
        start = rng.randrange(size)
        buf[start : start + rng.randint(1, 1024)] = bytes(min(size - start, 1024))[: rng.randint(1, 1024)]
    return bytes(buf)


def fuzz(
    count: int,
    *,
    seed: int = 0,
    documents: Sequence[tuple[str, bytes]] | None = None,
    save: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> FuzzReport:
    """Read ``count`` mutated documents; every exception that is not a SkillmatchError is a failure."""
    import skillmatch
    from skillmatch.errors import SkillmatchError

    documents = list(documents) if documents is not None else seed_documents()
    report = FuzzReport()
    started = time.perf_counter()
    for index in range(count):
        rng = random.Random(f"{seed}:{index}")
        name, original = documents[index % len(documents)]
        data, kind = mutate(original, rng)
        start = time.perf_counter()
        try:
            skillmatch.read_document(data)
            report.ok += 1
        except SkillmatchError as exc:
            report.handled[type(exc).__name__] += 1
        except Exception as exc:
            report.failures.append(Failure(name, index, kind, f"{type(exc).__name__}: {exc}", traceback.format_exc()))
            if save is not None:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"{seed}-{index}-{kind}-{name}").write_bytes(data)
        elapsed = time.perf_counter() - start
        report.slowest.append((elapsed, name, index, kind))
        report.slowest = sorted(report.slowest, reverse=True)[:5]
        report.count += 1
        if progress is not None:
            progress(index)
    report.seconds = time.perf_counter() - started
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000, help="mutations to read (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--samples", type=Path, help="folder of seed PDFs/DOCX (default samples/cvs)")
    parser.add_argument("--save", type=Path, help="write inputs that fail here")
    args = parser.parse_args(argv)
    documents = seed_documents(args.samples)

    def progress(index: int) -> None:
        if (index + 1) % 1000 == 0:
            print(f"  {index + 1:,} mutations read", file=sys.stderr)

    report = fuzz(args.count, seed=args.seed, documents=documents, save=args.save, progress=progress)
    print(f"seed files: {', '.join(name for name, _ in documents)}")
    print(
        f"{report.count:,} mutations in {report.seconds:.1f} s: {report.ok:,} read, "
        f"{sum(report.handled.values()):,} typed errors {dict(report.handled)}, {report.unhandled} unhandled"
    )
    for seconds, name, index, kind in report.slowest:
        print(f"  slowest: {seconds * 1000:.0f} ms  {name} #{index} ({kind})")
    for failure in report.failures[:20]:
        print(f"UNHANDLED {failure.seed_file} #{failure.index} ({failure.mutation}): {failure.error}")
        print(failure.trace)
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
