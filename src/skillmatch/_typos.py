"""Misspelled skill names ("Kubernets", "Postgress", "Javascipt"), found cheaply and safely.

Running rapidfuzz over every word of a CV costs more than the whole rest of extraction,
so typos are looked for only among the few tokens nothing else explained: tokens of five
or more letters that are neither a taxonomy word nor an English word (SCOWL) nor a token
already known to be neither. A deletion-neighbourhood index (every form key and its
one-letter deletions) proposes candidates in a few dictionary lookups; rapidfuzz checks
the edit distance and scores the similarity.

Guard rails: only forms of five or more letters, never forms flagged ambiguous or
case-sensitive, never an English word ("scale" is not Scala, "trust" is not Rust), the
first letter must agree, at most one edit (two for tokens of nine letters or more), and a
token as close to two different skills is left alone (Java/JavaScript). The edits must
look like slips of the hand: a letter left out, doubled or added, two letters swapped, or
one vowel for another ("RTKernal"). A consonant written for another makes a different
word far more often than a typo ("Regis", "Tisco", "Lucent", "DirecTV", "informatics"
are names and words, not Redis, TIBCO, Lucene, DirectX, Informatica). The matcher then
treats a typo like an ambiguous form: it counts only with technical context around it
("expats" in a paragraph about visas is not Expat).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib.resources import files

__all__ = ["TypoIndex", "common_words", "english_words"]

#: A cache of tokens known not to be typos grows up to this size per extractor.
_MAX_SEEN = 200_000


@lru_cache(maxsize=1)
def _word_lists() -> tuple[frozenset[str], frozenset[str]]:
    data = (files("skillmatch") / "_data" / "english-words.txt.gz").read_bytes()
    words = gzip.decompress(data).decode("ascii").split()
    common = frozenset(w for w in words if w.islower())
    names = frozenset(w.lower() for w in words if not w.islower())
    return common, names


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words and names of three or more letters (SCOWL, see ``_data/english-words.NOTICE``)."""
    common, names = _word_lists()
    return common | names


def common_words() -> frozenset[str]:
    """Lower-case English words that are not only names ("python", "scale"; not "kafka")."""
    return _word_lists()[0]


_GLUE = ("of", "in", "on", "to", "and", "the", "for", "with", "a")


def _glued(token: str, known: set[str]) -> bool:
    return any(token.startswith(w) and token[len(w) :] in known for w in _GLUE)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_VOWELS = frozenset("aeiou")


def _slip(token: str, target: str) -> bool:
    """Whether ``token`` differs from ``target`` only by slips of the hand (see the module docstring)."""
    from rapidfuzz.distance import Levenshtein

    for op in Levenshtein.editops(token, target):
        if op.tag != "replace":
            continue
        a, b = token[op.src_pos], target[op.dest_pos]
        # a consonant for another: only as half of two swapped letters ("Andriod")
        if not (a in _VOWELS and b in _VOWELS) and not _swapped(token, target, op.src_pos):
            return False
    return True


def _swapped(token: str, target: str, pos: int) -> bool:
    return any(
        0 <= i < len(token) - 1 and i < len(target) - 1 and token[i] == target[i + 1] and token[i + 1] == target[i]
        for i in (pos - 1, pos)
    )


class TypoIndex:
    """Proposes and verifies typo matches of long taxonomy forms."""

    def __init__(self, targets: Mapping[str, str], known: Iterable[str]) -> None:
        #: form key -> skill id; only forms long and distinctive enough to correct
        self._targets = dict(targets)
        self._index: dict[str, list[str]] = {}
        for key in self._targets:
            for variant in {key} | _deletions(key):
                self._index.setdefault(variant, []).append(key)
        # Taxonomy words and English words are never typos; the set grows with tokens
        # found not to be typos, so each distinct token is looked up once.
        self._known: set[str] = set(known) | english_words()
        self._limit = len(self._known) + _MAX_SEEN
        self._found: dict[str, tuple[str, str, float] | None] = {}

    def find(self, key: str) -> list[tuple[int, int, str, float, str]]:
        """(start, end, skill id, similarity, target key) of every typo in a key string."""
        tokens = set(key.split("\x01"))
        tokens.difference_update(self._known)
        out: list[tuple[int, int, str, float, str]] = []
        for token in tokens:
            if not (5 <= len(token) <= 24 and token.isalpha()):
                continue
            if _glued(token, self._known):
                continue  # "ofdata", "inpython": a word run together with the next one
            if token in self._found:
                match = self._found[token]
            else:
                match = self._lookup(token)
                if match is None and len(self._known) < self._limit:
                    self._known.add(token)
                elif match is not None:
                    self._found[token] = match
            if match is None:
                continue
            skill_id, target, similarity = match
            pattern = re.compile(r"(?<![^\x01])" + re.escape(token) + r"(?![^\x01])")
            out.extend((m.start(), m.end(), skill_id, similarity, target) for m in pattern.finditer(key))
        out.sort()
        return out

    def _lookup(self, token: str) -> tuple[str, str, float] | None:
        from rapidfuzz.distance import OSA  # the one module that uses rapidfuzz

        candidates: set[str] = set()
        for variant in {token} | _deletions(token):
            candidates.update(self._index.get(variant, ()))
        if not candidates:
            return None
        limit = 2 if len(token) >= 9 else 1
        best: list[tuple[int, float, str]] = []
        for target in candidates:
            if target[0] != token[0] or target == token:
                continue
            distance = OSA.distance(token, target, score_cutoff=limit)
            if distance > limit or not _slip(token, target):
                continue
            best.append((distance, 100 * OSA.normalized_similarity(token, target), target))
        if not best:
            return None
        best.sort(key=lambda b: (b[0], -b[1]))
        distance, similarity, target = best[0]
        skills = {self._targets[t] for d, _, t in best if d == distance}
        if len(skills) > 1:
            return None  # as close to two skills: which one was meant is a guess
        return self._targets[target], target, round(similarity, 1)
