"""Find the documents in a file (a compilation may hold many) and segment each into clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .clean import (ADOPTION_NOTE, BYLINE, CITED_STANDARD, CN_NUM, DOC_KIND, OFFICIAL_TITLE, PART_HEADING, Block, canonical_std_code, cells,
                    clean_blocks, is_slogan, is_title_like, is_title_line, norm, note_line)
from .records import Document, doc_id_for
from .segment import Segmenter, build_clauses, cn_to_int, match_marker, near_duplicate, starts_with_marker

if TYPE_CHECKING:
    from .loaders import LoadedText

COUNT_SUFFIX = re.compile(r"[(（]\s*\d+\s*篇\s*[)）]\s*$")


def _title_name(title: str) -> str:
    """Comparison form of a title: no standard code, no '(3篇)', no whitespace, no Markdown '#' (in a .txt)."""
    t = COUNT_SUFFIX.sub("", title).strip().lstrip("#")
    code = canonical_std_code(t)
    if code:
        from .clean import STD_CODE
        t = STD_CODE.sub("", t, count=1)
    return norm(t).strip("《》")


def _display_title(title: str) -> str:
    t = COUNT_SUFFIX.sub("", title).strip().lstrip("#").strip().strip("《》")  # "# 测试规定乙" in a .txt
    code = canonical_std_code(t)
    if code:
        from .clean import STD_CODE
        name = STD_CODE.sub("", t, count=1).strip()
        return f"{code} {name}".strip()
    return t


@dataclass
class _Doc:
    title: str
    name: str
    code: str | None
    blocks: list[Block] = field(default_factory=list)


def _strip_title_prefix(text: str, doc: _Doc) -> str:
    """Remove a repeat of the title at the start of a paragraph ('电商规章制度电商规章制度…')."""
    original = text
    for _ in range(3):  # "标准X标准X…" may repeat more than once
        before = text
        s = text.lstrip()
        code_m = None
        if doc.code:
            from .clean import STD_CODE
            code_m = STD_CODE.match(s)
            if code_m and canonical_std_code(code_m.group(0)) == doc.code:
                s = s[code_m.end():].lstrip()
        n = norm(s[: len(doc.name) + 20])
        if doc.name and n.startswith(doc.name):
            # walk the original characters until the normalised prefix is consumed
            consumed, i = 0, 0
            while i < len(s) and consumed < len(doc.name):
                if not s[i].isspace():
                    consumed += 1
                i += 1
            s = s[i:]
            m = COUNT_SUFFIX.match(s) or re.match(r"^\s*[(（]\s*\d+\s*篇\s*[)）]", s)
            if m:
                s = s[m.end():]
            text = s
        elif code_m:
            text = s
        if text == before:
            break
    if text != original and (m := _TITLE_VARIANT.match(text)) and near_duplicate(m.group(1), doc.name, 0.7):
        # the title said again otherwise, as a subtitle ("…建设与管理业管理服务标准" then "…建设与管理服务标准第一章引言…"):
        # no clause of its own (it was the document's 第1段, a title for an answer to cite)
        text = text[m.end():]
    return text.strip()


# a run of words with no sentence punctuation before the document's first chapter or article, or alone
_TITLE_VARIANT = re.compile(rf"^\s*([^\s。，,；;：:！？!?、]{{6,60}}?)\s*(?=第[{CN_NUM}\d]+[编章节条]|$)")


_OPENS_RULES = re.compile(rf"^\s*第([{CN_NUM}\d]+)[编章条]")


# a title cut where it cannot end: "第二章 听取和审议人民政府、人民法院和" / "人民检察院的专项工作报告"
_OPEN_ENDED = re.compile(r"[和与及或、的对向其在关于]\s*$")


def _after_chapter_line(blocks: list[Block], i: int, open_ended: bool = False) -> bool:
    """Does the line follow a chapter's title line (``open_ended``: one cut where a title cannot end,
    "第二章 听取和审议人民政府、人民法院和" / "人民检察院的专项工作报告")? Then it is the rest of that title, or a section's
    title that lost its 第一节, never a heading between articles nor a document's title (after a Markdown chapter
    heading, only an open-ended one: the line that follows a complete one stays a heading of its own)."""
    prev = blocks[i - 1] if i else None
    return (prev is not None and prev.kind in ("text", "heading") and bool(re.match(r"第.{1,8}[编章节]", prev.text))
            and is_title_like(prev.text) and (not open_ended or bool(_OPEN_ENDED.search(prev.text))))


# an annex's line and the note of its kind under it: "附 录 A", "附录B（规范性）", "（资料性）"
# an annex's heading that names it ("附件 名词解释", "附件1：退货申请表", "附录A 术语")
_ANNEX_HEAD = re.compile(r"^附\s*[件录表]\s*(?:[\dA-Z一二三四五六七八九十]{1,3})?\s*(?:[：:、．.\s]|$)")
_ANNEX_LINE = re.compile(r"^附\s*录\s*[A-Z]\s*(?:[（(](?:资料性|规范性|提示的?|参考件|补充件)(?:附录)?[)）])?$|"
                         r"^[（(](?:资料性|规范性|提示的?|参考件|补充件)(?:附录)?[)）]$")


def _is_title(blocks: list[Block], i: int, known: dict[str, _Doc], first: bool) -> bool:
    b = blocks[i]
    s = b.text
    if (b.kind != "text" or not is_title_line(s) or starts_with_marker(s)
            or _after_chapter_line(blocks, i, open_ended=i > 0 and blocks[i - 1].kind == "heading")):
        return False
    name = _title_name(s)
    if not name or _TITLE_NOTE.match(s.strip()) or is_slogan(s.strip()):
        return False
    if any(x.kind == "text" and _ANNEX_LINE.match(x.text.strip()) for x in blocks[max(0, i - 2):i]):
        return False  # an annex's title ("附 录 A" / "（资料性）" / "偏远地区" / "A.1 偏远地区包括…" was a document of its own)
    if not first and _ANNEX_HEAD.match(s.strip()):
        return False  # (or one that says it is: "附件 名词解释" after 第三十一条 was a document of 4 clauses, probe P39)
    if name in known or canonical_std_code(s) and not _referenced(blocks, i):
        return True
    if i and blocks[i - 1].kind == "header" and blocks[i - 1].text not in known and (first or _OPENS_STANDARD.match(
            next((x.text for x in blocks[i + 1:i + 2] if x.kind == "text"), ""))):
        # a standard's name under its code, the first time the code is seen ("GB/T 41018—2024" / "网络零售…规范"), where the
        # file opens so or a standard's front matter follows (not a standard cited in a list of references)
        return True
    if first and i + 1 < len(blocks) and blocks[i + 1].kind == "header" and DOC_KIND.search(s.strip()) is not None \
            and not _named_under(blocks, i + 1):
        return True  # a file's title over its standard's code ("乐聚票务平台主办方入驻与资质审核管理规范" / "Q/LJ 0103—2024　代替
        # Q/LJ 0103—2022": the rules were titled by the file's name, and their title was a clause, 第1段; probe P56)
        # (not the series over a code with the name under it: "车易达平台管理标准" / "Q/CYD 003—2024" / "二手车车况检测与信息披露
        # 管理标准" was titled by the series, probe P59)
    nxt = next((x for x in blocks[i + 1:i + 2] if x.kind in ("text", "heading")), None)
    dated = False  # a note under it that dates or numbers it: a line that names a kind of document over it is a title
    for j in (2, 3):  # (and a motto: "…售后服务承诺书" / "放心买 · 安心退 · 用心服务，云禾相伴" / "尊敬的顾客：", probe P38)
        if nxt is None or nxt.kind != "text" or not _under_title(nxt.text):
            break
        dated = dated or bool(_DATED.search(nxt.text))
        # (what follows the notes under it: "…投诉处理规则" / "（2024年修订版，文号：云汐规〔2024〕12号）" / "第一章 总则" was
        # no title, the file's name titling the rules; probe P24)
        nxt = next((x for x in blocks[i + j:i + j + 1] if x.kind in ("text", "heading")), None)
    prev = next((x.text.strip() for x in reversed(blocks[:i]) if x.kind in ("text", "heading")), "")
    if dated and DOC_KIND.search(s.strip()) is not None and (
            not prev or prev[-1] in "。；;！!？?" or len(prev) <= 20 and _DATED.search(prev) is not None):
        return True  # ("临期商品处理规定" / "（商品运营中心  2024年5月  V1.0）" / "一、目的", after the last sentence or the
        # date of the document before it; not the rest of a title cut in two, "…关于办理…刑事案件" / "适用法律若干问题的解释")
    if prev and f"《{s.strip()}》" in prev and _ISSUED.search(prev):
        return True  # the rules a notice issues, named by it: "现将《锦川服饰…品牌保护与打假工作管理办法》印发给你们" / "锦川服饰…
        # 品牌保护与打假工作管理办法" / "“锦川”品牌创立于…" (they ran on as the notice's, probe P43)
    if nxt is None:
        return False
    if nxt.kind == "heading":
        return bool(PART_HEADING.match(nxt.text))  # a code's title, then its first part ("第一编 总则")
    if norm(nxt.text).startswith(name) or name in norm(nxt.text)[:200]:
        return True  # the body repeats the title
    m = _OPENS_RULES.match(nxt.text)
    if m:
        # a rules document: title, then 第一章/第一条; a heading line before 第六条 continues the one open
        # ("运输管理" where a scraped law lost its "第二章"), unless nothing came before it
        return first or cn_to_int(m.group(1)) == 1
    # an official document's title says who issues it about what, then its kind ("最高人民法院关于审理…案件若干问题的
    # 解释"): a title whatever follows it, a preamble included; a notice may leave its issuer to the signature
    # ("关于加强直播营销管理的通知" over "各部门：")
    # a file's first line that names a kind of document over numbered items ("客服管理制度" / "一、客服人员…") heads them
    kind = DOC_KIND.search(s.strip())
    # a file's first line over a salutation heads the letter ("蓝湾海购客户服务承诺（对外公示版）" / "尊敬的会员朋友：")
    # (or over text that soon names it by its kind: "蓝湾全球购进口商品溯源与中文标签管理细则" / "修订说明：…对本细则进行了…":
    # probe P41's hard-wrapped rules were named by their file, 《进口商品溯源与中文标签管理细则_第3版》)
    return (first and (is_title_like(nxt.text) or kind is not None and starts_with_marker(nxt.text)
                       or _ADDRESSEES.match(nxt.text) is not None
                       or kind is not None and _said_of_itself(blocks, i, kind.group()))
            or kind is not None and _names_itself(nxt.text, kind.group(), first)
            or kind is not None and _opens_another(blocks, i, name)
            or OFFICIAL_TITLE.search(s.strip()) is not None
            or _ISSUERLESS_TITLE.match(s.strip()) is not None and (first or _ADDRESSEES.match(nxt.text) is not None))


def _named_under(blocks: list[Block], i: int) -> bool:
    """Does a standard's name stand under its code at ``i``: a title line that names a kind of document?"""
    nxt = next((x for x in blocks[i + 1:i + 2]), None)
    return nxt is not None and nxt.kind == "text" and is_title_line(nxt.text) and not starts_with_marker(nxt.text) \
        and DOC_KIND.search(nxt.text.strip()) is not None


def _under_title(text: str) -> bool:
    """A line that stands under a title and is passed over to read what follows it: a note (_TITLE_NOTE), a motto, or a
    notice pinned atop a page ("【置顶提醒】5月起，涉及验真报告的纠纷请先…": probe P39's intranet page was titled by its
    file's name, 《04_交易纠纷与举报处理规程》)."""
    return _TITLE_NOTE.match(text.strip()) is not None or is_slogan(text.strip()) or _PINNED.match(text.strip()) is not None


_PINNED = re.compile(r"【[\u4e00-\u9fff]{2,6}】")  # "【置顶提醒】", "【温馨提示】"


def _referenced(blocks: list[Block], i: int) -> bool:
    """Is a line that names a standard by its code an entry of a list of normative references ("下列文件…必不可少的。" /
    "GB/T 18354 物流术语" / "GB/T 24616—2019 冷藏…"), not a standard's title? (It was a document of its own.)"""
    prev = next((x for x in reversed(blocks[:i]) if x.kind in ("text", "heading")), None)
    # (an entry of a Markdown list, "- GB 18584—2001 …": probe P55's fourth reference, "- QB/T 4371—2012 家具抗菌性能的评定",
    # was a document of 39 clauses, the standard's own sections filed under it)
    return prev is not None and (CITED_STANDARD.match(_BULLET.sub("", prev.text)) is not None
                                 or bool(_REFERENCES_LEAD.search(prev.text)))


_BULLET = re.compile(r"^\s*[-*+•·]\s+")


_REFERENCES_LEAD = re.compile(r"规范性引用文件|下列文件|下列标准|引用了下列")


_ONE_OFF = ("cn", "num", "pcn", "pnum", "rnum", "chapter", "article")  # numberings a document starts at one


def _opens_another(blocks: list[Block], i: int, name: str) -> bool:
    """Is a line that names a kind of document, further down a file, the title of the next one: its first item numbered
    one follows it ("售后服务管理规范" / "一、退货"), after a finished sentence (a compilation whose second title is not said
    again above its body was read as one document, that title run into the last sentence of the first)? Not a short
    heading inside a document ("考核办法" / "1. 每月考核一次"). A note under the title is passed over ("临期商品处理规定" /
    "（商品运营中心  2024年5月  V1.0）" / "一、目的": the rules were filed under the document before them; probe P36), and so
    is a motto ("…售后退换与投诉处理规程" / "有求必应，件件有回音" / "一、目的", probe P37); and the last row of a table ends
    what is before it as a sentence does."""
    j = i + 1
    while j < min(i + 3, len(blocks) - 1) and _under_title(blocks[j].text):
        j += 1  # (two notes: "编制：…　适用：…" / "【说在前面】…", probe P64)
    # (a motto that closes the one before, passed over: "第二十条 本制度自印发之日起施行。" / "保护观众隐私　守护数据安全" /
    # "乐聚票务平台电子票核验入场操作规程" / "（LJ-CZ-012…）" / "一、目的" ran on as the first's; probe P56)
    nxt, prev = blocks[j], next((x for x in reversed(blocks[:i]) if x.kind == "text" and not is_slogan(x.text.strip())), None)
    m = match_marker(nxt.text)
    return (len(name) >= 6 and m is not None and m[0] in _ONE_OFF
            and cn_to_int(m[1]) == 1
            and prev is not None and (prev.text.rstrip()[-1:] in "。；;！!" or _TABLE_CELLS.search(prev.text)
                                      and not starts_with_marker(prev.text) or _THE_END.match(prev.text.strip()))
            and not _numbering_goes_on(blocks, i, m[0]))


_TABLE_CELLS = re.compile(r"\S(?:\t| {2,}|\u3000{2,})\S")  # a row's cells set apart by a tab or a run of spaces
# a line that says the document before has ended ("（标准正文完）", "（全文完）", "以下无正文")
_THE_END = re.compile(r"^[（(【\[]?\s*(?:[\u4e00-\u9fff]{0,4}正文完|全文完|完|以下无正文|正文结束|全文结束)\s*[)）】\]]?$")


def _numbering_goes_on(blocks: list[Block], i: int, own: str) -> bool:
    """Does the text after line ``i`` go on with a numbering the text before it was in ("…二、退换货" / "退货处理规范" /
    "1. …" / "2. …" / "三、投诉处理", "第三条 …" / "客户投诉受理操作流程" / "（一）…" / "第四条 …"): the line is a heading
    inside the document, not the next one's title (a review: its 三、 and 第四条 were filed under it)? The next document
    starts its numbering again at one."""
    last: dict[str, int] = {}
    for b in blocks[max(0, i - 200):i]:
        if b.kind == "text" and (m := match_marker(b.text)) and m[0] in _ONE_OFF and m[0] != own:
            last[m[0]] = cn_to_int(m[1])
    for b in blocks[i + 2:i + 80]:
        if b.kind != "text" or not (m := match_marker(b.text)) or m[0] not in last:
            continue
        value = cn_to_int(m[1])
        if value == 1:
            return False
        if value == last[m[0]] + 1:
            return True
    return False


# a preamble that says why the rules below it were made: "为规范会员积分的发放和使用，…，制定本规则。"
_PREAMBLE = re.compile(r"^(?:为了?|根据|依据|按照|为进一步)[^。\n]{2,200}?(?:制定|制订|订立|修订|特制定)(?:本|此)([\u4e00-\u9fff]{1,6})")

# or one that says whom it serves: "说明：本口径供客服中心一线人员使用，…" (probe P41's second document, a customer service's
# script, ran on as the first's 第十八条第六款)
_FOR_WHOM = re.compile(r"^(?:说明\s*[：:]\s*)?本([\u4e00-\u9fff]{1,6}?)(?:仅供|供|适用于|仅限)")


_ISSUED = re.compile(r"印发|发布|转发|下发|颁布")


def _said_of_itself(blocks: list[Block], i: int, kind: str, within: int = 3) -> bool:
    """Does the text of the few paragraphs under a line speak of "本" + the kind of document the line ends in (本细则)?"""
    own = "本" + re.sub(r"[（(].*", "", kind)
    return len(own) >= 3 and any(own in x.text for x in blocks[i + 1:i + 1 + within] if x.kind == "text")


# or a note on how it was written that names it: "编制说明：2023年，…财务结算部在广泛征求卖家意见的基础上编制本规定。" (probe
# P67's second rules, after a table, ran on as the first's)
_NOTE_NAMES_IT = re.compile(r"^(?:(?:编制|修订|起草)说明|编者按)\s*[：:][^\n]{0,300}?(?:编制|制定|制订|形成|修订)(?:了)?本"
                            r"([\u4e00-\u9fff]{1,6})")


def _names_itself(text: str, kind: str, first: bool) -> bool:
    """Whether the paragraph under a line that names a kind of document is its preamble: a file's first line over "为…，
    制定本规则。" is its title (the rules of 会员积分 were cited 《points》, the file's name); further down a file the
    preamble must name the kind the line ends in ("电子商务平台管理办法" / "为…，制定本办法。")."""
    m = _PREAMBLE.match(text.strip()) or _FOR_WHOM.match(text.strip()) or _NOTE_NAMES_IT.match(text.strip())
    return m is not None and (first or m.group(1).startswith(re.sub(r"[（(].*", "", kind)))  # (法 is no 办法)


_OPENS_STANDARD = re.compile(r"^(?:封面：|前言|引言|目次|1\s*范围)")


# what stands under a title and names no document: a note in brackets ("（2024年3月修订）", "（内部资料 注意保密）") or a
# document number ("云栖发〔2024〕12号", "国发[2024]3号"); it was taken for the title of the rules below it; or such a note that
# cleaning made a 题注 already ("题注：文号：星河质〔2024〕9号 发布部门：…": the rules under it were filed under the file's name)
_ISSUE_NUMBER = r"[\u4e00-\u9fff]{1,10}[〔\[［【]\d{4}[〕\]］】]\s*第?\d{1,5}号"  # "云栖发〔2024〕12号"
_DOC_NUMBER = re.compile(r"(?=[^\u4e00-\u9fff]*\d)[A-Za-z][A-Za-z0-9/／\-—–_.· ]{4,30}")  # "XH/GL-NR-003-2024", no CJK
_DATE_SAID = r"\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?"  # "2024年3月", "2024 年 3 月 5 日"
_TITLE_NOTE = re.compile(r"^题注：|^[（(](?![一二三四五六七八九十\d]{1,3}[)）])[^（()）。；;]{2,60}[)）]$|"
                         rf"^{_ISSUE_NUMBER}$|"
                         rf"^{_DATE_SAID}(?:修订|修正|修改|发布|印发|施行|实施)?(?:版|稿)?$|"  # "2024年3月修订版"
                         # (or after the unit that issues it: "以换代修实施细则" / "售后服务部　2024年4月修订" / "一、适用范围"
                         # ran on as an FAQ annex's of the document before it; probe P51)
                         rf"^[\u4e00-\u9fff（）()]{{1,30}}?(?:部|中心|办公室|委员会|公司|处|科|组)\s+{_DATE_SAID}"
                         r"(?:修订|修正|修改|发布|印发|施行|实施|制定)?(?:版|稿)?$|"
                         # a masthead and the document's number on one line, under the title or over it ("游戏充值错充漏充
                         # 处理办法" / "星链游市平台客服中心文件　XL-KF-2024-07" / "第一章 总则": probe P45's rules were
                         # titled 《星链游市平台客服中心文件 XL-KF-2024-07》)
                         rf"^[\u4e00-\u9fff（）()·・]{{4,40}}文件\s*(?:{_DOC_NUMBER.pattern}|{_ISSUE_NUMBER})$|"
                         # who drew it up and whom it is for (clean.BYLINE: "编制：客服中心质量组　　适用：一线客服、售后专员";
                         # probe P64's guide ran on as the standard's before it)
                         rf"{BYLINE.pattern}")


_DATED = re.compile(r"\d{4}\s*年|\d{4}-\d{1,2}|[〔\[［【]\d{4}[〕\]］】]|发布|印发|施行|实施|修订|文号")
_ISSUERLESS_TITLE = re.compile(r"^关于[^。；;，,：:]{2,60}的(?:若干|有关|补充|特别|暂行|实施|具体|试行)*" + DOC_KIND.pattern)
# the addressees of a notice, on the line under its title: "各部门：", "各区县市场监督管理局，各有关单位："
_ADDRESSEES = re.compile(r"^[\u4e00-\u9fff、，,（）()\s]{2,60}[：:]\s*$")


# what a title's repeat adds: "（全文）", "全文", "（2019年修订）", "(试行)"
_REPEATED_TITLE = re.compile(r"[（(]?(?:全文|正文|全文内容|完整版|\d{4}年?(?:修订|修正|版)?|试行|暂行|修订|修正)[)）]?")


_SPACING = re.compile(r"[\s、，,]")  # what a title said again may space otherwise: "最高人民法院、最高人民检察院" / "最高人民法院 最高人民检察院"

# a heading line inside a document, level below the parts of a code (编 2, 分编 3): a chapter closes it
INNER_HEADING_LEVEL = 4


# a part of a judicial interpretation or a rules document numbered 一、二、 above its articles ("一、当事人举证",
# then "第一条 …"), as a plain-text copy writes its "## 一、当事人举证"
_NUMBERED_PART = re.compile(r"^\s*[一二三四五六七八九十]+、\s*(?P<name>.+)$")


def _inner_heading(blocks: list[Block], i: int, known: dict[str, _Doc]) -> bool:
    """A heading line between the articles of one document, not the title of another: "运输管理" where a
    scraped law lost its "第二章", followed by 第六条 (a new rules document starts at its 第一条); and a part numbered
    一、 followed by an article, its first included ("一、当事人举证" / "第一条 …")."""
    s = blocks[i].text
    part = _NUMBERED_PART.match(s)
    if part is not None:
        nxt = next((x for x in blocks[i + 1:i + 2] if x.kind == "text"), None)
        opens = _OPENS_RULES.match(nxt.text) if nxt is not None else None
        return is_title_like(part.group("name"), 24) and opens is not None and opens.group().endswith("条")
    if not is_title_like(s) or starts_with_marker(s) or _title_name(s) in known or canonical_std_code(s):
        return False
    if s.lstrip().startswith("——"):
        return False  # a "——" item, the last of its list before the next chapter ("—— 不准在人行道、小区内高速骑行" /
        # "第六章 附则" was lost; probe P42)
    if _after_chapter_line(blocks, i) or i and blocks[i - 1].kind == "heading":
        return False
    if i and cells(s) >= 3 and cells(blocks[i - 1].text or "") == cells(s):
        return False  # the last row of a table, its cells a space apart as a PDF's extraction writes them
    nxt = next((x for x in blocks[i + 1:i + 2] if x.kind == "text"), None)
    m = _OPENS_RULES.match(nxt.text) if nxt is not None else None
    return m is not None and cn_to_int(m.group(1)) > 1 and not norm(nxt.text).startswith(_title_name(s))


# a collection's own title over its first document's ("电商部规章制度汇编（2篇）" / "仓储物流部管理制度"): not one title broken
COLLECTION = re.compile(r"汇编|合集|选编|大全|文集|[（(]\s*\d+\s*[篇份个部]\s*[)）]\s*$")


def _join_broken_titles(blocks: list[Block]) -> list[Block]:
    """A title broken over lines ("北京市人民代表大会常务委员会任免" / "国家机关工作人员条例", or "最高人民法院" / "关于…制度" /
    "若干问题的解释") is one line again: where its parts make a title already seen (up to three lines), or where two
    open the file and only the second ends in the kind of document."""
    seen: set[str] = set()
    out: list[Block] = []

    def parts(i: int, k: int) -> list[Block] | None:
        run = blocks[i:i + k]
        ok = (len(run) == k and sum(len(x.text) for x in run) <= 60
              and all(x.kind == "text" and is_title_like(x.text) and not starts_with_marker(x.text)
                      and not _masthead_note(x.text) and not re.fullmatch(_ISSUE_NUMBER, x.text.strip()) for x in run))
        # (not a note, the document's number over its title: "车易达规〔2024〕07号" / "车易达二手车交易平台车商入驻与经营管理
        # 规范" were one title, probe P59)
        return run if ok else None

    i = 0
    while i < len(blocks):
        b = blocks[i]
        joined = None
        for k in (3, 2):
            run = parts(i, k)
            if run and _title_name("".join(x.text.strip() for x in run)) in seen:
                joined = run
                break
        if joined is None and (run := parts(i, 2)) and not any(x.kind == "text" for x in out) \
                and DOC_KIND.search(run[1].text) and not DOC_KIND.search(run[0].text) and not COLLECTION.search(run[0].text):
            joined = run  # the file opens with its title broken in two
        if joined:
            text = "".join(x.text.strip() for x in joined)
            out.append(Block("text", text, line=b.line))
            seen.add(_title_name(text))
            i += len(joined)
            continue
        if b.kind == "text" and is_title_like(b.text) or b.kind == "heading" and b.level == 1:
            seen.add(_title_name(b.text))
        out.append(b)
        i += 1
    return out


def split_documents(blocks: list[Block], fallback_title: str, one_document: bool = False) -> list[_Doc]:
    """Group cleaned paragraphs into documents by title lines, page headers and boilerplate.
    ``one_document``: the file is one document (LawRefBook), and a line that would start another
    ("法律责任" alone between two articles) is a heading inside it."""
    blocks = _join_broken_titles(blocks)
    docs: list[_Doc] = []
    known: dict[str, _Doc] = {}
    current: _Doc | None = None
    orphan: list[Block] = []  # content after boilerplate, before anything says whose it is
    repeat = -1  # the line that repeats the title before it
    fallback: _Doc | None = None  # the document named after the file, where the text opens with no title

    def doc_for(title: str) -> _Doc:
        name = _title_name(title)
        code = canonical_std_code(title)
        d = known.get(name) or (known.get(code) if code else None)
        if d is None:
            d = _Doc(_display_title(title), name, code)
            docs.append(d)
            known[name] = d
            if code:
                known[code] = d
        return d

    for i, b in enumerate(blocks):
        if b.kind == "heading" and b.level == 1:
            current = doc_for(b.text)
            continue
        if b.kind == "break":
            if current is None or any(x.kind in ("text", "heading", "inner") for x in current.blocks):
                current = None  # (a site's line right under a title ends nothing: its text follows)
            continue
        if b.kind == "header":
            d = known.get(b.text)
            if d is not None:
                if orphan:
                    d.blocks.extend(orphan)
                    orphan = []
                if current is None:
                    current = d
            continue
        if i == repeat:
            continue
        if b.kind == "text" and current is not None and _inner_heading(blocks, i, known):
            current.blocks.append(Block("inner", b.text, level=INNER_HEADING_LEVEL, line=b.line))
            continue
        if b.kind == "text" and _is_title(blocks, i, known, first=not docs and current is None):
            if one_document and current is not None:
                if _SPACING.sub("", _title_name(b.text)) == _SPACING.sub("", current.name):
                    # its own title said again ("最高人民法院 最高人民检察院" / "关于…" atop the body, or before the text an
                    # amending decision republishes): no heading, but nothing open before it runs on after it
                    current.blocks.append(Block("reset", line=b.line))
                    continue
                current.blocks.append(Block("inner", b.text, level=INNER_HEADING_LEVEL, line=b.line))
                continue
            nxt = next((x for x in blocks[i + 1:i + 2]), None)
            name, next_name = _title_name(b.text), _title_name(nxt.text) if nxt is not None else ""
            if nxt is not None and nxt.kind == "text" and next_name != name:
                if (_REPEATED_TITLE.fullmatch(next_name.removeprefix(name))
                        or _SPACING.sub("", next_name) == _SPACING.sub("", name)):
                    repeat = i + 1  # "X", then "X（全文）" or X spaced otherwise: one title, said twice
                elif _is_title(blocks, i + 1, known, first=False):
                    continue  # a collection's own title, directly followed by its first document's
            title = b.text
            if i and blocks[i - 1].kind == "header" and not canonical_std_code(title):
                title = f"{blocks[i - 1].text} {title.strip()}"  # a standard's code on its own line above its name
            elif not docs and nxt is not None and nxt.kind == "header" and not canonical_std_code(title):
                title = f"{nxt.text} {title.strip()}"  # (or below it)
            d = doc_for(title)
            if current is not None and current is fallback and d is not current and current.blocks and all(
                    x.kind != "text" or x.text.startswith("题注：") for x in current.blocks):
                # a note over the file's title is its own: "车易达规〔2024〕07号" / "车易达二手车交易平台车商入驻与经营管理规范"
                # left the number a document of one clause named after the file (probe P59)
                docs.remove(current)
                if known.get(current.name) is current:
                    del known[current.name]
                d.blocks[:0] = current.blocks
            elif d is current and d is fallback and (notice := _notice_above(d.blocks)):
                # the title of the document a file is named after, under a notice the page pins above it ("【通报】关于2024年
                # 第二季度投诉处理情况的通报" / its text / "Q/LB 105-2024 服务质量评价与投诉处理规范"): the notice is a document of
                # its own, not the standard's first clauses (probe P61)
                docs.insert(docs.index(d), _Doc(notice, _title_name(notice), None, d.blocks[1:]))
                d.blocks, d.title, d.code = [], _display_title(title), canonical_std_code(title)
                current = d
                continue
            if d is current and (m := _OPENS_RULES.match(nxt.text if nxt is not None else "")) and cn_to_int(m.group(1)) > 1:
                continue  # its title as a page's running header, the articles going on under it: the chapter stays open
            if d is current or d.blocks:
                d.blocks.append(Block("reset", line=b.line))
            current = d
            continue
        if current is None:
            if docs and not any(x.kind == "break" for x in blocks[:i]):
                current = docs[-1]
            elif not docs:
                current = fallback = doc_for(fallback_title)
            else:
                orphan.append(b)
                continue
        if (b.kind == "text" and _TITLE_NOTE.match(b.text.strip())
                and (b.text.startswith("题注：") or not starts_with_marker(b.text))):
            at = [j for j, x in enumerate(current.blocks) if x.kind == "text"]  # (read for a note only, not every block)
            if all(current.blocks[j].text.startswith("题注：") for j in at):
                # under its title: "题注：2024年3月修订"; the notes under it one 题注 ("（主播管理、广告宣传与禁用语）" /
                # "题注：2024年8月15日发布…" were two clauses of one label)
                note = b.text.strip().removeprefix("题注：") if b.text.startswith("题注：") else note_line([b.text])[3:]
                if at:
                    last = current.blocks[at[-1]]
                    current.blocks[at[-1]] = Block("text", f"{last.text}；{note}", line=last.line)
                    continue
                b = Block("text", "题注：" + note, line=b.line)
        current.blocks.append(b)
    if orphan:
        (docs[-1] if docs else doc_for(fallback_title)).blocks.extend(orphan)
    return [d for d in docs if any(b.kind in ("text", "heading", "inner") for b in d.blocks) and not _cover_only(d, docs)]


def _notice_above(blocks: list[Block]) -> str:
    """The title of a notice that opens a document's blocks, pinned ("【通报】关于…的通报"), with its text under it: the
    title without its pin; "" where the blocks open otherwise."""
    texts = [b for b in blocks if b.kind == "text"]
    if len(texts) < 2 or blocks[0] is not texts[0] or not (m := _PINNED.match(texts[0].text.strip())):
        return ""
    title = texts[0].text.strip()[m.end():].strip()
    return title if DOC_KIND.search(title) and is_title_line(title) and any(
        not is_title_like(b.text) for b in texts[1:]) else ""


def _cover_only(d: _Doc, docs: list[_Doc]) -> bool:
    """Is a collection's "document" ("…制度汇编·客户服务与店铺运营分册") its cover, before the documents it collects: short
    lines and no sentence ("杭州云栈电子商务有限公司" / "内部管理制度汇编" / "二〇二四年三月"), which were its four clauses?"""
    texts = [b.text for b in d.blocks if b.kind in ("text", "heading", "inner")]
    return (len(docs) > 1 and d is docs[0] and bool(COLLECTION.search(d.name)) and len(texts) <= 8
            and all(is_title_like(t) or _TITLE_NOTE.match(t.strip()) for t in texts))


# what a cover may say above a title: short lines without a sentence ("泊舟电子商务有限公司管理规范", "PZ/GL-WL-018-2025")
_COVER_SAYS = re.compile(r"^[^。；;！？!?：:]{2,40}$|^[\u4e00-\u9fff]{2,6}[：:][^。；;！？!?：:]{1,30}$")  # ("文件编号：PZ-…")
FRONT = 4  # how far into a file its title may stand under its cover, in lines


def _cover_above_title(blocks: list[Block], stem: str) -> list[Block]:
    """A file's title under lines of its cover, named by the file ("泊舟电子商务有限公司管理规范" / "PZ/GL-WL-018-2025" /
    "泊舟商城商品包装与绿色物流管理规范" in 商品包装与绿色物流管理规范.txt): the title heads the file, and the lines above it
    are its cover, "封面：…", under it. The document was titled by the file's name, and the three lines were clauses of it
    (第1段, 第2段, 第3段). Not where the first line is the title already, or where a line above holds a sentence."""
    # (its code before it, as a file may name it, "/" written "_": "T_ZJDS 021-2024 网络零售企业客户服务规范.pdf"; probe P38's
    # cover lines were a document of their own, titled 《JDS02 1—2024 T_Z 网络零售企业客户服务规范》)
    key = _title_name(_CODE_LEAD.sub("", stem))
    blocks = _join_broken_titles(blocks)  # (a title in two lines: "浙江云帆电子商务有限公司" / "直播带货管理规范")
    texts = [k for k, b in enumerate(blocks[:FRONT + 2]) if b.kind == "text"][:FRONT]
    if not texts or texts[0] != 0:
        return blocks
    # an official notice's masthead and number over its title ("…客户服务中心文件" / "云禾客服〔2024〕12号" / "关于贯彻实施…
    # 的通知"): its 题注, not a document of its own (probe P38's was one, of one clause, the number)
    if (texts[:3] == [0, 1, 2] and _MASTHEAD.fullmatch(blocks[0].text.strip()) and _TITLE_NOTE.match(blocks[1].text.strip())
            and _ISSUERLESS_TITLE.match(blocks[2].text.strip())):
        note = blocks[1].text.strip().removeprefix("题注：")
        return [Block("heading", blocks[2].text.strip(), level=1, line=blocks[2].line),
                Block("text", f"题注：{blocks[0].text.strip()}；{note}", line=blocks[0].line)] + blocks[3:]
    # (or its issuer's name over its number, the title naming its kind: "深圳市澜海跨境电子商务服务有限公司" / "澜海运营〔2024〕
    # 17号" / "澜海出海通海外仓头程物流与入仓管理办法" / "（2024年6月修订）" was a document of one clause titled by the company,
    # probe P67; the notes under the title join them)
    if (texts[:3] == [0, 1, 2] and _ISSUER_LINE.fullmatch(blocks[0].text.strip())
            and re.fullmatch(_ISSUE_NUMBER, blocks[1].text.strip().removeprefix("题注："))
            and is_title_line(blocks[2].text.strip()) and DOC_KIND.search(blocks[2].text.strip())):
        e = next((j for j in range(3, len(blocks)) if blocks[j].kind != "text" or not _TITLE_NOTE.match(blocks[j].text.strip())),
                 len(blocks))
        notes = [blocks[0].text.strip(), blocks[1].text.strip().removeprefix("题注：")] + [
            b.text.strip().removeprefix("题注：").strip("（()）") for b in blocks[3:e]]
        return [Block("heading", blocks[2].text.strip(), level=1, line=blocks[2].line),
                Block("text", "题注：" + "；".join(notes), line=blocks[0].line)] + blocks[e:]
    # (or both on one line over it: "星链游市平台客服中心文件 XL-KF-2024-07" / "游戏充值错充漏充处理办法")
    if (texts[:2] == [0, 1] and _masthead_note(blocks[0].text) and is_title_line(blocks[1].text.strip())
            and DOC_KIND.search(blocks[1].text) and not starts_with_marker(blocks[1].text.strip())):
        return [Block("heading", blocks[1].text.strip(), level=1, line=blocks[1].line),
                Block("text", f"题注：{blocks[0].text.strip()}", line=blocks[0].line)] + blocks[2:]
    # (or a standard's series over its code and its name, whatever the file is named: "车易达平台管理标准" / "Q/CYD
    # 003—2024" / "二手车车况检测与信息披露管理标准" was a document of its own, probe P59)
    if len(blocks) > 2 and blocks[1].kind == "header" and _named_under(blocks, 1) and _COVER_SAYS.match(blocks[0].text.strip()) \
            and is_title_like(blocks[0].text) and not starts_with_marker(blocks[0].text) and not canonical_std_code(blocks[2].text):
        cover, rest = [blocks[0].text.strip()], blocks[3:]
        if rest and rest[0].kind == "text" and rest[0].text.startswith("封面："):
            cover.append(rest.pop(0).text.removeprefix("封面："))
        return [Block("heading", f"{blocks[1].text.strip()} {blocks[2].text.strip()}", level=1, line=blocks[2].line),
                Block("text", "封面：" + "，".join(cover), line=blocks[0].line)] + rest
    # a document's number above its title, the file named otherwise: "XH/GL-NR-003-2024" / "星河直播购物平台直播营销内容
    # 管理规范" in XH-GL-NR-003-2024_live_content_standard.pdf (titled by the file's name, its number a clause; probe P35)
    coded = len(texts) > 1 and texts[1] == 1 and _DOC_NUMBER.fullmatch(blocks[0].text.strip()) is not None
    if not coded and (len(key) < 4 or key in _title_name(blocks[0].text)):
        return blocks
    for n, k in enumerate(texts[1:], 1):
        line = blocks[k].text.strip()
        named = key in _title_name(line) if len(key) >= 4 else False
        if not (named or coded and n == 1 and DOC_KIND.search(line)) or not is_title_line(line) or starts_with_marker(line):
            continue
        if coded and not named:  # (under the notes under the title, which stay its 题注: "（主播管理、广告宣传与禁用语）")
            e = next((j for j in range(k + 1, len(blocks)) if blocks[j].kind != "text"
                      or not _TITLE_NOTE.match(blocks[j].text.strip())), len(blocks))
            return [Block("heading", line, level=1, line=blocks[k].line), *blocks[k + 1:e],
                    Block("text", "封面：" + blocks[0].text.strip(), line=blocks[0].line)] + blocks[e:]
        cover = [blocks[j].text.strip() for j in texts[:n]]
        if any(not _COVER_SAYS.match(x) or starts_with_marker(x) for x in cover) or texts[:n] != list(range(n)) \
                or n == 1 and is_title_line(cover[0]) and blocks[k - 1].kind != "header":  # (a title over it, a
            return blocks  # series' or a running header's, is none of its text: split_documents passes it by; not a
            # series over the code the name is under, "车易达平台管理标准" / "Q/CYD 003—2024" / "二手车车况检测与信息披露
            # 管理标准", its cover: probe P59's was a document of its own, of one clause)
        if blocks[k - 1].kind == "header" and canonical_std_code(blocks[k - 1].text) and not canonical_std_code(line):
            line = f"{blocks[k - 1].text.strip()} {line}"  # (a standard's code on the line above its name, as split_documents reads it)
        rest = blocks[k + 1:]
        if rest and rest[0].kind == "text" and rest[0].text.startswith("封面："):  # (the cover's dates under the name: one)
            cover.append(rest.pop(0).text.removeprefix("封面："))
        return [Block("heading", line, level=1, line=blocks[k].line),
                Block("text", "封面：" + "，".join(cover), line=blocks[0].line)] + rest
    return blocks


_MASTHEAD = re.compile(r"[\u4e00-\u9fff（）()]{4,40}文件")
_ISSUER_LINE = re.compile(r"[\u4e00-\u9fff（）()]{2,30}(?:有限公司|有限责任公司|股份公司|集团|委员会|协会|研究院)")  # an issuer alone


def _masthead_note(text: str) -> bool:
    """A masthead and the document's number on one line ("星链游市平台客服中心文件 XL-KF-2024-07"): no part of a title."""
    return bool(_MASTHEAD.match(text.strip()) and _TITLE_NOTE.match(text.strip()))


# (letters and digits, a space or "_" before the name: not "2024" of "2024年双11活动规则", nor "12315" of "12315投诉处理规范")
_CODE_LEAD = re.compile(r"^(?=[\x21-\x7e ]*[A-Za-z])(?=[\x21-\x7e ]*\d)[\x21-\x7e ]+?[\s_]+(?=[\u4e00-\u9fff])")


_VERSION = re.compile(r"\((\d{4}-\d{2}-\d{2})\)$")  # "公司法(2023-12-29).md": the version in a file name


def parse_text(text: str, source: str, markdown: bool = False) -> list[Document]:
    """Parse one file's text into documents with their clause records."""
    lawref = markdown and "<!-- INFO END -->" in text
    if lawref:
        # LawRefBook: the title line, then dates and notes until the INFO END marker
        head, _, body = text.partition("<!-- INFO END -->")
        titles = [ln for ln in head.splitlines() if ln.startswith("# ")]
        # one file is one document: the body's headings move one level down, so a "# 法律责任" in the
        # body is a heading, not a new document's title; a second title line names the part of a law
        # the file holds (民法典/合同编.md: "# 中华人民共和国民法典", "# 合同编"), which then heads the body,
        # so the part is in every clause's path and its 第一章 is told from the other parts' 第一章
        body = re.sub(r"^(#{1,5})(?=\s)", r"#\1", body, flags=re.M)
        # its adoption notes ("1993年10月31日…通过", "…第二次修正"): one clause, 题注, under the title (not in a file
        # of one part: every part's file has the same notes, which would be one clause in several files)
        notes = [ln.strip() for ln in head.splitlines() if ADOPTION_NOTE.match(ln.strip())] if len(titles) < 2 else []
        text = (titles[0] if titles else "") + "\n\n" + (f"{note_line(notes)}\n\n" if notes else "") + \
            "".join(f"#{t}\n\n" for t in titles[1:]) + body
    blocks = clean_blocks(text, markdown=markdown)
    stem = _VERSION.sub("", Path(source).stem)
    if markdown and not any(b.kind == "heading" and b.level == 1 for b in blocks):
        blocks.insert(0, Block("heading", stem, level=1))
    elif not lawref:
        blocks = _cover_above_title(blocks, stem)
    docs = split_documents(blocks, stem, one_document=lawref)
    out = []
    for d in docs:
        seg = Segmenter()
        started = False
        for b in d.blocks:
            if b.kind == "reset":
                seg.reset()
            elif b.kind in ("heading", "inner"):
                seg.heading(b.text, b.level, inner=b.kind == "inner")
            elif b.kind == "text":
                t = _strip_title_prefix(b.text, d) if not started or b.line and _starts_with_title(b.text, d) else b.text
                started = True
                if t:
                    seg.paragraph(t)
        clauses, dups = build_clauses(d.title, seg, source)
        out.append(Document(doc_id_for(d.title), d.title, source, tuple(clauses), tuple(dups)))
    return out


def version_of(source: str) -> str:
    """The version a file name gives ("公司法(2023-12-29).md" → "2023-12-29"), or ""."""
    m = _VERSION.search(Path(source).stem)
    return m.group(1) if m else ""


def retitled(doc: Document, title: str) -> Document:
    """The same document under another title (another version of a law already in the knowledge base):
    new ids, the same structure and indexed text."""
    new, old = doc_id_for(title), doc.doc_id

    def sub(cid: str | None) -> str | None:
        return new + cid[len(old):] if cid and cid.startswith(old + "/") else cid

    clauses = tuple(replace(c, id=sub(c.id), doc_id=new, document=title, parent_id=sub(c.parent_id),
                            near_dup_of=sub(c.near_dup_of)) for c in doc.clauses)
    return Document(new, title, doc.source, clauses, tuple((sub(a), sub(b)) for a, b in doc.near_duplicates))


def _starts_with_title(text: str, d: _Doc) -> bool:
    return bool(d.name) and norm(text[: len(d.name) + 30]).find(d.name) in (0,) or (
        d.code is not None and canonical_std_code(text[:30]) == d.code)


def parse_file(path: str | Path, loaded: LoadedText | None = None) -> list[Document]:
    """Load a file of any supported format and parse it into documents (``loaded``: its text, read already)."""
    from .loaders import load_file

    loaded = loaded or load_file(path)
    return parse_text(loaded.text, str(path), markdown=loaded.format == "md")
