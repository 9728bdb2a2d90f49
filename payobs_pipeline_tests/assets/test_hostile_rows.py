"""Hostile lake rows on real PostgreSQL: every row reaches parsed_payloads with its reason, none fails the window."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone

import dagster as dg
import psycopg
import pytest

from payobs_pipeline.assets.checks import snapshot_matches_lake
from payobs_pipeline.assets.lake_batch import raw_lake_batch
from payobs_pipeline.assets.payloads import parsed_payloads
from payobs_pipeline.normalization.pii import contains_card_number
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.stages import parse as parse_stage
from payobs_pipeline.stages import snapshot as snapshot_stage
from payobs_pipeline.synthetic.seed import ensure_lake_table
from payobs_pipeline.windows import Window

START = datetime(2026, 11, 2, tzinfo=timezone.utc)
WINDOW = Window.containing(START)

STRIPE = {
    "id": "ch_3MmlLrLkdIwHu7ix0snN0B15", "object": "charge", "amount": 1099, "currency": "usd",
    "status": "failed", "failure_code": "card_declined", "created": 1792000000, "provider": "stripe",
}
WORLDPAY_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<!DOCTYPE paymentService PUBLIC "-//WorldPay//DTD WorldPay PaymentService v1//EN" '
    '"http://dtd.worldpay.com/paymentService_v1.dtd">'
    '<paymentService version="1.4" merchantCode="SHOP"><notify><orderStatusEvent orderCode="o-1">'
    '<payment><amount value="1000" currencyCode="EUR" exponent="2"/><lastEvent>AUTHORISED</lastEvent>'
    "</payment></orderStatusEvent></notify></paymentService>"
)
BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>'
)
CARD = "4111111111111111"
EXPLODE = "payobs-test-explode"

# name: (data, merchant, expected parse_error or None for parsed, expected format when parsed)
ROWS = {
    "good_stripe": (STRIPE, {"id": "m-1", "name": "Shop", "country": "BR"}, None, "json"),
    "good_worldpay_xml": ({"content": WORLDPAY_XML, "format": "xml", "provider": "worldpay"},
                          {"id": "m-2", "name": "Shop"}, None, "xml"),
    "good_luhn_merchant_id": (STRIPE, {"id": CARD, "name": f"Shop {CARD}"}, None, "json"),
    "good_string_merchant": (STRIPE, "m-string", None, "json"),
    "good_number_merchant": (STRIPE, 4242424242424242, None, "json"),
    "good_array_merchant": (STRIPE, ["a", CARD], None, "json"),
    "good_null_merchant": (STRIPE, None, None, "json"),
    "good_1e309_in_string": (json.dumps({**STRIPE, "amount": 1e309}).replace("Infinity", "1e309"), None, None,
                             "json_string"),
    "billion_laughs": ({"content": BILLION_LAUGHS, "format": "xml"}, None, "XML_FORBIDDEN_CONSTRUCT", None),
    "xxe": ({"content": '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'}, None,
            "XML_FORBIDDEN_CONSTRUCT", None),
    "lone_surrogate": ('{"status": "approved", "x": "\\ud800"}', None, "INVALID_UNICODE", None),
    "nan": ('{"amount": NaN, "currency": "USD"}', None, "MALFORMED_JSON", None),
    "nul_escape": ('{"status": "approved", "x": "\\u0000"}', None, "NUL_BYTE", None),
    "deep_json": ('{"a": ' + "[" * 10_000 + "]" * 10_000 + "}", None, "PAYLOAD_TOO_DEEP", None),
    "deep_xml": ({"content": "<a>" * 10_000 + "</a>" * 10_000, "format": "xml"}, None, "PAYLOAD_TOO_DEEP", None),
    "too_large": ({"blob": "x" * 3_000_000}, None, "PAYLOAD_TOO_LARGE", None),
    "number": (42, None, "NOT_AN_OBJECT", None),
    "array": ([1, 2], None, "NOT_AN_OBJECT", None),
    "true": (True, None, "NOT_AN_OBJECT", None),
    "null": (None, None, "EMPTY_PAYLOAD", None),
    "garbage": ("%%%$$$###", None, "UNRECOGNIZED_FORMAT", None),
    "csv_10000_columns": ({"content": ",".join(f"c{i}" for i in range(10_000)) + "\n" + "1," * 9_999 + "1",
                           "format": "csv"}, None, None, "csv"),
    "crash_in_parse_stage": ({**STRIPE, "note": EXPLODE}, None, "INTERNAL_ERROR", None),
    "crash_in_snapshot": ({**STRIPE, "note": EXPLODE + "-snapshot"}, None, "INTERNAL_ERROR", None),
}


@pytest.fixture
def hostile_lake(lake_url):
    ids = {}
    with psycopg.connect(lake_url) as conn:
        ensure_lake_table(conn)
        for offset, (name, (data, merchant, _, _)) in enumerate(ROWS.items()):
            ids[name] = uuid.uuid4()
            conn.execute(
                "INSERT INTO raw_transactions (id, data, merchant, created_at) VALUES (%s, %s::jsonb, %s::jsonb, %s)",
                (ids[name], json.dumps(data), None if merchant is None else json.dumps(merchant),
                 START + timedelta(seconds=offset)),
            )
    return ids


def _exploding(real, marker):
    def wrapped(value, *args, **kwargs):
        if marker in str(value):
            raise RuntimeError(f"simulated bug on card {CARD}")
        return real(value, *args, **kwargs)
    return wrapped


def test_hostile_rows_are_kept_with_their_reason_and_good_rows_parse(
    hostile_lake, lake_url, warehouse_url, monkeypatch
):
    # Unexpected exceptions: one in the snapshot's masking, one in the parse stage's fingerprinting (patched
    # in this process, so the stages run their row work here: PAYOBS_WORKERS=0).
    monkeypatch.setenv("PAYOBS_WORKERS", "0")
    monkeypatch.setattr(snapshot_stage, "mask_text", _exploding(snapshot_stage.mask_text, EXPLODE + "-snapshot"))
    monkeypatch.setattr(parse_stage, "shape_fingerprint", _exploding(parse_stage.shape_fingerprint, EXPLODE))

    result = dg.materialize(
        [raw_lake_batch, parsed_payloads, snapshot_matches_lake],
        partition_key=WINDOW.partition_key,
        resources={"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=warehouse_url)},
    )
    assert result.success
    assert all(check.passed for check in result.get_asset_check_evaluations())
    snapshot_meta = result.asset_materializations_for_node("raw_lake_batch")[0].metadata
    parse_meta = result.asset_materializations_for_node("parsed_payloads")[0].metadata
    assert snapshot_meta["lake_rows"].value == len(ROWS)
    assert snapshot_meta["internal_errors"].value == 1
    assert snapshot_meta["refused_before_masking"].value == 1  # too_large
    assert parse_meta["rows"].value == len(ROWS)
    assert parse_meta["internal_errors"].value == 2

    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        parsed = {
            lake_id: (error, detail, fmt, body, merchant)
            for lake_id, error, detail, fmt, body, merchant in conn.execute(
                "SELECT lake_id, parse_error, parse_detail, format, body::text, merchant FROM parsed_payloads "
                "WHERE partition_key = %s", (WINDOW.partition_key,)
            )
        }
        snapshot = dict(conn.execute(
            "SELECT lake_id, data FROM raw_lake_batch WHERE partition_key = %s", (WINDOW.partition_key,)
        ).fetchall())
        merchants = dict(conn.execute("SELECT lake_id, merchant FROM raw_lake_batch").fetchall())

    assert set(parsed) == set(hostile_lake.values()) == set(snapshot)
    for name, (_, _, expected_error, expected_format) in ROWS.items():
        error, detail, fmt, body, _ = parsed[hostile_lake[name]]
        assert error == expected_error, (name, error, detail)
        if expected_error is None:
            assert fmt == expected_format and body, name
        else:
            assert fmt is None and body is None and detail, name
        assert not contains_card_number(detail or ""), name
        assert not contains_card_number(snapshot[hostile_lake[name]]), name

    for name in ("crash_in_parse_stage", "crash_in_snapshot"):
        detail = parsed[hostile_lake[name]][1]
        assert detail.startswith("RuntimeError: simulated bug on card 411111******1111"), detail
    assert parsed[hostile_lake["good_stripe"]][3].startswith('{"id": "ch_3MmlLrLkdIwHu7ix0snN0B15"')
    assert '"amount": 1' + "0" * 309 in parsed[hostile_lake["good_1e309_in_string"]][3]
    assert len(snapshot[hostile_lake["too_large"]]) < 1000  # the refusal marker, not 3 MB

    # The merchant's id is an identifier: never masked; its other values are.
    assert merchants[hostile_lake["good_luhn_merchant_id"]] == {"id": CARD, "name": "Shop 411111******1111"}
    assert merchants[hostile_lake["good_string_merchant"]] == "m-string"
    assert merchants[hostile_lake["good_number_merchant"]] == 4242424242424242
    assert merchants[hostile_lake["good_array_merchant"]] == ["a", "411111******1111"]
    assert merchants[hostile_lake["good_null_merchant"]] is None
    assert parsed[hostile_lake["good_luhn_merchant_id"]][4] == {"id": CARD, "name": "Shop 411111******1111"}
