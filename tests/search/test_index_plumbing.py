"""The FAISS index on disk: build, save, reuse, rebuild when stale, refuse when mismatched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.search.corpus import Passage
from knowledge.search.index import (
    MANIFEST_FILE,
    IndexMismatch,
    IndexStale,
    VectorIndex,
    ensure_index,
)
from tests.conftest import FakeEncoder

PASSAGES = [
    Passage("a#ja", "a", "P1", "catalog_ja", "保育園でおむつを用意します"),
    Passage("b#ja", "b", "P2", "catalog_ja", "給食費を全額補助します"),
    Passage("c#ja", "c", "P3", "catalog_ja", "街路灯をLEDに替えます"),
]


def test_build_save_load_roundtrip_keeps_results(tmp_path: Path, fake_encoder: FakeEncoder) -> None:
    built = VectorIndex.build(PASSAGES, fake_encoder)
    built.save(tmp_path)
    loaded = VectorIndex.load(tmp_path, fake_encoder, PASSAGES)
    query = fake_encoder.encode_queries(["給食費"])[0]
    assert [p.id for p, _ in loaded.search(query, 3)] == [p.id for p, _ in built.search(query, 3)]
    assert loaded.search(query, 1)[0][0].measure_id == "b"


def test_manifest_records_what_built_the_index(tmp_path: Path, fake_encoder: FakeEncoder) -> None:
    VectorIndex.build(PASSAGES, fake_encoder).save(tmp_path)
    manifest = json.loads((tmp_path / MANIFEST_FILE).read_text())
    assert manifest["encoder"]["model"] == "fake-bigrams"
    assert manifest["dim"] == 64 and manifest["metric"] == "inner_product"
    assert manifest["ids"] == ["a#ja", "b#ja", "c#ja"]
    assert {"corpus_hash", "faiss_version", "built_at", "index_type"} <= manifest.keys()


def test_a_matching_index_is_reused(tmp_path: Path, fake_encoder: FakeEncoder) -> None:
    _, first = ensure_index(tmp_path, fake_encoder, PASSAGES)
    _, second = ensure_index(tmp_path, fake_encoder, PASSAGES)
    assert first.startswith("rebuilt (IndexMissing)") and second == "reused"


def test_a_stale_index_is_rebuilt(tmp_path: Path, fake_encoder: FakeEncoder) -> None:
    ensure_index(tmp_path, fake_encoder, PASSAGES)
    changed = [*PASSAGES[:2], Passage("c#ja", "c", "P3", "catalog_ja", "公園を整備します")]
    with pytest.raises(IndexStale):
        VectorIndex.load(tmp_path, fake_encoder, changed)
    index, how = ensure_index(tmp_path, fake_encoder, changed)
    assert how == "rebuilt (IndexStale)"
    assert index.passages[2].text == "公園を整備します"


def test_an_index_from_another_encoder_is_refused(tmp_path: Path, fake_encoder: FakeEncoder) -> None:
    VectorIndex.build(PASSAGES, fake_encoder).save(tmp_path)
    with pytest.raises(IndexMismatch, match="fake-bigrams"):
        VectorIndex.load(tmp_path, FakeEncoder(dim=32, model="other"), PASSAGES)


def test_a_corrupt_index_file_is_detected_and_rebuilt(tmp_path: Path, fake_encoder: FakeEncoder) -> None:
    ensure_index(tmp_path, fake_encoder, PASSAGES)
    (tmp_path / "passages.faiss").write_bytes(b"not a faiss index")
    _, how = ensure_index(tmp_path, fake_encoder, PASSAGES)
    assert how == "rebuilt (IndexCorrupt)"
    VectorIndex.load(tmp_path, fake_encoder, PASSAGES)


@pytest.mark.parametrize("index_type", ["hnsw", "ivf"])
def test_approximate_index_types_answer_too(tmp_path: Path, fake_encoder: FakeEncoder, index_type: str) -> None:
    index = VectorIndex.build(PASSAGES, fake_encoder, index_type)
    index.save(tmp_path)
    loaded = VectorIndex.load(tmp_path, fake_encoder, PASSAGES, index_type)
    assert loaded.search(fake_encoder.encode_queries(["LED 街路灯"])[0], 1)[0][0].measure_id == "c"
