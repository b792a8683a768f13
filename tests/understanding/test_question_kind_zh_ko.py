"""Questions in Chinese and Korean are read by the same word lists (question_kinds.yaml keys zh, ko),
and every kind says what is missing in every language the bot speaks."""

from __future__ import annotations

import pytest
import yaml

from bot.dialogue.answering import Answerer
from bot.understanding.question_kind import KINDS_FILE, asked_named, asks_in_general, read_question
from knowledge.catalog import default_catalog
from knowledge.contact import Contact
from knowledge.languages import LANGS


@pytest.mark.parametrize(("text", "name"), [
    ("窗口几点关门？", "contact"),
    ("应该联系谁？", "contact"),
    ("申请需要带什么材料？", "documents"),
    ("在哪里申请？", "where"),
    ("什么时候可以申请？", "when"),
    ("补助什么时候打款？", "when.payment"),
    ("申请截止到几月？", "when.deadline"),
    ("补助多少钱？", "amount.money"),
    ("一年可以用几次？", "amount.count"),
    ("怎么申请？", "procedure"),
    ("外国人也可以领吗？", "eligibility"),
    ("我家符合条件吗？", "eligibility"),
    ("一定能拿到吗？", "eligibility.certainty"),
    ("창구는 몇 시까지 해요?", "contact"),
    ("전화번호 알려 주세요", "contact"),
    ("신청할 때 뭘 가져가야 하나요?", "documents"),
    ("어디에서 신청해요?", "where"),
    ("언제 신청할 수 있어요?", "when"),
    ("보조금은 언제 입금돼요?", "when.payment"),
    ("얼마 받을 수 있어요?", "amount.money"),
    ("1년에 몇 번 쓸 수 있어요?", "amount.count"),
    ("어떻게 신청해요?", "procedure"),
    ("저도 대상인가요?", "eligibility"),
    ("반드시 받을 수 있나요?", "eligibility.certainty"),
])
def test_a_chinese_or_korean_question_is_read_as_its_kind(text: str, name: str) -> None:
    asked = read_question(text)
    assert asked is not None and asked.name == name, (text, asked and asked.name)


@pytest.mark.parametrize("text", ["我有两个孩子", "我们住在千代田区", "아이가 둘 있어요", "치요다구에 살고 있어요"])
def test_a_plain_statement_is_no_question(text: str) -> None:
    assert read_question(text) is None
    assert not asks_in_general(text)


@pytest.mark.parametrize("text", ["能得到什么支援？", "有哪些补贴？", "어떤 지원이 있어요?"])
def test_a_question_about_every_measure_in_chinese_or_korean(text: str) -> None:
    assert asks_in_general(text)


def test_every_kind_and_topic_has_words_in_zh_and_ko_and_a_missing_text_in_every_language() -> None:
    data = yaml.safe_load(KINDS_FILE.read_text(encoding="utf-8"))
    assert {"zh", "ko"} <= set(data["general"])
    for name, kind in data["kinds"].items():
        for tier in ("asks", "words", "weak"):
            if tier in kind:
                assert {"zh", "ko"} <= set(kind[tier]), (name, tier)
        assert set(LANGS) <= set(kind["missing"]), name
        for topic, body in (kind.get("topics") or {}).items():
            assert {"zh", "ko"} <= set(body["words"]), (name, topic)
            assert set(LANGS) <= set(body["missing"]), (name, topic)


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "资料中没有写明申请方法。"), ("ko", "자료에는 신청 방법에 대한 기재가 없습니다."),
    ("ja-easy", "しりょうには もうしこみの しかたは かいて ありません。"),
])
def test_a_question_the_document_does_not_answer_is_said_in_the_residents_language(lang: str, said: str) -> None:
    catalog = default_catalog()
    asked = asked_named("procedure")
    assert asked is not None
    text = Answerer(catalog, Contact()).about(catalog.measures["male_hpv_vaccine"], asked, lang).text  # type: ignore[arg-type]
    assert said in text
    assert "記載がありません" not in text


@pytest.mark.parametrize("text", ["区役所的电话号码是多少？", "电话是多少?"])
def test_a_phone_number_asked_with_how_much_is_a_contact_question(text: str) -> None:
    """多少 also asks for a number that is no amount: 「电话号码是多少」 is whom to call."""
    asked = read_question(text)
    assert asked is not None and asked.kind == "contact"
