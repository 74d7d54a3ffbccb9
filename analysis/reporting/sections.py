"""The sections of the notebooks: each returns what to show, or raises NotEnoughData.

Notebooks only call these and show the results, so every section runs (and is
tested) on any valid input: an empty or undated corpus, posts in one season,
a few weeks of contacts, topics without posts or contacts.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..core.formatting import MONTH_ABBREVIATIONS, MONTH_NAMES, nl_date, nl_factor, nl_number, nl_percent
from ..core.sufficiency import MODEL_WEEKS, SEASON_WEEKS, THEME_POSTS, NotEnoughData, require_posts, require_weeks
from ..sources.drafts import DraftError
from ..sources.search_console import SearchExport
from ..text.b1_calibration import calibration_table
from ..text.draft_check import check
from ..text.readability.formulas import MIN_WORDS
from ..text.readability_table import aims_summary
from ..text.topics.discovery import discover, stability_by_k
from ..text.topics.evaluation import agreement, read_post_labels
from ..text.topics.taxonomy import Taxonomy
from ..timeseries import audience
from ..timeseries.effects import SEASON_OVERLAP, WEATHER_NEEDED, effect_profile, naive_before_after, prewhitened_ccf
from ..timeseries.extra_contacts import effect_window, expected_text, row_extra
from ..timeseries.leadtime import lead_times
from ..timeseries.monthly import local_days, months_against_last_year
from ..timeseries.power import DataNeeded, needs_text
from ..timeseries.seasonality import count_model, rate_ratios, seasonal_profile, stl_decompose, yearly_totals
from . import charts
from .labels import dutch_columns, present
from .search_sections import NO_LANDING

SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "lente", 4: "lente", 5: "lente",
           6: "zomer", 7: "zomer", 8: "zomer", 9: "herfst", 10: "herfst", 11: "herfst"}
LENGTH_BINS = [0, 100, 200, 300, 400, 600, 800, 1200, 100_000]


def _dated(posts: pd.DataFrame) -> pd.DataFrame:
    dated = posts.dropna(subset=["date"])
    if dated.empty:
        raise NotEnoughData("Geen van de berichten heeft een publicatiedatum; vul de datums in "
                            "(of importeer met --date) om ze in de tijd te zien.")
    return dated


def posts_per_month(posts: pd.DataFrame):
    dated = _dated(posts)
    months = pd.period_range(dated["date"].min(), dated["date"].max(), freq="M")
    counts = dated["date"].dt.to_period("M").value_counts().reindex(months, fill_value=0)
    return charts.monthly_counts(counts, "Blogberichten per maand", "aantal berichten")


def posts_per_season(posts: pd.DataFrame) -> pd.DataFrame:
    dated = _dated(posts)
    table = pd.crosstab(dated["date"].dt.year.rename("jaar"), dated["date"].dt.month.map(SEASONS).rename("seizoen"))
    return table.reindex(columns=["winter", "lente", "zomer", "herfst"], fill_value=0)


def length_histogram(posts: pd.DataFrame):
    if posts.empty:
        raise NotEnoughData("Er zijn nog geen blogberichten.")
    top = max(LENGTH_BINS[1:-1][-1], int(posts["words"].max()))
    bins = [b for b in LENGTH_BINS if b < top] + [top]
    counts = pd.cut(posts["words"], bins=bins, include_lowest=True).value_counts(sort=False)
    labels = [f"{int(i.left) + (1 if k else 0)}–{int(i.right)}" for k, i in enumerate(counts.index)]
    return charts.counts_bar(counts.set_axis(labels), "Lengte van de berichten", "woorden", "aantal berichten")


def shortest_posts(posts: pd.DataFrame, below: int = MIN_WORDS) -> pd.DataFrame:
    if posts.empty:
        raise NotEnoughData("Er zijn nog geen blogberichten.")
    short = posts[posts["words"] < below].nsmallest(10, "words")
    if short.empty:
        raise NotEnoughData(f"Geen berichten korter dan {below} woorden.")
    return dutch_columns(short[["title", "date", "words"]]).reset_index(drop=True)


def undated_posts(posts: pd.DataFrame) -> pd.DataFrame:
    undated = posts[posts["date"].isna()]
    if undated.empty:
        raise NotEnoughData("Alle berichten hebben een publicatiedatum.")
    return dutch_columns(undated[["title", "file"]]).reset_index(drop=True)


def readability_overview(table: pd.DataFrame) -> str:
    if table.empty:
        raise NotEnoughData("Er zijn nog geen blogberichten om op leesbaarheid te beoordelen.")
    return f"{int(table['b1'].sum())} van de {len(table)} berichten zijn B1 of eenvoudiger."


def seasonal_topics(posts: pd.DataFrame, weekly: pd.DataFrame, taxonomy: Taxonomy) -> pd.DataFrame:
    """Per seasonal topic: its months in the taxonomy, when we published, when contacts peak."""
    leads = lead_times(weekly, taxonomy.ids)
    rows = []
    for topic in taxonomy.topics:
        if not topic.seasonal:
            continue
        published = posts.loc[posts["topics"].map(lambda ts, t=topic.id: t in ts).astype(bool), "date"].dropna()
        months = sorted({d.month for d in published})
        peak = leads.loc[topic.id, "peak_month"]
        rows.append({"onderwerp": topic.label,
                     "seizoen (taxonomie)": ", ".join(MONTH_ABBREVIATIONS[m - 1] for m in topic.months),
                     "gepubliceerd in": ", ".join(MONTH_ABBREVIATIONS[m - 1] for m in months) or "nog niet",
                     "piek contacten": MONTH_ABBREVIATIONS[int(peak) - 1] if pd.notna(peak) else
                     ("te weinig gegevens" if len(weekly) < MODEL_WEEKS else "geen piek")})
    return pd.DataFrame(rows).set_index("onderwerp") if rows else pd.DataFrame()


def require_themes(posts: pd.DataFrame) -> None:
    require_posts(len(posts), THEME_POSTS, "thema's buiten de taxonomie")


def contacts_over_time(weekly: pd.DataFrame):
    require_weeks(len(weekly), 1, "contacten per week")
    try:
        trend = stl_decompose(weekly["total"])["trend"]
    except NotEnoughData:
        trend = None
    title = "Contacten per week" + ("" if trend is not None else " (voor een trend zijn 2 jaar gegevens nodig)")
    totals = yearly_totals(weekly).drop(columns="week").rename(
        columns={"full_year": "hele jaar", "to_date": f"t/m {weekly.index[-1] + pd.Timedelta(days=6):%d-%m}"})
    return charts.weekly_line(weekly["total"], trend, title), totals.rename_axis("jaar")


def season_and_calendar(weekly: pd.DataFrame, covariates: pd.DataFrame):
    require_weeks(len(weekly), SEASON_WEEKS, "een seizoenspatroon en de invloed van de kalender")
    fit = count_model(weekly, covariates)
    profile = seasonal_profile(fit, weekly)
    ratios = rate_ratios(fit)
    factors = pd.DataFrame({"factor": [nl_factor(r["rate_ratio"], r["ci_low"], r["ci_high"], digits=2)
                                       for _, r in ratios.iterrows()]}, index=ratios.index).rename_axis("kalender")
    return (charts.bar(profile, "Seizoen: contacten t.o.v. het jaargemiddelde (1 = gemiddeld)", ylabel="factor"),
            factors)


def effects_chart(effects: pd.DataFrame, truth: dict | None = None):
    if effects["lift"].notna().sum() == 0:
        raise NotEnoughData("Bij geen enkel onderwerp is een effect te schatten: "
                            + "; ".join(sorted(set(effects["note"].dropna()) - {""})) + ".")
    title = ("Geschat tegenover gepland" if truth
             else "Effect van een blogbericht op contacten over het onderwerp (met marge)")
    return charts.forest(effects, title, truth=truth)


def effects_table(effects: pd.DataFrame) -> pd.DataFrame:
    if effects.empty:
        raise NotEnoughData("Er zijn geen onderwerpen met berichten of contacten.")
    factors = [nl_factor(e["lift"], e["ci_low"], e["ci_high"]) if pd.notna(e["lift"]) else None
               for _, e in effects.iterrows()]
    extra = [expected_text(x) if (x := row_extra(e)) is not None else None for _, e in effects.iterrows()]
    columns = ["label", "posts", "contacts", "lift", "effect", "extra", "window", "season_overlap", "note"]
    return dutch_columns(effects.assign(lift=factors, extra=extra)[columns]).set_index("onderwerp")


def effect_profiles(ds, effects: pd.DataFrame):
    """The lag profile of every topic with a proven effect."""
    proven = effects.index[effects["effect"].astype(bool)]
    if not len(proven):
        raise NotEnoughData("Bij geen enkel onderwerp is een effect aangetoond, dus er is geen verloop te tonen.")
    shown = {effects.loc[t, "label"]: effect_profile(ds.model_weekly, t, ds.post_weeks[t], ds.covariates,
                                                     t in ds.weather_topics)
             for t in proven}
    windows = {effects.loc[t, "label"]: effect_window(effects.loc[t]) for t in proven}
    return charts.profiles(shown, windows, "Verloop van het effect na een bericht (met marge)")


def best_ccf_topic(effects: pd.DataFrame, post_weeks: dict) -> str:
    """The topic for the second view: the proven effect with the most contacts, else the topic
    with posts and the most contacts."""
    candidates = effects[effects["lift"].notna() & effects.index.isin(list(post_weeks))]
    if candidates.empty:
        raise NotEnoughData("Geen onderwerp met berichten en genoeg contacten voor een tweede blik.")
    ranked = candidates.sort_values(["effect", "contacts"], ascending=False, kind="stable")
    return str(ranked.index[0])


def ccf(ds, effects: pd.DataFrame):
    topic = best_ccf_topic(effects, ds.post_weeks)
    label = ds.taxonomy[topic].label
    return charts.ccf_bars(prewhitened_ccf(ds.model_weekly, topic, ds.post_weeks[topic], ds.covariates,
                                           weather_driven=topic in ds.weather_topics),
                           f"{label}: publiceren en contacten (geprewhitend)")


def week_in_words(week: float) -> str:
    """ISO week 16 -> 'half april', 5 -> 'begin februari' (the owner reads months, not week numbers)."""
    day = pd.Timestamp.fromisocalendar(2026, min(int(week), 52), 4)  # the Thursday names the week's month
    part = "begin" if day.day <= 10 else "half" if day.day <= 20 else "eind"
    return f"{part} {MONTH_NAMES[day.month - 1]}"


def posts_that_bring_patients(ds, shown: int = 12, search: SearchExport | None = None,
                              landing: pd.DataFrame | None = None, effects: pd.DataFrame | None = None):
    """The posts that bring patients: contacts from their pages and their topic's contacts after
    them; with a Search Console export their clicks and position in Google, with GA4's landing
    pages the visits that began on them and ended in a key event, with the effects table the extra
    contacts the model expects of a post on the topic. Returns (table, note on what is missing)."""
    extra = effects["extra"] if effects is not None and "extra" in effects else None
    table = audience.posts_that_bring_patients(ds.posts, ds.contacts, ds.weekly, ds.pageviews, search=search,
                                               landing=landing, extra=extra)
    if table.empty or not table["from_page"].any() and table["topic_contacts"].isna().all() and landing is None:
        raise NotEnoughData("Er zijn nog geen contacten die bij een bericht horen: het formulier geeft geen pagina "
                            "mee, of de contacten beginnen na de berichten." + ("" if landing is not None
                                                                               else " " + NO_LANDING))
    out = pd.DataFrame({
        "titel": table["title"], "gepubliceerd": table["date"],
        "contacten vanaf de pagina": table["from_page"],
        "over het onderwerp, 4 weken erna": table["topic_contacts"].map(lambda v: "" if pd.isna(v) else int(v)),
        "gebruikelijk in die weken": table["topic_usual"].map(lambda v: "" if pd.isna(v) else round(v))})
    if ds.pageviews is not None:
        out["weergaven"] = table["views"].astype(int)
    if search is not None:
        out["klikken uit Google"] = table["clicks"].map(lambda v: "" if pd.isna(v) else int(v))
        out["positie in Google"] = table["position"].map(lambda v: "" if pd.isna(v) else nl_number(v, 1))
    if landing is not None:
        out["bezoeken begonnen hier (GA4)"] = table["sessions"].map(lambda v: "" if pd.isna(v) else int(v))
        out["daarvan een contact (GA4)"] = table["key_events"].map(lambda v: "" if pd.isna(v) else nl_number(v, 0))
    if extra is not None:
        out["extra contacten verwacht (model)"] = table["expected_extra"].map(
            lambda v: "nog niet te schatten" if pd.isna(v) else nl_number(v, 1))
    return out.head(shown).set_index("titel"), None if landing is not None else NO_LANDING


def lead_time_table(effects: pd.DataFrame, weeks: int) -> pd.DataFrame:
    require_weeks(weeks, MODEL_WEEKS, "de aanlooptijd per onderwerp")
    seasonal = effects[effects["seasonal"].astype(bool)]
    if seasonal.empty:
        raise NotEnoughData("Geen onderwerp heeft een duidelijk seizoen in de contacten.")
    table = pd.DataFrame({"onderwerp": seasonal["label"],
                          "piek": seasonal["peak_week"].map(week_in_words),
                          "online vanaf": seasonal["publish_week"].map(week_in_words),
                          "weken vooraf": seasonal["lead_weeks"].astype(int),
                          "seizoenssterkte": seasonal["seasonality"].map(lambda v: f"×{nl_number(v, 1)}")})
    return table.set_index("onderwerp")


def naive_comparison(ds, effects: pd.DataFrame, truth: dict, topics: list[str]) -> pd.DataFrame:
    rows = [{"onderwerp": ds.taxonomy[t].label,
             "voor/na (naïef)": naive_before_after(ds.weekly, t, ds.post_weeks.get(t, [])),
             "model": effects.loc[t, "lift"], "effect volgens model": bool(effects.loc[t, "effect"]),
             "gepland": truth.get(t, 1.0)} for t in topics if t in effects.index]
    return pd.DataFrame(rows).set_index("onderwerp").round(2)


def planted_check(effects: pd.DataFrame, truth: dict) -> tuple[pd.DataFrame, str]:
    check = effects[["label", "lift", "ci_low", "ci_high", "effect"]].copy()
    check["gepland"] = [truth.get(t, 1.0) for t in check.index]
    check["in interval"] = (check["ci_low"] <= check["gepland"]) & (check["gepland"] <= check["ci_high"])
    summary = (f"geplante waarde binnen het 95%-interval: {int(check['in interval'].sum())} van "
               f"{int(check['lift'].notna().sum())} geschatte onderwerpen")
    return dutch_columns(check.round(2)).set_index("onderwerp"), summary


def plan_intro(plan) -> str:
    quiet = (f"rustigste maand voor contacten: {MONTH_NAMES[plan.quiet_month - 1]}" if plan.quiet_month
             else "voor de rustigste maand is een heel jaar contactgegevens nodig")
    return f"Planning vanaf {nl_date(plan.today)}; {quiet}."


PAGE_COLUMNS = ["publish_from", "topic_label", "working_title", "expected", "priority", "reason"]  # the rest: xlsx


def plan_table(plan) -> pd.DataFrame:
    if plan.calendar.empty:
        raise NotEnoughData("De planner heeft nog geen onderwerpen om in te plannen: er zijn geen contacten "
                            "over een onderwerp van de lijst.")
    return dutch_columns(plan.calendar[PAGE_COLUMNS]).set_index("publiceren vanaf")


def gap_table(gaps: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    found = gaps[gaps["gap"]]
    if found.empty:
        raise NotEnoughData("Geen onderwerpgaten: elk onderwerp waar patiënten vaak over schrijven, "
                            "heeft er genoeg berichten over.")
    table = found.drop(columns="gap").rename(index=labels).rename_axis("onderwerp")
    table[["contact_share", "post_share"]] = table[["contact_share", "post_share"]].map(
        lambda v: nl_number(100 * v, 1) + "%")
    return dutch_columns(table)


PLANTED_INTRO = """## Controle op de synthetische gegevens

Dit deel staat alleen in het rapport op de synthetische voorbeeldgegevens. De generator heeft bij vijf
onderwerpen een effect van berichten geplant en bij alle andere niet; zorgverzekering, hardlopen en goede
voornemens zijn 'nulonderwerpen' met een sterk seizoen waarover elk jaar in het seizoen wordt gepubliceerd.
De ruitjes zijn de geplante waarden."""
NAIVE_INTRO = """**Waarom niet gewoon 'voor en na' vergelijken?** Een spreadsheet zou de contacten in de vier weken na
een bericht vergelijken met de vier weken ervoor. Bij een seizoensonderwerp dat altijd vlak voor de piek
verschijnt, lijkt dat een groot effect, terwijl er geen is:"""


def month_on_month(contacts: pd.DataFrame, year: int | None = None):
    """A year's contacts per month (default: the last year with data) against the same days of the
    year before: a chart and a table."""
    if contacts.empty:
        raise NotEnoughData("Er zijn nog geen contacten ingelezen.")
    year = year or int(local_days(contacts).max().year)
    months = months_against_last_year(contacts, year)
    names = [MONTH_NAMES[m - 1] + (" (tot nu)" if partial else "") for m, partial in months["partial"].items()]
    table = pd.DataFrame({"maand": names, str(year): months["contacts"].to_numpy(),
                          str(year - 1): months["last_year"].to_numpy()})
    table["verschil"] = [nl_percent(a / b - 1, 0) if b and not pd.isna(b) else "" for a, b in
                         zip(months["contacts"], months["last_year"])]
    table[str(year - 1)] = table[str(year - 1)].map(lambda v: "" if pd.isna(v) else int(v))
    title = f"Contacten per maand: {year}" + (f" tegenover {year - 1}" if months["last_year"].notna().any() else "")
    return charts.month_pairs(months["contacts"], months["last_year"], year, title), table.set_index("maand")


def aims(table: pd.DataFrame) -> pd.DataFrame:
    readability_overview(table)
    return aims_summary(table)


def readability_ranking(table: pd.DataFrame) -> pd.DataFrame:
    columns = {"title": "titel", "date": "datum", "flesch_douma": "Flesch-Douma", "brouwer": "Brouwer",
               "words_per_sentence": "woorden/zin", "mean_zipf": "woordfrequentie (Zipf)", "b1": "B1"}
    ranked = table.dropna(subset=["flesch_douma"]).sort_values("flesch_douma", ascending=False, kind="stable")
    if ranked.empty:
        raise NotEnoughData("Geen bericht is lang genoeg (100 woorden) voor Flesch-Douma.")
    shown = ranked if len(ranked) <= 13 else pd.concat([ranked.head(5), ranked.tail(8)])
    return shown[list(columns)].rename(columns=columns).reset_index(drop=True)


def lint_ranking(table: pd.DataFrame, deep_analysis: str) -> pd.DataFrame:
    """The posts by LiNT score (Frog path), hardest first; without Frog, what it takes."""
    scored = table.dropna(subset=["lint_score"]) if "lint_score" in table else table.iloc[:0]
    if scored.empty:
        raise NotEnoughData(f"LiNT is niet berekend ({deep_analysis}). LiNT heeft een zinsontleding nodig: installeer "
                            "Frog (apt-get install frog frogdata) en maak het rapport opnieuw.")
    ranked = scored.sort_values(["lint_score", "title"], ascending=[False, True], kind="stable")
    shown = ranked if len(ranked) <= 13 else pd.concat([ranked.head(8), ranked.tail(5)])
    return shown.assign(lint_level=shown["lint_level"].map(lambda v: f"{int(v)} van 4"))[
        ["title", "date", "lint_score", "lint_level", "flesch_douma"]].rename(columns={
            "title": "titel", "date": "datum", "lint_score": "LiNT (0-100)", "lint_level": "LiNT-niveau",
            "flesch_douma": "Flesch-Douma"}).reset_index(drop=True)


def failing_posts(table: pd.DataFrame) -> pd.DataFrame:
    readability_overview(table)
    failing = table[~table["b1"].astype(bool)].sort_values("date", kind="stable")
    if failing.empty:
        raise NotEnoughData("Alle berichten zijn B1 of eenvoudiger.")
    return failing.assign(redenen=failing["reasons"].map(" | ".join))[["title", "date", "redenen"]].rename(
        columns={"title": "titel", "date": "datum"}).reset_index(drop=True)


def verdict_calibration(nlp, table: pd.DataFrame) -> tuple[str, pd.DataFrame]:
    """The B1 verdict on the calibration pairs, and how many blog posts pass."""
    pairs = calibration_table(nlp)
    plain, hard = pairs[pairs["level"] == "b1"], pairs[pairs["level"] == "hard"]
    intro = (f"Van de {len(plain)} teksten op B1 krijgen er {int(plain['b1'].sum())} het oordeel B1; van de "
             f"{len(hard)} moeilijkere versies van dezelfde teksten {int(hard['b1'].sum())}. Van de {len(table)} "
             f"blogberichten halen er {int(table['b1'].sum())} B1.")
    shown = pairs.assign(level=pairs["level"].map({"b1": "B1", "hard": "B2/C1"}),
                         rare_word_share=pairs["rare_word_share"].map(lambda v: nl_percent(v, 0)),
                         long_sentence_share=pairs["long_sentence_share"].map(lambda v: nl_percent(v, 0)))
    return intro, present(shown.set_index("title").rename_axis("titel"), digits=1)


def readability_by_year(table: pd.DataFrame):
    dated = table.dropna(subset=["date", "flesch_douma"]).sort_values("date")
    if dated.empty:
        raise NotEnoughData("Geen gedateerde berichten die lang genoeg zijn voor Flesch-Douma.")
    fig = charts.scatter(dated["date"], dated["flesch_douma"], "Flesch-Douma per bericht",
                         "publicatiedatum", "Flesch-Douma (hoger = makkelijker)")
    fig.axes[0].axhline(60, color="#c0392b", ls="--", lw=1)
    by_year = dated.groupby(dated["date"].dt.year.rename("jaar")).agg(
        berichten=("b1", "size"), B1=("b1", "sum"), flesch_douma=("flesch_douma", "mean"),
        woorden_per_zin=("words_per_sentence", "mean")).round(1)
    return fig, by_year.rename(columns={"flesch_douma": "Flesch-Douma", "woorden_per_zin": "woorden per zin"})


def show_hardest_sentences(sentences: pd.DataFrame, n: int = 10) -> None:
    from .notebook import say_flagged

    if sentences.empty:
        raise NotEnoughData("Er zijn nog geen zinnen om te beoordelen.")
    ranked = sentences.assign(points=sentences["flags"].map(len))
    hardest = ranked[ranked["points"] > 0].sort_values(["points", "words"], ascending=False, kind="stable").head(n)
    if hardest.empty:
        raise NotEnoughData("Geen zin heeft een aandachtspunt.")
    for _, s in hardest.iterrows():
        say_flagged(s["text"], s["flags"], bold=True)


def textstat_comparison(comparison: pd.DataFrame):
    comparison = comparison.dropna()
    if len(comparison) < 2:
        raise NotEnoughData("Voor een vergelijking zijn minstens twee berichten van 100 woorden of meer nodig.")
    fig = charts.scatter(comparison["ons_flesch_douma"], comparison["textstat_flesch"],
                         "Flesch-Douma: deze analyse tegenover textstat", "deze analyse", "textstat", diagonal=True)
    summary = comparison.describe().loc[["mean", "min", "max"]].rename(
        index={"mean": "gemiddeld", "min": "laagste", "max": "hoogste"}).round(2)
    return fig, summary.rename(columns=lambda c: c.replace("ons_", "deze analyse: ").replace(
        "textstat_", "textstat: ").replace("_", " "))


def measure_correlations(table: pd.DataFrame) -> pd.DataFrame:
    columns = {"flesch_douma": "Flesch-Douma", "brouwer": "Brouwer", "mean_zipf": "Zipf",
               "words_per_sentence": "woorden/zin", "rare_word_share": "zeldzame woorden",
               "passive_share": "lijdende vorm"}
    data = table[list(columns)].dropna()
    if len(data) < 5:
        raise NotEnoughData("Voor samenhang tussen de maten zijn minstens vijf berichten van 100 woorden nodig.")
    return data.rename(columns=columns).corr(method="spearman").round(2)


def topic_coverage(posts: pd.DataFrame, taxonomy: Taxonomy):
    if posts.empty:
        raise NotEnoughData("Er zijn nog geen blogberichten.")
    coverage = pd.DataFrame({
        "hoofdonderwerp": posts["main"].value_counts(),
        "alle onderwerpen": posts["topics"].explode().value_counts(),
    }).reindex(taxonomy.ids).fillna(0).astype(int).rename(index=taxonomy.labels()).rename_axis("onderwerp")
    return charts.counts_barh(coverage["alle onderwerpen"], "Berichten per onderwerp", "aantal berichten"), coverage


def tagging_agreement(posts: pd.DataFrame, labels_file, taxonomy: Taxonomy) -> tuple[str, pd.DataFrame]:
    """How often the tagger agrees with hand labels of the same posts, per topic."""
    labels = read_post_labels(labels_file) if labels_file and Path(labels_file).is_file() else None
    if labels is None or not set(posts["slug"]) <= set(labels.index):
        raise NotEnoughData("Voor deze blog zijn geen handlabels; zonder handlabels is de betrouwbaarheid "
                            "van de onderwerpherkenning niet te meten.")
    truth = [{labels.at[s, "main"], *labels.at[s, "secondary"]} for s in posts["slug"]]
    table = agreement(truth, [set(t) for t in posts["topics"]])
    same_main = float((posts["main"].to_numpy() == labels.loc[posts["slug"], "main"].to_numpy()).mean())
    total = table.loc["totaal"]
    intro = (f"Van de {int(total['tags'])} onderwerpen die de herkenning aan de {len(posts)} berichten gaf, klopten er "
             f"{int(total['correct'])} ({nl_percent(total['precision'])}); van de {int(total['labels'])} "
             f"onderwerpen met de hand vond de herkenning er {nl_percent(total['recall'])}. Het hoofdonderwerp was in "
             f"{nl_percent(same_main)} van de berichten hetzelfde.")
    shown = table.rename(index={**taxonomy.labels(), "totaal": "Totaal"}).rename_axis("onderwerp")
    def percent(v):
        return nl_percent(v, 0) if pd.notna(v) else "–"

    shown = shown.assign(precision=shown["precision"].map(percent), recall=shown["recall"].map(percent))
    return intro, shown.rename(columns={"labels": "met de hand", "tags": "door de herkenning", "correct": "beide",
                                        "precision": "klopt", "recall": "gevonden"})


def topics_by_month(posts: pd.DataFrame, taxonomy: Taxonomy):
    by_month = _dated(posts).explode("topics").dropna(subset=["topics"])
    heat = pd.crosstab(by_month["topics"], by_month["date"].dt.month).reindex(
        index=taxonomy.ids, columns=range(1, 13), fill_value=0)
    heat.columns = MONTH_ABBREVIATIONS
    return charts.heatmap(heat.rename(index=taxonomy.labels()), "Berichten per onderwerp en maand", "maand", "")


def themes(texts: list[str], nlp) -> tuple:
    k_max = min(16, len(texts) // 3)
    ks = [k for k in range(4, k_max + 1, 2)] or [max(2, k_max)]
    stability = stability_by_k(texts, nlp, ks=ks).rename(columns={
        "k": "thema's", "mean_stability": "gemiddelde stabiliteit", "stable_themes": "stabiele thema's"})
    found = discover(texts, nlp, k=min(12, k_max))
    table = found["themes"].assign(woorden=found["themes"]["top_terms"].map(", ".join))
    return stability, table[["woorden", "stability", "posts", "stable"]].rename(
        columns={"stability": "stabiliteit", "posts": "berichten", "stable": "stabiel"})


def topic_demand(gaps: pd.DataFrame, contacts: pd.DataFrame, taxonomy: Taxonomy):
    """Contacts against posts per topic, and the gaps (the planner's, planner.topic_gaps)."""
    if contacts.empty:
        raise NotEnoughData("Er zijn geen contacten ingelezen.")
    shares = gaps[["contact_share", "post_share"]].rename(index=taxonomy.labels(), columns={
        "contact_share": "aandeel contacten", "post_share": "aandeel berichten"}).sort_values("aandeel contacten")
    fig = charts.share_bars(shares, "Contacten en berichten per onderwerp")
    return fig, gap_table(gaps, taxonomy.labels()) if gaps["gap"].any() else "Geen onderwerpgaten."


def rewrite_table(rewrites: pd.DataFrame) -> pd.DataFrame:
    if rewrites.empty:
        raise NotEnoughData("Geen berichten die aan herziening toe zijn.")
    return dutch_columns(rewrites.head(20)[["title", "page", "date", "action", "why", "sentences"]])


def show_draft_check(report) -> None:
    """The check of the draft a report was given (the pipeline is loaded only then)."""
    from pathlib import Path

    from .notebook import say, say_flagged

    draft = report.config.draft
    if not draft:
        raise NotEnoughData("Er is geen concept meegegeven; een concept controleert u op de pagina "
                            "Concept controleren.")
    try:
        result = check(Path(draft), report.nlp)
    except DraftError as exc:
        raise NotEnoughData(str(exc)) from None
    verdict = "B1 of eenvoudiger" if result["b1"] else "moeilijker dan B1"
    say(f"{result['title']}: {verdict}")
    for reason in result["reasons"]:
        say(f"– {reason}")
    for s in result["sentences"]:
        if s["flags"]:
            say_flagged(s["text"], s["flags"])
    taxonomy = report.dataset.taxonomy  # the draft's topics come with its check
    say("Onderwerpen: " + (", ".join(taxonomy[t].label for t in result["topics"]["topics"]) or "geen"))


SEASON_BOUND = ("de berichten vallen steeds in hetzelfde deel van het seizoen, dus meer van hetzelfde maakt geen "
                "effect zichtbaar; een bericht buiten het seizoen wel.")


def data_needed_lines(effects: pd.DataFrame, weeks: int) -> list[str]:
    """Per topic without a proven effect: the smallest effect its data can show now, and in one
    and two years at its own posting rhythm (one line per answer, naming its topics)."""
    require_weeks(weeks, MODEL_WEEKS, "een schatting van de benodigde gegevens")
    weather = effects["note"] == WEATHER_NEEDED
    rows = effects[effects["power_now"].notna() | weather] if "power_now" in effects else effects[weather]
    if rows.empty:
        raise NotEnoughData("Elk onderwerp met contacten heeft al een aangetoond effect, of heeft geen contacten.")
    groups: dict[str, list[str]] = {}  # topics with the same answer share one line
    columns = ["detectable_now", "detectable_1y", "detectable_2y"]
    for _, r in rows.sort_values(columns, na_position="last", kind="stable").iterrows():
        if r["note"] == WEATHER_NEEDED:
            text = f"{r['label']}: {WEATHER_NEEDED}."
        elif r["season_overlap"] >= SEASON_OVERLAP:
            text = f"{r['label']}: {SEASON_BOUND}"
        else:
            now, one, two = (None if pd.isna(r[k]) else float(r[k]) for k in columns)
            text = needs_text(r["label"], DataNeeded(float(r["power_now"]), now, one, two, float(r["posts_per_year"]),
                                                     bool(r["has_posts"])))
        groups.setdefault(text[len(r["label"]):], []).append(r["label"])
    return ["; ".join(labels) + answer for answer, labels in groups.items()]
