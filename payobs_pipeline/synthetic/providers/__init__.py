"""One module per provider the generator renders, named like normalization/providers/<provider>.py.

Each module holds the provider's codes by canonical reason, a ``<Provider>Renderer`` (one payload in the
provider's own words, with its truth) and, for the providers of the default mix, a ``<Provider>Lifecycle``
(the rows of a payment's lifecycle). Adding a provider: its module here, its entry below, its share in
``traffic_mix.PROVIDER_SHARES`` and its countries in ``merchants.PROVIDER_COUNTRIES``.
"""

from __future__ import annotations

from payobs_pipeline.synthetic.provider_base import LifecycleHooks, ProviderRenderer
from payobs_pipeline.synthetic.providers.adyen import AdyenLifecycle, AdyenRenderer
from payobs_pipeline.synthetic.providers.authorizenet import AuthorizeNetLifecycle, AuthorizeNetRenderer
from payobs_pipeline.synthetic.providers.braintree import BraintreeLifecycle, BraintreeRenderer
from payobs_pipeline.synthetic.providers.checkout import CheckoutLifecycle, CheckoutRenderer
from payobs_pipeline.synthetic.providers.culqi import CULQI
from payobs_pipeline.synthetic.providers.dlocal import DLocalLifecycle, DLocalRenderer
from payobs_pipeline.synthetic.providers.ebanx import EbanxLifecycle, EbanxRenderer
from payobs_pipeline.synthetic.providers.mercadopago import MercadoPagoLifecycle, MercadoPagoRenderer
from payobs_pipeline.synthetic.providers.mollie import MollieLifecycle, MollieRenderer
from payobs_pipeline.synthetic.providers.paypal import PayPalLifecycle, PayPalRenderer
from payobs_pipeline.synthetic.providers.payu import PayULifecycle, PayURenderer
from payobs_pipeline.synthetic.providers.razorpay import RazorpayLifecycle, RazorpayRenderer
from payobs_pipeline.synthetic.providers.square import SquareLifecycle, SquareRenderer
from payobs_pipeline.synthetic.providers.stripe import StripeLifecycle, StripeRenderer
from payobs_pipeline.synthetic.providers.worldpay import WorldpayLifecycle, WorldpayRenderer

# The providers of the default mix (traffic_mix.PROVIDER_SHARES), by slug.
RENDERERS: dict[str, ProviderRenderer] = {r.name: r for r in (
    StripeRenderer(), AdyenRenderer(), MercadoPagoRenderer(), PayPalRenderer(), BraintreeRenderer(),
    CheckoutRenderer(), WorldpayRenderer(), RazorpayRenderer(), MollieRenderer(), DLocalRenderer(), PayURenderer(),
    EbanxRenderer(), SquareRenderer(), AuthorizeNetRenderer())}

# Each provider's lifecycle hooks, around its renderer.
LIFECYCLES: dict[str, LifecycleHooks] = {name: cls(RENDERERS[name]) for name, cls in (
    ("stripe", StripeLifecycle), ("adyen", AdyenLifecycle), ("paypal", PayPalLifecycle),
    ("braintree", BraintreeLifecycle), ("checkout", CheckoutLifecycle), ("worldpay", WorldpayLifecycle),
    ("razorpay", RazorpayLifecycle), ("mollie", MollieLifecycle), ("dlocal", DLocalLifecycle),
    ("payu", PayULifecycle), ("ebanx", EbanxLifecycle), ("square", SquareLifecycle),
    ("authorizenet", AuthorizeNetLifecycle), ("mercadopago", MercadoPagoLifecycle))}

__all__ = ["CULQI", "LIFECYCLES", "RENDERERS"]
