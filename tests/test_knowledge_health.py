"""Knowledge health: the catalog says what the document says, no more, no less."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from knowledge import catalog_check as check
from knowledge.catalog import KNOWLEDGE_DIR, Catalog, default_catalog
from knowledge.catalog_check import CatalogDir
from knowledge.schema_export import SCHEMA_DIR, schemas
from knowledge.source import document, passages

TESTS_DIR = Path(__file__).parent / "measures"
MIN_CASES = {"benefit": 3, "service": 1, "initiative": 1}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture(scope="module")
def shipped() -> CatalogDir:
    """The shipped catalog read by the same checks `benefit-finder catalog check` runs."""
    return CatalogDir.load(KNOWLEDGE_DIR)


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


def test_every_page_reference_maps_to_one_measure_by_the_check_function(shipped: CatalogDir) -> None:
    assert check.check_pages(shipped) == []


def test_every_title_appears_verbatim_in_the_source(shipped: CatalogDir) -> None:
    assert check.check_titles(shipped) == []


def test_every_figure_is_printed_in_its_measures_passage(shipped: CatalogDir) -> None:
    assert check.check_figures(shipped) == []


def test_every_status_is_backed_by_the_documents_words(shipped: CatalogDir) -> None:
    assert check.check_status(shipped) == []


def test_budget_lines_are_printed_parsed_and_complete(shipped: CatalogDir) -> None:
    assert shipped.budget_lines
    assert check.check_budget(shipped) == []


def test_ids_are_unique_ascii_and_match_file_names(shipped: CatalogDir) -> None:
    assert len(shipped.paths) == 46
    assert check.check_files(shipped) == [] and check.check_ids(shipped) == []


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


def test_initiatives_have_no_rules_and_benefits_have_this_years(shipped: CatalogDir) -> None:
    assert check.check_rules(shipped) == []


def test_every_figure_and_rule_is_dated(catalog: Catalog, shipped: CatalogDir) -> None:
    assert check.check_dated(shipped) == []
    for m in catalog:
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


def test_every_machine_checked_condition_says_its_basis(shipped: CatalogDir) -> None:
    assert len(check.raw_conditions(shipped)) > 30
    assert check.check_basis_present(shipped) == []


def test_every_quoted_basis_is_verbatim_in_its_measures_passage(shipped: CatalogDir) -> None:
    assert check.check_basis_verbatim(shipped) == []


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
