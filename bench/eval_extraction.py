"""Measure skill extraction against the development corpora (issue #4).

    python bench/eval_extraction.py                 # all three sets
    python bench/eval_extraction.py --only dotin --show 30
    python bench/eval_extraction.py --only livecareer --categories CHEF,HR

* **dotin** training CVs: gold = the in-scope ``Tech Tools`` labels (``bench/_scope.py``)
  mapped to skill ids with ``Taxonomy.resolve`` (see :func:`gold_ids`: a label, its parts, or
  the longest sub-phrases of a part that resolve); an in-scope label the taxonomy cannot
  resolve stays in the gold set as ``?label`` and counts as a miss. Predictions are the
  credited skills of ``extract_profile``. Per-document set precision, recall and F1, micro
  and macro, a per-skill error table, and false positives / negatives with their context.
* **SkillSpan** train and dev postings: the in-scope knowledge spans, the same way, with
  the extractor in job mode (``SkillExtractor.find(text, kind="job")``).
* **LiveCareer** PDFs of non-IT categories, read with ``skillmatch.read_document``
  (texts cached in ``bench/results/livecareer_texts.json``): skills reported per CV, which
  should be near zero, and the worst offenders.

The strict numbers are primary. The "annotation-adjusted" line also counts as correct a
predicted skill whose mention text the annotators labelled "Tech Tools" in other CVs
(annotators demonstrably miss list items); it is reported separately and labelled so.
**Adjudicated view.** The gold sets are incomplete (annotators skip list items) and
sometimes wrong (a company tagged as a tool); the LiveCareer check counts every reported
backend skill, genuine or not. ``bench/adjudication/*.tsv`` holds human judgements, made on
the text around each item by people judging the text, not our matcher: a prediction
missing from gold is ``omitted`` (the text does name that skill as the candidate's, or as
the job's) or ``wrong``; a gold item we miss is ``valid`` or ``invalid`` (it names no
technology); a skill reported for a non-IT LiveCareer CV is ``genuine`` or ``spurious``.
Items without a judgement count against us. ``--export-unjudged FILE`` writes the items
still lacking one, with their context, as JSON Lines for the next round of judging.

Exits 0 with a message when the corpora are absent. Results go to
``bench/results/eval_extraction.json``.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _corpora  # noqa: E402
import _scope  # noqa: E402
import skillmatch as sm  # noqa: E402
from skillmatch.matcher import get_extractor  # noqa: E402
from skillmatch.normalize import normalize_text  # noqa: E402
from skillmatch.taxonomy import Taxonomy, norm_key  # noqa: E402

RESULTS = HERE / "results"
_ABBREV_RE = re.compile(r"^(.+?)\s*\(([^()]+)\)$")
_POSSESSIVE_RE = re.compile(r"['’]s$")
NON_IT = (
    "ACCOUNTANT,ADVOCATE,AGRICULTURE,APPAREL,ARTS,AUTOMOBILE,AVIATION,BANKING,BUSINESS-DEVELOPMENT,CHEF,"
    "CONSTRUCTION,FINANCE,FITNESS,HEALTHCARE,HR,PUBLIC-RELATIONS,SALES,TEACHER"
)
#: Categories of "backend" skills for the LiveCareer check: languages, frameworks, data
#: stores, messaging, containers, CI/CD, cloud, infrastructure as code, observability, API
#: styles and servers. Operating systems, office-adjacent tools, data analysis and BI,
#: methods and the like are not counted: non-IT CVs name them legitimately.
BACKEND_CATEGORIES = frozenset(
    str.split(
        "language framework library database cache search storage messaging container ci-cd build cloud"
        " iac observability api server"
    )
)


@dataclass
class Scores:
    """Set precision/recall over documents, with what went wrong."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    per_doc: list[tuple[float | None, float | None]] = field(default_factory=list)
    per_skill: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    fps: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, skill, context)
    fns: list[tuple[str, str, str]] = field(default_factory=list)
    adjusted_tp: int = 0
    fn_unresolved: int = 0  # misses of gold the taxonomy cannot resolve (taxonomy coverage)
    #: (doc, skill) -> wide context, for judging: predictions missing from gold, gold we miss
    fp_items: dict[tuple[str, str], str] = field(default_factory=dict)
    fn_items: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, doc: str, gold: set[str], pred: set[str]) -> None:
        tp = len(gold & pred)
        self.tp += tp
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)
        p = tp / len(pred) if pred else None
        r = tp / len(gold) if gold else None
        self.per_doc.append((p, r))
        for s in gold & pred:
            self.per_skill[s]["tp"] += 1
        for s in pred - gold:
            self.per_skill[s]["fp"] += 1
        for s in gold - pred:
            self.per_skill[s]["fn"] += 1
        self.fn_unresolved += sum(1 for s in gold - pred if s.startswith("?"))

    def summary(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        ps = [x for x, _ in self.per_doc if x is not None]
        rs = [y for _, y in self.per_doc if y is not None]
        mp = statistics.mean(ps) if ps else 0.0
        mr = statistics.mean(rs) if rs else 0.0
        out: dict[str, float | int] = {
            "documents": len(self.per_doc),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "macro_precision": round(mp, 4),
            "macro_recall": round(mr, 4),
            "macro_f1": round(2 * mp * mr / (mp + mr), 4) if mp + mr else 0.0,
        }
        resolvable = self.tp + self.fn - self.fn_unresolved
        out["recall_on_resolvable_gold"] = round(self.tp / resolvable, 4) if resolvable else 0.0
        out["gold_unresolved"] = self.fn_unresolved
        if self.adjusted_tp:
            ap = (self.tp + self.adjusted_tp) / (self.tp + self.fp) if self.tp + self.fp else 0.0
            out["annotation_adjusted_precision"] = round(ap, 4)
        return out

    def adjudicated(self, verdicts: dict[tuple[str, str], str]) -> dict[str, float | int]:
        """Precision and recall with the human judgements applied; unjudged items count against us."""
        omitted = sum(1 for k in self.fp_items if verdicts.get(k) == "omitted")
        wrong = sum(1 for k in self.fp_items if verdicts.get(k) == "wrong")
        invalid = sum(1 for k in self.fn_items if verdicts.get(k) == "invalid")
        valid = sum(1 for k in self.fn_items if verdicts.get(k) == "valid")
        tp = self.tp + omitted
        fp = self.fp - omitted
        fn = self.fn - invalid
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "fp_omitted": omitted,
            "fp_wrong": wrong,
            "fp_unjudged": len(self.fp_items) - omitted - wrong,
            "fn_invalid": invalid,
            "fn_valid": valid,
            "fn_unjudged": len(self.fn_items) - invalid - valid,
        }


ADJUDICATION = HERE / "adjudication"
JUDGE_WIDTH = 160  # characters of context either side, for judging an item
VERDICTS = frozenset({"omitted", "wrong", "valid", "invalid", "genuine", "spurious"})


def load_verdicts() -> dict[tuple[str, str], str]:
    """{(doc, skill id): verdict} from every bench/adjudication/*.tsv (set, doc, skill, verdict, note)."""
    out: dict[tuple[str, str], str] = {}
    for path in sorted(ADJUDICATION.glob("*.tsv")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#") or line.startswith("set\t"):
                continue
            cols = line.split("\t")
            if len(cols) < 4 or cols[3] not in VERDICTS:
                raise SystemExit(f"{path}:{n}: expected set, doc, skill, verdict ({'|'.join(sorted(VERDICTS))}), note")
            out[(cols[1], cols[2])] = cols[3]
    return out


def _unjudged(name: str, scores: Scores, verdicts: dict[tuple[str, str], str]) -> list[dict[str, str]]:
    rows = [
        {"set": name, "doc": d, "skill": k, "question": "omitted or wrong", "context": ctx}
        for (d, k), ctx in sorted(scores.fp_items.items())
        if verdicts.get((d, k)) not in ("omitted", "wrong")
    ]
    rows += [
        {"set": name, "doc": d, "skill": k, "question": "valid or invalid", "context": ctx}
        for (d, k), ctx in sorted(scores.fn_items.items())
        if verdicts.get((d, k)) not in ("valid", "invalid")
    ]
    return rows


def gold_ids(labels: Iterable[str], taxonomy: Taxonomy) -> set[str]:
    """Skill ids of the in-scope gold labels; an unresolvable in-scope part stays as "?part".

    A label resolves as a whole, else as its slash-separated parts ("Git/Bitbucket"), its
    name or bracketed abbreviation ("Amazon Web Services (AWS)"), or its ``_scope`` parts;
    a part that does not resolve is read for the longest sub-phrases that do
    (:func:`sub_phrase_ids`: "Kubernetes environments" is Kubernetes, "Prometheus Alert
    Manager Grafana" is Prometheus, Alertmanager and Grafana). Only ``Taxonomy.resolve`` is
    used, never the matcher, so the gold does not depend on what is being measured.
    """
    out: set[str] = set()
    for raw in labels:
        if not _scope.in_scope(raw):
            continue
        label = _POSSESSIVE_RE.sub("", _scope.clean_label(raw))
        skill = taxonomy.resolve(label)
        if skill is None and "/" in label:
            # "Git/Bitbucket", ".Net/.Net core": two technologies, each resolvable
            parts = [taxonomy.resolve(p) for p in label.split("/") if p.strip()]
            if len(parts) > 1 and all(parts):
                out.update(p.id for p in parts if p is not None)
                continue
        if skill is None and (m := _ABBREV_RE.match(label)):
            # "Amazon Web Services (AWS)": the name or its abbreviation
            skill = taxonomy.resolve(m[1]) or taxonomy.resolve(m[2])
        if skill is not None:
            out.add(skill.id)
            continue
        for part in _scope._parts(label):
            if _scope.excluded_category(part) is not None:
                continue
            skill = taxonomy.resolve(part)
            if skill is not None:
                out.add(skill.id)
                continue
            # "Java Spring", "Linux based environments", "docker ecosystem": the technologies
            # the span names among generic words
            found = sub_phrase_ids(part, taxonomy)
            if found:
                out.update(found)
            else:
                out.add(f"?{part.casefold()}")
    return out


_TOKEN_RE = re.compile(r"[^\s-]+")


@functools.cache
def _ambiguous_keys(taxonomy: Taxonomy) -> frozenset[str]:
    return frozenset(norm_key(sf.text) for sf in taxonomy.surface_forms() if sf.ambiguous)


def sub_phrase_ids(part: str, taxonomy: Taxonomy) -> set[str]:
    """Skill ids of the longest sub-phrases of an unresolved gold part that resolve.

    Word n-grams (words split at spaces and hyphens, kept as written between them) are
    tried longest first, left to right; each one ``Taxonomy.resolve`` finds is taken and
    its words are not used again. Skipped: a sub-phrase that is one generic word
    (``_scope.GENERIC_WORDS``: "development", "architecture", "cloud"), that falls in an
    excluded category, or that the taxonomy flags as ambiguous ("AD" in "ad hoc analyses",
    "Fiber" in "Dark Fiber"): inside a longer phrase it is usually the ordinary word.

    >>> import skillmatch as sm
    >>> sorted(sub_phrase_ids("Linux based environments", sm.load_taxonomy()))
    ['linux']
    """
    ambiguous = _ambiguous_keys(taxonomy)
    tokens = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(part)]
    free = [True] * len(tokens)
    out: set[str] = set()
    for n in range(len(tokens) - 1, 0, -1):
        for i in range(len(tokens) - n + 1):
            if not all(free[i : i + n]):
                continue
            phrase = part[tokens[i][0] : tokens[i + n - 1][1]].strip("()[],;:.")
            if n == 1 and (phrase.casefold() in _scope.GENERIC_WORDS or len(phrase) < 2):
                continue
            if _scope.excluded_category(phrase) is not None or norm_key(phrase) in ambiguous:
                continue
            skill = taxonomy.resolve(phrase)
            if skill is not None:
                out.add(skill.id)
                free[i : i + n] = [False] * n
    return out


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    left = " ".join(text[max(0, start - width) : start].split())
    right = " ".join(text[end : end + width].split())
    return f"{left} [{' '.join(text[start:end].split())}] {right}"


def eval_dotin(root: Path, taxonomy: Taxonomy, limit: int | None) -> Scores:
    docs = _corpora.dotin_cvs(root)[:limit]
    labelled_tools: set[str] = set()
    for d in _corpora.dotin_cvs(root):
        labelled_tools.update(_scope.clean_label(lab.text).casefold() for lab in d.of_type("Tech Tools"))
    scores = Scores()
    for doc in docs:
        labels = doc.of_type("Tech Tools")
        gold = gold_ids((lab.text for lab in labels), taxonomy)
        profile = sm.extract_profile(doc.text, taxonomy=taxonomy)
        pred = set(profile.skill_ids)
        scores.add(doc.name, gold, pred)
        text = normalize_text(doc.text)
        for e in profile.skills:
            if e.skill.id in gold:
                continue
            m = e.mentions[0]
            if any(" ".join(x.text.split()).casefold() in labelled_tools for x in e.mentions):
                scores.adjusted_tp += 1
            scores.fps.append((doc.name, e.skill.id, f"{_context(text, m.start, m.end)}  <{m.reason}>"))
            scores.fp_items[(doc.name, e.skill.id)] = " | ".join(
                _context(text, x.start, x.end, JUDGE_WIDTH) for x in e.mentions[:3]
            )
        for g in sorted(gold - pred):
            lab = _label_for(labels, g, taxonomy)
            ctx = _context(doc.text, lab.start, lab.end) if lab else ""
            scores.fns.append((doc.name, g, f"{ctx}  <{_why_missed(profile, g)}>"))
            wide = _context(doc.text, lab.start, lab.end, JUDGE_WIDTH) if lab else ""
            scores.fn_items[(doc.name, g)] = f"gold label {lab.text!r}: {wide}" if lab else ""
    return scores


def _label_ids(label: str, taxonomy: Taxonomy) -> set[str]:
    return gold_ids([label], taxonomy)


def _label_for(labels: Iterable[_corpora.Label], gold: str, taxonomy: Taxonomy) -> _corpora.Label | None:
    for lab in labels:
        if gold in _label_ids(lab.text, taxonomy):
            return lab
    return None


def _why_missed(profile: sm.Profile, skill_id: str) -> str:
    if skill_id.startswith("?"):
        return "not in the taxonomy"
    found = [m for m in profile.discarded if m.skill_id == skill_id]
    if found:
        return found[0].reason
    return "not found"


def eval_skillspan(root: Path, taxonomy: Taxonomy, split: str, limit: int | None) -> Scores:
    extractor = get_extractor(taxonomy)
    scores = Scores()
    labelled: set[str] = set()  # every knowledge span of both splits, for the adjusted view
    for s in ("train", "dev"):
        for p in _corpora.skillspan_postings(root, s):
            labelled.update(_scope.clean_label(k).casefold() for k in p.knowledge)
    for post in _corpora.skillspan_postings(root, split)[:limit]:
        gold = gold_ids(post.knowledge, taxonomy)
        mentions = extractor.find(post.text, None, kind="job")
        pred = {m.skill_id for m in mentions if m.credited}
        scores.add(str(post.idx), gold, pred)
        for skill_id in sorted(pred - gold):
            m = next(x for x in mentions if x.credited and x.skill_id == skill_id)
            if any(" ".join(x.text.split()).casefold() in labelled for x in mentions if x.skill_id == skill_id):
                scores.adjusted_tp += 1
            scores.fps.append((f"{split}-{post.idx}", skill_id, f"{_context(post.text, m.start, m.end)}  <{m.reason}>"))
            scores.fp_items[(f"{split}-{post.idx}", skill_id)] = " | ".join(
                _context(post.text, x.start, x.end, JUDGE_WIDTH)
                for x in [y for y in mentions if y.credited and y.skill_id == skill_id][:3]
            )
        for g in sorted(gold - pred):
            spans = [k for k in post.knowledge if g in _label_ids(k, taxonomy)]
            why = "not in the taxonomy" if g.startswith("?") else "not found"
            rejected = [m for m in mentions if m.skill_id == g and not m.credited]
            if rejected:
                why = rejected[0].reason
                ctx = _context(post.text, rejected[0].start, rejected[0].end)
            else:
                ctx = f"gold span {spans[0]!r}" if spans else ""
            scores.fns.append((f"{split}-{post.idx}", g, f"{ctx}  <{why}>"))
            where = [post.text.find(k) for k in spans]
            wide = " | ".join(
                _context(post.text, i, i + len(k), JUDGE_WIDTH) for i, k in zip(where, spans, strict=True) if i >= 0
            )
            scores.fn_items[(f"{split}-{post.idx}", g)] = f"gold span(s) {spans!r}: {wide}"
    return scores


def livecareer_texts(root: Path, categories: set[str], limit: int | None) -> dict[str, tuple[str, str]]:
    """{pdf id: (category, text)}, read once with read_document and cached in bench/results/."""
    cache_path = RESULTS / "livecareer_texts.json"
    cache: dict[str, list[str]] = {}
    if cache_path.exists():
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
    wanted = _corpora.livecareer_pdfs(root, categories)
    per_cat: Counter[str] = Counter()
    out: dict[str, tuple[str, str]] = {}
    dirty = False
    for pdf in wanted:
        if limit is not None and per_cat[pdf.category] >= limit:
            continue
        per_cat[pdf.category] += 1
        if pdf.id not in cache:
            try:
                doc = sm.read_document(pdf.path)
                cache[pdf.id] = [pdf.category, doc.text]
            except sm.SkillmatchError as exc:
                print(f"  {pdf.path.name}: {exc}", file=sys.stderr)
                cache[pdf.id] = [pdf.category, ""]
            dirty = True
        out[pdf.id] = (cache[pdf.id][0], cache[pdf.id][1])
    if dirty:
        RESULTS.mkdir(exist_ok=True)
        cache_path.write_text(json.dumps(cache), encoding="utf-8")
    return out


def eval_livecareer(
    root: Path,
    taxonomy: Taxonomy,
    categories: set[str],
    limit: int | None,
    items: dict[tuple[str, str], str],
    verdicts: dict[tuple[str, str], str],
) -> dict[str, object]:
    texts = livecareer_texts(root, categories, limit)
    per_cv: list[tuple[str, str, list[str], list[str]]] = []
    for pid, (category, text) in texts.items():
        if not text:
            continue
        profile = sm.extract_profile(sm.Document(text=text, kind="pdf", source=pid), taxonomy=taxonomy)
        backend = [
            f"{e.skill.id} <{' '.join(text[max(0, e.mentions[0].start - 30) : e.mentions[0].end + 30].split())}>"
            for e in profile.skills
            if e.skill.category in BACKEND_CATEGORIES
        ]
        for e in profile.skills:
            if e.skill.category in BACKEND_CATEGORIES:
                items[(pid, e.skill.id)] = f"[{category}] " + " | ".join(
                    _context(text, x.start, x.end, JUDGE_WIDTH) for x in e.mentions[:3]
                )
        others = [e.skill.id for e in profile.skills if e.skill.category not in BACKEND_CATEGORIES]
        per_cv.append((pid, category, backend, others))
    n = len(per_cv)
    total_backend = sum(len(b) for _, _, b, _ in per_cv)
    total_all = sum(len(b) + len(o) for _, _, b, o in per_cv)
    by_skill: Counter[str] = Counter(x.split(" <")[0] for _, _, b, _ in per_cv for x in b)
    by_cat: dict[str, list[int]] = defaultdict(list)
    for _, cat, b, _ in per_cv:
        by_cat[cat].append(len(b))
    worst = sorted(per_cv, key=lambda x: -len(x[2]))[:15]
    return {
        "cvs": n,
        "backend_skills_per_cv": round(total_backend / n, 4) if n else 0.0,
        "all_skills_per_cv": round(total_all / n, 4) if n else 0.0,
        "cvs_with_backend_skill": sum(1 for _, _, b, _ in per_cv if b),
        "judged_genuine": sum(1 for k in items if verdicts.get(k) == "genuine"),
        "judged_spurious": sum(1 for k in items if verdicts.get(k) == "spurious"),
        "unjudged": sum(1 for k in items if verdicts.get(k) not in ("genuine", "spurious")),
        # spurious or not yet judged, per CV: unjudged items count against us
        "spurious_per_cv": round(sum(1 for k in items if verdicts.get(k) != "genuine") / n, 4) if n else 0.0,
        "by_skill": by_skill.most_common(25),
        "by_category": {c: round(statistics.mean(v), 3) for c, v in sorted(by_cat.items())},
        "worst": [{"id": pid, "category": cat, "backend": b, "other": o} for pid, cat, b, o in worst if b],
    }


#: The precision audit: CVs of the categories where skills are expected, chosen by a fixed
#: rule (the first PDFs by id), never used to tune the extractor.
AUDIT_SAMPLE = {"INFORMATION-TECHNOLOGY": 40, "ENGINEERING": 20}


def eval_audit(
    root: Path,
    taxonomy: Taxonomy,
    items: dict[tuple[str, str], str],
    verdicts: dict[tuple[str, str], str],
) -> dict[str, object]:
    """Every credited skill of the audit CVs, for judges to mark genuine or spurious."""
    chosen: list[str] = []
    for category, n in AUDIT_SAMPLE.items():
        pdfs = sorted(_corpora.livecareer_pdfs(root, {category}), key=lambda p: int(p.id))
        chosen += [p.id for p in pdfs[:n]]
    texts = livecareer_texts(root, set(AUDIT_SAMPLE), None)
    credited = 0
    for pid in chosen:
        category, text = texts[pid]
        if not text:
            continue
        profile = sm.extract_profile(sm.Document(text=text, kind="pdf", source=pid), taxonomy=taxonomy)
        for e in profile.skills:
            credited += 1
            items[(pid, e.skill.id)] = f"[{category}] " + " | ".join(
                _context(text, x.start, x.end, JUDGE_WIDTH) for x in e.mentions[:3]
            )
    genuine = sum(1 for k in items if verdicts.get(k) == "genuine")
    spurious = sum(1 for k in items if verdicts.get(k) == "spurious")
    return {
        "cvs": len(chosen),
        "credited": credited,
        "skills_per_cv": round(credited / len(chosen), 1) if chosen else 0.0,
        "genuine": genuine,
        "spurious": spurious,
        "unjudged": len(items) - genuine - spurious,
        "precision": round(genuine / len(items), 4) if items else 0.0,
    }


def _print_scores(name: str, scores: Scores, show: int, verdicts: dict[tuple[str, str], str]) -> dict[str, object]:
    summary = scores.summary()
    adjudicated = scores.adjudicated(verdicts)
    print(f"\n== {name}")
    print(
        f"  documents {summary['documents']}  micro P {summary['precision']:.3f}  R {summary['recall']:.3f}"
        f"  F1 {summary['f1']:.3f}   macro P {summary['macro_precision']:.3f}  R {summary['macro_recall']:.3f}"
        f"  F1 {summary['macro_f1']:.3f}   (tp {summary['tp']}, fp {summary['fp']}, fn {summary['fn']})"
    )
    print(
        f"  recall on gold the taxonomy resolves {summary['recall_on_resolvable_gold']:.3f}"
        f" ({summary['gold_unresolved']} in-scope gold items name nothing in the taxonomy)"
    )
    if "annotation_adjusted_precision" in summary:
        print(
            f"  annotation-adjusted precision {summary['annotation_adjusted_precision']:.3f}"
            " (also counting predictions whose text the annotators labelled in other documents)"
        )
    print(
        f"  adjudicated: P {adjudicated['precision']:.3f}  R {adjudicated['recall']:.3f}  F1 {adjudicated['f1']:.3f}"
        f"  (predictions missing from gold: {adjudicated['fp_omitted']} omitted by the annotators,"
        f" {adjudicated['fp_wrong']} wrong, {adjudicated['fp_unjudged']} not yet judged;"
        f" gold we miss: {adjudicated['fn_invalid']} invalid, {adjudicated['fn_valid']} valid,"
        f" {adjudicated['fn_unjudged']} not yet judged)"
    )
    table = sorted(scores.per_skill.items(), key=lambda kv: -(kv[1]["fp"] + kv[1]["fn"]))
    if show:
        print("  per-skill errors (skill: tp/fp/fn):")
        print("   ", ", ".join(f"{s}: {c['tp']}/{c['fp']}/{c['fn']}" for s, c in table[:show]))
        print(f"  false positives ({len(scores.fps)}):")
        for doc, skill, ctx in scores.fps[:show]:
            print(f"    {doc:>6} {skill:<20} {ctx}")
        print(f"  false negatives ({len(scores.fns)}):")
        for doc, skill, ctx in scores.fns[:show]:
            print(f"    {doc:>6} {skill:<20} {ctx}")
    return {
        "summary": summary,
        "adjudicated": adjudicated,
        "per_skill": {s: dict(c) for s, c in table},
        "false_positives": scores.fps,
        "false_negatives": scores.fns,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpora", help="corpora folder (default ../shared/corpora)")
    parser.add_argument("--taxonomy", help="taxonomy folder or file (default: the bundled one)")
    parser.add_argument("--only", choices=["dotin", "skillspan", "livecareer", "audit"], action="append")
    parser.add_argument("--split", choices=["train", "dev"], action="append", help="SkillSpan split(s)")
    parser.add_argument("--categories", default=NON_IT, help="LiveCareer categories, comma-separated")
    parser.add_argument("--limit", type=int, help="documents per set (per category for LiveCareer)")
    parser.add_argument("--show", type=int, default=15, help="rows of errors to print per set")
    parser.add_argument("--export-unjudged", metavar="FILE", help="write items lacking a judgement as JSON Lines")
    args = parser.parse_args(argv)
    verdicts = load_verdicts()
    unjudged: list[dict[str, str]] = []
    root = _corpora.require_corpora(args.corpora)
    taxonomy = sm.load_taxonomy(args.taxonomy)
    only = set(args.only or ["dotin", "skillspan", "livecareer", "audit"])
    print(f"taxonomy {taxonomy.version}: {len(taxonomy)} skills")
    report: dict[str, object] = {"taxonomy": taxonomy.version, "skills": len(taxonomy)}
    t0 = time.perf_counter()
    if "dotin" in only:
        scores = eval_dotin(root, taxonomy, args.limit)
        report["dotin"] = _print_scores("dotin training CVs (in-scope Tech Tools)", scores, args.show, verdicts)
        unjudged += _unjudged("dotin", scores, verdicts)
    if "skillspan" in only:
        for split in args.split or ["train", "dev"]:
            scores = eval_skillspan(root, taxonomy, split, args.limit)
            report[f"skillspan_{split}"] = _print_scores(
                f"SkillSpan {split} (in-scope knowledge, job mode)", scores, args.show, verdicts
            )
            unjudged += _unjudged("skillspan", scores, verdicts)
    if "livecareer" in only:
        cats = {c.strip() for c in args.categories.split(",") if c.strip()}
        lc_items: dict[tuple[str, str], str] = {}
        lc = eval_livecareer(root, taxonomy, cats, args.limit, lc_items, verdicts)
        report["livecareer"] = lc
        print(f"\n== LiveCareer non-IT CVs ({lc['cvs']} CVs)")
        print(
            f"  backend skills per CV {lc['backend_skills_per_cv']}  (CVs with any: {lc['cvs_with_backend_skill']});"
            f" all skills per CV {lc['all_skills_per_cv']}"
        )
        print(
            f"  adjudicated: spurious backend skills per CV {lc['spurious_per_cv']}"
            f" ({lc['judged_genuine']} judged genuine, {lc['judged_spurious']} spurious,"
            f" {lc['unjudged']} not yet judged and counted as spurious)"
        )
        unjudged += [
            {"set": "livecareer", "doc": d, "skill": k, "question": "genuine or spurious", "context": ctx}
            for (d, k), ctx in sorted(lc_items.items())
            if verdicts.get((d, k)) not in ("genuine", "spurious")
        ]
        print("  by skill:", ", ".join(f"{s} {n}" for s, n in lc["by_skill"]))  # type: ignore[attr-defined]
        for row in lc["worst"][: args.show]:  # type: ignore[index]
            print(f"    {row['id']} {row['category']}: {'; '.join(row['backend'])}")
    if "audit" in only:
        audit_items: dict[tuple[str, str], str] = {}
        audit = eval_audit(root, taxonomy, audit_items, verdicts)
        report["audit"] = audit
        print(f"\n== Precision audit: every skill credited in {audit['cvs']} IT and engineering CVs (never tuned on)")
        print(
            f"  audited precision {audit['precision']} ({audit['genuine']} genuine, {audit['spurious']} spurious,"
            f" {audit['unjudged']} not yet judged and counted as spurious); {audit['skills_per_cv']} skills per CV"
        )
        unjudged += [
            {"set": "audit", "doc": d, "skill": k, "question": "genuine or spurious", "context": ctx}
            for (d, k), ctx in sorted(audit_items.items())
            if verdicts.get((d, k)) not in ("genuine", "spurious")
        ]
    print(f"\n({time.perf_counter() - t0:.1f} s)")
    if args.export_unjudged:
        for item in unjudged:
            skill = taxonomy.get(item["skill"])
            item["skill_name"] = skill.name if skill is not None else item["skill"].lstrip("?")
        with open(args.export_unjudged, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(item) + "\n" for item in unjudged)
        print(f"{len(unjudged)} unjudged items written to {args.export_unjudged}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "eval_extraction.json").write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
