"""The notebooks read as reports in JupyterLab: code hidden, and not 'modified' on opening.

JupyterLab marks a notebook as modified when anything in it changes after loading: a
kernel name that differs from the installed one, language information the kernel
reports differently, or a notebook format it upgrades. The first tests check the saved
files; the last opens every notebook in a real JupyterLab in headless Chromium (skipped
with a message where Chromium or Playwright is missing; CI installs them).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import nbformat
import pytest
from ipykernel.ipkernel import IPythonKernel
from jupyter_client.kernelspec import KernelSpecManager

from analysis.core.paths import NOTEBOOKS

from .servers import free_port, wait_until_listening
from .test_report_browser import ARGS, CHROMIUM

FILES = sorted(NOTEBOOKS.glob("*.ipynb"))
VERSION_NOTE = ("the notebooks were saved with Python {saved}, this machine runs {here}: JupyterLab "
                "updates that number on opening; `make notebooks` saves them for this machine")


def _same_python(nb) -> None:
    saved, here = nb.metadata["language_info"].get("version"), IPythonKernel.language_info["version"]
    if saved != here:
        pytest.skip(VERSION_NOTE.format(saved=saved, here=here))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_notebook_is_saved_as_jupyterlab_would_save_it(path):
    text = path.read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    nbformat.validate(nb)
    assert (nb.nbformat, nb.nbformat_minor) == (4, nbformat.current_nbformat_minor)  # no upgrade on opening
    assert nbformat.writes(nb) + "\n" == text  # saving it unchanged rewrites the same bytes
    assert nb.metadata["kernelspec"]["display_name"] == KernelSpecManager().get_kernel_spec("python3").display_name
    _same_python(nb)
    assert nb.metadata["language_info"] == IPythonKernel.language_info


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_code_is_hidden_and_the_text_comes_first(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.metadata.get("jupyter", {}).get("source_hidden") for c in code)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    assert not any(k in c.metadata for c in nb.cells for k in ("papermill", "execution"))


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); JupyterLab check skipped")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    home = tmp_path_factory.mktemp("lab")
    shutil.copytree(NOTEBOOKS, home / "notebooks")
    port = free_port()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(home / "runtime")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", "--ServerApp.password=",
         f"--ServerApp.root_dir={home / 'notebooks'}", f"--LabApp.workspaces_dir={home / 'workspaces'}",
         "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_until_listening(proc, port, "JupyterLab")
    yield f"http://127.0.0.1:{port}", home / "notebooks"
    proc.terminate()
    proc.wait(timeout=30)


def test_no_notebook_shows_as_modified_when_opened_in_jupyterlab(lab):
    from playwright.sync_api import sync_playwright

    url, folder = lab
    for path in FILES:
        _same_python(nbformat.read(path, as_version=4))
    probe = nbformat.read(FILES[0], as_version=4)  # as the notebooks were before: JupyterLab renames the kernel
    probe.metadata["kernelspec"]["display_name"] = "Python 3"
    nbformat.write(probe, folder / "zz_probe.ipynb")
    modified = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for path in [*FILES, folder / "zz_probe.ipynb"]:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{url}/lab/workspaces/{path.stem}/tree/{path.name}?reset", timeout=120_000)
            page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
            time.sleep(1.5)  # the kernel's language information arrives just after 'idle'
            if page.eval_on_selector_all(".jp-mod-dirty", "tabs => tabs.length"):
                modified.append(path.name)
            page.close()
        browser.close()
    assert modified == ["zz_probe.ipynb"]  # the check sees a modified notebook, and only that one
    assert all((folder / p.name).read_bytes() == p.read_bytes() for p in FILES)  # opening saved nothing
