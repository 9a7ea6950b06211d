"""Fixtures for the duplicate checks against the database."""

import factory

from tests.factories import PhenomenonFactory, last_month

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


class DuplicatePhenomenonFactory(PhenomenonFactory):
    """The cabai story from Kompas.com (`url`, `outlet`), last month, keyword "cabai merah";
    `indicator=` a name; `published=True` for a live one. The author's work unit is not stamped."""

    title = STORY_TITLE
    narrative = STORY
    author = None
    work_unit = None
    keywords = ("cabai merah",)
    sources = factory.LazyAttribute(
        lambda o: [
            {
                "source_type": "portal_berita",
                "outlet": o.outlet,
                "url": o.url,
                "source_date": last_month(5),
            }
        ]
    )
    indicators = factory.LazyAttribute(lambda o: [o.indicator] if o.indicator else [])
    validate = False

    class Params:
        url = STORY_URL
        outlet = "Kompas.com"
        indicator = None
