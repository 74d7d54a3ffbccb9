"""practice.yaml: what differs per practice, with a Dutch error for every wrong value."""
from __future__ import annotations

import pytest

from analysis.core import paths, settings
from analysis.core.errors import InputError


@pytest.fixture()
def practice(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    settings.settings.cache_clear()
    yield tmp_path / settings.FILE_NAME
    settings.settings.cache_clear()


def test_defaults_without_a_file(practice):
    assert settings.settings().posts_per_month == 2 and settings.settings().knmi_station == 249


def test_the_rhythm_is_a_setting(practice):
    practice.write_text("name: Fysio Enkhuizen\nposts_per_month: 4\nknmi_station: '235'\n", encoding="utf-8")
    assert settings.settings() == settings.Settings(name="Fysio Enkhuizen", posts_per_month=4, knmi_station=235)


@pytest.mark.parametrize("text, message", [
    ("posts_per_month: 6\n", "posts_per_month moet een heel getal van 1 tot en met 4"),
    ("posts_per_month: twee\n", "posts_per_month moet een heel getal"),
    ("knmi_station: Berkhout\n", "knmi_station moet een stationsnummer"),
    ("berichten: 2\n", "onbekende instelling(en): berichten"),
    ("name: [\n", "geen geldige YAML"),
])
def test_a_wrong_value_gets_a_dutch_error(practice, text, message):
    practice.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        settings.settings()
