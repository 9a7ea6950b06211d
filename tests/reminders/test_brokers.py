"""A real task through django-q2's brokers: the ORM broker (always) and Redis (when it is up)."""

import os
import subprocess
import sys
import uuid
from multiprocessing import Event, Value

import pytest
from django.conf import settings
from django_q.brokers.orm import ORM
from django_q.conf import Conf
from django_q.monitor import monitor
from django_q.pusher import pusher
from django_q.queues import Queue
from django_q.tasks import async_task, result
from django_q.worker import worker
from reminders_helpers import inapp

from phenomena.models import Role

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


def process_one(broker):
    """What one cluster cycle does: pull from the broker, run in a worker, save the result."""
    task_queue, result_queue = Queue(), Queue()
    event = Event()
    event.set()
    pusher(task_queue, event, broker=broker)
    task_queue.put("STOP")
    worker(task_queue, result_queue, Value("f", -1))
    result_queue.put("STOP")
    monitor(result_queue, broker)


def enqueue_scrape_due(broker):
    # sync=False: really go through the broker even though the test settings run tasks inline.
    return async_task("reminders.tasks.scrape_due", broker=broker, sync=False)


def test_orm_broker_path(make_user):
    admin = make_user("admin_orm", Role.ADMIN, "fungsi-ipds")
    broker = ORM(list_key=f"simfoni-test-{uuid.uuid4().hex[:8]}")
    task_id = enqueue_scrape_due(broker)
    assert broker.queue_size() == 1
    assert inapp(admin) == []
    process_one(broker)
    assert broker.queue_size() == 0
    assert result(task_id) == 1
    assert len(inapp(admin, "scrape_due")) == 1


@pytest.fixture
def redis_broker(monkeypatch):
    import redis

    try:
        redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"Redis is not reachable at {REDIS_URL}: Redis broker path not tested")
    from django_q.brokers.redis_broker import Redis

    monkeypatch.setattr(Conf, "REDIS", REDIS_URL)
    broker = Redis(list_key=f"simfoni-test-{uuid.uuid4().hex[:8]}")
    yield broker
    broker.delete_queue()


def test_redis_broker_path(make_user, redis_broker):
    admin = make_user("admin_redis", Role.ADMIN, "fungsi-ipds")
    task_id = enqueue_scrape_due(redis_broker)
    assert redis_broker.queue_size() == 1
    process_one(redis_broker)
    assert redis_broker.queue_size() == 0
    assert result(task_id) == 1
    assert len(inapp(admin, "scrape_due")) == 1


@pytest.mark.parametrize(
    "env, broker_class",
    [({"REDIS_URL": ""}, "ORM"), ({"REDIS_URL": "redis://127.0.0.1:6399/3"}, "Redis")],
)
def test_settings_choose_the_broker_from_redis_url(env, broker_class):
    code = (
        "import django; django.setup();"
        "from django_q.brokers import get_broker; from django_q.conf import Conf;"
        "print(type(get_broker()).__name__, Conf.REDIS or '-')"
    )
    run_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "simfoni_site.settings.dev",
        "DATABASE_URL": "sqlite:///:memory:",  # the test database exists only in this process
        **env,
    }
    output = subprocess.run(
        [sys.executable, "-c", code],
        env=run_env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.split()
    assert output[0] == broker_class
    assert output[1] == (env["REDIS_URL"] or "-")
