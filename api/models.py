"""Request and response bodies of the HTTP API (the OpenAPI schema is generated from these)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field

from bot.dialogue.answering import Answer
from knowledge.contact import Contact
from knowledge.household import Household
from knowledge.languages import HTML, LANGS, NAMES, ours
from knowledge.languages import Lang as OurLang
from knowledge.measure import Measure
from knowledge.outcome import CheckStatus, Fact
from knowledge.results import Match


def _tag(value: Any) -> Any:
    """A client's tag (`zh-CN`, `ko_KR`, `EN`) as ours; anything else is left for the Literal to refuse (422)."""
    return (ours(value) or value) if isinstance(value, str) else value


# One of knowledge.languages.LANGS; requests may send a client's tag for it.
Lang = Annotated[OurLang, BeforeValidator(_tag)]
SESSION_ID = r"^[A-Za-z0-9_-]{16,64}$"


class Budget(BaseModel):
    line: str = Field(description="Budget line id (knowledge/budget_lines.yaml); shared by the measures it lists.")
    heading: str
    amount: str = Field(description="As printed, e.g. 3億421万円.")
    yen: int


class Summary(BaseModel):
    ja: str
    en: str


class MeasureItem(BaseModel):
    id: str
    title: str
    title_en: str
    page: str = Field(description="Page of the ward's document, e.g. P80.")
    kind: str
    area: str
    summary: Summary
    budget: Budget
    lang: OurLang = Field(default="ja", description="The language `?lang=` asked for.")
    title_local: str = Field(default="", description="The title in `lang` alone; `title` is the document's "
                                                     "(show it beside: the counter reads it).")
    summary_local: str = Field(default="", description="The summary in `lang`.")


class MeasureDetail(Measure):
    """The measure file as it is, plus its budget line."""

    budget: Budget


class SearchResult(BaseModel):
    id: str
    title: str
    page: str
    score: float
    summary: str


class SearchResponse(BaseModel):
    results: list[SearchResult] = Field(description="Empty when no measure answers the question.")


class Condition(BaseModel):
    text: str
    status: CheckStatus


class EligibilityItem(BaseModel):
    id: str
    title: str
    page: str
    kind: str
    summary: str
    reasons: list[str]
    conditions: list[Condition] = Field(description="Machine-checked conditions: met / not_met / unknown.")
    missing: list[Fact] = Field(description="Facts that would settle a `maybe`.")
    later: str | None = Field(default=None, description="When a child will qualify (items under `later`).")
    check_yourself: list[str] = Field(description="Conditions people must check themselves; never claimed as met.")
    unsettled: list[str] = Field(default_factory=list,
                                 description="What the document does not settle for this household: ask the counter.")
    how_chosen: str | None = Field(default=None,
                                   description="`related` items: how participants are chosen, where the document says.")

    @classmethod
    def of(cls, match: Match) -> EligibilityItem:
        conditions = [Condition(text=c.text, status=c.status) for c in match.conditions]
        return cls(id=match.id, title=match.title, page=match.page, kind=match.kind, summary=match.summary,
                   reasons=match.reasons, conditions=conditions, missing=match.missing, later=match.later,
                   check_yourself=match.check_yourself, unsettled=match.unsettled, how_chosen=match.how_chosen)


class NextQuestion(BaseModel):
    key: str
    member: int | None
    text: str
    quick_replies: list[str]


class EligibilityResponse(BaseModel):
    eligible: list[EligibilityItem]
    maybe: list[EligibilityItem]
    later: list[EligibilityItem]
    related: list[EligibilityItem] = Field(
        default_factory=list, description="Programmes whose participants someone else chooses: never an entitlement.")
    next_question: NextQuestion | None = Field(description="The question that would settle the most open measures.")
    notice: str | None = Field(default=None, description="Set once the document's fiscal year is over: the "
                               "information is from 令和6年度 and may have changed (print it with the results).")
    contact: Contact | None = Field(default=None, description="The ward office as the deployment configured it "
                                    "(BF_OFFICE_*), for the handout; null when none is set (say 区の窓口).")
    contact_lines: list[str] = Field(
        default_factory=list, description="That contact as the printed handout shows it, one item a line, in `lang` "
                                          "(knowledge/contact.py words it); empty when none is set.")


class ChatRequest(BaseModel):
    session_id: str | None = Field(default=None, pattern=SESSION_ID,
                                   description="From the previous response; omit (or unknown / expired) to start anew.")
    text: str = Field(min_length=1, max_length=20_000, description="Capped by BF_MAX_MESSAGE_CHARS.")
    lang: Lang | None = Field(
        default=None, description="The resident's language (ja, en, ja-easy, zh, ko; tags such as zh-CN are "
                                  "accepted): a new session greets in it, an ongoing one switches to it and keeps "
                                  "its household. Omitted: a new session guesses, an ongoing one keeps its own.")


class Reply(BaseModel):
    text: str
    quick_replies: list[str] = Field(description="Send a label back as `text` to answer with it.")


class ChatMeasure(BaseModel):
    status: Literal["eligible", "maybe", "related"]
    id: str
    title: str
    page: str
    reasons: list[str]
    check_yourself: list[str] = Field(default_factory=list, description="窓口で確認すること, in the chat's language.")
    unsettled: list[str] = Field(default_factory=list,
                                 description="What the document does not settle for this household: ask the counter.")
    how_chosen: str | None = None
    missing: list[Fact] = Field(default_factory=list,
                                description="Facts the resident can still tell us that would settle a `maybe`.")
    group: Literal["near", "other"] = Field(
        default="near", description="`other`: a maybe about an area the resident never mentioned (a business, "
                                    "moving home …); show it folded behind `folded_label` until they ask.")
    area: str = Field(default="", description="The measure's area (its catalog folder).")


class ChatResponse(BaseModel):
    session_id: str | None = Field(description="Send it with the next message; null once the user erased the data.")
    replies: list[Reply]
    measures: list[ChatMeasure] = Field(description="Current eligible, maybe and related measures, eligible first.")
    done: bool = Field(description="No question is pending: the results are complete.")
    erased: bool = False
    lang: OurLang = Field(default="ja", description="The conversation's language: the widget words its cards in it.")
    notice: str | None = Field(default=None, description="Set once the document's fiscal year is over: the "
                               "information is from 令和6年度 and may have changed (show it with the measures).")
    household: Household | None = Field(
        default=None, description="What the bot has understood of the household so far (the Household contract); "
                                  "null = nothing known yet, or erased.")
    household_changed: bool = Field(default=False, description="This message changed `household`: show it.")
    household_summary: str | None = Field(
        default=None, description="When `household_changed`: the household in the resident's words, as in `replies`.")
    folded: int = Field(default=0, description="How many `measures` have group `other` (folded).")
    folded_label: str | None = Field(
        default=None,
        description="The line/button that reveals them, e.g. 「ほかの分野（事業・住まい）の支援も見る（4件）」.")
    answer: Answer | None = Field(
        default=None, description="When the message asked how / when / how much / who / where / what to bring / "
                                  "whom to call: the answer's kind, measure, and whether the document prints it "
                                  "(its text is also the reply).")


class SourceInfo(BaseModel):
    """The document every answer comes from, and whether its fiscal year is over (by the server's clock)."""

    title: str
    fiscal_year: int
    fiscal_year_ja: str
    period_start: date
    period_end: date
    today: date
    outdated: bool = Field(description="today is after period_end: answers carry `notice`.")
    notice_ja: str | None
    notice_en: str | None
    lang: OurLang = Field(default="ja", description="The language `?lang=` asked for.")
    notice: str | None = Field(default=None, description="The notice in `lang` (the widget's greeting shows it).")


class HealthQuestions(BaseModel):
    """The question encoder (api/encoder_worker.py): counts only, no question text."""

    queued: int
    cached: int
    cache_hits: int
    cache_misses: int
    batches: int
    encoded: int


class HealthIndex(BaseModel):
    status: Literal["not_loaded", "loading", "ready", "failed"]
    passages: int
    questions: HealthQuestions | None = None


class HealthSessions(BaseModel):
    store: str
    reachable: bool


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    measures: int
    index: HealthIndex
    sessions: HealthSessions
    chat: bool
    line: bool


class WebhookAck(BaseModel):
    received: int
    handled: int
    duplicates: int


class Language(BaseModel):
    code: OurLang
    name: str = Field(description="The language's name in itself (what a resident taps to switch).")
    html: str = Field(description="The HTML `lang` of a text in it (zh → zh-Hans, ja-easy → ja).")


class UiMessages(BaseModel):
    """A channel's own words (knowledge/messages/<part>.yaml) in one language, for the widget and the console."""

    lang: OurLang
    part: str
    messages: dict[str, str] = Field(description="key → text; the client fills `{name}` placeholders.")
    languages: list[Language] = Field(description="Every language a resident can choose, each named in itself.")
    show_all: list[str] = Field(default_factory=list, description="Quick replies (any language) after which the "
                                "widget shows every measure again, not only the new ones (「ここまでで結果を見る」).")

    @classmethod
    def languages_all(cls) -> list[Language]:
        return [Language(code=lang, name=NAMES[lang], html=HTML[lang]) for lang in LANGS]
