"""Shared fixtures: expensive objects are built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

import skillmatch as sm
from _extraction_taxonomy import make_taxonomy
from skillmatch.matcher import SkillExtractor, get_extractor
from skillmatch.taxonomy import Taxonomy

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPORA = ROOT.parent / "shared" / "corpora"


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return sm.load_taxonomy()


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def corpora_dir() -> Path:
    if not CORPORA.is_dir():
        pytest.skip("../shared/corpora is not present")
    return CORPORA


@pytest.fixture(scope="session")
def tax(tmp_path_factory: pytest.TempPathFactory) -> Taxonomy:
    """The fixed hand-made taxonomy of the extraction tests (``tests/_extraction_taxonomy.py``)."""
    return make_taxonomy(tmp_path_factory.mktemp("extraction-taxonomy"))


@pytest.fixture(scope="session")
def ex(tax: Taxonomy) -> SkillExtractor:
    """The extractor over :func:`tax`, built once for every extraction test module."""
    return get_extractor(tax)
