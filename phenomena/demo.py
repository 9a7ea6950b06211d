"""Demo data: one account per role and level, and several hundred realistic phenomena.

Used by `manage.py load_demo` (and so by `make run`). Everything goes through the same domain
functions as real input: `assign_role` for accounts, `phenomena.services` (`create_phenomenon`
as the operator, `publish` as the admin) for phenomena, under the same input rules and duplicate
check (an item whose outlets belong to several work units is the admin's); an item the rules
or the duplicate check still refuse is skipped and counted.
"""

import csv
import datetime
import random
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from . import demo_content, lifecycle, services
from .models import (
    Indicator,
    Level,
    Outlet,
    Phenomenon,
    ReleaseDate,
    Role,
    Scope,
    SourceType,
    Subject,
    Theme,
    WorkUnit,
)
from .reference_data import MONTH_COLUMNS, REFERENCE_DIR
from .roles import assign_role

DEMO_PASSWORD = "simfoni123"
# Generated stories on the same theme and month look alike; the demo keeps both.
DEMO_NOT_DUPLICATE = "Data demo: fenomena berbeda yang dibuat otomatis."
# What the demo admin approves of their own input (sources of several work units).
DEMO_SELF_APPROVAL = "Data demo: sumber dari beberapa satuan kerja, diinput admin."

# Supervisors of the allocation sheet sit in the province fungsi of their subject.
SUPERVISOR_UNITS = {
    "Statistik Demografi dan Sosial": "fungsi-sosial-1",
    "Statistik Ekonomi": "fungsi-distribusi-1",
    "Statistik Lingkungan Hidup dan Multi-Domain": "fungsi-nerwilis-1",
}


# The content generator writes finer sub-themes for two combined BPS themes.
COMBINED_THEMES = {
    "Pertanian": "Pertanian, Kehutanan, Perikanan",
    "Kehutanan": "Pertanian, Kehutanan, Perikanan",
    "Perikanan": "Pertanian, Kehutanan, Perikanan",
    "Pertambangan": "Pertambangan, Manufaktur, Konstruksi",
    "Manufaktur": "Pertambangan, Manufaktur, Konstruksi",
    "Konstruksi": "Pertambangan, Manufaktur, Konstruksi",
}


@dataclass
class DemoAccount:
    username: str
    role: str
    unit: str
    name: str


def demo_accounts() -> list[DemoAccount]:
    """The demo accounts: every role at province level, and at each kab/kota."""
    accounts = [
        DemoAccount("admin", Role.ADMIN, "fungsi-ipds", "Admin IPDS"),
        DemoAccount("operator", Role.OPERATOR, "fungsi-sosial-2", "Operator Sosial 2"),
        DemoAccount("supervisor", Role.SUPERVISOR, "fungsi-distribusi-1", "Supervisor Provinsi"),
        DemoAccount("viewer", Role.VIEWER, "fungsi-ipds", "Viewer Provinsi"),
    ]
    for unit in WorkUnit.objects.filter(level=Level.PROVINSI).exclude(code="fungsi-ipds"):
        if unit.code != "fungsi-sosial-2":
            suffix = unit.code.removeprefix("fungsi-").replace("-", "")
            accounts.append(
                DemoAccount(f"op.{suffix}", Role.OPERATOR, unit.code, f"Operator {unit.name}")
            )
    with open(REFERENCE_DIR / "supervisor_allocation.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            number = row["supervisor"].split()[-1]
            unit = SUPERVISOR_UNITS.get(row["subject"], "fungsi-ipds")
            accounts.append(DemoAccount(f"spv{number}", Role.SUPERVISOR, unit, row["supervisor"]))
    for unit in WorkUnit.objects.filter(level=Level.KABKOTA).select_related("area"):
        code = unit.area.code
        for role, prefix in [
            (Role.OPERATOR, "op"),
            (Role.SUPERVISOR, "spv"),
            (Role.VIEWER, "viewer"),
        ]:
            accounts.append(
                DemoAccount(f"{prefix}.{code}", role, unit.code, f"{role} {unit.area.label}")
            )
    return accounts


def create_accounts() -> dict[str, object]:
    User = get_user_model()
    users = {}
    for account in demo_accounts():
        first, _, last = account.name.partition(" ")
        user, created = User.objects.get_or_create(
            username=account.username,
            defaults={
                "email": f"{account.username}@demo.simfoni",
                "first_name": first,
                "last_name": last,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        assign_role(user, account.role, WorkUnit.objects.get(code=account.unit))
        users[account.username] = user
    return users


def project_arc(years: list[int]) -> int:
    """Demo assumption: the 2024 ARC release days repeat in the years shown on the dashboard."""
    created = 0
    with open(REFERENCE_DIR / "arc_2024.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            indicator = Indicator.objects.get(name=row["indicator"])
            for year in years:
                for month, column in enumerate(MONTH_COLUMNS, start=1):
                    if (row[column] or "").strip():
                        date = datetime.date(year, month, int(row[column]))
                        created += ReleaseDate.objects.get_or_create(
                            indicator=indicator, date=date
                        )[1]
    return created


class DemoBuilder:
    """Turns generated demo content into phenomena entered by the right demo operators."""

    def __init__(self, users, today, rng):
        self.users, self.today, self.rng = users, today, rng
        self.source_types = {s.code: s for s in SourceType.objects.all()}
        self.outlets = {o.name: o for o in Outlet.objects.select_related("work_unit")}
        self.scopes = {s.code: s for s in Scope.objects.all()}
        self.subjects = {s.code: s for s in Subject.objects.all()}
        self.themes = {(t.subject.code, t.name): t for t in Theme.objects.select_related("subject")}
        self.indicators = {i.name: i for i in Indicator.objects.all()}
        self.operators_by_unit = {}
        self.skipped = {"rules": 0, "duplicates": 0}
        for user in users.values():
            profile = user.simfoni_profile
            if profile.role == Role.OPERATOR:
                self.operators_by_unit.setdefault(profile.work_unit.code, []).append(user)

    def author_for(self, item):
        """Who may input ``item`` under the input rules: the kab/kota's operator, or an
        operator of the province unit all of its outlets are allocated to; the admin when its
        outlets belong to several units (no operator may input them all)."""
        if item["level"] == Level.KABKOTA:
            return self.users.get(f"op.{item['kabkota']}")
        units = {
            self.outlets[src["outlet"]].work_unit.code
            for src in item["sources"]
            if src.get("outlet")
        }
        if len(units) > 1:
            return self.users["admin"]
        if units:
            operators = self.operators_by_unit.get(units.pop())
            return self.rng.choice(operators) if operators else None
        province_units = [u for u in self.operators_by_unit if not u.startswith("bps-")]
        return self.rng.choice(self.operators_by_unit[self.rng.choice(sorted(province_units))])

    def input_for(self, item) -> services.PhenomenonInput:
        return services.PhenomenonInput(
            title=item["title"],
            narrative=item["narrative"],
            reference_period=datetime.date(item["reference_year"], item["reference_month"], 1),
            scope=self.scopes[item["scope"]],
            area=self.scopes[item["kabkota"]] if item.get("kabkota") else None,
            subject=self.subjects[item["subject"]],
            theme=self.themes[(item["subject"], COMBINED_THEMES.get(item["theme"], item["theme"]))],
            keywords=list(item["keywords"]),
            sources=[
                services.SourceData(
                    source_type=self.source_types[src["source_type"]],
                    outlet=self.outlets[src["outlet"]] if src.get("outlet") else None,
                    url=src.get("url") or "",
                    source_date=src["date"],
                )
                for src in item["sources"]
            ],
            indicators=[
                services.IndicatorData(indicator=self.indicators[name], direction=direction)
                for name, direction in item["indicators"]
            ],
        )

    def build(self, item, approve: bool) -> Phenomenon | None:
        """Input ``item`` through the services as its operator (approved by the admin when
        ``approve``); None, counted in ``skipped``, when the rules or the duplicate check
        refuse it."""
        author = self.author_for(item)
        if author is None:
            self.skipped["rules"] += 1
            return None
        first_date = min(s["date"] for s in item["sources"])
        created = timezone.make_aware(
            datetime.datetime.combine(first_date, datetime.time(9))
            + datetime.timedelta(hours=self.rng.randint(1, 40))
        )
        created = min(created, timezone.now())
        try:
            with transaction.atomic():
                phenomenon = services.create_phenomenon(
                    author, self.input_for(item), not_duplicate_reason=DEMO_NOT_DUPLICATE
                )
        except services.DuplicateError:
            self.skipped["duplicates"] += 1
            return None
        except ValidationError:
            self.skipped["rules"] += 1
            return None
        if approve:
            admin = self.users["admin"]
            reason = DEMO_SELF_APPROVAL if author == admin else ""
            services.publish(admin, phenomenon, reason=reason)
        Phenomenon.objects.filter(pk=phenomenon.pk).update(created_at=created)
        return phenomenon


@lifecycle.quietly()  # bulk load: bookkeeping and in-app notices yes, e-mail no
@transaction.atomic
def load_demo(count: int = 420, seed: int = 2024, today: datetime.date | None = None) -> dict:
    """Create the demo accounts and `count` phenomena (about 85% approved). Idempotent."""
    today = today or timezone.localdate()
    users = create_accounts()
    arc = project_arc([today.year - 1, today.year, today.year + 1])
    if Phenomenon.objects.exists():
        return run_demo_steps(users, [], {"accounts": len(users), "phenomena": 0, "arc": arc})
    rng = random.Random(seed)
    builder = DemoBuilder(users, today, rng)
    items = demo_content.generate(count, today=today, seed=seed)
    built = [builder.build(item, approve=rng.random() < 0.85) for item in items]
    created = [phenomenon for phenomenon in built if phenomenon is not None]
    result = {"accounts": len(users), "phenomena": len(created), "arc": arc}
    if builder.skipped["rules"]:
        result["skipped_by_rules"] = builder.skipped["rules"]
    if builder.skipped["duplicates"]:
        result["skipped_as_duplicates"] = builder.skipped["duplicates"]
    return run_demo_steps(users, created, result)


def run_demo_steps(users, created, result: dict) -> dict:
    """Other apps' demo steps (settings.SIMFONI_DEMO_STEPS), e.g. submitting drafts for review."""
    for path in getattr(settings, "SIMFONI_DEMO_STEPS", []):
        result.update(import_string(path)(users, created))
    return result
