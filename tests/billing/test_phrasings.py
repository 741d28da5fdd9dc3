"""Natural phrasings: the development corpus case by case, and the held-out set as a share.

The issue's bar is 45 of 50 natural phrasings answered usefully (the right question, or a message naming the
word it could not read). The held-out set was written before the parser learnt bare words, comparisons,
forecast and why; its share is asserted against that bar, not against its own current score. The fresh
batches (`phrasings_fresh.py`) are frozen with their first-sight scores; the latest blind batch's is the honest
figure (README quotes each).
"""

from __future__ import annotations

from dataclasses import dataclass

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
    FRESH_11,
    FRESH_11_FIRST_SIGHT,
    FRESH_12,
    FRESH_12_FIRST_SIGHT,
    FRESH_13,
    FRESH_13_FIRST_SIGHT,
    FRESH_14,
    FRESH_14_FIRST_SIGHT,
    FRESH_15,
    FRESH_15_FIRST_SIGHT,
    FRESH_16,
    FRESH_16_FIRST_SIGHT,
    FRESH_17,
    FRESH_17_FIRST_SIGHT,
    FRESH_18,
    FRESH_18_FIRST_SIGHT,
    FRESH_19,
    FRESH_19_FIRST_SIGHT,
    FRESH_20,
    FRESH_20_FIRST_SIGHT,
    FRESH_21,
    FRESH_21_FIRST_SIGHT,
    FRESH_22,
    FRESH_22_FIRST_SIGHT,
    FRESH_23,
    FRESH_23_FIRST_SIGHT,
    FRESH_24,
    FRESH_24_FIRST_SIGHT,
    FRESH_25,
    FRESH_25_FIRST_SIGHT,
    FRESH_26,
    FRESH_26_FIRST_SIGHT,
    FRESH_27,
    FRESH_27_FIRST_SIGHT,
    FRESH_28,
    FRESH_28_FIRST_SIGHT,
    FRESH_29,
    FRESH_29_FIRST_SIGHT,
    FRESH_30,
    FRESH_30_FIRST_SIGHT,
    FRESH_31,
    FRESH_31_FIRST_SIGHT,
    FRESH_32,
    FRESH_32_FIRST_SIGHT,
    FRESH_33,
    FRESH_33_FIRST_SIGHT,
    FRESH_34,
    FRESH_34_FIRST_SIGHT,
    FRESH_35,
    FRESH_35_FIRST_SIGHT,
    FRESH_36,
    FRESH_36_FIRST_SIGHT,
    FRESH_37,
    FRESH_37_FIRST_SIGHT,
    FRESH_38,
    FRESH_38_FIRST_SIGHT,
    FRESH_39,
    FRESH_39_FIRST_SIGHT,
    FRESH_40,
    FRESH_40_FIRST_SIGHT,
    FRESH_41,
    FRESH_41_FIRST_SIGHT,
    FRESH_42,
    FRESH_42_FIRST_SIGHT,
    FRESH_43,
    FRESH_43_FIRST_SIGHT,
    FRESH_44,
    FRESH_44_FIRST_SIGHT,
    FRESH_45,
    FRESH_45_FIRST_SIGHT,
    FRESH_46,
    FRESH_46_FIRST_SIGHT,
    FRESH_47,
    FRESH_47_FIRST_SIGHT,
    FRESH_48,
    FRESH_48_FIRST_SIGHT,
    FRESH_49,
    FRESH_49_FIRST_SIGHT,
    FRESH_50,
    FRESH_50_FIRST_SIGHT,
    FRESH_51,
    FRESH_51_FIRST_SIGHT,
    FRESH_52,
    FRESH_52_FIRST_SIGHT,
    FRESH_53,
    FRESH_53_FIRST_SIGHT,
    FRESH_54,
    FRESH_54_FIRST_SIGHT,
    FRESH_55,
    FRESH_55_FIRST_SIGHT,
    FRESH_56,
    FRESH_56_FIRST_SIGHT,
    FRESH_57,
    FRESH_57_FIRST_SIGHT,
    FRESH_58,
    FRESH_58_FIRST_SIGHT,
    FRESH_59,
    FRESH_59_FIRST_SIGHT,
    FRESH_60,
    FRESH_60_FIRST_SIGHT,
    FRESH_61,
    FRESH_61_FIRST_SIGHT,
    FRESH_62,
    FRESH_62_FIRST_SIGHT,
    FRESH_63,
    FRESH_63_FIRST_SIGHT,
    FRESH_64,
    FRESH_64_FIRST_SIGHT,
    FRESH_65,
    FRESH_65_FIRST_SIGHT,
    FRESH_66,
    FRESH_66_FIRST_SIGHT,
    FRESH_67,
    FRESH_67_FIRST_SIGHT,
    FRESH_68,
    FRESH_68_FIRST_SIGHT,
    FRESH_69,
    FRESH_69_FIRST_SIGHT,
    FRESH_70,
    FRESH_70_FIRST_SIGHT,
    FRESH_71,
    FRESH_71_FIRST_SIGHT,
    FRESH_72,
    FRESH_72_FIRST_SIGHT,
    FRESH_73,
    FRESH_73_FIRST_SIGHT,
    FRESH_74,
    FRESH_74_FIRST_SIGHT,
    FRESH_75,
    FRESH_75_FIRST_SIGHT,
    FRESH_76,
    FRESH_76_FIRST_SIGHT,
    FRESH_77,
    FRESH_77_FIRST_SIGHT,
    FRESH_78,
    FRESH_78_FIRST_SIGHT,
    FRESH_79,
    FRESH_79_FIRST_SIGHT,
    FRESH_80,
    FRESH_80_FIRST_SIGHT,
    FRESH_81,
    FRESH_81_FIRST_SIGHT,
    FRESH_82,
    FRESH_82_FIRST_SIGHT,
    FRESH_83,
    FRESH_83_FIRST_SIGHT,
    FRESH_84,
    FRESH_84_FIRST_SIGHT,
    FRESH_85,
    FRESH_85_FIRST_SIGHT,
    FRESH_86,
    FRESH_86_FIRST_SIGHT,
    FRESH_87,
    FRESH_87_FIRST_SIGHT,
    FRESH_88,
    FRESH_88_FIRST_SIGHT,
    FRESH_89,
    FRESH_89_FIRST_SIGHT,
    FRESH_90,
    FRESH_90_FIRST_SIGHT,
    FRESH_91,
    FRESH_91_FIRST_SIGHT,
    FRESH_92,
    FRESH_92_FIRST_SIGHT,
    FRESH_93,
    FRESH_93_FIRST_SIGHT,
    FRESH_94,
    FRESH_94_FIRST_SIGHT,
    FRESH_95,
    FRESH_95_FIRST_SIGHT,
    FRESH_96,
    FRESH_96_FIRST_SIGHT,
    FRESH_97,
    FRESH_97_FIRST_SIGHT,
    FRESH_98,
    FRESH_98_FIRST_SIGHT,
    FRESH_99,
    FRESH_99_FIRST_SIGHT,
    FRESH_100,
    FRESH_100_FIRST_SIGHT,
    FRESH_101,
    FRESH_101_FIRST_SIGHT,
    FRESH_102,
    FRESH_102_FIRST_SIGHT,
    FRESH_103,
    FRESH_103_FIRST_SIGHT,
    FRESH_104,
    FRESH_104_FIRST_SIGHT,
    FRESH_105,
    FRESH_105_FIRST_SIGHT,
    FRESH_106,
    FRESH_106_FIRST_SIGHT,
    FRESH_107,
    FRESH_107_FIRST_SIGHT,
    FRESH_108,
    FRESH_108_FIRST_SIGHT,
    FRESH_109,
    FRESH_109_FIRST_SIGHT,
    FRESH_110,
    FRESH_110_FIRST_SIGHT,
    FRESH_111,
    FRESH_111_FIRST_SIGHT,
    FRESH_112,
    FRESH_112_FIRST_SIGHT,
    FRESH_113,
    FRESH_113_FIRST_SIGHT,
    FRESH_114,
    FRESH_114_FIRST_SIGHT,
    FRESH_115,
    FRESH_115_FIRST_SIGHT,
    FRESH_116,
    FRESH_116_FIRST_SIGHT,
    FRESH_117,
    FRESH_117_FIRST_SIGHT,
    FRESH_118,
    FRESH_118_FIRST_SIGHT,
    FRESH_119,
    FRESH_119_FIRST_SIGHT,
    FRESH_120,
    FRESH_120_FIRST_SIGHT,
    FRESH_121,
    FRESH_121_FIRST_SIGHT,
    FRESH_122,
    FRESH_122_FIRST_SIGHT,
    FRESH_123,
    FRESH_123_FIRST_SIGHT,
    FRESH_124,
    FRESH_124_FIRST_SIGHT,
    FRESH_125,
    FRESH_125_FIRST_SIGHT,
    FRESH_126,
    FRESH_126_FIRST_SIGHT,
    FRESH_127,
    FRESH_127_FIRST_SIGHT,
    FRESH_128,
    FRESH_128_FIRST_SIGHT,
    FRESH_129,
    FRESH_129_FIRST_SIGHT,
    FRESH_130,
    FRESH_130_FIRST_SIGHT,
    FRESH_131,
    FRESH_131_FIRST_SIGHT,
    FRESH_132,
    FRESH_132_FIRST_SIGHT,
    FRESH_133,
    FRESH_133_FIRST_SIGHT,
    FRESH_134,
    FRESH_134_FIRST_SIGHT,
    FRESH_135,
    FRESH_135_FIRST_SIGHT,
    FRESH_136,
    FRESH_136_FIRST_SIGHT,
    FRESH_137,
    FRESH_137_FIRST_SIGHT,
    FRESH_138,
    FRESH_138_FIRST_SIGHT,
    FRESH_139,
    FRESH_139_FIRST_SIGHT,
    FRESH_140,
    FRESH_140_FIRST_SIGHT,
    FRESH_141,
    FRESH_141_FIRST_SIGHT,
    FRESH_142,
    FRESH_142_FIRST_SIGHT,
    FRESH_143,
    FRESH_143_FIRST_SIGHT,
    FRESH_144,
    FRESH_144_FIRST_SIGHT,
    FRESH_145,
    FRESH_145_FIRST_SIGHT,
    FRESH_146,
    FRESH_146_FIRST_SIGHT,
    FRESH_147,
    FRESH_147_FIRST_SIGHT,
    FRESH_148,
    FRESH_148_FIRST_SIGHT,
    FRESH_149,
    FRESH_149_FIRST_SIGHT,
    FRESH_150,
    FRESH_150_FIRST_SIGHT,
    FRESH_151,
    FRESH_151_FIRST_SIGHT,
    FRESH_152,
    FRESH_152_FIRST_SIGHT,
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
    # `deployed on Monday` (that day, where the translator wrote the days since); `for the quarterly review: how
    # did the prod vs staging split evolve` (refused on `quarterly` until quarters became a time step; now read,
    # with `prod vs staging` as the env tag like every such pair, where the translator wrote the accounts);
    # `does that include the stuff that runs on weekends` (refused on `weekends` until a day of the week became a
    # day-by-day answer, said; the translator wrote a breakdown by service).
    assert right >= 31, score(FRESH_5)[1]
    # `... and does that include the stuff that runs on weekends automatically` was refused naming `runs`, an
    # English word that names nothing; it is now left out and said, where the translator wrote a breakdown by service;
    # `what the AWS console shows and what this bot says for last month, does the bot include tax and support?` (the
    # console is where the asker read a number) answers last month's total, where the translator wrote the split
    # `reconcile the October invoice INV-88231 against cost explorer`: the invoice's costs by service (the ticket key
    # and the tool are read past), where the translator wrote the split by charge class
    assert wrong <= 13, score(FRESH_5)[1]


@dataclass(frozen=True)
class BlindBatch:
    """A batch typed by a person who never saw the grammar and translated blind by another, frozen with its score
    at first sight; `right`/`wrong` hold the score after the general rules it prompted (it may only improve), and
    `shared` the texts an earlier batch's writer typed word for word too."""

    name: str
    cases: tuple[tuple[str, str, str], ...]
    first_sight: tuple[int, int, int]
    right: int
    wrong: int
    shared: frozenset[str] = frozenset()


#: In the order written; `right`/`wrong` are the figures at the last stop. What "wrong" still counts: readings other
#: than the translator's (a spike read as unusual days where a why was written, a writer's own date window, an extra
#: `monthly`), some of them judgement calls.
BLIND_BATCHES = (
    BlindBatch("FRESH_6", FRESH_6, FRESH_6_FIRST_SIGHT, right=36, wrong=11),
    BlindBatch("FRESH_7", FRESH_7, FRESH_7_FIRST_SIGHT, right=31, wrong=13),
    BlindBatch("FRESH_8", FRESH_8, FRESH_8_FIRST_SIGHT, right=35, wrong=11),
    # `biggest cloudfrnt distributions serving acme in europe`: `serving` and `acme` left out and said (was
    # refused naming `serving`), where the translator wrote no region; `the acme account manager wants to know what
    # acme specifically costs us each month`: the months with `acme` left out and said (a customer the bill does
    # not name), where the translator wrote the months since September
    # `any unusual days in eu-west-1 after the acme rollout`: the rollout has no date, so this month's unusual days
    # (`acme`, `rollout` said left out), where the translator wrote the days since the go-live an earlier line named
    BlindBatch("FRESH_9", FRESH_9, FRESH_9_FIRST_SIGHT, right=37, wrong=8),
    # two writers who never met typed one question word for word (the fourth batch has it too)
    BlindBatch(
        "FRESH_10",
        FRESH_10,
        FRESH_10_FIRST_SIGHT,
        right=33,
        wrong=11,
        shared=frozenset({"who owns the most expensive instance?"}),
    ),
    # Four refusals became answers or other refusals the translator did not write: `net unblended cost excluding
    # credits and tax` (AWS's net unblended cost is the net basis; tax left out as the service `Tax`, the same line
    # items as the charge class written), `the servers during launch week (Nov 16-22)` (the days given; servers
    # as EC2's resources, where the total was written), `spend per researcher` (the cost itself, as for any unit
    # the bill cannot count, where the creator tag was written) and `cost per CCU during launch week` (refused
    # naming `launch week`, a phrase, where the scorer counts single words)
    BlindBatch("FRESH_11", FRESH_11, FRESH_11_FIRST_SIGHT, right=33, wrong=11),
    # `lamda cost by region last 48h`: the whole days those hours reach back into from some time today (25-27
    # November; three translators read `last 24 hours` as yesterday and today), where the translator wrote 26-27
    BlindBatch("FRESH_12", FRESH_12, FRESH_12_FIRST_SIGHT, right=36, wrong=13),
    # `/tags ... how much of staging is tagged env=dev by mistake`: the env tag's values within env=dev (was refused
    # reading `by mistake` as a breakdown), where the translator wrote the env tag within staging; `Acme is asking
    # what their search feature runs on and what it cost in october`: `Acme` read as the name of who asks (was
    # refused naming it), the search project's October, where the translator also wrote by service
    BlindBatch(
        "FRESH_13", FRESH_13, FRESH_13_FIRST_SIGHT, right=37, wrong=11, shared=frozenset({"are we over budget for q4?"})
    ),
    # `nat gateway charges in prod us-east-1 last 30 days` was refused naming `nat` as a service the bill lacks
    # (NAT gateways are EC2 usage types, not a service); it is now EC2 by usage type, said, where the translator
    # also wrote the writer's `daily`: a refusal became a near answer the scorer counts wrong
    # `biggest ec2 nodes in the eks node groups`: `groups` left out and said (was refused naming it), where the
    # translator wrote EC2 alone; `on-demand EC2 + RDS ... need it for SP sizing`: on-demand beside the Savings
    # Plans is the split by charge class (was refused naming `on-demand`), where the translator wrote usage alone
    BlindBatch(
        "FRESH_15", FRESH_15, FRESH_15_FIRST_SIGHT, right=31, wrong=16, shared=frozenset({"are we over budget"})
    ),
    BlindBatch("FRESH_16", FRESH_16, FRESH_16_FIRST_SIGHT, right=39, wrong=10),
    # held back unread until the end of the work on the twelfth to sixteenth batches: scored, never tuned to; read
    # in the next stop of work (with the twentieth and twenty-second)
    # `why doesn't your number match the invoice PDF`: `match` left out and said (was refused naming it, with a
    # did-you-mean of `march`), answered as the invoice's breakdown by service where charge classes were written
    BlindBatch("FRESH_14", FRESH_14, FRESH_14_FIRST_SIGHT, right=42, wrong=7, shared=frozenset({"forecast nov"})),
    BlindBatch(
        "FRESH_17",
        FRESH_17,
        FRESH_17_FIRST_SIGHT,
        right=44,
        wrong=6,
        shared=frozenset({"q3 spend by account and service"}),
    ),
    BlindBatch("FRESH_18", FRESH_18, FRESH_18_FIRST_SIGHT, right=41, wrong=5),
    # `how much of our data transfer is cross-region vs internet egress? ... if the eu replication is worth it` was
    # refused naming `cross-region`; it is now data transfer by usage type, said, but the context's `eu` filters it
    # to the one usage type of the test vocabulary holding `EU` (a bill's many `EU-` usage types would ask which);
    # `RI + savings plan coverage %?`: the usage beside the fees (the split by charge class with no filter), where
    # the translator kept the fees alone in the split
    BlindBatch(
        "FRESH_19",
        FRESH_19,
        FRESH_19_FIRST_SIGHT,
        right=44,
        wrong=3,
        shared=frozenset({"where will november land", "are we over budget for q4?"}),
    ),
    # held back unread through one stop, read in the next
    # `how much are savings plans actually saving us vs on demand`: the split by charge class (was refused naming
    # `demand`), where the translator wrote the commitment fees alone
    BlindBatch("FRESH_20", FRESH_20, FRESH_20_FIRST_SIGHT, right=40, wrong=8, shared=frozenset({"forecast"})),
    BlindBatch(
        "FRESH_21",
        FRESH_21,
        FRESH_21_FIRST_SIGHT,
        right=44,
        wrong=3,
        shared=frozenset({"are we over budget this month?", "who owns the most expensive instance?"}),
    ),
    BlindBatch("FRESH_22", FRESH_22, FRESH_22_FIRST_SIGHT, right=38, wrong=10),  # held back, read in the next stop
    # `where does november land? need a number for monday's call. with and w/o credits if you can`: read whole now
    # that `monday's call` says when the answer is needed (was the first sentence alone), the forecast split by
    # charge class for `with and w/o credits`, where the translator wrote the forecast alone
    BlindBatch("FRESH_23", FRESH_23, FRESH_23_FIRST_SIGHT, right=37, wrong=12),
    # refusals that became near answers the scorer counts wrong: `today vs wed/thu` compared (a daily series was
    # written), `the website ... today` without the writer's week-ago comparison, `the landing page` without a team,
    # `/tags env - ... the dev + staging clusters ... vs prod` listed by env without the clusters' services
    BlindBatch("FRESH_24", FRESH_24, FRESH_24_FIRST_SIGHT, right=33, wrong=16),
    # `why is ec2 spiking Ron?? prod`: `Ron` read as the name called to (was refused naming it), this month's why,
    # where the translator wrote the last two days for `spiking`; `rds prod hourly last 6 hrs`: today hour by hour,
    # said (was refused naming the hours), where the translator wrote the last two days daily
    BlindBatch("FRESH_25", FRESH_25, FRESH_25_FIRST_SIGHT, right=37, wrong=11),  # held back, read in the next stop
    # `unblended vs amortized MTD, how big is the gap from the SP fee on the 1st?`: the fees of the 1st, the second
    # question, said (was refused naming `unblended`: two bases), where the translator wrote that refusal
    BlindBatch("FRESH_26", FRESH_26, FRESH_26_FIRST_SIGHT, right=32, wrong=12),
    BlindBatch("FRESH_27", FRESH_27, FRESH_27_FIRST_SIGHT, right=38, wrong=8),
    BlindBatch("FRESH_28", FRESH_28, FRESH_28_FIRST_SIGHT, right=40, wrong=6),  # held back, read in the next stop
    # refusals that became near answers the scorer counts wrong: `the fees posted on the 1st of each month (Savings
    # Plans + RIs) Jan through Nov` split by charge class, `/tags before the budget meeting: ... buckets nobody tagged`
    # sent to `/cost` by resource
    # `Total EKS cost Q3 vs Q4-to-date, normalised per day since the periods are different lengths ...`: the `since`
    # clause gives no date, so it is read past (was refused naming `since`), leaving totals, not averages
    BlindBatch("FRESH_29", FRESH_29, FRESH_29_FIRST_SIGHT, right=37, wrong=11),
    # `EKS monthly since june, ... before we move node groups to c7g`: by resource (the nodes), as written nowhere
    # `sorry for basic question. Total cost include tax or not? How much was tax in October?`: the tax of October,
    # as the last sentence asks, where the translator wrote the split by charge class
    # `the most expensive things created by me (jdoe)? aws:createdBy tag i think`: refused naming `jdoe` (it named
    # `me` before), where the translator wrote this month's list
    BlindBatch("FRESH_30", FRESH_30, FRESH_30_FIRST_SIGHT, right=32, wrong=14),
    # `GL 6420 (cloud hosting) for P7-P9 per month`: refused naming `hosting` (near `staging`), its rest read as
    # `2026-q3 monthly`, the translator's days under another name
    BlindBatch("FRESH_31", FRESH_31, FRESH_31_FIRST_SIGHT, right=30, wrong=15),  # held back, read in the next stop
    # refusals of pasted dashboards that became answers of the period asked, where the translator wrote why or an
    # average: `my grafana billing panel shows ...`, `data-lake acct shows 7.3k in the CUR dashboard ... seems high`,
    # `spiked on the 24th? ... release that morning (09:30 GMT)` (the day hour by hour, for the time given), `deployed
    # ... on Tue 17 Nov around 14:00 UTC ... compare the 3 days before and after` (the 17th counted with the days
    # after, where the translator left the deploy's day out)
    BlindBatch("FRESH_32", FRESH_32, FRESH_32_FIRST_SIGHT, right=30, wrong=15),  # held back, read in the next stop
    # held back unread to the end of their stop and only scored (first sight on c9253c5): read in the next stop
    # `H1 vs H2-to-date, split by account pls`: H2 so far against H1, the later against the earlier (was H1 against
    # H2), where the translator's whole H2 drops H1 as the period before it
    BlindBatch("FRESH_33", FRESH_33, FRESH_33_FIRST_SIGHT, right=33, wrong=12),
    BlindBatch("FRESH_34", FRESH_34, FRESH_34_FIRST_SIGHT, right=41, wrong=8),
    # `and how does that compare to the same time last year?` (a follow-up read alone): this month against November
    # 2025 (was refused naming `same`), where the translator wrote the thread's year to date
    # `EKS in prod before/after we bumped the node groups on nov 4, week before vs week after`: the two weeks now
    # (was refused naming `before`), by resource for the node groups, where the translator wrote EKS alone;
    # `data transfer by region last month - trying to figure out what cross-region replication is costing us`: what
    # the person is after is context (no longer split by usage type), where the translator read the replication
    # words as the usage types to show
    BlindBatch("FRESH_35", FRESH_35, FRESH_35_FIRST_SIGHT, right=37, wrong=9),  # a refusal became an answer
    # scored on the grammar of their day, then read (first sight on c9253c5)
    # `/top-resources ok so which instances are behind that ec2 jump`: this month's EC2 instances, with a note
    # pointing to `/cost` for the change (was refused naming `jump`), where the translator wrote the thread's week
    BlindBatch("FRESH_36", FRESH_36, FRESH_36_FIRST_SIGHT, right=31, wrong=19),
    BlindBatch("FRESH_37", FRESH_37, FRESH_37_FIRST_SIGHT, right=43, wrong=7),
    # `what % of our compute is covered by savings plans vs on demand??`: this month's EC2 by charge class (was
    # refused naming `demand`), where the translator wrote October's compute services
    BlindBatch("FRESH_38", FRESH_38, FRESH_38_FIRST_SIGHT, right=39, wrong=11),
    BlindBatch("FRESH_39", FRESH_39, FRESH_39_FIRST_SIGHT, right=37, wrong=10),
    # written at the very end of their stop, held back unread and only scored (first sight on c9253c5); read in the
    # next stop
    # refusals that became wrong answers (the word refused asked nothing): `... what to commit savings plans
    # against` lists the commitment fees' lines, `... which bucket our enterprise customers fall into` keeps S3
    # `did our costs go up since we onboarded Halvorsen in september? like sept vs oct vs nov`: since September,
    # the date the clause gives (was refused naming `since`), where the translator wrote the three months monthly
    # `is EKS back to normal now post-incident? last 3 days vs the week before the leak`: this month's unusual
    # days of EKS (was refused naming `normal`), where the translator wrote the averages of the two spans
    BlindBatch("FRESH_40", FRESH_40, FRESH_40_FIRST_SIGHT, right=32, wrong=11),
    # `glue spend last 30 days vs the 30 before that? feels like the crawler change blew it up`: `the 30 before` is the
    # 30 days before now, so the comparison is answered (was refused naming `30`), where the translator wrote why
    BlindBatch("FRESH_41", FRESH_41, FRESH_41_FIRST_SIGHT, right=40, wrong=6),
    BlindBatch("FRESH_42", FRESH_42, FRESH_42_FIRST_SIGHT, right=34, wrong=7),
    # scored unread on the grammar of their day (first sight on 7f00e05), then read
    BlindBatch("FRESH_43", FRESH_43, FRESH_43_FIRST_SIGHT, right=35, wrong=14),
    BlindBatch("FRESH_44", FRESH_44, FRESH_44_FIRST_SIGHT, right=34, wrong=14),
    BlindBatch("FRESH_45", FRESH_45, FRESH_45_FIRST_SIGHT, right=39, wrong=10),
    # held back unread to the end of their stop and scored (first sight on a7459e7: 21/10/19 and 29/6/15 at the
    # end), then read at its very end
    BlindBatch("FRESH_46", FRESH_46, FRESH_46_FIRST_SIGHT, right=32, wrong=16),
    BlindBatch(
        "FRESH_47",
        FRESH_47,
        FRESH_47_FIRST_SIGHT,
        right=36,
        wrong=9,
        shared=frozenset({"are we over budget for the year?"}),
    ),
    # held back unread to the end of their stop and only scored (first sight on 04a15b3); read in the next stop.
    # `lambda per day since monday pls, think the api retries are going mad`: the guess's team shown beside the rest
    # (`grammar_guesses`), where the translator wrote Lambda alone
    # `... excluding Savings Plan/RI fees and credits, so I can line it up against our ASG scaling events?`: the
    # purpose clause read past (was refused naming `ASG`), fees and credits left out as asked, where the translator
    # wrote usage alone (tax left out too)
    # `data transfer out of eu-west-1 for oct + nov? we're thinking about a big UK push in december`: the plan read
    # past (was refused naming `UK`), where the translator also wrote month by month
    BlindBatch("FRESH_48", FRESH_48, FRESH_48_FIRST_SIGHT, right=34, wrong=13),
    BlindBatch(
        "FRESH_49",
        FRESH_49,
        FRESH_49_FIRST_SIGHT,
        right=33,
        wrong=13,
        shared=frozenset({"are we over budget"}),
    ),
    # first sight on faac62b; the fiftieth read in its stop, the other two held back unread to its end, only scored
    BlindBatch("FRESH_50", FRESH_50, FRESH_50_FIRST_SIGHT, right=29, wrong=14),
    # read in the next stop: `October total before tax` now the total without tax (was refused naming `before`),
    # where the translator wrote the split by charge class; `the dev env cost for nov so far and what itll end at`:
    # November's (was refused naming `end`), where the translator wrote October and November month by month
    BlindBatch("FRESH_51", FRESH_51, FRESH_51_FIRST_SIGHT, right=29, wrong=14),
    # `staging cost last 7 days by service. should be basically zero after I terraform destroyed the old vpc stack
    # tuesday, want to confirm`: what the person expects read past (was refused naming `vpc`), where the translator
    # also wrote day by day
    # `what about same week last year?`: this week beside that one (was refused naming `same`), where the translator
    # wrote the days so far of both; `is Q4 tracking higher than Q3? want to say costs are flat/up/down on a slide`:
    # the quarter's forecast, the purpose read past (was refused naming `flat/up/down`), where the translator wrote
    # the quarter so far
    BlindBatch("FRESH_52", FRESH_52, FRESH_52_FIRST_SIGHT, right=34, wrong=15),
    # first sight on ba25ec8, then read
    # `did the graviton migraton actually move the needle? ec2 prod 2 wks before nov 2 vs 2 wks after`: the two
    # fortnights now (was refused naming `2`), by usage type for `graviton`, where the translator wrote EC2 alone
    BlindBatch("FRESH_53", FRESH_53, FRESH_53_FIRST_SIGHT, right=32, wrong=11),
    BlindBatch(
        "FRESH_54",
        FRESH_54,
        FRESH_54_FIRST_SIGHT,
        right=37,
        wrong=11,
        shared=frozenset({"how much did we spend yesterday"}),
    ),
    # the next stop's: first sight on 989364c (the grammar at its start), `FRESH_55` read, `FRESH_56` held back unread
    # to the end and only scored; first sight on 26ff7cb, `FRESH_57` and `FRESH_58` read, `FRESH_59` held back; first
    # sight on 2729a71, `FRESH_60` and `FRESH_61` read
    # `project split for team data only, this month - how much is actually the "data" project vs other stuff`: the
    # second `data` is the project's now (a value before its noun), so the refusal names the two tag keys rather
    # than the word `data` (was refused naming `data`), where the translator wrote the project split of team data
    BlindBatch("FRESH_55", FRESH_55, FRESH_55_FIRST_SIGHT, right=35, wrong=15),
    # `which boxes are chewin thru the most coin in ap-southeast-2 this month?` (`/top-resources`): refused on
    # `chewin` before, now read as spending, with `boxes` as EC2's instances (said) where the translator meant every
    # resource there
    BlindBatch("FRESH_56", FRESH_56, FRESH_56_FIRST_SIGHT, right=41, wrong=7),
    BlindBatch(
        "FRESH_57", FRESH_57, FRESH_57_FIRST_SIGHT, right=33, wrong=12, shared=frozenset({"are we over budget"})
    ),
    BlindBatch("FRESH_58", FRESH_58, FRESH_58_FIRST_SIGHT, right=41, wrong=7, shared=frozenset({"and staging?"})),
    BlindBatch("FRESH_59", FRESH_59, FRESH_59_FIRST_SIGHT, right=36, wrong=9),
    BlindBatch("FRESH_60", FRESH_60, FRESH_60_FIRST_SIGHT, right=34, wrong=12),
    BlindBatch("FRESH_61", FRESH_61, FRESH_61_FIRST_SIGHT, right=35, wrong=8, shared=frozenset({"mtd"})),
    # first sight on df6dd8d, late in the stop: `FRESH_62` and `FRESH_63` read, `FRESH_64` held back unread
    # (`FRESH_62`: its case 44, `... ran 10:00-14:00 UTC on 19 Nov in prod`, refused on the clock span before stop 35,
    # now reads the day hour by hour, where its translator wrote the day against the week before)
    BlindBatch("FRESH_62", FRESH_62, FRESH_62_FIRST_SIGHT, right=34, wrong=10),
    BlindBatch("FRESH_63", FRESH_63, FRESH_63_FIRST_SIGHT, right=32, wrong=11),
    BlindBatch("FRESH_64", FRESH_64, FRESH_64_FIRST_SIGHT, right=30, wrong=15),
    # the next stop's: first sight on 5ce195a, `FRESH_65` and `FRESH_66` read, `FRESH_67` and `FRESH_68` held back
    # unread to its end and only scored
    BlindBatch("FRESH_65", FRESH_65, FRESH_65_FIRST_SIGHT, right=36, wrong=7),
    # `biggest dynamo tables tagged project=checkout, need per-table monthly numbers for sizing`: month by month
    # since June (was refused naming `sizing`), where the translator wrote last month
    BlindBatch("FRESH_66", FRESH_66, FRESH_66_FIRST_SIGHT, right=37, wrong=11),
    BlindBatch("FRESH_67", FRESH_67, FRESH_67_FIRST_SIGHT, right=28, wrong=16),
    BlindBatch("FRESH_68", FRESH_68, FRESH_68_FIRST_SIGHT, right=36, wrong=7),
    # first sight on 1068724, later in that stop: `FRESH_69` and `FRESH_70` read, `FRESH_71` and `FRESH_72` held back
    # `good morning po! may spike daw kahapon sa Lambda, pwede po pa-check kung magkano yung Lambda cost yesterday vs
    # the day before?`: the Tagalog read, the spike someone reported asks yesterday's unusual days (was refused naming
    # `pa-check`), where the translator wrote yesterday's cost
    # `wait is that incl tax? can u rerun without`: asked what the total holds, the split by charge class (was refused
    # naming `rerun`), where the translator wrote the total without tax
    # `Glue spend for 15/10/2026 - 14/11/2026 in eu-west-1 vs the 30 days before`: the 30 days as typed (was refused
    # naming `30`), where the translator wrote the period compared anyway, 31 days long
    BlindBatch("FRESH_69", FRESH_69, FRESH_69_FIRST_SIGHT, right=37, wrong=11),
    BlindBatch("FRESH_70", FRESH_70, FRESH_70_FIRST_SIGHT, right=38, wrong=7),
    # (`FRESH_71`: its case 33, refused before, now has a pasted budget alert left out and is answered with another
    # breakdown and question than the translator wrote; unread, held back)
    BlindBatch("FRESH_71", FRESH_71, FRESH_71_FIRST_SIGHT, right=25, wrong=16),
    BlindBatch("FRESH_72", FRESH_72, FRESH_72_FIRST_SIGHT, right=32, wrong=9),
    # last in that stop, first sight on 975312b, both held back unread
    BlindBatch("FRESH_73", FRESH_73, FRESH_73_FIRST_SIGHT, right=33, wrong=6),
    BlindBatch("FRESH_74", FRESH_74, FRESH_74_FIRST_SIGHT, right=32, wrong=11),
    # the stop after, first sight on e56f164: `FRESH_75` held back unread, `FRESH_76` read
    # (`FRESH_75`: its case 39, refused before, is answered otherwise than its translator wrote since stop 35's
    # rules; held back, so unread, and which rule it meets is not looked at)
    BlindBatch("FRESH_75", FRESH_75, FRESH_75_FIRST_SIGHT, right=25, wrong=20),
    BlindBatch("FRESH_76", FRESH_76, FRESH_76_FIRST_SIGHT, right=36, wrong=13),
    # later in that stop, first sight on 71e163f: `FRESH_77` read, `FRESH_78` held back unread
    BlindBatch("FRESH_77", FRESH_77, FRESH_77_FIRST_SIGHT, right=35, wrong=11),
    BlindBatch(
        "FRESH_78",
        FRESH_78,
        FRESH_78_FIRST_SIGHT,
        right=26,
        wrong=10,
        shared=frozenset({"are we over budget?", "black friday so far?"}),
    ),
    # last in that stop, first sight on 1a1265d: `FRESH_79` read, `FRESH_80` held back unread
    BlindBatch("FRESH_79", FRESH_79, FRESH_79_FIRST_SIGHT, right=35, wrong=12),
    BlindBatch(
        "FRESH_80",
        FRESH_80,
        FRESH_80_FIRST_SIGHT,
        right=32,
        wrong=11,
        shared=frozenset({"most expensive glue jobs last week?"}),
    ),
    # after them, first sight on ab86ba7: `FRESH_81` read, `FRESH_82` held back unread
    BlindBatch("FRESH_81", FRESH_81, FRESH_81_FIRST_SIGHT, right=38, wrong=8),
    BlindBatch("FRESH_82", FRESH_82, FRESH_82_FIRST_SIGHT, right=35, wrong=11),
    # last, first sight on bfdae21: `FRESH_83` read, `FRESH_84` held back unread
    # `EC2 cost in us-west-2 for Sep, Oct, Nov(until today) – i want see the trend`: the bracket glued to `Nov` is an
    # aside now, so the three months are answered together (was refused naming `Nov(until`), where the translator
    # wrote them month by month for the trend
    BlindBatch("FRESH_83", FRESH_83, FRESH_83_FIRST_SIGHT, right=33, wrong=11),
    BlindBatch("FRESH_84", FRESH_84, FRESH_84_FIRST_SIGHT, right=29, wrong=18),
    # this stop, first sight on 5284728: `FRESH_85` read, `FRESH_86` held back unread
    BlindBatch("FRESH_85", FRESH_85, FRESH_85_FIRST_SIGHT, right=44, wrong=4),
    BlindBatch("FRESH_86", FRESH_86, FRESH_86_FIRST_SIGHT, right=34, wrong=10),
    # later in this stop, first sight on 159a9db: `FRESH_87` read, `FRESH_88` held back unread
    BlindBatch("FRESH_87", FRESH_87, FRESH_87_FIRST_SIGHT, right=38, wrong=6),
    BlindBatch("FRESH_88", FRESH_88, FRESH_88_FIRST_SIGHT, right=31, wrong=16),
    # then, first sight on 656614b: `FRESH_89` read, `FRESH_90` held back unread
    BlindBatch(
        "FRESH_89",
        FRESH_89,
        FRESH_89_FIRST_SIGHT,
        right=41,
        wrong=8,
        shared=frozenset({"same but for staging", "and last month?"}),
    ),
    BlindBatch("FRESH_90", FRESH_90, FRESH_90_FIRST_SIGHT, right=34, wrong=5),
    # last in this stop, first sight on 73f3938: `FRESH_91` read, `FRESH_92` held back unread
    BlindBatch("FRESH_91", FRESH_91, FRESH_91_FIRST_SIGHT, right=35, wrong=10),
    BlindBatch("FRESH_92", FRESH_92, FRESH_92_FIRST_SIGHT, right=33, wrong=10),
    # the next stop, first sight on f6996ad: `FRESH_93`, `FRESH_95` read, `FRESH_94`, `FRESH_96` held back unread
    BlindBatch("FRESH_93", FRESH_93, FRESH_93_FIRST_SIGHT, right=36, wrong=6, shared=frozenset({"ec2 mtd"})),
    # (`FRESH_94`: its case 48, refused at first sight, is now read past the greeting and whom it greets that open
    # it, and answered over other days than the translator wrote; its case 26, refused for naming two cost bases,
    # is now the split by charge class that gross and net both asked get, with other filters than the translator's;
    # unread, held back)
    BlindBatch("FRESH_94", FRESH_94, FRESH_94_FIRST_SIGHT, right=29, wrong=16),
    BlindBatch("FRESH_95", FRESH_95, FRESH_95_FIRST_SIGHT, right=35, wrong=6),
    BlindBatch(
        "FRESH_96",
        FRESH_96,
        FRESH_96_FIRST_SIGHT,
        right=27,
        wrong=15,
        shared=frozenset({"are we on track vs budget for q4?"}),
    ),
    # later in that stop, first sight on 8024a3e: `FRESH_97` read, `FRESH_98` held back unread
    BlindBatch("FRESH_97", FRESH_97, FRESH_97_FIRST_SIGHT, right=34, wrong=13),
    BlindBatch("FRESH_98", FRESH_98, FRESH_98_FIRST_SIGHT, right=34, wrong=10, shared=frozenset({"nov vs oct"})),
    # last in that stop, first sight on cae9052: `FRESH_99` read, `FRESH_100` held back unread
    BlindBatch(
        "FRESH_99",
        FRESH_99,
        FRESH_99_FIRST_SIGHT,
        right=37,
        wrong=8,
        shared=frozenset({"are we over budget for q4?"}),
    ),
    # (`FRESH_100`: its case 45, refused at first sight, now reads the words before a meeting as when the answer is
    # needed and is answered with other days or filters than the translator wrote; unread, held back)
    BlindBatch("FRESH_100", FRESH_100, FRESH_100_FIRST_SIGHT, right=36, wrong=9),
    # the next stop, first sight on bf1bdd7: `FRESH_101` and `FRESH_103` read, `FRESH_102` and `FRESH_104` held back
    BlindBatch(
        "FRESH_101",
        FRESH_101,
        FRESH_101_FIRST_SIGHT,
        right=31,
        wrong=12,
        shared=frozenset({"any weird days this month"}),
    ),
    BlindBatch("FRESH_102", FRESH_102, FRESH_102_FIRST_SIGHT, right=34, wrong=7),
    BlindBatch("FRESH_103", FRESH_103, FRESH_103_FIRST_SIGHT, right=41, wrong=3),
    BlindBatch("FRESH_104", FRESH_104, FRESH_104_FIRST_SIGHT, right=31, wrong=7),
    # later in that stop, first sight on e9c3781: `FRESH_105`, `FRESH_107` read, `FRESH_106`, `FRESH_108` held back
    BlindBatch("FRESH_105", FRESH_105, FRESH_105_FIRST_SIGHT, right=34, wrong=10),
    BlindBatch("FRESH_106", FRESH_106, FRESH_106_FIRST_SIGHT, right=25, wrong=15),
    BlindBatch(
        "FRESH_107",
        FRESH_107,
        FRESH_107_FIRST_SIGHT,
        right=43,
        wrong=7,
        shared=frozenset({"are we over budget this month?"}),
    ),
    # (`FRESH_108`: its case 40, refused at first sight on a word of a budget, is now answered holding the figure typed
    # before `budgeted` against the forecast, as `we budgeted $180k` is; another meaning than the translator's; unread,
    # held back)
    BlindBatch("FRESH_108", FRESH_108, FRESH_108_FIRST_SIGHT, right=32, wrong=14),
    # last in that stop, first sight on cfeaa61: `FRESH_109`, `FRESH_111` read, `FRESH_110`, `FRESH_112` held back
    BlindBatch(
        "FRESH_109",
        FRESH_109,
        FRESH_109_FIRST_SIGHT,
        right=39,
        wrong=8,
        shared=frozenset({"biggest s3 buckets by cost last month"}),
    ),
    BlindBatch("FRESH_110", FRESH_110, FRESH_110_FIRST_SIGHT, right=23, wrong=11),
    BlindBatch("FRESH_111", FRESH_111, FRESH_111_FIRST_SIGHT, right=39, wrong=7),
    BlindBatch("FRESH_112", FRESH_112, FRESH_112_FIRST_SIGHT, right=26, wrong=11),
    # the next stop, first sight on bf6bfcd: `FRESH_113`, `FRESH_115` read, `FRESH_114`, `FRESH_116` held back
    BlindBatch("FRESH_113", FRESH_113, FRESH_113_FIRST_SIGHT, right=37, wrong=8),
    BlindBatch("FRESH_114", FRESH_114, FRESH_114_FIRST_SIGHT, right=27, wrong=6),
    BlindBatch("FRESH_115", FRESH_115, FRESH_115_FIRST_SIGHT, right=31, wrong=15),
    BlindBatch("FRESH_116", FRESH_116, FRESH_116_FIRST_SIGHT, right=30, wrong=13),
    # later in that stop, first sight on 8d8b3cc: `FRESH_117`, `FRESH_119` read, `FRESH_118`, `FRESH_120` held back
    BlindBatch("FRESH_117", FRESH_117, FRESH_117_FIRST_SIGHT, right=22, wrong=13),
    # (`FRESH_118`: its cases 12 and 33, refused before, are answered otherwise than its translator wrote since stop
    # 35's rules (case 12 since the words of six more languages are read); held back, so unread, and which rule each
    # meets is not looked at)
    BlindBatch("FRESH_118", FRESH_118, FRESH_118_FIRST_SIGHT, right=28, wrong=11),
    BlindBatch("FRESH_119", FRESH_119, FRESH_119_FIRST_SIGHT, right=27, wrong=14),
    BlindBatch(
        "FRESH_120",
        FRESH_120,
        FRESH_120_FIRST_SIGHT,
        right=32,
        wrong=6,
        shared=frozenset({"why up yday", "mtd", "nov vs oct"}),
    ),
    # then, first sight on e931a0e: `FRESH_121`, `FRESH_123` read, `FRESH_122`, `FRESH_124` held back
    BlindBatch("FRESH_121", FRESH_121, FRESH_121_FIRST_SIGHT, right=36, wrong=12),
    # (`FRESH_122`: its case 34, refused at first sight, now reads its Japanese month names and is answered with other
    # days than the translator wrote; five of its texts were shown once by a comparison tool whose list of held-back
    # batches was out of date; the Japanese date `11月1日` was read after that glimpse, so this batch is no longer
    # wholly unread and the held-back totals are quoted with and without it)
    BlindBatch("FRESH_122", FRESH_122, FRESH_122_FIRST_SIGHT, right=25, wrong=11),
    BlindBatch("FRESH_123", FRESH_123, FRESH_123_FIRST_SIGHT, right=32, wrong=12),
    BlindBatch("FRESH_124", FRESH_124, FRESH_124_FIRST_SIGHT, right=24, wrong=10),
    # last in that stop, first sight on 7b5873b: `FRESH_125`, `FRESH_127` read, `FRESH_126`, `FRESH_128` held back
    BlindBatch("FRESH_125", FRESH_125, FRESH_125_FIRST_SIGHT, right=29, wrong=9),
    # (`FRESH_126`: its case 44, refused before, is answered otherwise than its translator wrote since stop 35's
    # readings of timestamps, clock spans, zones and finance's short forms; held back, so unread)
    BlindBatch("FRESH_126", FRESH_126, FRESH_126_FIRST_SIGHT, right=30, wrong=11),
    BlindBatch("FRESH_127", FRESH_127, FRESH_127_FIRST_SIGHT, right=39, wrong=5),
    BlindBatch("FRESH_128", FRESH_128, FRESH_128_FIRST_SIGHT, right=28, wrong=16),
    # after them, first sight on bbb05dd: `FRESH_129`, `FRESH_131` read, `FRESH_130`, `FRESH_132` held back
    BlindBatch("FRESH_129", FRESH_129, FRESH_129_FIRST_SIGHT, right=22, wrong=12),
    BlindBatch("FRESH_130", FRESH_130, FRESH_130_FIRST_SIGHT, right=28, wrong=12),
    BlindBatch("FRESH_131", FRESH_131, FRESH_131_FIRST_SIGHT, right=28, wrong=12),
    BlindBatch("FRESH_132", FRESH_132, FRESH_132_FIRST_SIGHT, right=21, wrong=13),
    # this stop, first sight on 7563b2d: `FRESH_133`, `FRESH_135` read, `FRESH_134`, `FRESH_136` held back
    BlindBatch("FRESH_133", FRESH_133, FRESH_133_FIRST_SIGHT, right=34, wrong=11),
    BlindBatch("FRESH_134", FRESH_134, FRESH_134_FIRST_SIGHT, right=18, wrong=13),
    # (`FRESH_135`: its case 5, `roughly what are we spending a month on aws these days?`, refused on `month` at first
    # sight, now reads `a month` as last month, as the doc's rates do, where its translator wrote the average month)
    BlindBatch("FRESH_135", FRESH_135, FRESH_135_FIRST_SIGHT, right=40, wrong=8),
    BlindBatch("FRESH_136", FRESH_136, FRESH_136_FIRST_SIGHT, right=22, wrong=11),
    # then, also first sight on 7563b2d: `FRESH_137`, `FRESH_139` read, `FRESH_138`, `FRESH_140` held back
    # (`FRESH_137`: its case 25, `chargd 4 tax last mth? n is tax incl in ur totals?`, refused on `4` at first sight,
    # now reads txt-speak's `4` and answers last month's tax, where its translator wrote the split by charge class)
    BlindBatch("FRESH_137", FRESH_137, FRESH_137_FIRST_SIGHT, right=43, wrong=5),
    BlindBatch(
        "FRESH_138",
        FRESH_138,
        FRESH_138_FIRST_SIGHT,
        right=18,
        wrong=18,
        shared=frozenset({"same but for staging", "and the month before that?"}),
    ),
    # (`FRESH_139`: its case 45, `les instances EC2 les plus chères en dev pour le mois passé, hors nodes EKS`, refused
    # on `passé` at first sight, now reads its French and refuses EC2 both kept and left out (the nodes of EKS are EC2's
    # instances), naming no typed word; its translator wrote EC2 in dev)
    BlindBatch("FRESH_139", FRESH_139, FRESH_139_FIRST_SIGHT, right=28, wrong=12),
    BlindBatch("FRESH_140", FRESH_140, FRESH_140_FIRST_SIGHT, right=19, wrong=15),
    # last in stop 35, first sight on 4cf609f: `FRESH_141`, `FRESH_143` read, `FRESH_142`, `FRESH_144` held back
    # (`FRESH_141`: three cases refused at first sight are answered otherwise than its translator wrote: case 8 (`...
    # top 5 mind, don't want to frighten myself`) its first sentence without the count, case 11 (`cost per customer per
    # month`) the monthly series the doc's rates give, case 47 (`most expensive for serving our EU customers`)
    # eu-west-1; with two wrong at first sight now right, wrong is one above first sight)
    BlindBatch("FRESH_141", FRESH_141, FRESH_141_FIRST_SIGHT, right=34, wrong=10),
    BlindBatch("FRESH_142", FRESH_142, FRESH_142_FIRST_SIGHT, right=24, wrong=12),
    BlindBatch("FRESH_143", FRESH_143, FRESH_143_FIRST_SIGHT, right=40, wrong=5),
    # (`FRESH_144`: its case 39, refused at first sight, is answered otherwise than its translator wrote since stop
    # 35's last rules (hashtags, `by the end of the month`, instance families, Serbian, French and Spanish words); held
    # back, so unread, and which rule it meets is not looked at)
    BlindBatch("FRESH_144", FRESH_144, FRESH_144_FIRST_SIGHT, right=20, wrong=9),
    # and after them, first sight on 44e491e: `FRESH_145`, `FRESH_147` read, `FRESH_146`, `FRESH_148` held back
    # (`FRESH_145`: three cases in Jamaican patois refused at first sight are now read and answered otherwise than its
    # translator wrote (14: the biggest increases where it wrote why; 29: November's cost where it wrote the forecast;
    # 46: today's cost where it wrote unusual days), and 43 (`NA/EMEA/APAC split ... staging ... take it out`) keeps
    # the regions as filters and staging in; with wrong ones now right, wrong is two above first sight)
    BlindBatch("FRESH_145", FRESH_145, FRESH_145_FIRST_SIGHT, right=36, wrong=12),
    BlindBatch("FRESH_146", FRESH_146, FRESH_146_FIRST_SIGHT, right=23, wrong=7),
    BlindBatch("FRESH_147", FRESH_147, FRESH_147_FIRST_SIGHT, right=26, wrong=12),
    BlindBatch("FRESH_148", FRESH_148, FRESH_148_FIRST_SIGHT, right=23, wrong=12),
    # last in stop 35, first sight on 6091fab: `FRESH_149`, `FRESH_151` read, `FRESH_150`, `FRESH_152` held back
    BlindBatch("FRESH_149", FRESH_149, FRESH_149_FIRST_SIGHT, right=31, wrong=10),
    BlindBatch("FRESH_150", FRESH_150, FRESH_150_FIRST_SIGHT, right=18, wrong=12),
    BlindBatch("FRESH_151", FRESH_151, FRESH_151_FIRST_SIGHT, right=29, wrong=10),
    BlindBatch("FRESH_152", FRESH_152, FRESH_152_FIRST_SIGHT, right=23, wrong=11),
)


@pytest.mark.parametrize("batch", BLIND_BATCHES, ids=lambda b: b.name)
def test_a_blind_batch_is_frozen_new_and_does_not_slip_below_its_rules(batch: BlindBatch) -> None:
    assert len(batch.cases) == 50 == sum(batch.first_sight)
    assert {command for command, _, _ in batch.cases} == {"/cost", "/tags", "/top-resources"}
    earlier = {t.casefold() for t, _ in CORPUS + HELD_OUT + FRESH_1 + FRESH_2}
    earlier |= {t.casefold() for _, t, _ in FRESH_3 + FRESH_4 + FRESH_5}
    for before in BLIND_BATCHES[: BLIND_BATCHES.index(batch)]:
        earlier |= {t.casefold() for _, t, _ in before.cases}
    assert {text.casefold() for _, text, _ in batch.cases} & earlier == batch.shared
    right, _, wrong = tally(batch.cases)
    assert right >= batch.right, score(batch.cases)[1]
    assert wrong <= batch.wrong, score(batch.cases)[1]
