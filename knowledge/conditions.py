"""The fixed vocabulary of machine-checked conditions a measure file may use.

Each type is a small model here and is evaluated exactly once, in `eligibility.py`. A new
measure combines these; it never adds Python. Child conditions read one child at a time; adult
conditions one adult; household conditions the household as a whole.

Every condition says where it comes from (`basis`, see `basis.py`): a verdict is never stronger
than its basis.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from knowledge.basis import Sourced
from knowledge.household import Business, Daycare, Moving, School, Sex

ChildFlag = Literal[
    "disability_certificate",
    "chronic_disease",
    "developmental_concern",
    "uses_disability_services",
    "special_needs_class",
    "school_refusal",
]
AdultFlag = Literal["disability_certificate", "severe_disability", "memory_concern", "nutrition_concern"]


class _Range(Sourced):
    min: int | None = None
    max: int | None = None

    @model_validator(mode="after")
    def _has_bound(self) -> _Range:
        if self.min is None and self.max is None:
            raise ValueError("give min, max or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min must not exceed max")
        if self.outside is not None and self.min is not None and self.max is not None:
            raise ValueError("`outside` covers one side: give the open bound as its own condition")
        return self


class Pregnant(Sourced):
    """Someone in the household is pregnant (妊婦)."""

    type: Literal["pregnant"]


class EducationLoan(Sourced):
    """The household has borrowed education funds (教育資金の貸し付け)."""

    type: Literal["education_loan"]


class MovingIn(Sourced):
    """The household plans one of these moves."""

    type: Literal["moving"]
    in_: list[Moving] = Field(alias="in", min_length=1)


class BusinessIn(Sourced):
    """The household runs one of these kinds of business in the ward (any of its kinds counts).

    Its `outside` sentence, if any, is for households running another kind of business (a startup
    may also be an SME), never for a household running none.
    """

    type: Literal["business"]
    in_: list[Business] = Field(alias="in", min_length=1)


class RaisingChildren(Sourced):
    """The household raises a child aged at most `max_age` (子育て世帯).

    Only a household with no child at all and no pregnancy is firmly outside; older children and a
    pregnancy are left to the measure's `outside` sentence (the document does not define 子育て世帯).
    """

    type: Literal["raising_children"]
    max_age: int = Field(default=17, ge=0)


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


class ChildSex(Sourced):
    type: Literal["sex"]
    is_: Sex = Field(alias="is")


class ChildFlagIs(Sourced):
    """A yes/no fact about the child must be yes."""

    type: Literal["child_flag"]
    flag: ChildFlag


class ChildAnyFlag(Sourced):
    """At least one of these yes/no facts about the child is yes (「障害や発達に課題のある」)."""

    type: Literal["child_any_flag"]
    flags: list[ChildFlag] = Field(min_length=2)


class DaycareIn(Sourced):
    type: Literal["daycare"]
    in_: list[Daycare] = Field(alias="in", min_length=1)


class SchoolIn(Sourced):
    type: Literal["school"]
    in_: list[School] = Field(alias="in", min_length=1)


class TurnsAge(Sourced):
    """The child is about to turn, or has just turned, `age` (e.g. 2歳を迎える子ども)."""

    type: Literal["turns_age"]
    age: int = Field(ge=1)


class CertificateInFamily(Sourced):
    """The child, or a sibling aged at most `max_sibling_age`, holds a 障害者手帳."""

    type: Literal["certificate_in_family"]
    max_sibling_age: int = 17


class AdultAge(_Range):
    type: Literal["adult_age"]


class AdultFlagIs(Sourced):
    type: Literal["adult_flag"]
    flag: AdultFlag


HouseholdCondition = Pregnant | EducationLoan | MovingIn | BusinessIn | RaisingChildren
ChildCondition = (
    ChildAge | SchoolYear | ChildSex | ChildFlagIs | ChildAnyFlag | DaycareIn | SchoolIn | TurnsAge
    | CertificateInFamily
)
AdultCondition = AdultAge | AdultFlagIs

Condition = Annotated[
    HouseholdCondition | ChildCondition | AdultCondition,
    Field(discriminator="type"),
]

HOUSEHOLD_TYPES = {"pregnant", "education_loan", "moving", "business", "raising_children"}
CHILD_TYPES = {
    "child_age", "school_year", "sex", "child_flag", "child_any_flag", "daycare", "school", "turns_age",
    "certificate_in_family",
}
ADULT_TYPES = {"adult_age", "adult_flag"}
