"""The compose file brings a crashed replica back (a restart policy on every service, the bot's included)."""

from __future__ import annotations

from pathlib import Path

import yaml  # PyYAML comes with moto[server], a dev dependency

REPO = Path(__file__).resolve().parents[1]


def test_every_compose_service_restarts_after_a_crash() -> None:
    path = next(p for p in (REPO / "docker-compose.yml", REPO / "deploy" / "docker-compose.yml") if p.exists())
    services = yaml.safe_load(path.read_text())["services"]
    assert {name: svc.get("restart") for name, svc in services.items()} == dict.fromkeys(services, "unless-stopped")
    assert services["bot"]["deploy"]["replicas"] == 2
