"""Readers for the development corpora in ``../shared/corpora`` (never copied into the repo).

Every benchmark and evaluation script finds the corpora through :func:`corpora_dir`, and
skips cleanly (prints why, exits 0) when they are absent. Set ``SKILLMATCH_CORPORA`` or pass
``--corpora PATH`` to point elsewhere.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpora_dir(path: str | os.PathLike[str] | None = None) -> Path | None:
    """The corpora folder: ``path``, else $SKILLMATCH_CORPORA, else ``../shared/corpora``."""
    for candidate in (path, os.environ.get("SKILLMATCH_CORPORA"), ROOT.parent / "shared" / "corpora"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def require_corpora(path: str | os.PathLike[str] | None = None) -> Path:
    """The corpora folder, or exit 0 with a message saying the benchmark was skipped."""
    found = corpora_dir(path)
    if found is None:
        print("skipped: ../shared/corpora not found (set SKILLMATCH_CORPORA or pass --corpora)")
        sys.exit(0)
    return found


@dataclass(frozen=True)
class Label:
    type: str  # "Tech Tools", "Companies worked at", ...
    text: str
    start: int  # offsets into LabelledDocument.text
    end: int


@dataclass(frozen=True)
class LabelledDocument:
    name: str
    text: str  # the CV text with the XML tags removed
    labels: tuple[Label, ...]

    def of_type(self, type_: str) -> tuple[Label, ...]:
        return tuple(label for label in self.labels if label.type == type_)


def dotin_cvs(root: Path) -> list[LabelledDocument]:
    """The 310 dotin training CVs: plain text plus every inline label with its offsets."""
    folder = root / "resume_ner_dotin" / "545_cvs_train_v2"
    out = []
    for path in sorted(folder.glob("*.xml"), key=lambda p: int(p.stem) if p.stem.isdigit() else 0):
        parts: list[str] = []
        labels: list[Label] = []
        _walk(ET.parse(path).getroot(), parts, labels)
        out.append(LabelledDocument(path.stem, "".join(parts), tuple(labels)))
    return out


def _walk(el: ET.Element, parts: list[str], labels: list[Label]) -> None:
    """Append the element's text to ``parts``, recording each <label> with its offsets."""
    if el.text:
        parts.append(el.text)
    for child in el:
        start = sum(map(len, parts))
        _walk(child, parts, labels)
        if child.tag == "label":
            text = "".join(parts)[start:]
            labels.append(Label(child.get("type", ""), text, start, start + len(text)))
        if child.tail:
            parts.append(child.tail)


@dataclass(frozen=True)
class Posting:
    idx: int
    split: str
    text: str  # sentences joined by newlines
    knowledge: tuple[str, ...]  # gold knowledge spans (mostly tools and technologies)
    skills: tuple[str, ...]  # gold skill spans (mostly soft skills and activities)


def skillspan_postings(root: Path, split: str) -> list[Posting]:
    """SkillSpan postings of one split ("train" or "dev")."""
    path = root / "skillspan" / f"postings_{split}.jsonl"
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out.append(
                Posting(d["idx"], d["split"], "\n".join(d["sentences"]), tuple(d["knowledge"]), tuple(d["skill"]))
            )
    return out


@dataclass(frozen=True)
class LabelledPdf:
    id: str
    category: str  # "INFORMATION-TECHNOLOGY", "CHEF", ...
    path: Path


def livecareer_pdfs(root: Path, categories: set[str] | None = None) -> list[LabelledPdf]:
    """The LiveCareer résumé PDFs with their job category, optionally of some categories only."""
    base = root / "livecareer_pdfs"
    with (base / "labels.csv").open(encoding="utf-8") as fh:
        return [
            LabelledPdf(row["id"], row["category"], base / row["path"])
            for row in csv.DictReader(fh)
            if categories is None or row["category"] in categories
        ]


def template_pdfs(root: Path) -> list[Path]:
    """Every PDF under template_cvs/ (LaTeX, Typst and react-pdf producers)."""
    return sorted((root / "template_cvs").rglob("*.pdf"))


@dataclass(frozen=True)
class GooglePosting:
    title: str
    category: str
    responsibilities: str
    minimum: str
    preferred: str

    @property
    def text(self) -> str:
        return (
            f"{self.title}\n\nResponsibilities\n{self.responsibilities}\n\n"
            f"Minimum qualifications\n{self.minimum}\n\nPreferred qualifications\n{self.preferred}\n"
        )


def google_postings(root: Path) -> list[GooglePosting]:
    path = root / "job_descriptions" / "google_job_skills" / "job_skills.csv"
    with path.open(encoding="utf-8") as fh:
        return [
            GooglePosting(
                r["Title"],
                r["Category"],
                r["Responsibilities"],
                r["Minimum Qualifications"],
                r["Preferred Qualifications"],
            )
            for r in csv.DictReader(fh, delimiter=";")
        ]


def iter_corpus_texts(root: Path, limit: int | None = None) -> Iterator[str]:
    """Real CV texts for speed benchmarks: the dotin CVs (already text)."""
    for i, doc in enumerate(dotin_cvs(root)):
        if limit is not None and i >= limit:
            return
        yield doc.text
