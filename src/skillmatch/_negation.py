"""Negation and hedging: "no experience with X" is not credited, "learning X" is credited
with lower confidence. Cue phrases are read only in a short window before the mentions
that have a cue word close by."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ._page import HitLike, Page

__all__ = ["CUE_WORDS", "read_cues"]


#: Words every negation or hedging cue contains, as tokens of the key string (lower-case,
#: apostrophes split off: "didn't" is "didn" + "t"). The matcher's automaton finds them in
#: its one pass; cue phrases are read only before mentions with one of them close by.
CUE_WORDS = frozenset(
    str.split(
        """
        no not never without nor lack lacking lacks unfamiliar inexperienced zero little learning learn
        studying exploring basic basics beginner novice elementary introductory limited some academic
        theoretical fundamental fundamentals rudimentary exposure exposed introduction introduced familiar
        familiarity acquainted acquaintance self interested didn don doesn haven hasn hadn isn aren wasn weren
        """
    )
)
_POST_HEDGE_RE = re.compile(
    r"[ \t]*(?:\(|-|–|:)[ \t]*(?:basic|basics|beginner|learning|currently learning|familiar|novice|elementary"
    r"|introductory|some exposure|exposure|limited)\b",
    re.IGNORECASE,
)
# After the mention: "Kubernetes: none yet", "Rust (none)", "Go - not yet".
_POST_NEGATION_RE = re.compile(
    r"[ \t]*(?:\(|-|–|:)[ \t]*(?:none|no|never|not[ \t]+yet|nil|n/a|zero|0[ \t]*(?:years?|months?))\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK_RE = re.compile(
    r"[.;!?](?=\s|$)|\b(?:but|however|although|though|whereas|while|except|yet|instead|unlike)\b"
    r"|,[ \t]*(?:only|just|mainly|mostly|rather)\b",
    re.IGNORECASE,
)

# Cue phrases. A spaCy Matcher over a blank tokenizer found the same phrases, but cost
# about 0.4 ms per window (its optional tokens multiply the states it tracks); one
# compiled pattern over the same short windows takes a few microseconds.
_CUE_RE = re.compile(
    r"(?P<neg>"
    r"\b(?:no|zero|little|without)(?:\s+(?:prior|previous|professional|hands-on|practical|real|commercial))*"
    r"\s+(?:experience|knowledge|exposure|background|familiarity|skills)\b"
    r"|(?:\bnot|\bnever|n['’]t)(?:\s+(?:yet|really|very|much))?\s+(?:familiar|experienced|proficient|skilled"
    r"|comfortable|worked|used|touched|tried|use|work|know|knowledgeable|exposed|done|written)\b"
    r"|\b(?:did|do|does|have|has|had|am|is)\s+(?:not|never)\b"
    r"|\b(?:didn|don|doesn|haven|hasn|hadn|isn)['’]t\b"
    r"|\b(?:never|unfamiliar|inexperienced|lack|lacking|lacks|without)\b"
    r")|(?P<hedge>"
    r"\b(?:(?:currently|now|still|actively)\s+)?(?:learning|studying|exploring)\b"
    r"|\b(?:basic|beginner|elementary|introductory|limited|some|academic|theoretical|fundamental|rudimentary)"
    r"\s+(?:knowledge|understanding|familiarity|exposure|awareness|experience|skills|idea|level)\b"
    r"|\b(?:exposure|exposed|introduction|introduced)\s+to\b"
    r"|\b(?:familiar|familiarity|acquainted|acquaintance)\s+with\b"
    r"|\b(?:beginner|novice|self-taught)\b"
    r"|\binterested\s+in\b"
    r"|\b(?:basics|fundamentals)\s+of\b"
    r"|\b(?:want|wanting|hope|hoping|plan|planning)\s+to\s+learn\b"
    r")",
    re.IGNORECASE,
)
# "Machine learning" and friends are fields, not a candidate learning something.
_NOT_HEDGE_BEFORE_RE = re.compile(
    r"(?:machine|deep|reinforcement|statistical|transfer|supervised|unsupervised|e|online|continuous|life-?long"
    r"|distance|blended|active|federated|self|ensemble|representation|meta)[ \t-]*$",
    re.IGNORECASE,
)
_NOT_NEGATION = re.compile(
    r"\bnot\s+only\b|\bno\s+(?:\.|of\b)|\bwithout\s+(?:any\s+)?(?:downtime|errors?|issues)", re.I
)


def read_cues(page: Page, hits: Sequence[HitLike]) -> None:
    """Flag negated and hedged mentions."""
    text = page.text
    # Cue phrases are read in a window before each mention that has a cue word close by;
    # windows on one line that overlap are read together.
    groups: list[tuple[int, int, int, list[HitLike]]] = []  # (line start, window start, end, hits)
    for h in hits:
        # An ambiguous form without context is still read for negation ("no Java
        # experience"): it stays uncredited, but the flag says the text denies it.
        if not h.accepted and not (h.ambiguous and h.reason.endswith("without technical context")):
            continue
        m = _POST_NEGATION_RE.match(text, h.version_end)
        if m:
            _negate(h, m.group().strip(" \t(-–:"))
            continue
        m = _POST_HEDGE_RE.match(text, h.version_end)
        if m and h.accepted:
            _hedge(h, m.group().strip(" \t(-–:"))
        i = bisect.bisect_left(page.cues, h.start - _CUE_WINDOW)
        if i == len(page.cues) or page.cues[i] >= h.start:
            continue  # no cue word in the window before the mention
        ls = _clause_window_start(text, h.start)
        ws = max(ls, h.start - _CUE_WINDOW)
        if not any(ws <= c < h.start for c in page.cues[i : i + 8]):
            continue
        if groups and groups[-1][0] == ls and ws <= groups[-1][2]:
            groups[-1] = (ls, groups[-1][1], h.start, [*groups[-1][3], h])
        else:
            groups.append((ls, ws, h.start, [h]))
    for _, ws, we, group in groups:
        _window_cues(page, ws, we, group)


_CUE_WINDOW = 100
# Where a window for cues may start: a blank line, a new bullet, or a line after a full stop.
# A plain line break is a soft wrap ("I have no experience\nwith Kubernetes").
_HARD_BREAK_RE = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*[•*\-–>])|[.;!?:][ \t]*\n")


def _clause_window_start(text: str, pos: int) -> int:
    lo = max(0, pos - _CUE_WINDOW)
    start = lo
    for m in _HARD_BREAK_RE.finditer(text, lo, pos):
        start = m.end()
    return start


def _window_cues(page: Page, ws: int, we: int, window_hits: Sequence[HitLike]) -> None:
    text = page.text
    le = page.line(we, we)[1]
    cues: list[tuple[int, int, str]] = []
    # Cue phrases are looked for only around the cue words the automaton found: a long
    # line holds few of them, and the pattern is costly to run over all of it.
    lo = bisect.bisect_left(page.cues, ws)
    hi = bisect.bisect_left(page.cues, we)
    seen_to = ws
    for c in page.cues[lo:hi]:
        for m in _CUE_RE.finditer(text, max(seen_to, c - 20), min(we, c + 40)):
            label = "NEG" if m["neg"] else "HEDGE"
            start, end = m.start(), m.end()
            seen_to = max(seen_to, end)
            if label == "NEG" and _NOT_NEGATION.match(text, start, min(le, start + 40)):
                continue
            if label == "HEDGE" and _NOT_HEDGE_BEFORE_RE.search(text, max(ws, start - 20), start):
                continue
            cues.append((start, end, label))
    # "no Java experience", "No Windows or .NET experience": the cue wraps the mentions.
    no_words = [c for c in page.cues[lo:hi] if text[c : c + 2].lower() in ("no", "ze", "li", "wi")]
    for c in no_words:
        wrap = _NO_LIST_RE.match(text, c, le)
        if wrap is None:
            continue
        for h in window_hits:
            if wrap.start("items") <= h.start < wrap.end("items"):
                _negate(h, f"{wrap['no'].strip()} … {wrap['what']}")
    if not cues:
        return
    cues.sort()
    for h in window_hits:
        # The cues of the mention's clause: before it, close, with no clause break between.
        live = [
            c
            for c in cues
            if c[1] <= h.start and h.start - c[1] <= 80 and not _CLAUSE_BREAK_RE.search(text, c[1], h.start)
        ]
        if not live:
            continue
        # "not familiar with X" is a negation even though "familiar with" alone hedges.
        negations = [c for c in live if c[2] == "NEG"]
        best = negations[-1] if negations else live[-1]
        phrase = " ".join(text[best[0] : best[1]].split())
        if best[2] == "NEG":
            _negate(h, phrase)
        elif h.accepted:
            _hedge(h, phrase)


_NO_LIST_RE = re.compile(
    r"(?P<no>(?:no|zero|little|without)[ \t]+)(?P<items>(?:[^.;:!?\n]|\.(?=\w)){1,60}?)[ \t]+"
    r"(?P<what>experience|knowledge|exposure|background|skills)\b",
    re.IGNORECASE,
)


def _negate(h: HitLike, phrase: str) -> None:
    if h.negated:
        return
    h.negated = True
    h.reason = f"{h.reason}; negated ({phrase!r})"


def _hedge(h: HitLike, phrase: str) -> None:
    if h.hedged:
        return
    h.hedged = True
    h.confidence = round(h.confidence * 0.6, 3)
    h.reason = f"{h.reason}; hedged ({phrase!r})"
