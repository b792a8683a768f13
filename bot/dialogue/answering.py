"""A direct, honest answer to "how do I apply / when / how much / who / where / what to bring /
whom to call" about one measure (issue 15), from the measure's data and its passage only.

What the document prints is quoted (its figures with their printed words, the clause of the
passage that answers, the fiscal year, 新規/拡充 with its evidence, the page); what it does not
print is said plainly (「資料には申請方法の記載がありません」), never guessed. Whom to ask comes from
the deployment's contact settings (knowledge/contact.py), or 区の窓口 when none are set.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from bot.dialogue.situation import judged, read_situation
from bot.understanding.question_kind import Asked
from knowledge import source
from knowledge.catalog import Catalog
from knowledge.contact import Contact
from knowledge.dated import year_name
from knowledge.household import Household
from knowledge.languages import Lang
from knowledge.measure import Measure
from knowledge.messages import message
from knowledge.reasons import text_in
from knowledge.results import title_in, to_match
from knowledge.source import document

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


def passage_of(measure: Measure) -> str:
    """The measure's paragraphs in the document (one a line, without the title), or "" when not found."""
    found = source.passage_of(measure)
    return found.body if found else ""


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
    return message("answers.fiscal", lang, era=year_name(doc.fiscal_year, doc.fiscal_year_ja, lang),
                   year=doc.fiscal_year, next=doc.fiscal_year + 1)


def status_line(measure: Measure, lang: Lang) -> str:
    """「令和6年度に新規の施策です（資料：「区独自に対象に加え」）。」, or "" when the document marks none."""
    if not measure.status:
        return ""
    said = message("answers.status_said", lang, quote=measure.status_evidence) if measure.status_evidence else ""
    year = document().fiscal_year_ja if lang in ("ja", "ja-easy") else _fiscal(lang)
    return message("answers.status", lang, year=year, status=message(f"answers.status_{measure.status}", lang),
                   said=said)


def who_takes_part(measure: Measure, lang: Lang) -> list[str]:
    """For "how do I apply / who can": a programme whose participants others choose says how (the
    measure's `selection`), and an initiative of the ward says nobody applies for it."""
    if measure.selection is not None:
        return [message("answers.who_takes_part", lang, how=text_in(measure.selection.how, lang))]
    if measure.kind == "initiative":
        return [message("answers.initiative", lang)]
    return []


def _verdict_lines(measure: Measure, catalog: Catalog, household: Household, lang: Lang) -> tuple[bool, list[str]]:
    """Whether the document settles the resident's case (their household as told), and why."""
    if household == Household():
        return True, []
    outcome = catalog.evaluate_one(measure, household)
    match = to_match(measure, outcome, lang)
    lines = match.reasons[:2] + match.unsettled[:1]
    if outcome.verdict == "eligible":
        head = message("answers.verdict_eligible", lang)
    elif outcome.verdict == "not_eligible":
        head = message("answers.verdict_not_eligible", lang)
    elif outcome.verdict == "related":
        head = match.how_chosen or ""
    elif not outcome.unsettled.get("ja"):  # the document's conditions decide; a fact of the household is missing
        head = message("answers.verdict_missing", lang)
    else:
        head = message("answers.verdict_unsettled", lang)
    return outcome.verdict != "maybe" or not outcome.unsettled.get("ja"), [head, *lines]


class Answerer:
    """Composes answers; holds the catalog and the deployment's contact, nothing per resident."""

    def __init__(self, catalog: Catalog, contact: Contact) -> None:
        self.catalog = catalog
        self.contact = contact

    def about(self, measure: Measure, asked: Asked, lang: Lang, household: Household | None = None,
              notice: str | None = None) -> Answer:
        """The answer about one measure."""
        wanted = asked.wanted
        found = evidence(measure, asked)
        in_document = bool(found) or (asked.kind == "when" and asked.topic is not None
                                      and asked.topic.name == "start" and not studied_only(measure, asked))
        lines = [message("answers.about_head", lang, title=title_in(measure, lang), page=measure.page)]
        if asked.kind == "eligibility" and not (asked.topic and asked.topic.name == "certainty"):
            # the case the question describes (「区外の保育園でも？」), else the household as told
            case = judged(measure, read_situation(asked.said, asked.spec), lang) if asked.said else None
            settled, verdict = case or _verdict_lines(measure, self.catalog, household or Household(), lang)
            in_document = settled
            lines.append(message("answers.who_for", lang, audience=text_in(measure.audience, lang)))
            lines += [v for v in verdict if v]
        elif asked.kind == "eligibility":  # 「必ずもらえますか」: nobody here can promise it
            in_document = False
            lines.append(self._no_promise(lang))
            lines.append(message("answers.who_for", lang, audience=text_in(measure.audience, lang)))
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
        if asked.kind == "contact":
            lines = [message("answers.no_contact_printed", lang), self.contact.ask_line(lang)]
        elif asked.topic is not None and asked.topic.name == "certainty":
            lines = [self._no_promise(lang), message("answers.tell_household", lang), self.contact.ask_line(lang)]
        elif candidates:
            lines = [message("answers.which_measure", lang)]
        else:
            lines = [message("answers.which_measure_again", lang), self.contact.ask_line(lang)]
        if notice and not candidates:
            lines.append(notice)
        return Answer(kind=asked.kind, topic=asked.topic.name if asked.topic else None, in_document=False,
                      candidates=candidates, text="\n".join(lines))

    def _printed(self, measure: Measure, asked: Asked, found: list[str], lang: Lang) -> list[str]:
        if asked.kind == "when" and asked.topic is not None and asked.topic.name == "start" and not found:
            return [message("answers.start_printed", lang, fiscal=_fiscal(lang))]
        lines = []
        if asked.kind == "amount":
            figures = [f for f in measure.figures if f.text in _amount_figures(measure, asked)]
            lines += [message("answers.figure", lang, label=text_in(f.label, lang), text=f.text) for f in figures]
        lines += [message("answers.quote", lang, clause=c) for c in found]
        return lines

    def _not_printed(self, measure: Measure, asked: Asked, lang: Lang) -> list[str]:
        missing = asked.wanted.missing.get(lang, "")
        text = passage_of(measure)
        lines = [message("answers.not_said", lang, missing=missing)]
        given = next((m for p in asked.wanted.provided if (m := p.search(text))), None)
        if given is not None:  # 「…を用意」: said to be provided, so perhaps nothing to apply for
            said = clause(text, given.start(), given.end())
            said = said[:said.find(given.group(0)) + len(given.group(0))]
            # the clause is the answer's context: no second quote
            return [*lines, message("answers.maybe_no_application", lang, said=said)]
        if asked.topic is not None and asked.topic.name == "payment" and not re.search(r"円|助成|補助|給付|利子", text):
            lines.append(message("answers.not_money_paid", lang))
        lines.append(message("answers.passage", lang, text=_quote(text)))
        return lines

    def _no_promise(self, lang: Lang) -> str:
        return message("answers.no_promise", lang)

    def _ask(self, missing: str, lang: Lang, in_document: bool) -> str:
        """Whom to ask: the configured contact, else the ward office counter about what is missing."""
        counter = message("answers.ask_details", lang) if in_document or not missing else \
            message("answers.ask_about", lang, missing=missing)
        return self.contact.ask_line(lang, counter)
