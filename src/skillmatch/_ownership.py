"""Lists that are not the candidate's own: a recruiter's "technologies I hired for", a
quoted job ad, other people's teams, and what the candidate only studied (a course list,
a syllabus, a training or workshop attended); the mentions in them are not credited."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ._page import SENTENCE_END_RE, HitLike, Page

__all__ = ["FOREIGN_TRIGGERS", "citations", "foreign_lists", "resume_links"]


#: Words one of which every foreign-list cue contains. The matcher's automaton finds them
#: (at the start of a token) in its one pass, and the cue pattern is tried only around
#: them: searching the whole text with it costs more than everything else here.
FOREIGN_TRIGGERS = (
    "hire",
    "hiring",
    "recruit",
    "sourced",
    "sourcing",
    "placed",
    "headhunt",
    "filled",
    "staffed",
    "advert",
    "job ads",
    "job specs",
    "job descriptions",
    "job postings",
    "syllabus",
    "curriculum",
    "course",
    "job description",
    "job posting",
    "job ad",
    "asking for",
    "looking for",
    "calling for",
    "requiring",
    "team of",
    "group of",
    "squad of",
    "managed",
    "managing",
    "supervised",
    "supervising",
    "oversaw",
    "overseeing",
    "technologies i",
    "technologies we",
    "skills i",
    "skills we",
    "roles i",
    "roles we",
    "positions i",
    "positions we",
    "modules i",
    "modules we",
    "courses i",
    "courses we",
    "classes i",
    "subjects i",
    "modules",
    "subjects",
    "classes",
    "studies",
    "training",
    "workshop",
    "seminar",
    "webinar",
    "bootcamp",
    "attended",
    "paper presentation",
    "papers presented",
    "presented a paper",
    "presented papers",
    "students",
    "pupils",
    "learners",
    "trainees",
    "kids",
    "children",
)
# Each alternative starts with a trigger word, so it is tried only where one stands.
_FOREIGN_RE = re.compile(
    # a recruiter's lists: "technologies I hired for", "placed Python developers", "recruited 40 engineers"
    r"(?P<recruiter>(?:technologies|skills|roles|positions|stacks?)\s+(?:i|we)\s+(?:have\s+)?(?:hired|recruited"
    r"|sourced|placed|recruit|hire|source)(?:\s+for)?"
    r"|(?:placed|hired|recruited|sourced|headhunted|recruiting|hiring|sourcing|filled|staffed)\b[^.;\n]{0,60}?"
    r"\b(?:developers|engineers|candidates|consultants|contractors|specialists|professionals|architects|talent"
    r"|hires|roles|positions|people|staff)\b"
    r"|(?:hired|recruited|recruiting|sourced|sourcing|hiring)\s+for\b)"
    # other people's skills: "a team of eight Java developers", "managed 5 .NET engineers"
    r"|(?P<team>(?:team|group|squad)\s+of\s+[^.;\n]{0,50}?\b(?:developers|engineers|programmers|testers|consultants)"
    r"|(?:managed|managing|supervised|supervising|oversaw|overseeing)\s+(?:a\s+team\s+of\s+)?[^.;\n]{0,40}?"
    r"\b(?:developers|engineers|programmers|testers|consultants)\b)"
    # what learners did: "students wrote their first Python programs" is the students' Python
    r"|(?P<learners>(?:students|pupils|learners|trainees|kids|children)\b[^.;\n]{0,40}?\b(?:wrote|write|writes|writing|learn(?:ed|t|s)?"
    r"|built|build|builds|coded|code|programmed|program|studied|made|make|created|create|used|use|uses)\b)"
    # quoted job ads ("an advert asking for", "the job description below")
    r"|job\s+(?:description|posting|ad|advert)\s+(?:quoted|below|follows)"
    r"|(?:job\s+)?(?:adverts?|advertisements?|ads|postings|specs|descriptions)\s+for\b"
    r"|(?:asking|looking|calling)\s+for\b|requiring\b"
    # the topics of papers presented: "Paper presentation on Cloud Computing"
    r"|paper\s+presentations?\b|papers\s+presented\b|presented\s+(?:a\s+)?papers?\b"
    # course plans and modules not yet taken
    r"|course\s+(?:plan|outline|syllabus|content)|syllabus|curriculum\s+(?:covered|included|includes|covers)"
    r"|(?:modules?|courses?|classes|subjects)\s+(?:i|we)\s+(?:will|plan\s+to|intend\s+to)\s+"
    r"(?:take|study|attend)",
    re.IGNORECASE,
)
# What the candidate studied rather than used: a labelled course list ("Relevant
# Coursework:", "Modules:", "COURSEWORK"), a training or workshop attended ("Attended
# training in .NET", "workshop on Server Virtualization").
_COURSE_RE = re.compile(
    r"(?P<label>(?:course[ \t]*work|courses?|modules?|subjects?|classes|studies)(?:[ \t]+(?:taken|completed"
    r"|studied|included|include|includes|attended|covered|and[ \t]+skills))*(?![ \t]*projects?\b)"
    r"[ \t]*(?::|[-–][ \t]|\n|(?=[ \t])))"
    r"|(?:attended|completed|took|undertook)\b[^.;:\n]{0,40}?\b(?:trainings?|workshops?|seminars?|courses?|webinars?"
    r"|bootcamps?|classes)\b(?:[ \t]+(?:in|on|of|about|for|cum))?"
    r"|(?:trainings?|workshops?|seminars?|webinars?|bootcamps?)(?:[ \t]*/[ \t]*\w+)?"
    r"[ \t]*(?::|[ \t]+(?:in|on|about)\b)",
    re.IGNORECASE,
)
# A course list ends at a sentence end, a line break, or the next heading ("SKILLS", "Experience:").
_COURSE_END_RE = re.compile(
    r"[.!?](?=\s|$)|\n(?![ \t]*[a-z(])"
    r"|(?<=\s)(?:SKILLS|EXPERIENCE|PROJECTS|EMPLOYMENT|WORK|CERTIFICATIONS?|PUBLICATIONS|AWARDS|INTERESTS"
    r"|ACHIEVEMENTS|SUMMARY|PROFILE|REFERENCES)\b"
    r"|(?<=\s)(?:Skills|Experience|Projects|Employment|Certifications?|Publications|Awards|Interests)\b[ \t]*:"
)
#: Words before a training cue that make the candidate the trainer: "delivered training on Kafka".
_TRAINER_BEFORE_RE = re.compile(
    r"\b(?:provided|provide|delivered|deliver|conducted|conduct|gave|give|led|lead|ran|run|organi[sz]ed|created"
    r"|designed|developed|prepared|taught|hosted)\b[^.;\n]{0,25}$",
    re.IGNORECASE,
)
_COURSE_REACH = 300  # characters a course cue covers at most

# Before "asking for" / "requiring": the cue is about a job ad only after one of these.
_AD_NOUN_BEFORE_RE = re.compile(
    r"\b(?:advert|advertisement|ad|posting|vacancy|job|role|position|listing|opening)s?[ \t]+$", re.IGNORECASE
)


def foreign_lists(page: Page, hits: Sequence[HitLike]) -> None:
    text = page.text
    anchors = page.triggers
    if not anchors or page.kind == "job":
        return  # a job ad's lists are what it asks for
    scopes: list[tuple[int, int, str, str]] = []  # (start, end, cue, kind)
    for a in anchors:
        if scopes and a < scopes[-1][1]:
            continue
        studied = _course_scope(text, a)
        if studied is not None:
            scopes.append((*studied, "course"))
            continue
        m = _FOREIGN_RE.match(text, a)
        if m is None:
            continue
        if m["team"]:
            scopes.append((m.start(), m.end(), " ".join(m.group().split()), "team"))  # only the team's own list
            continue
        if m["learners"]:
            # what the learners did, to the end of that clause ("...; I maintain the Docker host")
            end = _sentence_end(text, m.end(), min(len(text), m.end() + 200))
            semicolon = text.find(";", m.end(), end)
            scopes.append((m.start(), end if semicolon < 0 else semicolon, " ".join(m.group().split()), "other"))
            continue
        ad_verb = m.group().lower().startswith(("asking", "looking", "calling", "requiring"))
        if ad_verb and not _AD_NOUN_BEFORE_RE.search(text, max(0, a - 30), a):
            continue  # "looking for", "requiring" that are not about a job ad
        # The rest of the sentence; a list introduced by a colon, or by a cue that ends its
        # line ("TECHNOLOGIES I RECRUIT FOR"), runs to the end of the paragraph.
        limit = min(len(text), m.end() + 600)
        end = _sentence_end(text, m.end(), limit)
        line_end = text.find("\n", m.end())
        rest_of_line = text[m.end() : len(text) if line_end < 0 else line_end].strip(" \t:.-–")
        if text[m.end() : end].lstrip().startswith(":") or text[end - 1 : end] == ":" or not rest_of_line:
            para = text.find("\n\n", m.end())
            end = len(text) if para < 0 else para
        kind = "recruiter" if m["recruiter"] else "other"
        scopes.append((m.start(), end, " ".join(m.group().split()), kind))
    if not scopes and not page.has_section("courses"):
        return
    recruited: dict[str, str] = {}  # skill id -> the recruiter's cue
    scope_starts = [start for start, _, _, _ in scopes]
    for h in hits:
        if not h.accepted:
            continue
        # A course names the subject it teaches: "Machine learning" in a course list is a
        # subject studied, not a skill used; "Python" there is still (weak) evidence.
        concept = h.skill_id in page.vocab.concepts
        if concept and page.section_name(h.start) == "courses":
            _disown(h, "a subject in the courses section")
            continue
        # scopes do not overlap and are in text order: the last one starting before h
        i = bisect.bisect_right(scope_starts, h.start) - 1
        if i < 0:
            continue
        _, end, cue, kind = scopes[i]
        if h.start < end and (concept or kind != "course"):
            _disown(h, f"a subject studied ({cue!r})" if kind == "course" else f"not the candidate's own ({cue!r})")
            if kind == "recruiter":
                recruited.setdefault(h.skill_id, cue)
    if not recruited:
        return
    # What a recruiter hired for, repeated in a keyword list, is still what they hired for;
    # only their own work (a role's bullets, a project) shows it is theirs too.
    for h in hits:
        if h.accepted and h.skill_id in recruited and page.section_name(h.start) not in _OWN_WORK:
            _disown(h, f"a technology the candidate recruited for ({recruited[h.skill_id]!r})")


_OWN_WORK = frozenset({"experience", "projects"})

# What marks a bibliographic reference: "(2013)", "Vol. 46", "pp. 12", "Journal of",
# "Proceedings", "Lecture Notes", "ISSN", "et al.".
_CITATION_RE = re.compile(
    r"(?P<year>\(\s*(?:19|20)\d{2}[a-z]?\s*(?:\)|,\s*[A-Z][a-z]+\s*\)))|(?P<volume>\b(?:Vol|No|pp|Issue)\.?\s*\d"
    r"|\b\d+\(\d+\)\s*[:,]\s*\d)|(?P<pages>\bpages?\s+\d)"
    r"|(?P<venue>\b(?:Journal|Proceedings|Conference|Symposium|Lecture\s+Notes|Transactions\s+on)\b)"
    r"|(?P<isbn>\bIS[BS]N\b)|(?P<etal>\bet\s+al\b)|(?P<published>\bPublished\s+(?:in|by)\b|\bedited\s+by\b)"
    r"|(?P<presented>\b(?:(?:paper|poster|talk)\s+)?presented\s+at\b|\bRefereed\b|\bIn\s+preparation\b)"
    r"|(?P<authors>\b[A-Z][a-z]+,\s+[A-Z]\.(?:\s*[A-Z]\.)?(?:,|\s+(?:and|&)\s))"
    r"|(?P<grant>\bAwarded\b|\bco-?PI\b|\bPI\b(?=[,.;)])|\b[Gg]rant\b)|(?P<amount>\$\d{1,3}(?:,\d{3})+)"
    r"|(?P<title>\b(?:Dissertation|Thesis|Paper)\s+title\s*:)"
)
# A title in quotation marks, as typed or as escaped UTF-8 left in extracted text.
_OPEN_QUOTE_RE = re.compile(r"“|\\xe2\\x80\\x9c")
_CLOSE_QUOTE_RE = re.compile(r"”|\\xe2\\x80\\x9d")
_CITATION_REACH = 120
_CITATION_WORDS = (
    "Vol",
    "No.",
    "pp",
    "Issue",
    "page",
    "Journal",
    "Proceedings",
    "Conference",
    "Symposium",
    "Lecture",
    "Transactions",
    "ISBN",
    "ISSN",
    "et al",
    "Published",
    "edited by",
    "presented at",
    "Refereed",
    "preparation",
    "Awarded",
    "Grant",
    "title:",
    "):",
    "“",
    "\\xe2\\x80\\x9c",
)


def citations(page: Page, hits: Sequence[HitLike]) -> None:
    """Mentions inside a bibliographic reference name what a paper is about ("Journal of
    Asynchronous Learning Networks", "Copy at http://..."), not what the candidate used.

    A reference shows two kinds of marker near the mention, on its line; one of them is
    always a word such as "Journal" or "et al", so only mentions near such a word are read.
    """
    text = page.text
    if page.kind != "cv":
        return
    words: list[int] = []
    for w in _CITATION_WORDS:
        pos = text.find(w)
        whole = w[:1].isalpha()
        while pos >= 0:
            after = text[pos + len(w) : pos + len(w) + 1]
            # a word of its own ("pp." but not "app", "Vol." but not "Volunteer"); a plural is fine
            if not whole or (not text[pos - 1 : pos].isalnum() and not (after.islower() and after != "s")):
                words.append(pos)
            pos = text.find(w, pos + 1)
    if not words:
        return
    words.sort()
    for h in hits:
        if not h.accepted:
            continue
        ls, le = page.line(h.start, h.end)
        lo, hi = max(ls, h.start - _CITATION_REACH), min(le, h.end + _CITATION_REACH)
        i = bisect.bisect_left(words, lo)
        if i == len(words) or words[i] >= hi:
            continue
        kinds = {m.lastgroup for m in _CITATION_RE.finditer(text, lo, hi)}
        if "title" in kinds or len(kinds | _quoted(text, h.start, h.end, lo, hi)) >= 2:
            _disown(h, "inside a bibliographic reference")


def _quoted(text: str, start: int, end: int, lo: int, hi: int) -> set[str | None]:
    """{"quoted"} when the span is inside a title in quotation marks, else nothing."""
    opened = max(_OPEN_QUOTE_RE.finditer(text, lo, start), key=lambda m: m.start(), default=None)
    if opened is None or _CLOSE_QUOTE_RE.search(text, opened.end(), start):
        return set()
    return {"quoted"} if _CLOSE_QUOTE_RE.search(text, end, hi) else set()


# "Oracle PL SQL Developer Resume", "Perl Developer Resume": a job-board link to another CV.
_RESUME_LINK_RE = re.compile(
    r"(?:(?:[ \t]+[A-Z][\w/+#.]*){0,2}[ \t]+(?:Developer|Engineer|Administrator|Architect|Programmer|Analyst"
    r"|Consultant|Designer|Tester|DBA))?[ \t]+Resumes?\b"
)


def resume_links(page: Page, hits: Sequence[HitLike]) -> None:
    """Links to other people's CVs that job boards print around a CV are not the candidate's."""
    text = page.text
    if page.kind != "cv" or "Resume" not in text:
        return
    for h in hits:
        if h.accepted and _RESUME_LINK_RE.match(text, h.version_end):
            _disown(h, "a link to another CV")


def _sentence_end(text: str, start: int, limit: int) -> int:
    """The end of the sentence that goes on from ``start``; a line that ends in a comma,
    "&", "(", "/" or ":" goes on on the next line."""
    pos = start
    while True:
        stop = SENTENCE_END_RE.search(text, pos, limit)
        if stop is None:
            return limit
        if stop.group() == "\n" and text[: stop.start()].rstrip(" \t")[-1:] in (",", "&", "(", "/", ":"):
            pos = stop.end()
            continue
        return stop.start()


def _disown(h: HitLike, why: str) -> None:
    h.accepted = False
    h.reason = f"{h.reason}; {why}"


def _course_scope(text: str, a: int) -> tuple[int, int, str] | None:
    """The span of a course list or a training attended that starts at ``a``, or None."""
    m = _COURSE_RE.match(text, a)
    if m is None:
        return None
    label = m["label"]
    if label is not None and not label.rstrip(" \t").endswith((":", "-", "–")) and not label.strip().isupper():
        return None  # a course heading without a colon counts only in capitals ("COURSEWORK")
    if not m["label"] and _TRAINER_BEFORE_RE.search(text, max(0, a - 40), a):
        return None  # "delivered training on Kafka": the candidate taught it
    limit = min(len(text), m.end() + _COURSE_REACH)
    stop = _COURSE_END_RE.search(text, m.end(), limit)
    end = limit if stop is None else stop.start()
    return a, end, " ".join(m.group().split()).rstrip(":")
