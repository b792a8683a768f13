"""JSON Schemas of the data files, for editors (YAML language server) and other tools."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from knowledge.household import Household
from knowledge.measure import BudgetLine, Measure

SCHEMA_DIR = Path(__file__).parent / "schema"
MODELS: dict[str, type[BaseModel]] = {"household": Household, "measure": Measure, "budget_line": BudgetLine}


def schemas() -> dict[str, str]:
    """File name → schema text, exactly as committed."""
    return {
        f"{name}.schema.json": json.dumps(model.model_json_schema(by_alias=True), ensure_ascii=False, indent=2) + "\n"
        for name, model in MODELS.items()
    }


def write(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
