"""Japanese words that colleagues type around a cost question (`先月のコスト、サービス別でお願いします`,
`EKSのコスト、先月のregion別を教えてください`): read as the English words the grammar reads
(`grammar_foreign.translated` asks for them).

Japanese puts no spaces between words, so a run of Japanese is cut into the words listed here, longest first, with the
English, numbers and names typed inside it (`EKS`, `region`, `top5`) kept as they are; what is left between them in
hiragana is the language's particles and the endings of polite requests (`の`, `を`, `お願いします`, `教えてください`),
which ask for nothing the grammar reads. A word in kanji or katakana not listed here is kept as typed, so the grammar
names it.
"""

from __future__ import annotations

import re

from bot.billing.grammar_dates import MONTH_WORDS
from bot.billing.grammar_tokens import Kind, Token

#: Japanese words -> the English the grammar reads (the longest is tried first).
_WORDS: dict[str, str] = {
    "先々週": "2 weeks ago",
    "先月": "last month",
    "今月": "this month",
    "来月": "next month",
    "先週": "last week",
    "今週": "this week",
    "昨日": "yesterday",
    "今日": "today",
    "去年": "last year",
    "昨年": "last year",
    "今年": "this year",
    "直近": "last",
    "ヶ月": "months",
    "か月": "months",
    "カ月": "months",
    "コスト": "cost",
    "費用": "cost",
    "料金": "cost",
    "合計": "total",
    "サービス別": "by service",
    "アカウント別": "by account",
    "リージョン別": "by region",
    "チーム別": "by team",
    "プロジェクト別": "by project",
    "日別": "daily",
    "月別": "monthly",
    "週別": "weekly",
    "別": "by",
    "一番高い": "most expensive",
    "最も高い": "most expensive",
    "高い": "expensive",
    "推移": "trend",
    "比較": "compare",
    "比べて": "compare",
    "日": "day",
    "から": "to",  # `11月1日から今日まで`: from November 1 to today (`まで`, until, is a particle passed over)
    "どれ": "which",
    "理由": "why",
    "なぜ": "why",
    "予測": "forecast",
    "見込み": "forecast",
    "急に上がった": "increased",
    "上がった": "increased",
    "増えた": "increased",
    "除く": "excluding",
    "以外": "excluding",
    "データ転送": "data transfer",
    "いくら": "how much",
    "月": "monthly",  # (`月いくら`: how much a month; `10月` is October, read apart)
    # the endings of polite requests and wishes, written with kanji (`お願いします`, `教えてください`, `知りたいです`)
    **dict.fromkeys(
        ("お願いします", "お願い", "教えてください", "教えて", "知りたい", "見たい", "確認したい"), "please"
    ),
    **dict.fromkeys(("確認", "気になります", "気がします", "下さい", "頂けますか", "可能ですか"), "please"),
}
#: Words that follow what they apply to (`region別`: by region, `先月と比べて`: compared with last month).
POSTPOSED = frozenset({"別", "比べて", "比較", "除く", "以外"})
#: A month by its number (`10月`: October), with a day (`11月1日`: November 1).
_MONTH = re.compile(r"(\d{1,2})月(?:(\d{1,2})日)?")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]")
_HIRAGANA = re.compile(r"^[\u3040-\u309f\u3000-\u303f\uff01-\uff0f\uff1a-\uff20ー?!.,、。\s]+$")
_LONGEST = sorted(_WORDS, key=len, reverse=True)
#: Runs of what is no Japanese inside a Japanese run (`EKS`, `region`, `top5`, `12`).
_OTHER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:/-]*")


def japanese_words(tok: Token) -> list[tuple[Token, str | None]] | None:
    """A token holding Japanese cut into its words: each a token with the English it reads as (None for one kept as
    typed: English, a number, an unknown kanji or katakana word); None for a token with no Japanese. Hiragana left
    between the listed words (particles, the endings of requests) is passed over."""
    text = tok.text
    if not _JAPANESE.search(text):
        return None
    out: list[tuple[Token, str | None]] = []
    k, unknown = 0, ""

    def flush(at: int) -> None:
        nonlocal unknown
        if unknown and not _HIRAGANA.match(unknown):
            out.append((Token(Kind.WORD, unknown.strip("ー"), tok.position + at - len(unknown)), None))
        unknown = ""

    while k < len(text):
        month = _MONTH.match(text, k)
        if month is not None and 1 <= int(month[1]) <= 12:  # `10月`: October; `11月1日`: November 1
            flush(k)
            name = MONTH_WORDS[int(month[1])]
            out.append((Token(Kind.WORD, month[0], tok.position + k), f"{name} {month[2]}" if month[2] else name))
            k = month.end()
            continue
        other = _OTHER.match(text, k)
        if other is not None:
            flush(k)
            found = other[0]
            if text.startswith(("ヶ月", "か月", "カ月"), other.end()) and found.isdecimal():  # `3ヶ月`: 3 months
                out.append(
                    (Token(Kind.WORD, found + text[other.end() : other.end() + 2], tok.position + k), f"{found} months")
                )
                k = other.end() + 2
                continue
            out.append((Token(Kind.WORD, found, tok.position + k), None))
            k = other.end()
            continue
        word = next((w for w in _LONGEST if text.startswith(w, k)), None)  # (only where no month or English starts)
        if word is not None:
            flush(k)
            out.append((Token(Kind.WORD, word, tok.position + k), _WORDS[word]))
            k += len(word)
        else:
            unknown += text[k]
            k += 1
    flush(k)
    return out
