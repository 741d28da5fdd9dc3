"""`/trackit budget set | list | delete`: monthly budgets whose pace alerts post into the channel they are set in.

    /trackit budget set 5000/month account=prod prod-monthly
    /trackit budget list | delete <name>

Setting and deleting a budget needs an admin or an asker whose scope is unrestricted, as for subscriptions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from bot.billing.currency import currency_scope
from bot.billing.model import TimeRange
from bot.billing.money import Money
from bot.errors import UsageError
from bot.services import Services
from bot.slack.asker import asker_for
from bot.slack.blocks import Message, header, message, section
from bot.slack.listeners import SlashRequest
from bot.state.budgets import delete_budget, list_budgets, set_budget
from commands.trackit.subscriptions import check_filters, done, require_manager, visible_to

WORDS = ("budget",)

BUDGET_HINT = (
    "Usage: `/trackit budget set <amount>/month [filters] [name]`, `/trackit budget list`, "
    "`/trackit budget delete <name>`. Example: `/trackit budget set 5000/month account=prod prod-monthly`."
)
HELP_LINES = (
    "*/trackit budget* `set 5000/month [filters] [name] | list | delete <name>` budget pace alerts at "
    "50/75/90/100% and when the forecast exceeds the budget.",
)

_AMOUNT = re.compile(r"^\$?([0-9][0-9,]*(?:\.[0-9]{1,2})?)([kKmM]?)/(?:month|mo|monthly)$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_BASIS_WORDS = frozenset({"unblended", "amortized", "amortised", "net"})


@dataclass(frozen=True)
class BudgetRequest:
    """A parsed `/trackit budget` command: `action` is set, list or delete."""

    action: str
    filters: str = ""
    amount: str = ""
    name: str = ""


def _amount(word: str) -> str:
    m = _AMOUNT.match(word)
    if not m:
        raise UsageError(f"`{word}` is not a monthly amount.", hint=BUDGET_HINT)
    number = m.group(1).replace(",", "")
    factor = {"": 1, "k": 1000, "m": 1_000_000}[m.group(2).lower()]
    return str(Decimal(number) * factor)


def _default_name(filters: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", filters).strip("-").lower()
    return (slug or "total")[:64]


def _parse_budget(words: list[str]) -> BudgetRequest:
    if not words:
        raise UsageError("`/trackit budget` needs `set`, `list` or `delete`.", hint=BUDGET_HINT)
    action = words[0].lower()
    if action == "list":
        if len(words) > 1:
            raise UsageError("`/trackit budget list` takes no arguments.", hint=BUDGET_HINT)
        return BudgetRequest("list")
    if action in ("delete", "remove"):
        if len(words) != 2:
            raise UsageError("Name the budget to delete.", hint=BUDGET_HINT)
        return BudgetRequest("delete", name=words[1])
    if action != "set":
        raise UsageError(f"`{words[0]}` is not a budget action.", hint=BUDGET_HINT)
    if len(words) < 2:
        raise UsageError("`/trackit budget set` needs an amount per month, e.g. `5000/month`.", hint=BUDGET_HINT)
    amount = _amount(words[1])
    rest = words[2:]
    name = ""
    if rest and "=" not in rest[-1] and ":" not in rest[-1] and rest[-1].lower() not in _BASIS_WORDS:
        if not _NAME.match(rest[-1]):
            raise UsageError(f"`{rest[-1]}` is not a budget name (letters, digits, `-_.`).", hint=BUDGET_HINT)
        name, rest = rest[-1], rest[:-1]
    filters = " ".join(rest)
    return BudgetRequest("set", filters=filters, amount=amount, name=name or _default_name(filters))


def parse(words: Sequence[str]) -> BudgetRequest:
    """Parse `budget set|list|delete ...` (the first word is `budget`). Raises `UsageError` with the usage."""
    return _parse_budget(list(words[1:]))


def prepare(services: Services, request: SlashRequest, words: Sequence[str]) -> tuple[BudgetRequest, SlashRequest]:
    """Before the ack: the syntax only (filters are checked against the data, and rights, when answering)."""
    return parse(words), request


def answer(services: Services, prepared: tuple[BudgetRequest, SlashRequest]) -> Message:
    request, slash = prepared
    asker = asker_for(services, slash.user_id, slash.channel_id)
    state = services.state
    if request.action == "list":
        budgets = [b for b in list_budgets(state) if visible_to(services, asker, b.filters)]
        if not budgets:
            return message("No budgets yet.", [section("No budgets yet. " + BUDGET_HINT)])
        lines = [
            f"• *{b.name}*: {Money(b.currency)(b.amount)}/month, {b.filters or 'all accounts'}, in <#{b.channel_id}>"
            for b in budgets
        ]
        return message("Budgets: " + "; ".join(lines), [header(f"Budgets ({len(budgets)})"), section("\n".join(lines))])
    require_manager(asker)
    if request.action == "set":
        filters = request.filters
        query = check_filters(services, filters)
        # A budget is in the currency of the bill it watches (`currency=` picks one of several).
        month = TimeRange.month(services.today())
        currency = currency_scope(services.store, month, query.filters).currency
        budget, created = set_budget(
            state,
            name=request.name,
            amount=request.amount,
            currency=currency,
            filters=filters,
            channel_id=slash.channel_id,
            created_by=slash.user_id,
        )
        verb = "Budget set" if created else "Budget updated"
        scope = budget.filters or "all accounts"
        return done(
            f"{verb}: *{budget.name}* {Money(budget.currency)(budget.amount)}/month for {scope}; "
            f"alerts at 50/75/90/100% and when the forecast exceeds it, in <#{slash.channel_id}>."
        )
    delete_budget(state, request.name)
    return done(f"Budget *{request.name}* deleted.")
