"""「いや、3歳です」「上の子じゃなくて下の子です」「やっぱり区外でした」「手帳を持っているのは息子ではなく夫です」:
corrections replace the facts the previous turn (or the sentence itself) gave instead of adding new people or facts.

Why one module: every correction has the same shape, the old thing, a "not", the new thing (「AではなくB」
"B, not A" "not A but B"). Read clause by clause, the fact would go to the first-named member or be negated
by the 「ではなく」; here the new thing wins.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from bot.understanding import people as person_rules
from bot.understanding import words
from bot.understanding.answers import short_answer
from bot.understanding.consistency import school_year_ages
from bot.understanding.facts import segment_facts
from bot.understanding.model import Context, Expecting
from bot.understanding.people import AGE, OLDER, PRESCHOOL, PRESCHOOL_YEAR, YOUNGER, _age, _band, _grade, _sex
from knowledge.household import Household

MEMBER_PATH = re.compile(r"^(children|adults)\.(\d+)\.(\w+)$")
# The Japanese "not" between the old and the new thing, longest first.
NOT_BUT = r"じゃなくて|じゃなく|ではなくて|ではなく|でなく"


# Where a correction's own clause ends: after the new value that follows the "not" (「8歳ではなく9歳、上の子は
# 11歳」, "he's 6, not 5, and goes to …", "she's in her early 70s, not her 80s."). What follows is another
# statement, read against the corrected household; left in, its numbers would be taken for the new value.
_OWN_CLAUSE = re.compile(rf"(?:{NOT_BUT})、?\s*[^、。,.!！?？\n]+|,?\s+not\s+[^,.;!！?？。、]+")
# "X, not <a number or an age band>" is a correction even without "sorry": the old value is named.
_NOT_A_NUMBER = re.compile(r",\s*not\s+(?:(?:his|her|their|my|in|the)\s+)*(?:early |mid-?|late )?\d")


_NOT_BUT = re.compile(NOT_BUT)
# A sentence that opens by saying it corrects what was just said: 「あ、」「いや」「訂正」 "No wait", "sorry".
MARKER = re.compile(r"^\W*(?:あっ?[、,]|いや|いえ|違|ちが|やっぱり|訂正|すみません|ごめん|間違|no\b|nope|actually|"
                    r"sorry|correction|oops|wait|my mistake|i meant)")
_NOT = re.compile(rf"{NOT_BUT}|\bnot?\b|n't\b")
_SENTENCE_END = re.compile(r"[。．!！?？]|\.(?=\s|$)")


def correction_start(text: str) -> int:
    """Where the sentence holding the message's first correction starts (0: the first sentence, or none):
    「78です。あ、あと私は40じゃなくて41でした」 "My son is 5. No wait, 6." answer or state first, then correct."""
    starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
    if len(starts) == 1:
        return 0
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        sentence = text[start:end].lstrip()
        if sentence and (any(p.search(sentence) for p in (words.CORRECTION, _NOT_BUT, _NOT_A_NUMBER))
                         or (_NOT.search(sentence) and any(p.search(sentence) for p, _ in _MEMBERS))):
            return start
    return 0


def split_correction(text: str) -> tuple[str, str] | None:
    """The clause of the message's first "not A but B", and the rest ("" when nothing follows); None
    when the message has no such clause."""
    m = _OWN_CLAUSE.search(text)
    if m is None:
        return None
    rest = text[m.end():].lstrip(" 、。,.;!！?？\n")
    return text[:m.end()], rest


def _member_paths(last_changed: tuple[str, ...]) -> list[tuple[str, int, str]]:
    return [(m.group(1), int(m.group(2)), m.group(3)) for p in last_changed if (m := MEMBER_PATH.match(p))]


def correct(text: str, context: Context) -> tuple[Household | None, str]:
    """The household with the message's corrections made, and the rest of the message to read as a
    statement about it; (None, "") if the text corrects nothing (or would correct it into a member that
    cannot exist: the text is then read as a statement).

    Several corrections are made clause after clause (「下の子は8歳じゃなくて9歳、上の子は12歳じゃなくて11歳」);
    what follows the last one (「…9歳、上の子は11歳です」) is the rest."""
    fewer = _fewer_children(text, context)
    if fewer is not None:
        context, text = Context(fewer[0], None, (), context.lang), fewer[1]
    if (parts := split_correction(text)) is not None and (fixed := _one(parts[0], context)) is not None:
        rest = parts[1]
        while rest and (then := split_correction(rest)) is not None \
                and (again := _one(then[0], Context(fixed, None, (), context.lang))) is not None:
            fixed, rest = again, then[1]
        return fixed, rest
    if fewer is not None:
        return fewer[0], text
    return _one(text, context), ""


# "we have 2 kids not 3, the 1 year old was my mistake", 「子どもは3人じゃなくて2人です。1歳の子は間違いでした」:
# the count said again, one fewer than the children known, and the child that was a mistake named by its age.
_FEWER = [re.compile(r"\b(?P<new>\d)\s+(?:kids|children),?\s+not\s+(?P<old>\d)\b"),
          re.compile(rf"(?P<old>\d)\s*人(?:{NOT_BUT})\s*(?P<new>\d)\s*人")]
_MISTAKEN = re.compile(r"\bthe (?P<en>\d{1,2})[- ]?(?:years?|yrs?)[- ]?old\b[^.;,!?]*|"
                       r"(?P<ja>\d{1,2})\s*(?:歳|才)の(?:子|息子|娘)[^。、]*")


def _fewer_children(text: str, context: Context) -> tuple[Household, str] | None:
    """The household without the child said to be a mistake, and the text without those words; None when
    the text takes back no child or does not say which one."""
    kids = context.household.model_dump()["children"] or []
    m = next((m for pattern in _FEWER if (m := pattern.search(text))), None)
    if m is None or int(m.group("old")) != len(kids) or int(m.group("new")) != len(kids) - 1:
        return None
    named = _MISTAKEN.search(text)
    hits = [i for i, k in enumerate(kids) if named and k["age"] == int(named.group("en") or named.group("ja"))]
    if named is None or len(hits) != 1:
        return None
    kids.pop(hits[0])
    rest = text.replace(named.group(0), " ").replace(m.group(0), " ")
    return Household.model_validate({**context.household.model_dump(), "children": kids}), rest


def _one(text: str, context: Context) -> Household | None:
    try:
        if (moved := _moved(text, context)) is not None:
            return moved
        gated = words.CORRECTION.search(text) or _NOT_BUT.search(text) or _NOT_A_NUMBER.search(text)
        return _correct(text, context) if gated else None
    except (ValidationError, ValueError, IndexError, KeyError, TypeError):
        return None  # a correction that cannot be made: the text is read as a statement


# Two members around a "not": 「手帳を持っているのは息子ではなく夫です」「上の子じゃなくて下の子です」,
# "it's my wife who has dementia, not my mother", "the certificate is my husband's, not my son's",
# "not my son but my husband", "my son doesn't have one, but my husband does". `a` is the old member,
# `b` the new one; (pattern, whether `a` is said NOT to have the fact).
_NOUN = rf"(?:(?:上|下|真ん中)の子|(?:mother|father)-in-law|{words.ADULT_NOUNS}|{words.CHILD_NOUNS})"
_MY = r"(?:my |our |the )?"
_MEMBERS: list[tuple[re.Pattern[str], bool]] = [
    (re.compile(rf"(?P<a>{_NOUN})(?:さん|ちゃん|くん)?(?:{NOT_BUT})、?\s*(?P<b>{_NOUN})"), False),
    (re.compile(rf"\b(?:it's|it is) {_MY}(?P<b>{_NOUN}) (?:who|that)\b[^.;]*?,? not {_MY}(?P<a>{_NOUN})\b"), False),
    (re.compile(rf"(?:my |our )?(?P<b>{_NOUN})(?:'s)?,? not {_MY}(?P<a>{_NOUN})(?:'s)?\b"), False),
    (re.compile(rf"\bnot {_MY}(?P<a>{_NOUN})(?:'s)?,? (?:but |it's |it is )?{_MY}(?P<b>{_NOUN})\b"), False),
    (re.compile(rf"{_MY}(?P<a>{_NOUN}) (?:doesn't|does not|isn't|is not|has no|hasn't)[^.;]*?,? but "
                rf"{_MY}(?P<b>{_NOUN}) (?:does|is|has)\b"), True),
]
_CHILD = re.compile(rf"(?:上|下|真ん中)の子|{words.CHILD_NOUNS}")
_FIELDS = {"disability_certificate", "chronic_disease", "developmental_concern", "uses_disability_services",
           "special_needs_class", "school_refusal", "severe_disability", "memory_concern", "nutrition_concern"}
_ADULT_ONLY = {"severe_disability", "memory_concern", "nutrition_concern"}
_CHILD_ONLY = {"chronic_disease", "developmental_concern", "uses_disability_services", "special_needs_class",
               "school_refusal"}


def _member(data: dict[str, Any], noun: str, create: bool) -> tuple[str, int] | None:
    """The member a noun names: the one child of the noun's sex (the older or younger of them when it says
    上の子/兄/下の子/妹), or the one adult of that relation (made when `create` and the relation is known)."""
    if _CHILD.fullmatch(noun):
        kids = data["children"] or []
        sex = _sex(noun)
        same = sorted((i for i, k in enumerate(kids) if sex is None or k.get("sex") in (None, sex)),
                      key=lambda i: -kids[i]["age"])
        if len(same) >= 2 and (OLDER.search(noun) or YOUNGER.search(noun)):
            return "children", same[0] if OLDER.search(noun) else same[-1]
        return ("children", same[0]) if len(same) == 1 else None
    who = words.adult_who(noun)
    adults = data["adults"] or []
    known = [i for i, a in enumerate(adults) if a.get("relation") == who]
    if len(known) == 1:
        return "adults", known[0]
    if not create or who is None:
        return None
    data["adults"] = [*adults, {"relation": who}]
    return "adults", len(data["adults"]) - 1


def _moved(text: str, context: Context) -> Household | None:
    """A fact moved from one member to another: the fact the text says goes to the member it is said of and
    the other keeps nothing of it; with no fact said, the facts the last turn gave the old member move."""
    if not _NOT.search(text):
        return None  # every move has a "not" (cheap to rule out before the member patterns)
    found = next(((m, denied) for pattern, denied in _MEMBERS if (m := pattern.search(text))), None)
    if found is None:
        return None
    (m, denied), data = found, context.household.model_dump()
    said = [field for _, field, _ in segment_facts(text) if field in _FIELDS]
    if not said:
        return _moved_last_turn(data, m, context)
    target = _member(data, m.group("b"), create=True)
    field = said[0]
    if target is None or (target[0] == "children" and field in _ADULT_ONLY) \
            or (target[0] == "adults" and field in _CHILD_ONLY):
        return None
    data[target[0]][target[1]][field] = True
    if (source := _member(data, m.group("a"), create=False)) is not None and source != target:
        people = data[source[0]][source[1]]
        if denied:
            people[field] = False
        elif people.get(field) is True:
            people[field] = None  # it was given to the wrong member: not known for this one any more
    return Household.model_validate(data)


def _moved_last_turn(data: dict[str, Any], m: re.Match[str], context: Context) -> Household | None:
    """「上の子じゃなくて下の子です」 after a fact went to the older child: the facts the last turn gave the
    old member (not its age) go to the new one."""
    paths = _member_paths(context.last_changed)
    source, target = _member(data, m.group("a"), create=False), _member(data, m.group("b"), create=False)
    if not paths or source is None or target is None or source == target or source[0] != "children" != target[0]:
        return None
    kids = data["children"]
    for key, index, field in paths:
        if key == "children" and index == source[1] and field != "age":
            kids[target[1]][field], kids[source[1]][field] = kids[source[1]][field], None
    return Household.model_validate(data)


# "Oops, I meant 6 and 3." 「ごめんなさい、8歳と5歳です」: a correction that says every child's age again, in order.
_AGE_LIST = re.compile(r"^[^\d]*?(\d{1,2})\s*(?:歳|才)?((?:\s*(?:,|、|と|and|&)\s*\d{1,2}\s*(?:歳|才)?)+)"
                       r"\s*(?:です|でした)?[\s.。!！]*$")


def _all_ages_again(text: str, context: Context) -> Household | None:
    kids = context.household.model_dump()["children"] or []
    if len(kids) < 2 or not (m := _AGE_LIST.match(text)):
        return None
    ages = [int(m.group(1)), *map(int, re.findall(r"\d{1,2}", m.group(2)))]
    if len(ages) != len(kids) or ages == [k["age"] for k in kids] or max(ages) > 22:
        return None
    for kid, age in zip(kids, ages, strict=True):
        if kid.get("school_year") is not None and age != kid["age"]:
            return None  # a year said before would no longer fit: read as a statement instead
        kid["age"] = age
    return Household.model_validate({**context.household.model_dump(), "children": kids})


def _correct(text: str, context: Context) -> Household | None:
    if (fact := _household_fact(text, context)) is not None:  # 「いや、スタートアップです」 after the business
        return fact
    if (named := _member_named(text, context)) is not None:  # "Sorry, my daughter is actually 4."
        return named
    if (place := _place_by_old_value(text, context)) is not None:  # 「保育園、区外じゃなくて区内でした」
        return place
    if (again := _all_ages_again(text, context)) is not None:
        return again
    paths = _member_paths(context.last_changed)
    if not paths:
        return _by_old_value(text, context)
    if _OLD_NEW.search(text) and (by_old := _by_old_value(text, context)) is not None:
        return by_old  # 「あと私は40じゃなくて41」: the member with the old value, not the one just changed
    if (OLDER.search(text) or YOUNGER.search(text)) and (_grade(text)[0] is not None or _age(text) is not None):
        return None  # 「すみません、上の子は小5でした」: that child's own year or age, read as a statement about it
    data: dict[str, Any] = context.household.model_dump()
    if (moved := _to_other_child(text, data, paths)) is not None:
        return moved
    key, index, _ = paths[-1]
    people = data[key]
    if people is None or index >= len(people):
        return None
    text = _NOT_BUT.split(text)[-1] or text  # the corrected value comes last
    if (english := re.match(r"^(.*?\w.*?),?\s+not\b", text)) and not re.search(r"\bnot\b\s*$", english.group(1)):
        text = english.group(1)  # "it's a ward daycare, not outside": the corrected value comes first
    age = _age(text, last=True)
    grade, _ = _grade(text)
    if key == "adults" and age is None and (band := _band(text)) is not None:
        people[index].update(age_band=band, age=None)  # "sorry, she's in her early 70s": a band, not 70
        return Household.model_validate(data)
    if age is None and grade is None and (numbers := re.findall(r"(?<![\d.])\d{1,2}(?![\d.]?\d)", text)):
        age = int(numbers[-1])  # "sorry, I meant 5"
    if grade is not None and key == "children":
        people[index]["school_year"] = grade
        low, high = school_year_ages(grade)
        if not low <= people[index]["age"] <= high:  # the old age came with the old school year
            people[index]["age"] = age if age is not None and low <= age <= high else low
        return Household.model_validate(data)
    if key == "adults" and (band := person_rules.bounded_band(text)) is not None:
        people[index].update(age=None, age_band=band)  # 「ごめんなさい、75歳以上でした」: a band, not an age
        return Household.model_validate(data)
    if age is not None:
        people[index]["age"] = age
        return Household.model_validate(data)
    for of, i, field in reversed(paths):
        if of != key or i >= len(people):
            continue  # a fact the last turn gave someone of the other kind
        value = short_answer(text, Expecting(f"{'child' if key == 'children' else 'adult'}.{field}", i))
        if value is not None and field != "age":
            people[i][field] = value
            return Household.model_validate(data)
    return None


# Each household fact, and the words that show a correction is about it (a bare 「いいえ」 is not).
HOUSEHOLD_FACTS = {"business": re.compile(r"事業|経営|会社|自営|店|スタートアップ|ベンチャー|起業|勤め|"
                                          r"business|company|start-?up|employ|shop"),
                   "moving": re.compile(r"引っ越|引越|住み替え|近く|広い|大き|move|moving|near|closer|bigger|larger"),
                   "pregnant": re.compile(r"妊娠|妊婦|出産|pregnan|baby"),
                   "education_loan": re.compile(r"ローン|借り|loan|borrow")}


_CORRECTION_HEAD = re.compile(r"^(?:(?:no|nope|wait|sorry|actually|oops|my mistake|いや|いえ|違います|ちがいます|違う|"
                              r"すみません|ごめんなさい|間違えました|訂正です)[\s,、。!！.]*)+")


_PLACE_FIELDS = {"daycare": re.compile(r"保育|園|預け|day[- ]?care|nursery|hoikuen"),
                 "school": re.compile(r"学校|小学|中学|高校|school|elementary|junior high")}


def _place_by_old_value(text: str, context: Context) -> Household | None:
    """「さっきの保育園、区外じゃなくて区内でした」 "his school is private, not a ward one" with nothing just changed:
    the one child whose daycare or school has the old value (or the one the words name) takes the new one."""
    if _member_paths(context.last_changed) or not (m := _OLD_NEW.search(text) or _OLD_NEW_EN.search(text)):
        return None
    g = m.groupdict()
    old = g.get("old") or g.get("old2") or g.get("old4") or ""
    new = g.get("new") or g.get("new2") or g.get("new4") or ""
    data: dict[str, Any] = context.household.model_dump()
    kids = data["children"] or []
    for field, word in _PLACE_FIELDS.items():
        if not word.search(text):
            continue
        was = short_answer(old, Expecting(f"child.{field}", 0))
        now = short_answer(new, Expecting(f"child.{field}", 0))
        if was is None or now is None or was == now:
            continue
        hits = [k for k in kids if k.get(field) == was]
        if len(kids) > 1 and (ref := OLDER.search(text) or YOUNGER.search(text)):
            by_age = sorted(kids, key=lambda k: -k["age"])
            hits = [k for k in [by_age[0] if OLDER.search(ref.group(0)) else by_age[-1]] if k.get(field) == was]
        if len(hits) == 1:
            hits[0][field] = now
            return Household.model_validate(data)
    return None


def _member_named(text: str, context: Context) -> Household | None:
    """"Sorry, my daughter is actually 4." 「すみません、母は75歳でした」 with nothing just changed to correct and no
    old value said: the one member the noun names (the one child of that sex, the one adult) takes the new age
    or school year."""
    if _member_paths(context.last_changed) or _OLD_NEW.search(text) or _OLD_NEW_EN.search(text):
        return None
    said = [seg for seg in person_rules.segments(_CORRECTION_HEAD.sub("", text)) if seg.person is not None]
    if len(said) != 1 or (person := said[0].person) is None:
        return None
    data: dict[str, Any] = context.household.model_dump()
    if person.kind == "adult" and person.age is not None and len(data["adults"] or []) == 1 \
            and person_rules.ADULT_NOUN.search(said[0].text):
        # the one adult known is the one the noun names only when it is not known to be someone else:
        # 「すみません、母は78歳でした」 when only "me" is known names the mother, a new adult (read as a statement)
        if data["adults"][0].get("relation") not in (None, words.adult_who(said[0].text)):
            return None
        data["adults"][0].update(age=person.age, age_band=None)
        return Household.model_validate(data)
    kids = data["children"] or []
    sex = person_rules.noun_sex(said[0].text)
    hits = [k for k in kids if sex is not None and k.get("sex") == sex]
    if person.kind != "child" or sex is None or len(hits) != 1 or person.twins:
        return None
    if person.school_year is not None:
        hits[0]["school_year"] = person.school_year
        low, high = school_year_ages(person.school_year)
        hits[0]["age"] = person.age if person.age is not None and not person.inferred_age else \
            hits[0]["age"] if low <= hits[0]["age"] <= high else low
    elif person.age is not None and person.age != hits[0]["age"]:
        if hits[0].get("school_year") is not None:
            return None  # the year said before would no longer fit: read as a statement instead
        hits[0]["age"] = person.age
    else:
        return None
    return Household.model_validate(data)


def _household_fact(text: str, context: Context) -> Household | None:
    """「いや、スタートアップです」 after the business was set: the new value replaces the old one
    (instead of being added to it); the same for moving, pregnancy and the loan."""
    data: dict[str, Any] = context.household.model_dump()
    for key in reversed([k for k in context.last_changed if k in HOUSEHOLD_FACTS]):
        if not HOUSEHOLD_FACTS[key].search(text):
            continue
        text = _NOT_BUT.split(text)[-1] or text
        text = _CORRECTION_HEAD.sub("", text) or text  # "No wait, it's a startup": the no is the correction's
        value = short_answer(text, Expecting(key))
        if value is None or (key == "business" and value == ["sme", "startup"]):
            continue
        data[key] = value if key != "business" else (value if isinstance(value, list) else [value])
        return Household.model_validate(data)
    return None


# 「4歳じゃなくて5歳」 "5, not 4" "not 4 but 5": the old value, then the new one.
_OLD_NEW = re.compile(rf"^(?P<old>.*?)(?:{NOT_BUT})(?P<new>.*)$|"
                      r"^(?P<new2>.*?),?\s+not\s+(?P<old2>[^,.;]*)$|"
                      r"^(?P<old3>.*?)\bnot\b(?P<old3b>[^,.;]*?),?\s*but\s+(?P<new3>.*)$")
# English ending in a full stop: "she's in her early 70s, not her 80s." and "No, she's not 80, she's 72."
_OLD_NEW_EN = re.compile(r"^(?P<new2>.*?),?\s+not\s+(?P<old2>[^,.;]*)[.!\s]*$|"
                         r"^(?P<old4>.*?(?:\bnot\b|n't\b)[^,.;]*)[,;]\s*(?P<new4>[^,;]*?)[.!\s]*$")


def _by_old_value(text: str, context: Context) -> Household | None:
    """A correction with no fact just given to correct (「さっきの上の子、4歳じゃなくて5歳でした」):
    the one child that has the old value takes the new one."""
    m = _OLD_NEW.search(text) or _OLD_NEW_EN.search(text)
    data = context.household.model_dump()
    kids, adults = data["children"], data["adults"]
    if not m or not (kids or adults):
        return None
    g = m.groupdict()
    old = g.get("old") or g.get("old2") or ((g.get("old3") or "") + (g.get("old3b") or "")) or g.get("old4") or ""
    new = g.get("new") or g.get("new2") or g.get("new3") or g.get("new4") or ""
    if (fixed := _sex_or_adult_age(old, new, data)) is not None:
        return fixed
    if not kids:
        return None
    old_age, new_age = _age(old, last=True), _age(new)
    if old_age is None and (numbers := re.findall(r"(?<![\d.])\d{1,2}(?![\d.]?\d)", old)):
        old_age = int(numbers[-1])  # "…, not 10"
    if new_age is None and (numbers := re.findall(r"(?<![\d.])\d{1,2}(?![\d.]?\d)", new)):
        new_age = int(numbers[-1])
    (old_year, _), (new_year, _) = _grade(old), _grade(new)
    if old_year is not None and new_year is not None:
        hits = [k for k in kids if k.get("school_year") == old_year]
        if len(hits) == 1:
            low, high = school_year_ages(new_year)
            hits[0]["school_year"] = new_year
            hits[0]["age"] = hits[0]["age"] if low <= hits[0]["age"] <= high else low
            return Household.model_validate({**context.household.model_dump(), "children": kids})
    if old_year is not None and (new_pre := PRESCHOOL_YEAR.search(new)):
        # 「娘は小1ではなく年長でした」: the child of that school year is a kindergartener of that year's age
        hits = [k for k in kids if k.get("school_year") == old_year]
        if len(hits) == 1:
            hits[0].update(age=PRESCHOOL["年" + new_pre.group(1)], school_year=None)
            hits[0]["school"] = None if hits[0].get("school") in ("ward", "kudan", "other") else hits[0].get("school")
            return Household.model_validate({**context.household.model_dump(), "children": kids})
    if (old_pre := PRESCHOOL_YEAR.search(old)) and (new_pre := PRESCHOOL_YEAR.search(new)):
        # 「上の子は年長じゃなくて年中」: the kindergarten year's age, of the child the words name (else of that age)
        was, now = PRESCHOOL["年" + old_pre.group(1)], PRESCHOOL["年" + new_pre.group(1)]
        by_age = sorted(kids, key=lambda k: -k["age"])
        ref = OLDER.search(old) or YOUNGER.search(old)
        hits = [by_age[0] if OLDER.search(ref.group(0)) else by_age[-1]] if ref and len(kids) > 1 else \
            [k for k in kids if k["age"] == was]
        if len(hits) == 1 and hits[0].get("school_year") is None:
            hits[0]["age"] = now
            return Household.model_validate({**context.household.model_dump(), "children": kids})
    if old_age is not None and new_age is not None and old_age != new_age:
        hits = [k for k in kids if k["age"] == old_age]
        if len(hits) == 1:
            hits[0]["age"] = new_age
            return Household.model_validate({**context.household.model_dump(), "children": kids})
    # 「双子じゃなくて年子で、3歳と2歳です」: every child's age said again, in order
    ages = [int(next(g for i, g in enumerate(a.groups(), 1) if g and i != 2)) for a in AGE.finditer(new)]
    if len(kids) >= 2 and len(ages) == len(kids) and ages != [k["age"] for k in kids]:
        for kid, age in zip(kids, ages, strict=True):
            kid["age"] = age
        return Household.model_validate({**context.household.model_dump(), "children": kids})
    return None


def _sex_or_adult_age(old: str, new: str, data: dict[str, Any]) -> Household | None:
    """「下の子は女の子じゃなくて男の子です」: the child of the old sex (the one the words name) takes the
    new one; 「母の年齢、72じゃなくて77でした」: the adult of the old age takes the new one."""
    old_sex, new_sex = _sex(old), _sex(new)
    kids = data["children"] or []
    if old_sex and new_sex and old_sex != new_sex:
        hits = [k for k in kids if k.get("sex") == old_sex]
        if len(kids) > 1 and (ref := OLDER.search(old) or YOUNGER.search(old)):
            by_age = sorted(kids, key=lambda k: -k["age"])
            hits = [by_age[0] if OLDER.search(ref.group(0)) else by_age[-1]]
        if len(hits) == 1:
            hits[0]["sex"] = new_sex
            return Household.model_validate(data)
    # 「母は80代じゃなくて70代前半」 "late 70s, not early 70s": the adult of the old band takes the new one
    old_band, new_band = _band(old), _band(new)
    decade_before = old_band or re.search(r"\d0\s*(?:代|s\b)", old)  # 「70代」 straddles two bands: any band it had
    if decade_before and new_band and old_band != new_band:
        hits = [a for a in data["adults"] or [] if a.get("age") is None
                and (a.get("age_band") == old_band if old_band else a.get("age_band") is not None)]
        if len(hits) == 1:
            hits[0]["age_band"] = new_band
            return Household.model_validate(data)
    old_n = re.findall(r"(?<![\d.])\d{2,3}(?![\d.]?\d)", old)
    new_n = re.findall(r"(?<![\d.])\d{2,3}(?![\d.]?\d)", new)
    hits = [a for a in data["adults"] or [] if old_n and a.get("age") == int(old_n[-1])]
    if len(hits) == 1 and new_n and 15 <= int(new_n[0]) <= 120:
        hits[0]["age"] = int(new_n[0])
        return Household.model_validate(data)
    return None


def _to_other_child(text: str, data: dict[str, Any], paths: list[tuple[str, int, str]]) -> Household | None:
    """「違います、上の子が区立です」 after 区立 went to the younger child: the fact moves to the child
    the correction names (its value as the correction says it, else as it was given)."""
    kids = data["children"] or []
    ref = OLDER.search(text) or YOUNGER.search(text)
    if ref is None or len(kids) < 2:
        return None
    order = sorted(range(len(kids)), key=lambda i: -kids[i]["age"])
    target = order[0] if OLDER.search(ref.group(0)) else order[-1]
    moved = False
    for key, index, field in paths:
        if key != "children" or index == target or field in ("age", "school_year", "sex") or index >= len(kids):
            continue
        said = short_answer(text, Expecting(f"child.{field}", target))
        kids[target][field] = said if said is not None else kids[index][field]
        kids[index][field] = None
        moved = True
    return Household.model_validate(data) if moved else None
