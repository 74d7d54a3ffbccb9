# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Planner voor de marketeer
#
# Wat schrijven we de komende twaalf maanden, wanneer moet het online, en welke berichten zijn aan
# herziening toe? Alles volgt uit de analyses (seizoenen, effecten, onderwerpgaten, leesbaarheid).
# Onderaan: controle van een concept vóór publicatie.
#

# %% jupyter={"source_hidden": true} tags=["parameters"]
REPORT = ""  # the report's configuration (python -m analysis report passes it); empty: the sample

# %% jupyter={"source_hidden": true}
from IPython.display import Markdown, display

from analysis.core.settings import settings
from analysis.reporting import charts, key_points, methods, sections
from analysis.reporting.charts import setup
from analysis.reporting.context import report_context
from analysis.reporting.exports import write_plan
from analysis.reporting.notebook import say, say_lines, section, show_all
from analysis.reporting.provenance import dataset_lines

setup()
report = report_context(REPORT)
ds, plan = report.dataset, report.plan
display(Markdown(methods.planner_method(settings().posts_per_month)))

# %% [markdown]
# ## In het kort

# %% jupyter={"source_hidden": true}
say_lines(key_points.plan_points(plan))
say(sections.plan_intro(plan))
say_lines(dataset_lines(ds, report.config))

# %% [markdown]
# ## Contentkalender voor de komende twaalf maanden

# %% jupyter={"source_hidden": true}
with section():
    table = sections.plan_table(plan)
    show_all(charts.planner_timeline(plan.calendar, "Wanneer publiceren"), table)
if report.config.out:
    write_plan(plan, report.config.out)
    say("De kalender staat ook in planner.xlsx, om in te werken: tabblad Nieuwe berichten (met status, auteur "
        "en schrijfdatum) en tabblad Herschrijven; voor andere programma's ook als planner.csv en "
        "herschrijven.csv in de rapportmap.")

# %% [markdown]
# ## Welk effect de gegevens kunnen aantonen
#
# Per onderwerp zonder aangetoond effect: hoe groot een effect moet zijn om het nu aan te tonen, en over een
# en twee jaar (zie Seizoenen en effecten).

# %% jupyter={"source_hidden": true}
with section():
    show_all(sections.data_needed_lines(plan.effects, len(ds.weekly)))

# %% [markdown]
# ## Onderwerpen waar patiënten naar vragen en die de blog nauwelijks behandelt

# %% jupyter={"source_hidden": true}
with section():
    show_all(sections.gap_table(plan.gaps, ds.taxonomy.labels()))

# %% [markdown]
# ## Berichten die aan herziening toe zijn
#
# Per bericht één actie, met het adres van de pagina: bijwerken, samenvoegen, verwijderen of doorverwijzen,
# herschrijven (met de zinnen om te verbeteren) of opfrissen. Dringend bovenaan: herschrijven, en het nieuwste
# bericht over een onderwerp dat aantoonbaar patiënten brengt.

# %% jupyter={"source_hidden": true}
with section():
    show_all(sections.rewrite_table(plan.rewrites))

# %% [markdown]
# ## Een concept controleren
#
# Een concept krijgt hetzelfde oordeel als de blog: de leesbaarheid met de zinnen die beter
# kunnen, en de onderwerpen waarmee het bericht getagd zou worden.

# %% jupyter={"source_hidden": true}
with section():
    sections.show_draft_check(report)
