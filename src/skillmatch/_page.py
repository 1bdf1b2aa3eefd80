"""One text as the context decisions read it: the page, its URLs, its lines of candidates."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ._typos import common_words
from .models import Section

__all__ = ["SENTENCE_END_RE", "HitLike", "Lines", "Page", "Vocabulary", "in_url", "is_english", "snippet"]


class HitLike(Protocol):
    """What the decisions here read and write on a candidate (the matcher's ``_Hit``)."""

    start: int
    end: int
    skill_id: str
    version: str | None
    version_end: int
    confidence: float
    reason: str
    method: str  # "exact", "variant" or "fuzzy" (a typo)
    accepted: bool
    ambiguous: bool
    flagged: bool
    tags_only: bool
    negated: bool
    hedged: bool


def is_english(word: str) -> bool:
    """Whether a lower-case word of three or more letters is an ordinary English word (not only a name)."""
    return word in common_words()


@dataclass(frozen=True)
class Vocabulary:
    """What the decisions need to know about the taxonomy's skills (built once per extractor)."""

    #: Skills that name a field or a practice ("Machine learning", "Version control")
    #: rather than a product: a course title or a list heading names them too.
    concepts: frozenset[str] = frozenset()
    #: The concepts that are methods and practices ("Agile", "TDD", "Microservices").
    methods: frozenset[str] = frozenset()
    #: skill id -> its parents, grandparents ...
    ancestors: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: skill id -> the lower-case words of its names and aliases ("java", "message", "service")
    words: Mapping[str, frozenset[str]] = field(default_factory=dict)


class Page:
    """One text with the lookups the decisions need, computed once and only when asked."""

    def __init__(
        self, text: str, key: str, sections: Sequence[Section], kind: str, vocab: Vocabulary | None = None
    ) -> None:
        self.text = text
        self.key = key
        self.sections = sections
        self.kind = kind
        self.vocab = vocab if vocab is not None else Vocabulary()
        self._section_starts = [s.start for s in sections]
        self._urls: list[tuple[int, int]] | None = None
        #: Offsets of the words in FOREIGN_TRIGGERS and CUE_WORDS, in text order (set by the matcher).
        self.triggers: list[int] = []
        self.cues: list[int] = []
        self._section_counts: dict[int, int] | None = None
        #: line start -> the (start, end) of the line's list items (see _evidence.list_density)
        self.item_spans: dict[int, list[tuple[int, int]]] = {}

    def has_section(self, name: str) -> bool:
        return any(s.name == name for s in self.sections)

    def section_name(self, offset: int) -> str:
        if not self.sections:
            return "other"
        i = bisect.bisect_right(self._section_starts, offset) - 1
        while i + 1 < len(self.sections) and self.sections[i].end <= offset < self.sections[i + 1].end:
            i += 1
        return self.sections[max(i, 0)].name

    def skills_in_section(self, offset: int, hits: Sequence[HitLike]) -> int:
        """How many plainly credited skills the section holding ``offset`` names."""
        if self._section_counts is None:
            counts: dict[int, int] = {}
            for o in hits:
                if o.accepted and not o.ambiguous:
                    i = max(bisect.bisect_right(self._section_starts, o.start) - 1, 0)
                    counts[i] = counts.get(i, 0) + 1
            self._section_counts = counts
        i = max(bisect.bisect_right(self._section_starts, offset) - 1, 0)
        return self._section_counts.get(i, 0)

    def line(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the line holding a span."""
        ls = self.text.rfind("\n", 0, start) + 1
        le = self.text.find("\n", end)
        return ls, len(self.text) if le < 0 else le

    def urls(self) -> list[tuple[int, int]]:
        if self._urls is None:
            self._urls = _find_urls(self.text)
        return self._urls


# -- URLs and e-mail addresses ----------------------------------------------------

_URL_ANCHORS = ("://", "www.", "@", ".com", ".org", ".io", ".edu", ".gov")
_SPACE_RE = re.compile(r"[\s()<>\[\]]")


def _find_urls(text: str) -> list[tuple[int, int]]:
    anchors: list[int] = []
    for anchor in _URL_ANCHORS:
        pos = text.find(anchor)
        while pos >= 0:
            anchors.append(pos)
            pos = text.find(anchor, pos + 1)
    if not anchors:
        return []
    anchors.sort()
    spans: list[tuple[int, int]] = []
    for a in anchors:
        if spans and a < spans[-1][1]:
            continue
        start = max(text.rfind(" ", 0, a), text.rfind("\n", 0, a), text.rfind("(", 0, a)) + 1
        m = _SPACE_RE.search(text, a)
        end = len(text) if m is None else m.start()
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def in_url(page: Page, offset: int) -> bool:
    """Whether an offset lies inside a URL, a web address or an e-mail address."""
    spans = page.urls()
    if not spans:
        return False
    i = bisect.bisect_right(spans, (offset, len(page.text) + 1)) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


class Lines:
    """The candidates of each line, and each candidate's neighbours on its line."""

    def __init__(self, text: str, hits: Sequence[HitLike]) -> None:
        self._by_line: dict[int, list[HitLike]] = {}
        self._line_of: dict[int, int] = {}
        for h in hits:
            ls = text.rfind("\n", 0, h.start)
            self._by_line.setdefault(ls, []).append(h)
            self._line_of[id(h)] = ls
        self._prev: dict[int, HitLike | None] = {}
        self._next: dict[int, HitLike | None] = {}
        for line in self._by_line.values():
            line.sort(key=lambda o: (o.start, -o.end))
            outer: HitLike | None = None  # the hit reaching furthest so far
            for h in line:
                if outer is not None and outer.end > h.start:
                    self._prev[id(h)] = self._prev.get(id(outer))  # nested: the outer one's
                else:
                    self._prev[id(h)] = outer
                if outer is None or h.end > outer.end:
                    outer = h
            for i, h in enumerate(line):
                j = i + 1
                while j < len(line) and line[j].start < h.end:
                    j += 1  # skip the mentions nested in this one
                self._next[id(h)] = line[j] if j < len(line) else None
        self._starts = {ls: [o.start for o in line] for ls, line in self._by_line.items()}

    def between(self, h: HitLike, start: int, end: int) -> list[HitLike]:
        """The mentions on ``h``'s line that start in [start, end)."""
        ls = self._line_of[id(h)]
        starts = self._starts[ls]
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        return self._by_line[ls][lo:hi]

    def of(self, h: HitLike) -> list[HitLike]:
        return self._by_line[self._line_of[id(h)]]

    def neighbours(self, h: HitLike) -> list[tuple[HitLike, int, int]]:
        """The mentions right before and after ``h`` on its line, with the gap between.

        Nested mentions ("AWS" inside "AWS Lambda") are skipped: the outer one is the neighbour.
        """
        out = []
        prev = self._prev.get(id(h))
        if prev is not None:
            out.append((prev, prev.version_end, h.start))
        nxt = self._next.get(id(h))
        if nxt is not None:
            out.append((nxt, h.version_end, nxt.start))
        return out


def snippet(text: str, start: int, end: int, width: int = 12) -> str:
    """The span with a little context, on one line, for a reason string."""
    return " ".join(text[max(0, start - width) : end + width].split())


# The end of a sentence: a full stop, or a line break that is not a soft wrap (the next
# line does not go on in lower case).
SENTENCE_END_RE = re.compile(r"[.!?](?=\s|$)|\n(?![ \t]*[a-z(])")
