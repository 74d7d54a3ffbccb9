"""The blog straight from the website, tested offline: a small HTTP server on 127.0.0.1 serves
fixture sites of our own (a WordPress site with REST API and sitemap, a site with only a
sitemap, a site whose robots.txt keeps the tool out of the blog, a failing and a slow server)."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from analysis.cli import main
from analysis.sources.website import USER_AGENT, FetchError, Politeness, fetch_site

QUICK = Politeness(delay=0.0, timeout=2.0, retries=2)
ARTICLE = """<!DOCTYPE html><html lang="nl"><head><title>{title} - Praktijk</title>
<link rel="canonical" href="{url}"><meta property="article:published_time" content="{date}T09:00:00+01:00">
<meta name="author" content="Joost Visser">
</head><body><nav><a href="/">Home</a> <a href="/contact/">Contact</a></nav><article><h1>{title}</h1>
<p>{text}</p><p>Blijft de pijn langer dan twee weken? Maak dan een afspraak bij de praktijk, dan kijken we samen
wat u nodig heeft.</p></article><footer>Praktijk, Hoorn</footer></body></html>"""
POSTS = [
    (11, "liesblessure-na-het-schaatsen", "Liesblessure na het schaatsen", "2025-01-20",
     "Na een middag op natuurijs voelen veel schaatsers hun liezen. Warm daarom goed op en begin rustig."),
    (12, "rugpijn-in-de-tuin", "Rugpijn in de tuin", "2025-04-14",
     "Tuinieren is goed voor u, maar wissel zwaar werk af met licht werk en neem op tijd pauze."),
    (13, "hardlopen-in-het-voorjaar", "Hardlopen in het voorjaar", "2025-03-03",
     "Bouw uw loopschema rustig op, dan blijven knieën en schenen heel tijdens de eerste weken."),
]


def _sitemap(base, urls):
    items = "".join(f"<url><loc>{base}{u}</loc><lastmod>{d}</lastmod></url>" for u, d in urls)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>'


class Site:
    """Routes of one fixture site: path -> (status, headers, body); requests are recorded."""

    def __init__(self, kind: str):
        self.kind, self.requests, self.fail = kind, [], 0
        self.routes: dict[str, tuple[int, dict, bytes]] = {}

    def build(self, base: str) -> None:
        r = self.routes
        if self.kind == "wordpress":
            r["/robots.txt"] = (200, {}, b"User-agent: *\nDisallow: /wp-admin/\n")
            r["/wp-json/wp/v2/posts"] = (200, {"X-WP-TotalPages": "1"}, json.dumps(
                [{"id": i, "modified": f"{d}T10:00:00", "link": f"{base}/blog/{s}/"} for i, s, _, d, _ in POSTS]
            ).encode())
            for i, slug, title, date, text in POSTS:
                r[f"/wp-json/wp/v2/posts/{i}"] = (200, {}, json.dumps({
                    "id": i, "date": f"{date}T09:00:00", "slug": slug, "link": f"{base}/blog/{slug}/",
                    "_embedded": {"author": [{"id": 2, "name": "Marije (fysiotherapeut)"}]},
                    "title": {"rendered": title + (" &#8211; zo voorkomt u het" if i == 12 else "")},
                    "content": {"rendered": f"<!-- wp:paragraph --><p>{text}</p><!-- /wp:paragraph -->"
                                            "<h2>Wanneer naar de fysiotherapeut?</h2><p>Blijft de pijn langer "
                                            "dan twee weken? Maak dan een afspraak.</p>"}}).encode())
        elif self.kind in ("sitemap", "blocked"):
            robots = "User-agent: *\nDisallow: /blog/\n" if self.kind == "blocked" else "User-agent: *\nAllow: /\n"
            r["/robots.txt"] = (200, {}, f"{robots}Sitemap: {base}/kaart.xml\n".encode())
            pages = [(f"/blog/{s}/", d) for _, s, _, d, _ in POSTS] + [("/contact/", "2024-01-01"), ("/", "2024-01-01")]
            r["/kaart.xml"] = (200, {}, _sitemap(base, pages).encode())
            for _, slug, title, date, text in POSTS:
                page = ARTICLE.format(title=title, url=f"{base}/blog/{slug}/", date=date, text=text)
                r[f"/blog/{slug}/"] = (200, {"ETag": f'"{slug}-1"'}, page.encode())
        elif self.kind == "empty":
            r["/robots.txt"] = (404, {}, b"")

    def handle(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        self.requests.append((path, handler.headers.get("User-Agent"), handler.headers.get("If-None-Match")))
        if self.kind == "failing" and path != "/robots.txt":
            status, headers, body = 503, {}, b""
        elif self.kind == "slow" and path != "/robots.txt":
            threading.Event().wait(3)
            status, headers, body = 200, {}, b"<html></html>"
        else:
            status, headers, body = self.routes.get(path, (404, {}, b""))
            if headers.get("ETag") and handler.headers.get("If-None-Match") == headers["ETag"]:
                status, body = 304, b""
        try:
            handler.send_response(status)
            for key, value in headers.items():
                handler.send_header(key, value)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture()
def serve():
    servers = []

    def start(kind: str) -> tuple[str, Site]:
        site = Site(kind)

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.handle(self)

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        site.build(base)
        return base, site

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_a_wordpress_site_imports_every_post_with_its_date_through_the_rest_api(serve, tmp_path):
    base, site = serve("wordpress")
    result = fetch_site(base, tmp_path / "posts", QUICK)
    assert result.how == "de WordPress-REST-API" and result.report.counts()["imported"] == 3
    files = sorted(p.name for p in (tmp_path / "posts").glob("*.md"))
    assert files == ["2025-01-20-liesblessure-na-het-schaatsen.md", "2025-03-03-hardlopen-in-het-voorjaar.md",
                     "2025-04-14-rugpijn-in-de-tuin.md"]
    text = (tmp_path / "posts" / files[0]).read_text(encoding="utf-8")
    assert "## Wanneer naar de fysiotherapeut?" in text and f"url: {base}/blog/liesblessure-na-het-schaatsen/" in text
    assert "author: Marije (fysiotherapeut)" in text
    assert {agent for _, agent, _ in site.requests} == {USER_AGENT}
    assert "title: Rugpijn in de tuin – zo voorkomt u het" in (tmp_path / "posts" / files[2]).read_text()

    again = fetch_site(base, tmp_path / "posts", QUICK)  # nothing changed: only the list is asked for
    assert again.report.counts() == {"imported": 0, "updated": 0, "duplicate": 3, "skipped": 0}
    assert [p for p, _, _ in site.requests[len(site.requests) - again.requests:]] == [
        "/robots.txt", "/wp-json/wp/v2/posts"]


def test_a_site_with_only_a_sitemap_imports_its_articles_and_asks_again_only_with_etags(serve, tmp_path):
    base, site = serve("sitemap")
    result = fetch_site(base, tmp_path / "posts", QUICK)
    assert result.how == "de sitemap"
    assert result.report.counts()["imported"] == 3 and len(result.report.entries) == 3  # not /contact/ or /
    assert all(e.file[:4] == "2025" for e in result.report.entries)  # dates from the pages
    assert all("author: Joost Visser" in p.read_text() for p in (tmp_path / "posts").glob("*.md"))
    (tmp_path / "posts" / ".fetch-state.json").write_text(json.dumps(  # as if the sitemap had no lastmod
        {k: {**v, "modified": ""} for k, v in result.state.items()}), encoding="utf-8")
    again = fetch_site(base, tmp_path / "posts", QUICK)
    assert again.report.counts()["duplicate"] == 3
    assert sum(1 for _, _, etag in site.requests if etag) == 3  # conditional requests, answered 304


def test_robots_txt_that_forbids_the_blog_is_obeyed(serve, tmp_path):
    base, site = serve("blocked")
    result = fetch_site(base, tmp_path / "posts", QUICK)
    assert not [p for p, _, _ in site.requests if p.startswith("/blog/")]
    assert result.report.counts()["imported"] == 0 and not result.report.ok
    assert all("robots.txt" in e.reason for e in result.report.entries)


def test_a_failing_server_is_retried_then_reported_in_dutch(serve, tmp_path, capsys):
    base, site = serve("failing")
    assert main(["fetch", base, "--out", str(tmp_path / "posts"), "--delay", "0"]) == 2
    assert "geen berichten gevonden" in capsys.readouterr().err
    assert sum(1 for p, _, _ in site.requests if p == "/feed/") == 3  # retried, then given up


def test_a_slow_server_times_out_with_a_dutch_message(serve, tmp_path):
    base, _ = serve("slow")
    with pytest.raises(FetchError, match="niet bereiken \\(time-out\\)"):
        fetch_site(base, tmp_path / "posts", Politeness(delay=0.0, timeout=0.5, retries=1))


def test_an_unreachable_site_and_a_site_without_posts_say_so(serve, tmp_path, capsys):
    assert main(["fetch", "http://127.0.0.1:9", "--out", str(tmp_path / "a"), "--delay", "0"]) == 2
    assert "kan 127.0.0.1:9 niet bereiken" in capsys.readouterr().err
    base, _ = serve("empty")
    with pytest.raises(FetchError, match="geen berichten gevonden"):
        fetch_site(base, tmp_path / "b", QUICK)


def test_requests_keep_their_distance(serve, tmp_path):
    base, _ = serve("wordpress")
    waits: list[float] = []
    result = fetch_site(base, tmp_path / "posts", Politeness(delay=0.2, timeout=2.0), sleep=waits.append)
    assert result.requests == 5  # robots.txt, the list, three posts
    assert len(waits) == 4 and all(0 < w <= 0.2 for w in waits)  # a wait before every request but the first
