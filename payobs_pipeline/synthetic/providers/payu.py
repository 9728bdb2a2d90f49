"""PayU Latam in its own words: API response JSON (with the stored request) and key=value confirmation posts.

Ground truth written from PayU Latam's documentation (transaction states, response codes, state_pol and
response_code_pol tables), independently of normalization/providers/payu.py."""

from __future__ import annotations

from urllib.parse import quote

from payobs_pipeline.synthetic.amounts import currency_exponent, major_units_number, major_units_text
from payobs_pipeline.synthetic.payments import TEST_CARD_NUMBERS
from payobs_pipeline.synthetic.provider_base import LifecycleHooks, ProviderRenderer
from payobs_pipeline.synthetic.randomness import (
    LOWERCASE_ALPHANUMERIC,
    random_digits,
    random_token,
    random_uuid,
    randrange,
)
from payobs_pipeline.synthetic.truth import with_changes
from payobs_pipeline.synthetic.vocabulary import EventKind, FailureReason, PaymentMethod, StatusCategory


class PayURenderer(ProviderRenderer):
    name = "payu"
    # (responseCode, response_code_pol, rejectionType, ISO network code the acquirer passed on)
    declines = {
        FailureReason.INSUFFICIENT_FUNDS: [("INSUFFICIENT_FUNDS", "6", "SOFT", "51")],
        FailureReason.GENERIC_DECLINE: [("ENTITY_DECLINED", "5", "SOFT", "05"),
                                        ("PAYMENT_NETWORK_REJECTED", "4", "SOFT", None),
                                        ("CONTACT_THE_ENTITY", "8", "SOFT", "01")],
        FailureReason.EXPIRED_CARD: [("EXPIRED_CARD", "9", "HARD", "54")],
        FailureReason.INVALID_CARD_DATA: [("INVALID_CARD", "7", "HARD", "14"),
                                          ("INVALID_EXPIRATION_DATE_OR_SECURITY_CODE", "12", "HARD", None)],
        FailureReason.RESTRICTED_CARD: [("RESTRICTED_CARD", "10", "HARD", "62")],
        FailureReason.RISK_REJECTED: [("ANTIFRAUD_REJECTED", "23", "HARD", None)],
        FailureReason.TRANSACTION_NOT_PERMITTED: [("CREDIT_CARD_NOT_AUTHORIZED_FOR_INTERNET_TRANSACTIONS", "22",
                                                   "HARD", "57")],
        FailureReason.LIMIT_EXCEEDED: [("EXCEEDED_AMOUNT", "17", "SOFT", "61")],
        # PayU's table: REPEAT_TRANSACTION "You must repeat the transaction" (ISO 19), not a duplicate.
        FailureReason.ISSUER_UNAVAILABLE: [("REPEAT_TRANSACTION", "13", "SOFT", None)],
    }
    errors = {
        FailureReason.PROCESSING_ERROR: [("INTERNAL_PAYMENT_PROVIDER_ERROR", "9999", "SOFT", None)],
        FailureReason.ISSUER_UNAVAILABLE: [("BANK_UNREACHABLE", "9996", "SOFT", None)],
    }
    # The financial network never answered (state ERROR): money may have moved, so UNKNOWN.
    unknowns = {FailureReason.TIMEOUT: [("PAYMENT_NETWORK_NO_RESPONSE", "9998", "SOFT", None)]}
    statuses = frozenset({StatusCategory.APPROVED, StatusCategory.DECLINED, StatusCategory.ERROR,
                          StatusCategory.UNKNOWN, StatusCategory.PENDING, StatusCategory.CANCELLED})
    # payment method word -> (payment_method_type code, canonical)
    _METHODS = {"VISA": ("2", PaymentMethod.CARD), "MASTERCARD": ("2", PaymentMethod.CARD),
                "AMEX": ("2", PaymentMethod.CARD),
                "PSE": ("4", PaymentMethod.BANK_TRANSFER), "EFECTY": ("7", PaymentMethod.CASH_VOUCHER),
                "OXXO": ("7", PaymentMethod.CASH_VOUCHER)}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        if needs_card or r < 0.75:
            pay.method = ("VISA", "MASTERCARD", "AMEX")[0 if r < 0.45 else (1 if r < 0.7 else 2)]
        elif pay.country == "CO":
            pay.method = "PSE" if r < 0.9 else "EFECTY"
        elif pay.country == "MX":
            pay.method = "OXXO"
        else:
            pay.method = "VISA"
        pay.kind = "kv" if rng.random() < 0.35 else "json"
        pay.txn_id = str(random_uuid(rng))
        pay.aux["order"] = randrange(rng, 10**9, 10**10)
        pay.aux["ref"] = "PAYU-" + random_digits(rng, 8)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        ptype, method = self._METHODS[pay.method]
        network = None
        if st is StatusCategory.APPROVED:
            state, rc, pol, rej, state_pol, network = "APPROVED", "APPROVED", "1", "NONE", "4", "00"
        elif st is StatusCategory.PENDING:
            state, rc, pol, rej, state_pol = "PENDING", "PENDING_TRANSACTION_CONFIRMATION", "25", "NONE", "7"
        elif st is StatusCategory.CANCELLED:
            state, rc, pol, rej, state_pol = "EXPIRED", "EXPIRED_TRANSACTION", "20", "NONE", "5"
        elif st is StatusCategory.ERROR or st is StatusCategory.UNKNOWN:
            state, (rc, pol, rej, network), state_pol = "ERROR", code, "6"
        else:
            state, (rc, pol, rej, network), state_pol = "DECLINED", code, "6"
        if pay.kind == "kv" and st is not StatusCategory.ERROR and st is not StatusCategory.UNKNOWN:
            return self._kv(rng, pay, out, when, ptype, method, state_pol, pol, rc)
        body = {
            "code": "SUCCESS", "error": None,
            "transactionResponse": {
                "orderId": pay.aux["order"], "transactionId": pay.txn_id, "state": state,
                "paymentNetworkResponseCode": network,
                "trazabilityCode": random_digits(rng, 8),
                "authorizationCode": random_digits(rng, 6) if st is StatusCategory.APPROVED else None,
                "pendingReason": None,
                "responseCode": rc, "operationDate": int(when.timestamp() * 1000),
                "additionalInfo": {"paymentNetwork": "CREDIBANCO" if pay.country == "CO" else "PAYU",
                                   "rejectionType": rej, "cardType": "CREDIT" if ptype == "2" else None,
                                   "transactionType": "AUTHORIZATION_AND_CAPTURE"}},
            # The lake writer stored the request next to the response: the amount only lives there.
            "request": {"transaction": {"order": {"referenceCode": pay.aux["ref"], "description": "Payment",
                                                  "additionalValues": {"TX_VALUE": {
                                                      "value": major_units_number(pay.amount_minor, pay.currency),
                                                      "currency": pay.currency}}},
                                        "paymentMethod": pay.method, "paymentCountry": pay.country,
                                        "type": "AUTHORIZATION_AND_CAPTURE"}},
        }
        if pay.pii and ptype == "2":
            body["request"]["transaction"]["creditCard"] = {"number": TEST_CARD_NUMBERS[3], "securityCode": "321",
                                                            "expirationDate": f"{pay.card.exp_year}/{pay.card.exp_month:02d}",
                                                            "name": "APPROVED"}
        return body, self.expected(pay, out, method, kind=EventKind.AUTHORIZATION)  # EXPIRED: never paid

    def _kv(self, rng, pay, out, when, ptype, method, state_pol, pol, rc):
        fields = [
            ("merchant_id", "508029"), ("state_pol", state_pol), ("risk", "0.0"), ("response_code_pol", pol),
            ("reference_sale", pay.aux["ref"]), ("reference_pol", str(pay.aux["order"])),
            ("sign", random_token(rng, 32, LOWERCASE_ALPHANUMERIC)), ("extra1", ""),
            ("payment_method", "10" if ptype == "2" else "25"),
            ("payment_method_type", ptype), ("installments_number", "1"),
            # PayU always prints two decimals, even for currencies without minor units
            ("value",
             major_units_text(pay.amount_minor, pay.currency) + ("" if currency_exponent(pay.currency) else ".00")),
            ("tax", "0.00"), ("transaction_date", when.strftime("%Y-%m-%d %H:%M:%S")), ("currency", pay.currency),
            ("email_buyer", f"buyer{randrange(rng, 10**5)}@example.com"), ("cus", random_digits(rng, 9)),
            ("pse_bank", ""),
            ("test", "0"), ("description", "Compra en linea"), ("transaction_id", pay.txn_id),
            ("payment_method_name", pay.method), ("response_message_pol", rc),
        ]
        if pay.pii and ptype == "2":
            fields.append(("cc_number", TEST_CARD_NUMBERS[0]))
        body_text = "&".join(f"{k}={quote(v, safe='')}" for k, v in fields)
        r = rng.random()
        body = {"content": body_text, "content_type": "application/x-www-form-urlencoded"} if r < 0.6 else \
            ({"content": body_text, "format": "kv"} if r < 0.8 else {"content": body_text})
        return body, self.expected(pay, out, method, kind=EventKind.AUTHORIZATION)


class PayULifecycle(LifecycleHooks):
    caps = frozenset({"retry", "capture", "void", "two_objects"})

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = str(random_uuid(rng))
        if new_payment:
            pay.aux["order"] = randrange(rng, 10**9, 10**10)
            pay.aux["ref"] = "PAYU-" + random_digits(rng, 8)

    def _typed(self, rng, pay, when, ttype, kind, parent=None):
        pay.kind = "json"
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        data["request"]["transaction"]["type"] = ttype
        data["transactionResponse"]["additionalInfo"]["transactionType"] = ttype
        if parent is not None:
            data["request"]["transaction"]["parentTransactionId"] = parent
        return data, with_changes(truth, kind=kind)

    def auth_only(self, rng, pay, when):
        return self._typed(rng, pay, when, "AUTHORIZATION", EventKind.AUTHORIZATION)

    def _follow(self, rng, pay, when, ttype, kind, status):
        auth_id = pay.txn_id
        pay.txn_id = str(random_uuid(rng))  # the capture / void is a transaction of its own
        data, truth = self._typed(rng, pay, when, ttype, kind, parent=auth_id)
        new_id, pay.txn_id = pay.txn_id, auth_id
        return data, with_changes(truth, txn=new_id, status=status)

    def capture(self, rng, pay, when):
        return self._follow(rng, pay, when, "CAPTURE", EventKind.CAPTURE, StatusCategory.APPROVED)

    def void(self, rng, pay, when):
        return self._follow(rng, pay, when, "VOID", EventKind.VOID, StatusCategory.CANCELLED)

    def second(self, rng, pay, out, when):
        pay.kind = "kv" if pay.kind == "json" else "json"
        return self.renderer.render(rng, pay, out, when)
