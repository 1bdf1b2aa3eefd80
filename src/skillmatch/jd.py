"""Job descriptions: free-text ads and the structured YAML/JSON format, reduced to a Job.

A job is a list of requirements; each is an any-of group of skills ("Python or Go"),
required or preferred, with optional minimum years, a weight and a knock-out flag.

>>> import skillmatch as sm
>>> job = sm.parse_job('''Backend Engineer
... Requirements
... - 3+ years of Python or Go
... - PostgreSQL
... Nice to have
... - Kubernetes''')
>>> [(r.skills, r.kind, r.min_years) for r in job.requirements]
[(('python', 'go'), 'required', 3.0), (('postgresql',), 'required', None), (('kubernetes',), 'preferred', None)]

Free text is read in three steps: the ad is split into blocks by its headings
("Requirements", "Nice to have", "About us" ...), each block into items (bullets and
sentences), and the skills the shared extractor finds in an item are grouped: mentions
joined by "or", "/" or listed after "one of" / "such as" form one any-of requirement,
mentions joined by "and" or a bare comma list form one requirement each. "N+ years of X"
sets the years of the group that follows it, or the job's overall minimum when no skill
follows ("5+ years of software development").

This module holds the public functions and ties the steps together; the heading table,
blocks and items are in ``_jd_blocks``, the grouping in ``_jd_groups`` and the structured
format in ``_jd_structured``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from ._jd_blocks import Block, find_blocks, find_items, find_title
from ._jd_groups import Group, item_groups, merge_groups
from ._jd_structured import STRUCTURED_SUFFIXES, job_schema, load_structured_job
from .models import Job, Mention, Section
from .normalize import normalize_text
from .taxonomy import Taxonomy, load_taxonomy

__all__ = ["SCHEMA_VERSION", "job_schema", "load_job", "parse_job", "requirements_from_mentions"]

SCHEMA_VERSION = "1"


# -- public API ---------------------------------------------------------------------


def parse_job(text: str, *, taxonomy: Taxonomy | None = None, title: str | None = None) -> Job:
    """Read a free-text job description into requirements.

    >>> import skillmatch as sm
    >>> job = sm.parse_job("Senior Engineer\\nMust have: 5+ years of experience, AWS/GCP/Azure")
    >>> job.title, job.min_years, [r.skills for r in job.requirements]
    ('Senior Engineer', 5.0, [('aws', 'gcp', 'azure')])
    """
    tax = taxonomy if taxonomy is not None else load_taxonomy()
    text = normalize_text(text)
    blocks = find_blocks(text)
    mentions = _find_mentions(text, blocks, tax)
    job = requirements_from_mentions(text, mentions, taxonomy=tax, blocks=blocks)
    if title is not None:
        job = replace(job, title=title)
    return job


def load_job(path: str | os.PathLike[str], *, taxonomy: Taxonomy | None = None) -> Job:
    """Read a job from a YAML/JSON file (the structured format) or a TXT/MD/PDF/DOCX/HTML ad.

    Structured files are validated against ``job.schema.json``; errors name the file, the
    line (YAML) and the field.

    >>> import skillmatch as sm, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "job.yaml"
    >>> _ = p.write_text("title: API Engineer\\nrequirements:\\n  - skills: [python, go]\\n    min_years: 3\\n")
    >>> sm.load_job(p).requirements[0].skills
    ('python', 'go')
    """
    source = os.fspath(path)
    tax = taxonomy if taxonomy is not None else load_taxonomy()
    if Path(source).suffix.lower() in STRUCTURED_SUFFIXES:
        return load_structured_job(source, taxonomy=tax, parse_text=partial(parse_job, taxonomy=tax))

    from .documents import read_document  # a job ad may be a PDF or DOCX

    document = read_document(source)
    job = parse_job(document.text, taxonomy=tax)
    warnings = (*job.warnings, *document.warnings)
    return replace(job, source=source, warnings=warnings)


def requirements_from_mentions(
    text: str,
    mentions: Iterable[Mention],
    *,
    taxonomy: Taxonomy | None = None,
    blocks: Sequence[Block] | None = None,
) -> Job:
    """Group skill mentions of a job ad into requirements (the second half of :func:`parse_job`).

    ``mentions`` are the extractor's; only credited ones count. Exposed so the grouping
    can be tested, and reused, with mentions from any source.
    """
    tax = taxonomy if taxonomy is not None else load_taxonomy()
    blocks = list(blocks) if blocks is not None else find_blocks(text)
    credited = sorted((m for m in mentions if m.credited), key=lambda m: (m.start, -m.end))
    has_requirement_blocks = any(b.kind in ("required", "preferred") for b in blocks)
    groups: list[Group] = []
    overall: list[float] = []
    for block in blocks:
        if block.kind in ("boilerplate", "title"):
            continue
        in_block = [m for m in credited if block.start <= m.start < block.end]
        for item_start, item_end in find_items(text, block):
            item_mentions = [m for m in in_block if item_start <= m.start < item_end]
            found, item_years = item_groups(
                text, item_start, item_end, item_mentions, block, has_requirement_blocks, tax
            )
            groups.extend(found)
            # overall years count from requirement text, or from any text of an ad without headings
            if item_years is not None and (
                block.kind in ("required", "other") or (block.kind == "duties" and not has_requirement_blocks)
            ):
                overall.append(item_years)
    requirements = merge_groups(groups, tax)
    warnings: list[str] = []
    if not requirements:
        warnings.append("no skills from the taxonomy found in the job description")
    return Job(
        requirements=tuple(requirements),
        title=find_title(text, blocks),
        min_years=max(overall) if overall else None,
        warnings=tuple(warnings),
    )


# -- skill finding ------------------------------------------------------------------

# Job blocks as the CV sections the extractor knows: requirement lists read like a
# skills section, duties like experience bullets, the rest as other text.
_SECTION_OF: dict[str, str] = {
    "title": "header",
    "required": "skills",
    "preferred": "skills",
    "stack": "skills",
    "duties": "experience",
    "boilerplate": "other",
    "other": "other",
}


def _find_mentions(text: str, blocks: Sequence[Block], taxonomy: Taxonomy) -> list[Mention]:
    from .matcher import get_extractor  # built once per taxonomy and reused

    sections = [Section(_SECTION_OF[b.kind], b.heading, b.start, b.end) for b in blocks]
    return list(get_extractor(taxonomy).find(text, sections, kind="job"))
