"""Every time-range form, with the exact half-open range it must resolve to."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.billing.grammar import parse_query
from bot.billing.grammar_time import parse_time_range
from bot.billing.model import TimeRange
from bot.errors import UsageError
from tests.billing.phrasings import VOCAB

TODAY = date(2026, 11, 27)  # a Friday


def d(text: str) -> date:
    return date.fromisoformat(text)


CASES: list[tuple[str, str, str, str]] = [
    # text, start, end (exclusive), canonical label
    ("today", "2026-11-27", "2026-11-28", "today"),
    ("Today", "2026-11-27", "2026-11-28", "today"),
    ("yesterday", "2026-11-26", "2026-11-27", "yesterday"),
    ("last 7 days", "2026-11-20", "2026-11-27", "last 7 days"),
    ("LAST 30 DAYS", "2026-10-28", "2026-11-27", "last 30 days"),
    ("past 7 days", "2026-11-20", "2026-11-27", "last 7 days"),
    ("last 1 day", "2026-11-26", "2026-11-27", "last 1 day"),
    ("last day", "2026-11-26", "2026-11-27", "last day"),
    ("this week", "2026-11-23", "2026-11-30", "this week"),
    ("wtd", "2026-11-23", "2026-11-30", "this week"),
    ("last week", "2026-11-16", "2026-11-23", "last week"),
    ("last 2 weeks", "2026-11-09", "2026-11-23", "last 2 weeks"),
    ("this month", "2026-11-01", "2026-12-01", "this month"),
    ("this months", "2026-11-01", "2026-12-01", "this month"),  # `this months bill`: this month's
    ("mtd", "2026-11-01", "2026-12-01", "this month"),
    ("MTD", "2026-11-01", "2026-12-01", "this month"),
    ("last month", "2026-10-01", "2026-11-01", "last month"),
    ("previous month", "2026-10-01", "2026-11-01", "last month"),
    ("last 3 months", "2026-08-01", "2026-11-01", "last 3 months"),
    ("last 12 months", "2025-11-01", "2026-11-01", "last 12 months"),
    ("this quarter", "2026-10-01", "2027-01-01", "this quarter"),
    ("qtd", "2026-10-01", "2027-01-01", "this quarter"),
    ("last quarter", "2026-07-01", "2026-10-01", "last quarter"),
    ("this year", "2026-01-01", "2027-01-01", "this year"),
    ("ytd", "2026-01-01", "2027-01-01", "this year"),
    ("last year", "2025-01-01", "2026-01-01", "last year"),
    ("2026-10", "2026-10-01", "2026-11-01", "2026-10"),
    ("2026-1", "2026-01-01", "2026-02-01", "2026-01"),
    ("2025-12", "2025-12-01", "2026-01-01", "2025-12"),
    ("2026", "2026-01-01", "2027-01-01", "2026"),
    ("2024-02-29", "2024-02-29", "2024-03-01", "2024-02-29"),
    ("2026-10-01..2026-10-15", "2026-10-01", "2026-10-16", "2026-10-01..2026-10-15"),
    ("2026-10-01 .. 2026-10-15", "2026-10-01", "2026-10-16", "2026-10-01..2026-10-15"),
    ("2026-10-01 to 2026-10-15", "2026-10-01", "2026-10-16", "2026-10-01..2026-10-15"),
    ("from 2026-10-01 to 2026-10-15", "2026-10-01", "2026-10-16", "2026-10-01..2026-10-15"),
    ("between 2026-10-01 and 2026-10-15", "2026-10-01", "2026-10-16", "2026-10-01..2026-10-15"),
    ("2026-10-15..2026-10-15", "2026-10-15", "2026-10-16", "2026-10-15..2026-10-15"),
    ("2026-08..2026-10", "2026-08-01", "2026-11-01", "2026-08..2026-10"),
    ("2026-10..2026-11-10", "2026-10-01", "2026-11-11", "2026-10-01..2026-11-10"),
    ("2025-12-20..2026-01-05", "2025-12-20", "2026-01-06", "2025-12-20..2026-01-05"),
    ("since 2026-11-01", "2026-11-01", "2026-11-28", "since 2026-11-01"),
    ("october", "2026-10-01", "2026-11-01", "2026-10"),
    ("Oct", "2026-10-01", "2026-11-01", "2026-10"),
    ("november", "2026-11-01", "2026-12-01", "2026-11"),
    ("december", "2025-12-01", "2026-01-01", "2025-12"),  # the latest December that has started
    ("sept 2025", "2025-09-01", "2025-10-01", "2025-09"),
    ("2026-q3", "2026-07-01", "2026-10-01", "2026-q3"),
    ("2026Q1", "2026-01-01", "2026-04-01", "2026-q1"),
    ("q4", "2026-10-01", "2027-01-01", "2026-q4"),
    # a day by month name and day number, as people write it
    ("oct 3", "2026-10-03", "2026-10-04", "2026-10-03"),
    ("October 3rd 2025", "2025-10-03", "2025-10-04", "2025-10-03"),
    ("3rd of november", "2026-11-03", "2026-11-04", "2026-11-03"),
    ("21 nov", "2026-11-21", "2026-11-22", "2026-11-21"),
    ("dec 25", "2025-12-25", "2025-12-26", "2025-12-25"),  # the latest December 25 not after today
    ("since oct 1st", "2026-10-01", "2026-11-28", "since 2026-10-01"),
    ("nov 3 to 9", "2026-11-03", "2026-11-10", "2026-11-03..2026-11-09"),
    ("from nov 3 to nov 9", "2026-11-03", "2026-11-10", "2026-11-03..2026-11-09"),
    ("from 1st of october to 15th of october", "2026-10-01", "2026-10-16", "2026-10-01..2026-10-15"),
    ("week of nov 18", "2026-11-16", "2026-11-23", "2026-11-16..2026-11-22"),  # weeks start on Monday
    ("month of 2026-10-15", "2026-10-01", "2026-11-01", "2026-10"),
    # ISO weeks: the latest week N begun, or the one of the year named
    ("wk45", "2026-11-02", "2026-11-09", "2026-w45"),
    ("week 45", "2026-11-02", "2026-11-09", "2026-w45"),
    ("week 49", "2025-12-01", "2025-12-08", "2025-w49"),  # this year's week 49 starts on Monday 2026-11-30
    ("week 45 2025", "2025-11-03", "2025-11-10", "2025-w45"),
    ("2026-W01", "2025-12-29", "2026-01-05", "2026-w01"),
    # half years, days of the week, days of this month, the start of a period
    ("h1", "2026-01-01", "2026-07-01", "2026-01..2026-06"),
    ("first half of the year", "2026-01-01", "2026-07-01", "2026-01..2026-06"),
    ("h2 2025", "2025-07-01", "2026-01-01", "2025-07..2025-12"),
    ("tues", "2026-11-24", "2026-11-25", "2026-11-24"),
    ("friday", "2026-11-27", "2026-11-28", "2026-11-27"),  # today is a Friday
    ("last friday", "2026-11-20", "2026-11-21", "2026-11-20"),
    ("since 1st", "2026-11-01", "2026-11-28", "since 2026-11-01"),
    ("since the 28th", "2026-10-28", "2026-11-28", "since 2026-10-28"),  # the 28th of this month is to come
    ("between the 2nd and the 15th of this month", "2026-11-02", "2026-11-16", "2026-11-02..2026-11-15"),
    ("since the start of the year", "2026-01-01", "2026-11-28", "since 2026-01-01"),
    ("since beginning of august", "2026-08-01", "2026-11-28", "since 2026-08-01"),
    ("october month", "2026-10-01", "2026-11-01", "2026-10"),
    # dates with a separator: a part above 12 settles day/month order for every date of the question
    ("from 03/11 until 17/11", "2026-11-03", "2026-11-18", "2026-11-03..2026-11-17"),
    # nothing settles the order: the most recent day it can be (the answer names the day it read)
    ("03/11", "2026-11-03", "2026-11-04", "2026-11-03"),
    ("11/03", "2026-11-03", "2026-11-04", "2026-11-03"),
    ("05/06", "2026-06-05", "2026-06-06", "2026-06-05"),
    # a month's days pasted as a span
    ("nov 3-10", "2026-11-03", "2026-11-11", "2026-11-03..2026-11-10"),
    ("3rd-10th nov 2025", "2025-11-03", "2025-11-11", "2025-11-03..2025-11-10"),
    # the later end of a span without a year is the one after its start, even when still to come
    ("oct through dec", "2026-10-01", "2027-01-01", "2026-10..2026-12"),
    ("end of last month", "2026-10-01", "2026-11-01", "last month"),
    ("last night", "2026-11-26", "2026-11-27", "yesterday"),
    ("since thanksgiving", "2026-11-26", "2026-11-28", "since 2026-11-26"),
    ("11/03 to 11/17", "2026-11-03", "2026-11-18", "2026-11-03..2026-11-17"),
    ("between 1.10 and 15.10", "2026-10-01", "2026-10-16", "2026-10-01..2026-10-15"),  # dots: day first
    ("17/11/2025", "2025-11-17", "2025-11-18", "2025-11-17"),
    ("2026/11/03", "2026-11-03", "2026-11-04", "2026-11-03"),
    ("sep through oct", "2026-09-01", "2026-11-01", "2026-09..2026-10"),
]


@pytest.mark.parametrize(("text", "start", "end", "label"), CASES)
def test_time_range_forms(text: str, start: str, end: str, label: str) -> None:
    assert parse_time_range(text, TODAY) == TimeRange(d(start), d(end), label)


@pytest.mark.parametrize(("text", "start", "end", "label"), CASES)
def test_label_parses_back_to_the_same_range(text: str, start: str, end: str, label: str) -> None:
    assert parse_time_range(label, TODAY) == parse_time_range(text, TODAY)


def test_month_boundaries_and_leap_years() -> None:
    assert parse_time_range("last month", date(2026, 3, 31)) == TimeRange(
        d("2026-02-01"), d("2026-03-01"), "last month"
    )
    assert parse_time_range("last 3 months", date(2026, 1, 15)) == TimeRange(
        d("2025-10-01"), d("2026-01-01"), "last 3 months"
    )
    assert parse_time_range("yesterday", date(2024, 3, 1)) == TimeRange(d("2024-02-29"), d("2024-03-01"), "yesterday")
    assert parse_time_range("last week", date(2026, 1, 1)) == TimeRange(d("2025-12-22"), d("2025-12-29"), "last week")
    assert parse_time_range("last quarter", date(2026, 2, 1)) == TimeRange(
        d("2025-10-01"), d("2026-01-01"), "last quarter"
    )


def test_previous_period_of_a_month_is_the_month_before() -> None:
    r = parse_time_range("2026-03", TODAY)
    assert r.previous() == TimeRange(d("2026-02-01"), d("2026-03-01"), "previous period")


ERRORS: list[tuple[str, str]] = [
    ("", "The time range is empty."),
    ("2026-13", "`2026-13` is not a month: months go from 01 to 12."),
    ("2026-02-30", "`2026-02-30` is not a date."),
    ("feb 30", "`feb 30` is not a date."),
    ("nov 9 to 3", "`nov 9 to 3` ends before it starts: put the earlier date first."),
    ("1999-10", "`1999-10`: the year must be between 2000 and 2099."),
    ("2027-01", "`2027-01` starts after today (2026-11-27): there is no billing data for it yet."),
    ("last 0 days", "`last 0 days`: the number must be at least 1."),
    ("last 4000 days", "`last 4000 days`: at most 3660 days."),
    ("last 99999999 days", "`last 99999999 days`: that number is too large."),
    ("last 3", "`last 3` needs a unit: `last 3 days`, `last 3 weeks` or `last 3 months`."),
    ("last months", "`last months` needs a number, e.g. `last 3 months`."),
    ("2026-10-15..2026-10-01", "`2026-10-15..2026-10-01` ends before it starts: put the earlier date first."),
    ("2026-10-01..soon", "`soon` in `2026-10-01..soon` is not a date: write dates like `2026-10-01`."),
    ("since", "`since` needs a date after it, e.g. `since 2026-10-01`."),
    ("last month by service", "`by service` after `last month` is not part of a time range."),
    ("fortnight", "`fortnight` is not a time range."),
]


ERRORS += [("week 53 2025", "`week 53`: 2025 has no ISO week 53 (weeks go from 1 to 52 or 53).")]


@pytest.mark.parametrize(
    ("text", "days", "named"),
    [
        ("this FY", ("2026-01-01", "2027-01-01"), "FY"),
        ("fy26", ("2026-01-01", "2027-01-01"), "fy26"),
        ("last fiscal year by account", ("2025-01-01", "2026-01-01"), "fiscal year"),
        ("FY2025", ("2025-01-01", "2026-01-01"), "FY2025"),
    ],
)
def test_a_fiscal_year_is_read_as_the_calendar_year_and_said(text: str, days: tuple[str, str], named: str) -> None:
    """The bill does not say when a fiscal year starts: the calendar year is answered, and the answer says so."""
    query = parse_query(text, today=TODAY, vocabulary=VOCAB)
    assert (query.time_range.start.isoformat(), query.time_range.end.isoformat()) == days
    last = (query.time_range.end - timedelta(days=1)).isoformat()
    assert query.readings == (
        f"Read `{named}` as the calendar year ({days[0]}..{last}): the bill does not say when your fiscal year "
        "starts. For another, give its months, e.g. `2025-04..2026-03`.",
    )


def test_short_days_that_are_words_are_days_only_after_a_time_word() -> None:
    """`since mon`, `last sat`, `on wed`: the latest such day (today is a Friday); `sun` alone is no day."""
    assert parse_time_range("since mon", TODAY).start.isoformat() == "2026-11-23"
    assert parse_time_range("last sat", TODAY).start.isoformat() == "2026-11-21"
    assert parse_time_range("on wed", TODAY).start.isoformat() == "2026-11-25"
    with pytest.raises(UsageError):
        parse_time_range("sun", TODAY)


@pytest.mark.parametrize(("text", "message"), ERRORS)
def test_bad_time_ranges_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(UsageError) as info:
        parse_time_range(text, TODAY)
    assert info.value.message == message
    assert info.value.hint is not None
    assert "`last 7 days`" in info.value.hint


#: Day spans the grammar reads as people write them: to now, mid-month, the unit before last, since a relative
#: day, slashed months, units back, ordinals in words.
PEOPLES_SPANS = [
    ("nov 1st till now", ("2026-11-01", "2026-11-28")),
    ("beginning of the month till today", ("2026-11-01", "2026-11-28")),
    ("from the 1st to date", ("2026-11-01", "2026-11-28")),
    ("mid-october to now", ("2026-10-15", "2026-11-28")),
    ("since mid oct", ("2026-10-15", "2026-11-28")),
    ("month before last", ("2026-09-01", "2026-10-01")),
    ("week before last", ("2026-11-09", "2026-11-16")),
    ("since yesterday", ("2026-11-26", "2026-11-28")),
    ("since last week", ("2026-11-16", "2026-11-28")),
    ("2026/10", ("2026-10-01", "2026-11-01")),
    ("10/2026", ("2026-10-01", "2026-11-01")),
    ("10 days back", ("2026-11-17", "2026-11-27")),
    ("two weeks back", ("2026-11-09", "2026-11-23")),
    ("since the first", ("2026-11-01", "2026-11-28")),
    ("the fifteenth of october", ("2026-10-15", "2026-10-16")),
    ("first quarter", ("2026-01-01", "2026-04-01")),
    ("fourth quarter of 2025", ("2025-10-01", "2026-01-01")),
    ("first week of november", ("2026-11-01", "2026-11-08")),
    ("first half of the year", ("2026-01-01", "2026-07-01")),
    ("from 2026-10-01", ("2026-10-01", "2026-11-28")),
    ("from the 10th-20th nov", ("2026-11-10", "2026-11-21")),
    ("after the deploy on tuesday", ("2026-11-24", "2026-11-28")),
]


@pytest.mark.parametrize(("text", "days"), PEOPLES_SPANS)
def test_spans_as_people_write_them(text: str, days: tuple[str, str]) -> None:
    found = parse_time_range(text, TODAY)
    assert (found.start.isoformat(), found.end.isoformat()) == days


def test_mid_is_the_middle_of_a_month_only_before_a_month_name() -> None:
    with pytest.raises(UsageError):
        parse_time_range("middle", TODAY)
