"""The certificate PDF (fpdf2, built-in fonts, so it renders on any machine)."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from fpdf import FPDF

_REPLACEMENTS = str.maketrans(
    {"–": "-", "—": "-", "„": '"', "“": '"', "”": '"', "’": "'", "…": "..."}
)


def _latin1(text: str) -> str:
    """The built-in PDF fonts cover Latin-1 (all German letters); map the rest."""
    return text.translate(_REPLACEMENTS).encode("latin-1", "replace").decode("latin-1")


def render_pdf(*, certificate) -> bytes:
    user, course = certificate.user, certificate.course
    issued = timezone.localdate(certificate.issued_at)
    verify_url = f"{settings.WAGTAILADMIN_BASE_URL}{reverse('courses:certificate_verify')}"

    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(_latin1(f"Zertifikat: {course.title}"))
    pdf.set_author("Qualifica Digitalis")
    pdf.set_lang("de-DE")
    pdf.set_auto_page_break(auto=False)
    pdf.add_page()
    pdf.set_draw_color(11, 79, 108)
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, 277, 190)

    pdf.set_text_color(11, 79, 108)
    pdf.set_font("Helvetica", "B", 14)
    pdf.set_xy(20, 24)
    pdf.cell(257, 8, "QUALIFICA DIGITALIS", align="C")
    pdf.set_font("Helvetica", "B", 34)
    pdf.set_xy(20, 42)
    pdf.cell(257, 16, "Teilnahmezertifikat", align="C")

    pdf.set_text_color(29, 36, 48)
    pdf.set_font("Helvetica", "", 14)
    pdf.set_xy(20, 70)
    pdf.cell(257, 8, "Hiermit wird bestätigt, dass", align="C")
    pdf.set_font("Helvetica", "B", 24)
    pdf.set_xy(20, 82)
    pdf.cell(257, 12, _latin1(user.get_full_name() or user.email), align="C")
    pdf.set_font("Helvetica", "", 14)
    pdf.set_xy(20, 100)
    pdf.cell(257, 8, "den Kurs", align="C")
    pdf.set_font("Helvetica", "B", 18)
    pdf.set_xy(30, 110)
    pdf.multi_cell(237, 9, _latin1(course.title), align="C")
    pdf.set_font("Helvetica", "", 14)
    pdf.set_xy(20, pdf.get_y() + 4)
    pdf.cell(
        257,
        8,
        _latin1(f"am {issued:%d.%m.%Y} erfolgreich abgeschlossen hat."),
        align="C",
    )

    valid_through = certificate.valid_through
    if valid_through is not None:
        pdf.set_xy(20, pdf.get_y() + 10)
        pdf.cell(257, 8, _latin1(f"Gültig bis {valid_through:%d.%m.%Y}"), align="C")

    pdf.set_font("Helvetica", "", 11)
    pdf.set_xy(20, 172)
    pdf.cell(257, 6, _latin1(f"Prüfcode: {certificate.code}"), align="C")
    pdf.set_xy(20, 179)
    pdf.cell(257, 6, _latin1(f"Echtheit prüfen: {verify_url}"), align="C")
    return bytes(pdf.output())
