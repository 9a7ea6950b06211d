"""Claims of the test provider: e-mail, name and the staff id ("nip") of each user, from the
users file written by the test. Two users get a misbehaving ID token on purpose: one for another
audience, one already expired, so the tests see SIMFONI refuse them."""

import json
import os
import time

from oauth2_provider.oauth2_validators import OAuth2Validator


def people():
    with open(os.environ["SSO_PROVIDER_USERS"], encoding="utf-8") as fh:
        return {person["username"]: person for person in json.load(fh)}


class Validator(OAuth2Validator):
    oidc_claim_scope = None  # every claim in the ID token and userinfo, whatever the scopes

    def get_additional_claims(self, request):
        person = people().get(request.user.username, {})
        claims = {"email": request.user.email, "name": person.get("name", "")}
        if person.get("nip"):
            claims["nip"] = person["nip"]
        return claims

    def get_id_token_dictionary(self, token, token_handler, request):
        claims, expiration_time = super().get_id_token_dictionary(token, token_handler, request)
        trick = people().get(request.user.username, {}).get("trick")
        if trick == "wrong_audience":
            claims["aud"] = "aplikasi-lain"
        elif trick == "expired":
            claims["iat"] = int(time.time()) - 7200
            claims["exp"] = int(time.time()) - 3600
        return claims, expiration_time
