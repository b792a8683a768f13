"""Where a machine-checked condition comes from, and so how strong a verdict it may give.

The document's own words (`quote`, found verbatim in the measure's passage), a term's fixed
meaning (`term`, `means`, `source`), or our reading where the document is silent or vague
(`reading`, a one-line why). Only the first two may make anyone 「対象です」, and a reading never
turns anyone away by itself. `outside` marks a condition whose words firmly admit those who meet it
but do not settle the rest: those outside it see "maybe", with that sentence, never "no".
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

_STRICT = ConfigDict(extra="forbid")


class Why(BaseModel):
    """A sentence in Japanese and English saying what the document does (not) settle.

    Residents read it too (as a point for the counter), so it carries `zh`, `ko` and `easy`
    (やさしい日本語) like `Text`.
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    ja: str = Field(min_length=1)
    en: str = Field(min_length=1)
    zh: str | None = Field(default=None, min_length=1, description="简体中文 (mainland usage).")
    ko: str | None = Field(default=None, min_length=1, description="한국어, 합니다/해요 polite style.")
    easy: str | None = Field(default=None, min_length=1, description="やさしい日本語.")


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


class Sourced(BaseModel):
    """What every condition carries: its basis, and optionally what stays open for those outside it."""

    model_config = _STRICT
    basis: BasisSpec
    outside: Why | None = Field(
        default=None,
        description="Those who do not meet this condition are outside only by our reading: they see maybe, with this.",
    )

    @model_validator(mode="after")
    def _outside_needs_a_firm_basis(self) -> Sourced:
        if self.outside is not None and isinstance(self.basis, Reading):
            raise ValueError("`outside` is for a quote or definition basis; a reading never excludes anyway")
        return self
