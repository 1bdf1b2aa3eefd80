"""Text CVs per second: ``extract_profile`` against a bare dictionary pass and a ceiling.

    python bench/text_speed.py [--corpora PATH] [--taxonomy PATH] [--limit N] [--repeat R]

Three passes over the same texts, in one run so the ratios are fair on a busy machine:

* ``extract_profile``: normalisation, sections, dated roles, candidates, context,
  negation and hedging, typos and evidence, everything a caller gets;
* ``bare dictionary``: spaCy ``make_doc`` + ``PhraseMatcher(attr="LOWER")`` with the same
  taxonomy's names and aliases, on each text with whitespace runs collapsed (issue #2's
  baseline; it finds candidates only, without any of the above);
* ``pyahocorasick``: one automaton over the same aliases, lower-cased text, a word-boundary
  check per hit: the practical ceiling for finding candidates in Python.

Texts are the dotin CVs when ``../shared/corpora`` is present, else the sample CVs' text
sources. ``run(texts)`` returns one dict per pass (the lead's benchmark command imports it);
``main()`` prints the table, with the peak memory of building the extractor.
"""

from __future__ import annotations

import argparse
import gc
import re
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _corpora  # noqa: E402
import skillmatch as sm  # noqa: E402
from skillmatch.taxonomy import Taxonomy  # noqa: E402

_WS_RE = re.compile(r"\s+")


def sample_texts() -> list[str]:
    """The text sources of the bundled sample CVs (used when the corpora are absent)."""
    folder = _corpora.ROOT / "samples" / "src"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*")) if p.suffix in {".md", ".txt"}]


def load_texts(corpora: str | None = None, limit: int | None = None) -> tuple[list[str], str]:
    root = _corpora.corpora_dir(corpora)
    if root is not None:
        return list(_corpora.iter_corpus_texts(root, limit)), "dotin CVs"
    return sample_texts()[:limit], "sample CVs"


def _forms(taxonomy: Taxonomy) -> list[str]:
    return sorted({f.text for f in taxonomy.surface_forms()})


def build_phrase_matcher(taxonomy: Taxonomy) -> Callable[[str], int]:
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("SKILL", [nlp.make_doc(f) for f in _forms(taxonomy)])

    def bare(text: str) -> int:
        return len(matcher(nlp.make_doc(_WS_RE.sub(" ", text))))

    return bare


def build_aho(taxonomy: Taxonomy) -> Callable[[str], int]:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for form in _forms(taxonomy):
        automaton.add_word(form.casefold(), len(form))
    automaton.make_automaton()

    def aho(text: str) -> int:
        low = text.casefold()
        n = len(low)
        found = 0
        for end, length in automaton.iter(low):
            start = end - length + 1
            if (start == 0 or not low[start - 1].isalnum()) and (end + 1 == n or not low[end + 1].isalnum()):
                found += 1
        return found

    return aho


def _time(fn: Callable[[str], Any], texts: Sequence[str], repeat: int) -> float:
    """Median seconds for one pass over all texts."""
    runs = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        for text in texts:
            fn(text)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def extractor_memory(taxonomy: Taxonomy) -> float:
    """Peak MiB allocated while building a fresh extractor (Python allocations)."""
    from skillmatch.matcher import SkillExtractor

    gc.collect()
    tracemalloc.start()
    SkillExtractor(taxonomy)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def run(texts: Sequence[str], *, taxonomy: Taxonomy | None = None, repeat: int = 5) -> list[dict[str, Any]]:
    """One row per pass: name, CVs/s, ms per CV, and speed relative to the bare dictionary pass."""
    tax = taxonomy or sm.load_taxonomy()
    texts = list(texts)
    passes: list[tuple[str, Callable[[str], Any]]] = [
        ("extract_profile", lambda t: sm.extract_profile(t, taxonomy=tax)),
        ("bare dictionary (spaCy PhraseMatcher)", build_phrase_matcher(tax)),
        ("pyahocorasick ceiling", build_aho(tax)),
    ]
    for _, fn in passes:  # warm-up: build caches, import lazily loaded modules
        for text in texts[:20]:
            fn(text)
    rates = [(name, len(texts) / _time(fn, texts, repeat)) for name, fn in passes]
    bare = rates[1][1]
    return [{"pass": name, "cvs_per_s": rate, "ms_per_cv": 1000 / rate, "vs_bare": rate / bare} for name, rate in rates]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Text CVs/s: extract_profile vs a bare dictionary pass")
    parser.add_argument("--corpora", help="corpora folder (default ../shared/corpora)")
    parser.add_argument("--taxonomy", help="taxonomy folder or file (default: the bundled one)")
    parser.add_argument("--limit", type=int, help="number of texts")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes per method (median reported)")
    args = parser.parse_args(argv)
    texts, what = load_texts(args.corpora, args.limit)
    tax = sm.load_taxonomy(args.taxonomy)
    words = statistics.median(len(t.split()) for t in texts)
    forms = len(_forms(tax))
    print(f"{len(texts)} {what} (median {words:.0f} words); taxonomy {tax.version}: {len(tax)} skills, {forms} forms")
    rows = run(texts, taxonomy=tax, repeat=args.repeat)
    print(f"{'pass':<40} {'CVs/s':>8} {'ms/CV':>8} {'x bare':>7}")
    for row in rows:
        print(f"{row['pass']:<40} {row['cvs_per_s']:>8.0f} {row['ms_per_cv']:>8.3f} {row['vs_bare']:>7.2f}")
    print(f"extractor build: peak {extractor_memory(tax):.1f} MiB of Python allocations")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
