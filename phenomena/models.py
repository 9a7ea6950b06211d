"""The domain of SIMFONI: phenomena and the reference data that classifies them.

Reference data (source types, scopes and areas, subjects and themes, work units, outlets,
indicators and their release dates) is data that admins change, never code: any BPS office can
run SIMFONI with its own areas and outlets.
"""

import contextvars
import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from simfoni_text.analysis import ELASTICSEARCH_ANALYZER, analyse_to_string

from . import limits
from .dates import month_year
from .panels import LimitedInlinePanel

# Elasticsearch mapping of fields holding pre-analysed text (split on whitespace only).
SEARCH_TEXT_ES = {"analyzer": ELASTICSEARCH_ANALYZER, "search_analyzer": ELASTICSEARCH_ANALYZER}


class Level(models.TextChoices):
    PROVINSI = "provinsi", _("Provinsi")
    KABKOTA = "kabkota", _("Kabupaten/Kota")


class Role(models.TextChoices):
    ADMIN = "Admin", _("Admin")
    SUPERVISOR = "Supervisor", _("Supervisor")
    OPERATOR = "Operator", _("Operator")
    VIEWER = "Viewer", _("Viewer")


class Direction(models.TextChoices):
    NAIK = "naik", _("Naik")
    TURUN = "turun", _("Turun")
    STABIL = "stabil", _("Stabil")


class SourceType(models.Model):
    """Kind of evidence (news portal, FGD, press release…) and the input rules that go with it."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    label = models.CharField(_("nama"), max_length=120)
    needs_outlet = models.BooleanField(
        _("wajib media"),
        default=False,
        help_text=_("Sumber dari media (portal berita, surat kabar) wajib menyebut medianya."),
    )
    needs_url = models.BooleanField(
        _("wajib tautan bukti"),
        default=False,
        help_text=_("Sumber daring wajib menyertakan tautan bukti."),
    )
    allowed_for_kabkota = models.BooleanField(
        _("boleh diinput operator kab/kota"),
        default=False,
        help_text=_("Operator kabupaten/kota hanya boleh menginput jenis sumber ini."),
    )
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["sort_order", "label"]
        verbose_name = _("jenis sumber")
        verbose_name_plural = pgettext_lazy("jamak", "jenis sumber")

    def __str__(self):
        return self.label


class Scope(models.Model):
    """Coverage of a phenomenon. A scope with `requires_area` holds areas as its children."""

    code = models.CharField(_("kode"), max_length=20, unique=True)
    label = models.CharField(_("nama"), max_length=120)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    requires_area = models.BooleanField(
        _("wajib memilih wilayah"),
        default=False,
        help_text=_("Cakupan ini wajib disertai salah satu wilayah di bawahnya."),
    )
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("cakupan")
        verbose_name_plural = pgettext_lazy("jamak", "cakupan")

    def __str__(self):
        return self.label

    @property
    def is_area(self) -> bool:
        return self.parent_id is not None


class Subject(models.Model):
    code = models.SlugField(_("kode"), max_length=40, unique=True)
    label = models.CharField(_("nama"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["sort_order", "label"]
        verbose_name = _("subjek")
        verbose_name_plural = pgettext_lazy("jamak", "subjek")

    def __str__(self):
        return self.label


class Theme(models.Model):
    subject = models.ForeignKey(
        Subject, verbose_name=_("subjek"), on_delete=models.PROTECT, related_name="themes"
    )
    name = models.CharField(_("nama"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["subject__sort_order", "sort_order", "name"]
        verbose_name = _("tema")
        verbose_name_plural = pgettext_lazy("jamak", "tema")
        constraints = [
            models.UniqueConstraint(fields=["subject", "name"], name="theme_unique_in_subject")
        ]

    def __str__(self):
        return self.name


class WorkUnit(models.Model):
    """A province work unit (fungsi) or a kab/kota office. Kab/kota units are tied to an area."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    level = models.CharField(_("tingkat"), max_length=10, choices=Level.choices)
    area = models.ForeignKey(
        Scope,
        verbose_name=_("wilayah kab/kota"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"parent__isnull": False},
        help_text=_("Wajib untuk satuan kerja kabupaten/kota."),
    )
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["level", "sort_order", "name"]
        verbose_name = _("satuan kerja")
        verbose_name_plural = pgettext_lazy("jamak", "satuan kerja")

    def __str__(self):
        return self.name

    def clean(self):
        if self.level == Level.KABKOTA and not self.area_id:
            raise ValidationError({"area": _("Satuan kerja kab/kota wajib memiliki wilayah.")})
        if self.level == Level.PROVINSI and self.area_id:
            raise ValidationError({"area": _("Satuan kerja provinsi tidak memiliki wilayah.")})

    @property
    def is_kabkota(self) -> bool:
        return self.level == Level.KABKOTA


class Outlet(models.Model):
    """A news portal or newspaper, owned by the work unit whose operators input it."""

    name = models.CharField(_("nama"), max_length=120, unique=True)
    domain = models.CharField(
        _("domain"),
        max_length=120,
        blank=True,
        help_text=_("Mis. kompas.com; kosongkan untuk media cetak."),
    )
    source_type = models.ForeignKey(
        SourceType,
        verbose_name=_("jenis sumber"),
        on_delete=models.PROTECT,
        limit_choices_to={"needs_outlet": True},
    )
    work_unit = models.ForeignKey(
        WorkUnit,
        verbose_name=_("satuan kerja pemilik"),
        on_delete=models.PROTECT,
        related_name="outlets",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("media")
        verbose_name_plural = pgettext_lazy("jamak", "media")

    def __str__(self):
        return self.name


class Indicator(models.Model):
    """An official indicator with its Advance Release Calendar dates."""

    name = models.CharField(_("nama"), max_length=160, unique=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    producer = models.CharField(_("produsen"), max_length=60, default="BPS")
    themes = models.ManyToManyField(
        Theme, verbose_name=_("tema"), blank=True, related_name="indicators"
    )
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("indikator")
        verbose_name_plural = pgettext_lazy("jamak", "indikator")

    def __str__(self):
        return self.name


class ReleaseDate(models.Model):
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indikator"), on_delete=models.CASCADE, related_name="releases"
    )
    date = models.DateField(_("tanggal rilis"), db_index=True)

    class Meta:
        ordering = ["date", "indicator__sort_order"]
        verbose_name = _("jadwal rilis (ARC)")
        verbose_name_plural = pgettext_lazy("jamak", "jadwal rilis (ARC)")
        permissions = [("import_arc_calendar", "Can import the ARC release calendar")]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "date"], name="release_unique_per_day")
        ]

    def __str__(self):
        return f"{self.indicator} — {date_format(self.date)}"


class UserProfile(models.Model):
    """Exactly one role and one work unit per account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="simfoni_profile"
    )
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    work_unit = models.ForeignKey(
        WorkUnit, verbose_name=_("satuan kerja"), on_delete=models.PROTECT, related_name="members"
    )

    class Meta:
        verbose_name = _("profil pengguna")
        verbose_name_plural = pgettext_lazy("jamak", "profil pengguna")
        permissions = [
            ("administer_site", "Can use the Wagtail sections SIMFONI's roles do not use"),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.work_unit})"

    @property
    def level(self) -> str:
        return self.work_unit.level

    def clean(self):
        if self.role == Role.ADMIN and self.work_unit_id and self.work_unit.is_kabkota:
            raise ValidationError({"work_unit": _("Admin hanya ada di tingkat provinsi.")})


class PhenomenonKeyword(TaggedItemBase):
    content_object = ParentalKey(
        "phenomena.Phenomenon", on_delete=models.CASCADE, related_name="keyword_items"
    )


#: True while revisions whose foreign keys were all checked in bulk are read
#: (``Phenomenon.from_serializable_data``).
_foreign_keys_checked = contextvars.ContextVar("phenomenon_foreign_keys_checked", default=False)


def first_of_month(value: datetime.date) -> datetime.date:
    return value.replace(day=1)


class PhenomenonQuerySet(models.QuerySet):
    def approved(self):
        """Approved means published (Wagtail's `live`): the one truth for viewers and the API."""
        return self.filter(live=True)


class Phenomenon(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    """A sourced piece of evidence that explains why an official indicator moved."""

    @classmethod
    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        # A caller that checked every foreign key of many revisions at once (the review
        # queue, workflows.submitted.submitted_objects) spares the query per key.
        if _foreign_keys_checked.get():
            check_fks = False
        return super().from_serializable_data(data, check_fks=check_fks, strict_fks=strict_fks)

    title = models.CharField(_("judul"), max_length=limits.TITLE_MAX_CHARS)
    narrative = models.TextField(
        _("narasi"), help_text=_("Uraian fenomena: apa yang terjadi, angka, penyebab, dampaknya.")
    )
    reference_period = models.DateField(
        _("periode referensi"),
        db_index=True,
        help_text=_("Bulan dan tahun yang dijelaskan fenomena ini."),
    )
    scope = models.ForeignKey(
        Scope,
        verbose_name=_("cakupan"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"parent__isnull": True},
    )
    area = models.ForeignKey(
        Scope,
        verbose_name=_("kabupaten/kota"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"parent__isnull": False},
        help_text=_("Wajib jika cakupan Kabupaten/Kota."),
    )
    subject = models.ForeignKey(Subject, verbose_name=_("subjek"), on_delete=models.PROTECT)
    theme = models.ForeignKey(Theme, verbose_name=_("tema"), on_delete=models.PROTECT)
    keywords = ClusterTaggableManager(
        verbose_name=_("kata kunci"),
        through=PhenomenonKeyword,
        blank=True,
        help_text=_("Pisahkan dengan koma, mis. inflasi, cabai merah."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penginput"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="phenomena",
        editable=False,
    )
    work_unit = models.ForeignKey(
        WorkUnit,
        verbose_name=_("satuan kerja penginput"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="phenomena",
        editable=False,
    )
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("digabungkan ke"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_duplicates",
        editable=False,
        help_text=_("Fenomena duplikat yang sudah digabungkan ke fenomena ini."),
    )

    objects = PhenomenonQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("narrative"),
        LimitedInlinePanel(
            "sources",
            label=_("Sumber"),
            min_num=1,
            max_num=limits.SOURCES_MAX,
            too_many_message=_("Paling banyak %(num)d sumber per fenomena."),
            child_form="phenomena.forms.PhenomenonSourceForm",
            heading=_("Sumber (yang pertama adalah sumber utama)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("reference_period"),
                FieldRowPanel(
                    [
                        FieldPanel("scope", widget=forms.Select),
                        FieldPanel("area", widget=forms.Select),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("subject", widget=forms.Select),
                        FieldPanel("theme", widget=forms.Select),
                    ]
                ),
                FieldPanel("keywords"),
            ],
            heading=_("Klasifikasi"),
        ),
        LimitedInlinePanel(
            "indicator_links",
            label=_("Indikator terkait"),
            heading=_("Indikator"),
            max_num=limits.INDICATORS_MAX,
            too_many_message=_("Paling banyak %(num)d indikator per fenomena."),
        ),
    ]

    # Search (search app): only approved phenomena are indexed (`get_indexed_objects`), and
    # the text is indexed pre-analysed by simfoni_text.analysis so every backend matches alike.
    search_fields = [
        index.SearchField("search_title_id", boost=2, es_extra=SEARCH_TEXT_ES),
        index.SearchField("search_text_id", es_extra=SEARCH_TEXT_ES),
        index.AutocompleteField("title"),
        index.FilterField("id"),
        index.FilterField("live"),
        index.FilterField("subject"),
        index.FilterField("theme"),
        index.FilterField("scope"),
        index.FilterField("area"),
        index.FilterField("reference_period"),
        index.FilterField("author"),
        index.FilterField("created_at"),
        # Denormalised values of the inline sources, indicators and keywords (for filters,
        # facets and sorting in Elasticsearch; the database backend uses joins instead).
        index.FilterField("primary_source_date", type="DateField"),
        index.FilterField("primary_source_type_order", type="IntegerField"),
        index.FilterField("source_type_ids", type="IntegerField"),
        index.FilterField("outlet_ids", type="IntegerField"),
        index.FilterField("source_dates", type="DateField"),
        index.FilterField("indicator_ids", type="IntegerField"),
        index.FilterField("keyword_ids", type="IntegerField"),
    ]

    class Meta:
        ordering = ["-reference_period", "-created_at"]
        verbose_name = _("fenomena")
        verbose_name_plural = pgettext_lazy("jamak", "fenomena")
        # Abilities beyond add/change/delete/view; who holds them: docs/security.md, and the
        # policy that reads them: phenomena/permissions.py.
        permissions = [
            ("administer_phenomenon", "Can see, change and delete every phenomenon"),
            ("merge_phenomenon", "Can merge duplicate phenomena"),
            ("view_history_phenomenon", "Can read the history of phenomena they may see"),
            ("view_pending_figures", "Can include unapproved phenomena in dashboard figures"),
        ]
        indexes = [
            models.Index(fields=["live", "reference_period"], name="phen_live_period"),
            # Dashboard aggregates (home/dashboard.py): index-only scans by created_at.
            models.Index(
                fields=["created_at", "live", "subject", "author", "work_unit", "area"],
                name="phen_dashboard",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def primary_source(self):
        sources = list(self.sources.all())
        return sources[0] if sources else None

    @property
    def reference_period_label(self) -> str:
        return month_year(self.reference_period)  # in the reader's language

    @classmethod
    def get_indexed_objects(cls):
        """Only approved phenomena are ever in the search index."""
        return (
            super()
            .get_indexed_objects()
            .filter(live=True)
            .select_related("subject", "theme", "scope", "area")
            .prefetch_related(
                "sources__outlet", "sources__source_type", "keywords", "indicator_links"
            )
        )

    def search_title_id(self) -> str:
        """The title, analysed for the search index (see simfoni_text.analysis)."""
        return analyse_to_string(self.title)

    def search_text_id(self) -> str:
        """Title, narrative, keywords and outlets, analysed for the search index."""
        parts = [self.title, self.narrative]
        parts += [tag.name for tag in self.keywords.all()]
        parts += [source.outlet.name for source in self.sources.all() if source.outlet_id]
        return analyse_to_string("\n".join(parts))

    def primary_source_date(self):
        source = self.primary_source
        return source.source_date if source else None

    def primary_source_type_order(self):
        source = self.primary_source
        return source.source_type.sort_order if source else None

    def source_type_ids(self) -> list[int]:
        return sorted({s.source_type_id for s in self.sources.all()})

    def outlet_ids(self) -> list[int]:
        return sorted({s.outlet_id for s in self.sources.all() if s.outlet_id})

    def source_dates(self) -> list:
        return sorted({s.source_date for s in self.sources.all()})

    def indicator_ids(self) -> list[int]:
        return sorted({link.indicator_id for link in self.indicator_links.all()})

    def keyword_ids(self) -> list[int]:
        return sorted({tag.pk for tag in self.keywords.all()})

    def clean(self):
        super().clean()
        from .rules import phenomenon_field_errors

        errors = phenomenon_field_errors(self)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.reference_period:
            self.reference_period = first_of_month(self.reference_period)
        super().save(*args, **kwargs)


class PhenomenonSource(Orderable):
    """One piece of evidence of a phenomenon; the first (by order) is the primary source."""

    phenomenon = ParentalKey(Phenomenon, on_delete=models.CASCADE, related_name="sources")
    source_type = models.ForeignKey(
        SourceType, verbose_name=_("jenis sumber"), on_delete=models.PROTECT
    )
    outlet = models.ForeignKey(
        Outlet,
        verbose_name=_("media"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("Wajib untuk portal berita dan surat kabar."),
    )
    url = models.URLField(
        _("tautan bukti"), max_length=1000, blank=True, help_text=_("Wajib untuk sumber daring.")
    )
    source_date = models.DateField(_("tanggal sumber"))
    canonical_url = models.CharField(
        _("tautan kanonik"),
        max_length=1000,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Bentuk baku tautan bukti untuk mengenali artikel yang sama."),
    )

    panels = [
        FieldRowPanel(
            [
                FieldPanel("source_type", widget=forms.Select),
                FieldPanel("outlet", widget=forms.Select),
            ]
        ),
        FieldRowPanel([FieldPanel("url"), FieldPanel("source_date")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("sumber")
        verbose_name_plural = pgettext_lazy("jamak", "sumber")

    def __str__(self):
        return self.outlet.name if self.outlet_id else str(self.source_type)

    def save(self, *args, **kwargs):
        from simfoni_text.urls import canonical_url_or_blank

        self.canonical_url = canonical_url_or_blank(self.url)
        super().save(*args, **kwargs)


class PhenomenonIndicator(Orderable):
    """An indicator the phenomenon explains, with the direction it pushes it."""

    phenomenon = ParentalKey(Phenomenon, on_delete=models.CASCADE, related_name="indicator_links")
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indikator"), on_delete=models.PROTECT, related_name="+"
    )
    direction = models.CharField(
        _("arah"), max_length=10, choices=Direction.choices, default=Direction.NAIK
    )

    panels = [
        FieldRowPanel([FieldPanel("indicator", widget=forms.Select), FieldPanel("direction")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("indikator terkait")
        verbose_name_plural = pgettext_lazy("jamak", "indikator terkait")

    def __str__(self):
        return f"{self.indicator} ({self.get_direction_display()})"


class PhenomenonFingerprint(models.Model):
    """One LSH band key of a phenomenon's title and narrative, for duplicate candidates.

    ``band_key`` is a 64-bit hash of (band number, MinHash band values); ``reference_period``
    is copied from the phenomenon so that the candidate query stays within one month
    (phenomena of another month are never duplicates). See ``phenomena/duplicates/service.py``.
    """

    phenomenon = models.ForeignKey(
        Phenomenon, on_delete=models.CASCADE, related_name="fingerprints", db_index=True
    )
    band_key = models.BigIntegerField()
    reference_period = models.DateField(null=True)

    class Meta:
        verbose_name = _("sidik duplikat")
        verbose_name_plural = pgettext_lazy("jamak", "sidik duplikat")
        indexes = [
            # phenomenon_id in the key: the candidate query is an index-only scan.
            models.Index(
                fields=["band_key", "reference_period", "phenomenon"], name="phen_fp_key_period_id"
            ),
        ]

    def __str__(self):
        return f"{self.phenomenon_id}:{self.band_key}"


class PhenomenonDuplicateFeatures(models.Model):
    """A phenomenon's text as the duplicate scoring needs it, prepared once when it is saved.

    ``data`` is ``phenomena.duplicates.scoring.prepared_data`` of the phenomenon's latest
    content (normalised title and narrative, facts, period, area), kept in sync with the
    fingerprints so that a check never normalises stored texts again.
    """

    phenomenon = models.OneToOneField(
        Phenomenon,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="duplicate_features",
    )
    data = models.JSONField()

    class Meta:
        verbose_name = _("fitur duplikat")
        verbose_name_plural = pgettext_lazy("jamak", "fitur duplikat")

    def __str__(self):
        return str(self.phenomenon_id)


class DuplicateDecision(models.Model):
    """A person's decision about a flagged pair: "bukan duplikat" (with a reason) or merged."""

    class Kind(models.TextChoices):
        NOT_DUPLICATE = "not_duplicate", _("Bukan duplikat")
        MERGED = "merged", _("Digabungkan")

    phenomenon = models.ForeignKey(
        Phenomenon,
        verbose_name=_("fenomena"),
        on_delete=models.CASCADE,
        related_name="duplicate_decisions",
    )
    other = models.ForeignKey(
        Phenomenon,
        verbose_name=_("fenomena pembanding"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("keputusan"), max_length=20, choices=Kind.choices)
    reason = models.TextField(_("alasan"), blank=True)
    score = models.FloatField(_("skor kemiripan"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("waktu"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("keputusan duplikat")
        verbose_name_plural = pgettext_lazy("jamak", "keputusan duplikat")

    def __str__(self):
        return f"{self.phenomenon_id} ~ {self.other_id}: {self.get_kind_display()}"
