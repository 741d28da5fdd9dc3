"""Query grammar latency at ack time: `parse_query` on natural phrasings against a large vocabulary.

    .venv/bin/python bench/grammar_bench.py                  # 200 tag keys x 2,000 values, 5,000 accounts
    .venv/bin/python bench/grammar_bench.py --tag-keys 20 --tag-values 200 --repeat 50

A slash command is parsed before it is acked (Slack allows 3 s, the bot aims for well under 100 ms), so the
grammar's cost with a big organisation's vocabulary matters: every bare word is looked up among all stored values,
and an unknown word is compared with all of them by the typo rule. The vocabulary is synthetic (random words),
built once and restricted to one account per question as `/cost` does; the phrasings are the development
corpus, the held-out set, the fresh batches (the third's and fourth's `/cost` questions), and misspelt or unknown
words (the slow path). Prints p50 / p95 / max per group and the load average.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import statistics
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.billing.grammar import parse_query
from bot.billing.vocabulary import Vocabulary
from bot.errors import UserFacingError
from tests.billing.phrasings import CORPUS, TODAY, VOCAB
from tests.billing.phrasings_fresh import FRESH_1, FRESH_2, FRESH_3, FRESH_4
from tests.billing.phrasings_heldout import HELD_OUT

SLOW_PATH = (
    "last month by servce",
    "lamda last week",
    "frobnicate the widgets",
    "qwertyuiop asdfghjkl zxcvbnm",
    "team=wbe",
    "ec3 lst month",
)


def _word(rng: random.Random) -> str:
    return "".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 12)))


def big_vocabulary(tag_keys: int, tag_values: int, accounts: int, seed: int = 7) -> Vocabulary:
    rng = random.Random(seed)
    keys = [f"user:{_word(rng)}" for _ in range(tag_keys)] + list(VOCAB.tag_keys)
    values = {k: tuple(dict.fromkeys(_word(rng) for _ in range(tag_values))) for k in keys}
    values.update(VOCAB.tag_values)
    ids = {f"{100000000000 + i}": f"{_word(rng)}-{i}" for i in range(accounts)}
    ids.update(VOCAB.accounts)
    return Vocabulary(
        services=VOCAB.services,
        accounts=ids,
        regions=VOCAB.regions,
        tag_keys=tuple(keys),
        usage_types=VOCAB.usage_types,
        operations=VOCAB.operations,
        tag_values=values,
    )


def timed(vocabulary: Vocabulary, texts: tuple[str, ...], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        for text in texts:
            start = time.perf_counter()
            scoped = vocabulary.restricted_to(vocabulary.accounts)  # a confined vocabulary, as a scoped asker gets
            with contextlib.suppress(UserFacingError):  # a refusal is an answer too
                parse_query(text, today=TODAY, vocabulary=scoped)
            out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tag-keys", type=int, default=200)
    parser.add_argument("--tag-values", type=int, default=2000)
    parser.add_argument("--accounts", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    start = time.perf_counter()
    vocabulary = big_vocabulary(args.tag_keys, args.tag_values, args.accounts)
    vocabulary.warm()  # builds the shared indexes once, as the ingest job's rebuild does
    built = time.perf_counter() - start
    values = sum(len(v) for v in vocabulary.tag_values.values())
    print(f"vocabulary: {len(vocabulary.tag_keys)} tag keys, {values} tag values, {len(vocabulary.accounts)} accounts")
    print(f"built and indexed in {built * 1000:.0f} ms; load average {os.getloadavg()}")
    print(f"{'phrasings':<22}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    groups = {
        "corpus": tuple(t for t, _ in CORPUS),
        "held-out": tuple(t for t, _ in HELD_OUT),
        "fresh": tuple(t for t, _ in FRESH_1 + FRESH_2) + tuple(t for c, t, _ in FRESH_3 if c == "/cost"),
        "fourth fresh (/cost)": tuple(t for c, t, _ in FRESH_4 if c == "/cost"),
        "typos / unknown words": SLOW_PATH,
    }
    for name, texts in groups.items():
        times = sorted(timed(vocabulary, texts, args.repeat))
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"{name:<22}{len(times):>6}{statistics.median(times):>10.2f}{p95:>10.2f}{times[-1]:>10.2f}")
    print(f"load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
