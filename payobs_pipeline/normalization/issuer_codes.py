"""Shared issuer and card-network code tables, in mapping-spec form (docs/taxonomy.md reasons).

One table serves every provider that passes issuer codes through (a spec names
it with ``"reason_fallback": "iso8583"`` or ``"card_network"``) and the
heuristic normalizer, so a fix here serves all of them.

Tables
------
* ``ISO8583_REASONS``: ISO 8583 (1987) field 39 response codes 00-99 that say
  an authorization failed; with ``ISO8583_OUTCOMES`` (the codes that say it was
  approved, is in progress or was cancelled) every code 00-99 is covered once.
  Codes reserved for ISO, private or national use carry the meaning the
  networks document for them where they agree, else UNKNOWN (a failure whose
  reason is not documented; the engine does not let UNKNOWN hide another code).
* ``VISA_REASONS``: Visa's alphanumeric field 39 values (N7, 1A, R0/R1/R3...).
* ``AMEX_ACTION_REASONS``: American Express three-digit action codes (the
  ISO 8583:1993 numbering: 100 deny, 116 insufficient funds, 122 invalid CID...).
* ``MASTERCARD_ADVICE_DECLINE_TYPES``: Mastercard Merchant Advice Codes (DE48
  SE84), which decide SOFT/HARD (retry later vs never retry) for a decline.
* ``API_ERROR_TYPE_REASONS``: the ``type`` of an API error body
  (invalid_request_error, api_error, ...), a reason when no code gives one.

Spec table names (``REASON_TABLE_SOURCES``):
* ``"iso8583"``: ISO 8583 field 39 plus the networks' two-character field 39
  values (Visa's N7, 1A, R0...). Those never collide with the numeric codes.
* ``"card_network"``: everything in ``"iso8583"`` plus the American Express
  three-digit action codes. ``"iso8583"`` does not consult the three-digit codes:
  many gateways number their own codes in three digits (NMI 200 "declined by
  processor", Moneris 051), where an Amex reading (200 "pick up card") would be
  wrong rather than unknown. A spec whose provider passes Amex action codes
  through names ``"card_network"``.

Sources (meanings, per code in the comments)
* ISO 8583 field 39: https://card-present.readme.io/reference/errors (Zone CP gateway, field 39 list);
  https://developers.mypos.com/en/doc/online_payments/v1_4/229-response-codes;
  Visa's use of the private-use range: https://docs.payabl.com/docs/error-codes-visa and
  https://docs.moamalat.net/ResponseCodes.html; national use 97-99:
  https://docs.lyra.com/es-ES/rest/V4.0/api/acq_errors/gicc.html
* Visa decline categories (1 never approve: HARD; 2 retry permitted; 3 fix data):
  https://support.forte.net/support/solutions/articles/11000097635-visa-decline-response-code-rules-and-integrity-fees
* Visa alphanumerics: https://docs.payabl.com/docs/error-codes-visa (and the Visa list quoted at
  https://toihuongdan.com/verification-mail-could-not-be-sent-due-to-la-gi-nam-2024)
* American Express: https://docs.lyra.com/en/rest/V4.0/api/acq_errors/amex_global.html;
  https://doc.seerbit.com/development-resources/responses/raw-acquirer-responses/american-express-raw-response
* Mastercard Merchant Advice Codes:
  https://developer.paypal.com/braintree/docs/reference/general/merchant-responses/merchant-advice-codes;
  https://docs.everonet.com/en-us/gateway/developer-portal/appendix/mastercard-merchant-advice-code;
  https://docs.payabl.com/docs/mastercard-merchant-advice-codes
* Discover authorizations answer with the ISO 8583 field 39 codes above; no
  Discover-only response code was found documented, so Discover has no table of its own.
* API error types: https://docs.stripe.com/api/errors (type enum) and stripe-node types/Errors.d.ts
  (rate_limit_error, authentication_error).
"""

from __future__ import annotations

_HARD = "HARD"
_SOFT = "SOFT"

# --- ISO 8583 (1987) field 39 ----------------------------------------------------------------

# Codes that are not failures: an approval, a request still in progress, a customer cancellation.
ISO8583_OUTCOMES: dict[str, str] = {
    "00": "APPROVED",  # approved or completed successfully
    "08": "APPROVED",  # honor with identification
    "09": "PENDING",  # request in progress
    "10": "APPROVED",  # approved for partial amount
    "11": "APPROVED",  # approved (VIP)
    "16": "APPROVED",  # approved, update track 3
    "17": "CANCELLED",  # customer cancellation
    "32": "APPROVED",  # completed partially
    "85": "APPROVED",  # no reason to decline (account/AVS/CVV verification) - Visa
}

ISO8583_REASONS: dict[str, object] = {
    "01": "GENERIC_DECLINE",  # refer to card issuer
    "02": "GENERIC_DECLINE",  # refer to card issuer, special condition
    "03": "CONFIGURATION_ERROR",  # invalid merchant (Visa category 1: never approve)
    "04": "LOST_OR_STOLEN_CARD",  # pick up card (Visa category 1)
    "05": "GENERIC_DECLINE",  # do not honor
    "06": "PROCESSING_ERROR",  # error
    "07": "LOST_OR_STOLEN_CARD",  # pick up card, special condition (fraud account) (Visa category 1)
    "12": "TRANSACTION_NOT_PERMITTED",  # invalid transaction (Visa category 1)
    "13": "INVALID_REQUEST",  # invalid amount
    "14": "INVALID_CARD_DATA",  # invalid card number (no such number) (Visa category 3)
    "15": "INVALID_CARD_DATA",  # no such issuer (Visa category 1)
    "18": "GENERIC_DECLINE",  # customer dispute
    "19": "ISSUER_UNAVAILABLE",  # re-enter transaction (Visa category 2: retry permitted)
    "20": "PROCESSING_ERROR",  # invalid response
    "21": "PROCESSING_ERROR",  # no action taken (unable to back out prior transaction)
    "22": "PROCESSING_ERROR",  # suspected malfunction
    "23": "CONFIGURATION_ERROR",  # unacceptable transaction fee
    "24": "INVALID_REQUEST",  # file update not supported by receiver
    "25": "INVALID_REQUEST",  # unable to locate record on file
    "26": "DUPLICATE",  # duplicate file update record
    "27": "INVALID_REQUEST",  # file update field edit error
    "28": "ISSUER_UNAVAILABLE",  # file update file locked out / file temporarily unavailable
    "29": "PROCESSING_ERROR",  # file update not successful, contact acquirer
    "30": "INVALID_REQUEST",  # format error
    "31": "TRANSACTION_NOT_PERMITTED",  # bank not supported by switch
    "33": "EXPIRED_CARD",  # expired card, pick up
    "34": "SUSPECTED_FRAUD",  # suspected fraud, pick up
    "35": {"reason": "GENERIC_DECLINE", "decline_type": _HARD},  # card acceptor contact acquirer, pick up
    "36": "RESTRICTED_CARD",  # restricted card, pick up
    "37": "SUSPECTED_FRAUD",  # card acceptor call acquirer security, pick up
    "38": {"reason": "AUTHENTICATION_FAILED", "decline_type": _HARD},  # allowable PIN tries exceeded, pick up
    "39": "TRANSACTION_NOT_PERMITTED",  # no credit account
    "40": "TRANSACTION_NOT_PERMITTED",  # requested function not supported
    "41": "LOST_OR_STOLEN_CARD",  # lost card, pick up (Visa category 1)
    "42": "TRANSACTION_NOT_PERMITTED",  # no universal account
    "43": "LOST_OR_STOLEN_CARD",  # stolen card, pick up (Visa category 1)
    "44": "TRANSACTION_NOT_PERMITTED",  # no investment account
    "45": "UNKNOWN",  # reserved for ISO use
    "46": "INVALID_CARD_DATA",  # reserved for ISO use; Visa: closed account
    "47": "UNKNOWN",  # reserved for ISO use
    "48": "UNKNOWN",  # reserved for ISO use
    "49": "UNKNOWN",  # reserved for ISO use
    "50": "UNKNOWN",  # reserved for ISO use
    "51": "INSUFFICIENT_FUNDS",  # not sufficient funds (Visa category 2)
    "52": "TRANSACTION_NOT_PERMITTED",  # no checking account
    "53": "TRANSACTION_NOT_PERMITTED",  # no savings account
    "54": "EXPIRED_CARD",  # expired card (Visa category 3)
    "55": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # incorrect PIN (Visa category 3)
    "56": "INVALID_CARD_DATA",  # no card record
    "57": "TRANSACTION_NOT_PERMITTED",  # transaction not permitted to cardholder (Visa category 1)
    "58": "CONFIGURATION_ERROR",  # transaction not permitted to terminal
    "59": "SUSPECTED_FRAUD",  # suspected fraud (Visa category 2)
    "60": "CONFIGURATION_ERROR",  # card acceptor contact acquirer
    "61": "LIMIT_EXCEEDED",  # exceeds withdrawal amount limit (Visa category 2)
    "62": "RESTRICTED_CARD",  # restricted card (Visa category 1)
    "63": "TRANSACTION_NOT_PERMITTED",  # security violation
    "64": "INVALID_REQUEST",  # original amount incorrect (Visa: does not fulfil AML requirement)
    # Exceeds withdrawal frequency limit (Visa category 2). In the EEA Mastercard issuers also use 65
    # to ask for SCA; the code alone does not say which, so the ISO meaning stands.
    "65": "LIMIT_EXCEEDED",
    "66": "SUSPECTED_FRAUD",  # card acceptor call acquirer's security department
    "67": "LOST_OR_STOLEN_CARD",  # hard capture (card to be picked up at ATM)
    "68": {"reason": "TIMEOUT", "source": "TECHNICAL"},  # response received too late
    "69": "UNKNOWN",  # reserved for ISO use
    "70": "GENERIC_DECLINE",  # reserved for ISO use; Mastercard: contact card issuer
    "71": "AUTHENTICATION_FAILED",  # reserved for ISO use; Mastercard: PIN not changed
    "72": "UNKNOWN",  # reserved for ISO use
    "73": "UNKNOWN",  # reserved for ISO use
    "74": "AUTHENTICATION_FAILED",  # reserved for ISO use; Visa: PIN encryption value error
    "75": {"reason": "AUTHENTICATION_FAILED", "decline_type": _HARD},  # allowable PIN tries exceeded
    "76": "INVALID_REQUEST",  # private use; Visa: unable to locate previous message; MC: invalid "to" account
    "77": "INVALID_REQUEST",  # private use; Visa: repeat/reversal inconsistent; MC: invalid "from" account
    "78": "RESTRICTED_CARD",  # private use; Visa: blocked, first used (category 1); MC: invalid account
    "79": "INVALID_REQUEST",  # private use; Visa: already reversed
    "80": "ISSUER_UNAVAILABLE",  # private use; Visa: credit issuer unavailable
    "81": "AUTHENTICATION_FAILED",  # private use; Visa: PIN cryptographic error
    "82": "INCORRECT_CVC",  # private use; Visa: negative CAM, dCVV, iCVV or CVV results (category 3)
    "83": "AUTHENTICATION_FAILED",  # private use; Visa: unable to verify PIN
    "84": "INVALID_REQUEST",  # private use; Mastercard: invalid authorization life cycle
    "86": "AUTHENTICATION_FAILED",  # private use; Visa: cannot verify PIN (no PVV)
    "87": "TRANSACTION_NOT_PERMITTED",  # private use; Mastercard: purchase amount only, no cash back
    "88": "PROCESSING_ERROR",  # private use; Mastercard: cryptographic failure
    "89": "AUTHENTICATION_FAILED",  # private use; Mastercard: unacceptable PIN
    "90": "ISSUER_UNAVAILABLE",  # cutoff is in process
    "91": "ISSUER_UNAVAILABLE",  # issuer or switch inoperative (Visa category 2)
    "92": "ISSUER_UNAVAILABLE",  # financial institution cannot be found for routing
    "93": "TRANSACTION_NOT_PERMITTED",  # transaction cannot be completed, violation of law (Visa category 1)
    "94": "DUPLICATE",  # duplicate transmission
    "95": "PROCESSING_ERROR",  # reconcile error
    "96": "PROCESSING_ERROR",  # system malfunction (Visa category 2)
    "97": "PROCESSING_ERROR",  # national use; GICC: security breach, MAC check error
    "98": "PROCESSING_ERROR",  # national use; GICC: date and time not plausible
    "99": "PROCESSING_ERROR",  # national use; GICC: error in PAC encryption
}

# --- card networks ---------------------------------------------------------------------------

# Visa's alphanumeric field 39 values (and offline-decline values every scheme shares).
VISA_REASONS: dict[str, object] = {
    "1A": "AUTHENTICATION_REQUIRED",  # additional customer authentication required (SCA soft decline, category 3)
    "6P": "INVALID_CARD_DATA",  # verification data failed
    "B1": "CONFIGURATION_ERROR",  # surcharge amount not permitted on Visa cards
    "B2": "CONFIGURATION_ERROR",  # surcharge amount not supported by debit network issuer
    "N0": "ISSUER_UNAVAILABLE",  # force STIP
    "N3": {"reason": "TRANSACTION_NOT_PERMITTED", "decline_type": _SOFT},  # cash service not available (category 2)
    "N4": "LIMIT_EXCEEDED",  # cash request exceeds issuer or approved limit (category 2)
    "N5": {"reason": "GENERIC_DECLINE", "decline_type": _HARD},  # ineligible for resubmission
    "N7": "INCORRECT_CVC",  # decline for CVV2 failure (category 3)
    "N8": "INVALID_REQUEST",  # transaction amount exceeds preauthorized approval amount
    "P5": "AUTHENTICATION_FAILED",  # PIN change/unblock request declined by issuer
    "P6": "AUTHENTICATION_FAILED",  # requested PIN unsafe
    "Q1": "AUTHENTICATION_FAILED",  # card authentication failed
    "R0": "REVOKED",  # stop payment order (category 1)
    "R1": "REVOKED",  # revocation of authorization order (category 1)
    "R2": "TRANSACTION_NOT_PERMITTED",  # transaction does not qualify for Visa PIN
    "R3": "REVOKED",  # revocation of all authorizations order (category 1)
    "Z1": "GENERIC_DECLINE",  # offline declined
    "Z3": "ISSUER_UNAVAILABLE",  # unable to go online; offline declined
}
VISA_OUTCOMES: dict[str, str] = {
    "Y1": "APPROVED",  # offline approved
    "Y3": "APPROVED",  # unable to go online; offline approved
}

# Kept from the first table: some acquirers report Mastercard's SCA soft decline as "65A"
# (Mastercard answers 65 with an SCA-required indicator in the EEA).
LEGACY_REASONS: dict[str, object] = {
    "65A": "AUTHENTICATION_REQUIRED",
}

# American Express action codes (three digits, the ISO 8583:1993 numbering).
AMEX_ACTION_REASONS: dict[str, object] = {
    "100": "GENERIC_DECLINE",  # deny
    "101": "EXPIRED_CARD",  # expired card / invalid expiration date
    "106": {"reason": "AUTHENTICATION_FAILED", "decline_type": _HARD},  # PIN tries exceeded
    "107": "GENERIC_DECLINE",  # please call issuer
    "109": "CONFIGURATION_ERROR",  # invalid merchant (invalid service establishment)
    "110": "INVALID_REQUEST",  # invalid amount
    "111": "INVALID_CARD_DATA",  # invalid account / invalid MICR (travelers cheque)
    "115": "TRANSACTION_NOT_PERMITTED",  # requested function not supported
    "116": "INSUFFICIENT_FUNDS",  # not sufficient funds
    "117": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # invalid PIN
    "119": "TRANSACTION_NOT_PERMITTED",  # cardmember not enrolled / not permitted
    "121": "LIMIT_EXCEEDED",  # limit exceeded
    "122": "INCORRECT_CVC",  # invalid card security code (CID, 4DBC, 4CSC)
    "125": "INVALID_CARD_DATA",  # invalid effective date
    "181": "INVALID_REQUEST",  # format error
    "183": "INVALID_REQUEST",  # invalid currency code
    "187": {"reason": "INVALID_CARD_DATA", "decline_type": _HARD},  # deny, new card issued
    "189": "INVALID_CARD_DATA",  # deny, account canceled
    "200": "LOST_OR_STOLEN_CARD",  # deny, pick up card
    "909": "PROCESSING_ERROR",  # system malfunction (cryptographic error)
    "912": "ISSUER_UNAVAILABLE",  # issuer not available
}
AMEX_ACTION_OUTCOMES: dict[str, str] = {
    "000": "APPROVED",  # approved
    "001": "APPROVED",  # approve with ID
    "002": "APPROVED",  # partial approval (prepaid cards)
    "900": "APPROVED",  # accepted, ATC synchronization
}

# Mastercard Merchant Advice Codes: whether a later attempt may succeed.
MASTERCARD_ADVICE_DECLINE_TYPES: dict[str, str] = {
    "01": _HARD,  # new account information available (updated card data needed before retrying)
    "02": _SOFT,  # cannot approve at this time, try again later
    "03": _HARD,  # do not try again
    "04": _HARD,  # token requirements not fulfilled for this token type
    "05": _HARD,  # negotiated value not approved
    "21": _HARD,  # payment cancellation / stop recurring payment (Mastercard Payment Cancellation Service)
    "22": _HARD,  # merchant does not qualify for product code
    "24": _SOFT,  # retry after 1 hour
    "25": _SOFT,  # retry after 24 hours
    "26": _SOFT,  # retry after 2 days
    "27": _SOFT,  # retry after 4 days
    "28": _SOFT,  # retry after 6 days
    "29": _SOFT,  # retry after 8 days
    "30": _SOFT,  # retry after 10 days
    "40": _HARD,  # consumer non-reloadable prepaid card
    "41": _HARD,  # consumer single-use virtual card number
    "42": _HARD,  # sanctions scoring service
    "43": _HARD,  # consumer multi-use virtual card number
}
# MAC 21: the cardholder cancelled the recurring agreement; a decline carrying it is a revocation.
MASTERCARD_ADVICE_REASONS: dict[str, object] = {"21": "REVOKED"}

# --- API error bodies --------------------------------------------------------------------------

API_ERROR_TYPE_REASONS: dict[str, object] = {
    "invalid_request_error": "INVALID_REQUEST",  # the request has invalid parameters
    "idempotency_error": "INVALID_REQUEST",  # an idempotency key reused with different parameters
    "authentication_error": "CONFIGURATION_ERROR",  # failure to authenticate (API key)
    "api_error": "PROCESSING_ERROR",  # any other problem, e.g. a temporary problem with the provider's servers
    "api_connection_error": "PROCESSING_ERROR",  # failure to connect to the API
    "rate_limit_error": {"reason": "PROCESSING_ERROR", "decline_type": _SOFT},  # too many requests too quickly
    "card_error": "GENERIC_DECLINE",  # a card that cannot be charged (no more specific code given)
}

# --- named tables ----------------------------------------------------------------------------------

_TWO_CHAR_NETWORK = {**VISA_REASONS, **LEGACY_REASONS}
REASON_TABLE_SOURCES: dict[str, dict[str, object]] = {
    "iso8583": {**ISO8583_REASONS, **_TWO_CHAR_NETWORK},
    "card_network": {**ISO8583_REASONS, **_TWO_CHAR_NETWORK, **AMEX_ACTION_REASONS},
}
# The codes an issuer passes through a gateway: ISO 8583 field 39 and the networks' two-character values
# (N7, 1A, R0...): what a spec's "reason_fallback": "iso8583" consults, and what a spec tests a raw code against.
ISSUER_CODE_REASONS: dict[str, object] = REASON_TABLE_SOURCES["iso8583"]
# Codes that say the authorization did not fail (read by the heuristics for a reply with only a code).
OUTCOME_TABLE_SOURCES: dict[str, dict[str, str]] = {
    "iso8583": {**ISO8583_OUTCOMES, **VISA_OUTCOMES},
    "card_network": {**ISO8583_OUTCOMES, **VISA_OUTCOMES, **AMEX_ACTION_OUTCOMES},
}
