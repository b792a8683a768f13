"""Japanese and English words for members, school years and requirements.

Kept apart from the engine so that wording can change (and be reviewed as snapshot diffs)
without touching the logic.
"""

from __future__ import annotations

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

_STAGES_JA = ("小学", "中学", "高校")
_STAGES_EN = ("elementary school", "junior high school", "high school")


def school_year_ja(year: int) -> str:
    """1 → 小学1年生, 7 → 中学1年生, 10 → 高校1年生; 0 → 未就学."""
    if year <= 0:
        return "未就学"
    stage, offset = (0, 0) if year <= 6 else (1, 6) if year <= 9 else (2, 9)
    return f"{_STAGES_JA[stage]}{year - offset}年生"


def school_year_en(year: int) -> str:
    if year <= 0:
        return "preschool"
    stage, offset = (0, 0) if year <= 6 else (1, 6) if year <= 9 else (2, 9)
    return f"year {year - offset} of {_STAGES_EN[stage]}"


def child_ja(child: Child) -> str:
    noun = {"male": "息子さん", "female": "娘さん"}.get(child.sex or "", "お子さん")
    grade = f"（{school_year_ja(child.school_year)}）" if child.school_year else ""
    return f"{child.age}歳の{noun}{grade}"


def child_en(child: Child) -> str:
    noun = {"male": "son", "female": "daughter"}.get(child.sex or "", "child")
    grade = f" ({school_year_en(child.school_year)})" if child.school_year else ""
    return f"your {child.age}-year-old {noun}{grade}"


_BAND_JA = {"under_65": "65歳未満", "65_74": "65〜74歳", "75_plus": "75歳以上"}
_BAND_EN = {"under_65": "under 65", "65_74": "aged 65 to 74", "75_plus": "aged 75 or over"}


_RELATION_JA = {"me": "あなた", "husband": "ご主人", "wife": "奥さま", "mother": "お母さま", "father": "お父さま",
                "grandmother": "おばあさま", "grandfather": "おじいさま", "mother_in_law": "お義母さま",
                "father_in_law": "お義父さま"}
# No "me": English templates say "How old is {member}?", and "you" would need "are".
_RELATION_EN = {"husband": "your husband", "wife": "your wife", "mother": "your mother", "father": "your father",
                "grandmother": "your grandmother", "grandfather": "your grandfather",
                "mother_in_law": "your mother-in-law", "father_in_law": "your father-in-law"}


def adult_ja(adult: Adult) -> str:
    """「ご主人（78歳）」 when we know who it is, so two adults are never both 「ご家族」."""
    if adult.relation:
        name = _RELATION_JA[adult.relation]
        if adult.age is not None:
            return f"{name}（{adult.age}歳）"
        return f"{name}（{_BAND_JA[adult.age_band]}）" if adult.age_band else name
    if adult.age is not None:
        return f"{adult.age}歳のご家族"
    return f"{_BAND_JA[adult.age_band]}のご家族" if adult.age_band else "ご家族"


def adult_en(adult: Adult) -> str:
    if adult.relation in _RELATION_EN:
        name = _RELATION_EN[adult.relation]
        if adult.age is not None:
            return f"{name} ({adult.age})"
        return f"{name} ({_BAND_EN[adult.age_band]})" if adult.age_band else name
    if adult.age is not None:
        return f"the {adult.age}-year-old family member"
    return f"the family member {_BAND_EN[adult.age_band]}" if adult.age_band else "a family member"


HOUSEHOLD_JA, HOUSEHOLD_EN = "ご家庭", "your household"
ANY_CHILD_JA, ANY_CHILD_EN = "お子さん", "a child"
ANY_ADULT_JA, ANY_ADULT_EN = "ご家族", "a family member"

_CHILD_FLAG = {
    "disability_certificate": ("障害者手帳（身体・療育・精神）を持っている", "holds a disability certificate"),
    "chronic_disease": ("小児慢性特定疾病の認定がある", "has a designated pediatric chronic disease"),
    "developmental_concern": ("発達に課題があり療育を受けている・考えている", "has developmental needs (療育)"),
    "uses_disability_services": (
        "児童発達支援・放課後等デイサービス・在宅レスパイトを利用している",
        "uses child development support, after-school day services or home respite",
    ),
    "special_needs_class": ("特別支援学級に在籍している", "is in a special-needs class"),
    "school_refusal": ("学校に行きづらい（不登校）", "finds it hard to go to school (school refusal)"),
}
# Short forms for 「…のいずれかにあてはまる」.
_CHILD_FLAG_SHORT = {
    "disability_certificate": ("障害者手帳がある", "holds a disability certificate"),
    "chronic_disease": ("小児慢性特定疾病の認定がある", "has a designated pediatric chronic disease"),
    "developmental_concern": ("発達に課題がある（療育など）", "has developmental needs"),
    "uses_disability_services": ("障害児の通所サービスなどを利用している", "uses disability day services"),
    "special_needs_class": ("特別支援学級に在籍している", "is in a special-needs class"),
    "school_refusal": ("学校に行きづらい", "finds it hard to go to school"),
}
_ADULT_FLAG = {
    "disability_certificate": ("障害者手帳を持っている", "holds a disability certificate"),
    "severe_disability": ("重度の障害があり外出や長時間の就労が難しい", "has a severe disability"),
    "memory_concern": ("物忘れなど認知機能に心配がある", "has memory concerns"),
    "nutrition_concern": ("食が細い・やせてきたなど低栄養の心配がある", "may be undernourished"),
}
_DAYCARE = {
    "ward": ("区内の保育施設", "a daycare in the ward"),
    "other": ("区外の保育施設", "a daycare outside the ward"),
}
_SCHOOL = {
    "ward": ("区立の小・中学校", "a ward-run school"),
    "kudan": ("九段中等教育学校", "Kudan Secondary School"),
    "other": ("区立以外の学校", "another school"),
}
_MOVING = {
    "near_parents": ("親元の近くへの住み替え", "moving near your parents"),
    "larger_home": ("広い住宅への転居", "moving to a larger home"),
}
_BUSINESS = {
    "sme": ("区内の中小企業", "a small or medium business in the ward"),
    "startup": ("区内のスタートアップ企業", "a startup in the ward"),
}


def _range_ja(lo: int | None, hi: int | None, unit: str) -> str:
    if lo is not None and hi is not None:
        return f"{lo}{unit}から{hi}{unit}まで"
    return f"{lo}{unit}以上" if lo is not None else f"{hi}{unit}以下"


def _range_en(lo: int | None, hi: int | None, unit: str) -> str:
    if lo is not None and hi is not None:
        return f"{unit} {lo} to {hi}"
    return f"{unit} {lo} or over" if lo is not None else f"{unit} {hi} or under"


def _school_range_ja(c: SchoolYear) -> str:
    if c.max == 0:
        return "小学校入学前（未就学）"
    lo = school_year_ja(c.min) if c.min else None
    hi = school_year_ja(c.max) if c.max else None
    pre = "未就学から" if c.include_preschool else ""
    if lo and hi:
        return f"{pre}{lo}から{hi}（相当）まで"
    return f"{lo}以上" if lo else f"{pre}{hi}まで"


def _school_range_en(c: SchoolYear) -> str:
    if c.max == 0:
        return "not yet at elementary school"
    lo = school_year_en(c.min) if c.min else None
    hi = school_year_en(c.max) if c.max else None
    pre = "preschool or " if c.include_preschool else ""
    if lo and hi:
        return f"{pre}{lo} up to {hi} (or the same age)"
    return f"{lo} or above" if lo else f"{pre}up to {hi}"


def _join(parts: list[tuple[str, str]]) -> tuple[str, str]:
    return "・".join(p[0] for p in parts), " or ".join(p[1] for p in parts)


def requirement(cond: object) -> tuple[str, str]:
    """The condition as a requirement a person can read, in Japanese and English."""
    match cond:
        case Pregnant():
            return "妊娠中である", "someone is pregnant"
        case EducationLoan():
            return "教育資金の貸し付け（教育ローン）を受けている", "has an education loan"
        case MovingIn(in_=values):
            ja, en = _join([_MOVING[v] for v in values if v in _MOVING])
            return f"子育て世帯として{ja}をする", f"{en} as a family raising children"
        case RaisingChildren(max_age=n):
            return f"{n + 1}歳未満のお子さんを育てている（子育て世帯）", f"raises a child under {n + 1}"
        case BusinessIn(in_=values):
            ja, en = _join([_BUSINESS[v] for v in values if v in _BUSINESS])
            return f"{ja}を経営している", f"runs {en}"
        case ChildAge(min=lo, max=hi):
            return f"年齢が{_range_ja(lo, hi, '歳')}", _range_en(lo, hi, "aged")
        case SchoolYear() as c:
            return _school_range_ja(c), _school_range_en(c)
        case ChildSex(is_=sex):
            return ("男の子である", "is a boy") if sex == "male" else ("女の子である", "is a girl")
        case ChildFlagIs(flag=flag):
            return _CHILD_FLAG[flag]
        case ChildAnyFlag(flags=flags):
            return ("（" + "・".join(_CHILD_FLAG_SHORT[f][0] for f in flags) + "）のいずれかにあてはまる",
                    " or ".join(_CHILD_FLAG_SHORT[f][1] for f in flags))
        case DaycareIn(in_=values):
            ja, en = _join([_DAYCARE[v] for v in values if v in _DAYCARE])
            return f"{ja}を利用している", f"attends {en}"
        case SchoolIn(in_=values):
            ja, en = _join([_SCHOOL[v] for v in values if v in _SCHOOL])
            return f"{ja}に通っている", f"attends {en}"
        case TurnsAge(age=age):
            return f"{age}歳を迎える（{age - 1}〜{age}歳）", f"is turning {age} (aged {age - 1} to {age})"
        case CertificateInFamily(max_sibling_age=n):
            return (
                f"本人または{n + 1}歳未満の兄弟姉妹が障害者手帳を持っている",
                f"the child or a sibling under {n + 1} holds a disability certificate",
            )
        case AdultAge(min=lo, max=hi):
            return f"年齢が{_range_ja(lo, hi, '歳')}", _range_en(lo, hi, "aged")
        case AdultFlagIs(flag=flag):
            return _ADULT_FLAG[flag]
    raise TypeError(f"no wording for {type(cond).__name__}")
