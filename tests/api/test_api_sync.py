"""`updated_since` + /phenomena/removed/ keep a mirror exact through edits, merges,
unpublishes and new approvals, reading only what changed."""

import datetime

from freezegun import freeze_time

from phenomena import services
from phenomena.models import Phenomenon
from tests.factories import PhenomenonFactory

T0 = datetime.datetime(2026, 11, 2, 8, 0, tzinfo=datetime.UTC)


def _walk(api, url, params):
    rows, body = [], api(url, params).json()
    first = body
    while True:
        rows += body["results"]
        if not body["next"]:
            return rows, first["sync_time"]
        body = api(body["next"]).json()


def sync(api, mirror, since):
    """Apply the changes since `since` to `mirror` ({id: row}); return (next since, changed)."""
    changed, next_since = _walk(api, "/api/v1/phenomena/", {"updated_since": since, "limit": 2})
    for row in changed:
        mirror[row["id"]] = row
    removed, _ = _walk(api, "/api/v1/phenomena/removed/", {"since": since, "limit": 2})
    for row in removed:
        mirror.pop(row["id"], None)
    return next_since, len(changed), removed


def test_incremental_sync_reproduces_the_database(api, admin_user):
    with freeze_time(T0):
        phenomena = [
            PhenomenonFactory(published=True, title=f"Fenomena awal nomor {i}") for i in range(6)
        ]
        PhenomenonFactory(in_review=True, title="Masih dalam review")
    mirror = {}
    with freeze_time(T0 + datetime.timedelta(hours=1)):
        since, changed, _ = sync(api, mirror, "2000-01-01T00:00:00Z")
    assert changed == 6 and set(mirror) == {p.pk for p in phenomena}

    with freeze_time(T0 + datetime.timedelta(hours=2)):
        edited = Phenomenon.objects.get(pk=phenomena[0].pk)
        edited.title = "Judul yang disunting dan disetujui"
        edited.save_revision().publish()
        withdrawn = Phenomenon.objects.get(pk=phenomena[1].pk)
        withdrawn.unpublish()
        survivor = Phenomenon.objects.get(pk=phenomena[2].pk)
        duplicate = Phenomenon.objects.get(pk=phenomena[3].pk)
        services.merge(admin_user, survivor, duplicate)
        pending = Phenomenon.objects.get(pk=phenomena[4].pk)
        pending.title = "Suntingan menunggu review"
        pending.save_revision()
        new = PhenomenonFactory(published=True, title="Fenomena baru disetujui")
        never_approved = PhenomenonFactory(title="Draf yang dihapus")
        never_approved.delete()

    with freeze_time(T0 + datetime.timedelta(hours=3)):
        since, changed, removed = sync(api, mirror, since)
    # Only what changed was read again (not the untouched phenomena[5]).
    assert changed < len(mirror)
    assert {r["id"]: r["reason"] for r in removed} == {
        withdrawn.pk: "unpublished",
        duplicate.pk: "merged",
    }
    assert [r["merged_into"] for r in removed if r["reason"] == "merged"] == [survivor.pk]
    assert never_approved.pk not in {r["id"] for r in removed}  # never public, never named

    # The mirror is exactly what a full reading gives now, and the database's approved set.
    with freeze_time(T0 + datetime.timedelta(hours=3)):
        full, _ = _walk(api, "/api/v1/phenomena/", {"updated_since": "2000-01-01T00:00:00Z"})
    assert mirror == {row["id"]: row for row in full}
    assert set(mirror) == set(Phenomenon.objects.approved().values_list("pk", flat=True))
    assert new.pk in mirror and withdrawn.pk not in mirror and duplicate.pk not in mirror
    assert mirror[edited.pk]["title"] == "Judul yang disunting dan disetujui"
    assert mirror[pending.pk]["title"] == "Fenomena awal nomor 4"

    # Withdrawn, then approved again: the tombstone goes, the phenomenon comes back.
    with freeze_time(T0 + datetime.timedelta(hours=4)):
        again = Phenomenon.objects.get(pk=withdrawn.pk)
        again.save_revision().publish()
    with freeze_time(T0 + datetime.timedelta(hours=5)):
        since, changed, removed = sync(api, mirror, since)
    assert withdrawn.pk in mirror and withdrawn.pk not in {r["id"] for r in removed}
    gone = api(f"/api/v1/phenomena/{duplicate.pk}/")
    assert gone.status_code == 410 and gone.json()["merged_into"] == survivor.pk


def test_updated_since_refuses_q_and_sort(api):
    response = api("/api/v1/phenomena/", {"updated_since": "2026-01-01T00:00:00Z", "q": "x"})
    assert response.status_code == 400
    assert "updated_since" in response.json()["message"]
