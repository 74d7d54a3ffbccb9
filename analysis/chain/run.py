"""The chain command: every practice a Dask task, then the pooled effects and the chain report.

By default a local cluster sized to the machine (one single-threaded worker process per core,
listening on 127.0.0.1 only); with ``scheduler`` (or Dask's own ``DASK_SCHEDULER_ADDRESS``) the
same run on an existing cluster, whose workers must see the chain folder and the output folder
under the same paths (a shared disk) and run this package. Outputs, under ``out``:

- ``data/{posts,weekly,effects}/practice=<id>/part.parquet``: each practice's tables;
- ``data/practices/<id>.json``: what its task found, with the fingerprint of its inputs and the
  code version: a later run analyses again only the practices whose inputs or code changed;
- ``data/pooled.parquet`` and ``keten.json``: the pooled effect per topic;
- ``index.html`` and ``praktijken/<id>.html``: the chain report and one page per practice.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..core.errors import InputError
from ..core.outputs import OutputRefused, check_not_input, private_dir, unique_log
from .folders import PracticeFolder, find_practices
from .page import write_pages
from .pooling import PooledEffect, pooled_effects, with_shrinkage
from .practice import TABLES, PracticeSummary, analyse_practice, chain_code_version, partition

MARKER = ".praktijkblog-keten"
WAIT_FOR_WORKERS = 60  # seconds an external scheduler may take to get its first worker
UNEXPECTED = "onverwachte fout bij het analyseren; de details staan in het logbestand"


@dataclass
class ChainRun:
    """What one chain run did."""

    practices: list[PracticeSummary]
    skipped: list[tuple[str, str]]  # (folder, reason): not a practice folder
    pooled: dict[str, PooledEffect]
    effects: pd.DataFrame  # every practice's effects, with the shrunk estimates
    workers: int

    @property
    def analysed(self) -> int:
        return sum(1 for p in self.practices if p.ok and not p.reused)

    @property
    def reused(self) -> int:
        return sum(1 for p in self.practices if p.ok and p.reused)

    @property
    def failed(self) -> list[PracticeSummary]:
        return [p for p in self.practices if not p.ok]


def check_chain_folder(out: Path, chain: Path) -> None:
    """Refuse an output folder that is the chain itself or inside it, or holds someone else's files."""
    check_not_input(out, [chain])
    if Path(chain).resolve() in Path(out).resolve().parents:
        raise OutputRefused(f"--out '{Path(out).name}' ligt in de ketenmap; kies een map ernaast")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        raise OutputRefused(f"de map '{out.name}' bestaat al en is geen eerder ketenrapport; kies met --out een "
                            "nieuwe of lege map")


def _previous(out: Path, practice: PracticeFolder, code: str, fingerprint: str) -> PracticeSummary | None:
    path = out / "data" / "practices" / f"{practice.id}.json"
    try:
        summary = PracticeSummary.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    complete = not summary.ok or all(partition(out, t, practice.id).is_file() for t in TABLES)
    if summary.code == code and summary.fingerprint == fingerprint and complete:
        summary.reused = True
        return summary
    return None


def _save(out: Path, summary: PracticeSummary) -> None:
    folder = private_dir(out / "data" / "practices")
    (folder / f"{summary.id}.json").write_text(json.dumps(summary.to_dict(), ensure_ascii=False, indent=1),
                                               encoding="utf-8")


def _forget_removed(out: Path, practices: list[PracticeFolder]) -> None:
    """Remove the tables and summaries of practices no longer in the chain folder."""
    current = {p.id for p in practices}
    for table in TABLES:
        for folder in (out / "data" / table).glob("practice=*"):
            if folder.name.split("=", 1)[1] not in current:
                shutil.rmtree(folder)
    for path in (out / "data" / "practices").glob("*.json"):
        if path.stem not in current:
            path.unlink()


def _client(scheduler: str | None, workers: int | None):
    """(client, cluster or None): the given scheduler, Dask's configured one, or a local cluster."""
    import dask
    from distributed import Client, LocalCluster

    for name in ("distributed", "tornado", "bokeh"):  # a task's failure is the chain's report line, not a log
        logging.getLogger(name).setLevel(logging.CRITICAL)
    address = scheduler or dask.config.get("scheduler-address", None)
    if address:
        try:
            client = Client(address, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise InputError(f"geen Dask-scheduler bereikbaar op {address} ({type(exc).__name__}); start hem, of "
                             "laat --scheduler weg voor een cluster op deze computer") from None
        try:
            client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
        except TimeoutError:
            client.close()
            raise InputError(f"de Dask-scheduler op {address} heeft na {WAIT_FOR_WORKERS} s nog geen workers; start "
                             "er een met: dask worker ADRES --nthreads 1") from None
        return client, None
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None, silence_logs=logging.CRITICAL)
    return Client(cluster), cluster


def _analyse(client, todo: list[PracticeFolder], out: Path, code: str, prints: dict[str, str],
             progress: Callable[[str], None]) -> list[PracticeSummary]:
    from distributed import as_completed

    todo = sorted(todo, key=lambda p: -sum(f.stat().st_size for f in p.contacts))  # the largest first: no long tail
    futures = client.map(analyse_practice, todo, [prints[p.id] for p in todo], out=str(out), code=code, pure=False,
                         key=[f"praktijk-{p.id}" for p in todo])
    by_key = {f.key: p for f, p in zip(futures, todo)}
    done = []
    for future in as_completed(futures):
        practice = by_key[future.key]
        try:
            summary = future.result()
        except Exception:  # one practice's crash is its own line in the report, never the chain's end
            log = unique_log(f"keten-{practice.id}")
            log.write_text(traceback.format_exc(), encoding="utf-8")
            summary = PracticeSummary(practice.id, practice.id, "", prints[practice.id], code,
                                      error=f"{UNEXPECTED} ({log.name})")
        _save(out, summary)
        done.append(summary)
        progress(f"{len(done)}/{len(todo)} {summary.id}: " + (summary.error or f"{summary.contacts} contacten, "
                                                                             f"{summary.posts} berichten"))
    return done


def _effects(out: Path, summaries: list[PracticeSummary]) -> pd.DataFrame:
    frames = [pd.read_parquet(partition(out, "effects", s.id)).assign(practice=s.id) for s in summaries if s.ok]
    columns = ["practice", "topic", "label", "posts", "contacts", "lift", "log_lift", "se", "usable", "note"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns).astype({"usable": bool})


def run_chain(chain: Path, out: Path, scheduler: str | None = None, workers: int | None = None,
              progress: Callable[[str], None] = lambda line: None) -> ChainRun:
    """Analyse every practice in *chain* (those unchanged since the last run into *out* are read
    back), pool the topic effects and write the chain report into *out*."""
    chain, out = Path(chain), Path(out)
    if not chain.is_dir():
        raise InputError(f"ketenmap '{chain.name}' niet gevonden of geen map")
    check_chain_folder(out, chain)
    practices, skipped = find_practices(chain)
    if not practices:
        reasons = "; ".join(f"{name}: {why}" for name, why in skipped) or "de map is leeg"
        raise InputError(f"geen praktijkmappen gevonden in '{chain.name}' ({reasons})")
    code = chain_code_version()
    prints = {p.id: p.fingerprint() for p in practices}  # read once: the tasks get it with their practice
    previous = {p.id: s for p in practices if (s := _previous(out, p, code, prints[p.id])) is not None}
    todo = [p for p in practices if p.id not in previous]
    client, cluster = _client(scheduler, workers) if todo else (None, None)  # before anything is written
    private_dir(out)
    (out / MARKER).write_text("ketenrapport van praktijkblog-analyse\n", encoding="utf-8")
    _forget_removed(out, practices)
    workers_used, fresh = 0, {}
    if client is not None:
        try:
            workers_used = len(client.scheduler_info(n_workers=-1)["workers"])
            fresh = {s.id: s for s in _analyse(client, todo, out, code, prints, progress)}
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    summaries = [previous.get(p.id) or fresh[p.id] for p in practices]
    effects = _effects(out, summaries)
    pooled = pooled_effects(effects)
    effects = with_shrinkage(effects, pooled)
    pd.DataFrame([p.to_dict() for p in pooled.values()]).to_parquet(out / "data" / "pooled.parquet", index=False)
    run = ChainRun(summaries, skipped, pooled, effects, workers_used)
    (out / "keten.json").write_text(json.dumps(chain_json(run), ensure_ascii=False, indent=2), encoding="utf-8")
    write_pages(run, out)
    return run


def chain_json(run: ChainRun) -> dict:
    return {"practices": [p.to_dict() for p in run.practices],
            "skipped_folders": [{"folder": f, "reason": r} for f, r in run.skipped],
            "analysed": run.analysed, "reused": run.reused, "failed": len(run.failed), "workers": run.workers,
            "pooled": {t: p.to_dict() for t, p in run.pooled.items()}}
