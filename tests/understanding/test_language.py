"""Which language a message is in, and the words that choose one (bot/understanding/language.py)."""

from __future__ import annotations

import pytest

from bot.understanding import Context, understand
from bot.understanding.language import chosen, detect
from bot.understanding.normalise import normalise
from knowledge.household import Household
from knowledge.languages import NAMES, Lang


def lang_of(text: str, current: Lang | None = None) -> Lang:
    return understand(text, Context(Household(), lang=current)).lang


@pytest.mark.parametrize(("text", "lang"), [
    ("아들은 세 살이에요", "ko"), ("네", "ko"), ("3살", "ko"), ("고1", "ko"),
    ("我有两个孩子", "zh"), ("3岁", "zh"), ("孩子", "zh"), ("是", "zh"), ("有", "zh"), ("没有", "zh"),
    ("不知道", "zh"), ("女儿", "zh"), ("小学三年级", "zh"), ("初二", "zh"), ("怀孕", "zh"), ("对", "zh"),
    ("2歳の息子がいます", "ja"), ("はい", "ja"), ("my son is 4", "en"),
])
def test_each_language_is_told_by_its_script_forms_and_words(text: str, lang: Lang) -> None:
    assert detect(normalise(text)) == lang
    assert lang_of(text) == lang


@pytest.mark.parametrize("text", ["小3", "3歳", "高1", "高一", "中2", "区立小学校", "九段中等教育学校", "区内", "区外",
                                  "妊娠中", "長男6歳、次男3歳", "私立", "一時的保育", "是非", "年長", "母子家庭"])
def test_japanese_written_only_in_kanji_and_digits_stays_japanese(text: str) -> None:
    assert lang_of(text) == "ja"
    assert lang_of(text, "en") == "ja"  # as before: kanji is Japanese


@pytest.mark.parametrize("text", ["高一", "区立", "区内", "小3", "私立"])
def test_kanji_that_both_languages_write_stays_chinese_in_a_chinese_conversation(text: str) -> None:
    assert lang_of(text, "zh") == "zh"


@pytest.mark.parametrize("current", ["ja", "en", "ja-easy", "zh", "ko"])
@pytest.mark.parametrize("text", ["3", "5, 2", "👍", "10 7", "。"])
def test_a_message_that_says_nothing_about_language_keeps_the_conversations(text: str, current: Lang) -> None:
    assert lang_of(text, current) == current


def test_without_a_conversation_language_digits_are_japanese_as_before() -> None:
    assert lang_of("3") == "ja"


def test_easy_japanese_is_never_guessed_but_stays_while_the_resident_writes_japanese() -> None:
    for text in ("こども が 2にん います", "はい", "3さい", "小3"):
        assert lang_of(text) == "ja"
        assert lang_of(text, "ja-easy") == "ja-easy"
    assert lang_of("3岁", "ja-easy") == "zh"  # another language is still another language
    assert lang_of("my son is 4", "ja-easy") == "en"


@pytest.mark.parametrize("current", ["zh", "ko", "ja-easy"])
def test_one_latin_word_keeps_a_chinese_korean_or_easy_japanese_conversation(current: Lang) -> None:
    for word in ("OK", "LINE", "ADHD"):
        assert lang_of(word, current) == current
    assert lang_of("my son is 4", current) == "en"
    assert lang_of("OK", "ja") == "en"  # as before in Japanese


@pytest.mark.parametrize(("text", "lang"), [
    ("中文", "zh"), ("汉语", "zh"), ("Chinese", "zh"), ("简体", "zh"), ("请用中文", "zh"), ("中文可以吗？", "zh"),
    ("中国語でお願いします", "zh"),
    ("한국어", "ko"), ("韓国語", "ko"), ("Korean", "ko"), ("한국어로 해 주세요", "ko"), ("韓国語で", "ko"),
    ("やさしい にほんご", "ja-easy"), ("やさしい日本語", "ja-easy"), ("easy Japanese", "ja-easy"),
    ("やさしい にほんご で おねがいします", "ja-easy"),
    ("日本語", "ja"), ("日本語でお願いします", "ja"), ("にほんご", "ja"), ("Japanese please", "ja"),
    ("English", "en"), ("English please", "en"), ("英語で", "en"), ("in English", "en"), ("영어", "en"),
])
def test_switch_words_choose_a_language(text: str, lang: Lang) -> None:
    assert chosen(text) == lang
    got = understand(text, Context(Household.model_validate({"children": [{"age": 3}]}), lang="ja"))
    assert (got.intent, got.lang) == ("switch_language", lang)
    assert got.household.model_dump(exclude_none=True) == {"children": [{"age": 3}]}  # the household stays


def test_every_language_name_residents_tap_is_a_switch_word() -> None:
    assert {name: chosen(name) for name in NAMES.values()} == {name: lang for lang, name in NAMES.items()}


@pytest.mark.parametrize("text", ["日本語がわからない", "中文的说明书在哪里", "英語の資料はありますか",
                                  "韓国語を話す先生はいますか", "3歳の息子、日本語は話せます",
                                  "English speaking daycare?"])
def test_a_language_named_inside_a_sentence_does_not_switch(text: str) -> None:
    assert chosen(text) is None
    assert understand(text, Context(Household())).intent != "switch_language"


def test_a_one_word_answer_japanese_writes_too_is_chinese_only_outside_a_japanese_conversation() -> None:
    assert [lang_of("有", current) for current in (None, "zh", "en", "ja", "ja-easy")] == \
        ["zh", "zh", "zh", "ja", "ja-easy"]
    assert lang_of("没有", "ja") == "zh"  # a Chinese word is Chinese in any conversation
