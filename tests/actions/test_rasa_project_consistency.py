"""The Rasa project hangs together: every name used is defined, and every definition is used.

Plain YAML parsing: these run in the normal test suite, where Rasa itself is not installed.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Action

import actions
from actions.action_say import SAID_FOR
from bot.dialogue.replies import TEXT

BOT = Path(__file__).parents[2] / "bot"
RASA_DEFAULT_ACTIONS = {"action_listen", "action_restart", "action_session_start", "action_default_fallback",
                        "action_deactivate_loop", "action_two_stage_fallback", "action_back"}


def load_dir(path: Path) -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.yml"))]


def domain() -> dict[str, Any]:
    merged: dict[str, Any] = {"intents": [], "actions": [], "slots": {}, "forms": {}, "responses": {}}
    for part in load_dir(BOT / "domain"):
        for key in ("intents", "actions"):
            merged[key] += part.get(key, [])
        for key in ("slots", "forms", "responses"):
            merged[key].update(part.get(key, {}))
    return merged


def steps() -> list[dict[str, Any]]:
    out = []
    for folder, key in (("rules", "rules"), ("stories", "stories")):
        for doc in load_dir(BOT / "data" / folder):
            for block in doc.get(key, []):
                out += block.get("steps", []) + block.get("condition", [])
    return out


def registered_actions() -> set[str]:
    classes = [obj for _, obj in inspect.getmembers(actions, inspect.isclass) if issubclass(obj, Action)]
    return {cls().name() for cls in classes}


def test_every_custom_action_in_the_domain_is_registered_and_back() -> None:
    custom = {a for a in domain()["actions"] if not a.startswith("utter_")}
    assert custom == registered_actions()


def test_every_action_in_rules_and_stories_exists() -> None:
    d = domain()
    known = set(d["actions"]) | set(d["responses"]) | set(d["forms"]) | RASA_DEFAULT_ACTIONS
    used = {s["action"] for s in steps() if "action" in s}
    assert used - known == set()


def test_every_intent_used_is_declared_and_has_enough_examples() -> None:
    d = domain()
    examples: dict[str, int] = {}
    for doc in load_dir(BOT / "data" / "nlu"):
        for block in doc["nlu"]:
            examples[block["intent"]] = len([line for line in block["examples"].splitlines() if line.strip()])
    used = {s["intent"] for s in steps() if "intent" in s} - {"nlu_fallback"}
    assert used <= set(d["intents"])
    assert set(examples) == set(d["intents"])
    assert {i: n for i, n in examples.items() if n < 15} == {}


def test_no_fixed_response_every_text_comes_from_the_messages_in_the_residents_language() -> None:
    """A `utter_*` response would be a second copy of the words, in Japanese only: the actions say
    every text from knowledge/messages (action_say for help, thanks and "not understood")."""
    d = domain()
    assert d["responses"] == {}
    assert not [s["action"] for s in steps() if s.get("action", "").startswith("utter_")]
    assert set(SAID_FOR.values()) | {"not_understood"} <= set(TEXT)


def test_form_slots_and_slot_mappings_exist() -> None:
    d = domain()
    for form in d["forms"].values():
        assert set(form["required_slots"]) <= set(d["slots"])
    assert all(slot.get("mappings") for slot in d["slots"].values())


def test_the_pipeline_uses_our_japanese_tokenizer() -> None:
    config = yaml.safe_load((BOT / "config.yml").read_text(encoding="utf-8"))
    assert config["language"] == "ja"
    first = config["pipeline"][0]["name"]
    assert first == "bot.rasa_components.sudachi_tokenizer.SudachiTokenizer"
    assert (BOT / "rasa_components" / "sudachi_tokenizer.py").exists()
