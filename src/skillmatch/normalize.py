"""Turn extracted text into the clean text every later stage reads.

>>> normalize_text("Experienced ﬁnancial develop-\\nment with Python\\u00ad3 ● Docker")
'Experienced financial development with Python3 • Docker'
>>> normalize_text("NaÃ¯ve Bayes â€“ CafÃ©")
'Naïve Bayes – Café'

``normalize_text`` is idempotent (normalising twice gives the same text, so offsets into a
normalised text stay valid when it is passed through again) and never raises. It runs on every
CV, so each step is one C-level pass (a regular expression, ``str.replace``, NFKC) and text
that needs no step skips it: pure ASCII skips everything Unicode, and ftfy is only called for
the lines that show mojibake.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text"]

# --- characters dropped or replaced before NFKC -----------------------------------------------

# Dropped: soft hyphen, zero-width spaces and joiners, word joiner, BOM, the non-character
# U+FFFF, and the C0/C1 control characters other than tab, newline and form feed. Trademark
# signs go too: NFKC would turn "Java™" into "JavaTM".
_DROP: dict[int, str | None] = dict.fromkeys(
    [
        0x00AD,
        0x200B,
        0x200C,
        0x200D,
        0x200E,
        0x200F,
        0x2060,
        0xFEFF,
        0xFFFF,
        0x2122,
        0x2120,
        *range(0x00, 0x09),
        0x0B,
        *range(0x0E, 0x20),
        0x7F,
        *range(0x80, 0xA0),
    ],
    None,
)
_DROP[0x0C] = "\n\n"  # form feed: a page break
_DROP[0x85] = "\n"  # next line
_DROP[0x2028] = "\n"  # line separator
_DROP[0x2029] = "\n\n"  # paragraph separator
# PDFium marks a hyphen it found at a line end with U+FFFE (older versions with \x02); both
# become one marker the hyphenation rule below resolves.
_HYPHEN_MARK = "\x02"
_DROP[0x02] = _HYPHEN_MARK
_DROP[0xFFFE] = _HYPHEN_MARK

# Bullet glyphs seen in CVs, including the Symbol/Wingdings private-use code points PDF
# producers emit; all become "•". Other private-use characters are icon-font glyphs (phone,
# envelope, GitHub logo ...) and carry no text.
_BULLETS = "•◦▪▫●○■□►▸▹▶➢➤✓✔✗❖◆◇⦿⁃∙·\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0e0\uf02d"
_DROP[0x1680] = " "  # the one white space NFKC keeps
_TABLE: dict[str, str] = {chr(code): value or "" for code, value in _DROP.items()}
_TABLE.update(dict.fromkeys(_BULLETS, "•"))
# A regular expression finds the few characters to replace far faster than str.translate
# walks a whole text through a dict. Private-use characters (icon glyphs) and noncharacters
# go as well.
_SPECIAL_RE = re.compile("[" + "".join(re.escape(char) for char in _TABLE) + "\ue000-\uf8ff\U000f0000-\U0010ffff]")


def _replace_special(match: re.Match[str]) -> str:
    return _TABLE.get(match.group(), "")


# --- line-level rules after NFKC --------------------------------------------------------------

# A word split by a hyphen at a line end ("develop-\nment", or PDFium's marker with or without
# the line break): joined when lower-case letters stand on both sides; otherwise the marker is
# a plain hyphen ("Sarbanes-Oxley").
# These run after white space is collapsed (no space next to a newline), and each pattern
# starts with a literal, so the engine skips ahead to it instead of trying every position.
_LOWER = "a-zß-öø-ÿ"
_HYPHEN_JOIN_RE = re.compile(rf"-\n(?<=[{_LOWER}]-\n)(?=[{_LOWER}])")
_MARK_JOIN_RE = re.compile(rf"\x02\n?(?<=[{_LOWER}]\x02)(?=[{_LOWER}])|\x02\n(?<=[{_LOWER}]\x02\n)(?=[{_LOWER}])")
# A line starting with "- ", "* ", "– " or "•" is a list item: one bullet, one space.
_LEADING_BULLET_RE = re.compile(r"\n(?:[*\-–] |•(?=\S))")
# (Written as literals then "+", not "{2,}": only a literal prefix makes re skip ahead fast.)
_MANY_NEWLINES_RE = re.compile("\n\n\n+")
_SPACES_RE = re.compile("  +")

# --- mojibake ---------------------------------------------------------------------------------

# UTF-8 read as cp1252 (or latin-1): a lead byte shown as Â..ô followed by continuation
# bytes shown as cp1252 characters 0x80-0xBF ("Ã©", "â€“"). Finding one is the hint that
# the (slower) repair is needed.
_CP1252_CONT = bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore")
_CONT = "[" + re.escape(_CP1252_CONT) + "\u0081\u008d\u008f\u0090\u009d]"
_MOJIBAKE_RE = re.compile(f"[Â-ô]{_CONT}")
_MOJIBAKE_SEQ_RE = re.compile(f"[Â-ß]{_CONT}|[à-ï]{_CONT}{{2}}|[ð-ô]{_CONT}{{3}}")
# wkhtmltopdf drops the bytes cp1252 cannot show (0x81, 0x8D, 0x8F, 0x90, 0x9D), so some
# sequences lose their last byte; the commonest ones, seen in the LiveCareer PDFs:
_LOST_QUOTE_RE = re.compile("â€(?=[ \n)]|$)")  # ” = E2 80 9D
_LOST_BULLET_RE = re.compile(f"â—(?!{_CONT})")  # ● = E2 97 8F
_LOST_I_ACUTE_RE = re.compile("Ã(?<=[a-z]Ã)(?=[a-z])")  # í = C3 AD (the soft hyphen vanished)
# NBSP = C2 A0 with the A0 turned into a plain space or lost: a stray "Â" is a space, unless
# an upper-case letter follows (French all-caps: "ÂGE", "CHÂTEAU").
_LOST_NBSP = f"Â(?![A-Z]|{_CONT})"
_LOST_NBSP_RE = re.compile(_LOST_NBSP)
_MOJIBAKE_ANY_RE = re.compile(f"[Â-ô]{_CONT}|â€|â—|Ã(?<=[a-z]Ã)(?=[a-z])|{_LOST_NBSP}")
# The lead characters of nearly all mojibake in Latin-script text (Ã for é/ü, Â for NBSP/·/®,
# â for –/’/“/•/€, Ä/Å for ł/ś/ž ...): looking for these five with ``in`` costs next to
# nothing, scanning for the general pattern about 10 ns a character. (Mojibake of Cyrillic,
# Greek or CJK text, led by Ð/Ñ/Î/ã..., is left alone.)
_MOJIBAKE_LEADS = ("Ã", "Â", "â", "Å", "Ä")
# Printable ASCII plus tab and newline: what an ASCII text may hold without a control character.
_ASCII_TEXT = bytes([9, 10, *range(32, 127)])


def normalize_text(text: str) -> str:
    """Normalise extracted text: Unicode compatibility forms and ligatures, mojibake, soft
    hyphens, control characters, bullets, words hyphenated across line ends, spacing."""
    result = _normalize(text)
    for _ in range(4):
        if not _maybe_mojibake(result):
            break
        # Repairing can expose another layer of mojibake (text encoded twice, or characters
        # the first pass joined), so a text that still shows a hint is passed through again
        # until nothing changes.
        again = _normalize(result)
        if again == result:
            break
        result = again
    return result


def _normalize(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        # Deleting the allowed bytes leaves the control characters (fast C, unlike a regex).
        if text.encode("ascii").translate(None, _ASCII_TEXT):
            text = _SPECIAL_RE.sub(_replace_special, text)
    else:
        if _maybe_mojibake(text):
            text = _fix_mojibake(text)
        text = _SPECIAL_RE.sub(_replace_special, text)
        if not unicodedata.is_normalized("NFKC", text):
            # (Compatibility forms and ligatures: "ﬁ" → "fi", full-width letters, NBSP → space.)
            text = unicodedata.normalize("NFKC", text)
            # NFKC can make a character the table replaces ("·" from the Greek ano teleia).
            text = _SPECIAL_RE.sub(_replace_special, text)
    # White space: str.replace passes are much faster here than a regular expression.
    if "\t" in text:
        text = text.replace("\t", " ")
    if "  " in text:
        text = _SPACES_RE.sub(" ", text)
    text = text.replace(" \n", "\n").replace("\n ", "\n").strip()
    if "-\n" in text:
        text = _HYPHEN_JOIN_RE.sub("", text)
    if _HYPHEN_MARK in text:
        text = _MARK_JOIN_RE.sub("", text).replace(_HYPHEN_MARK, "-")
    if "•" in text or "- " in text or "* " in text or "– " in text:
        text = _LEADING_BULLET_RE.sub("\n• ", "\n" + text)[1:]
    if "\n\n\n" in text:
        text = _MANY_NEWLINES_RE.sub("\n\n", text)
    return text


def _maybe_mojibake(text: str) -> bool:
    if text.isascii() or not any(lead in text for lead in _MOJIBAKE_LEADS):
        return False
    return _MOJIBAKE_ANY_RE.search(text) is not None


def _fix_mojibake(text: str) -> str:
    """Repair UTF-8 that was decoded as cp1252, line by line where a hint shows."""
    text = _LOST_QUOTE_RE.sub("”", text)
    text = _LOST_BULLET_RE.sub("•", text)
    text = _LOST_I_ACUTE_RE.sub("í", text)
    text = _LOST_NBSP_RE.sub(" ", text)
    if not _MOJIBAKE_RE.search(text):
        return text
    for _ in range(3):  # each round undoes one layer of double encoding
        fixed = _MOJIBAKE_SEQ_RE.sub(_decode_sequence, text)
        if fixed == text:
            break
        text = fixed
    if _MOJIBAKE_RE.search(text):
        text = "\n".join(_ftfy_line(line) if _MOJIBAKE_RE.search(line) else line for line in text.split("\n"))
    return text


def _decode_sequence(match: re.Match[str]) -> str:
    seq = match.group()
    try:
        raw = bytes(_cp1252_byte(char) for char in seq)
        decoded = raw.decode("utf-8")
    except (ValueError, UnicodeError):
        return seq
    # A C1 control or a lone combining mark is not what the writer meant: leave the text alone.
    if len(decoded) != 1 or "\x80" <= decoded <= "\x9f" or unicodedata.combining(decoded):
        return seq
    return decoded


def _cp1252_byte(char: str) -> int:
    code = ord(char)
    if code < 0x100:
        return code
    return char.encode("cp1252")[0]  # raises UnicodeError for characters cp1252 lacks


def _ftfy_line(line: str) -> str:
    import ftfy  # imported here only: most texts never need it

    fixed: str = ftfy.fix_encoding(line)
    return fixed
