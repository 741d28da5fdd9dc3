"""A series longer than a message holds, over signed HTTP: the answer shows the newest buckets and a total line
over every bucket, says how many it leaves out, sends the whole series as a chart to the asker's DM (never the
channel) and exports every bucket."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest

from tests.commands.conftest import Bot, running_bot
from tests.store.sources import item
from tests.support.fake_slack import blocks_text

FIRST = date(2025, 10, 23)
DAYS = 400  # 2025-10-23 .. 2026-11-26


def _cost(i: int) -> Decimal:
    return Decimal(100 + i % 17) + Decimal(i % 100) / 100


ROWS = [
    item(FIRST + timedelta(days=i), str(_cost(i)), hour=17 if i == DAYS - 1 else 0, sub_account_id="111111111111")
    for i in range(DAYS)
]


@pytest.fixture(scope="module")
def long_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    with running_bot(tmp_path_factory.mktemp("long"), ROWS) as running:
        yield running


def _money(amount: Decimal) -> str:
    return f"${amount.quantize(Decimal('0.01'), ROUND_HALF_UP):,}"


def test_a_400_day_daily_series_shows_its_last_days_says_what_is_left_out_and_charts_all(long_bot: Bot) -> None:
    long_bot.fake.reset()
    answer = long_bot.ask("/cost", "2025-10-23..2026-11-26 daily", channel="C0GENERAL")
    text = blocks_text(answer["blocks"])
    # The newest 31 days, oldest first, then the total over all 400.
    table = [line for b in answer["blocks"] if b["type"] == "section" for line in b["text"]["text"].splitlines()]
    rows = [line.split() for line in table if line[:4] in ("2025", "2026", "Tota")]
    shown = [(FIRST + timedelta(days=i)).isoformat() for i in range(DAYS - 31, DAYS)]
    assert [r[0] for r in rows[:-1]] == shown
    assert [r[1] for r in rows[:-1]] == [_money(_cost(i)) for i in range(DAYS - 31, DAYS)]
    assert rows[-1] == ["Total", "(400", "days)", _money(sum((_cost(i) for i in range(DAYS)), Decimal(0)))]
    assert "Showing the last 31 days of 400; the 369 days before 2026-10-27 are in the chart and in the export." in text
    # The chart of every day went to the asker's DM, nothing to the channel.
    (complete,) = long_bot.fake.wait_for("files.completeUploadExternal")
    assert complete.args["channel_id"] == "D0ALICE"
    (upload,) = long_bot.fake.calls("upload")
    assert upload.body.startswith(b"\x89PNG")
    assert long_bot.fake.calls("chat.postMessage") == []

    # The export has every day.
    (actions,) = [b for b in answer["blocks"] if b["type"] == "actions"]
    button = actions["elements"][0]
    long_bot.fake.reset()
    done = long_bot.fake.response_url()
    assert long_bot.click(button["action_id"], button["value"], response_url=done).status == 200
    assert long_bot.fake.wait_for_response(done).json["text"] == (
        "Sent cost-20251023-20261127.csv (400 rows) to your direct messages with me."
    )
    long_bot.fake.wait_for("files.completeUploadExternal")
    (upload,) = long_bot.fake.calls("upload")
    content = list(csv.reader(io.StringIO(upload.body.decode("utf-8"))))
    assert content[0] == ["bucket", "cost", "currency"]
    assert content[1] == [FIRST.isoformat(), str(_cost(0).quantize(Decimal("0.01"))), "USD"]
    assert len(content) == DAYS + 1


def test_a_short_series_is_shown_whole_without_a_note_or_chart(long_bot: Bot) -> None:
    long_bot.fake.reset()
    answer = long_bot.ask("/cost", "2026-11-01..2026-11-26 daily")
    text = blocks_text(answer["blocks"])
    assert "2026-11-01" in text and "2026-11-26" in text and "Total (26 days)" in text
    assert "Showing the last" not in text
    (actions,) = [b for b in answer["blocks"] if b["type"] == "actions"]
    assert [e["text"]["text"] for e in actions["elements"]] == ["Share in channel"]  # nothing left out to export
    assert long_bot.fake.calls("upload") == []


def test_a_quarterly_series_sums_each_calendar_quarter(long_bot: Bot) -> None:
    answer = long_bot.ask("/cost", "how much did we spend by quarter from 2025-10-23 to 2026-11-26")
    table = [line for b in answer["blocks"] if b["type"] == "section" for line in b["text"]["text"].splitlines()]
    rows = [line.split() for line in table if line[:4] in ("2025", "2026", "Tota")]
    quarters: dict[str, Decimal] = {}
    for i in range(DAYS):
        day = FIRST + timedelta(days=i)
        start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1).isoformat()
        quarters[start] = quarters.get(start, Decimal(0)) + _cost(i)
    assert [r[:2] for r in rows[:-1]] == [[q, _money(c)] for q, c in quarters.items()]
    assert rows[-1] == ["Total", "(5", "quarters)", _money(sum(quarters.values(), Decimal(0)))]
