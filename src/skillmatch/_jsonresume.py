"""Render a JSON Resume (https://jsonresume.org/schema) as sectioned CV text.

>>> print(render({"basics": {"name": "Ada Lovelace", "summary": "Backend engineer."},
...               "work": [{"name": "Acme", "position": "Engineer", "startDate": "2019-01",
...                         "highlights": ["Built APIs in Python"]}]}))
Ada Lovelace
<BLANKLINE>
Summary
Backend engineer.
<BLANKLINE>
Experience
Engineer, Acme
Jan 2019 – Present
• Built APIs in Python

The text reads like a CV written by hand: a heading per section, one role per block with its
dates on a line of their own ("Jan 2019 – Present") and its highlights as bullets, so the
section and date finders treat it like any other CV. Any field may be missing or of the wrong
type (the data is untrusted); such fields are skipped, never an exception.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["is_json_resume", "render"]

_RESUME_KEYS = frozenset(("basics", "work"))
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO_DATE_RE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-\d{1,2})?)?(?:T.*)?")


def is_json_resume(data: object) -> bool:
    """Whether parsed JSON looks like a JSON Resume: an object with ``basics`` or ``work``."""
    return isinstance(data, dict) and not _RESUME_KEYS.isdisjoint(data)


def render(resume: dict[str, Any]) -> str:
    """The CV text of a parsed JSON Resume."""
    blocks: list[str] = []
    basics = _dict(resume.get("basics"))
    header = _lines(
        _s(basics.get("name")),
        _s(basics.get("label")),
        _join(" • ", _s(basics.get("email")), _s(basics.get("phone")), _s(basics.get("url")), _location(basics)),
        *(_profile(p) for p in _list(basics.get("profiles"))),
    )
    if header:
        blocks.append(header)
    summary = _s(basics.get("summary"))
    if summary:
        blocks.append(f"Summary\n{summary}")
    for heading, key, entry in _SECTIONS:
        entries = [text for text in (entry(_dict(item)) for item in _list(resume.get(key))) if text]
        if entries:
            blocks.append(heading + "\n" + "\n\n".join(entries))
    return "\n\n".join(blocks)


def _work(item: dict[str, Any]) -> str:
    title = _join(", ", _s(item.get("position")), _s(item.get("name")) or _s(item.get("organization")))
    return _lines(
        _join(" — ", title, _s(item.get("location"))),
        _dates(item),
        _s(item.get("summary")),
        _s(item.get("description")),
        *_bullets(item.get("highlights")),
    )


def _education(item: dict[str, Any]) -> str:
    degree = _join(" in ", _s(item.get("studyType")), _s(item.get("area")))
    courses = _join(", ", *(_s(course) for course in _list(item.get("courses"))))
    return _lines(
        _join(", ", degree, _s(item.get("institution"))),
        _dates(item),
        f"Score: {_s(item.get('score'))}" if _s(item.get("score")) else "",
        f"Courses: {courses}" if courses else "",
    )


def _skill(item: dict[str, Any]) -> str:
    keywords = _join(", ", *(_s(keyword) for keyword in _list(item.get("keywords"))))
    name = _s(item.get("name"))
    level = _s(item.get("level"))
    line = f"{name}: {keywords}" if name and keywords else name or keywords
    return f"{line} ({level})" if line and level else line


def _project(item: dict[str, Any]) -> str:
    keywords = _join(", ", *(_s(keyword) for keyword in _list(item.get("keywords"))))
    roles = _join(", ", *(_s(role) for role in _list(item.get("roles"))))
    return _lines(
        _join(" — ", _s(item.get("name")), _s(item.get("entity"))),
        _dates(item),
        f"Role: {roles}" if roles else "",
        _s(item.get("description")),
        *_bullets(item.get("highlights")),
        f"Technologies: {keywords}" if keywords else "",
    )


def _certificate(item: dict[str, Any]) -> str:
    line = _join(", ", _s(item.get("name")), _s(item.get("issuer")))
    date = _date(_s(item.get("date")))
    return f"{line} ({date})" if line and date else line


def _award(item: dict[str, Any]) -> str:
    line = _join(", ", _s(item.get("title")), _s(item.get("awarder")))
    date = _date(_s(item.get("date")))
    return _lines(f"{line} ({date})" if line and date else line, _s(item.get("summary")))


def _publication(item: dict[str, Any]) -> str:
    line = _join(", ", _s(item.get("name")), _s(item.get("publisher")))
    date = _date(_s(item.get("releaseDate")))
    return _lines(f"{line} ({date})" if line and date else line, _s(item.get("summary")))


def _language(item: dict[str, Any]) -> str:
    return _join(": ", _s(item.get("language")), _s(item.get("fluency")))


def _interest(item: dict[str, Any]) -> str:
    keywords = _join(", ", *(_s(keyword) for keyword in _list(item.get("keywords"))))
    return _join(": ", _s(item.get("name")), keywords)


def _reference(item: dict[str, Any]) -> str:
    return _lines(_s(item.get("name")), _s(item.get("reference")))


_SECTIONS: tuple[tuple[str, str, Callable[[dict[str, Any]], str]], ...] = (
    ("Experience", "work", _work),
    ("Volunteering", "volunteer", _work),
    ("Skills", "skills", _skill),
    ("Education", "education", _education),
    ("Projects", "projects", _project),
    ("Certifications", "certificates", _certificate),
    ("Awards", "awards", _award),
    ("Publications", "publications", _publication),
    ("Languages", "languages", _language),
    ("Interests", "interests", _interest),
    ("References", "references", _reference),
)


# --- helpers that never trust the data ---------------------------------------------------


def _s(value: object) -> str:
    """A field as one stripped string: text and numbers only (a bool or a list is no field)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _join(separator: str, *parts: str) -> str:
    return separator.join(part for part in parts if part)


def _lines(*lines: str) -> str:
    return "\n".join(line for line in lines if line)


def _bullets(value: object) -> Iterable[str]:
    return (f"• {text}" for text in map(_s, _list(value)) if text)


def _location(basics: dict[str, Any]) -> str:
    location = basics.get("location")
    if isinstance(location, str):
        return location.strip()
    location = _dict(location)
    return _join(", ", *(_s(location.get(key)) for key in ("city", "region", "countryCode")))


def _profile(profile: object) -> str:
    profile = _dict(profile)
    where = _s(profile.get("url")) or _s(profile.get("username"))
    return _join(": ", _s(profile.get("network")), where)


def _dates(item: dict[str, Any]) -> str:
    start = _date(_s(item.get("startDate")))
    end = _date(_s(item.get("endDate")))
    if start:
        return f"{start} – {end or 'Present'}"
    return end


def _date(value: str) -> str:
    """``2019-01-15`` → ``Jan 2019``, ``2019`` → ``2019``; anything else as written."""
    match = _ISO_DATE_RE.fullmatch(value)
    if match is None:
        return value
    year, month = match.group(1), match.group(2)
    if month and 1 <= int(month) <= 12:
        return f"{_MONTHS[int(month) - 1]} {year}"
    return year
