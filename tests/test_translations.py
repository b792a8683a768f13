"""Every text a resident reads in the catalog has 中文 and 한국어 (and やさしい日本語 where shown).

The shipped catalog passes; each check is shown to fail on a measure broken in that one way, so
none of them passes by construction.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from api.cli import app
from knowledge.catalog import KNOWLEDGE_DIR, MEASURES_DIR, Catalog, default_catalog
from knowledge.catalog_check import CatalogDir, check_translations
from knowledge.measure import Measure
from knowledge.translations import numbers, resident_texts, translation_problems

BABYSITTER = MEASURES_DIR / "childcare" / "babysitter_support.yaml"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def _raw_texts(node: object) -> int:
    """Count {ja, en} mappings in a raw measure file, independently of the model walk."""
    if isinstance(node, dict):
        own = 1 if {"ja", "en"} <= node.keys() else 0
        return own + sum(_raw_texts(v) for v in node.values())
    if isinstance(node, list):
        return sum(_raw_texts(v) for v in node)
    return 0


def test_the_shipped_catalog_has_every_translation(catalog: Catalog) -> None:
    assert {m.id: translation_problems(m) for m in catalog if translation_problems(m)} == {}
    assert check_translations(CatalogDir.load(KNOWLEDGE_DIR)) == []


def test_the_walk_finds_every_text_a_resident_reads(catalog: Catalog) -> None:
    """The walk goes by type; counted against the raw files, it misses none (title + every ja/en pair)."""
    for m in catalog:
        raw = yaml.safe_load((MEASURES_DIR / m.area / f"{m.id}.yaml").read_text(encoding="utf-8"))
        assert len(resident_texts(m)) == 1 + _raw_texts(raw), m.id
    kinds = {t.where.split(".")[-1].split("[")[0] for m in catalog for t in resident_texts(m)}
    assert {"title", "audience", "summary", "conditions_text", "label", "outside", "unsettled", "reading",
            "how"} <= kinds


def test_japanese_names_kept_for_the_counter_are_verbatim(catalog: Catalog) -> None:
    """The 「」 exception is used (はくちょう教室, 風ぐるま …) and every such name is the document's Japanese."""
    kept = [(m.id, t.zh) for m in catalog for t in resident_texts(m) if t.zh and "「" in t.zh]
    assert len(kept) >= 10
    assert any("「はくちょう教室」" in zh for _, zh in kept)


def test_numbers_are_read_as_written() -> None:
    assert numbers("１人２１６時間") == {"1", "216"}
    assert numbers("1,000万円から2,000万円に") == {"1000", "2000"}
    assert numbers("約1万6千冊、令和6年度") == {"1", "6"}
    assert numbers("补助上限为1人最多２１６小时") == {"1", "216"}


def _babysitter() -> dict[str, Any]:
    raw = yaml.safe_load(BABYSITTER.read_text(encoding="utf-8"))
    assert isinstance(raw, dict)
    return raw


def _outside(d: dict[str, Any]) -> dict[str, Any]:
    outside = d["eligibility"][0]["some_child"][1]["outside"]
    assert isinstance(outside, dict)
    return outside


def _set(path: Callable[[dict[str, Any]], dict[str, Any]], key: str, value: str | None) -> Callable[..., None]:
    def change(d: dict[str, Any]) -> None:
        target = path(d)
        if value is None:
            del target[key]
        else:
            target[key] = value
    return change


def _edit(path: Callable[[dict[str, Any]], dict[str, Any]], key: str, old: str, new: str) -> Callable[..., None]:
    def change(d: dict[str, Any]) -> None:
        target = path(d)
        assert old in target[key], (key, old)
        target[key] = target[key].replace(old, new)
    return change


def _summary(d: dict[str, Any]) -> dict[str, Any]:
    return d["summary"]  # type: ignore[no-any-return]


def _audience(d: dict[str, Any]) -> dict[str, Any]:
    return d["audience"]  # type: ignore[no-any-return]


def _condition(i: int) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda d: d["conditions_text"][i]  # type: ignore[no-any-return]


def _top(d: dict[str, Any]) -> dict[str, Any]:
    return d


BREAKS: list[tuple[str, Callable[..., None], str]] = [
    ("summary without zh", _set(_summary, "zh", None), "summary: no zh"),
    ("a condition without ko", _set(_condition(1), "ko", None), "conditions_text[1]: no ko"),
    ("audience without easy", _set(_audience, "easy", None), "audience: no easy"),
    ("title without ko", _set(_top, "title_ko", None), "title: no ko"),
    ("title without easy", _set(_top, "title_easy", None), "title: no easy"),
    ("an outside note without zh", _set(_outside, "zh", None), "eligibility[0].some_child[1].outside: no zh"),
    ("zh changes a number", _edit(_summary, "zh", "216", "217"), "zh lacks the number(s) ['216']"),
    ("zh adds a number", _edit(_summary, "zh", "216小时", "216小时（2小时起）"), "zh has number(s) ['2']"),
    ("ko spells a number out", _edit(_summary, "ko", "216시간", "이백십육 시간"), "ko lacks the number(s) ['216']"),
    ("zh keeps kana", _edit(_summary, "zh", "小时。", "小时。ください"), "zh has kana outside"),
    ("zh keeps a name not in the Japanese", _edit(_summary, "zh", "「障害者手帳」", "「障がい者手帳」"),
     "which is not in the measure's Japanese"),
    ("zh copies Japanese kanji", _set(_outside, "zh", "補助の対象は手帳のある家庭"), "not 简体"),
    ("zh uses ASCII commas", _edit(_summary, "zh", "，", ", "), "zh has ASCII punctuation"),
    ("zh written in Korean", _set(_audience, "zh", "베이비시터를 이용하는 가정"), "zh is not Chinese"),
    ("ko left in English", _set(_audience, "ko", "Families using babysitters"), "ko has no Hangul"),
    ("ko keeps kanji", _edit(_summary, "ko", "보조 한도는", "補助 한도는"), "ko has kanji outside"),
    ("ko in the 해요 style", _edit(_summary, "ko", "확대됩니다.", "확대돼요."), "not in the 합니다 style"),
    ("easy without spaces", _set(_summary, "easy", "ベビーシッター代の補助が区独自に広がります。"),
     "easy has no spaces"),
]


@pytest.mark.parametrize(("change", "expected"), [b[1:] for b in BREAKS], ids=[b[0] for b in BREAKS])
def test_each_check_fails_on_a_measure_broken_that_way(change: Callable[..., None], expected: str) -> None:
    assert translation_problems(Measure.model_validate(_babysitter())) == []
    broken = copy.deepcopy(_babysitter())
    change(broken)
    found = translation_problems(Measure.model_validate(broken))
    assert any(expected in p for p in found), found


def test_catalog_check_reports_a_missing_translation(tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(KNOWLEDGE_DIR / "measures", root / "measures")
    shutil.copytree(KNOWLEDGE_DIR / "source", root / "source")
    shutil.copy(KNOWLEDGE_DIR / "budget_lines.yaml", root / "budget_lines.yaml")
    path = root / "measures" / "childcare" / "babysitter_support.yaml"
    raw = _babysitter()
    del raw["conditions_text"][0]["zh"]
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(app, ["catalog", "check", str(root)])
    assert result.exit_code == 1
    assert "✗ 翻訳" in result.output and "babysitter_support: conditions_text[0]: no zh" in result.output
