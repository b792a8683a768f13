"""The knowledge-health checks as functions, runnable on any catalog directory.

A catalog directory holds `measures/<area>/<id>.yaml`, `budget_lines.yaml` and
`source/document.yaml` (+ the Markdown it names). The health tests call these same functions on
the shipped catalog, and `benefit-finder catalog check DIR` calls them on next year's draft, so a
ward clerk gets the checks the developers rely on, with every problem listed instead of the
first one raised. Each check returns a list of `Problem`s; an empty list means it passed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from knowledge.basis import Definition, Quote
from knowledge.catalog import CatalogError, _load_budget_lines, load_measure
from knowledge.measure import BudgetLine, Measure
from knowledge.money import parse_yen
from knowledge.source import Passage, keyed, passage_of, passages
from knowledge.translations import translation_problems

SCOPES = ("household", "some_child", "some_adult")


@dataclass(frozen=True)
class Problem:
    """One thing wrong, said so that a person can find it: which check, where, what."""

    check: str
    where: str
    detail: str


@dataclass
class CatalogDir:
    """A catalog directory read leniently: unreadable files become problems, not exceptions."""

    root: Path
    measures: list[Measure] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    raw: dict[Path, object] = field(default_factory=dict)
    budget_lines: dict[str, BudgetLine] = field(default_factory=dict)
    source_text: str = ""
    fiscal_year: int | None = None
    load_problems: list[Problem] = field(default_factory=list)

    @classmethod
    def load(cls, root: Path) -> CatalogDir:
        cat = cls(root=root)
        cat.paths = sorted((root / "measures").glob("*/*.yaml"))
        if not cat.paths:
            cat.load_problems.append(
                Problem("files", str(root / "measures"), "no measure files (measures/<area>/<id>.yaml)"))
        for path in cat.paths:
            try:
                cat.raw[path] = yaml.safe_load(path.read_text(encoding="utf-8"))
                cat.measures.append(load_measure(path))
            except (CatalogError, yaml.YAMLError) as exc:
                cat.load_problems.append(Problem("files", _rel(path, root), _first_line(str(exc))))
        try:
            cat.budget_lines = _load_budget_lines(root / "budget_lines.yaml")
        except (CatalogError, OSError) as exc:
            cat.load_problems.append(Problem("files", "budget_lines.yaml", _first_line(str(exc))))
        try:
            doc = yaml.safe_load((root / "source" / "document.yaml").read_text(encoding="utf-8"))
            cat.fiscal_year = int(doc["fiscal_year"])
            cat.source_text = (root / "source" / doc["file"]).read_text(encoding="utf-8")
        except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
            cat.load_problems.append(Problem("files", "source/document.yaml", _first_line(str(exc))))
        return cat

    def passages(self) -> list[Passage]:
        return passages(self.source_text) if self.source_text else []

    def passage_by_measure(self) -> dict[str, str]:
        by_key = keyed(self.passages())
        return {m.id: found.text for m in self.measures if (found := passage_of(m, by_key)) is not None}


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _first_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return " / ".join(lines[:3])


def check_files(cat: CatalogDir) -> list[Problem]:
    return list(cat.load_problems)


def check_ids(cat: CatalogDir) -> list[Problem]:
    """Ids unique (file name = id, checked on load) and ASCII paths."""
    counts = Counter(p.stem for p in cat.paths)
    found = [Problem("ids", stem, f"id used by {n} files") for stem, n in counts.items() if n > 1]
    found += [Problem("ids", _rel(p, cat.root), "path is not ASCII") for p in cat.paths
              if not _rel(p, cat.root).isascii()]
    return found


def check_pages(cat: CatalogDir) -> list[Problem]:
    """Every （Pxx） title of the source maps to exactly one measure, and back."""
    in_source = Counter((p.page, p.title) for p in cat.passages())
    in_catalog = Counter((m.page, m.title) for m in cat.measures)
    found = [Problem("pages", f"{page} {title}", "in the source but no measure file has this page and title")
             for (page, title) in in_source if in_catalog[(page, title)] == 0]
    found += [Problem("pages", m.id, f"{m.page} 「{m.title}」 is not a （Pxx） title line of the source")
              for m in cat.measures if in_source[(m.page, m.title)] == 0]
    found += [Problem("pages", f"{page} {title}", f"{n} measure files claim it")
              for (page, title), n in in_catalog.items() if n > 1]
    return found


def check_titles(cat: CatalogDir) -> list[Problem]:
    return [Problem("titles", m.id, f"「{m.title}」 is not printed in the source")
            for m in cat.measures if m.title not in cat.source_text]


def check_figures(cat: CatalogDir) -> list[Problem]:
    by_id = cat.passage_by_measure()
    return [Problem("figures", m.id, f"「{f.text}」 ({f.name}) is not printed in the measure's passage")
            for m in cat.measures if m.id in by_id for f in m.figures if f.text not in by_id[m.id]]


def check_status(cat: CatalogDir) -> list[Problem]:
    by_id = cat.passage_by_measure()
    found = []
    for m in cat.measures:
        if m.status is None and m.status_evidence is not None:
            found.append(Problem("status", m.id, "status_evidence given without a status"))
        elif m.status is not None and not m.status_evidence:
            found.append(Problem("status", m.id, f"status {m.status} has no status_evidence"))
        elif m.status_evidence and m.id in by_id and m.status_evidence not in by_id[m.id]:
            found.append(Problem("status", m.id, f"「{m.status_evidence}」 is not in the measure's passage"))
    return found


def check_budget(cat: CatalogDir) -> list[Problem]:
    """Amounts printed and parsed right; every measure on exactly one line, and the two sides agree."""
    found = []
    for line in cat.budget_lines.values():
        if line.amount not in cat.source_text:
            found.append(Problem("budget", line.id, f"「{line.amount}」 is not printed in the source"))
        try:
            yen = parse_yen(line.amount)
        except ValueError:
            found.append(Problem("budget", line.id, f"「{line.amount}」 is not a yen amount"))
        else:
            if yen != line.yen:
                found.append(Problem("budget", line.id, f"yen {line.yen:,} but 「{line.amount}」 = {yen:,}"))
    ids = {m.id for m in cat.measures}
    covered = Counter(mid for line in cat.budget_lines.values() for mid in line.measures)
    for m in cat.measures:
        if covered[m.id] != 1:
            found.append(Problem("budget", m.id, f"listed by {covered[m.id]} budget lines (must be 1)"))
        line_of = cat.budget_lines.get(m.budget_line)
        if line_of is None:
            found.append(Problem("budget", m.id, f"unknown budget line {m.budget_line!r}"))
        elif m.id not in line_of.measures:
            found.append(Problem("budget", m.id, f"budget line {m.budget_line!r} does not list it"))
    found += [Problem("budget", mid, "a budget line lists this measure, which has no file")
              for mid in covered if mid not in ids]
    return found


def check_dated(cat: CatalogDir) -> list[Problem]:
    year = cat.fiscal_year
    if year is None:
        return []
    found = [Problem("dated", m.id, f"figure {f.name} is dated {f.fiscal_year}, the source is {year}")
             for m in cat.measures for f in m.figures if f.fiscal_year != year]
    found += [Problem("dated", line.id, f"budget line dated {line.fiscal_year}, the source is {year}")
              for line in cat.budget_lines.values() if line.fiscal_year != year]
    return found


def raw_conditions(cat: CatalogDir) -> list[tuple[str, dict[str, object]]]:
    """Every condition as written in the files (before validation), with its measure id."""
    found = []
    for path, data in cat.raw.items():
        rules = data.get("eligibility") if isinstance(data, dict) else None
        for rule in rules or []:
            for scope in SCOPES:
                found += [(path.stem, cond) for cond in (rule.get(scope) or []) if isinstance(cond, dict)]
    return found


def check_basis_present(cat: CatalogDir) -> list[Problem]:
    return [Problem("basis", mid, f"condition {cond.get('type')!r} has no basis (quote, term or reading)")
            for mid, cond in raw_conditions(cat) if not cond.get("basis")]


def check_basis_verbatim(cat: CatalogDir) -> list[Problem]:
    by_id = cat.passage_by_measure()
    found = []
    for m in cat.measures:
        passage = by_id.get(m.id)
        if passage is None:
            continue
        for rule in m.eligibility:
            for cond in rule.conditions:
                basis = cond.basis
                if isinstance(basis, Quote) and basis.quote not in passage:
                    found.append(Problem("basis", m.id, f"{cond.type}: quote 「{basis.quote}」 not in the passage"))
                if isinstance(basis, Definition) and basis.term not in passage:
                    found.append(Problem("basis", m.id, f"{cond.type}: term 「{basis.term}」 not in the passage"))
        if m.selection is not None and m.selection.quote and m.selection.quote not in passage:
            found.append(Problem("basis", m.id, f"selection quote 「{m.selection.quote}」 not in the passage"))
    return found


def check_rules(cat: CatalogDir) -> list[Problem]:
    """Initiatives never qualify anyone; a benefit needs machine-checked rules for the source's year."""
    found = [Problem("rules", m.id, "an initiative must have no eligibility rules")
             for m in cat.measures if m.kind == "initiative" and m.eligibility]
    if cat.fiscal_year is not None:
        found += [Problem("rules", m.id, f"a benefit needs eligibility rules for {cat.fiscal_year}")
                  for m in cat.measures if m.kind == "benefit" and m.rule_for(cat.fiscal_year) is None]
    return found


def check_translations(cat: CatalogDir) -> list[Problem]:
    """Every text a resident reads has 中文 and 한국어 (and やさしい日本語 where shown): see translations.py."""
    return [Problem("translations", m.id, detail) for m in cat.measures for detail in translation_problems(m)]


# (check, heading ja, heading en, function), in report order.
CHECKS: list[tuple[str, str, str, Callable[[CatalogDir], list[Problem]]]] = [
    ("files", "ファイルの読み込み（書式・条件の語彙）", "Files readable (format, rule vocabulary)", check_files),
    ("ids", "IDの重複", "Unique ids", check_ids),
    ("pages", "ページと施策名の対応", "Every （Pxx） title has one measure", check_pages),
    ("titles", "施策名が資料のとおりか", "Titles verbatim", check_titles),
    ("figures", "数字が資料に書かれているか", "Figures printed in the passage", check_figures),
    ("status", "新規・拡充の根拠", "Status backed by the document's words", check_status),
    ("budget", "予算額と施策の対応", "Budget amounts and lines", check_budget),
    ("dated", "年度", "Fiscal year of figures and budget", check_dated),
    ("basis", "条件の根拠", "Every condition's basis", lambda c: check_basis_present(c) + check_basis_verbatim(c)),
    ("rules", "対象判定の条件", "Rules: benefits have them for the year, initiatives none", check_rules),
    ("translations", "翻訳（中文・한국어・やさしい日本語）", "Translations (zh, ko, easy)", check_translations),
]


def run_checks(root: Path) -> list[tuple[str, str, str, list[Problem]]]:
    cat = CatalogDir.load(root)
    return [(key, ja, en, fn(cat)) for key, ja, en, fn in CHECKS]


def report(results: list[tuple[str, str, str, list[Problem]]], root: Path) -> str:
    """Plain text for a person: one heading per check, ✓ or ✗ and each problem on its own line."""
    total = sum(len(p) for *_, p in results)
    out = [f"カタログの点検 / Catalog check: {root}", ""]
    for _key, ja, en, problems in results:
        mark = "✓" if not problems else "✗"
        out.append(f"{mark} {ja} / {en}: " + ("OK" if not problems else f"{len(problems)} 件 / problems"))
        out += [f"    - {p.where}: {p.detail}" for p in problems]
    out.append("")
    out.append("問題はありません。 / No problems found." if total == 0
               else f"問題 {total} 件。上の ✗ の行を直してください。 / {total} problems: fix the lines marked ✗.")
    return "\n".join(out) + "\n"
