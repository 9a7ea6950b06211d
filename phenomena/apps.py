from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig

CRUD = ["add", "change", "delete", "view"]
REFERENCE_MODELS = [
    "sourcetype",
    "scope",
    "subject",
    "theme",
    "workunit",
    "outlet",
    "indicator",
    "releasedate",
    "userprofile",
]
PHENOMENON_ABILITIES = ["merge_phenomenon", "view_history_phenomenon", "view_pending_figures"]


class PhenomenaConfig(AppConfig):
    default = True
    name = "phenomena"
    verbose_name = _("Fenomena")

    # The permissions each role group holds ("app_label.codename"); other apps declare theirs on
    # their own AppConfig, and `phenomena.roles.role_permissions` collects them all. The table
    # per role is in docs/security.md.
    role_permissions = {
        "Admin": [
            "wagtailadmin.access_admin",
            *[f"phenomena.{action}_phenomenon" for action in [*CRUD, "publish", "lock", "unlock"]],
            "phenomena.administer_phenomenon",
            *[f"phenomena.{ability}" for ability in PHENOMENON_ABILITIES],
            *[f"phenomena.{action}_{model}" for model in REFERENCE_MODELS for action in CRUD],
            "phenomena.import_arc_calendar",
            "phenomena.administer_site",
            *[f"auth.{action}_user" for action in CRUD],
        ],
        "Operator": [
            "wagtailadmin.access_admin",
            *[f"phenomena.{action}_phenomenon" for action in CRUD],
            "phenomena.view_pending_figures",
        ],
        "Supervisor": [
            "wagtailadmin.access_admin",
            "phenomena.view_phenomenon",
            "phenomena.merge_phenomenon",
            "phenomena.view_history_phenomenon",
            "phenomena.view_pending_figures",
        ],
        "Viewer": ["wagtailadmin.access_admin", "phenomena.view_phenomenon"],
    }

    def ready(self):
        from django.contrib.auth import get_user_model

        from .roles import ensure_role_groups, guard_single_role

        m2m_changed.connect(
            guard_single_role,
            sender=get_user_model().groups.through,
            dispatch_uid="simfoni_single_role",
        )
        post_migrate.connect(ensure_role_groups, sender=self, dispatch_uid="simfoni_role_groups")

        from wagtail.models import Revision

        from .models import Phenomenon
        from .signal_handlers import phenomenon_saved, revision_saved

        post_save.connect(phenomenon_saved, sender=Phenomenon, dispatch_uid="simfoni_dup_phen")
        post_save.connect(revision_saved, sender=Revision, dispatch_uid="simfoni_dup_revision")

        from . import lifecycle

        lifecycle.connect()

        from . import places
        from .models import Scope

        places.install()
        post_save.connect(places.areas_changed, sender=Scope, dispatch_uid="simfoni_places_save")
        post_delete.connect(
            places.areas_changed, sender=Scope, dispatch_uid="simfoni_places_delete"
        )


class SimfoniUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app with SIMFONI's one-role user forms."""

    user_viewset = "phenomena.viewsets.SimfoniUserViewSet"
