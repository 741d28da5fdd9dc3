"""Fixtures for the job tests: a fake Slack with channel history, and a billing store loaded once per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.billing.store import BillingStore
from bot.slack.client import make_client
from tests.jobs.support import HistorySlack, load_store


@pytest.fixture
def slack() -> Iterator[HistorySlack]:
    fake = HistorySlack().start()
    try:
        yield fake
    finally:
        fake.close()


@pytest.fixture
def client(slack: HistorySlack):  # type: ignore[no-untyped-def]
    # No retries: a refused post must be seen at once.
    return make_client("xoxb-test", base_url=slack.api_url, max_retries=0)


@pytest.fixture(scope="module")
def billing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BillingStore]:
    tmp: Path = tmp_path_factory.mktemp("billing")
    store = load_store(tmp)
    try:
        yield store
    finally:
        store.close()
