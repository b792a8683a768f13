"""`benefit-finder catalog diff OLD NEW` reports exactly the measures added, removed and changed."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from api.cli import app
from knowledge.catalog import KNOWLEDGE_DIR
from knowledge.catalog_check import CatalogDir
from knowledge.catalog_diff import compare, run, suggested_rules
from tests.test_catalog_check import copy_catalog, edit_yaml

runner = CliRunner()


def test_a_catalog_compared_with_itself_has_no_changes() -> None:
    diff, text = run(KNOWLEDGE_DIR, KNOWLEDGE_DIR)
    assert diff.empty and len(diff.pairs) == 46
    assert "変わらない施策 / Unchanged: 46" in text


def _changed_copy(root: Path) -> Path:
    copy_catalog(root)
    m = root / "measures"
    # gone: the measure and its place on its budget line
    (m / "culture" / "new_kudan_lifelong_learning.yaml").unlink()
    # new: a measure with an id and a title of its own
    added = yaml.safe_load((m / "town" / "waterfront_lightup.yaml").read_text(encoding="utf-8"))
    added.update(id="waterfront_cafe", title="水辺のカフェを開設")
    (m / "town" / "waterfront_cafe.yaml").write_text(yaml.safe_dump(added, allow_unicode=True), encoding="utf-8")

    def lines(data):  # type: ignore[no-untyped-def]
        for line in data:
            line["measures"] = [x for x in line["measures"] if x != "new_kudan_lifelong_learning"]
            if "waterfront_lightup" in line["measures"]:
                line["measures"].append("waterfront_cafe")
            if line["id"] == "parents_burden_relief":
                line["amount"], line["yen"] = "3億5,000万円", 350000000
        data[:] = [line for line in data if line["measures"]]

    edit_yaml(root / "budget_lines.yaml", lines)

    def babysitter(d):  # type: ignore[no-untyped-def]
        d["figures"][1].update(text="240時間", value=240)
        d["status"], d["status_evidence"] = None, None

    edit_yaml(m / "childcare" / "babysitter_support.yaml", babysitter)

    def lunch(d):  # type: ignore[no-untyped-def]
        d["title"] = "区立学校の学校給食費を引き続き全額補助"
        d["eligibility"] = []

    edit_yaml(m / "education" / "school_lunch_free.yaml", lunch)
    return root


def test_added_removed_and_changed_measures_are_reported_exactly(tmp_path: Path) -> None:
    new = _changed_copy(tmp_path / "new")
    diff = compare(CatalogDir.load(KNOWLEDGE_DIR), CatalogDir.load(new))
    assert [m.id for m in diff.new] == ["waterfront_cafe"]
    assert [m.id for m in diff.gone] == ["new_kudan_lifelong_learning"]
    fields = {mid: sorted(c.field for c in changes) for mid, changes in diff.changed.items()}
    assert fields == {
        "babysitter_support": ["budget", "figure max_hours", "status"],
        "diaper_provision": ["budget"],  # shares the budget line whose amount changed
        "school_lunch_free": ["rules", "title"],
    }
    figure = next(c for c in diff.changed["babysitter_support"] if c.field == "figure max_hours")
    assert "216時間" in figure.old and "240時間" in figure.new


def test_carried_over_rules_are_suggested_and_marked_for_review(tmp_path: Path) -> None:
    new = _changed_copy(tmp_path / "new")
    result = runner.invoke(app, ["catalog", "diff", str(KNOWLEDGE_DIR), str(new)])
    assert result.exit_code == 0, result.output
    assert "+ waterfront_cafe" in result.output and "- new_kudan_lifelong_learning" in result.output
    assert "max_hours: 216時間" in result.output
    # school_lunch_free lost its rules in the new copy: last year's are offered, marked 要確認
    section = result.output.split("## school_lunch_free（P86）")[1]
    assert section.lstrip().startswith("# 要確認 / REVIEW")
    assert "区立学校の給食費を全額補助" in section


def test_a_suggestion_warns_when_its_quote_is_no_longer_printed() -> None:
    old = CatalogDir.load(KNOWLEDGE_DIR)
    lunch = next(m for m in old.measures if m.id == "school_lunch_free")
    text = suggested_rules(lunch, "区立学校の給食費を一部補助します。", 2025)
    assert "WARNING" in text and "fiscal_year: 2025" in text
    assert "WARNING" not in suggested_rules(lunch, old.passage_by_measure()["school_lunch_free"], 2025)


def test_a_draft_with_new_ids_is_paired_by_title_and_offered_last_years_rules(tmp_path: Path) -> None:
    from knowledge.catalog_draft import write_draft
    from knowledge.source import document

    out = tmp_path / "draft"
    write_draft(document().path, 2024, out)
    diff, text = run(KNOWLEDGE_DIR, out)
    assert diff.new == [] and diff.gone == [] and len(diff.pairs) == 46
    assert {o.id: n.id for o, n in diff.pairs}["babysitter_support"] == "p81_1"
    # the draft's unnamed figures are paired with the curated ones by their printed text
    babysitter = {c.field: c for c in diff.changed["p81_1"]}
    assert not any("216時間" in c.old for c in babysitter.values())
    assert "* p81_1 (去年 / last year: babysitter_support)" in text
    assert "## p81_1（P81）\n# 要確認 / REVIEW: babysitter_support" in text
