"""Read the items of an RSS or Atom feed, or of a sitemap: the links a poll queues for fetching.

Input: the body of a feed or sitemap as fetched, its URL, and what kind it is said to be
(`auto`: told apart by its root element). Output: a `ParsedFeed`: the items (absolute
http(s) link, fingerprint, title, publication date), the child sitemaps of a sitemap index,
and `problem`, the reason a feed read only in part is malformed.

Why feedparser: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0, their dates in a dozen formats,
relative links and the broken feeds found in the wild are its whole purpose; it parses
the bytes it is given (never a URL: we fetch) and never raises. Why lxml for sitemaps:
feedparser does not read them; the parser is set never to resolve entities or reach the
network, so a hostile sitemap cannot read files or make requests.

What a fingerprint is for: an entry whose id, link or date changes (an article updated
and re-dated) is fetched again; an entry that is only listed again is not.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import re
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser
from lxml import etree

from diplograph.errors import InputError

# A sitemap index lists sitemaps; the most recently modified few are read in the same poll.
MAX_CHILD_SITEMAPS = 3
_SITEMAP_ROOTS = frozenset({"urlset", "sitemapindex"})
_ROOT = re.compile(rb"<\s*(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Problems feedparser reports that leave a feed whole (an encoding declared wrongly, a
# text/plain content type): not malformed.
_BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed (or URL of a sitemap): where the article is, and what the feed says of it."""

    url: str
    fingerprint: str
    title: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "fingerprint": self.fingerprint,
            "title": self.title,
            "published": self.published,
        }


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """The items of a feed, the child sitemaps of a sitemap index, and what is wrong with a broken feed."""

    items: tuple[FeedItem, ...] = ()
    sitemaps: tuple[str, ...] = ()
    problem: str | None = None
    title: str | None = None
    kind: str = "feed"


def parse_feed(
    body: bytes, *, url: str, kind: str = "auto", content_type: str | None = None, max_items: int = 200
) -> ParsedFeed:
    """Return the items of a feed or sitemap body: at most `max_items`, the newest, oldest first.

    Args:
        body: the bytes fetched.
        url: where they came from (relative links are resolved against it).
        kind: `feed`, `sitemap`, or `auto` to tell by the root element.
        content_type: the Content-Type header, if any.
        max_items: how many items to keep (the newest by date; undated ones count as old).

    Returns:
        The items; `problem` says what is malformed when a feed could be read only in part.

    Raises:
        InputError: the body is no feed or sitemap at all (an HTML page, empty, broken beyond
            reading), with the reason.
    """
    if not body.strip():
        raise InputError("the feed is empty", source=url)
    is_sitemap = kind == "sitemap" or (kind == "auto" and _root_name(body) in _SITEMAP_ROOTS)
    parsed = _sitemap(body, url) if is_sitemap else _feed(body, url, content_type)
    return ParsedFeed(
        items=_newest(parsed.items, max_items),
        sitemaps=parsed.sitemaps,
        problem=parsed.problem,
        title=parsed.title,
        kind=parsed.kind,
    )


def _feed(body: bytes, url: str, content_type: str | None) -> ParsedFeed:
    "Read an RSS or Atom feed with feedparser."
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    result = feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=False)
    problem = result.get("bozo_exception") if result.get("bozo") else None
    if isinstance(problem, _BENIGN):
        problem = None
    items = [item for entry in result.get("entries", []) if (item := _entry_item(entry, url)) is not None]
    if not result.get("version") and not items:
        what = (
            f"malformed XML ({_problem_text(problem)})" if problem is not None else "not an RSS or Atom feed"
        )
        raise InputError(f"{what}; no items found", source=url)
    title = result.get("feed", {}).get("title")
    return ParsedFeed(
        items=tuple(items),
        problem=f"malformed XML ({_problem_text(problem)})" if problem is not None else None,
        title=str(title) if title else None,
    )


def _entry_item(entry: Any, feed_url: str) -> FeedItem | None:
    "Return the item of a feed entry, or None when it links to no http(s) page."
    link = entry.get("link") or next(
        (link.get("href") for link in entry.get("links", []) if link.get("rel", "alternate") == "alternate"),
        None,
    )
    url = _absolute(link, feed_url)
    if url is None:
        return None
    parsed = _raw(entry, "published_parsed") or _raw(entry, "updated_parsed")
    published = time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(parsed))) if parsed else None
    stamp = _raw(entry, "updated") or _raw(entry, "published") or ""
    title = entry.get("title")
    return FeedItem(
        url=url,
        fingerprint=_fingerprint(entry.get("id") or url, url, stamp),
        title=" ".join(str(title).split()) or None if title else None,
        published=published,
    )


def _raw(entry: Any, key: str) -> Any:
    "Return a field of a feedparser entry as parsed, without its deprecated fallbacks (`updated` → `published`)."
    return dict.get(entry, key)


def _sitemap(body: bytes, url: str) -> ParsedFeed:
    "Read a sitemap (`urlset`, with Google News extensions) or a sitemap index."
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"malformed sitemap XML ({exc.msg or exc})", source=url) from None
    if _local(root.tag) == "sitemapindex":
        children = []
        for node in root:
            loc = _child_text(node, "loc")
            child = _absolute(loc, url)
            if child is not None:
                children.append((_child_text(node, "lastmod") or "", child))
        newest = sorted(children, reverse=True)[:MAX_CHILD_SITEMAPS]
        return ParsedFeed(sitemaps=tuple(child for _, child in newest), kind="sitemap index")
    if _local(root.tag) != "urlset":
        raise InputError(f"not a sitemap (its root element is <{_local(root.tag)}>)", source=url)
    items = []
    for node in root:
        loc = _absolute(_child_text(node, "loc"), url)
        if loc is None:
            continue
        news = next((child for child in node if _local(child.tag) == "news"), None)
        date = (_child_text(news, "publication_date") if news is not None else None) or _child_text(
            node, "lastmod"
        )
        title = _child_text(news, "title") if news is not None else None
        items.append(
            FeedItem(
                url=loc,
                fingerprint=_fingerprint(loc, loc, date or ""),
                title=title,
                published=date[:10] if date and _ISO_DAY.match(date) else None,
            )
        )
    return ParsedFeed(items=tuple(items), kind="sitemap")


def _newest(items: tuple[FeedItem, ...], limit: int) -> tuple[FeedItem, ...]:
    "Keep the first of each URL, then the `limit` newest (undated count as oldest), oldest first."
    unique = list({item.url: item for item in reversed(items)}.values())[::-1]
    ranked = sorted(enumerate(unique), key=lambda p: (p[1].published or "", -p[0]), reverse=True)[:limit]
    return tuple(item for _, item in sorted(ranked, key=lambda p: (p[1].published or "", -p[0])))


def _absolute(link: str | None, base: str) -> str | None:
    "Return a link made absolute and without its fragment, or None unless it is http(s)."
    if not link or not str(link).strip():
        return None
    url, _ = urldefrag(urljoin(base, str(link).strip()))
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.hostname else None


def _fingerprint(*parts: str) -> str:
    "Return 16 hex digits identifying what a feed says of an entry."
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _root_name(body: bytes) -> str | None:
    "Return the local name of the first element of an XML body (the prolog and comments never match)."
    match = _ROOT.search(body[:65_536])
    return match[1].decode("ascii", "replace") if match else None


def _local(tag: Any) -> str:
    "Return an element's name without its namespace."
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(node: Any, name: str) -> str | None:
    "Return the stripped text of the first child element named `name` (any namespace)."
    for child in node:
        if _local(child.tag) == name and child.text and child.text.strip():
            return str(child.text.strip())
    return None


def _problem_text(problem: Any) -> str:
    "Return feedparser's complaint in one line."
    text = str(getattr(problem, "getMessage", lambda: problem)() or problem).strip()
    line = getattr(problem, "getLineNumber", lambda: None)()
    return f"{text.splitlines()[0] if text else type(problem).__name__}" + (f", line {line}" if line else "")
