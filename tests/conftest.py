"""Shared fixtures: expensive objects are built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

import skillmatch as sm
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
