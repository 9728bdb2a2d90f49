"""Worldpay in its own words: paymentService XML replies and order-status notifications.

Ground truth written from Worldpay's XML documentation (lastEvent values, ISO8583ReturnCode),
independently of normalization/providers/worldpay.py."""

from __future__ import annotations

from payobs_pipeline.synthetic.amounts import currency_exponent, refund_amount
from payobs_pipeline.synthetic.payments import TEST_CARD_NUMBERS
from payobs_pipeline.synthetic.provider_base import LifecycleHooks, ProviderRenderer, replace_first_in_content
from payobs_pipeline.synthetic.randomness import choice, randint, random_digits
from payobs_pipeline.synthetic.traffic_mix import STATUS_SHARES
from payobs_pipeline.synthetic.truth import refund_truth, with_changes
from payobs_pipeline.synthetic.vocabulary import EventKind, FailureReason, PaymentMethod, StatusCategory


class WorldpayRenderer(ProviderRenderer):
    name = "worldpay"
    declines = {
        FailureReason.INSUFFICIENT_FUNDS: [("51", "INSUFFICIENT FUNDS")],
        FailureReason.GENERIC_DECLINE: [("5", "REFUSED"), ("5", "REFUSED"), ("2", "REFERRED")],
        FailureReason.EXPIRED_CARD: [("33", "CARD EXPIRED"), ("54", "EXPIRED CARD")],
        FailureReason.INVALID_CARD_DATA: [("14", "INVALID CARD NUMBER")],
        FailureReason.INCORRECT_CVC: [("N7", "DECLINE FOR CVV2 FAILURE")],
        FailureReason.SUSPECTED_FRAUD: [("59", "SUSPECTED FRAUD"), ("34", "FRAUD SUSPICION")],
        FailureReason.LOST_OR_STOLEN_CARD: [("41", "LOST CARD"), ("43", "STOLEN CARD"), ("4", "HOLD CARD")],
        FailureReason.RESTRICTED_CARD: [("62", "RESTRICTED CARD")],
        FailureReason.LIMIT_EXCEEDED: [("61", "EXCEEDS WITHDRAWAL AMOUNT LIMIT"),
                                       ("65", "EXCEEDS WITHDRAWAL FREQUENCY LIMIT")],
        FailureReason.TRANSACTION_NOT_PERMITTED: [("57", "TRANSACTION NOT PERMITTED TO CARDHOLDER"),
                                                  ("12", "INVALID TRANSACTION")],
        FailureReason.ISSUER_UNAVAILABLE: [("91", "ISSUER UNAVAILABLE")],
        FailureReason.INVALID_REQUEST: [("13", "INVALID AMOUNT")],
    }
    errors = {FailureReason.PROCESSING_ERROR: [("96", "SYSTEM MALFUNCTION")]}
    statuses = frozenset(STATUS_SHARES) - {StatusCategory.UNKNOWN}
    _METHODS = {"VISA-SSL": PaymentMethod.CARD, "ECMC-SSL": PaymentMethod.CARD, "AMEX-SSL": PaymentMethod.CARD,
                "PAYPAL-EXPRESS": PaymentMethod.WALLET,
                "IDEAL-SSL": PaymentMethod.BANK_TRANSFER}
    _BRAND_CODE = {"visa": "VISA-SSL", "mastercard": "ECMC-SSL", "amex": "AMEX-SSL"}

    def setup(self, rng, pay, needs_card):
        if needs_card or rng.random() < 0.92:
            pay.method = self._BRAND_CODE.get(pay.card.brand, "VISA-SSL")
        else:
            pay.method = "PAYPAL-EXPRESS"
        pay.kind = "notify" if rng.random() < 0.6 else "reply"
        pay.txn_id = f"ORD{random_digits(rng, 9)}"
        pay.aux["merchant_code"] = pay.merchant["name"].upper().replace(" ", "").replace("&", "")[:12] + "ECOM"

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        amount = pay.amount_minor
        last_event = {StatusCategory.APPROVED: choice(rng, ("AUTHORISED", "AUTHORISED", "CAPTURED", "SETTLED")),
                      StatusCategory.DECLINED: "REFUSED", StatusCategory.ERROR: "ERROR",
                      StatusCategory.PENDING: choice(rng, ("SENT_FOR_AUTHORISATION", "SHOPPER_REDIRECTED")),
                      StatusCategory.CANCELLED: "CANCELLED",
                      StatusCategory.REFUNDED: choice(rng, ("REFUNDED", "SENT_FOR_REFUND")),
                      StatusCategory.CHARGEBACK: "CHARGED_BACK"}[st]
        if st is StatusCategory.REFUNDED:
            amount = refund_amount(rng, pay)
        e = currency_exponent(pay.currency)
        amt_xml = (f'<amount value="{amount}" currencyCode="{pay.currency}" exponent="{e}" '
                   f'debitCreditIndicator="{"debit" if st in (StatusCategory.REFUNDED, StatusCategory.CHARGEBACK) else "credit"}"/>')
        iso = f'\n          <ISO8583ReturnCode code="{code[0]}" description="{code[1]}"/>' if code else ""
        auth = f'\n          <AuthorisationId id="{random_digits(rng, 6)}"/>' if st is StatusCategory.APPROVED else ""
        card = ""
        if method is PaymentMethod.CARD:
            number = TEST_CARD_NUMBERS[0] if pay.pii else f"{pay.card.bin[:4]}********{pay.card.last4}"
            cvc = "\n            <cvc>123</cvc>" if pay.pii else ""
            card = (f"\n          <paymentMethodDetail>\n            <card type=\"creditcard\">\n"
                    f"              <cardNumber>{number}</cardNumber>\n"
                    f"              <expiryDate><date month=\"{pay.card.exp_month:02d}\" year=\"{pay.card.exp_year}\"/></expiryDate>"
                    f"{cvc}\n            </card>\n          </paymentMethodDetail>")
        payment = (f"        <payment>\n          <paymentMethod>{pay.method}</paymentMethod>\n          {amt_xml}\n"
                   f"          <lastEvent>{last_event}</lastEvent>{auth}{iso}{card}\n"
                   f"          <riskScore value=\"{randint(rng, 0, 100)}\"/>\n        </payment>\n")
        if pay.kind == "notify":
            xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n'
                   f'<paymentService version="1.4" merchantCode="{pay.aux["merchant_code"]}">\n  <notify>\n'
                   f'    <orderStatusEvent orderCode="{pay.txn_id}">\n{payment}'
                   f'      <journal journalType="{last_event}">\n'
                   f'        <bookingDate><date dayOfMonth="{when.day:02d}" month="{when.month:02d}" year="{when.year}"/></bookingDate>\n'
                   f'      </journal>\n    </orderStatusEvent>\n  </notify>\n</paymentService>\n')
        else:
            xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n'
                   f'<paymentService version="1.4" merchantCode="{pay.aux["merchant_code"]}">\n  <reply>\n'
                   f'    <orderStatus orderCode="{pay.txn_id}">\n{payment}    </orderStatus>\n  </reply>\n</paymentService>\n')
        r = rng.random()
        body = {"content": xml, "content_type": "text/xml"} if r < 0.5 else (
            {"content": xml, "format": "xml"} if r < 0.8 else {"content": xml})
        kind = EventKind.CAPTURE if last_event in ("CAPTURED", "SETTLED") else None
        return body, self.expected(pay, out, method, pay.txn_id, amount, kind)


class WorldpayLifecycle(LifecycleHooks):
    caps = frozenset({"retry", "capture", "void", "refund", "two_objects"})
    same_payment_retry = False  # the order code is the attempt and the payment

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = f"ORD{random_digits(rng, 9)}"

    def _event(self, data, word):
        replace_first_in_content(data, r"<lastEvent>[A-Z_]+</lastEvent>", f"<lastEvent>{word}</lastEvent>")
        replace_first_in_content(data, r'journalType="[A-Z_]+"', f'journalType="{word}"')

    def auth_only(self, rng, pay, when):
        pay.kind = "notify"
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        self._event(data, "AUTHORISED")
        return data, with_changes(truth, kind=EventKind.AUTHORIZATION)

    def capture(self, rng, pay, when):
        pay.kind = "notify"
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        self._event(data, "CAPTURED")
        return data, with_changes(truth, kind=EventKind.CAPTURE)

    def void(self, rng, pay, when):
        pay.kind = "notify"
        return self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.CANCELLED), when)

    def refund(self, rng, pay, when, rid, amount, status, first):
        pay.kind = "notify"
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.REFUNDED), when)
        self._event(data, {"succeeded": "REFUNDED", "pending": "SENT_FOR_REFUND", "failed": "REFUND_FAILED"}[status])
        replace_first_in_content(data, r'<amount value="\d+"', f'<amount value="{amount}"')
        # Worldpay names a refund by the order code only: the generator's refund serial is the refund.
        return data, refund_truth(truth, pay.txn_id, amount, status)

    def second(self, rng, pay, out, when):
        pay.kind = "reply" if pay.kind == "notify" else "notify"
        data, truth = self.renderer.render(rng, pay, out, when)
        if out[0] is StatusCategory.APPROVED:
            self._event(data, "AUTHORISED")
            truth = with_changes(truth, kind=EventKind.AUTHORIZATION)
        return data, truth

    def auth(self, rng, pay, out, when):
        data, truth = self.renderer.render(rng, pay, out, when)
        if out[0] is StatusCategory.APPROVED:
            self._event(data, "AUTHORISED")
            truth = with_changes(truth, kind=EventKind.AUTHORIZATION)
        return data, truth

    def new_refund_id(self, rng, pay):
        return pay.txn_id
