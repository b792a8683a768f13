"""Bounded encoder work per question: every real question is read whole, a long message is read
as its question part within `Ranking.max_query_tokens`, whatever its length."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.search.query import cap_tokens, is_question, question_part, sentences
from knowledge.search.searcher import expand

DATA = Path(__file__).parents[2] / "benchmarks" / "data"
PREAMBLE = "こんにちは。千代田区に住んでいて、毎日仕事と子育てでとても忙しくしています。"


@pytest.mark.parametrize("devset", ["retrieval_devset.yaml", "retrieval_heldout.yaml", "retrieval_devset_zh_ko.yaml"])
def test_every_dev_and_held_out_question_is_read_whole(real_searcher: Any, devset: str) -> None:
    """The cap was chosen above the longest question, so the figures of README "Search quality" hold."""
    queries = yaml.safe_load((DATA / devset).read_text(encoding="utf-8"))["queries"]
    cut = [q["q"] for q in queries if real_searcher.query_text(q["q"]) != expand(q["q"], real_searcher.vocabulary)]
    assert cut == []


@pytest.mark.parametrize("length", [1000, 5000])
def test_a_long_message_costs_no_more_tokens_than_the_cap(real_searcher: Any, length: int) -> None:
    message = PREAMBLE * ((length - 10) // len(PREAMBLE)) + "給食費は無料ですか？"
    message = "あ" * (length - len(message)) + message  # exactly `length` characters
    text = real_searcher.query_text(message)
    assert real_searcher.encoder.count_query_tokens(text) <= real_searcher.ranking.max_query_tokens
    assert len(message) == length and text.startswith("給食費は無料ですか？")  # the question part, not the preamble


def test_the_question_in_a_long_message_is_still_found(real_searcher: Any) -> None:
    message = PREAMBLE * 30 + "ところで、区立小学校の給食費は無料になるのでしょうか？"
    assert "school_lunch_free" in [h.id for h in real_searcher.search(message, k=3)]


def test_one_endless_sentence_is_cut_to_the_cap() -> None:
    def count(text: str) -> int:
        return len(text)

    assert cap_tokens("あ" * 5000, count, 64) == "あ" * 64
    assert question_part("あ" * 5000, count, 64) == "あ" * 64


def test_question_sentences_are_kept_last_first() -> None:
    def count(text: str) -> int:
        return len(text)

    text = "保育園に通っています。" * 10 + "おむつの支援はありますか？" + "よろしくお願いします。"
    assert question_part(text, count, 20) == "おむつの支援はありますか？"
    assert sentences("a. b? c") == ["a.", "b?", "c"]
    assert is_question("Is school lunch free") and not is_question("よろしくお願いします。")
