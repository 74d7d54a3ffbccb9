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
# # De blog als data
#
# Wat er op de blog staat: hoeveel berichten, welke berichten patiënten brengen, wanneer ze verschenen, hoe
# lang ze zijn en welke berichten naar elkaar verwijzen.

# %% jupyter={"source_hidden": true} tags=["parameters"]
REPORT = ""  # the report's configuration (python -m analysis report passes it); empty: the sample

# %% jupyter={"source_hidden": true}

from analysis.reporting import key_points, sections
from analysis.reporting.charts import setup
from analysis.reporting.context import report_context
from analysis.reporting.notebook import say, say_lines, section, show_all
from analysis.reporting.provenance import corpus_line
from analysis.sources.corpus import related_links

setup()
report = report_context(REPORT)
posts = report.posts

# %% [markdown]
# ## In het kort

# %% jupyter={"source_hidden": true}
say_lines(key_points.corpus_points(posts))
say(corpus_line(report.config.corpus, posts))

# %% [markdown]
# ## Welke berichten brengen patiënten?
#
# Per bericht: hoeveel contacten vanaf de pagina van het bericht zijn verstuurd (het formulier geeft de pagina
# mee), en hoeveel contacten over het onderwerp van het bericht er in de vier weken na publicatie kwamen,
# naast wat in die weken van het jaar gebruikelijk is; met een Search Console-export ook de klikken uit
# Google, met de GA4-export Bestemmingspagina de bezoeken die op het bericht begonnen en in een contact
# eindigden, en de extra contacten die het effectmodel verwacht van een bericht over het onderwerp. Dat is een
# beschrijving per bericht, geen bewijs: of berichten over een onderwerp aantoonbaar patiënten brengen, staat op
# de pagina Seizoenen en effecten.

# %% jupyter={"source_hidden": true}
with section():
    show_all(*sections.posts_that_bring_patients(report.dataset, search=next(iter(report.search_exports), None),
                                                 landing=report.landing, effects=report.effects))

# %% [markdown]
# ## Berichten per maand en per seizoen

# %% jupyter={"source_hidden": true}
with section():
    show_all(sections.posts_per_month(posts), sections.posts_per_season(posts))

# %% [markdown]
# ## Lengte van de berichten
#
# Heel korte berichten (minder dan 100 woorden) zijn te kort om de leesbaarheidsformules betrouwbaar te berekenen.

# %% jupyter={"source_hidden": true}
with section():
    show_all(sections.length_histogram(posts))
with section():
    show_all(sections.shortest_posts(posts))

# %% [markdown]
# ## Ontbrekende datums
#
# Een bericht zonder publicatiedatum krijgt nooit een verzonnen datum: het blijft zonder datum tot die is ingevuld.
# De seizoensanalyse
# kan zo'n bericht pas gebruiken als de datum is ingevuld.

# %% jupyter={"source_hidden": true}
with section():
    show_all(sections.undated_posts(posts))

# %% [markdown]
# ## Verwijzingen naar andere artikelen
#
# Pagina's van de website tonen 'gerelateerde artikelen'. De importer bewaart die titels; hier staat welke
# verwijzingen naar een ander bericht van de blog leiden.

# %% jupyter={"source_hidden": true}
links = related_links(posts)
say(f"{len(links)} verwijzingen, waarvan {links['to'].notna().sum()} naar een ander bericht van de blog.")
if len(links):
    show_all(links.rename(columns={"from": "van", "related": "verwijst naar", "to": "gevonden bericht"}))
