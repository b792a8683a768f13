"""Every message a resident reads exists in every language, with the same placeholders."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.languages import LANGS, as_lang
from knowledge.messages import MessageError, catalog, message, messages


def test_every_shipped_message_is_complete() -> None:
    assert catalog()  # loading checks every file; an incomplete one raises
    for key, texts in catalog().items():
        assert set(texts) == set(LANGS), key


def test_a_missing_language_fails_the_load(tmp_path: Path) -> None:
    (tmp_path / "part.yaml").write_text("hello:\n  ja: こんにちは\n  en: Hello\n", encoding="utf-8")
    with pytest.raises(MessageError, match=r"part.hello: missing ja-easy, zh, ko"):
        catalog(tmp_path)


def test_placeholders_must_match_across_languages(tmp_path: Path) -> None:
    texts = {"ja": "{age}歳", "en": "{age} years", "ja-easy": "{age}さい", "zh": "{age}岁", "ko": "{n}세"}
    body = "age:\n" + "".join(f"  {lang}: '{text}'\n" for lang, text in texts.items())
    (tmp_path / "part.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(MessageError, match="placeholders differ"):
        catalog(tmp_path)


def test_a_message_in_each_language() -> None:
    assert message("common.language_chosen", "zh") == "接下来用中文为您说明。"
    assert set(messages("common.language_chosen")) == set(LANGS)


@pytest.mark.parametrize(("tag", "lang"), [("zh-CN", "zh"), ("ko_KR", "ko"), ("ja-easy", "ja-easy"), ("EN", "en"),
                                           ("fr", "ja"), (None, "ja")])
def test_client_language_tags(tag: str | None, lang: str) -> None:
    assert as_lang(tag) == lang
