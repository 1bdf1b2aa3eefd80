"""DOCX text extraction with python-docx, after checking the ZIP is safe to open.

python-docx is imported here and nowhere else, lazily. ``document.paragraphs`` skips tables,
text boxes and content controls, where sidebar CV templates keep half their text, so the body
is walked element by element in document order instead: paragraphs, tables (nested too),
content controls, text boxes, and the headers and footers.

Before python-docx sees the file, :func:`check_package` inflates every member (counting,
never keeping the output) so that a ZIP bomb cannot exhaust memory: zipfile trusts the sizes a
ZIP declares and python-docx reads each part in one call, so a member that declares 1 KB but
inflates to gigabytes would otherwise be inflated whole. The same pass refuses any part that
declares a DTD or an entity (billion laughs, external entities).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import Any

from .errors import CorruptDocumentError, LimitExceededError, UnsupportedFormatError
from .limits import Limits

__all__ = ["check_package", "read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC = _W + "p", _W + "tbl", _W + "tr", _W + "tc"
_T, _TAB, _PTAB, _BR, _CR = _W + "t", _W + "tab", _W + "ptab", _W + "br", _W + "cr"
_NO_BREAK_HYPHEN, _SYM, _TXBX = _W + "noBreakHyphen", _W + "sym", _W + "txbxContent"
_PPR, _NUMPR, _PSTYLE, _VAL = _W + "pPr", _W + "numPr", _W + "pStyle", _W + "val"
_ALTERNATE, _CHOICE, _FALLBACK = _MC + "AlternateContent", _MC + "Choice", _MC + "Fallback"
# Elements whose text is not part of what the reader sees: run and paragraph properties (their
# w:tab children are tab stops), deleted and moved-away revisions, field instructions, and
# the fallback copy of content that mc:Choice already holds.
_SKIP = frozenset(
    _W + name for name in ("rPr", "pPr", "tblPr", "trPr", "tcPr", "sectPr", "del", "moveFrom", "instrText", "delText")
) | {_FALLBACK}
_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)

_XML_DANGER = tuple(
    token.encode(codec) for token in ("<!DOCTYPE", "<!ENTITY") for codec in ("ascii", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(map(len, _XML_DANGER))
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_CHUNK = 1 << 16


def open_zip(data: bytes, *, name: str) -> zipfile.ZipFile:
    """Open ``data`` as a ZIP archive, or raise :class:`CorruptDocumentError`."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise CorruptDocumentError(f"not a readable ZIP/DOCX archive ({exc})", source=name) from exc


def read_docx(data: bytes, *, name: str, limits: Limits) -> str:
    """The text of a DOCX: headers, then the body in document order, then footers."""
    archive = open_zip(data, name=name)
    with archive:
        check_package(archive, data, name=name, limits=limits)
    import docx  # noqa: F401  (registers python-docx's part classes)
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import parse_xml
    from docx.package import Package

    try:
        package = Package.open(io.BytesIO(data))
        main = package.main_document_part
        if main.content_type not in _MAIN_TYPES:
            raise UnsupportedFormatError(f"the ZIP holds {main.content_type!r}, not a Word document", source=name)
        # A macro-enabled or template document is kept as a blob by python-docx: _root parses it.
        body_root = _root(main, parse_xml)
        related = {
            rel.reltype: rel.target_part
            for rel in main.rels.values()
            if not rel.is_external and rel.reltype == RELATIONSHIP_TYPE.STYLES
        }
        styles = related.get(RELATIONSHIP_TYPE.STYLES)
        walker = _Walker(_list_styles(None if styles is None else _root(styles, parse_xml)))
        headers: list[str] = []
        footers: list[str] = []
        for rel in main.rels.values():
            if rel.is_external or rel.reltype not in (RELATIONSHIP_TYPE.HEADER, RELATIONSHIP_TYPE.FOOTER):
                continue
            lines: list[str] = []
            walker.blocks(_root(rel.target_part, parse_xml), lines)
            text = "\n".join(lines).strip()
            target = headers if rel.reltype == RELATIONSHIP_TYPE.HEADER else footers
            if text and text not in target:
                target.append(text)
        lines = []
        body = body_root.find(_W + "body")
        if body is not None:
            walker.blocks(body, lines)
    except (UnsupportedFormatError, LimitExceededError):
        raise
    except Exception as exc:  # python-docx and lxml raise KeyError, ValueError, XMLSyntaxError ... on damage
        raise CorruptDocumentError(f"cannot parse the DOCX ({type(exc).__name__}: {exc})", source=name) from exc
    return "\n\n".join(part for part in ("\n\n".join(headers), "\n".join(lines), "\n\n".join(footers)) if part)


def _root(part: Any, parse_xml: Any) -> Any:
    """The XML root of a package part, parsed by python-docx (or here, for parts it keeps as bytes)."""
    root = getattr(part, "element", None)
    return parse_xml(part.blob) if root is None else root


# --- the safety pass ---------------------------------------------------------------------


def check_package(archive: zipfile.ZipFile, data: bytes, *, name: str, limits: Limits) -> int:
    """Refuse ZIP bombs and XML with a DTD; returns the total inflated size.

    Every member is inflated from its raw bytes with zlib (not through zipfile, which would
    believe the declared size), counting output against ``limits.max_unpacked_bytes``.
    """
    members = archive.infolist()
    if len(members) > limits.max_parts:
        raise LimitExceededError(
            f"archive has {len(members):,} members, more than max_parts={limits.max_parts:,}",
            limit="max_parts",
            source=name,
        )
    declared = sum(member.file_size for member in members)
    if declared > limits.max_unpacked_bytes:
        raise _unpacked_error(name, limits)
    total = 0
    for member in members:
        if member.is_dir():
            continue
        total += _inflate_member(data, member, name=name, budget=limits.max_unpacked_bytes - total)
        if total > limits.max_unpacked_bytes:
            raise _unpacked_error(name, limits)
    return total


def _unpacked_error(name: str, limits: Limits) -> LimitExceededError:
    return LimitExceededError(
        f"archive inflates to more than max_unpacked_bytes={limits.max_unpacked_bytes:,} bytes (a ZIP bomb?)",
        limit="max_unpacked_bytes",
        source=name,
    )


def _inflate_member(data: bytes, member: zipfile.ZipInfo, *, name: str, budget: int) -> int:
    """Inflate one member's raw data, scanning it for DTDs; its size, or more than ``budget``."""
    offset = member.header_offset
    try:
        fields = _LOCAL_HEADER.unpack_from(data, offset)
    except struct.error as exc:
        raise CorruptDocumentError(f"truncated ZIP member {member.filename!r}", source=name) from exc
    if fields[0] != b"PK\x03\x04":
        raise CorruptDocumentError(f"damaged ZIP member {member.filename!r}", source=name)
    start = offset + _LOCAL_HEADER.size + fields[-2] + fields[-1]
    raw = memoryview(data)[start : start + member.compress_size]
    if member.flag_bits & 0x1:
        raise CorruptDocumentError(f"ZIP member {member.filename!r} is encrypted", source=name)
    if member.compress_type == zipfile.ZIP_STORED:
        _scan_xml(bytes(raw), member, name)
        return len(raw)
    if member.compress_type != zipfile.ZIP_DEFLATED:
        raise CorruptDocumentError(
            f"ZIP member {member.filename!r} uses compression method {member.compress_type}, which Word never writes",
            source=name,
        )
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    total = 0
    tail = b""
    pos = 0
    try:
        while pos < len(raw) or inflater.unconsumed_tail:
            pending = inflater.unconsumed_tail or raw[pos : pos + _CHUNK]
            if not inflater.unconsumed_tail:
                pos += _CHUNK
            out = inflater.decompress(pending, _CHUNK)
            total += len(out)
            if total > budget:
                return total
            _scan_xml(tail + out, member, name)
            tail = out[-_OVERLAP:]
            if inflater.eof:
                break
    except zlib.error as exc:
        raise CorruptDocumentError(f"damaged ZIP member {member.filename!r} ({exc})", source=name) from exc
    return total


def _scan_xml(chunk: bytes, member: zipfile.ZipInfo, name: str) -> None:
    for token in _XML_DANGER:
        if token in chunk:
            raise CorruptDocumentError(
                f"DOCX part {member.filename!r} declares a DTD or entities, which Word never writes"
                " (refused for safety)",
                source=name,
            )


# --- walking the document -----------------------------------------------------------------


class _Walker:
    """Collects the text of WordprocessingML content in reading order."""

    def __init__(self, list_styles: frozenset[str]) -> None:
        self.list_styles = list_styles  # paragraph styles that carry numbering ("List Bullet")

    def blocks(self, container: Any, out: list[str]) -> None:
        """Append the text of block-level content (paragraphs, tables, content controls) in order."""
        for child in container:
            tag = child.tag
            if tag == _P:
                self.paragraph(child, out)
            elif tag == _TBL:
                self.table(child, out)
            elif tag in _SKIP or not isinstance(tag, str):
                continue
            elif tag == _ALTERNATE:
                choice = child.find(_CHOICE)
                if choice is not None:
                    self.blocks(choice, out)
            else:  # w:sdt, w:sdtContent, w:customXml, w:ins ...
                self.blocks(child, out)

    def paragraph(self, paragraph: Any, out: list[str]) -> None:
        parts: list[str] = []
        boxes: list[Any] = []
        self.inline(paragraph, parts, boxes)
        text = "".join(parts)
        if text.strip() and self.is_list_item(paragraph):
            text = "• " + text.lstrip()  # Word draws the bullet; the text lacks it
        out.append(text if text.strip() else "")
        for box in boxes:
            self.blocks(box, out)

    def is_list_item(self, paragraph: Any) -> bool:
        properties = paragraph.find(_PPR)
        if properties is None:
            return False
        numbering = properties.find(_NUMPR)
        if numbering is not None:
            return _numbering_on(numbering)
        style = properties.find(_PSTYLE)
        return style is not None and style.get(_VAL) in self.list_styles

    def inline(self, element: Any, parts: list[str], boxes: list[Any]) -> None:
        for child in element:
            tag = child.tag
            if tag == _T:
                parts.append(child.text or "")
            elif tag in (_TAB, _PTAB):
                parts.append("\t")
            elif tag in (_BR, _CR):
                parts.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                parts.append("-")
            elif tag == _SYM:
                parts.append(_symbol(child))
            elif tag == _TXBX:
                boxes.append(child)  # a text box: its paragraphs follow this one
            elif tag in _SKIP or not isinstance(tag, str):
                continue
            elif tag == _ALTERNATE:
                choice = child.find(_CHOICE)
                if choice is not None:
                    self.inline(choice, parts, boxes)
            elif tag in (_P, _TBL):  # block content where inline was expected (damaged, but readable)
                nested: list[str] = []
                self.blocks([child], nested)
                parts.append("\n" + "\n".join(nested) + "\n")
            else:
                self.inline(child, parts, boxes)

    def table(self, table: Any, out: list[str]) -> None:
        """A row of one-line cells becomes one line ("Python | 5 years"); other cells follow each other."""
        for row in table.iter(_TR):
            if _nearest(row, _TBL) is not table:
                continue  # a row of a nested table: its own table() call reads it
            cells: list[list[str]] = []
            for cell in row.iter(_TC):
                if _nearest(cell, _TR) is row:
                    lines: list[str] = []
                    self.blocks(cell, lines)
                    cells.append([line for line in lines if line.strip()])
            if all(len(cell) <= 1 for cell in cells):
                out.append(" | ".join(cell[0] for cell in cells if cell))
            else:
                for cell in cells:
                    out.extend(cell)
                    out.append("")


def _list_styles(styles_root: Any) -> frozenset[str]:
    """Ids of the paragraph styles that number their paragraphs, directly or by inheritance."""
    if styles_root is None:
        return frozenset()
    own: dict[str, bool] = {}
    parent: dict[str, str] = {}
    for style in styles_root.iter(_W + "style"):
        style_id = style.get(_W + "styleId")
        if not style_id:
            continue
        properties = style.find(_PPR)
        numbering = properties.find(_NUMPR) if properties is not None else None
        own[style_id] = numbering is not None and _numbering_on(numbering)
        based_on = style.find(_W + "basedOn")
        if based_on is not None and based_on.get(_VAL):
            parent[style_id] = based_on.get(_VAL)
    numbered = set()
    for style_id in own:
        seen = set()
        current: str | None = style_id
        while current is not None and current not in seen:
            seen.add(current)
            if own.get(current):
                numbered.add(style_id)
                break
            current = parent.get(current)
    return frozenset(numbered)


def _numbering_on(numbering: Any) -> bool:
    number = numbering.find(_W + "numId")
    return number is None or number.get(_VAL) != "0"  # numId 0 switches numbering off


def _symbol(sym: Any) -> str:
    try:
        return chr(int(sym.get(_W + "char", ""), 16))
    except (ValueError, OverflowError):
        return ""


def _nearest(element: Any, tag: str) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent
