"""Reports fixtures: a small office (allocated supervisors, kab/kota supervisors, admins)."""

from types import SimpleNamespace

import pytest

from phenomena.models import Role, Theme
from tests.factories import PhenomenonFactory
from workflows.models import SupervisorAllocation


@pytest.fixture
def office(make_user):
    p = SimpleNamespace(
        admin=make_user("admin1", Role.ADMIN, "fungsi-ipds"),
        admin2=make_user("admin2", Role.ADMIN, "fungsi-ipds"),
        op=make_user("opsos2", Role.OPERATOR, "fungsi-sosial-2"),
        op_3172=make_user("op3172", Role.OPERATOR, "bps-3172"),
        spv_inflasi=make_user("spvinflasi", Role.SUPERVISOR, "fungsi-distribusi-1"),
        spv_wisata=make_user("spvwisata", Role.SUPERVISOR, "fungsi-distribusi-1"),
        spv_3172=make_user("spv3172", Role.SUPERVISOR, "bps-3172"),
        viewer=make_user("viewerprov", Role.VIEWER, "fungsi-ipds"),
    )
    SupervisorAllocation.objects.create(
        supervisor=p.spv_inflasi, theme=Theme.objects.get(name="Harga-harga (Inflasi)")
    )
    SupervisorAllocation.objects.create(
        supervisor=p.spv_wisata, theme=Theme.objects.get(name="Pariwisata")
    )
    return p


@pytest.fixture
def approved(office):
    """An approved province phenomenon on inflation (reviewed by spv_inflasi)."""
    return PhenomenonFactory(
        author=office.op, theme="Harga-harga (Inflasi)", published=True, title="Harga cabai naik"
    )
