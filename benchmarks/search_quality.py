"""Search quality on the labelled set tests/data/search_labels.json (issue #12).

    python benchmarks/search_quality.py                       # SQLite (database engine)
    python benchmarks/search_quality.py --db postgres://postgres@127.0.0.1:5432/simfoni_quality
    python benchmarks/search_quality.py --plain               # as before issue #12

Builds a fresh database (a temporary SQLite file, or drops and creates the PostgreSQL
database named in --db), migrates it, publishes the 152 labelled phenomena through the
factories (so every engine indexes them as in production) and runs the 68 queries through
``search.service.run_search`` as a viewer. ``--plain`` instead asks the engine for every
analysed word (``analyse_query``), no thesaurus, no query understanding, no relaxed
matching: the search as it was before.

Prints per engine: recall@10 (relevant found in the first 10, over min(relevant, 10)),
nDCG@10 (binary relevance), queries with no result, queries with a must-not phenomenon in
the first 20 (trap failures), and the same per kind of query. Regenerate the set with
``tests/data/make_search_labels.py``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LABELS = ROOT / "tests" / "data" / "search_labels.json"


def fresh_database(url: str | None) -> str:
    if not url:
        return f"sqlite:///{tempfile.mkdtemp()}/quality.sqlite3"
    from urllib.parse import urlsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url


def setup(url):
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "simfoni_site.settings.test"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.SIMFONI_SEARCH_ENGINE = ""
    settings.ELASTICSEARCH_URL = ""
    call_command("migrate", verbosity=0)


def load(items):
    from tests.search.conftest import SearchPhenomenonFactory

    by_key = {}
    for item in items:
        year, month = map(int, item["period"].split("-"))
        extra = {"area": item["area"]} if item["area"] else {}
        phenomenon = SearchPhenomenonFactory(
            title=item["title"],
            narrative=item["narrative"],
            reference_period=datetime.date(year, month, 1),
            keywords=tuple(item["keywords"]),
            theme=item["theme"],
            **extra,
        )
        by_key[item["key"]] = phenomenon.pk
    return by_key


def top_ids(q, user, plain):
    from search.params import parse_params
    from search.service import approved_queryset, get_engine, run_search
    from simfoni_text.analysis import analyse_query

    params = parse_params({"q": q, "per_page": "20"})
    if plain:
        result = get_engine().search(
            approved_queryset(user), params, analyse_query(q), 0, 20, False
        )
        return list(result.ids)
    return [p.pk for p in run_search(params, user, with_facets=False).hits]


def ndcg(ranked, relevant, k=10):
    dcg = sum(1 / math.log2(i + 2) for i, pk in enumerate(ranked[:k]) if pk in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), k)))
    return dcg / ideal if ideal else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="", help="PostgreSQL URL (dropped and created)")
    parser.add_argument("--plain", action="store_true", help="every word required (before)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    args = parser.parse_args()
    setup(fresh_database(args.db))
    from search.engines import engine_name
    from tests.factories import ViewerFactory

    data = json.loads(LABELS.read_text(encoding="utf-8"))
    ids = load(data["phenomena"])
    user = ViewerFactory()
    title = {pk: item["title"] for item in data["phenomena"] for pk in [ids[item["key"]]]}
    rows = []
    for query in data["queries"]:
        relevant = {ids[k] for k in query["relevant"]}
        must_not = {ids[k] for k in query["must_not"]}
        ranked = top_ids(query["q"], user, args.plain)
        found = len(relevant & set(ranked[:10]))
        rows.append(
            {
                "kind": query["kind"],
                "recall": found / min(len(relevant), 10),
                "ndcg": ndcg(ranked, relevant),
                "zero": not ranked,
                "trap": bool(must_not & set(ranked[:20])),
            }
        )
        if args.verbose and (found < min(len(relevant), 10) or rows[-1]["trap"]):
            print(f"  {query['q']!r}: {found}/{min(len(relevant), 10)} relevant in top 10")
            for pk in ranked[:10]:
                mark = "+" if pk in relevant else ("!" if pk in must_not else " ")
                print(f"     {mark} {title.get(pk, pk)}")
    engine = engine_name()
    mode = "plain (every word, no thesaurus)" if args.plain else "understanding + thesaurus"
    print(f"engine {engine}, {mode}: {len(ids)} phenomena, {len(rows)} queries")

    def line(label, subset):
        n = len(subset)
        print(
            f"  {label:<14} n={n:>3}  recall@10 {sum(r['recall'] for r in subset) / n:.3f}  "
            f"nDCG@10 {sum(r['ndcg'] for r in subset) / n:.3f}  "
            f"zero-result {sum(r['zero'] for r in subset):>2}  "
            f"trap failures {sum(r['trap'] for r in subset):>2}"
        )

    line("all", rows)
    kinds = defaultdict(list)
    for row in rows:
        kinds[row["kind"]].append(row)
    for kind, subset in kinds.items():
        line(kind, subset)


if __name__ == "__main__":
    main()
