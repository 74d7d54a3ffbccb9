"""'Hoe is dit berekend?': the method behind a page, in Dutch, with every threshold and rule taken
from the package constant that applies it, so the text cannot drift from the code."""
from __future__ import annotations

from ..core.formatting import nl_count, nl_number
from ..planning import calendar, planner
from ..text.readability import verdict as v
from ..text.readability.analyze import LONG_SENTENCE
from ..text.wordfreq_nl import RARE_BELOW
from ..timeseries import effects, power


def _pct(share: float) -> str:
    return nl_number(100 * share, 0) + "%"


def details(body: str) -> str:
    """A folded block with the method (trusted package text, not data)."""
    return f"<details><summary>Hoe is dit berekend?</summary>\n\n{body}\n\n</details>"


def effects_method() -> str:
    return details(
        "Per onderwerp beschrijft een telmodel (quasi-Poisson) de contacten over dat onderwerp met het eigen "
        "seizoen, het algemene niveau en de kalender, plus het aantal berichten van 1–2, 3–4, 5–6 en 7–8 weken "
        "geleden. Laat dat verloop een effect zien, dan is de periode die het best past uit de gegevens gehaald: "
        f"ergens binnen week 1 tot {effects.MAX_LAG}, ook een die later begint (lezers die eerst afwachten); anders "
        f"geldt de standaard van week 1 tot {effects.WINDOW}. De marge telt de onzekerheid van die keuze mee.\n\n"
        "**Weer en bijzondere weken.** Bij onderwerpen die het weer volgen (schaatsen, gladheid) rekent het model "
        "van dat onderwerp zelf met ijs- en natuurijsdagen in de week en de week ervoor; zonder weergegevens krijgen "
        "ze geen oordeel, want berichten erover verschijnen juist als het vriest. Hun effect is alleen te leren van "
        "berichten in weken met ijs of gladheid; met minder dan drie zulke berichten is het nog niet te schatten. "
        "Weken zonder één contact terwijl "
        "er gewoonlijk veel zijn (een kapot formulier) tellen niet mee, en een blijvende verschuiving van alle "
        "contacten (nieuwe website, tweede locatie) rekent het model als een nieuw niveau vanaf die week.\n\n"
        "**Eén regel beslist.** De marge (waarschijnlijk tussen ...) is gecorrigeerd voor alle onderwerpen die "
        f"tegelijk zijn getoetst: bij N onderwerpen is het een {nl_number(100 * (1 - effects.ALPHA), 0)}%-marge "
        f"gedeeld door N (Bonferroni), zodat de kans dat één van de onderwerpen bij toeval boven ×1 uitkomt "
        f"{_pct(effects.ALPHA)} blijft. Een effect is *aangetoond* precies wanneer die marge helemaal boven ×1 "
        f"ligt en het effect te scheiden is van het seizoen (overlap met het seizoen onder "
        f"{nl_number(effects.SEASON_OVERLAP, 2)}). Zo spreken het oordeel en de marge elkaar nooit tegen.\n\n"
        "**Onder ×1.** Het model laat een schatting onder ×1 toe: wie alle schattingen naar minstens ×1 duwt, "
        "overschat elk effect. Een bericht jaagt geen patiënten weg; een schatting onder ×1 betekent dat de "
        "berichten in weken met minder vraag vielen dan het model verwacht, of toeval.\n\n"
        "**Extra contacten per bericht.** De gebruikelijke contacten over het onderwerp in de weken na een "
        "bericht, maal (effect − 1). Daarvoor is het effect eerst naar ×1 toe getrokken, des te meer naarmate "
        "de marge breder is (empirische Bayes over de onderwerpen van de praktijk): een onderwerp met weinig "
        "berichten telt niet met een toevallig hoge schatting. Een bericht verliest nooit contacten, dus een "
        "marge onder nul staat als 0.")


def data_needed_method() -> str:
    return details(
        f"Per onderwerp zonder aangetoond effect: het kleinste effect dat met {_pct(power.POWER)} kans "
        "aangetoond zou worden (met dezelfde correctie voor alle onderwerpen), nu, na één jaar en na twee jaar "
        "meer gegevens, bij het aantal berichten per jaar dat het onderwerp tot nu toe kreeg (één per jaar "
        "voor een onderwerp zonder berichten). Berekend door simulatie uit wat de gegevens nu over het "
        f"onderwerp zeggen (contacten per week en hun spreiding); boven ×{nl_number(float(power.LIFTS[-1]), 0)} "
        "zoekt de berekening niet verder.")


def planner_method(posts_per_month: int) -> str:
    return details(
        f"**Ritme.** {nl_count(posts_per_month, 'bericht', 'berichten')} per maand "
        "(instelling `posts_per_month` in practice.yaml), verdeeld over de maandagen van de maand, hoogstens "
        "één per week, twaalf maanden vooruit.\n\n"
        "**Welk onderwerp wanneer.** Elke plek krijgt het onderwerp met de meeste waarde op dat moment: de "
        "verwachte extra contacten van een bericht, plus de vragen die het beantwoordt: "
        f"{_pct(calendar.ANSWER)} van de gebruikelijke vragen over het onderwerp in de weken erna, "
        f"{_pct(calendar.GAP)} bij een onderwerpgat, en voor een seizoensonderwerp {_pct(calendar.SEASON)} "
        "van de vragen van het seizoen waarvoor het online gaat. Die gewichten zijn keuzes van de planner, "
        "geen schattingen. Een seizoensonderwerp staat alleen in zijn seizoen: de piek min de aanlooptijd uit "
        "de gegevens, of de maanden uit de onderwerpenlijst als de gegevens geen piek tonen. De meest "
        "waardevolle combinaties van plek en onderwerp gaan voor; een onderwerp komt pas "
        f"{calendar.REPEAT_WEEKS} weken na het vorige bericht erover terug. Schrijven vóór: "
        f"{calendar.WRITE_WEEKS} weken voor publicatie.\n\n"
        f"**Onderwerpgat.** Minstens {_pct(planner.GAP_MIN_SHARE)} van de contacten gaat erover, en de blog "
        f"heeft er minder dan {_pct(planner.GAP_COVERAGE)} van dat aandeel aan berichten over: dezelfde maat "
        "als op de pagina Onderwerpen.\n\n"
        "**Werktitels** komen uit wat patiënten zelf schrijven: de woorden over het onderwerp die de meeste "
        "berichten gebruiken (nooit de woorden van één patiënt), met een slot dat past bij de reden.\n\n"
        f"**Herzien.** Bijwerken: een jaartal in de titel dat voorbij is (de oudere jaargangen doorverwijzen). "
        f"Samenvoegen: ouder dan {planner.REWRITE_AGE_YEARS} jaar en een nieuwer bericht over hetzelfde "
        "onderwerp zegt grotendeels hetzelfde. Verwijderen of doorverwijzen: oud, en patiënten vragen er niet "
        "meer naar. Herschrijven: moeilijker dan B1, met de zinnen om te verbeteren. Opfrissen: oud maar nog "
        "gevraagd en op B1.")


def b1_rule() -> str:
    """The verdict's six conditions, from the constants the verdict applies."""
    return (
        f"Het oordeel is een vaste regel met zes voorwaarden: gemiddeld hoogstens {v.MAX_WORDS_PER_SENTENCE} woorden "
        f"per zin, Flesch-Douma minstens {v.MIN_FLESCH_DOUMA}, bekende woorden (gemiddelde woordfrequentie minstens "
        f"Zipf {nl_number(v.MIN_MEAN_ZIPF, 1)} en hoogstens {_pct(v.MAX_RARE_SHARE)} zeldzame woorden), hoogstens "
        f"{v.MAX_JARGON} vaktermen, hoogstens {_pct(v.MAX_LONG_SENTENCE_SHARE)} lange zinnen (meer dan "
        f"{LONG_SENTENCE} woorden) en hoogstens "
        f"{nl_number(v.MAX_FORMAL_PER_100, 0)} formeel woord per 100 woorden (*indien*, *eveneens*, *dient te "
        f"worden*). Een woord telt als zeldzaam onder Zipf {nl_number(RARE_BELOW, 1)}: gewone woorden als *pees* en "
        "*stijfheid* liggen daarboven, vaktaal als *adductoren* eronder. De woorden waarmee een bericht zijn "
        "onderwerp noemt tellen niet als zeldzaam. Als een bericht alleen laag scoort op Flesch-Douma door woorden "
        "die niemand kan vermijden (*fysiotherapie*, *zorgverzekeraar*), zegt het oordeel dat en keurt het de tekst "
        "daar niet op af. Lijstjes zonder punt, knoppen en bronvermeldingen tellen niet als zinnen.")
