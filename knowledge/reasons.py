"""Turns per-condition results into sentences a resident can read, in every language.

"3つの条件のうち2つを満たしています。…が分かれば判定できます" is how a clerk would say it, so
that is how the engine says it. The sentences are templates in knowledge/messages/reasons.yaml
(one per language: word order differs); this module only chooses which and fills them in.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial

from knowledge.basis import Why
from knowledge.languages import LANGS, Lang
from knowledge.measure import Text
from knowledge.messages import message
from knowledge.outcome import ConditionResult, Fact, Outcome, Verdict
from knowledge.verdict import asks, firm
from knowledge.wording import once

Lines = Callable[[list[ConditionResult], Lang], list[str]]


def _m(key: str, lang: Lang, **values: object) -> str:
    return message(f"reasons.{key}", lang, **values)


def text_in(text: Text | Why, lang: Lang) -> str:
    """A catalog text in `lang`: やさしい日本語 is the `easy` field; where a text has none (or a
    translation is missing in a draft catalog), the Japanese, which the counter can read."""
    value = {"ja": text.ja, "en": text.en, "ja-easy": getattr(text, "easy", None), "zh": text.zh, "ko": text.ko}[lang]
    return value or text.ja


def texts_of(text: Text | Why) -> dict[Lang, str]:
    """A catalog sentence in every language (composed once per sentence)."""
    return once("text", text, lambda lang: text_in(text, lang))


def _subject(r: ConditionResult, lang: Lang) -> str:
    return r.subject[lang]


def _requirement(r: ConditionResult, lang: Lang) -> str:
    return r.requirement[lang]


def _cap(text: str) -> str:
    """English sentences start with a capital (「your son」 → "Your son"); other scripts are unchanged."""
    return text[:1].upper() + text[1:]


@cache
def _fixed_reasons(key: str) -> dict[Lang, list[str]]:
    return {lang: [_m(key, lang)] for lang in LANGS}


def _fixed(measure_id: str, verdict: Verdict, key: str) -> Outcome:
    reasons = _fixed_reasons(key)
    return Outcome(measure_id=measure_id, verdict=verdict, conditions=[], missing=[], reasons=reasons)


def initiative(measure_id: str) -> Outcome:
    return _fixed(measure_id, "not_eligible", "initiative")


def open_to_all(measure_id: str) -> Outcome:
    return _fixed(measure_id, "open_to_all", "open_to_all")


def _eligible(results: list[ConditionResult], lang: Lang) -> list[str]:
    groups: dict[str, list[ConditionResult]] = {}
    for r in results:
        groups.setdefault(_subject(r, lang), []).append(r)
    return [_m("met_line", lang, subject=_cap(subject),
               requirements=_m("and", lang).join(_requirement(r, lang) for r in rs))
            for subject, rs in groups.items()]


def _soft(results: list[ConditionResult], lang: Lang) -> list[str]:
    """Conditions only our reading says are not met: said, but never as a "no"."""
    return [_m("soft", lang, subject=_subject(r, lang), requirement=_requirement(r, lang))
            for r in results if r.status == "not_met" and not firm(r)]


def _lead(total: int, met: int, lang: Lang) -> str:
    return _m("lead", lang, total=total, met=met)


def _maybe(results: list[ConditionResult], lang: Lang, points: bool = False) -> list[str]:
    """`points`: the outcome lists what the document leaves open, and every channel shows those points
    under 「資料だけでは決まりません。窓口でおたずねください：…」, so the reason does not say "ask the counter"
    a second time; without points it is the only place that says so."""
    total, met = len(results), sum(r.status == "met" for r in results)
    unknown = [r for r in results if asks(r)]
    if not unknown:  # nothing more to ask the resident: what is left is the document's silence
        lead = _lead(total, met, lang) if total else ""
        if not points:
            said = [_m("unsettled_line", lang, lead=lead, unsettled=_m("unsettled", lang))]
        else:
            said = [lead.strip()] if lead else []
        return [*said, *_eligible([r for r in results if r.status == "met"], lang), *_soft(results, lang)]
    lead = _lead(total, met, lang) if met else ""
    if any(r.fact.key in ("children", "adults") for r in unknown):
        kids = any(r.fact.key == "children" for r in unknown)
        return [_m("decide_who", lang, lead=lead, who=_m("who_children" if kids else "who_family", lang))]
    items = _m("whether_join", lang).join(
        _m("whether", lang, subject=_subject(r, lang), requirement=_requirement(r, lang)) for r in unknown)
    return [_m("decide_whether", lang, lead=lead, items=items), *_soft(results, lang)]


def _related(results: list[ConditionResult], lang: Lang) -> list[str]:
    met = [r for r in results if r.status == "met"]
    return [_m("chosen", lang), *_eligible(met, lang), *_soft(results, lang)]


def _not_eligible(results: list[ConditionResult], lang: Lang) -> list[str]:
    return [_m("not_met", lang, subject=_subject(r, lang), requirement=_requirement(r, lang))
            for r in results if r.status == "not_met" and firm(r)]


def _too_young(outcome: Outcome) -> ConditionResult | None:
    """The first failed condition when only "too young" conditions fail (a member will qualify later)."""
    failed = [r for r in outcome.conditions if r.status == "not_met" and firm(r)]
    if outcome.verdict != "not_eligible" or not failed or not all(r.later for r in failed):
        return None
    return failed[0]


def will_qualify(outcome: Outcome) -> bool:
    """Whether the outcome has a "later" note (`later_in`), without composing it."""
    return _too_young(outcome) is not None


_BUILD: dict[str, Lines] = {"eligible": _eligible, "maybe": _maybe, "not_eligible": _not_eligible,
                            "related": _related}
def _builder(verdict: Verdict, points: bool) -> Lines:
    """The reasons' composer for a verdict; a maybe's depends on whether open points are shown."""
    return partial(_maybe, points=points) if verdict == "maybe" else _BUILD[verdict]


def explain(measure_id: str, verdict: Verdict, results: list[ConditionResult], missing: list[Fact],
            unsettled: list[dict[Lang, str]] | None = None, how_chosen: Text | None = None) -> Outcome:
    """`unsettled`: points the document leaves open (each in every language, `texts_of`); `how_chosen`:
    for related programmes. The reasons and the "later" note are not composed here: an evaluation
    covers every measure of the catalog each turn, a resident reads a few, in one language
    (`reasons_in`, `later_in` compose them when shown)."""
    open_points = {lang: [u[lang] for u in unsettled or []] for lang in LANGS}
    chosen = texts_of(how_chosen) if how_chosen else {}
    return Outcome(measure_id=measure_id, verdict=verdict, conditions=results, missing=missing,
                   unsettled=open_points, how_chosen=chosen)


def reasons_in(outcome: Outcome, lang: Lang) -> list[str]:
    """The outcome's reasons in `lang`: a fixed reason as it is, else composed from `conditions` now."""
    if lang in outcome.reasons:
        return outcome.reasons[lang]
    return _builder(outcome.verdict, bool(outcome.unsettled.get("ja")))(outcome.conditions, lang)


def later_in(outcome: Outcome, lang: Lang) -> str | None:
    """The "later" note in `lang` (when a member will qualify), composed now."""
    first = _too_young(outcome)
    if first is None:
        return None
    return _m("later", lang, subject=_cap(_subject(first, lang)), later=first.later[lang])
