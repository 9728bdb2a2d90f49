"""Checkout.com in its own words: payment responses and webhooks.

Ground truth written from Checkout.com's documentation (payment statuses, response codes, webhook types),
independently of normalization/providers/checkout.py."""

from __future__ import annotations

from payobs_pipeline.synthetic.amounts import refund_amount
from payobs_pipeline.synthetic.payments import TEST_CARD_NUMBERS
from payobs_pipeline.synthetic.provider_base import LifecycleHooks, ProviderRenderer
from payobs_pipeline.synthetic.randomness import (
    LOWERCASE_ALPHANUMERIC,
    UPPERCASE_ALPHANUMERIC,
    choice,
    random_digits,
    random_token,
)
from payobs_pipeline.synthetic.traffic_mix import STATUS_SHARES
from payobs_pipeline.synthetic.truth import refund_truth, with_changes
from payobs_pipeline.synthetic.vocabulary import EventKind, FailureReason, PaymentMethod, StatusCategory


class CheckoutRenderer(ProviderRenderer):
    name = "checkout"
    declines = {
        FailureReason.INSUFFICIENT_FUNDS: [("20051", "Insufficient Funds")],
        FailureReason.GENERIC_DECLINE: [("20005", "Declined - Do not honour"), ("20005", "Declined - Do not honour"),
                                        ("20046", "Bank decline"), ("20001", "Refer to card issuer")],
        FailureReason.EXPIRED_CARD: [("20054", "Expired card"), ("30033", "Expired card - Pick up")],
        FailureReason.INVALID_CARD_DATA: [("20014", "Invalid account number (no such number)"),
                                          ("20100", "Invalid expiry date format")],
        FailureReason.INCORRECT_CVC: [("200N7", "Decline for CVV2 failure")],
        FailureReason.SUSPECTED_FRAUD: [("20059", "Suspected fraud"), ("30034", "Suspected fraud - Pick up")],
        FailureReason.LOST_OR_STOLEN_CARD: [("30041", "Lost card - Pick up"), ("30043", "Stolen card - Pick up"),
                                            ("30004", "Pick up card (No fraud)")],
        FailureReason.RESTRICTED_CARD: [("20062", "Restricted card"), ("30036", "Restricted card - Pick up")],
        FailureReason.LIMIT_EXCEEDED: [("20061", "Activity amount limit exceeded"),
                                       ("20065", "Exceeds Withdrawal Frequency Limit")],
        FailureReason.TRANSACTION_NOT_PERMITTED: [("20057", "Transaction not permitted to cardholder")],
        FailureReason.AUTHENTICATION_REQUIRED: [("20154", "3DS authentication required")],
        FailureReason.AUTHENTICATION_FAILED: [("20151", "Cardholder failed 3DS authentication")],
        FailureReason.REVOKED: [("200R1", "Issuer initiated a stop payment (revocation order) for this authorization")],
        FailureReason.RISK_REJECTED: [("41101", "Risk Blocked Transaction"), ("41201", "Decline list - Card number"),
                                      ("43101", "Potential fraud risk")],
        FailureReason.ISSUER_UNAVAILABLE: [("20091", "Issuer unavailable or switch is inoperative")],
        FailureReason.TIMEOUT: [("20068", "Response received too late / Timeout")],
        FailureReason.PROCESSING_ERROR: [("20096", "System malfunction")],
        FailureReason.CONFIGURATION_ERROR: [("20003", "Invalid merchant or service provider")],
    }
    statuses = frozenset(STATUS_SHARES) - {StatusCategory.UNKNOWN, StatusCategory.ERROR}
    _METHODS = {"card": PaymentMethod.CARD, "ideal": PaymentMethod.BANK_TRANSFER, "klarna": PaymentMethod.BNPL,
                "paypal": PaymentMethod.WALLET}
    # Captured: the capture of the authorization; Voided: its void; Canceled: never authorized.
    _KINDS = {"Captured": EventKind.CAPTURE, "Voided": EventKind.VOID}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        pay.method = "card" if needs_card or r < 0.9 else \
            ("ideal" if pay.country == "NL" else ("paypal" if r < 0.96 else "klarna"))
        pay.kind = "response" if rng.random() < 0.55 else "webhook"
        pay.txn_id = "pay_" + random_token(rng, 26, LOWERCASE_ALPHANUMERIC)
        pay.aux["ref"] = f"ORD-{random_digits(rng, 4)}-{random_token(rng, 4, UPPERCASE_ALPHANUMERIC)}"
        pay.aux["cus"] = "cus_" + random_token(rng, 26, LOWERCASE_ALPHANUMERIC)

    def _source(self, pay):
        if pay.method != "card":
            return {"type": pay.method}
        c = pay.card
        src = {"type": "card", "id": "src_" + c.bin + c.last4, "expiry_month": c.exp_month, "expiry_year": c.exp_year,
               "scheme": c.label, "last4": c.last4, "bin": c.bin, "card_type": "CREDIT",
               "issuer_country": pay.country}
        if pay.pii:
            src["number"] = TEST_CARD_NUMBERS[1]
            src["cvv"] = "100"
        return src

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        ts = when.isoformat(timespec="microseconds").replace("+00:00", "Z")
        if st is StatusCategory.CHARGEBACK:
            did = "dsp_" + random_token(rng, 26, LOWERCASE_ALPHANUMERIC)
            body = {"id": "evt_" + random_token(rng, 26, LOWERCASE_ALPHANUMERIC), "type": "dispute_evidence_required",
                    "version": "1.0.33",
                    "created_on": ts,
                    "data": {"id": did,
                             "category": choice(rng, ("fraudulent", "unrecognized", "product_service_not_received")),
                             "status": "evidence_required", "amount": pay.amount_minor, "currency": pay.currency,
                             "reason_code": choice(rng, ("10.4", "4837", "13.1")), "payment_id": pay.txn_id,
                             "evidence_required_by": ts}}
            return body, self.expected(pay, out, None, did)  # the dispute names no payment method
        if st is StatusCategory.REFUNDED:
            amount = refund_amount(rng, pay)
            body = {"id": "evt_" + random_token(rng, 26, LOWERCASE_ALPHANUMERIC), "type": "payment_refunded",
                    "version": "1.0.33",
                    "created_on": ts,
                    "data": {"id": pay.txn_id, "action_id": "act_" + random_token(rng, 26, LOWERCASE_ALPHANUMERIC),
                             "reference": pay.aux["ref"],
                             "amount": amount, "currency": pay.currency, "processed_on": ts,
                             "response_code": "10000", "response_summary": "Approved"}}
            return body, self.expected(pay, out, None, pay.txn_id, amount)  # no source in a refund webhook
        status = {StatusCategory.APPROVED: choice(rng, ("Authorized", "Captured", "Captured")),
                  StatusCategory.DECLINED: "Declined",
                  StatusCategory.PENDING: "Pending", StatusCategory.CANCELLED: choice(rng, ("Voided", "Canceled"))}[st]
        approved = st is StatusCategory.APPROVED
        if pay.kind == "webhook":
            etype = {"Authorized": "payment_approved", "Captured": "payment_captured", "Declined": "payment_declined",
                     "Pending": "payment_pending", "Voided": "payment_voided", "Canceled": "payment_canceled"}[status]
            data = {"id": pay.txn_id, "action_id": "act_" + random_token(rng, 26, LOWERCASE_ALPHANUMERIC),
                    "reference": pay.aux["ref"],
                    "amount": pay.amount_minor, "currency": pay.currency, "processed_on": ts,
                    "source": self._source(pay), "metadata": {}}
            if approved:
                data.update(response_code="10000", response_summary="Approved", auth_code=random_digits(rng, 6))
            elif code is not None:
                data.update(response_code=code[0], response_summary=code[1])
            body = {"id": "evt_" + random_token(rng, 26, LOWERCASE_ALPHANUMERIC), "type": etype, "version": "1.0.33",
                    "created_on": ts,
                    "data": data}
            return body, self.expected(pay, out, method, kind=self._KINDS.get(status, EventKind.AUTHORIZATION))
        body = {"id": pay.txn_id, "action_id": "act_" + random_token(rng, 26, LOWERCASE_ALPHANUMERIC),
                "amount": pay.amount_minor,
                "currency": pay.currency, "approved": approved, "status": status, "reference": pay.aux["ref"],
                "customer": {"id": pay.aux["cus"]}, "processed_on": ts, "source": self._source(pay),
                "risk": {"flagged": bool(code and code[0].startswith("4"))}}
        if approved:
            body.update(auth_code=random_digits(rng, 6), response_code="10000", response_summary="Approved",
                        scheme_id=random_digits(rng, 15),
                        processing={"acquirer_transaction_id": random_digits(rng, 20),
                                    "retrieval_reference_number": random_digits(rng, 12)})
        elif code is not None:
            body.update(response_code=code[0], response_summary=code[1])
        if st is StatusCategory.PENDING:
            body["3ds"] = {"downgraded": False, "enrolled": "Y"}
            body["_links"] = {"redirect": {"href": "https://api.checkout.com/3ds/" + pay.txn_id}}
        # A payment response is the payment's state (Captured included), not a capture action; Voided is a void.
        return body, self.expected(pay, out, method,
                                   kind=EventKind.VOID if status == "Voided" else EventKind.AUTHORIZATION)


class CheckoutLifecycle(LifecycleHooks):
    caps = frozenset({"retry", "capture", "void", "refund", "dispute", "two_objects"})
    refund_statuses = ("succeeded", "failed")

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = "pay_" + random_token(rng, 26, LOWERCASE_ALPHANUMERIC)
        if new_payment:
            pay.aux["ref"] = f"ORD-{random_digits(rng, 4)}-{random_token(rng, 4, UPPERCASE_ALPHANUMERIC)}"

    def _webhook(self, rng, pay, status, when, etype, kind):
        pay.kind = "webhook"
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, status), when)
        data["type"] = etype
        if status is StatusCategory.APPROVED:
            data["data"].update(response_code="10000", response_summary="Approved")
        return data, with_changes(truth, kind=kind)

    def auth_only(self, rng, pay, when):
        return self._webhook(rng, pay, StatusCategory.APPROVED, when, "payment_approved", EventKind.AUTHORIZATION)

    def capture(self, rng, pay, when):
        return self._webhook(rng, pay, StatusCategory.APPROVED, when, "payment_captured", EventKind.CAPTURE)

    def void(self, rng, pay, when):
        return self._webhook(rng, pay, StatusCategory.CANCELLED, when, "payment_voided", EventKind.VOID)

    def refund(self, rng, pay, when, rid, amount, status, first):
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.REFUNDED), when)
        data["data"].update(action_id=rid, amount=amount)
        if status == "failed":
            data["type"] = "payment_refund_declined"
            data["data"].update(response_code="20005", response_summary="Declined - Do not honour")
        return data, refund_truth(truth, rid, amount, status)

    def dispute(self, rng, pay, when, did, stage):
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.CHARGEBACK), when)
        data["data"]["id"] = did
        if stage:
            outcome = choice(rng, ("won", "lost"))
            data["type"] = "dispute_" + outcome
            data["data"]["status"] = outcome
        return data, with_changes(truth, txn=did)

    def auth(self, rng, pay, out, when):
        pay.kind = "response" if rng.random() < 0.5 else "webhook"
        return self.renderer.render(rng, pay, out, when)

    def second(self, rng, pay, out, when):
        pay.kind = "webhook" if pay.kind == "response" else "response"
        return self.renderer.render(rng, pay, out, when)

    def new_refund_id(self, rng, pay):
        return "act_" + random_token(rng, 26, LOWERCASE_ALPHANUMERIC)

    def new_dispute_id(self, rng):
        return "dsp_" + random_token(rng, 26, LOWERCASE_ALPHANUMERIC)
