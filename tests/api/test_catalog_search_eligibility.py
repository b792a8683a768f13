"""GET /api/measures, GET /api/search and POST /api/eligibility on a real server."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from api.main import create_app
from knowledge.catalog import default_catalog
from knowledge.settings import Settings
from tests.api.conftest import assert_error, live_server, wait_for_index

EXAMPLES = Path(__file__).resolve().parents[2] / "knowledge" / "examples"


@pytest.fixture(scope="module")
def client(make_settings: Callable[..., Settings]) -> Iterator[httpx.Client]:
    with live_server(create_app(make_settings())) as url, httpx.Client(base_url=url, timeout=30) as http:
        wait_for_index(http)
        yield http


def toddler() -> dict[str, object]:
    return json.loads((EXAMPLES / "toddler_in_ward_daycare.json").read_text(encoding="utf-8"))


# --- measures ---------------------------------------------------------------------------------

def test_measures_lists_the_whole_catalog(client: httpx.Client) -> None:
    items = client.get("/api/measures").json()
    assert len(items) == 46
    assert set(items[0]) == {"id", "title", "title_en", "page", "kind", "area", "summary", "budget", "lang",
                             "title_local", "summary_local"}
    assert all(m["lang"] == "ja" and m["title_local"] == m["title"] for m in items)  # default: Japanese
    diapers = next(m for m in items if m["id"] == "diaper_provision")
    assert diapers["page"] == "P80" and diapers["kind"] == "benefit" and diapers["area"] == "childcare"
    assert diapers["summary"]["ja"] and diapers["summary"]["en"]
    assert isinstance(diapers["budget"]["yen"], int) and diapers["budget"]["amount"].endswith("円")


@pytest.mark.parametrize(("asked", "lang"), [("en", "en"), ("ja-easy", "ja-easy"), ("zh", "zh"), ("ko-KR", "ko")])
def test_measures_in_a_language_keep_the_documents_title_and_page(client: httpx.Client, asked: str,
                                                                   lang: str) -> None:
    japanese = {m["id"]: m for m in client.get("/api/measures").json()}
    items = client.get("/api/measures", params={"lang": asked}).json()
    assert [m["id"] for m in items] == list(japanese)
    catalog = default_catalog()
    for item in items:
        measure = catalog.measures[item["id"]]
        local = {"en": measure.title_en, "ja-easy": measure.title_easy, "zh": measure.title_zh,
                 "ko": measure.title_ko}[lang]
        assert item["lang"] == lang and item["title_local"] == local and item["title_local"] != item["title"]
        assert item["title"] == measure.title and item["page"] == japanese[item["id"]]["page"]
        summary = {"en": measure.summary.en, "ja-easy": measure.summary.easy, "zh": measure.summary.zh,
                   "ko": measure.summary.ko}[lang]
        assert item["summary_local"] == summary and item["summary"] == japanese[item["id"]]["summary"]


def test_measures_in_an_unknown_language_is_422_in_japanese_and_english(client: httpx.Client) -> None:
    error = assert_error(client.get("/api/measures", params={"lang": "fr"}), 422, "validation_error")
    assert error["message"] and error["message_ja"]


def test_measure_detail_is_the_full_entry(client: httpx.Client) -> None:
    entry = client.get("/api/measures/diaper_provision").json()
    assert entry["title"] == "区内保育施設利用において、おむつ等を提供" and entry["page"] == "P80"
    basis = {"quote": "区内保育施設においておむつや手口拭き等を用意"}
    daycare = {"type": "daycare", "in": ["ward"], "basis": basis, "outside": None}
    assert entry["eligibility"][0]["some_child"] == [daycare]
    assert entry["conditions_text"] and entry["keywords"]
    assert entry["budget"]["line"] == entry["budget_line"]


def test_unknown_measure_is_404_in_both_languages(client: httpx.Client) -> None:
    error = assert_error(client.get("/api/measures/no_such_measure"), 404, "measure_not_found")
    assert error["details"] == {"id": "no_such_measure"}


# --- search -----------------------------------------------------------------------------------

def test_search_finds_the_measure_and_its_page(client: httpx.Client) -> None:
    results = client.get("/api/search", params={"q": "保育園に毎日おむつを持っていくのが大変"}).json()["results"]
    assert results[0]["id"] == "diaper_provision" and results[0]["page"] == "P80"
    assert set(results[0]) == {"id", "title", "page", "score", "summary"}
    assert len(results) <= 5 and all(0 < r["score"] <= 1 for r in results)


def test_search_in_english_and_k(client: httpx.Client) -> None:
    results = client.get("/api/search", params={"q": "free school lunch", "k": 2, "lang": "en"}).json()["results"]
    assert 1 <= len(results) <= 2
    assert results[0]["id"] == "school_lunch_free" and results[0]["title"].isascii()


def test_search_returns_nothing_when_nothing_is_relevant(client: httpx.Client) -> None:
    assert client.get("/api/search", params={"q": "住民票の写しを取りたい"}).json() == {"results": []}


@pytest.mark.parametrize("params, field", [
    ({"q": ""}, "query.q"),
    ({"q": "あ" * 501}, "query.q"),
    ({}, "query.q"),
    ({"q": "給食", "k": 0}, "query.k"),
    ({"q": "給食", "k": 21}, "query.k"),
    ({"q": "給食", "lang": "fr"}, "query.lang"),
])
def test_search_parameters_are_checked(client: httpx.Client, params: dict[str, object], field: str) -> None:
    error = assert_error(client.get("/api/search", params=params), 422, "validation_error")
    assert [d["field"] for d in error["details"]] == [field]


# --- eligibility ------------------------------------------------------------------------------

def test_eligibility_says_what_why_and_where(client: httpx.Client) -> None:
    body = client.post("/api/eligibility", json=toddler()).json()
    eligible = {m["id"]: m for m in body["eligible"]}
    diapers = eligible["diaper_provision"]
    assert diapers["page"] == "P80"
    assert any("2歳の息子さん" in r for r in diapers["reasons"])
    assert diapers["conditions"] == [{"text": diapers["conditions"][0]["text"], "status": "met"}]
    assert diapers["missing"] == [] and diapers["check_yourself"]
    assert {"id", "title", "page", "summary", "reasons", "conditions", "missing"} <= set(diapers)
    assert any(m["id"] == "school_lunch_free" and m["later"] for m in body["later"])
    maybe = body["maybe"][0]
    assert maybe["missing"] and any(c["status"] == "unknown" for c in maybe["conditions"])
    question = body["next_question"]
    assert set(question) == {"key", "member", "text", "quick_replies"} and question["quick_replies"]


def test_eligibility_in_english(client: httpx.Client) -> None:
    body = client.post("/api/eligibility", params={"lang": "en"}, json=toddler()).json()
    diapers = next(m for m in body["eligible"] if m["id"] == "diaper_provision")
    assert diapers["title"].isascii() and "son" in " ".join(diapers["reasons"])
    assert body["next_question"]["text"].isascii()


def test_eligibility_with_nothing_left_to_ask(client: httpx.Client) -> None:
    household = {"pregnant": False, "children": [], "adults": [], "education_loan": False, "moving": "none",
                 "business": "none"}
    body = client.post("/api/eligibility", json=household).json()
    assert body["next_question"] is None and body["eligible"] == []


def test_empty_household_is_all_unknown(client: httpx.Client) -> None:
    body = client.post("/api/eligibility", json={}).json()
    assert body["eligible"] == [] and body["maybe"] and body["next_question"]


@pytest.mark.parametrize("household, field", [
    ({"children": [{"age": -1}]}, "body.children.0.age"),
    ({"children": [{"age": 2, "daycare": "moon"}]}, "body.children.0.daycare"),
    ({"pets": 3}, "body.pets"),
    ({"adults": [{"age": 200}]}, "body.adults.0.age"),
])
def test_eligibility_rejects_bad_households_with_field_paths(client: httpx.Client, household: dict[str, object],
                                                             field: str) -> None:
    error = assert_error(client.post("/api/eligibility", json=household), 422, "validation_error")
    assert field in [d["field"] for d in error["details"]]


def test_eligibility_rejects_a_bad_lang(client: httpx.Client) -> None:
    assert_error(client.post("/api/eligibility", params={"lang": "de"}, json={}), 422, "validation_error")


@pytest.mark.parametrize("business", ["sme", ["sme"], ["sme", "startup"]])
def test_business_is_a_set_and_a_single_string_still_works(client: httpx.Client, business: object) -> None:
    body = client.post("/api/eligibility", json={"business": business}).json()
    assert "decarbonization_advisor_exam" in [m["id"] for m in body["eligible"]]
    startup = "startup_community" in [m["id"] for m in body["eligible"]]
    assert startup == (business == ["sme", "startup"])


def test_eligibility_keeps_every_maybe_for_the_staff_console(client: httpx.Client) -> None:
    """Only resident channels fold unmentioned areas; the counter sees the business measures too."""
    body = client.post("/api/eligibility", json=toddler()).json()
    assert {"low_carbon_building_subsidy", "startup_community"} <= {m["id"] for m in body["maybe"]}
