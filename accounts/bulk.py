"""Bulk creation of accounts from a CSV file: every row checked first (a dry run shows what
would happen per row), then created together in one transaction.

Columns (header row required, order free): username, email, first_name, last_name, nip, role,
work_unit, password. `role` is Admin / Supervisor / Operator / Viewer; `work_unit` the work
unit's code or name. Without a password the account signs in through SSO only.
"""

import csv
import io
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from phenomena.models import Role, WorkUnit
from phenomena.roles import assign_role

from .models import StaffIdentity

User = get_user_model()
REQUIRED = ["username", "email", "role", "work_unit"]
COLUMNS = ["username", "email", "first_name", "last_name", "nip", "role", "work_unit", "password"]
MAX_ROWS = 2000


@dataclass
class Row:
    number: int
    values: dict
    errors: list = field(default_factory=list)
    work_unit: object = None
    role: str = ""

    @property
    def ok(self):
        return not self.errors


class CsvProblem(Exception):
    pass


def read_csv(text: str) -> list[dict]:
    sample = text[:2048]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    headers = [(h or "").strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in headers]
    if missing:
        raise CsvProblem(
            _("Kolom wajib tidak ada: %(cols)s. Baris pertama harus berisi nama kolom: %(all)s.")
            % {"cols": ", ".join(missing), "all": ", ".join(COLUMNS)}
        )
    rows = []
    for raw in reader:
        values = {
            (k or "").strip().lower(): (v or "").strip()
            for k, v in raw.items()
            if k and not isinstance(v, list)
        }
        if any(values.values()):
            rows.append(values)
    if not rows:
        raise CsvProblem(_("Berkas tidak berisi baris akun."))
    if len(rows) > MAX_ROWS:
        raise CsvProblem(_("Paling banyak %(n)s akun sekali unggah.") % {"n": MAX_ROWS})
    return rows


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CsvProblem(_("Berkas bukan teks CSV."))


def check(text: str) -> list[Row]:
    """Every row with its problems (in Indonesian); nothing is written."""
    units = {u.code.lower(): u for u in WorkUnit.objects.all()}
    units_by_name = {u.name.lower(): u for u in units.values()}
    roles = {r.value.lower(): r.value for r in Role} | {str(r.label).lower(): r.value for r in Role}
    seen_usernames, seen_emails, seen_nips = {}, {}, {}
    rows = []
    for number, values in enumerate(read_csv(text), start=2):
        row = Row(number, values)
        add = row.errors.append
        username, email, nip = (
            values.get("username", ""),
            values.get("email", ""),
            values.get("nip", ""),
        )
        if not username:
            add(_("Nama pengguna kosong."))
        elif User.objects.filter(username__iexact=username).exists():
            add(_("Nama pengguna %(u)s sudah dipakai.") % {"u": username})
        elif username.lower() in seen_usernames:
            add(
                _("Nama pengguna %(u)s sama dengan baris %(n)s.")
                % {"u": username, "n": seen_usernames[username.lower()]}
            )
        else:
            try:
                User._meta.get_field("username").run_validators(username)
            except ValidationError:
                add(_("Nama pengguna hanya boleh huruf, angka dan @ . + - _"))
        if not email:
            add(_("E-mail kosong."))
        else:
            try:
                validate_email(email)
            except ValidationError:
                add(_("E-mail %(e)s tidak valid.") % {"e": email})
            else:
                if User.objects.filter(email__iexact=email).exists():
                    add(_("E-mail %(e)s sudah dipakai akun lain.") % {"e": email})
                elif email.lower() in seen_emails:
                    add(
                        _("E-mail %(e)s sama dengan baris %(n)s.")
                        % {"e": email, "n": seen_emails[email.lower()]}
                    )
        if nip:
            if StaffIdentity.objects.filter(staff_id=nip).exists():
                add(_("NIP %(nip)s sudah dipakai akun lain.") % {"nip": nip})
            elif nip in seen_nips:
                add(_("NIP %(nip)s sama dengan baris %(n)s.") % {"nip": nip, "n": seen_nips[nip]})
        row.role = roles.get(values.get("role", "").lower(), "")
        if not row.role:
            add(
                _("Peran %(r)s tidak dikenal; pilih Admin, Supervisor, Operator atau Viewer.")
                % {"r": values.get("role", "") or "(kosong)"}
            )
        unit_key = values.get("work_unit", "").lower()
        row.work_unit = units.get(unit_key) or units_by_name.get(unit_key)
        if row.work_unit is None:
            add(
                _("Satuan kerja %(w)s tidak dikenal (tulis kode atau namanya).")
                % {"w": values.get("work_unit", "") or "(kosong)"}
            )
        elif row.role == Role.ADMIN and row.work_unit.is_kabkota:
            add(_("Admin hanya ada di tingkat provinsi."))
        password = values.get("password", "")
        if password:
            candidate = User(
                username=username,
                email=email,
                first_name=values.get("first_name", ""),
                last_name=values.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password, candidate)
            except ValidationError as exc:
                add(_("Kata sandi ditolak: %(why)s") % {"why": " ".join(exc.messages)})
        seen_usernames.setdefault(username.lower(), number)
        seen_emails.setdefault(email.lower(), number)
        if nip:
            seen_nips.setdefault(nip, number)
        rows.append(row)
    return rows


@transaction.atomic
def create(rows: list[Row]) -> list:
    """Create the accounts of rows that all passed `check` (refuses if any did not)."""
    if not rows or any(not row.ok for row in rows):
        raise CsvProblem(_("Perbaiki baris yang bermasalah dulu; tidak ada akun yang dibuat."))
    users = []
    for row in rows:
        v = row.values
        user = User(
            username=v["username"],
            email=v["email"],
            first_name=v.get("first_name", "")[:150],
            last_name=v.get("last_name", "")[:150],
        )
        if v.get("password"):
            user.set_password(v["password"])
        else:
            user.set_unusable_password()
        user.save()
        StaffIdentity.objects.create(user=user, staff_id=v.get("nip") or None)
        assign_role(user, row.role, row.work_unit)
        users.append(user)
    return users
