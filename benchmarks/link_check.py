"""The weekly dead-link check's requests: links per second against a local server whose pages
answer after a delay (no database: ``reports.links.ask_all`` only).

    python benchmarks/link_check.py                      # 200 links, 50 ms each, 1 and 8 threads
    python benchmarks/link_check.py --links 500 --delay 0.2 --workers 1 4 8 16

Every fifth link answers 404, so both verdicts are exercised. Port 8122 on 127.0.0.1.
"""

import argparse
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def serve(delay: float, port: int):
    class Handler(BaseHTTPRequestHandler):
        def do_HEAD(self):  # noqa: N802
            time.sleep(delay)
            gone = self.path.endswith("0") or self.path.endswith("5")
            self.send_response(404 if gone else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_HEAD  # noqa: N815

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--links", type=int, default=200)
    parser.add_argument("--delay", type=float, default=0.05)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--port", type=int, default=8122)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simfoni_site.settings.test")
    os.environ.setdefault("DATABASE_URL", "")
    import django

    django.setup()
    from reports.links import ask_all

    httpd = serve(args.delay, args.port)
    urls = [f"http://127.0.0.1:{args.port}/berita/{i}" for i in range(args.links)]
    print(f"{args.links} links, each answering after {args.delay * 1000:.0f} ms")
    for workers in args.workers:
        start = time.perf_counter()
        answers = ask_all(urls, timeout=5, workers=workers)
        seconds = time.perf_counter() - start
        dead = sum(not a.ok for a in answers.values())
        print(
            f"  {workers:>2} threads: {seconds:6.2f} s, {args.links / seconds:7.1f} links/s, "
            f"{dead} dead (load {os.getloadavg()[0]:.2f})"
        )
    httpd.shutdown()


if __name__ == "__main__":
    main()
