"""Dutch readability formulas and the aims of the writing checks."""
from __future__ import annotations

from ...core.formatting import nl_number, nl_percent

MIN_WORDS = 100  # below this the formulas are too unstable to show

# Douma's interpretation of his Flesch adaptation (also used for Brouwer's index).
BANDS = [(90, "zeer makkelijk"), (80, "makkelijk"), (70, "vrij makkelijk"),
         (60, "normaal"), (50, "vrij moeilijk"), (30, "moeilijk"), (0, "zeer moeilijk")]


def _clamp(value: float) -> float:
    return max(0.0, min(100.0, value))


def flesch_douma(words_per_sentence: float, syllables_per_word: float) -> float:
    """Flesch-Douma: 206.835 - 0.93 * words/sentence - 77 * syllables/word, in [0, 100]."""
    return _clamp(206.835 - 0.93 * words_per_sentence - 77 * syllables_per_word)


def brouwer(words_per_sentence: float, syllables_per_word: float) -> float:
    """Brouwer's Leesindex: 195 - 2 * words/sentence - 66.67 * syllables/word, in [0, 100]."""
    return _clamp(195 - 2 * words_per_sentence - 66.67 * syllables_per_word)


def douma_band(score: float) -> str:
    return next(label for floor, label in BANDS if score >= floor)


# Aims of the writing checks: (figure, direction, aim, orange limit, Dutch label).
# Green within the aim, orange up to the orange limit, red beyond.
AIMS = [
    ("words_per_sentence", "max", 15, 20, "gemiddelde zinslengte (woorden)"),
    ("flesch_douma", "min", 60, 50, "Flesch-Douma"),
    ("mean_zipf", "min", 4.4, 4.2, "gemiddelde woordfrequentie (Zipf)"),
    ("rare_word_share", "max", 0.08, 0.12, "aandeel zeldzame woorden"),
    ("long_sentence_share", "max", 0.25, 0.35, "aandeel zinnen > 20 woorden"),
    ("longest_paragraph", "max", 150, 200, "langste alinea (woorden)"),
    ("longest_section", "max", 300, 400, "tekst tussen tussenkopjes (woorden)"),
    ("passive_share", "max", 0.10, 0.20, "aandeel lijdende vorm"),
    ("transition_share", "min", 0.30, 0.20, "aandeel zinnen met signaalwoord"),
    ("same_start_runs", "max", 0, 1, "reeksen zinnen met hetzelfde beginwoord"),
]


SHARES = {key for key, *_ in AIMS if key.endswith("_share")}  # figures shown as percentages


def aim_text(key: str, direction: str, aim: float) -> str:
    """An aim as the reader sees it: 'max. 15', 'min. 4,4', 'max. 8%'."""
    value = nl_percent(aim, 0) if key in SHARES else nl_number(aim, 1 if aim % 1 else 0)
    return f"{'max.' if direction == 'max' else 'min.'} {value}"


def traffic_light(value: float | None, direction: str, aim: float, orange: float) -> str:
    """'groen', 'oranje' or 'rood' for a figure against its aim ('' when unknown)."""
    if value is None:
        return ""
    if direction == "max":
        return "groen" if value <= aim else "oranje" if value <= orange else "rood"
    return "groen" if value >= aim else "oranje" if value >= orange else "rood"
