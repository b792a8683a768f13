"""What the chat says with its results: 窓口で確認すること per measure, related programmes under
their own heading (never 「対象です」), "one more fact from you" told apart from "the document does
not settle this", and the dated notice after 令和6年度 — in Japanese and English.

The Match objects are built by hand (rendering input), so every kind of result is covered whatever
the catalog produces today; the last tests run the real dialogue with a fixed clock."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.dialogue import replies
from bot.dialogue.conversation import Dialogue
from knowledge.catalog import default_catalog
from knowledge.dated import fixed
from knowledge.outcome import Fact
from knowledge.results import Match, Results


def match(status: str, **extra: Any) -> Match:
    base: dict[str, Any] = dict(id=f"m_{status}", title=f"{status}の施策", page="P80", kind="benefit", status=status,
                                summary="概要", reasons=[f"{status}の理由"], conditions=[], missing=[],
                                check_yourself=["確認1です。", "確認2です。"])
    return Match.model_validate({**base, **extra})


RESULTS = Results(
    eligible=[match("eligible")],
    maybe=[match("maybe", id="asks", missing=[Fact(key="daycare", member=0)]),
           match("maybe", id="open", unsettled=["学年の範囲は資料に書かれていません。"], check_yourself=[])],
    later=[],
    related=[match("related", how_chosen="学校が派遣する生徒を選びます。", reasons=["対象です"])],
)


def section(text: str, head: str) -> str:
    """The text from a 【head…】 line up to the next 【 heading."""
    start = text.index(f"【{head}")
    end = text.find("【", start + 1)
    return text[start: end if end != -1 else None]


def test_eligible_and_related_measures_have_one_line_of_what_to_check_at_the_counter() -> None:
    text = replies.results_text(RESULTS, "ja")
    assert text.count("窓口で確認：確認1です。（ほか1点）") == 2  # eligible and related
    assert "　窓口で確認：" in section(text, "対象になる支援")
    assert "窓口で確認：" not in section(text, "対象かもしれない支援")  # a maybe's points are on its card: short text
    en = replies.results_text(RESULTS, "en")
    assert en.count("To check at the counter: 確認1です。 (+1 more)") == 2


def test_related_programmes_have_their_own_heading_and_are_never_called_eligible() -> None:
    text = replies.results_text(RESULTS, "ja")
    related = section(text, "関係する取り組み（1件）")
    assert "参加する人は学校や区などが選びます" in related
    assert "参加する人の決め方：学校が派遣する生徒を選びます。" in related
    assert "対象です" not in related  # not even when the engine's reasons say it: no verdict words
    assert "related" not in section(text, "対象になる支援")
    en = replies.results_text(RESULTS, "en")
    assert "Related programmes (1):" in en and "Who takes part: 学校が派遣する生徒を選びます。" in en


def test_a_maybe_says_whether_it_waits_on_the_resident_or_on_the_counter() -> None:
    """The engine's reason asks for a missing fact (「…が分かれば判定できます」); a point the document
    does not settle gets its own sentence sending the resident to the counter."""
    text = replies.results_text(RESULTS, "ja")
    maybe = section(text, "対象かもしれない支援")
    asks, open_ = maybe.split("・maybeの施策")[1:]
    assert "資料だけでは決まりません" not in asks
    assert "資料だけでは決まりません。窓口でおたずねください：学年の範囲は資料に書かれていません。" in open_
    en = replies.results_text(RESULTS, "en")
    assert "The document does not settle this; please ask at the ward office: " in en


def test_a_maybe_waiting_on_both_says_both() -> None:
    both = match("maybe", missing=[Fact(key="child.school", member=0)], unsettled=["後期課程は書かれていません。"])
    lines = replies.waits_lines(both, "ja")
    assert lines == ["ご家庭のことをあと少し伺えば判定できます。",
                     "資料だけでは決まりません。窓口でおたずねください：後期課程は書かれていません。"]


def test_the_dated_notice_opens_the_results_and_is_absent_without_one() -> None:
    """First, so that clipping a long text (LINE: 5,000 characters) never drops it."""
    dated = replies.results_text(RESULTS, "ja", "令和6年度の情報です")
    assert dated.startswith("令和6年度の情報です\n【対象になる支援")
    assert "令和6年度の情報です" not in replies.results_text(RESULTS, "ja")
    empty = Results(eligible=[], maybe=[], later=[])
    assert replies.results_text(empty, "en", "Dated.") == "Dated.\nNo matching support found so far."
    assert replies.results_text(empty, "en") == "No matching support found so far."


@pytest.mark.parametrize(("today", "dated"), [(date(2025, 3, 31), False), (date(2025, 4, 1), True)])
def test_the_greeting_and_results_carry_the_notice_only_after_the_fiscal_year(today: date, dated: bool) -> None:
    dialogue = Dialogue(default_catalog(), clock=fixed(today))
    state, turn = dialogue.start("ja")
    assert ("令和6年度（2024年4月〜2025年3月）の区の資料によるもの" in turn.messages[0].text) is dated
    state, turn = dialogue.respond(state, "結果を見せて")
    assert ("その後、内容が変わっているかもしれません" in turn.messages[0].text) is dated
    state, turn = dialogue.start("en")
    assert ("It may have changed since." in turn.messages[0].text) is dated


def test_a_ward_junior_high_student_sees_the_ogasawara_exchange_as_related_not_eligible() -> None:
    """Real engine values (P83: the school sends students; nobody applies)."""
    from knowledge.household import Household
    from knowledge.results import match_household

    household = Household.model_validate({"children": [{"age": 13, "school": "ward", "school_year": 7}]})
    for lang, head in (("ja", "【関係する取り組み"), ("en", "Related programmes")):
        results = match_household(default_catalog(), household, lang)  # type: ignore[arg-type]
        [ogasawara] = [m for m in results.related if m.id == "ogasawara_exchange"]
        text = replies.results_text(results, lang)  # type: ignore[arg-type]
        related = text[text.index(head):]
        assert ogasawara.title in related and ogasawara.title not in text[:text.index(head)]
        assert ogasawara.how_chosen and ogasawara.how_chosen in related


def test_progress_counts_related_programmes_apart() -> None:
    ja, en = replies.progress_text(RESULTS, "ja"), replies.progress_text(RESULTS, "en")
    assert ja == "いまのところ、対象 1件・対象かもしれない 2件・関係する取り組み 1件です。"
    assert en == "So far: 1 you qualify for, 2 you may qualify for, 1 related programme."
    no_related = RESULTS.model_copy(update={"related": []})
    assert replies.progress_text(no_related, "ja") == "いまのところ、対象 1件・対象かもしれない 2件です。"


def test_every_measure_a_resident_can_be_shown_has_points_to_check_at_the_counter() -> None:
    """Only measures with an eligibility rule reach eligible / maybe / related; each has 窓口で確認すること,
    so no card on any channel goes without it (initiatives without a rule are never shown as results)."""
    shown = [m for m in default_catalog() if m.eligibility]
    assert len(shown) > 25
    assert [m.id for m in shown if not m.conditions_text] == []
