"""Fixtures for the duplicate checks against the database."""

import pytest

from phenomena.models import (
    Indicator,
    Outlet,
    Phenomenon,
    PhenomenonIndicator,
    PhenomenonSource,
    Scope,
    SourceType,
    Subject,
    Theme,
)
from tests.conftest import last_month

STORY_TITLE = "Harga cabai merah di Jakarta naik 20 persen menjelang akhir tahun"
STORY = (
    "Harga cabai merah di pasar-pasar tradisional Jakarta naik 20 persen karena pasokan dari "
    "sentra produksi berkurang akibat musim hujan. Pedagang di Pasar Induk Kramat Jati menyebut "
    "harga mencapai Rp80.000 per kilogram."
)
SAME_STORY_TITLE = "Cabai merah naik 20 persen di pasar Jakarta menjelang akhir tahun"
SAME_STORY = (
    "Pasokan dari sentra produksi berkurang akibat musim hujan sehingga harga cabai merah di "
    "pasar-pasar tradisional Jakarta naik 20 persen. Pedagang di Pasar Induk Kramat Jati "
    "menyebut harga mencapai Rp80.000 per kilogram. Baca juga: Harga beras stabil."
)
OTHER_TITLE = "Kunjungan wisman ke Jakarta turun 12 persen setelah libur panjang"
OTHER = (
    "Jumlah kunjungan wisatawan mancanegara ke Jakarta turun 12 persen dibanding bulan "
    "sebelumnya setelah libur panjang berakhir."
)
STORY_URL = "https://money.kompas.com/read/2026/10/01/cabai-merah-naik"


@pytest.fixture
def make_phenomenon(db):
    """make_phenomenon(author, title=..., url=..., live=False) -> a stored phenomenon."""

    def make(
        author=None,
        title=STORY_TITLE,
        narrative=STORY,
        url=STORY_URL,
        outlet="Kompas.com",
        period=None,
        area=None,
        live=False,
        keywords=("cabai merah",),
        indicator=None,
    ):
        subject = Subject.objects.get(code="ekonomi")
        scope_code = "kabkota" if area else "dki"
        phenomenon = Phenomenon(
            title=title,
            narrative=narrative,
            reference_period=period or last_month(),
            scope=Scope.objects.get(code=scope_code),
            area=Scope.objects.get(code=area) if area else None,
            subject=subject,
            theme=Theme.objects.get(subject=subject, name="Harga-harga (Inflasi)"),
            author=author,
            live=False,
        )
        phenomenon.sources.add(
            PhenomenonSource(
                source_type=SourceType.objects.get(code="portal_berita"),
                outlet=Outlet.objects.get(name=outlet) if outlet else None,
                url=url,
                source_date=last_month(5),
            )
        )
        if indicator:
            phenomenon.indicator_links.add(
                PhenomenonIndicator(indicator=Indicator.objects.get(name=indicator))
            )
        phenomenon.save()
        phenomenon.keywords.add(*keywords)
        phenomenon.save()
        revision = phenomenon.save_revision(user=author)
        if live:
            revision.publish()
        phenomenon.refresh_from_db()
        return phenomenon

    return make
