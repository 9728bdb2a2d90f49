"""Braintree in its own words: transaction and dispute XML in a `content` wrapper.

Ground truth written from Braintree's documentation (transaction statuses, processor response codes,
gateway rejection reasons), independently of normalization/providers/braintree.py."""

from __future__ import annotations

from payobs_pipeline.synthetic.amounts import major_units_text, refund_amount
from payobs_pipeline.synthetic.payments import TEST_CARD_NUMBERS
from payobs_pipeline.synthetic.provider_base import LifecycleHooks, ProviderRenderer, iso_utc, replace_first_in_content
from payobs_pipeline.synthetic.randomness import LOWERCASE_ALPHANUMERIC, choice, random_digits, random_token
from payobs_pipeline.synthetic.traffic_mix import STATUS_SHARES
from payobs_pipeline.synthetic.truth import refund_truth, with_changes
from payobs_pipeline.synthetic.vocabulary import FailureReason, PaymentMethod, StatusCategory


class BraintreeRenderer(ProviderRenderer):
    name = "braintree"
    # (processor-response-code, text, response type, gateway rejection reason)
    declines = {
        FailureReason.INSUFFICIENT_FUNDS: [("2001", "Insufficient Funds", "soft_declined", None)],
        FailureReason.GENERIC_DECLINE: [("2000", "Do Not Honor", "soft_declined", None),
                                        ("2038", "Processor Declined", "soft_declined", None),
                                        ("2046", "Declined", "soft_declined", None),
                                        ("2044", "Declined - Call Issuer", "hard_declined", None)],
        FailureReason.EXPIRED_CARD: [("2004", "Expired Card", "hard_declined", None)],
        FailureReason.INVALID_CARD_DATA: [("2005", "Invalid Credit Card Number", "hard_declined", None),
                                          ("2006", "Invalid Expiration Date", "hard_declined", None)],
        FailureReason.INCORRECT_CVC: [("2010", "Card Issuer Declined CVV", "hard_declined", None)],
        FailureReason.SUSPECTED_FRAUD: [("2014", "Processor Declined - Fraud Suspected", "hard_declined", None)],
        FailureReason.LOST_OR_STOLEN_CARD: [("2012", "Processor Declined - Possible Lost Card", "hard_declined", None),
                                 ("2013", "Processor Declined - Possible Stolen Card", "hard_declined", None),
                                            ("2047", "Call Issuer. Pick Up Card", "hard_declined", None)],
        FailureReason.RESTRICTED_CARD: [("2057", "Issuer or Cardholder has put a restriction on the card",
                                         "soft_declined", None)],
        FailureReason.LIMIT_EXCEEDED: [("2002", "Limit Exceeded", "soft_declined", None),
                                       ("2003", "Cardholder's Activity Limit Exceeded", "soft_declined", None)],
        FailureReason.TRANSACTION_NOT_PERMITTED: [("2015", "Transaction Not Allowed", "hard_declined", None)],
        FailureReason.AUTHENTICATION_REQUIRED: [("2099", "Cardholder Authentication Required", "soft_declined", None)],
        FailureReason.REVOKED: [("2017", "Cardholder Stopped Billing", "hard_declined", None)],
        FailureReason.RISK_REJECTED: [(None, None, None, "fraud"), (None, None, None, "risk_threshold")],
        FailureReason.DUPLICATE: [(None, None, None, "duplicate")],
    }
    errors = {FailureReason.PROCESSING_ERROR: [("3000", "Processor Network Unavailable - Try Again", "soft_declined",
                                                None)]}
    statuses = frozenset(STATUS_SHARES) - {StatusCategory.UNKNOWN, StatusCategory.PENDING}
    pending_capable = False
    _METHODS = {"credit_card": PaymentMethod.CARD, "paypal_account": PaymentMethod.WALLET,
                "apple_pay_card": PaymentMethod.WALLET,
                "venmo_account": PaymentMethod.WALLET}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        pay.method = "credit_card" if needs_card or r < 0.75 else \
            ("paypal_account" if r < 0.9 else ("apple_pay_card" if r < 0.96 else "venmo_account"))
        pay.txn_id = random_token(rng, 8, LOWERCASE_ALPHANUMERIC)
        pay.aux["order"] = random_digits(rng, 6)
        pay.aux["account"] = pay.merchant["name"].lower().replace(" ", "_").replace("&",
                                                                                    "and") + "_" + pay.currency.lower()

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        ts = iso_utc(when)
        amount = pay.amount_minor
        txn_id = pay.txn_id
        if st is StatusCategory.CHARGEBACK:
            did = random_token(rng, 16, LOWERCASE_ALPHANUMERIC)
            xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<dispute>\n  <id>{did}</id>\n'
                   f'  <amount>{major_units_text(amount, pay.currency)}</amount>\n'
                   f'  <currency-iso-code>{pay.currency}</currency-iso-code>\n'
                   f'  <kind>chargeback</kind>\n  <status>open</status>\n'
                   f'  <reason>{choice(rng, ("fraud", "product_not_received", "not_recognized", "duplicate"))}</reason>\n'
                   f'  <received-date type="date">{when.date().isoformat()}</received-date>\n'
                   f'  <transaction>\n    <id>{txn_id}</id>\n    <amount>{major_units_text(amount, pay.currency)}</amount>\n'
                   f'  </transaction>\n</dispute>\n')
            return self._wrap(rng, xml), self.expected(pay, out, None, did)  # the dispute names no method
        ttype = "sale"
        gateway_reason = None
        prc, prt, ptype = "1000", "Approved", "approved"
        if st is StatusCategory.APPROVED:
            status = choice(rng, ("authorized", "submitted_for_settlement", "settled", "settled", "settling"))
        elif st is StatusCategory.REFUNDED:
            ttype, status = "credit", "settled"
            txn_id = random_token(rng, 8, LOWERCASE_ALPHANUMERIC)
            amount = refund_amount(rng, pay)
            prc, prt = "1002", "Processed"
        elif st is StatusCategory.CANCELLED:
            status = "voided"
        elif st is StatusCategory.ERROR:
            status = "failed"
            prc, prt, ptype, gateway_reason = code
        else:
            prc, prt, ptype, gateway_reason = code
            status = "gateway_rejected" if gateway_reason else "processor_declined"
            if gateway_reason:
                prc, prt, ptype = "1000", "Approved", "approved"  # the bank approved; the gateway refused
        major = major_units_text(amount, pay.currency)
        pan_xml = ""
        if pay.method == "credit_card":
            c = pay.card
            number = f"    <number>{TEST_CARD_NUMBERS[0]}</number>\n    <cvv>123</cvv>\n" if pay.pii else ""
            pan_xml = (f"  <credit-card>\n    <bin>{c.bin}</bin>\n    <last-4>{c.last4}</last-4>\n"
                       f"    <card-type>{c.label}</card-type>\n    <expiration-month>{c.exp_month:02d}</expiration-month>\n"
                       f"    <expiration-year>{c.exp_year}</expiration-year>\n{number}  </credit-card>\n")
        refunded = f"  <refunded-transaction-id>{pay.txn_id}</refunded-transaction-id>\n" if ttype == "credit" else ""
        gr = f"  <gateway-rejection-reason>{gateway_reason}</gateway-rejection-reason>\n" if gateway_reason \
            else '  <gateway-rejection-reason nil="true"/>\n'
        xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<transaction>\n  <id>{txn_id}</id>\n'
               f'  <status>{status}</status>\n  <type>{ttype}</type>\n'
               f'  <currency-iso-code>{pay.currency}</currency-iso-code>\n  <amount>{major}</amount>\n'
               f'  <merchant-account-id>{pay.aux["account"]}</merchant-account-id>\n'
               f'  <order-id>{pay.aux["order"]}</order-id>\n'
               f'  <created-at type="datetime">{ts}</created-at>\n  <updated-at type="datetime">{ts}</updated-at>\n'
               f'  <processor-response-code>{prc}</processor-response-code>\n'
               f'  <processor-response-text>{prt}</processor-response-text>\n'
               f'  <processor-response-type>{ptype}</processor-response-type>\n{gr}{refunded}'
               f'  <payment-instrument-type>{pay.method}</payment-instrument-type>\n{pan_xml}</transaction>\n')
        return self._wrap(rng, xml), self.expected(pay, out, method, txn_id, amount)

    @staticmethod
    def _wrap(rng, xml):
        r = rng.random()
        if r < 0.4:
            return {"content": xml, "content_type": "application/xml"}
        if r < 0.7:
            return {"content": xml, "format": "xml"}
        return {"content": xml}


class BraintreeLifecycle(LifecycleHooks):
    caps = frozenset({"retry", "capture", "void", "refund", "dispute"})

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = random_token(rng, 8, LOWERCASE_ALPHANUMERIC)
        if new_payment:
            pay.aux["order"] = random_digits(rng, 6)

    def auth_only(self, rng, pay, when):
        data, truth = self.auth(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        replace_first_in_content(data, r"<status>[a-z_]+</status>", "<status>authorized</status>")
        return data, truth

    def capture(self, rng, pay, when):
        data, truth = self.auth(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        replace_first_in_content(data, r"<status>[a-z_]+</status>", "<status>submitted_for_settlement</status>")
        # The sale's later state, as a one-step sale also shows it: an authorization row, not a capture event.
        return data, truth

    def void(self, rng, pay, when):
        return self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.CANCELLED), when)

    def refund(self, rng, pay, when, rid, amount, status, first):
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.REFUNDED), when)
        replace_first_in_content(data, r"<id>[a-z0-9]+</id>", f"<id>{rid}</id>")
        replace_first_in_content(data, r"<amount>[0-9.]+</amount>",
                                 f"<amount>{major_units_text(amount, pay.currency)}</amount>")
        word = {"succeeded": "settled", "pending": "submitted_for_settlement", "failed": "processor_declined"}[status]
        replace_first_in_content(data, r"<status>[a-z_]+</status>", f"<status>{word}</status>")
        if status == "failed":
            replace_first_in_content(data, r"<processor-response-code>\d+</processor-response-code>\n"
                                     r"  <processor-response-text>[^<]*</processor-response-text>",
                                     "<processor-response-code>2046</processor-response-code>\n"
                                     "  <processor-response-text>Declined</processor-response-text>")
        return data, refund_truth(truth, rid, amount, status)

    def dispute(self, rng, pay, when, did, stage):
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.CHARGEBACK), when)
        replace_first_in_content(data, r"<id>[a-z0-9]+</id>", f"<id>{did}</id>")
        if stage:
            replace_first_in_content(data, r"<status>open</status>", f"<status>{choice(rng, ('won', 'lost'))}</status>")
        return data, with_changes(truth, txn=did)

    def new_refund_id(self, rng, pay):
        return random_token(rng, 8, LOWERCASE_ALPHANUMERIC)

    def new_dispute_id(self, rng):
        return random_token(rng, 16, LOWERCASE_ALPHANUMERIC)
