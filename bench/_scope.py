"""Which gold labels a backend-engineering taxonomy is expected to know (the in-scope rule).

Shared by ``bench/taxonomy_coverage.py`` (how much of the gold vocabulary the taxonomy
resolves) and the extraction evaluation (which gold spans count towards recall), so both
measure against the same target. It applies to the "Tech Tools" labels of the dotin CVs
and to the knowledge spans of SkillSpan postings.

The rule
--------
A label is **in scope** unless it falls into one of the excluded categories below. In scope
are technologies a backend-engineering taxonomy should know: programming, scripting, query
and markup languages; frameworks and libraries; databases; web and application servers
and middleware; operating systems and shells; cloud platforms and services; containers
and orchestration; CI/CD; version control; build tools; testing tools; protocols and API
styles and formats; IDEs and developer tools (issue trackers included); data engineering,
ETL and BI tools; email and identity systems; and named engineering practices (TDD,
microservices, design patterns, agile ...).

Excluded (each category is a documented, reviewed list of patterns in ``EXCLUDED``):

* ``office``: office and productivity software (MS Office, Excel, Word, PowerPoint,
  Outlook, Visio, Access, MS Project, OpenOffice, PDF readers, browsers, chat, translation tools);
* ``media``: graphics, video, audio and desktop-publishing packages (Photoshop,
  Illustrator, Dreamweaver, Flash authoring, Final Cut, Maya ...);
* ``marketing``: social networks and marketing, analytics-for-marketers and CRM SaaS
  (Facebook, LinkedIn, Google Analytics, AdWords, Marketo, Salesforce CRM ...);
* ``business-suite``: ERP and business application suites, IT service desks, accounting,
  legal and other line-of-business applications (SAP and its modules, Oracle Hyperion /
  E-Business Suite / Fusion Applications, Ariba, ServiceNow, Remedy ...);
* ``engineering-package``: CAD/CAM, GIS, EDA, simulation, statistics and optimisation
  desktop packages and industrial control (AutoCAD, SolidWorks, ArcGIS, SPSS, EViews,
  Ansys, SCADA, PLC programming tools ...);
* ``hardware``: devices, processors, boards and network appliances (PC, ARM, x86, PIC,
  Cisco ASA, cameras ...);
* ``non-technology``: human languages, dates, anonymisation placeholders, bare company
  names, degrees and education, academic and scientific fields, industries and business
  functions, and generic words that name no particular technology ("Used", "Internet",
  "software development", "web applications", "testing").

SkillSpan: only the knowledge spans of postings whose ``source`` is ``"tech"`` (the
StackOverflow job board) are candidates; the ``"house"`` postings come from a general job
portal (biotech, offshore engineering, teaching ...) and their knowledge spans are domain
knowledge of non-software jobs. Use :func:`skillspan_in_scope` / :func:`skillspan_sources`.

Labels are compared after collapsing whitespace (labels may span line breaks) and
stripping surrounding punctuation. A label that names several tools ("FrontPage/Dreamweaver",
"Jira/Confluence") is excluded only when *every* part is excluded. A label naming an
in-scope technology together with an excluded vendor ("Adobe Flex", "Twitter Bootstrap",
"Oracle WebLogic", "SAPUI5") stays in scope: patterns name products, not vendors.

The rule was decided from the label vocabularies themselves (about 1,325 distinct dotin
"Tech Tools" strings ignoring case, about 1,800 SkillSpan knowledge spans), by category,
never from what the skillmatch matcher finds, and never per document.

>>> in_scope("PostgreSQL 9.6"), in_scope("MS Excel"), in_scope("Twitter Bootstrap")
(True, False, True)
>>> excluded_category("Adobe Photoshop CS5")
'media'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "CATEGORIES",
    "EXCLUDED",
    "GENERIC_WORDS",
    "clean_label",
    "excluded_category",
    "in_scope",
    "skillspan_in_scope",
    "skillspan_sources",
    "split_by_scope",
]

#: excluded category -> what it covers (the README states the same rule)
CATEGORIES: dict[str, str] = {
    "office": "office and productivity software",
    "media": "graphics, video, audio and desktop-publishing packages",
    "marketing": "social networks, marketing and CRM SaaS",
    "business-suite": "ERP and business application suites, service desks, line-of-business apps",
    "engineering-package": "CAD/CAM, GIS, EDA, simulation, statistics and industrial-control packages",
    "hardware": "devices, processors, boards and network appliances",
    "non-technology": "human languages, dates, names, education, domains and generic words",
}

# Each category is a list of alternatives, one product or group per line. They are
# matched case-insensitively with re.fullmatch against one cleaned part of a label, so
# each names a whole part ("ms office 2010"), never a word inside a longer name.
# V is an optional version or edition after a product name ("2010", "CS5", "v8.0", "XI R3").
V = (
    r"(?:\s*(?:v\s?)?[\d.]+[a-z]?(?:\s*(?:sp\d|r\d|pro|professional|studio|premium|deluxe))?"
    r"|\s*cs\d(?:\.\d)?|\s*x{1,2}|\s*xi(?:\s*r\d)?|\s*\d{4})*"
)
MS = r"(?:(?:ms|microsoft)[\s-]*)?"

_EXCLUDED_SOURCE: dict[str, list[str]] = {
    "office": [
        MS
        + r"(?:office|word|excel|power[\s-]*point|outlook|visio|access|publisher|onenote|project|infopath)"
        + r"(?:\s+(?:designer|filler|viewer))?"
        + V,
        MS + r"(?:works|frontpage|front page|staffhub|teams|lync)" + V,
        MS + r"office(?:\s+excel|\s+suite|\s+365)?" + V,
        r"o365|office\s*365|msword|msworks|microsoft (?:suite|packages)|ms programs|ms office suite",
        r"(?:open|libre|apache open)\s*office|wordperfect|clarisworks|lotus\s*(?:123|1-2-3|symphony)",
        r"g\s*suite|google (?:docs|sheets|slides|drive|workspace)|keynote|pages|numbers|iwork",
        r"(?:adobe\s+)?acrobat(?:\s+(?:reader|pro|x pro|dc))?" + V,
        r"foxit(?:\s+reader)?|pdf",
        r"internet explorer|mozilla firefox|firefox|google chrome|chrome|safari|opera|microsoft edge",  # browsers
        r"skype|zoom|slack|webex|ms teams|hipchat|dropbox|box|google drive",  # chat, meetings, file sharing
        r"(?:sdl\s+)?trados(?:\s+studio)?" + V,  # translation and subtitling
        r"cat tools|aegisub(?:\s+subtitle)?|memoq|wordfast",
        r"robohelp|madcap flare|framemaker|quark(?:xpress)?|evernote|smartdraw|lucidchart",
        r"(?:dot|ms|microsoft)\s*project" + V,
        r"send word now|ms clarity connect|ms centergy|centergy|clarity connect",
    ],
    "media": [
        # Adobe's creative products, with or without the vendor, any version ("Photoshop CS5")
        r"(?:adobe\s+)?(?:photo\s*-?\s*shop|illustrator|in\s*design|after\s*effects|premier[e]?(?:\s+pro)?)" + V,
        r"(?:adobe\s+)?(?:lightroom|audition|animate|fireworks|dreamweaver|pagemaker|muse|captivate)" + V,
        r"(?:adobe\s+)?(?:flash(?:\s+(?:professional|catalyst|cs\d|player))?|director|freehand|bridge)" + V,
        r"(?:adobe\s+)?(?:creative (?:suite|cloud)|xd|encore|soundbooth|contribute|jsx\s+scripts)" + V,
        r"(?:adobe\s+)?(?:suite|cs\d(?:\.\d)?|web premium)" + V,
        r"adobe",
        r"(?:macromedia\s+)?(?:flash|dreamweaver|fireworks|freehand|director|homesuite|home site|authorware)" + V,
        r"final cut(?:\s+(?:pro|studio|express))?(?:\s*x)?" + V,
        r"fcpx|imovies?|davinci resolve|avid(?:\s+media composer)?",
        r"camtasia(?:\s+studio)?" + V,
        r"articulate(?:\.studio)?.*|magix.*|mx\.deluxe|pftrack|matchmoving",
        r"motion graphics?|audacity|pro tools|logic pro|garageband|cubase|fl studio|ableton(?: live)?",
        r"(?:autodesk\s+)?(?:maya|3d\s*studio\s*max|3ds\s*max|motionbuilder|mudbox)" + V,
        r"blender|cinema\s*4d|zbrush|sketchup|gimp|inkscape|corel\s*draw|coreldraw|paint shop pro|paint\.net",
        r"sketch|figma|invision|zeplin|canva|balsamiq|axure(?:\s+rp)?",
        r"print\s*shop|quicktake|persuasion|photostory|dtp|desktop publishing|video editing|sprites?",
    ],
    "marketing": [
        r"facebook(?:\s+ads)?|twitter|tweet\s*deck|instagram|linked\s*in|youtube|pinterest|google\s*\+|google plus",
        r"myspace|flickr|reddit|quora|medium|ning|ryze|technorati|bloglines|feedblitz|typepad|tumblr|snapchat",
        r"hootsuite|buzzsumo|buzzstream|wistia|crimson hexagon|sprout social|buffer",
        r"google\s*(?:analytics|ad\s*words|ads|tag manager|search console)|adwords|bing ads|ads",
        r"marketo|eloqua|pardot|hubspot|mailchimp|constant contact|webtrends|omniture|adobe analytics",
        r"salesforce(?:\.com)?(?:\s+crm)?|sfdc|sugar\s*crm|(?:microsoft\s+)?dynamics\s+crm|zoho(?:\s+crm)?",
        r"siebel(?:\s+crm)?|cloud\s*sense|cpq",
        r"inbound marketing|email marketing|digital marketing|b2b marketing|seo|sem",
        r"search engine optimi[sz]ation(?:\s*\(\s*seo\s*\))?",
        r"social media(?:\s+marketing)?|programmatic advertising|online media",
    ],
    "business-suite": [
        # SAP and its modules ("SAP SD", "SAP ECC 6.0"), but not ABAP, HANA, Crystal Reports, Business Objects
        r"sap(?!\s+(?:abap|crystal|business obj|hana|sybase))(?:\s+[a-z0-9/]+)*" + V,
        r"(?:oops-)?bapi|idocs?|ale\s*/\s*idocs|nwds|solution manager|abap\s+hr",
        r"netweaver" + V,
        r"(?:oracle\s+)?(?:hyperion|essbase|e-?business suite|ebusiness|ebs|apps|applications)" + V,
        r"(?:oracle\s+)?(?:fusion applications?|crm|flexcube|banking platform|peoplesoft|jd edwards|siebel)" + V,
        r"ariba|peoplesoft|jd\s*edwards|workday|netsuite|great plains|navision|nav/bc",
        r"(?:microsoft[\s-]*)?dynamics(?:[\s-]*(?:ax|nav|gp|365|crm|bc|nav/bc|erp))*",
        r"(?:ibm\s+)?maximo|servicenow|erviceNow|zendesk|freshdesk|cherwell|hp service manager",
        r"(?:remedy|bomgar)(?:\s+ticketing tool)?|microsoft icm|clickschedule|clarify|beeline",
        r"quicken|quickbooks|peachtree|sage|tally|xero|accountcom|abernathy systems|tritek|immforms",
        r"westlaw|lexis\s*-?\s*nexis|pacer|concordance|lextranet|introspect|legal solutions",
        r"erp|crm|mrp|plm|(?:aras\s+)?plm|hris|epos|pos",
    ],
    "engineering-package": [
        r"(?:autodesk\s+)?auto\s*cad" + V,
        r"cad|cam|cae|cad design tools|napkin-cad|math\s*cad|mathematica",
        r"solid\s*works|catia|creo|pro\s*/?\s*e(?:/creo)?|proe/creo|nx(?:\s*cam)?\s*\d*|nx\d+|cam\s*works|bob\s*cad",
        r"inventor|revit|microstation|orcad|altium|eagle|cadence|mentor graphics|spice tools|p?spice|multisim",
        r"arc\s*gis|qgis|mapinfo|erdas|envi|gis|geospatial",
        r"ansys|comsol|abaqus|nastran|hypermesh|fem(?:/fea)?|fea|cfd|labview|simulink",
        r"spss|stata|e\s*views|minitab|@\s*risk|vose|gnuplot|cplex|gams|coin-or|quantrix|jmp|statistica",
        r"scada|plc|vfd|hmi|allen\s+bradley.*|slc\s*\d+|proficy.*|delta wpl soft|rslogix.*|step\s*7|wincc",
        r"xilinx|coolrunner|quartus|modelsim|vivado",
    ],
    "hardware": [
        r"pc|pocket\s*pc|embedded pc|desktops?|laptops?|tablets?|smart\s*board|kiosks?|printers?|scanners?",
        r"arm|intel\s*x?86|x86|intel mcs\s*\d+|intel|motorola.*|microchip pic|pic|m68k.*|dragonball|avr|8051",
        r"canon.*|nikon.*|dslr cameras?|gps unit|hand scanner|(?:to commodity )?ethernet hardware",
        r"cisco(?:\s+(?:asa|nexus|routers?|switches))?|cisco asa & nexus platforms",
        r"ios firewall|juniper(?:\s+firewalls and routers)?|f5(?:\s+ltm/gtm)?|broadcom|mellanox|infiniband",
        r"hardware|server hardware|raspberry pi|arduino",
    ],
    "non-technology": [
        # human languages
        r"english|german|french|spanish|italian|dutch|danish|swedish|norwegian|finnish|polish|russian",
        r"chinese|mandarin|cantonese|japanese|korean|hindi|kannada|telugu|tamil|marathi|bengali|urdu|arabic",
        r"portuguese|scandinavian languages?",
        # dates and ranges, anonymisation placeholders
        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d{4}.*",
        r"(?:<[a-z]+>\s*)+.*|.*<(?:location|organization|address|name)>.*",
        # company names on their own (their products are named separately)
        r"microsoft|apple|sun|oracle corporation|ibm|google|amazon|amazon tools|cisco|hp|dell|intel",
        # education and degrees
        r".*\b(?:degrees?|diploma|bachelors?|bachelor's|masters?|master's|ph\.?d|doctorate|m\.?sc|b\.?sc|mba)\b.*",
        r".*\b(?:ged|high school|university|academic|postdoctoral|cand\.\s*\w+)\b.*",
        r"(?:bs|ms|ba|b\.s|m\.s|b\.a)\.?(?:\s*(?:/|or|and)\s*(?:bs|ms|ba|m\.s|b\.s)\.?)*(?:\s+(?:in|of)\b.*)?",
        # academic and scientific fields (knowledge of non-software jobs)
        r".*\b(?:bio\w*|chemi\w*|genom\w*|genetic\w*|molecul\w*|protein\w*|cells?|cellular|physics|quantum)\b.*",
        r".*\b(?:neuro\w*|medic\w*|clinical|pharma\w*|drugs?|immun\w*|cancer|obstetric\w*|gynaec\w*|surgery)\b.*",
        r".*\b(?:health|offshore|wind|oil|gas|energy|turbines?|mechanical|civil|structural|electrical)\b.*",
        r".*\b(?:marine|maritime|materials?|semiconductor\w*|superconductor\w*|nano\w*)\b.*",
        r".*\b(?:crystallograph\w*|crystal growth|spectroscop\w*|psycholog\w*|cognition|cognitive (?!services)\w+)\b.*",
        r".*\b(?:music\w*|preschool|teaching|pedagog\w*)\b.*",
        r".*\b(?:economics|econometrics|mathematics|statistics|physiology|anatomy|epidemiolog\w*)\b.*",
        r".*\b(?:geograph\w*|geotechnical|metocean|concrete|bridges?|kinematics|mechatronics|hydraulics)\b.*",
        r".*\b(?:metrology|moulding|moulds?|thermal|fabrication|hazard\w*|hse)\b.*",
        r".*\b(?:computer science|information technology|information science|social science\w*|humanities)\b.*",
        # industries and business functions
        r".*\b(?:finance|financial|fixed income|trading|trade flows|retail|e-?commerce|gambling|betting)\b.*",
        r".*\b(?:casino|sports|real estate|insurance|banking|telecommunications?|television|publishing)\b.*",
        r".*\b(?:newspapers|entertainment|gaming|charity|non-profit|consumer goods|consumer electronics)\b.*",
        r".*\b(?:fmcg|food|beverage|furniture|décor|wine-industry|supply chains?|logistics|transportation)\b.*",
        r".*\b(?:procurement|legal|hr|payroll|recruiting|labour law|accounting|marketing|sales)\b.*",
        r".*\b(?:consulting|consultancy|business development|business administration|budgets?)\b.*",
        r".*\b(?:project|product|programme|stakeholder|change|risk|people|account|contract) management\b.*",
        # certifications of people (not technologies)
        r"cissp|ccnp|ccie|ccna|ccisp|pmp|prince\s*2|itil|iso\s*\d+.*|ts16949|chartered status|pe",
        r"oca|ocp|ocpjp|ocjp|scjp|scwcd|mcp|mcsd|mcse|mcsa|mcts|rhce|rhcsa|comptia.*|[a-z]+ certified.*",
        # generic words and phrases that name no particular technology
        r"used|exposure|internet|e-?mail|computers?|computer literacy|technical\s+language|programs|packages",
        r"tools|compilers|debuggers|emulators|assemblers|terminal|designer|project|data|web|apps?|systems?",
        r"software|database|databases|dbms|sdk|api|apis|cms|bi|web server|operations|incident management",
        r"trends?|technology|information|research|science|sciences|engineering|business|management",
        r"process|production|training|setup|delivery|distribution|efficiency|maintainability|availability",
        r"resilien(?:ce|cy)|scalability|scale|performance|native|mobile|backend|frontend|front-end|back-end",
        r"full-?stack|server-side|client-side|v\d+|us\?|\.|hvac tech|black box|test utility",
        r"testing|tests?|automation|automated|cloud|security|architecture|design|continuous improvement|scripting",
    ],
}

EXCLUDED: dict[str, tuple[re.Pattern[str], ...]] = {
    cat: tuple(re.compile(p, re.IGNORECASE) for p in pats) for cat, pats in _EXCLUDED_SOURCE.items()
}

#: A part made only of these words (and stop words) names no particular technology:
#: "software development", "web applications", "modern programming languages".
_GENERIC_TEXT = (
    "a an and or of in on for to the with at by as from its all any "
    "software development develop developing developer developers engineering engineer engineers design designs "
    "designing implementation implementing implementations "
    "application applications app apps web website websites system systems solution solutions "
    "technology technologies technological tech technical modern new best practice practices practise principles "
    "process processes methodology methodologies method methods tools tooling tool toolset toolsets environment "
    "environments production infrastructure platform platforms product products data management analysis "
    "analytics performance scalability quality lifecycle life cycle programming languages "
    "language frameworks framework libraries library stack stacks ecosystem concepts techniques skills "
    "knowledge understanding experience standards standard industry industry-wide wide trends level large "
    "scale high-level low-level cloud-based based enterprise enterprise-level digital online internal "
    "operations operational support maintenance deployment deployments release releases delivery deliver "
    "integration integrations improvement strategy strategies planning documentation coding "
    "solutioning requirements requirement gathering specification specifications projects project "
    "domain various other related relevant different key core common general advanced complex "
    "solutions approach approaches team teams work working workflows workflow full sdlc"
)
GENERIC_WORDS: frozenset[str] = frozenset(_GENERIC_TEXT.split())

_SPLIT_RE = re.compile(r"\s*(?:/|,|;|&|\band\b|\bor\b|\+(?=\s))\s*", re.IGNORECASE)
# Leading "." is kept (".NET", ".asp"); brackets are stripped only when unbalanced.
_LEAD = " \t\r\n\f\v*•·\u2022\u200b\u0095;:,-–—|?!\"'"
_TRAIL = _LEAD + "."
_WS_RE = re.compile(r"\s+")
_HYPHEN_BREAK_RE = re.compile(r"(\w)- (\w)")
_TRAILING_JUNK = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or", "the", "to", "we", "with"]
)
_WORD_RE = re.compile(r"[a-z0-9][a-z0-9+#\-]*")


def clean_label(text: str) -> str:
    """A label with whitespace collapsed and surrounding punctuation and function words stripped.

    Labels span line breaks, and some annotated spans run into the next sentence by one
    word ("NoSQL In", "Kanban We"): a label never ends in a function word.

    >>> clean_label(" Mule\\nESB ) "), clean_label("Amazon Web Services (AWS)"), clean_label(".NET")
    ('Mule ESB', 'Amazon Web Services (AWS)', '.NET')
    """
    label = _HYPHEN_BREAK_RE.sub(r"\1-\2", _WS_RE.sub(" ", text))
    while True:
        before = label
        label = label.lstrip(_LEAD).rstrip(_TRAIL)
        for open_, close in ("()", "[]", "{}"):
            if label.endswith(close) and label.count(close) > label.count(open_):
                label = label[:-1]
            if label.startswith(open_) and label.count(open_) > label.count(close):
                label = label[1:]
        words = label.rsplit(" ", 1)
        if len(words) == 2 and words[1].casefold() in _TRAILING_JUNK:
            label = words[0]
        if label == before:
            return label


def _parts(label: str) -> list[str]:
    # "C/C++", "PL/SQL", "TCP/IP", "CI/CD" and friends are one technology: split only
    # on separators between longer names; a part of one or two letters rejoins.
    pieces = [clean_label(p) for p in _SPLIT_RE.split(label)]
    pieces = [p for p in pieces if p]
    if any(len(p) <= 3 for p in pieces) and "/" in label:
        return [label]
    return pieces or [label]


def _part_category(part: str) -> str | None:
    for category, patterns in EXCLUDED.items():
        if any(p.fullmatch(part) for p in patterns):
            return category
    words = _WORD_RE.findall(part.casefold())
    if words and all(w in GENERIC_WORDS for w in words):
        return "non-technology"
    if not any(ch.isalpha() for ch in part):
        return "non-technology"
    return None


def excluded_category(label_text: str) -> str | None:
    """The excluded category a label falls into, or None when it is in scope.

    A label naming several tools is excluded only when all of them are, and then
    gets the category of its first part.

    >>> excluded_category("Microsoft Office 2010"), excluded_category("Jira/Confluence")
    ('office', None)
    """
    label = clean_label(label_text)
    if not label:
        return "non-technology"
    whole = _part_category(label)
    if whole is not None:
        return whole
    categories = [_part_category(p) for p in _parts(label)]
    if all(c is not None for c in categories):
        return categories[0]
    return None


def in_scope(label_text: str) -> bool:
    """Whether a gold label names a technology a backend-engineering taxonomy should know.

    True unless the label is office/productivity software, a graphics/media package,
    a social network or marketing/CRM SaaS, an ERP/business suite, a CAD/GIS/engineering
    or statistics package, hardware, or no technology at all (see the module docstring).

    >>> in_scope("Kubernetes"), in_scope("Photoshop"), in_scope("English")
    (True, False, False)
    """
    return excluded_category(label_text) is None


def split_by_scope(labels: Iterable[str]) -> tuple[list[str], list[str]]:
    """(in scope, out of scope) labels, each in the order given."""
    inside: list[str] = []
    outside: list[str] = []
    for label in labels:
        (inside if in_scope(label) else outside).append(label)
    return inside, outside


def skillspan_sources(root: Path, split: str) -> dict[int, str]:
    """Posting idx -> ``"tech"`` or ``"house"`` for one SkillSpan split under the corpora folder."""
    path = root / "skillspan" / f"postings_{split}.jsonl"
    with path.open(encoding="utf-8") as fh:
        return {int(d["idx"]): str(d["source"]) for d in map(json.loads, fh)}


def skillspan_in_scope(span: str, source: str) -> bool:
    """Whether a SkillSpan knowledge span counts: from a "tech" posting and :func:`in_scope`.

    >>> skillspan_in_scope("Kubernetes", "tech"), skillspan_in_scope("Python", "house")
    (True, False)
    """
    return source == "tech" and in_scope(span)
