"""Facts of one segment: which field, which value, and whether the segment negates it."""

from __future__ import annotations

import re

from bot.understanding import words

Fact = tuple[str, str, object]  # (scope, field, value); scope "child" | "adult" | "member" | "household"


# "does not have a disability certificate", "no chronic illness": the negation before the fact, in its clause.
_NOT_BEFORE = re.compile(r"(\bnot|n't|\bno|\bnever|\bwithout|\bneither|\bnor|\bnobody|\bno one|"
                                       r"\bnone of (?:us|them|the \w+|my \w+|our \w+))\b[^.,;!?]{0,20}$")


# "no disabilities or chronic illnesses", 「障害や病気はありません」: one negation over a list of facts.
_NOT_LIST = re.compile(r"(\bnot|n't|\bno|\bwithout|\bneither)\b[^.,;!?]{0,40}\b(or|nor)\s+(\w+\s+)?$")


# Where the fact's own predicate ends and another begins: 「不登校で学校に…」「療育に通っていて保育園には…」
# (て/で then a new word; not the ている/ては/でも/でない/てます of its own verb), "… and doesn't go to daycare".
_NEXT_PREDICATE = re.compile(r"(?<=[てで])(?!い|お|は|も|し|き|ま|な|あり|ある|あっ|ござ)|"
                             r"\b(?:and|but|so|because|which|who)\b")


def _negated(before: str, after: str) -> bool:
    # 「手帳があって、問題はない」: a negation in the next clause is not this fact's; nor one of the next
    # predicate (「不登校で学校に行っていない」 is still 不登校)
    clause = re.split(r"[、。,;!?！？]|\.(?:\s|$)", after, maxsplit=1)[0]
    clause = _NEXT_PREDICATE.split(clause, maxsplit=1)[0]
    return bool(words.NEGATION.search(clause[:20])) or bool(_NOT_BEFORE.search(before[-30:])) \
        or bool(_NOT_LIST.search(before[-50:]))


_CONTRAST_AFTER = re.compile(r"^.{0,6}?(じゃなく|ではなく|でなく)")
_CONTRAST_BEFORE = re.compile(r"\b(not|instead of|rather than)\b[^.,;]{0,12}$")


def _contrasted(before: str, after: str) -> bool:
    return bool(_CONTRAST_AFTER.search(after)) or bool(_CONTRAST_BEFORE.search(before[-25:]))


# 「来月から区立保育園」「九段を受験する予定」 "will start at a ward daycare in April": a plan says nothing
# about where the child is now (the daycare or school of today stays unknown).
_PLAN_BEFORE = re.compile(r"(来月|来年|来春|再来|今度|いずれ)(度)?(から|より|に|には)[^。]{0,8}$|"
                          r"\b(from|starting|next|in) (april|next|the spring|september|\w+ month)[^.]{0,12}$|"
                          r"\b(will|going to|plan(?:s|ning)? to|hope to|want(?:s)? to|would like to)[^.;]{0,20}$|"
                          r"\b(?:starts?|starting|begins?|beginning|enters?|entering)\b[^.;]{0,15}$")
# (「4月から区立保育園に通っています」 is today's daycare, since April: a month alone is no plan.)
_PLAN_AFTER = re.compile(r"^[^。.;]{0,14}?(予定|つもり|受験|目指|志望|希望|入る(?!っ)|入ります|入園(?!して|しま)|"
                         r"入れる|申し込|申請|になります|will\b|next (month|year|april|spring)|from (april|next))")


_DAYCARE_PLACE = re.compile(words.DAYCARE_PLACES)
_TRANSFER = re.compile(r"転園|移る|移り|変わ|替わ|変え|替え|switch|transfer|change|"
                       r"move (?:him|her|them) to|another (?:day|nurs)")


def _planned(text: str, match: re.Match[str]) -> bool:
    return bool(_PLAN_BEFORE.search(text[:match.start()][-30:]) or _PLAN_AFTER.search(text[match.end():]))


_ON_ONES_OWN = re.compile(r"個人(?:で|の|事業|経営)")

# 「去年まで不登校だった」「以前は放デイに通っていました」 "he used to go to day services": a fact that has
# ended, so not today's (false); 「今も」「still」 keep it.
_ENDED_BEFORE = re.compile(r"(?:まで|までは|以前(?:は|、)?|前は|昔は|当時は|かつて(?:は)?)[^。!！?？]{0,16}$|"
                           r"\b(?:used to|until (?:last|this) \w+|until (?:he|she|they) (?:was|were) \d+|"
                           r"previously|in the past)\b[^.;!?]{0,25}$")
_PAST_AFTER = re.compile(r"^[^。!！?？、]{0,16}?(?:た|てた|ていた|でした|だった|ました|ってた)"
                         r"(?:けど|けれど|が|ので|から|、|。|$|\s)|"
                         r"^[^.;!?]{0,30}?\b(?:was|were|had|did|went|attended|received|used)\b")
_UNTIL_AFTER = re.compile(r"^[^.;!?]{0,30}?\buntil (?:last|this|a few|recently|(?:he|she|they) (?:was|were|turned))\b")
_STILL = re.compile(r"今も|いまも|今でも|まだ|引き続き|\bstill\b")


def _ended(text: str, match: re.Match[str]) -> bool:
    before, after = text[:match.start()], text[match.end():]
    english = bool(re.search(r"[a-z]{3}", before[-30:] + after[:30]))
    ended = (bool(_ENDED_BEFORE.search(before[-40:])) and (english or bool(_PAST_AFTER.search(after)))) \
        or bool(re.search(r"\bused to\b", before[-40:])) or bool(_UNTIL_AFTER.search(after))
    return ended and not _STILL.search(before[-30:] + after[:20])


def _place(text: str, kinds: tuple[tuple[re.Pattern[str], str], ...]) -> tuple[re.Match[str], str] | None:
    """The first kind (in the order given) whose place the text says, passing over one said only to be
    denied: 「区内じゃなくて区外です」 "private, not a ward school" are the other one."""
    said = [(m, value) for pattern, value in kinds if (m := pattern.search(text))]
    meant = [(m, value) for m, value in said if not _contrasted(text[:m.start()], text[m.end():])]
    return next(iter(meant), None)  # a place only denied ("not a ward school") says nothing of where


def segment_facts(text: str) -> list[Fact]:
    found: list[Fact] = []
    spans: dict[object, tuple[int, int]] = {}  # business kind → where it was read
    for pattern, scope, field, said in words.FACTS:
        value = said
        match = pattern.search(text)
        if not match:
            continue
        if field == "business" and value == "sme" and _ON_ONES_OWN.search(text):
            continue  # 「個人で設計事務所を」: whether a sole proprietor is an SME is asked, not decided here
        if field == "business":
            spans[value] = match.span()
        if value is True and (words.HEDGE.search(text[match.end():match.end() + 15])
                              # (a birth or a test to come says the pregnancy or the concern is there now)
                              or (field not in ("pregnant", "developmental_concern")
                                  and words.PLANNED.search(text[match.end():]))
                              or words.HEDGE_BEFORE.search(text[max(0, match.start() - 50):match.start()])):
            continue  # a maybe is not a fact: the question is asked later, and わからない is an answer
        if value is True and (_negated(text[:match.start()], text[match.end():]) or _ended(text, match)):
            value = False
        denied = field == "business" and value != "none" and _NOT_BEFORE.search(text[:match.start()][-30:])
        if denied:
            value = "none"  # "I don't run a business", "we do not own a company", "I am not self-employed"
        if said is not True and not denied and _contrasted(text[:match.start()], text[match.end():]):
            # (a no-fact denied too: 「通常学級ではなく支援級」 is the special class)
            continue  # 「広い家じゃなくて親の近く」 "near my parents, not to a bigger place": the other one is meant
        found.append((scope, field, value))
    if "sme" in spans and "startup" in spans and spans["sme"][0] < spans["startup"][1] \
            and spans["startup"][0] < spans["sme"][1]:
        # "I started my own company": the words that say a company is run also say it was just founded
        found = [f for f in found if f[1:] != ("business", "sme")]
    if words.DAYCARE_NONE.search(text):
        found.append(("child", "daycare", "none"))
    elif (place := _place(text, ((words.DAYCARE_WARD, "ward"), (words.DAYCARE_OTHER, "other")))) is not None \
            and not _planned(text, place[0]):
        found.append(("child", "daycare", place[1]))
    elif (m := _DAYCARE_PLACE.search(text)) and _planned(text, m) and not _TRANSFER.search(text):
        # 「4月から保育園に入園予定」 "starts daycare next month": not attending yet, so none today (the
        # contract: "not attending … -> none"); a change of daycare (転園) says nothing of today
        found.append(("child", "daycare", "none"))
    school = _place(text, ((words.SCHOOL_KUDAN, "kudan"), (words.SCHOOL_WARD, "ward"), (words.SCHOOL_OTHER, "other")))
    if school is not None and not _planned(text, school[0]):
        found.append(("child", "school", school[1]))
    if ("引っ越" in text and words.NEGATION.search(text) and ("予定" in text or "つもり" in text)
            and not any(word in text for word in ("じゃなく", "ではなく", "でなく"))) or words.NOT_MOVING.search(text):
        found = [f for f in found if f[1] != "moving"] + [("household", "moving", "none")]
    return found


# "My parents are in their 70s; we want to move closer to them": the parents named, then "them".
_PARENTS = re.compile(r"\b(?:parents|in-laws|mother|father|mom|dad|mother-in-law|father-in-law)\b")
_NEAR_THEM = re.compile(r"\b(?:near|close to|closer to|next to|nearer to|nearer) (?:them|her|him)\b")


def message_moving(text: str) -> str | None:
    """A move whose place and whose being a move are said in different clauses of the message
    (「実家の近くに住みたいので、区内での引っ越しを考えています」); None unless one place is meant."""
    clauses = [c for c in re.split(r"[。．!！?？\n]|\.(?=\s|$)", text) if words.MOVE.search(c)]
    if not clauses or any(words.HYPOTHETICAL.search(c) or words.NEGATION.search(c) for c in clauses):
        return None
    near = words.NEAR_PARENTS.search(text) or (_PARENTS.search(text) and _NEAR_THEM.search(text))
    larger = words.LARGER_HOME.search(text)
    if near and not larger:
        return "near_parents"
    if larger and not near:
        return "larger_home"
    return None
