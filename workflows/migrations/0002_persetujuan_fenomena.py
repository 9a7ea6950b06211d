"""Create the "Persetujuan Fenomena" workflow with its "Review Supervisor" task and attach it to
the Phenomenon snippet (WorkflowContentType). Also create the review permission, so the role
groups (built after migrating) find it."""

from django.db import migrations

WORKFLOW_NAME = "Persetujuan Fenomena"
TASK_NAME = "Review Supervisor"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ReviewTask = apps.get_model("workflows", "ReviewTask")

    allocation_ct, _ = ContentType.objects.get_or_create(
        app_label="workflows", model="supervisorallocation"
    )
    Permission.objects.get_or_create(
        content_type=allocation_ct,
        codename="review_phenomenon",
        defaults={"name": "Dapat mereview fenomena"},
    )

    task_ct, _ = ContentType.objects.get_or_create(app_label="workflows", model="reviewtask")
    phenomenon_ct, _ = ContentType.objects.get_or_create(
        app_label="phenomena", model="phenomenon"
    )
    task = ReviewTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = ReviewTask.objects.create(name=TASK_NAME, content_type=task_ct, active=True)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowContentType.objects.update_or_create(
        content_type=phenomenon_ct, defaults={"workflow": workflow}
    )


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    ReviewTask = apps.get_model("workflows", "ReviewTask")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    ReviewTask.objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0001_initial"),
        ("phenomena", "0002_load_reference"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
