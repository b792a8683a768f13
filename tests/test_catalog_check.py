"""`benefit-finder catalog check DIR`: clean on the shipped catalog, and each kind of break is reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from api.cli import app
from knowledge.catalog import KNOWLEDGE_DIR
from knowledge.catalog_check import run_checks

runner = CliRunner()


def copy_catalog(dest: Path) -> Path:
    """The parts of knowledge/ a catalog directory consists of."""
    shutil.copytree(KNOWLEDGE_DIR / "measures", dest / "measures")
    shutil.copytree(KNOWLEDGE_DIR / "source", dest / "source")
    shutil.copy(KNOWLEDGE_DIR / "budget_lines.yaml", dest / "budget_lines.yaml")
    return dest


def edit_yaml(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_shipped_catalog_is_clean() -> None:
    result = runner.invoke(app, ["catalog", "check", str(KNOWLEDGE_DIR)])
    assert result.exit_code == 0, result.output
    assert "問題はありません。 / No problems found." in result.output
    assert "✗" not in result.output


@pytest.fixture()
def broken(tmp_path: Path) -> Path:
    root = copy_catalog(tmp_path / "catalog")
    m = root / "measures"

    def title(d):  # type: ignore[no-untyped-def]
        d["title"] = d["title"] + "等"

    def figure(d):  # type: ignore[no-untyped-def]
        d["figures"][1]["text"] = "217時間"

    def quote(d):  # type: ignore[no-untyped-def]
        d["eligibility"][0]["some_child"][0]["basis"] = {"quote": "区立学校の給食費を一部補助"}

    def no_basis(d):  # type: ignore[no-untyped-def]
        del d["eligibility"][0]["some_adult"][0]["basis"]

    edit_yaml(m / "childcare" / "diaper_provision.yaml", title)
    edit_yaml(m / "childcare" / "babysitter_support.yaml", figure)
    edit_yaml(m / "education" / "school_lunch_free.yaml", quote)
    edit_yaml(m / "welfare" / "avatar_robot_work.yaml", no_basis)
    shutil.copy(m / "childcare" / "sick_child_care.yaml", m / "welfare" / "sick_child_care.yaml")

    def budget(lines):  # type: ignore[no-untyped-def]
        lines[0]["yen"] = lines[0]["yen"] + 1

    edit_yaml(root / "budget_lines.yaml", budget)
    return root


def test_a_broken_copy_reports_each_problem(broken: Path) -> None:
    results = {key: problems for key, _ja, _en, problems in run_checks(broken)}
    assert [p.where for p in results["titles"]] == ["diaper_provision"]
    assert [(p.where, "217時間" in p.detail) for p in results["figures"]] == [("babysitter_support", True)]
    assert any(p.where == "school_lunch_free" and "一部補助" in p.detail for p in results["basis"])
    assert any(p.where == "sick_child_care" for p in results["ids"])
    assert any(p.where == "parents_burden_relief" and "304,210,001" in p.detail for p in results["budget"])
    assert any(p.where == "diaper_provision" for p in results["pages"])
    assert any(p.where == "avatar_robot_work" and "no basis" in p.detail for p in results["basis"])


def test_the_command_prints_the_problems_and_exits_1(broken: Path) -> None:
    result = runner.invoke(app, ["catalog", "check", str(broken)])
    assert result.exit_code == 1
    for text in ("✗ 施策名が資料のとおりか", "217時間", "区立学校の給食費を一部補助", "✗ IDの重複", "304,210,001"):
        assert text in result.output


def test_a_condition_without_basis_is_named(tmp_path: Path) -> None:
    root = copy_catalog(tmp_path / "catalog")
    path = root / "measures" / "childcare" / "babysitter_support.yaml"

    def drop(d):  # type: ignore[no-untyped-def]
        del d["eligibility"][0]["some_child"][0]["basis"]

    edit_yaml(path, drop)
    results = {key: problems for key, _ja, _en, problems in run_checks(root)}
    assert [(p.where, "school_year" in p.detail) for p in results["basis"]] == [("babysitter_support", True)]
    assert [p.where for p in results["files"]] == ["measures/childcare/babysitter_support.yaml"]


def test_a_benefit_without_rules_for_the_year_is_named(tmp_path: Path) -> None:
    root = copy_catalog(tmp_path / "catalog")

    def drop(d):  # type: ignore[no-untyped-def]
        d["eligibility"] = []

    edit_yaml(root / "measures" / "education" / "school_lunch_free.yaml", drop)
    results = {key: problems for key, _ja, _en, problems in run_checks(root)}
    assert [(p.where, "2024" in p.detail) for p in results["rules"]] == [("school_lunch_free", True)]


def test_a_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["catalog", "check", str(tmp_path / "nope")])
    assert result.exit_code == 2
