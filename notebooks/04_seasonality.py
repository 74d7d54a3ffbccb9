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
# # Seizoenen en effecten: brengen onze berichten patiënten, en wanneer?
#
# Contacten via het formulier zijn hoe nieuwe patiënten binnenkomen. Deze pagina beschrijft het verloop
# per week, het seizoenspatroon en de invloed van de kalender, en schat per onderwerp of een blogbericht
# in de weken erna **meer contacten over dat onderwerp** oplevert, **gecorrigeerd voor het eigen
# seizoen van het onderwerp en het algemene niveau**, met een marge (betrouwbaarheidsinterval) en een
# correctie voor het toetsen van veel onderwerpen tegelijk. Wat de begrippen betekenen staat op de pagina
# *Begrippen*.
#
# <details><summary>Hoe is dit berekend?</summary>
# <p>Contacten per week zijn tellingen; ze worden beschreven met een quasi-Poisson-model (een telmodel dat
# toestaat dat weken meer verschillen dan bij puur toeval). Het seizoen is een vloeiende jaarlijkse golf
# (Fourier-termen van het weeknummer), de kalender bestaat uit feestdagen, schoolvakanties regio Noord, de
# overstapperiode, de kerstweek en, met weergegevens, ijs-, vorst- en natuurijsdagen.</p>
# <p>Hoe het effect per onderwerp is berekend, staat bij de effecten hieronder.</p>
# <p>Hoe de herkenning en de oordelen zijn getoetst: <a href="07_methode.ipynb">Methode en controle</a>.</p>
# </details>

# %% jupyter={"source_hidden": true} tags=["parameters"]
REPORT = ""  # the report's configuration (python -m analysis report passes it); empty: the sample

# %% jupyter={"source_hidden": true}
from IPython.display import Markdown, display

from analysis.reporting import key_points, methods, sections
from analysis.reporting.charts import setup
from analysis.reporting.context import report_context
from analysis.reporting.notebook import say, say_lines, section, show_all
from analysis.reporting.provenance import dataset_lines
from analysis.sources.pageviews import period_text
from analysis.timeseries.audience import contacts_per_1000_views, post_reach

setup()
report = report_context(REPORT)
ds, effects = report.dataset, report.effects

# %% [markdown]
# ## In het kort

# %% jupyter={"source_hidden": true}
say_lines(key_points.effect_points(effects))
say_lines(dataset_lines(ds, report.config))

# %% [markdown]
# ## Contacten door de jaren

# %% jupyter={"source_hidden": true}
with section():
    show_all(*sections.contacts_over_time(ds.weekly))
with section():
    _, months = sections.month_on_month(ds.contacts)
    show_all(months)

# %% [markdown]
# ## Het seizoenspatroon en de kalender
#
# Een telmodel van de contacten per week met een jaarlijks seizoen, een trend en kalendereffecten. Een factor van 0,6
# voor de kerstweek betekent: 40% minder contacten dan in een
# vergelijkbare week zonder kerst.

# %% jupyter={"source_hidden": true}
with section():
    show_all(*sections.season_and_calendar(ds.model_weekly, ds.covariates))

# %% [markdown]
# ## Effect van blogberichten per onderwerp
#
# Effect (×): hoeveel keer zoveel contacten over het onderwerp in de weken vanaf de publicatieweek, vergeleken
# met vergelijkbare weken zonder bericht, en wat een bericht daarmee naar schatting aan extra contacten oplevert.
# ×1,8 (waarschijnlijk tussen ×1,3 en ×2,6) betekent: de beste schatting is 1,8 keer zoveel contacten, en de
# marge is gecorrigeerd voor alle onderwerpen die tegelijk zijn getoetst. Aangetoond is een effect precies
# wanneer die marge boven ×1 ligt. Hoe lang een effect duurt, wordt niet aangenomen maar uit de gegevens
# gehaald (kolom *weken effect*, zie het verloop hieronder). Rood = effect aangetoond; blauw = niet aangetoond.
# Een brede marge betekent: te weinig gegevens om iets te zeggen. Bij onderwerpen
# waarvan de berichten elk jaar in hetzelfde deel van het seizoen verschijnen, is een effect van het
# bericht niet te scheiden van het seizoen zelf (grijs); daar trekken we geen conclusie.

# %% jupyter={"source_hidden": true}
display(Markdown(methods.effects_method()))
with section():
    show_all(sections.effects_chart(effects))
with section():
    show_all(sections.effects_table(effects))

# %% [markdown]
# ## Hoe lang werkt een bericht?
#
# Voor elk onderwerp met een aangetoond effect: het effect (×) per twee weken na publicatie (week 1 is de
# publicatieweek), met de marge. Of er een effect is, toetst het model op dit hele verloop tegelijk.
# De gekleurde weken zijn de periode die het best bij de gegevens past; daarover is het effect in de tabel
# hierboven berekend.

# %% jupyter={"source_hidden": true}
with section():
    show_all(sections.effect_profiles(ds, effects))

# %% [markdown]
# ## Hoeveel gegevens zijn nog nodig?
#
# Waar geen effect is aangetoond, kan dat komen doordat er geen effect is of doordat er te weinig gegevens
# zijn. Per onderwerp: hoe groot een effect moet zijn om het nu aan te tonen, en over een en twee jaar.

# %% jupyter={"source_hidden": true}
display(Markdown(methods.data_needed_method()))
with section():
    show_all(sections.data_needed_lines(effects, len(ds.weekly)))

# %% [markdown]
# ## Aanlooptijd: wanneer moet een bericht online staan?
#
# Per onderwerp wanneer de contacten pieken en vanaf wanneer een bericht online moet staan
# (twee weken vóór de stijging begint).

# %% jupyter={"source_hidden": true}
with section():
    show_all(sections.lead_time_table(effects, len(ds.weekly)))

# %% [markdown]
# ## Bereik: paginaweergaven en contacten
#
# Uit de export van paginaweergaven (GA4, Matomo of Plausible): de berichten met het grootste bereik, en per
# onderwerp het aantal contacten dat vanaf een bericht over dat onderwerp werd verstuurd, per 1000 weergaven.
# Is de export één totaal over een periode (zonder datum), dan tellen alleen de contacten uit die periode en is
# het bereik in de eerste drie maanden niet bekend.

# %% jupyter={"source_hidden": true}
if ds.pageviews is not None:
    say(period_text(ds.pageviews))
    reach = post_reach(ds.posts, ds.pageviews)
    show_all(reach.nlargest(8, "views")[["title", "date", "views", "views_first_3_months"]],
             contacts_per_1000_views(ds.posts, ds.contacts, ds.pageviews, ds.topics).round(2)
             .rename(index=ds.taxonomy.labels()))
else:
    print("Geen export van paginaweergaven opgegeven.")
