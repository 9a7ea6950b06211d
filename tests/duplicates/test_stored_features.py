"""Stored scoring features and stop-keys: what makes one check fast must not change its answer."""

import pytest

from phenomena.duplicates import scoring, service
from phenomena.duplicates.merge import merge
from phenomena.models import PhenomenonDuplicateFeatures, PhenomenonFingerprint
from tests.conftest import last_month
from tests.duplicates.conftest import (
    OTHER,
    OTHER_TITLE,
    SAME_STORY,
    SAME_STORY_TITLE,
    STORY,
    DuplicatePhenomenonFactory,
)

SAME = {"title": SAME_STORY_TITLE, "narrative": SAME_STORY, "reference_period": last_month()}
OTHER_STORY = {"title": OTHER_TITLE, "narrative": OTHER, "reference_period": last_month()}


def stored_data(phenomenon):
    return PhenomenonDuplicateFeatures.objects.get(phenomenon=phenomenon).data


def test_features_stored_on_save_and_follow_edits(province_operator, db):
    stored = DuplicatePhenomenonFactory(author=province_operator)
    data = stored_data(stored)
    assert "cabai merah" in data["t"] and "80000" in data["n"]
    assert "80000" in data["f"][0]  # the figure is among the facts
    stored.title, stored.narrative = OTHER_TITLE, OTHER
    stored.save()
    data = stored_data(stored)
    assert "wisman" in data["t"] and "cabai" not in data["n"]
    assert [m.phenomenon for m in service.check_candidate(OTHER_STORY)] == [stored]
    assert service.check_candidate(SAME) == []
    stored.delete()
    assert not PhenomenonDuplicateFeatures.objects.exists()


def test_pending_revision_features_are_checked(province_operator, db):
    stored = DuplicatePhenomenonFactory(author=province_operator, published=True)
    draft = stored.get_latest_revision_as_object()
    draft.title, draft.narrative = OTHER_TITLE, OTHER
    draft.save_revision(user=province_operator)
    assert "wisman" in stored_data(stored)["t"]
    assert [m.phenomenon for m in service.check_candidate(OTHER_STORY)] == [stored]


def test_merged_phenomenon_loses_features(province_operator, admin_user, db):
    survivor = DuplicatePhenomenonFactory(author=province_operator)
    duplicate = DuplicatePhenomenonFactory(
        author=province_operator, url="https://www.cnnindonesia.com/x"
    )
    merge(survivor, duplicate, admin_user)
    assert not PhenomenonDuplicateFeatures.objects.filter(phenomenon=duplicate).exists()
    assert not PhenomenonFingerprint.objects.filter(phenomenon=duplicate).exists()
    assert [m.phenomenon for m in service.check_candidate(SAME)] == [survivor]


def test_stored_features_score_like_the_texts(province_operator, db):
    stored = DuplicatePhenomenonFactory(author=province_operator)
    candidate = service._record_from_mapping(SAME)[0]
    expected = scoring.score(candidate, service.record_for(stored, urls=()))
    [match] = service.check_candidate(SAME)
    assert expected is not None and match.score == expected.score


def test_missing_or_outdated_features_fall_back_to_the_text(province_operator, db):
    stored = DuplicatePhenomenonFactory(author=province_operator)
    PhenomenonDuplicateFeatures.objects.filter(phenomenon=stored).update(data={"v": 0})
    [match] = service.check_candidate(SAME)
    assert (match.phenomenon, match.reason) == (stored, "same_story")
    PhenomenonDuplicateFeatures.objects.all().delete()
    assert [m.phenomenon for m in service.check_candidate(SAME)] == [stored]


def test_story_found_when_all_its_keys_are_stop_keys(province_operator, monkeypatch, db):
    monkeypatch.setattr(service, "STOP_KEY_LIMIT", 1)
    first = DuplicatePhenomenonFactory(author=province_operator)
    second = DuplicatePhenomenonFactory(
        author=province_operator, url="https://www.cnnindonesia.com/x"
    )
    found = {m.phenomenon for m in service.check_candidate(SAME)}
    assert found == {first, second}


@pytest.mark.django_db
def test_rare_keys_rank_before_stop_keys(monkeypatch, province_operator, db):
    monkeypatch.setattr(service, "STOP_KEY_LIMIT", 2)
    monkeypatch.setattr(service, "MAX_CANDIDATES", 1)
    common = [
        DuplicatePhenomenonFactory(
            author=province_operator, url=f"https://x.test/{i}", narrative=STORY + f" {i}."
        )
        for i in range(3)
    ]
    rare = DuplicatePhenomenonFactory(author=province_operator, url="https://x.test/rare")
    PhenomenonFingerprint.objects.all().delete()
    period = last_month()
    rows = [(p, key) for p in common for key in (1, 2)] + [(rare, 3)]
    PhenomenonFingerprint.objects.bulk_create(
        PhenomenonFingerprint(phenomenon=p, band_key=k, reference_period=period) for p, k in rows
    )
    # keys 1 and 2 are shared by 3 phenomena (> limit 2): the one sharing key 3 ranks first
    assert service._story_ids([1, 2, 3], period, set()) == [rare.pk]
    assert service._story_ids([1, 2], period, set()) == [common[0].pk]
    assert service._story_ids([1, 2], period, {common[0].pk}) == [common[1].pk]
    assert service._story_ids([1, 2, 3], None, set()) == [rare.pk]
