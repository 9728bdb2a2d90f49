"""Gestpay / Axerve E-commerce Solutions (Banca Sella, Italy): the REST API v1 answers, the WSCryptDecrypt SOAP
results (Decrypt of the payment page's outcome) and the WsS2S SOAP results (callPagamS2S, callReadTrxS2S,
callSettleS2S, callDeleteS2S, callRefundS2S).

Sources (the Gestpay API reference, docs.gestpay.it / api.axerve.com, whose source is github.com/hype-app/gestpay-api
source/includes/):
- _rest.md, Handling Responses & Errors: every REST answer is {error {code, description}, payload}; error.code "0"
  is no error, any other code one of the Errors table (HTTP 400 "1105 Invalid parameter value", 403 "1166 Invalid
  ApiKey", 500 "9999 Technical error" as examples), payload empty on an error.
- _rest_payment_detail_post.md.erb (POST payment/detail; GET payment/detail/{paymentID} the same payload):
  transactionType detail, TransactionResult UNSUBMITTED, WAITING, PENDING (or XX), APPROVED (or OK), DECLINED (or
  KO); transactionState the last event; transactionErrorCode / transactionErrorDescription; bankTransactionID
  (Gestpay's), shopTransactionID (the merchant's), paymentID (Gestpay's payment); currency an ISO code; events[]
  {eventtype, eventamount (a decimal amount), eventdate}. _event_types.md.erb: AUT Authorized, CAN Cancelled, MOV
  Amount transferred, PRE Amount reserved for transfer, REQ Refund request, STO Refund event.
- _rest_payment_capture_post.md, _rest_payment_cancel_post.md ("Deletes an authorized transaction"),
  _rest_payment_refund_post.md: payload {transactionType capture | cancel | refund, transactionResult,
  bankTransactionID, shopTransactionID, paymentID}, no amount.
- _wscryptdecrypt_decryptresult.md.erb (Decrypt result, GestPayCryptDecrypt): TransactionType DECRYPT,
  TransactionResult OK (positive) / KO (negative) / XX (suspended: an asynchronous outcome, MyBank, Sofort, iDEAL,
  bank transfer; "don't send your goods but wait"), ShopTransactionID, BankTransactionID, Currency (a UIC code),
  Amount (decimal, point separator), ErrorCode, ErrorDescription. The Encrypt result (TransactionType ENCRYPT) only
  carries the encrypted string for the payment page: not a payment outcome, unless KO (the call failed).
- _wss2s_callpagams2s.md.erb (GestPayS2S, TransactionType PAGAM), _wss2s_callreadtrxs2s.md.erb (QUERYTX, with
  TransactionState AUT / MOV / CAN / STO and Events.event {eventtype, eventamount}), _wss2s_callsettles2s.md.erb
  (Settle), _wss2s_calldeletes2s.md.erb (Delete: "deletes an authorized transaction"; its response example shows
  Settle inside callDeleteS2SResult, the table says Delete), callRefundS2S (Refund).
- _currency_codes.md: the UIC codes the SOAP answers carry (242 EUR from the Decrypt/S2S examples beside REST's
  EUR; 1 USD, 2 GBP, 3 CHF, ... from the table).
- _errors.md (Errors table, two stored versions: the GestPay and the Axerve one): every code is mapped below by
  its description.

Read as: OK/APPROVED -> APPROVED, KO/DECLINED -> DECLINED, XX/PENDING/WAITING/UNSUBMITTED -> PENDING; the REST
payload's transactionType and the SOAP TransactionType name the operation (capture/Settle a CAPTURE, cancel/Delete
a VOID, refund/Refund a REFUND); a detail or QUERYTX in state CAN is a voided authorization, STO a refunded payment,
REQ a refund requested. A KO whose code says the buyer cancelled or abandoned (516, 553, 1140, 1143, 1201, 2005,
2500, 2546) is CANCELLED. REST error bodies (error.code not 0, no transaction) are ERROR events. Readings of
the codes into the taxonomy are ours (Gestpay states only the description); "Not settled" (7412), "Operation not
performed" (455, 999) and "payment not completed" (552, 2501) are generic declines.
"""

from __future__ import annotations

from typing import Any

APPROVED_RESULTS = ["OK", "APPROVED"]
DECLINED_RESULTS = ["KO", "DECLINED"]
STATUSES = {
    "OK": "APPROVED",
    "APPROVED": "APPROVED",
    "KO": "DECLINED",
    "DECLINED": "DECLINED",
    "XX": "PENDING",
    "PENDING": "PENDING",
    "WAITING": "PENDING",
    "UNSUBMITTED": "PENDING",
}

# The Errors table (_errors.md), code -> reason by its description.
_BY_REASON = {
    "GENERIC_DECLINE": [
        "74", "97", "417", "901", "902", "903", "904", "905", "906", "907", "908", "910", "911", "913", "914", "915",
        "916", "917", "918", "919", "920", "7400", "7500", "7600",            # Authorization denied
        "405", "434", "435", "457", "4305", "7401",                           # refused by credit card companies
        "401", "402", "4203", "7405",                                         # Call credit card company
        "455", "999",                                                         # Operation not performed
        "551",                                                                # Unauthorized bank transfer
        "552", "2501",                                                        # payment not completed
        "4731", "4732", "7420", "7412",                                       # not authorized (Compass, Consel)
        "2538", "2557",                                                       # SEPA MS03 / bank refusal
    ],
    "RESTRICTED_CARD": ["57", "441", "443", "462", "2523"],                   # Blocked credit card / account
    "INSUFFICIENT_FUNDS": ["251", "451", "461", "4102", "4407", "4704", "7411", "2527"],
    "EXPIRED_CARD": ["433", "454", "7404", "1126"],
    "INVALID_CARD_DATA": [
        "208", "420", "4401", "4702", "7406",                                 # Wrong expiry / card date
        "414", "439", "456", "7403",                                          # Card not recognized
        "998", "1120", "4206", "1118", "1119", "4101", "8010",                # card number
        "1122", "1123", "1124", "1125", "1148",
        "2521", "2522", "2539", "2566", "2567",                               # SEPA account / IBAN / BIC
    ],
    "INCORRECT_CVC": ["1149"],
    "LOST_OR_STOLEN_CARD": ["404", "7415", "2560", "2561"],                   # Collect card, card lost / stolen
    "SUSPECTED_FRAUD": ["2562"],                                              # Card suspect
    "AUTHENTICATION_FAILED": ["416", "7416", "1145", "1202", "2553", "2554", "8027"],
    "TRANSACTION_NOT_PERMITTED": [
        "436", "950", "4703", "7402",                                         # Card not qualified
        "437", "438", "475", "4100", "4204", "4205", "4208", "4303", "4306", "4308", "4405", "4406", "4408",
        "4409", "4503", "4504", "4505", "4508", "4701", "7413",               # Operation not allowed
        "7419", "1121", "1203", "2524", "2525", "2544", "2551",
        "5001",                                                               # AmazonPay method not allowed
    ],
    "LIMIT_EXCEEDED": ["4301", "4309", "2569", "2570"],
    "RISK_REJECTED": ["2000", "2001", "2002", "2003", "2004"],               # the shop's risk limits, blacklist
    "REVOKED": ["2537", "2535", "2536"],                                      # SEPA refusal by the debtor
    "ISSUER_UNAVAILABLE": ["212", "468", "810", "418", "7414", "4708", "4709", "4720", "4730"],
    "PROCESSING_ERROR": [
        "100", "403", "406", "409", "412", "413", "430", "490", "494", "600", "613", "614", "615", "1987",
        "415", "431", "491", "492", "1999", "4108", "4402", "4705", "4706",   # credit card network
        "4103", "4104", "4105", "4106", "4109", "4200", "4201", "4202", "4207", "4209", "4300", "4302", "4304",
        "4307", "4403", "4404", "4500", "4501", "4502", "4506", "4507", "4604", "7408",
        "1153", "1204", "4710", "8009", "9991", "9992", "9997", "9999", "2558",
    ],
    "CONFIGURATION_ERROR": [
        "150", "458", "811", "951", "7409",                                   # Wrong merchant configuration
        "1131", "1132", "1139", "1142", "1166", "1169", "1171", "1404", "1407", "4733", "7417", "7418", "7421",
        "8005", "8007", "8008", "8021", "8022", "8023", "1205", "2529", "2530", "2548",
    ],
    "DUPLICATE": ["66", "1137", "4707", "2528", "2549", "2563", "2568"],
    "INVALID_REQUEST": [
        "58", "63", "64", "65", "419", "4400", "7407", "7410",
        *[str(code) for code in range(1100, 1118)], "1127", "1128", "1129", "1130", "1133", "1134", "1135", "1136",
        "1138", "1141", "1144", "1146", "1147", "1150", "1151", "1154", "1160", "1161", "1162", "1163", "1164",
        "1165", "1170", "1172", "1173", "1206", "1207", "1208", "1209", "1210",
        *[str(code) for code in range(1300, 1308)], *[str(code) for code in range(1400, 1465) if code != 1404
                                                      and code != 1407],
        *[str(code) for code in range(2006, 2021)], "2502", "2526", "2531", "2532", "2533", "2534", "2540",
        "2547", "2550", "2552", "2555", "2556", "2559", "2564", "2565",
        "4001", "4002", "4734", "4800", "4801", "4802", "5002", "5003",
        "8001", "8002", "8003", "8004", "8012", "8013", "8014", "8015", "8016",
    ],
}
ERROR_CODES = {code: reason for reason, codes in _BY_REASON.items() for code in codes}

# The buyer cancelled or abandoned: a KO that is no decline.
BUYER_CANCELLED_CODES = ["516", "553", "1140", "1143", "1201", "2005", "2500", "2546"]

# REST descriptions the API answers its documented examples with (detection of the bare error body).
REST_DESCRIPTIONS = ["request correctly processed", "Invalid parameter value", "Invalid ApiKey", "Technical error",
                     "System Error"]

# _currency_codes.md: UIC code -> ISO 4217.
UIC_CURRENCIES = {
    "242": "EUR", "1": "USD", "2": "GBP", "3": "CHF", "7": "DKK", "8": "NOK", "9": "SEK", "12": "CAD", "29": "CLP",
    "31": "INR", "40": "COP", "55": "MYR", "62": "ISK", "71": "JPY", "74": "BOB", "75": "SAR", "77": "CRC",
    "78": "GTQ", "101": "PYG", "103": "HKD", "109": "AUD", "113": "NZD", "116": "DOP", "118": "HNL", "119": "KRW",
    "120": "NIO", "124": "SGD", "143": "TWD", "144": "CNY", "153": "HUF", "187": "AED", "189": "QAR", "201": "PEN",
    "203": "ILS", "216": "ARS", "222": "MXN", "223": "CZK", "234": "BRL", "237": "PLN", "241": "UAH", "244": "RUB",
    "262": "BGN", "267": "TRY", "270": "RON",
}

SOAP_ROOTS = ("GestPayCryptDecrypt", "GestPayS2S")
# The SOAP results' wrappers, outermost first, as the documentation and integrations store them.
_WRAPPERS = ("Envelope", "Body", "DecryptResponse", "DecryptResult", "EncryptResponse", "EncryptResult",
             "callPagamS2SResponse", "callPagamS2SResult", "callReadTrxS2SResponse", "callReadTrxS2SResult",
             "callSettleS2SResponse", "callSettleS2SResult", "callDeleteS2SResponse", "callDeleteS2SResult",
             "callRefundS2SResponse", "callRefundS2SResult")


def _soap_result(body: Any) -> tuple[str, dict] | None:
    node = body
    for _ in range(6):
        if not isinstance(node, dict):
            return None
        for root in SOAP_ROOTS:
            if isinstance(node.get(root), dict):
                return root, node[root]
        inner = [node[name] for name in _WRAPPERS if isinstance(node.get(name), dict)]
        if len(inner) != 1:
            return None
        node = inner[0]
    return None


def prepare(body: Any) -> Any:
    """A SOAP result out of its wrappers, as ``{GestPayCryptDecrypt | GestPayS2S: {...}}``, its UIC currency code
    read as the ISO code (a copy; the body itself is left as it came)."""
    found = _soap_result(body)
    if found is None:
        return body
    root, result = found
    result = dict(result)
    uic = result.get("Currency")
    if isinstance(uic, str) and uic.strip().isdigit():
        result["Currency"] = UIC_CURRENCIES.get(uic.strip().lstrip("0") or "0", uic)
    return {root: result}


# --- REST ------------------------------------------------------------------------------------------------------
_REST_FIELDS = {
    "provider_transaction_id": ["bankTransactionID", "paymentID"],
    "status": ["transactionResult"],
    "reason_code": ["transactionErrorCode", "^error.code"],
    "amount": ["events.0.eventamount", "events.0.event.eventamount", "amount"],
    "currency": ["currency"],
    "attempt_id": ["bankTransactionID"],
    "payment_id": ["shopTransactionID", "paymentID"],
    "refund_id": [],
}

# An operation's own result (capture / cancel / refund); a detail's state.
_REST_RULES = [
    # payment/submit with no result yet and a userRedirect: 3-D Secure (8006 Verify By Visa) or a redirect method.
    {"when": {"transactionResult": {"not_in": list(STATUSES)}, "userRedirect.href": {"exists": True}},
     "set": {"status_category": "PENDING"}},
    {"when": {"transactionType": "capture"}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"transactionType": "cancel", "transactionResult": APPROVED_RESULTS},
     "set": {"event_kind": "VOID", "status_category": "CANCELLED"}},
    {"when": {"transactionType": "cancel", "transactionResult": DECLINED_RESULTS},
     "set": {"event_kind": "VOID", "status_category": "ERROR"}},
    {"when": {"transactionType": "refund", "transactionResult": APPROVED_RESULTS},
     "set": {"event_kind": "REFUND", "status_category": "REFUNDED"}},
    {"when": {"transactionType": "refund"}, "set": {"event_kind": "REFUND"}},
    {"when": {"transactionType": {"not_in": ["capture", "cancel", "refund"]}, "transactionResult": APPROVED_RESULTS,
              "transactionState": "CAN"}, "set": {"event_kind": "VOID", "status_category": "CANCELLED"}},
    {"when": {"transactionType": {"not_in": ["capture", "cancel", "refund"]}, "transactionResult": APPROVED_RESULTS,
              "transactionState": "STO"}, "set": {"event_kind": "REFUND", "status_category": "REFUNDED"}},
    {"when": {"transactionType": {"not_in": ["capture", "cancel", "refund"]}, "transactionResult": APPROVED_RESULTS,
              "transactionState": "REQ"}, "set": {"event_kind": "REFUND", "status_category": "PENDING"}},
    {"when": {"transactionResult": DECLINED_RESULTS, "transactionErrorCode": BUYER_CANCELLED_CODES},
     "set": {"status_category": "CANCELLED", "event_kind": "PAYMENT"}},
]

# --- SOAP (WSCryptDecrypt, WsS2S) -------------------------------------------------------------------------------
_SOAP_FIELDS = {
    "provider_transaction_id": ["BankTransactionID"],
    "status": ["TransactionResult"],
    "reason_code": ["ErrorCode"],
    "amount": ["Amount", "Events.event.eventamount"],
    "currency": ["Currency"],
    "attempt_id": ["BankTransactionID"],
    "payment_id": ["ShopTransactionID"],
    "refund_id": [],
    "payment_method": ["PaymentMethod"],
}
_OPERATIONS = ["Settle", "Delete", "Refund"]
_SOAP_RULES = [
    {"when": {"TransactionType": "Settle"}, "set": {"event_kind": "CAPTURE"}},
    {"when": {"TransactionType": "Delete", "TransactionResult": "OK"},
     "set": {"event_kind": "VOID", "status_category": "CANCELLED"}},
    {"when": {"TransactionType": "Delete", "TransactionResult": "KO"},
     "set": {"event_kind": "VOID", "status_category": "ERROR"}},
    {"when": {"TransactionType": "Refund", "TransactionResult": "OK"},
     "set": {"event_kind": "REFUND", "status_category": "REFUNDED"}},
    {"when": {"TransactionType": "Refund"}, "set": {"event_kind": "REFUND"}},
    {"when": {"TransactionType": {"not_in": _OPERATIONS}, "TransactionResult": "OK", "TransactionState": "CAN"},
     "set": {"event_kind": "VOID", "status_category": "CANCELLED"}},
    {"when": {"TransactionType": {"not_in": _OPERATIONS}, "TransactionResult": "OK", "TransactionState": "STO"},
     "set": {"event_kind": "REFUND", "status_category": "REFUNDED"}},
    {"when": {"TransactionType": {"not_in": _OPERATIONS}, "TransactionResult": "OK", "TransactionState": "REQ"},
     "set": {"event_kind": "REFUND", "status_category": "PENDING"}},
    {"when": {"TransactionResult": "KO", "ErrorCode": BUYER_CANCELLED_CODES},
     "set": {"status_category": "CANCELLED", "event_kind": "PAYMENT"}},
]

PAYMENT_METHODS = {
    "CREDITCARD": "CARD", "PAYPAL": "WALLET", "MYBANK": "BANK_TRANSFER", "IDEAL": "BANK_TRANSFER",
    "SOFORT": "BANK_TRANSFER", "BANKTRANSFER": "BANK_TRANSFER", "AMAZONPAY": "WALLET", "APPLEPAY": "WALLET",
    "GOOGLEPAY": "WALLET", "MASTERPASS": "WALLET", "SATISPAY": "WALLET", "KLARNA": "BNPL", "SEPADD": "DIRECT_DEBIT",
}

SPEC = {
    "provider": "gestpay",
    "aliases": ["gestpay", "axerve", "axerve e-commerce", "axerve ecommerce", "banca sella", "gestpay.it",
                "ecomms2s.sella.it", "sandbox.gestpay.net"],
    "detect": [
        # SOAP results: their element names are Gestpay's own.
        {"path": "GestPayCryptDecrypt.TransactionResult", "exists": True, "weight": 0.6},
        {"path": "GestPayS2S.TransactionResult", "exists": True, "weight": 0.6},
        {"path": "DecryptResult.GestPayCryptDecrypt", "exists": True, "weight": 0.6},
        {"path": "EncryptResult.GestPayCryptDecrypt", "exists": True, "weight": 0.6},
        {"path": "Envelope.Body.DecryptResponse.DecryptResult.GestPayCryptDecrypt", "exists": True, "weight": 0.6},
        {"path": "callPagamS2SResult.GestPayS2S", "exists": True, "weight": 0.6},
        {"path": "callReadTrxS2SResult.GestPayS2S", "exists": True, "weight": 0.6},
        {"path": "Envelope.Body.callPagamS2SResponse.callPagamS2SResult.GestPayS2S", "exists": True, "weight": 0.6},
        {"path": "callSettleS2SResponse.callSettleS2SResult.GestPayS2S", "exists": True, "weight": 0.6},
        {"path": "callDeleteS2SResponse.callDeleteS2SResult.GestPayS2S", "exists": True, "weight": 0.6},
        {"path": "callRefundS2SResponse.callRefundS2SResult.GestPayS2S", "exists": True, "weight": 0.6},
        # REST: {error {code, description}, payload {transactionType, transactionResult, bankTransactionID ...}}.
        {"path": "payload.bankTransactionID", "exists": True, "weight": 0.25},
        {"path": "payload.shopTransactionID", "exists": True, "weight": 0.2},
        {"path": "payload.transactionResult", "in": list(STATUSES), "weight": 0.1},
        {"path": "payload.transactionType", "in": ["detail", "capture", "cancel", "refund", "submit", "update"],
         "weight": 0.1},
        {"path": "error.description", "in": REST_DESCRIPTIONS, "weight": 0.3},
        {"path": "error.code", "in": ["0", *ERROR_CODES], "weight": 0.1},
        {"path": "payload", "exists": True, "weight": 0.1},
    ],
    "amount_unit": "major",
    "status_map": STATUSES,
    "reason_map": ERROR_CODES,
    "payment_method_map": PAYMENT_METHODS,
    "variants": [
        # SOAP: the Encrypt result carries the payment page's string, no outcome (a KO one: the call failed).
        {
            "name": "soap.encrypt",
            "match": {"GestPayCryptDecrypt.TransactionType": "ENCRYPT", "GestPayCryptDecrypt.TransactionResult": "OK"},
            "not_a_payment": "the Encrypt result: the string that opens the payment page, no payment outcome",
        },
        {
            "name": "soap.encrypt_failed",
            "match": {"GestPayCryptDecrypt.TransactionType": "ENCRYPT"},
            "root": "GestPayCryptDecrypt",
            "status": "ERROR",
            "fields": {"reason_code": ["ErrorCode"]},
        },
        {
            "name": "soap.decrypt",
            "match": {"GestPayCryptDecrypt.TransactionResult": {"exists": True}},
            "root": "GestPayCryptDecrypt",
            "fields": _SOAP_FIELDS,
            "rules": _SOAP_RULES,
        },
        {
            "name": "soap.s2s",
            "match": {"GestPayS2S.TransactionResult": {"exists": True}},
            "root": "GestPayS2S",
            "fields": _SOAP_FIELDS,
            "rules": _SOAP_RULES,
        },
        # REST: a transaction's answer (payment detail, submit, capture, cancel, refund).
        {
            "name": "rest.transaction",
            "match": {"payload.transactionResult": {"exists": True}, "error.code": {"exists": True}},
            "root": "payload",
            "fields": _REST_FIELDS,
            "rules": _REST_RULES,
        },
        {
            "name": "rest.answer",
            "match": {"error.code": "0", "payload.transactionResult": {"exists": False}},
            "not_a_payment": "a REST answer without a transaction result (payment/create's token, shop settings, "
                             "dashboard searches)",
        },
        # REST: the error body (HTTP 4xx/5xx), payload empty.
        {
            "name": "rest.error",
            "match": {"error.code": {"exists": True}, "payload.transactionResult": {"exists": False}},
            "status": "ERROR",
            "fields": {"reason_code": ["error.code"]},
        },
    ],
}
