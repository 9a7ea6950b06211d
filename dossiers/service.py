"""Dossier operations the views, exports and tests share."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phenomena.dates import long_day

from . import paragraph as paragraphs
from .direction import estimate
from .models import Dossier, DossierItem, ShareLink
from .proposal import default_period, matching, period_label


def default_title(release) -> str:
    return _("Fenomena di balik rilis %(indicator)s, %(day)s") % {
        "indicator": release.indicator.name,
        "day": long_day(release.date),
    }


def start(release, user) -> Dossier:
    """The release's dossier, created with the default period and title if it has none."""
    existing = Dossier.objects.filter(release=release).first()
    if existing:
        return existing
    period_start, period_end = default_period(release)
    return Dossier.objects.create(
        release=release,
        title=default_title(release)[:250],
        period_start=period_start,
        period_end=period_end,
        created_by=user,
        updated_by=user,
    )


@dataclass
class Pick:
    phenomenon_id: int
    position: int
    direction: str
    note: str


@transaction.atomic
def save_picks(dossier: Dossier, picks: list[Pick], user) -> list[int]:
    """Replace the dossier's picks. Only approved phenomena that match the dossier's indicator
    and period are kept; returns the ids refused (the view reports them)."""
    allowed = set(
        matching(dossier.indicator, dossier.period_start, dossier.period_end).values_list(
            "pk", flat=True
        )
    )
    refused = [p.phenomenon_id for p in picks if p.phenomenon_id not in allowed]
    kept = sorted(
        (p for p in picks if p.phenomenon_id in allowed),
        key=lambda p: (p.position, p.phenomenon_id),
    )
    dossier.items.all().delete()
    DossierItem.objects.bulk_create(
        DossierItem(
            dossier=dossier,
            phenomenon_id=p.phenomenon_id,
            position=index,
            direction=p.direction,
            note=p.note,
        )
        for index, p in enumerate(kept, 1)
    )
    dossier.updated_by = user
    dossier.save()
    return refused


def cited(dossier: Dossier) -> list[paragraphs.CitedPhenomenon]:
    """The picked, still approved phenomena, numbered [1], [2], … in the dossier's order."""
    result = []
    for number, item in enumerate(dossier.cited_items(), 1):
        phenomenon = item.phenomenon
        source = phenomenon.primary_source
        direction = item.direction or estimate(phenomenon, dossier.indicator).direction
        result.append(
            paragraphs.CitedPhenomenon(
                number=number,
                title=phenomenon.title,
                narrative=phenomenon.narrative,
                direction=direction,
                area=phenomenon.area.label if phenomenon.area_id else None,
                outlet=(
                    (source.outlet.name if source.outlet_id else source.source_type.label)
                    if source
                    else ""
                ),
                source_date=source.source_date if source else None,
                url=source.url if source else "",
                note=item.note,
            )
        )
    return result


def paragraph_context(dossier: Dossier) -> paragraphs.ParagraphContext:
    return paragraphs.ParagraphContext(
        indicator=dossier.indicator.name,
        release_date=dossier.release.date,
        period=period_label(dossier.period_start, dossier.period_end),
        items=cited(dossier),
    )


def generate_paragraph(dossier: Dossier) -> paragraphs.Generated:
    return paragraphs.generate(paragraph_context(dossier))


def share(dossier: Dossier, user) -> ShareLink:
    return ShareLink.objects.create(dossier=dossier, created_by=user)


def revoke(link: ShareLink) -> None:
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])


def active_link(token: str) -> ShareLink | None:
    return (
        ShareLink.objects.filter(token=token, revoked_at__isnull=True)
        .select_related("dossier__release__indicator")
        .first()
    )
