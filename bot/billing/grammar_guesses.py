"""Context typed after the question, no part of what is asked: a guess at the cause (`how much did we burn in syd
last week? reckon EKS went a bit mental`, `why'd syd jump?? data transfer or something else`, `biggest s3 buckets, i
suspect old logs nobody reads`, `lambda per day since monday, think the api retries are going mad`, `was it glue?`)
and what the person is after (`? trying to size cross-region replication`, `, want to see if the DR test in oct even
shows up`); and values listed as candidates in the question itself, which ask which of them (`is it mostly ec2 or
cloudfront or something else`). Read before the loop (`grammar_prepass.PrepassReader.read_guesses`,
`without_purpose`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.billing.grammar_tokens import Kind, Token
from bot.billing.grammar_unplaced import clause_span
from bot.billing.grammar_words import ANOMALY_WORDS, FILLERS, WHY_WORDS
from bot.billing.vocabulary import Vocabulary

#: Words that open a guess at the cause (`reckon EKS went mental`, `i suspect old logs`, `pretty sure it's s3`).
_GUESSES = frozenset(
    {"reckon", "suspect", "guess", "bet", "probably", "prob", "presumably", "hunch", "assuming", "assume", "think"}
    | {"said", "says", "say", "heard"}  # what someone said (`someone said our ETL jobs doubled`, `i heard ...`)
)
#: Words of what someone said (a guess only after who said it).
_HEARSAY = frozenset({"said", "says", "say", "heard"})


#: Questions that guess at a value (`was it glue?`); without one they ask something of their own (`is it normal?`).
_ASKED_GUESSES = (["was", "it"], ["is", "it"], ["could", "it"])


#: Who guesses, before the guess (`i suspect`, `I'm pretty sure`, `we reckon`).
_SPEAKERS = frozenset(
    {"i", "we", "my", "i'd", "'d", "i'm", "im", "i’m", "we're", "were"} | {"someone", "somebody", "they", "he", "she"}
)
#: Words a guess's clause may open or close at (`reckon`, `i think`, `was it`, `or something else`).
_MARKERS = _GUESSES | _SPEAKERS | {"pretty", "must", "should", "was", "is", "could", "or", "something", "wondering"}
#: Words that open a guess only with what follows (`wondering if someone's pulling from s3 again`).
_GUESS_PAIRS = (["pretty", "sure"], ["must", "be"], ["should", "be"], ["wondering", "if"], ["wondering", "whether"])


def _opens_a_guess(words: list[str]) -> bool:
    """Whether a clause's words open with a guess (`reckon ...`, `i suspect ...`, `pretty sure ...`, `was it glue?`);
    what was said only after who said it (`someone said ...`; `Cost Explorer says $400 but you said $380` is a check
    of a figure, `grammar_reconcile`)."""
    head = [w for w in words[:3] if w not in _SPEAKERS]
    if head and head[0] in _HEARSAY and (not words or words[0] not in _SPEAKERS):
        return False
    return bool(head) and (head[0] in _GUESSES or head[:2] in (*_GUESS_PAIRS, *_ASKED_GUESSES))


def _candidates_only(words: list[str], vocabulary: Vocabulary) -> bool:
    """Whether a clause is only stored values joined by `or` (`glue or s3`, `ec2 or rds or lambda`)."""
    values, joins = words[::2], words[1::2]
    return (
        len(values) >= 2
        and len(words) % 2 == 1
        and all(w.casefold() == "or" for w in joins)
        and all(vocabulary.meanings(w) for w in values)
    )


def _ends_a_guess(words: list[str]) -> bool:
    """Whether a clause ends in `or something (else)` or `i guess` (`mostly glue i guess`): what comes before it
    is a guess."""
    return words[-2:] in (["or", "something"], ["i", "guess"], ["i", "think"], ["i", "reckon"], ["i", "suspect"]) or (
        words[-3:] == ["or", "something", "else"]
    )


#: Words closing a list of values that asks which of them (`ec2 or cloudfront or something else`, `or what`).
_OR_ELSE = (["or", "something", "else"], ["or", "something"], ["or", "what"], ["or", "sth", "else"], ["or", "other"])
#: Words closing even one value so (`all on prod or spread out?`: the value or the others too).
_OR_SPREAD = (["or", "spread", "out"], ["or", "spread", "across"], ["or", "spread"], ["or", "split"])


def values_or_else(tokens: list[Token], vocabulary: Vocabulary) -> tuple[list[Token], tuple[str, list[str]] | None]:
    """`mostly hitting ec2 or cloudfront or something else?`, `all on prod or spread out?`: values listed as
    candidates, closed by words that ask which of them: `tokens` without the closing words, and what was typed with
    the candidates' words (`grammar_rows.RowsReader.candidates_as_rows` shows them among the others); `tokens` as
    they are, and None, when no such list is typed."""
    words = [t.lower for t in tokens]
    for j in range(len(words)):
        close = next((c for c in (*_OR_SPREAD, *_OR_ELSE) if words[j : j + len(c)] == c), None)
        if close is None:
            continue
        k = j
        while k > 0 and (
            words[k - 1] == "or" or tokens[k - 1].kind is Kind.COMMA or vocabulary.meanings(tokens[k - 1].text)
        ):
            k -= 1
        while k < j and (words[k] == "or" or tokens[k].kind is Kind.COMMA):
            k += 1  # (the list starts at its first value)
        values = [t.lower for t in tokens[k:j] if t.kind is Kind.WORD and t.lower != "or"]
        if not values or ("or" not in words[k:j] and close not in _OR_SPREAD):
            return tokens, None  # (`ec2 or something else`: one value guessed at, `read_past_guess`)
        typed = " ".join(t.text for t in tokens[k : j + len(close)])
        return [*tokens[:j], *tokens[j + len(close) :]], (typed, values)
    return tokens, None


def read_past_guess(
    tokens: list[Token],
    text: str,
    vocabulary: Vocabulary,
    reads: Callable[[str], bool],
    time_at: Callable[[list[Token], int], bool],
) -> tuple[list[Token], str | None]:
    """`tokens` without a clause after the question that guesses at the cause, and the reading that says so; a
    value the guess names is shown beside the others (`by service`) unless the question asks why (whose answer
    names the cause anyway). A guess that opens the message (`i think i left an ec2 instance running in staging`),
    or one holding days after a question that names none (`i think it started on the 12th`), is the question:
    `tokens` as they are, and None.
    `reads(word)`: whether the grammar reads the word; `time_at(tokens, k)`: whether a time phrase starts at `k`."""
    for j, tok in enumerate(tokens):
        if tok.lower not in _MARKERS:
            continue  # (most words open and close no guess: their clause is not looked for)
        start, end = clause_span(text, tok.position)
        if j > 0 and tokens[j - 1].kind is Kind.COMMA:  # `biggest s3 buckets, i suspect old logs`
            start = tok.position
        commas = [t.position for t in tokens[:j] if t.kind is Kind.COMMA and start <= t.position]
        pair = [tok.lower, tokens[j + 1].lower] if j + 1 < len(tokens) else [tok.lower]
        if commas and _ends_a_guess(pair):
            start = commas[-1] + 1  # `month by month last 6 months, mostly glue i guess`: the part after the comma
        clause = [k for k, t in enumerate(tokens) if start <= t.position < end and t.kind is not Kind.COMMA]
        words = [tokens[k].lower for k in clause]
        opens = clause and clause[0] == j and _opens_a_guess(words)
        # `why'd data-lake jump on the 18th? glue or s3?`: a clause of values offered as candidates, after the question
        offered = tok.lower == "or" and _candidates_only([tokens[k].text for k in clause], vocabulary)
        if not (opens or offered or (clause and clause[-1] in (j, j + 1) and _ends_a_guess(words))):
            continue
        before = [t for t in tokens if t.position < start]
        if not any(reads(t.text) and t.lower not in FILLERS for t in before):
            return tokens, None  # the guess is the question
        supposed = words[0] in ("assuming", "assume")  # `assuming the backfill that kicked off ~Nov 18 keeps running`
        dated = any(time_at(tokens, k) for k, t in enumerate(tokens) if t.position < start)
        if not supposed and not dated and any(time_at(tokens, k) for k in clause):
            # `i think it started on the 12th`: days the question needs (after `since the 9th`, a guess at when)
            return tokens, None
        named = [m.dimension for k in clause for m in vocabulary.meanings(tokens[k].text)[:1]]
        because = words[2:3] == ["because"]  # `is it because black friday traffic?`: a guess at the cause
        if opens and words[:2] in _ASKED_GUESSES and not named and not because:
            continue  # `is it normal?`: a question of its own, no guess at a value
        typed = " ".join(text[start:end].split()).strip(" ,;:.?!")  # as typed (`someone's`)
        kept = [t for k, t in enumerate(tokens) if k not in clause]
        # a why, or unusual days (each judged service by service), names the cause anyway
        asks_why = any(t.lower in WHY_WORDS or t.lower.startswith("why") or t.lower in ANOMALY_WORDS for t in kept)
        asked = {t.lower for t in kept}  # `cloudfront nov vs nov? ... go thru cloudfront i think`: asked already
        again = any(tokens[k].lower in asked for k in clause if vocabulary.meanings(tokens[k].text))
        expected = "should" in words[:3]  # `should be zero, the data lake only lives in us-east-1`: no cause
        shown = dict.fromkeys(named) if not (asks_why or again or expected) else {}
        for ref in shown:
            label = ref.kind.value if ref.tag_key is None else vocabulary.tag_label(ref.tag_key)
            kept += [Token(Kind.WORD, "by", end), Token(Kind.WORD, label, end)]
        beside = f"; shown beside the rest by {', '.join(r.kind.value for r in shown)}" if shown else ""
        what = "what you expect" if expected else "your guess"
        return kept, f"Read `{typed}` as {what}, not part of the question{beside}."
    return tokens, None


#: What the person is after, opening a clause after the question (`? trying to size cross-region replication`, `,
#: want to see if the DR test in oct even shows up`, `- im trying to figure out ...`, `, we're looking at moving the
#: search cluster over`, `so I can charge it back`).
_PURPOSE = re.compile(
    r"((?:([,;]|\s[-–—])|[.?!])\s*|\s(?=so\s))(?:i\s+|i'?m\s+|am\s+|we'?re\s+|we\s+are\s+|just\s+)?"
    r"(?:trying to|want to see if|wanna see if|so\s+(?:that\s+)?(?:i|we)\s+can|(?:want|wanna|need) to (?:say|tell)"
    r"|looking (?:at|into) (?=\w+ing\b)|planning (?:to|on)|thinking (?:of|about)|considering"
    # `need to bill my hours to the client and justify the infra`: what the answer is for
    r"|needs? to (?:bill|allocate|justify|charge|explain|present|report|plan|decide|size|budget|pitch|defend)\b"
    # `— don't want the SP fee on the 1st skewing the run rate`: a worry about the answer, no filter
    r"|(?:i\s+|we\s+)?don'?t want\b(?=[^.?!]{0,60}\b(?:skew|mess|inflat|distort|doubl)))\b",
    re.IGNORECASE,
)


#: A reason given for the question, after it (`only the production account because staging is shared`, `leave out tax
#: because finance handles that separately`): `because` opening a clause (`because of black friday`, `is it because
#: ...`, `maybe because ...` guess at the cause, read as guesses).
_REASON = re.compile(
    r"(?<!\bit)(?<!\bbe)(?<!\bmaybe)(?<!\bprobably)(?<!\bperhaps)\s(because|bc|coz|cuz|cos|'cause)\s(?!of\b)",
    re.IGNORECASE,
)
#: Where a reason's clause stops before the end of its sentence: another ask joined on (`... and also only glue`).
_REASON_END = re.compile(r"\s(?:and also|also|and then|oh and|plus|but)\s", re.IGNORECASE)


def without_reason(tokens: list[Token], text: str) -> tuple[list[Token], list[str]]:
    """`tokens` without a reason given for the question (`can i get the costs by team for this quarter but only for the
    production account because staging is shared and we dont charge that back`): context, whose values and days are no
    part of the question; and the readings that say so. The reason runs to the end of its clause, or to another ask
    joined on (`and also`)."""
    readings: list[str] = []
    for found in _REASON.finditer(text):
        start = found.start(1)
        end = clause_span(text, start, commas=True)[1]
        more = _REASON_END.search(text, found.end(), end)
        end = more.start() if more is not None else end
        inside = [t for t in tokens if start <= t.position < end]
        if not inside or not any(t.position < start for t in tokens):
            continue
        readings.append(f"Read `{text[start:end].strip()}` as your reason, not part of the question.")
        tokens = [t for t in tokens if not start <= t.position < end]
    return tokens, readings


def only_purpose(sentence: str) -> bool:
    """Whether a sentence says only what the person is after (`trying to normalize our run-rate`): it asks
    nothing on its own."""
    return _PURPOSE.match(f". {sentence.strip()}") is not None


def without_purpose(tokens: list[Token], text: str) -> tuple[list[Token], list[str]]:
    """`tokens` without the clauses after the question that say what the person is after (`weekly us-west-2 since
    start of sept, want to see if the DR test in oct even shows up`): context, whose values and days are no part of
    the question; and the readings that say so. A clause with nothing before it is the question."""
    readings: list[str] = []
    for found in _PURPOSE.finditer(text):
        start = found.end(1)
        end = clause_span(text, found.end(), commas=found[2] is not None)[1]  # after a comma, to the next one
        if not any(start <= t.position < end for t in tokens) or not any(t.position < start for t in tokens):
            continue
        readings.append(f"Read `{text[start:end].strip()}` as what you are after, not part of the question.")
        tokens = [t for t in tokens if not start <= t.position < end]
    return tokens, readings
