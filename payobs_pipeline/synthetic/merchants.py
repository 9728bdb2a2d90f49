"""The merchants of the synthetic lake, their countries and currencies, and where each provider's merchants are."""

from __future__ import annotations


COUNTRY_CURRENCY = {
    "US": "USD", "CA": "CAD", "AU": "AUD", "GB": "GBP", "JP": "JPY", "IN": "INR", "KW": "KWD",
    "BR": "BRL", "MX": "MXN", "AR": "ARS", "CO": "COP", "CL": "CLP", "PE": "PEN",
    "DE": "EUR", "FR": "EUR", "ES": "EUR", "NL": "EUR", "IT": "EUR", "IE": "EUR", "BE": "EUR",
}

MERCHANTS: tuple[dict, ...] = tuple(
    {"id": mid, "name": name, "country": country}
    for mid, name, country in (
        ("m_01HQ7ZK3", "Northwind Outfitters", "US"), ("m_01HQ7ZK4", "Blue Harbor Coffee", "US"),
        ("m_01HQ7ZK5", "Pixelcraft Games", "US"), ("m_01HQ7ZK6", "Summit Ride Share", "US"),
        ("m_01HQ7ZK7", "Evergreen Pharmacy", "US"), ("m_01HQ7ZK8", "Brightline Fitness", "US"),
        ("m_01HQ7ZK9", "Cedar & Pine Home", "US"), ("m_01HQ7ZKA", "Stackwise SaaS", "US"),
        ("m_01HQ7ZKB", "Thames Tickets", "GB"), ("m_01HQ7ZKC", "Camden Florist", "GB"),
        ("m_01HQ7ZKD", "Bristol Bikes", "GB"), ("m_01HQ7ZKE", "Lumen Streaming", "GB"),
        ("m_01HQ7ZKF", "Rheinwerk Elektronik", "DE"), ("m_01HQ7ZKG", "Kiez Lieferdienst", "DE"),
        ("m_01HQ7ZKH", "Alpenblick Reisen", "DE"), ("m_01HQ7ZKJ", "Maison Lumière", "FR"),
        ("m_01HQ7ZKK", "Boulangerie en Ligne", "FR"), ("m_01HQ7ZKM", "Grachten Fietsen", "NL"),
        ("m_01HQ7ZKN", "Tulpen Webshop", "NL"), ("m_01HQ7ZKP", "Sol y Mar Viajes", "ES"),
        ("m_01HQ7ZKQ", "Moda Ibérica", "ES"), ("m_01HQ7ZKR", "Trattoria Digitale", "IT"),
        ("m_01HQ7ZKS", "Liffey Books", "IE"), ("m_01HQ7ZKT", "Loja Verde", "BR"),
        ("m_01HQ7ZKV", "Mercado Paulista", "BR"), ("m_01HQ7ZKW", "Rio Delivery", "BR"),
        ("m_01HQ7ZKX", "Bahia Moda", "BR"), ("m_01HQ7ZKY", "Tienda Azteca", "MX"),
        ("m_01HQ7ZKZ", "Viajes Cancún", "MX"), ("m_01HQ7ZM0", "Farmacia del Valle", "MX"),
        ("m_01HQ7ZM1", "Pampa Electro", "AR"), ("m_01HQ7ZM2", "Buenos Aires Eats", "AR"),
        ("m_01HQ7ZM3", "Café Andino", "CO"), ("m_01HQ7ZM4", "Bogotá Market", "CO"),
        ("m_01HQ7ZM5", "Santiago Hogar", "CL"), ("m_01HQ7ZM6", "Lima Gourmet", "PE"),
        ("m_01HQ7ZM7", "Sakura Goods", "JP"), ("m_01HQ7ZM8", "Chai Point Online", "IN"),
        ("m_01HQ7ZM9", "Mumbai Movies", "IN"), ("m_01HQ7ZMA", "Gulf Gadgets", "KW"),
        ("m_01HQ7ZMB", "Outback Supplies", "AU"), ("m_01HQ7ZMC", "Maple Leaf Tickets", "CA"),
    )
)


MERCHANTS_BY_ID: dict[str, dict] = {m["id"]: m for m in MERCHANTS}

MERCHANTS_BY_COUNTRY: dict[str, list[dict]] = {}

for _m in MERCHANTS:
    MERCHANTS_BY_COUNTRY.setdefault(_m["country"], []).append(_m)

# Where each provider's merchants are (weights).
PROVIDER_COUNTRIES: dict[str, dict[str, float]] = {
    "stripe": {"US": 40, "GB": 12, "DE": 8, "FR": 6, "NL": 3, "ES": 4, "IE": 2, "JP": 5, "AU": 6, "CA": 6, "MX": 4,
               "BR": 4},
    "adyen": {"NL": 15, "DE": 15, "FR": 10, "GB": 15, "ES": 8, "IT": 7, "US": 20, "BR": 5, "AU": 5},
    "mercadopago": {"BR": 45, "AR": 20, "MX": 20, "CO": 8, "CL": 7},
    "paypal": {"US": 50, "GB": 15, "DE": 15, "FR": 5, "AU": 5, "CA": 5, "ES": 3, "JP": 2},
    "braintree": {"US": 70, "GB": 15, "CA": 8, "AU": 7},
    "checkout": {"GB": 35, "FR": 10, "DE": 10, "KW": 10, "US": 20, "NL": 5, "ES": 10},
    "worldpay": {"GB": 60, "US": 20, "DE": 10, "FR": 10},
    "razorpay": {"IN": 100},
    "mollie": {"NL": 45, "DE": 20, "FR": 15, "ES": 10, "GB": 10},
    "dlocal": {"BR": 25, "MX": 20, "AR": 15, "CO": 15, "CL": 13, "PE": 12},
    "payu": {"CO": 45, "MX": 20, "AR": 10, "PE": 15, "CL": 10},
    "ebanx": {"BR": 60, "MX": 15, "CO": 10, "CL": 8, "PE": 7},
    "square": {"US": 75, "CA": 10, "GB": 5, "AU": 5, "JP": 5},
    "authorizenet": {"US": 85, "CA": 10, "GB": 5},
}
