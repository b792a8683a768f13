"""What we know about a household. `None` always means "not known yet", never "no".

The distinction matters: the engine answers `maybe` for unknown facts and the dialogue layer
asks about them, while `False` lets it rule a measure out.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator

Daycare = Literal["ward", "other", "none"]
School = Literal["ward", "kudan", "other", "none"]
Sex = Literal["male", "female"]
Moving = Literal["near_parents", "larger_home", "none"]
Business = Literal["sme", "startup", "none"]
AgeBand = Literal["under_65", "65_74", "75_plus"]
Relation = Literal["me", "husband", "wife", "mother", "father", "grandmother", "grandfather", "mother_in_law",
                   "father_in_law"]
AGE_BANDS: dict[str, tuple[int, int]] = {"under_65": (15, 64), "65_74": (65, 74), "75_plus": (75, 120)}

_STRICT = ConfigDict(extra="forbid", str_strip_whitespace=True)
_KINDS = {"type": "string", "enum": list(get_args(Business))}
# The JSON contract says what the API accepts: a list of kinds, or one kind as a string (older clients).
Businesses = Annotated[
    list[Business] | None,
    WithJsonSchema({"anyOf": [{"type": "array", "items": _KINDS, "maxItems": 3}, _KINDS, {"type": "null"}]}),
]


class Child(BaseModel):
    """A child of the household (anyone under 23 the household is raising)."""

    model_config = _STRICT

    age: int = Field(ge=0, le=22, description="Age in whole years (0 for babies).")
    school_year: int | None = Field(
        default=None, ge=1, le=12,
        description="1=小1 … 6=小6, 7=中1 … 9=中3, 10=高1 … 12=高3; null if not at school or unknown.",
    )
    sex: Sex | None = None
    daycare: Daycare | None = Field(default=None, description="ward = 区内保育施設.")
    school: School | None = Field(
        default=None, description="ward = 区立学校, kudan = 九段中等教育学校, none = not at school (未就学 when young)."
    )
    disability_certificate: bool | None = Field(
        default=None, description="Any 障害者手帳: 身体・療育(愛の手帳)・精神."
    )
    chronic_disease: bool | None = Field(default=None, description="小児慢性特定疾病.")
    developmental_concern: bool | None = Field(default=None, description="療育 / 発達に課題.")
    uses_disability_services: bool | None = Field(
        default=None, description="児童発達支援・放課後等デイサービス・在宅レスパイト."
    )
    special_needs_class: bool | None = Field(default=None, description="特別支援学級.")
    school_refusal: bool | None = Field(default=None, description="不登校.")


class Adult(BaseModel):
    """An adult member of the household (parents, grandparents living with them …)."""

    model_config = _STRICT

    age: int | None = Field(default=None, ge=15, le=120)
    age_band: AgeBand | None = Field(
        default=None, description="When only a band is known (a tapped quick reply); `age` wins when both are given."
    )
    disability_certificate: bool | None = None
    severe_disability: bool | None = Field(default=None, description="重度障害.")
    memory_concern: bool | None = Field(default=None, description="物忘れ・軽度認知障害の心配.")
    nutrition_concern: bool | None = Field(default=None, description="食が細い・やせてきた (低栄養).")
    relation: Relation | None = Field(
        default=None, description="Who this is to the person asking (ご主人, あなた …); wording only, no rule uses it."
    )


class Household(BaseModel):
    """A household as the engine sees it. Lists are `None` when we do not know yet."""

    model_config = _STRICT

    pregnant: bool | None = Field(default=None, description="Someone in the household is pregnant.")
    children: list[Child] | None = Field(
        default=None, max_length=15, description="null = not known yet; [] = no children."
    )
    adults: list[Adult] | None = Field(
        default=None, max_length=15, description="null = not known yet; [] = none to tell about."
    )
    education_loan: bool | None = Field(default=None, description="Has borrowed an 教育ローン.")
    moving: Moving | None = Field(default=None, description="Plans to move in the ward.")
    business: Businesses = Field(
        default=None, max_length=3,
        description='Kinds of business run in the ward (an SME may also be a startup); ["none"] = none. '
                    "A single string is accepted too (older clients).",
    )

    @field_validator("business", mode="before")
    @classmethod
    def _business_as_a_set(cls, value: object) -> object:
        """"sme" → ["sme"] (the JSON API took one value before); duplicates dropped, order kept."""
        if isinstance(value, str):
            return [value]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            kinds = list(dict.fromkeys(value))
            return [k for k in kinds if k != "none"] if len(kinds) > 1 else kinds
        return value
