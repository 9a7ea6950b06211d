"""Workflow fixtures: a small office with allocations."""

from types import SimpleNamespace

import pytest
from wf_helpers import theme

from phenomena.models import Role, Subject
from workflows.models import SupervisorAllocation


@pytest.fixture
def people(make_user):
    """A small office: operators, supervisors with allocations, viewers, two admins.

    Allocations: spv_inflasi → Harga-harga (Inflasi); spv_wisata → Pariwisata (both Ekonomi);
    spv_kerja → Tenaga Kerja (Sosial). Nobody is allocated to any Lingkungan theme.
    """
    p = SimpleNamespace(
        admin=make_user("admin1", Role.ADMIN, "fungsi-ipds"),
        admin2=make_user("admin2", Role.ADMIN, "fungsi-ipds"),
        op=make_user("opsos2", Role.OPERATOR, "fungsi-sosial-2"),
        op_3172=make_user("op3172", Role.OPERATOR, "bps-3172"),
        op_3171=make_user("op3171", Role.OPERATOR, "bps-3171"),
        spv_inflasi=make_user("spvinflasi", Role.SUPERVISOR, "fungsi-distribusi-1"),
        spv_wisata=make_user("spvwisata", Role.SUPERVISOR, "fungsi-distribusi-1"),
        spv_kerja=make_user("spvkerja", Role.SUPERVISOR, "fungsi-sosial-1"),
        spv_3172=make_user("spv3172", Role.SUPERVISOR, "bps-3172"),
        spv_3171=make_user("spv3171", Role.SUPERVISOR, "bps-3171"),
        viewer=make_user("viewerprov", Role.VIEWER, "fungsi-ipds"),
        viewer_3172=make_user("viewer3172", Role.VIEWER, "bps-3172"),
        viewer_3171=make_user("viewer3171", Role.VIEWER, "bps-3171"),
    )
    for user, name in [
        (p.spv_inflasi, "Harga-harga (Inflasi)"),
        (p.spv_wisata, "Pariwisata"),
        (p.spv_kerja, "Tenaga Kerja"),
    ]:
        SupervisorAllocation.objects.create(supervisor=user, theme=theme(name))
    return p


@pytest.fixture
def subject_of():
    return lambda code: Subject.objects.get(code=code)
