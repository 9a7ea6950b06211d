"""A supervisor composes a release dossier on a phone (390 px) and shares it with a viewer."""

import pytest

from phenomena.models import Direction, Indicator, ReleaseDate, Role
from phenomena.rules import today
from tests.conftest import PASSWORD
from tests.factories import PhenomenonFactory, last_month

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = (390, 844)
INFLASI = "Perkembangan IHK (Inflasi)"


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE[0]


def test_compose_generate_and_share_on_a_phone(new_page, live_server, make_user):
    op = make_user("op_dz", Role.OPERATOR, "fungsi-sosial-2")
    make_user("spv_dz", Role.SUPERVISOR, "fungsi-distribusi-1")
    make_user("viewer_dz", Role.VIEWER, "fungsi-ipds")
    release = ReleaseDate.objects.create(
        indicator=Indicator.objects.get(name=INFLASI), date=today().replace(day=1)
    )
    cabai = PhenomenonFactory(
        author=op,
        title="Harga cabai rawit merah di pasar-pasar tradisional Jakarta naik tajam karena "
        "curah hujan tinggi di sentra produksi",
        sources=[("portal_berita", "Kompas.com", last_month(7), None)],
        indicators=[(INFLASI, Direction.NAIK)],
        published=True,
    )
    PhenomenonFactory(author=op, title="Harga beras medium turun", published=True)

    page = new_page("spv_dz", PASSWORD, viewport=PHONE)
    page.goto(f"{live_server.url}/berkas-rilis/{release.pk}/")
    assert fits(page)
    page.check(f"input[name=pick][value='{cabai.pk}']")
    page.fill(f"input[name=pos_{cabai.pk}]", "1")
    page.fill(f"textarea[name=note_{cabai.pk}]", "Cabai rawit pendorong utama")
    page.get_by_role("button", name="Buat paragraf").click()
    page.wait_for_load_state("networkidle")
    assert "Paragraf dibuat" in page.content()
    paragraph = page.locator("textarea[name=paragraph]").input_value()
    assert "Cabai rawit pendorong utama [1]" in paragraph
    assert fits(page)

    page.get_by_role("button", name="Buat tautan berbagi").click()
    page.wait_for_load_state("networkidle")
    link = page.locator("#berbagi input[readonly]").input_value()
    assert "/berkas-rilis/bagi/" in link
    assert fits(page)

    reader = new_page("viewer_dz", PASSWORD, viewport=PHONE)
    reader.goto(link.replace("http://testserver", live_server.url))
    text = reader.content()
    assert "Cabai rawit pendorong utama [1]" in text and "Kompas.com" in text
    assert fits(reader)
    with reader.expect_download() as download:
        reader.get_by_role("link", name="Unduh PDF").click()
    assert download.value.suggested_filename.endswith(f"{release.date:%Y-%m-%d}.pdf")
