from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from payobs_pipeline.normalization.event_time import parse_event_time

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # epochs, unit told by magnitude
        (1704110400, utc(2024, 1, 1, 12)),
        (1704110400123, utc(2024, 1, 1, 12, 0, 0, 123000)),
        (1704110400123456, utc(2024, 1, 1, 12, 0, 0, 123456)),
        (1704110400123456789, utc(2024, 1, 1, 12, 0, 0, 123456)),
        (1704110400.5, utc(2024, 1, 1, 12, 0, 0, 500000)),
        (Decimal("1704110400"), utc(2024, 1, 1, 12)),
        ("1704110400", utc(2024, 1, 1, 12)),
        (" 1704110400123 ", utc(2024, 1, 1, 12, 0, 0, 123000)),
        ("1704110400.25", utc(2024, 1, 1, 12, 0, 0, 250000)),
        # ISO 8601
        ("2024-01-01T12:00:00Z", utc(2024, 1, 1, 12)),                       # PayPal, Braintree
        ("2024-01-01T12:00:00+01:00", utc(2024, 1, 1, 11)),                  # Adyen eventDate
        ("2024-01-01T12:00:00-0300", utc(2024, 1, 1, 15)),
        ("2024-01-01T12:00:00.123", utc(2024, 1, 1, 12, 0, 0, 123000)),      # Authorize.net, no offset
        ("2024-01-01T12:00:00.1234567Z", utc(2024, 1, 1, 12, 0, 0, 123456)),
        ("2024-01-15 10:30:00", utc(2024, 1, 15, 10, 30)),
        ("2024-01-15", utc(2024, 1, 15)),
        ("2024-01-15 10:30:00 UTC", utc(2024, 1, 15, 10, 30)),
        ("20240115", utc(2024, 1, 15)),
        (20240115, utc(2024, 1, 15)),
        ("20240115103000", utc(2024, 1, 15, 10, 30)),
        # RFC 2822 and PayPal IPN payment_date
        ("Mon, 15 Jan 2024 10:30:00 +0000", utc(2024, 1, 15, 10, 30)),
        ("15 Jan 2024 10:30:00 +0200", utc(2024, 1, 15, 8, 30)),
        ("10:30:00 Jan 15, 2024 PST", utc(2024, 1, 15, 18, 30)),
        ("18:30:30 Jun 1, 2024 PDT", utc(2024, 6, 2, 1, 30, 30)),
        # numeric dates with the year last, only when unambiguous
        ("15/01/2024 10:30:00", utc(2024, 1, 15, 10, 30)),
        ("01/15/2024 10:30:00 AM", utc(2024, 1, 15, 10, 30)),
        ("01/15/2024 10:30:00 PM", utc(2024, 1, 15, 22, 30)),
        ("01/15/2024 12:05 AM", utc(2024, 1, 15, 0, 5)),
        ("05/05/2024", utc(2024, 5, 5)),
        ("15-01-2024 10:30", utc(2024, 1, 15, 10, 30)),
        ("15/01/2024 10:30:00 +02:00", utc(2024, 1, 15, 8, 30)),
        ("03.04.2024", utc(2024, 4, 3)),  # dots are day-first
        ("2024/01/15 10:30:00", utc(2024, 1, 15, 10, 30)),
        # Worldpay <date .../> element parsed to a dict
        ({"@dayOfMonth": "01", "@month": "02", "@year": "2024", "@hour": "10", "@minute": "05", "@second": "07"},
         utc(2024, 2, 1, 10, 5, 7)),
        ({"date": {"@dayOfMonth": "15", "@month": "01", "@year": "2024"}}, utc(2024, 1, 15)),
        ({"dayOfMonth": 15, "month": 1, "year": 2024, "hour": 23}, utc(2024, 1, 15, 23)),
        # datetime objects
        (datetime(2024, 1, 15, 10, 30), utc(2024, 1, 15, 10, 30)),
        (datetime(2024, 1, 15, 10, 30, tzinfo=timezone(timedelta(hours=-5))), utc(2024, 1, 15, 15, 30)),
        (date(2024, 1, 15), utc(2024, 1, 15)),
    ],
)
def test_parses_into_aware_utc(value, expected):
    parsed = parse_event_time(value, now=NOW)
    assert parsed == expected
    assert parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "value",
    [
        None, "", "   ", True, False, "garbage", "2024-13-01", "31/02/2024", float("nan"), float("inf"),
        "03/04/2024",                  # March 4th or April 3rd: never guessed
        "03/04/2024 10:00:00",
        "01/15/2024 13:30:00 PM",
        "10:30:00 Jan 15, 2024 XYZ",   # unknown zone abbreviation
        "10:30:00 Foo 15, 2024 PST",
        {"@month": "02", "@year": "2024"},
        {"@dayOfMonth": "x", "@month": "02", "@year": "2024"},
        ["2024-01-01"],
        "2024-01-01T12:00:00+25:00",
    ],
)
def test_unparseable_values_give_none(value):
    assert parse_event_time(value, now=NOW) is None


@pytest.mark.parametrize("value", ["1999-12-31T23:59:59Z", 946684799, 0, -1, "1970-01-01", "1999-12-31"])
def test_times_before_2000_are_implausible(value):
    assert parse_event_time(value, now=NOW) is None


def test_first_instant_of_2000_is_accepted():
    assert parse_event_time(946684800, now=NOW) == utc(2000, 1, 1)


def test_future_tolerance_is_two_days_after_now():
    assert parse_event_time(NOW + timedelta(days=2), now=NOW) == NOW + timedelta(days=2)
    assert parse_event_time(NOW + timedelta(days=2, seconds=1), now=NOW) is None
    assert parse_event_time("2024-06-04T00:00:00Z", now=NOW) is None


def test_naive_now_is_read_as_utc():
    naive_now = datetime(2024, 6, 1, 12, 0)
    assert parse_event_time("2024-06-03T12:00:00Z", now=naive_now) is not None
    assert parse_event_time("2024-06-03T12:00:01Z", now=naive_now) is None


def test_default_now_is_the_current_time():
    current = datetime.now(UTC)
    assert parse_event_time((current + timedelta(days=1)).isoformat()) is not None
    assert parse_event_time((current + timedelta(days=3)).isoformat()) is None


def test_epoch_in_milliseconds_is_not_read_as_seconds():
    # Read as seconds, 1704110400123 would be the year 55970 and rejected.
    assert parse_event_time("1704110400123", now=NOW).year == 2024
