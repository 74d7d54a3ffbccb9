"""Synthetic sample data: a contact-form export, page views and weather.

The repository holds no real patient data. This generator writes a realistic
export (semicolon-separated, Dutch headers and dates, fake names, e-mail addresses
on example.nl and fake phone numbers inside messages, so the scrubber has work)
from January 2021 to November 2026. Its posts are the sample corpus: the weeks
after a post on some topics bring extra contacts about that topic.

The truth is planted on the *hand labels* of the posts (corpus/topic_labels.csv),
not on the tagger's topics, and the messages are noisy as real ones are: typos in
the word that names the complaint, complaints described without a topic word,
a second topic in passing, and topic-less messages with false friends ("terug",
"enkel een vraag", "open met kerst"). The analysis recovers the planted effects
through the real tagger, so tagging errors show in the tests.

Every planted truth is in :data:`PLANTED`, and nowhere else. The analysis is
tested on recovering them (tests/test_sample_data.py, tests/test_effects.py,
notebooks/04_seasonality).
"""
from __future__ import annotations

import csv
import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.errors import TaxonomyError
from ..core.paths import SAMPLE_LABELS
from ..text.topics.evaluation import read_post_labels
from ..timeseries.weekly import post_weeks_by_topic

SEED = 20261125
START, END = dt.date(2021, 1, 1), dt.date(2026, 11, 22)
SITE = "https://www.fysiopraktijkhoorn.example"


NULL_TOPICS = ["zorgverzekering", "hardlopen", "voornemens"]  # seasonal, always posted in season, no lift


@dataclass(frozen=True)
class Planted:
    """The truths the sample data is generated from."""

    baseline_per_week: float = 9.0  # contacts about no particular topic
    trend_per_year: float = 0.05  # +5% contacts per year
    month_factor: dict = field(default_factory=lambda: {
        1: 1.30, 2: 1.15, 3: 1.05, 4: 1.00, 5: 1.00, 6: 0.90, 7: 0.75, 8: 0.75, 9: 1.05,
        10: 1.05, 11: 1.00, 12: 0.95})  # busier January, quieter summer
    christmas_factor: float = 0.45  # 24 December to 1 January
    topic_rate: dict = field(default_factory=lambda: {  # contacts per week, before factors
        "rug": 2.0, "nek": 1.0, "schouder": 0.9, "elleboog": 0.3, "heup": 0.4, "lies": 0.15,
        "knie": 1.2, "enkel": 0.4, "artrose": 0.3, "schaatsen": 0.03, "hardlopen": 0.25,
        "tuinieren": 0.12, "thuiswerken": 0.3, "feestdagen": 0.05, "voornemens": 0.08,
        "zorgverzekering": 0.35, "vakantie": 0.1, "valpreventie": 0.3, "zwangerschap": 0.3,
        "kinderen": 0.8, "hand": 0.3, "onderbeen": 0.2, "hoofdpijn": 0.3, "duizeligheid": 0.1,
        "sport": 0.4, "wintersport": 0.05, "ouderen": 0.2})
    topic_season: dict = field(default_factory=lambda: {  # month factors per topic
        "zorgverzekering": {11: 4.0, 12: 5.0, 1: 2.0},
        "hardlopen": {3: 2.5, 4: 3.5, 5: 3.0, 6: 1.5},
        "tuinieren": {4: 3.0, 5: 4.0, 6: 2.5},
        "feestdagen": {12: 6.0},
        "voornemens": {1: 8.0, 2: 2.0},
        "vakantie": {6: 3.0, 7: 4.0, 8: 3.0},
        "valpreventie": {12: 1.6, 1: 1.8, 2: 1.6},
        "wintersport": {12: 2.0, 1: 4.0, 2: 4.0, 3: 2.0}})
    # skating only in cold winters: the rate is multiplied by (1 + factor * ice days in the week)
    ice_factor: dict = field(default_factory=lambda: {"schaatsen": 10.0, "lies": 0.8})
    cold_spells: tuple = (("2021-02-06", "2021-02-14"), ("2022-12-12", "2022-12-17"),
                          ("2024-01-08", "2024-01-12"), ("2026-01-05", "2026-01-16"))
    # rate ratio of topic contacts in the LIFT_WEEKS weeks from a post's publication
    # week; topics not listed have no effect (zorgverzekering and hardlopen are the
    # seasonal null topics: always posted in their season, no lift)
    lift: dict = field(default_factory=lambda: {
        "rug": 1.8, "knie": 1.7, "nek": 1.6, "kinderen": 1.7, "schouder": 1.5})
    lift_weeks: int = 4
    page_share: float = 0.3  # share of topic contacts sent from a blog post's page
    # message noise (shares of topic messages; false friends: share of topic-less ones)
    typo_share: float = 0.05  # the topic word misspelt
    implicit_share: float = 0.08  # the complaint described without a topic word
    second_topic_share: float = 0.12  # another topic mentioned in passing
    false_friend_share: float = 0.25  # a topic-less message with a false friend
    bad_rows: dict = field(default_factory=lambda: {  # planted malformed rows in the export
        "no_date": 2, "bad_date": 2, "duplicate": 3, "empty": 2})


PLANTED = Planted()

FIRST_NAMES = ["Sanne", "Daan", "Emma", "Lucas", "Julia", "Sem", "Lotte", "Bram", "Anouk", "Ruben",
               "Fleur", "Thijs", "Iris", "Jesse", "Noor", "Milan", "Eva", "Tim", "Sophie", "Lars",
               "Fatima", "Mohammed", "Ayse", "Yusuf", "Karin", "Peter", "Ingrid", "Henk", "Marja", "Kees"]
LAST_NAMES = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
              "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
              "de Wit", "Dijkstra", "Kok", "el Amrani", "Yilmaz", "Schouten", "van der Meer", "Koster"]
SUBJECTS = ["Afspraak", "Vraag", "Terugbelverzoek", "Informatie", "Nieuwe klacht", ""]
GENERIC = [
    "Ik wil graag een afspraak maken. Wanneer heeft u plek?",
    "Hebben jullie ook op zaterdag of 's avonds ruimte?",
    "Kan ik zonder verwijzing van de huisarts bij jullie terecht?",
    "Ik moet mijn afspraak van volgende week verzetten.",
    "Graag een terugbelverzoek, ik heb een vraag over mijn behandeling.",
    "Is er een parkeerplaats bij de praktijk?",
    "Ik zoek een fysiotherapeut in de buurt. Nemen jullie nieuwe patiënten aan?",
]
TOPIC_MESSAGES = {
    "rug": ["Ik heb sinds {d} last van mijn onderrug.", "Ik ben door mijn rug gegaan bij het tillen.",
            "Ik heb spit en kan moeilijk bewegen.", "Mijn rugpijn wordt niet minder."],
    "nek": ["Ik heb een stijve nek en hoofdpijn.", "Sinds {d} heb ik nekpijn.",
            "Mijn nek zit vast na een lange werkdag."],
    "schouder": ["Ik kan mijn arm niet goed optillen, mijn schouder doet pijn.",
                 "Sinds {d} heb ik schouderpijn."],
    "elleboog": ["Ik denk dat ik een tennisarm heb.", "Mijn elleboog doet pijn bij het knijpen."],
    "heup": ["Ik heb pijn in mijn heup bij het lopen.", "Mijn heup is 's ochtends stijf."],
    "lies": ["Ik voel een steek in mijn lies bij elke stap.", "Ik heb een liesblessure opgelopen."],
    "knie": ["Mijn knie is dik en doet pijn.", "Ik heb last van mijn knie bij traplopen.",
             "Sinds {d} heb ik kniepijn."],
    "enkel": ["Ik ben door mijn enkel gegaan.", "Mijn enkel is verzwikt en nog steeds dik."],
    "artrose": ["Ik heb artrose en zoek oefentherapie.", "De huisarts zegt dat het slijtage is."],
    "schaatsen": ["Ik heb mijn pols bezeerd bij het schaatsen.", "Na het schaatsen heb ik overal spierpijn."],
    "hardlopen": ["Ik ben begonnen met hardlopen en heb nu pijn aan mijn scheen.",
                  "Bij het hardlopen krijg ik last van mijn kuit."],
    "tuinieren": ["Na een dag in de tuin heb ik veel pijn.", "Door het tuinieren zit alles vast."],
    "thuiswerken": ["Door het thuiswerken heb ik klachten.", "Mijn werkplek thuis is niet goed."],
    "feestdagen": ["Kan ik tussen kerst en oud en nieuw nog langskomen?",
                   "Zijn jullie open tijdens de feestdagen?"],
    "voornemens": ["Mijn voornemen is meer bewegen, kunnen jullie helpen?",
                   "Ik wil in het nieuwe jaar fitter worden."],
    "zorgverzekering": ["Hoeveel behandelingen vergoedt mijn zorgverzekering?",
                        "Ik ga overstappen naar een andere verzekeraar, hebben jullie een contract?",
                        "Valt fysiotherapie onder mijn eigen risico?"],
    "vakantie": ["Ik ga op vakantie, kan ik voor die tijd nog komen?",
                 "Na de lange autorit op vakantie heb ik pijn."],
    "valpreventie": ["Mijn moeder is gevallen en durft niet meer goed te lopen.",
                     "Hebben jullie een cursus om vallen te voorkomen?"],
    "zwangerschap": ["Ik ben zwanger en heb bekkenpijn.", "Na de bevalling wil ik mijn bekkenbodem trainen."],
    "kinderen": ["Mijn zoon heeft pijn na het turnen.", "Mijn dochter heeft groeipijn.",
                 "Heeft u een kinderfysiotherapeut?"],
    "hand": ["Mijn pols is nog steeds dik.", "Ik heb tintelingen in mijn vingers."],
    "onderbeen": ["Ik heb een zweepslag in mijn kuit.", "Mijn scheenbeen doet pijn bij het lopen."],
    "hoofdpijn": ["Ik heb veel last van hoofdpijn.", "Helpt fysiotherapie tegen spanningshoofdpijn?"],
    "duizeligheid": ["Ik word duizelig als ik me omdraai in bed."],
    "sport": ["Ik heb een sportblessure en wil weer kunnen hockeyen.", "Ik wil weer naar de sportschool."],
    "wintersport": ["Ik ga op wintersport, kunt u mij helpen met voorbereiden?",
                    "Bij het skiën ben ik verkeerd terechtgekomen."],
    "ouderen": ["Heeft u een beweeggroep voor ouderen?", "Zijn er oefengroepen voor senioren?"],
}
# complaints described without a word the tagger knows (a realistic miss)
IMPLICIT = {
    "rug": ["Ik kan sinds gisteren niet meer bukken zonder pijn.", "Bij het opstaan uit bed schiet het erin."],
    "nek": ["Ik kan mijn hoofd niet goed meer draaien."],
    "knie": ["Bij traplopen knapt er iets en dan doet het zeer."],
    "schouder": ["Ik kan mijn arm niet meer boven mijn hoofd krijgen."],
    "kinderen": ["Onze jongste klaagt vaak over pijn na de gymles."],
    "hoofdpijn": ["Ik heb vaak een drukkend gevoel achter mijn ogen."],
}
FALSE_FRIENDS = [
    "Ik kom graag terug voor een controle.", "Ik heb enkel een vraag over de factuur.",
    "Zijn jullie open tussen kerst en oud en nieuw?", "Kunt u mij terugbellen?",
    "Is de praktijk in de zomervakantie gewoon open?", "Ik heb enkele vragen over de oefeningen.",
    "Ik ben mijn pasje verloren, het verlies heb ik al gemeld.",
]
DURATIONS = ["een week", "twee weken", "een maand", "vorige week", "gisteren", "drie dagen"]


def cold_days(planted: Planted = PLANTED) -> set[dt.date]:
    days = set()
    for a, b in planted.cold_spells:
        days.update(pd.date_range(a, b, freq="D").date)
    return days


def weather(planted: Planted = PLANTED, seed: int = SEED) -> pd.DataFrame:
    """Daily temperatures for Hoorn (°C): maximum with a seasonal mean and frost in the cold
    spells, minimum 3 to 8 degrees lower, mean between them."""
    rng = np.random.default_rng(seed + 1)
    days = pd.date_range(START, END, freq="D")
    mean = 13.5 - 8.5 * np.cos(2 * np.pi * (days.day_of_year - 15) / 365.25)
    tmax = mean + rng.normal(0, 2.5, len(days))
    cold = np.array([d in cold_days(planted) for d in days.date])
    tmax = np.where(cold, rng.uniform(-4.5, -0.5, len(days)), np.maximum(tmax, 0.5)).round(1)
    tmin = (tmax - rng.uniform(3, 8, len(days))).round(1)
    return pd.DataFrame({"date": days.date.astype(str), "tmax": tmax, "tmin": tmin,
                         "tmean": ((tmax + tmin) / 2).round(1)})


def knmi_text(frame: pd.DataFrame, station: int = 249) -> str:
    """Daily temperatures in the shape of a KNMI daggegevens download (tenths of a degree)."""
    lines = ["# BRON: synthetische gegevens in de vorm van een KNMI-download (analysis/sample/synthetic.py)",
             f"# STN         NAME\n# {station}         Berkhout", "#",
             "# YYYYMMDD  = datum", "# TG        = etmaalgemiddelde temperatuur (0.1 graden Celsius)",
             "# TN        = minimumtemperatuur (0.1 graden Celsius)",
             "# TX        = maximumtemperatuur (0.1 graden Celsius)", "#",
             "# STN,YYYYMMDD,   TG,   TN,   TX", "#"]
    for day, tg, tn, tx in zip(frame["date"], frame["tmean"], frame["tmin"], frame["tmax"]):
        lines.append(f"  {station},{day.replace('-', '')},{round(tg * 10):>5},{round(tn * 10):>5},{round(tx * 10):>5}")
    return "\n".join(lines) + "\n"


def _weeks() -> pd.DatetimeIndex:
    first = pd.Timestamp(START) - pd.Timedelta(days=START.weekday())
    return pd.date_range(first, pd.Timestamp(END), freq="W-MON")


def expected_weekly(posts: pd.DataFrame, planted: Planted = PLANTED) -> pd.DataFrame:
    """Expected contacts per week: 'general' and one column per topic (the planted truth)."""
    weeks = _weeks()
    days = pd.date_range(weeks[0], weeks[-1] + pd.Timedelta(days=6), freq="D")
    cold = cold_days(planted)
    frame = pd.DataFrame({"day": days, "week": days - pd.to_timedelta(days.day_of_week, unit="D")})
    years = (frame["day"] - pd.Timestamp(START)).dt.days / 365.25
    level = np.exp(planted.trend_per_year * years) * frame["day"].dt.month.map(planted.month_factor)
    xmas = ((frame["day"].dt.month == 12) & (frame["day"].dt.day >= 24)) | (
        (frame["day"].dt.month == 1) & (frame["day"].dt.day == 1))
    level = level * np.where(xmas, planted.christmas_factor, 1.0) / 7
    frame["general"] = planted.baseline_per_week * level
    frame["ice"] = frame["day"].dt.date.map(lambda d: d in cold).astype(int)
    ice_per_week = frame.groupby("week")["ice"].transform("sum")
    windows = {t: {w + pd.Timedelta(weeks=k) for w in ws for k in range(planted.lift_weeks)}
               for t, ws in post_weeks_by_topic(posts).items()}
    for topic, rate in planted.topic_rate.items():
        season = frame["day"].dt.month.map(planted.topic_season.get(topic, {})).fillna(1.0)
        ice = 1 + planted.ice_factor.get(topic, 0.0) * ice_per_week
        lifted = frame["week"].isin(windows.get(topic, set()))
        lift = np.where(lifted, planted.lift.get(topic, 1.0), 1.0)
        frame[topic] = rate * level * season * ice * lift
    weekly = frame.drop(columns=["day", "ice"]).groupby("week").sum()
    return weekly.loc[(weekly.index >= weeks[0]) & (weekly.index <= weeks[-1])]


def _name(rng) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _email(name: str) -> str:
    first, *rest = name.lower().split()
    return f"{first}.{''.join(rest)}@example.nl"


def _phone(rng) -> str:
    digits = "".join(str(d) for d in rng.integers(0, 10, 8))
    style = rng.integers(0, 4)
    return [f"06-{digits}", f"06 {digits[:4]} {digits[4:]}", f"+31 6 {digits[:4]} {digits[4:]}",
            f"06{digits}"][style]


def _typo(rng, sentence: str) -> str:
    """Swap two letters in the sentence's longest word (mijn ruhg, scohuder)."""
    words = sentence.split(" ")
    i = max(range(len(words)), key=lambda k: len(words[k].strip(".,?!")))
    word = words[i]
    if len(word) > 3:
        k = int(rng.integers(1, len(word.strip(".,?!")) - 1))
        words[i] = word[:k] + word[k + 1] + word[k] + word[k + 2:]
    return " ".join(words)


def _topic_sentence(rng, topic: str, planted: Planted) -> str:
    if topic in IMPLICIT and rng.random() < planted.implicit_share:
        return str(rng.choice(IMPLICIT[topic]))
    sentence = str(rng.choice(TOPIC_MESSAGES[topic])).format(d=rng.choice(DURATIONS))
    return _typo(rng, sentence) if rng.random() < planted.typo_share else sentence


def _message(rng, topic: str | None, name: str, planted: Planted = PLANTED) -> str:
    parts = []
    if rng.random() < 0.5:
        parts.append(rng.choice(["Goedendag,", "Hallo,", "Beste,"]))
    if rng.random() < 0.25:
        parts.append(f"Mijn naam is {name}.")
    if topic:
        parts.append(_topic_sentence(rng, topic, planted))
        if rng.random() < planted.second_topic_share:
            other = str(rng.choice([t for t in TOPIC_MESSAGES if t != topic]))
            parts.append(str(rng.choice(TOPIC_MESSAGES[other])).format(d=rng.choice(DURATIONS)))
    elif rng.random() < planted.false_friend_share:
        parts.append(str(rng.choice(FALSE_FRIENDS)))
    parts.append(rng.choice(GENERIC))
    if rng.random() < 0.3:
        parts.append(f"U kunt mij bereiken op {_phone(rng)}.")
    elif rng.random() < 0.15:
        parts.append(f"Mail gerust naar {_email(name)}.")
    if rng.random() < 0.4:
        parts.append(f"Met vriendelijke groet,\n{name}")
    return " ".join(parts)


def contacts(posts: pd.DataFrame, planted: Planted = PLANTED, seed: int = SEED) -> pd.DataFrame:
    """The synthetic export as a DataFrame with the export's Dutch columns (unsorted noise included)."""
    rng = np.random.default_rng(seed)
    expected = expected_weekly(posts, planted)
    dated = posts.dropna(subset=["date"])
    rows = []
    for week, row in expected.iterrows():
        for topic, mu in row.items():
            for _ in range(rng.poisson(mu)):
                day = week + pd.Timedelta(days=int(rng.integers(0, 7)))
                if day.date() > END or day.date() < START:
                    continue
                minute = int(rng.integers(7 * 60, 23 * 60))
                stamp = day + pd.Timedelta(minutes=minute)
                name = _name(rng)
                topic_id = None if topic == "general" else topic
                page = f"{SITE}/contact/"
                if topic_id and rng.random() < planted.page_share:
                    earlier = dated[(dated["date"] <= day) &
                                    dated["topics"].map(lambda ts, t=topic_id: t in ts)]
                    if len(earlier):
                        page = earlier["url"].iloc[-1]
                rows.append({"Datum": stamp.strftime("%d-%m-%Y %H:%M"), "Naam": name,
                             "E-mail": _email(name), "Telefoon": _phone(rng),
                             "Onderwerp": rng.choice(SUBJECTS), "Bericht": _message(rng, topic_id, name, planted),
                             "Pagina": page, "_sort": stamp, "_topic": topic_id or ""})
    frame = pd.DataFrame(rows).sort_values("_sort", kind="stable").reset_index(drop=True)
    return _with_bad_rows(frame, rng, planted)


def _with_bad_rows(frame: pd.DataFrame, rng, planted: Planted) -> pd.DataFrame:
    """Add the planted malformed rows that a real export also has."""
    bad = planted.bad_rows
    extra = []
    picks = rng.choice(len(frame), size=sum(bad.values()), replace=False)
    k = 0
    for kind, n in bad.items():
        for _ in range(n):
            row = frame.iloc[int(picks[k])].to_dict()
            k += 1
            if kind == "no_date":
                row["Datum"] = ""
            elif kind == "bad_date":
                row["Datum"] = rng.choice(["31-02-2024 10:15", "gisteren"])
            elif kind == "empty":
                row = {c: "" for c in frame.columns} | {"_sort": row["_sort"], "_topic": ""}
            extra.append(row | {"_kind": kind})
    out = pd.concat([frame.assign(_kind=""), pd.DataFrame(extra)], ignore_index=True)
    return out.sort_values("_sort", kind="stable").reset_index(drop=True)


def pageviews(posts: pd.DataFrame, planted: Planted = PLANTED, seed: int = SEED) -> pd.DataFrame:
    """Monthly page views per blog post, in the shape of a GA4 export."""
    rng = np.random.default_rng(seed + 2)
    months = pd.date_range(pd.Timestamp(START), pd.Timestamp(END), freq="MS")
    rows = []
    for _, post in posts.dropna(subset=["date"]).iterrows():
        published = pd.Timestamp(post["date"])
        evergreen = rng.uniform(20, 80)
        for month in months[months >= published - pd.offsets.MonthBegin(1)]:
            age = max((month - published).days, 0) / 30.4
            season = max((planted.topic_season.get(t, {}).get(month.month, 1.0)
                          for t in post["topics"]), default=1.0)
            boost = 1 + sum(planted.lift.get(t, 1.0) - 1 for t in post["topics"])
            mu = evergreen * season * (1 + 6 * boost * math.exp(-age / 1.5))
            rows.append({"Page path and screen class": post["url"].replace(SITE, ""),
                         "Year month": month.strftime("%Y%m"), "Views": int(rng.poisson(mu))})
    return pd.DataFrame(rows)


def labelled_posts(corpus: pd.DataFrame, labels: Path = SAMPLE_LABELS) -> pd.DataFrame:
    """The corpus with 'topics' from the hand labels (main first), what the truth is planted on."""
    table = read_post_labels(labels)
    missing = sorted(set(corpus["slug"]) - set(table.index))
    if missing:
        raise TaxonomyError(f"{labels.name}: geen handlabels voor {', '.join(missing)}")
    return corpus.assign(topics=[[table.at[s, "main"], *table.at[s, "secondary"]] for s in corpus["slug"]])


def write_sample(posts: pd.DataFrame, out: Path, planted: Planted = PLANTED, seed: int = SEED) -> dict:
    """Write contacts.csv, pageviews_ga4.csv and weather_knmi.txt into *out* (posts: labelled_posts())."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    export = contacts(posts, planted, seed)
    columns = ["Datum", "Naam", "E-mail", "Telefoon", "Onderwerp", "Bericht", "Pagina"]
    with open(out / "contacts.csv", "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow(columns)
        for row in export[columns].itertuples(index=False):
            writer.writerow(row if any(row) else [])
    views = pageviews(posts, planted, seed)
    with open(out / "pageviews_ga4.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write("# ----------------------------------------\n# Pagina's en schermen: synthetisch\n"
                 f"# {START:%Y%m%d}-{END:%Y%m%d}\n# ----------------------------------------\n")
        views.to_csv(fh, index=False)
    (out / "weather_knmi.txt").write_text(knmi_text(weather(planted, seed)), encoding="utf-8")
    return {"contacts": int((export["_kind"] == "").sum()), "rows": len(export),
            "pageview_rows": len(views)}


def simulate_topic(seed: int, lift: float, weeks: int = 310, rate: float = 1.0,
                   season_amplitude: float = 1.0, posts_in_season: bool = False,
                   posts_per_year: int = 2, window: int = 4, first_week: int = 1,
                   shift: tuple[int, float] | None = None) -> dict:
    """One topic's weekly contacts with a known publication lift, for method tests.

    The topic has a yearly season (log-amplitude *season_amplitude*, peak in week
    47) and follows an overall level that also varies. With *posts_in_season* all
    posts fall shortly before the peak, every year, as insurance posts do. The lift
    holds in weeks *first_week* to *first_week* + *window* − 1 from a post's
    publication week. *shift* (week row, factor): from that week on all contacts are
    *factor* times as many (a relaunch of the website, a second location).
    """
    rng = np.random.default_rng(seed)
    week_index = pd.date_range("2021-01-04", periods=weeks, freq="W-MON")
    woy = week_index.isocalendar().week.to_numpy().astype(float)
    season = season_amplitude * np.cos(2 * np.pi * (woy - 47) / 52)
    overall = 20 * np.exp(0.3 * np.sin(2 * np.pi * woy / 52) + 0.02 * np.arange(weeks) / 52)
    post = np.zeros(weeks, dtype=bool)
    starts = []
    for year in range(week_index[0].year, week_index[-1].year + 1):
        in_year = np.flatnonzero(week_index.year == year)
        if posts_in_season:
            candidates = in_year[(woy[in_year] >= 44) & (woy[in_year] <= 47)]
        else:
            candidates = in_year[: max(len(in_year) - window - first_week + 1, 1)]
        if len(candidates) == 0:
            continue
        for start in rng.choice(candidates, size=min(posts_per_year, len(candidates)), replace=False):
            starts.append(int(start))
            post[start + first_week - 1: start + first_week - 1 + window] = True
    if shift is not None:
        overall = overall * np.where(np.arange(weeks) >= shift[0], shift[1], 1.0)
    mu_topic = rate * overall / 20 * np.exp(season) * np.where(post, lift, 1.0)
    return {"weeks": week_index, "topic": rng.poisson(mu_topic),
            "other": rng.poisson(overall), "post_weeks": [week_index[s] for s in sorted(starts)]}
