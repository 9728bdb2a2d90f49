"""Square in its own words: Payments, Refunds and Disputes.

Ground truth written from Square's API reference (payment and card statuses, error codes),
independently of normalization/providers/square.py."""

from __future__ import annotations

from payobs_pipeline.synthetic.amounts import refund_amount
from payobs_pipeline.synthetic.payments import TEST_CARD_NUMBERS
from payobs_pipeline.synthetic.provider_base import LifecycleHooks, ProviderRenderer
from payobs_pipeline.synthetic.randomness import UPPERCASE_ALPHANUMERIC, choice, random_token
from payobs_pipeline.synthetic.traffic_mix import STATUS_SHARES
from payobs_pipeline.synthetic.truth import refund_truth, with_changes
from payobs_pipeline.synthetic.vocabulary import FailureReason, PaymentMethod, StatusCategory


class SquareRenderer(ProviderRenderer):
    name = "square"
    declines = {
        FailureReason.GENERIC_DECLINE: ["GENERIC_DECLINE", "GENERIC_DECLINE", "CARD_DECLINED",
                                        "CARD_DECLINED_CALL_ISSUER"],
        FailureReason.INSUFFICIENT_FUNDS: ["INSUFFICIENT_FUNDS"],
        FailureReason.INCORRECT_CVC: ["CVV_FAILURE"],
        FailureReason.EXPIRED_CARD: ["CARD_EXPIRED"],
        FailureReason.INVALID_CARD_DATA: ["INVALID_EXPIRATION", "PAN_FAILURE", "INVALID_CARD"],
        FailureReason.LIMIT_EXCEEDED: ["TRANSACTION_LIMIT"],
        FailureReason.TRANSACTION_NOT_PERMITTED: ["CARD_NOT_SUPPORTED"],
        FailureReason.AUTHENTICATION_REQUIRED: ["CARD_DECLINED_VERIFICATION_REQUIRED"],
    }
    errors = {FailureReason.PROCESSING_ERROR: ["TEMPORARY_ERROR"]}
    statuses = frozenset(STATUS_SHARES) - {StatusCategory.UNKNOWN}
    _METHODS = {"CARD": PaymentMethod.CARD, "WALLET": PaymentMethod.WALLET}

    def setup(self, rng, pay, needs_card):
        pay.method = "CARD" if needs_card or rng.random() < 0.9 else "WALLET"
        pay.txn_id = random_token(rng, 29)
        pay.aux["location"] = "L" + random_token(rng, 12, UPPERCASE_ALPHANUMERIC)
        pay.aux["order"] = random_token(rng, 29)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        ts = when.isoformat(timespec="milliseconds").replace("+00:00", "Z")
        money = {"amount": pay.amount_minor, "currency": pay.currency}
        if st is StatusCategory.REFUNDED:
            rid = pay.txn_id + "_" + random_token(rng, 22)
            amount = refund_amount(rng, pay)
            body = {"refund": {"id": rid, "status": "COMPLETED",
                               "amount_money": {"amount": amount, "currency": pay.currency},
                               "payment_id": pay.txn_id, "order_id": pay.aux["order"],
                               "location_id": pay.aux["location"],
                               "reason": "Customer request", "created_at": ts, "updated_at": ts}}
            return body, self.expected(pay, out, None, rid, amount)  # a Square refund names no method
        if st is StatusCategory.CHARGEBACK:
            did = random_token(rng, 22)
            body = {"dispute": {"dispute_id": did, "id": did, "amount_money": money,
                                "reason": choice(rng, ("NO_KNOWLEDGE", "NOT_AS_DESCRIBED", "UNAUTHORIZED")),
                                "state": "EVIDENCE_REQUIRED", "due_at": ts, "card_brand": pay.card.label.upper(),
                                "disputed_payment": {"payment_id": pay.txn_id}, "created_at": ts, "updated_at": ts,
                                "location_id": pay.aux["location"]}}
            # A Square dispute is against a card (card_brand), wallet-funded or not.
            return body, self.expected(pay, out, PaymentMethod.CARD, did)
        status = {StatusCategory.APPROVED: choice(rng, ("COMPLETED", "COMPLETED", "APPROVED")),
                  StatusCategory.DECLINED: "FAILED",
                  StatusCategory.ERROR: "FAILED", StatusCategory.PENDING: "PENDING",
                  StatusCategory.CANCELLED: "CANCELED"}[st]
        card_status = {"COMPLETED": "CAPTURED", "APPROVED": "AUTHORIZED", "FAILED": "FAILED", "PENDING": "AUTHORIZED",
                       "CANCELED": "VOIDED"}[status]
        payment = {"id": pay.txn_id, "created_at": ts, "updated_at": ts, "amount_money": money, "total_money": money,
                   "approved_money": money if status in ("COMPLETED", "APPROVED") else {"amount": 0,
                                                                                        "currency": pay.currency},
                   "status": status, "source_type": pay.method,
                   "location_id": pay.aux["location"], "order_id": pay.aux["order"],
                   "receipt_number": pay.txn_id[:4]}
        errors = None
        if code:
            errors = [{"code": code, "detail": f"Authorization error: '{code}'",
                       "category": "API_ERROR" if st is StatusCategory.ERROR else "PAYMENT_METHOD_ERROR"}]
        if pay.method == "CARD":
            c = pay.card
            details = {"status": card_status,
                       "card": {"card_brand": c.label.upper().replace(" ", "_"), "last_4": c.last4,
                                "exp_month": c.exp_month,
                                "exp_year": c.exp_year, "card_type": "CREDIT", "bin": c.bin},
                       "entry_method": choice(rng, ("KEYED", "EMV", "CONTACTLESS", "ON_FILE")),
                       "cvv_status": "CVV_REJECTED" if code == "CVV_FAILURE" else "CVV_ACCEPTED",
                       "avs_status": "AVS_ACCEPTED",
                       "statement_description": "SQ *" + pay.merchant["name"][:18].upper()}
            if errors:
                details["errors"] = errors
            if pay.pii:
                details["card"]["number"] = TEST_CARD_NUMBERS[4]
            payment["card_details"] = details
        else:
            payment["wallet_details"] = {"status": card_status, "brand": "CASH_APP"}
        body = {"payment": payment}
        if errors:
            body = {"errors": errors, "payment": payment}
        return body, self.expected(pay, out, method)


class SquareLifecycle(LifecycleHooks):
    caps = frozenset({"retry", "capture", "void", "refund", "dispute"})
    refund_statuses = ("succeeded", "failed", "pending")

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = random_token(rng, 29)
        if new_payment:
            pay.aux["order"] = random_token(rng, 29)

    def _status(self, data, status, card_status):
        payment = data["payment"]
        payment["status"] = status
        details = payment.get("card_details") or payment.get("wallet_details")
        details["status"] = card_status

    def auth_only(self, rng, pay, when):
        data, truth = self.auth(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        self._status(data, "APPROVED", "AUTHORIZED")
        return data, truth

    def capture(self, rng, pay, when):
        data, truth = self.auth(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        self._status(data, "COMPLETED", "CAPTURED")
        # The Payment's later state, as a one-step payment also shows it: an authorization row, not a capture.
        return data, truth

    def void(self, rng, pay, when):
        return self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.CANCELLED), when)

    def refund(self, rng, pay, when, rid, amount, status, first):
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.REFUNDED), when)
        data["refund"].update(id=rid,
                              status={"succeeded": "COMPLETED", "pending": "PENDING", "failed": "FAILED"}[status],
                              amount_money={"amount": amount, "currency": pay.currency})
        return data, refund_truth(truth, rid, amount, status)

    def dispute(self, rng, pay, when, did, stage):
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.CHARGEBACK), when)
        data["dispute"].update(id=did, dispute_id=did)
        if stage:
            data["dispute"]["state"] = choice(rng, ("WON", "LOST", "PROCESSING"))
        return data, with_changes(truth, txn=did)

    def new_refund_id(self, rng, pay):
        return pay.txn_id + "_" + random_token(rng, 22)

    def new_dispute_id(self, rng):
        return random_token(rng, 22)
