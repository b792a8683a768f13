"""The fixed vocabulary of machine-checked conditions a measure file may use.

Each type is a small model here and is evaluated exactly once, in `eligibility.py`. A new
measure combines these; it never adds Python. Child conditions read one child at a time; adult
conditions one adult; household conditions the household as a whole.

Every condition says where it comes from (`basis`): the document's own words (`quote`, found
verbatim in the measure's passage), a term's fixed meaning (`term`, `means`, `source`), or our
reading where the document is silent or vague (`reading`, a one-line why). A verdict is never
stronger than its basis: only the first two may make anyone 「対象です」, and a reading never
turns anyone away by itself. `outside` marks a condition whose words firmly admit those who meet
it but do not settle the rest: those outside it see "maybe", with that sentence, never "no".
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from knowledge.household import Business, Daycare, Moving, School, Sex

_STRICT = ConfigDict(extra="forbid")


class Why(BaseModel):
    """A sentence in Japanese and English saying what the document does (not) settle."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    ja: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Quote(BaseModel):
    """The document's own words, printed in the measure's passage (checked by the health tests)."""

    model_config = _STRICT
    quote: str = Field(min_length=2)


class Definition(BaseModel):
    """A term of the document read by its fixed meaning in law or ward usage (後期高齢者 = 75歳以上)."""

    model_config = _STRICT
    term: str = Field(min_length=1, description="The term as printed in the measure's passage.")
    means: str = Field(min_length=1)
    source: str = Field(min_length=1, description="Where the meaning is fixed, e.g. 高齢者の医療の確保に関する法律.")


class Reading(BaseModel):
    """Our reading where the document is silent or vague: never excludes, never promises."""

    model_config = _STRICT
    reading: Why


BasisSpec = Quote | Definition | Reading


def basis_kind(spec: BasisSpec) -> str:
    """document / definition / reading: the strength a verdict may take from this basis."""
    return "document" if isinstance(spec, Quote) else "definition" if isinstance(spec, Definition) else "reading"


class _Sourced(BaseModel):
    """What every condition carries: its basis, and optionally what stays open for those outside it."""

    model_config = _STRICT
    basis: BasisSpec
    outside: Why | None = Field(
        default=None,
        description="Those who do not meet this condition are outside only by our reading: they see maybe, with this.",
    )

    @model_validator(mode="after")
    def _outside_needs_a_firm_basis(self) -> _Sourced:
        if self.outside is not None and isinstance(self.basis, Reading):
            raise ValueError("`outside` is for a quote or definition basis; a reading never excludes anyway")
        return self

ChildFlag = Literal[
    "disability_certificate",
    "chronic_disease",
    "developmental_concern",
    "uses_disability_services",
    "special_needs_class",
    "school_refusal",
]
AdultFlag = Literal["disability_certificate", "severe_disability", "memory_concern", "nutrition_concern"]


class _Range(_Sourced):

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


class Pregnant(_Sourced):
    """Someone in the household is pregnant (妊婦)."""

    type: Literal["pregnant"]


class EducationLoan(_Sourced):
    """The household has borrowed education funds (教育資金の貸し付け)."""

    type: Literal["education_loan"]


class MovingIn(_Sourced):
    """The household plans one of these moves."""

    type: Literal["moving"]
    in_: list[Moving] = Field(alias="in", min_length=1)


class BusinessIn(_Sourced):
    """The household runs one of these kinds of business in the ward (any of its kinds counts).

    Its `outside` sentence, if any, is for households running another kind of business (a startup
    may also be an SME), never for a household running none.
    """

    type: Literal["business"]
    in_: list[Business] = Field(alias="in", min_length=1)


class RaisingChildren(_Sourced):
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


class ChildSex(_Sourced):
    type: Literal["sex"]
    is_: Sex = Field(alias="is")


class ChildFlagIs(_Sourced):
    """A yes/no fact about the child must be yes."""

    type: Literal["child_flag"]
    flag: ChildFlag


class ChildAnyFlag(_Sourced):
    """At least one of these yes/no facts about the child is yes (「障害や発達に課題のある」)."""

    type: Literal["child_any_flag"]
    flags: list[ChildFlag] = Field(min_length=2)


class DaycareIn(_Sourced):
    type: Literal["daycare"]
    in_: list[Daycare] = Field(alias="in", min_length=1)


class SchoolIn(_Sourced):
    type: Literal["school"]
    in_: list[School] = Field(alias="in", min_length=1)


class TurnsAge(_Sourced):
    """The child is about to turn, or has just turned, `age` (e.g. 2歳を迎える子ども)."""

    type: Literal["turns_age"]
    age: int = Field(ge=1)


class CertificateInFamily(_Sourced):
    """The child, or a sibling aged at most `max_sibling_age`, holds a 障害者手帳."""

    type: Literal["certificate_in_family"]
    max_sibling_age: int = 17


class AdultAge(_Range):
    type: Literal["adult_age"]


class AdultFlagIs(_Sourced):
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
