"""In the browser, Tema offers only the themes of the chosen Subjek (issue 22 item 7)."""

import pytest

from phenomena.models import Role, Theme
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def theme_labels(page):
    return page.eval_on_selector_all(
        "#id_theme option", "options => options.filter(o => o.value).map(o => o.textContent)"
    )


def test_theme_follows_subject(live_server, new_page, make_user):
    make_user("op_tema", Role.OPERATOR, "fungsi-sosial-2")
    page = new_page("op_tema", PASSWORD)
    page.goto(f"{live_server.url}/admin/snippets/phenomena/phenomenon/add/")
    assert len(theme_labels(page)) == Theme.objects.count()  # no subject yet: all themes

    page.select_option("#id_subject", label="Statistik Ekonomi")
    economy = set(Theme.objects.filter(subject__code="ekonomi").values_list("name", flat=True))
    assert set(theme_labels(page)) == economy
    page.select_option("#id_theme", label="Pariwisata")

    # Another subject: its themes only, and the economy theme chosen before is cleared.
    page.select_option("#id_subject", label="Statistik Demografi dan Sosial")
    social = set(Theme.objects.filter(subject__code="sosial").values_list("name", flat=True))
    assert set(theme_labels(page)) == social
    assert page.input_value("#id_theme") == ""

    # Back to economy: the themes come back in their order.
    page.select_option("#id_subject", label="Statistik Ekonomi")
    ordered = list(Theme.objects.filter(subject__code="ekonomi").values_list("name", flat=True))
    assert theme_labels(page) == ordered
