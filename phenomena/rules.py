"""Input rules for phenomena, enforced on the server for every entry point.

`phenomenon_field_errors` checks a phenomenon on its own (theme within subject, area within
scope, a period from `REFERENCE_PERIOD_MIN` up to this month, no control characters, size
limits). `source_errors` and `input_errors` add the rules that depend on who is entering it:
kab/kota operators only enter FGD and stakeholder information about their own kab/kota; media
sources only by province operators, for outlets their work unit owns. `offered_choices` says
which choices the form offers a user under the same rules.
The admin form, the import and the API all call these functions.
"""

import re
from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import limits
from .dates import month_year
from .models import Level, Outlet, Scope, SourceType
from .permissions import administers
from .roles import get_profile

WEB_SCRAPING = "web_scraping"  # the source type of what the scraper read

# Control characters (C0, DEL, C1) and the Unicode line and paragraph separators.
CONTROL_CHARACTERS_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
LINE_BREAKS = "\n\r\x85\u2028\u2029"
# What a multi-line text (the narrative) may contain.
TEXT_WHITESPACE = "\n\r\t"


def today():
    """Today's date in the site's time zone (Asia/Jakarta by default)."""
    return timezone.localdate()


def number(value: int) -> str:
    """A count as the active language writes it (20.000 in Indonesian)."""
    return formats.number_format(value, force_grouping=True)


def month_label(value) -> str:
    return month_year(value)


def forbidden_characters(value: str, allow: str = "") -> list[str]:
    """Names of the control characters in `value` other than those in `allow`, once each:
    "baris baru", "tab" or the code point (U+001B) of an invisible one."""
    names: list[str] = []
    for char in CONTROL_CHARACTERS_RE.findall(value or ""):
        if char in allow:
            continue
        if char in LINE_BREAKS:
            name = _("baris baru")
        elif char == "\t":
            name = _("tab")
        else:
            name = f"U+{ord(char):04X}"
        if name not in names:
            names.append(name)
    return names


def control_character_error(label: str, value: str, allow: str = "") -> str | None:
    """The message for control characters in a field called `label`, or None."""
    names = forbidden_characters(value, allow)
    if not names:
        return None
    return _(
        "%(field)s berisi karakter yang tidak diizinkan (%(chars)s), biasanya terbawa saat "
        "menyalin teks. Hapus karakter tersebut lalu simpan lagi."
    ) % {"field": label, "chars": ", ".join(names)}


def text_length(value: str) -> int:
    """Length as the user sees it: a line break counts once, whether sent as CRLF or LF."""
    return len((value or "").replace("\r\n", "\n"))


def phenomenon_field_errors(phenomenon) -> dict[str, list[str]]:
    """Errors of a phenomenon's own fields, keyed by field name."""
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    message = control_character_error(_("Judul"), phenomenon.title)
    if message:
        add("title", message)
    length = text_length(phenomenon.narrative)
    if length > limits.NARRATIVE_MAX_CHARS:
        add(
            "narrative",
            _(
                "Narasi terlalu panjang: %(count)s karakter, paling banyak %(max)s. "
                "Ringkas narasinya; rincian dapat dirujuk lewat tautan sumber."
            )
            % {"count": number(length), "max": number(limits.NARRATIVE_MAX_CHARS)},
        )
    else:
        message = control_character_error(_("Narasi"), phenomenon.narrative, TEXT_WHITESPACE)
        if message:
            add("narrative", message)

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
    period = phenomenon.reference_period
    if period and period.replace(day=1) > today():
        add("reference_period", _("Periode referensi tidak boleh di masa depan."))
    elif period and period < limits.REFERENCE_PERIOD_MIN:
        add(
            "reference_period",
            _("Periode referensi paling awal %(min)s; %(value)s terlalu lama.")
            % {
                "min": month_label(limits.REFERENCE_PERIOD_MIN),
                "value": f"{period.year:04d}-{period.month:02d}",
            },
        )
    return errors


def keyword_errors(keywords) -> list[str]:
    """Errors of a phenomenon's keywords: how many, how long, no control characters."""
    keywords = list(keywords or [])
    if len(keywords) > limits.KEYWORDS_MAX:
        return [
            _(
                "Paling banyak %(max)s kata kunci; Anda mengisi %(count)s. Pilih yang "
                "paling menggambarkan fenomena ini."
            )
            % {"max": limits.KEYWORDS_MAX, "count": number(len(keywords))}
        ]
    too_long = [k for k in keywords if len(k) > limits.KEYWORD_MAX_CHARS]
    if too_long:
        return [
            _("Kata kunci paling panjang %(max)s karakter: %(keywords)s.")
            % {
                "max": limits.KEYWORD_MAX_CHARS,
                "keywords": ", ".join(f"“{k[:20]}…”" for k in too_long[:3]),
            }
        ]
    for keyword in keywords:
        message = control_character_error(_("Kata kunci"), keyword)
        if message:
            return [message]
    return []


@dataclass
class SourceInput:
    """What the rules need to know about one source, whatever the entry point."""

    source_type: object
    outlet: object | None
    url: str
    source_date: object
    # A web-scraping source already stored on the phenomenon, unchanged (its outlet is the
    # portal SIMFONI read, whichever work unit owns it).
    stored_scraped: bool = False


def source_errors(user, source: SourceInput) -> dict[str, list[str]]:
    """Errors of one source for the user entering it, keyed by source field name."""
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    stype = source.source_type
    if stype is None:
        return errors
    # A web-scraping source names the portal SIMFONI read (a news portal, not an outlet of its
    # own type). Once stored, it may name any work unit's portal: a scraped phenomenon gathers
    # several portals' articles, and the operator it is delegated to edits it with them; a
    # web-scraping source an operator adds is held to their allocation like any other.
    machine_read = stype.code == WEB_SCRAPING
    if stype.needs_outlet and source.outlet is None:
        add("outlet", _("Sumber %(type)s wajib menyebut medianya.") % {"type": stype})
    if source.outlet is not None and source.outlet.source_type_id != stype.pk and not machine_read:
        add(
            "outlet",
            _("%(outlet)s bukan media untuk jenis sumber %(type)s.")
            % {"outlet": source.outlet, "type": stype},
        )
    if stype.needs_url and not source.url:
        add("url", _("Sumber daring wajib menyertakan tautan bukti."))
    message = control_character_error(_("Tautan bukti"), source.url)
    if message:
        add("url", message)
    if source.source_date and source.source_date > today():
        add("source_date", _("Tanggal sumber tidak boleh di masa depan."))

    profile = get_profile(user)
    if profile is None or administers(user):
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
    elif (
        source.outlet is not None
        and source.outlet.work_unit_id != profile.work_unit_id
        and not (machine_read and source.stored_scraped)
    ):
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
    if profile is None or administers(user):
        return errors
    unit = profile.work_unit
    if unit.level == Level.KABKOTA and phenomenon.scope_id:
        if phenomenon.area_id != unit.area_id:
            errors["area"] = [
                _("Operator %(unit)s hanya menginput fenomena dengan cakupan %(area)s.")
                % {"unit": unit, "area": unit.area}
            ]
    return errors


@dataclass
class OfferedChoices:
    """What the phenomenon form offers one user; None for a field means everything."""

    source_types: object
    outlets: object
    scopes: object | None = None
    areas: object | None = None


def offered_choices(user) -> OfferedChoices | None:
    """The choices `source_errors` and `input_errors` allow `user`, or None for everything.

    Province operators: the outlets allocated to their work unit, and the source types that
    need no outlet or have one of those outlets. Kab/kota operators: the source types allowed
    for kab/kota, and only their own kab/kota. Admins: everything. The form offers only these;
    the rules still check what is submitted."""
    from django.db.models import Q

    profile = get_profile(user)
    if profile is None or administers(user):
        return None
    unit = profile.work_unit
    if unit.level == Level.KABKOTA:
        choices = OfferedChoices(
            source_types=SourceType.objects.filter(allowed_for_kabkota=True),
            outlets=Outlet.objects.filter(source_type__allowed_for_kabkota=True),
        )
        if unit.area_id:
            choices.scopes = Scope.objects.filter(pk=unit.area.parent_id)
            choices.areas = Scope.objects.filter(pk=unit.area_id)
        return choices
    outlets = Outlet.objects.filter(work_unit=unit)
    return OfferedChoices(
        source_types=SourceType.objects.filter(
            Q(needs_outlet=False) | Q(pk__in=outlets.values("source_type"))
        ),
        outlets=outlets,
    )
