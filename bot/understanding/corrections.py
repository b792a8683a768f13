"""「いや、3歳です」「上の子じゃなくて下の子です」「やっぱり区外でした」: corrections replace the
facts the previous turn set instead of adding new people or facts."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from bot.understanding import people as person_rules
from bot.understanding.answers import short_answer
from bot.understanding.consistency import school_year_ages
from bot.understanding.model import Context, Expecting
from bot.understanding.people import AGE, OLDER, YOUNGER, _age, _band, _grade, _sex
from knowledge.household import Household

MEMBER_PATH = re.compile(r"^(children|adults)\.(\d+)\.(\w+)$")
SWAP = re.compile(r"(上|下)の子(じゃなくて|ではなくて|でなく)(上|下)の子")


def _member_paths(last_changed: tuple[str, ...]) -> list[tuple[str, int, str]]:
    return [(m.group(1), int(m.group(2)), m.group(3)) for p in last_changed if (m := MEMBER_PATH.match(p))]


def correct(text: str, context: Context) -> Household | None:
    """The household with the last turn's facts corrected, or None if the text corrects nothing (or
    would correct it into a member that cannot exist: the text is then read as a statement)."""
    try:
        return _correct(text, context)
    except ValidationError:
        return None


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
    data: dict[str, Any] = context.household.model_dump()
    if (swap := SWAP.search(text)) and data["children"] and len(data["children"]) > 1:
        kids = data["children"]
        order = sorted(range(len(kids)), key=lambda i: -kids[i]["age"])
        source = order[0] if swap.group(1) == "上" else order[-1]
        target = order[0] if swap.group(3) == "上" else order[-1]
        for key, index, field in paths:
            if key == "children" and index == source and field != "age":
                kids[target][field], kids[source][field] = kids[source][field], None
        return Household.model_validate(data)
    if (moved := _to_other_child(text, data, paths)) is not None:
        return moved
    key, index, _ = paths[-1]
    people = data[key]
    if people is None or index >= len(people):
        return None
    text = re.split(r"じゃなくて|ではなく(て)?|でなく", text)[-1] or text  # the corrected value comes last
    if (english := re.match(r"^(.*?\w.*?),?\s+not\b", text)) and not re.search(r"\bnot\b\s*$", english.group(1)):
        text = english.group(1)  # "it's a ward daycare, not outside": the corrected value comes first
    age = _age(text, last=True)
    grade, _ = _grade(text)
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
    for _, i, field in reversed(paths):
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
        text = re.split(r"じゃなくて|ではなく(て)?|でなく", text)[-1] or text
        text = _CORRECTION_HEAD.sub("", text) or text  # "No wait, it's a startup": the no is the correction's
        value = short_answer(text, Expecting(key))
        if value is None or (key == "business" and value == ["sme", "startup"]):
            continue
        data[key] = value if key != "business" else (value if isinstance(value, list) else [value])
        return Household.model_validate(data)
    return None


# 「4歳じゃなくて5歳」 "5, not 4" "not 4 but 5": the old value, then the new one.
_OLD_NEW = re.compile(r"^(?P<old>.*?)(?:じゃなくて|ではなくて|ではなく|でなく)(?P<new>.*)$|"
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
