"""The draft checker as a page the marketer opens in a browser (notebook 06, served by Voilà).

Paste a draft or upload a ``.docx``, ``.md`` or ``.txt`` file; the page checks it again
after every change (DEBOUNCE seconds after the last keystroke) with the same function as
the ``readability`` command and the planner notebook (``check_blocks``). The planner's
advice is made in the background, so the page is usable at once; a draft checked before
it is ready is checked again when it is. Nothing leaves the machine: Voilà runs on
localhost and the draft stays in the kernel's memory.
"""
from __future__ import annotations

import gc
import html
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import ipywidgets as widgets
from spacy.language import Language

from ..core.dismissed import FILE_NAME as DISMISSED_FILE
from ..core.dismissed import dismiss, dismissed_words
from ..core.errors import DraftError
from ..sources.drafts import draft_from_text, draft_from_upload, page_fields
from ..text.draft_check import check_blocks
from ..text.frog import frog_version, resident
from ..text.seo_check import seo_checks
from ..text.topics import TopicTagger
from .draft_view import draft_html

if TYPE_CHECKING:
    from ..planning.plan import Plan

DEBOUNCE = 0.4  # seconds of quiet typing before the draft is checked again
PLAN_DELAY = 2.0  # seconds: the page is drawn before the planner (which holds the interpreter) starts
PLACEHOLDER = ("Plak hier de tekst van het concept, ook rechtstreeks van een webpagina of uit Word. De eerste regel "
               "is de titel; korte regels boven een alinea worden tussenkopjes, opsommingstekens lijstjes.")


def check_text(title: str, blocks: list, nlp: Language, tagger: TopicTagger, plan: Plan | None,
               posts, labels: dict[str, str], pending: bool = False, keyphrase: str = "",
               description: str = "", address: str = "", frog: bool = True) -> str:
    """The checker page for one draft (HTML); *keyphrase*: the marketer's focus keyphrase (empty:
    the one suggested for the draft's main topic); *description*, *address*: the meta description
    and page address the marketer gives (empty: advice, and the address the title makes); *frog*:
    False for the quick first pass without Frog's parse."""
    from ..planning.topic_advice import related_posts, suggested_keyphrase, topic_advice  # with the models

    result = check_blocks(title, blocks, nlp, tagger, dismissed_words(), frog=frog)
    main = result["topics"].get("main")
    phrase = keyphrase.strip() or suggested_keyphrase(plan, main, labels)
    seo = seo_checks(title, blocks, phrase, description=description.strip() or None,
                     related=related_posts(posts, main), address=address) if phrase else []
    return draft_html(title, blocks, result,
                      topic_advice(plan, posts, labels, result["topics"]["topics"], pending=pending),
                      seo=seo, keyphrase=phrase, suggested=not keyphrase.strip())


PlanSource = Callable[[], "tuple[Plan | None, object]"]


def plan_source(corpus: Path, contacts: Path | None, weather: Path | None, nlp: Language) -> PlanSource | None:
    """What makes the planner's advice for the page (None without contacts). The planner and its
    models are imported only when it runs, in the background, so the page shows at once."""
    if contacts is None:
        return None

    def load():
        from ..planning.plan import plan_for_drafts

        return plan_for_drafts(corpus, contacts, weather, nlp)

    return load


def draft_checker(nlp: Language, labels: dict[str, str] | None = None, load_plan: PlanSource | None = None
                  ) -> widgets.VBox:
    """The widgets of the page: a text box, an upload button and the result. *load_plan* makes
    (plan, posts) for the advice; it runs in the background."""
    tagger = TopicTagger()
    advice: dict = {"plan": None, "posts": None, "pending": load_plan is not None}
    last: list[tuple[str, list]] = []  # the draft shown, to check again when the plan arrives
    text = widgets.Textarea(placeholder=PLACEHOLDER, layout=widgets.Layout(width="calc(100% - 1rem)", height="14rem"))
    upload = widgets.FileUpload(accept=".docx,.md,.txt", multiple=False, description="Bestand kiezen")
    status = widgets.HTML("")
    result = widgets.HTML("<p>Nog geen concept.</p>")
    word = widgets.Text(placeholder="een gemarkeerd woord", layout=widgets.Layout(width="14rem"))
    focus = widgets.Text(placeholder="leeg: voorgesteld bij het onderwerp", layout=widgets.Layout(width="22rem"))
    description = widgets.Textarea(placeholder="de tekst onder de titel in Google (120 tot 156 tekens)",
                                   layout=widgets.Layout(width="34rem", height="3.5rem"))
    address = widgets.Text(placeholder="leeg: gemaakt van de titel", layout=widgets.Layout(width="22rem"))
    forget = widgets.Button(description="Niet meer markeren", tooltip=f"wordt bewaard in {DISMISSED_FILE}")
    timer: list[threading.Timer] = []
    frog_lock = threading.Lock()  # one Frog run at a time; a draft changed meanwhile is not parsed
    if frog_version():  # Frog starts with the page (seconds) and stays up for every later check
        threading.Thread(target=resident().start, daemon=True).start()

    def page(title: str, blocks: list, frog: bool) -> str:
        return check_text(title, blocks, nlp, tagger, advice["plan"], advice["posts"], labels or {},
                          pending=advice["pending"], keyphrase=focus.value, description=description.value,
                          address=address.value, frog=frog)

    def show(title: str, blocks: list) -> None:
        last[:] = [(title, blocks)]
        result.value = page(title, blocks, frog=False)  # the quick checks at once
        status.value = "<span class='klaar'>Gecontroleerd.</span>"
        if frog_version():  # then Frog's parse (seconds), shown if the draft is still the same
            threading.Thread(target=deepen, args=(title, blocks), daemon=True).start()

    def deepen(title: str, blocks: list) -> None:
        with frog_lock:
            if last != [(title, blocks)]:
                return
            deep = page(title, blocks, frog=True)
        if last == [(title, blocks)]:
            result.value = deep
            status.value = "<span class='klaar'>Gecontroleerd, ook de zinsbouw (Frog).</span>"

    def run_again() -> None:
        if last:
            show(*last[0])

    def make_plan_in_background() -> None:
        plan, posts = load_plan() if load_plan is not None else (None, None)
        advice.update(plan=plan, posts=posts, pending=False)
        run_again()

    def refuse(exc: DraftError) -> None:
        result.value = f"<p>{html.escape(str(exc))}</p>"  # a file name or its text is data: never markup
        status.value = ""

    def run_text() -> None:
        try:
            show(*draft_from_text(text.value))
        except DraftError as exc:
            refuse(exc)

    def later(run: Callable[[], None]) -> None:
        """Run *run* after DEBOUNCE seconds without typing."""
        for t in timer:
            t.cancel()
        timer.clear()
        status.value = "Controleren ..."
        timer.append(threading.Timer(DEBOUNCE, run))
        timer[0].start()

    def on_text(change) -> None:
        later(run_text)

    def on_upload(change) -> None:
        files = upload.value
        if not files:
            return
        item = files[0]
        try:
            data = bytes(item["content"])
            draft = draft_from_upload(item["name"], data)
            given_description, given_address = page_fields(item["name"], data)
            description.value = given_description or description.value
            address.value = given_address or address.value
            show(*draft)
        except DraftError as exc:
            refuse(exc)
        finally:
            upload.value = ()  # the file's bytes are not kept in the page's memory
            gc.collect()

    def on_forget(_) -> None:
        stored = dismiss(word.value)
        if stored is None:
            status.value = "Vul één woord in om niet meer te markeren."
            return
        word.value = ""
        run_again()
        status.value = f"'{html.escape(stored)}' wordt niet meer gemarkeerd (bewaard in {DISMISSED_FILE})."

    def on_page_field(change) -> None:
        if last:
            later(run_again)

    for field in (focus, description, address):
        field.observe(on_page_field, names="value")
    forget.on_click(on_forget)
    text.observe(on_text, names="value")
    upload.observe(on_upload, names="value")
    if load_plan is not None:
        starter = threading.Timer(PLAN_DELAY, make_plan_in_background)  # after the page has shown
        starter.daemon = True
        starter.start()
    return widgets.VBox([widgets.HTML("<b>Concept plakken</b>"), text,
                         widgets.HBox([widgets.HTML("<b>of een bestand uploaden</b> (.docx, .md, .txt):"), upload]),
                         widgets.HBox([widgets.HTML("Zoekwoord (waarop patiënten het bericht vinden):"), focus]),
                         widgets.HBox([widgets.HTML("Metabeschrijving:"), description]),
                         widgets.HBox([widgets.HTML("Webadres van het bericht:"), address]),
                         widgets.HBox([widgets.HTML("Een woord ten onrechte gemarkeerd?"), word, forget]),
                         status, result])
