"""Mollie in its own words: payments, refunds and chargebacks.

Ground truth written from Mollie's API reference (payment statuses, card failureReason values),
independently of normalization/providers/mollie.py."""

from __future__ import annotations

from payobs_pipeline.synthetic.amounts import major_units_text, refund_amount
from payobs_pipeline.synthetic.payments import TEST_CARD_NUMBERS
from payobs_pipeline.synthetic.provider_base import LifecycleHooks, ProviderRenderer
from payobs_pipeline.synthetic.randomness import LOWERCASE_ALPHANUMERIC, choice, random_digits, random_token
from payobs_pipeline.synthetic.traffic_mix import STATUS_SHARES
from payobs_pipeline.synthetic.truth import refund_truth, with_changes
from payobs_pipeline.synthetic.vocabulary import EventKind, FailureReason, PaymentMethod, StatusCategory


class MollieRenderer(ProviderRenderer):
    name = "mollie"
    # details.failureReason of credit card payments
    declines = {
        FailureReason.INSUFFICIENT_FUNDS: [("insufficient_funds", "The card has insufficient funds.")],
        FailureReason.GENERIC_DECLINE: [("card_declined", "The card was declined."),
                                        ("refused_by_issuer", "The payment was refused by the card issuer.")],
        FailureReason.EXPIRED_CARD: [("card_expired", "The card has expired.")],
        FailureReason.INVALID_CARD_DATA: [("invalid_card_number", "The card number is invalid.")],
        FailureReason.INCORRECT_CVC: [("invalid_cvv", "The CVV is invalid.")],
        FailureReason.SUSPECTED_FRAUD: [("possible_fraud", "The payment was declined because of possible fraud.")],
        FailureReason.AUTHENTICATION_FAILED: [("authentication_failed", "The 3-D Secure authentication failed.")],
        FailureReason.AUTHENTICATION_REQUIRED: [("authentication_required", "3-D Secure authentication is required.")],
        FailureReason.RESTRICTED_CARD: [("inactive_card", "The card is inactive.")],
        FailureReason.TRANSACTION_NOT_PERMITTED: [("invalid_card_type", "This card type is not supported.")],
        FailureReason.UNKNOWN: [("unknown_reason", "The payment failed for an unknown reason.")],
    }
    statuses = frozenset(STATUS_SHARES) - {StatusCategory.UNKNOWN, StatusCategory.ERROR}
    _METHODS = {"creditcard": PaymentMethod.CARD, "ideal": PaymentMethod.BANK_TRANSFER,
                "banktransfer": PaymentMethod.BANK_TRANSFER,
                "paypal": PaymentMethod.WALLET, "klarnapaylater": PaymentMethod.BNPL,
                "directdebit": PaymentMethod.DIRECT_DEBIT}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        if needs_card or r < 0.35:
            pay.method = "creditcard"
        elif pay.country == "NL" and r < 0.85:
            pay.method = "ideal"
        else:
            pay.method = ("banktransfer", "paypal", "klarnapaylater", "directdebit")[int(r * 1e6) % 4]
        pay.txn_id = "tr_" + random_token(rng, 10)
        pay.aux["profile"] = "pfl_" + random_token(rng, 10)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        ts = when.isoformat(timespec="seconds")
        money = {"value": major_units_text(pay.amount_minor, pay.currency), "currency": pay.currency}
        if st is StatusCategory.REFUNDED:
            rid = "re_" + random_token(rng, 10)
            amount = refund_amount(rng, pay)
            body = {"resource": "refund", "id": rid,
                    "amount": {"currency": pay.currency, "value": major_units_text(amount, pay.currency)},
                    "status": "refunded", "createdAt": ts, "description": "Order refund", "metadata": None,
                    "paymentId": pay.txn_id, "settlementAmount": {"currency": pay.currency,
                                                                  "value": "-" + major_units_text(amount,
                                                                                                  pay.currency)}}
            return body, self.expected(pay, out, None, rid, amount)  # a Mollie refund names no method
        if st is StatusCategory.CHARGEBACK:
            cid = "chb_" + random_token(rng, 6, LOWERCASE_ALPHANUMERIC)
            body = {"resource": "chargeback", "id": cid, "amount": money, "createdAt": ts,
                    "reason": {"code": choice(rng, ("AC01", "MD06", "4837")),
                               "description": choice(rng, ("Account identifier incorrect",
                                                           "Refund request by end customer",
                                                           "No cardholder authorisation"))},
                    "reversedAt": None, "paymentId": pay.txn_id}
            return body, self.expected(pay, out, None, cid)  # a Mollie chargeback names no method
        status = {StatusCategory.APPROVED: "paid" if rng.random() < 0.9 or pay.method != "creditcard" else "authorized",
                  StatusCategory.DECLINED: "failed", StatusCategory.PENDING: choice(rng, ("open", "pending")),
                  StatusCategory.CANCELLED: choice(rng, ("canceled", "expired"))}[st]
        body = {"resource": "payment", "id": pay.txn_id, "mode": "live", "createdAt": ts, "amount": money,
                "description": f"Order #{random_digits(rng, 5)}", "method": pay.method,
                "metadata": {"order_id": random_digits(rng, 5)},
                "status": status, "isCancelable": status == "open",
                "locale": "nl_NL" if pay.country == "NL" else "en_US",
                "countryCode": pay.country, "profileId": pay.aux["profile"], "sequenceType": "oneoff",
                "redirectUrl": "https://webshop.example.org/order/12345/"}
        if status == "paid":
            body["paidAt"] = ts
            body["amountRefunded"] = {"value": major_units_text(0, pay.currency), "currency": pay.currency}
            body["amountRemaining"] = money
        elif status in ("canceled", "expired", "failed"):
            body[{"canceled": "canceledAt", "expired": "expiredAt", "failed": "failedAt"}[status]] = ts
        if pay.method == "creditcard":
            details = {"cardNumber": pay.card.last4, "cardHolder": "T. TEST", "cardAudience": "consumer",
                       "cardLabel": pay.card.label, "cardCountryCode": pay.country, "cardSecurity": "normal",
                       "feeRegion": "intra-eu"}
            if code:
                details["failureReason"], details["failureMessage"] = code
            if pay.pii:
                details["cardNumber"] = TEST_CARD_NUMBERS[2]
            body["details"] = details
        elif pay.method == "ideal" and status == "paid":
            body["details"] = {"consumerName": "T. TEST", "consumerAccount": "NL53INGB0654422370",
                               "consumerBic": "INGBNL2A"}
        return body, self.expected(pay, out, method,
                                   kind=EventKind.AUTHORIZATION)  # canceled/expired: abandoned before paying


class MollieLifecycle(LifecycleHooks):
    caps = frozenset({"retry", "capture", "refund"})

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = "tr_" + random_token(rng, 10)
        if new_payment or "order" not in pay.aux:
            pay.aux["order"] = "ord_" + random_token(rng, 6, LOWERCASE_ALPHANUMERIC)

    def auth(self, rng, pay, out, when):
        data, truth = self.renderer.render(rng, pay, out, when)
        data["orderId"] = pay.aux["order"]  # a payment of an order (Orders API)
        return data, truth

    def auth_only(self, rng, pay, when):
        pay.method = "creditcard"
        data, truth = self.auth(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        for k in ("paidAt", "amountRefunded", "amountRemaining"):
            data.pop(k, None)
        data["status"], data["authorizedAt"] = "authorized", data["createdAt"]
        pay.aux["authorized_at"] = data["createdAt"]
        return data, with_changes(truth, method=PaymentMethod.CARD)

    def capture(self, rng, pay, when):
        pay.method = "creditcard"
        data, truth = self.auth(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        data["status"] = "paid"
        data["paidAt"] = when.isoformat(timespec="seconds")
        data["authorizedAt"] = pay.aux.get("authorized_at", data["createdAt"])
        data.setdefault("amountRemaining", data["amount"])
        return data, with_changes(truth, method=PaymentMethod.CARD, kind=EventKind.CAPTURE)

    def refund(self, rng, pay, when, rid, amount, status, first):
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.REFUNDED), when)
        value = major_units_text(amount, pay.currency)
        data.update(id=rid, status={"succeeded": "refunded"}.get(status, status), orderId=pay.aux["order"],
                    amount={"currency": pay.currency, "value": value},
                    settlementAmount={"currency": pay.currency, "value": "-" + value})
        return data, refund_truth(truth, rid, amount, status)

    def new_refund_id(self, rng, pay):
        return "re_" + random_token(rng, 10)
