"""PDF text extraction: pypdfium2 by default, pdfminer.six as a backend and as the fallback.

pypdfium2 and pdfminer.six are imported here and nowhere else, lazily, so ``import skillmatch``
stays fast. Page texts come back raw (``\\r\\n`` line ends, pdfium's U+FFFE hyphen marks);
:func:`skillmatch.normalize.normalize_text` cleans them.

Before either parser sees a file, :func:`check_inflated_size` bounds how far its compressed
streams can expand: PDFium inflates a 2 MB stream of zeros into 2 GB of memory without
complaint, so a decompression bomb must be refused before it is opened.
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import logging
import re
import threading
import warnings
import zlib
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import repeat
from typing import Any, cast

from .errors import CorruptDocumentError, EmptyDocumentError, EncryptedDocumentError, LimitExceededError
from .limits import Limits

__all__ = ["BACKENDS", "PdfText", "check_inflated_size", "read_pdf"]

BACKENDS = ("pypdfium2", "pdfminer")


@dataclass
class PdfText:
    """What a backend read: one raw text per page read, and what went wrong on the way."""

    pages: list[str]
    page_count: int
    backend: str
    warnings: list[str] = field(default_factory=list)


def read_pdf(
    data: bytes, *, name: str, limits: Limits, password: str | None = None, backend: str | None = None
) -> PdfText:
    """Extract the text of the first ``limits.max_pages`` pages of the PDF in ``data``.

    With ``backend=None`` pypdfium2 reads the file and pdfminer.six takes over when pypdfium2
    cannot open it or finds no text; a named backend is used alone.
    """
    check_inflated_size(data, name=name, limit=limits.max_unpacked_bytes)
    if backend == "pdfminer":
        return _read_pdfminer(data, name=name, limits=limits, password=password)
    try:
        result = _read_pdfium(data, name=name, limits=limits, password=password)
    except _PdfiumOpenError as exc:
        if backend == "pypdfium2":
            raise CorruptDocumentError(f"not a readable PDF ({exc})", source=name) from exc
        try:
            fallback = _read_pdfminer(data, name=name, limits=limits, password=password)
        except CorruptDocumentError as miner_exc:
            raise CorruptDocumentError(
                f"not a readable PDF (pypdfium2: {exc}; pdfminer.six: {miner_exc.message})", source=name
            ) from exc
        fallback.warnings.insert(0, f"pypdfium2 could not open the file ({exc}); read with pdfminer.six")
        return fallback
    if backend is None and not any(page.strip() for page in result.pages):
        second: PdfText | None
        try:
            second = _read_pdfminer(data, name=name, limits=limits, password=password)
        except (CorruptDocumentError, EmptyDocumentError):
            second = None
        if second is not None and any(page.strip() for page in second.pages):
            second.warnings.insert(0, "pypdfium2 found no text; read with pdfminer.six")
            return second
    return result


# --- decompression bombs -------------------------------------------------------------------

# The keyword that opens a stream's data; "endstream" closes it and must not match. A stray
# match (the word inside a string) only splits a region in two, which changes no bound.
_STREAM_RE = re.compile(rb"stream(?<![A-Za-z]stream)")
_OBJ_RE = re.compile(rb"\d+\s+\d+\s+obj\b")
_IMAGE_RE = re.compile(rb"/Subtype\s*/Image\b")
_FILTER_REF_RE = re.compile(rb"/Filter\s*\d+\s+\d+\s+R")
# Two expanding filters in one /Filter array (bounded repeats: no backtracking blow-up).
_CHAIN_RE = re.compile(rb"/Filter\s*\[[^\]]{0,200}?/(?:FlateDecode|Fl|LZWDecode|LZW)\b[^\]]{0,200}?/(?:Fl|LZW)")
_EXPANDING_FILTER_RE = re.compile(rb"/(?:FlateDecode|Fl|LZWDecode|LZW)\b")
# Output bytes per input byte, at most: deflate cannot beat 1032:1; LZW with 12-bit codes
# emits at most 4096 bytes per code, about 2,731 per input byte.
_FLATE_RATIO = 1032
_LZW_RATIO = 2731
_CHUNK = 1 << 16
_OUT_CHUNK = 1 << 20


def check_inflated_size(data: bytes, *, name: str, limit: int) -> int:
    """Bound the decompressed size of the streams in a PDF; raise if it may exceed ``limit``.

    A stream's bound is the length of the bytes up to the next stream times the worst ratio of
    its filter, so a typical CV (under 100 KB) is cleared without inflating anything. Larger
    files have their biggest Flate streams inflated (counted, never kept) until the bound fits
    or the limit is hit. Streams with a filter chain (Flate inside Flate) or a filter given by
    reference are always inflated, layer by layer. Image data is left out: neither PDFium nor
    pdfminer.six decodes images to extract text. Returns the bound that was proved.
    """
    # Every stream has at most one expanding filter unless a chain or a filter by reference
    # shows somewhere; then no stream can expand beyond the worst ratio times the file size.
    ratio = _LZW_RATIO if b"LZW" in data else _FLATE_RATIO
    if len(data) * ratio <= limit and not _CHAIN_RE.search(data) and not _FILTER_REF_RE.search(data):
        return len(data) * ratio
    starts = [m.end() for m in _STREAM_RE.finditer(data)]
    if not starts:
        return 0
    ends = [*starts[1:], len(data)]
    measurable: list[tuple[int, int]] = []  # (bound, start) of single-Flate streams
    fixed = 0  # bounds that cannot be measured (LZW) and streams already measured
    for start, end in zip(starts, ends, strict=True):
        dictionary = _stream_dictionary(data, start)
        if _IMAGE_RE.search(dictionary):
            continue
        filters = _EXPANDING_FILTER_RE.findall(dictionary)
        if len(filters) > 1 or _FILTER_REF_RE.search(dictionary):
            size = _inflated_size(data, start, limit + 1 - fixed, depth=3)
            fixed += _LZW_RATIO * (end - start) if size is None else size
            if fixed > limit:
                raise _bomb_error(name, limit)
        elif not filters:
            fixed += end - start
        elif filters[0].startswith(b"/LZW"):
            fixed += _LZW_RATIO * (end - start)
        else:
            measurable.append((_FLATE_RATIO * (end - start), start))
    total = fixed + sum(bound for bound, _ in measurable)
    if total <= limit:
        return total
    measurable.sort(reverse=True)
    unmeasured = total - fixed
    for bound, start in measurable:
        unmeasured -= bound
        fixed += _inflated_size(data, start, limit + 1 - fixed, depth=1) or 0
        if fixed > limit:
            break
        if fixed + unmeasured <= limit:
            return fixed + unmeasured
    raise _bomb_error(name, limit)


def _bomb_error(name: str, limit: int) -> LimitExceededError:
    return LimitExceededError(
        f"PDF streams may decompress to more than max_unpacked_bytes={limit:,} bytes (a decompression bomb?)",
        limit="max_unpacked_bytes",
        source=name,
    )


def _stream_dictionary(data: bytes, start: int) -> bytes:
    """The bytes from the ``N 0 obj`` that owns the stream at ``start`` up to its data."""
    window = data[max(0, start - 4096) : start]
    last = None
    for last in _OBJ_RE.finditer(window):  # noqa: B007  (the last match is the one wanted)
        pass
    return window[last.end() :] if last is not None else window


def _inflated_size(data: bytes, start: int, budget: int, *, depth: int) -> int | None:
    """Bytes the zlib stream at ``data[start:]`` inflates to, counting at most ``budget``.

    The stream ends where zlib says it does, not at the next ``stream`` keyword, so bytes that
    spell "stream" inside compressed data cannot cut the count short. When the output itself
    starts with a zlib header (a filter chain) its inflated size is counted instead, down to
    ``depth`` layers. None when the data is not a zlib stream.
    """
    while start < len(data) and data[start] in b" \t\r\n\f\x00":
        start += 1
    if not _zlib_header(data[start : start + 2]):
        return None
    counter = _InflateCounter(budget, depth)
    for pos in range(start, len(data), _CHUNK):
        if counter.feed(data[pos : pos + _CHUNK]):
            break
    return counter.total


def _zlib_header(two: bytes) -> bool:
    return len(two) == 2 and two[0] & 0x0F == 8 and two[0] >> 4 <= 7 and (two[0] << 8 | two[1]) % 31 == 0


class _InflateCounter:
    """Counts what a zlib stream, fed piecewise, inflates to; nests for a filter chain."""

    def __init__(self, budget: int, depth: int) -> None:
        self.budget = budget
        self.depth = depth
        self.total = 0
        self.inflater = zlib.decompressobj()
        self.nested: _InflateCounter | None = None
        self.started = False
        self.done = False

    def feed(self, data: bytes) -> bool:
        """Inflate ``data``; True once the stream has ended or the budget is spent."""
        pending = data
        try:
            while pending and not self.done:
                out = self.inflater.decompress(pending, _OUT_CHUNK)
                pending = self.inflater.unconsumed_tail
                if out and not self.started:
                    self.started = True
                    if self.depth > 1 and _zlib_header(out[:2]):
                        self.nested = _InflateCounter(self.budget, self.depth - 1)
                if self.nested is not None:
                    self.nested.feed(out)
                    self.total = self.nested.total
                else:
                    self.total += len(out)
                self.done = self.inflater.eof or self.total > self.budget
        except zlib.error:
            self.done = True  # a damaged stream: the parsers stop where zlib does
        return self.done


# --- pypdfium2 -----------------------------------------------------------------------------


class _PdfiumOpenError(Exception):
    """pypdfium2 could not open the document (for a reason other than a password)."""


_PDFIUM_ERRORS = {1: "unknown error", 2: "file not found or unreadable", 3: "not a PDF or corrupted", 6: "page error"}

# A page whose text objects hold about one glyph each (wkhtmltopdf, Qt and several HTML-to-PDF
# converters draw every glyph on its own). PDFium drops the space glyphs of such pages (a text
# object as wide as nothing is skipped) and guesses word gaps from glyph widths, gluing words
# ("WORKINGRF", "Officefor"): there the gaps are measured again (see _respace).
_GLYPH_OBJECTS_RATIO = 0.5
# A gap wider than this share of the line height between two glyphs is a space. Measured on
# LiveCareer (wkhtmltopdf) pages: gaps inside words stay under 0.04, word gaps start at 0.11.
_SPACE_GAP = 0.07
_LETTERS_RE = re.compile(r"[^\W\d_]+")
# A token that shows a seam: lower case then upper case ("WorkingRF" has one, "RF" has not),
# letters against digits ("2011present"), or punctuation between letters ("stations,cupboards").
_SEAM_RE = re.compile(r"[a-z][A-Z]|[^\W\d_]\d|\d[^\W\d_]|[^\W\d_][^\w\s][^\W\d_]")
# Punctuation at a token's ends, which cannot hide a space between two words ("State,").
_EDGE_PUNCTUATION = ".,;:!?()[]{}<>\"'`*/|-–—•·"
# Words too short for the word list (it starts at three letters) that glue onto others.
_SHORT_WORDS = frozenset("a an as at be by do go he if in is it me my no of on or so to up us we".split())  # noqa: SIM905
# Tokens already judged (a pure function of the token, so the cache changes no result).
_SUSPECT_CACHE: dict[str, bool] = {}
_SUSPECT_CACHE_SIZE = 100_000  # about 15 MB


# PDFium is not thread-safe: one document at a time per process (batches use processes).
_PDFIUM_LOCK = threading.Lock()


def _read_pdfium(data: bytes, *, name: str, limits: Limits, password: str | None) -> PdfText:
    with _PDFIUM_LOCK:
        result = _read_pdfium_locked(data, name=name, limits=limits, password=password)
    suspects = {index: codes for index, page in enumerate(result.pages) if (codes := _unmapped_codes(page))}
    if suspects:
        _recover_ligatures(data, result.pages, suspects, password)
    _warn_page_limit(result, limits)
    return result


def _read_pdfium_locked(data: bytes, *, name: str, limits: Limits, password: str | None) -> PdfText:
    import pypdfium2  # noqa: F401  (initialises the PDFium library)
    import pypdfium2.raw as pdfium_c

    doc = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None if password is None else password.encode("utf-8"))
    if not doc:
        code = pdfium_c.FPDF_GetLastError()
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            reason = "the password is wrong" if password else "it needs a password to open"
            raise EncryptedDocumentError(f"PDF is encrypted and {reason}", source=name)
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedDocumentError("PDF uses an unsupported security handler", source=name)
        raise _PdfiumOpenError(_PDFIUM_ERRORS.get(code, f"PDFium error {code}"))
    result = PdfText(pages=[], page_count=0, backend="pypdfium2")
    try:
        page_count = pdfium_c.FPDF_GetPageCount(doc)
        result.page_count = page_count
        if page_count < 1:
            raise _PdfiumOpenError("no pages")
        chars = 0
        for index in range(min(page_count, limits.max_pages)):
            text = _pdfium_page_text(pdfium_c, doc, index)
            if text is None:
                result.warnings.append(f"page {index + 1} could not be read")
                text = ""
            chars += len(text)
            if chars > limits.max_chars:
                raise _chars_exceeded(name, limits)
            result.pages.append(text)
    finally:
        pdfium_c.FPDF_CloseDocument(doc)
    return result


def _pdfium_page_text(pdfium_c: Any, doc: Any, index: int) -> str | None:
    page = pdfium_c.FPDF_LoadPage(doc, index)
    if not page:
        return None
    try:
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:
            return None
        try:
            count = pdfium_c.FPDFText_CountChars(textpage)
            if count <= 0:
                return ""
            buffer = (ctypes.c_ushort * (count + 1))()
            written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
            text = ctypes.string_at(buffer, 2 * max(written - 1, 0)).decode("utf-16-le", "replace")
            if len(text) == count and pdfium_c.FPDFPage_CountObjects(page) > _GLYPH_OBJECTS_RATIO * count:
                text = _respace(pdfium_c, textpage, text)
            return text
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
    finally:
        pdfium_c.FPDF_ClosePage(page)


def _respace(pdfium_c: Any, textpage: Any, text: str) -> str:
    """Put back the spaces PDFium lost between words on a glyph-per-object page.

    Only tokens that may hide a lost space are measured (see :func:`_suspect_tokens`): about
    half of a wkhtmltopdf page's glyphs, where measuring every glyph cost as much as PDFium's
    own text extraction. PDFium gives the glyph boxes one call at a time (the floor, about
    0.3 µs through a bare ctypes prototype writing into one array); numpy does the rest in a
    few vectorised passes.

    The step after a glyph is the distance to the next glyph's origin; it is a space when it
    exceeds the glyph's advance by ``_SPACE_GAP`` line heights. The advance in the font's
    widths can be wrong (wkhtmltopdf's "f" claims 0.53 em where it is drawn 0.33 em wide,
    hiding the space in "of the"), so each glyph's advance is learnt from the page (see
    :func:`_learn`). A glyph is keyed by its character and its box width, which differ
    between fonts and sizes. When the measured tokens teach too little about a glyph that
    may hide a space (the "f" of "ofthe" where every other "f" sits in a plain word), a few
    plain words holding that character are measured too.
    """
    tokens = text.split()
    flags = _suspect_tokens(tokens)
    if not any(flags):
        return text
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    solid = ~_space_table(np)[np.minimum(codes, _SPACE_TABLE_SIZE - 1)]
    edges = np.flatnonzero(np.diff(np.concatenate(([False], solid, [False])).astype(np.int8)))
    if len(edges) != 2 * len(tokens):  # pragma: no cover - str.split and the table agree
        return text
    starts, lengths = edges[0::2], edges[1::2] - edges[0::2]
    chosen = np.array(flags, dtype=bool)
    glyphs = _positions(np, starts[chosen], lengths[chosen])
    box = _glyph_boxes(np, pdfium_c, textpage, glyphs)
    learnt = _learn(np, codes, glyphs, box, text)
    if learnt is None:
        return text
    if learnt.weak:
        extra = _teaching_tokens(tokens, flags, learnt.weak)
        if extra:
            more = _positions(np, starts[extra], lengths[extra])
            glyphs = np.concatenate((glyphs, more))  # tokens stay whole: no pair across the seam
            box = np.concatenate((box, _glyph_boxes(np, pdfium_c, textpage, more)))
            learnt = _learn(np, codes, glyphs, box, text, weak=False)
            if learnt is None:  # pragma: no cover - more glyphs make no fewer pairs
                return text
    if not len(learnt.cuts):
        return text
    cuts: list[int] = np.sort(glyphs[learnt.cuts] + 1).tolist()
    return " ".join(text[start:end] for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True))


def _positions(np: Any, starts: Any, lengths: Any) -> Any:
    """The positions of every character of the tokens at ``starts`` (of ``lengths``), in order."""
    return np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())


def _glyph_boxes(np: Any, pdfium_c: Any, textpage: Any, glyphs: Any) -> Any:
    """The loose boxes (left, top, right, bottom) of the characters at ``glyphs``, one row each."""
    count = len(glyphs)
    boxes = (ctypes.c_float * (4 * count))()  # FS_RECTF per glyph
    base = ctypes.addressof(boxes)
    handle = ctypes.cast(textpage, ctypes.c_void_p).value
    # map() calls the C function without a bytecode loop around it (about 10 % faster).
    deque(
        map(_loose_char_box(pdfium_c), repeat(handle), glyphs.tolist(), range(base, base + 16 * count, 16)),
        maxlen=0,
    )
    box = np.frombuffer(memoryview(boxes).cast("B"), dtype=np.float32).reshape(count, 4).astype(np.float64)
    if not np.isfinite(box).all():  # a damaged font matrix
        box = np.nan_to_num(box, posinf=0.0, neginf=0.0)
    return box


@dataclass
class _Learnt:
    cuts: Any  # indices into the glyphs after which a space goes
    weak: frozenset[str]  # letters whose advance the measured tokens could not teach


def _learn(np: Any, codes: Any, glyphs: Any, box: Any, text: str, *, weak: bool = True) -> _Learnt | None:
    """Learn each glyph's advance from the measured pairs and find the steps that are spaces.

    The advance is learnt from the steps after the glyph that fit inside its box, which are
    inside words: the median of them when there are four or more (a lower quantile would take
    kerned pairs such as "To" for the advance), the largest of two or three; else the box
    width is the advance. Steps beyond the box do not teach the advance, so a page where "of"
    is mostly glued to the next word still learns the "f" from "office" and "for"; a single
    step inside the box is no evidence (a kerned pair, or an accent drawn over its letter).
    With ``weak``, the letters that have fewer than two steps inside their box yet some step
    that only a learnt advance could show to be a space are returned too. None when no two
    measured glyphs are adjacent.
    """
    # pair k: glyph k and the glyph after it in the same token, unless that is one of PDFium's
    # marks for a hyphen at a line end (a space before it would keep the word split)
    adjacent = glyphs[1:] == glyphs[:-1] + 1
    if "\ufffe" in text or "\x02" in text:
        following = codes[glyphs[1:]]
        adjacent &= (following != 0x02) & (following != 0xFFFE)
    pair = np.flatnonzero(adjacent)
    if not len(pair):
        return None
    here = box[pair]
    width = here[:, 2] - here[:, 0]
    height = here[:, 1] - here[:, 3]
    step = box[pair + 1, 0] - here[:, 0]
    # boxes are float32: widths wobble in the last bits, so they are keyed in 1/32 points
    quantised = np.clip(width * 32, -(2.0**31), 2.0**31 - 1).astype(np.int64) + 2**31
    key = (codes[glyphs[pair]].astype(np.int64) << 32) | quantised
    order = np.lexsort((step, key))  # by key, then by step
    steps = step[order]
    sorted_keys = key[order]
    firsts = np.flatnonzero(np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1])))
    sizes = np.diff(np.append(firsts, len(steps)))
    first = order[firsts]
    box_width = width[first]
    gap = _SPACE_GAP * height[first]
    # the steps that fit inside the box come first in each key's sorted run
    fits = steps <= np.repeat(box_width + 1e-3 * np.abs(height[first]), sizes)
    inside = np.add.reduceat(fits, firsts, dtype=np.intp)
    advance = box_width.copy()
    few = (inside >= 2) & (inside < 4)
    advance[few] = steps[firsts[few] + inside[few] - 1]
    many = inside >= 4
    advance[many] = steps[firsts[many] + inside[many] // 2]
    cut = np.flatnonzero(steps > np.repeat(advance + gap, sizes))
    letters: frozenset[str] = frozenset()
    if weak:
        # a step beyond the box but within the gap of it, and too little to learn from
        doubtful = ~fits & (steps <= np.repeat(box_width + gap, sizes))
        keys = np.flatnonzero((inside < 2) & (np.add.reduceat(doubtful, firsts, dtype=np.intp) > 0))
        letters = frozenset(
            char for char in map(text.__getitem__, glyphs[pair[first[keys]]].tolist()) if char.isalpha()
        )
    return _Learnt(pair[order[cut]], letters)


# Plain words measured per weak character to learn its advance from.
_TEACHING_WORDS = 6


def _teaching_tokens(tokens: list[str], flags: list[bool], weak: frozenset[str]) -> list[int]:
    """Indices of a few plain (unmeasured) tokens that hold each weak character before their end."""
    wanted = dict.fromkeys(weak, _TEACHING_WORDS)
    chosen = []
    for index, token in enumerate(tokens):
        if flags[index] or wanted.keys().isdisjoint(token[:-1]):
            continue
        chosen.append(index)
        for char in wanted.keys() & set(token[:-1]):
            wanted[char] -= 1
            if not wanted[char]:
                del wanted[char]
        if not wanted:
            break
    return chosen


# Characters str.split() splits on (str.isspace), as a table by code point; none lies above.
_SPACE_TABLE_SIZE = 0x3002
_SPACE_TABLES: list[Any] = []


def _space_table(np: Any) -> Any:
    if not _SPACE_TABLES:
        _SPACE_TABLES.append(np.array([chr(code).isspace() for code in range(_SPACE_TABLE_SIZE)], dtype=bool))
    return _SPACE_TABLES[0]


def _suspect_tokens(tokens: list[str]) -> list[bool]:
    """Which tokens may hide a lost space: those that are not plain English words.

    A token is suspect when it shows a seam (see ``_SEAM_RE``), holds a run of three or more
    letters that is not an English word ("ofthe", "Vanderbiltstudents", also names and product
    names), or is an English word that splits into two ("fora", "followup", "another"): glued
    words make one of these. On LiveCareer pages this is about half the glyphs. Most tokens
    repeat, so each is judged once per process.
    """
    cache = _SUSPECT_CACHE
    flags: list[bool | None] = list(map(cache.get, tokens))
    if None in flags:
        if len(cache) > _SUSPECT_CACHE_SIZE:
            cache.clear()
        parts = _word_parts()
        for index, flag in enumerate(flags):
            if flag is None:
                flags[index] = cache[tokens[index]] = _suspect(tokens[index], parts)
    return cast("list[bool]", flags)  # no None is left


def _suspect(token: str, parts: frozenset[str]) -> bool:
    if len(token) < 3:
        return False  # too short to hold two words
    core = token if token.isalpha() else token.strip(_EDGE_PUNCTUATION)
    if core.isalpha():  # most tokens: string methods instead of the regular expressions
        if not (core.islower() or core.isupper() or core.istitle()):
            return True  # a change of case inside: "WorkingRF", "ofThe"
        low = core.lower()
        return len(low) >= 3 and (low not in parts or _splits(low, parts))
    if _SEAM_RE.search(token):
        return True
    for run in _LETTERS_RE.findall(token):
        low = run.lower()
        if len(low) >= 3 and (low not in parts or _splits(low, parts)):
            return True
    return False


def _splits(word: str, parts: frozenset[str]) -> bool:
    """Whether ``word`` reads as two words ("fora" is "for a", "teamwork" is "team work")."""
    for cut in range(1, len(word)):  # noqa: SIM110  (a plain loop: twice as fast as any() on a generator)
        if word[:cut] in parts and word[cut:] in parts:
            return True
    return False


_WORD_PARTS: list[frozenset[str]] = []


def _word_parts() -> frozenset[str]:
    """English words (three letters and more) and the short words that glue onto others."""
    if not _WORD_PARTS:
        from ._typos import common_words

        _WORD_PARTS.append(common_words() | _SHORT_WORDS)
    return _WORD_PARTS[0]


_BOX_FUNCTION: list[Any] = []


def _loose_char_box(pdfium_c: Any) -> Any:
    """``FPDFText_GetLooseCharBox`` as a prototype taking plain integers (no argument conversion).

    It keeps the GIL through the call (``PYFUNCTYPE``): the call takes well under a microsecond,
    less than releasing and taking back the GIL costs (12 % of the time of a call), and PDFium
    runs under ``_PDFIUM_LOCK`` anyway.
    """
    if not _BOX_FUNCTION:
        address = ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p).value
        if address is None:  # pragma: no cover - the symbol is always there
            raise RuntimeError("PDFium lacks FPDFText_GetLooseCharBox")
        prototype = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)
        _BOX_FUNCTION.append(prototype(address))
    return _BOX_FUNCTION[0]


# --- glyphs PDFium could not map ---------------------------------------------------------

# A font without a ToUnicode map whose encoding PDFium cannot read (TeX's Type 1 fonts) makes
# PDFium emit the raw character code: the ligatures ff, fi, fl, ffi, ffl come out as control
# characters ("Scienti\x1cc", "\x1dexible", "Air\x1dow"), which normalisation would drop.
# pdfminer.six reads the glyph names from the embedded font program, so for the pages that
# show such codes between letters it tells which text each code stands for.
_UNMAPPED_RE = re.compile(r"(?<=[^\W\d_])(?:[\x0b\x0c\x0e-\x1f]|\r(?!\n))|(?:[\x0b\x0c\x0e-\x1f]|\r(?!\n))(?=[^\W\d_])")


# The cheap test first: a control character other than PDFium's own \r\n line breaks.
_CONTROL_RE = re.compile("[\x0b\x0c\x0e-\x1f]|\r(?!\n)")


def _unmapped_codes(text: str) -> frozenset[int]:
    if not _CONTROL_RE.search(text) or not _UNMAPPED_RE.search(text):
        return frozenset()
    return frozenset(ord(match.group()) for match in _UNMAPPED_RE.finditer(text))


def _recover_ligatures(
    data: bytes, pages: list[str], suspects: dict[int, frozenset[int]], password: str | None
) -> None:
    """Replace the raw codes on the ``suspects`` pages by the letters pdfminer.six finds for them."""
    import unicodedata

    try:
        found = _codes_by_pdfminer(data, suspects, password)
    except Exception:  # the PDF is damaged in a way pdfminer cannot read: keep PDFium's text
        return
    for index, mapping in found.items():
        table = {}
        for code, texts in mapping.items():
            letters = {unicodedata.normalize("NFKC", text) for text in texts}
            letters = {text for text in letters if text.isalpha() and len(text) <= 3}
            if len(letters) == 1:  # the page's fonts agree on what the code is
                table[chr(code)] = letters.pop()
        if table:
            pages[index] = _UNMAPPED_RE.sub(partial(_lookup, table), pages[index])


def _lookup(table: dict[str, str], match: re.Match[str]) -> str:
    return table.get(match.group(), match.group())


def _codes_by_pdfminer(
    data: bytes, suspects: dict[int, frozenset[int]], password: str | None
) -> dict[int, dict[int, set[str]]]:
    """For each suspect page, what each code is in each of the page's fonts (by glyph name).

    Only the fonts are loaded; the page's content is not interpreted.
    """
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFObjRef, resolve1

    result: dict[int, dict[int, set[str]]] = {}
    with warnings.catch_warnings(), _quiet_logger("pdfminer"):
        warnings.simplefilter("ignore")
        document = PDFDocument(PDFParser(io.BytesIO(data)), password=password or "")
        manager = PDFResourceManager(caching=True)
        last = max(suspects)
        for index, page in enumerate(PDFPage.create_pages(document)):
            if index > last:
                break
            if index not in suspects:
                continue
            mapping: dict[int, set[str]] = {}
            fonts = resolve1(resolve1(page.resources or {}).get("Font")) or {}
            for spec in fonts.values() if isinstance(fonts, dict) else ():
                objid = spec.objid if isinstance(spec, PDFObjRef) else None
                font_dict = resolve1(spec)
                if not isinstance(font_dict, dict):
                    continue
                try:
                    font = manager.get_font(objid, font_dict)
                except Exception:  # an unreadable font: the others may still tell
                    continue
                for code in suspects[index]:
                    try:
                        mapping.setdefault(code, set()).add(font.to_unichr(code))
                    except Exception:  # PDFUnicodeNotDefined: this font has no name for the code
                        continue
            result[index] = mapping
    return result


# --- pdfminer.six --------------------------------------------------------------------------


def _read_pdfminer(data: bytes, *, name: str, limits: Limits, password: str | None) -> PdfText:
    from pdfminer.converter import TextConverter
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    result = PdfText(pages=[], page_count=0, backend="pdfminer")
    # pdfminer reports damage it recovers from as Python warnings and log records; neither is
    # ours to show (the caller gets a typed error or the text).
    with warnings.catch_warnings(), _quiet_logger("pdfminer"):
        warnings.simplefilter("ignore")
        try:
            document = PDFDocument(PDFParser(io.BytesIO(data)), password=password or "")
            manager = PDFResourceManager(caching=True)
            laparams = LAParams()
            chars = 0
            for index, page in enumerate(PDFPage.create_pages(document)):
                result.page_count = index + 1
                if index >= limits.max_pages:
                    continue
                out = io.StringIO()
                device = TextConverter(manager, out, laparams=laparams)
                try:
                    PDFPageInterpreter(manager, device).process_page(page)
                finally:
                    device.close()
                text = out.getvalue()
                chars += len(text)
                if chars > limits.max_chars:
                    raise _chars_exceeded(name, limits)
                result.pages.append(text)
        except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
            reason = "the password is wrong" if password else "it needs a password to open"
            raise EncryptedDocumentError(f"PDF is encrypted and {reason}", source=name) from exc
        except LimitExceededError:
            raise
        except Exception as exc:  # pdfminer raises dozens of types (and KeyError, TypeError ...) on damage
            raise CorruptDocumentError(
                f"pdfminer.six cannot parse the PDF ({type(exc).__name__}: {exc})", source=name
            ) from exc
    if result.page_count == 0:
        raise CorruptDocumentError("PDF has no pages", source=name)
    _warn_page_limit(result, limits)
    return result


@contextlib.contextmanager
def _quiet_logger(name: str) -> Iterator[None]:
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _chars_exceeded(name: str, limits: Limits) -> LimitExceededError:
    return LimitExceededError(
        f"extracted text is longer than max_chars={limits.max_chars:,} characters", limit="max_chars", source=name
    )


def _warn_page_limit(result: PdfText, limits: Limits) -> None:
    if result.page_count > limits.max_pages:
        result.warnings.append(
            f"read the first {limits.max_pages} of {result.page_count} pages (max_pages={limits.max_pages})"
        )
