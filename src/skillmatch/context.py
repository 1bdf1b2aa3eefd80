"""Decide, from the words around them, which candidate mentions count.

Three kinds of decision, each recorded as a human-readable reason on the mention:

* **Ambiguous forms** ("Go", "C", "R", "Chef", "Oracle", "Spring", "Ruby" ...) count only
  with technical evidence: written in a technical form ("Go 1.21", "R (dplyr)",
  "Go developer"), in a technology list ("Languages: Go, Rust"), listed next to another
  skill ("Python, Go and Kubernetes"), in a skills section full of other skills, in a line
  of technology tags, or right after a phrase such as "written in" or "experience with".
  They are rejected inside names of people, companies and places ("Ruby Patel", "Oracle
  Corporation", "Phoenix, AZ"), dates ("Spring 2019"), grades ("Grade C"), URLs and
  e-mail addresses, the references section, and ordinary prose.
* **Negation and hedging**: "no experience with X", "not familiar with X", "did not use X"
  → not credited (the mention is kept with ``negated``); "learning X", "basic knowledge of
  X", "exposure to X" → credited with lower confidence (``hedged``). Cue phrases are read
  only in a short window before the mentions that have a cue word close by.
* **Lists that are not the candidate's own**: a recruiter's "technologies I hired for", a
  quoted job ad or a course syllabus; the mentions in them are not credited.

Everything here works on one text at a time through :class:`Page`, which the matcher builds.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Mapping, Sequence
from typing import Protocol

from ._typos import common_words
from .models import Section
from .taxonomy import norm_key

__all__ = ["Page", "apply_cues", "caps_neighbourhood", "in_name", "in_url", "is_english", "judge"]


class HitLike(Protocol):
    """What the decisions here read and write on a candidate (the matcher's ``_Hit``)."""

    start: int
    end: int
    skill_id: str
    version: str | None
    version_end: int
    confidence: float
    reason: str
    accepted: bool
    ambiguous: bool
    flagged: bool
    tags_only: bool
    negated: bool
    hedged: bool


def is_english(word: str) -> bool:
    """Whether a lower-case word of three or more letters is an ordinary English word (not only a name)."""
    return word in common_words()


class Page:
    """One text with the lookups the decisions need, computed once and only when asked."""

    def __init__(self, text: str, key: str, sections: Sequence[Section], kind: str) -> None:
        self.text = text
        self.key = key
        self.sections = sections
        self.kind = kind
        self._section_starts = [s.start for s in sections]
        self._urls: list[tuple[int, int]] | None = None
        #: Offsets of the words in FOREIGN_TRIGGERS and CUE_WORDS, in text order (set by the matcher).
        self.triggers: list[int] = []
        self.cues: list[int] = []
        self._section_counts: dict[int, int] | None = None

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


_NAME_NEIGHBOUR_RE = re.compile(r"[A-Z][a-z]+")


def in_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word stands next to another one ("Husson College", "Mark Dockery")."""
    if not text[start : start + 1].isupper() or text[start:end].isupper():
        return False
    if text[end : end + 1] == " " and _NAME_NEIGHBOUR_RE.match(text, end + 1):
        return True
    if start >= 2 and text[start - 1] == " ":
        ws = max(text.rfind(" ", 0, start - 1), text.rfind("\n", 0, start - 1)) + 1
        word = text[ws : start - 1]
        return bool(_NAME_NEIGHBOUR_RE.fullmatch(word)) and word.casefold() not in _NOT_NAME_BEFORE
    return False


def caps_neighbourhood(text: str, start: int, end: int) -> bool:
    """Whether the words next to a span are in capitals too ("JAVA, GO, PYTHON")."""
    left = re.findall(r"[A-Za-z][A-Za-z+#]+", text[max(0, start - 30) : start])
    right = re.findall(r"[A-Za-z][A-Za-z+#]+", text[end : end + 30])
    near = left[-1:] + right[:1]
    return bool(near) and all(w.isupper() for w in near)


# -- ambiguous forms ------------------------------------------------------------------

# Words after a form that make it part of a company, organisation or place name.
_ORG_AFTER_RE = re.compile(
    r"[ \t]*,?[ \t]*(?:Corporation|Corp\b|Inc\b|Incorporated|Ltd\b|Limited|LLC|LLP|plc|PLC|GmbH|AG\b|S\.?A\.?\b"
    r"|Pvt\b|Private\s+Limited|Co\.|Company|Group|Holdings|India|UK\b|USA\b|America|Americas|Australia|Canada"
    r"|Germany|Europe|EMEA|Asia|Japan|Financials?\b|Finance|Consulting|Consultancy|Consultants|Technologies"
    r"|Solutions|Labs?\b|Energy|Oil|Gas\b|Retail|Bank\b|Insurance|Health\b|Healthcare|University|College"
    r"|Institute|School|Academy|Foundation|Industries|Partners|Capital|Media|Studios?|Games|Restaurant|Bistro"
    r"|Cafe|Café|Hotel|Inn\b|Bar\b|Kitchen|Catering|Bakery|Foods?\b|Street|St\.|Road|Rd\.|Avenue|Ave\b|Lane"
    r"|Park\b|City\b|County|Lake\b|Valley|Beach|Bay\b|Island|Hills|Heights|Springs\b|Falls\b|Square|Centre"
    r"|Center|Mall|Hospital|Clinic|Church|Club|Society|Association|Council|Ministry|Department|Station)",
)
# A comma and a US state, a Canadian province or a country after the form: "Phoenix, AZ".
_PLACE_AFTER_RE = re.compile(
    r"[ \t]*,[ \t]*(?:(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV"
    r"|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)\b(?![ \t]*[,/&+]|[ \t]+[A-Z])"
    r"|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut"
    r"|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland"
    r"|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New\s+\w+|North\s+\w+"
    r"|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\s+Island|South\s+\w+|Tennessee|Texas|Utah|Vermont|Virginia"
    r"|Washington|West\s+Virginia|Wisconsin|Wyoming|Ontario|Quebec|England|Scotland|Wales|Ireland|India"
    r"|Germany|France|Spain|Italy|Netherlands|Australia|Canada|USA|United\s+\w+)\b"
)
# Before the form: an employer or client ("at Oracle", "joined Oracle", "Client: Shell").
_EMPLOYER_BEFORE_RE = re.compile(
    r"(?:\b(?:at|joined|join|acquired\s+by|worked\s+for|working\s+for|works\s+for|work\s+for)"
    r"|\b(?:employer|company|client|customer|organi[sz]ation)\s*:)[ \t]*$",
    re.IGNORECASE,
)
_EMPLOYER_GATE = frozenset(
    {"at", "joined", "join", "by", "for", "employer", "company", "client", "customer", "organisation", "organization"}
)
_TITLE_WORDS = frozenset(
    str.split(
        "Mr Mrs Ms Miss Dr Prof Sir Dame Madam Head Sous Executive Pastry Commis Line Private Personal Master Chief"
        " Celebrity Sushi Prep Relief Station Junior Senior Lead Assistant Chef Royal Dutch Saint St"
    )
)
_TITLE_BEFORE_RE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Madam|Head|Sous|Executive|Pastry|Commis|Line|Private|Personal"
    r"|Master|Chief|Celebrity|Sushi|Prep|Relief|Station|Junior|Senior|Lead|Assistant|Chef|Royal|Dutch|Saint|St)"
    r"\.?[ \t]+$"
)
_DATE_AFTER_RE = re.compile(
    r"[ \t]*(?:'\d{2}\b|(?:19|20)\d{2}\b|(?:semester|term|quarter|session|break|intake|batch|season|cleaning"
    r"|clean|collection|menu|festival|fair|concert|show|sale|catalog(?:ue)?|onion|roll|water|mix|greens"
    r"|lamb|vegetables|chicken|internship)\b)",
    re.IGNORECASE,
)
# A function word right after the form: "Less than 1 year", "Go to market", "Spring is here".
_FUNCTION_WORD_AFTER_RE = re.compile(
    r"[ \t]+(?:than|is|was|are|were|be|been|has|have|had|of|the|a|an|my|your|our|their|it|this|that|these"
    r"|those|you|we|me|him|her|them|us|ahead|away|back|out|up|down)\b"
)
# A US state code after a city: "Towson, MD", "Phoenix, AZ" (the form is the state).
_CITY_BEFORE_RE = re.compile(r"(?P<w>[A-Z][a-z]+),[ \t]*$")
_STATE_CODES = frozenset(
    str.split(
        "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH"
        " OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
    )
)
_SEASON_BEFORE_RE = re.compile(r"\b(?:fall|summer|winter|autumn)\s*(?:/|,|&|and)\s*$", re.IGNORECASE)
_LETTER_BEFORE_RE = re.compile(
    r"\b(?:grades?|graded|gpa|score[sd]?|marks?|result|class|division|band|level|tier|type|vitamin|plan"
    r"|category|section|block|part|unit|group|team|phase|stage|room|row|exhibit|appendix|annex|schedule"
    r"|form|item|option|point|paper|series|model|size|zone|wing|floor|gate|building|hall|ward|batch)"
    r"[ \t]*[:=\-]?[ \t]*$",
    re.IGNORECASE,
)
_LETTER_AFTER_RE = re.compile(
    r"(?:[ \t]*[-–][ \t]*|[ \t]+)(?:grade|level|suite|class|average|student|minus|plus|rating|certificate"
    r"|licen[cs]e|shares?|section|block|wing|grade)\b|\.[ \t]*[A-Za-z]|/\d|[+-](?![+\w])",
    re.IGNORECASE,
)
_LETTER_LIST_RE = re.compile(r"(?<![\w+#])[A-Z](?![\w+#])[ \t]*[,/&][ \t]*(?<![\w+#])[A-Z](?![\w+#])")
_CAP_WORD_AFTER_RE = re.compile(r" (?P<w>[A-Z][A-Za-z]+(?:-[A-Z][a-z]+)?)\b(?![.+#/])")
# Capitalised words that may follow an ambiguous form without making it a name.
_NAME_OK_AFTER_RE = re.compile(
    r"(?:Developers?|Engineers?|Programmers?|Programming|Databases?|DB|DBA|DBAs|Servers?|Frameworks?|Boot|Core"
    r"|Scripting|Language|Lang|SDKs?|APIs?|CLI|MVC|ORM|JDBC|ODBC|ETL|RAC|RMAN|ASM|Exadata|Cloud|Code"
    r"|Modules?|Packages?|Libraries|Microservices?|Services?|Backend|Stack|Applications?|Apps?|Clusters?"
    r"|Pipelines?|Jobs|Streams?|Charts?|Cookbooks|Manifests|Playbooks|Functions?|Templates|Queries"
    r"|Administration|Administrator|Development|Migration|Performance|Tuning|Testing|Tests?|Integration"
    r"|Expert|Expertise|Experience|Skills|Knowledge|And|Or|With|In|On|For|To|At|By|From|As)"
)
# "Outlook Express", "Hudson Valley": a capitalised word right before the form.
_CAP_WORD_BEFORE_RE = re.compile(r"(?:^|[\s,;(/•])(?P<w>[A-Z][a-z]+) $")
#: Capitalised words that start a clause rather than a name ("Using Go", "With Kafka").
_NOT_NAME_BEFORE = frozenset(
    str.split(
        """
        using use used with in on and or for via from to into of by at as like including includes built build
        building developed develop developing wrote write writing written implemented coded programming
        migrated migrating ported deployed deploying configured configuring managed managing maintained
        maintaining knowledge experience expert expertise proficient proficiency familiar skilled strong
        languages language tools technologies stack environment learning learned learnt studying exposure
        basic advanced solid good excellent working hands also plus then both either not no only mainly mostly
        skills programming scripting automated automating tested testing designed designing created creating
        leveraged leveraging adopted introduced ran run running operated operating administered
        """
    )
)
_COMPOUND_AFTER_RE = re.compile(r"-(?P<w>[A-Za-z][a-z]+)\b|[ \t]*&[ \t]*(?P<w2>[A-Z])\b")

# A technical noun after the form: "Go developer", "Kafka streams", "Oracle DBA".
_TECH_NOUN_AFTER_RE = re.compile(
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
_PAREN_AFTER_RE = re.compile(r"[ \t]*\((?P<c>[^()\n]{2,80})\)")
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
    r"|\b(?:including|includes|such[ \t]+as|like|e\.g\.?|especially|namely)[ \t]+[^.;:!?\n]{0,60}?"
    r"(?:,|&|\band\b|\bor\b)[ \t]+$"
    r"|\b(?:learning|studying|learnt|learned|exploring|mastering|adopting|adopted|introducing|use|used|using|uses"
    r"|utili[sz]ed|utili[sz]ing|leveraging|leveraged|know|knows|wrote|write|writing|configure|configured"
    r"|configuring|deploy|deployed|deploying|maintain|maintained|maintaining|administer|administered"
    r"|administering|operate|operated|operating|manage|managed|managing|tune|tuned|tuning|upgrade|upgraded"
    r"|upgrading|install|installed|installing|integrate|integrated|integrating)[ \t]+$",
    re.IGNORECASE,
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
_WEAK_LABEL_RE = re.compile(
    r"\b(?:skills?|tools?|software|expertise|competenc(?:y|ies)|knowledge|proficienc(?:y|ies)|key\s+skills"
    r"|familiar|strengths|exposure)\b",
    re.IGNORECASE,
)
_STRONG_LABEL_RE = re.compile(rf"(?:^|\b)(?:{_STRONG_LABELS})\b", re.IGNORECASE)
_SENTENCE_PUNCT_RE = re.compile(r"[.;!?](?:\s|$)")


def _local_label(text: str, lo: int, pos: int) -> str | None:
    """The label of the list a mention is in, from the last colon before it on its line."""
    colon = max(text.rfind(":", lo, pos), text.rfind("|", lo, pos))
    if colon >= 0 and not _SENTENCE_PUNCT_RE.search(text, colon + 1, pos):
        words = text[max(lo, colon - 40) : colon].split()[-3:]
        if words:
            return " ".join(words)
    words = text[max(lo, pos - 40) : pos].split()[-3:]
    for k in range(len(words)):
        bare = " ".join(words[k:])
        if _STRONG_LABEL_RE.fullmatch(bare):
            return bare  # "Databases Oracle": a label without its colon
    return None


_JOB_LABEL_RE = re.compile(
    r"\b(?:nice[ \t]+to[ \t]+have|bonus|plus|preferred|required|requirements?|must[ \t-]+haves?|desired|ideally"
    r"|tech[ \t]+stack|our[ \t]+stack|stack|technologies|we[ \t]+use|qualifications|skills|experience[ \t]+with)\b",
    re.IGNORECASE,
)
_LIST_GAP_RE = re.compile(
    # "(2 years)", "(Less than 1 year)", "(expert)", "1 years": annotations between items
    r"[ \t]*(?:\([^()\n]{0,25}\)[ \t]*|\d+\+?[ \t]*(?:years?|yrs?|months?)[ \t]*)?"
    r"[ \t]*(?:[,;/|&+•·:()\-–][ \t]*)*(?:(?:and|or|with|plus|as well as|&|in|on|via|using|into|from|to|over"
    r"|under|behind)[ \t]+)?(?:[(][ \t]*)?",
    re.IGNORECASE,
)
_LIST_MARK_RE = re.compile(r"[,;|•·/]|^[ \t]*[•*\-–]")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9+#.]*")


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
    lines = _Lines(text, hits)
    pending: list[HitLike] = []
    for h in hits:
        if not h.accepted:
            continue
        if not h.ambiguous:
            reason = _word_use(text, h, form_keys) or _plain_name(page, h, form_keys, lines)
            if reason:
                _reject(h, reason)
            continue
        reason = _hard_reject(page, h, form_keys, _listed_after_skill(page, h, lines))
        if reason:
            _reject(h, reason)
            continue
        if h.tags_only:
            reason = None
        else:
            reason = _technical_form(page, h, form_keys) or _label_line(page, h, hits) or _cue_before(page, h)
        if reason:
            _accept(h, reason, 0.9)
        else:
            h.accepted = False  # undecided for now: may be listed next to another skill
            pending.append(h)
    if not pending:
        return
    waiting = {id(h) for h in pending}
    changed = True
    while changed and waiting:
        changed = False
        for h in pending:
            if h.tags_only or id(h) not in waiting or _weak_word(text, h):
                continue
            reason = _next_to_skill(page, h, lines)
            if reason:
                _accept(h, reason, 0.85)
                waiting.discard(id(h))
                changed = True
                continue
            other = _next_to_linked(page, h, lines, waiting, linked)
            if other is not None:
                _accept(h, f"listed with the related {text[other.start : other.end]!r}", 0.8)
                _accept(other, f"listed with the related {text[h.start : h.end]!r}", 0.8)
                waiting.discard(id(h))
                waiting.discard(id(other))
                changed = True
    if categories:
        for h in pending:
            if id(h) in waiting and not h.tags_only:
                chain = _ambiguous_list(page, h, lines, waiting)
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
        if h.tags_only or _weak_word(text, h):
            reason = _tag_line(page, h, line_hits)
        else:
            reason = (
                _skills_section_item(page, h, hits)
                or _tag_line(page, h, line_hits)
                or _technical_sentence(page, h, lines, categories)
            )
        if reason:
            _accept(h, reason, 0.8)
        elif h.tags_only:
            _reject(h, f"written {text[h.start : h.end]!r}, not as the skill is written")
        else:
            _reject(h, "ambiguous word without technical context")


def _weak_word(text: str, h: HitLike) -> bool:
    """A flagged form written as a lower-case English word ("reporting", "room", "express"):
    a list of other skills around it is not enough, it needs a technical label or form."""
    written = text[h.start : h.end]
    return h.flagged and written.islower() and is_english(written)


def _ambiguous_list(page: Page, h: HitLike, lines: _Lines, waiting: set[int]) -> list[HitLike]:
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
            m = _LIST_GAP_RE.match(page.text, lo, hi) if lo <= hi else None
            if m is None or m.end() != hi or hi - lo > 12 or not page.text[lo:hi].strip():
                break
            chain.append(other)
            cur = other
    return chain


class _Lines:
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


def _word_use(text: str, h: HitLike, form_keys: frozenset[str]) -> str | None:
    """An article before the form and no noun after it: "worked as a docker at the port"."""
    two = text[max(0, h.start - 2) : h.start]
    if two not in ("a ", "A ") and text[max(0, h.start - 3) : h.start] not in ("an ", "An "):
        return None
    if not _ARTICLE_BEFORE_RE.search(text, max(0, h.start - 5), h.start):
        return None
    written = text[h.start : h.end]
    # Only a word that is a noun of its own: "a docker", "a python"; never "a REST API" or
    # "a C#.NET tool", which name the technology.
    if not (written.islower() or is_english(written.casefold())) or not written.isalpha():
        return None
    after = text[h.version_end : h.version_end + 1]
    if after and not after.isspace() and after not in ",;:.!?)":
        return None
    m = _WORD_AFTER_RE.match(text, h.version_end)
    if m is None or m["w"].casefold() in _FUNCTION_WORDS_AFTER:
        return f"a common noun ({_snippet(text, h.start, h.end)!r})"
    return None


_WORD_AFTER_RE = re.compile(r"[ \t]+(?P<w>[A-Za-z][\w+#.-]*)")
_ARTICLE_BEFORE_RE = re.compile(r"(?:^|[^\w])an?[ \t]$", re.IGNORECASE)
_FUNCTION_WORDS_AFTER = frozenset(
    str.split(
        "at in on for of to from with by and or but who which that as the a an is was were are be been has had"
        " have while when where during since until after before"
    )
)
#: Words after a capitalised form that make it the name of a place or an organisation,
#: whatever the form ("Scala Theatre", "Caliber Bank").
_STRONG_ORG_AFTER_RE = re.compile(
    r"[ \t]+(?:Theatre|Theater|Corporation|Corp\b|Inc\b|Ltd\b|LLC|plc|PLC|GmbH|Bank|Hotel|Restaurant|Bistro"
    r"|Cafe|Café|Street|Road|Avenue|Lane|Hospital|Church|School|College|University|Academy|Club|Stadium|Gallery"
    r"|Museum|Hall|Arena|Festival|Orchestra|Band|Choir)\b"
)


def _plain_name(page: Page, h: HitLike, form_keys: frozenset[str], lines: _Lines) -> str | None:
    """A capitalised form that is part of a proper name: "Scala Theatre", "Django Reinhardt"."""
    text = page.text
    if not text[h.start : h.start + 1].isupper() or text[h.end : h.end + 1] != " ":
        return None
    if not text[h.end + 1 : h.end + 2].isupper() or _listed_after_skill(page, h, lines):
        return None
    if _STRONG_ORG_AFTER_RE.match(text, h.end):
        return f"part of an organisation or place name ({_snippet(text, h.start, h.end)!r})"
    m = _CAP_WORD_AFTER_RE.match(text, h.end)
    if m is None:
        return None
    word = m["w"]
    low = word.casefold()
    if word.isupper() or low in form_keys or is_english(low) or not _name_word(word, form_keys):
        return None
    return f"part of a name ({_snippet(text, h.start, m.end(), 0)!r})"


def _accept(h: HitLike, reason: str, confidence: float) -> None:
    h.accepted = True
    h.confidence = min(h.confidence, confidence)
    h.reason = f"ambiguous form accepted: {reason}"


def _reject(h: HitLike, reason: str) -> None:
    h.accepted = False
    h.reason = f"rejected: {reason}"


def _hard_reject(page: Page, h: HitLike, form_keys: frozenset[str], listed: bool = False) -> str | None:
    text = page.text
    ls, le = page.line(h.start, h.end)
    written = text[h.start : h.end]
    section = page.section_name(h.start)
    if section == "references":
        return "in the references section"
    before = text[max(ls, h.start - 60) : h.start]
    # The word right before the form gates the costlier patterns that look backwards.
    tail = before[-40:].split()
    last = tail[-1] if tail else ""
    last_low = last.lower().rstrip(":.=-")
    after_pos = h.end
    if h.version and _YEAR_RE.fullmatch(h.version):
        h.version = None  # "Spring 2019" is a date, not a version
        h.version_end = h.end
    m = _PAREN_AFTER_RE.match(text, after_pos, le)
    if m and _spells(written, m["c"]) and norm_key(m["c"]) not in form_keys:
        return f"an acronym spelt out as something else ({_snippet(text, h.start, m.end(), 0)!r})"
    if _FUNCTION_WORD_AFTER_RE.match(text, after_pos, le):
        return f"followed by {_FUNCTION_WORD_AFTER_RE.match(text, after_pos, le).group().strip()!r}"  # type: ignore[union-attr]
    seasonal = any(w in before[-30:].lower() for w in ("fall", "summer", "winter", "autumn"))
    if _DATE_AFTER_RE.match(text, after_pos, le) or (seasonal and _SEASON_BEFORE_RE.search(before)):
        return f"part of a date or season ({_snippet(text, h.start, h.end)!r})"
    if written in _STATE_CODES and (m := _CITY_BEFORE_RE.search(before)) and m["w"].casefold() not in form_keys:
        return f"a state after a city ({_snippet(text, h.start, h.end)!r})"
    if len(written) == 1:
        if _LETTER_BEFORE_RE.search(before) or _LETTER_AFTER_RE.match(text, after_pos, le):
            return f"a grade, label or initial ({_snippet(text, h.start, h.end)!r})"
        if _LETTER_LIST_RE.search(text, max(ls, h.start - 8), min(le, h.end + 8)):
            return "a letter in a list of letters"
    if last_low in _EMPLOYER_GATE and _EMPLOYER_BEFORE_RE.search(before):
        return f"an employer or client name ({_snippet(text, h.start, h.end)!r})"
    if _ORG_AFTER_RE.match(text, after_pos, le):
        return f"part of an organisation or place name ({_snippet(text, h.start, h.end)!r})"
    if _PLACE_AFTER_RE.match(text, after_pos, le):
        return f"a place name ({_snippet(text, h.start, h.end)!r})"
    m = _COMPOUND_AFTER_RE.match(text, after_pos, le) if len(written) == 1 else None
    if m and (m["w2"] or m["w"].casefold() not in form_keys):
        return f"part of a compound word ({_snippet(text, h.start, m.end(), 0)!r})"
    if written[:1].isupper() and not listed:
        # Names are checked only outside lists: in "MySQL, Oracle Tools Netbeans" a list of
        # run-on items or a heading follows, not a surname.
        m = _CAP_WORD_AFTER_RE.match(text, after_pos, le)
        if m and _name_word(m["w"], form_keys) and not _NAME_OK_AFTER_RE.fullmatch(m["w"]):
            return f"part of a longer name ({_snippet(text, h.start, m.end(), 0)!r})"
        titled = last.rstrip(".") in _TITLE_WORDS and _TITLE_BEFORE_RE.search(before)
        if titled and not _TECH_NOUN_AFTER_RE.match(text, after_pos, le):
            return f"part of a name or job title ({_snippet(text, h.start, h.end)!r})"
        m = _CAP_WORD_BEFORE_RE.search(before) if last[:1].isupper() and before.endswith(" ") else None
        if m and _name_word(m["w"], form_keys) and m["w"].casefold() not in _NOT_NAME_BEFORE:
            noun = _TECH_NOUN_AFTER_RE.match(text, after_pos, le)
            if not (noun and noun["strong"]):
                return f"part of a longer name ({m['w']} {written!r})"
    return None


def _name_word(word: str, form_keys: frozenset[str]) -> bool:
    """Whether a capitalised word next to a form can be part of a name with it."""
    low = word.casefold()
    if low in form_keys or low in _LABEL_WORDS or _STRONG_LABEL_RE.fullmatch(word) or _WEAK_LABEL_RE.fullmatch(word):
        return False
    return not (low.endswith(("ed", "ing")) and len(low) > 5)  # "Attended SPARK", "Using Go"


#: Heading, label and proficiency words: run-on text puts them next to list items.
_LABEL_WORDS = frozenset(
    str.split(
        """
        education experience projects project skills summary profile objective certifications courses
        tools tool languages language databases database platforms platform frameworks framework servers server
        environment environments technologies technology systems system software library libraries family
        familiar intermediate advanced expert beginner proficient basic basics good excellent strong working
        knowledge coursework academic professional technical web mobile desktop version versions scripting
        scripts ide ides os operating applications application packages package utilities others other misc
        responsibilities achievements awards interests hobbies references publications training trainings
        """
    )
)


_YEAR_RE = re.compile(r"(?:19|20)\d{2}")


def _snippet(text: str, start: int, end: int, width: int = 12) -> str:
    """The span with a little context, on one line, for a reason string."""
    return " ".join(text[max(0, start - width) : end + width].split())


def _technical_form(page: Page, h: HitLike, form_keys: frozenset[str]) -> str | None:
    text = page.text
    le = page.line(h.start, h.end)[1]
    written = text[h.start : h.end]
    if h.version and _technical_version(text, h, written):
        return f"written with a version ({text[h.start : h.version_end]!r})"
    m = _PAREN_AFTER_RE.match(text, h.version_end, le)
    if m:
        idents = _IDENT_RE.findall(m["c"])
        if idents and any(
            w.casefold() in form_keys or (w.islower() and not is_english(w) and len(w) >= 4) or "_" in w for w in idents
        ):
            return f"followed by libraries or tools ({m.group().strip()!r})"
    m = _TECH_NOUN_AFTER_RE.match(text, h.version_end, le)
    if written.islower() and is_english(written):
        m = None  # "reporting pipeline", "spring menu": a lower-case word before a noun
    acronym = written.isupper() and len(written) <= 4
    if m and (m["strong"] or not (is_english(written.casefold()) or acronym)):
        return f"followed by a technical word ({m.group().strip()!r})"
    return None


def _spells(acronym: str, words: str) -> bool:
    """Whether the words in brackets after an acronym spell it out ("ACI (Access Control ...)")."""
    if not (acronym.isupper() and acronym.isalpha() and len(acronym) >= 2):
        return False
    by_word = "".join(w[0] for w in re.findall(r"[A-Za-z][\w-]*", words) if w[0].isupper())
    by_item = "".join(item.strip()[:1] for item in re.split(r"[,/;]|\band\b", words) if item.strip())
    need = acronym[:-1] if len(acronym) > 2 else acronym
    return any(len(x) >= len(need) and x.upper().startswith(need) for x in (by_word, by_item))


def _technical_version(text: str, h: HitLike, written: str) -> bool:
    """Whether the version after a form makes it technical ("Go 1.21", "Oracle 11g", not "SH-60F")."""
    version = h.version or ""
    dotted = "." in version
    if len(written) <= 2:
        return dotted and text[h.end : h.end + 1] == " "  # "Go 1.21", "R 4.2"; not "C-2", "SH 6A"
    if text[h.end : h.end + 1] == "-" and not dotted:
        return False  # "Bash-60F", part numbers
    return dotted or version[-1:].isalpha() or version.endswith("+") or (version.isdigit() and len(version) <= 2)


def _label_line(page: Page, h: HitLike, hits: Sequence[HitLike]) -> str | None:
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
    if _STRONG_LABEL_RE.search(label):
        return f"in a technology list ({label!r})"
    if not h.flagged and _WEAK_LABEL_RE.search(label):
        # "Skills: python, go": a lower-case product name in a labelled list
        return f"in a labelled list ({label!r})"
    if page.kind == "job" and _JOB_LABEL_RE.search(label):
        return f"in the job's requirements ({label!r})"
    return None


def _cue_before(page: Page, h: HitLike) -> str | None:
    text = page.text
    written = text[h.start : h.end]
    if written.islower():
        return None  # "learned to go", "spring cleaning": prose words are lower-case
    ls = page.line(h.start, h.end)[0]
    tail = text[max(ls, h.start - 30) : h.start].split()
    last = tail[-1].lower() if tail else ""
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


def _listed_after_skill(page: Page, h: HitLike, lines: _Lines) -> bool:
    """Whether the form follows another skill in a list ("MySQL, Oracle"), with a separator."""
    for other, lo, hi in lines.neighbours(h)[:1]:
        if other.end > h.start or not other.accepted or other.ambiguous or lo > hi:
            continue
        m = _LIST_GAP_RE.match(page.text, lo, hi)
        if m is not None and m.end() == hi and hi - lo <= 20 and page.text[lo:hi].strip():
            return True
    return False


def _next_to_skill(page: Page, h: HitLike, lines: _Lines) -> str | None:
    text = page.text
    for other, lo, hi in lines.neighbours(h):
        if not other.accepted or lo > hi:
            continue
        m = _LIST_GAP_RE.match(text, lo, hi)
        if m is None or m.end() != hi or hi - lo > 20:
            continue
        if not text[lo:hi].strip() and text[h.start : h.end].islower():
            continue  # "XML requests": a word after a name is not a list without a separator
        return f"listed with {text[other.start : other.end]!r}"
    return None


def _next_to_linked(
    page: Page, h: HitLike, lines: _Lines, waiting: set[int], linked: Collection[tuple[str, str]]
) -> HitLike | None:
    """A pending neighbour in the same list whose skill the taxonomy links to this one."""
    text = page.text
    for other, lo, hi in lines.neighbours(h):
        if id(other) not in waiting or other.tags_only or (h.skill_id, other.skill_id) not in linked:
            continue
        m = _LIST_GAP_RE.match(text, lo, hi) if lo <= hi else None
        if m is not None and m.end() == hi and hi - lo <= 20:
            return other
    return None


# A preposition right before the form: "baked with Packer", "tracked in Sentry".
_PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:with|from|in|on|of|using|via|by|into|onto|to|through|behind|over|under)[ \t]+$", re.IGNORECASE
)


def _technical_sentence(
    page: Page, h: HitLike, lines: _Lines, categories: Mapping[str, str] | None = None
) -> str | None:
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
    stop = _SENTENCE_END_RE.search(text, h.end, limit)
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


def _skills_section_item(page: Page, h: HitLike, hits: Sequence[HitLike]) -> str | None:
    if page.section_name(h.start) != "skills":
        return None
    text = page.text
    ls, le = page.line(h.start, h.end)
    line = text[ls:le]
    if not (_LIST_MARK_RE.search(line) or (len(line) <= 40 and len(_WORD_RE.findall(line)) <= 3)):
        return None
    others = page.skills_in_section(h.start, hits)
    if others >= 2:
        return f"in a skills section with {others} other skills"
    return None


def _tag_line(page: Page, h: HitLike, line_hits: Sequence[HitLike]) -> str | None:
    """A short line made mostly of technology names ("typescript javascript nodejs react go")."""
    if len(line_hits) < 3:
        return None
    text = page.text
    ls, le = page.line(h.start, h.end)
    if le - ls > 160:
        return None  # a line of tags is short
    words = _WORD_RE.findall(text, ls, le)
    plain = sum(1 for o in line_hits if o.accepted and not o.ambiguous)
    if 3 <= len(words) <= 12 and plain >= 1 and len(line_hits) >= 0.6 * len(words):
        return "in a line of technology names"
    return None


# -- negation, hedging ---------------------------------------------------------------------

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


def apply_cues(page: Page, hits: Sequence[HitLike]) -> None:
    """Flag negated and hedged mentions, and those in lists that are not the candidate's own."""
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
    _foreign_lists(page, hits)


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


# -- lists that are not the candidate's own -----------------------------------------------

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
)
# Each alternative starts with a trigger word, so it is tried only where one stands.
_FOREIGN_RE = re.compile(
    # a recruiter's lists: "technologies I hired for", "placed Python developers", "recruited 40 engineers"
    r"(?:technologies|skills|roles|positions|stacks?)\s+(?:i|we)\s+(?:have\s+)?(?:hired|recruited|sourced"
    r"|placed|recruit|hire|source)(?:\s+for)?"
    r"|(?:placed|hired|recruited|sourced|headhunted|recruiting|hiring|sourcing|filled|staffed)\b[^.;\n]{0,60}?"
    r"\b(?:developers|engineers|candidates|consultants|contractors|specialists|professionals|architects|talent"
    r"|hires|roles|positions|people|staff)\b"
    r"|(?:hired|recruited|recruiting|sourced|sourcing|hiring)\s+for\b"
    # other people's skills: "a team of eight Java developers", "managed 5 .NET engineers"
    r"|(?P<team>(?:team|group|squad)\s+of\s+[^.;\n]{0,50}?\b(?:developers|engineers|programmers|testers|consultants)"
    r"|(?:managed|managing|supervised|supervising|oversaw|overseeing)\s+(?:a\s+team\s+of\s+)?[^.;\n]{0,40}?"
    r"\b(?:developers|engineers|programmers|testers|consultants)\b)"
    # quoted job ads ("an advert asking for", "the job description below")
    r"|job\s+(?:description|posting|ad|advert)\s+(?:quoted|below|follows)"
    r"|(?:job\s+)?(?:adverts?|advertisements?|ads|postings|specs|descriptions)\s+for\b"
    r"|(?:asking|looking|calling)\s+for\b|requiring\b"
    # course plans and modules not yet taken
    r"|course\s+(?:plan|outline|syllabus|content)|syllabus|curriculum\s+(?:covered|included|includes|covers)"
    r"|(?:modules?|courses?|classes|subjects)\s+(?:i|we)\s+(?:will|plan\s+to|intend\s+to)\s+"
    r"(?:take|study|attend)",
    re.IGNORECASE,
)
# Before "asking for" / "requiring": the cue is about a job ad only after one of these.
_AD_NOUN_BEFORE_RE = re.compile(
    r"\b(?:advert|advertisement|ad|posting|vacancy|job|role|position|listing|opening)s?[ \t]+$", re.IGNORECASE
)
# The end of a sentence: a full stop, or a line break that is not a soft wrap (the next
# line does not go on in lower case).
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s|$)|\n(?![ \t]*[a-z(])")


def _foreign_lists(page: Page, hits: Sequence[HitLike]) -> None:
    text = page.text
    anchors = page.triggers
    if not anchors or page.kind == "job":
        return  # a job ad's lists are what it asks for
    scopes: list[tuple[int, int, str]] = []
    for a in anchors:
        if scopes and a < scopes[-1][1]:
            continue
        m = _FOREIGN_RE.match(text, a)
        if m is None:
            continue
        if m["team"]:
            scopes.append((m.start(), m.end(), " ".join(m.group().split())))  # only the team's own list
            continue
        ad_verb = m.group().lower().startswith(("asking", "looking", "calling", "requiring"))
        if ad_verb and not _AD_NOUN_BEFORE_RE.search(text, max(0, a - 30), a):
            continue  # "looking for", "requiring" that are not about a job ad
        # The rest of the sentence; a list introduced by a colon, or by a cue that ends its
        # line ("TECHNOLOGIES I RECRUIT FOR"), runs to the end of the paragraph.
        limit = min(len(text), m.end() + 600)
        stop = _SENTENCE_END_RE.search(text, m.end(), limit)
        end = limit if stop is None else stop.start()
        line_end = text.find("\n", m.end())
        rest_of_line = text[m.end() : len(text) if line_end < 0 else line_end].strip(" \t:.-–")
        if text[m.end() : end].lstrip().startswith(":") or text[end - 1 : end] == ":" or not rest_of_line:
            para = text.find("\n\n", m.end())
            end = len(text) if para < 0 else para
        scopes.append((m.start(), end, " ".join(m.group().split())))
    if not scopes:
        return
    for h in hits:
        if not h.accepted:
            continue
        for start, end, cue in scopes:
            if start <= h.start < end:
                h.accepted = False
                h.reason = f"{h.reason}; not the candidate's own ({cue!r})"
                break
