"""Billing store backends by URL scheme: `open_store("duckdb:///var/lib/trackit/billing")` opens the backend the
scheme names; callers never branch on backend names.

A backend module registers its class with `@register("scheme")` (the class implements `bot.billing.store.
BillingStore`, including `from_url`). The built-in backends are imported only when their scheme is asked for, so
the DuckDB default never imports a search client; a backend whose client library is an optional extra
that is not installed is refused with a `ConfigError` that names the extra to install.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.billing.store import BillingStore
from bot.errors import ConfigError

PACKAGE = "trackit-bot"


@dataclass(frozen=True)
class Backend:
    """A built-in backend: the module that registers it, the top-level package of its client library, and the
    pip extra that installs that library ('' when it is a core dependency)."""

    module: str
    client: str
    extra: str = ""


BUILTIN: Mapping[str, Backend] = {
    "duckdb": Backend("bot.store.duckdb", "duckdb"),
    "elasticsearch": Backend("bot.store.elasticsearch", "elasticsearch", extra="elasticsearch"),
    "opensearch": Backend("bot.store.opensearch", "opensearchpy", extra="opensearch"),
}

_BACKENDS: dict[str, type[BillingStore]] = {}


def register(scheme: str) -> Callable[[type[BillingStore]], type[BillingStore]]:
    """Class decorator: make a backend available under a URL scheme."""

    def deco(cls: type[BillingStore]) -> type[BillingStore]:
        cls.scheme = scheme
        _BACKENDS[scheme] = cls
        return cls

    return deco


def open_store(url: str) -> BillingStore:
    """Open the backend named by `url`'s scheme, e.g. `duckdb:///var/lib/trackit/billing`.

    Raises `ConfigError` for an unknown scheme (naming the known ones) and for a backend whose client library is
    not installed (naming the extra that installs it).
    """
    scheme = urlsplit(url).scheme
    if scheme not in _BACKENDS and scheme in BUILTIN:
        _import_backend(scheme, BUILTIN[scheme])
    cls = _BACKENDS.get(scheme)
    if cls is None:
        known = ", ".join(sorted(f"{s}://" for s in {*BUILTIN, *_BACKENDS}))
        raise ConfigError(f"unknown billing store URL {url!r}: use one of {known}")
    return cls.from_url(url)


def _import_backend(scheme: str, backend: Backend) -> None:
    try:
        importlib.import_module(backend.module)
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] != backend.client:
            raise  # a bug in the backend itself, not a missing client: let it show
        install = f"pip install '{PACKAGE}[{backend.extra}]'" if backend.extra else f"pip install {PACKAGE}"
        raise ConfigError(
            f"{scheme}:// needs the Python package {backend.client!r}, which is not installed: {install}"
        ) from exc
