"""A release of the inflation indicator and the phenomena around it (tests/factories.py)."""

import datetime
from types import SimpleNamespace

import pytest

from phenomena.models import Direction, Indicator, ReleaseDate
from phenomena.rules import today
from tests.factories import PhenomenonFactory, last_month

INFLASI = "Perkembangan IHK (Inflasi)"  # themes: Harga-harga (Inflasi)


def months_ago(n):
    day = today().replace(day=1)
    for _ in range(n):
        day = (day - datetime.timedelta(days=1)).replace(day=1)
    return day


@pytest.fixture
def release(db):
    """Inflation, released on the first of this month: its reference period is last month."""
    indicator = Indicator.objects.get(name=INFLASI)
    return ReleaseDate.objects.create(indicator=indicator, date=today().replace(day=1))


@pytest.fixture
def scene(release, make_user):
    """Approved phenomena that belong to the release and others that must not be proposed."""
    op = make_user("opsos2", "Operator", "fungsi-sosial-2")
    op_3172 = make_user("op3172", "Operator", "bps-3172")
    approved = dict(approved=True)
    s = SimpleNamespace(release=release, op=op, op_3172=op_3172)
    s.cabai = PhenomenonFactory(
        author=op,
        title="Harga cabai merah melonjak 25 persen",
        narrative="Harga cabai merah di pasar induk naik tajam karena curah hujan tinggi.",
        sources=[("portal_berita", "Kompas.com", last_month(7), "https://kompas.test/cabai")],
        indicators=[(INFLASI, Direction.NAIK)],
        **approved,
    )
    s.beras = PhenomenonFactory(
        author=op,
        title="Harga beras medium turun setelah operasi pasar",
        narrative="Operasi pasar Bulog membuat harga beras medium turun 3 persen.",
        sources=[("portal_berita", "CNN Indonesia", last_month(12), "https://cnn.test/beras")],
        **approved,
    )
    s.fgd_timur = PhenomenonFactory(
        author=op_3172,
        area="3172",
        title="FGD pedagang: harga telur ayam stabil",
        narrative="Pedagang di Jakarta Timur menyebut harga telur ayam tetap stabil.",
        **approved,
    )
    # Must not be proposed: not approved, wrong theme, wrong period.
    s.draft = PhenomenonFactory(author=op, title="Draf harga bawang naik")
    s.in_review = PhenomenonFactory(author=op, title="Pengajuan harga gula naik", in_review=True)
    s.rejected = PhenomenonFactory(author=op, title="Harga minyak ditolak", rejected=True)
    s.other_theme = PhenomenonFactory(
        author=op, theme="Pariwisata", title="Kunjungan wisman naik", **approved
    )
    s.old = PhenomenonFactory(
        author=op,
        title="Harga cabai tiga bulan lalu",
        reference_period=months_ago(3),
        **approved,
    )
    return s
