"""screen_dask on a real two-worker cluster gives exactly the in-process result."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import skillmatch as sm
from skillmatch.models import Job

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from skillmatch.dask import screen_dask  # noqa: E402  (after the skip: needs the dask extra)

AS_OF = date(2024, 6, 1)
EXTRA = ["Kubernetes", "Redis", "Kafka", "PostgreSQL", "Terraform", "no experience with Rust", "Chef de partie"]


def _texts(samples_dir: Path, n: int) -> list[str | None]:
    """``n`` CV texts: the text samples, each with a different tail of extra lines."""
    bases = [
        p.read_text(encoding="utf-8") for p in sorted((samples_dir / "cvs").glob("*")) if p.suffix in {".txt", ".md"}
    ]
    texts: list[str | None] = []
    for i in range(n):
        tail = "\n".join(EXTRA[j] for j in range(len(EXTRA)) if (i >> j) & 1)
        texts.append(f"{bases[i % len(bases)]}\n\nOther skills\n{tail}\n")
    texts[7] = None  # a missing value is an error row, as in screen_frame
    return texts


@pytest.fixture(scope="module")
def job(samples_dir: Path) -> Job:
    return sm.load_job(samples_dir / "jds" / "python-backend.yaml")


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", memory_limit="2GiB"
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.mark.slow
def test_a_two_worker_cluster_matches_the_in_process_run(samples_dir: Path, job: Job, client: object) -> None:
    frame = pd.DataFrame({"cv_text": _texts(samples_dir, 300), "candidate": [f"c{i}" for i in range(300)]})
    frame.index = pd.RangeIndex(1000, 1300, name="application")
    expected = sm.screen_frame(frame, job, text_column="cv_text", as_of=AS_OF)

    ddf = dd.from_pandas(frame, npartitions=8)
    lazy = screen_dask(ddf, job, text_column="cv_text", as_of=AS_OF)
    assert list(lazy.columns) == list(expected.columns)
    got = lazy.compute()  # type: ignore[no-untyped-call]
    workers = client.run(lambda: 1)  # type: ignore[attr-defined]
    assert len(workers) == 2

    assert list(got.index) == list(expected.index)
    # dask may store the text column as pyarrow strings; every column we add is identical
    for column in ("status", "score", "matched", "partial", "missing", "years", "error_type", "error", "match"):
        pd.testing.assert_series_equal(got[column], expected[column], check_dtype=True, obj=column)
    assert (got["status"] == "ok").sum() == 299
    assert got["score"].nunique() > 3, "the texts were meant to score differently"


def test_the_lazy_frame_declares_the_computed_dtypes(samples_dir: Path, job: Job) -> None:
    frame = pd.DataFrame({"text": _texts(samples_dir, 20)})
    lazy = screen_dask(dd.from_pandas(frame, npartitions=3), job, as_of=AS_OF)
    got = lazy.compute(scheduler="sync")  # type: ignore[no-untyped-call]
    assert dict(lazy.dtypes) == dict(got.dtypes)


def test_a_missing_text_column_fails_before_anything_runs(job: Job) -> None:
    ddf = dd.from_pandas(pd.DataFrame({"cv": ["Python"]}), npartitions=1)
    with pytest.raises(KeyError, match="no column 'text'"):
        screen_dask(ddf, job)
