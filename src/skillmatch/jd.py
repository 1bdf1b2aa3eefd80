"""Job descriptions: free-text ads and the structured YAML/JSON format, reduced to a Job.

A job is a list of requirements; each is an any-of group of skills ("Python or Go"),
required or preferred, with optional minimum years, a weight and a knock-out flag.

>>> import skillmatch as sm
>>> job = sm.parse_job('''Backend Engineer
... Requirements
... - 3+ years of Python or Go
... - PostgreSQL
... Nice to have
... - Kubernetes''')
>>> [(r.skills, r.kind, r.min_years) for r in job.requirements]
[(('python', 'go'), 'required', 3.0), (('postgresql',), 'required', None), (('kubernetes',), 'preferred', None)]

Free text is read in three steps: the ad is split into blocks by its headings
("Requirements", "Nice to have", "About us" ...), each block into items (bullets and
sentences), and the skills the shared extractor finds in an item are grouped: mentions
joined by "or", "/" or listed after "one of" / "such as" form one any-of requirement,
mentions joined by "and" or a bare comma list form one requirement each. "N+ years of X"
sets the years of the group that follows it, or the job's overall minimum when no skill
follows ("5+ years of software development").
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

from .errors import JobError
from .models import Job, Mention, Requirement, Section
from .normalize import normalize_text
from .taxonomy import Taxonomy, load_taxonomy

__all__ = ["SCHEMA_VERSION", "job_schema", "load_job", "parse_job", "requirements_from_mentions"]

SCHEMA_VERSION = "1"
_STRUCTURED_SUFFIXES = (".yaml", ".yml", ".json")

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
_BULLET_RE = re.compile(r"\s*(?:[-*•●▪◦‣·○■□➢➤►▶✓✔→–—]|\d{1,2}[.)])\s+")
_LINKING_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "including", "into", "like", "of", "on", "or"}
    | {"such", "than", "that", "the", "to", "using", "via", "with"}
)
_ITEM_STARTS = frozenset({"with", "in", "of", "using", "on", "at", "building", "designing", "working"})
_SENTENCE_END_RE = re.compile(r"[.!?;](?=\s|$)")
_ABBREVIATION_RE = re.compile(r"\b(?:e\.\s?g|i\.\s?e|eg|ie|etc|vs|incl|approx|esp|min|max|yrs|no)$")

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


@dataclass(frozen=True, slots=True)
class _Block:
    kind: BlockKind
    heading: str
    start: int
    end: int


@dataclass
class _Group:
    skills: list[str]
    kind: Literal["required", "preferred"]
    weight: float
    min_years: float | None
    knockout: bool
    source: str
    start: int  # offset of the first mention
    end: int  # offset after the last mention
    explicit: bool  # from a requirement block (or a job without any), not a duties block


# -- public API ---------------------------------------------------------------------


def parse_job(text: str, *, taxonomy: Taxonomy | None = None, title: str | None = None) -> Job:
    """Read a free-text job description into requirements.

    >>> import skillmatch as sm
    >>> job = sm.parse_job("Senior Engineer\\nMust have: 5+ years of experience, AWS/GCP/Azure")
    >>> job.title, job.min_years, [r.skills for r in job.requirements]
    ('Senior Engineer', 5.0, [('aws', 'gcp', 'azure')])
    """
    tax = taxonomy if taxonomy is not None else load_taxonomy()
    text = normalize_text(text)
    blocks = _blocks(text)
    mentions = _find_mentions(text, blocks, tax)
    job = requirements_from_mentions(text, mentions, taxonomy=tax, blocks=blocks)
    if title is not None:
        job = replace(job, title=title)
    return job


def load_job(path: str | os.PathLike[str], *, taxonomy: Taxonomy | None = None) -> Job:
    """Read a job from a YAML/JSON file (the structured format) or a TXT/MD/PDF/DOCX/HTML ad.

    Structured files are validated against ``job.schema.json``; errors name the file, the
    line (YAML) and the field.

    >>> import skillmatch as sm, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "job.yaml"
    >>> _ = p.write_text("title: API Engineer\\nrequirements:\\n  - skills: [python, go]\\n    min_years: 3\\n")
    >>> sm.load_job(p).requirements[0].skills
    ('python', 'go')
    """
    source = os.fspath(path)
    tax = taxonomy if taxonomy is not None else load_taxonomy()
    if Path(source).suffix.lower() in _STRUCTURED_SUFFIXES:
        try:
            raw = Path(source).read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise JobError(f"cannot read job file: {exc.strerror or exc}", source=source) from exc
        except UnicodeDecodeError as exc:
            raise JobError(f"job file is not UTF-8 text ({exc.reason})", source=source) from exc
        data, lines = _load_structured(raw, source)
        return _structured_job(data, lines, source=source, taxonomy=tax)

    from .documents import read_document  # a job ad may be a PDF or DOCX

    document = read_document(source)
    job = parse_job(document.text, taxonomy=tax)
    warnings = (*job.warnings, *document.warnings)
    return replace(job, source=source, warnings=warnings)


@lru_cache(maxsize=1)
def job_schema() -> dict[str, Any]:
    """The JSON Schema of the structured job format (``skillmatch/schemas/job.schema.json``)."""
    text = (files("skillmatch") / "schemas" / "job.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def requirements_from_mentions(
    text: str,
    mentions: Iterable[Mention],
    *,
    taxonomy: Taxonomy | None = None,
    blocks: Sequence[_Block] | None = None,
) -> Job:
    """Group skill mentions of a job ad into requirements (the second half of :func:`parse_job`).

    ``mentions`` are the extractor's; only credited ones count. Exposed so the grouping
    can be tested, and reused, with mentions from any source.
    """
    tax = taxonomy if taxonomy is not None else load_taxonomy()
    blocks = list(blocks) if blocks is not None else _blocks(text)
    credited = sorted((m for m in mentions if m.credited), key=lambda m: (m.start, -m.end))
    has_requirement_blocks = any(b.kind in ("required", "preferred") for b in blocks)
    groups: list[_Group] = []
    overall: list[float] = []
    for block in blocks:
        if block.kind in ("boilerplate", "title"):
            continue
        in_block = [m for m in credited if block.start <= m.start < block.end]
        for item_start, item_end in _items(text, block):
            item_mentions = [m for m in in_block if item_start <= m.start < item_end]
            item_groups, item_years = _item_groups(
                text, item_start, item_end, item_mentions, block, has_requirement_blocks, tax
            )
            groups.extend(item_groups)
            # overall years count from requirement text, or from any text of an ad without headings
            if item_years is not None and (
                block.kind in ("required", "other") or (block.kind == "duties" and not has_requirement_blocks)
            ):
                overall.append(item_years)
    requirements = _merge(groups, tax)
    warnings: list[str] = []
    if not requirements:
        warnings.append("no skills from the taxonomy found in the job description")
    return Job(
        requirements=tuple(requirements),
        title=_title(text, blocks),
        min_years=max(overall) if overall else None,
        warnings=tuple(warnings),
    )


# -- free text: blocks and items ------------------------------------------------------


def _heading_kind(line: str) -> tuple[BlockKind | None, bool]:
    """(kind, inline) of a heading line; inline when content follows a colon on the line."""
    stripped = line.strip().strip("#*_=>|").strip()
    if not stripped or len(stripped) > _MAX_HEADING_CHARS * 3:
        return None, False
    head, colon, rest = stripped.partition(":")
    inline = bool(colon and rest.strip())
    if len(head) > _MAX_HEADING_CHARS or _BULLET_RE.match(line):
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


def _blocks(text: str) -> list[_Block]:
    """Split a job ad at its headings; the text before the first heading is ``title``/``other``."""
    blocks: list[_Block] = []
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
                blocks.append(_Block("title", line.strip(), pos, pos + len(line)))
                start = pos + len(line)
                pos += len(line)
                continue
        if line_kind is not None:
            if pos > start:
                blocks.append(_Block(kind, heading, start, pos))
            kind, heading = line_kind, line.strip()
            # an inline heading keeps its line ("Requirements: Python, Go")
            start = pos if inline else pos + len(line)
        pos += len(line)
    if pos > start:
        blocks.append(_Block(kind, heading, start, pos))
    return blocks


def _looks_like_title(line: str) -> bool:
    """A job title line: short, not a sentence ("Platform engineer wanted. You will ..." is not)."""
    stripped = line.strip().strip("#*_ ")
    return 0 < len(stripped) <= 100 and len(stripped.split()) <= 14 and not re.search(r"[.!?]\s", stripped)


def _items(text: str, block: _Block) -> list[tuple[int, int]]:
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
        elif _BULLET_RE.match(line) or cur_start is None or _starts_item(text[cur_start:cur_end], content):
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


def _title(text: str, blocks: Sequence[_Block]) -> str | None:
    for block in blocks:
        if block.kind == "title":
            title = re.sub(r"^(?:job\s+title|position|role|title)\s*:\s*", "", block.heading, flags=re.I)
            title = title.strip("#*_ ").strip()
            return title[:200] or None
    return None


# -- free text: grouping ------------------------------------------------------------


def _item_groups(
    text: str,
    start: int,
    end: int,
    mentions: list[Mention],
    block: _Block,
    has_requirement_blocks: bool,
    taxonomy: Taxonomy,
) -> tuple[list[_Group], float | None]:
    """The requirement groups of one item, and the overall years it asks for (if any)."""
    item = text[start:end]
    source = " ".join(_BULLET_RE.sub("", item, count=1).split())
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
        _Group(
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
    item: str, block: _Block, has_requirement_blocks: bool
) -> tuple[Literal["required", "preferred"], float, bool]:
    """(kind, weight, explicit) of an item from its block and its own wording."""
    preferred_phrase = _PREFERRED_RE.search(item) is not None
    if block.kind == "required":
        return ("preferred" if preferred_phrase else "required"), 1.0, True
    if block.kind == "preferred":
        return "preferred", 1.0, True
    if not has_requirement_blocks:
        # an ad without requirement headings: what it names is what it asks for
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


def _assign_years(text: str, start: int, end: int, groups: list[_Group]) -> float | None:
    """Set ``min_years`` on the groups an "N+ years" phrase governs; return the overall years."""
    phrases = list(_YEARS_RE.finditer(text, start, end))
    overall: float | None = None
    for k, phrase in enumerate(phrases):
        years = _years_value(phrase)
        if not 0 < years <= 40:
            continue
        limit = phrases[k + 1].start() if k + 1 < len(phrases) else end
        after = [g for g in groups if phrase.end() <= g.start < limit]
        governed: list[_Group] = []
        if after:
            first = after[0]
            gap_before = text[phrase.end() : first.start]
            # "5+ years of experience, AWS/GCP/Azure": the clause ends before the skills
            clause = re.match(r"[^,;:–—(]{0,60}?[,;:–—]", gap_before)
            closed = clause is not None and _GENERAL_EXPERIENCE_RE.search(clause.group()) is not None
            # "4+ years of backend development experience": the field of the overall years,
            # even when the taxonomy knows "backend development" as a skill
            field = _FIELD_WORDS_RE.fullmatch(text[first.start : first.end]) is not None and len(first.skills) == 1
            if field and len(gap_before) <= 100 and not re.search(r"[.;]\s", gap_before):
                groups.remove(first)
                overall = max(overall or 0.0, years)
                continue
            if len(gap_before) <= 100 and not re.search(r"[.;]\s", gap_before) and not closed:
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


def _merge(groups: list[_Group], taxonomy: Taxonomy) -> list[Requirement]:
    """One requirement per distinct skill set; required beats preferred; duties fill gaps."""
    explicit_skills = {s for g in groups if g.explicit for s in g.skills}
    required_singletons = {g.skills[0] for g in groups if g.kind == "required" and len(g.skills) == 1}
    merged: dict[frozenset[str], _Group] = {}
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
            label=_label(g.skills, g.min_years, taxonomy),
            source_text=g.source or None,
        )
        for g in merged.values()
    ]
    # required first, then preferred, each in the order the ad gives them
    return [r for r in out if r.kind == "required"] + [r for r in out if r.kind == "preferred"]


def _label(skills: Sequence[str], min_years: float | None, taxonomy: Taxonomy) -> str:
    names = [taxonomy[s].name if s in taxonomy else s for s in skills]
    label = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    if min_years:
        label += f", {min_years:g}+ years"
    return label


# -- skill finding ------------------------------------------------------------------

# Job blocks as the CV sections the extractor knows: requirement lists read like a
# skills section, duties like experience bullets, the rest as other text.
_SECTION_OF: dict[str, str] = {
    "title": "header",
    "required": "skills",
    "preferred": "skills",
    "stack": "skills",
    "duties": "experience",
    "boilerplate": "other",
    "other": "other",
}


def _find_mentions(text: str, blocks: Sequence[_Block], taxonomy: Taxonomy) -> list[Mention]:
    from .matcher import get_extractor  # built once per taxonomy and reused

    sections = [Section(_SECTION_OF[b.kind], b.heading, b.start, b.end) for b in blocks]
    return list(get_extractor(taxonomy).find(text, sections, kind="job"))


# -- structured files -------------------------------------------------------------------


def _load_structured(raw: str, source: str) -> tuple[Any, dict[tuple[str | int, ...], int]]:
    """Parsed data and, for YAML, the line of every field (by its path)."""
    if source.lower().endswith(".json"):
        try:
            return json.loads(raw), {}
        except json.JSONDecodeError as exc:
            raise JobError(f"line {exc.lineno}: invalid JSON: {exc.msg}", source=source) from exc
    import yaml  # only structured job files need it

    try:
        data = yaml.safe_load(raw)
        node = yaml.compose(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise JobError(f"{where}invalid YAML: {problem}", source=source) from exc
    lines: dict[tuple[str | int, ...], int] = {}
    if node is not None:
        _node_lines(node, (), lines)
    return data, lines


def _node_lines(node: Any, path: tuple[str | int, ...], out: dict[tuple[str | int, ...], int]) -> None:
    out[path] = node.start_mark.line + 1
    value = node.value
    if node.tag.endswith(":map"):
        for key_node, value_node in value:
            key = (*path, key_node.value)
            out[key] = key_node.start_mark.line + 1
            _node_lines(value_node, key, out)
            out[key] = key_node.start_mark.line + 1
    elif node.tag.endswith(":seq"):
        for i, item in enumerate(value):
            _node_lines(item, (*path, i), out)


def _field(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _structured_job(
    data: Any,
    lines: dict[tuple[str | int, ...], int],
    *,
    source: str,
    taxonomy: Taxonomy,
) -> Job:
    import jsonschema  # validation of structured job files only

    def fail(path: Sequence[str | int], message: str) -> JobError:
        line = lines.get(tuple(path))
        where = f"line {line}: " if line is not None else ""
        return JobError(f"{where}{_field(path)}: {message}", source=source)

    validator = jsonschema.Draft202012Validator(job_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: (list(e.absolute_path) != [], e.path))
    if errors:
        error = jsonschema.exceptions.best_match(errors)
        assert error is not None
        raise fail(list(error.absolute_path), _schema_message(error))

    requirements: list[Requirement] = []
    for i, item in enumerate(data.get("requirements") or []):
        names = item["skills"] if "skills" in item else [item["skill"]]
        key = "skills" if "skills" in item else "skill"
        ids: list[str] = []
        for k, name in enumerate(names):
            path: list[str | int] = ["requirements", i, key]
            if key == "skills":
                path.append(k)
            skill = taxonomy.resolve(str(name))
            if skill is None:
                raise fail(path, f"unknown skill {name!r}{_suggest(str(name), taxonomy)}")
            if skill.id not in ids:
                ids.append(skill.id)
        min_years = item.get("min_years")
        requirements.append(
            Requirement(
                skills=tuple(ids),
                kind=item.get("kind", "required"),
                min_years=None if min_years is None else float(min_years),
                weight=float(item.get("weight", 1.0)),
                knockout=bool(item.get("knockout", False)),
                label=item.get("label") or _label(ids, min_years, taxonomy),
            )
        )
    title = data.get("title")
    min_years = data.get("min_years")
    warnings: list[str] = []
    if data.get("text"):
        parsed = parse_job(str(data["text"]), taxonomy=taxonomy)
        have = {frozenset(r.skills) for r in requirements}
        listed = {s for r in requirements for s in r.skills}
        requirements.extend(
            r for r in parsed.requirements if frozenset(r.skills) not in have and not set(r.skills) <= listed
        )
        title = title or parsed.title
        if min_years is None:
            min_years = parsed.min_years
    if not requirements:
        warnings.append("the job has no requirements: every candidate scores 0")
    return Job(
        requirements=tuple(requirements),
        title=title,
        min_years=None if min_years is None else float(min_years),
        source=source,
        warnings=tuple(warnings),
    )


def _schema_message(error: Any) -> str:
    validator = error.validator
    if validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return f"unknown field(s) {', '.join(map(repr, extra))} (allowed: {allowed})"
    if validator in ("oneOf", "anyOf") and isinstance(error.instance, dict):
        return "give either 'skills' (a list) or 'skill' (one skill)"
    if validator == "enum":
        return f"{error.instance!r} is not one of {', '.join(map(repr, error.validator_value))}"
    return str(error.message)


def _suggest(name: str, taxonomy: Taxonomy) -> str:
    choices = {s.id: s.id for s in taxonomy}
    for s in taxonomy:
        for form in s.forms:
            choices.setdefault(form.lower(), s.id)
    close = difflib.get_close_matches(name.lower(), list(choices), n=1, cutoff=0.75)
    return f" (did you mean {choices[close[0]]!r}?)" if close else " (not in the taxonomy; see `skillmatch taxonomy`)"
