"""Who gets which reminder, and when: pure functions of the database and a moment `now`.

Each rule returns `Reminder`s; `reminders.tasks` sends them once each (`delivery.send_once`),
keyed by the occasion (day, ISO week, indicator release), so running a job twice, or again after
a crash, sends nothing twice. Days are Asia/Jakarta days (`TIME_ZONE`).
"""

import contextlib
import datetime
import functools
from collections import defaultdict
from dataclasses import dataclass, field

import holidays
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import TaskState, WorkflowState

from alerts.delivery import frequency_for
from alerts.kinds import Frequency
from phenomena.dates import long_day
from phenomena.models import Level, Phenomenon, ReleaseDate, Role

from . import audience
from .models import Holiday, ScrapeStatus, SentReminder


@dataclass
class Reminder:
    user: object
    kind: str
    key: str
    verb: str
    description: str
    url: str | None = None
    lines: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- calendar


def local_day(now: datetime.datetime) -> datetime.date:
    return timezone.localdate(now)


def format_day(day: datetime.date) -> str:
    """'Senin, 20 April 2026' (in the active language: 'Monday, 20 April 2026')."""
    return long_day(day)


def week_key(day: datetime.date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


@functools.lru_cache(maxsize=16)
def national_holidays(year: int, country: str) -> dict:
    return dict(holidays.country_holidays(country, years=year))


def holiday_name(day: datetime.date) -> str | None:
    """The holiday's name if `day` is a national public holiday or an admin-added one."""
    extra = Holiday.objects.filter(date=day).values_list("name", flat=True).first()
    if extra:
        return extra
    return national_holidays(day.year, settings.REMINDER_HOLIDAY_COUNTRY).get(day)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


# ---------------------------------------------------------------------------- helpers


def _phenomenon_content_type():
    return ContentType.objects.get_for_model(Phenomenon)


def _add_url():
    return reverse("wagtailsnippets_phenomena_phenomenon:add")


def _edit_url(phenomenon):
    return reverse("wagtailsnippets_phenomena_phenomenon:edit", args=[phenomenon.pk])


# ---------------------------------------------------------------------------- operators


def operator_daily(now) -> list[Reminder]:
    """Every operator, on working days only (not weekends, national or extra holidays)."""
    day = local_day(now)
    if not is_working_day(day):
        return []
    return [
        Reminder(
            user=user,
            kind="operator_daily",
            key=day.isoformat(),
            verb=_("Saatnya mencari fenomena hari ini"),
            description=_(
                "Selamat pagi! Sudahkah Anda mencari fenomena hari ini (%(day)s)? "
                "Input fenomena yang Anda temukan di SIMFONI."
            )
            % {"day": format_day(day)},
            url=_add_url(),
        )
        for user in audience.users_with_role(Role.OPERATOR)
    ]


def rejected_task_states(since, until):
    """Review tasks of phenomena rejected in [since, until)."""
    return (
        TaskState.objects.filter(
            status=TaskState.STATUS_REJECTED,
            finished_at__gte=since,
            finished_at__lt=until,
            workflow_state__base_content_type=_phenomenon_content_type(),
        )
        .select_related("workflow_state")
        .order_by("finished_at")
    )


def operator_weekly(now) -> list[Reminder]:
    """Every operator: one digest of the past 7 days — what they entered, what came back."""
    since = now - datetime.timedelta(days=7)
    entered = defaultdict(list)
    for phenomenon in Phenomenon.objects.filter(
        created_at__gte=since, created_at__lt=now, author__isnull=False
    ).order_by("created_at"):
        entered[phenomenon.author_id].append(phenomenon)
    rejected = defaultdict(list)
    states = list(rejected_task_states(since, now))
    by_pk = Phenomenon.objects.in_bulk([int(s.workflow_state.object_id) for s in states])
    for state in states:
        phenomenon = by_pk.get(int(state.workflow_state.object_id))
        if phenomenon is not None and phenomenon.author_id:
            rejected[phenomenon.author_id].append((phenomenon, state))

    key = week_key(local_day(now))
    reminders = []
    for user in audience.users_with_role(Role.OPERATOR):
        mine, returned = entered[user.pk], rejected[user.pk]
        lines = [
            _("Diinput: %(title)s (%(day)s)")
            % {"title": p.title, "day": format_day(local_day(p.created_at))}
            for p in mine
        ]
        for phenomenon, state in returned:
            line = _("Ditolak: %(title)s") % {"title": phenomenon.title}
            if state.comment:
                line += f" — {state.comment}"
            lines.append(line)
        description = ngettext(
            "Dalam 7 hari terakhir Anda menginput %(n)d fenomena",
            "Dalam 7 hari terakhir Anda menginput %(n)d fenomena",
            len(mine),
        ) % {"n": len(mine)}
        description += "; " + (
            _("%(n)d dikembalikan untuk diperbaiki.") % {"n": len(returned)}
            if returned
            else _("tidak ada yang ditolak.")
        )
        reminders.append(
            Reminder(
                user=user,
                kind="operator_weekly",
                key=key,
                verb=_("Ringkasan mingguan fenomena Anda"),
                description=description,
                url=reverse("wagtailsnippets_phenomena_phenomenon:list"),
                lines=lines,
            )
        )
    return reminders


# ---------------------------------------------------------------------------- supervisors


def waiting_submissions(now, days: int):
    """(phenomenon, task state) of review tasks in progress for more than `days` days."""
    states = list(
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            started_at__lte=now - datetime.timedelta(days=days),
            workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
            workflow_state__base_content_type=_phenomenon_content_type(),
        )
        .select_related("workflow_state")
        .order_by("started_at")
    )
    by_pk = Phenomenon.objects.select_related("work_unit", "author").in_bulk(
        [int(s.workflow_state.object_id) for s in states]
    )
    return [
        (by_pk[int(s.workflow_state.object_id)], s)
        for s in states
        if int(s.workflow_state.object_id) in by_pk
    ]


def supervisor_waiting(now, days: int | None = None) -> list[Reminder]:
    """Each reviewer with submissions waiting longer than `days`: one digest listing them."""
    days = settings.REMINDER_SUPERVISOR_WAITING_DAYS if days is None else days
    waiting = defaultdict(list)
    users = {}
    for phenomenon, state in waiting_submissions(now, days):
        for reviewer in audience.reviewers_for(phenomenon):
            users[reviewer.pk] = reviewer
            waiting[reviewer.pk].append((phenomenon, state))
    key = week_key(local_day(now))
    reminders = []
    for user_pk, items in waiting.items():
        lines = []
        for phenomenon, state in items:
            age = (local_day(now) - local_day(state.started_at)).days
            lines.append(
                _("%(title)s — menunggu %(days)d hari (diajukan oleh %(author)s)")
                % {
                    "title": phenomenon.title,
                    "days": age,
                    "author": phenomenon.author or "-",
                }
            )
        reminders.append(
            Reminder(
                user=users[user_pk],
                kind="supervisor_waiting",
                key=key,
                verb=_("%(n)d pengajuan menunggu pemeriksaan Anda") % {"n": len(items)},
                description=_("Pengajuan fenomena berikut sudah menunggu lebih dari %(days)d hari.")
                % {"days": days},
                url=reverse("wagtailadmin_home"),
                lines=lines,
            )
        )
    return reminders


# ---------------------------------------------------------------------------- viewers

VIEWER_DIGEST = "phenomenon_published"
DIGEST_LINES = 50  # a digest lists at most this many titles, then says how many more
# How far back a digest reaches when earlier ones were missed (the scheduler was down, or the
# viewer had turned it off): a week of daily digests, two weeks of weekly ones.
DIGEST_CATCH_UP = {Frequency.DAILY: 7, Frequency.WEEKLY: 14}


def local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def digest_period_end(frequency: str, today: datetime.date) -> datetime.date:
    """The (exclusive) last day a digest due today covers: today for a daily digest (it reports
    up to yesterday), this week's Monday for a weekly one (it reports the week before)."""
    if frequency == Frequency.WEEKLY:
        return today - datetime.timedelta(days=today.weekday())
    return today


def digest_key(frequency: str, end: datetime.date) -> str:
    return f"{frequency}:{end.isoformat()}"


def last_digest_end(user) -> datetime.date | None:
    """Up to which day the user's last viewer digest reported (from its `send_once` key)."""
    ends = []
    for key in SentReminder.objects.filter(user=user, kind=VIEWER_DIGEST).values_list(
        "key", flat=True
    ):
        with contextlib.suppress(ValueError):
            ends.append(datetime.date.fromisoformat(key.split(":", 1)[1]))
    return max(ends, default=None)


def news_for_viewer(user) -> Q:
    """The newly approved phenomena a viewer hears of: all of them for province viewers; for a
    kab/kota viewer, those about their kab/kota or entered by their office. (Viewers may see
    every approved phenomenon; the digest is about their own level.)"""
    unit = getattr(getattr(user, "simfoni_profile", None), "work_unit", None)
    if unit is None:
        return Q(pk__in=[])
    if unit.level != Level.KABKOTA:
        return Q()
    mine = Q(work_unit_id=unit.pk)
    if unit.area_id:
        mine |= Q(area_id=unit.area_id)
    return mine


def viewer_digest(now) -> list[Reminder]:
    """Each viewer, at their chosen frequency: one digest of the phenomena approved (first
    published) since their last digest, up to the start of today (daily) or of this week
    (weekly). Nothing new, nothing sent. Keyed by frequency and end day, so it is sent once."""
    today = local_day(now)
    reminders = []
    for user in audience.users_with_role(Role.VIEWER):
        frequency = frequency_for(user, VIEWER_DIGEST)
        if frequency == Frequency.OFF:
            continue
        end = digest_period_end(frequency, today)
        period = 7 if frequency == Frequency.WEEKLY else 1
        last_end = last_digest_end(user)
        if last_end is not None and last_end >= end:
            continue  # this period was already reported (perhaps under the other frequency)
        earliest = end - datetime.timedelta(days=DIGEST_CATCH_UP[frequency])
        start = max(last_end, earliest) if last_end else end - datetime.timedelta(days=period)
        news = list(
            Phenomenon.objects.filter(
                news_for_viewer(user),
                live=True,
                first_published_at__gte=local_midnight(start),
                first_published_at__lt=local_midnight(end),
            )
            .select_related("theme")
            .order_by("first_published_at", "pk")
        )
        if not news:
            continue
        last_day = end - datetime.timedelta(days=1)
        values = {
            "n": len(news),
            "start": format_day(start),
            "end": format_day(last_day),
        }
        if start == last_day:
            description = ngettext(
                "%(n)d fenomena baru disetujui pada %(start)s.",
                "%(n)d fenomena baru disetujui pada %(start)s.",
                len(news),
            )
        else:
            description = ngettext(
                "%(n)d fenomena baru disetujui dari %(start)s sampai %(end)s.",
                "%(n)d fenomena baru disetujui dari %(start)s sampai %(end)s.",
                len(news),
            )
        lines = [
            _("%(title)s (%(theme)s, %(period)s)")
            % {"title": p.title, "theme": p.theme, "period": p.reference_period_label}
            for p in news[:DIGEST_LINES]
        ]
        if len(news) > DIGEST_LINES:
            lines.append(
                _("… dan %(n)d fenomena lainnya (lihat di pencarian).")
                % {"n": len(news) - DIGEST_LINES}
            )
        verb = (
            _("Ringkasan mingguan: %(n)d fenomena baru disetujui")
            if frequency == Frequency.WEEKLY
            else _("Ringkasan harian: %(n)d fenomena baru disetujui")
        )
        reminders.append(
            Reminder(
                user=user,
                kind=VIEWER_DIGEST,
                key=digest_key(frequency, end),
                verb=verb % values,
                description=description % values,
                url=reverse("search:search"),
                lines=lines,
            )
        )
    return reminders


# ---------------------------------------------------------------------------- ARC


def arc_upcoming(now, days_before: int | None = None) -> list[Reminder]:
    """Releases in the next `days_before` days: every operator is reminded to input their
    phenomena, the supervisors of the indicator's themes to review them. A release is
    reminded once (keyed by indicator and date), so a day the job did not run is caught up."""
    days_before = settings.REMINDER_ARC_DAYS_BEFORE if days_before is None else days_before
    today = local_day(now)
    releases = (
        ReleaseDate.objects.filter(
            date__gt=today, date__lte=today + datetime.timedelta(days=days_before)
        )
        .select_related("indicator")
        .prefetch_related("indicator__themes")
        .order_by("date", "indicator__name")
    )
    operators = list(audience.users_with_role(Role.OPERATOR))
    reminders = []
    for release in releases:
        indicator = release.indicator
        key = f"{indicator.slug}:{release.date.isoformat()}"
        values = {
            "indicator": indicator.name,
            "day": format_day(release.date),
            "n": (release.date - today).days,
        }
        verb = _("ARC: %(indicator)s dirilis %(day)s") % values
        for user in operators:
            reminders.append(
                Reminder(
                    user,
                    "arc_input",
                    key,
                    verb,
                    _(
                        "%(indicator)s akan dirilis %(n)d hari lagi (%(day)s). Input fenomena "
                        "yang menjelaskan pergerakannya."
                    )
                    % values,
                    url=_add_url(),
                )
            )
        for user in audience.supervisors_for_themes(list(indicator.themes.all())):
            reminders.append(
                Reminder(
                    user,
                    "arc_input",
                    key,
                    verb,
                    _(
                        "%(indicator)s akan dirilis %(n)d hari lagi (%(day)s). Periksa "
                        "pengajuan fenomenanya."
                    )
                    % values,
                    url=reverse("wagtailadmin_home"),
                )
            )
    return reminders


def arc_release_day(now) -> list[Reminder]:
    """On release day, every viewer is reminded to monitor the indicator's phenomena."""
    today = local_day(now)
    releases = ReleaseDate.objects.filter(date=today).select_related("indicator")
    viewers = list(audience.users_with_role(Role.VIEWER))
    return [
        Reminder(
            user,
            "arc_release",
            f"{release.indicator.slug}:{today.isoformat()}",
            _("ARC: %(indicator)s dirilis hari ini") % {"indicator": release.indicator.name},
            _("%(indicator)s dirilis hari ini. Pantau fenomena yang menjelaskannya.")
            % {"indicator": release.indicator.name},
            url=reverse("wagtailsnippets_phenomena_phenomenon:list"),
        )
        for release in releases
        for user in viewers
    ]


# ---------------------------------------------------------------------------- scraping


def last_successful_scrape():
    return ScrapeStatus.get().last_success_at


def scrape_due(now, interval_days: int | None = None) -> list[Reminder]:
    """Admins, when no scrape has succeeded in the last `interval_days` (once a week)."""
    interval = settings.REMINDER_SCRAPE_INTERVAL_DAYS if interval_days is None else interval_days
    last = last_successful_scrape()
    if last is not None and now - last < datetime.timedelta(days=interval):
        return []
    if last is None:
        description = _("Web scraping belum pernah berhasil dijalankan.")
    else:
        description = _("Web scraping terakhir berhasil %(day)s, lebih dari %(n)d hari lalu.") % {
            "day": format_day(local_day(last)),
            "n": interval,
        }
    return [
        Reminder(
            user,
            "scrape_due",
            week_key(local_day(now)),
            _("Saatnya menjalankan web scraping"),
            description + " " + _("Jalankan web scraping dua mingguan."),
            url=reverse("wagtailadmin_home"),
        )
        for user in audience.users_with_role(Role.ADMIN)
    ]
