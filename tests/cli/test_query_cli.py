"""`trackit query` end to end: a real export ingested into a DuckDB store, answers checked against sums computed
from the raw CSV with the csv module and Decimal (independently of the reader and the store)."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bot.cli import main
from tests.support.shared_data import FINOPS_AWS_SAMPLE_DIR

SAMPLE = FINOPS_AWS_SAMPLE_DIR / "sample-anonymous-aws-export-dataset.csv"
TODAY = "2023-11-20"


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from bot.ingest.pipeline import ingest
    from bot.store.registry import open_store

    root = tmp_path_factory.mktemp("query-cli")
    copy = root / SAMPLE.name
    shutil.copy(SAMPLE, copy)
    url = f"duckdb://{root / 'store'}"
    store = open_store(url)
    try:
        ingest(str(copy), store, progress=False)
    finally:
        store.close()
    return url


@pytest.fixture(autouse=True)
def clean_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No trackit.toml and no TRACKIT_* variables from the environment leak into the CLI under test."""
    monkeypatch.chdir(tmp_path)
    for name in list(__import__("os").environ):
        if name.startswith("TRACKIT_"):
            monkeypatch.delenv(name)


def raw() -> list[dict[str, str]]:
    with SAMPLE.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def cost(row: dict[str, str]) -> Decimal:
    return Decimal(row["lineItem/UnblendedCost"] or "0")


def by_service() -> dict[str, Decimal]:
    """Cost by service as Cost Explorer shows it: tax lines are the service `Tax`, not the service taxed."""
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for row in raw():
        sums["Tax" if row["lineItem/LineItemType"] == "Tax" else row["product/ProductName"]] += cost(row)
    return dict(sums)


def run_json(capsys: pytest.CaptureFixture[str], store_url: str, text: str, today: str = TODAY) -> dict[str, object]:
    code = main(["query", text, "--store", store_url, "--today", today, "--format", "json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    doc: dict[str, object] = json.loads(out.out)
    return doc


def close(value: object, expected: Decimal) -> bool:
    return isinstance(value, float) and abs(Decimal(repr(value)) - expected) <= Decimal("0.000001")


def test_total_and_top_services_match_the_raw_export(capsys: pytest.CaptureFixture[str], store_url: str) -> None:
    doc = run_json(capsys, store_url, "2023-11 by service top 3")
    services = by_service()
    expected_total = sum(services.values(), Decimal(0))
    assert close(doc["total"], expected_total)
    ranked = sorted(services.items(), key=lambda kv: (-kv[1], kv[0]))
    groups = doc["groups"]
    assert isinstance(groups, list)
    assert [g["keys"] for g in groups] == [{"service": name} for name, _ in ranked[:3]]
    for g, (_, amount) in zip(groups, ranked[:3], strict=True):
        assert close(g["cost"], amount)
        assert g["previous_cost"] is None  # nothing stored for October: no data, not $0.00
    other = doc["other"]
    assert isinstance(other, dict)
    assert other["groups"] == len(ranked) - 3
    assert close(other["cost"], sum((a for _, a in ranked[3:]), Decimal(0)))
    assert doc["period"] == {
        "start": "2023-11-01",
        "end": "2023-12-01",
        "last_day": "2023-11-30",
        "days": 30,
        "label": "2023-11",
    }
    assert doc["previous_total"] is None and doc["previous_status"] == "no data"
    assert doc["change"] is None and doc["change_pct"] is None
    assert doc["progress"] == "in progress"  # the export stops on Nov 14 at 04:00
    freshness = doc["freshness"]
    assert isinstance(freshness, dict)
    assert freshness["final"] is False  # the sample has no invoice id
    assert [p["billing_period"] for p in freshness["periods"]] == ["2023-11-01"]
    assert doc["forecast"] is not None  # --today lies inside the range


def test_filters_use_short_service_names(capsys: pytest.CaptureFixture[str], store_url: str) -> None:
    doc = run_json(capsys, store_url, "2023-11 service=s3,kms")
    services = by_service()
    expected = services["Amazon Simple Storage Service"] + services["AWS Key Management Service"]
    assert close(doc["total"], expected)
    assert doc["filters"] == [
        {
            "dimension": "service",
            "values": ["Amazon Simple Storage Service", "AWS Key Management Service"],
            "negate": False,
        }
    ]
    doc = run_json(capsys, store_url, "2023-11 service!=s3")
    assert close(doc["total"], sum(services.values(), Decimal(0)) - services["Amazon Simple Storage Service"])


def test_daily_series_sums_to_the_total(capsys: pytest.CaptureFixture[str], store_url: str) -> None:
    doc = run_json(capsys, store_url, "2023-11-01..2023-11-14 daily")
    per_day: dict[str, Decimal] = defaultdict(Decimal)
    for row in raw():
        start = date.fromisoformat(row["lineItem/UsageStartDate"][:10])
        if date(2023, 11, 1) <= start <= date(2023, 11, 14):
            per_day[start.isoformat()] += cost(row)
    series = doc["series"]
    assert isinstance(series, list)
    got = {p["bucket"][:10]: p["cost"] for p in series}
    assert set(got) <= set(per_day)
    for day, amount in per_day.items():
        if amount:
            assert close(got[day], amount), day
    assert close(doc["total"], sum(per_day.values(), Decimal(0)))


def test_text_output_is_a_table(capsys: pytest.CaptureFixture[str], store_url: str) -> None:
    code = main(["query", "2023-11", "by", "service", "top", "2", "--store", store_url, "--today", TODAY])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    services = sorted(by_service().items(), key=lambda kv: -kv[1])
    total = sum(a for _, a in services)
    assert out[0] == "Query: 2023-11 by service top 2"
    assert out[1] == "Cost 2023-11 (2023-11-01 – 2023-11-30), unblended, USD"
    assert out[2] == f"Total: ${total.quantize(Decimal('0.01'))} so far"
    complete = sum(cost(r) for r in raw() if r["lineItem/UsageStartDate"][:10] < "2023-11-14")
    assert out[3] == (
        f"Change: complete days 2023-11-01 – 2023-11-13: ${complete.quantize(Decimal('0.01'))}; the same days of "
        "the previous period (2023-10-01 – 2023-10-13): no data"
    )
    assert out[4].startswith("Forecast for 2023-11: $")  # --today lies inside the month
    assert out[6].split() == ["service", "cost"]  # no previous column: October has no data
    assert out[8].startswith(services[0][0])
    assert out[-1] == "Data up to 2023-11-14 04:00 UTC; 2023-11 estimated."  # the last hourly usage line


def test_a_bad_query_exits_2_with_the_hint(capsys: pytest.CaptureFixture[str], store_url: str) -> None:
    code = main(["query", "2023-11 by servce", "--store", store_url, "--today", TODAY])
    err = capsys.readouterr().err
    assert code == 2
    assert err == (
        "error: I can't group by `servce`.\n"
        "Did you mean `by service`? Example: `by service`, `by service, region`, `by tag:team`.\n"
    )


def test_an_unknown_service_suggests_stored_ones(capsys: pytest.CaptureFixture[str], store_url: str) -> None:
    code = main(["query", "2023-11 service=glu", "--store", store_url, "--today", TODAY])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: I don't know the service `glu`.\nDid you mean `glue`")


def test_a_bad_today_is_refused_by_argparse(capsys: pytest.CaptureFixture[str], store_url: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(["query", "today", "--store", store_url, "--today", "27/11/2026"])
    assert info.value.code == 2
    assert "'27/11/2026' is not a date: use YYYY-MM-DD" in capsys.readouterr().err


def test_an_empty_store_answers_zero_and_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(
        ["query", "last month", "--store", f"duckdb://{tmp_path / 'empty'}", "--today", TODAY, "--format", "json"]
    )
    out = capsys.readouterr()
    assert code == 0
    assert "holds no data yet" in out.err
    doc = json.loads(out.out)
    assert doc["total"] == 0.0
    assert doc["freshness"] == {"data_until": None, "final": False, "periods": []}


# ------------------------------------------------------------------ Cost Explorer conventions on a genuine CUR


def region_of(row: dict[str, str]) -> str:
    """The region the export names (code, else name, else none): the sample has no availability zones."""
    return row["product/regionCode"] or row["product/region"]


def test_region_global_holds_legacy_global_rows_and_tax(capsys: pytest.CaptureFixture[str], store_url: str) -> None:
    """The sample bills Route 53 style usage in `product/region` = global and its tax rows in no region at all:
    both read `global`, as one group, and `region=global` finds both."""
    expected = sum((cost(r) for r in raw() if region_of(r) in ("", "global")), Decimal(0))
    assert any(region_of(r) == "global" for r in raw()) and any(region_of(r) == "" for r in raw())
    doc = run_json(capsys, store_url, "2023-11 by region top 50")
    regions = {g["keys"]["region"]: g["cost"] for g in doc["groups"]}  # type: ignore[union-attr,index]
    assert close(regions["global"], expected)
    assert "untagged" not in regions and "" not in regions
    assert close(run_json(capsys, store_url, "2023-11 region=global")["total"], expected)


def test_tax_is_its_own_line_and_can_be_seen_by_service(capsys: pytest.CaptureFixture[str], store_url: str) -> None:
    taxed: dict[str, Decimal] = defaultdict(Decimal)
    for row in raw():
        if row["lineItem/LineItemType"] == "Tax":
            taxed[row["product/ProductName"]] += cost(row)
    assert len(taxed) == 12
    everything = run_json(capsys, store_url, "2023-11 by service top 50")
    services = {g["keys"]["service"]: g["cost"] for g in everything["groups"]}  # type: ignore[union-attr,index]
    assert close(services["Tax"], sum(taxed.values(), Decimal(0)))
    by_charged = run_json(capsys, store_url, "2023-11 charge-type=tax by service top 50")
    got = {g["keys"]["service"]: g["cost"] for g in by_charged["groups"]}  # type: ignore[union-attr,index]
    assert set(got) == set(taxed) and all(close(got[s], taxed[s]) for s in taxed)
    without = run_json(capsys, store_url, "2023-11 service!=tax")
    assert close(without["total"], sum(by_service().values(), Decimal(0)) - sum(taxed.values(), Decimal(0)))


def test_tax_rows_have_no_usage_type_and_read_none(capsys: pytest.CaptureFixture[str], store_url: str) -> None:
    expected = sum((cost(r) for r in raw() if not r["lineItem/UsageType"]), Decimal(0))
    doc = run_json(capsys, store_url, "2023-11 by usage-type top 1000")
    usage_types = {g["keys"]["usage-type"]: g["cost"] for g in doc["groups"]}  # type: ignore[union-attr,index]
    assert close(usage_types["(none)"], expected)
    filtered = run_json(capsys, store_url, "2023-11 usage-type=(none)")
    assert close(filtered["total"], expected)
    assert filtered["canonical_query"] == "2023-11 usage-type=(none) unblended"


def test_currency_and_net_come_from_the_export(capsys: pytest.CaptureFixture[str], store_url: str) -> None:
    doc = run_json(capsys, store_url, "2023-11")
    assert doc["currency"] == "USD"
    (period,) = doc["freshness"]["periods"]  # type: ignore[index]
    assert (period["currencies"], period["has_net_cost"]) == (["USD"], False)
    code = main(["query", "2023-11 net", "--store", store_url, "--today", TODAY])
    assert code == 2
    assert capsys.readouterr().err == (
        "error: Net cost is not in this export for 2023-11: its files carry no net (after-discount) cost columns, "
        "so net would only repeat unblended cost.\nAsk for `unblended` or `amortized` cost instead. Net cost "
        "appears in a Cost and Usage Report when the account has discounts (lineItem/NetUnblendedCost).\n"
    )


# ------------------------------------------------------------------------------------ a bill in euros


EUR_TODAY = "2026-11-27"


def _load(root: Path, rows: list[dict[str, object]]) -> str:
    from bot.store.registry import open_store
    from tests.store.sources import make_source

    url = f"duckdb://{root / 'store'}"
    store = open_store(url)
    try:
        for month in sorted({str(r["billing_period"])[:7] for r in rows}):
            store.replace_period(make_source(root, [r for r in rows if str(r["billing_period"]).startswith(month)]))
    finally:
        store.close()
    return url


@pytest.fixture(scope="module")
def eur_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from tests.support.eur_bill import ROWS

    return _load(tmp_path_factory.mktemp("eur"), ROWS)


@pytest.fixture(scope="module")
def mixed_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The euro bill, with November billed in US dollars (a payer that changed its billing currency)."""
    from tests.support.eur_bill import ROWS

    rows = [dict(r, currency="USD") if str(r["billing_period"]) >= "2026-11" else r for r in ROWS]
    return _load(tmp_path_factory.mktemp("mixed"), rows)


def test_a_euro_bill_answers_in_euros(capsys: pytest.CaptureFixture[str], eur_url: str) -> None:
    from tests.support.eur_bill import ROWS, days, eur, total

    october = total(keep=days("2026-10-01", "2026-11-01"))
    doc = run_json(capsys, eur_url, "2026-10 by service", EUR_TODAY)
    assert doc["currency"] == "EUR"
    assert close(doc["total"], october)
    code = main(["query", "2026-10", "--store", eur_url, "--today", "2026-11-27"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[1] == "Cost 2026-10 (2026-10-01 – 2026-10-31), unblended, EUR"
    assert out[2] == f"Total: {eur(october)}" and eur(october) == "€31,910.43"
    # The bill starts in October: September is no data, not €0.00.
    assert out[3] == "Change: vs the previous period (2026-09-01 – 2026-09-30): no data"
    assert len(ROWS) > 100 and not any("$" in line for line in out)


def test_a_question_over_two_currencies_asks_for_one(capsys: pytest.CaptureFixture[str], mixed_url: str) -> None:
    code = main(["query", "2026-10-15..2026-11-10", "--store", mixed_url, "--today", "2026-11-27"])
    assert code == 2
    assert capsys.readouterr().err == (
        "error: These costs are billed in 2 currencies: EUR (2026-10); USD (2026-11). Amounts in different "
        "currencies are never added together.\nAsk for one currency: `currency=EUR` or `currency=USD`.\n"
    )
    from tests.support.eur_bill import days, total

    picked = run_json(capsys, mixed_url, "2026-10-15..2026-11-10 currency=eur", EUR_TODAY)
    assert picked["currency"] == "EUR"
    assert close(picked["total"], total(keep=days("2026-10-15", "2026-11-01")))


def test_one_currency_per_answer_and_no_comparison_across_currencies(
    capsys: pytest.CaptureFixture[str], mixed_url: str
) -> None:
    from tests.support.eur_bill import days, total

    october = run_json(capsys, mixed_url, "2026-10 by service", EUR_TODAY)
    assert october["currency"] == "EUR" and close(october["total"], total(keep=days("2026-10-01", "2026-11-01")))
    november = run_json(capsys, mixed_url, "2026-11", EUR_TODAY)
    assert november["currency"] == "USD"
    assert november["previous_total"] is None and november["change"] is None
    assert november["notes"] == ["No comparison: the previous period is billed in EUR, not USD."]
    code = main(["query", "2026-11", "--store", mixed_url, "--today", "2026-11-27"])
    out = capsys.readouterr().out
    assert code == 0 and "No comparison: the previous period is billed in EUR, not USD." in out and "€" not in out


def test_the_removed_currency_symbol_setting_is_refused_with_the_reason(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, eur_url: str
) -> None:
    monkeypatch.setenv("TRACKIT_CURRENCY_SYMBOL", "$")
    assert main(["query", "2026-10", "--store", eur_url, "--today", EUR_TODAY]) == 2
    assert capsys.readouterr().err == (
        "configuration error: TRACKIT_CURRENCY_SYMBOL: the setting currency_symbol was removed: amounts are shown "
        "in the currency of the billing data itself (EUR as €, USD as $), so there is no symbol to configure any "
        "more: remove it\n"
    )
    monkeypatch.delenv("TRACKIT_CURRENCY_SYMBOL")
    (tmp_path / "trackit.toml").write_text('currency_symbol = "€"\n')  # the working directory (clean_settings)
    assert main(["query", "2026-10", "--store", eur_url, "--today", EUR_TODAY]) == 2
    assert capsys.readouterr().err.startswith("configuration error: trackit.toml: the setting currency_symbol was")


def test_the_cli_rounds_like_every_other_surface(capsys: pytest.CaptureFixture[str], eur_url: str) -> None:
    assert main(["query", "2026-10 service=cloudwatch", "--store", eur_url, "--today", EUR_TODAY]) == 0
    assert capsys.readouterr().out.splitlines()[2] == "Total: €0.13"  # 0.125, half-up
    assert main(["query", "2026-11-02..2026-11-11 service=ec2", "--store", eur_url, "--today", EUR_TODAY]) == 0
    assert capsys.readouterr().out.splitlines()[2:4] == [
        "Total: €9,999.62",
        "Change: -€0.38 (-0.0%) vs the previous period (2026-10-23 – 2026-11-01): €10,000.00",
    ]


def test_forecast_on_a_genuine_cur_keeps_the_month_long_tax_out_of_daily_spend(
    capsys: pytest.CaptureFixture[str], store_url: str
) -> None:
    """The FinOps Foundation's export: usage to Nov 14 04:00 and twelve Tax lines spanning the whole month. The
    tax is a period charge: it scales with the month's usage, it is not a day's spend extrapolated over 30."""
    doc = run_json(capsys, store_url, "this month")
    f = doc["forecast"]
    assert isinstance(f, dict)
    rows = raw()
    usage_rows = [r for r in rows if r["lineItem/LineItemType"] == "Usage"]
    tax = sum(cost(r) for r in rows if r["lineItem/LineItemType"] == "Tax")
    usage_so_far = sum(cost(r) for r in usage_rows)
    complete = sum(cost(r) for r in usage_rows if r["lineItem/UsageStartDate"][:10] < "2023-11-14")
    assert tax == Decimal("0.08") and f["days_elapsed"] == 13 and f["days_in_month"] == 30
    assert close(f["usage_to_date"], complete)
    assert close(f["period_to_date"], tax)
    # No history: the tax posted so far, scaled with usage to the month's end.
    scale = Decimal(repr(f["usage_expected"])) / usage_so_far
    assert abs(Decimal(repr(f["period_expected"])) - tax * scale) < Decimal("0.000001")
    assert f["expected"] == pytest.approx(f["usage_expected"] + f["period_expected"])
    assert f["low"] < f["expected"] < f["high"]
    assert "scatter" in f["method"]  # two weeks of data: too little to backtest, and said so


def _trackit(*args: str) -> list[str]:
    return [sys.executable, "-m", "bot", *args]


def test_a_reader_that_closes_the_pipe_ends_the_command_quietly(store_url: str) -> None:
    """`trackit query ... | head`: a real pipe whose only reader is gone before the answer is written (as `head`
    is once it has its lines), so the write fails with EPIPE however short the answer."""
    command = _trackit("query", "2023-11 by service", "--store", store_url, "--today", TODAY)
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away: every write of the child fails with EPIPE
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 141, err  # 128 + SIGPIPE, as the shell reports `cat big | head`
    assert err == ""  # no BrokenPipeError traceback, no "Exception ignored" at exit
