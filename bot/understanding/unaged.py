"""Children a message names without any age (「子ども3人… 上は小学生」, 「兄は中学生、弟は小学生」,
"a little brother too").

Why: the Household cannot hold a child without an age, so such children would be lost silently;
the dialogue keeps their number and asks their ages once. Two readings, the larger wins so that a
child is never counted twice: the count the message states (「子どもが3人」 "two sons", 双子 = 2)
less the children known after it, and the child nouns that never became anybody with an age.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.understanding.consistency import COUNT, COUNT_WORDS, stated_child_count
from bot.understanding.words import ALL_CHILDREN as ALL
from bot.understanding.words import CHILD_NOUNS, HYPOTHETICAL

# Nouns naming several children at once, or nobody in particular: they say no number.
PLURAL = re.compile(r"子ども(?:たち|達|ら)|子供(?:たち|達|ら)|こどもたち|兄弟|姉妹|きょうだい|双子|三つ子|3つ子|孫たち|"
                    r"\b(?:kids|children|sons|daughters|boys|girls|twins|triplets|siblings|grandchildren)\b")
# 「もう1人」「息子もいます」 "another son", "a little sister too": a child besides the ones already known
# (a plain "also"/"too" is not enough: "my daughter also has asthma" names the known daughter).
ANOTHER = re.compile(r"もう(?:1|ひと)人|ほかに|他に|(?:息子|娘|子|兄|弟|姉|妹|ちゃん|さん)もい|"
                     r"\banother\b|\bone more\b|"
                     r"\ban? (?:[a-z-]+ )?(?:son|daughter|boy|girl|brother|sister|baby|child|kid)\b.*"
                     r"\b(?:too|as well)\b")
# A plain child noun (子ども, child, baby) names a child when it says one is there: 「子どもがいます」 "I have a kid".
THERE_IS = re.compile(r"(?:子ども|子供|こども|子|赤ちゃん|孫)(?:さん|ちゃん)?(?:が|も)?\s*(?:1人|ひとり)?\s*"
                      r"(?:い|お)(?:ます|る|て|り)|"
                      r"\b(?:have|has|had|with|raising|there's|there is) (?:a|an|one|my|our)\b")
# 「中学生と小学生」 "a middle schooler": a child named by the stage of school, without a year or age.
STAGE = re.compile(r"小学生|中学生|高校生|大学生|未就学児|園児|\b(?:middle|high|elementary|primary) schooler\b")
_GENERIC = re.compile(r"子ども|子供|こども|お子さん|子|\bchild\b|\bkids?\b")  # not 赤ちゃん, toddler, baby
OLDER_OR_YOUNGER = re.compile(r"(?<![\w])[上下](?=が|は)|一番上|一番下|上の子|下の子|真ん中|末っ子|"
                              r"eldest|oldest|youngest|older|younger|middle")
# 「娘が2人」「息子2人」 "two sons": children of one kind counted.
KIND_COUNT = re.compile(rf"(?:息子|娘|男の子|女の子|孫|小学生|中学生|高校生|未就学児|幼児|乳児|赤ちゃん)(?:さん)?"
                        rf"(?:が|は|も)?\s*{COUNT}\s*人|"
                        rf"{COUNT}\s*人の(?:息子|娘|男の子|女の子|孫)|"
                        rf"\b{COUNT}\s+(?:little |young |small )?(?:sons|daughters|boys|girls|grandchildren)\b")
BORN_TOGETHER = [(re.compile(r"三つ子|3つ子|triplets"), 3), (re.compile(r"双子|twins"), 2)]
_CHILD_NOUN = re.compile(CHILD_NOUNS)


@dataclass(frozen=True)
class Mention:
    """A child named by a noun without an age (「弟」 "my daughter"); `sex` as the noun says it."""

    sex: str | None


def names_several(text: str) -> bool:
    """「子どもは2人とも」「娘が2人」 "my kids", "two sons": the words name more than one child."""
    return bool(PLURAL.search(text) or KIND_COUNT.search(text) or ALL.search(text)) \
        or (stated_child_count(text) or 0) > 1


def mention(text: str, sex: str | None, known_children: bool) -> Mention | None:
    """The child a segment names without an age, or None when it names several, nobody new, or a
    child who may be one already known (「娘は私立」 with children known: not counted unless 「もう1人」)."""
    noun = _CHILD_NOUN.search(text) or OLDER_OR_YOUNGER.search(text) or STAGE.search(text)  # 「上は高校生」
    if noun is None or PLURAL.search(text) or ALL.search(text) or _UNBORN.search(text) or _HAVING_A_BABY.search(text) \
            or KIND_COUNT.search(text) or stated_child_count(text) is not None:
        return None  # several, counted (「娘が2人」): the count speaks for them
    if known_children and not ANOTHER.search(text):
        return None
    if sex is None and _GENERIC.fullmatch(noun.group(0)) and not OLDER_OR_YOUNGER.search(text) \
            and not THERE_IS.search(text) and not STAGE.search(text):
        return None  # 「子どもが増えた」 "childcare for a kid": a plain child noun names someone only when it says so
    return Mention(sex)


def take(pending: list[Mention], sex: str | None) -> Mention | None:
    """The first child named earlier that a child now given an age can be (its sex does not differ)."""
    for i, m in enumerate(pending):
        if m.sex is None or sex is None or m.sex == sex:
            return pending.pop(i)
    return None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else COUNT_WORDS.get(word, 0)


def stated_count(text: str) -> int | None:
    """How many children the text counts: the total (「子どもが3人」), else the kinds counted added up
    (「息子が2人と娘が1人」 "two sons"), else children born together (双子 = 2); None when it gives no number."""
    if (total := stated_child_count(text)) is not None:
        return total
    kinds = [_count(next(g for g in m.groups() if g)) for m in KIND_COUNT.finditer(text)]
    if kinds:
        return sum(kinds)
    return next((n for pattern, n in BORN_TOGETHER if pattern.search(text)), None)


_HAVING_A_BABY = re.compile(r"(?:having|have) (?:a|another|our \w+) baby (?:in|this|next|soon|due)|baby on the way")
_UNBORN = re.compile(r"妊娠|出産予定|生まれる予定|お腹|おなか|expecting|pregnant|\bdue\b")  # twins not born yet
_CLAUSE = re.compile(r"[。．!！?？\n、,;]|\.(?=\s|$)")


def unaged_children(text: str, children_after: int, pending: list[Mention]) -> int:
    """Children named without an age: the count stated less the children known after the message, or
    the nouns left without an age, whichever is larger (each child counted once). Counts in a
    question (「双子向けの支援は？」) are not the household's."""
    stated = stated_count("、".join(c for c in _CLAUSE.split(text)
                                   if not HYPOTHETICAL.search(c) and not _UNBORN.search(c)))
    by_count = max(stated - children_after, 0) if stated is not None else 0
    return max(by_count, len(pending))
