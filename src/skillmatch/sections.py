"""Split a CV into headed sections (summary, skills, experience, education ...).

Headings are recognised by what they say, not by how they look: a short line made of a
heading word ("Experience", "Skills", "Education" ...) and, optionally, modifier words
("Professional", "Technical", "Work", "Key" ...), written in capitals, in Title Case, with
a trailing colon, or alone on its line. Lines like "TECHNICAL SKILLS", "Work History",
"Professional Experience:", "CERTIFICATIONS/LICENSES" or "• Key Projects:" all start a
section. A heading followed by its content on the same line ("Skills: Python, Go") starts
a section too, except inside experience or projects, where such lines are a role's own
labels ("Environment: Java, Spring").

>>> from skillmatch.sections import find_sections
>>> [s.name for s in find_sections("Jane Doe\\n\\nSKILLS\\nPython\\n\\nWork History\\nAcme, 2019 - 2021")]
['header', 'skills', 'experience']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from .models import Section

__all__ = ["HEADINGS", "find_sections", "heading_name", "section_at"]

#: Heading word -> canonical section name. Multi-word heads are matched before single words.
HEADINGS: dict[str, str] = {
    # summary
    "summary": "summary",
    "profile": "summary",
    "objective": "summary",
    "objectives": "summary",
    "about me": "summary",
    "about": "summary",
    "overview": "summary",
    "introduction": "summary",
    "highlights": "summary",
    "career objective": "summary",
    "professional summary": "summary",
    "personal statement": "summary",
    "synopsis": "summary",
    "abstract": "summary",
    # skills
    "skills": "skills",
    "skill": "skills",
    "skill set": "skills",
    "skillset": "skills",
    "skill sets": "skills",
    "competencies": "skills",
    "competences": "skills",
    "competency": "skills",
    "expertise": "skills",
    "proficiencies": "skills",
    "proficiency": "skills",
    "technologies": "skills",
    "technology": "skills",
    "tech stack": "skills",
    "toolbox": "skills",
    "toolkit": "skills",
    "tools": "skills",
    "languages": "skills",
    "strengths": "skills",
    "knowledge": "skills",
    "knowledge purview": "skills",
    "qualifications": "skills",
    "abilities": "skills",
    "it skills": "skills",
    "software": "skills",
    # experience
    "experience": "experience",
    "experiences": "experience",
    "employment": "experience",
    "work history": "experience",
    "employment history": "experience",
    "career history": "experience",
    "professional history": "experience",
    "work": "experience",
    "positions": "experience",
    "positions held": "experience",
    "career": "experience",
    "internships": "experience",
    "internship": "experience",
    "roles and responsibilities": "experience",
    # projects
    "projects": "projects",
    "project": "projects",
    "project details": "projects",
    "project experience": "projects",
    "portfolio": "projects",
    "side projects": "projects",
    "open source": "projects",
    # education
    "education": "education",
    "educations": "education",
    "academic background": "education",
    "academics": "education",
    "academic qualifications": "education",
    "academic qualification": "education",
    "educational qualifications": "education",
    "educational qualification": "education",
    "education and training": "education",
    "academic details": "education",
    "academic profile": "education",
    "scholastic profile": "education",
    "studies": "education",
    # certifications
    "certifications": "certifications",
    "certification": "certifications",
    "certificates": "certifications",
    "certificate": "certifications",
    "licenses": "certifications",
    "licences": "certifications",
    "certifications and licenses": "certifications",
    "licenses and certifications": "certifications",
    "accreditations": "certifications",
    # courses
    "courses": "courses",
    "course": "courses",
    "coursework": "courses",
    "relevant coursework": "courses",
    "training": "courses",
    "trainings": "courses",
    "workshops": "courses",
    "workshop": "courses",
    "professional development": "courses",
    "continuing education": "courses",
    # publications
    "publications": "publications",
    "papers": "publications",
    "patents": "publications",
    "research": "publications",
    "presentations": "publications",
    "talks": "publications",
    # interests
    "interests": "interests",
    "hobbies": "interests",
    "hobbies and interests": "interests",
    "activities": "interests",
    "extracurricular activities": "interests",
    "extra curricular activities": "interests",
    "volunteering": "interests",
    "volunteer": "interests",
    "volunteer work": "interests",
    "volunteer experience": "interests",
    # references
    "references": "references",
    "referees": "references",
    "reference": "references",
    # other, recognised so that a new section starts there
    "awards": "other",
    "honors": "other",
    "honours": "other",
    "achievements": "other",
    "accomplishments": "other",
    "awards and honors": "other",
    "awards and achievements": "other",
    "additional information": "other",
    "personal details": "other",
    "personal information": "other",
    "personal data": "other",
    "personal dossier": "other",
    "personal profile": "other",
    "contact": "other",
    "contact information": "other",
    "contact details": "other",
    "links": "other",
    "groups": "other",
    "affiliations": "other",
    "memberships": "other",
    "professional affiliations": "other",
    "declaration": "other",
    "military service": "other",
    "additional": "other",
    "miscellaneous": "other",
}

# Words that may come before (or between) heading words without changing the section.
_MODIFIERS = frozenset(
    str.split(
        """
        technical professional key core relevant selected recent other additional computer it
        software programming work working career employment academic personal main major notable
        areas area of and my summary detailed select significant primary industry technology
        technological domain functional specialized specialised hands on hands-on previous prior
        full-time freelance consulting research teaching leadership language languages professional
        education educational training certification certifications qualification qualifications
        skills skill experience project projects tools relevant related
        """
    )
)

_HEADING_LINE_RE = re.compile(
    r"^[ \t]*(?:[•*\-–—#=>■◆▪|]+[ \t]*)?(?:\d{1,2}[.)][ \t]*)?"
    r"(?P<head>[A-Za-z][A-Za-z &/,'’()\-]{1,58})(?:(?P<colon>[:：])[ \t]*(?P<rest>[^\n]*))?$",
)
_SPLIT_RE = re.compile(r"[\s/,&()\-]+")
_INLINE_NAMES = frozenset({"skills", "summary", "certifications", "courses", "interests", "references", "education"})


def heading_name(line: str) -> str | None:
    """The section a heading line starts, or None when the line is not a heading.

    >>> heading_name("TECHNICAL SKILLS:"), heading_name("Work History"), heading_name("I like work")
    ('skills', 'experience', None)
    """
    m = _HEADING_LINE_RE.match(line.strip())
    if m is None or m["rest"]:
        return None
    return _classify(m["head"], bool(m["colon"]))


@lru_cache(maxsize=4096)
def _classify(head: str, colon: bool) -> str | None:
    if head.rstrip().endswith(","):
        return None  # "skills," ends a line of wrapped prose
    head = head.strip(" \t-–—,&/")
    if not head or head[-1] == "." or len(head) > 48:
        return None
    phrase = head.casefold().replace("’", "'")
    phrase = " ".join(phrase.replace("&", " and ").split())
    name = HEADINGS.get(phrase)
    if name is None:
        words = [w for w in _SPLIT_RE.split(phrase) if w]
        if not words or len(words) > 6:
            return None
        name = _compose(words)
        if name is None:
            return None
    # Case style: headings are capitalised ("SKILLS", "Work History", "Work experience"); a
    # lower-case line ("skills,") is a fragment of wrapped prose unless it ends with a colon.
    letters = [c for c in head if c.isalpha()]
    if not letters:
        return None
    if not (head.isupper() or head[:1].isupper() or colon):
        return None
    return name


def _compose(words: list[str]) -> str | None:
    """Name of a heading made of modifier words and heading words ("Key Technical Skills")."""
    found: str | None = None
    i = 0
    while i < len(words):
        two = " ".join(words[i : i + 2])
        if i + 1 < len(words) and two in HEADINGS:
            name = HEADINGS[two]
            i += 2
        elif words[i] in HEADINGS and words[i] not in _WEAK_HEADS:
            name = HEADINGS[words[i]]
            i += 1
        elif words[i] in _MODIFIERS or words[i] in _WEAK_HEADS:
            i += 1
            continue
        else:
            return None
        # The last heading word decides ("Projects and Experience" is experience-like, but
        # "Education and Training" stays education): prefer the first strong one.
        found = found or name
    if found is None:
        # Only weak words ("Technical Skills" handled above; "Work", "Languages" alone).
        phrase = " ".join(words)
        return HEADINGS.get(phrase)
    return found


# Heading words that name a section only alone or next to a strong heading word.
_WEAK_HEADS = frozenset({"work", "career", "languages", "tools", "software", "knowledge", "project", "training"})


def find_sections(text: str) -> tuple[Section, ...]:
    """Contiguous sections covering all of ``text``; the first is ``header``.

    >>> secs = find_sections("Ann\\nEXPERIENCE\\nDev at X\\nEducation:\\nBSc")
    >>> [(s.name, s.heading) for s in secs]
    [('header', ''), ('experience', 'EXPERIENCE'), ('education', 'Education:')]
    """
    starts: list[tuple[int, str, str]] = []  # (offset, name, heading as written)
    current = "header"
    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        # Only short lines, or lines with a colon early on, can be headings: skip the rest
        # without running the pattern on them (most lines of a CV).
        if len(line) > 64 and ":" not in line[:52]:
            continue
        m = _HEADING_LINE_RE.match(line)
        if m is None:
            continue
        head = m["head"]
        rest = m["rest"]
        colon = bool(m["colon"])
        if rest:
            # "Skills: Python, Go": a heading with its content, only outside roles.
            if not colon or current in ("experience", "projects"):
                continue
            name = _classify(head, True)
            if name not in _INLINE_NAMES:
                continue
            heading = line[m.start("head") : m.end("colon")]
        else:
            name = _classify(head, colon)
            if name is None:
                continue
            heading = line[m.start("head") : m.end("colon") if colon else m.end("head")]
        assert name is not None
        if starts and starts[-1][1] == name and _adjacent(text, starts[-1][0], line_start):
            continue  # "SKILLS" right after "TECHNICAL SKILLS" style repeats: one section
        starts.append((line_start, name, heading.strip()))
        current = name
    bounds = [(0, "header", ""), *starts]
    sections = [
        Section(name, heading, offset, bounds[i + 1][0] if i + 1 < len(bounds) else len(text))
        for i, (offset, name, heading) in enumerate(bounds)
    ]
    # The header is empty when the text opens with a heading: "first is header" still holds.
    if len(sections) > 1 and sections[1].start == 0:
        sections[0] = Section("header", "", 0, 0)
    return tuple(sections)


def _adjacent(text: str, start: int, offset: int) -> bool:
    # Two headings of the same name with nothing but whitespace between them.
    between = text[start:offset]
    return between.count("\n") <= 2 and len(between.split("\n", 1)[-1].strip()) == 0


def section_at(sections: Sequence[Section], offset: int) -> Section:
    """The section holding a character offset (the last one for the end of the text).

    >>> secs = find_sections("Ann\\nSKILLS\\nGo")
    >>> section_at(secs, 12).name
    'skills'
    """
    if not sections:
        raise ValueError("no sections")
    starts = [s.start for s in sections]
    i = bisect.bisect_right(starts, offset) - 1
    i = max(0, min(i, len(sections) - 1))
    # Empty sections (a header of length 0) never hold an offset.
    while i + 1 < len(sections) and sections[i].end <= offset and sections[i + 1].start <= offset:
        i += 1
    return sections[i]
