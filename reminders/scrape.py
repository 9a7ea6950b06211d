"""Hooks for the future web scraping app (`scrape/`): it records its runs and notifies here.

- `record_scrape_success()` after a successful run (the fortnightly "scraping due" reminder
  counts from it);
- `notify_scrape_failed(run_info)` when a run fails (admins; each run reported once);
- `notify_scrape_results_ready(count)` when its results are uploaded as submissions
  (supervisors);
- `notify_delegated_edit(user, phenomenon)` when a supervisor delegates a rejected scraped
  phenomenon to an operator.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alerts.delivery import deliver
from phenomena.models import Role

from . import audience
from .delivery import send_once
from .models import ScrapeStatus


def record_scrape_success(at=None) -> None:
    status = ScrapeStatus.get()
    status.last_success_at = at or timezone.now()
    status.save(update_fields=["last_success_at"])


def notify_scrape_failed(run_info) -> int:
    """Tell every admin a scrape run failed. `run_info`: a dict (`id`, `error`, `started_at`
    …) or a message. The same run (same `id`) is reported once."""
    info = run_info if isinstance(run_info, dict) else {"error": str(run_info)}
    now = timezone.now()
    status = ScrapeStatus.get()
    status.last_failure_at = now
    status.last_failure_info = str(info.get("error", ""))[:2000]
    status.save(update_fields=["last_failure_at", "last_failure_info"])
    key = f"run:{info['id']}" if info.get("id") is not None else f"at:{now.isoformat()}"
    lines = [f"{name}: {value}" for name, value in info.items() if name != "error"]
    sent = 0
    for user in audience.users_with_role(Role.ADMIN):
        sent += send_once(
            user,
            "scrape_failed",
            key,
            _("Web scraping gagal"),
            _("Web scraping gagal: %(error)s") % {"error": info.get("error") or _("(tanpa pesan)")},
            url=reverse("wagtailadmin_home"),
            digest_lines=lines,
        )
    return sent


def notify_scrape_results_ready(count: int, run_id=None) -> int:
    """Tell every supervisor that `count` scraped phenomena await review (once per run)."""
    key = f"run:{run_id}" if run_id is not None else f"at:{timezone.now().isoformat()}"
    sent = 0
    for user in audience.users_with_role(Role.SUPERVISOR):
        sent += send_once(
            user,
            "scrape_results",
            key,
            _("Hasil web scraping siap diperiksa"),
            _("%(n)d fenomena hasil web scraping menunggu pemeriksaan Anda.") % {"n": count},
            url=reverse("wagtailadmin_home"),
        )
    return sent


def notify_delegated_edit(user, phenomenon, actor=None) -> list[str]:
    """Tell `user` (an operator) they were asked to edit a scraped phenomenon."""
    return deliver(
        user,
        "delegated_edit",
        _("Anda ditugaskan menyunting fenomena"),
        _("Anda ditugaskan menyunting fenomena hasil web scraping „%(title)s”.")
        % {"title": phenomenon.title},
        url=reverse("wagtailsnippets_phenomena_phenomenon:edit", args=[phenomenon.pk]),
        actor=actor,
        target=phenomenon,
    )
