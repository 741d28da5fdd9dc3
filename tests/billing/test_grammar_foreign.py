"""Words of other languages mixed into an English question, read as the English words and said."""

from __future__ import annotations

import pytest

from bot.billing.grammar import parse_query
from bot.billing.vocabulary import Vocabulary
from tests.billing.phrasings import TODAY, VOCAB, without_labels


def parse(text: str, vocabulary: Vocabulary = VOCAB) -> object:
    return parse_query(text, today=TODAY, vocabulary=vocabulary)


@pytest.mark.parametrize(
    ("text", "meaning", "said"),
    [
        (
            "please the Kosten per service in eu-west-1 for letzte Woche",
            "last week region=eu-west-1 by service",
            "Read `Kosten` as `costs`, `letzte` as `last`, `Woche` as `week`.",
        ),
        (
            "Glue: vorletzte Woche vs letzte Woche, danke",
            "2026-11-09..2026-11-15 vs 2026-11-16..2026-11-22 service=glue",
            "Read `vorletzte` as `before last`, `Woche` as `week`, `letzte` as `last`.",
        ),
        (
            "Gab es unusual days in the last 30 Tage?",
            "anomalies last 30 days",
            "Read `Tage` as `days`.",
        ),
        (
            "Why are the RDS Kosten since Anfang November so high?",
            "why since 2026-11-01 service=rds",
            "Read `Kosten` as `costs`, `Anfang` as `start of`.",
        ),
        # French and Spanish adjectives after their noun; elision
        (
            "pourquoi le coût d'EKS a augmenté la semaine dernière?",
            "why last week service=eks",
            "Read `pourquoi` as `why`, `coût` as `costs`, `augmenté` as `increased`, `semaine` as `week`, "
            "`dernière` as `last`.",
        ),
        (
            "le coût d'hier par service stp",
            "yesterday by service",
            "Read `coût` as `costs`, `d'hier` as `yesterday`, `par` as `per`.",
        ),
        # `hier` beside a word only French has is yesterday; `ce mois-ci` this month
        (
            "combien on a dépensé sur Lambda hier?",
            "yesterday service=lambda",
            "Read `combien` as `how`, `dépensé` as `spent`, `sur` as `on`, `hier` as `yesterday`.",
        ),
        (
            "le coût d'EKS ce mois-ci",
            "this month service=eks",
            "Read `coût` as `costs`, `ce` as `this`, `mois-ci` as `month`.",
        ),
        (
            "el costo de ec2 del mes pasado",
            "last month service=ec2",
            "Read `costo` as `costs`, `mes` as `month`, `pasado` as `last`.",
        ),
        (
            "cuánto costó lambda en octubre por región",
            "2026-10 service=lambda by region",
            "Read `cuánto` as `how`, `costó` as `cost`, `octubre` as `october`, `por` as `by`, `región` as `region`.",
        ),
    ],
)
def test_words_of_other_languages_read_as_english_and_said(text: str, meaning: str, said: str) -> None:
    q = parse(text)
    assert without_labels(q) == without_labels(parse(meaning))
    assert q.readings[0] == said  # type: ignore[attr-defined]


def test_a_stored_value_spelled_like_a_foreign_word_is_the_value() -> None:
    vocabulary = Vocabulary(
        services=dict(VOCAB.services),
        accounts={**VOCAB.accounts, "444455556666": "semana"},
        regions=VOCAB.regions,
        tag_keys=VOCAB.tag_keys,
        tag_values=VOCAB.tag_values,
    )
    q = parse("semana last month", vocabulary)
    assert without_labels(q) == without_labels(parse("last month account=444455556666", vocabulary))


def test_a_month_not_begun_asked_in_another_language_is_where_this_month_lands() -> None:
    q = parse("Prognose for Dezember?")
    assert without_labels(q) == without_labels(parse("forecast this month"))
    assert q.readings == (  # type: ignore[attr-defined]
        "Read `Prognose` as `forecast`, `Dezember` as `december`.",
        "December 2026 has not begun, and the bot forecasts only the month in progress: answered with where "
        "November lands.",
    )


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("qual foi o custo total de ontem? todas as contas", "yesterday"),
        (
            "custo de EC2 semana passada, us-east-1 vs us-west-2 por favor",
            "last week service=ec2 region=us-east-1,us-west-2 by region",
        ),
        ("pq o custo do staging subiu tanto essa semana??", "why this week account=staging"),
        ("teve algum dia estranho em outubro?", "anomalies 2026-10"),
        (
            "quanto gastamos com data transfer do dia 1 até hoje, por regiao",
            "2026-11-01..2026-11-27 service=data-transfer by region",
        ),
        ("gastos del día 3 al 10 de noviembre", "2026-11-03..2026-11-10"),
    ],
)
def test_portuguese_and_spanish_read_as_english(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))


def test_words_that_are_english_too_are_read_so_only_beside_others_of_the_language() -> None:
    from tests.billing.phrasings import parsed

    portuguese = parsed("top 10 instancias ec2 mais caras no staging mes passado", "/top-resources")
    assert portuguese == parsed("10 last month service=ec2 account=staging", "/top-resources")
    assert without_labels(parse("nov vs oct net of credits. no daily needed")) == without_labels(parse("2026-11"))
    english = parsed("largest resources with no team tag in october", "/top-resources")
    assert english == parsed("2026-10 tag:team=untagged", "/top-resources")


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        (
            "ciao! quanto abbiamo speso ieri in totale? con il black friday volevo vedere se il costo e salito",
            "yesterday",
        ),
        ("perche il costo di lambda è cresciuto la settimana scorsa?", "why last week service=lambda"),
        ("a fine mese quanto arriviamo? previsione per novembre, tutti gli account, tasse incluse", "forecast 2026-11"),
    ],
)
def test_italian_reads_as_english(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))


def test_eu_is_still_europe_beside_the_languages() -> None:
    assert without_labels(parse("eu costs last month")) == without_labels(parse("last month region=eu-west-1"))


def test_german_hier_is_here_and_french_plus_is_most_only_beside_french() -> None:
    german = parse("was kostet EC2 hier diese Woche")
    assert without_labels(german) == without_labels(parse("this week service=ec2"))
    assert "Ignored `hier`: not words of a cost question; the rest was read as asked." in german.readings  # type: ignore[attr-defined]
    assert without_labels(parse("ec2 plus rds last month")) == without_labels(parse("last month service=ec2,rds"))


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        # Czech
        ("kolik nás stálo EC2 minulý měsíc? jen production account", "last month service=ec2 account=production"),
        ("proc vzrostly naklady na RDS oproti minulemu mesici?", "why this month service=rds"),
        ("kolik stal Glue od zacatku roku, po mesicich", "ytd service=glue monthly"),
        # Romanian, the adjective after its noun
        ("cât am dat pe S3 luna trecută?", "last month service=s3"),
        ("care sunt cele mai scumpe servicii luna asta", "this month by service"),
        # Hungarian, with the endings and the words after the word they apply to
        ("mennyi volt a költség múlt hónap?", "last month"),
        ("EC2 költség regionként, okt", "2026-10 service=ec2 by region"),
        ("múlt hónap költség per service, tax nélkül", "last month service!=tax by service"),
        # Swahili, the adjective after its noun
        ("pesa ngapi tulitumia kwa S3 mwezi uliopita?", "last month service=s3"),
        ("Sasa team, gharama ya jana ni ngapi?", "yesterday"),
        # Urdu and Bangla in Latin letters
        ("EKS pe kitna kharcha hua is mahine", "this month service=eks"),
        ("gato mash e total khoroch koto?", "last month"),
    ],
)
def test_czech_romanian_hungarian_swahili_urdu_and_bangla_words(text: str, same_as: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(same_as))


def test_an_english_word_with_a_hungarian_looking_end_is_left_alone() -> None:
    # `more`, `often`, `region`: no stored value or dimension is left when an ending is cut
    assert without_labels(parse("ec2 more often in region us-east-1 last month")) == without_labels(
        parse("last month service=ec2 region=us-east-1")
    )


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("koľko sme minuli na AWS minulý mesiac? celkovo", "last month"),
        ("náklady podľa tímu za posledné 3 mesiace, prosím", "last 3 months by tag:team"),
        ("wah gwaan, mi need di total fi dis month so far", "this month"),
    ],
)
def test_slovak_and_jamaican_patois(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))


def test_portuguese_ano_beside_its_determiner_is_the_year_and_tagalog_ano_asks_what() -> None:
    assert without_labels(parse("quanto gastamos este ano")) == without_labels(parse("this year"))
    assert without_labels(parse("custo de EC2 no ano passado")) == without_labels(parse("2025 service=ec2"))
    assert without_labels(parse("ano ang cost ng EC2 kahapon")) == without_labels(parse("yesterday service=ec2"))


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("koliko smo potrosili na EC2 prošlog meseca?", "last month service=ec2"),
        ("troškovi po servisu za novembar do sad", "this month by service"),
        ("allo, c'est quoi le total du bill pour octobre? juste prod svp", "2026-10 account=production"),
        ("cuanto nos va a salir noviembre?", "forecast"),
    ],
)
def test_serbian_and_more_french_and_spanish(text: str, meaning: str) -> None:
    assert without_labels(parse(text)) == without_labels(parse(meaning))
