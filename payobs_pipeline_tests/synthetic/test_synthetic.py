"""The synthetic lake: deterministic, realistic in its mix, and its truth consistent with docs/taxonomy.md."""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from payobs_pipeline import synthetic
from payobs_pipeline.synthetic.seed import _chunk_copy_text
from payobs_pipeline.synthetic import (
    MALFORMED_SHARES,
    PROVIDER_SHARES,
    TEST_CARD_NUMBERS,
    ExpectedEvent,
    LakeRow,
    generate_lake_rows,
    generate_raw_rows,
    lake_row_counts,
)
from payobs_pipeline.normalization.taxonomy import (
    AUTHORIZATION_OUTCOMES,
    FAILURE_STATUSES,
    FailureReason,
    PaymentMethod,
    StatusCategory,
)

START = datetime(2026, 11, 27, tzinfo=timezone.utc)
N = 40_000


@pytest.fixture(scope="module")
def lake() -> list[tuple[LakeRow, ExpectedEvent]]:
    return list(generate_lake_rows(N, START, 4, seed=20261127))


def _text(row: LakeRow) -> str:
    return row.data if isinstance(row.data, str) else json.dumps(row.data)


def _luhn_ok(number: str) -> bool:
    digits = [int(d) for d in number][::-1]
    total = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits))
    return total % 10 == 0


def _exponent(currency: str) -> int:
    return {"JPY": 0, "CLP": 0, "KWD": 3}.get(currency, 2)


def test_same_arguments_give_identical_rows_and_truth():
    first = [(r.id, _text(r), r.merchant, r.transactional_id, r.created_at, e)
             for r, e in generate_lake_rows(3_000, START, 2, seed=7)]
    second = [(r.id, _text(r), r.merchant, r.transactional_id, r.created_at, e)
              for r, e in generate_lake_rows(3_000, START, 2, seed=7)]
    assert first == second
    other = {r.id for r, _ in generate_lake_rows(3_000, START, 2, seed=8)}
    assert not other & {row[0] for row in first}


def test_raw_rows_are_the_same_rows_as_lake_rows():
    raw = list(generate_raw_rows(500, START, 2, seed=3))
    rows = list(generate_lake_rows(500, START, 2, seed=3))
    assert [r[0] for r in raw] == [row.id.int for row, _ in rows]
    assert [ExpectedEvent(*r[5]) for r in raw] == [e for _, e in rows]
    assert all(row.id.version == 4 for row, _ in rows)


def test_rows_spread_evenly_over_the_windows_inside_their_bounds():
    rows = list(generate_lake_rows(4_003, START, 4, seed=1))
    per_window = Counter((row.created_at - START) // timedelta(hours=12) for row, _ in rows)
    # Exactly `rows` rows; each window is generated with lake_row_counts() rows, but a lifecycle's
    # follow-ups may land in a later window, so a window holds about, not exactly, rows // windows.
    assert len(rows) == 4_003 and lake_row_counts(4_003, 4) == [1001, 1001, 1001, 1000]
    assert set(per_window) == {0, 1, 2, 3}
    assert all(abs(per_window[w] - 1000) < 60 for w in range(4)), per_window
    assert all(row.created_at.tzinfo is not None and row.created_at.utcoffset() == timedelta(0) for row, _ in rows)
    # uniform inside a window: both halves of each window are well populated
    halves = Counter(((row.created_at - START) % timedelta(hours=12)) < timedelta(hours=6) for row, _ in rows)
    assert 0.45 < halves[True] / len(rows) < 0.55


def test_start_must_be_timezone_aware():
    with pytest.raises(ValueError):
        next(generate_lake_rows(10, datetime(2026, 11, 27), 1, seed=1))


def test_provider_mix_follows_the_documented_shares(lake):
    counts = Counter(e.provider for _, e in lake if e.malformed_reason is None)
    for provider, share in PROVIDER_SHARES.items():
        assert abs(counts[provider] / N - share) < max(0.012, share * 0.2), provider
    assert 0.02 < counts["UNKNOWN"] / N < 0.045
    assert set(counts) == set(PROVIDER_SHARES) | {"UNKNOWN"}


def test_outcomes_are_realistic(lake):
    statuses = Counter(e.status_category for _, e in lake)
    attempts = sum(statuses[s] for s in AUTHORIZATION_OUTCOMES)
    assert 0.80 <= statuses[StatusCategory.APPROVED] / attempts <= 0.90
    assert 0.72 <= statuses[StatusCategory.APPROVED] / N <= 0.88
    for status in StatusCategory:
        assert statuses[status] > 0, status
    reasons = Counter(e.failure_reason for _, e in lake if e.status_category == StatusCategory.DECLINED)
    top_two = {reason for reason, _ in reasons.most_common(2)}
    assert top_two == {FailureReason.INSUFFICIENT_FUNDS, FailureReason.GENERIC_DECLINE}


def test_truth_is_consistent_with_the_taxonomy(lake):
    methods = set(PaymentMethod)
    for row, e in lake:
        if e.malformed_reason is not None:
            assert e.status_category is None and e.failure_reason is None
            assert e.malformed_reason in MALFORMED_SHARES
            continue
        assert e.status_category in set(StatusCategory)
        assert (e.failure_reason is not None) == (e.status_category in FAILURE_STATUSES)
        assert e.failure_reason is None or e.failure_reason in set(FailureReason)
        assert isinstance(e.amount_minor, int) and e.amount_minor > 0
        assert re.fullmatch(r"[A-Z]{3}", e.currency)
        assert e.payment_method is None or e.payment_method in methods
        assert e.provider_transaction_id
        assert e.provider in PROVIDER_SHARES or e.provider == "UNKNOWN"


def test_every_malformed_reason_is_present_and_really_malformed(lake):
    malformed = defaultdict(list)
    for row, e in lake:
        if e.malformed_reason:
            malformed[e.malformed_reason].append(row)
    assert set(malformed) == set(MALFORMED_SHARES)
    assert 0.015 < sum(map(len, malformed.values())) / N < 0.025
    for row in malformed["MALFORMED_JSON"]:
        with pytest.raises(ValueError):
            json.loads(row.data)
    assert all("<!ENTITY" in row.data["content"] for row in malformed["XML_FORBIDDEN_CONSTRUCT"])
    for row in malformed["CSV_MULTIPLE_RECORDS"]:
        assert len(row.data["content"].strip().splitlines()) >= 3  # header + several records
    for row in malformed["EMPTY_PAYLOAD"]:
        assert row.data in ({}, "") or not str(row.data.get("content", "")).strip()
    assert any("XYZ" in _text(row).upper() for row in malformed["UNKNOWN_CURRENCY"])
    assert all('"abc"' in _text(row) for row in malformed["INVALID_AMOUNT"])


def test_provider_hint_on_about_sixty_percent_of_rows_under_varying_keys(lake):
    keys = Counter()
    for row, _ in lake:
        if isinstance(row.data, dict):
            keys.update(k for k in ("provider", "psp", "p_id", "gateway") if k in row.data)
    hinted = sum(keys.values())
    assert 0.55 < hinted / N < 0.66
    assert all(keys[k] > 0.1 * hinted for k in ("psp", "p_id", "gateway"))


def test_some_payloads_are_json_inside_a_string(lake):
    stored_as_string = [row for row, e in lake if isinstance(row.data, str) and e.malformed_reason is None]
    assert len(stored_as_string) > 0.01 * N
    assert all(isinstance(json.loads(row.data), dict) for row in stored_as_string)


def test_pending_then_final_rows_share_payment_ids(lake):
    by_txn = defaultdict(list)
    lifecycle = {e.payment for _, e in lake if e.attempt and ".a" in e.attempt}
    for row, e in lake:
        if row.transactional_id is not None and e.payment not in lifecycle:
            by_txn[row.transactional_id].append((row, e))
    pairs = [rows for rows in by_txn.values() if len(rows) > 1]
    assert 0.02 < len(pairs) / N < 0.04
    for rows in pairs:
        assert len(rows) == 2
        (first, e1), (second, e2) = sorted(rows, key=lambda item: item[0].created_at)
        assert e1.status_category == StatusCategory.PENDING
        assert e2.status_category in (StatusCategory.APPROVED, StatusCategory.DECLINED)
        assert e1.provider == e2.provider and e1.provider_transaction_id == e2.provider_transaction_id
        assert first.created_at < second.created_at
        assert (first.created_at - START) // timedelta(hours=12) == (second.created_at - START) // timedelta(hours=12)
        assert first.merchant == second.merchant


def test_about_one_percent_of_rows_carry_a_test_card_number(lake):
    with_pan = [row for row, _ in lake if any(pan in _text(row) for pan in TEST_CARD_NUMBERS)]
    assert 0.005 < len(with_pan) / N < 0.02
    assert all(_luhn_ok(pan) for pan in TEST_CARD_NUMBERS)
    texts = [_text(row) for row in with_pan]
    assert any(re.search(r'"(cvc|cvv|security_code|card_cvv|cardCode|securityCode)"', t) for t in texts)
    assert any("<cardNumber>" in t for t in texts)  # Worldpay XML


def test_merchants_come_from_a_fixed_pool(lake):
    ids = {row.merchant["id"] for row, _ in lake if row.merchant is not None}
    assert 30 <= len(ids) <= len(synthetic.MERCHANTS)
    assert all(set(row.merchant) == {"id", "name", "country"} for row, _ in lake[:500] if row.merchant)


def test_amounts_in_payloads_match_the_truth_in_minor_units(lake):
    seen_currencies = set()
    checked = Counter()
    for row, e in lake:
        if e.malformed_reason or isinstance(row.data, str):
            continue
        d = row.data
        if e.provider == "stripe" and d.get("object") == "charge":
            assert d["amount"] == e.amount_minor and d["currency"] == e.currency.lower()
        elif e.provider == "paypal" and "amount" in d and "status" in d:  # a bare capture: major units
            assert Decimal(d["amount"]["value"]) * 10 ** _exponent(e.currency) == e.amount_minor
        elif e.provider == "mercadopago" and "refund_mode" not in d:
            assert Decimal(str(d["transaction_amount"])) * 10 ** _exponent(e.currency) == e.amount_minor
        elif e.provider == "worldpay":
            m = re.search(r'<amount value="(\d+)" currencyCode="(\w+)" exponent="(\d)"', d["content"])
            assert int(m.group(1)) == e.amount_minor and m.group(2) == e.currency
            assert int(m.group(3)) == _exponent(e.currency)
        elif e.provider == "checkout" and d.get("id", "").startswith("pay_"):
            assert d["amount"] == e.amount_minor
        else:
            continue
        checked[e.provider] += 1
        seen_currencies.add(e.currency)
    assert set(checked) == {"stripe", "paypal", "mercadopago", "worldpay", "checkout"}
    assert {"JPY", "CLP", "KWD"} <= seen_currencies  # exponents 0 and 3 really exercised


def test_provider_codes_map_to_the_taxonomy_reasons(lake):
    expectations = {
        ("adyen", "12"): FailureReason.INSUFFICIENT_FUNDS,
        ("adyen", "24"): FailureReason.INCORRECT_CVC,
        ("checkout", "20051"): FailureReason.INSUFFICIENT_FUNDS,
        ("checkout", "20005"): FailureReason.GENERIC_DECLINE,
        ("mercadopago", "cc_rejected_insufficient_amount"): FailureReason.INSUFFICIENT_FUNDS,
        ("mercadopago", "cc_rejected_bad_filled_security_code"): FailureReason.INCORRECT_CVC,
        ("stripe", "insufficient_funds"): FailureReason.INSUFFICIENT_FUNDS,
    }
    found = Counter()
    for row, e in lake:
        if e.malformed_reason or not isinstance(row.data, dict):
            continue
        d = row.data
        code = None
        if e.provider == "adyen":
            code = d.get("refusalReasonCode")
        elif e.provider == "checkout":
            code = d.get("response_code")
        elif e.provider == "mercadopago":
            code = d.get("status_detail")
        elif e.provider == "stripe" and d.get("object") == "charge" and d.get("outcome"):
            code = d["outcome"].get("reason")
        key = (e.provider, code)
        if key in expectations:
            assert e.failure_reason == expectations[key], key
            assert e.status_category == StatusCategory.DECLINED
            found[key] += 1
        if e.provider == "stripe" and d.get("object") == "charge" and (d.get("outcome") or {}).get("type") == "blocked":
            assert e.failure_reason == FailureReason.RISK_REJECTED
    assert set(found) == set(expectations)


def test_copy_text_escapes_backslashes_and_keeps_five_fields_per_row():
    chunk = synthetic.generation_chunks(300, START, 1, 5)[0]
    text, count = _chunk_copy_text(chunk)
    rows = list(synthetic.generate_chunk(*chunk))
    lines = text.split("\n")[:-1]
    assert count == len(rows) == len(lines) == 300
    for line, (row_id, data, _merchant, txn, _created, _truth) in zip(lines, rows):
        fields = line.split("\t")
        assert len(fields) == 5 and fields[0] == str(uuid.UUID(int=row_id))
        assert (fields[3] == "\\N") == (txn is None)
        # COPY text format: a backslash is written doubled; JSON escapes keep tabs/newlines out of the line.
        assert json.loads(fields[1].replace("\\\\", "\\")) == data


def test_chunks_give_the_same_rows_as_the_serial_generator():
    serial = [row[0] for row in synthetic.generate_raw_rows(45_000, START, 2, 8)]
    chunked = [row[0] for chunk in synthetic.generation_chunks(45_000, START, 2, 8)
               for row in synthetic.generate_chunk(*chunk)]
    assert serial == chunked and len(set(serial)) == 45_000


# ---------------------------------------------------------------------------
# Lifecycles and the metric truth
# ---------------------------------------------------------------------------


def _objects(lake):
    by_payment = defaultdict(list)
    for row, e in lake:
        if e.payment is not None:
            by_payment[e.payment].append((row, e))
    return by_payment


def _is_lifecycle(rows):
    return any(e.attempt and ".a" in e.attempt for _, e in rows)


def _window(row):
    return (row.created_at - START) // timedelta(hours=12)


def test_lifecycle_shapes_are_present(lake):
    by_payment = _objects(lake)
    shapes = defaultdict(set)
    for rows in by_payment.values():
        if not _is_lifecycle(rows):
            continue
        provider = rows[0][1].provider
        kinds = [e.event_kind for _, e in rows]
        if len({e.attempt for _, e in rows if e.event_kind == "AUTHORIZATION"}) > 1:
            shapes[provider].add("retry")
            if len({_window(r) for r, _ in rows}) > 1:
                shapes[provider].add("retry_across_windows")
        if "CAPTURE" in kinds:
            shapes[provider].add("capture")
        if "VOID" in kinds:
            shapes[provider].add("void")
        refunds = [e for _, e in rows if e.event_kind == "REFUND"]
        if refunds:
            if StatusCategory.DECLINED in {e.status_category for e in refunds}:
                shapes[provider].add("failed_refund")
            elif len(refunds) > 1:
                shapes[provider].add("refund_several_events")
            elif refunds[0].amount_minor < rows[0][1].amount_minor:
                shapes[provider].add("partial_refund")
        if sum(k == "DISPUTE" for k in kinds) > 1:
            shapes[provider].add("dispute_several_events")
        txns = {row.transactional_id for row, _ in rows}
        if None in txns and len(txns) > 1:
            shapes[provider].add("with_and_without_transactional_id")
    for provider in PROVIDER_SHARES:
        assert "retry" in shapes[provider], provider
    everywhere = set().union(*shapes.values())
    assert {"retry", "retry_across_windows", "capture", "void", "failed_refund", "refund_several_events",
            "partial_refund", "dispute_several_events", "with_and_without_transactional_id"} <= everywhere
    assert {p for p in shapes if "capture" in shapes[p]} >= {"stripe", "adyen", "paypal", "checkout", "worldpay"}
    # lifecycle rows: 10-20 % of all rows; single-row payments stay the majority
    share = sum(len(rows) for rows in by_payment.values() if _is_lifecycle(rows)) / N
    assert 0.08 < share < 0.2, share


def test_truth_counts_are_consistent():
    attempt_level, payment_level = synthetic.expected_metrics(6_000, START, 3, 11)
    assert {k[0] for k in attempt_level} == {"2026-11-27-00:00", "2026-11-27-12:00", "2026-11-28-00:00"}
    attempts, payments = Counter(), Counter()
    for counts in attempt_level.values():
        assert counts["attempts"] == counts["approved"] + counts["declined"] + counts["errored"] + counts["unknown"]
        attempts.update(counts)
    for counts in payment_level.values():
        assert counts["payments"] == (counts["payments_approved"] + counts["payments_failed"]
                                      + counts["payments_pending"] + counts["payments_cancelled"])
        assert counts["payments_retried"] <= counts["payments"]
        payments.update(counts)
    # every counted attempt belongs to exactly one payment
    assert payments["attempts"] == attempts["attempts"]
    assert payments["payments_retried"] > 0 and attempts["refunds"] > 0 and attempts["disputes"] > 0
    assert attempts["voided"] > 0 and attempts["captured"] > 0
    decided = payments["payments"] - payments["payments_pending"] - payments["payments_cancelled"]
    assert decided < attempts["attempts"]  # retries: fewer payments than attempts


def test_follow_ups_never_leave_the_generated_range():
    rows = list(generate_raw_rows(8_000, START, 2, 3))
    end = START + 2 * timedelta(hours=12)
    assert all(START <= r[4] < end for r in rows)
    moved = [r for r in rows if r[5][10] and r[5][10].startswith("0.") and r[4] >= START + timedelta(hours=12)]
    assert moved  # generated by the first window's chunks, landed in the second


def test_same_rows_whatever_the_number_of_worker_processes():
    import multiprocessing

    chunks = synthetic.generation_chunks(45_000, START, 3, 21)
    serial = [_chunk_copy_text(c) for c in chunks]
    with multiprocessing.get_context("forkserver").Pool(2) as pool:
        parallel = pool.map(_chunk_copy_text, chunks, chunksize=1)
    assert serial == parallel
    assert [_chunk_copy_text(c) for c in reversed(chunks)] == serial[::-1]
