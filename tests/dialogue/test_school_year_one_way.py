"""A school year is said one way in every text of a language: the summary and the clarifying question
use the words the reasons use (knowledge/wording.school_year), not a second English form ("8th grade")."""

from __future__ import annotations

import pytest

from bot.dialogue.summary import summary_text
from knowledge.household import Child, Household
from knowledge.languages import LANGS, Lang
from knowledge.wording import child, school_year


@pytest.mark.parametrize("lang", LANGS)
def test_the_summary_names_the_school_year_as_the_reasons_do(lang: Lang) -> None:
    for year, age in ((1, 6), (8, 13), (12, 17)):
        said = summary_text(Household(children=[Child(age=age, school_year=year)]), lang)
        assert school_year(year, lang) in said
        assert school_year(year, lang) in child(Child(age=age, school_year=year), lang)
    assert "8th grade" not in summary_text(Household(children=[Child(age=13, school_year=8)]), lang)
