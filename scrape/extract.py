"""Reading pages: article links from a feed, a sitemap or a listing page, and one article's
title, date and main text (per-source CSS overrides first, then generic rules). Scripts and
styles never count as text; feeds are parsed without entities or network access."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from lxml import etree
from scrapling.parser import Selector

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "december": 12, "january": 1, "february": 2, "march": 3,
}  # fmt: skip

_XML_PARSER = etree.XMLParser(
    recover=True, resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
)
_DATE_IN_URL = re.compile(r"/(20\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$)")
_DATE_TEXT = re.compile(r"\b(\d{1,2})\s+([A-Za-z]+)\.?\s+((?:19|20)\d\d)\b")
_ISO_DATE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
_BOILERPLATE = re.compile(
    r"^(baca juga|lihat juga|simak juga|advertisement|scroll to continue|iklan|editor\s*:"
    r"|penulis\s*:|sumber\s*:|tonton juga|dapatkan update)",
    re.IGNORECASE,
)
_BODY_SELECTORS = [
    "[itemprop=articleBody]",
    ".detail__body-text",
    ".read__content",
    ".detail-text",
    ".detail_text",
    ".article-content",
    ".entry-content",
    ".post-content",
    ".content-detail",
    "article",
]


@dataclass
class Link:
    url: str
    published: datetime.date | None = None
    title: str = ""


@dataclass
class ArticleText:
    title: str
    published: datetime.date | None
    text: str


# --- dates -----------------------------------------------------------------------------------


def _safe_date(year, month, day) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def parse_date(value: str | None) -> datetime.date | None:
    """A date from ISO 8601, RFC 822 (feeds) or Indonesian text ("Rabu, 5 November 2026")."""
    if not value:
        return None
    value = value.strip()
    match = _ISO_DATE.search(value)
    if match:
        return _safe_date(*match.groups())
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    for match in _DATE_TEXT.finditer(value):
        day, month_name, year = match.groups()
        month = MONTHS.get(month_name.casefold())
        if month:
            return _safe_date(year, month, day)
    return None


def date_in_url(url: str) -> datetime.date | None:
    match = _DATE_IN_URL.search(urlsplit(url).path)
    return _safe_date(*match.groups()) if match else None


# --- discovery -------------------------------------------------------------------------------


def _local(tag) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def feed_links(body: bytes) -> list[Link]:
    """Items of an RSS 2.0 / RSS 1.0 / Atom feed."""
    try:
        root = etree.fromstring(body, _XML_PARSER)
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    links = []
    for item in root.iter():
        if _local(item.tag) not in ("item", "entry"):
            continue
        url, title, published = "", "", None
        for child in item:
            name = _local(child.tag)
            if name == "link":
                url = url or (child.get("href") or child.text or "").strip()
            elif name == "title":
                title = (child.text or "").strip()
            elif name in ("pubdate", "published", "updated", "date") and published is None:
                published = parse_date(child.text)
        if url:
            links.append(Link(url, published, title))
    return links


def sitemap_links(body: bytes) -> tuple[list[Link], list[str]]:
    """(article links, child sitemaps) of a sitemap or a sitemap index."""
    try:
        root = etree.fromstring(body, _XML_PARSER)
    except etree.XMLSyntaxError:
        return [], []
    if root is None:
        return [], []
    links, children = [], []
    for node in root:
        name = _local(node.tag)
        loc = lastmod = None
        for child in node:
            if _local(child.tag) == "loc":
                loc = (child.text or "").strip()
            elif _local(child.tag) in ("lastmod", "publication_date"):
                lastmod = child.text
            else:
                for grand in child.iter():  # news:news/news:publication_date
                    if _local(grand.tag) == "publication_date":
                        lastmod = grand.text
        if not loc:
            continue
        if name == "sitemap":
            children.append(loc)
        elif name == "url":
            links.append(Link(loc, parse_date(lastmod)))
    return links, children


def listing_links(html: str, base_url: str, link_selector: str, next_selector: str = ""):
    """(article links, next page URL or None) of a listing page."""
    page = Selector(html, url=base_url)
    links = []
    for node in page.css(link_selector or "a"):
        href = node.attrib.get("href") if node.tag == "a" else None
        if href is None:
            anchor = node.css("a")
            href = anchor[0].attrib.get("href") if anchor else None
        if href:
            links.append(Link(urljoin(base_url, href.strip())))
    next_url = None
    if next_selector:
        found = page.css(next_selector)
        if found:
            href = found[0].attrib.get("href")
            if href:
                next_url = urljoin(base_url, href.strip())
    return links, next_url


# --- one article -----------------------------------------------------------------------------


def _clean(text: str) -> str:
    return " ".join((text or "").split())


def _text_of(node) -> str:
    """Visible text of a node: scripts, styles and noscript left out."""
    return _clean(node.get_all_text(separator=" ", ignore_tags=("script", "style", "noscript")))


def _first(page, selector: str) -> str:
    if not selector:
        return ""
    try:
        found = page.css(selector)
    except Exception:  # a bad selector typed by an admin: fall back to the generic rules
        return ""
    return _text_of(found[0]) if found else ""


def _meta(page, *names) -> str:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            found = page.css(f'meta[{attr}="{name}"]')
            if found and found[0].attrib.get("content"):
                return _clean(found[0].attrib["content"])
    return ""


def _paragraphs(node) -> list[str]:
    out = []
    for p in node.css("p"):
        text = _text_of(p)
        if len(text) < 25 or _BOILERPLATE.match(text):
            continue
        out.append(text)
    return out


def _body(page, selector: str) -> str:
    candidates = []
    if selector:
        try:
            candidates = list(page.css(selector))
        except Exception:
            candidates = []
    if not candidates:
        for generic in _BODY_SELECTORS:
            candidates = list(page.css(generic))
            if candidates:
                break
    best: list[str] = []
    for node in candidates:
        paragraphs = _paragraphs(node) or ([_text_of(node)] if selector else [])
        if sum(map(len, paragraphs)) > sum(map(len, best)):
            best = paragraphs
    if not best:
        # generic: the element whose own paragraphs hold the most text
        scores: dict = {}
        for p in page.css("p"):
            parent = p.parent
            if parent is None:
                continue
            text = _text_of(p)
            if len(text) < 25 or _BOILERPLATE.match(text):
                continue
            key = id(parent._root) if hasattr(parent, "_root") else id(parent)
            entry = scores.setdefault(key, [parent, []])
            entry[1].append(text)
        if scores:
            best = max(scores.values(), key=lambda e: sum(map(len, e[1])))[1]
    return "\n\n".join(best)


def read_article(html: str, url: str, source=None) -> ArticleText:
    page = Selector(html, url=url)
    title = (
        _first(page, getattr(source, "title_selector", ""))
        or _meta(page, "og:title", "twitter:title")
        or _first(page, "h1")
        or _first(page, "title")
    )
    date_text = _first(page, getattr(source, "date_selector", ""))
    published = parse_date(date_text) if date_text else None
    if published is None:
        published = parse_date(
            _meta(page, "article:published_time", "pubdate", "datePublished", "publishdate")
        )
    if published is None:
        times = page.css("time")
        if times:
            published = parse_date(times[0].attrib.get("datetime") or _text_of(times[0]))
    if published is None:
        published = date_in_url(url)
    if published is None:
        for selector in (".date", ".detail__date", ".read__time", ".post-date"):
            value = _first(page, selector)
            if value and (published := parse_date(value)):
                break
    text = _body(page, getattr(source, "body_selector", ""))
    return ArticleText(title=title[:500], published=published, text=text)
