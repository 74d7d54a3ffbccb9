"""How the draft checker page is served: Voilà on 127.0.0.1 only, with a Content Security
Policy and a template that fetches nothing from outside this machine.

``make app`` and the browser test start the page with :func:`voila_command`, so both run
it the same way.
"""
from __future__ import annotations

import json
import os
import sys

from ..core.paths import NOTEBOOKS

NOTEBOOK = "06_conceptcheck.ipynb"
DATA_PATH = NOTEBOOKS  # a Jupyter data folder: voila/templates/praktijk (see its index.html.j2)
# Voilà's page runs its own inline scripts and talks to its kernel over a websocket on the same
# host; everything else (other hosts, frames, forms, plugins) is refused by the browser.
CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws://127.0.0.1:* ws://localhost:*; "
       "object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'")


def voila_command(port: int) -> list[str]:
    """The command that serves the draft checker on 127.0.0.1:*port* (run it in notebooks/)."""
    settings = {"headers": {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                            "Referrer-Policy": "no-referrer"}}
    return [sys.executable, "-m", "analysis.reporting.app_server", NOTEBOOK, f"--port={port}", "--no-browser",
            "--Voila.ip=127.0.0.1", "--template=praktijk", f"--Voila.tornado_settings={json.dumps(settings)}"]


def voila_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for :func:`voila_command`: our template on Jupyter's data path."""
    env = dict(os.environ if base is None else base)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(DATA_PATH), env.get("JUPYTER_PATH", "")) if p)
    return env


def serve(argv: list[str]) -> int:
    """Voilà's own command line, started without one optional import: jsonschema checks the
    'iri' format with rfc3987-syntax when it is installed, which builds a grammar at import
    (0.8 s of Voilà's start; no schema Voilà or its event log uses has that format)."""
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  # an import that fails; jsonschema skips it
    from voila.app import main

    sys.argv = ["voila", *argv]
    return main() or 0


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1:]))
