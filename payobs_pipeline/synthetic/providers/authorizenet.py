"""Authorize.net in its own words: request/response pairs (the request stored next to the response holds the amount).

Ground truth written from Authorize.net's API reference and response-code table, independently of
normalization/providers/authorizenet.py."""

from __future__ import annotations

from payobs_pipeline.synthetic.amounts import major_units_text, refund_amount
from payobs_pipeline.synthetic.payments import TEST_CARD_NUMBERS
from payobs_pipeline.synthetic.provider_base import LifecycleHooks, ProviderRenderer
from payobs_pipeline.synthetic.randomness import UPPERCASE_ALPHANUMERIC, random_digits, random_token
from payobs_pipeline.synthetic.traffic_mix import STATUS_SHARES
from payobs_pipeline.synthetic.truth import refund_truth, with_changes
from payobs_pipeline.synthetic.vocabulary import EventKind, FailureReason, PaymentMethod, StatusCategory


class AuthorizeNetRenderer(ProviderRenderer):
    name = "authorizenet"
    # (responseCode, errorCode, errorText)
    declines = {
        FailureReason.GENERIC_DECLINE: [("2", "2", "This transaction has been declined."),
                                        ("2", "3", "This transaction has been declined.")],
        FailureReason.LOST_OR_STOLEN_CARD: [("2", "4", "This transaction has been declined.")],
        FailureReason.INVALID_CARD_DATA: [("3", "6", "The credit card number is invalid."),
                                          ("3", "7", "Credit card expiration date is invalid.")],
        FailureReason.EXPIRED_CARD: [("3", "8", "The credit card has expired.")],
        FailureReason.DUPLICATE: [("3", "11", "A duplicate transaction has been submitted.")],
        FailureReason.INCORRECT_CVC: [("2", "44", "This transaction has been declined."),
                                      ("2", "65", "This transaction has been declined.")],
        FailureReason.RISK_REJECTED: [("2", "250", "This transaction has been declined."),
                                      ("2", "251", "This transaction has been declined.")],
        FailureReason.INVALID_REQUEST: [("3", "5", "A valid amount is required.")],
    }
    errors = {
        FailureReason.PROCESSING_ERROR: [("3", "19",
                                          "An error occurred during processing. Please try again in 5 minutes."),
                                         ("3", "57", "An error occurred in processing. Please try again in 5 minutes."),
                              ("3", "35", "An error occurred during processing. Call Merchant Service Provider.")],
        FailureReason.CONFIGURATION_ERROR: [("3", "13",
                                             "The merchant login ID or password is invalid or the account is inactive.")],
    }
    statuses = frozenset(STATUS_SHARES) - {StatusCategory.UNKNOWN, StatusCategory.CHARGEBACK}

    def setup(self, rng, pay, needs_card):
        pay.method = "card"
        pay.txn_id = "6" + random_digits(rng, 10)
        pay.aux["invoice"] = "INV-" + random_digits(rng, 6)
        pay.aux["ref"] = random_digits(rng, 8)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        amount = pay.amount_minor
        txn_id = pay.txn_id
        ttype = "authCaptureTransaction"
        if st is StatusCategory.REFUNDED:
            ttype, txn_id, amount = "refundTransaction", "6" + random_digits(rng, 10), refund_amount(rng, pay)
        elif st is StatusCategory.CANCELLED:
            ttype, txn_id = "voidTransaction", "6" + random_digits(rng, 10)
        c = pay.card
        request = {"transactionType": ttype, "amount": major_units_text(amount, pay.currency),
                   "currencyCode": pay.currency,
                   "payment": {"creditCard": {"cardNumber": TEST_CARD_NUMBERS[0] if pay.pii else "XXXX" + c.last4,
                                              "expirationDate": f"{c.exp_year}-{c.exp_month:02d}" if pay.pii else "XXXX"}},
                   "order": {"invoiceNumber": pay.aux["invoice"], "description": "Online order"}}
        if pay.pii:
            request["payment"]["creditCard"]["cardCode"] = "999"
        if ttype != "authCaptureTransaction":
            request["refTransId"] = pay.txn_id
        response = {"responseCode": "1", "authCode": random_token(rng, 6, UPPERCASE_ALPHANUMERIC),
                    "avsResultCode": "Y", "cvvResultCode": "P",
                    "cavvResultCode": "2", "transId": txn_id,
                    "refTransID": pay.txn_id if ttype != "authCaptureTransaction" else "",
                    "transHash": "", "testRequest": "0", "accountNumber": "XXXX" + c.last4,
                    # Authorize.net spells the card type without spaces (AmericanExpress, MasterCard)
                    "accountType": c.label.replace(" ", "").replace("Mastercard", "MasterCard")}
        top = {"resultCode": "Ok", "message": [{"code": "I00001", "text": "Successful."}]}
        if st is StatusCategory.PENDING:  # held for review by the fraud detection suite
            response.update(responseCode="4", messages=[{"code": "253", "description":
                                                         "Your order has been received. Thank you for your business!"}])
        elif code:
            response.update(responseCode=code[0], authCode="", errors=[{"errorCode": code[1], "errorText": code[2]}])
            if code[1] in ("44", "65"):
                response["cvvResultCode"] = "N"
            top = {"resultCode": "Error", "message": [{"code": "E00027", "text": "The transaction was unsuccessful."}]}
        else:
            response["messages"] = [{"code": "1", "description": "This transaction has been approved."}]
        body = {"transactionRequest": request, "transactionResponse": response, "refId": pay.aux["ref"],
                "messages": top}
        return body, self.expected(pay, out, PaymentMethod.CARD, txn_id, amount)


class AuthorizeNetLifecycle(LifecycleHooks):
    caps = frozenset({"retry", "capture", "void", "refund"})
    same_payment_retry = False  # no payment id: a retry is linked by the lake's transactional_id only
    refund_statuses = ("succeeded", "failed")

    def new_attempt(self, rng, pay, new_payment):
        pay.txn_id = "6" + random_digits(rng, 10)

    def auth_only(self, rng, pay, when):
        data, truth = self.auth(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        data["transactionRequest"]["transactionType"] = "authOnlyTransaction"
        return data, truth

    def capture(self, rng, pay, when):
        data, truth = self.auth(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        data["transactionRequest"]["transactionType"] = "priorAuthCaptureTransaction"
        data["transactionRequest"]["refTransId"] = pay.txn_id
        data["transactionResponse"]["refTransID"] = pay.txn_id
        return data, with_changes(truth, kind=EventKind.CAPTURE)

    def void(self, rng, pay, when):
        return self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.CANCELLED), when)

    def refund(self, rng, pay, when, rid, amount, status, first):
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.REFUNDED), when)
        data["transactionRequest"]["amount"] = major_units_text(amount, pay.currency)
        response = data["transactionResponse"]
        response["transId"] = rid
        if status == "failed":
            response.update(responseCode="3", authCode="", errors=[{"errorCode": "54", "errorText":
                            "The referenced transaction does not meet the criteria for issuing a credit."}])
            response.pop("messages", None)
            data["messages"] = {"resultCode": "Error",
                                "message": [{"code": "E00027", "text": "The transaction was unsuccessful."}]}
        return data, refund_truth(truth, rid, amount, status)

    def new_refund_id(self, rng, pay):
        return "6" + random_digits(rng, 10)
