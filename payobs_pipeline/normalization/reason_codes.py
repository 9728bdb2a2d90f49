"""ISO 8583 authorization response codes, in mapping-spec form.

Many providers pass the issuer's ISO 8583 field-39 response code through
(Worldpay's ISO8583ReturnCode, dLocal, PayU, raw acquirer codes); a spec names
this table with ``"reason_fallback": "iso8583"``. Reasons follow docs/taxonomy.md.
"""

ISO8583_REASONS: dict[str, object] = {
    "01": "GENERIC_DECLINE",  # refer to card issuer
    "02": "GENERIC_DECLINE",  # refer to card issuer, special condition
    "03": "CONFIGURATION_ERROR",  # invalid merchant
    "04": "LOST_OR_STOLEN_CARD",  # pick up card
    "05": "GENERIC_DECLINE",  # do not honor
    "06": "PROCESSING_ERROR",  # error
    "07": "LOST_OR_STOLEN_CARD",  # pick up card, special condition (fraud)
    "12": "TRANSACTION_NOT_PERMITTED",  # invalid transaction
    "13": "INVALID_REQUEST",  # invalid amount
    "14": "INVALID_CARD_DATA",  # invalid card number
    "15": "INVALID_CARD_DATA",  # no such issuer
    "19": "ISSUER_UNAVAILABLE",  # re-enter transaction
    "30": "INVALID_REQUEST",  # format error
    "33": "EXPIRED_CARD",  # expired card, pick up
    "41": "LOST_OR_STOLEN_CARD",  # lost card
    "43": "LOST_OR_STOLEN_CARD",  # stolen card
    "46": "INVALID_CARD_DATA",  # closed account
    "51": "INSUFFICIENT_FUNDS",
    "54": "EXPIRED_CARD",
    "55": {"reason": "AUTHENTICATION_FAILED", "source": "CUSTOMER"},  # incorrect PIN
    "57": "TRANSACTION_NOT_PERMITTED",  # not permitted to cardholder
    "58": "CONFIGURATION_ERROR",  # not permitted to terminal
    "59": "SUSPECTED_FRAUD",
    "61": "LIMIT_EXCEEDED",  # exceeds withdrawal amount limit
    "62": "RESTRICTED_CARD",
    "63": "TRANSACTION_NOT_PERMITTED",  # security violation
    "65": "LIMIT_EXCEEDED",  # exceeds withdrawal frequency limit
    "68": {"reason": "TIMEOUT", "source": "TECHNICAL"},  # response received too late
    "75": {"reason": "AUTHENTICATION_FAILED", "decline_type": "HARD"},  # PIN tries exceeded
    "78": "RESTRICTED_CARD",  # blocked, first used / no account
    "82": "INCORRECT_CVC",  # negative CVV result (Visa)
    "91": "ISSUER_UNAVAILABLE",
    "92": "ISSUER_UNAVAILABLE",  # no routing to issuer
    "93": "TRANSACTION_NOT_PERMITTED",  # violation of law
    "94": "DUPLICATE",
    "96": "PROCESSING_ERROR",  # system malfunction
    "1A": "AUTHENTICATION_REQUIRED",  # SCA required (Visa/EU soft decline)
    "65A": "AUTHENTICATION_REQUIRED",  # Mastercard SCA soft decline
    "N7": "INCORRECT_CVC",
    "R0": "REVOKED",  # stop payment order
    "R1": "REVOKED",  # revocation of authorization
    "R3": "REVOKED",  # revocation of all authorizations
}
