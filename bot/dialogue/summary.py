"""What the bot understood, said back in the resident's words after a message that changed the
household (「ここまでの内容：お子さん2人（小学4年生・2歳 区内の保育施設）」), so a wrong reading is
seen and corrected at once instead of silently deciding the results.

Only what is known is said; unknown facts are left out, and nothing is guessed.
"""

from __future__ import annotations

from typing import Any

from bot.dialogue.questions import Lang
from knowledge.household import Household
from knowledge.wording import school_year_ja

CORRECT = {"ja": "訂正する", "en": "Correct this"}
HOW_TO_CORRECT = {
    "ja": "違うところは、正しい内容を書いて送ってください（例：「いや、3歳です」「下の子は3歳です」"
          "「上の子は区立の小学校です」）。全部やり直すときは「最初から」と送ってください。",
    "en": "Just write what is right instead (for example \"no, 3 years old\", \"the younger one is 3\"). "
          "Say \"start over\" to begin again.",
}
_ORDINAL = {1: "st", 2: "nd", 3: "rd"}
_CHILD_FLAGS = {
    "disability_certificate": ("障害者手帳", "disability certificate"),
    "chronic_disease": ("小児慢性特定疾病", "chronic disease"),
    "developmental_concern": ("発達の心配", "developmental concern"),
    "uses_disability_services": ("障害児の福祉サービス", "disability services"),
    "special_needs_class": ("特別支援学級", "special needs class"),
    "school_refusal": ("不登校", "not going to school"),
}
_ADULT_FLAGS = {
    "disability_certificate": ("障害者手帳", "disability certificate"),
    "severe_disability": ("重度の障害", "severe disability"),
    "memory_concern": ("物忘れの心配", "memory concern"),
    "nutrition_concern": ("食が細い", "eating less"),
}
_DAYCARE = {"ward": ("区内の保育施設", "ward daycare"), "other": ("区外の保育施設", "daycare outside the ward"),
            "none": ("保育施設なし", "no daycare")}
_SCHOOL = {"ward": ("区立", "ward school"), "kudan": ("九段中等教育学校", "Kudan secondary"),
           "other": ("区立以外の学校", "non-ward school")}
_BAND = {"under_65": ("65歳未満", "under 65"), "65_74": ("65〜74歳", "65–74"), "75_plus": ("75歳以上", "75+")}
_MOVING = {"near_parents": ("親の近くへ転居予定", "moving near parents"),
           "larger_home": ("広い住まいへ転居予定", "moving to a larger home")}
_BUSINESS = {"sme": ("中小企業を経営", "runs a small business"), "startup": ("スタートアップを経営", "runs a start-up")}


def school_year_label(year: int, lang: Lang) -> str:
    """6 → 小学6年生 / 6th grade; 8 → 中学2年生 / 8th grade (Japanese school years 1–12)."""
    if lang == "en":
        return f"{year}{_ORDINAL.get(year, 'th')} grade"
    return school_year_ja(year)


def _child(child: dict[str, Any], lang: Lang) -> str:
    i = 1 if lang == "en" else 0
    head = school_year_label(child["school_year"], lang) if child.get("school_year") else \
        (f"{child['age']}" if lang == "en" else f"{child['age']}歳")
    parts = [head]
    if child.get("sex"):
        parts.append({"male": ("男の子", "boy"), "female": ("女の子", "girl")}[child["sex"]][i])
    if child.get("daycare") in _DAYCARE:
        parts.append(_DAYCARE[child["daycare"]][i])
    if child.get("school") in _SCHOOL:
        parts.append(_SCHOOL[child["school"]][i])
    parts += [words[i] for field, words in _CHILD_FLAGS.items() if child.get(field)]
    return ", ".join(parts) if lang == "en" else " ".join(parts)


def _adult(adult: dict[str, Any], lang: Lang) -> str:
    i = 1 if lang == "en" else 0
    age = adult.get("age")
    parts = [f"{age}" if lang == "en" else f"{age}歳"] if age is not None else \
        [_BAND[adult["age_band"]][i]] if adult.get("age_band") in _BAND else []
    parts += [words[i] for field, words in _ADULT_FLAGS.items() if adult.get(field)]
    return (", ".join(parts) if lang == "en" else " ".join(parts)) or ("age unknown" if lang == "en" else "年齢未定")


def _business(value: Any) -> list[str]:
    return [v for v in (value if isinstance(value, list) else [value]) if v in _BUSINESS]


def summary_text(household: Household, lang: Lang, unaged: int = 0) -> str:
    """One line: the children, the adults, then household facts; 「まだ何も伺っていません」 when empty.
    `unaged`: children named without an age (kept in the session, not in the household)."""
    data = household.model_dump()
    i = 1 if lang == "en" else 0
    items: list[str] = []
    kids, adults = data.get("children"), data.get("adults")
    if kids:
        inner = ("; " if lang == "en" else "・").join(_child(c, lang) for c in kids)
        items.append(f"{len(kids)} {'child' if len(kids) == 1 else 'children'} ({inner})" if lang == "en"
                     else f"お子さん{len(kids)}人（{inner}）")
    elif kids == []:
        items.append(("子どもなし", "no children")[i])
    if unaged:
        items.append(f"{unaged} more {'child' if unaged == 1 else 'children'} (age not given)" if lang == "en"
                     else f"年齢をまだ伺っていないお子さん{unaged}人")
    if adults:
        inner = ("; " if lang == "en" else "・").join(_adult(a, lang) for a in adults)
        items.append(f"{len(adults)} {'adult' if len(adults) == 1 else 'adults'} ({inner})" if lang == "en"
                     else f"大人{len(adults)}人（{inner}）")
    if data.get("pregnant"):
        items.append(("妊娠中", "pregnant")[i])
    if data.get("education_loan"):
        items.append(("教育ローンあり", "education loan")[i])
    if data.get("moving") in _MOVING:
        items.append(_MOVING[data["moving"]][i])
    items += [_BUSINESS[b][i] for b in _business(data.get("business"))]
    if not items:
        return "So far I have: nothing yet." if lang == "en" else "ここまでの内容：まだ何も伺っていません。"
    return f"So far I have: {'; '.join(items)}." if lang == "en" else f"ここまでの内容：{'、'.join(items)}"
