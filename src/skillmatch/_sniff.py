"""Tell a document's real type from its bytes, whatever its name says.

>>> sniff(b"%PDF-1.7 ...")
'pdf'
>>> sniff(b"Jane Doe\\nBackend engineer")
'text'

Only the first few kilobytes are looked at (:data:`HEAD_BYTES`), so sniffing a file costs one
short read. ZIP containers need their member names as well: :func:`zip_kind` tells a Word
document from a spreadsheet, a presentation or an OpenDocument file.
"""

from __future__ import annotations

import re
from collections.abc import Collection

__all__ = ["BINARY_NAMES", "HEAD_BYTES", "looks_like_html", "sniff", "zip_kind"]

#: How many leading bytes :func:`sniff` needs.
HEAD_BYTES = 8192

# PDF readers accept junk before the header as long as "%PDF-" starts in the first 1 KB.
_PDF_WINDOW = 1024

#: What to call the binary formats we recognise but do not read, for error messages.
BINARY_NAMES = {
    "ole": "a legacy Microsoft Office file (.doc/.xls/.ppt); save it as DOCX or PDF",
    "ole-encrypted": "a password-protected Office document",
    "rtf": "an RTF document; save it as DOCX or PDF",
    "image": "an image (a scanned CV?); skillmatch reads text, not pictures (no OCR)",
    "archive": "a compressed archive, not a document",
    "zip": "a ZIP archive that is not a Word document",
    "xlsx": "an Excel workbook, not a CV document",
    "pptx": "a PowerPoint presentation, not a CV document",
    "odt": "an OpenDocument text file; save it as DOCX or PDF",
    "epub": "an EPUB e-book, not a CV document",
    "binary": "binary data, not a document",
}

_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",  # TIFF, little-endian
    b"MM\x00*",  # TIFF, big-endian
    b"BM",  # BMP; checked last, "BM" is a plausible start of text too (see below)
)
_ARCHIVE_MAGIC = (b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"\x28\xb5\x2f\xfd")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A password-protected DOCX is an OLE container holding an "EncryptedPackage" stream; its
# directory entry names are UTF-16.
_OLE_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def sniff(head: bytes) -> str:
    """The kind of document the leading bytes ``head`` belong to.

    Returns ``"pdf"``, ``"zip"`` (see :func:`zip_kind`), ``"text"`` (anything that may be
    text: plain text, Markdown, HTML, JSON; decoding decides), ``"empty"``, or one of the
    unsupported kinds in :data:`BINARY_NAMES`.
    """
    if not head:
        return "empty"
    if head.startswith(_TEXT_BOMS):
        return "text"
    if b"%PDF-" in head[:_PDF_WINDOW]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "zip"
    if head.startswith(_OLE_MAGIC):
        return "ole-encrypted" if _OLE_ENCRYPTED in head else "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_IMAGE_MAGIC[:-1]) or (head.startswith(b"BM") and b"\x00" in head[2:14]):
        return "image"
    if head.startswith(_ARCHIVE_MAGIC):
        return "archive"
    return "text"


def zip_kind(names: Collection[str]) -> str:
    """What a ZIP container holds, from its member names: ``"docx"`` or a key of :data:`BINARY_NAMES`."""
    if "word/document.xml" in names or ("[Content_Types].xml" in names and any(_is_word_part(n) for n in names)):
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "mimetype" in names and "content.xml" in names:
        return "odt"
    if "META-INF/container.xml" in names:
        return "epub"
    return "zip"


def _is_word_part(name: str) -> bool:
    # A main document part under a non-standard name ("word/document2.xml"); python-docx
    # finds it through the package relationships.
    return name.startswith("word/document") and name.endswith(".xml")


_HTML_START_RE = re.compile(r"(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAG_RE = re.compile(r"<(?:html|body|head|div|p|table|ul|ol|li|h[1-6]|br|span|section)\b[^>]{0,200}>", re.I)


def looks_like_html(text: str) -> bool:
    """Whether decoded text starts like an HTML document, or carries plain HTML markup early on."""
    head = text[:4096]
    if _HTML_START_RE.match(head):
        return True
    # A fragment without <html>: several block tags near the start.
    return len(_HTML_TAG_RE.findall(head)) >= 3
