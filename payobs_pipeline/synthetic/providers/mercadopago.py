"""MercadoPago in its own words: payments (GET /v1/payments/{id}) and refunds.

Ground truth written from MercadoPago's API documentation (status, status_detail, payment types),
independently of normalization/providers/mercadopago.py."""

from __future__ import annotations

from datetime import timedelta

from payobs_pipeline.synthetic.amounts import major_units_number
from payobs_pipeline.synthetic.payments import TEST_CARD_NUMBERS
from payobs_pipeline.synthetic.provider_base import LifecycleHooks, ProviderRenderer
from payobs_pipeline.synthetic.randomness import choice, randint, random_digits, random_token, randrange
from payobs_pipeline.synthetic.traffic_mix import STATUS_SHARES
from payobs_pipeline.synthetic.truth import refund_truth, with_changes
from payobs_pipeline.synthetic.vocabulary import EventKind, FailureReason, PaymentMethod, StatusCategory


class MercadoPagoRenderer(ProviderRenderer):
    name = "mercadopago"
    declines = {
        FailureReason.INSUFFICIENT_FUNDS: ["cc_rejected_insufficient_amount"],
        FailureReason.GENERIC_DECLINE: ["cc_rejected_other_reason", "cc_rejected_other_reason",
                                        "cc_rejected_call_for_authorize"],
        FailureReason.INVALID_CARD_DATA: ["cc_rejected_bad_filled_card_number", "cc_rejected_bad_filled_date",
                                          "cc_rejected_bad_filled_other"],
        FailureReason.INCORRECT_CVC: ["cc_rejected_bad_filled_security_code"],
        FailureReason.RISK_REJECTED: ["cc_rejected_high_risk", "cc_rejected_blacklist"],
        FailureReason.RESTRICTED_CARD: ["cc_rejected_card_disabled"],
        FailureReason.LIMIT_EXCEEDED: ["cc_rejected_max_attempts"],
        FailureReason.DUPLICATE: ["cc_rejected_duplicated_payment"],
    }
    statuses = frozenset(STATUS_SHARES) - {StatusCategory.UNKNOWN, StatusCategory.ERROR}

    # payment_method_id -> (payment_type_id, canonical)
    _TICKETS = {"BR": "bolbradesco", "MX": "oxxo", "AR": "pagofacil", "CO": "efecty", "CL": "servipag"}
    _TYPES = {"visa": ("credit_card", PaymentMethod.CARD), "master": ("credit_card", PaymentMethod.CARD),
              "amex": ("credit_card", PaymentMethod.CARD),
              "debvisa": ("debit_card", PaymentMethod.CARD), "debmaster": ("debit_card", PaymentMethod.CARD),
              "pix": ("bank_transfer", PaymentMethod.PIX), "pse": ("bank_transfer", PaymentMethod.BANK_TRANSFER),
              "bolbradesco": ("ticket", PaymentMethod.BOLETO), "oxxo": ("ticket", PaymentMethod.CASH_VOUCHER),
              "pagofacil": ("ticket", PaymentMethod.CASH_VOUCHER), "efecty": ("ticket", PaymentMethod.CASH_VOUCHER),
              "servipag": ("ticket", PaymentMethod.CASH_VOUCHER),
              "account_money": ("account_money", PaymentMethod.WALLET)}

    def setup(self, rng, pay, needs_card):
        r = rng.random()
        if needs_card or r < 0.62:
            pay.method = ("visa", "master", "amex", "debvisa", "debmaster")[int(r * 1e6) % 5]
        elif pay.country == "BR" and r < 0.85:
            pay.method = "pix"
        elif pay.country == "CO" and r < 0.8:
            pay.method = "pse"
        elif r < 0.9:
            pay.method = self._TICKETS[pay.country]
        else:
            pay.method = "account_money"
        pay.txn_id = str(randrange(rng, 10**10, 10**11))
        pay.aux["collector"] = randrange(rng, 10**8, 10**9)
        pay.aux["ext"] = "ORD" + random_digits(rng, 8)

    def render(self, rng, pay, out, when):
        st, reason, code = out
        ptype, method = self._TYPES[pay.method]
        card_like = ptype in ("credit_card", "debit_card")
        if st is StatusCategory.APPROVED:
            status, detail = ("authorized", "pending_capture") if card_like and rng.random() < 0.08 \
                else ("approved", "accredited")
        elif st is StatusCategory.PENDING:
            if card_like or ptype == "account_money":
                status, detail = "in_process", choice(rng, ("pending_contingency", "pending_review_manual"))
            elif ptype == "bank_transfer":
                status, detail = "pending", "pending_waiting_transfer"
            else:
                status, detail = "pending", "pending_waiting_payment"
        elif st is StatusCategory.DECLINED:
            status, detail = "rejected", code
        elif st is StatusCategory.CANCELLED:
            status, detail = "cancelled", "expired"  # never paid: the payment expired
        elif st is StatusCategory.REFUNDED:
            status, detail = "refunded", "refunded"
        else:
            status, detail = "charged_back", choice(rng, ("settled", "reimbursed", "in_process"))
        local = (when - timedelta(hours=4)).replace(tzinfo=None).isoformat(timespec="milliseconds") + "-04:00"
        amount = major_units_number(pay.amount_minor, pay.currency)
        body = {
            "id": int(pay.txn_id), "date_created": local,
            "date_approved": local if status in ("approved", "refunded", "charged_back") else None,
            "operation_type": "regular_payment",
            "issuer_id": str(randint(rng, 1, 400)) if card_like else None, "payment_method_id": pay.method,
            "payment_type_id": ptype, "status": status, "status_detail": detail, "currency_id": pay.currency,
            "description": "Pedido " + pay.aux["ext"], "live_mode": True, "collector_id": pay.aux["collector"],
            "payer": {"id": str(randrange(rng, 10**8, 10**10)),
                      "email": f"test_user_{randrange(rng, 10**6)}@testuser.com"},
            "external_reference": pay.aux["ext"], "transaction_amount": amount,
            "transaction_amount_refunded": amount if status == "refunded" else 0, "installments": 1,
            "transaction_details": {"total_paid_amount": amount},
            "captured": status != "authorized",
        }
        if status == "refunded":  # GET /v1/payments/{id} lists the payment's refunds
            body["refunds"] = [{"id": randrange(rng, 10**9, 10**10), "payment_id": int(pay.txn_id), "amount": amount,
                                "status": "approved", "date_created": local, "refund_mode": "standard"}]
        if card_like:
            body["card"] = {"first_six_digits": pay.card.bin, "last_four_digits": pay.card.last4,
                            "expiration_month": pay.card.exp_month, "expiration_year": pay.card.exp_year}
            if pay.pii:
                body["card"]["card_number"] = TEST_CARD_NUMBERS[2]
                body["card"]["security_code"] = "123"
        if pay.method == "pix" and status == "pending":
            body["point_of_interaction"] = {"type": "PIX",
                                            "transaction_data": {"qr_code": "00020126580014br.gov.bcb.pix"
                                                                 + random_token(rng, 40)}}
        return body, self.expected(pay, out, method,
                                   kind=EventKind.AUTHORIZATION if st is StatusCategory.CANCELLED else None)


class MercadoPagoLifecycle(LifecycleHooks):
    caps = frozenset({"retry", "capture", "void", "refund"})

    def new_attempt(self, rng, pay, new_payment):
        pay.method = ("visa", "master", "debvisa")[randrange(rng, 3)]
        pay.txn_id = str(randrange(rng, 10**10, 10**11))
        if new_payment:
            pay.aux["ext"] = "ORD" + random_digits(rng, 8)

    def _status(self, data, status, detail, captured):
        data.update(status=status, status_detail=detail, captured=captured)

    def auth_only(self, rng, pay, when):
        data, truth = self.auth(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        self._status(data, "authorized", "pending_capture", False)
        data["date_approved"] = None
        return data, truth

    def capture(self, rng, pay, when):
        data, truth = self.auth(rng, pay, self.renderer.outcome(rng, StatusCategory.APPROVED), when)
        self._status(data, "approved", "accredited", True)
        data["date_approved"] = data["date_created"]
        # The payment's later state, as a one-step payment also shows it: an authorization row, not a capture.
        return data, truth

    def void(self, rng, pay, when):
        data, truth = self.renderer.render(rng, pay, self.renderer.outcome(rng, StatusCategory.CANCELLED), when)
        self._status(data, "cancelled", "by_collector", False)  # an authorization released by the seller
        return data, with_changes(truth, kind=EventKind.VOID)

    def refund(self, rng, pay, when, rid, amount, status, first):
        # GET /v1/payments/{id}/refunds/{refund_id}
        local = (when - timedelta(hours=4)).replace(tzinfo=None).isoformat(timespec="milliseconds") + "-04:00"
        data = {"id": int(rid), "payment_id": int(pay.txn_id), "amount": major_units_number(amount, pay.currency),
                "metadata": {}, "source": {"id": str(pay.aux["collector"]), "name": "Seller", "type": "collector"},
                "date_created": local, "unique_sequence_number": None, "refund_mode": "standard",
                "adjustment_amount": 0, "status": {"succeeded": "approved", "pending": "in_process",
                                                   "failed": "rejected"}[status],
                "reason": None, "amount_refunded_to_payer": major_units_number(amount, pay.currency)}
        truth = self.renderer.expected(pay, self.renderer.outcome(rng, StatusCategory.REFUNDED), None, rid, amount)
        return data, refund_truth(truth, rid, amount, status)

    def new_refund_id(self, rng, pay):
        return random_digits(rng, 10)
