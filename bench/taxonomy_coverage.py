"""How much of the real technology vocabulary the taxonomy knows.

    python bench/taxonomy_coverage.py [--corpora PATH] [--taxonomy DIR] [--unresolved] [--json]

Reports, in one run:

1. **dotin Tech Tools**: the share of in-scope "Tech Tools" label strings of the 310 dotin
   training CVs that resolve, counted over distinct strings (case-folded, whitespace collapsed)
   and over label occurrences. In scope is decided by ``bench/_scope.py`` (see its docstring).
2. **SkillSpan knowledge**: the same for the knowledge spans of the SkillSpan *train*
   postings from the tech job board (``skillspan_in_scope``).
3. **awesome-devops**: the share of the tools in ``awesome_devops/tools.csv`` that resolve
   (its Books, Conferences, Blogs, DevOps Roadmap and Online Platforms rows are not tools).
4. **Linguist popular languages**: the share of the 25 languages GitHub Linguist lists in
   ``lib/linguist/popular.yml`` (the languages GitHub shows first in its language menus)
   that resolve, and of all Linguist "programming" languages that appear in the dotin or
   SkillSpan labels.

A label *resolves* when ``Taxonomy.resolve`` finds it as written; or, for "Name (ABBR)",
when either part resolves; or, for a list ("HTML/CSS", "Java, J2EE", "Windows XP/7"), when
every in-scope part resolves (a part that is only a version takes the first part's product:
"Windows NT 2000/XP"); or, for two to four space-separated words, when they split into known
forms ("Matlab OCaml"). ``--unresolved`` lists what did not, most frequent first. A
secondary dotin figure also counts labels one obvious misspelling away from a known form
("Andriod", "Durpal"): the matcher corrects those, ``resolve`` does not.
Skips cleanly (exit 0) when the corpora are absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpora import dotin_cvs, require_corpora, skillspan_postings
from _scope import clean_label, in_scope, skillspan_sources
from skillmatch.taxonomy import Taxonomy, load_taxonomy

#: GitHub Linguist's lib/linguist/popular.yml (MIT), the languages GitHub lists first.
LINGUIST_POPULAR = (
    "C", "C#", "C++", "CoffeeScript", "CSS", "Dart", "DM", "Elixir", "Go", "Groovy", "HTML", "Java", "JavaScript",
    "Kotlin", "Objective-C", "Perl", "PHP", "PowerShell", "Python", "Ruby", "Rust", "Scala", "Shell", "Swift",
    "TypeScript",
)  # fmt: skip

#: awesome-devops categories that list books, events and reading rather than tools.
NOT_TOOLS = frozenset({"Books", "Conferences", "Blogs", "DevOps Roadmap", "Online Platforms"})

_PAREN_RE = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*(?P<rest>.*)$")
_LIST_SPLIT_RE = re.compile(r"\s*(?:,|;|/|&|\band\b|\bor\b)\s*", re.IGNORECASE)
# "Windows 95/98/NT/2000/XP": the parts after the first inherit its leading word(s).
_VERSIONISH_RE = re.compile(
    r"^(?:\d[\w.]*|XP|NT|Vista|ME|CE|EE|SE|[0-9]+[a-z]|R\d|SP\d|x)(?:\s+[\d.]+)?$", re.IGNORECASE
)


def _segments_resolve(tax: Taxonomy, words: list[str]) -> bool:
    """Whether space-separated words split into known forms ("Matlab OCaml", "MS SQL Windows")."""
    if not words:
        return True
    for k in range(len(words), 0, -1):
        if tax.resolve(" ".join(words[:k])) is not None and _segments_resolve(tax, words[k:]):
            return True
    return False


def label_resolves(tax: Taxonomy, label: str) -> bool:
    """Whether a gold label names only things the taxonomy knows (see the module docstring)."""
    text = clean_label(label)
    if not text:
        return False
    if tax.resolve(text) is not None:
        return True
    m = _PAREN_RE.match(text)
    if m and not m["rest"] and (label_resolves(tax, m["outer"]) or label_resolves(tax, m["inner"])):
        return True
    parts = [clean_label(p) for p in _LIST_SPLIT_RE.split(text)]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        words = text.split()
        return 1 < len(words) <= 6 and _segments_resolve(tax, words)
    # "Windows NT 2000/2003/XP": later parts may be versions of the first part's product
    first = parts[0].split()
    heads = [" ".join(first[:k]) for k in range(len(first) - 1, 0, -1)] or [parts[0]]
    ok = True
    for k, part in enumerate(parts):
        candidates = [part]
        if k > 0 and _VERSIONISH_RE.match(part):
            candidates = [f"{head} {part}" for head in heads] + [part]
        if not in_scope(part) and not _VERSIONISH_RE.match(part):
            continue
        if not any(tax.resolve(c) is not None for c in candidates):
            ok = False
    return ok and any(in_scope(p) for p in parts)


def typo_tolerant(tax: Taxonomy, labels: list[str]) -> set[str]:
    """Labels that resolve once an obvious misspelling is corrected (secondary measure).

    A label whose normalised key has at least five characters counts when exactly one
    known form is one edit away (Damerau-Levenshtein: an insertion, deletion, substitution
    or transposition; two edits from ten characters): "Andriod", "Durpal", "graphana".
    The primary figures never use this; it shows how much of the gap is spelling.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    from skillmatch.taxonomy import norm_key

    keys = sorted({norm_key(f.text) for f in tax.surface_forms() if len(norm_key(f.text)) >= 4})
    out = set()
    for label in labels:
        key = norm_key(clean_label(label))
        if len(key) < 5:
            continue
        limit = 1 if len(key) < 10 else 2
        hits = process.extract(key, keys, scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=2)
        if len(hits) == 1:
            out.add(label)
    return out


def _share(hits: int, total: int) -> float:
    return round(100.0 * hits / total, 1) if total else 0.0


def measure(tax: Taxonomy, root: Path) -> dict[str, object]:
    # 1. dotin Tech Tools
    occurrences: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for doc in dotin_cvs(root):
        for lab in doc.of_type("Tech Tools"):
            key = " ".join(lab.text.split()).casefold()
            occurrences[key] += 1
            spelling.setdefault(key, " ".join(lab.text.split()))
    inscope = {k: n for k, n in occurrences.items() if in_scope(spelling[k])}
    resolved = {k for k in inscope if label_resolves(tax, spelling[k])}
    typo = typo_tolerant(tax, [spelling[k] for k in inscope if k not in resolved])
    dotin = {
        "distinct_labels": len(occurrences),
        "in_scope_distinct": len(inscope),
        "resolved_distinct": len(resolved),
        "coverage_distinct": _share(len(resolved), len(inscope)),
        "in_scope_occurrences": sum(inscope.values()),
        "coverage_occurrences": _share(sum(inscope[k] for k in resolved), sum(inscope.values())),
        "coverage_distinct_typo_tolerant": _share(len(resolved) + len(typo), len(inscope)),
        "unresolved": sorted(((spelling[k], n) for k, n in inscope.items() if k not in resolved), key=lambda x: -x[1]),
    }
    # 2. SkillSpan knowledge spans (train, tech postings)
    sources = skillspan_sources(root, "train")
    spans: Counter[str] = Counter()
    span_spelling: dict[str, str] = {}
    for posting in skillspan_postings(root, "train"):
        for span in posting.knowledge:
            if sources.get(posting.idx) == "tech" and in_scope(span):
                key = clean_label(span).casefold()
                spans[key] += 1
                span_spelling.setdefault(key, clean_label(span))
    span_resolved = {k for k in spans if label_resolves(tax, span_spelling[k])}
    skillspan = {
        "in_scope_distinct": len(spans),
        "coverage_distinct": _share(len(span_resolved), len(spans)),
        "coverage_occurrences": _share(sum(spans[k] for k in span_resolved), sum(spans.values())),
        "unresolved": sorted(
            ((span_spelling[k], n) for k, n in spans.items() if k not in span_resolved), key=lambda x: -x[1]
        ),
    }
    # 3. awesome-devops tools
    with (root / "taxonomy_sources" / "awesome_devops" / "tools.csv").open(encoding="utf-8") as fh:
        tools = [row["name"] for row in csv.DictReader(fh) if row["category"] not in NOT_TOOLS]
    tools_missing = [t for t in tools if not label_resolves(tax, t)]
    devops = {
        "tools": len(tools),
        "coverage": _share(len(tools) - len(tools_missing), len(tools)),
        "unresolved": tools_missing,
    }
    # 4. Linguist
    langs = json.loads((root / "taxonomy_sources" / "linguist" / "languages.json").read_text(encoding="utf-8"))
    popular_missing = [name for name in LINGUIST_POPULAR if tax.resolve(name) is None]
    vocabulary = set(occurrences) | set(spans)
    seen_langs = sorted(
        name
        for name, data in langs.items()
        if data.get("type") == "programming" and name.casefold() in vocabulary and in_scope(name)
    )
    seen_missing = [name for name in seen_langs if tax.resolve(name) is None]
    linguist = {
        "popular": len(LINGUIST_POPULAR),
        "popular_coverage": _share(len(LINGUIST_POPULAR) - len(popular_missing), len(LINGUIST_POPULAR)),
        "popular_unresolved": popular_missing,
        "seen_in_labels": len(seen_langs),
        "seen_coverage": _share(len(seen_langs) - len(seen_missing), len(seen_langs)),
        "seen_unresolved": seen_missing,
    }
    return {"dotin": dotin, "skillspan": skillspan, "awesome_devops": devops, "linguist": linguist}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", help="corpora folder (default ../shared/corpora)")
    parser.add_argument("--taxonomy", help="taxonomy directory (default: the bundled one)")
    parser.add_argument("--unresolved", action="store_true", help="list the strings that did not resolve")
    parser.add_argument("--json", action="store_true", help="print the whole report as JSON")
    args = parser.parse_args()
    root = require_corpora(args.corpora)
    tax = load_taxonomy(args.taxonomy)
    started = time.perf_counter()
    report = measure(tax, root)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    d, s, a, lg = report["dotin"], report["skillspan"], report["awesome_devops"], report["linguist"]
    assert isinstance(d, dict)
    assert isinstance(s, dict)
    assert isinstance(a, dict)
    assert isinstance(lg, dict)
    n_forms = sum(1 for _ in tax.surface_forms())
    print(f"taxonomy {tax.version}: {len(tax)} skills, {n_forms} surface forms")
    print(
        f"dotin Tech Tools:    {d['coverage_distinct']:5.1f} % of {d['in_scope_distinct']} in-scope distinct strings"
        f" ({d['distinct_labels']} in all); {d['coverage_occurrences']:.1f} % of"
        f" {d['in_scope_occurrences']} in-scope occurrences;"
        f" {d['coverage_distinct_typo_tolerant']:.1f} % of distinct strings once obvious misspellings are corrected"
    )
    print(
        f"SkillSpan knowledge: {s['coverage_distinct']:5.1f} % of {s['in_scope_distinct']} in-scope distinct spans"
        f" (train, tech postings); {s['coverage_occurrences']:.1f} % of occurrences"
    )
    print(f"awesome-devops:      {a['coverage']:5.1f} % of {a['tools']} tools")
    print(
        f"Linguist popular:    {lg['popular_coverage']:5.1f} % of {lg['popular']} languages"
        f" (missing: {', '.join(lg['popular_unresolved']) or 'none'});"
        f" {lg['seen_coverage']:.1f} % of the {lg['seen_in_labels']} Linguist programming languages named in the labels"
    )
    if args.unresolved:
        print("\nunresolved dotin strings (count):")
        for text, n in d["unresolved"]:
            print(f"  {n:3d}  {text}")
        print("\nunresolved SkillSpan spans (count):")
        for text, n in s["unresolved"]:
            print(f"  {n:3d}  {text}")
        print("\nunresolved awesome-devops tools:")
        for text in a["unresolved"]:
            print(f"       {text}")
        print("\nunresolved Linguist languages named in the labels:", ", ".join(lg["seen_unresolved"]) or "none")
    print(f"\n({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
