"""Find every place a text names a taxonomy skill, and decide which of them count.

Dictionary matching finds candidates; context decides. :class:`SkillExtractor` is built
once per taxonomy (use :func:`get_extractor`, which caches one) and then runs in three
steps over each text:

1. **Candidates**, one pass over the whole text. The text is mapped, one character for
   one character, to a *key string*: ASCII letters lower-cased and every separator
   (space, punctuation, newline) replaced by ``\\x01``. An Aho-Corasick automaton
   (pyahocorasick) holds every surface form as ``\\x01`` + its tokens, in each spelling
   the taxonomy's ``norm_key`` treats as equal ("Node.js", "node js", "NodeJS"; "MongoDB",
   "Mongo DB"), so a hit always starts on a token boundary and maps back to the original
   text without an index table. Hits must end on a boundary (or before a version written
   into the token: "html5", "python3"), and may cross only a single light separator
   (space, ".", "-", "/", "_"), never a newline, comma or sentence end.
2. **Context** (:mod:`skillmatch.context`), only for the few candidates that need it:
   forms flagged ambiguous ("Go", "Chef", "Oracle", "Spring") count only with technical
   evidence and are rejected inside names, places, dates, grades and URLs; negation and
   hedging cues are read around the mentions that have them.
3. **Typos**, only for the handful of tokens nothing explained: a deletion-neighbourhood
   index proposes forms, rapidfuzz scores them, and ordinary English words never qualify.

Every candidate becomes a :class:`~skillmatch.models.Mention` with its reason, credited or
not, so a user can see why a skill counted.

>>> from skillmatch.matcher import get_extractor
>>> from skillmatch.taxonomy import load_taxonomy
>>> ex = get_extractor(load_taxonomy())
>>> [(m.skill_id, m.text) for m in ex.find("Skills: Node.js, Mongo DB, Kubernets") if m.credited]
[('nodejs', 'Node.js'), ('mongodb', 'Mongo DB'), ('kubernetes', 'Kubernets')]
"""

from __future__ import annotations

import bisect
import codecs
import re
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Literal

from . import context as ctx
from ._typos import TypoIndex, common_words
from .models import Mention, Role, Section
from .sections import find_sections
from .taxonomy import Taxonomy, norm_key

__all__ = ["Kind", "SkillExtractor", "get_extractor", "key_string"]

Kind = Literal["cv", "job"]

# -- the key string ------------------------------------------------------------------

#: ASCII characters that separate tokens. Everything else ASCII (letters, digits, "+",
#: "#", "&", "@", "$", "%") is part of a token, so "C++", "C#", "R&D" and e-mail
#: addresses stay whole.
_GAP_ASCII = " \t\n\r\x0b\x0c.,;:!?()[]{}<>\"'`|\\/_-*=~^"
#: The separators a multi-token form may cross: exactly one of these between two tokens.
LIGHT = " .-/_"
_GAP = "\x01"
_OTHER_LETTER = "\x02"  # a non-ASCII letter: part of a token, never part of a pattern


def _key_table() -> bytes:
    table = bytearray(range(256))
    for c in _GAP_ASCII:
        table[ord(c)] = 1
    for upper in range(ord("A"), ord("Z") + 1):
        table[upper] = upper + 32
    return bytes(table)


_KEY_TABLE = _key_table()


def _non_ascii(err: UnicodeError) -> tuple[str, int]:
    # Called once per run of non-ASCII characters (a few per CV): letters stay inside
    # their token, bullets, dashes and curly quotes separate tokens. One character in,
    # one character out, so offsets into the key string are offsets into the text.
    assert isinstance(err, UnicodeEncodeError)
    run = err.object[err.start : err.end]
    return "".join(_OTHER_LETTER if c.isalnum() else _GAP for c in run), err.end


codecs.register_error("skillmatch-key", _non_ascii)


def key_string(text: str) -> str:
    """The text as the automaton reads it: same length, lower-case, separators as ``\\x01``.

    >>> key_string("Node.js • C++")
    'node\\x01js\\x01\\x01\\x01c++'
    """
    return text.encode("ascii", "skillmatch-key").translate(_KEY_TABLE).decode("ascii")


# -- patterns --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Form:
    """One surface form of the taxonomy and the flags the matcher needs."""

    skill_id: str
    text: str
    key: str  # norm_key of the form
    ambiguous: bool
    case_sensitive: bool
    needs_dot: bool  # ".NET": the text must have the dot
    squeezed: str  # the form without separators, case kept: "Go", "NodeJS"
    version_tail: bool  # a version may follow inside the token ("html5")
    #: The form is also an English word and the skill's name is capitalised ("Python",
    #: "Java", "React"): written in lower case in prose it is probably the word.
    plain_word: bool = False
    #: The form is an acronym of capitals ("JOSE", "AMI", "MOM").
    acronym: bool = False
    #: The skill's own name is written in lower case ("pandas", "asyncio").
    lower_name: bool = False
    is_name: bool = False  # the skill's name rather than one of its aliases


@dataclass(frozen=True, slots=True)
class _Pattern:
    form: _Form
    length: int  # characters of text the pattern covers
    #: (offset, characters allowed there) for each separator the pattern crosses
    gaps: tuple[tuple[int, str], ...]
    split: int  # >0: an extra split the form does not have ("Mongo DB"), at this offset
    variant: bool  # spelled differently from the form ("NodeJS" for "Node.js")
    camel: bool = False  # the split falls where the name changes case ("Web logic")


_VERSION_TAIL_RE = re.compile(r"\d+(?:\.\d+)*[a-z]{0,2}(?=\x01|$)")
_VERSION_AFTER_RE = re.compile(
    r"(?:[ \t]?-?[ \t]?v\.?|[ \t]|-)?(?P<v>\d+(?:\.\d+)*(?:\.x)?(?:[a-zA-Z]{1,2})?\+?)(?![\w#])"
    r"(?![ \t]*\+?[ \t]*(?:years?|yrs?|months?|mos?|yoe|weeks?|days?)\b)",
    re.IGNORECASE,
)
_FUNCTION_WORDS = frozenset(
    str.split(
        "a an the is in on at to of as be it or and no so do if by we my up go me us he she am are was"
        " for not but all can has had his her its our out you any"
    )
)


def _tokens(form: str) -> tuple[list[str], list[str]]:
    """(tokens, separators between them) of a form in key space."""
    key = key_string(form)
    tokens: list[str] = []
    gaps: list[str] = []
    pos = 0
    for m in re.finditer(r"[^\x01]+", key):
        if tokens:
            gaps.append(form[pos : m.start()])
        tokens.append(m.group())
        pos = m.end()
    return tokens, gaps


def _variants(form: _Form, tokens: list[str], seps: list[str]) -> Iterator[tuple[str, _Pattern]]:
    """Every spelling of a form the automaton should find, with its pattern record."""
    n_gaps = len(seps)
    choices: list[tuple[bool, ...]]
    if n_gaps <= 3:
        choices = list(product((True, False), repeat=n_gaps))
    else:
        choices = [(True,) * n_gaps, (False,) * n_gaps]
    for keep in choices:
        for double_dot in (False, True):
            if double_dot and not any(k and s == "." for k, s in zip(keep, seps, strict=True)):
                continue
            parts = [tokens[0]]
            gaps: list[tuple[int, str]] = []
            pos = len(tokens[0])
            for k, sep, tok in zip(keep, seps, tokens[1:], strict=True):
                if k:
                    allowed = LIGHT + ("" if len(sep) != 1 or sep in LIGHT else sep)
                    if double_dot and sep == ".":
                        # "ASP .NET", "VB .NET": a space before the dot
                        parts.append(_GAP * 2)
                        gaps.append((pos, " "))
                        gaps.append((pos + 1, "."))
                        pos += 2
                    else:
                        parts.append(_GAP)
                        gaps.append((pos, allowed))
                        pos += 1
                parts.append(tok)
                pos += len(tok)
            variant = all(keep) and not double_dot
            yield "".join(parts), _Pattern(form, pos, tuple(gaps), 0, not variant)
    if form.case_sensitive or form.ambiguous:
        return
    # One extra split where the name changes case or turns to digits ("Web logic" for
    # WebLogic, "Java Script", "Trace 32"), in any token of the form.
    camel = {i for i in _camel_cuts(form.text) if 2 <= i <= len(form.text) - 2}
    key = key_string(form.text)
    for cut in sorted(camel):
        if key[cut - 1] == _GAP or key[cut] == _GAP:
            continue
        split_key = key[:cut] + _GAP + key[cut:]
        spelled = re.sub("\x01+", _GAP, split_key.strip(_GAP))
        offset = spelled.index(_GAP + key[cut:].lstrip(_GAP).split(_GAP)[0], max(0, cut - 1 - key[:cut].count(_GAP)))
        split_gaps = tuple((m.start(), LIGHT) for m in re.finditer(_GAP, spelled))
        yield spelled, _Pattern(form, len(spelled), split_gaps, offset, True, True)
    # Elsewhere inside a one-token form, under stricter checks: "Mongo DB", "Postgre SQL".
    if n_gaps == 0 and len(tokens[0]) >= 5:
        tok = tokens[0]
        for i in range(2, len(tok) - 1):
            if i in camel:
                continue
            if (tok[i - 1].isalpha() and tok[i].isalpha()) or tok[i - 1].isdigit() != tok[i].isdigit():
                yield tok[:i] + _GAP + tok[i:], _Pattern(form, len(tok) + 1, ((i, LIGHT),), i, True)


def _camel_cuts(text: str) -> list[int]:
    """Offsets where a name changes case or turns to digits: Web|Logic, MQ|Series, Trace|32."""
    cuts = []
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if (
            (a.islower() and b.isupper())
            or (a.isupper() and b.isupper() and nxt.islower())
            or (a.isalpha() and b.isdigit())
        ):
            cuts.append(i)
    return cuts


# -- the extractor -----------------------------------------------------------------------


@dataclass(slots=True)
class _Hit:
    """A candidate mention while the extractor works on it."""

    start: int
    end: int
    pattern: _Pattern | None  # None for typo matches
    skill_id: str
    version: str | None = None
    version_end: int = 0  # end of the version text, for list adjacency
    method: str = "exact"
    confidence: float = 1.0
    reason: str = ""
    similarity: float | None = None
    accepted: bool = True
    ambiguous: bool = False  # counts only with context
    flagged: bool = False  # ambiguous in the taxonomy, and its name is not lower-case ("Spring")
    tags_only: bool = False  # written in the wrong case: counts only in a line of tags
    negated: bool = False
    hedged: bool = False


class SkillExtractor:
    """Finds skill mentions in CV and job text; build once per taxonomy and reuse.

    >>> from skillmatch.taxonomy import load_taxonomy
    >>> ex = SkillExtractor(load_taxonomy())
    >>> [m.skill_id for m in ex.find("Built APIs in Go 1.21 and Python 3.11") if m.credited]
    ['go', 'python']
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        import ahocorasick  # the one module that uses it; light, but only needed here

        self.taxonomy = taxonomy
        self._patterns: list[_Pattern] = []
        automaton = ahocorasick.Automaton()
        seen: dict[str, int] = {}
        #: every token of every form, and every form key: never a typo
        self._form_words: set[str] = set()
        self._keys: dict[str, str] = {}  # norm_key -> skill id
        fuzzy_targets: dict[str, str] = {}
        english = common_words()
        self._form_by_key: dict[str, _Form] = {}
        for sf in taxonomy.surface_forms():
            key = norm_key(sf.text)
            tokens, seps = _tokens(sf.text)
            if not tokens:
                continue
            self._keys.setdefault(key, sf.skill_id)
            self._form_words.update(tokens)
            self._form_words.add(key)
            squeezed = "".join(c for c in sf.text if c not in _GAP_ASCII)
            form = _Form(
                skill_id=sf.skill_id,
                text=sf.text,
                key=key,
                ambiguous=sf.ambiguous,
                case_sensitive=sf.case_sensitive,
                needs_dot=sf.text.startswith("."),
                squeezed=squeezed,
                version_tail=not tokens[-1][-1].isdigit() and len(key) >= 3 and not sf.ambiguous,
                plain_word=key in english and not taxonomy[sf.skill_id].name.islower(),
                acronym=2 <= len(sf.text) <= 5 and sf.text.isalpha() and sf.text.isupper(),
                lower_name=taxonomy[sf.skill_id].name.islower(),
                is_name=sf.is_name,
            )
            self._form_by_key.setdefault(key, form)
            # A form that cannot run on into a version ("C", "Go", "R") must end on a
            # separator: the automaton then never stops on every "c" that starts a word.
            close = _GAP if not form.version_tail else ""
            for variant, pattern in _variants(form, tokens, seps):
                word = _GAP + variant + close
                if word in seen:
                    old = self._patterns[seen[word]]
                    # Keep the form as written over a spelling variant or a split.
                    if (old.split, old.variant) <= (pattern.split, pattern.variant):
                        continue
                    self._patterns[seen[word]] = pattern
                    automaton.add_word(word, seen[word])
                    continue
                seen[word] = len(self._patterns)
                self._patterns.append(pattern)
                automaton.add_word(word, seen[word])
            if len(tokens) == 1 and len(key) >= 5 and key.isalpha() and not sf.ambiguous and not sf.case_sensitive:
                fuzzy_targets.setdefault(key, sf.skill_id)
        for trigger in ctx.FOREIGN_TRIGGERS:
            word = _GAP + key_string(trigger)
            if word not in seen:  # a negative value: the trigger's length, not a pattern
                automaton.add_word(word, -len(trigger))
        #: patterns that are also cue words ("basic" is BASIC): their hits are cues too
        self._cue_patterns: frozenset[int] = frozenset(
            seen[_GAP + cue + _GAP] for cue in ctx.CUE_WORDS if _GAP + cue + _GAP in seen
        )
        for cue in ctx.CUE_WORDS:
            word = _GAP + cue + _GAP
            if word not in seen:  # below -10000: a negation or hedging cue word
                automaton.add_word(word, _CUE_BASE - len(cue))
        automaton.make_automaton()
        self._automaton = automaton
        # "Java/J2EE", "C#.NET", "UNIX/Linux": aliases of one skill that name two. A match
        # is credited as its parts, so both skills count.
        self._composites: set[tuple[str, str]] = set()
        for form in self._form_by_key.values():
            parts = self._parts(form.text)
            if (
                parts
                and form.skill_id in {f.skill_id for _, _, f in parts}
                and len({f.skill_id for _, _, f in parts}) > 1
            ):
                self._composites.add((form.skill_id, form.text))
        # Skills linked in the taxonomy (parent, child, related): two ambiguous forms of
        # linked skills listed together support each other ("Elixir and Phoenix").
        self._linked: set[tuple[str, str]] = set()
        self._parents: dict[str, tuple[str, ...]] = {skill.id: skill.parents for skill in taxonomy}
        #: skill id -> the skills the taxonomy calls related (both ways): similar, not the same
        self._related: dict[str, set[str]] = {}
        for skill in taxonomy:
            for other in skill.related:
                self._related.setdefault(skill.id, set()).add(other)
                self._related.setdefault(other, set()).add(skill.id)
        self._categories: dict[str, str] = {skill.id: skill.category for skill in taxonomy}
        for skill in taxonomy:
            for other in (*skill.parents, *skill.related):
                self._linked.add((skill.id, other))
                self._linked.add((other, skill.id))
        self._vocab = ctx.Vocabulary(
            concepts=frozenset(skill.id for skill in taxonomy if _is_concept(skill.name, skill.category, english)),
            methods=frozenset(skill.id for skill in taxonomy if skill.category == "practice"),
            ancestors={skill.id: frozenset(taxonomy.ancestors(skill.id)) for skill in taxonomy},
            words={
                skill.id: frozenset(w for form in skill.forms for w in re.findall(r"[a-z]+", form.lower()))
                for skill in taxonomy
            },
        )
        self._words = frozenset(self._form_words)
        self._key_set = frozenset(self._keys)
        self._typos = TypoIndex(fuzzy_targets, self._words)

    # -- public ---------------------------------------------------------------------
    def find(
        self,
        text: str,
        sections: Sequence[Section] | None = None,
        *,
        kind: Kind = "cv",
        roles: Sequence[Role] = (),
    ) -> list[Mention]:
        """Every mention in ``text``, credited or not, in text order, each with its reason.

        ``sections`` are the text's sections (found with :func:`find_sections` when None);
        ``kind="job"`` reads the text as a job ad (requirement phrasing, tag lines);
        ``roles`` (from :func:`~skillmatch.timeline.find_roles`) attach each mention inside
        a dated role to it (``Mention.role`` is the index into ``roles``).
        """
        if kind not in ("cv", "job"):
            raise ValueError(f"kind must be 'cv' or 'job', not {kind!r}")
        if not text:
            return []
        if sections is None:
            sections = find_sections(text)
        key = key_string(text)
        page = ctx.Page(text, key, sections, kind, self._vocab)
        hits = self._candidates(text, key, page)
        typos = self._typo_hits(text, key, hits, page)
        if typos:
            hits.extend(typos)
            hits.sort(key=lambda h: h.start)
        ctx.judge(page, hits, self._key_set, self._linked, self._categories)
        ctx.apply_cues(page, hits)
        role_starts = [r.block_start for r in roles]
        mentions = []
        for h in hits:
            role: int | None = None
            if roles:
                i = bisect.bisect_right(role_starts, h.start) - 1
                if i >= 0 and h.start < roles[i].block_end:
                    role = i
            mentions.append(self._mention(h, page, role))
        return mentions

    # -- steps ------------------------------------------------------------------------
    def _candidates(self, text: str, key: str, page: ctx.Page) -> list[_Hit]:
        n = len(text)
        patterns = self._patterns
        triggers = page.triggers
        found: list[tuple[int, int, _Pattern, str | None, bool]] = []
        # The automaton reads "\x01" + key so a form at the very start has its boundary.
        cues = page.cues
        cue_patterns = self._cue_patterns
        for last, index in self._automaton.iter(_GAP + key + _GAP):
            if index < 0:
                if index > _CUE_BASE:
                    triggers.append(last + index)
                else:
                    cues.append(last - 1 - (_CUE_BASE - index))  # value = _CUE_BASE - length
                continue
            p = patterns[index]
            if index in cue_patterns:
                cues.append(last - 1 - p.length)
            end = last  # last is an index into "\x01"+key+"\x01", so it is the end in text
            closed = not p.form.version_tail
            if closed:
                end -= 1  # the pattern ends with the separator after the form
            start = end - p.length
            tail: str | None = None
            if not closed and end < n and key[end] != _GAP:
                if not (p.form.version_tail and key[end].isdigit()):
                    continue
                m = _VERSION_TAIL_RE.match(key, end)
                if m is None:
                    continue
                tail = m.group()
            if p.gaps and not all(text[start + off] in allowed for off, allowed in p.gaps):
                continue
            form = p.form
            if form.needs_dot and not _dot_before(text, start):
                continue
            loose_case = False
            if form.case_sensitive and not self._case_ok(text, start, end, form):
                # "go" in a line of lower-case technology tags ("react nodejs go"): kept,
                # and counted only if the line turns out to be such a line.
                if not text[start:end].islower():
                    continue
                loose_case = True
            if p.split and not self._split_ok(text, start, end, p.split, p.camel):
                continue
            found.append((start, end, p, tail, loose_case))
        # Leftmost-longest: "Spring Boot" over "Spring", "SQL Server" over "SQL".
        found.sort(key=lambda f: (f[0], f[0] - f[1], f[2].split, f[2].variant))
        hits: list[_Hit] = []
        last_end = -1
        for start, end, p, tail, loose_case in found:
            if start < last_end:
                continue
            last_end = end
            written = text[start:end]
            ambiguous = (
                p.form.ambiguous
                or loose_case
                or (p.form.plain_word and written.islower())
                # an acronym written as a word: "Jose" is not JOSE, "Ami" is not AMI
                or (p.form.acronym and written[:1].isupper() and written[1:].islower())
            )
            if p.form.needs_dot:
                # ".NET": the dot the form requires is part of the mention (". NET" too).
                start -= 1 if text[start - 1] == "." else 2
            hit = _Hit(start, end, p, p.form.skill_id, ambiguous=ambiguous)
            hit.flagged = p.form.ambiguous and not p.form.lower_name
            hit.tags_only = loose_case
            if p.split or p.variant:
                hit.method = "variant"
                hit.confidence = 0.95
                hit.reason = f"spelling variant of {p.form.text!r}"
            else:
                hit.reason = "exact match"
            if _ID_AFTER_RE.match(text, end):
                continue  # "IIS-9874747": a grant or part number
            if text[end : end + 2] == "\\x" and _ESCAPED_LETTER_RE.match(text, end):
                continue  # "R\\xc3\\xa9sum\\xc3\\xa9": part of a word whose letters were escaped
            if start >= 8 and text[start - 1] != " " and _ESCAPED_LETTER_RE.match(text, start - 8):
                continue
            if tail is not None:
                hit.version = tail
                hit.version_end = end + len(tail)
            else:
                m = _VERSION_AFTER_RE.match(text, end)
                if m is not None and not _looks_like_list_number(text, m):
                    hit.version = m["v"]
                    hit.version_end = m.end()
            if not hit.version_end:
                hit.version_end = end
            if (p.form.skill_id, p.form.text) in self._composites:
                hits.extend(self._split_composite(text, hit))
            else:
                hits.append(hit)
                if p.split == 0 and " " in text[start:end]:
                    hits.extend(self._named_inside(text, hit, p.form))
        return hits

    def _named_inside(self, text: str, hit: _Hit, form: _Form) -> list[_Hit]:
        """Skills a multi-word match names inside it: "AWS" in "AWS Lambda", "Spring" in
        "Spring MVC", "microservices" in "Spring Boot microservices".

        The longest leading and the longest trailing words that are a form of another skill
        count as mentions of that skill (an ambiguous form only when it names a parent of
        the matched skill: "Spring" in "Spring MVC", never "Go" in "Go Kit").
        """
        written = text[hit.start : hit.end]
        cuts = [m.start() for m in re.finditer(" ", written)]
        parents = self._parents.get(form.skill_id, ())
        out: list[_Hit] = []
        taken = 0
        for i in reversed(range(len(cuts))):  # the longest prefix first
            sub = self._sub_form(text, hit.start, hit.start + cuts[i], form, parents)
            if sub is not None:
                out.append(sub)
                taken = hit.start + cuts[i]
                break
        for cut in cuts:  # the longest suffix first
            if hit.start + cut + 1 < taken:
                continue
            sub = self._sub_form(text, hit.start + cut + 1, hit.end, form, parents)
            # In a skill's own name the last words are part of it ("Amazon Web Services"),
            # unless they name its parent ("Linux" in "Embedded Linux").
            if sub is not None and (
                not form.is_name or (sub.skill_id in parents and sub.skill_id not in self._vocab.concepts)
            ):
                out.append(sub)
                break
        return out

    def _sub_form(self, text: str, start: int, end: int, form: _Form, parents: tuple[str, ...]) -> _Hit | None:
        inner = self._form_by_key.get(norm_key(text[start:end]))
        if inner is None or inner.skill_id == form.skill_id or (inner.needs_dot and text[start - 1 : start] != "."):
            return None
        if inner.ambiguous and inner.skill_id not in parents:
            return None
        if inner.case_sensitive and not self._case_ok(text, start, end, inner):
            return None
        kinds = _BRAND_INSIDE.get(self._categories.get(inner.skill_id, ""))
        if kinds is not None and self._categories.get(form.skill_id) not in kinds:
            return None  # "SQL" in "SQL Server", "Oracle" in "Oracle Reports": part of a brand
        if inner.skill_id in self._related.get(form.skill_id, ()):
            return None  # "Sybase" in "Sybase ASA" (SQL Anywhere): the vendor's other product
        sub = _Hit(start, end, None, inner.skill_id)
        sub.reason = f"exact match (named in {form.text!r})"
        sub.version_end = end
        return sub

    def _parts(self, written: str, offset: int = 0) -> list[tuple[int, int, _Form]] | None:
        """The forms a slash- or dot-joined text is made of ("C#" + ".NET"), or None."""
        if "/" not in written and "." not in written[1:]:
            return None
        out: list[tuple[int, int, _Form]] = []
        for chunk in re.finditer(r"[^/]+", written):
            form = self._form_by_key.get(norm_key(chunk.group()))
            if form is not None and "/" in written:
                out.append((offset + chunk.start(), offset + chunk.end(), form))
                continue
            # "C#.NET": split before a dot that starts a form of its own (".NET"), never
            # inside "Node.js" or "ASP.NET"
            m = re.search(r"(?<=.)\.", chunk.group())
            if m is None:
                return None
            cut = chunk.start() + m.start()
            left = self._form_by_key.get(norm_key(written[chunk.start() : cut]))
            right = self._form_by_key.get(norm_key(written[cut : chunk.end()]))
            if left is None or right is None or not right.needs_dot:
                return None
            out.append((offset + chunk.start(), offset + cut, left))
            out.append((offset + cut, offset + chunk.end(), right))
        return out if len(out) > 1 else None

    def _split_composite(self, text: str, hit: _Hit) -> list[_Hit]:
        """A composite match ("Java/J2EE") as one hit per part, or the hit itself."""
        parts = self._parts(text[hit.start : hit.end], hit.start)
        if not parts:
            return [hit]
        out = []
        for start, end, form in parts:
            if form.case_sensitive and not self._case_ok(text, start, end, form):
                continue
            part = _Hit(start, end, None, form.skill_id, ambiguous=form.ambiguous)
            part.flagged = form.ambiguous
            part.method = hit.method
            part.confidence = hit.confidence
            part.reason = f"{hit.reason} (part of {text[hit.start : hit.end]!r})"
            part.version_end = end
            out.append(part)
        if out:
            out[-1].version = hit.version
            out[-1].version_end = hit.version_end
        return out or [hit]

    @staticmethod
    def _case_ok(text: str, start: int, end: int, form: _Form) -> bool:
        written = "".join(c for c in text[start:end] if c not in _GAP_ASCII)
        if written == form.squeezed:
            return True
        # "JAVA, GO, PYTHON": an all-capitals form next to other all-capitals words.
        if written.isupper() and written == form.squeezed.upper() and len(written) > 1:
            return ctx.caps_neighbourhood(text, start, end)
        return False

    def _split_ok(self, text: str, start: int, end: int, split: int, camel: bool = False) -> bool:
        first = text[start : start + split]
        second = text[start + split + 1 : end]
        a, b = first.casefold(), second.casefold()
        if camel:
            # the name's own word boundary: only ordinary little words make it a phrase, and
            # two English words in lower case are prose ("mass transit" is not MassTransit)
            left = re.split(r"[ ./_-]", a)[-1]
            right = re.split(r"[ ./_-]", b)[0]
            if first.islower() and second.islower() and ctx.is_english(left) and ctx.is_english(right):
                return False
            return left not in _FUNCTION_WORDS and right not in _FUNCTION_WORDS
        if norm_key(a) in self._keys or norm_key(b) in self._keys:
            return True  # "My SQL", "Java Script", "Mongo DB"
        if a in _FUNCTION_WORDS or b in _FUNCTION_WORDS:
            return False  # "red is", "post in"
        if first[:1].isupper() and second[:1].isupper():
            return True  # "Type Script", "Elastic Search"
        return not (ctx.is_english(a) or ctx.is_english(b))

    def _typo_hits(self, text: str, key: str, hits: list[_Hit], page: ctx.Page) -> list[_Hit]:
        out: list[_Hit] = []
        covered = [(h.start, h.end) for h in hits]
        for start, end, skill_id, similarity, target in self._typos.find(key):
            i = bisect.bisect_right(covered, (start, end)) - 1
            if i >= 0 and covered[i][1] > start:
                continue
            if i + 1 < len(covered) and covered[i + 1][0] < end:
                continue
            if ctx.in_url(page, start) or ctx.in_name(text, start, end) or text[start:end].isupper():
                continue  # names and acronyms ("GERRIC") are not misspelled skills
            # a typo counts, like an ambiguous form, only with technical context
            hit = _Hit(start, end, None, skill_id, method="fuzzy", similarity=similarity, ambiguous=True)
            hit.confidence = round(0.9 * similarity / 100, 3)
            hit.reason = f"probable typo of {target!r} (similarity {similarity:.0f})"
            hit.version_end = end
            out.append(hit)
        return out

    def _mention(self, hit: _Hit, page: ctx.Page, role: int | None) -> Mention:
        return Mention(
            skill_id=hit.skill_id,
            start=hit.start,
            end=hit.end,
            text=page.text[hit.start : hit.end],
            section=page.section_name(hit.start),
            method=hit.method,
            confidence=hit.confidence if hit.accepted else 0.0,
            reason=hit.reason,
            similarity=hit.similarity,
            version=hit.version,
            negated=hit.negated,
            hedged=hit.hedged,
            role=role,
        )


_ID_AFTER_RE = re.compile(r"-\d{5,}")
#: A letter outside ASCII (Latin-1 and Latin Extended: "é", "ł") left as escaped UTF-8 bytes.
_ESCAPED_LETTER_RE = re.compile(r"\\x[cC][3-5]\\x[89abAB][0-9a-fA-F]")
#: A language, database or server named at the start or end of the name of a product of
#: another kind is part of that product's brand, not a use of it: "SQL" in "SQL Server",
#: "Oracle" in "Oracle Business Intelligence", "WebSphere" in "WebSphere MQ". Inside the
#: name of a product of these kinds it is: "Java" in "Java Spring", "Ruby" in "Ruby on Rails".
_BRAND_INSIDE: dict[str, frozenset[str]] = {
    "language": frozenset({"language", "framework", "library", "build", "testing", "frontend", "mobile", "tool", "os"}),
    "database": frozenset({"database", "cache", "search"}),
    "server": frozenset({"server"}),
}
_CUE_BASE = -10_000  # automaton values below this mark negation and hedging cue words
_GRADE_AFTER_RE = re.compile(r"[ \t]*(?:/[ \t]*\d|c?gpa\b|%|percent|marks\b|points\b)", re.IGNORECASE)


def _dot_before(text: str, start: int) -> bool:
    """Whether the dot of ".NET" is there: "C#.NET", ".NET 6", and the tokenised "C# . NET"."""
    if start >= 1 and text[start - 1] == ".":
        return True
    # ". Net" after a space (text tokenised word by word), but not "… income. Net profit"
    return start >= 3 and text[start - 2 : start] == ". " and text[start - 3] in " \t\n/(,"


def _looks_like_list_number(text: str, m: re.Match[str]) -> bool:
    """Whether the number after a form is a date or a count rather than a version."""
    version = m["v"]
    if version[:1] == "0" and version[1:2].isdigit():
        return True  # "Chef 01/2011": a month
    if _GRADE_AFTER_RE.match(text, m.end()):
        return True  # "MD 3.2 GPA"
    after = text[m.end() : m.end() + 4].lstrip(" ")
    # "Java 2019 - 2021", "Chef 10/2012": a date range
    return len(after) >= 2 and after[0] in "-–/" and after[1:].lstrip(" ")[:1].isdigit()


def _is_concept(name: str, category: str, english: frozenset[str]) -> bool:
    """Whether a skill names a field or a practice rather than a product, from its name.

    The taxonomy writes concepts in sentence case ("Machine learning", "Version control",
    "Database design") and products as proper names ("Spring Boot", "SQL Server"); a
    one-word concept is an English gerund or noun of action ("Monitoring", "Encryption")
    or the plural of an acronym ("IDEs").
    """
    if category == "practice" or re.fullmatch(r"[A-Z]{2,}s", name):
        return True
    words = name.replace("/", " ").split()
    if len(words) >= 2:
        first, rest = words[0], words[1:]
        return first[:1].isupper() and first[1:].islower() and all(w.islower() for w in rest)
    low = name.lower()
    return len(low) >= 7 and low.endswith(("ing", "tion", "sion")) and low in english


# -- caching ----------------------------------------------------------------------------

_EXTRACTORS: weakref.WeakKeyDictionary[Taxonomy, SkillExtractor] = weakref.WeakKeyDictionary()


def get_extractor(taxonomy: Taxonomy) -> SkillExtractor:
    """The extractor of a taxonomy, built on first use and kept while the taxonomy lives.

    >>> from skillmatch.taxonomy import load_taxonomy
    >>> get_extractor(load_taxonomy()) is get_extractor(load_taxonomy())
    True
    """
    extractor = _EXTRACTORS.get(taxonomy)
    if extractor is None:
        extractor = SkillExtractor(taxonomy)
        _EXTRACTORS[taxonomy] = extractor
    return extractor
