"""Screen a Dask DataFrame of CV texts: the notebook's ``screen_frame``, once per partition.

Needs the ``dask`` extra (``pip install "skillmatch[dask]"``); Dask is imported only here.
The job is loaded once, on the client, and shipped to the workers with the task graph;
each worker process builds its matcher the first time it scores a partition and reuses it
for every later one.

>>> import dask.dataframe as dd, pandas as pd, skillmatch as sm
>>> from skillmatch.dask import screen_dask
>>> job = sm.Job((sm.Requirement(("python",)),))
>>> ddf = dd.from_pandas(pd.DataFrame({"text": ["Skills: Python", "Head chef"]}), npartitions=2)
>>> screen_dask(ddf, job).compute()["status"].tolist()
['ok', 'ok']
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING

from .api import _coerce_job, screen_frame
from .models import Job

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

    from .taxonomy import Taxonomy

__all__ = ["screen_dask"]


def screen_dask(
    ddf: dd.DataFrame,
    job: Job | str | os.PathLike[str],
    *,
    text_column: str = "text",
    taxonomy: Taxonomy | None = None,
    as_of: date | None = None,
) -> dd.DataFrame:
    """Lazily add :func:`~skillmatch.screen_frame`'s columns to every partition of ``ddf``.

    Rows keep their partition, order and index; nothing runs until ``.compute()`` (or
    ``.to_parquet(...)``). Pass ``as_of`` for results that do not depend on the day the
    cluster runs them. The output's ``meta`` is ``screen_frame`` applied to the empty
    frame, so its dtypes match the computed partitions exactly.
    """
    from dask.dataframe.utils import make_meta  # type: ignore[attr-defined]

    job = _coerce_job(job, taxonomy)
    if text_column not in ddf.columns:
        raise KeyError(f"no column {text_column!r} in the frame (columns: {list(ddf.columns)})")
    empty: pd.DataFrame = make_meta(ddf)  # type: ignore[no-untyped-call]
    meta = screen_frame(empty, job, text_column=text_column, taxonomy=taxonomy, as_of=as_of)
    out: dd.DataFrame = ddf.map_partitions(  # type: ignore[no-untyped-call]
        screen_frame,
        job,
        text_column=text_column,
        taxonomy=taxonomy,
        as_of=as_of,
        meta=meta,
        align_dataframes=False,
    )
    return out
