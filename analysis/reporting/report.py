"""Run the notebooks (papermill) and render them as a no-code HTML report.

``make report`` executes every notebook with its parameters into
``reports/notebooks/`` and renders ``reports/index.html`` (the summary) plus one
page per notebook, with figures embedded and no code, readable offline and
printable. ``make notebooks`` re-executes the notebooks in place so that their
committed outputs are fresh.
"""
from __future__ import annotations

import dataclasses
import html
import os
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

import jupytext
import nbformat
import papermill
from ipykernel.ipkernel import IPythonKernel
from jupyter_core.utils import ensure_event_loop
from nbconvert import HTMLExporter
from papermill.exceptions import PapermillExecutionError

from ..core.errors import InputError
from ..core.outputs import REPORT_MARKER, check_report_folder, unique_log
from ..core.paths import NOTEBOOKS as NOTEBOOK_DIR
from ..text.frog import frog_version
from .context import ReportConfig, report_context
from .glossary import glossary_html
from .safe import CSP, clean_html

NOTEBOOKS = {
    "00_overzicht": "Overzicht",
    "01_corpus": "De blog",
    "02_readability": "Leesbaarheid",
    "03_topics": "Onderwerpen",
    "04_seasonality": "Seizoenen en effecten",
    "05_planner": "Planner",
    "07_methode": "Methode en controle",
}
VOLATILE_METADATA = ("papermill", "execution")
STYLE = """
body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:75rem;margin:0 auto;padding:1rem 1.5rem;
color:#222;line-height:1.5}
nav{border-bottom:2px solid #1b6ca8;padding:.5rem 0;margin-bottom:1rem}
nav a{margin-right:1rem;color:#1b6ca8;text-decoration:none;font-weight:bold}
nav a.actief{color:#222;border-bottom:3px solid #e07a1f}
img{max-width:100%;height:auto}
table{border-collapse:collapse;font-size:.8rem;margin:.5rem 0;max-width:100%}
th,td{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
main .dataframe thead th,main .dataframe tbody tr th{text-align:left;vertical-align:top}
th{background:#eef3f8}
pre{white-space:pre-wrap;background:#f7f7f7;padding:.5rem;font-size:.85rem}
footer{margin-top:2rem;font-size:.8rem;color:#666}
a.anchor-link{display:none}
p,li,dd{max-width:60rem}
details{margin:.8rem 0;padding:.3rem .6rem;background:#f7f7f7;border-left:3px solid #1b6ca8}
summary{cursor:pointer;font-weight:bold}
@page{size:A4;margin:12mm}
@media print{nav{display:none}body{max-width:none;padding:0;font-size:9.5pt;line-height:1.35}
h1{font-size:16pt;margin:0 0 .4rem}h2{font-size:12pt;margin:.6rem 0 .2rem}ul{margin:.2rem 0}
img{max-height:7.5cm;width:auto}footer{margin-top:.5rem}
table{font-size:7.5pt}th,td{padding:.1rem .25rem;overflow-wrap:anywhere}}
"""


def _clean(nb) -> None:
    """Drop execution timings and papermill bookkeeping (paths, durations) from a notebook, and
    the paths of the inputs from the parameters papermill wrote into it: an executed notebook
    is shared, and a path names the user's folders and files."""
    for key in VOLATILE_METADATA:
        nb.metadata.pop(key, None)
    for cell in nb.cells:
        for key in VOLATILE_METADATA:
            cell.metadata.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.source = re.sub(r"""^(\w+) = (['"]).*?[/\\].*?\2$""", r"\1 = '(pad niet bewaard)'",
                                 cell.source, flags=re.M)


def execute(name: str, output: Path, parameters: dict | None = None) -> Path:
    """Execute notebook *name* into *output* with papermill, its kernel working in notebooks/.
    The kernel is told its folder (nbclient's ``resources``) instead of papermill's ``cwd``, which
    changes the working directory of the whole process and so cannot run two pages at once."""
    papermill.execute_notebook(NOTEBOOK_DIR / f"{name}.ipynb", output, parameters=parameters or {},
                               resources={"metadata": {"path": str(NOTEBOOK_DIR)}},
                               kernel_name="python3", progress_bar=False,
                               log_output=False, extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
    nb = nbformat.read(output, as_version=4)
    _clean(nb)
    nbformat.write(nb, output)
    return output


def notebook_from_source(name: str):
    """The notebook *name* as its jupytext source ``notebooks/<name>.py`` defines it, without
    outputs: stable cell ids (a regenerated notebook gives a reviewable diff) and the kernel's
    language information (without it JupyterLab marks a notebook as modified on opening)."""
    nb = jupytext.read(NOTEBOOK_DIR / f"{name}.py")
    for i, cell in enumerate(nb.cells):
        cell.id = f"{name[:2]}-{i:02d}"
    nb.metadata["language_info"] = dict(IPythonKernel.language_info)
    nb.metadata.get("jupytext", {}).pop("text_representation", None)  # the source's own header
    return nb


def refresh_notebooks(names: list[str] | None = None) -> None:
    """Write every notebook from its source; re-execute the report's notebooks in place with their
    default parameters (their committed outputs). Always on the default path without Frog, so the
    committed outputs are the same on every machine (nbval checks them where Frog is installed too)."""
    os.environ["ANALYSIS_FROG"] = "0"
    frog_version.cache_clear()
    names = names or [p.stem for p in sorted(NOTEBOOK_DIR.glob("0*.py"))]
    if set(names) & set(NOTEBOOKS):
        _compute_context(ReportConfig())
    for name in names:
        start = time.perf_counter()
        target = NOTEBOOK_DIR / f"{name}.ipynb"
        nbformat.write(notebook_from_source(name), target)
        if name in NOTEBOOKS:
            execute(name, target)
        print(f"  {name}.ipynb bijgewerkt ({time.perf_counter() - start:.0f} s)", flush=True)


def _compute_context(config: ReportConfig) -> None:
    """The analyses every page renders, once, stored for the notebooks' kernels."""
    start = time.perf_counter()
    print("  analyses uitvoeren ...", end=" ", flush=True)
    context = report_context(config)
    try:
        context.compute()
    except BaseException:
        print("mislukt", flush=True)
        raise
    context.save()
    print(f"klaar ({time.perf_counter() - start:.0f} s)", flush=True)


def _href(name: str) -> str:
    return "index.html" if name == "00_overzicht" else f"{name}.html"


def _page(title: str, body: str, current: str) -> str:
    active = ' class="actief"'
    links = "".join(f'<a href="{_href(n)}"{active if n == current else ""}>{html.escape(t)}</a>'
                    for n, t in NOTEBOOKS.items())
    links += f'<a href="begrippen.html"{active if current == "begrippen" else ""}>Begrippen</a>'
    return (f'<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)} – praktijkblog-analyse</title><style>{STYLE}</style></head>"
            f"<body><nav>{links}</nav><main>{body}</main>"
            "<footer>Gemaakt met praktijkblog-analyse; alle cijfers zijn berekend uit de "
            "gegevens die elke pagina noemt.</footer></body></html>\n")


def render_site(notebooks: dict[str, Path], out: Path) -> Path:
    """Render executed notebooks as linked HTML pages without code; returns index.html."""
    out.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    for name, path in notebooks.items():
        body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4))
        body = re.sub(r'href="(0\d_\w+)\.ipynb"', lambda m: f'href="{_href(m.group(1))}"', body)
        target = out / ("index.html" if name == "00_overzicht" else f"{name}.html")
        target.write_text(_page(NOTEBOOKS[name], clean_html(body), name), encoding="utf-8")
    (out / "begrippen.html").write_text(_page("Begrippen", glossary_html(), "begrippen"), encoding="utf-8")
    return out / "index.html"


class ReportFailed(Exception):
    """A notebook stopped; the message (Dutch) names it, the step and the log file."""


def _failure(name: str, exc: PapermillExecutionError, work: Path, out: Path) -> ReportFailed:
    """Keep the failed notebook and its traceback in the log folder; say what happened."""
    log = unique_log(f"rapport-{name}")
    log.write_text(f"{exc.ename}: {exc.evalue}\n\n" + "\n".join(exc.traceback), encoding="utf-8")
    failed = work / "notebooks" / f"{name}.ipynb"
    if failed.exists():
        shutil.copy(failed, log.with_suffix(".ipynb"))
    evalue = _shortened(" ".join(str(exc.evalue).split()))
    if exc.ename in _input_errors():  # bad input: its message says what to fix
        return _not_updated(f"notebook {name} stopte bij stap {exc.exec_count}: {evalue}", out)
    return _not_updated(f"notebook {name} stopte bij stap {exc.exec_count} ({exc.ename}: {evalue})", out,
                        f" Details: {log}")


def _not_updated(why: str, out: Path, details: str = "") -> ReportFailed:
    """'Het rapport is niet bijgewerkt: <why>.' and whether an earlier report is still there."""
    unchanged = (f"Het vorige rapport in {out} is ongewijzigd." if (out / "index.html").exists()
                 else "Er is geen rapport geschreven.")
    return ReportFailed(f"Het rapport is niet bijgewerkt: {why.rstrip('.')}. {unchanged}{details}")


def _shortened(text: str, limit: int = 300) -> str:
    """At most *limit* characters, cut between words."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _input_errors() -> set[str]:
    """The names of InputError and its subclasses (an error a page raises on bad input)."""
    found, todo = set(), [InputError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return found


def _timed(name: str, output: Path, parameters: dict) -> tuple[Path, float]:
    """Execute one page in a worker thread; its event loop (papermill makes one per thread) is
    closed after it."""
    start = time.perf_counter()
    try:
        return execute(name, output, parameters), time.perf_counter() - start
    finally:
        ensure_event_loop().close()


def _execute_pages(executed: Path, config: ReportConfig, work: Path, out: Path) -> dict[str, Path]:
    """Execute every notebook on the computed context, one more at a time than there are cores
    (each has its own kernel and only reads the context, so the order does not matter). The last
    pages (method, planner) take longest, so they start first and the cores stay busy to the end.
    The first page that fails stops the report."""
    workers = max(1, min((os.cpu_count() or 1) + 1, len(NOTEBOOKS)))  # a kernel waits part of its start-up
    parameters = {"REPORT": config.to_json()}
    done: dict[str, Path] = {}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        running = {pool.submit(_timed, name, executed / f"{name}.ipynb", parameters): name
                   for name in reversed(NOTEBOOKS)}
        for finished in as_completed(running):
            name = running[finished]
            try:
                done[name], seconds = finished.result()
            except PapermillExecutionError as exc:
                for waiting in running:
                    waiting.cancel()
                print(f"  {name}.ipynb mislukt", flush=True)
                raise _failure(name, exc, work, out) from None
            print(f"  [{len(done)}/{len(NOTEBOOKS)}] {name}.ipynb klaar ({seconds:.0f} s)", flush=True)
    return {name: done[name] for name in NOTEBOOKS}


def run_report(out: Path, config: ReportConfig) -> Path:
    """Compute the report's context once, execute all notebooks on it and render the HTML report
    into *out*.

    Atomic: everything is built in a fresh folder beside *out*, which replaces *out*
    only when every notebook succeeded; on failure *out* is left as it was."""
    out = Path(out).resolve()
    check_report_folder(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}-nieuw-", dir=out.parent))
    try:
        executed = work / "notebooks"
        executed.mkdir()
        config = dataclasses.replace(config, out=work)
        try:
            _compute_context(config)
        except InputError as exc:  # a bad input file: said before any page runs, in its own words
            raise _not_updated(str(exc), out) from None
        done = _execute_pages(executed, config, work, out)
        render_site(done, work)
        (work / REPORT_MARKER).write_text("Deze map is een rapport van praktijkblog-analyse; een nieuw rapport "
                                          "vervangt haar.\n", encoding="utf-8")
        _replace(out, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    index = out / "index.html"
    print(f"Rapport: {index}", file=sys.stdout)
    return index


def _replace(out: Path, work: Path) -> None:
    """Put the new report *work* in the place of *out* (two renames on one file system); *out*
    was checked to be an earlier report (or empty) by :func:`check_report_folder`."""
    check_report_folder(out)
    old = out.parent / f".{out.name}-oud-{os.getpid()}"
    if out.exists():
        out.rename(old)
    work.rename(out)
    shutil.rmtree(old, ignore_errors=True)

