"""Adyen in its own words: payment responses, webhook notifications and accounting-report CSV lines.

Ground truth written from Adyen's documentation (refusal reasons, notification event codes, report
columns), independently of normalization/providers/adyen.py."""

from __future__ import annotations

from payobs_pipeline.synthetic.amounts import major_units_text, refund_amount
from payobs_pipeline.synthetic.payments import TEST_CARD_NUMBERS
from payobs_pipeline.synthetic.provider_base import LifecycleHooks, ProviderRenderer
from payobs_pipeline.synthetic.randomness import UPPERCASE_ALPHANUMERIC, choice, random_digits, random_token
from payobs_pipeline.synthetic.traffic_mix import STATUS_SHARES
from payobs_pipeline.synthetic.truth import refund_truth, with_changes
from payobs_pipeline.synthetic.vocabulary import EventKind, FailureReason, PaymentMethod, StatusCategory


class AdyenRenderer(ProviderRenderer):
    name = "adyen"
    declines = {
        FailureReason.INSUFFICIENT_FUNDS: [("12", "Not enough balance")],
        FailureReason.GENERIC_DECLINE: [("2", "Refused"), ("2", "Refused"), ("3", "Referral"),
                                        ("27", "Declined Non Generic")],
        FailureReason.EXPIRED_CARD: [("6", "Expired Card")],
        FailureReason.INVALID_CARD_DATA: [("8", "Invalid Card Number")],
        FailureReason.INCORRECT_CVC: [("24", "CVC Declined")],
        FailureReason.SUSPECTED_FRAUD: [("14", "Acquirer Fraud"), ("31", "Issuer Suspected Fraud")],
        FailureReason.RESTRICTED_CARD: [("5", "Blocked Card"), ("25", "Restricted Card")],
        FailureReason.LIMIT_EXCEEDED: [("28", "Withdrawal amount exceeded"), ("29", "Withdrawal count exceeded")],
        FailureReason.TRANSACTION_NOT_PERMITTED: [("10", "Not supported"), ("23", "Transaction Not Permitted")],
        FailureReason.AUTHENTICATION_REQUIRED: [("38", "Authentication required")],
        FailureReason.AUTHENTICATION_FAILED: [("11", "3D Not Authenticated"), ("17", "Invalid Pin"),
                                              ("18", "Pin tries exceeded")],
        FailureReason.REVOKED: [("26", "Revocation Of Auth")],
        FailureReason.RISK_REJECTED: [("20", "FRAUD")],
        FailureReason.ISSUER_UNAVAILABLE: [("9", "Issuer Unavailable")],
        FailureReason.INVALID_REQUEST: [("7", "Invalid Amount")],
    }
    errors = {FailureReason.PROCESSING_ERROR: [("4", "Acquirer Error")]}
    statuses = frozenset(STATUS_SHARES) - {StatusCategory.UNKNOWN}

    # method word -> (payment response paymentMethod, notification paymentMethod, canonical)
    _METHODS = {
        "scheme": PaymentMethod.CARD, "ideal": PaymentMethod.BANK_TRANSFER, "klarna": PaymentMethod.BNPL,
        "paypal": PaymentMethod.WALLET,
        "applepay": PaymentMethod.WALLET, "pix": PaymentMethod.PIX, "boletobancario": PaymentMethod.BOLETO,
        "sepadirectdebit": PaymentMethod.DIRECT_DEBIT,
    }
    _NOTIF_BRAND = {"visa": "visa", "mastercard": "mc", "amex": "amex", "discover": "discover", "jcb": "jcb"}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        if needs_card or r < 0.82:
            pay.method = "scheme"
        elif pay.country == "NL":
            pay.method = "ideal"
        elif pay.country == "BR":
            pay.method = "pix" if r < 0.93 else "boletobancario"
        elif pay.currency == "EUR" and r < 0.9:
            pay.method = "sepadirectdebit"
        else:
            pay.method = ("klarna", "paypal", "applepay")[int(r * 1000) % 3]
        r = rng.random()
        pay.kind = "response" if r < 0.5 else ("notification" if r < 0.93 else "csv")
        pay.txn_id = random_token(rng, 16, UPPERCASE_ALPHANUMERIC)
        pay.aux["ref"] = "ORDER-" + random_digits(rng, 7)
        pay.aux["account"] = pay.merchant["name"].replace(" ", "").replace("&", "") + "ECOM"

    def render(self, rng, pay, out, when):
        st, reason, code = out
        method = self._METHODS[pay.method]
        if pay.kind == "csv" and st in (StatusCategory.APPROVED, StatusCategory.DECLINED, StatusCategory.REFUNDED,
                                        StatusCategory.CHARGEBACK):
            return self._csv(rng, pay, out, when, method)
        if pay.kind == "response" and st not in (StatusCategory.REFUNDED, StatusCategory.CHARGEBACK):
            return self._response(rng, pay, out, method)
        return self._notification(rng, pay, out, when, method)

    def _response(self, rng, pay, out, method):
        st, reason, code = out
        result = {StatusCategory.APPROVED: "Authorised", StatusCategory.DECLINED: "Refused",
                  StatusCategory.ERROR: "Error",
                  StatusCategory.CANCELLED: "Cancelled"}.get(st)
        if st is StatusCategory.PENDING:
            result = "Pending" if pay.method in ("pix", "boletobancario", "sepadirectdebit") else \
                choice(rng, ("RedirectShopper", "ChallengeShopper", "Received"))
        pm = {"brand": pay.card.brand if pay.card.brand != "mastercard" else "mc", "type": "scheme"} \
            if pay.method == "scheme" else {"type": pay.method}
        body = {"additionalData": {}, "amount": {"currency": pay.currency, "value": pay.amount_minor},
                "merchantReference": pay.aux["ref"], "paymentMethod": pm, "pspReference": pay.txn_id,
                "resultCode": result}
        if st is StatusCategory.APPROVED:
            body["additionalData"] = {"authCode": random_digits(rng, 6), "cardSummary": pay.card.last4,
                                      "expiryDate": f"{pay.card.exp_month}/{pay.card.exp_year}"} \
                if pay.method == "scheme" else {}
        elif code is not None:
            body["refusalReason"], body["refusalReasonCode"] = code[1], code[0]
        elif st is StatusCategory.CANCELLED:
            body["refusalReason"], body["refusalReasonCode"] = "Cancelled", "15"
        if pay.pii and pay.method == "scheme":
            body["additionalData"]["cardNumber"] = TEST_CARD_NUMBERS[0]
        # resultCode Cancelled: cancelled before processing completed (no authorization to void)
        return body, self.expected(pay, out, method, kind=EventKind.AUTHORIZATION)

    def _notification(self, rng, pay, out, when, method):
        st, reason, code = out
        txn_id = pay.txn_id
        amount = pay.amount_minor
        item = {"additionalData": {}, "amount": {"currency": pay.currency, "value": amount},
                "eventDate": when.isoformat(timespec="seconds"), "merchantAccountCode": pay.aux["account"],
                "merchantReference": pay.aux["ref"],
                "paymentMethod": self._NOTIF_BRAND[pay.card.brand] if pay.method == "scheme" else pay.method}
        if st is StatusCategory.REFUNDED:
            txn_id = random_token(rng, 16, UPPERCASE_ALPHANUMERIC)
            amount = refund_amount(rng, pay)
            item.update(eventCode="REFUND", originalReference=pay.txn_id, reason="", success="true")
            item["amount"]["value"] = amount
        elif st is StatusCategory.CHARGEBACK:
            txn_id = random_token(rng, 16, UPPERCASE_ALPHANUMERIC)
            item.update(eventCode=choice(rng, ("CHARGEBACK", "NOTIFICATION_OF_CHARGEBACK")),
                        originalReference=pay.txn_id,
                        reason=choice(rng, ("Fraudulent Transaction", "Merchandise/Services Not Received",
                                            "Cancelled Recurring Transaction")), success="true")
            item["additionalData"] = {"chargebackReasonCode": choice(rng, ("10.4", "4837", "13.1", "4853")),
                                      "chargebackSchemeCode": "visa" if pay.card.brand == "visa" else "mc"}
        elif st is StatusCategory.CANCELLED:
            item.update(eventCode="CANCELLATION", originalReference=pay.txn_id, reason="", success="true")
            txn_id = random_token(rng, 16, UPPERCASE_ALPHANUMERIC)
        elif st is StatusCategory.PENDING:
            item.update(eventCode="PENDING", reason="", success="true")
        elif st is StatusCategory.APPROVED:
            item.update(eventCode="AUTHORISATION", success="true",
                        reason=f"{random_digits(rng, 6)}:{pay.card.last4}:{pay.card.exp_month:02d}/{pay.card.exp_year}")
            if pay.method == "scheme":
                item["additionalData"] = {"authCode": random_digits(rng, 6), "cardSummary": pay.card.last4,
                                          "expiryDate": f"{pay.card.exp_month}/{pay.card.exp_year}"}
        else:  # DECLINED / ERROR: the refusal reason travels in `reason`
            item.update(eventCode="AUTHORISATION", success="false", reason=code[1])
            item["additionalData"] = {"refusalReasonCode": code[0]}
        item["pspReference"] = txn_id
        if pay.pii and pay.method == "scheme":
            item["additionalData"]["pan"] = TEST_CARD_NUMBERS[1]
            item["additionalData"]["cvc"] = "737"
        body = {"live": "true" if rng.random() < 0.97 else "false",
                "notificationItems": [{"NotificationRequestItem": item}]}
        return body, self.expected(pay, out, method, txn_id, amount)

    _CSV_HEADER = ("Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Creation Date,"
                   "TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),Gross Credit (GC),"
                   "Exchange Rate,Net Currency,Record Type,Refusal Reason")

    def _csv_line(self, rng, pay, out, when):
        st, reason, code = out
        record = {StatusCategory.APPROVED: "Authorised", StatusCategory.DECLINED: "Refused",
                  StatusCategory.REFUNDED: "Refunded",
                  StatusCategory.CHARGEBACK: "Chargeback"}[st]
        if st in (StatusCategory.APPROVED, StatusCategory.DECLINED):
            mod_ref = pay.txn_id
        else:
            mod_ref = random_token(rng, 16, UPPERCASE_ALPHANUMERIC)
        amount = pay.amount_minor if st is not StatusCategory.REFUNDED else refund_amount(rng, pay)
        major = major_units_text(amount, pay.currency)
        debit, credit = (major, "") if st in (StatusCategory.REFUNDED, StatusCategory.CHARGEBACK) else ("", major)
        pm = self._NOTIF_BRAND[pay.card.brand] if pay.method == "scheme" else pay.method
        refusal = code[1] if code else ""
        line = (f"PayObsDemoCompany,{pay.aux['account']},{pay.txn_id},{pay.aux['ref']},{pm},"
                f"{when.strftime('%Y-%m-%d %H:%M:%S')},UTC,{'Payment' if st in (StatusCategory.APPROVED, StatusCategory.DECLINED) else st.title()},"
                f"{mod_ref},{pay.currency},{debit},{credit},1,{pay.currency},{record},{refusal}")
        return line, mod_ref, amount

    def _csv(self, rng, pay, out, when, method):
        line, mod_ref, amount = self._csv_line(rng, pay, out, when)
        body = {"content": self._CSV_HEADER + "\n" + line + "\n", "format": "csv"}
        return body, self.expected(pay, out, method, mod_ref, amount)


class AdyenLifecycle(LifecycleHooks):
    caps = frozenset({"retry", "capture", "void", "refund", "dispute", "two_objects"})
    refund_statuses = ("succeeded", "failed")  # a refund notification is success true or false

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = random_token(rng, 16, UPPERCASE_ALPHANUMERIC)
        if new_payment:
            pay.aux["ref"] = "ORDER-" + random_digits(rng, 7)

    def auth(self, rng, pay, out, when):
        pay.kind = "notification" if rng.random() < 0.6 else "response"
        return self.renderer.render(rng, pay, out, when)

    def _item(self, data):
        return data["notificationItems"][0]["NotificationRequestItem"]

    def capture(self, rng, pay, when):
        pay.kind = "notification"
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        psp = random_token(rng, 16, UPPERCASE_ALPHANUMERIC)
        item = self._item(data)
        item.update(eventCode="CAPTURE", originalReference=pay.txn_id, pspReference=psp, reason="", success="true",
                    additionalData={})
        return data, with_changes(truth, txn=psp, kind=EventKind.CAPTURE)

    def void(self, rng, pay, when):
        pay.kind = "notification"
        # a CANCELLATION notification
        return self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.CANCELLED), when)

    def refund(self, rng, pay, when, rid, amount, status, first):
        pay.kind = "notification"
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.REFUNDED), when)
        item = self._item(data)
        item["pspReference"] = rid
        item["amount"]["value"] = amount
        if status == "failed":
            item.update(success="false", reason="Refund failed")
        return data, refund_truth(truth, rid, amount, status)

    def dispute(self, rng, pay, when, did, stage):
        pay.kind = "notification"
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.CHARGEBACK), when)
        item = self._item(data)
        item["pspReference"] = did
        item["eventCode"] = "CHARGEBACK" if stage else "NOTIFICATION_OF_CHARGEBACK"
        return data, with_changes(truth, txn=did)

    def second(self, rng, pay, out, when):
        pay.kind = "response" if pay.kind == "notification" else "notification"
        return self.renderer.render(rng, pay, out, when)

    def new_refund_id(self, rng, pay):
        return random_token(rng, 16, UPPERCASE_ALPHANUMERIC)

    def new_dispute_id(self, rng):
        return random_token(rng, 16, UPPERCASE_ALPHANUMERIC)
