"""Dated roles in a CV and the month arithmetic over them.

:func:`find_roles` finds each role of the experience (and projects) sections: its date
range, its heading line(s) and the block of text it owns, so every mention can be
attached to the role it sits in (:func:`role_at`) and each skill gets the months of its
roles, overlaps counted once (:func:`skill_timeline`).

>>> from datetime import date
>>> from skillmatch.models import Section
>>> text = "Experience\\nBackend Engineer, Acme\\nJan 2020 – Present\\n- Python, Kafka\\n"
>>> roles = find_roles(text, [Section("experience", "Experience", 0, len(text))], as_of=date(2020, 12, 1))
>>> roles[0].title, roles[0].months
('Backend Engineer, Acme', 12)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from datetime import date

from .dates import DateRange, find_date_ranges, month_index
from .models import Mention, Role, Section

__all__ = ["find_roles", "months_covered", "role_at", "skill_timeline", "stated_months"]

#: Sections whose date ranges are roles. Others (education, certifications ...) are not.
ROLE_SECTIONS = ("experience", "projects")
#: Sections searched when a CV has no experience or projects heading at all.
_FALLBACK_SECTIONS = ("header", "summary", "other")

_BULLET_RE = re.compile(r"\s*(?:[-*•●▪◦‣·○■□➢➤►▶✓✔→–—>]|o\s|\d{1,2}[.)]\s)")
#: A heading line is short; a line of prose or a long bullet is part of a role's body.
_MAX_HEADING_CHARS = 90
_MAX_HEADING_LINES = 3
_WORD_NUMBERS = {
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "eight": 8.0,
    "nine": 9.0,
    "ten": 10.0,
    "twelve": 12.0,
    "fifteen": 15.0,
}
_DURATION = (
    r"(?P<n>\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)\s*\+?\s*"
    r"(?P<unit>years?|yrs?|months?|mos?)\b(?:['’]s?)?\+?"
)
# "Python (5 years)", "Python: 3+ yrs", "Go - 18 months", "Java, 4 years"
_DURATION_AFTER_RE = re.compile(rf"\s*(?:\(|:|[-–—]|,)?\s*{_DURATION}", re.IGNORECASE)
# "8+ years of Java", "5 years' experience in Python", "3 yrs hands-on experience with Go"
_DURATION_BEFORE_RE = re.compile(
    rf"\b{_DURATION}\s+(?:of\s+)?(?:(?:hands-on|professional|commercial|working|industry|production)\s+)?"
    r"(?:(?:experience|exp\.?|programming|development|coding)\s+)?(?:in|with|of|using|on)?\s*$",
    re.IGNORECASE,
)
# A dated line about time off is not a role ("Since November 2024 I have been on a sabbatical").
_CAREER_BREAK_RE = re.compile(
    r"\b(?:sabbatical|career\s+break|parental\s+leave|maternity|paternity|gap\s+year|travell?ing"
    r"|unemploy\w*|job\s+search\w*|caring\s+for)\b",
    re.IGNORECASE,
)
#: Average characters per line above which a section is flattened text, not lines.
_FLAT_LINE_CHARS = 400
_EDUCATION_RE = re.compile(
    r"\b(?:education|academic|qualifications?|bachelor|master'?s?|b\.?\s?sc|m\.?\s?sc|b\.?\s?tech|m\.?\s?tech"
    r"|mba|ph\.?d|degree|diploma|university|college|school|graduat\w*|certificat\w*)\b",
    re.IGNORECASE,
)
# A section named inline after the last role ("Skills: Kotlin, Kafka"); role labels such as
# "Environment:", "Tools:" or "Tech stack:" stay in their role.
_INLINE_SECTION_RE = re.compile(
    r"\s*(?:(?:technical|key|core|other|additional|it|computer|soft)\s+)?(?:skills?|skill\s*set|education"
    r"|certifications?|languages|interests|hobbies|references|awards|publications|courses|training)\s*:",
    re.IGNORECASE,
)
_EMPLOYER_SEPARATOR_RE = re.compile(r",|\s(?:at|@|[-–—|])\s")
_SUBHEADING_RE = re.compile(
    r"\s*(?:key\s+)?(?:responsibilit|achievement|accomplishment|highlight|project|client|environment|technolog"
    r"|tools|stack|tasks|duties|skills)",
    re.IGNORECASE,
)
_TITLE_STRIP = " \t|,;:–—-•*#@/"
_EMPTY_BRACKETS_RE = re.compile(r"\(\s*\)|\[\s*\]")
_MARKUP_RE = re.compile(r"\*\*|__|`")
_TIDY_RE = re.compile(r"\s*([,;:])(?:\s*[,;:])*")


def find_roles(text: str, sections: Sequence[Section], *, as_of: date | None = None) -> tuple[Role, ...]:
    """Every dated role of the experience and projects sections, in text order.

    A role owns the text from its heading (the title/employer lines next to its date,
    above or on the date line) to the start of the next role's heading, or the end of
    its section. Date ranges inside bullets are not roles, unless every dated line of
    the section is a bullet (a Markdown list of roles).
    """
    today = as_of or date.today()
    chosen = [s for s in sections if s.name in ROLE_SECTIONS]
    if not chosen:
        chosen = [s for s in sections if s.name in _FALLBACK_SECTIONS]
    roles: list[Role] = []
    for section in chosen:
        roles.extend(_section_roles(text, section, today))
    return tuple(roles)


def role_at(roles: Sequence[Role], offset: int) -> int | None:
    """The index of the role whose block holds ``offset``, or None.

    >>> from datetime import date
    >>> from skillmatch.models import Role
    >>> r = Role(date(2020, 1, 1), date(2020, 3, 1), False, "Dev", "2020", 10, 14, 0, 50)
    >>> role_at([r], 20), role_at([r], 60)
    (0, None)
    """
    starts = [r.block_start for r in roles]
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and offset < roles[i].block_end:
        return i
    return None


def skill_timeline(roles: Sequence[Role], role_indexes: Iterable[int]) -> tuple[int | None, date | None]:
    """(months used, last used) over some roles: the union of their months, the latest end.

    >>> from datetime import date
    >>> from skillmatch.models import Role
    >>> a = Role(date(2019, 1, 1), date(2019, 12, 1), False, "A", "", 0, 0, 0, 1)
    >>> b = Role(date(2019, 7, 1), date(2020, 6, 1), False, "B", "", 0, 0, 1, 2)
    >>> skill_timeline([a, b], [0, 1])
    (18, datetime.date(2020, 6, 1))
    """
    chosen = [roles[i] for i in sorted(set(role_indexes))]
    if not chosen:
        return None, None
    return _union_months(chosen), max(r.end for r in chosen)


def months_covered(roles: Sequence[Role], *, sections: Iterable[str] | None = None) -> int | None:
    """Months covered by the roles, overlaps counted once; None without roles.

    ``sections`` picks the roles that count (default: experience roles, or every role
    when the CV has no dated experience, e.g. a student with projects only).
    """
    if sections is None:
        chosen = [r for r in roles if r.section == "experience"] or list(roles)
    else:
        wanted = set(sections)
        chosen = [r for r in roles if r.section in wanted]
    if not chosen:
        return None
    return _union_months(chosen)


def stated_months(text: str, mentions: Iterable[Mention]) -> dict[str, int]:
    """Months a CV states outright next to a skill: "Python (5 years)", "8+ years of Java".

    A second source of months for skills that no dated role mentions (a skills list with
    durations); dated roles are better evidence, so callers use these only when
    :func:`skill_timeline` has none. The largest stated duration per skill wins.

    >>> from skillmatch.models import Mention
    >>> text = "Skills: Python (5 years), Go - 18 months; 3+ years of Kubernetes"
    >>> ms = [Mention(s, text.index(t), text.index(t) + len(t), t, "skills") for s, t in
    ...       [("python", "Python"), ("go", "Go"), ("kubernetes", "Kubernetes")]]
    >>> stated_months(text, ms)
    {'python': 60, 'go': 18, 'kubernetes': 36}
    """
    out: dict[str, int] = {}
    for m in mentions:
        if not m.credited:
            continue
        after = _DURATION_AFTER_RE.match(text, m.end, min(len(text), m.end + 30))
        found = after
        if found is None:
            lo = max(0, m.start - 60)
            found = _DURATION_BEFORE_RE.search(text, lo, m.start)
        if found is None:
            continue
        months = _duration_months(found["n"], found["unit"])
        if months is not None and months > out.get(m.skill_id, 0):
            out[m.skill_id] = months
    return out


def _duration_months(number: str, unit: str) -> int | None:
    value = _WORD_NUMBERS.get(number.lower())
    if value is None:
        try:
            value = float(number)
        except ValueError:
            return None
    months = round(value if unit.lower().startswith("m") else value * 12)
    return months if 0 < months <= 50 * 12 else None


def _union_months(roles: Iterable[Role]) -> int:
    spans = sorted((month_index(r.start), month_index(r.end)) for r in roles)
    total = 0
    cur_lo, cur_hi = spans[0]
    for lo, hi in spans[1:]:
        if lo > cur_hi + 1:
            total += cur_hi - cur_lo + 1
            cur_lo, cur_hi = lo, hi
        elif hi > cur_hi:
            cur_hi = hi
    return total + cur_hi - cur_lo + 1


# -- roles of one section ---------------------------------------------------------


class _Lines:
    """The lines of one section, with offsets into the whole text and cached line kinds."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.texts: list[str] = text[start:end].split("\n")
        if len(self.texts) > 1 and not self.texts[-1]:
            self.texts.pop()  # the section ends with a newline
        self.starts: list[int] = []
        pos = start
        for line in self.texts:
            self.starts.append(pos)
            pos += len(line) + 1
        self.end = end
        self.blank = [not line.strip() for line in self.texts]
        self._body: dict[int, bool] = {}

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, i: int) -> tuple[int, int]:
        return self.starts[i], self.starts[i] + len(self.texts[i])

    def line(self, i: int) -> str:
        return self.texts[i]

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def is_body(self, i: int) -> bool:
        body = self._body.get(i)
        if body is None:
            body = self._body[i] = _is_body(self.texts[i])
        return body


def _is_bullet(line: str) -> bool:
    return _BULLET_RE.match(line) is not None


def _is_heading_like(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_HEADING_CHARS or _is_bullet(line):
        return False
    # A sentence of the previous role's body, not a title line.
    return not (stripped.endswith(".") and len(stripped.split()) > 6)


def _section_roles(text: str, section: Section, today: date) -> list[Role]:
    ranges = find_date_ranges(text, as_of=today, pos=section.start, endpos=section.end)
    if not ranges:
        return []
    lines = _Lines(text, section.start, section.end)
    if (section.end - section.start) / len(lines) > _FLAT_LINE_CHARS:
        return _flat_roles(text, section, ranges)
    first_body = 1 if section.heading and len(lines) > 1 else 0

    # One range per line: the first. Long prose lines and bullets are not role lines.
    dated: list[tuple[int, DateRange]] = []
    for r in ranges:
        i = lines.index(r.start_offset)
        if dated and dated[-1][0] == i:
            continue
        if i < first_body:
            continue
        lo, hi = lines.span(i)
        if _CAREER_BREAK_RE.search(text, max(lo, r.start_offset - 80), min(hi, r.end_offset + 80)):
            continue
        dated.append((i, r))
    if not dated:
        return []
    plain = [(i, r) for i, r in dated if not _is_bullet(lines.line(i)) and _fits_heading(lines.line(i), r)]
    if plain:
        dated = plain
    elif not dated or not all(_is_bullet(lines.line(i)) for i, _ in dated):
        return []

    # The first role tells how many heading lines stand above a date in this CV.
    first_line = dated[0][0]
    blank = sum(lines.blank[first_body:])
    skip_blank = blank >= 0.8 * (len(lines) - first_body - blank)  # "double-spaced" text
    template = _heading_lines_above(lines, first_line, first_body, _MAX_HEADING_LINES, skip_blank=skip_blank)
    template_count = len(template)

    heads: list[int] = []  # line index where each role's block starts
    previous = first_body - 1
    for k, (i, _) in enumerate(dated):
        above = (
            template if k == 0 else _heading_lines_above(lines, i, previous + 1, template_count, skip_blank=skip_blank)
        )
        heads.append(above[0] if above else i)
        previous = i

    roles: list[Role] = []
    for k, (i, r) in enumerate(dated):
        block_start = lines.starts[heads[k]]
        last_line = heads[k + 1] if k + 1 < len(dated) else len(lines)
        undated = _undated_heading(lines, i + 1, last_line)
        if undated is not None:  # an undated role ends this one's block and adds no months
            last_line = undated
        block_end = lines.starts[last_line] if last_line < len(lines) else section.end
        if block_start >= block_end:
            continue
        title = _title(lines, heads[k], i, r, dated[k + 1][0] if k + 1 < len(dated) else len(lines))
        roles.append(_role(r, title, block_start, block_end, section))
    return roles


def _role(r: DateRange, title: str, block_start: int, block_end: int, section: Section) -> Role:
    return Role(
        start=r.start,
        end=r.end,
        ongoing=r.ongoing,
        title=title,
        date_text=r.text,
        date_start=r.start_offset,
        date_end=r.end_offset,
        block_start=block_start,
        block_end=block_end,
        section=section.name,
    )


def _flat_roles(text: str, section: Section, ranges: list[DateRange]) -> list[Role]:
    """Roles of text without line structure (a CV flattened to one line by an export).

    Each date range starts a role that runs to the next one; ranges next to education
    words or time off are skipped. Nested project dates inside a role make roles of their
    own, which the month union absorbs.
    """
    kept = [
        r
        for r in ranges
        if not _EDUCATION_RE.search(text, max(section.start, r.start_offset - 60), r.start_offset)
        and not _EDUCATION_RE.search(text, r.end_offset, min(section.end, r.end_offset + 40))
        and not _CAREER_BREAK_RE.search(text, max(section.start, r.start_offset - 80), r.end_offset + 80)
    ]
    roles: list[Role] = []
    for k, r in enumerate(kept):
        block_end = kept[k + 1].start_offset if k + 1 < len(kept) else section.end
        after = text[r.end_offset : min(block_end, r.end_offset + 80)]
        title = re.split(r"\s[•·|]\s|[.;]\s", after.strip(_TITLE_STRIP + " "), maxsplit=1)[0][:60].strip()
        roles.append(_role(r, title, r.start_offset, block_end, section))
    return roles


def _is_body(line: str) -> bool:
    """A line of a role's description: a bullet, or prose."""
    stripped = line.strip()
    return bool(stripped) and (_is_bullet(line) or len(stripped) > _MAX_HEADING_CHARS or stripped.endswith("."))


def _undated_heading(lines: _Lines, first: int, stop: int) -> int | None:
    """The first line in ``[first, stop)`` that ends a role's block: an undated role or a section.

    "Volunteer developer, Hedgerow Food Bank" between the bullets of two dated roles: a
    short line naming a title and an employer (a comma, "at", a dash or a bar), after a
    body line and before one. Sub-headings of a role ("Key achievements", "Project: X")
    are not roles.
    """
    previous: int | None = None
    for j in range(first, stop):
        if lines.blank[j]:
            continue
        if j > first and lines.blank[j - 1] and _INLINE_SECTION_RE.match(lines.line(j)):
            return j  # "Skills: Kotlin, Kafka" after a blank line: the CV moved on
        if previous is not None and lines.is_body(previous) and not lines.is_body(j):
            line = lines.line(j)
            if (
                _is_heading_like(line)
                and ":" not in line
                and _EMPLOYER_SEPARATOR_RE.search(line)
                and not _SUBHEADING_RE.match(line)
            ):
                following = next((n for n in range(j + 1, stop) if not lines.blank[n]), None)
                if following is not None and lines.is_body(following):
                    return j
        previous = j
    return None


def _fits_heading(line: str, r: DateRange) -> bool:
    """A date on a short line, or at either end of a longer one, is a role's date."""
    stripped = line.strip()
    if len(stripped) <= _MAX_HEADING_CHARS + len(r.text):
        return True
    lo = line.find(r.text)
    return lo <= 3 or len(line) - (lo + len(r.text)) <= 3


def _heading_lines_above(lines: _Lines, i: int, floor: int, limit: int, *, skip_blank: bool) -> list[int]:
    """Indexes of up to ``limit`` heading-like lines just above line ``i``.

    A blank line ends the heading, unless the text puts a blank line after every line
    (some PDF extractions do), when blank lines are skipped.
    """
    out: list[int] = []
    j = i - 1
    while j >= floor and len(out) < limit:
        line = lines.line(j)
        if lines.blank[j]:
            if not skip_blank:
                break
            j -= 1
            continue
        if not _is_heading_like(line):
            break
        out.append(j)
        j -= 1
    out.reverse()
    return out


def _title(lines: _Lines, head: int, date_line: int, r: DateRange, next_role_line: int) -> str:
    parts = [lines.line(j).strip(_TITLE_STRIP) for j in range(head, date_line)]
    lo, hi = lines.span(date_line)
    on_line = lines.text[lo : r.start_offset] + " " + lines.text[r.end_offset : hi]
    on_line = _EMPTY_BRACKETS_RE.sub("", on_line).strip(_TITLE_STRIP)
    on_line = re.sub(r"\s{2,}|\s*[|·•]\s*", ", ", on_line).strip(_TITLE_STRIP)
    parts.append(on_line)
    title = _TIDY_RE.sub(r"\1", _MARKUP_RE.sub("", ", ".join(p for p in parts if p))).strip(_TITLE_STRIP)
    if not title:  # the date stands alone above its title ("Jan 2019 – Present\nEngineer, Acme")
        for j in range(date_line + 1, min(next_role_line, date_line + 3, len(lines))):
            line = lines.line(j)
            if _is_heading_like(line):
                return line.strip(_TITLE_STRIP)
    return title
