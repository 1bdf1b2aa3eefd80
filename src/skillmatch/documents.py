"""Read a CV or job file (PDF, DOCX, text, Markdown, HTML, JSON Resume) into a :class:`Document`.

>>> import skillmatch as sm
>>> doc = sm.read_document(b"Jane Doe\\r\\nBackend engineer: Python, Go\\r\\n")
>>> doc.kind, doc.text
('text', 'Jane Doe\\nBackend engineer: Python, Go')

The type comes from the bytes, not the name: a PDF called ``cv.docx`` is read as a PDF, with a
warning. Safety limits (:class:`~skillmatch.Limits`) are checked before any parser runs, every
failure is a typed :class:`~skillmatch.DocumentError` naming the source, and a legal document
with no text (a scan) is returned with a warning rather than raised.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from typing import IO, Any, Union

from ._sniff import BINARY_NAMES, HEAD_BYTES, looks_like_html, sniff, zip_kind
from .errors import (
    CorruptDocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    LimitExceededError,
    UnsupportedFormatError,
)
from .limits import DEFAULT_LIMITS, Limits
from .models import Document
from .normalize import normalize_text

__all__ = ["KINDS", "DocumentSource", "read_document"]

#: What ``Document.kind`` can be.
KINDS = ("pdf", "docx", "text", "markdown", "html", "json-resume")

#: A path (``str`` or path-like), the file's bytes, or a binary file object.
DocumentSource = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, IO[bytes]]

_KIND_NAMES = {
    "pdf": "a PDF",
    "docx": "a Word document",
    "text": "plain text",
    "markdown": "Markdown",
    "html": "HTML",
    "json-resume": "a JSON Resume",
}
_ALIASES = {
    "pdf": "pdf",
    "docx": "docx",
    "docm": "docx",
    "dotx": "docx",
    "text": "text",
    "txt": "text",
    "markdown": "markdown",
    "md": "markdown",
    "html": "html",
    "htm": "html",
    "xhtml": "html",
    "json-resume": "json-resume",
    "jsonresume": "json-resume",
    "json": "json-resume",
}
_TEXT_KINDS = frozenset(("text", "markdown", "html", "json-resume"))
_PDF_BACKENDS = (None, "pypdfium2", "pdfminer")


def read_document(
    source: DocumentSource,
    *,
    kind: str | None = None,
    limits: Limits | None = None,
    password: str | None = None,
    backend: str | None = None,
) -> Document:
    """Read one document into normalised text.

    ``source`` is a path, the file's bytes or a binary file object. ``kind`` ("pdf", "docx",
    "text", "markdown", "html", "json-resume") says what the data is meant to be when there is
    no file name to tell; the bytes still decide between binary formats. ``password`` opens an
    encrypted PDF; ``backend`` picks the PDF reader ("pypdfium2" or "pdfminer"; by default
    pypdfium2 with pdfminer.six as the fallback).

    Raises a :class:`~skillmatch.DocumentError` subclass naming the source: unsupported format,
    corrupt, encrypted, empty, or a limit exceeded. A missing or unreadable path raises the
    ``OSError`` the operating system gave.
    """
    if backend not in _PDF_BACKENDS:
        raise ValueError(f"unknown PDF backend {backend!r}; choose 'pypdfium2' or 'pdfminer'")
    limits = DEFAULT_LIMITS if limits is None else limits
    declared: str | None = None
    explicit = kind is not None
    if kind is not None:
        declared = _ALIASES.get(kind.lower().lstrip("."))
        if declared is None:
            raise UnsupportedFormatError(f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}", source=None)
    data, name, path = _load(source, limits)
    if declared is None and name and not name.startswith("<"):
        declared = _ALIASES.get(os.path.splitext(name)[1].lower().lstrip("."))

    found = sniff(data[:HEAD_BYTES])
    warnings: list[str] = []
    if found == "empty":
        raise EmptyDocumentError("the file is empty (0 bytes)", source=name)
    if found == "ole-encrypted":
        raise EncryptedDocumentError("a password-protected Office document; save it without a password", source=name)
    if found == "pdf":
        document = _read_pdf(data, name=name, path=path, limits=limits, password=password, backend=backend)
    elif found == "zip":
        document = _read_zip(data, name=name, path=path, limits=limits)
    elif found in BINARY_NAMES:
        raise UnsupportedFormatError(f"unsupported format: {BINARY_NAMES[found]}", source=name)
    else:
        document = _read_text(data, declared=declared, explicit=explicit, name=name, path=path, limits=limits)
    if declared is not None and declared != document.kind and not _same_family(declared, document.kind):
        said = "the kind given" if explicit else "its name"
        warnings.append(f"the content is {_KIND_NAMES[document.kind]}, not {_KIND_NAMES[declared]} as {said} says")
    if warnings:
        document = _with_warnings(document, warnings, first=True)
    return document


# --- loading -----------------------------------------------------------------------------


def _load(source: DocumentSource, limits: Limits) -> tuple[bytes, str, str | None]:
    """The bytes, the name for messages, and the path (None for bytes and streams)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = "<bytes>"
        path = None
    elif isinstance(source, (str, os.PathLike)):
        path = os.fsdecode(source)
        name = path
        data = _read_path(path, limits)
    elif hasattr(source, "read"):
        chunk = source.read(limits.max_bytes + 1)
        if not isinstance(chunk, (bytes, bytearray)):
            raise TypeError("read_document needs a binary file object (open it with 'rb')")
        data = bytes(chunk)
        stream_name = getattr(source, "name", None)
        name = stream_name if isinstance(stream_name, str) and stream_name else "<stream>"
        path = None
    else:
        raise TypeError(f"read_document takes a path, bytes or a binary file, not {type(source).__name__}")
    if len(data) > limits.max_bytes:
        raise _too_big(name, limits)
    return data, name, path


def _read_path(path: str, limits: Limits) -> bytes:
    with open(path, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device could block or never end.
            raise UnsupportedFormatError("not a regular file", source=path)
        if info.st_size > limits.max_bytes:
            raise _too_big(path, limits)
        # read() allocates all it is asked for first: asking for max_bytes + 1 (20 MB) to get a
        # 60 KB CV cost 0.3 ms a file. A file that grew since fstat is read on, up to the limit.
        wanted = info.st_size + 1
        data = handle.read(wanted)
        if len(data) == wanted:
            data += handle.read(limits.max_bytes + 1 - wanted)
        return data


def _too_big(name: str, limits: Limits) -> LimitExceededError:
    return LimitExceededError(
        f"the file is larger than max_bytes={limits.max_bytes:,} bytes", limit="max_bytes", source=name
    )


# --- the formats -------------------------------------------------------------------------


def _read_pdf(
    data: bytes, *, name: str, path: str | None, limits: Limits, password: str | None, backend: str | None
) -> Document:
    from ._pdf import read_pdf

    result = read_pdf(data, name=name, limits=limits, password=password, backend=backend)
    text = _normalized("\n\n".join(result.pages), name, limits)
    warnings = list(result.warnings)
    if not text:
        warnings.append("no text extracted: scanned image?")
    return Document(text, "pdf", result.page_count, tuple(warnings), path, result.backend)


def _read_zip(data: bytes, *, name: str, path: str | None, limits: Limits) -> Document:
    from ._docx import open_zip, read_docx

    with open_zip(data, name=name) as archive:
        found = zip_kind(archive.namelist())
    if found != "docx":
        raise UnsupportedFormatError(f"unsupported format: {BINARY_NAMES[found]}", source=name)
    text = _normalized(read_docx(data, name=name, limits=limits), name, limits)
    warnings = () if text else ("no text extracted: the document may hold only images",)
    return Document(text, "docx", None, warnings, path, "python-docx")


def _read_text(
    data: bytes, *, declared: str | None, explicit: bool, name: str, path: str | None, limits: Limits
) -> Document:
    text = decode_text(data, name=name)
    if not text.strip():
        raise EmptyDocumentError("the file holds only white space", source=name)
    if len(text) > limits.max_chars:
        raise _chars_error(name, limits)

    resume = _json_resume(text, declared=declared, explicit=explicit, name=name)
    if resume is not None:
        from ._jsonresume import render

        return _text_document(render(resume), "json-resume", name, path, limits, backend="json")
    if declared == "html" or (not (explicit and declared in ("text", "markdown")) and looks_like_html(text)):
        from ._html import html_to_text

        return _text_document(html_to_text(text), "html", name, path, limits, backend="lxml")
    kind = declared if declared in ("text", "markdown") else "text"
    body = _normalized(text, name, limits)
    if not body:
        raise EmptyDocumentError("the file holds no readable text", source=name)
    return Document(body, kind, None, (), path, None)


def _text_document(raw: str, kind: str, name: str, path: str | None, limits: Limits, *, backend: str) -> Document:
    text = _normalized(raw, name, limits)
    warnings = () if text else ("no visible text",)
    return Document(text, kind, None, warnings, path, backend)


def _json_resume(text: str, *, declared: str | None, explicit: bool, name: str) -> dict[str, Any] | None:
    """The parsed JSON Resume, or None when the text is not one (and was not said to be)."""
    if declared != "json-resume" and (explicit or not text.lstrip().startswith("{")):
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        if declared == "json-resume":
            raise CorruptDocumentError(f"invalid JSON ({exc})", source=name) from exc
        return None
    from ._jsonresume import is_json_resume

    if is_json_resume(data):
        return data  # type: ignore[no-any-return]
    if declared == "json-resume":
        raise UnsupportedFormatError("JSON, but not a JSON Resume (no 'basics' or 'work')", source=name)
    return None


def _normalized(raw: str, name: str, limits: Limits) -> str:
    if len(raw) > limits.max_chars:
        raise _chars_error(name, limits)
    return normalize_text(raw)


def _chars_error(name: str, limits: Limits) -> LimitExceededError:
    return LimitExceededError(
        f"the text is longer than max_chars={limits.max_chars:,} characters", limit="max_chars", source=name
    )


def _same_family(declared: str, kind: str) -> bool:
    # Markdown is text; a .txt holding Markdown needs no warning, nor the other way round.
    return {declared, kind} <= {"text", "markdown"}


def _with_warnings(document: Document, warnings: list[str], *, first: bool) -> Document:
    merged = (*warnings, *document.warnings) if first else (*document.warnings, *warnings)
    return Document(document.text, document.kind, document.pages, merged, document.source, document.backend)


# --- text decoding -----------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters no text file holds (tab, line feed, vertical tab, form feed, carriage
# return and the DOS end-of-file mark \x1a are allowed); more than 2 % of them means binary.
# Random bytes have about 11 %. (C1 controls are not counted: latin-1 text may show them.)
_BINARY_RE = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
_BINARY_SAMPLE = 8192


def decode_text(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode a text file: a BOM if there is one, else UTF-8, else cp1252, else latin-1.

    Raises :class:`UnsupportedFormatError` when the result is not text (binary data).
    """
    text: str | None = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec, "replace")
            break
    if text is None:
        utf16 = _utf16_without_bom(data[:_BINARY_SAMPLE])
        if utf16 is not None:
            text = data.decode(utf16, "replace")
    if text is None:
        for codec in ("utf-8", "cp1252"):
            try:
                text = data.decode(codec)
                break
            except UnicodeDecodeError:
                continue
        else:
            text = data.decode("latin-1")
    sample = text[:_BINARY_SAMPLE]
    if len(_BINARY_RE.findall(sample)) > max(1, len(sample) // 50):
        raise UnsupportedFormatError(f"unsupported format: {BINARY_NAMES['binary']}", source=name)
    return text


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text with no BOM shows up as a NUL in every other byte (for Latin script)."""
    if len(sample) < 16 or b"\x00" not in sample:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None
