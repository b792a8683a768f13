"""Turns per-condition results into sentences a resident can read (Japanese and English).

"3つの条件のうち2つを満たしています。…が分かれば判定できます" is how a clerk would say it, so
that is how the engine says it.
"""

from __future__ import annotations

from knowledge.measure import Text
from knowledge.outcome import ConditionResult, Fact, Outcome, Verdict
from knowledge.verdict import asks, firm

_UNSETTLED_JA = "資料だけでは決められない点があります。区の窓口でご確認ください。"
_UNSETTLED_EN = "The document does not settle everything here; please ask at the ward office."
_CHOSEN_JA = "参加する方は選ばれて決まります（申し込めば必ず受けられるものではありません）。"
_CHOSEN_EN = "Participants are chosen; it is not something you are entitled to by applying."



def initiative(measure_id: str) -> Outcome:
    return Outcome(
        measure_id=measure_id, verdict="not_eligible", conditions=[], missing=[],
        reasons_ja=["区が進める取組みで、申し込んで受けるものではありません。"],
        reasons_en=["This is a ward project; it is not something a household applies for."],
    )


def open_to_all(measure_id: str) -> Outcome:
    return Outcome(
        measure_id=measure_id, verdict="open_to_all", conditions=[], missing=[],
        reasons_ja=["どなたでも利用できます。"], reasons_en=["Anyone can use this."],
    )


def _subject_groups(results: list[ConditionResult]) -> dict[tuple[str, str], list[ConditionResult]]:
    groups: dict[tuple[str, str], list[ConditionResult]] = {}
    for r in results:
        groups.setdefault((r.subject_ja, r.subject_en), []).append(r)
    return groups


def _eligible(results: list[ConditionResult]) -> tuple[list[str], list[str]]:
    ja, en = [], []
    for (sja, sen), rs in _subject_groups(results).items():
        ja.append(f"{sja}：{'、'.join(r.requirement_ja for r in rs)}")
        en.append(f"{sen[0].upper() + sen[1:]}: {'; '.join(r.requirement_en for r in rs)}")
    return ja, en


def _soft(results: list[ConditionResult]) -> tuple[list[str], list[str]]:
    """Conditions only our reading says are not met: said, but never as a "no"."""
    failed = [r for r in results if r.status == "not_met" and not firm(r)]
    ja = [f"{r.subject_ja}は「{r.requirement_ja}」にはあてはまりませんが、資料ではそれだけで対象外とは決まりません。"
          for r in failed]
    en = [f"Not met for {r.subject_en}: {r.requirement_en}; but the document does not settle that this rules you out."
          for r in failed]
    return ja, en


def _maybe(results: list[ConditionResult]) -> tuple[list[str], list[str]]:
    total, met = len(results), sum(r.status == "met" for r in results)
    unknown = [r for r in results if asks(r)]
    if not unknown:  # nothing more to ask the resident: what is left is the document's silence
        lead_ja = f"{total}つの条件のうち{met}つを満たしています。" if total else ""
        lead_en = f"{met} of {total} conditions met. " if total else ""
        soft_ja, soft_en = _soft(results)
        met_ja, met_en = _eligible([r for r in results if r.status == "met"])
        return [f"{lead_ja}{_UNSETTLED_JA}", *met_ja, *soft_ja], [f"{lead_en}{_UNSETTLED_EN}", *met_en, *soft_en]
    if any(r.fact.key in ("children", "adults") for r in unknown):
        kids = any(r.fact.key == "children" for r in unknown)
        who_ja = "お子さんの年齢など" if kids else "ご家族のこと"
        who_en = "children" if kids else "family members"
        lead_ja = f"{total}つの条件のうち{met}つを満たしています。" if met else ""
        return ([f"{lead_ja}{who_ja}が分かれば判定できます。"],
                [f"{met} of {total} conditions met. We can decide once we know about your {who_en}."])
    lead_ja = f"{total}つの条件のうち{met}つを満たしています。" if met else ""
    ja = [f"{lead_ja}"
          f"{'、'.join(f'{r.subject_ja}が「{r.requirement_ja}」か' for r in unknown)}が分かれば判定できます。"]
    en = [f"{met} of {total} conditions met. We can decide once we know whether "
          f"{', and whether '.join(f'{r.subject_en} {r.requirement_en}' for r in unknown)}."]
    soft_ja, soft_en = _soft(results)
    return ja + soft_ja, en + soft_en


def _related(results: list[ConditionResult]) -> tuple[list[str], list[str]]:
    met = [r for r in results if r.status == "met"]
    ja, en = _eligible(met)
    soft_ja, soft_en = _soft(results)
    return [_CHOSEN_JA, *ja, *soft_ja], [_CHOSEN_EN, *en, *soft_en]


def _not_eligible(results: list[ConditionResult]) -> tuple[list[str], list[str]]:
    failed = [r for r in results if r.status == "not_met" and firm(r)]
    ja = [f"{r.subject_ja}は「{r.requirement_ja}」にあてはまりません。" for r in failed]
    en = [f"Not met for {r.subject_en}: {r.requirement_en}." for r in failed]
    return ja, en


def _later(verdict: Verdict, results: list[ConditionResult]) -> tuple[str | None, str | None]:
    """When only "too young" conditions fail, say when the member will qualify."""
    failed = [r for r in results if r.status == "not_met" and firm(r)]
    if verdict != "not_eligible" or not failed or not all(r.later_ja for r in failed):
        return None, None
    first = failed[0]
    subject_en = first.subject_en[0].upper() + first.subject_en[1:]
    return f"{first.subject_ja}は{first.later_ja}。", f"{subject_en} {first.later_en}."


def explain(measure_id: str, verdict: Verdict, results: list[ConditionResult], missing: list[Fact],
            unsettled: list[tuple[str, str]] | None = None, how_chosen: Text | None = None) -> Outcome:
    """`unsettled`: (ja, en) points the document leaves open; `how_chosen`: for related programmes."""
    build = {"eligible": _eligible, "maybe": _maybe, "not_eligible": _not_eligible, "related": _related}[verdict]
    ja, en = build(results)
    later_ja, later_en = _later(verdict, results)
    return Outcome(
        measure_id=measure_id, verdict=verdict, conditions=results, missing=missing,
        reasons_ja=ja, reasons_en=en, later_ja=later_ja, later_en=later_en,
        unsettled_ja=[u[0] for u in unsettled or []], unsettled_en=[u[1] for u in unsettled or []],
        how_chosen_ja=how_chosen.ja if how_chosen else None, how_chosen_en=how_chosen.en if how_chosen else None,
    )
