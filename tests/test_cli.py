"""The command line as a user runs it: real process, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parents[1] / "knowledge" / "examples"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "api.cli", *args], capture_output=True, text=True, timeout=120)


def test_measures_lists_all_46() -> None:
    out = run("measures", "--json")
    assert out.returncode == 0
    assert len(json.loads(out.stdout)) == 46


def test_check_explains_with_pages() -> None:
    out = run("check", str(EXAMPLES / "toddler_in_ward_daycare.json"))
    assert out.returncode == 0
    assert "区内保育施設利用において、おむつ等を提供（P80）" in out.stdout
    assert "2歳の息子さん" in out.stdout


def test_check_lists_related_programmes_under_their_own_heading() -> None:
    out = run("check", str(EXAMPLES / "boy_in_junior_high_and_sister_with_certificate.json"))
    head = "関係する取り組み ("
    assert out.returncode == 0 and head in out.stdout
    assert "小笠原村での体験を提供（P83）" in out.stdout.split(head)[1]  # P83: the school sends students
    assert "小笠原村での体験を提供（P83）" not in out.stdout.split(head)[0]


def test_audit_prints_the_committed_page() -> None:
    out = run("audit", "--stdout")
    assert out.returncode == 0
    committed = (Path(__file__).parents[1] / "knowledge" / "AUDIT.md").read_text(encoding="utf-8")
    assert out.stdout == committed and "## P86 区立学校の学校給食費を全額補助" in out.stdout


def test_check_json_is_structured() -> None:
    out = run("check", str(EXAMPLES / "toddler_in_ward_daycare.json"), "--json")
    data = json.loads(out.stdout)
    assert "diaper_provision" in [m["id"] for m in data["eligible"]]


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "not valid JSON"), ('{"children": [{"age": -3}]}', "children.0.age"),
     ('{"children": [{"age": 4, "school": "abroad"}]}', "children.0.school"), ('{"income": 3}', "income")],
)
def test_bad_input_is_one_clear_line_and_exit_2(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "household.json"
    path.write_text(content, encoding="utf-8")
    out = run("check", str(path))
    assert out.returncode == 2
    assert message in out.stderr
    assert "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_chat_in_the_terminal_answers_with_pages() -> None:
    out = subprocess.run([sys.executable, "-m", "api.cli", "chat", "--no-search"], capture_output=True, text=True,
                         timeout=120, input="2歳の息子が区内の保育園に通っています\n結果を見せて\n終了\n")
    assert out.returncode == 0, out.stderr
    assert "お子さんはいますか" in out.stdout
    assert "区内保育施設利用において、おむつ等を提供（P80）" in out.stdout
    assert "[1]" in out.stdout  # quick replies are numbered
