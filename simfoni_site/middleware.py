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
