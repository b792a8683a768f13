"""Japanese tokenizer for Rasa on SudachiPy: Rasa refuses WhitespaceTokenizer for `language: ja`.

Loaded only by the Rasa server (its own venv with sudachipy + sudachidict-core), never by the
product itself.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class SudachiTokenizer(Tokenizer):
    """Splits with Sudachi's mode C (long units: 放課後等デイサービス stays one token)."""

    @staticmethod
    def supported_languages() -> list[str] | None:
        return ["ja"]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"intent_tokenization_flag": False, "intent_split_symbol": "_", "token_pattern": None,
                "prefix_separator_symbol": None}

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        from sudachipy import dictionary, tokenizer

        self._tokenizer = dictionary.Dictionary().create()
        self._mode = tokenizer.Tokenizer.SplitMode.C

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> SudachiTokenizer:
        return cls(config)

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        text = message.get(attribute) or ""
        tokens = [Token(m.surface(), m.begin(), lemma=m.dictionary_form())
                  for m in self._tokenizer.tokenize(text, self._mode) if m.surface().strip()]
        return self._apply_token_pattern(tokens)
