"""The server side of "no input lost": a form sent twice is stored once.

`ReceiptCreateMixin` goes on the phenomenon create (and copy) view, in front of Wagtail's own
view: the form is still validated by `PhenomenonForm` (the services' checks, see
docs/services.md) and saved by Wagtail's create action; this only records the form's token in
the same transaction, and answers a second POST of the same token with the phenomenon already
stored. `ReceiptSuccessMixin` (create and edit) adds the token to the page the browser is sent
to after a save, so the script removes its copy only once the server confirmed it.
"""

import hashlib
import hmac
import re

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.utils import set_query_params

from .models import ReceivedForm

TOKEN_FIELD = "isian_token"
SAVED_PARAM = "isian_tersimpan"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def form_token(request) -> str:
    """The form's token from the POST, or "" when absent or malformed."""
    token = request.POST.get(TOKEN_FIELD, "") if request.method == "POST" else ""
    return token if _TOKEN.match(token) else ""


def storage_key(user) -> str:
    """The browser storage key of `user`'s copies: an HMAC of the user id with SECRET_KEY, so
    another user of the same browser can neither read nor guess it (their page holds theirs)."""
    message = f"simfoni.isian:{user.pk}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


def received(user, token):
    """The receipt of `user`'s form `token`, or None."""
    if not token or user is None or not user.is_authenticated:
        return None
    return ReceivedForm.objects.filter(user=user, token=token).select_related("phenomenon").first()


class ReceiptSuccessMixin:
    """After a save, the page the browser goes to names the token (the copy may go)."""

    def get_success_url(self):
        url = super().get_success_url()
        token = form_token(self.request)
        return set_query_params(url, {SAVED_PARAM: token}) if token else url


class ReceiptCreateMixin(ReceiptSuccessMixin):
    """A create view that stores each form token once."""

    def post(self, request, *args, **kwargs):
        token = form_token(request)
        receipt = received(request.user, token)
        if receipt is not None:
            return self.already_received(receipt, token)
        try:
            return super().post(request, *args, **kwargs)
        except IntegrityError:
            # Two sends of the same form at once: the other one stored it (this one's
            # transaction, phenomenon included, was rolled back).
            receipt = received(request.user, token)
            if receipt is None:
                raise
            return self.already_received(receipt, token)

    def save_instance(self):
        instance = super().save_instance()
        token = form_token(self.request)
        if token:
            ReceivedForm.objects.create(user=self.request.user, token=token, phenomenon=instance)
        return instance

    def already_received(self, receipt, token):
        url = reverse("wagtailsnippets_phenomena_phenomenon:edit", args=[receipt.phenomenon_id])
        if self.expects_json_response:
            return JsonResponse(
                {
                    "success": False,
                    "error_code": "already_received",
                    "error_message": _("Isian ini sudah tersimpan sebelumnya."),
                    "url": url,
                },
                status=409,
            )
        messages.info(
            self.request,
            _("Isian ini sudah diterima sebelumnya: fenomena “%(title)s” tersimpan sekali saja.")
            % {"title": receipt.phenomenon.title},
        )
        return redirect(set_query_params(url, {SAVED_PARAM: token}))
