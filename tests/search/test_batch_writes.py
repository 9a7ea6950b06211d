"""``services.batch()``: phenomena written in a batch (the import) leave what writing them one
by one leaves -- the search finds them, the dashboard counts them, their history and duplicate
fingerprints are there -- while every check still runs row by row."""

import contextlib

import pytest
from django.db import transaction
from wagtail.models import ReferenceIndex, Revision

from home import dashboard
from home.dashboard import Filters
from phenomena import services
from phenomena.duplicates.service import prepare_for_storage, record_for
from phenomena.models import Phenomenon, PhenomenonDuplicateFeatures, PhenomenonFingerprint
from search.params import parse_params
from search.service import run_search
from tests.phenomena.test_services import SAME_STORY, data, log_actions, news

REASON = "Impor data historis"
STORIES = [
    ("Harga cabai merah di Jakarta naik 20 persen menjelang akhir tahun", "cabai", "cabai"),
    ("Kunjungan wisman ke Jakarta turun setelah libur panjang", "wisman", "wisman"),
    ("Penumpang KRL bertambah setelah jadwal baru berlaku", "krl", "krl"),
    ("Harga telur ayam ras di pasar tradisional turun", "telur", "telur"),
    ("Hunian hotel berbintang di Jakarta Pusat penuh saat konser", "hotel", "hotel"),
    ("Antrean pasien ISPA di puskesmas Jakarta Timur memanjang", "puskesmas", "puskesmas"),
]
NARRATIVES = {
    "cabai": "Harga cabai merah di pasar-pasar tradisional naik karena pasokan berkurang.",
    "wisman": "Jumlah kunjungan wisatawan mancanegara turun setelah libur panjang berakhir.",
    "krl": "Jumlah penumpang kereta komuter bertambah sejak jadwal perjalanan baru berlaku.",
    "telur": "Harga telur ayam ras turun karena pasokan dari peternak di Jawa Barat melimpah.",
    "hotel": "Tingkat hunian hotel di sekitar Gelora Bung Karno hampir penuh selama konser.",
    "puskesmas": "Peserta FGD menyebut antrean pasien di puskesmas memanjang karena kasus ISPA.",
}


def story(index):
    title, word, key = STORIES[index]
    return data(
        title=title,
        narrative=NARRATIVES[key],
        keywords=[word],
        sources=[news(url=f"https://www.kompas.com/read/2026/10/0{index + 1}/{word}")],
    )


def write(user, items, *, batched):
    """Create and publish ``items`` in one transaction, as the import does."""
    written = []
    with transaction.atomic(), services.batch() if batched else contextlib.nullcontext():
        for item in items:
            with transaction.atomic():
                phenomenon = services.create_phenomenon(user, item)
                services.publish(user, phenomenon, reason=REASON)
            services.flush_batch()
            written.append(Phenomenon.objects.get(pk=phenomenon.pk))
    return written


def stored(phenomenon):
    """What writing left of ``phenomenon`` (ids aside)."""
    return {
        "live": phenomenon.live,
        "history": log_actions(phenomenon),
        "revisions": Revision.objects.for_instance(phenomenon).count(),
        "fingerprints": sorted(
            PhenomenonFingerprint.objects.filter(phenomenon=phenomenon).values_list(
                "band_key", "reference_period"
            )
        ),
        "features": PhenomenonDuplicateFeatures.objects.filter(phenomenon=phenomenon).count(),
        "references": sorted(
            ReferenceIndex.get_references_for_object(phenomenon).values_list(
                "to_content_type_id",
                "model_path",  # the keywords' tags differ by story
            )
        ),
    }


def expected_fingerprints(phenomenon):
    # Band keys of the text plus the figure keys of its reference month.
    keys, _features = prepare_for_storage(record_for(phenomenon))
    return sorted((key, phenomenon.reference_period) for key in keys)


@pytest.mark.usefixtures("search_backend")
def test_a_batch_leaves_what_writing_one_by_one_leaves(admin_user, viewer):
    today = dashboard.local_today()
    before = dashboard.figures(Filters(), today)  # cached: the batch must invalidate it
    one_by_one = write(admin_user, [story(i) for i in range(3)], batched=False)
    assert dashboard.figures(Filters(), today) != before
    batched = write(admin_user, [story(i) for i in range(3, 6)], batched=True)

    for single, in_batch in zip(one_by_one, batched, strict=True):
        assert stored(in_batch) == {
            **stored(single),
            "fingerprints": stored(in_batch)["fingerprints"],
        }
        assert stored(in_batch)["fingerprints"] == expected_fingerprints(in_batch)
        assert stored(single)["fingerprints"] == expected_fingerprints(single)
    assert stored(batched[0])["live"] and stored(batched[0])["history"][0] == "wagtail.create"
    assert len(stored(batched[0])["references"]) >= 4  # scope, subject, theme, outlet, ...

    for _title, word, _key in STORIES:
        result = run_search(parse_params({"q": word}), viewer)
        assert result.total == 1, word
    assert dashboard.figures(Filters(), today) == dashboard.compute(Filters(), today)


def test_later_rows_of_a_batch_are_checked_against_earlier_ones(admin_user):
    with transaction.atomic(), services.batch():
        first = services.create_phenomenon(admin_user, data())
        services.publish(admin_user, first, reason=REASON)
        # Not flushed by the caller: the check computes the pending fingerprints itself.
        with pytest.raises(services.DuplicateError) as refused:
            services.create_phenomenon(
                admin_user,
                data(narrative=SAME_STORY, sources=[news(url="https://example.com/lain")]),
            )
        assert refused.value.matches[0].phenomenon.pk == first.pk
    first = Phenomenon.objects.get(pk=first.pk)
    assert stored(first)["fingerprints"] == expected_fingerprints(first)
    assert Phenomenon.objects.count() == 1


@pytest.mark.usefixtures("search_backend")
def test_a_row_rolled_back_inside_a_batch_leaves_nothing(admin_user, viewer):
    with transaction.atomic(), services.batch():
        kept = services.create_phenomenon(admin_user, story(0))
        services.publish(admin_user, kept, reason=REASON)
        services.flush_batch()
        with contextlib.suppress(RuntimeError), transaction.atomic():
            gone = services.create_phenomenon(admin_user, story(1))
            services.publish(admin_user, gone, reason=REASON)
            raise RuntimeError  # e.g. a later step of the row failed
    assert list(Phenomenon.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not PhenomenonFingerprint.objects.filter(phenomenon_id=gone.pk).exists()
    assert run_search(parse_params({"q": "cabai"}), viewer).total == 1
    assert run_search(parse_params({"q": "wisman"}), viewer).total == 0
