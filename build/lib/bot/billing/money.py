"""Money: the one owner of rounding and formatting amounts, for Slack, the CLI, CSV files, spreadsheets and charts.

Amounts arrive as floats (the store sums in floating point). `round_money` is the only rounding in the bot:
first the float summation noise goes (amounts are taken to 6 decimals, far below anything AWS bills and far
above the noise of summing a month of line items, so an exact 4159.435 that came back as 4159.434999999 is
4159.435 again), then the amount is rounded half-up (away from zero) to the cent. So 0.125 reads 0.13 in
Slack, in the CLI, in the CSV export and in the XLSX cell alike, and a residue never reads -0.00.

`Money(currency)` renders amounts in one billing currency: the ISO code comes from the line items (see
`bot.billing.currency`), the symbol from `CURRENCY_SYMBOLS` (`€` for EUR, the code itself for the rest).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal

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
#: The currency of an export that names none (and of an empty store): AWS bills in US dollars by default.
DEFAULT_CURRENCY = "USD"

#: Decimals kept when float summation noise is removed (a millionth of the currency unit).
NOISE_DECIMALS = 6
_NOISE = Decimal(1).scaleb(-NOISE_DECIMALS)
# Enough digits for any finite float quantized to a millionth (floats reach 1.8e308).
_WIDE = Context(prec=400)
_COMPACT_STEPS = ((Decimal(10) ** 3, "K"), (Decimal(10) ** 6, "M"), (Decimal(10) ** 9, "B"), (Decimal(10) ** 12, "T"))


def currency_symbol(currency: str) -> str:
    """The symbol to show for an ISO currency code: `$` for USD, `€` for EUR, `"CHF "` for other codes.

    An empty code reads as `DEFAULT_CURRENCY`.
    """
    code = currency.strip().upper() or DEFAULT_CURRENCY
    return CURRENCY_SYMBOLS.get(code, f"{code} ")


def denoise(amount: float | Decimal) -> Decimal:
    """`amount` without float summation noise: a float to `NOISE_DECIMALS` decimals (half-even on its shortest
    repr, so 4159.434999999999 is 4159.435); a Decimal is exact already and comes back unchanged."""
    if isinstance(amount, Decimal):
        return amount
    return Decimal(repr(float(amount))).quantize(_NOISE, rounding=ROUND_HALF_EVEN, context=_WIDE)


def round_money(amount: float | Decimal, places: int = 2) -> Decimal:
    """THE rounding of amounts: noise removed (`denoise`), then half-up to `places` decimals (cents by default).

    0.125 -> 0.13, -0.125 -> -0.13, 4159.434999999999 -> 4159.44, -0.001 -> 0.00 (never -0.00). Raises
    ValueError for NaN or infinity (callers show those as `n/a`).
    """
    if isinstance(amount, float) and not math.isfinite(amount):
        raise ValueError(f"cannot round {amount!r}")
    rounded = denoise(amount).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=_WIDE)
    return rounded if rounded else abs(rounded)  # abs drops the sign of -0.00


def cents(amount: float | Decimal | None) -> str:
    """An amount for a CSV cell: `1234.50` (no symbol, no separators), `""` for None."""
    return "" if amount is None else str(round_money(amount))


def money_number(amount: float | Decimal) -> float:
    """An amount for a spreadsheet cell: the number `round_money` gives (the cell shows what Slack shows)."""
    return float(round_money(amount))


def format_money(amount: float | Decimal, symbol: str = "$", *, compact: bool = False, places: int = 2) -> str:
    """`1234.5` -> `$1,234.50`; negative amounts put the sign first: `-$12.00`.

    `places=0` gives whole units (`$750`, for charts). With `compact=True`, amounts of 1,000 or more use one
    decimal and a suffix (`$1.2K`, `$3.4M`, `$5.0B`), smaller ones keep `places`. Non-finite amounts (NaN,
    infinity) show as `n/a`.
    """
    if isinstance(amount, float) and not math.isfinite(amount):
        return "n/a"
    rounded = round_money(amount, places)
    sign = "-" if rounded < 0 else ""
    magnitude = abs(rounded)
    if compact and magnitude >= _COMPACT_STEPS[0][0]:
        for index, (step, suffix) in enumerate(_COMPACT_STEPS):
            scaled = _WIDE.divide(magnitude, step).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP, context=_WIDE)
            # 999,960 rounds to 1000.0K: move up to 1.0M instead.
            if scaled < 1000 or index == len(_COMPACT_STEPS) - 1:
                return f"{sign}{symbol}{scaled:,}{suffix}"
    return f"{sign}{symbol}{magnitude:,.{places}f}"


def format_pct(pct: float | None, *, signed: bool = True) -> str:
    """`12.345` -> `+12.3%`, `-4.25` -> `-4.3%`; `None` (nothing to compare with) -> `n/a`.

    The sign is the sign of the change, also when it rounds to 0.0: a decrease of 0.001% reads `-0.0%`, never
    `+0.0%`; no change at all reads `0.0%`.
    """
    if pct is None or not math.isfinite(pct):
        return "n/a"
    exact = denoise(pct)
    rounded = exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP, context=_WIDE)
    text = f"{abs(rounded)}%"
    if not signed:
        return text if exact >= 0 else f"-{text}"
    return f"-{text}" if exact < 0 else f"+{text}" if exact > 0 else text


def format_change(change: float | Decimal | None, symbol: str = "$", *, compact: bool = False) -> str:
    """A signed money difference: `+$12.00`, `-$3.50`, `$0.00` when it rounds to no change, `n/a` for None."""
    if change is None:
        return "n/a"
    text = format_money(change, symbol, compact=compact)
    if isinstance(change, float) and not math.isfinite(change):
        return text
    return text if text.startswith("-") or round_money(change) == 0 else "+" + text


@dataclass(frozen=True)
class Money:
    """Amounts in one billing currency: `Money("EUR")(1234.5)` -> `€1,234.50`.

    Every surface that shows money builds one from the currency of its data and formats through it.
    """

    currency: str = DEFAULT_CURRENCY

    def __post_init__(self) -> None:
        object.__setattr__(self, "currency", self.currency.strip().upper() or DEFAULT_CURRENCY)

    @property
    def symbol(self) -> str:
        return currency_symbol(self.currency)

    def __call__(self, amount: float | Decimal) -> str:
        return format_money(amount, self.symbol)

    def change(self, amount: float | Decimal | None) -> str:
        return format_change(amount, self.symbol)

    def compact(self, amount: float | Decimal) -> str:
        """`€1.2K` from 1,000, else with cents."""
        return format_money(amount, self.symbol, compact=True)

    def whole(self, amount: float | Decimal) -> str:
        """Whole units (`€750`), compact from 1,000 (`€1.2K`): chart axes and bar labels, where cents are noise."""
        return format_money(amount, self.symbol, compact=True, places=0)

    def rate(self, amount: float | Decimal, places: int = 4) -> str:
        """A unit price with more decimals: `€0.0960`."""
        return format_money(amount, self.symbol, places=places)

    @property
    def excel_format(self) -> str:
        """An Excel number format for amounts in this currency (`"€"#,##0.00;-"€"#,##0.00`)."""
        quoted = '"' + self.symbol.replace('"', "").strip() + '"'
        return f"{quoted}#,##0.00;-{quoted}#,##0.00"
