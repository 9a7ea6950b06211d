"""Each routing rule, the fallbacks, self-approval, and that the queue agrees with routing."""

import pytest
from wf_helpers import submit, theme

from phenomena.models import Role, WorkUnit
from phenomena.roles import assign_role
from tests.factories import PhenomenonFactory
from workflows.models import SupervisorAllocation
from workflows.routing import (
    RULE_ADMIN,
    RULE_KABKOTA,
    RULE_SUBJECT,
    RULE_THEME,
    can_review,
    reviewers_for,
    route,
)
from workflows.views import waiting_for


def names(users):
    return sorted(u.username for u in users)


def test_kabkota_phenomenon_goes_to_that_kabkotas_supervisors(people):
    phenomenon = PhenomenonFactory(author=people.op_3172, area="3172")
    result = route(phenomenon)
    assert result.rule == RULE_KABKOTA
    assert names(result.reviewers) == ["spv3172"]
    assert can_review(people.spv_3172, phenomenon)
    assert not can_review(people.spv_3171, phenomenon)
    # the province supervisor of the theme is not asked for a kab/kota phenomenon
    assert not can_review(people.spv_inflasi, phenomenon)


def test_province_phenomenon_goes_to_supervisors_allocated_to_its_theme(people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    result = route(phenomenon)
    assert result.rule == RULE_THEME
    assert names(result.reviewers) == ["spvinflasi"]
    assert not can_review(people.spv_wisata, phenomenon)
    assert not can_review(people.spv_kerja, phenomenon)
    assert not can_review(people.spv_3172, phenomenon)


def test_theme_allocated_to_two_supervisors_goes_to_both(people):
    SupervisorAllocation.objects.create(
        supervisor=people.spv_wisata, theme=theme("Harga-harga (Inflasi)")
    )
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    assert names(reviewers_for(phenomenon)) == ["spvinflasi", "spvwisata"]


def test_unallocated_theme_goes_to_supervisors_of_its_subject(people):
    # Nobody is allocated to "PMTB dan Investasi" (Ekonomi): the Ekonomi supervisors review it.
    phenomenon = PhenomenonFactory(author=people.op, theme="PMTB dan Investasi")
    result = route(phenomenon)
    assert result.rule == RULE_SUBJECT
    assert names(result.reviewers) == ["spvinflasi", "spvwisata"]
    assert not can_review(people.spv_kerja, phenomenon)  # Sosial


def test_unallocated_subject_goes_to_admins(people):
    # Nobody is allocated to any Lingkungan theme in this office.
    phenomenon = PhenomenonFactory(author=people.op, theme="Gender")
    result = route(phenomenon)
    assert result.rule == RULE_ADMIN
    assert names(result.reviewers) == ["admin1", "admin2"]
    assert not any(can_review(u, phenomenon) for u in [people.spv_inflasi, people.spv_kerja])


def test_kabkota_without_supervisors_goes_to_admins(people):
    assign_role(people.spv_3172, Role.VIEWER, WorkUnit.objects.get(code="bps-3172"))
    phenomenon = PhenomenonFactory(author=people.op_3172, area="3172")
    result = route(phenomenon)
    assert result.rule == RULE_ADMIN
    assert names(result.reviewers) == ["admin1", "admin2"]


def test_allocation_of_a_former_supervisor_does_not_count(people):
    assign_role(people.spv_inflasi, Role.VIEWER, WorkUnit.objects.get(code="fungsi-ipds"))
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    # the theme is now unallocated: its subject's remaining supervisor takes it
    assert names(reviewers_for(phenomenon)) == ["spvwisata"]
    assert not can_review(people.spv_inflasi, phenomenon)


def test_admins_can_always_act_but_nobody_approves_their_own(people):
    phenomenon = PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)")
    assert can_review(people.admin, phenomenon)  # not routed to admins, still allowed
    own = PhenomenonFactory(author=people.admin, theme="Gender")  # routed to admins
    assert names(reviewers_for(own)) == ["admin2"]
    assert not can_review(people.admin, own)
    assert can_review(people.admin2, own)
    assert not can_review(people.op, phenomenon)  # operators never review


def test_viewer_and_operator_never_review(people):
    phenomenon = PhenomenonFactory(author=people.op_3172, area="3172")
    assert not can_review(people.viewer_3172, phenomenon)
    assert not can_review(people.op_3171, phenomenon)


@pytest.mark.parametrize("theme_name", ["Harga-harga (Inflasi)", "PMTB dan Investasi", "Gender"])
def test_every_submission_reaches_somebody(people, theme_name):
    assert reviewers_for(PhenomenonFactory(author=people.op, theme=theme_name)).exists()


def test_queue_of_each_user_matches_routing(people):
    phenomena = [
        PhenomenonFactory(author=people.op, theme="Harga-harga (Inflasi)"),
        PhenomenonFactory(author=people.op, theme="Pariwisata"),
        PhenomenonFactory(author=people.op, theme="PMTB dan Investasi"),
        PhenomenonFactory(author=people.op, theme="Tenaga Kerja"),
        PhenomenonFactory(author=people.op, theme="Gender"),
        PhenomenonFactory(author=people.op_3172, area="3172"),
        PhenomenonFactory(author=people.op_3171, area="3171"),
        PhenomenonFactory(author=people.admin, theme="Lingkungan"),
    ]
    for phenomenon in phenomena:
        submit(phenomenon)
    for user in vars(people).values():
        queued = {state.phenomenon_id for state in waiting_for(user)}
        expected = {p.pk for p in phenomena if can_review(user, p)}
        assert queued == expected, user.username
    assert {s.phenomenon_id for s in waiting_for(people.spv_inflasi)} == {
        phenomena[0].pk,
        phenomena[2].pk,
    }
