"""The request being answered, for the admin script hook (`insert_global_admin_js` is called
without one, and the script needs the signed-in user's own storage key)."""

from contextvars import ContextVar

_current = ContextVar("offline_request", default=None)


def current_request():
    return _current.get()


def remember_request(get_response):
    def middleware(request):
        token = _current.set(request)
        try:
            return get_response(request)
        finally:
            _current.reset(token)

    return middleware
