"""Evaluate duplicate detection on the labelled pairs in ``tests/data/duplicate_pairs.jsonl``.

    /work/main/.venv/bin/python benchmarks/duplicates_eval.py            # quality
    /work/main/.venv/bin/python benchmarks/duplicates_eval.py --bench 100000   # + timing

Two evaluations per split ("tune" was used to choose thresholds, "test" is held out):
* pairwise: ``score(a, b)`` -- the scoring rules alone;
* end-to-end: all ``b`` records of the split are indexed in a ``DuplicateIndex`` and a pair is
  predicted duplicate when ``find_duplicates(a, index)`` returns ``b`` -- adds LSH retrieval.
``--bench N`` indexes N synthetic records and times ``find_duplicates`` for one candidate.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from phenomena.duplicates import DuplicateIndex, Record, find_duplicates, score  # noqa: E402
from phenomena.duplicates.scoring import (  # noqa: E402
    _prepare,
    _score_features,
    prepared_data,
    prepared_from_data,
)
from simfoni_text import places  # noqa: E402

DATA = ROOT / "tests" / "data" / "duplicate_pairs.jsonl"
EVENTS = ROOT / "tests" / "data" / "duplicate_events.json"
# The site's place names (Django would add the areas of its database; the reference file holds
# them too), so that the facts compared are the site's.
places.install(places.read_csv(ROOT / "phenomena" / "reference" / "place_names.csv"))
# Same values as phenomena/duplicates/service.py (BANDS, ROWS, MAX_CANDIDATES); kept here so the
# evaluation runs without Django.
SERVICE = {"bands": 20, "rows": 2, "max_candidates": 10}


@dataclass
class Confusion:
    """Confusion counts and the ids of misclassified pairs."""

    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, pair_id: str, label: bool, predicted: bool) -> None:
        if label and predicted:
            self.tp += 1
        elif label:
            self.fn += 1
            self.wrong.append(f"{pair_id}(FN)")
        elif predicted:
            self.fp += 1
            self.wrong.append(f"{pair_id}(FP)")
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_pairs(path: Path = DATA) -> list[dict]:
    """All labelled pairs of the evaluation set."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def to_record(data: dict) -> Record:
    """A ``Record`` from one side of a pair."""
    return Record(**{k: v for k, v in data.items() if k in Record.__dataclass_fields__})


def evaluate_pairwise(pairs: list[dict]) -> Confusion:
    """Confusion of ``score(a, b) is not None`` against the labels."""
    result = Confusion()
    for pair in pairs:
        predicted = score(to_record(pair["a"]), to_record(pair["b"])) is not None
        result.add(pair["id"], pair["label"], predicted)
    return result


def evaluate_end_to_end(pairs: list[dict], **index_options) -> Confusion:
    """Confusion of "``b`` is among ``find_duplicates(a)``" with every ``b`` indexed."""
    index = DuplicateIndex(**index_options)
    for pair in pairs:
        index.add(pair["b"]["id"], to_record(pair["b"]))
    result = Confusion()
    for pair in pairs:
        found = {m.id for m in find_duplicates(to_record(pair["a"]), index, limit=5)}
        result.add(pair["id"], pair["label"], pair["b"]["id"] in found)
    return result


def evaluate_by_period(pairs: list[dict], **index_options) -> Confusion:
    """Like the database-backed service: candidates come only from the same reference month
    (one index per month; records without a month are compared with every month)."""
    indexes: dict = {}
    for pair in pairs:
        b = to_record(pair["b"])
        key = (b.reference_year, b.reference_month)
        indexes.setdefault(key, DuplicateIndex(**index_options)).add(pair["b"]["id"], b)
    result = Confusion()
    for pair in pairs:
        a = to_record(pair["a"])
        key = (a.reference_year, a.reference_month)
        if None in key:
            chosen = list(indexes.values())
        else:  # stored records without a month are compatible with any month
            chosen = [indexes[k] for k in (key, (None, None)) if k in indexes]
        found = {m.id for index in chosen for m in find_duplicates(a, index, limit=5)}
        result.add(pair["id"], pair["label"], pair["b"]["id"] in found)
    return result


def evaluate_stored(pairs: list[dict], **index_options) -> Confusion:
    """Like ``evaluate_by_period`` but scoring as the service does: stored records are scored
    on their features round-tripped through JSON (``prepared_data`` -> ``prepared_from_data``)
    and a shared canonical URL is a match by itself (found by the URL index)."""
    indexes: dict = {}
    stored: dict = {}
    for pair in pairs:
        b = to_record(pair["b"])
        key = (b.reference_year, b.reference_month)
        indexes.setdefault(key, DuplicateIndex(**index_options)).add(pair["b"]["id"], b)
        data = json.loads(json.dumps(prepared_data(b)))
        stored[pair["b"]["id"]] = (prepared_from_data(data, pair["b"]["id"]), _prepare(b).urls)
    result = Confusion()
    for pair in pairs:
        a = to_record(pair["a"])
        features = _prepare(a)
        key = (a.reference_year, a.reference_month)
        if None in key:
            chosen = list(indexes.values())
        else:
            chosen = [indexes[k] for k in (key, (None, None)) if k in indexes]
        found = set()
        for index in chosen:
            for item_id in index._query(features):
                prepared, urls = stored[item_id]
                if features.urls & urls or _score_features(features, prepared) is not None:
                    found.add(item_id)
        result.add(pair["id"], pair["label"], pair["b"]["id"] in found)
    return result


def load_events(path: Path = EVENTS) -> list[dict]:
    """The events of the same-event set (``tests/data/duplicate_events.json``)."""
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)["events"]


def evaluate_events(events: list[dict], **index_options) -> Confusion:
    """Same event from another outlet, as the service sees it: every story and hard negative
    of the split is stored (features round-tripped through JSON, candidates from the index);
    each story is checked against all of them. An ordered pair (story, stored) is a duplicate
    when both are stories of the same event; matches outside the event are false positives."""
    index = DuplicateIndex(**index_options)
    stored: dict = {}
    event_of: dict = {}
    for event in events:
        for item in event["items"] + event["negatives"]:
            record = to_record(item)
            index.add(item["id"], record)
            data = json.loads(json.dumps(prepared_data(record)))
            stored[item["id"]] = (prepared_from_data(data, item["id"]), _prepare(record).urls)
            event_of[item["id"]] = event["id"] if item in event["items"] else None
    result = Confusion()
    for event in events:
        for item in event["items"]:
            features = _prepare(to_record(item))
            found = set()
            for item_id in index._query(features):
                prepared, urls = stored[item_id]
                if features.urls & urls or _score_features(features, prepared) is not None:
                    found.add(item_id)
            for other_id, other_event in event_of.items():
                if other_id == item["id"]:
                    continue
                label = other_event == event["id"]
                result.add(f"{item['id']}>{other_id}", label, other_id in found)
    return result


def report(name: str, result: Confusion) -> None:
    """Print one evaluation line plus misclassified ids."""
    print(
        f"{name:<24} precision={result.precision:.3f} recall={result.recall:.3f} "
        f"f1={result.f1:.3f}  tp={result.tp} fp={result.fp} tn={result.tn} fn={result.fn}"
    )
    print(f"{'':<24} misclassified: {', '.join(result.wrong) or '-'}")


def bench(size: int, queries: int = 200) -> None:
    """Time ``find_duplicates`` for one candidate against ``size`` indexed records."""
    pairs = load_pairs()
    records = [to_record(p[side]) for p in pairs for side in ("a", "b")]
    rng = random.Random(7)
    index = DuplicateIndex()
    start = time.perf_counter()
    for i in range(size):
        index.add(i, _mutate(rng.choice(records), rng, i))
    build = time.perf_counter() - start
    timings = []
    for _ in range(queries):
        candidate = to_record(rng.choice(pairs)["a"])
        t0 = time.perf_counter()
        find_duplicates(candidate, index)
        timings.append(time.perf_counter() - t0)
    timings.sort()
    median, p95 = statistics.median(timings), timings[int(len(timings) * 0.95)]
    print(
        f"bench: {size} records indexed in {build:.1f}s; find_duplicates median "
        f"{median * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms"
    )


def _mutate(record: Record, rng: random.Random, i: int) -> Record:
    """A synthetic stored record: an evaluation record with other figures and URL."""
    words = record.narrative.split()
    for j, word in enumerate(words):
        if word[:1].isdigit():
            words[j] = f"{rng.randint(1, 999)},{rng.randint(0, 99)}"
    return Record(
        title=f"{record.title} {i}",
        narrative=" ".join(words),
        urls=[f"https://example.go.id/fenomena/{i}"],
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=int, default=0, help="index size for a timing run")
    args = parser.parse_args()
    pairs = load_pairs()
    for split in ("tune", "test"):
        subset = [p for p in pairs if p["split"] == split]
        print(f"== {split}: {len(subset)} pairs ({sum(p['label'] for p in subset)} duplicates)")
        report("pairwise score()", evaluate_pairwise(subset))
        report("end-to-end index", evaluate_end_to_end(subset))
        # The parameters of the database-backed service (phenomena/duplicates/service.py).
        report(
            f"service {SERVICE['bands']}x{SERVICE['rows']}/month",
            evaluate_by_period(subset, **SERVICE),
        )
        report("service stored features", evaluate_stored(subset, **SERVICE))
    events = load_events()
    for split in ("tune", "test"):
        subset = [e for e in events if e["split"] == split]
        print(f"== same event, {split}: {len(subset)} events")
        report("service stored features", evaluate_events(subset, **SERVICE))
    if args.bench:
        bench(args.bench)
    return 0


if __name__ == "__main__":
    sys.exit(main())
