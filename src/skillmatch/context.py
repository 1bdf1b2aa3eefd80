"""Decide, from the words around them, which candidate mentions count.

Three kinds of decision, each recorded as a human-readable reason on the mention:

* **Ambiguous forms** ("Go", "C", "R", "Chef", "Oracle", "Spring", "Ruby" ...) count only
  with technical evidence: written in a technical form ("Go 1.21", "R (dplyr)",
  "Go developer"), in a technology list ("Languages: Go, Rust"), listed next to another
  skill ("Python, Go and Kubernetes"), in a skills section full of other skills, in a line
  of technology tags, or right after a phrase such as "written in" or "experience with".
  They are rejected inside names of people, companies and places ("Ruby Patel", "Oracle
  Corporation", "Phoenix, AZ"), dates ("Spring 2019"), grades ("Grade C"), URLs and
  e-mail addresses, the references section, and ordinary prose. The evidence is in
  :mod:`skillmatch._evidence`, the names, places and dates in :mod:`skillmatch._names`.
* **Negation and hedging**: "no experience with X", "not familiar with X", "did not use X"
  → not credited (the mention is kept with ``negated``); "learning X", "basic knowledge of
  X", "exposure to X" → credited with lower confidence (``hedged``). Cue phrases are read
  only in a short window before the mentions that have a cue word close by
  (:mod:`skillmatch._negation`).
* **Another technology of the same name**, told by the skills around it: "IOS" among
  routers is Cisco IOS, "VPC" beside STP is Cisco's vPC, "YARN" beside HDFS is Hadoop's
  (:mod:`skillmatch._senses`).
* **Lists that are not the candidate's own**: a recruiter's "technologies I hired for", a
  quoted job ad or a course syllabus; the mentions in them are not credited
  (:mod:`skillmatch._ownership`).

This module runs the decisions in order. Everything works on one text at a time through
:class:`~skillmatch._page.Page`, which the matcher builds.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from ._evidence import (
    adjacent_mention,
    ambiguous_list,
    cue_before,
    label_line,
    list_heading,
    listed_after_skill,
    next_to_linked,
    next_to_skill,
    requirement_item,
    skills_section_item,
    tag_line,
    tags_label,
    technical_form,
    technical_sentence,
    weak_word,
)
from ._names import caps_neighbourhood, hard_reject, in_name, plain_name, spelled_before, word_use
from ._negation import CUE_WORDS, read_cues
from ._ownership import FOREIGN_TRIGGERS, citations, foreign_lists, resume_links
from ._page import HitLike, Lines, Page, Vocabulary, in_url, is_english
from ._senses import other_senses

__all__ = [
    "CUE_WORDS",
    "FOREIGN_TRIGGERS",
    "HitLike",
    "Page",
    "Vocabulary",
    "apply_cues",
    "caps_neighbourhood",
    "in_name",
    "in_url",
    "is_english",
    "judge",
]


def judge(
    page: Page,
    hits: Sequence[HitLike],
    form_keys: frozenset[str] = frozenset(),
    linked: Collection[tuple[str, str]] = frozenset(),
    categories: Mapping[str, str] | None = None,
) -> None:
    """Accept or reject each candidate in place, recording the reason."""
    text = page.text
    if page.urls():
        for h in hits:
            if in_url(page, h.start):
                _reject(h, "inside a URL or e-mail address")
    lines = Lines(text, hits)
    pending: list[HitLike] = []
    for h in hits:
        if not h.accepted:
            continue
        if not h.ambiguous:
            reason = word_use(text, h, form_keys) or plain_name(page, h, form_keys, lines) or spelled_before(page, h)
            if reason:
                _reject(h, reason)
            continue
        listed = listed_after_skill(page, h, lines) or adjacent_mention(page, h, lines)
        reason = hard_reject(page, h, form_keys, listed) or spelled_before(page, h)
        if reason:
            _reject(h, reason)
            continue
        if h.tags_only:
            reason = tags_label(page, h)
        else:
            reason = (
                technical_form(page, h, form_keys)
                or label_line(page, h, hits)
                or requirement_item(page, h)
                or cue_before(page, h)
            )
        if reason:
            _accept(h, reason, 0.9)
        else:
            h.accepted = False  # undecided for now: may be listed next to another skill
            pending.append(h)
    if not pending:
        _list_headings(page, hits, lines)
        other_senses(page, hits, lines, categories)
        return
    waiting = {id(h) for h in pending}
    changed = True
    while changed and waiting:
        changed = False
        for h in pending:
            if h.tags_only or id(h) not in waiting or weak_word(text, h):
                continue
            reason = next_to_skill(page, h, lines)
            if reason:
                _accept(h, reason, 0.85)
                waiting.discard(id(h))
                changed = True
                continue
            other = next_to_linked(page, h, lines, waiting, linked)
            if other is not None:
                _accept(h, f"listed with the related {text[other.start : other.end]!r}", 0.8)
                _accept(other, f"listed with the related {text[h.start : h.end]!r}", 0.8)
                waiting.discard(id(h))
                waiting.discard(id(other))
                changed = True
    if categories:
        for h in pending:
            if id(h) in waiting and not h.tags_only:
                chain = ambiguous_list(page, h, lines, waiting)
                kinds = {categories.get(o.skill_id) for o in chain}
                if len(chain) >= 3 and len(kinds) == 1:
                    # "Go, Rust and C": three languages in a row support each other
                    names = ", ".join(text[o.start : o.end] for o in chain[:4]) + (" …" if len(chain) > 4 else "")
                    for o in chain:
                        _accept(o, f"in a list of {next(iter(kinds))}s ({names})", 0.8)
                        waiting.discard(id(o))
    for h in pending:
        if id(h) not in waiting:
            continue
        line_hits = lines.of(h)
        if h.tags_only or weak_word(text, h):
            reason = tag_line(page, h, line_hits)
        else:
            reason = (
                skills_section_item(page, h, hits, lines)
                or tag_line(page, h, line_hits)
                or technical_sentence(page, h, lines, categories)
            )
        if reason:
            _accept(h, reason, 0.8)
        elif h.tags_only:
            _reject(h, f"written {text[h.start : h.end]!r}, not as the skill is written")
        else:
            _reject(
                h, "ambiguous word without technical context" if h.method != "fuzzy" else "without technical context"
            )
    _list_headings(page, hits, lines)
    other_senses(page, hits, lines, categories)


def _same_skill_elsewhere(page: Page, hits: Sequence[HitLike]) -> None:
    """A capitalised product name that found no context of its own in a role's bullets
    counts when the same name is credited elsewhere: a CV means one thing by "Prometheus"
    throughout, and the role gives the skill its months."""
    text = page.text
    credited = {text[h.start : h.end] for h in hits if h.accepted and not h.negated}
    for h in hits:
        written = text[h.start : h.end]
        if h.accepted or not h.reason.endswith("without technical context") or h.method == "fuzzy":
            continue
        if h.skill_id in page.vocab.concepts or page.section_name(h.start) not in ("experience", "projects"):
            continue
        if written in credited and written[:1].isupper() and len(written) > 2:
            _accept(h, f"{written!r} is credited elsewhere in the text", 0.75)


def _list_headings(page: Page, hits: Sequence[HitLike], lines: Lines) -> None:
    """Concepts that head a list of technologies ("IDEs: Eclipse"), once the items are decided."""
    for h in hits:
        if h.accepted and h.skill_id in page.vocab.concepts:
            reason = list_heading(page, h, lines)
            if reason:
                _reject(h, reason)


def _accept(h: HitLike, reason: str, confidence: float) -> None:
    h.accepted = True
    h.confidence = min(h.confidence, confidence)
    if h.method == "fuzzy":  # "probable typo of 'nagios' (similarity 86), listed with 'Splunk'"
        h.reason = f"{h.reason}, {reason}"
    else:
        h.reason = f"ambiguous form accepted: {reason}"


def _reject(h: HitLike, reason: str) -> None:
    h.accepted = False
    h.reason = f"rejected: {reason}" if h.method != "fuzzy" else f"rejected: {h.reason}, {reason}"


def apply_cues(page: Page, hits: Sequence[HitLike]) -> None:
    """Flag negated and hedged mentions, and those in lists that are not the candidate's own."""
    read_cues(page, hits)
    foreign_lists(page, hits)
    citations(page, hits)
    resume_links(page, hits)
    _same_skill_elsewhere(page, hits)
    _concepts_without_technology(page, hits)


def _concepts_without_technology(page: Page, hits: Sequence[HitLike]) -> None:
    """A CV that credits no technology at all uses "cloud computing", "messaging" or
    "SaaS" as the business words they also are: its concepts are not credited. Methods
    ("Agile", "Scrum") are what such a CV names legitimately, and stay."""
    if page.kind != "cv":
        return
    concepts = page.vocab.concepts
    credited = [h for h in hits if h.accepted and not h.negated]
    if not credited or any(h.skill_id not in concepts for h in credited):
        return
    for h in credited:
        if h.skill_id in page.vocab.methods:
            continue
        _reject(h, f"{h.reason.removeprefix('ambiguous form accepted: ')}, but the CV names no technology")
