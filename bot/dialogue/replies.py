"""Everything the bot says, in plain, kind Japanese (and English when the user writes English).

Kept in one module so wording can be reviewed (and snapshot-tested) apart from the logic.
"""

from __future__ import annotations

from bot.dialogue.questions import Lang
from knowledge.relevance import MAYBE_IN_TEXT, fold_line
from knowledge.results import Match, Results, folded, shown_maybe
from knowledge.search.searcher import Hit

TEXT: dict[str, dict[Lang, str]] = {
    "welcome": {
        "ja": "こんにちは。千代田区の支援さがしです。ご家庭のことをいくつかおたずねして、"
              "令和6年度の区の施策から使えそうな支援を、理由と資料のページといっしょにお知らせします。"
              "いつでも「結果を見せて」「最初から」「データを削除」と送れます。",
        "en": "Hello! I help you find Chiyoda ward support you may qualify for. I will ask a few questions about "
              "your household and show matching measures from the ward's FY2024 plan, with the reason and the page. "
              "You can say \"show results\", \"start over\" or \"delete my data\" at any time.",
    },
    "notice": {
        "ja": "ここからは、障害・病気・妊娠など、とても大切な個人情報（要配慮個人情報）について"
              "おたずねすることがあります。支援を探すためだけに使い、会話が終わると（一定時間で）自動的に消えます。記録は残りません。"
              "答えたくないときは「わからない」を選んでください。",
        "en": "Next I may ask about disability, illness or pregnancy. These are sensitive personal data: they are "
              "used only to find support for you and are erased automatically when the conversation ends. "
              "Choose \"I don't know\" if you would rather not answer.",
    },
    "restart": {"ja": "最初からやり直します。", "en": "Let's start over."},
    "erased": {
        "ja": "これまでに伺った内容をすべて削除しました。ご利用ありがとうございました。",
        "en": "Everything you told me has been deleted. Thank you.",
    },
    "not_understood": {
        "ja": "すみません、うまく読み取れませんでした。ボタンから選ぶか、短い言葉で教えてください。",
        "en": "Sorry, I could not understand that. Please pick a button or answer briefly.",
    },
    "trouble": {
        "ja": "すみません、このメッセージをうまく処理できませんでした。これまでに伺った内容はそのままです。"
              "もう一度、別の言い方で送るか、ボタンから選んでください。",
        "en": "Sorry, something went wrong with that message. Everything you told me so far is kept. "
              "Please send it again in other words, or pick a button.",
    },
    "skip": {"ja": "わかりました。この質問はとばします。", "en": "All right, let's skip that one."},
    "thanks": {"ja": "どういたしまして。", "en": "You're welcome."},
    "help": {
        "ja": "質問に答えていただくと、使えそうな支援をお知らせします。「結果を見せて」で今の結果、"
              "「最初から」でやり直し、「データを削除」で伺った内容を消せます。施策について自由に質問もできます。",
        "en": "Answer my questions and I will show the support you may get. Say \"show results\", \"start over\" "
              "or \"delete my data\" at any time, or ask a question about a measure.",
    },
    "empty": {"ja": "メッセージが空でした。", "en": "Your message was empty."},
    "no_hits": {
        "ja": "令和6年度の重点施策の資料には、ご質問に合う施策が見つかりませんでした。区の窓口でおたずねください。",
        "en": "I could not find a measure in the ward's FY2024 key-measures document that answers this. "
              "Please ask at the ward office.",
    },
    "counter": {
        "ja": "申し込みや詳しい条件は、区の窓口でご確認ください。",
        "en": "Please check the details and how to apply at the ward office.",
    },
    "nothing": {
        "ja": "いまのところ、あてはまる支援は見つかっていません。",
        "en": "No matching support found so far.",
    },
}


# The quick reply on every question that ends the questions and shows the results with what is known.
FINISH: dict[Lang, str] = {"ja": "ここまでで結果を見る", "en": "Show results now"}


def say(key: str, lang: Lang) -> str:
    return TEXT[key][lang]


def welcome_text(lang: Lang, notice: str | None = None) -> str:
    """The greeting; after the document's fiscal year it says the information may be out of date."""
    return say("welcome", lang) + (f"\n{notice}" if notice else "")


# How a `maybe` waits, so a resident can tell "tell us one more thing" from "ask at the counter".
WAITS: dict[str, dict[Lang, str]] = {
    "missing": {"ja": "ご家庭のことをあと少し伺えば判定できます。",
                "en": "Tell me a little more about your household and I can decide."},
    "unsettled": {"ja": "資料だけでは決まりません。窓口でおたずねください：",
                  "en": "The document does not settle this; please ask at the ward office: "},
}
RELATED_HEAD: dict[Lang, str] = {"ja": "関係する取り組み", "en": "Related programmes"}
HOW_CHOSEN: dict[Lang, str] = {"ja": "参加する人の決め方：", "en": "Who takes part: "}
CHOSEN_BY_OTHERS: dict[Lang, str] = {
    "ja": "申し込めば使える支援ではなく、参加する人は学校や区などが選びます。",
    "en": "Not something to apply for: the school or the ward chooses who takes part.",
}


def check_line(match: Match, lang: Lang) -> str | None:
    """窓口で確認すること in one line: the first point, and how many more (the catalog's words)."""
    checks = match.check_yourself
    if not checks:
        return None
    more = len(checks) - 1
    if lang == "en":
        return f"To check at the counter: {checks[0]}" + (f" (+{more} more)" if more else "")
    return f"窓口で確認：{checks[0]}" + (f"（ほか{more}点）" if more else "")


def waits_lines(match: Match, lang: Lang, with_missing: bool = True) -> list[str]:
    """For a maybe: whether we need a fact from the resident, and what the document leaves open
    (only the counter can answer); a maybe may wait on both."""
    lines = []
    if with_missing and match.status == "maybe" and match.missing:
        lines.append(WAITS["missing"][lang])
    if match.unsettled:
        sep = "; " if lang == "en" else "／"
        lines.append(WAITS["unsettled"][lang] + sep.join(match.unsettled))
    return lines


def _item(match: Match, lang: Lang) -> str:
    if match.status == "later" and match.later:
        lines = [match.later]
    elif match.status == "related":
        lines = [HOW_CHOSEN[lang] + match.how_chosen if match.how_chosen else ""]
    else:  # the engine's reason already asks for a missing fact (「…が分かれば判定できます」)
        lines = [match.reasons[0] if match.reasons else "", *waits_lines(match, lang, with_missing=False)]
    if match.status in ("eligible", "related"):  # a maybe's lines already say what is open (kept short)
        lines.append(check_line(match, lang) or "")
    lines = [line for line in lines if line]
    if lang == "en":
        return "\n".join([f"- {match.title} ({match.page})", *(f"  {line}" for line in lines)])
    return "\n".join([f"・{match.title}（{match.page}）", *(f"　{line}" for line in lines)])


def results_text(results: Results, lang: Lang, notice: str | None = None, contact: str | None = None) -> str:
    """The dated notice first (when given), then eligible, maybe, later and related measures.
    Eligible and related ones carry one line of what to check at the counter; a maybe says what it
    waits on (the engine's reason asks for a missing fact; a point only the counter can settle gets
    its own line); a maybe's points to check are on its card (widget, LINE), so the text stays
    short. Related programmes sit under their own heading, never worded as 「対象です」. `contact`: the
    ward office's line when the deployment sets one (knowledge/contact.py), after 「区の窓口で…」.
    Relevance before completeness: at most MAYBE_IN_TEXT maybes about the members the resident
    described, a line saying how many more, and one line for the areas they never mentioned."""
    near, other = shown_maybe(results), folded(results)
    sections = (
        ("対象になる支援", "You qualify for", results.eligible),
        ("対象かもしれない支援", "You may qualify for", near[:MAYBE_IN_TEXT]),
        ("これから対象になる支援", "Coming later", results.later),
        (RELATED_HEAD["ja"], RELATED_HEAD["en"], results.related),
    )
    head = [notice] if notice else []  # first: a long text may be clipped (LINE: 5,000 characters)
    lines: list[str] = []
    tail: list[str] = []  # the folded areas, when nothing near comes before them: last, not first
    for ja, en, items in sections:
        if items:
            lines.append(f"【{ja}（{len(items)}件）】" if lang == "ja" else f"{en} ({len(items)}):")
            if items is results.related:  # chosen by others: say so before any title
                lines.append(CHOSEN_BY_OTHERS[lang])
            lines += [_item(m, lang) for m in items]
            if ja == "対象かもしれない支援":
                lines += more_lines(len(near) - len(items), other, lang)
        elif ja == "対象かもしれない支援" and other:
            tail += more_lines(0, other, lang)
    if not results.eligible and not near:  # say so first, even when related or folded ones follow
        head.append(say("nothing", lang))
    if not lines and not tail:
        return "\n".join(head)
    return "\n".join([*head, *lines, *tail, say("counter", lang), *([contact] if contact else [])])


def more_lines(hidden: int, other: list[Match], lang: Lang) -> list[str]:
    """What the results text leaves out, and how to see it: 「ほかn件」 near maybes (on the cards),
    and one line for the areas the resident never mentioned (also a quick reply)."""
    lines = []
    if hidden > 0:
        lines.append(f"(+{hidden} more you may qualify for: see the cards or say \"show results\")" if lang == "en"
                     else f"（ほかに対象かもしれない支援が{hidden}件あります。カードでご覧いただけます）")
    if other:
        lines.append("▶ " + fold_line([m.area for m in other], len(other), lang))
    return lines


FOLD_PREFIX: dict[Lang, str] = {"ja": "ほかの分野", "en": "Also show other areas"}


def is_fold_request(text: str) -> bool:
    """The fold line sent back (a quick reply, a widget button, or typed): show the folded measures."""
    text = text.strip().lstrip("▶ ")
    return any(text.startswith(prefix) for prefix in FOLD_PREFIX.values())


def fold_reply(results: Results, lang: Lang) -> list[str]:
    """The quick reply that reveals the folded measures (none when nothing is folded)."""
    other = folded(results)
    return [fold_line([m.area for m in other], len(other), lang)] if other else []


def folded_text(results: Results, lang: Lang, contact: str | None = None) -> str:
    """The measures of areas the resident never mentioned, when they ask to see them."""
    other = folded(results)
    if not other:
        return say("nothing", lang)
    head = f"Other areas you may qualify for ({len(other)}):" if lang == "en" \
        else f"【ほかの分野の対象かもしれない支援（{len(other)}件）】"
    return "\n".join([head, *(_item(m, lang) for m in other), say("counter", lang), *([contact] if contact else [])])


def unaged_text(count: int, lang: Lang) -> str:
    """The one question about children a message named without an age (「上は小学生」, "a little brother")."""
    if lang == "en":
        return ("How old is your other child? (e.g. \"4\" or \"3rd grade\")" if count == 1 else
                f"How old are your other {count} children? (e.g. \"8 and 4\")")
    who = "もう1人のお子さん" if count == 1 else f"ほかのお子さん（{count}人）"
    return f"{who}の年齢も教えてください。（例：「4歳」「小3と年中」）"


def progress_text(results: Results, lang: Lang) -> str:
    """Counts of what the resident sees at once: maybes about areas they never mentioned are not counted."""
    related = len(results.related)
    near = len(shown_maybe(results))
    if lang == "en":
        return (f"So far: {len(results.eligible)} you qualify for, {near} you may qualify for"
                + (f", {related} related programme{'s' if related > 1 else ''}." if related else "."))
    return (f"いまのところ、対象 {len(results.eligible)}件・対象かもしれない {near}件"
            + (f"・関係する取り組み {related}件です。" if related else "です。"))


def answer_text(hits: list[Hit], lang: Lang, titles: dict[str, str], summaries: dict[str, str]) -> str:
    if not hits:
        return say("no_hits", lang)
    head = "ご質問に関係する施策です。" if lang == "ja" else "These measures answer your question:"
    lines = [head]
    for hit in hits:
        title = titles.get(hit.id, hit.title)
        lines.append(f"・{title}（{hit.page}）\n　{summaries.get(hit.id, hit.snippet)}" if lang == "ja"
                     else f"- {title} ({hit.page})\n  {summaries.get(hit.id, hit.snippet)}")
    return "\n".join(lines)
