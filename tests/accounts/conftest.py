"""A real OpenID Connect provider (django-oauth-toolkit) in a second process on 127.0.0.1, and
a browser at that provider (requests), for the SSO tests."""

import json
import os
import re
import select
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.cache import cache

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "simfoni-test"
CLIENT_SECRET = "rahasia-klien-uji-" + "s" * 30
PROVIDER_PASSWORD = "sandi-penyedia-123"

# People known to the provider (the test's SSO "BPS" accounts).
PEOPLE = [
    {
        "username": "andi",
        "email": "andi@bps.go.id",
        "nip": "198001012005011001",
        "name": "Andi Pratama",
    },
    {"username": "budi", "email": "budi@bps.go.id", "name": "Budi Santoso"},
    {
        "username": "citra",
        "email": "citra@bps.go.id",
        "nip": "199203042015022002",
        "name": "Citra Lestari",
    },
    {
        "username": "dewi",
        "email": "dewi@bps.go.id",
        "nip": "198507072010012003",
        "name": "Dewi Anggraini",
    },
    {
        "username": "eko",
        "email": "eko@bps.go.id",
        "nip": "197711112002121004",
        "name": "Eko Wibowo",
        "trick": "wrong_audience",
    },
    {
        "username": "fajar",
        "email": "fajar@bps.go.id",
        "nip": "198812122012121005",
        "name": "Fajar Nugroho",
        "trick": "expired",
    },
]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    """Start the provider; yield its base URL. Stopped at the end of the session."""
    workdir = tmp_path_factory.mktemp("sso_provider")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    users_file = workdir / "users.json"
    users_file.write_text(
        json.dumps([{**p, "password": PROVIDER_PASSWORD} for p in PEOPLE]), encoding="utf-8"
    )
    port = _free_port()
    env = {
        **os.environ,
        "SSO_PROVIDER_DB": str(workdir / "provider.sqlite3"),
        "SSO_PROVIDER_RSA_KEY": pem,
        "SSO_PROVIDER_USERS": str(users_file),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.sso_provider.serve",
            str(port),
            CLIENT_ID,
            CLIENT_SECRET,
            "http://testserver/sso/callback/",
            "http://testserver/admin/login/",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    ready, _w, _x = select.select([process.stdout], [], [], 120)
    line = process.stdout.readline() if ready else ""
    if "ready" not in line:
        process.kill()
        raise RuntimeError(f"OIDC provider did not start: {line} {process.stderr.read()}")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture
def sso(oidc_provider, settings):
    """SIMFONI configured for the provider through its discovery document only."""
    cache.clear()
    settings.OIDC_DISCOVERY_URL = f"{oidc_provider}/o/.well-known/openid-configuration"
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    yield oidc_provider
    cache.clear()


class ProviderBrowser:
    """The user's browser at the provider: its own cookies (the provider's session)."""

    def __init__(self, base):
        self.base = base
        self.http = requests.Session()

    def get(self, url):
        return self.http.get(urljoin(self.base, url), allow_redirects=False, timeout=30)

    def authorize(self, authorize_url, username, password=PROVIDER_PASSWORD):
        """Follow the provider until it sends the browser back to SIMFONI; sign in at the
        provider's login form when it asks. Returns the URL SIMFONI receives."""
        response = self.get(authorize_url)
        for _hop in range(6):
            location = response.headers.get("Location", "")
            if location.startswith("http://testserver/"):
                return location
            if response.status_code == 200 and "csrfmiddlewaretoken" in response.text:
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
                nxt = re.search(r'name="next" value="([^"]*)"', response.text)
                response = self.http.post(
                    response.url,
                    data={
                        "username": username,
                        "password": password,
                        "csrfmiddlewaretoken": token.group(1),
                        "next": nxt.group(1).replace("&amp;", "&"),
                    },
                    allow_redirects=False,
                    timeout=30,
                )
                continue
            assert response.status_code in (301, 302), (response.status_code, response.text[:500])
            response = self.get(location)
        raise AssertionError("the provider never sent the browser back")


@pytest.fixture
def provider_browser(sso):
    return ProviderBrowser(sso)


@pytest.fixture
def sso_login(provider_browser):
    """sso_login(client, username): the whole authorization-code flow, SIMFONI → provider
    (login form) → SIMFONI's callback; returns the callback's response."""

    def login(client, username, **kwargs):
        start = client.get("/sso/masuk/")
        assert start.status_code == 302, start
        back = provider_browser.authorize(start["Location"], username, **kwargs)
        parts = urlsplit(back)
        return client.get(f"{parts.path}?{parts.query}")

    return login
