"""Small generators for the documents the reading tests need, built in memory.

Good documents come from fpdf2, python-docx and pikepdf (development tools); hostile ones
(bombs, entity expansions, lying ZIP headers) are written byte by byte, so that no large or
dangerous file has to live in the repository.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from typing import Any


def pdf(pages: Sequence[str] = ("Jane Doe\nBackend engineer: Python, Go",), *, font_size: int = 11) -> bytes:
    """A PDF with one text page per item (Helvetica, so latin-1 text only)."""
    from fpdf import FPDF

    document = FPDF()
    document.set_font("Helvetica", size=font_size)
    for text in pages:
        document.add_page()
        document.multi_cell(0, 6, text)
    return bytes(document.output())


def two_column_pdf(left: Sequence[str], right: Sequence[str]) -> bytes:
    """A page with two columns whose lines sit side by side, drawn left column first."""
    from fpdf import FPDF

    document = FPDF()
    document.set_font("Helvetica", size=10)
    document.add_page()
    for row, line in enumerate(left):
        document.text(15, 20 + row * 6, line)
    for row, line in enumerate(right):
        document.text(85, 20 + row * 6, line)
    return bytes(document.output())


def image_only_pdf() -> bytes:
    """A 'scanned' page: one grey image, no text layer."""
    from fpdf import FPDF

    document = FPDF()
    document.add_page()
    document.image(_png(64, 64), x=10, y=10, w=100)
    return bytes(document.output())


def encrypted_pdf(*, owner: str, user: str = "", text: str = "Jane Doe, Python developer") -> bytes:
    """A PDF encrypted with pikepdf (AES-256): with ``user=""`` anyone may open it."""
    import pikepdf

    source = pikepdf.open(io.BytesIO(pdf([text])))
    out = io.BytesIO()
    source.save(out, encryption=pikepdf.Encryption(owner=owner, user=user, R=6))
    return out.getvalue()


def raw_pdf(content: bytes, *, extra_objects: Iterable[bytes] = (), filters: str = "/FlateDecode") -> bytes:
    """A one-page PDF written by hand; ``content`` is the page's (already encoded) content stream.

    ``filters`` is the content stream's /Filter value ("" for none). Extra objects are
    numbered from 6 on.
    """
    filter_entry = f" /Filter {filters}".encode() if filters else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>"
        ),
        b"<< /Length %d%s >>\nstream\n" % (len(content), filter_entry) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *extra_objects,
    ]
    return pdf_from_objects(objects)


def pdf_from_objects(objects: Sequence[bytes]) -> bytes:
    """A PDF file of these objects (numbered from 1, the first the catalogue), with its xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def deflate_zeros(size: int, *, raw: bool = False) -> bytes:
    """``size`` zero bytes, compressed (zlib format, or raw deflate with ``raw=True``)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15 if raw else 15)
    chunk = bytes(1 << 20)
    parts = [compressor.compress(chunk) for _ in range(size >> 20)]
    parts.append(compressor.compress(bytes(size & ((1 << 20) - 1))))
    parts.append(compressor.flush())
    return b"".join(parts)


def docx(
    paragraphs: Sequence[str] = ("Jane Doe", "Backend engineer: Python, Go"),
    *,
    table: Sequence[Sequence[str]] | None = None,
    header: str | None = None,
    footer: str | None = None,
    bullets: Sequence[str] = (),
) -> bytes:
    """A DOCX made with python-docx."""
    from docx import Document as WordDocument

    document = WordDocument()
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        document.sections[0].footer.paragraphs[0].text = footer
    for text in paragraphs:
        document.add_paragraph(text)
    for text in bullets:
        document.add_paragraph(text, style="List Bullet")
    if table is not None:
        grid = document.add_table(rows=len(table), cols=max(len(row) for row in table))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def sidebar_docx(sidebar: Sequence[str], main: Sequence[str]) -> bytes:
    """A CV laid out as a one-row, two-cell table (a common Word sidebar template)."""
    from docx import Document as WordDocument

    document = WordDocument()
    grid = document.add_table(rows=1, cols=2)
    left, right = grid.cell(0, 0), grid.cell(0, 1)
    left.text = sidebar[0]
    for line in sidebar[1:]:
        left.add_paragraph(line)
    right.text = main[0]
    for line in main[1:]:
        right.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def replace_part(docx_bytes: bytes, part: str, data: bytes) -> bytes:
    """The DOCX with one member's content replaced."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, data if info.filename == part else source.read(info.filename))
    return out.getvalue()


def add_member(docx_bytes: bytes, name: str, data: bytes) -> bytes:
    """The DOCX with one more member."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        target.writestr(name, data)
    return out.getvalue()


def document_xml(body: str) -> bytes:
    """A word/document.xml with the given body XML (w: namespace declared)."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode()


def lying_zip_member(docx_bytes: bytes, part: str, real: bytes, *, declared: int) -> bytes:
    """The DOCX with ``part`` replaced by ``real`` but its headers claiming ``declared`` bytes.

    The CRC is that of the first ``declared`` bytes, so zipfile's own checks pass for a reader
    that stops where the header says: only inflating the data shows what it holds.
    """
    source = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, real if info.filename == part else source.read(info.filename))
    data = bytearray(out.getvalue())
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo(part)
    crc = zlib.crc32(real[:declared])
    # Local header: CRC at +14, sizes at +18 (compressed) and +22 (uncompressed).
    struct.pack_into("<L", data, info.header_offset + 14, crc)
    struct.pack_into("<L", data, info.header_offset + 22, declared)
    # Central directory entry: find it by the name that follows a PK\x01\x02 record.
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(part.encode()) + 1)
    struct.pack_into("<L", data, central + 16, crc)
    struct.pack_into("<L", data, central + 24, declared)
    return bytes(data)


def zip_with_members(count: int) -> bytes:
    """A DOCX-looking ZIP with ``count`` tiny members."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml("<w:p><w:r><w:t>x</w:t></w:r></w:p>"))
        for index in range(count):
            archive.writestr(f"word/media/{index}.bin", b"")
    return out.getvalue()


def _png(width: int, height: int) -> io.BytesIO:
    rows = b"".join(b"\x00" + bytes([128]) * width for _ in range(height))

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    return io.BytesIO(data)


def json_resume(**sections: Any) -> dict[str, Any]:
    """A JSON Resume with a name, plus any sections given."""
    return {"basics": {"name": "Ada Lovelace", "label": "Backend Engineer"}, **sections}
