"""The passages we embed: for every measure, its catalog entry (Japanese and English, with the
residents' words; 简体中文 and 한국어 where the catalog has them) and its passage of the source
document. Each carries its measure id and page, so any hit can be cited.

Chinese and Korean get passages of their own rather than text appended to the Japanese one: the
Japanese and English vectors stay as they were (ja/en results unchanged), and a measure's score is
its best passage, so a resident writing in Chinese meets the measure in Chinese.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from knowledge.catalog import Catalog
from knowledge.languages import TRANSLATED, Lang
from knowledge.measure import Measure, Text
from knowledge.source import keyed, passage_of
from knowledge.source import passages as source_passages


@dataclass(frozen=True)
class Passage:
    id: str
    measure_id: str
    page: str
    origin: str  # "catalog_ja" | "catalog_en" | "catalog_zh" | "catalog_ko" | "source" | "out_of_scope"
    text: str


def _figures(measure: Measure) -> str:
    return "、".join(f.text for f in measure.figures)


def _catalog_ja(m: Measure) -> str:
    conditions = " ".join(t.ja for t in m.conditions_text)
    parts = [m.title, m.summary.ja, m.audience.ja, _figures(m), conditions, " ".join(m.keywords)]
    return "\n".join(p for p in parts if p)


def _catalog_en(m: Measure) -> str:
    english_words = " ".join(k for k in m.keywords if k.isascii())
    parts = [m.title_en, m.summary.en, m.audience.en, " ".join(t.en for t in m.conditions_text), english_words]
    return "\n".join(p for p in parts if p)


def _catalog_translated(m: Measure, lang: Lang) -> str:
    """The measure in `lang` ("zh" / "ko"); empty when the catalog lacks that translation. The
    translations keep the document's Japanese term in 「」 where residents may type it."""
    def of(text: Text) -> str:
        return getattr(text, lang) or ""
    title = m.title_of(lang) or ""
    parts = [title, of(m.summary), of(m.audience), " ".join(of(t) for t in m.conditions_text)]
    return "\n".join(p for p in parts if p) if title and of(m.summary) else ""


def build_passages(catalog: Catalog) -> list[Passage]:
    by_title = keyed(source_passages())
    out: list[Passage] = []
    for m in catalog:
        out.append(Passage(f"{m.id}#ja", m.id, m.page, "catalog_ja", _catalog_ja(m)))
        out.append(Passage(f"{m.id}#en", m.id, m.page, "catalog_en", _catalog_en(m)))
        for lang in TRANSLATED:
            text = _catalog_translated(m, lang)
            if text:
                out.append(Passage(f"{m.id}#{lang}", m.id, m.page, f"catalog_{lang}", text))
        src = passage_of(m, by_title)
        if src is not None:
            out.append(Passage(f"{m.id}#source", m.id, m.page, "source", src.text))
    return out + out_of_scope_passages()


OUT_OF_SCOPE = "_out_of_scope"
OUT_OF_SCOPE_FILE = Path(__file__).parent / "out_of_scope.yaml"


def out_of_scope_passages(path: Path = OUT_OF_SCOPE_FILE) -> list[Passage]:
    """Topics the document does not cover, embedded so "nothing fits" can win a comparison."""
    topics = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
    return [Passage(f"{OUT_OF_SCOPE}#{i}", OUT_OF_SCOPE, "", "out_of_scope", t) for i, t in enumerate(topics)]


def corpus_hash(passages: list[Passage]) -> str:
    payload = json.dumps([asdict(p) for p in passages], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
