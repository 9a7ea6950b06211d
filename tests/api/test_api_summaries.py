"""/api/v1/summaries/: the current (newest successful) summary of each scope, citing approved
phenomena only, with no personal data."""

import datetime
import json

from django.utils import timezone

from phenomena.models import Role, Scope
from summaries.models import ThemeSummary
from tests.factories import PhenomenonFactory

MONTH = datetime.date(2026, 11, 1)


def _summary(theme, phenomena, *, status="ok", text="Harga naik", days_ago=1, **extra):
    ids = [p.pk for p in phenomena]
    return ThemeSummary.objects.create(
        theme=theme,
        reference_month=extra.pop("month", MONTH),
        statements=[{"text": f"{text} (pernyataan utama).", "cites": ids}]
        + [{"text": f"Hanya fenomena {pk}.", "cites": [pk]} for pk in ids],
        recommendations=[
            {"text": "Pantau harga pangan.", "cites": ids, "kind": "pantau"},
            {"text": "Minta temuan FGD kab/kota.", "cites": [], "kind": "celah"},
        ],
        text=text,
        provider="offline",
        model="ekstraktif-1",
        status=status,
        error="" if status == "ok" else "HTTP 500 dari penyedia",
        created_at=timezone.now() - datetime.timedelta(days=days_ago),
        **extra,
    )


def _results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_only_the_current_successful_version_of_each_scope_is_listed(api):
    first, second = PhenomenonFactory.create_batch(2, published=True)
    theme = first.theme
    old = _summary(theme, [first], text="Versi lama", days_ago=5)
    current = _summary(theme, [first, second], text="Versi terbaru", days_ago=2)
    _summary(theme, [first], status="failed", text="Gagal", days_ago=0)
    area = Scope.objects.filter(parent__isnull=False).first()
    per_area = _summary(theme, [first], text="Versi kab/kota", area=area)

    rows = _results(api("/api/v1/summaries/"))
    assert sorted(r["id"] for r in rows) == sorted([current.pk, per_area.pk])
    row = next(r for r in rows if r["id"] == current.pk)
    assert row["current"] is True
    assert row["theme"] == {"id": theme.pk, "label": theme.name}
    assert row["reference_month"] == "2026-11"
    assert row["provider"] == "offline" and row["model"] == "ekstraktif-1"
    assert row["statements"][0] == {
        "text": "Versi terbaru (pernyataan utama).",
        "cites": [first.pk, second.pk],
    }
    assert row["recommendations"][0]["cites"] == [first.pk, second.pk]
    assert "Gagal" not in json.dumps(rows) and "HTTP 500" not in json.dumps(rows)

    # Filters: theme, month, area.
    assert [r["id"] for r in _results(api("/api/v1/summaries/", {"area": area.pk}))] == [
        per_area.pk
    ]
    assert _results(api("/api/v1/summaries/", {"month": "2026-10"})) == []
    assert len(_results(api("/api/v1/summaries/", {"month": "2026-11", "theme": theme.pk}))) == 2
    bad = api("/api/v1/summaries/", {"month": "2026-13"})
    assert bad.status_code == 422 and bad.json()["message"]

    # One by id: an older successful version says it is not current; a failed run is not found.
    assert api(f"/api/v1/summaries/{old.pk}/").json()["current"] is False
    failed = ThemeSummary.objects.get(status="failed")
    missing = api(f"/api/v1/summaries/{failed.pk}/")
    assert missing.status_code == 404
    assert missing.json() == {"message": "Ringkasan tidak ditemukan."}


def test_citations_of_an_unpublished_phenomenon_are_dropped(api):
    kept, withdrawn = PhenomenonFactory.create_batch(2, published=True)
    summary = _summary(kept.theme, [kept, withdrawn])
    withdrawn.live = False
    withdrawn.save(update_fields=["live"])

    for data in (
        _results(api("/api/v1/summaries/"))[0],
        api(f"/api/v1/summaries/{summary.pk}/").json(),
    ):
        cited = [
            pk for item in data["statements"] + data["recommendations"] for pk in item["cites"]
        ]
        assert withdrawn.pk not in cited and kept.pk in cited
        # The statement resting only on the withdrawn phenomenon is gone, also from the text.
        texts = [item["text"] for item in data["statements"]]
        assert f"Hanya fenomena {withdrawn.pk}." not in texts
        assert f"Hanya fenomena {withdrawn.pk}." not in data["text"]
        assert f"Hanya fenomena {kept.pk}." in texts
        # A recommendation that never cited anything stays.
        assert "Minta temuan FGD kab/kota." in [r["text"] for r in data["recommendations"]]


def test_key_required_etag_and_no_personal_data(client, api, make_user):
    requester = make_user(
        "peminta.ringkasan", Role.SUPERVISOR, "fungsi-sosial-2", first_name="Budi", last_name="X"
    )
    phenomenon = PhenomenonFactory(published=True)
    summary = _summary(phenomenon.theme, [phenomenon], requested_by=requester, prompt_tokens=1234)
    for url in ("/api/v1/summaries/", f"/api/v1/summaries/{summary.pk}/"):
        anonymous = client.get(url)
        assert anonymous.status_code == 401
        assert anonymous.json()["message"].startswith("Kunci API diperlukan")
        response = api(url)
        body = response.content.decode()
        for personal in ("peminta.ringkasan", "@bps.test", "Budi", "requested", "token", "1234"):
            assert personal not in body, personal
        assert api(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
