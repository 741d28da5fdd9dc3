"""Who may see what: grants to Slack users and channels, and the scope a question is answered in.

A grant gives a subject (a Slack user `U…`/`W…` or a channel `C…`/`G…`/`D…`) AWS accounts (12-digit ids, or
`*` for every account) and optionally tag filters (`key=value`, key as in the export, e.g. `user:team=data`).
Grants are additive sets, not pairs: a subject's scope is

    account in (every account granted to it)  AND  for each granted tag key: tag value in (its granted values)

Resolving a question asked by user U in channel C (`resolve_scope`):
1. U is an admin: unrestricted.
2. Otherwise the grants of U and of C are combined as above (a channel grant lets everyone in the channel see
   what the channel may see, plus what they may see themselves). Tag filters from either side always apply,
   so combining can narrow, never widen, what a tag-restricted grant shows.
3. No grant for U or C: if grants exist at all, no access (None); if none are configured yet,
   `default_access` decides: "open" = unrestricted, "closed" = no access.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import delete, exists, or_, select

from bot.billing.model import Dimension, DimensionRef, Filter
from bot.errors import NotFound, UsageError
from bot.state.db import StateStore, utcnow
from bot.state.models import SUBJECT_TYPES, GrantRow

SubjectType = Literal["user", "channel"]
ALL_ACCOUNTS = "*"

_ACCOUNT = re.compile(r"^\d{12}$")
_SUBJECT_ID = {"user": re.compile(r"^[UW][A-Z0-9]{2,}$"), "channel": re.compile(r"^[CGD][A-Z0-9]{2,}$")}


@dataclass(frozen=True)
class Scope:
    """What one question may see. `unrestricted` sees everything; otherwise `accounts` (empty = every account)
    AND every tag filter (`(key, value)` pairs; values of one key are alternatives)."""

    unrestricted: bool
    accounts: frozenset[str] = frozenset()
    tag_filters: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if self.unrestricted and (self.accounts or self.tag_filters):
            raise ValueError("an unrestricted scope has no account or tag restriction")
        if not self.unrestricted and not self.accounts and not self.tag_filters:
            raise ValueError("a restricted scope needs accounts or tag filters (use Scope.everything())")

    @classmethod
    def everything(cls) -> Scope:
        return cls(unrestricted=True)

    def to_filters(self) -> tuple[Filter, ...]:
        """Filters that confine a query to this scope (add them to the query's own filters)."""
        filters: list[Filter] = []
        if self.accounts:
            filters.append(Filter(DimensionRef(Dimension.ACCOUNT), tuple(sorted(self.accounts))))
        by_key: dict[str, list[str]] = {}
        for key, value in self.tag_filters:
            by_key.setdefault(key, []).append(value)
        for key in sorted(by_key):
            filters.append(Filter(DimensionRef.tag(key), tuple(sorted(set(by_key[key])))))
        return tuple(filters)

    def covers_filters(self, filters: Iterable[Filter]) -> bool:
        """True when a question confined by `filters` alone (a budget, a subscription, a route) can only see
        costs within this scope: each restriction of the scope is matched by a filter at least as narrow."""
        if self.unrestricted:
            return True
        kept = [f for f in filters if not f.negate]
        if self.accounts and not any(
            f.dimension.kind is Dimension.ACCOUNT and set(f.values) <= self.accounts for f in kept
        ):
            return False
        by_key: dict[str, set[str]] = {}
        for key, value in self.tag_filters:
            by_key.setdefault(key, set()).add(value)
        tags = [f for f in kept if f.dimension.kind is Dimension.TAG]
        return all(
            any(f.dimension.tag_key == key and set(f.values) <= values for f in tags) for key, values in by_key.items()
        )

    def covers_slice(self, dimension: str, value: str) -> bool:
        """True when every cost in the slice `dimension = value` of the whole bill (an anomaly series:
        `total`, `account`, `service`, `tag:<key>` ...) lies within this scope, so that whoever has the scope
        may judge it. A restricted scope covers only a slice that is itself one of its accounts (and no tag
        restriction), or one of its values of its only restricted tag key (and no account restriction)."""
        if self.unrestricted:
            return True
        if self.accounts and not (dimension == "account" and value in self.accounts):
            return False
        keys = {key for key, _ in self.tag_filters}
        if not keys:
            return True
        (key,) = keys if len(keys) == 1 else ("",)
        return dimension == f"tag:{key}" and (key, value) in self.tag_filters

    def allows_account(self, account_id: str) -> bool:
        """True if costs of `account_id` may be shown (tag filters may still hide some of them)."""
        return self.unrestricted or not self.accounts or account_id in self.accounts


@dataclass(frozen=True)
class Grant:
    subject_type: SubjectType
    subject_id: str
    accounts: tuple[str, ...]  # sorted; ("*",) = every account
    tag_filters: tuple[tuple[str, str], ...]  # sorted (key, value) pairs
    granted_by: str
    granted_at: datetime

    @property
    def subject(self) -> str:
        """The subject as Slack writes a mention: `<@U…>` or `<#C…>`."""
        return f"<@{self.subject_id}>" if self.subject_type == "user" else f"<#{self.subject_id}>"


# ------------------------------------------------------------------------------------------ validation


def _check_subject(subject_type: str, subject_id: str) -> SubjectType:
    if subject_type not in SUBJECT_TYPES:
        raise UsageError(f"Unknown subject type {subject_type!r}.", hint="A grant is for a `user` or a `channel`.")
    if not _SUBJECT_ID[subject_type].match(subject_id):
        example = "U012ABCDEF" if subject_type == "user" else "C012ABCDEF"
        raise UsageError(
            f"{subject_id!r} is not a Slack {subject_type} id.",
            hint=f"Mention the {subject_type} (its id looks like `{example}`).",
        )
    return "user" if subject_type == "user" else "channel"


def _check_accounts(accounts: Iterable[str]) -> set[str]:
    result: set[str] = set()
    for raw in accounts:
        account = raw.strip()
        if account != ALL_ACCOUNTS and not _ACCOUNT.match(account):
            raise UsageError(
                f"{account!r} is not an AWS account id.",
                hint="Account ids have 12 digits (e.g. `123456789012`); `*` means every account.",
            )
        result.add(account)
    return result


def parse_tag_filter(text: str) -> tuple[str, str]:
    """`key=value` -> (key, value); the key may contain `:` (`user:team=data`)."""
    key, sep, value = text.partition("=")
    key, value = key.strip(), value.strip()
    if not sep or not key or not value:
        raise UsageError(f"{text!r} is not a tag filter.", hint="Write tag filters as `key=value`, e.g. `team=data`.")
    return key, value


def _encode_tags(pairs: Iterable[tuple[str, str]]) -> list[str]:
    return [f"{k}={v}" for k, v in sorted(set(pairs))]


def _to_grant(row: GrantRow) -> Grant:
    return Grant(
        subject_type=_check_subject(row.subject_type, row.subject_id),
        subject_id=row.subject_id,
        accounts=tuple(sorted(row.accounts)),
        tag_filters=tuple(sorted(parse_tag_filter(t) for t in row.tag_filters)),
        granted_by=row.granted_by,
        granted_at=row.granted_at,
    )


# ---------------------------------------------------------------------------------------- repository


def grant(
    store: StateStore,
    subject_type: str,
    subject_id: str,
    *,
    accounts: Iterable[str] = (),
    tag_filters: Iterable[str] = (),
    granted_by: str,
    now: datetime | None = None,
) -> Grant:
    """Add accounts and tag filters (`key=value`) to the subject's grant (created if absent); returns it.

    Raises UsageError for an unknown subject type, a malformed id, account or tag filter, or an empty grant.
    """
    kind = _check_subject(subject_type, subject_id)
    new_accounts = _check_accounts(accounts)
    new_tags = {parse_tag_filter(t) for t in tag_filters}
    if not new_accounts and not new_tags:
        raise UsageError(
            "A grant needs at least one account or tag filter.",
            hint="e.g. `grant @alice 123456789012` or `grant #team-data team=data`; `*` grants every account.",
        )
    now = now or utcnow()
    with store.session() as session:
        row = session.scalars(
            select(GrantRow).where(GrantRow.subject_type == kind, GrantRow.subject_id == subject_id)
        ).one_or_none()
        if row is None:
            row = GrantRow(subject_type=kind, subject_id=subject_id, accounts=[], tag_filters=[])
            session.add(row)
        old_tags = {parse_tag_filter(t) for t in row.tag_filters}
        # Assign new lists: JSON columns do not track in-place mutation.
        row.accounts = sorted(set(row.accounts) | new_accounts)
        row.tag_filters = _encode_tags(old_tags | new_tags)
        row.granted_by = granted_by
        row.granted_at = now
        session.flush()
        return _to_grant(row)


def revoke(
    store: StateStore,
    subject_type: str,
    subject_id: str,
    *,
    accounts: Iterable[str] | None = None,
    tag_filters: Iterable[str] | None = None,
) -> Grant | None:
    """Remove the given accounts/tag filters from the subject's grant, or the whole grant when both are None.

    Returns what remains (None when nothing does). Raises NotFound when the subject has no grant, UsageError for
    malformed input.
    """
    kind = _check_subject(subject_type, subject_id)
    drop_accounts = None if accounts is None else _check_accounts(accounts)
    drop_tags = None if tag_filters is None else {parse_tag_filter(t) for t in tag_filters}
    with store.session() as session:
        row = session.scalars(
            select(GrantRow).where(GrantRow.subject_type == kind, GrantRow.subject_id == subject_id)
        ).one_or_none()
        if row is None:
            raise NotFound(f"{'<@' if kind == 'user' else '<#'}{subject_id}> has no grant.")
        if drop_accounts is None and drop_tags is None:
            session.delete(row)
            return None
        row.accounts = sorted(set(row.accounts) - (drop_accounts or set()))
        row.tag_filters = _encode_tags({parse_tag_filter(t) for t in row.tag_filters} - (drop_tags or set()))
        if not row.accounts and not row.tag_filters:
            session.delete(row)
            return None
        session.flush()
        return _to_grant(row)


def list_grants(store: StateStore, subject_type: str | None = None) -> tuple[Grant, ...]:
    """Every grant (or those of one subject type), users first, then by id."""
    with store.session() as session:
        query = select(GrantRow).order_by(GrantRow.subject_type.desc(), GrantRow.subject_id)
        if subject_type is not None:
            if subject_type not in SUBJECT_TYPES:
                raise UsageError(f"Unknown subject type {subject_type!r}.", hint="Use `user` or `channel`.")
            query = query.where(GrantRow.subject_type == subject_type)
        return tuple(_to_grant(r) for r in session.scalars(query))


def combine_grants(grants: Iterable[Grant]) -> Scope | None:
    """The scope of several grants (see the module docstring); None for no grants."""
    grants = tuple(grants)
    if not grants:
        return None
    accounts: set[str] = set()
    tags: set[tuple[str, str]] = set()
    for g in grants:
        accounts.update(g.accounts)
        tags.update(g.tag_filters)
    if ALL_ACCOUNTS in accounts:
        accounts = set()
    if not accounts and not tags:
        return Scope.everything()
    return Scope(unrestricted=False, accounts=frozenset(accounts), tag_filters=tuple(sorted(tags)))


def resolve_scope(
    store: StateStore,
    user_id: str,
    channel_id: str | None,
    *,
    admins: frozenset[str],
    default_access: Literal["open", "closed"] | str,
) -> Scope | None:
    """The scope of a question from `user_id` in `channel_id` (None = no access at all). See the module doc."""
    if default_access not in ("open", "closed"):
        raise ValueError(f"default_access must be 'open' or 'closed', not {default_access!r}")
    if user_id in admins:
        return Scope.everything()
    with store.session() as session:
        subjects = [(GrantRow.subject_type == "user") & (GrantRow.subject_id == user_id)]
        if channel_id:
            subjects.append((GrantRow.subject_type == "channel") & (GrantRow.subject_id == channel_id))
        rows = session.scalars(select(GrantRow).where(or_(*subjects))).all()
        if rows:
            return combine_grants(_to_grant(r) for r in rows)
        any_grant = session.scalar(select(exists().select_from(GrantRow)))
    if any_grant or default_access == "closed":
        return None
    return Scope.everything()


def clear_grants(store: StateStore) -> int:
    """Delete every grant (back to `default_access`); returns how many there were."""
    with store.session() as session:
        return int(getattr(session.execute(delete(GrantRow)), "rowcount", 0))
