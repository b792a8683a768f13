"""Health: every question, checklist, option and reply of the question bank exists in every language,
and the words that name household members read right in each (「2歳の息子さん」 / 您2岁的儿子 …)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from bot.dialogue import questions
from bot.dialogue.questions import Question, Words, bank
from knowledge.household import Adult, Child
from knowledge.languages import LANGS, Lang
from knowledge.messages import message
from knowledge.wording import adult, child

NEW: tuple[Lang, ...] = ("ja-easy", "zh", "ko")
LINE_LABEL = 20  # a LINE quick reply's label


def _texts() -> list[tuple[str, Words]]:
    """Every text of the bank with where it sits."""
    out: list[tuple[str, Words]] = []
    for key, q in bank().questions.items():
        out.append((key, q))
        out += [(f"{key} reply {r.value!r}", r) for r in q.replies if isinstance(q.replies, list)]
    for key, c in bank().checklists.items():
        out += [(key, c), (f"{key} again", c.again), (f"{key} none", c.none)]
        out += [(f"{key} {k}", o) for k, o in c.options.items()]
    return out


def test_every_text_of_the_bank_has_every_language() -> None:
    texts = _texts()
    assert len(texts) > 70  # 20 questions, 3 checklists, their replies and options
    for where, words in texts:
        for lang in LANGS:
            assert words.in_(lang).strip(), (where, lang)


def test_a_missing_language_fails_the_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = yaml.safe_load(questions.QUESTIONS_FILE.read_text(encoding="utf-8"))
    del raw["pregnant"]["ko"]
    with pytest.raises(ValidationError, match="ko"):
        Question(key="pregnant", **raw["pregnant"])
    broken = tmp_path / "questions.yaml"
    broken.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(questions, "QUESTIONS_FILE", broken)
    questions.bank.cache_clear()
    try:
        with pytest.raises(ValidationError):
            questions.bank()
    finally:
        monkeypatch.undo()
        questions.bank.cache_clear()


def test_member_placeholders_agree_across_languages() -> None:
    for where, words in _texts():
        uses = {lang: "{member}" in words.in_(lang) for lang in LANGS}
        assert len(set(uses.values())) == 1, (where, uses)


def test_quick_reply_labels_fit_line_in_the_new_languages() -> None:
    """English and Japanese labels are as before issue 13 (LINE's renderer shortens the few long English ones)."""
    labels = [(where, words) for where, words in _texts() if " " in where and not where.endswith(" again")]
    assert labels
    for where, words in labels:
        for lang in NEW:
            assert len(words.in_(lang)) <= LINE_LABEL, (where, lang, words.in_(lang))


@pytest.mark.parametrize(("lang", "son", "daughter"), [
    ("ja", "2歳の息子さん", "9歳の娘さん（小学4年生）"),
    ("en", "your 2-year-old son", "your 9-year-old daughter (year 4 of elementary school)"),
    ("ja-easy", "2さいの むすこさん", "9さいの むすめさん（しょうがっこう 4ねんせい）"),
    ("zh", "您2岁的儿子", "您9岁的女儿（小学4年级）"),
    ("ko", "2살 아드님", "9살 따님(초등학교 4학년)"),
])
def test_members_are_named_in_each_language(lang: Lang, son: str, daughter: str) -> None:
    assert child(Child(age=2, sex="male"), lang) == son
    assert child(Child(age=9, sex="female", school_year=4), lang) == daughter


def test_adults_are_named_in_each_language() -> None:
    husband = Adult(relation="husband", age=78)
    assert [adult(husband, lang) for lang in LANGS] == ["ご主人（78歳）", "your husband (78)", "おっと（78さい）",
                                                        "您的丈夫（78岁）", "남편분(78세)"]
    assert adult(Adult(relation="me", age=40), "en") == "the 40-year-old family member"  # never "you" in English


@pytest.mark.parametrize("key", ["replies.finish", "summary.correct", "common.dont_know", "clarify.again",
                                 "clarify.not_at_daycare", "common.answer_yes", "common.answer_no"])
def test_quick_reply_messages_fit_line(key: str) -> None:
    for lang in LANGS:
        assert len(message(key, lang)) <= LINE_LABEL, (key, lang)
