"""Razorpay in its own words: payment entities and webhooks (payments, refunds, disputes).

Ground truth written from Razorpay's API documentation (statuses, error codes and reasons),
independently of normalization/providers/razorpay.py."""

from __future__ import annotations

from payobs_pipeline.synthetic.amounts import refund_amount
from payobs_pipeline.synthetic.payments import TEST_CARD_NUMBERS
from payobs_pipeline.synthetic.provider_base import LifecycleHooks, ProviderRenderer
from payobs_pipeline.synthetic.randomness import choice, random_digits, random_token, randrange
from payobs_pipeline.synthetic.traffic_mix import STATUS_SHARES
from payobs_pipeline.synthetic.truth import refund_truth, with_changes
from payobs_pipeline.synthetic.vocabulary import EventKind, FailureReason, PaymentMethod, StatusCategory


class RazorpayRenderer(ProviderRenderer):
    name = "razorpay"
    # (error_code, error_reason, error_source, error_step, description)
    declines = {
        FailureReason.INSUFFICIENT_FUNDS: [("BAD_REQUEST_ERROR", "insufficient_funds", "customer",
                                            "payment_authorization",
                                            "Payment failed due to insufficient balance in the account")],
        FailureReason.GENERIC_DECLINE: [("BAD_REQUEST_ERROR", "card_declined", "bank", "payment_authorization",
                                         "Payment was declined by the bank")],
        # Razorpay's error list: payment_failed means no specific reason came from the gateway.
        FailureReason.UNKNOWN: [("BAD_REQUEST_ERROR", "payment_failed", "bank", "payment_authorization",
                                 "Payment processing failed because of incorrect card details or bank decline")],
        FailureReason.EXPIRED_CARD: [("BAD_REQUEST_ERROR", "card_expired", "customer", "payment_authorization",
                                      "Payment failed because the card has expired")],
        FailureReason.INCORRECT_CVC: [("BAD_REQUEST_ERROR", "incorrect_cvv", "customer", "payment_authorization",
                                       "Payment failed because the CVV entered is incorrect")],
        FailureReason.AUTHENTICATION_FAILED: [("BAD_REQUEST_ERROR", "authentication_failed", "customer",
                                               "payment_authentication",
                                               "Authentication failed due to incorrect otp"),
                                              ("BAD_REQUEST_ERROR", "invalid_otp", "customer", "payment_authentication",
                                               "Authentication failed due to incorrect otp")],
        FailureReason.SUSPECTED_FRAUD: [("BAD_REQUEST_ERROR", "payment_risk_check_failed", "bank",
                                         "payment_authorization",
                                         "Payment declined by the bank as it was flagged as fraudulent")],
        FailureReason.LIMIT_EXCEEDED: [("BAD_REQUEST_ERROR", "transaction_limit_exceeded", "bank",
                                        "payment_authorization",
                                        "Payment failed because the transaction limit was exceeded")],
        FailureReason.TRANSACTION_NOT_PERMITTED: [("BAD_REQUEST_ERROR", "card_disabled_for_online_payments", "customer",
                                                   "payment_authorization", "Card is not enabled for online payments")],
        FailureReason.RESTRICTED_CARD: [("BAD_REQUEST_ERROR", "debit_instrument_blocked", "bank",
                                         "payment_authorization",
                                         "Payment failed because the card is blocked")],
    }
    errors = {
        FailureReason.PROCESSING_ERROR: [("GATEWAY_ERROR", "gateway_technical_error", "gateway",
                                          "payment_authorization",
                                          "Payment processing failed due to error at bank or wallet gateway")],
        FailureReason.ISSUER_UNAVAILABLE: [("GATEWAY_ERROR", "bank_technical_error", "bank", "payment_authorization",
                                            "Payment failed due to a technical error at the bank")],
    }
    statuses = frozenset(STATUS_SHARES) - {StatusCategory.UNKNOWN}
    _METHODS = {"card": PaymentMethod.CARD, "upi": PaymentMethod.BANK_TRANSFER,
                "netbanking": PaymentMethod.BANK_TRANSFER, "wallet": PaymentMethod.WALLET}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        pay.method = "card" if needs_card or r < 0.4 else ("upi" if r < 0.85 else ("netbanking" if r < 0.94 else "wallet"))
        pay.kind = "entity" if rng.random() < 0.5 else "webhook"
        pay.txn_id = "pay_" + random_token(rng, 14)
        pay.aux["order"] = "order_" + random_token(rng, 14)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        epoch = int(when.timestamp())
        if st is StatusCategory.REFUNDED:
            rid = "rfnd_" + random_token(rng, 14)
            amount = refund_amount(rng, pay)
            refund = {"id": rid, "entity": "refund", "amount": amount, "currency": pay.currency,
                      "payment_id": pay.txn_id, "notes": {}, "receipt": None, "acquirer_data": {"arn": None},
                      "created_at": epoch, "batch_id": None, "status": "processed", "speed_processed": "normal",
                      "speed_requested": "normal"}
            body = {"entity": "event", "account_id": "acc_" + random_token(rng, 14), "event": "refund.processed",
                    "contains": ["refund", "payment"], "payload": {"refund": {"entity": refund}}, "created_at": epoch}
            return body, self.expected(pay, out, None, rid, amount)  # the refund entity names no method
        if st is StatusCategory.CHARGEBACK:
            did = "disp_" + random_token(rng, 14)
            dispute = {"id": did, "entity": "dispute", "payment_id": pay.txn_id, "amount": pay.amount_minor,
                       "currency": pay.currency, "amount_deducted": 0, "reason_code": "chargeback",
                       "respond_by": epoch + 7 * 86400, "status": "open", "phase": "chargeback", "created_at": epoch}
            body = {"entity": "event", "account_id": "acc_" + random_token(rng, 14), "event": "payment.dispute.created",
                    "contains": ["dispute"], "payload": {"dispute": {"entity": dispute}}, "created_at": epoch}
            return body, self.expected(pay, out, None, did)  # the dispute entity names no method
        status = {StatusCategory.APPROVED: choice(rng, ("captured", "captured", "authorized")),
                  StatusCategory.DECLINED: "failed",
                  StatusCategory.ERROR: "failed", StatusCategory.PENDING: "created",
                  StatusCategory.CANCELLED: "failed"}[st]
        err = code or (("BAD_REQUEST_ERROR", "payment_cancelled", "customer", "payment_authentication",
                        "Payment processing cancelled by user") if st is StatusCategory.CANCELLED else None)
        entity = {"id": pay.txn_id, "entity": "payment", "amount": pay.amount_minor, "currency": pay.currency,
                  "status": status, "order_id": pay.aux["order"], "international": False,
                  "method": pay.method, "amount_refunded": 0, "captured": status == "captured",
                  "description": "Order " + pay.aux["order"][-6:],
                  "card_id": ("card_" + random_token(rng, 14)) if pay.method == "card" else None,
                  "bank": "HDFC" if pay.method == "netbanking" else None,
                  "wallet": "paytm" if pay.method == "wallet" else None,
                  "vpa": f"user{randrange(rng, 10**4)}@okhdfcbank" if pay.method == "upi" else None,
                  "email": f"customer{randrange(rng, 10**5)}@example.com", "contact": "+91" + random_digits(rng, 10),
                  "fee": None if err else pay.amount_minor * 2 // 100, "tax": None,
                  "error_code": err[0] if err else None, "error_description": err[4] if err else None,
                  "error_source": err[2] if err else None, "error_step": err[3] if err else None,
                  "error_reason": err[1] if err else None,
                  "acquirer_data": {"auth_code": random_digits(rng, 6)} if st is StatusCategory.APPROVED else {},
                  "created_at": epoch}
        if pay.method == "card":
            entity["card"] = {"id": entity["card_id"], "entity": "card", "name": "Gaurav Kumar",
                              "last4": pay.card.last4, "network": pay.card.label, "type": "credit",
                              "issuer": None, "international": False}
            if pay.pii:
                entity["card"]["number"] = TEST_CARD_NUMBERS[0]
                entity["card"]["cvv"] = "123"
        # captured: the capture of the authorized payment; payment_cancelled: abandoned before authorization
        kind = EventKind.CAPTURE if status == "captured" else EventKind.AUTHORIZATION
        if pay.kind == "entity":
            return entity, self.expected(pay, out, method, kind=kind)
        event = {"captured": "payment.captured", "authorized": "payment.authorized", "failed": "payment.failed",
                 "created": "payment.pending"}[status]
        body = {"entity": "event", "account_id": "acc_" + random_token(rng, 14), "event": event,
                "contains": ["payment"],
                "payload": {"payment": {"entity": entity}}, "created_at": epoch}
        return body, self.expected(pay, out, method, kind=kind)


class RazorpayLifecycle(LifecycleHooks):
    caps = frozenset({"retry", "capture", "refund", "dispute", "two_objects"})

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = "pay_" + random_token(rng, 14)
        if new_payment:
            pay.aux["order"] = "order_" + random_token(rng, 14)

    def _status(self, data, status):
        entity = data["payload"]["payment"]["entity"] if data.get("entity") == "event" else data
        entity["status"], entity["captured"] = status, status == "captured"
        if data.get("entity") == "event":
            data["event"] = "payment." + status

    def auth(self, rng, pay, out, when):
        data, truth = self.renderer.render(rng, pay, out, when)
        if out[0] is StatusCategory.APPROVED:
            self._status(data, "authorized")
            truth = with_changes(truth, kind=EventKind.AUTHORIZATION)
        return data, truth

    def capture(self, rng, pay, when):
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        self._status(data, "captured")
        return data, with_changes(truth, kind=EventKind.CAPTURE)

    def refund(self, rng, pay, when, rid, amount, status, first):
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.REFUNDED), when)
        refund = data["payload"]["refund"]["entity"]
        refund.update(id=rid, amount=amount, status={"succeeded": "processed"}.get(status, status))
        data["event"] = {"succeeded": "refund.processed", "pending": "refund.created",
                         "failed": "refund.failed"}[status]
        return data, refund_truth(truth, rid, amount, status)

    def dispute(self, rng, pay, when, did, stage):
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.CHARGEBACK), when)
        dispute = data["payload"]["dispute"]["entity"]
        dispute["id"] = did
        if stage:
            outcome = choice(rng, ("won", "lost"))
            dispute["status"], data["event"] = outcome, "payment.dispute." + outcome
        return data, with_changes(truth, txn=did)

    def second(self, rng, pay, out, when):
        pay.kind = "webhook" if pay.kind == "entity" else "entity"
        return self.auth(rng, pay, out, when)

    def new_refund_id(self, rng, pay):
        return "rfnd_" + random_token(rng, 14)

    def new_dispute_id(self, rng):
        return "disp_" + random_token(rng, 14)
