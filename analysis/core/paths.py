"""Where things live: project root, data, cache and reports.

Defaults follow the repository layout; each can be overridden by environment
variables for an installed package (``ANALYSIS_ROOT``, ``ANALYSIS_CACHE_DIR``,
``ANALYSIS_REPORTS_DIR``).
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
LEXICONS = PACKAGE / "data"
ROOT = Path(os.environ.get("ANALYSIS_ROOT", PACKAGE.parent))
NOTEBOOKS = ROOT / "notebooks"
CORPUS = ROOT / "corpus" / "posts"
SAMPLE_LABELS = ROOT / "corpus" / "topic_labels.csv"  # hand labels of the sample posts
SAMPLE = ROOT / "data" / "sample"
PRIVATE = ROOT / "data" / "private"
LOCAL_TOPICS = ROOT / "topics.yaml"  # a practice's own topics, optional


def cache_dir() -> Path:
    """Folder of the per-post result cache (read at call time, so tests can isolate it)."""
    return Path(os.environ.get("ANALYSIS_CACHE_DIR", ROOT / ".cache" / "analysis"))


def reports_dir() -> Path:
    return Path(os.environ.get("ANALYSIS_REPORTS_DIR", ROOT / "reports"))


def logs_dir() -> Path:
    return cache_dir().parent / "logs"


def is_sample(path: str | Path | None) -> bool:
    """Whether *path* lies in the synthetic sample data."""
    if path is None:
        return False
    try:
        Path(path).resolve().relative_to(SAMPLE.resolve())
        return True
    except ValueError:
        return False
