"""iugu (Brazil): the invoice (fatura), the direct-charge answer (cobrança direta), the form-encoded invoice
triggers (gatilhos) and the API error body.

Sources:
- https://dev.iugu.com/docs/faturas ("Segue abaixo a lista de status que a fatura pode assumir"): pending (not
  yet paid), paid (Pix made, boleto cleared or card transaction captured), canceled (cannot be paid any more),
  in_analysis (first step of two-step charging), draft (data saved, not issued), partially_paid (part of a
  boleto paid), refunded (payer refunded), expired (past its due date, cannot be paid), in_protest (a paid card
  invoice the cardholder does not recognize), chargeback (the dispute was lost), externally_paid (paid outside
  iugu); authorized (a card payment authorized, capture pending) and partially_refunded appear on invoices too.
- The invoice object (dev.iugu.com/reference "Buscar fatura"): id (32 hex characters), currency, total_cents,
  total_paid_cents, paid_cents, status, payable_with, payment_method (iugu_credit_card, iugu_bank_slip,
  iugu_pix, and their *_test forms), secure_id, secure_url (https://faturas.iugu.com/...), credit_card_brand,
  credit_card_tid, paid_at, created_at, updated_at, order_id, account_id, customer_id.
- Direct charge (POST /v1/charge, "Cobrança direta"; pub.dev iugu ChargeResponseMessage: errors, url, success,
  invoice_id, message, pdf): ``{"message": "Autorizado", "errors": {}, "success": true, "url", "pdf",
  "identification", "invoice_id", "LR": "00"}``; a refused card gives ``success: false`` and its LR (the
  acquirer's return code). A bank slip (boleto) answers success true with no LR: issued, awaiting payment.
- LR codes (support.iugu.com "Como identificar o erro da tentativa de pagamento", as transcribed in
  gist.github.com/flpms/0d98ea5e46e85dee8e85506567a89ef0): the acquirers' ABECS / ISO 8583 return codes
  (00 authorized, 01/02 referred - suspected fraud, 04 blocked, 05 not authorized, 51 insufficient funds, 54
  expired, 57 not permitted, 59 suspected fraud, 61 limit, 91 issuer unavailable, 96 system failure, ...), read
  through the shared ABECS table, then ISO 8583.
- Triggers (https://dev.iugu.com/docs/gatilhos): sent as application/x-www-form-urlencoded ``event`` plus
  ``data[...]``: invoice.created / invoice.status_changed (data[id], data[status], data[account_id],
  data[subscription_id]), invoice.payment_failed (data[id], data[status], data[lr] and data[message] of the
  refused attempt), invoice.refund, invoice.due, invoice.released, invoice.installment_released; subscription.*,
  withdraw_request.*, referrals.* and the like are not payments.
- Errors: 401 ``{"errors": "Unauthorized"}``, 404 ``{"errors": "Not Found"}``, 422 ``{"errors": {"field":
  ["message"]}}``.

Payment methods: iugu_bank_slip (boleto) -> BOLETO, iugu_pix -> PIX (docs/taxonomy.md), iugu_credit_card -> CARD.

Lifecycle identity: the invoice is what the customer pays (payment_id, the invoice id); iugu names no attempt
of its own, so a direct charge or a failed-payment trigger is the attempt of its invoice (attempt_id the invoice
id: several refused tries of one invoice are one attempt, counted by its last outcome).
"""

from __future__ import annotations

from payobs_pipeline.normalization.providers._abecs import ABECS_REASONS

STATUSES = {
    "pending": "PENDING",
    "draft": "PENDING",
    "in_analysis": "PENDING",
    "partially_paid": "PENDING",  # part of a boleto paid: the rest is still due
    "authorized": "APPROVED",
    "paid": "APPROVED",
    "externally_paid": "APPROVED",
    "canceled": "CANCELLED",
    "expired": "CANCELLED",
    "refunded": "REFUNDED",
    "partially_refunded": "REFUNDED",
    "in_protest": "CHARGEBACK",
    "chargeback": "CHARGEBACK",
}

# The direct charge's "success".
CHARGE_OUTCOMES = {"true": "APPROVED", "false": "DECLINED"}

REASONS = {
    **ABECS_REASONS,
    # LR codes of iugu's table beyond ABECS (support.iugu.com, gist transcription).
    "01": {"reason": "SUSPECTED_FRAUD", "decline_type": "SOFT"},  # referida (suspeita de fraude) pelo emissor
    "1": {"reason": "SUSPECTED_FRAUD", "decline_type": "SOFT"},
    "02": {"reason": "SUSPECTED_FRAUD", "decline_type": "SOFT"},
    "2": {"reason": "SUSPECTED_FRAUD", "decline_type": "SOFT"},
    "AA": "TIMEOUT",  # tempo excedido
    "BV": {"reason": "EXPIRED_CARD", "decline_type": "HARD"},  # cartão vencido
    "FA": {"reason": "SUSPECTED_FRAUD", "decline_type": "HARD"},  # AmEx: suspeita de fraude
}

PAYMENT_METHODS = {
    **{m: "CARD" for m in ("iugu_credit_card", "iugu_credit_card_test", "credit_card")},
    **{m: "BOLETO" for m in ("iugu_bank_slip", "iugu_bank_slip_test", "bank_slip")},
    **{m: "PIX" for m in ("iugu_pix", "iugu_pix_test", "pix")},
}

_INVOICE_FIELDS = {
    "provider_transaction_id": ["id"],
    "status": ["status"],
    "reason_code": ["LR", "lr"],
    "amount": ["total_cents", "items_total_cents"],
    "currency": ["currency"],
    "event_time": ["paid_at", "updated_at", "created_at_iso", "created_at"],
    "payment_method": ["payment_method", "payable_with"],
    "card_brand": ["credit_card_brand"],
    "merchant_id": ["account_id"],
    "payment_id": ["id"],
    "refund_id": ["refund_id"],
}

SPEC = {
    "provider": "iugu",
    "aliases": ["iugu", "iugu pagamentos", "iugu.com", "iugu api"],
    "detect": [
        # Invoice object.
        {"path": "secure_url", "prefix": ["https://faturas.iugu.com/"], "weight": 0.6},
        {"path": "secure_id", "exists": True, "weight": 0.1},
        {"path": "total_cents", "exists": True, "weight": 0.1},
        {"path": "items_total_cents", "exists": True, "weight": 0.1},
        {"path": "payable_with", "exists": True, "weight": 0.1},
        {"path": "payment_method", "prefix": "iugu_", "weight": 0.3},
        # Direct charge answer.
        {"path": "LR", "exists": True, "weight": 0.3},
        {"path": "url", "prefix": ["https://faturas.iugu.com/"], "weight": 0.5},
        {"path": "invoice_id", "exists": True, "weight": 0.1},
        # Form-encoded triggers.
        {"path": "data[id]", "exists": True, "weight": 0.2},
        {"path": "data[account_id]", "exists": True, "weight": 0.2},
        {"path": "event", "prefix": ["invoice.", "withdraw_request.", "subscription.", "referrals.",
                                     "payment_request."], "weight": 0.1},
        {"path": "data[status]", "in": list(STATUSES), "weight": 0.1},
        {"path": "data[lr]", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "minor",
    "default_currency": "BRL",
    "status_map": STATUSES,
    "reason_map": REASONS,
    "reason_fallback": "iso8583",
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            "name": "trigger_payment_failed",
            "match": {"event": "invoice.payment_failed", "data[id]": {"exists": True}},
            "status": "DECLINED",
            "event_kind": "AUTHORIZATION",
            "fields": {"provider_transaction_id": ["data[id]"], "status": ["data[status]"],
                       "reason_code": ["data[lr]", "data[message]"], "merchant_id": ["data[account_id]"],
                       "attempt_id": ["data[id]"], "payment_id": ["data[id]"]},
        },
        {
            "name": "trigger_invoice",
            "match": {"event": {"prefix": "invoice."}, "data[status]": {"exists": True}},
            "event_kind": "PAYMENT",
            "fields": {"provider_transaction_id": ["data[id]"], "status": ["data[status]"],
                       "amount": ["data[paid_cents]"], "payment_method": ["data[payment_method]"],
                       "event_time": ["data[paid_at]"], "merchant_id": ["data[account_id]"],
                       "payment_id": ["data[id]"]},
            "rules": [{"when": {"data[status]": ["in_protest", "chargeback"]}, "set": {"event_kind": "DISPUTE"}},
                      {"when": {"data[status]": ["refunded", "partially_refunded"]}, "set": {"event_kind": "REFUND"}}],
        },
        {
            "name": "trigger_other",
            "match": {"event": {"exists": True}, "data[id]": {"exists": True}},
            "not_a_payment": "an iugu trigger about a subscription, withdrawal, referral or account",
        },
        {
            "name": "direct_charge",
            "match": {"success": {"exists": True}, "invoice_id": {"exists": True}},
            "event_kind": "AUTHORIZATION",
            "fields": {"provider_transaction_id": ["invoice_id"], "status": ["success"],
                       "reason_code": ["LR", "message"], "card_brand": ["brand"],
                       "attempt_id": ["invoice_id"], "payment_id": ["invoice_id"]},
            "status_map": CHARGE_OUTCOMES,
            "rules": [
                # A bank slip issued: success, no LR, the boleto's PDF to pay.
                {"when": {"success": True, "LR": {"exists": False}, "pdf": {"exists": True}},
                 "set": {"status_category": "PENDING", "payment_method": "BOLETO"}},
                {"when": {"LR": {"exists": True}}, "set": {"payment_method": "CARD"}},
            ],
        },
        {
            "name": "error",
            "match": {"errors": {"exists": True}, "id": {"exists": False}},
            "status": "ERROR",
            "default_currency": None,
            "fields": {"reason_code": ["errors"]},
            # 422 validation ({"errors": {field: [...]}}) and 404 ("Not Found"): the request; 401: the API token.
            "rules": [
                {"when": {}, "set": {"failure_reason": "INVALID_REQUEST"}},
                {"when": {"errors": ["Unauthorized", "Forbidden"]}, "set": {"failure_reason": "CONFIGURATION_ERROR"}},
            ],
        },
        {
            "name": "invoice",
            "match": {"id": {"exists": True}, "status": {"exists": True},
                      "total_cents": {"exists": True}},
            "event_kind": "PAYMENT",
            "fields": _INVOICE_FIELDS,
            "rules": [{"when": {"status": ["in_protest", "chargeback"]}, "set": {"event_kind": "DISPUTE"}},
                      {"when": {"status": ["refunded", "partially_refunded"]}, "set": {"event_kind": "REFUND"}}],
        },
    ],
}
