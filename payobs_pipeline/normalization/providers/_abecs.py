"""ABECS Normativo 21: the Brazilian card-decline return codes, shared by the Brazilian acquirer specs.

Not a provider module (the leading underscore keeps it out of ``PROVIDER_MODULES``): PagBank, Cielo, Getnet
and Rede pass the issuer's ABECS-standard code through (PagBank ``raw_data.reason_code``, Cielo ``ReturnCode``,
Rede ``brand.returnCode``, Getnet's issuer code), and ABECS says for each code whether a retry may succeed
("REVERSÍVEL" -> SOFT, "IRREVERSÍVEL" -> HARD).

Sources:
- https://docs.cielo.com.br/ecommerce-cielo/page/abecs (ABECS tables per brand: Elo, Visa, Mastercard/Hiper,
  Amex, with REVERSÍVEL / IRREVERSÍVEL and the POS/e-commerce message; Amex column and its Cielo de/para)
- https://developercielo.github.io/tutorial/abecs-e-outros-codigos (same table, one row per reason: GENÉRICA
  5/5/5/100/FA, SALDO/LIMITE INSUFICIENTE 51/51/51/116/A5, ...)
- https://docs.payzu.com.br/docs/cartao/abecs-codes (the same ABECS Elo table: 4, 5, 6, 12, 13, 14/56, 19, 23,
  30, 38, 41, 43, 46, 51, 54, 55, 57, 58, 59, 61, 62, 63, 64, 65, 75, 76, 77, 78, ...)
- https://api.abecs.org.br/wp-content/uploads/2023/04/20230406-Normativo-21-V3-aprovado-publicacao.pdf
- https://developers-business.picpay.com/checkout/docs/api-error-codes/api-error-codes-and-returns (ABECS
  messages per code: AB UTILIZE FUNÇÃO CRÉDITO, AC UTILIZE FUNÇÃO DÉBITO, 83 SENHA INVÁLIDA - NÃO TENTE ...)
Codes not listed here fall back to the shared ISO 8583 table (``reason_fallback: "iso8583"``); where ABECS
gives a Brazilian meaning that differs from ISO (04 "refazer a transação", 19 "falha do credenciador",
63 "falha de segurança - verifique os dados do cartão") the ABECS meaning wins here.
"""

_SOFT = "SOFT"
_HARD = "HARD"


def _e(reason: str, decline_type: str | None = None, source: str | None = None) -> dict:
    entry: dict = {"reason": reason}
    if decline_type:
        entry["decline_type"] = decline_type
    if source:
        entry["source"] = source
    return entry


# ABECS code (Elo / Visa / Mastercard-Hiper columns) -> reason, with ABECS's reversible (SOFT) / irreversible (HARD).
_NUMERIC = {
    "04": _e("GENERIC_DECLINE", _SOFT),  # REFAZER A TRANSAÇÃO (emissor solicita retentativa)
    "05": _e("GENERIC_DECLINE", _SOFT),  # GENÉRICA: CONTATE A CENTRAL DO SEU CARTÃO
    "06": _e("CONFIGURATION_ERROR", _SOFT),  # CONSULTAR CREDENCIADOR: LOJISTA, CONTATE O ADQUIRENTE
    "12": _e("INVALID_CARD_DATA", _HARD),  # ERRO NO CARTÃO: VERIFIQUE OS DADOS DO CARTÃO
    "13": _e("INVALID_REQUEST", _HARD),  # VALOR DA TRANSAÇÃO INVÁLIDA
    "14": _e("INVALID_CARD_DATA", _HARD),  # NÚMERO CARTÃO NÃO PERTENCE AO EMISSOR / INVÁLIDO
    "56": _e("INVALID_CARD_DATA", _HARD),  # idem (Elo)
    "19": _e("PROCESSING_ERROR", _HARD),  # PROBLEMAS ADQUIRENTE: ERRO NO CARTÃO - NÃO TENTE NOVAMENTE
    "23": _e("INVALID_REQUEST", _HARD),  # VALOR DA PARCELA INVÁLIDO: PARCELAMENTO INVÁLIDO
    "30": _e("INVALID_REQUEST", _HARD),  # ERRO DE FORMATO
    "38": _e("AUTHENTICATION_FAILED", _SOFT),  # EXCEDIDAS TENTATIVAS DE SENHA (compras)
    "41": _e("LOST_OR_STOLEN_CARD", _HARD),  # CARTÃO PERDIDO
    "43": _e("LOST_OR_STOLEN_CARD", _HARD),  # CARTÃO ROUBADO
    "46": _e("INVALID_CARD_DATA", _HARD),  # CONTA ENCERRADA
    "51": _e("INSUFFICIENT_FUNDS", _SOFT),  # SALDO/LIMITE INSUFICIENTE: NÃO AUTORIZADA
    "54": _e("EXPIRED_CARD", _HARD),  # CARTÃO VENCIDO / DT EXPIRAÇÃO INVÁLIDA
    "55": _e("AUTHENTICATION_FAILED", _SOFT, "CUSTOMER"),  # SENHA INVÁLIDA
    "57": _e("TRANSACTION_NOT_PERMITTED", _HARD),  # TRANSAÇÃO NÃO PERMITIDA PARA O CARTÃO
    "58": _e("CONFIGURATION_ERROR", _HARD),  # COMERCIANTE INVÁLIDO: TRANSAÇÃO NÃO PERMITIDA
    "59": _e("SUSPECTED_FRAUD", _SOFT),  # SUSPEITA DE FRAUDE: CONTATE A CENTRAL DO SEU CARTÃO
    "61": _e("LIMIT_EXCEEDED", _SOFT),  # VALOR EXCEDIDO
    "62": _e("RESTRICTED_CARD", _SOFT),  # BLOQUEIO TEMPORÁRIO (ex.: inadimplência)
    "63": _e("INVALID_CARD_DATA", _HARD),  # FALHA DE SEGURANÇA (inválido ou ausente): VERIFIQUE OS DADOS
    "64": _e("INVALID_REQUEST", _HARD),  # VALOR MÍNIMO DA TRANSAÇÃO INVÁLIDO
    "65": _e("LIMIT_EXCEEDED", _SOFT),  # QUANTIDADE DE SAQUES EXCEDIDA
    "75": _e("AUTHENTICATION_FAILED", _SOFT),  # EXCEDIDAS TENTATIVAS DE SENHA (saque)
    "76": _e("INVALID_CARD_DATA", _HARD),  # CONTA DESTINO INVÁLIDA OU INEXISTENTE
    "77": _e("INVALID_CARD_DATA", _HARD),  # CONTA ORIGEM INVÁLIDA OU INEXISTENTE
    "78": _e("RESTRICTED_CARD", _SOFT),  # CARTÃO NOVO SEM DESBLOQUEIO: DESBLOQUEIE O CARTÃO
    "83": _e("AUTHENTICATION_FAILED", _HARD),  # SENHA INVÁLIDA - NÃO TENTE NOVAMENTE
    "91": _e("ISSUER_UNAVAILABLE", _SOFT),  # EMISSOR FORA DO AR
    "96": _e("PROCESSING_ERROR", _SOFT),  # FALHA DO SISTEMA
}
# Alphanumeric ABECS codes.
_ALPHA = {
    "N7": _e("INCORRECT_CVC", _SOFT),  # CÓDIGO DE SEGURANÇA INVÁLIDO (Visa)
    "AB": _e("TRANSACTION_NOT_PERMITTED", _HARD),  # UTILIZE FUNÇÃO CRÉDITO
    "AC": _e("TRANSACTION_NOT_PERMITTED", _HARD),  # UTILIZE FUNÇÃO DÉBITO
    "R0": _e("REVOKED", _HARD),  # SUSPENSÃO DE PAGAMENTO RECORRENTE PARA UM SERVIÇO
    "R1": _e("REVOKED", _HARD),  # SUSPENSÃO DE PAGAMENTO RECORRENTE PARA TODOS OS SERVIÇOS
    "R3": _e("REVOKED", _HARD),
    "6P": _e("AUTHENTICATION_FAILED", _HARD),  # FALHA NA VERIFICAÇÃO DE DADOS
    "P5": _e("AUTHENTICATION_FAILED", _SOFT),  # TROCA DE SENHA / DESBLOQUEIO
}
# Amex (ISO 8583:1993 action codes) column of the ABECS table.
_AMEX = {
    "100": _e("GENERIC_DECLINE", _SOFT),  # GENÉRICA
    "101": _e("EXPIRED_CARD", _HARD),  # CARTÃO VENCIDO
    "106": _e("AUTHENTICATION_FAILED", _SOFT),  # EXCEDIDAS TENTATIVAS DE SENHA
    "109": _e("CONFIGURATION_ERROR", _HARD),  # COMERCIANTE INVÁLIDO
    "110": _e("INVALID_REQUEST", _HARD),  # VALOR INVÁLIDO
    "111": _e("INVALID_CARD_DATA", _HARD),  # NÚMERO CARTÃO INVÁLIDO
    "115": _e("TRANSACTION_NOT_PERMITTED", _HARD),  # FUNÇÃO NÃO SUPORTADA
    "116": _e("INSUFFICIENT_FUNDS", _SOFT),  # SALDO/LIMITE INSUFICIENTE
    "117": _e("AUTHENTICATION_FAILED", _SOFT, "CUSTOMER"),  # SENHA INVÁLIDA
    "119": _e("TRANSACTION_NOT_PERMITTED", _HARD),  # TRANSAÇÃO NÃO PERMITIDA PARA O CARTÃO
    "121": _e("INSUFFICIENT_FUNDS", _SOFT),  # SALDO/LIMITE INSUFICIENTE (limite)
    "122": _e("INCORRECT_CVC", _SOFT),  # CÓDIGO DE SEGURANÇA INVÁLIDO
    "200": _e("LOST_OR_STOLEN_CARD", _HARD),  # RETER CARTÃO
    # Cielo's de/para of the Amex codes.
    "FA": _e("GENERIC_DECLINE", _SOFT),
    "A5": _e("INSUFFICIENT_FUNDS", _SOFT),
}


def _spellings(table: dict) -> dict:
    """Each two-digit code also as acquirers print it: "5", "05", "005"."""
    out = {}
    for code, entry in table.items():
        out[code] = entry
        if code.isdigit():
            out[str(int(code))] = entry
            out[code.zfill(3)] = entry
    return out


ABECS_REASONS: dict[str, dict] = {**_spellings(_NUMERIC), **_ALPHA, **_AMEX}
