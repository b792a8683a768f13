"""A direct, honest answer to "how do I apply / when / how much / who / where / what to bring /
whom to call" about one measure (issue 15), from the measure's data and its passage only.

What the document prints is quoted (its figures with their printed words, the clause of the
passage that answers, the fiscal year, 新規/拡充 with its evidence, the page); what it does not
print is said plainly (「資料には申請方法の記載がありません」), never guessed. Whom to ask comes from
the deployment's contact settings (knowledge/contact.py), or 区の窓口 when none are set.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, Field

from bot.dialogue.situation import judged, read_situation
from bot.understanding.question_kind import Asked
from knowledge.catalog import Catalog
from knowledge.contact import Contact
from knowledge.household import Household
from knowledge.languages import Lang
from knowledge.measure import Measure
from knowledge.results import to_match
from knowledge.source import document, passages

# Answers in やさしい日本語, 中文 and 한국어 are still worded in Japanese here (issue 13a leaves this module
# to last: issue 15 round 2 rewrites it); every language is accepted.
QUOTE_CHARS = 110  # a passage longer than this is quoted up to here, with 「…」


class Answer(BaseModel):
    """What the resident was told, in a form channels and the benchmark can read."""

    kind: str = Field(description="procedure | when | amount | eligibility | where | documents | contact, or "
                                  "overview (the measure is clear, the kind of question is not)")
    topic: str | None = Field(default=None, description="A finer kind: payment, deadline, delivery, start, certainty.")
    measure_id: str | None = None
    page: str | None = None
    in_document: bool | None = Field(description="The document prints an answer to this question for this measure "
                                             "(None for an overview: no one kind of question was read).")
    candidates: list[str] = Field(default_factory=list, description="Measures offered when unsure which one is meant.")
    text: str


@cache
def _passages() -> dict[tuple[str, str], str]:
    return {(p.page, p.title): p.body for p in passages()}


def passage_of(measure: Measure) -> str:
    """The measure's passage in the document (its paragraphs, one a line), or "" when not found."""
    return _passages().get((measure.page, measure.title), "")


def clause(text: str, start: int, end: int) -> str:
    """The clause of the passage around [start, end): between the nearest 、 or 。 on either side."""
    left = max(text.rfind(c, 0, start) for c in "、。\n") + 1
    rights = [i for i in (text.find(c, end) for c in "、。\n") if i >= 0]
    return text[left:min(rights) if rights else len(text)]


def _quote(text: str) -> str:
    """The passage's first paragraph, cut at QUOTE_CHARS."""
    first = text.split("\n")[0]
    return first if len(first) <= QUOTE_CHARS else first[:QUOTE_CHARS] + "…"


def _amount_figures(measure: Measure, asked: Asked) -> list[str]:
    units = asked.topic.units if asked.topic is not None and asked.topic.units else asked.spec.units
    return [f.text for f in measure.figures if any(u in f.unit for u in units)]


def evidence(measure: Measure, asked: Asked) -> list[str]:
    """The document's own words answering the question (clauses of the passage), [] when none."""
    wanted, text = asked.wanted, passage_of(measure)
    if studied_only(measure, asked):
        return []
    found: list[str] = []
    if asked.kind == "amount":
        for printed in _amount_figures(measure, asked):
            at = text.find(printed)
            found.append(clause(text, at, at + len(printed)) if at >= 0 else printed)
    for pattern in wanted.evidence:
        match = pattern.search(text)
        if match and match.group(0) != text[:1]:  # `.` (any passage) answers without a clause to quote
            found.append(clause(text, match.start(), match.end()))
    return list(dict.fromkeys(c for c in found if c))


def studied_only(measure: Measure, asked: Asked) -> bool:
    """The title or passage says the thing is only studied (調査・検討, 検討を開始): nothing starts yet."""
    return any(p.search(f"{measure.title}\n{passage_of(measure)}") for p in asked.wanted.absent)


def _fiscal(lang: Lang) -> str:
    doc = document()
    if lang == "en":
        return f"FY{doc.fiscal_year} (April {doc.fiscal_year} to March {doc.fiscal_year + 1})"
    return f"{doc.fiscal_year_ja}（{doc.fiscal_year}年4月〜{doc.fiscal_year + 1}年3月）"


def status_line(measure: Measure, lang: Lang) -> str:
    """「令和6年度の新規の施策です（資料：「区独自に対象に加え」）」, or "" when the document marks none."""
    if not measure.status:
        return ""
    said = f"（資料：「{measure.status_evidence}」）" if measure.status_evidence else ""
    if lang == "en":
        word = {"新規": "new", "拡充": "expanded", "継続": "continued"}[measure.status]
        return f"The document lists it as {word} ({measure.status}) in {_fiscal(lang)}."
    return f"{document().fiscal_year_ja}に{measure.status}の施策です{said}。"


def who_takes_part(measure: Measure, lang: Lang) -> list[str]:
    """For "how do I apply / who can": a programme whose participants others choose says how (the
    measure's `selection`), and an initiative of the ward says nobody applies for it."""
    if measure.selection is not None:
        return [("Who takes part: " if lang == "en" else "参加する人の決め方：")
                + (measure.selection.how.en if lang == "en" else measure.selection.how.ja)]
    if measure.kind == "initiative":
        return ["The document describes it as work the ward does, not as support residents apply for."
                if lang == "en" else "資料では、区が進める取り組みとして書かれていて、"
                                     "住民が申し込んで受ける支援としては書かれていません。"]
    return []


def _verdict_lines(measure: Measure, catalog: Catalog, household: Household, lang: Lang) -> tuple[bool, list[str]]:
    """Whether the document settles the resident's case (their household as told), and why."""
    if household == Household():
        return True, []
    outcome = next(o for m, o in catalog.evaluate(household) if m.id == measure.id)
    match = to_match(measure, outcome, lang)
    lines = match.reasons[:2] + match.unsettled[:1]
    if outcome.verdict == "eligible":
        head = "By the document's conditions, you qualify." if lang == "en" else "資料の条件では、対象です。"
    elif outcome.verdict == "not_eligible":
        head = "By the document's conditions, this case is not covered." if lang == "en" \
            else "資料の条件では、対象になりません。"
    elif outcome.verdict == "related":
        head = match.how_chosen or ""
    elif not outcome.unsettled_ja:  # the document's conditions decide; a fact of the household is missing
        head = ("The document's conditions decide this, once a little more about your household is known."
                if lang == "en" else "資料の条件で決まります。ご家庭のことがもう少し分かれば判定できます。")
    else:
        head = ("The document alone does not settle whether this case is covered." if lang == "en"
                else "資料だけでは、この場合に対象になるかは決められません。")
    return outcome.verdict != "maybe" or not outcome.unsettled_ja, [head, *lines]


class Answerer:
    """Composes answers; holds the catalog and the deployment's contact, nothing per resident."""

    def __init__(self, catalog: Catalog, contact: Contact) -> None:
        self.catalog = catalog
        self.contact = contact

    def about(self, measure: Measure, asked: Asked, lang: Lang, household: Household | None = None,
              notice: str | None = None) -> Answer:
        """The answer about one measure."""
        en = lang == "en"
        wanted = asked.wanted
        found = evidence(measure, asked)
        in_document = bool(found) or (asked.kind == "when" and asked.topic is not None
                                      and asked.topic.name == "start" and not studied_only(measure, asked))
        head = f"{measure.title_en} ({measure.page})" if en else f"{measure.title}（{measure.page}）"
        lines = [f"About {head}:" if en else f"【{head}】"]
        if asked.kind == "eligibility" and not (asked.topic and asked.topic.name == "certainty"):
            # the case the question describes (「区外の保育園でも？」), else the household as told
            case = judged(measure, read_situation(asked.said, asked.spec), lang) if asked.said else None
            settled, verdict = case or _verdict_lines(measure, self.catalog, household or Household(), lang)
            in_document = settled
            lines.append(("Who it is for, in the document: " if en else "資料に書かれている対象：")
                         + (measure.audience.en if en else measure.audience.ja))
            lines += [v for v in verdict if v]
        elif asked.kind == "eligibility":  # 「必ずもらえますか」: nobody here can promise it
            in_document = False
            lines.append(self._no_promise(lang))
            lines.append(("Who it is for, in the document: " if en else "資料に書かれている対象：")
                         + (measure.audience.en if en else measure.audience.ja))
        elif in_document:
            lines += self._printed(measure, asked, found, lang)
        else:
            lines += self._not_printed(measure, asked, lang)
        if asked.kind in ("procedure", "eligibility", "documents"):
            lines += who_takes_part(measure, lang)
        if asked.kind == "when" or (asked.kind == "amount" and in_document):
            status = status_line(measure, lang)
            if status:
                lines.append(status)
        lines.append(self._ask(wanted.missing.get(lang, ""), lang, in_document))
        if notice:
            lines.append(notice)
        return Answer(kind=asked.kind, topic=asked.topic.name if asked.topic else None, measure_id=measure.id,
                      page=measure.page, in_document=in_document, text="\n".join(lines))

    def general(self, asked: Asked, lang: Lang, candidates: list[str], notice: str | None = None) -> Answer:
        """No one measure is meant: whom to ask (contact), a plain "no promise", or which measure."""
        en = lang == "en"
        if asked.kind == "contact":
            lines = [("The ward's document does not print phone numbers, counters or opening hours."
                      if en else "区の資料（令和6年度の重点施策）には、電話番号や窓口、受付時間の記載がありません。"),
                     self.contact.ask_line(lang)]
        elif asked.topic is not None and asked.topic.name == "certainty":
            lines = [self._no_promise(lang),
                     ("Tell me about your household and I will show which measures you meet the document's "
                      "conditions for." if en else
                      "ご家庭のことを教えていただければ、資料の条件にあてはまる支援をお知らせします。"),
                     self.contact.ask_line(lang)]
        elif candidates:
            lines = ["Which measure is your question about?" if en else "どの支援についてのご質問ですか？"]
        else:
            lines = [("Which measure is your question about? Please send it again with its name "
                      "(for example \"how to apply for the HPV vaccine\")." if en else
                      "どの支援についてのご質問か、支援の名前を添えてもう一度送ってください（例：「HPVワクチンの申請方法」）。"),
                     self.contact.ask_line(lang)]
        if notice and not candidates:
            lines.append(notice)
        return Answer(kind=asked.kind, topic=asked.topic.name if asked.topic else None, in_document=False,
                      candidates=candidates, text="\n".join(lines))

    def _printed(self, measure: Measure, asked: Asked, found: list[str], lang: Lang) -> list[str]:
        en = lang == "en"
        if asked.kind == "when" and asked.topic is not None and asked.topic.name == "start" and not found:
            return [f"The document is the ward's plan for {_fiscal(lang)}; this measure is part of it. "
                    "It prints no exact start date." if en else
                    f"資料は{_fiscal(lang)}の区の重点施策で、この施策はその年度の取り組みです。開始の日付までは書かれていません。"]
        lines = []
        if asked.kind == "amount":
            figures = [f for f in measure.figures if f.text in _amount_figures(measure, asked)]
            lines += [f"- {f.label.en}: {f.text}" if en else f"・{f.label.ja}：{f.text}" for f in figures]
        lines += [f"The document (in Japanese) says: 「{c}」" if en else f"資料の記載：「{c}」" for c in found]
        return lines

    def _not_printed(self, measure: Measure, asked: Asked, lang: Lang) -> list[str]:
        en = lang == "en"
        missing = asked.wanted.missing.get(lang, "")
        text = passage_of(measure)
        lines = [f"The document does not say {missing}." if en else f"資料には{missing}の記載がありません。"]
        given = next((m for p in asked.wanted.provided if (m := p.search(text))), None)
        if given is not None:  # 「…を用意」: said to be provided, so perhaps nothing to apply for
            said = clause(text, given.start(), given.end())
            said = said[:said.find(given.group(0)) + len(given.group(0))]
            maybe_none = (f"It says 「{said}」: it may need no application at all, but the document does not say."
                          if en else f"資料には「{said}」とあり、申し込みが要らないものかもしれませんが、"
                                     "資料からは分かりません。")
            return [*lines, maybe_none]  # the clause is the answer's context: no second quote
        if asked.topic is not None and asked.topic.name == "payment" and not re.search(r"円|助成|補助|給付|利子", text):
            lines.append("The document does not describe it as money paid to you." if en else
                         "資料では、お金を支給（振り込み）する施策としては書かれていません。")
        lines.append(f"What the document (in Japanese) says: 「{_quote(text)}」" if en
                     else f"資料に書かれているのは次のことです：「{_quote(text)}」")
        return lines

    def _no_promise(self, lang: Lang) -> str:
        if lang == "en":
            return ("Nobody here can promise that you will get it: this assistant only compares what you tell it "
                    "with the conditions printed in the ward's document, and the ward decides each application.")
        return ("必ず受けられるかどうかは、お約束できません。この支援さがしは、伺ったご家庭のことを"
                "区の資料に書かれた条件と照らし合わせるだけで、実際に受けられるかは区が決めます。")

    def _ask(self, missing: str, lang: Lang, in_document: bool) -> str:
        """Whom to ask: the configured contact, else the ward office counter."""
        if self.contact.configured:
            return self.contact.line(lang)
        if lang == "en":
            return ("For details, please ask at the ward office counter (区の窓口)." if in_document
                    else f"Please ask at the ward office counter (区の窓口) about {missing}.")
        return "詳しくは、区の窓口でおたずねください。" if in_document else f"{missing}は、区の窓口でおたずねください。"
