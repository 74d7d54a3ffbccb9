"""Local servers the browser tests start (Voilà, JupyterLab): a free port, and waiting until
the server listens."""
from __future__ import annotations

import socket
import subprocess
import time

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_listening(proc: subprocess.Popen, port: int, what: str, seconds: float = 60) -> None:
    """Return once *port* accepts connections; otherwise stop *proc* and fail with its stderr."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
            return
        except OSError:
            time.sleep(0.5)
    proc.kill()
    pytest.fail(f"{what} did not start: " + proc.stderr.read().decode()[-2000:])
