"""Short answers to the question just asked (「はい」「区内です」「3歳」「わからない」)."""

from __future__ import annotations

import re
from typing import Any

from bot.understanding import people, words
from bot.understanding.model import Expecting
from knowledge.household import Household

BOOLEAN_FIELDS = {"pregnant", "education_loan", "disability_certificate", "chronic_disease", "developmental_concern",
                  "uses_disability_services", "special_needs_class", "school_refusal", "severe_disability",
                  "memory_concern", "nutrition_concern"}
CHOICES: dict[str, list[tuple[re.Pattern[str], object]]] = {
    "daycare": [(re.compile(r"区外|outside|another ward|other ward|\bin (?!chiyoda|the ward|our ward)[a-z]+|"
                            r"[a-z]+-ku\b|(?:隣|他|別|よそ|ほか)の区|他区|"
                            r"(?:^|[\s、。はがもをにのでと])(?!千代田)[^\s、。はがもをにのでと]{1,3}区(?!内|立|の(?:認可|認証))|"
                            r"\b(?!(?:chiyoda|the|our|this|my|a|same|local)\b)[a-z]+ (?:ward|city)\b"), "other"),
                (re.compile(r"区内|千代田|in the ward|chiyoda|\bward\b"), "ward"),
                (re.compile(r"(行って|通って|入って|預けて)(い)?(な|ません)|いいえ|ない|まだ|家で|自宅|no\b|not\b|n't\b|"
                            r"at home|stays? home"), "none")],
    "school": [(re.compile(r"未就学|入学前|まだです|まだ(?:小学校|学校)|not (?:at|in) school yet|not yet|"
                           r"doesn't go to school yet|too young"), "none"),
               (re.compile(r"九段|kudan"), "kudan"),
               (re.compile(r"区立|ward|(?<!都)公立(?!の?高)|\bpublic\b(?! high)|local school"), "ward"),
               (re.compile(r"私立|都立|国立|その他|それ以外|other|private"), "other")],
    "sex": [(re.compile(r"女|娘|girl|daughter"), "female"), (re.compile(r"男|息子|boy|\bson\b"), "male")],
    "moving": [(re.compile(r"親|実家|parent"), "near_parents"), (re.compile(r"広い|大き|larger|bigger"), "larger_home"),
               (re.compile(r"ない|予定はない|ありません|しません|いいえ|特に|no\b|not\b|staying"), "none")],
    # a no first: 「どちらもしていない」 "no, we're both employees" are no business, not both kinds
    "business": [(re.compile(r"していない|してません|やってな|やっていな|やってません|ない|いいえ|"
                            r"会社員|勤め|公務員|(?<!self-)employ|office workers?\b|salar|"
                            r"work(?:s|ing)? (?:for|at)|no\b|していません|"
                            r"パート|アルバイト|バイト|専業主婦|主婦|無職|年金生活|part-time|homemaker|stay-at-home|retired"),
                  "none"),
                 (re.compile(r"両方|どちらも|both"), ["sme", "startup"]),  # an SME may also be a startup
                 (re.compile(r"スタートアップ|ベンチャー|start-?up"), "startup"),
                 (re.compile(r"中小|会社|自営|お店|small|company"), "sme")],
}


# Asked whether a child has stopped going to school, these say it has.
NOT_GOING = re.compile(r"(?:行け|行っ|通え|通っ|登校し|登校でき)て?(?:い|お)?(?:ない|な|ません)|行けず|休んで|"
                       r"休み(?:がち|続け)|"
                       r"(?:hasn't|has not|haven't|isn't|is not|not) (?:been )?(?:going|gone|attending|attended)|"
                       r"stays? (?:at )?home|stopped going")


GOING = re.compile(r"\b(?:goes|go|going|attends?|attending)\b(?: to school)? (?:every ?day|daily|fine|normally|"
                   r"regularly|without (?:any )?problems?)|"
                   r"(?:毎日|普通に|元気に|問題なく)(?:学校に)?(?:行って|通って|登校)")


def short_answer(text: str, expecting: Expecting) -> object | None:
    """The value a short reply gives to the expected fact, or None if it gives none."""
    field = expecting.key.split(".")[-1]
    if field in BOOLEAN_FIELDS:
        if field == "school_refusal" and not words.NO.search(text) and NOT_GOING.search(text):
            return True  # 「はい、半年くらい行けてないです」: not going is the yes, though it is said with ない
        if field == "school_refusal" and GOING.search(text):
            return False  # "he goes every day", 「毎日行ってます」
        if words.NO.search(text) or words.NEGATION.search(text):
            return False
        if words.YES.search(text):
            return True
        return None
    for pattern, value in CHOICES.get(field, []):
        if pattern.search(text):
            return value
    return None


# 「上の子は区内、下の子は区外です」「父はありますが、母はありません」 "Only the younger one has one.": an answer to
# a question about one member that says it of several, clause by clause.
_CLAUSE = re.compile(r"[、。,;]|(?<=が)(?=\s*(?:上|下|兄|姉|弟|妹|父|母|夫|妻|私|真ん中))|\bbut\b|\band\b")
_ONLY = re.compile(r"だけ|のみ|\bonly\b")
_SAYS_SO = re.compile(r"持って|あります|ある|います|通って|使って|受けて|\b(?:has|have|does|do|goes|uses|attends)\b")


def _member_of(clause: str, scope: str, household: dict[str, Any]) -> int | None:
    """The member a clause names: a child by rank (上/下/真ん中, older/younger) or by its sex when that is unique;
    an adult by the relation already known."""
    members = household["children" if scope == "child" else "adults"] or []
    if scope == "adult":
        who = words.adult_who(clause)
        hits = [i for i, a in enumerate(members) if who is not None and a.get("relation") == who]
        return hits[0] if len(hits) == 1 else None
    order = sorted(range(len(members)), key=lambda i: -members[i]["age"])
    if len(order) < 2:
        return None
    if people.OLDER.search(clause):
        return order[0]
    if people.YOUNGER.search(clause):
        return order[-1]
    if people.MIDDLE.search(clause) and len(order) == 3:
        return order[1]
    sex = people.noun_sex(clause)
    same = [i for i in order if sex is not None and members[i].get("sex") == sex]
    return same[0] if len(same) == 1 else None


def member_answers(text: str, expecting: Expecting, household: Household) -> Household | None:
    """The answer said of each member it names, or None when it names fewer than two (or only one with
    「だけ」 "only", which then says the others do not)."""
    scope, _, field = expecting.key.partition(".")
    if scope not in ("child", "adult") or not field or field == "age" or field == "age_band":
        return None
    data = household.model_dump()
    members = data["children" if scope == "child" else "adults"] or []
    said: dict[int, object] = {}
    for clause in (c for c in _CLAUSE.split(text) if c and c.strip()):
        index = _member_of(clause, scope, data)
        if index is None:
            continue
        value = short_answer(re.sub(r"^.*?(?:は|も|が|の)(?=.)", "", clause, count=1), expecting)
        if value is None:
            value = short_answer(clause, expecting)
        if value is None and field in BOOLEAN_FIELDS and _SAYS_SO.search(clause):
            value = True  # 「下の子だけ持っています」 "only the younger one has one"
        if value is None:
            return None  # a member named without what is said of it: read the text another way
        said[index] = value
    if len(said) == 1 and _ONLY.search(text) and field in BOOLEAN_FIELDS and len(members) > 1:
        (index, value), = said.items()
        said.update({i: (not value) for i in range(len(members)) if i != index and isinstance(value, bool)})
    if len(said) < 2:
        return None
    for index, value in said.items():
        members[index][field] = value
    return Household.model_validate(data)
