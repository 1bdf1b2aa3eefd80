"""Where an ambiguous form is not the skill: names of people, organisations and places,
dates, grades, initials, and common nouns ("Ruby Patel", "Oracle Corporation", "Phoenix,
AZ", "Spring 2019", "Grade C", "worked as a docker")."""

from __future__ import annotations

import re

from ._evidence import PAREN_AFTER_RE, STRONG_LABEL_RE, TECH_NOUN_AFTER_RE, WEAK_LABEL_RE, listed_after_skill
from ._page import HitLike, Lines, Page, is_english, snippet
from .taxonomy import norm_key

__all__ = ["caps_neighbourhood", "hard_reject", "in_name", "name_word", "plain_name", "spelled_before", "word_use"]


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


# Words after a form that make it part of a company, organisation or place name.
_ORG_AFTER_RE = re.compile(
    r"[ \t]*,?[ \t]*(?:Corporation|Corp\b|Inc\b|Incorporated|Ltd\b|Limited|LLC|LLP|plc|PLC|GmbH|AG\b|S\.?A\.?\b"
    r"|Pvt\b|Private\s+Limited|Co\.|Company(?![ \t]+(?:size|type)\b)|Group|Holdings|India|UK\b|USA\b|America"
    r"|Americas|Australia|Canada"
    r"|Germany|Europe|EMEA|Asia|Japan|Financials?\b|Finance|Consulting|Consultancy|Consultants|Technologies"
    r"|Solutions|Labs?\b|Energy|Oil|Gas\b|Retail|Bank\b|Insurance|Health\b|Healthcare|University|College"
    r"|Institute|School|Academy|Foundation|Industries|Partners|Capital|Media|Studios?|Games|Restaurant|Bistro"
    r"|Cafe|Café|Hotel|Inn\b|Bar\b|Kitchen|Catering|Bakery|Foods?\b|Street|St\.|Road|Rd\.|Avenue|Ave\b|Lane"
    r"|Park\b|City\b|County|Lake\b|Valley|Beach|Bay\b|Island|Hills|Heights|Springs\b|Falls\b|Square|Centre"
    r"|Center|Mall|Hospital|Clinic|Church|Club|Society|Association|Council|Ministry|Department|Station"
    r"|(?i:worldwide)\b)",
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
    # ... but not a requirement's verdict: "Spinnaker is beneficial", "Kafka is a strong plus"
    r"(?![ \t]+(?:(?:a|an|considered|also|very|highly|definitely|really|strongly)[ \t]+)*(?:(?:big|strong|huge|real"
    r"|great|nice)[ \t]+)?(?:plus|bonus|benefit|beneficial|advantage|advantageous|asset|required|requirement|preferred"
    r"|desired|desirable|welcome|must|mandatory|essential|nice[ \t]+to[ \t]+have|needed|helpful|useful|appreciated"
    r"|expected|important)\b)"
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
# The next field of a form ("SaaS Company size: 11-50"): a label, not a name.
_FIELD_LABEL_AFTER_RE = re.compile(r" [A-Z][a-z]+(?: [a-z]+)?:")
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


def word_use(text: str, h: HitLike, form_keys: frozenset[str]) -> str | None:
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
        return f"a common noun ({snippet(text, h.start, h.end)!r})"
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


def plain_name(page: Page, h: HitLike, form_keys: frozenset[str], lines: Lines) -> str | None:
    """A capitalised form that is part of a proper name: "Scala Theatre", "Django Reinhardt"."""
    text = page.text
    if not text[h.start : h.start + 1].isupper() or text[h.end : h.end + 1] != " ":
        return None
    if not text[h.end + 1 : h.end + 2].isupper() or listed_after_skill(page, h, lines):
        return None
    if _STRONG_ORG_AFTER_RE.match(text, h.end):
        return f"part of an organisation or place name ({snippet(text, h.start, h.end)!r})"
    m = _CAP_WORD_AFTER_RE.match(text, h.end)
    if m is None:
        return None
    word = m["w"]
    low = word.casefold()
    if word.isupper() or low in form_keys or is_english(low) or not name_word(word, form_keys):
        return None
    return f"part of a name ({snippet(text, h.start, m.end(), 0)!r})"


def hard_reject(page: Page, h: HitLike, form_keys: frozenset[str], listed: bool = False) -> str | None:
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
    m = PAREN_AFTER_RE.match(text, after_pos, le)
    if m and _spells(written, m["c"]) and norm_key(m["c"]) not in form_keys:
        return f"an acronym spelt out as something else ({snippet(text, h.start, m.end(), 0)!r})"
    if _FUNCTION_WORD_AFTER_RE.match(text, after_pos, le):
        return f"followed by {_FUNCTION_WORD_AFTER_RE.match(text, after_pos, le).group().strip()!r}"  # type: ignore[union-attr]
    seasonal = any(w in before[-30:].lower() for w in ("fall", "summer", "winter", "autumn"))
    if _DATE_AFTER_RE.match(text, after_pos, le) or (seasonal and _SEASON_BEFORE_RE.search(before)):
        return f"part of a date or season ({snippet(text, h.start, h.end)!r})"
    if written in _STATE_CODES and (m := _CITY_BEFORE_RE.search(before)) and m["w"].casefold() not in form_keys:
        return f"a state after a city ({snippet(text, h.start, h.end)!r})"
    if len(written) == 1:
        if _LETTER_BEFORE_RE.search(before) or _LETTER_AFTER_RE.match(text, after_pos, le):
            return f"a grade, label or initial ({snippet(text, h.start, h.end)!r})"
        if _LETTER_LIST_RE.search(text, max(ls, h.start - 8), min(le, h.end + 8)):
            return "a letter in a list of letters"
    suite = _business_suite(text, h, ls, le)
    if suite:
        return suite
    if len(written) == 2 and written[0].isupper() and written[1].islower() and _ABBREV_AFTER_RE.match(text, after_pos):
        return f"an abbreviation before a name ({snippet(text, h.start, h.end + 6, 0)!r})"  # "Dr. Dre", "St. Louis"
    if last_low in _EMPLOYER_GATE and _EMPLOYER_BEFORE_RE.search(before):
        return f"an employer or client name ({snippet(text, h.start, h.end)!r})"
    if _ORG_AFTER_RE.match(text, after_pos, le):
        return f"part of an organisation or place name ({snippet(text, h.start, h.end)!r})"
    if _PLACE_AFTER_RE.match(text, after_pos, le):
        return f"a place name ({snippet(text, h.start, h.end)!r})"
    m = _COMPOUND_AFTER_RE.match(text, after_pos, le) if len(written) == 1 else None
    if m and (m["w2"] or m["w"].casefold() not in form_keys):
        return f"part of a compound word ({snippet(text, h.start, m.end(), 0)!r})"
    if written[:1].isupper() and not listed:
        # Names are checked only outside lists: in "MySQL, Oracle Tools Netbeans" a list of
        # run-on items or a heading follows, not a surname.
        m = _CAP_WORD_AFTER_RE.match(text, after_pos, le)
        if (
            m
            and name_word(m["w"], form_keys)
            and not _NAME_OK_AFTER_RE.fullmatch(m["w"])
            and not _FIELD_LABEL_AFTER_RE.match(text, after_pos)
        ):
            return f"part of a longer name ({snippet(text, h.start, m.end(), 0)!r})"
        titled = last.rstrip(".") in _TITLE_WORDS and _TITLE_BEFORE_RE.search(before)
        if titled and not TECH_NOUN_AFTER_RE.match(text, after_pos, le):
            return f"part of a name or job title ({snippet(text, h.start, h.end)!r})"
        m = _CAP_WORD_BEFORE_RE.search(before) if last[:1].isupper() and before.endswith(" ") else None
        if m and name_word(m["w"], form_keys) and m["w"].casefold() not in _NOT_NAME_BEFORE:
            noun = TECH_NOUN_AFTER_RE.match(text, after_pos, le)
            if not (noun and noun["strong"]):
                return f"part of a longer name ({m['w']} {written!r})"
    return None


# "Dr. Dre", "St. Louis": a two-letter word, a full stop, a capitalised word.
_ABBREV_AFTER_RE = re.compile(r"[ \t]?\.[ \t]+[A-Z][a-z]")

# Oracle is a database and a vendor of business applications: next to the applications
# (its own or others') it names the business suite. "Oracle R12", "Oracle 11i", "Oracle EBS".
_VENDOR_FORMS = frozenset({"oracle"})
_SUITE_AFTER_RE = re.compile(
    r"[ \t]*(?:R1[12]\b|1[12]i\b|EBS\b|E-?Business|Financials?\b|Apps\b|Applications?\b|Fusion\b|Hyperion"
    r"|Discoverer|Discover\b|BI\b|OBIEE|Business[ \t]+Intelligence|CRM\b|ERP\b|iStore|iProcurement|HRMS|Payroll"
    r"|General[ \t]+Ledger|GL\b|Payables|Receivables|Purchasing|Cloud[ \t]+ERP|financial)",
)
_SUITES_RE = re.compile(
    r"(?i:\b(?:SAP|PeopleSoft|People[ \t]?Soft|Hyperion|Lawson|JD[ \t]?Edwards|JDE|Great[ \t]+Plains?|Quick[ \t]?Books"
    r"|Quicken|NetSuite|Dynamics|Kronos|Workday|Siebel|Sales[ \t]?[Ff]orce|MAS[ \t]?90|MAS[ \t]?200|Sage|Peachtree"
    r"|Epicor|Infor|Essbase|Kofax|Ariba|Concur|Deltek|Banner|Ellucian|Cerner|Epic|Meditech|Blackbaud|Yardi)\b)"
)
_DATABASE_WORDS_RE = re.compile(
    r"\b(?:SQL|PL/SQL|T-SQL|DBA|[Dd]atabases?|RDBMS|DB2|MySQL|Sybase|Teradata|Postgre\w*|RAC|Exadata|\d{1,2}[gc])\b"
)


def _business_suite(text: str, h: HitLike, ls: int, le: int) -> str | None:
    """ "Oracle" next to business applications is the vendor's suite, not the database."""
    written = text[h.start : h.end]
    if written.casefold() not in _VENDOR_FORMS:
        return None
    m = _SUITE_AFTER_RE.match(text, h.end, le)
    if m:
        return f"a business application suite ({snippet(text, h.start, m.end(), 0)!r})"
    lo, hi = max(ls, h.start - 80), min(le, h.end + 80)
    m = _SUITES_RE.search(text, lo, hi)
    if m and not _DATABASE_WORDS_RE.search(text, lo, hi):
        return f"beside business applications ({m.group()!r})"
    return None


def spelled_before(page: Page, h: HitLike) -> str | None:
    """An acronym in brackets after the words it abbreviates, when they name something else:
    "Veterans Benefits Administration (VBA)", "sales qualified leads (SQL)"; not "Java
    Messaging Service (JMS)", whose words are the skill's own."""
    text = page.text
    written = text[h.start : h.end]
    if not (2 <= len(written) <= 6 and written.isalpha() and written.isupper()):
        return None
    before = text[max(0, h.start - 80) : h.start]
    m = _OPEN_BRACKET_RE.search(before)
    if m is None or text[h.end : h.end + 3].lstrip()[:1] != ")":
        return None
    # "Academy ofSports Medicine": "of" glued to the next word in extracted PDF text
    words = re.findall(r"[A-Za-z][\w'-]*", re.sub(r"\bof(?=[A-Z])", "of ", before[: m.start()]))
    own = page.vocab.words.get(h.skill_id, frozenset())
    for n in range(len(written), len(written) + 3):
        phrase = words[-n:]
        if len(phrase) < n:
            break
        content = [w for w in phrase if w.casefold() not in _SMALL_WORDS]
        if "".join(w[0] for w in content).upper() != written.upper():
            continue
        if 2 * sum(1 for w in content if w.casefold() in own) >= len(content):
            return None  # "Amazon Web Services (AWS)": the skill spelt out
        return f"an acronym of something else ({' '.join(phrase)} ({written}))"
    return None


_OPEN_BRACKET_RE = re.compile(r"\([ \t]*$")
_SMALL_WORDS = frozenset(str.split("of and the for in on to a an as"))


def name_word(word: str, form_keys: frozenset[str]) -> bool:
    """Whether a capitalised word next to a form can be part of a name with it."""
    low = word.casefold()
    if low in form_keys or low in _LABEL_WORDS or STRONG_LABEL_RE.fullmatch(word) or WEAK_LABEL_RE.fullmatch(word):
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


def _spells(acronym: str, words: str) -> bool:
    """Whether the words in brackets after an acronym spell it out ("ACI (Access Control ...)")."""
    if not (acronym.isupper() and acronym.isalpha() and len(acronym) >= 2):
        return False
    by_word = "".join(w[0] for w in re.findall(r"[A-Za-z][\w-]*", words) if w[0].isupper())
    by_item = "".join(item.strip()[:1] for item in re.split(r"[,/;]|\band\b", words) if item.strip())
    need = acronym[:-1] if len(acronym) > 2 else acronym
    return any(len(x) >= len(need) and x.upper().startswith(need) for x in (by_word, by_item))
