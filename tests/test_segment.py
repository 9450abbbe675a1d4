"""Tests for the clause segmenter: ingest.documents.parse_text over clean/segment/records.

Golden tests on small hand-written inputs for every numbering style, cleaning of scraped
noise, document splitting, stable ids, the seed corpus, and the LawRefBook laws (when present).
Tests that show a defect of the segmenter are kept and marked xfail(strict=True) with the defect.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from any directory

from ingest.clean import norm  # noqa: E402
from ingest.documents import parse_text  # noqa: E402
from ingest.loaders import load_file  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "电子商务企业服务与管理规范.txt"
LAWS = Path(__file__).resolve().parents[2] / "shared" / "laws"
LAWS_MISSING = "../shared/laws not found: the law corpus is only present in CI and dev machines"

ARTICLE_LINE = re.compile(r"^第[一二三四五六七八九十百千零〇两\d]+条", re.M)
SENTENCE_END = "。！？；;!?：:”」』）)…"


# -- helpers -----------------------------------------------------------------------------


def parse(text: str, source: str = "T.txt", markdown: bool = False):
    return parse_text(text, source, markdown=markdown)


def only_doc(text: str, source: str = "T.txt", markdown: bool = False):
    docs = parse(text, source, markdown)
    assert len(docs) == 1, [d.title for d in docs]
    return docs[0]


def indexed(doc) -> list:
    return [c for c in doc.clauses if c.role == "clause"]


def pairs(doc) -> list[tuple[str, str]]:
    """(label, text) of the indexed clauses, in order."""
    return [(c.label, c.text) for c in indexed(doc)]


def all_indexed(docs) -> list:
    return [c for d in docs for c in indexed(d)]


def by_label(doc) -> dict:
    return {c.label: c for c in indexed(doc)}


# -- 1. golden tests per numbering style ---------------------------------------------------

LAW_CHAPTERS = """\
第一章 总则
第一节 一般规定
第一条 为了规范电子商务行为，制定本办法。
第二条 本办法适用于平台经营者。依照本法第十条规定办理登记。
第二节 其他规定
第三条 经营者应当遵守本办法第二条的规定。
第二章 附则
第四条 本办法自发布之日起施行。
"""

RUN_TOGETHER_IN_CONTEXT = """\
第十条电商企业应当建立完善的客户服务制度。
第三章企业经营行为第十一条电商企业应当诚信守法。第十二条电商企业应当尊重消费者权益。
"""

ITEMS_PCN = """\
第六条 售后服务内容：
（一）退换货政策：明确退换货条件、流程及时限。
（二）维修服务：提供商品维修服务，确保商品质量。
第七条 客户关系管理内容：(一)客户信息收集：收集、整理客户信息。(二)客户需求分析：分析客户需求，调整商品结构。
"""

ITEMS_NESTED = """\
一、平台准入管理
1.商家资质审核：平台应建立严格的商家入驻审核机制。
2.商品审核：平台应对商家上架的商品进行审核。
二、交易管理
1、订单处理：平台应建立完善的订单处理系统。
2、支付安全：平台要保障支付环节的安全。
（1）支付信息应当加密存储，防止泄露。
（2）退款应当原路退回，及时到账。
三、售后服务管理：
a. 售后投诉处理：建立客户投诉处理机制，及时回应用户的投诉。
b. 售后配送服务：对于退货、换货等需求，提供快速处理。
"""

ITEMS_RUN_IN = "一、管理制度(一)考虑到电子商务工作的特殊性，故早上上班时间适当调整。(二)请假必须提前一天向部门经理提出书面申请。\n"

ITEMS_THREE_LEVELS = """\
一、管理制度
（一）考勤管理：员工应当按时上下班，不得迟到早退。
1.迟到三次以上的，给予警告处分。
2.旷工一日的，扣发当日工资。
（二）请假管理：请假必须提前一天提出书面申请。
二、奖惩制度
（一）表现优秀的员工给予奖励。
"""

STD_TITLE = "DB33/T 932—2014 电子商务企业管理与服务规范"
STD = """\
DB33/T 932—2014 电子商务企业管理与服务规范
5 服务要求
5.1 基本要求
5.1.1 建立服务保障机制，定期对服务质量进行评价评估。
5.1.2 为客户提供便捷快速的服务。
5.2 服务体系
5.2.1 交易型电子商务企业
5.2.1.1 建立方便、易用、完善的服务机制，能够满足网上用户的服务需求。
5.2.2 第三方平台型电子商务企业
5.2.2.1 建立方便、易用、完善的服务平台，按5.2.1的要求配置设施。
5.2.2.2 建立明确、详实的交易和服务规则，置于网站首页显眼位置，包括：
——营业执照、组织机构代码证；
——经营地址、电话号码等联系信息。
5.2.2.3 有完善的客服制度，确保服务渠道畅通。
"""


def _s(label: str) -> str:
    return f"《{STD_TITLE}》{label}"


GOLDEN = [
    pytest.param(
        LAW_CHAPTERS, "T.txt", False,
        [
            ("《T》第一条", "第一条 为了规范电子商务行为，制定本办法。"),
            ("《T》第二条", "第二条 本办法适用于平台经营者。依照本法第十条规定办理登记。"),
            ("《T》第三条", "第三条 经营者应当遵守本办法第二条的规定。"),
            ("《T》第四条", "第四条 本办法自发布之日起施行。"),
        ],
        id="chapter-section-article",
    ),
    pytest.param(
        RUN_TOGETHER_IN_CONTEXT, "T.txt", False,
        [
            ("《T》第十条", "第十条电商企业应当建立完善的客户服务制度。"),
            ("《T》第十一条", "第十一条电商企业应当诚信守法。"),
            ("《T》第十二条", "第十二条电商企业应当尊重消费者权益。"),
        ],
        id="chapter-and-articles-run-together-after-article-10",
    ),
    pytest.param(
        "第三章企业经营行为第十一条电商企业应当诚信守法。第十二条电商企业应当尊重消费者权益。\n", "T.txt", False,
        [
            ("《T》第十一条", "第十一条电商企业应当诚信守法。"),
            ("《T》第十二条", "第十二条电商企业应当尊重消费者权益。"),
        ],
        id="chapter-and-articles-run-together-alone",
    ),
    pytest.param(
        "第二章服务平台的定位和功能2.1 服务平台定位公共服务平台是指在线平台。\n2.2 服务平台功能平台应具备以下功能。\n"
        "第三章建设与管理服务标准3.1 平台建设标准平台的界面设计应简洁清晰。\n", "T.txt", False,
        [
            ("《T》2.1", "2.1 服务平台定位公共服务平台是指在线平台。"),
            ("《T》2.2", "2.2 服务平台功能平台应具备以下功能。"),
            ("《T》3.1", "3.1 平台建设标准平台的界面设计应简洁清晰。"),
        ],
        id="chapter-and-standard-numbering-run-together",
    ),
    pytest.param(
        ITEMS_PCN, "T.txt", False,
        [
            ("《T》第六条（一）", "（一）退换货政策：明确退换货条件、流程及时限。"),
            ("《T》第六条（二）", "（二）维修服务：提供商品维修服务，确保商品质量。"),
            ("《T》第七条（一）", "(一)客户信息收集：收集、整理客户信息。"),
            ("《T》第七条（二）", "(二)客户需求分析：分析客户需求，调整商品结构。"),
        ],
        id="article-items-fullwidth-and-halfwidth-parens",
    ),
    pytest.param(
        ITEMS_NESTED, "T.txt", False,
        [
            ("《T》一、1.", "1.商家资质审核：平台应建立严格的商家入驻审核机制。"),
            ("《T》一、2.", "2.商品审核：平台应对商家上架的商品进行审核。"),
            ("《T》二、1.", "1、订单处理：平台应建立完善的订单处理系统。"),
            ("《T》二、2.", "2、支付安全：平台要保障支付环节的安全。"),  # a rule of its own before its items
            ("《T》二、2.（1）", "（1）支付信息应当加密存储，防止泄露。"),
            ("《T》二、2.（2）", "（2）退款应当原路退回，及时到账。"),
            ("《T》三、a.", "a. 售后投诉处理：建立客户投诉处理机制，及时回应用户的投诉。"),
            ("《T》三、b.", "b. 售后配送服务：对于退货、换货等需求，提供快速处理。"),
        ],
        id="cn-num-pnum-alpha-nested",
    ),
    pytest.param(
        ITEMS_RUN_IN, "T.txt", False,
        [
            ("《T》一、（一）", "(一)考虑到电子商务工作的特殊性，故早上上班时间适当调整。"),
            ("《T》一、（二）", "(二)请假必须提前一天向部门经理提出书面申请。"),
        ],
        id="items-run-in-after-heading-on-one-line",
    ),
    pytest.param(
        ITEMS_THREE_LEVELS, "T.txt", False,
        [
            # the parent states a rule of its own, so it is a clause, not only a heading
            ("《T》一、（一）", "（一）考勤管理：员工应当按时上下班，不得迟到早退。"),
            ("《T》一、（一）1.", "1.迟到三次以上的，给予警告处分。"),
            ("《T》一、（一）2.", "2.旷工一日的，扣发当日工资。"),
            ("《T》一、（二）", "（二）请假管理：请假必须提前一天提出书面申请。"),
            ("《T》二、（一）", "（一）表现优秀的员工给予奖励。"),
        ],
        id="three-levels-and-restart-under-new-parent",
    ),
    pytest.param(
        STD, "std.txt", False,
        [
            (_s("5.1.1"), "5.1.1 建立服务保障机制，定期对服务质量进行评价评估。"),
            (_s("5.1.2"), "5.1.2 为客户提供便捷快速的服务。"),
            (_s("5.2.1.1"), "5.2.1.1 建立方便、易用、完善的服务机制，能够满足网上用户的服务需求。"),
            (_s("5.2.2.1"), "5.2.2.1 建立方便、易用、完善的服务平台，按5.2.1的要求配置设施。"),
            (_s("5.2.2.2"), "5.2.2.2 建立明确、详实的交易和服务规则，置于网站首页显眼位置，包括："
                            "\n——营业执照、组织机构代码证；\n——经营地址、电话号码等联系信息。"),
            (_s("5.2.2.3"), "5.2.2.3 有完善的客服制度，确保服务渠道畅通。"),
        ],
        id="standard-numbering",
    ),
]


@pytest.mark.parametrize("text, source, markdown, expected", GOLDEN)
def test_golden_indexed_clauses(text, source, markdown, expected):
    doc = only_doc(text, source, markdown)
    assert pairs(doc) == expected


def test_chapter_and_section_are_headings_with_their_names():
    doc = only_doc(LAW_CHAPTERS)
    heads = [(c.label, c.text) for c in doc.clauses if c.role == "heading"]
    assert heads == [
        ("《T》第一章 总则", "第一章 总则"),
        ("《T》第一章 总则第一节 一般规定", "第一节 一般规定"),
        ("《T》第一章 总则第二节 其他规定", "第二节 其他规定"),
        ("《T》第二章 附则", "第二章 附则"),
    ]
    a3 = by_label(doc)["《T》第三条"]
    assert a3.path == ("T", "第一章 总则", "第二节 其他规定", "第三条")
    assert a3.number == "第三条"
    assert a3.context == "T › 第一章 总则 › 第二节 其他规定"
    assert a3.parent_id == next(c.id for c in doc.clauses if c.label == "《T》第一章 总则第二节 其他规定")


def test_lead_in_article_is_heading_and_items_point_to_it():
    doc = only_doc(ITEMS_PCN)
    a6 = next(c for c in doc.clauses if c.label == "《T》第六条")
    assert a6.role == "heading" and a6.text == "第六条 售后服务内容："
    item = by_label(doc)["《T》第六条（一）"]
    assert item.parent_id == a6.id
    assert "售后服务内容" in item.context  # the lead-in travels with the item into the index


def test_a_whole_sentence_before_items_is_a_clause_of_its_own():
    """"第3条 客服人员应当在30秒内响应客户咨询。" states a rule before its items: it is cited itself, not only
    carried as its items' context; a chapter title with a stray full stop stays a heading."""
    text = ("客户服务管理制度\n第一章 服务要求。\n第3条 客服人员应当在30秒内响应客户咨询。\n（1）不得与客户争吵；\n"
            "（2）应当使用规范用语。\n第4条 客服人员应当遵守下列规定：\n（1）按时上岗，不得迟到；\n（2）做好服务记录。\n")
    doc = only_doc(text)
    roles = {c.label: c.role for c in doc.clauses}
    assert roles["《客户服务管理制度》第3条"] == "clause"
    assert roles["《客户服务管理制度》第4条"] == "heading"  # a lead-in heads its items
    assert roles["《客户服务管理制度》第一章"] == "heading"
    assert by_label(doc)["《客户服务管理制度》第3条（1）"].parent_id == by_label(doc)["《客户服务管理制度》第3条"].id


def test_a_list_of_words_is_one_clause_with_its_lead_in():
    """Items of a word or two ("（一）管制；") are too short to stand alone: most of a list being such, the lead-in
    and its items are one clause (they were dropped, and the whole article with them)."""
    text = ("刑罚规定\n第三十三条 主刑的种类如下：\n（一）管制；\n（二）拘役；\n（三）有期徒刑；\n（四）无期徒刑；\n（五）死刑。\n"
            "第三十四条 附加刑的种类如下：\n（一）罚金；\n（二）剥夺政治权利；\n（三）没收财产。\n附加刑也可以独立适用。\n")
    assert pairs(only_doc(text)) == [
        ("《刑罚规定》第三十三条", "第三十三条 主刑的种类如下：（一）管制；（二）拘役；（三）有期徒刑；（四）无期徒刑；（五）死刑。"),
        ("《刑罚规定》第三十四条", "第三十四条 附加刑的种类如下：（一）罚金；（二）剥夺政治权利；（三）没收财产。"),
        ("《刑罚规定》第三十四条第二款", "附加刑也可以独立适用。"),
    ]


def test_a_short_item_among_sentences_is_kept():
    text = ("登记办法\n第三条 下列不动产权利，依法办理登记：\n（一）集体土地所有权；\n（二）房屋等建筑物、构筑物所有权；\n"
            "（三）森林、林木所有权；\n（四）地役权；\n")
    assert [lb for lb, _ in pairs(only_doc(text))] == [
        "《登记办法》第三条", "《登记办法》第三条（一）", "《登记办法》第三条（二）", "《登记办法》第三条（三）", "《登记办法》第三条（四）"]


def test_standard_numbering_tree_and_ids():
    doc = only_doc(STD, "std.txt")
    assert doc.title == STD_TITLE
    recs = {c.label: c for c in doc.clauses}
    heads = [c.number for c in doc.clauses if c.role == "heading"]
    assert heads == ["5", "5.1", "5.2", "5.2.1", "5.2.2"]
    c = recs[_s("5.2.2.2")]
    assert c.id == f"{doc.doc_id}/5.2.2.2"
    assert c.parent_id == recs[_s("5.2.2")].id
    assert recs[_s("5.2.2")].parent_id == recs[_s("5.2")].id
    assert recs[_s("5.2")].parent_id == recs[_s("5")].id


MD_LAW = """\
# 电子商务法

## 第一章 总则

第一条 为了保障电子商务各方主体的合法权益，制定本法。

第二款内容：在中华人民共和国境内的电子商务活动，适用本法。

第二条 本法所称电子商务，是指通过互联网等信息网络销售商品的经营活动。
"""


def test_markdown_law_second_paragraph_is_a_kuan_of_the_article():
    doc = only_doc(MD_LAW, "电子商务法(2018-08-31).md", markdown=True)
    assert doc.title == "电子商务法"
    assert pairs(doc) == [
        ("《电子商务法》第一条",
         "第一条 为了保障电子商务各方主体的合法权益，制定本法。\n第二款内容：在中华人民共和国境内的电子商务活动，适用本法。"),
        ("《电子商务法》第二条", "第二条 本法所称电子商务，是指通过互联网等信息网络销售商品的经营活动。"),
    ]
    heads = [c.label for c in doc.clauses if c.role == "heading"]
    assert heads == ["《电子商务法》第一章 总则"]


def test_lawrefbook_info_header_is_its_adoption_note_only():
    """Its notes of when the law was passed and amended are one clause, 题注, in the chapters' stead (they were
    dropped: "电子商务法是哪一年通过的？" had nothing to cite); the rest of the header is no content."""
    text = (
        "# 中华人民共和国示范法\n\n2018年8月31日 第十三届全国人民代表大会常务委员会第五次会议通过\n\n"
        "2021年4月29日 第十三届全国人民代表大会常务委员会第二十八次会议《关于修改〈中华人民共和国示范法〉的决定》修正\n\n"
        "该文件来源于某网站\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了规范示范行为，制定本法。\n\n"
        "第二条 本法自2019年1月1日起施行。\n"
    )
    doc = only_doc(text, "示范法(2018-08-31).md", markdown=True)
    assert doc.title == "中华人民共和国示范法"
    assert _labels_texts(doc) == [
        ("《中华人民共和国示范法》题注", "题注：2018年8月31日 第十三届全国人民代表大会常务委员会第五次会议通过；2021年4月29日 "
         "第十三届全国人民代表大会常务委员会第二十八次会议《关于修改〈中华人民共和国示范法〉的决定》修正"),
        ("《中华人民共和国示范法》第一条", "第一条 为了规范示范行为，制定本法。"),
        ("《中华人民共和国示范法》第二条", "第二条 本法自2019年1月1日起施行。")]
    assert [c.path for c in indexed(doc)][1][1:] == ("第一章 总则", "第一条")  # its chapters as before
    assert not any("来源" in c.text for c in doc.clauses)


def test_markdown_without_title_uses_file_stem_without_date():
    doc = only_doc("第一条 为了规范示范行为，制定本法。\n", "示范法(2018-08-31).md", markdown=True)
    assert doc.title == "示范法"
    assert [c.label for c in indexed(doc)] == ["《示范法》第一条"]


STD_XREF = """\
DB33/T 932—2014 电子商务企业管理与服务规范
5 服务要求
5.1 基本要求
5.1.1 建立服务保障机制，定期对服务质量进行评价评估。
5.2 服务体系
5.2.1 交易型电子商务企业应当配备服务人员。
5.2.2 平台型企业的服务人员配置{}
"""

LAW_XREF = """\
第九条 电子商务经营者应当依法办理市场主体登记。
第十条 {}
第十一条 电子商务经营者应当依法履行纳税义务。
"""


@pytest.mark.parametrize("template, number, sentence", [
    pytest.param(STD_XREF, "5.2.2", "按5.2.1的要求执行。", id="std-按-seen"),
    pytest.param(STD_XREF, "5.2.2", "按5.2.3的要求执行。", id="std-按-next"),
    pytest.param(STD_XREF, "5.2.2", "见5.3。", id="std-见"),
    pytest.param(STD_XREF, "5.2.2", "参照5.2.3 执行。", id="std-参照-spaced"),
    pytest.param(STD_XREF, "5.2.2", "按照 5.3 的要求执行。", id="std-按照-spaced"),
    pytest.param(STD_XREF, "5.2.2", "应符合5.2.3的规定。", id="std-符合-next"),
    pytest.param(LAW_XREF, "第十条", "依照本法第十条规定办理登记。", id="law-依照"),
    pytest.param(LAW_XREF, "第十条", "违反本法第九条规定的，依照第十一条处罚。", id="law-依照-next"),
    pytest.param(LAW_XREF, "第十条", "违反本法第九条、第十一条规定的，由市场监督管理部门责令限期改正。",
                 id="law-顿号-next"),
])
def test_cross_reference_mid_sentence_is_not_a_marker(template, number, sentence):
    doc = only_doc(template.format(sentence), "x.txt")
    hits = [c for c in indexed(doc) if c.number == number]
    assert len(hits) == 1
    assert hits[0].text.endswith(sentence)
    assert all("~" not in c.id for c in doc.clauses)


@pytest.mark.parametrize("sentence", [
    "对区域评估事项可以实行多评合一、联合评估。",
    "应当设置统一、规范、明显的标志。",
    "不得危害国家统一、主权和领土完整。",
    "该事项为法定情形之一、依法办理。",
])
def test_a_word_ending_in_a_numeral_is_not_a_list_marker(sentence):
    """"合一、", "统一、", "之一、" end a word; they open no item "一、" (the text was cut there: "危害国家统" / "一、主权…")."""
    doc = only_doc(LAW_XREF.format("经营者应当依法经营。\n" + sentence), "x.txt")
    assert [c.label for c in indexed(doc)] == ["《x》第九条", "《x》第十条", "《x》第十一条"]
    assert by_label(doc)["《x》第十条"].text.endswith("\n" + sentence)


def test_a_numeral_after_a_run_in_title_still_opens_a_list():
    doc = only_doc("公司制度\n第一部分\n负面清单一、不得销售假货。二、不得虚假宣传。\n")
    assert [c.text for c in indexed(doc)][-2:] == ["一、不得销售假货。", "二、不得虚假宣传。"]


def test_dash_list_stays_in_its_article():
    text = ("第五条 经营者应当在首页显著位置公示下列信息，包括：\n——营业执照、行政许可等信息；\n"
            "——经营地址、联系方式等信息。\n第六条 经营者应当依法纳税。\n")
    doc = only_doc(text)
    assert [c.label for c in indexed(doc)] == ["《T》第五条", "《T》第六条"]
    a5 = by_label(doc)["《T》第五条"].text
    assert "——营业执照、行政许可等信息；" in a5 and "——经营地址、联系方式等信息。" in a5


def test_dash_list_after_page_break_returns_to_lead_in_clause():
    text = (f"{STD_TITLE}\n5.2 服务体系\n5.2.2 第三方平台型电子商务企业\n"
            "5.2.2.2 建立明确、详实的交易和服务规则，置于网站首页显眼位置，包括：\n3\nDB33/T 932—2014\n"
            "——营业执照、组织机构代码证；\n——经营地址、电话号码等联系信息。\n"
            "5.2.2.3 有完善的客服制度，确保服务渠道畅通。\n")
    doc = only_doc(text, "std.txt")
    c = by_label(doc)[_s("5.2.2.2")]
    assert c.text.endswith("包括：\n——营业执照、组织机构代码证；\n——经营地址、电话号码等联系信息。")
    assert not any(t.text.startswith("——") for t in indexed(doc))


def test_unpunctuated_last_article_is_kept():
    doc = only_doc("第一条 为了规范电子商务经营行为，制定本规章制度。\n第二条 本规章制度自发布之日起生效\n")
    assert [c.label for c in indexed(doc)] == ["《T》第一条", "《T》第二条"]


def test_unpunctuated_standard_clause_is_kept():
    doc = only_doc("5 服务要求\n5.1 基本要求\n5.1.1 建立服务保障机制，定期对服务质量进行评价评估。\n"
                   "5.1.2 为客户提供便捷快速的服务\n5.1.3 有效处理客户投诉、交易纠纷等。\n", "x.txt")
    assert [c.number for c in indexed(doc)] == ["5.1.1", "5.1.2", "5.1.3"]


def test_chapter_with_inline_body_and_no_articles_is_indexed():
    doc = only_doc("第一章总则随着电子商务的迅速发展，平台建设成为重要话题。\n第二章附则本规范自发布之日起施行。\n")
    text = "".join(c.text for c in indexed(doc))
    assert "平台建设成为重要话题" in text and "本规范自发布之日起施行" in text


def test_article_title_ending_in_ju_before_item_one():
    doc = only_doc("第一条目的和依据1.为了规范企业的电子商务和客户服务管理行为，订立本制度。\n"
                   "2.本制度依据相关法律法规，并结合本企业实际情况进行订立。\n")
    assert [c.label for c in indexed(doc)] == ["《T》第一条1.", "《T》第一条2."]


def test_numbered_list_resumes_after_standard_subclauses():
    text = ("1. 简介电子商务已成为现代商业领域一股不可忽视的力量。\n"
            "2. 建立过程电商企业建立运营管理体系的过程分为以下几个步骤：\n"
            "4.1 确定目标明确企业的运营目标。\n4.2 持续改进定期评估和改进运营管理体系。\n"
            "3. 优势和价值建立科学完善的运营管理体系可以提高运营效率。\n")
    doc = only_doc(text, "x.txt")
    labels = [c.label for c in doc.clauses]
    assert "《x》4.23." not in labels
    assert "《x》3." in labels
    assert any("建立过程" in c.text for c in doc.clauses)


def test_run_in_subtitle_is_not_glued_to_previous_clause():
    # the seed: "（七）…放弃休息。\n电子____部管理制度一、特殊人才招聘…": the compilation's next part of the
    # document, its list numbered from 一 again
    text = ("部门规章制度\n部门规章制度一、管理制度(一)上班时间适当调整。\n(二)人员离职必须提前一个月提出申请。\n"
            "人事部管理制度一、招聘管理招聘渠道主要通过网络招聘，因行业特殊性可适当调整。\n二、试岗考核考试主要是笔试及实操。\n")
    doc = only_doc(text, "x.txt")
    labels = {c.label: c for c in doc.clauses}
    assert labels["《部门规章制度》一、（二）"].text == "(二)人员离职必须提前一个月提出申请。"
    sub = labels["《部门规章制度》人事部管理制度"]
    assert sub.role == "heading" and sub.text == "人事部管理制度"
    item = labels["《部门规章制度》人事部管理制度 一、"]
    assert item.text.startswith("一、招聘管理") and item.parent_id == sub.id
    assert labels["《部门规章制度》人事部管理制度 二、"].parent_id == sub.id
    assert "人事部管理制度" in item.context  # the part's title is searched with its items
    assert len({c.label for c in doc.clauses}) == len(doc.clauses)  # every label names one clause


@pytest.mark.parametrize("line", [
    "按前款（二）、（三）项处以罚款，最高不得超过二万元。",  # a reference to items, not a list
    "乘客有前款（一）至（五）项行为之一的，驾驶员可以拒绝为其提供运营服务。",
    "二审法院遂判决：一、撤销一审判决第一项。",  # a lead-in sentence
])
def test_a_reference_or_lead_in_before_a_restarted_number_is_no_sub_title(line):
    text = f"某办法\n某办法第一条 有下列行为之一的，处以罚款：\n（一）擅自占用的；\n（二）擅自挖掘的；\n{line}\n"
    doc = only_doc(text, "x.md")
    assert not any(c.role == "heading" and c.text == c.label.split("》")[-1] for c in doc.clauses
                   if c.text and c.text[0] not in "第（(一"), [c.label for c in doc.clauses]


@pytest.mark.parametrize("body, heading", [
    ("支付安全平台要保障支付环节的安全,采用安全可靠的支付方式。", "支付安全"),  # who it binds, and a modal
    ("商家资质审核电子商务平台应建立严格的商家入驻审核机制。", "商家资质审核"),
    ("市场调研与定位在进行电子商务运营之前,企业需要进行市场调研。", "市场调研与定位"),  # a connective
    ("售后服务培训定期组织售后服务培训,提升售后服务团队的专业水平。", "售后服务培训"),
    ("顾客反馈顾客在购买产品后,可以通过多种渠道进行反馈。", "顾客反馈"),  # the heading's own word again
    ("网站的易用性网站的易用性直接影响了用户体验。", "网站的易用性"),
    ("售后服务标准制定明确的售后服务标准,包括问题反馈时效。", "售后服务标准"),  # restated: the longest
    ("企业应建设稳定可靠的电子商务平台,供应安全便捷的购物环境。", ""),  # a sentence from its first word
    ("请假必须提前一天向部门经理提出书面申请。", ""),
    ("为确保公司对外通讯联系的畅通,公司员工上班时间内禁止打私人电话。", ""),
    ("客户信息管理应遵守相关法律法规,不得泄露客户个人信息。", ""),
    ("运营管理体系的要素电商企业的运营管理体系通常包含以下要素:", ""),  # "运营管理体系|的要素" goes on
    ("售后服务:包括商品退换货、维修、咨询解答等。", ""),  # a label with a colon is no run-in heading
    ("外国船舶在中国内河航行期间；", ""),  # a connective that runs to the end continues the sentence
    ("员工在上班期间，应佩戴工牌并保持工位整洁。", ""),  # the modal follows the connective: 员工 is the subject
])
def test_a_heading_run_into_a_list_item_is_found(body, heading):
    from ingest.segment import run_in_heading

    assert run_in_heading(body) == heading


def test_run_in_headings_are_kept_only_where_most_of_the_list_has_one():
    from ingest.segment import run_in_heading, run_in_headings

    scraped = ["订单处理平台应建立完善的订单处理系统。", "支付安全平台要保障支付环节的安全。", "退换货政策平台应制定明确的退换货政策。"]
    assert run_in_headings(scraped) == ["订单处理", "支付安全", "退换货政策"]
    assert run_in_headings(scraped, lead_in=True) == ["", "", ""]  # items of "…包括下列事项：" go on with it
    # a law's items: one looks like "heading + sentence" by chance, the list does not
    law = ["使用或者变相使用国家机关、国家机关工作人员的名义或者形象；", "使用“国家级”、“最高级”、“最佳”等用语；",
           "损害国家的尊严或者利益，泄露国家秘密；"]
    assert run_in_heading(law[0]) and run_in_headings(law) == ["", "", ""]
    mixed = ["企业应建设稳定可靠的电子商务平台。", "电子商务平台应支持在线支付、订单管理等功能。"]
    assert run_in_headings(mixed) == ["", ""]
    assert run_in_headings(["支付安全平台要保障支付环节的安全。"]) == [""]  # a list of one says nothing
    # a heading its item restates at once, in a short list the rest of which has none (held-out checklist probe: the
    # item read "物流质量管理物流环节是…,是否确保…")
    quality = ["商品质量管理跟传统的线下零售商相比,电商平台的优势就是种类繁多。", "物流质量管理物流环节是电商平台与消费者之间最为直接的接触环节。"]
    assert run_in_headings(quality) == ["", "物流质量管理"] and run_in_headings(quality[1:]) == [""]
    assert run_in_headings(quality + mixed) == ["", "", "", ""]  # (not in a longer list that mostly has none)
    # the same words starting several items are their subject, not headings
    subjects = ["电子商务平台应建立投诉处理机制。", "电子商务企业应公示营业执照信息。", "电子商务平台不得删除消费者评价。"]
    assert run_in_heading(subjects[0]) == "电子商务" and run_in_headings(subjects) == ["", "", ""]
    # among items that mostly have one, a heading before "接到…后，" or before "在…中，应…" is one too (both read as the
    # item's own words: a checklist item "问题解决在售后服务过程中，是否确保…")
    steps = ["顾客反馈顾客在购买产品后，可以通过多种渠道进行反馈。", "问题评估接到顾客反馈后，售后服务团队应进行评估。",
             "解决方案提供根据问题的性质和复杂程度，售后服务团队应给予合适的解决方案。", "问题解决在售后服务过程中，应确保问题得到有效解决。"]
    assert run_in_headings(steps) == ["顾客反馈", "问题评估", "解决方案提供", "问题解决"]
    assert run_in_heading("员工在上班期间，应佩戴工牌。") == ""  # alone, the words before 在 are its subject
    # nor, among them, a subject before its connective phrase
    assert run_in_headings(steps[:3] + ["电子商务平台在交易过程中，应保障交易安全。", "企业对于重大投诉，应及时上报。"])[3:] == ["", ""]


# -- 2. cleaning ------------------------------------------------------------------------------------

NOISE = [
    pytest.param("DB33/T 932—2014", id="page-header-code"),
    pytest.param("3", id="page-number"),
    pytest.param("II", id="roman-page-number"),
    pytest.param("- 7 -", id="dashed-page-number"),
    pytest.param("第 2 页 共 5 页", id="page-of"),
    pytest.param("续表", id="table-continued"),
    pytest.param("前言 ........................................ II", id="toc-dots-roman"),
    pytest.param("1 范围 ........................................ 1", id="toc-dots-arabic"),
    pytest.param("- 1、下载文档前请自行甄别文档内容的完整性，平台不提供额外的编辑、内容补充、找答案等附加服务。", id="dl-1"),
    pytest.param("- 2、“仅部分预览”的文档，不可在线预览部分如存在完整性等问题，可反馈申请退款。", id="dl-2"),
    pytest.param("- 3、如文档侵犯您的权益，请联系客服反馈，我们会尽快为您处理（人工客服工作时间：9:00-18:30）。", id="dl-3"),
]


@pytest.mark.parametrize("noise", NOISE)
def test_noise_line_between_articles_is_dropped(noise):
    text = ("电商规章制度\n第一条为了规范电子商务经营行为，保护消费者权益，制定本规章制度。\n"
            f"{noise}\n第二条电子商务经营者应当依法取得经营许可证，合法经营。\n")
    doc = only_doc(text, "x.txt")
    assert pairs(doc) == [
        ("《电商规章制度》第一条", "第一条为了规范电子商务经营行为，保护消费者权益，制定本规章制度。"),
        ("《电商规章制度》第二条", "第二条电子商务经营者应当依法取得经营许可证，合法经营。"),
    ]
    for c in doc.clauses:
        assert norm(noise) not in norm(c.text)


def test_an_ellipsis_in_a_sentence_is_no_table_of_contents_line():
    """"……" that elides part of a quotation is kept; only a leader followed by a page number ends a contents line."""
    quote = "《劳动合同法》第二十六条规定：“下列劳动合同无效或者部分无效：……（二）用人单位免除自己的法定责任的”。"
    doc = only_doc(f"案例分析\n本案的争议焦点是放弃加班费的协议是否有效。\n{quote}\n目录……3\n", "x.txt")
    texts = " ".join(c.text for c in doc.clauses)
    assert quote in texts and "目录" not in texts


def test_all_noise_together_never_reaches_a_clause():
    noise = "\n".join(p.values[0] for p in NOISE)
    text = ("电商规章制度\n第一条为了规范电子商务经营行为，保护消费者权益，制定本规章制度。\n"
            f"{noise}\n第二条电子商务经营者应当依法取得经营许可证，合法经营。\n")
    docs = parse(text, "x.txt")
    assert [d.title for d in docs] == ["电商规章制度"]
    texts = " ".join(c.text for c in docs[0].clauses)
    for bad in ("下载文档", "仅部分预览", "侵犯您的权益", "....", "DB33", "共 5 页"):
        assert bad not in texts
    assert [c.label for c in indexed(docs[0])] == ["《电商规章制度》第一条", "《电商规章制度》第二条"]


def test_line_broken_mid_sentence_is_rejoined():
    text = ("电商规章制度\n第六条电子商务经营者应当遵守商品质量和服务质量的相关法律法规。\n"
            "第七条电子商务经营者应当建立健全售后服务制度，保障消费\n者的维修、退换货权益。\n"
            "第八条电子商务经营者应当遵守税收法律法规，按时足额缴纳\n税款。\n")
    doc = only_doc(text, "x.txt")
    recs = by_label(doc)
    assert recs["《电商规章制度》第七条"].text == "第七条电子商务经营者应当建立健全售后服务制度，保障消费者的维修、退换货权益。"
    assert recs["《电商规章制度》第八条"].text == "第八条电子商务经营者应当遵守税收法律法规，按时足额缴纳税款。"
    assert len(indexed(doc)) == 3


def test_blank_placeholders_are_kept_verbatim():
    text = "第一条对工作态度恶劣的员工，公司处于____元以下罚款，情节严重的予以辞退。\n"
    doc = only_doc(text)
    assert pairs(doc) == [("《T》第一条", "第一条对工作态度恶劣的员工，公司处于____元以下罚款，情节严重的予以辞退。")]


def test_exact_duplicate_article_is_not_indexed_twice():
    art = "第二条电子商务经营者应当依法取得经营许可证，合法经营，不得从事违法活动。"
    text = ("电商规章制度\n第一条为了规范电子商务经营行为，保护消费者权益，维护市场秩序，制定本规章制度。\n"
            f"{art}\n{art}\n第三条本规章制度自发布之日起生效。\n")
    doc = only_doc(text, "x.txt")
    assert [c.text for c in indexed(doc)].count(art) == 1
    assert [c.label for c in indexed(doc)] == ["《电商规章制度》第一条", "《电商规章制度》第二条", "《电商规章制度》第三条"]
    dup = [c for c in doc.clauses if c.role == "duplicate"]
    assert len(dup) == 1 and dup[0].near_dup_of == by_label(doc)["《电商规章制度》第二条"].id
    assert doc.near_duplicates == ((dup[0].near_dup_of, dup[0].id),)


def test_exact_duplicate_plain_paragraph_is_dropped():
    p = "平台应对商家提供的资质进行认真核实，确保其合法合规经营，不得虚假宣传或者误导消费者。"
    text = ("电子商务平台管理办法\n电子商务平台管理办法随着互联网的迅速发展，电子商务平台已经成为人们日常生活中不可或缺的一部分。\n"
            f"一、平台准入管理\n1、商家资质审核：电子商务平台应建立严格的商家入驻审核机制。\n{p}\n{p}\n"
            "2、商品审核：平台应对商家上架的商品进行审核。\n")
    doc = only_doc(text, "x.txt")
    joined = "".join(c.text for c in doc.clauses)
    assert joined.count(p) == 1
    assert [c.label for c in indexed(doc)] == [
        "《电子商务平台管理办法》第1段", "《电子商务平台管理办法》一、1.", "《电子商务平台管理办法》一、2.",
    ]
    # the repeated title is stripped from the body's first paragraph
    assert indexed(doc)[0].text == "随着互联网的迅速发展，电子商务平台已经成为人们日常生活中不可或缺的一部分。"


# -- 3. document splitting ---------------------------------------------------------------------------

THREE_DOCS = """\
甲管理办法
甲管理办法随着电子商务的发展，平台管理日益重要。
一、甲方应当建立健全管理制度。
二、甲方应当定期检查执行情况。
乙服务规范
乙服务规范为了提升服务质量，制定本规范。
一、乙方应当及时响应客户需求。
丙运营制度
丙运营制度本制度规定运营要求。
一、丙方应当规范运营流程。
"""


def test_compilation_splits_at_titles_repeated_by_their_body():
    docs = parse(THREE_DOCS, "汇编.txt")
    assert [d.title for d in docs] == ["甲管理办法", "乙服务规范", "丙运营制度"]
    assert [pairs(d) for d in docs] == [
        [("《甲管理办法》第1段", "随着电子商务的发展，平台管理日益重要。"),
         ("《甲管理办法》一、", "一、甲方应当建立健全管理制度。"),
         ("《甲管理办法》二、", "二、甲方应当定期检查执行情况。")],
        [("《乙服务规范》第1段", "为了提升服务质量，制定本规范。"),
         ("《乙服务规范》一、", "一、乙方应当及时响应客户需求。")],
        [("《丙运营制度》第1段", "本制度规定运营要求。"),
         ("《丙运营制度》一、", "一、丙方应当规范运营流程。")],
    ]
    assert len({d.doc_id for d in docs}) == 3
    for d in docs:
        assert all(c.doc_id == d.doc_id and c.document == d.title and c.id.startswith(d.doc_id + "/")
                   for c in d.clauses)


def test_title_followed_by_chapter_or_article_starts_a_document():
    text = ("电商规章制度\n第一条为了规范电子商务经营行为，制定本规章制度。\n第二条本规章制度自发布之日起生效。\n"
            "网络交易管理办法\n第一章 总则\n第一条为了规范网络交易活动，制定本办法。\n第二条本办法自发布之日起施行。\n")
    docs = parse(text, "汇编.txt")
    assert [d.title for d in docs] == ["电商规章制度", "网络交易管理办法"]
    assert [c.label for c in indexed(docs[0])] == ["《电商规章制度》第一条", "《电商规章制度》第二条"]
    assert [c.label for c in indexed(docs[1])] == ["《网络交易管理办法》第一条", "《网络交易管理办法》第二条"]
    assert [c.label for c in docs[1].clauses if c.role == "heading"] == ["《网络交易管理办法》第一章 总则"]



def test_the_title_said_again_otherwise_is_no_clause():
    """The seed's "…建设与管理业管理服务标准" repeats its title, then says it otherwise before 第一章: a subtitle, which was
    the document's 第1段 (a title for an answer to cite)."""
    text = ("公共服务平台建设与管理业管理服务标准\n公共服务平台建设与管理业管理服务标准公共服务平台建设与管理服务标准第一章引言随着电子商务的发展，"
            "平台建设成为重要话题。\n第二章服务平台的功能2.1 服务平台应具备商品展示功能。\n")
    doc = only_doc(text, "x.txt")
    assert [c.label for c in indexed(doc)] == ["《公共服务平台建设与管理业管理服务标准》第一章",
                                                 "《公共服务平台建设与管理业管理服务标准》2.1"]
    # a first line that is no title of it is kept
    doc = only_doc("平台服务管理制度\n平台服务管理制度本制度适用于平台全体员工第一条平台应当公示规则。\n", "x.txt")
    assert [c.label for c in indexed(doc)] == ["《平台服务管理制度》第1段", "《平台服务管理制度》第一条"]

@pytest.mark.parametrize("text, title, first", [
    # a file's first line naming a kind of document over numbered items: the title, not the file name and a 第1段
    ("客服管理制度\n\n一、客服人员上岗前应当接受培训。\n\n二、客服人员不得辱骂顾客。\n", "客服管理制度", "《客服管理制度》一、"),
    ("仓库安全守则\n1.仓库内严禁吸烟。\n2.货物应当分区码放。\n", "仓库安全守则", "《仓库安全守则》1."),
    # a Markdown heading in a .txt: its '#' marks are no part of the title
    ("# 测试规定乙\n\n第一条 经营者应当公示营业执照。\n\n第二条 经营者不得虚假宣传。\n", "测试规定乙", "《测试规定乙》第一条"),
])
def test_a_plain_text_files_first_line_titles_its_numbered_rules(text, title, first):
    doc = only_doc(text, "rules.txt")
    assert doc.title == title and indexed(doc)[0].label == first


def test_a_line_that_names_a_kind_of_document_over_its_preamble_is_its_title():
    """A file's first line over "为…，制定本规则。" titles the rules below (probe Q's 会员积分 rules were cited 《points》,
    the file's name); further down a file, the preamble names the kind the line ends in."""
    doc = only_doc("砚山优选会员积分与优惠券规则\n\n为规范会员积分的发放和使用，保障会员合法权益，制定本规则。\n\n一、总则\n\n"
                   "1、积分有效期为十二个月。\n\n2、积分不得转让。\n", "points.txt")
    assert doc.title == "砚山优选会员积分与优惠券规则"
    assert [c.label for c in indexed(doc)][-2:] == ["《砚山优选会员积分与优惠券规则》一、1.", "《砚山优选会员积分与优惠券规则》一、2."]
    docs = parse("客服管理制度\n一、客服人员不得辱骂顾客。\n二、客服人员应当接受培训。\n"
                 "仓储管理办法\n为规范仓储作业，根据公司实际，制定本办法。\n一、仓库内严禁吸烟。\n"
                 "门店注意事项\n为了门店整洁，制定本规则。\n一、门店应当每日清扫。\n", "汇编.txt")
    assert [d.title for d in docs] == ["客服管理制度", "仓储管理办法"]  # ("门店注意事项" names no 规则: a paragraph)
    assert [c.label for c in indexed(docs[1])][-1] == "《仓储管理办法》一、"
    # (the review's) further down, a line in 法 is not named by "本办法": "计算方法" is no title
    docs = parse("仓储管理办法\n第一条 仓库内严禁吸烟。\n计算方法\n为便于计算，制定本办法。\n第二条 货物应当分区码放。\n", "汇编.txt")
    assert [d.title for d in docs] == ["仓储管理办法"]


def test_a_first_line_that_names_no_kind_of_document_is_no_title_over_items():
    doc = only_doc("客服人员注意\n一、上岗前应当接受培训。\n二、不得辱骂顾客。\n", "rules.txt")
    assert doc.title == "rules"  # "注意" is no kind of document: the line may be the first paragraph


def test_an_official_title_starts_a_document_whatever_follows_it():
    """"最高人民法院关于…的解释" (发文机关 + 关于 + 事由 + 的 + 文种) is a title even when long and followed by a preamble,
    which it is not the start of; a title said again with "（全文）" is one title."""
    text = ("某省网络交易管理办法\n第一条 为了规范网络交易活动，制定本办法。\n第二条 经营者应当依法经营。\n"
            "最高人民法院、最高人民检察院关于办理非法制造、买卖、运输、储存毒鼠强等禁用剧毒化学品刑事案件具体应用法律若干问题的解释\n"
            "为依法惩治非法制造、买卖、运输、储存毒鼠强等禁用剧毒化学品的犯罪活动，维护公共安全，根据刑法有关规定，\n"
            "现就办理这类刑事案件具体应用法律的若干问题解释如下：\n第一条 非法制造毒鼠强的，依照刑法规定处罚。\n"
            "某市快递服务条例\n某市快递服务条例（全文）\n第一条 为了规范快递服务，制定本条例。\n第二条 快递企业应当保障安全。\n")
    docs = parse(text, "汇编.txt")
    assert [d.title for d in docs] == [
        "某省网络交易管理办法",
        "最高人民法院、最高人民检察院关于办理非法制造、买卖、运输、储存毒鼠强等禁用剧毒化学品刑事案件具体应用法律若干问题的解释",
        "某市快递服务条例"]
    name = "《最高人民法院、最高人民检察院关于办理非法制造、买卖、运输、储存毒鼠强等禁用剧毒化学品刑事案件具体应用法律若干问题的解释》"
    assert [c.label for c in indexed(docs[1])] == [name + "第1段", name + "第一条"]
    assert indexed(docs[1])[0].text.startswith("为依法惩治") and "全文" not in "".join(c.text for c in docs[2].clauses)
    assert [c.label for c in indexed(docs[2])] == ["《某市快递服务条例》第一条", "《某市快递服务条例》第二条"]


@pytest.mark.parametrize("title", ["最高人民法院关于民事诉讼证据的若干规定", "最高人民法院关于审理企业破产案件指定管理人的补充规定",
                                   "国务院关于议案处理的暂行规定", "最高人民法院  最高人民检察院关于办理洗钱刑事案件适用法律若干问题的解释"])
def test_an_official_title_whose_kind_is_qualified_starts_a_document(title):
    """"…的若干规定", "…的补充规定", "…的暂行规定", and issuers spaced apart, are official titles too (before, the document was
    run into the one before it: 23 of 50 such titles found in two scraped compilations, 49 after)."""
    text = ("某省网络交易管理办法\n第一条 为了规范网络交易活动，制定本办法。\n第二条 经营者应当依法经营。\n"
            f"{title}\n为正确审理案件，根据有关法律规定，结合审判实践，制定本规定。\n第一条 人民法院应当依法审理。\n")
    assert [d.title for d in parse(text, "汇编.txt")] == ["某省网络交易管理办法", title]


def test_a_lawrefbook_interpretation_that_says_its_title_again_has_no_heading_of_it():
    """A judicial interpretation's body says its title again ("最高人民法院 最高人民检察院" / "关于…的解释"), and an amending
    decision says it before the text it republishes: no heading of its own articles (before, the preamble was cited as
    "《…》最高人民法院…的解释", its document number run into it), and the decision's last item does not run into the
    republished preamble."""
    title = "最高人民法院、最高人民检察院关于办理洗钱刑事案件适用法律若干问题的解释"
    body = (f"# {title}\n\n<!-- INFO END -->\n\n最高人民法院 最高人民检察院\n\n关于办理洗钱刑事案件适用法律若干问题的解释\n\n"
            "法释〔2024〕10号\n\n为依法惩治洗钱犯罪活动，制定本解释。\n\n一、将第二条修改为：“洗钱是犯罪。”\n\n"
            "根据本决定，作相应修改，重新公布。\n\n最高人民法院 最高人民检察院关于办理洗钱刑事案件适用法律若干问题的解释\n\n"
            "为依法惩治洗钱犯罪活动，作如下解释：\n\n第一条 明知是犯罪所得而掩饰的，应当认定为洗钱。\n")
    doc = only_doc(body, "x.md", markdown=True)
    got = [(c.label.split("》")[1], c.text) for c in indexed(doc)]
    # (its document number is a note: "题注：法释〔2024〕10号")
    assert got[:2] == [("题注", "题注：法释〔2024〕10号"), ("第1段", "为依法惩治洗钱犯罪活动，制定本解释。")]
    assert ("第2段", "为依法惩治洗钱犯罪活动，作如下解释：") in got and not any("重新公布" in t and "如下解释" in t for _, t in got)
    assert by_label(doc)[f"《{title}》第一条"].path == (title, "第一条")


def test_an_article_number_spread_out_by_a_pdf_is_read_whole():
    """"第 一 条" (a PDF's justified line) and "第一百二十八 条" (so written in ../shared/laws' 刑事诉讼法) open their
    articles; "第 一 次会议" opens none."""
    text = ("某市网络交易管理办法\n第 一 条  为了规范网络交易活动，制定本办法。\n第二条 经营者应当依法经营，\n不得销售假冒伪劣商品。\n"
            "第一百二十八 条 本办法自发布之日起施行。\n第 一 次会议通过的决定同时废止。\n")
    docs = parse(text, "办法.txt")
    assert [d.title for d in docs] == ["某市网络交易管理办法"]
    assert [c.label for c in indexed(docs[0])] == ["《某市网络交易管理办法》第一条", "《某市网络交易管理办法》第二条",
                                                   "《某市网络交易管理办法》第一百二十八条"]
    assert indexed(docs[0])[-1].text.endswith("第 一 次会议通过的决定同时废止。")


# a law copied as plain text (a web page, a .docx): its parts, a chapter whose "第X章" was lost and a chapter
# title broken onto a second line are headings inside the one document, never the titles of new ones
PLAIN_CODE = """中华人民共和国某某法典
第三编 合同
第一分编 通则
第一章 一般规定
第四百六十三条 本编调整因合同产生的民事关系。
第四百六十四条 合同是民事主体之间设立、变更、终止民事法律关系的协议。
第二分编 典型合同
第九章 买卖合同
第五百九十五条 买卖合同是出卖人转移标的物的所有权于买受人，买受人支付价款的合同。
"""
PLAIN_LAW = """某某省道路运输条例
第一章 总则
第一条 为了规范道路运输，制定本条例。
第二条 本条例适用于本省行政区域内的道路运输。
运输管理
第三条 经营者应当依法经营。
第四条 经营者不得超载。
第五章 人民代表大会及其常务委员会
信访事项的受理和办理
第五条 信访事项应当依法受理。
第六章 法律责任
第六条 违反本条例的，依法处理。
"""


def test_plain_text_code_parts_are_headings_not_documents():
    docs = parse(PLAIN_CODE, "民法典.txt")
    assert [d.title for d in docs] == ["中华人民共和国某某法典"]
    arts = {c.label: c.path for c in indexed(docs[0])}
    assert list(arts) == ["《中华人民共和国某某法典》第四百六十三条", "《中华人民共和国某某法典》第四百六十四条",
                          "《中华人民共和国某某法典》第五百九十五条"]
    assert arts["《中华人民共和国某某法典》第四百六十三条"][1:4] == ("第三编 合同", "第一分编 通则", "第一章 一般规定")
    assert arts["《中华人民共和国某某法典》第五百九十五条"][1:4] == ("第三编 合同", "第二分编 典型合同", "第九章 买卖合同")


def test_plain_text_heading_between_articles_stays_in_its_law():
    docs = parse(PLAIN_LAW, "条例.txt")
    assert [d.title for d in docs] == ["某某省道路运输条例"]
    by = {c.label: c for c in indexed(docs[0])}
    assert [lb.split("》")[1] for lb in by] == ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条"]
    assert by["《某某省道路运输条例》第二条"].text == "第二条 本条例适用于本省行政区域内的道路运输。"
    # the lost chapter's title heads its articles and is closed by the next chapter
    assert by["《某某省道路运输条例》第三条"].path[1:] == ("运输管理", "第三条")
    assert by["《某某省道路运输条例》第五条"].path[1:] == ("第五章 人民代表大会及其常务委员会信访事项的受理和办理", "第五条")
    assert by["《某某省道路运输条例》第六条"].path[1:] == ("第六章 法律责任", "第六条")


def test_a_part_numbered_yi_above_articles_heads_them_in_plain_text_as_in_markdown():
    """A judicial interpretation's "## 一、当事人举证" copied as plain text is the line "一、当事人举证" before "第一条": a
    heading of the articles under it (before, an item of its own, and 第一条 outside it); "一、" items of an article stay items."""
    body = ("最高人民法院关于民事诉讼证据的若干规定\n为保证正确认定案件事实，制定本规定。\n一、当事人举证\n第一条 原告应当提供证据。\n"
            "第二条 人民法院应当说明举证的要求：\n一、举证的期限；\n二、举证的后果。\n二、证据的调查收集和保全\n"
            "第三条 当事人可以申请调查收集证据。\n")
    md = "# " + body.replace("\n一、当事人", "\n## 一、当事人").replace("\n二、证据", "\n## 二、证据").replace("\n", "\n\n")
    for source, text in (("x.txt", body), ("x.md", md)):
        by = by_label(only_doc(text, source, markdown=source.endswith(".md")))
        assert by["《最高人民法院关于民事诉讼证据的若干规定》第一条"].path[1:] == ("一、当事人举证", "第一条"), source
        assert by["《最高人民法院关于民事诉讼证据的若干规定》第三条"].path[1:] == ("二、证据的调查收集和保全", "第三条"), source
        assert by["《最高人民法院关于民事诉讼证据的若干规定》第二条一、"].text == "一、举证的期限；", source


def test_a_chapter_title_broken_where_it_cannot_end_is_joined():
    text = ("某某监督法\n第一章 总则\n第一条 为了保障监督，制定本法。\n第二章 听取和审议人民政府、人民法院和\n"
            "人民检察院的专项工作报告\n第二条 常务委员会每年听取和审议人民政府、人民法院和人民检察院的专项工作报告。\n")
    for source, body in (("x.txt", text), ("x.md", "# " + text.replace("\n第", "\n\n第").replace("\n人民", "\n\n人民"))):
        doc = only_doc(body, source, markdown=source.endswith(".md"))
        assert by_label(doc)["《某某监督法》第二条"].path[1] == "第二章 听取和审议人民政府、人民法院和人民检察院的专项工作报告"


def test_segment_audit_reports_a_clean_law_folder(tmp_path, capsys):
    from eval.segment_audit import main

    (tmp_path / "条例.md").write_text("# 某某省道路运输条例\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n" + PLAIN_LAW.split("第一章 总则\n", 1)[1]
                                     .replace("\n", "\n\n").replace("第五章 人民代表大会及其常务委员会\n\n信访事项的受理和办理",
                                                                      "## 第五章 人民代表大会及其常务委员会信访事项的受理和办理")
                                     .replace("第六章 法律责任", "## 第六章 法律责任"), encoding="utf-8")
    assert main(["--laws", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "files 1, indexed clauses 6" in out
    assert "files with text in no indexed clause: 0" in out and "segments otherwise: 0" in out
    assert main(["--laws", str(tmp_path / "missing")]) == 1


def test_a_title_broken_over_lines_is_one_title():
    """A file that opens with its title broken in two, and a body that repeats a title broken in three: one
    document, its title whole, and no clause holding a piece of it."""
    opens = "北京市人民代表大会常务委员会任免\n国家机关工作人员条例\n第一条 为了规范任免工作，制定本条例。\n第二条 本条例自公布之日起施行。\n"
    doc = only_doc(opens, "x.txt")
    assert doc.title == "北京市人民代表大会常务委员会任免国家机关工作人员条例"
    assert [lb for lb, _ in pairs(doc)] == [f"《{doc.title}》第一条", f"《{doc.title}》第二条"]
    title = "最高人民法院关于审理网络消费纠纷案件适用法律若干问题的规定"
    repeated = (f"# {title}\n\n<!-- INFO END -->\n\n最高人民法院\n\n关于审理网络消费纠纷案件\n\n适用法律若干问题的规定\n\n"
                "第一条 电子商务经营者提供的格式条款有下列内容的，人民法院应当依法认定无效。\n")
    doc = only_doc(repeated, "x.md", markdown=True)
    assert [lb for lb, _ in pairs(doc)] == [f"《{title}》第一条"]


def test_a_rules_document_starts_at_its_first_article():
    """A title line followed by 第一条 starts a new document of a compilation; one followed by a later article
    is a heading of the open document (the lost chapter above)."""
    text = PLAIN_LAW.replace("运输管理\n", "") + "某某平台规则\n第一条 平台应当公示规则。\n"
    docs = parse(text, "汇编.txt")
    assert [d.title for d in docs] == ["某某省道路运输条例", "某某平台规则"]


def test_text_under_a_markdown_heading_is_indexed_with_it():
    """A company's rules in Markdown ("## 一、退换货" then its text): the heading names what the text is about, so
    it is indexed with it, and a one-sentence text with sub-headings under it is still a clause."""
    text = ("# 售后服务制度\n\n## 一、退换货\n\n客户收到商品之日起七日内可以申请退货。\n\n"
            "## 二、投诉处理\n\n客服应当在24小时内回复。\n\n### （一）记录\n\n每次投诉都应当记录。\n")
    doc = only_doc(text, "x.md", markdown=True)
    by = {c.label: c for c in indexed(doc)}
    assert list(by) == ["《售后服务制度》一、退换货", "《售后服务制度》二、投诉处理", "《售后服务制度》二、投诉处理 （一）记录"]
    assert by["《售后服务制度》一、退换货"].index_text == "售后服务制度 › 一、退换货\n客户收到商品之日起七日内可以申请退货。"
    assert "二、投诉处理" in by["《售后服务制度》二、投诉处理"].index_text
    assert by["《售后服务制度》二、投诉处理 （一）记录"].index_text.endswith("（一）记录\n每次投诉都应当记录。")


def test_plain_markdown_headings_nest_under_their_chapter():
    """"## 第二章 售后服务" / "### 退换货" / "第二条 …": the article is under both (the chapter was dropped, or the
    heading, depending on which came first)."""
    text = ("# 售后制度\n\n## 第一章 总则\n\n第一条 为规范售后，制定本制度。\n\n## 第二章 售后服务\n\n### 退换货\n\n"
            "第二条 客户可以在七日内申请退货。\n\n### 投诉处理\n\n第三条 客服应当在24小时内回复投诉。\n\n## 第三章 附则\n\n"
            "第四条 本制度自发布之日起施行。\n")
    paths = {c.label: c.path[1:] for c in indexed(only_doc(text, "x.md", markdown=True))}
    assert paths == {"《售后制度》第一条": ("第一章 总则", "第一条"),
                     "《售后制度》第二条": ("第二章 售后服务", "退换货", "第二条"),
                     "《售后制度》第三条": ("第二章 售后服务", "投诉处理", "第三条"),
                     "《售后制度》第四条": ("第三章 附则", "第四条")}


def test_a_lawrefbook_section_that_lost_its_number_stays_in_its_chapter():
    text = ("# 某市物业管理条例\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了规范物业管理，制定本条例。\n\n"
            "## 第二章 业主自治管理\n\n业主\n\n第二条 房屋的所有权人为业主。\n\n业主大会\n\n第三条 业主大会由全体业主组成。\n\n"
            "## 第三章 附则\n\n第四条 本条例自公布之日起施行。\n")
    paths = {c.label: c.path[1:] for c in indexed(only_doc(text, "x.md", markdown=True))}
    assert paths["《某市物业管理条例》第二条"] == ("第二章 业主自治管理", "业主", "第二条")
    assert paths["《某市物业管理条例》第三条"] == ("第二章 业主自治管理", "业主大会", "第三条")
    assert paths["《某市物业管理条例》第四条"] == ("第三章 附则", "第四条")


def test_markdown_h1_headings_start_documents():
    text = "# 甲办法\n\n第一条 为了规范甲的行为，制定本办法。\n\n# 乙规定\n\n第一条 为了规范乙的行为，制定本规定。\n"
    docs = parse(text, "x.md", markdown=True)
    assert [d.title for d in docs] == ["甲办法", "乙规定"]
    assert [pairs(d) for d in docs] == [
        [("《甲办法》第一条", "第一条 为了规范甲的行为，制定本办法。")],
        [("《乙规定》第一条", "第一条 为了规范乙的行为，制定本规定。")],
    ]


def test_untitled_text_is_one_document_named_after_the_file():
    docs = parse("第一条 为了规范电子商务行为，制定本办法。\n第二条 本办法自发布之日起施行。\n", "某某办法.txt")
    assert [d.title for d in docs] == ["某某办法"]


COVER = "封面：浙江省地方标准，2014-08-25 发布，2014-09-25 实施，浙江省质量技术监督局 发布"


@pytest.mark.parametrize("cover", [
    pytest.param("ICS 03.080.99 A 02\nDB33\n浙江省地方标准\nDB 33/T 932—2014\nSpecification for management and service of "
                 "E-commerce enterprises\n2014 - 08 - 25 发布\n2014 - 09 - 25 实施\n浙江省质量技术监督局 发布\n", id="lines"),
    pytest.param("ICS03.080.99A 02 DB33 浙江省地方标准DB 33/T 932—2014电子商务企业管理与服务规范Specification for management "
                 "and service of E-commerce enterprises2014-08-25发布2014-09-25实施浙江省质量技术监督局发布DB33/T 932—2014"
                 "目次前言 (II)1 范围 (1)5 服务要求 (2)5.1 基本要求 (2)\n", id="run-together"),
])
def test_a_standards_cover_is_one_clause_that_says_when_it_took_effect_and_who_issued_it(cover):
    """Its dates and issuer are said nowhere else ("DB33/T 932 什么时候实施的？"): the cover was dropped whole."""
    docs = parse(f"DB33T932-2014电子商务企业管理与服务规范\n{cover}前言\n本标准由浙江省商务厅提出并归口。\n"
                 "5 服务要求\n5.1 基本要求\n5.1.1 建立服务保障机制，定期评价。\n", "x.txt")
    assert [d.title for d in docs] == [STD_TITLE]
    recs = {c.label: c for c in docs[0].clauses}
    assert recs[_s("封面")].text == COVER and recs[_s("封面")].id.endswith("/cover")
    assert [c.label for c in indexed(docs[0])] == [_s("封面"), _s("前言"), _s("5.1.1")]
    assert not [c for c in docs[0].clauses if "Specification" in c.text or "ICS" in c.text or "目次" in c.text]


def test_a_company_standards_cover_names_the_company_whole():
    """Probe M: "栖湖到家电子商务有限公司企业标准" was cut to "电子商务有限公司企业标准" (eight characters at most before 企业标准)."""
    from ingest.clean import cover_line

    cover = ("Q/QH\n栖湖到家电子商务有限公司企业标准\nQ/QH 305—2025\n\n栖湖到家员工账号与权限管理规范\n\n"
             "2025-03-10发布　　　　2025-04-01实施\n栖湖到家电子商务有限公司信息安全部　发布\n")
    assert cover_line(cover) == ("封面：栖湖到家电子商务有限公司企业标准，2025-03-10 发布，2025-04-01 实施，"
                                 "栖湖到家电子商务有限公司信息安全部 发布")


def test_a_dated_control_line_under_the_title_is_its_note():
    """Probe M: a Markdown rule says when it took effect only in the line under its title ("> 发布部门：循环业务部｜生效日期：
    2025年5月1日｜版本：V1.2"), which was dropped with other document-control lines: "…什么时候生效" could not be answered.
    One without a date, or one after the text has begun (a page's running header), is dropped as before."""
    md = ("# 闲置物品回收服务规则\n\n> 发布部门：循环业务部　｜　生效日期：2025年5月1日　｜　版本：V1.2\n\n## 一、总则\n\n"
          "1. 服务商应当遵守本规则。\n\n发布部门：循环业务部　生效日期：2025年5月1日\n\n2. 用户应当是物品的合法所有人。\n")
    texts = [t for _, t in _labels_texts(only_doc(md, "r.md", markdown=True))]
    assert texts[0] == "题注：发布部门：循环业务部　生效日期：2025年5月1日　版本：V1.2"
    assert sum("生效日期" in t for t in texts) == 1
    # (a web page's count is no fact of the document: probe L's "阅读次数：12873")
    md = "# 某规则\n\n发布部门：平台治理部  生效日期：2025年3月1日  阅读次数：12873\n\n## 一、总则\n\n1. 服务商应当遵守本规则。\n"
    assert _labels_texts(only_doc(md, "t.md", markdown=True))[0][1] == "题注：发布部门：平台治理部　生效日期：2025年3月1日"
    # (the review's) not one above the title (it made a document of its own), nor an old revision's under "## 修订记录"
    text = "文件编号：QH-001  版本：V1.0  生效日期：2025年5月1日\n栖湖到家售后服务规范\n第一条 商家应当在48小时内发货。\n"
    assert [(d.title, [c.text for c in d.clauses]) for d in parse(text, "售后规范v2.txt")] == [
        ("栖湖到家售后服务规范", ["第一条 商家应当在48小时内发货。"])]
    text = "栖湖到家售后服务规范\n文件编号：QH-001  版本：V1.0  生效日期：2025年5月1日\n第一条 商家应当在48小时内发货。\n"
    assert [c.text for c in only_doc(text, "售后规范v2.txt").clauses][0] == \
        "题注：文件编号：QH-001　版本：V1.0　生效日期：2025年5月1日"
    md = "# 某规则\n\n## 修订记录\n\n版本：V1.0｜修订日期：2024年1月1日｜修订人：张三\n\n## 一、总则\n\n1. 商家应当发货。\n"
    assert not any("修订日期" in t for _, t in _labels_texts(only_doc(md, "u.md", markdown=True)))
    md = "# 某规则\n\n> 文件编号：QH-01　｜　版本：V1.2\n\n## 一、总则\n\n1. 服务商应当遵守本规则。\n"
    assert not any("文件编号" in t for _, t in _labels_texts(only_doc(md, "s.md", markdown=True)))


def test_a_cover_line_without_dates_makes_no_clause():
    docs = parse("DB33T932-2014电子商务企业管理与服务规范\nDB33\n浙江省地方标准\n5.1 基本要求\n5.1.1 建立服务保障机制，定期评价。\n",
                 "x.txt")
    assert [c.label for c in indexed(docs[0])] == [_s("5.1.1")]


def test_standard_code_title_is_canonicalised():
    docs = parse("DB33T932-2014电子商务企业管理与服务规范\n5.1 基本要求\n5.1.1 建立服务保障机制，定期评价。\n", "x.txt")
    assert [d.title for d in docs] == [STD_TITLE]
    assert [c.label for c in indexed(docs[0])] == [_s("5.1.1")]


# -- 4. stable ids --------------------------------------------------------------------------------

ID_CASES = [
    pytest.param(LAW_CHAPTERS, "T.txt", False, "第五条 本办法由市场监督管理部门负责解释。\n", id="law"),
    pytest.param(ITEMS_NESTED, "T.txt", False, "c. 售后回访：对已解决的问题进行跟踪回访，确保服务质量。\n", id="items"),
    pytest.param(STD, "std.txt", False, "5.2.2.4 有完善的物流配送服务体系，保证网上交易的顺利完成。\n", id="std"),
    pytest.param(THREE_DOCS, "汇编.txt", False, "二、丙方应当定期评估运营效果。\n", id="compilation"),
    pytest.param(MD_LAW, "电子商务法.md", True, "\n第三条 国家鼓励发展电子商务新业态，创新商业模式。\n", id="markdown"),
]


def _ids(docs) -> list[list[str]]:
    return [[c.id for c in d.clauses] for d in docs]


@pytest.mark.parametrize("text, source, markdown, extra", ID_CASES)
def test_ids_are_deterministic(text, source, markdown, extra):
    a, b = parse(text, source, markdown), parse(text, source, markdown)
    assert _ids(a) == _ids(b)
    assert [d.doc_id for d in a] == [d.doc_id for d in b]
    assert [[c.to_dict() for c in d.clauses] for d in a] == [[c.to_dict() for c in d.clauses] for d in b]


@pytest.mark.parametrize("text, source, markdown, extra", ID_CASES)
def test_appending_at_end_keeps_earlier_ids(text, source, markdown, extra):
    before = parse(text, source, markdown)
    after = parse(text + extra, source, markdown)
    assert [d.doc_id for d in after] == [d.doc_id for d in before]
    for old, new in zip(before, after):
        old_ids, new_ids = [c.id for c in old.clauses], [c.id for c in new.clauses]
        assert set(old_ids) <= set(new_ids)
        old_map = {c.id: (c.label, c.text) for c in old.clauses}
        assert {c.id: (c.label, c.text) for c in new.clauses if c.id in old_map} == old_map
    added = {c.id for c in after[-1].clauses} - {c.id for c in before[-1].clauses}
    assert len(added) == 1


@pytest.mark.parametrize("text, source, markdown, extra", ID_CASES)
def test_ids_unique_within_document(text, source, markdown, extra):
    for d in parse(text + extra, source, markdown):
        ids = [c.id for c in d.clauses]
        assert len(ids) == len(set(ids))


def test_clause_records_round_trip_through_dict():
    from ingest.records import Clause

    for c in only_doc(LAW_CHAPTERS).clauses:
        assert Clause.from_dict(c.to_dict()) == c


# -- 5. the seed corpus ---------------------------------------------------------------------------

CORPUS_TITLES = [
    "电子商务部规章制度",
    "电子商务平台管理办法",
    "电子商务运营流程及管理法则",
    "电子商务平台运营规定",
    "电子商务运营管理制度",
    "DB33/T 932—2014 电子商务企业管理与服务规范",
    "电商服务管理制度",
    "电子商务平台规范",
    "电商平台行业电商平台服务质量管理制度",
    "电子商务公司管理制度",
    "电商规章管理制度",
    "电商规章制度",
    "电子商务公共服务平台建设与管理业管理服务标准",
    "电子商务与客户服务管理制度",
    "电子商务平台的质量管理与服务提升",
    "电商企业运营管理体系",
    "电子商务售后服务规范",
    "电子商务售后服务管理制度",
]


@pytest.fixture(scope="module")
def corpus_text() -> str:
    return load_file(CORPUS).text


@pytest.fixture(scope="module")
def corpus_docs(corpus_text):
    return parse_text(corpus_text, str(CORPUS))


@pytest.fixture(scope="module")
def corpus_by_title(corpus_docs):
    return {d.title: d for d in corpus_docs}


def test_corpus_documents_and_titles(corpus_docs):
    assert [d.title for d in corpus_docs] == CORPUS_TITLES
    assert len({d.doc_id for d in corpus_docs}) == 18
    for d in corpus_docs:
        assert indexed(d), d.title


def test_corpus_ids_unique_and_stable(corpus_docs, corpus_text):
    ids = [c.id for d in corpus_docs for c in d.clauses]
    assert len(ids) == len(set(ids))
    again = parse_text(corpus_text, str(CORPUS))
    assert _ids(again) == _ids(corpus_docs)


NOISE_PATTERNS = [
    re.compile(r"下载文档|仅部分预览|侵犯您的权益|人工客服工作时间|找答案"),
    re.compile(r"\.{4,}|…{2,}|·{4,}|．{4,}"),  # TOC dot leaders
    re.compile(r"[(（]\s*(?:[IVX]+|\d{1,3})\s*[)）]\s*\d*\s*[\u4e00-\u9fff]{1,8}\s*[(（]\s*(?:[IVX]+|\d{1,3})\s*[)）]"),  # TOC run
    re.compile(r"^\s*[-—–]?\s*(\d{1,3}|[IVXLCivxlc]{1,6})\s*[-—–]?\s*$"),  # a bare page number
    re.compile(r"^\s*DB\s*33\s*/?\s*T?\s*932\s*[—–-]\s*2014\s*$"),  # a bare running header
    re.compile(r"DB\s*33\s*/?\s*T\s*932\s*[—–-]\s*2014"),  # the header glued into a clause
    re.compile(r"浙江省地方标准|浙江省质量技术监督局|Specification for management|\d{4}\s*-\s*\d{2}\s*-\s*\d{2}\s*[发实]|^\s*目\s*[次录]"),
]


def test_corpus_no_noise_in_indexed_clauses(corpus_docs):
    bad = [(c.label, c.text[:60], p.pattern) for c in all_indexed(corpus_docs)
           for p in NOISE_PATTERNS if p.search(c.text) and not (c.id.endswith("/cover") and p is NOISE_PATTERNS[-1])]
    assert bad == []
    # what DB33/T 932—2014's two covers say is one clause (the second copy, a jumbled PDF's, is its exact duplicate)
    covers = [c for c in all_indexed(corpus_docs) if c.id.endswith("/cover")]
    assert [(c.label, c.text) for c in covers] == [(_s("封面"), COVER)]


def test_corpus_no_noise_in_any_record(corpus_docs):
    for c in (c for d in corpus_docs for c in d.clauses):
        assert not NOISE_PATTERNS[0].search(c.text)
        assert not NOISE_PATTERNS[1].search(c.text)
        assert not NOISE_PATTERNS[3].search(c.text)


def _broken_lines(text: str) -> list[tuple[str, str]]:
    """Pairs of consecutive lines where a sentence is cut: the first is a sentence fragment (has a
    comma, ends in a Chinese character) and the next line starts with a Chinese character."""
    lines = [ln.strip() for ln in text.split("\n")]
    out = []
    for a, b in zip(lines, lines[1:]):
        if a and b and a[-1] not in SENTENCE_END and re.search(r"[，,]", a) \
                and re.match(r"[\u4e00-\u9fff]", a[-1]) and re.match(r"[\u4e00-\u9fff]", b[0]):
            out.append((a, b))
    return out


def test_corpus_no_clause_cut_by_a_line_break(corpus_docs, corpus_by_title, corpus_text):
    broken = _broken_lines(corpus_text)
    assert len(broken) == 3  # 第七条/第八条/第九条 of 电商规章制度
    blob = [norm(c.text) for c in all_indexed(corpus_docs)]
    for a, b in broken:
        seam = norm(a[-8:] + b[:8])
        assert any(seam in t for t in blob), seam
        # and no indexed clause is only the tail of the broken sentence
        assert not any(t.startswith(norm(b[:8])) for t in blob)
    rec = by_label(corpus_by_title["电商规章制度"])["《电商规章制度》第七条"]
    assert "保障消费者的维修" in rec.text


def test_corpus_known_labels(corpus_by_title):
    c = by_label(corpus_by_title["电商服务管理制度"])["《电商服务管理制度》第六条（一）"]
    assert "退换货政策" in c.text
    std = corpus_by_title[STD_TITLE]
    c = by_label(std)["《DB33/T 932—2014 电子商务企业管理与服务规范》5.2.2.2"]
    assert c.text.startswith("5.2.2.2 建立明确、详实的交易和服务规则")
    run = by_label(corpus_by_title["电商规章管理制度"])
    assert run["《电商规章管理制度》第十一条"].text.startswith("第十一条电商企业应当诚信守法")
    assert run["《电商规章管理制度》第十二条"].text.startswith("第十二条电商企业应当尊重消费者权益")
    items = by_label(corpus_by_title["电商平台行业电商平台服务质量管理制度"])
    assert "《电商平台行业电商平台服务质量管理制度》三、1.a." in items


def test_corpus_standard_near_duplicate_recorded(corpus_by_title):
    std = corpus_by_title[STD_TITLE]
    assert std.near_duplicates
    ids = {c.id for c in std.clauses}
    for first, second in std.near_duplicates:
        assert first in ids and second in ids
        rec = next(c for c in std.clauses if c.id == second)
        assert rec.role == "duplicate" and rec.near_dup_of == first


def test_corpus_repeated_title_stripped_from_body(corpus_docs):
    for d in corpus_docs:
        name = norm(d.title.split(" ")[-1])
        for c in indexed(d):
            assert not norm(c.text).startswith(name), (d.title, c.text[:40])


def _sentences_before_boilerplate(text: str) -> list[str]:
    lines = text.split("\n")
    end = next(i for i, ln in enumerate(lines) if "下载文档前请自行甄别" in ln)
    out = []
    for ln in lines[:end]:
        for s in re.findall(r"[^。；！？]*[。；！？]", ln):
            if len(norm(s)) >= 8:
                out.append(s)
    return out


def test_corpus_every_sentence_is_indexed(corpus_docs, corpus_text):
    """Each sentence of the compilation (before the download boilerplate) reaches the index,
    as clause text or as the heading context indexed with its sub-clauses."""
    blob = norm("".join(c.index_text for c in all_indexed(corpus_docs)))
    missing = [s[:40] for s in _sentences_before_boilerplate(corpus_text) if norm(s)[-12:] not in blob]
    assert missing == []


# -- 6. the laws ---------------------------------------------------------------------------------------


def _law_params():
    listing = LAWS / "ECOMMERCE.txt"
    if not listing.is_file():
        return [pytest.param(None, id="laws-missing")]
    return [pytest.param(rel, id=Path(rel).stem) for rel in listing.read_text(encoding="utf-8").split()]


def _law(rel):
    if rel is None or not LAWS.is_dir():
        pytest.skip(LAWS_MISSING)
    path = LAWS / rel
    text = load_file(path).text
    return text, parse_text(text, str(path), markdown=True)


def _article_keys(docs) -> set[tuple[str, str]]:
    keys = set()
    for d in docs:
        for c in d.clauses:
            last = c.id.rsplit("/", 1)[-1]
            if re.match(r"a\d+", last):
                keys.add((d.doc_id, last.split("#")[0]))
                assert re.fullmatch(r"第[一二三四五六七八九十百千零〇两\d]+条(之[一二三四五六七八九十]+)?", c.number), c
    return keys


@pytest.mark.parametrize("rel", _law_params())
def test_law_as_plain_text_segments_like_its_markdown(rel):
    """The same law copied as plain text (no Markdown marks, no blank lines, as from a web page or a .docx) is one
    document with the same articles, each under the same chapter."""
    from eval.segment_audit import plain_copy

    text, docs = _law(rel)
    plain = parse_text(plain_copy(text), "law.txt")
    assert [d.title for d in plain] == [docs[0].title]

    def articles(d):
        return [(c.label, c.path[-2], norm(c.text)) for c in indexed(d) if re.search(r"条(之[一二三四五六七八九十]+)?$", c.label)]
    assert articles(plain[0]) == articles(docs[0])


@pytest.mark.parametrize("rel", _law_params())
def test_law_article_count_matches_source(rel):
    text, docs = _law(rel)
    expected = len(ARTICLE_LINE.findall(text))
    assert expected > 0
    assert len(docs) == 1
    assert len(_article_keys(docs)) == expected


@pytest.mark.parametrize("rel", _law_params())
def test_law_ids_unique_and_articles_start_with_their_number(rel):
    _, docs = _law(rel)
    for d in docs:
        ids = [c.id for c in d.clauses]
        assert len(ids) == len(set(ids))
        assert not any("~" in i for i in ids)
        for c in d.clauses:
            last = c.id.rsplit("/", 1)[-1]
            if re.fullmatch(r"a\d+", last) and c.role != "group":
                assert c.text.startswith(c.number), c.id


def test_ecommerce_law_has_89_articles():
    rel = "民法商法/电子商务法(2018-08-31).md"
    if not (LAWS / rel).is_file():
        pytest.skip(LAWS_MISSING)
    text, docs = _law(rel)
    assert [d.title for d in docs] == ["中华人民共和国电子商务法"]
    assert len(_article_keys(docs)) == 89
    recs = by_label(docs[0])
    a2 = recs["《中华人民共和国电子商务法》第二条"]
    assert "本法所称电子商务" in a2.text and "不适用本法" in a2.text  # its 款 stay in the article
    assert a2.text.count("\n") == 2
    assert recs["《中华人民共和国电子商务法》第八十九条"].text.startswith("第八十九条")
    assert "《中华人民共和国电子商务法》第七十七条" in recs  # cites 第十八条/第十九条 mid-sentence
    # appending an article at the end keeps every earlier id
    more = parse_text(text + "\n第九十条 本条为测试追加的条文，不影响之前的编号。\n", str(LAWS / rel), markdown=True)
    old = [c.id for c in docs[0].clauses]
    new = [c.id for c in more[0].clauses]
    assert new[: len(old)] == old and len(new) == len(old) + 1


def test_paragraphs_after_an_articles_items_are_its_further_kuan_in_order():
    law = (
        "# 某法\n\n第二十五条 经营者采用网络方式销售商品，消费者有权自收到商品之日起七日内退货，但下列商品除外：\n\n"
        "（一）消费者定作的；\n\n（二）鲜活易腐的。\n\n"
        "除前款所列商品外，其他不宜退货的商品，不适用无理由退货。\n\n"
        "消费者退货的商品应当完好。\n\n第二十六条 经营者不得设定不公平的格式条款。\n"
    )
    doc = parse_text(law, "某法.md", markdown=True)[0]
    got = [(c.label, c.text[:len(start)]) for (c, (_, start)) in zip(
        [c for c in doc.clauses if c.role == "clause"], EXPECTED_KUAN)]
    assert len([c for c in doc.clauses if c.role == "clause"]) == len(EXPECTED_KUAN)
    assert got == EXPECTED_KUAN


EXPECTED_KUAN = [
    ("《某法》第二十五条", "第二十五条 经"),  # a lead-in that states a rule is a clause itself
    ("《某法》第二十五条（一）", "（一）消费者定作"),
    ("《某法》第二十五条（二）", "（二）鲜活易腐的"),
    ("《某法》第二十五条第二款", "除前款所列商品外"),
    ("《某法》第二十五条第三款", "消费者退货的商品"),
    ("《某法》第二十六条", "第二十六条 经"),
]


def test_an_item_named_in_a_cross_reference_is_not_a_marker():
    law = ("# 某办法\n\n第五条 经营者不得有下列行为：\n\n（一）对商品作虚假宣传；\n\n（二）无理拒绝消费者退货。\n\n"
           "第六条 经营者有本办法第五条第（一）项至第（二）项规定行为之一的，属于欺诈行为。\n\n"
           "第七条 有前条（二）项所列行为的，责令改正。\n")
    labels = [c.label for c in indexed(parse_text(law, "某办法.md", markdown=True)[0])]
    assert labels == ["《某办法》第五条（一）", "《某办法》第五条（二）", "《某办法》第六条", "《某办法》第七条"]


def test_an_item_worded_like_one_in_an_earlier_article_is_kept():
    item = "（二）对消费者提出的修理、重作、更换、退货的要求，故意拖延或者无理拒绝的；"
    law = (f"# 某法\n\n第一条 经营者有下列情形之一的，应当赔偿：\n\n（一）销售不合格商品的；\n\n{item}\n\n"
           f"第二条 经营者有下列情形之一的，予以处罚：\n\n（一）伪造产地的；\n\n{item}\n")
    doc = parse_text(law, "某法.md", markdown=True)[0]
    assert "《某法》第二条（二）" in by_label(doc)


def test_parts_of_a_long_article_are_labelled_by_their_kuan():
    long_kuan = "违反本法规定，发布虚假广告的，" + "处广告费用三倍以上五倍以下的罚款。" * 30 + "依法处理。"
    law = f"# 某法\n\n第九条 {long_kuan}\n\n医疗机构有前款规定违法行为的，吊销执业许可证。\n"
    doc = parse_text(law, "某法.md", markdown=True)[0]
    labels = [c.label for c in indexed(doc)]
    assert labels[-1] == "《某法》第九条第二款"
    assert set(labels[:-1]) == {"《某法》第九条第一款"} and len(labels) >= 3  # a long 款 in parts: each cites it


# -- layouts of documents the seed does not have (seg-21) -----------------------------------


def _labels_texts(doc) -> list[tuple[str, str]]:
    return [(c.label, c.text) for c in indexed(doc)]


def test_a_regulations_adoption_note_under_its_title_is_not_its_title():
    """Before, "（2023年9月28日…会议通过）" under the title was taken for the title of every clause."""
    for note in ("（2023年9月28日某某省第十四届人民代表大会常务委员会第五次会议通过）",
                 "2023年9月28日某某省第十四届人民代表大会常务委员会第五次会议通过",
                 "（2023年9月28日公布，自2024年1月1日起施行）"):
        doc = only_doc(f"某某省网络交易监督管理条例\n{note}\n第一章 总则\n第一条 为了规范网络交易活动，制定本条例。\n"
                       "第二条 本条例自2024年1月1日起施行。\n")
        assert doc.title == "某某省网络交易监督管理条例"
        assert [c.label for c in indexed(doc)] == ["《某某省网络交易监督管理条例》题注", "《某某省网络交易监督管理条例》第一条",
                                                  "《某某省网络交易监督管理条例》第二条"]
        assert indexed(doc)[0].text == "题注：" + note.strip("（）")  # a clause of its own, as in LawRefBook Markdown
    # a body's line that starts with a date is its text, no note (it was dropped, then made a second 题注)
    doc = only_doc("某某省网络交易监督管理条例\n第三条 平台应当备案。\n2020年6月1日前已经批准设立的平台，应当在本条例施行\n"
                   "后六个月内完成备案。\n")
    assert [c.text for c in indexed(doc)] == ["第三条 平台应当备案。\n2020年6月1日前已经批准设立的平台，应当在本条例施行后六个月内完成备案。"]


def test_a_numbered_heading_stays_a_line_of_its_own_over_its_text():
    """Before, "一、总则" and the sentence under it were one run of text ("一、总则为保障…"; "1 范围本文件规定…")."""
    doc = only_doc("某平台商家违规处理规则\n一、总则\n为保障消费者合法权益，制定本规则。\n二、违规处理\n"
                   "商家出售假冒商品的，平台应当下架商品。\n")
    assert _labels_texts(doc) == [("《某平台商家违规处理规则》一、", "一、总则\n为保障消费者合法权益，制定本规则。"),
                                  ("《某平台商家违规处理规则》二、", "二、违规处理\n商家出售假冒商品的，平台应当下架商品。")]
    std = only_doc("DB33/T 2999—2022 网络零售商品售后服务规范\n1 范围\n本文件规定了网络零售商品售后服务的基本要求。\n"
                   "2 基本要求\n2.1 经营者应建立售后服务管理制度。\n")
    assert indexed(std)[0].text == "1 范围\n本文件规定了网络零售商品售后服务的基本要求。"


def test_a_clause_cited_at_the_start_of_a_line_is_no_new_clause():
    """Before, "…并按照本办法" / "第四条的规定确定投诉等级。" opened a second 第四条, and "…应符合" / "5.3的规定。" a 5.3
    that took the real 5.3's number (whose text was lost)."""
    doc = only_doc("客户投诉处理办法\n第一条 为规范客户投诉处理，制定本办法。\n第二条 客服人员收到投诉后，应当在2小时内登记，"
                   "并按照本办法\n第四条的规定确定投诉等级。\n第三条 投诉处理完毕后，应当回访客户。\n"
                   "第四条 投诉分为一般投诉和重大投诉。\n")
    assert _labels_texts(doc)[1:] == [
        ("《客户投诉处理办法》第二条", "第二条 客服人员收到投诉后，应当在2小时内登记，并按照本办法第四条的规定确定投诉等级。"),
        ("《客户投诉处理办法》第三条", "第三条 投诉处理完毕后，应当回访客户。"),
        ("《客户投诉处理办法》第四条", "第四条 投诉分为一般投诉和重大投诉。")]
    std = only_doc("DB33/T 2999—2022 网络零售商品售后服务规范\n5 服务要求\n5.1 经营者应在商品页面明示退换货政策，"
                   "退货处理时限应符合\n5.3的规定。\n5.2 经营者应提供维修服务。\n5.3 退货处理时限不超过7日。\n")
    assert [t for _, t in _labels_texts(std)] == ["5.1 经营者应在商品页面明示退换货政策，退货处理时限应符合5.3的规定。",
                                                  "5.2 经营者应提供维修服务。", "5.3 退货处理时限不超过7日。"]


@pytest.mark.parametrize("markdown", [False, True])
def test_a_controlled_documents_own_facts_are_no_clause_and_hide_no_title(markdown):
    """A probe's PDF and Markdown: "文件编号：YF-WL-002　版本：A/0　编制部门：仓储物流中心" under the title was a clause
    (第1段), and between a PDF's running header, its title and its contents it made the header the title."""
    if markdown:
        text = ("# 商品上架审核规定\n\n文件编号：YF-SP-003　　版本：B/1　　发布部门：商品运营部\n\n## 1 目的\n\n"
                "为规范商品上架审核流程，制定本规定。\n\n## 2 要求\n\n商品信息应当真实、准确。\n")
        title = "商品上架审核规定"
    else:
        page = "YF-WL-002云帆电商仓储物流中心管理制度\n"
        text = (page + "仓储与发货管理制度\n文件编号：YF-WL-002　版本：A/0　编制部门：仓储物流中心\n目　录\n"
                "第一章 总则……………………2\n第二章 入库管理……………………2\n第 1 页 共 3 页\n" + page +
                "第一章 总则\n第一条 为规范仓储作业流程，制定本制度。\n第二章 入库管理\n第二条 商品到仓后，仓管员应当核对"
                "采购订单。\n第 2 页 共 3 页\n" + page + "第三条 入库验收应当拍照留证。\n第 3 页 共 3 页\n" + page)
        title = "仓储与发货管理制度"
    doc = only_doc(text, "T.md" if markdown else "T.txt", markdown=markdown)
    assert doc.title == title
    assert not any("文件编号" in c.text or "版本" in c.text for c in doc.clauses)
    assert all(c.text.strip() not in ("仓储与发货管理制度", "商品上架审核规定") for c in doc.clauses)


def test_a_running_header_above_the_title_is_no_part_of_the_first_paragraph():
    """Probe P22: "华辰电商有限公司内部文件" (said three times, a page's header) opened the file above the title and ran into
    it, "华辰电商有限公司内部文件物流异常与理赔处理细则" the first clause; a header line that opens a file with no title under
    it is the title still."""
    header = "华辰电商有限公司内部文件\n"
    doc = only_doc(header + "物流异常与理赔处理细则\n一、总则\n（一）物流管理部应当每日巡检在途包裹。\n" + header
                   + "（二）破损件应当在2个工作日内完成责任认定。\n" + header + "二、附则\n（一）本细则自2024年1月1日起施行。\n")
    assert doc.title == "物流异常与理赔处理细则"
    assert not any("内部文件" in c.text for c in doc.clauses), [c.text for c in doc.clauses]


def test_a_heading_that_names_the_prohibitions_it_lists_is_a_line_of_its_own():
    """Probe P22: "（三）禁止事项" / "处理物流异常过程中，相关工作人员必须遵守以下要求：" ran together ("禁止事项处理物流异常…"),
    its 禁止 read as a rule's; a line that does forbid stays a sentence the next line may go on."""
    doc = only_doc("物流异常处理细则\n一、要求\n（三）禁止事项\n处理物流异常过程中，相关工作人员必须遵守以下要求：\n"
                   "——不得要求消费者自行联系承运商处理；\n——不得篡改物流轨迹截图。\n")
    assert any(c.text.startswith("（三）禁止事项\n处理物流异常过程中") for c in doc.clauses), [c.text for c in doc.clauses]
    doc = only_doc("物流异常处理细则\n一、要求\n（三）严禁工作人员\n向消费者承诺赔偿金额。\n")
    assert any("严禁工作人员向消费者承诺赔偿金额" in c.text for c in doc.clauses), [c.text for c in doc.clauses]


def test_a_heading_that_ends_in_citing_words_stays_apart_from_the_article_after_it():
    """The review's: with a space allowed before 中, "第六章 法律适用" / "第四十条 中华人民共和国境内…" became one heading and
    第四十条 left the index."""
    doc = only_doc("某某法\n第一条 为了规范电子商务，制定本法。\n第六章 法律适用\n第四十条 中华人民共和国境内的电子商务活动，"
                   "适用本法。\n第四十一条 本法自公布之日起施行。\n")
    assert [label for label, _ in _labels_texts(doc)] == ["《某某法》第一条", "《某某法》第四十条", "《某某法》第四十一条"]


def test_a_line_of_duties_named_like_a_controlled_documents_facts_is_kept():
    """The review's: "审核人：负责核对商品资质；批准人：负责最终批准上架。" was dropped as a document's own facts."""
    doc = only_doc("商品上架审核规定\n第一条 商品上架应当经过审核。\n第二条 审核分工如下：\n审核人：负责核对商品资质；批准人：负责最终"
                   "批准上架。\n第三条 主图数量不少于5张。\n")
    assert any("审核人：负责核对商品资质" in t for _, t in _labels_texts(doc))
    doc = only_doc("商品上架审核规定\n文件编号：YF-SP-003；版本：B/1；发布部门：商品运营部\n第一条 商品上架应当经过审核。\n")
    assert [t for _, t in _labels_texts(doc)] == ["第一条 商品上架应当经过审核。"]  # (with ；between the facts)


@pytest.mark.parametrize("cited", ["5.3 的要求进行。", "5.3的要求进行。", "第四条 的规定进行。", "5.3 和 5.2 的要求进行。"])
def test_a_clause_cited_with_a_space_at_the_start_of_a_line_is_no_new_clause(cited):
    """A probe's Markdown: "…不得省略按" / "4.2 的要求进行的信息审核。" cut 5.4 mid-sentence and made a clause of the rest
    that took the real 4.2's label."""
    std = only_doc("商品上架审核规定\n5 审核要求\n5.1 商家应提交商品信息，急需上架的，不得省略按\n" + cited +
                   "\n5.2 审核人员应当在1个工作日内完成审核。\n5.3 商品图片应当清晰。\n")
    texts = [t for _, t in _labels_texts(std)]
    assert texts[0] == "5.1 商家应提交商品信息，急需上架的，不得省略按" + cited
    assert texts[1:] == ["5.2 审核人员应当在1个工作日内完成审核。", "5.3 商品图片应当清晰。"]


@pytest.mark.parametrize("page_break", ["- 3 -", "第 1 页 共 2 页", "网店商品质量管理办法"])
def test_a_sentence_cut_by_a_page_break_is_joined_again(page_break):
    """Before, a page number or a running header between the lines of a sentence left it cut ("…应当\\n拒收…", split
    into two 款 when long); a title repeated as the running header was dropped with it, the file name standing in."""
    text = ("网店商品质量管理办法\n第一条 为加强网店商品质量管理，制定本办法。\n第二条 仓储部门应当对入库商品进行抽检，"
            f"发现不合格商品的，应当\n{page_break}\n拒收并通知采购部门。\n第三条 客服部门收到质量投诉的，应当在24小时内转交"
            f"品控部门处理，并\n{page_break}\n记录处理结果。\n第四条 本办法自发布之日起施行。\n")
    doc = only_doc(text, "hdr.txt")
    assert doc.title == "网店商品质量管理办法"
    assert [t for _, t in _labels_texts(doc)][1:3] == [
        "第二条 仓储部门应当对入库商品进行抽检，发现不合格商品的，应当拒收并通知采购部门。",
        "第三条 客服部门收到质量投诉的，应当在24小时内转交品控部门处理，并记录处理结果。"]


def test_items_numbered_1_paren_and_circled_are_clauses_and_a_paragraph_after_items_is_the_next_kuan():
    """Before, "1) …" and "① …" items stayed in their article's text, and the paragraph after "1、" items was glued to
    the last item ("2、未经审批开展促销活动的。情节严重的，公司可以解除劳动合同。")."""
    doc = only_doc("店铺运营管理办法\n第一条 运营人员应当完成下列工作：\n1) 每日检查商品上下架状态；\n2) 每周分析店铺流量数据。\n"
                   "第二条 店铺活动应当符合以下要求：\n① 活动规则应当在活动页面显著位置公示；\n② 活动价格不得高于活动前七日内的最低价格。\n"
                   "第三条 运营人员有下列行为之一的，扣发当月绩效：\n1、擅自修改商品价格造成损失的；\n2、未经审批开展促销活动的。\n"
                   "情节严重的，公司可以解除劳动合同。\n")
    t = "《店铺运营管理办法》"
    assert _labels_texts(doc) == [
        (f"{t}第一条1)", "1) 每日检查商品上下架状态；"), (f"{t}第一条2)", "2) 每周分析店铺流量数据。"),
        (f"{t}第二条①", "① 活动规则应当在活动页面显著位置公示；"), (f"{t}第二条②", "② 活动价格不得高于活动前七日内的最低价格。"),
        (f"{t}第三条", "第三条 运营人员有下列行为之一的，扣发当月绩效："), (f"{t}第三条1.", "1、擅自修改商品价格造成损失的；"),
        (f"{t}第三条2.", "2、未经审批开展促销活动的。"), (f"{t}第三条第二款", "情节严重的，公司可以解除劳动合同。")]


def test_a_standards_release_and_implementation_dates_on_one_line_are_its_cover_not_part_of_a_clause():
    doc = only_doc("DB33/T 2999—2022 网络零售商品售后服务规范\n2022-05-10 发布 2022-06-10 实施\n1 范围\n"
                   "本文件规定了网络零售商品售后服务的基本要求。\n")
    assert [c.text for c in indexed(doc)] == ["封面：2022-05-10 发布，2022-06-10 实施",
                                              "1 范围\n本文件规定了网络零售商品售后服务的基本要求。"]


def test_a_web_pages_facts_tools_and_footer_are_no_part_of_its_text():
    """Before, the line of facts under the <h1> ("发布时间：… 来源：… 字号：大 中 小") kept the title from being found
    (the file's name stood in) and the share line and the footer ran on in the last article."""
    text = ("首页 | 政务公开 | 政策文件 | 互动交流\n跨境电商进口商品管理办法\n"
            "发布时间：2023-08-15 来源：市商务局 浏览次数：1024 字号：大 中 小\n"
            "第一条 为规范跨境电子商务零售进口商品管理，制定本办法。\n第二条 本办法自2023年9月1日起施行。\n"
            "分享到：微信 微博 QQ空间\n相关文件：关于促进跨境电商发展的若干意见\n"
            "版权所有：某某市人民政府办公室 主办单位：某某市人民政府 网站标识码：3301000001\nICP备案号：浙ICP备12345678号\n"
            "打印本页 关闭窗口\n")
    doc = only_doc(text, "10_page.txt")
    assert doc.title == "跨境电商进口商品管理办法"
    assert [t for _, t in _labels_texts(doc)] == ["第一条 为规范跨境电子商务零售进口商品管理，制定本办法。",
                                                  "第二条 本办法自2023年9月1日起施行。"]


@pytest.mark.parametrize("title, addressees", [("关于加强直播营销管理的通知", "各部门："),
                                                ("关于印发《电子商务企业信用评价管理办法》的通知", "各区县市场监督管理局，各有关单位：")])
def test_a_notice_that_leaves_its_issuer_to_the_signature_is_titled(title, addressees):
    """Before, "关于…的通知" over its addressees was no title (the file's name stood in): an official title had to
    name its issuer first."""
    doc = only_doc(f"{title}\n{addressees}\n为规范公司直播营销活动，现就有关事项通知如下：\n一、直播前应当完成选品审核。\n"
                   "二、直播中不得使用绝对化用语。\n", "notice.txt")
    assert doc.title == title
    assert [t for _, t in _labels_texts(doc)][-2:] == ["一、直播前应当完成选品审核。", "二、直播中不得使用绝对化用语。"]


def test_a_standards_cover_and_terms_as_a_pdf_lays_them_out():
    """Before, the code on its own line above the name was left out of the title, a one-letter CCS line ("L 67") made
    the file's name the title, and terms numbered on a line of their own ("3.1" / "售后服务 after-sales service" /
    definition) ran together in clause 3."""
    doc = only_doc("ICS 35.240.60\nL 67\nDB33\n浙江省地方标准\nDB33/T 2999—2022\n网络零售商品售后服务规范\n"
                   "2022-05-10 发布 2022-06-10 实施\n浙江省市场监督管理局 发布\n1 范围\n本文件规定了网络零售商品售后服务的基本要求。\n"
                   "3 术语和定义\n3.1\n售后服务 after-sales service\n经营者在商品售出后向消费者提供的各项服务活动。\n3.2\n"
                   "网络零售 online retail\n经营者通过互联网向消费者销售商品的经营活动。\n4 基本要求\n4.1 经营者应建立售后服务管理制度。\n",
                   "03_standard.txt")
    assert doc.title == "DB33/T 2999—2022 网络零售商品售后服务规范"
    t = "《DB33/T 2999—2022 网络零售商品售后服务规范》"
    assert _labels_texts(doc) == [
        (f"{t}封面", "封面：浙江省地方标准，2022-05-10 发布，2022-06-10 实施，浙江省市场监督管理局 发布"),
        (f"{t}1", "1 范围\n本文件规定了网络零售商品售后服务的基本要求。"),
        (f"{t}3.1", "3.1 售后服务 after-sales service\n经营者在商品售出后向消费者提供的各项服务活动。"),
        (f"{t}3.2", "3.2 网络零售 online retail\n经营者通过互联网向消费者销售商品的经营活动。"),
        (f"{t}4.1", "4.1 经营者应建立售后服务管理制度。")]


def test_a_tables_rows_stay_in_the_article_that_announces_the_table():
    """Before, the last row of a table before the next article ("抽奖\\t3天\\t分管副总经理", cells a tab apart as the
    .docx loader writes them) was taken for a heading over the articles after it and left the article's table."""
    doc = only_doc("促销活动管理制度\n第一条 促销活动规则如下表：\n活动类型\t最长期限\t审批人\n打折\t7天\t运营总监\n"
                   "抽奖\t3天\t分管副总经理\n第二条 有奖销售的最高奖金额不得超过五万元。\n")
    assert _labels_texts(doc) == [
        ("《促销活动管理制度》第一条", "第一条 促销活动规则如下表：\n活动类型\t最长期限\t审批人\n打折\t7天\t运营总监\n抽奖\t3天\t分管副总经理"),
        ("《促销活动管理制度》第二条", "第二条 有奖销售的最高奖金额不得超过五万元。")]
    assert [c.path for c in doc.clauses][-1] == ("促销活动管理制度", "第二条")


def test_a_notices_signature_is_no_part_of_its_last_item():
    """Before, "办公室" / "2024年3月1日" under the last item ran into it ("二、直播中不得使用绝对化用语。办公室2024年3月1日")."""
    for signer, date in (("办公室", "2024年3月1日"), ("某某市市场监督管理局", "二〇二四年三月一日")):
        doc = only_doc(f"关于加强直播营销管理的通知\n各部门：\n一、直播前应当完成选品审核。\n二、直播中不得使用绝对化用语。\n{signer}\n{date}\n",
                       "notice.txt")
        assert [t for _, t in _labels_texts(doc)][-1] == "二、直播中不得使用绝对化用语。"


def test_a_signature_on_one_line_is_no_part_of_the_last_clause():
    """Probe K: a Markdown rule's sign-off after its last clause, "青橡优品质量管理部　　2025年3月", ran into it ("7.2 公示信息保留
    期限为3年。青橡优品质量管理部　　2025年3月"); so did a plain text's."""
    md = ("# 商品质量抽检与下架规则\n\n7 信息公示\n\n7.1 平台每季度公示抽检不合格商品名称。\n\n7.2 公示信息保留期限为3年。\n\n"
          "---\n\n青橡优品质量管理部　　2025年3月\n")
    doc = only_doc(md, "q.md", markdown=True)
    assert [t for _, t in _labels_texts(doc)][-1] == "7.2 公示信息保留期限为3年。"
    doc = only_doc("商品质量抽检规则\n第一条 平台应当每季度抽检。\n第二条 公示信息保留3年。\n某某公司　2025-03-01\n", "q.txt")
    assert [t for _, t in _labels_texts(doc)][-1] == "第二条 公示信息保留3年。"
    # (the review's) an item that names a department and a date is no signature, nor a date without its day in figures
    from ingest.clean import SIGNATURE_LINE

    assert not SIGNATURE_LINE.match("（二）质量管理部 2025年3月") and not SIGNATURE_LINE.match("客服部 2025.3")
    # a sentence that ends in a date is no signature
    doc = only_doc("商品质量抽检规则\n第一条 平台应当每季度抽检。\n第二条 本规则施行于 2025年3月\n", "r.txt")
    assert [t for _, t in _labels_texts(doc)][-1].endswith("2025年3月")


def test_a_two_line_signature_in_markdown_is_no_part_of_the_last_clause():
    """Probe M: "栖湖到家循环业务部" / "2025年4月20日" after a Markdown rule's "---" ran into its last item ("4. …暂停向其派单1个
    月。栖湖到家循环业务部2025年4月20日"); a LawRefBook notice's "最高人民检察院" / "1997年10月6日" into its 三、."""
    md = ("# 闲置回收规则\n\n## 六、服务商管理\n\n1. 服务商应当在48小时内完成质检。\n"
          "2. 平台每季度对服务商进行考核，当季用户投诉率超过2%的，暂停向其派单1个月。\n\n---\n\n栖湖到家循环业务部\n\n2025年4月20日\n")
    doc = only_doc(md, "r.md", markdown=True)
    assert [t for _, t in _labels_texts(doc)][-1] == "2. 平台每季度对服务商进行考核，当季用户投诉率超过2%的，暂停向其派单1个月。"
    # (a date alone, or a line that names a body alone, stays: it is no signature)
    md = "# 某规则\n\n## 一、总则\n\n1. 本规则自下列日期起施行：\n\n2025年4月20日\n"
    assert [t for _, t in _labels_texts(only_doc(md, "s.md", markdown=True))][-1].endswith("2025年4月20日")


def test_a_page_header_marked_controlled_is_dropped_beside_its_page_number():
    """Probe K: "青橡优品跨境业务部制度文件（受控版本）" after a bare page number ran into the clause the page ended with."""
    doc = only_doc("跨境商品进口与清关管理规定\n三、额度\n（四）消费者可以查询本人年度跨境交易额度的使用情况。\n\n2\n"
                   "青橡优品跨境业务部制度文件（受控版本）\n\n四、清关与物流\n（一）平台应当在支付成功后2小时内推送三单信息。\n", "k.txt")
    texts = [t for _, t in _labels_texts(doc)]
    assert "（四）消费者可以查询本人年度跨境交易额度的使用情况。" in texts
    assert not any("受控" in t for t in texts)
    # (the review's) a document-control rule's heading "第二章 受控文件" is no marking
    from ingest.clean import DISTRIBUTION_MARK, clean_blocks

    assert not DISTRIBUTION_MARK.match("第二章 受控文件")
    assert any(b.text == "第二章 受控文件" for b in clean_blocks("文件管理制度\n第二章 受控文件\n第五条 受控文件应当编号。\n"))


def test_a_line_that_starts_with_a_cited_article_or_a_quantity_continues_the_sentence():
    """PDF text wraps anywhere. Before, "…根据《电子商务法》" / "第十五条、第三十八条等规定，…" opened a 第十五条 that
    took the rest of 第一条; "…不得低于" / "3.5倍的客单价。" a clause 3.5; "…不少于" / "3 个月。" was a line of its own; and
    "…按照" / "4.2.1" / "的要求…" a second 4.2.1 (the real one's number, with the wrong text)."""
    doc = only_doc("网店消费者权益保护规则\n第一条 为保障消费者权益，根据《电子商务法》\n第十五条、第三十八条等规定，制定本规则。\n"
                   "第二条 商家的保证金不得低于\n3.5倍的客单价。\n第三条 平台应当依照《消费者权益保护法》\n第二十五条的规定，"
                   "支持七日无理由退货。\n")
    assert [t for _, t in _labels_texts(doc)] == [
        "第一条 为保障消费者权益，根据《电子商务法》第十五条、第三十八条等规定，制定本规则。",
        "第二条 商家的保证金不得低于3.5倍的客单价。",
        "第三条 平台应当依照《消费者权益保护法》第二十五条的规定，支持七日无理由退货。"]
    std = only_doc("DB33/T 2024—2024 直播电商服务规范\n1 范围\n本文件规定了直播电商服务的要求。\n2 要求\n2.1 经营者应在收到退回"
                   "商品后3个工作日内完成退款。\n2.2 直播间商品价格与页面价格差异不应超过\n5.0 %，超过的应在直播间说明。\n"
                   "2.3 样品留存期限不少于\n3 个月。\n2.4 运费险理赔款按照\n2.1\n的要求处理。\n")
    assert [t for label, t in _labels_texts(std) if label.endswith(("2.1", "2.2", "2.3", "2.4"))] == [
        "2.1 经营者应在收到退回商品后3个工作日内完成退款。", "2.2 直播间商品价格与页面价格差异不应超过5.0 %，超过的应在直播间说明。",
        "2.3 样品留存期限不少于3 个月。", "2.4 运费险理赔款按照2.1的要求处理。"]


@pytest.mark.parametrize("note", ["（2024年3月修订）", "（内部资料 注意保密）", "云栖发〔2024〕12号", "2024年3月修订版",
                                  # (probe P24: a longer note with a document number, spaced or with commas: the note
                                  # was the title, or the file's name)
                                  "（2024年修订版　云汐规〔2024〕12号　平台治理委员会审议通过）",
                                  "（2024年修订版，文号：华辰物〔2024〕7号）"])
def test_a_note_or_document_number_under_a_title_is_a_note_not_the_title(note):
    """Before, the line under the title was taken for the title of the rules below it: every clause was cited as
    《（2024年3月修订）》第一条, and the real title was lost."""
    doc = only_doc(f"星辰数码旗舰店会员积分管理制度\n{note}\n第一章 总则\n第一条 为回馈老顾客，制定本制度。\n"
                   "第二条 本制度适用于注册会员。\n", "jifen.txt")
    assert doc.title == "星辰数码旗舰店会员积分管理制度"
    assert _labels_texts(doc)[0] == ("《星辰数码旗舰店会员积分管理制度》题注", "题注：" + note.strip("（）").replace("\u3000", " "))


@pytest.mark.parametrize("code", ["T/ZJEC 018—2024", "GB/T 41018—2024", "Q/XH 001-2024"])
def test_a_standard_whose_code_is_also_its_running_header_keeps_its_code_and_name(code):
    """Before, a group standard's code (T/ZJEC) was no code: the file name was the title and the code and name were
    clauses 第1段 and 第2段, the running header stuck to the text; a GB/T code said again as the next page's header lost
    the name under it the same way."""
    doc = only_doc(f"{code}\n网络零售商品退换货服务规范\n{code}\n1 范围\n本文件规定了网络零售商品退换货服务要求。\n"
                   f"2 服务要求\n2.1 经营者应在收到退货申请后24 h内响应。\n{code}\n2.2 经营者不应要求消费者说明理由。\n", "s.txt")
    from ingest.clean import canonical_std_code

    assert doc.title == f"{canonical_std_code(code)} 网络零售商品退换货服务规范"
    assert [t for _, t in _labels_texts(doc)][-2:] == ["2.1 经营者应在收到退货申请后24 h内响应。", "2.2 经营者不应要求消费者说明理由。"]


def test_a_title_said_again_as_a_running_header_keeps_the_chapter_open():
    """Before, the title repeated at the top of a page closed 第二章: 第三条 and 第四条 stood under no chapter."""
    doc = only_doc("某公司客服管理办法\n第一章 总则\n第一条 为规范客服行为，制定本办法。\n第二章 考核\n第二条 客服考核实行月度评分制。\n"
                   "- 2 -\n某公司客服管理办法\n第三条 评分低于60分的，扣发绩效奖金。\n第四条 考核结果每月公示。\n", "kefu.txt")
    assert [c.path for c in indexed(doc)][-1] == ("某公司客服管理办法", "第二章 考核", "第四条")


def test_a_collections_cover_line_is_not_joined_to_its_first_documents_title():
    """Before, "电商部规章制度汇编（2篇）" and the first title were read as one title broken over two lines: the first
    document was named after the file, with a clause 第1段 holding both lines."""
    docs = parse("电商部规章制度汇编（2篇）\n仓储物流部管理制度\n仓储物流部管理制度为加强仓储管理，特制定本制度。\n"
                 "一、商品到货后，仓管员应当在4小时内完成清点。\n二、出库实行先进先出原则。\n"
                 "电商美工岗位职责\n电商美工岗位职责\n1. 负责店铺首页的设计与更新。\n2. 不得使用未经授权的字体。\n", "huibian.txt")
    assert [d.title for d in docs] == ["仓储物流部管理制度", "电商美工岗位职责"]


@pytest.mark.parametrize("kind", ["协议", "清单", "目录", "实施方案", "流程"])
def test_a_first_line_that_names_a_kind_of_document_over_items_is_its_title(kind):
    """Before, only some kinds (制度, 办法, 规则…) were titles: 网店禁售商品清单 was named after the file."""
    doc = only_doc(f"网店禁售商品{kind}\n一、以下商品禁止在店铺发布：\n1.管制刀具；\n2.仿真枪械。\n二、违反本{kind}的，删除商品。\n", "k.txt")
    assert doc.title == f"网店禁售商品{kind}"


def test_other_sites_boilerplate_and_a_sites_top_bar_are_dropped():
    """Before, "本文档由 某某文库 用户上传…" stayed as a clause, "更多精品文档请访问…" ran into the last item, and a page's
    "欢迎访问某某网！ 请 登录 | 注册" was a document of its own."""
    docs = parse("# 直播运营部管理制度\n\n本文档由 某某文库 用户上传，仅供学习交流，下载后请于24小时内删除。\n\n## 一、主播管理\n\n"
                 "（一）主播不得使用“全网第一”等绝对化用语。\n\n（二）主播应当熟悉商品卖点。\n\n更多精品文档请访问 www.xxwenku.com\n\n"
                 "# 直播选品管理办法\n\n第一条 选品应当遵循“先试用、后上播”的原则。\n", "zhibo.md", markdown=True)
    assert [d.title for d in docs] == ["直播运营部管理制度", "直播选品管理办法"]
    texts = [c.text for c in all_indexed(docs)]
    assert texts[:2] == ["（一）主播不得使用“全网第一”等绝对化用语。", "（二）主播应当熟悉商品卖点。"]
    assert not any("文库" in t or "wenku" in t for t in texts)
    page = only_doc("欢迎访问某某网！ 请 登录 | 注册\n网店禁售商品管理规定\n一、以下商品禁止在店铺发布：\n1.管制刀具；\n2.仿真枪械。\n", "p.txt")
    assert page.title == "网店禁售商品管理规定" and all("登录" not in c.text for c in page.clauses)


def test_a_tables_rows_under_a_list_item_stay_rows():
    """Before, rows after a numbered item ran together: "2. 数据用后7日内删除。数据类别\\t保存期限订单数据\\t3年…"."""
    doc = only_doc("员工网络安全守则\n一、数据安全\n1. 导出顾客数据须经审批。\n2. 数据用后7日内删除。\n数据类别\t保存期限\n"
                   "订单数据\t3年\n24 h响应率\t≥98%\n二、违规处理\n违反本守则的，给予警告。\n", "t.txt")
    assert by_label(doc)["《员工网络安全守则》一、2."].text == "2. 数据用后7日内删除。\n数据类别\t保存期限\n订单数据\t3年\n24 h响应率\t≥98%"


def test_the_text_after_a_markdown_table_is_a_line_of_its_own():
    """Review of probe N's tables: a paragraph after a Markdown table ran into its last row ("| 破损 | 补发 | 48小时内
    |商家应当在赔付后通知消费者。"): the row was lost to the checklist and an item held its pipes."""
    doc = only_doc("# 赔付规则\n\n## 一、赔付标准\n\n消费者的赔付按照下表执行：\n\n| 情形 | 赔付方式 | 时限 |\n|---|---|---|\n"
                   "| 丢件 | 全额退款 | 24小时内 |\n| 破损 | 补发 | 48小时内 |\n\n商家应当在赔付后通知消费者。\n\n## 二、其他\n\n"
                   "商家应当保留记录。\n", "x.md", markdown=True)
    assert by_label(doc)["《赔付规则》一、赔付标准"].text.endswith("| 破损 | 补发 | 48小时内 |\n商家应当在赔付后通知消费者。")
    # (one line with a tab is no table: the sentence it breaks off runs on, "1. 退款时限：\t商家应当在…" / "7日内完成退款。")
    doc = only_doc("售后管理制度\n一、退款\n1. 退款时限：\t商家应当在收到退货申请后\n7日内完成退款。\n2. 商家应当保留记录。\n")
    assert by_label(doc)["《售后管理制度》一、1."].text == "1. 退款时限：\t商家应当在收到退货申请后7日内完成退款。"


def test_the_text_after_a_note_is_no_part_of_it():
    """Before, a preamble after a law's adoption note ran into it ("题注：…会议通过为维护当事人合法权益…"; 331 files of
    ../shared/laws), and a decision's items were cited as the note's ("《…决定》题注一、", 45 files)."""
    doc = only_doc("最高人民法院关于严格规范民商事案件延长审限的规定\n（2019年2月25日 最高人民法院审判委员会第1762次会议通过）\n"
                   "为维护诉讼当事人合法权益，制定本规定。\n第一条 人民法院应当严格遵守审限的规定。\n", "shenxian.txt")
    assert _labels_texts(doc)[:2] == [
        ("《最高人民法院关于严格规范民商事案件延长审限的规定》题注", "题注：2019年2月25日 最高人民法院审判委员会第1762次会议通过"),
        ("《最高人民法院关于严格规范民商事案件延长审限的规定》第1段", "为维护诉讼当事人合法权益，制定本规定。")]
    decision = only_doc("上海市人民代表大会常务委员会关于促进浦东新区发展的决定\n（2019年7月25日上海市第十五届人民代表大会常务委员会"
                        "第十三次会议通过）\n一、支持浦东新区深化改革。\n二、浦东新区应当加强监督。\n", "jueding.txt")
    assert [label.split("》")[1] for label, _ in _labels_texts(decision)] == ["题注", "一、", "二、"]


def test_full_width_item_numbers_are_plain_digits_in_labels():
    """Before, "１．" items were labelled 《…》第1条１. (a label no one can type when asking for it)."""
    doc = only_doc("优选生鲜小程序用户服务协议\n第1条 账号注册\n１．用户应当使用真实手机号注册。\n２．一个手机号只能注册一个账号。\n", "x.txt")
    assert [label for label, _ in _labels_texts(doc)] == ["《优选生鲜小程序用户服务协议》第1条1.", "《优选生鲜小程序用户服务协议》第1条2."]


def test_a_line_that_ends_in_a_comma_goes_on_on_the_next_line():
    """Before, a short line ending in "、" was taken for a heading: "…应当标明原产地、" / "保税或直邮方式…" stayed two lines
    (a web page's <br>)."""
    doc = only_doc("跨境电商直播带货合规指引\n第一条　为规范跨境电商直播带货活动，制定本指引。\n第二条　直播间商品应当标明原产地、\n"
                   "保税或直邮方式。\n第三条　本指引自发布之日起施行。\n", "g.txt")
    assert _labels_texts(doc)[1] == ("《跨境电商直播带货合规指引》第二条", "第二条 直播间商品应当标明原产地、保税或直邮方式。")


def test_a_distribution_marking_on_each_page_is_dropped_however_few_the_pages():
    """Before, "云栖优品 内部资料 严禁外传" seen on two pages (a running header is dropped from three on) headed 第四条 as a
    heading of its own and ran into 第五条; a sentence that speaks of 内部资料 is kept."""
    doc = only_doc("云栖优品促销活动管理办法\n第一章 总则\n第一条 促销活动应当事先报运营总监审批。\n第二条 员工应当妥善保管内部资料。\n"
                   "云栖优品 内部资料 严禁外传\n第三条 禁止先提价后打折。\n第二章 附则\n第四条 本办法自发布之日起施行。\n"
                   "云栖优品 内部资料 严禁外传\n", "cuxiao.txt")
    assert [(c.label.split("》")[1], c.text) for c in indexed(doc)][1:] == [
        ("第二条", "第二条 员工应当妥善保管内部资料。"), ("第三条", "第三条 禁止先提价后打折。"), ("第四条", "第四条 本办法自发布之日起施行。")]
    assert [c.path for c in indexed(doc)][2] == ("云栖优品促销活动管理办法", "第一章 总则", "第三条")


def test_what_the_review_of_seg_28_found_is_read_as_before():
    """A review of seg-28..30 found these read otherwise than before; they read as before again: an article alone on
    its line after a title in 《》 (or after "…依照《…》") is an article, not a citation; a table's cell or a list's word
    that says 内部资料 or 严禁外传 is kept; "（一）" under a title is an item, not a note; a standard cited in a list of
    references is no document of its own; a heading over a sentence that starts with a number stays a line of its own."""
    doc = only_doc("《网店管理规范》\n第一条\n商家应当诚信经营。\n第二条\n平台应当公示规则。\n", "x.txt")
    assert doc.title == "网店管理规范" and [label.split("》")[1] for label, _ in _labels_texts(doc)] == ["第一条", "第二条"]
    doc = only_doc("网店规则\n第一条 为规范经营，制定本规则。\n第二条 商家应当依照《中华人民共和国产品质量法》\n第三条\n"
                   "商家应当保证质量。\n", "x.txt")
    assert [label.split("》")[1] for label, _ in _labels_texts(doc)] == ["第一条", "第二条", "第三条"]
    doc = only_doc("网店保密制度\n第一条 报表如下：\n销售报表\t仅供内部使用\n客户名单\t严禁外传\n第二条 本制度自发布之日起施行。\n", "x.txt")
    assert _labels_texts(doc)[0][1] == "第一条 报表如下：\n销售报表\t仅供内部使用\n客户名单\t严禁外传"
    doc = only_doc("商家公约\n（一）\n商家应当诚信经营。\n（二）\n商家应当公示证照。\n", "x.txt")
    assert [label.split("》")[1] for label, _ in _labels_texts(doc)] == ["（一）", "（二）"]
    docs = parse("网络零售服务规范\n1 范围\n本文件规定了网络零售服务要求。\n2 规范性引用文件\n下列文件对于本文件的应用是必不可少的。\n"
                 "GB/T 35273—2020\n信息安全技术 个人信息安全规范\n3 术语和定义\n3.1 网络零售 通过互联网销售商品。\n", "x.txt")
    assert [d.title for d in docs] == ["网络零售服务规范"]
    from ingest.clean import clean_blocks

    assert [b.text for b in clean_blocks("发货时效要求\n24小时内发货的订单占比应不低于95%。\n")] == [
        "发货时效要求", "24小时内发货的订单占比应不低于95%。"]


def test_a_running_header_or_footer_beside_a_page_number_is_no_part_of_the_clause_it_breaks():
    """Probe I: "-- 云禾优选平台规则 · 内部资料 --" above "第 1 页 共 2 页" ran into the clause the page broke ("…确认并退款；
    -- 云禾优选平台规则 · 内部资料 --逾期未确认的…"), "云禾优选 售后服务部 文件编号SH-2023-07" above "- 2 -" headed the
    articles after it, and a Markdown footer "*本规范由采购中心负责解释 | 第 3 页*" ended a clause and became a checklist
    item. A heading beside a page number, and a line that only names a marking in a sentence, stay."""
    doc = only_doc("云禾优选退款规则\n第一条 商家应当在四十八小时内确认并退款；\n-- 云禾优选平台规则 · 内部资料 --\n第 1 页 共 2 页\n"
                   "逾期未确认的，系统自动退款。\n云禾优选 售后服务部 文件编号SH-2023-07\n- 2 -\n第二章 附则\n"
                   "第二条 本规则自发布之日起施行。\n", "r.txt")
    assert _labels_texts(doc) == [("《云禾优选退款规则》第一条", "第一条 商家应当在四十八小时内确认并退款；\n逾期未确认的，系统自动退款。"),
                                  ("《云禾优选退款规则》第二条", "第二条 本规则自发布之日起施行。")]
    md = only_doc("# 供应商管理规范\n\n7.3 供应商应当每年提交一次资质更新材料。\n\n*本规范由采购中心负责解释 | 第 3 页*\n", "g.md")
    assert [t for _, t in _labels_texts(md)] == ["7.3 供应商应当每年提交一次资质更新材料。"]
    from ingest.clean import running_line
    from ingest.segment import starts_with_marker

    assert not running_line("第三章 售后服务", True, starts_with_marker)  # a heading after a page number
    assert not running_line("员工应当妥善保管内部资料。", True, starts_with_marker)
    assert not running_line("| 手机 | 7日 |", True, starts_with_marker)  # a Markdown table's row
    assert not running_line("——生产者名称和地址", True, starts_with_marker)  # a standard's dash item (review)
    assert not running_line("退货 · 换货 · 维修", True, starts_with_marker)
    # a page a line points to is no page it is on (review: dropped as a footer)
    assert not running_line("详见第 12 页 · 附表二", False, starts_with_marker)
    assert not running_line("参见第3页｜运费标准", True, starts_with_marker)
    assert running_line("云禾优选平台规则 · 第 3 页", False, starts_with_marker)
    # a footer's title and its page number set far apart (a fresh probe: "…应当取得总经理书面批准。-5-")
    assert running_line("供应商准入与采购管理办法                              -5-", False, starts_with_marker)
    assert not running_line("第五条 预付款不得超过合同金额的30%  -5-", False, starts_with_marker)
    doc = only_doc("采购管理办法\n第一条 预付款比例超过30%的，应当取得总经理书面批准。\n采购管理办法                    -5-\n"
                   "第二条 供应商应当按期交货。\n", "p.txt")
    assert [t for _, t in _labels_texts(doc)] == ["第一条 预付款比例超过30%的，应当取得总经理书面批准。", "第二条 供应商应当按期交货。"]


def test_a_credit_line_every_page_repeats_is_no_part_of_the_clause_it_breaks():
    """Held-out probe P26: a PDF's running header "制度编号：RL-GYL-2024-05" (no page number beside it) ran into the item a
    page broke ("（二）…，经查实的；制度编号：RL-GYL-2024-05") and was a 款 of its own; P25's "文件编号：…" cut a word in two
    ("…等理由直文件编号：LH-CW-2024-07接将申请…"). Said once, between the title and the text, it kept the title from being
    found (the file's name stood in)."""
    page = "某某公司  管理制度汇编\n制度编号：RL-GYL-2024-05\n"
    doc = only_doc(page + "仓配服务商管理办法\n第一条 服务商有下列情形之一的，公司可以解除合同：\n（一）连续3个月考核不达标的；\n"
                   "第 1 页\n" + page + "（二）虚假签收、篡改物流数据，经查实的；\n第二条 严禁审核人员在未经复审的情况下，以加急为由直\n第 2 页\n" + page
                   + "接推送至支付环节。\n", "m.txt")
    texts = [t for _, t in _labels_texts(doc)]
    assert texts[-3:] == ["（一）连续3个月考核不达标的；", "（二）虚假签收、篡改物流数据，经查实的；", "第二条 严禁审核人员在未经复审的情况下，以加急为由直接推送至支付环节。"], texts
    once = only_doc("仓配服务商管理办法\n制度编号：RL-GYL-2024-05\n第一条 服务商应当按期交货。\n", "o.txt")
    assert once.title == "仓配服务商管理办法" and [t for _, t in _labels_texts(once)] == ["第一条 服务商应当按期交货。"]


def test_a_table_laid_out_in_spaces_keeps_its_rows_apart():
    """Probe I: a plain-text table's rows ("手机            7日       15日      1年") were joined as a sentence broken across
    lines: "…主要部件包修期手机 7日 … 1年笔记本电脑 7日…". Two spaces inside a sentence (a PDF's) join as before."""
    doc = only_doc("三包服务规定\n第三条 各类商品三包有效期如下：\n\n商品类别        包退期    包换期    主要部件包修期\n"
                   "手机            7日       15日      1年\n笔记本电脑      7日       15日      2年\n\n"
                   "第四条 维修网点应当公示收费标准。\n", "t.txt")
    texts = [t for _, t in _labels_texts(doc)]
    assert texts[0].split("\n")[1:] == ["商品类别        包退期    包换期    主要部件包修期", "手机            7日       15日      1年",
                                        "笔记本电脑      7日       15日      2年"], texts  # (the last row was a heading)
    assert texts[1] == "第四条 维修网点应当公示收费标准。"
    from ingest.clean import TABLE_ROW

    assert not TABLE_ROW.search("维修网点应当按照有关  法规收取") and TABLE_ROW.search("手机  7日  15日")


def test_a_markdown_rule_reads_without_its_markup_metadata_and_footer():
    """Probe J: a Markdown rule's bold terms left their ** in the clauses beside them ("2 术语和定义\\n**", "2.1 先进先出**…
    **"), its "> 文件编号：…　版本：…" line was a clause, its footer "…管理部　　第 1 页 共 1 页" ran into the last clause
    and its table's rows ran together ("…如下：| 配送区域 | 承诺时效 || 同城 | 次日达 |…")."""
    md = ("# 鹿鸣商城仓储与物流配送管理制度\n\n> 文件编号：LM-WL-2024-03　　版本：V2.1　　发布部门：供应链管理部\n\n"
          "## 2 术语和定义\n\n**2.1 先进先出**\n按照商品入库批次的先后顺序安排出库的作业方法。\n\n"
          "**2.2 临期商品**\n剩余保质期不足总保质期三分之一的商品。\n\n"
          "### 6.2 配送时效\n\n自出库时起，各区域承诺配送时效如下：\n\n| 配送区域 | 承诺时效 |\n| --- | --- |\n"
          "| 同城 | 次日达 |\n| 省内 | 48小时 |\n\n"
          "8.2 承运商连续3个月未达到规定指标的，**终止合作**。\n\n鹿鸣商城供应链管理部　　第 1 页 共 1 页\n")
    doc = only_doc(md, "wh.md", markdown=True)
    got = dict(_labels_texts(doc))
    assert not any("**" in t or t.startswith(">") or "文件编号" in t or "第 1 页" in t for t in got.values()), got
    assert got["《鹿鸣商城仓储与物流配送管理制度》2.1"] == "2.1 先进先出\n按照商品入库批次的先后顺序安排出库的作业方法。"
    assert got["《鹿鸣商城仓储与物流配送管理制度》8.2"] == "8.2 承运商连续3个月未达到规定指标的，终止合作。"
    # (review) a "____" blank and __ are no Markdown bold
    blank = only_doc("# 付款规定\n\n1 乙方应于每月____日前付款，逾期____天的，按日计息。\n", "pay.md", markdown=True)
    assert "每月____日前付款，逾期____天" in blank.clauses[-1].text
    assert got["《鹿鸣商城仓储与物流配送管理制度》6.2"].split("\n")[-3:] == [
        "| 配送区域 | 承诺时效 |", "| 同城 | 次日达 |", "| 省内 | 48小时 |"]


def test_a_running_header_with_its_marking_is_no_title():
    """Probe J: "鹿鸣商城客服中心制度汇编（内部资料　注意保密）" above the rule's own title was taken for its title, and
    the title and its edition line became clauses (第1段, 第2段): "客服质检与话术管理办法三（二）" was not found."""
    doc = only_doc("鹿鸣商城客服中心制度汇编（内部资料　注意保密）\n\n鹿鸣商城客服质检与话术管理办法\n（客服中心　2024年第2版）\n\n"
                   "一、总则\n（一）为提升客服服务质量，制定本办法。\n（二）本办法适用于鹿鸣商城自营客服。\n"
                   "二、服务时效\n（一）在线客服首次响应不得超过30秒。\n", "cs.txt")
    assert doc.title == "鹿鸣商城客服质检与话术管理办法"
    assert not any("内部资料" in t or "汇编" in t for _, t in _labels_texts(doc))
    # (second review) a compilation named 制度 with its marking too
    doc2 = only_doc("鹿鸣商城规章制度（内部资料）\n\n鹿鸣商城客服质检与话术管理办法\n\n一、总则\n（一）为提升客服服务质量，制定本办法。\n",
                    "cs2.txt")
    assert doc2.title == "鹿鸣商城客服质检与话术管理办法", doc2.title
    # (review) a rule's own title with its marking stays its title
    own = only_doc("员工保密管理制度（内部资料）\n第一章 总则\n第一条 员工应当保守公司商业秘密。\n", "bm.txt")
    assert own.title.startswith("员工保密管理制度"), own.title
    # a plain text's footer beside its page after a full-width space, and a title's 意见 is no pointer to a page
    from ingest.clean import running_line
    from ingest.segment import starts_with_marker

    assert running_line("鹿鸣商城供应链管理部　第 1 页 共 1 页".replace("\u3000", " "), False, starts_with_marker)
    assert running_line("关于加强直播营销管理的指导意见  第 2 页", False, starts_with_marker)
    assert not running_line("运费标准见附表二    第 3 页", False, starts_with_marker)
    # (second review) a title's 见 or 参考 points to no page
    assert all(running_line(x, False, starts_with_marker) for x in ("鹿鸣商城常见问题解答 第 2 页", "鹿鸣商城见习员工管理规定 第 3 页",
                                                                   "鹿鸣商城采购参考价格管理办法 第 2 页"))


def test_a_short_heading_ending_in_a_word_of_a_cover_stays():
    """Probe L: "第二章 评价的发布" was taken for a standard's cover line ("…局 发布") and dropped, so 第三条–第七条 were
    filed under 第一章."""
    doc = only_doc("商品评价规则\n第一章 总则\n第一条 为规范评价，制定本规则。\n第二章 评价的发布\n第三条 消费者应当如实评价。\n")
    third = next(c for c in doc.clauses if c.label.endswith("第三条"))
    assert "第二章 评价的发布" in " ".join(third.path)


def test_a_pdf_header_every_page_repeats_is_dropped_without_a_page_number():
    """Probe L: pypdf put the page header at each page's end, with no page number beside it: on page 1 it ran into
    第九条, on page 2 it headed 第二十一条; and the table row after it became a heading over the next articles."""
    header = "澄川好物电子商务有限公司　财务中心　受控文件　CC-CW-2025-004"
    doc = only_doc("供应商结算与对账管理制度\n第三章 结算与付款\n第九条 供应商结算账期按照下表执行：\n"
                   "供应商类别 结算账期 付款方式\n战略供应商 对账确认后30日 银行转账\n" + header + "\n"
                   "新引入供应商（合作未满6个月） 对账确认后60日 银行转账\n第十条 供应商应当开具增值税专用发票。\n"
                   "第五章 监督与档案\n第二十条 禁止采购人员索取回扣。\n" + header + "\n第二十一条 财务中心应当核实质量纠纷。\n", "s.pdf")
    texts = dict(_labels_texts(doc))
    assert not any("受控文件" in t for t in texts.values())
    assert texts["《供应商结算与对账管理制度》第九条"].endswith("新引入供应商（合作未满6个月） 对账确认后60日 银行转账")
    c21 = next(c for c in doc.clauses if c.label.endswith("第二十一条"))
    assert "第五章 监督与档案" in " ".join(c21.path) and not any(c.role == "heading" and not c.text for c in doc.clauses)
    # a line said twice with no sign of a header stays (a title repeated at the start of the body)
    from ingest.clean import clean_blocks

    assert sum(b.text == "退货规则" for b in clean_blocks("退货规则\n退货规则\n第一条 商家应当退货。\n")) == 2
    # (the second review's) a form listed by its code, twice, is content, and so is a heading said twice
    text = ("客服管理制度\n第五条 客服受理退货时应当填写下列表单：\n退货申请单 QR-CS-001\n退款审批单 QR-CS-002\n"
            "第七条 客服应当留存下列表单：\n退货申请单 QR-CS-001\n退款审批单 QR-CS-002\n")
    assert sum("QR-CS-001" in (b.text or "") for b in clean_blocks(text)) == 2


def test_a_markdown_item_indented_under_another_is_its_item():
    """Probe L: "4. 下列情形不予赔付：" / "   1. 换货、维修产生的运费；" gave a second "二、退货运费险 1.", cited without the
    不予赔付 that governs it."""
    md = ("# 退货运费险规则\n\n## 二、退货运费险\n\n1. 运费险由商家投保。\n4. 下列情形不予赔付：\n   1. 换货、维修产生的运费；\n"
          "   2. 消费者使用到付方式寄回商品的。\n5. 保障期限为签收之日起15日。\n")
    doc = only_doc(md, "r.md", markdown=True)
    labels = [c.label for c in doc.clauses]
    assert len(labels) == len(set(labels)), labels
    item = next(c for c in doc.clauses if "换货、维修" in c.text)
    assert item.label.endswith("4.（1）") and doc.clauses[[c.id for c in doc.clauses].index(item.parent_id)].text.endswith("不予赔付：")
    # a level deeper is ① under （1） (the second review's: it gave "2.（1）" twice)
    md3 = ("# 规则\n\n## 二、赔付\n\n2. 下列情形不予赔付：\n   1. 下列运费：\n      1. 换货运费；\n      2. 维修运费。\n"
           "   2. 到付运费。\n")
    labels = [c.label for c in only_doc(md3, "r3.md", markdown=True).clauses]
    assert len(labels) == len(set(labels)), labels


def test_a_files_title_under_its_cover_heads_it():
    """Probe O: 商品包装与绿色物流管理规范.txt opens with its cover ("泊舟电子商务有限公司管理规范", "PZ/GL-WL-018-2025")
    over its title "泊舟商城商品包装与绿色物流管理规范": the document was titled by the file's name and the three lines were
    clauses (第1段, 第2段, 第3段). The line that names the file is the title, the lines above it its cover."""
    text = ("泊舟电子商务有限公司管理规范\n文件编号：PZ/GL-WL-018-2025\n\n泊舟商城商品包装与绿色物流管理规范\n\n"
            "2025年3月10日发布　　2025年4月1日实施\n\n1 总则\n1.1 为减少过度包装，制定本规范。\n"
            "1.2 快递包装上应当印制材质标识和回收标识。\n")
    doc = only_doc(text, "商品包装与绿色物流管理规范.txt")
    assert doc.title == "泊舟商城商品包装与绿色物流管理规范"
    labels = [c.label.removeprefix(f"《{doc.title}》") for c in indexed(doc)]
    assert labels[0] == "封面" and not any(x.startswith("第") and x.endswith("段") for x in labels), labels
    assert indexed(doc)[0].text == "封面：泊舟电子商务有限公司管理规范，文件编号：PZ/GL-WL-018-2025"
    # a title over the title (a running header, a series') is passed by as before; a sentence above it is text
    doc = only_doc("YF-WL-002云帆电商仓储物流中心管理制度\n仓储与发货管理制度\n第一章 总则\n第一条 仓库应当每日盘点。\n",
                   "仓储与发货管理制度.txt")
    assert doc.title == "仓储与发货管理制度" and [c.label for c in indexed(doc)] == ["《仓储与发货管理制度》第一条"]
    doc = only_doc("为规范包装，公司制定本规范。\n商品包装管理规范\n1 总则\n1.1 包装应当环保。\n", "商品包装管理规范.txt")
    assert not any(c.label.endswith("封面") for c in indexed(doc))


def test_each_dash_or_bullet_item_is_a_line_of_its_own():
    """Probe O: the five "- " items under "## 四、内容发布要求" ran together in one line ("…字样。- 严禁使用…- …"), as
    "——" items under "3.3 绿色包装标识" did; each is a line of its clause, as a table's rows are."""
    doc = only_doc("# 达人合作规范\n\n## 四、内容发布要求\n\n- 推广内容必须标注“广告”字样。\n- 严禁使用绝对化用语。\n",
                   "r.md", markdown=True)
    (c,) = indexed(doc)
    assert c.text == "- 推广内容必须标注“广告”字样。\n- 严禁使用绝对化用语。"
    doc = only_doc(f"{STD_TITLE}\n3 绿色物流\n3.3 绿色包装标识\n商家申请标识，应当同时满足下列条件：\n"
                   "——近3个月包装投诉率不高于0.1%；\n——全部使用可降解胶带。\n3.4 运输\n3.4.1 车辆应当定期检修。\n", "std.txt")
    assert by_label(doc)[_s("3.3")].text.endswith("下列条件：\n——近3个月包装投诉率不高于0.1%；\n——全部使用可降解胶带。")


def test_e_commerce_words_are_kept_whole_and_the_index_is_stamped_with_them(tmp_path):
    """Probe T: jieba cut "秒杀价比" 秒 / 杀价 / 比 and "差评价" 差 / 评价, so BM25 matched no 秒杀 or 差评 of the documents
    ("秒杀价比客户买的时候便宜了，客户能申请价保吗？" ranked the item "限时秒杀、拼团活动的价格" eighth). The words of
    ingest/lexicon.txt are kept whole, and the tokenizer's stamp changes with the file."""
    from ingest.tokenize import DEFAULT_FREQ, LEXICON, TOKENIZER_VERSION, tokenize, tokenizer_version, words

    assert "秒杀" in tokenize("秒杀价比客户买的时候便宜了") and "差评" in words("买家给了差评价格")
    assert "前置仓" in words("前置仓能送到的地方") and "运费险" in words("退货运费险谁出")
    # (a food-delivery platform's and a cross-border import's words: "外卖出餐时效" was 外 / 卖出 / 餐, and a checklist on
    # it found nothing, probe P42; and 时长, which jieba cuts 时 / 长 beside a word)
    assert words("外卖出餐时效") == ["外卖", "出餐", "时效"] and words("培训时长不少于") == ["培训", "时长", "不少", "于"]
    assert "清关" in words("申报清关") and "退运" in words("退运出境") and "取餐" in words("骑手取餐等待")
    assert words("七天无理由退货") == ["七天", "无", "理由", "退货"]  # (its part 无理 matched 无理取闹)
    # (the review's) a word's explicit frequency keeps the phrases it would break: 补发票 is 补 / 发票, not 补发 / 票
    assert words("申请补发票") == ["申请", "补", "发票"] and words("补发") == ["补发"]
    assert words("返佣金") == ["返", "佣金"] and words("返佣") == ["返佣"]
    assert words("保证金额") == ["保证", "金额"] and "保证金" in words("缴纳保证金")
    assert words("红包装") == ["红", "包装"] and "红包" in words("领取红包")
    # the apps staff name, which jieba's dictionary predates (probe P26: "发他微信上" matched no 微信群 of the rule)
    assert "微信" in tokenize("严禁将导出文件上传至个人网盘、微信群") and "微信" in tokenize("直接发他微信上")
    # (the review's) a lexicon word that takes a character of its neighbour leaves stock jieba's word searched too:
    # 错发 in 开错发票 kept 发票 from BM25, 划线价 in 划线价格 kept 价格
    for text, kept, stock_word in [("开错发票了能重开吗", "错发", "发票"), ("商品页面的划线价格", "划线价", "价格"),
                                   ("坑位费用怎么算", "坑位费", "费用"), ("前置仓库存", "前置仓", "仓库")]:
        toks = tokenize(text)
        assert kept in toks and stock_word in toks, (text, toks)
    # jieba's shared tokenizer stays stock: the eval baselines that use it are described as stock jieba
    import jieba

    assert jieba.lcut("秒杀价比") != words("秒杀价比")
    # an edit of the lexicon or of the default frequency changes the index stamp: a built index is rebuilt
    import ingest.tokenize as tk
    from tiaowen.settings import Settings

    before = Settings(home=tmp_path / "home").stamp_hash()
    assert tokenizer_version(LEXICON.read_bytes(), DEFAULT_FREQ) == TOKENIZER_VERSION
    for edited in (tokenizer_version(LEXICON.read_bytes() + "抖店\n".encode(), DEFAULT_FREQ),
                   tokenizer_version(LEXICON.read_bytes(), DEFAULT_FREQ + 1)):
        assert edited != TOKENIZER_VERSION
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(tk, "TOKENIZER_VERSION", edited)
            assert Settings(home=tmp_path / "home").stamp_hash() != before
    from tests.test_ask import _docs_index

    r = _docs_index(tmp_path, {"预售与定金规则.txt": (
        "预售与定金规则\n第一条 为规范预售活动，制定本规则。\n"
        "第二条 消费者支付尾款后至商品签收后7日内，同一商家同一商品降价的，消费者可以申请退还差价。\n"
        "第三条 下列情形不适用价格保护：\n（一）限时秒杀、拼团活动的价格；\n（二）其他平台或者线下渠道的价格。\n"
        "第四条 每笔订单申请价格保护以1次为限，差价由商家承担。\n")})
    ranked = r.sparse("秒杀价比客户买的时候便宜了，客户能申请价保吗？", 3)
    assert r.by_id[ranked[0][0]].text.startswith("（一）限时秒杀"), ranked


def test_a_contents_list_without_dot_leaders_is_dropped_and_its_headings_kept():
    """Probe 13: a web page's contents under "目录" ("一、总则" / "二、主播管理", no dot leaders nor page numbers) became
    seven clauses, and the real headings near-duplicates of them; the header over the title ("星禾电商 · 直播运营中心 ·
    内部资料", repeated on each page) was joined to the title, and the issuing line ("发文字号：… 签发人：…") was a clause
    第2段 (it is the title's 题注 now, as a dated control line is)."""
    doc = only_doc("星禾电商 · 直播运营中心 · 内部资料\n星禾电商直播带货管理办法\n发文字号：星禾直播〔2024〕3号　　签发人：王总\n"
                   "目录\n一、总则\n二、主播管理\n一、总则\n（一）为规范直播带货活动，制定本办法。\n二、主播管理\n"
                   "（一）主播不得使用绝对化用语。\n第 1 页\n星禾电商 · 直播运营中心 · 内部资料\n（二）主播每场直播不得超过4小时。\n",
                   "zhibo.txt")
    assert doc.title == "星禾电商直播带货管理办法"
    assert [(c.label.split("》")[1], c.text) for c in indexed(doc)] == [
        ("题注", "题注：发文字号：星禾直播〔2024〕3号　签发人：王总"), ("一、（一）", "（一）为规范直播带货活动，制定本办法。"), ("二、（一）", "（一）主播不得使用绝对化用语。"),
        ("二、（二）", "（二）主播每场直播不得超过4小时。")]
    assert not doc.near_duplicates
    # (its entries with their pages after them, a space apart)
    doc = only_doc("网店管理办法\n目 录\n第一章 总则 1\n第二章 附则 3\n第一章 总则\n第一条 商家应当诚信经营。\n第二章 附则\n"
                   "第二条 本办法自发布之日起施行。\n", "wd.txt")
    assert [(c.label.split("》")[1], c.path[1]) for c in indexed(doc)] == [("第一条", "第一章 总则"), ("第二条", "第二章 附则")]
    assert not doc.near_duplicates


def test_what_only_looks_like_a_contents_list_or_a_running_header_is_kept():
    """A review of seg-60: a heading right under "目录" that the text says again was dropped as a one-entry contents
    list, and a sub-heading said in the contents and in the text ("内部资料 借阅要求") as a running header."""
    doc = only_doc("网店规则\n目录\n一、总则\n（一）商家应当诚信经营。\n二、附则\n（一）本规则自发布之日起施行。\n一、总则\n", "x.txt")
    assert [c.label.split("》")[1] for c in doc.clauses][:2] == ["一、", "一、（一）"]
    doc = only_doc("仓储管理制度\n第一章 总则\n第一条 仓库应当每日盘点。\n内部资料 借阅要求\n第二条 借阅内部资料应当登记。\n"
                   "第三条 借阅期限不得超过七日。\n内部资料 借阅要求\n", "c.txt")
    assert [c.path for c in indexed(doc)][1] == ("仓储管理制度", "内部资料 借阅要求", "第二条")


def test_a_rules_parts_head_their_items_and_a_date_under_the_title_is_its_note():
    """A review: a web page's "第二部分 主播管理" ran into the last item of 第一部分 ("三、…统筹管理。第二部分 主播管理"), so
    "…第二部分讲了什么" found no part; and "印发日期：2024年3月1日" alone under "…管理办法（暂行）" cut the title in two
    (the document titled by its file, "（暂行）" its first clause)."""
    doc = only_doc("星禾电商直播带货管理办法（暂行）\n印发日期：2024年3月1日\n第一部分 总则\n一、为规范直播带货活动，制定本办法。\n"
                   "二、直播运营中心负责统筹管理。\n第二部分 主播管理\n一、主播不得使用绝对化用语。\n", "zhibo.txt")
    assert doc.title == "星禾电商直播带货管理办法（暂行）"
    assert [(c.path[1:], c.text) for c in indexed(doc)] == [
        (("题注 印发日期：2024年3月1日",), "题注：印发日期：2024年3月1日"), (("第一部分 总则", "一、"), "一、为规范直播带货活动，制定本办法。"),
        (("第一部分 总则", "二、"), "二、直播运营中心负责统筹管理。"), (("第二部分 主播管理", "一、"), "一、主播不得使用绝对化用语。")]


def test_a_review_of_seg_61_reads_these_as_before():
    """A second review: a wrapped line that starts "第二部分" ("…作业标准见本制度附件" / "第二部分 作业标准表" / "执行。") cut the
    article short and headed the chapters after it; a list under "目录" that the text says again elsewhere (materials to
    hand in) lost its entries; a title that is its pages' header too was dropped; an issuing line in the body (what a
    document's header shows) was dropped."""
    doc = only_doc("仓储管理制度\n第一章 总则\n第一条 出库作业标准见本制度附件\n第二部分 作业标准表\n执行。\n第二章 附则\n"
                   "第二条 本制度自发布之日起施行。\n", "c.txt")
    assert [(c.label.split("》")[1], c.text) for c in indexed(doc)] == [
        ("第一条", "第一条 出库作业标准见本制度附件\n第二部分 作业标准表\n执行。"), ("第二条", "第二条 本制度自发布之日起施行。")]
    doc = only_doc("商家入驻须知\n一、入驻材料目录\n目录\n营业执照副本\n品牌授权书\n法人身份证\n二、续签\n续签时须重新提交营业执照副本\n"
                   "品牌授权书\n", "r.txt")
    assert "营业执照副本" in doc.clauses[0].text and "品牌授权书" in doc.clauses[0].text, [c.text for c in doc.clauses]
    doc = only_doc("星禾电商 内部资料管理规定\n第一条 内部资料不得外借。\n第 1 页\n星禾电商 内部资料管理规定\n第二条 借阅须登记。\n", "n.txt")
    assert doc.title == "星禾电商 内部资料管理规定"
    doc = only_doc("公文格式规定\n第一条 版头依次标注下列要素：\n发文字号：发文机关代字〔年份〕序号　签发人：签发领导姓名\n"
                   "第二条 本规定自发布之日起施行。\n", "g.txt")
    assert any("签发人：签发领导姓名" in c.text for c in doc.clauses)


def test_a_compilations_second_document_is_found_by_its_title_over_item_one_and_each_contents_list_dropped():
    """A compilation whose second title is not said again above its body ("售后服务规范" / "一、退货") was read as one
    document, that title run into the first one's last sentence; and only the first document's contents list under
    "目录" was dropped, the second's entries becoming clauses. A short heading inside a document over its item 1 ("考核办法"
    / "1、…") stays a heading."""
    first = "网店管理办法\n目录\n一、总则\n二、附则\n一、总则\n（一）商家应当诚信经营。\n二、附则\n（一）本办法自发布之日起施行。\n"
    second = "售后服务管理规范\n目录\n一、退货\n二、换货\n一、退货\n（一）商家应当在七日内办理退货。\n二、换货\n（一）换货应当免费。\n"
    docs = parse_text(first + second, "c.txt")
    assert [(d.title, [(c.label.split("》")[1], c.text) for c in indexed(d)]) for d in docs] == [
        ("网店管理办法", [("一、（一）", "（一）商家应当诚信经营。"), ("二、（一）", "（一）本办法自发布之日起施行。")]),
        ("售后服务管理规范", [("一、（一）", "（一）商家应当在七日内办理退货。"), ("二、（一）", "（一）换货应当免费。")])]
    docs = parse_text("员工手册\n一、考勤\n（一）员工应当按时上班。\n考核办法\n1、每月考核一次。\n2、考核结果与奖金挂钩。\n", "h.txt")
    assert [d.title for d in docs] == ["员工手册"]


def test_an_item_under_a_standard_number_is_labelled_a_space_apart():
    """Held-out probe: item 2. under "### 3.1 发放" was labelled "3.12.", which reads as a clause 3.12."""
    doc = only_doc("# 会员与营销活动规则\n## 三、优惠券\n### 3.1 发放\n1. 新会员注册后发放新人券一张，有效期7天。\n"
                   "2. 会员生日当月发放生日券，面额为20元。\n### 3.2 使用\n1. 同一订单只能使用一张店铺券。\n", "m.md", markdown=True)
    labels = [c.label.split("》")[1] for c in indexed(doc)]
    assert "3.1 2." in labels and "3.2 1." in labels and not any(x.startswith(("3.12", "3.21")) for x in labels), labels


def test_a_documents_closing_lines_are_no_part_of_its_last_clause():
    """Held-out probe: a notice's 版记 ("抄送：…" / "…办公室　　2024年4月16日印发"), a page's edit stamp ("*本页面最后编辑于
    2024-06-01 18:22 · 会员运营部*") and an attached file's name ran into the last clause. A rule that says 抄送 stays."""
    doc = only_doc("退货管理规定\n第一条 商家应当在七日内办理退货。\n第二条 处理结果应当抄送：法务部、客服部。\n"
                   "第三条 本规定自发布之日起施行。\n附件：退货申请表.docx\n抄送：各事业部、品控部、法务部、客服部\n"
                   "杭州云栈电子商务有限公司办公室　　2024年4月16日印发\n", "t.txt")
    assert [c.text for c in indexed(doc)] == ["第一条 商家应当在七日内办理退货。", "第二条 处理结果应当抄送：法务部、客服部。",
                                              "第三条 本规定自发布之日起施行。"]
    doc = only_doc("# 会员规则\n## 一、其他\n1. 本规则修订后公示7日后生效。\n\n---\n\n*本页面最后编辑于 2024-06-01 18:22 · 会员运营部*\n",
                   "m.md", markdown=True)
    assert [c.text for c in indexed(doc)] == ["1. 本规则修订后公示7日后生效。"]


def test_a_standards_superseded_code_and_a_compilations_cover_are_no_title_nor_clauses():
    """Held-out probe: a company standard's cover "Q/YZ 003—2024" / "代替 Q/YZ 003—2021" / "电商仓储配送作业规范" was titled
    "Q/YZ 003—2021 代替 电商仓储配送作业规范" (the superseded code read as the first half of the title); and a compilation's
    cover ("…制度汇编·…分册" / "杭州云栈电子商务有限公司" / "内部管理制度汇编" / "二〇二四年三月") was a document of four
    clauses before the rules it collects."""
    docs = parse_text("Q/YZ 003—2024\n代替 Q/YZ 003—2021\n\n电商仓储配送作业规范\n\n2024-01-10发布　　2024-02-01实施\n"
                      "杭州云栈电子商务有限公司　发布\n\n前　言\n本标准由物流中心提出并归口。\n1 范围\n本标准规定了自营仓的作业要求。\n"
                      "2 入库\n2.1 到货商品应当在24小时内验收。\n", "s.txt")
    assert [d.title for d in docs] == ["Q/YZ 003—2024 电商仓储配送作业规范"]
    # (its spaced "前　言" heads the foreword, as "前言" does: it was a clause 第1段)
    assert [c.label.split("》")[1] for c in indexed(docs[0])][:2] == ["封面", "前言"]
    docs = parse_text("云栈电商内部制度汇编·客户服务分册\n杭州云栈电子商务有限公司\n内部管理制度汇编\n（客户服务分册）\n二〇二四年三月\n\n"
                      "客服质检管理办法\n第一章 总则\n第一条 为规范客服服务行为，制定本办法。\n第二条 质检员应当每日抽检会话。\n"
                      "店铺违规处理细则\n第一条 为规范店铺经营，制定本细则。\n第二条 店铺不得虚假发货。\n", "c.txt")
    assert [d.title for d in docs] == ["客服质检管理办法", "店铺违规处理细则"]
    # (probe P17: a code that runs its department's into it, "Q/LX-WL-003—2024", was no code: the cover's three lines were
    # 第1段–第3段 of a document named after its file)
    docs = parse_text("ICS 03.220\nA 80\n\nQ/LX\n杭州澜享电子商务有限公司企业标准\n\nQ/LX-WL-003—2024\n代替 Q/LX-WL-003—2021\n\n"
                      "物流配送与时效管理规范\n\nLogistics distribution and delivery time management specification\n\n"
                      "2024-04-15 发布                 2024-05-01 实施\n\n杭州澜享电子商务有限公司　发布\n\n前　言\n本标准由物流中心"
                      "提出并归口。\n\n物流配送与时效管理规范\n\n1 范围\n本标准规定了出库时效要求。\n", "Q-LX-WL-003-2024物流.txt")
    assert [d.title for d in docs] == ["Q/LX-WL 003—2024 物流配送与时效管理规范"]
    assert [c.label.split("》")[1] for c in indexed(docs[0])] == ["封面", "前言", "1"]


def test_a_standards_normative_references_are_a_line_each():
    """Held-out probe: "GB/T 18354 物流术语" / "GB/T 24616 冷藏、冷冻食品物流包装…" ran together into one line of the
    clause 2, "…条款。GB/T 18354 物流术语GB/T 24616 冷藏…"; and an entry with its year was a document of its own."""
    doc = only_doc("仓储作业规范\n1 范围\n本标准规定了仓储作业要求。\n2 规范性引用文件\n下列文件对于本文件的应用是必不可少的。\n"
                   "GB/T 18354 物流术语\nGB/T 24616—2019 冷藏、冷冻食品物流包装、标志、运输和储存\n3 入库\n3.1 到货商品应当当日验收。\n",
                   "s.txt")
    (refs,) = [c for c in doc.clauses if c.label.endswith("》2")]
    assert refs.text.split("\n")[-2:] == ["GB/T 18354 物流术语", "GB/T 24616—2019 冷藏、冷冻食品物流包装、标志、运输和储存"], refs.text


def test_a_heading_inside_a_document_whose_numbering_goes_on_is_no_new_document():
    """A review of seg-63: "退货处理规范" over "1." inside 二、 was read as the next document's title, and the 三、 after it
    filed under it; the document's own numbering going on after it (三、 after 二、) says it is a heading inside it."""
    docs = parse_text("青橡优品售后服务管理制度\n\n一、总则\n1. 为规范售后服务流程，制定本制度。\n\n二、退换货管理\n"
                      "客服人员应当在收到退换货申请后24小时内处理。\n退货处理规范\n1. 商品签收之日起7日内，客户可申请无理由退货。\n"
                      "2. 退货商品应当保持完好。\n\n三、投诉处理\n1. 客服应当在24小时内响应客户投诉。\n", "a.txt")
    assert [d.title for d in docs] == ["青橡优品售后服务管理制度"]
    assert any(c.label.endswith("》三、1.") for c in docs[0].clauses), [c.label for c in docs[0].clauses]


def test_a_company_rules_foreword_ends_at_its_first_part():
    """A review: "前　言" over a company rule's "一、…" made its parts the foreword's ("前言一、")."""
    doc = only_doc("直播营销管理规范\n前　言\n本规范依据《网络直播营销管理办法（试行）》制定。\n一、主播应当实名认证。\n"
                   "二、主播不得发布虚假宣传信息。\n", "z.txt")
    assert [c.label.split("》")[1] for c in indexed(doc)] == ["前言", "一、", "二、"]


def test_what_only_looks_like_closing_lines_is_kept():
    """A review of seg-64: an item advising a browser and a rule's "抄送：" line were dropped as a page's and a notice's
    closing lines."""
    doc = only_doc("系统使用规范\n一、客户端要求\n（一）使用公司配发的电脑登录系统；\n（二）建议使用Chrome或Edge浏览器\n"
                   "二、通知\n（一）重大事项通知应当同时抄送。\n抄送：需要知悉该事项的部门负责人\n", "s.txt")
    texts = "".join(c.text for c in doc.clauses)
    assert "建议使用Chrome或Edge浏览器" in texts and "需要知悉该事项的部门负责人" in texts, texts


def test_a_pdfs_running_header_with_a_wide_space_is_dropped_on_every_page():
    """Held-out probe: a PDF's header "杭州悦购电子商务有限公司\u3000内部制度 退款与赔付管理办法（2024版）" on every page was
    counted under one key and looked up under another: it ran into 第八条's sentence, cut by the page break, and its
    last copy headed two articles."""
    header = "杭州悦购电子商务有限公司\u3000内部制度 退款与赔付管理办法（2024版）"
    doc = only_doc(f"{header}\n退款与赔付管理办法\n第一条 为规范退款，制定本办法。\n第二条 退款应当原路返回，因消费者原支付账户注\n"
                   f"第 1 页 共 3 页\n{header}\n销无法原路退回的，可退至其指定的本人银行账户。\n第 2 页 共 3 页\n{header}\n"
                   "第三条 本办法自发布之日起施行。\n第 3 页 共 3 页\n", "p.txt")
    assert [c.text for c in indexed(doc)] == ["第一条 为规范退款，制定本办法。",
                                              "第二条 退款应当原路返回，因消费者原支付账户注销无法原路退回的，可退至其指定的本人银行账户。",
                                              "第三条 本办法自发布之日起施行。"]



def test_a_pdfs_header_of_parts_set_apart_by_bars_and_its_page_of_pages_footer_are_dropped():
    """Probe P40: a PDF's footer "第 2 页 / 共 3 页" (a slash between its two parts) and its header "禾悦优选商家规则中心 | 商家优惠券与
    满减活动规则 V3.2 | 内部公开" ran into the clause a page broke ("…商家仍应当按照第 2 页 / 共 3 页禾悦优选商家规则中心 | … | 内部公开
    订单约定履行发货义务"), and the header over the first page hid the title under it (every citation was named by the file)."""
    header = "禾悦优选商家规则中心 | 商家优惠券与满减活动规则 V3.2 | 内部公开"
    doc = only_doc(f"{header}\n禾悦优选商家优惠券与满减活动规则\n6.1 设置明显不合理的优惠的，每次扣12分。\n第 1 页 / 共 2 页\n{header}\n"
                   "6.2 发放隐藏券的，每次扣4分；因隐藏券造成的价格异常订单，商家仍应当按照\n第 2 页 / 共 2 页\n"
                   f"{header}\n订单约定履行发货义务。\n", "商家优惠券与满减活动规则V3.2.pdf")
    assert doc.title == "禾悦优选商家优惠券与满减活动规则"
    assert [c.text for c in indexed(doc)] == ["6.1 设置明显不合理的优惠的，每次扣12分。",
                                              "6.2 发放隐藏券的，每次扣4分；因隐藏券造成的价格异常订单，商家仍应当按照订单约定履行发货义务。"]
    from ingest.clean import running_line
    from ingest.segment import starts_with_marker

    assert not running_line("退货 | 换货 | 维修期限为七日，逾期不予受理。", True, starts_with_marker)  # a sentence

def test_a_page_number_between_dashes_is_dropped():
    """Probe P47: a PDF's "— 第 1 页 —" over the title titled its rules 《— 第 1 页 —禾集优选快递破损…理赔管理办法》, and
    "— 第 3 页 —" ran into the heading before it ("第七章 追偿与结算— 第 3 页 —")."""
    doc = only_doc("— 第 1 页 —\n禾集优选快递理赔管理办法\n第一章 总则\n第一条 平台应当在3个工作日内完成初审。\n"
                   "第二章 追偿\n— 第 2 页 —\n第二条 商家应当配合追偿。\n", "理赔管理办法.pdf")
    assert doc.title == "禾集优选快递理赔管理办法"
    assert all("页" not in c.text for c in doc.clauses), [c.text for c in doc.clauses]


def test_a_headings_title_is_a_line_apart_from_the_sentence_under_it():
    """Held-out probe: "2. 各渠道响应时限" / "各渠道的首次响应时限…" ran together (响应 read as the modal 应), and so did
    "## 第四章 违规与扣分" / "商家违规的，…"; an item under a titled chapter is labelled a space apart ("第五章 附则 1.")."""
    doc = only_doc("客服服务规范\n1. 总体要求\n1.1 客服应当使用文明用语。\n2. 各渠道响应时限\n各渠道的首次响应时限如下表：\n"
                   "渠道\t首次响应\n在线客服\t30秒\n", "k.txt")
    assert any(c.text.startswith("2. 各渠道响应时限\n各渠道的首次响应时限如下表：") for c in doc.clauses), [c.text for c in doc.clauses]
    doc = only_doc("# 商家管理规则\n## 第四章 违规与扣分\n商家违规的，按下表扣分。\n## 第五章 附则\n1. 本规则由平台治理部负责解释。\n"
                   "2. 本规则自2024年5月1日起施行。\n\n---\n\n*© 2024 悦购平台 版权所有 ｜ [返回顶部](#top)*\n", "m.md", markdown=True)
    assert any(c.text == "第四章 违规与扣分\n商家违规的，按下表扣分。" for c in doc.clauses), [c.text for c in doc.clauses]
    assert [(c.label.split("》")[1], c.text) for c in doc.clauses][-1] == ("第五章 附则 2.", "2. 本规则自2024年5月1日起施行。")


def test_an_annex_a_document_ends_with_is_a_clause_of_its_own():
    """Held-out probe: a handbook's "附件：请假申请表" and its form ran into its last article (and a law's 附件1…附件6 were
    items of its 第八十六条6.)."""
    doc = only_doc("员工手册\n第一条 员工请假应当提前填写请假申请表。\n第二条 员工对处分有异议的，可在7日内申诉。\n附件：请假申请表\n"
                   "姓名\t\t部门\t\n请假时间\t____年__月__日\n附件2：加班申请表\n姓名\t\t加班时间\t\n", "h.txt")
    assert [(c.label.split("》")[1], c.text.split("\n")[0]) for c in doc.clauses] == [
        ("第一条", "第一条 员工请假应当提前填写请假申请表。"), ("第二条", "第二条 员工对处分有异议的，可在7日内申诉。"),
        ("附件", "附件：请假申请表"), ("附件2", "附件2：加班申请表")]


@pytest.mark.parametrize("name", ["i1a_table_header.txt", "i3b_md_icp_rule.md", "i5a_law_amend_appendix.txt",
                                  "i8c_attach_in_list.txt"])
def test_what_this_sessions_later_rules_must_leave_as_it_was(name):
    """A second review (inputs kept here as they were written): a table's header row said in three articles with a wide
    space was dropped as a running header; Markdown rule lines saying ICP备案 / 版权所有 / © were dropped as a footer; a law
    whose amending decision repeats 第一条 was relabelled by chapter; "附件：须加盖公章" in a list opened an annex."""
    texts = {
        "i1a_table_header.txt": ("商品退换货管理规定\n\n第一条 为规范退换货处理，制定本规定。\n第二条 各类商品的退货时限按下表执行：\n"
                                 "商品类别　退货时限　运费承担\n服装鞋帽　7日　买家\n第三条 生鲜商品的退货时限按下表执行：\n"
                                 "商品类别　退货时限　运费承担\n水果蔬菜　24小时　商家\n第四条 大件商品的退货时限按下表执行：\n"
                                 "商品类别　退货时限　运费承担\n家具家电　15日　商家\n第五条 本规定自2024年3月1日起施行。\n"),
        "i3b_md_icp_rule.md": ("# 平台网站合规管理办法\n\n## 第三条 备案要求\n\n自营网站上线前须完成ICP备案，备案号须在页脚展示\n\n"
                               "## 第四条 版权标识\n\n平台原创内容应标注版权所有：悦购平台\n\n## 第五条 图片使用\n\n"
                               "商家使用他人图片须取得授权，不得擅自添加“© 2024 悦购”水印\n\n## 第六条 附则\n\n本办法自2024年7月1日起施行。\n"),
        "i5a_law_amend_appendix.txt": ("电子商务平台经营者管理条例\n第一章　总则\n第一条　为了规范电子商务平台经营活动，制定本条例。\n"
                                       "第二条　本条例适用于中华人民共和国境内的电子商务平台经营者。\n第二章　经营者义务\n"
                                       "第三条　平台经营者应当核验平台内经营者的身份信息。\n第三章　附则\n第四条　本条例自2024年1月1日起施行。\n"
                                       "附：关于修改《电子商务平台经营者管理条例》的决定\n第一条　将第三条修改为：“平台经营者应当核验、登记身份信息。”\n"
                                       "第二条　本决定自公布之日起施行。\n"),
        "i8c_attach_in_list.txt": ("合同管理办法\n第一条 合同签订应当符合下列要求：\n（一）合同文本应当使用公司范本；\n（二）合同金额超过10万元的须经法务审核；\n"
                                   "附件：须加盖公章\n（三）合同签订后3日内归档。\n"),
    }
    text = texts[name]
    docs = parse_text(text, name, markdown=name.endswith(".md"))
    said = "".join(c.text for d in docs for c in d.clauses)
    if name == "i1a_table_header.txt":
        assert said.count("商品类别") == 3 and "水果蔬菜" in said, said
    elif name == "i3b_md_icp_rule.md":
        for kept in ("ICP备案", "版权所有：悦购平台", "“© 2024 悦购”水印"):
            assert kept in said, (kept, said)
    elif name == "i5a_law_amend_appendix.txt":
        assert "《电子商务平台经营者管理条例》第三条" in [c.label for d in docs for c in d.clauses]
    else:
        assert "合同管理办法》第一条（三）" in " ".join(c.label for d in docs for c in d.clauses)


def test_annexes_a_lead_in_lists_inside_an_article_open_no_annex():
    """A second review: "…模板清单见下：" / "附件一：采购合同模板" / "附件二：销售合同模板" inside 第二条 opened two annex
    clauses and left the lead-in with nothing under it."""
    doc = only_doc("合同管理制度\n第一条 合同签订前应当经法务部审核。\n第二条 合同文本应当使用公司标准模板，模板清单见下：\n"
                   "附件一：采购合同模板\n附件二：销售合同模板\n第三条 合同签订后应当在3日内归档。\n", "c.txt")
    assert [c.label.split("》")[1] for c in doc.clauses] == ["第一条", "第二条", "第三条"]
    assert doc.clauses[1].text.endswith("附件一：采购合同模板\n附件二：销售合同模板")


def test_a_documents_credits_under_its_title_are_no_clause_and_hide_no_title():
    """Held-out files: credits a line each under the title ("编制：运营部 张三" / "审核：李四" / "版本：V2.0") hid it, and the
    document was named after its file with its title as 第1段; "人力资源部 编" under a handbook's title and a web page's
    "版本：2024年第2版 ｜ 发布：平台治理部 ｜ 最后更新：2024-04-10" / "维护人：会员运营部 @李婷（如有疑问请…）" were 第1段."""
    doc = only_doc("悦购商城直播带货管理规定\n编制：运营部 张三\n审核：李四\n批准：王五\n版本：V2.0\n第一条 为规范直播带货业务，"
                   "制定本规定。\n第二条 主播不得使用“全网最低”等绝对化用语。\n", "credit.txt")
    assert doc.title == "悦购商城直播带货管理规定"
    assert [label for label, _ in _labels_texts(doc)] == ["《悦购商城直播带货管理规定》第一条", "《悦购商城直播带货管理规定》第二条"]
    doc = only_doc("会员积分管理规则\n发布部门：会员运营部　发布日期：2024-03-01\n第一条 会员每消费1元累计1积分。\n", "h02.txt")
    assert doc.title == "会员积分管理规则" and [t for _, t in _labels_texts(doc)] == ["第一条 会员每消费1元累计1积分。"]
    doc = only_doc("员工手册\n人力资源部 编\n第一条 员工应当按时上下班。\n", "h.txt")
    assert [t for _, t in _labels_texts(doc)] == ["第一条 员工应当按时上下班。"]
    md = ("# 悦购平台商家管理规则\n\n版本：2024年第2版 ｜ 发布：平台治理部 ｜ 最后更新：2024-04-10\n\n"
          "维护人：会员运营部 @李婷（如有疑问请在飞书群“会员运营答疑”中提问）\n\n## 第一章 总则\n\n1.1 本规则适用于全部商家。\n")
    assert [t for _, t in _labels_texts(only_doc(md, "r.md", markdown=True))] == ["1.1 本规则适用于全部商家。"]


def test_a_markdown_contents_list_of_links_within_the_page_is_dropped():
    """A Markdown rule's contents list of in-page links ("- [第一章 总则](#第一章-总则)") was a clause "- [" and its 第一章 a
    second chapter 一 (c1~2)."""
    md = ("# 售后服务管理办法\n\n## 目录\n\n- [第一章 总则](#第一章-总则)\n- [第二章 退货](#第二章-退货)\n\n"
          "## 第一章 总则\n\n第一条 为规范售后服务，制定本办法。\n\n## 第二章 退货\n\n第二条 顾客申请退货的，客服应当在24小时内审核。\n\n"
          "[返回顶部](#售后服务管理办法)\n")
    doc = only_doc(md, "m.md", markdown=True)
    assert [c.id.split("/", 1)[1] for c in doc.clauses] == ["c1", "a1", "c2", "a2"]
    assert [c.text for c in doc.clauses if c.role == "clause"] == ["第一条 为规范售后服务，制定本办法。",
                                                                   "第二条 顾客申请退货的，客服应当在24小时内审核。"]


@pytest.mark.parametrize("line", ["附件：质检评分表.xlsx 25.6KB", "附件下载：[618客服FAQ.xlsx] (1.2MB)"])
def test_a_link_to_an_attached_file_with_its_size_unbracketed_is_dropped(line):
    """A download page's link to an attachment with its size after it, unbracketed or the name in brackets, was a
    clause 附件 (or ran into the last clause)."""
    doc = only_doc(f"客服质检管理办法\n第一条 质检组每周抽检客服聊天记录不少于20条。\n第二条 抽检结果应当在次周一公布。\n{line}\n")
    assert [t for _, t in _labels_texts(doc)] == ["第一条 质检组每周抽检客服聊天记录不少于20条。", "第二条 抽检结果应当在次周一公布。"]


@pytest.mark.parametrize("text,kept", [
    # (a heading inside the text is no title: who does what under "# 职责分工")
    ("# 制度文件管理办法\n\n为规范制度文件的编制，制定本办法。\n\n# 职责分工\n\n编制：各业务部门\n\n审核：法务合规部\n\n批准：总经理\n",
     "审核：法务合规部"),
    ("采购管理制度\n第一条 采购申请经审批后方可执行。\n审批权限\n审核：采购经理\n批准：财务总监\n第二条 超过十万元的须经总经理批准。\n",
     "审核：采购经理"),
    # (a form's instructions are no credits)
    ("供应商资料登记表填写说明\n编号：由系统自动生成，无需手工填写\n审核人：采购部经理\n批准人：分管采购副总裁\n填写人应当核对全部信息。\n",
     "审核人：采购部经理"),
    ("年度计划管理办法\n第一条 为规范年度计划，制定本办法。\n第二条 公司计划体系分工如下：\n年度经营计划由战略发展部编制\n"
     "月度销售计划由销售中心编制\n第三条 各部门计划应当于12月15日前上报。\n", "年度经营计划由战略发展部编制"),
    # (a list a lead-in's colon opens: the fields a header must hold, the files an appeal may attach)
    ("知识库文章管理规范\n第一条 为规范知识库文章，制定本规范。\n第二条 每篇文章的页眉应当包含以下字段：\n"
     "版本：文章当前版本号 ｜ 最后更新：最近一次修改日期\n第三条 内容变化的，维护人应当在当日更新。\n", "最后更新：最近一次修改日期"),
    ("商家申诉管理规则\n第一条 商家可以在7日内提交申诉。\n第二条 申诉材料格式要求如下：\n附件：凭证.pdf 10MB\n附件：视频.zip 50MB\n"
     "第三条 单个附件超过上述限制的，系统不予受理。\n", "附件：视频.zip 50MB"),
])
def test_lines_in_a_documents_body_like_its_credits_or_attachments_are_kept(text, kept):
    """The review of seg-72: credits are dropped only under the title that opens the file, and only such lines; these,
    in the body or under a heading, are its rules (they were dropped)."""
    markdown = text.startswith("#")
    clauses = [c for d in parse(text, "T.md" if markdown else "T.txt", markdown) for c in d.clauses]
    assert any(kept in c.text.replace("\n", "") for c in clauses), [c.text for c in clauses]


def test_a_pages_download_counts_are_no_clause_nor_part_of_its_note():
    """Probe P17: an intranet page's "附件：澜享〔2024〕18号.pdf（下载 312 次）" was a clause 附件, and its issuing line's
    "浏览次数：2316", after a single wide space, stayed in the document's 题注."""
    doc = only_doc("客户隐私与数据权限管理规定\n发文字号：澜享〔2024〕18号\u3000发布部门：信息安全委员会\u3000发布日期：2024-05-20"
                   "\u3000浏览次数：2316\n第一条 为保护客户个人信息，制定本规定。\n第二条 本规定自发布之日起施行。\n"
                   "附件：澜享〔2024〕18号.pdf（下载 312 次）\n")
    assert [t for _, t in _labels_texts(doc)] == [
        "题注：发文字号：澜享〔2024〕18号 发布部门：信息安全委员会 发布日期：2024-05-20", "第一条 为保护客户个人信息，制定本规定。",
        "第二条 本规定自发布之日起施行。"]


def test_an_annexs_own_numbers_are_clauses_of_the_annex():
    """Probe P17: "附　录　A" / "（资料性）" / "偏远地区范围" / "A.1 …" / "A.2 …" / "A.3 …" ran together into one clause 附录A;
    each is a clause of its own, A.1, under the annex. A letter of another annex, or one outside an annex, numbers nothing."""
    doc = only_doc("Q/LX 003—2024\n物流配送管理规范\n1 范围\n1.1 本标准适用于自营仓库。\n2 要求\n2.1 仓库应当每日盘点。\n\n附　录　A\n（资料性）\n"
                   "偏远地区范围\nA.1 本标准所称偏远地区包括新疆、西藏。\nA.2 偏远地区范围每年评估一次。\nB.1 这一行不是本附录的编号。\n", "s.txt")
    assert [(c.label.split("》")[1], c.text) for c in indexed(doc)][-2:] == [
        ("A.1", "A.1 本标准所称偏远地区包括新疆、西藏。"), ("A.2", "A.2 偏远地区范围每年评估一次。B.1 这一行不是本附录的编号。")]
    assert next(c for c in doc.clauses if c.label.endswith("A.1")).parent_id.endswith("/annexA")
    doc = only_doc("某规定\n第一条 公司应当保存记录。\nA.1 这一行没有附录。\n")
    assert [c.label for c in indexed(doc)] == ["《某规定》第一条"]
    # (an annex's title under "附 录 A" / "（资料性）", which "A.1 偏远地区…" repeats, is no document's: "偏远地区" was one)
    docs = parse_text("某标准\n1 范围\n1.1 本标准适用于仓库。\n附 录 A\n（资料性）\n偏远地区\nA.1 偏远地区包括新疆。\n", "s.txt")
    assert [d.title for d in docs] == ["某标准"] and indexed(docs[0])[-1].label == "《某标准》A.1"
    # (the review's: "A.1级商家每月抽查一次。" in an annex is a grade, no number)
    doc = only_doc("某标准\n1 范围\n1.1 本标准适用于商家。\n附　录　A\n商家分级\nA.1级商家每月抽查一次。\n", "s.txt")
    assert [c.label.split("》")[1] for c in indexed(doc)] == ["1.1", "附录A"]


def test_a_paragraph_after_a_list_that_speaks_of_all_its_items_is_not_the_last_items():
    """"以上要求由仓库主管负责督促落实。" after a list ran into its last item ("2. 验收不合格的商品不得入库。以上要求…"), so the
    duty was cited to item 2 alone; it stands under the list's heading. One after an item with a list of its own speaks
    of that list and stays the item's; any other paragraph after a Markdown list stays its last item's (seg-77)."""
    md = ("# 仓库管理规范\n\n## 一、入库\n\n1. 到货后应当在2小时内完成验收。\n2. 验收不合格的商品不得入库。\n\n"
          "以上要求由仓库主管负责督促落实。\n\n## 二、出库\n\n5. 验收时必须核对以下内容：\n   —— 商品名称、规格一致；\n"
          "   —— 外包装完好。\n\n以上内容核对无误后方可出库。\n")
    got = pairs(only_doc(md, "仓库管理规范.md", markdown=True))
    assert ("《仓库管理规范》一、入库 2.", "2. 验收不合格的商品不得入库。") in got, got
    assert ("《仓库管理规范》一、入库 第1段", "以上要求由仓库主管负责督促落实。") in got, got
    assert any(label.endswith("5.") and text.endswith("以上内容核对无误后方可出库。") for label, text in got), got
    txt = "仓库管理制度\n一、入库\n（一）到货后应当在2小时内完成验收。\n（二）验收不合格的商品不得入库。\n上述规定由仓库主管负责督促落实。\n"
    got = pairs(only_doc(txt, "仓库管理制度.txt"))
    assert got[-1] == ("《仓库管理制度》一、第1段", "上述规定由仓库主管负责督促落实。"), got


def test_a_table_with_pipes_between_its_cells_keeps_its_rows():
    """Probe P19: "违规行为 | 违规类型 | 每次扣分" over "商品描述不符 | 一般违规 | 2分" … was dropped as a site's menu and the
    rows ran together ("…2分延迟发货 | 一般违规 | 1分…"). Rows of as many cells are a table's, a line each; a menu alone
    is still dropped."""
    doc = only_doc("首页 | 文库 | 登录\n商家违规处理细则\n4 违规处理\n4.1 违规扣分\n4.1.1 商家违规分为一般违规和严重违规。\n"
                   "4.1.2 违规扣分标准如下：\n违规行为 | 违规类型 | 每次扣分\n商品描述不符 | 一般违规 | 2分\n"
                   "虚构交易、刷单 | 严重违规 | 12分\n4.1.3 扣分在扣分周期届满后清零。\n", "细则.txt")
    got = by_label(doc)
    assert got["《商家违规处理细则》4.1.2"].text == (
        "4.1.2 违规扣分标准如下：\n违规行为 | 违规类型 | 每次扣分\n商品描述不符 | 一般违规 | 2分\n虚构交易、刷单 | 严重违规 | 12分")
    assert not any("首页" in c.text for c in doc.clauses)


def test_a_header_every_page_repeats_over_its_page_number_is_no_title():
    """Probe P31: a PDF whose every page opens with "苏州棠梨优品电子商务有限公司　　会员积分与优惠券管理规定（棠梨营〔2025〕11号）"
    over "第 1 页" was cited as 《苏州棠梨优品电子商务有限公司  会员积分与优惠券管理规定（棠梨营〔2025〕11号）》, the title under
    it read as a clause; the document number is the 题注's. A title its pages repeat with nothing of its own under it stays."""
    header = "苏州棠梨优品电子商务有限公司　　会员积分与优惠券管理规定（棠梨营〔2025〕11号）"
    doc = only_doc(f"{header}\n第 1 页\n会员积分与优惠券管理规定\n（2025年8月18日经总经理办公会审议通过 棠梨营〔2025〕11号）\n"
                   "第一章 总则\n第一条 会员购物每实付1元积1分。\n"
                   f"{header}\n第 2 页\n第二条 积分有效期为12个月。\n", "jf.txt")
    assert doc.title == "会员积分与优惠券管理规定"
    assert [c.label.split("》")[1] for c in indexed(doc)] == ["题注", "第一条", "第二条"]
    doc = only_doc("会员积分管理规定\n第 1 页\n第一章 总则\n第一条 会员购物每实付1元积1分。\n会员积分管理规定\n第 2 页\n"
                   "第二条 积分有效期为12个月。\n", "jf2.txt")
    assert doc.title == "会员积分管理规定"


@pytest.mark.parametrize("text, source, note, last", [
    # probes P35, P36: the second's title over a note that dates it, items numbered from one: its rules were filed under
    # the first document's last article
    ("某公司员工健康管理规定\n（2024年2月20日人力资源部发布）\n第一条 员工应当持健康证明上岗。\n"
     "第二条 本规定自2024年3月1日起施行。\n人力资源部\n二〇二四年二月二十日\n"
     "临期商品处理规定\n（商品运营中心  2024年5月  V1.0）\n一、目的\n为减少损耗，制定本规定。\n"
     "二、处置\n临期商品应当单独存放。\n", "员工健康管理规定及临期商品处理规定.txt",
     "题注：商品运营中心  2024年5月  V1.0", "《临期商品处理规定》二、"),
    # probe P51: the unit that issued it and a date under the title, after the FAQ annex of the rules before it: its items
    # were cited as 《…延保服务管理规定》附三、1.
    ("延保服务管理规定\n第一条 延保期自厂家保修期届满次日起计算。\n第二条 本规定自2024年4月1日起施行。\n"
     "附：延保服务常见问题口径（客服使用）\n问：延保能叠加吗？答：不能。每件商品只能购买一份延保。\n"
     "以换代修实施细则\n售后服务部\u30002024年4月修订\n一、适用范围\n本细则适用于大家电商品。\n"
     "二、换机标准\n1. 以换代修应当以同品牌、同型号新机更换。\n", "fw_portal_延保与以换代修.html",
     "题注：售后服务部 2024年4月修订", "《以换代修实施细则》二、1."),
])
def test_a_title_with_a_dated_note_under_it_after_the_last_document_starts_the_next(text, source, note, last):
    """A file of two rules: the second's title, over a note that dates it, starts a document of its own."""
    docs = parse(text, source)
    assert len(docs) == 2 and docs[1].clauses[0].text == note, [d.title for d in docs]
    assert docs[1].clauses[-1].label == last, [c.label for c in docs[1].clauses]


def test_a_title_broken_over_two_lines_is_no_next_document():
    """Not the rest of a title broken over two lines ("…关于办理…刑事案件" / "适用法律若干问题的解释" / "法释〔2023〕3号"),
    whose number joins its 题注 (probes P35, P36's dated note)."""
    text = ("# 最高人民法院关于办理某类刑事案件适用法律若干问题的解释\n\n2023年6月1日 施行\n\n<!-- INFO END -->\n\n"
            "最高人民法院\n\n关于办理某类刑事案件\n\n适用法律若干问题的解释\n\n法释〔2023〕3号\n\n"
            "为依法惩处犯罪，现就有关问题解释如下：\n\n第一条 本解释自2023年6月1日起施行。\n")
    (doc,) = parse(text, "x(2023-05-24).md", markdown=True)
    assert not any("》适用法律若干问题的解释" in c.label for c in doc.clauses), [c.label for c in doc.clauses]
    assert doc.clauses[0].text.endswith("；法释〔2023〕3号"), doc.clauses[0].text


def test_a_number_above_a_title_and_notes_under_it_are_its_cover_and_one_note():
    """Probe P35: "XH/GL-NR-003-2024" above "…直播营销内容管理规范" in a file named otherwise: the rules were titled by the
    file's name, the number a clause; the subtitle and the dates under the title were two clauses both labelled 题注."""
    text = ("XH/GL-NR-003-2024\n星河直播购物平台直播营销内容管理规范\n（主播管理、广告宣传与禁用语）\n"
            "（2024年8月15日发布）\n1 范围\n本规范适用于平台直播营销活动。\n")
    (doc,) = parse(text, "XH-GL-NR-003-2024_live_content_standard.txt")
    assert doc.title == "星河直播购物平台直播营销内容管理规范"
    texts = [c.text for c in doc.clauses]
    assert texts[:2] == ["题注：主播管理、广告宣传与禁用语；2024年8月15日发布", "封面：XH/GL-NR-003-2024"], texts


def test_a_notices_title_is_not_run_into_whom_it_addresses():
    """Probe P34: a notice after the rules in one .docx, "关于做好…工作的补充通知" over "各部门：", was read as one broken
    line, "…补充通知各部门：", and its items filed under the rules before it; a letter's first line over "尊敬的会员朋友："
    titles it (the file's name did)."""
    text = ("某公司售后服务管理办法\n第一条 客服应当在12小时内响应。\n某公司客户服务中心\n二〇二四年二月二十日印发\n"
            "关于做好2024年“618”大促期间售后服务保障工作的补充通知\n各部门：\n现就有关事项补充通知如下：\n"
            "一、大促期间，售后申请首次响应时限放宽至24小时。\n二、大促期间暂停办理换货。\n")
    docs = parse(text, "售后服务管理办法.txt")
    assert [d.title for d in docs][-1] == "关于做好2024年“618”大促期间售后服务保障工作的补充通知"
    text = "蓝湾海购客户服务承诺（对外公示版）\n尊敬的会员朋友：\n感谢您选择蓝湾海购。\n一、正品保障。所有商品均为正品。\n"
    assert parse(text, "承诺_公示版.txt")[0].title == "蓝湾海购客户服务承诺（对外公示版）"


@pytest.mark.parametrize("text, expected", [
    # Probe P36: a page's eight "问N：…？" / "答：…" pairs under "十、常见问题解答（FAQ）" were one clause, cut in two for its
    # length and both parts labelled 十、第二款; "外包坐席的审批权限不得超过单笔200元" could not be cited as its own.
    ("客服售后与理赔管理规范\n一、总则\n客服应当耐心解答用户问题。\n十、常见问题解答（FAQ）\n"
     "问1：用户第三天才发现坏果，一律不受理吗？\n答：原则上不予受理。\n"
     "问2：外包坐席能不能直接审批理赔？\n答：外包坐席的审批权限不得超过单笔200元。\n"
     "Q3：大促期间处理时效能放宽吗？\n答：理赔审核时效不得放宽。\n",
     [("十、问1", "问1：用户第三天才发现坏果，一律不受理吗？答：原则上不予受理。"),
      ("十、问2", "问2：外包坐席能不能直接审批理赔？答：外包坐席的审批权限不得超过单笔200元。"),
      ("十、问3", "Q3：大促期间处理时效能放宽吗？答：理赔审核时效不得放宽。")]),
    # Fresh probes P44, P45, P47: pairs without numbers, on lines of their own or run together in one paragraph, were one
    # clause ("附件第二款") that answered six questions. They are numbered in turn; not "客服询问：…" mid-line. A title, a
    # table or a list after the last answer ends the FAQ ("修订记录" / "版本	日期…" ran into the last answer).
    ("某平台发货规则\n第一条 商家应当在48小时内发货。\n附件：商家常见问题解答\n问：买家晚上11点付款，48小时怎么计算？\n"
     "答：按自然小时连续计算。\n问：能否合并发货？\n答：可以。问：改了地址怎么算？答：重新计算，客服询问：是否确认？\n"
     "修订记录\n版本\t日期\n V1.0\t2024-01-01\n",
     [("附件问1", "问：买家晚上11点付款，48小时怎么计算？答：按自然小时连续计算。"), ("附件问2", "问：能否合并发货？答：可以。"),
      ("附件问3", "问：改了地址怎么算？答：重新计算，客服询问：是否确认？")]),
])
def test_each_question_of_a_faq_is_a_clause_with_its_answer(text, expected):
    """Each question of a FAQ is a clause with its answer, labelled by its number or numbered in turn; nothing after the
    FAQ's end runs into its last answer."""
    doc = only_doc(text)
    got = [(c.label.split("》")[1], c.text) for c in doc.clauses if "问" in c.label]
    assert got == expected, got
    assert all(len(c.text) < 60 for c in doc.clauses if "问" in c.label)  # ("修订记录…" in none)


def test_a_motto_is_no_title():
    """Probe P37: a motto under the title ("品质为先 诚信共赢", "邻里相帮 优选到家" under a 文号) titled the rules, the title
    above it read as a collection's own; one between the title of a file's second rules and their first item kept them
    in the first (after its last table row, no sentence): "…售后退换与投诉处理规程" / "有求必应，件件有回音" / "一、目的"."""
    text = "“邻里优选”平台供应商入驻管理规定\n品质为先 诚信共赢\n第一章 总则\n第一条 供应商应当具备合法资质。\n"
    assert [d.title for d in parse(text, "x.txt")] == ["“邻里优选”平台供应商入驻管理规定"]
    text = ("某公司\n团长招募与管理办法\n麓邻优运〔2024〕7号\n邻里相帮 优选到家\n第一章 总则\n第一条 团长应当实名登记。\n")
    assert [d.title for d in parse(text, "x.txt")] == ["某公司团长招募与管理办法"]
    text = ("“邻里优选”平台商品宣传管理细则\n一、总则\n商品宣传应当真实。\n二、用语对照\n禁用说法  规范说法\n"
            "“假一赔十”  “正品保障”\n“邻里优选”平台售后退换与投诉处理规程\n有求必应，件件有回音\n一、目的\n为及时处理售后，制定本规程。\n"
            "二、受理\n客服应当在2小时内响应。\n")
    assert [d.title for d in parse(text, "汇编.txt")] == ["“邻里优选”平台商品宣传管理细则", "“邻里优选”平台售后退换与投诉处理规程"]
    # (the title over a motto over its salutation: probe P38's .html was titled by its file's name)
    text = "某公司售后服务承诺书\n放心买 · 安心退 · 用心服务，云禾相伴\n尊敬的顾客：\n感谢您的信任。\n一、七日无理由退货\n可以退货。\n"
    assert parse(text, "yunhe_after_sales_commitment.txt")[0].title == "某公司售后服务承诺书"


def test_a_motto_set_off_by_dashes_or_after_the_last_article_ends_the_rules_before_the_next_title():
    """Probes P56, P57: a file of two rules, the first closed by its motto ("——宠爱无忧，健康同行——", "保护观众隐私　守护数据
    安全") before the second's title and a note under it ("（2024年版）", "（LJ-CZ-012　现场运营适用　第3版）"), was one
    document: the second's items ran on as the first's."""
    for motto, note, first in (("——宠爱无忧，健康同行——", "（2024年版）", "1. 积分的获取\n1.1 每实付1元获得1积分。\n"),
                               ("保护观众隐私　守护数据安全", "（LJ-CZ-012　现场运营适用　第3版）", "一、目的\n为规范检票，制定本规程。\n")):
        text = (f"宠物医疗服务预约管理细则\n一、总则\n预约应当实名。\n二、附则\n本细则自发布之日起施行。\n{motto}\n"
                f"萌宠优选会员积分管理规程\n{note}\n{first}")
        assert [d.title for d in parse(text, "汇编.txt")] == ["宠物医疗服务预约管理细则", "萌宠优选会员积分管理规程"], motto
    # (a bank's name is no motto, "同行" no bank's)
    from ingest.clean import is_slogan
    assert is_slogan("——宠爱无忧，健康同行——") and not is_slogan("中国人民银行　杭州中心支行")


def test_a_files_title_over_its_standards_code_titles_it():
    """Probe P56: an intranet page's heading over the standard's code ("乐聚票务平台主办方入驻与资质审核管理规范" / "Q/LJ
    0103—2024　代替 Q/LJ 0103—2022") was a clause, 第1段, the rules titled by the file's name."""
    text = ("乐聚票务平台主办方入驻与资质审核管理规范\nQ/LJ 0103—2024　代替 Q/LJ 0103—2022\n2024-07-01发布　2024-08-01实施\n"
            "1　范围\n本规范规定了主办方入驻的资质要求。\n4　总体要求\n4.1　主办方应当依法设立。\n")
    docs = parse(text, "主办方入驻与资质审核管理规范.html")
    assert [d.title for d in docs] == ["Q/LJ 0103—2024 乐聚票务平台主办方入驻与资质审核管理规范"]
    assert not any("乐聚票务平台" in c.text for c in docs[0].clauses)


def test_a_standard_cited_in_a_markdown_list_is_no_title():
    """Probe P55: the last of a standard's normative references written as a Markdown list ("- QB/T 4371—2012 家具抗菌
    性能的评定") was a document of 39 clauses, the standard's own sections 3-6 filed under it; and "GB 18580—2017" was
    read as a region's code, GB18 580—2017."""
    from ingest.clean import canonical_std_code

    text = ("# Q/QMJJ 002—2024 定制家具环保与质量控制标准\n\n## 1 范围\n\n本标准规定了定制家具的环保要求。\n\n## 2 规范性引用文件\n\n"
            "- GB 18580—2017 室内装饰装修材料 人造板及其制品中甲醛释放限量\n- GB/T 39600—2021 人造板及其制品甲醛释放量分级\n"
            "- QB/T 4371—2012 家具抗菌性能的评定\n\n## 3 术语和定义\n\n**3.1 ENF级**：甲醛释放量不大于0.025 mg/m³的人造板等级。\n\n"
            "## 4 环保要求\n\n4.1 柜体用人造板的甲醛释放量应达到E0级及以上。\n")
    docs = parse(text, "std.md", markdown=True)
    assert [d.title for d in docs] == ["Q/QMJJ 002—2024 定制家具环保与质量控制标准"]
    assert any(c.label.endswith("》4.1") for c in docs[0].clauses)
    assert canonical_std_code("GB 18580—2017") == "GB 18580—2017" and canonical_std_code("DB 33/T 932-2014") == "DB33/T 932—2014"


def test_a_pdfs_running_header_over_the_standards_code_and_a_dashed_page_number_is_no_document():
    """Probe P54: every page of a standard's PDF opened "金禧珠宝电商（深圳）有限公司企业标准" / "Q/JX-YW-005-2024" / "— 1 —";
    the first page's header line was a document of its own named by the file, and the cover lost the company's name
    ("封面：有限公司企业标准，…")."""
    page = "金禧珠宝电商（深圳）有限公司企业标准\nQ/JX-YW-005-2024\n— {} —\n"
    text = (page.format(1) + "Q/JX-YW-005-2024\n贵金属回收与以旧换新业务操作规范\n金禧珠宝电商（深圳）有限公司企业标准 2024-04-01发布 "
            "2024-05-01实施\n前言\n本规范由公司运营管理中心提出。\n1 范围\n本规范规定了旧金回收的要求。\n2 回收要求\n2.1 回收的旧料应当\n"
            + page.format(2) + "经检测合格。\n2.2 回收款应当在检测后2小时内支付。\n" + page.format(3) + "2.3 客户不得寄送来源不明的旧料。\n")
    docs = parse(text, "02_贵金属回收与以旧换新业务操作规范.pdf")
    assert [d.title for d in docs] == ["Q/JX-YW 005—2024 贵金属回收与以旧换新业务操作规范"]
    assert docs[0].clauses[0].text == "封面：金禧珠宝电商（深圳）有限公司企业标准，2024-04-01 发布，2024-05-01 实施"
    assert not any("企业标准" in c.text for c in docs[0].clauses[1:])


def test_a_standard_named_by_its_code_and_a_notices_masthead_are_cover_and_note():
    """Probe P38: a standard's cover lines ("CCS L 67", "团 体 标 准") above its code and name, in a file named
    "T_ZJDS 021-2024 网络零售企业客户服务规范.pdf" ("/" written "_"), were a document of their own, 《JDS02 1—2024 T_Z …》;
    a notice's masthead ("…客户服务中心文件") over its number over its title was a document of one clause."""
    from ingest.clean import Block
    from ingest.documents import _cover_above_title

    blocks = [Block("text", "CCS L 67"), Block("text", "团 体 标 准"), Block("header", "T/ZJDS 021—2024"),
              Block("text", "网络零售企业客户服务规范"), Block("text", "1 范围")]
    out = _cover_above_title(blocks, "T_ZJDS 021-2024 网络零售企业客户服务规范")
    assert (out[0].kind, out[0].text) == ("heading", "T/ZJDS 021—2024 网络零售企业客户服务规范")
    assert out[1].text == "封面：CCS L 67，团 体 标 准"
    text = ("杭州某公司客户服务中心文件\n云禾客服〔2024〕12号\n关于贯彻实施某团体标准的通知\n各部门：\n现通知如下。\n"
            "一、客服应当按标准执行。\n")
    (doc,) = parse(text, "客服中心文件汇编（2024）.txt")
    assert doc.title == "关于贯彻实施某团体标准的通知"
    assert doc.clauses[0].text == "题注：杭州某公司客户服务中心文件；云禾客服〔2024〕12号", doc.clauses[0].text


def test_a_masthead_with_the_documents_number_on_one_line_is_a_note_of_the_title():
    """Probe P45: "游戏充值错充漏充处理办法" / "星链游市平台客服中心文件　XL-KF-2024-07" / "第一章 总则": the masthead and number
    under the title, on one line, titled the rules, and 《游戏充值错充漏充处理办法》第八条 was not found. It is the title's
    note, under it or over it; a title that names 文件 is none ("关于印发文件管理办法的通知")."""
    rules = "第一章 总则\n第一条 为及时处理错充、漏充问题，制定本办法。\n第二条 商家应当在2小时内核查。\n"
    for head in ("游戏充值错充漏充处理办法\n星链游市平台客服中心文件　XL-KF-2024-07\n",
                 "星链游市平台客服中心文件 XL-KF-2024-07\n游戏充值错充漏充处理办法\n",
                 "游戏充值错充漏充处理办法\n星链游市平台客服中心文件 星链客〔2024〕7号\n"):
        (doc,) = parse(head + rules, "办法.txt")
        assert doc.title == "游戏充值错充漏充处理办法", (head, doc.title)
        assert "客服中心文件" in doc.clauses[0].text and doc.clauses[0].label.endswith("题注"), doc.clauses[0]
    (doc,) = parse("关于印发文件管理办法的通知\n各部门：\n现将办法印发给你们。\n", "通知.txt")
    assert doc.title == "关于印发文件管理办法的通知"


def test_a_title_under_its_pages_header_over_a_pinned_notice_or_a_replaced_edition_is_found():
    """Fresh probe P39: four of its eight documents were titled wrongly. A standard's code line saying the edition it
    replaces ran into the name under it (《Q/SG 0205—2024 代替 Q/SG 0205—2022拾光闲置验机及鉴定服务标准》); an intranet
    page's title over a pinned notice ("【置顶提醒】…") and a guide's (指引) over its edition and motto were titled by
    their files' names; a PDF's running header of two lines over its page number titled every citation, the line under
    the title that numbers and dates it ran into the editor's note after it, and "附件 名词解释" after the last article
    was a document of its own."""
    doc = only_doc("Q/SG 0205—2024 代替 Q/SG 0205—2022\n拾光闲置验机及鉴定服务标准\n前言\n本标准按照GB/T 1.1—2020的规定起草。\n"
                   "1 范围\n本标准规定了验机服务的作业要求。\n", "02_验机及鉴定服务标准.txt")
    assert doc.title == "Q/SG 0205—2024 拾光闲置验机及鉴定服务标准", doc.title
    doc = only_doc("交易纠纷与举报处理规程（客服中心作业版）\n【置顶提醒】5月起，涉及验真报告的纠纷请先在工单内调取报告编号。\n"
                   "一、目的与适用范围\n为统一纠纷处理标准，制定本规程。\n二、受理\n（一）卖家应当在48小时内作出响应。\n",
                   "04_交易纠纷与举报处理规程.txt")
    assert doc.title == "交易纠纷与举报处理规程（客服中心作业版）", doc.title
    assert any(c.text.startswith("【置顶提醒】") for c in doc.clauses)
    doc = only_doc("拾光闲置同城面交安全指引\n（2024年第2版）\n面对面，更安心；守规则，更放心。\n一、编写说明\n面交也带来了新的风险。\n"
                   "二、面交前的准备\n（一）双方应当使用平台聊天工具沟通。\n", "06_同城面交安全指引.txt")
    assert doc.title == "拾光闲置同城面交安全指引", doc.title
    header = "拾光闲置平台规则 · 担保交易与资金结算规则（2024版）"
    doc = only_doc(f"{header}\n资金安全部\n第 1 页\n拾光闲置担保交易与资金结算规则\nSG-FIN-2024-002 2024年3月20日发布 2024年4月1日起施行\n"
                   "编者按：担保交易是二手交易的安全垫。\n第一章 总则\n第一条 为保障资金安全，制定本规则。\n"
                   f"{header}\n资金安全部\n第 2 页\n第二条 买家应当在签收后7日内确认收货。\n第三条 本规则自2024年4月1日起施行。\n"
                   "附件 名词解释\n1. 拾光钱包：平台为用户开立的资金账户。\n2. 面交直付：买家当面付款的交易方式。\n", "03_担保交易.txt")
    assert doc.title == "拾光闲置担保交易与资金结算规则", doc.title
    got = by_label(doc)
    assert got["《拾光闲置担保交易与资金结算规则》题注"].text == "题注：SG-FIN-2024-002 2024年3月20日发布 2024年4月1日起施行"
    assert got["《拾光闲置担保交易与资金结算规则》附件1."].text == "1. 拾光钱包：平台为用户开立的资金账户。", list(got)
    assert not any("资金安全部" == c.text or header in c.text for c in doc.clauses)


def test_a_standards_cover_line_with_the_kinds_code_is_its_cover():
    """Probe P34: "Q/LW 宁波海曙蓝湾跨境贸易有限公司企业标准" atop a standard's cover was a clause 第1段 of it."""
    doc = only_doc("Q/LW 宁波某某跨境贸易有限公司企业标准\nQ/LW-KF 003—2024\n客户服务响应与投诉处理规范\n2024-01-15发布 2024-02-01实施\n"
                   "宁波某某跨境贸易有限公司 发布\n前言\n本标准由客户服务中心提出。\n1 范围\n本标准规定了客户服务要求。\n", "kf.txt")
    assert doc.title == "Q/LW-KF 003—2024 客户服务响应与投诉处理规范", doc.title
    assert doc.clauses[0].text.startswith("封面：宁波某某跨境贸易有限公司企业标准"), doc.clauses[0].text


def test_a_tables_last_cell_a_clause_number_does_not_open_the_annex_after_it():
    """Probe P38: a PDF's table of time limits, one cell a line, ended in "5.4.3" (the clause it refers to) over "附录B":
    the number was read as a standard's clause number alone on its line, and "5.4.3 附录B …表B.1…参考文献" was a second
    5.4.3 whose table rows became a checklist item of 个人信息保护 (by the 参考文献's 《…个人信息保护法》)."""
    doc = only_doc("网络零售企业客户服务规范\n5 服务要求\n5.4.3 投诉办结后3个工作日内应对投诉人进行回访。\n"
                   "附录A\n（资料性）\n客户服务主要时限参考\n表A.1 客户服务主要时限\n事项\n时限\n对应条款\n办结后回访\n3个工作日内\n5.4.3\n"
                   "附录B\n（资料性）\n客户服务质量评价参考指标\n表B.1 客户服务质量评价参考指标\n", "std.txt")
    got = by_label(doc)
    assert [c.text for c in doc.clauses if c.label.endswith("5.4.3")] == ["5.4.3 投诉办结后3个工作日内应对投诉人进行回访。"], list(got)
    assert any("表B.1" in c.text and "附录B" in c.label for c in doc.clauses), list(got)


def test_a_customer_service_script_after_rules_and_their_sample_notice_is_a_document_of_its_own():
    """Probe P41: an intranet page held rules ending in "附：跨境商品风险告知书（范本，2023版）" and then a second document,
    "个人年度交易限额与税费客服答问口径（2024年版）" / "说明：本口径供客服中心一线人员使用…": the sample notice ran into the
    last article, and the whole script was that article's 第六款 (a topic on 限额 and 税费 found 1 of its 20 duties)."""
    docs = parse("蓝湾全球购消费者告知与风险提示管理办法\n第一条 为保障消费者知情权，制定本办法。\n"
                 "第二条 本办法由法务合规部负责解释，自发布之日起施行。\n附：跨境商品风险告知书（范本，2023版）\n"
                 "尊敬的客户：请您在下单前仔细阅读以下内容：\n1.您购买的商品仅供个人自用，不用于再次销售。\n"
                 "本人已阅读并同意上述告知内容。\n个人年度交易限额与税费客服答问口径（2024年版）\n"
                 "说明：本口径供客服中心一线人员使用，涉及数字的内容须与本口径一致。\n一、限额是多少？\n"
                 "（一）单次交易限值为人民币5000元。\n", "kb.txt")
    assert [d.title for d in docs] == ["蓝湾全球购消费者告知与风险提示管理办法", "个人年度交易限额与税费客服答问口径（2024年版）"]
    rules = by_label(docs[0])
    assert rules["《蓝湾全球购消费者告知与风险提示管理办法》第二条"].text == "第二条 本办法由法务合规部负责解释，自发布之日起施行。"
    assert rules["《蓝湾全球购消费者告知与风险提示管理办法》附"].text.startswith("附：跨境商品风险告知书（范本，2023版）")
    assert any(c.text == "（一）单次交易限值为人民币5000元。" for c in indexed(docs[1]))
    # (a line "附：" that states a duty is no annex)
    doc = only_doc("退货管理办法\n第一条 退货应当登记。\n附：须由部门负责人签字确认\n", "t.txt")
    assert not any(c.label.endswith("》附") for c in indexed(doc))


def test_a_files_first_line_is_its_title_where_the_text_under_it_names_it_by_its_kind():
    """Probe P41: a hard-wrapped rule's first line "蓝湾全球购进口商品溯源与中文标签管理细则" over its credits and "修订说明：
    …对本细则进行了修订" was no title, and every citation was named by the file (《进口商品溯源与中文标签管理细则_第3版》)."""
    doc = only_doc("蓝湾全球购进口商品溯源与中文标签管理细则\n修订说明：本版根据2024年第一季度标签抽检中发现的问题，对本细则进行了"
                   "第三次修订，调整了溯源资料保存期限。\n第一章 总则\n第一条 为确保进口商品来源可查，制定本细则。\n",
                   "进口商品溯源与中文标签管理细则_第3版.txt")
    assert doc.title == "蓝湾全球购进口商品溯源与中文标签管理细则"


def test_the_rules_a_notice_issues_are_a_document_of_their_own_under_their_title():
    """Probe P43: a red-headed notice "关于印发《品牌保护与打假工作管理办法》的通知" / "现将《锦川服饰股份有限公司品牌保护与打假
    工作管理办法》印发给你们" over the rules' title and a background paragraph: the rules were the notice's; and the page header
    "锦川服饰股份有限公司　内部管理制度　锦川发〔2023〕47号　密级：内部" was a document of its own and ran into 第十条."""
    header = "锦川服饰股份有限公司　内部管理制度　锦川发〔2023〕47号　密级：内部"
    docs = parse(f"{header}\n锦川服饰股份有限公司文件\n锦川发〔2023〕47号\n关于印发《品牌保护与打假工作管理办法》的通知\n"
                 "各部门、各子公司：\n现将《锦川服饰股份有限公司品牌保护与打假工作管理办法》印发给你们，请认真遵照执行。\n"
                 "锦川服饰股份有限公司品牌保护与打假工作管理办法\n“锦川”品牌创立于1998年，为规范打假工作，公司制定本办法。\n"
                 "第一章 总则\n第一条 为维护注册商标的合法权益，制定本办法。\n第二条 投诉材料由品牌保护部整理，经法务部审核后\n"
                 f"第 1 页 共 2 页\n{header}\n方可提交。\n第 2 页 共 2 页\n", "锦川服饰品牌保护与打假工作管理办法.pdf")
    assert [d.title for d in docs] == ["关于印发《品牌保护与打假工作管理办法》的通知", "锦川服饰股份有限公司品牌保护与打假工作管理办法"]
    assert by_label(docs[1])["《锦川服饰股份有限公司品牌保护与打假工作管理办法》第二条"].text == \
        "第二条 投诉材料由品牌保护部整理，经法务部审核后方可提交。"
    assert not any("密级" in c.text for d in docs for c in d.clauses)


def test_a_standards_long_running_header_marked_controlled_is_dropped_and_the_title_is_its_own():
    """Probe P41: a PDF's header "Q/LWHG 203—2024　跨境电商零售进口清关申报作业标准　　　　蓝湾全球购企业标准（内部受控）" over
    "— 1 —" on every page was the title of every citation."""
    header = "Q/LWHG 203—2024　跨境电商零售进口清关申报作业标准　　　　　　　　蓝湾全球购企业标准（内部受控）"
    doc = only_doc(f"{header}\n— 1 —\nQ/LWHG 203—2024\n蓝湾全球购企业标准\n跨境电商零售进口清关申报作业标准\n"
                   "2024-03-01发布 2024-04-01实施\n1 范围\n本标准规定了清关申报作业的要求。\n5.1.1 订单数据应当在支付成功后10分钟内\n"
                   f"{header}\n— 2 —\n完成推送。\n", "Q-LWHG 203-2024.pdf")
    assert doc.title == "Q/LWHG 203—2024 跨境电商零售进口清关申报作业标准"
    assert by_label(doc)["《Q/LWHG 203—2024 跨境电商零售进口清关申报作业标准》5.1.1"].text == \
        "5.1.1 订单数据应当在支付成功后10分钟内完成推送。"


@pytest.mark.parametrize("facts", [
    "发布人：法务合规部 王若溪　|　浏览次数：3182　|　最后更新：2024-01-09 10:42　|　下载Word版　打印",  # P41, above the title
    "浏览次数：1,284  打印本页  下载PDF版",  # P44: a count with a thousands comma, then the page's tools
], ids=["publisher-views-updated", "views-print-download"])
def test_an_intranet_pages_line_of_facts_above_the_title_is_no_document(facts):
    docs = parse(f"{facts}\n蓝湾全球购消费者告知与风险提示管理办法\n第一条 为保障消费者知情权，制定本办法。\n", "kb_告知.html")
    assert [d.title for d in docs] == ["蓝湾全球购消费者告知与风险提示管理办法"]
    assert not any("浏览" in c.text for c in docs[0].clauses)


@pytest.mark.parametrize("facts, note", [
    ("文件编号：LW-CS-2024-03　｜　主办部门：客服中心、关务部　｜　施行日期：2024年3月15日",  # P41
     "题注：文件编号：LW-CS-2024-03　主办部门：客服中心、关务部　施行日期：2024年3月15日"),
    ("标准编号：HWX-OP-012　|　版本：V1.3　|　归口部门：营运中心　|　实施日期：2024年7月1日",  # P42
     "题注：标准编号：HWX-OP-012　版本：V1.3　归口部门：营运中心　实施日期：2024年7月1日"),
    ("鲜速达〔2024〕骑服字第12号  发布单位：骑手服务中心  发布日期：2024年4月10日", None),  # P42, a number first
    ("编号：HY-YA-2024-05　　牵头部门：平台治理部　　配合部门：客服中心、交易规则部", None),  # P40
], ids=["file-no-dated", "standard-no-dated", "document-number-first", "departments"])
def test_a_line_of_control_facts_under_the_title_is_its_note_or_dropped_not_a_clause(facts, note):
    """Probes P40-P42: each was the first clause of its rules (第1段), one ran into the editor's note under it."""
    doc = only_doc(f"骑手配送安全与权益保障管理办法\n{facts}\n编者按：骑手是道路交通中的弱势群体。\n"
                   "第一条 为保障骑手安全，制定本办法。\n", "r.txt")
    texts = [c.text for c in doc.clauses]
    assert ("编者按：骑手是道路交通中的弱势群体。" in texts) and not any(facts[:6] in t for t in texts if not t.startswith("题注"))
    assert ([t for t in texts if t.startswith("题注")] == [note]) if note else not any(t.startswith("题注") for t in texts)


def test_a_standards_cover_line_with_its_dates_and_a_motto_are_lines_of_their_own():
    """Probes P41, P43: "浙江禾木家居用品有限公司企业标准　　2024-05-10发布　　2024-06-01实施" ran into "前言" under it (the
    foreword a paragraph, 第1段), and a motto of parallel phrases, "快一秒出库，稳一步合规", into "编制说明：…" under it."""
    doc = only_doc("Q/HM-ZL 012—2024\n商品上架知识产权审查作业规程\n浙江禾木家居用品有限公司企业标准　　2024-05-10发布　　"
                   "2024-06-01实施\n前言\n本标准由法务部提出并归口。\n1 范围\n本标准规定了商品上架时的知识产权审查要求。\n", "hm.html")
    assert [c.text for c in doc.clauses][:2] == ["封面：浙江禾木家居用品有限公司企业标准，2024-05-10 发布，2024-06-01 实施",
                                                 "前言本标准由法务部提出并归口。"]
    doc = only_doc("保税仓发货作业管理规范\n快一秒出库，稳一步合规\n编制说明：2023年度，公司各保税仓累计出库跨境包裹约1260万单。\n"
                   "第一条 为规范保税仓发货，制定本规范。\n", "b.docx")
    assert "快一秒出库，稳一步合规" not in " ".join(c.text for c in doc.clauses if c.text.startswith("编制说明"))


def test_the_last_dash_item_before_the_next_chapter_is_kept():
    """Probe P42: "附：骑手安全“五不准”" listed five "——" items before "第六章 附则"; the fifth, a line with no sentence
    punctuation, was read as a heading that lost its chapter number (as "运输管理" over 第六条 is) and was lost."""
    doc = only_doc("骑手配送安全管理办法\n第一条 骑手应当遵守下列规则：\n—— 不准闯红灯、不准逆行，路口减速慢行\n"
                   "—— 不准在人行道、小区内高速骑行\n第六章 附则\n第二条 本办法自发布之日起施行。\n", "r.txt")
    assert by_label(doc)["《骑手配送安全管理办法》第一条"].text.endswith("—— 不准在人行道、小区内高速骑行")


def test_a_markdown_line_in_italics_loses_its_asterisks():
    """Probe P44: "*本标准由会员运营部负责解释。如有疑问请联系标准化专员（内线 6203）。*" ran into the annex above it with its
    asterisks, and a checklist had an item "*本标准是否由会员运营部负责解释"; a "* " bullet is a list item, as before."""
    doc = only_doc("# 会员运营服务质量管理标准\n\n5.1 客服应当在30秒内响应。\n\n*本标准由会员运营部负责解释。*\n", "q.md", markdown=True)
    assert not any("*" in c.text for c in doc.clauses), [c.text for c in doc.clauses]
    from ingest.clean import _md_plain

    assert _md_plain("* 客服应当在30秒内响应") == "* 客服应当在30秒内响应" and _md_plain("*注：见附录A*") == "注：见附录A"


def test_a_standards_running_header_at_the_top_whose_cover_says_its_code_again_is_no_title():
    """Probes P59, P60: a standard's PDF opened with the header every page repeats, "Q/YYYX 0003—2024　售后服务与过敏投诉
    处理规范　　悦颜美妆（杭州）电子商务有限公司" (a document of its own, the company a clause of it, titled
    《YYX 0003—2024 Q-Y…》), or "车易达平台管理标准　Q/CYD 003—2024　二手车车况检测与信息披露管理标准" over the series, the code
    and the name (titled by the series, 《Q/CYD 003—2024 车易达平台管理标准》)."""
    for header, cover, name in (
            ("Q/YYYX 0003—2024　售后服务与过敏投诉处理规范　　悦颜美妆（杭州）电子商务有限公司",
             "悦颜美妆（杭州）电子商务有限公司企业标准\nQ/YYYX 0003—2024　代替 Q/YYYX 0003—2022\n", "售后服务与过敏投诉处理规范"),
            ("车易达平台管理标准　Q/CYD 003—2024　二手车车况检测与信息披露管理标准", "车易达平台管理标准\n Q/CYD 003—2024\n",
             "二手车车况检测与信息披露管理标准")):
        text = (f"{header}\n{cover}{name}\n2024-01-15发布　　2024-02-01实施\n前　言\n本标准由客户服务中心提出并归口。\n1　范围\n"
                f"本标准规定了售后服务的要求。\n4　总体要求\n4.1　客服人员应当\n第 1 页　共 2 页\n{header}\n在2小时内首次响应。\n"
                "4.2　客服人员不得与消费者发生争执。\n第 2 页　共 2 页\n")
        docs = parse(text, "standard.pdf")
        code = "Q/YYYX 0003—2024" if "YYYX" in header else "Q/CYD 003—2024"
        assert [d.title for d in docs] == [f"{code} {name}"], header
        assert docs[0].clauses[0].label.endswith("封面") and docs[0].clauses[0].text.count("封面") == 1
        assert not any("有限公司" in c.text or "管理标准" in c.text for c in docs[0].clauses[1:])
        assert any(c.text.endswith("应当在2小时内首次响应。") for c in docs[0].clauses)
    # (a title repeated atop its body, no code set apart, stays the title)
    text = "某公司售后服务规范\n某公司售后服务规范\n第一条 客服应当在2小时内响应。\n"
    assert [d.title for d in parse(text, "x.txt")] == ["某公司售后服务规范"]


def test_a_standards_foreword_heading_is_no_part_of_its_title():
    """Probe P61: "Q/LB 105-2024 服务质量评价与投诉处理规范" / "前言" ran together, and the standard was titled
    《…服务质量评价与投诉处理规范前言》."""
    text = ("Q/LB 105-2024 服务质量评价与投诉处理规范\n前言\n本规范按照企业标准编写规则起草。\n1 范围\n本规范规定了服务质量评价的方式。\n"
            "4 服务质量评价\n4.1 用户应当在服务完成后7日内作出评价。\n")
    assert [d.title for d in parse(text, "x.txt")] == ["Q/LB 105—2024 服务质量评价与投诉处理规范"]


def test_a_notice_pinned_above_the_document_a_page_is_named_after_is_a_document_of_its_own():
    """Probe P61: an intranet page named after its standard pinned a notice above it ("【通报】关于2024年第二季度投诉处理
    情况的通报" and its text); the standard's own title, the page's name with its code, was read as said again, and the
    notice's report was the standard's first two clauses."""
    text = ("【通报】关于2024年第二季度投诉处理情况的通报\n第二季度，客户服务中心共受理投诉1236件，按时办结率96.3%。\n"
            "Q/LB 105-2024 服务质量评价与投诉处理规范\n前言\n本规范按照企业标准编写规则起草。\n1 范围\n本规范规定了评价的方式。\n"
            "4 服务质量评价\n4.1 用户应当在服务完成后7日内作出评价。\n")
    docs = parse(text, "服务质量评价与投诉处理规范.html")
    assert [d.title for d in docs] == ["关于2024年第二季度投诉处理情况的通报", "Q/LB 105—2024 服务质量评价与投诉处理规范"]
    assert [c.text for c in docs[0].clauses] == ["第二季度，客户服务中心共受理投诉1236件，按时办结率96.3%。"]
    assert not any("1236" in c.text for c in docs[1].clauses)


def test_a_documents_number_over_its_title_is_its_note():
    """Probe P59: "车易达规〔2024〕07号" over "车易达二手车交易平台车商入驻与经营管理规范" was read as the first line of a title
    broken in two, 《车易达规〔2024〕07号车易达二手车…规范》."""
    text = ("车易达规〔2024〕07号\n车易达二手车交易平台车商入驻与经营管理规范\n（2024年6月15日平台管理委员会审议通过）\n第一章 总则\n"
            "第一条 为规范车商经营，制定本规范。\n第二条 车商应当如实发布车源信息。\n")
    docs = parse(text, "车商入驻与经营管理规范.docx")
    assert [d.title for d in docs] == ["车易达二手车交易平台车商入驻与经营管理规范"]
    assert docs[0].clauses[0].text == "题注：车易达规〔2024〕07号；2024年6月15日平台管理委员会审议通过"


def test_a_second_document_after_an_end_line_with_its_edition_and_byline_is_found():
    """Probe P64: a guide after a standard in one file ("（标准正文完）" / "觥筹网破损漏液客服处理指引（客服中心版　2024年第2版）" /
    "编制：客服中心质量组　　适用：一线客服…" / "【说在前面】…" / "一、受理与响应") ran on as the standard's, all its clauses
    under 10.4: its edition note was longer than a title's note could be, its byline ran into the note under it, and the
    line before it ended no sentence."""
    text = ("Q/GC 003—2024\n觥筹网酒类商品仓储物流与包装作业标准\n1 范围\n本标准规定了酒类商品的仓储要求。\n"
            "10 承运商管理\n10.4 偏远地区订单可以改为网点自提，但自提时仍须核验收件人身份。\n\n（标准正文完）\n\n\n"
            "觥筹网破损漏液客服处理指引（客服中心版　2024年第2版）\n编制：客服中心质量组　　适用：一线客服、售后专员、升级处理专员\n"
            "【说在前面】酒不同于一般商品，处理破损漏液，先安抚、再取证、后理赔。\n\n一、受理与响应\n"
            "（一）用户反馈破损、漏液的，客服应当在2小时内首次响应。\n（二）客服受理后应当同步通知商家。\n二、取证要求\n"
            "（一）客服应当引导用户拍摄外箱面单。\n")
    docs = parse(text)
    assert [d.title for d in docs] == ["Q/GC 003—2024 觥筹网酒类商品仓储物流与包装作业标准",
                                       "觥筹网破损漏液客服处理指引（客服中心版 2024年第2版）"], [d.title for d in docs]
    guide = indexed(docs[1])
    assert [c.label.split("》")[1] for c in guide if c.text.startswith("（一）")] == ["一、（一）", "二、（一）"], pairs(docs[1])
    assert not any("受理与响应" in c.text or "编制" in c.text for c in indexed(docs[0])), pairs(docs[0])


def test_a_running_header_with_its_secrecy_in_brackets_and_an_issuer_over_a_number_over_a_title():
    """Probes P65 and P67: a PDF's header on every page, "橙码科技（杭州）有限公司 · 保险服务部 · 内部文件（密级：内部公开）",
    over "第 1 页 共 3 页" kept its page-1 copy, and the title under it was a clause of a document named after the file (its
    marking in brackets read as a colon in a sentence); an issuer's name over its document's number over the title
    ("深圳市澜海跨境电子商务服务有限公司" / "澜海运营〔2024〕17号" / "…管理办法" / "（2024年6月修订）") was a document of one
    clause, titled by the company."""
    header = "橙码科技（杭州）有限公司 · 保险服务部 · 内部文件（密级：内部公开）"
    text = (f"{header}\n第 1 页 共 2 页\n橙码优选延保服务及碎屏险业务规则（V3.2）\n发布日期：2024年4月10日　实施日期：2024年5月1日\n"
            "一、购买规则\n（一）延保应当在新机签收之日起30日内购买。\n（二）碎屏险应当在新机签收之日起15日内购买，购买时须完成线上\n"
            f"{header}\n第 2 页 共 2 页\n验机。\n二、理赔\n（一）用户申请理赔的，平台应当在3个工作日内审核。\n")
    doc = only_doc(text, "02_延保服务及碎屏险业务规则.txt")
    assert doc.title == "橙码优选延保服务及碎屏险业务规则（V3.2）", doc.title
    assert not any("内部文件" in c.text for c in indexed(doc)), pairs(doc)
    assert any(c.text.endswith("完成线上验机。") for c in indexed(doc)), pairs(doc)
    doc = only_doc("深圳市澜海跨境电子商务服务有限公司\n澜海运营〔2024〕17号\n澜海出海通海外仓头程物流与入仓管理办法\n（2024年6月修订）\n"
                   "第一章 总则\n第一条 为规范海外仓入仓作业，制定本办法。\n第二条 卖家应当在发货前提交入仓预报。\n", "01_海外仓.txt")
    assert doc.title == "澜海出海通海外仓头程物流与入仓管理办法", doc.title
    assert any(c.text == "题注：深圳市澜海跨境电子商务服务有限公司；澜海运营〔2024〕17号；2024年6月修订" for c in doc.clauses), pairs(doc)


def test_a_second_document_whose_compilation_note_names_it_after_a_table():
    """Probe P67: "澜海出海通资金回款与结汇管理规定" / "编制说明：…财务结算部…编制本规定。" / "一、目的与依据", after the first
    rules' table of time limits, ran on as the first rules' 第二十九条 (the note named it, no preamble "为…制定本规定")."""
    text = ("澜海出海通买家纠纷处理规则\n第一章 总则\n第一条 为规范纠纷处理，制定本规则。\n第二条 卖家应当在24小时内回复买家。\n"
            "第三条 本规则自2024年5月1日起施行。\n附表 纠纷处理主要时限一览\n|事项|责任方|时限\n|回复买家站内信|卖家|24小时\n\n\n"
            "澜海出海通资金回款与结汇管理规定\n编制说明：2023年，平台卖家资金业务中出现了多起提现至非本人账户等问题，财务结算部在广泛"
            "征求卖家意见的基础上编制本规定。\n一、目的与依据\n为规范平台卖家资金结算，制定本规定。\n二、结算周期\n"
            "（一）平台对卖家订单款项实行T+14结算。\n")
    docs = parse(text)
    assert [d.title for d in docs] == ["澜海出海通买家纠纷处理规则", "澜海出海通资金回款与结汇管理规定"], [d.title for d in docs]
    assert any(c.text.startswith("（一）平台对卖家订单款项") for c in indexed(docs[1])), pairs(docs[1])
