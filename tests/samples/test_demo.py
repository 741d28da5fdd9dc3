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
    assert run_demo(tmp_path, months=3, rows_per_month=3000, seed=7, today=date(2025, 3, 10), out=out) == 0
    text = out.getvalue()
    assert "Ingested 3 periods, 6,870 line items" in text  # March is cut at the 10th: 9/31 of 3000 lines
    for title in (
        "Total last month (2025-02)",
        "Last month by service, top 10",
        "by tag user:team",
        "Top 10 resources last month",
        "month-end forecast",
        "Injected anomalies",
        "Next:",
    ):
        assert title in text, title
    assert "untagged" in text and "Forecast for 2025-03" in text
    assert "trackit query" in text

    # The February total shown is the export's own sum of unblended cost, to the cent.
    files = sorted((tmp_path / "exports").rglob("BILLING_PERIOD=2025-02/*.parquet"))
    ((expected,),) = duckdb.execute(
        "SELECT sum(CAST(line_item_unblended_cost AS DECIMAL(38, 10))) FROM read_parquet(?)", [[str(f) for f in files]]
    ).fetchall()
    shown = f"${Decimal(expected).quantize(Decimal('0.01')):,}"
    assert f"Total: {shown}" in text
    truth = json.loads((tmp_path / "exports" / "ground_truth.json").read_text())
    assert len(truth["anomalies"]) == 3


def test_demo_cli_refuses_bad_sizes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["demo", "--months", "0"])
    assert "0 is not a positive number" in capsys.readouterr().err


def test_demo_cli_explains_too_few_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--dir", str(tmp_path), "--months", "1", "--rows-per-month", "40"]) == 2
    err = capsys.readouterr().err
    assert "cannot hold" in err and "at least" in err
