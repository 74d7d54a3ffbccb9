"""Write the notebooks' cells: prose in Dutch, hidden code that only calls the package.

The notebooks are generated from this file so that their structure stays reviewable in
one place. After a change: `python tools/make_notebooks.py && make notebooks` (the second
step runs notebooks 00-05 and stores their outputs, which the report and nbval use;
06_conceptcheck is an app and keeps no outputs).
"""
from pathlib import Path

import nbformat
from ipykernel.ipkernel import IPythonKernel
from jupyter_client.kernelspec import KernelSpecManager
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HIDDEN = {"jupyter": {"source_hidden": True}, "tags": []}


def md(text):
    return new_markdown_cell(text.strip(), metadata={"tags": []})


def code(text, hidden=True, tags=None):
    meta = dict(HIDDEN) if hidden else {"tags": []}
    meta = {**meta, "tags": tags or []}
    return new_code_cell(text.strip(), metadata=meta)


def params(text):
    return new_code_cell(text.strip(), metadata={"tags": ["parameters"], "jupyter": {"source_hidden": True}})


SETUP = """
from pathlib import Path

from analysis.reporting.charts import setup

setup()
"""

nbs = {}

nbs["00_overzicht"] = [
    md("""
# Overzicht voor de praktijk

De belangrijkste cijfers op één pagina: hoeveel patiënten via het contactformulier binnenkwamen, waar
ze over schrijven, bij welke onderwerpen een blogbericht aantoonbaar patiënten brengt, hoe leesbaar de
blog is en wat er nu te doen is. Elk getal is berekend uit de gegevens die hieronder staan.
"""),
    params("""
CORPUS = "../corpus/posts"
CONTACTS = "../data/sample/contacts.csv"
WEATHER = "../data/sample/weather_knmi.txt"
REPORT_YEAR = None
TODAY = ""  # the day the plan starts, as in the planner (05); empty: the week after the data
"""),
    code(SETUP + """
from analysis.planning.plan import make_plan
from analysis.reporting import sections
from analysis.reporting.notebook import say_lines, say_linked, section, show_all
from analysis.reporting.provenance import dataset_lines
from analysis.reporting.summary import overview
from analysis.text.nlp import load_pipeline
from analysis.timeseries.dataset import load_dataset

ds = load_dataset(Path(CORPUS), Path(CONTACTS), weather=Path(WEATHER) if WEATHER else None)
plan = make_plan(ds, load_pipeline(), today=TODAY or None)
asked = plan.gaps["contact_share"].rename(index=ds.taxonomy.labels())
summary = overview(ds.weekly, plan.effects, plan.readability, plan.calendar, REPORT_YEAR, asked)
say_linked(summary.lines, summary.links)
"""),
    code("""
with section():
    show_all(sections.year_on_year(ds.weekly, summary.year))
"""),
    md("""
## Gegevens
"""),
    code("""
say_lines(dataset_lines(ds, CORPUS, CONTACTS, weather=WEATHER))
"""),
    md("""
## Verder lezen

- [De blog](01_corpus.ipynb): wat er op de blog staat en hoe het wordt ingelezen
- [Leesbaarheid](02_readability.ipynb): taalniveau B1 per bericht en de zinnen die beter kunnen
- [Onderwerpen](03_topics.ipynb): waar we over schrijven en waar patiënten naar vragen
- [Seizoenen en effecten](04_seasonality.ipynb): wanneer patiënten komen en wat berichten opleveren
- [Planner](05_planner.ipynb): wat we wanneer schrijven en wat herzien moet
"""),
]

nbs["01_corpus"] = [
    md("""
# De blog als data

Wat er op de blog staat: hoeveel berichten, wanneer ze verschenen, hoe lang ze zijn, welke berichten
naar elkaar verwijzen en hoe berichten van de website in de analyse terechtkomen.
"""),
    params("""
CORPUS = "../corpus/posts"
RAW = "../corpus/raw"
"""),
    code(SETUP + """
import tempfile

from analysis.reporting import key_points, sections
from analysis.reporting.notebook import say, say_lines, section, show_all
from analysis.reporting.provenance import corpus_line
from analysis.sources.corpus import related_links
from analysis.sources.importers import compare_with_corpus, import_paths
from analysis.text.posts import tagged_posts

posts = tagged_posts(Path(CORPUS))
"""),
    md("""
## In het kort
"""),
    code("""
say_lines(key_points.corpus_points(posts))
say(corpus_line(CORPUS, posts))
"""),
    md("""
## Berichten per maand en per seizoen
"""),
    code("""
with section():
    show_all(sections.posts_per_month(posts), sections.posts_per_season(posts))
"""),
    md("""
## Lengte van de berichten

Heel korte berichten (minder dan 100 woorden) zijn te kort om de leesbaarheidsformules betrouwbaar te berekenen.
"""),
    code("""
with section():
    show_all(sections.length_histogram(posts))
with section():
    show_all(sections.shortest_posts(posts))
"""),
    md("""
## Ontbrekende datums

Een bericht zonder publicatiedatum krijgt nooit een verzonnen datum: het blijft zonder datum tot die is ingevuld. De seizoensanalyse
kan zo'n bericht pas gebruiken als de datum is ingevuld.
"""),
    code("""
with section():
    show_all(sections.undated_posts(posts))
"""),
    md("""
## Verwijzingen naar andere artikelen

Pagina's van de website tonen 'gerelateerde artikelen'. De importer bewaart die titels; hier staat welke
verwijzingen naar een ander bericht van de blog leiden.
"""),
    code("""
links = related_links(posts)
say(f"{len(links)} verwijzingen, waarvan {links['to'].notna().sum()} naar een ander bericht van de blog.")
if len(links):
    show_all(links.rename(columns={"from": "van", "related": "verwijst naar", "to": "gevonden bericht"}))
"""),
    md("""
## Van website naar analyse: de importer

De importer verantwoordt elke invoer (geïmporteerd, bijgewerkt, dubbel of overgeslagen met een reden) en
elk woord: hoeveel woorden in de bron stonden, hoeveel in de tekst kwamen en wat als menu, voettekst of
verwijzing is weggelaten. Daarna vergelijken we de geïmporteerde berichten met de berichten van de blog.
"""),
    code("""
if RAW:
    with tempfile.TemporaryDirectory() as tmp:
        report = import_paths([Path(RAW)], Path(tmp))
        check = compare_with_corpus(report, Path(tmp), Path(CORPUS))
    print(report.render())
    show_all(check)
else:
    say("Voor eigen gegevens is er geen voorbeeld van websitepagina's om de importer op te controleren.")
"""),
]

nbs["02_readability"] = [
    md("""
# Leesbaarheid: schrijven we op taalniveau B1?

De overheid en patiëntenorganisaties adviseren te schrijven op **taalniveau B1**: korte zinnen, bekende
woorden, geen vakjargon. Deze pagina meet elk blogbericht met de Nederlandse leesbaarheidsformules
(Flesch-Douma en de Leesindex van Brouwer), met woordfrequentie (de sterkste maat in LiNT-II) en met de
schrijfcontroles die webredacteuren gebruiken. Het oordeel 'B1 of eenvoudiger' volgt een vaste, openbare
regel (zie 'Hoe is het oordeel B1 vastgesteld?' onderaan).

<details><summary>Hoe is dit berekend?</summary>
<p>Zinnen worden gesplitst met regels voor webtekst (ook na <i>u.</i>, bij opsommingstekens en aan elkaar
geplakte zinnen); lijstjes zonder punt tellen niet als zin. Flesch-Douma is <code>206,835 − 0,93 × woorden per
zin − 77 × lettergrepen per woord</code>, met een eigen lettergreepteller. Woordfrequentie (Zipf) komt uit
wordfreq (met SUBTLEX-NL): het logaritme van hoe vaak een woord per miljard woorden voorkomt. De lijdende
vorm is een vorm van <i>worden</i> of <i>zijn</i> met een voltooid deelwoord in dezelfde zin.</p>
<p>De regel voor het oordeel staat in <code>analysis/text/readability/verdict.py</code>.</p>
</details>
"""),
    params("""
CORPUS = "../corpus/posts"
"""),
    code(SETUP + """
from analysis.reporting import charts, key_points, sections
from analysis.reporting.notebook import say, say_lines, section, show_all
from analysis.reporting.provenance import corpus_line, pipeline_line
from analysis.text.nlp import load_pipeline
from analysis.text.posts import tagged_posts
from analysis.text.readability.compare import compare_with_textstat
from analysis.text.readability_table import aims_summary, readability_table

nlp = load_pipeline()
posts = tagged_posts(Path(CORPUS), nlp=nlp)
table, sentences = readability_table(posts, nlp)
table = table.join(posts.set_index("id")[["title", "date"]])
"""),
    md("""
## In het kort
"""),
    code("""
say_lines(key_points.readability_points(table, aims_summary(table)))
say_lines([corpus_line(CORPUS, posts), pipeline_line(nlp)])
"""),
    md("""
## De blog tegen de streefwaarden

Per controle: hoeveel berichten halen de streefwaarde (groen), zitten er net boven (oranje) of ver boven (rood).
"""),
    code("""
with section():
    show_all(sections.aims(table))
"""),
    md("""
## Ranglijst

De makkelijkste en de moeilijkste berichten volgens Flesch-Douma (hoger is makkelijker; 60–70 is 'normaal').
"""),
    code("""
with section():
    show_all(sections.readability_ranking(table))
"""),
    md("""
## Welke berichten zijn moeilijker dan B1, en waarom?
"""),
    code("""
with section():
    show_all(sections.failing_posts(table))
"""),
    md("""
## Hoe is het oordeel B1 vastgesteld?

Het oordeel is een vaste regel met zes voorwaarden: gemiddeld hoogstens 15 woorden per zin, Flesch-Douma
minstens 60, bekende woorden (gemiddelde woordfrequentie minstens Zipf 4,4 en hoogstens 8% zeldzame
woorden), hoogstens 2 vaktermen, hoogstens een kwart lange zinnen (meer dan 20 woorden) en hoogstens één
formeel woord per 100 woorden (*indien*, *eveneens*, *dient te worden*). Een woord telt als zeldzaam onder
Zipf 2,5: gewone woorden als *pees*, *stijfheid* en *gladheid* liggen daarboven, vaktaal als *adductoren* en
*proprioceptie* eronder. De woorden waarmee een bericht zijn onderwerp noemt (*borstcrawl* in een bericht
over zwemmen) tellen niet als zeldzaam. Flesch-Douma telt lettergrepen; als een bericht alleen laag scoort
door woorden die niemand kan vermijden (*fysiotherapie*, *zorgverzekeraar*), zegt het oordeel dat en keurt
het de tekst daar niet op af. Lijstjes zonder punt, knoppen en bronvermeldingen tellen niet als zinnen.

Om te zien of de grenzen kloppen zijn twintig teksten twee keer geschreven: op B1 en op B2/C1, met
dezelfde inhoud (`analysis/data/b1_pairs.txt`). Het oordeel moet die paren scheiden.
"""),
    code("""
with section():
    intro, pairs = sections.verdict_calibration(nlp, table)
    say(intro)
    show_all(pairs)
"""),
    md("""
## Door de jaren heen
"""),
    code("""
with section():
    show_all(*sections.readability_by_year(table))
"""),
    md("""
## De moeilijkste zinnen, met wat er beter kan

Zinnen met de meeste aandachtspunten. Bij vakjargon staat het gewone woord erbij; lange zinnen kunnen in
tweeën, een zin in de lijdende vorm wordt duidelijker als er staat wie iets doet.
"""),
    code("""
with section():
    sections.show_hardest_sentences(sentences)
"""),
    md("""
## Vergelijking met textstat en LiNT-II

**textstat** berekent ook een Nederlandse Flesch met Douma's constanten, maar telt anders: lettergrepen met
pyphen (dat *a-po-the-ker* en *ra-di-o* niet goed splitst), zinnen en woorden met eenvoudige patronen
(tussenkopjes lopen door in de volgende zin) en zonder begrenzing op 0–100. Daardoor ligt de uitkomst
per bericht soms flink anders.
"""),
    code("""
with section():
    show_all(*sections.textstat_comparison(compare_with_textstat(posts, table)))
"""),
    md("""
**LiNT-II** (de gevalideerde Nederlandse leesbaarheidsformule) voorspelt begrip vooral uit woordfrequentie,
daarnaast uit zinslengte en zinsbouw en de concreetheid van zelfstandige naamwoorden. Wij meten de
woordfrequentie van inhoudswoorden (Zipf, uit SUBTLEX-NL via wordfreq) en de zinslengte; voor de overige
kenmerken is een getrainde parser nodig die hier niet beschikbaar is. De samenhang tussen onze maten:
"""),
    code("""
with section():
    show_all(sections.measure_correlations(table))
"""),
]

nbs["03_topics"] = [
    md("""
# Onderwerpen: waar schrijven we over, en waar vragen patiënten naar?

Elk bericht en elk contactbericht krijgt onderwerpen uit dezelfde vaste lijst, de taxonomie (aan te
vullen door de marketeer). De herkenning kent Nederlandse samenstellingen (*liesblessure*,
*thuiswerkplek*) en laat valse vrienden (*terug*, *brug*) liggen. Daarnaast zoekt een model zonder
taxonomie naar thema's die de taxonomie mist. Contactberichten worden bij het inlezen eerst geschoond
van persoonsgegevens.

<details><summary>Hoe is dit berekend?</summary>
<p>De herkenning zoekt de woorden van elk onderwerp uit de taxonomie, ook in verbogen vormen en Nederlandse
samenstellingen (<i>liesblessure</i>, ook <i>nek- en schouderklachten</i>), en slaat valse vrienden en
vaste uitdrukkingen over (<i>terug</i>, <i>achter de rug</i>). Titel, tussenkopjes en tekst tellen 3, 2 en
1 keer. Thema's zonder taxonomie komen uit NMF (een model dat woorden die vaak samen voorkomen groepeert) op
TF-IDF-gewichten van de lemma's; stabiliteit is hoe vaak een thema terugkomt als het model opnieuw wordt
geschat.</p>
<p>De taxonomie staat in <code>analysis/data/topics.yaml</code>; een praktijk voegt onderwerpen toe of vervangt
ze met een eigen <code>topics.yaml</code> in de projectmap.</p>
</details>
"""),
    params("""
CORPUS = "../corpus/posts"
CONTACTS = "../data/sample/contacts.csv"
LABELS = "../corpus/topic_labels.csv"
"""),
    code(SETUP + """
from analysis.planning.plan import data_end
from analysis.planning.planner import topic_gaps
from analysis.reporting import charts, key_points, sections
from analysis.reporting.notebook import say, say_lines, section, show_all
from analysis.reporting.provenance import contacts_line, corpus_line
from analysis.text.contact_topics import import_tagged_contacts
from analysis.text.nlp import load_pipeline
from analysis.text.posts import tagged_posts
from analysis.text.topics import load_taxonomy
from analysis.text.topics.discovery import discover, stability_by_k
from analysis.timeseries.weekly import weekly_contacts

nlp = load_pipeline()
taxonomy = load_taxonomy()
labels = taxonomy.labels()
posts = tagged_posts(Path(CORPUS), nlp=nlp)
contacts, report = import_tagged_contacts([Path(CONTACTS)])
weekly = weekly_contacts(contacts, taxonomy.ids)
gaps = topic_gaps(posts, contacts, taxonomy.ids, data_end(weekly, contacts))
"""),
    md("""
## In het kort
"""),
    code("""
say_lines(key_points.topic_points(posts, gaps, labels))
say_lines([corpus_line(CORPUS, posts), contacts_line(CONTACTS, contacts, weekly.index)])
"""),
    md("""
## Dekking: hoeveel berichten per onderwerp?
"""),
    code("""
with section():
    show_all(*sections.topic_coverage(posts, taxonomy))
"""),
    md("""
## Hoe betrouwbaar is de onderwerpherkenning?

Elk bericht heeft één **hoofdonderwerp** (het eerste onderwerp dat de titel noemt, anders het onderwerp dat
het vaakst terugkomt) en soms **nevenonderwerpen**: onderwerpen die in de titel staan of door de hele tekst
lopen (minstens één keer per vijftig woorden). Een zijpad, zoals een alinea over kinderen in een bericht over
de feestdagen, telt niet mee. Voor de voorbeeldberichten zijn de onderwerpen ook met de hand bepaald
(`corpus/topic_labels.csv`); zo is te zien hoe vaak de herkenning het goed heeft. *Klopt*: van de onderwerpen
die de herkenning gaf, het deel dat ook met de hand is gegeven. *Gevonden*: van de onderwerpen met de hand, het
deel dat de herkenning ook vond.
"""),
    code("""
with section():
    intro, table = sections.tagging_agreement(posts, LABELS, taxonomy)
    say(intro)
    show_all(table)
"""),
    md("""
## Onderwerpen per maand

In welke maand van het jaar verschijnen berichten over elk onderwerp (alle jaren samen)?
"""),
    code("""
with section():
    show_all(sections.topics_by_month(posts, taxonomy))
"""),
    md("""
## Seizoensonderwerpen: wanneer schrijven we erover, en wanneer vragen patiënten ernaar?

Per seizoensonderwerp de maanden uit de taxonomie, de maanden waarin we erover publiceerden en de maand
waarin de contacten erover pieken (berekend uit de contactgegevens).
"""),
    code("""
with section():
    show_all(sections.seasonal_topics(posts, weekly, taxonomy))
"""),
    md("""
## Thema's die de taxonomie mist

Een model zonder taxonomie zoekt woorden die vaak samen voorkomen en vindt zo thema's. Omdat zo'n model bij
elke start iets anders kan uitkomen, is het opnieuw geschat: **stabiliteit** 1,0 betekent dat het thema
elke keer terugkomt; onder 0,6 is het eerder ruis dan een echt thema. Een stabiel thema van vakwoorden is
geen onderwerp maar een **schrijfstijl**: precies wat de taxonomie niet ziet en de leesbaarheidsanalyse wel.
"""),
    code("""
with section():
    sections.require_themes(posts)
    texts = [t + "\\n" + b for t, b in zip(posts["title"], posts["body"])]
    show_all(*sections.themes(texts, nlp))
"""),
    md("""
## Waar vragen patiënten naar dat de blog nauwelijks behandelt?

Per onderwerp het aandeel contacten dat erover gaat tegenover het aandeel berichten. Een **gat** is een
onderwerp in minstens 3% van de contacten met hoogstens één bericht in de laatste twee jaar.
"""),
    code("""
with section():
    show_all(*sections.topic_demand(posts, contacts, taxonomy, weekly))
"""),
]

nbs["04_seasonality"] = [
    md("""
# Seizoenen en effecten: brengen onze berichten patiënten, en wanneer?

Contacten via het formulier zijn hoe nieuwe patiënten binnenkomen. Deze pagina beschrijft het verloop
per week, het seizoenspatroon en de invloed van de kalender, en schat per onderwerp of een blogbericht
in de weken erna **meer contacten over dat onderwerp** oplevert, **gecorrigeerd voor het eigen
seizoen van het onderwerp en het algemene niveau**, met een marge (betrouwbaarheidsinterval) en een
correctie voor het toetsen van veel onderwerpen tegelijk. Wat de begrippen betekenen staat op de pagina
*Begrippen*.

<details><summary>Hoe is dit berekend?</summary>
<p>Contacten per week zijn tellingen; ze worden beschreven met een quasi-Poisson-model (een telmodel dat
toestaat dat weken meer verschillen dan bij puur toeval). Het seizoen is een vloeiende jaarlijkse golf
(Fourier-termen van het weeknummer), de kalender bestaat uit feestdagen, schoolvakanties regio Noord, de
overstapperiode, de kerstweek en, met weergegevens, ijs-, vorst- en natuurijsdagen.</p>
<p>Per onderwerp beschrijft een tweede telmodel de contacten over dat onderwerp met het eigen seizoen, het
algemene niveau en de kalender, plus het aantal berichten van 1–2, 3–4, 5–6 en 7–8 weken geleden (een
<i>distributed lag</i>). Of berichten contacten brengen, toetst één gezamenlijke toets op dat verloop; de
p-waarden zijn gecorrigeerd voor het toetsen van alle onderwerpen (Holm). Het interval komt uit de
standaardfout van het model. De tweede blik (kruiscorrelatie) haalt eerst seizoen, niveau en de
samenhang van opeenvolgende weken (autocorrelatie) uit beide reeksen (<i>prewhitening</i>).</p>
</details>
"""),
    params("""
CORPUS = "../corpus/posts"
CONTACTS = "../data/sample/contacts.csv"
PAGEVIEWS = "../data/sample/pageviews_ga4.csv"
WEATHER = "../data/sample/weather_knmi.txt"
"""),
    code(SETUP + """
from IPython.display import Markdown, display

from analysis.reporting import key_points, sections
from analysis.reporting.notebook import say, say_lines, section, show_all
from analysis.reporting.provenance import dataset_lines, uses_sample
from analysis.sources.pageviews import period_text
from analysis.timeseries.audience import contacts_per_1000_views, post_reach
from analysis.timeseries.dataset import load_dataset
from analysis.timeseries.topic_effects import effects_table

ds = load_dataset(Path(CORPUS), Path(CONTACTS), Path(PAGEVIEWS) if PAGEVIEWS else None,
                  Path(WEATHER) if WEATHER else None)
effects = effects_table(ds)
"""),
    md("""
## In het kort
"""),
    code("""
say_lines(key_points.effect_points(effects))
say_lines(dataset_lines(ds, CORPUS, CONTACTS, PAGEVIEWS, WEATHER))
print(ds.contact_report.render())
"""),
    md("""
## Contacten door de jaren
"""),
    code("""
with section():
    show_all(*sections.contacts_over_time(ds.weekly))
"""),
    md("""
## Het seizoenspatroon en de kalender

Een telmodel van de contacten per week met een jaarlijks seizoen, een trend en kalendereffecten. Een factor van 0,6 voor de kerstweek betekent: 40% minder contacten dan in een
vergelijkbare week zonder kerst.
"""),
    code("""
with section():
    show_all(*sections.season_and_calendar(ds.weekly, ds.covariates))
"""),
    md("""
## Effect van blogberichten per onderwerp

Effect (×): hoeveel keer zoveel contacten over het onderwerp in de weken vanaf de publicatieweek, vergeleken
met vergelijkbare weken zonder bericht. ×1,8 (waarschijnlijk tussen ×1,5 en ×2,2) betekent: de beste schatting
is 1,8 keer zoveel contacten, en het echte effect ligt met 95% zekerheid tussen 1,5 en 2,2 keer. Hoe lang een effect duurt, wordt niet aangenomen maar uit de
gegevens gehaald (kolom *weken effect*, zie het verloop hieronder); zonder aangetoond effect is dat de
standaard van vier weken. Rood = effect aangetoond (groter dan toeval kan verklaren); blauw = niet aangetoond.
Een brede marge betekent: te weinig gegevens om iets te zeggen. Bij onderwerpen
waarvan de berichten elk jaar in hetzelfde deel van het seizoen verschijnen, is een effect van het
bericht niet te scheiden van het seizoen zelf (grijs); daar trekken we geen conclusie.
"""),
    code("""
with section():
    show_all(sections.effects_chart(effects))
with section():
    show_all(sections.effects_table(effects))
"""),
    md("""
## Hoe lang werkt een bericht?

Voor elk onderwerp met een aangetoond effect: het effect (×) per twee weken na publicatie (week 1 is de
publicatieweek), met de marge. Of er een effect is, toetst het model op dit hele verloop tegelijk.
De gekleurde weken zijn de periode die het best bij de gegevens past; daarover is het effect in de tabel
hierboven berekend.
"""),
    code("""
with section():
    show_all(sections.effect_profiles(ds, effects))
"""),
    md("""
## Hoeveel gegevens zijn nog nodig?

Waar geen effect is aangetoond, kan dat komen doordat er geen effect is of doordat er te weinig gegevens
zijn. Per onderwerp: hoeveel berichten meer (in dezelfde periode), of hoeveel maanden meer gegevens (bij
het huidige aantal berichten), nodig zijn om een effect van ×1,5 met 80% kans aan te tonen. Berekend door
simulatie uit wat de gegevens nu over het onderwerp zeggen.
"""),
    code("""
with section():
    show_all(sections.data_needed_lines(effects, len(ds.weekly)))
"""),
    md("""
## Tweede blik: samenhang tussen publiceren en contacten

Voor het onderwerp met het duidelijkste effect: de correlatie tussen publiceren en contacten 0 tot 8 weken
later, nadat seizoen en niveau uit de contacten en de autocorrelatie uit de publicatiereeks zijn gehaald.
Staven boven de rode lijn wijzen op een verband op die vertraging.
"""),
    code("""
with section():
    show_all(sections.ccf(ds, effects))
"""),
    md("""
## Aanlooptijd: wanneer moet een bericht online staan?

Per onderwerp de week en maand waarin de contacten pieken en de week waarin een bericht online moet
(twee weken vóór de stijging begint).
"""),
    code("""
with section():
    show_all(sections.lead_time_table(effects, len(ds.weekly)))
"""),
    md("""
## Bereik: paginaweergaven en contacten

Uit de export van paginaweergaven (GA4, Matomo of Plausible): de berichten met het grootste bereik, en per
onderwerp het aantal contacten dat vanaf een bericht over dat onderwerp werd verstuurd, per 1000 weergaven.
Is de export één totaal over een periode (zonder datum), dan tellen alleen de contacten uit die periode en is
het bereik in de eerste drie maanden niet bekend.
"""),
    code("""
if ds.pageviews is not None:
    say(period_text(ds.pageviews))
    reach = post_reach(ds.posts, ds.pageviews)
    show_all(reach.nlargest(8, "views")[["title", "date", "views", "views_first_3_months"]],
             contacts_per_1000_views(ds.posts, ds.contacts, ds.pageviews, ds.topics).round(2)
             .rename(index=ds.taxonomy.labels()))
else:
    print("Geen export van paginaweergaven opgegeven.")
"""),
    code("""
if uses_sample(CONTACTS):  # only for the synthetic sample: does the method find the planted truths?
    from analysis.sample.synthetic import NULL_TOPICS, PLANTED

    display(Markdown(sections.PLANTED_INTRO))
    with section():
        check, summary = sections.planted_check(effects, PLANTED.lift)
        show_all(sections.effects_chart(effects, truth=PLANTED.lift), check, summary)
    display(Markdown(sections.NAIVE_INTRO))
    with section():
        show_all(sections.naive_comparison(ds, effects, PLANTED.lift, NULL_TOPICS))
"""),
]

nbs["05_planner"] = [
    md("""
# Planner voor de marketeer

Wat schrijven we de komende twaalf maanden, wanneer moet het online, en welke berichten zijn aan
herziening toe? Alles volgt uit de analyses (seizoenen, effecten, onderwerpgaten, leesbaarheid).
Onderaan: controle van een concept vóór publicatie.

<details><summary>Hoe is dit berekend?</summary>
<p>Een onderwerpgat (minstens 3% van de contacten, hoogstens één bericht in twee jaar) komt eerst en kan
meteen. Een seizoensonderwerp staat twee weken vóór de contacten beginnen te stijgen. Een onderwerp met
een aangetoond effect krijgt een plek in de rustigste maand. Herschrijven: berichten die moeilijker zijn
dan B1, ouder dan drie jaar, of het nieuwste bericht over een onderwerp met een aangetoond effect. De
regels staan in <code>analysis/planning/planner.py</code>.</p>
</details>
"""),
    params("""
CORPUS = "../corpus/posts"
CONTACTS = "../data/sample/contacts.csv"
WEATHER = "../data/sample/weather_knmi.txt"
DRAFT = "../corpus/drafts/concept-knieklachten-bij-het-fietsen.md"
OUTPUT_DIR = "../reports"
TODAY = ""  # the day the plan starts; empty: the week after the data (make report passes today)
"""),
    code(SETUP + """
from analysis.planning.plan import make_plan
from analysis.reporting import charts, key_points, sections
from analysis.reporting.exports import write_plan
from analysis.reporting.notebook import say, say_lines, section, show_all
from analysis.reporting.provenance import dataset_lines
from analysis.text.nlp import load_pipeline
from analysis.timeseries.dataset import load_dataset

nlp = load_pipeline()
ds = load_dataset(Path(CORPUS), Path(CONTACTS), weather=Path(WEATHER) if WEATHER else None)
plan = make_plan(ds, nlp, today=TODAY or None)
"""),
    md("""
## In het kort
"""),
    code("""
say_lines(key_points.plan_points(plan))
say(sections.plan_intro(plan))
say_lines(dataset_lines(ds, CORPUS, CONTACTS, weather=WEATHER))
"""),
    md("""
## Contentkalender voor de komende twaalf maanden
"""),
    code("""
with section():
    table = sections.plan_table(plan)
    show_all(charts.planner_timeline(plan.calendar, "Wanneer publiceren"), table)
if OUTPUT_DIR:
    write_plan(plan, Path(OUTPUT_DIR))
    say("De kalender en de lijst om te herschrijven staan ook in planner.xlsx (twee tabbladen) en in "
        "planner.csv en herschrijven.csv in de rapportmap.")
"""),
    md("""
## Waar meer berichten nodig zijn om een effect te kunnen zien

Hoeveel berichten of maanden gegevens er nog nodig zijn om een effect van ×1,5 aan te tonen (zie
Seizoenen en effecten).
"""),
    code("""
with section():
    show_all(sections.data_needed_lines(plan.effects, len(ds.weekly)))
"""),
    md("""
## Onderwerpen waar patiënten naar vragen en die de blog nauwelijks behandelt
"""),
    code("""
with section():
    show_all(sections.gap_table(plan.gaps, ds.taxonomy.labels()))
"""),
    md("""
## Berichten die aan herziening toe zijn

Dringend: moeilijker dan B1, of het nieuwste bericht over een onderwerp met bewezen effect.
"""),
    code("""
with section():
    show_all(sections.rewrite_table(plan.rewrites))
"""),
    md("""
## Een concept controleren

Een concept krijgt hetzelfde oordeel als de blog: de leesbaarheid met de zinnen die beter
kunnen, en de onderwerpen waarmee het bericht getagd zou worden.
"""),
    code("""
with section():
    sections.show_draft_check(DRAFT, nlp, ds.taxonomy)
"""),
]

APP = {"jupyter": {"source_hidden": True}, "tags": ["nbval-ignore-output"]}
nbs["06_conceptcheck"] = [
    md("""
# Concept controleren

Plak de tekst van een nieuw bericht, of upload het concept als Word-bestand (`.docx`), Markdown (`.md`) of tekst
(`.txt`). De pagina controleert het concept na elke wijziging: het oordeel over taalniveau B1 met de redenen,
de maten tegen hun streefwaarden, en de tekst zelf met gemarkeerd wat beter kan. Onderaan staan de onderwerpen
van het concept en wat de planner erover zegt: wanneer het online moet, wat het laatste bericht over het
onderwerp was en of het onderwerp patiënten brengt. Het concept blijft op deze computer.

"""),
    new_code_cell("""import os

CORPUS = os.environ.get("CONCEPTCHECK_CORPUS", "../corpus/posts")
CONTACTS = os.environ.get("CONCEPTCHECK_CONTACTS", "../data/sample/contacts.csv")
WEATHER = os.environ.get("CONCEPTCHECK_WEATHER", "../data/sample/weather_knmi.txt")""",
                  metadata={"tags": ["parameters", "nbval-ignore-output"], "jupyter": {"source_hidden": True}}),
    new_code_cell(SETUP.strip() + """

from functools import partial

from IPython.display import display

from analysis.planning.plan import plan_for_drafts
from analysis.reporting.draft_app import draft_checker
from analysis.text.nlp import load_pipeline
from analysis.text.topics import load_taxonomy

nlp = load_pipeline()
# the planner's advice needs the blog and the contacts; it is made in the background
load_plan = partial(plan_for_drafts, Path(CORPUS), Path(CONTACTS), Path(WEATHER) if WEATHER else None, nlp)
display(draft_checker(nlp, load_taxonomy().labels(), load_plan if CONTACTS else None))""", metadata=APP),
]

# The metadata JupyterLab sets when the kernel starts: with anything else it marks a notebook as
# modified the moment the owner opens it (papermill writes the same when it runs 00-05).
METADATA = {"kernelspec": {"display_name": KernelSpecManager().get_kernel_spec("python3").display_name,
                           "language": "python", "name": "python3"},
            "language_info": dict(IPythonKernel.language_info)}

for name, cells in nbs.items():
    for i, cell in enumerate(cells):
        cell.id = f"{name[:2]}-{i:02d}"  # stable ids: regenerating gives a reviewable diff
    nb = new_notebook(cells=cells)
    nb.metadata = METADATA
    nbformat.write(nb, Path(__file__).resolve().parent.parent / "notebooks" / f"{name}.ipynb")
print("written")
