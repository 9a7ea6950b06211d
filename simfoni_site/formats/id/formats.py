"""SIMFONI's one Indonesian date format (docs/glossary.md): "4 Des 2026", with time
"4 Des 2026 21.51". Django's own id formats mix "4 Des. 2026" (DATE_FORMAT) and "04-12-2026"
(SHORT_DATE_FORMAT); every template and admin listing uses these instead. Input formats are
Django's (not set here, so Django's id module still answers for them)."""

DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y H.i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H.i"
MONTH_DAY_FORMAT = "j M"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H.i"
