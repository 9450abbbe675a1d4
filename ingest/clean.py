"""Line-level cleaning of scraped regulation text: drop noise, re-join broken lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

CJK = "\u4e00-\u9fff"
# a sentence or a clause of one: up to and including 。！？；, or to a line break
SENTENCE = re.compile(r"[^。！？；;!?\n]+[。！？；;!?]?")
CN_NUM = "一二三四五六七八九十百千零〇两"

# A standard's code: DB33/T 932—2014, GB/T 1.1-2009, DB 33/T 932-2014, DB33T932-2014.
STD_CODE = re.compile(  # national, sector and local standards (GB/T, YD/T, DB33/T), group and enterprise ones (T/ZJEC, Q/XH)
    # (an enterprise's code may run its department's into it: "Q/LX-WL-003—2024", Q/LX-WL 003—2024)
    # (a region's two digits only after DB: "GB 18580—2017" was GB18 580—2017)
    r"(?:(?P<grp>[TQ])\s*/\s*(?P<assoc>[A-Z]{2,10}(?:-[A-Z]{1,10})*)-?|(?P<org>GB|DB|[A-Z]{2,3})(?P<reg>(?<=DB)\s*\d{2})?\s*/?\s*(?P<t>[TZ])?)\s*"
    r"(?P<num>\d{1,6}(?:\.\d+)?)\s*[—–\-]\s*(?P<year>(?:19|20)\d{2})"
)

# Phrases of document-sharing sites that are never part of a regulation.
BOILERPLATE = (
    "下载文档前请自行甄别",
    "仅部分预览",
    "如文档侵犯您的权益",
    "人工客服工作时间",
    "平台不提供额外的编辑",
    "本文档由用户上传",
    "侵权请联系",
    "原创力文档",
    "文档来源于网络",
)

# a web page's furniture around the text: the line of its facts under the title ("发布时间：2023-08-15 来源：市商务局
# 浏览次数：1024 字号：大 中 小"), its tools ("分享到：…", "打印本页 关闭窗口", "相关文件：…") and its footer ("版权所有：…
# ICP备…"), which ends the text
_WEB_COUNTS = "浏览次数|阅读次数|阅读量|点击数|访问量|浏览|阅读"  # a page's counts ("阅读次数：12873"), of it, not of the document
# (and an intranet's: "发布人：法务合规部 王若溪　|　浏览次数：3182　|　最后更新：2024-01-09 10:42", over the title of the
# first of two documents on the page; it was a document of its own, named by the file, probe P41)
WEB_FACT = re.compile(rf"(?:发布时间|发布日期|发文日期|成文日期|更新时间|最后更新|信息来源|来源|作者|发布人|{_WEB_COUNTS})\s*[：:]")
WEB_FONT = re.compile(r"(?:字号|字体)\s*[：:]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小")
# a side list's heading, its links dropped ("相关文档" / 《…》 links)
_SIDE_LIST = re.compile(r"^(?:相关文档|相关制度|相关下载|热门下载|热门文档)\s*[：:]?$")
WEB_TOOLS = re.compile(r"^[【\[]?(?:分享到|打印本页|打印此页|关闭窗口|相关文件|相关链接|相关阅读|相关新闻|上一篇|下一篇|扫一扫)|"
                       + _SIDE_LIST.pattern + "|"
                       r"^欢迎(?:访问|光临|来到)|(?:登录|登陆)\s*[|｜/]\s*(?:免费)?注册|注册\s*[|｜/]\s*(?:登录|登陆)|"  # a site's top bar
                       # (and a page's count that opens its line of tools: "浏览次数：1,284  打印本页  下载PDF版", probe P44)
                       r"^(?:浏览次数|阅读次数|点击数|访问量|阅读量)\s*[：:]\s*\d[\d,，]*\s*(?:次)?(?:[ \t\u3000]|$)")
# a controlled document's line of its own facts under the title ("文件编号：YF-WL-002　版本：A/0　编制部门：仓储物流中心"):
# no rule, and between a PDF's title and its contents it hid the title
# (and a web page's: "版本：2024年第2版 ｜ 发布：平台治理部 ｜ 最后更新：2024-04-10", "维护人：会员运营部 @李婷")
DOC_CONTROL = re.compile(r"(?:文件编号|文件编码|文件代码|文件类别|制度编号|标准编号|编号|版本号?|版次|编制部门|编制人?|制定部门|发布部门|发布单位|发布|"
                         r"发文部门|发文单位|发文机关|发文字号|文号|"
                         r"归口部门|主办部门|牵头部门|配合部门|起草部门|起草人|审核人?|批准人?|"
                         r"发布日期|生效日期|实施日期|施行日期|修订日期|更新日期|更新时间|最后更新(?:日期|时间)?|"
                         r"维护人|维护部门|密级|受控状态|分发号)\s*[：:]")


def _credit_line(line: str) -> bool:
    """Is the line a document's control facts (its credits): it opens with a control word, and each fact is short and no
    rule (_control_facts)?"""
    line = _WEB_COUNT_SAID.sub("", _NUMBERED_BY.sub("", line))  # (and a page's count: "发布单位：…  浏览次数：3127", probe P37)
    return bool(DOC_CONTROL.match(line)) and _control_facts(line)


# the document number a line of control facts may open with ("鲜速达〔2024〕骑服字第12号  发布单位：…  发布日期：…", probe P42)
_NUMBERED_BY = re.compile(r"^[\u4e00-\u9fff]{1,10}[〔\[［【]\d{4}[〕\]］】][\u4e00-\u9fff]{0,4}第?\d{1,5}号[ \t\u3000]+(?=\S)")


def _control_facts(line: str) -> bool:
    """Are a control line's facts each short and no rule? Each is read up to the next control word, or up to a bar
    between fields ("V3.2 ｜ 适用渠道：…" is two facts), without what it adds in brackets ("@李婷（如有疑问请…提问）")."""
    facts = [re.sub(r"[（(][^）)]*[）)]", "", f).strip(" 　；;，,。")
             for v in DOC_CONTROL.split(line)[1:] for f in re.split(r"\s*[|｜]\s*", v)]
    # (a name, a date, a number: not a clause, "编号：由系统自动生成，无需手工填写" of a form's instructions)
    return all(len(f) <= 24 and not _RULE_SAID.search(f) and not re.search(r"[，,；;]", f) for f in facts)


def _files_listed(lines: list[str], k: int) -> bool:
    """Is the attachment line ``lines[k]`` one of a list a lead-in's colon opens ("申诉材料格式要求如下：" / "附件：凭证.pdf
    10MB" / "附件：视频.zip 50MB"), which a rule goes on to speak of, not a download page's link?"""
    k -= 1
    while k >= 0 and (not lines[k].strip() or lines[k].strip().startswith("附件")):
        k -= 1
    return k >= 0 and lines[k].strip().endswith(("：", ":"))


# who compiled a handbook, under its title ("人力资源部 编"), not a rule's "年度经营计划由战略发展部编制"
_COMPILED_BY = re.compile(r"^[\u4e00-\u9fff]{2,16}(?:部|处|室|中心|公司|委员会|小组)\s*编(?:制|印|写|订)?$")
_DATED_CONTROL = re.compile(r"(?:生效日期|实施日期|施行日期|修订日期|印发日期|发文日期)\s*[：:]\s*\d{4}\s*(?:年|[-/.])")
# an official document's issuing line under its title ("发文字号：星禾直播〔2024〕3号　签发人：王总", "印发日期：2024年3月1日"):
# its 题注, as a dated control line is (it was a clause 第2段, cited for questions it shares no words with); in the body such a
# line is content ("版头依次标注下列要素：…发文字号：…　签发人：…")
ISSUING = re.compile(r"^(?:发文字号|文号|签发人|印发日期|发文日期|发布日期)\s*[：:]")


_WEB_COUNT = re.compile(rf"(?:{_WEB_COUNTS})\s*[：:]")
_WEB_COUNT_SAID = re.compile(rf"\s*(?:{_WEB_COUNTS})\s*[：:]\s*\d+\s*(?:次|人次)?")


def _under_title(blocks: list) -> bool:
    """Is the text read so far a document's title and nothing after it: a Markdown "# " heading, or a title line? (Not
    a control line above the title, which made a document of its own, nor one under "## 修订记录", an old revision's.)"""
    from .segment import starts_with_marker

    last = blocks[-1] if blocks else None
    return last is not None and (last.kind == "heading" and last.level == 1
                                 or last.kind == "text" and is_title_like(last.text) and not starts_with_marker(last.text))


# (not 供应链管理部, 应急管理办公室, 应付组)
_RULE_SAID = re.compile(r"负责|应当|(?<![供响适反对相回呼感效答])应(?![用链急届聘征]|付[组账款]|收账)|须|必须|不得|可以")
WEB_FOOTER = re.compile(r"版权所有\s*[：:©]|ICP备|网站标识码|公安机关备案号|Copyright\s*©|©\s*\d{4}")
# what closes a document and is none of its rules: its 版记 ("抄送：各事业部、品控部、法务部"), a page's edit stamp ("*本页面最后
# 编辑于 2024-06-01 18:22 · 会员运营部*", "建议使用Chrome浏览器访问") and a link to an attached file ("附件：数据处理协议模板.docx"):
# each ran into the last clause of a held-out probe's page or file
# (抄送 a list of bodies, not "抄送：需要知悉该事项的部门负责人" in a rule; a browser advised for the page, not an item "（二）
# 建议使用Chrome或Edge浏览器"; review)
END_MATTER = re.compile(r"^(?:抄送|抄报|主送|分送)\s*[：:]\s*[\u4e00-\u9fff（）()]{2,24}(?:\s*[、，,；;]\s*[\u4e00-\u9fff（）()]{2,24})+[。.]?$|"
                        r"^[*_]*(?:本页面?|本文|此页)?(?:最后|最近)?(?:编辑|修改|更新)于\s*\d{4}[-/.年]\d{1,2}[^。；;！？]{0,40}$|"
                        r"^(?![（(]?[一二三四五六七八九十\d]{1,2}[、.．)）])[^。；;！？]{0,50}建议使用[^。；;！？]{0,20}浏览器"
                        r"[^。；;！？]{0,4}(?:访问|浏览|查看|打开|登录)[^。；;！？]{0,8}$|"
                        r"^附件\s*\d*\s*(?:下载)?\s*[：:]?\s*(?:\[?[^。；;：:\s\[\]]{1,40}\.(?:docx?|xlsx?|pdf|pptx?|wps|zip|rar|txt)\]?"
                        r"\s*(?:[（(]?\s*[\d.]+\s*[KMG]B\s*[)）]?|[（(]\s*(?:已?下载|浏览)\s*[:：]?\s*\d+\s*次\s*[)）])?\s*[、，,；;]?\s*)+"
                        r"(?:[|｜]\s*(?:打印本页|打印|返回列表|返回|关闭窗口|关闭|收藏|分享)\s*)*$",
                        # ("附件下载：618客服FAQ.xlsx（23KB）", "附件：澜享〔2024〕18号.pdf（下载 312 次）"; and the page's tools after
                        # it, "附件：带教记录表.xlsx | 打印 | 返回列表", a clause of a held-out page)
                        re.IGNORECASE)

SENTENCE_PUNCT = "。！？；;!?，,：:"
TERMINAL = "。！？；;!?：:”」』）)…"
# a part of a code in plain text ("第三编 合同", "第一分编 通则"): a heading above its chapters, as Markdown's "## 第三编"
# (and a company rule's part, "第二部分 主播管理": it ran into the last item of the part before; a review)
PART_HEADING = re.compile(rf"^第[{CN_NUM}\d]+(?:(分)?编|部分)(?:[\s　]*[{CJK}][{CJK}\s　、和与及]{{0,20}})?$")
PAGE_NUMBER = re.compile(r"^\s*[-—–]?\s*(\d{1,3}|[IVXLC]{1,6}|[ivxlc]{1,6})\s*[-—–]?\s*$")
# a page's distribution marking, alone on its line ("云栖优品 内部资料 严禁外传"): a running header or footer, however few the
# pages (with two it was a heading over the articles after it, and ran into the last one)
_INTERNAL_ONLY = r"仅供内部(?:使用|参考|学习)|仅限内部(?:使用|传阅)"  # a marking that stands alone
_MARK = rf"(?:内部资料|内部文件|严禁外传|不得外传|请勿外传|注意保密|{_INTERNAL_ONLY})"
# a controlled copy's marking ("青橡优品跨境业务部制度文件（受控版本）"): a running header's sign beside a page number, in
# brackets (not a line of its own: "第二章 受控文件" is a heading of a document-control rule)
_CONTROLLED = r"[（(]\s*(?:内部)?受控(?:版本|文件|副本)?\s*[)）]"  # (and "（内部受控）", probe P41)
# (a name and a marking, or two markings, a space apart: not a table's cell, "客户名单\t严禁外传", a list's word, "内部资料、
# 客户名单", or a heading, "注意保密")
DISTRIBUTION_MARK = re.compile(rf"^(?:[\u4e00-\u9fffA-Za-z·]{{1,12}}[ 　]+{_MARK}|{_MARK}(?=[ 　])|{_INTERNAL_ONLY})(?:[ 　]+{_MARK})*$")
# a compilation's running header with its marking in brackets ("鹿鸣商城客服中心制度汇编（内部资料　注意保密）"), above a title:
# it was the title of the rule under it, whose own title became a clause
# (only above a rule's own title: not "员工保密管理制度（内部资料）" over "第一章 总则")
MARKED_HEADER = re.compile(rf"^[^。；;，,：:]{{2,30}}[（(]\s*{_MARK}(?:[ 　、，,]*{_MARK})*\s*[)）]$")
RULE_TITLE = re.compile(r"^[\u4e00-\u9fff（）()、]{2,40}(?:制度|办法|规定|规则|规范|条例|细则|标准|守则|须知|准则|指引|政策)$")
PAGE_OF = re.compile(r"^\s*[-—–]*\s*第\s*\d+\s*页\s*(?:[，,/／|｜·]?\s*共\s*\d+\s*页)?\s*[-—–]*\s*$|^\s*\d+\s*/\s*\d+\s*$"
                     r"|^\s*[（(]?续\s*上?\s*表[)）]?\s*$")  # and "续表", a table continued on a new page
# (a dash each side too: "— 第 1 页 —" titled probe P47's rules 《— 第 1 页 —禾集优选快递破损…管理办法》)
# a running header or footer beside a page number ("-- 云禾优选平台规则 · 内部资料 --" / "第 1 页 共 2 页", "云禾优选 售后服务部
# 文件编号SH-2023-07" / "- 2 -"): a short line with no sentence punctuation and a sign of one (a dashed rule around it, a
# separator, a document code, a marking); or a footer with its page number in it ("*本规范由采购中心负责解释 | 第 3 页*").
# Each ran into the clause the page broke ("…四十八小时内确认并退款；-- 云禾优选平台规则 · 内部资料 --逾期未确认的…")
# (or its parts set apart by bars: "禾悦优选商家规则中心 | 商家优惠券与满减活动规则 V3.2 | 内部公开", over each page of a PDF
# whose footer is "第 2 页 / 共 3 页"; it ran into the clause a page broke, probe P40)
_PARTED = r"[^|｜。；;，,：:！？]+(?:[|｜][^|｜。；;，,：:！？]+){2,}"
# (or its secrecy, "锦川服饰股份有限公司　内部管理制度　锦川发〔2023〕47号　密级：内部", probe P43)
# (in its brackets too: "…内部文件（密级：内部公开）", probe P65's header titled its PDF by the file's name)
_SECRECY = re.compile(r"密级\s*[：:]\s*(?:内部|秘密|机密|绝密|公开|内部公开|普通)\s*[)）]?$")
_RUNNING_SIGN = re.compile(rf"^[-—–*_=~]{{2,}}.+[-—–*_=~]{{2,}}$|^{_PARTED}$|{_SECRECY.pattern}|"  # (a rule on both ends)
                           rf"文件编号|编号\s*[：:]?\s*[A-Z]{{2,}}|{_MARK}|{_CONTROLLED}")
# a page header a PDF's extraction repeats on every page, with no page number beside it: a name, a marking and a document
# code a space apart ("澄川好物电子商务有限公司　财务中心　受控文件　CC-CW-2025-004"); not a form listed by its code
# ("退货申请单 QR-CS-001", two cells) nor a heading ("受控文件的发放")
_DOC_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,}(?:-[A-Z0-9]+){2,}(?![A-Za-z0-9])")


def cells(line: str) -> int:
    """How many cells a line has, split where spaces set its words apart ("新引入供应商（合作未满6个月） 对账确认后60日 银行转账": 3)."""
    return len(re.split(r"[ \t\u3000]+", line.strip())) if line.strip() else 0


def repeated_header(s: str) -> bool:
    """A line said at least twice in the text (the caller counts) that reads as a page header."""
    bare = s.strip("*_ ")
    return (len(bare) <= 60 and not re.search(r"[。；;，,：:！？]", bare) and cells(bare) >= 3
            and bool(_DOC_CODE.search(bare)) and bool(re.search(rf"{_MARK}|受控(?:版本|文件|副本)|公司|中心|部", bare)))
_PAGE_IN_LINE = re.compile(r"第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?")
# (or set apart at the line's end: "鹿鸣商城供应链管理部　　第 1 页 共 1 页")
_PAGE_AT_END = re.compile(r"[ \t\u3000]+" + _PAGE_IN_LINE.pattern + r"\s*$")  # (a plain text's 　 is a space by then)
_DASHED_PAGE_AT_END = re.compile(r"[ \t\u3000]{2,}[-—–]\s*\d{1,3}\s*[-—–]\s*$")
# a page pointed to ("详见第 12 页 · 附表二"), the words that point maybe naming what is there first ("运费标准见附表二 第 3
# 页"); not a title's 见 or 参考 ("…的指导意见　第 2 页", "…常见问题解答 第 2 页", "…采购参考价格管理办法 第 2 页")
_PAGE_CITED = re.compile(r"(?:见(?=[附表图第])|参阅|参照|载于|列于|附于)[^，,。；;]{0,10}?\s?第\s*\d+\s*页")


def running_line(s: str, beside_page: bool, starts_with_marker) -> bool:
    """Is this line a running header or footer (``beside_page``: the line before or after it is a page number)?"""
    bare = s.strip("*_ ")
    unmarked = _SECRECY.sub("", bare.replace("编号：", "编号"))
    if len(bare) > 60 or bare.startswith(("|", "｜")) or re.search(r"[。；;，,：:！？]", unmarked):
        return False
    if _PAGE_IN_LINE.search(bare) and (re.search(r"[|｜·•]", bare) or _PAGE_AT_END.search(bare)) \
            and not _PAGE_CITED.search(bare):
        return True
    if _DASHED_PAGE_AT_END.search(bare) and not starts_with_marker(bare):
        return True  # (a footer's title and its page number far apart: "供应商准入与采购管理办法        -5-"; probe)
    # (a standard's code and name, a wide gap, its marking: "Q/LWHG 203—2024　跨境电商零售进口清关申报作业标准　　　　蓝湾全球购
    # 企业标准（内部受控）" over "— 1 —", longer than most; probe P41's title held it)
    return beside_page and (len(bare) <= 40 or re.search(r"[ \t\u3000]{2,}", bare) is not None) \
        and not starts_with_marker(bare) and bool(_RUNNING_SIGN.search(bare))


# a line that names a standard by its code, then its name: an entry of a list of normative references
CITED_STANDARD = re.compile(r"(?:GB|DB\d{2}|[A-Z]{2,3}|[TQ]/[A-Z]{2,10})(?:\s*/\s*[TZ])?\s*\d{1,6}(?:\.\d+)?(?:\s*[—–\-]\s*(?:19|20)\d{2})?"
                            r"\s+[\u4e00-\u9fff]")
# a table-of-contents line: a dot leader and the page it points to at its end ("1 范围 ........ 1", "前言……II");
# "……" inside a sentence is an ellipsis ("第二十六条规定：“下列劳动合同无效……（二）…”"), not a leader
DOT_LEADER = re.compile(r"(\.{4,}|…{2,}|·{4,}|．{4,})\s*(?:[IVX]+|\d{1,3})?\s*$")
TOC_REF = re.compile(r"\s?[(（]\s*(?:[IVX]+|\d{1,3})\s*[)）]")
# the editions a standard replaces, after its code ("代替 GB/T 35273—2017、GB/T 35273—2020")
_CODE_ANY = re.sub(r"\(\?P<\w+>", "(?:", STD_CODE.pattern)  # (its groups unnamed, to be said more than once)
REPLACED = re.compile(rf"\s*代替\s*{_CODE_ANY}(?:\s*[、，,]\s*{_CODE_ANY})*\s*$")
COVER_LINE = re.compile(
    # (whose it is named in full: "悦颜美妆（杭州）电子商务有限公司企业标准" titled probe P60's standard)
    r"^(ICS\s*[\d.]+[^。]{0,30}|[A-Z]{2}\s*\d{0,2}|[A-Z]\s?\d{2}|[^。；;，,：:]{0,30}(地方|国家|行业|团体|企业)标准|"
    # (and its dates on the same line: "浙江禾木家居用品有限公司企业标准　　2024-05-10发布　　2024-06-01实施" ran into "前言"
    # under it, the foreword a paragraph; probe P43)
    r"[^。；;，,]{2,20}(?:地方|国家|行业|团体|企业)标准(?:[ \t\u3000]+\d{4}\s*[-—–]\s*\d{1,2}\s*[-—–]\s*\d{1,2}\s*(?:发\s*布|实\s*施)){1,2}|"
    # (the kind's code before whose it is: "Q/LW 宁波海曙蓝湾跨境贸易有限公司企业标准")
    r"[A-Z]{1,4}(?:\s*/\s*[A-Z]{1,8})?\s+[\u4e00-\u9fff（）()]{2,30}(?:地方|国家|行业|团体|企业)标准|"
    r"(?:\d{4}\s*[-—–]\s*\d{1,2}\s*[-—–]\s*\d{1,2}\s*(发\s*布|实\s*施)\s*){1,2}|.{2,20}发\s*布|目\s*次|目\s*录|"
    r"代\s*替\s*[A-Z][A-Z/ \-]{0,12}\d[^。；;]{0,60})$"  # ("代替 Q/YZ 003—2021": it was read as the first half of the title)
)
# a law's adoption note under its title: "（2023年9月28日…第五次会议通过）", "2018年8月31日…通过 根据…修正",
# "（…公布，自2024年1月1日起施行）": when it was made, no rule of it (LawRefBook keeps it above <!-- INFO END -->, and
# its Markdown may quote one in an appendix: a plain text's only)
ADOPTION_NOTE = re.compile(r"^[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^。！？]{0,200}?"
                           r"(?:通过|公布|发布|印发|修正|修订|施行|批准|颁布)[^。！？]{0,200}?[)）]?$")
# …and that is a note as a whole: in brackets, or without a rule's words ("2023年9月28日…会议通过"), not a body's line
# that starts with a date ("2020年6月1日前已经批准设立的平台，应当在本条例施行")
NOTE_ITSELF = re.compile(r"^[（(].*[)）]$|^(?!.*(?:应当|不得|必须|应|须|可以))")
HTML_COMMENT = re.compile(r"<!--.*?-->")
# a signature: the date a text was signed on, alone on its line, and the body that signs it on the line above
SIGNED_ON = re.compile(r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月"
                       r"[一二三四五六七八九十]{1,3}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$")
SIGNER = re.compile(r"^(?=.{2})[\u4e00-\u9fff（）()]{0,30}(?:局|厅|委|委员会|部|办公室|办公厅|公司|中心|政府|院|会|处|科|组)$")
# …or both on one line, the date maybe without its day ("青橡优品质量管理部　　2025年3月", under a Markdown rule's last clause)
SIGNATURE_LINE = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff（）()]{0,29}(?:局|厅|委|委员会|部|办公室|办公厅|公司|中心|政府|院|会|处|科|组)"
                            r"[ \t\u3000]+(?:\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})"
                            r"(?:印发|发布|制发|签发)?$")  # ("…办公室　　2024年4月16日印发", a 版记's)


def _signature_pair(line: str, before: str, after: str) -> bool:
    """In Markdown, a line of a two-line signature: the body ("栖湖到家循环业务部") over the date ("2025年4月20日"). (A
    date alone is no signature there: LawRefBook's notes are dates.)"""
    def signer(t: str) -> bool:
        return not t.startswith("#") and bool(SIGNER.match(_md_plain(t)))

    return signer(line) and bool(SIGNED_ON.match(_md_plain(after))) or bool(SIGNED_ON.match(line)) and signer(before)


BARE_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,4}")  # "3.1" alone on its line
# an article's, chapter's or section's number spread out by a PDF's justified line: "第 一 条", "第三 章"
SPACED_MARKER = re.compile(rf"^第(?=[{CN_NUM}\d\s　]*[\s　])[\s　]*[{CN_NUM}\d]+(?:[\s　]+[{CN_NUM}\d]+)*[\s　]*(?=[条章节编])")


def canonical_std_code(text: str) -> str | None:
    """'DB33T932-2014' → 'DB33/T 932—2014'; None when the text holds no standard code."""
    m = STD_CODE.search(text)
    if not m:
        return None
    if m["grp"]:
        return f"{m['grp']}/{m['assoc']} {m['num']}—{m['year']}"
    org = m["org"] + (m["reg"] or "").strip()
    slash = f"/{m['t']}" if m["t"] else ""
    return f"{org}{slash} {m['num']}—{m['year']}"


def norm(text: str) -> str:
    """Comparison form: no whitespace, unified dashes and punctuation widths."""
    text = re.sub(r"\s+", "", text)
    return text.translate(_NORM_TABLE)


_NORM_TABLE = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "–": "—", "-": "—"})


def has_cjk(text: str) -> bool:
    return re.search(f"[{CJK}]", text) is not None


# a row of a table laid out in spaces: three cells or more, each set apart by two spaces or more ("手机            7日
# 15日      1年" ran into the row below it: "…1年笔记本电脑 7日…")
TABLE_ROW = re.compile(r"^(?!.*[，。；：,;:])\s*(?:[^\s，。；：,;:]{1,15}(?: {2,}|\u3000{2,})){2,}[^\s，。；：,;:]")  # (short cells, no punctuation)


def table_cells(line: str) -> list[str]:
    """The cells of a table's row written with pipes or tabs ("| 违禁物品 | 管制刀具、仿真枪 | 拒收 |", a Word table's
    "活动类型\t活动价格要求"), empty ones kept ("耳机\t\t15日": dropping them moved the later cells under the wrong
    column), else none: their rows ran together ("…处理方式 || 违禁物品…", "价格保护期年中大促")."""
    t = line.strip()
    if t[:1] in ("|", "｜") and t[-1:] in ("|", "｜") and len(t) > 1:
        return [c.strip() for c in re.split(r"[|｜]", t[1:-1])]
    if "\t" in t:
        return [c.strip() for c in t.split("\t")]
    return inner_pipe_cells(t)


def inner_pipe_cells(line: str) -> list[str]:
    """The cells of a row written with pipes between its cells only ("虚构交易、刷单 | 严重违规 | 12分"), three or more,
    none empty; else none."""
    t = line.strip()
    if t[:1] in ("|", "｜") or "|" not in t and "｜" not in t:
        return []
    cells = [c.strip() for c in re.split(r"[|｜]", t)]
    return cells if len(cells) >= 3 and all(cells) else []


def pipe_row(line: str, before: str, after: str) -> bool:
    """Is a line with pipes between its cells a table's row: a line beside it has as many cells ("违规行为 | 违规类型 |
    每次扣分" over "商品描述不符 | 一般违规 | 2分" was dropped as a site's menu, and the rows ran together)?"""
    n = len(inner_pipe_cells(line))
    return n >= 3 and n in (len(inner_pipe_cells(before)), len(inner_pipe_cells(after)))


_RULE_CELL = re.compile(r"^:?-{2,}:?$")


def rule_row(cells: list[str]) -> bool:
    """Is a table's row the rule a Markdown table draws under its header ("|---|:---:|")?"""
    return all(_RULE_CELL.match(c) for c in cells if c)


def is_title_like(line: str, limit: int = 40) -> bool:
    """A short line with Chinese text and no sentence punctuation."""
    s = line.strip()
    if not (2 <= len(s) <= limit) or not has_cjk(s):
        return False
    # a page's navigation ("首页 | 文库 | 登录", "首页 > 法规库") or a table's row ("抽奖\t3天\t分管副总经理", cells a
    # tab apart as the .docx loader and a copied table write them) is no title
    return (not any(p in s for p in SENTENCE_PUNCT) and not NAVIGATION.search(s) and "\t" not in s
            and not TABLE_ROW.search(s))  # (nor its cells a run of spaces apart: "笔记本电脑      7日       15日")


_SEPARATOR = r"[|｜»]|\s[>＞›]\s"  # between the words of a menu, a breadcrumb or a table's row
NAVIGATION = re.compile(_SEPARATOR)
# a site's menu or breadcrumb: short words between separators ("首页 | 文库 | 登录", "首页 > 法规库 > 制度"), not a
# Markdown table's row ("| 刑法条文 |罪名 |")
_MENU_WORD = r"[^。；;，,|｜>＞›»\d]{1,12}"
MENU_LINE = re.compile(rf"^(?![|｜]){_MENU_WORD}(?:\s*(?:{_SEPARATOR})\s*{_MENU_WORD}){{2,}}$")


# what a document's title ends with: the kind of document it is (and a customer service's script, "…客服答问口径（2024年
# 版）": the second document of probe P41's intranet page ran on as the first's 第十八条第六款)
DOC_KIND = re.compile(r"(?:法|条例|办法|规定|细则|规则|规范|标准|制度|决定|决议|通知|通告|通报|公告|批复|意见|解释|守则|章程|须知|手册|"
                      r"指南|指引|预案|公约|准则|协议|清单|方案|规程|导则|(?<=[\u4e00-\u9fff]{2})(?:目录|流程|说明|口径))"
                      # (and a note of its edition: "…处理指引（客服中心版　2024年第2版）", probe P64's second document)
                      r"(?:[（(][^）)]{1,20}[)）])?$")
# a motto under a title or atop a page, phrases a space or comma apart ("品质为先 诚信共赢", "有求必应，件件有回音"): it titled probe
# P37's rules, the title above it read as a collection's; not an issuer's line ("最高人民法院 最高人民检察院")
_SLOGAN_PHRASE = re.compile(r"[\u4e00-\u9fff]{3,8}")
_ISSUER_END = re.compile(r"(?:院|会|部|局|厅|委|府|署|办|室|司|银行|分行|支行|社|所|中心|集团|协会)$")


def is_slogan(line: str) -> bool:
    # (set off by dashes: "——宠爱无忧，健康同行——" closed probe P57's first rules, and the second's title ran on as theirs)
    phrases = [p for p in re.split(r"[\s，,、·]+", re.sub(r"^[-—–~*=]{2,}(?=\S)|(?<=\S)[-—–~*=]{2,}$", "", line)) if p]
    return (2 <= len(phrases) <= 4 and all(_SLOGAN_PHRASE.fullmatch(p) and not _ISSUER_END.search(p) for p in phrases)
            and DOC_KIND.search(line) is None)


# 发文机关 + 关于 + 事由 + 的 + 文种: the form of an official document's title ("最高人民法院关于审理…若干问题的解释")
# (the kind may be qualified: "…的若干规定", "…的补充规定", "…的暂行规定"; issuers may be spaced: "最高人民法院  最高人民检察院")
OFFICIAL_TITLE = re.compile(r"^[\u4e00-\u9fff、\s]{2,30}关于[^。；;，,：:]{2,60}的(?:若干|有关|补充|特别|暂行|实施|具体|试行)*"
                            + DOC_KIND.pattern)
# a long title names the kind of document it is last: "最高人民法院、最高人民检察院关于办理…若干问题的解释" (77 of the 3,475
# titles of ../shared/laws are longer than 40 characters, none longer than 80)
LONG_TITLE = 80


def is_title_line(line: str) -> bool:
    """A line that may be a document's title: title-like, or a long one that ends in the kind of document it is."""
    return is_title_like(line) or is_title_like(line, LONG_TITLE) and DOC_KIND.search(line.strip()) is not None


@dataclass
class Block:
    """A physical paragraph after cleaning, or an event between paragraphs.

    kind: "text" | "heading" (Markdown heading, level in ``level``) | "inner" (a title line found between the
    articles of one document: a heading inside it) |
    "header" (a running page header naming a standard; ``text`` is its code) |
    "break" (download-site boilerplate: whatever came before has ended).
    """

    kind: str
    text: str = ""
    level: int = 0
    line: int = 0


# …and the same said in other words by other sites ("本文档由 某某文库 用户上传，仅供学习交流", "更多精品文档请访问 www.…")
BOILERPLATE_SAID = re.compile(r"本文档由.{0,20}(?:用户)?上传|仅供学习(?:交流|参考|使用)|(?:更多|海量).{0,8}(?:文档|资料|范文).{0,8}"
                              r"(?:请|敬请)?(?:访问|关注|下载|搜索)|[a-z0-9-]*(?:wenku|doc88|docin|book118)\.(?:com|cn|net)")


def _is_boilerplate(s: str) -> bool:
    return any(p in s for p in BOILERPLATE) or BOILERPLATE_SAID.search(s) is not None


_COVER_KIND = re.compile(r"[\u4e00-\u9fff（）()]{0,30}(?:地方|国家|行业|团体|企业)标准")  # ("栖湖到家电子商务有限公司企业标准", "金禧珠宝电商（深圳）有限公司…")
_COVER_DATE = re.compile(r"(\d{4})\s*[-—–]\s*(\d{1,2})\s*[-—–]\s*(\d{1,2})\s*(发\s*布|实\s*施)")
_COVER_ISSUER = re.compile(r"实\s*施\s*([\u4e00-\u9fff][\u4e00-\u9fff ]{1,58}?)\s*发\s*布")  # after the dates


def cover_line(text: str) -> str | None:
    """What a standard's cover says of it, as one line "封面：浙江省地方标准，2014-08-25 发布，2014-09-25 实施，
    浙江省质量技术监督局 发布" (the segmenter makes it a clause of its own: who issued a standard and when it took
    effect are asked, and are said nowhere else); None for a cover without its dates."""
    found = list(_COVER_DATE.finditer(text))
    if not found:
        return None
    dates = [f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d} {m[4][0]}{m[4][-1]}" for m in found]
    kind = _COVER_KIND.search(text)
    issuer = _COVER_ISSUER.search(text, found[-1].start(4))
    facts = [kind.group(0) if kind else "", *dates, f"{issuer.group(1)} 发布" if issuer else ""]
    return "封面：" + "，".join(f for f in facts if f)


def note_line(notes: list[str]) -> str:
    """A law's adoption notes as one line "题注：1993年10月31日…通过；…第二次修正" (the segmenter makes it a clause of its
    own: when a law was passed and last amended is asked, and said nowhere else)."""
    return "题注：" + "；".join(n.strip().strip("（()）").strip() for n in notes)


def _strip_cover_and_toc(s: str) -> str:
    """Remove a standard's cover page and table of contents run together in one line."""
    refs = list(TOC_REF.finditer(s))
    if s.startswith("ICS"):
        pos = s.find("前言", refs[-1].end() if len(refs) >= 3 else 0)
        if pos < 0 and len(refs) >= 3:
            pos = refs[-1].end()
        if pos < 0:
            return ""
        s = s[pos:]
    elif len(refs) >= 3 and ("目次" in s or "目录" in s):
        start = min(i for i in (s.find("目次"), s.find("目录")) if i >= 0)
        s = s[:start] + s[refs[-1].end():]
    return s


def _strip_page_artifacts(s: str) -> str:
    """Drop a page number / running header glued to the start of a line ('IDB33/T 932—2014II 前言…')."""
    m = re.match(r"^\s*[IVX]*\s*" + STD_CODE.pattern + r"\s*[IVX]*\s+(?=前言|引言|\d|[" + CJK + "])", s)
    if m and canonical_std_code(m.group(0)) and not re.search(f"[{CJK}]", m.group(0)):
        rest = s[m.end():]
        # keep the code when it is a title prefix ("DB 33/T 932—2014电子商务…"), not a header.
        if re.match(r"^\s*[IVX]+", s) or re.search(r"[IVX]+\s*$", m.group(0)):
            return rest
    return s


def _page_line(s: str) -> bool:
    return bool(PAGE_NUMBER.match(s) or PAGE_OF.match(s))


# Markdown's own marks, no characters of the text: a quote's ">" ("> 文件编号：…") and bold ("**2.1 先进先出**", its **
# left in the clauses beside it); not a "____" blank, nor __ (an identifier's "__init__")
_MD_QUOTE = re.compile(r"^(?:>\s*)+")
_MD_BOLD = re.compile(r"(?<!\*)\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?!\*)")  # (not __: "每月____日前…逾期____天")


_MD_NESTED_ITEM = re.compile(r"^(?P<indent>(?: {2,}|\t+))(?P<n>\d{1,2})[.、)]\s+")


def _md_nested(raw: str) -> str:
    """A Markdown list's item indented under another ("4. 下列情形不予赔付：" / "   1. 换货、维修产生的运费；") numbered as an
    item of an item, （1）, and one a level deeper ①, so that it stays under its lead-in (it was a sibling "1." of the outer
    list: two clauses had the same label, and "换货、维修产生的运费" was cited without the "不予赔付" that governs it)."""
    m = _MD_NESTED_ITEM.match(raw)
    if not m:
        return raw.strip()
    indent, n = m.group("indent"), int(m.group("n"))
    deep = indent.count("\t") >= 2 or indent.count(" ") >= 6
    marker = chr(0x2460 + n - 1) if deep and 1 <= n <= 20 else f"（{n}）"
    return marker + raw[m.end():].strip()


# a Markdown line of links within the page and nothing else: a contents list ("- [第一章 总则](#第一章-总则)"), "[返回顶部](#top)"
# (its 第一章 opened a chapter, and "- [" was a clause)
_MD_ANCHORS = re.compile(r"^(?:[-*+]\s+|\d+[.)]\s+|[（(]\d+[)）]|[\u2460-\u2473])?"
                         r"(?:\[[^\]]*\]\(#[^)\s]*\)\s*[|｜·、,，]?\s*)+$")


def _md_plain(line: str) -> str:
    return _MD_ITALIC_LINE.sub(r"\1", _MD_BOLD.sub(r"\1", _MD_QUOTE.sub("", line)))


# a line in italics, its * no characters of the text ("*本标准由会员运营部负责解释。如有疑问请联系…*": a checklist item
# "*本标准是否由会员运营部负责解释", probe P44); not a list's "* " bullet
_MD_ITALIC_LINE = re.compile(r"^\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*$")


_MD_FOOTER = re.compile(r"^[*_]*(?:Copyright\s*)?©|ICP备\s*\d|版权所有\s*©|©\s*\d{4}.{0,30}版权所有|公安机关备案号|网站标识码")
_MD_RULE = re.compile(r"应|须|不得|禁止|严禁|可以|^\s*(?:[-*+]\s|[|｜]|\d+[.、]|[（(][一二三四五六七八九十\d]+[)）])")


_ANNEX_OPENS = re.compile(r"附\s*录\s*[A-Z](?![A-Za-z0-9.])|附\s*件\s*[一二三四五六七八九十\d]{0,2}(?:\s|[：:]|$)")  # ("附录B", "附件2 …")


def _over_page(lines: list[str], no: int, counts: dict[str, int], most: int = 3) -> int:
    """Where a running header's lines end, the line after ``no`` (1-based) down to a page number ("第 1 页") each said on
    every page: the page number's line number, or 0 where there is none so."""
    seen = 0
    for k in range(no, min(len(lines), no + 2 * most)):
        x = _spaced(lines[k])
        if not x:
            continue
        if PAGE_OF.match(x) or PAGE_NUMBER.match(x):  # (or "— 1 —": probe P54)
            return k + 1
        seen += 1
        if seen >= most or counts.get(x, 0) < 2:
            return 0
    return 0


def _code_alone(s: str) -> bool:
    """Is the line a standard's code and nothing else ("Q/JX-YW-005-2024")?"""
    m = STD_CODE.search(s)
    return m is not None and norm(m.group(0)) == norm(s)


def _spaced(raw: str) -> str:
    """A plain-text line as it is read: stripped, a wide space an ordinary one."""
    return raw.strip().replace("\u3000", " ")


def clean_blocks(text: str, markdown: bool = False) -> list[Block]:
    """Split text into cleaned paragraphs and events, re-joining lines broken mid-sentence."""
    from .segment import starts_with_marker  # structure markers decide where lines may join

    text = HTML_COMMENT.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    lines = text.split("\n")
    counts: dict[str, int] = {}
    for raw in lines:
        s = _spaced(raw)  # (as each line is read below: a header "…有限公司\u3000内部制度 …" on every page of a PDF was
        # counted under one key and looked up under another, and never dropped; held-out probe)
        if s and len(s) <= 60:
            counts[s] = counts.get(s, 0) + 1

    blocks: list[Block] = []
    pending: list[str] = []  # lines of the current paragraph
    pending_line = 0
    number = ""  # a standard's clause number alone on its line, to open the next line
    cover: list[str] = []  # the lines of a standard's cover page, one per line: made into one line (cover_line)
    cover_at = 0
    notes: list[str] = []  # a law's adoption notes under its title: made into one line (note_line)

    def flush():
        nonlocal pending
        if pending:
            joined = "".join(pending).strip()
            if joined:
                blocks.append(Block("text", joined, line=pending_line))
        pending = []

    following = [""] * len(lines)  # the next non-empty line after each line
    for k in range(len(lines) - 2, -1, -1):
        following[k] = lines[k + 1].strip() or following[k + 1]

    def at_top() -> bool:
        """Is what was read so far the title that opens the file (a line, or two: "杭州悦购电子商务有限公司" / "员工手册"), and
        its 题注 or a note in brackets ("（2024年修订版）"), and nothing else?"""
        read = [t for t in [b.text for b in blocks] + (["".join(pending)] if pending else [])
                if not t.startswith("题注：") and not re.fullmatch(r"[（(][^（()）]{1,30}[)）]", t)]
        return 1 <= len(read) <= 2 and all(_under_title([Block("text", t)]) for t in read)

    def under_title() -> bool:
        """Is what was read so far a title and nothing after it, the line being read now (pending) included?"""
        return _under_title([Block("text", "".join(pending))] if pending else blocks)  # (only the last is read)

    previous = ""  # the last non-empty line before this one
    toc_lines: set[int] = set()  # the lines of a contents list under "目录" (contents)
    for no, raw in enumerate(lines, 1):
        s = _spaced(raw) if not markdown else _md_plain(_md_nested(raw))
        previous, line_before = (s or previous), previous
        if not s:
            if markdown:
                flush()
            continue
        if not markdown and TOC_TITLE.match(line_before) and no - 1 not in toc_lines:  # (each document's, in a compilation)
            toc_lines |= contents(lines, no - 1)
        if no - 1 in toc_lines:
            # a contents list without dot leaders or page numbers ("目录" / "一、总则" / "二、主播管理" …), as a web page or
            # a Word file without its fields writes it: each entry was a clause, and the heading it lists a duplicate
            flush()
            continue
        # a running header or footer that opens the text ("星禾电商 · 直播运营中心 · 内部资料" over the title): the title
        # is the line after it (they were joined into one title line)
        # (not a title that is its pages' header too, "星禾电商 内部资料管理规定" over "第一章 总则")
        if not markdown and not blocks and not pending and counts.get(s, 0) >= 2 and _RUNNING_SIGN.search(s) \
                and cells(s) >= 2 and (is_title_like(_SECRECY.sub("", s), 60) or re.fullmatch(_PARTED, s)) \
                and not starts_with_marker(s) \
                and is_title_like(following[no - 1]) and not starts_with_marker(following[no - 1]):
            continue
        # (or one every page repeats over its page number, the title under them: "苏州棠梨优品电子商务有限公司　　会员积分与
        # 优惠券管理规定（棠梨营〔2025〕11号）" / "第 1 页" / "会员积分与优惠券管理规定" was the title of every citation, the
        # company and the document number in it; probe P31)
        # (its lines down to the page number each said on every page: "拾光闲置平台规则 · 担保交易与资金结算规则（2024版）" /
        # "资金安全部" / "第 1 页" / "拾光闲置担保交易与资金结算规则" titled every citation by the header; probe P39)
        # (and further down, each of its lines: it ran into the article its page break cut, "资金安全部" a heading)
        if not markdown and counts.get(s, 0) >= 2 and is_title_like(s, 60) and not starts_with_marker(s) \
                and (page := _over_page(lines, no, counts)):
            if blocks or pending:
                continue
            # (past the standard's code, alone on its line: "金禧珠宝电商（深圳）有限公司企业标准" / "Q/JX-YW-005-2024" /
            # "— 1 —" / "Q/JX-YW-005-2024" / "贵金属回收与以旧换新业务操作规范" left the header a document of its own; probe P54)
            under = next((_spaced(x) for x in lines[page:] if _spaced(x) and not PAGE_OF.match(_spaced(x))
                          and not _code_alone(_spaced(x))), "")
            if is_title_like(under) and not starts_with_marker(under):
                continue
        # (or a standard's running header over its cover, which says its code again on a line of its own: "Q/YYYX 0003—2024
        # 售后服务与过敏投诉处理规范　　悦颜美妆（杭州）电子商务有限公司" / "…企业标准" / "Q/YYYX 0003—2024" was a document
        # of its own, probe P60; "车易达平台管理标准　Q/CYD 003—2024　二手车车况检测与信息披露管理标准" titled P59's)
        if not markdown and not blocks and not pending and counts.get(s, 0) >= 2 and cells(s) >= 2 \
                and (code := canonical_std_code(s)) and norm(STD_CODE.search(s).group(0)) != norm(s) \
                and any(_code_alone(y := REPLACED.sub("", _spaced(x))) and canonical_std_code(y) == code
                        for x in lines[no:no + FRONT_LINES]):
            continue
        if not markdown and (SIGNED_ON.match(s) or SIGNER.match(s) and SIGNED_ON.match(following[no - 1])) \
                or SIGNATURE_LINE.match(s) or markdown and _signature_pair(s, line_before, following[no - 1]):
            flush()  # a notice's signature, "办公室" / "2024年3月1日": no part of its last item
            continue
        if markdown and _MD_ANCHORS.match(s):
            flush()
            continue
        if markdown and s.startswith("#"):
            flush()
            m = re.match(r"^(#{1,6})\s*(.*)$", s)
            blocks.append(Block("heading", m.group(2).strip(), level=len(m.group(1)), line=no))
            continue
        # (not a line a sentence runs on into: "…作业标准见本制度附件" / "第二部分 作业标准表" / "执行。")
        if not markdown and (part := PART_HEADING.match(s)) and not (
                pending and pending[-1][-1] not in TERMINAL
                and (not is_title_like(pending[-1]) or starts_with_marker(pending[-1]))):
            flush()
            blocks.append(Block("heading", s, level=3 if part.group(1) else 2, line=no))
            continue
        if not markdown and ISSUING.match(s) and (under_title() or blocks and blocks[-1].text.startswith("题注：")) \
                and len(s) <= 80 and not _RULE_SAID.search(s):
            flush()  # (or the next line of it: "印发日期：…" under "文号：…　签发人：…")
            # (without a web page's counts, after a single space: "…发布日期：2024-05-20　浏览次数：2316")
            facts = "　".join(f for f in re.split(r"[ \u3000]{2,}", _WEB_COUNT_SAID.sub("", s)) if f)
            if blocks and blocks[-1].text.startswith("题注："):
                blocks[-1] = Block("text", blocks[-1].text + "　" + facts, line=blocks[-1].line)
            else:
                blocks.append(Block("text", note_line([facts]), line=no))
            continue
        # (one every page repeats is a PDF's running header, where a page breaks the text: "制度编号：RL-GYL-2024-05" ran into
        # the item it broke, "（二）…，经查实的；制度编号：RL-GYL-2024-05"; held-out probe)
        if counts.get(_spaced(raw), 0) >= 2 and _credit_line(s):
            continue
        # (or a line under the title that numbers and dates it, "SG-FIN-2024-002 2024年3月20日发布 2024年4月1日起施行": its
        # 题注; the title was read as a paragraph of a document named after its file, probe P39)
        if ISSUED_LINE.search(s) and len(s) <= 60 and not re.search(r"[。；;，,：:]", s) and under_title():
            flush()
            blocks.append(Block("text", note_line([s]), line=no))
            continue
        # (or one alone that dates the document under its title: "生效日期：2024年3月1日")
        # (or a document's credits under the title that opens the file, a line each: "编制：运营部 张三" / "审核：李四" /
        # "版本：V2.0", "人力资源部 编"; the title was read as a paragraph of a document named after its file. Not one alone:
        # "文件编号：…" between a cover's name and the title under it is the cover's; nor under a heading inside the text,
        # "# 职责分工" / "编制：各业务部门" / "审核：法务合规部", nor a list a lead-in's colon opens, "页眉应当包含以下字段：" /
        # "版本：文章当前版本号 ｜ 最后更新：最近一次修改日期")
        if _credit_line(s) and (len(DOC_CONTROL.findall(s)) >= 2 and not line_before.endswith(("：", ":"))
                                or _DATED_CONTROL.match(s) and under_title()
                                # (or any under a title the text starts right after, "仓配服务商管理办法" / "文件编号：…" /
                                # "第一条…": the title was a paragraph of a document named after its file)
                                or under_title() and starts_with_marker(following[no - 1])
                                or at_top() and (_credit_line(line_before) or _credit_line(following[no - 1]))) \
                or at_top() and _COMPILED_BY.match(s) and "由" not in s:
            # (each value short and no rule: "审核人：负责核对商品资质；批准人：负责最终批准上架。" is duties); one under
            # the title that dates the document is its 题注, the only place a Markdown rule says when it took effect
            # ("> 发布部门：循环业务部｜生效日期：2025年5月1日｜版本：V1.2")
            flush()
            if _DATED_CONTROL.search(s) and _under_title(blocks):
                # (without a web page's counts: "阅读次数：12873")
                facts = [f for f in re.split(r"\s*[|｜]\s*|[ \u3000]{2,}", s) if f and not _WEB_COUNT.match(f)]
                blocks.append(Block("text", note_line(["　".join(facts)]), line=no))
            continue
        # (a side list's heading that numbered rules go on after is theirs: "相关制度：" / 《…》 / "第三条 …")
        if not markdown and (len(WEB_FACT.findall(s)) >= 2 or WEB_FONT.search(s) or WEB_TOOLS.match(s) and not (
                _SIDE_LIST.match(s) and any(starts_with_marker(x.strip()) for x in lines[no:no + 12]))) \
                or END_MATTER.match(s) and not (s.startswith("附件") and _files_listed(lines, no - 1)):
            flush()
            continue
        if _is_boilerplate(s) or WEB_FOOTER.search(s) and (not markdown or "。" not in s and _MD_FOOTER.search(s)
                                                        and not _MD_RULE.search(s)):  # ("*© 2024 悦购平台 版权所有*")
            flush()
            if not blocks or blocks[-1].kind != "break":
                blocks.append(Block("break", line=no))
            continue
        code = canonical_std_code(s)
        # (with the editions it replaces, as a standard's cover says under its code: "Q/SG 0205—2024 代替 Q/SG 0205—2022"
        # ran into the name under it, 《Q/SG 0205—2024 代替 Q/SG 0205—2022拾光闲置验机及鉴定服务标准》; probe P39)
        if code and norm(STD_CODE.search(s).group(0)) == norm(REPLACED.sub("", s)):
            flush()
            blocks.append(Block("header", code, line=no))
            continue
        # (or a line every page repeats with a sign of one: a PDF's header that its extraction puts at the page's end,
        # "澄川好物电子商务有限公司　财务中心　受控文件　CC-CW-2025-004", which ran into 第九条 and headed 第二十一条)
        beside_page = _page_line(line_before) or _page_line(following[no - 1])
        if running_line(s, beside_page, starts_with_marker) \
                or counts.get(_spaced(raw), 0) >= 2 and repeated_header(s) and not line_before.endswith(("：", ":")):
            continue
        # (or a standard's code and name, maybe its owner, said on every page beside the page number: "Q/YYYX 0003—2024　售后
        # 服务与过敏投诉处理规范　　悦颜美妆（杭州）电子商务有限公司" ran into the clause the page broke, less the title; probe P60)
        if beside_page and counts.get(_spaced(raw), 0) >= 2 and canonical_std_code(s) and cells(s) >= 3 \
                and not re.search(r"[。；;，,：:！？]", s) and not starts_with_marker(s):
            continue
        if _page_line(s) or DISTRIBUTION_MARK.match(s) or MARKED_HEADER.match(s) and RULE_TITLE.match(following[no - 1]):
            continue  # a page break: the sentence it cut goes on after it ("…发现不合格商品的，应当" / "- 3 -" / "拒收…")
        if COVER_LINE.match(s) and not starts_with_marker(s):  # (not a heading, "第二章 评价的发布")
            flush()
            cover, cover_at = cover + [s], cover_at or no
            continue
        if cover and (said := cover_line(" ".join(cover))):  # the cover has ended (its dates said)
            blocks.append(Block("text", said, line=cover_at))
            cover, cover_at = [], 0
        elif cover and starts_with_marker(s):  # numbered text: what was kept was no cover with dates
            cover, cover_at = [], 0
        if not markdown and ADOPTION_NOTE.match(s) and NOTE_ITSELF.match(s):  # (a body's line that starts with a
            flush()                                                            # date is text: it was dropped)
            notes.append(s)
            continue
        if notes:
            blocks.append(Block("text", note_line(notes), line=no - 1))
            notes = []
        if DOT_LEADER.search(s) or MENU_LINE.match(s) and not starts_with_marker(s) \
                and not pipe_row(s, line_before, following[no - 1]):
            flush()
            continue
        if not has_cjk(s) and not re.search(r"\d", s) and not any(p in s for p in "。.;；"):
            flush()  # an English-only title line of a cover page
            continue
        body = _strip_cover_and_toc(s)
        if s.startswith("ICS") and (said := cover_line(s[: len(s) - len(body)])):  # a cover run together with the text
            flush()
            blocks.append(Block("text", said, line=no))
        s = _strip_page_artifacts(body).strip()
        if not s:
            continue
        s = SPACED_MARKER.sub(lambda m: re.sub(r"[\s　]", "", m.group()), s)  # "第 一 条" (a PDF's justified line)
        if number and _ANNEX_OPENS.match(s):
            blocks.append(Block("text", number, line=no - 1))  # (a table's last cell, "对应条款" / "5.4.3", over the next
            number = ""                                         # annex: "5.4.3 附录B…" was a second 5.4.3; probe P38)
        if number:  # "3.1" / "售后服务 after-sales service": a standard's term under its number on the line above
            s, number = f"{number} {s}", ""
        elif BARE_NUMBER.fullmatch(s) and not (pending and CITING_WORDS.search(pending[-1])):  # ("按照" / "4.2.1" /
            flush()                                                                        # "的要求…": cited)
            number = s
            continue
        # a short unpunctuated line repeated many times is a running header or footer, cutting a sentence as a page
        # number does; where it opens the text it is the title too
        # (not above a rule's own title: "华辰电商有限公司内部文件" / "物流异常与理赔处理细则" ran together as the first paragraph;
        # probe P22)
        if counts.get(s.replace("\u3000", " "), 0) >= 3 and is_title_like(s) and not starts_with_marker(s) \
                and (blocks or pending or RULE_TITLE.match(following[no - 1].strip())) and not line_before.endswith(("：", ":")):
            continue
        if pending and _continues(pending[-1], s, starts_with_marker):
            pending.append(s)
            continue
        flush()
        pending = [s]
        pending_line = no
    flush()
    return blocks


TOC_TITLE = re.compile(r"^目\s*[录次]$")
_TOC_PAGE = re.compile(r"[\s.·…．]*\d{1,3}$")  # an entry's page number, set after it


def _toc_entry(line: str) -> str:
    """A contents entry's words, without the page number set after it."""
    return _TOC_PAGE.sub("", line).strip() if not re.fullmatch(r"[\d.]+", line) else line


def contents(lines: list[str], start: int) -> set[int]:
    """The lines from ``start`` (the one under "目录") that are a contents list: two short headings or more, right after
    which the text says the first of them again, as its first heading (a list of documents to hand in under "目录" is no
    contents list, nor is a heading that the next rule of a compilation says too)."""
    taken: list[int] = []
    first = ""
    for k in range(start, min(len(lines), start + 200)):
        line = _spaced(lines[k])
        if not line:
            continue
        entry = _toc_entry(line)
        if taken and entry == first:
            return set(taken) if len(taken) >= 2 else set()
        if not is_title_like(entry, 30):
            return set()
        first = first or entry
        taken.append(k)
    return set()


def _continues(prev: str, line: str, starts_with_marker) -> bool:
    """Does ``line`` continue a sentence that ``prev`` broke off?"""
    if not prev or prev[-1] in TERMINAL:
        return False
    if CITING_END.search(prev) and CITED_START.match(line):
        return True  # "…并按照本办法" / "第四条的规定确定…": a line break inside a sentence that cites a clause
    if MEASURE_START.match(line) and "\t" not in prev + line and (
            AWAITS_NUMBER.search(prev) or not (numbered_heading(prev, starts_with_marker) or is_title_like(prev))):
        return True  # "…不得低于" / "3.5倍的客单价。": a quantity, not a clause 3.5 ("2.3 留存期限不少于" / "3 个月。")
    if (starts_with_marker(line) or line.startswith(("——", "- ", "#", "|")) or prev.endswith("|") or "\t" in prev + line
            or TABLE_ROW.search(prev) or TABLE_ROW.search(line) or inner_pipe_cells(prev) and inner_pipe_cells(line)):
        return False  # (a table's rows are lines of their own, its cells set apart by tabs or runs of spaces)
    if prev.endswith(("、", "，", ",")):
        return True  # no title or heading ends so: "…应当标明原产地、" / "保税或直邮方式…" (a short first line)
    if is_title_line(prev) and (len(prev) <= 24 or norm(line).startswith(norm(prev)[:8]) or OFFICIAL_TITLE.search(prev)):
        return False  # a heading or a title (often repeated on the next line), not a broken sentence
    if numbered_heading(prev, starts_with_marker):
        return False  # "一、总则" / "5.3 投诉处理" over its text: the heading is a line of its own
    if SALUTATION.match(line):
        return False  # "关于做好…工作的补充通知" / "各部门：": a notice's title, then whom it is addressed to (probe P34)
    if is_slogan(prev) and len({len(p) for p in re.split(r"[\s，,、·]+", prev) if p}) == 1 \
            and not re.match(r"[，,。；;、）)]", line):
        return False  # a motto of parallel phrases over the text: "快一秒出库，稳一步合规" / "编制说明：2023年度…" (probe P41)
    if ISSUED_LINE.search(prev) and not re.match(r"[，,。；;、）)]", line):
        return False  # the line under a title that says when it was issued and takes effect: "SG-FIN-2024-002 2024年3月20日
        # 发布 2024年4月1日起施行" / "编者按：…" ran together, and the title was read as no document's (probe P39)
    if BYLINE.match(prev) and not re.match(r"[，,。；;、）)]", line):
        return False  # who drew it up and whom it is for: "编制：客服中心质量组  适用：一线客服…" / "【说在前面】酒不同于…"
        # ran together, and the guide under it was filed as the standard's before it (probe P64)
    if FRONT_HEADING.match(line):
        return False  # a standard's "前言" under its title: "Q/LB 105-2024 服务质量评价与投诉处理规范前言" titled probe P61's
    return not is_title_like(line) or len(line) <= 6


# a line under a title of labels and values, who drew it up and whom it is for ("编制：客服中心质量组　　适用：一线客服、售后专员")
BYLINE = re.compile(r"^(?:(?:编制|起草|制定|编写|审核|批准|归口|适用(?:范围|对象|人员)?|版本|版次|生效日期|实施日期|发布日期)"
                    r"\s*[：:][^：:。；;]{1,30}?\s*)+$")

FRONT_LINES = 4  # how far under a standard's running header its cover says its code again, in lines

# the heading of a standard's front matter, alone on its line
FRONT_HEADING = re.compile(r"^(?:前\s*言|引\s*言|目\s*[次录])$")

# a line that ends in the date a document was issued or takes effect ("…2024年3月20日发布 2024年4月1日起施行")
ISSUED_LINE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*起?(?:发布|印发|施行|实施|生效|执行)$")


# whom a notice or a letter is addressed to, on a line of its own: "各部门：", "各合作仓库、各合作快递企业：", "尊敬的会员朋友："
SALUTATION = re.compile(r"^(?:各[\u4e00-\u9fff、，,（）()]{1,40}|(?:尊敬|亲爱)的[\u4e00-\u9fff]{1,12})[：:]$")


# a line that ends in the words that cite a clause ("…按照本办法", "…应符合") and one that starts with the clause cited
# ("第四条的规定…", "5.3的规定。"): one sentence
# (or in a document's title: "根据《电子商务法》" / "第十五条、第三十八条等规定，"; or the number cited alone on its line, as
# PDF text wraps: "按照" / "4.2.1" / "的要求…")
CITING_WORDS = re.compile(r"(?:本(?:法|条例|办法|规定|细则|规则|制度|标准|文件|规范)|符合|按照?|依照|依据|根据|参照|参见|见|执行|适用)$")
CITING_END = re.compile(r"(?:" + CITING_WORDS.pattern[:-1] + r"|》)$")
_REF_AFTER = r"(?:的|之规定|规定|所[列称述]|中|至|[、，,和及或])"
# (an article alone on its line is a heading, "《网店管理规范》" / "第一条" / "商家应当…"; a standard's number alone after the
# words that cite it is cited)
# (a space may stand between the number and 的 or 规定 after it, as Markdown and Word authors write: "按" / "4.2 的要求…";
# not before 中, 和 …: "第六章 法律适用" / "第四十条 中华人民共和国境内…" is a heading and an article)
_SPACED_REF_AFTER = r"\s+(?:的|之规定|规定|所[列称述]|(?:和|及|与|至|、)\s*(?:第|\d))"  # ("5.3 和 5.4 的要求")
CITED_START = re.compile(rf"第[{CN_NUM}\d]+[条章节](?:第[{CN_NUM}\d]+[款项])?(?:{_REF_AFTER}|{_SPACED_REF_AFTER})|"
                         rf"\d{{1,2}}(?:\.\d{{1,2}}){{1,4}}(?:第[{CN_NUM}\d]+[款项])?(?:{_REF_AFTER}|{_SPACED_REF_AFTER}|$)")
AWAITS_NUMBER = re.compile(r"(?:[少低高多大小短长]于|超过|达到|至少|最多|不足|满|为|约|共计|合计)$")  # a comparison broken off
# a number and its unit at the start of a line: the rest of a sentence broken before a quantity ("3.5倍", "5.0 %")
MEASURE_START = re.compile(r"\d+(?:\.\d+)?\s*(?:倍|%|％|‰|元|万元|千元|天|日内|小时|[hH](?![A-Za-z])|分钟|秒|次|件|"
                           r"个(?:工作日|月|小时)|公斤|千克|克|厘米|毫米|米|折)")
HEADING_WORDS = 15  # the most characters of a numbered heading's words ("5.3 投诉处理", "第一章 总则")


# what a list of prohibitions is headed by, its modal naming the kind of thing listed ("禁止事项", "严禁行为"; probe P22's
# "（三）禁止事项" / "处理物流异常过程中，…" ran together, "禁止事项处理物流异常过程中")
_PROHIBITIONS_NAMED = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:禁止|严禁|不得)性?(?:事项|行为|情形|清单|条款)$")


def short_heading(words: str) -> bool:
    """Words that head what follows them: a few, no sentence punctuation, no modal ("范围", "投诉处理", a standard's
    term with its English name "售后服务 after-sales service"), unless it names the prohibitions listed ("禁止事项")."""
    core = re.sub(r"[A-Za-z\s'-]", "", words)
    if _PROHIBITIONS_NAMED.match(core):
        return True
    return 2 <= len(core) <= HEADING_WORDS and is_title_like(words, 60) and not re.search(
        r"(?<![响适相反供对回呼感效答])应(?![用急收付聘届变])|(?<=[对相反])应当|须|不得|禁止|严禁|可以", words)  # (not 响应: "各渠道响应时限" is a heading)


def numbered_heading(line: str, starts_with_marker) -> bool:
    """A numbered line whose words after the number are a short heading."""
    from .segment import match_marker

    if not starts_with_marker(line):
        return False
    m = match_marker(line.lstrip("# "))
    return m is not None and short_heading(line.lstrip("# ")[m[2]:].strip())
