"""practice.yaml: what differs per practice, with a Dutch error for every wrong value."""
from __future__ import annotations

import pytest

from analysis.core import paths, settings
from analysis.core.errors import InputError


@pytest.fixture()
def practice(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    settings.project_settings.cache_clear()
    yield tmp_path / settings.FILE_NAME
    settings.project_settings.cache_clear()


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
    ("level_shift: maart 2024\n", "level_shift moet een datum zijn"),
])
def test_a_wrong_value_gets_a_dutch_error(practice, text, message):
    practice.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        settings.settings()


def test_a_known_relaunch_is_fitted_at_its_week_and_named_as_given(practice):
    import datetime as dt

    import numpy as np
    import pandas as pd

    from analysis.reporting.provenance import level_shift_line
    from analysis.sample.synthetic import simulate_topic
    from analysis.timeseries.covariates import weekly_covariates
    from analysis.timeseries.level_shifts import given_level_shift

    practice.write_text("level_shift: 2023-11-15\n", encoding="utf-8")
    assert settings.settings().level_shift == dt.date(2023, 11, 15)
    sim = simulate_topic(11, lift=1.0, rate=2.0, season_amplitude=0.6, shift=(150, 1.3))
    total = pd.Series(sim["topic"] + sim["other"], index=sim["weeks"])
    calendar = weekly_covariates(total.index[0], total.index[-1])
    shift = given_level_shift(total, calendar, settings.settings().level_shift)
    assert shift.week == pd.Timestamp("2023-11-13") and shift.given and 1.15 <= shift.factor <= 1.45
    assert "(opgegeven in practice.yaml)" in level_shift_line(shift)
    with pytest.raises(InputError, match="level_shift 01-01-2030 ligt niet"):
        given_level_shift(total, calendar, dt.date(2030, 1, 1))
    assert np.isfinite(shift.low)
