"""Free-text job ads cut into blocks by their headings, and blocks into items.

The first of the two steps of reading an ad's text (the second, grouping each item's
skills into requirements, is ``_jd_groups``): the heading table that tells a
"Requirements" block from a "Nice to have", a duties or a boilerplate one, and the rules
that split a block into bullets and sentences. Kept apart from ``jd`` because the table
alone is longer than the public API, and it changes for different reasons (new heading
wordings from real ads) than the grouping does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = ["BULLET_RE", "Block", "BlockKind", "find_blocks", "find_items", "find_title"]

BlockKind = Literal["title", "required", "preferred", "duties", "stack", "boilerplate", "other"]

# -- headings ----------------------------------------------------------------------
# Heading text (lower case, without punctuation) -> block kind; a heading matches when
# it starts with one of these phrases. Longer phrases win over shorter ones.
_HEADINGS: dict[str, BlockKind] = {
    # what the candidate must bring
    "requirements": "required",
    "requirement": "required",
    "required": "required",
    "required skills": "required",
    "required qualifications": "required",
    "required experience": "required",
    "minimum qualifications": "required",
    "minimum requirements": "required",
    "basic qualifications": "required",
    "qualifications": "required",
    "must have": "required",
    "must haves": "required",
    "musthaves": "required",
    "what you ll need": "required",
    "what you will need": "required",
    "what you need": "required",
    "what we re looking for": "required",
    "what we are looking for": "required",
    "what we need": "required",
    "what we ll need": "required",
    "what we will need": "required",
    "what you need to have": "required",
    "what you will need to have": "required",
    "this is what you will need": "required",
    "the skills we re looking for": "required",
    "skills we re looking for": "required",
    "mandatory": "required",
    "mandatory skills": "required",
    "mandatory qualifications": "required",
    "mandatory requirements": "required",
    "we re looking for": "required",
    "who you are": "required",
    "about you": "required",
    "you have": "required",
    "you ll have": "required",
    "you should have": "required",
    "your profile": "required",
    "your skills": "required",
    "your experience": "required",
    "skills": "required",
    "skills and experience": "required",
    "skills experience": "required",
    "key skills": "required",
    "technical skills": "required",
    "experience": "required",
    "essential": "required",
    "essentials": "required",
    "what you bring": "required",
    "what you ll bring": "required",
    "the ideal candidate": "required",
    "ideal candidate": "required",
    "candidate profile": "required",
    "we expect": "required",
    "competencies": "required",
    # nice to have
    "nice to have": "preferred",
    "nice to haves": "preferred",
    "nicetohave": "preferred",
    "bonus": "preferred",
    "bonus points": "preferred",
    "preferred": "preferred",
    "preferred qualifications": "preferred",
    "preferred skills": "preferred",
    "preferred experience": "preferred",
    "desirable": "preferred",
    "desired": "preferred",
    "desired skills": "preferred",
    "pluses": "preferred",
    "plus": "preferred",
    "extra credit": "preferred",
    "good to have": "preferred",
    "would be great": "preferred",
    "it would be great if": "preferred",
    "additional qualifications": "preferred",
    "ideally": "preferred",
    "brownie points": "preferred",
    "even better": "preferred",
    "optional": "preferred",
    # what the job is
    "responsibilities": "duties",
    "key responsibilities": "duties",
    "your responsibilities": "duties",
    "what you ll do": "duties",
    "what you will do": "duties",
    "what you ll be doing": "duties",
    "what you will be doing": "duties",
    "the role": "duties",
    "about the role": "duties",
    "role": "duties",
    "your role": "duties",
    "the job": "duties",
    "job description": "duties",
    "description": "duties",
    "day to day": "duties",
    "your mission": "duties",
    "mission": "duties",
    "duties": "duties",
    "in this role": "duties",
    "the opportunity": "duties",
    "your impact": "duties",
    "the position": "duties",
    "overview": "duties",
    "summary": "duties",
    "tasks": "duties",
    "your tasks": "duties",
    "your job": "duties",
    # job-board metadata ("Experience level: Senior"): neither asked nor boilerplate
    "experience level": "other",
    "seniority": "other",
    "seniority level": "other",
    "job type": "other",
    "employment type": "other",
    # the company's stack: relevant, not demanded
    "tech stack": "stack",
    "our stack": "stack",
    "our tech stack": "stack",
    "technologies": "stack",
    "technologies we use": "stack",
    "our technology": "stack",
    "tools we use": "stack",
    # boilerplate: skills named here are not requirements
    "about us": "boilerplate",
    "about the company": "boilerplate",
    "about the team": "boilerplate",
    "who we are": "boilerplate",
    "our company": "boilerplate",
    "company": "boilerplate",
    "benefits": "boilerplate",
    "job benefits": "boilerplate",
    "our offer": "boilerplate",
    "our promise": "boilerplate",
    "what we can offer": "boilerplate",
    "what we offer": "boilerplate",
    "we offer": "boilerplate",
    "perks": "boilerplate",
    "compensation": "boilerplate",
    "salary": "boilerplate",
    "how we hire": "boilerplate",
    "hiring process": "boilerplate",
    "our process": "boilerplate",
    "interview process": "boilerplate",
    "equal opportunity": "boilerplate",
    "diversity": "boilerplate",
    "why join us": "boilerplate",
    "why us": "boilerplate",
    "why you ll love": "boilerplate",
    "our culture": "boilerplate",
    "culture": "boilerplate",
    "life at": "boilerplate",
    "how to apply": "boilerplate",
    "apply": "boilerplate",
    "location": "boilerplate",
}
_MAX_HEADING_CHARS = 60
_HEADING_KEY_RE = re.compile(r"[^a-z0-9]+")
_MD_HEADING_RE = re.compile(r"\s*#{1,6}\s+\S")
BULLET_RE = re.compile(r"\s*(?:[-*•●▪◦‣·○■□➢➤►▶✓✔→–—]|\d{1,2}[.)])\s+")
_LINKING_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "including", "into", "like", "of", "on", "or"}
    | {"such", "than", "that", "the", "to", "using", "via", "with"}
)
_ITEM_STARTS = frozenset({"with", "in", "of", "using", "on", "at", "building", "designing", "working"})
_SENTENCE_END_RE = re.compile(r"[.!?;](?=\s|$)")
_ABBREVIATION_RE = re.compile(r"\b(?:e\.\s?g|i\.\s?e|eg|ie|etc|vs|incl|approx|esp|min|max|yrs|no)$")


@dataclass(frozen=True, slots=True)
class Block:
    """The stretch ``text[start:end]`` of an ad under one heading (``heading`` as written)."""

    kind: BlockKind
    heading: str
    start: int
    end: int


# -- blocks and items -------------------------------------------------------------------


def _heading_kind(line: str) -> tuple[BlockKind | None, bool]:
    """(kind, inline) of a heading line; inline when content follows a colon on the line."""
    stripped = line.strip().strip("#*_=>|").strip()
    if not stripped or len(stripped) > _MAX_HEADING_CHARS * 3:
        return None, False
    head, colon, rest = stripped.partition(":")
    inline = bool(colon and rest.strip())
    if len(head) > _MAX_HEADING_CHARS or BULLET_RE.match(line):
        return None, False
    if not inline and not colon and len(head.split()) > 7:
        return None, False
    key = _HEADING_KEY_RE.sub(" ", head.lower()).strip()  # "What you'll need" -> "what you ll need"
    kind = _lookup_heading(key)
    if kind is None and not inline and _MD_HEADING_RE.match(line):
        return "other", False
    if kind is None and not inline and head.istitle() and colon and len(head.split()) <= 4:
        return "other", False
    if kind is None:
        return None, False
    # "About Kestrel Pay" is boilerplate, "About you" is not: handled by the table order.
    return kind, inline


def _lookup_heading(key: str) -> BlockKind | None:
    words = key.split()
    if not words:
        return None
    # longest phrase first: "preferred qualifications" before "preferred"
    for n in range(min(len(words), 6), 0, -1):
        phrase = " ".join(words[:n])
        kind = _HEADINGS.get(phrase)
        if kind is not None:
            rest = words[n:]
            if n == len(words):
                return kind
            # "Skills & Experience", "Requirements for this role" are headings;
            # "Experience with Docker and" is an item of a list
            if len(rest) <= 3 and rest[0] not in _ITEM_STARTS and rest[-1] not in _LINKING_WORDS:
                return kind
            return None
    if words[0] == "about" and len(words) <= 4:
        return "boilerplate"  # "About Kestrel Pay"
    return None


def find_blocks(text: str) -> list[Block]:
    """Split a job ad at its headings; the text before the first heading is ``title``/``other``."""
    blocks: list[Block] = []
    kind: BlockKind = "other"
    heading = ""
    start = 0
    pos = 0
    first_line = True
    for line in text.splitlines(keepends=True):
        line_kind, inline = _heading_kind(line)
        if first_line and line.strip():
            first_line = False
            if (line_kind is None or line_kind == "other") and _looks_like_title(line):
                # the first line of an ad is its title
                blocks.append(Block("title", line.strip(), pos, pos + len(line)))
                start = pos + len(line)
                pos += len(line)
                continue
        if line_kind is not None:
            if pos > start:
                blocks.append(Block(kind, heading, start, pos))
            kind, heading = line_kind, line.strip()
            # an inline heading keeps its line ("Requirements: Python, Go")
            start = pos if inline else pos + len(line)
        pos += len(line)
    if pos > start:
        blocks.append(Block(kind, heading, start, pos))
    return blocks


def _looks_like_title(line: str) -> bool:
    """A job title line: short, not a sentence ("Platform engineer wanted. You will ..." is not)."""
    stripped = line.strip().strip("#*_ ")
    return 0 < len(stripped) <= 100 and len(stripped.split()) <= 14 and not re.search(r"[.!?]\s", stripped)


def find_items(text: str, block: Block) -> list[tuple[int, int]]:
    """Bullets (with their wrapped lines) and sentences of a block, as (start, end) spans."""
    paragraphs: list[tuple[int, int]] = []
    cur_start: int | None = None
    cur_end = block.start
    pos = block.start
    for line in text[block.start : block.end].splitlines(keepends=True):
        line_end = pos + len(line)
        content = line.strip()
        if not content:
            if cur_start is not None:
                paragraphs.append((cur_start, cur_end))
                cur_start = None
        elif BULLET_RE.match(line) or cur_start is None or _starts_item(text[cur_start:cur_end], content):
            if cur_start is not None:
                paragraphs.append((cur_start, cur_end))
            cur_start = pos
            cur_end = line_end
        else:
            cur_end = line_end
        pos = line_end
    if cur_start is not None:
        paragraphs.append((cur_start, cur_end))
    items: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs:
        s = p_start
        for m in _SENTENCE_END_RE.finditer(text, p_start, p_end):
            # rstrip: tokenised text puts a space before the period ("e.g .", "etc .")
            before = text[max(p_start, m.start() - 8) : m.start()].lower().rstrip()
            if _ABBREVIATION_RE.search(before) or (m.start() > 0 and text[m.start() - 1].isdigit()):
                continue
            items.append((s, m.end()))
            s = m.end()
        if text[s:p_end].strip():
            items.append((s, p_end))
    return items


def _starts_item(previous: str, line: str) -> bool:
    """Whether a line without a bullet starts a new item rather than continuing a wrapped one.

    A list written one item per line ("Experience with Go" / "BA/BS degree ...") has no
    bullets; a wrapped sentence continues after a comma, a dash or a linking word.
    """
    before = previous.rstrip()
    if before.endswith((".", ";", ":", "!", "?")):
        return True
    if not line[:1].isupper() or before.endswith((",", "-", "/", "&", "(")):
        return False
    last = before.rsplit(None, 1)[-1].lower() if before else ""
    return last not in _LINKING_WORDS


def find_title(text: str, blocks: Sequence[Block]) -> str | None:
    for block in blocks:
        if block.kind == "title":
            title = re.sub(r"^(?:job\s+title|position|role|title)\s*:\s*", "", block.heading, flags=re.I)
            title = title.strip("#*_ ").strip()
            return title[:200] or None
    return None
