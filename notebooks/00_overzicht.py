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
# # Overzicht voor de praktijk
#
# De belangrijkste cijfers op één pagina: hoeveel patiënten via het contactformulier binnenkwamen, waar
# ze over schrijven, bij welke onderwerpen een blogbericht aantoonbaar patiënten brengt, hoe leesbaar de
# blog is en wat er nu te doen is. Elk getal is berekend uit de gegevens die hieronder staan.

# %% jupyter={"source_hidden": true} tags=["parameters"]
REPORT = ""  # the report's configuration (python -m analysis report passes it); empty: the sample

# %% jupyter={"source_hidden": true}
from analysis.reporting import sections
from analysis.reporting.charts import setup
from analysis.reporting.context import report_context
from analysis.reporting.notebook import say_lines, say_linked, section, show_all
from analysis.reporting.provenance import dataset_lines
from analysis.reporting.summary import overview

setup()
report = report_context(REPORT)
ds, plan = report.dataset, report.plan
asked = plan.gaps["contact_share"].rename(index=ds.taxonomy.labels())
summary = overview(ds.contacts, ds.weekly, plan.effects, plan.readability, plan.calendar, report.config.year, asked,
                   report.trend, plan.today, ds.outages)
say_linked(summary.lines, summary.links)

# %% jupyter={"source_hidden": true}
with section():
    chart, _ = sections.month_on_month(ds.contacts, summary.year)  # the table is on Seizoenen en effecten
    show_all(chart)

# %% [markdown]
# ## Gegevens

# %% jupyter={"source_hidden": true}
say_lines(dataset_lines(ds, report.config))

# %% [markdown]
# ## Verder lezen
#
# - [De blog](01_corpus.ipynb): wat er op de blog staat en welke berichten patiënten brengen
# - [Leesbaarheid](02_readability.ipynb): taalniveau B1 per bericht en de zinnen die beter kunnen
# - [Onderwerpen](03_topics.ipynb): waar we over schrijven en waar patiënten naar vragen
# - [Seizoenen en effecten](04_seasonality.ipynb): wanneer patiënten komen en wat berichten opleveren
# - [Planner](05_planner.ipynb): wat we wanneer schrijven en wat herzien moet
# - [Methode en controle](07_methode.ipynb): hoe de herkenning en de oordelen zijn getoetst
