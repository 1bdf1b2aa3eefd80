"""Build the sample PDF and DOCX CVs from their Markdown sources in ``samples/src/``.

The generated files are committed, so nobody needs to run this to use the samples; run it
after editing a source (it needs the dev extra: fpdf2 and python-docx)::

    python samples/build_samples.py            # rebuild every PDF/DOCX sample
    python samples/build_samples.py --check    # rebuild in memory, fail if a committed file differs

A source is Markdown with a small front matter::

    ---
    output: senior-python-backend.pdf      # file name in samples/cvs/ (.pdf or .docx)
    layout: single                         # single | two-column (PDF) | table (DOCX)
    sidebar: [Contact, Skills]             # sections that go in the side column
    header: "text"                          # DOCX page header (optional)
    footer: "text"                          # DOCX page footer (optional)
    ---
    # Name
    Headline and contact lines (everything before the first "##")
    ## Section heading
    ### Role or project line (bold)
    A plain line is a paragraph; "- " starts a bullet.

The builds are deterministic (fixed creation dates, no random ids), so ``--check`` can tell
whether a committed file is stale.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "cvs"
# A fixed timestamp keeps rebuilt files byte-identical.
BUILD_TIME = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


@dataclass
class Block:
    """One line of a section: a paragraph, a bullet or a bold sub-heading."""

    kind: str  # "para" | "bullet" | "sub"
    text: str


@dataclass
class CvSection:
    heading: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class CvSource:
    path: Path
    meta: dict[str, Any]
    name: str
    header_lines: list[str]
    sections: list[CvSection]

    @property
    def output(self) -> str:
        return str(self.meta["output"])

    @property
    def layout(self) -> str:
        return str(self.meta.get("layout", "single"))

    @property
    def sidebar_names(self) -> set[str]:
        return {str(name) for name in self.meta.get("sidebar", [])}

    def split(self) -> tuple[list[CvSection], list[CvSection]]:
        """(sidebar sections, main sections) in source order."""
        side = [s for s in self.sections if s.heading in self.sidebar_names]
        main = [s for s in self.sections if s.heading not in self.sidebar_names]
        return side, main


def parse_source(path: Path) -> CvSource:
    """Read one Markdown source with its front matter."""
    raw = path.read_text(encoding="utf-8")
    if not raw.startswith("---\n"):
        raise SystemExit(f"{path}: missing front matter")
    front, body = raw[4:].split("\n---\n", 1)
    meta = yaml.safe_load(front)
    name = ""
    header: list[str] = []
    sections: list[CvSection] = []
    for line in body.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("## "):
            sections.append(CvSection(stripped[3:].strip()))
        elif stripped.startswith("# "):
            name = stripped[2:].strip()
        elif not sections:
            header.append(stripped)
        elif stripped.startswith("### "):
            sections[-1].blocks.append(Block("sub", stripped[4:].strip()))
        elif stripped.startswith("- "):
            sections[-1].blocks.append(Block("bullet", stripped[2:].strip()))
        else:
            sections[-1].blocks.append(Block("para", stripped))
    return CvSource(path, meta, name, header, sections)


# -- PDF (fpdf2) -----------------------------------------------------------------------------


def build_pdf(cv: CvSource) -> bytes:
    """Render a CV to PDF with a core font; two-column CVs place each column explicitly."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    # Core fonts with cp1252 cover the en dash, bullets and curly quotes CVs use.
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_creation_date(BUILD_TIME)
    pdf.set_title(f"CV - {cv.name}")
    pdf.set_author(cv.name)
    pdf.set_creator("skillmatch samples/build_samples.py")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    if cv.layout == "two-column":
        _pdf_two_column(pdf, cv)
    else:
        _pdf_single(pdf, cv)
    return bytes(pdf.output())


def _pdf_single(pdf: Any, cv: CvSource) -> None:
    pdf.set_margins(18, 16, 18)
    pdf.set_xy(18, 16)
    pdf.set_font("helvetica", "B", 18)
    pdf.cell(0, 9, cv.name, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)
    for line in cv.header_lines:
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for section in cv.sections:
        _pdf_section(pdf, section, width=0)


def _pdf_section(pdf: Any, section: CvSection, *, width: float, small: bool = False) -> None:
    size = 9 if small else 10
    pdf.ln(2)
    pdf.set_font("helvetica", "B", size + 2)
    pdf.set_text_color(30, 60, 110)
    pdf.multi_cell(width, 6, section.heading.upper(), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    x0 = pdf.l_margin
    line_end = pdf.w - pdf.r_margin if width == 0 else x0 + width
    pdf.set_draw_color(30, 60, 110)
    pdf.line(x0, pdf.get_y(), line_end, pdf.get_y())
    pdf.ln(1.5)
    for block in section.blocks:
        if block.kind == "sub":
            pdf.ln(1)
            pdf.set_font("helvetica", "B", size)
            pdf.multi_cell(width, 5, block.text, new_x="LMARGIN", new_y="NEXT")
        elif block.kind == "bullet":
            pdf.set_font("helvetica", "", size)
            indent = 4
            pdf.set_x(x0)
            pdf.cell(indent, 5, "•")
            inner = (line_end - x0) - indent
            pdf.multi_cell(inner, 5, block.text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("helvetica", "", size)
            pdf.multi_cell(width, 5, block.text, new_x="LMARGIN", new_y="NEXT")


def _pdf_two_column(pdf: Any, cv: CvSource) -> None:
    side, main = cv.split()
    side_x, side_w = 10.0, 58.0
    main_x = side_x + side_w + 8
    main_w = pdf.w - main_x - 12
    # The sidebar: a shaded band, the name, then its sections, written first (as LaTeX
    # sidebar templates do), each line placed at an explicit x.
    pdf.set_fill_color(235, 240, 247)
    pdf.rect(0, 0, side_x + side_w + 3, pdf.h, style="F")
    pdf.set_margins(side_x, 14, pdf.w - side_x - side_w)
    pdf.set_xy(side_x, 14)
    pdf.set_font("helvetica", "B", 16)
    pdf.multi_cell(side_w, 7, cv.name, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 9)
    for line in cv.header_lines:
        pdf.multi_cell(side_w, 4.5, line, new_x="LMARGIN", new_y="NEXT")
    for section in side:
        _pdf_section(pdf, section, width=side_w, small=True)
    if pdf.page != 1:
        raise SystemExit(f"{cv.path}: the sidebar does not fit on page 1")
    # The main column starts again at the top of page 1.
    pdf.set_margins(main_x, 14, 12)
    pdf.set_xy(main_x, 14)
    for section in main:
        _pdf_section(pdf, section, width=main_w)


# -- DOCX (python-docx) ----------------------------------------------------------------------


def build_docx(cv: CvSource) -> bytes:
    """Render a CV to DOCX: headings, bullets, an optional two-cell table, header and footer."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    props = document.core_properties
    props.author = cv.name
    props.title = f"CV - {cv.name}"
    props.created = BUILD_TIME.replace(tzinfo=None)
    props.modified = BUILD_TIME.replace(tzinfo=None)
    props.last_modified_by = "skillmatch samples"
    props.revision = 1
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)
    section = document.sections[0]
    if cv.meta.get("header"):
        section.header.paragraphs[0].text = str(cv.meta["header"])
    if cv.meta.get("footer"):
        section.footer.paragraphs[0].text = str(cv.meta["footer"])

    if cv.layout == "table":
        side, main = cv.split()
        table = document.add_table(rows=1, cols=2)
        table.autofit = False
        left, right = table.rows[0].cells
        _docx_fill(left, cv, side, with_name=False)
        _docx_fill(right, cv, main, with_name=not cv.meta.get("header"))
    else:
        _docx_fill(document, cv, cv.sections, with_name=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return _docx_fixed_zip(buffer.getvalue())


def _docx_fill(container: Any, cv: CvSource, sections: list[CvSection], *, with_name: bool) -> None:
    """Write sections into a document or a table cell (both have add_paragraph)."""
    first = True
    if with_name:
        _docx_par(container, cv.name, first, style="Title")
        first = False
        for line in cv.header_lines:
            _docx_par(container, line, first)
    for sec in sections:
        _docx_par(container, sec.heading, first, style="Heading 1")
        first = False
        for block in sec.blocks:
            if block.kind == "sub":
                paragraph = _docx_par(container, "", first)
                paragraph.add_run(block.text).bold = True
            elif block.kind == "bullet":
                _docx_par(container, block.text, first, style="List Bullet")
            else:
                _docx_par(container, block.text, first)


def _docx_par(container: Any, text: str, first: bool, style: str | None = None) -> Any:
    # A new table cell already holds one empty paragraph: use it rather than leave a blank line.
    paragraphs = getattr(container, "paragraphs", [])
    if first and paragraphs and not paragraphs[0].text and hasattr(container, "merge"):
        paragraph = paragraphs[0]
        paragraph.text = text
        if style:
            paragraph.style = style
        return paragraph
    return container.add_paragraph(text, style=style)


def _docx_fixed_zip(data: bytes) -> bytes:
    """Rewrite the DOCX zip with fixed entry timestamps so rebuilds are byte-identical."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# -- driver ----------------------------------------------------------------------------------


def build(cv: CvSource) -> bytes:
    suffix = Path(cv.output).suffix.lower()
    if suffix == ".pdf":
        return build_pdf(cv)
    if suffix == ".docx":
        return build_docx(cv)
    raise SystemExit(f"{cv.path}: output must be .pdf or .docx, not {cv.output!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if a committed file is out of date")
    args = parser.parse_args(argv)
    stale = []
    for path in sorted(SRC.glob("*.md")):
        cv = parse_source(path)
        data = build(cv)
        target = OUT / cv.output
        if args.check:
            if not target.exists() or target.read_bytes() != data:
                stale.append(target.name)
            continue
        target.write_bytes(data)
        print(f"{path.relative_to(HERE)} -> {target.relative_to(HERE)} ({len(data):,} bytes)")
    if stale:
        print("out of date: " + ", ".join(stale) + " (run python samples/build_samples.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
