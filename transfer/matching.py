"""Free text of old spreadsheets matched to the reference data: case and accents ignored,
codes and aliases (``aliases.csv``; place abbreviations such as "Jaksel" from the site's place
names), then spelling (rapidfuzz) when one candidate is clearly the closest.

Nothing here names a place, outlet or theme: every candidate comes from the database, the
place-name registry and ``aliases.csv`` (by reference code), so another office's data works.
"""

from __future__ import annotations

import csv
from pathlib import Path
from urllib.parse import urlsplit

from rapidfuzz import fuzz, process

from phenomena.models import Indicator, Outlet, Scope, SourceType, Subject, Theme
from simfoni_text import places

from .reading import normalise

ALIASES_CSV = Path(__file__).with_name("aliases.csv")
FUZZY_CUTOFF = 85
FUZZY_MARGIN = 4  # the best must beat the runner-up by this much


def read_aliases() -> dict[str, dict[str, str]]:
    aliases: dict[str, dict[str, str]] = {}
    with open(ALIASES_CSV, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            aliases.setdefault(row["kind"], {})[normalise(row["alias"])] = row["target"]
    return aliases


class Vocabulary:
    """Names (normalised) of one kind of reference object."""

    def __init__(self):
        self.exact: dict[str, object] = {}
        self.fuzzy: dict[str, object] = {}

    def add(self, obj, *names, fuzzy=True):
        for name in names:
            key = normalise(name)
            if key and key not in self.exact:
                self.exact[key] = obj
                if fuzzy and len(key) > 3:
                    self.fuzzy[key] = obj

    def find(self, text):
        key = normalise(text)
        if not key:
            return None
        if key in self.exact:
            return self.exact[key]
        if not self.fuzzy:
            return None
        found = process.extract(key, list(self.fuzzy), scorer=fuzz.WRatio, limit=5)
        found = [(name, score) for name, score, _i in found if score >= FUZZY_CUTOFF]
        if not found:
            return None
        best = self.fuzzy[found[0][0]]
        rivals = [
            score
            for name, score in found[1:]
            if self.fuzzy[name] != best and score > found[0][1] - FUZZY_MARGIN
        ]
        return None if rivals else best


class Taxonomy:
    """The site's reference data, read once per import."""

    def __init__(self):
        aliases = read_aliases()
        self.source_types = Vocabulary()
        by_code = {}
        for st in SourceType.objects.all():
            self.source_types.add(st, st.label, st.code, st.code.replace("_", " "))
            by_code[st.code] = st
        for alias, code in aliases.get("source_type", {}).items():
            if code in by_code:
                self.source_types.add(by_code[code], alias, fuzzy=False)
        self.directions = aliases.get("direction", {})

        self.outlets = Vocabulary()
        self.domains: list[tuple[str, Outlet]] = []
        for outlet in Outlet.objects.select_related("source_type", "work_unit"):
            self.outlets.add(outlet, outlet.name)
            if outlet.domain:
                domain = outlet.domain.lower().removeprefix("www.")
                self.outlets.add(outlet, domain, domain.split(".")[0], fuzzy=False)
                self.domains.append((domain, outlet))

        self.subjects = Vocabulary()
        for subject in Subject.objects.all():
            self.subjects.add(subject, subject.label, subject.code)
            self.subjects.add(subject, subject.label.removeprefix("Statistik "), fuzzy=False)

        self.themes = Vocabulary()
        self.themes_by_subject: dict[int, Vocabulary] = {}
        for theme in Theme.objects.select_related("subject"):
            self.themes.add(theme, theme.name, theme.slug)
            self.themes_by_subject.setdefault(theme.subject_id, Vocabulary()).add(
                theme, theme.name, theme.slug
            )

        self.scopes = Vocabulary()
        self.areas = Vocabulary()
        scopes = list(Scope.objects.all())
        area_by_code = {}
        for scope in scopes:
            if scope.parent_id:
                self.areas.add(scope, scope.label, scope.code)
                area_by_code[scope.code] = scope
            else:
                self.scopes.add(scope, scope.label, scope.code)
        for place in places.names():  # abbreviations of the areas ("jaksel")
            if place.area in area_by_code:
                self.areas.add(area_by_code[place.area], place.name, fuzzy=False)

        self.indicators = Vocabulary()
        for indicator in Indicator.objects.all():
            self.indicators.add(indicator, indicator.name, indicator.slug)

    def outlet_of_url(self, url: str):
        try:
            host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
        except ValueError:
            return None
        for domain, outlet in self.domains:
            if host == domain or host.endswith("." + domain):
                return outlet
        return None

    def theme(self, text, subject=None):
        if subject is not None and subject.pk in self.themes_by_subject:
            found = self.themes_by_subject[subject.pk].find(text)
            if found is not None:
                return found
        return self.themes.find(text)

    def direction(self, text) -> str | None:
        return self.directions.get(normalise(text))
