"""The Slack app manifest people paste (deploy/slack-manifest.yml) declares every slash command the bot registers,
and `/trackit` with escaped mentions (access grants and routes read `<@U…>` / `<#C…>`)."""

from __future__ import annotations

import re
from pathlib import Path

import commands

MANIFEST = Path(__file__).resolve().parents[2] / "deploy" / "slack-manifest.yml"


def _declared() -> dict[str, dict[str, str]]:
    """`command -> {key: value}` of the `slash_commands` entries (the manifest's own simple YAML layout)."""
    out: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^\s*- command: (\S+)\s*$", line):
            current = out.setdefault(m.group(1), {})
        elif current is not None and (m := re.match(r"^\s{6}(\w+): (.*)$", line)):
            current[m.group(1)] = m.group(2).strip().strip('"')
        elif not line.startswith("      "):
            current = None
    return out


def test_every_registered_command_is_declared_and_trackit_escapes_mentions() -> None:
    declared = _declared()
    assert set(declared) == {command.COMMAND for command in commands.COMMANDS}
    assert all(entry["url"].endswith("/slack/events") for entry in declared.values())
    assert declared["/trackit"]["should_escape"] == "true"
