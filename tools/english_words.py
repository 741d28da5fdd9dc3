"""Write `bot/billing/english_words.txt`: the most frequent English words (the grammar's typo rule never reads
one as a misspelling of another word: `match` is no typo of `march`, `training` none of `trailing`).

A development tool, run by hand when the list should change; `wordfreq` (large: its frequency tables are tens
of megabytes) is needed here only, never at run time:

    python -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python tools/english_words.py [--count 25000]
"""

from __future__ import annotations

import argparse
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "bot" / "billing" / "english_words.txt"


def main() -> None:
    from wordfreq import top_n_list  # only for this tool

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=25_000, help="how many of the most frequent words to read")
    args = parser.parse_args()
    words = sorted({w for w in top_n_list("en", args.count) if w.isascii() and w.isalpha() and len(w) >= 3})
    header = f"# the {args.count:,} most frequent English words (wordfreq), 3 letters or more: tools/english_words.py"
    OUT.write_text("\n".join([header, *words]) + "\n", encoding="utf-8")
    print(f"wrote {len(words):,} words to {OUT}")


if __name__ == "__main__":
    main()
