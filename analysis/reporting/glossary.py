"""The glossary page of the report ("Begrippen"): the few terms that must stay, in plain Dutch."""
from __future__ import annotations

import html

from ..core.formatting import nl_percent
from ..planning.planner import GAP_COVERAGE, GAP_MIN_SHARE

TERMS = [
    ("Effect (×)", "Hoeveel keer zoveel contacten over een onderwerp er binnenkomen in de weken na een "
                   "blogbericht, vergeleken met vergelijkbare weken zonder bericht. ×1,8 betekent: 80% meer."),
    ("Waarschijnlijk tussen (marge)", "De marge rond een schatting. Bij een effect van berichten is die "
                                      "gecorrigeerd voor alle onderwerpen die tegelijk zijn getoetst, zodat "
                                      "toeval bij zoveel onderwerpen geen effect laat zien. Loopt de marge "
                                      "over ×1, dan is een effect niet aangetoond; ligt ze er helemaal boven, "
                                      "dan wel."),
    ("Effect aangetoond", "De marge ligt helemaal boven ×1 en het effect is te scheiden van het seizoen. "
                          "Een schatting onder ×1 betekent niet dat berichten patiënten wegjagen: de "
                          "berichten vielen in rustigere weken, of het is toeval."),
    ("Extra contacten per bericht", "Hoeveel contacten een bericht naar schatting extra oplevert in de weken "
                                    "erna: de gebruikelijke contacten over het onderwerp maal (effect − 1), "
                                    "met de marge. Een onzeker effect telt voorzichtig mee."),
    ("Seizoenspatroon", "De terugkerende beweging door het jaar: drukker in januari, rustiger in de zomer, "
                        "vragen over schaatsen alleen bij ijs."),
    ("Overlap met seizoen", "Hoe sterk de weken na berichten samenvallen met het seizoen van het onderwerp. "
                            "Vanaf 0,35 is het effect van het bericht niet te scheiden van het seizoen."),
    ("Aanlooptijd", "Hoeveel weken voor de piek in vragen een bericht online moet staan."),
    ("Taalniveau B1", "Eenvoudig Nederlands dat de meeste volwassenen begrijpen: korte zinnen, bekende "
                      "woorden, weinig vaktaal. De overheid en patiëntenorganisaties schrijven op B1."),
    ("Flesch-Douma", "Een leesbaarheidsscore uit zinslengte en woordlengte; hoger is makkelijker, 60–70 is "
                     "'normaal'."),
    ("Woordfrequentie (Zipf)", "Hoe vaak een woord in gewone Nederlandse teksten voorkomt: 6 is heel gewoon "
                               "('de'), onder 2,5 kennen veel lezers het niet."),
    ("Lijdende vorm", "Een zin waarin niet staat wie iets doet ('de knie wordt behandeld'). Actief is "
                      "duidelijker ('de fysiotherapeut behandelt uw knie')."),
    ("Signaalwoord", "Een woord dat zinnen verbindt (omdat, daarna, bijvoorbeeld); het maakt een tekst "
                     "makkelijker te volgen."),
    ("Hoofdonderwerp en nevenonderwerp", "Het hoofdonderwerp is waar een bericht over gaat (meestal het "
                                         "eerste onderwerp in de titel); nevenonderwerpen lopen door de "
                                         "tekst heen. Een zijpad telt niet."),
    ("Onderwerpgat", f"Een onderwerp waar patiënten naar vragen (minstens {nl_percent(GAP_MIN_SHARE, 0)} van de "
                     f"contacten) en waarover de blog minder dan {nl_percent(GAP_COVERAGE, 0)} van dat aandeel "
                     "aan berichten heeft."),
    ("Natuurijsdag", "De vierde en volgende dag op rij met een gemiddelde temperatuur onder nul: dan is er "
                     "vaak schaatsijs op sloten en plassen."),
]


def glossary_html() -> str:
    """The body of the glossary page."""
    items = "".join(f"<dt><b>{html.escape(term)}</b></dt><dd>{html.escape(text)}</dd>" for term, text in TERMS)
    return ("<h1>Begrippen</h1><p>De begrippen die in het rapport terugkomen, in gewone woorden. Hoe de "
            "cijfers precies zijn berekend, staat per pagina onder 'Hoe is dit berekend?'.</p>"
            f"<dl>{items}</dl>")
