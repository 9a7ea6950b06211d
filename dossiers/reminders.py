"""Who is reminded of a coverage gap (audience by role is data here, as in reminders/rules.py).

Each release short of approved phenomena (`coverage.gaps`) reminds, once per release (keyed by
indicator and release day, through `reminders.delivery.send_once`):
* every province operator when the overall count is under the minimum;
* the operators of a kab/kota office when their kab/kota is under its minimum.
An operator concerned by both gets one reminder listing both gaps.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from phenomena.models import Level, Role
from reminders import audience
from reminders.rules import Reminder, format_day, local_day

from .coverage import gaps

KIND = "dossier_coverage"


def coverage_reminders(now, days=None) -> list[Reminder]:
    today = local_day(now)
    operators = list(audience.users_with_role(Role.OPERATOR))
    reminders = []
    for gap in gaps(today, days):
        release = gap.release
        values = {
            "indicator": gap.indicator.name,
            "day": format_day(release.date),
            "n": (release.date - today).days,
            "period": gap.period,
            "total": gap.total,
            "min": gap.minimum,
        }
        short_areas = {a.area.pk: a for a in gap.short_areas}
        for user in operators:
            unit = user.simfoni_profile.work_unit
            lines = []
            if unit.level == Level.KABKOTA:
                mine = short_areas.get(unit.area_id)
                if mine is not None:
                    lines.append(
                        _("%(area)s: baru %(count)d fenomena disetujui.")
                        % {"area": mine.area.label, "count": mine.count}
                    )
            elif gap.short_overall:
                lines.append(
                    _("Seluruh wilayah: baru %(total)d dari minimal %(min)d fenomena disetujui.")
                    % values
                )
            if not lines:
                continue
            reminders.append(
                Reminder(
                    user=user,
                    kind=KIND,
                    key=f"{gap.indicator.slug}:{release.date.isoformat()}",
                    verb=_("Fenomena %(indicator)s masih kurang sebelum rilis %(day)s") % values,
                    description=_(
                        "%(indicator)s dirilis %(n)d hari lagi (%(day)s). Fenomena periode "
                        "%(period)s yang disetujui masih kurang; input fenomena yang "
                        "menjelaskan pergerakannya."
                    )
                    % values,
                    url=reverse("wagtailsnippets_phenomena_phenomenon:add"),
                    lines=lines,
                )
            )
    return reminders
