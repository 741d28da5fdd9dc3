"""Korean words that colleagues type around a cost question (`지난달 전체 AWS 비용 얼마 나왔는지 알 수
있을까요?`, `이번 달 data-lake 계정 Glue 비용이랑 지난달 비교해 주실 수 있나요?`): read as the English words the
grammar reads (`grammar_foreign.translated` asks for them).

Korean glues its particles to the word (`계정에서`: in the account, `비용이랑`: with the cost, `리전별로`: by
region), so a word is looked up whole, then without the particle it ends in; a few words follow what they apply to
(`tax 빼면`: without tax). Endings of polite requests (`볼 수 있을까요`, `알려주세요`, `부탁드려요`) and greetings ask
for nothing the grammar reads: they are passed over as `please` is. A Korean word not listed here is left as typed,
so the grammar names it.
"""

from __future__ import annotations

import re

from bot.billing.grammar_dates import MONTH_WORDS

#: Korean stems -> the English the grammar reads.
_WORDS: dict[str, str] = {
    # periods
    "지난달": "last month",
    "저번달": "last month",
    "이번달": "this month",
    "이번": "this",
    "지난": "last",
    "달": "month",
    "월": "month",
    "주": "week",
    "지난주": "last week",
    "저번주": "last week",
    "이번주": "this week",
    "어제": "yesterday",
    "오늘": "today",
    "작년": "last year",
    "올해": "this year",
    "최근": "last",
    "개월": "months",
    "월별": "monthly",
    "일별": "daily",
    "주별": "weekly",
    "매일": "daily",
    "블프": "black friday",
    "블랙프라이데이": "black friday",
    # what is asked
    "비용": "cost",
    "전체": "total",
    "총": "total",
    "얼마": "how much",
    "얼마나": "how much",
    "얼마인가요": "how much",
    "왜": "why",
    "제일": "most",
    "가장": "most",
    "비싼": "expensive",
    "비싼거": "most expensive",
    "비교": "compare",
    "비교해": "compare",
    "비교해서": "compare",
    "비교해주세요": "compare",
    "예측": "forecast",
    "추세": "trend",
    "빼면": "excluding",
    "제외": "excluding",
    "제외하고": "excluding",
    "포함": "including",
    "포함해서": "including",
    "올랐나요": "increased",
    "오른": "increased",
    "늘었나요": "increased",
    # what it is broken down by
    "계정": "account",
    "리전": "region",
    "서비스": "service",
    "팀": "team",
    "태그": "tag",
    "프로젝트": "project",
    "별": "by",
    "중에": "please",
    "개": "please",  # a counter (`EC2 instance 5개`: five of them)
}
#: What asks for nothing: greetings, thanks, the endings of polite requests, fillers.
_PASSED = frozenset(
    {"안녕하세요", "감사합니다", "고맙습니다", "혹시", "부탁드려요", "부탁드립니다", "좀", "수", "있을까요", "있나요"}
    | {"볼", "알", "보여주세요", "알려주세요", "봐주세요", "나왔나요", "나왔는지", "확인", "가능할까요", "궁금합니다"}
    | {"궁금해서요", "주실", "뭔지", "그런지", "것", "같은데요", "같아요", "그리고", "아", "갑자기", "많이", "특히"}
    | {"기준으로요", "기준", "어떤지", "때", "나눠서", "그런건지", "이었던", "준비때문에", "실시간으로", "테이블"}
)
#: Particles glued to a word's end, longest first (`에서`: in, `이랑`: and, `별로`: by each, `은`/`는`: as for).
_PARTICLES: tuple[str, ...] = (
    "에서는",
    "에서",
    "으로",
    "이랑",
    "별로",
    "까지",
    "부터",
    "에는",
    "랑",
    "에",
    "을",
    "를",
    "이",
    "가",
)
_PARTICLES += ("은", "는", "와", "과", "의", "로", "도", "만", "요")
#: Particles that join a word to the next (`이랑`, `랑`, `와`, `과`: and, with).
_AND = frozenset({"이랑", "랑", "와", "과"})
#: Words that follow what they apply to (`tax 빼면`: excluding tax).
_POSTPOSED = frozenset({"빼면", "제외", "제외하고", "포함", "포함해서", "비교", "비교해", "비교해서", "비교해주세요"})
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
#: A month by its number (`11월`: November; a particle may follow, `11월에`).
_MONTH = re.compile(r"^(\d{1,2})월(?:에|의|부터|까지)?$")
#: A count glued to its Korean unit (`3개월`: 3 months).
_COUNTED = re.compile(r"^(\d+)([\uac00-\ud7a3]+)$")


def korean_word(word: str) -> str | None:
    """The English the grammar reads for a Korean word (`계정에서`: `account`, `리전별로`: `by region`, `3개월`: `3
    months`), `please` for a word that asks nothing, None for a word with no Hangul or none listed."""
    if not _HANGUL.search(word):
        return None
    month = _MONTH.match(word)
    if month is not None and 1 <= int(month[1]) <= 12:  # `11월`: November
        return MONTH_WORDS[int(month[1])]
    counted = _COUNTED.match(word)
    if counted is not None:  # (`5개`: five of them, the count alone)
        unit = korean_word(counted[2])
        return None if unit is None else counted[1] if unit == "please" else f"{counted[1]} {unit}"
    for each in ("별로", "별"):  # `리전별로`, `팀별`: by region, by team (`project 태그별로`: the key named before)
        if word.endswith(each) and word[: -len(each)] == "태그":
            return "please"
        if word.endswith(each) and word[: -len(each)] in _WORDS:
            return f"by {_WORDS[word[: -len(each)]]}"
    for stem in (word, *(word[: -len(p)] for p in _PARTICLES if word.endswith(p) and len(word) > len(p))):
        if stem in _PASSED:
            return "please"
        if stem in _WORDS:
            joined = stem != word and word[len(stem) :] in _AND  # `비용이랑 지난달 비교`: the cost and last month
            return f"{_WORDS[stem]} and" if joined else _WORDS[stem]
    return None


def after_its_word(word: str) -> bool:
    """Whether a Korean word follows what it applies to (`tax 빼면`: without tax), as English puts it before."""
    return word in _POSTPOSED
