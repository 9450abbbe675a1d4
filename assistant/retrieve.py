"""Hybrid retrieval at clause granularity: dense (Chroma) and BM25 (bm25s), fused; clause-number lookup."""

from __future__ import annotations

import contextlib
import re
import threading
from dataclasses import dataclass, replace
from functools import cached_property

from ingest.index import KnowledgeBase, clause_vector_id, is_transport_error, server_down, vector_id
from ingest.records import Clause
from ingest.segment import cn_to_int, run_in_headings
from ingest.clean import CN_NUM, STD_CODE, canonical_std_code, norm
from tiaowen.errors import IndexCorrupt, IndexMissing, UnknownClause
from tiaowen.settings import Settings

from .checklist import NAMES_A_LIST, SCOPES, asked_scope, names_a_type, scope_by_doing, scope_of
from .provisions import (ASKS_CONSEQUENCE, ASKS_OFFICIALS, ASKS_PENALTY, acts_on_business, asks_permission, penal,
                         regulators_duty, sanctioned_articles, sanctions_officials, sets_duty, states_rule)
from .support import LIST_MARKER


EXACT_UP_TO = 20_000  # a knowledge base of at most this many vectors is searched exactly, not through HNSW (_similar_all)


@dataclass(frozen=True)
class Hit:
    clause: Clause
    score: float
    dense: float = 0.0  # cosine similarity to the question (of the clause's best vector; 0 without a dense search)
    bm25: float = 0.0
    lookup: bool = False  # found by its clause number named in the question
    sanctions: str = ""  # the id of the clause ranked after it whose breach it sanctions by number (see _sanctions_first)


ARTICLE_REF = re.compile(rf"第([{CN_NUM}\d]+)条(?:之([一二三四五六七八九十]+))?(?:第([一二三四五六七八九十\d]+)款)?\s*"
                         r"(?:第?[（(]([一二三四五六七八九十\d]+)[)）]项?|第([一二三四五六七八九十\d]+)项)?")  # (四) / 第四项
# "平台规范第五点讲啥": staff count a list's items by 点 as by 条 (not a time: 几点, "第一点钟")
POINT_REF = re.compile(rf"第([{CN_NUM}\d]+)点(?!钟)")
_AFTER_A_REF = re.compile(r"(?:[条款项章节部分]|\d|[一二三四五六七八九十]、)\s*(?:的|中的?|里的?|之)?\s*$")
_OWN_ARTICLE = re.compile(r"a(\d+)(?:/|$)")  # the article of a clause's id path ('a19', 'a19/i2', 'a81/k2'; not 'a120-1')
_KIND_END = re.compile(r"法|条例")  # the kinds a law is named short by
_RULE_KIND_END = re.compile(r"办法|制度|规定|规范|规则|细则|守则|准则|标准|须知|手册|指引|规程")  # and a company's rules


def _kind(name: str) -> str:
    """The kind a law's name ends in: 法, 条例, or another (办法 and 方法 are no 法)."""
    m = re.search(r"(?<![办方])法$|条例$", name)
    return m.group() if m else ""


def _starts_together(pair: str, name: str) -> bool:
    """Do a short name's first two characters stand together in the name, or one character apart ("知产" of 知识产权:
    probe P24's "知产规则第二十八条…" was "知识库中没有《知产规则》")?"""
    return pair in name or re.search(re.escape(pair[0]) + r"[\u4e00-\u9fff]" + re.escape(pair[1]), name) is not None


def _in_order(form: str, name: str) -> bool:
    """Are the characters of ``form`` in ``name``, in order?"""
    it = iter(name)
    return all(ch in it for ch in form)


# a question that asks what several documents say, each its own: "…和浙江地方标准分别怎么说？", "…各怎么规定？"
SEVERAL_ASKED = re.compile(r"分别|各自|各(?:有|是)?(?:怎么|如何|什么)")
# a question that compares documents it names (where a third may be named by the end of its title only)
COMPARED = re.compile(SEVERAL_ASKED.pattern + r"|有(?:什么|何|哪些)(?:不同|区别|差别|差异|不一样)|区别(?:是|在|何在|大吗|吗)|"
                      r"有没有(?:区别|不同|差别|差异)|的(?:区别|不同|差别|差异)(?!对待|情形|情况)|"
                      r"异同|对比|比较一下|相比|(?:是否|是不是)?一样吗|不一样|哪个更|哪份更")
# what names a document said as "that one" ("质量管理与服务提升那篇"), what joins two items of a list of documents
# named, and what may end one (a join, what is asked of them, what they say: "…和运营管理体系对退货的规定有什么不同")
_DOC_WORDS = r"这几份|这两份|这三份|两份|两个|那篇|这篇|那份|这份|那部|这部|那个文件"
_DOC_WORD = re.compile(_DOC_WORDS)
_LIST_JOINS = r"以及|还有|和|及|与|跟|同|或"
_LIST_JOIN = re.compile(_LIST_JOINS)
_LIST_AFTER = re.compile(rf"{_DOC_WORDS}|{_LIST_JOINS}|分别|各自|各|都|的|里|中|对|在|关于|怎|如何|有什么|有何|有哪些|相比|讲|说|写|规定")
# the kinds of document a title ends in, and so what a tail that names one by its end must end in
_TAIL_KIND = re.compile(r"(?:规定|办法|制度|条例|细则|规则|规范|标准|守则|须知|手册|法|体系|法则|决定|指引|指南|准则)$")
# the administrative division codes that start a local standard's number (DB33/T 932: 浙江)
PROVINCES = {"北京": "11", "天津": "12", "河北": "13", "山西": "14", "内蒙古": "15", "辽宁": "21", "吉林": "22", "黑龙江": "23",
             "上海": "31", "江苏": "32", "浙江": "33", "安徽": "34", "福建": "35", "江西": "36", "山东": "37", "河南": "41",
             "湖北": "42", "湖南": "43", "广东": "44", "广西": "45", "海南": "46", "重庆": "50", "四川": "51", "贵州": "52",
             "云南": "53", "西藏": "54", "陕西": "61", "甘肃": "62", "青海": "63", "宁夏": "64", "新疆": "65"}
# "浙江标准", "浙江那个地方标准", "浙江那个电商企业管理与服务的地方标准": the words between are the standard's own only
# before 地方标准 (not "浙江的员工培训标准", "浙江有没有相关的国家标准")
_PROVINCE_NAME = re.compile("|".join(PROVINCES))
_PROVINCE = rf"({_PROVINCE_NAME.pattern})(?:省|市|自治区)?(?:的|那个|这个|那份|这份|那一?个|出的|省里的?)*"
PROVINCIAL_STANDARD = re.compile(_PROVINCE + r"(?:(?:地方)?标准|地标|省标|[^，,。？?；;：:、]{1,12}?(?:地方标准|地标|省标))")
# "浙江的条例", "上海那个规定", "浙江省的地方性法规": a place's own regulations, by their kind
PROVINCIAL_RULES = re.compile(_PROVINCE + r"(?:地方)?(条例|规定|办法|地方性法规|法规)")
# ("规定" may be the verb, "浙江省规定…", or any rule, "浙江的规定": every document of the place, as "法规" is)
_RULE_KINDS = dict.fromkeys(("规定", "法规", "地方性法规"), ("条例", "规定", "办法", "细则"))
CODE_REF = re.compile(r"(?:(?:DB|GB)\s*\d{0,2}\s*/?\s*T?|[TQ]\s*/\s*[A-Z]{2,10}(?:-[A-Z]{1,10})*-?)\s*(\d{2,6})(?:\s*[—–-]\s*\d{4})?")
# what a standard's foreword answers: how it was drafted and by whom, what it replaces and how it changed ("…主要技术变化如下：
# ——增加了冷链配送要求（见5.3）" was cited first for "冷链要求是什么")
ASKS_OF_STANDARD = re.compile(r"起草|归口|提出|代替|替代|取代|变化|修订|修改|改了|前言|版本|旧版|新版|\d{4}\s*版|不同|相比|比较|对比|"
                              r"区别|差别|删除|删去|新增|增加了|调整了|GB/T\s*1\.1|谁(?:制定|编写|发布)")
NAMED_ALIKE = 3  # at most this many titles a short name fits are each named by it
_LOOSELY = re.compile(r"[那这](?:个|份|篇|套|本|部|项)")  # "直播那个规范", "积分储值卡那个办法": a name said loosely
_ARTICLE_AFTER_PART = re.compile(r"(?:部分|那部分|这部分)?(?:的|中的?|里的?)?\s*第[一二三四五六七八九十百\d]+条")
RUN_ON = "@run"  # a key's mark: only a clause of a document whose articles run on across its parts
# an article numbered again in its chapter or titled part, in its id (…/c3/a5, …/m332383/a1; a key is searched with a
# "/" before it)
_RESTARTED = re.compile(r"/(?:c\d+|m[0-9a-f]{6})/a\d")
# a part's number before its title ("二、保密规定", "第三章 费用报销制度", "第一部分 考勤管理制度")
_PART_NAME = re.compile(rf"^(?:[{CN_NUM}]+、|第[{CN_NUM}\d]+(?:章|节|部分)|[（(][{CN_NUM}]+[)）])\s*")

# the name of a document just before an article number ("…网络交易监督管理办法第十二条", "《民法典》第一千一百六十五条")
_NAMED_BEFORE = re.compile(r"《?([\u4e00-\u9fff]{2,30}(?:法|典|办法|规定|条例|细则|规则|制度|标准|规范|守则|准则|决定|解释))》?"
                           r"\s*(?:的)?\s*$")
# where a question opens with who the asker is and then says 请问 ("我们是一家做家居用品的电商公司，请问客户投诉多久要回复？"),
# what it asks follows: the introduction drew in other clauses (it cited "应及时召开投诉处理睬议" alone, not the 24小时
# clause the bare question finds) and its words were taken for the question's ("资料中没有提到“一家”"). Only an
# introduction ("我们是…", "我是…", "作为…"), and only where what follows says what it is about: "我们最近在做退换货，请问有
# 什么要求？" keeps its topic
_ASKS_NOW = re.compile(r"(?<=[，,。.！!；;：:\s])(?:那么?)?(?:请问|想问一下|想问问|我想问|问一下|想咨询一下|咨询一下|我想知道|想了解一下)"
                       r"(?:一下)?[：:，,\s]*")
_INTRODUCES = re.compile(r"^\s*(?:(?:我们|我|我司|本公司|咱们|我们公司|我们店|我们平台)(?:是(?!否)|属于)|作为)")
# words that ask about any topic and name none ("请问相关要求是什么？", "需要注意什么？")
_ANY_TOPIC = frozenset("相关 具体 法律 法规 注意 承担 责任 问题 情况 事情 东西 方面 内容 流程 办法 事项 情形 地方 做法 处理 "
                       "一般 通常 主要 应该 应当 可以 必须 多久 多长 时间 怎么办 怎么样 这种 那种 这个 那个".split())


def asked_part(question: str) -> str:
    """What a question asks, without the asker's introduction before its 请问 (where what follows names what it is
    about: a word of its own beyond the asking words)."""
    from ingest.tokenize import tokenize

    if not _INTRODUCES.match(question):
        return question
    m = None
    for m in _ASKS_NOW.finditer(question):
        pass
    if m is None:
        return question
    rest = question[m.end():]
    return rest if len(rest) >= 4 and any(len(t) >= 2 and t not in _ANY_TOPIC for t in tokenize(rest)) else question


_ASKING_FIRST = re.compile(r"^(?:请问|我想问问?|想问一下|问一下|请|看看|查一下|查查|那么?(?![个份部些]))")
# what stands before a name in the words of a question: "平台经营者违反电子商务法…", "电子商务平台的管理办法…"
_BEFORE_NAME = re.compile(r"违反|按照|按(?!揭)|根据|依照|依据|参照|关于|对于|适用|遵守|的")  # ("按客服考核办法第八条")
# what names no one document: "本法", "这个制度", "公司制度", "相关法规"
_GENERIC_NAME = re.compile(r"^(?:本|该|这|那|此|上述|我们|我司|公司|咱们|相关|有关|其他|各)|^(?:法律|法规|规章制度|管理制度)$")
# a standard's appendix ("附录B里…的评价指标"): found where a clause of the document starts with it or is under it
APPENDIX_REF = re.compile(r"附录\s*([A-Za-z])(?![A-Za-z])")
_APPENDIX_START = re.compile(r"\s*" + APPENDIX_REF.pattern)
# a part and its item of a document numbered 一、（一）1. ("退换货规则三（二）", "四、（一）2."): its clause key h3/i2(/n2)
# (not a 第: "第一（二）" is no such part; not a number of days or yuan after the item)
# (not a school class: "高三（二）班")
PART_REF = re.compile(r"(?<![第\d一二三四五六七八九十百千高初])([一二三四五六七八九十]{1,3})、?\s*[（(]([一二三四五六七八九十]{1,3})[)）](?!\s*班)"
                      r"(?:\s*(\d{1,2})(?!\s*[\d年月日天元个%％小]|\.\d)\s*[.．、]?)?")
# …and a plain item of such a part ("达人合作与样品管理规范三、5说的是什么"): its clause key h3/n5
PART_ITEM_REF = re.compile(r"(?<![第\d一二三四五六七八九十百千高初])([一二三四五六七八九十]{1,3})、\s*(\d{1,2})"
                           r"(?!\s*[\d年月日天元块个件次位名分折倍秒周斤级层%％小号A-Za-z]|\.\d)\s*[.．、]?")
# …and a part named as such ("第二部分", "第三大点"): its 二、 or 三、
PART_WORD_REF = re.compile(r"第([一二三四五六七八九十]{1,3}|\d{1,2}(?![\d.]))(?:部分|大部分|大项|大点|大条)")
_CHAPTER_KEY = re.compile(r"/c\d+$")  # a chapter's heading: its id ends in its key
# (not a chapter before the article it holds: "第二章第九条", "第二章的第九条", "第二章中第九条")
_CHAPTER_BEFORE = re.compile(rf"第([{CN_NUM}\d]+)章\s*(?:的|中的?|里的?|之)?\s*$")
CHAPTER_REF = re.compile(rf"第([{CN_NUM}\d]+)章(?!\s*(?:的|中的?|里的?|之)?\s*第[{CN_NUM}\d]+条)")
STD_REF = re.compile(r"(?<![\d.Vv])(\d{1,2}(?:\.\d{1,2}){1,4})(?![\d.]|\s*(?:折|元|万|倍|%|％|小时|天|年|个|米|克))")

# a title with a colon, which leads in no sentence ("一、质量管理:" over its items; not "…包括：", "有下列情形之一的：")
_TITLE_COLON = re.compile(r"(?![^：:]*(?:应|须|要|得|下列|以下|如下|包括|之一))[\u4e00-\u9fff]{2,8}\s*[：:]")
_PART_TITLE = re.compile(r"([一二三四五六七八九十]{1,3})、|[（(]([一二三四五六七八九十]{1,3})[)）]")


# a rule is not lifted over a first that both retrievers put first where its fused score is below this share of the
# first's (the probe's was 0.57; "上班时间刷视频…公司管不管？" lifts 不准会客 at 0.95; at 0.75 the fixed sets lost laws-003)
RULE_BEHIND = 0.65
SCOPE_WINDOW = 2  # a requirement for the asker's own enterprise type is sought among this many times the top k
# …where the type is said by what the asker does, one scoring at least this share of the first's, or holding this share
# of the rest of the question's bigrams (measured: a requirement asked of 0.92-0.99 or 0.14-0.38; a 请假 and a 私人电话
# question's 0.39 / 0.10 and 0.75 / 0.08)
INFERRED_SCOPE_NEAR = 0.85
INFERRED_SCOPE_WORDS = 0.2


def _part_alias(key: str, path: tuple[str, ...]) -> str:
    """The key a clause under a Markdown heading that numbers a part ("## 三、样品管理", keyed by its title, m193e09/n5;
    "### （一）…", i1) is named by too, as the part of a plain text is (h3/n5): "…三、5说的是什么" found nothing of it."""
    parts = key.split("/")
    if len(parts) != len(path) - 1 or not any(p.startswith("m") for p in parts):
        return key
    return "/".join((f"h{cn_to_int(m.group(1))}" if m.group(1) else f"i{cn_to_int(m.group(2))}")
                    if p.startswith("m") and (m := _PART_TITLE.match(t)) else p for p, t in zip(parts, path[1:]))


# "X是指什么", "X是什么意思", "X包括哪些": a question for what a term means
DEFINITION_ASK = re.compile(r"(?:到底|究竟)?(?:是指|指的是|指什么|是什么意思|什么意思|的定义|的含义|是什么|包括哪些|包括什么|"
                            r"是啥意思|啥意思|是个啥|是啥|指啥|"  # (as staff say it: "自营业务是啥意思")
                            r"包含哪些|有哪些内容|(?:是)?(?:怎么|如何|怎样)定义)")
# "什么叫第三方电子商务平台", "何谓网络交易": the term follows the ask
DEFINITION_ASK_BEFORE = re.compile(r"(?:什么叫做?|什么是|何谓|何为|(?:哪些|什么|哪种|哪类)(?:属于|算是?))\s*[“\"「『]?"
                                   r"([\u4e00-\u9fffA-Za-z]{2,20})")  # ("哪些属于敏感信息": held-out probe)
# "什么时候算交付": when an act is deemed done, which a clause says as "…时间为交付时间" (a fresh law probe, "网购的东西
# 什么时候算交付？", cited a 三包 rule's "自商品交付之日起七日内" before 电子商务法 第五十一条)
TIME_OF_ASK = re.compile(r"(?:什么时候|何时|啥时候)(?:才)?(?:算|算是|视为)\s*([\u4e00-\u9fff]{2,6}?)(?:了|呢)?[？?。]?$")
# "标签印错了算不算严重不合格？": whether a case is of a class a clause defines (it cited the 严重不合格 procedure beside
# the definition; probe)
CLASS_ASK = re.compile(r"(?:算不算|属不属于|是否属于|是不是属于)(?:是)?\s*[“\"「『]?([\u4e00-\u9fffA-Za-z]{2,20}?)[”\"」』]?"
                       r"(?:呢|啊|吗)?\s*[？?。！!]?$")
# the asks whose term follows them, each with what a clause that answers calls the term ("什么时候算交付" → 交付时间)
TERM_AFTER_ASK = ((DEFINITION_ASK_BEFORE, ""), (TIME_OF_ASK, "时间"), (CLASS_ASK, ""))
_ASK_FILLER = re.compile(r"(?:里|中|所)?(?:说的|讲的|提到的|的)?(?:这个|这一)?(?:说法|概念|词语|术语|名词)?"
                         r"(?:具体|到底|究竟|都|一般|主要)*$")
QUOTED_TERM = re.compile(r"[“\"「『‘']([^”\"」』’']{2,20})[”\"」』’']")  # (and in single quotes: "法律上所说的'商业秘密'是指…")
NAMED_VECTORS_KEPT = 50_000  # vectors of named documents kept in memory (about 77 MB at 384 dimensions)
DEFINITION_WINDOW = 20  # the defining clause is moved first only from among this many hybrid hits
# what is owed to the one harmed ("买到不安全的食品能要求十倍赔偿吗？"), not what the state imposes: a penalty provision is
# no answer to it, as to a question that asks no consequence (食品安全法 第一百二十四条's 罚款 ranked above the 第一百四十八条
# that says 十倍)
ASKS_COMPENSATION = re.compile(rf"赔|补偿|(?:[几多少两\d]|[{CN_NUM}]+)倍")
# a question to whom or what a rule applies ("DB33/T 932 适用于哪些企业？", "这个标准的适用范围是什么？", "…对我们适用吗"), and
# the clause that says it ("本标准适用于注册在浙江省…", "第二条 适用范围 本制度适用于…", "本法适用于…", "…，适用本法"; not
# "下面的术语和定义适用于本文件")
SCOPE_ASKED = re.compile(r"适用(?:于)?(?:哪些|什么|谁|哪|的范围)|适用范围|适用吗|适不适用|是否适用|能不能适用|对(?:谁|哪些[\u4e00-\u9fff]{0,3})适用")
# …of a rule, not of a product or an offer ("七天无理由退货适用于哪些商品？", "运费险适用于哪些订单？"): a document named, a rule
# said ("这个标准的适用范围", "客服管理制度适用于…"), or the asker ("…对我们适用吗")
_RULE_WORD = r"(?:制度|标准|规定|办法|规范|规则|规章|法|条例|细则|守则|准则|须知|文件)"
SCOPE_OF_RULE = re.compile(_RULE_WORD + r"[^，,。？?；;]{0,4}?适用|对(?:我们|我司|我|本公司|我们公司|公司)[^，,。？?；;]{0,8}适用")
STATES_SCOPE = re.compile(r"(?:本|该|此)(?:标准|制度|规定|办法|规范|规则|规章|法|条例|细则|守则|准则|须知)[^。；;，,]{0,6}适用于|"
                          # (not a sanction's referral: "对违反本规定的，适用本法第八十条处罚")
                          r"适用范围|适用本(?:标准|制度|规定|办法|规范|规则|规章|法|条例|细则)(?=[。；;，,]|$)")


def asks_scope(question: str, named: bool) -> bool:
    """Does the question ask to whom or what a rule applies (``named``: it names a document)?"""
    return bool(SCOPE_ASKED.search(question)) and (named or bool(SCOPE_OF_RULE.search(question)))


RULE_WINDOW = 3  # for a question whether an act is allowed, a rule moves first from among this many


def asked_terms(question: str) -> list[str]:
    """The terms a definition question asks about, most specific first: a quoted term, else the
    words before the ask ("客户关系管理包括哪些内容" → 客户关系管理, 户关系管理, …, 管理: down to two characters, for
    "运营流程那份材料里认为核心是啥" → …, 核心)."""
    m = DEFINITION_ASK.search(question)
    if not m:
        q = question.strip()
        return next(([norm(x.group(1)) + called] for ask, called in TERM_AFTER_ASK if (x := ask.search(q))), [])
    quoted = QUOTED_TERM.findall(question[:m.start()])
    if quoted:
        return [norm(quoted[-1])]
    before = _ASK_FILLER.sub("", norm(question[:m.start()]))
    tail = re.search(r"[\u4e00-\u9fffA-Za-z]{3,12}$", before)
    return [tail.group()[i:] for i in range(len(tail.group()) - 1)] if tail else []


def _of_what_asked(question: str, term: str, clause: Clause) -> bool:
    """A term of two characters is asked of what the question puts before it with 的 ("投诉处理的流程" → 投诉处理), which the
    clause that defines it must say; a longer term, or one asked of nothing, names itself."""
    of = re.search(r"([\u4e00-\u9fff]{2,})的" + re.escape(term), question) if len(term) < 3 else None
    return of is None or of.group(1)[-4:] in clause.text


def defines(clause: Clause, term: str, loose: bool = False) -> bool:
    """Does the clause define the term: "线上销售：通过…", "2.1 电子商务 Electronic commerce …",
    "…是指…", "（…简称信息网络）"? (``loose``: or starts by saying what it is, "个人信息是以电子或者其他方式记录的…的各种信息，"
    (个人信息保护法第四条 ranked below the 匿名化 it excludes), or says what that of something is, "电子商务的核心是企业的网站"
    for "…认为核心是啥", which a question asks only where no clause defines it so.)"""
    body = norm(re.sub(rf"^\s*(?:第[{CN_NUM}\d]+条|[（(][一二三四五六七八九十\d]+[)）]|"
                       r"[一二三四五六七八九十]+、|\d+(?:\.\d+)*[、.．]?)\s*", "", clause.text))
    # (the term in quotes too: "本制度所称“异常件”，是指…"; held-out probe)
    t = r"[“\"「『‘]?" + re.escape(term) + r"[”\"」』’]?"
    # (a term as short as 服务 or 三包 is defined as a whole word: not by "…交易服务是指…")
    whole = r"(?:(?<![\u4e00-\u9fff])|(?<=[中称谓的即]))" if len(term) < 3 else ""  # ("本办法中三包是指")
    if re.match(t + r"\s*(?:[:：]|[A-Za-z]|[，,]?是指)", body) or re.search(whole + t + r"[，,]?是指|简称" + t + "|所称" + t, body):
        return True
    if term.endswith(("时间", "日期")) and re.search(r"为" + t + r"(?=[。；;，,]|$)", body):
        return True  # "收货人签收时间为交付时间" says when 交付 is
    return loose and bool(re.match(t + r"(?:[，,]?就)?是(?!否|不是)[^。；;？?]{2,80}?的[\u4e00-\u9fff]{1,8}(?:[，,。；;]|$)", body)
                          or re.search(r"的" + t + r"(?:[，,]?就)?是(?!否|不是)", body))


def fuse(dense: list[tuple[str, float]], sparse: list[tuple[str, float]], method: str,
         wd: float, wb: float, rrf_k: int, lead: float = 0.0, dense_lead: float = 0.0) -> dict[str, float]:
    """Fused score per clause id: weighted reciprocal ranks, or a convex mix of min-max scores.

    ``lead`` (rrf): where BM25's first clause scores at least ``lead`` times its second (it alone says a rare word of
    the question: "平台招商是来者不拒吗？" and the one clause on 招商, 3.7 against 0.8), it is credited the dense
    side's first rank too; ranks alone had put it twelfth, below clauses that merely share 平台. ``dense_lead`` the
    other way: a dense first clause at least that much more similar than its second (0.902 against 0.869, where
    the clauses of one document lie within 0.01) is credited BM25's first rank ("部门里两个同事谈恋爱了，公司会怎么处
    理？" put the 请假 rule, which shares 部门 and 处理, before "办公室不允许出现恋情")."""
    fused: dict[str, float] = {}
    for ranked, w in ((dense, wd), (sparse, wb)):
        if not ranked or w == 0:
            continue
        if method == "rrf":
            for rank, (cid, _) in enumerate(ranked):
                fused[cid] = fused.get(cid, 0.0) + w / (rrf_k + rank + 1)
            continue
        hi, lo = ranked[0][1], ranked[-1][1]
        for cid, sc in ranked:
            fused[cid] = fused.get(cid, 0.0) + w * ((sc - lo) / (hi - lo) if hi > lo else 1.0)
    if method == "rrf" and dense_lead > 0 and wb > 0 and len(dense) > 1 and dense[0][1] - dense[1][1] >= dense_lead:
        fused[dense[0][0]] = fused.get(dense[0][0], 0.0) + wb / (rrf_k + 1)
    if method == "rrf" and lead > 0 and wd > 0 and sparse and wb > 0 \
            and sparse[0][1] >= lead * (sparse[1][1] if len(sparse) > 1 else 0.0):
        fused[sparse[0][0]] += wd / (rrf_k + 1)
    return fused


def _cosines(unit, q):
    """Cosine similarity of each row of ``unit`` (unit vectors) to the vector ``q``."""
    import numpy as np

    qv = np.asarray(q, dtype=np.float32)
    return unit @ (qv / (np.linalg.norm(qv) + 1e-12))


# a quotation that is what the question asks about: what is to be written, said or used ("写成“办公用品”", "能用“最”字吗",
# "“全网最低”这个词"), not when or where the question is ("“双十一”期间，主播能不能说全网最低价？")
_QUOTE = r"[“\"「『‘]([^”\"」』’]{1,20})[”\"」』’]"
QUOTED_OBJECT = re.compile(r"(?:写成|写上|写着|写|标成|标注|标上|标着|标|用|使用|说成|(?<![户客家者他她人])说|叫|称为|称|宣称|宣传|开具为|"
                           r"开具|开成|开为|开|改成|改为|打上|印上|印着|印|加上|加|带有|带着|带|含有|包含|含|出现|填成|填)" + _QUOTE + "|"
                           + _QUOTE + r"(?:(?:这个|这几个|这种|这样的|几个|等|的)?(?:词|字样|二字|说法|表述|用语|提法|名称|名义)|一词|"
                           r"[一二两三四五六七八九十\d]?个?字|(?:能|可以|可不可以|能不能|是否|可否)(?:写|用|使用|标|标注|说|宣传|出现|印|加|带))")


def quoted_objects(question: str) -> list[str]:
    """The terms a question quotes as what it asks about, normalised; with the quotations listed beside one ("“特供”、
    “专供”能用吗？"), and each of a list in one quotation ("“概率极低、看脸”")."""
    quotes = list(re.finditer(_QUOTE, question))
    asked = {m.start(1) for m in QUOTED_OBJECT.finditer(question)} | {m.start(2) for m in QUOTED_OBJECT.finditer(question)}
    objects = [q.start(1) in asked for q in quotes]
    for order in (range(len(quotes) - 2, -1, -1), range(1, len(quotes))):
        for i in order:
            j = i + 1 if order.step < 0 else i - 1
            a, b = sorted((quotes[i], quotes[j]), key=lambda m: m.start())
            if objects[j] and not objects[i] and re.fullmatch(r"[、，,和或及与\s]*", question[a.end():b.start()]):
                objects[i] = True
    # (each of a list quoted as one: "“概率极低、看脸”这种说法行不行？" is asked of 看脸, which "不得使用“极低”“随缘”“看脸”
    # 等模糊表述" says, fourth; probe P50)
    return [norm(t) for q, o in zip(quotes, objects) if o for t in re.split(r"[、，,/／]", q.group(1)) if norm(t)]


def _quoted_first(hits: list[Hit], quoted: list[str], k: int, movable=lambda h: True) -> list[Hit]:
    """A clause that says what the question quotes comes first, from the top 2k, where the first does not say it (probe
    V: "客户让我们把发票上的商品名写成“办公用品”，…能照办吗？" was answered by a clause on the papers a 专票 needs, above
    "消费者要求将商品名称开具为“办公用品”“礼品”等…的，客户服务部应当予以拒绝"); one ``movable`` says may move (not a
    penalty provision moved below the top for a question that asks no consequence)."""
    def says(h: Hit) -> bool:
        text = norm(h.clause.text)
        return any(t in text for t in quoted)

    if not hits or says(hits[0]):
        return hits
    first = next((h for h in hits[:2 * k] if says(h) and movable(h)), None)
    return hits if first is None else [first] + [h for h in hits if h is not first]


# a sanction referred to other documents, with the articles it names ("…依照《中华人民共和国价格法》《…》等…进行处罚",
# "…依照《消费者权益保护法》第五十六条予以处罚"): 处罚 after the last title (not 处理 in one's own name)
_REFERRAL = re.compile(rf"(?:依照|按照|依据|根据|适用)((?:《[^》]{{2,40}}》(?:第[{CN_NUM}\d]+条)?[、和及与]?)+)"
                       r"[^。；;《]{0,40}?(?:处罚|追究法律责任)")
_REFERRED_TITLE = re.compile(rf"《([^》]{{2,40}})》(?:第([{CN_NUM}\d]+)条)?")
# …or a company's other rules named short, unmarked, by an article ("发现拒绝或拖延办理取消的，按管理办法第十八条处理" of a
# 客服 指引, of 《…会员自动续费服务管理办法》 第十八条 "客服人员违反第十四条规定拖延办理取消的，…扣减当月绩效分5分"; blind
# probe P126 answered "客服要是拖着不给用户办取消，会被怎么处罚？" not found)
_REFERRAL_SHORT = re.compile(rf"(?:按|按照|依照|依据|根据|适用)(?!本)([\u4e00-\u9fff]{{2,12}}?{_RULE_KIND_END.pattern})"
                             rf"第([{CN_NUM}\d]+)条(?:的?规定)?(?:予以|进行)?(?:处理|处罚|执行)")
# a breach of the document's rules on a matter ("违反本规定有关明码标价规定的，", "违反本条例关于登记注册的规定，"): the matter
# four characters or more, and no generic words ("违反本条例有关规定的" names none)
_BREACH_OF_MATTER = re.compile(r"违反本(?:法|规定|办法|条例|细则|规则)(?:有关|关于)(?!第)([\u4e00-\u9fff]{4,12}?)(?:的)?规定(?:的)?[，,]")
_GENERIC_MATTER = re.compile(r"^(?:有关|相关|其他|上述|前款|本)|(?:有关|相关)$")
_STATES_DUTY = re.compile(r"应当|必须|不得|禁止|严禁|应(?!用|对|急)")
REFERRED_SANCTIONS = 4  # of those, at most so many follow the referral


# …or named with no 本法 before it (价格法 第四十二条 "经营者违反明码标价规定的，责令改正…"; probe P29's "…忘了标价格…按价格
# 法会怎么处罚？" cited 第十三条, the duty, and not it): a regime's name, no article, law or generic words ("违反第十五条规定",
# "违反森林法的规定", "违反国家有关规定", "违反法律强制性规定")
_BREACH_OF_NAMED = re.compile(r"违反(?!本)((?:(?![第法规条款项有关国家应当禁止强制])[\u4e00-\u9fff]){4,8}?)规定(?:的)?[，,]")


def _matter(text: str) -> str | None:
    """The matter of the document's rules whose breach the text sanctions ("明码标价"), or None."""
    m = _BREACH_OF_MATTER.search(text) or _BREACH_OF_NAMED.search(text)
    return m.group(1) if m and not _GENERIC_MATTER.search(m.group(1)) else None


# a penalty lessened or waived ("依法从轻或者减轻处罚", "不予行政处罚", "可以免予处罚"), in a provision and as a question asks it
# ("能不能从轻处罚", "可以不罚吗"; not "罚不罚", "处罚不处罚": whether at all)
MITIGATION = re.compile(r"(?:从轻|减轻|从宽)(?:或者(?:减轻|免除|免予))?(?:行政)?处罚|(?:不予|免予|免除|免于)(?:行政)?处罚")
ASKS_MITIGATION = re.compile(r"从轻|减轻|从宽|免(?:予|于|除)?(?:行政)?处罚|免罚|不予(?:行政)?处罚|(?<![罚])不(?:被)?(?:处)?罚")
_SETS_PENALTY = re.compile(r"处罚|罚款|没收|吊销|责令|警告|拘留|追究|处分|处\S{0,12}?以下")


def mitigates(clause: Clause) -> bool:
    """Does the clause only lessen or waive a penalty, setting none ("…能够主动消除或者减轻危害后果的，依法从轻或者减轻
    处罚"; not "…不予处罚；情节严重的，依照《价格法》的规定处罚", nor a duty not to 减轻 one's own liability)?"""
    return bool(MITIGATION.search(clause.text)) and not _SETS_PENALTY.search(MITIGATION.sub("", clause.text))


EACH_DOCUMENT_WINDOW = 20  # how deep a named document's best clause is looked for, to come first


def _each_document_first(hits: list[Hit], docs: set[str], movable=lambda h: True) -> list[Hit]:
    """Each named document's best clause first, best first, where a question compares the documents it names ("…平台管理办法、
    客户服务管理制度和服务质量管理制度分别怎么说？" had the top 5 from one of them); of those among the first
    EACH_DOCUMENT_WINDOW that may move (not a penalty provision for a question that asks no consequence)."""
    firsts = {}
    for h in hits[:EACH_DOCUMENT_WINDOW]:
        if h.clause.document in docs and (h is hits[0] or movable(h)):
            firsts.setdefault(h.clause.document, h)
    lead = list(firsts.values())
    return lead + [h for h in hits if all(h is not f for f in lead)]


def asked_items(question: str) -> list[str]:
    """The things a question asks of each ("公司财务上成本和资金分别怎么管？" → 成本, 资金; "新员工和老员工…" → 新员工, 老员工;
    "线上和线下的价格分别怎么标？" → 线上, 线下): the parts of the phrase before 分别 / 各自 split at its joins, the first
    cut to as many words as the next (what comes before is the question's context); none where one names a kind of
    document ("国家法律和浙江的条例分别怎么说？" compares documents), nor more than MAX_ITEMS."""
    from ingest.tokenize import words

    m = SEVERAL_ASKED.search(question)
    if m is None:
        return []
    phrase = re.split(r"[，,。？?；;：:！!\s]", question[:m.start()])[-1]
    parts = [p.split("的")[0] if i else p for i, p in enumerate(re.split(rf"{_LIST_JOINS}|、", phrase))]
    if len(parts) < 2 or len(parts) > MAX_ITEMS or not all(parts):
        return []
    cut = [[w for w in words(p) if re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]+", w)] for p in parts]
    if not all(cut):
        return []
    cut[0] = cut[0][-len(cut[1]):]  # (as many words as the next: "公司财务上成本" → 成本)
    items = ["".join(ws) for ws in cut]
    for item in items:
        if _TAIL_KIND.search(item) or re.search(r"规章|文件|资料|材料$", item) or item in ("法律", "法规", "国家", "地方") \
                or len(item) < 2:
            return []
    return list(dict.fromkeys(items)) if len(set(items)) == len(items) else []


MAX_ITEMS = 3  # no more things asked of each than an answer cites clauses (settings.answer.max_clauses' default)
EACH_ITEM_WINDOW = 10  # how deep a clause on each thing asked is looked for, to come first


def says_item(clause: Clause, words: tuple[str, ...]) -> bool:
    """Does the clause say a thing asked (any of its ``words``, synonyms included), not only as one short member of a
    list of others ("…包括预算管理、成本控制、资金管理、风险防控等" for 成本; but "辞职须提交申请、交接工作、…" for 辞职)?"""
    from .checklist import ENUMERATION

    text = norm(clause.text)
    for w in words:
        for m in re.finditer(re.escape(w), text):
            listed = next((e for e in ENUMERATION.finditer(text) if e.start() <= m.start() < e.end()), None)
            member = next((x for x in re.split("、", listed.group()) if w in x), "") if listed else ""
            if not listed or len(member) > len(w) + 4:
                return True
    return False


def item_clauses(hits: list[Hit], items: list[tuple[str, ...]], asked: list[str], movable=lambda h: True) -> list[Hit]:
    """For a question that asks of several things each ("成本和资金分别怎么管？"), the best clause on each among the first
    EACH_ITEM_WINDOW, in the question's order: one that says the thing (says_item) and what is asked of it (``asked``:
    its words after 分别, where it has any: "买家和卖家分别要承担什么运费？" is answered by what says 运费); none where the
    first clause says every thing already, or a thing has no clause."""
    if not items or not hits or all(says_item(hits[0].clause, item) for item in items):
        return []
    lead: list[Hit] = []
    for item in items:
        h = next((h for h in hits[:EACH_ITEM_WINDOW] if h not in lead and (h is hits[0] or movable(h))
                  and says_item(h.clause, item) and (not asked or any(w in h.clause.text for w in asked))), None)
        if h is None:
            return []
        lead.append(h)
    return lead


def _each_item_first(hits: list[Hit], items: list[tuple[str, ...]], asked: list[str], movable=lambda h: True) -> list[Hit]:
    """The clause on each thing asked first (item_clauses): "公司应建立健全财务管理制度,包括预算管理、成本控制、资金管理、
    风险防控等" ranked first and was the answer's only clause, over "成本控制要从采购…" and "资金管理要建立健全的资金调度
    机制…"."""
    lead = item_clauses(hits, items, asked, movable)
    return lead + [h for h in hits if all(h is not f for f in lead)] if lead else hits


def asked_of_items(question: str) -> list[str]:
    """The words of what a question asks of each thing, after 分别 ("要承担什么运费" → 承担, 运费; "怎么管" → none)."""
    from ingest.tokenize import STOPWORDS, words

    m = SEVERAL_ASKED.search(question)
    rest = re.split(r"[，,。？?；;！!]", question[m.end():])[0] if m else ""
    return [w for w in words(rest) if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w) and w not in STOPWORDS
            and not re.fullmatch(r"什么|怎么|怎样|如何|哪些|多少|多久|是否|需要|应该|应当|可以|要求|规定|处理|做到", w)]


def _down_of(hits: list[Hit], n: int, down) -> list[Hit]:
    """The first ``n`` hits with those ``down`` says after the others (all of them, so none takes another's place)."""
    top = hits[:n]
    below = [h for h in top if down(h)]
    if not below:
        return hits
    return [h for h in top if not down(h)] + below + hits[n:]


def _below_top(hits: list[Hit], k: int, down: list[Hit]) -> list[Hit]:
    """The hits with ``down``, some of the top k, just below the top k: the next ones take their places."""
    if not down:
        return hits
    return [h for h in hits[:k] if h not in down] + hits[k:k + len(down)] + down + hits[k + len(down):]


# words that ask how far a quantity goes ("一单最多能抵多少", "13岁的小孩一个月最多能花多少钱"), not what about: BM25 does not
# search them (a clause that says 最多 of anything else, "同一订单最多可使用1张平台券", ranked first on that word alone,
# above what dense search found)
ASKING_BOUND = frozenset("最多 最少 至少 最长 最短 最高 最低 最晚 最早 最快 最慢 最迟".split())
# words that only ask, which no clause's words answer (tokenize drops 什么, 哪些, 多少…): "请假三天要谁批？" matched "谁发起、谁负责"
# of a promotions rule first by its 谁, the leave rules' 请假 said by a dozen clauses (probe P23)
ASKING_ONLY = frozenset("谁 哪 哪里 哪儿 为啥 啥 咋".split())
# a hedge before what is asked ("里头一般分哪几摊", "一般多久能批下来", "大概几天"), no word of the rule asked about: BM25 put
# "经营者标示价格，一般应当使用阿拉伯数字…" first for a question on the departments of an e-commerce team (not "一般隐患",
# "一般纳税人", "一般个人信息")
_HEDGE = re.compile(r"(一般|通常|大概|大约|平时)(?=多少|几|多久|多长|多快|怎么|怎样|如何|什么|啥|哪|最|要|能|会|在|是|去|分|设|定|收|给|约定|奖|出|都)")
# a few days, as staff say them ("三天", "两天了", "3天"; not 第三天, 十三天, nor 一天, a rate as often: "一天涌进来几百个问题")
# 把 and a thing of one character, then a verb of one that makes a word with it ("把货发出去", "把钱退了", "把票开了")
BA_SPLIT = re.compile(r"把([货钱款票单])([发退寄送换补开付还])")
DAYS_SAID = re.compile(r"(?<![第十\d])([两二三四五六七2-7])\s*(?:天|日)(?![\d一二三四五六七八九十])")


def _known_parts(tokens: list[str], vocab) -> list[str]:
    """The tokens the knowledge base has; of one it lacks, the longest words of two characters or more in it that it has
    (jieba's guess at an unknown word glues a measure word to its noun: "三十多盒烟弹" is 三十多 / 盒烟弹, and "烟弹" of
    the rules was never searched)."""
    out = [t for t in tokens if t in vocab]
    for t in tokens:
        if t not in vocab:
            parts = [t[i:j] for i in range(len(t)) for j in range(i + 2, len(t) + 1) if t[i:j] in vocab]
            out += [p for p in parts if p not in out and not any(p != q and p in q for q in parts)]
    return out


# who approves something, asked as staff ask it
APPROVAL_ASKED = re.compile(r"谁(?:来|去)?(?:批|签字|签批|拍板|点头)|(?:找|报|让)谁(?:批|签)|(?:哪一?级|哪个|哪位)[^，,。？?]{0,4}(?:批|签字)")
_QUANTITY_ASKED_WORD = re.compile(r"多少|几(?!乎)|多久|多长|多大|多高|多远|什么时候")  # where a quantity is asked (not 几乎)


def is_lead_in(clause: Clause) -> bool:
    """A heading that opens a list with a sentence ("广告不得有下列情形："), or the first 款 of an article split at its 款
    that does ("…但下列商品除外："): cited with its items."""
    return clause.role in ("heading", "clause") and clause.text.rstrip().endswith(("：", ":")) and len(clause.text) > 8


# the company a rule's title opens with ("星辰科技公司仓储发货管理规定", "阿里巴巴集团信息安全管理制度"), where what follows
# names the rule by more than its kind ("…公司管理制度" keeps its name; "融资担保公司监督管理条例" is a law about such companies,
# "国务院关于股份有限公司…的规定" an act of the state: none is an issuer)
_RULE_KIND = r"(?:规定|办法|制度|条例|细则|规则|规范|标准|守则|须知|手册)"
_ISSUER = re.compile(r"^(?:(?!关于)[^的]){4,20}(?:股份有限公司|有限责任公司|有限公司|集团|公司)"  # the longest name
                     rf"(?=[\u4e00-\u9fff]{{2,}}{_RULE_KIND}$)")
_GENERIC = re.compile(rf"监督|管理|暂行|试行|试点|实施|若干|具体|{_RULE_KIND}$")  # what names no rule of its own


# an article of a part named, after it: "第二部分第二条第二项", "第三部分的第三条"
_PART_ARTICLE = re.compile(rf"(?:的|中的?|里的?)?第([{CN_NUM}\d]+)条(?:第?[（(]?([一二三四五六七八九十\d]+)[)）]?项)?")
_PART_ITEM = re.compile(r"(?:的|中的?|里的?)?(?:第?[（(]([一二三四五六七八九十\d]+)[)）](?:项|条|点)?|第([一二三四五六七八九十\d]+)(?:项|点)(?!钟))")
# (or its version: "客服话术与服务规范（V3.2）" is 话术规范 to its staff; or its document number, "…大促活动运营管理办法（鹿鸣运
# 〔2025〕9号）" is 大促办法: probe P30's "大促办法第十七条讲的啥？" was told no such document was held)
_STANDING_SAID = re.compile(r"[（(](?:试行|暂行|修订稿?|修正|征求意见稿|草案|送审稿|\d{4}年?(?:修订|修正)?版?|[Vv]\s*\d+(?:\.\d+)*版?|"
                            r"第?[一二三四五六七八九十\d]+版|[\u4e00-\u9fffA-Za-z]{0,10}[〔\[［【]\d{4}[〕\]］】]\s*第?\d+\s*号)[)）]")
_STANDING = re.compile(_STANDING_SAID.pattern + "$")


def _without_issuer(core: str) -> str:
    """The title without the company that issued it, where what is left names the rule ("仓储发货管理规定"), else
    the title ("小额贷款公司监督管理暂行办法" is a law about such companies: "监督管理暂行办法" names nothing)."""
    m = _ISSUER.match(core)
    return core[m.end():] if m and len(_GENERIC.sub("", core[m.end():])) >= 2 else core


class Retriever:
    """Everything a query needs, loaded once: clause records, BM25 arrays, the dense collection."""

    def __init__(self, settings: Settings, kb: str | None = None):
        self.settings = settings
        self.kb = KnowledgeBase(settings, kb)
        manifest = self._manifest()
        try:
            self._load(manifest)
        except IndexCorrupt:
            # another process committed a new generation and removed this one's files while we read them
            again = self._manifest()
            if again.get("generation") == manifest.get("generation"):
                raise
            self._load(again)

    def _manifest(self) -> dict:
        manifest = self.kb.manifest()
        if manifest is None:
            raise IndexMissing(
                f"知识库 {self.kb.name!r} 还没有建立：请先运行 `tiaowen ingest PATH --kb {self.kb.name}` / "
                "the knowledge base is empty: run `tiaowen ingest PATH` first")
        self.kb.check_stamp(manifest)
        return manifest

    def _load(self, manifest: dict) -> None:
        """Clause records, BM25 arrays and dense vectors of one generation, each checked."""
        import json

        import bm25s

        self.manifest = manifest
        self._manifest_mtime = self.kb.manifest_mtime()
        self.clauses = self.kb.load_clauses(manifest)
        self.by_id = {c.id: c for c in self.clauses}
        self._named_vectors: tuple[dict, threading.Lock] = ({}, threading.Lock())  # see _doc_vectors
        # every vector id, their unit vectors and each id's row (see _all_vectors)
        self._every: tuple[list[str], object, dict[str, int]] | None = None
        self.children: dict[str, list[Clause]] = {}
        self.by_key: dict[str, list[Clause]] = {}  # numbering path within its document → clauses
        self.top_level: dict[str, list[Clause]] = {}  # per document, the clauses under no other
        for c in self.clauses:
            key = c.id.split("/", 1)[1].split("#")[0]
            self.by_key.setdefault(key, []).append(c)
            if (alias := _part_alias(key, c.path)) != key:
                self.by_key.setdefault(alias, []).append(c)
            # an article of a document that numbers them again in each chapter ("c3/a5") or titled part ("二、保密规定
            # 第一条", m332383/a1): its 第五条 too, with the other parts' ("员工手册第五条" names any of them; "第三章第五条" the one)
            if _RESTARTED.match("/" + key):
                self.by_key.setdefault(key.split("/", 1)[1], []).append(c)
            if c.parent_id:
                self.children.setdefault(c.parent_id, []).append(c)
            else:
                self.top_level.setdefault(c.doc_id, []).append(c)
        self._run_in: dict[str, str] = {}  # clause id → its run-in heading, filled a list at a time
        self._sanctions: dict[str, dict[int | str, list[Clause]]] = {}  # document → article or matter → sanctions
        self._referred: dict[str, list[Clause]] = {}  # clause id → what its referral brings, see referred_sanctions
        self._phrases_said: dict[str, bool] = {}  # thesaurus phrase → whether a clause says it, see _says
        self._said_by: dict[str, int] = {}  # word → how many clauses say it, see said_by
        self._typed: set[str] | None = None  # see _typed_documents
        bdir = self.kb.dir / manifest["bm25_dir"]
        try:
            self.bm25_ids: list[str] = json.loads((bdir / "ids.json").read_text(encoding="utf-8"))
            self.bm25 = bm25s.BM25.load(str(bdir), show_progress=False) if self.bm25_ids else None
        except Exception as exc:  # bm25s raises OSError/ValueError/JSON errors on damaged files
            raise IndexCorrupt(
                f"知识库 {self.kb.name!r} 的 BM25 索引缺失或损坏（{bdir.name}）；请运行 `{self.kb.rebuild_command(manifest)}` / "
                "the BM25 index is missing or damaged: rebuild") from exc
        indexed = [c.id for c in self.clauses if c.role == "clause"]
        if self.bm25_ids != indexed or (self.bm25 is not None and self.bm25.scores["num_docs"] != len(indexed)):
            raise IndexCorrupt(
                f"知识库 {self.kb.name!r} 的 BM25 索引与条款记录不一致（{bdir.name}）；请运行 "
                f"`{self.kb.rebuild_command(manifest)}` / the BM25 index does not match the clauses: rebuild")
        self.collection = self.kb.collection(manifest)
        self.vid_to_id = {vector_id(c): c.id for c in self.clauses if c.role == "clause"}
        vids = list(self.vid_to_id)
        with self._server_errors():
            present = sum(len(self.collection.get(ids=vids[i:i + 5000], include=[])["ids"])
                          for i in range(0, len(vids), 5000))
            self.n_vectors = self.collection.count()
        if present < len(vids):
            raise IndexCorrupt(
                f"知识库 {self.kb.name!r} 的向量库缺少 {len(vids) - present} 条条款向量；请运行 "
                f"`{self.kb.rebuild_command(manifest)}` / vectors are missing from the vector store: rebuild")
        self.documents = sorted({c.document for c in self.clauses})

    @contextlib.contextmanager
    def _server_errors(self):
        """A Chroma server that went away becomes IndexUnavailable (the app shows it and stays up)."""
        try:
            yield
        except Exception as exc:
            if self.settings.chroma.url and is_transport_error(exc):
                raise server_down(self.settings.chroma.url, exc) from exc
            raise

    def stale(self) -> bool:
        """Whether another process has committed a new generation since this one was loaded
        (several app processes sharing one index reload when it is)."""
        if self.kb.manifest_mtime() == self._manifest_mtime:
            return False
        current = self.kb.manifest()
        return current is None or current.get("generation") != self.manifest.get("generation")

    @cached_property
    def embedder(self):
        from ingest.embed import get_embedder

        return get_embedder(self.settings.embedding.backend, self.settings.embedding.model)

    # -- search --------------------------------------------------------------------------
    def dense(self, question: str, n: int, docs: set[str] | None = None, vector=None) -> list[tuple[str, float]]:
        """Clauses by cosine similarity: each scored by its best vector (the clause or one of its sentences);
        only clauses of the documents ``docs`` (titles) where given (``vector``: the question's, embedded already)."""
        q = self.embedder.embed_query(question) if vector is None else vector
        if docs:
            scored = self._similar_within(q, docs)
        elif self.n_vectors <= EXACT_UP_TO and not self.settings.chroma.url:  # (a shared server answers for itself)
            scored = self._similar_all(q, n * (3 if self.settings.embedding.sentence_vectors else 1) + 10)
        else:
            want = n * (3 if self.settings.embedding.sentence_vectors else 1) + 10
            with self._server_errors():
                res = self.collection.query(query_embeddings=[q.tolist()], n_results=max(1, min(want, self.n_vectors)),
                                            include=["distances"])
            scored = [(vid, 1.0 - float(dist)) for vid, dist in zip(res["ids"][0], res["distances"][0])]
        out: dict[str, float] = {}
        for vid, sim in scored:
            cid = self.vid_to_id.get(clause_vector_id(vid))  # vectors of other generations are not visible
            if cid is not None and cid not in out:  # best first
                out[cid] = sim
        return list(out.items())[:n]

    def _similar_within(self, q, docs: set[str]) -> list[tuple[str, float]]:
        """(vector id, cosine similarity) of every vector of the documents, best first: an exact search over
        their vectors, fetched by id. A Chroma ``where`` filter on their ids gives the same ranking but costs
        x12.5 a whole-collection query on 100,000 vectors (81 ms); this x0.31 (2.0 ms; ``bench/named_filter.py``)."""
        import numpy as np

        parts = [self._doc_vectors(d) for d in sorted(docs)]
        ids = [vid for got, _ in parts for vid in got]
        if not ids:
            return []
        sims = _cosines(np.concatenate([unit for got, unit in parts if got]), q)
        order = np.argsort(-sims, kind="stable")
        return [(ids[i], float(sims[i])) for i in order]

    def _similar_all(self, q, want: int) -> list[tuple[str, float]]:
        """The ``want`` vectors closest to the question, best first, by an exact search over every vector of the
        knowledge base, held in memory (up to EXACT_UP_TO of them: a company's rules, the seed). The HNSW graph is rebuilt
        from Chroma's log each time an index is opened, its order not fixed: a clause ranked first was missing from its
        result on the CI machine (see _scored), and ranks below the first changed from run to run."""
        import numpy as np

        ids, m = self._all_vectors()
        if not ids:
            return []
        sims = _cosines(m, q)
        want = min(want, len(ids))
        top = np.argpartition(-sims, want - 1)[:want]
        top = top[np.argsort(-sims[top], kind="stable")]
        return [(ids[i], float(sims[i])) for i in top]

    def _all_vectors(self):
        """Every vector id of the knowledge base and its unit vector, fetched once and kept (see _similar_all)."""
        with self._named_vectors[1]:
            if self._every is None:
                ids, m = self._fetch([vid for d in self.documents for vid in self._vector_ids(d)])
                # (published whole, once: a reader in another thread sees all three or none)
                self._every = (ids, m, {vid: i for i, vid in enumerate(ids)})
            return self._every[:2]

    def _fetch(self, vids: list[str]):
        """The vectors of these ids that the store holds: their ids and unit vectors, in batches of 5,000."""
        import numpy as np

        got_ids, rows = [], []
        with self._server_errors():
            for i in range(0, len(vids), 5000):
                got = self.collection.get(ids=vids[i:i + 5000], include=["embeddings"])
                if got["ids"]:
                    got_ids += list(got["ids"])
                    rows.append(np.asarray(got["embeddings"], dtype=np.float32).reshape(len(got["ids"]), -1))
        m = np.concatenate(rows) if got_ids else np.zeros((0, 0), dtype=np.float32)
        m /= np.linalg.norm(m, axis=1, keepdims=True) + 1e-12
        return got_ids, m

    def _doc_vectors(self, document: str):
        """A document's vector ids and unit vectors, fetched by id once and kept (the documents named last,
        up to NAMED_VECTORS_KEPT vectors: over a Chroma server a large law's vectors are megabytes of JSON)."""
        kept, lock = self._named_vectors
        with lock:
            if document in kept:
                kept[document] = kept.pop(document)  # most recently used last
                return kept[document]
        entry = self._fetch(self._vector_ids(document))
        with lock:
            kept[document] = entry
            while len(kept) > 1 and sum(len(v[0]) for v in kept.values()) > NAMED_VECTORS_KEPT:
                kept.pop(next(iter(kept)))
        return entry

    @cached_property
    def _clauses_of(self) -> dict[str, list[Clause]]:
        return {d: clauses for d, records in self._records_of.items() if (clauses := [c for c in records if c.role == "clause"])}

    @cached_property
    def _records_of(self) -> dict[str, list[Clause]]:
        """Each document's records, headings and all, in order."""
        out: dict[str, list[Clause]] = {}
        for c in self.clauses:
            out.setdefault(c.document, []).append(c)
        return out

    def clauses_of(self, document: str) -> list[Clause]:
        """A document's clauses, in order."""
        return self._clauses_of.get(document, [])

    def _vector_ids(self, document: str) -> list[str]:
        """The ids of a document's vectors: its clauses' and their sentences'."""
        from ingest.index import dense_units

        return [vid for c in self._clauses_of.get(document, ())
                for vid, _ in dense_units(c, self.settings.embedding.sentence_vectors)]

    def sparse(self, question: str, n: int, extra: list[str] | None = None) -> list[tuple[str, float]]:
        """Clauses by BM25 score of the question's words, plus ``extra`` words (synonyms) at the expansion weight."""
        import numpy as np

        from ingest.tokenize import tokenize

        if self.bm25 is None:
            return []
        vocab = self.bm25.vocab_dict
        bound_asked = bool(_QUANTITY_ASKED_WORD.search(question))  # ("广告能不能说销量最高？": 最高 is what is asked about)
        hedges = {m.group(1) for m in _HEDGE.finditer(question)}
        toks = [t for t in _known_parts(tokenize(question), vocab) if t not in ASKING_ONLY and t not in hedges
                and not (bound_asked and t in ASKING_BOUND)]
        extra = [t for t in extra or () if t in vocab]
        w = self.settings.retrieval.expansion_weight
        if extra and w > 0:
            scores = self.bm25.get_scores(extra) * w
            if toks:
                scores += self.bm25.get_scores(toks)
            n = min(n, len(scores))
            top = np.argpartition(-scores, n - 1)[:n]
            top = top[np.argsort(-scores[top], kind="stable")]
            return [(self.bm25_ids[int(d)], float(scores[d])) for d in top if scores[d] > 0]
        if not toks:
            return []
        docs, scores = self.bm25.retrieve([toks], k=min(n, len(self.bm25_ids)), show_progress=False, n_threads=1)
        return [(self.bm25_ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0]) if s > 0]

    @cached_property
    def thesaurus(self):
        from .thesaurus import Thesaurus

        return Thesaurus.load(self.settings.retrieval.thesaurus)

    def expansion(self, question: str) -> list[str]:
        """Synonyms the knowledge base uses of the question's words it does not ("包裹" → 物流, 配送)."""
        from ingest.tokenize import tokenize, words

        if self.bm25 is None or self.settings.retrieval.expansion_weight <= 0:
            return []
        text = norm(question)
        out = self.thesaurus.expansion(tokenize(question), self.bm25.vocab_dict, text, self._says, words(text))
        # who approves, asked in a word of one character ("60万的货款，得谁批？", "找谁签字"): the rules' 审批 (probe P28 ranked
        # the approval tiers 44th by BM25, "批" no word of theirs)
        if APPROVAL_ASKED.search(question):
            out += [w for w in ("审批", "批准") if w in self.bm25.vocab_dict and w not in question and w not in out]
        # a verb and its object that 把 parts ("把货发出去" → 发货, "把钱退给人家" → 退钱, 退款): the compound the rules say
        # (blind probe P94's "…商家最晚多少天内必须把货发出去？" ranked "预售商品的发货时间不得超过…30日" 27th)
        for m in BA_SPLIT.finditer(question):
            compound = m.group(2) + m.group(1)
            out += [w for w in (compound, *self.thesaurus.of(compound))
                    if w in self.bm25.vocab_dict and w not in question and w not in out]
        # a few days said where the documents count them in hours ("卖家三天了还没填快递单号" ← "…付款后72小时内填写有效物流
        # 单号"; probe P39 cited the rule on fake numbers)
        for m in DAYS_SAID.finditer(question):
            hours = f"{24 * cn_to_int(m.group(1))}小时"
            if hours not in question and self._says(hours):
                out += [w for w in (hours[:-2], "小时") if w in self.bm25.vocab_dict and w not in out]
        return out

    def _says(self, phrase: str) -> bool:
        """Does a clause of the knowledge base say the phrase (a scan of every text, once a phrase)?"""
        if phrase not in self._phrases_said:
            self._phrases_said[phrase] = any(phrase in c.text for c in self.clauses)
        return self._phrases_said[phrase]

    def search(self, question: str, k: int | None = None, within: set[str] | None = None, depth: int = 1) -> list[Hit]:
        """Top-k clauses for a question, best first: clause lookups, then fused hybrid ranks (``within``: of these
        documents only, rather than those the question names; ``depth``: times the candidates taken from each retriever)."""
        r = self.settings.retrieval
        k = k or r.k
        named, topic = self.mentions(question)
        # one document named where the question asks several ("公司规章和浙江地方标准分别怎么说？": the company's rules are
        # named by no title): the whole base is searched, and the answer cites the named one's best beside (it was
        # searched alone, and nothing in it answered)
        docs = within or (set() if len(named) == 1 and SEVERAL_ASKED.search(question) else named)
        query = topic if docs and len(topic) >= 2 else asked_part(question)
        extra = self.expansion(query)
        # "按 DB33/T 932，…": search within the documents the question names; the dense search is made over
        # their vectors, BM25 over the whole base and cut to them (the named document's clauses must be among
        # its wider list)
        qv = self.embedder.embed_query(query + (f"（{'、'.join(extra)}）" if extra else "")) if r.dense_weight > 0 else None
        n = r.candidates * depth
        dense = self.dense("", n, docs, vector=qv) if qv is not None else []
        sparse = self.sparse(query, n * 4 if docs else n, extra) if r.bm25_weight > 0 else []
        if docs:
            sparse = [x for x in sparse if self.by_id[x[0]].document in docs][:n]
        fused = fuse(dense, sparse, r.fusion, r.dense_weight, r.bm25_weight, r.rrf_k, r.bm25_lead, r.dense_lead)
        dscore = dict(dense)
        bscore = dict(sparse)
        hits = [Hit(self.by_id[cid], s, dscore.get(cid, 0.0), bscore.get(cid, 0.0)) for cid, s in fused.items()]
        hits.sort(key=lambda h: -h.score)
        # "“线上销售”是指什么": the clause that defines it comes first (a term of two characters, "…认为核心是啥" ←
        # "电子商务的核心是…", only with what the question says it is of: "投诉处理的流程是什么" put "退货的流程是：" first)
        terms = asked_terms(question)
        # (the most specific term first, and for each a clause that defines it so before one that says what it is: not
        # 个人信息's "个人信息是以…的各种信息" for "敏感个人信息是什么")
        # (a two-character tail of a longer term asked only says what that of something is: 网络's "网络，是指…" is no
        # definition of the 信息网络 asked)
        d = next((h for term in terms for loose in (False, True) for h in hits[:DEFINITION_WINDOW]
                  if (loose or len(term) >= 3) and defines(h.clause, term, loose) and _of_what_asked(question, term, h.clause)),
                 None)
        if d is not None:
            hits = [d] + [h for h in hits if h is not d]
        elif asks_scope(question, bool(named)):  # "这个制度适用于哪些人？": the clause that says to whom it applies first
            d = next((h for h in hits[:DEFINITION_WINDOW] if STATES_SCOPE.search(h.clause.text)), None)
            if d is not None:
                hits = [d] + [h for h in hits if h is not d]
        consequence = bool(ASKS_CONSEQUENCE.search(question))

        # the state's organs are not the asker's: what binds or sanctions only them is for a question that names them
        officials = (lambda h: False) if ASKS_OFFICIALS.search(question) else self._officials(consequence, question)

        def movable(h: Hit) -> bool:  # (a penalty provision is lifted only for a question that asks a consequence)
            return (consequence or not self._penal(h.clause)) and not officials(h)

        if not consequence:
            hits = self._penalties_below(hits, r.k)
        elif ASKS_COMPENSATION.search(question) and not ASKS_PENALTY.search(question):
            # (not one that says what is owed too: "员工损坏公司财物的，照价赔偿，并扣2分"; a fine of 十五倍 owes nothing)
            hits = self._penalties_below(hits, r.k, keep=lambda c: bool(re.search(r"赔|补偿", c.text)))
        elif ASKS_PENALTY.search(question):
            hits = self._sanctions_first(hits, r.k)
            hits = self._lessening_placed(hits, r.k, bool(ASKS_MITIGATION.search(question)))
        hits = _down_of(hits, 2 * r.k, officials)  # (after the sanctions a provision refers to: 第六十七条 came back)
        if not ASKS_OF_STANDARD.search(question):  # a standard's foreword says how it was made, no rule of it
            hits = _below_top(hits, r.k, [h for h in hits[:r.k] if h.clause.id.endswith("/foreword")])
        if asks_permission(question) and not ASKS_PENALTY.search(question):
            hits = self._rule_first(hits)
        scope, of_itself = asked_scope(question)
        if scope is not None:
            # (a type said by what the asker does, no type named, says less of what it asks: see _scope_first)
            rest = None if names_a_type(question) else "，".join(
                p for p in re.split(r"[，,；;。？?！!]", question) if p and scope_by_doing(p) is None)
            hits = self._scope_first(hits, scope, r.k, not of_itself, qv, rest)
        if len(docs) >= 2 and not within and COMPARED.search(question):
            hits = _each_document_first(hits, docs, movable)
        elif not docs and (items := self.items_asked(question)):
            hits = _each_item_first(hits, items, asked_of_items(question), movable)
        # (after the rule first: "…写成“办公用品”…，能照办吗？" put a 不得 on another matter first)
        # (of two characters or more: a clause that says 最 is no clause on “最”字)
        if quoted := [t for t in quoted_objects(question) if len(t) >= 2 and t not in terms]:
            hits = _quoted_first(hits, quoted, r.k, movable)
        looked = self.lookup(question, hits)
        if looked:
            ids = {h.clause.id for h in looked}
            hits = looked + [h for h in hits if h.clause.id not in ids]
        return self._scored(hits[:k], qv, dscore)

    def items_asked(self, question: str) -> list[tuple[str, ...]]:
        """The things a question asks of each (asked_items), each with its synonyms ("辞职" said 离职 by the rules); none
        where one is a synonym of another (退货 / 换货: no word tells their clauses apart)."""
        items = asked_items(question)
        out = [(item, *self.thesaurus.of(item)) for item in items]
        return [] if any(o in words for i, words in enumerate(out) for o in items if o != items[i]) else out

    def _scored(self, hits: list[Hit], q, dscore: dict[str, float]) -> list[Hit]:
        """The hits, each with its cosine similarity: one the dense candidates lack (found by its words or its
        number, or missed by the approximate index) is scored exactly from its vectors, fetched by id. Whether a
        question is answered is judged on the hits closest in meaning (``support_of``): a clause BM25 ranked first,
        given 0, was judged on the next ones ("能不能加载第三方脚本？" was not found on one machine of two, its one
        clause, at 0.90, missing from the HNSW search)."""
        from ingest.index import dense_units

        todo = [h for h in hits if h.clause.id not in dscore]
        if q is None or not todo:
            return hits
        vids = {vid: h.clause.id for h in todo for vid, _ in dense_units(h.clause, self.settings.embedding.sentence_vectors)}
        if (every := self._every) is not None:  # held in memory already (_similar_all); read once
            _, unit, row = every
            ids = [vid for vid in vids if vid in row]
            m = unit[[row[vid] for vid in ids]]
        else:
            ids, m = self._fetch(list(vids))
        if not ids:
            return hits
        best: dict[str, float] = {}
        for vid, sim in zip(ids, _cosines(m, q)):
            cid = vids[vid]
            best[cid] = max(best.get(cid, -1.0), float(sim))
        return [replace(h, dense=best[h.clause.id]) if h.clause.id in best else h for h in hits]

    def _penal(self, clause: Clause) -> bool:
        """Is the clause a penalty provision (provisions.penal, with its parent looked up)?"""
        return penal(clause, self.parent(clause))

    def _penalties_below(self, hits: list[Hit], k: int, keep=lambda c: False) -> list[Hit]:
        """A penalty provision among the top k restates a duty stated elsewhere: for a question that does not ask
        what follows a breach it goes just below them ("网店要公示营业执照吗" ranked 电子商务法 第七十六条（一）
        "未在首页显著位置公示营业执照信息…的" beside 第十五条). Measured: laws recall@5 0.776 → 0.804, seed+laws
        hit@1 0.708 → 0.717, seed unchanged."""
        return _below_top(hits, k, [h for h in hits[:k] if self._penal(h.clause) and not keep(h.clause)])

    def _officials(self, consequence: bool, question: str):
        """Whether a hit binds only regulators (provisions.regulators_duty) or, for a question on consequences, is a
        penalty provision on the state's own organs or staff (provisions.sanctions_officials): "没跟领导打招呼就直接不来
        了，公司会怎么处理？" ranked 产品质量法 第六十六条 ("市场监督管理部门…索取样品…的，…对直接负责的主管人员…给予行政处分")
        first, on 直接 and 处理; "消费者投诉了，我们商家多久内要处理？" was answered by 消法 第四十六条 (该部门应当自收到投诉
        之日起七个工作日内…)."""
        seen: dict[str, bool] = {}

        def theirs(h: Hit) -> bool:
            c = h.clause
            if c.id not in seen:
                # (what a regulator does to a business is a consequence: "我们店被罚款了，会不会被记入信用档案？")
                seen[c.id] = regulators_duty(c) and not (consequence and acts_on_business(c)) \
                    or consequence and sanctions_officials(c, self.parent(c), question)
            return seen[c.id]

        return theirs

    def _scope_first(self, hits: list[Hit], scope: str, k: int, named: bool = False, q=None,
                     rest: str | None = None) -> list[Hit]:
        """For a question asked for one enterprise type ("我们是第三方平台，网站首页要挂哪些东西？"), a requirement a
        standard sets for another type (DB33/T 932 5.2.1 交易型) goes below the top k, and the best one for its own
        type among them comes first: 5.2.2.2 (第三方平台型) ranked fourth, below a platform rule on 网络安全, and
        "我们是交易型企业，…" ranked 5.2.2.2 above its own 5.2.1.2. Where the type is said by what the asker does, ``rest``
        (the question without that) must be on it too: the search put it nearly as high, or it says some of what
        ``rest`` asks ("我们开网店的，员工请假要提前几天申请？" put 5.2.1 first; a review)."""
        from .answer import coverage  # (answer imports this module)

        first = hits[0].score if hits else 0.0

        def on_it(h: Hit) -> bool:
            return (rest is None or h.score >= INFERRED_SCOPE_NEAR * first
                    or coverage(rest, h.clause.text) >= INFERRED_SCOPE_WORDS)

        top = hits[:k]
        scopes = {h.clause.id: scope_of(h.clause, self) for h in hits[:SCOPE_WINDOW * k]}
        hits = _below_top(hits, k, [h for h in top if scopes[h.clause.id] not in (None, scope)])
        # (from a little further down: 5.2.2.2 was seventh once its "——" items were lines of their own, its dense
        # score 0.0005 lower, and a platform rule came first)
        own = next((h for h in hits[:SCOPE_WINDOW * k] if scopes.get(h.clause.id) == scope and on_it(h)), None)
        if own is None and named and q is not None:
            # a question that names the type ("第三方平台型企业要做什么？") asks for its requirements, wherever the search
            # put them: its closest in meaning, of the documents that name a type (2.4's definition of 第三方电子商务平台
            # came first, no requirement of 5.2.2 among the candidates)
            docs = self._typed_documents
            ids = {h.clause.id for h in hits}
            top = hits[0].score if hits else 0.0  # (scored as the first it goes before: a 0 let every hit be cited)
            own = next((Hit(self.by_id[cid], top, sim) for cid, sim in self.dense("", SCOPE_WINDOW * self.settings.retrieval.candidates,
                                                                                 docs, vector=q)
                        if scope_of(self.by_id[cid], self) == scope), None) if docs else None
            if own is not None and own.clause.id in ids:
                own = next(h for h in hits if h.clause.id == own.clause.id)
        return hits if own is None else [own] + [h for h in hits if h is not own]

    @property
    def _typed_documents(self) -> set[str]:
        """The documents that name an enterprise type at the head of a clause (DB33/T 932's 5.2.1 交易型 …), read once a
        load (about 60 ms over 147k clauses)."""
        if self._typed is None:
            self._typed = {c.document for c in self.clauses if any(x in c.text[:20] for x in SCOPES)}
        return self._typed

    def _rule_first(self, hits: list[Hit]) -> list[Hit]:
        """For a question whether an act is allowed, a clause that forbids or permits comes first where the first says
        neither and one of the next does ("平台能不能把会员的手机号打包卖给合作方做营销？" was answered by "企业应当运用多种
        营销手段…" alone, which reads as a yes; "…不得泄露、出售或非法使用消费者的个人信息" was second). Measured: the fixed
        sets unchanged (their 18 such questions rank a rule first already, or none near it); of 13 such questions
        written afterwards over the seed and eight other laws, two answered by a clause that says neither now cite the
        rule, one unanswerable stays answered by another clause."""
        def rule(h: Hit) -> bool:
            return states_rule(h.clause, self.parent(h.clause))

        if not hits or rule(hits[0]):
            return hits
        # (not over a first that both retrievers put first, far ahead of it: "周末公司有急事，能要求大家不休息吗" put the 请假 clause's 方可
        # before "…所有人员也应该放弃休息", a duty that answers it; "年度预算怎么定，执行中能调整吗？" 价格法's 可以 before the
        # company's "…及时调整和控制预算执行"; probes, the fixed sets unchanged)
        first = next((h for h in hits[1:RULE_WINDOW] if rule(h)), None)
        # (nor over one that sets a duty, which rules too, where both put it first: "…出差，酒店能一人开一间吗？" put "总监及以上
        # 职级人员可以乘坐…" before "两名同性别员工同行出差的，原则上应当合住一间标准间"; probe P25. Not a definition, "…所称
        # “敏感个人信息”，是指身份证号、银行卡号…", over "员工不得…将用户数据以明文形式保存在个人电脑…", probe P20)
        both = hits[0].dense >= max(h.dense for h in hits) and hits[0].bm25 >= max(h.bm25 for h in hits)
        if first is None or both and (first.score < RULE_BEHIND * hits[0].score or sets_duty(hits[0].clause.text)):
            return hits
        return [first] + [h for h in hits if h is not first]

    def _sanctions_first(self, hits: list[Hit], k: int) -> list[Hit]:
        """For a question about what a breach draws, each duty among the top k comes after the provisions that
        sanction its breach by number, wherever they were ranked ("搭售默认勾选会有什么处罚？" found 电子商务法 第十九条,
        the duty, and not 第七十七条 "违反本法第十九条规定搭售商品、服务…的，…处五万元以上二十万元以下的罚款", which
        shares few of the question's words)."""
        ranked = {h.clause.id: h for h in hits}
        out: list[Hit] = []
        placed: set[str] = set()
        for h in hits[:k]:
            if h.clause.id in placed:
                continue
            # each with what it refers to ("…依照《价格法》…进行处罚" is followed by what 价格法 sets for that breach, cited
            # where the referral is)
            sanctions = [x for c in self.sanctions_of(h.clause)
                         for x in ((c, h.clause.id), *((r, c.id) for r in self.referred_sanctions(c)))]
            for c, via in [*sanctions, (h.clause, None), *((r, h.clause.id) for r in self.referred_sanctions(h.clause))]:
                if c.id in placed:
                    continue
                placed.add(c.id)
                if via is None:
                    out.append(h)
                    continue
                was = ranked.get(c.id)
                out.append(Hit(c, h.score, was.dense if was else 0.0, was.bm25 if was else 0.0, sanctions=via))
        return out + [h for h in hits[k:] if h.clause.id not in placed]

    def _lessening_placed(self, hits: list[Hit], k: int, asked: bool) -> list[Hit]:
        """For a question about what a breach draws, a provision that only lessens a penalty comes after the last
        provision among the top k that sets one ("没有明码标价会被怎么处罚" ranked "…依法从轻或者减轻处罚" first); where the
        question asks for less ("能不能从轻处罚"), those of the documents among the top k come first."""
        top = hits[:k]
        lessening = [h for h in hits[:2 * k] if mitigates(h.clause)]
        if asked:
            docs = {h.clause.document for h in top}
            first = [h for h in lessening if h.clause.document in docs]
            return first + [h for h in hits if all(h is not f for f in first)]
        down = [h for h in lessening if any(h is x for x in top)]
        if not down:
            return hits
        rest = [h for h in top if all(h is not d for d in down)]
        at = max((i + 1 for i, h in enumerate(rest) if h.sanctions or self._penal(h.clause)), default=len(rest))
        return rest[:at] + down + rest[at:] + hits[k:]

    def referred_sanctions(self, clause: Clause) -> list[Clause]:
        """Where a clause sanctions a breach by referring to other documents held here ("经营者违反本规定有关明码标价规定的，
        由…依照《中华人民共和国价格法》《价格违法行为行政处罚规定》等…进行处罚": 门店和网店没有明码标价会被怎么处罚 was
        answered by the referral, not by 价格法第四十二条 "经营者违反明码标价规定的，…可以并处五千元以下的罚款", ranked 12th):
        the articles it names of them ("依照《消费者权益保护法》第五十六条予以处罚"), else their penalty provisions that name
        the same breach. A title not held refers to nothing (not the law whose name it starts with)."""
        cached = self._referred.get(clause.id)
        if cached is not None:
            return cached
        out: list[Clause] = []
        m = _REFERRAL.search(clause.text)
        if m is not None:
            matter = _matter(clause.text[:m.start()])
            for title, article in _REFERRED_TITLE.findall(m.group(1)):
                said = norm(title)
                doc = self._held_titles.get(said) or self._held_titles.get("中华人民共和国" + said)
                if doc is None or doc == clause.document:
                    continue
                if article:
                    out += [c for c in self.by_key.get(f"a{cn_to_int(article)}", ()) if c.document == doc]
                elif matter:
                    out += [c for c in self._clauses_of.get(doc, ()) if "违反" + matter in norm(c.text) and self._penal(c)]
        for name, article in _REFERRAL_SHORT.findall(clause.text):
            docs = list({d for said, d in self._held_titles.items() if d != clause.document and said.endswith(name)})
            if len(docs) == 1:
                out += [c for c in self.by_key.get(f"a{cn_to_int(article)}", ()) if c.document == docs[0]]
        self._referred[clause.id] = out = out[:REFERRED_SANCTIONS]
        return out

    @cached_property
    def _held_titles(self) -> dict[str, str]:
        """Documents by their title in comparison form, and by their name without 中华人民共和国 or a standard code."""
        return {**{core: title for title, core in self._cores.items()}, **{norm(title): title for title in self.documents}}

    def sanctions_of(self, clause: Clause) -> list[Clause]:
        """The clauses of the clause's document that sanction a breach of its article by number ("违反本法第十九条规定…
        的，由…处…罚款" for 第十九条 and its items) or, where it states a duty, of the document's rules on a matter it says
        ("违反本规定有关明码标价规定的" for "经营者…应当…明码标价"; not its title or purpose), found over the document once."""
        m = _OWN_ARTICLE.match(clause.id.split("/", 1)[-1])
        if m is None:
            return []
        by_article = self._sanctions.get(clause.document)
        if by_article is None:
            by_article = {}
            for c in self._clauses_of.get(clause.document, ()):
                for n in sanctioned_articles(c, self.parent(c)):
                    by_article.setdefault(n, []).append(c)
                if matter := _matter(c.text):
                    by_article.setdefault(matter, []).append(c)
            self._sanctions[clause.document] = by_article
        by_matter = []
        if _STATES_DUTY.search(clause.text):
            text = re.sub(r"《[^》]*》", "", norm(clause.text))
            by_matter = [c for key, cs in by_article.items() if isinstance(key, str) and key in text for c in cs]
        return list({c.id: c for c in [*by_article.get(int(m.group(1)), ()), *by_matter] if c.id != clause.id}.values())

    # -- direct lookup ------------------------------------------------------------------
    # the keys of an article's items by their numbering (ingest.segment.KEY_PREFIX): 2., （2）, 2), 二、, ②, b.; （二） last,
    # as a number not held is said missing
    ITEM_REF_KINDS = ("n", "p", "r", "h", "o", "l", "i")

    def clause_refs(self, question: str) -> list[tuple[str, set[str]]]:
        """Clause numbers the question names, each with the documents it names for it."""
        refs = []  # (start, end, keys: the most specific first)
        for m in ARTICLE_REF.finditer(question):
            key = f"a{cn_to_int(m.group(1))}"
            if m.group(2):  # 第一百二十条之一
                key += f"-{cn_to_int(m.group(2))}"
            para = cn_to_int(m.group(3)) if m.group(3) else 1  # 第三款: a 款 of its own where the article was split at 款
            n = cn_to_int(m.group(4) or m.group(5)) if m.group(4) or m.group(5) else 0
            # (第二项 of an article whose items are numbered otherwise than （二）: 2., 2), 二、, ②, b.; "（二）项" is a （二）)
            kinds = ("i",) if m.group(4) else self.ITEM_REF_KINDS
            items = [f"/{x}{n}" for x in kinds] if n else [""]
            keys = [f"{key}/k{para}{item}" for item in items] + [f"{key}/k{para}"] if para > 1 else []
            found = [*keys, *(key + item for item in items)] if n and para == 1 else [*keys, key]
            if chapter := _CHAPTER_BEFORE.search(question[:m.start()]):  # "第三章第五条": the chapter's own, where articles
                # are numbered again in each chapter (c3/a5), else the document's 第五条
                found = [f"c{cn_to_int(chapter.group(1))}/{k}" for k in found] + found
            elif part := self.part_before(question[:m.start()]):  # "…里保密规定第一条": that part's, by its title
                found = [f"{p}/{k}" for p in self._part_titles[part] for k in found] + found
            refs.append((m.start(), m.end(), found))
        for m in POINT_REF.finditer(question):  # (read as its 第X条: an item of a document numbered without articles;
            # not after another number, whose item it is, looked up with it: "劳动合同法第三十九条第二点", "第三部分第2点")
            if not _AFTER_A_REF.search(question[:m.start()]):
                refs.append((m.start(), m.end(), [f"a{cn_to_int(m.group(1))}"]))
        for m in PART_REF.finditer(question):
            part = f"h{cn_to_int(m.group(1))}/i{cn_to_int(m.group(2))}"
            refs.append((m.start(), m.end(), [f"{part}/n{int(m.group(3))}", part] if m.group(3) else [part]))
        for m in PART_WORD_REF.finditer(question):  # "售后服务规范第二部分讲什么": its 二、, or its 第二章, or a heading that
            # says "第二部分" (p: none, said missing as named)
            # (or, in a document numbered 1 / 1.1 / 1.1.1, its section 2: "客服服务规范第3部分讲什么" cited 3.1, 3.2 and the
            # 2.1.2 that says 三声; probe)
            n = cn_to_int(m.group(1))
            # (a heading that says "第二部分" first, where the document has one: its 二、 may be an item of 第一部分)
            keys = [f"part:{m.group(1)}", f"h{n}", f"c{n}", str(n), f"p{n}"]
            # …and an article of it ("第二部分第二条第二项"): the part's 二、 (or （二）, 2.) and that one's second item
            if (a := _PART_ARTICLE.match(question, m.end())) is not None:
                art, item = cn_to_int(a.group(1)), cn_to_int(a.group(2)) if a.group(2) else 0
                inner = [f"{x}{art}/{y}{item}" for x in "hin" for y in self.ITEM_REF_KINDS] if item else []
                inner += [f"{x}{art}" for x in "hin"]
                # (or, in a document whose articles run on through its parts, that article: "…第二部分的第四条")
                # (or, in one without parts, its 二、's （二）: "售后服务规范第二部分第二条")
                # (or, in one that numbers articles again in each titled part, the part's: "员工行为规范第二部分第一条" of
                # "二、保密规定 第一条", keyed m332383/a1 and named h2/a1; the article of the first part was cited)
                # (the document's article only where its numbering runs on: "员工手册第四部分第一条" of one that numbers
                # each part's again and has three was each part's 第一条, RUN_ON)
                keys = [f"part:{m.group(1)}>{k}" for k in [f"a{art}", *inner]] + [
                    f"h{n}/a{art}", *([f"a{art}/{y}{item}{RUN_ON}" for y in self.ITEM_REF_KINDS] if item else []), f"a{art}{RUN_ON}",
                    *(f"h{n}/{x}{art}" for x in "ipn"),
                    f"part:{m.group(1)}>{inner[-1]}"]  # (last again: one found nowhere is said missing as named)
                refs = [r for r in refs if r[0] != a.start(1) - 1]  # (read with its part, not as an article alone)
                refs.append((m.start(), a.end(), keys))
                continue
            # …or an item of it ("积分管理办法第三部分第（四）项": its 三、's （四）; it was 三、 whole, held-out probe P18)
            if (a := _PART_ITEM.match(question, m.end())) is not None:
                item = cn_to_int(a.group(1) or a.group(2))
                kinds = ("i",) if a.group(1) else self.ITEM_REF_KINDS
                keys = [*(f"h{n}/{y}{item}" for y in kinds), *(f"part:{m.group(1)}>{y}{item}" for y in kinds), f"{n}.{item}",
                        f"h{n}/{kinds[0]}{item}"]  # (last again: one found nowhere is said missing as named)
                refs.append((m.start(), a.end(), keys))
                continue
            refs.append((m.start(), m.end(), keys))
        for m in CHAPTER_REF.finditer(question):  # "电子商务运营管理制度第二章说了什么": the articles of the chapter (or
            # its section 2)
            n = cn_to_int(m.group(1))
            refs.append((m.start(), m.end(), [f"c{n}", str(n)]))
        for m in PART_ITEM_REF.finditer(question):
            refs.append((m.start(), m.end(), [f"h{cn_to_int(m.group(1))}/n{int(m.group(2))}"]))
        for m in STD_REF.finditer(question):
            if not any(a <= m.start() < b for a, b, _ in refs):
                refs.append((m.start(), m.end(), [m.group(1)]))
        if not refs:
            return []
        refs.sort()
        all_docs = self._named_documents(question)
        out, prev_end = [], 0
        for start, end, keys in refs:
            # "电子商务运营管理制度第十九条和电商规章制度第四条": each number belongs to the title before it
            docs = self._named_documents(question[prev_end:start]) or all_docs
            if not docs and keys[0][0] in "hcp" and "/" not in keys[0] and len(self._clauses_of) > 1:
                continue  # a part or chapter of no document named: each document has its 第二章 ("第二部分" of what?)
            # (none held: said missing by the last key that is no bare section number, as named: "第九章", not "9")
            key = next((k for k in keys if self.clauses_numbered(k, docs)), next(k for k in reversed(keys) if not k.isdigit()))
            if re.fullmatch(r"a\d+", key) and not self.clauses_numbered(key, docs):
                if docs:
                    key = self._item_for_article(key, docs) or key
                elif not self._has_articles:  # no document has articles: "第三条" is the 三、 (or (三)) of each
                    key = self._item_for_article(key, set(self._clauses_of)) or key
            out.append((key, docs))
            prev_end = end
        return out

    def _item_for_article(self, key: str, docs: set[str]) -> str | None:
        """"电子商务部规章制度第七条" of a document numbered without articles: staff call its seventh item so (it was
        "所指文件中没有 第7条", and the item offered as 可能相关). The key of its (七) items, else its 七、 or 7. ones,
        where the documents named have no 第X条 at all. A 七、 that only heads items is one too: "售后服务管理制度第三条"
        is its 三、 with the items under it (it was the 3. of 二、 and of 三、)."""
        ids = {c.id.split("/", 1)[1] for d in docs for c in self._clauses_of.get(d, ())}  # (numbering paths)
        if any(k.startswith("a") for k in ids):
            return None
        # (and a numbered lead-in that heads its items, "21. 不合格品按下列方式处理：" / "（1）…": "质检维修办法第21条说的啥"
        # was "所指文件中没有 第21条", probe P19)
        records = [c for d in docs for c in self._records_of.get(d, ())]
        ids |= {k for c in records if c.role == "heading" and re.search(r"(?:^|/)[in]\d+$", k := c.id.split("/", 1)[1])}
        n = key[1:]
        every = []
        for kind in "ihn":  # （七）, 七、, 7.
            found = {k for k in ids if re.search(rf"(?:^|/){kind}{n}$", k)}
            if kind == "h" and any(c.document in docs for c in self.by_key.get(f"h{n}", ())):
                found.add(f"h{n}")  # (a heading, not among the clauses)
            every.append(found)
        # the document's own numbering first, not an item of one of its parts: "618活动规则第三条" is its 三、, not the
        # （三） of its 四、 (held-out probe)
        nested = next((f for f in every if f), None)
        chosen = next((f for f in every if any("/" not in k for k in f)), None) or nested
        # (…but a numbering that runs on across parts is the document's own: (三) under 二、 after (一)(二) under 一、
        # (review); the 7. under "## 三、存储与盘点" of rules numbered 1 to 22 across "## 一、" to "## 七、" is its 第7条, not
        # its 七、附则 (held-out probe P18))
        # (by every record's numbering, a heading's too: the (一) of 三、 that heads 1. 2. 3. starts its (一)(二)(三))
        held = {c.id.split("/", 1)[1] for c in records}
        for found in every:
            if not found or found is chosen or not all("/" in k for k in found):
                continue
            kind = next(iter(found)).rpartition("/")[2][0]
            parts = {k.rpartition("/")[0] for k in held if re.search(rf"(?:^|/){kind}\d+$", k) and "/" in k}
            if len(parts) > 1 and len({k.rpartition("/")[0] for k in held if re.search(rf"/{kind}1$", k)}) < len(parts):
                chosen = found  # (some part does not start them at 1)
                break
        return "|".join(sorted(k for k in chosen if "/" not in k) or sorted(chosen)) if chosen else None

    def clauses_numbered(self, key: str, docs: set[str]) -> list[Clause]:
        """Clauses whose numbering path is ``key`` ('a7', 'a6/i1', '5.2.2.2'; several joined by '|'), in ``docs`` if
        given; 'part:二' is what a named document has under a heading that opens "第二部分" ("## 第二部分 主播管理")."""
        if key.startswith("part:"):
            part, _, inner = key[5:].partition(">")
            said = re.compile(rf"\s*第{part}部分")
            held = [c for d in sorted(docs) for c in self._records_of.get(d, ())]  # (the named documents' only)
            if inner:  # an article of the part, by its key under the part's heading (a lead-in that heads items too)
                ids = {f"{c.id}/{inner}" for c in held if c.role == "heading" and c.path and said.match(c.path[-1])}
                return [c for c in held if c.id in ids]
            return [c for c in held if c.role == "heading" and said.match(c.text)
                    or c.role == "clause" and any(map(said.match, c.path[1:]))]
        if key.endswith(RUN_ON):
            return [c for c in self.clauses_numbered(key[:-len(RUN_ON)], docs) if not _RESTARTED.search(c.id)]
        return [c for k in key.split("|") for c in self.by_key.get(k, ()) if not docs or c.document in docs]

    @cached_property
    def _part_titles(self) -> dict[str, list[str]]:
        """The titles of the parts whose articles are numbered again in each ("二、保密规定" → 保密规定, "第三章 费用报销制度" →
        费用报销制度), each with the parts' keys (m332383, c3)."""
        out: dict[str, list[str]] = {}
        for key in {k.split("/", 1)[0] for k in self.by_key if _RESTARTED.match("/" + k)}:
            for c in self.by_key.get(key, ()):
                name = _PART_NAME.sub("", c.path[-1]).strip() if c.role == "heading" and c.path else ""
                if len(name) >= 2 and key not in out.setdefault(name, []):
                    out[name].append(key)
        return out

    def part_before(self, text: str) -> str | None:
        """The title of a part whose articles are numbered again in each, said right before an article number ("员工手册里
        保密管理制度第一条", "保密规定的第二条"), or None: the longest one."""
        said = re.sub(r"(?:部分|那部分|这部分|一节|那一节|章)?(?:的|中的?|里的?|之)?\s*$", "", text)
        return max((t for t in self._part_titles if said.endswith(t)), key=len, default=None)

    def unknown_document(self, question: str) -> str | None:
        """A document the question names before an article number that the knowledge base does not hold
        ("网络交易监督管理办法第十二条是怎么规定的？" was answered by the 第十二条 of seven other laws), or None. A name
        that is part of a title held ("管理办法第五条") or that names no one document ("公司制度第三条") is not one."""
        for m in [*ARTICLE_REF.finditer(question), *PART_REF.finditer(question), *PART_ITEM_REF.finditer(question)]:
            before = question[:m.start()]
            if self._named_documents(question[:m.end()]):  # (with its number: a short name is read before one)
                continue
            name = _NAMED_BEFORE.search(before)
            if name is None or self.part_before(before):  # (a part's title: "员工行为规范里保密规定第二条")
                continue
            core = _BEFORE_NAME.split(_ASKING_FIRST.sub("", name.group(1)))[-1].removeprefix("中华人民共和国")
            if len(core) >= 3 and not _GENERIC_NAME.search(core) and not any(core in c for _, c, _, _ in self._title_forms):
                return core
        return None

    def missing_refs(self, question: str) -> list[str]:
        """Clause numbers the question names in a named document that has no such clause."""
        return self.absent_refs(question)[0]

    def unheld_refs(self, question: str) -> list[str]:
        """Clause numbers the question names, of no document named, that no document has: an article where some
        document has articles, or a standard's clause of three levels or more asked for as one ("第九十九条说了什么"
        cited 《电商规章制度》第九条, "4.4.3 的要求" 5.1.3; not "3.2.1版本", "24.6.18大促", "第1.2.3步", nor "3.15")."""
        return self.absent_refs(question)[1]

    def absent_refs(self, question: str) -> tuple[list[str], list[str]]:
        """The clause numbers a question names that are missing from the document named with them, and those named
        alone that no document has (see missing_refs, unheld_refs), from one reading of its references."""
        missing, unheld = [], []
        for key, docs in self.clause_refs(question):
            if self.clauses_numbered(key, docs):
                continue
            if docs:
                missing.append(key)
            elif key.startswith("a") and self._has_articles or key.count(".") >= 2 and re.search(
                    rf"(?<![\w.第]){re.escape(key)}\s*(?:的?(?:要求|规定|内容|条款)|(?:说|讲|写)了?(?:什么|啥)|是(?:什么|啥|怎么)|怎么|呢|[？?]|$)",
                    question):
                unheld.append(key)
        for m in APPENDIX_REF.finditer(question):
            # (a standard's 目次 lists its appendices where the text held stops before them: "附录B里第三方平台型企业的
            # 评价指标具体有哪些？" was answered by 2.4, 5.2.3.2 and 1 范围 as if they were 附录B)
            name = f"附录{m.group(1).upper()}"
            docs = self._named_documents(question[:m.start()]) or self._named_documents(question)
            held = any(m.group(1).upper() in self._appendices.get(d, ()) for d in (docs or self._appendices))
            if not held and name not in missing + unheld:
                (missing if docs else unheld).append(name)
        return missing, unheld

    @cached_property
    def _appendices(self) -> dict[str, set[str]]:
        """The appendices (A, B…) each document holds: a clause that starts with "附录A" or is under it (read once)."""
        out: dict[str, set[str]] = {}
        for c in self.clauses:
            for t in (c.text, *c.path):
                m = _APPENDIX_START.match(t)
                if m:
                    out.setdefault(c.document, set()).add(m.group(1).upper())
        return out

    @cached_property
    def _has_articles(self) -> bool:
        """Does some document have 第X条 articles (where none does, "第三条" may name a 三、)?"""
        return any(re.match(r"a\d", k) for k in self.by_key)

    def lookup(self, question: str, ranked: list[Hit]) -> list[Hit]:
        """Clauses the question names by number ('第十一条', '5.2.2.2', '电商规章制度第七条')."""
        refs = self.clause_refs(question)
        if not refs:
            return []
        rank_of = {h.clause.id: i for i, h in enumerate(ranked)}
        found = [c for key, docs in refs for c in self.clauses_numbered(key, docs)]
        if not found:
            return []
        expanded: list[Clause] = []
        for c in found:  # the named clause with everything under it (an article with its items); a named article
            # whose sentence opens its list ("第八条 主播在直播中不得有下列行为：") comes first, before its items (not a
            # title over them, "第六条售后服务内容:")
            # (and a chapter's title: "第三章 个人信息跨境提供的规则" says what its articles are about)
            expanded.extend(x for x in [c, *self.descendants(c)]
                            if x.role == "clause" or x is c and (is_lead_in(x) and NAMES_A_LIST.search(x.text)
                                                                 or _CHAPTER_KEY.search(x.id)))
        # several documents have a 第十一条: the hybrid ranking of the question decides the order
        doc_rank: dict[str, int] = {}
        for i, h in enumerate(ranked):
            doc_rank.setdefault(h.clause.doc_id, i)
        expanded.sort(key=lambda c: (doc_rank.get(c.doc_id, 10**6), c.seq))
        seen, out = set(), []
        for c in expanded:
            if c.id not in seen:
                seen.add(c.id)
                out.append(Hit(c, 1.0 + 1.0 / (1 + rank_of.get(c.id, 100)), lookup=True))
        return out

    def _named_documents(self, question: str) -> set[str]:
        """Documents whose title or standard code the question mentions."""
        return self.mentions(question)[0]

    def mentions(self, question: str) -> tuple[set[str], str]:
        """(documents the question names, the question with those names taken out)."""
        q = norm(question)
        code_m = CODE_REF.search(question)
        best: dict[str, int] = {}
        spans: dict[str, list[str]] = {}
        for title, core, short, number in self._title_forms:
            # (a three-character name only for a law: "价格法", "广告法")
            named = core if (len(core) >= 4 or len(core) == 3 and core.endswith("法")) and core in q else (
                short if short and short in q else "")
            if not named and (said := self._quoting_titles.get(title)) and (m := said.search(q)):
                named = m.group()  # "浙江省实施消费者权益保护法办法第三十条": not the 消费者权益保护法 it quotes
            if named:
                best[title] = len(named)
                spans[title] = [named]
            if number and code_m and code_m.group(1) == number:
                best[title] = max(best.get(title, 0), 100)
                spans.setdefault(title, []).append(norm(code_m.group(0)))
        if not best:
            for title, span in self._abbreviated(q).items():  # "个保法", "消法第二十五条"
                best[title] = len(span)
                spans[title] = [span]
        if not best:
            for title, span in self._shortened_rules(q).items():  # "客服考核办法第八条", "仓储制度第十四条"
                best[title] = len(span)
                spans[title] = [span]
        for title, span in self._provincial(q).items():  # "按浙江那个地方标准，…": DB33/T 932
            if title not in best:
                best[title] = len(span)
                spans[title] = [span]
        if not best:
            return set(), question
        # every title named, except one named only as part of a longer named title
        first = {t: spans[t][0] for t in best}
        docs = {t for t in best if not any(t != o and first[t] != first[o] and first[t] in first[o] for o in best)}
        topic = q
        for t in docs:
            for span in spans[t]:
                topic = topic.replace(span, " ")
        if COMPARED.search(q):  # "…运营管理制度、运营流程及管理法则和运营管理体系这几份分别怎么说？": the third by its tail
            for t, span in self._listed_tails(topic).items():
                if t not in docs:
                    docs.add(t)
                    topic = topic.replace(span, " ", 1)
        return docs, topic.strip(" ，,。？?：:的按照")

    @cached_property
    def _tails(self) -> dict[str, set[str]]:
        """Titles by each tail of their name that ends in a kind of document and says more than generic words
        (运营管理体系 of 电商企业运营管理体系, 服务质量管理制度; not 法律责任, 监管办法)."""
        out: dict[str, set[str]] = {}
        for title, core, _, _ in self._title_forms:
            if not _TAIL_KIND.search(core):
                continue  # (a case's title ends in what befell whom: "…要求开发商赔偿损失" names nothing by its end)
            for start in range(1, len(core) - 3):
                if len(_GENERIC.sub("", core[start:])) >= 4:  # (not 监管办法, 安全规定, 管理体系: generic words and two more)
                    out.setdefault(core[start:], set()).add(title)
        return out

    @cached_property
    def _cores(self) -> dict[str, str]:
        """Each document's name as _title_forms has it (normalised once: it was normalised per title per question)."""
        return {title: core for title, core, _, _ in self._title_forms}

    def _listed_tails(self, topic: str) -> dict[str, str]:
        """Documents a question that compares named ones lists by the end of their name ("…和运营管理体系这几份分别怎么说",
        "…和服务质量管理制度分别怎么说") or by words of it before 那篇 ("质量管理与服务提升那篇"): the words start a list item
        (where a run of words starts, after a name, 、 or a comma, or after 和) and end one (before 、, 和, 分别, 这几份, 对 …),
        and fit one title only; every such item of a run ("…管理办法和运营管理体系和质量管理与服务提升那篇")."""
        out: dict[str, str] = {}
        runs = [m.group() for m in re.finditer(r"[\u4e00-\u9fff]{4,}", topic)]
        while runs:
            text = runs.pop()
            ends = []
            for e in range(4, len(text) + 1):
                m = _LIST_AFTER.match(text, e) if e < len(text) else None
                if e == len(text) or m:
                    ends.append((e, bool(m and _DOC_WORD.match(m.group()))))
            starts = [0] + [b.end() for b in _LIST_JOIN.finditer(text)]
            for s, (e, doc_word) in sorted(((s, e) for s in starts for e in ends if e[0] - s >= 4),
                                           key=lambda x: x[0] - x[1][0]):  # the longest form first
                form = text[s:e]
                titles = self._tails.get(form, set())
                if not titles and doc_word and len(form) >= 5:
                    titles = {t for t, core in self._cores.items() if form in core}
                if len(titles) == 1 and not any(form in core for t, core in self._cores.items() if t not in titles):
                    out.setdefault(next(iter(titles)), form)
                    runs += [x for x in (text[:s], text[e:]) if len(x) >= 4]  # (the items beside it)
                    break
        return out

    @cached_property
    def checklist_clauses(self) -> list[Clause]:
        """The clauses a checklist reads, computed once per loaded index (assistant.checklist.clauses_read: not the notes
        on how the rules were written, nor the mottos; re-scanned on every checklist, it took 178 ms a call on 147,000
        clauses)."""
        from .checklist import clauses_read

        return clauses_read(self.clauses, self.children)

    @cached_property
    def normalized(self) -> dict[str, tuple[str, str, str]]:
        """Per clause id, in comparison form (ingest.clean.norm), computed once per loaded index: its text, its
        document title and its headings below the title (what checklists read of every clause)."""
        titles = {d: norm(d) for d in {c.path[0] for c in self.clauses if c.path}}
        return {c.id: (norm(c.text), titles.get(c.path[0], "") if c.path else "", norm("".join(c.path[1:])))
                for c in self.clauses}

    def _provincial(self, q: str) -> dict[str, str]:
        """Local standards the question names by their province ("浙江那个地方标准", "浙江的地标"): the documents whose
        code is that province's DB code (DB33 for 浙江), by the words that name them ("按浙江那个地方标准，电商企业的员工
        要不要持证上岗？" ranked the standard's 1 范围, which says 浙江省 and 电子商务企业, above 5.2.1)."""
        for at in _PROVINCE_NAME.finditer(q):  # each province said ("江苏的企业要遵守浙江的地方标准吗")
            m = PROVINCIAL_STANDARD.match(q, at.start())
            if m and not any(p in m.group()[len(m.group(1)):] for p in PROVINCES):
                code = f"DB{PROVINCES[m.group(1)]}"
                found = {t: m.group() for t in self.documents if (canonical_std_code(t) or "").startswith(code)}
                if found:
                    return found
            m = PROVINCIAL_RULES.match(q, at.start())  # "浙江的条例", "上海的规定": that place's regulations of that kind
            if m:
                kinds = _RULE_KINDS.get(m.group(2), (m.group(2),))
                found = {t: m.group() for t in self.documents if t.startswith(m.group(1)) and t.endswith(kinds)}
                if found:
                    return found
        return {}

    def _abbreviated(self, q: str) -> dict[str, str]:
        """Titles the question names by a short form of its words ("个保法" 个人信息保护法, "电商法" 电子商务法, "网安法"
        网络安全法, "消法第二十五条" 消费者权益保护法): the short form starts as the title's name does, its characters come
        in the title's order, it ends in the title's kind (法, 条例), and no other title fits it. A two-character form
        ("消法") only before an article it names ("合法" and "依法" are words)."""
        out: dict[str, str] = {}
        for m in _KIND_END.finditer(q):
            end = m.end()
            for start in range(max(0, end - 6), end - len(m.group())):  # the longest form first
                form = q[start:end]
                if len(form) < 3 and not ARTICLE_REF.match(q, end):
                    continue
                starting = self._names_by_first.get(form[0], ())
                fits = [t for t, core in starting if len(core) >= len(form) and _kind(core) == _kind(form) and _in_order(form, core)]
                if fits:  # the longest form that fits a title: named if it fits one only, and no name said in full
                    if len(fits) == 1 and not any(core == form for _, core in starting):
                        out.setdefault(fits[0], form)
                    break  # (not "动法" in an ambiguous "劳动法")
        return out

    def _shortened_rules(self, q: str) -> dict[str, str]:
        """Company rules the question names short before a clause it asks for ("客服考核办法第八条" 云帆电商客服服务质量考核办法,
        "仓储制度第十四条" 仓储与发货管理制度, "客服服务质量考核办法第八条" without the company): the words before the clause
        number, from where the name starts (after 按, 根据, 的 …), end in the title's kind (办法, 制度 …), say more than
        generic words (not "管理办法"), their first two characters stand together in the title and all of them in its
        order, and no other title fits them. (Only before a clause number: "退货规则" said of no document in particular
        must not confine the search to one.)"""
        out: dict[str, str] = {}
        for m in _RULE_KIND_END.finditer(q):
            end = m.end()
            after = q[end:].lstrip(" 的")
            said_standing = _STANDING_SAID.match(after)  # ("…管理制度（2024年修订）第二章")
            if said_standing is not None:
                after = after[said_standing.end():]
            if not (ARTICLE_REF.match(after) or STD_REF.match(after) or PART_REF.match(after) or PART_ITEM_REF.match(after)
                    or PART_WORD_REF.match(after) or CHAPTER_REF.match(after)  # (or a part: "…管理办法第二部分")
                    or self._part_titled(after)):  # (or its title: "员工行为规范里二、保密规定第一条")
                continue
            said = re.search(r"[\u4e00-\u9fff]{1,14}$", q[:end])
            if said is None:
                continue
            run = _BEFORE_NAME.split(_ASKING_FIRST.sub("", said.group()))[-1]
            for start in range(len(run) - len(m.group()) - 1):  # the longest form first ("我想知道客服考核办法")
                form = run[start:]
                name = _LOOSELY.sub("", form)  # ("直播那个规范第12条": 直播…规范, said loosely)
                if len(_GENERIC.sub("", name[:-len(m.group())])) < 2:
                    break  # generic words alone ("管理办法") name nothing, nor do any shorter
                fits = [t for t, bare in self._bare_cores.items()
                        if bare.endswith(m.group()) and _starts_together(name[:2], bare) and _in_order(name, bare)]
                if len(fits) > 1:  # (versions: the one whose standing is said, else the one that says none)
                    fits = [t for t in fits if (norm(t).endswith(said_standing.group()) if said_standing is not None
                                                else not _STANDING.search(norm(t)))] or fits
                if fits:
                    # (a name several titles fit, as many as a company holds of one kind, names each: "员工手册第二部分第一条"
                    # of two handbooks was looked up in none, and answered by another article of the other's)
                    if len(fits) <= NAMED_ALIKE:
                        for t in fits:
                            out.setdefault(t, form)
                    break
        return out

    def _part_titled(self, after: str) -> bool:
        """Does ``after`` open with a part's title, its number or not, before an article number ("里二、保密规定第一条",
        "保密管理制度那部分的第一条"; see part_before)?"""
        rest = re.sub(rf"^(?:的|里|中)?\s*(?:[{CN_NUM}]+、|第[{CN_NUM}\d]+(?:章|节|部分))?\s*", "", after)
        return any(rest.startswith(t) and _ARTICLE_AFTER_PART.match(rest, len(t)) for t in self._part_titles)

    @cached_property
    def _bare_cores(self) -> dict[str, str]:
        """Each document's name without what it says of its own standing ("…管理办法（试行）" → "…管理办法")."""
        return {title: _STANDING.sub("", core) or core for title, core, _, _ in self._title_forms}

    @cached_property
    def _names_by_first(self) -> dict[str, list[tuple[str, str]]]:
        """(title, name) of every document by the first character of its name (what a short form must start with)."""
        out: dict[str, list[tuple[str, str]]] = {}
        for title, core, _, _ in self._title_forms:
            if core:
                out.setdefault(core[0], []).append((title, core))
        return out

    @cached_property
    def _title_forms(self) -> list[tuple[str, str, str, str | None]]:
        """Per document: (title, its name without 中华人民共和国 or standard code, a shorter name without the generic
        lead words 电子商务/电商 (and 与 after them: "电子商务与客户服务管理制度") or the company that issued it
        ("星辰科技公司仓储发货管理规定" is "仓储发货管理规定" to its staff) when only that title has it, standard number)."""
        forms = []
        for title in self.documents:
            code = canonical_std_code(title)
            core = re.sub(r"^中华人民共和国", "", norm(STD_CODE.sub("", title, count=1)) if code else norm(title))
            # (its name without what it says of its own standing, where no other title is that name: "直播带货管理办法第二部分"
            # is of 《…直播带货管理办法（试行）》, but not where a 《…办法》 is held beside it, another version)
            bare = _STANDING.sub("", core) or core
            short = re.sub(r"^(?:电子商务|电商)(?:与|和|及)?", "", bare)
            if short == bare:
                short = _without_issuer(bare)
            forms.append((title, core, short, code.split()[-1].split("—")[0] if code else None))
        normed = [_STANDING.sub("", norm(t)) for t in self.documents]
        return [(t, core, short if short != core and len(short) >= 4 and sum(short in n for n in normed) == 1 else "", num)
                for t, core, short, num in forms]

    @cached_property
    def _quoting_titles(self) -> dict[str, re.Pattern]:
        """Titles that quote another's ("浙江省实施《中华人民共和国消费者权益保护法》办法"), as staff write them: with or
        without the inner 《》 and 中华人民共和国 ("浙江省实施消费者权益保护法办法第三十条" was the 第三十条 of the law it
        quotes)."""
        out = {}
        for title, core, _, _ in self._title_forms:
            if "《" in core:
                parts = re.split(r"(《(?:中华人民共和国)?|》)", core)
                out[title] = re.compile("".join(
                    r"《?(?:中华人民共和国)?" if p.startswith("《") else "》?" if p == "》" else re.escape(p) for p in parts))
        return out

    def run_in_heading(self, clause: Clause) -> str:
        """The heading run into a list item's first sentence by extraction ("2. 支付安全平台要保障…" → 支付安全),
        '' where none: decided over the item's list (ingest.segment.run_in_headings), once per list."""
        if clause.id not in self._run_in:
            key = self._list_key(clause)
            group = [c for c in (self.children.get(clause.parent_id, []) if clause.parent_id else self.top_level.get(clause.doc_id, []))
                     if self._list_key(c) == key]
            bodies = [c.text[m.end():] if (m := LIST_MARKER.match(c.text)) else "" for c in group]
            parent = self.parent(clause)
            # (a title with a colon leads in no sentence: "一、质量管理:" over "2、物流质量管理物流环节是…")
            lead_in = parent is not None and parent.text.rstrip().endswith(("：", ":")) \
                and not _TITLE_COLON.fullmatch(LIST_MARKER.sub("", parent.text.strip(), count=1))
            self._run_in.update(zip((c.id for c in group), run_in_headings(bodies, lead_in)))
        return self._run_in.get(clause.id, "")

    @staticmethod
    def _list_key(clause: Clause) -> str:
        """The kind of a clause's number ('n' for 1., 'l' for a., 'h' for 一、); parts of a split clause have none."""
        last = clause.id.rsplit("/", 1)[-1]
        return "#" if "#" in last or clause.role == "duplicate" else re.sub(r"[\d.-]+$", "", last)

    def descendants(self, clause: Clause) -> list[Clause]:
        out = []
        for ch in self.children.get(clause.id, []):
            out.append(ch)
            out.extend(self.descendants(ch))
        return out

    def said_by(self, word: str) -> int:
        """How many clauses say the word in their text or context (counted once per load and word)."""
        if word not in self._said_by:
            self._said_by[word] = sum(word in c.index_text for c in self.clauses)
        return self._said_by[word]

    def get(self, clause_id: str) -> Clause:
        try:
            return self.by_id[clause_id]
        except KeyError:
            raise UnknownClause(
                f"没有编号为 {clause_id!r} 的条款；用 `tiaowen ask --json` 查看检索结果中的 id / no clause with this id") from None

    def parent(self, clause: Clause) -> Clause | None:
        """The clause a clause stands under (an item's lead-in, an article's chapter), or None."""
        return self.by_id.get(clause.parent_id or "")

    def full_text(self, clause: Clause) -> str:
        """A clause with everything under it (an article with its items)."""
        parts = [clause.text] + [c.text for c in self.descendants(clause) if c.role in ("clause", "heading")]
        return "\n".join(parts)
