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
# # Concept controleren
#
# Plak de tekst van een nieuw bericht, of upload het concept als Word-bestand (`.docx`), Markdown (`.md`) of tekst
# (`.txt`). De pagina controleert het concept na elke wijziging: het oordeel over taalniveau B1 met de redenen,
# de maten tegen hun streefwaarden, en de tekst zelf met gemarkeerd wat beter kan. Onderaan staan de onderwerpen
# van het concept en wat de planner erover zegt: wanneer het online moet, wat het laatste bericht over het
# onderwerp was en of het onderwerp patiënten brengt. Het concept blijft op deze computer.

# %% jupyter={"source_hidden": true} tags=["parameters", "nbval-ignore-output"]
import os

CORPUS = os.environ.get("CONCEPTCHECK_CORPUS", "../corpus/posts")
CONTACTS = os.environ.get("CONCEPTCHECK_CONTACTS", "../data/sample/contacts.csv")
WEATHER = os.environ.get("CONCEPTCHECK_WEATHER", "../data/sample/weather_knmi.txt")

# %% jupyter={"source_hidden": true} tags=["nbval-ignore-output"]
from pathlib import Path

from IPython.display import display

from analysis.reporting.draft_app import draft_checker, plan_source

# the page is drawn first; the language pipeline and the planner's advice (from the blog and the contacts)
# are loaded in the background
plan = plan_source(Path(CORPUS), Path(CONTACTS) if CONTACTS else None, Path(WEATHER) if WEATHER else None)
display(draft_checker(load_plan=plan))
