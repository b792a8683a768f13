"""Words for members, school years and requirements, in every language (knowledge/messages/wording.yaml).

Kept apart from the engine so that wording can change (and be reviewed as snapshot diffs)
without touching the logic. Every function returns one language's text; `all_langs` gives the
five at once, as the engine stores them (a reason is read in the session's language, and the
language may change mid-conversation without re-evaluating).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from knowledge.conditions import (
    AdultAge,
    AdultFlagIs,
    BusinessIn,
    CertificateInFamily,
    ChildAge,
    ChildAnyFlag,
    ChildFlagIs,
    ChildSex,
    DaycareIn,
    EducationLoan,
    MovingIn,
    Pregnant,
    RaisingChildren,
    SchoolIn,
    SchoolYear,
    TurnsAge,
)
from knowledge.household import Adult, Child
from knowledge.languages import LANGS, Lang
from knowledge.messages import message

Texts = dict[Lang, str]


def _w(key: str, lang: Lang, **values: object) -> str:
    return message(f"wording.{key}", lang, **values)


def all_langs(words: Callable[[Lang], str]) -> Texts:
    """The same words in every language."""
    return {lang: words(lang) for lang in LANGS}


# The engine names the same members and conditions for every measure of every turn: each text is
# composed once (the message catalog never changes while the process runs).
_ONCE: dict[tuple[str, int], tuple[object, Texts]] = {}


def once(kind: str, thing: object, compose: Callable[[Lang], str]) -> Texts:
    """`compose` in every language, once per catalog object (a condition, a sentence of a measure
    file): kept alive by this cache, so its id cannot be reused by another object."""
    found = _ONCE.get((kind, id(thing)))
    if found is None or found[0] is not thing:
        found = (thing, all_langs(compose))
        _ONCE[(kind, id(thing))] = found
    return found[1]


def requirements(cond: object) -> Texts:
    """The requirement in every language, composed once per condition."""
    return once("requirement", cond, lambda lang: requirement_in(cond, lang))


@cache
def _child_texts(age: int, sex: str | None, year: int | None) -> Texts:
    return all_langs(lambda lang: child(Child(age=age, sex=sex, school_year=year), lang))  # type: ignore[arg-type]


def child_texts(person: Child) -> Texts:
    """How a child is named, in every language."""
    return _child_texts(person.age, person.sex, person.school_year)


@cache
def _adult_texts(relation: str | None, age: int | None, band: str | None) -> Texts:
    return all_langs(lambda lang: adult(Adult(relation=relation, age=age, age_band=band), lang))  # type: ignore[arg-type]


def adult_texts(person: Adult) -> Texts:
    """How an adult is named, in every language."""
    return _adult_texts(person.relation, person.age, person.age_band)


@cache
def fixed_texts(key: str) -> Texts:
    """One of the fixed subjects (household, any_child, any_adult) in every language."""
    return all_langs(lambda lang: _w(key, lang))


def school_year(year: int, lang: Lang) -> str:
    """1 → 小学1年生, 7 → 中学1年生, 10 → 高校1年生; 0 → 未就学."""
    if year <= 0:
        return _w("preschool", lang)
    stage, offset = ("elementary", 0) if year <= 6 else ("junior_high", 6) if year <= 9 else ("high", 9)
    return _w("school_year", lang, stage=_w(f"stage_{stage}", lang), n=year - offset)


def child(person: Child, lang: Lang) -> str:
    """「2歳の息子さん（…）」 / "your 2-year-old son" / 您2岁的儿子 / 2살 아드님."""
    noun = _w({"male": "son", "female": "daughter"}.get(person.sex or "", "child_noun"), lang)
    grade = _w("child_grade", lang, year=school_year(person.school_year, lang)) if person.school_year else ""
    return _w("child", lang, age=person.age, noun=noun, grade=grade)


def _band(band: str, lang: Lang) -> str:
    return _w(f"band_{band}", lang)


def adult(person: Adult, lang: Lang) -> str:
    """「ご主人（78歳）」 when we know who it is, so two adults are never both 「ご家族」."""
    # English names nobody as "you": its templates say "How old is {member}?" ("you" would need "are").
    if person.relation and not (person.relation == "me" and lang == "en"):
        name = _w(f"relation_{person.relation}", lang)
        if person.age is not None:
            return _w("adult_named_age", lang, name=name, age=person.age)
        return _w("adult_named_band", lang, name=name, band=_band(person.age_band, lang)) if person.age_band \
            else name
    if person.age is not None:
        return _w("adult_age", lang, age=person.age)
    return _w("adult_band", lang, band=_band(person.age_band, lang)) if person.age_band else _w("any_adult", lang)


def _join(keys: list[str], lang: Lang) -> str:
    return _w("or", lang).join(_w(k, lang) for k in keys)


def _range(lo: int | None, hi: int | None, lang: Lang) -> str:
    if lo is not None and hi is not None:
        return _w("age_between", lang, lo=lo, hi=hi)
    return _w("age_min", lang, lo=lo) if lo is not None else _w("age_max", lang, hi=hi)


def _school_range(c: SchoolYear, lang: Lang) -> str:
    if c.max == 0:
        return _w("school_preschool_only", lang)
    lo = school_year(c.min, lang) if c.min else None
    hi = school_year(c.max, lang) if c.max else None
    pre = _w("school_pre", lang) if c.include_preschool else ""
    if lo and hi:
        return _w("school_between", lang, pre=pre, lo=lo, hi=hi)
    return _w("school_min", lang, lo=lo) if lo else _w("school_max", lang, pre=pre, hi=hi)


def requirement_in(cond: object, lang: Lang) -> str:
    """The condition as a requirement a person can read, in `lang`."""
    match cond:
        case Pregnant():
            return _w("pregnant", lang)
        case EducationLoan():
            return _w("education_loan", lang)
        case MovingIn(in_=values):
            return _w("moving", lang, what=_join([f"moving_{v}" for v in values if v != "none"], lang))
        case RaisingChildren(max_age=n):
            return _w("raising_children", lang, n=n + 1)
        case BusinessIn(in_=values):
            return _w("business", lang, what=_join([f"business_{v}" for v in values if v != "none"], lang))
        case ChildAge(min=lo, max=hi) | AdultAge(min=lo, max=hi):
            return _range(lo, hi, lang)
        case SchoolYear() as c:
            return _school_range(c, lang)
        case ChildSex(is_=sex):
            return _w("boy" if sex == "male" else "girl", lang)
        case ChildFlagIs(flag=flag):
            return _w(f"child_{flag}", lang)
        case ChildAnyFlag(flags=flags):
            return _w("any_flag", lang, flags=_join([f"short_{f}" for f in flags], lang))
        case DaycareIn(in_=values):
            return _w("daycare", lang, what=_join([f"daycare_{v}" for v in values if v != "none"], lang))
        case SchoolIn(in_=values):
            return _w("school", lang, what=_join([f"school_{v}" for v in values if v != "none"], lang))
        case TurnsAge(age=age):
            return _w("turns_age", lang, age=age, prev=age - 1)
        case CertificateInFamily(max_sibling_age=n):
            return _w("certificate_in_family", lang, n=n + 1)
        case AdultFlagIs(flag=flag):
            return _w(f"adult_{flag}", lang)
    raise TypeError(f"no wording for {type(cond).__name__}")


def requirement(cond: object) -> tuple[str, str]:
    """The requirement in Japanese and English (the audit and older callers)."""
    return requirement_in(cond, "ja"), requirement_in(cond, "en")


def later_school_year(year: int, lang: Lang) -> str:
    return _w("later_school_year", lang, year=school_year(year, lang))


def later_age(age: int, lang: Lang) -> str:
    return _w("later_age", lang, age=age)


def later_turning(age: int, lang: Lang) -> str:
    return _w("later_turning", lang, age=age)


_LATER: dict[str, Callable[[int, Lang], str]] = {"school_year": later_school_year, "age": later_age,
                                                  "turning": later_turning}


@cache
def later_texts(kind: str, number: int) -> Texts:
    """"…になると対象" in every language, composed once per kind and number: the engine asks for it on
    every evaluation of every too-young member, and the words never change while the process runs."""
    return all_langs(lambda lang: _LATER[kind](number, lang))
