from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.billing.model import Dimension, DimensionRef, Filter
from bot.errors import NotFound, UsageError
from bot.state import access
from bot.state.access import Scope
from bot.state.db import StateStore

A1, A2, A3 = "111111111111", "222222222222", "333333333333"
ADMINS = frozenset({"UADMIN"})
T0 = datetime(2026, 11, 1, 9, 30, tzinfo=UTC)


def test_grant_merges_into_one_row_per_subject_and_lists(store: StateStore) -> None:
    access.grant(store, "user", "UALICE", accounts=[A1], granted_by="UADMIN", now=T0)
    g = access.grant(store, "user", "UALICE", accounts=[A2, A1], tag_filters=["user:team=data"], granted_by="UBOB")
    assert g.accounts == (A1, A2)
    assert g.tag_filters == (("user:team", "data"),)
    assert g.granted_by == "UBOB"
    assert g.subject == "<@UALICE>"
    access.grant(store, "channel", "CDATA", tag_filters=["team=data"], granted_by="UADMIN", now=T0)
    grants = access.list_grants(store)
    assert [(x.subject_type, x.subject_id) for x in grants] == [("user", "UALICE"), ("channel", "CDATA")]
    assert grants[1].granted_at == T0
    assert [x.subject_id for x in access.list_grants(store, "channel")] == ["CDATA"]


def test_revoke_parts_then_whole(store: StateStore) -> None:
    access.grant(store, "user", "UALICE", accounts=[A1, A2], tag_filters=["env=prod"], granted_by="UADMIN")
    left = access.revoke(store, "user", "UALICE", accounts=[A1])
    assert left is not None and left.accounts == (A2,) and left.tag_filters == (("env", "prod"),)
    assert access.revoke(store, "user", "UALICE", accounts=[A2], tag_filters=["env=prod"]) is None
    assert access.list_grants(store) == ()
    access.grant(store, "channel", "CDATA", accounts=["*"], granted_by="UADMIN")
    assert access.revoke(store, "channel", "CDATA") is None
    with pytest.raises(NotFound, match=r"<#CDATA> has no grant"):
        access.revoke(store, "channel", "CDATA")


@pytest.mark.parametrize(
    "case",
    [
        ("group", "UALICE", [A1], [], "Unknown subject type 'group'"),
        ("user", "CDATA", [A1], [], "'CDATA' is not a Slack user id"),
        ("channel", "alice", [A1], [], "'alice' is not a Slack channel id"),
        ("user", "UALICE", ["12345"], [], "'12345' is not an AWS account id"),
        ("user", "UALICE", [], ["team"], "'team' is not a tag filter"),
        ("user", "UALICE", [], ["=x"], "'=x' is not a tag filter"),
        ("user", "UALICE", [], [], "A grant needs at least one account or tag filter"),
    ],
)
def test_grant_rejects_bad_input(store: StateStore, case: tuple[str, str, list[str], list[str], str]) -> None:
    subject_type, subject_id, accounts, tags, message = case
    with pytest.raises(UsageError, match=message) as info:
        access.grant(store, subject_type, subject_id, accounts=accounts, tag_filters=tags, granted_by="UADMIN")
    assert info.value.hint
    assert access.list_grants(store) == ()


def test_no_grants_default_access_decides(store: StateStore) -> None:
    assert access.resolve_scope(store, "UALICE", "CX", admins=ADMINS, default_access="open") == Scope.everything()
    assert access.resolve_scope(store, "UALICE", "CX", admins=ADMINS, default_access="closed") is None
    assert access.resolve_scope(store, "UADMIN", "CX", admins=ADMINS, default_access="closed") == Scope.everything()
    with pytest.raises(ValueError, match="default_access"):
        access.resolve_scope(store, "UALICE", "CX", admins=ADMINS, default_access="maybe")


def test_once_grants_exist_only_grants_give_access(store: StateStore) -> None:
    access.grant(store, "user", "UBOB", accounts=[A3], granted_by="UADMIN")
    assert access.resolve_scope(store, "UALICE", "CX", admins=ADMINS, default_access="open") is None
    assert access.resolve_scope(store, "UADMIN", "CX", admins=ADMINS, default_access="open") == Scope.everything()


def test_user_and_channel_grants_combine(store: StateStore) -> None:
    access.grant(store, "user", "UALICE", accounts=[A1], granted_by="UADMIN")
    access.grant(store, "channel", "CDATA", accounts=[A2], granted_by="UADMIN")
    access.grant(store, "channel", "COTHER", accounts=[A3], granted_by="UADMIN")
    scope = access.resolve_scope(store, "UALICE", "CDATA", admins=ADMINS, default_access="closed")
    assert scope == Scope(unrestricted=False, accounts=frozenset({A1, A2}))
    assert scope.allows_account(A1) and scope.allows_account(A2) and not scope.allows_account(A3)
    assert scope.to_filters() == (Filter(DimensionRef(Dimension.ACCOUNT), (A1, A2)),)
    # In a direct message (no channel grant) Alice sees only her own.
    only_hers = access.resolve_scope(store, "UALICE", "DALICE", admins=ADMINS, default_access="open")
    assert only_hers == Scope(unrestricted=False, accounts=frozenset({A1}))
    # Bob has no grant of his own but sees what the channel may see.
    bob = access.resolve_scope(store, "UBOB", "CDATA", admins=ADMINS, default_access="open")
    assert bob == Scope(unrestricted=False, accounts=frozenset({A2}))
    assert access.resolve_scope(store, "UBOB", None, admins=ADMINS, default_access="open") is None


def test_tag_filters_always_apply_and_star_means_every_account(store: StateStore) -> None:
    access.grant(store, "channel", "CDATA", tag_filters=["user:team=data", "user:team=ml"], granted_by="UADMIN")
    access.grant(store, "user", "UALICE", accounts=["*"], tag_filters=["env=prod"], granted_by="UADMIN")
    scope = access.resolve_scope(store, "UALICE", "CDATA", admins=ADMINS, default_access="closed")
    assert scope is not None and not scope.unrestricted
    assert scope.accounts == frozenset() and scope.allows_account(A3)
    assert scope.to_filters() == (
        Filter(DimensionRef.tag("env"), ("prod",)),
        Filter(DimensionRef.tag("user:team"), ("data", "ml")),
    )
    access.grant(store, "user", "UCAROL", accounts=["*"], granted_by="UADMIN")
    carol = access.resolve_scope(store, "UCAROL", "CNONE", admins=ADMINS, default_access="closed")
    assert carol == Scope.everything() and carol.to_filters() == ()


def test_scope_rejects_contradictions() -> None:
    with pytest.raises(ValueError, match="unrestricted scope"):
        Scope(unrestricted=True, accounts=frozenset({A1}))
    with pytest.raises(ValueError, match="restricted scope needs"):
        Scope(unrestricted=False)


def test_clear_grants(store: StateStore) -> None:
    access.grant(store, "user", "UALICE", accounts=[A1], granted_by="UADMIN")
    access.grant(store, "channel", "CDATA", accounts=[A1], granted_by="UADMIN")
    assert access.clear_grants(store) == 2
    assert access.resolve_scope(store, "UALICE", None, admins=ADMINS, default_access="open") == Scope.everything()


@pytest.mark.parametrize(
    ("scope", "dimension", "value", "covered"),
    [
        (Scope.everything(), "total", "", True),
        (Scope(False, frozenset({"222222222222"})), "account", "222222222222", True),
        (Scope(False, frozenset({"222222222222"})), "account", "111111111111", False),
        (Scope(False, frozenset({"222222222222"})), "service", "Amazon EC2", False),  # spans every account
        (Scope(False, frozenset({"222222222222"})), "total", "", False),
        (Scope(False, tag_filters=(("user:team", "web"),)), "tag:user:team", "web", True),
        (Scope(False, tag_filters=(("user:team", "web"),)), "tag:user:team", "data", False),
        (Scope(False, tag_filters=(("user:team", "web"),)), "account", "222222222222", False),
        (Scope(False, frozenset({"2" * 12}), (("user:team", "web"),)), "tag:user:team", "web", False),
        (Scope(False, tag_filters=(("user:env", "prod"), ("user:team", "web"))), "tag:user:team", "web", False),
    ],
)
def test_a_scope_covers_an_anomaly_slice_only_when_every_cost_of_it_is_visible(
    scope: Scope, dimension: str, value: str, covered: bool
) -> None:
    assert scope.covers_slice(dimension, value) is covered
