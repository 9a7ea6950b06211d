"""The admin login form with its password field labelled through the catalogue.

Wagtail's LoginForm gives the password field no label, so Django derives "Password" from the
field name and it stays English on an Indonesian page. Its label is Django's own "Password"
msgid, "Kata sandi" in locale_wagtail (docs/glossary.md)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
