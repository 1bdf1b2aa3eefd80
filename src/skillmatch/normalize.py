"""Turn extracted text into the clean text every later stage reads.

>>> normalize_text("Experienced ﬁnancial develop-\\nment with Python\\u00ad3 ● Docker")
'Experienced financial development with Python3 • Docker'

``normalize_text`` is idempotent: normalising twice gives the same text, so offsets into a
normalised text stay valid when it is passed through again.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text"]

# Characters that are dropped outright: soft hyphen, zero-width spaces and joiners, BOM,
# word joiner, and the C0/C1 control characters other than tab and newline.
_DROP = dict.fromkeys(
    [
        0x00AD,
        0x200B,
        0x200C,
        0x200D,
        0x2060,
        0xFEFF,
        *range(0x00, 0x09),
        0x0B,
        *range(0x0E, 0x20),
        0x7F,
        *range(0x80, 0xA0),
    ],
    None,
)
_DROP[0x0C] = "\n\n"  # form feed: a page break
_DROP[0x02] = "\x02"  # kept for the line-end hyphen rule below, removed after it

# Bullet glyphs seen in CVs, including the Symbol/Wingdings private-use code points PDF
# producers emit; all become "•".
_BULLETS = "•◦▪▫●○■□►▸▹▶➢➤✓✔✗❖◆◇⦿⁃∙·\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0e0\uf02d"
_BULLET_TABLE = str.maketrans(dict.fromkeys(_BULLETS, "•"))
_LEADING_BULLET_RE = re.compile(r"(?m)^(?:[*\-–][ \t]+|•[ \t]*)(?=\S)")
_PRIVATE_USE_RE = re.compile(r"[\ue000-\uf8ff]")

# A word split by a hyphen at a line end ("develop-\nment"), or by pypdfium2's \x02 marker.
_LINE_END_HYPHEN_RE = re.compile(r"(?<=[a-zà-ÿ])[-\x02][ \t]*\n[ \t]*(?=[a-zà-ÿ])")
_STRAY_STX_RE = re.compile(r"\x02\s*")
_HSPACE_RE = re.compile(r"[^\S\n]+")
_EDGE_SPACE_RE = re.compile(r"(?m)^ +| +$")
_MANY_NEWLINES_RE = re.compile(r"\n{3,}")

# Mojibake hints: UTF-8 read as cp1252/latin-1 ("NaÃ¯ve", "â€™"). ftfy is only asked when
# one is present, because running it on every text would cost more than the rest of this
# function together.
_MOJIBAKE_RE = re.compile(
    "[ÃÂâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)


def normalize_text(text: str) -> str:
    """Normalise extracted text: Unicode compatibility forms and ligatures, mojibake, soft
    hyphens, control characters, bullets, words hyphenated across line ends, spacing."""
    if _MOJIBAKE_RE.search(text):
        import ftfy  # imported here only: most texts never need it

        text = ftfy.fix_text(text, normalization="NFC")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_BULLET_TABLE)
    text = _PRIVATE_USE_RE.sub(_private_use, text)
    text = text.translate(_DROP)
    text = _LINE_END_HYPHEN_RE.sub("", text)
    text = _STRAY_STX_RE.sub("-", text)
    text = _HSPACE_RE.sub(" ", text)
    text = _EDGE_SPACE_RE.sub("", text)
    text = _LEADING_BULLET_RE.sub("• ", text)
    text = _MANY_NEWLINES_RE.sub("\n\n", text)
    return text.strip()


def _private_use(m: re.Match[str]) -> str:
    # An icon font glyph (phone, envelope, GitHub logo ...) carries no text.
    return ""
