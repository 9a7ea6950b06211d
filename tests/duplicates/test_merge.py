"""Merging a duplicate into the phenomenon that survives."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import ModelLogEntry

from phenomena.duplicates.merge import merge
from phenomena.models import DuplicateDecision, Phenomenon, PhenomenonFingerprint
from tests.duplicates.conftest import SAME_STORY, SAME_STORY_TITLE, STORY_URL

NS = "wagtailsnippets_phenomena_phenomenon"


@pytest.fixture
def pair(make_phenomenon, province_operator):
    survivor = make_phenomenon(
        province_operator,
        live=True,
        keywords=("cabai merah", "inflasi"),
        indicator="Perkembangan IHK (Inflasi)",
    )
    duplicate = make_phenomenon(
        province_operator,
        title=SAME_STORY_TITLE,
        narrative=SAME_STORY,
        url="https://www.cnnindonesia.com/ekonomi/cabai",
        outlet="CNN Indonesia",
        live=True,
        keywords=("cabai merah", "pasokan"),
        indicator="Perkembangan IHK (Inflasi)",
    )
    # the duplicate also cites the survivor's article under another URL variant
    extra = duplicate.get_latest_revision_as_object()
    from phenomena.models import PhenomenonSource, SourceType

    extra.sources.add(
        PhenomenonSource(
            source_type=SourceType.objects.get(code="portal_berita"),
            url=STORY_URL.replace("https://money.", "https://amp.").replace("/read", "/money/read"),
            source_date=extra.sources.all()[0].source_date,
        )
    )
    extra.save_revision().publish()
    duplicate.refresh_from_db()
    return survivor, duplicate


def test_merge_keeps_everything_and_redirects(client, pair, supervisor, admin_user):
    survivor, duplicate = pair
    client.force_login(supervisor)
    url = reverse(f"{NS}:duplicates_merge", args=[duplicate.pk]) + f"?into={survivor.pk}"
    page = client.get(url)
    assert page.status_code == 200
    assert "Ya, gabungkan" in page.content.decode()
    response = client.post(url, {"into": survivor.pk})
    assert response.status_code == 302

    survivor = Phenomenon.objects.get(pk=survivor.pk)
    duplicate = Phenomenon.objects.get(pk=duplicate.pk)
    assert survivor.live and not survivor.has_unpublished_changes
    urls = sorted(s.url for s in survivor.sources.all())
    assert urls == sorted([STORY_URL, "https://www.cnnindonesia.com/ekonomi/cabai"])
    assert sorted(t.name for t in survivor.keywords.all()) == ["cabai merah", "inflasi", "pasokan"]
    assert survivor.indicator_links.count() == 1  # the same indicator once

    assert duplicate.merged_into == survivor and not duplicate.live
    assert duplicate.sources.count() == 2  # kept as it was
    assert not PhenomenonFingerprint.objects.filter(phenomenon=duplicate).exists()
    assert DuplicateDecision.objects.get(phenomenon=duplicate).kind == "merged"
    actions = set(ModelLogEntry.objects.values_list("action", "object_id"))
    assert ("simfoni.merge", str(survivor.pk)) in actions
    assert ("simfoni.merged_into", str(duplicate.pk)) in actions
    assert ("wagtail.unpublish", str(duplicate.pk)) in actions

    for view in ("inspect", "edit"):
        response = client.get(reverse(f"{NS}:{view}", args=[duplicate.pk]))
        assert response.status_code == 302
        assert response.url == reverse(f"{NS}:{view}", args=[survivor.pk])
    entry = ModelLogEntry.objects.get(action="simfoni.merge")
    assert "digabungkan ke sini" in str(entry.message) and duplicate.title in str(entry.message)
    client.force_login(admin_user)
    history = client.get(reverse(f"{NS}:history_results", args=[survivor.pk])).content.decode()
    assert "Gabungkan duplikat" in history or "digabungkan ke sini" in history


def test_merge_into_a_draft_survivor(pair, admin_user, make_phenomenon, province_operator):
    _survivor, duplicate = pair
    draft = make_phenomenon(province_operator, url="https://kompas.com/read/lain", keywords=())
    merge(draft, duplicate, admin_user)
    draft = Phenomenon.objects.get(pk=draft.pk)
    assert not draft.live
    assert draft.sources.count() == 3
    assert draft.latest_revision.user == admin_user


@pytest.mark.parametrize("role_fixture", ["province_operator", "viewer"])
def test_merge_refused_for_operators_and_viewers(client, request, pair, role_fixture):
    survivor, duplicate = pair
    user = request.getfixturevalue(role_fixture)
    client.force_login(user)
    url = reverse(f"{NS}:duplicates_merge", args=[duplicate.pk]) + f"?into={survivor.pk}"
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"into": survivor.pk}).status_code in (302, 403)
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None and duplicate.live
    with pytest.raises(PermissionDenied):
        merge(survivor, duplicate, user)


def test_merge_twice_refused_with_message(client, pair, admin_user):
    survivor, duplicate = pair
    merge(survivor, duplicate, admin_user)
    client.force_login(admin_user)
    url = reverse(f"{NS}:duplicates_merge", args=[survivor.pk]) + f"?into={duplicate.pk}"
    response = client.post(url, {"into": duplicate.pk})
    assert response.status_code == 400
    assert "sudah digabungkan" in response.content.decode()
    assert Phenomenon.objects.get(pk=survivor.pk).merged_into is None
