"""Text to a canonical form: NFKC (全角→半角), lower-case Latin, kanji numerals to digits."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

MAX_CHARS = 2000  # longer messages are read only this far: enough for any household description
_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_NUMBER = re.compile(r"([〇零一二三四五六七八九十]+)(?=\s*(?:歳|才|か月|ヶ月|カ月|ヵ月|ケ月|年生|年|人|代))|"
                           r"(?<=[(（])([〇零一二三四五六七八九十]+)(?=[)）])|"  # 「義母（七十九）」
                           # 「八十過ぎ」「七十五くらい」: tens said before a bound, without 歳
                           r"([一二三四五六七八九]?十[一二三四五六七八九]?)(?=\s*(?:を?過ぎ|すぎ|を?超|こえ|前後|くらい|ぐらい|手前|近く|近い|"
                           r"以上|以下|未満))")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SCHOOL_KANJI = re.compile(r"(?<=[小中高])([一二三四五六])(?![一二三四五六七八九十貫])")  # 小一, 中二 (not 中高一貫)
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth"]
_ORDINAL_WORD = re.compile(rf"\b({'|'.join(_ORDINALS)})(?=[- ](?:grade|year))")
_SUFFIX = {1: "st", 2: "nd", 3: "rd"}
_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_NUMBER = re.compile(rf"\b({'|'.join(_TENS[2:])})(?:[- ]({'|'.join(_UNITS[1:10])}))?\b|"
                          rf"\b({'|'.join(w for w in _UNITS if w != 'one')})\b|"
                          r"\bone(?=[- ](?:years?|months?|weeks?|yrs?)\b|\s+and a half)|"
                          r"(?:(?<=\bis )|(?<=\bam )|(?<=\baged )|(?<=\bturned )|(?<=\bturns )|(?<=\bbe )|(?<=\bwas ))"
                          r"one\b")
# "4th and 1st grade" → "4th grade and 1st grade": each ordinal of a list gets its noun.
_ORDINAL_LIST = re.compile(r"\b(\d{1,2}(?:st|nd|rd|th))"
                           r"(?=(?:(?:,\s*|\s+and\s+|\s*&\s*)\d{1,2}(?:st|nd|rd|th))+\s+grade)")
# Kindergarten years said in English or romaji → 年少/年中/年長; high-school class names → years.
_KINDER = [(re.compile(r"\bnensho(?:-?san)?\b|\b1st year (?:of|in|at) (?:kindergarten|preschool)|youngest class"),
            "年少"),
           (re.compile(r"\bnenchu(?:-?san)?\b|\b(?:2nd|middle) year (?:of|in|at) (?:kindergarten|preschool)"), "年中"),
           (re.compile(r"\bnencho(?:-?san)?\b|\b(?:3rd|final|last|senior|oldest) year (?:of|in|at) "
                       r"(?:kindergarten|preschool)"), "年長")]
_HIGH_SCHOOL_CLASS = re.compile(r"\bhigh school (freshman|sophomore|junior|senior)\b|"
                                r"\b(freshman|sophomore|junior|senior) (?:in|at) high school\b")
# "just started elementary school" → 1st grade; "started junior high" → 1st year of junior high.
_STARTED = r"(?:just |recently )?(?:started|entered|began)(?: at)?"
_STARTED_SCHOOL = [(re.compile(rf"{_STARTED} (?:elementary|primary) school"), "1st grade"),
                   (re.compile(rf"{_STARTED} (?:junior high|middle school)(?: school)?"), "1st year of junior high"),
                   (re.compile(rf"{_STARTED} high school"), "1st year of high school"),
                   # "her final year of elementary school" → 6th grade; of junior high / high school → 3rd year
                   (re.compile(r"\b(?:final|last) year (?:of|in|at) (?:elementary|primary)(?: school)?"), "6th grade"),
                   (re.compile(r"\b(?:final|last) year (?:of|in|at) (?:junior high|middle school)(?: school)?"),
                    "3rd year of junior high"),
                   (re.compile(r"\b(?:final|last) year (?:of|in|at) (?:senior )?high school"),
                    "3rd year of high school")]
# "2 years and 3 months old" is one child of 2, not a 2-year-old and a baby.
_YEARS_AND_MONTHS = re.compile(r"\b(\d{1,2})[- ]years?,?(?: and)? (?:\d{1,2}|a half)[- ]months?(?: old)?|"
                               r"\b(\d{1,2}) years? and a half(?: old)?")
# "junior high (2nd year)", "Kudan Secondary School, 4th year", "elementary school (grade 4)": the stage
# first, its year after → "2nd year of junior high" (one phrase, so no cut falls between them).
_STAGE_THEN_YEAR = re.compile(r"\b((?:elementary|primary|junior high|middle|high|kudan(?: secondary)?)(?: school)?)"
                              r"(\s*\(\s*|\s*,\s*|\s+)(?:(\d(?:st|nd|rd|th))[- ]year|year (\d)|grade (\d))(\))?")
def _stage_then_year(m: re.Match[str]) -> str:
    stage, sep, ordinal, year, grade, close = m.groups()
    said = f"grade {grade} of {stage}" if grade else f"{ordinal or _ordinal(int(year))} year of {stage}"
    # the stage stays where it was said ("a private high school, 1st year" is still a private high school);
    # a bracket the year did not open is given back ("kids: 14 (junior high 3rd year)")
    return f"{stage} ({said})" + ("" if "(" in sep or not close else ")")


# "in year 8", "Son 13, year 8 at Kojimachi junior high": a year counted from the first year of school
# (as 中2 is the 8th), unless it is a small one said of a stage ("year 2 of junior high").
_NATIONAL_YEAR = re.compile(r"\byear (\d{1,2})\b(?![- ]?olds?\b|\s*(?:of|in)\b)")
_STAGE_AFTER = re.compile(r"^[^.;]{0,30}?\b(?:junior high|middle school|high school|kudan)")


def _national_year(m: re.Match[str]) -> str:
    n = int(m.group(1))
    if not 1 <= n <= 12 or (n <= 3 and _STAGE_AFTER.match(m.string[m.end():])):
        return m.group(0)
    return f"grade {n}"


_BARE_ORDINAL = re.compile(r"\bin (\d{1,2}(?:st|nd|rd|th))\b(?![- ](?:grade|year|place))")
_CLASS_YEAR = {"freshman": "1st", "sophomore": "2nd", "junior": "2nd", "senior": "3rd"}  # Japan's high school: 3 years


# "in his late sixties" → "in his late 60s"; 「米寿の母」 → 「88歳の母」 (ages named by their celebration).
_DECADE_WORD = re.compile(r"\b(twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies\b")
_DECADES = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80, "ninet": 90}
_CELEBRATED = {"還暦": 60, "古希": 70, "古稀": 70, "喜寿": 77, "傘寿": 80, "米寿": 88, "卒寿": 90, "白寿": 99}
_CELEBRATED_AGE = re.compile("(" + "|".join(_CELEBRATED) + ")")


def _celebrated(m: re.Match[str]) -> str:
    """「米寿の母」 → 「88歳の母」; 「今年88、米寿です」 says the age twice: the celebration is dropped."""
    age = _CELEBRATED[m.group(1)]
    return "" if re.search(rf"(?<!\d){age}(?!\d)[^。.]{{0,8}}$", m.string[:m.start()]) else f"{age}歳"


# "… a metropolitan high school, she's in her 3rd (final) year": a year said apart from the one stage named.
_STAGES_EN = re.compile(r"\b(junior high|middle school|(?<!junior )high school|elementary|primary)\b")
_LONE_YEAR = re.compile(r"\b(in (?:his|her|their|the|my|our) (\d)(?:st|nd|rd|th)(?: \([a-z ]+\))? year)\b"
                        r"(?! of| in| at)")


def _year_of_the_stage(text: str) -> str:
    stages = {m.group(1) for m in _STAGES_EN.finditer(text)}
    if len(stages) != 1 or not (m := _LONE_YEAR.search(text)):
        return text
    stage = stages.pop()
    return text[:m.start()] + f"in the {_ordinal(int(m.group(2)))} year of {stage}" + text[m.end():]


def _ordinal(n: int) -> str:
    return f"{n}{_SUFFIX.get(n, 'th')}"


def kanji_to_int(text: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十五 → 35 (up to 99, which is all ages need)."""
    if not text or any(c not in _DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        value = 0
        for c in text:
            value = value * 10 + _DIGITS[c]
        return value
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:  # 「十十」 is no number (and must not raise)
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def numeral_digits(match: re.Match[str], values: Mapping[str, int] | None = None,
                   replace: Mapping[str, str] | None = None) -> str:
    """The digits of the numeral a rule matched as its group 1 (for `re.sub`): its value in `values` (a word
    table, as Korean's 「다섯」), else read as kanji once `replace` has respelled it (中文 「两」 → 「二」); the
    match as written when it cannot be read. One reading for this module's counters (歳, 人, 年生 …) and for
    the counters pivot.py's languages give theirs (zh.yaml, ko.yaml), so the two never drift apart."""
    word = next(g for g in match.groups() if g is not None)  # the rule's one numeral (normalise's has two kinds)
    if values is not None:
        return str(values[word])
    for old, new in (replace or {}).items():
        word = word.replace(old, new)
    number = kanji_to_int(word)
    return str(number) if number is not None else match.group(0)


_TSU = {"ひとつ": 1, "一つ": 1, "ふたつ": 2, "二つ": 2, "みっつ": 3, "三つ": 3, "よっつ": 4, "四つ": 4, "いつつ": 5,
        "五つ": 5, "むっつ": 6, "六つ": 6, "ななつ": 7, "七つ": 7, "やっつ": 8, "八つ": 8, "ここのつ": 9, "九つ": 9}
_TSU_WORD = re.compile("|".join(_TSU))


# Phones type ’ for ', and people skip apostrophes: "hasnt", "doesnt", "shes" read as written properly.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'",
                              "ō": "o", "ū": "u", "ā": "a", "ē": "e", "ī": "i", "ô": "o", "û": "u"})  # Banchō
_CONTRACTIONS = {w.replace("'", ""): w for w in (
    "hasn't", "haven't", "doesn't", "don't", "isn't", "aren't", "wasn't", "weren't", "didn't", "can't", "couldn't",
    "wouldn't", "shouldn't", "hadn't", "won't", "i'm", "i've", "she's", "he's", "they're", "they've", "you're",
    "we've", "that's", "there's", "it's")}  # not "its", "were", "ill", "well", "shell", "id": words themselves
_NO_APOSTROPHE = re.compile(r"\b(" + "|".join(w for w in _CONTRACTIONS if w != "its") + r")\b")


# Words typed in hiragana (phones, children's help, haste), read as their kanji. Only whole words: a
# hiragana letter before them means they are part of another word (すくない is not 区内).
_KANA_WORDS = {
    "むすこ": "息子", "むすめ": "娘", "ほいくえん": "保育園", "ほいくしょ": "保育所", "くない": "区内",
    "くがい": "区外", "くりつ": "区立", "しょうがっこう": "小学校", "ちゅうがっこう": "中学校", "ようちえん": "幼稚園",
    "ふとうこう": "不登校", "りょういく": "療育", "にんしん": "妊娠", "ふたご": "双子", "ねんちょう": "年長",
    "ねんちゅう": "年中", "ねんしょう": "年少", "しょうがいしゃてちょう": "障害者手帳", "てちょう": "手帳",
    "ちょうなん": "長男", "ちょうじょ": "長女", "じなん": "次男", "じじょ": "次女", "あかちゃん": "赤ちゃん",
    "しょうがくせい": "小学生", "ちゅうがくせい": "中学生", "ものわすれ": "物忘れ", "ひっこし": "引っ越し"}
# Words half in kana or stretched with ー (「物わすれ」「じーじ」「教育ろーん」), read as usually written.
_SPELLINGS = {"物わすれ": "物忘れ", "もの忘れ": "物忘れ", "じーじ": "じいじ", "じぃじ": "じいじ", "ばーば": "ばあば",
              "ばぁば": "ばあば", "ろーん": "ローン", "住みかえ": "住み替え", "すみかえ": "住み替え",
              "ひっこす": "引っ越す", "ひっこし": "引っ越し", "しょうがいしゃ": "障害者"}
_SPELLING = re.compile("|".join(sorted(_SPELLINGS, key=len, reverse=True)))
_KANA_WORD = re.compile(r"(?:(?<=[はがもにのでへをとや])|(?<![ぁ-ゖー]))(" +
                        "|".join(sorted(_KANA_WORDS, key=len, reverse=True)) + r")")


def normalise(text: str) -> str:
    text = _CONTROL.sub(" ", unicodedata.normalize("NFKC", text[:MAX_CHARS])).lower()
    text = re.sub(r"(?<![一二三四五六七八九十])百(?=\s*(?:歳|才))", "100", text)  # 「祖母は百歳」
    text = _NO_APOSTROPHE.sub(lambda m: _CONTRACTIONS[m.group(1)], text.translate(_APOSTROPHES))
    text = _KANA_WORD.sub(lambda m: _KANA_WORDS[m.group(1)], text)
    text = _SPELLING.sub(lambda m: _SPELLINGS[m.group(0)], text)
    text = text.replace("生後半年", "生後6か月")
    text = re.sub(r"\bai[- ]?no[- ]?techo\b", "愛の手帳", text)  # romaji: its "no" is not a negation
    for pattern, word in _ROMAJI:
        text = pattern.sub(word, text)
    text = _TSU_WORD.sub(lambda m: f"{_TSU[m.group(0)]}つ", text)
    text = text.replace("ヶ月", "か月").replace("カ月", "か月").replace("ヵ月", "か月").replace("ケ月", "か月")
    # 「行けなくなって3か月になります」: a length of time, not a baby
    text = _FOR_MONTHS.sub(lambda m: f"{m.group(1) or m.group(2)}か月間", text)
    text = _SCHOOL_KANJI.sub(lambda m: str(_DIGITS[m.group(1)]), text)
    text = _DECADE_WORD.sub(lambda m: f"{_DECADES[m.group(1)]}s", text)
    text = _AROUND_WORD.sub(lambda m: _AROUND[m.group(0)], text)  # before 古希 alone is read as 70
    text = _CELEBRATED_AGE.sub(_celebrated, text)
    text = _english_numbers(text)
    for pattern, word in _FAMILY_WORDS:
        text = pattern.sub(word, text)
    text = _PUSHING.sub(r"almost \1", text)
    text = re.sub(r"\b(is|am|are|'s|'m|'re|was) (?:actually|really|in fact)\b", r"\1", text)  # "is actually 4"
    # "a shoman (pediatric chronic disease) certificate": the chronic disease's, not a disability certificate
    text = re.sub(r"((?:chronic|shoman|小児慢性|小慢)[^.;。]{0,30}?)\s*(certificate|受給者証)", r"\1 recipient", text)
    # "a disability handbook, grade 2" "certificate (level 1)": the certificate's grade, not a school year
    text = re.sub(r"\b(certificate|handbook|card|techo|手帳)\s*[,(（]?\s*(?:grade|level|class|category)\s*\d[)）]?",
                  r"\1", text)
    # "a grade 1 physical disability certificate", "level 2 handbook": the grade said before it
    text = re.sub(r"\b(?:grade|level|class|category)[- ]\d\s+((?:[a-z-]+ ){0,3}(?:certificate|handbook|card|techo))\b",
                  r"\1", text)
    # 「令和2年生まれ」: an era year of birth, not a school year (the age is left to be asked)
    text = re.sub(r"(令和|平成|昭和)\s*(\d{1,2}|元)\s*年\s*(生まれ|うまれ|生)", r"\1\2年の\3", text)
    text = _THING_AGE.sub(lambda m: m.group(1), text)
    text = _TEXT_AND.sub(lambda m: f"{m.group(1) or m.group(3)} and {m.group(2) or m.group(4)}", text)
    text = _KANA_AGE.sub(lambda m: f"{m.group(1)}歳", text)
    text = re.sub(r"区(ない|がい)(?=の|に|で|は|、|$)", lambda m: "区内" if m.group(1) == "ない" else "区外", text)
    text = _NOUN_NUMBER.sub(lambda m: f"{m.group(1)}({m.group(2)})", text)
    text = _THEN_ADULT.sub("、", text)  # 「私(35)で夫(38)」: two people
    text = _PAIR_LIST.sub(lambda m: f"{m.group(1)}の片方は{m.group(2)}、もう片方は{m.group(3)}", text)
    text = _PAIR_LIST_EN.sub(lambda m: f"one of {m.group(1)} is {_their(m.group(2))}. "
                                       f"one of {m.group(1)} is {_their(m.group(3))}", text)
    text = _CHILD_NUMBER.sub(lambda m: f"{m.group(1)}{m.group(2)}歳", text)
    text = _RUN_ON_AGES.sub("、", text)
    text = _DASH.sub(". ", text)
    text = _CARED_AT_HOME.sub(r"\1 at home, \2", text)
    text = _PREGNANT_MONTHS.sub(r"\1 months pregnant", text)  # "pregnant, 6 months": not a baby of 6 months
    # 「息子は2学期から」「2時間目から」「2組」: a term, a class, a turn; no age
    text = re.sub(r"(?<![\d第])(\d)\s*(学期|回目|時間目|度目|番目|組)", r"第\1\2", text)
    # 「2年生まで療育に通っていました」「3歳までに」: until (or by) a year or age, not the child's now
    text = re.sub(r"(?:小学校?|中学校?)?(?<!\d)\d{1,2}\s*(?:年生|歳|才)まで", "以前まで", text)
    text = re.sub(r"(妊娠中?)\s*[(（]\s*(\d{1,2})\s*(か月|週)(?:目)?\s*[)）]", r"\1\2\3", text)  # 「妊娠中（5か月）」
    text = _SPACED_MEMBERS.sub("、", text)
    if "kudan" in text:  # "Kudan Secondary School. He's 16 and in his 5th year there": the year is of Kudan
        text = re.sub(r"\b(\d(?:st|nd|rd|th)[- ]year) (?:there|at (?:that|the|this) school)\b", r"\1 at kudan", text)
    text = _A_KIND_ONE.sub(lambda m: f"{m.group(2)} {m.group(1)}", text)
    text = _NUMBER_THEN_BOTH.sub(lambda m: f"{m.group(1)}, {m.group(2)}", text)
    text = _ORDINAL_WORD.sub(lambda m: f"{(n := _ORDINALS.index(m.group(1)) + 1)}{_SUFFIX.get(n, 'th')}", text)
    text = _YEARS_AND_MONTHS.sub(lambda m: f"{m.group(1) or m.group(2)} years old", text)
    text = _ORDINAL_LIST.sub(lambda m: f"{m.group(1)} grade", text)
    for pattern, year in [*_KINDER, *_STARTED_SCHOOL]:
        text = pattern.sub(year, text)
    text = _HIGH_SCHOOL_CLASS.sub(lambda m: f"{_CLASS_YEAR[m.group(1) or m.group(2)]} year of high school", text)
    if "grade" in text:  # "my son is in the 4th grade; my daughter is in 1st"
        text = _BARE_ORDINAL.sub(lambda m: f"in {m.group(1)} grade", text)
    text = _A_YEAR_STUDENT.sub(lambda m: f"in the {m.group(1)} year", text)
    text = _relative_ages(text)
    text = _year_of_the_stage(text)
    # the stage stays where it was said, so "a private high school, 1st year" is still a private high school
    text = _STAGE_THEN_YEAR.sub(_stage_then_year, text)
    text = _NATIONAL_YEAR.sub(_national_year, text)
    return _turning(_KANJI_NUMBER.sub(numeral_digits, text))


# "a 2-year-old tech startup", "our 30-year-old house": the age of a thing, not of a person (dropped, so the
# thing stays; the business words still read "startup").
_THING_AGE = re.compile(r"\b\d{1,3}[- ](?:years?|yrs?|months?)[- ]old "
                        r"((?:(?!(?:at|in|on|with|to|from|and|is|who|but|so)\b)[a-z-]+ ){0,2}"
                        r"(?:startup|start-up|company|"
                        r"business|firm|shop|store|restaurant|cafe|clinic|office|bakery|salon|bar|agency|factory|"
                        r"studio|house|apartment|flat|building|condo|mansion|car|dog|cat|puppy|kitten|pet)s?)\b")
# 「上4歳下1歳」: two children's ages run together; a clause break before the second (not 「3歳下の弟」).
_RUN_ON_AGES = re.compile(r"(?<=歳|才)(?=(?:上|下|真ん中|兄|姉|弟|妹|長男|長女|次男|次女|三男|三女|息子|娘)"
                          r"(?:の子)?(?:が|は)?\d)")
# "7, 5 and 5 — the younger two are twins", "3 kids - 13, 10": a dash between words is a clause break.
_DASH = re.compile(r"\s+[—–-]{1,2}\s+|\s*[—―]{1,2}\s*")
_PREGNANT_MONTHS = re.compile(r"\bpregnant,?\s+(?:about |around |now )?(\d{1,2})\s*(?:months?|mo)\b(?: along)?")
# "I look after my grandson, who is 2, at home": where, said after the relative clause, goes with the verb.
_CARED_AT_HOME = re.compile(r"\b((?:look(?:s|ing|ed)? after|car(?:e|es|ed|ing) for|keep(?:s|ing)?|kept|"
                            r"rais(?:e|es|ed|ing)) (?:my|our|the|his|her) [a-z-]+), (who(?:'s| is) \d{1,2}), at home\b")
_FOR_MONTHS = re.compile(r"(?:(?<=て)|(?<=んで)|(?<=てから)|(?<=んでから))(?<!なくて)(\d{1,2})\s*か月(?!間)|"
                         r"(\d{1,2})\s*か月(?=(?:くらい|ほど|近く)?(?:経ち|経つ|たち|たつ|続いて|続き))")
# 「私(38) 夫(40) 息子(5)」: members listed with spaces only, each with its number in brackets.
_SPACED_MEMBERS = re.compile(r"(?<=[)）])\s+(?=[^\s\d(（)）a-z]{1,4}[(（]\d)")
# "9 and 4 both in ward schools": the predicate of a list that ends in a bare number, unpunctuated.
_NUMBER_THEN_BOTH = re.compile(r"\b(\d{1,2}) (both|all|each)\b(?! of)")
# 「夫41、私37」「夫も34」 "me 31, hubby 33": an adult noun and a bare number written together is that
# adult's age (as 「夫(41)」 says it).
_NOUN_NUMBER = re.compile(r"(?<![a-z])(夫|妻|私|わたし|主人|旦那|嫁|母|父|義母|義父|祖母|祖父|じいじ|ばあば|"
                          r"me|i|hubby|husband|wife|mom|dad|mother|father|grandma|grandpa|partner)"
                          r"(?:も|は|が)?\s?(\d{2,3})(?![\d歳才か年人月日時万円:/%代台s過超近弱強を]|\.\d|前後|くらい|ぐらい|以上|以下|未満|手前|\s*(?:years?|yrs?|kids?|children|"
                          r"months?|weeks?|mo\b|m\b|minutes?|yen|kg|cm|sq|m2|㎡))")
# 「長男17、次女14」: a child named by rank or relation and a bare number written together is its age.
_CHILD_NUMBER = re.compile(r"(長男|長女|次男|次女|三男|三女|四男|四女|末っ子|息子|娘|"
                           r"(?<![義])兄|(?<![義])姉|(?<![兄姉義])弟|(?<![兄姉義])妹)(\d{1,2})(?![\d歳才か年人月日時万円:/%代台.]|\s*(?:か月|ヶ月|cm|kg))")
# 「両親は70代後半と80代前半」「祖父母(90代と80代)」: a pair, then each one's band or age in turn (not the
# pair's band and a third person).
_BAND = r"\d{2,3}\s*(?:代(?:前半|後半|半ば)?|歳|才)(?:以上|過ぎ|くらい)?"
_PAIR_LIST = re.compile(rf"(両親|祖父母|義父母|義両親)(?:は|が|とも)?\s*[(（]?\s*({_BAND})\s*(?:と|、|・)\s*"
                        rf"({_BAND})\s*[)）]?")
_BAND_EN = r"(?:in their |aged? )?(?:early |late |mid-?)?\d{2}s?"
_PAIR_LIST_EN = re.compile(rf"\b((?:my|our) (?:parents|grandparents|in-laws)) are ({_BAND_EN}) and ({_BAND_EN})\b")


def _their(band: str) -> str:
    """"late 70s" → "in their late 70s" (a decade said of a person); "78" stays an age."""
    return band if band.startswith(("in ", "age")) or band.isdigit() else f"in their {band}"


_THEN_ADULT = re.compile(r"(?<=\d\))で(?=(?:夫|妻|私|主人|旦那|母|父|義母|義父|祖母|祖父)(?:は|も|が)?\(?\d)")
# "she goes to daycare, a ward one": the kind said after the place, by "one".
_A_KIND_ONE = re.compile(r"\b(day[- ]?care|nursery|school),? (?:a|the) (ward|chiyoda|private|public)(?:[- ]run)? one\b")
# "a first-year student at a private high school": the year of the stage named after it.
_A_YEAR_STUDENT = re.compile(r"\b(?:a|an) (\d(?:st|nd|rd|th))[- ]year(?: student| pupil)?\b")
# 「4さい」「2さいと5さい」: the age suffix written in hiragana.
_KANA_AGE = re.compile(r"(\d{1,3})\s*さい")
# "kids 5 n 2", "9 & 6": texting's "and" between two numbers.
_TEXT_AND = re.compile(r"\b(\d{1,2}) ?(?:&|\+) ?(\d{1,2})\b|\b(\d{1,2}) n (\d{1,2})\b")


# 「下の子とは6歳差」「その3つ下に長男」 "her brother is 3 years younger": an age said from another child's.
_RELATIVE_JA = re.compile(r"(\d{1,2})\s*(?:歳|才|つ)\s*(?:年)?(差|下|上)(?:です|で|の|に|が)?")
_RELATIVE_EN = re.compile(r"\b(\d{1,2}) years? (younger|older)\b(?: than (?:him|her|them|his \w+|her \w+))?")
_BASE_AGE = re.compile(r"(\d{1,2})\s*(?:歳|才)(?!\s*(?:差|下|上|年下|年上))|\b(?:is|am|are|i'm|aged?|of) (\d{1,2})\b|"
                       r"\b(\d{1,2})[- ]years?[- ]old\b")
_THEN_STATED = re.compile(r"^\s*\d{1,2}\s*(?:歳|才)")


def _relative_ages(text: str) -> str:
    """An age given as a difference from the child named before becomes that age (when that child's
    age was said); a difference followed by the age itself (「3歳下の5歳」) is dropped."""
    def fix(m: re.Match[str], english: bool) -> str:
        if _THEN_STATED.match(text[m.end():]):
            return ""  # 「弟は3歳下の5歳です」: the age itself follows
        bases = [int(next(g for g in b.groups() if g)) for b in _BASE_AGE.finditer(text[:m.start()])]
        n, way = int(m.group(1)), m.group(2)
        age = (bases[-1] + n if way in ("上", "older") else bases[-1] - n) if bases else -1
        if age < 0:
            return "" if not english else "a few years " + way  # a difference alone is no one's age
        return f"{age} years old" if english else f"{age}歳" + ("の" if m.group(0).endswith(("の", "に")) else "")
    text = _RELATIVE_JA.sub(lambda m: fix(m, False), text)
    return _RELATIVE_EN.sub(lambda m: fix(m, True), text)


# Japanese terms written in romaji by English writers ("futoko", "shien gakkyu", "kuritsu hoikuen").
_ROMAJI = [(re.compile(r"\bhattatsu[- ]?sh[o]u?gai\b"), "発達障害"),
           (re.compile(r"\b(?:tokubetsu[- ]?)?shien[- ]?(?:gakkyu|gakkyuu|kyu|kyuu)\b"), "特別支援学級"),
           (re.compile(r"\bfut[o]u?k[o]u?\b"), "不登校"),
           (re.compile(r"\bjid[o]u?[- ]?hattatsu[- ]?shien\b"), "児童発達支援"),
           (re.compile(r"\bkuritsu\b\s*"), "区立"),
           (re.compile(r"(?<=区立)hoikuen\b"), "保育園"), (re.compile(r"(?<=区立)(?:yochien|youchien)\b"), "幼稚園"),
           (re.compile(r"\bkudan[- ]chu-?t[o]u?(?:[- ]kyoiku[- ]gakko)?\b"), "kudan secondary school")]
# British and familiar names of family members, read as the ones the rules know ("my mum" is "my mom").
_FAMILY_WORDS = [(re.compile(r"\bmum(?:my|mie)?\b|\bmam\b|\bmommy\b|\bmomma\b|\bmama\b"), "mom"),
                 (re.compile(r"\bdada\b|\bdaddy\b|\bpapa\b"), "dad"),
                 (re.compile(r"\bgran(?:ny|nie)?\b|\bnan(?:a|na|nie)?\b|\bgrand(?:mum|mom)\b|\bgranma\b"), "grandma"),
                 (re.compile(r"\bgrand-?dad(?:dy)?\b|\bgramps\b|\bgrandpapa\b|\bgranpa\b"), "grandpa"),
                 (re.compile(r"\bhubby\b"), "husband"),
                 (re.compile(r"\bmother in law\b|(?<=my )mil\b|(?<=our )mil\b"), "mother-in-law"),
                 (re.compile(r"\bfather in law\b|(?<=my )fil\b|(?<=our )fil\b"), "father-in-law")]
# "my dad is pushing 80": just under it.
_PUSHING = re.compile(r"\b(?:pushing|approaching|coming up on|close to|nearing) (\d{2})\b"
                      r"(?!\s*(?:weeks?|months?|days?))")
# 「今年で76になります」 "turns 76 this year": the age of this year, as 「今年で77歳」 is labelled (77);
# 「来年80」 "will be 80 next year": a year younger now, as 「もうすぐ3歳」 is 2 (the contract's convention).
_THIS_YEAR = re.compile(r"今年(?:で|、)?\s*(\d{1,3})\s*(?:歳|才)?\s*"
                        r"(?=(?:に)?な(?:る|ります|りました)|を迎え|です|、|。|$)|"
                        r"\b(?:turns?|turning|will turn|will be|'ll be|is going to be|becomes?) (\d{1,3}) this year\b")
_NEXT_YEAR = re.compile(r"(?<!再)来年(?:で|には|、)?\s*(\d{1,3})\s*(?:歳|才)?\s*"
                        r"(?=(?:に)?な(?:る|ります)|です|で(?!\d)|、|。|$)|"
                        r"\b(?:turns?|turning|will turn|will be|'ll be|is going to be|becomes?) (\d{1,3}) next year\b")
# 「アラフォー」「アラ還」: around a round age, said as the decades it spans (a band when they lie in one).
_AROUND = {"アラサー": "20代後半から30代前半", "アラフォー": "30代後半から40代前半",
           "アラフィフ": "40代後半から50代前半", "アラ還": "50代後半から60代前半",
           "アラカン": "50代後半から60代前半", "アラ古希": "60代後半から70代前半",
           "アラ古稀": "60代後半から70代前半", "アラ傘寿": "70代後半から80代前半"}
_AROUND_WORD = re.compile("|".join(_AROUND))


# 「5月で65歳になります」「秋に80になる」: a birthday still to come this year, so a year younger now.
_IN_MONTH = re.compile(r"(?:\d{1,2}月|春|夏|秋|冬|年末|年内)(?:で|に|には)\s*(\d{1,3})\s*(?:歳|才)?\s*"
                       r"に\s*な(?:る|ります)(?!ました)")


# 「今度の4月で小2になります」「来年から中1です」: the school year still to come, so the one before it now.
# (「4月から小2です」 may be said after April: only a plain future counts there.)
_NEXT_SCHOOL_YEAR = re.compile(r"(?:(?:来年度?|来春|今度の4月|次の4月)(?:から|で|に|には)\s*"
                               r"(小|中|高)(?:学)?\s*(\d)(?:年生?)?\s*(?=に\s*な(?:る|ります)|です|になる予定))|"
                               r"(?:(?:この4月|4月|春)(?:から|で|に|には)\s*(小|中|高)(?:学)?\s*(\d)(?:年生?)?\s*"
                               r"(?=に\s*な(?:る|ります)(?!ました)|になる予定))")
_YEAR_BEFORE = {("小", 1): "年長", ("中", 1): "小6", ("高", 1): "中3"}


# "will be in 3rd grade next year", "starts 2nd grade in April": the grade before it now (1st grade to come
# says only that the child is not at school yet, so it is left out).
_NEXT_GRADE_EN = re.compile(r"\b(?:will be in|will start|will go into|will enter|starts|is starting|goes into|"
                            r"is going into|enters|is entering) (?:the )?(\d{1,2})(?:st|nd|rd|th) grade "
                            r"(?=next (?:year|april|spring)|in april|this (?:coming )?(?:april|spring))")


def _grade_before(m: re.Match[str]) -> str:
    n = int(m.group(1))
    return f"is in {_ordinal(n - 1)} grade, " if n > 1 else m.group(0)


def _year_before(m: re.Match[str]) -> str:
    stage, n = m.group(1) or m.group(3), int(m.group(2) or m.group(4))
    return _YEAR_BEFORE.get((stage, n), f"{stage}{n - 1}") + "で、"


def _turning(text: str) -> str:
    text = _NEXT_SCHOOL_YEAR.sub(_year_before, text)
    text = _NEXT_GRADE_EN.sub(_grade_before, text)
    text = _IN_MONTH.sub(lambda m: f"{int(m.group(1)) - 1}歳", text)
    text = _THIS_YEAR.sub(lambda m: f"{m.group(1)}歳" if m.group(1) else f"{m.group(2)} years old", text)
    text = _NEXT_YEAR.sub(lambda m: f"{int(m.group(1)) - 1}歳" if m.group(1)
                          else f"{int(m.group(2)) - 1} years old", text)
    return text


def is_english(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) / len(letters) > 0.6


def _english_numbers(text: str) -> str:
    """"three-year-old" → "3-year-old", "forty-two" → "42", "is one" → "is 1" ("the younger one" stays)."""
    def number(m: re.Match[str]) -> str:
        if m.group(1):
            return str(_TENS.index(m.group(1)) * 10 + (_UNITS.index(m.group(2)) if m.group(2) else 0))
        return str(_UNITS.index(m.group(3) or "one"))
    return _WORD_NUMBER.sub(number, text)
