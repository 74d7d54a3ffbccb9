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
# # Leesbaarheid: schrijven we op taalniveau B1?
#
# De overheid en patiëntenorganisaties adviseren te schrijven op **taalniveau B1**: korte zinnen, bekende
# woorden, geen vakjargon. Deze pagina meet elk blogbericht met de Nederlandse leesbaarheidsformules
# (Flesch-Douma en de Leesindex van Brouwer), met woordfrequentie (de sterkste maat in LiNT-II) en met de
# schrijfcontroles die webredacteuren gebruiken. Het oordeel 'B1 of eenvoudiger' volgt een vaste, openbare
# regel met zes voorwaarden (zie *Methode en controle*).
#
# <details><summary>Hoe is dit berekend?</summary>
# <p>Zinnen worden gesplitst met regels voor webtekst (ook na <i>u.</i>, bij opsommingstekens en aan elkaar
# geplakte zinnen); lijstjes zonder punt tellen niet als zin. Flesch-Douma is <code>206,835 − 0,93 × woorden per
# zin − 77 × lettergrepen per woord</code>, met een eigen lettergreepteller. Woordfrequentie (Zipf) komt uit
# wordfreq (met SUBTLEX-NL): het logaritme van hoe vaak een woord per miljard woorden voorkomt. De lijdende
# vorm is een vorm van <i>worden</i> of <i>zijn</i> met een voltooid deelwoord in dezelfde zin.</p>
# <p>Hoe de herkenning en de oordelen zijn getoetst: <a href="07_methode.ipynb">Methode en controle</a>.</p>
# </details>

# %% jupyter={"source_hidden": true} tags=["parameters"]
REPORT = ""  # the report's configuration (python -m analysis report passes it); empty: the sample

# %% jupyter={"source_hidden": true}
from analysis.reporting import key_points, sections
from analysis.reporting.charts import setup
from analysis.reporting.context import report_context
from analysis.reporting.notebook import say_lines, section, show_all
from analysis.reporting.provenance import corpus_line, pipeline_line
from analysis.text.readability_table import aims_summary

setup()
report = report_context(REPORT)
posts = report.posts
table, sentences = report.readability

# %% [markdown]
# ## In het kort

# %% jupyter={"source_hidden": true}
say_lines(key_points.readability_points(table, aims_summary(table)))
say_lines([corpus_line(report.config.corpus, posts), pipeline_line(report.pipeline, report.deep_analysis)])

# %% [markdown]
# ## De blog tegen de streefwaarden
#
# Per controle: hoeveel berichten halen de streefwaarde (groen), zitten er net boven (oranje) of ver boven (rood).

# %% jupyter={"source_hidden": true}
with section():
    show_all(sections.aims(table))

# %% [markdown]
# ## Ranglijst
#
# De makkelijkste en de moeilijkste berichten volgens Flesch-Douma (hoger is makkelijker; 60–70 is 'normaal').

# %% jupyter={"source_hidden": true}
with section():
    show_all(sections.readability_ranking(table))

# %% [markdown]
# ## LiNT: hoe moeilijk is de zinsbouw?
#
# LiNT is de leesbaarheidsformule van de Universiteit Utrecht (Pander Maat e.a., 2023) die de overheid gebruikt. Ze
# telt hoe bekend de woorden zijn, hoe ver woorden die bij elkaar horen uit elkaar staan, hoeveel inhoudswoorden er
# per deelzin zijn en hoeveel zelfstandige naamwoorden concreet zijn. De uitkomst loopt van 0 tot 100 (hoger is
# moeilijker), in vier niveaus: een tekst van niveau 1 is moeilijk voor ongeveer 15% van de volwassen lezers, een
# tekst van niveau 4 voor 82%. LiNT heeft een zinsontleding nodig; die komt van Frog, als dat is geïnstalleerd.

# %% jupyter={"source_hidden": true}
with section():
    show_all(sections.lint_ranking(table, report.deep_analysis))

# %% [markdown]
# ## Welke berichten zijn moeilijker dan B1, en waarom?

# %% jupyter={"source_hidden": true}
with section():
    show_all(sections.failing_posts(table))

# %% [markdown]
# ## Door de jaren heen

# %% jupyter={"source_hidden": true}
with section():
    show_all(*sections.readability_by_year(table))

# %% [markdown]
# ## De moeilijkste zinnen, met wat er beter kan
#
# Zinnen met de meeste aandachtspunten. Bij vakjargon staat het gewone woord erbij; lange zinnen kunnen in
# tweeën, een zin in de lijdende vorm wordt duidelijker als er staat wie iets doet.

# %% jupyter={"source_hidden": true}
with section():
    sections.show_hardest_sentences(sentences)
