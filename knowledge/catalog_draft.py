"""A first draft of next year's catalog from the new document: only what is printed, the rest TODO.

One measure per （Pxx） title line (the passages of `knowledge/source.py`): title and page as
printed, the section (分野別の将来像) and goal (めざすべき姿) from the nearest lines above, the
figures the passage prints (numbers with their counters, and 「AからBに」 as before → after),
status candidates as the clauses that say 新た / 拡充 / 開始 …, and the budget amounts printed
above each group of measures. Nothing is decided for the reader: English titles, summaries,
audiences, kinds and eligibility are left as TODO, the status is left empty with its candidates in
comments, and a group printed under two amounts is listed under both for a person to split.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from knowledge.money import parse_yen
from knowledge.source import Passage, passages

TODO = "TODO"
DRAFT_AREA = "todo"

_NUM = r"[0-9][0-9,]*(?:万[0-9]*千?|千)?"
_COUNTERS = "万円分|万円|円分|円|冊|基|台|時間|回分|回|年間|か月|歳未満|歳以上|歳|価|人|件|校|か所|ルート|日"
FIGURE = re.compile(
    rf"(?:小学校|中学校|高校)[0-9]+年生(?:相当年齢)?"
    rf"|週[0-9]+日(?:程度)?"
    rf"|(?:区内|新規)?約?{_NUM}(?:{_COUNTERS})(?:ワクチン)?"
    rf"|ゼロ"
)
BEFORE_AFTER = re.compile(rf"((?:約)?{_NUM}(?:{_COUNTERS}))から((?:約)?{_NUM}(?:{_COUNTERS}))に")
AMOUNT_LINE = re.compile(r"^(?:[0-9][0-9,]*億)?(?:[0-9][0-9,]*万)?(?:[0-9][0-9,]*)?円$")
GOAL_LINE = re.compile(r"(?:ています|できます)。$")
STATUS_WORDS = ("新た", "新規", "拡充", "拡大", "開始", "導入", "立ち上げ", "引き上げ", "追加", "加え", "ゼロとする",
                "着手", "開設")


_LAYOUT = {"主な取組み", "主な", "取組", "主な取組"}  # the document's vertical 「主な取組み」 label, cut into lines


@dataclass
class DraftFigure:
    text: str
    value: float
    unit: str
    before: float | None = None


@dataclass
class DraftMeasure:
    id: str
    passage: Passage
    section: str | None
    goal: str | None
    figures: list[DraftFigure] = field(default_factory=list)
    status_candidates: list[str] = field(default_factory=list)
    budget_lines: list[str] = field(default_factory=list)


@dataclass
class DraftBudgetLine:
    id: str
    heading: str
    amount: str
    yen: int
    measures: list[str] = field(default_factory=list)


def _clean(line: str) -> str:
    """A line as printed, without Markdown marks (`#`, `**衛** 生的` → `衛生的`)."""
    text = re.sub(r"\*\*(.+?)\*\*\s*", r"\1", line.strip())
    return text.lstrip("#").lstrip("■").strip()


def _number(text: str) -> float:
    digits = re.search(_NUM, text)
    if digits is None:
        return 0
    raw = digits.group(0).replace(",", "")
    value = 0.0
    if "万" in raw:
        head, _, tail = raw.partition("万")
        value = float(head) * 10_000
        if tail.endswith("千"):
            value += float(tail[:-1] or 1) * 1_000
        elif tail:
            value += float(tail)
    elif raw.endswith("千"):
        value = float(raw[:-1]) * 1_000
    else:
        value = float(raw)
    return value


def figure_of(text: str) -> DraftFigure:
    """Value and unit of a printed figure; money in yen (「50万円」 → 500000 円)."""
    if text == "ゼロ":
        return DraftFigure(text=text, value=0, unit="")
    school = re.fullmatch(r"(小学校|中学校|高校)([0-9]+)年生(相当年齢)?", text)
    if school:
        return DraftFigure(text=text, value=int(school.group(2)), unit=f"年生（{school.group(1)}）")
    week = re.fullmatch(r"週([0-9]+)日(?:程度)?", text)
    if week:
        return DraftFigure(text=text, value=int(week.group(1)), unit="日/週")
    counter = re.search(rf"({_COUNTERS})(?:ワクチン)?$", text)
    unit = counter.group(1) if counter else ""
    value = _number(text)
    if unit.startswith("万円"):  # the 万 is in the value already
        unit = unit[1:]
    return DraftFigure(text=text, value=int(value) if value == int(value) else value, unit=unit)


def figures_in(passage: str) -> list[DraftFigure]:
    """Every figure printed in the passage, once each; 「AからBに」 gives one figure B with `before` A."""
    found: list[DraftFigure] = []
    befores: set[str] = set()
    for match in BEFORE_AFTER.finditer(passage):
        after = figure_of(match.group(2))
        after.before = figure_of(match.group(1)).value
        befores.add(match.group(1))
        found.append(after)
    seen = {f.text for f in found} | befores
    for match in FIGURE.finditer(passage):
        text = match.group(0)
        if text in seen:
            continue
        seen.add(text)
        found.append(figure_of(text))
    return found


def status_candidates(passage: str) -> list[str]:
    """Clauses of the passage with a word of novelty or expansion, verbatim (a person picks, or none)."""
    clauses = [c for c in re.split(r"[、。\n]", passage) if c]
    return [c for c in clauses if any(w in c for w in STATUS_WORDS)]


def _joined_lines(lines: list[str]) -> list[str]:
    """Each line with the next one appended where the document broke a phrase (trailing two spaces)."""
    joined = [_clean(line) for line in lines]
    for i in range(len(lines) - 2, -1, -1):
        if lines[i].endswith("  "):
            joined[i] += joined[i + 1]
    return joined


def _section_names(lines: list[str]) -> list[str]:
    """The future visions (`###` under 第4次基本構想) and the closing chapter, as the document heads them."""
    names: list[str] = []
    inside = False
    for line in lines:
        if line.startswith("## "):
            inside = "第4次基本構想" in line
            if "基本構想の実現に向けて" in line:
                names.append(_clean(line))
        elif inside and line.startswith("### "):
            names.append(_clean(line))
    return names


def draft(text: str) -> tuple[list[DraftMeasure], list[DraftBudgetLine]]:
    """Walk the document once: section and goal lines set the context, amounts open a group of
    budget lines, and each （Pxx） title becomes a measure under the current context and group."""
    lines = text.splitlines()
    joined = _joined_lines(lines)
    names = _section_names(lines)
    heads = {p.line - 1: p for p in passages(text)}
    body = "\n".join(p.text for p in heads.values())
    measures: list[DraftMeasure] = []
    budget: list[DraftBudgetLine] = []
    section: str | None = None
    goal: str | None = None
    group: list[DraftBudgetLine] = []  # the amounts printed since the last measure
    banner: list[str] = []
    grouped_since_amount = False
    per_page: dict[str, int] = {}
    for i in range(len(lines)):
        if i in heads:
            p = heads[i]
            per_page[p.page] = per_page.get(p.page, 0) + 1
            mid = f"{p.page.lower()}_{per_page[p.page]}"
            m = DraftMeasure(id=mid, passage=p, section=section, goal=goal,
                             figures=figures_in(p.text), status_candidates=status_candidates(p.text))
            m.budget_lines = [b.id for b in group]
            for b in group:
                b.measures.append(mid)
            measures.append(m)
            grouped_since_amount = True
            banner = []
            continue
        if i > 0 and lines[i - 1].endswith("  "):
            continue  # read with the line above (`joined`)
        clean = joined[i]
        if clean in names:
            section, goal, banner, group = clean, None, [], []
        elif GOAL_LINE.search(clean) and clean not in body:
            goal, banner = clean, []
        elif AMOUNT_LINE.match(clean):
            if grouped_since_amount:
                group, grouped_since_amount = [], False
            try:
                yen = parse_yen(clean)
            except ValueError:
                continue
            heading = " ".join(banner) or TODO
            line_ = DraftBudgetLine(id=f"budget_{len(budget) + 1}", heading=heading, amount=clean, yen=yen)
            budget.append(line_)
            group.append(line_)
            banner = []
        elif len(clean) > 1 and clean not in body and clean not in _LAYOUT:
            banner.append(clean)
    kept = [b for b in budget if b.measures]  # amounts of the overview pages, printed above no measure
    renamed = {b.id: f"budget_{n}" for n, b in enumerate(kept, start=1)}
    for b in kept:
        b.id = renamed[b.id]
    for m in measures:
        m.budget_lines = [renamed[b] for b in m.budget_lines]
    return measures, kept


def _measure_yaml(m: DraftMeasure, fiscal_year: int) -> str:
    unread = ["title_en", "audience", "summary", "kind", "eligibility", "status"]
    if m.section is None:
        unread.append("section")
    if m.goal is None:
        unread.append("goal")
    if len(m.budget_lines) != 1:
        unread.append("budget_line")
    head = [f"# 下書き / DRAFT from the source (line {m.passage.line}). 人が確認して TODO を埋めてください。",
            "# A person fills every TODO; nothing here was decided for the resident.",
            f"# 読み取れなかった項目 / Not read from the document: {', '.join(unread)}",
            "# kind: `initiative` is a placeholder (it shows no verdict), not read: choose benefit / service / "
            "initiative.",
            "# eligibility: TODO — write the rules (each condition with its basis) or leave empty for an initiative."]
    if m.status_candidates:
        head.append("# status の候補 / status candidates (新規 / 拡充?), verbatim:")
        head += [f"#   「{c}」" for c in m.status_candidates]
    else:
        head.append("# status の候補 / status candidates: none found")
    if len(m.budget_lines) > 1:
        head.append(f"# budget_line: this group is printed under {len(m.budget_lines)} amounts "
                    f"({', '.join(m.budget_lines)}): TODO keep the right one on each side.")
    data = {
        "id": m.id,
        "title": m.passage.title,
        "title_en": TODO,
        "page": m.passage.page,
        "area": DRAFT_AREA,
        "section": m.section or TODO,
        "goal": m.goal,
        "kind": "initiative",
        "fiscal_year": fiscal_year,
        "audience": {"ja": TODO, "en": TODO},
        "status": None,
        "status_evidence": None,
        "budget_line": m.budget_lines[0] if m.budget_lines else TODO,
        "figures": [
            {"name": f"figure_{n}", "label": {"ja": TODO, "en": TODO}, "value": f.value, "unit": f.unit,
             **({"before": f.before} if f.before is not None else {}), "text": f.text, "fiscal_year": fiscal_year}
            for n, f in enumerate(m.figures, start=1)],
        "summary": {"ja": TODO, "en": TODO},
        "eligibility": [],
    }
    return "\n".join(head) + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def write_draft(source: Path, fiscal_year: int, out: Path) -> tuple[list[DraftMeasure], list[DraftBudgetLine]]:
    """Write OUT/measures/todo/<id>.yaml, OUT/budget_lines.yaml and OUT/source/ (the document, hashed)."""
    text = source.read_text(encoding="utf-8")
    measures, budget = draft(text)
    (out / "measures" / DRAFT_AREA).mkdir(parents=True, exist_ok=True)
    for m in measures:
        (out / "measures" / DRAFT_AREA / f"{m.id}.yaml").write_text(_measure_yaml(m, fiscal_year), encoding="utf-8")
    lines = [{"id": b.id, "heading": b.heading, "amount": b.amount, "yen": b.yen, "fiscal_year": fiscal_year,
              "measures": b.measures} for b in budget]
    (out / "budget_lines.yaml").write_text(
        "# 下書き / DRAFT: amounts as printed, each with the measures printed under it. A group under two amounts\n"
        "# lists its measures under both: TODO keep each measure on its own line.\n"
        + yaml.safe_dump(lines, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (out / "source").mkdir(parents=True, exist_ok=True)
    (out / "source" / source.name).write_text(text, encoding="utf-8")
    doc = {"id": source.stem, "file": source.name, "title": TODO, "title_en": TODO, "publisher": TODO,
           "fiscal_year": fiscal_year, "fiscal_year_ja": TODO,
           "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
    (out / "source" / "document.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False),
                                                  encoding="utf-8")
    return measures, budget

