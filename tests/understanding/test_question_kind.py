"""The kind of a resident's question, read from word lists kept as data (question_kinds.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.understanding.question_kind import KIND_NAMES, KINDS_FILE, asked_named, read_question, specs


def test_every_kind_has_japanese_and_english_words_and_says_what_is_missing() -> None:
    data = yaml.safe_load(KINDS_FILE.read_text(encoding="utf-8"))["kinds"]
    assert set(data) == set(KIND_NAMES)
    for name, kind in data.items():
        assert {"ja", "en"} <= set(kind["words"]), name
        assert {"ja", "en"} <= set(kind["missing"]), name


@pytest.mark.parametrize(("text", "kind"), [
    ("申請に必要な書類は？", "documents"),  # documents before procedure
    ("いつまでに申請すればいい？", "when"),  # when before procedure
    ("窓口の電話番号は？", "contact"),  # contact before where
    ("申し込みはどこでできますか", "where"),
    ("学童の申し込みはどうやるの？", "procedure"),
    ("給食費タダにしてもらうのに何か手続きいる？", "procedure"),  # タダ names the topic, 手続き is the question
    ("どれくらい補助されるの？", "amount"),
    ("うちの子も対象になりますか", "eligibility"),
    ("How do I apply?", "procedure"),
    ("What documents do I need?", "documents"),
    ("Who do I call about benefits?", "contact"),
    ("Is the school lunch free?", "amount"),
])
def test_the_kind_of_a_question(text: str, kind: str) -> None:
    asked = read_question(text)
    assert asked is not None and asked.kind == kind


@pytest.mark.parametrize(("text", "name"), [
    ("いつ振り込まれますか", "when.payment"), ("締め切りはいつ？", "when.deadline"), ("いつから？", "when.start"),
    ("私は必ずもらえますか", "eligibility.certainty"), ("Am I guaranteed to get it?", "eligibility.certainty"),
])
def test_finer_topics_nobody_here_can_answer_are_told_apart(text: str, name: str) -> None:
    asked = read_question(text)
    assert asked is not None and asked.name == name
    assert asked_named(name) == asked  # kept in a session while asking which measure


@pytest.mark.parametrize(("text", "kind"), [
    # the question word decides over the topic word
    ("誰でも登録できるの？", "eligibility"),
    ("申請書はどこでもらえますか", "where"),
    ("Who is allowed to register?", "eligibility"),
    ("How much is the application fee?", "amount"),
    # sentence endings, with no question word at all
    ("病児保育室に預けられますか", "eligibility"),
    ("うちの娘も対象？", "eligibility"),
    ("私立でもOK?", "eligibility"),
    ("補助は半額？", "amount"),
    ("この制度の手続きの仕方がわからない", "procedure"),
    ("もう始まってる？", "when"),
    ("Does my daughter qualify?", "eligibility"),
    ("Is my son covered too?", "eligibility"),
    ("What time does the counter close?", "contact"),
    ("Which park is it in?", "where"),
])
def test_question_words_and_sentence_shapes(text: str, kind: str) -> None:
    asked = read_question(text)
    assert asked is not None and asked.kind == kind, (text, asked and asked.name)


@pytest.mark.parametrize(("text", "name"), [
    ("何回まで補助されますか", "amount.count"), ("How many times is it covered?", "amount.count"),
    ("1回いくらですか", "amount.money"), ("自己負担は無料？ いくらかかる？", "amount.money"),
    ("何時間まで使えますか", "amount.hours"),
])
def test_how_many_and_how_much_are_told_apart(text: str, name: str) -> None:
    """Which printed figure answers depends on what is counted: 「何回」 is not answered by 「全額」."""
    asked = read_question(text)
    assert asked is not None and asked.name == name


def test_household_facts_alone_ask_nothing() -> None:
    assert read_question("2歳の息子がいます") is None
    assert read_question("保育園に毎日おむつを持っていくのが大変") is None
    assert read_question("We have two children") is None


def test_a_new_language_is_a_new_key_in_the_data(tmp_path: Path) -> None:
    data = yaml.safe_load(KINDS_FILE.read_text(encoding="utf-8"))
    data["kinds"]["contact"]["words"]["vi"] = ["số điện thoại"]
    data["kinds"]["contact"]["missing"]["vi"] = "số điện thoại"
    path = tmp_path / "kinds.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    contact = next(s for s in specs(path) if s.name == "contact")
    assert contact.said_in("số điện thoại của phường là gì?") and contact.missing["vi"] == "số điện thoại"


def test_no_pattern_holds_a_control_character() -> None:
    """A double-quoted YAML string turns \\b into a backspace: such a pattern silently never matches."""
    for spec in specs():
        topics = [w for t in spec.topics for w in t.words]
        for pattern in (*spec.asks, *spec.words, *spec.weak, *spec.situation, *spec.also, *topics):
            assert not any(ord(c) < 32 for c in pattern.pattern), (spec.name, pattern.pattern)
