"""Settings: one frozen object built from an optional TOML file, then environment variables (which win).

Every setting has an environment variable `TRACKIT_<NAME>` (upper case) and a key `<name>` in `trackit.toml`
(looked up in the working directory, or at the path in `TRACKIT_CONFIG`). Secrets (Slack tokens, signing
secret) come only from the environment and are never printed: `Settings.__repr__` masks them.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.billing.model import CostBasis
from bot.errors import ConfigError

_SECRET_FIELDS = frozenset({"slack_bot_token", "slack_app_token", "slack_signing_secret"})
#: Settings that no longer exist, with what replaced them: setting one is an error, not silently ignored.
_REMOVED = {
    "currency_symbol": "amounts are shown in the currency of the billing data itself (EUR as €, USD as $), "
    "so there is no symbol to configure any more: remove it",
}


@dataclass(frozen=True)
class Settings:
    """Every knob of the bot. See README "Settings" for the table of variables."""

    data_dir: Path = Path(".trackit")
    #: Billing store URL: `duckdb:///path/to/dir` (default: `<data_dir>/billing`), `elasticsearch://host:9200`,
    #: or `opensearch://host:9200` (README: billing store URLs).
    store_url: str = ""
    #: App state database (SQLAlchemy URL); default SQLite in the data directory.
    database_url: str = ""
    #: Billing export sources: `s3://bucket/prefix`, a local directory or file; several separated by commas.
    sources: tuple[str, ...] = ()
    aws_profile: str = ""
    aws_role_arn: str = ""
    aws_external_id: str = ""
    aws_region: str = "us-east-1"
    cost_basis: CostBasis = CostBasis.UNBLENDED
    timezone: str = "UTC"
    #: Slack (secrets from the environment only).
    slack_bot_token: str = field(default="", repr=False)
    slack_app_token: str = field(default="", repr=False)
    slack_signing_secret: str = field(default="", repr=False)
    slack_api_url: str = ""  # only for tests against a local fake Web API
    #: The Slack app manifest `trackit doctor` compares granted scopes with ('' = the one in the checkout).
    slack_manifest: str = ""
    admins: tuple[str, ...] = ()
    #: With no grants configured: "open" (everyone sees everything) or "closed" (only admins).
    default_access: str = "open"
    http_host: str = "127.0.0.1"
    http_port: int = 3000
    #: Threads that answer commands after the ack (each holds one query against the store).
    listener_threads: int = 8
    #: Threads that receive Slack requests and ack them (HTTP request threads, Socket Mode message workers).
    ack_threads: int = 16
    #: HTTP listen backlog: connections the kernel holds while every request thread is busy.
    http_backlog: int = 1024
    ops_channel: str = ""
    ingest_interval_minutes: int = 30
    #: A re-delivery of a stored billing period with fewer rows than this share of the live ones is refused
    #: unless forced (`trackit ingest --force`); so are empty and older re-deliveries.
    redelivery_min_share: float = 0.5
    #: Parse CSV exports a second time with Python's csv module and refuse them unless rows and total agree with
    #: DuckDB's parse (an independent check; about 60% more CPU on csv.gz).
    ingest_verify_csv: bool = False
    duckdb_threads: int = 2
    duckdb_memory_limit: str = "1GB"
    #: AWS inventory (resources, CloudWatch utilisation, commitment end dates), collected once a day.
    inventory_enabled: bool = False
    #: Role assumed in every member account of the organization ('' = only the configured account).
    aws_member_role: str = ""
    #: Regions to inventory ('' = every region enabled in each account).
    inventory_regions: tuple[str, ...] = ()
    #: UTC hour of the daily collection (0-23); a missed day is caught up once.
    inventory_hour: int = 5
    #: Days of daily snapshots kept (trends).
    inventory_keep_days: int = 35
    #: Concurrent AWS calls of the collection (bounded across accounts and regions).
    inventory_workers: int = 8

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ConfigError(
                f"TRACKIT_TIMEZONE={self.timezone!r} is not a known time zone (e.g. Europe/Paris)"
            ) from exc
        if self.default_access not in ("open", "closed"):
            raise ConfigError(f"TRACKIT_DEFAULT_ACCESS must be 'open' or 'closed', not {self.default_access!r}")
        if not 0 <= self.inventory_hour <= 23:
            raise ConfigError(f"TRACKIT_INVENTORY_HOUR must be an hour from 0 to 23, not {self.inventory_hour}")
        if not 0.0 <= self.redelivery_min_share <= 1.0:
            raise ConfigError(
                f"TRACKIT_REDELIVERY_MIN_SHARE must be a share from 0 to 1 (0.5: half), not {self.redelivery_min_share}"
            )
        for name in ("listener_threads", "ack_threads", "http_backlog"):
            if getattr(self, name) < 1:
                raise ConfigError(f"TRACKIT_{name.upper()} must be at least 1, not {getattr(self, name)}")
        if self.inventory_keep_days < 1:
            raise ConfigError(f"TRACKIT_INVENTORY_KEEP_DAYS must be at least 1, not {self.inventory_keep_days}")

    @property
    def billing_store_url(self) -> str:
        """The configured store URL as written (`store_url`, or the DuckDB store under `data_dir`)."""
        return self.store_url or f"duckdb://{(self.data_dir / 'billing').resolve()}"

    def store_url_for(self, url: str | None = None) -> str:
        """The billing store URL every entry point opens (the server, `trackit ingest`, `query`, `anomalies`,
        `demo`): `url` (a `--store` option) or the configured one, with `duckdb_threads` and
        `duckdb_memory_limit` added to a DuckDB URL that does not set them itself (a URL's own options win)."""
        chosen = url or self.billing_store_url
        if urlsplit(chosen).scheme != "duckdb":
            return chosen
        base, _, query = chosen.partition("?")  # not urlunsplit: it writes `duckdb:///a` back as `duckdb:/a`
        options = dict(parse_qsl(query, keep_blank_values=True))
        options.setdefault("threads", str(self.duckdb_threads))
        options.setdefault("memory_limit", self.duckdb_memory_limit)
        return f"{base}?{urlencode(options)}"

    @property
    def staging_dir(self) -> Path:
        """Where ingests stage deliveries for a store without a folder of its own (Elasticsearch)."""
        return (self.data_dir / "staging").resolve()

    @property
    def app_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'state.sqlite3').resolve()}"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{f.name}={'***' if f.name in _SECRET_FIELDS and getattr(self, f.name) else getattr(self, f.name)!r}"
            for f in fields(self)
        )
        return f"Settings({shown})"


def _coerce(name: str, raw: Any, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            return raw if isinstance(raw, bool) else str(raw).strip().lower() in ("1", "true", "yes", "on")
        if isinstance(default, float):
            return float(raw)
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, Path):
            return Path(str(raw)).expanduser()
        if isinstance(default, CostBasis):
            return CostBasis(str(raw).strip().lower())
        if isinstance(default, tuple):
            items = raw if isinstance(raw, list | tuple) else str(raw).split(",")
            return tuple(str(i).strip() for i in items if str(i).strip())
        return str(raw)
    except ValueError as exc:
        raise ConfigError(f"setting {name}={raw!r} is invalid: {exc}") from exc


def load_settings(env: Mapping[str, str] | None = None, toml_path: Path | None = None) -> Settings:
    """Build Settings from `trackit.toml` (optional) and `TRACKIT_*` environment variables."""
    env = os.environ if env is None else env
    path = toml_path or Path(env.get("TRACKIT_CONFIG", "trackit.toml"))
    values: dict[str, Any] = {}
    if path.is_file():
        try:
            values.update(tomllib.loads(path.read_text()))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    defaults = Settings.__dataclass_fields__
    for name, why in _REMOVED.items():
        if name in values or f"TRACKIT_{name.upper()}" in env:
            where = str(path) if name in values else f"TRACKIT_{name.upper()}"
            raise ConfigError(f"{where}: the setting {name} was removed: {why}")
    unknown = set(values) - set(defaults) - _SECRET_FIELDS
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}")
    for name in _SECRET_FIELDS & set(values):
        raise ConfigError(f"{path}: {name} is a secret; set TRACKIT_{name.upper()} in the environment instead")
    for name in defaults:
        var = f"TRACKIT_{name.upper()}"
        if var in env:
            values[name] = env[var]
    # Slack's own conventional variable names are accepted too.
    for name, var in (
        ("slack_bot_token", "SLACK_BOT_TOKEN"),
        ("slack_app_token", "SLACK_APP_TOKEN"),
        ("slack_signing_secret", "SLACK_SIGNING_SECRET"),
    ):
        if name not in values and var in env:
            values[name] = env[var]
    kwargs = {name: _coerce(name, raw, defaults[name].default) for name, raw in values.items()}
    return Settings(**kwargs)
