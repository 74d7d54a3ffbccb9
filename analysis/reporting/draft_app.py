"""The draft checker as a page the marketer opens in a browser (notebook 06, served by Voilà).

Paste a draft or upload a ``.docx``, ``.md`` or ``.txt`` file; the page checks it again
after every change (DEBOUNCE seconds after the last keystroke) with the same function as
the ``readability`` command and the planner notebook (``check_blocks``). The planner's
advice is made in the background, so the page is usable at once; a draft checked before
it is ready is checked again when it is. The language pipeline is loaded in the background
too (about two seconds): the text box is drawn first, and a draft pasted before the
pipeline is there is checked when it is. Only the widgets are imported with this module.
Nothing leaves the machine: Voilà runs on localhost and the draft stays in the kernel's memory.
"""
from __future__ import annotations

import gc
import html
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import ipywidgets as widgets

from ..core.dismissed import FILE_NAME as DISMISSED_FILE
from ..core.dismissed import dismiss, dismiss_sentence, read_dismissed
from ..core.errors import DraftError
from ..text.frog import frog_version, resident

if TYPE_CHECKING:
    from spacy.language import Language

    from ..planning.plan import Plan
    from ..text.topics import TopicTagger

DEBOUNCE = 0.4  # seconds of quiet typing before the draft is checked again
PLACEHOLDER = ("Plak hier de tekst van het concept, ook rechtstreeks van een webpagina of uit Word. De eerste regel "
               "is de titel; korte regels boven een alinea worden tussenkopjes, opsommingstekens lijstjes.")


def check_text(title: str, blocks: list, nlp: Language, tagger: TopicTagger, plan: Plan | None,
               posts, labels: dict[str, str], pending: bool = False, keyphrase: str = "",
               description: str = "", address: str = "", frog: bool = True) -> tuple[str, dict]:
    """The checker page for one draft (HTML) and the check's result; *keyphrase*: the marketer's focus keyphrase (empty:
    the one suggested for the draft's main topic); *description*, *address*: the meta description
    and page address the marketer gives (empty: advice, and the address the title makes); *frog*:
    False for the quick first pass without Frog's parse."""
    from ..planning.topic_advice import related_posts, suggested_keyphrase, topic_advice  # with the models
    from ..text.draft_check import check_blocks
    from ..text.seo_check import seo_checks
    from .draft_view import draft_html

    result = check_blocks(title, blocks, nlp, tagger, read_dismissed(), frog=frog)
    main = result["topics"].get("main")
    phrase = keyphrase.strip() or suggested_keyphrase(plan, main, labels)
    seo = seo_checks(title, blocks, phrase, description=description.strip() or None,
                     related=related_posts(posts, main), address=address) if phrase else []
    return draft_html(title, blocks, result,
                      topic_advice(plan, posts, labels, result["topics"]["topics"], pending=pending),
                      seo=seo, keyphrase=phrase, suggested=not keyphrase.strip()), result


NO_SENTENCE = ("een gemarkeerde zin kiezen", "")
SENTENCE_LABEL = 90  # characters of a sentence shown in the list


def marked_sentences(result: dict) -> list[tuple[str, str]]:
    """The (label, text) of each sentence with a passive or structure mark, for the list the
    marketer dismisses a wrong one from (its length is a count, not a mark to dismiss)."""
    out = [NO_SENTENCE]
    for s in result["sentences"]:
        marks = ([f"lijdende vorm: {s['passive']}"] if s["passive"] else []) + s["structure"]
        if marks:
            text = s["text"] if len(s["text"]) <= SENTENCE_LABEL else s["text"][:SENTENCE_LABEL - 1] + "…"
            out.append((f"{text} ({'; '.join(marks)})", s["text"]))
    return out


PlanSource = Callable[["Language"], "tuple[Plan | None, object]"]


def plan_source(corpus: Path, contacts: Path | None, weather: Path | None) -> PlanSource | None:
    """What makes the planner's advice for the page with the pipeline it is given (None without
    contacts). The planner and its models are imported only when it runs, in the background,
    so the page shows at once."""
    if contacts is None:
        return None

    def load(nlp: Language):
        from ..planning.plan import plan_for_drafts

        return plan_for_drafts(corpus, contacts, weather, nlp)

    return load


def draft_checker(load_nlp: Callable[[], Language] | None = None, labels: dict[str, str] | None = None,
                  load_plan: PlanSource | None = None) -> widgets.VBox:
    """The widgets of the page: a text box, an upload button and the result. *load_nlp* gives the
    language pipeline (None: the project's, ``load_pipeline``) and *load_plan* (plan, posts) for
    the advice; both run in the background, after the widgets are drawn. *labels*: the topics'
    names (None: from the taxonomy)."""
    models: dict = {}  # the pipeline, the topic tagger and the topics' names, once loaded
    loaded = threading.Event()
    advice: dict = {"plan": None, "posts": None, "pending": load_plan is not None}
    last: list[tuple[str, list]] = []  # the draft shown, to check again when the models or the plan arrive
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
    sentence = widgets.Dropdown(options=[NO_SENTENCE], layout=widgets.Layout(width="34rem"))
    forget_sentence = widgets.Button(description="Zin niet meer markeren", tooltip=f"wordt bewaard in {DISMISSED_FILE}",
                                     layout=widgets.Layout(width="auto"))
    timer: list[threading.Timer] = []
    frog_lock = threading.Lock()  # one Frog run at a time; a draft changed meanwhile is not parsed

    def load_models() -> None:
        from ..text.nlp import load_pipeline
        from ..text.topics import TopicTagger, load_taxonomy

        try:
            models.update(nlp=(load_nlp or load_pipeline)(), tagger=TopicTagger(),
                          labels=load_taxonomy().labels() if labels is None else labels)
        except Exception:  # the page stays; Voilà's log has the details for whoever maintains it
            status.value = ("De taalmodellen konden niet worden geladen. Stop de pagina en start haar opnieuw "
                            "met make app.")
            raise
        loaded.set()
        run_again()
        if frog_version():  # Frog starts with the page (seconds) and stays up for every later check
            threading.Thread(target=resident().start, daemon=True).start()
        if load_plan is not None:
            make_plan(load_plan)

    def page(title: str, blocks: list, frog: bool) -> str:
        shown, checked = check_text(title, blocks, models["nlp"], models["tagger"], advice["plan"], advice["posts"],
                                    models["labels"], pending=advice["pending"], keyphrase=focus.value,
                                    description=description.value, address=address.value, frog=frog)
        sentence.options = marked_sentences(checked)
        return shown

    def show(title: str, blocks: list) -> None:
        last[:] = [(title, blocks)]
        if not loaded.is_set():  # checked by load_models once the pipeline is there
            status.value = "Even geduld: de taalmodellen worden geladen (een paar seconden) ..."
            return
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

    def make_plan(source: PlanSource) -> None:
        plan, posts = source(models["nlp"])
        advice.update(plan=plan, posts=posts, pending=False)
        run_again()

    def refuse(exc: DraftError) -> None:
        result.value = f"<p>{html.escape(str(exc))}</p>"  # a file name or its text is data: never markup
        status.value = ""

    def run_text() -> None:
        from ..sources.drafts import draft_from_text

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
        from ..sources.drafts import draft_from_upload, page_fields

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

    def on_forget_sentence(_) -> None:
        if not sentence.value or dismiss_sentence(sentence.value) is None:
            status.value = "Kies eerst een gemarkeerde zin in de lijst."
            return
        run_again()
        status.value = f"Deze zin wordt niet meer gemarkeerd (bewaard in {DISMISSED_FILE})."

    def on_page_field(change) -> None:
        if last:
            later(run_again)

    for field in (focus, description, address):
        field.observe(on_page_field, names="value")
    forget.on_click(on_forget)
    forget_sentence.on_click(on_forget_sentence)
    text.observe(on_text, names="value")
    upload.observe(on_upload, names="value")
    threading.Thread(target=load_models, daemon=True).start()  # after this cell has drawn the page
    return widgets.VBox([widgets.HTML("<b>Concept plakken</b>"), text,
                         widgets.HBox([widgets.HTML("<b>of een bestand uploaden</b> (.docx, .md, .txt):"), upload]),
                         widgets.HBox([widgets.HTML("Zoekwoord (waarop patiënten het bericht vinden):"), focus]),
                         widgets.HBox([widgets.HTML("Metabeschrijving:"), description]),
                         widgets.HBox([widgets.HTML("Webadres van het bericht:"), address]),
                         widgets.HBox([widgets.HTML("Een woord ten onrechte gemarkeerd?"), word, forget]),
                         widgets.HBox([widgets.HTML("Een zin ten onrechte gemarkeerd?"), sentence, forget_sentence]),
                         status, result])
