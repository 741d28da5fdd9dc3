"""`/trackit access grant | revoke | list`: who may see which accounts and tags (admins only).

/trackit access grant @alice 123456789012 222233334444
/trackit access grant #team-data team=data
/trackit access revoke @alice 123456789012      (or without accounts: the whole grant)
/trackit access list
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.errors import AccessDenied, UsageError
from bot.services import Services
from bot.slack.asker import asker_for
from bot.slack.blocks import Message, header, message, section
from bot.slack.listeners import SlashRequest
from bot.slack.render import timestamp_text
from bot.state.access import Grant, grant, list_grants, revoke

WORDS = ("access",)

ACCESS_HINT = (
    "Usage: `/trackit access grant @user|#channel <account ids or *> [key=value ...]`, "
    "`/trackit access revoke @user|#channel [accounts ...]`, `/trackit access list`. "
    "Example: `/trackit access grant @alice 123456789012`."
)

# Slack escapes mentions in command text (manifest: should_escape) as <@U123|name> and <#C123|name>.
_USER = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$|^([UW][A-Z0-9]{2,})$")
_CHANNEL = re.compile(r"^<#([CGD][A-Z0-9]+)(?:\|[^>]*)?>$|^([CGD][A-Z0-9]{2,})$")


@dataclass(frozen=True)
class AccessRequest:
    """A parsed `/trackit access` command: `action` is grant, revoke or list."""

    action: str
    subject_type: str = ""
    subject_id: str = ""
    accounts: tuple[str, ...] = ()
    tag_filters: tuple[str, ...] = ()


def parse(words: Sequence[str]) -> AccessRequest:
    """Parse `access grant|revoke|list ...` (the first word is `access`). Raises `UsageError` with the usage."""
    if len(words) < 2 or words[1].lower() not in ("grant", "revoke", "list"):
        raise UsageError("`/trackit access` needs `grant`, `revoke` or `list`.", hint=ACCESS_HINT)
    action = words[1].lower()
    if action == "list":
        if len(words) > 2:
            raise UsageError("`/trackit access list` takes no arguments.", hint=ACCESS_HINT)
        return AccessRequest("list")
    if len(words) < 3:
        raise UsageError(f"`/trackit access {action}` needs a user or a channel.", hint=ACCESS_HINT)
    subject = words[2]
    if m := _USER.match(subject):
        subject_type, subject_id = "user", m.group(1) or m.group(2)
    elif m := _CHANNEL.match(subject):
        subject_type, subject_id = "channel", m.group(1) or m.group(2)
    else:
        raise UsageError(f"`{subject}` is not a user or channel mention.", hint=ACCESS_HINT)
    accounts: list[str] = []
    tags: list[str] = []
    for word in (w.strip(",") for w in words[3:]):
        if not word:
            continue
        if "=" in word:
            tags.append(word[4:] if word.lower().startswith("tag:") else word)
        elif word == "*" or (word.isdecimal() and len(word) == 12):
            accounts.append(word)
        else:
            raise UsageError(
                f"`{word}` is neither an AWS account id (12 digits, or `*` for all) nor a tag filter (`key=value`).",
                hint=ACCESS_HINT,
            )
    if action == "grant" and not accounts and not tags:
        raise UsageError("A grant needs at least one account id (or `*`) or tag filter.", hint=ACCESS_HINT)
    return AccessRequest(action, subject_type, subject_id, tuple(accounts), tuple(tags))


def _grant_text(g: Grant) -> str:
    accounts = "every account" if g.accounts == ("*",) else ", ".join(g.accounts) or "every account"
    tags = " where " + " and ".join(f"tag:{k}={v}" for k, v in g.tag_filters) if g.tag_filters else ""
    return f"{g.subject}: {accounts}{tags} (by <@{g.granted_by}>, {timestamp_text(g.granted_at)})"


def render_grants(grants: tuple[Grant, ...], default_access: str) -> Message:
    if not grants:
        text = f"No grants yet: access is {default_access} (TRACKIT_DEFAULT_ACCESS)."
        return message(text, [section(text)])
    lines = "\n".join(f"• {_grant_text(g)}" for g in grants)
    return message(f"{len(grants)} grant(s)", [header(f"Access grants ({len(grants)})"), section(lines)])


def prepare(services: Services, request: SlashRequest, words: Sequence[str]) -> tuple[AccessRequest, SlashRequest]:
    """Before the ack: the syntax only (admin rights are checked when answering)."""
    return parse(words), request


def _resolve_tag_filters(services: Services, filters: tuple[str, ...]) -> tuple[str, ...]:
    """`team=web` -> `user:team=web`: grants hold tag keys as stored, so that they filter what they mean."""
    vocabulary = services.vocabulary.get()
    out = []
    for text in filters:
        key, _, value = text.partition("=")
        out.append(f"{vocabulary.resolve_tag_key(key.strip())}={value.strip()}" if key.strip() else text)
    return tuple(out)


def answer(services: Services, prepared: tuple[AccessRequest, SlashRequest]) -> Message:
    """Grant, revoke or list, for an admin; anyone else is refused without anything changing."""
    request, slash = prepared
    asker = asker_for(services, slash.user_id, slash.channel_id)
    if not asker.is_admin:
        raise AccessDenied(
            "Only TrackIt admins can manage access.", hint="Ask one of the admins set in TRACKIT_ADMINS."
        )
    if request.action == "list":
        return render_grants(list_grants(services.state), services.settings.default_access)
    tag_filters = _resolve_tag_filters(services, request.tag_filters)
    if request.action == "grant":
        g = grant(
            services.state,
            request.subject_type,
            request.subject_id,
            accounts=request.accounts,
            tag_filters=tag_filters,
            granted_by=asker.user_id,
        )
        text = f"Granted. {_grant_text(g)}"
        return message(text, [section(f":white_check_mark: {text}")])
    partial = bool(request.accounts or request.tag_filters)  # nothing named: revoke the whole grant
    remaining = revoke(
        services.state,
        request.subject_type,
        request.subject_id,
        accounts=request.accounts if partial else None,
        tag_filters=tag_filters if partial else None,
    )
    subject = f"<@{request.subject_id}>" if request.subject_type == "user" else f"<#{request.subject_id}>"
    text = f"Revoked. {_grant_text(remaining)}" if remaining else f"Revoked: {subject} has no grant any more."
    return message(text, [section(f":white_check_mark: {text}")])
