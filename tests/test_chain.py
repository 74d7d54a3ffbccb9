"""A chain of practices: pooled effects (recovery, coverage, shrinkage), the synthetic chain, and the
chain command on a local Dask cluster and on a scheduler and worker started here on 127.0.0.1."""
from __future__ import annotations

import json
import math
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.chain.folders import find_practices
from analysis.chain.pooling import pool_topic, shrunk
from analysis.chain.run import run_chain
from analysis.core.errors import InputError
from analysis.sample.chain import CHAIN, planted_lifts, write_chain

VENV_BIN = Path(sys.executable).parent


# --- pooling: statistics on simulated practice estimates ---------------------------------------

def _estimates(rng, k: int, mean: float, tau: float):
    se = rng.uniform(0.08, 0.6, k)  # small and large practices
    true = mean + tau * rng.standard_normal(k)
    return true, true + se * rng.standard_normal(k), se


@pytest.mark.parametrize("k,tau", [(8, 0.0), (20, 0.2), (50, 0.3)])
def test_the_pooled_interval_holds_the_planted_mean_about_95_times_in_100(k, tau):
    rng = np.random.default_rng(k)
    mean, hits, estimates, taus = math.log(1.5), 0, [], []
    for _ in range(400):
        _, y, se = _estimates(rng, k, mean, tau)
        pooled = pool_topic("rug", y, se)
        hits += pooled.low <= math.exp(mean) <= pooled.high
        estimates.append(pooled.log_lift)
        taus.append(pooled.tau)
    assert 0.925 <= hits / 400 <= 0.99
    assert abs(np.mean(estimates) - mean) < 0.03
    assert abs(np.median(taus) - tau) < 0.06  # τ cannot go below 0: its mean is biased up near 0


def test_no_effect_in_any_practice_is_rarely_called_an_effect_in_the_chain():
    rng = np.random.default_rng(7)
    called = sum(pool_topic("zorgverzekering", *_estimates(rng, 12, 0.0, 0.0)[1:]).effect for _ in range(400))
    assert called / 400 <= 0.04


def test_shrinkage_moves_uncertain_practices_most_and_brings_them_closer_to_their_truth():
    rng = np.random.default_rng(3)
    own_error, shrunk_error = [], []
    for _ in range(200):
        true, y, se = _estimates(rng, 20, math.log(1.6), 0.2)
        pooled = pool_topic("knie", y, se)
        after = np.log([shrunk(a, b, pooled)[0] for a, b in zip(y, se)])
        share_moved = np.abs(after - y) / np.maximum(np.abs(y - pooled.log_lift), 1e-12)
        assert np.all(np.diff(share_moved[np.argsort(se)]) >= -1e-9)  # the less certain, the further moved
        own_error.append(np.mean((y - true) ** 2))
        shrunk_error.append(np.mean((after - true) ** 2))
    assert np.mean(shrunk_error) < 0.6 * np.mean(own_error)


def test_a_topic_with_fewer_than_three_practices_gets_no_chain_figure():
    assert pool_topic("lies", [0.3, 0.5], [0.2, 0.3]) is None
    assert pool_topic("lies", [0.3, 0.5, float("nan")], [0.2, 0.3, 0.1]) is None


def test_a_prediction_interval_needs_five_practices():
    rng = np.random.default_rng(1)
    assert not pool_topic("rug", *_estimates(rng, 4, 0.4, 0.1)[1:]).predicts
    wide = pool_topic("rug", *_estimates(rng, 30, 0.4, 0.3)[1:])
    assert wide.predicts and wide.predict_low < wide.low and wide.predict_high > wide.high


# --- the synthetic chain and the chain command -------------------------------------------------

@pytest.fixture(scope="module")
def chain(tmp_path_factory) -> Path:
    """Five small synthetic practices, a folder that is no practice, and one whose export is unreadable."""
    root = tmp_path_factory.mktemp("keten")
    write_chain(5, root, scale=0.35)
    broken = root / "praktijk-kapot"
    shutil.copytree(root / "praktijk-001" / "posts", broken / "posts")
    (broken / "contacts.csv").write_text("dit is geen export\n", encoding="utf-8")
    (root / "administratie").mkdir()
    (root / "administratie" / "notities.txt").write_text("geen praktijk", encoding="utf-8")
    (root / "LEESMIJ.txt").write_text("de keten", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def local_run(chain, tmp_path_factory):
    out = tmp_path_factory.mktemp("ketenrapport") / "rapport"
    return out, run_chain(chain, out, workers=2)


def test_the_synthetic_chain_has_practices_of_very_different_sizes_and_its_truth_written_down(chain):
    truth = json.loads((chain / "planted.json").read_text(encoding="utf-8"))
    sizes = list(truth["sizes"].values())
    assert max(sizes) / min(sizes) > 3
    assert truth["lifts"]["praktijk-002"]["rug"] == pytest.approx(planted_lifts(5).at["praktijk-002", "rug"], abs=1e-4)
    texts = [p.read_text(encoding="utf-8").split("---", 2)[2] for p in (chain / "praktijk-001" / "posts").glob("*.md")]
    assert len(texts) == len(set(texts)) > CHAIN.min_posts  # every post a text of its own


def test_every_folder_of_the_chain_is_analysed_or_skipped_with_its_reason(chain, local_run):
    out, run = local_run
    assert [p.id for p in run.practices] == ["praktijk-001", "praktijk-002", "praktijk-003", "praktijk-004",
                                             "praktijk-005", "praktijk-kapot"]
    assert run.skipped == [("administratie", "geen map posts/ met de berichten")]
    broken = next(p for p in run.practices if p.id == "praktijk-kapot")
    assert "geen contacten ingelezen" in broken.error
    for practice in run.practices[:5]:
        assert practice.ok and practice.contacts > 300 and practice.posts >= CHAIN.min_posts
        assert practice.contact_rows == practice.contacts + practice.contacts_skipped + practice.contacts_duplicate
    assert run.workers == 2 and run.analysed == 5


def test_the_pooled_effects_hold_the_planted_chain_means_and_call_no_null_topic(local_run):
    _, run = local_run
    assert {"rug", "knie"} <= set(run.pooled)
    for topic, mean in CHAIN.mean_lift.items():  # five small practices: wide intervals, but they hold the truth
        if topic in run.pooled:
            assert run.pooled[topic].practices >= 3
            assert run.pooled[topic].low <= mean <= run.pooled[topic].high
    nulls = [t for t in ("zorgverzekering", "hardlopen", "voornemens") if t in run.pooled]
    assert not any(run.pooled[t].effect for t in nulls)


def test_the_outputs_are_parquet_partitioned_by_practice_without_message_text(local_run):
    out, _ = local_run
    effects = pd.read_parquet(out / "data" / "effects")
    assert set(effects["practice"].astype(str)) == {f"praktijk-00{i}" for i in range(1, 6)}
    weekly = pd.read_parquet(out / "data" / "weekly" / "practice=praktijk-003")
    assert list(weekly.columns) == ["week", "topic", "contacts"]
    posts = pd.read_parquet(out / "data" / "posts")
    assert {"title", "main", "b1", "flesch_douma"} <= set(posts.columns) and "text" not in posts.columns
    stored = b"".join(p.read_bytes() for p in (out / "data").rglob("*.parquet"))
    assert b"@example.nl" not in stored and b"Mijn naam is" not in stored


def test_the_chain_page_shows_each_practice_and_the_chain_evidence_beside_its_own(local_run):
    out, run = local_run
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Keten: wat werkt, over 5 praktijken" in page
    assert "praktijk-kapot" in page and "niet geanalyseerd: geen contacten ingelezen" in page
    assert "administratie: geen map posts/" in page
    assert "Traceback" not in page and "/tmp" not in page and str(out) not in page
    own = (out / "praktijken" / "praktijk-001.html").read_text(encoding="utf-8")
    assert "Uw effecten naast die van de keten" in own and "Rug en spit" in own
    assert not (out / "praktijken" / "praktijk-kapot.html").exists()


def test_the_command_line_runs_a_chain_and_says_what_it_did(chain, local_run):
    out, _ = local_run
    result = subprocess.run([sys.executable, "-m", "analysis", "chain", str(chain), "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 1  # one practice could not be analysed
    assert re.search(r"0 praktijken geanalyseerd, 5 ongewijzigd, 1 niet te analyseren; \d+ onderwerpen", result.stdout)
    assert result.stderr == ""
    assert find_practices(chain)[1] == [("administratie", "geen map posts/ met de berichten")]


def test_a_second_run_reads_back_unchanged_practices_and_analyses_only_a_changed_one(chain, local_run):
    out, first = local_run
    start = time.perf_counter()
    again = run_chain(chain, out)
    assert again.reused == 5 and again.analysed == 0 and again.workers == 0  # no cluster started
    assert time.perf_counter() - start < 20
    assert again.pooled["rug"] == first.pooled["rug"]
    changed = chain / "praktijk-004" / "contacts.csv"
    original = changed.read_bytes()
    try:
        lines = original.decode("utf-8-sig").split("\r\n")
        changed.write_bytes(("\r\n".join(lines[:-200]) + "\r\n").encode("utf-8-sig"))
        third = run_chain(chain, out, workers=1)
        assert third.analysed == 1 and third.reused == 4
        assert next(p for p in third.practices if p.id == "praktijk-004").contacts < next(
            p for p in first.practices if p.id == "praktijk-004").contacts
    finally:
        changed.write_bytes(original)


def test_the_chain_refuses_an_output_folder_with_other_files_or_inside_the_chain(chain, tmp_path):
    mine = tmp_path / "mijn-map"
    mine.mkdir()
    (mine / "belangrijk.docx").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="geen eerder ketenrapport"):
        run_chain(chain, mine)
    with pytest.raises(InputError, match="in de ketenmap"):
        run_chain(chain, chain / "rapport")
    assert (mine / "belangrijk.docx").is_file() and not (chain / "rapport").exists()
    with pytest.raises(InputError, match="niet gevonden"):
        run_chain(tmp_path / "bestaat-niet", tmp_path / "uit")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_same_chain_on_an_external_scheduler_gives_the_same_figures(chain, local_run, tmp_path):
    subset = tmp_path / "keten"
    subset.mkdir()
    for name in ("praktijk-001", "praktijk-002", "praktijk-003"):
        shutil.copytree(chain / name, subset / name)
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = subprocess.Popen([str(VENV_BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = subprocess.Popen([str(VENV_BIN / "dask"), "worker", address, "--nthreads", "1", "--host", "127.0.0.1",
                               "--no-dashboard", "--nworkers", "1"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.5)
        out = tmp_path / "rapport"
        run = run_chain(subset, out, scheduler=address)
        assert run.workers == 1 and run.analysed == 3
        local_out, _ = local_run
        for name in ("praktijk-001", "praktijk-002", "praktijk-003"):
            there = pd.read_parquet(out / "data" / "effects" / f"practice={name}")
            here = pd.read_parquet(local_out / "data" / "effects" / f"practice={name}")
            pd.testing.assert_frame_equal(there, here)
    finally:
        for process in (worker, scheduler):
            process.terminate()
            process.wait(timeout=30)


def test_an_unreachable_scheduler_from_dasks_own_setting_is_a_clear_dutch_error(chain, tmp_path, monkeypatch):
    import dask

    address = f"tcp://127.0.0.1:{_free_port()}"
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", address)
    dask.config.refresh()
    try:
        with pytest.raises(InputError, match=f"geen Dask-scheduler bereikbaar op {address}"):
            run_chain(chain, tmp_path / "uit")
        assert not (tmp_path / "uit").exists()  # nothing written before the cluster is there
    finally:
        monkeypatch.delenv("DASK_SCHEDULER_ADDRESS")
        dask.config.refresh()
