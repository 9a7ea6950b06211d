"""The one write path (`phenomena.services`): rules per role, the duplicate check, stamping,
revisions / log entries / workflow states as the admin writes them, events once after commit,
nothing written on a refusal."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry, Revision, WorkflowState

from phenomena import lifecycle, services
from phenomena.models import (
    DuplicateDecision,
    Indicator,
    Outlet,
    Phenomenon,
    Role,
    Scope,
    SourceType,
    Subject,
    Theme,
)
from tests.conftest import last_month

STORY_URL = "https://money.kompas.com/read/2026/10/01/cabai-merah-naik"
NARRATIVE = (
    "Harga cabai merah di pasar-pasar tradisional Jakarta naik 20 persen karena pasokan dari "
    "sentra produksi berkurang akibat musim hujan. Pedagang di Pasar Induk Kramat Jati menyebut "
    "harga mencapai Rp80.000 per kilogram."
)
SAME_STORY = (
    "Pasokan dari sentra produksi berkurang akibat musim hujan sehingga harga cabai merah di "
    "pasar-pasar tradisional Jakarta naik 20 persen. Pedagang di Pasar Induk Kramat Jati "
    "menyebut harga mencapai Rp80.000 per kilogram. Baca juga: Harga beras stabil."
)


def news(url=STORY_URL, outlet="Kompas.com"):
    return services.SourceData(
        source_type=SourceType.objects.get(code="portal_berita"),
        outlet=Outlet.objects.get(name=outlet),
        url=url,
        source_date=last_month(5),
    )


def fgd():
    return services.SourceData(
        source_type=SourceType.objects.filter(allowed_for_kabkota=True, needs_outlet=False)
        .order_by("pk")
        .first(),
        source_date=last_month(5),
    )


def data(**changes):
    subject = Subject.objects.get(code="ekonomi")
    values = dict(
        title="Harga cabai merah di Jakarta naik 20 persen menjelang akhir tahun",
        narrative=NARRATIVE,
        reference_period=last_month(),
        scope=Scope.objects.get(code="dki"),
        subject=subject,
        theme=Theme.objects.get(subject=subject, name="Harga-harga (Inflasi)"),
        keywords=["cabai merah", "inflasi"],
        sources=[news()],
        indicators=[],
    )
    values.update(changes)
    return services.PhenomenonInput(**values)


def other_story(**changes):
    values = dict(
        title="Kunjungan wisman ke Jakarta turun 12 persen setelah libur panjang",
        narrative="Jumlah kunjungan wisatawan mancanegara ke Jakarta turun 12 persen dibanding "
        "bulan sebelumnya setelah libur panjang berakhir.",
        sources=[news(url="https://www.kompas.com/read/2026/10/02/wisman-turun")],
    )
    return data(**{**values, **changes})


@pytest.fixture
def received():
    seen = []

    def handler(event):
        seen.append(event)

    for name in lifecycle.EVENTS:
        lifecycle.subscribe(name, handler)
    yield seen
    for name in lifecycle.EVENTS:
        lifecycle._subscribers[name].remove(handler)


def log_actions(phenomenon):
    return list(
        ModelLogEntry.objects.for_instance(phenomenon)
        .order_by("pk")
        .values_list("action", flat=True)
    )


def nothing_written():
    return not Phenomenon.objects.exists() and not Revision.objects.exists()


# --- create: stamping, revisions, log entries, workflow ----------------------------------------


def test_create_stamps_author_and_work_unit_and_writes_one_revision(db, province_operator):
    phenomenon = services.create_phenomenon(province_operator, data())
    assert phenomenon.author == province_operator
    assert phenomenon.work_unit.code == "fungsi-sosial-2"
    assert not phenomenon.live
    assert phenomenon.revisions.count() == 1
    assert phenomenon.latest_revision.user == province_operator
    assert log_actions(phenomenon) == ["wagtail.create"]
    assert [s.url for s in phenomenon.sources.all()] == [STORY_URL]
    assert {t.name for t in phenomenon.keywords.all()} == {"cabai merah", "inflasi"}
    assert phenomenon.current_workflow_state is None


def test_create_and_submit_match_the_admin_editor(client, province_operator, phenomenon_form_data):
    client.force_login(province_operator)
    response = client.post(
        reverse("wagtailsnippets_phenomena_phenomenon:add"),
        {**phenomenon_form_data(), "action-submit": "Ajukan"},
    )
    assert response.status_code == 302
    by_admin = Phenomenon.objects.get()

    by_service = services.create_phenomenon(
        province_operator,
        other_story(),
        submit=True,
    )
    assert log_actions(by_service) == log_actions(by_admin)
    assert by_service.revisions.count() == by_admin.revisions.count() == 1
    for phenomenon in (by_admin, by_service):
        state = Phenomenon.objects.get(pk=phenomenon.pk).current_workflow_state
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.requested_by == province_operator
    assert (by_service.author, by_service.work_unit) == (by_admin.author, by_admin.work_unit)


def test_create_submit_publish_emit_each_event_once_after_commit(
    db, province_operator, admin_user, received
):
    phenomenon = services.create_phenomenon(province_operator, data(), submit=True)
    Phenomenon.objects.get(pk=phenomenon.pk).current_workflow_state.cancel(user=admin_user)
    services.publish(admin_user, Phenomenon.objects.get(pk=phenomenon.pk))
    names = [e.name for e in received if e.phenomenon_id == phenomenon.pk]
    assert names == [lifecycle.CREATED, lifecycle.SUBMITTED, lifecycle.PUBLISHED]
    assert Phenomenon.objects.get(pk=phenomenon.pk).live


# --- rules per role ---------------------------------------------------------------------------


def test_kabkota_operator_may_not_input_news(db, kabkota_operator):
    area = Scope.objects.get(code="3172")
    with pytest.raises(ValidationError) as caught:
        services.create_phenomenon(
            kabkota_operator, data(scope=area.parent, area=area, sources=[news()])
        )
    errors = caught.value.message_dict
    assert "Operator kabupaten/kota hanya boleh menginput hasil FGD" in " ".join(
        errors["sources-0-source_type"]
    )
    assert nothing_written()


def test_kabkota_operator_only_their_own_area(db, kabkota_operator):
    other = Scope.objects.filter(parent__isnull=False).exclude(code="3172").first()
    with pytest.raises(ValidationError) as caught:
        services.create_phenomenon(
            kabkota_operator, data(scope=other.parent, area=other, sources=[fgd()])
        )
    assert "hanya menginput fenomena dengan cakupan" in caught.value.message_dict["area"][0]
    assert nothing_written()
    area = Scope.objects.get(code="3172")
    phenomenon = services.create_phenomenon(
        kabkota_operator, data(scope=area.parent, area=area, sources=[fgd()])
    )
    assert phenomenon.work_unit.code == "bps-3172"


def test_province_operator_only_their_allocated_outlets(db, make_user):
    owner = Outlet.objects.get(name="Kompas.com").work_unit
    other_unit = (
        Outlet.objects.exclude(work_unit=owner).exclude(work_unit__isnull=True).first().work_unit
    )
    operator = make_user("opother", Role.OPERATOR, other_unit.code)
    with pytest.raises(ValidationError) as caught:
        services.create_phenomenon(operator, data())
    assert "dialokasikan ke" in caught.value.message_dict["sources-0-outlet"][0]
    assert nothing_written()


def test_admin_inputs_any_outlet(db, admin_user):
    phenomenon = services.create_phenomenon(admin_user, data())
    assert phenomenon.author == admin_user


def test_viewer_and_supervisor_may_not_create(db, viewer, supervisor):
    for user in (viewer, supervisor):
        with pytest.raises(PermissionDenied):
            services.create_phenomenon(user, data())
    assert nothing_written()


def test_limits_control_characters_and_period(db, province_operator):
    with pytest.raises(ValidationError) as caught:
        services.create_phenomenon(
            province_operator,
            data(
                title="Judul\x1bdengan escape",
                keywords=[f"kata{i}" for i in range(21)],
                reference_period=last_month().replace(year=1999),
            ),
        )
    errors = caught.value.message_dict
    assert "U+001B" in errors["title"][0]
    assert "Paling banyak 20 kata kunci" in errors["keywords"][0]
    assert "Periode referensi paling awal" in errors["reference_period"][0]
    assert nothing_written()


def test_theme_outside_subject_and_missing_sources(db, province_operator):
    other_subject = Subject.objects.exclude(code="ekonomi").first()
    with pytest.raises(ValidationError) as caught:
        services.create_phenomenon(province_operator, data(subject=other_subject, sources=[]))
    errors = caught.value.message_dict
    assert "tidak termasuk subjek" in errors["theme"][0]
    assert "sources" in errors
    assert nothing_written()


# --- duplicates -------------------------------------------------------------------------------


def test_same_url_blocks_with_the_matches(db, province_operator):
    first = services.create_phenomenon(province_operator, data())
    with pytest.raises(services.DuplicateError) as caught:
        services.create_phenomenon(
            province_operator, other_story(sources=[news()]), not_duplicate_reason="beda"
        )
    assert [m.phenomenon for m in caught.value.matches] == [first]
    errors = caught.value.message_dict
    assert "Tautan bukti ini sudah tercatat" in errors["__all__"][0]
    assert "Tautan ini sudah dipakai" in errors["sources-0-url"][0]
    assert Phenomenon.objects.count() == 1


def test_near_match_warns_until_acknowledged_with_a_reason(db, province_operator):
    first = services.create_phenomenon(province_operator, data())
    same = data(
        title="Cabai merah naik 20 persen di pasar Jakarta menjelang akhir tahun",
        narrative=SAME_STORY,
        sources=[news(url="https://www.cnnindonesia.com/ekonomi/cabai", outlet="CNN Indonesia")],
    )
    with pytest.raises(services.DuplicateError) as caught:
        services.create_phenomenon(province_operator, same)
    assert "Fenomena ini mirip" in caught.value.message_dict["not_duplicate"][0]
    with pytest.raises(services.DuplicateError) as caught:
        services.create_phenomenon(province_operator, same, not_duplicate_reason="  ")
    assert "Tulis alasan" in caught.value.message_dict["not_duplicate_reason"][0]
    assert Phenomenon.objects.count() == 1

    second = services.create_phenomenon(
        province_operator, same, not_duplicate_reason="Periode berbeda"
    )
    decision = DuplicateDecision.objects.get(phenomenon=second)
    assert (decision.other, decision.reason, decision.decided_by) == (
        first,
        "Periode berbeda",
        province_operator,
    )


def test_check_candidate_is_what_the_service_calls(db, province_operator, monkeypatch):
    calls = []
    monkeypatch.setattr(services, "check_candidate", lambda candidate, **kw: calls.append(kw) or [])
    services.create_phenomenon(province_operator, data())
    assert calls == [{"urls": [STORY_URL]}]


# --- update, publish --------------------------------------------------------------------------


def test_update_writes_a_revision_and_keeps_the_author(db, province_operator, admin_user):
    phenomenon = services.create_phenomenon(province_operator, data())
    updated = services.update_phenomenon(
        admin_user, phenomenon, data(title="Harga cabai merah naik tajam di Jakarta")
    )
    assert updated.title == "Harga cabai merah naik tajam di Jakarta"
    assert updated.author == province_operator
    assert updated.revisions.count() == 2
    assert log_actions(updated) == ["wagtail.create", "wagtail.edit"]


def test_update_refused_to_another_operator(db, province_operator, make_user):
    phenomenon = services.create_phenomenon(province_operator, data())
    colleague = make_user("opsos2b", Role.OPERATOR, "fungsi-sosial-2")
    with pytest.raises(PermissionDenied):
        services.update_phenomenon(colleague, phenomenon, data(title="Diubah orang lain"))
    assert Phenomenon.objects.get().revisions.count() == 1


def test_publish_own_work_needs_a_reason(db, admin_user):
    phenomenon = services.create_phenomenon(admin_user, data())
    with pytest.raises(ValidationError) as caught:
        services.publish(admin_user, phenomenon)
    assert "tanpa alasan" in caught.value.messages[0]
    assert not Phenomenon.objects.get().live
    services.publish(admin_user, phenomenon, reason="Data resmi rilis BPS")
    assert Phenomenon.objects.get().live
    assert log_actions(phenomenon)[-2:] == ["wagtail.publish", "simfoni.self_approval"]


def test_operator_may_not_publish(db, province_operator):
    phenomenon = services.create_phenomenon(province_operator, data())
    with pytest.raises(PermissionDenied):
        services.publish(province_operator, phenomenon)
    assert not Phenomenon.objects.get().live


# --- add_sources, merge -----------------------------------------------------------------------


def test_add_sources_to_an_approved_phenomenon_submits_the_revision(
    db, province_operator, admin_user, make_user
):
    phenomenon = services.create_phenomenon(province_operator, data())
    services.publish(admin_user, phenomenon)
    colleague = make_user("opsos2b", Role.OPERATOR, "fungsi-sosial-2")
    extra = news(url="https://www.cnnindonesia.com/ekonomi/cabai-2", outlet="CNN Indonesia")
    refused = news(url="https://www.detik.com/cabai", outlet="Detik.com")  # not theirs
    result = services.add_sources(colleague, phenomenon, [extra, news(), refused])
    assert [s.url for s in result.added] == [extra.url]
    assert result.submitted
    stored = Phenomenon.objects.get()
    assert stored.live and stored.has_unpublished_changes
    assert stored.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert log_actions(stored)[-2:] == [services.ADD_SOURCE_LOG_ACTION, "wagtail.workflow.start"]


def test_add_sources_refused_in_review_writes_nothing(db, province_operator, make_user):
    phenomenon = services.create_phenomenon(province_operator, data(), submit=True)
    extra = news(url="https://www.cnnindonesia.com/ekonomi/cabai-2", outlet="CNN Indonesia")
    with pytest.raises(ValidationError) as caught:
        services.add_sources(province_operator, phenomenon, [extra])
    assert "sedang direview" in caught.value.messages[0]
    assert Phenomenon.objects.get().revisions.count() == 1


def test_merge_emits_merged_once_and_logs_both(db, province_operator, admin_user, received):
    survivor = services.create_phenomenon(province_operator, data())
    duplicate = services.create_phenomenon(
        province_operator,
        other_story(indicators=[services.IndicatorData(Indicator.objects.first(), "naik")]),
    )
    received.clear()
    merged = services.merge(admin_user, survivor, duplicate)
    assert merged.merge_outcome == "draft"
    assert Phenomenon.objects.get(pk=duplicate.pk).merged_into == survivor
    merged_events = [e for e in received if e.name == lifecycle.MERGED]
    assert [(e.phenomenon_id, e.actor_id, e.data) for e in merged_events] == [
        (duplicate.pk, admin_user.pk, {"survivor_id": survivor.pk})
    ]
    assert log_actions(survivor)[-1] == "simfoni.merge"
    assert log_actions(duplicate)[-1] == "simfoni.merged_into"


def test_merge_refused_to_operators_writes_nothing(db, province_operator, received):
    survivor = services.create_phenomenon(province_operator, data())
    duplicate = services.create_phenomenon(province_operator, other_story())
    received.clear()
    with pytest.raises(PermissionDenied):
        services.merge(province_operator, survivor, duplicate)
    assert Phenomenon.objects.get(pk=duplicate.pk).merged_into is None
    assert received == []


def test_update_refused_while_in_review_for_the_author(db, province_operator):
    phenomenon = services.create_phenomenon(province_operator, data(), submit=True)
    with pytest.raises(ValidationError):
        services.update_phenomenon(
            province_operator,
            Phenomenon.objects.get(pk=phenomenon.pk),
            data(title="Diubah saat direview"),
        )
    assert Phenomenon.objects.get().revisions.count() == 1


def test_demo_data_is_input_by_authors_the_rules_allow(db):
    from phenomena.demo import load_demo

    result = load_demo(count=40)
    stored = Phenomenon.objects.select_related("author").prefetch_related("sources")
    assert result["phenomena"] == stored.count() > 0
    for phenomenon in stored:
        sources = [
            services.SourceData(s.source_type, s.outlet, s.url, s.source_date)
            for s in phenomenon.sources.all()
        ]
        assert services.input_rule_errors(phenomenon.author, phenomenon, sources) == {}
        assert log_actions(phenomenon)[0] == "wagtail.create"
