"""The skills of one job-ad item grouped into requirements, with their years and kind.

The second of the two steps of reading an ad's text (the first, cutting it into blocks and
items, is ``_jd_blocks``): mentions joined by "or", "/" or listed after "one of" / "such
as" form one any-of requirement, mentions joined by "and" or a bare comma list one each;
"N+ years of X" sets the years of the group it governs, or the job's overall minimum; and
the groups of the whole ad are merged into one requirement per skill set. Kept apart from
``jd`` because these phrase rules are most of the free-text parser and are tuned on their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ._jd_blocks import BULLET_RE, Block
from .models import Mention, Requirement
from .taxonomy import Taxonomy

__all__ = ["Group", "item_groups", "merge_groups", "requirement_label"]

# -- phrases inside an item --------------------------------------------------------
_PREFERRED_RE = re.compile(
    r"\b(?:nice[- ]to[- ]haves?|(?:is|are|would be|as)\s+an?\s+(?:big\s+|huge\s+|strong\s+)?(?:plus|bonus|advantage)"
    r"|bonus(?:\s+points)?|preferred|preferably|desirable|desired|ideally|good[- ]to[- ]have"
    r"|would be (?:great|nice|beneficial|helpful|appreciated)|advantageous|not required|optional"
    r"|a plus)\b",
    re.IGNORECASE,
)
_REQUIRED_RE = re.compile(
    r"\b(?:must(?:[- ]have)?|required|mandatory|essential|minimum|at least|you have|you(?:'|’)ll need)\b",
    re.IGNORECASE,
)
_KNOCKOUT_RE = re.compile(r"\b(?:must[- ]have|is a must|are a must|mandatory|non[- ]negotiable)\b", re.IGNORECASE)
_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
}
_YEARS_RE = re.compile(
    r"(?:(?:at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|min\.?|over|more\s+than)\s+)?"
    r"(?P<n>\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)"
    r"(?:\s*\(\d{1,2}\))?\s*(?:\+|plus\b)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*"
    r"(?:years?|yrs?)(?:['’]s?)?(?:\s*\+)?",
    re.IGNORECASE,
)
# What the overall-experience sentence talks about when no skill follows its years.
_GENERAL_EXPERIENCE_RE = re.compile(
    r"\b(?:experience|development|developer|engineering|engineer|software|programming|coding|industry"
    r"|professional|work|working|backend|back-end|technical|hands-on|commercial)\b",
    re.IGNORECASE,
)
# A skill named only by such words ("backend development", "software engineering") after
# "N years of" is the field of the job's overall experience.
_FIELD_WORDS_RE = re.compile(
    r"(?:(?:back[- ]?end|software|development|engineering|programming|coding|professional|commercial)[\s-]*)+",
    re.IGNORECASE,
)
_OR_GAP_RE = re.compile(r"^[\s,(]*(?:/|\||\bor\b|\band/or\b|\bnor\b)[\s,)]*(?:\w+\s+){0,2}?$", re.IGNORECASE)
_LIST_GAP_RE = re.compile(r"^[\s,]+$")
_EXAMPLE_CUES = (
    r"such as|e\.?\s?g\s?\.?|for example|for instance|like|incl(?:uding|\.)?"  # "e.g .": tokenised text
    r"|especially|ideally|preferably|particularly|i\.\s?e\s?\.?"
)
_EXAMPLES_GAP_RE = re.compile(
    # "relational databases (e.g., PostgreSQL", "a CI/CD pipeline (Jenkins", "a cloud: AWS"
    rf"^(?=.*(?:[(:]|\b(?:{_EXAMPLE_CUES})))\s*(?:[\w-]+\s+){{0,2}}?[,(:]?\s*(?:(?:{_EXAMPLE_CUES})\s*)?[,:(]?\s*$",
    re.IGNORECASE,
)
_ANY_OF_CUE_RE = re.compile(
    r"\b(?:one\s+of|any\s+of|at\s+least\s+one(?:\s+of)?|either|such\s+as|e\.?\s?g\s?\.?|for\s+example|like)[\s,:(]*$",
    re.IGNORECASE,
)
_AND_RE = re.compile(r"\s*(?:and|&|\+)\s*", re.IGNORECASE)
# "Linux, Windows, Mac OS X, etc.", "Python, C++ or other programming languages": the list
# gives examples, any of which will do
_OPEN_LIST_RE = re.compile(
    r"^[\s,)]*(?:etc\b|and so on|and the like|or (?:other|similar|equivalent|comparable|another|any)\b)", re.IGNORECASE
)
# "Master's degree in Computer Science, Artificial Intelligence or a related field": the
# skills named after a degree are fields of study, not requirements
_DEGREE_RE = re.compile(
    r"\b(?:(?i:degree(?!\s+of\b)|bachelor(?:['’]?s)?|master(?:['’]?s)?|ph\.?\s?d|doctorate|diploma)"
    r"|(?:B\.?S\.?c?|M\.?S\.?c?|B\.?A\.?|M\.?A\.?|B\.?E\.?|M\.?E\.?|B\.?Tech|M\.?Tech)(?=\s*(?:/|degree\b|in\b|or\b)))"
    r"[^.;]{0,40}?\bin\b",
)
_DEGREE_FIELD_END_RE = re.compile(
    r"[;.](?:\s|$)|\b(?:field|fields|discipline|equivalent|experience|with)\b", re.IGNORECASE
)
# "Version control with Git", "Virtualisation using VMware": the second names the first
_QUALIFIED_BY_RE = re.compile(r"\s*(?:with|using|via|through|in|on|:)\s+(?:[\w-]+\s+){0,2}?", re.IGNORECASE)


@dataclass
class Group:
    """A requirement being built from one item's mentions; years and merging fill it in."""

    skills: list[str]
    kind: Literal["required", "preferred"]
    weight: float
    min_years: float | None
    knockout: bool
    source: str
    start: int  # offset of the first mention
    end: int  # offset after the last mention
    explicit: bool  # from a requirement block (or a job without any), not a duties block


# -- grouping ---------------------------------------------------------------------------


def item_groups(
    text: str,
    start: int,
    end: int,
    mentions: list[Mention],
    block: Block,
    has_requirement_blocks: bool,
    taxonomy: Taxonomy,
) -> tuple[list[Group], float | None]:
    """The requirement groups of one item, and the overall years it asks for (if any)."""
    item = text[start:end]
    source = " ".join(BULLET_RE.sub("", item, count=1).split())
    kind, weight, explicit = _item_kind(item, block, has_requirement_blocks)
    knockout = kind == "required" and explicit and _KNOCKOUT_RE.search(item) is not None

    # one mention per skill and place; nested matches ("Spring" inside "Spring Boot") drop out
    chosen: list[Mention] = []
    fields = _degree_fields(text, start, end)
    for m in mentions:
        if chosen and m.start < chosen[-1].end:
            continue
        if any(a <= m.start < b for a, b in fields):
            continue  # "a degree in Computer Science, Machine Learning or a related field"
        chosen.append(m)
    chains = _fold_generic(text, _chains(text, start, chosen, taxonomy), taxonomy)
    groups = [
        Group(
            skills=list(dict.fromkeys(m.skill_id for m in chain_mentions)),
            kind=kind,
            weight=weight,
            min_years=None,
            knockout=knockout,
            source=source,
            start=chain_mentions[0].start,
            end=chain_mentions[-1].end,
            explicit=explicit,
        )
        for chain_mentions in chains
    ]
    overall = _assign_years(text, start, end, groups)
    return groups, overall


def _item_kind(
    item: str, block: Block, has_requirement_blocks: bool
) -> tuple[Literal["required", "preferred"], float, bool]:
    """(kind, weight, explicit) of an item from its block and its own wording."""
    preferred_phrase = _PREFERRED_RE.search(item) is not None
    if block.kind == "preferred":
        return "preferred", 1.0, True
    if block.kind == "required" or not has_requirement_blocks:
        # a requirement block, or any block of an ad without requirement headings: what it
        # names is asked for, unless worded as a plus
        return ("preferred" if preferred_phrase else "required"), 1.0, True
    if preferred_phrase:
        return "preferred", 1.0, True
    if _REQUIRED_RE.search(item) and block.kind != "stack":
        return "required", 1.0, True
    # duties and stack: relevant to the job, but not stated as a requirement
    return "preferred", 0.5, False


def _chains(text: str, item_start: int, mentions: list[Mention], taxonomy: Taxonomy) -> list[list[Mention]]:
    """Split an item's mentions into any-of groups (see the module docstring)."""
    out: list[list[Mention]] = []
    i = 0
    n = len(mentions)
    while i < n:
        chain = [mentions[i]]
        links: list[str] = []
        j = i + 1
        while j < n:
            gap = text[mentions[j - 1].end : mentions[j].start]
            link = _link(gap)
            if link == "and":
                break
            links.append(link)
            chain.append(mentions[j])
            j += 1
        lead_start = out[-1][-1].end if out else item_start
        lead = text[max(lead_start, chain[0].start - 40) : chain[0].start]
        cue = _ANY_OF_CUE_RE.search(lead) is not None
        if len(chain) > 1 and _OPEN_LIST_RE.match(text[chain[-1].end : chain[-1].end + 40]):
            cue = True  # "Linux, Windows, Mac OS X, etc.": examples, any of which will do
        if cue or "examples" in links:
            out.append(chain)
        elif "or" in links:
            out.extend(_split_by_category(chain, links, taxonomy))
        else:  # "Python, Java, Go": each is asked for
            out.extend([m] for m in chain)
        i = j
    return out


def _degree_fields(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of an item naming a degree's field of study ("BS in Computer Science or a related field")."""
    spans: list[tuple[int, int]] = []
    for m in _DEGREE_RE.finditer(text, start, end):
        stop = _DEGREE_FIELD_END_RE.search(text, m.end(), end)
        spans.append((m.start(), stop.start() if stop else end))
    return spans


def _fold_generic(text: str, chains: list[list[Mention]], taxonomy: Taxonomy) -> list[list[Mention]]:
    """ "Version control with Git", "Virtualisation using VMware or Hyper-V": one requirement.

    A group whose every skill is a more general form of a skill of the next group, the next
    one qualifying it ("with", "using", "in", ":"), joins it as one any-of requirement, so
    the ad's one ask is not counted twice. "SQL and PostgreSQL" stays two asks.
    """
    if len(chains) < 2:
        return chains
    out: list[list[Mention]] = [chains[0]]
    for chain in chains[1:]:
        previous = out[-1]
        below = {a for m in chain for a in taxonomy.ancestors(m.skill_id)}
        if all(m.skill_id in below for m in previous) and _QUALIFIED_BY_RE.fullmatch(
            text[previous[-1].end : chain[0].start]
        ):
            out[-1] = previous + chain
        else:
            out.append(chain)
    return out


def _split_by_category(chain: list[Mention], links: list[str], taxonomy: Taxonomy) -> list[list[Mention]]:
    """ "Kotlin, Kafka or RabbitMQ": the alternatives are the tail of one kind; the rest stand alone."""
    if len(chain) <= 2:
        return [chain]

    def category(m: Mention) -> str | None:
        skill = taxonomy.get(m.skill_id)
        return skill.category if skill is not None else None

    tail_category = category(chain[-1])
    start = len(chain) - 1
    while start > 0 and category(chain[start - 1]) == tail_category:
        start -= 1
    if start == 0 or links[start - 1] == "or":
        return [chain]
    return [[m] for m in chain[:start]] + [chain[start:]]


def _link(gap: str) -> str:
    if len(gap) > 40:
        return "and"
    if _OR_GAP_RE.match(gap):
        return "or"
    if _EXAMPLES_GAP_RE.match(gap):
        return "examples"
    if _LIST_GAP_RE.match(gap):
        return "list"
    return "and"


def _years_value(m: re.Match[str]) -> float:
    raw = m["n"].lower()
    return float(_NUMBERS[raw]) if raw in _NUMBERS else float(raw)


def _assign_years(text: str, start: int, end: int, groups: list[Group]) -> float | None:
    """Set ``min_years`` on the groups an "N+ years" phrase governs; return the overall years."""
    phrases = list(_YEARS_RE.finditer(text, start, end))
    overall: float | None = None
    for k, phrase in enumerate(phrases):
        years = _years_value(phrase)
        if not 0 < years <= 40:
            continue
        limit = phrases[k + 1].start() if k + 1 < len(phrases) else end
        after = [g for g in groups if phrase.end() <= g.start < limit]
        governed: list[Group] = []
        if after:
            first = after[0]
            gap_before = text[phrase.end() : first.start]
            # the skills follow in the same sentence, close enough to be what the years are of
            near = len(gap_before) <= 100 and not re.search(r"[.;]\s", gap_before)
            # "5+ years of experience, AWS/GCP/Azure": the clause ends before the skills
            clause = re.match(r"[^,;:–—(]{0,60}?[,;:–—]", gap_before)
            closed = clause is not None and _GENERAL_EXPERIENCE_RE.search(clause.group()) is not None
            # "4+ years of backend development experience": the field of the overall years,
            # even when the taxonomy knows "backend development" as a skill
            field = _FIELD_WORDS_RE.fullmatch(text[first.start : first.end]) is not None and len(first.skills) == 1
            if field and near:
                groups.remove(first)
                overall = max(overall or 0.0, years)
                continue
            if near and not closed:
                governed.append(first)
                # "5+ years of Java and Spring": the years reach a group joined by "and",
                # not the rest of a comma list ("8+ years of Java, Spring Boot, REST")
                if len(after) > 1 and _AND_RE.fullmatch(text[first.end : after[1].start]):
                    governed.append(after[1])
        if not governed:
            # "Python (3+ years)", "Kubernetes: 2 years"
            before = [g for g in groups if g.end <= phrase.start()]
            if before and re.fullmatch(r"[\s(:,\-–—]*", text[before[-1].end : phrase.start()]):
                governed.append(before[-1])
        for g in governed:
            g.min_years = max(g.min_years or 0.0, years)
        if not governed:
            tail = text[phrase.end() : limit]
            if _GENERAL_EXPERIENCE_RE.search(tail[:80]) or _GENERAL_EXPERIENCE_RE.search(text[start : phrase.start()]):
                overall = max(overall or 0.0, years)
    return overall


def merge_groups(groups: list[Group], taxonomy: Taxonomy) -> list[Requirement]:
    """One requirement per distinct skill set; required beats preferred; duties fill gaps."""
    explicit_skills = {s for g in groups if g.explicit for s in g.skills}
    required_singletons = {g.skills[0] for g in groups if g.kind == "required" and len(g.skills) == 1}
    merged: dict[frozenset[str], Group] = {}
    for g in groups:
        if not g.explicit and any(s in explicit_skills for s in g.skills):
            continue  # a duties line repeating what the requirements ask
        if g.kind == "preferred":
            g.skills = [s for s in g.skills if s not in required_singletons]
            if not g.skills:
                continue
        key = frozenset(g.skills)
        seen = merged.get(key)
        if seen is None:
            merged[key] = g
            continue
        if g.kind == "required" and seen.kind == "preferred":
            seen.kind, seen.source, seen.explicit = "required", g.source, g.explicit
        seen.weight = max(seen.weight, g.weight)
        seen.knockout = seen.knockout or g.knockout
        if g.min_years is not None:
            seen.min_years = max(seen.min_years or 0.0, g.min_years)
    required_sets = [set(g.skills) for g in merged.values() if g.kind == "required"]
    for key, g in list(merged.items()):
        # "Windows" preferred when "Windows or Windows Server" is required: asked once
        if g.kind == "preferred" and any(set(g.skills) <= r for r in required_sets):
            del merged[key]
    out = [
        Requirement(
            skills=tuple(g.skills),
            kind=g.kind,
            min_years=g.min_years,
            weight=g.weight,
            knockout=g.knockout,
            label=requirement_label(g.skills, g.min_years, taxonomy),
            source_text=g.source or None,
        )
        for g in merged.values()
    ]
    # required first, then preferred, each in the order the ad gives them
    return [r for r in out if r.kind == "required"] + [r for r in out if r.kind == "preferred"]


def requirement_label(skills: Sequence[str], min_years: float | None, taxonomy: Taxonomy) -> str:
    names = [taxonomy[s].name if s in taxonomy else s for s in skills]
    label = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    if min_years:
        label += f", {min_years:g}+ years"
    return label
