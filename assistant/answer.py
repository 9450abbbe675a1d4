"""Extractive answers: the sentences of the top clauses that answer the question, each cited."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from ingest.clean import CN_NUM, SENTENCE, TABLE_ROW, norm, rule_row, table_cells
from ingest.records import Clause
from tiaowen.errors import BadQuestion, EmptyQuestion

from .checklist import _ROLE_NAMES, BUSINESS, SAMPLE_ANNEX, _sanction
from .citations import CANNOT_ANSWER
from .provisions import (ASKS_CONSEQUENCE, ASKS_OFFICIALS, ASKS_PENALTY, ASKS_SANCTION, FORBIDS_OR_PERMITS, asks_permission,
                         binding_item, only_regulators_say, penal, penalty_item, states_rule)
from .retrieve import (DEFINITION_ASK, SCOPE_ASKED, SEVERAL_ASKED, STATES_SCOPE, TERM_AFTER_ASK, Hit, Retriever,
                       asked_of_items, asked_part, asked_terms, asks_scope, defines, is_lead_in, item_clauses)
from .support import ANY_PERIOD as _ANY_PERIOD, CLAUSE_MARKER, CLOCK_SPAN, LIST_MARKER, NOTE_ON_RULES, \
    NOT_ORDINAL as _NOT_ORDINAL, NUM as _NUM, PEOPLE, PERIOD_UNITS as _PERIOD_UNITS, evidence
from .thesaurus import Thesaurus

NOT_FOUND = CANNOT_ANSWER  # shared by the answerer, the app and the model prompt
TIME_DEPTH = 4  # a time limit asked is looked for among the top TIME_DEPTH × k (2k left "24小时内做出响应", twelfth, out)
REFERRED_BEYOND = 2  # provisions a chosen referral brings, cited beyond max_clauses
MAX_LOOKUP_CLAUSES = 12  # a clause named by number is cited whole: all its items, up to this many
_MARKER = re.compile(rf"^\s*({CLAUSE_MARKER}|(?:封面|题注|前言|引言)：?)\s*")  # and a named part's (a standard's 封面)


@dataclass(frozen=True)
class Citation:
    n: int
    id: str
    document: str
    label: str
    text: str


@dataclass(frozen=True)
class Answer:
    question: str
    status: str  # "answered" | "not_found"
    answer: str
    citations: tuple[Citation, ...] = ()
    retrieved: tuple[Hit, ...] = ()
    support: float = 0.0
    notes: tuple[str, ...] = field(default_factory=tuple)
    mode: str = "extractive"  # "llm" when a chat model wrote the answer (its citations verified)
    notice: str = ""  # why a generative answer fell back, or what its check removed
    llm: dict | None = None  # model, the clause ids it was shown, what the check did (where one was called)

    def to_dict(self) -> dict:
        """The `ask --json` shape (add fields, never rename)."""
        d = {
            "question": self.question,
            "status": self.status,
            "answer": self.answer,
            "citations": [{"n": c.n, "id": c.id, "document": c.document, "label": c.label, "text": c.text}
                          for c in self.citations],
            "retrieved": [{"id": h.clause.id, "document": h.clause.document, "label": h.clause.label,
                           "text": h.clause.text, "score": round(float(h.score), 6)} for h in self.retrieved],
            "support": round(self.support, 4),
            "mode": self.mode,
            "notice": self.notice or None,
        }
        if self.llm is not None:
            d["llm"] = self.llm
        return d


def _bigrams(text: str) -> set[str]:
    n = re.sub(r"[^\w\u4e00-\u9fff]", "", norm(text))
    return {n[i:i + 2] for i in range(len(n) - 1)}


def coverage(question: str, text: str) -> float:
    """Share of the question's character bigrams found in ``text``."""
    q = _bigrams(question) - _STOP_BIGRAMS
    return len(q & _bigrams(text)) / len(q) if q else 0.0


_STOP_BIGRAMS = {"什么", "怎么", "如何", "哪些", "是否", "有没", "没有", "要不", "不要", "可以", "应该", "需要", "我们",
                 "公司", "规定", "要求", "一下", "请问", "的话", "时候", "多少", "么处", "么办", "怎样"}


def validate_question(question: str, max_chars: int) -> str:
    q = (question or "").strip()
    q = "".join(ch for ch in q if ch.isprintable() or ch in "\n\t")
    if not q:
        raise EmptyQuestion("问题为空：请输入要查询的问题 / the question is empty")
    if len(q) > max_chars:
        raise BadQuestion(f"问题过长（{len(q)} 字）：请缩短到 {max_chars} 字以内 / the question is too long")
    if not re.search(r"[\w\u4e00-\u9fff]", q):
        raise BadQuestion("问题里没有文字：请用文字描述要查询的内容 / the question has no words")
    return q


def support_of(question: str, hits: list[Hit], n: int = 3, thesaurus: Thesaurus | None = None) -> float:
    """Evidence strength: dense similarity blended with lexical coverage, the best of the ``n`` candidates
    closest to the question in meaning. Taken in the dense order, not the fused one, so whether a question
    is answered does not move with the fusion: a rank fusion lifts clauses that only share words with the
    question, and scored over its top hits those let unanswerable questions through."""
    if not hits:
        return 0.0
    if hits[0].lookup:
        return 1.0
    closest = sorted(hits, key=lambda h: -h.dense)[:n]
    return max(0.5 * h.dense + 0.5 * coverage(_in_words_of(question, h.clause.index_text, thesaurus), h.clause.index_text)
               for h in closest)


def _covered(question: str, text: str, synonyms) -> float:
    """The share of the question's words the text says (coverage), a word counted where the text says a synonym of it;
    not a party's other name ("客户投诉了多久之内要回？" is no question of 消费者权益保护委员会's "…自接到投诉之日起五个
    工作日内…", which shares 投诉 with it and says 消费者)."""
    parties = {"消费者", *synonyms("消费者")}
    return coverage(_reworded(question, text, lambda w: () if w in parties else synonyms(w)), text)


def _in_words_of(question: str, text: str, thesaurus: Thesaurus | None) -> str:
    """The question with each word the text does not use replaced by a synonym it does ("给买家一点补偿" against
    "设立售后补偿机制…用户" → "给用户一点补偿"), so that staff words count as covered where the clause says the same."""
    return question if thesaurus is None else _reworded(question, text, thesaurus.of)


def _reworded(question: str, text: str, synonyms) -> str:
    from ingest.tokenize import words

    for w in dict.fromkeys(words(question)):
        if len(w) >= 2 and w not in text:
            said = next((x for x in synonyms(w) if x in text), None)
            if said:
                question = question.replace(w, said)
    return question


class _AskingWords(frozenset):
    """…and any count asked by 几 and a measure word ("几分", "几台", "几回": probe P19's "商家刷单一次扣几分？卖假货又扣几分？"
    was "资料中没有提到“几分”"), not 几乎."""

    def __contains__(self, word) -> bool:
        return super().__contains__(word) or bool(re.fullmatch(r"几(?!乎|何)[\u4e00-\u9fff]{1,2}", str(word)))


# what a question asks with, never what it is about
_ASKING = _AskingWords("什么 什么样 怎么 怎么样 怎样 如何 哪些 哪个 哪儿 哪里 多少 几点 几天 为什么 分别 我们 你们 他们 "
                    "那个 这个 这块 那篇 地方 一点 只是 平时 是不是 要不要 能不能 有没有 "
                    # (how long, how often, when, who: probe O's "…多久抽查一次…？…要留多久？" was "资料中没有提到“多久”")
                    "多久 多长 多长时间 多大 多高 多远 多重 多快 几次 几个 几年 几月 几周 几种 几位 何时 什么时候 "
                    "时候 哪天 哪年 哪家 哪位 哪种 哪方 怎么办 咋办 咋样 为啥 "
                    # (and what names no thing of its own: probe T's "冷冻的东西和冷藏的东西能放在同一个车厢里一起送吗？" was
                    # "资料中没有提到“东西”")
                    "东西 事情 事儿 玩意 玩意儿 这种 那种 "
                    # (and who asks, said of themselves: probe P26's "导出申请是我自己提的，我自己又是审批人，能自己批吗？" was
                    # "资料中没有提到“自己”")
                    "自己 "
                    # (and whether it is in time: probe P25's "…出差流程还没来得及提，现在补还来得及吗？" was "资料中没有提到“来得及”")
                    "来得及 来不及 赶得上 赶不上".split())


# a yes-no question's "A不A" ("要不要", "可不可以", "需不需要"): jieba reads 要 / 不要, and 不要, asked twice, was taken for
# the question's subject ("流程要不要对外公开？处理过程要不要留底？" was not found: 资料中没有提到“不要”)
_A_NOT_A = re.compile(r"可不可以|需不需要|应不应该|能不能够|([\u4e00-\u9fff])[不没]\1")  # (not 以旧换新 after 是不是)


# a verb said twice as it goes on ("聊着聊着", "说着说着"): probe P24's "客户聊着聊着不回消息了，…" was "资料中没有提到“聊着”"
_DOING_ON = re.compile(r"([\u4e00-\u9fff]着)\1")


def _asked_once(m: re.Match) -> str:
    """"A不A" said once: "退不退款" → 退款 (it read 款, "退不退" gone), "需不需要" → 需要."""
    return m.group(1) or m.group()[-2:]


def unknown_focus(question: str, vocabulary, thesaurus: Thesaurus) -> str | None:
    """A word the question says more than once ("电子发票和纸质发票怎么开", "病假…病假那几天") is what it is about:
    where no document of the knowledge base uses it or a synonym of it, the documents do not cover the question."""
    from ingest.tokenize import words

    said = words(_DOING_ON.sub(r"\1", _A_NOT_A.sub(_asked_once, question)))
    return next((w for w in dict.fromkeys(said) if sum(w in x for x in said) >= 2 and w not in _BYSTANDERS
                 and w not in _RELATIVE_TIME
                 and _unused(w, vocabulary, thesaurus, said)), None)


# the act a question asks whether is done, or who does ("…平台或者站点给不给报销？", "…最终由哪个部门复审拍板？"): the words
# after the A不A or the one who
# (A a verb of its own, not a modal's "要不要留底", "有没有说法": seed-038 and seed-103 were refused, 留底 and 说法 no
# document's word, where the rules keep records and set compensation)
_WHETHER_ACT = re.compile(r"(?![要会能有是可需用该])([\u4e00-\u9fff])[不没]\1([\u4e00-\u9fff]{2,20})")
_WHO_ACT = re.compile(r"(?:哪个部门|哪个岗位|哪一级|哪位|哪方|谁)(?:来|去|负责)?([\u4e00-\u9fff]{2,20})")
# (a verb with its complement of result or direction is said by the documents their own way: "冻品能不能发到…" ← 发货)
_COMPLEMENT_END = frozenset("到给出回上下去来完掉走成")
_MODALS = frozenset("要能会可该得需")


def unknown_asked_act(question: str, vocabulary, thesaurus: Thesaurus) -> str | None:
    """The act a question of one ask asks whether is done or who does, where no document uses it nor a synonym: they set
    nothing of it. Blind probes P70-P129 asked 8 such acts, all in questions no document answers ("骑手违章被交警罚的款，
    平台或者站点给不给报销？" was answered by the duty to report a fine within 24 hours, "超时扣款申诉，站长初审完以后最终由哪个
    部门复审拍板？" by the 初审's time); of a question that asks more, the others may be answered (none refused so)."""
    from ingest.tokenize import is_word, tagged, words

    if re.search(r"[？?]", question.rstrip("？? ")):
        return None
    said = words(question)
    for m in [*_WHETHER_ACT.finditer(question), *_WHO_ACT.finditer(question)]:
        if _OTHER_ASK.search(question[:m.start()] + "，" + question[m.end():]):
            continue
        # (each word of it, none that the documents use: "…是哪个部门牵头提出来的？" is answered by "本标准由…提出"; and no
        # verb of one character, which they say in a word of two, "能不能一直反复扣" ← 扣款, "能不能卖给收旧货的" ← 出售)
        tags = tagged(m.group(m.lastindex))
        acts = [w for w, flag in tags if len(w) >= 2 and flag[0] in "vn"]
        if acts and not any(len(w) == 1 and flag[0] == "v" and w not in _MODALS for w, flag in tags) \
                and all(is_word(w) and w[-1] not in _COMPLEMENT_END and _unused(w, vocabulary, thesaurus, said)
                        for w in acts):
            return acts[0]
    return None


# whom a report or a notice is given to ("…要在几天内报给监管部门？", "…向网信办等监管部门报告？", "要不要向海关报告？")
# (not a notice received, "商家收到处罚通知觉得不公平，…" was "资料中没有提到“觉得不公平”"; blind probe P125)
_RECIPIENT = re.compile(r"(?:向|报给|报告给|上报给?|报送给?|通报给?|(?<![到的罚面出发])通知|交给|提交给)(?!的)([\u4e00-\u9fff]{2,12}?)等?"
                        r"(?=报告|报送|报备|通报|备案|汇报|反馈|申报|提交|[，,。；;？?吗呢]|$)")


def unknown_recipient(retriever: Retriever, question: str) -> str | None:
    """Whom the question asks a report or notice be given to, where no document names it nor a synonym (nor a party's
    word): a time or duty of reporting to it is not theirs, and blind probes P71, P99 and P111 were answered by one
    to report to a department of the company ("发现人须在1小时内报告信息安全部" for "…要在多长时间内向网信办等监管部门
    报告？")."""
    from ingest.tokenize import tagged

    for m in _RECIPIENT.finditer(question):
        if re.search(r"谁|哪|什么|啥", m.group(1)):  # (whom asked, not named: "要一路报给谁签字才能上线？", seed-007)
            continue
        named = [w for w, flag in tagged(m.group(1)) if flag.startswith("n") and len(w) >= 2 and w not in PEOPLE]
        if named and not any(_documents_say(retriever, w) for w in named):
            return m.group(1)
    return None


# a fee of its own name ("工本费", "检测费"), not a cost of any kind nor a word of paying
_FEE_NAMED = re.compile(r"[\u4e00-\u9fff]{1,4}费(?:用)?")
_NO_FEE_NAMED = frozenset("费用 收费 消费 免费 付费 花费 浪费 交费 缴费 经费 自费 公费 扣费 计费 退费 收费用".split())


def unknown_fee(retriever: Retriever, question: str) -> str | None:
    """A fee the question asks the amount of or who bears ("补卡要收多少工本费？", "…检测费是商家出还是平台出？"), by a
    name no document says nor a synonym of it: the documents set nothing of it. Blind probes P70-P117 named 23 such
    fees, 20 in questions no document answers (12 of them answered, "医药费公司补贴多少…" by "出差补助…每人每天100元"),
    and 2 of the others a cost of sending by another name (快递费 / 运费, _ALIKE_COSTS); the third asks no amount."""
    from ingest.tokenize import words

    if _asked(question, _QUANTITY_ASKED) is None:
        return None
    for w in dict.fromkeys(words(question)):
        if _FEE_NAMED.fullmatch(w) and w not in _NO_FEE_NAMED and not _documents_say(retriever, w) \
                and not any(retriever.said_by(x) for group in _ALIKE_COSTS if w in group for x in group):
            # (nor said with a word or two more before 费: 保费 as 保险费, 运费 as 运输费用)
            alike = re.compile(re.escape(w[:w.index("费")]) + r"[\u4e00-\u9fff]{1,2}费")
            if not any(alike.search(c.text) for c in retriever.clauses):
                return w
    return None


# people a story names, said again as it goes on, not what it asks about: "观众把电子票入场码截了个图发给朋友，朋友拿截图能进场
# 吗？" asks of a screenshot (probe P56 was not found, "资料中没有提到“朋友”")
_BYSTANDERS = frozenset("朋友 好友 家人 家里人 亲戚 亲友 同事 同学 邻居 别人 他人 老公 老婆 丈夫 妻子 孩子 父母 爸妈 爸爸 妈妈".split())
# nor a time relative to another, said twice: probe P89's "手上还有之前导出的客户数据文件没删，走之前要怎么处理？" was "资料中没有
# 提到“之前”"
_RELATIVE_TIME = frozenset("之前 之后 以前 以后 现在 当时 后来 然后".split())


def _unused(w: str, vocabulary, thesaurus: Thesaurus, said: list[str]) -> bool:
    """A word of the question that no document uses, nor a synonym of it (unknown_focus)."""
    from ingest.tokenize import STOPWORDS

    # (nor a state denied, no thing: "修了两次还是不好怎么办？…修了三次还不好呢？" was "资料中没有提到“不好”"; probe P74)
    return (len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w) is not None and w not in STOPWORDS and w not in _ASKING
            and not (len(w) == 2 and w[0] in "不没")
            # (nor a passive, which the documents say as the act: "第一次被查到和第二次被查到分别怎么罚？" was "资料中没有提到
            # “被查”", blind probe P113, of "商家首次发布活体商品的，删除商品并扣6分；再次发布的…")
            and not (len(w) == 2 and w[0] == "被")
            and not _COUNTED.fullmatch(w) and w not in vocabulary
            and not any(x in vocabulary or thesaurus.phrase(x, vocabulary) for x in thesaurus.of(w))
            and not _glued(w, vocabulary, said) and not _arrived(w, vocabulary))


# a choice asked between two things ("对接的是芝麻信用还是百行征信？"), and the words that ask of the first ("是", "用"…)
_ASKS_OF_CHOICE = frozenset("是 用 选 找 走 按 去 让 给 由 在 选择 使用 采用".split())
_CHOICE = re.compile(r"([^，,。；;？?！!]{2,30}?)还是([^，,。；;？?！!]{2,30}?)(?:呢|啊|呀)?(?=[？?]|$)")


def unknown_choice(question: str, vocabulary, thesaurus: Thesaurus) -> tuple[str, ...]:
    """The words no document uses of each of two things a question asks to choose between, where each has one ("我们查
    用户信用分，对接的是芝麻信用还是百行征信？": 芝麻 and 百行, neither said; probe P52 answered it by a clause on 征信
    authorisation): the documents name neither. Of each, the last two words before 还是 (after a 是, 用, 选… that asks of
    the first) and the first two after it."""
    from ingest.tokenize import words

    said = words(question)
    for m in _CHOICE.finditer(question):
        # (the first thing after the word that asks of it: "运费是买家出还是我们店出" chooses 买家, not 运费)
        before = words(m.group(1))
        asks = max((i for i, w in enumerate(before) if w in _ASKS_OF_CHOICE), default=-1)
        left = [w for w in before[asks + 1:] if re.fullmatch(r"[\u4e00-\u9fff]{2,}", w)][-2:]
        right = [w for w in words(m.group(2)) if re.fullmatch(r"[\u4e00-\u9fff]{2,}", w)][:2]
        unused = [next((w for w in side if _unused(w, vocabulary, thesaurus, said)), None) for side in (left, right)]
        if all(unused):
            return tuple(unused)
    return ()


# a count or a side, no subject ("一个人同一个活动最多领几张券" was "资料中没有提到“一个”"; "一边…一边")
_COUNTED = re.compile(r"[一两几每同这那哪某][个次下些边样起张件位种份点场回趟遍批轮笔]")  # ("做一场直播…临时加一场": P64)


def _arrived(w: str, vocabulary) -> bool:
    """A verb with 到 said where the documents write it with 达 or 至 ("送到" / 送达, "运到" / 运至): probe T's "前置仓能
    送到的地方，下单后多久得送到客户手上？" was "资料中没有提到“送到”"."""
    return w.endswith("到") and any(w[:-1] + x in vocabulary for x in "达至")


# what jieba glues to the word before or after it ("平台券能一起用吗" → 平台 / 券能): a modal, an adverb, a conjunction
_GLUE = frozenset("能会要可都也就还才该和与跟被把将")


def _glued(w: str, vocabulary, said: list[str]) -> bool:
    """Whether a word is another the question says, or the documents use, with a function character glued on: probe Q's
    "店铺券和平台券能一起用吗？两张满减券能不能叠加？" was not found, "资料中没有提到“券能”" (券 said on its own
    before it). A single character left must be said on its own (功能, 性能 are words), or be a locative (内要)."""
    for rest, glue in ((w[:-1], w[-1]), (w[1:], w[0])):
        if glue in _GLUE and (rest in said or len(rest) >= 2 and rest in vocabulary or rest in _LOCATIVE):
            return True
    # (or the documents', a preposition glued on: "…按多收金额的3倍向消费者赔付" is jieba's 按多收, and blind probe P110's
    # "师傅上门多收了客户的钱，多收的部分要多久退给客户？" was "资料中没有提到“多收”")
    return any(g + w in vocabulary for g in _GLUE | _PREPOSITIONS) or any(w + g in vocabulary for g in _GLUE)


_PREPOSITIONS = frozenset("按对向在从给由为以")


# a time or place after what it is of ("多久内要首次回复？几天内要处理完？": jieba's 内要, probe R, was "资料中没有提到“内要”")
_LOCATIVE = frozenset("内外前后时里中间")


# Expected answer type: a question that asks for a quantity is answered only by a clause that
# states one of the right kind ("多少钱" → 元, "几天" → 天/日). Blanks ("____天") state none.
# 几 after 前/这/过 or before 前/后/来 means "a few" ("大促前几天先调价", "过几天再说"): no question
_FEW = r"(?<![这那头近十好])(?<!(?<!提)前)(?<!(?<![超越])过)"  # (and 十几, 好几: "要等十几分钟正常吗"; 提前几天 asks a
# lead time, 超过几秒 a bound: "过几天再说" asks nothing)


class _Row(NamedTuple):
    """A kind of question that asks for a quantity: its pattern, and what states the quantity in a clause (units
    after a number; None: the unit the question names; a pattern: what states it, anywhere in the clause)."""
    kind: str  # "date" (asked of a document), "bears" (who bears a cost), "time" (多久), "period", "quantity"
    pattern: re.Pattern
    units: str | re.Pattern | None
    bound: bool = False  # the quantity is asked under a bound: only one stated with a bound's words answers

    @property
    def period(self) -> bool:  # a period of time is asked: the anchor's 期限 set in words answers too
        return self.kind in ("time", "period")


# when a rule was made or took effect: a date answers ("2014-09-25 实施", "自2019年1月1日起施行"), or the day it names
# ("自发布之日起生效"); not "什么时候要回复" (a time limit)
_MADE = r"(?:实施|施行|生效|发布|颁布|出台|印发|公布|通过|修正|修订|修改)"
_DATE_ASKED = re.compile(r"(?:什么时候|何时|哪年|哪一年|哪天|什么日期|几月几[日号])(?:开始|起)?(?:正式)?" + _MADE +
                         r"|" + _MADE + r"(?:的)?(?:时间|日期|年份)|" + _MADE + r"(?:是|在)(?:哪年|哪一年|什么时候|何时)|哪年出")
_DATE_STATED = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月|\d{4}\s*[-—－]\s*\d{1,2}\s*[-—－]\s*\d{1,2}|"
                         r"[一二三四五六七八九十〇○零]{4}年|自[^，,。；;]{1,20}之日起(?:施行|生效|实施|执行)")
_DATE_ROW = _Row("date", _DATE_ASKED, _DATE_STATED)
# …of a document: the ask follows its name ("电子商务法什么时候施行", "DB33/T 932什么时候开始实施", "这个标准哪年出的",
# "…法最近一次修正是什么时候"), not "企业应当何时公布投诉处理结果" or "审核通过时间一般是几天" (a business's time limit)
_OF_A_DOCUMENT = re.compile(r"(?:法|典|办法|规定|条例|细则|规则|制度|标准|规范|准则|守则|政策|协议|通知|公告|决定|\d|它)[^，,。；;？?]{0,6}$")
_ACTS = ("实施|施行|生效|执行", "发布|颁布|出台|印发|公布", "通过", "修正|修订|修改")  # what a date may be of
# a date, which states no number of months or days ("2022年4月14日 …公布" answers no "几个月")
_A_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*月\s*\d{1,2}\s*日|"
                     r"\d{4}\s*[-—－]\s*\d{1,2}\s*[-—－]\s*\d{1,2}")
# who bears a cost ("运费谁出", "由谁承担"): a clause that allocates it answers ("运费由消费者承担", "自行承担…费用")
_PAYS = r"(?:出(?![具台面现售租口版示])|承担|负担|付|掏|买单|支付|缴纳|缴)"  # (not 出具, 出台, 出面)
# (or which unit: "律师费由哪个部门承担？"; blind probe P90 was answered by "法务部…可以…决定是否委托外部律师")
_BEARS_ASKED = re.compile(r"(?:谁|哪方|哪一方|哪个部门|哪个单位)来?" + _PAYS + r"|由谁来?" + _PAYS + "|"
                          r"(?:出|承担|负担|付)还是[^，,。？?]{1,8}?(?:出|承担|负担|付)(?![具台面现售租口版示])")  # "是买家出还是我们店出"
# (not who answers for managing something: "由…真人对直播内容承担管理责任" answers no "损失由谁承担")
# (a difference in price is a cost: "…客户应承担金价差额" answers "差价谁出？"; probe P54 was not found)
_BEARS_STATED = re.compile(r"由[^，,。；;]{1,20}?(?:承担|负担|支付|付|缴纳)(?![^，,。；;]{0,8}?(?:管理|监督|审核|保密|领导|主体|组织|审查|维护|"
                           r"监管|把关|保障|教育|培训)(?:责任|职责|义务)(?![^，,。；;]*?(?:损失|费用|赔偿)))|承担[^，,。；;]{0,12}(?:费|成本|损失|差额|差价)|"
                           r"(?:自行|各自)(?:承担|负担)")
_BEARS_ROW = _Row("bears", _BEARS_ASKED, _BEARS_STATED)
# a period of time asked in one unit is stated in any ("离职要提前多少天" ← "提前一个月"; support.ANY_PERIOD)
# years asked are stated in years or months ("保存几年" ← "不少于六个月"), not in days or hours ("采购合同一般签几年" was
# answered by "…15日内提交更新后的文件")
_YEARS_OR_MONTHS = re.compile(_NOT_ORDINAL + _NUM + r"\s*(?:年|个?月)")
# (a time limit asked as a number is a time: "时限是多少" asks 多久, see _TIME_ASKED)
_LIMIT_IS = ("", "是", "为", "有", "一般", "一般是", "一般为", "大概", "大概是", "大约", "大约是", "通常", "通常是", "通常为",
             "要求", "要求是", "要求为", "规定", "规定是", "规定为", "最长", "最长是", "最多", "最多是")  # "时限一般是多少"
_LIMIT_WORDS = ("时限", "期限", "时长", "时效", "时间")  # ("配送时效是多少", "投诉的响应时间是多少")
# (read after 多少, where it matched: before it, the 96 look-behinds were tried at every character of a question)
_NOT_A_LIMIT = "".join(f"(?<!{w}{v}多少)" for w in _LIMIT_WORDS for v in _LIMIT_IS)
# (a base of one word: 费 not of 消费者, 价 not of 评价, 额 not of 额度, 名额; 金 only of money: 保证金, 定金, not 金牌)
# a sum in months of pay ("赔偿金额最高不超过责任人6个月的基本工资"), which answers "最多能让他赔多少" as a sum in 元 does
_WAGES = r"个?月(?:的)?(?:基本|平均|月)?(?:工资|薪资|薪酬|薪水)(?!的[，,])"  # (not a case: "拖欠员工2个月的工资的，…")
_MONEY = re.compile(_NUM + r"\s*(?:元|块|" + _WAGES + r")|"
                    # (all of it, or a share by a measure: "…申请退保的，全额退还延保费用" for "能退多少钱？", probe P51)
                    r"全额|(?:退还|返还|赔偿|赔付|支付)全部|按[^，,。；;]{0,12}?比例|(?:金额|价款|价格|售价|标价|费用|货款|价值|货值|收入|所得|资金|损失(?!率)|工资|款|(?<!消)费|"
                    r"(?<!评)价|(?<![份名])额(?![度外])|保证金|定金|订金|违约金|押金|佣金|租金|奖金|赔偿金|罚金)"
                    r"[^，,。；;]{0,10}?(?:\d+(?:\.\d+)?\s*[%％‰]|百分之|" + _NUM + r"\s*倍|" + _NUM + r"分之)")
# how a sum named before it is asked ("报名费是多少？", "技术服务费收多少？"): by the quantity row and by _NAMED_SUM
_SUM_ASKED_AFTER = (r"(?:标准)?(?:是|为|要|需要|得|一般|大概|大约|最多|最少|至少|最高|最低)?(?:收|交|付|缴|缴纳|扣)?多少")
_AGE_ASKED = re.compile(r"多大(?:日龄|月龄|年龄|年纪|岁数)|(?:日龄|月龄|年龄|年纪)[^，,。；;？?]{0,4}?多大|几周?岁|多少周?岁")
_GRADES = "个?等级|个?级|等"
# a grade is told by its letter too ("打分才70分，算几级？" ← "…60分至74分为C级"; probe P88 was not found)
_LETTER_GRADE = r"|(?<![A-Za-z])[A-E][+＋]?\s*(?:等级|级|档)"
_QUANTITY_ASKED = [  # the first row that matches a question is what it asks
    _DATE_ROW,
    _BEARS_ROW,
    _Row("period", re.compile(_FEW + r"几个?月(?![前后来])|多少个?月"), "个月|月"),
    _Row("period", re.compile(_FEW + r"几年(?![前后来费薪])|多少年(?![费薪终货检度])"), "年"),  # (not 多少年费: money)
    _Row("period", re.compile(_FEW + r"几天(?![前后来])|多少天|多少个?工作日|" + _FEW + r"几个?工作日"), "天|日|个工作日|工作日|个?自然日|个?日历日"),
    # (hours of training are 学时: "要培训多少个小时" ← "不少于16学时的岗前培训"; probe)
    _Row("period", re.compile(_FEW + r"几个?小时(?![前后来])|多少个?小时"), "小时|学时|课时"),
    _Row("period", re.compile(_FEW + r"几分钟(?![前后来])|多少分钟"), "分钟"),
    # (probe R: "最慢不能超过几秒？" asked no period, and "多少秒" asked a sum of money)
    _Row("period", re.compile(_FEW + r"几秒(?:钟)?(?![前后来])|多少秒"), "秒钟|秒(?!杀)"),
    _Row("quantity", re.compile(r"几点"), "点|时|:"),
    # an age ("幼猫最小多大日龄才能上架卖？" ← "犬、猫出售时应当年满60日龄"; probe P62 cited a rule on pregnant cats)
    _Row("quantity", _AGE_ASKED, "日龄|月龄|周岁|岁"),
    _Row("quantity", re.compile(r"几级|多少级|几个?等级|多少个?等级"), _GRADES),
    _Row("quantity", re.compile(_FEW + r"几[次回](?![前后来])|多少[次回]"), "次|回"),  # ("能申诉几回"; probe P19)
    # a size asked of something measured ("字号最小要多大", "图片尺寸多少"), not "要求有多高" (a degree)
    # (and a type size by its number: "文字最小能用几号字？" was answered by "详情页图片总数不得超过30张"; probe P23)
    _Row("quantity", re.compile(r"(?:字号|字体|尺寸|面积|大小|高度|宽度|长度|厚度|重量|体积|容量|分辨率|像素)[^，,。；;？?]{0,6}?"
                                r"(?:多大|多高|多宽|多长|多厚|多重|多少)|(?:几|多少)号(?:字|字体)"),
         "号|磅|厘米|毫米|公分|米|像素|px|pt|克|千克|公斤|吨|升|毫升|平方米|平方"),
    # a file's size ("晒图的话单张照片最大能传多大" ← "单张图片不超过10MB"; probe P22 cited the rule on what a photo may show)
    _Row("quantity", re.compile(r"(?:照片|图片|视频|文件|附件|截图|晒图|压缩包)[^，,。；;？?]{0,8}?多大"), r"[KMGT]B|兆|字节"),
    # a weight asked ("单只至少要多重才允许上架"): a number of a unit of weight answers (not 多重保障, 多重身份)
    # (a weight, not how severe: "处罚有多重", "情节多重才会被清退", "后果有多重")
    _Row("quantity", re.compile(r"(?<![罚果节任响害伤病失题罪错分规款价理得力担责])(?<![罚果节任响害伤病失题罪错分规款价理得力担责]有)"
                                r"多(?:重|沉)(?=[？?，,。！!]|$|才|呢|啊|吗|以上|以下|以内|算|要|的话|就)"), "克|千克|公斤|斤|吨"),
    # a measure or a head count the question names ("多少克", "几公斤", "多少人"): a number of that unit answers
    # (not "多少个人信息": 个 only before a measure)
    _Row("quantity", re.compile(r"(?:多少|几)(?:个(?=千克|公斤|克|吨|斤|毫升|升|平方米|亩|公顷))?"
                                r"(?P<unit>千克|公斤|克|吨|斤|毫升|升|平方米|亩|公顷|人|名)"), None),
    # "几个人" is a head count too (not "多少个人信息", where 个人 is personal)
    _Row("quantity", re.compile(r"几个人(?![民大])"), "个?人|名"),
    # a distance ("零售点要离学校多远", "间隔多少米")
    _Row("quantity", re.compile(r"多远|多少米|多少公里|几公里|几米"), "米|公里|千米|km"),
    # a temperature ("运输路上温度得控制在多少度" ← "-18℃及以下"; it was not found: no unit of the bare 多少 answered),
    # anywhere in the clause; not "几度被投诉" (several times), "多少度电", nor "温度超标要罚多少钱" (an amount)
    # (and what follows it: "晨检量体温，多少度就不能上班了？", "冻品温度多少度就得拒收？", probe P36: not found)
    _Row("quantity", re.compile(r"(?:多少|几)(?:摄氏)?度(?=[？?，,。！!]|$|以|左右|之间|范围|就|才|算|的话|时|会|要|得|呢|吗|为宜|合适)|"
                                r"温度[^，,。；;？?]{0,8}?多少(?=[？?，,。！!]|$)"),
         re.compile(_NUM + r"\s*(?:℃|°C|摄氏度|度(?![假数过电]))")),
    # a share in tenths ("定金最多能收到售价的几成" ← "不得超过…售价的20%"; not "要标几成新吗")
    # (and a percentage, "违约金一般约定成合同金额的百分之几" ← none: "100万元以上" answered it; probe P24)
    _Row("quantity", re.compile(r"(?<![好十几])几成(?![新本功员为立年交长品分])|百分之几|(?:百分比|比例)是?多少"),
         re.compile(r"\d+(?:\.\d+)?\s*[%％]|百分之|[一二三四五六七八九两半]成|分之")),
    # a count of things the question names ("主图最少要放多少张", "抽查多少条会话", "最多多少个字符", "满意度低于多少分"): a
    # number of them answers (not "哪几条", "几种方式", "几件事" or "几份制度分别怎么说", which a list or the documents answer;
    # 条 and 件 only after 多少)
    # (not 分钟, 分成, 分店, 分类; not 块, which is money: "多少块钱")
    # (and batches or households: "每个季度至少要抽检多少批次" ← 不少于500批次; and firms: "同一个片区最多能找几家服务商" ←
    # "至少两家", probe P26, which quoted the conditions of admission)
    # (and hours of training: "岗前培训要上够多少学时" was answered by 补考's "满分100分" first, the bare 多少 read as 分)
    _Row("quantity", re.compile(r"多少个?(?P<unit>字符|张|条|学时|课时|分(?![钟之成店类别支期])|件|单|字|页|笔|台|套|瓶|盒|箱|袋|颗|封|罐|桶|"
                                r"批次|批|户|档|家(?![庭具属用电人乡族里门中长]))|(?<![前这那过头近哪好十几”\"」』'’》等])几个?(?P<few>字符|张|单|字|页|笔|台|套|瓶|盒|箱|袋|颗|罐|桶|档|学时|课时|封|"
                                r"家(?![庭具属用电人乡族里门中长])|位(?![置于])|"
                                r"分(?![钟之成店类别支期]))"),
         None),
    # a count of anything, under a bound ("场控一个人最多能同时盯几个直播间？", "一个店最多能同时做几个这种牌子？"): a number of
    # 个 answers (probe P28 cited 场控's definition, which states none); not a bare 几个, "需要准备哪几个材料" (a list), nor
    # points, a rate ("佣金最多能给到几个点？" ← "…佣金比例不超过8%": probes P54 and P55 were not found)
    _Row("quantity", re.compile(r"(?:最多|最少|至少|最高|顶多|起码|上限)[^，,。；;？?]{0,8}?(?<![哪这那头近十好])(?P<ask>几个)"
                                r"(?![小工月星钟人等级]|(?:百分)?点(?![钟半子位]))"), r"个(?!工作日|月|小时|星期|钟头|百分点|人信息)"),
    # (几倍: "加班费按几倍工资算"; not 好几倍, 十几倍: "标价比进价高了好几倍"); a share in words answers a bare 多少 too
    # ("差多少算超标" ← 千分之三, "剩多少保质期" ← 三分之一), and points or pieces ("最多能加多少" ← 10分)
    # a rate in points ("按几个点的税率开", "扣多少个点"): a percentage answers (not "几点", a time of day)
    _Row("quantity", re.compile(r"(?:几|多少)个(?:百分)?点(?![钟半子])"), re.compile(r"\d+(?:\.\d+)?\s*[%％]|百分之|个(?:百分)?点")),
    # money ("一票最多能赔多少钱"): a sum, a share or a multiple of one ("订单实付金额的10%", "货值金额一倍以上"), not any
    # percentage ("理赔超时处理率超过10%的" answered it)
    _Row("quantity", re.compile(r"多少钱|多少块钱?|多少元"), _MONEY),
    # a sum named by what it is for ("报名要交多少报名费", "扣多少保证金"): money answers, not any number (probe T's
    # "…要交多少报名费？" was answered by "近90日店铺发货延迟率不得高于3%"); not 多少费用率, 多少消费者, 多少免费样品
    _Row("quantity", re.compile(r"多少(?:的)?[\u4e00-\u9fff]{0,3}?(?:(?<![消免浪])费用?|钱|保证金|定金|订金|押金|违约金|赔偿金|罚款|款项|货款)"
                                r"(?!用?率|者)"), _MONEY),
    # (and named before it: "报名费是多少？", "技术服务费收多少？", "保证金是多少？")
    _Row("quantity", re.compile(r"(?:(?:报名|技术服务|服务|快递|运|邮|保|手续|推广|坑位|年|月|入驻|开店|使用|物流|仓储|包装|维修|"
                                r"检测|认证|广告|会员|押|违约)?(?<![消免浪])费用?|保证金|定金|订金|押金|违约金|赔偿金|罚款|货款)"
                                + _SUM_ASKED_AFTER + r"(?![个天日年月周小工分星次件张条元块钱%])"), _MONEY),
    # what is left of a bound, asked after how much is used ("这个月已经加了30个小时班了，最多还能加多少？" ← "每月累计加班
    # 时长不得超过36小时"): a number of the unit told answers (probe P30 was not found, no unit of the bare 多少 answered)
    _Row("quantity", re.compile(r"了\s*" + _NUM + r"\s*个?(?P<unit>小时|分钟|天|日|工作日|周|次|单|件|张|笔|条|积分|分(?![钟之]))"
                                r"[^。？?！!]{0,12}?还(?:能|可以|可|剩|有|要|得|差)?[\u4e00-\u9fff]{0,3}?(?P<ask>多少)"
                                r"(?![个天日年月周小工分星次件张条单笔元块钱%])"), None, bound=True),
    _Row("quantity", re.compile(r"多少钱|多少元|几折|(?<![好十几百千万])几倍|比例|百分之|多少" + _NOT_A_LIMIT),
         "元|%|％|‰|折|倍|成|分之|分(?![钟之])|积分|张|件|单|字|千克|公斤|克|吨|斤|毫升|升|立方米|平方米|" + _WAGES),
    # (probe Q: "奖励20积分" stated no 多少; probe T: "干冰一箱最多能放多少" ← 不得超过2.5千克 was not found)
    # whether something is charged for ("复检要收费吗？", "能另外收费吗？", "拆旧的钱能跟顾客另收吗？"): a clause that says
    # a charge, a fee or that it is free answers (probes J and O answered them by a clause of no fee at all)
    _Row("fee", re.compile(r"(?:收|付|交|加|要|另收|另外收|额外收|单独收)(?:费|钱)(?:吗|么|嘛|不|没有|[？?])|"
                           r"另收(?:吗|么|[？?])|收不收(?:费|钱)|免不免费|是否(?:收费|免费|另行收费)|免费(?:吗|么|的吗)"),
         re.compile(r"费|免费|无偿|收取|付款|支付|价款|\d+(?:\.\d+)?\s*元")),
]
# "多久" is often answered by 及时 / 尽快: a time limit is preferred, not required
# (or its limit asked as a number: "报告给谁，时限是多少？" was read as asking an amount, and not found)
# (not a speed, "电动车送单的时候最快能骑多快？" ← "电动自行车行驶速度不得超过每小时25公里", blind probe P127 not found)
_TIME_ASKED = _Row("time", re.compile(r"(?<!没)(?<!没过)(?<!不)多久|多长时间|多少时间|(?<![骑开跑驶飞])多快|"
                                      # (whether a time limit is set: "还能改成好评吗？有时间限制没有？" quoted what
                                      # forbids a change, not "…可以在评价发布后30日内修改一次", third; probe T)
                                      r"有(?:没有)?(?:时间|期限|时限|时效)(?:上的)?限制(?!的(?!规定|要求|说法))|(?:时间|期限|时限)上?有(?:没有)?限制|"
                                      # ("有没有使用期限", "有没有期限要求", "有时效吗"; not "有没有时间限制的促销")
                                      r"有(?:没有)?[\u4e00-\u9fff]{0,2}?(?:期限|时限|时效|有效期|保质期)(?:要求|规定)?(?=吗|么|嘛|没|[？?]|$)|(?:" + "|".join(_LIMIT_WORDS) + ")(?:" + "|".join(v for v in _LIMIT_IS if v) + r")?多少(?![个天日年月周小工分星])"), _PERIOD_UNITS)


# when something is done, asked: a period of it is cited first (_choose), an event answers too ("节后第一个工作日内补做"): no
# time limit is asked for, as 多久 asks one
_WHEN_ASKED = _Row("time", re.compile(r"什么时候|何时"), _TIME_ASKED.units)


# a time limit asked, in so many words or not ("多少小时内必须回应": it was not found where the clauses cited stated none)
_PERIOD_ASKED = [_TIME_ASKED, *(row for row in _QUANTITY_ASKED if row.period)]


# "想写多少就写多少", "能卖多少算多少": any amount, no question for one
_ANY_AMOUNT = re.compile(r"多少(?:就|算|便)[\u4e00-\u9fff]{0,3}?多少")


_WHO_ASKED = re.compile(r"是谁|都?有谁|是哪些人|是哪个部门|是哪些单位")
# who within the company does something ("谁负责去查", "找谁批", "哪个部门管"), and what names one
_WHO_ACTS = re.compile(r"谁(?:来|去)?(?:负责|管|查|审|批|处理|跟进|对接)|找谁|归谁管|哪个(?:部门|岗位|团队)")
_NAMES_UNIT = re.compile(r"(?<![全内外局顶底头尾中背胸腹上下])部(?:门)?(?=[应须负在对于将可不要]|$|，)|中心|小组|专员|负责人|主管|经理|"
                         r"审核人员|工作人员|管理员|委员会|办公室|[\u4e00-\u9fff]{1,4}组(?=[应须负在对于将可])")


def _han_words(text: str) -> list[str]:
    """jieba's words of the text made of Chinese characters only (no punctuation, number or Latin word)."""
    from ingest.tokenize import words

    return [w for w in words(text) if re.fullmatch(r"[\u4e00-\u9fff]+", w)]


def _asked_noun(question: str) -> str | None:
    """The word a question asks who is ("主要起草人是谁" → 起草人), or None."""
    m = _WHO_ASKED.search(question)
    said = [w for w in _han_words(question[:m.start()]) if len(w) >= 2 and not _NO_NOUN.fullmatch(w)] if m else []
    return said[-1] if said else None


# words that stand before 是谁 and name no one: "投诉应该找的是谁", "商品质量问题是谁的责任"
_NO_NOUN = re.compile(r"应该|应当|需要|可以|能够|必须|问题|事情|情况|这个|那个|到底|究竟|一般|通常|具体")


class _Ask(NamedTuple):
    kind: str  # its row's
    words: str  # the words that ask ("几年")
    stated: re.Pattern  # a quantity that answers ("3年", "每月")
    anchors: tuple[str, ...]  # the words before the ask ("连续旷工几天" → 旷工, 连续)
    period: bool  # a period of time is asked: the anchor's 期限 set in words answers too
    bound: bool = False  # what is left under a bound is asked: only a quantity stated with a bound's words answers


# the superlatives a quantity is asked with, no anchor of it (最迟, 最快: "财务最迟几天要开出来" was anchored to 最迟; probe P20)
_MOST = "最多|最少|最长|最短|最晚|最迟|最早|最快|最慢|最高|最低|最大|最小"


def _anchors(before: str) -> tuple[str, ...]:
    """The two pairs of characters just before a quantity asked, in its phrase: where a clause has the first, the
    number that answers follows one of them ("连续旷工几天" → 旷工, 连续: "连续三天"; "累计几天" → 累计, not
    "累计____天")."""
    phrase = re.split(r"[，,。；;？?！!、\s]", before)[-1]
    # (the asking words inside it are none: "竞业限制最长能约定几年" → 约定, 限制, not 长能)
    phrase = re.sub(rf"(?:{_MOST}|一般|大概|大约)(?:能|可以|会|要|需要|得)?", "", phrase)
    # (nor a modal glued to a verb of one character: "年假一共能休几天" was bound to 能休, which "…因公司工作安排未能休假的
    # 除外" says, and not found beside "年休假5天"; probe P33)
    return tuple(p for p in (phrase[-2:], phrase[-4:-2]) if re.fullmatch(r"[\u4e00-\u9fff]{2}", p) and p[0] not in _GLUE)


# the words that ask how much, 最高 / 一般 / 能, are no anchor: "法定赔偿最高是多少钱" → 赔偿, 法定
_ASKING_TAIL = re.compile(rf"(?:是|为|有|要|了|能|会|可以|{_MOST}|一般|大概|大约|需要)+$")


_NOT_OF = ("的", "之", "地", "得", "按", "以", "对", "向", "给", "把", "被")  # particles and prepositions: no word an amount is of


def _asked_of(part: str, ask: str) -> str:
    """The word a quantity is asked of, the last before the ask ("…能要求赔多少" → 赔, "企业所得税税率是多少" → 税率); of an
    age, its unit, the age being of whom the clause names its own way ("幼猫…多大日龄" ← "犬、猫…60日龄")."""
    if _AGE_ASKED.search(ask):
        return "龄" if "龄" in ask and "年龄" not in ask else "岁"
    said = [w for w in _han_words(_ASKING_TAIL.sub("", part[:max(part.find(ask), 0)]))
            if w not in _NOT_OF]  # ("货款的几倍": 货款, not 的)
    if len(said) >= 2 and said[-1] in PEOPLE:
        said = said[:-1]  # (whom it is paid, after the verb: "要赔客人多少" → 赔; probe P63 was not found)
    # (not a modal jieba glued to it: "主图起码要放几张" → 放, not 要放)
    return (said[-1][1:] if len(said[-1]) == 2 and said[-1][0] in _GLUE else said[-1]) if said else ""


# a unit asked, and the units a clause states the same count in
_SAME_UNIT = {
    "字": "(?:汉|中文|英文)?字符?", "字符": "(?:汉|中文|英文)?字符?",  # ("最多20个汉字或者40个英文字符" states 几个字)
    "分": "积?分",  # points of a score or of a loyalty scheme ("签到能拿多少分" ← "可获得5个积分"; probe)
    "单": "单|笔",  # orders are counted in 笔 too ("几单算异常？" ← "…24小时内下单超过5笔"; probe P25)
    "条": "条|通",  # conversations in 通 too ("一周要被抽查多少条聊天记录" ← "每周抽检不少于20通会话"; probe P27)
    "学时": "学时|课时", "课时": "学时|课时",  # hours of class ("岗前培训最少得上多少课时？" ← "…不少于24学时"; probe P26)
    # digits or people ("密码起码得设几位？", probe P26, was answered by a rule on sending it; "要几位领导签字" ← "须经两名
    # 负责人签字")
    "位": "位|名|人",
    "天": "天|日", "日": "天|日",  # (days told in either: "已经请了3天" ← "不得超过5日")
}


# a quantity named as what may be told, not asked for: "打给他的紧急联系人时能不能告诉对方他欠了多少钱？" asks whether it
# may be told (probe P52 was not found, "问题问的是“多少钱”", beside "不得向紧急联系人透露用户的欠款金额")
# (or promised to one: "客服能不能先直接跟他说给补多少？" asks whether it may be promised; probe P75 was not found)
_TOLD_AMOUNT = re.compile(r"(?:告诉|透露|告知|说出|披露|泄露|公开|显示|展示|承诺|答应|许诺|(?:跟|和|对|向)[^，,。；;？?！!]{0,4}说)"
                          r"[^，,。；;？?！!]{0,8}$")
# or one that someone is asked to judge, in a question whether he may ("粉丝连麦让他看看手镯真假、值多少钱，他能给说法吗？" asks
# whether a host may appraise it; probe P54 was not found, "问题问的是“多少钱”")
_REPORTED_ASK = re.compile(r"(?:看看|看一下|看一看|瞧瞧|估估|估一下|估个|问问|问一下|鉴定一下|判断一下|评估一下)[^，,。；;？?！!]{0,12}$")


# another name in brackets after a thing, before the ask ("技术服务费（扣点）是多少？")
_ALIAS = re.compile(r"[（(][\u4e00-\u9fff]{1,6}[)）](?=[^，,。；;？?！!]{0,6}(?:多少|几))")


# "not much", told, no amount asked: "一盒月饼，没多少钱，这种也要去登记吗？" was "问题问的是“多少钱”" (blind probe P121)
_FEW_TOLD = re.compile(r"(?:没有?|不到|不值)$")


def _asked(question: str, table, at: int = 0) -> _Ask | None:
    """What a quantity question asks, by the first row of ``table`` that matches it (from ``at`` on: a later ask of
    the same row, with the words before it as its anchors)."""
    # (another name of a thing, in brackets after it, is passed over: "技术服务费（扣点）是多少？" asks the fee, and was
    # answered by a revision note's "…超过40%"; probe P55)
    question = _ANY_AMOUNT.sub("□", _ALIAS.sub("", question))
    for row in table:
        # (not 了几, a few that happened, where the question asks something else after it: "收货时发现少了几箱，仓管应该
        # 怎么处理？"; "广告违法被罚了几次会吊销营业执照？" asks the count)
        # (nor 几 in a yes-no question, which is "some", not "how many": "超过单次限额了，能拆成几单发吗？" asks whether it
        # may be split, and was not found, "问题问的是“几单”"; probe)
        m = next((x for x in row.pattern.finditer(question, at) if not (
            question[max(x.start() - 1, 0):x.start()] == "了" and _ASKS_ELSE.search(question, x.end())
            or x.group().startswith("几") and not row.period and (_YES_NO_END.match(question, x.end())
                                                                 or _YES_NO_BEFORE.search(question, 0, x.start()))
            and not _ASKS_WHETHER_KNOWN.search(question, 0, x.start())
            or _TOLD_AMOUNT.search(question, 0, x.start()) and _YES_NO_BEFORE.search(question, 0, x.start())
            or _REPORTED_ASK.search(question, 0, x.start()) and _YES_NO_END.match(question, x.end())
            or _FEW_TOLD.search(question, max(x.start() - 2, 0), x.start()))), None)
        if not m or row.kind == "date" and not _OF_A_DOCUMENT.search(question[:m.start()]):
            continue
        anchors = ()
        if isinstance(row.units, re.Pattern):  # stated anywhere in the clause
            stated = row.units
        else:
            units = row.units or re.escape(m.group("unit") or m.group("few"))
            units = _SAME_UNIT.get(units, units)
            # ("60个字符"; not an ordinal, "第三条", "第二年")
            # "按年申报": yearly (not 按年龄, nor 按时, on time)
            # (a period only: "每学时150元" is a rate per hour, no count of hours, "内部讲师一年最少要讲多少课时？"; probe P26)
            # (and a count as a share of its whole: "最多能有多少人去休息" ← "…休息人数不得超过在岗人数的20%"; probe P81)
            stated = re.compile(_NOT_ORDINAL + _NUM + r"\s*(?:个)?(?:" + units + r")"
                                + (r"|(?!按时)[每按](?:" + units + r")(?!龄)" if row.period else
                                   r"|(?:" + units + r")数的?\s*(?:\d+(?:\.\d+)?\s*[%％]|百分之)"))
            if row.units is _GRADES:
                stated = re.compile(stated.pattern + _LETTER_GRADE)
            if row.bound:  # ("不得超过36小时", "3次以内"; not "7×24小时在线服务")
                stated = re.compile(rf"{_BOUND_WORDS}\s*(?:{stated.pattern})|(?:{stated.pattern})(?=\s*(?:以上|以下|以内|之内))")
            # (a lead time's 提前 asks with it: "离职要提前多久" is asked of 离职)
            anchors = _anchors(_ASKING_TAIL.sub("", re.sub(r"(?:提前|提早)$", "", _ASKING_TAIL.sub("", question[:m.start(
                "ask" if "ask" in row.pattern.groupindex else 0)]))))
        # (a row's words that only tell what it asks are no part of the ask: "最多…几个" asks 几个)
        return _Ask(row.kind, m.group("ask" if "ask" in row.pattern.groupindex else 0), stated, anchors, row.period,
                    row.bound)
    return None


# a sentence's last phrase that only announces the list after it ("，考核指标包括：", "，具体如下："), not an exception
# ("…且无需说明理由，但下列商品除外：")
_ANNOUNCING = re.compile(r"(?<=[^，,；;])[，,；;][\u4e00-\u9fff]{0,8}?(?:包括|如下|分为|主要有|具体有|有以下几|有下列几)"
                         r"[^，,；;。应须得但除不承采支给执提赔负处遵]{0,6}[：:]$")  # (not "…的，公司承担以下费用：", a rule)


def _unannounced(statement: str) -> str:
    """A lead-in's statement whose list is not cited: the sentence that only announces the list is left out ("…并通知…
    部门和个人。通知应当包括下列事项：" would run into the next clause cited); a lead-in that is the whole sentence ("售出的
    产品有下列情形之一的，销售者应当…；…赔偿损失：") stays, less a last phrase that only announces it ("跨境事业部按季度对
    店铺进行考核，考核指标包括：" was quoted "…考核指标包括[1]；", cut off; probe)."""
    return re.sub(r"[^。]*[：:]$", "", statement).rstrip("。") or _ANNOUNCING.sub("", statement).rstrip("：:")


_BOUND_WORDS = "(?:超过|多于|高于|少于|低于|最多|至多|最少|至少|上限为|下限为|累计|达到|满)"
_BOUND_BEFORE = r"(?:不少于|不低于|不超过|不多于|不高于|至少|最少|最多|最高|最低|累计)"  # a bound's words before its number
# the rest of a yes-no question ("…拆成几单分开报关行不行？": probe P20 looked for a clause that states a count of 单)
# (or after a comma: "找几个朋友先下几单把销量冲起来，这样可以吗？"; probe P25 was not found, "问题问的是“几单”")
_YES_NO_END = re.compile(r"[^。；;？?！!]{0,20}?(?:吗|嘛|行不行|可不可以|能不能|对不对|好不好|是不是|允不允许|可以不)\s*(?:[？?。！!]|$)")
# "知道要交几份材料吗", "有说要交几份吗" ask the count
# (or asked before it, in its sentence: "盖章能不能先在几张白纸上盖好，回头再往上打印内容？" asks whether, of some sheets;
# probe P24 was not found, "问题问的是“几张”")
_YES_NO_BEFORE = re.compile(r"(?:能不能|可不可以|可以不可以|要不要|是不是|能否|可否|是否)[^。？?！!]*$")
_ASKS_WHETHER_KNOWN = re.compile(r"(?:知道|清楚|晓得|了解|有说|说了|说过|规定|提到|写了|写明|告诉)[^，,。；;？?]*$")
_NTH_TIME = re.compile(r"第" + _NUM + r"次")
_ASKS_ELSE = re.compile(r"怎么|如何|怎样|什么|哪|吗|呢|是否|能否|能不能|要不要|可不可以|该不该|咋")
_PERIOD = re.compile(r"(?:的)?(?:期限|时限|期间)")  # "保存期限…", "处理时限…": the period itself
_NTH_AFTER = re.compile(rf"(后)第({_NUM})\s*(?=(?:个)?(?:小时|天|日|工作日|周|月))")  # "完成后第3个工作日": 3 working days on


# a sanction's amount ("处二万元以上十万元以下的罚款") is no price, fee or ratio: it answers only a question about one
_SANCTION = re.compile(r"[^，,；;。]*(?:罚款|罚金|处罚|没收)[^，,；;。]*")


# the adverb, not ten points ("十分重视"; not 十分之一, 十分钟, 十分制, "低于十分的")
_VERY = re.compile(r"(?<![\d一二三四五六七八九两百千万])十分(?=[\u4e00-\u9fff])(?![之钟制的以为])")


_PERIOD_ENDS = re.compile(rf"(?:{_ANY_PERIOD.pattern})\s*的?$")  # a period the text ends with ("…享有90日")


# a phrase that bounds the amount of the one before it ("…支付补偿，最低10元、最高50元", "…赔偿，单笔最高不超过2000元")
_BOUND_NEXT = re.compile(r"(?:单笔|每笔|每次|每单)?(?:最低|最高|最多|不超过|不低于|上限|下限|封顶)")


# (a fee by its name, "多少代理费", "多少报名费"; not 多少费用, 多少钱, nor a deposit, which a table under its heading states:
# "夜宵烧烤类　2万元" under "保证金标准")
_NAMED_SUM = re.compile(r"多少(?:的)?([\u4e00-\u9fff]{1,3}?(?<![消免浪])费)|"
                        # (or named before it: "技术服务费是多少？" was answered by a revision note's "…超过40%"; probe P55)
                        r"([\u4e00-\u9fff]{1,4}?(?<![消免浪])费)" + _SUM_ASKED_AFTER)


def _says_name(text: str, name: str) -> bool:
    """Does the text name the sum so, or with a word or two more before its kind ("代办费" ← "代办服务费"; probe P49's
    "平台最多能收多少代办费？" was not found beside "每张客票每次收取代办服务费不超过20元")?"""
    return name in text or _alike_said(name, text) or len(name) >= 3 and re.search(
        re.escape(name[:-1]) + r"[\u4e00-\u9fff]{1,2}" + re.escape(name[-1]), text) is not None


_SUM_OR_RATE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|元|万元)|百分之")
_NAMED_AMOUNT = re.compile(r"多少(?:的)?([\u4e00-\u9fff]{1,3}?(?:(?<![消免浪])费|(?<![现资基])金|(?<![条贷])款))")  # (违约金, 赔偿款)
# damages asked by the verb (赔, 赔偿, 补偿…), paid under the name of a sum: "一单要赔给买家多少钱？" ← "每笔订单向买家支付
# 订单实付金额30%的违约金，最低5元、最高500元" (probe P84 was not found: no 赔 in it)
_DAMAGES_ASKED = frozenset({"赔", "赔偿", "赔付", "赔钱", "补偿", "理赔"})
_DAMAGES_PAID = re.compile(r"(?:支付|给付|赔付|补偿|给予)[^，,。；;]{0,16}(?:违约金|赔偿金|补偿金)")


_SHARE_OF = re.compile(r"([\u4e00-\u9fff]{2})的?(?=(?:比例|百分比)是?多少)")


# a period passed with a thing undone, a case ("超过15日仍未修复的", "逾期30日未领取的"), and a question that asks such a point
_UNDONE_PAST = re.compile(r"(?:超过|超出|逾期|已满|满)\s*" + _ANY_PERIOD.pattern + r"[^，,。；;：:]{0,4}?(?:仍未|尚未|仍没|仍不|未|没有)[^，,。；;]{0,12}?的")
_PAST_ASKED = re.compile(r"超过|超出|逾期|满|过了|拖(?:到|了|过)?")  # ("拖到多少天主管得出来督办？", blind probe P122)


# an amount set by the share or the rule it is reckoned by (blind probe P120 was "问题问的是“多少”" beside it)
_BY_SHARE = re.compile(r"按(?:照)?[^，,。；;]{2,24}?(?:比例|差额|差价|计算公式)")


_NO_REASON_NAME = re.compile(r"(?:七|7)\s*(?:天|日)(?=无理由)")  # the 7-day policy by its name ("申请七天无理由退货")
# a rate asked, a count per a period ("一天累计最多…多少次", "每月最多…"), and a rate a clause sets ("每秒上限100次", "单日")
_PER_ASKED = re.compile(r"(?:每|一|单|1)\s*(?:个)?(秒|分钟|小时|天|日|周|星期|月|季度|年)(?![级龄])")
_PER_SAID = re.compile(r"(?:每|单|当)\s*(?:个)?(秒|分钟|小时|天|日|周|星期|月|季度|年)")
_UNIT_AS = {"日": "天", "星期": "周"}


def _states(clause: Clause, ask: _Ask, question: str, exact: bool = False) -> bool:
    """Does the clause state the quantity (right after an anchor word, where it has the first)? The amount of a
    sanction counts only where the question asks about sanctions. A period asked is stated by a number of any unit
    of time, or set in words right after an anchor; where ``exact``, only by a number of the unit asked. A case told
    for training states none: what was done once ("案例一：…网点于3日内修复") sets no limit."""
    if _case_told(clause):
        return False
    text = _GROUPED.sub("", clause.text.replace("____", "").replace("＿", ""))
    text = _VERY.sub("很", text)  # "十分满意" states no ten points
    if not ASKS_SANCTION.search(question):
        text = _SANCTION.sub("", text)
    if ask.kind != "date":  # "2022年4月14日 …公布" states no number of months
        text = _A_DATE.sub("□", text)
    if ask.period and "无理由" not in question:  # (a policy's name states no time of another act: "…申请七天无理由退货…"
        # answered "衣服有质量问题退回来，商家得多久把运费补给买家？"; blind probe P128)
        text = _NO_REASON_NAME.sub("□", text)
    if ask.period:  # the day a count after an event ends on is that many days: "订单确认完成后第3个工作日" (probe P61)
        text = _NTH_AFTER.sub(r"\1\2", text)
    if "倍" in ask.words:  # a multiple said as amends, "假一赔十", is ten times (probe P64's table of them)
        text = re.sub(rf"一赔({_NUM})", r"赔\1倍", text)
    if ask.period and _LEAD_ASKED.search(question) and not _LEAD_STATED.search(text):
        return False
    at = question.find(ask.words)
    if ask.period and at >= 0 and not _PAST_ASKED.search(question[max(at - 6, 0):at]) \
            and not re.search(r"[不没未]", question[at + len(ask.words):at + len(ask.words) + 4]):
        # a period a case passes with a thing still undone sets no limit of it ("保修期内维修时限超过15日仍未修复的" is when
        # a repair becomes a replacement, and answered "一般几天之内得修好？" before "需更换零部件的，应当在7日内修复"; probe
        # P51), unless the question asks that point ("超过几天没修好能换新？", "多久不取算放弃？")
        text = _UNDONE_PAST.sub("□", text)
    # a sum asked by the name of what it pays ("找报关行代理一般要付多少代理费？") is stated where that name is: "单批次退运
    # 货值不超过5万元的，由…审批" answered it (probe P41)
    if (named := _NAMED_SUM.fullmatch(ask.words)) and not _says_name(text, named.group(1) or named.group(2)):
        return False
    # and a share by what it is of ("平台对商家的佣金抽成比例是多少？" ← "…按照不低于上线商户总数1%的比例随机抽取", a check's
    # share; probe P42)
    if (share := _SHARE_OF.search(question)) and ask.words.startswith(("比例", "百分比")) and share.group(1) not in text:
        return False
    # how often ("会员等级多久评一次") is said by a rate, not by a length: "等级依据会员近12个月的成长值确定" was cited for it
    # before "会员等级每月1日…自动评定" (probe)
    if ask.period and _FREQUENCY_ASKED.search(question) and not _RATE.search(text):
        return False
    # and a deadline ("整改期限是几天？", "多久内要报告？") by no rate: "每半年开展一次数据安全检查" is how often, and it
    # answered a 整改期限 no document sets (held-out probe)
    if ask.period and _DEADLINE_ASKED.search(question) and not _FREQUENCY_ASKED.search(question):
        text = _HOW_OFTEN.sub("□", text)
    # (the hours of each day, "每日8:00至22:00", are no period: "客服热线的服务时间为每日8:00至22:00…" answered "客服最晚多久要回
    # 过去？" before "…应当在2小时内响应"; blind probe P107)
    if ask.period and not _FREQUENCY_ASKED.search(question):
        text = _DAILY_HOURS.sub("□", text)
    part = re.split(r"[，,；;。？?]", question[:max(at, 0)])[-1]
    # a count per a period asked is not one per another ("一级权限的接口一天累计最多可以调用多少次？" was answered by "一级权限
    # 接口：每个应用每秒上限100次"; blind probe P129)
    if ask.kind == "quantity" and not ask.period and (per := _PER_ASKED.search(part)):
        said = {_UNIT_AS.get(u, u) for u in _PER_SAID.findall(text)}
        if said and _UNIT_AS.get(per.group(1), per.group(1)) not in said:
            return False
    if ask.kind == "bears" and at >= 0 and not _FEE.search(part):
        # (or the cost named after the ask: "…工伤怎么处理、谁来出医药费？" was answered by "因搬运、安装操作不当导致损坏的，
        # 由服务商承担责任"; blind probe P110)
        part = re.sub(r"[呢啊呀吗]+$", "", re.split(r"[，,；;。？?！!]", question[at + len(ask.words):])[0]) or part
    fee, cost = (_FEE.search(part), _cost_named(part)) if ask.kind == "bears" else (None, None)
    if fee or cost:
        # who pays a cost ("外包客服的岗前培训费用由谁承担？") is said where the sentence that allocates names a cost: "…的，
        # 由外包服务商承担违约责任" (a liability) answered it (probe R); and the cost named, where the question names one
        # of its own ("结汇时的汇率损失由谁承担？", "关税由谁承担？" were answered by "召回费用由供应商承担"; probes)
        # (or among the costs listed after it, "公司承担以下费用：（一）培训费；（二）差旅费…", whose items name them)
        return any(ask.stated.search(x) and (not fee or _FEE.search(x)) and (cost is None or _says_cost(_allocating(x, ask), cost)
                                                                          or bool(_LISTS_COSTS.search(x)) and _says_cost(
            text[text.find(x) + len(x):], cost)) for x in re.split(r"[；;。]", text))

    def stated(t: str, within: int | None = None) -> bool:
        """A quantity in ``t`` (near its start: a period wholly in its first ``within`` characters, a count of the
        unit asked starting there)."""
        found = [ask.stated] + ([_YEARS_OR_MONTHS if "年" in ask.words else _ANY_PERIOD] if ask.period and not exact else [])
        reach = within or len(t) + 1
        return any((m.end() <= reach if ask.period else m.start() < reach) for p in found for m in p.finditer(t))

    if ask.kind == "quantity" and _bounded_by_another(text, ask, question):
        return True
    if ask.kind == "quantity" and ask.words in ("多少", "多少钱") and _BY_SHARE.search(text):
        return True  # how it is reckoned: "套装里顾客只退其中一件，补贴要收回多少？" ← "…按退货商品售价占订单总价的比例追回补贴"
    if "次" in ask.words and ask.kind == "quantity" and _NTH_TIME.search(text):
        return True  # the time that counts, wherever the ladder stands: "会员违规了几次会被冻结…" ← "…第二次发现的，冻结…"
    if ask.anchors and ask.anchors[0] in text:  # ("消费者退货多少天" → 退货, 费者: 费者 alone binds nothing)
        anchors = [a for a in ask.anchors if a in text]
        # the number follows an anchor closely, within the same phrase, its unit maybe further ("抽检商品批次不少于
        # 500批次"); for a time asked, the anchor's period set in words answers too ("最多能保存几年" ← "保存期限应当为
        # 实现处理目的所必要的最短时间")
        found = [x for a in anchors for x in re.finditer(a, text)]
        # (a colon after a word or two goes on with the values it introduces: "考核指标及权重如下：质量合格率占40%…"
        # for "…权重多少"; probe)
        phrases = [re.split(r"[，,；;。]|[：:](?!\d)", re.sub(r"^[^，,；;。：:]{0,4}[：:](?!\d)", "", text[x.end():]))[0]
                   for x in found]  # (8:00 is a time)
        # (a phrase that goes on with what the question says after the anchor is of what is asked, its number anywhere in
        # it: "抽检比例多少" ← "人工抽检比例为每名客服每周会话量的5%"; probe)
        after = re.sub(r"^[的之]", "", _ASKING_TAIL.sub("", question[question.find(ask.anchors[0]) + len(ask.anchors[0]):
                                                                    max(question.find(ask.words), 0)])) \
            or (ask.words if not re.search(r"[多几]", ask.words) else "")  # (the asked noun itself: 比例, 费率)
        # (and a phrase that names the measure of it, "抽检要抽多少" ← "抽检比例不得低于到货箱数的10%"; probe P77 was not found)
        if any(stated(p, None if len(after) >= 2 and re.sub(r"^[的之]", "", p).startswith(after) or _MEASURE.match(p)
                      else ANCHOR_REACH)
               or (ask.period and not exact and _PERIOD.match(p)) for p in phrases):
            return True
        # (a time limit the anchor's phrase sets for it, however far on: "财务最迟几天要开出来" ← "…财务部应当在订单完成后3个
        # 工作日内开具电子发票"; probe P20 was not found)
        if ask.period and any(m is not None and stated(m.group(1)) for m in map(_LIMIT_SET.match, phrases)):
            return True
        # (or in the phrase after the anchor's, where that ends in when it applies: "客服最晚多少天内要给人家答复结果？" ←
        # "客服人员受理退款申请后，应当在3个工作日内完成材料初审，并在受理之日起15个工作日内…告知处理结果"; probe P45 cited
        # the parent's 90日 to apply, which names no 客服)
        if ask.period and any(p.endswith(("后", "时")) and (m := _LIMIT_SET.match(text[x.end() + len(p) + 1:]))
                              and stated(m.group(1)) for x, p in zip(found, phrases)):
            return True
        # (a period right before the anchor that names it one, "保修多久" ← "维修部位自寄回之日起享有90日保修期": probe P19
        # quoted "…寄回后3日内进行电话回访" first, which says no 保修)
        if ask.period and any(text.startswith("期", x.end()) and _PERIOD_ENDS.search(text[max(0, x.start() - 12):x.start()])
                              for x in found):
            return True
        # (the quantity before the anchor, of which it is said: "要培训多少个小时" ← "须完成不少于16学时的岗前培训"; probe; a
        # bound, not a condition's number, "经营满12个月的店铺保证金可以申请降低", nor what describes it, "保质期为30天的
        # 生鲜商品，不得采用海运方式发货" for "生鲜商品多少天内要发货"; review)
        # (or right before it: "照片要拍几张" ← "质检员应当拍摄不少于3张照片"; probe P77 was not found)
        if ask.kind != "time" and any(re.search(rf"{_BOUND_BEFORE}\s*(?:{ask.stated.pattern})\s*(?:的[\u4e00-\u9fff]{{0,4}})?$",
                                                text[max(0, x.start() - 30):x.start()]) for x in found):
            return True
        # (an amount paid at a rate of another, before what is paid, or bounded in the phrase after it: "补偿多少" ← "…应当
        # 按照每笔订单实付金额的10%向消费者支付补偿，最低10元、最高50元"; probe P40 was not found)
        def bounded_next(x: re.Match, phrase: str) -> bool:  # (the anchor ends its phrase, the next bounds the amount)
            rest = text[x.end() + 1:]
            return not phrase and _BOUND_NEXT.match(rest) is not None and stated(re.split(r"[；;。]", rest)[0])

        if ask.kind == "quantity" and any(
                re.search(rf"按照?[^，,；;。]{{0,20}}?(?:{ask.stated.pattern})[^，,；;。]{{0,12}}$", text[max(0, x.start() - 40):x.start()])
                or bounded_next(x, phrase) for x, phrase in zip(found, phrases)):
            return True
        # (how many times, right before the act counted: "密码连着输错几次会被锁？" ← "连续5次输错密码的，账号锁定30分钟";
        # probe P28 was not found, "问题问的是“几次”")
        if re.search(r"[次回遍趟]", ask.words) and any(re.search(rf"(?:{ask.stated.pattern})\s*(?:以上|及以上)?$",
                                                                text[max(0, x.start() - 12):x.start()]) for x in found):
            return True
        # the anchor naming its period, the period anywhere in that phrase ("至少要保存几年" ← 电子商务法 第三十一条 "…保存
        # 时间自交易完成之日起不少于三年", past the reach: it was not found)
        # (or in the phrase after it, where it stands alone: "竞业限制最长能约定几年" ← 劳动合同法 第二十四条 "…竞业限制期限，
        # 不得超过二年"; probe)
        # (or a few words on, a period of the time limit named: "在线客服多久之内必须回复" ← "在线客服首次响应时长不得超过30秒",
        # which lost first place to "…留言及工单应当在24小时内回复"; probe)
        if ask.period and any((_NAMES_PERIOD.match(p) or _TIMED.match(p)) and (stated(p) or _NAMES_PERIOD.fullmatch(
                p.strip()) and stated(re.split(r"[；;。]", text[x.end() + len(p) + 1:])[0].split("，")[0]))
                for x, p in zip(found, phrases)):
            return True
        # (or the unit asked: "按几倍赔？" ← "商品类别 | 赔偿倍数 | … 白酒 | 假一赔十"; probe P64 was not found)
        unit = [u for u in [re.sub(r"^(?:几|多少)个?", "", ask.words)] if u and u != ask.words and re.fullmatch(r"[倍成折]", u)]
        # (or the cost asked by its name after the ask: "卖家要交多少技术服务费？" ← "成交价区间 | 服务费率 | …"; probe P50)
        unit += _cost_after(re.split(r"[，,。；;？?！!]", question[at + len(ask.words):])[0]) if at >= 0 else []
        if any(stated(cell) for cell in _column_under(text, anchors + unit)):
            return True  # a table whose header names it: its cells state it ("手续费率是多少？" ← "| 12期 | 7.5% |")
        # (a time limit, "…内", stands before the verb: "他的账号多久会被注销" ← "…应当在24小时内注销其全部账号", the
        # anchor 账号 after it in its phrase; not a count without 内: "累计几天" is no "连续旷工三天或当月累计____天")
        done = _done_within(question, ask)
        # ("换货最晚几天内申请"; or a bound on the act itself, nothing asked done after it: "无理由退货最多几天" ← "…七日内，
        # 可申请无理由退货", the window of a right being the time to ask for it)
        asks_request = bool(_REQUESTED.search(done)) or not done and bool(_BOUND_ASKED.search(question, 0, max(
            question.find(ask.words), 0) + len(ask.words)))
        # (a period of the unit asked followed closely by what the question asks to be done within it: "退货申请提交后客服
        # 几小时内审核？" ← "客服人员应当在收到退货申请后24小时内审核", its number past the reach of 客服; review)
        # (or in the phrase after it, where that goes on with the act: "…自收到投诉之日起七个工作日内，予以处理并告知消费者"
        # for "监管部门一般多少天内要处理"; law probe)
        if ask.period and done and any(re.match(r"\s*(?:以内|之内|内)", text[m.end():]) and done in re.split(
                r"[，,；;。！？!?]", _GOES_ON.sub("", text[m.end():m.end() + DONE_REACH], count=1))[0]
                for m in ask.stated.finditer(text)):
            return True
        # (or a time frame that opens the anchor's sentence, the act asked in it: "链接多久能恢复？" ← "反通知送达权利人后15日
        # 内，平台未收到…起诉通知的，应当及时终止所采取的措施，恢复商品链接"; probe P43 was not found)
        if ask.period and not exact and done and any(
                done in x and _DEADLINE.search(opening := re.split(r"[，,]", x)[0]) and stated(opening)
                for x in re.split(r"[；;。]", text) if any(a in x for a in anchors)):
            return True
        # (the phrase before, where it ends in a time limit that governs the anchor's: "无理由退货多少天内可以申请" ← "七日内，
        # 可申请无理由退货"; read over the clause's lines: "平台多久之内要把链接恢复？" took a later 款's "七个工作日内" for
        # the 平台 of its first line, review)
        befores = [re.sub(r"^(?:.*[，,；;。])?(?=[^，,；;。]*(?:" + _DEADLINE.pattern + r")\s*[，,][^，,；;。]*$)|^.*[，,；;。]", "",
                          text[:x.start()], count=1, flags=re.S) for x in found]
        # (how often, by a rate before it in its phrase: "全盘多久做一次？" ← "…，每月最后一个工作日进行全盘", which lost first
        # place to "会员等级每月1日自动评定一次", a clause without 全盘; probe P18)
        if ask.period and _FREQUENCY_ASKED.search(question) and any(_RATE.search(b) for b in befores):
            return True
        # (a lead time asked, before it too: "样品要提前几天送到？" ← "…应当在开播前至少3个工作日将样品送至品控部")
        lead = _LEAD_ASKED.search(question)
        # (or in another sentence: "平台修改交易规则要提前几天公示？" ← "…实施前七日予以公示"; review)
        return ask.period and not exact and (any(_deadline_of(b, ask, asks_request) for b in befores)
                                             or bool(lead and _LEAD_STATED.search(text)))
    return stated(text)


_GOES_ON = re.compile(r"(?<=内)[，,](?=\s*(?:予以|依法|及时|进行|作出|并|即))")  # "…日内，予以处理": the act timed


def _column_under(text: str, anchors: list[str]) -> list[str]:
    """The cells of a table's column whose header holds one of the anchors ("| 分期期数 | 消费者手续费率 |" over "| 12期 |
    7.5% |" for 费率), in the rows under it."""
    out: list[str] = []
    header: list[str] = []
    for line in text.split("\n"):
        cells = table_cells(line)
        if len(cells) < 2:
            header = []
            continue
        if not header:
            header = cells
            cols = [i for i, c in enumerate(cells) if any(a in c for a in anchors)]
            continue
        if rule_row(cells):  # a Markdown table's |---| under its header
            continue
        out += [cells[i] for i in cols if i < len(cells)]
    return out


# the measure a phrase after a word names of it ("抽检比例…", "赔付金额…"): its number may stand anywhere in the phrase
_MEASURE = re.compile(r"[的之]?(?:比例|比率|数量|数额|金额|总数|人数|件数|箱数|次数|天数|份数)")
ANCHOR_REACH = 10  # how far after the word the question puts before its ask a quantity may start
# a duty's time limit, right after whom it binds or a unit or staff of theirs: "(财务)部应当在订单完成后3个工作日内", "须在退款
# 完成后5个工作日内", "(平台)评价处理专员应当在3个工作日内" (blind probe P95 was not found) (not another party named by more
# words: "(平台)经营者应当在七个工作日内")
# (or counted from an event, the act it times in the same phrase: "平台应当自收到退还申请之日起15个工作日内完成审核",
# probe P61 was not found; not "…应当自收到投诉之日起七个工作日内，将投诉转交有关部门处理" for "…多少天内要处理")
_LIMIT_SET = re.compile(r"(?:[\u4e00-\u9fff]{0,6}?(?:专员|人员|部门?|组|中心|处|科))?(?:应当|应|须|必须|需)(?:在|自(?=[^，,；;。]{0,20}?内[^，,；;。]))"
                        r"([^，,；;。]{0,20}?内)")
# (or a sum paid for goods or in amends, "赔付款的50%由平台助农专项基金承担" for "…这笔钱最后由谁来出？", probe P58; not a
# refund, "财务部负责退款的复核与支付" for who pays a 保价费, nor 条款)
_FEE = re.compile(r"(?<![消免浪])费|钱|成本|(?:赔付|赔偿|赔|价|货|车|尾|余)款|差价|差额|(?:超出|超过|多出|高出)(?:的)?部分")  # what a
# cost is called (not 消费者, 免费), or the part of one above a cap ("…，超出部分由用户自行承担" for "多出来的钱谁付？"; P115)
_COST = re.compile(r"(?:费用?|钱|成本|损失|款|税|税费|差价|差额|开销|开支)$")  # a word naming a cost or a loss
_ANY_COST = frozenset("费 费用 钱 成本 损失 款 税费 开销 开支".split())  # ...which names no particular one
_ANY_COST_LONGEST_FIRST = sorted(_ANY_COST, key=lambda k: (-len(k), k))  # (费用 before 费)
_ALIKE_COSTS = (("差价", "差额"), ("运费", "快递费", "邮费", "物流费", "配送费", "寄件费", "运输费"))  # names of one cost


def _alike_said(cost: str, text: str) -> bool:
    """Does the text say another name of the cost, or the cost itself, where _ALIKE_COSTS has it?"""
    return any(x in text for group in _ALIKE_COSTS if cost in group for x in group)


# words that say how much of a cost, not what it is of: "多出来的费用谁掏？" ← "因此增加的费用由游客承担" (probe P63)
_HOW_MUCH_MORE = frozenset("多出来 多出 多 出来 额外 增加 新增 多余 其他 其余 相关 所有 全部 产生 所需 这些 那些".split())


@lru_cache(maxsize=1024)  # (read of the question, once for all the clauses _states weighs)
def _cost_after(phrase: str) -> list[str]:
    """The cost a quantity is asked of, named in the phrase after the ask ("多少技术服务费"), among its first three words."""
    return [w for w in _han_words(phrase)[:3] if len(w) >= 2 and _COST.search(w)][:1]


@lru_cache(maxsize=1024)  # (read of the question, once for all the clauses _states weighs)
def _cost_named(part: str) -> str | None:
    """The particular cost a question asks who bears, from the words before its ask: its own name ("关税"), or a cost of
    any kind with what it is of ("汇率损失", "保价费"; see _says_cost); none for a cost of any kind ("费用谁出", "复检的钱
    谁出") or what is no cost ("责任由谁承担")."""
    part = re.sub(r"(?:是|该|应该|应当|应|要|需要|得|由|归|让|到底|最终|最后)+$", "", part)  # ("运费该谁出", "损失由谁承担")
    # (nor the party the question puts before its ask: "验厂的差旅费是供应商出还是咱们自己出？" asks of 差旅费, and was
    # answered by "…退货运费由供应商承担"; probe P31)
    part = re.sub(r"(?<=[费钱本失款税价额支销])(?:是|由|该由|应由|归)[\u4e00-\u9fff]{1,6}$", "", part)
    segments = re.split(r"[的之]", part)
    said = _han_words(segments[-1])
    said = [w for w in said if not any(w != o and w in o for o in said)]  # (jieba's search words: 保价费 and 保价)
    # (what points at a cost, in one word with it, names none: jieba's 这钱 of "这钱谁出？"; probe P91 was not found)
    said = said[:-1] + [re.sub(r"^[这那该此其本每各某哪](?=[\u4e00-\u9fff])", "", said[-1])] if said else said
    if not said or not _COST.search(said[-1]):
        return None
    if said == ["费用"] and len(segments) >= 2:  # what the cost is of, before 的: "上门安装的费用是谁出？" (probe P22 was
        # answered by "…拒收大件商品所产生的返程运费由消费者承担")
        of = [w for w in _han_words(segments[-2]) if w not in _HOW_MUCH_MORE]
        if of and len(of[-1]) >= 2 and not re.match(r"[这那该此其本每各某哪]", of[-1]):
            # (with the verb before its object: "送检鉴定真伪的费用由谁来出？" is of 鉴定 as much as 真伪, and "鉴定费用…由商家
            # 承担" was passed over; probe P64 was not found)
            verb = of[-2] if len(of) >= 2 and len(of[-2]) >= 2 and not re.match(r"[这那该此其本每各某哪]", of[-2]) else ""
            return verb + of[-1] + "费用"
    if said[-1] not in _ANY_COST:
        # (a fee of one character's kind is said by any name of it: "邮费谁出" ← "退回商品的运费由消费者承担")
        return None if len(said[-1]) == 2 and said[-1].endswith("费") else said[-1]
    # (not "这个损失": what points at the cost names none)
    return said[-2] + said[-1] if len(said) >= 2 and len(said[-2]) >= 2 and not re.match(r"[这那该此其本每各某哪]", said[-2]) \
        else None


def _allocating(sentence: str, ask: "_Ask") -> str:
    """The phrase of a sentence that allocates a cost, where it names one ("…将商品送至鉴定机构，送检运费由消费者先行垫付"
    allocates 送检运费, no 鉴定 cost: probe P64 cited it for "送检鉴定真伪的费用由谁来出？" before "鉴定费用和往返运费由商家
    承担"), with the case it is in; or the sentence, where the phrase names none ("安装所需材料费用，由商家承担")."""
    m = ask.stated.search(sentence)
    if m is None:
        return sentence
    phrases = re.split(r"[，,]", sentence[:m.end()])
    if not _FEE.search(phrases[-1]) or _LISTS_COSTS.search(phrases[-1]):
        return sentence
    # (and the case it is in, which may name what the cost is of: "因消费者原因拒收的，返程运费由消费者承担")
    return (phrases[-2] if len(phrases) >= 2 and phrases[-2].endswith("的") else "") + phrases[-1]


def _says_cost(sentence: str, cost: str) -> bool:
    """Does a sentence that allocates a cost say the one named: in a word of it ("进口税" ← 进口关税, "包装费" ← 包装材料费用),
    or what kind of cost it is with the first character of what it is of ("汇兑损失" ← 汇率损失)?"""
    # (or another name of it: "差价谁出？" ← "…客户应承担金价差额", probe P54; "快递费到底谁出？" ← "…往返运费由商家承担",
    # probe P57)
    if _alike_said(cost, sentence):
        return True
    kind = next((k for k in _ANY_COST_LONGEST_FIRST if cost.endswith(k) and len(cost) > len(k)), "")
    of = cost[:-len(kind)] if kind else cost
    return any(of[i:i + 2] in sentence for i in range(len(of) - 1)) or of in sentence or bool(
        kind and of[0] in sentence and kind in sentence)


_LISTS_COSTS = re.compile(r"(?:以下|下列|如下)[^，,；;。]{0,4}(?:费|款|损失|成本)")  # "公司承担以下费用："
_NAMES_PERIOD = re.compile(r"(?:的)?(?:时间|期限|时限|年限|期间|周期)")  # "保存时间…", "保存期限…"
_TIMED = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:响应|回复|处理|办结|到账|发货)(?:时长|时限|时间|时效)")  # "首次响应时长…"
# a time limit, "…内" (not a condition's period: "经营满12个月的店铺保证金可以申请降低" answers no "保证金多久退还")
_DEADLINE = re.compile(_ANY_PERIOD.pattern + r"\s*(?:以内|之内|内)")
# what asks for the act, not the act: "消费者应在签收后7日内申请退款" sets no time for 退款 to be paid
_REQUESTED = re.compile(r"申请|提出|要求|申报|申诉|投诉|告知|通知")
_BOUND_ASKED = re.compile(r"(?:最多|最长|最晚|最迟)(?:能|可以|可|要|是|有)?(?:几|多少|多久|多长)")


def _deadline_of(before: str, ask: "_Ask", asks_request: bool = False) -> bool:
    """Is there a time limit in the phrase before the word asked about that answers the ask? Any for a time (多久); for a
    number asked in a unit ("退款几天到账" ← "…应当在3个工作日内完成退款"), the last one before it, in that unit, and of the
    act itself, not of a request for it ("…7日内申请退款"), unless the request is what is asked (``asks_request``: "换货最晚几天
    内申请" ← "…十五日内可申请换货"); "空调保修几年" is not answered by "…应当在15日内完成保修"."""
    if ask.kind == "time":
        return bool(_DEADLINE.search(before))
    last = None
    for last in _DEADLINE.finditer(before):
        pass
    near = next((p for unit, p in _NEAR_UNIT.items() if unit in ask.words), None)
    return last is not None and bool(ask.stated.search(last.group()) or near and near.search(last.group())) \
        and (asks_request or not _REQUESTED.search(before[last.end():]))


# a time limit in the next unit up or down answers a number asked in another ("资料要几天内交接完" ← "必须在一周之内移交完所有
# 资料"; probe): days by weeks or hours, months by years or weeks, not years by days ("空调保修几年" ← "…15日内完成保修")
_NEAR_UNIT = {unit: re.compile(_NOT_ORDINAL + _NUM + r"\s*(?:个)?(?:" + near + ")") for unit, near in (
    ("天", r"周(?!岁)|星期|小时"), ("日", r"周(?!岁)|星期|小时"), ("小时", r"天|日|分钟"), ("分钟", r"小时|秒(?!杀)"),
    ("月", r"年|周(?!岁)|星期"), ("年", r"月"))}

_WITHIN = r"\s*(?:之内|以内|内)"  # a period's end that makes it a time limit ("7日内修复", "几天之内得修好")


def _done_alike(stated: str, asked: str) -> bool:
    """Are a clause's words after a period and a question's after the one it asks a time limit on one act, sharing a
    character of it ("7日内修复" / "几天之内得修好": 修; not "24小时内做出响应" / "多少小时内必须发货")?"""
    def act(text: str) -> set[str]:
        m = re.match(_WITHIN + r"([^，,。；;？?！!]*)", text)
        words = re.sub(r"^(?:完成|予以|作出|做出|得|要|必须|需要|须|应当|应该|就|能|可以|才|都|把|将)+", "", m.group(1)) if m else ""
        return set(re.findall(r"[\u4e00-\u9fff]", words[:6])) - set("的了给人")
    return bool(act(stated) & act(asked))


# a lead time asked ("最少要提前几天发券", "要提前多久申请") is stated as one: a period after 提前 or 前 ("提前一天", "开播前至少
# 3个工作日", "到期前30天") or before 前 ("开播48小时前"); probe Q's "优惠券最少要提前几天发到会员账户？" was answered by
# "购物积分在订单确认收货满7天后发放至会员账户"
_LEAD_ASKED = re.compile(r"(?:提前|提早)(?:至少|最少|最多|大概|大约|要|需要|得)?(?:几|多少|多久|多长)")  # (not "提前发货几天能到")
_LEAD_STATED = re.compile(r"(?:提前|前)[^，,。；;]{0,6}?" + _ANY_PERIOD.pattern + "|" + _ANY_PERIOD.pattern + r"\s*(?:前|之前|以前)")


# what the question asks to be done within a period, right after it ("几天之内可以申诉" → 申诉, "多少天内退回仓库" → 退回; or
# the thing it is done to, after 把/将: "最晚多少天内要把申诉交上来" → 申诉, probe P85 quoted "…申诉被驳回后，可在3天内申请复核")
# (past the one it is done for: "最晚多长时间内要给人家答复" → 答复)
_DONE_AFTER = re.compile(r"^(?:之内|以内|内|里|左右)?(?:必须要|必须|需要|应当|应该|可以|能够|能|就|才|要|得|会){0,2}(?:被|把|将)?"
                         r"(?:(?:给|向|跟|对|帮)(?:" + "|".join(sorted(PEOPLE, key=len, reverse=True)) + "))?"
                         r"(?:安排人|派人|找人|叫人|让人)?"  # (what someone is sent to do: "…多久之内得安排人接手" → 接手)
                         r"(?:提出|进行|完成|给出|作出|做出|出(?=[\u4e00-\u9fff]{2}结果))?"
                         r"([\u4e00-\u9fff]{2}|[\u4e00-\u9fff](?=[？?，,。！!]|$))")  # (a verb of one ending its phrase: "给几天改？")


def _done_within(question: str, asked: _Ask) -> str:
    at = question.find(asked.words)
    m = _DONE_AFTER.match(question[at + len(asked.words):]) if at >= 0 else None
    return m.group(1) if m and m.group(1) not in _ASKING and not re.search(r"[吗呢吧啊的了]", m.group(1)) else ""


# what follows a verb and says how it ends: "多久打过去？" is said by "…3个工作日内完成打款" (probe P25 quoted another
# article's "…申请期限为商品签收后15日内")
_COMPLEMENT = frozenset("过到完好出回上下掉走来去给")  # (and to whom: "保证金什么时候退给人家？" ← "…30日内无息退还"; probe P26)


def _period_before(text: str, done: str) -> bool:
    """Whether a period in the text is followed closely by ``done``, in the same sentence ("3个工作日内通过质检系统提出申诉",
    "七日内，可以申请无理由退货"; not "提前一个月向部门经理提出,在人事部门批准后方可离职,若员工与公司签订合同的" for
    "…会被公司自动处理": DONE_REACH characters at most)."""
    # (not a period that runs from it, "平台应当在收到申诉之日起5个工作日内作出申诉处理决定": the 申诉 is made already; probe P19's
    # "…几天内能申诉？" quoted it before "…可以在收到处理通知之日起7日内…提出申诉")
    forms = (done, done[0]) if len(done) == 2 and done[1] in _COMPLEMENT else (done,)
    # (a name quoted is one thing, however long: "…48小时内，通过订单详情页的“坏果包赔”入口提交申请"; probe P58)
    text = re.sub(r"“[^“”]{1,12}”", "“”", text)
    # (a step of a flow is one act: "商家申请复核（3天内） → 申诉主管复核" is no 申诉 within 3 days; and a verb of one
    # character is read in the period's phrase only: "…5个工作日内作出复核决定，复核期间整改期限中止计算" times no 改)
    stop = r"[；;。！？!?→]" if len(done) >= 2 else r"[，,；;。！？!?→]"
    return any(any(f in re.split(stop, text[m.end():m.end() + DONE_REACH])[0] for f in forms)
               and not re.search(re.escape(done) + r"[^，,；;。]{0,6}?(?:之日起|之时起|后|起)[^，,；;。]{0,4}$",
                                 re.split(r"[，,；;。]", text[:m.start()])[-1])
               for m in _ANY_PERIOD.finditer(text))


DONE_REACH = 16


def _names_its_period(text: str, part: str, asked: _Ask) -> bool:
    """Is a period of the unit asked stated right after the words that name it a period of something the question
    says ("尾款支付期限不得少于3日" for "尾款要给客户留几天时间付？", whose anchors, 户留 and 给客, no clause says: probe P23
    was not found, "…按期发货的" of another article ranked before it)?"""
    said = [w for w in _han_words(part) if len(w) >= 2 and w not in _ASKING and not _NAMES_PERIOD.fullmatch(w)]
    for m in asked.stated.finditer(text):
        phrase = re.split(r"[，,；;。：:]", text[:m.start()])[-1]
        if _NAMES_PERIOD.search(phrase) and any(w in phrase for w in said):
            return True
    return False


_PER_PERIOD_ASKED = re.compile(r"每天|每日|一天|每月|一个月|每周|每年|一年|累计|总共|合计|加起来")
_PER_PERIOD = re.compile(r"每天|每日|单日|当日|一天|每月|当月|单月|月度|每周|每年|年度|累计|合计|总额|总计")
_PER_ITEM = re.compile(r"单笔|每笔|每单|单次|每次|单件|每件")


def _per_period_asked(question: str, asked: _Ask) -> re.Match | None:
    """A period or a whole the amount is asked over, in the phrase that asks it ("每天累计最多能赔多少钱" → 每天)."""
    return _PER_PERIOD_ASKED.search(re.split(r"[，,。；;？?！!]", question[:max(question.find(asked.words), 0)])[-1])


def _per_item_only(text: str) -> bool:
    """Does the text set amounts by the payment or the item only ("单笔赔付上限为300元"), none over a period or in all?"""
    return bool(_PER_ITEM.search(text)) and not _PER_PERIOD.search(text)


def _unstated(question: str, clauses: list[Clause]) -> _Ask | None:
    """The quantity the question asks for when none of ``clauses`` states one.

    Where a clause repeats the word the question puts before its ask ("累计几天" → 累计),
    the number must follow that word closely, in the same phrase ("当月累计____天" states none).
    """
    asked = _asked(question, _QUANTITY_ASKED)
    if asked is None:
        return None
    # a bare 多少 after a time asked asks that time again ("钱最晚多久要退给人家？标准和公司的要求分别是多少？" was not found,
    # "问题问的是“多少”", beside "…7日内将货款退还客户" and "…48小时内完成退款"; probe P38)
    if asked.words == "多少" and (t := _TIME_ASKED.pattern.search(question)) and t.end() <= question.rfind("多少"):
        return None
    stating = [c for c in clauses if _states(c, asked, question)]
    if not stating:
        return asked
    # an amount asked over a period or in all, where the clauses set one a payment only: "售后组长每天累计最多能给买家赔付
    # 多少钱？" was answered by "售后组长单笔赔付上限为300元" (blind probe P90)
    per = _per_period_asked(question, asked)
    if per and asked.kind == "quantity" and all(_per_item_only(c.text) for c in stating):
        at = max(question.find(asked.words), 0)
        return asked._replace(words=question[question.rfind(per.group(), 0, at):at + len(asked.words)])
    bound = _bound_asked(question, asked)
    if bound is None or not all(_other_bound_only(c.text, asked, bound.group(1) is not None) for c in stating):
        return None
    # a maximum asked where the clauses set a minimum only, or the other way: "商家保证金最多要交多少钱？" was answered by
    # "保证金不得低于1万元" (probe P19); what is asked is said with its bound, "最多要交多少钱"
    return asked._replace(words=question[bound.start():question.find(asked.words) + len(asked.words)])


# a bound set by another quantity, named in words ("划线价不得高于原价"): above (group 1) or below
_BY_ANOTHER = r"[\u4e00-\u9fff]{0,6}?(?:不得|不能|不应|不可|不)(?:(高于|超过|多于|大于)|低于|少于|小于)[\u4e00-\u9fff]{2}"


def _bounded_by_another(text: str, ask: _Ask, question: str) -> bool:
    """Is the bound a question asks ("划线价最高能标多少") set by another quantity right after a word the question says before
    it ("划线价不得高于原价"; "退款最多能退多少" ← "退款金额不得超过实付金额")? Probe P21 was not found ("…没有给出这样的具体
    数量")."""
    bound = _bound_asked(question, ask)
    if bound is None:
        return False
    before = re.split(r"[，,。；;？?！!、\s]", question[:bound.start()])[-1]
    said = [w for w in _han_words(before) if len(w) >= 2]
    return any(bool(m.group(1)) == bool(bound.group(1)) for w in said for m in re.finditer(re.escape(w) + _BY_ANOTHER, text))


# a bound asked before the quantity: an upper one (group 1) or a lower one (group 2)
# (of a length too: "商品主图视频最短要拍多少秒？" is not answered by "…时长不得超过60秒"; probe P86)
_LIMIT_ASKED = re.compile(r"(最多|最高|上限|封顶|顶多|至多|最大|最长)|(最少|最低|至少|起码|下限|最小|最短)")


def _bound_asked(question: str, asked: _Ask) -> re.Match | None:
    """The bound the question asks, before the words that ask the quantity ("最多要交多少钱" → 最多)."""
    return _LIMIT_ASKED.search(question, 0, max(question.find(asked.words), 0))


_LOWER_BEFORE = re.compile(r"(?:不得|不应|不能|不)?(?:低于|少于)\s*$|(?:至少|最少|最低|起码)\s*$")
_UPPER_BEFORE = re.compile(r"(?:不得|不应|不能|不)?(?:超过|高于|多于)\s*$|(?:最多|最高|至多|顶多|封顶)\s*$")


def _lower(text: str, m: re.Match) -> bool:
    """Is the quantity found a minimum ("不得低于1万元", "1万元以上")?"""
    return bool(_LOWER_BEFORE.search(text, 0, m.start())) or text.startswith(("以上", "起"), m.end())


def _upper(text: str, m: re.Match) -> bool:
    """Is the quantity found a maximum ("不得超过20%", "3日以内")?"""
    return bool(_UPPER_BEFORE.search(text, 0, m.start())) or text.startswith(("以内", "以下", "内"), m.end())


def _other_bound_only(text: str, asked: _Ask, upper_asked: bool) -> bool:
    """Does every quantity of the kind asked in the text set the other bound than the one asked (a minimum, "不得低于1万元",
    where a maximum is asked)?"""
    found = list(asked.stated.finditer(text))
    return bool(found) and all((_lower(text, m) and not _upper(text, m)) if upper_asked
                               else (_upper(text, m) and not _lower(text, m)) for m in found)


_UPPER_IN_PHRASE = re.compile(r"(?:超过|高于|多于|最多|最高|至多|顶多|封顶|上限)[^，,。；;：:]{0,12}$")
_LOWER_IN_PHRASE = re.compile(r"(?:低于|少于|至少|最少|最低|起码|下限)[^，,。；;：:]{0,12}$")


def _bound_stated(text: str, asked: _Ask, upper_asked: bool) -> bool:
    """Does the text state a quantity of the kind asked with the bound asked, the bound's words before it in its phrase
    (a maximum, "不得超过当月服务费的20%")?"""
    near = _UPPER_IN_PHRASE if upper_asked else _LOWER_IN_PHRASE
    text = _GROUPED.sub("", text)
    return any((_upper if upper_asked else _lower)(text, m) or near.search(text, 0, m.start())
               for m in asked.stated.finditer(text))


# a comma that groups a number's digits by thousands ("不得超过2,000元", "30,000元"): no part of what it says (probe P59's
# "意向金最多能收多少？" was not found, "不得超过2" no bound of an amount)
_GROUPED = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def unanswered_quantity(question: str, clauses: list[Clause]) -> str | None:
    """The words that ask for a quantity none of ``clauses`` states ("几天"), or None."""
    asked = _unstated(question, clauses)
    return asked.words if asked else None


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.findall(text) if s.strip()]


def _latin(text: str) -> set[str]:
    """The Latin words of a text, each whole and marked apart from bigrams ("D等级", "App" → {"‹d›", "‹app›"})."""
    return {f"‹{w.lower()}›" for w in re.findall(r"[A-Za-z]+", unicodedata.normalize("NFKC", text))}


def _answering(question: str, sentences: list[str]) -> list[float]:
    """How much of the question each sentence of a clause holds, a question bigram weighted by how few of the
    sentences hold it: in a clause whose every sentence says 宣誓, "宪法宣誓的时候要奏国歌吗" is answered by the one
    that says 国歌 ("宣誓仪式应当奏唱中华人民共和国国歌"), not by the first two that say 宣誓 and 宪法. A Latin word of the
    question counts whole: "月度考核拿了D，绩效奖金还有吗" now quotes "D等级的，不发放当月绩效奖金" beside the "月度考核为A等级的…"
    (which holds 月度考核), where it quoted "考核结果与绩效奖金挂钩" instead: the D was only in bigrams across the words beside
    it, "了D", "D绩")."""
    q = _bigrams(question) - _STOP_BIGRAMS | _latin(question)
    held = [(_bigrams(s) | _latin(s)) & q for s in sentences]
    df = {b: sum(b in h for h in held) for b in q}
    weight = {b: math.log(1 + len(sentences) / n) for b, n in df.items() if n}
    return [math.fsum(weight[b] for b in h) for h in held]  # (exact: a tie does not turn on the order of a set)


def _one_line(text: str) -> str:
    """A clause's lines run on as one (its 款 as sentences, a title line ended by "："), a table's rows each ended by
    "；" and its cells a space apart, however the table wrote them (spaces, tabs or pipes): "手机 7日 15日 1年 1年；
    笔记本电脑 7日…" (the rows ran together, "…1年笔记本电脑 7日…")."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        # (a tab row among others: one tab in a sentence is no table, "…24小时内\t（工作日）")
        beside = lines[max(i - 1, 0):i] + lines[i + 1:i + 2]
        cells = [c for c in table_cells(line) if c] if "\t" not in line or any("\t" in x for x in beside) else []
        if cells or TABLE_ROW.search(line):
            line = " ".join(cells) if cells else re.sub(r"[ \u3000]{2,}", " ", line.strip())
            if i + 1 < len(lines) and line[-1:] not in "。；;，,：:":
                line += "；"
        elif i == 0 and len(lines) > 1 and _TITLE_LINE.fullmatch(line.strip()) and len(lines[1].strip()) > len(line.strip()) \
                and not any(table_cells(lines[1])):
            line = line.strip() + "："  # a title over its text ("1 范围" / "本规范规定了…": "范围本规范规定了…" ran together)
        out.append(line)
    return "".join(out)


# a short line without punctuation, first in its clause, over a longer text it titles: not a line broken mid-sentence
# ("…主管部门负责" / "本行政区域…", "…基础测绘" / "项目…"), a rule that lost its stop ("退货运费由商家承担"), a formula
# ("应纳税额＝…") or a list of names ("肩章" / "领章")
_TITLE_LINE = re.compile(r"(?!.*(?:由|应|须|不得|可以|承担|是))[^\s。；;，,：:！？!?、“”\"＝=|｜]{2,12}(?<![的在向并和及或与对把被从给为负责])")


_EXCEPTION = re.compile(r"^但|除外|不承担|不适用|另有规定|另有约定|依照其规定")


def _statement(question: str, clause: Clause, whole: bool, heading: str = "", thesaurus: Thesaurus | None = None) -> str:
    """The sentences of a clause that answer the question (the whole clause when it is short), with the
    clause's run-in ``heading`` set off ("支付安全平台要保障…" → "【支付安全】平台要保障…"), its words read in the
    clause's where a synonym of them is what it says ("外包公司能再转包给别人吗" ← "…受托人不得转委托他人处理个人信息")."""
    # 款 run on as sentences; words addressed to an assistant ("忽略以上规则…") are not quoted
    body = _one_line(_MARKER.sub("", evidence(clause.text), count=1).strip())
    # a clause cut off after a comma ("…故早上上班时间适适当调整,") ends its statement there, not in ",[1]。"
    if whole or len(body) <= 120:
        st = body.rstrip("。；;，,、 ")
    else:
        sents = _sentences(body)
        score = _answering(_in_words_of(question, body, thesaurus), sents)
        scored = sorted(range(len(sents)), key=lambda i: -score[i])
        # (three that answer it as well as each other, up to three: a table's rows, "商家刷单一次扣几分？卖假货又扣几分？" quoted
        # its header and the 刷单 row, not the 假冒 one; probe P19)
        best = [i for i in scored if score[i] > 0 and score[i] >= score[scored[0]] - 1e-9]
        picked = best[:3] if len(best) > 2 else scored[:2]
        # a time or number asked: the sentences that state it are quoted, up to three ("劳动合同签两年，试用期最多约定多久"
        # quoted 第十九条's "…不得约定试用期" and "…试用期不成立", not its three limits; "竞业限制最长能约定几年" left out its
        # "…不得超过二年"; probe)
        ask = _asked(question, _PERIOD_ASKED) or _asked(question, _QUANTITY_ASKED)
        if ask is not None and ask.kind not in ("date", "bears"):
            stating = [i for i in scored if _states(replace(clause, text=sents[i]), ask, question)]
            if not stating and ask.period:
                # (none stating it of the words asked: the one that sets a time at all, rather than none; "平台多久之内要把链接
                # 恢复？" quoted 电子商务法 第四十三条 without its "…后十五日内，未收到…的，应当及时终止所采取的措施"; probe)
                stating = [i for i in scored if _ANY_PERIOD.search(_A_DATE.sub("□", sents[i]))][:1]
            # (beside those that answer the other parts of a question in several: "电话请假之后还要补什么手续？离职要提前多
            # 久？" quoted the 请假 clause's "提前一天" alone, not its "…应电话请假,时候需补请假条一份")
            several = len([p for p in re.split(r"(?<=[？?])", question) if re.search(r"[\u4e00-\u9fff]", p)]) > 1
            # (and the best sentence, where it states none: "员工被开除了能拿多少补偿" quoted the 三倍 and 十二年 caps alone,
            # not "每满一年支付一个月工资"; review)
            if several:
                picked = list(dict.fromkeys(picked + stating[:1]))
            elif stating:
                picked = stating[:3] if picked[0] in stating else list(dict.fromkeys(picked[:1] + stating[:2]))
        # an exception that goes on after a semicolon is quoted with its rule ("未经授权的支付造成的损失，由电子支付服务提供者
        # 承担；" without "…能够证明…是因用户的过错造成的，不承担责任"; held-out probe)
        picked += [i + 1 for i in picked if i + 1 < len(sents) and i + 1 not in picked and sents[i].endswith(("；", ";"))
                   and _EXCEPTION.search(sents[i + 1])]
        # what is left out is marked "……", before, between and after the sentences quoted: a penalty's "情节较重的，
        # 处…拘留" left out read as the whole penalty
        parts, last = [], -1
        for i in sorted(picked):
            parts += ["……"] * (i > last + 1) + [sents[i]]
            last = i
        st = ""
        for part in parts + ["……"] * (last + 1 < len(sents)):
            st = (st.rstrip("。；;，,、 ") if part == "……" else st) + part  # "A；……C" → "A……C"
        st = st.rstrip("。；;，,、 ")
    if heading and st.startswith(heading) and len(st) > len(heading):
        st = f"【{heading}】{st[len(heading):]}"
    return st


# what the asker has already ("除了营业执照和检验报告还要什么材料？"): no words for choosing what answers (it chose the
# 检验报告 item of a list over the 化妆品 one asked; probe)
_BESIDES = re.compile(r"(?:除了|(?<![\u4e00-\u9fff])除)([^，,。；;？?]{1,30}?)(?:以外|之外)?(?=[，,]?(?:还|也|另外|其他|其它|别的))")  # (not 解除)


def _besides_last(question: str, ranked: list[Hit], parent=lambda c: None) -> list[Hit]:
    """The items of a list that name what the asker has already ("除了营业执照和检验报告…"), after the others: items
    under a lead-in, not a clause numbered as a standard numbers them ("除了退款还要额外补偿顾客多少？" put "5.2 …退款及
    来回运费由商家全部承担，商家还须按每单50元向消费者支付补偿" last, and was not found; probe P76)."""
    m = _BESIDES.search(question)
    had = [w for w in re.split(r"[和与及跟或、]|以及", m.group(1)) if len(w) >= 2] if m else []
    if not had:
        return ranked
    named = [h for h in ranked if LIST_MARKER.match(h.clause.text) and any(w in h.clause.text for w in had)
             and (lead := parent(h.clause)) is not None and lead.text.rstrip().endswith(("：", ":"))]
    return [h for h in ranked if h not in named] + named


def answer(retriever: Retriever, question: str, k: int | None = None) -> Answer:
    """Answer from the knowledge base, or say NOT_FOUND (with why) and offer the closest clauses."""
    s = retriever.settings
    q = validate_question(question, s.answer.max_question_chars)
    k = k or s.retrieval.k
    # (an article named by number may have many items; a time limit asked is looked for deeper, TIME_DEPTH)
    ask = asked_part(q)  # (an introduction before a 请问 is no part of what is asked: "我们店客服只有几个人，…" asks no 几个人)
    ranked = retriever.search(q, max(k, MAX_LOOKUP_CLAUSES, TIME_DEPTH * k if _asked(ask, _PERIOD_ASKED) else 0))
    hits = ranked[:k]
    sup = support_of(ask, ranked, thesaurus=retriever.thesaurus)
    named = retriever.mentions(q)[0]
    chosen = _choose(_BESIDES.sub("", ask), _besides_last(ask, ranked, retriever.parent),
                     k, s.answer.max_clauses,
                     retriever.parent, retriever.items_asked(q), framing_within(s.retrieval),
                     asks_scope(q, bool(named)), lambda: retriever.search(q, 4 * TIME_DEPTH * k, depth=4),
                     retriever.thesaurus.of)
    chosen = _each_named(chosen, ranked, named,
                         lambda doc: next(iter(retriever.search(q, 1, within={doc})), None), bool(SEVERAL_ASKED.search(q)))
    chosen = _act_timed_first(retriever, ask, ranked[:k], chosen, s.answer.max_clauses)
    principal = chosen[0] if chosen else None
    absent = _absent(retriever, q)  # a reason not found, or said beside the answer to the numbers held
    why = None
    if not hits:
        why = "知识库中没有相关条款"
    elif unknown := retriever.unknown_document(q):
        why = f"知识库中没有《{unknown}》（可在“知识库”页导入该文件）"
    elif not hits[0].lookup:
        if absent:
            why = absent[0]
        elif retriever.bm25 is not None and (focus := unknown_focus(ask, retriever.bm25.vocab_dict, retriever.thesaurus)):
            why = f"资料中没有提到“{focus}”"
        elif retriever.bm25 is not None and (
                act := unknown_asked_act(ask, retriever.bm25.vocab_dict, retriever.thesaurus)):
            why = f"资料中没有提到“{act}”"
        elif to := unknown_recipient(retriever, ask):
            why = f"资料中没有提到“{to}”"
        elif fee := unknown_fee(retriever, ask):
            why = f"资料中没有提到“{fee}”"
        elif sup < s.min_support():
            why = "检索到的条款与问题关系不大"
        else:
            # a list item is cited after its lead-in, which may state the quantity ("…可以处一万元以下的罚款：")
            asked = _unstated(ask, [h.clause for h in _with_lead_ins(retriever, chosen)])
            if asked:
                # (not "相关条款没有给出…": it said a clause on 补卡 exists where none does)
                what = "日期" if asked.kind == "date" else "数量"
                why = "问题问的是由谁承担，检索到的条款都没有说明" if asked.kind == "bears" else \
                    "问题问的是是否收费，检索到的条款都没有说明" if asked.kind == "fee" else \
                    f"问题问的是“{asked.words}”，检索到的条款都没有给出这样的具体{what}"
            elif retriever.bm25 is not None and (either := unknown_choice(ask, retriever.bm25.vocab_dict, retriever.thesaurus)):
                why = "资料中没有提到" + "或".join(f"“{w}”" for w in either)
    def not_found(why: str) -> Answer:  # (with the closest clauses offered, where any is retrieved)
        text = f"{NOT_FOUND}：{why}。" + ("可能相关的条款见下。" if hits else "")
        return Answer(q, "not_found", text, (), tuple(hits), sup, (why,))

    if why:
        return not_found(why)
    chosen = _items_after_lead_ins(_all_conditions(retriever, _with_lead_ins(retriever, chosen), q))
    announced = {h.clause.parent_id for h in chosen if LIST_MARKER.match(h.clause.text)}  # lead-ins with an item cited
    citations: list[Citation] = []
    by_doc: dict[str, list[tuple[str, int]]] = {}
    for h in chosen:
        c = h.clause
        st = _statement(q, c, h.lookup, retriever.run_in_heading(c), retriever.thesaurus)
        if not st:
            continue
        if st.endswith(("：", ":")) and c.id not in announced:
            st = _unannounced(st)
        n = len(citations) + 1
        citations.append(Citation(n, c.id, c.document, c.label, c.text))
        # a lead-in runs into its item: "…有下列行为之一的，由…处罚[2]：未在首页显著位置公示…的[3]"
        by_doc.setdefault(c.document, []).append((st, n))
    if not citations:  # every chosen clause is words addressed to an assistant
        return not_found("检索到的条款中没有可引用的内容")
    # numbered as read: statements are grouped by document, so a document's later clause came after another's
    # ("…[1]；…[3]。\n《B》：…[2]。")
    renumber = {n: i for i, n in enumerate((n for parts in by_doc.values() for _, n in parts), 1)}
    citations = sorted((replace(c, n=renumber[c.n]) for c in citations), key=lambda c: c.n)
    lines = [f"《{doc}》：" + re.sub(r"：；", "：", "；".join(
        f"{st.rstrip('：:')}[{renumber[n]}]：" if st.endswith(("：", ":")) else f"{st}[{renumber[n]}]" for st, n in parts)
    ).rstrip("：") + "。" for doc, parts in by_doc.items()]
    cited = [retriever.by_id[c.id] for c in citations]
    if not hits[0].lookup and (term := _quoted_unsaid(retriever, ask, cited)):
        return not_found(f"问题说的是“{term}”，检索到的条款没有说到它")
    if not hits[0].lookup and (act := _time_of_another(retriever, ask, cited)):
        return not_found(f"问题问的是“{act}”，检索到的条款给出的时间说的不是这件事")
    if not hits[0].lookup and (levels := _level_of_another(ask, cited)):
        return not_found(f"问题问的是“{levels[0]}”，检索到的条款说的是“{levels[1]}”")
    penalty = not hits[0].lookup and _penalty_unsaid(ask, [*cited, *(p for c in cited if LIST_MARKER.match(c.text)
                                                                    and (p := retriever.parent(c)) is not None)])
    if penalty == "only":
        return not_found("问题问的是处罚，检索到的条款都没有规定")
    vague = unstated_time(ask, cited)
    if vague and not hits[0].lookup and (off := _time_off_topic(retriever, ask, cited)):
        # a time asked of what no clause cited is about, and they set none: "平台多久跟商家结算一次货款" was answered by a
        # 售后服务保障 clause with "所引条款没有规定具体频率" (probe); not "客户满意度调查多久做一次" ← "定期开展客户满意度调查"
        return not_found(f"问题问的是“{off}”，检索到的条款说的不是所问的事项，也没有给出具体时间")
    if vague and not hits[0].lookup and _only_time_asked(ask) and not any(_VAGUE_TIME.search(c.text) for c in cited):
        # a time all the question asks, that the clauses cited neither set nor say in words ("及时", "定期"): "买家…被限制
        # 货到付款，具体要限制多长时间？" was answered by "…平台可限制其使用货到付款服务" (blind probes P70-P93: all 8 such
        # answers were to questions no document answers)
        return not_found(f"问题问的是“{_asked(ask, [_TIME_ASKED]).words}”，检索到的条款都没有给出具体时间")
    return Answer(q, "answered", "\n".join(lines), tuple(citations), tuple(_answer_type_first(ask, ranked, principal, k)), sup,
                  notice="；".join([*absent, *([vague] if vague else []), *unstated_parts(ask, cited),
                                    *(["问题还问了处罚，所引条款没有规定"] if penalty else [])]))


# a penalty asked ("会受到什么处罚？", "平台对这个讲师怎么处罚？", "罚多少钱？", "会受什么处分？")
_PENALTY_ASKED = re.compile(r"(?:会|要|将)?(?:被|受到?|给予?|有|面临)?(?:什么|哪些|怎样的?)(?:样的)?(?:处罚|处分|惩罚|罚款|罚)|"
                            r"(?:会|要|将)?(?:被)?(?:怎么|如何|怎样)(?:处罚|处分|惩罚|罚)|(?:要|会)?(?:被)?罚(?:款)?多少(?:钱)?")
# a consequence of a breach in any words ("扣除信用分12分", "暂停其接单资格", "不得参加平台营销活动", "限流期顺延15天")
_CONSEQUENCE_SAID = re.compile(r"罚|违约金|扣[^，,。；;]{0,10}分|扣除|扣减|处分|辞退|开除|清退|暂停|取消|冻结|降级|警告|通报|赔|"
                               r"追究|解除|终止|下架|限制|黑名单|不得参加|屏蔽|关闭|纪律|顺延|承担[^，,。；;]{0,10}责任|"
                               # (dealt with, not handled: "…的，依规处理", not "应当在2小时内处理完")
                               r"(?:严肃|从严|依规|依法|规定|予以|酌情)处理|纳入[^，,。；;]{0,8}考核")


def _penalty_unsaid(question: str, clauses: list[Clause]) -> str:
    """Where a question asks a penalty and no clause cited (nor an item's lead-in) says any consequence of a breach:
    "only" where the penalty is all it asks, "also" where it asks more, else "". "质检专员审核质检报告超过3个工作日没审完，
    会受到什么处罚？" was answered by the duty to review within 3个工作日, no penalty set anywhere (blind probes P88, P94,
    P95, P109, P111: 5 such answers, all to questions no document answers; P79's and P105's two others had cited a
    clause of another act, the penalty asked set elsewhere)."""
    m = _PENALTY_ASKED.search(question)
    if m is None or any(_CONSEQUENCE_SAID.search(c.text) for c in clauses):
        return ""
    rest = question[:m.start()] + "，" + question[m.end():]
    return "also" if _OTHER_ASK.search(rest) or re.search(r"[吗么]|[？?][^？?]*[\u4e00-\u9fff]", rest) else "only"


# what asks anything but a time ("怎么申请，提前多久？", "谁来审，多久出结果？")
_OTHER_ASK = re.compile(r"怎么|怎样|如何|什么|哪|谁|是否|能否|能不能|可不可以|可以吗|要不要|会不会|几|多少|多大|多高|多远|多重")


def _only_time_asked(question: str) -> bool:
    """Does the question ask a time (多久, 多长时间…) and nothing else?"""
    asked = _asked(question, [_TIME_ASKED])
    return asked is not None and not _OTHER_ASK.search(question.replace(asked.words, "，"))


def unstated_parts(question: str, clauses: list[Clause]) -> list[str]:
    """What to say beside an answer of each quantity a question asks besides the first, that the clauses cited do not
    state: "运费险保费多少、谁出？" is answered by "退回商品的运费由消费者承担" (who bears it) and says that no clause gives
    the amount. (The first is asked as the answer's reason to be: none stated, it is not found.)"""
    out, seen = [], set()
    text = _ANY_AMOUNT.sub("□", question)
    for row in _QUANTITY_ASKED:
        for m in row.pattern.finditer(text):
            if m.start() in seen or row.kind == "date" and not _OF_A_DOCUMENT.search(text[:m.start()]):
                continue
            seen.update(range(m.start(), m.end()))
            ask = _asked(text, [row], m.start())  # the ask at this place, its anchors the words before it
            if ask is not None and not any(_states(c, ask, question) for c in clauses):
                out.append("问题还问了由谁承担，所引条款没有说明" if ask.kind == "bears" else
                           f"问题还问了“{ask.words}”，所引条款没有给出这样的具体{'日期' if ask.kind == 'date' else '数量'}")
    first = _asked(question, _QUANTITY_ASKED)
    return out[1:] if first is not None and out and not any(_states(c, first, question) for c in clauses) else out


# a time or a frequency, stated anywhere in a clause
_DEADLINE_ASKED = re.compile(r"期限|时限|(?:多久|多长时间|几天|几个?小时|几个?工作日|几个月|几周|几年|多少天|多少个?工作日|多少个?小时|"
                             r"几日)(?:之|以)?内|最晚|最迟")
# (its verb maybe of a few words: "授信额度平时多久要重新评估一次？" was answered by "…应当重新提交近6个月的财务报表", blind
# probe P106; not "…第一次回复", which reply)
_FREQUENCY_ASKED = re.compile(r"(?:多久|多长时间|几天|几个月|几周|多少天)[^，,。；;？?！!\s]{0,7}(?<![第首])(?:一次|1次)|每隔多久|隔多久")
_RATE_UNIT = r"(?:小时|天|日|周|星期|月|季度|季|年|半年)"  # a rate's unit: 每月, 按季度, 每半年
_EVERY = r"[每按](?:隔)?(?:个)?(?:" + _NUM + r")?\s*(?:个)?" + _RATE_UNIT  # 每月, 按季度, 每隔3个月
_RATE = re.compile(_EVERY + "|"
                   + _NUM + r"\s*(?:个)?(?:小时|天|日|周|星期|月|季度|年)(?:至少|不少于)?(?:一次|1次)|定期")
# how often a check, a training or a meeting is held ("每半年开展一次数据安全检查", "定期检查"): no deadline (not "按月结算货款",
# "每日备份，…当日24时前完成", "每三年续签一次"; review)
_HOW_OFTEN = re.compile(r"(?:" + _EVERY + r"|定期)(?:至少)?"
                        r"(?=[^，,。；;]{0,8}?(?:开展|进行|组织|召开|举行)?[^，,。；;]{0,4}?(?:检查|巡查|盘点|抽检|抽查|培训|评估|考核|"
                        r"审计|复核|演练|会议|例会))")
_DAILY_HOURS = re.compile(r"[每按][日天](?=\s*(?:早上?|晚上?|上午|下午|凌晨)?\s*\d{1,2}(?:[:：]\d{2}|时|点))")
# (and hours of class: "外包临时工进仓干活前要培训多久？" ← "…必须接受不少于8学时的三级安全教育", probe P27, was not found)
# (not a speed: "库内叉车行驶速度不得超过每小时5公里" sets no time for "叉车司机的证多久要复审一次？", probe P27)
_SOME_TIME = re.compile(_ANY_PERIOD.pattern + "|" + _NUM + r"\s*(?:个?季度|个?半月|学时|课时)|[每按](?:个)?" + _RATE_UNIT
                        + r"(?!\s*" + _NUM + r"\s*(?:公里|千米|米|km))")
# what a clause says of a time where it sets none ("及时", "定期")
_VAGUE_TIME = re.compile(r"及时|尽快|立即|立刻|马上|第一时间|随时|定期|不定期|经常|适时|按时|合理期限|合理时间|规定的?(?:时间|期限)内")


# a level or grade of a thing ("二级黑名单", "A级供应商", "3级会员")
_LEVEL = re.compile(r"(?<![\u4e00-\u9fff\dA-Za-z])(?:[一二三四五六七八九十]|\d{1,2}|[A-E])级(?=([\u4e00-\u9fff]{2}))")


def _level_of_another(question: str, clauses: list[Clause]) -> tuple[str, str] | None:
    """The level of a thing the question asks of and the other level of it that the first clause cited says, where no
    clause cited says the one asked: "二级黑名单的买家过多久才能从黑名单里移出来？" was answered by "一级黑名单买家满6个月无
    新增异常的，风控组应当将其移出" (blind probe P90)."""
    for m in _LEVEL.finditer(question):
        level, thing = m.group(), m.group(1)
        if any(re.search(re.escape(level) + r"[^，,。；;]{0,8}?" + thing, c.text) for c in clauses):
            continue
        other = next((x for x in _LEVEL.finditer(clauses[0].text) if x.group(1) == thing), None) if clauses else None
        if other:
            # (the thing as far as both say it: 二级黑名单 / 一级黑名单)
            asked, said = question[m.end():], clauses[0].text[other.end():]
            n = next((i for i, (a, b) in enumerate(zip(asked, said)) if a != b or not "\u4e00" <= a <= "\u9fff"),
                     min(len(asked), len(said)))
            return level + asked[:n], other.group() + said[:n]
    return None


def _part_with(question: str, words: str, ends: str = "？?") -> str:
    """The part of the question, cut after each of the marks ``ends``, that holds the words (the whole question where
    none does): the sentence that asks a time, or its phrase."""
    return next((p for p in re.split(f"(?<=[{ends}])", question) if words in p), question)


def _time_off_topic(retriever: Retriever, question: str, clauses: list[Clause]) -> str | None:
    """The words that ask a time, where the clauses hold less than TIME_TOPIC of the rest of its part of the question,
    its words weighted by how few clauses of the knowledge base say them (a word they do not say, by a synonym they do)."""
    from ingest.tokenize import STOPWORDS, is_word, words

    asked = _asked(question, [_TIME_ASKED])
    part = _part_with(question, asked.words)
    # (not a time relative to another, nor a verb that names no act: "出差前借的备用金，回来以后多久之内要把账冲掉？" weighed
    # 回来, 以后 and 之内 as words no clause says, and was not found beside "出差前已借支差旅备用金的，应当在报销时一并冲抵
    # 借款"; blind probe P116)
    said = [w for w in dict.fromkeys(words(part.replace(asked.words, "，"))) if len(w) >= 2 and w not in STOPWORDS
            and w not in _ASKING and re.fullmatch(r"[\u4e00-\u9fff]+", w) and w not in _RELATIVE_TIME
            and not _NO_ACT.fullmatch(w) and not re.fullmatch(r"[之以][内外前后]", w)]
    n = len(retriever.clauses) or 1
    total = got = 0.0
    for w in said:
        forms = [w] + [x for x in retriever.thesaurus.of(w) if len(x) >= 2]
        df = next((d for f in forms if (d := retriever.said_by(f))), 0)
        if not df and not is_word(w):
            continue  # (a pair of characters jieba glued, "付完钱" → 完钱, is no word the asker said)
        weight = math.log(1 + n / max(df, 1))  # (a word no clause says, as rare as can be: "结算", "货款" in the seed)
        total += weight
        got += weight * any(f in c.index_text for c in clauses for f in forms)
    return asked.words if total and got / total < TIME_TOPIC else None


# the verbs around a time asked that name no act it is of: modals, the asking, its bounds, a complement of direction,
# a verb of any handling ("仓库这边多长时间内要处理？" ← "…仓库须在24小时内签收登记"; probe P76 was not found)
_NO_ACT = re.compile(r"要|能|会|得|让|使|算|才算|才能|才可以|能够|可以|需要|应该|应当|必须|提前|提早|规定|要求|开始|进行|完成|"
                     r"出来|起来|下来|过来|回来|上来|下去|过去|是|有|为|处理|办理|处置|解决|操作|执行|落实|搞定|弄好|做好")


_PIVOTS = frozenset("他 她 它 他们 她们 其 对方 人家 用户 买家 客户 顾客 商家 卖家".split())  # (whom an act is done to)
_DOING = re.compile(r"完成|进行|办理|开展|办结|做完|办完")  # verbs of doing what their object names


def _act_of_time(question: str, asked: str) -> tuple[str, ...]:
    """The act a time is asked of: the verb right before the ask (past modals and adverbs) and the first two verbs after
    it in its phrase ("温度数据要保存多长时间" → 保存; "要在几天内给出审核结果" → 给出, 审核; "客户投诉多久内必须回应" →
    投诉, 回应). Nouns are passed over, a thing being named as staff name it ("官网首页多久要整体翻新一次" ← "网站主页面
    原则上每年…进行一次审定或改版"), and so is a verb that names it ("入驻商家的资质信息多久要…核验")."""
    from ingest.tokenize import tagged

    around = _phrase_around(question, asked)
    if around is None:
        return ()

    def act(word: str) -> str:  # (not a modal jieba glued to it: "交易记录要存几年" → 存, no act of two characters)
        return word[1:] if word[0] in _GLUE else word[:-1] if word[-1] in _GLUE else word

    before = list(tagged(around[0]))
    while before and (before[-1][1].startswith(("d", "u")) or _NO_ACT.fullmatch(before[-1][0])
                      or re.fullmatch(_MOST, before[-1][0])):
        before.pop()  # ("日志至少得保留多久" → 保留)
    # (and what is done after a verb of doing it, whatever jieba tags it: "…多少天内必须完成清关" → 清关, an x)
    # (and a set phrase of doing, "打电话", and the word after it, which jieba may tag a noun: "多长时间内打电话核实" → 打电话, 核实;
    # blind probe P107 was answered by the 1小时 to freeze the account, 五、（一）)
    later = tagged(around[1])
    # (not a noun of a verb's before a noun, right after the time: "要有几年工作经验" measures 经验, and blind probe P111's
    # "…没有证书的话，要有几年工作经验才行？" was answered by "…讲师应当在5个工作日内主动向平台报告")
    if len(later) >= 2 and later[0][1] == "vn" and later[1][1].startswith("n"):
        later = later[2:]
    after = [act(w) for i, (w, flag) in enumerate(later) if flag.startswith("v") or flag == "l" and len(w) <= 3
             or i and (_DOING.fullmatch(later[i - 1][0]) or later[i - 1][1] == "l" and len(later[i - 1][0]) <= 3)
             and re.fullmatch(r"[\u4e00-\u9fff]{2,}", w)]
    after = [w for w in after if len(w) >= 2 and not _NO_ACT.fullmatch(w)][:2]
    # (the verb before whom it is done to, where a second verb follows: "最长可以限制他退货多久" → 限制, not 退货; blind probe P102
    # was answered by "…12个月内发生3次以上少件争议的，客服应当将其标记为“高风险退货账户”")
    pivot = len(before) >= 3 and before[-2][0] in _PIVOTS and before[-3][1].startswith("v") and before[-1][1].startswith("v")
    acts = [act(w) for w, flag in (before[-3:-2] if pivot else before[-1:]) if flag.startswith("v")] + after
    return tuple(dict.fromkeys(w for w in acts if len(w) >= 2 and not _NO_ACT.fullmatch(w)))


def _phrase_around(question: str, asked: str) -> tuple[str, str] | None:
    """The words of the ask's phrase before it and after it (its phrase ends at a comma or a sentence's end)."""
    at = question.find(asked)
    if at < 0:
        return None
    start = max(question.rfind(p, 0, at) for p in "，,。；;？?！!") + 1
    end = min([i for i in (question.find(p, at) for p in "，,。；;？?！!") if i >= 0] or [len(question)])
    return question[start:at], question[at + len(asked):end]


def _says_word(text: str, word: str, synonyms) -> bool:
    """The text says the word or a synonym of it of two characters or more (``synonyms``: the thesaurus's ``of``)."""
    return word in text or any(len(x) >= 2 and x in text for x in synonyms(word))


def _documents_say(retriever: Retriever, word: str) -> bool:
    """Does a clause of the knowledge base say the word, or a synonym of it of two characters or more?"""
    return bool(retriever.said_by(word)) \
        or any(len(x) >= 2 and retriever.said_by(x) for x in retriever.thesaurus.of(word))


def _says_act(text: str, word: str, thesaurus: Thesaurus) -> bool:
    """The text says the act: the word, a synonym of it, or both characters of a word of two ("退款" ← "…将货款退还")."""
    return _says_word(text, word, thesaurus.of) or len(word) == 2 and all(ch in text for ch in word)


# a phrase the question quotes ("主播说了“全网最低价”…"), not a word, which a clause may say by a synonym ("划线“原价”" ←
# 被比较价格)
_QUOTED = re.compile(r"[“\"「『‘]([^”\"」』’]{4,20})[”\"」』’]")


def _quoted_unsaid(retriever: Retriever, question: str, clauses: list[Clause]) -> str | None:
    """A term the question quotes that the knowledge base says, where no clause cited (nor its lead-in) says any such:
    "主播说了“全网最低价”被消费者投诉了，要赔给消费者多少钱？" was answered by a rule on overselling that pays 30%
    (probe P76). A quoted term no document says is the asker's own words, and tells nothing ("“大数据杀熟”")."""
    terms = [t for t in dict.fromkeys(m.group(1).strip() for m in _QUOTED.finditer(question)) if retriever.said_by(t)]
    if not terms:
        return None
    # (of a quantity asked, the clauses that state one: the amount is of the quoted thing, not the 30% of overselling
    # beside the rule that forbids "全网最低价")
    asked = _asked(question, _PERIOD_ASKED) or _asked(question, _QUANTITY_ASKED)
    clauses = [c for c in clauses if _states(c, asked, question)] or clauses if asked is not None else clauses
    texts = [c.text + "".join(x.text for x in [retriever.parent(c)] if x is not None) for c in clauses]
    return None if any(t in x for t in terms for x in texts) else terms[0]


_DONE_COMPLEMENT = frozenset("完好掉")  # (an act's end: 批完, 修好, 删掉)
_DIRECTION = frozenset("给至到向")  # (a complement of direction: 转给, 报至)


def _time_acts(retriever: Retriever, question: str, ask: _Ask) -> list[tuple[str, str]]:
    """The acts a time is asked of that the documents could say, each as looked for and as the question says it."""
    # (an act no document says, nor a synonym of it, is staff's own word for one they say otherwise: "冲掉" for 红冲)
    # (a verb no document says with a complement of its end, by the verb: "主管要在几个小时内批完？" is not answered by "…收到
    # 订单后24小时内在SRM系统中确认订单", probe P88; not one of direction, "转给" being said "升级至", probe P79, nor of
    # doing what its object names, "办完", probe P82)
    # (a word of the thesaurus is no staff word of its own: where no document says it nor a synonym, the act is one they do
    # not treat, "热线的通话录音公司要保存多长时间？" not answered by "等待时间超过1分钟的…"; blind probe P81. Not a verb with a
    # complement of direction, which the documents say their own way: "多快要转给食安专员？" ← "…升级至食品安全专员", P79)
    said = [(w, w) if _documents_say(retriever, w) or retriever.thesaurus.of(w) and w[-1] not in _DIRECTION
            else (w[0], w) if len(w) == 2 and w[1] in _DONE_COMPLEMENT and not _DOING.fullmatch(w) and retriever.said_by(w[0])
            else None
            for w in _act_of_time(question, ask.words)]
    return [x for x in said if x]


def _read_with(retriever: Retriever, c: Clause) -> str:
    """What a clause's sentence is read with: what its clause is of, its headings, and a list item's lead-in ("…5个工作日内
    完成红冲操作" being of 发票; "最后一笔订单交易完成满90天" a condition to "商家申请关店并退还保证金的，应当同时满足以下
    条件：", probe P75). Not its document's title: "…从海外发出后，规定多少天内必须完成清关？" is not answered by "客服应当在
    拦截后24小时内联系消费者核实" of the 《…发货与清关管理规定》 (probe P80)."""
    lead = retriever.parent(c) if LIST_MARKER.match(c.text) else None
    return " ".join((*(p for p in c.path if p != c.document), lead.text if lead else ""))


def _time_of_another(retriever: Retriever, question: str, clauses: list[Clause]) -> str | None:
    """The time asked, where no sentence of the clauses cited that states a time (or, where none does, no clause) says
    the act it is asked of: "检测报告和开箱视频，鉴定中心要保存多长时间？" was answered by "…应当在2小时内完成签收登记"
    (probe P70), "…要在几天内报给监管部门？" by "…应当在24小时内完成初步评估并通知受影响会员" (P71)."""
    ask = _asked(question, _PERIOD_ASKED)
    if ask is None:
        return None
    said = _time_acts(retriever, question, ask)
    acts = [act for act, _ in said]
    if not acts:
        return None
    read = [(c, _read_with(retriever, c)) for c in clauses]
    timed = [(c.document, _timed_reading(context, s)) for c, context in read for s in _timed_spans(c.text)]
    # (and the thing, where the phrase names one the documents say: "门店监控录像至少要保存多久？" is not answered by
    # "核销记录由系统自动保存180天", probe P79)
    things = _things_of_time(retriever, question, ask.words)
    if any(_says_act(s, w, retriever.thesaurus) for w in acts
           for title, s in timed or [(c.document, context + " " + c.text) for c, context in read]
           if not things or any(_says_act(title + " " + s, t, retriever.thesaurus) for t in things)):
        return None
    shown = said[0][1]
    return shown + ask.words if question.find(shown) < question.find(ask.words) else ask.words + shown


def _act_timed_first(retriever: Retriever, question: str, ranked: list[Hit], chosen: list[Hit],
                     max_clauses: int) -> list[Hit]:
    """Where the clauses chosen state the time asked of another act (_time_of_another), the first clause retrieved whose
    period is of the act asked, first, without those: "风控把疑似小孩在用的账号冻了之后，要在多长时间内打电话核实？" was answered
    by "…应当在1小时内冻结该账户的充值功能", "账户被冻结后，风控专员须在24小时内联系账户注册手机号进行核实" fifth (blind probe
    P107). Only a clause that says every act asked in the sentence of its period, and every thing the time is of: a time
    of the act alone is another thing's ("冷藏车温度记录仪上传的温度数据要保存多长时间？" is not answered by "…温度记录至少保存
    2年" of the 冷库; "…被永久关了，过多久可以重新申请入驻？" not by "…可在收到通知之日起7天内申请复核"; P72, P98)."""
    ask = _asked(question, _PERIOD_ASKED)
    if ask is None or not chosen or chosen[0].lookup \
            or _time_of_another(retriever, question, [h.clause for h in chosen]) is None:
        return chosen
    # (each, said by the documents or not: "市场部要在几天内给出审核结果？" is not answered by "…应当在活动开始前3个工作日
    # 提交商家运营部审核", P71; a verb with a complement of its end by the verb, as _time_of_another reads it: "…多久内要给
    # 买家把钱退掉？" ← "…48小时内为消费者办理全额退款", blind probe P123)
    looked = {shown: w for w, shown in _time_acts(retriever, question, ask)}
    acts = [looked.get(w, w) for w in _act_of_time(question, ask.words)]
    # (and each noun of the phrase before the time, said by the documents or not: "外包坐席的通话录音要保存多久才能删？" is not
    # answered by "…签署文本留存备查，保存期限不少于合同终止后3年", P100)
    things = [w for w, _ in _nouns_before(question, ask.words) if w not in _SIDE]
    def says(text: str, w: str) -> bool:  # (the word or a synonym: not its two characters anywhere, _says_act's way)
        return _says_word(text, w, retriever.thesaurus.of)

    def periods(h: Hit) -> list[str]:  # (its sentences that give a period: not _states' anchored reading, "…系统自动向商家
        # 推送预警；商家收到预警后应当在30分钟内核实实物库存" for "商家要在多长时间里去核对实际库存？", P108)
        return [x for x in _timed_spans(h.clause.text) if _ANY_PERIOD.search(x)]

    def of_the_act(h: Hit) -> bool:
        context = _read_with(retriever, h.clause)
        return any(all(says(_timed_reading(context, x), w) for w in acts) for x in periods(h)) \
            and all(says(h.clause.document + " " + context + " " + h.clause.text, t) for t in things)

    # (and that shares as much of the question's words as the first chosen: a time of the act elsewhere in the documents
    # answers what it does not ask, "店铺保证金余额不够划扣违约金的时候，商家要在几天内补缴？" by "商家应当在接到补充通知后48小时
    # 内补齐材料", P85)
    # (of a question that asks another thing too, the words of the part that asks the time, and the clauses chosen for
    # the other kept: "客服接到电话举报刷单后要做什么，受理组那边又要在多久内登记编号？" was not found beside "举报受理组应当在
    # 收到举报后1个工作日内完成登记编号", whose words are of the second part; blind probe P119)
    part = _part_with(question, ask.words, "，,？?；;")
    # (a question of yes or no asks another thing too: "…害我超时了，这单也算我的吗？要是已经被扣了钱，多久之内能申诉？" read
    # whole shared most with "站长应当在收到申诉后2个工作日内完成初审…商家出餐记录…", blind probe P127; not where the time's
    # act is one of any matter, which the first part names: "…不服，能申请复核吗？要在几天内提出？", P73)
    rest = question.replace(part, "，")
    besides = bool(_OTHER_ASK.search(rest) or re.search(r"[吗么][？?]", rest) and not set(acts) <= _ANY_MATTERS_ACTS)
    asked = part if besides else question
    # (a purpose article sets no bar: "为规范平台海外直邮业务，防止…包裹被海关查扣…" shared more of "包裹因为夹带违禁品被海关扣了，
    # 多久内要给买家把钱退掉？" than "…客服应当在得知查扣结果后48小时内为消费者办理全额退款"; blind probe P123; nor the event
    # its time counts from: "客服应当在收到坏果申请后2小时内首次响应" shared more of "顾客收到一箱烂桃子，最晚得在多长时间内来
    # 申请坏果赔？" than "消费者应当在签收后24小时内提交坏果申请", P117)
    least = 0.0 if PURPOSE.match(chosen[0].clause.text) or _PURPOSE_OPENS.match(chosen[0].clause.text) \
        else coverage(asked, _START_EVENT.sub("", chosen[0].clause.index_text))
    first = next((h for h in ranked if h not in chosen and of_the_act(h)
                  and coverage(asked, h.clause.index_text) >= least), None)
    if first is None:
        return chosen
    return [first] + [h for h in chosen if besides or not periods(h)][: max_clauses - 1]


# the event a time is counted from ("收到申诉后", "自接到通知之日起"): its act is not the act timed ("…多久之内能申诉？" is
# not answered by "站长应当在收到申诉后2个工作日内完成初审", but by "…可以在订单完成后48小时内通过App发起申诉"; blind probe P127)
_START_EVENT = re.compile(r"(?:自|从|在)?(?:收到|接到|得知|受理)[^，,。；;]{1,20}?(?:之日|之时)?(?:后|起)")
_CASE_OPENS = re.compile(r"^[^，,。；;]{1,40}?的[，,]")


def _timed_reading(context: str, span: str) -> str:
    """A timed span as read for the act it times: with its clause's headings and lead-in, or, where it counts from an
    event or opens on the case it holds in, without those and alone (a heading "4 申诉" over it names the event, not the
    act timed; "申诉成立的，平台须在3个工作日内退还已扣款项" times no 申诉)."""
    bare = _START_EVENT.sub("", span)
    case = _CASE_OPENS.match(bare)
    if case and _ANY_PERIOD.search(bare[case.end():]):  # (not a case that holds the time: "…超过2小时的，视为冷链断链")
        bare = bare[case.end():]
    return bare if bare != span else context + " " + span


_ANY_MATTERS_ACTS = frozenset("提出 申请 提交 办理 处理 完成 进行".split())  # (acts of any matter: "要在几天内提出？")


# a further act joined to a sentence ("…应当在2小时内完成签收登记，并对外包装拍照留存"): the time before it is not of it
_FURTHER_ACT = re.compile(r"[，,](?=并且?|同时|且|另外|然后|随后|再)")


def _timed_spans(text: str) -> list[str]:
    """The spans of the text's sentences a time holds for: a sentence, cut where it joins a further act, each part that
    states a time or says one in words ("及时")."""
    return [part for s in re.split(r"[。；;！!]", text) for part in _FURTHER_ACT.split(s)
            if _SOME_TIME.search(part) or _VAGUE_TIME.search(part)]


def _nouns_before(question: str, asked: str) -> list[tuple[str, str]]:
    """The nouns of the phrase before a time asked, not a party's or a unit's name, each with the word after it."""
    from ingest.tokenize import tagged

    around = _phrase_around(question, asked)
    # (none where the phrase is the event the time runs from: "…手机还给他以后多久得删掉？" times the 删除, not 手机; blind probe
    # P115 was not found beside "代为备份的数据应当在设备交还用户并经用户确认后24小时内彻底删除")
    said = tagged(around[0]) if around is not None and not _EVENT_BEFORE.search(around[0]) else []
    return [(w, said[i + 1][0] if i + 1 < len(said) else "") for i, (w, flag) in enumerate(said)
            if flag.startswith("n") and len(w) >= 2 and w not in PEOPLE and not _NAMES_UNIT.search(w)]


_EVENT_BEFORE = re.compile(r"(?:以后|之后|以前|之前|[^提]前|后|的时候|时)$")


def _things_of_time(retriever: Retriever, question: str, asked: str) -> list[str]:
    """The nouns of the phrase before a time asked that the documents say, not a party's or a unit's name."""
    # (nor a side that does it: "仓库那边要在几天内把索赔材料交给快递公司？" ← "仓储部须在…3个工作日内向快递公司提交索赔材料";
    # probe P84 was not found)
    return [w for w, after in _nouns_before(question, asked) if retriever.said_by(w) and after not in _SIDE]


_SIDE = frozenset("那边 这边 方面 那里 这里 那儿 这儿".split())  # (a party named by its side: "仓库那边")


TIME_TOPIC = 0.4  # (measured: the fixed sets and 200 probes unchanged at 0.3-0.4 but for the one it is for)


def unstated_time(question: str, clauses: list[Clause]) -> str | None:
    """For a question "多久" / "多长时间" answered by clauses that state no time ("定期开展客户满意度调查"), what to say
    beside the answer: that they give none, and what they say instead. (Not found would refuse the rule that exists.)"""
    ask = _asked(question, [_TIME_ASKED])
    if ask is None or not clauses or any(_SOME_TIME.search(_A_DATE.sub("□", c.text.replace("____", ""))) for c in clauses):
        return None  # (a time anywhere in them: "付款后四十八小时内发货" for "发货要多久", "每季度至少开展一次")
    what = "频率" if re.search(r"一次|每隔|频率|多久\S{0,4}次", question) else "时限"
    said = list(dict.fromkeys(m.group() for c in clauses for m in _VAGUE_TIME.finditer(c.text)))
    return f"问题问的是“{ask.words}”，所引条款没有规定具体{what}" + (f"，只说“{'”“'.join(said[:3])}”" if said else "")


def _absent(retriever: Retriever, question: str) -> list[str]:
    """What to say of the clause numbers a question names that the document named, or no document, has: the reason
    it is not found where no clause is looked up, else a notice beside the answer to those it has ("第十一条和第九十九条
    分别说了什么" answered 第十一条 and said nothing of 第九十九条)."""
    missing, unheld = retriever.absent_refs(question)
    said = []
    if missing:
        said.append(f"所指文件中没有 {'、'.join(_ref_label(m) for m in missing)}")
    if unheld:
        said.append(f"知识库中没有编号为 {'、'.join(_ref_label(m) for m in unheld)} 的条款")
    return said


# a rule's statement of purpose ("第一条 为了规范…，制定本法。"): it shares a question's words and answers none of it,
# unless the question asks why (it padded "退货运费谁出？" with "为明确退货运费的承担…制定本规则")
# (numbered as an article or a list's first item: "（一）为统一…特制定本细则")
PURPOSE = re.compile(r"^\s*(?:第[一1]条|[（(][一1][）)]|[一1][、.．])?\s*(?:为了|为)[^。]{2,120}(?:制定|特制定|制订|订立)"
                     r"本(?:法|条例|规定|办法|规则|制度|细则|规范|标准)")
# (and its opening, however long it runs before 制定: "第一条 为规范平台海外直邮业务，防止…，制定本规定", 187 characters, read
# so where a purpose article must set no bar of words shared, _act_timed_first)
_PURPOSE_OPENS = re.compile(r"^\s*(?:第[一1]条\s*)?为了?(?:规范|加强|保障|维护|促进|明确|防止|提高|保护)")
# (or what it was made by: "…分别说自己是依据哪些法律制定的？" — the purpose article names the laws)
ASKS_PURPOSE = re.compile(r"目的|宗旨|为什么|为何|为了什么|出发点|依据|根据|依照|制定")


# a breach named by its article's number alone ("违反第七条、第十一条规定的，平台扣除商家信用分12分…"): the sanction says
# nothing of the act without it
_BARE_BREACH = re.compile(r"违反(?:本(?:法|条例|办法|规定|细则|规则|规范|制度))?(?:第[^，,。；;、]{1,6}条(?:第[^，,。；;、]{1,4}款)?"
                          r"[、和及或]?)+(?:的)?(?:有关)?规定的[，,]")
# a liability at law ("依法与该平台内经营者承担连带责任", "承担相应的法律责任"; not "承担安全管理责任", a duty)
_LIABLE = re.compile(r"承担(?![^。；;，,]{0,12}?(?:管理|主体|保障|监管|安全)责任)[^。；;，,]{0,12}责任")


# a rule that leaves its substance to another article of its document ("商家提供境内退货地址的，按第十九条规定承担运费",
# "参照本办法第八条执行"): the article it refers to
_REFERS = re.compile(rf"(?:按|按照|依照|依据|参照|适用|见)(?:本(?:法|条例|办法|规定|细则|规则|规范|制度|标准|守则))?第([{CN_NUM}\d]+)条")
_ARTICLE_ID = re.compile(r"/a(\d+)(?:/|$)")


def _article_no(clause: Clause) -> int | None:
    m = _ARTICLE_ID.search(clause.id)
    return int(m.group(1)) if m else None


def _with_referred(chosen: list[Hit], ranked: list[Hit], max_clauses: int) -> list[Hit]:
    """The first clause cited, then the articles of its document it leaves its substance to, where retrieved (probe R:
    "跨境商品客户自己不想要了退回来，这个运费谁来出？" cited "…按第十九条规定承担运费" alone, 第十九条 ranked second);
    those articles are cited beyond ``max_clauses`` where need be, a reference alone answering nothing."""
    from ingest.segment import cn_to_int

    if not chosen or chosen[0].lookup:
        return chosen
    first = chosen[0].clause
    refs = {cn_to_int(m.group(1)) for m in _REFERS.finditer(first.text)} - {_article_no(first)}
    added = []
    for n in sorted(refs):
        of = [h for h in ranked if h.clause.document == first.document and _article_no(h.clause) == n]
        h = next((h for h in of if h.clause.id.endswith(f"/a{n}")), of[0] if of else None)  # the article, else an item
        if h is not None and h not in chosen and h not in added:
            added.append(h)
    if not added:
        return chosen
    return ([chosen[0]] + added + [h for h in chosen[1:] if h not in added])[: max(max_clauses, 1 + len(added))]


_PARAGRAPH_ID = re.compile(r"^(.*/a\d+)(?:/k(\d+))?(?:/i(\d+))?$")  # an article's, its paragraph's and item's numbers
_QUALIFIES = re.compile(rf"^前款(?:第[（(]?([{CN_NUM}\d]+)[)）]?项)?")  # a later paragraph on the one before, or an item of it


def _with_qualifying(chosen: list[Hit], ranked: list[Hit], max_clauses: int) -> list[Hit]:
    """The first clause cited, then a later paragraph of its article that qualifies it, where retrieved ("前款第（三）项规定
    的情形，经…负责人书面批准的，可以入库，但婴幼儿食品除外"): probe P21's "婴儿奶粉保质期只剩不到一半了，运营负责人签字同意的话能
    入库吗？" cited item （三） alone, "不得办理入库", with the paragraph that permits it and excepts 婴幼儿食品 ranked second."""
    from ingest.segment import cn_to_int

    if not chosen or chosen[0].lookup:
        return chosen
    at = _PARAGRAPH_ID.match(chosen[0].clause.id)  # (an article's first paragraph is the article's own clause)
    if at is None:
        return chosen
    after = f"{at.group(1)}/k{int(at.group(2) or 1) + 1}"
    for h in ranked:
        m = _QUALIFIES.match(h.clause.text.strip())
        if h.clause.id != after or h in chosen or m is None:
            continue
        if m.group(1) and (at.group(3) is None or cn_to_int(m.group(1)) != int(at.group(3))):
            continue  # (another item's)
        return ([chosen[0], h] + chosen[1:])[: max(max_clauses, 2)]
    return chosen


# a time of day the question names ("晚上十点钟", "早上7点", "凌晨两点", "几点"); the hours of the day a clause sets are
# support.CLOCK_SPAN
CLOCK_SAID = re.compile(r"(?:早上|上午|中午|下午|晚上|夜里|夜间|半夜|凌晨|傍晚)(?:[一二三四五六七八九十两\d]{1,3}|几)\s*点|"
                        r"(?:[一二三四五六七八九十两\d]{1,3}|几)\s*点(?:钟|半)|(?<![一好有])(?:[二三四五六七八九十两]|1?\d)\s*点(?=以?[前后]|之[前后]|到|开始|截止)|"
                        r"几点(?=以?[前后]|之[前后]|到|开始|截止|下班|上班|营业|关门|发)")  # (not 一点, "快一点", nor "有几点要求")


def _put_first(h: Hit, chosen: list[Hit], max_clauses: int) -> list[Hit]:
    """The clauses chosen with ``h`` first, no more than ``max_clauses`` in all."""
    return [h] + [x for x in chosen if x is not h][: max_clauses - 1]


def _promoted(q: str, top: list[Hit], chosen: list[Hit], max_clauses: int, fits, share: float = 1.0) -> list[Hit]:
    """The clauses chosen, the first of ``top`` that ``fits`` put first where it shares ``share`` as much of the
    question's words as the first chosen does."""
    least = coverage(q, chosen[0].clause.index_text) * share
    h = next((h for h in top if h is not chosen[0] and fits(h) and not _definition_aside(q, h.clause)
              and coverage(q, h.clause.index_text) >= least), None)
    return chosen if h is None else _put_first(h, chosen, max_clauses)


_CITED_LIST = re.compile(r"^\s*(?:\d{1,2}\s*)?规范性引用文件")
_REPORT = re.compile(r"(?:分析|情况|调研|调查|工作|专项|年度|季度)报告$|(?:工作)?总结$")
# a note on how the document came to be ("【修订说明】近两年，平台…", "编制说明：…", "近年来，演唱会…需求持续释放…形成本规则"):
# what happened, not what is required ("观众问服务费能不能单独开发票？" quoted a revision note's "…明确服务费单独列示"; probe P56)
# (or a clause under a heading that says it is one: "一、背景", probe P62 cited it first for "商家伪造疫苗本…会怎么处理？")
_BACKGROUND_HEADING = re.compile(r"^[一二三四五六七八九十\d]*[、.．\s]*(?:(?:修订|起草|编制|制定)?背景(?:说明|介绍)?|引言|导言|绪论)$")
# (or a clause that opens with such a heading, not parsed off it: "第一章引言随着电子商务的迅速发展…本文将探讨…" was first for
# "公共服务平台上线以后，要不要隔一段时间有人来查查它到底做得怎么样？")
_OPENS_AS_INTRODUCTION = re.compile(r"^\s*(?:第[一二三1-3]章|[一1][、.．])?\s*(?:引言|导言|绪论)")
# a clause that opens by defining a term ("（一）“学科类课程”，是指…", "3. 儿童商品：是指…"), and a question that asks what
# one means, or of what a word is said ("…算不算…", "…属于哪类")
_OPENS_AS_DEFINITION = re.compile(r"^\s*(?:[-–•·*]\s*|[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]?\s*)?(?:本\S{1,4}所称)?"
                                  r"[“\"「『]?[^，,。；;：:“”\"]{1,20}[”\"」』]?\s*(?:[，,]?\s*(?:是指|指的是)"
                                  r"|[：:]\s*指(?![定导引示出挥标南令]))")
# (or a clause under a heading of definitions: "二、定义" / "- 商品损坏：指…", "2 术语和定义")
_DEFINITIONS_HEADING = re.compile(r"^[一二三四五六七八九十\d]*[、.．\s]*(?:定义|术语(?:和定义)?|名词解释|释义|用语含义)$")
_ASKS_MEANING = re.compile(r"是指|指的是|意思|定义|含义|概念|(?<![计打划结核预清合换推估])算(?![法账下起出])|属于|包括|包含|哪些情形|"
                           r"什么情况|视为|认定为")  # ("多长以内的划痕算正常损耗？" ← "（三）正常损耗：指…"; probe P97)


def _definition_aside(q: str, clause: Clause) -> bool:
    """Is the clause a definition, and the question one that does not ask what a term means or whether a case is of a
    class? "给小学生上课的老师，入驻时还得额外交什么证明？" quoted "“学科类课程”，是指…面向中小学生的学科知识培训课程" before
    "讲授面向未成年人课程的讲师，须提交…无犯罪记录证明" (blind probe P111); "…货退回仓库的运费由谁承担？" the list under "二、定义",
    whose "先行赔付：指…由平台先行向消费者支付赔偿款" reads as who pays (P110)."""
    asks_meaning = _ASKS_MEANING.search(q) or DEFINITION_ASK.search(q) or any(a.search(q) for a, _ in TERM_AFTER_ASK)
    return not asks_meaning and (bool(_OPENS_AS_DEFINITION.match(clause.text))
                                 or any(_DEFINITIONS_HEADING.match(x) for x in clause.path[1:]))


# a case told for training ("六、典型案例 案例一：2024年7月，某城区用户…", "【案例一】…", under "七、案例复盘"): what
# happened to someone, not what is required
_CASE_TOLD = re.compile(r"案例\s*[一二三四五六七八九十\d]{1,3}\s*[：:】]")
_CASES_HEADING = re.compile(r"^[^，,。；;：:]{0,12}案例[^，,。；;：:]{0,12}$")


def _case_told(c: Clause) -> bool:
    return bool(_CASE_TOLD.search(c.text[:40])) or any(_CASES_HEADING.match(h) for h in c.path[1:])


def _choose(q: str, ranked: list[Hit], k: int, max_clauses: int, parent=lambda c: None,
            items: list[tuple[str, ...]] = (), within: float = 0.9, scope_asked: bool = False,
            deeper=lambda: [], synonyms=lambda w: ()) -> list[Hit]:
    """The hits an answer cites: every clause the question names by number, else the best of the
    top k and others nearly as good that share its words; a penalty provision only for a question about
    sanctions or consequences, unless nothing else is retrieved (``parent``: a clause's parent; ``deeper``: the hits of a
    deeper search, where a time asked is stated by none of the window's; ``synonyms``: the thesaurus's other words for a
    word)."""
    chosen: list[Hit] = []
    if not ranked:
        return chosen
    # a report tells what happened, a rule what is required: of the top k, a report's clauses come after the rules' ("扣钱之前
    # 提前几天会收到提醒？" quoted a complaint analysis's "…提醒短信未送达…" before "扣费日前7日发送提醒"; probe P44)
    # (and a sample's: "附录B（资料性附录） 常用安抚话术示例" / "——“…预计在××时间前给您回复。”" was first for "客户投诉进来以后，
    # 最晚多长时间内要给客人第一次回复？" and "客人投诉被杀熟…要怎么赔？", cited alone; probe P49)
    # (and a standard's list of the documents it cites, "2 规范性引用文件 / 下列文件对于本规范的应用是必不可少的：…", unless
    # the question asks what it cites)
    # (and a statement of purpose, unless the question asks why: "用户一直拖着不还，多久算机器丢了？" quoted "第1条 为督促
    # 承租人按期归还租赁物…制定本办法。近年来…" first; blind probe P97)
    asks_purpose = bool(ASKS_PURPOSE.search(q))
    # (and a definition, _definition_aside)

    def aside(h: Hit) -> bool:
        return bool(_REPORT.search(h.clause.document)) or _case_told(h.clause) or bool(NOTE_ON_RULES.match(h.clause.text)) \
            or _definition_aside(q, h.clause) \
            or not asks_purpose and bool(PURPOSE.match(h.clause.text)) \
            or any(_BACKGROUND_HEADING.match(x) for x in h.clause.path[1:]) \
            or not asks_purpose and bool(_OPENS_AS_INTRODUCTION.match(h.clause.text)) or any(
            x is not None and SAMPLE_ANNEX.match(x.text) for x in (h.clause, parent(h.clause))) or bool(
            _CITED_LIST.match(h.clause.text) and not re.search(r"引用|依据|参照", q))

    if not ranked[0].lookup and aside(ranked[0]):
        top = sorted(ranked[:k], key=aside)
        ranked = top + ranked[k:]
    hits = [h for i, h in enumerate(ranked) if h.lookup or i < k]
    if not ASKS_CONSEQUENCE.search(q):
        hits = [h for h in hits if h.lookup or not penal(h.clause, parent(h.clause))] or hits
    # a time a regulator must keep is none of the asker's, unless it asks of one: "消费者投诉了，网店多久内要处理？" was
    # answered by "消费者权益保护委员会应当自接到投诉之日起五个工作日内…作出是否受理的决定" (probe)
    when = _asked(q, _PERIOD_ASKED)
    # (only where a business asks: "消费者投诉后多久能知道受不受理？" is answered by the 消保委's 五个工作日; review)
    business_asks = when is not None and not ASKS_OFFICIALS.search(q) and bool(_BUSINESS_ASKS.search(q))

    def regulators_time(h: Hit) -> bool:
        return business_asks and only_regulators_say(h.clause, lambda x: _states(replace(h.clause, text=x), when, q))

    hits = [h for h in hits if h.lookup or not regulators_time(h)] or hits
    if not hits[0].lookup and only_asks_meaning(q) and any(defines(hits[0].clause, t) for t in asked_terms(q) if len(t) >= 3):
        return [hits[0]]  # "什么叫第三方电子商务平台？": the definition, not the clauses that use the term
    if not hits[0].lookup and scope_asked and only_asks_scope(q) and STATES_SCOPE.search(hits[0].clause.text):
        # "客服管理制度适用于哪些部门？": the clauses that say to whom their rules apply, not a 请假 rule beside them
        return [h for h in hits if STATES_SCOPE.search(h.clause.text)][:max_clauses]
    top = hits[0].score
    asks_liability = "责任" in q

    # the clause on each thing a question asks of each, which retrieval put first ("成本和资金分别怎么管？": 资金's cited too)
    each = item_clauses(hits, items, asked_of_items(q))
    each = each if each == hits[:len(each)] else []  # (as retrieval put them first)

    def cited(h: Hit) -> bool:
        return h.lookup or h is hits[0] or h in each or (h.score >= 0.6 * top and coverage(q, h.clause.index_text) >= 0.3
                                            and (asks_purpose or not PURPOSE.match(h.clause.text)))

    for h in hits:
        # a provision another law sets for the breach a chosen referral refers to (价格法第四十二条 for "…依照《价格法》…处罚")
        # is cited with it, beyond max_clauses: a referral alone states no penalty
        referred = bool(h.sanctions) and any(x.clause.id == h.sanctions and x.clause.document != h.clause.document
                                             for x in chosen)
        if len(chosen) >= (MAX_LOOKUP_CLAUSES if h.lookup else max_clauses) + (REFERRED_BEYOND if referred else 0):
            if referred:
                continue
            break
        # a provision that sanctions the breach of a clause cited is cited with it, whatever words it shares; and for a
        # question about liability (责任), the clause a cited provision sanctions where it states a liability of its own
        # (电子商务法 第八十三条 "违反本法第三十八条规定…处…罚款" was cited for "平台要担什么责任" without 第三十八条's
        # "…依法与该平台内经营者承担连带责任", ranked second; "会被怎么处罚" is asked of the sanction alone); and the clause
        # a cited provision sanctions by its number alone ("违反第七条、第十一条规定的，…扣除商家信用分12分" cited without
        # 第七条 said nothing of the act; blind probe P117)
        if cited(h) or referred or (h.sanctions and any(x.clause.id == h.sanctions and cited(x) for x in hits)) \
                or any(x.sanctions == h.clause.id and (asks_liability and _LIABLE.search(h.clause.text)
                                                       or _BARE_BREACH.search(x.clause.text)) for x in chosen):
            if h.clause.near_dup_of and any(c.clause.id == h.clause.near_dup_of for c in chosen):
                continue
            chosen.append(h)
    asked = _asked(q, _PERIOD_ASKED)
    if asked is None:  # an amount, a count, a size… ("能要求赔多少？" ← "…增加赔偿的金额为…价款…的三倍", ranked fourth)
        first = _asked(q, _QUANTITY_ASKED)
        # (or whether it is charged for: "师傅上门看一下要收钱吗？" ← "保修期外的维修，上门检测费为每次30元…", second to a
        # rule on service hours; probe P51 was not found)
        asked = first if first is not None and first.kind in ("quantity", "fee") else None
    if asked and not any(_states(h.clause, asked, q) for h in chosen):
        # "多久…", "几天…": the best retrieved clause that states a time limit is cited first; the expected answer
        # type is looked for a little deeper than the clauses cited otherwise (the top TIME_DEPTH × k), among clauses that share as
        # much of the question's words as the best one does ("退款多久到账" is not answered by "离职必须提前一个月")
        # (of a question in several parts, the words of the part that asks: "网站首页多久改版一次？改版方案要谁审批？")
        # (or half as many where the time follows a word the question puts before its ask: "客户投诉多久内必须回应" ←
        # "用户投诉或需求的24小时内做出响应", whose 响应 is not the question's 回应; not "行政管理部门对消费者的投诉…应当
        # 自收到投诉之日起七个工作日内…受理", which shares only 投诉). A number of hours, days… asked ("多少小时内必须回应")
        # is looked for only so, in the unit asked: "试用期最长能约定几个月" is not answered by "…应当自收到费用账单之日起
        # 六个月内提出", which does not say 约定 before it.
        part = _part_with(q, asked.words)
        least = coverage(part, hits[0].clause.index_text)
        how_long = asked.kind == "time"
        # a time limit, by any clause as near as the best that states one; an amount, by one that also says what it is of
        # ("赔多少" ← "…增加赔偿的金额为…三倍"; "税率是多少" is not answered by "预付凭证金额不得超过五千元")
        of = _asked_of(part, asked.words) if asked.kind == "quantity" else ""
        # (or a period asked in a part of its own, no word before it: "…给不给补差价？多少天之内算？" ← "…默认提供7日保价",
        # third, where the 24小时 of another was quoted; probe P23)
        alone = not re.search(r"[\u4e00-\u9fff]", part[:max(part.find(asked.words), 0)])
        # (or a lead time, which a clause states only as one: "选品单最晚提前几天报给品控？" ← "…应当在计划开播日前至少5个工作
        # 日将选品清单提交品控部审核", ranked second, whose 选品清单 is no anchor 品单; probe P28 was not found)
        lead = asked.period and _LEAD_ASKED.search(part) is not None
        wide = how_long or bool(of) or lead or asked.period and alone
        # (or a period asked within which a thing is done, by a clause that states one so: "一般几天之内得修好？" ← "需更换
        # 零部件的，应当在7日内修复", ninth; probe P51 was not found. Not "请假必须提前一天…" for "钱多少个工作日内要退回到账？")
        # ("最晚多少小时内必须发货？" is not answered by "…24小时内做出响应": what is done within it is alike)
        after = part[part.find(asked.words) + len(asked.words):]
        within = asked.period and re.match(_WITHIN, after) is not None

        def says_in(h: Hit, w: str) -> bool:  # (or a synonym: "抽查多少条" ← "每周抽检不少于20通会话"; probe P27 was not found)
            return _says_word(h.clause.text, w, synonyms) \
                or w in _DAMAGES_ASKED and _DAMAGES_PAID.search(h.clause.text) is not None

        def answers(h: Hit) -> bool:
            if not _states(h.clause, asked, q, exact=not how_long):
                return False
            if regulators_time(h):
                return False
            # (the question in the clause's words where a synonym is what it says: "最晚多长时间内要给客人第一次回复？" ←
            # "客服应当在接到投诉后2小时内首次响应旅客", second to a sample annex's "…预计在××时间前给您回复", fell short of
            # its share of the question's words; probe P49)
            cov = _covered(part, h.clause.index_text, synonyms)
            anchored = bool(asked.anchors) and says_in(h, asked.anchors[0])
            # (or an amount asked under a bound, of a word the clause says, that it states under that bound: "平台最多赔
            # 多少？" ← "…平台按照商品成交价赔偿，最高不超过20000元", second to a rule on unclaimed goods that shares more of
            # the question's words; probe P39 was not found)
            limit = _bound_asked(part, asked) if asked.kind == "quantity" and of else None
            bounded = limit is not None and says_in(h, of) and _bound_stated(h.clause.text, asked, limit.group(1) is not None)
            # (a count asked of a verb of one character, said otherwise: "主图起码要放几张？" ← "每个商品须上传不少于5张主图",
            # ranked third; probe P23 was not found. Not money: "要赔多少钱" is asked of 赔)
            verb = len(of) == 1 and asked.stated is not _MONEY
            # (half as many where the quantity is asked under a bound, stated so: "已经加了30个小时班了，最多还能加多少？"
            # shares little with "每月累计加班时长不得超过36小时", fourth; probe P30 was not found)
            # (or the amount's name, where the question names it, said with a sum or a rate: "用户能拿到多少违约金？" ← "…按
            # 漏充金额的20%向用户支付违约金"; not "…由平台从商家保证金…中直接划扣" for "要交多少保证金？")
            called = named is not None and any(_says_name(x, named.group(1)) and _SUM_OR_RATE.search(x)
                                               for x in re.split(r"[，,；;。]", h.clause.text))
            # (or two thirds as many where a lead time asked is stated as one: "资质快过期了，要提前多少天把新的传上去？" ←
            # "资质有效期届满前30日，商家应当提交更新后的资质", second to "资质过期未更新的…自动下架"; probe P86 was not found)
            return (wide or asked.kind == "fee") and cov >= least and (says_in(h, of) or verb or called) \
                or lead and cov >= least * 2 / 3 and _LEAD_STATED.search(h.clause.text) is not None \
                or cov >= least / 2 and (anchored or asked.bound or bounded) \
                or asked.period and cov >= least and _names_its_period(h.clause.text, part, asked)

        def answers_within(h: Hit) -> bool:
            return _states(h.clause, asked, q, exact=True) and not regulators_time(h) \
                and _covered(part, h.clause.index_text, synonyms) >= least \
                and any(_done_alike(h.clause.text[m.end():], after) for m in asked.stated.finditer(h.clause.text))

        # (an amount among the clauses retrieved, a time limit a little deeper: "快递把包裹弄丢了，我们要赔多少钱" is no
        # question for the sixth, a courier's "…按照申报价值予以赔偿…最高额不超过八百元")
        # (or an amount asked by the name of what it pays, "用户能拿到多少违约金？", where a clause of that name states one:
        # "…按漏充金额的20%向用户支付违约金，最低不少于5元", sixth; probe P45 was not found)
        named = _NAMED_AMOUNT.fullmatch(asked.words) if asked.kind == "quantity" else None
        # (or an amount asked under a bound, by a clause that says what it is of and states one under that bound: "假一赔十的
        # 话，一单最多能赔多少钱？" ← "单笔订单赔付金额最高不超过5万元", seventh; probe P60 was not found)
        capped = _bound_asked(part, asked) if asked.kind == "quantity" and of else None
        window = k if asked.kind in ("quantity", "fee") and not named and not capped else TIME_DEPTH * k  # (an amount asked
        # of no word is not looked for: of == "")

        def deep(h: Hit) -> bool:  # (what a clause past the top k must say to answer an amount)
            return named is not None and _says_name(h.clause.text, named.group(1)) or capped is not None \
                and of in h.clause.text and _bound_stated(h.clause.text, asked, capped.group(1) is not None)

        # (a rule's before a report's or a sample's)
        ordered = [(i, h) for _, i, h in sorted((aside(h), i, h) for i, h in enumerate(ranked[:window]))]
        # (a time limit on what the question asks done within it, before one on another act: "客服最晚多长时间内要第一次回复
        # 她？" ← "…应当在2小时内首次响应消费者", third, not "…应在10分钟内创建“过敏投诉”工单"; probe P60)
        stating = next((h for i, h in ordered if i < k and answers(h) and answers_within(h)), None) if within else None
        stating = (stating or next((h for i, h in ordered if answers(h) and (
            i < k or not named and not capped or deep(h))), None)) if asked.kind != "quantity" or of else None
        if stating is None and within:
            stating = next((h for _, h in ordered if answers_within(h)), None)
        if stating is None and asked.kind == "quantity" and (len(of) >= 2 or of in _DAMAGES_ASKED):
            # (or the one clause of the top k that states the amount of what is asked, with half the best one's share of the
            # question: "因为平台审核搞错了把商品下了，能赔多少钱？" ← "因平台误判导致商品被下架的，平台应当按照每个商品链接每日
            # 20元的标准向商家赔付…", fifth, sharing fewer words than the rules under "三、审核处理"; probe P86 was not found;
            # not of a character that may be in any word: "截单时间调整到几点？" is asked of no 到 of "迟到", probe P73)
            sole = [h for i, h in ordered if i < k and _states(h.clause, asked, q, exact=True) and says_in(h, of)]
            if len(sole) == 1 and _covered(part, sole[0].clause.index_text, synonyms) >= least / 2:
                stating = sole[0]
        if stating is None and how_long:
            # (and past the fused candidates, by the same test: with the 14 laws beside the seed, "…24小时内做出响应" was
            # 68th by BM25 and 104th by dense for "客户投诉了多久之内要回？", which was told "没有规定具体时限")
            seen = {h.clause.id for h in ranked[:window]}
            stating = next((h for h in deeper() if h.clause.id not in seen and answers(h)), None)
        if stating is not None:
            chosen = [stating] + chosen[: max_clauses - 1]
    elif asked and chosen and not chosen[0].lookup and not _states(chosen[0].clause, asked, q):
        # of the clauses cited, one that states the quantity asked comes first ("阶梯团最多能设几档价格？" quoted a 阶梯团
        # time limit before the table's "最多3档")
        stating = next((h for h in chosen[1:] if _states(h.clause, asked, q)), None)
        if stating is not None:
            chosen = [stating] + [h for h in chosen if h is not stating]
    if asked and chosen and not chosen[0].lookup and (bound := _bound_asked(q, asked)) is not None \
            and not re.search(r"[，,。；;？?！!]", q[bound.end():max(q.find(asked.words), bound.end())]) \
            and _states(chosen[0].clause, asked, q) \
            and not _bound_stated(chosen[0].clause.text, asked, bound.group(1) is not None):
        # a bound asked ("最多能扣到服务费的百分之几？"): of two clauses that state the quantity, one of the top k that states
        # it with that bound ("单月扣减总额不得超过当月服务费的20%") comes before one that states it bare ("另扣减当月服务费总额
        # 的2%", first; probe P26), sharing as much of the question (the bound in the phrase that asks: not "定金最多能收到
        # 多少？尾款要给客户留几天时间付？")
        least = coverage(q, chosen[0].clause.text)
        bounded = next((h for h in ranked[:k] if h is not chosen[0] and _states(h.clause, asked, q)
                        and _bound_stated(h.clause.text, asked, bound.group(1) is not None)
                        and coverage(q, h.clause.text) >= least), None)
        if bounded is not None:
            chosen = _put_first(bounded, chosen, max_clauses)
    if asked and asked.kind == "quantity" and chosen and not chosen[0].lookup and _per_period_asked(q, asked) \
            and _per_item_only(chosen[0].clause.text):
        # an amount over a period or in all, where the first cited sets one an item: the clause of the top k that states it
        # over a period or in all comes first ("卖家一年里被扣了多少分就再也不能发东西了？" ← "一个自然年内累计扣分达到24分的，
        # 永久关闭发布权限", second to "…每次扣6分"; probe P70)
        # (sharing as much of the question: "售后组长每天累计最多能给买家赔付多少钱？" is not answered by an 一线客服's "每日累计")
        least = coverage(q, chosen[0].clause.text)
        total = next((h for h in ranked[:k] if _states(h.clause, asked, q) and _PER_PERIOD.search(h.clause.text)
                      and coverage(q, h.clause.text) >= least), None)
        if total is not None:
            chosen = _put_first(total, chosen, max_clauses)
    timed = asked if asked and asked.period else _asked(q, [_WHEN_ASKED])  # ("保证金什么时候退给人家？"; probe P26)
    if timed and chosen and not chosen[0].lookup and (done := _done_within(q, timed)) \
            and not _period_before(chosen[0].clause.text, done):
        # what is to be done within the time asked ("几天之内可以申诉", "最晚要在多少天内退回仓库"): a clause whose period is
        # of it comes first (probe R: "收到申诉后5个工作日内完成复核" was quoted for the 3个工作日 "…内提出申诉", ranked second)
        # (of the question's subject as much as the first: "价格标错了多久内要处理？" put a 仓储 rule's "…24小时内给出处理
        # 方案" before 3.4's "发现标价错误的，应当在30分钟内下架或者更正"; held-out probe)
        rest = q.replace(done, "")
        subject = coverage(rest, chosen[0].clause.text)
        # (or a synonym of it, the clause read in the question's word: "…要给人家答复" ← "…须在24小时内核实降价事实并回复
        # 消费者", probe P87 was not found; "…多久之内得安排人接手？" ← "…必须在5个工作日内指定接替人员", probe P93)
        def times_it(h: Hit) -> bool:
            said = next((x for x in (done, *synonyms(done)) if _period_before(h.clause.text, x)), None)
            return said is not None and _states(h.clause if said == done else replace(
                h.clause, text=h.clause.text.replace(said, done)), timed, q)

        of = next((h for h in ranked[:k] if times_it(h)
                   and coverage(rest, h.clause.text) >= subject * 2 / 3), None)  # (two thirds: "保证金多久才能退回来"
        # shares more with "商家主动申请退出的，应当提前15日…提交申请" than with "…公示期满后5个工作日内将保证金余额退还…"; P35)
        if of is not None:
            chosen = _put_first(of, chosen, max_clauses)
    chosen = _each_part_stated(q, ranked[:k], chosen, max_clauses, parent)
    chosen = _case_stated(q, ranked[:k], chosen, max_clauses, synonyms)
    chosen = _presence_stated(q, ranked[:k], chosen, max_clauses)
    chosen = _tier_stated(q, ranked, k, chosen, max_clauses)
    chosen = _nth_stated(q, ranked[: 2 * k], chosen, max_clauses)
    if _FIRST_STEP_ASKED.search(q) and chosen and not chosen[0].lookup \
            and not _STEPS_SAID.search(chosen[0].clause.text):
        # the first step asked ("要搭一套运营管理体系，第一步先做什么？"): a clause of the top k that tells the steps in order,
        # sharing half as much of the question's words (the fixed set's seed-031 cited "4.5 建立沟通机制…", a later step,
        # before "4. …建立运营管理体系的过程分为以下几个步骤: 4.1. 确定目标…")
        chosen = _promoted(q, ranked[:k], chosen, max_clauses, lambda h: bool(_STEPS_SAID.search(h.clause.text)),
                           share=0.5)
        # (and the steps it leads in cited after it in their order, the first being what is asked: "4. …分为以下几个步骤:" and
        # "4.1 确定目标…", numbered as a standard numbers them, no items of it)
        lead = chosen[0].clause
        steps = sorted((h for h in chosen[1:] if lead.text.rstrip().endswith((":", "："))
                        and h.clause.doc_id == lead.doc_id and h.clause.seq > lead.seq), key=lambda h: h.clause.seq)
        chosen = chosen[:1] + steps + [h for h in chosen[1:] if h not in steps]
    if _WHO_ACTS.search(q) and chosen and not chosen[0].lookup and not _NAMES_UNIT.search(chosen[0].clause.text):
        # "…好评，谁负责去查？": a clause of the top k that names who does it, one of its units or roles, sharing as much of
        # the question's words (probe P22 cited "消费者应当在…15日内发表首次评价", the one that names 审核人员 and 商家运营部
        # ranked second)
        chosen = _promoted(q, ranked[:k], chosen, max_clauses, lambda h: bool(_NAMES_UNIT.search(h.clause.text)))
    if CLOCK_SAID.search(q) and chosen and not chosen[0].lookup and not CLOCK_SPAN.search(chosen[0].clause.text):
        # a time of day asked of ("晚上十点钟还能不能给用户发促销短信？"): a clause of the top k that sets hours of the day,
        # sharing half as much of the question's words ("营销短信只能在每日8时至21时之间发送", fourth; probe P40 cited the
        # 大促 frequency rule); of the top 2k ("晚上十点多了，还能给用户推一条促销短信吗？" ← "…每日8:00至21:00之间…", seventh,
        # where a definition of 营销短信 was cited; blind probe P101)
        chosen = _promoted(q, ranked[:2 * k], chosen, max_clauses, lambda h: bool(CLOCK_SPAN.search(h.clause.text)), share=0.5)
    noun = _asked_noun(q)
    if noun and len(chosen) > 1:  # "主要起草人是谁": the clauses that say 起草人, where one does
        chosen = [h for h in chosen if h.lookup or noun in h.clause.text] or chosen
    if asks_permission(q) and not ASKS_PENALTY.search(q) and not chosen[0].lookup and _lead_in(chosen[0], parent) \
            and not _rules_on(chosen[0], parent):
        # "…客服能不能听他这么一说就认了监护关系？": a clause of the top k that forbids or permits, sharing as much of the
        # question's words, before an item of a list that does neither by its words or its lead-in's (probe P45 cited "（二）
        # 能够证明监护关系的户口簿…" under "…监护人应当提供下列材料：", not "…不得仅凭来电口头陈述认定监护关系", second)
        # (not another item of its list: "（一）…隐藏款可以剪影方式展示" beside "（二）每一款式的抽取概率…应当单独列明"; of
        # those, the one that shares the most: "…不得使用“极低”“随缘”“看脸”等模糊表述…" for "写隐藏款“概率极低、看脸”这种
        # 说法行不行？", fourth, not a 客服 rule "不得凭个人经验报出概率数字", third; probe P50)
        chosen = _promoted(q, sorted(ranked[:k], key=lambda h: -coverage(q, h.clause.index_text)), chosen, max_clauses,
                           lambda h: not h.lookup and _rules_on(h, parent) and h.clause.parent_id != chosen[0].clause.parent_id)
    if asks_permission(q) and not ASKS_PENALTY.search(q) and states_rule(chosen[0].clause, parent(chosen[0].clause)):
        # "上班时间能打私人电话吗？": the rules that forbid or permit it (and the items of one cited), not a clause
        # beside them that says neither
        # (and one that states a quantity another part asks: "…这样行吗？平台发了退款通知后商家要多久确认？" lost "商家应当在
        # 收到平台退款通知后24小时内确认…" beside "…不得以商品已使用…为由拒绝"; blind probe P82)
        ids = {h.clause.id for h in chosen}
        counted = _asked(q, _PERIOD_ASKED) or _asked(q, _QUANTITY_ASKED)
        chosen = [h for h in chosen if h.lookup or h.clause.parent_id in ids or states_rule(h.clause, parent(h.clause))
                  or counted is not None and h is not chosen[0] and _states(h.clause, counted, q)]
    when = _asked(q, [_DATE_ROW, _BEARS_ROW])
    if when:  # "…什么时候实施", "运费谁出": the clauses that state a date or who bears it, not the others of the
        # document named; of those with a date, the ones that say the act asked ("哪一年通过的" is not answered by
        # "本法自2019年1月1日起施行" where a note says 通过)
        stating = [h for h in chosen if _states(h.clause, when, q)] or \
            [h for h in ranked[: 2 * k] if _states(h.clause, when, q)
             and not _definition_aside(q, h.clause)][:1] or chosen
        if when.kind == "bears" and SEVERAL_ASKED.search(q):  # "这两趟运费分别谁出？": each of the top k that says who
            # bears a cost (probe O cited "寄回运费由商家承担" alone, not "寄样运费由商家承担", ranked second)
            stating += [h for h in ranked[:k] if h not in stating and _states(h.clause, when, q)][:max(0, max_clauses - len(stating))]
        act = next((f for f in _ACTS if when.kind == "date" and re.search(f, when.words)), None)
        chosen = [h for h in stating if act and re.search(act, h.clause.text)] or stating
    chosen = _with_referred(chosen, ranked[: 2 * k], max_clauses)
    chosen = _with_qualifying(chosen, ranked[: 2 * k], max_clauses)
    chosen = _rule_before_denial(q, chosen, ranked[:k], max_clauses)
    chosen = _breach_sanctioned(q, chosen, ranked[: 2 * k], max_clauses, parent)
    # a list item or a later paragraph first: the clause it belongs to, retrieved nearly as high (RRF scores within
    # ``within``), is cited before it ("…可以不通知个人" alone reads as if nothing need be done; laws citation F1 +0.012)
    first = chosen[0]
    framing = next((h for h in ranked[: 2 * k] if h.clause.id == first.clause.parent_id and not h.lookup), None)
    if framing is not None and not first.lookup and framing.score >= within * top:
        chosen = _put_first(framing, chosen, max_clauses)
    return chosen


def _lead_in(h: Hit, parent) -> str:
    """The last sentence of the lead-in of the list a clause is an item of, or ""."""
    lead = parent(h.clause)
    return (_sentences(lead.text) or [""])[-1] if lead is not None and lead.text.rstrip().endswith(("：", ":")) else ""


def _rules_on(h: Hit, parent) -> bool:
    """Does a clause forbid or permit, by its own words or by its list's lead-in?"""
    return any(FORBIDS_OR_PERMITS.search(x) for x in [h.clause.text, _lead_in(h, parent)] if x)


FRAMING_RANKS = 8  # how many ranks of one list below the first a clause's framing may be, to be cited before it

# what a clause withholds in a case ("…造成的延误，不予补偿", "…的，不予退款", "不予受理")
_DENIES = re.compile(r"不予([\u4e00-\u9fff]{2})")


# what becomes of one who breaches a rule, asked ("被查到会怎么处理？", "会怎么样"; not "处理工单", "怎么处理退货")
_ASKS_OUTCOME = re.compile(r"(?:会|要|将)(?:被)?(?:怎么|如何)(?:处理|处置)|被(?:怎么|如何)?(?:处理|处置)|会怎(?:么)?样|什么(?:下场|后果)")
# what a clause forbids, after the word that forbids it ("商家不得通过更换商品链接…等方式规避价保")
_FORBIDDEN_ACT = re.compile(r"(?:不得|严禁|禁止|不准|不许)([^，,。；;：:]{3,60})")


def _breach_sanctioned(q: str, chosen: list[Hit], ranked: list[Hit], max_clauses: int, parent=lambda c: None) -> list[Hit]:
    """A consequence asked of an act the first clause cited forbids, where no clause cited sanctions any: the clause of the
    top 2k that sanctions the act by its name, in its case ("商家规避价保的，每次扣3分…"), is cited after it ("商家偷偷换个
    商品链接来躲价保，被查到会怎么处理？" cited only "商家不得通过更换商品链接…等方式规避价保", the sanction sixth; blind
    probe P94)."""
    if not chosen or chosen[0].lookup or not (ASKS_PENALTY.search(q) or _ASKS_OUTCOME.search(q)) or any(
            penal(h.clause, parent(h.clause)) or any(_sanction(x) for x in _sentences(h.clause.text)) for h in chosen):
        return chosen
    from ingest.tokenize import STOPWORDS, words

    acts = [m.group(1) for m in _FORBIDDEN_ACT.finditer(chosen[0].clause.text)]
    runs = {a[i:i + BREACH_NAMED] for a in acts for i in range(len(a) - BREACH_NAMED + 1)
            if re.fullmatch(r"[\u4e00-\u9fff]+", a[i:i + BREACH_NAMED])}
    # (or, of a sanction a clause ranked refers to, the act the question tells, by a word of it no party's: "客服要是拖着不给
    # 用户办取消，会被怎么处罚？" cited the rules on cancelling, none sanctioned, not "客服人员违反第十四条规定拖延办理取消的，每
    # 发现一次扣减当月绩效分5分", which "…拖延办理取消的，按管理办法第十八条处理" refers to, sixth; blind probe P126. Any
    # sanction ranked that shares a word told answered four near misses of P70-P117, "…商家会被扣几分？")
    m = ASKS_PENALTY.search(q)
    told = {w for w in words(q[:m.start()]) if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w) and w not in PEOPLE
            and not _PARTY_WORD.search(w) and w not in STOPWORDS and w not in _ASKING} if m else set()

    def names_it(sentence: str, runs: set[str]) -> bool:
        case = sentence[:max(sentence.rfind("的，"), sentence.rfind("的,"), 0)]
        return _sanction(sentence) and any(r in case for r in runs)

    referred = [h for h in ranked if h.sanctions]
    got = next((h for named, ranks in ((runs, ranked), (told, referred)) for h in ranks if h not in chosen
                and not h.lookup and any(names_it(x, named) for x in _sentences(h.clause.text))), None)
    return chosen if got is None else [chosen[0], got, *chosen[1:]][:max(2, max_clauses)]


BREACH_NAMED = 3  # (the characters in a row a sanction's case shares with the act forbidden: 规避价保 → 避价保)
_PARTY_WORD = re.compile(rf"^(?:{BUSINESS.pattern})$|(?:{_ROLE_NAMES})$")  # (客服, 平台, 主管, 仓储部门…)


def _rule_before_denial(q: str, chosen: list[Hit], ranked: list[Hit], max_clauses: int) -> list[Hit]:
    """Where the one clause cited withholds what the question asks of ("包裹晚到了…我们能给什么补偿？" cited only "因不可抗力…
    造成的延误，不予补偿", probe P17), the clause of its document among the top k that grants it ("…延误超过48小时的，向消费者
    补偿5元无门槛券") is cited first: the exception alone read as "no compensation"."""
    if len(chosen) != 1 or chosen[0].lookup or not (m := _DENIES.search(chosen[0].clause.text)) or m.group(1) not in q:
        return chosen
    # (not one that grants it in another case too: "合格率低于90%的，不予准入；合格率低于95%但不低于90%的，经…批准，可以延长
    # 试单期一次" for "…合格率只有92%，还有没有机会准入？"; probe P58 put the 准入审核 table before it)
    if re.search(r"可以|允许|有权|方可", chosen[0].clause.text[m.end():]):
        return chosen
    grants = next((h for h in ranked if h is not chosen[0] and h.clause.document == chosen[0].clause.document
                   and m.group(1) in h.clause.text and not re.search("不予" + m.group(1), h.clause.text)), None)
    return [grants, *chosen][:max(2, max_clauses)] if grants is not None else chosen


def framing_within(r) -> float:
    """The share of the first's score a clause's framing must have (RetrievalSettings ``r``): that of a clause
    FRAMING_RANKS below it in one list under rank fusion (0.84 at rrf_k 40: 0.9 there lost "收到货以后几日内可以无理由
    退货？" 第二十五条 (七日内退货) before its 第二款, at 0.87; measured at 40, 0.84 laws citation F1 0.648, 0.86 0.643);
    0.9 for a convex mix."""
    return (r.rrf_k + 1) / (r.rrf_k + 1 + FRAMING_RANKS) if r.fusion == "rrf" else 0.9


# a state of an act, done or not yet, as a question tells its case ("我们已经抵扣了", "货还没发") and as a rule's cases are
# set apart by it ("…尚未勾选抵扣的，由供应商作废后重新开具" / "…已勾选抵扣的，须…开具红字发票")
_NOT_YET = r"(?:尚未|还未|还没有|还没|没有|未|没)"
_DONE = r"(?:已经|已)"


def _states_of(text: str) -> dict[str, bool]:
    """The acts a text tells done (True) or not yet done (False): "已勾选抵扣" → 抵扣 True, "尚未发货" → 发货 False,
    "抵扣了" → 抵扣 True."""
    out: dict[str, bool] = {}
    for m in re.finditer(rf"({_NOT_YET}|{_DONE})([\u4e00-\u9fff]{{0,3}}?)([\u4e00-\u9fff]{{2}})(?=了|的|，|,|。|；|？|\?|$)", text):
        out.setdefault(m.group(3), not re.fullmatch(_NOT_YET, m.group(1)))
    for m in re.finditer(r"([\u4e00-\u9fff]{2})(?:了|过)(?![解结])", text):
        out.setdefault(m.group(1), True)
    return out


def _case_stated(q: str, top: list[Hit], chosen: list[Hit], max_clauses: int, synonyms=lambda w: ()) -> list[Hit]:
    """Of a rule's cases set apart by whether an act is done, the one the question tells is its own comes first:
    "供应商的专票我们已经抵扣了，后来发现开错了，咋弄？" cited the 发票台账 article (first) and not "（二）跨月或者公司已勾选
    抵扣的，须由财务部…提交《红字发票信息确认单》" (fourth), whose sibling "（一）…尚未勾选抵扣的，由供应商作废后重新开具"
    was second (probe P28). The cases are those of one list or article among the top k, one telling the act done and
    another not yet."""
    if not chosen or chosen[0].lookup:
        return chosen
    asked = _states_of(q)
    if not asked:
        return chosen

    def rule(h: Hit) -> str:
        return h.clause.parent_id or h.clause.id.rsplit("/", 1)[0]

    told = [(h, _states_of(h.clause.text)) for h in top]
    first = _states_of(chosen[0].clause.text)
    for act, done in asked.items():
        if first.get(act) is done:
            return chosen
        split = {rule(h) for h, st in told if st.get(act) is (not done)}
        case = next((h for h, st in told if st.get(act) is done and rule(h) in split), None)
        if case is not None:
            return _put_first(case, chosen, max_clauses)
    # (or a case one rule sets alone, an act not done that it forbids or permits without: "买家没点头，快递员能不能直接把
    # 包裹塞进快递柜？" ← "未经收件人同意，承运商不得将快件投放至代收点或者智能快递柜", fifth behind 第八条's list of what
    # never goes into one; probe P47)
    least = coverage(q, chosen[0].clause.index_text)
    for act in (a for a, done in asked.items() if not done):
        words = [act, *(w for w in synonyms(act) if len(w) >= 2)]
        if any(w in chosen[0].clause.text for w in words):
            return chosen
        unless = re.compile(rf"(?:未经|未|没有|尚未)[^，,。；;：:]{{0,8}}?(?:{'|'.join(map(re.escape, words))})")
        case = next((h for h in top if h is not chosen[0] and unless.search(h.clause.text)
                     and FORBIDS_OR_PERMITS.search(h.clause.text) and coverage(q, h.clause.index_text) >= least), None)
        if case is not None:
            return _put_first(case, chosen, max_clauses)
    return chosen


# a rule's case by whether something is there ("（一）验机无损坏的，…", "（二）存在损坏的，…"): the thing (group 2) and whether
# it is absent (group 1)
_PRESENCE_CASE = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、])?\s*[\u4e00-\u9fff]{0,6}?"
                            r"(无|没有|未发现|不存在|存在|有|发现)([\u4e00-\u9fff]{2,4}?)(?:情况|问题)?的[，,]")
_ABSENT = frozenset("无 没有 未发现 不存在".split())  # (the words of _PRESENCE_CASE's group 1 that say it is not there)
# what a question says of it: nothing wrong ("验完了没问题", "东西完好") or something ("坏了", "有损坏")
_NOTHING_WRONG = re.compile(r"没(?:有)?(?:什么)?(?:问题|毛病|异常|损坏|损伤|坏|破损)|完好|无损|(?<!不)合格|没事")
_SOMETHING_WRONG = re.compile(r"(?<!没)有(?:问题|毛病|异常|损坏|损伤|破损)|坏了|损坏了|破损了|不合格")


def _presence_stated(q: str, top: list[Hit], chosen: list[Hit], max_clauses: int) -> list[Hit]:
    """Of a rule's cases by whether something is there, the one the question tells comes first: "用户还机验完了没问题，押金
    最晚几天要退给人家？" cited "（二）存在损坏的，…剩余押金应当在用户确认定损单后3个工作日内退回", not its sibling "（一）验机无
    损坏的，押金须在验机报告出具后3个工作日内退回" (blind probe P97)."""
    if not chosen or chosen[0].lookup:
        return chosen
    absent = bool(_NOTHING_WRONG.search(q))
    if absent == bool(_SOMETHING_WRONG.search(q)):
        return chosen  # (neither told, or both)
    first = _PRESENCE_CASE.match(chosen[0].clause.text)
    if first is None or (first.group(1) in _ABSENT) == absent:
        return chosen
    case = next((h for h in top if h is not chosen[0] and h.clause.parent_id == chosen[0].clause.parent_id
                 and (m := _PRESENCE_CASE.match(h.clause.text)) and m.group(2) == first.group(2)
                 and (m.group(1) in _ABSENT) == absent), None)
    return chosen if case is None else _put_first(case, chosen, max_clauses)


# a sum of money as staff say it ("3万块", "60万的货款", "8000块", "三千多", "12万") and as a rule's tiers bound it
_AMOUNT = r"(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(万|千)?\s*(?:多|(?<=[十百千])来)?"  # a number as staff say it, its
# 万 or 千 ("三千多", "十来天": probe P49's "离起飞还有十来天…要收退票费吗？" told no count)
_SUM_UNITS = "元|块钱|块|万元"
_SUM = _AMOUNT + rf"\s*(?:{_SUM_UNITS})"
# (about so much: "两百来块钱", probe P64)
_SUM_SAID = re.compile(r"(?<![第\d.一二两三四五六七八九十百千])(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)(多|来)?\s*(万|千)?(?:多|来)?\s*"
                       r"(元|块钱|块(?!儿))?")
# the words before a tier's sum that make it the tier's floor or ceiling ("超过5000元的", "不满5万元的"): the case a rule is
# for, read otherwise than a rule's own bound (_LOWER_BEFORE / _UPPER_BEFORE, where "不得低于1万元" is a floor, "低于1万元的"
# here a ceiling)
# (not 不超过, a ceiling: "单张最高不超过50元" was 50元 up; but 不低于, a floor: "合格率低于95%但不低于90%的" was below 90%,
# probe P58)
_TIER_FROM = re.compile(r"(?<![不未])(?:超过|高于|达到|满|大于)\s*$|不(?:低于|少于|小于)\s*$")
_TIER_BELOW = re.compile(r"(?:不满|不足|(?<!不)低于|不超过|未满|(?<!不)少于|(?<!不)小于|以内的?)\s*$")
_TIER_TO = r"(?:至|到|～|~|－|-|—)"  # between a tier's floor and ceiling ("201件至500件的")


def _yuan(number: str, wan: str | None) -> float:
    from ingest.segment import cn_to_int

    n = float(number) if re.fullmatch(r"[\d.]+", number) else float(cn_to_int(number))
    return n * {"万": 10000, "千": 1000}.get(wan or "", 1)


def _sum_asked(q: str) -> float | None:
    """The sum of money the question tells ("报废一批3万块的残次品谁批？" → 30000), where it tells one."""
    for m in _SUM_SAID.finditer(q):
        if re.match(r"\s*(?:天|日|个|小时|分钟|年|月|次|件|单|%|％)", q[m.end():]):
            continue
        # (or a price without its unit: "退回来一台三千多的手机", "两万多的包")
        if m.group(3) or m.group(4) or re.search(r"[千万]$", m.group(1)) and q.startswith("的", m.end()):
            return _yuan(m.group(1), m.group(3))
    return None


# a count told and the tiers of a case by it, of a unit other than money ("想连着请5天事假，OA上要走到谁那？" ← "请假3天以上
# 不满10天的，由部门负责人审核后报人力资源部经理审批"; "到了一批货800件，得抽检多少？" ← "100件以上不满1000件的，抽检比例不低于
# 20%"; "工作12年了" ← "已满10年不满20年的"; "差不多降了两成" ← "调价幅度超过10%不满30%的"; probe P33; "13岁的小孩一次最多
# 能充多少钱" ← "八周岁以上未满十六周岁的用户，单次充值不得超过50元", probe P45 quoted the 十六周岁 tier)
# (and minutes or hours late: "外卖送晚了20分钟左右，顾客能拿到什么补偿？" ← "超时15分钟以上、30分钟以内（含）的，向顾客发放10元
# 无门槛优惠券"; probe P92 cited the rule on when nothing is paid)
_COUNT_UNITS = {"天": "天|日|个工作日|工作日", "件": "件", "次": "次", "单": "单|笔", "年": "年", "%": "%|％", "岁": "周岁|岁",
                "分钟": "分钟", "小时": "个?小时"}
_COUNT_NUM = _AMOUNT + r"\s*(?:个)?"


def _counts_told(q: str) -> list[tuple[float, str]]:
    """The counts the question tells, each with its unit ("请5天事假" → (5, 天); "降了两成" → (20, %)), not an ordinal."""
    # (not one: "出差一天给多少饭补", "一笔三千块的退款" tell a rate or a unit, no count)
    q = _GROUPED.sub("", q)  # ("到了1,200件货")
    # (past it where said so: "请假超过三天的话最后是谁来批？" is of "3天以上的", not "1天以上3天以内（含3天）的"; blind probe
    # P124)
    out = [(_yuan(m.group(1), m.group(2)) + (0.5 if re.search(r"(?:超过|超出|多于|大于)$", q[:m.start()]) else 0), unit)
           for unit, units in _COUNT_UNITS.items()
           for m in re.finditer(rf"(?<![第\d.一二两三四五六七八九十百千几]){_COUNT_NUM}(?:{units})(?![前后内])", q)
           if m.group(1) not in ("一", "1")]
    # (and the day an event is on, told by its ordinal: "到家第20天才确诊" is 20 days on; probe P62)
    out += [(_yuan(m.group(1), None), "天") for m in re.finditer(rf"第{_COUNT_NUM}(?:天|日)(?![前后内])", q)]
    # (months and more, said so: "借的钱拖了一个多月还没核销" is past 30 days, "逾期超过30天的，…从借款人当月工资中扣回";
    # blind probe P116)
    out += [(30.0 * _yuan(m.group(1), None) + 15, "天") for m in re.finditer(r"([一二两三四五六七八九十]|\d+)个多月", q)]
    # (half a year, said so: "行程都结束大半年了" is past 180 days; probe P63)
    out += [(240.0 if m.group(1) or m.group(2) else 180.0, "天") for m in re.finditer(r"(大)?半年(多)?", q)]
    # (a count told roughly, "拖了十几天", is about the middle of its tens: 15; probe P59)
    out += [(_yuan(m.group(1), None) + 5, unit) for unit, units in _COUNT_UNITS.items()
            for m in re.finditer(rf"(?<![第\d.一二两三四五六七八九十百千])([一二两三四五六七八九]?十)几\s*(?:个)?(?:{units})", q)]
    # (a share in tenths, past it where said with 多: "烂了三成多" is above 30%, not in "坏果率低于30%的"; blind probe P117)
    return out + [(10.0 * _yuan(m.group(1), None) + (5 if m.group(2) else 0), "%")
                  for m in re.finditer(r"(?<![几好十])([一二两三四五六七八九])成(多)?(?![本功员为立年交长品分新])", q)]


def _tiers(text: str, unit: str | None = None) -> list[tuple[float, float]]:
    """The ranges of money a text's phrases bound ("1万元以上不满5万元的" → (10000, 50000); "20万元以下的" → (0, 200000)),
    or of a count of ``unit``, in a case only ("请假3天以上不满10天的" → (3, 10); "批量为201件至500件的" → (201, 500); not
    "应当在3日内审批")."""
    units = _SUM_UNITS if unit is None else _COUNT_UNITS[unit]
    out = []
    # (a table's cells are phrases of their own, each a case: "犬猫确诊上述传染病\t到家第16日至第30日\t按…50%赔付"; probe P62)
    phrases = [(p, "\t" in line or "|" in line) for line in _GROUPED.sub("", text).split("\n")
               for p in (re.split(r"[\t|]", line) if "\t" in line or "|" in line else re.split(r"[，,；;。：:]", line))]
    for phrase, cell in phrases:
        lo, hi, bound = 0.0, math.inf, False
        if unit is not None and unit != "岁" and not cell and not re.search(r"的\s*$", phrase):
            continue  # (an age's range is always a case: "八周岁以上未满十六周岁的用户，单次充值不得超过50元")
        for m in re.finditer(_SUM if unit is None else _COUNT_NUM + f"(?:{units})", phrase):
            v = _yuan(m.group(1), m.group(2) or ("万" if "万元" in m.group() else None))
            after, before = phrase[m.end():m.end() + 3], phrase[:m.start()]
            if after.startswith(("以上", "及以上", "起")) or _TIER_FROM.search(before):
                lo, bound = max(lo, v), True
            elif after.startswith(("以下", "以内", "及以下", "及以内")) or _TIER_BELOW.search(before) \
                    or cell and after.startswith("内"):  # (a cell's "到家起15日内")
                hi, bound = min(hi, v), True
            elif span := re.search(_COUNT_NUM + rf"(?:{units})?\s*{_TIER_TO}\s*第?\s*$", before):  # ("第16日至第30日")
                # (a row's span, its floor maybe without the unit: "批量为201件至500件的，抽取8件" for "一车到了300件货，入仓验收
                # 要抽几件检查？", where "…500件以上的，抽取13件" was quoted; probe P58)
                lo = max(lo, _yuan(span.group(1), span.group(2) or ("万" if "万元" in span.group() else None)))
                hi, bound = min(hi, v), True
        if bound and lo <= hi:
            out.append((lo, hi))
    return out


DEEPER_TIER, DEEPER_TIER_SHARE = 3, 0.6  # (how far past the top k a tier the count told falls in is looked for, and
# the share of the first clause's coverage of the question it must have)


_NTH = re.compile(rf"第\s*([{CN_NUM}\d]+)\s*次")  # the time that counts ("第4次侵权记录的", "第三次违规")


# the first step of a process asked, and a clause that tells a process's steps in order
_FIRST_STEP_ASKED = re.compile(r"第一步|头一步|首先要?(?:做|干|办)|先(?:要|得)?(?:做|干|办)(?:什么|啥|哪)|第一件事|从哪(?:里|儿)?(?:入手|做起|着手)")
_STEPS_SAID = re.compile(r"(?:步骤|流程|程序|环节|阶段)(?:如下|包括|为)?[^，,。；;]{0,6}[:：]|第一步|首先")


def _nth_stated(q: str, ranked: list[Hit], chosen: list[Hit], max_clauses: int) -> list[Hit]:
    """Of a rule's steps by the time it happens, the one the question tells comes first: "一个店一年里第四次被认定侵权，会
    受到什么处罚？" cited "12个月内第3次侵权记录的，店铺限制参加营销活动30天", its sibling "…第4次侵权记录的，店铺屏蔽搜索…"
    fifth (blind probe P98)."""
    from ingest.segment import cn_to_int

    def nths(text: str) -> set[int]:
        return {cn_to_int(m.group(1)) for m in _NTH.finditer(text)}

    told = nths(q)
    if not told or not chosen or chosen[0].lookup or not (said := nths(chosen[0].clause.text)) or said & told:
        return chosen
    step = next((h for h in ranked if h is not chosen[0] and h.clause.document == chosen[0].clause.document
                 and nths(h.clause.text) & told), None)
    return chosen if step is None else _put_first(step, chosen, max_clauses)


def _tier_stated(q: str, ranked: list[Hit], k: int, chosen: list[Hit], max_clauses: int) -> list[Hit]:
    """Of a rule's tiers by a sum, the one the sum the question tells falls in comes first: "报废一批3万块的残次品谁批？"
    cited "同一SKU在一个自然月内分批报废的，应当合并计算报废金额…", not "1万元以上不满5万元的，须经财务部负责人审批"
    (an item beside it; probe P30). A clause that bounds no sum the question tells is passed over for one of the top k
    that does."""
    if not chosen or chosen[0].lookup:
        return chosen
    # (a count's tier decides who approves or how much, not whether an act is allowed: "连着三天没来也没请假，公司能直接开人
    # 吗？" is no leave of 1 to 3 days, "请假超过1天不满3天的，由部门负责人审批"; probe P33)
    told = [(x, None) for x in [_sum_asked(q)] if x is not None] + (_counts_told(q) if not asks_permission(q) else [])

    def falls(h: Hit, closed: bool = False) -> bool:
        return any(lo <= x <= hi and (hi < math.inf or not closed) for x, unit in told for lo, hi in _tiers(h.clause.text, unit))

    def outside(h: Hit) -> bool:  # a tier the told count is not in ("十六周岁以上未满十八周岁的用户…" for a child of 13)
        return any((tiers := _tiers(h.clause.text, unit)) and not any(lo <= x <= hi for lo, hi in tiers)
                   for x, unit in told)

    if not told:
        return chosen
    # (an item of a list of the top k too, a little deeper: "预计核销5万块，找谁批？" ← 第十七条（二）, sixth, under its
    # lead-in, fourth; probe P31; or of a list another item of which is near: "想连着请5天事假，OA上要走到谁那？" ←
    # 第十九条（三）, past the eighth, where （一）, （二） and （四） were fourth, sixth and eighth; probe P33)
    listed = {h.clause.id for h in ranked[:k]} | {h.clause.parent_id for h in ranked[:2 * k]
                                                  if h.clause.parent_id and LIST_MARKER.match(h.clause.text)}
    top = ranked[:k] + [h for h in ranked[k:] if h.clause.parent_id in listed]
    if any(falls(h) for h in chosen + top):
        # a tier the count is not in gives way to the one of its list it is in, or goes (probe P45 cited the 十六周岁 and
        # 八周岁 tiers both for a child of 13)
        kept = []
        for h in chosen:
            if outside(h):
                h = next((x for x in top if x.clause.parent_id == h.clause.parent_id and falls(x) and x not in chosen
                          and x not in kept), None)
            if h is not None and h not in kept:
                kept.append(h)
        chosen = kept or chosen
    if falls(chosen[0], closed=True):
        return chosen
    # (a tier open above, "超过200元的理赔申请应转本公司客服专员处理", falls short of one of the top k that closes it, "500元以上
    # 不超过2000元的，由客服主管审批", for "一单要赔800块，客服专员自己能批吗？"; probe P36)
    if falls(chosen[0]):
        closed = next((h for h in ranked[:k] if h is not chosen[0] and falls(h, closed=True)), None)
        return chosen if closed is None else _put_first(closed, chosen, max_clauses)
    tier = next((h for h in top if h is not chosen[0] and falls(h)), None)
    if tier is None:
        # (or deeper, a tier closed on both sides that shares DEEPER_TIER_SHARE as much of the question: "用户晚还了5天，逾期费怎么
        # 收？" ← "逾期1至7日的，按日租金的1.5倍收取", eleventh, cited "…非用户原因造成逾期的，不得收取逾期费用"; blind
        # probe P97)
        least = coverage(q, chosen[0].clause.index_text) * DEEPER_TIER_SHARE
        tier = next((h for h in ranked[k:DEEPER_TIER * k] if falls(h, closed=True)
                     and coverage(q, h.clause.index_text) >= least), None)
        if tier is None:
            return chosen
    return _put_first(tier, chosen, max_clauses)


def _each_part_stated(q: str, top: list[Hit], chosen: list[Hit], max_clauses: int, parent=lambda c: None) -> list[Hit]:
    """A question in several parts, each asking a number ("要交多少押金？开店多久以后才能开？"): a part whose number no clause
    chosen states is answered by the best clause of the top k that states it and shares its words, cited after them (the
    time was answered by "店铺开店满30日" and the question was not found: "…1万元", ranked second, was not cited)."""
    parts = [p for p in re.split(r"(?<=[？?])", q) if p.strip()]
    if len(parts) < 2:
        return chosen
    for part in parts:
        asked = _asked(part, _PERIOD_ASKED) or _asked(part, _QUANTITY_ASKED)
        if asked is None or asked.kind in ("date", "bears", "fee"):
            continue
        # (of its words less those that ask: "换货最晚几天内申请" is about 换货 and 申请, not 几天; an ask read over an amount
        # taken out, "□", is not in the part as written)
        at = part.find(asked.words)
        said = part if at < 0 else _ASKING_TAIL.sub("", part[:at]) + "，" + part[at + len(asked.words):]
        # (stated by a clause chosen that holds the part's words: "电话请假之后还要补什么手续？离职要提前多久？" took the 请假
        # clause's "提前一天" for the 离职 part, and left out "人员离职必须提前一个月"; probe) (and by one on what the part
        # asks it of, where it names that: "鲜花水果能七天无理由退吗？换货最晚几天内申请" took the 无理由退货 clause's "七日内"
        # for 换货; probe)
        # (a time of what the part asks done within it is by a clause that times that, where one of the top k does: "申诉交上去
        # 多久能出初审结果？申诉成立以后链接多久能恢复？" took the 恢复's "1个工作日内" for 初审, and was not found beside "申诉
        # 专员应当在收到申诉后3个工作日内完成初审", third; probe P86)
        # (of the part's own subject, where it names one: "…能申请复核吗？要在几天内提出？" asks of the 复核 before it, and
        # was answered by a 对账单's "须在收到对账单后7日内…提出"; probe P73)
        done = _done_within(part, asked) if asked.period else ""
        subject = [w for w in _han_words(_ASKING_TAIL.sub("", part[:max(at, 0)])) if len(w) >= 2 and w not in _ASKING
                   and not re.fullmatch(r"(?:要|需要|应该|应当|必须|得|能|可以|在|最晚|最迟|最多|大概|一般)+", w)]
        timing = [h for h in top if done and subject and _states(h.clause, asked, part)
                  and _period_before(h.clause.text, done) and any(w in h.clause.text for w in subject)
                  and coverage(said, h.clause.index_text) >= PART_COVERAGE / 2]
        if timing and not any(h in timing for h in chosen):
            if len(chosen) <= max_clauses:
                chosen = chosen + [timing[0]]
            continue
        if any(_states(h.clause, asked, part) and (asked.anchors[0] in h.clause.text if asked.anchors else
                                                   coverage(said, h.clause.index_text) >= PART_COVERAGE) for h in chosen):
            continue
        # (or an item of a list a sentence announces that one chosen is of: the conditions to open a live room, "…满30日",
        # "…1万元", where 押金 is not the rule's 保证金; not of a list under a heading, as a company's whole chapter may
        # be, "一、员工守则" over "（七）每周(六)日休息", which answered "几天内能退？")
        lists = {h.clause.parent_id for h in chosen if (p := parent(h.clause)) is not None and is_lead_in(p)}
        extra = next((h for h in top if h not in chosen and _states(h.clause, asked, part)
                      and (h.clause.parent_id in lists or coverage(said, h.clause.index_text) >= PART_COVERAGE)), None)
        if extra is not None and len(chosen) <= max_clauses:  # (one over: the part's own number)
            chosen = chosen + [extra]
    return chosen


PART_COVERAGE = 0.3  # the share of a part's words a clause must hold to answer its number (as cited(): 0.3)


def _answer_type_first(ask: str, ranked: list[Hit], principal: Hit | None, k: int) -> list[Hit]:
    """The clauses retrieved, best first, as the answer ranks them: the clause the answer rests on comes first (it may
    have been found a little deeper, see ``_choose``: "客户投诉了多久之内要回？" rests on "…在用户投诉或需求的24小时内做出
    响应", which the fusion ranks below two clauses on 客户投诉 that set no time; "要搭一套运营管理体系，第一步先做什么？"
    on the steps in order, third). The fused order stands for a clause looked up by number, and where the fused first is
    of the same article as the answer's (an item of it, or it of the item), unless the answer's states the quantity or
    time asked ("…资质信息多久要重新核验一次？" ← the article that says "至少每六个月"): one provision either way. Scores stay the
    fusion's. (Measured on the fixed sets: of the law questions whose answer rests on an article the fusion ranked an
    item of first, as many lost hit@1 as gained it by putting the article first.)"""
    hits = ranked[:k]
    if principal is None or principal.lookup or not hits or principal is hits[0]:
        return hits
    asked = _asked(ask, _PERIOD_ASKED) or _asked(ask, _QUANTITY_ASKED)
    if _same_article(principal.clause.id, hits[0].clause.id) \
            and (asked is None or not _states(principal.clause, asked, ask)):  # (the one that states it, either way)
        return hits
    return [principal] + [h for h in ranked if h is not principal][: k - 1]


def _same_article(a: str, b: str) -> bool:
    """Is one clause id the other's or within it ("…/a25" and "…/a25/k3")?"""
    return a == b or a.startswith(b + "/") or b.startswith(a + "/")


def _each_named(chosen: list[Hit], ranked: list[Hit], named: set[str], best_in, several: bool = False) -> list[Hit]:
    """A question that names two documents or more ("…平台规范和平台管理办法分别怎么写的？"), or one where it asks
    several (``several``: "公司规章和浙江地方标准分别怎么说？"), is answered from each named: the
    best clause of a named document none of the chosen is from is cited too, beyond ``max_clauses`` where the answer is
    full (it cited 《电子商务平台规范》5. alone, 《电子商务平台管理办法》一、2. ranked second; in place of a document's
    second clause, the one that answered was lost)."""
    if len(named) < (1 if several else 2) or not chosen or any(h.lookup for h in chosen):
        return chosen
    out = list(chosen)
    for doc in sorted(named, key=lambda d: next((i for i, h in enumerate(ranked) if h.clause.document == d), len(ranked))):
        if any(h.clause.document == doc for h in out):
            continue
        best = next((h for h in ranked if h.clause.document == doc), None) or best_in(doc)
        if best is None:
            continue
        out.append(best)
    if len(out) == len(chosen):
        return chosen
    rank = {id(h): i for i, h in enumerate(ranked)}
    return [out[0]] + sorted(out[1:], key=lambda h: rank.get(id(h), len(ranked)))


def only_asks_meaning(question: str) -> bool:
    """Does every part of the question ask what a term means ("电子商务到底指什么？包括哪些交易？")?"""
    return _every_part(question, lambda p: bool(DEFINITION_ASK.search(p)) or any(ask.search(p.strip())
                                                                                 for ask, _ in TERM_AFTER_ASK))


def only_asks_scope(question: str) -> bool:
    """Does every part of the question ask to whom or what a rule applies ("这个标准的适用范围是什么？")?"""
    return _every_part(question, lambda p: bool(SCOPE_ASKED.search(p)))


def _every_part(question: str, asks) -> bool:
    """Does the question have parts (split at ？；。！), each of which ``asks``?"""
    parts = [p for p in re.split(r"[？?；;。!！]", question) if p.strip()]
    return bool(parts) and all(map(asks, parts))


def _with_lead_ins(retriever: Retriever, chosen: list[Hit]) -> list[Hit]:
    """Items of a clause named by number are cited after their list's lead-in ("广告不得有下列情形："),
    which is what makes each of them a prohibition or a duty; so is a sanctioned breach, whose lead-in says
    the sanction ("…有下列行为之一的，由…责令限期改正，可以处一万元以下的罚款：")."""
    out: list[Hit] = []
    seen = {h.clause.id for h in chosen}
    for h in chosen:
        parent = retriever.parent(h.clause)
        named_item = h.lookup and is_lead_in(parent) and LIST_MARKER.match(h.clause.text) if parent is not None else False
        if parent is not None and parent.id not in seen and (named_item or penalty_item(h.clause, parent)
                                                             or binding_item(h.clause, parent)):
            seen.add(parent.id)
            out.append(Hit(parent, h.score, lookup=True))
        out.append(h)
    return out


# a list of conditions that must all hold: "电子签名同时符合下列条件的，视为可靠的电子签名：" (not "…条件之一的")
CONDITIONS_LEAD = re.compile(r"(?:同时(?:符合|具备|满足|具有)|(?:符合|具备|满足|具有)(?:以下|下列))[^。；;：:]{0,8}?条件(?!之一)"
                             r"[^。；;：:]*[：:]\s*$")


# a question for a list: "网页上必须公开哪些信息？", "包括什么", "要交什么材料"
ASKS_LIST = re.compile(r"哪些|哪几(?:个|项|类|种|样|条(?!讲|说|规定|提到|涉及|是关于|写)|点|方面|部分)|包括什么|包含什么|包括哪|什么(?:信息|内容|材料|事项|资料|证照|证件|条件|情形|情况下)")
# a lead-in that announces its list ("…有下列情形之一的，不承担赔偿责任：" too, whose items "产品出了缺陷…在哪些情况下可以不赔？"
# cited one of three; law probe)
_LISTS = re.compile(r"(?:以下|下列|如下)[^。：:]{0,60}[：:]\s*$")
_WHICH_RULES = re.compile(r"哪些(?:规定|法律|法规|条款|制度|标准|规范|办法|规则)")  # (not 哪些文件: "有哪些文件是不能用电子签名来签的")


def _all_conditions(retriever: Retriever, chosen: list[Hit], question: str = "") -> list[Hit]:
    """A cited list of conditions that must all hold is cited with all its items: one condition quoted alone reads as
    if it were enough ("电子签名什么情况下视为可靠？" cited 电子签名法 第十三条 with its item (一) only). So is a cited
    list a question asks for ("在上海做电商，我们网页上必须公开哪些信息？" cited 第十四条's lead-in with its items (四)
    and (一), as if they were all)."""
    lists = {}
    # (not which rules: "…会触犯哪些规定？" cited a penalty article's nine items)
    whole = bool(ASKS_LIST.search(question)) and not _WHICH_RULES.search(question)
    # (a list of exceptions too: "什么条件下消费者可以七天无理由退货？" is answered by the right and the goods it excludes)
    for h in chosen:
        lead = h.clause.text.strip()
        # (or a part whose run-in title the question names: "售后服务规范里的售后服务标准有哪几条" cited 二、"售后服务标准…"
        # with two of its four items; probe)
        if CONDITIONS_LEAD.search(lead) or whole and (_LISTS.search(lead) or _titled_in(retriever, h.clause, question)):
            items = [c for c in retriever.children.get(h.clause.id, ()) if LIST_MARKER.match(c.text)]
            if len(items) <= MAX_LOOKUP_CLAUSES:
                lists[h.clause.id] = items
    if not lists:
        return chosen
    placed = {c.id for items in lists.values() for c in items}
    out: list[Hit] = []
    for h in chosen:
        if h.clause.id in placed:
            continue  # in its list's order, after the lead-in
        out.append(h)
        out.extend(Hit(c, h.score, lookup=True) for c in lists.get(h.clause.id, ()))
    return out


# a business as who asks or acts: "网店多久内要处理", "我们商家…", "平台要…"
_BUSINESS_ASKS = re.compile(r"我们|我司|咱们|本店|网店|店铺|商家|卖家|平台|经营者|公司|企业|客服|店家")


def _titled_in(retriever: Retriever, clause: Clause, question: str) -> bool:
    """Does the question name the clause's run-in title, four characters or more ("二、售后服务标准良好的…")?"""
    title = retriever.run_in_heading(clause)
    return len(title) >= 4 and title in question


def _items_after_lead_ins(chosen: list[Hit]) -> list[Hit]:
    """A cited list item follows its cited lead-in, which runs into it ("通知应当包括下列事项[1]：发生…[2]"),
    before anything else the lead-in's clause is cited with (its later paragraph: "…可以不通知个人")."""
    ids = {h.clause.id for h in chosen}
    items = {id(h) for h in chosen if h.clause.parent_id in ids and LIST_MARKER.match(h.clause.text)}
    out: list[Hit] = []
    for h in chosen:
        if id(h) in items:
            continue
        out.append(h)
        out.extend(x for x in chosen if id(x) in items and x.clause.parent_id == h.clause.id)
    return out


def _ref_label(key: str) -> str:
    if key.startswith("part:"):  # an article of a part named: "第二部分第九条（第2项）"
        part, _, inner = key[5:].partition(">")
        art = re.match(r"[hin](\d+)(?:/[a-z](\d+))?", inner)
        return f"第{part}部分" + (f"第{art[1]}条" + (f"第（{art[2]}）项" if art[2] else "") if art else "")
    m = re.fullmatch(r"a(\d+)(?:/i(\d+))?", key)
    if not m:
        part = re.fullmatch(r"h(\d+)/i(\d+)(?:/n(\d+))?", key)  # a part's item: "三、（二）1."
        from ingest.segment import int_to_cn

        if part:
            return f"{int_to_cn(int(part[1]))}、（{int_to_cn(int(part[2]))}）" + (f"{part[3]}." if part[3] else "")
        if item := re.fullmatch(r"h(\d+)/n(\d+)", key):  # a part's plain item: "三、5."
            return f"{int_to_cn(int(item[1]))}、{item[2]}."
        if whole := re.fullmatch(r"([hcp])(\d+)", key):  # a part, "二、", a chapter, "第二章", or one named so, "第二部分"
            return {"h": "{}、", "c": "第{}章", "p": "第{}部分"}[whole[1]].format(int_to_cn(int(whole[2])))
        return key
    return f"第{m.group(1)}条" + (f"第（{m.group(2)}）项" if m.group(2) else "")


# a short message that follows on from the question before it: "那退货呢？", "还有第四条呢", "如果是平台呢"
FOLLOW_UP = re.compile(r"^(那|那么|还有|另外|如果|这|它|其)")
# an article named by its number and nothing else but what asks for it: "第十三条呢？", "第十条讲什么？" (not
# "个人信息保护法第十三条", which names its law, nor "5.2.1讲什么", a standard's number any document may not have)
ARTICLE_ALONE = re.compile(rf"\s*第[{CN_NUM}\d]+条(?:第[{CN_NUM}\d]+[款项])?\s*(?:呢|讲(?:的是|了)?(?:什么|啥)|说(?:的是|了)?(?:什么|啥)|"
                           r"是什么|(?:是)?(?:怎么|如何)(?:规定|说)的?|(?:的)?内容(?:是什么)?|规定了?(?:什么|啥))?\s*[？?。！!]*")
FOLLOW_UP_CHARS = 20
# a follow-up that asks where what was said comes from ("这是哪个文件规定的？", "依据是哪条？", "出自哪里？"), in no words
# of its own beyond these: the question before it is asked again, its answer citing its sources (asked alone, it was
# answered from whatever clause says 文件 or 规定)
SOURCE_ASKED = re.compile(r"(?P<noun>(?:哪个|哪份|哪部|哪一?条|哪些|什么|哪里的?|哪)(?:文件|制度|规定|法律|法规|条款|标准|规范|办法|规则))|"
                          r"出处|出自|依据|根据(?:什么|哪)|来源|哪一?条|[第哪]几条|在哪(?:里|儿)?(?:写|说|规定)|在哪个?(?:文件|制度|条)|"
                          r"哪里规定")
# a document named as what is needed ("需要哪些文件？", "要交哪些文件") is no source asked: one is, unless a word says it is needed
_NEEDED = re.compile(r"需要|要交|交哪|提交|准备|提供|带|办理|签|填|出具|上传|备齐")
_SOURCE_WORDS = frozenset("文件 制度 规定 法律 法规 条款 标准 规范 办法 规则 依据 出处 出自 来源 根据 哪里 哪儿 哪条 一条 "
                          "里写 写的 说的 规定的 这是 那是 这条 那条 这些 那些 哪部 哪份 哪个 上面 刚才 以上 上述 "
                          "第几条 哪几条 几条 写 写着 在哪 哪一条".split())
# ("法律依据", "政策依据"; not "资金来源", a question of its own)
_SOURCE_COMPOUND = re.compile(r"^(?:法律|法规|政策|制度|规定|文件|条款|标准)(?:依据|出处|来源)$")
# one character that asks or points, no word of its own ("哪条规定的？", "有啥依据？", "这条在哪里写着？"; "罚" is one)
_ASKING_CHARS = frozenset("啥哪在着里了的是这那么个儿呀啊吧呢吗嘛")
_NOUN_REST = frozenset("是在里的呢吗了这那么")  # what may stand beside "哪个文件" in a source asked ("是哪个条款？", "在哪个文件里？")
_SOURCE_SAID = re.compile(r"规定|写|说|出自|出处|依据|根据|来源|引用|上面|刚才|以上|上述")


def _source_asked(question: str) -> bool:
    """Does a message ask only where what was said comes from ("这是哪个文件规定的？", "法律依据是什么？", "哪条规定的？",
    "是哪个条款？"), in no word of its own, one character long included ("罚的依据是什么？" asks of fines), nor what
    documents are needed ("需要哪些文件？")?"""
    from ingest.tokenize import STOPWORDS, words

    m = SOURCE_ASKED.search(question)
    if not m:
        return False
    if m.group("noun"):  # "哪个文件…": with words that say so, or alone ("有哪些文件？", "有什么规定？" ask what there is)
        rest = question[:m.start()] + question[m.end():]
        if _NEEDED.search(question) or set(re.findall(r"[\u4e00-\u9fff]", rest)) - _NOUN_REST and not _SOURCE_SAID.search(rest):
            return False
    return not [w for w in words(question) if w not in STOPWORDS and w not in _ASKING and w not in _SOURCE_WORDS
                and re.fullmatch(r"[\u4e00-\u9fff]+", w) and not _SOURCE_COMPOUND.match(w)
                and not (len(w) == 1 and w in _ASKING_CHARS)]


def in_context(retriever: Retriever, question: str, previous: str) -> str:
    """What to ask for a message in a conversation: a short follow-up ("那退货呢？") together with the question before
    it, unless the answer to both then says none of the follow-up's own words ("客户投诉多久内要响应？" + "那退货呢？"
    was answered by the complaint clauses again: the previous question's words drew it back): then the follow-up
    alone (where no word of its own is one the documents use, "那辞职呢", there is nothing to judge by: both). A clause
    named by number ("那第四条呢") is looked up in the document the previous question named, not beside its clause."""
    from ingest.tokenize import STOPWORDS, words

    q = question.strip()
    if not previous or len(q) > FOLLOW_UP_CHARS:
        return q
    if _source_asked(q):
        return previous
    # a clause named by number alone, "第十三条呢" as "那第十三条呢", is of the document asked about before (it was
    # looked up in every document: 第十三条 of two others, where the one asked about has twelve)
    named_alone = bool(ARTICLE_ALONE.fullmatch(q))
    if not FOLLOW_UP.match(q) and not named_alone:
        return q
    both = f"{previous} {q}"
    if retriever.clause_refs(q):
        docs = retriever.mentions(previous)[0]
        if docs:
            return f"{'、'.join(f'《{d}》' for d in sorted(docs))}{FOLLOW_UP.sub('', q)}"
        return both if FOLLOW_UP.match(q) else q
    vocab = retriever.bm25.vocab_dict if retriever.bm25 is not None else {}
    own = [w for w in dict.fromkeys(words(FOLLOW_UP.sub("", q))) if len(w) >= 2 and w not in STOPWORDS
           and w not in _ASKING and re.fullmatch(r"[\u4e00-\u9fff]+", w) and w in vocab]
    if not own:
        return both
    got = answer(retriever, both)
    said = norm(" ".join(c.label + c.text for c in got.citations)
                or " ".join(h.clause.label + h.clause.text for h in got.retrieved[:3]))
    return both if any(w in said for w in own) else q
