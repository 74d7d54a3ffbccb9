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
# # Onderwerpen: waar schrijven we over, en waar vragen patiënten naar?
#
# Elk bericht en elk contactbericht krijgt onderwerpen uit dezelfde vaste onderwerpenlijst (aan te
# vullen door de marketeer). De herkenning kent Nederlandse samenstellingen (*liesblessure*,
# *thuiswerkplek*) en laat valse vrienden (*terug*, *brug*) liggen. Contactberichten worden bij het inlezen
# eerst geschoond van persoonsgegevens.
#
# <details><summary>Hoe is dit berekend?</summary>
# <p>De herkenning zoekt de woorden van elk onderwerp uit de taxonomie, ook in verbogen vormen en Nederlandse
# samenstellingen (<i>liesblessure</i>, ook <i>nek- en schouderklachten</i>), en slaat valse vrienden en
# vaste uitdrukkingen over (<i>terug</i>, <i>achter de rug</i>). Titel, tussenkopjes en tekst tellen 3, 2 en
# 1 keer. Thema's zonder taxonomie komen uit NMF (een model dat woorden die vaak samen voorkomen groepeert) op
# TF-IDF-gewichten van de lemma's; stabiliteit is hoe vaak een thema terugkomt als het model opnieuw wordt
# geschat.</p>
# <p>De taxonomie staat in <code>analysis/data/topics.yaml</code>; een praktijk voegt onderwerpen toe of vervangt
# ze met een eigen <code>topics.yaml</code> in de projectmap.</p>
# <p>Hoe de herkenning en de oordelen zijn getoetst: <a href="07_methode.ipynb">Methode en controle</a>.</p>
# </details>

# %% jupyter={"source_hidden": true} tags=["parameters"]
REPORT = ""  # the report's configuration (python -m analysis report passes it); empty: the sample

# %% jupyter={"source_hidden": true}
from analysis.reporting import key_points, search_sections, sections
from analysis.reporting.charts import setup
from analysis.reporting.context import report_context
from analysis.reporting.notebook import say_lines, section, show_all
from analysis.reporting.provenance import contacts_line, corpus_line

setup()
report = report_context(REPORT)
ds = report.dataset
posts, contacts, weekly, taxonomy = ds.posts, ds.contacts, ds.weekly, ds.taxonomy
labels = taxonomy.labels()
gaps = report.plan.gaps  # measured as the planner measures them, from the day the plan starts

# %% [markdown]
# ## In het kort

# %% jupyter={"source_hidden": true}
say_lines(key_points.topic_points(posts, gaps, labels))
say_lines([corpus_line(report.config.corpus, posts), contacts_line(report.config.contacts, contacts, weekly.index)])

# %% [markdown]
# ## Dekking: hoeveel berichten per onderwerp?

# %% jupyter={"source_hidden": true}
with section():
    show_all(*sections.topic_coverage(posts, taxonomy))

# %% [markdown]
# ## Onderwerpen per maand
#
# In welke maand van het jaar verschijnen berichten over elk onderwerp (alle jaren samen)?

# %% jupyter={"source_hidden": true}
with section():
    show_all(sections.topics_by_month(posts, taxonomy))

# %% [markdown]
# ## Seizoensonderwerpen: wanneer schrijven we erover, en wanneer vragen patiënten ernaar?
#
# Per seizoensonderwerp de maanden uit de taxonomie, de maanden waarin we erover publiceerden en de maand
# waarin de contacten erover pieken (berekend uit de contactgegevens).

# %% jupyter={"source_hidden": true}
with section():
    show_all(sections.seasonal_topics(posts, weekly, taxonomy))

# %% [markdown]
# ## Waar vragen patiënten naar dat de blog nauwelijks behandelt?
#
# Per onderwerp het aandeel contacten dat erover gaat tegenover het aandeel berichten. Een **gat** is een
# onderwerp waar patiënten vaak naar vragen en waar de blog veel minder over schrijft (zie *Begrippen*); de
# planner gebruikt dezelfde maat.

# %% jupyter={"source_hidden": true}
with section():
    show_all(*sections.topic_demand(gaps, contacts, taxonomy))

# %% [markdown]
# ## Wat zoeken patiënten in Google?
#
# Uit de Search Console-export van de website: per onderwerp hoe vaak de website in Google verscheen
# (vertoningen) en hoe vaak erop werd geklikt, met de zoekopdrachten die het vaakst voorkwamen. De
# zoekopdrachten krijgen hun onderwerp op dezelfde manier als contactberichten. Search Console laat zeldzame
# zoekopdrachten weg (privacy) en toont er hoogstens 1.000.

# %% jupyter={"source_hidden": true}
with section():
    show_all(search_sections.demand_table(report.search), search_sections.export_line(report.search_exports))

# %% [markdown]
# ### Zoekvraag per maand
#
# Wanneer zoeken patiënten naar een onderwerp? Vertoningen per onderwerp en maand, waar de exports maanden
# geven (een export per maand, of een tabel met een datum per zoekopdracht). Een bericht staat het best
# online voordat de vraag piekt.

# %% jupyter={"source_hidden": true}
with section():
    show_all(search_sections.month_table(report.search))

# %% [markdown]
# ### Zoekgaten: waar zoeken patiënten op dat de blog niet (goed) beantwoordt?
#
# Zoekopdrachten met genoeg vertoningen over een onderwerp waarover de blog geen bericht heeft, of waarop de
# website pas na de eerste pagina van Google staat. De planner neemt ze mee.

# %% jupyter={"source_hidden": true}
with section():
    show_all(search_sections.gap_table(report.search))

# %% [markdown]
# ### Titels om te herschrijven, en berichten die klikken verliezen
#
# Pagina's die vaak in Google verschijnen maar veel minder klikken krijgen dan de eigen pagina's op dezelfde
# positie: de titel en de beschrijving nodigen niet uit. En, met een export van een eerdere periode erbij, de
# berichten die een derde of meer van hun klikken verloren.

# %% jupyter={"source_hidden": true}
with section():
    show_all(search_sections.rewrite_title_table(report.search), search_sections.losing_table(report.search))
