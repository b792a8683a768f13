"""A maybe with a point the document leaves open asks the resident to go to the counter once, with
what the counter must settle — in every language (the reason no longer says it a second time)."""

from __future__ import annotations

import pytest

from bot.dialogue import replies
from knowledge.catalog import default_catalog
from knowledge.household import Household
from knowledge.languages import LANGS, Lang
from knowledge.messages import message
from knowledge.reasons import reasons_in
from knowledge.results import match_household

FIRST_GRADER = Household.model_validate({"children": [{"age": 6, "school_year": 1}]})


@pytest.mark.parametrize("lang", LANGS)
def test_the_open_point_is_said_once_with_what_the_counter_settles(lang: Lang) -> None:
    results = match_household(default_catalog(), FIRST_GRADER, lang)
    [gakudo] = [m for m in results.maybe if m.id == "private_gakudo_club"]
    assert gakudo.unsettled
    text = replies.results_text(results, lang)
    block = text[text.index(gakudo.title):].split("\n")[:4]
    generic = message("reasons.unsettled", lang)
    assert not any(generic in line for line in block)
    assert sum(line.strip().startswith(message("replies.waits_unsettled", lang, points="").rstrip(":：")[:8])
               for line in block) == 1
    assert any(gakudo.unsettled[0] in line for line in block)


def test_a_maybe_without_open_points_still_says_to_ask_the_counter() -> None:
    """Where nothing lists the open points, the reason is the one place that sends the resident there."""
    [outcome] = [o for m, o in default_catalog().evaluate(FIRST_GRADER) if m.id == "private_gakudo_club"]
    bare = outcome.model_copy(update={"unsettled": {}, "reasons": {}})
    for lang in LANGS:
        assert any(message("reasons.unsettled", lang) in line for line in reasons_in(bare, lang))
