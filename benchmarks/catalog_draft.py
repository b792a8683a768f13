"""How much of the curated catalog `catalog draft` recovers from this year's document.

    python -m benchmarks.catalog_draft

Pairs each draft measure with the curated one of the same page and title, and counts titles and
pages, sections, goals, budget amounts (the curated amount among the draft's lines for the
measure), curated figures recovered (same printed text, value and before), curated status evidence
covered by a draft candidate clause, and the extra figures the draft prints that the curated file
does not keep. Writes benchmarks/results/catalog_draft.json. A figure, not a test.
"""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.catalog import default_catalog
from knowledge.catalog_draft import draft
from knowledge.source import document

RESULTS = Path(__file__).parent / "results" / "catalog_draft.json"


def main() -> None:
    catalog = default_catalog()
    measures, lines = draft(document().text())
    amounts = {b.id: b.amount for b in lines}
    curated = {(m.page, m.title): m for m in catalog}
    counts = dict.fromkeys(("paired", "section", "goal", "budget", "figures", "figures_recovered",
                            "status_evidence", "status_covered", "draft_figures", "extra_figures"), 0)
    missed: list[str] = []
    for d in measures:
        m = curated.get((d.passage.page, d.passage.title))
        if m is None:
            continue
        counts["paired"] += 1
        counts["section"] += d.section == m.section
        counts["goal"] += d.goal == m.goal
        counts["budget"] += catalog.budget_of(m).amount in [amounts[b] for b in d.budget_lines]
        found = {(f.text, f.value, f.before) for f in d.figures}
        kept = {f.text for f in m.figures}
        counts["figures"] += len(m.figures)
        for f in m.figures:
            if (f.text, f.value, f.before) in found:
                counts["figures_recovered"] += 1
            else:
                missed.append(f"{m.id}: {f.text}")
        counts["draft_figures"] += len(d.figures)
        counts["extra_figures"] += sum(f.text not in kept for f in d.figures)
        if m.status_evidence:
            counts["status_evidence"] += 1
            counts["status_covered"] += any(m.status_evidence in c or c in m.status_evidence
                                            for c in d.status_candidates)
    result = {"measures_drafted": len(measures), "measures_curated": len(catalog), **counts,
              "figures_missed": missed, "budget_lines_drafted": len(lines)}
    for key, value in result.items():
        print(f"{key:>22}: {value}")
    print(f"figure agreement: {counts['figures_recovered']}/{counts['figures']} "
          f"= {counts['figures_recovered'] / counts['figures']:.0%}")
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
