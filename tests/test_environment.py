"""environment.yml (conda users) and pyproject.toml (pip users) list the same packages."""
from __future__ import annotations

import re
import tomllib

import yaml

from .conftest import ROOT


def _split(spec: str) -> tuple[str, str]:
    name, version = re.match(r"^([A-Za-z0-9_.\-]+)(.*)$", spec.strip()).groups()
    return re.sub(r"[-_.]+", "-", name).lower(), version.replace(" ", "")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip_specs = project["dependencies"] + [
        s for extra in project["optional-dependencies"].values() for s in extra]
    pip = dict(map(_split, pip_specs))
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    conda = dict(_split(d) for d in env["dependencies"] + [p for p in pip_section if not p.startswith("-")]
                 if isinstance(d, str))
    conda.pop("pip")
    assert conda.pop("python") == project["requires-python"]
    assert conda == pip
