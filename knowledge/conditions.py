"""The fixed vocabulary of machine-checked conditions a measure file may use.

Each type is a small model here and is evaluated exactly once, in `eligibility.py`. A new
measure combines these; it never adds Python. Child conditions read one child at a time; adult
conditions one adult; household conditions the household as a whole.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from knowledge.household import Business, Daycare, Moving, School, Sex

_STRICT = ConfigDict(extra="forbid")

ChildFlag = Literal[
    "disability_certificate",
    "chronic_disease",
    "developmental_concern",
    "uses_disability_services",
    "special_needs_class",
    "school_refusal",
]
AdultFlag = Literal["disability_certificate", "severe_disability", "memory_concern", "nutrition_concern"]


class _Range(BaseModel):
    model_config = _STRICT

    min: int | None = None
    max: int | None = None

    @model_validator(mode="after")
    def _has_bound(self) -> _Range:
        if self.min is None and self.max is None:
            raise ValueError("give min, max or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min must not exceed max")
        return self


class Pregnant(BaseModel):
    """Someone in the household is pregnant (妊婦)."""

    model_config = _STRICT
    type: Literal["pregnant"]


class EducationLoan(BaseModel):
    """The household has borrowed education funds (教育資金の貸し付け)."""

    model_config = _STRICT
    type: Literal["education_loan"]


class MovingIn(BaseModel):
    """The household plans one of these moves."""

    model_config = _STRICT
    type: Literal["moving"]
    in_: list[Moving] = Field(alias="in", min_length=1)


class BusinessIn(BaseModel):
    """The household runs one of these kinds of business in the ward."""

    model_config = _STRICT
    type: Literal["business"]
    in_: list[Business] = Field(alias="in", min_length=1)


class ChildAge(_Range):
    """The child's age in whole years lies in [min, max]."""

    type: Literal["child_age"]


class SchoolYear(_Range):
    """The child's school year (1=小1 … 12=高3) lies in [min, max].

    Decided by `school_year` when known, otherwise by age where every school year that age
    allows agrees (a 12-year-old is 小6 or 中1); preschool children count only if
    `include_preschool`.
    """

    type: Literal["school_year"]
    include_preschool: bool = False


class ChildSex(BaseModel):
    model_config = _STRICT
    type: Literal["sex"]
    is_: Sex = Field(alias="is")


class ChildFlagIs(BaseModel):
    """A yes/no fact about the child must be yes."""

    model_config = _STRICT
    type: Literal["child_flag"]
    flag: ChildFlag


class DaycareIn(BaseModel):
    model_config = _STRICT
    type: Literal["daycare"]
    in_: list[Daycare] = Field(alias="in", min_length=1)


class SchoolIn(BaseModel):
    model_config = _STRICT
    type: Literal["school"]
    in_: list[School] = Field(alias="in", min_length=1)


class TurnsAge(BaseModel):
    """The child is about to turn, or has just turned, `age` (e.g. 2歳を迎える子ども)."""

    model_config = _STRICT
    type: Literal["turns_age"]
    age: int = Field(ge=1)


class CertificateInFamily(BaseModel):
    """The child, or a sibling aged at most `max_sibling_age`, holds a 障害者手帳."""

    model_config = _STRICT
    type: Literal["certificate_in_family"]
    max_sibling_age: int = 17


class AdultAge(_Range):
    type: Literal["adult_age"]


class AdultFlagIs(BaseModel):
    model_config = _STRICT
    type: Literal["adult_flag"]
    flag: AdultFlag


HouseholdCondition = Pregnant | EducationLoan | MovingIn | BusinessIn
ChildCondition = (
    ChildAge | SchoolYear | ChildSex | ChildFlagIs | DaycareIn | SchoolIn | TurnsAge | CertificateInFamily
)
AdultCondition = AdultAge | AdultFlagIs

Condition = Annotated[
    HouseholdCondition | ChildCondition | AdultCondition,
    Field(discriminator="type"),
]

HOUSEHOLD_TYPES = {"pregnant", "education_loan", "moving", "business"}
CHILD_TYPES = {
    "child_age", "school_year", "sex", "child_flag", "daycare", "school", "turns_age", "certificate_in_family",
}
ADULT_TYPES = {"adult_age", "adult_flag"}
