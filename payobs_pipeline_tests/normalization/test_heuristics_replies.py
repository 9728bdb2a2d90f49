"""Gateway reply messages read by the heuristic normalizer (no provider mapping involved).

One labeled reply per gateway family, built from the family's documentation
(the source is on each case), read by ``heuristics.normalize`` and through the
cascade with no provider mappings (so the confidence threshold decides between
an event and a LOW_CONFIDENCE deferral). Replies whose outcome value does not
state the outcome by itself must be deferred, never guessed.
"""

from __future__ import annotations

import json

import pytest

from payobs_pipeline.normalization import heuristics
from payobs_pipeline.normalization.formats import read_lake_payload
from payobs_pipeline.normalization.event import CanonicalEvent
from payobs_pipeline.normalization.normalize import Deferral, Normalizer

# The cascade with no provider mapping: only the heuristics (and their threshold) decide.
HEURISTICS_ONLY = Normalizer(mappings=[])


def _parsed(data):
    return read_lake_payload(json.dumps(data))


def _event(data) -> CanonicalEvent:
    event = heuristics.normalize(_parsed(data).body)
    assert isinstance(event, CanonicalEvent), event
    return event


def _cascade(data):
    return HEURISTICS_ONLY.normalize(_parsed(data))


# (name, source, lake data, family, expected fields). Each reply is accepted by the cascade.
FAMILY_REPLIES = [
    (
        "payflow_approved",
        "developer.paypal.com/docs/payflow/integration-guide/transaction-responses/ (example response string)",
        {"content": "RESULT=0&PNREF=EFHP0D426A53&RESPMSG=APPROVED&AUTHCODE=25TEST&AVSADDR=Y&AVSZIP=N&CVV2MATCH=Y"},
        "payflow",
        {"status_category": "APPROVED", "failure_reason": None, "provider_transaction_id": "EFHP0D426A53"},
    ),
    (
        "payflow_declined_12",
        "Payflow Pro guide, RESULT values: 12 Declined "
        "(manualshelf.com/manual/paypal/express-checkout-2012/payflow-pro-guide-english/page-46.html)",
        {"content": "RESULT=12&PNREF=EFHP0D426A54&RESPMSG=Declined&AVSADDR=Y&AVSZIP=Y&CVV2MATCH=Y"},
        "payflow",
        {"status_category": "DECLINED", "failure_reason": "GENERIC_DECLINE", "raw_reason_code": "12"},
    ),
    (
        "payflow_104_timeout_outcome_unknown",
        "Payflow Pro guide: 'When RESULT=104, you must log in to the PayPal website to determine if the "
        "transaction actually went through' (.../payflow-pro-2009/.../page-45.html)",
        {"content": "RESULT=104&PNREF=EFHP0D426A55&RESPMSG=Timeout waiting for Processor response"},
        "payflow",
        {"status_category": "UNKNOWN", "failure_reason": "TIMEOUT", "failure_source": "TECHNICAL"},
    ),
    (
        "nmi_approved",
        "NMI Direct Post API, response variables (response=1 approved, response_code 100)",
        {"content": "response=1&responsetext=SUCCESS&authcode=123456&transactionid=3166453519&avsresponse=N"
                    "&cvvresponse=M&orderid=ORD-1&type=sale&response_code=100"},
        "nmi",
        {"status_category": "APPROVED", "failure_reason": None, "provider_transaction_id": "3166453519"},
    ),
    (
        "nmi_declined_202_insufficient_funds",
        "NMI Direct Post API: response=2 declined; result code 202 'Insufficient funds' "
        "(docs.paymentplatform.dev/payengine-api-v2.5/error-and-response-codes/host-response-codes)",
        {"content": "response=2&responsetext=DECLINE&authcode=&transactionid=3166453520&avsresponse=&cvvresponse="
                    "&orderid=ORD-2&type=sale&response_code=202"},
        "nmi",
        {"status_category": "DECLINED", "failure_reason": "INSUFFICIENT_FUNDS", "raw_reason_code": "202"},
    ),
    (
        "cybersource_reject_204",
        "developer.cybersource.com/docs/cybs/en-us/reason-codes-so/reference/all/so/reason-codes-so.html "
        "(204: insufficient funds; decision REJECT)",
        {"content": "merchantReferenceCode=ORD-3&requestID=6461515866770181552270&decision=REJECT&reasonCode=204"
                    "&ccAuthReply_reasonCode=204&purchaseTotals_currency=USD"},
        "cybersource_simple_order",
        {"status_category": "DECLINED", "failure_reason": "INSUFFICIENT_FUNDS",
         "provider_transaction_id": "6461515866770181552270"},
    ),
    (
        "cybersource_soap_general_decline_issuer_54",
        "Simple Order API SOAP reply (replyMessage, ccAuthReply.processorResponse); reason code 233 "
        "'general decline by the processor'; processor response 54 = ISO 8583 expired card",
        {"content": "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                    "<c:replyMessage xmlns:c=\"urn:schemas-cybersource-com:transaction-data-1.211\">"
                    "<c:merchantReferenceCode>ORD-4</c:merchantReferenceCode>"
                    "<c:requestID>6461515866770181552271</c:requestID><c:decision>REJECT</c:decision>"
                    "<c:reasonCode>233</c:reasonCode><c:ccAuthReply><c:reasonCode>233</c:reasonCode>"
                    "<c:processorResponse>54</c:processorResponse></c:ccAuthReply></c:replyMessage>"
                    "</soap:Body></soap:Envelope>", "format": "xml"},
        "cybersource_simple_order",
        {"status_category": "DECLINED", "failure_reason": "EXPIRED_CARD", "raw_reason_code": "54"},
    ),
    (
        "cybersource_error_151_outcome_unknown",
        "CyberSource reason code 151: the request was received but a server time-out occurred",
        {"content": "requestID=6461515866770181552272&decision=ERROR&reasonCode=151&merchantReferenceCode=ORD-5"},
        "cybersource_simple_order",
        {"status_category": "UNKNOWN", "failure_reason": "TIMEOUT"},
    ),
    (
        "paypal_nvp_15005_processor_decline",
        "developer.paypal.com/docs/nvp-soap-api/errors/ (15005 Processor Decline); ACK=Failure",
        {"content": "TIMESTAMP=2024-01-15T10:30:00Z&CORRELATIONID=2dc60e253495e&ACK=Failure&VERSION=204&BUILD=1"
                    "&L_ERRORCODE0=15005&L_SHORTMESSAGE0=Processor Decline&L_LONGMESSAGE0=This transaction "
                    "cannot be processed.&L_SEVERITYCODE0=Error&AMT=10.40&CURRENCYCODE=USD"},
        "paypal_nvp",
        {"status_category": "DECLINED", "failure_reason": "GENERIC_DECLINE", "amount_minor": 1040,
         "currency": "USD", "raw_reason_code": "15005"},
    ),
    (
        "paypal_nvp_success_with_transaction",
        "PayPal NVP DoDirectPayment response: ACK=Success with TRANSACTIONID and AMT",
        {"content": "TIMESTAMP=2024-01-15T10:30:00Z&CORRELATIONID=2dc60e253495f&ACK=Success&VERSION=204&BUILD=1"
                    "&AMT=10.40&CURRENCYCODE=USD&TRANSACTIONID=8AB12345CD6789012"},
        "paypal_nvp",
        {"status_category": "APPROVED", "amount_minor": 1040, "provider_transaction_id": "8AB12345CD6789012"},
    ),
    (
        "converge_approval",
        "developer.elavon.com/na/docs/converge/1.0.0/integration-guide/transaction_types/credit_card/sale "
        "(ssl_result 0, ssl_result_message APPROVAL)",
        {"content": "<txn><ssl_result>0</ssl_result><ssl_result_message>APPROVAL</ssl_result_message>"
                    "<ssl_txn_id>AA49315-1234</ssl_txn_id><ssl_approval_code>CMC142</ssl_approval_code>"
                    "<ssl_amount>10.00</ssl_amount></txn>"},
        "converge",
        {"status_category": "APPROVED", "provider_transaction_id": "AA49315-1234"},
    ),
    (
        "converge_declined_cvv2",
        "Converge: ssl_result other than 0 is a decline; ssl_result_message 'DECLINED CVV2'",
        {"content": "<txn><ssl_result>1</ssl_result><ssl_result_message>DECLINED CVV2</ssl_result_message>"
                    "<ssl_txn_id>AA49315-1235</ssl_txn_id></txn>"},
        "converge",
        {"status_category": "DECLINED", "failure_reason": "INCORRECT_CVC"},
    ),
    (
        "opayo_notauthed_bank_51",
        "developer-eu.elavon.com/docs/opayo-direct/api-reference/transaction-registration-post-response "
        "(NOTAUTHED: the gateway could not authorise); DeclineCode is the bank's code (51)",
        {"content": "VPSProtocol=4.00\r\nStatus=NOTAUTHED\r\nStatusDetail=2000 : The Authorisation was Declined "
                    "by the bank.\r\nVPSTxId={B1E6B8C2-1234-4D2A-9C7E-55A1F3B2C111}\r\nSecurityKey=ABCDEF1234"
                    "\r\nAVSCV2=ALL MATCH\r\nDeclineCode=51"},
        "opayo",
        {"status_category": "DECLINED", "failure_reason": "INSUFFICIENT_FUNDS",
         "provider_transaction_id": "{B1E6B8C2-1234-4D2A-9C7E-55A1F3B2C111}"},
    ),
    (
        "opayo_rejected_by_merchant_rules",
        "Opayo Status REJECTED: 'rejected the transaction because of the fraud screening rules you have set'",
        {"content": "VPSProtocol=4.00\r\nStatus=REJECTED\r\nStatusDetail=2001 : The Transaction was rejected "
                    "because of your rules.\r\nVPSTxId={B1E6B8C2-1234-4D2A-9C7E-55A1F3B2C113}"},
        "opayo",
        {"status_category": "DECLINED", "failure_reason": "RISK_REJECTED", "failure_source": "MERCHANT_RISK"},
    ),
    (
        "realex_xml_101_declined",
        "Global Payments ecommerce XML response; result 101 'Decline' (woohoopay.com/error-codes/, "
        "a copy of the Global Payments message and error code list)",
        {"content": "<response timestamp=\"20240115103000\"><merchantid>yourmerchantid</merchantid>"
                    "<account>internet</account><orderid>N6qsk4kYRZihmPrTXWYS6g</orderid><authcode/>"
                    "<result>101</result><cvnresult>M</cvnresult><message>[ test system ] DECLINED</message>"
                    "<pasref>14610544313177922</pasref></response>"},
        "globalpayments_realex",
        {"status_category": "DECLINED", "failure_reason": "GENERIC_DECLINE", "raw_reason_code": "101"},
    ),
    (
        "moneris_approved_027",
        "developer.moneris.com (ResponseCode 000-049 approved, 050-999 declined)",
        {"content": "<response><receipt><ReceiptId>order-1</ReceiptId><ReferenceNum>660110910011138780</ReferenceNum>"
                    "<ResponseCode>027</ResponseCode><Message>APPROVED           *                    =</Message>"
                    "<TransID>1-0_3</TransID><TransAmount>1.00</TransAmount><Complete>true</Complete>"
                    "</receipt></response>"},
        "moneris",
        {"status_category": "APPROVED", "provider_transaction_id": "1-0_3"},
    ),
    (
        "amex_action_code_122",
        "American Express action code 122 'Invalid card security code' "
        "(docs.lyra.com/en/rest/V4.0/api/acq_errors/amex_global.html)",
        {"ACTION_CODE": "122", "ACTION_DESCRIPTION": "Invalid CID", "TRANSACTION_ID": "993202940049449",
         "AMOUNT": "10.50", "CURRENCY": "USD"},
        "iso8583_action_code",
        {"status_category": "DECLINED", "failure_reason": "INCORRECT_CVC", "amount_minor": 1050},
    ),
    (
        "iso_response_code_with_agreeing_message",
        "ResponseCode/Message reply carrying ISO 8583 field 39 (51 not sufficient funds: "
        "card-present.readme.io/reference/errors; docs.fatzebra.com/docs/response-codes)",
        {"ResponseCode": "51", "ResponseMessage": "Insufficient Funds", "TransactionID": "T-771",
         "Amount": "12.00", "Currency": "AUD"},
        "iso8583_response_code",
        {"status_category": "DECLINED", "failure_reason": "INSUFFICIENT_FUNDS", "amount_minor": 1200},
    ),
    # --- gateways with no provider mapping (round-1 unmapped_gateways): each family from its documentation ---
    (
        "payflow_xmlpay_insufficient_funds",
        "Payflow XMLPay Developer's Guide, ResponseData (Result, Message, PnRef); RESULT 50 insufficient funds "
        "(Payflow Pro guide, RESULT values)",
        {"content": "<XMLPayResponse><ResponseData><TransactionResults><TransactionResult><Result>50</Result>"
                    "<Message>Insufficient funds available in account</Message><PnRef>V19A2E1B2C3D</PnRef>"
                    "</TransactionResult></TransactionResults></ResponseData></XMLPayResponse>"},
        "payflow",
        {"status_category": "DECLINED", "failure_reason": "INSUFFICIENT_FUNDS", "raw_reason_code": "50"},
    ),
    (
        "opayo_notauthed_without_bank_code",
        "developer-eu.elavon.com/docs/opayo-direct (Status NOTAUTHED: the bank could not authorise; no reason given)",
        {"content": "VPSProtocol=4.00\r\nStatus=NOTAUTHED\r\nStatusDetail=Not authorised.\r\n"
                    "VPSTxId={0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}\r\nSecurityKey=ABCDEF1234"},
        "opayo",
        {"status_category": "DECLINED", "failure_reason": "GENERIC_DECLINE"},
    ),
    (
        "redsys_0116_insufficient_funds_unpadded",
        "Redsys Ds_Response table (uviseo.com/noticia/15/codigos-respuesta-tpv-virtual-redsys; gist dvrensk "
        "Redsys result codes): 0116 disponible insuficiente; Ds_Amount minor units, Ds_Currency ISO numeric",
        {"content": "<RETORNOXML><CODIGO>0</CODIGO><OPERACION><Ds_Amount>2550</Ds_Amount><Ds_Currency>978"
                    "</Ds_Currency><Ds_Order>0000A7B1</Ds_Order><Ds_MerchantCode>999008881</Ds_MerchantCode>"
                    "<Ds_Terminal>1</Ds_Terminal><Ds_Response>116</Ds_Response><Ds_TransactionType>0"
                    "</Ds_TransactionType></OPERACION></RETORNOXML>"},
        "redsys",
        {"status_category": "DECLINED", "failure_reason": "INSUFFICIENT_FUNDS", "amount_minor": 2550,
         "currency": "EUR", "event_kind": "AUTHORIZATION"},
    ),
    (
        "redsys_0000_approved",
        "Redsys Ds_Response: 0000 a 0099 transacción autorizada para pagos y preautorizaciones",
        {"content": "<RETORNOXML><CODIGO>0</CODIGO><OPERACION><Ds_Amount>1000</Ds_Amount><Ds_Currency>840"
                    "</Ds_Currency><Ds_Order>0000A7B2</Ds_Order><Ds_MerchantCode>999008881</Ds_MerchantCode>"
                    "<Ds_Response>0000</Ds_Response><Ds_TransactionType>0</Ds_TransactionType>"
                    "</OPERACION></RETORNOXML>"},
        "redsys",
        {"status_category": "APPROVED", "failure_reason": None, "amount_minor": 1000, "currency": "USD"},
    ),
    (
        "redsys_0900_refund",
        "Redsys Ds_Response 900: autorizada para devoluciones y confirmaciones; Ds_TransactionType 3 devolución",
        {"content": "<RETORNOXML><CODIGO>0</CODIGO><OPERACION><Ds_Amount>500</Ds_Amount><Ds_Currency>978"
                    "</Ds_Currency><Ds_Order>0000A7B3</Ds_Order><Ds_MerchantCode>999008881</Ds_MerchantCode>"
                    "<Ds_Response>0900</Ds_Response><Ds_TransactionType>3</Ds_TransactionType>"
                    "</OPERACION></RETORNOXML>"},
        "redsys",
        {"status_category": "REFUNDED", "event_kind": "REFUND", "amount_minor": 500},
    ),
    (
        "redsys_0400_cancellation",
        "Redsys Ds_Response 400: autorizada para anulaciones",
        {"content": "<RETORNOXML><CODIGO>0</CODIGO><OPERACION><Ds_Amount>500</Ds_Amount><Ds_Currency>978"
                    "</Ds_Currency><Ds_Order>0000A7B4</Ds_Order><Ds_MerchantCode>999008881</Ds_MerchantCode>"
                    "<Ds_Response>0400</Ds_Response><Ds_TransactionType>9</Ds_TransactionType>"
                    "</OPERACION></RETORNOXML>"},
        "redsys",
        {"status_category": "CANCELLED", "event_kind": "VOID"},
    ),
    (
        "eway_rapid_approved_minor_units",
        "eway.io/api-v3/#response-amp-error-codes (A2000 Transaction Approved; TotalAmount in the lowest "
        "denomination of the currency)",
        {"TransactionStatus": True, "TransactionID": 11223344, "ResponseCode": "00", "ResponseMessage": "A2000",
         "Payment": {"TotalAmount": 2700, "CurrencyCode": "NZD"}},
        "eway_rapid",
        {"status_category": "APPROVED", "amount_minor": 2700, "currency": "NZD"},
    ),
    (
        "eway_rapid_d4451_insufficient_funds",
        "eWAY Rapid response messages: D4451 Insufficient Funds (D44xx: the bank's ISO 8583 code xx)",
        {"TransactionStatus": False, "TransactionID": 11223345, "ResponseCode": "51", "ResponseMessage": "D4451",
         "Payment": {"TotalAmount": 2700, "CurrencyCode": "AUD"}},
        "eway_rapid",
        {"status_category": "DECLINED", "failure_reason": "INSUFFICIENT_FUNDS", "raw_reason_code": "D4451"},
    ),
    (
        "eway_rapid_v6011_validation_error",
        "eWAY Rapid validation response codes: V6011 Invalid Payment TotalAmount",
        {"TransactionStatus": False, "TransactionID": 0, "Errors": "V6011"},
        "eway_rapid",
        {"status_category": "ERROR", "failure_reason": "INVALID_REQUEST"},
    ),
    (
        "bluepay_sale_declined_insufficient",
        "BluePay 2.0 Post response: STATUS 0 declined, MESSAGE the reason, TRANS_TYPE SALE",
        {"content": "TRANS_ID=100200300400&STATUS=0&MESSAGE=Insufficient%20Funds&TRANS_TYPE=SALE"
                    "&PAYMENT_ACCOUNT_MASK=xxxxxxxxxxxx1111&CARD_TYPE=VISA"},
        "bluepay",
        {"status_category": "DECLINED", "failure_reason": "INSUFFICIENT_FUNDS", "event_kind": "AUTHORIZATION"},
    ),
    (
        "bluepay_refund_approved",
        "BluePay 2.0 Post response: STATUS 1 approved, TRANS_TYPE REFUND",
        {"content": "TRANS_ID=100200300401&STATUS=1&MESSAGE=Approved%20Refund&TRANS_TYPE=REFUND"},
        "bluepay",
        {"status_category": "REFUNDED", "event_kind": "REFUND"},
    ),
    (
        "usaepay_approved",
        "help.usaepay.info/developer/transaction-api/ (UMresult A approved, UMstatus Approved, UMrefNum)",
        {"content": "UMversion=2.9&UMstatus=Approved&UMauthCode=123456&UMrefNum=3001002&UMresult=A&UMerror="
                    "&UMerrorcode=00000"},
        "usaepay",
        {"status_category": "APPROVED", "provider_transaction_id": "3001002"},
    ),
    (
        "usaepay_error",
        "USAePay transaction API: UMresult E error, UMerror the reason text",
        {"content": "UMversion=2.9&UMstatus=Error&UMrefNum=3001003&UMresult=E&UMerror=Card%20Number%20was"
                    "%20not%20between%2013%20and%2016%20digits&UMerrorcode=10103"},
        "usaepay",
        {"status_category": "ERROR", "failure_reason": "INVALID_CARD_DATA"},
    ),
    (
        "firstdata_e4_bank_521_insufficient_funds",
        "support.payeezy.com/hc/en-us/articles/203730509 (bank response codes; 521 insufficient funds); "
        "EXact_Resp_Code 00 transaction normal (203730499); DollarAmount in major units",
        {"content": "<TransactionResult><Transaction_Type>00</Transaction_Type><DollarAmount>25.0</DollarAmount>"
                    "<Transaction_Tag>90001</Transaction_Tag><Transaction_Error>false</Transaction_Error>"
                    "<Transaction_Approved>false</Transaction_Approved><EXact_Resp_Code>00</EXact_Resp_Code>"
                    "<EXact_Message>Transaction Normal</EXact_Message><Bank_Resp_Code>521</Bank_Resp_Code>"
                    "<Bank_Message>Insufficient Funds</Bank_Message><Currency>CAD</Currency></TransactionResult>"},
        "firstdata_e4",
        {"status_category": "DECLINED", "failure_reason": "INSUFFICIENT_FUNDS", "raw_reason_code": "521",
         "amount_minor": 2500, "currency": "CAD"},
    ),
    (
        "firstdata_e4_tagged_refund_approved",
        "Payeezy Gateway: Transaction_Approved true, Bank_Resp_Code 100 approved; Transaction_Type 34 tagged refund",
        {"content": "<TransactionResult><Transaction_Type>34</Transaction_Type><DollarAmount>10.00</DollarAmount>"
                    "<Transaction_Tag>90002</Transaction_Tag><Transaction_Approved>true</Transaction_Approved>"
                    "<EXact_Resp_Code>00</EXact_Resp_Code><Bank_Resp_Code>100</Bank_Resp_Code>"
                    "<Currency>USD</Currency></TransactionResult>"},
        "firstdata_e4",
        {"status_category": "REFUNDED", "event_kind": "REFUND", "amount_minor": 1000},
    ),
    (
        "beanstream_user_error",
        "Beanstream Process Transaction API, response variables: trnApproved 0; errorType U a user-generated "
        "(form field validation) error",
        {"content": "trnApproved=0&trnId=0&messageId=3&messageText=Invalid+card+number&errorType=U"
                    "&errorFields=trnCardNumber&trnType=P"},
        "beanstream",
        {"status_category": "ERROR", "failure_reason": "INVALID_REQUEST"},
    ),
    (
        "beanstream_approved_return",
        "Beanstream response variables: trnApproved 1, messageId 1 Approved; trnType R return",
        {"content": "trnApproved=1&trnId=10000123&messageId=1&messageText=Approved&errorType=N&trnType=R"},
        "beanstream",
        {"status_category": "REFUNDED", "event_kind": "REFUND"},
    ),
    (
        "opayo_direct_3dauth_without_status_detail",
        "Opayo Direct transaction registration response: Status 3DAUTH = the customer is to be directed to their "
        "issuer for 3-D authentication (ACSURL, MD, PAReq returned); 3-D Secure authenticates a card",
        {"content": "VPSProtocol=3.00\r\nStatus=3DAUTH\r\n3DSecureStatus=OK\r\nMD=0653794577\r\n"
                    "ACSURL=https://acs.example.com/auth\r\nPAReq=eJxVUk1vwjAM\r\n"},
        "opayo",
        {"status_category": "PENDING", "failure_reason": None, "payment_method": "CARD"},
    ),
    (
        "opayo_invalid_uncoded_detail",
        "Opayo Direct/Server response: Status INVALID = information supplied was invalid; StatusDetail the "
        "human-readable error (here without a 4-digit code)",
        {"content": "VPSProtocol=3.00\r\nStatus=INVALID\r\nStatusDetail=The VendorTxCode is too long.\r\n"},
        "opayo",
        {"status_category": "ERROR", "failure_reason": "INVALID_REQUEST"},
    ),
    (
        "opayo_notauthed_bank_code_99_stays_a_decline",
        "Opayo: NOTAUTHED = the bank could not authorise (a decline); DeclineCode 99 names no decline reason "
        "(ISO 8583 99 is a system error), so the decline keeps GENERIC_DECLINE",
        {"content": "VPSProtocol=3.00\r\nStatus=NOTAUTHED\r\nStatusDetail=Not authorized.\r\n"
                    "VPSTxId={5A1BC414-0000-48DD-9B8B-DCDF096CE0BE}\r\nCV2Result=MATCHED\r\nDeclineCode=99\r\n"},
        "opayo",
        {"status_category": "DECLINED", "failure_reason": "GENERIC_DECLINE", "raw_reason_code": "99",
         "payment_method": "CARD"},
    ),
    (
        "opayo_void_successful",
        "Opayo shared protocol VOID: Status OK with StatusDetail 'The Void was Successful.'",
        {"content": "VPSProtocol=3.00\r\nStatus=OK\r\nStatusDetail=2005 : The Void was Successful.\r\n"},
        "opayo",
        {"status_category": "CANCELLED", "event_kind": "VOID"},
    ),
    (
        "opayo_refund_ok_with_txtype",
        "Opayo shared protocol REFUND (TxType=REFUND): Status OK, TxAuthNo the refund's authorisation number",
        {"content": "VPSProtocol=3.00\r\nTxType=REFUND\r\nStatus=OK\r\nStatusDetail=0000 : The Authorisation "
                    "was Successful.\r\nVPSTxId={5A1BC414-0001-48DD-9B8B-DCDF096CE0BE}\r\nTxAuthNo=9962\r\n"},
        "opayo",
        {"status_category": "REFUNDED", "event_kind": "REFUND"},
    ),
    (
        "buckaroo_push_190_success",
        "Buckaroo 'Status codes': 190 Success; push fields brq_statuscode, brq_amount (major units), brq_currency",
        {"brq_payment": "0123456789ABCDEF", "brq_payment_method": "paypal", "brq_statuscode": "190",
         "brq_statusmessage": "Transaction successfully processed", "brq_invoicenumber": "INV-1",
         "brq_amount": "25.50", "brq_currency": "EUR", "brq_transactions": "FEDCBA9876543210"},
        "buckaroo",
        {"status_category": "APPROVED", "amount_minor": 2550, "currency": "EUR", "payment_method": "WALLET",
         "provider_transaction_id": "FEDCBA9876543210"},
    ),
    (
        "buckaroo_push_491_validation_failure",
        "Buckaroo 'Status codes': 491 Validation failure (the request was not valid)",
        {"brq_payment": "0123456789ABCDE0", "brq_statuscode": "491", "brq_statusmessage": "Validation failure",
         "brq_invoicenumber": "INV-2", "brq_amount": "10.00", "brq_currency": "EUR",
         "brq_transactions": "FEDCBA9876543211"},
        "buckaroo",
        {"status_category": "ERROR", "failure_reason": "INVALID_REQUEST", "raw_reason_code": "491"},
    ),
    (
        "buckaroo_push_890_cancelled_by_user",
        "Buckaroo 'Status codes': 890 Cancelled by user",
        {"brq_payment": "0123456789ABCDE1", "brq_statuscode": "890", "brq_statusmessage": "Cancelled by user",
         "brq_invoicenumber": "INV-3", "brq_amount": "10.00", "brq_currency": "EUR",
         "brq_transactions": "FEDCBA9876543212"},
        "buckaroo",
        {"status_category": "CANCELLED", "failure_reason": None},
    ),
    (
        "buckaroo_push_791_pending_processing",
        "Buckaroo 'Status codes': 790-793 pending (791 Pending processing)",
        {"brq_payment": "0123456789ABCDE2", "brq_statuscode": "791", "brq_invoicenumber": "INV-4",
         "brq_amount": "10.00", "brq_currency": "EUR", "brq_transactions": "FEDCBA9876543213"},
        "buckaroo",
        {"status_category": "PENDING"},
    ),
    (
        "dpo_verify_token_000_paid",
        "DPO Pay API v6 verifyToken: Result 000 = transaction paid (ResultExplanation)",
        {"content": "<API3G><Result>000</Result><ResultExplanation>Transaction Paid</ResultExplanation>"
                    "<CustomerCreditType>Visa</CustomerCreditType><TransID>TX-1</TransID></API3G>"},
        "dpo",
        {"status_category": "APPROVED", "payment_method": "CARD", "provider_transaction_id": "TX-1"},
    ),
    (
        "dpo_verify_token_901_declined",
        "DPO Pay API v6 verifyToken: Result 901 = transaction declined",
        {"TransID": "TX-2", "CompanyRef": "ORD-2", "Result": "901", "ResultExplanation": "Transaction Declined"},
        "dpo",
        {"status_category": "DECLINED", "failure_reason": "GENERIC_DECLINE", "raw_reason_code": "901"},
    ),
    (
        "dpo_verify_token_904_cancelled",
        "DPO Pay API v6 verifyToken: Result 904 = transaction cancelled",
        {"TransID": "TX-3", "CompanyRef": "ORD-3", "Result": "904", "ResultExplanation": "Transaction cancelled"},
        "dpo",
        {"status_category": "CANCELLED"},
    ),
    (
        "asiapay_datafeed_successcode_0_numeric_currency",
        "AsiaPay PayDollar datafeed: successcode 0 = succeeded; Amt major units; Cur the currency (344 = HKD, "
        "ISO 4217 numeric); prc/src 0 the bank's success",
        {"content": "src=0&prc=0&Ord=12345678&Holder=x&successcode=0&Ref=ORD-5&PayRef=1234567&Amt=10.5&Cur=344"},
        "asiapay",
        {"status_category": "APPROVED", "amount_minor": 1050, "currency": "HKD", "provider_transaction_id": "1234567"},
    ),
    (
        "sips_paypage_response_00",
        "Worldline Sips 2.0 Paypage POST: Data 'key=value|...' with Seal; responseCode 00 = accepted; amount in "
        "minor units; currencyCode ISO 4217 numeric (978 = EUR)",
        {"Data": "amount=2500|currencyCode=978|merchantId=011223344550000|responseCode=00|"
                 "transactionReference=TR-9|acquirerResponseCode=00|paymentMeanType=CARD|captureMode=AUTHOR_CAPTURE",
         "InterfaceVersion": "HP_2.4", "Seal": "0f1e2d3c", "Encode": ""},
        "sips",
        {"status_category": "APPROVED", "amount_minor": 2500, "currency": "EUR", "payment_method": "CARD",
         "provider_transaction_id": "TR-9"},
    ),
    (
        "aps_purchase_14000_success",
        "Amazon Payment Services: status 14 / response_code 14000 = Purchase success; amount in minor units",
        {"command": "PURCHASE", "status": "14", "response_code": "14000", "response_message": "Success",
         "fort_id": "169996210006464984", "merchant_reference": "ORD-7", "amount": 10000, "currency": "AED",
         "payment_option": "VISA", "merchant_identifier": "abc", "access_code": "x"},
        "amazon_payment_services",
        {"status_category": "APPROVED", "amount_minor": 10000, "currency": "AED", "payment_method": "CARD",
         "provider_transaction_id": "169996210006464984"},
    ),
    (
        "aps_refund_06000_success",
        "Amazon Payment Services: status 06 Refund success, command REFUND",
        {"command": "REFUND", "status": "06", "response_code": "06000", "response_message": "Success",
         "fort_id": "169996210006464985", "merchant_reference": "ORD-7", "amount": 5000, "currency": "AED",
         "merchant_identifier": "abc", "access_code": "x"},
        "amazon_payment_services",
        {"status_category": "REFUNDED", "event_kind": "REFUND", "amount_minor": 5000},
    ),
]


@pytest.mark.parametrize(("name", "source", "data", "family", "expected"), FAMILY_REPLIES,
                         ids=[case[0] for case in FAMILY_REPLIES])
def test_a_documented_reply_of_each_family_is_read_and_accepted(name, source, data, family, expected):
    event = _event(data)
    assert event.variant == f"heuristic:{family}"
    assert {field: getattr(event, field) for field in expected} == expected
    assert event.provider == "UNKNOWN" and event.normalization_method == "heuristic"
    accepted = _cascade(data)
    assert isinstance(accepted, CanonicalEvent), f"deferred: {accepted}"


# Replies whose outcome value does not say the outcome by itself: deferred, never guessed.
AMBIGUOUS_REPLIES = [
    ("paypal_failure_with_unknown_code", {"content": "ACK=Failure&CORRELATIONID=2dc60e253495e&BUILD=1"
                                                     "&L_ERRORCODE0=99999&L_SHORTMESSAGE0=Unknown"}),
    # SetExpressCheckout succeeds with a token: the call worked, no payment was made.
    ("paypal_success_without_payment", {"content": "TOKEN=EC-1NK66318YB717835M&ACK=Success&CORRELATIONID=5ab"
                                                   "&BUILD=1&TIMESTAMP=2024-01-15T10:30:00Z"}),
    ("payflow_undocumented_result", {"content": "RESULT=77&PNREF=EFHP0D426A56&RESPMSG=Something else"}),
    # Opayo OK without an authorisation number or a NextURL: registered or authorised, it does not say.
    ("opayo_ok_alone", {"content": "VPSProtocol=4.00\r\nStatus=OK\r\nStatusDetail=0000 : Operation completed."
                                   "\r\nVPSTxId={B1E6B8C2-1234-4D2A-9C7E-55A1F3B2C114}"}),
    ("converge_undocumented_error", {"content": "<txn><errorCode>4999</errorCode><errorName>Other</errorName>"
                                                "<errorMessage>?</errorMessage></txn>"}),
    # An ISO-looking code whose message does not say the same outcome.
    ("iso_response_code_message_disagrees", {"ResponseCode": "51", "ResponseMessage": "OK", "TransactionID": "T-2"}),
    ("moneris_null_response", {"content": "<response><receipt><ReceiptId>order-2</ReceiptId><ResponseCode>null"
                                          "</ResponseCode><Message>Transaction Not Completed Timed Out</Message>"
                                          "<TransID>null</TransID></receipt></response>"}),
    # Redsys codes the Ds_Response table does not document, and a 0900 whose type is neither refund nor
    # confirmation: deferred.
    ("redsys_undocumented_code", {"content": "<RETORNOXML><OPERACION><Ds_Amount>100</Ds_Amount><Ds_Currency>978"
                                             "</Ds_Currency><Ds_Order>0000A7C1</Ds_Order><Ds_MerchantCode>1"
                                             "</Ds_MerchantCode><Ds_Response>0177</Ds_Response></OPERACION>"
                                             "</RETORNOXML>"}),
    ("redsys_0900_without_type", {"content": "<RETORNOXML><OPERACION><Ds_Amount>100</Ds_Amount><Ds_Currency>978"
                                             "</Ds_Currency><Ds_Order>0000A7C2</Ds_Order><Ds_MerchantCode>1"
                                             "</Ds_MerchantCode><Ds_Response>0900</Ds_Response></OPERACION>"
                                             "</RETORNOXML>"}),
    # eWAY: not approved, yet only an approval code: contradictory.
    ("eway_not_approved_with_approval_code", {"TransactionStatus": False, "TransactionID": 5,
                                              "ResponseMessage": "A2000"}),
    # Opayo OK with a TxAuthNo and no card checks: a REFUND's reply or a REPEAT's, it does not say which.
    ("opayo_ok_refund_or_repeat", {"content": "VPSProtocol=3.00\r\nStatus=OK\r\nStatusDetail=0000 : The "
                                              "Authorisation was Successful.\r\nVPSTxId={5A1BC414}\r\n"
                                              "SecurityKey=CLSMJYURGO\r\nTxAuthNo=9962\r\n"}),
    # Buckaroo 490 "Failed" says neither declined nor errored; a push about a refund is not the payment's outcome.
    ("buckaroo_490_failed", {"brq_payment": "P1", "brq_statuscode": "490", "brq_invoicenumber": "INV-9",
                             "brq_transactions": "T1", "brq_amount": "1.00", "brq_currency": "EUR"}),
    ("buckaroo_refund_push", {"brq_payment": "P2", "brq_statuscode": "190", "brq_invoicenumber": "INV-9",
                              "brq_transactions": "T2", "brq_amount_credit": "1.00", "brq_currency": "EUR"}),
    # DPO results the cited table does not state; AsiaPay failure without saying decline or error.
    ("dpo_undocumented_result", {"TransID": "TX-9", "Result": "902", "ResultExplanation": "Data mismatch"}),
    ("asiapay_successcode_1", {"src": "1", "prc": "1", "successcode": "1", "Ref": "ORD-9", "PayRef": "99",
                               "Amt": "1.00", "Cur": "344"}),
    # Sips codes other than 00; APS statuses that do not belong to the command, and APS failures.
    ("sips_response_05", {"Data": "amount=100|currencyCode=978|responseCode=05|transactionReference=TR-10",
                          "Seal": "ab", "InterfaceVersion": "HP_2.4"}),
    ("aps_status_of_another_command", {"command": "PURCHASE", "status": "06", "response_code": "06000",
                                       "fort_id": "1", "amount": 100, "currency": "AED"}),
    ("aps_purchase_failure", {"command": "PURCHASE", "status": "13", "response_code": "13016", "fort_id": "2",
                              "response_message": "Invalid card number", "amount": 100, "currency": "AED"}),
    # An HTTP status that does not say what failed (402 Payment Required, 410 Gone).
    ("http_402", {"http_status": 402, "http_reason": "Payment Required"}),
]


@pytest.mark.parametrize(("name", "data"), AMBIGUOUS_REPLIES, ids=[case[0] for case in AMBIGUOUS_REPLIES])
def test_a_reply_whose_outcome_is_ambiguous_is_deferred_as_low_confidence(name, data):
    result = _cascade(data)
    assert isinstance(result, Deferral) and result.reason_code == "LOW_CONFIDENCE", result


def test_a_family_code_is_read_in_its_own_numbering_not_as_iso():
    # Payflow RESULT 12 is "Declined", not ISO 8583 12 (invalid transaction); 50 is insufficient funds here.
    event = _event({"content": "RESULT=50&PNREF=EFHP0D426A57&RESPMSG=Insufficient funds available in account"})
    assert (event.status_category, event.failure_reason) == ("DECLINED", "INSUFFICIENT_FUNDS")
    event = _event({"content": "RESULT=12&PNREF=EFHP0D426A58&RESPMSG=Declined"})
    assert event.failure_reason == "GENERIC_DECLINE"


def test_common_field_names_alone_do_not_make_a_family():
    # status + status_detail is MercadoPago's (and many others'); not Opayo without Opayo's own fields.
    event = _event({"id": 1311230000, "status": "rejected", "status_detail": "cc_rejected_insufficient_amount",
                    "transaction_amount": 100.5, "currency_id": "BRL"})
    assert event.variant == "heuristic"
    # result + message without Global Payments' references is not a Realex reply.
    assert heuristics.read_reply({"result": "00", "message": "ok"}) is None
    # response + responsetext is NMI only with NMI's outcome values.
    assert heuristics.read_reply({"response": "approved", "responsetext": "x"}) is None


def test_an_issuer_code_beside_a_generic_decline_gives_the_specific_reason():
    # Stripe-like nested processor response: a generic decline word, the issuer's N7 (Visa: CVV2 failure).
    event = _event({"transaction_id": "t-1", "status": "declined", "amount": "10.00", "currency": "USD",
                    "decline_reason": "card_declined", "processor_response": {"code": "N7"},
                    "created": "2026-03-01T10:00:00Z"})
    assert (event.failure_reason, event.raw_reason_code) == ("INCORRECT_CVC", "N7")
    event = _event({"transaction_id": "t-2", "status": "declined", "amount": "10.00", "currency": "USD",
                    "decline_reason": "do_not_honor", "iso_response_code": "51"})
    assert (event.failure_reason, event.raw_reason_code) == ("INSUFFICIENT_FUNDS", "51")
    # A specific reason already found is kept.
    event = _event({"transaction_id": "t-3", "status": "declined", "amount": "10.00", "currency": "USD",
                    "decline_reason": "expired card", "iso_response_code": "51"})
    assert event.failure_reason == "EXPIRED_CARD"


def test_a_code_written_before_its_text_is_read_from_the_shared_table():
    assert heuristics.reason_from_text("51 - SALDO INSUFICIENTE") == "INSUFFICIENT_FUNDS"
    assert heuristics.reason_from_text("N7: decline for CVV2 failure") == "INCORRECT_CVC"
    assert heuristics.reason_from_text("R1") == "REVOKED"
    assert heuristics.reason_from_text("47") is None  # reserved for ISO use: no documented reason


def test_a_mastercard_merchant_advice_code_decides_soft_or_hard():
    base = {"transaction_id": "t-4", "status": "declined", "amount": "10.00", "currency": "USD",
            "response_code": "51"}
    assert _event({**base, "merchant_advice_code": "24"}).decline_type == "SOFT"  # retry after 1 hour
    assert _event({**base, "merchant_advice_code": "03"}).decline_type == "HARD"  # do not try again
    assert _event(base).decline_type == "SOFT"  # insufficient funds' default
    revoked = _event({**base, "response_code": "05", "merchant_advice_code": "21"})  # payment cancellation
    assert (revoked.failure_reason, revoked.decline_type) == ("REVOKED", "HARD")


def test_every_family_table_entry_is_a_valid_status_and_reason():
    for table in (heuristics.CYBERSOURCE_REASONS, heuristics.PAYPAL_NVP_ERRORS, heuristics.PAYFLOW_RESULTS,
                  heuristics.CONVERGE_ERRORS, heuristics.OPAYO_STATUSES, heuristics.REALEX_RESULTS):
        for code, (status, entry) in table.items():
            assert status in heuristics.StatusCategory, code
            failure = status in ("DECLINED", "ERROR", "UNKNOWN")
            assert entry is None or failure, f"{code}: a reason on a {status} outcome"
    for code, entry in heuristics.NMI_CODES.items():
        assert code[0] in "24" and entry.reason in heuristics.FailureReason


def test_gateway_codes_are_read_in_their_own_numbering_never_as_iso_8583():
    # Redsys numbers its codes in four digits and may drop the leading zero: 190 is 0190 (denegación sin
    # especificar motivo), never ISO 8583 "19" or an Amex action code 190.
    redsys = ("<RETORNOXML><OPERACION><Ds_Amount>100</Ds_Amount><Ds_Currency>978</Ds_Currency><Ds_Order>1"
              "</Ds_Order><Ds_MerchantCode>1</Ds_MerchantCode><Ds_Response>{}</Ds_Response></OPERACION></RETORNOXML>")
    for code in ("190", "0190"):
        event = _event({"content": redsys.format(code)})
        assert (event.status_category, event.failure_reason) == ("DECLINED", "GENERIC_DECLINE"), code
    assert _event({"content": redsys.format("101")}).failure_reason == "EXPIRED_CARD"  # tarjeta caducada
    # First Data's bank code 605 (invalid expiration date) is its own numbering, not ISO (no 3-digit ISO codes).
    assert heuristics.reason_from_text("605") is None and heuristics.reason_from_text("0190") is None
    assert "605" in heuristics.FIRSTDATA_BANK_CODES and "60" not in heuristics.FIRSTDATA_BANK_CODES


def test_the_new_families_do_not_claim_common_shapes():
    # status + message + an id is many gateways' shape: BluePay only with its TRANS_TYPE and TRANS_ID.
    assert heuristics.read_reply({"status": "1", "message": "ok", "id": "x"}) is None
    # A boolean TransactionStatus alone (Authorize.net-like) is not eWAY without eWAY's own codes.
    assert heuristics.read_reply({"TransactionStatus": True, "TransactionID": 1, "ResponseMessage": "OK"}) is None
    # ResponseCode 00 with an eWAY code beside it is read by eWAY (A2000 approves), not as an ambiguous ISO reply.
    reading = heuristics.read_reply({"TransactionStatus": True, "TransactionID": 1, "ResponseCode": "00",
                                     "ResponseMessage": "A2000"})
    assert reading is not None and reading.family == "eway_rapid" and reading.certain


def test_the_new_family_tables_are_valid():
    for table in (heuristics.REDSYS_CODES, heuristics.FIRSTDATA_BANK_CODES):
        for code, (status, entry) in table.items():
            assert status in heuristics.StatusCategory, code
            assert entry is None or status in ("DECLINED", "ERROR", "UNKNOWN"), code


# The body formats.py reads out of an HTML error page or a bare reason phrase (issue 10): {http_status, http_reason}.
# docs/taxonomy.md ("An API error answer ... is an ERROR event"); RFC 9110 sections 15.5/15.6, RFC 6585 (429).
HTTP_ERROR_BODIES = [
    (400, "Bad Request", "INVALID_REQUEST"),
    (401, "Authorization Required", "CONFIGURATION_ERROR"),
    (403, "Forbidden", "CONFIGURATION_ERROR"),
    (404, "Not Found", "INVALID_REQUEST"),
    (405, "Method Not Allowed", "INVALID_REQUEST"),
    (408, "Request Timeout", "TIMEOUT"),
    (409, "Conflict", "DUPLICATE"),
    (415, "Unsupported Media Type", "INVALID_REQUEST"),
    (422, "Unprocessable Entity", "INVALID_REQUEST"),
    (429, "Too Many Requests", "PROCESSING_ERROR"),
    (500, "Internal Server Error", "PROCESSING_ERROR"),
    (502, "Bad Gateway", "PROCESSING_ERROR"),
    (503, "Service Unavailable", "PROCESSING_ERROR"),
    (504, "Gateway Timeout", "TIMEOUT"),
]


@pytest.mark.parametrize(("status", "phrase", "reason"), HTTP_ERROR_BODIES, ids=[str(c[0]) for c in HTTP_ERROR_BODIES])
def test_an_http_error_answer_is_an_error_with_the_reason_of_its_status(status, phrase, reason):
    body = {"http_status": status, "http_reason": phrase}
    event = heuristics.normalize(body)
    assert isinstance(event, CanonicalEvent), event
    assert (event.status_category, event.failure_reason, event.raw_reason_code) == ("ERROR", reason, str(status))
    assert event.provider == "UNKNOWN" and event.variant == "heuristic:http_error"
    assert event.amount_minor is None and event.currency is None
    # Accepted by the cascade, with the hint's provider when the row names one.
    hinted = HEURISTICS_ONLY.normalize(read_lake_payload(json.dumps({"provider": "somegateway", "payload": body})))
    assert isinstance(hinted, CanonicalEvent), hinted
    assert (hinted.provider, hinted.status_category, hinted.failure_reason) == ("somegateway", "ERROR", reason)
    assert isinstance(_cascade(body), CanonicalEvent)


def test_an_http_error_body_without_its_reason_phrase_is_read_by_its_status():
    event = heuristics.normalize({"http_status": 401})
    assert (event.status_category, event.failure_reason) == ("ERROR", "CONFIGURATION_ERROR")
    assert heuristics.normalize({"http_status": "503", "http_reason": "Service Unavailable"}).failure_reason \
        == "PROCESSING_ERROR"


def test_only_the_exact_http_error_shape_is_read_as_one():
    # Another field beside them: a provider's own error body, not an error page.
    assert heuristics.read_reply({"http_status": 401, "http_reason": "Unauthorized", "code": "x"}) is None
    # Not an error status, or not a status at all.
    assert heuristics.read_reply({"http_status": 200, "http_reason": "OK"}) is None
    assert heuristics.read_reply({"http_status": 302, "http_reason": "Found"}) is None
    assert heuristics.read_reply({"http_status": True}) is None
    assert heuristics.read_reply({"http_reason": "Unauthorized"}) is None


def test_the_error_pages_formats_reads_are_http_errors():
    # As formats.py stores them: an HTML error page, a bare reason phrase, under a provider hint or not.
    page = "<html><head><title>401 Authorization Required</title></head><body><h1>Authorization Required</h1></body></html>"
    for data, provider in ((page, "UNKNOWN"), ("Unauthorized", "UNKNOWN"),
                           ({"provider": "somegateway", "content": "Service Unavailable"}, "somegateway")):
        parsed = read_lake_payload(json.dumps(data))
        assert isinstance(parsed.body, dict) and set(parsed.body) <= {"http_status", "http_reason"}, parsed.body
        event = HEURISTICS_ONLY.normalize(parsed)
        assert isinstance(event, CanonicalEvent), event
        assert event.status_category == "ERROR" and event.provider == provider
        assert event.failure_reason in ("CONFIGURATION_ERROR", "PROCESSING_ERROR")


def test_the_gateway_families_without_a_mapping_have_valid_tables():
    for table in (heuristics.BUCKAROO_STATUSES, heuristics.DPO_RESULTS):
        for code, (status, entry) in table.items():
            assert status in heuristics.StatusCategory, code
            assert entry is None or status in ("DECLINED", "ERROR", "UNKNOWN"), code
    for status, reason in heuristics.HTTP_ERROR_REASONS.items():
        assert 400 <= status <= 599 and heuristics.FailureReason(reason)


def test_the_gateway_families_without_a_mapping_do_not_claim_common_shapes():
    # result + a three-digit code is DPO only with DPO's ResultExplanation.
    assert heuristics.read_reply({"result": "000", "message": "ok"}) is None
    # responseCode 00 is Sips only beside a Seal/InterfaceVersion and Sips' own references.
    assert heuristics.read_reply({"responseCode": "00", "transactionReference": "x"}) is None
    # status + response_code is APS only with a five-digit code starting with the status, a command and its ids.
    assert heuristics.read_reply({"status": "14", "response_code": "14000", "command": "PURCHASE"}) is None
    # A successcode without AsiaPay's PayRef is not AsiaPay's.
    assert heuristics.read_reply({"successcode": "0", "Ref": "x"}) is None


# Round 3 (issue 10): payment notifications and status objects of gateways with no mapping, each from its
# documentation (cited beside each family in heuristics/replies/<family>.py). (name, lake data, family,
# expected fields).
ROUND3_REPLIES = [
    (
        "dotpay_urlc_completed",  # Dotpay technical manual, URLC: operation_status completed; amount in major units
        {"id": "700001", "operation_number": "M1234-5678", "operation_type": "payment",
         "operation_status": "completed", "operation_amount": "49.99", "operation_currency": "PLN",
         "control": "ORD-1", "channel": "73"},
        "dotpay",
        {"status_category": "APPROVED", "amount_minor": 4999, "currency": "PLN",
         "provider_transaction_id": "M1234-5678"},
    ),
    (
        "dotpay_urlc_rejected_no_reason",  # operation_status rejected: no reason is given
        {"id": "700001", "operation_number": "M1234-5679", "operation_type": "payment",
         "operation_status": "rejected", "operation_amount": "49.99", "operation_currency": "PLN"},
        "dotpay",
        {"status_category": "DECLINED", "failure_reason": "UNKNOWN", "amount_minor": 4999},
    ),
    (
        "dotpay_urlc_new_pending",  # operation_status new: a new operation, not yet paid
        {"id": "700001", "operation_number": "M1234-5680", "operation_type": "payment",
         "operation_status": "new", "operation_amount": "10.00", "operation_currency": "EUR"},
        "dotpay",
        {"status_category": "PENDING", "amount_minor": 1000, "currency": "EUR"},
    ),
    (
        "dotpay_urlc_refund_completed",  # operation_type refund, completed: the refund was made
        {"id": "700001", "operation_number": "M1234-5681", "operation_type": "refund",
         "operation_status": "completed", "operation_amount": "5.00", "operation_currency": "PLN"},
        "dotpay",
        {"status_category": "REFUNDED", "event_kind": "REFUND", "amount_minor": 500},
    ),
    (
        "ecpay_credit_paid",  # ECPay AIO ReturnURL: RtnCode 1 paid; TradeAmt in NTD (the API's only currency)
        {"MerchantID": "3002607", "MerchantTradeNo": "ORD20240101A", "RtnCode": "1", "RtnMsg": "Succeeded",
         "TradeNo": "2401011200000001", "TradeAmt": "250", "PaymentType": "Credit_CreditCard",
         "SimulatePaid": "0", "CheckMacValue": "AB12"},
        "ecpay",
        {"status_category": "APPROVED", "amount_minor": 25000, "currency": "TWD", "payment_method": "CARD",
         "provider_transaction_id": "2401011200000001"},
    ),
    (
        "ecpay_cvs_code_issued",  # PaymentInfoURL: CVS RtnCode 10100073 = code issued, awaiting payment at the store
        {"MerchantID": "3002607", "MerchantTradeNo": "ORD20240101B", "RtnCode": "10100073",
         "RtnMsg": "Get CVS Code Succeeded.", "TradeNo": "2401011200000002", "TradeAmt": "1200",
         "PaymentType": "CVS_CVS", "PaymentNo": "LLL24010100001", "ExpireDate": "2024/01/08 12:00:00"},
        "ecpay",
        {"status_category": "PENDING", "amount_minor": 120000, "currency": "TWD", "payment_method": "CASH_VOUCHER"},
    ),
    (
        "ecpay_atm_account_issued",  # PaymentInfoURL: ATM RtnCode 2 = virtual account issued, awaiting transfer
        {"MerchantID": "3002607", "MerchantTradeNo": "ORD20240101C", "RtnCode": "2",
         "RtnMsg": "Get VirtualAccount Succeeded", "TradeNo": "2401011200000003", "TradeAmt": "800",
         "PaymentType": "ATM_TAISHIN", "BankCode": "812", "vAccount": "9103522175887271"},
        "ecpay",
        {"status_category": "PENDING", "payment_method": "BANK_TRANSFER"},
    ),
    (
        "sequra_ipn_needs_review",  # seQura IPN: sq_state needs_review = on hold while seQura reviews the order
        {"order_ref_1": "ORD-77", "sq_state": "needs_review"},
        "sequra",
        {"status_category": "PENDING", "payment_method": "BNPL", "amount_minor": None},
    ),
    (
        "sequra_ipn_cancelled",  # seQura IPN: sq_state cancelled
        {"order_ref_1": "ORD-78", "sq_state": "cancelled"},
        "sequra",
        {"status_category": "CANCELLED", "payment_method": "BNPL"},
    ),
    (
        "bacen_pix_cob_concluida",  # API Pix cob: status CONCLUIDA = paid; valor.original in reais (Pix is BRL)
        {"calendario": {"criacao": "2024-01-01T10:00:00.00-03:00", "expiracao": 3600},
         "txid": "7978c0c97ea847e78e8849634473c1f1", "revisao": 0, "location": "pix.example.com/qr/v2/9d36b84f",
         "status": "CONCLUIDA",
         "valor": {"original": "37.00"}, "chave": "7d9f0335-8dcc-4054-9bf9-0dbd61d36906",
         "pix": [{"endToEndId": "E12345678202401011300abcdef12345", "txid": "7978c0c97ea847e78e8849634473c1f1",
                  "valor": "37.00", "horario": "2024-01-01T10:05:00.00-03:00"}]},
        "bacen_pix_cob",
        {"status_category": "APPROVED", "amount_minor": 3700, "currency": "BRL", "payment_method": "PIX",
         "provider_transaction_id": "7978c0c97ea847e78e8849634473c1f1"},
    ),
    (
        "bacen_pix_cob_removida_pelo_psp",  # API Pix cob: REMOVIDA_PELO_PSP = removed by the PSP
        {"calendario": {"criacao": "2024-01-01T10:00:00.00-03:00", "expiracao": 3600},
         "txid": "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6", "revisao": 1, "status": "REMOVIDA_PELO_PSP",
         "valor": {"original": "10.50"}, "chave": "+5561999999999"},
        "bacen_pix_cob",
        {"status_category": "CANCELLED", "amount_minor": 1050, "currency": "BRL"},
    ),
]


@pytest.mark.parametrize(("name", "data", "family", "expected"), ROUND3_REPLIES, ids=[c[0] for c in ROUND3_REPLIES])
def test_a_documented_notification_of_each_round3_family_is_read_and_accepted(name, data, family, expected):
    event = _event(data)
    assert event.variant == f"heuristic:{family}"
    assert {field: getattr(event, field) for field in expected} == expected
    assert event.provider == "UNKNOWN" and event.normalization_method == "heuristic"
    accepted = _cascade(data)
    assert isinstance(accepted, CanonicalEvent), f"deferred: {accepted}"


ROUND3_AMBIGUOUS = [
    # ECPay: a payment result other than 1 is "交易異常" (to be checked), not a stated decline; a simulated
    # payment (SimulatePaid 1) took no money; a CVS code on an ATM payment type is not the documented pair.
    ("ecpay_rtncode_other", {"MerchantID": "3002607", "MerchantTradeNo": "ORD-X1", "RtnCode": "10200047",
                             "RtnMsg": "Cant not find the trade data.", "TradeNo": "1", "TradeAmt": "100",
                             "PaymentType": "Credit_CreditCard"}),
    ("ecpay_simulated_payment", {"MerchantID": "3002607", "MerchantTradeNo": "ORD-X2", "RtnCode": "1",
                                 "RtnMsg": "Succeeded", "TradeNo": "2", "TradeAmt": "100",
                                 "PaymentType": "Credit_CreditCard", "SimulatePaid": "1"}),
    ("ecpay_cvs_code_on_atm_type", {"MerchantID": "3002607", "MerchantTradeNo": "ORD-X3", "RtnCode": "10100073",
                                    "RtnMsg": "x", "TradeNo": "3", "TradeAmt": "100", "PaymentType": "ATM_TAISHIN"}),
    # Dotpay: an operation that is not a payment or a refund, and a status the URLC list does not have.
    ("dotpay_payout", {"operation_number": "M1-1", "operation_type": "payout", "operation_status": "completed",
                       "operation_amount": "1.00", "operation_currency": "PLN"}),
    ("dotpay_undocumented_status", {"operation_number": "M1-2", "operation_type": "payment",
                                    "operation_status": "frozen", "operation_amount": "1.00",
                                    "operation_currency": "PLN"}),
    # seQura: a state the IPN does not document.
    ("sequra_undocumented_state", {"order_ref_1": "ORD-79", "sq_state": "on_hold"}),
]


@pytest.mark.parametrize(("name", "data"), ROUND3_AMBIGUOUS, ids=[c[0] for c in ROUND3_AMBIGUOUS])
def test_a_round3_notification_whose_outcome_is_not_documented_is_deferred(name, data):
    result = _cascade(data)
    assert isinstance(result, Deferral) and result.reason_code == "LOW_CONFIDENCE", result


def _hinted(provider, body):
    return HEURISTICS_ONLY.normalize(read_lake_payload(json.dumps({"provider": provider, "payload": body})))


def test_an_easypay_checkout_is_read_only_under_an_easypay_hint():
    # docs.easypay.pt Checkout: {id, type, payment: {id, method, status}}; paid / authorised / pending.
    body = {"id": "c-1", "type": ["single"], "payment": {"id": "p-1", "status": "paid", "method": "cc"}}
    event = _hinted("easypay", body)
    assert isinstance(event, CanonicalEvent), event
    assert (event.provider, event.status_category, event.payment_method, event.variant) == \
        ("easypay", "APPROVED", "CARD", "heuristic:easypay")
    assert (event.amount_minor, event.currency) == (None, None)
    pending = _hinted("easypay", {**body, "payment": {"id": "p-2", "status": "pending", "method": "mbw"}})
    assert (pending.status_category, pending.payment_method) == ("PENDING", "WALLET")
    # "failed" does not say declined or errored; without the hint the shape is anybody's.
    failed = _hinted("easypay", {**body, "payment": {"id": "p-3", "status": "failed", "method": "cc"}})
    assert isinstance(failed, Deferral) and failed.reason_code == "LOW_CONFIDENCE", failed
    assert heuristics.read_reply(body) is None
    assert isinstance(_cascade(body), Deferral)


def test_the_round3_families_do_not_claim_common_shapes():
    # A bare status ATIVA/CONCLUIDA with an id is not a Pix cob without txid, revisao and chave.
    assert heuristics.read_reply({"status": "CONCLUIDA", "txid": "x", "valor": {"original": "1.00"}}) is None
    # RtnCode with a trade number is ECPay's only with its PaymentType and TradeAmt (the logistics and
    # invoice APIs have RtnCode too).
    assert heuristics.read_reply({"RtnCode": "1", "MerchantTradeNo": "x", "RtnMsg": "OK"}) is None
    # sq_state needs seQura's order reference; operation_status needs Dotpay's operation_number and amount.
    assert heuristics.read_reply({"sq_state": "approved"}) is None
    assert heuristics.read_reply({"operation_status": "completed", "id": "1"}) is None


def test_a_redsys_card_notification_states_the_card_method():
    # Ds_Card_Number and Ds_Card_Brand are sent for card payments (Redsys notification parameters).
    event = _event({"Ds_Amount": "500", "Ds_Currency": "978", "Ds_Order": "0000A1", "Ds_MerchantCode": "999008881",
                    "Ds_Response": "0000", "Ds_TransactionType": "0", "Ds_Card_Number": "454881******0003",
                    "Ds_Card_Brand": "1"})
    assert (event.status_category, event.payment_method, event.amount_minor) == ("APPROVED", "CARD", 500)


# --- bare JSON error answers of REST APIs no spec maps (family api_error) ----------------------------------

# (lake data, expected (status, reason)); shapes from RFC 9457 (problem details), JSON:API 1.1 section 11
# (error objects), RFC 6749 section 5.2 (OAuth error), and the ``error`` object most payment APIs answer with.
API_ERROR_BODIES = [
    ({"type": "https://example.net/probs/validation", "title": "Unprocessable Entity", "status": 422,
      "detail": "amount must be positive"}, ("ERROR", "INVALID_REQUEST")),
    ({"errors": [{"status": "401", "code": "unauthenticated", "title": "Invalid API key"}]},
     ("ERROR", "CONFIGURATION_ERROR")),
    ({"error": "invalid_client", "error_description": "Client authentication failed"},
     ("ERROR", "CONFIGURATION_ERROR")),
    ({"timestamp": "2024-05-01T10:00:00Z", "status": 503, "error": "Service Unavailable", "path": "/v1/charges",
      "message": "upstream acquirer unavailable"}, ("ERROR", "PROCESSING_ERROR")),
    ({"error": {"type": "api_error", "message": "Something went wrong on our end."}}, ("ERROR", "PROCESSING_ERROR")),
    ({"error": {"code": "missing_parameter", "message": "currency is required"}, "request_id": "req_1"},
     ("ERROR", "INVALID_REQUEST")),
    ({"errors": {"amount": ["can't be blank"], "currency": ["is not included in the list"]}},
     ("ERROR", "INVALID_REQUEST")),
    ({"success": False, "error": {"code": "insufficient_funds", "message": "The card has insufficient funds."}},
     ("DECLINED", "INSUFFICIENT_FUNDS")),
    ({"errors": [{"code": "card_declined", "message": "Your card was declined."}]}, ("DECLINED", "GENERIC_DECLINE")),
    ({"statusCode": 409, "message": "A payment with this idempotency key exists"}, ("ERROR", "DUPLICATE")),
    ({"code": 500, "message": "General Failure", "result": None}, ("ERROR", "PROCESSING_ERROR")),
]


@pytest.mark.parametrize(("data", "expected"), API_ERROR_BODIES)
def test_a_bare_api_error_answer_is_an_error_or_the_decline_it_states(data, expected):
    event = _cascade({**data, "provider": "acmepay"})
    assert isinstance(event, CanonicalEvent), event
    assert (str(event.status_category), str(event.failure_reason)) == expected
    assert event.variant == "heuristic:api_error" and event.amount_minor is None and event.provider == "acmepay"


@pytest.mark.parametrize("data", [
    {"error": {"code": "E1", "message": "Request could not be processed"}},  # no reason stated: deferred
    {"errors": [{"code": "X", "message": "oops"}]},
])
def test_an_api_error_answer_that_names_no_reason_is_deferred(data):
    outcome = _cascade({**data, "provider": "acmepay"})
    assert isinstance(outcome, Deferral) and outcome.reason_code == "LOW_CONFIDENCE"


@pytest.mark.parametrize("data", [
    # A payment beside an error field is a payment message, for the other readers.
    {"id": "t1", "status": "failed", "amount": "10.00", "currency": "EUR", "error": {"message": "card expired"}},
    {"success": True, "error": {"code": "none", "message": "invalid"}},  # an API that says it succeeded
    {"message": "Payment received", "status": "ok"},  # no error carrier, no HTTP error status
    {"code": "500", "message": "Declined by issuer"},  # a gateway's own code in text, not an HTTP status
])
def test_only_a_bare_error_envelope_is_read_as_an_api_error(data):
    from payobs_pipeline.normalization.heuristics.replies.api_error_body import _api_error_body

    assert _api_error_body(data) is None
