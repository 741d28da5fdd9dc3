"""The billing store contract: what every backend (`bot.store.*`) implements and the domain queries through.

The domain speaks only to `BillingStore`; backends live in `bot.store` and are chosen by URL scheme through
`bot.store.registry.open_store`. Every backend passes the one contract suite in `tests/store/`.

Ingestion hands a store a `NormalizedSource`: a DuckDB SELECT over local files that yields the columns of
`bot.billing.model.LINE_ITEM_COLUMNS` plus `tag:<key>` and `costcat:<name>` VARCHAR columns. DuckDB is the
transform engine for every backend (DuckDB backends run it into their own files; others stream its rows).
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar, TypeVar

from bot.billing.model import (
    AggregateRequest,
    AggregateRow,
    Delivery,
    DimensionRef,
    Filter,
    Freshness,
    LineItemSums,
    LineItemSumsRequest,
    PeriodStatus,
    TagCoverage,
    TimeRange,
)

T = TypeVar("T")


@dataclass(frozen=True)
class SourcePart:
    """One export file of a delivery of several, as its own SELECT (same columns as the whole delivery's).

    `size` and `digest` (the file's SHA-256) identify the file's content; `fingerprint` identifies the
    transformation (the SELECT with the file left out, and the delivery's column types): a stored part with the
    same three yields exactly the rows this SELECT would, so a store may keep it instead of loading it again.
    `share` is the part's share of the delivery's bytes (for progress estimates).
    """

    name: str
    size: int
    digest: str
    fingerprint: str
    select_sql: str
    share: float = 1.0


@dataclass(frozen=True)
class NormalizedSource:
    """A billing period's line items, ready to load.

    `select_sql` is a DuckDB SELECT over local files (absolute paths) that yields every column of
    `LINE_ITEM_COLUMNS` in order, then one VARCHAR column per tag key (`"tag:<key>"`, NULL when absent) and
    per cost category (`"costcat:<name>"`). `expected_billed_total` is the export's own sum of unblended cost,
    computed in DECIMAL by the reader, that the loaded data must match to the cent.

    `parts`, when not empty, split the same rows by export file (a delivery of several parquet files): their
    SELECTs together yield exactly `select_sql`'s rows. A store may load them separately (in parallel, re-using
    a part it holds already) or ignore them and load `select_sql`.
    """

    delivery: Delivery
    select_sql: str
    tag_keys: tuple[str, ...]
    cost_categories: tuple[str, ...]
    expected_billed_total: str  # decimal as text, e.g. "12345.6789"
    expected_rows: int
    bytes_read: int = 0
    parts: tuple[SourcePart, ...] = ()


@dataclass(frozen=True)
class LoadResult:
    delivery: Delivery
    rows: int
    billed_total: float
    replaced: str | None  # delivery id that was replaced, if any
    seconds: float


#: Progress callback: (rows loaded so far, expected rows).
Progress = Callable[[int, int], None]


class BillingStore(abc.ABC):
    """Where billing data lives. Thread-safe for concurrent readers; one loader at a time per period.

    Reads answer from the last complete delivery of each period while a load runs. Every method raises
    `StoreError` when the backend fails (connection, disk, mapping), never a backend-specific exception.
    """

    scheme: ClassVar[str]

    @classmethod
    def from_url(cls, url: str) -> BillingStore:
        """Open the store `url` names (`bot.store.registry.open_store` calls this on the backend of its scheme)."""
        raise NotImplementedError(f"{cls.__name__} cannot be opened from a URL")

    # ------------------------------------------------------------------ loading

    @abc.abstractmethod
    def replace_period(self, source: NormalizedSource, progress: Progress | None = None) -> LoadResult:
        """Make `source` the live data of its billing period from its source (`Delivery.source`), atomically.

        Only the live delivery of the same period *and* the same source is replaced: deliveries of the period
        from other sources stay live beside it, and every read sums across them. A stored delivery that
        recorded no source (stored before sources were) counts as coming from `source_of_uri` of its
        `source_uri`. Readers see either the previous delivery or the new one, never a mix; a crash (even
        SIGKILL) before the swap leaves the previous delivery live. Raises `ReconciliationError` (and keeps the
        previous delivery) when the loaded unblended total differs from `source.expected_billed_total` by a
        cent or more.
        """

    @abc.abstractmethod
    def periods(self) -> list[PeriodStatus]:
        """The live delivery of every stored billing period and source, oldest period first (then by source),
        with what was measured at its load: rows, unblended total, newest usage, whether invoiced, its billing
        `currencies` (sorted ISO codes, empty codes left out), `has_net_cost` (some line item carries a net
        cost) and its `source`."""

    def period(self, billing_period: date, source: str | None = None) -> PeriodStatus | None:
        """The live delivery of one billing period from `source`, or None; without a source, the period's first
        live delivery in source order (the only one when a single source delivers it)."""
        return next(
            (p for p in self.periods() if p.billing_period == billing_period and source in (None, p.source)), None
        )

    @abc.abstractmethod
    def delete_period(self, billing_period: date, source: str | None = None) -> bool:
        """Remove a billing period's live delivery from `source`, or from every source when None (returns
        whether one existed). Deliveries of other sources are untouched."""

    # ------------------------------------------------------------------ reading

    def read_consistently(self, question: Callable[[], T]) -> T:
        """Answer `question` (several reads of this store that make one answer) from one consistent view of the
        stored deliveries: a delivery published meanwhile is seen by all of its reads or by none, never by some.

        The default runs `question` as it is: each of its reads sees one delivery or the other. The search-cluster
        backends pin the live indices for the question and may run `question` again from a newer view when the
        ones it read were deleted under it, so `question` must only read."""
        return question()

    @abc.abstractmethod
    def aggregate(self, request: AggregateRequest) -> list[AggregateRow]:
        """Sum the request's cost basis by its groups (and time buckets, UTC), filtered.

        Group keys (the contract every backend implements, `tests/store/test_contract.py`):

        - a missing or empty value gets the dimension's `DimensionRef.empty_key` (`untagged` for tags, `global`
          for regions, `(none)` otherwise); a stored value equal to it (legacy CUR's region `global`) is the
          same group;
        - the service of a tax line item (charge category `Tax`) is `Tax`, as in Cost Explorer, unless
          `tax_as_service(request.filters)` is False (a question keeping only tax): then it is the service the
          tax was charged on;
        - a filter keeps the line items whose key is one of its values (negated: the others), with the same
          two rules; filters on one dimension may repeat and all apply.

        Without `limit`, every group is returned; with it, the `limit` most expensive groups (ties broken by
        key), cost descending. With a granularity, rows are ordered by bucket then cost descending, and `limit`
        applies to the groups over the whole range (every bucket of each kept group is returned). Net basis
        falls back to unblended cost on line items without a net cost (the query layer asks for net only over
        periods whose `has_net_cost` is true). Amounts of every currency are summed as they come: callers keep
        a question in one currency with a `currency` filter (`bot.billing.currency`).
        """

    @abc.abstractmethod
    def count_groups(self, request: AggregateRequest) -> int:
        """How many groups `request` has without its limit (time buckets not counted), exactly, counted where the
        data is: no backend fetches every group to count them (a breakdown by resource has millions)."""

    @abc.abstractmethod
    def line_item_sums(self, request: LineItemSumsRequest) -> list[LineItemSums]:
        """Sums of the line items `request` keeps, one row per distinct combination of its `keys` (raw values,
        '' for NULL), in no particular order. Computed by the backend (SQL GROUP BY, aggregations): only the
        groups cross into Python, never line items."""

    @abc.abstractmethod
    def tag_coverage(self, time_range: TimeRange, filters: Sequence[Filter] = ()) -> list[TagCoverage]:
        """For every tag key seen in the range: cost of tagged line items (unblended), total, distinct values."""

    @abc.abstractmethod
    def distinct_values(self, dimension: DimensionRef, limit: int = 10_000) -> list[str]:
        """Known values of a dimension over all stored data (for suggestions and validation), most costly first,
        without the empty key. Services are the ones line items were charged on, plus `Tax` when there is tax."""

    @abc.abstractmethod
    def tag_keys(self) -> list[str]:
        """Every tag key present in stored data (`user:team`, `aws:createdBy`, ...), sorted."""

    @abc.abstractmethod
    def accounts(self) -> dict[str, str]:
        """Known usage account ids mapped to their names ('' when no export named them)."""

    @abc.abstractmethod
    def freshness(self, time_range: TimeRange | None = None) -> Freshness:
        """The status (as `periods()` gives it) of the periods overlapping the range (all periods when None) and
        the newest usage every delivering source has reached over them (`bot.billing.model.combined_until`)."""

    @abc.abstractmethod
    def iter_line_items(
        self, time_range: TimeRange, filters: Sequence[Filter] = (), columns: Sequence[str] = ()
    ) -> Iterator[dict[str, object]]:
        """Stream raw line items, ordered by usage start; `columns` limits the columns (all when empty).

        For exports and tests only: a question answered to a person aggregates in the store (`aggregate`,
        `line_item_sums`), since a month of a large organisation holds hundreds of millions of line items."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections and files."""
