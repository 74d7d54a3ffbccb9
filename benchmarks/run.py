"""Benchmarks at the scale of a chain of practices (``make bench``).

Builds, from the sample data, a scale corpus (10,000 posts re-combining sample
paragraphs) and a scale contact export (1,000,000 rows), then measures each step
in a fresh process (cold caches), as the median of several runs, with peak memory:

1. floor: spacy.blank("nl") tokenisation of the scale corpus, words per second;
2. full text analysis (loading, NLP, readability, topics), words per second and
   ratio to the floor; cold, and warm with one post changed (result cache); the draft page
   (``make app`` until its text box shows, in headless Chromium);
3. contact import with scrubbing and topic tagging, rows per second;
4. the effects model on the imported contacts;
5. the report on the sample data (``python -m analysis report``, as ``make report`` runs it): its
   analyses computed in one process without caches, the first-ever report (empty result cache,
   deduce's lookup structures not yet built), and warm reports (caches filled, as every later
   month);
6. the chain command on a synthetic chain of 100 practices (``synth --chain``, about 10,000 posts and
   1,000,000 contact rows) on a local Dask cluster with 1 and with 2 workers: throughput, the
   speed-up, and the peak memory of each worker process (empty result cache each run).

7. the Frog path on the sample corpus, cold and warm (where Frog is installed).

Results are written to benchmarks/results/latest.json (committed), and the table in
docs/performance.md is made from it (table.py). ``--only text,app,contacts,report,chain,frog``
measures some steps and keeps the others' last figures, each with the day it was measured;
``--posts``/``--contacts``/``--runs`` give a quicker, smaller run.
"""
from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCALE = ROOT / "benchmarks" / "scale"
RESULTS = ROOT / "benchmarks" / "results"
LATEST = RESULTS / "latest.json"  # committed: the docs' table is made from it (table.py)
TAGGED = SCALE / "contacts-tagged.parquet"  # the imported contacts, for step 4
SEED = 20261125


def build_corpus(n_posts: int) -> Path:
    """Scale corpus: posts made of random sample headings and paragraphs (seeded)."""
    from analysis.sources.corpus import Post, blocks_to_markdown, read_posts

    out = SCALE / f"posts-{n_posts}"
    if out.is_dir() and len(list(out.glob("*.md"))) == n_posts:
        return out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    sample = [post for _, post in read_posts(ROOT / "corpus" / "posts")]
    paragraphs = [b for p in sample for b in p.blocks if b.kind != "heading"]
    headings = [b for p in sample for b in p.blocks if b.kind == "heading"]
    rng = random.Random(SEED)
    for i in range(n_posts):
        chosen = []
        for block in rng.sample(paragraphs, rng.randint(6, 12)):
            if rng.random() < 0.35:
                chosen.append(rng.choice(headings))
            chosen.append(block)
        title = f"{rng.choice(sample).title} ({i})"
        day = f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        post = Post(title=title, body=blocks_to_markdown(chosen), slug=f"post-{i:05d}",
                    meta={"source": "benchmark"})
        post.date = datetime.date.fromisoformat(day)
        (out / post.filename).write_text(post.to_markdown(), encoding="utf-8")
    return out


def build_contacts(n_rows: int) -> Path:
    """Scale export: sample rows resampled with new times over 2021-2026 (seeded)."""
    out = SCALE / f"contacts-{n_rows}.csv"
    if out.exists():
        return out
    SCALE.mkdir(parents=True, exist_ok=True)
    with open(ROOT / "data" / "sample" / "contacts.csv", encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.reader(fh, delimiter=";")]
    header, body = rows[0], [r for r in rows[1:] if r and r[0]]
    rng = random.Random(SEED)
    start = time.mktime((2021, 1, 1, 0, 0, 0, 0, 0, -1))
    span = time.mktime((2026, 11, 22, 0, 0, 0, 0, 0, -1)) - start
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(header)
        for _ in range(n_rows):
            row = list(rng.choice(body))
            row[0] = time.strftime("%d-%m-%Y %H:%M", time.localtime(start + rng.random() * span))
            writer.writerow(row)
    return out


# --- steps, each run in a fresh process -------------------------------------------------

def step_floor(corpus: str) -> dict:
    import spacy

    from analysis.sources.corpus import load_corpus

    posts = load_corpus(Path(corpus))
    texts = list(posts["title"]) + [b.text for blocks in posts["blocks"] for b in blocks]
    nlp = spacy.blank("nl")
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.tokenizer.pipe(texts, batch_size=1000))
    return {"seconds": time.perf_counter() - start, "tokens": words}


def step_analysis(corpus: str, cache: str) -> dict:
    from analysis.sources.corpus import load_corpus
    from analysis.text.nlp import load_pipeline
    from analysis.text.post_analysis import analyze_posts

    start = time.perf_counter()
    nlp = load_pipeline()
    posts = load_corpus(Path(corpus))
    results = analyze_posts(posts, nlp, cache=cache == "on")
    words = sum(r["readability"]["words"] for r in results)
    return {"seconds": time.perf_counter() - start, "words": words}


def step_tag_sample() -> dict:
    """Topic tagging of the whole sample corpus once the pipeline is loaded."""
    from analysis.sources.corpus import load_corpus
    from analysis.text.nlp import load_pipeline
    from analysis.text.topics import TopicTagger

    nlp = load_pipeline()
    posts = load_corpus(ROOT / "corpus" / "posts")
    tagger = TopicTagger()
    start = time.perf_counter()
    tagger.tag_posts(list(zip(posts["title"], posts["blocks"])), nlp)
    return {"seconds": time.perf_counter() - start, "posts": len(posts)}


def step_draft_check() -> dict:
    """The draft checker page on a 1,500-word draft: the first check and a check after an edit."""
    from analysis.reporting.draft_app import check_text
    from analysis.sources.corpus import load_corpus
    from analysis.sources.drafts import draft_from_text
    from analysis.text.nlp import load_pipeline
    from analysis.text.topics import TopicTagger

    nlp, tagger = load_pipeline(), TopicTagger()
    bodies = load_corpus(ROOT / "corpus" / "posts")["body"]
    text = "Een lang concept\n\n" + "\n\n".join(bodies.iloc[:6])
    words = len(" ".join(bodies.iloc[:6]).split())
    start = time.perf_counter()
    check_text(*draft_from_text(text), nlp, tagger, None, None, {})
    first = time.perf_counter() - start
    start = time.perf_counter()
    check_text(*draft_from_text(text + "\n\nEen nieuwe zin erbij."), nlp, tagger, None, None, {})
    return {"seconds": first, "after_edit_seconds": time.perf_counter() - start, "words": words}


def step_app() -> dict:
    """The draft page as ``make app`` serves it, in headless Chromium: seconds from starting the
    command until the text box is there, and from pasting a draft until its verdict is shown."""
    import socket

    from playwright.sync_api import Error, sync_playwright

    from analysis.sources.corpus import load_corpus

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    draft = "Een concept\n\n" + "\n\n".join(load_corpus(ROOT / "corpus" / "posts")["body"].iloc[:2])
    start = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "analysis", "app", f"--port={port}"], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=shutil.which("chromium"), headless=True,
                                         args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page(viewport={"width": 1280, "height": 1600})
            while True:  # until the server listens
                try:
                    page.goto(f"http://127.0.0.1:{port}/", timeout=120_000)
                    break
                except Error:
                    time.sleep(0.1)
            page.wait_for_selector("textarea", timeout=120_000)
            box = time.perf_counter() - start
            page.fill("textarea", draft)
            pasted = time.perf_counter()
            page.wait_for_selector(".concept .oordeel", timeout=120_000)
            verdict = time.perf_counter() - pasted
            browser.close()
    finally:  # the command, Voilà and its kernel: the whole session, as Ctrl+C stops make app
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    return {"seconds": box, "verdict_seconds": verdict, "words": len(draft.split())}


def step_frog(cache: str) -> dict:
    """The Frog path (issue 35) on the sample corpus: Frog's parse and LiNT for every post, cold
    (Frog starts and parses everything) or warm (from the result cache)."""
    from analysis.sources.corpus import load_corpus
    from analysis.text.frog import frog_version
    from analysis.text.nlp import load_pipeline
    from analysis.text.post_analysis import analyze_posts

    start = time.perf_counter()
    nlp = load_pipeline()
    posts = load_corpus(ROOT / "corpus" / "posts")
    results = analyze_posts(posts, nlp, cache=cache == "on")
    assert all(r["readability"]["lint"] for r in results), "no LiNT: is Frog installed?"
    words = sum(r["readability"]["words"] for r in results)
    return {"seconds": time.perf_counter() - start, "words": words, "frog": frog_version()}


def frog_times(runs: int) -> dict:
    """Step 7: words per second of the Frog path, cold and warm (skipped without Frog)."""
    if not shutil.which("frog"):
        return {"skipped": "Frog is not installed (apt-get install frog frogdata)"}
    env = {"ANALYSIS_FROG": "1", "ANALYSIS_CACHE_DIR": str(SCALE / "frog-cache")}
    shutil.rmtree(SCALE / "frog-cache", ignore_errors=True)
    cold = _median([_child("frog", "off", env=env) for _ in range(runs)])
    _child("frog", "on", env=env)  # fill the cache
    warm = _median([_child("frog", "on", env=env) for _ in range(runs)])
    return {"cold": cold | {"words_per_s": cold["words"] / cold["seconds"]},
            "warm": warm | {"words_per_s": warm["words"] / warm["seconds"]}}


def step_contacts(path: str) -> dict:
    from analysis.text.contact_topics import import_tagged_contacts

    start = time.perf_counter()
    frame, report = import_tagged_contacts([Path(path)])
    seconds = time.perf_counter() - start
    frame.to_parquet(TAGGED)  # synthetic, scrubbed, git-ignored: for step 4
    return {"seconds": seconds, "rows": report.to_dict()["rows"], "imported": len(frame)}


def step_effects(corpus: str) -> dict:
    import pandas as pd

    from analysis.text.posts import tagged_posts
    from analysis.text.topics import load_taxonomy
    from analysis.timeseries.covariates import weekly_covariates
    from analysis.timeseries.effects import publication_effects
    from analysis.timeseries.weekly import post_weeks_by_topic, weekly_contacts

    contacts = pd.read_parquet(TAGGED)
    posts = tagged_posts(Path(corpus))
    topics = load_taxonomy().ids
    start = time.perf_counter()
    weekly = weekly_contacts(contacts, topics)
    covariates = weekly_covariates(weekly.index[0], weekly.index[-1])
    publication_effects(weekly, post_weeks_by_topic(posts), covariates, topics)
    return {"seconds": time.perf_counter() - start, "weeks": len(weekly)}


def step_context() -> dict:
    """The sample report's analyses in one process, as a report computes them before its pages."""
    from analysis.reporting.context import ReportConfig, ReportContext

    start = time.perf_counter()
    ReportContext(ReportConfig.from_json("")).compute()
    return {"seconds": time.perf_counter() - start}


def _report(cache_dir: Path, out: Path) -> tuple[float, float, float]:
    """(seconds, peak PSS of the command and its kernels together, of its largest kernel)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "analysis", "report", "--out", str(out)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "ANALYSIS_CACHE_DIR": str(cache_dir)})
    peak, kernel = _sampled(proc)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, "report")
    return time.perf_counter() - start, peak, kernel


def report_times(runs: int) -> dict:
    """Step 5: the first-ever report and the median of *runs* warm ones, beside the analyses alone,
    with the peak PSS of the report with its kernels and of its largest kernel (warm runs)."""
    import deduce

    work = SCALE / "report"
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(Path(deduce.__file__).parent / "data" / "lookup" / "cache", ignore_errors=True)
    first = _report(work / "cache", work / "rapport")[0]
    warm = [_report(work / "cache", work / "rapport") for _ in range(runs)]
    context = _child("context", env={"ANALYSIS_CACHE": "0"})
    shutil.rmtree(work, ignore_errors=True)
    return {"seconds": statistics.median(w[0] for w in warm), "runs": runs, "first_seconds": first,
            "context_seconds": context["seconds"], "peak_mb": None,
            "peak_pss_mb_with_workers": round(max(w[1] for w in warm)),
            "peak_pss_mb_per_child": round(max(w[2] for w in warm))}


def step_chain(chain: str, out: str, workers: str) -> dict:
    from analysis.chain.run import run_chain

    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    run = run_chain(Path(chain), Path(out), workers=int(workers))
    ok = [p for p in run.practices if p.ok]
    return {"seconds": time.perf_counter() - start, "practices": len(ok), "failed": len(run.failed),
            "posts": sum(p.posts for p in ok), "contact_rows": sum(p.contact_rows for p in ok),
            "workers": run.workers}


def chain_times(practices: int) -> dict:
    """Step 6: the same synthetic chain with 1 and with 2 workers, each with an empty result cache."""
    from analysis.sample.chain import generator_version, write_chain

    chain = SCALE / f"chain-{practices}"
    written = json.loads((chain / "planted.json").read_text()) if (chain / "planted.json").is_file() else {}
    if written.get("generator_version") != generator_version():  # none yet, or written by other code
        write_chain(practices, chain)
    runs = {}
    for workers in (1, 2):
        cache = SCALE / "chain-cache"
        shutil.rmtree(cache, ignore_errors=True)
        runs[workers] = _child("chain", str(chain), str(SCALE / "chain-out"), str(workers),
                               env={"ANALYSIS_CACHE_DIR": str(cache)})
    one, two = runs[1], runs[2]
    return {"seconds": two["seconds"], "one_worker_seconds": one["seconds"], "speedup": one["seconds"] / two["seconds"],
            "practices": two["practices"], "failed": two["failed"], "posts": two["posts"],
            "contact_rows": two["contact_rows"], "practices_per_minute": 60 * two["practices"] / two["seconds"],
            "rows_per_s": two["contact_rows"] / two["seconds"], "peak_mb": two["peak_mb"],
            "peak_mb_per_worker": max(one["peak_pss_mb_per_child"], two["peak_pss_mb_per_child"])}


def _tree(pid: int) -> list[int]:
    """*pid* and its descendants (forked workers, and processes started from any of its threads, as
    Dask's nannies start their workers)."""
    out = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in children:
            out += _tree(int(child))
    return out


def _pss_mb(pid: int) -> float:
    """Proportional set size: pages shared between parent and forked workers count once."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _sampled(proc: subprocess.Popen) -> tuple[float, float]:
    """Until *proc* ends: the peak PSS (MB) of it and its descendants together, and of its largest
    descendant, sampled twice a second."""
    peak = child_peak = 0.0
    while proc.poll() is None:
        sizes = {p: _pss_mb(p) for p in _tree(proc.pid)}
        peak = max(peak, sum(sizes.values()))
        child_peak = max([child_peak, *(v for p, v in sizes.items() if p != proc.pid)])
        time.sleep(0.5)
    return peak, child_peak


def _child(step: str, *args: str, env: dict | None = None) -> dict:
    """Run one step in a fresh interpreter; returns its result, the peak memory of that process
    (MB) and the peak PSS of it and its workers together, sampled twice a second."""
    code = (f"import json, resource, sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); "
            f"import run; r = run.step_{step}(*{list(args)!r}); "
            "r['peak_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024; print(json.dumps(r))")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT, env={**os.environ, **(env or {})})
    peak, child_peak = _sampled(proc)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, step)
    result = json.loads(proc.stdout.read().strip().splitlines()[-1])
    return result | {"peak_pss_mb_with_workers": round(peak), "peak_pss_mb_per_child": round(child_peak)}


def _median(results: list[dict]) -> dict:
    keep = dict(results[0])
    keep["seconds"] = statistics.median(r["seconds"] for r in results)
    keep["peak_mb"] = max(r["peak_mb"] for r in results)
    for key in ("peak_pss_mb_with_workers", "peak_pss_mb_per_child"):
        keep[key] = max(r[key] for r in results)
    keep["runs"] = len(results)
    return keep


STEPS = ("text", "app", "contacts", "report", "chain", "frog")  # groups of steps, as --only names them


def text_times(corpus: Path, runs: int) -> dict:
    """Steps 1-2 and the draft checker: the floor, the text analysis cold and warm (one post
    changed each run), topic tagging of the sample and a long draft checked."""
    cache_dir = SCALE / "cache"
    out = {}
    floor = _median([_child("floor", str(corpus)) for _ in range(runs)])
    out["floor"] = floor | {"words_per_s": floor["tokens"] / floor["seconds"]}
    shutil.rmtree(cache_dir, ignore_errors=True)
    no_cache = {"ANALYSIS_CACHE": "0"}  # neither the parsed corpus nor the results from a cache
    cold = _median([_child("analysis", str(corpus), "off", env=no_cache) for _ in range(runs)])
    out["analysis_cold"] = cold | {"words_per_s": cold["words"] / cold["seconds"],
                                   "ratio_to_floor": cold["seconds"] / floor["seconds"]}
    env = {"ANALYSIS_CACHE_DIR": str(cache_dir)}
    _child("analysis", str(corpus), "on", env=env)  # fill the cache
    warm = []
    for run in range(runs):
        changed = sorted(corpus.glob("*.md"))[run]
        changed.write_text(changed.read_text() + f"\nNog een zin erbij ({run}).\n")
        warm.append(_child("analysis", str(corpus), "on", env=env))
    out["analysis_warm_one_changed"] = _median(warm)
    out["tag_sample"] = _median([_child("tag_sample") for _ in range(runs)])
    out["draft_check"] = _median([_child("draft_check") for _ in range(runs)])
    return out


def app_times(runs: int) -> dict:
    """The draft page (skipped without Chromium), after one run that fills the caches a user's
    machine has after its first ``make app``."""
    if not shutil.which("chromium"):
        return {"skipped": "Chromium is not installed (apt-get install chromium)"}
    _child("app")
    return _median([_child("app") for _ in range(runs)])


def contact_times(corpus: Path, contacts: Path, runs: int) -> dict:
    """Steps 3-4: the contact import (no cache: the import itself), then the effects model on
    the imported contacts, read back from a Parquet file (the model's memory, not the import's)."""
    no_cache = {"ANALYSIS_CACHE": "0"}
    imp = _median([_child("contacts", str(contacts), env=no_cache) for _ in range(runs)])
    cache = {"ANALYSIS_CACHE_DIR": str(SCALE / "cache")}  # the posts' topics, as step 2 left them
    effects = _median([_child("effects", str(corpus), env=cache) for _ in range(max(1, runs // 3))])
    return {"contacts": imp | {"rows_per_s": imp["rows"] / imp["seconds"]}, "effects": effects}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chain", type=int, default=100, help="practices in step 6")
    parser.add_argument("--only", default=",".join(STEPS),
                        help=f"comma-separated steps to measure ({', '.join(STEPS)}); the others keep "
                             "their last figures in latest.json")
    args = parser.parse_args()
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    if unknown := [s for s in only if s not in STEPS]:
        parser.error(f"unknown steps: {', '.join(unknown)}")
    os.environ.setdefault("ANALYSIS_FROG", "0")  # steps 1-6 measure the default path; step 7 switches Frog on
    corpus = build_corpus(args.posts) if {"text", "contacts"} & set(only) else None
    groups = {"text": lambda: text_times(corpus, args.runs),
              "app": lambda: {"app": app_times(args.runs)},
              "contacts": lambda: contact_times(corpus, build_contacts(args.contacts), args.runs),
              "report": lambda: {"report": report_times(args.runs)},
              "chain": lambda: {"chain": chain_times(args.chain)},
              "frog": lambda: {"frog": frog_times(args.runs)}}
    machine = {"cores": os.cpu_count(), "python": sys.version.split()[0], "posts": args.posts,
               "contact_rows": args.contacts}
    shown: list[str] = []
    for group in (g for g in STEPS if g in only):  # written after each group: a later failure keeps them
        measured = groups[group]()
        for value in measured.values():
            value.update(measured_on=datetime.date.today().isoformat(), machine=machine)
        results = json.loads(LATEST.read_text()) if LATEST.exists() else {}
        shown += measured
        _write(results | measured, shown=tuple(shown))
    return 0


def _write(results: dict, shown: tuple[str, ...]) -> int:
    """Write *results* to latest.json (valid JSON: no NaN), the table in docs/performance.md, and
    print the table."""
    import table

    RESULTS.mkdir(parents=True, exist_ok=True)
    LATEST.write_text(json.dumps(results, indent=2, sort_keys=True, allow_nan=False) + "\n")
    table.update_docs(results)
    print(table.render(results))
    print(f"measured now: {', '.join(shown) or 'nothing'}; written: {LATEST.relative_to(ROOT)}, "
          f"{table.DOCS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
