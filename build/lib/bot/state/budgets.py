"""Budgets: a named monthly amount over a filtered slice of cost, watched by the budget-pace job."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from bot.billing.money import round_money
from bot.errors import NotFound, UsageError
from bot.state.db import StateStore, utcnow
from bot.state.models import BudgetRow
from bot.state.subscriptions import check_channel

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Budget:
    name: str
    amount: Decimal
    currency: str
    filters: str  # query grammar text, '' = all costs
    channel_id: str
    created_by: str
    created_at: datetime
    updated_at: datetime


def _to_budget(row: BudgetRow) -> Budget:
    return Budget(
        row.name,
        Decimal(row.amount),
        row.currency,
        row.filters,
        row.channel_id,
        row.created_by,
        row.created_at,
        row.updated_at,
    )


def _check_amount(amount: Decimal | int | str) -> Decimal:
    try:
        value = Decimal(str(amount).replace(",", ""))
    except InvalidOperation as exc:
        raise UsageError(
            f"{amount!r} is not an amount.", hint="Write amounts as numbers, e.g. `5000` or `1250.50`."
        ) from exc
    if not value.is_finite() or value <= 0 or value >= Decimal("1e16"):
        raise UsageError(f"A budget must be a positive amount, not {amount}.", hint="e.g. `5000`.")
    return round_money(value)  # to the cent, as every amount is shown


def set_budget(
    store: StateStore,
    *,
    name: str,
    amount: Decimal | int | str,
    currency: str = "USD",
    filters: str = "",
    channel_id: str,
    created_by: str,
    now: datetime | None = None,
) -> tuple[Budget, bool]:
    """Create or replace the budget `name`; returns (budget, created). Amounts are kept to the cent.

    Raises UsageError for a bad name (letters, digits, `_.-`, up to 64), a non-positive amount, a currency that
    is not a 3-letter code, or a bad channel id.
    """
    if not _NAME.match(name):
        raise UsageError(
            f"{name!r} is not a budget name.",
            hint="Use letters, digits, `-`, `_` or `.` (up to 64), e.g. `prod-monthly`.",
        )
    value = _check_amount(amount)
    currency = currency.upper()
    if not _CURRENCY.match(currency):
        raise UsageError(
            f"{currency!r} is not a currency code.", hint="Use a 3-letter ISO code such as `USD` or `EUR`."
        )
    check_channel(channel_id)
    now = now or utcnow()
    with store.session() as session:
        row = session.scalars(select(BudgetRow).where(BudgetRow.name == name)).one_or_none()
        created = row is None
        if row is None:
            row = BudgetRow(name=name, created_by=created_by, created_at=now)
            session.add(row)
        row.amount = value
        row.currency = currency
        row.filters = " ".join(filters.split())
        row.channel_id = channel_id
        row.updated_at = now
        session.flush()
        return _to_budget(row), created


def get_budget(store: StateStore, name: str) -> Budget:
    """Raises NotFound (suggesting similar names) when there is no budget `name`."""
    with store.session() as session:
        row = session.scalars(select(BudgetRow).where(BudgetRow.name == name)).one_or_none()
        if row is not None:
            return _to_budget(row)
        names = session.scalars(select(BudgetRow.name)).all()
    import difflib

    raise NotFound(f"No budget named {name!r}.", suggestions=difflib.get_close_matches(name, names, n=3))


def delete_budget(store: StateStore, name: str) -> None:
    """Raises NotFound when there is no budget `name`."""
    with store.session() as session:
        row = session.scalars(select(BudgetRow).where(BudgetRow.name == name)).one_or_none()
        if row is None:
            raise NotFound(f"No budget named {name!r}.")
        session.delete(row)


def list_budgets(store: StateStore, *, channel_id: str | None = None) -> tuple[Budget, ...]:
    """Budgets by name (optionally those reported in one channel)."""
    query = select(BudgetRow).order_by(BudgetRow.name)
    if channel_id is not None:
        query = query.where(BudgetRow.channel_id == channel_id)
    with store.session() as session:
        return tuple(_to_budget(r) for r in session.scalars(query))
