"""Size limits of a phenomenon's input, in one place.

The form, the rules (`phenomena.rules`) and the help texts read these numbers; change them here.
They keep one entry cheap to save, check for duplicates and show: the duplicate check's live
endpoint reads at most ``NARRATIVE_MAX_CHARS`` characters and ``SOURCES_MAX`` links too.
"""

import datetime

# Title: the database column's length (Phenomenon.title max_length).
TITLE_MAX_CHARS = 255
# Narrative: about ten pages of text.
NARRATIVE_MAX_CHARS = 20_000
# Keywords: how many per phenomenon, and how long each.
KEYWORDS_MAX = 20
KEYWORD_MAX_CHARS = 50
# Inline rows.
SOURCES_MAX = 20
INDICATORS_MAX = 10
# Reference period: from this month up to the current month (the future is refused).
REFERENCE_PERIOD_MIN = datetime.date(2000, 1, 1)
