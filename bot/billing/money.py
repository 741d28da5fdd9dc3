"""Money and percentage formatting shared by the CLI and the Slack renderers.

Amounts arrive as floats (the store sums in floating point); they are rounded half-up to the cent with
Decimal before display so that `0.005` shows as `$0.01` and a float residue never shows as `-$0.00`.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

#: Display symbols for the billing currencies AWS invoices in; anything else shows its ISO code.
CURRENCY_SYMBOLS: dict[str, str] = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "CNY": "¥",
    "INR": "₹",
    "AUD": "A$",
    "CAD": "C$",
    "BRL": "R$",
    "KRW": "₩",
}

_CENT = Decimal("0.01")
# Enough digits for any finite float quantized to the cent (floats reach 1.8e308).
_WIDE = Context(prec=400)
_COMPACT_STEPS = ((Decimal(10) ** 3, "K"), (Decimal(10) ** 6, "M"), (Decimal(10) ** 9, "B"), (Decimal(10) ** 12, "T"))


def currency_symbol(currency: str, default: str = "$") -> str:
    """The symbol to show for an ISO currency code: `$` for USD, `€` for EUR, `"CHF "` for unknown codes.

    An empty code (a store with no data) gets `default`.
    """
    code = currency.strip().upper()
    if not code:
        return default
    return CURRENCY_SYMBOLS.get(code, f"{code} ")


def _to_cents(amount: float | Decimal) -> Decimal:
    value = amount if isinstance(amount, Decimal) else Decimal(repr(float(amount)))
    cents = value.quantize(_CENT, rounding=ROUND_HALF_UP, context=_WIDE)
    return cents if cents else Decimal("0.00")  # drops the sign of -0.00


def format_money(amount: float | Decimal, symbol: str = "$", *, compact: bool = False) -> str:
    """`1234.5` -> `$1,234.50`; negative amounts put the sign first: `-$12.00`.

    With `compact=True`, amounts of 1,000 or more use one decimal and a suffix (`$1.2K`, `$3.4M`, `$5.0B`),
    and smaller amounts keep their cents. Non-finite amounts (NaN, infinity) show as `n/a`.
    """
    if isinstance(amount, float) and not math.isfinite(amount):
        return "n/a"
    cents = _to_cents(amount)
    sign = "-" if cents < 0 else ""
    magnitude = abs(cents)
    if compact and magnitude >= _COMPACT_STEPS[0][0]:
        for index, (step, suffix) in enumerate(_COMPACT_STEPS):
            scaled = _WIDE.divide(magnitude, step).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP, context=_WIDE)
            # 999,960 rounds to 1000.0K: move up to 1.0M instead.
            if scaled < 1000 or index == len(_COMPACT_STEPS) - 1:
                return f"{sign}{symbol}{scaled:,}{suffix}"
    return f"{sign}{symbol}{magnitude:,.2f}"


def format_pct(pct: float | None, *, signed: bool = True) -> str:
    """`12.345` -> `+12.3%`; `None` (no previous period to compare with) -> `n/a`."""
    if pct is None or not math.isfinite(pct):
        return "n/a"
    rounded = Decimal(repr(pct)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP, context=_WIDE)
    if not rounded:
        rounded = Decimal("0.0")
    return f"{rounded:+}%" if signed else f"{rounded}%"


def format_change(change: float | None, symbol: str = "$", *, compact: bool = False) -> str:
    """A signed money difference: `+$12.00`, `-$3.50`, `$0.00` for no change, `n/a` for None."""
    if change is None:
        return "n/a"
    text = format_money(change, symbol, compact=compact)
    return text if text.startswith("-") or _to_cents(change) == 0 else "+" + text
