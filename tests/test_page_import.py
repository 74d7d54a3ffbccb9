"""Page copies in the shapes real practice sites produce: nothing lost, nothing overwritten.

The fixtures in tests/fixtures/pages/ are our own articles laid out as different site
builders show them (menus, breadcrumbs, bylines, every kind of list, teasers, footers);
see make_pages.py there. Each must import to its article exactly.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest

from analysis.cli import main
from analysis.sources.corpus import load_corpus, read_post
from analysis.sources.importers import import_paths
from analysis.sources.importers.pagetext import parse_page_text
from analysis.sources.textfile import read_text

from .conftest import FIXTURES

PAGES = FIXTURES / "pages"
CASES = sorted(p.stem for p in PAGES.glob("*.txt"))


def _expected(stem: str) -> tuple[str, dt.date | None, str]:
    text = (PAGES / "expected" / f"{stem}.md").read_text(encoding="utf-8")
    title = text.split("\n", 1)[0][2:]
    date = re.search(r"<!-- date: (\S+) -->", text)
    body = re.sub(r"\A# .*\n\n(<!-- date: \S+ -->\n\n)?", "", text)
    return title, dt.date.fromisoformat(date.group(1)) if date else None, body


def test_there_are_at_least_twenty_layouts_of_real_sites():
    assert len(CASES) >= 20


@pytest.mark.parametrize("stem", CASES)
def test_page_copy_imports_to_its_article(stem):
    title, date, body = _expected(stem)
    post = parse_page_text(read_text(PAGES / f"{stem}.txt"))
    account = post.meta.pop("_account")
    assert post.title == title
    assert post.body == body
    assert post.date == date  # only a date the page states
    words = account.as_dict()
    assert words["source"] == words["title"] + words["body"] + words["metadata"] + words["dropped"]
    assert words["dropped_prose"] == 0  # no article sentence among the dropped lines


def test_lines_that_recur_on_the_site_are_chrome(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    header = ["Praktijk De Linde", "Samen werken aan beweging", ""]
    footer = ["", "Maandag tot en met vrijdag van acht tot acht geopend", "Dorpsstraat, Hoorn"]
    articles = {
        "a": ["Wandelen na een operatie", "", "Rustig opbouwen is het belangrijkste. Begin met tien minuten."],
        "b": ["Sterke benen op elke leeftijd", "", "Spieren blijven trainbaar, ook na uw zeventigste jaar."],
        "c": ["Hoofdpijn door spanning", "", "Spanning in nek en schouders kan hoofdpijn geven. Ontspan vaak."],
    }
    for name, lines in articles.items():
        (site / f"{name}.txt").write_text("\n".join(header + lines + footer), encoding="utf-8")
    report = import_paths([site], tmp_path / "out")
    assert report.counts()["imported"] == 3
    for entry in report.entries:
        post = read_post(tmp_path / "out" / entry.file)
        assert post.title in {lines[0] for lines in articles.values()}
        assert "Linde" not in post.body and "Dorpsstraat" not in post.body
        assert entry.words["dropped"] == 7 + 10 + 2  # header and footer, every page


def test_import_report_accounts_for_every_word(tmp_path, capsys):
    assert main(["import", str(PAGES / "02-menu_byline-nek.txt"), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"woorden: \d+ in de bron, \d+ in de tekst", out)
    assert "kop van de pagina" in out


def test_a_menu_line_is_never_the_title_and_two_menu_pages_do_not_collide(tmp_path):
    for name, article in (("x.txt", "Pijn in de hiel"), ("y.txt", "Pijn in de pols")):
        (tmp_path / name).write_text(f"Home Behandelingen Blog Contact\n\n{article}\n\n"
                                     f"{article} komt vaak voor en gaat meestal vanzelf over.\n", encoding="utf-8")
    report = import_paths([tmp_path / "x.txt", tmp_path / "y.txt"], tmp_path / "out")
    assert sorted(e.title for e in report.entries) == ["Pijn in de hiel", "Pijn in de pols"]
    assert report.counts()["imported"] == 2


def test_navigation_only_page_is_skipped(tmp_path):
    page = tmp_path / "blog.txt"
    page.write_text("Home\nOver ons\nBehandelingen\nBlog\nContact\n\nBlog\n\nNaar het overzicht\n", encoding="utf-8")
    report = import_paths([page], tmp_path / "out")
    assert [e.status for e in report.entries] == ["skipped"]
    html = tmp_path / "blog.html"
    html.write_text("<html><body><nav><a href='/'>Home</a></nav><h1>Blog</h1><ul><li>Rug</li>"
                    "<li>Nek</li></ul></body></html>", encoding="utf-8")
    assert [e.status for e in import_paths([html], tmp_path / "out2").entries] == ["skipped"]


@pytest.mark.parametrize("slug", ["../../buiten", "a/b", "..", "/etc/passwd", "💪", ""])
def test_a_crafted_slug_cannot_write_outside_out(tmp_path, slug):
    source = tmp_path / "in"
    source.mkdir()
    (source / "post.md").write_text(f"---\ntitle: Rugpijn\ndate: 2024-01-10\nslug: '{slug}'\n---\n\n"
                                    "Rugpijn gaat meestal vanzelf over.\n", encoding="utf-8")
    out = tmp_path / "out"
    report = import_paths([source / "post.md"], out)
    assert report.counts()["imported"] == 1
    written = [p for p in tmp_path.rglob("*.md") if p.parent != source]
    assert [p.parent for p in written] == [out]
    assert re.fullmatch(r"2024-01-10-[a-z0-9-]+\.md", written[0].name)


def test_wordpress_post_name_with_a_path_stays_inside_out(tmp_path):
    export = tmp_path / "export.xml"
    export.write_text(
        '<?xml version="1.0"?><rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
        + "".join(f"<item><title>Post {n}</title><content:encoded><![CDATA[<p>Een zin over de rug van "
                  f"post {n}.</p>]]></content:encoded><wp:post_id>{n}</wp:post_id><wp:post_name>{name}"
                  "</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
                  "<wp:post_date>2024-02-01 10:00:00</wp:post_date></item>"
                  for n, name in ((1, "../../evil"), (2, "goed")))
        + "</channel></rss>", encoding="utf-8")
    report = import_paths([export], tmp_path / "out")
    assert report.counts()["imported"] == 2
    assert not (tmp_path / "evil.md").exists() and len(list((tmp_path / "out").glob("*.md"))) == 2


def test_different_posts_with_the_same_slug_are_both_kept(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    for name, title, text in (("a.txt", "Rugpijn?", "Rugpijn komt veel voor bij mensen die lang zitten."),
                              ("b.txt", "Rugpijn!", "Rugpijn na het tillen gaat meestal snel weer over."),
                              ("c.txt", "💪", "Sterk worden doet u met kleine stappen, elke dag weer."),
                              ("d.txt", "🙂", "Blij bewegen is de beste manier om in beweging te blijven.")):
        (source / name).write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    report = import_paths([source], tmp_path / "out")
    assert report.counts()["imported"] == 4
    files = sorted(p.name for p in (tmp_path / "out").glob("*.md"))
    assert files == ["undated-rugpijn-2.md", "undated-rugpijn.md", "undated-zonder-titel-2.md",
                     "undated-zonder-titel.md"]
    assert any("opgeslagen als 'rugpijn-2'" in e.reason for e in report.entries)
    again = import_paths([source], tmp_path / "out")  # re-importing updates the same posts
    assert again.counts()["duplicate"] == 4


def test_same_title_in_another_year_is_another_post_and_the_corpus_loads(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    for year in (2024, 2025):
        (source / f"polis-{year}.md").write_text(
            f"---\ntitle: Fysiotherapie in uw zorgverzekering\ndate: {year}-11-20\n---\n\n"
            f"Ook in {year} kunt u tot 31 december overstappen naar een andere polis.\n", encoding="utf-8")
    import_paths([source], tmp_path / "out")
    corpus = load_corpus(tmp_path / "out")
    assert len(corpus) == 2 and corpus["id"].is_unique
    assert list(corpus["slug"]) == ["fysiotherapie-in-uw-zorgverzekering"] * 2


def test_a_date_filled_in_by_hand_is_kept_unless_forced(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("Pijn in de kuit\n\nKuitpijn na het hardlopen gaat met rust meestal over.\n", encoding="utf-8")
    out = tmp_path / "out"
    import_paths([page], out, date=dt.date(2024, 5, 2))
    kept = import_paths([page], out, date=dt.date(2030, 1, 1))
    assert kept.counts()["duplicate"] == 1 and [p.name for p in out.iterdir()] == ["2024-05-02-pijn-in-de-kuit.md"]
    forced = import_paths([page], out, date=dt.date(2024, 6, 1), force_date=True)
    assert forced.counts()["updated"] == 1 and [p.name for p in out.iterdir()] == ["2024-06-01-pijn-in-de-kuit.md"]


def test_one_bad_item_does_not_stop_the_import(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "kapot.md").write_text("---\ntitle: [\n---\nx", encoding="utf-8")
    (source / "goed.txt").write_text("Nekpijn\n\nNekpijn door een scherm is met oefeningen te verhelpen.\n",
                                     encoding="utf-8")
    report = import_paths([source], tmp_path / "out")
    assert report.counts() == {"imported": 1, "updated": 0, "duplicate": 0, "skipped": 1}


def test_the_report_warns_when_article_prose_was_dropped(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("Hielspoor\n\nHielpijn bij de eerste stappen in de ochtend is typisch voor hielspoor.\n\n"
                    "Deel dit bericht\n\nDeze alinea staat na de deelknoppen maar hoort bij het artikel zelf.\n",
                    encoding="utf-8")
    report = import_paths([page], tmp_path / "out")
    assert report.entries[0].words["dropped_prose"] == 12
    assert "LET OP: 12 woorden die op artikeltekst lijken zijn weggelaten" in report.render()


def test_a_title_that_returns_every_year_runs_through_the_analyses(tmp_path, nlp):
    from analysis.planning.plan import make_plan
    from analysis.timeseries.dataset import load_dataset

    from .smalldata import write_contacts

    source = tmp_path / "in"
    source.mkdir()
    for year in (2024, 2025):
        (source / f"polis-{year}.md").write_text(
            f"---\ntitle: Fysiotherapie in uw zorgverzekering\ndate: {year}-11-20\n---\n\n"
            f"Ook in {year} kunt u tot 31 december overstappen naar een andere zorgverzekering.\n",
            encoding="utf-8")
    import_paths([source], tmp_path / "posts")
    contacts = write_contacts(tmp_path / "c.csv", 300, dt.date(2024, 1, 8), 700)
    ds = load_dataset(tmp_path / "posts", contacts)
    plan = make_plan(ds, nlp)
    assert len(plan.readability) == 2 and plan.readability.index.is_unique
    assert len(ds.post_weeks["zorgverzekering"]) == 2
