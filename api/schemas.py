"""The documented shapes of the API (stable field names; see docs/api.md)."""

from __future__ import annotations

import datetime
from typing import Literal

from ninja import Schema


class Message(Schema):
    message: str


class Subject(Schema):
    id: int
    code: str
    label: str


class Theme(Schema):
    id: int
    slug: str
    name: str
    subject_id: int


class Scope(Schema):
    id: int
    code: str
    label: str
    parent_id: int | None
    requires_area: bool


class SourceType(Schema):
    id: int
    code: str
    label: str
    needs_outlet: bool
    needs_url: bool


class Outlet(Schema):
    id: int
    name: str
    domain: str
    source_type_id: int | None


class Indicator(Schema):
    id: int
    slug: str
    name: str
    producer: str
    theme_ids: list[int]


class Ref(Schema):
    id: int
    label: str


class IndicatorRef(Schema):
    id: int
    slug: str
    name: str


class Source(Schema):
    primary: bool
    source_type: Ref
    outlet: Ref | None
    url: str
    source_date: datetime.date


class IndicatorLink(Schema):
    indicator: IndicatorRef
    direction: Literal["naik", "turun", "stabil"]


class Phenomenon(Schema):
    id: int
    title: str
    narrative: str
    reference_period: str  # YYYY-MM
    subject: Ref
    theme: Ref
    scope: Ref
    area: Ref | None
    work_unit: Ref | None
    keywords: list[str]
    sources: list[Source]
    indicators: list[IndicatorLink]
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    updated_at: datetime.datetime
    url: str


class FacetValue(Schema):
    value: int | str
    label: str
    count: int
    selected: bool


class PhenomenonList(Schema):
    count: int
    count_is_estimate: bool
    next_cursor: str | None
    next: str | None
    results: list[Phenomenon]
    facets: dict[str, list[FacetValue]] | None = None
    facets_are_estimates: bool = False
    messages: list[str]
    sync_time: datetime.datetime


class Removal(Schema):
    id: int
    reason: Literal["unpublished", "merged", "deleted"]
    merged_into: int | None
    removed_at: datetime.datetime


class RemovalList(Schema):
    next_cursor: str | None
    next: str | None
    results: list[Removal]
    sync_time: datetime.datetime


class Gone(Schema):
    message: str
    reason: str
    merged_into: int | None


class Release(Schema):
    date: datetime.date
    indicator: IndicatorRef


class SummaryItem(Schema):
    text: str
    cites: list[int]


class Recommendation(SummaryItem):
    kind: str = ""


class SummaryRelease(Schema):
    date: datetime.date
    indicator: IndicatorRef


class Summary(Schema):
    id: int
    theme: Ref
    reference_month: str  # YYYY-MM
    area: Ref | None
    release: SummaryRelease | None
    current: bool
    text: str
    statements: list[SummaryItem]
    recommendations: list[Recommendation]
    provider: str
    model: str
    created_at: datetime.datetime


class SummaryList(Schema):
    count: int
    next_cursor: str | None
    next: str | None
    results: list[Summary]
