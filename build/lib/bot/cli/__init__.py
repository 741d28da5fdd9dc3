"""The `trackit` command line: one sub-module per command group, each exposing `add_parser(subparsers)`.

A sub-module's `add_parser` registers its sub-command(s) and sets `func(args) -> int` as the default; `main`
dispatches, and turns a `UserFacingError` into its message on stderr with exit code 2 (no traceback). A reader
that closes the pipe early (`trackit query ... | head`) ends the command quietly with status 141, what the shell
reports for any command stopped by SIGPIPE.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from bot.errors import ConfigError, UserFacingError

#: Sub-modules of bot.cli, in the order `trackit --help` lists them.
_COMMAND_MODULES = ("demo", "ingest", "query", "anomalies", "serve", "preview", "inventory", "doctor")
#: Exit status of a command whose reader went away: 128 + SIGPIPE, as the shell reports for `cat file | head`.
CLOSED_PIPE_STATUS = 141


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser. Given the command line, only the chosen sub-command's module is imported (a DuckDB
    query must not pay for the sample generator, numpy or the Slack app); without one, or for `--help` and
    unknown commands, every sub-command is registered."""
    parser = argparse.ArgumentParser(prog="trackit", description="AWS billing analysis, in Slack and here.")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chosen = _chosen_command(argv)
    for name in (chosen,) if chosen else _COMMAND_MODULES:
        importlib.import_module(f"bot.cli.{name}").add_parser(sub)
    return parser


def _chosen_command(argv: Sequence[str] | None) -> str | None:
    """The sub-command named by the first word of `argv` that is not an option, when it is a known one."""
    words = [a for a in (sys.argv[1:] if argv is None else argv) if not a.startswith("-")]
    return words[0] if words and words[0] in _COMMAND_MODULES else None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser(argv).parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:  # migrations on every start are routine, not news
        logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        return int(args.func(args))
    except UserFacingError as exc:
        print(f"error: {exc.user_text()}", file=sys.stderr)
        return 2
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _reader_gone()


def _reader_gone() -> int:
    """The reader of stdout closed it: say nothing more, and point stdout at /dev/null so that the interpreter's
    final flush does not fail again on the way out (https://docs.python.org/3/library/signal.html#note-on-sigpipe)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return CLOSED_PIPE_STATUS


if __name__ == "__main__":
    sys.exit(main())
