"""Shared fixtures: paths into the repository and the loaded NLP pipeline."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Every test run starts with an empty result cache of its own (also for the notebook
# kernels nbval starts), so no test can pass on results an older code version cached.
os.environ["ANALYSIS_CACHE_DIR"] = tempfile.mkdtemp(prefix="analysis-cache-")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def nlp():
    from analysis.text.nlp import load_pipeline

    return load_pipeline()
