"""maib (Moldova Agroindbank, maibmerchants): the e-commerce (maib ecomm) callback, the MIA QR and Request to Pay
callbacks, the hosted Checkout callback and checkout answer, and the APIs' error answers.

Sources (docs.maibmerchants.md, stored pages; SDKs github.com/alexminza/maib-checkout-sdk-php and
alexminza/maib-mia-sdk-php):
- e-commerce Notifications on Callback URL (docs.maibmerchants.md/e-commerce/notifications-on-callback-url):
  {result {payId, orderId, status, statusCode, statusMessage, threeDs, rrn, approval, cardNumber, amount, currency},
  signature}; amounts decimals in the currency (10.25 MDL). Transaction and 3D-Secure status
  (docs.maibmerchants.md/e-commerce/transaction-and-3d-secure-status): OK successful, FAILED failed, CREATED just
  registered (customer not yet paid), PENDING not completed yet, DECLINED declined by maib ecomm, TIMEOUT timed out
  (the customer did not pay within 10 minutes).
- e-commerce API errors (docs.maibmerchants.md/e-commerce/errors/api-errors): {errors [{errorCode, errorMessage,
  errorArgs}], ok false}; 10000 internal error (500), 11001/11002 credentials (401), 11101 unregistered project IP
  (403), 12001-12016 invalid parameters (400).
- MIA QR Notifications on Callback URL (docs.maibmerchants.md/mia-qr-api/en/notifications-on-callback-url):
  {result {qrId, extensionId, qrStatus (Active, Paid), payId, referenceId, orderId, amount, commission, currency
  MDL, payerName, payerIban, executedAt, terminalId}, signature}; QR statuses (mia-qr-api/en/glossary): Active,
  Inactive (unused 30 days), Expired (validity passed unused), Paid, Cancelled (via /cancel).
- Request to Pay Callback Notifications (docs.maibmerchants.md/request-to-pay/api-reference/callback-notifications):
  {result {rtpId, rtpStatus Accepted, orderId, payId, amount, commission, currency MDL, payerName, payerIban,
  executedAt}, signature}; RTP statuses (maib-mia-sdk-php src/MaibMia/MaibMiaDescription.php RtpListDto, from SDK
  source): Created, Active, Cancelled, Accepted, Rejected, Expired.
- Checkout Callback Notifications (docs.maibmerchants.md/checkout/api-reference/callback-notifications): a flat
  body {checkoutId, paymentIntentId, merchantId, terminalId, amount, currency, completedAt, payer*, orderId, ...,
  paymentId, paymentAmount, paymentCurrency, paymentStatus, paymentExecutedAt, providerType, senderIban, ...} sent
  after a successful payment; the payment is paymentId / paymentAmount / paymentStatus (amount is the checkout's).
  Payment statuses (maib-checkout-sdk-php src/MaibCheckout/MaibCheckoutDescription.php PaymentListDto, from SDK
  source): Executed, PartiallyRefunded, Refunded, Failed; checkout statuses (same file, CheckoutListDto):
  WaitingForInit, Initialized, PaymentMethodSelected, Completed, Expired, Abandoned, Cancelled, Failed; the
  checkout answer {ok, errors, result CheckoutModel {id, status, paymentIntentId, amount, currency, ...}}.
- Checkout API Errors (docs.maibmerchants.md/checkout/api-reference/errors/api-errors): {ok false, errors
  [{errorCode "maib.merchant.payments-43001", errorMessage}]}: 42000-42007 validation (400), 43000 merchant not found,
  43001 checkout does not exist or expired (404).

Not mapped: the e-commerce statusCode of a failed card payment (the stored pages give "000" Approved in the example
but no table of codes), so a FAILED or DECLINED card payment's reason is UNKNOWN; providerType values other than
Ips (instant payments, an account-to-account transfer) are not documented in the stored pages.
"""

from __future__ import annotations

ECOMM_STATUSES = {
    "OK": "APPROVED",
    "FAILED": "DECLINED",
    "CREATED": "PENDING",
    "PENDING": "PENDING",
    "DECLINED": "DECLINED",
    "TIMEOUT": "CANCELLED",  # the customer did not pay within the 10 minutes: expired unpaid
}
QR_STATUSES = {"Paid": "APPROVED", "Active": "PENDING", "Inactive": "CANCELLED", "Expired": "CANCELLED",
               "Cancelled": "CANCELLED"}
RTP_STATUSES = {"Accepted": "APPROVED", "Created": "PENDING", "Active": "PENDING", "Cancelled": "CANCELLED",
                "Rejected": "DECLINED", "Expired": "CANCELLED"}
CHECKOUT_PAYMENT_STATUSES = {"Executed": "APPROVED", "PartiallyRefunded": "REFUNDED", "Refunded": "REFUNDED",
                             "Failed": "DECLINED"}
CHECKOUT_STATUSES = {"Completed": "APPROVED", "WaitingForInit": "PENDING", "Initialized": "PENDING",
                     "PaymentMethodSelected": "PENDING", "Expired": "CANCELLED", "Abandoned": "CANCELLED",
                     "Cancelled": "CANCELLED", "Failed": "DECLINED"}

ERROR_REASONS = {
    # e-commerce API
    "10000": "PROCESSING_ERROR",
    "11001": "CONFIGURATION_ERROR",
    "11002": "CONFIGURATION_ERROR",
    "11101": "CONFIGURATION_ERROR",
    **{str(code): "INVALID_REQUEST" for code in (12001, 12002, *range(12004, 12017))},
    # Checkout API
    **{f"maib.merchant.payments-4200{n}": "INVALID_REQUEST" for n in range(8)},
    "maib.merchant.payments-43000": "CONFIGURATION_ERROR",
    "maib.merchant.payments-43001": "INVALID_REQUEST",
}

PAYMENT_METHODS = {"Ips": "BANK_TRANSFER"}

_RESULT = {
    "provider_transaction_id": ["payId"],
    "amount": ["amount"],
    "currency": ["currency"],
    "event_time": ["executedAt"],
    "attempt_id": ["payId"],
    "payment_id": ["orderId"],
}

SPEC = {
    "provider": "maib",
    "aliases": ["maib", "maib ecomm", "maib e-commerce", "maib mia", "maib mia qr", "maib checkout",
                "maibmerchants", "maibmerchants.md", "maib.md", "moldova agroindbank", "maib rtp"],
    "detect": [
        {"path": "result.qrStatus", "in": list(QR_STATUSES), "weight": 0.3},
        {"path": "result.rtpStatus", "in": list(RTP_STATUSES), "weight": 0.3},
        {"path": "result.qrId", "exists": True, "weight": 0.2},
        {"path": "result.rtpId", "exists": True, "weight": 0.2},
        {"path": "result.payerIban", "exists": True, "weight": 0.1},
        {"path": "result.payId", "exists": True, "weight": 0.15},
        {"path": "result.statusMessage", "exists": True, "weight": 0.05},
        {"path": "result.threeDs", "in": ["AUTHENTICATED", "NOT_AUTHENTICATED", "UNAVAILABLE", "ATTEMPTED",
                                          "REJECTED", "SKIPPED", "NOTPARTICIPATED"], "weight": 0.15},
        {"path": "result.status", "in": list(ECOMM_STATUSES), "weight": 0.1},
        {"path": "signature", "exists": True, "weight": 0.05},
        {"path": "result.currency", "in": ["MDL"], "weight": 0.1},
        {"path": "checkoutId", "exists": True, "weight": 0.15},
        {"path": "paymentIntentId", "exists": True, "weight": 0.15},
        {"path": "paymentStatus", "in": list(CHECKOUT_PAYMENT_STATUSES), "weight": 0.15},
        {"path": "retrievalReferenceNumber", "exists": True, "weight": 0.05},
        {"path": "paymentExecutedAt", "exists": True, "weight": 0.1},
        {"path": "senderIban", "exists": True, "weight": 0.1},
        {"path": "paymentCurrency", "in": ["MDL"], "weight": 0.1},
        {"path": "errors.0.errorCode", "prefix": "maib.merchant.", "weight": 0.6},
    ],
    "amount_unit": "major",
    "status_map": ECOMM_STATUSES,
    "reason_map": ERROR_REASONS,
    "payment_method_map": PAYMENT_METHODS,
    "fields": {"status": ["status"]},
    "variants": [
        {
            "name": "mia.qr.callback",
            "root": "result",
            "match": {"^result.qrStatus": {"exists": True}},
            "status_map": QR_STATUSES,
            "default_payment_method": "BANK_TRANSFER",
            "fields": {**_RESULT, "status": ["qrStatus"], "merchant_id": ["terminalId"]},
        },
        {
            "name": "rtp.callback",
            "root": "result",
            "match": {"^result.rtpStatus": {"exists": True}},
            "status_map": RTP_STATUSES,
            "default_payment_method": "BANK_TRANSFER",
            "fields": {**_RESULT, "status": ["rtpStatus"]},
        },
        {
            "name": "ecomm.callback",
            "root": "result",
            "match": {"^result.payId": {"exists": True}, "^result.status": {"exists": True}},
            "default_payment_method": "CARD",
            "fields": {**_RESULT, "status": ["status"], "reason_code": ["statusCode"]},
        },
        {
            "name": "checkout.callback",
            "match": {"checkoutId": {"exists": True}, "paymentStatus": {"exists": True}},
            "status_map": CHECKOUT_PAYMENT_STATUSES,
            "fields": {
                "provider_transaction_id": ["paymentId"],
                "status": ["paymentStatus"],
                "amount": ["paymentAmount", "amount"],
                "currency": ["paymentCurrency", "currency"],
                "event_time": ["paymentExecutedAt", "completedAt"],
                "payment_method": ["providerType"],
                "merchant_id": ["merchantId"],
                "attempt_id": ["paymentId"],
                "payment_id": ["orderId"],
                "refund_id": [],
            },
        },
        {
            "name": "checkout.answer",
            "root": "result",
            "match": {"^ok": True, "^result.paymentIntentId": {"exists": True}, "^result.status": {"exists": True}},
            "event_kind": "PAYMENT",
            "status_map": CHECKOUT_STATUSES,
            "fields": {"provider_transaction_id": ["id"], "status": ["status"], "amount": ["amount"],
                       "currency": ["currency"], "event_time": ["createdAt"], "merchant_id": ["merchantId"],
                       "payment_id": ["id"]},
        },
        {
            "name": "error",
            "match": {"ok": False, "errors.0.errorCode": {"exists": True}},
            "status": "ERROR",
            "fields": {"reason_code": ["errors.0.errorCode"]},
        },
    ],
}
