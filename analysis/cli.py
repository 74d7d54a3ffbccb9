"""Command line: ``python -m analysis COMMAND``; see ``--help`` of each command."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import traceback
from pathlib import Path

from .core.errors import InputError, os_error_text
from .core.outputs import check_not_input, check_own_file, private_umask, unique_log


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen datum JJJJ-MM-DD: {value!r}") from None


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    print()


def cmd_import(args) -> int:
    from .sources.importers import import_paths

    report = import_paths(args.paths, args.out, date=args.date, force_date=args.force_date)
    _print_json(report.to_dict()) if args.json else print(report.render())
    return 0 if report.ok else 1


def cmd_fetch(args) -> int:
    from .sources.website import Politeness, fetch_site

    result = fetch_site(args.url, args.out, Politeness(delay=args.delay, limit=args.limit))
    if args.json:
        _print_json(result.report.to_dict() | {"found_by": result.how, "requests": result.requests})
    else:
        print(f"Berichten gevonden via {result.how}; {result.requests} verzoeken aan de website.")
        print(result.report.render())
    return 0 if result.report.ok else 1


def cmd_readability(args) -> int:
    from .core.dismissed import read_dismissed
    from .sources.drafts import DraftError, draft_paths
    from .text.draft_check import check, failure, render
    from .text.nlp import load_pipeline

    paths = draft_paths(args.path)
    nlp = load_pipeline()
    if len(paths) > 1:  # Frog (where installed) starts once for the whole folder
        from .text.frog import resident

        resident().start()
    results, dismissed = [], read_dismissed()
    for p in paths:
        try:
            results.append(check(p, nlp, dismissed))
        except DraftError as exc:  # one unreadable file in a folder: said, and the others checked
            results.append(failure(p, exc))
    if args.json:
        _print_json(results if args.path.is_dir() else results[0])
    else:
        print("\n\n".join(render(r, colour=sys.stdout.isatty()) for r in results))
    return 0 if any("error" not in r for r in results) else 1


def cmd_topics(args) -> int:
    from .text.topics.files import render, topics_of_path

    results = topics_of_path(args.path, messages=args.messages)
    _print_json(results) if args.json else print(render(results))
    return 0 if any("error" not in r for r in results) else 1


def cmd_synth(args) -> int:
    from .sample.search import write_search_sample
    from .sample.synthetic import labelled_posts, write_sample
    from .sources.corpus import load_corpus

    if args.chain is not None:
        from .sample.chain import write_chain

        if args.chain < 1:
            raise InputError("--chain: geef het aantal praktijken, 1 of meer")
        if args.out is None:
            raise InputError("--chain: geef met --out een (nieuwe) map voor de keten")
        if args.out.exists() and any(args.out.iterdir()) and not (args.out / "planted.json").is_file():
            raise InputError(f"de map '{args.out.name}' bestaat al en is geen synthetische keten; kies een nieuwe map")
        totals = write_chain(args.chain, args.out, scale=args.scale)
        print(f"synthetische keten geschreven naar {args.out.name}: {totals['practices']} praktijken, "
              f"{totals['posts']} berichten, {totals['contacts']} contacten ({totals['rows']} rijen)")
        return 0
    out = args.out or Path("data/sample")
    posts = labelled_posts(load_corpus(args.corpus))
    summary = write_sample(posts, out)
    write_search_sample(posts, out)
    print(f"synthetische gegevens geschreven naar {out}: {summary['rows']} rijen "
          f"({summary['contacts']} contacten), {summary['pageview_rows']} rijen paginaweergaven")
    return 0


def cmd_chain(args) -> int:
    from .chain.run import chain_json, run_chain

    run = run_chain(args.folder, args.out, scheduler=args.scheduler, workers=args.workers,
                    progress=(lambda line: None) if args.json else (lambda line: print(line, flush=True)))
    if args.json:
        _print_json(chain_json(run))
    else:
        print(f"{run.analysed} praktijken geanalyseerd, {run.reused} ongewijzigd, {len(run.failed)} niet te "
              f"analyseren; {len(run.pooled)} onderwerpen over de keten gecombineerd. Rapport: "
              f"{args.out.name}/index.html")
    return 0 if not run.failed else 1


COLUMN = re.compile(r"""\s*(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^,]*))\s*(?:,|$)""")


def _columns(value: str) -> dict[str, str]:
    """'date=Datum,message="Wat is uw vraag, of opmerking?"': a header with a comma in quotes."""
    found, at = {}, 0
    while at < len(value.strip()):
        m = COLUMN.match(value, at)
        if m is None or m.end() == at:
            raise argparse.ArgumentTypeError('gebruik rol=kolom,rol=kolom, een kolom met een komma tussen '
                                             'aanhalingstekens: message="Uw vraag, of opmerking" (rollen: date, '
                                             "time, message, subject, page)")
        found[m.group(1)] = next(g for g in m.groups()[1:] if g is not None).strip()
        at = m.end()
    return found


def cmd_contacts(args) -> int:
    from .sources.contacts import save_contacts
    from .text.contact_topics import import_tagged_contacts

    check_not_input(args.out, args.files)
    check_own_file(args.out, lambda first: first.startswith("timestamp,"), "geschoonde contactenlijst")
    frame, report = import_tagged_contacts(args.files, columns=args.columns, date_order=args.date_order)
    if report.ok:
        save_contacts(frame, args.out)
    _print_json(report.to_dict() | {"out": str(args.out)}) if args.json else print(
        report.render() + (f"\nGeschreven (alleen geschoonde gegevens): {args.out}" if report.ok else ""))
    return 0 if report.ok else 1


def cmd_weather(args) -> int:
    from .core.settings import settings
    from .sources.knmi import download_daily
    from .sources.weather import read_weather, weather_text

    station = args.station or settings().knmi_station
    end = args.to or dt.date.today()
    text = download_daily(station, args.start, end)
    out = args.out or Path(f"data/weather/knmi_{station}.txt")
    check_own_file(out, lambda first: first.lstrip().startswith(("#", "STN")), "KNMI-bestand")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    days = read_weather(out, station=station)
    print(f"KNMI-daggegevens van station {station} geschreven naar {out}: {len(days)} dagen "
          f"({weather_text(days)}), "
          f"{int(days['ice_day'].sum())} ijsdagen, {int(days['natural_ice'].sum())} natuurijsdagen"
          + (f"; {days.attrs['implausible']} dagen met een onmogelijke temperatuur (code voor 'ontbreekt') als "
             "ontbrekend gelezen" if days.attrs["implausible"] else ""))
    return 0


def cmd_effects(args) -> int:
    from .core.formatting import MONTH_NAMES, nl_count, nl_factor, nl_number
    from .reporting.provenance import level_shift_line, outage_line
    from .timeseries.dataset import load_dataset
    from .timeseries.extra_contacts import effect_window, window_words
    from .timeseries.topic_effects import effects_json

    ds = load_dataset(args.corpus, args.contacts, args.pageviews, args.weather)
    result = effects_json(ds)
    if args.json:
        _print_json(result)
        return 0
    print(f"{result['contacts']} contacten in {result['weeks']} weken "
          f"({result['first_week']} t/m {result['last_week']})")
    for line in [*map(outage_line, ds.outages), *([level_shift_line(ds.level_shift)] if ds.level_shift else [])]:
        print(f"  {line}")
    for r in result["topics"].values():
        posts = nl_count(r["posts"], "bericht", "berichten")
        if r["lift"] is None:
            print(f"  {r['label']}: {r['note']} ({posts}, {r['contacts']} contacten)")
            continue
        verdict = "EFFECT" if r["effect"] else "geen aangetoond effect"
        extra = "" if r["extra"] is None else (
            f"; per bericht naar schatting {nl_number(r['extra'], 1)} extra contacten "
            f"({nl_number(r['extra_low'], 1)} tot {nl_number(r['extra_high'], 1)})")
        season = (f"; piek in {MONTH_NAMES[int(r['peak_month']) - 1]}, {int(r['lead_weeks'])} weken vooraf publiceren"
                  if r["seasonal"] else "")
        lift = f"{nl_factor(r['lift'], r['ci_low'], r['ci_high'])} {window_words(effect_window(r))}"
        note = f" — {r['note']}" if r["note"] else ""
        counts = f"{posts}, {r['contacts']} contacten"
        print(f"  {r['label']}: {lift}, {verdict}{extra}; {counts}{season}{note}")
    return 0


def cmd_report(args) -> int:
    from .reporting.context import ReportConfig
    from .reporting.report import ReportFailed, run_report
    from .sources.landing_pages import read_landing_pages
    from .sources.search_console import read_search_console

    check_not_input(args.out, [args.corpus, args.contacts, args.pageviews, args.weather, args.draft,
                               *args.search_console, args.landing_pages])
    for export in args.search_console:  # a bad export is said here, before any page runs
        read_search_console([export])
    if args.landing_pages:
        read_landing_pages(args.landing_pages)
    config = ReportConfig.for_inputs(args.corpus, args.contacts, pageviews=args.pageviews, weather=args.weather,
                                     draft=args.draft, year=args.year, today=args.today or dt.date.today(),
                                     search_console=tuple(args.search_console) or None,
                                     landing_pages=args.landing_pages)
    try:
        run_report(args.out, config)
    except ReportFailed as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_app(args) -> int:
    import subprocess

    from .core.paths import NOTEBOOKS
    from .reporting.app_server import voila_command, voila_environment

    try:
        return subprocess.call(voila_command(args.port), cwd=NOTEBOOKS, env=voila_environment())
    except KeyboardInterrupt:
        print("concept controleren gestopt", file=sys.stderr)
        return 0


def cmd_notebooks(args) -> int:
    from .reporting.report import refresh_notebooks

    refresh_notebooks(args.names or None)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("import", help="import blog posts (page text, HTML, WordPress export)")
    p.add_argument("paths", nargs="+", type=Path, help="files or folders to import")
    p.add_argument("--out", type=Path, default=Path("corpus/posts"), help="corpus folder")
    p.add_argument("--date", type=_date, help="publication date for posts without one")
    p.add_argument("--force-date", action="store_true",
                   help="with --date: also replace a date the post already has")
    p.add_argument("--json", action="store_true", help="machine-readable report")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("fetch", help="import the blog straight from the practice's public website")
    p.add_argument("url", help="the website, e.g. https://www.praktijk.nl")
    p.add_argument("--out", type=Path, default=Path("data/private/posts"), help="corpus folder")
    p.add_argument("--limit", type=int, default=500, help="posts at most (default 500)")
    p.add_argument("--delay", type=float, default=1.0, help="seconds between two requests (default 1)")
    p.add_argument("--json", action="store_true", help="machine-readable report")
    p.set_defaults(func=cmd_fetch)

    p = sub.add_parser("readability", help="check readability (B1) of a post, draft or folder")
    p.add_argument("path", type=Path, help=".md or .txt file, or a folder")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_readability)

    p = sub.add_parser("topics", help="topics of a post, draft, folder or file of messages")
    p.add_argument("path", type=Path, help=".md/.txt file, folder, or .txt with one message per line")
    p.add_argument("--messages", action="store_true", default=None,
                   help="treat the file as messages, one per line (detected automatically)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_topics)

    p = sub.add_parser("synth", help="regenerate the synthetic sample data (see analysis/sample/synthetic.py)")
    p.add_argument("--corpus", type=Path, default=Path("corpus/posts"))
    p.add_argument("--out", type=Path, default=Path("data/sample"))

    p.add_argument("--chain", type=int, metavar="N", help="write a synthetic chain of N practice folders to --out "
                   "instead (see analysis/sample/chain.py)")
    p.add_argument("--scale", type=float, default=1.0, help="with --chain: practice sizes times this (0.2: small)")
    p.set_defaults(func=cmd_synth)

    p = sub.add_parser("chain", help="analyse a chain of practices on Dask and pool their effects")
    p.add_argument("folder", type=Path, help="the chain folder: one folder per practice (see docs/chain.md)")
    p.add_argument("--out", type=Path, required=True, help="where the chain report and its data go")
    p.add_argument("--scheduler", help="address of a running Dask scheduler (default: DASK_SCHEDULER_ADDRESS, "
                   "else a local cluster)")
    p.add_argument("--workers", type=int, help="workers of the local cluster (default: one per core)")
    p.add_argument("--json", action="store_true", help="machine-readable summary")
    p.set_defaults(func=cmd_chain)

    p = sub.add_parser("contacts", help="import contact-form exports (scrubbed, minimal)")
    p.add_argument("files", nargs="+", type=Path, help="CSV or Excel exports")
    p.add_argument("--out", type=Path, default=Path("data/processed/contacts.csv"),
                   help="where the scrubbed dataset goes (git-ignored folder)")
    p.add_argument("--columns", type=_columns,
                   help="override detection: date=Datum,message=Bericht (message=- for an export without messages)")
    p.add_argument("--date-order", choices=["dmy", "mdy"],
                   help="day or month first in dates like 04/03/2025 (found from the file when left out)")
    p.add_argument("--json", action="store_true", help="machine-readable report")
    p.set_defaults(func=cmd_contacts)

    p = sub.add_parser("weather", help="download daily temperatures from KNMI (needs internet)")
    p.add_argument("--station", type=int, help="KNMI station number (default: practice.yaml, else 249 Berkhout)")
    p.add_argument("--from", dest="start", type=_date, required=True, help="first day, YYYY-MM-DD")
    p.add_argument("--to", type=_date, help="last day, YYYY-MM-DD (default: today)")
    p.add_argument("--out", type=Path, help="where to write the KNMI file (default: data/weather/knmi_STATION.txt)")
    p.set_defaults(func=cmd_weather)

    p = sub.add_parser("effects", help="seasonality and publication effects per topic")
    p.add_argument("--corpus", type=Path, default=Path("corpus/posts"))
    p.add_argument("--contacts", type=Path, nargs="+", required=True, help="contact export(s)")
    p.add_argument("--pageviews", type=Path, help="GA4 or Matomo page-view export (CSV)")
    p.add_argument("--weather", type=Path, help="daily weather: a KNMI daggegevens file, or date,tmax (°C)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_effects)

    p = sub.add_parser("report", help="run all notebooks and write the HTML report")
    p.add_argument("--out", type=Path, default=Path("reports"))
    p.add_argument("--corpus", type=Path, help="corpus folder (default: the sample corpus)")
    p.add_argument("--contacts", type=Path, help="contact export (default: the synthetic sample)")
    p.add_argument("--pageviews", type=Path, help="GA4, Matomo or Plausible page-view export")
    p.add_argument("--weather", type=Path, help="daily weather: a KNMI daggegevens file, or date,tmax")
    p.add_argument("--year", type=int, help="report year (default: the last year in the data)")
    p.add_argument("--draft", type=Path, help="draft to check in the planner")
    p.add_argument("--today", type=_date, help="the day the planner starts from (default: today)")
    p.add_argument("--search-console", type=Path, nargs="+", default=[], metavar="ZIP_OR_FOLDER",
                   help="Search Console performance export(s): the zip or its folder; a second, earlier one shows "
                   "posts losing clicks")
    p.add_argument("--landing-pages", type=Path, help="GA4 landing-page export with key events (CSV)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("app", help="the draft checker in the browser (Voilà on 127.0.0.1 only)")
    p.add_argument("--port", type=int, default=8866)
    p.set_defaults(func=cmd_app)

    p = sub.add_parser("notebooks", help="re-execute notebooks in place (refresh committed outputs)")
    p.add_argument("names", nargs="*", help="notebook names without .ipynb (default: all)")
    p.set_defaults(func=cmd_notebooks)
    return parser


def _log_bug(exc: BaseException) -> Path:
    """Write the traceback of an unexpected error to a log file; returns its path."""
    path = unique_log("fout")
    path.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    private_umask()  # caches, logs, scrubbed contacts and reports: for the user only
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("afgebroken (Ctrl+C); er is niets half geschreven", file=sys.stderr)
        return 130
    except InputError as exc:  # bad input: the message says what to fix
        print(f"fout: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # the file system said no (missing file, no permission, disk full)
        print(f"fout: {os_error_text(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug, not bad input
        if os.environ.get("ANALYSIS_DEBUG"):
            raise
        print(f"onverwachte fout in het programma ({type(exc).__name__}); dit is een fout in de "
              f"analyse, niet in uw gegevens. Details: {_log_bug(exc)}", file=sys.stderr)
        return 3
