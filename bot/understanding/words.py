"""Word lists: what residents write, mapped to household facts. Edit here, not in the rules."""

from __future__ import annotations

import re

CHILD_NOUNS = (r"息子さん|息子|娘さん|娘|男の子|女の子|坊や|ぼうや|坊主|ぼうず|せがれ|倅|お嬢さん|長男|長女|次男|次女|三男|三女|男児|女児|男子|女子|孫|子ども|子供|こども|お子さん|"
               r"赤ちゃん|双子|三つ子|3つ子|歳児|お?兄ちゃん|お?姉ちゃん|兄|弟|姉|妹|子|"
               r"\b(?:grand|step)?(?:sons?|daughters?)\b|\bboys?\b|\bgirls?\b|\blads?\b|\bchild(?:ren)?\b|\bkids?\b|\bbab(?:y|ies)\b|"
               r"\btoddlers?\b|\btwins?\b|\btriplets\b|\binfants?\b|\bnewborns?\b|\bbrothers?\b|\bsisters?\b|\beldest\b|"
               r"\byoungest\b|\boldest\b|little one|older one|younger one")
# 兄弟・姉妹 name siblings of either sex: not a sex.
MALE = re.compile(r"[（(]男(?:子|児)?[)）,、]|(?<!fe)\bmale\b|息子|男の子|長男|次男|三男|男児|男子|孫息子|坊や|ぼうや|坊主|ぼうず|せがれ|倅|男の双子|兄(?!弟|妹)|(?<![兄姉])弟|\b(?:grand|step)?sons?\b|\bboys?\b|\blads?\b|\bbrothers?\b")
FEMALE = re.compile(r"[（(]女(?:子|児)?[)）,、]|\bfemale\b|娘|女の子|お嬢さん|長女|次女|三女|女児|女子|姉妹|女の双子|姉(?!妹|弟)|(?<![兄姉])妹|daughters?|\bgirls?\b|\bsisters?\b")
# "my parent" (one parent of the resident's, like 親: no relation) only after a possessive or an age
# word, so "I am a single parent" / "as a parent" stay about the resident; "my folks" are both, like
# "my parents" (people.PAIR_OF_ADULTS).
ONE_PARENT = r"(?:(?<=\bmy )|(?<=\bour )|(?<=\belderly )|(?<=\baging )|(?<=\bageing )|(?<=\bold )|(?<=-old ))parent\b"
FOLKS = r"(?:(?<=\bmy )|(?<=\bour ))folks\b"
ADULT_NOUNS = (r"おばあちゃん|おじいちゃん|ばあば|じいじ|祖母|祖父|義母|義父|母親|父親|母|父|両親|親|夫|妻|主人|旦那|私(?!立)|わたし|"
               r"grandmother|grandfather|grandma|grandpa|mother|father|mom|dad|husband|wife|\bi\b|\bi'm\b|myself|"
               r"\bparents\b|grandparents|in-laws|\bspouse\b|\bpartner\b|" + ONE_PARENT + "|" + FOLKS)
# Who an adult noun names, so that 「主人が…。私も…」 are two people, and 「母は80歳。母は物忘れが…」 one.
# 親/両親 are left out: they may be either parent, or both.
ADULT_WHO: list[tuple[re.Pattern[str], str]] = [
    # In-laws first: 「主人の母」 names the mother-in-law, not the husband (「私の母」 is caught below
    # by 母, which is tried before 私).
    (re.compile(r"義母|義理の母|(主人|夫|旦那|妻)のお?母|mother-in-law|(husband|wife)'s mother"), "mother_in_law"),
    (re.compile(r"義父|義理の父|(主人|夫|旦那|妻)のお?父|father-in-law|(husband|wife)'s father"), "father_in_law"),
    (re.compile(r"祖母|おばあちゃん|ばあば|grandmother|grandma"), "grandmother"),
    (re.compile(r"祖父|おじいちゃん|じいじ|grandfather|grandpa"), "grandfather"),
    (re.compile(r"主人|夫|旦那|husband"), "husband"),
    (re.compile(r"妻|wife"), "wife"),
    (re.compile(r"母親|母|mother|\bmom\b"), "mother"),
    (re.compile(r"父親|父|father|\bdad\b"), "father"),
    (re.compile(r"私(?!立)|わたし|\bi\b|\bi'm\b|myself"), "me"),
]


def adult_who(text: str) -> str | None:
    """The relation the words name (母 → mother, 私 → me), the first pattern that matches; None when none does."""
    return next((who for pattern, who in ADULT_WHO if pattern.search(text)), None)

# Kinds of business residents name when they say they run one (「飲食店を経営」 "run a family restaurant").
_BUSINESS_JA = r"事務所|事業|商店|工房|診療所|治療院|接骨院|薬局|会社|お店|店|(?<!部)屋|店舗|飲食店|企業|事業所|工場|工務店|クリニック|医院|法人|カフェ|レストラン|美容院|サロン"
_BUSINESS_EN = (r"business|company|firm|shop|store|restaurant|cafe|clinic|office|bakery|salon|bar|agency|factory|studio|"
                r"workshop|consultancy|practice")

# (pattern, scope, field, value). Scope "child"/"adult" facts attach to a member; "household" to the household.
FACTS: list[tuple[re.Pattern[str], str, str, object]] = [
    (re.compile(r"(?<!母子)(?<!母子健康)(?<!お薬)(?<!薬)(身体障害者手帳|療育手帳|愛の手帳|精神障害者保健福祉手帳|障害者手帳|障がい者手帳|"
                r"(?<![a-z])手帳|てちょう|disability certificate|(?<!birth )(?<!marriage )(?<!death )\bcertificate\b|(?:disability|handicap|ryoiku|rehabilitation|welfare|"
                r"physical disability|mental disability|intellectual disability|mental health) (?:certificate|card|handbook)|"
                r"\btecho\b)"), "member", "disability_certificate", True),
    # 「障害はありません」 "no disabilities": said to tell there is no certificate either
    (re.compile(r"(?:no|n't have any|not have any|without any|without)\s+(?:\w+\s+)?disabilit(?:y|ies)|"
                r"\b(?:neither|none)\b[^.;]{0,30}\b(?:has|have) (?:a |any )?disabilit(?:y|ies)|"
                r"障[害がい]+(?:は|も)(?:ありません|ない|なし)|障[害がい]+なし|"
                # 「障害や病気はありません」「障害も病気もない」: one negation after a list that starts with it
                r"障[害がい]+(?:や|とか|も|、)[^。、!！?？]{0,10}?(?:は|も)(?:特に)?(?:ありません|ない|なし|なく)"), "member", "disability_certificate", False),
    # 「病気もなく元気です」「持病はありません」: said to tell there is no chronic disease
    (re.compile(r"(?:病気|持病|慢性疾患)(?:は|も)?(?:特に)?(?:ない|無い|なく|ありません|なし)"), "child", "chronic_disease", False),
    (re.compile(r"小児慢性特定疾病|小児慢性|小慢|chronic (?:disease|illness|condition)|chronic specific|specified pediatric|chronic (?:pediatric|paediatric|childhood) (?:disease|illness|condition)|"
                r"long-term illness"), "child", "chronic_disease", True),
    (re.compile(r"療育(?!手帳)|グレーゾーン|発達(?:に|の)?(?:凸凹|でこぼこ|偏り|特性)|(?<![a-z])asd(?![a-z])|(?<![a-z])ld(?![a-z])|\bspeech delay|"
                r"\blanguage delay|delayed speech|speech therapy|\bdyslexi|therapy for (?:his|her|their) development|"
                r"発達(?:の)?(?:検査|相談)|発達(?:に|の|面で|面に)(?:不安|心配|遅れ|偏り)|発達が[^。、]{0,4}?(?:遅め|遅い|遅れ)|発達外来|"
                r"知的障[害がい](?!者手帳)|(?:言葉|ことば)が(?:まだ)?出(?:ません|ていません|てない)|"
                r"(?:isn't|is not|hasn't started|not yet) talking|(?:doesn't|does not) (?:talk|speak) (?:yet|much)|"
                r"発達が気に|発達の(?:心配|不安|問題)|発達面|発達障害|発達の遅れ|発達に課題|(?:言葉|ことば|発語|言語)(?:の|が)[^。、]{0,6}?(?:遅れ|遅い|ゆっくり|出ない|出てない|出なく|出てこな|少な)|発達がゆっくり|自閉|adhd|developmental|autis|learning disabilit"),
     "child", "developmental_concern", True),
    (re.compile(r"放課後等デイ|放課後デイ|放デイ|ほうでい|児童発達支援|児発|発達支援(?:教室|センター|事業所)|"
                r"child development (?:center|centre)|レスパイト|after[- ]school day|child development support|"
                r"development support (center|centre)|respite|day services? for (?:[\w-]+ )?(children|kids)|houkago|hodei"), "child",
     "uses_disability_services", True),
    (re.compile(r"特別支援学級|(?<!特別)支援学級|支援級|special[- ](?:needs|support|education) class|support class|special class"),
     "child", "special_needs_class", True),
    # 「普通学級」 "a regular class": said to tell the child is not in a special-needs class
    (re.compile(r"普通学級|通常学級|通常の学級|普通クラス|通常級|普通級|(?:regular|mainstream|normal|general) class(?:es|room)?"),
     "child", "special_needs_class", False),
    (re.compile(r"不登校|学校に行けな|学校へ行けな|学校に行けてい(ない|な|ません)|学校へ行けてい(ない|な|ません)|学校に行けてな|学校に行きたがらな|学校に行きたがりません|学校(?:に|へ)行きたがらず|学校に行っていな|"
                r"学校(?:に|へ)(?:は)?(?:行って|通って)(?:い|お)?(?:ない|な|ません)|学校(?:に|へ)(?:は)?行かな(?:くな|い)|"
                r"学校(?:に|へ)行きたくな|登校して(?:い|お)?(?:ない|な|ません)|フリースクール|"
                r"登校できな|行き渋|行きしぶ|登校しぶり|登校渋り|学校を休み続け|(?:ずっと|しばらく|長く|長期間?)学校を休|登校拒否|学校を休みがち|school refusal|"
                r"(hasn't|has not|haven't) (been|gone|attended|been going)( to)? school|not attending school|school avoidance|"
                r"avoid(s|ing) school|stay(s|ing)? home from school|"
                r"(?:trouble|difficulty|struggling|struggles) (?:going to|attending|getting to) school|"
                r"(?:rarely|seldom|hardly ever|barely|only sometimes|sometimes only) (?:goes|go|going|attends?) (?:to )?school|"
                r"(?:only )?(?:goes|go) to school (?:only )?(?:sometimes|occasionally|once in a while)|"
                r"(?:hasn't|has not|haven't|hasnt) (?:attended|been to) (?:class|classes|school)|"
                r"refuses? to go to school|school refus|(?:doesn't|does not|don't|won't) want to go to school|"
                r"(?:been )?absent from school (?:for|since)|\bfree school\b|refus(?:e|es|ed|ing) (?:to attend )?school|won't go to school|"
                r"(doesn't|does not|can't|cannot|isn't|is not|stopped) (go(ing)? to|attend(ing)?|going to) school|"
                r"stopped going to school|not going to school|truan|skip(?:s|ping)? school|miss(?:es|ing)? school"),
     "child", "school_refusal", True),
    # "goes to school every day", 「毎日元気に登校しています」: said to tell the child does not refuse school
    (re.compile(r"(?:goes|go|going) to school (?:every ?day|fine|normally|without (?:any )?problems?|happily)|"
                r"(?:attends|attending) school (?:every ?day|normally|regularly)|毎日(?:元気に)?(?:学校に(?:行|通)|登校)|"
                r"(?:学校|登校)(?:は|に)?(?:毎日|普通に|元気に|問題なく)"), "child", "school_refusal", False),
    # ("her memory is not so good": the negation is the concern's own words, so it comes before "memory")
    (re.compile(r"memory (?:(?:is|has been|was) not|isn't|hasn't been|wasn't) (?:so |very |that |as )?(?:good|great|sharp|what it)|"
                r"memory is (?:getting )?(?:bad|worse|poor|failing|going)|\bpoor memory|記憶力が(?:落ち|低下|悪く)|"
                r"物覚えが悪|"
                r"物忘れ|もの忘れ|ものわすれ|認知症|軽度認知|mci|memory|forgetful|forgets|dementia|cognitive|alzheimer|"
                r"forget(?:ting)? (?:things|names|where|what|appointments)|repeats? (?:herself|himself|themselves|"
                r"the same)|同じこと(?:を)?(?:何度も|繰り返)|忘れっぽ|"
                r"(trouble|difficulty|a hard time|problems) remembering|(can't|cannot|doesn't|does not) remember|"
                r"getting confused|ボケ(?:て|始め|が)|ぼけ(?:て|始め|が)|呆け(?:て|始め|が)|"
                r"signs of dementia|dementia signs|confused (?:a lot|often|lately)"), "adult", "memory_concern", True),
    # 「食欲はちゃんとあります」 "eats well": said to tell there is no nutrition concern
    (re.compile(r"食欲(?:は|も)(?:ちゃんと|しっかり|普通に|十分|まあまあ)?(?:あ(?:る|ります|って)|旺盛)|よく食べ|"
                r"(?:eats|eating) (?:well|normally|fine)|(?:good|healthy) appetite"), "adult", "nutrition_concern", False),
    (re.compile(r"食(?:が|も)?細|やせて|痩せて|やせた|痩せた|体重が減|低栄養|食欲がな|食欲が落ち|食べ(ない|ません|なくな|られな)|食事の量が減|食事(?:を|も|が)?(?:あまり|なかなか|十分に?)?(?:とら|取ら|摂ら|とれ|取れ|摂れ)(?:な|ません|ていな|ていません)|食べる量が減|"
                r"食欲(?:が|も)(?:落ち|減|なく|ない)|"
                r"\b(?:gotten|got|getting|become|grown) (?:very |so |really )?thin\b|(?:hardly|barely|rarely) eats?|"
                r"eating less|losing weight|lost (a lot of )?weight|appetite|not eating|eats (very )?little|underweight|"
                r"(doesn't|does not|don't|can't|cannot) eat (much|enough|well|a lot)|"
                r"weight loss|\bgetting thin(?:ner)?\b|体重が[^。、]{0,8}?(?:減|落ち)|食事を(?:よく)?残す|"
                r"\b(?:eating|eats) (?:poorly|badly|very little)\b|\bpoor appetite\b"), "adult",
     "nutrition_concern", True),
    (re.compile(r"重度の障害|重い障害|重度障害|寝たきり|severe(ly)? disabilit|severely disabled|bedridden|"
                r"重度(?:の|な)?(?:身体|知的|精神|重複|心身)(?:の)?障[害がい]|重度訪問介護|重度心身障|重症心身障|障[害がい]が(?:重い|重く|重度)|"
                r"(?:身体|知的|精神)?障[害がい](?:の程度)?は重度|重い(?:身体|知的|精神)障[害がい]|"
                r"\b(?:serious|profound|severe)(?:ly)? (?:physical |intellectual |mental |multiple )?(?:disabilit|handicap|impair)|"
                r"bed-ridden"), "adult",
     "severe_disability", True),
    # 「手帳はあるが重度ではありません」 "not severe": a certificate said to be of a light grade
    (re.compile(r"重度(?:では|じゃ)(?:ありません|ない|なく)|重く(?:は)?(?:ありません|ない)|\bnot severe(?:ly)?\b|"
                r"\b(?:isn't|is not|wasn't) severe\b"), "adult", "severe_disability", False),
    (re.compile(r"妊娠|妊婦|出産予定|おなかに赤ちゃん|お腹に赤ちゃん|臨月|つわり|(?:おなか|お腹)の(?:子|赤ちゃん)|"
                r"(?<!の)予定日(?:は|が)|trimester|morning sickness|生まれる予定|pregnant|expecting a baby|due in|"
                r"(is|am|are|we're|i'm|she's|were) expecting\b|baby (is )?due|"
                r"(?:^|[.!;]\s*)expecting (?:a |our |my |twins|triplets|another|baby)|"
                r"(?:having|have) (?:a|another|our (?:first|second|third)) baby (?:in|this|next|soon|due)|"
                r"baby (?:is )?on the way|(?:our|a|my|the|new)(?: \w+)? baby (?:is )?(?:coming|arriving|due)|"
                r"\b(?:we|i|she|wife)(?:'re|'m|'s| are| is| am)? expecting (?:a |our |my |another )?(?:baby|child|twins)|赤ちゃんが(?:生まれ(?:る|ます)|できました)|"
                r"(?:[2-5]|二|三|四)人目(?:が|の子が?)?(?:生まれ(?:る|ます)|産まれ(?:る|ます)|できました|できた|を妊娠|がお腹)"), "household", "pregnant", True),
    (re.compile(r"教育ローン|教育資金の貸|教育資金を借|education loan|student loan for my|tuition loan|"
                # 「学費のためにローンを組んで」 "borrowed money for our son's tuition": a loan for schooling
                r"(?:学費|進学費用|進学資金|入学金|授業料|教育費)[^。、]{0,10}?(?:ローン|借り)|"
                r"\b(?:loan|borrowed (?:money|\d+)|borrowing)\b[^.;]{0,45}\b(?:tuition|college|university|school fees)\b|"
                r"student loan for (?:my|our|his|her|the)\b|"
                r"loan for (?:my|our|his|her|the) (?:\w+'s |kids' |children's )?(?:university|college|tuition|education|"
                r"school fees)"), "household",
     "education_loan", True),
    # 「去年完済したので今は借りてない」 "we paid it off": a loan no longer held (the household's only loan fact)
    (re.compile(r"(?<!教育ローンは)(?<!教育ローンを)(?:今は|もう)?借りて(?:い)?(?:ない|ません)|完済|返し終わ|返済し終わ|"
                r"\bpaid (?:it |them |the loan |everything )?(?:off|back)\b|\brepaid\b"), "household",
     "education_loan", False),
    (re.compile(r"(親|実家|両親|祖父母).{0,6}(近く|そば|近所)[にへ]?.{0,6}(引っ越|引越|住み替え|転居|住みたい|住む予定|移りたい|移る予定)|"
                r"近居(?:する|したい|のため|予定|を考え|を予定|を検討)|"
                r"(?:near|closer to|close to) (?:my|our) (?:wife's|husband's|partner's) (?:parents|mother|father|mom|dad)|"
                r"(near|closer to) (my|our) parents|move in with (my|our|her|his) (parents|mother|father|mom|dad)|"
                r"(near|closer to) (my|our|her|his) (mother|father|mom|dad|in-laws)"), "household", "moving", "near_parents"),
    (re.compile(r"(広い|大きい|大きな|広め)の?(家|部屋|住宅|マンション|ところ)[にへ]?.{0,6}(引っ越|引越|住み替え|転居)|"
                r"(bigger|larger) (home|house|apartment|flat|place)"), "household", "moving", "larger_home"),
    (re.compile(r"経営(は)?(していません|していない|してない)|会社員|会社勤め|勤め人|"
                r"(?:事業|会社|店|お店|商売)(?:は|を|も)?(?:もう)?(?:畳み|畳んで|たたみ|たたんで|閉め|閉じ|やめ|辞め)|廃業|"
                r"(?:closed|shut down|sold) (?:our|my|the) (?:business|company|shop|store)|"
                r"(事業|商売|自営)(は|を|も)?(していません|していない|してない|してません|やっていません|やってない|やってません|"
                r"やっていない|やっておりません)|\bemployee\b|"
                r"\bwork (for|at) (?:an? |big |different |other |separate )?([\w-]+ ){0,2}(compan(?:y|ies)|firms?|banks?|offices?)|"
                r"don't run a business|公務員|civil servant|public servant|government employee|"
                r"(not|n't|never) (run|running|own|owning|have|having) (a|any) (business|company)|"
                r"(don't|do not) (own|have|run) a (business|company)|office worker|salaried"), "household",
     "business", "none"),
    (re.compile(r"中小企業|開業医|開業して(?:い|お)|(?<!会社員の)社長をして(?:い|お)|"
                r"うちは[^。、\s]{1,6}(?:屋|商店|店)(?:です|をして|をやって)|(?<!会社は)会社を経営(?!していな|していま?せん)|"
                r"(?:院|屋|店|教室|事務所|塾|薬局|スタジオ|サロン|カフェ|工房)をして(?:い|お)|"
                r"(?<!会社は)(?<!店は)(?<!スタートアップ)(?<!ベンチャー)を(?:[^。、をはが]{1,6}で)?(?:経営|営ん|自営)(?!していな|していま?せん|してな|したい|する予定)|会社経営|自営業|お店を経営|店を経営|"
                rf"({_BUSINESS_JA}|ネイルサロン|教室|塾|整体院|歯科|事務所)[^。、]{{0,8}}?(を|の)?(やって(?!な|ま?せん|いな|いま?せん|お?りませ)|営んで|開いて|開業して|構えて|営業して|経営(?!は|していな|していま?せん|してな)|運営して)|"
                rf"({_BUSINESS_JA}|事務所)の(社長|代表|経営者|オーナー)|家業|(店|商店|会社|[^\s、。]{{1,3}}屋)を継|small business|"
                rf"\bowner of (a|an|my|our|the) ([\w-]+ ){{0,3}}({_BUSINESS_EN})\b|"
                r"\b(have|has|having) (my|our|his|her|their) own (business|company|shop|firm|store)\b|"
                r"\b(?:has|have) (?:a|an|her|his|their) (?:own )?(?:[\w-]+ ){0,2}(?:shop|store|restaurant|cafe|"
                r"bakery|salon|clinic|business|company|firm|agency|consultancy|studio|practice|workshop)\b"
                r"(?! (?:trip|meeting|card|account|car|phone|event|dinner|party|job|policy|plan))|"
                rf"\b(own|owns|owning|run|runs|running|operate|operates|operating|manage|manages|managing) "
                rf"(a|an|my|our|the|his|her) (own )?"
                rf"([\w-]+ ){{0,3}}({_BUSINESS_EN})\b|\b({_BUSINESS_EN}) owner|\b(ceo|president) of (a|an|my|our)\b|"
                r"my own company|run (a|my|our) ([a-z]+ ){0,2}(business|company|firm|shop|store|restaurant|clinic|office)|self-employed|business owner|own (a |my own |our own |an? )?(small )?"
                r"(company|business|shop|store|restaurant)|run (my|our) own|(a|my|our) (small )?family business|"
                r"sole proprietor"), "household", "business", "sme"),
    (re.compile(r"スタートアップ|ベンチャー|起業(し|した|して)|(会社|事業)を(立ち上げ|設立|興し|起こし)|"
                r"\b(we're|we are|i'm|i am|it's|it is|is) (?:also |still |actually )?(?:kind of |sort of |like |basically )?"
                r"an? ([\w-]+ )?start-?up\b|"
                r"(founded|started|launched|set up) (a|an|my|our) (own )?(?:[\w-]+ ){0,2}(company|business)|"
                r"(run|runs|running|own|owns|have|has|having|founded|started|launched|my|our) "
                r"(a |an |my |our )?(?:[\w-]+ ){0,2}start-?up|start-?up (founder|owner)|venture (company|business)"),
     "household", "business", "startup"),
]

# Tokyo's other wards and nearby cities, as residents name them in English.
_OTHER_WARDS_EN = (r"minato|chuo|shinjuku|bunkyo|taito|sumida|koto|shinagawa|meguro|ota|setagaya|shibuya|nakano|"
                   r"suginami|toshima|kita|arakawa|itabashi|nerima|adachi|katsushika|edogawa|kawasaki|yokohama|"
                   r"saitama|chiba|musashino|mitaka")
DAYCARE_PLACES = (r"保育園|保育所|認定こども園|こども園|保育施設|保育室|託児所|小規模保育|家庭的保育|保育ママ|認可外|認証保育|"
                  r"(?<=の)認証(?=に|へ|で|です)|(?<=の)認可(?=に|へ|で|です)|認可園|認証園|(?<=区立)園|(?<=区立の)園|day[- ]?care|nursery|"
                  r"child ?care (?:center|centre|facility)|creche|hoikuen|hoikusho")
DAYCARE_WARD = re.compile(rf"(区内|千代田区?|区立|ward|chiyoda).{{0,6}}({DAYCARE_PLACES})|"
                          rf"({DAYCARE_PLACES})[^。、]{{0,12}}[(（](?:千代田)?区内[)）]|"
                          rf"({DAYCARE_PLACES})[はがも]\s*千代田|"
                          rf"({DAYCARE_PLACES}) (?:run|operated) by (?:the )?(?:ward|chiyoda)|"
                          rf"(^|[はがもをにのでと、\s])(?<!隣の)(?<!他の)(?<!別の)(?<!よその)(?<!ほかの)区の(認可|認証)?({DAYCARE_PLACES})|"
                          rf"({DAYCARE_PLACES}).{{0,6}}(区内)|({DAYCARE_PLACES})(?:(?!\bnot\b)[^.;]){{0,45}}(?<!not )(in|near) "
                          r"(chiyoda|the ward|our ward)|"
                          rf"({DAYCARE_PLACES})[^.;]{{0,20}}(run|operated|managed) by (the|our) ward")
DAYCARE_OTHER = re.compile(rf"(区外|(?:隣|他|別|よそ|ほか)の区|(?<!千代田)(?<!千代)[^\s、。はがもをにのでと]{{1,3}}区|[^\s、。]{{1,3}}市).{{0,12}}({DAYCARE_PLACES})|"
                           rf"({DAYCARE_PLACES})[はがも]?[（(]?(区外|千代田区外|他区)|"
                           rf"({DAYCARE_PLACES})[はがも][^。]{{0,12}}?(区外|他区|(?:隣|他|別)の区)|"
                           rf"({DAYCARE_PLACES})[はがも]\s*(?!千代田)[^\s、。はがもをにのでと]{{1,3}}区(?!内|立)|"
                           rf"({DAYCARE_PLACES})[^.;]{{0,30}}\bin ({_OTHER_WARDS_EN})\b|"
                           r"outside (of )?(the ward|chiyoda)|(?!chiyoda)[a-z]+[- ](ku|ward|city) (day[- ]?care|nursery)|"
                           r"(day[- ]?care|nursery)[^.;]{0,20} in (another|a different|a neighbou?ring) (ward|city)|(daycare|nursery|preschool)( center| centre| school)? "
                           r"in (?!chiyoda|the ward|our ward)[a-z]+|(daycare|nursery).{0,20}(another|a different) ward")
DAYCARE_NONE = re.compile(rf"(?:どこにも|まだ)(?:預けて|通わせて|入れて)(?:い|お)?(?:な|ません|らず)|({DAYCARE_PLACES})[にはへ]*(行って|通って|入って|入れて|預けて)(い|お)?(な|ません|らず|りません)|"
                          rf"({DAYCARE_PLACES})[にはへ]*(入れず|入れられず|入れなか|入れなく|入れない|入れません|入園できず|落ち)|待機児童|待機中|保活中|入園待ち|空き待ち|自宅保育|"
                          r"家で(見|みて|育て)|自宅で(見|みて|育て|保育)|(?:家|自宅)に(?:い|居)(?:る|ます)|no day[- ]?care|(is|stays?) (at )?home\b|"
                          r"waiting for (?:a |any )?(?:day[- ]?care|nursery) (?:spot|place|opening|slot)|"
                          r"(not|n't) (in|at|go to|going to|attend|attending|use|using) (a |any )?(ward )?"
                          r"(day[- ]?care|nursery)|waiting list|wait-?list|(stays?|cared for|looked after) at home|"
                          r"at home with (me|us|my)|(isn't|is not|not) (yet )?enrolled|"
                          r"(hasn't|has not|haven't) (started|got into|gotten into) (a |any )?(day[- ]?care|nursery)|no (daycare|nursery) (spot|place)|(look(s|ing|ed)? after|car(e|es|ed|ing) for|tak(e|es|ing) care of|"
                          r"rais(e|es|ing)|keep(s|ing)?|kept) (him|her|them|(my|our|the) [a-z-]+( [a-z-]+)?) at home")
SCHOOL_KUDAN = re.compile(r"九段中等|kudan(?! (?:elementary|primary|kindergarten))")  # 九段小 is a ward school
# The ward's schools by name, in English.
_WARD_SCHOOLS_EN = r"kojimachi|bancho|fujimi|ochanomizu|shohei|izumi|kudan|kanda[- ]hitotsubashi|chiyoda"
# In Chiyoda a public (公立) elementary or junior high school is a ward school; 都立 says so.
SCHOOL_WARD = re.compile(r"区立(の)?(小学校|中学校|小|中|学校)|公立の?(小学校|中学校|小学|中学|小(?!児|規模)|中(?!等))|区の?(小学校|中学校|小学|中学|小(?!児|規模|さ)|中(?!等|で|に|を|の|は|心|央|から))|"
                         r"区立(?!の?(保育|こども園|認定|幼稚園|園|図書館|住宅|施設|病院|高))|\bpublic[- ]school\b|"
                         r"public (elementary|junior high|middle|primary)\b|school run by (the|our) ward|"
                         rf"\b({_WARD_SCHOOLS_EN}) (elementary|junior high|middle|primary)\b|"
                         # "in 2nd year of junior high at Kojimachi", "attends Bancho": the school, named after
                         rf"\b(elementary|junior high|middle|primary|grade|school)\b[^.;]{{0,25}}\bat ({_WARD_SCHOOLS_EN})\b"
                         r"(?! (?:kindergarten|nursery|day))|"
                         rf"\b(attends?|attending|goes to|go to) ({_WARD_SCHOOLS_EN})\b(?! (?:kindergarten|nursery|day|station))|"
                         r"public (elementary|junior high|middle|primary) school|(麹町|九段|番町|富士見|千代田|お茶の水|昌平|和泉|神田一橋)(小|中)学校|"
                         r"(麹町|番町|富士見|お茶の水|昌平|和泉|九段)小(?!児)|(麹町|神田一橋)中(?!等)|"
                         r"(ward|chiyoda)[- ]?(run |operated |public |city )?(school|elementary|junior|middle|primary)|"
                         r"(public|municipal|local) (elementary |junior high |middle |primary )?(school )?"
                         r"in (chiyoda|the ward)")
SCHOOL_OTHER = re.compile(r"私立|都立|国立|インター|公立の?高|international school|public (senior )?high school|"
                          r"\b(?:school|it) is (?:a )?(?:private|metropolitan|national|international)\b|"
                          r"\b(?:school|elementary|junior high|high)\s*\((?:private|metropolitan|national)\)|"
                          r"(private|metropolitan|national)( [a-z]+)? (school|elementary|junior|middle|high|primary)")

# Said of a fact right after it, these leave it unknown: 「妊娠したかもしれない」「手帳を申請中です」.
HEDGE = re.compile(r"かもしれ|^(?:を|が)?(?:したい|してほしい|希望|望ん|考えて)|^活|検討中|検討して|考えて(?:い)?ます|考え中|\bconsidering\b|thinking (?:about|of)|(?<!と)かも(?!く)|未確定|確定していな|まだ分から|まだわから|申請中|申請して(いる|います|ます)|申請する予定|"
                   r"申請予定|取る予定|取得予定|検査中|maybe|might|not sure yet|applying|applied for")
# 「教育ローンを借りる予定」: a plan in the fact's own clause (not for a birth: 「生まれる予定」 is a pregnancy)
PLANNED = re.compile(r"^[^。、,.]{0,8}?(?:予定|つもり)")
HEDGE_BEFORE = re.compile(r"((might|may|maybe|possibly|could)( be| have)?\s*$)|"
                          r"\b(?:want|wants|wanting|plan|plans|planning|hope|hoping|try|trying|wish) to (?:get|become|be)?\s*$|"
                          r"(not sure|unsure|don't know|do not know|wondering) (if|whether)\b[^.;]{0,30}$")
ALL_CHILDREN = re.compile(r"どちらも|どっちも|2人とも|ふたりとも|二人とも|3人とも|両方|全員|誰も|みんな|both|all of them|neither|"
                          r"none of them|none of my|none of our|all (?:my|our|the) (?:kids|children)|all \d of them")
# (whole English words: "showing" is no "how")
# (「相談したら療育をすすめられました」 is what happened, not a supposition)
HYPOTHETICAL = re.compile(r"[?？]|ですか|ますか|って何|とは|について|"
                          r"(?:したら|なったら)(?![^。?？]{0,30}(?:ました|でした|れた|った)(?:[。!！]|$))|向けの|の支援|\bif i\b|\bwhat is\b|\bhow\b")
NEGATION = re.compile(r"((?:^|は|も|とか|とかも)(?:特に|全然|あまり)?(?:ない|無い|なく|ありません)|\b(?:is|are|seems?|has been) (?:fine|ok|okay|good|normal)\b|問題(?:は)?(?:ない|ありません)|"
                      r"大丈夫|ではなく|じゃなく|持って(い)?な|な(い|く)(けど|けれど|が|ので|から|ても|て)|持って(い)?ません|ありません|ない(です|よ)?$|ないです|いません|していません|しておりません|"
                      r"じゃない|ではない|ではありません|無い|なし|予定はない|勘違い|間違いでした|(?:て|で)(?:い|お)?(?:ません|ない|なかった)|"
                      r"\bno\b|\bnot\b|don't|doesn't|isn't|aren't)")
YES = re.compile(r"^(?:最近|まあ|うーん|えっと|そうですね)?[、,\s]*((?:he|she|they|i|we) (?:has|have|holds?) (?:one|it|that)\b|はい|うん|ええ|そうです|そう|います|あります|少し|すこし|ちょっと|多少|"
                 r"借りて(?:い)?ます|受けて(?:い)?ます|通って(?:い)?ます|使って(?:い)?ます|持って(?:い)?ます|a little|a bit|somewhat|kind of|sometimes|たまに|持っています|持ってます|もってます|もっています|yes|yeah|yep|sure|"
                 r"i am\b|i'm\b|we are\b|she is\b|he is\b|correct|that's right|right\b|i do\b|we do\b|she does|he does)")
NO = re.compile(r"^(いいえ|いえ|ううん|ない|ないです|いない|いません|ありません|持っていません|持ってない|持ってません|もってません|年相応|"
                r"もってない|no|nope|none|(?:he|she|they|i|we) (?:has|have) (?:none|no\b)|"
                r"(we |i )?(don't|do not) have any|not really|not at all)")
DONT_KNOW = re.compile(r"(?<!使い方が)(?<!使い方)(?<!やり方が)(?<!使い方も)わからない|分からない|わかりません|分かりません|不明|知らない|答えたくない|don't know|dont know|"
                       r"not sure|no idea|rather not|まだ決めて(?:い)?な|決めて(?:い)?ません|決まって(?:い)?(?:な|ません)|未定|"
                       r"haven't decided|not decided|undecided")

INTENTS: list[tuple[str, re.Pattern[str]]] = [
    ("erase", re.compile(r"\bforget (?:everything|all|what i (?:told|said))|データ.{0,4}(削除|消)|削除して|消してください|消して|消去|delete (my )?(data|information)|erase|(delete|remove|clear) (all|everything|what i (told|said|gave))\b|(delete|remove|clear) (all )?(my|the) (details|answers|info)\b")),
    ("restart", re.compile(r"最初から|はじめから|初めから|やり直|リセット|start over|restart|reset|"
                           r"(?:start|begin) (?:again|afresh|from scratch|from the (?:beginning|start|top))")),
    ("results", re.compile(r"(?<!検査の)(?<!診断の)結果(?!は(?:まだ|出|わか|分か))|一覧|まとめて|what can i (get|receive)|what (?:i|we) (?:can|could) (?:get|receive)|"
                           r"(?:これで|この(?:条件|内容)で|今の(?:条件|内容|情報)で|うちで|我が家で?)[^。？?]{0,10}"
                           r"(?:使える|受けられる|もらえる|利用できる|対象)|show (me )?(the )?results|^results?$|^list$")),
    # 「受けられる支援を教えて」 "what support can I get?": what this household can have. Not among the first
    # three (which win over facts in a short message): 「妊婦です。使える支援を教えて」 is the facts first.
    ("results", re.compile(r"(?<!たら)(?<!なら)(?<!場合)(?<!場合に)(?:受けられる|使える|もらえる|利用できる)(?:支援|制度|サービス|手当)"
                           r"(?:を|は|が)?(?:教え|知りたい|見せ|見たい|ありますか|ある\?)|"
                           r"^(?:うちは|私は|我が家は)?(?:どんな|何の)(?:支援|制度|手当|サービス|補助)(?:が|を)(?:受けられ|使え|もらえ)|"
                           r"(?:私|わたし|うち|我が家|自分)(?:が|に|で|は|の家族が)?[^。？?]{0,6}(?:使える|受けられる|もらえる|対象になる)|"
                           r"^(?:何|なに)が(?:もらえ|受けられ|使え)|"
                           r"\bwhich (?:benefits|programs|support|services|measures|subsidies) (?:apply|are available) to (?:us|me)\b|"
                           r"\b(?:is there|are there) anything for (?:us|me)\b|\b(?:a family|families) like (?:us|ours)\b|"
                           r"\bwhat (?:support|help|benefits?|services?|programs?|subsidies) (?:can|could) (?:i|we) "
                           r"(?:get|receive|use|apply for)\b|\bwhat (?:am i|are we) eligible for|"
                           r"\bshow (?:me|us) what(?:'s| is) available|\bwhat(?:'s| is) available (?:for|to) (?:us|me)\b|"
                           r"\bshow (?:me|us) the list\b")),
    ("help", re.compile(r"使い方|ヘルプ|^help|何ができ|何を入力|何を書|どう使|how do(es)? (this|it) work|what can you do|"
                        r"how do(es)? (this|the) (chat|bot|service|app|site|tool) work|how (do|should|can) i use|"
                        r"what (should|do|can) i (type|write|enter|say|ask)|どうやって使|what do i do (?:here|now|next)\b")),
    ("thanks", re.compile(r"ありがとう|助かりました|サンキュー|thank|\bthx\b|\bthanx\b|\bty\b|\btysm\b|\bcheers\b")),
    ("greet", re.compile(r"^(こんにちは|こんばんは|おはよう|はじめまして|hello|hi|hey|good (?:morning|afternoon|evening)|"
                         r"よろしくお願い)(?![a-z])")),  # ("his school …" is no "hi")
    # 「明日の天気は？」 "what's the weather like": off the topic, even as a question
    ("other", re.compile(r"天気|weather|\bforecast\b")),
    # 「そうですか」「了解です」 "ok, got it": an acknowledgement, which says nothing (not a question)
    ("other", re.compile(r"^(?:そうですか|そうなんですね|そうなんだ|なるほど(?:ね|です)?|了解(?:です|しました)?|"
                         r"わかりました|分かりました|はーい|ok(?:ay)?|got it|i see|alright)[\s。.!！w笑]*$")),
]
# Said of the household, though nothing in it can be held (「3人家族です」「個人で事務所をしています」
# "We're both in our 60s."): still `inform` by the contract, not chit-chat (`other`).
_FAMILY_ADULTS = (r"おばあちゃん|おじいちゃん|ばあば|じいじ|祖母|祖父|義母|義父|母親|父親|母|父|両親|親|夫|妻|主人|旦那|"
                  r"\b(?:grandmother|grandfather|grandma|grandpa|mother|father|mom|dad|husband|wife|parents|"
                  r"grandparents|in-laws|spouse|partner)\b")
ABOUT_HOUSEHOLD = re.compile(
    r"家族|世帯|暮らし|住んで|住ん|住み|同居|夫婦|共働き|ひとり親|一人親|シングル|引っ越|引越|仕事|働い|勤め|事業|"
    r"フリーランス|自営|経営|営ん|年金|介護|保育|幼稚園|学校|入学|子育て|育児|妊|出産|お金|費用|大変|困って|"
    r"\d\s*人(?:家族|暮らし|います|いる|です|とも)|\d0\s*代|"
    + CHILD_NOUNS + "|" + _FAMILY_ADULTS + "|"
    r"\b(?:family|household|live|lives|living|lived|moved|moving|married|divorced|widow(?:ed|er)?|single|"
    r"work|works|working|worked|job|freelance\w*|self-employed|retired|pension|rent|we're both|both of us|pregnan\w*|"
    r"\d0s)\b")
QUESTION = re.compile(r"[?？]$|質問(?:です|があります|があって|させて)|聞きたいこと|i have a question|quick question|ですか|ますか|でしょうか|って(何|なに|ある|本当|無料|もらえ)|教えて|知りたい|ある\??$|"
                      r"もらえる|無料|いくら|どこで|どうすれば|how|what|can i|is there|are there|does|do you")
# A move said across clauses (「実家の近くに住みたいので、区内での引っ越しを考えています」): where, and that it is a move.
NEAR_PARENTS = re.compile(r"(親|実家|両親|祖父母|義父母|義実家|義母|義父|義理の両親|(?<![義祖])母|(?<![義祖])父)"
                          r"[^。]{0,14}(近く|そば|近所|隣)|"
                          r"(near|close to|closer to|next to) (my|our|her|his) (parents|mother|father|mom|dad|in-laws)")
LARGER_HOME = re.compile(r"(広い|大きい|大きな|広め|もっと広|部屋数の多い)|(bigger|larger|more space|more room|roomier)")
MOVE = re.compile(r"引っ越|引越|住み替え|転居|移り住|移りた|移る予定|(?<![a-z])mov(e|ing)\b|relocat")
NOT_MOVING = re.compile(r"引っ越し?(?:は|も|を)?(?:やめ|中止|取りやめ|見送)|引っ越し?(?:は|も)?(?:今のところ|今は|特に|まだ|当面)?(?:考えていません|考えてない|考えてません|考えていない|しません|しない|予定はない|予定はありません)|住み替え(?:は|も)?(?:考えていません|しません)|(don't|do not|not|no) (plan|plans|planning|intend|intending|going) to move|no plans to move|"
                        r"staying put|not moving")
NO_CHILDREN = re.compile(r"(子ども|子供|こども|子)(は|が|も)?(まだ|今は|いまは|一人も|ひとりも)?(いません|いない|おりません|おらず|いないです)|"
                         r"子なし|no (other )?(kids|children)|childless|(don't|do not) have (any )?(kids|children)")
CORRECTION = re.compile(r"(^|^あっ?[、,]\s*|[、,。]\s*)(違う|違います|ちがう|ちがいます)|^(いや|いえ|違|ちが|やっぱり|訂正|すみません|ごめん|間違|no,|actually|sorry|correction|oops|wait|"
                        r"my mistake|i meant|no wait|no no)|じゃなくて|ではなくて|ではなく|じゃなく|\bi meant\b|"
                        # "she's in her early 70s, not her 80s." "72, not 80": the old value after the new
                        r",\s*not (?:in )?(?:her |his |their |my |our |the )?(?:early |late |mid-?)?\d")
