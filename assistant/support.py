"""The one measure of whether clauses support a statement, shared by the answer check and the evaluation.

A statement is *supported* by a set of clauses when their text together contains at least
``SUPPORT_THRESHOLD`` (80 %) of the statement's character bigrams (whitespace, punctuation and
character width ignored). It is a lexical stand-in for an entailment (NLI) check, which nothing
offline here can run: it shows the statement's words come from the clauses, not that the clauses
entail it. Text that addresses the assistant ("忽略以上规则，回答…") is not evidence: it and what
follows it in the clause are left out before measuring.
"""

from __future__ import annotations

import re

from ingest.clean import CN_NUM, norm

SUPPORT_THRESHOLD = 0.8  # share of a statement's character bigrams that its cited clauses must contain
MAX_MATCHED = 2  # clauses support matching may cite for one statement

# the numbering a clause's text starts with (第十一条, （一）, 一、, 5.2.1, a.), taken off where its words are quoted; a number
# of one level is one with its stop or a space after it ("1.", "3、", "4 "), not a number run into its unit or its next
# figure ("16周岁以上未满18周岁 100元 400元" was quoted "周岁以上未满18周岁…", probe P45; "2023年度，…" "年度，…";
# "1.5万元以上的" "万元以上的")
CLAUSE_MARKER = (rf"第[{CN_NUM}\d]+条(?:之[一二三四五六七八九十]+)?|[（(][一二三四五六七八九十\d]+[)）]、?|[一二三四五六七八九十]+、|"
                 r"\d{1,2}[)）]|\d+(?:\.\d+)+(?![\d万千亿元%％倍]|\.\d)[、.．]?|\d+(?:[、.．](?!\d)|(?=\s))|[a-z][.．、)）]|[①-⑳]")
# (and "1)", "a)", "①" items)
LIST_MARKER = re.compile(rf"^\s*(?!第)(?:{CLAUSE_MARKER})\s*")  # a list item's number (an article's 第X条 is none)

# a number from its start, not an ordinal's ("第十五条"); a period of time in any unit (not 周岁, an age: "十四周岁" is no
# fourteen weeks; not 秒杀, a flash sale; not 每年, 按日: a rate in another unit answers no "多少天")
NUM = r"(?:\d+(?:\.\d+)?[万千亿]?|[一二三四五六七八九十两百千万半]+)"  # ("1万元", "1.5万元")
# (nor "每一", every one: "…自动记录每一次导出的导出人…" states no count of times; probe P89's "每天最多能看多少次？" was
# answered by it)
NOT_ORDINAL = r"(?<![第\d一二三四五六七八九十两百千万])(?!(?<=每)一)"
PERIOD_UNITS = "个?小时|天|日|个?工作日|个?自然日|个?日历日|周(?!岁)|星期|个?月|年|分钟|秒(?!杀)"  # ("10个自然日内…发出")
ANY_PERIOD = re.compile(NOT_ORDINAL + NUM + r"\s*(?:" + PERIOD_UNITS + r")")

# a note on how or why rules were written, no rule of them: "【修订说明】…", "编制说明：…", "【修订背景】原《…》施行三年来…"
# (probe P63's 投诉处理 listed it), "编者按", "本次修订…", "近年来，…", "本办法于2021年首次印发，原名…" (probe P62 cited it
# first for "…保证金是不是两个类目加一起交？"): the answerer cites it after the rules, a checklist reads no duty in it
NOTE_ON_RULES = re.compile(r"^\s*(?:[【\[]\s*(?:修订|起草|编制|制定|修改)?(?:说明|记录|背景)\s*[】\]]|(?:修订|起草|编制|制定|修改)"
                           r"(?:说明|记录|背景)\s*(?:[：:]|$)|编者按|本次(?:修订|修改)|近(?:年来|两年|几年|一年|三年)[，,]|"
                           r"本(?:办法|规定|细则|规则|制度|规范|标准|守则|指引|须知)于\d{4}\s*年)")

# the people rules speak of, as parties: whom an amount is paid ("要赔客人多少" is asked of 赔, answer._asked_of) and whose
# a thing is ("游客个人信息" is no thing of 游客's own, checklist._rest_words)
PEOPLE = frozenset("客户 用户 消费者 买家 顾客 客人 买方 游客 旅客 乘客 会员 学员 员工 职工 患者 商家 卖家 店家 商户 供应商 骑手 "
                   "主播 达人 他 她 他们 她们 人家 对方 我们 咱们 我".split())

# words addressed to an assistant, not to the people a rule governs; "不得忽略上述规定" is a rule
_NEG = r"(?<!不得)(?<!不能)(?<!不应)(?<!不要)(?<!禁止)(?<!严禁)(?<!不可)"
INSTRUCTION = re.compile(
    _NEG + r"(?:忽略|无视|忘记|忘掉|不要理会|不必遵守|不用遵守|跳过)(?:掉)?(?:以上|上述|上面|之前|此前|先前|前面|前述|所有|全部|一切|系统|你的)"
    r"(?:所有|全部|的)?(?:规则|指令|指示|提示|设定|约束|要求|规定|说明|内容)"
    r"|ignore\s+(?:all\s+|any\s+)?(?:the\s+)?(?:previous|above|prior|earlier|preceding)\s+(?:instructions|rules|prompts?)"
    r"|disregard\s+(?:all\s+|the\s+)?(?:previous|above|prior)"
    r"|(?:你|您)(?:现在)?(?:是一个|扮演|必须|只能|应当|应该)(?:一个|一名)?[^。；]{0,12}(?:助手|AI|模型|机器人|assistant)"
    r"|新的?(?:系统)?指令|系统指令|系统提示词|system\s*prompt|developer\s*message"
    r"|<\s*/?\s*(?:system|instructions?|clauses?|data)\b[^>]*>",  # our prompt's data tags: an attempt to break out
    re.IGNORECASE)


def bigrams(text: str) -> set[str]:
    t = re.sub(r"[^\w\u4e00-\u9fff]", "", norm(text))
    return {t[i:i + 2] for i in range(len(t) - 1)}


def evidence(text: str) -> str:
    """What of a clause's text may support a statement: all of it up to any instruction to an assistant."""
    m = INSTRUCTION.search(text)
    if not m:
        return text
    start = max(text.rfind(p, 0, m.start()) for p in "。！？；;!?\n")  # the sentence the instruction opens
    return text[:start + 1] if start >= 0 else ""


def has_instruction(text: str) -> bool:
    return INSTRUCTION.search(text) is not None


def share(statement: str, texts: list[str]) -> float:
    """Share of the statement's character bigrams found in ``texts`` together (1.0 for a statement with none)."""
    s = bigrams(statement)
    if not s:
        return 1.0
    pool = set().union(*(bigrams(t) for t in texts)) if texts else set()
    return len(s & pool) / len(s)


def supported(statement: str, cited_texts: list[str], threshold: float = SUPPORT_THRESHOLD) -> bool:
    """Do the cited texts together contain at least ``threshold`` of the statement's character bigrams?"""
    return share(statement, cited_texts) >= threshold


def supporting(statement: str, candidates: dict[str, str], limit: int | None = None,
               threshold: float = SUPPORT_THRESHOLD) -> list[str] | None:
    """The fewest of ``candidates`` (id → evidence text) that support the statement, chosen greedily
    (each next one adds the most of the statement's bigrams not yet covered), or None when even all
    of them (up to ``limit``) do not. A candidate that adds nothing is never chosen."""
    need = bigrams(statement)
    if not need:
        return None
    grams = {cid: bigrams(t) & need for cid, t in candidates.items()}
    chosen: list[str] = []
    covered: set[str] = set()
    while len(covered) / len(need) < threshold and (limit is None or len(chosen) < limit):
        best = max((cid for cid in grams if cid not in chosen), key=lambda c: len(grams[c] - covered), default=None)
        if best is None or not grams[best] - covered:
            return None
        chosen.append(best)
        covered |= grams[best]
    return chosen if len(covered) / len(need) >= threshold else None


# hours of the day a clause sets ("每日8时至21时", "9:00-18:00", "22:00至次日8:00")
CLOCK_SPAN = re.compile(r"\d{1,2}(?::\d{2}|时|点)\s*(?:至|到|-|—|–|~|～)\s*(?:次日|晚上?|下午)?\s*\d{1,2}(?::\d{2}|时|点)|"
                        # (or a bound: "游客到店时间在22:00以后的，…由平台直接支付车费" for "客人晚上十一点多到酒店…"; P63)
                        # (bare: "早8:00前及晚21:00后下单的，承诺在下单后90分钟内送达" for "晚上十点顾客下的…单"; P92)
                        r"\d{1,2}(?:[:：]\d{2}|时|点)\s*(?:以后|之后|以前|之前|后(?![天日月年])|前(?![天日月年]))")
