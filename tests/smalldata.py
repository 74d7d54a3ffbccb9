"""Small practices' own data, written for tests: a few posts and a few hundred contacts.

Not the sample: other texts, other periods, other sizes (the shapes real small
practices have: 0 to 10 posts, posts in one season or undated, 20 to 400 contacts
over a day to two years).
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

POSTS = [
    ("Pijn in de hiel bij de eerste stappen", "Hielpijn in de ochtend komt vaak door een overbelaste peesplaat. "
     "Rek uw kuit een paar keer per dag en draag stevige schoenen. Wordt het niet beter, kom dan langs."),
    ("Zo blijft uw rug soepel in de tuin", "Wissel zwaar werk af met licht werk. Til met gebogen knieën en "
     "neem elk uur een korte pauze. Zo voorkomt u rugpijn na een dag in de tuin."),
    ("Hardlopen na een pauze", "Begin rustig met korte stukjes hardlopen en wandelen. Bouw elke week een "
     "beetje op. Pijn in uw knie of scheen is een teken om gas terug te nemen."),
    ("Nekpijn door lang zitten", "Zet uw scherm op ooghoogte en sta elk half uur op. Draai rustig met uw "
     "schouders. Blijft de nekpijn, dan kijken wij met u naar uw werkplek."),
    ("Schaatsen zonder liesblessure", "Warm goed op voordat u het ijs op gaat. Begin met korte slagen en "
     "rek daarna uw liezen. Voelt u pijn, stop dan en neem rust."),
    ("Uw zorgverzekering en fysiotherapie", "Kijk voor het einde van het jaar hoeveel behandelingen uw "
     "aanvullende verzekering vergoedt. Zo weet u waar u aan toe bent."),
    ("Een verzwikte enkel", "Leg uw voet hoog en koel de enkel kort. Loop zo snel het kan weer een stukje. "
     "Blijft de enkel dik, maak dan een afspraak."),
    ("Schouderpijn bij het zwemmen", "Wissel de slagen af en zwem niet te lang achter elkaar. Oefeningen "
     "voor de schouderspieren helpen om pijn te voorkomen."),
    ("Vallen voorkomen in huis", "Haal losse kleden weg en zorg voor goed licht. Train uw balans elke dag "
     "even naast het aanrecht."),
    ("Bewegen tijdens de feestdagen", "Maak een wandeling tussen de maaltijden door. Zo blijft u in "
     "beweging, ook met de feestdagen."),
]
MESSAGES = ["Ik heb last van mijn knie na het hardlopen", "Mijn rug doet pijn sinds gisteren",
            "Nekpijn van het thuiswerken, kan ik langskomen?", "Wordt fysiotherapie vergoed door mijn verzekering?",
            "Graag een afspraak voor mijn schouder", "Pijn in mijn enkel na het voetballen",
            "Liesblessure na het schaatsen", "Kan ik een afspraak maken?", "Mijn hiel doet zeer in de ochtend"]


def write_corpus(folder: Path, n_posts: int, months: list[int] | None = None, undated: int = 0,
                 seed: int = 0) -> Path:
    """*n_posts* posts (the last *undated* without a date) published in *months* of 2024-2025."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_posts):
        title, text = POSTS[i % len(POSTS)]
        date = None
        if i < n_posts - undated:
            month = rng.choice(months or list(range(1, 13)))
            date = dt.date(2024 + i % 2, month, rng.randint(1, 28))
        front = f"---\ntitle: {title} {i + 1}\ndate: {date.isoformat() if date else 'null'}\n---\n\n"
        (folder / f"post-{i + 1}.md").write_text(front + f"## Wat kunt u doen?\n\n{text}\n", encoding="utf-8")
    return folder


def write_contacts(path: Path, n_rows: int, start: dt.date, days: int, seed: int = 0) -> Path:
    """A form export (Dutch headers, personal columns) of *n_rows* contacts over *days* days."""
    rng = random.Random(seed)
    rows = ["Datum;Naam;E-mailadres;Bericht;Pagina"]
    for _ in range(n_rows):
        minutes = rng.randint(0, max(days, 1) * 24 * 60 - 1)
        moment = dt.datetime.combine(start, dt.time(9)) + dt.timedelta(minutes=minutes)
        rows.append(f"{moment:%d-%m-%Y %H:%M};Jan Jansen;jan@example.nl;{rng.choice(MESSAGES)};/contact/")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path
