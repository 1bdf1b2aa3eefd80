"""Technical evidence that lets an ambiguous form count: a technical form ("Go 1.21",
"R (dplyr)", "Go developer"), a technology label ("Languages: Go"), a cue phrase
("written in Go"), other skills in the same list, a skills section, a line of tags, or a
sentence about other technologies."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Collection, Mapping, Sequence

from ._page import SENTENCE_END_RE, HitLike, Lines, Page, is_english, snippet

__all__ = [
    "LIST_GAP_RE",
    "PAREN_AFTER_RE",
    "STRONG_LABEL_RE",
    "TECH_NOUN_AFTER_RE",
    "WEAK_LABEL_RE",
    "adjacent_mention",
    "ambiguous_list",
    "cue_before",
    "label_line",
    "list_heading",
    "listed_after_skill",
    "next_to_linked",
    "next_to_skill",
    "requirement_item",
    "skills_section_item",
    "sparse_list",
    "tag_line",
    "tags_label",
    "technical_form",
    "technical_sentence",
    "weak_word",
]


# A technical noun after the form: "Go developer", "Kafka streams", "Oracle DBA".
TECH_NOUN_AFTER_RE = re.compile(
    r"[ \t]*[-/]?[ \t]*(?:(?P<strong>(?<=-)(?:based|backed|powered|driven|managed|hosted|native|enabled"
    r"|compatible|centric|first)|developers?|engineers?|programmers?|programming|code|codebase|coding|scripts?"
    r"|scripting|backend|back-end|apis?|sdks?|stack|language|lang|librar(?:y|ies)|frameworks?|routines"
    r"|goroutines|channels|compiler|runtime|repositor(?:y|ies)|repos?|cookbooks|manifests|playbooks|charts?"
    r"|database|databases|db|dba|queries|pl/sql|mvc|streams?|topics?|consumers?|producers?|brokers?|pipelines?"
    r"|exporters?|alerting|middleware|gems?|rails|syntax|generics|interfaces|concurrency|unit tests|plugins?"
    r"|operators?|schemas?|procedures|microservices?)"
    # weak: they follow ordinary words too ("express services", "spring jobs")
    r"|services?|modules?|packages?|templates|clusters?|servers?|jobs|functions?|metrics|alerts|version|versions"
    r"|tests?|testing|dashboards?|instances?|tables|programs?|operating[ \t]+systems?)\b",
    re.IGNORECASE,
)
# A parenthesised list of libraries after the form: "R (dplyr, ggplot2)".
PAREN_AFTER_RE = re.compile(r"[ \t]*\((?P<c>[^()\n]{2,80})\)")
_IDENT_RE = re.compile(r"[A-Za-z][A-Za-z0-9_.+#-]*")
# Before the form, in its clause: "written in", "experience with", "such as".
_CUE_BEFORE_RE = re.compile(
    r"\b(?:written|coded|code|coding|developed|develop|developing|built|build|building|implemented|programmed"
    r"|programming|scripting|scripted|experience|experienced|expertise|expert|proficient|proficiency|skilled"
    r"|knowledge|fluent|fluency|familiar|familiarity|worked|working|work|hands-on|background|migrated|migrating"
    r"|ported|porting|rewrote|rewriting|rewritten|using|used|use|leveraging|leveraged|deployed|deploying"
    r"|automated|automating|configured|configuring|administered|administering|tuned|tuning|languages?"
    r"|technologies|tools|such|like|including|includes|especially|exposure|exposed|introduction|introduced"
    r"|switched|moved|transitioned|contributed|contributing|contributor|certified|trained|training)\b"
    r"[^.;:!?\n]{0,30}?\b(?:in|with|of|on|using|into|via|like|as|including|to)[ \t]+$"
    r"|\b\d+\+?[ \t]*(?:years?|yrs?)[ \t]+(?:of[ \t]+)?(?:(?:professional|hands-on|commercial|solid)[ \t]+)?"
    r"(?:experience[ \t]+)?(?:with|in|of|using)[ \t]+$"
    r"|\b(?:including|includes|such[ \t]+as|like|e\.g\.?|especially|namely)[ \t]+[^.;:!?\n]{0,60}?"
    r"(?:,|&|\band\b|\bor\b)[ \t]+$"
    r"|\b(?:learning|studying|learnt|learned|exploring|mastering|adopting|adopted|introducing|use|used|using|uses"
    r"|utili[sz]ed|utili[sz]ing|leveraging|leveraged|know|knows|wrote|write|writing|configure|configured"
    r"|configuring|deploy|deployed|deploying|maintain|maintained|maintaining|administer|administered"
    r"|administering|operate|operated|operating|manage|managed|managing|tune|tuned|tuning|upgrade|upgraded"
    r"|upgrading|install|installed|installing|integrate|integrated|integrating)[ \t]+$",
    re.IGNORECASE,
)
#: Verbs that only take a technology as their object: "configuring firewalls".
_TECH_VERBS = frozenset(
    str.split("configure configured configuring administer administered administering deploy deployed deploying")
)
_LIST_INTRODUCERS = ("including", "includes", "such as", "like", "e.g", "especially", "namely")
#: The last word of every phrase _CUE_BEFORE_RE accepts.
_CUE_GATE = frozenset(
    str.split(
        """
        in with of on using into via like as including to and or & learning studying learnt learned exploring
        mastering adopting adopted introducing use used uses utilized utilised utilizing utilising leveraging
        leveraged know knows wrote write writing configure configured configuring deploy deployed deploying
        maintain maintained maintaining administer administered administering operate operated operating
        manage managed managing tune tuned tuning upgrade upgraded upgrading install installed installing
        integrate integrated integrating
        """
    )
)
_STRONG_LABELS = (
    r"languages?|programming|frameworks?|librar(?:y|ies)|databases?|db|dbms|rdbms|nosql|technolog(?:y|ies)"
    r"|tech(?:nical)?[ \t]+stack|stack|environments?|env|platforms?|operating[ \t]+systems?|o/?s|cloud|devops"
    r"|ci/?cd|scripting|ides?|servers?|middleware|messaging|containers?|orchestration|version[ \t]+control|vcs"
    r"|scm|backend|back-end|front-?end|web[ \t]+technolog(?:y|ies)|big[ \t]+data|tools[ \t]+(?:and|&)[ \t]+"
    r"technolog(?:y|ies)|computer[ \t]+skills|it[ \t]+tools|dev[ \t]+tools|software[ \t]+tools"
    r"|technical[ \t]+skills|it[ \t]+skills|programming[ \t]+skills|software[ \t]+skills"
    r"|build[ \t]+tools|testing[ \t]+tools|monitoring|infrastructure|configuration[ \t]+management"
)
_LABEL_RE = re.compile(
    r"^[ \t•*\-–>]*(?P<label>[A-Za-z][\w/&+#. \t-]{0,40}?)[ \t]*[:–—|][ \t]*",
)
WEAK_LABEL_RE = re.compile(
    r"\b(?:skills?|tools?|software|expertise|competenc(?:y|ies)|knowledge|proficienc(?:y|ies)|key\s+skills"
    r"|familiar|strengths|exposure)\b",
    re.IGNORECASE,
)
STRONG_LABEL_RE = re.compile(rf"(?:^|\b)(?:{_STRONG_LABELS})\b", re.IGNORECASE)
_SENTENCE_PUNCT_RE = re.compile(r"[.;!?](?:\s|$)")


def _local_label(text: str, lo: int, pos: int) -> str | None:
    """The label of the list a mention is in: a label word right before it ("Databases
    Oracle", "Technologies cloud java"), else the words before the last colon on its line."""
    colon = max(text.rfind(":", lo, pos), text.rfind("|", lo, pos))
    words = text[max(lo, pos - 60, colon + 1) : pos].split()
    last = words[-3:]
    for k in range(len(last)):
        bare = " ".join(last[k:])
        if STRONG_LABEL_RE.fullmatch(bare) and (bare[:1].isupper() or bare.casefold() in _LOWER_LABELS):
            return bare  # "Databases Oracle", "database backups": a label without its colon
    found = _tags_label(words)
    if found is not None:
        return found
    if colon >= 0 and not _SENTENCE_PUNCT_RE.search(text, colon + 1, pos):
        words = text[max(lo, colon - 40) : colon].split()[-3:]
        # "... news through technology blogs Sport:": after prose, a capitalised word is the label
        while len(words) > 1 and words[-1][:1].isupper() and words[0][:1].islower():
            words = words[1:]
        if words:
            return " ".join(words)
    return None


def _tags_label(words: Sequence[str]) -> str | None:
    """ "Technologies cloud java": a capitalised label, then lower-case tags up to the mention."""
    for k in range(len(words) - 1, max(-1, len(words) - 6), -1):
        if words[k][:1].isupper() and STRONG_LABEL_RE.fullmatch(words[k]):
            return words[k]
        if not _TAG_RE.fullmatch(words[k]) or words[k] in _FUNCTION_WORDS:
            break
    return None


def tags_label(page: Page, h: HitLike) -> str | None:
    """A form written in lower case ("go", "java") among the tags after a label."""
    if page.text[h.start : h.end].lower() in _FUNCTION_WORDS:
        return None  # "the Language was Python"
    ls = page.line(h.start, h.end)[0]
    label = _tags_label(page.text[max(ls, h.start - 60) : h.start].split())
    return f"in a line of technology tags ({label!r})" if label else None


_FUNCTION_WORDS = frozenset(
    str.split("a an the and or of to in on for with by as at from is are be was were it if do no so")
)
#: Lower-case words that label what follows them ("database backups", "middleware
#: messaging"); ordinary words such as "server" or "library" do not ("server room").
_LOWER_LABELS = frozenset({"database", "databases", "db", "dbms", "rdbms", "nosql", "sql", "middleware"})
_TAG_RE = re.compile(r"[a-z][a-z0-9.+#-]*")


_JOB_LABEL_RE = re.compile(
    r"\b(?:nice[ \t]+to[ \t]+have|bonus|plus|preferred|required|requirements?|must[ \t-]+haves?|desired|ideally"
    r"|tech[ \t]+stack|our[ \t]+stack|stack|technologies|we[ \t]+use|qualifications|skills|experience[ \t]+with"
    r"|industry)\b",
    re.IGNORECASE,
)
#: Bullets and arrows that separate list items in text that was not normalised (job ads).
_BULLET_CHARS = "•·◦▪▫●○■□►▸▹▶➢➤✓✔❖◆◇⦿⁃∙☞☛➔→⇒➜➙➛➝➞➟➠✦✧★☆♦◊⬥⬦⮚"
LIST_GAP_RE = re.compile(
    # "(2 years)", "(Less than 1 year)", "(expert)", "1 years": annotations between items
    r"[ \t]*(?:\([^()\n]{0,25}\)[ \t]*|\d+\+?[ \t]*(?:years?|yrs?|months?)[ \t]*)?"
    rf"[ \t]*(?:[,;/|&+:()\-–{_BULLET_CHARS}][ \t]*)*"
    r"(?:(?:and|or|with|plus|as well as|&|in|on|via|using|into|from|to|over|under|behind)[ \t]+)?(?:[(][ \t]*)?",
    re.IGNORECASE,
)
_LIST_MARK_RE = re.compile(rf"[,;|/{_BULLET_CHARS}]|^[ \t]*[•*\-–]")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9+#.]*")


def weak_word(text: str, h: HitLike) -> bool:
    """A flagged form written as a lower-case English word ("reporting", "room", "express"):
    a list of other skills around it is not enough, it needs a technical label or form."""
    written = text[h.start : h.end]
    return h.flagged and written.islower() and is_english(written)


def ambiguous_list(page: Page, h: HitLike, lines: Lines, waiting: set[int]) -> list[HitLike]:
    """The undecided ambiguous mentions listed together with ``h`` ("Go, Rust and C")."""
    chain = [h]
    for direction in (0, 1):
        cur = h
        while True:
            pair = [n for n in lines.neighbours(cur) if (n[0].end <= cur.start) == (direction == 0)]
            if not pair:
                break
            other, lo, hi = pair[0]
            if id(other) not in waiting or other.tags_only or not page.text[other.start : other.start + 1].isupper():
                break
            m = LIST_GAP_RE.match(page.text, lo, hi) if lo <= hi else None
            if m is None or m.end() != hi or hi - lo > 12 or not page.text[lo:hi].strip():
                break
            chain.append(other)
            cur = other
    return chain


def technical_form(page: Page, h: HitLike, form_keys: frozenset[str]) -> str | None:
    text = page.text
    le = page.line(h.start, h.end)[1]
    written = text[h.start : h.end]
    if h.version and _technical_version(text, h, written):
        return f"written with a version ({text[h.start : h.version_end]!r})"
    m = PAREN_AFTER_RE.match(text, h.version_end, le)
    if m:
        idents = _IDENT_RE.findall(m["c"])
        if idents and any(
            w.casefold() in form_keys or (w.islower() and not is_english(w) and len(w) >= 4) or "_" in w for w in idents
        ):
            return f"followed by libraries or tools ({m.group().strip()!r})"
    m = TECH_NOUN_AFTER_RE.match(text, h.version_end, le)
    if written.islower() and is_english(written):
        m = None  # "reporting pipeline", "spring menu": a lower-case word before a noun
    acronym = written.isupper() and len(written) <= 4
    if m and (m["strong"] or not (is_english(written.casefold()) or acronym)):
        return f"followed by a technical word ({m.group().strip()!r})"
    return None


def _technical_version(text: str, h: HitLike, written: str) -> bool:
    """Whether the version after a form makes it technical ("Go 1.21", "Oracle 11g", not "SH-60F")."""
    version = h.version or ""
    dotted = "." in version
    if len(written) <= 2:
        return dotted and text[h.end : h.end + 1] == " "  # "Go 1.21", "R 4.2"; not "C-2", "SH 6A"
    if text[h.end : h.end + 1] == "-" and not dotted:
        return False  # "Bash-60F", part numbers
    if version[-1:].lower() in ("k", "x") or _COUNT_AFTER_RE.match(text, h.version_end):
        return False  # "CHEF 65k" (a salary), "room 3x" (times), "chef 7 of the 11 years" (a count)
    return dotted or version[-1:].isalpha() or version.endswith("+") or (version.isdigit() and len(version) <= 2)


_COUNT_AFTER_RE = re.compile(r"[ \t]*(?:of|out[ \t]+of|times|x|%|percent)\b", re.IGNORECASE)


# After a concept that heads a list: label words, a bracket, a colon ("IDEs:", "Version
# Control Tools:", "Integrated Development Environments (IDE):", "Web Services and API:").
_HEADING_TAIL_RE = re.compile(
    r"(?:'s|s)?(?:[ \t]*/[ \t]*[A-Za-z]+)?"
    r"(?:[ \t]+(?:tools?|systems?|technolog(?:y|ies)|software|environments?|platforms?|servers?|frameworks?"
    r"|packages?|utilities|languages?|(?:and|&)[ \t]*[A-Za-z]+))*"
    r"(?:[ \t]*\([^()\n]{0,30}\))?[ \t]*(?P<colon>:)?[ \t\u200b]*",
    re.IGNORECASE,
)


def list_heading(page: Page, h: HitLike, lines: Lines) -> str | None:
    """A field or practice that heads a list of technologies rather than being one:
    "IDEs: Eclipse, PyCharm", "Version Control Systems Git, SVN", "RDBMS: MySQL".

    A heading is capitalised, and what follows it is a technology, another heading or the
    end of the line, right after its colon; without a colon, a technology the taxonomy
    files under it ("Git" under version control), or any technology after a label word
    ("Bug Tracking Tools HP Quality Center"). "Big Data: architected a pipeline" is not.
    """
    text = page.text
    if h.skill_id not in page.vocab.concepts or not text[h.start : h.start + 1].isupper():
        return None
    m = _HEADING_TAIL_RE.match(text, h.version_end)
    if m is None:
        return None
    nxt = next((o for o, lo, _ in lines.neighbours(h) if lo >= h.end), None)
    follows = nxt is not None and nxt.start == m.end() and nxt.accepted
    if m["colon"]:
        rest = text[m.end() : m.end() + 40]
        # a label word or a second field before the colon makes it a heading whatever
        # follows: "Defect Management Tools: AIT", "Web Services and API (REST, SOAP): ..."
        labelled = _HEADING_LABEL_RE.search(text, h.version_end, m.end()) is not None
        if follows or labelled or not rest.strip() or not rest[:1].isalpha() or _NEXT_LABEL_RE.match(rest):
            return f"a list heading ({snippet(text, h.start, m.end(), 0)!r})"
        return None
    if not follows or nxt is None:
        return None
    labelled = _HEADING_WORD_RE.search(text, h.version_end, m.end()) is not None
    if labelled or h.skill_id in page.vocab.ancestors.get(nxt.skill_id, frozenset()):
        return f"a list heading ({snippet(text, h.start, nxt.end, 0)!r})"
    return None


_HEADING_WORD_RE = re.compile(r"\b(?:tools?|systems?|technolog(?:y|ies)|software|platforms?)\b", re.IGNORECASE)
_NEXT_LABEL_RE = re.compile(r"[A-Z][A-Za-z/ ]{0,25}:")
_HEADING_LABEL_RE = re.compile(
    r"\b(?:tools?|systems?|technolog(?:y|ies)|software|platforms?|utilities|and|&)(?=[ \t(:])", re.IGNORECASE
)


def label_line(page: Page, h: HitLike, hits: Sequence[HitLike]) -> str | None:
    text = page.text
    ls = page.line(h.start, h.end)[0]
    m = _LABEL_RE.match(text, ls, h.start)
    if m is None or m.end() > h.start:
        # A label later in the line ("ADDITIONAL INFORMATION Operating Systems: Windows"),
        # or one without a colon right before the first item ("Databases Oracle, MySQL").
        found = _local_label(text, max(ls, h.start - 90), h.start)
        if found is None:
            return None
        label = found
    else:
        label = " ".join(m["label"].split())
        if not STRONG_LABEL_RE.search(label):
            # "Company type: Public Technologies cloud java": a nearer label wins
            label = _local_label(text, max(m.end(), h.start - 90), h.start) or label
    if STRONG_LABEL_RE.search(label):
        return f"in a technology list ({label!r})"
    if not h.flagged and WEAK_LABEL_RE.search(label):
        # "Skills: python, go": a lower-case product name in a labelled list
        return f"in a labelled list ({label!r})"
    if page.kind == "job" and _JOB_LABEL_RE.search(label):
        return f"in the job's requirements ({label!r})"
    return None


def requirement_item(page: Page, h: HitLike) -> str | None:
    """An item under a job ad's requirements heading ("Requirements" then "- 3+ years of Java")."""
    if page.kind != "job":
        return None
    text = page.text
    ls, le = page.line(h.start, h.end)
    if le - ls > 160 or not _ITEM_START_RE.match(text, ls):
        return None
    pos = ls - 1
    for _ in range(15):  # the heading is at most a few lines up
        if pos <= 0:
            return None
        prev = text.rfind("\n", 0, pos) + 1
        line = text[prev:pos].strip()
        pos = prev - 1
        if not line or _ITEM_START_RE.match(line):
            continue
        if len(line) <= 60 and not line.endswith(".") and _JOB_LABEL_RE.search(line):
            return f"in the job's requirements ({line.rstrip(':')!r})"
        return None
    return None


_ITEM_START_RE = re.compile(rf"[ \t]*(?:[-*•–{_BULLET_CHARS}]|\d+[.)])[ \t]")


def cue_before(page: Page, h: HitLike) -> str | None:
    text = page.text
    written = text[h.start : h.end]
    ls = page.line(h.start, h.end)[0]
    tail = text[max(ls, h.start - 30) : h.start].split()
    last = tail[-1].lower() if tail else ""
    if written.islower() and last not in _TECH_VERBS:
        return None  # "learned to go", "spring cleaning": prose words are lower-case

    if last not in _CUE_GATE and not last.endswith((",", "&")):
        return None  # every cue ends with a preposition, a verb or a list separator
    if last in ("and", "or", "&") or last.endswith((",", "&")):
        window = text[max(ls, h.start - 70) : h.start].lower()
        if not any(w in window for w in _LIST_INTRODUCERS):
            return None  # a list goes on, but no "such as" or "including" introduced it
    m = _CUE_BEFORE_RE.search(text, max(ls, h.start - 70), h.start)
    if m is None:
        return None
    return f"after {' '.join(m.group().split())!r}"


def listed_after_skill(page: Page, h: HitLike, lines: Lines) -> bool:
    """Whether the form follows another skill in a list ("MySQL, Oracle"), with a separator."""
    for other, lo, hi in lines.neighbours(h)[:1]:
        if other.end > h.start or not other.accepted or other.ambiguous or lo > hi:
            continue
        m = LIST_GAP_RE.match(page.text, lo, hi)
        if m is not None and m.end() == hi and hi - lo <= 20 and page.text[lo:hi].strip():
            return True
    return False


def adjacent_mention(page: Page, h: HitLike, lines: Lines) -> bool:
    """Whether another mention stands right next to this one with only a space between:
    "AWS GCP Microsoft Azure", "Airflow Singer Flask" (a list that lost its commas)."""
    return any(lo <= hi and hi - lo <= 2 and not page.text[lo:hi].strip() for _, lo, hi in lines.neighbours(h))


def next_to_skill(page: Page, h: HitLike, lines: Lines) -> str | None:
    text = page.text
    for other, lo, hi in lines.neighbours(h):
        if not other.accepted or lo > hi:
            continue
        m = LIST_GAP_RE.match(text, lo, hi)
        if m is None or m.end() != hi or hi - lo > 20:
            continue
        if not text[lo:hi].strip() and text[h.start : h.end].islower():
            continue  # "XML requests": a word after a name is not a list without a separator
        if sparse_list(page, h, lines):
            return None  # "Budget, Truck Driving, San, Storage Area Network": keywords, not a stack
        return f"listed with {text[other.start : other.end]!r}"
    return None


def sparse_list(page: Page, h: HitLike, lines: Lines) -> bool:
    """Whether the mention is an item of a long list whose items are mostly not technology."""
    items, technical = list_density(page, h, lines, plain=False)
    return items >= _LONG_LIST and technical < _DENSE * items


def next_to_linked(
    page: Page, h: HitLike, lines: Lines, waiting: set[int], linked: Collection[tuple[str, str]]
) -> HitLike | None:
    """A pending neighbour in the same list whose skill the taxonomy links to this one."""
    text = page.text
    for other, lo, hi in lines.neighbours(h):
        if id(other) not in waiting or other.tags_only or (h.skill_id, other.skill_id) not in linked:
            continue
        m = LIST_GAP_RE.match(text, lo, hi) if lo <= hi else None
        if m is None or m.end() != hi or hi - lo > 20:
            continue
        if not text[lo:hi].strip() and (text[h.start : h.end].islower() or text[other.start : other.end].islower()):
            continue  # "Telemetry monitoring": a noun phrase, not a list
        return other
    return None


# A preposition right before the form: "baked with Packer", "tracked in Sentry".
_PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:with|from|in|on|of|using|via|by|into|onto|to|through|behind|over|under)[ \t]+$", re.IGNORECASE
)


def technical_sentence(page: Page, h: HitLike, lines: Lines, categories: Mapping[str, str] | None = None) -> str | None:
    """A capitalised form in a sentence that names other technologies: after a preposition
    ("baked with Packer"), or opening a clause beside another skill of its kind ("Julia for
    the simulations, Python for the tooling")."""
    text = page.text
    written = text[h.start : h.end]
    if not written[:1].isupper() or (written.isupper() and len(written) <= 2):
        return None
    ls = page.line(h.start, h.end)[0]
    after_preposition = bool(_PREPOSITION_BEFORE_RE.search(text, max(ls, h.start - 12), h.start))
    opens_clause = not text[max(ls, h.start - 2) : h.start].strip(" ,;•-")
    if not (after_preposition or opens_clause):
        return None
    # a sentence is looked for within 300 characters: a run-on line has no end in sight
    limit = min(len(text), h.end + 300)
    stop = SENTENCE_END_RE.search(text, h.end, limit)
    start = max(text.rfind(". ", max(ls, h.start - 300), h.start) + 1, ls)
    end = limit if stop is None else stop.start()
    kind = categories.get(h.skill_id) if categories else None
    for o in lines.between(h, start, end):
        if o is h or not o.accepted or o.ambiguous:
            continue
        if after_preposition:
            return f"in a sentence about {text[o.start : o.end]!r}"
        if kind is not None and categories is not None and categories.get(o.skill_id) == kind:
            return f"beside another {kind} ({text[o.start : o.end]!r})"
    return None


def skills_section_item(page: Page, h: HitLike, hits: Sequence[HitLike], lines: Lines) -> str | None:
    """An item of a list in a skills section that names other skills, in a list that is
    mostly technology: a long keyword list of "Budget, Payroll, Ada, Training ..." is not."""
    if page.section_name(h.start) != "skills":
        return None
    text = page.text
    ls, le = page.line(h.start, h.end)
    line = text[ls:le]
    if not (_LIST_MARK_RE.search(line) or (len(line) <= 40 and len(_WORD_RE.findall(line)) <= 3)):
        return None
    others = page.skills_in_section(h.start, hits)
    if others < 2:
        return None
    items, technical = list_density(page, h, lines)
    if items >= _LONG_LIST and technical < _DENSE * items:
        return None
    return f"in a skills section with {others} other skills"


_ITEM_SEP_RE = re.compile(rf"[,;|{_BULLET_CHARS}]")
_LONG_LIST = 6  # items: a list this long shows what it is about
_DENSE = 0.3  # share of items naming a technology in a technology list


def list_density(page: Page, h: HitLike, lines: Lines, *, plain: bool = True) -> tuple[int, int]:
    """(items, items naming a plainly credited skill, or any candidate) of the list holding ``h``.

    The list is the run of short items (separated by commas, semicolons, bars or bullets)
    around the mention, at most eight on either side: a long line of run-on text holds
    several lists and sentences.
    """
    ls, le = page.line(h.start, h.end)
    spans = _item_spans(page, ls, le)
    here = bisect.bisect_right(spans, (h.start, len(page.text))) - 1
    if here < 0 or not spans[here][0] <= h.start <= spans[here][1]:
        return 0, 0
    first = last = here
    while first > 0 and here - first < _LIST_SIDE and spans[first - 1][1] - spans[first - 1][0] <= _ITEM_CHARS:
        first -= 1
    while last + 1 < len(spans) and last - here < _LIST_SIDE and spans[last + 1][1] - spans[last + 1][0] <= _ITEM_CHARS:
        last += 1
    near = lines.between(h, spans[first][0], spans[last][1] + 1)
    starts = [o.start for o in near if not plain or (o.accepted and not o.ambiguous)]
    technical = 0
    for a, b in spans[first : last + 1]:
        i = bisect.bisect_left(starts, a)
        if i < len(starts) and starts[i] < b:
            technical += 1
    return last - first + 1, technical


def _item_spans(page: Page, ls: int, le: int) -> list[tuple[int, int]]:
    """The (start, end) of each non-empty item of a line, split at list separators; once per line."""
    spans = page.item_spans.get(ls)
    if spans is None:
        text = page.text
        cuts = [ls, *(m.end() for m in _ITEM_SEP_RE.finditer(text, ls, le)), le + 1]
        spans = [(a, b - 1) for a, b in itertools.pairwise(cuts) if text[a : b - 1].strip()]
        page.item_spans[ls] = spans
    return spans


_LIST_SIDE = 8  # items either side of a mention that count as its list
_ITEM_CHARS = 40  # a longer segment is prose, not a list item


def tag_line(page: Page, h: HitLike, line_hits: Sequence[HitLike]) -> str | None:
    """A short line made mostly of technology names ("typescript javascript nodejs react go")."""
    if len(line_hits) < 3:
        return None
    text = page.text
    ls, le = page.line(h.start, h.end)
    if le - ls > 160:
        return None  # a line of tags is short
    words = _WORD_RE.findall(text, ls, le)
    # a typo ("Kubernets") is not an ordinary word either: it supports a line of tags
    plain = sum(1 for o in line_hits if (o.accepted and not o.ambiguous) or o.method == "fuzzy")
    if 3 <= len(words) <= 12 and plain >= 1 and len(line_hits) >= 0.6 * len(words):
        return "in a line of technology names"
    return None
