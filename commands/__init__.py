"""Slash commands: one module (or package) per command, registered on the Bolt app from one table.

A command module has `COMMAND`, `prepare(services, request)` (before the ack: parse the text and look up the
asker's access, once), `answer(services, prepared)` (after the ack) and, when its answers carry an Export CSV
button, `export(services, action, client)`. Only the composition root (`bot.compose`) imports this package.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Protocol

from slack_bolt import App
from slack_sdk import WebClient

from bot.services import Services
from bot.slack.asker import audit_hook
from bot.slack.blocks import Message
from bot.slack.listeners import ActionRequest, SlashRequest, register_action, register_slash_command
from bot.slack.render import export_action_id
from commands import anomaly_triage, cost, tags, top_resources, trackit


class Command(Protocol):
    COMMAND: str

    def prepare(self, services: Services, request: SlashRequest) -> Any: ...

    def answer(self, services: Services, prepared: Any) -> Message: ...


class Exporting(Command, Protocol):
    def export(self, services: Services, action: ActionRequest, client: WebClient) -> Message: ...


#: Slash commands, in the order `/trackit help` lists them.
COMMANDS: tuple[Command, ...] = (cost, tags, top_resources, trackit)
#: Commands whose answers carry an Export CSV button.
EXPORTS: tuple[Exporting, ...] = (cost, tags, top_resources)


def register_all(app: App, services: Services) -> None:
    """Register every slash command, its Export CSV button and the anomaly triage buttons on `app`."""
    audit = audit_hook(services)
    for command in COMMANDS:
        register_slash_command(
            app,
            command.COMMAND,
            prepare=partial(command.prepare, services),
            answer=partial(command.answer, services),
            audit=audit,
        )
    for exporting in EXPORTS:
        register_action(app, export_action_id(exporting.COMMAND), answer=partial(exporting.export, services))
    anomaly_triage.register(app, services)
