"""Knowledge health: the catalog says what the document says, no more, no less."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from knowledge.catalog import MEASURES_DIR, Catalog, default_catalog
from knowledge.money import parse_yen
from knowledge.schema_export import SCHEMA_DIR, schemas
from knowledge.source import document, passages

TESTS_DIR = Path(__file__).parent / "measures"
MIN_CASES = {"benefit": 3, "service": 1, "initiative": 1}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture(scope="module")
def passage_by_measure(catalog: Catalog) -> dict[str, str]:
    by_key = {(p.page, p.title): p.text for p in passages()}
    return {m.id: by_key[(m.page, m.title)] for m in catalog if (m.page, m.title) in by_key}


def test_the_corpus_is_the_official_document() -> None:
    doc = document()
    assert doc.actual_sha256() == doc.sha256
    assert doc.fiscal_year == 2024


def test_every_page_reference_maps_to_exactly_one_measure_and_back(catalog: Catalog) -> None:
    in_source = Counter((p.page, p.title) for p in passages())
    in_catalog = Counter((m.page, m.title) for m in catalog)
    assert len(in_source) == sum(in_source.values()) == 46
    assert in_catalog == in_source


def test_every_title_appears_verbatim_in_the_source(catalog: Catalog) -> None:
    text = document().text()
    assert [m.id for m in catalog if m.title not in text] == []


def test_every_figure_is_printed_in_its_measures_passage(catalog: Catalog, passage_by_measure: dict[str, str]) -> None:
    missing = [(m.id, f.text) for m in catalog for f in m.figures if f.text not in passage_by_measure[m.id]]
    assert missing == []


def test_every_status_is_backed_by_the_documents_words(catalog: Catalog, passage_by_measure: dict[str, str]) -> None:
    for m in catalog:
        if m.status is None:
            assert m.status_evidence is None, m.id
        else:
            assert m.status_evidence and m.status_evidence in passage_by_measure[m.id], m.id


def test_budget_lines_are_printed_parsed_and_complete(catalog: Catalog) -> None:
    text = document().text()
    for line in catalog.budget_lines.values():
        assert line.amount in text, line.id
        assert parse_yen(line.amount) == line.yen, line.id
    covered = [mid for line in catalog.budget_lines.values() for mid in line.measures]
    assert sorted(covered) == sorted(m.id for m in catalog)


def test_ids_are_unique_ascii_and_match_file_names() -> None:
    paths = sorted(MEASURES_DIR.glob("*/*.yaml"))
    ids = [p.stem for p in paths]
    assert len(ids) == len(set(ids))
    assert all(str(p.relative_to(MEASURES_DIR)).isascii() for p in paths)


def test_every_measure_has_enough_rule_cases(catalog: Catalog) -> None:
    short = {}
    for m in catalog:
        path = TESTS_DIR / m.area / f"{m.id}.yaml"
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"] if path.exists() else []
        if len(cases) < MIN_CASES[m.kind]:
            short[m.id] = len(cases)
    assert short == {}


def test_no_case_file_names_an_unknown_measure(catalog: Catalog) -> None:
    assert [p.stem for p in TESTS_DIR.glob("*/*.yaml") if catalog.get(p.stem) is None] == []


def test_initiatives_are_never_reported_as_qualifying(catalog: Catalog) -> None:
    for m in catalog:
        if m.kind == "initiative":
            assert m.eligibility == [], m.id


def test_benefits_have_machine_checked_rules_for_the_current_year(catalog: Catalog) -> None:
    assert [m.id for m in catalog if m.kind == "benefit" and m.rule_for(catalog.fiscal_year) is None] == []


def test_every_figure_and_rule_is_dated(catalog: Catalog) -> None:
    for m in catalog:
        assert all(f.fiscal_year == catalog.fiscal_year for f in m.figures), m.id
        assert all(r.fiscal_year == catalog.fiscal_year for r in m.eligibility), m.id


def test_committed_json_schemas_are_current() -> None:
    for name, text in schemas().items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == text, f"run `benefit-finder schema` ({name})"


def test_no_contact_details_or_links_are_invented(catalog: Catalog) -> None:
    import re

    pattern = re.compile(r"https?://|www\.|\d{2,4}-\d{2,4}-\d{3,4}|@")
    for m in catalog:
        dumped = yaml.safe_dump(m.model_dump(mode="json"), allow_unicode=True)
        assert not pattern.search(dumped), m.id


def _raw_conditions() -> list[tuple[str, dict[str, object]]]:
    found = []
    for path in sorted(MEASURES_DIR.glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for rule in data.get("eligibility") or []:
            for scope in ("household", "some_child", "some_adult"):
                found += [(path.stem, cond) for cond in rule.get(scope) or []]
    return found


def test_every_machine_checked_condition_says_its_basis() -> None:
    conditions = _raw_conditions()
    assert len(conditions) > 30
    assert [(mid, c.get("type")) for mid, c in conditions if not c.get("basis")] == []


def test_every_quoted_basis_is_verbatim_in_its_measures_passage(
        catalog: Catalog, passage_by_measure: dict[str, str]) -> None:
    from knowledge.basis import Definition, Quote

    wrong = []
    for m in catalog:
        passage = passage_by_measure[m.id]
        for rule in m.eligibility:
            for cond in rule.conditions:
                if isinstance(cond.basis, Quote) and cond.basis.quote not in passage:
                    wrong.append((m.id, cond.type, cond.basis.quote))
                if isinstance(cond.basis, Definition) and cond.basis.term not in passage:
                    wrong.append((m.id, cond.type, cond.basis.term))
        if m.selection is not None and m.selection.quote and m.selection.quote not in passage:
            wrong.append((m.id, "selection", m.selection.quote))
    assert wrong == []


def test_the_basis_of_a_quote_that_is_not_in_the_passage_is_caught(passage_by_measure: dict[str, str]) -> None:
    """The check above is not vacuous: a near-miss quote (one character changed) is not found."""
    passage = passage_by_measure["school_lunch_free"]
    assert "区立学校の給食費を全額補助" in passage
    assert "区立学校の給食費を一部補助" not in passage


def test_selected_programmes_say_how_people_are_chosen(catalog: Catalog) -> None:
    selected = {m.id: m.selection for m in catalog if m.selection is not None}
    assert {"ogasawara_exchange", "mci_program_research", "low_nutrition_prevention"} <= set(selected)
    for mid, selection in selected.items():
        assert selection is not None
        assert selection.how.ja and selection.how.en, mid
        if selection.quote is None:  # no words of the document: the note must say the document does not say
            assert "書かれていません" in selection.how.ja, mid


def test_committed_audit_page_is_current_and_shows_every_basis(catalog: Catalog) -> None:
    from knowledge.audit import AUDIT_FILE, render

    text = render(catalog)
    assert AUDIT_FILE.read_text(encoding="utf-8") == text, "run `benefit-finder audit`"
    heads = ("| 誰について", "| ---")
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith(heads)]
    assert len(rows) == sum(len(r.conditions) for m in catalog for r in m.eligibility)
    assert all(any(k in row for k in ("資料：「", "定義：", "読み：")) for row in rows)
    assert all(f"`{m.id}`" in text for m in catalog)
