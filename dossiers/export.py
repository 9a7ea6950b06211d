"""A dossier as a Word document (python-docx) and as a PDF (fpdf2, pure Python).

Both carry the title, indicator, release day, reference period, the paragraph and the cited
phenomena ([n] title, direction, kab/kota, outlet, source date, link, the statistician's note).
The PDF embeds a TrueType font so every character prints: `DOSSIER_PDF_FONT` (a .ttf path; a
"-Bold" sibling is used for headings when it exists), else DejaVu Sans where the system has it,
else the PDF core font Helvetica with the text reduced to Latin-1.
"""

import io
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from phenomena.dates import long_day
from phenomena.models import Direction

from .proposal import period_label
from .service import cited

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/local/share/fonts/DejaVuSans.ttf",
    "/Library/Fonts/DejaVuSans.ttf",
]


@dataclass
class Sheet:
    """What both formats print, in the reader's language."""

    title: str
    facts: list[tuple[str, str]]
    paragraph: str
    items: list


def sheet(dossier) -> Sheet:
    return Sheet(
        title=dossier.title,
        facts=[
            (_("Indikator"), dossier.indicator.name),
            (_("Tanggal rilis"), long_day(dossier.release.date)),
            (_("Periode referensi"), period_label(dossier.period_start, dossier.period_end)),
        ],
        paragraph=dossier.paragraph,
        items=cited(dossier),
    )


def direction_label(value) -> str:
    return str(Direction(value).label) if value in Direction.values else _("belum ditentukan")


def item_facts(item) -> str:
    parts = [_("Arah: %(d)s") % {"d": direction_label(item.direction)}]
    parts.append(_("Wilayah: %(a)s") % {"a": item.area or _("Provinsi")})
    source = item.outlet or "-"
    if item.source_date:
        source += ", " + long_day(item.source_date)
    parts.append(_("Sumber: %(s)s") % {"s": source})
    return " · ".join(parts)


def filename(dossier, ext: str) -> str:
    return f"berkas-rilis-{dossier.indicator.slug}-{dossier.release.date:%Y-%m-%d}.{ext}"


# ---------------------------------------------------------------------------- DOCX


def _hyperlink(paragraph, url: str, text: str):
    """python-docx has no hyperlink API: add the relationship and the w:hyperlink run."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0B4F8A")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.extend([style, color, underline])
    run.append(props)
    text_el = OxmlElement("w:t")
    text_el.text = text
    run.append(text_el)
    link.append(run)
    paragraph._p.append(link)


def to_docx(dossier) -> bytes:
    from docx import Document

    data = sheet(dossier)
    document = Document()
    document.core_properties.title = data.title
    document.core_properties.language = "id-ID"
    document.add_heading(data.title, level=1)
    for label, value in data.facts:
        line = document.add_paragraph()
        line.add_run(f"{label}: ").bold = True
        line.add_run(value)
    document.add_heading(_("Penjelasan"), level=2)
    document.add_paragraph(data.paragraph or _("(Paragraf penjelasan belum ditulis.)"))
    document.add_heading(_("Fenomena yang dikutip"), level=2)
    if not data.items:
        document.add_paragraph(_("Belum ada fenomena yang dipilih."))
    for item in data.items:
        head = document.add_paragraph()
        head.add_run(f"[{item.number}] ").bold = True
        head.add_run(item.title).bold = True
        document.add_paragraph(item_facts(item))
        if item.url:
            link_line = document.add_paragraph(_("Tautan: "))
            _hyperlink(link_line, item.url, item.url)
        if item.note:
            document.add_paragraph().add_run(_("Catatan: %(n)s") % {"n": item.note}).italic = True
        document.add_paragraph(item.narrative)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------- PDF

LATIN1_REPLACEMENTS = str.maketrans(
    {"—": "-", "–": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "·": "-"}
)


def font_path() -> Path | None:
    for candidate in [settings.DOSSIER_PDF_FONT, *FONT_CANDIDATES]:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


class _Pdf:
    def __init__(self):
        from fpdf import FPDF

        self.pdf = FPDF(format="A4")
        self.pdf.set_auto_page_break(auto=True, margin=18)
        self.pdf.set_margins(18, 18, 18)
        regular = font_path()
        if regular is not None:
            bold = regular.with_name(regular.stem + "-Bold" + regular.suffix)
            self.pdf.add_font("body", "", str(regular))
            self.pdf.add_font("body", "B", str(bold if bold.is_file() else regular))
            self.pdf.add_font("body", "I", str(regular))
            self.family, self.unicode = "body", True
        else:
            self.family, self.unicode = "helvetica", False
        self.pdf.add_page()

    def text(self, value: str) -> str:
        if self.unicode:
            return value
        return value.translate(LATIN1_REPLACEMENTS).encode("latin-1", "replace").decode("latin-1")

    def write(self, value: str, size=10.5, style="", height=5.5, link="", gap=1.5):
        self.pdf.set_font(self.family, style, size)
        if link:
            self.pdf.set_text_color(11, 79, 138)
        self.pdf.multi_cell(0, height, self.text(value), link=link, new_x="LMARGIN", new_y="NEXT")
        self.pdf.set_text_color(0, 0, 0)
        self.pdf.ln(gap)


def to_pdf(dossier) -> bytes:
    data = sheet(dossier)
    doc = _Pdf()
    doc.pdf.set_title(doc.text(data.title))
    doc.pdf.set_lang("id")
    doc.write(data.title, size=16, style="B", height=8, gap=3)
    for label, value in data.facts:
        doc.write(f"{label}: {value}", gap=0.5)
    doc.pdf.ln(3)
    doc.write(_("Penjelasan"), size=13, style="B", height=7)
    doc.write(data.paragraph or _("(Paragraf penjelasan belum ditulis.)"), gap=4)
    doc.write(_("Fenomena yang dikutip"), size=13, style="B", height=7)
    if not data.items:
        doc.write(_("Belum ada fenomena yang dipilih."))
    for item in data.items:
        doc.write(f"[{item.number}] {item.title}", style="B", gap=0.5)
        doc.write(item_facts(item), size=9.5, gap=0.5)
        if item.url:
            doc.write(item.url, size=9.5, link=item.url, gap=0.5)
        if item.note:
            doc.write(_("Catatan: %(n)s") % {"n": item.note}, size=9.5, style="I", gap=0.5)
        doc.write(item.narrative, size=9.5, gap=4)
    return bytes(doc.pdf.output())
