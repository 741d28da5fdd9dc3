"""Slash commands: one module per command, each exposing `register(app, services)`.

Only the composition root (`bot.compose`) imports this package.
"""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from commands import anomaly_triage, cost, tags, top_resources, trackit

#: Command modules, in the order `/trackit help` lists them.
COMMAND_MODULES = (cost, tags, top_resources, trackit)
#: Modules with interactive actions only (no slash command of their own).
ACTION_MODULES = (anomaly_triage,)


def register_all(app: App, services: Services) -> None:
    """Register every slash command and its interactive actions on `app`."""
    for module in (*COMMAND_MODULES, *ACTION_MODULES):
        module.register(app, services)
