"""The engine's words in every language: reasons naming members, later notes, dated notices, contact lines
and translated titles (the document's Japanese title beside, the page unchanged)."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.catalog import default_catalog
from knowledge.contact import Contact
from knowledge.dated import dating
from knowledge.household import Child, Household
from knowledge.languages import LANGS, Lang
from knowledge.results import match_household

TODDLER = Household(children=[Child(age=2, sex="male", daycare="ward")])


@pytest.mark.parametrize(("lang", "reason", "later"), [
    ("ja", "2歳の息子さん：区内の保育施設を利用している", "2歳の息子さんは小学1年生になると対象になります。"),
    ("en", "Your 2-year-old son: attends a daycare in the ward",
     "Your 2-year-old son becomes eligible in year 1 of elementary school."),
    ("ja-easy", "2さいの むすこさん：くの なかの ほいくえん などに かよっている",
     "2さいの むすこさんは しょうがっこう 1ねんせいに なると あてはまります。"),
    ("zh", "您2岁的儿子：在区内的保育设施入托", "您2岁的儿子到小学1年级时将符合条件。"),
    ("ko", "2살 아드님: 구 내 보육시설 이용 중", "2살 아드님: 초등학교 1학년이 되면 대상이 됩니다."),
])
def test_reasons_and_later_notes_name_the_member(lang: Lang, reason: str, later: str) -> None:
    results = match_household(default_catalog(), TODDLER, lang)
    diapers = next(m for m in results.eligible if m.id == "diaper_provision")
    assert diapers.reasons == [reason] and diapers.page == "P80"
    lunch = next(m for m in results.later if m.id == "school_lunch_free")
    assert lunch.later == later


def test_titles_carry_the_japanese_title_beside_a_translation() -> None:
    catalog = default_catalog()
    by_lang = {lang: match_household(catalog, TODDLER, lang).eligible[0] for lang in LANGS}
    measure = catalog.get(by_lang["ja"].id)
    assert measure is not None
    assert by_lang["ja"].title == measure.title and by_lang["en"].title == measure.title_en
    assert by_lang["zh"].title == f"{measure.title_zh}（{measure.title}）"
    assert by_lang["ko"].title == f"{measure.title_ko}({measure.title})"
    assert by_lang["ja-easy"].title == f"{measure.title_easy}（{measure.title}）"
    assert {m.page for m in by_lang.values()} == {measure.page}
    assert by_lang["ja-easy"].summary == measure.summary.easy and by_lang["zh"].summary == measure.summary.zh


def test_the_dated_notice_in_every_language() -> None:
    over = dating(date(2026, 1, 1))
    for lang in LANGS:
        notice, short = over.notice(lang), over.short_notice(lang)
        assert notice and short and "2024" in notice and "2025" in notice, lang
    assert dating(date(2024, 10, 1)).notice("zh") is None


def test_contact_lines_in_every_language() -> None:
    contact = Contact(name="千代田区役所", phone="03-3264-2111")
    assert contact.line("ja") == "お問い合わせ：千代田区役所（電話 03-3264-2111）"
    assert contact.line("en") == "Contact: 千代田区役所 (Phone: 03-3264-2111)"
    assert contact.line("zh") == "咨询：千代田区役所（电话：03-3264-2111）"
    assert contact.line("ko") == "문의: 千代田区役所 (전화 03-3264-2111)"
    assert Contact().ask_line("ko") == "구청 창구(区の窓口)에 문의해 주십시오."


def test_the_handouts_contact_lines_are_the_same_words_one_a_line() -> None:
    """The printed handout's lines (sent with /api/eligibility): the place, then each detail set."""
    contact = Contact(name="千代田区役所", phone="03-3264-2111", hours="平日 8:30〜17:15")
    assert contact.lines("ja") == ["お問い合わせ：千代田区役所", "電話 03-3264-2111", "受付時間 平日 8:30〜17:15"]
    assert contact.lines("zh") == ["咨询：千代田区役所", "电话：03-3264-2111", "受理时间：平日 8:30〜17:15"]
    assert Contact(phone="03-3264-2111").lines("en") == ["Contact: the ward office counter", "Phone: 03-3264-2111"]
    assert Contact().lines("ja") == []  # the handout then says 区の窓口 in its own sentence


def test_a_tag_is_one_of_ours_or_none() -> None:
    from knowledge.languages import as_lang, ours

    assert [ours(t) for t in ("zh-CN", "ko_KR", "EN", "ja_easy", "ja")] == ["zh", "ko", "en", "ja-easy", "ja"]
    assert [ours(t) for t in ("fr", "", None, "english")] == [None, None, None, None]
    assert as_lang("fr", "en") == "en" and as_lang("fr") == "ja"
