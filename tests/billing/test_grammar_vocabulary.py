"""The vocabulary: built from a store through the contract, and the resolving helpers the commands use."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest

from bot.billing.model import Dimension, DimensionRef, Filter, Freshness, TagCoverage, TimeRange
from bot.billing.store import BillingStore
from bot.billing.vocabulary import Vocabulary, short_service_name, suggest
from bot.errors import NotFound, UsageError


class VocabularyOnlyStore(BillingStore):
    """A store that answers only the three calls `Vocabulary.from_store` may make."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.values = {
            Dimension.SERVICE: ["Amazon Elastic Compute Cloud - Compute", "EC2 - Other", "AWS Glue", "(none)"],
            Dimension.REGION: ["us-east-1", "", "global", "eu-west-1"],
            Dimension.USAGE_TYPE: ["USE1-BoxUsage:m5.large"],
            Dimension.OPERATION: ["RunInstances"],
            Dimension.CHARGE_TYPE: ["Usage", "Tax"],
            Dimension.CURRENCY: ["EUR"],
            Dimension.PROVIDER: ["aws", "(none)"],
        }

    def distinct_values(self, dimension: DimensionRef, limit: int = 10_000) -> list[str]:
        self.calls.append(f"distinct_values:{dimension.label}")
        if dimension.kind is Dimension.TAG:
            return {"user:team": ["web", "untagged", "api"]}.get(str(dimension.tag_key), [])
        return list(self.values.get(dimension.kind, []))

    def tag_keys(self) -> list[str]:
        self.calls.append("tag_keys")
        return ["aws:createdBy", "user:team"]

    def accounts(self) -> dict[str, str]:
        self.calls.append("accounts")
        return {"123456789012": "production", "000011112222": ""}

    # Not used by the vocabulary.
    def replace_period(self, source: Any, progress: Any = None) -> Any:
        raise NotImplementedError

    def periods(self) -> list[Any]:
        raise NotImplementedError

    def delete_period(self, billing_period: Any, source: str | None = None) -> bool:
        raise NotImplementedError

    def aggregate(self, request: Any) -> list[Any]:
        raise NotImplementedError

    def count_groups(self, request: Any) -> int:
        raise NotImplementedError

    def line_item_sums(self, request: Any) -> list[Any]:
        raise NotImplementedError

    def tag_coverage(self, time_range: TimeRange, filters: Sequence[Filter] = ()) -> list[TagCoverage]:
        raise NotImplementedError

    def freshness(self, time_range: TimeRange | None = None) -> Freshness:
        raise NotImplementedError

    def iter_line_items(
        self, time_range: TimeRange, filters: Sequence[Filter] = (), columns: Sequence[str] = ()
    ) -> Iterator[dict[str, object]]:
        raise NotImplementedError


def test_from_store_reads_the_contract_and_drops_empty_values() -> None:
    store = VocabularyOnlyStore()
    v = Vocabulary.from_store(store)
    assert v == Vocabulary(
        services={"Amazon Elastic Compute Cloud - Compute": "", "EC2 - Other": "", "AWS Glue": ""},
        accounts={"123456789012": "production", "000011112222": ""},
        regions=("us-east-1", "eu-west-1"),
        tag_keys=("aws:createdBy", "user:team"),
        usage_types=("USE1-BoxUsage:m5.large",),
        operations=("RunInstances",),
        charge_types=("Usage", "Tax"),
        currencies=("EUR",),
        tag_values={"aws:createdBy": (), "user:team": ("web", "api")},
        providers=("aws",),
    )
    assert sorted(store.calls) == sorted(
        [
            "distinct_values:currency",
            "distinct_values:provider",
            "distinct_values:service",
            "distinct_values:region",
            "distinct_values:usage-type",
            "distinct_values:operation",
            "distinct_values:charge-type",
            "tag_keys",
            "distinct_values:tag:aws:createdBy",
            "distinct_values:tag:user:team",
            "accounts",
        ]
    )
    assert v.resolve_service("ec2") == ("Amazon Elastic Compute Cloud - Compute", "EC2 - Other")
    assert v.resolve_service("AmazonEC2") == ("Amazon Elastic Compute Cloud - Compute", "EC2 - Other")
    assert v.resolve_service("ec2 - other") == ("EC2 - Other",)
    assert v.canonical_service("glue") == "AWS Glue"


def test_helpers_for_renderers() -> None:
    v = Vocabulary.from_store(VocabularyOnlyStore())
    assert v.account_label("123456789012") == "production (123456789012)"
    assert v.account_label("000011112222") == "000011112222"
    assert v.tag_label("user:team") == "tag:team"
    assert v.tag_label("aws:createdBy") == "tag:aws:createdBy"
    assert v.resolve_account("PRODUCTION") == "123456789012"
    assert v.resolve_tag_key("team") == "user:team"
    assert v.resolve_tag_key("tag:createdby") == "aws:createdBy"
    assert v.resolve_region("Global") == "global"
    assert "glue" in v.service_words()
    assert "ec2" in v.service_words()


def test_user_tag_wins_over_other_prefixes_and_labels_read_back() -> None:
    v = Vocabulary(tag_keys=("aws:team", "user:team", "user:Team"))
    assert v.resolve_tag_key("team") == "user:team"
    assert v.tag_label("user:team") == "tag:team"
    assert v.tag_label("user:Team") == "tag:Team"  # an exact key wins over case-insensitive matches
    assert v.tag_label("aws:team") == "tag:aws:team"


def test_restricted_vocabulary_keeps_only_the_scope() -> None:
    v = Vocabulary(accounts={"111111111111": "a", "222222222222": "b"}, services={"AWS Glue": ""})
    r = v.restricted_to(["222222222222"])
    assert r.accounts == {"222222222222": "b"}
    assert r.resolve_service("glue") == ("AWS Glue",)
    with pytest.raises(NotFound) as info:
        r.resolve_account("a")
    assert info.value.user_text() == "I don't know the account `a`.\nExample: `account=222222222222`, `account=b`."


def test_suggest_is_case_insensitive_and_keeps_display_case() -> None:
    assert suggest("Producton", ["production", "staging"]) == ["production"]
    assert suggest("PROD", ["Production-EU", "staging"]) == ["Production-EU"]
    assert suggest("x", []) == []


def test_empty_tag_key_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as info:
        Vocabulary().resolve_tag_key("tag:")
    assert info.value.message == "A tag needs a key: `tag:` is empty."


def test_short_service_names_keep_chart_legends_readable() -> None:
    names = ("Amazon Elastic Compute Cloud", "Amazon Simple Storage Service", "AWS Step Functions", "Amazon X", "Other")
    assert [short_service_name(n) for n in names] == ["EC2", "S3", "Step Functions", "X", "Other"]


def test_suggestions_and_the_typo_guard_hold_with_many_stored_values() -> None:
    """Suggestions shortlist thousands of values in C first; the result is the same as on a small vocabulary."""
    many = {"user:ticket": tuple(f"t{i:05d}" for i in range(5000))}
    big = Vocabulary(
        services={"AWS Lambda": "", "Amazon Elastic Compute Cloud": ""},
        accounts={"123456789012": "production"},
        tag_keys=("user:ticket", "user:team"),
        tag_values={**many, "user:team": ("web", "platform")},
    )
    assert big.suggest_values("lamda")[0] == "lambda"
    assert big.suggest_values("platfrom") == ["platform"]
    assert big.suggest_values("prodution") == ["production"]
    assert big.value_near("t00017", 0)
    assert big.value_near("webb", 1)
    assert not big.value_near("servce", 1)  # a grammar word's typo, not a value's


def test_a_restricted_vocabulary_shares_the_word_index_but_never_names_hidden_accounts() -> None:
    v = Vocabulary(accounts={"111111111111": "acme-staging", "222222222222": "acme-prod"}, services={"AWS Glue": ""})
    assert [m.values for m in v.word_meanings("staging")] == [("111111111111",)]
    r = v.restricted_to(["222222222222"])
    assert r.__dict__["_word_index"] is v._word_index  # built once per delivery, not once per question
    assert r.word_meanings("staging") == []
    assert [m.values for m in r.word_meanings("prod")] == [("222222222222",)]


def test_warm_builds_every_index_before_any_question() -> None:
    v = Vocabulary(
        accounts={"111111111111": "acme-staging"}, tag_keys=("user:team",), tag_values={"user:team": ("web",)}
    )
    assert v.warm() is v
    built = {"_service_keys", "_value_index", "_account_index", "_word_index", "_stored_value_words"}
    assert built <= set(vars(v))
    assert built <= set(vars(v.restricted_to(["111111111111"])))  # shared, not rebuilt per question
