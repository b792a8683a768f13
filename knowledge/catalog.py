"""Loads and cross-checks the measure files; the one place the catalog is read from disk.

Loading fails loudly (naming the file) on anything inconsistent, so a broken data edit is
caught by the first test, not by a resident.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from knowledge.common_sense import implied
from knowledge.eligibility import evaluate
from knowledge.household import Household
from knowledge.measure import BudgetLine, Measure
from knowledge.outcome import Outcome

KNOWLEDGE_DIR = Path(__file__).parent
MEASURES_DIR = KNOWLEDGE_DIR / "measures"
BUDGET_FILE = KNOWLEDGE_DIR / "budget_lines.yaml"
CURRENT_FISCAL_YEAR = 2024


class CatalogError(ValueError):
    """A measure or budget file is invalid or inconsistent with the others."""


def _read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CatalogError(f"{path}: not valid YAML: {exc}") from exc


def load_measure(path: Path) -> Measure:
    try:
        measure = Measure.model_validate(_read_yaml(path))
    except ValidationError as exc:
        raise CatalogError(f"{path}: {exc}") from exc
    if measure.id != path.stem:
        raise CatalogError(f"{path}: id {measure.id!r} must equal the file name")
    if measure.area != path.parent.name:
        raise CatalogError(f"{path}: area {measure.area!r} must equal the folder name")
    return measure


def _load_budget_lines(path: Path) -> dict[str, BudgetLine]:
    raw = _read_yaml(path)
    if not isinstance(raw, list):
        raise CatalogError(f"{path}: expected a list of budget lines")
    try:
        lines = [BudgetLine.model_validate(item) for item in raw]
    except ValidationError as exc:
        raise CatalogError(f"{path}: {exc}") from exc
    by_id = {line.id: line for line in lines}
    if len(by_id) != len(lines):
        raise CatalogError(f"{path}: duplicate budget line ids")
    return by_id


@dataclass(frozen=True)
class Catalog:
    measures: dict[str, Measure]
    budget_lines: dict[str, BudgetLine]
    fiscal_year: int = CURRENT_FISCAL_YEAR

    @classmethod
    def load(cls, measures_dir: Path = MEASURES_DIR, budget_file: Path = BUDGET_FILE) -> Catalog:
        measures: dict[str, Measure] = {}
        for path in sorted(measures_dir.glob("*/*.yaml")):
            measure = load_measure(path)
            if measure.id in measures:
                raise CatalogError(f"{path}: duplicate id {measure.id!r}")
            measures[measure.id] = measure
        budget_lines = _load_budget_lines(budget_file)
        _cross_check(measures, budget_lines)
        return cls(measures=measures, budget_lines=budget_lines)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.measures.values())

    def __len__(self) -> int:
        return len(self.measures)

    def get(self, measure_id: str) -> Measure | None:
        return self.measures.get(measure_id)

    def budget_of(self, measure: Measure) -> BudgetLine:
        return self.budget_lines[measure.budget_line]

    def evaluate(self, household: Household) -> list[tuple[Measure, Outcome]]:
        """Every measure's outcome for the household, in catalog order. What follows from the household
        is filled in once here, not once per measure (`evaluate` then finds nothing more to add)."""
        household = implied(household)
        return [(m, evaluate(m, household, self.fiscal_year)) for m in self.measures.values()]

    def evaluate_one(self, measure: Measure, household: Household) -> Outcome:
        """One measure's outcome (an answer about one measure need not evaluate the other 45)."""
        return evaluate(measure, implied(household), self.fiscal_year)


def _cross_check(measures: dict[str, Measure], budget_lines: dict[str, BudgetLine]) -> None:
    for measure in measures.values():
        line = budget_lines.get(measure.budget_line)
        if line is None:
            raise CatalogError(f"{measure.id}: unknown budget line {measure.budget_line!r}")
        if measure.id not in line.measures:
            raise CatalogError(f"{measure.id}: budget line {line.id!r} does not list it")
    for line in budget_lines.values():
        for measure_id in line.measures:
            if measure_id not in measures:
                raise CatalogError(f"budget line {line.id!r} lists unknown measure {measure_id!r}")
            if measures[measure_id].budget_line != line.id:
                raise CatalogError(f"budget line {line.id!r} lists {measure_id!r}, which names another line")


@cache
def default_catalog() -> Catalog:
    return Catalog.load()
