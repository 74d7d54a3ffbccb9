"""The glossary page of the report ("Begrippen"): the few terms that must stay, in plain Dutch."""
from __future__ import annotations

import html

TERMS = [
    ("Effect (×)", "Hoeveel keer zoveel contacten over een onderwerp er binnenkomen in de weken na een "
                   "blogbericht, vergeleken met vergelijkbare weken zonder bericht. ×1,8 betekent: 80% meer."),
    ("Waarschijnlijk tussen (marge)", "De marge rond een schatting, het 95%-betrouwbaarheidsinterval. "
                                      "×1,8 (waarschijnlijk tussen ×1,5 en ×2,2) betekent: de beste schatting "
                                      "is ×1,8, en met 95% zekerheid ligt het echte effect tussen ×1,5 en "
                                      "×2,2. Loopt de marge over ×1, dan is een effect niet aangetoond."),
    ("Effect aangetoond", "Het effect is groter dan toeval kan verklaren, ook nu alle onderwerpen tegelijk "
                          "zijn getoetst, en het is te scheiden van het seizoen."),
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
    ("Onderwerpgat", "Een onderwerp waar patiënten naar vragen (minstens 3% van de contacten) en waarover "
                     "de blog in twee jaar hoogstens één bericht had."),
    ("Natuurijsdag", "De vierde en volgende dag op rij met een gemiddelde temperatuur onder nul: dan is er "
                     "vaak schaatsijs op sloten en plassen."),
]


def glossary_html() -> str:
    """The body of the glossary page."""
    items = "".join(f"<dt><b>{html.escape(term)}</b></dt><dd>{html.escape(text)}</dd>" for term, text in TERMS)
    return ("<h1>Begrippen</h1><p>De begrippen die in het rapport terugkomen, in gewone woorden. Hoe de "
            "cijfers precies zijn berekend, staat per pagina onder 'Hoe is dit berekend?'.</p>"
            f"<dl>{items}</dl>")
