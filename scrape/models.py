"""Web scraping: the portals read (`Source`), the keyword rules that keep and classify an
article (`KeywordRule`), the runs with their progress per source (`Run`, `RunSource`) and every
article seen (`Article`, unique on its canonical URL: a run interrupted and started again never
stores nor counts one twice)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Source(models.Model):
    class Discovery(models.TextChoices):
        FEED = "feed", _("RSS/Atom feed")
        SITEMAP = "sitemap", _("Sitemap")
        LISTING = "listing", _("Halaman daftar (selektor CSS)")

    name = models.CharField(_("nama"), max_length=120, unique=True)
    outlet = models.ForeignKey(
        "phenomena.Outlet",
        verbose_name=_("media"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="scrape_sources",
    )
    enabled = models.BooleanField(_("aktif"), default=False)
    discovery = models.CharField(
        _("cara menemukan artikel"),
        max_length=10,
        choices=Discovery.choices,
        default=Discovery.FEED,
    )
    start_url = models.URLField(
        _("alamat awal"),
        max_length=500,
        help_text=_("Alamat feed, sitemap, atau halaman daftar artikel."),
    )
    link_selector = models.CharField(
        _("selektor tautan artikel"),
        max_length=300,
        blank=True,
        help_text=_("Untuk halaman daftar: selektor CSS tautan artikel, mis. h2.title a"),
    )
    next_selector = models.CharField(
        _("selektor halaman berikutnya"),
        max_length=300,
        blank=True,
        help_text=_("Untuk halaman daftar: selektor CSS tautan ke halaman berikutnya."),
    )
    title_selector = models.CharField(_("selektor judul"), max_length=300, blank=True)
    body_selector = models.CharField(
        _("selektor isi"),
        max_length=300,
        blank=True,
        help_text=_("Kosongkan untuk ekstraksi isi otomatis."),
    )
    date_selector = models.CharField(_("selektor tanggal"), max_length=300, blank=True)
    delay_seconds = models.FloatField(
        _("jeda antarpermintaan (detik)"),
        default=1.0,
        help_text=_("Jeda sopan antara dua permintaan ke portal ini."),
    )
    max_pages = models.PositiveSmallIntegerField(
        _("maksimum halaman daftar"),
        default=5,
        help_text=_("Halaman daftar, feed atau sitemap yang dibaca per putaran."),
    )
    max_articles = models.PositiveIntegerField(_("maksimum artikel per putaran"), default=200)
    # health
    last_success_at = models.DateTimeField(_("terakhir berhasil"), null=True, blank=True)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    last_error_at = models.DateTimeField(_("waktu galat terakhir"), null=True, blank=True)
    last_found = models.PositiveIntegerField(
        _("artikel ditemukan pada putaran terakhir"), null=True, blank=True
    )
    empty_runs = models.PositiveSmallIntegerField(
        _("putaran berturut-turut tanpa artikel"), default=0
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("sumber scraping")
        verbose_name_plural = pgettext_lazy("jamak", "sumber scraping")

    def __str__(self):
        return self.name

    @property
    def flagged(self) -> bool:
        """Returned nothing on its last run (a changed layout, a dead feed): needs a look."""
        return self.empty_runs > 0 or (bool(self.last_error) and self.last_success_at is None)

    @property
    def last_error_short(self) -> str:
        """The last error, cut for the sources list (the whole one is on the source's form)."""
        error = self.last_error
        return error if len(error) <= 120 else error[:119] + "…"

    @property
    def health(self) -> str:
        if self.last_found is None and not self.last_error:
            return str(_("Belum pernah dijalankan"))
        if self.empty_runs:
            return str(_("Perlu diperiksa: tidak ada artikel"))
        if self.last_error and (
            self.last_success_at is None
            or (self.last_error_at and self.last_error_at > self.last_success_at)
        ):
            return str(_("Galat"))
        return str(_("Sehat"))


class KeywordRule(models.Model):
    """Words that make an article relevant to a theme (and optionally an ARC indicator)."""

    theme = models.ForeignKey(
        "phenomena.Theme", verbose_name=_("tema"), on_delete=models.CASCADE, related_name="+"
    )
    indicator = models.ForeignKey(
        "phenomena.Indicator",
        verbose_name=_("indikator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    keywords = models.TextField(
        _("kata kunci"),
        help_text=_("Pisahkan dengan koma, mis. inflasi, harga cabai, IHK."),
    )
    weight = models.PositiveSmallIntegerField(_("bobot"), default=1)
    enabled = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["theme__name", "pk"]
        verbose_name = _("aturan kata kunci")
        verbose_name_plural = pgettext_lazy("jamak", "aturan kata kunci")

    def __str__(self):
        return f"{self.theme}: {self.keywords[:60]}"

    def keyword_list(self) -> list[str]:
        return [k.strip() for k in self.keywords.split(",") if k.strip()]


class Run(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("Berjalan")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    started_at = models.DateTimeField(_("mulai"), auto_now_add=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RUNNING
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dijalankan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("putaran scraping")
        verbose_name_plural = pgettext_lazy("jamak", "putaran scraping")

    def __str__(self):
        return _("Putaran #%(id)s") % {"id": self.pk}


class RunSource(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu")
        RUNNING = "running", _("Berjalan")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="parts")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="run_parts")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    found = models.PositiveIntegerField(_("ditemukan"), default=0)
    already = models.PositiveIntegerField(_("sudah tersimpan"), default=0)
    fetched = models.PositiveIntegerField(_("diambil"), default=0)
    kept = models.PositiveIntegerField(_("relevan"), default=0)
    duplicate = models.PositiveIntegerField(_("duplikat"), default=0)
    errors = models.PositiveIntegerField(_("galat"), default=0)
    message = models.TextField(_("pesan"), blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["source__name"]
        constraints = [
            models.UniqueConstraint(fields=["run", "source"], name="scrape_runsource_unique")
        ]

    def __str__(self):
        return f"{self.run} · {self.source}"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class Article(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("Menunggu tinjauan")
        IRRELEVANT = "irrelevant", _("Tidak relevan")
        DUPLICATE = "duplicate", _("Duplikat")
        UPLOADED = "uploaded", _("Diunggah")
        SKIPPED = "skipped", _("Dilewati")
        FAILED = "failed", _("Gagal dibaca")

    canonical_url = models.CharField(_("tautan kanonik"), max_length=1000, unique=True)
    url = models.URLField(_("tautan"), max_length=1000)
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="articles")
    run = models.ForeignKey(
        Run, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    title = models.CharField(_("judul"), max_length=500, blank=True)
    published = models.DateField(_("tanggal terbit"), null=True, blank=True)
    text = models.TextField(_("isi"), blank=True)
    suggestions = models.JSONField(_("usulan"), default=dict, blank=True)
    duplicates = models.JSONField(_("kandidat duplikat"), default=list, blank=True)
    message = models.TextField(_("pesan"), blank=True)
    phenomenon = models.ForeignKey(
        "phenomena.Phenomenon",
        verbose_name=_("fenomena"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    fetched_at = models.DateTimeField(_("diambil"), auto_now_add=True)

    class Meta:
        ordering = ["-fetched_at", "-pk"]
        verbose_name = _("artikel hasil scraping")
        verbose_name_plural = pgettext_lazy("jamak", "artikel hasil scraping")

    def __str__(self):
        return self.title or self.url

    @property
    def excerpt(self) -> str:
        text = " ".join(self.text.split())
        return text[:280] + ("…" if len(text) > 280 else "")
