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
# # Methode en controle
#
# Voor wie de analyse wil controleren: hoe de herkenning en de oordelen zijn getoetst, en wat er bij het
# inlezen van de gegevens gebeurde. De andere pagina's geven de antwoorden; deze pagina laat zien waar ze op
# rusten.

# %% jupyter={"source_hidden": true} tags=["parameters"]
REPORT = ""  # the report's configuration (python -m analysis report passes it); empty: the sample

# %% jupyter={"source_hidden": true}
import tempfile
from pathlib import Path

from IPython.display import Markdown, display

from analysis.reporting import methods, sections
from analysis.reporting.charts import setup
from analysis.reporting.context import report_context
from analysis.reporting.notebook import say, section, show_all
from analysis.reporting.provenance import uses_sample
from analysis.sources.importers import compare_with_corpus, import_paths
from analysis.text.readability.compare import compare_with_textstat

setup()
report = report_context(REPORT)
nlp, posts = report.nlp, report.posts
table, sentences = report.readability
ds, effects = report.dataset, report.effects
taxonomy = ds.taxonomy

# %% [markdown]
# ## Leesbaarheid: hoe is het oordeel B1 vastgesteld?

# %% jupyter={"source_hidden": true}
display(Markdown(methods.b1_rule()))

# %% [markdown]
# Om te zien of de grenzen kloppen zijn twintig teksten twee keer geschreven: op B1 en op B2/C1, met
# dezelfde inhoud (`analysis/data/b1_pairs.txt`). Het oordeel moet die paren scheiden.

# %% jupyter={"source_hidden": true}
with section():
    intro, pairs = sections.verdict_calibration(nlp, table)
    say(intro)
    show_all(pairs)

# %% [markdown]
# ## Vergelijking met textstat en LiNT-II
#
# **textstat** berekent ook een Nederlandse Flesch met Douma's constanten, maar telt anders: lettergrepen met
# pyphen (dat *a-po-the-ker* en *ra-di-o* niet goed splitst), zinnen en woorden met eenvoudige patronen
# (tussenkopjes lopen door in de volgende zin) en zonder begrenzing op 0–100. Daardoor ligt de uitkomst
# per bericht soms flink anders.

# %% jupyter={"source_hidden": true}
with section():
    show_all(*sections.textstat_comparison(compare_with_textstat(posts, table)))

# %% [markdown]
# **LiNT-II** (de gevalideerde Nederlandse leesbaarheidsformule) voorspelt begrip vooral uit woordfrequentie,
# daarnaast uit zinslengte en zinsbouw en de concreetheid van zelfstandige naamwoorden. Wij meten de
# woordfrequentie van inhoudswoorden (Zipf, uit SUBTLEX-NL via wordfreq) en de zinslengte; voor de overige
# kenmerken is een getrainde parser nodig die hier niet beschikbaar is. De samenhang tussen onze maten:

# %% jupyter={"source_hidden": true}
with section():
    show_all(sections.measure_correlations(table))

# %% [markdown]
# ## Onderwerpen: hoe betrouwbaar is de herkenning?
#
# Elk bericht heeft één **hoofdonderwerp** (het eerste onderwerp dat de titel noemt, anders het onderwerp dat
# het vaakst terugkomt) en soms **nevenonderwerpen**: onderwerpen die in de titel staan of door de hele tekst
# lopen (minstens één keer per vijftig woorden). Een zijpad, zoals een alinea over kinderen in een bericht over
# de feestdagen, telt niet mee. Voor de voorbeeldberichten zijn de onderwerpen ook met de hand bepaald
# (`corpus/topic_labels.csv`); zo is te zien hoe vaak de herkenning het goed heeft. *Klopt*: van de onderwerpen
# die de herkenning gaf, het deel dat ook met de hand is gegeven. *Gevonden*: van de onderwerpen met de hand, het
# deel dat de herkenning ook vond.

# %% jupyter={"source_hidden": true}
with section():
    intro, table = sections.tagging_agreement(posts, report.config.labels, taxonomy)
    say(intro)
    show_all(table)

# %% [markdown]
# ## Onderwerpen: thema's buiten de onderwerpenlijst
#
# Een model zonder taxonomie zoekt woorden die vaak samen voorkomen en vindt zo thema's. Omdat zo'n model bij
# elke start iets anders kan uitkomen, is het opnieuw geschat: **stabiliteit** 1,0 betekent dat het thema
# elke keer terugkomt; onder 0,6 is het eerder ruis dan een echt thema. Een stabiel thema van vakwoorden is
# geen onderwerp maar een **schrijfstijl**: precies wat de taxonomie niet ziet en de leesbaarheidsanalyse wel.

# %% jupyter={"source_hidden": true}
with section():
    show_all(*report.themes)


# %% [markdown]
# ## Het inlezen van de contacten
#
# Elke regel van de export is ingelezen of overgeslagen met een reden; de kolommen die zijn gebruikt en
# waarom.

# %% jupyter={"source_hidden": true}
print(ds.contact_report.render())

# %% [markdown]
# ## Tweede blik: samenhang tussen publiceren en contacten
#
# Voor het onderwerp met het duidelijkste effect: de correlatie tussen publiceren en contacten 0 tot 8 weken
# later, nadat seizoen en niveau uit de contacten en de autocorrelatie uit de publicatiereeks zijn gehaald.
# Staven boven de rode lijn wijzen op een verband op die vertraging.

# %% jupyter={"source_hidden": true}
with section():
    show_all(sections.ccf(ds, effects))


# %% jupyter={"source_hidden": true}
if uses_sample(report.config.contacts):  # only for the synthetic sample: does the method find the planted truths?
    from analysis.sample.synthetic import NULL_TOPICS, PLANTED

    display(Markdown(sections.PLANTED_INTRO))
    with section():
        check, summary = sections.planted_check(effects, PLANTED.lift)
        show_all(sections.effects_chart(effects, truth=PLANTED.lift), check, summary)
    display(Markdown(sections.NAIVE_INTRO))
    with section():
        show_all(sections.naive_comparison(ds, effects, PLANTED.lift, NULL_TOPICS))

# %% [markdown]
# ## Van website naar analyse: de importer
#
# De importer verantwoordt elke invoer (geïmporteerd, bijgewerkt, dubbel of overgeslagen met een reden) en
# elk woord: hoeveel woorden in de bron stonden, hoeveel in de tekst kwamen en wat als menu, voettekst of
# verwijzing is weggelaten. Daarna vergelijken we de geïmporteerde berichten met de berichten van de blog.

# %% jupyter={"source_hidden": true}
if report.config.raw:
    with tempfile.TemporaryDirectory() as tmp:
        imported = import_paths([report.config.raw], Path(tmp))
        check = compare_with_corpus(imported, Path(tmp), report.config.corpus)
    print(imported.render())
    show_all(check)
else:
    say("Voor eigen gegevens is er geen voorbeeld van websitepagina's om de importer op te controleren.")
