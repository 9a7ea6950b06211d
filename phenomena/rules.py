"""Input rules for phenomena, enforced on the server for every entry point.

`phenomenon_field_errors` checks a phenomenon on its own (theme within subject, area within
scope, no future period). `source_errors` and `input_errors` add the rules that depend on who is
entering it: kab/kota operators only enter FGD and stakeholder information about their own
kab/kota; media sources only by province operators, for outlets their work unit owns.
The admin form, the import and the API all call these functions.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Level, Role
from .roles import get_profile


def today():
    """Today's date in the site's time zone (Asia/Jakarta by default)."""
    return timezone.localdate()


def phenomenon_field_errors(phenomenon) -> dict[str, list[str]]:
    """Errors of a phenomenon's own fields, keyed by field name."""
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if phenomenon.subject_id and phenomenon.theme_id:
        if phenomenon.theme.subject_id != phenomenon.subject_id:
            add(
                "theme",
                _("Tema “%(theme)s” tidak termasuk subjek “%(subject)s”.")
                % {"theme": phenomenon.theme, "subject": phenomenon.subject},
            )
    if phenomenon.scope_id:
        scope = phenomenon.scope
        if scope.requires_area and not phenomenon.area_id:
            add("area", _("Pilih kabupaten/kota untuk cakupan %(scope)s.") % {"scope": scope})
        elif phenomenon.area_id and phenomenon.area.parent_id != scope.pk:
            add(
                "area",
                _("Wilayah %(area)s tidak berada di bawah cakupan %(scope)s.")
                % {"area": phenomenon.area, "scope": scope},
            )
    if phenomenon.reference_period and phenomenon.reference_period.replace(day=1) > today():
        add("reference_period", _("Periode referensi tidak boleh di masa depan."))
    return errors


@dataclass
class SourceInput:
    """What the rules need to know about one source, whatever the entry point."""

    source_type: object
    outlet: object | None
    url: str
    source_date: object


def source_errors(user, source: SourceInput) -> dict[str, list[str]]:
    """Errors of one source for the user entering it, keyed by source field name."""
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    stype = source.source_type
    if stype is None:
        return errors
    if stype.needs_outlet and source.outlet is None:
        add("outlet", _("Sumber %(type)s wajib menyebut medianya.") % {"type": stype})
    if source.outlet is not None and source.outlet.source_type_id != stype.pk:
        add(
            "outlet",
            _("%(outlet)s bukan media untuk jenis sumber %(type)s.")
            % {"outlet": source.outlet, "type": stype},
        )
    if stype.needs_url and not source.url:
        add("url", _("Sumber daring wajib menyertakan tautan bukti."))
    if source.source_date and source.source_date > today():
        add("source_date", _("Tanggal sumber tidak boleh di masa depan."))

    profile = get_profile(user)
    if profile is None or profile.role == Role.ADMIN or user.is_superuser:
        return errors
    if profile.work_unit.level == Level.KABKOTA and not stype.allowed_for_kabkota:
        add(
            "source_type",
            _(
                "Operator kabupaten/kota hanya boleh menginput hasil FGD atau informasi "
                "langsung dari stakeholder, bukan %(type)s."
            )
            % {"type": stype},
        )
    elif source.outlet is not None and source.outlet.work_unit_id != profile.work_unit_id:
        add(
            "outlet",
            _(
                "%(outlet)s dialokasikan ke %(owner)s; satuan kerja Anda (%(unit)s) tidak "
                "menginput media ini."
            )
            % {
                "outlet": source.outlet,
                "owner": source.outlet.work_unit,
                "unit": profile.work_unit,
            },
        )
    return errors


def input_errors(user, phenomenon) -> dict[str, list[str]]:
    """Errors of the phenomenon's classification for the user entering it."""
    errors: dict[str, list[str]] = {}
    profile = get_profile(user)
    if profile is None or profile.role == Role.ADMIN or user.is_superuser:
        return errors
    unit = profile.work_unit
    if unit.level == Level.KABKOTA and phenomenon.scope_id:
        if phenomenon.area_id != unit.area_id:
            errors["area"] = [
                _("Operator %(unit)s hanya menginput fenomena dengan cakupan %(area)s.")
                % {"unit": unit, "area": unit.area}
            ]
    return errors


def can_input(user) -> bool:
    """Operators and admins input phenomena; supervisors and viewers do not."""
    if user.is_superuser:
        return True
    profile = get_profile(user)
    return profile is not None and profile.role in (Role.ADMIN, Role.OPERATOR)
