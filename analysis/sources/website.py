"""The blog straight from the practice's public website: ``python -m analysis fetch URL``.

Discovery, in order: WordPress's REST API (``/wp-json/wp/v2/posts``: dates, titles, slugs and
the post HTML, read by the same WordPress content reader as an export), else the sitemaps
(named in robots.txt, ``/wp-sitemap.xml``, Yoast's ``/sitemap_index.xml``, ``/sitemap.xml``;
article URLs only), else the feed (``/feed/``); sitemap and feed pages go through the saved-
page reader (trafilatura). Only public pages are read: no logins, no forms.

Polite by construction: robots.txt is obeyed for our user agent, one request at a time with
a delay between them, a limit on the number of posts, retries with back-off on server errors
and time-outs. We do our own requests (urllib) rather than trafilatura's downloader so that
every request goes through these rules and can be tested against a local server.

Incremental: ``.fetch-state.json`` in the output folder keeps per post its REST ``modified``
date or the page's ``ETag``/``Last-Modified``; a second run asks only for what changed and
accounts for the rest as unchanged.
"""
from __future__ import annotations

import html
import json
import time
import urllib.error
import urllib.request
import urllib.robotparser
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import trafilatura

from ..core.errors import InputError
from .importers import ImportReport, Target, store_item
from .importers.htmlpage import parse_html_page
from .importers.wxr import wordpress_date, wordpress_item
from .textfile import decode

USER_AGENT = "praktijkblog-analyse/0.1 (leest de openbare blogberichten van de eigen praktijk)"
STATE = ".fetch-state.json"
SITEMAPS = ("/wp-sitemap.xml", "/sitemap_index.xml", "/sitemap.xml")
NOT_ARTICLES = ("/tag/", "/category/", "/categorie/", "/author/", "/auteur/", "/page/", "/wp-content/", "/feed/",
                "/contact", "/over-ons", "/team", "/tarieven", "/privacy", "/cookie", "/vacature", "/afspraak")
NOT_POST_SITEMAPS = ("page", "category", "categorie", "tag", "author", "user", "attachment", "taxonom")
MAX_SITEMAPS = 50


class FetchError(InputError):
    """The website cannot be read (unreachable, blocked, or without posts); the message says why."""


@dataclass(frozen=True)
class Politeness:
    delay: float = 1.0  # seconds between two requests
    limit: int = 500  # posts at most
    timeout: float = 20.0  # seconds per request
    retries: int = 3  # attempts per request on a server error or time-out


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def text(self) -> str:
        return decode(self.body)


@dataclass
class Found:
    """A post found on the site: its address and what says whether it changed."""
    url: str
    rest_id: int | None = None
    modified: str = ""  # REST 'modified' or sitemap 'lastmod'


class Client:
    """One polite visitor of one site: robots.txt, a delay, retries, a request count."""

    def __init__(self, base: str, politeness: Politeness, sleep=time.sleep):
        self.base = base.rstrip("/")
        self.host = urlsplit(self.base).netloc
        self.politeness = politeness
        self.sleep = sleep
        self.requests: list[str] = []
        self._last = 0.0
        self.robots = urllib.robotparser.RobotFileParser()
        response = self._request(f"{self.base}/robots.txt", {})
        if response.status in (401, 403):  # RFC 9309: a robots.txt that is refused means keep out
            self.robots.parse(["User-agent: *", "Disallow: /"])
        else:  # none (404) means everything is allowed
            self.robots.parse(response.text().splitlines() if response.status == 200 and response.body else [])

    def allowed(self, url: str) -> bool:
        return self.robots.can_fetch(USER_AGENT, url)

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """GET *url* on this site (never another host), or raise FetchError when robots.txt forbids it."""
        if urlsplit(url).netloc != self.host:
            return Response(0, {}, b"")
        if not self.allowed(url):
            raise FetchError(f"robots.txt van {self.host} verbiedt dit programma {urlsplit(url).path} te lezen")
        return self._request(url, headers or {})

    def _request(self, url: str, headers: dict[str, str]) -> Response:
        wait = self._last + self.politeness.delay - time.monotonic()
        if wait > 0:
            self.sleep(wait)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **headers})
        for attempt in range(self.politeness.retries):
            self._last = time.monotonic()
            self.requests.append(url)
            try:
                with urllib.request.urlopen(request, timeout=self.politeness.timeout) as reply:
                    return Response(reply.status, {k.lower(): v for k, v in reply.headers.items()}, reply.read())
            except urllib.error.HTTPError as exc:
                if exc.code < 500 or attempt == self.politeness.retries - 1:
                    return Response(exc.code, {k.lower(): v for k, v in (exc.headers or {}).items()}, b"")
            except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
                if attempt == self.politeness.retries - 1:
                    reason = getattr(exc, "reason", exc)
                    raise FetchError(f"kan {self.host} niet bereiken ({_plain(reason)}); controleer het adres en "
                                     "de internetverbinding") from None
            self.sleep(self.politeness.delay * 2 ** attempt)  # back off before the next attempt
        raise AssertionError("unreachable")


def _plain(reason) -> str:
    text = str(reason).lower()
    return ("time-out" if "timed out" in text else "verbinding geweigerd" if "refused" in text else
            "onbekende naam" if "name or service" in text or "nodename" in text else "netwerkfout")


def _json(response: Response):
    try:
        return json.loads(response.body) if response.status == 200 else None
    except ValueError:
        return None


def _rest_posts(client: Client) -> list[Found] | None:
    """Published posts from WordPress's REST API, or None when the site has none (or forbids it)."""
    found: list[Found] = []
    page, pages = 1, 1
    while page <= pages and len(found) < client.politeness.limit:
        url = f"{client.base}/wp-json/wp/v2/posts?per_page=100&page={page}&_fields=id,modified,link"
        if not client.allowed(url):
            return None
        response = client.get(url)
        data = _json(response)
        if not isinstance(data, list):
            return None if page == 1 else found
        found += [Found(str(p.get("link", "")), int(p["id"]), str(p.get("modified", "")))
                  for p in data if isinstance(p, dict) and "id" in p]
        pages = int(response.headers.get("x-wp-totalpages", "1") or 1)
        page += 1
    return found


def _sitemap_urls(client: Client) -> list[Found]:
    """Article URLs (with lastmod) from the site's sitemaps, sitemap indexes followed."""
    todo = list(dict.fromkeys([*(client.robots.site_maps() or []), *(client.base + s for s in SITEMAPS)]))
    seen: set[str] = set()
    found: dict[str, Found] = {}
    while todo and len(seen) < MAX_SITEMAPS:
        url = todo.pop(0)
        if url in seen or not client.allowed(url):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status != 200:
            continue
        try:
            root = ET.fromstring(response.body)
        except ET.ParseError:
            continue
        tag = root.tag.rsplit("}", 1)[-1]
        locs = [(e.findtext("{*}loc", "").strip(), e.findtext("{*}lastmod", "").strip())
                for e in root if e.tag.rsplit("}", 1)[-1] in ("sitemap", "url")]
        if tag == "sitemapindex":
            todo += [loc for loc, _ in locs if not any(w in loc.rsplit("/", 1)[-1] for w in NOT_POST_SITEMAPS)]
        elif tag == "urlset":
            found.update({loc: Found(loc, modified=lastmod) for loc, lastmod in locs if _article(loc)})
        if found and tag == "urlset" and not todo:
            break
    return list(found.values())


def _article(url: str) -> bool:
    path = urlsplit(url).path.lower()
    return path.strip("/") != "" and not any(w in path for w in NOT_ARTICLES)


def _feed_urls(client: Client) -> list[Found]:
    response = client.get(f"{client.base}/feed/")
    if response.status != 200:
        return []
    try:
        root = ET.fromstring(response.body)
    except ET.ParseError:
        return []
    return [Found(link) for item in root.iter("item") if (link := (item.findtext("link") or "").strip())]


def discover(client: Client) -> tuple[str, list[Found]]:
    """(how the posts were found, the posts)."""
    rest = _rest_posts(client)
    if rest:
        return "de WordPress-REST-API", rest[: client.politeness.limit]
    pages = _sitemap_urls(client)
    if pages:
        return "de sitemap", pages[: client.politeness.limit]
    return "de feed", _feed_urls(client)[: client.politeness.limit]


def _rest_item(client: Client, found: Found):
    response = client.get(f"{client.base}/wp-json/wp/v2/posts/{found.rest_id}?_embed=author")
    data = _json(response)
    if not isinstance(data, dict):
        return found.url, None, f"niet gedownload (HTTP {response.status})", None
    title = html.unescape(str((data.get("title") or {}).get("rendered", ""))).strip()
    meta = {"source": "website", "import_id": f"web:{data.get('link') or found.url}", "url": data.get("link")}
    authors = (data.get("_embedded") or {}).get("author") or []
    if authors and isinstance(authors[0], dict) and authors[0].get("name"):
        meta["author"] = str(authors[0]["name"])
    item = wordpress_item(found.url, title, str((data.get("content") or {}).get("rendered", "")),
                          wordpress_date(str(data.get("date", ""))), str(data.get("slug", "")), meta)
    return found.url, item.post, item.skip_reason, item.words


def _page_item(client: Client, found: Found, known: dict):
    headers = {k: v for k, v in (("If-None-Match", known.get("etag")),
                                 ("If-Modified-Since", known.get("last_modified"))) if v}
    response = client.get(found.url, headers)
    if response.status == 304:
        return None
    if response.status != 200:
        return found.url, None, f"niet gedownload (HTTP {response.status})", None, {}
    seen = {"etag": response.headers.get("etag", ""), "last_modified": response.headers.get("last-modified", "")}
    try:
        page = response.text()
        post = parse_html_page(page)
    except InputError as exc:
        return found.url, None, str(exc), None, seen
    metadata = trafilatura.extract_metadata(page)
    if metadata is not None and metadata.author:
        post.meta["author"] = metadata.author
    post.meta.setdefault("url", found.url)
    post.meta["source"], post.meta["import_id"] = "website", f"web:{found.url}"
    return found.url, post, "", None, seen


@dataclass
class FetchResult:
    report: ImportReport
    how: str
    requests: int
    state: dict = field(default_factory=dict)


def fetch_site(base: str, out: Path, politeness: Politeness = Politeness(), sleep=time.sleep) -> FetchResult:
    """Fetch the blog of *base* into the corpus folder *out*; every post found is accounted for."""
    if not urlsplit(base).scheme:
        base = "https://" + base
    if urlsplit(base).scheme not in ("http", "https"):
        raise FetchError("geef het adres van de website, bijvoorbeeld https://www.praktijk.nl")
    client = Client(base, politeness, sleep)
    if not client.allowed(base + "/"):
        raise FetchError(f"robots.txt van {client.host} verbiedt dit programma de website te lezen")
    how, posts = discover(client)
    if not posts:
        raise FetchError(f"geen berichten gevonden op {client.host}: geen WordPress-REST-API, sitemap of feed met "
                         "artikelen. Maak een WordPress-export of sla de pagina's op en gebruik 'import'")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    state_file = out / STATE
    state = json.loads(state_file.read_text(encoding="utf-8")) if state_file.is_file() else {}
    target, report = Target(out), ImportReport()
    for found in posts:
        known = state.get(found.url, {})
        if found.modified and known.get("modified") == found.modified:
            report.add(found.url, "duplicate", "ongewijzigd op de website (niet opnieuw gedownload)")
            continue
        try:
            if found.rest_id is not None:
                label, post, reason, words = _rest_item(client, found)
                seen = {}
            else:
                page = _page_item(client, found, known)
                if page is None:
                    report.add(found.url, "duplicate", "ongewijzigd op de website (niet opnieuw gedownload)")
                    continue
                label, post, reason, words, seen = page
        except FetchError as exc:
            report.add(found.url, "skipped", str(exc))
            continue
        store_item(target, report, label, post, reason, words)
        if post is not None:
            state[found.url] = {"modified": found.modified, **seen}
    state_file.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
    return FetchResult(report, how, len(client.requests), state)
