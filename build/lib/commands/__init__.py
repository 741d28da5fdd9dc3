"""Slash commands: one module (or package) per command, registered on the Bolt app from one table.

A command module has `COMMAND`, `prepare(services, request)` (before the ack: parse the text and look up the
asker's access), `answer(services, prepared)` (after the ack) and, when its answers carry Export CSV and Share
in channel buttons, `export(services, action, client)` and `answer_in(services, asker, ref)` (the answer as one
asker may see it, `bot.slack.sharing`). Only the composition root (`bot.compose`) imports this package.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Protocol

from slack_bolt import App
from slack_sdk import WebClient

from bot.services import Services
from bot.slack.asker import Asker, audit_action_hook, audit_hook
from bot.slack.blocks import Message
from bot.slack.export import AnswerRef
from bot.slack.listeners import ActionRequest, SlashRequest, register_action, register_slash_command
from bot.slack.nearest import ASK_NEAREST, STALE, decode
from bot.slack.render import export_action_id
from bot.slack.sharing import register_share
from commands import anomaly_triage, cost, tags, top_resources, trackit


class Command(Protocol):
    COMMAND: str

    def prepare(self, services: Services, request: SlashRequest) -> Any: ...

    def answer(self, services: Services, prepared: Any) -> Message: ...


class Exporting(Command, Protocol):
    def export(self, services: Services, action: ActionRequest, client: WebClient) -> Message: ...

    def answer_in(self, services: Services, asker: Asker, ref: AnswerRef) -> Message: ...


#: Slash commands, in the order `/trackit help` lists them.
COMMANDS: tuple[Command, ...] = (cost, tags, top_resources, trackit)
#: Commands whose answers carry Export CSV and Share in channel buttons.
EXPORTS: tuple[Exporting, ...] = (cost, tags, top_resources)


def register_all(app: App, services: Services) -> None:
    """Register every slash command, its Export CSV and Share in channel buttons and the anomaly triage buttons
    on `app`; every command and every press is audited."""
    audit = audit_hook(services)
    for command in COMMANDS:
        answer = _answering(command, services, app.client)
        register_slash_command(
            app, command.COMMAND, prepare=partial(command.prepare, services), answer=answer, audit=audit
        )
    for exporting in EXPORTS:
        register_action(
            app,
            export_action_id(exporting.COMMAND),
            answer=partial(exporting.export, services),
            audit=audit_action_hook(services),
        )
        register_share(app, services, exporting.COMMAND, partial(exporting.answer_in, services))
    register_action(app, ASK_NEAREST, answer=partial(ask_nearest, services), audit=audit_action_hook(services))
    anomaly_triage.register(app, services)


def ask_nearest(services: Services, action: ActionRequest, client: WebClient) -> Message:
    """The "Ask that" button of a refusal (`bot.slack.nearest`): the question it names, asked of its command by
    the person who pressed it, with their own access, as if they had typed it."""
    command_name, text = decode(action.value)
    command = next((c for c in EXPORTS if command_name == c.COMMAND), None)
    if command is None:
        raise STALE
    request = SlashRequest(command_name, text, action.user_id, action.channel_id, action.team_id)
    return _answering(command, services, client)(command.prepare(services, request))


def _answering(command: Command, services: Services, client: WebClient) -> Callable[[Any], Message]:
    """`command`'s answer; `/cost`'s also sends a long series to the asker's DM as a chart, through `client`."""
    if command is cost:
        return partial(cost.answer, services, client=client)
    return partial(command.answer, services)
