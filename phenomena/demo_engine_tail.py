
# --------------------------------------------------------------------------------------
# Engine
# --------------------------------------------------------------------------------------

_FORMATTER = string.Formatter()
_SMALL_WORDS = {"dan", "di", "ke", "dari", "yang", "untuk", "per", "atau", "pada", "dengan"}
_GENERIC_AKTOR = [
    "Kepala BPS Provinsi DKI Jakarta",
    "Sekretaris Daerah Provinsi DKI Jakarta",
    "Kepala Bappeda DKI Jakarta",
    "ekonom Universitas Indonesia",
]
_GENERIC_PESERTA = ["pelaku usaha setempat", "aparat kelurahan dan tokoh masyarakat"]
_GENERIC_NARASUMBER = ["lurah setempat", "pengurus RW setempat", "pelaku usaha setempat"]

_KAB_INTRO = {
    "fgd": [
        "Dalam FGD yang digelar {kota_bps} bersama {peserta} di {tempat} pada {tgl}, "
        "peserta membahas {topik}.",
        "Focus group discussion (FGD) bersama {peserta} di {tempat} mengungkap kondisi "
        "{topik} di {kota} selama {bulan} {tahun}.",
        "{kota_bps} menghimpun informasi mengenai {topik} melalui FGD bersama {peserta} "
        "di {tempat} pada {tgl}.",
    ],
    "stakeholder": [
        "Hasil wawancara dengan {narasumber} di {tempat} pada {tgl} memberikan gambaran "
        "mengenai {topik} di {kota}.",
        "Informasi langsung dari {narasumber} di {tempat} menunjukkan perkembangan {topik} "
        "selama {bulan} {tahun}.",
        "Kepada petugas {kota_bps}, {narasumber} di {tempat} menjelaskan kondisi {topik} "
        "pada {bulan} {tahun}.",
    ],
}
_KAB_TITLES = {
    "fgd": [
        "FGD {kota_bps}: {topik_t} di {tempat_t} pada {bulan} {tahun}",
        "Temuan FGD di {tempat_t} soal {topik_t}, {bulan} {tahun}",
        "Hasil FGD {kota_t}: {topik_t} Sepanjang {bulan} {tahun}",
    ],
    "stakeholder": [
        "Stakeholder di {tempat_t} Ungkap {topik_t} pada {bulan} {tahun}",
        "Wawancara {kota_bps}: {topik_t} di {tempat_t}, {bulan} {tahun}",
        "Informasi Lapangan {kota_t}: {topik_t} pada {bulan} {tahun}",
    ],
}
_PELATIHAN_SENTENCE = [
    "Materi tersebut dibahas dalam webinar {webinar} yang diikuti pegawai BPS Provinsi "
    "DKI Jakarta pada {tgl}.",
    "Informasi ini diperoleh dari pelatihan {webinar} yang diselenggarakan pada {tgl}.",
]
_WEBINAR = [
    "Analisis Fenomena Statistik",
    "Literasi Statistik untuk Perencanaan Daerah",
    "Pemanfaatan Big Data untuk Statistik Resmi",
    "Diseminasi Berita Resmi Statistik",
]


def _events(year: int, month: int) -> dict[str, str]:
    """Seasonal moments of a month, used to keep causes plausible for the calendar."""
    ev: dict[str, str] = {"any": ""}
    ram = _RAMADAN.get(year)
    idf = _LEBARAN.get(year, (0, 0))
    if month == ram or month in idf:
        ev["lebaran"] = "Ramadan dan Idulfitri"
    if month == ram:
        ev["ramadan"] = "bulan Ramadan"
    if idf[1] and month == idf[1] % 12 + 1:
        ev["pasca_lebaran"] = "libur Lebaran"
    if month == _IDULADHA.get(year):
        ev["iduladha"] = "Iduladha"
    if month == 12:
        ev["nataru"] = "libur Natal dan Tahun Baru"
        ev["libur_sekolah"] = "libur sekolah akhir tahun"
    if month == 1:
        ev["pasca_nataru"] = "libur Natal dan Tahun Baru"
    if month in (6, 7):
        ev["libur_sekolah"] = "libur kenaikan kelas"
        ev["jakarta_fair"] = "Jakarta Fair"
    if month in (7, 8):
        ev["ajaran_baru"] = "tahun ajaran baru"
    if month == 6:
        ev["hut_jakarta"] = f"HUT ke-{year - 1527} Jakarta"
    if month == 8:
        ev["hut_ri"] = f"HUT ke-{year - 1945} RI"
    if month in (11, 12, 1, 2, 3):
        ev["musim_hujan"] = "musim hujan"
    if month in (6, 7, 8, 9):
        ev["kemarau"] = "musim kemarau"
    if month in (4, 5, 8, 9):
        ev["panen"] = "musim panen"
    if month in (10, 11, 12):
        ev["akhir_tahun"] = "akhir tahun"
    if year == 2024 and month in (9, 10, 11):
        ev["pilkada"] = "Pilkada Jakarta 2024"
    if year == 2024 and month in (1, 2):
        ev["pemilu"] = "Pemilu 2024"
    if year == 2025 and month in (1, 2):
        ev["diskon_listrik"] = "diskon tarif listrik"
    if year == 2025 and 2 <= month <= 8:
        ev["efisiensi"] = "efisiensi anggaran"
    return ev


def _fmt_num(x: float, dec: int) -> str:
    s = f"{x:,.{dec}f}"
    return s.replace(",", "_").replace(".", ",").replace("_", ".")


def _gen_num(rng: random.Random, spec: tuple) -> str:
    lo, hi, dec = spec[0], spec[1], spec[2]
    step = spec[3] if len(spec) > 3 else None
    x = rng.uniform(lo, hi)
    if step:
        x = round(x / step) * step
    return _fmt_num(x, dec)


def _title_case(text: str) -> str:
    words = text.split(" ")
    out = []
    for i, w in enumerate(words):
        if i and w in _SMALL_WORDS:
            out.append(w)
            continue
        for j, ch in enumerate(w):
            if ch.isalpha():
                w = w[:j] + ch.upper() + w[j + 1 :]
                break
        out.append(w)
    return " ".join(out)


def _cap_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _slugify(text: str, max_len: int = 90) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.replace("%", " persen ")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0]
    return slug


def _by_dir(spec, direction: str):
    """Template/slot banks may be a plain list or a dict keyed by direction (+ '*')."""
    if isinstance(spec, dict):
        return list(spec.get(direction, [])) + list(spec.get("*", []))
    return list(spec)


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in _FORMATTER.parse(template) if f}


def _render(template: str, slots: dict) -> str | None:
    if not _fields(template) <= slots.keys():
        return None
    text = template.format(**slots)
    if "{" in text:  # slot values may themselves contain slots (e.g. topik)
        if not _fields(text) <= slots.keys():
            return None
        text = text.format(**slots)
    return text


def _pick_render(rng: random.Random, templates: list[str], slots: dict) -> str | None:
    options = [t for t in templates if _render(t, slots) is not None]
    if not options:
        return None
    return _render(rng.choice(options), slots)


def _weighted(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _place_pool(kind: str, kab: str | None) -> list[str]:
    if kab:
        return list(KABKOTA[kab][kind])
    pool: list[str] = []
    for code, info in KABKOTA.items():
        if code == "3101" and kind in ("pasar", "kecamatan"):
            continue  # provincial news rarely quotes the islands for these
        pool.extend(info[kind])
    return pool


def _build_slots(
    rng: random.Random,
    theme: dict,
    direction: str,
    scope: str,
    kab: str | None,
    ref: datetime.date,
    src_date: datetime.date,
) -> dict:
    y, m = ref.year, ref.month
    events = _events(y, m)
    wil, wil_s, di_wil = _SCOPE_WORDS[scope]
    prev_m = (m - 2) % 12
    next_m = m % 12
    slots: dict[str, str] = {
        "bulan": MONTHS_ID[m - 1],
        "tahun": str(y),
        "tahun_lalu": str(y - 1),
        "bulan_lalu": MONTHS_ID[prev_m],
        "bulan_depan": MONTHS_ID[next_m],
        "triwulan": _ROMAN[(m - 1) // 3],
        "tgl": f"{src_date.day} {MONTHS_ID[src_date.month - 1]} {src_date.year}",
        "wil": wil,
        "wil_s": wil_s,
        "di_wil": di_wil,
        "bps": "BPS" if scope == "nasional" else "BPS Provinsi DKI Jakarta",
        "arah": {"naik": "naik", "turun": "turun", "stabil": "stabil"}[direction],
        "meningkat": {"naik": "meningkat", "turun": "menurun", "stabil": "relatif stabil"}[
            direction
        ],
        "webinar": rng.choice(_WEBINAR),
    }
    if kab:
        slots["kota"] = KABKOTA[kab]["name"]
        slots["kota_bps"] = KABKOTA[kab]["bps"]
    places = _place_pool(theme.get("place", "kecamatan"), kab)
    tempat = rng.sample(places, 2) if len(places) > 1 else places * 2
    slots["tempat"], slots["tempat2"] = tempat
    for key in ("aktor", "peserta", "narasumber"):
        default = {
            "aktor": _GENERIC_AKTOR,
            "peserta": _GENERIC_PESERTA,
            "narasumber": _GENERIC_NARASUMBER,
        }[key]
        pool = theme.get(key, default)
        picked = rng.sample(pool, 2) if len(pool) > 1 else pool * 2
        slots[key], slots[key + "2"] = picked
    for name, spec in theme.get("nums", {}).items():
        slots[name] = _gen_num(rng, spec)
    for name, spec in theme.get("slots", {}).items():
        values = _by_dir(spec, direction)
        if name.count("*"):
            base, k = name.split("*")
            taken = set(slots.values())
            choices = [v for v in values if v not in taken]
            picked = rng.sample(choices, int(k))
            for i, v in enumerate(picked):
                slots[base if i == 0 else f"{base}{i + 1}"] = v
            continue
        usable = []
        for v in values:
            if isinstance(v, dict) and v.get("when"):
                when = v["when"] if isinstance(v["when"], tuple) else (v["when"],)
                if not any(w in events for w in when):
                    continue
            usable.append(v)
        if not usable:
            continue
        value = rng.choice(usable)
        if isinstance(value, dict):
            if value.get("when"):
                when = value["when"] if isinstance(value["when"], tuple) else (value["when"],)
                slots["momen"] = next(events[w] for w in when if w in events)
            for k, v in value.items():
                if k == "when":
                    continue
                slots[k] = _gen_num(rng, v) if isinstance(v, tuple) else v
        else:
            slots[name] = value
    if "komoditas" in slots and "objek" not in slots:
        kom = slots["komoditas"]
        slots["objek"] = kom if kom.split(" ")[0] in ("tarif", "biaya") else f"harga {kom}"
    if theme.get("topik"):
        slots["topik"] = _render(rng.choice(theme["topik"]), slots) or ""
    for key in list(slots):
        if isinstance(slots[key], str) and not key.startswith("kw"):
            slots[key + "_t"] = _title_case(slots[key])
    return slots


def _ref_months(today: datetime.date, months: int) -> list[tuple[int, int]]:
    out = []
    y, m = today.year, today.month
    for _ in range(max(1, months)):
        out.append((y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out


def _source_date(rng: random.Random, ref: datetime.date, today: datetime.date):
    last = min(ref + datetime.timedelta(days=45), today)
    span = (last - ref).days
    # news usually follows the facts within a few weeks
    offset = min(span, int(rng.triangular(0, span + 1, min(span, 12))))
    return ref + datetime.timedelta(days=max(0, offset))


def _digits(rng: random.Random, k: int) -> str:
    return str(rng.randint(10 ** (k - 1), 10**k - 1))


def _portal_url(rng: random.Random, outlet: str, slug: str, d: datetime.date, subject: str):
    eko = subject == "ekonomi"
    ymd = f"{d.year}/{d.month:02d}/{d.day:02d}"
    stamp = f"{d:%Y%m%d}{rng.randint(6, 21):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"
    hms = stamp[8:]
    if outlet == "Kompas.com":
        host = "money.kompas.com" if eko else "megapolitan.kompas.com"
        return f"https://{host}/read/{ymd}/{hms}{_digits(rng, 2)}/{slug}"
    if outlet == "Detik.com":
        if eko:
            return f"https://finance.detik.com/berita-ekonomi-bisnis/d-{_digits(rng, 7)}/{slug}"
        return f"https://news.detik.com/berita/d-{_digits(rng, 7)}/{slug}"
    if outlet == "CNN Indonesia":
        sec, cat = ("ekonomi", 92) if eko else ("nasional", 20)
        return f"https://www.cnnindonesia.com/{sec}/{stamp}-{cat}-{_digits(rng, 7)}/{slug}"
    if outlet == "CNBC Indonesia":
        sec = "news" if eko else "research"
        return f"https://www.cnbcindonesia.com/{sec}/{stamp}-4-{_digits(rng, 6)}/{slug}"
    if outlet == "Tribunnews":
        sec = "bisnis" if eko else "metropolitan"
        return f"https://www.tribunnews.com/{sec}/{ymd}/{slug}"
    if outlet == "Republika":
        host = "ekonomi.republika.co.id" if eko else "news.republika.co.id"
        code = "s" + "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(8))
        return f"https://{host}/berita/{code}/{slug}"
    if outlet == "Media Indonesia":
        sec = "ekonomi" if eko else "megapolitan"
        return f"https://mediaindonesia.com/{sec}/{_digits(rng, 6)}/{slug}"
    if outlet == "Sindonews":
        host, cat = ("ekbis.sindonews.com", 33) if eko else ("metro.sindonews.com", 170)
        ts = int(datetime.datetime(d.year, d.month, d.day, 10).timestamp())
        return f"https://{host}/read/{_digits(rng, 7)}/{cat}/{slug}-{ts}"
    if outlet == "Rakyat Merdeka":
        sec = "ekonomi-bisnis" if eko else "nasional"
        return f"https://rm.id/baca-berita/{sec}/{_digits(rng, 6)}/{slug}"
    if outlet == "Tempo.co":
        sec = {"ekonomi": "ekonomi", "sosial": "politik"}.get(subject, "lingkungan")
        return f"https://www.tempo.co/{sec}/{slug}-{_digits(rng, 7)}"
    if outlet == "The Jakarta Post":
        sec = "business" if eko else "indonesia"
        return f"https://www.thejakartapost.com/{sec}/{ymd}/{slug}.html"
    if outlet == "Kontan":
        host = "nasional.kontan.co.id" if eko else "regional.kontan.co.id"
        return f"https://{host}/news/{slug}"
    if outlet == "Suara.com":
        sec = "bisnis" if eko else "news"
        return f"https://www.suara.com/{sec}/{ymd}/{hms}/{slug}"
    if outlet == "Kompas.id":
        sec = "ekonomi" if eko else "metro"
        return f"https://www.kompas.id/baca/{sec}/{ymd}/{slug}"
    if outlet == "Bisnis Indonesia":
        host, cat = ("ekonomi.bisnis.com", 9) if eko else ("jakarta.bisnis.com", 77)
        return f"https://{host}/read/{d:%Y%m%d}/{cat}/{_digits(rng, 7)}/{slug}"
    raise ValueError(outlet)  # pragma: no cover


def _press_url(rng: random.Random, domain: str, slug: str, d: datetime.date) -> str:
    ymd = f"{d.year}/{d.month:02d}/{d.day:02d}"
    if domain in ("bps.go.id", "jakarta.bps.go.id"):
        host = "www.bps.go.id" if domain == "bps.go.id" else domain
        return f"https://{host}/id/pressrelease/{ymd}/{_digits(rng, 4)}/{slug}.html"
    if domain == "bi.go.id":
        return (
            "https://www.bi.go.id/id/publikasi/ruang-media/news-release/Pages/"
            f"sp_{d:%y}{_digits(rng, 5)}.aspx"
        )
    if domain == "jakarta.go.id":
        return f"https://www.jakarta.go.id/siaran-pers/{d.year}/{d.month:02d}/{slug}"
    if domain == "kemnaker.go.id":
        return f"https://kemnaker.go.id/news/detail/{slug}"
    return f"https://kemenparekraf.go.id/berita/siaran-pers-{slug}"


def _youtube_url(rng: random.Random) -> str:
    alphabet = string.ascii_letters + string.digits + "-_"
    return "https://www.youtube.com/watch?v=" + "".join(rng.choice(alphabet) for _ in range(11))


def _make_source(rng, stype, title, d, theme, subject, exclude_outlets) -> dict:
    slug = _slugify(title)
    outlet: str | None = None
    url = ""
    if stype == "portal_berita":
        weights = {k: v for k, v in _PORTAL_WEIGHTS.items() if k not in exclude_outlets}
        outlet = _weighted(rng, weights)
        url = _portal_url(rng, outlet, slug, d, subject)
    elif stype == "surat_kabar":
        outlet = PRINT_OUTLET
    elif stype == "siaran_pers":
        url = _press_url(rng, rng.choice(theme.get("press", _DEFAULT_PRESS)), slug, d)
    elif stype == "tv_video":
        url = _youtube_url(rng)
    return {"source_type": stype, "outlet": outlet, "url": url, "date": d}


_DEFAULT_PRESS = ["jakarta.bps.go.id", "jakarta.go.id"]


def _keywords(rng: random.Random, theme: dict, slots: dict) -> list[str]:
    pool = theme["keywords"]
    out: list[str] = []
    if rng.random() < 0.75:
        out.append(pool[0])
    for key in sorted(k for k in slots if k.startswith("kw") and not k.endswith("_t")):
        out.append(slots[key])
    weights = [1.0 / (i + 1) ** 0.7 for i in range(len(pool))]
    target = rng.randint(2, 5)
    guard = 0
    while len(dict.fromkeys(out)) < target and guard < 40:
        out.append(rng.choices(pool, weights=weights)[0])
        guard += 1
    return list(dict.fromkeys(k.lower() for k in out))[:5]


def _indicators(rng: random.Random, theme: dict, direction: str) -> list[tuple[str, str]]:
    out = []
    for name, prob in theme.get("indicators", []):
        if rng.random() < prob:
            out.append((name, direction))
    return out


def _allocate(rng: random.Random, n: int) -> list[str]:
    """Themes for n items: proportional quotas (so rare themes still appear) + weighted rest."""
    names = list(THEMES)
    total = sum(THEMES[t]["weight"] for t in names)
    result = []
    for t in names:
        result.extend([t] * int(n * THEMES[t]["weight"] / total))
    weights = [THEMES[t]["weight"] for t in names]
    while len(result) < n:
        result.append(rng.choices(names, weights=weights)[0])
    rng.shuffle(result)
    return result


def _kab_probability() -> float:
    total = sum(t["weight"] for t in THEMES.values())
    kab_total = sum(t["weight"] for t in THEMES.values() if t.get("kab"))
    return min(0.95, KAB_SHARE * total / kab_total)


def _make_item(rng, theme_name, today, ref_months, used_titles, used_urls) -> dict:
    theme = THEMES[theme_name]
    subject = THEME_SUBJECT[theme_name]
    kab_level = bool(theme.get("kab")) and rng.random() < _kab_probability()
    y, m = rng.choices(ref_months, weights=[0.35] + [1.0] * (len(ref_months) - 1))[0]
    ref = datetime.date(y, m, 1)
    direction = _weighted(rng, theme.get("dirs", {"naik": 1}))
    if kab_level:
        scope = "kabkota"
        kab = _weighted(rng, theme.get("kab_weights", {c: 1 for c in KABKOTA}))
        stypes = [_weighted(rng, _KAB_SOURCE_WEIGHTS)]
        if rng.random() < 0.2:
            stypes.append("stakeholder" if stypes[0] == "fgd" else "fgd")
    else:
        scope = _weighted(rng, theme.get("scopes", {"dki": 1}))
        kab = None
        stypes = [_weighted(rng, _PROV_SOURCE_WEIGHTS)]
        if rng.random() < 0.3:
            extra = _weighted(rng, _PROV_SOURCE_WEIGHTS)
            if extra == "portal_berita" or extra != stypes[0]:
                stypes.append(extra)
    dates = sorted(_source_date(rng, ref, today) for _ in stypes)

    title = ""
    slots: dict = {}
    for attempt in range(60):
        slots = _build_slots(rng, theme, direction, scope, kab, ref, dates[0])
        templates = _by_dir(theme["titles"], direction)
        if kab_level and rng.random() < 0.5:
            templates = _KAB_TITLES[stypes[0]]
        candidate = _pick_render(rng, templates, slots)
        if not candidate:
            continue
        candidate = _cap_first(candidate)
        if 50 <= len(candidate) <= 110 and (candidate not in used_titles or attempt > 50):
            title = candidate
            break
    used_titles.add(title)

    narrative = _narrative(rng, theme, direction, slots, kab_level, stypes[0])
    sources = []
    outlets_used: set[str] = set()
    for stype, d in zip(stypes, dates, strict=True):
        for _ in range(10):
            src = _make_source(rng, stype, title, d, theme, subject, outlets_used)
            if not src["url"] or src["url"] not in used_urls:
                break
        if src["url"]:
            used_urls.add(src["url"])
        if src["outlet"]:
            outlets_used.add(src["outlet"])
        sources.append(src)

    return {
        "title": title,
        "narrative": narrative,
        "subject": subject,
        "theme": theme_name,
        "scope": scope,
        "kabkota": kab,
        "reference_year": y,
        "reference_month": m,
        "keywords": _keywords(rng, theme, slots),
        "indicators": _indicators(rng, theme, direction),
        "sources": sources,
        "level": "kabkota" if kab_level else "provinsi",
    }


def _narrative(rng, theme, direction, slots, kab_level, stype) -> str:
    def pick(key: str) -> str | None:
        return _pick_render(rng, _by_dir(theme.get(key, []), direction), slots)

    parts: list[str | None] = []
    if kab_level:
        parts.append(_pick_render(rng, _KAB_INTRO[stype], slots))
    parts.append(pick("leads"))
    cause = pick("causes")
    parts.append(cause)
    closing = pick("closings")
    extra = pick("extras")
    sentences = [_cap_first(p) for p in parts if p]
    if stype == "pelatihan":
        tail = _pick_render(rng, _PELATIHAN_SENTENCE, slots)
        if extra and len(sentences) < 2:
            sentences.append(_cap_first(extra))
        if closing:
            sentences.append(_cap_first(closing))
        sentences.append(tail)
    else:
        words = sum(len(s.split()) for s in sentences) + len((closing or "").split())
        if extra and len(sentences) < 3 and (words < 75 or rng.random() < 0.5):
            sentences.append(_cap_first(extra))
        if closing:
            sentences.append(_cap_first(closing))
    sentences = sentences[:4]
    text = " ".join(sentences)
    while len(text.split()) > 160 and len(sentences) > 2:
        sentences.pop(-2)
        text = " ".join(sentences)
    return text


def generate(
    n: int, *, today: datetime.date, seed: int = 2024, months: int = 18
) -> list[dict]:
    """Generate ``n`` demo phenomena, deterministic for (seed, today, months).

    Reference months lie within the last ``months`` months up to ``today``'s month; source
    dates lie in [reference month start, min(start + 45 days, today)].
    """
    if n <= 0:
        return []
    rng = random.Random(seed)
    ref_months = _ref_months(today, months)
    used_titles: set[str] = set()
    used_urls: set[str] = set()
    return [
        _make_item(rng, theme, today, ref_months, used_titles, used_urls)
        for theme in _allocate(rng, n)
    ]
