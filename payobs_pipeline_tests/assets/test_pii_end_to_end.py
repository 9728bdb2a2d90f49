"""PII end to end: card numbers, security codes and e-mail local parts seeded into a lake window reach
no warehouse table, no Dagster event log entry, no compute log and no console output.

The window holds only the rows below (known providers and unknown shapes; JSON, JSON inside a string,
XML, CSV, key=value, form-encoded, free text; malformed rows whose parse error quotes the text; the
merchant's name). The whole pipeline runs on a persistent Dagster instance in a temporary directory,
so its event log and compute log files exist, and then every column of every warehouse table (cast to
text), every event log record and run record (serialized), every file under the instance's directory
and the captured stdout/stderr are searched for each seeded card number (as written and digits only),
each security-code value and each e-mail local part.

There is no LLM step yet: when there is one, what it is sent belongs in this search too.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import dagster as dg
import psycopg
import pytest
from dagster._serdes import serialize_value
from psycopg import sql

from payobs_pipeline.definitions import PIPELINE
from payobs_pipeline.normalization.pii import luhn_valid
from payobs_pipeline.resources.lake import LakeDatabase
from payobs_pipeline.resources.warehouse import WarehouseDatabase
from payobs_pipeline.synthetic.seed import ensure_lake_table
from payobs_pipeline.windows import Window

START = datetime(2026, 11, 5, tzinfo=timezone.utc)
WINDOW = Window.containing(START)

# Card numbers as written in the rows below (each in one place only, so a leak says where it came from).
CARDS = [
    "4111 1111 1111 1111",      # Stripe description (free text, grouped)
    "5555555555554444",         # Stripe nested metadata
    "4012-8888-8888-1881",      # Stripe failure message (dashed)
    "378282246310005",          # Adyen additionalData
    "4242424242424242",         # Adyen refusal reason
    "4000 0566 5566 5556",      # Worldpay XML element text
    "6011111111111117",         # Worldpay XML attribute
    "5105105105105100",         # CSV cell
    "3530-1113-3330-0000",      # CSV free-text note
    "4917610000000000",         # key=value
    "3056 930902 5904",         # nested JSON, Diners 4-6-4
    "4532015112830366",         # malformed XML (parse error)
    "6011000990139424",         # a JSON number
    "371449635398431",          # JSON inside a string
    "2223003122003222",         # form-encoded
    "5200 8282 8282 8210",      # unknown provider, free-text note
    "36227206271667",           # malformed JSON inside a string (parse error)
    "4000002500003155",         # Authorize.net XML
    "4000 0035 6000 0008",      # a payload above the size limit (refused before masking)
    "5425233430109903",         # a payload nested too deep
]
MERCHANT_NAME_CARD = "4716 1089 9971 6531"
# Security-code values: 4 digits each, none a year, hour or amount used here.
CVVS = ["8173", "9462", "7391", "5824", "6283", "4729", "3817", "6142", "5531", "4418", "2716", "8354",
        "7648", "9137", "3596", "6927", "8469"]
EMAILS = ["stripe.payer.pii@example.com", "adyen.shopper.pii@example.com", "wp.shopper.pii@example.org",
          "csv.payer.pii@example.net", "kv.payer.pii@example.com", "jane+pii.tag@example.com",
          "merchant.owner.pii@shop.example", "note.writer.pii@example.com", "form.payer.pii@example.com",
          "anet.payer.pii@example.com", "broken.pii@example.com", "huge.pii@example.com", "deep.pii@example.com"]

WORLDPAY_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE paymentService PUBLIC "-//WorldPay//DTD WorldPay PaymentService v1//EN" '
    '"http://dtd.worldpay.com/paymentService_v1.dtd">\n'
    '<paymentService version="1.4" merchantCode="MYMERCHANT"><notify>'
    '<orderStatusEvent orderCode="PiiOrder1"><payment><paymentMethod>VISA-SSL</paymentMethod>'
    '<amount value="2400" currencyCode="EUR" exponent="2" debitCreditIndicator="credit"/>'
    '<lastEvent>REFUSED</lastEvent><ISO8583ReturnCode code="51" description="INSUFFICIENT FUNDS"/>'
    '<cardDetails cvc="7391"><cardNumber>4000 0566 5566 5556</cardNumber>'
    '<card number="6011111111111117" type="creditcard"/><securityCode>5824</securityCode></cardDetails>'
    '<shopperEmailAddress>wp.shopper.pii@example.org</shopperEmailAddress>'
    '</payment></orderStatusEvent></notify></paymentService>'
)
ANET_XML = (
    '<?xml version="1.0" encoding="utf-8"?><createTransactionRequest xmlns="AnetApi/xml/v1/schema/AnetApiSchema.xsd">'
    '<transactionRequest><transactionType>authCaptureTransaction</transactionType><amount>5.00</amount>'
    '<payment><creditCard><cardNumber>4000002500003155</cardNumber><expirationDate>2030-12</expirationDate>'
    '<cardCode>2716</cardCode></creditCard></payment>'
    '<customer><email>anet.payer.pii@example.com</email></customer></transactionRequest>'
    '</createTransactionRequest>'
)


def _nested(levels: int, leaf: dict) -> dict:
    for _ in range(levels):
        leaf = {"a": leaf}
    return leaf


ROWS: list[tuple[object, object]] = [
    # (data, merchant)
    ({
        "id": "ch_3PiiTest0000000000000001", "object": "charge", "amount": 2000, "currency": "usd",
        "status": "failed", "failure_code": "card_declined",
        "failure_message": "Your card 4012-8888-8888-1881 was declined.",
        "description": "Paid with card 4111 1111 1111 1111", "created": 1793840400,
        "billing_details": {"email": "stripe.payer.pii@example.com", "name": "Jane Payer"},
        "metadata": {"card": {"number": "5555555555554444", "cvc": "8173"}},
        "payment_method_details": {"type": "card", "card": {"brand": "visa", "country": "US"}},
    }, {"id": "m_pii_1", "name": f"Shop {MERCHANT_NAME_CARD} Ltd", "email": "merchant.owner.pii@shop.example",
        "country": "US"}),
    ({
        "pspReference": "QFQTPCQ8HXSKGK82", "merchantReference": "ORDER-PII-1", "resultCode": "Refused",
        "refusalReason": "Refused card 4242424242424242", "refusalReasonCode": "2",
        "amount": {"currency": "EUR", "value": 1000},
        "additionalData": {"cardNumber": "378282246310005", "cvc": 9462, "shopperEmail": "adyen.shopper.pii@example.com"},
        "paymentMethod": {"brand": "visa", "type": "scheme"},
    }, {"id": "m_pii_2", "name": "Adyen shop", "country": "NL"}),
    ({"content": WORLDPAY_XML, "format": "xml", "provider": "worldpay"}, {"id": "m_pii_3", "name": "WP shop"}),
    ({"content": "id,status,amount,currency,card_number,cvv2,email,note\n"
                 "csv-1,declined,10.00,USD,5105105105105100,6283,csv.payer.pii@example.net,"
                 "\"backup card 3530-1113-3330-0000\"\n", "format": "csv"}, None),
    ({"content": "txn=kv-1;status=declined;amt=10.00;cur=USD;pan=4917610000000000;card_code=4729;"
                 "email=kv.payer.pii@example.com"}, None),
    ({"provider": "stripe", "id": "ch_3PiiTest0000000000000002", "object": "charge", "amount": 1500,
      "currency": "usd", "status": "succeeded", "created": 1793841000,
      "payment": {"details": {"instrument": {"pan": "3056 930902 5904", "securityCode": "3817"}}},
      "receipt_email": "jane+pii.tag@example.com"}, {"id": "m_pii_4", "name": "Nested shop"}),
    (json.dumps({"id": "ch_3PiiTest0000000000000003", "object": "charge", "amount": 700, "currency": "usd",
                 "status": "failed", "failure_code": "incorrect_cvc", "created": 1793841600,
                 "source": {"number": "371449635398431", "cvv": "6142"}}), None),
    ({"transaction_id": "txn_pii_5", "status": "declined", "amount": "12.34", "currency": "USD",
      "notes": "customer note.writer.pii@example.com says the card 5200 8282 8282 8210 failed, CVV: 5531",
      "card_number": 6011000990139424}, None),
    ({"content": '<payment><status>declined</status><pan>4532015112830366</pan><cvv>4418</cvv>'
                 '<email>broken.pii@example.com</email>', "format": "xml"}, None),
    ({"content": ANET_XML, "format": "xml", "provider": "authorizenet"}, None),
    ({"content": "status=failed&amount=9.99&currency=USD&card%5Bnumber%5D=2223003122003222&card%5Bcvc%5D=8354"
                 "&email=form.payer.pii%40example.com"}, None),
    ('{"status": "declined", "card": {"number": "36227206271667", "cvv2": "7648", "amount": 12',
     None),  # JSON inside a string, truncated: a parse error
    ({"status": "declined", "amount": 500, "currency": "USD", "cvv2": 9137,
      "billing": {"card_code": "3596"}}, None),
    ({"status": "declined", "card": "4000 0035 6000 0008", "cvc": "6927", "email": "huge.pii@example.com",
      "padding": "x" * 1_100_000}, None),
    ({"status": "declined", "deep": _nested(80, {"pan": "5425233430109903", "cvv": "8469",
                                                 "email": "deep.pii@example.com"})}, None),
]


def _digits(text: str) -> str:
    return re.sub(r"[ -]", "", text)


def test_every_seeded_card_number_is_a_card_number():
    for card in [*CARDS, MERCHANT_NAME_CARD]:
        assert luhn_valid(_digits(card)), card
    seeded = json.dumps([data for data, _ in ROWS]) + json.dumps([m for _, m in ROWS])
    for card in [*CARDS, MERCHANT_NAME_CARD]:
        assert card in seeded or card in json.dumps(seeded), card
    assert len(set(CVVS)) == len(CVVS)


def seed(lake_url: str) -> list[uuid.UUID]:
    ids = [uuid.uuid5(uuid.NAMESPACE_URL, f"payobs-pii-{n}") for n in range(len(ROWS))]
    with psycopg.connect(lake_url) as conn:
        ensure_lake_table(conn)
        for n, (lake_id, (data, merchant)) in enumerate(zip(ids, ROWS)):
            conn.execute(
                "INSERT INTO raw_transactions (id, data, merchant, transactional_id, created_at) "
                "VALUES (%s, %s::jsonb, %s::jsonb, %s, %s)",
                (lake_id, json.dumps(data), None if merchant is None else json.dumps(merchant), uuid.uuid4(),
                 WINDOW.start + timedelta(minutes=5 * n + 1)),
            )
    return ids


_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-f]{32}")


def leaks(where: str, text: str) -> list[str]:
    """Every seeded secret found in ``text``, described."""
    found = []
    lowered = text.lower()
    for card in [*CARDS, MERCHANT_NAME_CARD]:
        for form in {card, _digits(card)}:
            if form in text:
                found.append(f"{where}: card number {form}")
    # A security code is 4 digits: searched as a whole token (not inside a longer number, a decimal, an
    # identifier or a UUID, where any 4 digits may occur by chance).
    bare = _UUID.sub("<uuid>", text)
    for cvv in CVVS:
        if re.search(rf"(?<![0-9A-Za-z.]){cvv}(?![0-9A-Za-z.])", bare):
            found.append(f"{where}: security code {cvv}")
    for email in EMAILS:
        local = email.split("@")[0].lower()
        if local in lowered:
            found.append(f"{where}: e-mail local part {local}")
    return found


def warehouse_text(warehouse_url: str) -> dict[str, str]:
    """Every row of every table and view of the warehouse's schemas, each row cast to text."""
    texts = {}
    with psycopg.connect(warehouse_url) as conn:
        tables = conn.execute(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2").fetchall()
        assert ("payobs", "normalized_events") in tables
        for schema, table in tables:
            rows = conn.execute(sql.SQL("SELECT t::text FROM {} t").format(sql.Identifier(schema, table))).fetchall()
            texts[f"{schema}.{table}"] = "\n".join(row for (row,) in rows)
    return texts


@pytest.fixture
def instance(tmp_path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    with dg.DagsterInstance.local_temp(str(home)) as instance:
        yield instance


def test_no_seeded_pii_reaches_the_warehouse_the_event_log_or_the_logs(
        lake_url, warehouse_url, instance, tmp_path, capfd):
    ids = seed(lake_url)
    # The search finds every seeded value where it is (the lake itself): a miss below means masked, not unseen.
    with psycopg.connect(lake_url) as conn:
        lake = "\n".join(row for (row,) in conn.execute("SELECT t::text FROM raw_transactions t"))
    in_lake = leaks("lake", lake)
    assert len(in_lake) == len(CARDS) + 1 + len(CVVS) + len(EMAILS), in_lake  # each as written
    result = dg.materialize(
        PIPELINE, partition_key=WINDOW.partition_key, instance=instance,
        resources={"lake": LakeDatabase(url=lake_url), "warehouse": WarehouseDatabase(url=warehouse_url)},
    )
    assert result.success
    checks = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    assert checks == {"snapshot_matches_lake": True, "window_conserves_lake_rows": True, "events_are_valid": True,
                      "unprocessed_share_is_stable": True, "provider_health_has_no_alerts": True}
    console = capfd.readouterr()

    found: list[str] = []
    # 1. The warehouse: every column of every table, as text.
    tables = warehouse_text(warehouse_url)
    assert str(ids[0]) in tables["payobs.raw_lake_batch"]
    for table, text in tables.items():
        found += leaks(table, text)

    # 2. Dagster's event log (every record, serialized, metadata included) and the run's record.
    run_id = result.run_id
    records = instance.all_logs(run_id)
    assert any(record.dagster_event and record.dagster_event.is_step_materialization for record in records)
    found += leaks("event log", "\n".join(serialize_value(record) for record in records))
    found += leaks("run record", serialize_value(instance.get_run_by_id(run_id)))

    # 3. Every file under the instance's directory: compute logs (each step's stdout/stderr), storage.
    root = Path(instance.root_directory)
    files = [path for path in root.rglob("*") if path.is_file()]
    compute_logs = [path for path in files if path.suffix in (".out", ".err", ".complete") or "compute" in str(path)]
    assert compute_logs, f"no compute log files under {root}: {files}"
    for path in files:
        found += leaks(str(path.relative_to(root)), path.read_bytes().decode("utf-8", "replace"))

    # 4. What the run printed (Dagster's console logger, warnings).
    found += leaks("stdout", console.out) + leaks("stderr", console.err)

    # The rows went through every stage: normalized events and unprocessed rows of the window exist.
    with psycopg.connect(warehouse_url) as conn:
        conn.execute("SET search_path TO payobs")
        events, unprocessed = conn.execute(
            "SELECT (SELECT count(*) FROM normalized_events WHERE partition_key = %(k)s), "
            "(SELECT count(*) FROM unprocessed_events WHERE partition_key = %(k)s)", {"k": WINDOW.partition_key}
        ).fetchone()
    assert events >= 3 and unprocessed >= 2 and events + unprocessed == len(ROWS)

    assert not found, "\n".join(found)
