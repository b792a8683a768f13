"""Who the text talks about: children and adults with ages, school years and sex.

The text is cut into segments (「十歳の子と四歳の子がいて、上の子は…」 → three), each segment
names at most one person; facts later attach to the person of their segment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.understanding.unaged import names_several
from bot.understanding.words import ADULT_NOUNS, ALL_CHILDREN, CHILD_NOUNS, FEMALE, FOLKS, MALE, adult_who
from knowledge.household import AGE_BANDS

# 「上の子が小4で下の子が2歳」: a member noun after 「で」 starts another person.
MEMBER_START = r"(?:上|下|真ん中)の子|長男|長女|次男|次女|三男|三女|お?兄ちゃん|お?姉ちゃん|兄|弟|姉|妹|息子|娘"
SPLIT = re.compile(
    r"(?<=[歳才生子娘月少中長母父夫妻私親男女兄弟姉妹年)）\d])と|と(?=\d)|[、,;・\n]|(?<=[。．!！?？])|(?<!\d)\.(?!\d)|"
    # "my kids (8 and 4) don't …", "our kids attend …: a boy of 11": what follows is said of them all
    r"(?<=[)）])(?=\s+[a-z])|:(?=\s+(?:a|an|my|one|two|three)\b)|"
    r"\.(?=\s|$)|\band\b|\s&\s|(?<!move in )(?<!moving in )(?<!home )(?<!lives )(?<!living )(?<!live )\bwith\b|"
    # 「子供は8才と3才 8才の方は…」: a space before an age that points back ends a clause
    r"(?<=[\u3040-\u30ff\u4e00-\u9fff])\s+(?=\d{1,2}\s*(?:歳|才)の(?:方|子|ほう))|"
    rf"(?<=で)(?={MEMBER_START})|(?<=[)）]で)(?=(?:夫|妻|主人|旦那|私|母|父|義母|義父|祖母|祖父))|(?<=[\d歳才生少中長])\s+(?=(?:一番)?(?:上|下)|真ん中)|(?<=で)(?=(?:一番)?(?:上|下)(?:が|は))|(?<=[小中高]\d)(?=の?{MEMBER_START})|"
    r"(?=\bhave (?:a|an|one|two|three|four|\d{1,2}) (?:[\w-]+ ){0,2}(?:sons?|daughters?|boys?|girls?|kids?|child|"
    r"children|baby|twins)\b)|(?=\b(?:raising|looking after|caring for|taking care of) (?:my|our|a|an|\d)\b)"
)
AGE = re.compile(r"(?<!妊娠)(?<![0-9])(\d{1,3})\s*(?:歳|才|さい)(半)?(?!(?<=\d\d[歳才])\s*(?:手前|目前|近|弱))|"
                 r"上から(?:順に)?\s*(\d{1,2})(?![\d歳才年])|"  # 「年齢は上から順に14、11、6です」
                 r"(\d{1,3})[- ]?(?:(?:years?|yrs?)[- ]?old|yo\b|y/o|y\.o\.|yrs?\b)|"
                 r"(?:\bis|\bam|aged?|ages|i'm|'s|are|'re|were|turned|just turned|\bboth)"
                 r"(?: now| currently| already| also)? (\d{1,3})\b"
                 r"(?![- ]?(?:months?|mo\b|weeks?|wks?|of us|people|persons|members|kids|children|"
                 r"in (?:the|our|my) family))|"
                 r"[（(](\d{1,3})\s*(?:[)）]|$|[,、]\s*(?:boy|girl|son|daughter|male|female|男|女))|^\s*(\d{1,2})\s*[)）]|"
                 # "a daughter (3, ward daycare)", 「長女（16・私立高校）」
                 r"[（(](\d{1,2})\s*(?:歳|才)?\s*[,、・/](?=[^)）\d]*[)）])|"
                 r"\b(?:sons?|daughters?|boys?|girls?|kids?|child|baby|toddler|eldest|youngest)\s*(?:of|[:：])?\s*"
                 r"(\d{1,2})\b(?!\s*(?:months?|mo\b|weeks?|st|nd|rd|th|kids|children|sons|daughters|siblings|"
                 r"brothers|sisters))|"
                 r"(?:^|[:：])\s*(\d{1,2})\s*[（(](?:boy|girl|son|daughter|男|女)|"
                 r"(?:年齢|(?<![今去来昨])年)は\s*(\d{1,3})(?![\d年月日])|"  # 「年は88です」
                 r"(?:上|下|の子|男|女|娘|息子)(?:が|は)\s*(\d{1,2})(?![\d年月日人歳才かヶ.])|"  # 「一番上が16」
                 r"(?:長男|長女|次男|次女|三男|三女|息子|娘)\s*(\d{1,2})(?![\d年月日人歳才かヶ.組])")  # 「次女14」
# 「もう2か月くらい学校を休んでます」「3か月前から」: a length of time, not an age.
MONTHS = re.compile(r"(?<!妊娠)(?<!妊娠中)(?<!歳)(?<!もう)(?<!約)(?<!ここ)(?<!この)"
                    r"(\d{1,2})\s*か月(?!前|間|以上|近く|も|ちょっと|経|たっ|待ち|待って|休|毎)|"
                    r"(?<!\bin )(?<!\bfor )(?<!within )(?<!\bdue )(?<!\bnext )(?<!\blast )"
                    r"(\d{1,2})[- ]?(?:months?|mo)\b(?! ago| pregnant| along)|"
                    r"生後(\d{1,2})\s*(?:週|日)|(\d{1,2})[- ]?(?:weeks?|days?)[- ]old")
SOON = re.compile(r"(?:もうすぐ|来月|今度)で?(\d{1,2})\s*(?:歳|才)(?:に)?な(?:る|ります)|もうすぐ(\d{1,2})\s*(?:歳|才)|"
                  r"(?:来月|来週|今月末|今度)で(\d{1,2})\s*(?:歳|才)|"
                  r"(?:今度の|次の|来月の|今年の)?(?:誕生日|たんじょうび)で(\d{1,2})\s*(?:歳|才)|"
                  r"(?:almost|nearly|will be|will turn|turning|turns|going on|about to turn) (\d{1,2})\b(?! months)")
PREGNANCY = re.compile(r"妊娠|妊婦|pregnan|expecting")
NEWBORN = re.compile(r"生まれたばかり|先月(生まれ|出産)|出産しました|newborn")
YEAR_OLD = re.compile(r"\d{1,2}[- ]?(?:years?|yrs?)[- ]?old|\d{1,2}\s*(?:yo|y/o|yrs?)\b|\d{1,2}\s*y\.o\.|"
                      r"\d{1,2}\s*歳児")
TSU_AGE = re.compile(r"(?<!\d)([1-9])つ(?=です|でした|だ|に|の(?:息子|娘|子|男の子|女の子)|と|、|。|$)")
# "three children: 12", 「子ども：8歳」「こども3人 10、8、5さい」
LISTED = re.compile(r"(?:[:：—–]|\s-|(?<=人)\s)\s*(\d{1,2})\s*(?:歳|才)?\s*[.。]?\s*$")
BARE_NUMBER = re.compile(r"^\s*(?:(?:and|then|and then|plus)\s+)?(\d{1,2})\s*(?:歳|才)?(?:です|でした|だよ)?"
                         r"\s*[.。!！]?\s*$")
GRADE = re.compile(r"(?<![活途最年日業娠])(小|中|高)(?:学校|学|校)?(?:の)?\s*(\d)\s*(?:年生|年)?|"
                   r"(\d{1,2})(?:st|nd|rd|th)[- ]grade(?:r)?|grade (\d{1,2})\b|"
                   r"(?:(\d)(?:st|nd|rd|th)[- ]year|year (\d)) (?:of |in |at )?(?:the |a |an )?(?:[a-z-]+ ){0,2}?"
                   r"(elementary|junior high|middle school|high school|primary)|"
                   # "she is 11, year 6", "in year 8": the school year counted from the first grade, no stage named
                   r"(?:^\s*|,\s*|\bin )year (?P<year>1[0-2]|[1-9])\b(?!\s*(?:old|ago|later|s\b|of)\b)")
# "grade 1 of junior high", "junior high, 2nd grade": an English grade counted within the stage named.
EN_STAGE = re.compile(r"junior high|middle school|(?<!junior )high school")
KUDAN_GRADE = re.compile(r"九段中等(?:教育学校)?の?\s*(\d)\s*年|"
                         r"(\d)(?:st|nd|rd|th)[- ]year (?:[a-z]+ ){0,3}(?:at|of|in) kudan|"
                         r"kudan[^.;]{0,40}?(\d)(?:st|nd|rd|th)[- ]year|kudan[^.;]{0,40}?year (\d)")
# 九段中等教育学校 前期課程 = 中1–3, 後期課程 = 高1–3.
KUDAN_PHASE = re.compile(r"九段中等(?:教育学校)?の?\s*(前期|後期)(?:課程)?の?\s*(\d)\s*年")
PRESCHOOL = {"年少": 3, "年中": 4, "年長": 5}
# 年中 inside 「今年中学に…」「年中無休」, 年長 in 「年長者」: not kindergarten years.
PRESCHOOL_YEAR = re.compile(r"(?<!今)年(少|中|長)(?!学|無休|者)")
# 「今年中学に上がりました」「小学校に入学しました」: the first year of that stage, said without a number.
# 「来年小学校に上がる」「4月から小学生」: the last kindergarten year (年長), not yet at school.
STARTING = re.compile(r"(来年度?|来春|春から|4月から|来年の春)[^。、]{0,8}(小学校|小学生|入学|1年生)|"
                      r"(start|starts|starting|begin|begins|enter|enters|entering) (elementary|primary) school "
                      r"(next|this coming) (april|spring|year)|"
                      r"(going into|will (?:start|enter|be in|go into)|starts|starting|enters|entering) (the )?"
                      r"(1st grade|elementary school|primary school) (next|in april|this (coming )?(april|spring))")
STARTED = re.compile(r"(小学校|小学|中学校|中学|高校)(に|へ)(上が|入学|進学|入り|入っ)|(小学|中学|高校)生になり|"
                     r"(?:今年|この春|今春)から(小学|中学|高校)生")
STARTED_YEAR = {"小": 1, "中": 7, "高": 10}
_LAST_YEAR = re.compile(r"(?:去年|昨年|昨春|前年)[^。、]{0,8}$")
_TWO_YEARS_AGO = re.compile(r"(?:一昨年|おととし|2年前)[^。、]{0,8}$")
CHILD_NOUN = re.compile(CHILD_NOUNS)
ADULT_NOUN = re.compile(ADULT_NOUNS)
# 兄/姉 are the older of their sex, 弟/妹 the younger (兄弟・姉妹 name siblings, not one of them).
OLDER = re.compile(r"上の子|上の(?:娘|息子|男の子|女の子)|"
                   r"(?:一番|いちばん)上|(?<![\w])上(?=が|は)|長男|長女|お兄ちゃん|お姉ちゃん|"
                   r"(?<![義])兄(?!弟|妹)|(?<![義])姉(?!妹|弟)|"
                   r"older|eldest|\belder\b|oldest|big (?:brother|sister)")
YOUNGER = re.compile(r"下の子|下の(?:娘|息子|男の子|女の子)|"
                     r"末っ子|(?:一番|いちばん)下|(?<![\w])下(?=が|は)|(?<![兄姉義])弟|(?<![兄姉義])妹|"
                     r"younger|youngest|little (?:brother|sister)|baby of|little one")
# 長男 the first son, 次女 the second daughter, 三男 the third son: a rank among the children of that sex.
RANK = re.compile(r"(長|次|三)(男|女)|\b(first|second|third)[- ](?:son|daughter)")
_RANKS = {"長": 1, "次": 2, "三": 3, "first": 1, "second": 2, "third": 3}
# 「上の子も下の子も」「息子も娘も」: each child named, with も, is said the same of.
_ONE = r"(?:上|下|兄|姉|弟|妹|息子|娘|長男|長女|次男|次女)(?:の子)?(?:さん|ちゃん|くん)?"
BOTH_NAMED = re.compile(rf"{_ONE}も[^、。]{{0,8}}?{_ONE}も")
MIDDLE = re.compile(r"真ん中の(?:子|娘|息子|男の子|女の子)|真ん中(?=だけ|は|が|も)|middle")
TWINS = re.compile(r"双子|三つ子|3つ子|四つ子|4つ子|twins|twin (?:boys|girls|sons|daughters|brothers|sisters)|"
                   r"triplets|quadruplets")
# Children born together, and how many: 双子 two, 三つ子 three (normalise turns 三つ into 3つ).
MULTIPLE = [(re.compile(r"三つ子|3つ子|triplets"), 3), (re.compile(r"四つ子|4つ子|quadruplets"), 4)]
# 「娘が2人」「two sons」「双子の男の子」: a group; ages listed after it (「10歳と7歳」「11 and 14」) share its sex.
GROUP = re.compile(r"(?:息子|娘|男の子|女の子|子ども|子供|こども|子)(?:さん)?(?:が|は|も)?\s*"
                   r"(\d|ふたり|二人|三人)\s*人?|"
                   r"\b(two|three|four|\d) (?:sons|daughters|boys|girls|kids|children)\b|"
                   r"\b(?:sons|daughters|boys|girls)\b|"
                   r"双子|三つ子|3つ子|twins|triplets|姉妹")
# 「80代の母」「in her 80s」: an adult's age known only by decade; a band when the decade lies inside one.
DECADE = re.compile(r"(\d)0\s*代(前半|後半)?|(?:in (?:his|her|their|my|our) )(early |late |mid-?)?(\d)0s\b|"
                    r"\b(early |late |mid-?)?(\d)0s\b")
LATE_ELDERLY = re.compile(r"後期高齢者")
EARLY_ELDERLY = re.compile(r"前期高齢者")  # 65–74 by the term's own definition
# 「80歳くらい」「80前後」 "around 80" "80-ish": within five years either side ("around 70" straddles 75: no band).
APPROX = re.compile(r"(\d{2})\s*(?:歳|才)?\s*(?:くらい|ぐらい|位|前後)|"
                    r"\b(?:around|about|roughly|approximately) (\d{2})\b(?!\s*(?:weeks?|months?|days?|wks?))|"
                    r"\b(\d{2})[- ]?ish\b")
# 「80過ぎ」「75歳以上」 "over 80" "80-plus": only a lower bound; a band when it lies above 75.
# 「65歳未満」 "under 60": only an upper bound; under_65 when it lies below 65.
AT_LEAST = re.compile(r"(\d{2})\s*(?:歳|才)?\s*(?:を|は)?\s*(?:過ぎ|すぎ|超え|こえ|超|以上|オーバー)|"
                      r"\b(?:over|past|above|older than|more than|at least) (\d{2})\b|"
                      r"\b(\d{2})\s*(?:\+|[- ]plus\b|or (?:older|over|more)\b|[- ]?(?:something|odd)\b)")
JUST_UNDER = re.compile(r"(\d{2})\s*(?:歳|才)?\s*(?:手前|目前|近い|近く|弱)|\b(?:almost|nearly|approaching) (\d{2})\b")
BELOW = re.compile(r"(\d{2})\s*(?:歳|才)?\s*(?:未満|より(?:下|若))|\b(?:under|below|younger than) (\d{2})\b")
# "in her early 80s", 「70代後半」 said apart from the noun: an adult's decade (nobody is raised at 30+)
ADULT_DECADE = re.compile(r"[3-9]0\s*代|\bin (?:his|her|their|my|our) (?:early |late |mid-?)?[3-9]0s\b")
# 「両親は80代」 "my parents are in their 80s": a band said of a pair is each one's, unless one is meant.
ONE_OF = re.compile(r"one of|either|どちらか|片方|一人は|ひとりは|片親")
PAIR_OF_ADULTS = re.compile(r"両親|祖父母|義父母|\bparents\b|grandparents|in-laws|夫婦|" + FOLKS + "|"
                            r"(?:夫|妻|主人|旦那)(?:と|も)(?:私|わたし)|(?:私|わたし)(?:と|も)(?:夫|妻|主人|旦那)|"
                            r"\b(?:wife|husband|partner|spouse) and i\b|\b(?:i|me) and my (?:wife|husband|partner)\b|"
                            r"\bboth of us\b")
GRADE_AGE = {"小": 5, "中": 11, "高": 14}  # 小1 → 6, 中1 → 12, 高1 → 15


@dataclass
class Person:
    kind: str  # "child" | "adult"
    age: int | None = None
    school_year: int | None = None
    sex: str | None = None
    preschool: bool = False
    preschool_age: int | None = None  # the age its kindergarten year (年少/年中/年長) says
    kudan: bool = False
    inferred_age: bool = False  # age derived from a school year, not stated
    twins: bool = False  # born together: `multiple` children alike (two for twins)
    multiple: int = 2
    age_band: str | None = None


@dataclass
class Segment:
    text: str
    person: Person | None
    reference: str | None  # "older" | "younger" | "middle" | "child" | "adult" (a person named without age)
    joined_by_to: bool = False  # cut from the previous segment at 「と」 (「中2と小6の男の子」)


def _grade(text: str) -> tuple[int | None, bool]:
    if (m := KUDAN_PHASE.search(text)) and 1 <= int(m.group(2)) <= 3:
        return (6 if m.group(1) == "前期" else 9) + int(m.group(2)), True
    if m := KUDAN_GRADE.search(text):
        return 6 + int(next(g for g in m.groups() if g)), True
    m = GRADE.search(text)
    if not m:
        if started := STARTED.search(text):
            # 「去年小学校に入った」: a year later now; 「一昨年」 two
            since = 2 if _TWO_YEARS_AGO.search(text[:started.start()]) else \
                1 if _LAST_YEAR.search(text[:started.start()]) else 0
            stage = (started.group(1) or started.group(4) or started.group(5))[0]
            return STARTED_YEAR[stage] + min(since, 5 if stage == "小" else 2), False
        return None, False
    if m.group("year"):
        return int(m.group("year")), False
    if m.group(1):
        n, stage = int(m.group(2)), m.group(1)
        limit = 6 if stage == "小" else 3
        return ((n + {"小": 0, "中": 6, "高": 9}[stage]) if 1 <= n <= limit else None), False
    if m.group(5) or m.group(6):
        stage = {"elementary": 0, "primary": 0, "junior high": 6, "middle school": 6, "high school": 9}[m.group(7)]
        n = int(m.group(5) or m.group(6))
        if n > {0: 6, 6: 3, 9: 3}[stage]:  # "year 8 at … junior high": the year counted from the first grade
            return (n if stage < n <= stage + 3 + (3 if stage == 0 else 0) else None), False
        return n + stage, False
    n = int(m.group(3) or m.group(4))
    if n <= 3 and (stage_word := EN_STAGE.search(text)):
        n += 9 if stage_word.group(0) == "high school" else 6
    return (n if 1 <= n <= 12 else None), False


def _age(text: str, last: bool = False) -> int | None:
    """The age a segment states (the last one when `last`, as in 「4歳ではなく5歳です」)."""
    if m := SOON.search(text):
        return max(int(next(g for g in m.groups() if g)) - 1, 0)
    if NEWBORN.search(text):
        return 0
    ages = [int(next(g for i, g in enumerate(m.groups(), 1) if g and i != 2)) for m in AGE.finditer(text)]
    if ages:
        return ages[-1] if last else ages[0]
    if m := MONTHS.search(text):
        return int(m.group(1) or m.group(2)) // 12 if (m.group(1) or m.group(2)) else 0
    return None


def stated_age(text: str) -> int | None:
    """A child's age as a reply states it (「7か月です」 → 0, 「もうすぐ3歳」 → 2), or None when it states none."""
    return _age(text)


# 「65〜74歳」 "between 65 and 74" (a tapped band, said back): a band when the range lies inside one.
RANGE = re.compile(r"(\d{2})\s*(?:歳|才)?\s*(?:〜|~|-|–|から|to|and)\s*(\d{2,3})\s*(?:歳|才)?")


def range_band(text: str) -> str | None:
    """The band a stated range of ages lies in, if it lies in one."""
    if not (m := RANGE.search(text)) or int(m.group(1)) >= int(m.group(2)):
        return None
    low, high = int(m.group(1)), int(m.group(2))
    return next((band for band, (lo, hi) in AGE_BANDS.items() if lo <= low and high <= hi), None)


def bounded_band(text: str) -> str | None:
    """The band an age said only by a bound or an approximation lies in ("75 or older", 「80くらい」)."""
    if any(p.search(text) for p in (LATE_ELDERLY, EARLY_ELDERLY, AT_LEAST, BELOW, APPROX, DECADE)):
        return _band(text)
    return None


def _band(text: str) -> str | None:
    if LATE_ELDERLY.search(text):
        return "75_plus"
    if EARLY_ELDERLY.search(text):
        return "65_74"
    if m := APPROX.search(text):
        n = int(next(g for g in m.groups() if g))
        return next((band for band, (lo, hi) in AGE_BANDS.items() if lo <= n - 5 and n + 5 <= hi), None)
    if m := JUST_UNDER.search(text):  # 「90歳手前」 "almost 80": the years just below it
        n = int(next(g for g in m.groups() if g))
        return next((band for band, (lo, hi) in AGE_BANDS.items() if lo <= n - 3 and n - 1 <= hi), None)
    if (m := AT_LEAST.search(text)) and int(next(g for g in m.groups() if g)) >= 75:
        return "75_plus"
    if (m := BELOW.search(text)) and int(next(g for g in m.groups() if g)) <= 65:
        return "under_65"
    if m := DECADE.search(text):
        decade = int(m.group(1) or m.group(4) or m.group(6)) * 10
        part = (m.group(2) or m.group(3) or m.group(5) or "").strip()
        low, high = (decade, decade + 3) if part in ("前半", "early") else \
            (decade + 7, decade + 9) if part in ("後半", "late") else (decade, decade + 9)
        # a band only when the whole range lies inside it (70代 straddles 75: none)
        return next((band for band, (lo, hi) in AGE_BANDS.items() if lo <= low and high <= hi), None)
    return None


HE = re.compile(r"\b(he|he's|his|him)\b")
SHE = re.compile(r"\b(she|she's|her|hers)\b")


# 「4歳の子が2人」 "two 4-year-olds": several children of one age, counted right after it.
SAME_AGE = re.compile(r"\d{1,2}\s*(?:歳|才)の(?:子ども|子供|こども|子|息子|娘|男の子|女の子)(?:さん)?(?:が|は|も)?"
                      r"\s*([2-4])\s*人|"
                      r"(?<![\d,] )\b([2-4]) \d{1,2}[- ]?(?:years?|yrs?)[- ]?olds\b")


# The sexes of children born together: 「男女の双子」「男の子2人と女の子1人」 "a boy and a girl", "two boys and a girl".
_MIXED = re.compile(r"男女|男と女|女と男|男の子と女の子|女の子と男の子|"
                    r"\bboy and (?:a )?girl\b|\bgirl and (?:a )?boy\b|\bboy/girl\b|\bgirl/boy\b|"
                    r"\bson and (?:a )?daughter\b|\bdaughter and (?:a )?son\b")
_BROTHER_FIRST = re.compile(r"兄と妹|兄妹")
_SISTER_FIRST = re.compile(r"姉と弟|姉弟")
_BOYS = re.compile(r"(?:男の子|男児|息子|男)\s*(\d)\s*人|\b(\d|a|one) (?:boys?|sons?)\b")
_GIRLS = re.compile(r"(?:女の子|女児|娘|女)\s*(\d)\s*人|\b(\d|a|one) (?:girls?|daughters?)\b")


def composition(text: str) -> list[str] | None:
    """Boys first, then girls, as the message counts them; None when it does not say a mix. Children born
    together listed by rank (「三つ子の長男・次男・長女」) are in the order listed."""
    born = next((s for s in re.split(r"[。．!！?？\n]", text) if TWINS.search(s)), "")
    if len(ranks := [m.group(2) for m in RANK.finditer(born) if m.group(2)]) >= 2:
        return ["male" if r == "男" else "female" for r in ranks]
    boys, girls = _BOYS.search(text), _GIRLS.search(text)
    if boys and girls:
        count = [int(g) if g.isdigit() else 1 for g in (next(x for x in boys.groups() if x),
                                                           next(x for x in girls.groups() if x))]
        return ["male"] * count[0] + ["female"] * count[1]
    if _SISTER_FIRST.search(text):
        return ["female", "male"]  # 「姉と弟の双子」: the older (the first) is the girl
    return ["male", "female"] if _MIXED.search(text) or _BROTHER_FIRST.search(text) else None


# 「息子2人と娘1人」 "two boys and a girl" "a son and two daughters": children counted by kind, in the order said.
_KIND_COUNTS = re.compile(r"\b(?P<n>\d|a|an|one|two|three|four)\s+(?:little\s+|young\s+)?(?:(?P<m>boys?|sons?)|"
                          r"(?P<f>girls?|daughters?))\b|(?:(?P<jm>息子|男の子)|(?P<jf>娘|女の子))(?:が|は)?\s*(?P<jn>\d)\s*人")
_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def counted_kinds(text: str) -> list[str] | None:
    """The sexes of children counted by kind before their ages are given without nouns (「息子2人と娘1人で、12歳、
    9歳、4歳」 → male, male, female: the ages taken in the order the kinds were said); None otherwise."""
    found = list(_KIND_COUNTS.finditer(text))
    if len(found) < 2 or len({bool(m.group("m") or m.group("jm")) for m in found}) < 2:
        return None
    after = text[found[-1].end():]
    if CHILD_NOUN.search(after) or not re.search(r"\d", after):
        return None  # the ages come with nouns of their own ("the girls are 9 and 6"), or not at all
    sexes: list[str] = []
    for m in found:
        said = m.group("jn") or m.group("n")
        n = int(said) if said.isdigit() else _WORDS[said]
        sexes += ["male" if m.group("m") or m.group("jm") else "female"] * n
    return sexes


def multiple(text: str) -> int:
    """How many children one age names: 三つ子 3, 「4歳の子が2人」 2, twins (or none) 2."""
    if m := SAME_AGE.search(text):
        return int(m.group(1) or m.group(2))
    return next((n for pattern, n in MULTIPLE if pattern.search(text)), 2)


def rank_of(text: str) -> int | None:
    """「次男」 → 2: which of the children of its sex (oldest first) a word names, if it says."""
    m = RANK.search(text)
    return _RANKS[m.group(1) or m.group(3)] if m else None


# 「中2男、小5女」: a bare 男/女 right after a year or an age.
_SEX_AFTER_YEAR = re.compile(r"(?<=[\d年生少中長歳才])(男|女)(?![の子性児])")


def _sex(text: str) -> str | None:
    if MALE.search(text):
        return "male"
    if FEMALE.search(text):
        return "female"
    bare = _SEX_AFTER_YEAR.search(text)
    return None if bare is None else "male" if bare.group(1) == "男" else "female"


def noun_sex(text: str) -> str | None:
    """The sex a segment's child noun says (「娘は私立」 → female), None when it names none."""
    return _sex(text) if CHILD_NOUN.search(text) else None


def pronoun_sex(text: str) -> str | None:
    """"my 3-year-old, she goes to …": he/she says the sex of a child named without a noun."""
    he, she = bool(HE.search(text)), bool(SHE.search(text))
    return "male" if he and not she else "female" if she and not he else None


def read_segment(text: str, answering_people: bool) -> Segment:
    """One segment: a new person (with an age or school year), a reference, or neither."""
    adult = ADULT_NOUN.search(text)
    child = CHILD_NOUN.search(text)
    stated, (grade, kudan) = _age(text), _grade(text)
    if stated is not None and not child and PREGNANCY.search(text) and not AGE.search(text):
        stated = None  # "my wife is pregnant (7 months)": how long the pregnancy is, not a baby
    age = stated  # the BARE/TSU/grade/preschool readings below fill in an age the text did not state
    if age is None and answering_people and (bare := BARE_NUMBER.match(text) or LISTED.search(text)):
        age = int(bare.group(1))
    if age is None and child and (tsu := TSU_AGE.search(text)):
        age = int(tsu.group(1))  # 「娘は3つです」: ages counted in つ, said of a child
    preschool = PRESCHOOL["年" + m.group(1)] if (m := PRESCHOOL_YEAR.search(text)) else None
    if STARTING.search(text):
        grade, preschool = None, 5
    # A child noun with a child's age wins (「I have a 3 year old daughter」); an adult noun or an
    # adult's age otherwise makes the person an adult (「80歳の母」「私は35歳」).
    # "our 2-year-old" names a child without a noun; nobody under 15 is an adult.
    ranked = not adult and bool(OLDER.search(text) or YOUNGER.search(text) or MIDDLE.search(text))  # 「下は17歳」
    childlike = (bool(child) or ranked or bool(YEAR_OLD.search(text) and not adult) or (age is not None and age < 15)) \
        and (age is None or age < 23)
    is_adult = not childlike and (bool(adult) or (age is not None and age >= 23))
    if is_adult and any(p.search(text) for p in (LATE_ELDERLY, EARLY_ELDERLY, AT_LEAST, BELOW, APPROX)):
        # 「75歳以上」「80過ぎ」 bound an age, they do not state it: a band, or nothing
        band = _band(text)
        pair = bool(PAIR_OF_ADULTS.search(text)) and not ONE_OF.search(text)
        return Segment(text, Person("adult", age_band=band, twins=pair) if band else None, None if band else "adult")
    if is_adult and age is not None:
        return Segment(text, Person("adult", age=age), None)
    if (adult or ADULT_DECADE.search(text) or LATE_ELDERLY.search(text) or EARLY_ELDERLY.search(text)) \
            and not childlike and (band := _band(text)):
        # 「両親とも80代」 "my parents are both over 75": two people of that band
        pair = bool(PAIR_OF_ADULTS.search(text)) and not ONE_OF.search(text)
        return Segment(text, Person("adult", age_band=band, twins=pair), None)
    if age is not None or grade is not None or preschool is not None or (child and NEWBORN.search(text)):
        if not childlike and not answering_people and grade is None and preschool is None and not NEWBORN.search(text):
            return Segment(text, None, None)  # a bare number is not a person unless we asked about people
        if grade is not None and age is None:
            stage = "小" if grade <= 6 else "中" if grade <= 9 else "高"
            age = GRADE_AGE[stage] + grade - {"小": 0, "中": 6, "高": 9}[stage]
        if preschool is not None and age is None:
            age = preschool
        # 「息子には6歳の妹がいて」: the noun the age is said of, not the first noun of the clause
        of_age = OF_AGE.search(text)
        sex = (_sex(of_age.group(1)) if of_age else None) or _sex(text) or (None if adult else pronoun_sex(text))
        person = Person("child", age=age, school_year=grade, sex=sex, preschool=preschool is not None,
                        preschool_age=preschool,
                        kudan=kudan, inferred_age=stated is None,
                        twins=bool(TWINS.search(text)) or SAME_AGE.search(text) is not None, multiple=multiple(text))
        ref = "older" if OLDER.search(text) else "younger" if YOUNGER.search(text) else \
            "middle" if MIDDLE.search(text) else None
        return Segment(text, person, ref)  # 「下の子は3歳です」 may restate a child already known
    if OLDER.search(text):
        return Segment(text, None, "older")
    if YOUNGER.search(text):
        return Segment(text, None, "younger")
    if MIDDLE.search(text):
        return Segment(text, None, "middle")
    if adult:
        return Segment(text, None, "adult")
    if child:
        return Segment(text, None, "child")
    return Segment(text, None, None)


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The text cut at SPLIT, each piece with whether 「と」 cut it from the one before."""
    out, start, by_to = [], 0, False
    for m in SPLIT.finditer(text):
        if m.end() == m.start() and m.start() == start:
            continue
        if _inside_brackets(text, m.start()):
            continue  # "Ken (10, boy)", 「長女（10歳、小4）」: one person
        out.append((text[start:m.start()], by_to))
        start, by_to = m.end(), m.group(0) == "と"
    out.append((text[start:], by_to))
    pieces = [(p, t) for p, t in out if p and p.strip()]
    # 「1人は区内、もう1人は区外の保育園」: the place noun said once, in the last of two places
    for n in range(len(pieces) - 1):
        (piece, by_to), following = pieces[n], pieces[n + 1][0]
        if _GAPPED.search(piece) and (noun := _PLACE_NOUN.search(following)):
            pieces[n] = (f"{piece}の{noun.group(1)}", by_to)
    # "the older one goes to a ward school and the younger one to a private one": "one" is the noun said before
    for n in range(1, len(pieces)):
        if (one := _KIND_ONE.search(pieces[n][0])) and (noun := _SCHOOL_NOUN.search(pieces[n - 1][0])) \
                and not re.search(r"\bnot\s*$", pieces[n][0][:one.start()]):  # "…, not the ward one": the old one
            piece = pieces[n][0]
            pieces[n] = (f"{piece[:one.start(2)]}{noun.group(0)}{piece[one.end(2):]}", pieces[n][1])
    # 「三つ子の長男・次男・長女で」: children born together, listed by rank, stay one piece
    merged: list[tuple[str, bool]] = []
    for piece, by_to in pieces:
        if merged and TWINS.search(merged[-1][0]) and RANK.search(merged[-1][0][-2:]) \
                and RANK.match(piece.strip()):
            merged[-1] = (f"{merged[-1][0]}・{piece}", merged[-1][1])
        else:
            merged.append((piece, by_to))
    pieces = merged
    # "my son, who attends a private junior high, is 13": a relative clause stays with its noun;
    # "only the youngest is in daycare, in Minato": so does a place said after the daycare or school
    joined: list[tuple[str, bool]] = []
    for piece, by_to in pieces:
        if joined and PLACE_ONLY_JA.match(piece) and PLACED.search(joined[-1][0]):
            # 「長女だけ保育園で、区外です」: 「長女だけ保育園は区外です」
            joined[-1] = (f"{re.sub(r'(?:で|に通っていて|に通っており)$', '', joined[-1][0])}は{piece}", joined[-1][1])
        elif joined and (RELATIVE.match(piece) or (PLACE_ONLY.match(piece) and PLACED.search(joined[-1][0]))):
            joined[-1] = (f"{joined[-1][0]}, {piece}", joined[-1][1])
        else:
            joined.append((piece, by_to))
    return joined


OF_AGE = re.compile(r"\d{1,2}\s*(?:歳|才)の((?:お)?(?:兄|姉|弟|妹|息子|娘|男の子|女の子))")
_KIND_ONE = re.compile(r"\b(?:a|the) (ward|private|public|chiyoda|international)(?:[- ]run)? (one)\b")
_SCHOOL_NOUN = re.compile(r"\b(?:elementary school|junior high(?: school)?|high school|school|day[- ]?care|nursery|"
                          r"kindergarten)\b")
_GAPPED = re.compile(r"(?:は|が)(?:区内|区外|千代田区?内?|[^\s、。はが]{1,3}区)\s*$")
_PLACE_NOUN = re.compile(r"^[^、。]{0,12}?(?:区内|区外|千代田区?内?|[^\s、。]{1,3}区)の"
                         r"(保育園|保育所|こども園|小学校|中学校|学校)")
PLACE_ONLY_JA = re.compile(r"^\s*(?:区外|区内|千代田区?内?|[^\s、。]{1,3}区(?:内)?)(?:の)?(?:です|でした|にあります)?"
                           r"[。.]?\s*$")
PLACE_ONLY = re.compile(r"^\s*(?:in|at|inside|outside)\s+(?:the\s+)?[a-z][a-z -]{1,24}[.!]?\s*$")
PLACED = re.compile(r"day[- ]?care|nursery|hoikuen|school|保育園|保育所|こども園|学校|小学|中学")
RELATIVE = re.compile(r"\s*(?:who|whose|which)\b(?!\s+(?:is|are|was)\s+\d)")


def _inside_brackets(text: str, at: int) -> bool:
    """A cut inside brackets before words without a number ("Ken (10, boy)"): the same person.
    「娘2人（中1と小3）」 is still cut: each part has its own number."""
    before = text[:at]
    if before.count("(") + before.count("（") <= before.count(")") + before.count("）"):
        return False
    rest = re.split(r"[)）]", text[at + 1:], maxsplit=1)[0]
    return not re.search(r"\d|年少|年中|年長", rest)  # 「子ども2人（小2・年中）」: two children


def _noun_last(text: str) -> bool:
    """「小6の男の子」: the noun comes after the age or year (and may be the list's); 「娘1人（4歳）」: its own."""
    noun, number = CHILD_NOUN.search(text), re.search(r"\d", text)
    return noun is not None and (number is None or noun.start() > number.start())


_ONLY_GENERIC = re.compile(r"^\s*(?:うちの)?(?:子ども|子供|こども|お子さん)(?:たち|達)?(?:は|が)(?:年子で)?[、\s]*\d")


def _share_sex(found: list[Segment]) -> None:
    """A list shares its noun: 「中2と小6の男の子」 (noun after the list) and 「娘が2人、10歳と7歳」 /
    "two sons, 11 and 14" (group before the ages). Only persons named without a noun of their own take it."""
    for i in range(len(found) - 2, -1, -1):
        seg, nxt = found[i], found[i + 1]
        if (nxt.joined_by_to and seg.person and nxt.person and seg.person.kind == nxt.person.kind == "child"
                and seg.person.sex is None and _noun_last(nxt.text)
                and (not CHILD_NOUN.search(seg.text) or _ONLY_GENERIC.match(seg.text)  # 「子どもは6歳と3歳の男の子」
                     or (names_several(seg.text) and _sex(seg.text) is None))):  # 「孫を2人育てています。10歳と…」
            seg.person.sex = nxt.person.sex
    for i, seg in enumerate(found):
        group = GROUP.search(seg.text)
        sex = _sex(seg.text)
        if not group or sex is None:
            continue
        for later in found[i + 1:]:
            if later.person is None or later.person.kind != "child" or CHILD_NOUN.search(later.text):
                break
            later.person.sex = later.person.sex or sex


STAGES = {"小": re.compile(r"小学"), "中": re.compile(r"中学"), "高": re.compile(r"高校|高等学校")}
BARE_YEAR = re.compile(r"(?<![小中高学校\d])(?<![小中高]の)(\d)年生")  # 「麹町中の2年生」 has its stage


def _with_stage(text: str) -> str:
    """「小学生の息子が2人いて、4年生と1年生です」: a bare 「4年生」 takes the one stage the text names."""
    stages = [stage for stage, pattern in STAGES.items() if pattern.search(text)]
    if len(stages) > 1 or KUDAN_GRADE.search(text) or "九段" in text:
        return text
    stage = stages[0] if stages else "小"  # a plain 「6年生」 is said of elementary school
    return BARE_YEAR.sub(lambda m: f"{stage}{m.group(1)}年生", text)


# 「息子と娘は10歳と7歳」 "my son and daughter are 10 and 7 (respectively)": two nouns, then their two ages.
_TWO_NOUNS_EN = re.compile(r"\b(sons?|daughters?|boys?|girls?) and (?:my |our |a )?(sons?|daughters?|boys?|girls?) "
                           r"(?:are|aged?) (\d{1,2}) and (\d{1,2})\b(?: respectively)?")
_ONE_JA = r"(息子|娘|男の子|女の子|兄|弟|姉|妹|長男|長女|次男|次女)"
_TWO_NOUNS_JA = re.compile(rf"{_ONE_JA}と{_ONE_JA}(?:は|が)(?:それぞれ)?(\d{{1,2}})\s*(?:歳|才)と"
                           r"(\d{1,2})\s*(?:歳|才)")


def _respective(text: str) -> str:
    """Each noun with its own age, as if said 「息子は10歳、娘は7歳」."""
    text = _TWO_NOUNS_EN.sub(r"\1 \3 and \2 \4", text)
    return _TWO_NOUNS_JA.sub(r"\1は\3歳、\2は\4歳", text)


def segments(text: str, answering_people: bool = False) -> list[Segment]:
    text = _respective(_with_stage(text))
    found = []
    for part, by_to in _pieces(text):
        seg = read_segment(part, answering_people)
        seg.joined_by_to = by_to
        found.append(seg)
    _share_place(found)
    _respectively(found)
    _share_sex(found)
    _number_after_noun(found)
    _age_after_year(found)
    _born_together(found)
    _count_before_list(found, text)
    _count_after_list(found)
    _adults_together(found)
    return found


# 「9歳です」 "she's 9": an age alone in its clause, no noun, no year.
_AGE_ALONE = re.compile(r"^\s*(?:(?:he's|she's|he is|she is|aged?)\s+)?(\d{1,2})\s*(?:歳|才|years? old)?"
                        r"(?:です|でした|だよ|になります)?\s*[.。!！]?\s*$")


def _age_after_year(found: list[Segment]) -> None:
    """「年少の娘、9歳です」「小4の息子、9歳」: an age said alone right after one child named by a school or
    kindergarten year only is that child's own age (kept with the year, so a contradiction shows)."""
    for i in range(1, len(found)):
        before, seg = found[i - 1], found[i]
        person = before.person
        if person is None or person.kind != "child" or not person.inferred_age \
                or before.reference is not None or seg.reference is not None \
                or not (bare := _AGE_ALONE.match(seg.text)) \
                or not (person.preschool or person.school_year) or TWINS.search(before.text) \
                or seg.joined_by_to or noun_sex(before.text) is None:
            continue  # 「小1と3歳」 is two children; only a son or daughter named with a year takes the age
        n = int(bare.group(1))
        if n >= 23:
            continue
        joined = read_segment(f"{before.text} {n}歳", False)
        if joined.person is not None and joined.person.age == n:
            found[i - 1], found[i] = Segment("", None, None), Segment(before.text + seg.text, joined.person, None)


def _adults_together(found: list[Segment]) -> None:
    """「夫と私は40代」 "my wife and I are both in our 30s": a band said of two adults named together is
    each one's; "my husband and I are 45 and 43": two ages, in order."""
    for i in range(len(found) - 1):
        noun, seg = found[i], found[i + 1]
        # 「私も夫も…で、同居の母は70代後半」: the mother's own band, not the couple's
        someone_else = not seg.joined_by_to and not re.search(r"\bboth\b|とも|共に", seg.text) \
            and (adult_who(seg.text) or "me") != "me"
        if noun.person is not None or noun.reference != "adult" or seg.person is None or seg.person.kind != "adult" \
                or (len(noun.text.strip()) > 16 and not PAIR_OF_ADULTS.search(noun.text)) or someone_else:
            continue
        if seg.person.age is None and seg.person.age_band and not seg.person.twins:
            seg.person.twins = True
            found[i] = Segment("", None, None)
        elif seg.person.age is not None and not seg.person.twins and re.search(r"\bboth\b|とも", seg.text):
            seg.person.twins = True  # "my husband and I are both 50", 「夫と私は2人とも45歳」: that age each
            found[i] = Segment("", None, None)
        elif seg.person.age is not None and i + 2 < len(found) and (bare := BARE_NUMBER.match(found[i + 2].text)) \
                and int(bare.group(1)) >= 15 and found[i + 2].person is None:
            found[i] = Segment(noun.text, Person("adult", age=seg.person.age), None)
            found[i + 1] = Segment(seg.text, Person("adult", age=int(bare.group(1))), None)
            found[i + 2] = Segment("", None, None)


def _count_before_list(found: list[Segment], text: str) -> None:
    """"Yes, three. 15, 13 and 8" / "Two: 6 and 4": a bare number followed by exactly that many bare
    ages is how many children there are, not a child."""
    people = [i for i, seg in enumerate(found) if seg.person is not None]
    for n, i in enumerate(people):
        count = BARE_NUMBER.match(found[i].text)
        rest = people[n + 1:]
        listed = i > 0 and found[i - 1].person is not None  # "kids are 11, 8 and 3. The 11 year old …": an age
        if count and not listed and 2 <= int(count.group(1)) <= 6 and len(rest) == int(count.group(1)) \
                and all((p := found[j].person) is not None and p.kind == "child" for j in rest) \
                and not re.search(r"歳|才", found[i].text) \
                and re.search(rf"(?<![\d,、])\s*{count.group(1)}\s*[.:：。!！]", text):
            # "3. 15, 13 and 8", "Sorry, 4! They're 10, 8, 5 and 1", "Two. A boy of 5 and a baby girl"
            found[i] = Segment(found[i].text, None, None)
            return


def _count_after_list(found: list[Segment]) -> None:
    """「7歳と4歳の男の子2人」: a count after a list of ages joined by 「と」 counts the list, it does not make
    children of the same age (「4歳の男の子2人」 alone would be two 4-year-olds)."""
    for i, seg in enumerate(found):
        person = seg.person
        if person is None or not person.twins or not seg.joined_by_to or TWINS.search(seg.text) \
                or not (m := SAME_AGE.search(seg.text)) or not m.group(1):
            continue
        chain = 1
        while i - chain >= 0 and found[i - chain + 1].joined_by_to and found[i - chain].person is not None:
            chain += 1
        if chain == int(m.group(1)):
            person.twins, person.multiple = False, 2


_UNBORN = re.compile(r"妊娠|出産予定|生まれる予定|生まれます|お腹|おなか|expecting|pregnant|\bdue\b|on the way")
_SINGULAR_CHILD = re.compile(r"息子|娘|長男|長女|次男|次女|\b(?:son|daughter|baby|kid|child|toddler)\b|"
                             r"\b(?:my|our) (?:boy|girl)\b")


def _born_together(found: list[Segment]) -> None:
    """"Our twins, a boy and a girl, are 7": the age said after the twins and their sexes is the twins'."""
    for i, seg in enumerate(found):
        if seg.person is not None or not TWINS.search(seg.text) or _UNBORN.search(seg.text):
            continue  # 「双子が生まれる予定です。上の子は3歳」: twins on the way take no one's age
        for k in range(i + 1, min(i + 6, len(found))):
            later = found[k]
            if later.person is None and (later.reference in ("older", "younger", "middle")
                                         or (ALL_CHILDREN.search(later.text) and not CHILD_NOUN.search(later.text))):
                continue  # 「双子の兄は特別支援学級、弟は…。2人とも小3」: the twins' facts, kept as they are
            if later.person is None and (_sex(later.text) or not later.text.strip()) and not TWINS.search(later.text):
                continue  # "a boy", "both girls": who the twins are
            if later.person is not None and later.person.kind == "child" and not later.person.twins \
                    and not _SINGULAR_CHILD.search(later.text):  # "Expecting twins! Our son is 3": someone else
                said = [j for j in range(i, k + 1) if found[j].reference not in ("older", "younger", "middle")
                        and (j in (i, k) or not ALL_CHILDREN.search(found[j].text))]
                sexes = {_sex(found[j].text) for j in range(i, k + 1) if j > i or j not in said} - {None}
                later.person.twins, later.person.multiple = True, multiple(seg.text)
                later.person.sex = sexes.pop() if len(sexes) == 1 else None
                later.text = " ".join(found[j].text for j in said)
                for j in said[:-1]:
                    found[j] = Segment("", None, None)
            break


PLACE_FOR_ALL = re.compile(r"(区内|区外|区立|千代田区?|[^\s、。]{1,3}区)の?"
                           r"(保育園|保育所|こども園|保育施設|小学校|中学校)[にへ]")


def _share_place(found: list[Segment]) -> None:
    """「区内の保育園に3歳の息子と1歳の娘を預けています」: a place said before a list of children
    joined by 「と」 is where all of them go."""
    for i in range(1, len(found)):
        prev, seg = found[i - 1], found[i]
        if seg.joined_by_to and prev.person and seg.person and (place := PLACE_FOR_ALL.search(prev.text)) \
                and not PLACE_FOR_ALL.search(seg.text):
            seg.text = f"{place.group(0)}{seg.text}"
        elif seg.joined_by_to and prev.person and seg.person and prev.person.kind == "child" == seg.person.kind \
                and (first := _LEADING_AGE.search(prev.text)) and _ATTRIBUTIVE.search(prev.text[:first.start()]) \
                and _LEADING_AGE.match(seg.text):
            # 「放課後デイを使っている8歳と5歳の息子たち」: the clause before the first age is said of the list
            seg.text = f"{prev.text[:first.start()]}{seg.text}"


# the first age of a segment, and a clause ending in a verb that modifies what follows (「…使っている」「…通う」)
_LEADING_AGE = re.compile(r"\s*\d{1,2}\s*(?:歳|才)")
_ATTRIBUTIVE = re.compile(r"[^\s、。]{2,}(?:て|で)(?:い)?る$|[^\s、。]{2,}(?:う|く|す|つ|む|る|た|だ)$")


def _respectively(found: list[Segment]) -> None:
    """"a boy and a girl, aged 8 and 5" / 「息子と娘がいて、8歳と5歳です」: k children named without an
    age, then k ages without a noun: paired in order."""
    i = 0
    while i < len(found):
        names = 0
        while (i + names < len(found) and found[i + names].person is None
               and found[i + names].reference is not None and found[i + names].reference != "adult"
               and _sex(found[i + names].text)):
            names += 1
        ages = found[i + names:i + 2 * names]
        if names >= 2 and len(ages) == names and all(_bare_age(seg) is not None for seg in ages):
            for k in range(names):
                noun, seg = found[i + k], ages[k]
                found[i + names + k] = Segment(noun.text + " " + seg.text,
                                               Person("child", age=_bare_age(seg), sex=_sex(noun.text)), None)
                found[i + k] = Segment("", None, None)  # the noun is read with its age
            i += 2 * names
        else:
            i += max(names, 1)


def _bare_age(seg: Segment) -> int | None:
    """The age of a segment that says only an age (「8歳」 "aged 8" "5"), else None."""
    if seg.person is not None and seg.person.kind == "child" and seg.person.school_year is None \
            and not CHILD_NOUN.search(seg.text) and not ADULT_NOUN.search(seg.text):
        return seg.person.age
    bare = BARE_NUMBER.match(seg.text)
    return int(bare.group(1)) if bare and int(bare.group(1)) < 23 else None


# "my daughter, 8, who goes to a ward school": the number, then a relative clause about the same person.
NUMBER_THEN_RELATIVE = re.compile(r"^\s*(\d{1,2})\s*,\s*(?:who|which)\b")


def _number_after_noun(found: list[Segment]) -> None:
    """"my grandmother, 91, lives with us" / 「長男、8歳」 / "my father-in-law, who is 85": an age right
    after a person named without one is that person's age."""
    for i in range(1, len(found)):
        before, seg = found[i - 1], found[i]
        if (before.person is None and before.reference in ("adult", "child", "older", "younger", "middle")
                and not BOTH_NAMED.search(before.text)
                and (seg.person is not None or _age(seg.text) is not None  # "raising our grandson, he's 15"
                     or (before.reference == "adult" and _band(seg.text) is not None))  # "my father, mid-80s,"
                and (seg.person is None or seg.person.school_year is None or TWINS.search(before.text))
                and not CHILD_NOUN.search(seg.text) and not ADULT_NOUN.search(seg.text)
                and (TWINS.search(before.text) or not ALL_CHILDREN.search(seg.text))
                and (_sex(before.text) is None or pronoun_sex(seg.text) in (None, _sex(before.text)))):
            # "two daughters; he is 12": not theirs
            # 「…、妹は持っていません。2人とも6歳」: an age of both is not hers alone
            joined = read_segment(before.text + " " + seg.text, False)
            if joined.person is not None:
                if joined.person.sex is None and seg.person is not None:
                    joined.person.sex = seg.person.sex  # shared from the list it is in (「…6歳と5歳の男の子」)
                joined.joined_by_to = seg.joined_by_to
                # the noun's facts are now the person's, unless the noun names several (「子どもは2人とも区外」)
                found[i - 1], found[i] = Segment(before.text if names_several(before.text) else "", None, None), joined
                continue
        bare = BARE_NUMBER.match(seg.text) or NUMBER_THEN_RELATIVE.match(seg.text)
        if bare and before.person is not None and before.person.kind == "adult" and PAIR_OF_ADULTS.search(before.text) \
                and int(bare.group(1)) >= 23:
            found[i] = Segment(seg.text, Person("adult", age=int(bare.group(1))), None)  # "my parents are 70 and 68"
            continue
        if not bare or before.person is not None or before.reference not in ("adult", "child", "older", "younger",
                                                                                "middle"):
            continue
        n = int(bare.group(1))
        if before.reference == "adult" and n >= 15:
            found[i] = Segment(before.text + seg.text, Person("adult", age=n), None)
        elif before.reference != "adult" and n < 23:
            found[i] = Segment(before.text + seg.text, Person("child", age=n, sex=_sex(before.text)), None)
        else:
            continue
        found[i - 1] = Segment(before.text if names_several(before.text) else "", None, None)
