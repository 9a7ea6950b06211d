"""The users of ``benchmarks/load.py`` and ``benchmarks/faults.py`` (locust, headless).

Reads ``LOAD_CONFIG`` (JSON written by load.py: API key, reference ids, the title tag) and
writes every request to ``LOAD_RECORD`` (JSON lines: t, name, status, ms, error), and what the
operators submitted to ``<LOAD_RECORD>.submissions.json``: the titles whose "Ajukan" was
acknowledged (a redirect), and those whose answer never came or was an error (unknown).

Out of 50 users: 25 viewers (search, dashboard, detail), 8 API clients, 10 operators
(submitting), 7 supervisors (approving). The class weights scale with ``-u``.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
import uuid
from urllib.parse import urlencode

from bench_common import submission_form
from locust import FastHttpUser, between, events, task

CONFIG = json.loads(open(os.environ["LOAD_CONFIG"]).read())
RECORD = open(os.environ["LOAD_RECORD"], "w")  # noqa: SIM115 (open for the whole run)
SUBMISSIONS = {"acknowledged": [], "unknown": [], "approved": 0}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ERROR = re.compile(r'class="error-message"[^>]*>\s*(?:<[^>]*>)?([^<]+)')
QUEUE_ROW = re.compile(r'name="only" value="(\d+)"')
ADD = "/admin/snippets/phenomena/phenomenon/add/"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
SYLLABLES = "ba be bi bo bu da di du ka ke ki ko ku la li lu ma mi mu na ni nu ra ri ro ru".split()


@events.request.add_listener
def record(request_type, name, response_time, response, exception, **kwargs):
    status = getattr(response, "status_code", 0) or 0
    error = ""
    if exception:
        error = f"{type(exception).__name__}: {exception}"[:200]
    RECORD.write(
        json.dumps(
            {
                "t": round(time.time(), 3),
                "name": name,
                "status": status,
                "ms": round(response_time, 1),
                "error": error,
            }
        )
        + "\n"
    )


@events.test_stop.add_listener
def save(**kwargs):
    RECORD.flush()
    with open(os.environ["LOAD_RECORD"].rsplit(".", 1)[0] + ".submissions.json", "w") as fh:
        json.dump(SUBMISSIONS, fh)


def nonsense(rng: random.Random, n: int) -> str:
    """Made-up words: a submission is never a near duplicate of another."""
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(n))


class LoggedIn(FastHttpUser):
    abstract = True
    username = ""

    def on_start(self):
        self.login()

    def login(self):
        with self.client.get("/admin/login/", name="login", catch_response=True) as page:
            token = self.token(page)
        with self.client.post(
            "/admin/login/",
            data=urlencode(
                {
                    "username": self.username,
                    "password": CONFIG["password"],
                    "csrfmiddlewaretoken": token,
                    "next": "/admin/",
                }
            ),
            headers={**FORM, "Referer": self.host + "/admin/login/"},
            name="login",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login refused ({response.status_code})")

    def token(self, response) -> str:
        match = CSRF.search(response.text or "")
        return match.group(1) if match else ""

    def ensure_session(self, response) -> bool:
        """A redirect to the login page: the session is gone (log in again)."""
        location = response.headers.get("Location", "") or ""
        if response.status_code in (301, 302) and "/login/" in location:
            response.failure("session lost")
            self.login()
            return False
        return True


class Viewer(LoggedIn):
    weight = 25
    wait_time = between(1, 3)
    username = "viewer"

    @task(5)
    def search(self):
        words = random.sample(CONFIG["words"], random.choice((1, 1, 2)))
        params = {"q": " ".join(words)}
        if random.random() < 0.5:
            params["subject"] = random.choice(CONFIG["subjects"])
        with self.client.get(
            "/cari/?" + urlencode(params), name="search /cari/", catch_response=True
        ) as response:
            self.ensure_session(response)

    @task(2)
    def dashboard(self):
        with self.client.get("/dasbor/", name="dashboard /dasbor/", catch_response=True) as r:
            self.ensure_session(r)

    @task(4)
    def detail(self):
        pk = random.randint(1, CONFIG["max_id"])
        with self.client.get(
            f"/fenomena/{pk}/", name="detail /fenomena/<id>/", catch_response=True
        ) as response:
            self.ensure_session(response)


class ApiClient(FastHttpUser):
    weight = 8
    wait_time = between(1, 3)

    @task
    def phenomena(self):
        params = {"limit": 50}
        if random.random() < 0.5:
            params["subject"] = random.choice(CONFIG["subjects"])
            params["area"] = random.choice(CONFIG["areas"])
        else:
            params["theme"] = random.choice(CONFIG["themes"])
        if random.random() < 0.5:
            params["q"] = random.choice(CONFIG["words"])
        self.client.get(
            "/api/v1/phenomena/?" + urlencode(params),
            headers={"X-API-Key": CONFIG["api_key"]},
            name="api /api/v1/phenomena/",
        )


class Operator(LoggedIn):
    """Opens the add form, fills it in (a few seconds) and submits it for review."""

    weight = 10
    wait_time = between(4, 10)
    username = "operator"

    @task
    def submit(self):
        with self.client.get(ADD, name="operator add form", catch_response=True) as form:
            if not self.ensure_session(form) or form.status_code != 200:
                if form.status_code != 200:
                    form.failure(f"add form {form.status_code}")
                return
            token = self.token(form)
        rng = random.Random()
        tag = uuid.uuid4().hex[:10]
        title = f"{CONFIG['title_tag']} {tag} {nonsense(rng, 3)}"
        data = {
            "csrfmiddlewaretoken": token,
            **submission_form(
                title=title,
                narrative=f"Narasi uji beban {tag}: {nonsense(rng, 25)}.",
                keywords="uji beban",
                url=f"https://money.kompas.com/read/uji-beban/{tag}",
                ids=CONFIG["form"],
            ),
        }
        with self.client.post(
            ADD,
            data=urlencode(data),
            headers={**FORM, "Referer": self.host + ADD},
            name="operator submit",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302 and "/login/" not in response.headers.get(
                "Location", ""
            ):
                SUBMISSIONS["acknowledged"].append(title)
            else:
                SUBMISSIONS["unknown"].append(title)
                if response.status_code == 200:
                    errors = ERROR.findall(response.text or "")
                    response.failure(f"form refused: {errors[:2]}")
                elif response.status_code and response.status_code < 400:
                    response.failure(f"status {response.status_code}")


class Supervisor(LoggedIn):
    """Opens the review queue and approves one of the waiting submissions."""

    weight = 7
    wait_time = between(3, 8)
    username = "supervisor"

    @task
    def approve(self):
        with self.client.get(
            "/admin/persetujuan/review/", name="supervisor queue", catch_response=True
        ) as queue:
            if not self.ensure_session(queue):
                return
            rows = QUEUE_ROW.findall(queue.text or "")
            token = self.token(queue)
        if not rows:
            return
        with self.client.post(
            "/admin/persetujuan/review/setujui/",
            data=urlencode({"only": random.choice(rows[:10]), "csrfmiddlewaretoken": token}),
            headers={**FORM, "Referer": self.host + "/admin/persetujuan/review/"},
            name="supervisor approve",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302 and "/login/" not in response.headers.get(
                "Location", ""
            ):
                SUBMISSIONS["approved"] += 1
            elif response.status_code and response.status_code < 400:
                response.failure(f"status {response.status_code}")
