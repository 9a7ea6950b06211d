"""Shared by the reminder tests: phenomena with known timestamps, a review workflow, inboxes."""

import datetime

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from freezegun import freeze_time
from notifications.models import Notification
from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

from phenomena.models import Phenomenon, Role, Scope, Subject, Theme


def jakarta(text):
    """'2026-04-13 08:00' in Asia/Jakarta as an aware datetime."""
    naive = datetime.datetime.fromisoformat(text)
    return naive.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=7)))


def make_phenomenon(author, created=None, title="Harga cabai naik", area=None):
    subject = Subject.objects.get(code="ekonomi")
    kab = Scope.objects.get(code=area) if area else None
    return Phenomenon.objects.create(
        title=title,
        narrative="Narasi uji.",
        reference_period=datetime.date(2026, 3, 1),
        scope=Scope.objects.get(code="kabkota" if kab else "dki"),
        area=kab,
        subject=subject,
        theme=Theme.objects.filter(subject=subject).first(),
        author=author,
        work_unit=author.simfoni_profile.work_unit,
        created_at=created or jakarta("2026-04-13 09:00"),
        live=False,
    )


def review_workflow():
    """The phenomenon workflow (the approval app's if installed, else a one-task one here)."""
    ct = ContentType.objects.get_for_model(Phenomenon)
    existing = WorkflowContentType.objects.filter(content_type=ct).first()
    if existing:
        return existing.workflow
    workflow = Workflow.objects.create(name="Uji review")
    task = GroupApprovalTask.objects.create(name="Review Supervisor")
    task.groups.set([Group.objects.get(name=Role.SUPERVISOR)])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(content_type=ct, workflow=workflow)
    return workflow


def submit(phenomenon, at):
    """Submit `phenomenon` for review at `at` (a revision, then the workflow)."""
    with freeze_time(at):
        phenomenon.save_revision(user=phenomenon.author)
        review_workflow()
        return phenomenon.get_workflow().start(phenomenon, phenomenon.author)


def reject(workflow_state, by, at, comment="Sumber tidak valid"):
    with freeze_time(at):
        workflow_state.current_task_state.specific.reject(user=by, comment=comment)


def inapp(user, kind=None):
    notes = Notification.objects.filter(recipient=user)
    if kind:
        notes = [n for n in notes if (n.data or {}).get("kind") == kind]
    return list(notes)


def mails_to(user):
    return [m for m in mail.outbox if user.email in m.to]
