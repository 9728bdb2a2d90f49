"""PayU Latam: Payments API responses, Queries API order details and confirmation-page posts.

PayU Latam (Colombia, Mexico, Brazil, Argentina, Peru, Chile, Panama) is the
PayU of this pipeline's merchants; PayU India/EMEA use other APIs entirely.

Sources (PayU Latam developer docs and the official Java SDK):
- https://developers.payulatam.com/latam/en/docs/getting-started/response-codes-and-variables.html
  (transactionResponse.responseCode values, transaction states)
- https://developers.payulatam.com/latam/en/docs/integrations/webcheckout-integration/confirmation-page.html
  (confirmation page: x-www-form-urlencoded POST; state_pol, response_code_pol,
  response_message_pol, value, currency, transaction_id, payment_method_type ...)
- https://developers.payulatam.com/latam/en/docs/integrations/api-integration/payments-api-colombia.html
  (SUBMIT_TRANSACTION response: code, error, transactionResponse.{orderId, transactionId,
  state, responseCode, pendingReason, operationDate, extraParameters})
- https://developers.payulatam.com/latam/en/docs/integrations/api-integration/queries-api.html
  (ORDER_DETAIL: result.payload.{status, transactions[], additionalValues.TX_VALUE};
  ORDER_DETAIL_BY_REFERENCE_CODE: result.payload is a list of such orders;
  TRANSACTION_RESPONSE_DETAIL: result.payload is a transactionResponse, without amount)
- https://developers.payulatam.com/latam/en/docs/integrations/webcheckout-integration/response-page.html
  (response page GET parameters: transactionState, lapTransactionState, polResponseCode, lapResponseCode,
  TX_VALUE, currency, transactionId, lapPaymentMethod, lapPaymentMethodType, processingDate)
- github.com/developers-payu-latam SDKs: TransactionState (APPROVED 4, DECLINED 6, ERROR 104,
  PENDING 7, EXPIRED 5, SUBMITTED 103), TransactionResponseCode, OrderStatus, PaymentMethod
- payments-api-colombia transactionResponse.paymentNetworkResponseCode / paymentNetworkResponseErrorMessage (the
  payment network's own code, ISO 8583: read when PayU's responseCode is a generic ENTITY_DECLINED /
  PAYMENT_NETWORK_REJECTED); a refused request is {"code": "ERROR", "error": "...", "transactionResponse": null}
- payments-api refunds and voids (transaction.type REFUND / VOID with parentTransactionId; a refund is
  answered PENDING with pendingReason PENDING_REVIEW and no transactionId) and payments-api-mexico
  cash responses (extraParameters REFERENCE, EXPIRATION_DATE, BAR_CODE, URL_PAYMENT_RECEIPT_HTML)
- PayU India (PayU Biz / PayUmoney, payu.in), the same PayU group's Indian gateway: its hosted-checkout return
  (surl/furl POST) and webhook are form posts with mihpayid (PayU's payment id), txnid (the merchant's), status
  (success / failure / pending), unmappedstatus, mode (CC, DC, NB, UPI, CASH (wallets), EMI, ...), amount (a decimal
  in rupees), error (E000: no error) and error_Message. docs.payu.in/reference-link/payment-state-explanations
  ("You must map the order status using the payment state specified in the Status column": auth, captured ->
  Success; userCancelled (cancelled by the customer), bounced (the customer did not complete the payment), dropped
  (PayU got no response from the payment gateway), failed -> Failure); docs.payu.in/docs/webhook-events-and-sample-
  payloads and /reference-link/_payment_merchant_hosted_cb_lrs (sample raw responses); docs.payu.in/docs/error-codes
  (the error parameter's E-codes). PayU India charges Indian rupees: the post carries no currency field, INR.
Amounts are decimal numbers in major units (TX_VALUE.value, confirmation `value`).
PayU does not state soft/hard on its response codes: decline types are the reasons' defaults.
"""

_PSP_RISK = {"reason": "RISK_REJECTED", "source": "PSP_RISK"}

# transactionResponse.responseCode / confirmation response_message_pol (the
# documented response-code table). Pending codes (PENDING_TRANSACTION_REVIEW,
# PENDING_TRANSACTION_CONFIRMATION, PENDING_TRANSACTION_TRANSMISSION,
# PENDING_AWAITING_PSE_CONFIRMATION) only come with a PENDING state, so they
# are not failure reasons.
RESPONSE_CODES = {
    "ERROR": "PROCESSING_ERROR",
    "ANTIFRAUD_REJECTED": _PSP_RISK,
    "BANK_FRAUD_REJECTED": "SUSPECTED_FRAUD",
    "PAYMENT_NETWORK_REJECTED": "GENERIC_DECLINE",
    "ENTITY_DECLINED": "GENERIC_DECLINE",
    "INTERNAL_PAYMENT_PROVIDER_ERROR": "PROCESSING_ERROR",
    "INACTIVE_PAYMENT_PROVIDER": "CONFIGURATION_ERROR",
    "DIGITAL_CERTIFICATE_NOT_FOUND": "PROCESSING_ERROR",  # network-side authentication error
    "INVALID_EXPIRATION_DATE_OR_SECURITY_CODE": "INVALID_CARD_DATA",
    "INVALID_RESPONSE_PARTIAL_APPROVAL": "PROCESSING_ERROR",  # PayU voids partial approvals itself
    "INSUFFICIENT_FUNDS": "INSUFFICIENT_FUNDS",
    "CREDIT_CARD_NOT_AUTHORIZED_FOR_INTERNET_TRANSACTIONS": "TRANSACTION_NOT_PERMITTED",
    "INVALID_TRANSACTION": "TRANSACTION_NOT_PERMITTED",
    "INVALID_CARD": "INVALID_CARD_DATA",
    "EXPIRED_CARD": "EXPIRED_CARD",
    "RESTRICTED_CARD": "RESTRICTED_CARD",
    "CONTACT_THE_ENTITY": "GENERIC_DECLINE",
    "REPEAT_TRANSACTION": "ISSUER_UNAVAILABLE",  # ISO 19 "re-enter transaction"
    "ENTITY_MESSAGING_ERROR": "ISSUER_UNAVAILABLE",
    "BANK_UNREACHABLE": "ISSUER_UNAVAILABLE",
    "EXCEEDED_AMOUNT": "LIMIT_EXCEEDED",
    "NOT_ACCEPTED_TRANSACTION": "GENERIC_DECLINE",
    "ERROR_CONVERTING_TRANSACTION_AMOUNTS": "PROCESSING_ERROR",
    "EXPIRED_TRANSACTION": "TIMEOUT",
    "PAYMENT_NETWORK_BAD_RESPONSE": "PROCESSING_ERROR",
    "PAYMENT_NETWORK_NO_CONNECTION": "PROCESSING_ERROR",
    "PAYMENT_NETWORK_NO_RESPONSE": "TIMEOUT",
    "BANK_ACCOUNT_ACTIVATION_ERROR": "TRANSACTION_NOT_PERMITTED",
    "BANK_ACCOUNT_NOT_AUTHORIZED_FOR_AUTOMATIC_DEBIT": "TRANSACTION_NOT_PERMITTED",
    # Also "Automatic debit not allowed" (response-codes table, code 8): the account or bank details are wrong.
    "INVALID_AGENCY_BANK_ACCOUNT": "INVALID_CARD_DATA",
    "INVALID_BANK_ACCOUNT": "INVALID_CARD_DATA",
    "INVALID_BANK": "INVALID_CARD_DATA",
    # "Clinic" codes: PayU's own reconciliation of transactions left in doubt.
    "FIX_NOT_REQUIRED": "PROCESSING_ERROR",
    "AUTOMATICALLY_FIXED_AND_SUCCESS_REVERSAL": "PROCESSING_ERROR",
    "AUTOMATICALLY_FIXED_AND_UNSUCCESS_REVERSAL": "PROCESSING_ERROR",
    "AUTOMATIC_FIXED_NOT_SUPPORTED": "PROCESSING_ERROR",
    "NOT_FIXED_FOR_ERROR_STATE": "PROCESSING_ERROR",
    "ERROR_FIXING_AND_REVERSING": "PROCESSING_ERROR",
    "ERROR_FIXING_INCOMPLETE_DATA": "PROCESSING_ERROR",
}

# Confirmation page response_code_pol: numeric codes of the same table, used
# only when response_message_pol is missing (9999 covers several internal errors).
CONFIRMATION_CODES = {
    "4": "GENERIC_DECLINE",  # PAYMENT_NETWORK_REJECTED
    "5": "GENERIC_DECLINE",  # ENTITY_DECLINED
    "6": "INSUFFICIENT_FUNDS",
    "7": "INVALID_CARD_DATA",  # INVALID_CARD
    "8": "GENERIC_DECLINE",  # CONTACT_THE_ENTITY
    "9": "EXPIRED_CARD",
    "10": "RESTRICTED_CARD",
    "12": "INVALID_CARD_DATA",  # INVALID_EXPIRATION_DATE_OR_SECURITY_CODE
    "13": "ISSUER_UNAVAILABLE",  # REPEAT_TRANSACTION
    "14": "TRANSACTION_NOT_PERMITTED",  # INVALID_TRANSACTION
    "17": "LIMIT_EXCEEDED",  # EXCEEDED_AMOUNT
    "22": "TRANSACTION_NOT_PERMITTED",  # CREDIT_CARD_NOT_AUTHORIZED_FOR_INTERNET_TRANSACTIONS
    "23": _PSP_RISK,  # ANTIFRAUD_REJECTED
    "9995": "PROCESSING_ERROR",  # DIGITAL_CERTIFICATE_NOT_FOUND
    "9996": "ISSUER_UNAVAILABLE",  # BANK_UNREACHABLE
    "9997": "ISSUER_UNAVAILABLE",  # ENTITY_MESSAGING_ERROR
    "9998": "GENERIC_DECLINE",  # NOT_ACCEPTED_TRANSACTION
    "9999": "PROCESSING_ERROR",  # ERROR, INTERNAL_PAYMENT_PROVIDER_ERROR, ...
}

# Payments API transaction states, and their numeric codes on the confirmation
# page (state_pol) and the response page (transactionState).
STATES = {
    "APPROVED": "APPROVED", "4": "APPROVED",
    "DECLINED": "DECLINED", "6": "DECLINED",
    "ERROR": "ERROR", "104": "ERROR",
    "EXPIRED": "CANCELLED", "5": "CANCELLED",  # cash/bank reference not paid in time
    "PENDING": "PENDING", "7": "PENDING",
    "SUBMITTED": "PENDING", "103": "PENDING",
}

# Queries API ORDER_DETAIL order status.
ORDER_STATUSES = {
    "NEW": "PENDING",
    "IN_PROGRESS": "PENDING",
    "AUTHORIZED": "APPROVED",
    "CAPTURED": "APPROVED",
    "CANCELLED": "CANCELLED",
    "DECLINED": "DECLINED",
    "REFUNDED": "REFUNDED",
}

PAYMENT_METHODS = {
    **dict.fromkeys(
        ["VISA", "VISA_DEBIT", "MASTERCARD", "MASTERCARD_DEBIT", "AMEX", "DINERS", "DISCOVER", "ELO", "HIPERCARD",
         "CODENSA", "SHOPPING", "NARANJA", "CABAL", "ARGENCARD", "PRESTO", "RIPLEY", "CENCOSUD", "TARJETA_SHOPPING"],
        "CARD",
    ),
    "PSE": "BANK_TRANSFER",
    "SPEI": "BANK_TRANSFER",
    **dict.fromkeys(["BCP", "BAJIO", "BANAMEX", "BANCOMER", "HSBC", "IXE", "SANTANDER", "SCOTIABANK"],
                    "BANK_TRANSFER"),  # Mexico/Peru bank references
    **dict.fromkeys(
        ["BALOTO", "EFECTY", "OTHERS_CASH", "OTHERS_CASH_MX", "SEVEN_ELEVEN", "OXXO", "RAPIPAGO", "PAGOFACIL",
         "BAPRO", "COBRO_EXPRESS", "SERVIPAG", "SENCILLITO", "PAGOEFECTIVO", "RIPSA", "SU_RED", "SU_CHANCE"],
        "CASH_VOUCHER",
    ),
    "BOLETO_BANCARIO": "BOLETO",
    "PIX": "PIX",
    "NEQUI": "WALLET",
    "BANCOLOMBIA_BUTTON": "BANK_TRANSFER",
    # confirmation page payment_method_type: 2 credit card, 4 PSE, 5 ACH debit,
    # 6 debit card, 7 cash, 8 bank reference, 10 bank transfer, 14 SPEI
    "2": "CARD", "4": "BANK_TRANSFER", "5": "DIRECT_DEBIT", "6": "CARD", "7": "CASH_VOUCHER",
    "8": "BANK_TRANSFER", "10": "BANK_TRANSFER", "14": "BANK_TRANSFER",
    # response page lapPaymentMethodType
    "CREDIT_CARD": "CARD", "DEBIT_CARD": "CARD", "CASH": "CASH_VOUCHER", "REFERENCED": "BANK_TRANSFER",
    "BANK_REFERENCED": "BANK_TRANSFER", "ACH": "DIRECT_DEBIT",
}

_API_STATES = ["APPROVED", "DECLINED", "ERROR", "EXPIRED", "PENDING", "SUBMITTED"]

# PayU Europe (GPO, REST API v2.1; same provider, another API): order notifications and order retrieval.
# developers.payu.com/europe/docs/payment-flows/lifecycle: order status PENDING "payment is currently being
# processed", WAITING_FOR_CONFIRMATION "PayU is currently waiting for the merchant system to receive (capture) the
# payment" (auto-receive off: authorized, not captured), COMPLETED "payment has been accepted", CANCELED "payment
# has been cancelled and the buyer has not been charged"; NEW is an order created and not yet paid (order create
# / retrieve). Notifications are {"order": {orderId, extOrderId, orderCreateDate, merchantPosId, currencyCode,
# totalAmount, payMethod.type, status, ...}, "localReceiptDateTime", "properties": [{"name": "PAYMENT_ID", ...}]};
# GET /api/v2_1/orders/{orderId} answers {"orders": [...], "status": {"statusCode": "SUCCESS"}}.
# Amounts are in the currency's lowest unit (developers.payu.com/europe/docs/payment-flows/refunds: "Specify prices
# using the lowest currency unit ... 1000 ... would be equivalent to 10 PLN"; HUF also times 100, its ISO exponent).
_EUROPE_ORDER_STATUSES = {
    "NEW": "PENDING",
    "PENDING": "PENDING",
    "WAITING_FOR_CONFIRMATION": "APPROVED",
    "COMPLETED": "APPROVED",
    "CANCELED": "CANCELLED",
}
# payMethod.type (developers.payu.com/europe: PBL online or standard transfer, CARD_TOKEN card, INSTALLMENTS PayU
# installments).
_EUROPE_METHODS = {"PBL": "BANK_TRANSFER", "CARD_TOKEN": "CARD", "INSTALLMENTS": "BNPL"}
_EUROPE_ORDER_FIELDS = {
    "provider_transaction_id": ["orderId"],
    "status": ["status"],
    "amount": ["totalAmount"],
    "currency": ["currencyCode"],
    "event_time": ["^localReceiptDateTime", "orderCreateDate"],
    "payment_method": ["payMethod.type"],
    "merchant_id": ["merchantPosId"],
    "payment_id": ["orderId"],
}
# Refund notifications (developers.payu.com/europe/docs/payment-flows/refunds): {"orderId", "extOrderId",
# "refund": {refundId, amount, currencyCode, status PENDING / CANCELED / FINALIZED, statusDateTime, reason,
# reasonDescription, refundDate}}: FINALIZED the money went back, CANCELED the refund was not made.
_EUROPE_REFUND_STATUSES = {"PENDING": "PENDING", "FINALIZED": "REFUNDED", "CANCELED": "CANCELLED"}

_TX = "transactions.0"

# PayU India unmappedstatus (docs.payu.in/reference-link/payment-state-explanations) and status.
_INDIA_STATUSES = {
    "auth": "APPROVED",  # authorized at the bank, not yet captured at PayU
    "captured": "APPROVED",
    "usercancelled": "CANCELLED",  # cancelled by the customer
    "bounced": "CANCELLED",  # the customer did not complete the payment (abandoned)
    "dropped": "UNKNOWN",  # PayU got no response from the payment gateway
    "failed": "DECLINED",
    "success": "APPROVED",
    "failure": "DECLINED",
    "pending": "PENDING",
    "in progress": "PENDING",
    "initiated": "PENDING",
}
# PayU India mode: CC credit card, DC debit card, NB net banking, UPI, CASH (wallets), EMI (card EMI).
_INDIA_MODES = {"CC": "CARD", "DC": "CARD", "EMI": "CARD", "NB": "BANK_TRANSFER", "UPI": "BANK_TRANSFER",
                "CASH": "WALLET"}

SPEC = {
    "provider": "payu",
    "aliases": ["payu", "payu_latam", "payulatam", "payu latam", "payu_colombia", "payu_mexico", "payu_brasil",
                "payu_europe", "payu_pl", "payu_poland", "payu india", "payu_india", "payu_in", "payuin", "payubiz",
                "payu_biz", "payumoney"],
    "detect": [
        {"path": "transactionResponse.orderId", "exists": True, "weight": 0.4},
        {"path": "transactionResponse.state", "in": _API_STATES, "weight": 0.3},
        {"path": "transactionResponse.responseCode", "in": ["APPROVED", *RESPONSE_CODES,
                                                            "PENDING_TRANSACTION_REVIEW",
                                                            "PENDING_TRANSACTION_CONFIRMATION",
                                                            "PENDING_TRANSACTION_TRANSMISSION"], "weight": 0.3},
        {"path": "result.payload.transactions.0.transactionResponse", "exists": True, "weight": 0.8},
        {"path": "state_pol", "exists": True, "weight": 0.6},
        {"path": "response_code_pol", "exists": True, "weight": 0.2},
        {"path": "reference_pol", "exists": True, "weight": 0.2},
        {"path": "lapTransactionState", "exists": True, "weight": 0.6},
        {"path": "lapResponseCode", "exists": True, "weight": 0.2},
        # The response page kept with its numeric fields only (transactionState, polResponseCode, reference_pol).
        {"path": "polResponseCode", "exists": True, "weight": 0.3},
        {"path": "transactionState", "in": ["4", "5", "6", "7", "104", 4, 5, 6, 7, 104], "weight": 0.2},
        {"path": "polTransactionState", "exists": True, "weight": 0.1},
        {"path": "result.payload.state", "in": _API_STATES, "weight": 0.3},
        {"path": "result.payload.responseCode", "in": ["APPROVED", *RESPONSE_CODES], "weight": 0.3},
        # A refused request: {"code": "ERROR", "error": "...", "transactionResponse" / "result": null}.
        {"path": "code", "in": ["ERROR"], "weight": 0.3},
        {"path": "error", "exists": True, "weight": 0.2},
        # PayU Europe: the order's point of sale (merchantPosId) and status words of its own.
        {"path": "order.merchantPosId", "exists": True, "weight": 0.4},
        {"path": "order.status", "in": ["WAITING_FOR_CONFIRMATION"], "weight": 0.3},
        # The order notification's body is {"order": {...}} (developers.payu.com/europe/docs/payment-flows/
        # lifecycle "Notifications": order.status NEW, PENDING, WAITING_FOR_CONFIRMATION, COMPLETED, CANCELED, the
        # last spelled with one L); integrations may keep only the order's status.
        {"path": "order.status", "in": ["NEW", "PENDING", "WAITING_FOR_CONFIRMATION", "COMPLETED", "CANCELED"],
         "weight": 0.5},
        {"path": "order.totalAmount", "exists": True, "weight": 0.1},
        {"path": "orders.0.merchantPosId", "exists": True, "weight": 0.4},
        {"path": "refund.refundId", "exists": True, "weight": 0.2},
        {"path": "refund.status", "in": ["FINALIZED"], "weight": 0.3},
        # PayU India: mihpayid is PayU India's own payment id field.
        {"path": "mihpayid", "exists": True, "weight": 0.7},
        {"path": "unmappedstatus", "exists": True, "weight": 0.2},
    ],
    "amount_unit": "major",
    "status_map": STATES,
    "reason_map": RESPONSE_CODES,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        {
            # PayU India return / webhook post (see the docstring). status is the merchant-facing outcome,
            # unmappedstatus the finer state that says what a failure was.
            "name": "india.response",
            "match": {"mihpayid": {"exists": True}, "status": {"exists": True}},
            "default_currency": "INR",
            "fields": {
                "provider_transaction_id": ["mihpayid"],
                "status": ["unmappedstatus", "status"],
                "reason_code": ["error"],
                "amount": ["amount"],
                "payment_method": ["mode"],
                "attempt_id": ["mihpayid"],
                "payment_id": ["txnid"],
            },
            "status_map": _INDIA_STATUSES,
            "payment_method_map": _INDIA_MODES,
            "rules": [
                {"when": {"unmappedstatus": "failed"}, "set": {"failure_reason": "GENERIC_DECLINE"}},
                {"when": {"unmappedstatus": "dropped"}, "set": {"failure_reason": "TIMEOUT"}},
            ],
        },
        {
            # Confirmation page (webhook): form-encoded POST of the final state.
            "name": "confirmation",
            "match": {"state_pol": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["transaction_id", "reference_pol"],
                "status": ["state_pol"],
                "reason_code": ["response_message_pol", "response_code_pol"],
                "amount": ["value"],
                "currency": ["currency"],
                "event_time": ["transaction_date", "date"],
                "payment_method": ["payment_method_name", "payment_method_type"],
                "card_brand": ["payment_method_name"],
                "customer_country": ["billing_country"],
                "merchant_id": ["merchant_id"],
                # reference_pol is PayU's order (the payment the payer may retry: "a confirmation page
                # is generated for each transaction"); transaction_id is the attempt.
                "payment_id": ["reference_pol"],
            },
            "reason_map": CONFIRMATION_CODES,
            "rules": [
                # A PSE/cash payer who walked away: abandoned, not refused.
                {"when": {"response_message_pol": "ABANDONED_TRANSACTION"}, "set": {"status_category": "CANCELLED"}},
                # A refund's or void's own transaction: the page does not name the transaction it reverses.
                {"when": {"transaction_type": "REFUND"}, "set": {"event_kind": "REFUND", "status_category": "REFUNDED"}},
                {"when": {"transaction_type": "REFUND", "state_pol": ["6", "5", "104", "DECLINED", "EXPIRED", "ERROR"]},
                 "set": {"status_category": "DECLINED"}},
                {"when": {"transaction_type": ["VOID", "CANCELLATION"]},
                 "set": {"event_kind": "VOID", "status_category": "CANCELLED"}},
                {"when": {"transaction_type": ["VOID", "CANCELLATION"],
                          "state_pol": ["6", "5", "104", "DECLINED", "EXPIRED", "ERROR"]},
                 "set": {"status_category": "ERROR"}},
                {"when": {"transaction_type": "CAPTURE"}, "set": {"event_kind": "CAPTURE"}},
            ],
        },
        {
            # Queries API ORDER_DETAIL: the order with its transactions and TX_VALUE.
            "name": "order_detail",
            "match": {"result.payload.transactions": {"exists": True}},
            "root": "result.payload",
            "fields": {
                "provider_transaction_id": [f"{_TX}.id"],
                "status": ["status"],
                "reason_code": [f"{_TX}.transactionResponse.responseCode",
                                f"{_TX}.transactionResponse.paymentNetworkResponseCode"],
                "amount": ["additionalValues.TX_VALUE.value", f"{_TX}.additionalValues.TX_VALUE.value"],
                "currency": ["additionalValues.TX_VALUE.currency", f"{_TX}.additionalValues.TX_VALUE.currency"],
                "event_time": [f"{_TX}.transactionResponse.operationDate", f"{_TX}.createdDate"],
                "payment_method": [f"{_TX}.paymentMethod"],
                "card_brand": [f"{_TX}.paymentMethod"],
                "customer_country": [f"{_TX}.paymentCountry"],
                "merchant_id": ["accountId"],
                "payment_id": ["id"],
            },
            # The order's status is the state of the whole payment, over all its transactions.
            "event_kind": "PAYMENT",
            "status_map": ORDER_STATUSES,
            # paymentNetworkResponseCode is the network's code (ISO 8583), never PayU's numeric table.
            "reason_fallback": "iso8583",
            "rules": [
                {"when": {f"{_TX}.transactionResponse.responseCode": "PAYMENT_NETWORK_NO_RESPONSE"},
                 "set": {"status_category": "UNKNOWN"}},
            ],
        },
        {
            # Queries API TRANSACTION_RESPONSE_DETAIL: the transaction's response alone, no amount.
            "name": "transaction_response_detail",
            "match": {"result.payload.state": {"exists": True}},
            "root": "result.payload",
            "fields": {
                "status": ["state"],
                "reason_code": ["responseCode", "paymentNetworkResponseCode", "errorCode"],
                "event_time": ["operationDate", "transactionDate"],
            },
            "reason_fallback": "iso8583",
            "rules": [
                      {"when": {"responseCode": "PAYMENT_NETWORK_NO_RESPONSE"}, "set": {"status_category": "UNKNOWN"}}],
        },
        {
            # Response page: the GET parameters PayU appends when it sends the payer back to the shop.
            "name": "response_page",
            "match": {"lapTransactionState": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["transactionId", "reference_pol"],
                "status": ["lapTransactionState", "transactionState"],
                "reason_code": ["lapResponseCode", "polResponseCode"],
                "amount": ["TX_VALUE"],
                "currency": ["currency"],
                "event_time": ["processingDate"],
                "payment_method": ["lapPaymentMethod", "lapPaymentMethodType"],
                "card_brand": ["lapPaymentMethod"],
                "merchant_id": ["merchantId"],
                "payment_id": ["reference_pol"],
            },
            # polResponseCode is the confirmation page's numeric response_code_pol.
            "reason_map": CONFIRMATION_CODES,
            "rules": [
                {"when": {"lapResponseCode": "ABANDONED_TRANSACTION"}, "set": {"status_category": "CANCELLED"}},
                {"when": {"lapResponseCode": "PAYMENT_NETWORK_NO_RESPONSE"}, "set": {"status_category": "UNKNOWN"}},
            ],
        },
        {
            # The same response page kept without its lap* words: the numeric transactionState and polResponseCode
            # (the response-page table: transactionState 4 approved, 6 declined, 104 error, 7 pending, 5 expired;
            # polResponseCode = the confirmation page's response_code_pol).
            "name": "response_page",
            "match": {"transactionState": {"exists": True}, "polResponseCode": {"exists": True}},
            "fields": {
                "provider_transaction_id": ["transactionId", "reference_pol"],
                "status": ["transactionState"],
                "reason_code": ["polResponseCode"],
                "amount": ["TX_VALUE"],
                "currency": ["currency"],
                "event_time": ["processingDate"],
                "merchant_id": ["merchantId"],
                "payment_id": ["reference_pol"],
            },
            "reason_map": CONFIRMATION_CODES,
        },
        {
            # A VOID PayU refused leaves the payment as it was: it is no outcome of a payment.
            "name": "refused_void",
            "match": {"request.transaction.type": "VOID", "transactionResponse.state": ["DECLINED", "ERROR"]},
            "not_a_payment": "a refused void request changes no payment",
        },
        {
            # SUBMIT_TRANSACTION response: outcome only, the amount stays in the request. Lake
            # writers that keep the request beside the response (``request.transaction``) give
            # TX_VALUE and the payment method from it; without it amount and currency stay unknown.
            "name": "transaction_response",
            "match": {"transactionResponse.state": {"exists": True}},
            "root": "transactionResponse",
            "fields": {
                "provider_transaction_id": ["transactionId"],
                "status": ["state"],
                # PayU's response code, then the payment network's (paymentNetworkResponseCode, ISO 8583).
                "reason_code": ["responseCode", "paymentNetworkResponseCode", "errorCode"],
                "event_time": ["operationDate", "transactionDate"],
                "amount": ["^request.transaction.order.additionalValues.TX_VALUE.value"],
                "currency": ["^request.transaction.order.additionalValues.TX_VALUE.currency"],
                "payment_method": ["^request.transaction.paymentMethod"],
                "card_brand": ["^request.transaction.paymentMethod"],
                "customer_country": ["^request.transaction.paymentCountry"],
                "payment_id": ["orderId"],
                # A CAPTURE, VOID or REFUND request names the authorization it acts on (parentTransactionId);
                # an authorization is its own attempt.
                "attempt_id": ["^request.transaction.parentTransactionId", "transactionId"],
            },
            "reason_fallback": "iso8583",
            "rules": [
                # The network never answered: the outcome is unknown until PayU reconciles it.
                {"when": {"responseCode": "PAYMENT_NETWORK_NO_RESPONSE"}, "set": {"status_category": "UNKNOWN"}},
                # Vouchers created for the payer to pay later name the method by their receipt: a
                # barcode is a cash voucher (OXXO, Efecty, Baloto...) unless it is a boleto's.
                {"when": {"extraParameters.BAR_CODE": {"exists": True}}, "set": {"payment_method": "CASH_VOUCHER"}},
                {"when": {"extraParameters.URL_BOLETO_BANCARIO": {"exists": True}}, "set": {"payment_method": "BOLETO"}},
                {"when": {"extraParameters.BANK_URL": {"exists": True}}, "set": {"payment_method": "BANK_TRANSFER"}},
                # The response to a VOID or REFUND request reads like a payment's: the stored request
                # says what was asked. PayU reviews refunds, so a PENDING refund is a refund under way.
                {"when": {"^request.transaction.type": "VOID", "state": "APPROVED"},
                 "set": {"status_category": "CANCELLED", "event_kind": "VOID"}},
                {"when": {"^request.transaction.type": "REFUND"}, "set": {"event_kind": "REFUND"}},
                {"when": {"^request.transaction.type": "REFUND", "state": "APPROVED"},
                 "set": {"status_category": "REFUNDED"}},
                {"when": {"^request.transaction.type": "REFUND", "state": ["DECLINED", "ERROR", "EXPIRED"]},
                 "set": {"status_category": "DECLINED"}},
                {"when": {"^request.transaction.type": "CAPTURE"}, "set": {"event_kind": "CAPTURE"}},
            ],
        },
        # PayU Europe order notification / retrieved order, and refund notification.
        {"name": "europe.order", "root": "order", "match": {"order.status": list(_EUROPE_ORDER_STATUSES)},
         "amount_unit": "minor", "fields": _EUROPE_ORDER_FIELDS, "status_map": _EUROPE_ORDER_STATUSES,
         "payment_method_map": _EUROPE_METHODS},
        {"name": "europe.orders", "root": "orders.0", "match": {"orders.0.status": list(_EUROPE_ORDER_STATUSES),
                                                               "orders.0.orderId": {"exists": True}},
         "amount_unit": "minor", "fields": _EUROPE_ORDER_FIELDS, "status_map": _EUROPE_ORDER_STATUSES,
         "payment_method_map": _EUROPE_METHODS},
        {"name": "europe.refund", "root": "refund",
         "match": {"refund.status": list(_EUROPE_REFUND_STATUSES), "refund.refundId": {"exists": True}},
         "amount_unit": "minor", "event_kind": "REFUND", "status_map": _EUROPE_REFUND_STATUSES,
         "fields": {"provider_transaction_id": ["refundId"], "status": ["status"], "amount": ["amount"],
                    "currency": ["currencyCode"], "refund_id": ["refundId"], "attempt_id": ["^orderId"],
                    "payment_id": ["^orderId"]}},
        {
            # A request PayU refused before creating a transaction.
            "name": "request_error",
            "match": {"code": "ERROR", "error": {"exists": True}},
            "status": "ERROR",
            "rules": [{"when": {"code": "ERROR"}, "set": {"failure_reason": "INVALID_REQUEST"}}],
        },
    ],
}
