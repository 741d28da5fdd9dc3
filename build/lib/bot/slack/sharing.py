"""Share in channel: a private answer posted for the whole channel, only when the channel may see all of it.

Everyone in a channel may see what the channel's own grant allows (`bot.slack.asker.channel_asker`), whatever
their personal grants. So the answer is computed twice, for the clicker (their grant plus the channel's) and for
the channel alone, and shared only when both are the same message: then the channel's grant covers every row of
it. Otherwise the clicker is told why not, and nothing is posted. Presses are audited like every button.
"""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import App
from slack_sdk import WebClient

from bot.errors import AccessDenied, UserFacingError
from bot.services import Services
from bot.slack.asker import Asker, asker_for, audit_action_hook, channel_asker
from bot.slack.blocks import Message, context, message
from bot.slack.export import STALE_BUTTON, AnswerRef
from bot.slack.listeners import ActionRequest, register_action
from bot.slack.render import share_action_id

#: The answer to the question behind `AnswerRef` as `Asker` may see it (the command's own rendering).
AnswerIn = Callable[[Asker, AnswerRef], Message]

CHANNEL_WITHOUT_ACCESS = AccessDenied(
    "This channel has no access to billing data of its own, so I did not share the answer here.",
    hint="Export it to yourself instead, or ask a TrackIt admin to grant this channel access.",
)
NOT_COVERED = AccessDenied(
    "Not everyone in this channel may see all of this answer, so I did not share it.",
    hint="The channel's own access grant does not cover every row. Export it to yourself instead, or ask a "
    "TrackIt admin.",
)


def shared_message(answer: Message, user_id: str) -> Message:
    """`answer` as posted for the channel: without its buttons, saying who shared it."""
    blocks = [b for b in answer.blocks if b.get("type") != "actions"]
    return message(answer.text, [*blocks, context(f"Shared by <@{user_id}>.")])


def register_share(app: App, services: Services, command: str, answer_in: AnswerIn) -> None:
    """Register `command`'s Share in channel button (see the module docstring)."""

    def share(action: ActionRequest, client: WebClient) -> Message:
        ref = AnswerRef.decode(action.value)
        if ref.command != command:
            raise STALE_BUTTON
        mine = answer_in(asker_for(services, action.user_id, action.channel_id), ref)
        channel = channel_asker(services, action.user_id, action.channel_id)
        if channel is None:
            raise CHANNEL_WITHOUT_ACCESS
        try:
            theirs = answer_in(channel, ref)
        except UserFacingError as exc:  # the channel may not even name what the answer shows
            raise NOT_COVERED from exc
        if theirs != mine:
            raise NOT_COVERED
        return shared_message(theirs, action.user_id)

    register_action(app, share_action_id(command), answer=share, audit=audit_action_hook(services), in_channel=True)
