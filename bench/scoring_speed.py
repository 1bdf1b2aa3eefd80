"""How fast stored profiles are scored against one job: 100,000 profiles in under a second.

    python bench/scoring_speed.py              # 100,000 profiles against samples/jds/python-backend.yaml
    python bench/scoring_speed.py --n 20000 --jd samples/jds/devops-platform.yaml

The profiles are real when ../shared/corpora is present (the dotin CVs, extracted once,
repeated to ``n``) and synthetic otherwise (random skills of the bundled taxonomy with
random months and last-used dates, seeded). Reports the one-off, job-independent work
(``ProfileMatrix.from_profiles``) apart from the per-job scoring (``score_many``), and
the per-profile ``score()`` loop for comparison.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import skillmatch as sm
from skillmatch.models import Profile, SkillEvidence
from skillmatch.scoring import ProfileMatrix, score_many

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2024, 6, 1)


def synthetic_profiles(n: int, *, seed: int = 7) -> list[Profile]:
    """``n`` profiles of 5–40 random skills each, with months and last-used dates."""
    rng = random.Random(seed)
    skills = list(sm.load_taxonomy())
    out = []
    for _ in range(n):
        chosen = rng.sample(skills, rng.randint(5, min(40, len(skills))))
        evidence = []
        for skill in chosen:
            months = rng.choice([None, rng.randint(1, 180)])
            last = None if months is None else date(rng.randint(2010, 2024), rng.randint(1, 12), 1)
            evidence.append(SkillEvidence(skill, (), months=months, last_used=last, strength=rng.random()))
        out.append(Profile(skills=tuple(evidence), total_months=rng.randint(0, 300), as_of=AS_OF))
    return out


def real_profiles(limit: int) -> list[Profile] | None:
    """Profiles of the dotin CVs (text), or None without the corpora."""
    from _corpora import corpora_dir, dotin_cvs

    root = corpora_dir()
    if root is None:
        return None
    return [sm.extract_profile(doc.text, as_of=AS_OF) for doc in dotin_cvs(root)[:limit]]


def run(n: int = 100_000, *, jd: Path | None = None, quick: bool = False) -> dict[str, Any]:
    """Time scoring ``n`` profiles against one job; returns the numbers for bench/run.py."""
    job = sm.load_job(jd or ROOT / "samples" / "jds" / "python-backend.yaml")
    base = real_profiles(60 if quick else 310)
    source = "dotin CVs" if base else "synthetic"
    if not base:
        base = synthetic_profiles(500)
    profiles = [base[i % len(base)] for i in range(n)]

    start = time.perf_counter()
    matrix = ProfileMatrix.from_profiles(profiles)
    build = time.perf_counter() - start

    timings = []
    for _ in range(3 if not quick else 1):
        start = time.perf_counter()
        scores = score_many(matrix, job)
        timings.append(time.perf_counter() - start)
    batch = min(timings)

    loop_n = min(n, 500 if quick else 2_000)
    start = time.perf_counter()
    singles = [sm.score(p, job).score for p in profiles[:loop_n]]
    loop = time.perf_counter() - start
    if any(abs(a - b) > 1e-6 for a, b in zip(scores[:loop_n], singles, strict=True)):
        raise AssertionError("score_many disagrees with score()")

    return {
        "profiles": n,
        "source": source,
        "matrix_build_s": build,
        "score_many_s": batch,
        "score_many_per_s": n / batch,
        "score_loop_per_s": loop_n / loop,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="profiles to score (default 100,000)")
    parser.add_argument("--jd", type=Path, help="job file (default samples/jds/python-backend.yaml)")
    parser.add_argument("--quick", action="store_true", help="fewer repeats and real profiles")
    args = parser.parse_args(argv)
    r = run(args.n, jd=args.jd, quick=args.quick)
    print(f"{r['profiles']:,} profiles ({r['source']}) against one job")
    print(f"  build ProfileMatrix (once, job-independent): {r['matrix_build_s']:.2f} s")
    print(f"  score_many:  {r['score_many_s']:.3f} s  ({r['score_many_per_s']:,.0f} profiles/s)")
    print(f"  score() loop: {r['score_loop_per_s']:,.0f} profiles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
