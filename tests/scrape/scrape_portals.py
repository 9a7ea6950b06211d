"""A local HTTP server on 127.0.0.1 playing several Indonesian news portals, and hostile ones.

Hosts are told apart by name (``kompas.localhost``, ``detik.localhost``, ``warta.localhost``,
``isi.localhost``, ``rusak.localhost``, ``kosong.localhost``, all resolving to 127.0.0.1):

* kompas: an RSS feed mixing real articles with hostile links (404, 500, a redirect loop, a page
  that never ends, a 50 MB page, a robots.txt-disallowed page, a script-injected title, a page
  that fails once then works);
* detik: a sitemap index with two child sitemaps; wrong and missing charsets;
* warta: listing pages with pagination (the last page links back to the first);
* isi: a layout only a per-source CSS override reads well;
* rusak: everything answers 500; kosong: an empty feed;
* bench: ``/sitemap.xml`` listing ``n`` generated articles (for benchmarks/scrape.py).

``requests`` records each request's path and headers, per host.
"""

from __future__ import annotations

import html
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLES = {
    ("kompas", "/read/2026/10/05/101010/inflasi-jakarta-oktober"): {
        "layout": "kompas",
        "title": "Inflasi Jakarta Oktober 2026 Capai 2,35 Persen, Cabai Merah Jadi Pemicu",
        "date": "2026-11-03T10:00:00+07:00",
        "paragraphs": [
            "JAKARTA, KOMPAS.com - Badan Pusat Statistik (BPS) Provinsi DKI Jakarta mencatat "
            "inflasi tahunan Jakarta pada Oktober 2026 sebesar 2,35 persen.",
            "Kenaikan harga terutama didorong oleh harga cabai merah yang naik 12,5 persen "
            "dibanding bulan sebelumnya.",
            "Di Pasar Induk Kramat Jati, Jakarta Timur, harga cabai merah mencapai Rp 65.000 "
            "per kilogram. Pedagang menyebut pasokan dari daerah sentra berkurang.",
            "Kepala BPS DKI Jakarta mengatakan inflasi di Jakarta masih terkendali.",
            "Baca juga: Harga Beras Stabil Jelang Akhir Tahun",
        ],
    },
    ("kompas", "/read/2026/10/06/090000/persija-menang"): {
        "layout": "kompas",
        "title": "Persija Menang 2-0 atas Persib di Stadion Utama",
        "date": "2026-10-06T21:00:00+07:00",
        "paragraphs": [
            "JAKARTA, KOMPAS.com - Persija Jakarta menang 2-0 atas Persib Bandung dalam laga "
            "lanjutan liga pada Minggu malam.",
            "Dua gol dicetak pada babak kedua di hadapan puluhan ribu suporter yang memadati "
            "stadion.",
        ],
    },
    ("kompas", "/read/2026/10/07/080000/judul-disisipkan-skrip"): {
        "layout": "scripted",
        "title": "Harga beras naik di Jakarta Utara",
        "date": "2026-10-07T08:00:00+07:00",
        "paragraphs": [
            "Harga beras medium di pasar-pasar Jakarta Utara naik 4 persen pada Oktober 2026 "
            "menjadi Rp 14.500 per kilogram, memicu inflasi bahan pangan.",
            "Pedagang di Jakarta Utara menyebut pasokan beras dari Karawang berkurang karena "
            "panen mundur, sehingga harga beras terus naik.",
        ],
    },
    ("kompas", "/read/2026/10/08/070000/sekali-gagal"): {
        "layout": "kompas",
        "title": "Harga telur ayam turun di Jakarta Selatan",
        "date": "2026-10-08T07:00:00+07:00",
        "paragraphs": [
            "Harga telur ayam ras di Jakarta Selatan turun 6 persen pada Oktober 2026 menjadi "
            "Rp 27.000 per kilogram, menahan laju inflasi.",
            "Pedagang di Jakarta Selatan menyebut pasokan telur dari peternak melimpah sehingga "
            "harga pangan ini turun.",
        ],
    },
    ("detik", "/berita/d-7600001/wisman-ke-jakarta-turun"): {
        "layout": "detik",
        "title": "Kunjungan Wisman ke Jakarta Turun 3,2 Persen",
        "date_text": "Senin, 02 Nov 2026 14:10 WIB",
        "paragraphs": [
            "Jakarta - Jumlah kunjungan wisatawan mancanegara ke Jakarta pada September 2026 "
            "mencapai 215.000 kunjungan.",
            "Angka itu turun 3,2 persen dibanding Agustus 2026 ketika tercatat 222.100 kunjungan.",
            "Tingkat penghunian kamar hotel berbintang tercatat 58,4 persen, turun dari bulan "
            "sebelumnya.",
        ],
    },
    ("detik", "/berita/d-7600002/pengangguran-jakut"): {
        "layout": "detik",
        "title": "Pengangguran di Jakarta Utara Turun",
        "date_text": "Selasa, 10 Nov 2026 09:00 WIB",
        "paragraphs": [
            "Jakarta - Tingkat pengangguran terbuka (TPT) di Jakarta Utara pada Agustus 2026 "
            "turun menjadi 6,8 persen.",
            "Jumlah pengangguran di Jakarta Utara berkurang 4.500 orang karena banyak lowongan "
            "kerja di kawasan industri.",
        ],
    },
    ("warta", "/2026/10/20/banjir-rob"): {
        "layout": "wp",
        "title": "Banjir Rob Rendam Permukiman di Penjaringan",
        "date": "2026-10-20",
        "paragraphs": [
            "Banjir rob kembali merendam permukiman warga di Penjaringan, Jakarta Utara, pada "
            "Oktober 2026 dengan ketinggian air 40 sentimeter.",
            "Warga menyebut banjir rob tahun ini lebih sering terjadi akibat penurunan muka "
            "tanah di pesisir utara.",
        ],
    },
    ("warta", "/2026/10/21/umkm-naik-kelas"): {
        "layout": "wp",
        "title": "Pelaku UMKM Jakarta Bertambah",
        "date": "2026-10-21",
        "paragraphs": [
            "Jumlah pelaku UMKM di Jakarta yang terdaftar pada program pendampingan bertambah "
            "menjadi 320.000 unit pada September 2026.",
            "Dinas terkait menyebut pelaku usaha mikro paling banyak bergerak di kuliner, dan "
            "jumlah UMKM naik dibanding tahun lalu.",
        ],
    },
    ("warta", "/2026/10/22/kjp-cair"): {
        "layout": "wp",
        "title": "Dana KJP Plus Tahap II Cair",
        "date": "2026-10-22",
        "paragraphs": [
            "Dana bantuan sosial Kartu Jakarta Pintar (KJP) Plus tahap II cair untuk 500.000 "
            "siswa pada Oktober 2026.",
            "Penerima KJP menerima bantuan sosial sebesar Rp 250.000 sampai Rp 450.000 per bulan.",
        ],
    },
    ("isi", "/berita/bansos-lansia"): {
        "layout": "custom",
        "title": "Bansos Kartu Lansia Jakarta Naik",
        "date": "2026-10-15",
        "paragraphs": [
            "Pemprov DKI Jakarta menaikkan bantuan sosial Kartu Lansia Jakarta menjadi Rp 600.000 "
            "per bulan mulai Oktober 2026.",
            "Sebanyak 120.000 orang lansia menerima bansos ini, naik dibanding tahun lalu.",
        ],
    },
}

ROBOTS = {"kompas": "User-agent: *\nDisallow: /private/\n"}


def article_html(host: str, path: str) -> str:
    a = ARTICLES[(host, path)]
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in a["paragraphs"])
    title = html.escape(a["title"])
    sidebar = (
        '<aside class="populer"><h3>Terpopuler</h3><p>Artikel populer hari ini yang dibaca '
        "banyak orang di seluruh Indonesia dan dunia, termasuk gosip selebritas terbaru dan "
        "kabar sepak bola dari berbagai liga di Eropa serta Asia.</p></aside>"
    )
    layout = a["layout"]
    if layout == "kompas":
        return (
            f"<!doctype html><html><head><meta charset='utf-8'><title>{title} - Kompas.com"
            f"</title><meta property='og:title' content='{title}'>"
            f"<meta property='article:published_time' content='{a['date']}'></head><body>"
            f"<h1 class='read__title'>{title}</h1><div class='read__content'>{paragraphs}"
            f"<div class='ads'><script>var ad='iklan';</script></div></div>{sidebar}"
            "</body></html>"
        )
    if layout == "detik":
        return (
            f"<html><head><title>{title}</title></head><body><article class='detail'>"
            f"<h1 class='detail__title'>{title}</h1><div class='detail__date'>{a['date_text']}"
            f"</div><div class='detail__body-text itp_bodycontent'>{paragraphs}"
            "<p>ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT</p></div></article></body></html>"
        )
    if layout == "wp":
        return (
            f"<html><head><meta charset='utf-8'><title>{title} | Warta</title></head><body>"
            f"<article><h1 class='entry-title'>{title}</h1><time datetime='{a['date']}'>"
            f"</time><div class='entry-content'>{paragraphs}</div></article></body></html>"
        )
    if layout == "custom":  # an older portal: paragraphs split by <br>, no <p>
        paragraphs = "<br><br>".join(html.escape(p) for p in a["paragraphs"])
        return (
            f"<html><head><title>{title}</title></head><body><div class='judul-besar'>{title}"
            f"</div><span class='tgl'>{a['date']}</span>{sidebar}{sidebar}"
            f"<div id='isi-berita'>{paragraphs}</div></body></html>"
        )
    # scripted: the <title> and <h1> are written by scripts; the real title is plain text
    return (
        "<html><head><title></title><script>document.title='DIRETAS'</script>"
        f"<meta name='pubdate' content='{a['date']}'></head><body>"
        f"<h1><script>document.write('<b>DIRETAS</b>')</script>{title}</h1>"
        f"<div class='read__content'>{paragraphs}</div></body></html>"
    )


def feed(host: str, paths: list[str], port: int) -> str:
    items = "".join(
        f"<item><title>{html.escape(p)}</title>"
        f"<link>{p if p.startswith('http') else f'http://{host}.localhost:{port}{p}'}</link>"
        "<pubDate>Tue, 03 Nov 2026 10:00:00 +0700</pubDate></item>"
        for p in paths
    )
    return (
        "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel>"
        f"<title>{host}</title>{items}</channel></rss>"
    )


def urlset(host: str, paths: list[str], port: int) -> str:
    urls = "".join(
        f"<url><loc>http://{host}.localhost:{port}{p}</loc><lastmod>2026-11-01</lastmod></url>"
        for p in paths
    )
    return (
        "<?xml version='1.0' encoding='UTF-8'?>"
        f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>"
    )


KOMPAS_FEED = [
    "/read/2026/10/05/101010/inflasi-jakarta-oktober",
    "/read/2026/10/06/090000/persija-menang",
    "/read/2026/10/07/080000/judul-disisipkan-skrip",
    "/read/2026/10/08/070000/sekali-gagal",
    "/read/2026/10/05/101010/inflasi-jakarta-oktober?utm_source=feed",  # same canonical URL
    "/private/rahasia",
    "/hilang",
    "/galat",
    "/putar",
    "/tanpa-akhir",
    "/raksasa",
    "http://luar.example/berita",  # another site: never fetched
]

CHARSET_PAGES = {
    # declared ISO-8859-1, sent as UTF-8
    "/berita/d-7600003/salah-charset": (
        "text/html; charset=iso-8859-1",
        "Harga cabai naik, inflasi pangan Jakarta pada Oktober 2026 capai 3 persen — "
        "kata pedagang di Pasar Senen Jakarta Pusat: cabai rawit makin mahal.",
        "utf-8",
    ),
    # no charset anywhere, Windows-1252 bytes
    "/berita/d-7600004/tanpa-charset": (
        "text/html",
        "Harga bawang merah naik 8 persen pada Oktober 2026 di Jakarta Barat — inflasi "
        "pangan terasa “berat” bagi warga Jakarta Barat.",
        "cp1252",
    ),
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # TCP_NODELAY: without it each kept-alive response waits ~40 ms (Nagle + delayed ACK) and a
    # benchmark measures the server, not the scraper.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    @property
    def site(self) -> str:
        return (self.headers.get("Host") or "").split(":")[0].removesuffix(".localhost")

    def send(self, status=200, body=b"", content_type="text/html; charset=utf-8", extra=None):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):  # noqa: C901 - one route table
        server = self.server
        site, path = self.site, self.path
        server.requests.append((site, path, dict(self.headers)))
        port = server.server_address[1]
        if site == "rusak":
            return self.send(500, "Internal Server Error")
        if path == "/robots.txt":
            if site in ROBOTS:
                return self.send(200, ROBOTS[site], "text/plain")
            return self.send(404, "not found")
        bare = path.split("?")[0]
        if (site, bare) in ARTICLES:
            if bare.endswith("sekali-gagal"):
                server.flaky_hits += 1
                if server.flaky_hits == 1:
                    return self.send(503, "coba lagi")
            return self.send(200, article_html(site, bare))
        if site == "kompas":
            if path == "/feed.xml":
                return self.send(200, feed("kompas", KOMPAS_FEED, port), "application/rss+xml")
            if path == "/hilang":
                return self.send(404, "<h1>404</h1>")
            if path == "/galat":
                return self.send(500, "<h1>500</h1>")
            if path == "/putar":
                return self.send(302, "", extra={"Location": "/putar2"})
            if path == "/putar2":
                return self.send(302, "", extra={"Location": "/putar"})
            if path == "/tanpa-akhir":
                return self.endless()
            if path == "/raksasa":
                return self.huge(50 * 1024 * 1024)
        if site == "kosong" and path == "/feed.xml":
            return self.send(200, feed("kosong", [], port), "application/rss+xml")
        if site == "detik":
            if path == "/sitemap.xml":
                index = (
                    "<?xml version='1.0'?><sitemapindex "
                    "xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                    f"<sitemap><loc>http://detik.localhost:{port}/sitemap-1.xml</loc></sitemap>"
                    f"<sitemap><loc>http://detik.localhost:{port}/sitemap-2.xml</loc></sitemap>"
                    "</sitemapindex>"
                )
                return self.send(200, index, "application/xml")
            if path == "/sitemap-1.xml":
                paths = ["/berita/d-7600001/wisman-ke-jakarta-turun"]
                return self.send(200, urlset("detik", paths, port), "application/xml")
            if path == "/sitemap-2.xml":
                paths = ["/berita/d-7600002/pengangguran-jakut", *CHARSET_PAGES]
                return self.send(200, urlset("detik", paths, port), "application/xml")
            if path in CHARSET_PAGES:
                content_type, text, encoding = CHARSET_PAGES[path]
                body = (
                    f"<html><head><title>{text[:40]}</title></head><body><h1>{text[:40]}</h1>"
                    f"<div class='detail__body-text'><p>{text}</p></div></body></html>"
                ).encode(encoding)
                return self.send(200, body, content_type)
        if site == "warta" and bare == "/indeks":
            page = int(path.split("page=")[-1]) if "page=" in path else 1
            per_page = {1: ["/2026/10/20/banjir-rob"], 2: ["/2026/10/21/umkm-naik-kelas"]}
            links = per_page.get(page, ["/2026/10/22/kjp-cair"])
            items = "".join(f"<h2 class='title'><a href='{p}'>{p}</a></h2>" for p in links)
            nxt = page + 1 if page < 3 else 1  # the last page links back to the first
            body = (
                f"<html><body><div class='indeks'>{items}</div><a class='next' "
                f"href='/indeks?page={nxt}'>Berikutnya</a></body></html>"
            )
            return self.send(200, body)
        if site == "isi" and path == "/feed.xml":
            return self.send(200, feed("isi", ["/berita/bansos-lansia"], port), "text/xml")
        if site == "bench":
            return self.bench(path, port)
        return self.send(404, "not found")

    def endless(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            while not self.server.stopping:
                chunk = b"<p>tanpa akhir</p>" * 50  # ~18 KB/s, for ever
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass

    def huge(self, size):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        block = b"<p>" + b"x" * 65530 + b"</p>"
        sent = 0
        try:
            while sent < size:
                self.wfile.write(block)
                sent += len(block)
                self.server.huge_sent = sent
        except OSError:
            pass

    def bench(self, path, port):
        n = self.server.bench_articles
        per_map = 500
        if path == "/sitemap.xml":
            maps = "".join(
                f"<sitemap><loc>http://bench.localhost:{port}/sitemap-{i}.xml</loc></sitemap>"
                for i in range((n + per_map - 1) // per_map)
            )
            return self.send(200, f"<?xml version='1.0'?><sitemapindex>{maps}</sitemapindex>")
        if path.startswith("/sitemap-"):
            i = int(path[len("/sitemap-") : -len(".xml")])
            paths = [
                f"/read/2026/10/{1 + k % 28:02d}/{k}/berita-{k}"
                for k in range(i * per_map, min(n, (i + 1) * per_map))
            ]
            return self.send(200, urlset("bench", paths, port), "application/xml")
        if path.startswith("/read/"):
            k = int(path.rstrip("/").split("/")[-1].split("-")[-1])
            return self.send(200, bench_article(k))
        return self.send(404, "not found")


_BENCH_TOPICS = [
    ("Harga cabai merah di Pasar {n} naik {p} persen", "inflasi, harga pangan"),
    ("Kunjungan wisatawan ke Kota Tua {n} turun {p} persen", "wisatawan, pariwisata"),
    ("Pengangguran di Jakarta Timur berkurang {p} persen", "pengangguran, tenaga kerja"),
    ("Klub sepak bola {n} juara turnamen antarkampung", "sepak bola"),
]


def bench_article(k: int) -> str:
    title, _words = _BENCH_TOPICS[k % len(_BENCH_TOPICS)]
    title = title.format(n=k, p=1 + k % 17)
    if k % len(_BENCH_TOPICS) == 3:  # one in four is not about any theme: not kept
        paragraphs = [
            f"JAKARTA, BENCH.com - {title} pada Minggu sore di lapangan kampung.",
            f"Gol kemenangan dicetak pada menit ke-{10 + k % 80} di hadapan ratusan penonton.",
            f"Pelatih memuji semangat para pemain. Laporan nomor {k} dari tepi lapangan.",
        ] * 3
    else:
        paragraphs = [
            f"JAKARTA, BENCH.com - {title} pada Oktober 2026, menurut pedagang dan warga.",
            f"Harga rata-rata tercatat Rp {10_000 + k:,} per kilogram, sementara inflasi bulanan "
            f"Jakarta {1 + k % 5},{k % 10} persen menurut BPS.".replace(",", "."),
            "Warga berharap pemerintah menjaga pasokan dan harga tetap stabil menjelang akhir "
            f"tahun. Laporan nomor {k} ini menyebut kondisi di lapangan secara rinci.",
        ] * 3
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<meta property='article:published_time' content='2026-11-0{1 + k % 9}'></head>"
        f"<body><h1>{html.escape(title)}</h1><div class='read__content'>{body}</div>"
        "</body></html>"
    )


class PortalServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port=0, bench_articles=0):
        super().__init__(("127.0.0.1", port), Handler)
        self.requests: list = []
        self.flaky_hits = 0
        self.huge_sent = 0
        self.stopping = False
        self.bench_articles = bench_articles
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, site: str, path: str) -> str:
        return f"http://{site}.localhost:{self.port}{path}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.stopping = True
        self.shutdown()
        self.server_close()


def start_server(bench_articles=0) -> PortalServer:
    """A server on the first free port of 8140-8148 (the scrape helper's range)."""
    last = None
    for port in range(8140, 8149):
        try:
            return PortalServer(port, bench_articles).start()
        except OSError as exc:
            last = exc
    raise last
