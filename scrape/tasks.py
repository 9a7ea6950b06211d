"""django-q2 tasks of web scraping."""

from . import runner


def run_part(part_id: int) -> None:
    """Scrape one source of a run (queued by ``runner.start_run``)."""
    runner.run_part(part_id)


def scheduled_run() -> int:
    """The scheduled run (every two weeks by default): all enabled sources."""
    return runner.start_run().pk
