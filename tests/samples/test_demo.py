"""`trackit demo` generates, ingests and answers from the real pipeline and store."""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from bot.cli import main
from bot.cli.demo import run_demo


def test_demo_generates_ingests_and_answers(tmp_path: Path) -> None:
    out = io.StringIO()
    assert run_demo(tmp_path, months=3, rows_per_month=6000, seed=7, today=date(2025, 3, 10), out=out) == 0
    text = out.getvalue()
    truth = json.loads((tmp_path / "exports" / "ground_truth.json").read_text())
    rows = sum(
        duckdb.execute("SELECT count(*) FROM read_parquet(?)", [[str(f) for f in files]]).fetchone()[0]  # type: ignore[index]
        for files in [sorted((tmp_path / "exports").rglob("*.snappy.parquet"))]
    )
    assert f"Ingested 3 periods, {rows:,} line items" in text  # March is cut at the 10th
    for title in (
        "Total last month (2025-02)",
        "Last month by service, top 10",
        "by tag user:team",
        "Top 10 resources last month",
        "month-end forecast",
        "The organisation behind the data",
        "What happened",
        "Next:",
    ):
        assert title in text, title
    # The story is the ground truth's: the accounts, and every event that happened by today with its size.
    assert (
        "Acme Robotics: 8 AWS accounts in one Organization, billed to the payer acme-payer (210987654321) in USD"
        in text
    )
    assert "acme-dev (dev)" in text and "4 reserved instances and 1 Compute Savings Plan" in text
    assert truth["events"]
    for e in truth["events"]:
        flag = "alert" if e["should_alert"] else "-"
        assert f"{e['start'][:10]}  {flag:<5}  " in text and e["description"] in text, e["id"]
    ((resources,),) = duckdb.execute(
        "SELECT count(*) FROM read_parquet(?)", [str(tmp_path / "exports" / "inventory.parquet")]
    ).fetchall()
    assert f"{resources:,} resources over the period" in text
    assert "untagged" in text and "Forecast for 2025-03" in text
    assert "trackit query" in text

    # The February total shown is the export's own sum of unblended cost, to the cent.
    files = sorted((tmp_path / "exports").rglob("BILLING_PERIOD=2025-02/*.parquet"))
    ((expected,),) = duckdb.execute(
        "SELECT sum(CAST(line_item_unblended_cost AS DECIMAL(38, 10))) FROM read_parquet(?)", [[str(f) for f in files]]
    ).fetchall()
    shown = f"${Decimal(expected).quantize(Decimal('0.01')):,}"
    assert f"Total: {shown}" in text

    # The local preview: what the scheduled jobs would post on 2025-03-10, as `trackit preview` writes it.
    preview = tmp_path / "preview"
    assert f"(trackit preview), written to {preview}" in text
    files = {str(p.relative_to(preview)) for p in preview.rglob("*") if p.is_file()}
    charts = ("daily-by-service", "monthly-by-service", "cost-by-account", "top-movers")
    expected_files = {"daily/daily-2025-03-09.json", "daily/daily-2025-03-09.txt"}
    for kind, start in (("weekly", "2025-03-03"), ("monthly", "2025-02-01")):
        expected_files |= {f"{kind}/{kind}-{start}.json", f"{kind}/{kind}-{start}.txt"}
        expected_files |= {f"{kind}/{kind}-{start}-{c}.png" for c in charts}
    xlsx = {f for f in files if f.endswith(".xlsx")}
    # Whatever the anomaly engine flags in the latest days comes as alert files, each announced in the text.
    alerts = {f for f in files if f.startswith("anomalies/")}
    assert files - xlsx - alerts == expected_files
    n = len({f.rsplit(".", 1)[0] for f in alerts})
    assert {f"anomalies/alert-{k:02d}-to-unrouted.{ext}" for k in range(1, n + 1) for ext in ("json", "txt")} == alerts
    if n:
        assert f"preview/anomalies/: {n} Block Kit JSON, {n} text" in text
    else:
        assert "anomalies  nothing to post" in text
    assert len(xlsx) == 2 and all(
        f.startswith(("weekly/weekly-2025-03-03-", "monthly/monthly-2025-02-01-")) for f in xlsx
    )
    assert "preview/weekly/: 1 Block Kit JSON, 1 text, 4 PNG chart(s), 1 XLSX workbook(s)" in text
    assert "preview/daily/: 1 Block Kit JSON, 1 text" in text
    for name in xlsx:
        assert (preview / name).read_bytes()[:2] == b"PK"  # a zip: the XLSX container
    for name in files:
        if name.endswith(".png"):
            assert (preview / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # The monthly digest reports February's total, the same sum of the export to the cent.
    monthly = json.loads((preview / "monthly" / "monthly-2025-02-01.json").read_text())
    assert monthly["blocks"] and shown in json.dumps(monthly)
    assert shown in (preview / "monthly" / "monthly-2025-02-01.txt").read_text()


def test_demo_cli_refuses_bad_sizes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["demo", "--months", "0"])
    assert "0 is not a positive number" in capsys.readouterr().err


def test_demo_cli_explains_too_few_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--dir", str(tmp_path), "--months", "1", "--rows-per-month", "40"]) == 2
    err = capsys.readouterr().err
    assert "cannot hold" in err and "at least" in err
