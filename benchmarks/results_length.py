"""Length of the results text (chat, LINE) for the example households, ja and en.

Prints one row per household and language and writes benchmarks/results/results_length.json.
LINE refuses a text message over 5,000 characters. Run from a checkout:
`.venv/bin/python benchmarks/results_length.py` (set PYTHONPATH to another checkout to measure it).
"""

from __future__ import annotations

import json
from pathlib import Path

from bot.dialogue.replies import results_text
from knowledge.catalog import default_catalog
from knowledge.household import Household
from knowledge.results import match_household

EXAMPLES = Path(__file__).resolve().parent.parent / "knowledge" / "examples"
OUT = Path(__file__).resolve().parent / "results" / "results_length.json"


def main() -> None:
    catalog = default_catalog()
    rows = []
    for path in sorted(EXAMPLES.glob("*.json")):
        household = Household.model_validate_json(path.read_text(encoding="utf-8"))
        for lang in ("ja", "en"):
            results = match_household(catalog, household, lang)  # type: ignore[arg-type]
            text = results_text(results, lang)  # type: ignore[arg-type]
            rows.append({"household": path.stem, "lang": lang, "chars": len(text),
                         "eligible": len(results.eligible), "maybe": len(results.maybe)})
            print(f"{path.stem:50} {lang} {len(text):6} chars  eligible {len(results.eligible):2}  "
                  f"maybe {len(results.maybe):2}")
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
