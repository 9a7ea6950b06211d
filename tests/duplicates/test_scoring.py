"""Duplicate scoring: what an operator sees when entering a phenomenon."""

import json
from pathlib import Path

import pytest

from phenomena.duplicates import (
    DuplicateIndex,
    Record,
    find_duplicates,
    lsh_band_keys,
    score,
    signature,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "duplicate_pairs.jsonl"

INFLASI = Record(
    id=1,
    title="Inflasi DKI Jakarta Oktober 2024 Capai 1,53 Persen",
    narrative=(
        "Badan Pusat Statistik (BPS) Provinsi DKI Jakarta mencatat inflasi year on year pada "
        "Oktober 2024 sebesar 1,53 persen dengan IHK 106,42. Secara bulanan terjadi inflasi "
        "0,21 persen. Kelompok makanan, minuman dan tembakau memberi andil terbesar, yakni "
        "0,35 persen. Komoditas penyumbang inflasi antara lain cabai merah, bawang merah dan "
        "emas perhiasan."
    ),
    urls=["https://money.kompas.com/read/2024/11/01/113000926/inflasi-dki-jakarta-oktober"],
)

CABAI = Record(
    id=2,
    title="Harga Cabai Rawit di Pasar Minggu Naik Jadi Rp85.000 per Kg",
    narrative=(
        "Harga cabai rawit merah di Pasar Minggu, Jakarta Selatan, naik menjadi Rp85.000 per "
        "kilogram pada awal Desember 2024. Harga tersebut naik 21,4 persen dibandingkan pekan "
        "sebelumnya yang masih Rp70.000 per kilogram. Pedagang menyebut pasokan dari sentra "
        "produksi berkurang akibat curah hujan tinggi."
    ),
    urls=["https://finance.detik.com/berita-ekonomi-bisnis/d-7651234/harga-cabai-rawit"],
)


def other(record: Record, **changes) -> Record:
    """A copy of ``record`` with other fields (and no URL in common by default)."""
    data = {**record.__dict__, "id": None, "urls": ["https://www.tempo.co/ekonomi/x-1"]}
    data.update(changes)
    return Record(**data)


def test_same_url_variant_blocks_even_with_other_text():
    candidate = Record(
        title="Judul lain",
        urls=["https://amp.kompas.com/money/read/2024/11/01/113000926/inflasi-dki-jakarta-oktober"
              "?utm_source=wa"],
    )  # fmt: skip
    match = score(candidate, INFLASI)
    assert match is not None
    assert (match.kind, match.reason, match.score, match.id) == ("block", "same_url", 1.0, 1)
    assert match.explanation == "Tautan bukti sama dengan fenomena yang sudah ada"


def test_same_url_blocks_even_when_structured_period_differs():
    a = other(INFLASI, urls=INFLASI.urls, reference_year=2024, reference_month=10)
    b = other(INFLASI, reference_year=2024, reference_month=11, id=9, urls=INFLASI.urls)
    assert score(a, b).kind == "block"


def test_reworded_story_from_another_outlet_warns():
    candidate = other(
        INFLASI,
        title="BPS: Inflasi Tahunan Jakarta pada Oktober 2024 Sebesar 1,53 Persen",
        narrative=(
            "Jakarta (ANTARA) - Inflasi tahunan DKI Jakarta pada Oktober 2024 tercatat 1,53 "
            "persen, dengan IHK mencapai 106,42, menurut data BPS. Andil terbesar berasal dari "
            "kelompok makanan, minuman dan tembakau sebesar 0,35 persen. Dibandingkan bulan "
            "sebelumnya terjadi inflasi 0,21 persen (mtm).\n\nPewarta: Yoga\nEditor: Rina"
        ),
    )
    match = score(candidate, INFLASI)
    assert match is not None
    assert (match.kind, match.reason) == ("warn", "same_story")
    assert 0.6 <= match.score < 1.0
    assert "mirip" in match.explanation and f"{round(match.score * 100)}%" in match.explanation


def test_truncated_narrative_with_boilerplate_warns():
    cut = " ".join(CABAI.narrative.split()[:22]) + "...\n\nBaca juga: Harga Beras Naik Lagi"
    match = score(other(CABAI, narrative="ADVERTISEMENT\n" + cut), CABAI)
    assert match is not None and match.kind == "warn"


def test_retyped_release_with_typos_warns_strongly():
    retyped = INFLASI.narrative.replace("mencatat", "mencatta").replace(" persen", "%")
    match = score(other(INFLASI, narrative=retyped), INFLASI)
    assert match is not None and match.score >= 0.85
    assert "sangat mirip" in match.explanation


def test_same_indicator_other_month_is_not_a_duplicate():
    november = other(
        INFLASI,
        title="Inflasi DKI Jakarta November 2024 Capai 1,61 Persen",
        narrative=INFLASI.narrative.replace("Oktober", "November")
        .replace("1,53", "1,61")
        .replace("106,42", "106,57")
        .replace("0,21", "0,14"),
    )
    assert score(november, INFLASI) is None


def test_other_kabkota_is_not_a_duplicate_even_with_same_figures():
    timur = other(
        CABAI,
        title=CABAI.title.replace("Pasar Minggu", "Pasar Induk Kramat Jati"),
        narrative=CABAI.narrative.replace("Pasar Minggu", "Pasar Induk Kramat Jati").replace(
            "Jakarta Selatan", "Jakarta Timur"
        ),
    )
    assert score(timur, CABAI) is None


def test_other_figure_is_not_a_duplicate():
    a = Record(title="TPK Hotel Bintang Jakarta Naik 2,1 Persen", narrative="")
    b = Record(title="TPK Hotel Bintang Jakarta Naik 3,4 Persen", narrative="")
    assert score(a, b) is None
    assert score(a, Record(title="TPK Hotel Bintang Jakarta Naik 2,1 Persen")) is not None


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ({"reference_month": 10}, {"reference_month": 11}),
        ({"reference_year": 2023}, {"reference_year": 2024}),
        ({"area_code": "3171"}, {"area_code": "3172"}),
        ({"area_code": "nasional"}, {"area_code": "dki"}),
    ],
)
def test_structured_period_or_area_conflict_prevents_a_warning(left, right):
    right_record = other(INFLASI, urls=["https://www.antaranews.com/berita/1/x"], **right)
    assert score(other(INFLASI, **left), right_record) is None
    assert score(other(INFLASI, **left), other(INFLASI, urls=right_record.urls)) is not None


def test_structured_fields_missing_on_one_side_or_spelled_differently_still_match():
    assert score(other(INFLASI, area_code="dki"), other(INFLASI, area_code="31")) is not None
    assert score(other(INFLASI, reference_month=10), other(INFLASI)) is not None


def test_unrelated_topics_do_not_match():
    assert score(CABAI, INFLASI) is None


def test_band_keys_are_short_deterministic_and_collide_for_near_duplicates():
    keys = lsh_band_keys(signature(INFLASI.title, INFLASI.narrative), bands=64, rows=2)
    assert len(keys) == 64 and len(set(keys)) == 64
    assert all(len(k) <= 24 and k.split(":")[0].isdigit() for k in keys)
    again = lsh_band_keys(signature(INFLASI.title, INFLASI.narrative + " Editor: Budi"), 64, 2)
    assert keys == again
    unrelated = lsh_band_keys(signature(CABAI.title, CABAI.narrative), 64, 2)
    assert len(set(keys) & set(unrelated)) < 5
    assert lsh_band_keys(signature("", ""), 64, 2) == []
    with pytest.raises(ValueError):
        lsh_band_keys(signature("a", "b"), bands=100, rows=2)


def test_find_duplicates_ranks_blocks_first_and_skips_self():
    index = DuplicateIndex()
    index.add(1, INFLASI)
    index.add(2, CABAI)
    index.add(3, other(INFLASI, narrative=INFLASI.narrative + " Simak berita lainnya."))
    matches = find_duplicates(other(INFLASI, id=3, urls=INFLASI.urls), index)
    assert [m.id for m in matches] == [1]
    assert matches[0].kind == "block"
    matches = find_duplicates(other(INFLASI, urls=INFLASI.urls), index)
    assert [m.id for m in matches] == [1, 3]
    assert [m.kind for m in matches] == ["block", "warn"]


def test_index_remove_and_replace():
    index = DuplicateIndex()
    index.add(1, INFLASI)
    assert find_duplicates(other(INFLASI), index)
    index.remove(1)
    assert len(index) == 0 and find_duplicates(other(INFLASI), index) == []
    index.add(1, CABAI)
    index.add(1, INFLASI)  # re-adding replaces the stored version
    assert [m.id for m in find_duplicates(other(INFLASI), index)] == [1]
    assert find_duplicates(other(CABAI), index) == []
    index.remove(42)  # unknown id is ignored


def _metrics(pairs):
    tp = fp = fn = 0
    for pair in pairs:
        predicted = score(Record(**pair["a"]), Record(**pair["b"])) is not None
        tp += predicted and pair["label"]
        fp += predicted and not pair["label"]
        fn += pair["label"] and not predicted
    return tp / (tp + fp), tp / (tp + fn)


def test_held_out_evaluation_split_reaches_targets():
    pairs = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    test = [p for p in pairs if p["split"] == "test"]
    assert len(pairs) >= 320 and len(test) >= 100
    precision, recall = _metrics(test)
    assert precision >= 0.95
    assert recall >= 0.90


def test_evaluation_set_has_hard_negatives_of_each_kind():
    pairs = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    kinds = {p["kind"] for p in pairs if not p["label"]}
    assert {"other_month", "other_area", "other_figure", "same_topic"} <= kinds
