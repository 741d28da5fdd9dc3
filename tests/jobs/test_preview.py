"""`trackit preview`: the files written are exactly what the jobs would post (Block Kit JSON, text, charts, XLSX),
with no Slack and nothing written to app state."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from bot.cli import main
from bot.compose import preview_renderers
from bot.slack.triage import CHOICES
from bot.state.alerts import list_anomaly_alerts
from bot.state.db import StateStore
from tests.reports import billing_data as data


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("preview-template")
    data.load_store(tmp).close()
    return tmp / "billing"


@pytest.fixture
def home(tmp_path: Path, template: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(template, tmp_path / "billing")
    monkeypatch.setenv("TRACKIT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TRACKIT_CONFIG", str(tmp_path / "none.toml"))
    for var in ("TRACKIT_STORE_URL", "TRACKIT_DATABASE_URL", "TRACKIT_OPS_CHANNEL", "TRACKIT_COST_BASIS"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


def test_monthly_preview_writes_payload_text_charts_and_workbook(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = home / "out"
    assert main(["preview", "monthly", "--out", str(out), "--date", "2026-11-01"]) == 0
    folder = out / "monthly"
    names = sorted(p.name for p in folder.iterdir())
    base = "monthly-2026-10-01"
    assert names == sorted(
        [
            f"{base}.json",
            f"{base}.txt",
            f"{base}-daily-by-service.png",
            f"{base}-monthly-by-service.png",
            f"{base}-cost-by-account.png",
            f"{base}-top-movers.png",
            f"{base}-trackit-monthly-2026-10-01.xlsx",
        ]
    )
    payload = json.loads((folder / f"{base}.json").read_text())
    assert payload["text"].startswith("Monthly cost digest: October 2026. $8,222.76 spent")
    assert payload["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Monthly cost digest: October 2026", "emoji": True},
    }
    assert (folder / f"{base}.txt").read_text() == payload["text"] + "\n"
    assert (folder / f"{base}-top-movers.png").read_bytes().startswith(b"\x89PNG")
    assert "xl/workbook.xml" in zipfile.ZipFile(folder / f"{base}-trackit-monthly-2026-10-01.xlsx").namelist()
    assert "wrote 7 file(s)" in capsys.readouterr().out


def test_daily_and_weekly_previews_with_channel_filters(home: Path) -> None:
    out = home / "out"
    assert (
        main(["preview", "daily", "--out", str(out), "--date", "2026-11-26", "--channel-filters", "tag:team=web"]) == 0
    )
    daily = json.loads((out / "daily" / "daily-2026-11-25.json").read_text())
    assert "tag:team=web" in json.dumps(daily)
    assert main(["preview", "weekly", "--out", str(out), "--date", "2026-11-23", "--tag", "user:team"]) == 0
    assert (out / "weekly" / "weekly-2026-11-16-cost-by-tag.png").exists()


def test_anomaly_preview_shows_the_alert_and_writes_no_state(home: Path) -> None:
    out = home / "out"
    assert main(["preview", "anomalies", "--out", str(out), "--date", "2026-11-27"]) == 0
    files = sorted(p.name for p in (out / "anomalies").iterdir())
    assert files == ["alert-01-to-unrouted.json", "alert-01-to-unrouted.txt"]
    alert = json.loads((out / "anomalies" / files[0]).read_text())
    assert alert["blocks"][0]["text"]["text"] == ":red_circle: Cost anomaly: Service Amazon Elastic Compute Cloud"
    assert [e["action_id"] for e in alert["blocks"][-1]["elements"]] == [c.action_id for c in CHOICES]
    state = StateStore(f"sqlite:///{home / 'state.sqlite3'}")
    try:
        assert list_anomaly_alerts(state) == ()
    finally:
        state.dispose()


def test_bad_filters_are_a_clear_error(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["preview", "weekly", "--out", str(home / "out"), "--channel-filters", "tag:nope=x"])
    assert code == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_bad_date_is_refused(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["preview", "daily", "--date", "27/11/2026"])
    assert "'27/11/2026' is not a date: use YYYY-MM-DD" in capsys.readouterr().err


def test_every_kind_has_a_renderer() -> None:
    assert sorted(preview_renderers()) == ["anomalies", "daily", "monthly", "weekly"]
