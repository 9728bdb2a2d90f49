"""PayPal in its own words: Orders v2 captures, orders, authorizations and webhooks.

Ground truth written from PayPal's REST API reference (capture statuses, processor response codes,
webhook event types), independently of normalization/providers/paypal.py."""

from __future__ import annotations

from datetime import timedelta

from payobs_pipeline.synthetic.amounts import major_units_text, refund_amount
from payobs_pipeline.synthetic.payments import TEST_CARD_NUMBERS
from payobs_pipeline.synthetic.provider_base import LifecycleHooks, ProviderRenderer, iso_utc
from payobs_pipeline.synthetic.randomness import UPPERCASE_ALPHANUMERIC, choice, random_digits, random_token, randrange
from payobs_pipeline.synthetic.traffic_mix import STATUS_SHARES
from payobs_pipeline.synthetic.truth import with_changes
from payobs_pipeline.synthetic.vocabulary import EventKind, FailureReason, PaymentMethod, StatusCategory


def webhook_event_id(rng) -> str:
    """A webhook event's id: WH-, two 17-character upper-case tokens."""
    return "WH-" + random_token(rng, 17, UPPERCASE_ALPHANUMERIC) + "-" + random_token(rng, 17, UPPERCASE_ALPHANUMERIC)


class PayPalRenderer(ProviderRenderer):
    name = "paypal"
    # processor_response.response_code for card captures; wallet declines carry no reason
    declines = {
        FailureReason.INSUFFICIENT_FUNDS: ["5120"],
        FailureReason.GENERIC_DECLINE: ["0500", "5100"],
        FailureReason.EXPIRED_CARD: ["5400"],
        FailureReason.INCORRECT_CVC: ["5110", "00N7"],
        FailureReason.INVALID_CARD_DATA: ["1330", "1380"],
        FailureReason.SUSPECTED_FRAUD: ["9500"],
        FailureReason.LOST_OR_STOLEN_CARD: ["9520"],
        FailureReason.RESTRICTED_CARD: ["5180"],
        FailureReason.LIMIT_EXCEEDED: ["5710"],
        FailureReason.TRANSACTION_NOT_PERMITTED: ["5700"],
        FailureReason.AUTHENTICATION_REQUIRED: ["5650"],
        FailureReason.AUTHENTICATION_FAILED: ["7710"],
        FailureReason.DUPLICATE: ["5200"],
        FailureReason.ISSUER_UNAVAILABLE: ["5920"],
        FailureReason.UNKNOWN: [None],
    }
    errors = {FailureReason.TIMEOUT: ["8110"], FailureReason.CONFIGURATION_ERROR: ["1350", "8020"],
              FailureReason.PROCESSING_ERROR: ["8000"]}
    statuses = frozenset(STATUS_SHARES) - {StatusCategory.UNKNOWN}
    _METHODS = {"paypal": PaymentMethod.WALLET, "venmo": PaymentMethod.WALLET, "card": PaymentMethod.CARD}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        pay.method = "card" if needs_card or r < 0.3 else ("venmo" if pay.country == "US" and r > 0.93 else "paypal")
        r = rng.random()
        pay.kind = "capture" if r < 0.35 else ("order" if r < 0.6 else "webhook")
        pay.txn_id = random_token(rng, 17, UPPERCASE_ALPHANUMERIC)
        pay.aux["order"] = random_token(rng, 17, UPPERCASE_ALPHANUMERIC)
        pay.aux["payer"] = random_token(rng, 13, UPPERCASE_ALPHANUMERIC)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        money = {"currency_code": pay.currency, "value": major_units_text(pay.amount_minor, pay.currency)}
        ts = iso_utc(when)
        if st is StatusCategory.REFUNDED:
            rid = random_token(rng, 17, UPPERCASE_ALPHANUMERIC)
            amount = refund_amount(rng, pay)
            refund = {"id": rid,
                      "amount": {"currency_code": pay.currency, "value": major_units_text(amount, pay.currency)},
                      "status": "COMPLETED", "create_time": ts, "update_time": ts,
                      "links": [{"href": f"https://api.paypal.com/v2/payments/captures/{pay.txn_id}", "rel": "up",
                                 "method": "GET"}]}
            body = {"id": webhook_event_id(rng), "event_version": "1.0",
                    "create_time": ts, "resource_type": "refund", "resource_version": "2.0",
                    "event_type": "PAYMENT.CAPTURE.REFUNDED",
                    "summary": f"A {money['value']} {pay.currency} capture payment was refunded", "resource": refund}
            # A refund resource does not name the payment method: the truth cannot either.
            return body, self.expected(pay, out, None, rid, amount)
        if st is StatusCategory.CHARGEBACK:
            did = "PP-D-" + random_digits(rng, 5)
            dispute = {"dispute_id": did, "create_time": ts, "update_time": ts,
                       "disputed_transactions": [{"seller_transaction_id": pay.txn_id}],
                       "reason": choice(rng, ("MERCHANDISE_OR_SERVICE_NOT_RECEIVED", "UNAUTHORISED",
                                              "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED")),
                       "status": "OPEN", "dispute_amount": money, "dispute_life_cycle_stage": "CHARGEBACK",
                       "dispute_channel": "EXTERNAL"}
            body = {"id": webhook_event_id(rng), "event_version": "1.0",
                    "create_time": ts, "resource_type": "dispute", "event_type": "CUSTOMER.DISPUTE.CREATED",
                    "summary": "A new dispute opened with Case # " + did, "resource": dispute}
            return body, self.expected(pay, out, None, did)
        status = {StatusCategory.APPROVED: "COMPLETED", StatusCategory.DECLINED: "DECLINED",
                  StatusCategory.ERROR: "FAILED", StatusCategory.PENDING: "PENDING",
                  StatusCategory.CANCELLED: "VOIDED"}[st]
        capture = {"id": pay.txn_id, "status": status, "amount": money, "final_capture": True,
                   "seller_protection": {"status": "ELIGIBLE", "dispute_categories": ["ITEM_NOT_RECEIVED",
                                                                                      "UNAUTHORIZED_TRANSACTION"]},
                   "create_time": ts, "update_time": ts}
        if st is StatusCategory.PENDING:
            capture["status_details"] = {"reason": choice(rng, ("PENDING_REVIEW", "PENDING_REVIEW", "ECHECK"))}
        # A decline without a processor response carries no reason: truth UNKNOWN (its code entry is None).
        if pay.method == "card" and not (st is StatusCategory.DECLINED and code is None):
            rc = code if code is not None else "0000"
            capture["processor_response"] = {"avs_code": "Y" if rc == "0000" else choice(rng, ("Y", "N", "U")),
                                             "cvv_code": "N" if rc in ("5110", "00N7") else "M",
                                             "response_code": rc}
        if st is StatusCategory.CANCELLED:
            # Only an authorization can be voided (captures have no VOIDED status).
            auth = {"id": pay.txn_id, "status": "VOIDED", "amount": money,
                    "seller_protection": capture["seller_protection"], "create_time": ts, "update_time": ts,
                    "links": [{"href": f"https://api.paypal.com/v2/payments/authorizations/{pay.txn_id}",
                               "rel": "self", "method": "GET"}]}
            truth = self.expected(pay, out, None)
            if pay.kind == "capture":
                return auth, truth
            body = {"id": webhook_event_id(rng), "event_version": "1.0",
                    "create_time": ts, "resource_type": "authorization", "resource_version": "2.0",
                    "event_type": "PAYMENT.AUTHORIZATION.VOIDED",
                    "summary": f"Payment voided for {money['value']} {pay.currency}", "resource": auth}
            return body, truth
        # A bare capture names no payment source; only a card capture carries a processor_response.
        truth = self.expected(pay, out, PaymentMethod.CARD if "processor_response" in capture else None)
        if pay.kind == "capture":
            return capture, truth
        if pay.kind == "order" and st is not StatusCategory.CANCELLED:
            if pay.method == "card":
                source = {"card": {"name": "J. Doe", "last_digits": pay.card.last4, "brand": pay.card.label.upper(),
                                   "type": "CREDIT"}}
                if pay.pii:
                    source["card"]["number"] = TEST_CARD_NUMBERS[3]
            else:
                source = {pay.method: {"email_address": f"buyer{randrange(rng, 10**5)}@example.com",
                                       "account_id": pay.aux["payer"], "account_status": "VERIFIED",
                                       "name": {"given_name": "John", "surname": "Doe"}}}
            # A declined capture leaves the order COMPLETED: the capture holds the outcome.
            order = {"id": pay.aux["order"], "intent": "CAPTURE",
                     "status": "COMPLETED" if st is not StatusCategory.PENDING else "APPROVED",
                     "payment_source": source,
                     "purchase_units": [{"reference_id": "default", "payments": {"captures": [capture]}}],
                     "payer": {"payer_id": pay.aux["payer"]}, "create_time": ts, "update_time": ts}
            return order, self.expected(pay, out, method)  # payment_source names the method
        event_type = {"COMPLETED": "PAYMENT.CAPTURE.COMPLETED", "DECLINED": "PAYMENT.CAPTURE.DENIED",
                      "FAILED": "PAYMENT.CAPTURE.DENIED", "PENDING": "PAYMENT.CAPTURE.PENDING"}[status]
        body = {"id": webhook_event_id(rng), "event_version": "1.0",
                "create_time": ts, "resource_type": "capture", "resource_version": "2.0", "event_type": event_type,
                "summary": f"Payment {status.lower()} for {money['value']} {pay.currency}", "resource": capture}
        return body, truth


class PayPalLifecycle(LifecycleHooks):
    caps = frozenset({"retry", "capture", "void", "dispute", "two_objects"})

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = random_token(rng, 17, UPPERCASE_ALPHANUMERIC)
        if new_payment:
            pay.aux["order"] = random_token(rng, 17, UPPERCASE_ALPHANUMERIC)

    def _related(self, resource, pay, **ids):
        resource["supplementary_data"] = {"related_ids": {"order_id": pay.aux["order"], **ids}}

    def auth(self, rng, pay, out, when):
        pay.kind = "order" if rng.random() < 0.5 else "webhook"
        data, truth = self.renderer.render(rng, pay, out, when)
        if pay.kind == "webhook":
            self._related(data["resource"], pay)
        return data, truth

    def auth_only(self, rng, pay, when):
        # Orders v2 intent=AUTHORIZE: PAYMENT.AUTHORIZATION.CREATED, the authorization is the attempt.
        pay.kind = "webhook"
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.CANCELLED), when)
        money = data["resource"]["amount"]
        data.update(event_type="PAYMENT.AUTHORIZATION.CREATED",
                    summary=f"A payment authorization was created for {money['value']} {pay.currency}")
        data["resource"]["status"] = "CREATED"
        data["resource"]["expiration_time"] = iso_utc(when + timedelta(days=29))
        self._related(data["resource"], pay)
        return data, with_changes(truth, status=StatusCategory.APPROVED, kind=EventKind.AUTHORIZATION)

    def capture(self, rng, pay, when):
        pay.kind = "webhook"
        auth_id = pay.txn_id
        pay.txn_id = random_token(rng, 17, UPPERCASE_ALPHANUMERIC)
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        self._related(data["resource"], pay, authorization_id=auth_id)
        capture_id, pay.txn_id = pay.txn_id, auth_id
        return data, with_changes(truth, txn=capture_id, kind=EventKind.CAPTURE)

    def void(self, rng, pay, when):
        pay.kind = "webhook"
        # PAYMENT.AUTHORIZATION.VOIDED
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.CANCELLED), when)
        self._related(data["resource"], pay)
        return data, truth

    def dispute(self, rng, pay, when, did, stage):
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.CHARGEBACK), when)
        res = data["resource"]
        res["dispute_id"] = did
        data["summary"] = "A new dispute opened with Case # " + did
        if stage:
            data["event_type"] = "CUSTOMER.DISPUTE.RESOLVED"
            data["summary"] = "A dispute was resolved with case # " + did
            res["status"] = "RESOLVED"
            res["dispute_outcome"] = {"outcome_code": choice(rng, ("RESOLVED_BUYER_FAVOUR", "RESOLVED_SELLER_FAVOUR")),
                                      "amount_refunded": res["dispute_amount"]}
        return data, with_changes(truth, txn=did)

    def second(self, rng, pay, out, when):
        pay.kind = "webhook" if pay.kind == "order" else "order"
        data, truth = self.renderer.render(rng, pay, out, when)
        if pay.kind == "webhook":
            self._related(data["resource"], pay)
        return data, truth

    def new_dispute_id(self, rng):
        return "PP-D-" + random_digits(rng, 5)
