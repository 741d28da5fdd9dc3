"""The one error tree of the bot.

    TrackItError                      base of everything we raise on purpose
    ├── UserFacingError               carries the sentence a user reads (Slack, CLI)
    │   ├── UsageError                a malformed command; `hint` shows the right form
    │   │   ├── UnknownWord           a word of a question nothing reads (where it was typed)
    │   │   └── AskedElsewhere        a question another command answers (which, and the text to ask it)
    │   ├── AccessDenied              outside the asker's scope; never names what is hidden
    │   └── NotFound                  an unknown tag key, account, period ... (with suggestions)
    ├── IngestError                   a bad export; names the file and the problem
    │   ├── UnknownFormat             no reader recognises the files
    │   ├── MissingColumns            required columns absent (lists them)
    │   ├── CorruptFile               truncated gzip, unreadable parquet, bad manifest
    │   ├── SourceAccessDenied        S3 / STS refused (names bucket and role)
    │   ├── ReconciliationError       stored totals differ from the export's own sum
    │   └── DiskFull                  no space left for staging or loading (names the directory)
    ├── StoreError                    the billing store failed (connection, mapping, disk)
    └── ConfigError                   settings are missing or invalid

`IngestError` is also user-facing: an operator reads it in the CLI and in `/trackit status`.
"""

from __future__ import annotations

from collections.abc import Sequence


class TrackItError(Exception):
    """Base of every error the bot raises on purpose."""


class UserFacingError(TrackItError):
    """An error whose message is written for the person who asked.

    `message` is the sentence shown; `hint` (optional) says what would be right.
    """

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def user_text(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class UsageError(UserFacingError):
    """A malformed command or query."""


class UnknownWord(UsageError):
    """A word of a question that nothing reads: `word` as typed, where it starts in the text the grammar read
    (after Slack formatting was taken out), and `nearest`, the question the rest of the text asks (canonical
    text; None when the rest asks nothing), which the refusal offers to ask."""

    def __init__(self, message: str, hint: str | None, *, word: str, position: int, nearest: str | None = None) -> None:
        super().__init__(message, hint)
        self.word = word
        self.position = position
        self.nearest = nearest


class TwoAsked(UsageError):
    """A question that says one thing twice, differently: two time ranges, two cost bases, two time steps, two
    kinds of answer (a message asking two questions reads so)."""


class AskedElsewhere(UsageError):
    """A question this command does not answer and `command` does: asking it there with `text` answers it."""

    def __init__(self, message: str, hint: str | None, *, command: str, text: str) -> None:
        super().__init__(message, hint)
        self.command = command
        self.text = text


class AccessDenied(UserFacingError):
    """The asker may not see this; the message never reveals hidden names or numbers."""


class NotFound(UserFacingError):
    """Something named by the user does not exist; carries "did you mean" suggestions."""

    def __init__(self, message: str, suggestions: Sequence[str] = (), hint: str | None = None) -> None:
        if suggestions and hint is None:
            hint = "Did you mean: " + ", ".join(f"`{s}`" for s in suggestions) + "?"
        super().__init__(message, hint)
        self.suggestions = tuple(suggestions)


class IngestError(UserFacingError):
    """A billing export could not be ingested. Stored data is untouched."""


class UnknownFormat(IngestError):
    pass


class MissingColumns(IngestError):
    def __init__(self, path: str, missing: Sequence[str], expected_format: str) -> None:
        self.path = path
        self.missing = tuple(missing)
        super().__init__(
            f"{path}: missing required {expected_format} column(s): {', '.join(self.missing)}",
            hint="Check the export's settings (include resource IDs, hourly or daily granularity) "
            "or that the file is complete.",
        )


class CorruptFile(IngestError):
    pass


class SourceAccessDenied(IngestError):
    pass


class ReconciliationError(IngestError):
    pass


class DiskFull(IngestError):
    """The disk holding staging or the store filled up: not the export's fault; the stored data is intact.
    `directory` is where the write failed, `doing` what was being written."""

    def __init__(self, message: str, hint: str | None = None, *, directory: str = "", doing: str = "") -> None:
        super().__init__(message, hint)
        self.directory = directory
        self.doing = doing


class StoreError(TrackItError):
    """The billing store failed (connection, mapping, disk)."""


class ConfigError(TrackItError):
    """Settings are missing or invalid; the message names the setting."""
