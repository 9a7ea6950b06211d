"""Demo step of the approval workflow, run at the end of `load_demo`.

Loads the supervisor allocations for the demo supervisors spv1..spv10 (they exist only once the
demo loader has created them), then puts most of the demo's unapproved phenomena into review
(submitted by their operators) and has a few of those rejected with a reason, so the review
queue and "Fenomena saya" are not empty. Approved ones stay approved. It runs inside `load_demo`'s
`lifecycle.quietly()`: these events notify nobody (no notification, no e-mail).
"""

import csv
import random

from django.contrib.auth import get_user_model
from django.db import transaction

from phenomena import services
from phenomena.models import Subject, Theme
from phenomena.reference_data import REFERENCE_DIR

from .models import SupervisorAllocation

ALLOCATION_FILE = REFERENCE_DIR / "supervisor_allocation.csv"

DEMO_REJECTIONS = [
    "Tautan bukti tidak dapat dibuka; cantumkan tautan artikel aslinya.",
    "Angka pada narasi tidak sama dengan sumber; periksa kembali persentasenya.",
    "Periode referensi tidak sesuai dengan tanggal kejadian di sumber.",
    "Tema kurang tepat; fenomena ini lebih cocok di tema lain.",
]


def demo_username(supervisor_label: str) -> str:
    """ "Supervisor 4" in the allocation sheet is the demo account spv4."""
    return f"spv{supervisor_label.split()[-1]}"


@transaction.atomic
def load_allocations(path=ALLOCATION_FILE, username_for=demo_username) -> dict:
    """Allocate themes to supervisors from the allocation sheet (idempotent).

    Rows whose supervisor account does not exist are counted as skipped, never guessed.
    """
    User = get_user_model()
    created = skipped = 0
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            user = User.objects.filter(username=username_for(row["supervisor"])).first()
            if user is None:
                skipped += 1
                continue
            subject = Subject.objects.get(label=row["subject"])
            for name in (n.strip() for n in row["themes"].split(";")):
                theme = Theme.objects.get(subject=subject, name=name)
                created += SupervisorAllocation.objects.get_or_create(supervisor=user, theme=theme)[
                    1
                ]
    return {"allocations": created, "allocation_rows_skipped": skipped}


def submit_for_review(phenomenon, user):
    """Submit `phenomenon` into its workflow as `user` (what the editor's "Ajukan" does)."""
    return services.submit(user, phenomenon)


def allocate_like(username: str, model_username: str) -> int:
    """Give the demo account `username` the same themes as `model_username` (idempotent)."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        return 0
    created = 0
    for allocation in SupervisorAllocation.objects.filter(supervisor__username=model_username):
        created += SupervisorAllocation.objects.get_or_create(
            supervisor=user, theme=allocation.theme
        )[1]
    return created


def after_demo(users, created, seed: int = 2024) -> dict:
    result = load_allocations()
    # The generic demo "supervisor" reviews what Supervisor 4 reviews (macro, inflation,
    # transport), so signing in as "supervisor" shows a real queue.
    result["allocations"] += allocate_like("supervisor", "spv4")
    from phenomena.models import Phenomenon

    drafts = list(
        Phenomenon.objects.filter(pk__in=[p.pk for p in created], live=False).order_by("pk")
    )
    if not drafts:
        return result
    from .routing import reviewers_for

    rng = random.Random(seed)
    rng.shuffle(drafts)
    keep_as_draft = max(1, len(drafts) // 5)
    submitted = drafts[keep_as_draft:]
    rejected = 0
    for phenomenon in submitted:
        submit_for_review(phenomenon, phenomenon.author)
    for phenomenon in submitted[: min(4, len(submitted) // 4)]:
        task_state = phenomenon.current_workflow_task_state
        reviewer = reviewers_for(task_state.submitted_object()).first()
        task_state.task.specific.on_action(
            task_state, reviewer, "reject", comment=DEMO_REJECTIONS[rejected]
        )
        rejected += 1
    result.update(in_review=len(submitted) - rejected, rejected=rejected)
    return result
