"""Stripe in its own words: Charges, PaymentIntents, Refunds, Disputes and webhook Events.

Ground truth written from Stripe's API reference and error-code documentation, independently of
normalization/providers/stripe.py (the spec it checks)."""

from __future__ import annotations

from payobs_pipeline.synthetic.amounts import refund_amount
from payobs_pipeline.synthetic.payments import TEST_CARD_NUMBERS
from payobs_pipeline.synthetic.provider_base import LifecycleHooks, ProviderRenderer
from payobs_pipeline.synthetic.randomness import choice, randint, random_digits, random_token, random_uuid
from payobs_pipeline.synthetic.traffic_mix import STATUS_SHARES
from payobs_pipeline.synthetic.truth import refund_truth, with_changes
from payobs_pipeline.synthetic.vocabulary import EventKind, FailureReason, PaymentMethod, StatusCategory


STRIPE_MESSAGES = {
    "insufficient_funds": "Your card has insufficient funds.",
    "generic_decline": "Your card was declined.",
    "do_not_honor": "Your card was declined.",
    "call_issuer": "Your card was declined.",
    "expired_card": "Your card has expired.",
    "incorrect_cvc": "Your card's security code is incorrect.",
    "incorrect_number": "Your card number is incorrect.",
    "invalid_expiry_year": "Your card's expiration year is invalid.",
    "fraudulent": "Your card was declined.",
    "lost_card": "Your card was declined.",
    "stolen_card": "Your card was declined.",
    "pickup_card": "Your card was declined.",
    "restricted_card": "Your card was declined.",
    "card_velocity_exceeded": "Your card was declined for making repeated attempts too frequently or exceeding its amount limit.",
    "transaction_not_allowed": "Your card does not support this type of purchase.",
    "card_not_supported": "Your card does not support this type of purchase.",
    "authentication_required": "Your card was declined. This transaction requires authentication.",
    "incorrect_pin": "Your card was declined.",
    "revocation_of_authorization": "Your card was declined.",
    "issuer_not_available": "Your card was declined.",
    "duplicate_transaction": "Your card was declined.",
    "processing_error": "An error occurred while processing your card. Try again in a little bit.",
}


class StripeRenderer(ProviderRenderer):
    name = "stripe"
    # (error code, decline code); None decline code = Radar block
    declines = {
        FailureReason.INSUFFICIENT_FUNDS: [("card_declined", "insufficient_funds")],
        FailureReason.GENERIC_DECLINE: [("card_declined", "generic_decline"), ("card_declined", "do_not_honor"),
                                        ("card_declined", "call_issuer")],
        FailureReason.EXPIRED_CARD: [("expired_card", "expired_card")],
        FailureReason.INCORRECT_CVC: [("incorrect_cvc", "incorrect_cvc")],
        FailureReason.INVALID_CARD_DATA: [("incorrect_number", "incorrect_number"),
                                          ("invalid_expiry_year", "invalid_expiry_year")],
        FailureReason.SUSPECTED_FRAUD: [("card_declined", "fraudulent")],
        FailureReason.LOST_OR_STOLEN_CARD: [("card_declined", "lost_card"), ("card_declined", "stolen_card"),
                                            ("card_declined", "pickup_card")],
        FailureReason.RESTRICTED_CARD: [("card_declined", "restricted_card")],
        FailureReason.LIMIT_EXCEEDED: [("card_declined", "card_velocity_exceeded")],
        FailureReason.TRANSACTION_NOT_PERMITTED: [("card_declined", "transaction_not_allowed"),
                                                  ("card_declined", "card_not_supported")],
        FailureReason.AUTHENTICATION_REQUIRED: [("card_declined", "authentication_required")],
        FailureReason.AUTHENTICATION_FAILED: [("card_declined", "incorrect_pin")],
        FailureReason.REVOKED: [("card_declined", "revocation_of_authorization")],
        FailureReason.ISSUER_UNAVAILABLE: [("card_declined", "issuer_not_available")],
        FailureReason.DUPLICATE: [("card_declined", "duplicate_transaction")],
        FailureReason.RISK_REJECTED: [("card_declined", None)],
    }
    errors = {FailureReason.PROCESSING_ERROR: [("processing_error", None)]}
    statuses = frozenset(STATUS_SHARES) - {StatusCategory.UNKNOWN}

    _METHODS = {"card": PaymentMethod.CARD, "sepa_debit": PaymentMethod.DIRECT_DEBIT, "boleto": PaymentMethod.BOLETO,
                "oxxo": PaymentMethod.CASH_VOUCHER,
                "klarna": PaymentMethod.BNPL}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        if needs_card or r < 0.9:
            pay.method = "card"
        elif pay.country == "BR":
            pay.method = "boleto"
        elif pay.country == "MX":
            pay.method = "oxxo"
        elif pay.currency == "EUR" and r < 0.96:
            pay.method = "sepa_debit"
        else:
            pay.method = "klarna" if pay.country in ("US", "GB", "DE", "NL", "AU") else "card"
        r = rng.random()
        pay.kind = "charge" if r < 0.4 else ("payment_intent" if r < 0.7 else "event")
        t = random_token(rng, 83)  # one draw, four ids
        pay.aux.update(pi="pi_3" + t[:23], ch="ch_3" + t[23:46], pm="pm_1" + t[46:69], cus="cus_" + t[69:])
        use_intent = pay.kind == "payment_intent" or (pay.kind == "event" and rng.random() < 0.5)
        pay.txn_id = pay.aux["pi"] if use_intent else pay.aux["ch"]

    def _pm_details(self, pay):
        if pay.method == "card":
            c = pay.card
            card = {"brand": c.brand, "country": pay.country, "exp_month": c.exp_month, "exp_year": c.exp_year,
                    "funding": "credit", "last4": c.last4, "network": c.brand}
            if pay.pii:
                card["card_number"] = TEST_CARD_NUMBERS[int(c.last4) % len(TEST_CARD_NUMBERS)]  # not hash(): salted per process
                card["cvc"] = "123"
            return {"card": card, "type": "card"}
        return {pay.method: {}, "type": pay.method}

    def _charge(self, rng, pay, out, epoch):
        st, reason, code = out
        amt = pay.amount_minor
        ok = st in (StatusCategory.APPROVED, StatusCategory.REFUNDED, StatusCategory.CHARGEBACK)
        status = "succeeded" if ok else ("pending" if st is StatusCategory.PENDING else "failed")
        if st is StatusCategory.CANCELLED:
            status = "failed"
        if ok:
            outcome = {"network_status": "approved_by_network", "reason": None, "risk_level": "normal",
                       "risk_score": randint(rng, 5, 60), "seller_message": "Payment complete.", "type": "authorized"}
            failure_code = failure_message = None
        elif st is StatusCategory.PENDING or st is StatusCategory.CANCELLED:
            outcome = None
            failure_code = failure_message = None
        elif code is not None and code[1] is None and code[0] == "card_declined":  # Radar block
            outcome = {"network_status": "not_sent_to_network", "reason": "highest_risk_level", "risk_level": "highest",
                       "risk_score": randint(rng, 85, 99), "rule": "block_if_high_risk",
                       "seller_message": "Stripe blocked this payment as too risky.", "type": "blocked"}
            failure_code, failure_message = "card_declined", "Your card was declined."
        elif st is StatusCategory.ERROR:
            outcome = {"network_status": "not_sent_to_network", "reason": None, "risk_level": "normal",
                       "seller_message": "The payment could not be processed.", "type": "invalid"}
            failure_code, failure_message = "processing_error", STRIPE_MESSAGES["processing_error"]
        else:
            dc = code[1]
            outcome = {"network_status": "declined_by_network", "reason": dc, "risk_level": "normal",
                       "risk_score": randint(rng, 5, 70),
                       "seller_message": f"The bank returned the decline code `{dc}`.", "type": "issuer_declined"}
            failure_code, failure_message = code[0], STRIPE_MESSAGES[dc]
        return {
            "id": pay.aux["ch"], "object": "charge", "amount": amt, "amount_captured": amt if ok else 0,
            "amount_refunded": 0, "balance_transaction": ("txn_3" + random_token(rng, 23)) if ok else None,
            "captured": ok, "created": epoch, "currency": pay.currency.lower(), "customer": pay.aux["cus"],
            "description": None, "disputed": False, "failure_code": failure_code, "failure_message": failure_message,
            "livemode": True, "metadata": {"order_id": "ord_" + random_digits(rng, 8)}, "outcome": outcome, "paid": ok,
            "payment_intent": pay.aux["pi"], "payment_method": pay.aux["pm"],
            "payment_method_details": self._pm_details(pay), "refunded": False, "status": status,
        }

    def _intent(self, rng, pay, out, epoch):
        st, reason, code = out
        amt = pay.amount_minor
        last_error = None
        cancellation_reason = None
        if st in (StatusCategory.APPROVED, StatusCategory.REFUNDED, StatusCategory.CHARGEBACK):
            status = "succeeded"
        elif st is StatusCategory.PENDING:
            status = "processing" if pay.method != "card" or rng.random() < 0.5 else "requires_action"
        elif st is StatusCategory.CANCELLED:
            status, cancellation_reason = "canceled", choice(rng, ("abandoned", "requested_by_customer"))
        else:
            status = "requires_payment_method"
            err_code, dc = code
            last_error = {"charge": pay.aux["ch"], "code": err_code,
                          "doc_url": f"https://stripe.com/docs/error-codes/{err_code.replace('_', '-')}",
                          "message": STRIPE_MESSAGES[dc or err_code],
                          "payment_method": {"id": pay.aux["pm"], "type": "card"},
                          "type": "api_error" if st is StatusCategory.ERROR else "card_error"}
            if dc:
                last_error["decline_code"] = dc
        return self._intent_body(pay, amt, status, last_error, cancellation_reason, epoch)

    def _intent_body(self, pay, amt, status, last_error, cancellation_reason, epoch):
        return {
            "id": pay.aux["pi"], "object": "payment_intent", "amount": amt,
            "amount_received": amt if status == "succeeded" else 0, "capture_method": "automatic",
            "cancellation_reason": cancellation_reason, "created": epoch, "currency": pay.currency.lower(),
            "customer": pay.aux["cus"], "last_payment_error": last_error, "latest_charge": pay.aux["ch"],
            "livemode": True, "payment_method": pay.aux["pm"], "payment_method_types": [pay.method],
            "status": status,
        }

    def render(self, rng, pay, out, when):
        st = out[0]
        epoch = int(when.timestamp())
        method = self._METHODS[pay.method]
        if st is StatusCategory.REFUNDED:
            rid = "re_3" + random_token(rng, 23)
            amount = refund_amount(rng, pay)
            obj = {"id": rid, "object": "refund", "amount": amount,
                   "balance_transaction": "txn_3" + random_token(rng, 23),
                   "charge": pay.aux["ch"], "created": epoch, "currency": pay.currency.lower(), "metadata": {},
                   "payment_intent": pay.aux["pi"], "reason": choice(rng, ("requested_by_customer", "duplicate", None)),
                   "status": "succeeded"}
            # destination_details names where the money goes back (card, klarna); for the
            # other methods here it names a bank transfer, not the payment's method.
            if pay.method in ("card", "klarna"):
                obj["destination_details"] = {
                    pay.method: {"reference": None, "reference_status": "pending",
                                 "reference_type": "acquirer_reference_number", "type": "refund"}
                    if pay.method == "card" else {}, "type": pay.method}
            truth = self.expected(pay, out, method if pay.method in ("card", "klarna") else None, rid, amount)
            event_type = "refund.created"
        elif st is StatusCategory.CHARGEBACK:
            did = "dp_1" + random_token(rng, 23)
            obj = {"id": did, "object": "dispute", "amount": pay.amount_minor, "charge": pay.aux["ch"],
                   "created": epoch, "currency": pay.currency.lower(),
                   "evidence_details": {"due_by": epoch + 7 * 86400, "has_evidence": False, "past_due": False,
                                        "submission_count": 0},
                   "is_charge_refundable": False, "livemode": True, "payment_intent": pay.aux["pi"],
                   "reason": choice(rng, ("fraudulent", "fraudulent", "product_not_received", "subscription_canceled",
                                          "duplicate", "general")),
                   "status": choice(rng, ("needs_response", "warning_needs_response", "under_review"))}
            # Dispute payment_method_details exists for card, klarna and paypal only (API reference).
            if pay.method == "card":
                obj["payment_method_details"] = {"card": {"brand": pay.card.brand, "case_type": "chargeback",
                                                          "network_reason_code": None}, "type": "card"}
            elif pay.method == "klarna":
                obj["payment_method_details"] = {"klarna": {"reason_code": None}, "type": "klarna"}
            truth = self.expected(pay, out, method if pay.method in ("card", "klarna") else None, did)
            event_type = "charge.dispute.created"
        elif pay.txn_id == pay.aux["pi"]:
            if out[2] is not None and out[2][1] is None and out[2][0] == "card_declined":
                # A Radar block seen through the PaymentIntent only says decline_code
                # "fraudulent" (outcome.type=blocked lives on the charge): truth follows the payload.
                out = (st, FailureReason.SUSPECTED_FRAUD, ("card_declined", "fraudulent"))
            obj = self._intent(rng, pay, out, epoch)
            kind = EventKind.AUTHORIZATION
            if obj["status"] in ("canceled", "requires_action"):
                # An abandoned intent / one waiting for the customer: no charge was ever made.
                obj["latest_charge"] = None
                kind = EventKind.PAYMENT
            truth = self.expected(pay, out, method, kind=kind)
            event_type = {"succeeded": "payment_intent.succeeded", "processing": "payment_intent.processing",
                          "requires_action": "payment_intent.requires_action", "canceled": "payment_intent.canceled",
                          }.get(obj["status"], "payment_intent.payment_failed")
        else:
            obj = self._charge(rng, pay, out, epoch)
            truth = self.expected(pay, out, method)
            event_type = "charge." + obj["status"]
            if st is StatusCategory.CANCELLED:  # an uncaptured charge expired: Stripe marks it refunded (charges/capture docs)
                obj["status"] = "succeeded"
                obj["failure_code"] = None
                obj["outcome"] = {"network_status": "approved_by_network", "reason": None, "risk_level": "normal",
                                  "seller_message": "Payment complete.", "type": "authorized"}
                obj["captured"] = False
                obj["paid"] = True
                obj["refunded"] = True
                obj["amount_refunded"] = obj["amount"]
                event_type = "charge.expired"
        if pay.kind == "event":
            obj = {"id": "evt_3" + random_token(rng, 23), "object": "event", "api_version": "2024-06-20",
                   "created": epoch,
                   "data": {"object": obj}, "livemode": True, "pending_webhooks": 1,
                   "request": {"id": "req_" + random_token(rng, 14), "idempotency_key": str(random_uuid(rng))},
                   "type": event_type}
        return obj, truth


def event_object(data):
    """The object inside a Stripe Event, or the object itself."""
    return data["data"]["object"] if data.get("object") == "event" else data


class StripeLifecycle(LifecycleHooks):
    caps = frozenset({"retry", "capture", "void", "refund", "dispute", "two_objects"})

    def new_attempt(self, rng, pay, new_payment):
        pay.aux["ch"] = "ch_3" + random_token(rng, 23)
        if new_payment:
            pay.aux["pi"] = "pi_3" + random_token(rng, 23)
        pay.txn_id = pay.aux["ch"]

    def auth(self, rng, pay, out, when):
        pay.kind = "event" if rng.random() < 0.6 else "charge"
        pay.txn_id = pay.aux["ch"]
        return self.renderer.render(rng, pay, out, when)

    def auth_only(self, rng, pay, when):
        data, truth = self.auth(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        obj = event_object(data)
        obj["captured"], obj["amount_captured"], obj["balance_transaction"] = False, 0, None
        return data, truth

    def capture(self, rng, pay, when):
        pay.kind, pay.txn_id = "event", pay.aux["ch"]
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        data["type"] = "charge.captured"
        return data, with_changes(truth, kind=EventKind.CAPTURE)

    def void(self, rng, pay, when):
        pay.kind, pay.txn_id = "event", pay.aux["ch"]
        # an uncaptured charge that expired: charge.expired
        return self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.CANCELLED), when)

    def refund(self, rng, pay, when, rid, amount, status, first):
        pay.kind = "event" if rng.random() < 0.7 else "charge"
        pay.txn_id = pay.aux["ch"]
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.REFUNDED), when)
        obj = event_object(data)
        obj.update(id=rid, amount=amount, status=status)
        if status == "failed":
            obj["failure_reason"] = "expired_or_canceled_card"
        if obj is not data:
            data["type"] = "refund.created" if first else ("refund.failed" if status == "failed" else "refund.updated")
        return data, refund_truth(truth, rid, amount, status)

    def dispute(self, rng, pay, when, did, stage):
        pay.kind = "event" if rng.random() < 0.7 else "charge"
        pay.txn_id = pay.aux["ch"]
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.CHARGEBACK), when)
        obj = event_object(data)
        obj["id"] = did
        if stage:
            obj["status"] = choice(rng, ("won", "lost", "under_review"))
            if obj is not data:
                data["type"] = "charge.dispute.closed" if obj["status"] != "under_review" else "charge.dispute.updated"
        return data, with_changes(truth, txn=did)

    def second(self, rng, pay, out, when):
        """The PaymentIntent naming the charge as its latest_charge: the same attempt, another object."""
        pay.kind = "event" if rng.random() < 0.5 else "payment_intent"
        pay.txn_id = pay.aux["pi"]
        data, truth = self.renderer.render(rng, pay, out, when)
        pay.txn_id = pay.aux["ch"]
        return data, truth

    def new_refund_id(self, rng, pay):
        return "re_3" + random_token(rng, 23)

    def new_dispute_id(self, rng):
        return "dp_1" + random_token(rng, 23)
