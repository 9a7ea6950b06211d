"""The one duplicate check against the database: URL match blocks, same story warns."""

import datetime

from phenomena.duplicates.scoring import FIGURE_KEYS
from phenomena.duplicates.service import (
    BANDS,
    check_candidate,
    check_phenomenon,
    duplicate_candidates,
)
from phenomena.models import DuplicateDecision, Phenomenon, PhenomenonFingerprint
from tests.conftest import last_month
from tests.duplicates.conftest import (
    OTHER,
    OTHER_TITLE,
    SAME_STORY,
    SAME_STORY_TITLE,
    STORY_URL,
    DuplicatePhenomenonFactory,
)


def test_same_url_variant_blocks(province_operator, db):
    stored = DuplicatePhenomenonFactory(author=province_operator)
    record = {
        "title": OTHER_TITLE,  # even with other words, the same article is the same evidence
        "narrative": OTHER,
        "urls": ["http://amp.kompas.com/money/read/2026/10/01/cabai-merah-naik?utm_source=wa"],
        "reference_period": last_month().isoformat(),
    }
    [match] = check_candidate(record)
    assert match.phenomenon == stored
    assert (match.kind, match.reason, match.score) == ("block", "same_url", 1.0)
    assert (
        stored.sources.get().canonical_url
        == "https://money.kompas.com/read/2026/10/01/cabai-merah-naik"
    )


def test_same_story_warns_and_drafts_count(province_operator, db):
    stored = DuplicatePhenomenonFactory(author=province_operator)  # a draft, never published
    assert not stored.live
    matches = check_candidate(
        {
            "title": SAME_STORY_TITLE,
            "narrative": SAME_STORY,
            "url": "https://www.cnnindonesia.com/ekonomi/cabai",
            "reference_year": last_month().year,
            "reference_month": last_month().month,
            "area_code": "dki",
        }
    )
    assert [(m.phenomenon, m.kind, m.reason) for m in matches] == [(stored, "warn", "same_story")]
    assert matches[0].score >= 0.6
    assert "mirip" in matches[0].explanation


def test_other_month_and_other_area_not_flagged(province_operator, db):
    DuplicatePhenomenonFactory(author=province_operator)
    earlier = last_month().replace(day=1) - datetime.timedelta(days=40)
    base = {"title": SAME_STORY_TITLE, "narrative": SAME_STORY, "url": "https://x.test/a"}
    assert check_candidate({**base, "reference_period": earlier.replace(day=1)}) == []
    other_area = {**base, "reference_period": last_month(), "area_code": "3172"}
    assert check_candidate(other_area) == []
    assert check_candidate({**base, "title": OTHER_TITLE, "narrative": OTHER}) == []


def test_candidate_itself_and_merged_excluded(province_operator, db):
    stored = DuplicatePhenomenonFactory(author=province_operator)
    assert check_phenomenon(stored) == []  # not its own duplicate
    twin = DuplicatePhenomenonFactory(
        author=province_operator, url="https://www.cnnindonesia.com/x"
    )
    assert [m.phenomenon for m in duplicate_candidates(twin)] == [stored]
    Phenomenon.objects.filter(pk=stored.pk).update(merged_into=twin)
    assert duplicate_candidates(twin) == []


def test_not_duplicate_decision_silences_review_flag(province_operator, db):
    stored = DuplicatePhenomenonFactory(author=province_operator)
    twin = DuplicatePhenomenonFactory(
        author=province_operator, url="https://www.cnnindonesia.com/x"
    )
    DuplicateDecision.objects.create(
        phenomenon=twin, other=stored, kind="not_duplicate", reason="beda pasar"
    )
    assert duplicate_candidates(twin) == []
    assert duplicate_candidates(stored) == []


def test_fingerprints_follow_edits_and_deletes(province_operator, db):
    stored = DuplicatePhenomenonFactory(author=province_operator)
    keys = set(
        PhenomenonFingerprint.objects.filter(phenomenon=stored).values_list("band_key", flat=True)
    )
    assert 0 < len(keys) <= BANDS + FIGURE_KEYS  # band keys and figure keys
    stored.title, stored.narrative = OTHER_TITLE, OTHER
    stored.save()
    new_keys = set(
        PhenomenonFingerprint.objects.filter(phenomenon=stored).values_list("band_key", flat=True)
    )
    assert new_keys and new_keys != keys
    story = {"title": SAME_STORY_TITLE, "narrative": SAME_STORY, "reference_period": last_month()}
    assert check_candidate(story) == []
    assert check_candidate({"title": OTHER_TITLE, "narrative": OTHER})[0].phenomenon == stored
    stored.delete()
    assert not PhenomenonFingerprint.objects.exists()


def test_edit_of_published_phenomenon_indexed_from_its_revision(province_operator, db):
    stored = DuplicatePhenomenonFactory(author=province_operator, published=True)
    draft = stored.get_latest_revision_as_object()
    draft.title, draft.narrative = OTHER_TITLE, OTHER
    draft.save_revision(user=province_operator)  # pending edit; the live row is unchanged
    stored.refresh_from_db()
    assert stored.title != OTHER_TITLE
    found = check_candidate({"title": OTHER_TITLE, "narrative": OTHER})
    assert [m.phenomenon for m in found] == [stored]


def test_url_of_deleted_phenomenon_no_longer_blocks(province_operator, db):
    stored = DuplicatePhenomenonFactory(author=province_operator)
    stored.delete()
    assert check_candidate({"title": "x", "urls": [STORY_URL]}) == []
