"""Natural phrasings: the development corpus case by case, and the held-out set as a share.

The issue's bar is 45 of 50 natural phrasings answered usefully (the right question, or a message naming the
word it could not read). The held-out set was written before the parser learnt bare words, comparisons,
forecast and why; its share is asserted against that bar, not against its own current score. The fresh
batches (`phrasings_fresh.py`) are frozen with their first-sight scores; the third one's is the honest figure.
"""

from __future__ import annotations

import pytest

from tests.billing.phrasings import CORPUS, outcome, score, tally
from tests.billing.phrasings_fresh import (
    FRESH_1,
    FRESH_1_FIRST_SIGHT,
    FRESH_2,
    FRESH_2_FIRST_SIGHT,
    FRESH_3,
    FRESH_3_FIRST_SIGHT,
    FRESH_4,
    FRESH_4_FIRST_SIGHT,
    FRESH_5,
    FRESH_5_FIRST_SIGHT,
    FRESH_6,
    FRESH_6_FIRST_SIGHT,
    FRESH_7,
    FRESH_7_FIRST_SIGHT,
    FRESH_8,
    FRESH_8_FIRST_SIGHT,
    FRESH_9,
    FRESH_9_FIRST_SIGHT,
    FRESH_10,
    FRESH_10_FIRST_SIGHT,
)
from tests.billing.phrasings_heldout import HELD_OUT

TARGET_SHARE = 45 / 50


def test_the_corpus_is_varied_enough_to_mean_something() -> None:
    assert len(CORPUS) >= 50
    assert len({text.casefold() for text, _ in CORPUS}) == len(CORPUS)
    assert not {text for text, _ in CORPUS} & {text for text, _ in HELD_OUT}


@pytest.mark.parametrize(("text", "meaning"), CORPUS, ids=[text for text, _ in CORPUS])
def test_corpus_phrasing_is_understood(text: str, meaning: str) -> None:
    ok, got = outcome(text, meaning)
    assert ok, f"want {meaning!r}, got {got}"


def test_held_out_phrasings_meet_the_target_share() -> None:
    right, misses = score(HELD_OUT)
    assert right / len(HELD_OUT) >= TARGET_SHARE, "\n".join(misses)


def test_the_first_fresh_batch_is_frozen_with_its_first_sight_score() -> None:
    assert len(FRESH_1) == 50 == sum(FRESH_1_FIRST_SIGHT)
    assert len({text.casefold() for text, _ in FRESH_1}) == 50
    assert not {text for text, _ in FRESH_1} & {text for text, _ in CORPUS + HELD_OUT}


def test_the_first_fresh_batch_meets_the_target_after_the_fixes_it_prompted() -> None:
    right, _, wrong = tally(FRESH_1)
    assert right / len(FRESH_1) >= TARGET_SHARE, score(FRESH_1)[1]
    assert wrong == 0, score(FRESH_1)[1]


def test_the_second_fresh_batch_is_frozen_and_does_not_slip_below_its_score_after_fixes() -> None:
    assert len(FRESH_2) == 50 == sum(FRESH_2_FIRST_SIGHT)
    assert not {text.casefold() for text, _ in FRESH_2} & {t.casefold() for t, _ in CORPUS + HELD_OUT + FRESH_1}
    right, _, _ = tally(FRESH_2)
    # 36 at first sight; 44 after general fixes its misses prompted, 50 after those the third batch prompted.
    assert right >= 50, score(FRESH_2)[1]


def test_the_third_fresh_batch_is_frozen_with_its_first_sight_score() -> None:
    assert len(FRESH_3) == 50 == sum(FRESH_3_FIRST_SIGHT)
    earlier = {t.casefold() for t, _ in CORPUS + HELD_OUT + FRESH_1 + FRESH_2}
    assert not {text.casefold() for _, text, _ in FRESH_3} & earlier
    assert {command for command, _, _ in FRESH_3} == {"/cost", "/tags", "/top-resources"}


def test_the_third_fresh_batch_after_the_general_fixes_it_prompted() -> None:
    right, _, wrong = tally(FRESH_3)
    # 8 right at first sight (the figure README quotes); these fixes no longer count as a fresh measurement.
    assert right >= 45, score(FRESH_3)[1]
    # `prod` alone is the env value, where the writer meant the account; `net spend after credits` reads the net
    # basis, where the translator wrote the credits alone
    assert wrong <= 2, score(FRESH_3)[1]


def test_the_fourth_fresh_batch_is_frozen_with_its_first_sight_score() -> None:
    assert len(FRESH_4) == 50 == sum(FRESH_4_FIRST_SIGHT)
    earlier = {t.casefold() for t, _ in CORPUS + HELD_OUT + FRESH_1 + FRESH_2}
    earlier |= {t.casefold() for _, t, _ in FRESH_3}
    assert not {text.casefold() for _, text, _ in FRESH_4} & earlier
    assert {command for command, _, _ in FRESH_4} == {"/cost", "/tags", "/top-resources"}


def test_the_fourth_fresh_batch_after_the_general_fixes_it_prompted() -> None:
    right, _, wrong = tally(FRESH_4)
    # 10 right at first sight (the figure README quotes); these fixes no longer count as a fresh measurement. The
    # rest are refusals naming the word with what would be right (`prd`, `stg`, `FY26`, `invoice`, `holidays`).
    assert right >= 34, score(FRESH_4)[1]
    # Answered, where the translator wrote another meaning: `prod` alone is the env tag (the writer meant the
    # account; the answer says how to ask for it); `spike` reads as unusual days where `why` was written; `unit
    # cost per order` answers the cost itself where the translator added `daily`; `platform team:` reads as a
    # filter in `chargeback dev env to platform team:`; `staging` (account and tag value) reads as the account,
    # said, where a refusal was written.
    assert wrong <= 5, score(FRESH_4)[1]


def test_the_fifth_fresh_batch_is_frozen_with_its_first_sight_score_and_does_not_slip() -> None:
    assert len(FRESH_5) == 50 == sum(FRESH_5_FIRST_SIGHT)
    earlier = {t.casefold() for t, _ in CORPUS + HELD_OUT + FRESH_1 + FRESH_2}
    earlier |= {t.casefold() for _, t, _ in FRESH_3 + FRESH_4}
    assert not {text.casefold() for _, text, _ in FRESH_5} & earlier
    right, _, wrong = tally(FRESH_5)
    # 18 right at first sight: far from 45 of 50. The misses were mostly refusals naming the word (`evolve`,
    # `crawlers`, `7d by rgn`, `per engineer`) and a few wrong readings (`wow` as a word, `last weekend`). Since
    # answered as near as the bill allows, where the translator wrote another meaning: `per engineer` (the cost
    # itself, not by team), `crawlers` (Glue's resources, not its usage types), `prod` alone (the env tag),
    # `deployed on Monday` (that day, where the translator wrote the days since).
    assert right >= 25, score(FRESH_5)[1]
    assert wrong <= 10, score(FRESH_5)[1]


def test_the_sixth_fresh_batch_is_frozen_with_its_first_sight_score_and_does_not_slip() -> None:
    assert len(FRESH_6) == 50 == sum(FRESH_6_FIRST_SIGHT)
    earlier = {t.casefold() for t, _ in CORPUS + HELD_OUT + FRESH_1 + FRESH_2}
    earlier |= {t.casefold() for _, t, _ in FRESH_3 + FRESH_4 + FRESH_5}
    assert not {text.casefold() for _, text, _ in FRESH_6} & earlier
    assert {command for command, _, _ in FRESH_6} == {"/cost", "/tags", "/top-resources"}
    right, _, wrong = tally(FRESH_6)
    # 24 right at first sight (22 on the grammar before the rules it measured); most refusals now carry the
    # question without the unknown word. After the general rules it prompted (`since yesterday`, `2026/10`, `the
    # search feature`, `10 days back`, `John's`, `proj`): 29 right, 6 refused, 15 answered otherwise than the
    # translator wrote (a spike read as unusual days, the writer's own date windows, `by service too` ordered).
    assert right >= 29, score(FRESH_6)[1]
    assert wrong <= 15, score(FRESH_6)[1]


def test_the_seventh_fresh_batch_is_frozen_with_its_first_sight_score_and_does_not_slip() -> None:
    assert len(FRESH_7) == 50 == sum(FRESH_7_FIRST_SIGHT)
    earlier = {t.casefold() for t, _ in CORPUS + HELD_OUT + FRESH_1 + FRESH_2}
    earlier |= {t.casefold() for _, t, _ in FRESH_3 + FRESH_4 + FRESH_5 + FRESH_6}
    assert not {text.casefold() for _, text, _ in FRESH_7} & earlier
    right, _, wrong = tally(FRESH_7)
    # 17 right at first sight (16 on the grammar at the start of the work): unseen voices (dictation, incident
    # times, statistics) stay far from 45 of 50. After the general rules it prompted (AWS's region places, times of
    # day, `the first`, ordinal quarters and weeks, EDP commitments, costs per engineer, dictation): 23 right; 14
    # answered otherwise than the translator wrote (`3pm today` hour by hour where the writer wanted the week by
    # day; `stagign spend` in `/tags` read as the env value where the account was meant).
    assert right >= 26, score(FRESH_7)[1]
    assert wrong <= 14, score(FRESH_7)[1]


def test_the_eighth_fresh_batch_is_frozen_with_its_first_sight_score_and_does_not_slip() -> None:
    assert len(FRESH_8) == 50 == sum(FRESH_8_FIRST_SIGHT)
    earlier = {t.casefold() for t, _ in CORPUS + HELD_OUT + FRESH_1 + FRESH_2}
    earlier |= {t.casefold() for _, t, _ in FRESH_3 + FRESH_4 + FRESH_5 + FRESH_6 + FRESH_7}
    assert not {text.casefold() for _, text, _ in FRESH_8} & earlier
    right, _, wrong = tally(FRESH_8)
    # 19 right at first sight (13 on the grammar at the start of the work that preceded it), 17 refused naming a
    # word (most with the question the rest asks and its Ask that button), 14 answered otherwise. After the rules
    # it prompted (KW weeks, `'26`, quoted questions, `since we launched on the 2nd`, `period 10`, instance
    # families, politeness and relaying words): 28 right, 6 refused, 16 answered otherwise than the translator
    # wrote (`burn` read as the cost where the forecast was meant, the writer's own windows and extra series).
    assert right >= 28, score(FRESH_8)[1]
    assert wrong <= 16, score(FRESH_8)[1]


def test_the_ninth_fresh_batch_is_frozen_with_its_first_sight_score_and_does_not_slip() -> None:
    assert len(FRESH_9) == 50 == sum(FRESH_9_FIRST_SIGHT)
    earlier = {t.casefold() for t, _ in CORPUS + HELD_OUT + FRESH_1 + FRESH_2}
    earlier |= {t.casefold() for _, t, _ in FRESH_3 + FRESH_4 + FRESH_5 + FRESH_6 + FRESH_7 + FRESH_8}
    assert not {text.casefold() for _, text, _ in FRESH_9} & earlier
    right, _, wrong = tally(FRESH_9)
    # 23 right at first sight (16 on the grammar at the start of the work), 20 refused naming a word, 7 wrong.
    assert right >= 23, score(FRESH_9)[1]
    assert wrong <= 7, score(FRESH_9)[1]


def test_the_tenth_fresh_batch_is_frozen_with_its_first_sight_score_and_does_not_slip() -> None:
    assert len(FRESH_10) == 50 == sum(FRESH_10_FIRST_SIGHT)
    earlier = {t.casefold() for t, _ in CORPUS + HELD_OUT + FRESH_1 + FRESH_2}
    earlier |= {t.casefold() for _, t, _ in FRESH_3 + FRESH_4 + FRESH_5 + FRESH_6 + FRESH_7 + FRESH_8 + FRESH_9}
    # two writers who never met typed this one word for word (the fourth batch has it too)
    assert {text.casefold() for _, text, _ in FRESH_10} & earlier == {"who owns the most expensive instance?"}
    right, _, wrong = tally(FRESH_10)
    # 17 right at first sight (13 on the grammar at the start of the work), 17 refused naming a word, 16 wrong.
    assert right >= 17, score(FRESH_10)[1]
    assert wrong <= 16, score(FRESH_10)[1]
