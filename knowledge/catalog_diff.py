"""What moved between two catalogs, so next year's reviewer works only on what changed.

Measures are paired by id, then (for a draft whose ids are new) by the title as printed. For a
pair, the fields a resident's answer depends on are compared: title, page, status, figures (by
name), the budget line's printed amount and the eligibility rules. For a carried-over measure the
old rules are offered as a copy for the new year, every condition marked 要確認 (to review), with
a note where a quoted basis is no longer printed in the new passage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from knowledge.basis import Quote
from knowledge.catalog_check import CatalogDir
from knowledge.measure import Figure, Measure


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass
class CatalogDiff:
    new: list[Measure] = field(default_factory=list)
    gone: list[Measure] = field(default_factory=list)
    changed: dict[str, list[Change]] = field(default_factory=dict)
    pairs: list[tuple[Measure, Measure]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.new or self.gone or self.changed)


def _pair(old: list[Measure], new: list[Measure]) -> tuple[list[tuple[Measure, Measure]], list[Measure], list[Measure]]:
    new_by_id = {m.id: m for m in new}
    pairs = [(o, new_by_id[o.id]) for o in old if o.id in new_by_id]
    taken = {n.id for _, n in pairs}
    rest_new = {n.title: n for n in new if n.id not in taken}
    for o in old:
        if o.id not in new_by_id and o.title in rest_new:
            pairs.append((o, rest_new.pop(o.title)))
    paired_old = {o.id for o, _ in pairs}
    paired_new = {n.id for _, n in pairs}
    return pairs, [o for o in old if o.id not in paired_old], [n for n in new if n.id not in paired_new]


def _shown(f: Figure) -> str:
    return f"{f.text} (= {f.value:g}{'' if f.before is None else f', before {f.before:g}'})"


def _figure_changes(old: Measure, new: Measure) -> list[Change]:
    """Figures paired by name, then (a draft names them figure_1 …) by printed text; the rest added or gone."""
    rest_old = {f.name: f for f in old.figures}
    rest_new = {f.name: f for f in new.figures}
    changes = []
    for name in [n for n in rest_old if n in rest_new]:
        a, b = rest_old.pop(name), rest_new.pop(name)
        if _shown(a) != _shown(b):
            changes.append(Change(f"figure {name}", _shown(a), _shown(b)))
    by_text = {f.text: name for name, f in rest_new.items()}
    for name, a in list(rest_old.items()):
        if a.text in by_text:
            b = rest_new.pop(by_text.pop(a.text))
            del rest_old[name]
            if _shown(a) != _shown(b):
                changes.append(Change(f"figure {name}", _shown(a), _shown(b)))
    changes += [Change(f"figure {name}", _shown(f), "—") for name, f in rest_old.items()]
    changes += [Change(f"figure {name}", "—", _shown(f)) for name, f in rest_new.items()]
    return changes


def _rules(m: Measure) -> list[dict[str, object]]:
    """Rules without their year, so that a copy carried to the next year compares equal."""
    return [r.model_dump(mode="json", exclude={"fiscal_year"}, exclude_defaults=True) for r in m.eligibility]


def _amount(cat: CatalogDir, m: Measure) -> str:
    line = cat.budget_lines.get(m.budget_line)
    return line.amount if line is not None else "?"


def compare(old_cat: CatalogDir, new_cat: CatalogDir) -> CatalogDiff:
    pairs, gone, new = _pair(old_cat.measures, new_cat.measures)
    diff = CatalogDiff(new=new, gone=gone, pairs=pairs)
    for o, n in pairs:
        changes = [Change(name, str(a), str(b))
                   for name, a, b in (("title", o.title, n.title), ("page", o.page, n.page),
                                      ("status", o.status, n.status),
                                      ("budget", _amount(old_cat, o), _amount(new_cat, n)))
                   if a != b]
        changes += _figure_changes(o, n)
        if _rules(o) != _rules(n):
            changes.append(Change("rules", yaml.safe_dump(_rules(o), allow_unicode=True).strip(),
                                  yaml.safe_dump(_rules(n), allow_unicode=True).strip()))
        if changes:
            diff.changed[n.id] = changes
    return diff


def suggested_rules(old: Measure, new_passage: str | None, fiscal_year: int) -> str:
    """The old rules as YAML for `fiscal_year`, each condition marked for review (never applied by itself)."""
    if not old.eligibility:
        return ""
    lines = [f"# 要確認 / REVIEW: {old.id} の前年度の条件の写しです。資料の新しい文言と照らしてから使ってください。",
             "# A copy of last year's rules, to be checked against the new document before use."]
    for rule in old.eligibility:
        for cond in rule.conditions:
            if isinstance(cond.basis, Quote) and new_passage is not None and cond.basis.quote not in new_passage:
                lines.append(f"# 注意 / WARNING: {cond.type}: 根拠「{cond.basis.quote}」は新しい資料にありません "
                             "(quote not in the new passage)")
    latest = max(old.eligibility, key=lambda r: r.fiscal_year)
    copied = latest.model_dump(mode="json", exclude_defaults=True)
    copied["fiscal_year"] = fiscal_year
    lines.append(yaml.safe_dump({"eligibility": [copied]}, allow_unicode=True, sort_keys=False).rstrip())
    return "\n".join(lines) + "\n"


def report(old_cat: CatalogDir, new_cat: CatalogDir, diff: CatalogDiff) -> str:
    out = [f"カタログの比較 / Catalog diff: {old_cat.root} → {new_cat.root}", ""]
    out.append(f"新しい施策 / New measures: {len(diff.new)}")
    out += [f"    + {m.id}  {m.title}（{m.page}）" for m in diff.new]
    out.append(f"なくなった施策 / Gone measures: {len(diff.gone)}")
    out += [f"    - {m.id}  {m.title}（{m.page}）" for m in diff.gone]
    out.append(f"変わった施策 / Changed measures: {len(diff.changed)}")
    old_id = {n.id: o.id for o, n in diff.pairs}
    for mid, changes in diff.changed.items():
        out.append(f"    * {mid}" + (f" (去年 / last year: {old_id[mid]})" if old_id[mid] != mid else ""))
        for c in changes:
            if c.field == "rules" and c.new == "[]":
                out.append("        rules: 新しいファイルに条件がありません（下に去年の写し） / none in the new file "
                           "(last year's copy below)")
            elif c.field == "rules":
                out.append("        rules: 条件が変わりました / the rules differ")
            else:
                out.append(f"        {c.field}: {c.old} → {c.new}")
    unchanged = len(diff.pairs) - len(diff.changed)
    out.append(f"変わらない施策 / Unchanged: {unchanged}")
    year = new_cat.fiscal_year
    passages = new_cat.passage_by_measure()
    suggestions = [(o, n) for o, n in diff.pairs
                   if o.eligibility and year is not None and n.rule_for(year) is None]
    if suggestions and year is not None:
        out += ["", "引き継ぐ施策の条件案（要確認） / Suggested rules for carried-over measures (review): "
                f"{len(suggestions)}"]
        for o, n in suggestions:
            out += ["", f"## {n.id}（{n.page}）", suggested_rules(o, passages.get(n.id), year).rstrip()]
    return "\n".join(out) + "\n"


def run(old: Path, new: Path) -> tuple[CatalogDiff, str]:
    old_cat, new_cat = CatalogDir.load(old), CatalogDir.load(new)
    diff = compare(old_cat, new_cat)
    return diff, report(old_cat, new_cat, diff)
