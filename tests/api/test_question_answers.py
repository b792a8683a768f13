"""Questions residents actually ask (issue 15), over real HTTP: how to apply, when, how much, who,
where, what to bring, whom to call — with the ward office's contact configured and without it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from api.main import create_app
from knowledge.settings import Settings
from tests.api.conftest import live_server, wait_for_index

OFFICE = {"office_name": "千代田区役所", "office_counter": "子ども総合窓口（2階）", "office_phone": "03-1234-5678",
          "office_hours": "平日 8:30〜17:15", "office_url": "https://example.jp/kosodate"}
CONTACT_LINE = ("お問い合わせ：千代田区役所 子ども総合窓口（2階）（電話 03-1234-5678／受付時間 平日 8:30〜17:15／"
                "ホームページ https://example.jp/kosodate）")
NOT_UNDERSTOOD = "うまく読み取れませんでした"


def client_for(make_settings: Callable[..., Settings], **overrides: Any) -> Iterator[httpx.Client]:
    app = create_app(make_settings(today="2025-04-01", **overrides))
    with live_server(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        wait_for_index(client)
        yield client


@pytest.fixture(scope="module")
def plain(make_settings: Callable[..., Settings]) -> Iterator[httpx.Client]:
    yield from client_for(make_settings)


@pytest.fixture(scope="module")
def office(make_settings: Callable[..., Settings]) -> Iterator[httpx.Client]:
    yield from client_for(make_settings, **OFFICE)


def ask(client: httpx.Client, text: str, session_id: str | None = None) -> dict[str, Any]:
    response = client.post("/api/chat", json={"text": text, **({"session_id": session_id} if session_id else {})})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def answer_text(body: dict[str, Any]) -> str:
    """The reply that carries the answer (the pending household question follows it)."""
    return next(r["text"] for r in body["replies"] if r["text"].startswith(("【", "About", "区の資料", "必ず", "どの")))


def test_how_to_apply_for_diapers_says_the_daycare_provides_them_and_no_procedure_is_printed(
        plain: httpx.Client, office: httpx.Client) -> None:
    body = ask(plain, "おむつの申請方法を教えて")
    text = answer_text(body)
    assert body["answer"]["kind"] == "procedure" and body["answer"]["measure_id"] == "diaper_provision"
    assert body["answer"]["in_document"] is False and body["answer"]["page"] == "P80"
    assert "資料には申請方法の記載がありません。" in text
    assert "「区内保育施設においておむつや手口拭き等を用意」" in text  # the document's words: the daycare provides them
    assert "申請方法は、区の窓口でおたずねください。" in text and "お問い合わせ" not in text
    assert text.endswith("令和6年度の資料の情報です。その後変わっているかもしれません。")  # dated (short notice)
    assert not any(m in text for m in ("P132", "P94"))  # one measure, not three
    with_office = answer_text(ask(office, "おむつの申請方法を教えて"))
    assert CONTACT_LINE in with_office and "区の窓口でおたずねください" not in with_office


def test_how_much_for_hpv_quotes_the_full_subsidy(plain: httpx.Client, office: httpx.Client) -> None:
    body = ask(plain, "HPVワクチンはいくら補助されますか")
    assert body["answer"] == {**body["answer"], "kind": "amount", "measure_id": "male_hpv_vaccine", "in_document": True}
    text = answer_text(body)
    assert "資料の記載：「4価ワクチンの接種費用を全額助成」" in text
    assert "令和6年度に新規の施策です（資料：「区独自に対象に加え」）。" in text
    assert "詳しくは、区の窓口でおたずねください。" in text
    assert CONTACT_LINE in answer_text(ask(office, "HPVワクチンはいくら補助されますか"))


def test_from_when_is_the_fiscal_year_and_no_date_is_made_up(plain: httpx.Client) -> None:
    body = ask(plain, "給食費の補助はいつから？")
    assert (body["answer"]["kind"], body["answer"]["topic"], body["answer"]["measure_id"]) == \
        ("when", "start", "school_lunch_free")
    text = answer_text(body)
    assert "令和6年度（2024年4月〜2025年3月）の区の重点施策" in text and "開始の日付までは書かれていません" in text


def test_the_counters_phone_number_is_the_deployments_or_the_ward_office_counter(
        plain: httpx.Client, office: httpx.Client) -> None:
    body = ask(plain, "窓口の電話番号は？")
    text = answer_text(body)
    assert body["answer"]["kind"] == "contact" and body["answer"]["measure_id"] is None
    assert "区の窓口でおたずねください。" in text and NOT_UNDERSTOOD not in str(body["replies"])
    assert "03-" not in text  # nothing invented
    with_office = ask(office, "窓口の電話番号は？")
    assert CONTACT_LINE in answer_text(with_office)


def test_a_follow_up_refers_to_the_measure_just_answered(plain: httpx.Client) -> None:
    first = ask(plain, "おむつの申請方法を教えて")
    paid = ask(plain, "いつ振り込まれますか", first["session_id"])
    assert (paid["answer"]["topic"], paid["answer"]["measure_id"], paid["answer"]["in_document"]) == \
        ("payment", "diaper_provision", False)
    assert "資料では、お金を支給（振り込み）する施策としては書かれていません。" in answer_text(paid)


def test_nobody_promises_that_you_will_get_it(plain: httpx.Client, office: httpx.Client) -> None:
    body = ask(plain, "私は必ずもらえますか")
    assert (body["answer"]["kind"], body["answer"]["topic"]) == ("eligibility", "certainty")
    assert "必ず受けられるかどうかは、お約束できません。" in answer_text(body)
    assert NOT_UNDERSTOOD not in str(body["replies"])
    assert CONTACT_LINE in answer_text(ask(office, "私は必ずもらえますか"))


def test_an_unclear_measure_is_asked_back_with_the_candidates(plain: httpx.Client) -> None:
    body = ask(plain, "Where will the new playgrounds be?")
    asked = body["replies"][-1]
    assert asked["text"] == "Which measure is your question about?" and body["answer"]["candidates"]
    assert len(asked["quick_replies"]) == len(body["answer"]["candidates"]) >= 2
    chosen = ask(plain, asked["quick_replies"][0], body["session_id"])
    assert chosen["answer"]["kind"] == "where" and chosen["answer"]["measure_id"] == body["answer"]["candidates"][0]
    assert chosen["replies"][0]["text"].startswith("About ")


def test_english_questions_get_english_answers(plain: httpx.Client) -> None:
    body = ask(plain, "How do I apply for the moving cost subsidy?")
    assert body["answer"]["measure_id"] == "family_housing_relocation" and body["lang"] == "en"
    text = answer_text(body)
    assert "The document does not say how to apply." in text
    assert "Please ask at the ward office counter (区の窓口) about how to apply." in text


def test_the_results_and_the_handout_data_carry_the_contact_only_when_set(
        plain: httpx.Client, office: httpx.Client) -> None:
    household = {"children": [{"age": 2, "daycare": "ward"}]}
    assert plain.post("/api/eligibility", json=household).json()["contact"] is None
    contact = office.post("/api/eligibility", json=household).json()["contact"]
    assert contact == {"name": "千代田区役所", "counter": "子ども総合窓口（2階）", "phone": "03-1234-5678",
                       "url": "https://example.jp/kosodate", "hours": "平日 8:30〜17:15"}
    # the handout's lines, worded by the server (knowledge/contact.py) in the language asked for
    assert plain.post("/api/eligibility", json=household).json()["contact_lines"] == []
    assert office.post("/api/eligibility", json=household).json()["contact_lines"] == [
        "お問い合わせ：千代田区役所 子ども総合窓口（2階）", "電話 03-1234-5678", "受付時間 平日 8:30〜17:15",
        "ホームページ https://example.jp/kosodate"]
    assert office.post("/api/eligibility?lang=en", json=household).json()["contact_lines"] == [
        "Contact: 千代田区役所 子ども総合窓口（2階）", "Phone: 03-1234-5678", "Hours: 平日 8:30〜17:15",
        "Web: https://example.jp/kosodate"]
    for client, expected in ((plain, False), (office, True)):
        first = ask(client, "2歳の息子が区内の保育園に通っています")
        results = ask(client, "結果を見せて", first["session_id"])
        text = next(r["text"] for r in results["replies"] if "【対象になる支援" in r["text"])
        assert text.rstrip().endswith(CONTACT_LINE) is expected
        assert "申し込みや詳しい条件は、区の窓口でご確認ください。" in text
