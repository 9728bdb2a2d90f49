"""Parsing of providers' event timestamps into aware UTC datetimes.

Accepted forms (anything else gives ``None``):

* numbers and numeric strings as Unix epochs, the unit told by magnitude:
  seconds below 1e11, milliseconds below 1e14, microseconds below 1e17,
  nanoseconds above (1e11 seconds is the year 5138, so the ranges cannot be
  confused for real events);
* ISO 8601 through ``datetime.fromisoformat``: ``Z`` or an offset, fractional
  seconds, ``T`` or a space, date only; no offset means UTC (Stripe, Adyen
  ``eventDate``, PayPal and Braintree ``...Z``, Authorize.net
  ``2024-01-01T12:00:00.123``); also a trailing `` UTC`` / `` GMT``;
* compact ``YYYYMMDD`` and ``YYYYMMDDhhmmss`` strings;
* RFC 2822 (``Mon, 15 Jan 2024 10:30:00 +0000``);
* PayPal IPN ``payment_date`` (``10:30:00 Jan 15, 2024 PST``);
* numeric dates with the year last, optionally followed by a time (24-hour or
  AM/PM) and ``Z``/``UTC``/``GMT``/an offset: with dots (``15.01.2024``) they
  are day-first, as everywhere dots are used; with slashes or dashes
  (``15/01/2024``, ``01/15/2024 10:30:00 AM``) they are read only when
  unambiguous (one part above 12, or both parts equal) — ``03/04/2024`` is
  rejected, never guessed; ``YYYY/MM/DD`` is accepted;
* Worldpay ``<date dayOfMonth=.. month=.. year=.. hour=.. minute=.. second=../>``
  parsed to a dict (attributes as ``@``-prefixed keys, with or without the
  ``@``, optionally wrapped as ``{"date": {...}}``); the time defaults to
  midnight, and the time is read as UTC since the element carries no offset;
* ``datetime`` (naive means UTC) and ``date`` (midnight UTC) objects.

Implausible results are ``None`` too: before 2000-01-01, or more than two days
after ``now`` (a mis-scaled epoch or a day/month swap, not a real event).
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from email.utils import parsedate_to_datetime

EARLIEST_EVENT_TIME = datetime(2000, 1, 1, tzinfo=UTC)
FUTURE_TOLERANCE = timedelta(days=2)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MAX_TEXT_LENGTH = 64

_NUMERIC = re.compile(r"[+-]?[0-9]+(?:\.[0-9]*)?")
_COMPACT = re.compile(r"(20[0-9]{2}|19[0-9]{2})([0-9]{2})([0-9]{2})(?:([0-9]{2})([0-9]{2})([0-9]{2}))?")
_TRAILING_UTC = re.compile(r"(.*?)\s*(?:UTC|GMT)", re.IGNORECASE)
_TIME_PART = (
    r"(?:[ T]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?"
)
_ZONE_PART = r"\s*(Z|UTC|GMT|[+-][0-9]{2}(?::?[0-9]{2})?)?"
_YEAR_LAST = re.compile(r"([0-9]{1,2})([/.\-])([0-9]{1,2})\2([0-9]{4})" + _TIME_PART + _ZONE_PART, re.IGNORECASE)
_YEAR_FIRST_SLASH = re.compile(r"([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})" + _TIME_PART + _ZONE_PART, re.IGNORECASE)
_PAYPAL_IPN = re.compile(
    r"([0-9]{1,2}):([0-9]{2}):([0-9]{2})\s+([A-Za-z]{3})\.?\s+([0-9]{1,2}),\s*([0-9]{4})\s+([A-Za-z]{1,4})"
)
_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
# Abbreviations PayPal IPN and US-centred providers print; anything else is
# ambiguous (CST is also China Standard Time) and is rejected.
_ZONE_OFFSETS_HOURS = {
    "UTC": 0, "GMT": 0, "Z": 0,
    "PST": -8, "PDT": -7, "MST": -7, "MDT": -6, "CST": -6, "CDT": -5, "EST": -5, "EDT": -4,
}
_WORLDPAY_FIELDS = ("year", "month", "dayOfMonth", "hour", "minute", "second")


def parse_event_time(value: object, *, now: datetime | None = None) -> datetime | None:
    """Parse a provider timestamp into an aware UTC ``datetime``, or ``None``.

    See the module docstring for the accepted forms. ``now`` (default: the
    current time; naive means UTC) bounds the future: a timestamp more than
    two days after it, or before 2000, is rejected as implausible.
    """
    parsed = _parse(value)
    if parsed is None or parsed < EARLIEST_EVENT_TIME:
        return None
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    if parsed > now + FUTURE_TOLERANCE:
        return None
    return parsed


def _parse(value: object) -> datetime | None:
    if type(value) is int:
        return _from_integer(value)
    if isinstance(value, str):
        return _from_text(value)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        return _from_epoch_seconds(_scaled_epoch(value)) if math.isfinite(value) else None
    if isinstance(value, datetime):
        return _as_utc(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, Decimal):
        return _from_epoch_seconds(_scaled_epoch(float(value))) if value.is_finite() else None
    if isinstance(value, dict):
        return _from_worldpay_date(value)
    if isinstance(value, int):  # int subclasses other than bool
        return _from_integer(int(value))
    return None


def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _from_integer(number: int) -> datetime | None:
    digits = str(number)
    if len(digits) in (8, 14):
        # 20240115 / 20240115103000: as epochs these would be 1970 or the
        # year 2611, so a valid compact date is always the right reading.
        compact = _from_compact(digits)
        if compact is not None:
            return compact
    magnitude = abs(number)
    try:
        if magnitude < 10**11:
            return _EPOCH + timedelta(seconds=number)
        if magnitude < 10**14:
            return _EPOCH + timedelta(milliseconds=number)
        if magnitude < 10**17:
            return _EPOCH + timedelta(microseconds=number)
        return _EPOCH + timedelta(microseconds=number // 1000)
    except OverflowError:
        return None


def _scaled_epoch(seconds_or_finer: float) -> float:
    magnitude = abs(seconds_or_finer)
    if magnitude < 1e11:
        return seconds_or_finer
    if magnitude < 1e14:
        return seconds_or_finer / 1e3
    if magnitude < 1e17:
        return seconds_or_finer / 1e6
    return seconds_or_finer / 1e9


def _from_epoch_seconds(seconds: float) -> datetime | None:
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _from_compact(digits: str) -> datetime | None:
    match = _COMPACT.fullmatch(digits)
    if match is None:
        return None
    return _build(*(int(part) if part else 0 for part in match.groups()))


def _from_text(value: str) -> datetime | None:
    text = value.strip()
    if not text or len(text) > _MAX_TEXT_LENGTH:
        return None
    if _NUMERIC.fullmatch(text):
        if "." not in text:
            return _from_integer(int(text))
        return _from_epoch_seconds(_scaled_epoch(float(text)))
    try:
        return _as_utc(datetime.fromisoformat(text))
    except ValueError:
        pass
    return _from_other_text(text)


def _from_other_text(text: str) -> datetime | None:
    trailing_utc = _TRAILING_UTC.fullmatch(text)
    if trailing_utc is not None:
        try:
            moment = datetime.fromisoformat(trailing_utc.group(1))
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is None:
            return moment.replace(tzinfo=UTC)
    match = _YEAR_LAST.fullmatch(text)
    if match is not None:
        first, separator, second, year = int(match[1]), match[2], int(match[3]), int(match[4])
        if separator == ".":
            day, month = first, second
        elif first > 12 >= second or first == second:
            day, month = first, second
        elif second > 12 >= first:
            day, month = second, first
        else:
            return None  # 03/04/2024: March 4th or April 3rd, never guessed
        return _with_clock(year, month, day, match, 4)
    match = _YEAR_FIRST_SLASH.fullmatch(text)
    if match is not None:
        return _with_clock(int(match[1]), int(match[2]), int(match[3]), match, 3)
    match = _PAYPAL_IPN.fullmatch(text)
    if match is not None:
        month = _MONTHS.get(match[4].lower())
        offset = _ZONE_OFFSETS_HOURS.get(match[7].upper())
        if month is None or offset is None:
            return None
        local = _build(int(match[6]), month, int(match[5]), int(match[1]), int(match[2]), int(match[3]))
        return None if local is None else local - timedelta(hours=offset)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return None if moment is None else _as_utc(moment)


def _with_clock(year: int, month: int, day: int, match: re.Match[str], first_group: int) -> datetime | None:
    # first_group: index in match.groups() of the hour; the clock and zone follow it.
    hour_text, minute_text, second_text, fraction, meridiem, zone = match.groups()[first_group:first_group + 6]
    hour = int(hour_text) if hour_text else 0
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.upper() == "P" else 0)
    microsecond = int((fraction or "0")[:6].ljust(6, "0"))
    moment = _build(year, month, day, hour, int(minute_text or 0), int(second_text or 0), microsecond)
    if moment is None or not zone or zone.upper() in ("Z", "UTC", "GMT"):
        return moment
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    if offset >= timedelta(hours=24):
        return None
    return moment - sign * offset


def _from_worldpay_date(element: dict) -> datetime | None:
    inner = element.get("date")
    if isinstance(inner, dict):
        element = inner
    parts = []
    for name in _WORLDPAY_FIELDS:
        raw = element.get("@" + name, element.get(name))
        if raw is None:
            if name in ("year", "month", "dayOfMonth"):
                return None
            raw = 0
        try:
            parts.append(int(raw))
        except (TypeError, ValueError):
            return None
    return _build(*parts)


def _build(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0,
           microsecond: int = 0) -> datetime | None:
    try:
        return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=UTC)
    except ValueError:
        return None
