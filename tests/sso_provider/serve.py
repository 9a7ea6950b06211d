"""Start the test OpenID provider: migrate its own SQLite file, create the users and the
confidential client, then serve HTTP on 127.0.0.1:<port> until killed.

    SSO_PROVIDER_DB=... SSO_PROVIDER_RSA_KEY=... SSO_PROVIDER_USERS=users.json \
    python -m tests.sso_provider.serve PORT CLIENT_ID CLIENT_SECRET REDIRECT_URI LOGOUT_URI
"""

import os
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def main(port, client_id, client_secret, redirect_uri, logout_uri):
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.sso_provider.settings"
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from oauth2_provider.models import Application

    from tests.sso_provider.validator import people

    call_command("migrate", verbosity=0)
    User = get_user_model()
    for person in people().values():
        user = User.objects.create_user(
            person["username"], email=person.get("email", ""), password=person["password"]
        )
        user.save()
    Application.objects.create(
        name="SIMFONI",
        client_id=client_id,
        client_secret=client_secret,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=redirect_uri,
        post_logout_redirect_uris=logout_uri,
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
    server = make_server(
        "127.0.0.1",
        int(port),
        get_wsgi_application(),
        server_class=ThreadingWSGIServer,
        handler_class=QuietHandler,
    )
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(*sys.argv[1:])
