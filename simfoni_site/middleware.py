"""Bahasa Indonesia unless the user chose otherwise.

Django's LocaleMiddleware follows the browser's Accept-Language, which on most office PCs is
English. SIMFONI is Indonesian first: the language is the user's own choice (the admin account
setting, or the site's language switch cookie), else `LANGUAGE_CODE`.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation import check_for_language


class PreferredLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        language = None
        profile = getattr(getattr(request, "user", None), "wagtail_userprofile", None)
        if profile is not None and profile.preferred_language:
            language = profile.preferred_language
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language is None and cookie and check_for_language(cookie):
            language = cookie
        language = language or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class UnusedAdminSectionsMiddleware:
    """Wagtail sections SIMFONI does not use are for admins only.

    Wagtail ships pages, images, documents, embeds, collections, workflow editing, settings,
    groups and reports, and opens several of their choosers and admin API listings to anyone who
    may enter the admin. SIMFONI's roles never need them; leaving them open would only widen what
    a viewer or operator can probe. The URL names are listed in `ADMIN_ONLY_URL_NAMES` (globs);
    `INPUT_ONLY_URL_NAMES` are for those who input phenomena (keyword autocomplete).
    The permission walk in tests/site/test_url_permissions.py holds every view to its rule.
    """

    ADMIN_ONLY_URL_NAMES = (
        "wagtailadmin_api:*",
        "wagtailadmin_choose_page*",
        "wagtailadmin_explore*",
        "wagtailadmin_pages:*",
        "wagtailadmin_workflows:*",
        "wagtailadmin_collections:*",
        "wagtailadmin_block_preview",
        "wagtailimages*",
        "wagtaildocs*",
        "wagtailembeds*",
        "wagtailsites:*",
        "wagtailsettings:*",
        "wagtailusers_groups:*",
        "wagtailadmin_reports:locked_pages*",
        "wagtailadmin_reports:workflow*",
        "wagtailadmin_reports:aging_pages*",
        "wagtailadmin_reports:page_types_usage*",
    )
    INPUT_ONLY_URL_NAMES = ("wagtailadmin_tag_autocomplete", "wagtailadmin_tag_model_autocomplete")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        import fnmatch

        from django.core.exceptions import PermissionDenied

        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None  # anonymous users meet Wagtail's own login redirect
        name = match.view_name
        if any(fnmatch.fnmatchcase(name, glob) for glob in self.ADMIN_ONLY_URL_NAMES):
            if not user.has_perm("phenomena.administer_site"):
                raise PermissionDenied
        elif any(fnmatch.fnmatchcase(name, glob) for glob in self.INPUT_ONLY_URL_NAMES):
            if not user.has_perm("phenomena.add_phenomenon"):
                raise PermissionDenied
        return None
