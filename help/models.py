from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

HELP_PATH = "/bantuan/"


class SectionBlock(blocks.StructBlock):
    """One question or topic of the guide, with the anchor the form's "?" links open."""

    anchor = blocks.RegexBlock(
        regex=r"^[a-z0-9-]+$",
        label=_("Jangkar"),
        help_text=_(
            "Huruf kecil, angka dan tanda hubung, mis. memilih-sumber (dipakai tautan "
            "/bantuan/#memilih-sumber dari formulir)."
        ),
        error_messages={"invalid": _("Hanya huruf kecil, angka dan tanda hubung.")},
    )
    heading = blocks.CharBlock(label=_("Judul"), max_length=200)
    body = blocks.RichTextBlock(
        label=_("Isi"), features=["bold", "italic", "link", "ol", "ul", "h3"]
    )

    class Meta:
        icon = "help"
        label = _("Bagian")
        template = "simfoni_help/section.html"


class HelpPage(Page):
    """The user guide / FAQ, edited in Wagtail's page editor; served at /bantuan/."""

    intro = models.TextField(_("pengantar"), blank=True)
    sections = StreamField([("section", SectionBlock())], blank=True, verbose_name=_("bagian"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("sections")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("halaman bantuan")
