"""Helpers of the summaries tests: demo-like phenomena (phenomena.demo_content through the
factories) and a stand-in Mistral chat-completions server on 127.0.0.1."""

import datetime
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from phenomena.demo_content import generate
from phenomena.models import Theme
from tests.factories import PhenomenonFactory

TODAY = datetime.date(2026, 12, 5)


def demo_items(theme_name, n=80, months=3, seed=7):
    """Items of demo_content.generate (the `make run` demo texts) of one theme."""
    return [
        item
        for item in generate(n, today=TODAY, seed=seed, months=months)
        if item["theme"] == theme_name
    ]


def create_from_demo(item, **extra):
    fields = {
        "title": item["title"],
        "narrative": item["narrative"],
        "theme": Theme.objects.get(name=item["theme"]),
        "reference_period": datetime.date(item["reference_year"], item["reference_month"], 1),
        "indicators": [tuple(pair) for pair in item["indicators"]],
        "keywords": item["keywords"],
        "author": None,
    }
    if item.get("kabkota"):
        fields["area"] = item["kabkota"]
    else:
        fields["scope"] = "dki"
    fields.update(extra)
    return PhenomenonFactory(**fields)


class StandIn:
    """A chat-completions server: each request gets the next planned answer."""

    def __init__(self):
        self.plan = []  # (status, body dict or None, delay seconds)
        self.requests = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                stand_in.requests.append(
                    {"path": self.path, "body": body, "auth": self.headers.get("Authorization")}
                )
                status, answer, delay = (
                    stand_in.plan.pop(0) if stand_in.plan else (500, {"message": "no plan"}, 0)
                )
                if callable(answer):
                    answer = answer(body)
                if delay:
                    time.sleep(delay)
                payload = json.dumps(answer).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def answer(self, content, prompt_tokens=120, completion_tokens=40, status=200, delay=0):
        body = (
            content if callable(content) else completion(content, prompt_tokens, completion_tokens)
        )
        self.plan.append((status, body, delay))

    def fail(self, status, delay=0):
        self.plan.append((status, {"object": "error", "message": f"HTTP {status}"}, delay))

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def completion(content, prompt_tokens=120, completion_tokens=40):
    if not isinstance(content, str):
        content = json.dumps(content)
    return {
        "id": "cmpl-test",
        "object": "chat.completion",
        "created": 1764900000,
        "model": "mistral-small-latest",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }
