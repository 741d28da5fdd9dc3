"""`/trackit subscribe|unsubscribe|subscriptions|route|budget`: parsing, bad input, and the handlers on real state."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from bot.billing.store import BillingStore
from bot.errors import AccessDenied, NotFound, UsageError
from bot.services import Services
from bot.slack.blocks import Message
from bot.slack.listeners import SlashRequest
from bot.state.access import grant
from bot.state.budgets import list_budgets
from bot.state.deliveries import DeliveryKey, channel_failures, claim_delivery, mark_failed
from bot.state.routes import list_routes
from bot.state.subscriptions import list_subscriptions
from commands import trackit
from commands.trackit import info, parse
from commands.trackit.budgets import BudgetRequest
from commands.trackit.subscriptions import SubscriptionRequest, render_delivery_failures
from tests.jobs.support import FrozenClock, make_services

ADMIN = "U0ADMIN"


def answer(services: Services, text: str, user_id: str, channel_id: str) -> Message:
    return trackit.ask(services, SlashRequest("/trackit", text, user_id, channel_id))


@pytest.fixture
def services(tmp_path: Path, billing: BillingStore) -> Iterator[Services]:
    s = make_services(tmp_path, billing, FrozenClock(datetime(2026, 11, 27, 12, tzinfo=UTC)), admins=(ADMIN,))
    yield s
    s.state.dispose()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("subscribe daily", SubscriptionRequest("subscribe", "daily", "", "", "")),
        (
            "subscribe daily account=prod tag:team=web at 8:30 Europe/Paris",
            SubscriptionRequest("subscribe", "daily", "account=prod tag:team=web", "08:30", "Europe/Paris"),
        ),
        ("SUBSCRIBE Anomalies utc", SubscriptionRequest("subscribe", "anomalies", "", "", "UTC")),
        ("unsubscribe weekly", SubscriptionRequest("unsubscribe", "weekly", None)),
        ("unsubscribe daily account=prod", SubscriptionRequest("unsubscribe", "daily", "account=prod")),
        ("subscriptions", SubscriptionRequest("list")),
        (
            "route tag:team=web <#C0WEB|web-costs>",
            SubscriptionRequest("route-set", tag_key="team", tag_value="web", channel_id="C0WEB"),
        ),
        ("route fallback <#C0FIN>", SubscriptionRequest("route-fallback", channel_id="C0FIN")),
        ("route remove team=web", SubscriptionRequest("route-remove", tag_key="team", tag_value="web")),
        ("route list", SubscriptionRequest("route-list")),
        (
            "budget set $5,000/month account=prod prod-monthly",
            BudgetRequest("set", filters="account=prod", amount="5000", name="prod-monthly"),
        ),
        (
            "budget set 2.5k/month account=prod amortized",
            BudgetRequest("set", filters="account=prod amortized", amount="2500.0", name="account-prod-amortized"),
        ),
        ("budget set 1200.50/month", BudgetRequest("set", filters="", amount="1200.50", name="total")),
        ("budget list", BudgetRequest("list")),
        ("budget delete prod-monthly", BudgetRequest("delete", name="prod-monthly")),
    ],
)
def test_parse(text: str, expected: SubscriptionRequest | BudgetRequest) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("subscribe hourly", "`hourly` is not something to subscribe to."),
        ("subscribe", "Subscribe to what?"),
        ("subscribe daily at 25:00", "`at` needs a time of day as HH:MM, got 25:00."),
        ("subscribe daily at", "`at` needs a time of day as HH:MM, got nothing."),
        ("subscribe daily Mars/Olympus", "`Mars/Olympus` is not a time zone."),
        ("unsubscribe", "Unsubscribe from what?"),
        ("route tag:team #web", "`tag:team` is not a tag filter like `tag:team=web`."),
        ("route tag:team=web web-costs", "`web-costs` is not a channel: mention it as #channel."),
        ("route", "`/trackit route` needs a tag and a channel."),
        ("budget set 5000", "`5000` is not a monthly amount."),
        ("budget set -5/month", "`-5/month` is not a monthly amount."),
        ("budget set 100/month account=prod bad!name", "`bad!name` is not a budget name (letters, digits, `-_.`)."),
        ("budget frobnicate", "`frobnicate` is not a budget action."),
        ("budget delete", "Name the budget to delete."),
    ],
)
def test_bad_input_says_what_is_wrong_and_shows_the_usage(text: str, says: str) -> None:
    with pytest.raises(UsageError) as info:
        parse(text)
    assert info.value.message == says
    assert info.value.hint and "Usage: `/trackit" in info.value.hint


def test_subscribe_list_and_unsubscribe(services: Services) -> None:
    done = answer(services, "subscribe daily account=prod at 08:30 Europe/Paris", ADMIN, "C0WEB")
    assert done.text == "Subscribed: <#C0WEB> gets daily `account=prod` at 08:30 Europe/Paris."
    assert answer(services, "subscribe daily account=prod at 07:00", ADMIN, "C0WEB").text == (
        "Updated: <#C0WEB> gets daily `account=prod` at 07:00 UTC."
    )
    answer(services, "subscribe anomalies", ADMIN, "C0WEB")
    subs = list_subscriptions(services.state, channel_id="C0WEB")
    assert [(s.kind, s.filters, s.at_time, s.timezone) for s in subs] == [
        ("anomalies", "", "09:00", "UTC"),
        ("daily", "account=prod", "07:00", "UTC"),
    ]
    listing = answer(services, "subscriptions", "U0BOB", "C0WEB")
    assert listing.text == "<#C0WEB>: anomalies; daily `account=prod` at 07:00 UTC"
    assert answer(services, "unsubscribe daily", ADMIN, "C0WEB").text == (
        "Unsubscribed <#C0WEB> from 1 daily subscription(s)."
    )
    with pytest.raises(NotFound, match="has no daily subscription"):
        answer(services, "unsubscribe daily", ADMIN, "C0WEB")


def test_filters_are_checked_against_the_data(services: Services) -> None:
    with pytest.raises(NotFound):
        answer(services, "subscribe daily account=nosuchaccount", ADMIN, "C0WEB")
    with pytest.raises(UsageError, match=r"take filters, not `by \.\.\.`"):
        answer(services, "subscribe daily by service", ADMIN, "C0WEB")
    assert list_subscriptions(services.state) == ()


def test_only_admins_or_unrestricted_askers_change_what_channels_get(services: Services) -> None:
    grant(services.state, "user", "U0BOB", accounts=("111111111111",), tag_filters=(), granted_by=ADMIN)
    for text in ("subscribe daily", "budget set 10/month", "route tag:team=web #C0WEB"):
        with pytest.raises(AccessDenied):
            answer(services, text, "U0BOB", "C0WEB")
    assert answer(services, "budget list", "U0BOB", "C0WEB").text == "No budgets yet."


def test_budgets_and_routes(services: Services) -> None:
    text = answer(services, "budget set 5k/month account=prod prod-monthly", ADMIN, "C0FIN").text
    assert text == (
        "Budget set: *prod-monthly* $5,000.00/month for account=prod; alerts at 50/75/90/100% and when the "
        "forecast exceeds it, in <#C0FIN>."
    )
    assert [(b.name, b.amount, b.filters, b.channel_id) for b in list_budgets(services.state)] == [
        ("prod-monthly", Decimal("5000.00"), "account=prod", "C0FIN")
    ]
    assert answer(services, "budget list", ADMIN, "C0X").text == (
        "Budgets: • *prod-monthly*: $5,000.00/month, account=prod, in <#C0FIN>"
    )
    answer(services, "budget delete prod-monthly", ADMIN, "C0FIN")
    with pytest.raises(NotFound, match="No budget named 'prod-monthly'"):
        answer(services, "budget delete prod-monthly", ADMIN, "C0FIN")

    assert answer(services, "route tag:team=web <#C0WEB|web-costs>", ADMIN, "C0X").text == (
        "Alerts about tag:team=web go to <#C0WEB>."
    )
    answer(services, "route fallback #C0FIN", ADMIN, "C0X")
    # Routes hold the stored tag key, as the anomaly job sees it.
    assert [(r.tag_key, r.tag_value, r.channel_id) for r in list_routes(services.state)] == [
        ("*", "*", "C0FIN"),
        ("user:team", "web", "C0WEB"),
    ]
    answer(services, "route remove tag:team=web", ADMIN, "C0X")
    assert [r.channel_id for r in list_routes(services.state)] == ["C0FIN"]


def test_failed_channels_render_for_status(services: Services) -> None:
    at = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    key = DeliveryKey("daily_summary", "C0GONE", "2026-11-26/1")
    claim = claim_delivery(services.state, key, now=at)
    assert claim is not None
    mark_failed(services.state, claim, "is_archived", posted="no", now=at)
    blocks = render_delivery_failures(channel_failures(services.state))
    assert blocks == [
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": "*Scheduled posts that failed*\n• <#C0GONE>: 1 failed post(s), last `is_archived` at "
                "2026-11-27 09:00 UTC",
            },
        }
    ]
    assert render_delivery_failures(()) == []


def test_trackit_dispatches_and_status_shows_failed_channels(services: Services) -> None:
    def ask(text: str) -> str:
        return trackit.ask(services, SlashRequest("/trackit", text, ADMIN, "C0WEB")).text

    assert ask("subscribe daily") == "Subscribed: <#C0WEB> gets daily at 09:00 UTC."
    assert ask("subscriptions") == "<#C0WEB>: daily at 09:00 UTC"
    at = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    key = DeliveryKey("daily_summary", "C0GONE", "2026-11-26/1")
    claim = claim_delivery(services.state, key, now=at)
    assert claim is not None
    mark_failed(services.state, claim, "channel_not_found", posted="no", now=at)
    status = trackit.ask(services, SlashRequest("/trackit", "status", ADMIN, "C0WEB"))
    assert status.blocks[-1]["text"]["text"].endswith(
        "<#C0GONE>: 1 failed post(s), last `channel_not_found` at 2026-11-27 09:00 UTC"
    )
    assert "/trackit subscribe" in info.render_help().blocks[1]["text"]["text"]
