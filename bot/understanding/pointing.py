"""Words that point at a member already named, rather than name a new one: "the twins", 「あとの2人」,
"the 10-year-old", 「赤ちゃんは」, "his brother", he/she, 「妹は持っていません」 (the verb said again of another).

Why apart: the extractor (understand.py) decides who each clause is about; these are the words it asks.
They are data-like patterns, kept out of the control flow so it stays readable.
"""

from __future__ import annotations

import re

from bot.understanding.people import Segment

# Adult relations by sex, for he/she said after a couple (「私と夫… He has …」).
MALE_ADULTS = {"husband", "father", "grandfather", "father_in_law"}
FEMALE_ADULTS = {"wife", "mother", "grandmother", "mother_in_law"}


# "… at the same school", 「同じ保育園に通っています」: the place of the other child named in the message.
SAME_PLACE = re.compile(r"\bthe same (?:(?P<daycare>day[- ]?care|nursery|hoikuen)|(?:elementary |primary |junior high |"
                        r"middle )?school)\b|同じ(?:(?P<daycare2>保育園|保育所|園)|(?:小学校|中学校|学校))")


# "none of us", 「家族は誰も」: every member of the household, adults and children.
EVERYONE = re.compile(r"\b(?:none|neither|all|each) of us\b|\bnobody in (?:the|our|my) (?:family|household)\b|"
                      r"\bno one in (?:the|our|my) (?:family|household)\b|家族(?:は|の)?(?:誰も|だれも|全員|みんな)|"
                      r"うちは(?:誰も|だれも)")


# 「来月で3歳」「来月で11か月」 "turns 4 next month": a birthday to come, said of a child already named.
SOON_WORD = re.compile(r"来月|来週|もうすぐ|今度|今月末|next month|next week|\bsoon\b|\bturns\b|\bturning\b")


THEY_ARE = re.compile(r"\s*(?:and\s+)?(?:they're|they are|they both are|both are)\b")


# 「あとの2人は」 "the other two": every child but the one just named.
OTHERS = re.compile(r"(?:あと|残り|ほか|他)の(?:2|二|ふた|3|三)人|\bthe other (?:two|2|three|3|ones)\b")


# 「上の2人は区立」 "the two older ones …": two of three or more children, by age.
TWO_OF = re.compile(r"(?P<older>上の(?:2|二)人|上2人|\bthe (?:two|2) older\b|\bthe older (?:two|2)\b|"
                    r"\bmy (?:two|2) older\b)|下の(?:2|二)人|下2人|\bthe (?:two|2) younger\b|"
                    r"\bthe younger (?:two|2)\b|\bmy (?:two|2) younger\b")


# "the twins", 「双子は」: the children born together, not every child.
THE_TWINS = re.compile(r"\bthe (?:twins|triplets)\b|(?:双子|三つ子)(?:は|が|も)")
# "Both boys.", 「2人とも男の子です」: the sex of every child just named.
BOTH_SEX = re.compile(r"^\s*(?:they(?:'re| are) )?(?:both|all)(?: of them)?(?: are)? (?P<en>boys|girls)\b|"
                      r"^\s*(?:2|二|ふた|3|三)人とも(?P<ja>男の子|女の子)")


# "the baby", 「赤ちゃんは」: the one child under two, when there is one.
THE_BABY = re.compile(r"\b(?:the|our|my) (?:baby|infant)\b|赤ちゃん(?:は|が|も|の)")


# 「1人は」「片方は」 "one of them is": one of the twins; then 「もう1人は」 "his brother" "the other one": the other.
ONE_TWIN = re.compile(r"^\s*(?:(?:1|一|ひと)人(?:目)?|片方|片一方)(?:は|が)|"
                      r"^\s*(?:and\s+)?one (?:of them |twin )?(?:is|has|goes|attends|uses|needs)\b")
THEIR = re.compile(r"\btheir\b|\bboth\b|(?:2|二|ふた)人とも|同じ")
OTHER_TWIN = re.compile(r"\b(?:his|her) (?:twin )?(?:brother|sister)\b|\bthe other(?: one| twin| boy| girl)?\b|"
                        r"もう(?:1|一|ひと)人|もう片方|もう一方")


# "… and her big sister is 4": the child named before is the one whose sibling this is.
SIBLING_OF = re.compile(r"\b(his|her) (?:big |little |older |younger |baby |twin )?(?:brother|sister)\b")


# "The 10-year-old has …", 「5歳の子は…」「8歳のほうは」: an age used to point at a child already named.
BACK = re.compile(r"\bthe (?:\d{1,2}[- ]?(?:years?|yrs?|months?)[- ]?olds?|one (?:who is|aged?) \d|"
                  r"(?:kid|child|boy|girl) (?:who is |aged? )\d)|"
                  r"\d{1,2}\s*(?:歳|才|か月)(?:の)?(?:子|ほう|方)(?:は|も|が|の方)|"
                  r"(?:(?:小|中|高)\s*\d\s*(?:年生?)?|\d\s*年生|年(?:少|中|長)(?:さん)?)の(?:子|ほう|方)(?:は|も|が)|"
                  r"\bthe (?:\d(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth)[- ]grader\b")  # 「4年生の子は」


# 「9歳の息子と6歳の娘は区立小学校」: what follows the last member of a 「と」 list, after は/も/が, is
# said of every member of the list; a fact before the noun (「区立小学校に通う6歳の娘」) is not.
TOPIC = re.compile(r"^(?:[(（][^)）]{0,10}[)）])?(?:さん|ちゃん|くん|君)?(?:は|も|が|とも)")  # 「弟(中1)は」 too


# "… aged 3 and 5, are at a nursery in another ward": a predicate whose subject is the list just named.
PLURAL_PREDICATE = re.compile(r"\s*(?:(?:are|were|both|they|they're|all|go|attend|don't|do not|have|neither)\b|"
                              r"(?:は|も|が)(?:どちらも|2人とも|ふたりとも|とも)?)")


# 「姉は手帳を持っていて、妹は持っていません」 "my son has one and my daughter doesn't": the verb said again
# (or denied) of another member, its object left out.
ELIDED_YES = re.compile(r"(?:は|も)\s*(?:持って|通って|使って|受けて|利用して)(?:い)?(?:ます|る)|"
                        r"\b(?:does|is|has) (?:too|as well)\b|\b(?:so|too) does\b|\b(?:does|is|has)\s*[.!]?\s*$")
ELIDED_NO = re.compile(r"(?:は|も)\s*(?:持って|通って|使って|受けて|利用して)(?:い)?(?:ません|ない)|(?:は|も)違います|"
                       r"(?:は|も)(?:特に|とくに)?(?:なし|ない|ありません)(?:です)?\s*[。.]?\s*$|"
                       r"\b(?:doesn't|does not|isn't|is not|hasn't|has not)(?: one)?\s*[.!]?\s*$")


def elided(seg: Segment, before: list[tuple[str, str, object]]) -> list[tuple[str, str, object]]:
    """The yes/no facts said last, said (or denied) of the member this segment names: the verb's own
    polarity decides ("No, but my younger one does" after a no is a yes)."""
    said = {(scope, field) for scope, field, value in before if isinstance(value, bool)}
    if not said or len(said) != len(before):
        return []
    if ELIDED_NO.search(seg.text):
        return [(scope, field, False) for scope, field in said]
    return [(scope, field, True) for scope, field in said] if ELIDED_YES.search(seg.text) else []


# "Ken (12)", 「ゆうとくん（3）」: a child's given name, said with its age, that later names the child.
GIVEN_NAME = re.compile(r"\b([a-z]{2,12})\s*\(\d{1,2}\)|(?:^|[、,の\s])([\u3040-\u30ff]{2,4})(?:ちゃん|くん)[（(]?\d")


def given_name(text: str) -> str | None:
    """The given name a segment says with an age, if any."""
    m = GIVEN_NAME.search(text)
    return (m.group(1) or m.group(2)) if m else None


def called(text: str, names: dict[str, int]) -> int | None:
    """The child a segment names at its start by a given name said before ("Mai has …", 「はなちゃんは…」)."""
    start = re.sub(r"^\s*(?:and\s+)?", "", text)
    return next((i for name, i in names.items() if re.match(rf"{re.escape(name)}(?:\b|ちゃん|くん)", start)), None)


# 「…がいる場合は？」 "what if my mother is over 75?": a member supposed, not one of the family.
IF = re.compile(r"場合|なら(?:ば)?[、,?？]?|としたら|\bif\b|\bwhat about\b")
