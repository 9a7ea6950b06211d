"""Approved phenomena for the browser search test: one target and two near misses."""

import datetime

from phenomena.rules import today
from tests.factories import PhenomenonFactory


def _phenomenon(author, title, narrative, area_code, month):
    # Approved as if by an admin (the workflow itself is exercised in the other test).
    return PhenomenonFactory(
        author=author,
        title=title,
        narrative=narrative,
        area=area_code,
        theme="Industri Pengolahan",
        reference_period=month,
        sources=[{"source_type": "fgd", "source_date": month + datetime.timedelta(days=3)}],
        published=True,
        decided_by=author,
        validate=False,
    )


def publish_examples(author):
    this_month = today().replace(day=1)
    last = (this_month - datetime.timedelta(days=1)).replace(day=1)
    before = (last - datetime.timedelta(days=1)).replace(day=1)
    return {
        "target": _phenomenon(
            author,
            "Produksi kerupuk rumahan di Cakung naik menjelang akhir tahun",
            "Dalam FGD di Kecamatan Cakung, perajin kerupuk melaporkan pesanan naik 25 persen.",
            "3172",
            last,
        ),
        "other_area": _phenomenon(
            author,
            "Perajin kerupuk di Cengkareng kekurangan bahan baku tapioka",
            "Hasil wawancara dengan perajin kerupuk di Cengkareng: produksi turun 10 persen.",
            "3174",
            last,
        ),
        "other_month": _phenomenon(
            author,
            "Pesanan kerupuk Cakung melonjak pada musim hajatan",
            "Perajin kerupuk di Cakung menyebut pesanan hajatan naik 15 persen.",
            "3172",
            before,
        ),
    }
