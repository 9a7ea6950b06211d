"""Who may read the API: a key issued by an admin, not revoked, within its rate limit."""

from django.core.cache import cache
from django.urls import reverse

from api.models import ApiKey, hash_key
from phenomena.models import Role


def test_no_key_unknown_key_and_revoked_key_are_refused_with_json(client, api_key):
    response = client.get("/api/v1/phenomena/")
    assert response.status_code == 401
    assert "X-API-Key" in response.json()["message"]
    response = client.get("/api/v1/subjects/", HTTP_X_API_KEY="sfk_tebakan")
    assert response.status_code == 401
    assert response.json()["message"] == "Kunci API tidak dikenal."
    assert client.get("/api/v1/subjects/", HTTP_X_API_KEY=api_key.raw).status_code == 200
    api_key.revoke()
    response = client.get("/api/v1/subjects/", HTTP_X_API_KEY=api_key.raw)
    assert response.status_code == 401
    assert "dicabut" in response.json()["message"]


def test_authorization_header_carries_the_key_too(client, api_key):
    auth = f"Api-Key {api_key.raw}"
    assert client.get("/api/v1/scopes/", HTTP_AUTHORIZATION=auth).status_code == 200
    assert client.get("/api/v1/scopes/", HTTP_AUTHORIZATION="Bearer x").status_code == 401


def test_rate_limit_answers_429_with_retry_after(client, api_key, settings):
    cache.clear()
    settings.API_RATE_LIMIT = 3
    statuses = [
        client.get("/api/v1/subjects/", HTTP_X_API_KEY=api_key.raw).status_code for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/subjects/", HTTP_X_API_KEY=api_key.raw)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= settings.API_RATE_WINDOW_SECONDS
    assert "Batas 3 permintaan" in response.json()["message"]
    # Another system's key has its own count; a key may have its own limit.
    other = ApiKey(name="Sistem lain", rate_limit=10)
    raw = other.issue()
    other.save()
    assert client.get("/api/v1/subjects/", HTTP_X_API_KEY=raw).status_code == 200


def test_unknown_api_address_and_bad_parameters_are_json(api):
    response = api("/api/v1/tidak-ada/")
    assert response.status_code == 404
    assert response.json()["message"]
    response = api("/api/v1/phenomena/", {"subject": "abc"})
    assert response.status_code == 422
    body = response.json()
    assert body["message"] == "Parameter permintaan tidak valid."
    assert body["errors"][0]["field"].startswith("subject")
    response = api("/api/v1/phenomena/", {"cursor": "!!!"})
    assert response.status_code == 400
    assert response.json()["message"] == "Kursor tidak valid."


def test_admin_issues_a_key_shown_once_and_stored_hashed(client, make_user):
    admin = make_user("adminkunci", Role.ADMIN)
    client.force_login(admin)
    response = client.post(
        reverse("api_keys:add"), {"name": "Dasbor Neraca", "note": "", "rate_limit": ""}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    raw = response.context["key"]
    assert raw in response.content.decode()
    key = ApiKey.objects.get(name="Dasbor Neraca")
    assert key.key_hash == hash_key(raw) and raw not in (key.key_hash, key.prefix)
    assert client.get("/api/v1/subjects/", HTTP_X_API_KEY=raw).status_code == 200
    # The edit page never shows the key again; revoking it there stops it.
    edit = client.get(reverse("api_keys:edit", args=[key.pk]))
    assert raw not in edit.content.decode()
    client.post(
        reverse("api_keys:edit", args=[key.pk]),
        {"name": "Dasbor Neraca", "note": "", "rate_limit": "", "revoke": "on"},
    )
    key.refresh_from_db()
    assert key.revoked_at is not None
    assert client.get("/api/v1/subjects/", HTTP_X_API_KEY=raw).status_code == 401


def test_only_admins_manage_keys(client, make_user, api_key):
    for username, role in (("spvkunci", Role.SUPERVISOR), ("viewkunci", Role.VIEWER)):
        client.force_login(make_user(username, role))
        assert client.get(reverse("api_keys:index")).status_code in (302, 403)
        response = client.post(reverse("api_keys:add"), {"name": "Curian"})
        assert response.status_code in (302, 403)
    assert not ApiKey.objects.filter(name="Curian").exists()
    admin = make_user("adminkunci2", Role.ADMIN)
    assert admin.has_perm("api.manage_apikey")
