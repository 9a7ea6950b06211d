"""The kinds of notification, who receives each, and how users may receive them.

Each kind has a code (stored in preferences and in `SentReminder`), the roles it is meant for,
the channel it uses when the user has chosen nothing, and whether it can be turned off. A kind
that carries a decision about the user's own work (a rejection, a delegated edit, a failed
scrape run for admins) cannot be turned off: its preference lists only in-app, e-mail or both.
The reminders' kinds and the approval workflow's are listed here together so that one preferences
page covers everything; `alerts.delivery.deliver` is the one way to send any of them.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from phenomena.models import Role


class Channel(models.TextChoices):
    BOTH = "both", _("Di aplikasi dan e-mail")
    INAPP = "inapp", _("Di aplikasi saja")
    EMAIL = "email", _("E-mail saja")
    OFF = "off", _("Nonaktif")


class Frequency(models.TextChoices):
    """How often a digest kind is sent; "off" is how a digest is turned off."""

    DAILY = "daily", _("Harian")
    WEEKLY = "weekly", _("Mingguan")
    OFF = "off", _("Nonaktif")


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    roles: tuple[str, ...]
    default: str = Channel.BOTH
    optional: bool = True
    help_text: str = ""
    # A digest kind collects its events and is sent daily or weekly, as each user chooses
    # (`Frequency`); it is turned off by its frequency, so its channel offers no "off".
    digest: bool = False
    default_frequency: str = Frequency.DAILY

    def channel_choices(self):
        return [
            (c.value, c.label)
            for c in Channel
            if c != Channel.OFF or (self.optional and not self.digest)
        ]

    def frequency_choices(self):
        return [(f.value, f.label) for f in Frequency if self.optional or f != Frequency.OFF]


ADM, SPV, OPR, VWR = Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR, Role.VIEWER

KINDS: dict[str, Kind] = {
    kind.code: kind
    for kind in [
        Kind(
            "operator_daily",
            _("Pengingat harian mencari fenomena"),
            (OPR,),
            Channel.INAPP,
            help_text=_("Setiap hari kerja pukul 08.00, kecuali akhir pekan dan hari libur."),
        ),
        Kind(
            "operator_weekly",
            _("Ringkasan mingguan input dan penolakan"),
            (OPR,),
            Channel.BOTH,
            help_text=_("Setiap Jumat: fenomena yang Anda input dan yang dikembalikan."),
        ),
        Kind(
            "supervisor_waiting",
            _("Pengingat mingguan pengajuan yang belum diperiksa"),
            (SPV, ADM),
            Channel.BOTH,
            help_text=_("Setiap Senin: pengajuan yang menunggu Anda lebih dari beberapa hari."),
        ),
        Kind(
            "arc_input",
            _("Pengingat ARC: indikator akan dirilis"),
            (OPR, SPV, ADM),
            Channel.BOTH,
            help_text=_("Beberapa hari sebelum rilis: input dan periksa fenomenanya."),
        ),
        Kind(
            "arc_release",
            _("Pengingat ARC: indikator dirilis hari ini"),
            (VWR,),
            Channel.INAPP,
            help_text=_("Pada hari rilis: pantau fenomena indikator tersebut."),
        ),
        Kind(
            "dossier_coverage",
            _("Pengingat fenomena kurang sebelum rilis"),
            (OPR,),
            Channel.BOTH,
            help_text=_(
                "Jika fenomena yang disetujui untuk rilis dalam dua minggu ke depan masih "
                "kurang, di wilayah Anda atau secara keseluruhan."
            ),
        ),
        Kind(
            "scrape_due",
            _("Pengingat menjalankan web scraping"),
            (ADM,),
            Channel.BOTH,
            help_text=_("Jika belum ada scraping yang berhasil dalam dua minggu terakhir."),
        ),
        Kind("scrape_failed", _("Web scraping gagal"), (ADM,), Channel.BOTH, optional=False),
        Kind(
            "scrape_results",
            _("Hasil web scraping siap diperiksa"),
            (SPV, ADM),
            Channel.BOTH,
            optional=False,
        ),
        Kind(
            "delegated_edit",
            _("Penugasan menyunting fenomena hasil scraping"),
            (OPR,),
            Channel.BOTH,
            optional=False,
        ),
        # Approval workflow events (sent by workflows/notify.py).
        Kind("submission_new", _("Pengajuan baru untuk diperiksa"), (SPV, ADM), Channel.BOTH),
        Kind(
            "phenomenon_approved",
            _("Fenomena Anda disetujui"),
            (OPR, ADM),
            Channel.BOTH,
        ),
        Kind(
            "phenomenon_rejected",
            _("Fenomena Anda ditolak"),
            (OPR, ADM),
            Channel.BOTH,
            optional=False,
        ),
        # Accounts (accounts app): a first SSO login waits for an admin; the answer.
        Kind(
            "account_request",
            _("Permintaan akses lewat SSO menunggu persetujuan"),
            (ADM,),
            Channel.BOTH,
            optional=False,
        ),
        # Sent once, to the account just approved: no role's preference page lists it.
        Kind(
            "account_approved",
            _("Akses SIMFONI Anda disetujui"),
            (),
            Channel.BOTH,
            optional=False,
        ),
        # Viewers: one digest of the newly approved phenomena, not one notice per approval.
        Kind(
            "phenomenon_published",
            _("Ringkasan fenomena baru disetujui (pemantauan)"),
            (VWR,),
            Channel.BOTH,
            help_text=_(
                "Satu ringkasan fenomena yang baru disetujui: harian (setiap pagi, fenomena "
                "kemarin) atau mingguan (setiap Senin, fenomena minggu lalu)."
            ),
            digest=True,
        ),
        # Error reports (reports app): a new report for its reviewers and the admins; the
        # outcome for whoever reported it (any role).
        Kind(
            "error_report_new",
            _("Laporan kesalahan pada fenomena yang disetujui"),
            (SPV, ADM),
            Channel.BOTH,
            optional=False,
        ),
        Kind(
            "error_report_resolved",
            _("Hasil laporan kesalahan Anda"),
            (OPR, SPV, ADM, VWR),
            Channel.INAPP,
        ),
    ]
}


def kinds_for_role(role: str | None) -> list[Kind]:
    return [kind for kind in KINDS.values() if role in kind.roles]


def get_kind(code: str) -> Kind:
    try:
        return KINDS[code]
    except KeyError:
        raise ValueError(f"Unknown notification kind: {code!r}") from None
