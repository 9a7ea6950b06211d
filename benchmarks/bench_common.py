"""Pieces the benchmark scripts share. They run as scripts (``python benchmarks/x.py``, or
``locust -f benchmarks/locustfile.py``), so ``benchmarks/`` is on ``sys.path``."""

from __future__ import annotations

import datetime
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def search_benchmark():
    """benchmarks/search.py (its data generator), loaded under another name than the app."""
    spec = importlib.util.spec_from_file_location("search_benchmark", ROOT / "benchmarks/search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def last_month(today: datetime.date | None = None) -> datetime.date:
    """The 5th of last month: a reference period and source date every form accepts."""
    today = today or datetime.date.today()
    return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=5)


def submission_form(*, title, narrative, keywords, url, ids: dict) -> dict:
    """POST data of the admin add form that submits (*Ajukan*) one province phenomenon with one
    news source; ``ids``: the pks of its scope, subject, theme, source_type and outlet."""
    month = last_month()
    return {
        "title": title,
        "narrative": narrative,
        "reference_period": month.strftime("%Y-%m"),
        "scope": ids["scope"],
        "area": "",
        "subject": ids["subject"],
        "theme": ids["theme"],
        "keywords": keywords,
        "sources-TOTAL_FORMS": "1",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
        "sources-0-source_type": ids["source_type"],
        "sources-0-outlet": ids["outlet"],
        "sources-0-url": url,
        "sources-0-source_date": month.isoformat(),
        "sources-0-ORDER": "1",
        "sources-0-DELETE": "",
        "sources-0-id": "",
        "indicator_links-TOTAL_FORMS": "0",
        "indicator_links-INITIAL_FORMS": "0",
        "indicator_links-MIN_NUM_FORMS": "0",
        "indicator_links-MAX_NUM_FORMS": "1000",
        "action-submit": "1",
    }
