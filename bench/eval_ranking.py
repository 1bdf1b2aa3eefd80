"""Ranking quality (issue #5): does our score put IT CVs on top for IT jobs, better than TF-IDF?

    python bench/eval_ranking.py                  # every JD, plus the Google parse check
    python bench/eval_ranking.py --k 10,50,100 --skip-parse
    python bench/eval_ranking.py --corpora /path/to/corpora

Candidates are the 2,484 LiveCareer résumé PDFs (read once with ``skillmatch.read_document``
and cached in ``bench/results/livecareer_texts.json``, shared with eval_extraction.py);
positives are the INFORMATION-TECHNOLOGY CVs, negatives every other category. Each job
description ranks all of them twice in the same run: by ``skillmatch.score`` (via
``score_many`` over profiles from ``extract_profile``) and by TF-IDF cosine similarity
between the JD and the CV texts (scikit-learn, English stop words, sublinear tf). We
report ROC AUC and precision at k for both.

Protocol (fixed before any change to the scoring model of round two, and kept):
the job descriptions are split into two sets, and both are reported from the same run.

* TUNE (12 JDs, the set of round one): the three in ``bench/jds/`` (written for this check
  before it was first run), the three Resume-Matcher JDs (DOCX/PDF) in the corpora, and the
  first two Google postings in each of the categories Software Engineering, Technical
  Infrastructure and IT & Data Management (by file order). Per-JD errors (which CVs a
  ranking puts on top, which requirements a JD parses into) are looked at on this set only.
* CONFIRM (21 JDs, chosen by rule, never inspected): the next four Google postings (the 3rd
  to 6th by file order, skipping a text identical to an earlier one) of Software Engineering
  and of Technical Infrastructure, the next one of IT & Data Management (it has only three
  distinct postings), and the first twelve SkillSpan dev-split postings whose source is
  "tech" (StackOverflow job ads, by file order, sentences joined by newlines). Only the set
  means (and the count of JDs won) are read.

A change to the model or to the JD parser counts only when it helps on CONFIRM as well as
on TUNE; the TF-IDF baseline is the same for both.

The parse check runs ``parse_job`` over all 1,250 Google postings: how many parse, how
many yield requirements (required and preferred), years found, and the time per posting.

Exits 0 with a message when the corpora are absent. Results go to
``bench/results/eval_ranking.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _corpora  # noqa: E402
import skillmatch as sm  # noqa: E402
from skillmatch.models import Job  # noqa: E402
from skillmatch.scoring import ProfileMatrix, score_many  # noqa: E402

RESULTS = HERE / "results"
#: A technical word in a CV's first line (its headline): used only to describe the non-IT
#: CVs a ranking puts on top, many of which are IT people filed under another category.
TECH_HEADLINE = re.compile(
    r"\b(?:software|developer|programmer|engineer|it|information technology|network|systems?|administrator"
    r"|analyst|technical|technician|support|database|web|computer|architect|devops|qa|test)\b",
    re.IGNORECASE,
)
POSITIVE = "INFORMATION-TECHNOLOGY"
GOOGLE_CATEGORIES = ("Software Engineering", "Technical Infrastructure", "IT & Data Management")
CONFIRM_SKILLSPAN = 12  # the first twelve "tech" postings of the SkillSpan dev split


@dataclass
class JobCase:
    name: str
    job: Job
    text: str  # what TF-IDF sees


def livecareer_texts(root: Path) -> dict[str, tuple[str, str]]:
    """{pdf id: (category, text)} for every LiveCareer PDF, read once and cached."""
    cache_path = RESULTS / "livecareer_texts.json"
    cache: dict[str, list[str]] = {}
    if cache_path.exists():
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
    out: dict[str, tuple[str, str]] = {}
    dirty = False
    started = time.perf_counter()
    for n, pdf in enumerate(_corpora.livecareer_pdfs(root)):
        if pdf.id not in cache:
            try:
                cache[pdf.id] = [pdf.category, sm.read_document(pdf.path).text]
            except sm.SkillmatchError as exc:
                print(f"  {pdf.path.name}: {exc}", file=sys.stderr)
                cache[pdf.id] = [pdf.category, ""]
            dirty = True
            if n % 250 == 0:
                print(f"  reading PDFs: {n} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        out[pdf.id] = (cache[pdf.id][0], cache[pdf.id][1])
    if dirty:
        RESULTS.mkdir(exist_ok=True)
        cache_path.write_text(json.dumps(cache), encoding="utf-8")
    return out


def tune_cases(root: Path, taxonomy: sm.Taxonomy) -> list[JobCase]:
    """The TUNE set: bench/jds, the Resume-Matcher JDs, the first two Google postings per category."""
    cases: list[JobCase] = []
    for path in sorted((HERE / "jds").iterdir()):
        job = sm.load_job(path, taxonomy=taxonomy)
        text = path.read_text(encoding="utf-8")
        if path.suffix in (".yaml", ".yml"):  # TF-IDF reads what a recruiter would paste
            text = "\n".join([job.title or "", *(r.label for r in job.requirements)])
        cases.append(JobCase(f"bench/{path.name}", job, text))
    for path in sorted((root / "job_descriptions" / "resume_matcher_jds").iterdir()):
        job = sm.load_job(path, taxonomy=taxonomy)
        cases.append(JobCase(f"resume-matcher/{path.name}", job, sm.read_document(path).text))
    for posting in _google_by_category(root)[0]:
        job = sm.parse_job(posting.text, taxonomy=taxonomy)
        cases.append(JobCase(f"google/{posting.title[:48]}", job, posting.text))
    return cases


def confirm_cases(root: Path, taxonomy: sm.Taxonomy) -> list[JobCase]:
    """The CONFIRM set, by the rule of the module docstring (never inspected one by one)."""
    cases: list[JobCase] = []
    for posting in _google_by_category(root)[1]:
        job = sm.parse_job(posting.text, taxonomy=taxonomy)
        cases.append(JobCase(f"google/{posting.title[:48]}", job, posting.text))
    path = root / "skillspan" / "postings_dev.jsonl"
    taken = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["source"] != "tech" or taken >= CONFIRM_SKILLSPAN:
                continue
            taken += 1
            text = "\n".join(record["sentences"])
            job = sm.parse_job(text, taxonomy=taxonomy)
            cases.append(JobCase(f"skillspan/{record['idx']} {record['sentences'][0][:36]}", job, text))
    return cases


def _google_by_category(root: Path) -> tuple[list[_corpora.GooglePosting], list[_corpora.GooglePosting]]:
    """(TUNE, CONFIRM) Google postings: per category, distinct texts in file order."""
    seen: dict[str, list[_corpora.GooglePosting]] = {c: [] for c in GOOGLE_CATEGORIES}
    texts: set[str] = set()
    for posting in _corpora.google_postings(root):
        if posting.category in seen and posting.text not in texts:
            texts.add(posting.text)
            seen[posting.category].append(posting)
    tune = [p for c in GOOGLE_CATEGORIES for p in seen[c][:2]]
    confirm = [p for c in GOOGLE_CATEGORIES for p in seen[c][2:6]]
    return tune, confirm


def precision_at(scores: list[float], labels: list[int], k: int) -> float:
    # ties are broken by input order (pdf id order), which knows nothing of the labels
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    return sum(labels[i] for i in order[:k]) / k


def paired_interval(differences: list[float], *, rounds: int = 5000, seed: int = 0) -> tuple[float, float]:
    """A 95 % bootstrap interval of the mean of per-JD differences (JDs resampled, seeded)."""
    rng = random.Random(seed)
    n = len(differences)
    means = sorted(sum(rng.choice(differences) for _ in range(n)) / n for _ in range(rounds))
    return means[int(0.025 * rounds)], means[int(0.975 * rounds) - 1]


def parse_check(root: Path, taxonomy: sm.Taxonomy) -> dict[str, Any]:
    postings = _corpora.google_postings(root)
    errors: Counter[str] = Counter()
    n_reqs: list[int] = []
    with_required = with_preferred = with_years = with_title = 0
    tech_reqs: list[int] = []
    started = time.perf_counter()
    for posting in postings:
        try:
            job = sm.parse_job(posting.text, taxonomy=taxonomy)
        except Exception as exc:  # a crash is what this check counts
            errors[type(exc).__name__] += 1
            continue
        n_reqs.append(len(job.requirements))
        with_required += bool(job.required)
        with_preferred += bool(job.preferred)
        with_years += job.min_years is not None or any(r.min_years for r in job.requirements)
        with_title += job.title == posting.title.strip()
        if posting.category in (*GOOGLE_CATEGORIES, "Technical Solutions", "Hardware Engineering"):
            tech_reqs.append(len(job.requirements))
    elapsed = time.perf_counter() - started
    parsed = len(n_reqs)
    return {
        "postings": len(postings),
        "parsed": parsed,
        "crashed": dict(errors),
        "with_requirements": sum(1 for n in n_reqs if n),
        "with_required": with_required,
        "with_preferred": with_preferred,
        "with_years": with_years,
        "title_is_first_line": with_title,
        "mean_requirements": statistics.fmean(n_reqs) if n_reqs else 0.0,
        "tech_postings": len(tech_reqs),
        "tech_with_requirements": sum(1 for n in tech_reqs if n),
        "tech_mean_requirements": statistics.fmean(tech_reqs) if tech_reqs else 0.0,
        "ms_per_posting": 1000 * elapsed / max(1, len(postings)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", help="path to the corpora (default: ../shared/corpora)")
    parser.add_argument("--k", default="10,50,100", help="precision at these k (comma-separated)")
    parser.add_argument("--skip-parse", action="store_true", help="skip the Google parse check")
    parser.add_argument(
        "--per-jd-confirm", action="store_true", help="also print CONFIRM per JD (the protocol reads only its means)"
    )
    args = parser.parse_args(argv)
    root = _corpora.require_corpora(args.corpora)
    ks = [int(k) for k in args.k.split(",")]

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import roc_auc_score

    taxonomy = sm.load_taxonomy()
    texts = livecareer_texts(root)
    ids = sorted(texts)
    labels = [int(texts[i][0] == POSITIVE) for i in ids]
    docs = [texts[i][1] for i in ids]
    print(f"{len(ids)} LiveCareer CVs, {sum(labels)} {POSITIVE}; taxonomy {taxonomy.version}, {len(taxonomy)} skills")

    started = time.perf_counter()
    profiles = [sm.extract_profile(d, taxonomy=taxonomy) for d in docs]
    matrix = ProfileMatrix.from_profiles(profiles)
    print(f"profiles extracted in {time.perf_counter() - started:.1f} s")

    sets = {"tune": tune_cases(root, taxonomy), "confirm": confirm_cases(root, taxonomy)}
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2)
    cv_vectors = vectorizer.fit_transform(docs)

    headline_tech = [bool(TECH_HEADLINE.search(d.strip().split("\n", 1)[0])) for d in docs]
    report: dict[str, Any] = {"cvs": len(ids), "positives": sum(labels), "taxonomy": taxonomy.version}
    for set_name, cases in sets.items():
        # CONFIRM is read only as a whole (see the protocol): its per-JD lines go to the JSON only
        show = set_name == "tune" or args.per_jd_confirm
        picked: Counter[str] = Counter()  # non-IT CVs in the top 50, and how many have a technical headline
        rows: list[dict[str, Any]] = []
        header = f"{set_name.upper() + ' job description':48} {'reqs':>4}  {'AUC ours':>8} {'AUC tfidf':>9}"
        for k in ks:
            header += f"  {'P@' + str(k) + ' ours':>9} {'tfidf':>6}"
        print("\n" + header)
        for case in cases:
            ours = score_many(matrix, case.job, taxonomy=taxonomy)
            jd_vector = vectorizer.transform([case.text])
            tfidf = (cv_vectors @ jd_vector.T).toarray().ravel().tolist()
            row: dict[str, Any] = {
                "job": case.name,
                "requirements": len(case.job.requirements),
                "auc_ours": roc_auc_score(labels, ours),
                "auc_tfidf": roc_auc_score(labels, tfidf),
            }
            line = f"{case.name[:48]:48} {row['requirements']:>4}  {row['auc_ours']:8.3f} {row['auc_tfidf']:9.3f}"
            for k in ks:
                row[f"p@{k}_ours"] = precision_at(ours, labels, k)
                row[f"p@{k}_tfidf"] = precision_at(tfidf, labels, k)
                line += f"  {row[f'p@{k}_ours']:9.2f} {row[f'p@{k}_tfidf']:6.2f}"
            for name, ranking in (("ours", ours), ("tfidf", tfidf)):
                top = sorted(range(len(ranking)), key=lambda i: -ranking[i])[:50]
                wrong = [i for i in top if not labels[i]]
                picked[name] += len(wrong)
                picked[name + "_tech"] += sum(headline_tech[i] for i in wrong)
            rows.append(row)
            if show:
                print(line)
        mean = {key: statistics.fmean(r[key] for r in rows) for key in rows[0] if key not in ("job", "requirements")}
        label = f"MEAN over {len(rows)} {set_name.upper()} JDs"
        line = f"{label:48} {'':>4}  {mean['auc_ours']:8.3f} {mean['auc_tfidf']:9.3f}"
        for k in ks:
            line += f"  {mean[f'p@{k}_ours']:9.3f} {mean[f'p@{k}_tfidf']:6.3f}"
        print(line)
        wins = {
            metric: sum(r[f"{metric}_ours"] > r[f"{metric}_tfidf"] for r in rows)
            for metric in ("auc", *(f"p@{k}" for k in ks))
        }
        losses = {
            metric: sum(r[f"{metric}_ours"] < r[f"{metric}_tfidf"] for r in rows)
            for metric in ("auc", *(f"p@{k}" for k in ks))
        }
        print(
            f"{set_name.upper()}: JDs where ours beats / trails TF-IDF: "
            + ", ".join(f"{m} {wins[m]}/{losses[m]}" for m in wins)
            + f" (of {len(rows)})"
        )
        spread = {
            metric: paired_interval([r[f"{metric}_ours"] - r[f"{metric}_tfidf"] for r in rows]) for metric in wins
        }
        print(
            f"{set_name.upper()}: ours minus TF-IDF, mean over JDs [95% paired bootstrap interval]: "
            + ", ".join(
                f"{m} {mean[f'{m}_ours'] - mean[f'{m}_tfidf']:+.3f} [{lo:+.3f}, {hi:+.3f}]"
                for m, (lo, hi) in spread.items()
            )
        )
        print(
            f"{set_name.upper()}: non-IT CVs in the top 50 with a technical headline: ours {picked['ours_tech']} of "
            f"{picked['ours']}, TF-IDF {picked['tfidf_tech']} of {picked['tfidf']}"
        )
        report[set_name] = {
            "ranking": rows,
            "mean": mean,
            "wins": wins,
            "losses": losses,
            "difference_interval": spread,
            "top50_non_it": dict(picked),
        }
    if not args.skip_parse:
        check = parse_check(root, taxonomy)
        report["google_parse"] = check
        print(
            f"\nGoogle postings: {check['parsed']}/{check['postings']} parsed, crashes {check['crashed'] or 'none'}; "
            f"{check['with_requirements']} with requirements ({check['with_required']} required, "
            f"{check['with_preferred']} preferred, {check['with_years']} with years); "
            f"mean {check['mean_requirements']:.1f} requirements; tech postings {check['tech_with_requirements']}/"
            f"{check['tech_postings']} with requirements, mean {check['tech_mean_requirements']:.1f}; "
            f"{check['ms_per_posting']:.2f} ms per posting"
        )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "eval_ranking.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
