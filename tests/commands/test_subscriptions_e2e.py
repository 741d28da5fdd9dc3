"""`/trackit subscribe|subscriptions|budget|route` end to end: signed slash-command requests over real HTTP to
the running Bolt app (tests/commands/conftest.py), answers read from the fake Slack's response_url, rows read
back from app state.

`/trackit` is declared with `should_escape: true` (deploy/slack-manifest.yml), so Slack sends a channel typed as
`#web-costs` as `<#C0WEBCOSTS|web-costs>`: the requests below carry that form.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from bot.state.access import grant
from bot.state.budgets import delete_budget, list_budgets
from bot.state.routes import list_routes, remove_route
from bot.state.subscriptions import list_subscriptions, unsubscribe
from tests.commands.conftest import ADMIN, Bot

CHANNEL = "C0FINOPS"
SUBSCRIBE_USAGE = (
    "Usage: `/trackit subscribe daily|weekly|monthly|anomalies|budgets|commitments [filters] [at HH:MM] "
    "[time zone]`. Example: `/trackit subscribe daily account=prod tag:team=web at 08:30 Europe/Paris`."
)
BUDGET_USAGE = (
    "Usage: `/trackit budget set <amount>/month [filters] [name]`, `/trackit budget list`, "
    "`/trackit budget delete <name>`. Example: `/trackit budget set 5000/month account=prod prod-monthly`."
)


def _section_texts(answer: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in answer["blocks"] if b["type"] in ("section", "header")]


def _admin(bot: Bot, text: str) -> dict[str, Any]:
    answer = bot.ask("/trackit", text, user=ADMIN, channel=CHANNEL)
    assert answer["response_type"] == "ephemeral"
    return answer


def _forget(bot: Bot) -> None:
    """The bot is shared by the module: leave no subscription, budget or route behind."""
    if list_subscriptions(bot.state, channel_id=CHANNEL):
        unsubscribe(bot.state, channel_id=CHANNEL, kind="daily")
    for budget in list_budgets(bot.state):
        delete_budget(bot.state, budget.name)
    for route in list_routes(bot.state):
        remove_route(bot.state, tag_key=route.tag_key, tag_value=route.tag_value)


def test_an_admin_subscribes_sets_a_budget_and_routes_alerts(clean_bot: Bot) -> None:
    bot = clean_bot
    _forget(bot)
    try:
        done = _admin(bot, "subscribe daily service=ec2 at 08:30 Europe/Paris")
        assert done["text"] == "Subscribed: <#C0FINOPS> gets daily `service=ec2` at 08:30 Europe/Paris."
        assert _section_texts(done) == [f":white_check_mark: {done['text']}"]
        (sub,) = list_subscriptions(bot.state, channel_id=CHANNEL)
        assert (sub.kind, sub.filters, sub.at_time, sub.timezone, sub.created_by) == (
            "daily",
            "service=ec2",
            "08:30",
            "Europe/Paris",
            ADMIN,
        )

        # The same subscription again (another time) updates the row: never a second daily post.
        again = _admin(bot, "subscribe daily service=ec2 at 07:45 Europe/Paris")
        assert again["text"] == "Updated: <#C0FINOPS> gets daily `service=ec2` at 07:45 Europe/Paris."
        (sub,) = list_subscriptions(bot.state, channel_id=CHANNEL)
        assert (sub.at_time, sub.timezone) == ("07:45", "Europe/Paris")

        listed = _admin(bot, "subscriptions")
        assert listed["text"] == "<#C0FINOPS>: daily `service=ec2` at 07:45 Europe/Paris"
        assert _section_texts(listed) == ["Posted here (1)", "• daily `service=ec2` at 07:45 Europe/Paris"]

        budget_set = _admin(bot, "budget set 5000/month service=ec2 ec2-budget")
        assert budget_set["text"] == (
            "Budget set: *ec2-budget* $5,000.00/month for service=ec2; alerts at 50/75/90/100% and when the "
            "forecast exceeds it, in <#C0FINOPS>."
        )
        (budget,) = list_budgets(bot.state)
        assert (budget.name, budget.amount, budget.currency, budget.filters, budget.channel_id, budget.created_by) == (
            "ec2-budget",
            Decimal("5000"),
            "USD",
            "service=ec2",
            CHANNEL,
            ADMIN,
        )

        budgets = _admin(bot, "budget list")
        assert budgets["text"] == "Budgets: • *ec2-budget*: $5,000.00/month, service=ec2, in <#C0FINOPS>"
        assert _section_texts(budgets) == [
            "Budgets (1)",
            "• *ec2-budget*: $5,000.00/month, service=ec2, in <#C0FINOPS>",
        ]

        routed = _admin(bot, "route tag:team=web <#C0WEBCOSTS|web-costs>")
        assert routed["text"] == "Alerts about tag:team=web go to <#C0WEBCOSTS>."
        (route,) = list_routes(bot.state)
        # `team` is resolved to the tag key the bill carries, so the route matches the root causes' tags.
        assert (route.tag_key, route.tag_value, route.channel_id, route.created_by) == (
            "user:team",
            "web",
            "C0WEBCOSTS",
            ADMIN,
        )

        # The channel's own listing now shows the budget reported here too (the route targets another channel).
        listed = _admin(bot, "subscriptions")
        assert _section_texts(listed) == [
            "Posted here (2)",
            "• daily `service=ec2` at 07:45 Europe/Paris\n• budget *ec2-budget*: $5,000.00/month service=ec2",
        ]
    finally:
        _forget(bot)


def test_a_malformed_subscription_command_gets_its_usage_at_ack_and_changes_nothing(clean_bot: Bot) -> None:
    bot = clean_bot
    for text, problem, usage in (
        ("subscribe hourly", "`hourly` is not something to subscribe to.", SUBSCRIBE_USAGE),
        ("subscribe daily at 25:00", "`at` needs a time of day as HH:MM, got 25:00.", SUBSCRIBE_USAGE),
        (
            "subscribe daily Mars/Olympus",
            "`Mars/Olympus` is not a time zone.",
            "Use an IANA name such as `Europe/Paris` or `UTC`. " + SUBSCRIBE_USAGE,
        ),
        ("budget set lots/month ec2-budget", "`lots/month` is not a monthly amount.", BUDGET_USAGE),
    ):
        reply = bot.command("/trackit", text, user=ADMIN, channel=CHANNEL)
        assert reply.status == 200
        answer = json.loads(reply.text)
        assert answer["response_type"] == "ephemeral"
        assert answer["text"] == f"{problem}\n{usage}", text
        assert _section_texts(answer) == [f":warning: {problem}", usage]
    assert not list_subscriptions(bot.state, channel_id=CHANNEL)
    assert not list_budgets(bot.state)
    assert bot.fake.calls("respond") == []  # answered at the ack, nothing sent later


def test_someone_who_cannot_see_all_billing_data_cannot_subscribe_a_channel(clean_bot: Bot) -> None:
    bot = clean_bot
    # Not an admin, and limited to staging's costs: what a channel receives is visible to all its members.
    grant(bot.state, "user", "U0BOB", accounts=("222222222222",), granted_by=ADMIN)
    for text in (
        "subscribe daily service=ec2 at 08:30 Europe/Paris",
        "budget set 5000/month service=ec2 ec2-budget",
        "route tag:team=web <#C0WEBCOSTS|web-costs>",
    ):
        answer = bot.ask("/trackit", text, user="U0BOB", channel=CHANNEL)
        assert answer["text"] == (
            "Only TrackIt admins or people who can see all billing data can change what channels receive.\n"
            "Ask one of the admins set in TRACKIT_ADMINS."
        )
        assert answer["response_type"] == "ephemeral"
    assert not list_subscriptions(bot.state) and not list_budgets(bot.state) and not list_routes(bot.state)


def test_lists_show_only_the_budgets_and_routes_the_asker_may_see(clean_bot: Bot) -> None:
    bot = clean_bot
    _forget(bot)
    try:
        _admin(bot, "budget set 5000/month account=staging staging-budget")
        _admin(bot, "budget set 9000/month service=ec2 ec2-budget")  # every account's EC2
        _admin(bot, "budget set 700/month account=secret-lab lab-budget")
        _admin(bot, "route tag:team=web <#C0WEBCOSTS|web-costs>")
        _admin(bot, "route tag:team=data <#C0DATA|data-costs>")
        _admin(bot, "route fallback <#C0FINOPS|finops>")
        grant(bot.state, "user", "U0BOB", accounts=("222222222222",), granted_by=ADMIN)
        grant(bot.state, "user", "U0WEB", accounts=("*",), tag_filters=("user:team=web",), granted_by=ADMIN)

        bob = bot.ask("/trackit", "budget list", user="U0BOB", channel=CHANNEL)
        assert bob["text"] == "Budgets: • *staging-budget*: $5,000.00/month, account=staging, in <#C0FINOPS>"
        web = bot.ask("/trackit", "budget list", user="U0WEB", channel=CHANNEL)
        assert web["text"] == "No budgets yet."  # none of them is confined to team=web
        assert "9,000" not in str(bob) + str(web) and "secret-lab" not in str(bob) + str(web)

        bob_routes = bot.ask("/trackit", "route list", user="U0BOB", channel=CHANNEL)
        assert bob_routes["text"] == "No routes: alerts go to the channels subscribed to anomalies."
        web_routes = bot.ask("/trackit", "route list", user="U0WEB", channel=CHANNEL)
        assert web_routes["text"] == "Routes: • tag:user:team=web → <#C0WEBCOSTS>"

        everything = _admin(bot, "budget list")
        assert everything["text"].count("*: $") == 3
        assert _admin(bot, "route list")["text"].count("→") == 3

        here = bot.ask("/trackit", "subscriptions", user="U0BOB", channel=CHANNEL)
        assert _section_texts(here) == [
            "Posted here (1)",
            "• budget *staging-budget*: $5,000.00/month account=staging",
        ]
    finally:
        _forget(bot)
