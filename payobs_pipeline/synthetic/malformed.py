"""Rows malformed on purpose, each with the reason the pipeline should report (``MALFORMED_SHARES``)."""

from __future__ import annotations

import random
from datetime import datetime

from payobs_pipeline.synthetic.merchants import MERCHANTS
from payobs_pipeline.synthetic.providers import RENDERERS
from payobs_pipeline.synthetic.randomness import (
    LOWERCASE_ALPHANUMERIC,
    choice,
    randint,
    random_digits,
    random_token,
    randrange,
    weighted_picker,
)
from payobs_pipeline.synthetic.traffic_mix import MALFORMED_SHARES
from payobs_pipeline.synthetic.vocabulary import StatusCategory, UNKNOWN_PROVIDER


MALFORMED_PICK = weighted_picker(MALFORMED_SHARES)


def malformed_row(rng: random.Random, when: datetime) -> tuple[object, tuple, dict]:
    kind = MALFORMED_PICK(rng)
    merchant = choice(rng, MERCHANTS)
    provider = UNKNOWN_PROVIDER
    if kind == "MALFORMED_JSON":
        variant = randrange(rng, 3)
        if variant == 0:  # truncated in transit
            data = (f'{{"id": "ch_3{random_token(rng, 23)}", "object": "charge", "amount": {randint(rng, 100, 99999)}, '
                    f'"currency": "usd", "status": "succ')
        elif variant == 1:  # hand-written by an integration
            data = f'{{"transaction_id": "{random_digits(rng, 9)}", "status": "approved", "amount": 10.00,, }}'
        else:  # a Python repr stored instead of JSON
            data = f"{{'id': '{random_digits(rng, 10)}', 'status': 'approved', 'amount': 15.5, 'currency': 'BRL'}}"
    elif kind == "MALFORMED_XML":
        if rng.random() < 0.5:
            xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<paymentService version="1.4" merchantCode="ACMEECOM">'
                   f'<reply><orderStatus orderCode="ORD{random_digits(rng, 9)}"><payment><paymentMethod>VISA-SSL'
                   f'</paymentMethod><lastEvent>AUTHORISED</lastEv')
            provider = "worldpay" if rng.random() < 0.5 else UNKNOWN_PROVIDER
        else:
            xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<transaction><id>{random_token(rng, 8, LOWERCASE_ALPHANUMERIC)}</id>'
                   f'<status>settled</transaction>')
            provider = "braintree" if rng.random() < 0.5 else UNKNOWN_PROVIDER
        data = {"content": xml, "content_type": "text/xml"}
        if provider != UNKNOWN_PROVIDER:
            data["provider"] = provider
    elif kind == "XML_FORBIDDEN_CONSTRUCT":
        if rng.random() < 0.6:  # external entity (XXE)
            xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                   '<!DOCTYPE paymentService [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
                   f'<paymentService version="1.4" merchantCode="ACMEECOM"><reply><orderStatus orderCode="ORD{random_digits(rng, 9)}">'
                   '<payment><lastEvent>&xxe;</lastEvent></payment></orderStatus></reply></paymentService>')
        else:  # entity expansion bomb
            xml = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                   '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                   '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>\n'
                   '<transaction><id>&lol2;</id><status>settled</status></transaction>')
        data = {"content": xml, "format": "xml"}
    elif kind == "EMPTY_PAYLOAD":
        variant = randrange(rng, 5)
        data = ({}, "", {"content": ""}, {"content": "   ", "format": "xml"}, None)[variant]
        if data is None:  # only the hint survived
            provider = choice(rng, ("stripe", "adyen", "mercadopago"))
            data = {"provider": provider}
    elif kind == "CSV_MULTIPLE_RECORDS":
        adyen = RENDERERS["adyen"]
        pay = adyen.new_payment(rng, True)
        lines = [adyen._csv_line(rng, pay, adyen.outcome(rng, StatusCategory.APPROVED),
                                 when)[0] for _ in range(randint(rng, 2, 4))]
        data = {"content": adyen._CSV_HEADER + "\n" + "\n".join(lines) + "\n", "format": "csv", "provider": "adyen"}
        provider = "adyen"
        merchant = pay.merchant
    else:  # UNKNOWN_CURRENCY / INVALID_AMOUNT: a provider payload with one bad field
        provider = choice(rng, ("stripe", "mercadopago", "paypal"))
        prov = RENDERERS[provider]
        pay = prov.new_payment(rng, True)
        pay.kind = {"stripe": "charge", "paypal": "capture"}.get(provider, pay.kind)
        pay.txn_id = pay.aux["ch"] if provider == "stripe" else pay.txn_id
        data, _ = prov.render(rng, pay, prov.outcome(rng, StatusCategory.APPROVED), when)
        merchant = pay.merchant
        if kind == "UNKNOWN_CURRENCY":
            if provider == "stripe":
                data["currency"] = "xyz"
            elif provider == "mercadopago":
                data["currency_id"] = "XYZ"
            else:
                data["amount"]["currency_code"] = "XYZ"
        else:
            if provider == "stripe":
                data["amount"] = "abc"
            elif provider == "mercadopago":
                data["transaction_amount"] = "abc"
            else:
                data["amount"]["value"] = "abc"
    return data, (provider, None, None, None, None, None, None, kind), merchant
