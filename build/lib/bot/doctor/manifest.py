"""The Slack app manifest the bot ships: where it is, and the bot scopes it asks for.

The manifest lives in the repository's `deploy/` folder (the container image copies it and points
`TRACKIT_SLACK_MANIFEST` at it). The doctor compares the scopes a token was granted with these.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.errors import ConfigError

#: The repository root of a source checkout (the package sits in `<root>/bot`).
_ROOT = Path(__file__).resolve().parents[2]
#: Where a checkout keeps the manifest: beside the other deployment files.
CANDIDATES = (_ROOT / "deploy" / "slack-manifest.yml",)


def find_manifest(configured: str = "") -> Path | None:
    """The configured manifest path, else the checkout's own; None when there is none."""
    if configured:
        return Path(configured).expanduser()
    return next((p for p in CANDIDATES if p.is_file()), None)


def bot_scopes(path: Path) -> tuple[str, ...]:
    """The bot token scopes `path` asks for (`oauth_config.scopes.bot`), sorted.

    Raises `ConfigError` naming the file when it cannot be read or has no such list.
    """
    try:
        doc = yaml.safe_load(path.read_text())
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the Slack app manifest ({exc})") from exc
    scopes = (((doc or {}).get("oauth_config") or {}).get("scopes") or {}).get("bot")
    if not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes):
        raise ConfigError(f"{path}: no oauth_config.scopes.bot list in the Slack app manifest")
    return tuple(sorted(scopes))
