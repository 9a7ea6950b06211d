"""Canonical form of evidence URLs, so that the same article is recognised under any variant.

Why courlan: it is a maintained URL normaliser (used by trafilatura) that already lower-cases the
scheme and host, decodes punycode, drops default ports, resolves ``/../`` and duplicate slashes,
normalises percent-encoding and removes a curated list of tracking parameters (``utm_*``,
``fbclid``, ``gclid``, ...).  ``w3lib.url.canonicalize_url`` does not strip trackers and
``url-normalize`` is less actively maintained, and neither knows the variants Indonesian news
portals publish.  On top of courlan this module adds those portal rules: ``www.``/``m.``/
``amp.``/``mobile.`` host prefixes, AMP path segments and query flags, "show all pages" and
paging parameters, and a scheme-independent result.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from courlan import normalize_url, scrub_url

__all__ = ["canonical_url"]

# Host prefixes that only select a mobile/AMP rendering of the same article.
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")

# Query parameters that never identify an article (compared lower-cased).
_TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "twclid", "ttclid", "igshid", "igsh",
        "_ga", "_gl", "ref", "ref_src", "referrer", "source", "src", "mc_cid", "mc_eid",
        "tag_from", "from", "_branch_match_id", "spm", "cmpid", "xtor", "share", "via",
        "utm", "usqp", "amp_js_v", "amp_gsa", "amp_r", "aoh", "nhl", "client", "medium",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "_hs", "mkt_", "pk_", "mtm_", "itm_")

# Parameters that only select the AMP rendering (any value) or all pages of one article.
_AMP_PARAMS = frozenset({"amp", "_amp", "amp_page", "isamp"})
_PAGING_PARAMS = frozenset({"page", "single", "showpage", "page_num", "halaman", "showall"})
# Parameters that matter only with one specific value.
_VALUE_PARAMS = {"outputtype": "amp", "tpl": "mobile", "view": "amp", "format": "amp"}

_AMP_SEGMENT = re.compile(r"(^|/)amp(?=/|$)", re.IGNORECASE)
_AMP_SUFFIX = re.compile(r"\.amp(?=(?:\.html?)?$)", re.IGNORECASE)
# Portal rules: kompas.com AMP/mobile pages put the section sub-domain in the first path
# segment (amp.kompas.com/money/read/... == money.kompas.com/read/...); detik.com serves the
# same article id (d-1234567) under several section hosts and paths.
_KOMPAS_SECTION = re.compile(r"^/([a-z]+)(/read/.*)$")
_DETIK_ID = re.compile(r"/d-(\d{5,})(?:/|$)")
_HOST_RE = re.compile(r"^[^\s/?#@]+\.[^\s/?#@.]{2,}$")


def canonical_url(url: str) -> str:
    """Return the canonical form of ``url`` used to compare evidence links.

    Two URLs that point to the same article on the same outlet get the same canonical form:
    ``http://m.detik.com/x/amp?utm_source=wa`` and ``https://www.detik.com/x`` are equal.
    Sub-domains that carry a section (``money.kompas.com`` vs ``nasional.kompas.com``) and
    different registrable domains (``kompas.com`` vs ``kompas.id``) are kept apart.

    Raises:
        ValueError: if ``url`` is not a string, is empty, or has no usable web host.
    """
    parts = urlsplit(_prepare(url))
    host = _canonical_host(parts.hostname or "", url)
    port = f":{parts.port}" if _non_default_port(parts) else ""
    host, path = _portal_rules(host, _canonical_path(parts.path))
    query = _canonical_query(parts.query)
    result = f"https://{host}{port}{path}"
    return f"{result}?{query}" if query else result


def _prepare(url: str) -> str:
    """Validate the raw input, add a missing scheme and run courlan's normaliser."""
    if not isinstance(url, str):
        raise ValueError(f"URL harus berupa teks, bukan {type(url).__name__}")
    raw = url.strip()
    if not raw:
        raise ValueError("URL kosong")
    if raw.startswith("//"):
        raw = "https:" + raw
    elif "://" not in raw:
        raw = "https://" + raw
    scheme = raw.split("://", 1)[0].lower()
    if scheme not in ("http", "https"):
        raise ValueError(f"URL harus memakai http atau https: {url!r}")
    try:
        return normalize_url(scrub_url(raw), strict=False)
    except (ValueError, AttributeError) as exc:
        raise ValueError(f"URL tidak valid: {url!r}") from exc


def _canonical_host(host: str, original: str) -> str:
    """Lower-case the host and strip one mobile/AMP/www prefix (repeated, e.g. ``www.m.``)."""
    host = host.lower().rstrip(".")
    if not _HOST_RE.match(host):
        raise ValueError(f"URL tidak memiliki nama host yang valid: {original!r}")
    stripped = True
    while stripped:
        stripped = False
        for prefix in _HOST_PREFIXES:
            rest = host[len(prefix) :]
            if host.startswith(prefix) and "." in rest:
                host, stripped = rest, True
    return host


def _portal_rules(host: str, path: str) -> tuple[str, str]:
    """Apply outlet-specific rules that map known article aliases onto one form."""
    if host == "kompas.com" and (match := _KOMPAS_SECTION.match(path)):
        return f"{match.group(1)}.kompas.com", match.group(2)
    if host == "detik.com" or host.endswith(".detik.com"):
        if match := _DETIK_ID.search(path):
            return "detik.com", f"/d-{match.group(1)}"
    return host, path


def _non_default_port(parts) -> bool:
    """True when the URL names a port other than the default web ports."""
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"Port URL tidak valid: {parts.geturl()!r}") from exc
    return port is not None and port not in (80, 443)


def _canonical_path(path: str) -> str:
    """Drop AMP segments/suffixes, duplicate slashes and the trailing slash."""
    path = re.sub(r"/{2,}", "/", path)
    previous = None
    while previous != path:
        previous = path
        path = _AMP_SEGMENT.sub("", path)
    path = _AMP_SUFFIX.sub("", path.rstrip("/"))
    path = path.rstrip("/")
    if path and not path.startswith("/"):
        path = "/" + path
    return path


def _canonical_query(query: str) -> str:
    """Keep only parameters that identify the article, sorted by name then value."""
    kept = [
        (key, value)
        for key, value in parse_qsl(query, keep_blank_values=True)
        if not _is_noise_param(key.lower(), value.lower())
    ]
    return urlencode(sorted(kept))


def _is_noise_param(key: str, value: str) -> bool:
    """True for tracking, AMP and paging parameters."""
    if key in _TRACKING_PARAMS or key in _AMP_PARAMS or key in _PAGING_PARAMS:
        return True
    if key.startswith(_TRACKING_PREFIXES):
        return True
    return _VALUE_PARAMS.get(key) == value


def canonical_url_or_blank(url: str | None) -> str:
    """``canonical_url(url)``, or ``""`` for an empty or unusable URL (never raises)."""
    if not url:
        return ""
    try:
        return canonical_url(url)[:1000]
    except ValueError:
        return ""
