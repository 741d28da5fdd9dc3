"""What changed, on a genuine AWS export (the FinOps Foundation's anonymised legacy CUR: two weeks of November
2023, S3, Glue, SQS and a dozen more services, pricing units from Requests to GB-Mo, tax for the month): the
second week against the first, checked against sums computed independently from the raw CSV with Decimal."""

from __future__ import annotations

import csv
import re
import shutil
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from bot.billing.anomaly_changes import ChangeKind
from bot.billing.anomaly_rootcause import explain_windows
from bot.billing.model import TimeRange
from bot.billing.money import format_change, round_money
from bot.ingest.pipeline import ingest
from bot.slack.anomaly_cause import what_changed_lines
from bot.store.duckdb import DuckDBStore
from tests.support.shared_data import FINOPS_AWS_SAMPLE_DIR

SAMPLE = FINOPS_AWS_SAMPLE_DIR / "sample-anonymous-aws-export-dataset.csv"
BASE = TimeRange(date(2023, 11, 1), date(2023, 11, 8), "first week")
WINDOW = TimeRange(date(2023, 11, 8), date(2023, 11, 15), "second week")

pytestmark = pytest.mark.skipif(not SAMPLE.is_file(), reason=f"public sample not found: {SAMPLE}")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DuckDBStore]:
    tmp = tmp_path_factory.mktemp("finops-changes")
    (tmp / "src").mkdir()
    shutil.copy(SAMPLE, tmp / "src" / SAMPLE.name)
    s = DuckDBStore(tmp / "billing", threads=1, memory_limit="256MB")
    ingest(str(tmp / "src"), s, progress=False)
    yield s
    s.close()


def raw_sides() -> dict[str, dict[str, dict[str, list[Decimal]]]]:
    """usage type ('(none)' when empty) -> side ('before', 'now') -> unit -> [cost, usage amount]."""
    out: dict[str, dict[str, dict[str, list[Decimal]]]] = defaultdict(lambda: defaultdict(dict))
    with SAMPLE.open(newline="") as fh:
        for r in csv.DictReader(fh):
            day = date.fromisoformat(r["lineItem/UsageStartDate"][:10])
            side = "now" if WINDOW.start <= day < WINDOW.end else "before" if BASE.start <= day < BASE.end else ""
            if not side:
                continue
            acc = out[r["lineItem/UsageType"] or "(none)"][side].setdefault(
                r["pricing/unit"] or "(none)", [Decimal(0), Decimal(0)]
            )
            acc[0] += Decimal(r["lineItem/UnblendedCost"] or "0")
            acc[1] += Decimal(r["lineItem/UsageAmount"] or "0")
    return out


def test_every_usage_type_of_a_genuine_bill_says_what_changed_and_it_adds_up(store: DuckDBStore) -> None:
    cause = explain_windows(store, WINDOW, BASE, dimensions=("service",), scale=False, changes=True)
    got = {c.key: c for c in cause.changes}
    raw = raw_sides()
    expected_excess = {}
    for usage_type, sides in raw.items():
        c1 = sum((v[0] for v in sides.get("now", {}).values()), Decimal(0))
        c0 = sum((v[0] for v in sides.get("before", {}).values()), Decimal(0))
        if abs(c1 - c0) > Decimal("1e-9") * max(1, abs(c0), abs(c1)):  # moved, beyond float noise
            expected_excess[usage_type] = c1 - c0
    # The export has no resource ids: every contributor is a usage type.
    assert {c.dimension for c in cause.changes} == {"usage-type"}
    assert set(got) == set(expected_excess)
    for key, excess in expected_excess.items():
        assert got[key].excess == pytest.approx(float(excess), abs=1e-6), key
    new = {k for k, s in raw.items() if "before" not in s and k in expected_excess}
    gone = {  # cost before, none now (a line left at $0 changes nothing)
        k for k, s in raw.items() if k in expected_excess and not any(v[0] for v in s.get("now", {}).values())
    }
    assert {k for k, c in got.items() if c.kind is ChangeKind.NEW} == new
    assert {k for k, c in got.items() if c.kind is ChangeKind.GONE} == gone
    assert "(none)" in gone  # the month's tax is booked on the 1st: gone from the second week
    # Usage vs rate where one unit and usage on both sides: (q1 - q0) * r0, computed from the raw rows.
    split_checked = 0
    for key, sides in raw.items():
        before, now = sides.get("before", {}), sides.get("now", {})
        if key not in got or len(before) != 1 or set(before) != set(now) or "(none)" in before:
            continue
        (c0, q0), (c1, q1) = next(iter(before.values())), next(iter(now.values()))
        if q0 > 0 and q1 > 0:
            quantity = (q1 - q0) * c0 / q0
            assert got[key].quantity == pytest.approx(float(quantity), abs=1e-6), key
            assert got[key].rate == pytest.approx(float(c1 - c0 - quantity), abs=1e-6), key
            split_checked += 1
    assert split_checked >= 3
    for c in cause.changes:
        assert c.quantity + c.rate + c.unsplit == pytest.approx(c.excess, abs=1e-9)
    assert sum(c.excess for c in cause.changes) == pytest.approx(cause.excess, abs=1e-9)


def test_the_alert_lines_add_up_to_the_headline_on_a_genuine_bill(store: DuckDBStore) -> None:
    cause = explain_windows(store, WINDOW, BASE, dimensions=(), scale=False, changes=True)
    lines = what_changed_lines(cause)
    money = re.compile(r" ([+-]\$[\d,]+\.\d\d) \(")
    amounts = [Decimal(m.group(1).replace("$", "").replace(",", "")) for line in lines[1:] if (m := money.search(line))]
    headline = round_money(cause.excess)
    assert lines[0] == f"*What changed* ({format_change(headline)} vs expected):"
    assert len(amounts) == len(lines) - 1 and lines[-1].startswith("• other (")
    assert sum(amounts) == headline
    assert len(lines) <= 6  # short: the top contributors and "other"
