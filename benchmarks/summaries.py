"""Offline summariser speed and prompt size per scope, on the demo texts (no database).

    python benchmarks/summaries.py                   # 10, 100, 1000 phenomena per scope
    python benchmarks/summaries.py --sizes 50 500 --runs 3

Builds scopes of `phenomena.demo_content.generate` items (the `make run` texts, all themes
mixed so the narratives differ), runs `summaries.extractive.summarise` (sentence ranking and
rules) and the Mistral prompt builder with the default chunking, and prints per size: median
seconds of the offline summary, the number of Mistral calls (chunks + combine) and the
characters sent. Figures only; the machine is shared (load average printed).
"""

import argparse
import datetime
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simfoni_site.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from phenomena.demo_content import generate  # noqa: E402
from summaries import extractive, providers  # noqa: E402


def brief_of(n: int) -> extractive.Brief:
    items = generate(n, today=datetime.date(2026, 12, 5), seed=11, months=18)
    return extractive.Brief(
        theme="Campuran",
        month_label="November 2026",
        items=[
            extractive.Item(
                id=i + 1,
                title=item["title"],
                narrative=item["narrative"],
                area_code=item.get("kabkota") or "",
                area_label=item.get("kabkota") or "",
                indicators=[tuple(p) for p in item["indicators"]],
                keywords=item["keywords"],
            )
            for i, item in enumerate(items)
        ],
        previous_count=n // 2,
        previous_month_label="Oktober 2026",
        areas=[("3101", "Kepulauan Seribu"), ("3171", "Jakarta Selatan")],
    )


class _Chunker(providers.MistralProvider):
    def __init__(self):  # no client: only the chunking and prompt builders
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'phenomena':>10} {'offline s':>10} {'calls':>6} {'prompt chars':>13}")
    for n in args.sizes:
        brief = brief_of(n)
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            found, recs = extractive.summarise(brief)
            times.append(time.perf_counter() - start)
        assert found and 3 <= len(recs) <= 5
        chunks = _Chunker().chunks(brief)
        chars = sum(len(providers.data_block(part)) for part in chunks)
        calls = len(chunks) + (1 if len(chunks) > 1 else 0)
        print(f"{n:>10} {statistics.median(times):>10.3f} {calls:>6} {chars:>13}")
    items, chars = settings.MISTRAL_CHUNK_ITEMS, settings.MISTRAL_CHUNK_CHARS
    print(f"chunks of {items} phenomena / {chars} chars")


if __name__ == "__main__":
    main()
