"""Approved phenomena for the browser search test: one target and two near misses."""

import datetime

from phenomena.models import Phenomenon, PhenomenonSource, Scope, SourceType, Theme
from phenomena.rules import today


def _phenomenon(author, title, narrative, area_code, month):
    area = Scope.objects.get(code=area_code)
    theme = Theme.objects.get(name="Industri Pengolahan")
    phenomenon = Phenomenon(
        title=title,
        narrative=narrative,
        reference_period=month,
        scope=area.parent,
        area=area,
        subject=theme.subject,
        theme=theme,
        author=author,
        work_unit=author.simfoni_profile.work_unit,
        live=False,
    )
    phenomenon.sources.add(
        PhenomenonSource(
            source_type=SourceType.objects.get(code="fgd"),
            source_date=month + datetime.timedelta(days=3),
        )
    )
    phenomenon.save()
    # Approved as if by an admin (the workflow itself is exercised in the other test).
    phenomenon.save_revision(user=author).publish(user=author, skip_permission_checks=True)
    return Phenomenon.objects.get(pk=phenomenon.pk)


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
