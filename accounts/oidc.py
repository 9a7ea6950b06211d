"""OpenID Connect single sign-on on top of mozilla-django-oidc.

SSO is on when `OIDC_RP_CLIENT_ID` and either `OIDC_DISCOVERY_URL` or the endpoint settings
(`OIDC_OP_AUTHORIZATION_ENDPOINT`, `OIDC_OP_TOKEN_ENDPOINT`, `OIDC_OP_USER_ENDPOINT`,
`OIDC_OP_JWKS_ENDPOINT`) are set. Endpoints missing from the settings are read from the
provider's discovery document (fetched once, cached).

Accounts are matched by the staff id claim (`OIDC_STAFF_ID_CLAIM`, default "nip") against
`StaffIdentity.staff_id`, then by the e-mail claim. An unknown person gets an inactive account
without a role, waiting for an admin's approval; the admins are notified.
"""

import logging
import re

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from .models import StaffIdentity

logger = logging.getLogger(__name__)
User = get_user_model()

# Setting name → key of the discovery document.
DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_LOGOUT_ENDPOINT": "end_session_endpoint",
    "OIDC_OP_ISSUER": "issuer",
}


def sso_enabled() -> bool:
    if not getattr(settings, "OIDC_RP_CLIENT_ID", ""):
        return False
    if getattr(settings, "OIDC_DISCOVERY_URL", ""):
        return True
    return all(
        getattr(settings, name, "")
        for name in ("OIDC_OP_AUTHORIZATION_ENDPOINT", "OIDC_OP_TOKEN_ENDPOINT")
    )


def discovery() -> dict:
    """The provider's discovery document (cached for an hour; {} without a discovery URL)."""
    url = getattr(settings, "OIDC_DISCOVERY_URL", "")
    if not url:
        return {}
    key = f"oidc-discovery:{url}"
    document = cache.get(key)
    if document is None:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
        cache.set(key, document, 3600)
    return document


def oidc_setting(name, *default):
    """A mozilla-django-oidc setting; endpoints not set explicitly come from discovery."""
    value = getattr(settings, name, "")
    if name in DISCOVERED and not value:
        value = discovery().get(DISCOVERED[name], "")
        if value or default:
            return value or default[0]
        raise ImproperlyConfigured(f"{name}: not set and not in the discovery document")
    return import_from_settings(name, *default)


def claim(claims: dict, setting: str) -> str:
    return str(claims.get(getattr(settings, setting), "") or "").strip()


def notify_admins_of_request(user) -> None:
    from alerts.delivery import deliver

    url = reverse("accounts_admin:approve", args=[user.pk])
    admins = User.objects.with_perm(
        "auth.change_user",
        is_active=True,
        include_superusers=True,
        backend="django.contrib.auth.backends.ModelBackend",
    )
    for admin in admins.distinct():
        deliver(
            admin,
            "account_request",
            "meminta akses SIMFONI",
            f"{user.get_full_name() or user.email} ({user.email}) masuk dengan SSO untuk pertama "
            "kali dan menunggu persetujuan: beri satu peran dan satuan kerja.",
            url=url,
            actor=user,
        )


class SimfoniOIDCBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend, lazy (idle when SSO is off, so local logins never need
    the OIDC settings), checking audience, issuer and expiry of the ID token."""

    def __init__(self, *args, **kwargs):
        # Django builds every backend for every login, local ones included: read the provider's
        # settings (maybe over the network) only when an SSO callback authenticates.
        self.UserModel = User

    @staticmethod
    def get_settings(attr, *args):
        return oidc_setting(attr, *args)

    def authenticate(self, request, **kwargs):
        if request is None or "nonce" not in kwargs or not sso_enabled():
            return None
        super().__init__()
        return super().authenticate(request, **kwargs)

    def get_user(self, user_id):
        # Django's rule (ModelBackend): a disabled account's session no longer loads it.
        return ModelBackend.get_user(self, user_id)

    def _verify_jws(self, payload, key):
        """Signature, algorithm, audience (our client id), issuer and expiry."""
        try:
            header = jwt.get_unverified_header(payload)
        except jwt.DecodeError as exc:
            raise SuspiciousOperation("ID token unreadable") from exc
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation(f"ID token algorithm {header.get('alg')!r} refused")
        issuer = self.get_settings("OIDC_OP_ISSUER", "") or None
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=issuer,
                leeway=self.get_settings("OIDC_LEEWAY_SECONDS", 30),
                options={"require": ["exp", "iat", "aud", "sub"]},
            )
        except jwt.InvalidAudienceError as exc:
            raise SuspiciousOperation("ID token for another audience") from exc
        except jwt.ExpiredSignatureError as exc:
            raise SuspiciousOperation("ID token expired") from exc
        except jwt.PyJWTError as exc:
            raise SuspiciousOperation(f"ID token refused: {exc}") from exc

    def verify_claims(self, claims):
        return bool(
            claims.get("sub")
            and (claim(claims, "OIDC_STAFF_ID_CLAIM") or claim(claims, "OIDC_EMAIL_CLAIM"))
        )

    def describe_user_by_claims(self, claims):
        return f"NIP {claim(claims, 'OIDC_STAFF_ID_CLAIM')} / {claim(claims, 'OIDC_EMAIL_CLAIM')}"

    def filter_users_by_claims(self, claims):
        staff_id = claim(claims, "OIDC_STAFF_ID_CLAIM")
        if staff_id:
            by_id = User.objects.filter(staff_identity__staff_id=staff_id)
            if by_id.exists():
                return by_id
        email = claim(claims, "OIDC_EMAIL_CLAIM")
        if not email:
            return User.objects.none()
        matches = User.objects.filter(email__iexact=email)
        if staff_id:
            # Someone else's staff id is on that account: not this person.
            matches = matches.exclude(staff_identity__staff_id__isnull=False)
        return matches

    def get_username(self, claims):
        staff_id = claim(claims, "OIDC_STAFF_ID_CLAIM")
        email = claim(claims, "OIDC_EMAIL_CLAIM")
        base = re.sub(r"[^\w.@+-]", "", staff_id or email.split("@")[0])[:140] or "sso"
        username, n = base, 1
        while User.objects.filter(username=username).exists():
            n += 1
            username = f"{base}{n}"
        return username

    @transaction.atomic
    def create_user(self, claims):
        first, last = split_name(claims)
        user = User(
            username=self.get_username(claims),
            email=claim(claims, "OIDC_EMAIL_CLAIM"),
            first_name=first,
            last_name=last,
            is_active=False,
        )
        user.set_unusable_password()
        user.save()
        StaffIdentity.objects.create(
            user=user,
            staff_id=claim(claims, "OIDC_STAFF_ID_CLAIM") or None,
            awaiting_approval=True,
            requested_at=timezone.now(),
        )
        notify_admins_of_request(user)
        return user

    def update_user(self, user, claims):
        staff_id = claim(claims, "OIDC_STAFF_ID_CLAIM")
        identity, _created = StaffIdentity.objects.get_or_create(user=user)
        if staff_id and not identity.staff_id:
            identity.staff_id = staff_id
            identity.save(update_fields=["staff_id"])
        changed = []
        email = claim(claims, "OIDC_EMAIL_CLAIM")
        if email and not user.email:
            user.email = email
            changed.append("email")
        if not user.first_name and not user.last_name:
            user.first_name, user.last_name = split_name(claims)
            changed += ["first_name", "last_name"]
        if changed:
            user.save(update_fields=changed)
        return user


def split_name(claims) -> tuple[str, str]:
    given, family = claims.get("given_name", ""), claims.get("family_name", "")
    if not (given or family) and claims.get("name"):
        given, _space, family = str(claims["name"]).partition(" ")
    return str(given)[:150], str(family)[:150]


def awaiting_approval(user) -> bool:
    identity = StaffIdentity.objects.filter(user=user).first()
    return bool(identity and identity.awaiting_approval)


def provider_logout_url(request) -> str:
    """OIDC_OP_LOGOUT_URL_METHOD: the provider's end_session endpoint with the ID token as hint,
    coming back to SIMFONI's login page; the login page itself when the provider has none."""
    from urllib.parse import urlencode

    back = request.build_absolute_uri(reverse("wagtailadmin_login"))
    try:
        endpoint = oidc_setting("OIDC_OP_LOGOUT_ENDPOINT", "")
    except requests.RequestException:
        endpoint = ""
    if not endpoint:
        return back
    params = {"post_logout_redirect_uri": back, "client_id": settings.OIDC_RP_CLIENT_ID}
    if request.session.get("oidc_id_token"):
        params["id_token_hint"] = request.session["oidc_id_token"]
    return f"{endpoint}?{urlencode(params)}"
