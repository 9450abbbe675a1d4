"""Compliance checklists: every obligation the knowledge base states on a topic, one checkable
item per duty, merged across documents, each cited to the clauses that state it.

Steps: the topic's terms (jieba words weighted by how rare they are in the knowledge base) and its
dense vector pick the relevant clauses — all of them above a threshold, not a top k (a topic that names
whose duties it asks for, "平台对…的管理义务", keeps that party's); the
obligation sentences of those clauses (应当/应/必须/须/需 …, 不得/禁止/严禁 …, and the items of a
list whose lead-in states the duty) become items in the clause's own words; items that state the
same duty are merged; items are grouped by sub-theme and ordered by the authority of their sources.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ingest.clean import CN_NUM, SENTENCE, TABLE_ROW, is_slogan, norm, rule_row, table_cells
from ingest.records import Clause
from ingest.tokenize import tokenize
from tiaowen.errors import TiaowenError

from .support import ANY_PERIOD, CLAUSE_MARKER, CLOCK_SPAN, NOTE_ON_RULES, NUM, PEOPLE, evidence

if TYPE_CHECKING:  # the checklist module is imported by retrieval (assistant.provisions): no cycle at run time
    from .retrieve import Retriever

SCOPES = ("交易型", "第三方平台型", "支撑服务型")

# (not a state: "经两次修理仍不能正常使用的", "个人信息不准确、不完整", "不准时", "不能实现合同目的")
# "…致使…不能实现合同目的": what cannot be done, no ban
# 不可 forbids an act ("满减券与折扣券不可叠加", "积分不可转让"); not in a word or an adjective (不可抗力, 不可移动文物, 不可篡改,
# 不可降解的塑料袋, 不可或缺, 因不可归责于…) (shared with assistant.provisions)
NOT_TO_BE = (r"(?<![因除和或与是为及])不可(?!抗力|抗拒|归责|移动|解体|降解|再生|克服|篡改|修改|控|靠|分|竞争|迁移|搬迁|上诉|避让|"
             r"规避|恢复|弥补|复制|推卸|触碰|偏废|存续|仲裁|享有|避免|或缺|逆|预见|预料|能|思议|替代|缺少|少|否认|估量|多得|比拟|"
             r"收拾|撤销|争议|忽视|忽略|小觑|侵犯|动摇|想象|限量)(?![\u4e00-\u9fff]{1,2}(?:的|性))")
PROHIBITION = re.compile(r"不得|(?<!无权)(?<!有权)禁止|严禁|不允许|不准(?![确时])|(?<![仍还已尚])不能(?!实现|达到|满足|履行|清偿|归还|证明|确定|正常)|"
                         r"杜绝|不应|切勿|不可以|" + NOT_TO_BE)
# the words that make a sentence a duty, and what item_text replaces with 是否; a sentence is also a duty by
# 要 before a verb ("要建立"), which stays in its wording
# (not: 应当知道/应知 knowledge, 应收/应付/应税/应纳/应解缴 accounts, 应价 a bid, "…的需要"/"用水需要。"/"…需要外" a need,
# "…，需要时重新申请开通" when needed (probe P26's item read "…是否时重新申请开通"),
# 需知 what one must know, 急需 what is urgently needed; 应对 "to cope with" ("突发事件应对工作"), but "平台应对商家提供的
# 资质进行认真核实" and "承包商应对建设工程的质量负责" are duties)
# (只能 restricts, but not in a case, "（一）只能从唯一供应商处采购的；", the 的 that ends it no 目的; nor 不只能 / 也只能)
_DUTY_WORD = re.compile(r"应当(?!知)|应该|必须|务必|(?<![不也])只能(?=[\u4e00-\u9fff“])(?![^，,。；;]*(?<!目)的[，,。；;]?\s*$)|原则上(?=每[年季月周天日]|定期)|(?<![相响供适反对回呼感效答])应(?![用急变答对知当收付价税]|纳(?:税|或|的|、)|解缴|退(?:款项|金额|税款))|"
                        r"(?<![相响供适反对回呼感效答为在和件极善学时何同合])(?<!或者)应(?=对(?!突发|风险|挑战|措施|处置|工作|机制|预案|能力)"
                        r"[^。；;，,：:]{1,30}?(?:进行|予以|加以|负责|作出|实施|核实|审查|审核|保密))|(?<![必无若如])须(?!知)|"
                        r"(?<![若如果无不所据视按的理有急])需要(?![的外时，,。；;、)）]|$)|(?<![若如果无必不所据视按的理有急而])需(?![求知要])")
# …and by "由…承担/负责" ("退回商品的运费由消费者承担"), the allocation of a burden, and by a liability for
# not acting ("…未采取必要措施的，依法与该平台内经营者承担连带责任")
_MUST = r"(?<![主重只需不想必首概纲])要(?=[建设制定做提保加遵按及对严明落实完健采])"  # "平台要建立…", "商家要遵守…" (not 要求, 需要, 重要)
# …and by a step that must come first, a company rule's procedure stated without a modal ("页面改版由网页设计人员预先设计
# 出方案，报…审核、呈公司总经理审批后执行", "经部门经理批准后方可离岗"; not "本办法经国务院批准后施行", a document's)
# (a law's "报国务院批准后执行" is a regulator's step: 批准 by an authority is no business's approval to check)
PROCEDURE = (r"(?:审批|批准|审核|核准|审定|签字|签批)(?:通过)?(?:后|之后)(?:方可|才能|方能)|"
             r"(?:审批|审核|审定|签批)(?:通过)?(?:后|之后)(?:执行|实施)")
# where whose step it is begins: the 由 / 经 before the approval ("页面改版由网页设计人员…审批后执行"), not one inside a
# word (部门经理, 已经, 经营者, 理由)
_STEP_BY = re.compile(r"[^，,；;。]{1,12}?(?<![已曾理自缘])(?=(?:由|经(?!营|理|济|常|验|费|典|历|销|纪|手|办))"
                      r"[^；;。]{1,60}?(?:审批|批准|审核|核准|审定|签字|签批))")
DUTY = re.compile(_DUTY_WORD.pattern + "|" + _MUST + r"|由[^，,。；;]{1,12}?(?:承担|负责(?![人任])|保管)|" + PROCEDURE)
LIABILITY = re.compile(r"未((?:采取|尽到|履行)[^，,。；;]{0,20})的[，,][^。；;]{0,30}承担[^。；;]{0,8}责任")
# the kinds of document a rule calls itself by ("本规范", "本指引")
_OWN_KIND = r"(?:标准|制度|办法|规范|规定|细则|法|条例|规则|守则|指引|指南|手册|准则|须知|规程|流程|方案)"
# a definition, a scope ("本规定适用于…", but not the referral "依照本法规定"), a purpose, a rationale,
NOT_AN_OBLIGATION = re.compile(r"是指|指的是|本(?:标准|制度|办法|规范|规定|法|条例|规则|细则|守则|准则|须知|规程)(?:适用(?!的)|所称)|"
                               # whom a law protects or governs ("消费者为生活消费需要购买…，其权益受本法保护")
                               r"(?:权益|权利)受(?!到)[^，,。；;]{0,40}(?:保护|调整)|受本(?:标准|制度|办法|规范|规定|法|条例)(?:保护|调整)|"
                               r"适用本(?:办法|规定|法|条例)[。；;]?$|"
                               r"^本(?:标准|制度|办法|规范|规定|法|条例)规定|"
                               # its coming into force ("本制度经总经理审批后执行")
                               r"^本(?:标准|制度|办法|规范|规定|细则|法|条例)[^，,。；;]{0,20}(?:审批|批准|审定|通过)后(?:执行|实施|施行|生效)|"
                               # a purpose, what the document is made for ("为了规范…，根据《价格法》…等法律、行政法规，
                               # 制定本规定", "为了提升…，需要制定一系列规范"), not a duty given with its purpose
                               # ("为了提高服务质量，企业应当制定售后服务规范")
                               r"为了[^。]*?[，,](?:需要|应当|应该|应|必须|须)?(?:制定|订立|制订)|"
                               # (or without 了, its own kind named: "为规范公司直播带货活动…，制定本规范", read as 规范 the duty)
                               r"^为[^。；;]{2,150}?(?:特|现)?(?:制定|制订|订立)本(?:标准|制度|办法|规范|规定|细则|法|条例|规则|守则)[。；;]?$|"
                               # who interprets the document, when it takes effect ("本规范由直播运营部负责解释",
                               # "本规定自发布之日起实施"): about the document, no duty of the business
                               # (with its usual company: "，自发布之日起施行", "和修订", "负责制定、解释和修订", "，实施细则由…制定";
                               # not a duty after it, "…负责解释，客服部应当每季度修订本规范")
                               # (and a guide's, a handbook's: "本指引自2024年5月1日起执行，由仓储物流部负责解释和更新" was
                               # an item "…是否由仓储物流部负责解释和更新", probe P84)
                               # (or who made it: "本规范由信息安全部会同法务部制定，自发布之日起执行" was an item "本是否规范
                               # 由信息安全部会同法务部制定…", probe P89)
                               r"^本" + _OWN_KIND + r"[^，,。；;]{0,20}?(?:负责)?(?:(?:制定、|起草、)?解释|(?:制定|起草|编制)(?=[，,。；;]|$))"
                               r"(?:(?:和|、|并)(?:修订|更新|修改))?(?:[，,](?![^，,。；;]*(?:应当|应|必须|须))"
                               r"(?:自[^，,。；;]{1,20}?起(?:施行|实施|生效|执行|试行)(?:[，,]试行期[^，,。；;]{1,10})?|"
                               r"[^，,。；;]{0,20}(?:制定|修订)))?[。；;]?$|"
                               r"^(?:本" + _OWN_KIND + r"的?)?(?:最终)?解释权归[^，,。；;]*[。；;]?$|"
                               r"^本" + _OWN_KIND + r"[^，,。；;]{0,12}?自[^，,。；;]{1,20}?起"
                               # (and what it replaces: "，原《商品上架管理办法》同时废止", "…即行废止")
                               # (or is tried: "自发布之日起试行，试行期一年"; probe P34)
                               r"(?:施行|实施|生效|执行|试行)(?:[，,][^，,。；;]{1,40}?(?:同时|即行|一并)?(?:废止|废除|停止执行|作废|失效)|"
                               r"[，,]试行期[^，,。；;]{1,10}|[，,]由[^，,。；;]{1,20}?负责解释(?:(?:和|、|并)(?:修订|更新|修改))?)?"
                               r"[。；;]?$|"
                               # a standard's front matter ("本规范由…采购中心提出并归口", "本标准起草单位：…")
                               # (or drafted: "本规范由公司运营管理中心提出，回收业务部、风控部…共同起草", probe P54)
                               r"本(?:标准|规范|文件|制度)由[^。]{0,40}提出(?:并|和)?归口|^起草(?:单位|部门|人)[：:]|"
                               r"本(?:标准|规范|文件|制度|办法|细则|规程)由[^。；;，,]{1,40}(?:提出|起草)(?:[，,][^。；;]{0,40}起草)?[。；;]?$|"
                               r"^(?:目的|范围|术语)|是[^，。；]{0,24}的(?:重要|关键|基础|前提|核心)(?:保证|保障|环节|手段|因素|所在)|"
                               r"意味着|(?:贯彻|树立|秉承|坚持)[^，。；]{0,20}理念|"  # an explanation, a slogan,
                               # how an act is characterised in law ("经营者的工作人员进行贿赂的，应当认定为经营者的行为")
                               r"(?:应当|应)(?:认定为|视为|以[^，,。；]{1,20}论处|(?:依照|按照)[^，,。；]{1,30}定罪)|"
                               # who must prove what in a dispute ("涉嫌侵权人应当证明其不存在侵犯商业秘密的行为")
                               r"(?:(?<=[人者方位])应|应当)(?:举证)?证明(?![书文材])|(?:承担|负有|负)[^，,。；]{0,12}举证责任")  # (not 对应证明, 供应证明)
# a sentence that tells what has been happening, the background of a rule ("近年来，…", "近一年来，…", "目前，…"), and the
# modals that make one a duty all the same ("目前尚未完成整改的，应当…")
BACKGROUND = re.compile(r"^(?:近(?:一|两|三|几|\d+)?年(?:来|以来)|近期以来|近来|长期以来|一直以来|当前|目前)[，,]")
_FIRM_MODAL = re.compile(r"应当|必须|不得|严禁|禁止")
# what a list item without a modal of its own says when it only describes ("包括…", "分为…"), which no lead-in
# makes a duty
DESCRIPTION = re.compile(r"^[^，,。；]{0,15}?(?:包括|分为|主要有)")
# an exception ("…不能复原的除外") or a referral ("另有规定的，依照其规定") states no duty of its own
# (and what it leaves to other rules: "本规范未尽事宜，按国家有关法律法规及公司其他管理制度执行", probe P54's item "本是否规范未尽事宜…")
EXCEPTION_OR_REFERRAL = re.compile(r"^但(?:是)?[，,]?.*的除外[。；;]?$|另有(?:规定|约定)的[，,]?(?:依照|从其|适用|按照)|"
                                   r"未尽事宜[，,]?(?:按|依|按照|依照|参照|遵照|由)")
# a condition before the rule ("依法需要办理登记的，…", "如需要售后服务，…"): a modal inside it is not the duty,
# and is not reworded
_DE_CLAUSE = r"[^，,；;。]*(?<![目标])的(?=[，,])"  # "…的，": the case a rule is for (not "…合理的目的，")
_CONDITION = re.compile(_DE_CLAUSE + r"|"
                        r"(?:^|(?<=[，,；;]))\s*[\u4e00-\u9fff]{0,4}?(?:如果|假如|一旦|若|如(?![实何下此同期约今数]))[^，,；;。]*(?=[，,])")
_LEADING_CONDITION = re.compile(_DE_CLAUSE)  # matched at the start of a sentence
_RIGHT = r"(?<![所专])有权(?![人的益利])"  # not 所有权人, 专有权的货物
PERMISSION = re.compile(r"可以|可(?=[以通建设采])|鼓励|提倡|" + _RIGHT)
_MAY = re.compile(r"可以|鼓励|提倡|" + _RIGHT)  # in a phrase
# (a sanction's lead-in may run on over a semicolon: "…有下列情形之一的，…罚款；情节严重的，…吊销资质认定书：")
LEAD_IN = re.compile(r"(?:包括|如下|以下|下列|这些|几点|几个方面|内容)[^。]*[：:]\s*$")
# lead-ins whose items are no duty to check: exceptions ("但下列商品除外："), the violations a penalty
# article sanctions ("有下列行为之一的，由…责令改正，处…罚款：" restates duties stated elsewhere) and the
# alternative grounds of a permission ("符合下列情形之一的，个人信息处理者方可处理个人信息：" — each item is a
# condition that allows, none a duty)
_ONE_OF_LIST = r"(?:下列|以下)[^。；：:]{0,8}之一[^。；]*?"
_SANCTIONS = "责令|罚款|处罚|处分|吊销|没收|警告|追究|罚金|拘役|拘留|有期徒刑|定罪"  # and a criminal one
# the lead-in of a list of sanctioned breaches: "…有下列行为之一的，由…责令限期改正，可以处…罚款："
SANCTIONED_LIST_LEAD = re.compile(_ONE_OF_LIST + f"(?:{_SANCTIONS})")
# (and a list of what a rule does not hold for: "下列情形不认定为不合理差别待遇：（二）针对新用户…开展优惠活动的")
# (said with 以下 as well: "以下情形不予退货，但商品存在质量问题的除外：" over "2.3.1 已拆封的食品…" was an item "是否已拆封的
# 食品…", probe P80)
NOT_DUTY_LEAD = re.compile(r"(?:下列|以下)[^。；：:]{0,12}(?:除外|不予)|不适用[^。；]*(?:下列|以下)|(?:下列|以下)[^。；：:]{0,10}不适用|"
                           r"(?:下列|以下)[^。；：:]{0,10}(?:不认定为|不属于|不视为|不构成|不认为是|不作为)|"
                           # (or outside a scope: "以下订单不在运费险承保范围内：（二）货到付款订单；" was an item "是否货到
                           # 付款订单", blind probe P128)
                           r"(?:下列|以下)[^。；：:]{0,12}(?:不在|不纳入|不列入)[^。；：:]{0,20}(?:范围|之列)|"
                           + _ONE_OF_LIST + f"(?:{_SANCTIONS}|方可|才能|才可|不承担|不负|免除|免予|免于|减轻|不属于|不视为|不构成)")
NOT_DUTIES_LISTED = re.compile(r"(?:下列|以下)[^。；：:]{0,10}(?:情形|情况|行为|原因|事由|职权|权利|权力)|之一|"
                               # examples of what a rule names ("常见禁用语示例如下（包括但不限于）：" over "4.2.1 推诿类：“这不归
                               # 我管”…" was an item "是否“这不归我管”…", probe P81)
                               r"(?:示例|举例|例如|比如)[^。；：:]{0,14}[：:]\s*$|"
                               # what something is deemed to be when it meets them ("符合下列条件的数据电文，视为满足…原件形式
                               # 要求：（一）能够有效地表现所载内容…": conditions, no one's duty; it read "能够是否有效地…")
                               r"(?:视为|推定为?|认定为)[^。；：:]{0,30}[：:]\s*$|"
                               # a table of what goes with what ("限售商品及对应资质清单如下：" over "1. 预包装食品：食品经营
                               # 许可证…" was an item "是否食品经营许可证…", probe P86)
                               r"对应[^。；：:]{0,10}(?:清单|目录|名录|一览表?|对照表)[^。；：:]{0,4}[：:]\s*$|"
                               # what someone is entitled to ("各等级会员享有以下权益：")
                               r"享有(?:下列|以下|如下)|(?:下列|以下|如下)[^。；：:]{0,4}(?:权益|待遇|福利|优惠)|"
                               # who is which party, by case ("电梯使用单位按照下列规定确定：")
                               r"(?:下列|以下)[^。；：:]{0,6}(?:确定|确认|划分)[^。；：:]{0,8}[：:]\s*$|"
                               # a scale of deductions or penalties ("扣分标准如下：" over "泄露客户信息的，该会话直接计0分" was
                               # an item "是否该会话直接计0分", probe R)
                               # (at the lead-in's end: "罚款1万元以下的，按下列要求整改：" lists duties)
                               r"(?:扣分|扣罚|处罚|罚款|计分|记分)(?:标准|规则|办法)?(?:如下|[^。；：:\d]{0,4}(?:下列|以下|如下)"
                               r"[^。；：:\d]{0,4})[：:]\s*$|(?:下列|以下|如下)[^。；：:\d]{0,4}(?:扣分|扣罚|处罚|罚款|计分|记分)"
                               r"[^。；：:\d]{0,4}[：:]\s*$")
# where the items of a list run on in one paragraph: "——…；——…", "标准:- 运营管理:…。- 用户管理:…"
BULLET = re.compile(r"(?=——)|(?<=[。；;：:])\s*(?=-\s?[\u4e00-\u9fff])")
# a lead-in whose duty is its list: "应实施以下管理标准：", "应符合下列要求："
LIST_OBJECT = re.compile(r"(?:应当|应该|必须|应|须|需要|需)[\u4e00-\u9fff]{0,4}(?:以下|下列|如下)")
_ITEM = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[、.．]|[a-z][.．、]|——)")
# a duty of a regulator, a court or an association ("市场监督管理部门应当…", "消费者协会履行下列职责") is none of the
# business the checklist is for
REGULATOR = re.compile(r"(?:部门(?!经理|主管|负责人|领导)|机关|人民政府|人民法院|人民检察院|委员会|协会|"
                       r"(?<![邮布格结大全时当开])局(?![部面势限]))")  # 商标局, 税务局 (not 布局, 局部)
# a company's own department, named by its work, is none ("原部门应当…回收原岗位权限", "客户服务部门应当…", "财务部门应当…");
# one of a government, or in a list of them, is ("市人力资源部门", "政府采购部门", "市科学技术部门", "劳动、人事部门");
# 各部门, 相关部门, 本部门 and 人事部门 are a law's authorities
_OWN_DEPARTMENT = re.compile(r"(?<![市省县区州镇乡级、和及府学络])(?:原|用人|业务|运营|运营管理|财务|销售|客服|客户服务|售后|售后服务|"
                             r"仓储|物流|法务|质检|品控|风控|需求|申请|调出|调入|人力资源|信息安全|采购|技术|商品|数据|"
                             r"招商|市场|营销|运维|研发|产品|品牌|直播|内容|会员|渠道|合规|内控|设计)部门")  # (not 推广: 农业技术推广部门)


def _masked(rx: re.Pattern, text: str) -> str:
    """The text with what ``rx`` finds blanked out, each character a "□" (positions kept)."""
    return rx.sub(lambda m: "□" * len(m.group()), text)


def _regulator(words: str) -> re.Match | None:
    """Where the words name a regulator, a court or an association (not a company's own department)."""
    return REGULATOR.search(_masked(_OWN_DEPARTMENT, words))


BUSINESS = re.compile(r"经营者|企业|平台|商家|处理者|卖家|公司|店铺|员工|客服|提供者|网站|服务商")
# whom else a rule binds, by their role, as the subject of a duty (at its end, or before where or when: "主播在直播间",
# "仓储部门"), not a thing of theirs ("人员信息", "话术小组编写的模板", "计价单位", "页面顶部", "承运信息")
_ROLE_NAMES = (r"主播|团长|骑手|供应商|供货商|承运人|承运商|快递员|配送员|司机|人员|部门|(?<![全内外局顶底头尾中背胸腹上下])部|小组|组长|"
               r"(?<![小词])组|机构|(?<!计价)(?<!计量)单位|负责人|主管|经理|专员|主任")
_ROLE = re.compile(f"(?:{_ROLE_NAMES})(?=$|在|于|对|每|当|如|若|应|须|必|不|要|可)")
# a party named after 由 anywhere in its sentence ("运费由商家承担", "由此产生的费用由商家承担"), not 由于, 由此
_BY_PARTY = re.compile(f"由(?!于|此|其)[^，,；;。]{{0,8}}?(?:{BUSINESS.pattern}|{_ROLE_NAMES})")
BEARER = re.compile(rf"(?:{BUSINESS.pattern}|单位|者|机构|人员|部门|组织)$")  # a title that names whom its rules bind
# a rule stated as an instruction, after an optional run-in label: "售后服务培训定期组织…", "5.1.1 建立服务保障机制"
# (not a verb negated: "出售不具备再制造条件的…" is a breach)
# ("售后投诉处理:建立客户投诉处理机制", "数据分析和优化通过对售后服务数据的分析，发现问题")
_INSTRUCTING = (r"建立|制定|定期(?!限)|设立|明确|加强|完善|落实|做好|配备|遵守|执行|规范(?!性)|组织|开展|实行|实施|公示|采取|设置|配合|有效(?!期|的)|"
               r"有完善|具备|通过对|委托(?!人|方)")
_PREPOSITION_FIRST = re.compile(r"与|和|跟|同(?!城|类|级)|向|对|为|在(?!线)|按|依|根据|通过|以(?!上|下)|从|就|将|把")
IMPERATIVE = re.compile(r"^(?:[\u4e00-\u9fff]{2,12}[：:]\s*)?[\u4e00-\u9fff]{0,10}?(?<![不未无没])(" + _INSTRUCTING + ")")
# …a later sentence of a clause that opens with an instruction is one where it starts with the verb ("遵守行规行约，…")
STARTS_INSTRUCTING = re.compile(r"^(?:(?P<label>[\u4e00-\u9fff]{2,12}[：:])\s*)?(?:" + _INSTRUCTING + ")")
# a run-in label and an instruction: "售后配送服务：对于退货、换货等需求，提供快速、高效的处理方式"
LABELLED = re.compile(r"^[\u4e00-\u9fff]{2,12}[：:]\s*(?:对于[^，,。；]{0,30}[，,])?(?:提供|确保|保障|保证|保护|做到|及时)")
_MARKER = re.compile(rf"^\s*({CLAUSE_MARKER}|——)\s*")  # and a standard's "——" item
_TITLE_LINE = re.compile(r"^([\u4e00-\u9fff]{2,20})[ \t]*\n\s*")  # a clause's title on its first line
# a title that names the kind of its rules by a modal ("（三）禁止事项\n处理…时必须遵守以下要求：", "（一）禁用表述"): no rule
# of its own (a probe's checklist had an item "是否杜绝事项")
_MODAL_TITLE = re.compile(r"(?:禁止|严禁|禁用|不得|必须|应当|强制)性?(?:事项|行为|表述|用语|情形|内容|清单|规定|要求|条款|范围|词)")


def _untitled(text: str) -> str:
    """A lead-in less its title line ("禁用表述\n主播及场控在直播中严禁使用下列表述：" → the sentence): the items are
    checked under its words, not under its title's (a probe's items read "禁用表述\n主播及场控…是否杜绝使用下列表述：…");
    a title that names whom it binds stays ("交易型电子商务企业")."""
    m = _TITLE_LINE.match(text)
    if m and (_MODAL_TITLE.fullmatch(m.group(1)) or not any(_modals(m.group(1))) and not BEARER.search(m.group(1))):
        return text[m.end():]
    return text

# sub-themes an item is filed under (first match wins); else 其他要求
THEMES = [
    # (before 时限: "明确退换货条件、流程及时限", "七日内退货" are about returns, whatever time they set)
    # (first: an intellectual-property complaint's duties, "…接到通知后，应当及时采取必要措施", are about IP whatever time
    # or complaint they name; a probe's 知识产权投诉 list filed all three under 时限与响应 / 投诉与纠纷)
    ("知识产权", r"知识产权|侵权(?:产品|商品|投诉|举报)|商标|专利|著作权|盗版"),  # (not 侵权责任 in general)
    ("退换货与退款", r"退货|换货|退换|退款|返还[^，,。；;]{0,6}(?:款|费|金)|运费"),  # not 返还个人信息, 返还商标
    # (before 时限: "价格比较…前七日内…" is about prices; a 明码标价 checklist filed 29 of 43 items under 其他要求)
    # (a price named as one of a list is no rule on prices: "包含商品名称、规格、价格、产地", "虚假宣传、价格欺诈、售假")
    ("价格与收费", r"(?<!、)(?:价格|标价|售价|折价|减价|计价|收费)(?![^，,。；;、]{0,4}、)|收取[^，,。；;]{0,6}费"),
    ("时限与响应", r"小时|工作日|\d+\s*[天日]|[一二三四五六七八九十]+[天日]|时限|最短时间"),
    ("投诉与纠纷", r"投诉|纠纷|争议|调解|申诉"),
    ("信息安全与保密", r"加密|泄露|保密|篡改"),  # (before 物流: "快递面单上的个人信息应当加密")
    # (before 记录 and 安全: "提供物流信息跟踪", "确保货物安全、按时送达" were filed under 记录与回访, 信息安全与保密)
    ("物流与配送", r"(?<!购)物流|配送|发货|送达|快递"),  # (not 购物流程)
    ("信息公示与告知", r"公示|公开|告知|标明|明示|展示|首页"),  # (before 记录: "公示商家信息、商品信息、交易记录")
    ("记录与回访", r"记录|档案|回访|跟踪|保存"),
    ("同意与授权", r"同意|授权|撤回"),
    # its other words, after those above (加密, 泄露, 保密, 篡改 are filed before 物流); not 食品安全, 人身安全, 交通安全,
    # 安全生产: what a product or a road must be
    ("信息安全与保密", r"(?<!食品)(?<!人身)(?<!人身、财产)(?<!人身和财产)(?<!人身及财产)(?<!生命)(?<!交通)(?<!质量)(?<!不)安全(?!生产|标准|要求|事故)|丢失"),
    # (and what a product or service must be safe for: "符合保障人身、财产安全的要求")
    ("商品质量", r"(?:商品|产品|货物)质量|质量问题|假冒|伪劣|次品|三包|人身(?:[、和及]财产)?安全"),  # (not 服务质量, 数据质量)
    ("资质审核与登记", r"资质|审核|核验|登记|许可|证照|营业执照|入驻"),
    ("宣传与广告", r"广告|宣传|推广|代言"),
    ("人员与培训", r"培训|团队|人员|考核"),
    ("制度与机制", r"制度|机制|流程|体系|规则|政策"),
    # the business's own operations, for an item no theme above files (a probe's 发票管理 list had 12 of 18 items under 其他
    # 要求, and 151 of the probes' 516 were there)
    ("发票与税务", r"发票|开票|税"),
    ("资金与结算", r"结算|付款|对账|核销|预付|账期|货款|资金|扣款|打款|转账|报销"),
    ("账号与权限", r"账号|密码|(?<!定价)(?<!职)权限|登录"),  # (not 定价权限, 职权限)
    ("安全生产与消防", r"消防|动火|灭火|电线|用电(?!子)|电器|充电|配电|可燃|易燃|安全生产"),  # (not 采用电子签名)
    ("审批与报备", r"审批|批准|签批|核准|报备|备案"),
    ("时限与响应", r"及时|响应"),  # "及时" is in every other duty: it files an item only where no theme does
]
_THEMES = [(name, re.compile(p)) for name, p in THEMES]


def theme_of(sentence: str, weak: bool = True) -> str:
    """The sub-theme a sentence's words file it under (``weak``: by 及时 / 响应 too, where nothing else does)."""
    return next((name for name, rx in (_THEMES if weak else _THEMES[:-1]) if rx.search(sentence)), "其他要求")


@dataclass(frozen=True)
class ItemCitation:
    id: str
    document: str
    label: str
    text: str


@dataclass(frozen=True)
class ChecklistItem:
    text: str  # "是否…" in the clause's own words
    kind: str  # duty | prohibition
    group: str
    citations: tuple[ItemCitation, ...]
    sources: tuple[str, ...]  # the obligation as each cited clause states it
    original: str = ""  # the item in the clause's words, where a model reworded it
    # the enterprise types of DB33/T 932 it applies to, where every clause it cites is for some only (5.2.1 交易型,
    # 5.2.2 第三方平台型…); empty: for any (a checklist without --scope read them as universal; probe)
    scopes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        d = {"text": self.text, "kind": self.kind, "group": self.group,
             "citations": [{"id": c.id, "document": c.document, "label": c.label, "text": c.text}
                           for c in self.citations],
             "sources": list(self.sources), "scopes": list(self.scopes)}
        if self.original:
            d["original"] = self.original
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "ChecklistItem":
        return cls(d["text"], d["kind"], d["group"], tuple(ItemCitation(**c) for c in d["citations"]),
                   tuple(d.get("sources", ())), d.get("original", ""), tuple(d.get("scopes", ())))


@dataclass(frozen=True)
class Checklist:
    topic: str
    scope: str | None
    items: tuple[ChecklistItem, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)
    mode: str = "extractive"  # "llm" when a model reworded items
    notice: str = ""
    # where no item was found: the topic's words that no document uses, and the clauses closest to it in meaning
    unsaid: tuple[str, ...] = ()
    related: tuple[Clause, ...] = ()
    apart: tuple[str, ...] = ()  # the topic's words, each used, that no clause says together
    untimed: str = ""  # a time limit asked ("客服响应时限") of what duties exist on (客服响应), none setting a time

    def to_dict(self) -> dict:
        """The JSON shape others rely on (add fields, never rename)."""
        return {"topic": self.topic, "scope": self.scope, "items": [i.to_dict() for i in self.items],
                "mode": self.mode, "notice": self.notice or None, "unsaid": list(self.unsaid), "apart": list(self.apart),
                "untimed": self.untimed or None,
                "related": [{"id": c.id, "document": c.document, "label": c.label, "text": c.text} for c in self.related]}

    @classmethod
    def from_dict(cls, d: dict) -> "Checklist":
        """A checklist again from its JSON shape (a chat turn keeps it so), but for the related clauses of an empty
        one: the shape holds their labels and texts, not whole clauses."""
        return cls(d["topic"], d.get("scope"), tuple(ChecklistItem.from_dict(i) for i in d["items"]),
                   mode=d.get("mode") or "extractive", notice=d.get("notice") or "", unsaid=tuple(d.get("unsaid") or ()),
                   apart=tuple(d.get("apart") or ()), untimed=d.get("untimed") or "")

    @property
    def not_found(self) -> str:
        """Why the checklist is empty, in a sentence ('' when it is not)."""
        if self.items:
            return ""
        said = f"：有关于“{self.untimed}”的义务条款，但都没有规定具体时限" if self.untimed else \
            f"：资料中没有提到“{'”“'.join(self.unsaid)}”" if self.unsaid else \
            f"：没有条款同时说到“{'”和“'.join(self.apart)}”，可分别查询" if self.apart else ""
        return f"资料中未找到与该主题相关的义务条款{said}。" + ("可换个说法，或看看可能相关的条款：" if self.related else "")


RELATED = 3  # clauses offered where a checklist finds nothing


class BadTopic(TiaowenError):
    pass


# -- relevance ------------------------------------------------------------------------------
@dataclass
class _Obligation:
    clause: Clause
    sentence: str  # as the clause states it (marker stripped)
    kind: str
    heading: str = ""  # a heading extraction ran into the sentence ("支付安全平台要保障…"): not worded in the item
    parts: tuple[Clause, ...] = ()  # the items of a list that is what the duty must say ("告知下列事项：（一）…")
    listed: str = ""  # their words, at the end of sentence: kept as they are in the item
    lead_in: Clause | None = None  # the clause whose lead-in states the duty of this list item, and its words
    lead_words: str = ""  # ("医疗、药品、医疗器械广告不得含有下列内容：" for "利用广告代言人作推荐、证明")
    row: bool = False  # a table's row, read by the lead-in over its table (lead_words)
    scope: str | None = None  # the enterprise type its clause is for (scope_of), None for any


# who issued a law, as its title names them first ("中华人民共和国…", "上海市…议事规则", "最高人民法院关于适用《中华人民
# 共和国公司法》…的规定"), or what only the state issues (条例, a 法): 319 laws were read as a company's rules ("刑法修正案",
# "重庆市禁止非法增加企业负担条例", "证券公司监督管理条例")
_STATE = re.compile(r"中华人民共和国|国务院|最高人民|全国人民|中共中央|人民法院|人民检察院|公安机关")
# (not 超市, 城市, 省钱: "永辉超市生鲜商品管理制度", "同城市内配送管理规范", "会员省钱卡使用规则")
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,7}?(?:省(?![钱心电时力去])|(?<![超城门都夜股])市(?![场内民值面])|自治区|自治州|自治县|特别行政区|"
                    r"(?<![郡])县(?![城级域]))")  # (or a company there)
# a company's name or shop in a title
_COMPANY = re.compile(r"公司(?!法)|集团|有限|商城|店铺|网店|平台|电商")
_COMPANY_OR_UNIT = re.compile(_COMPANY.pattern + r"|企业|部门|电子商务部")  # (…or one of its units, before a 规定 or 办法)
# …that opens it, before a 条例 or a 法 ("泊舟商城售后服务条例"; not the kind of company a law governs: "证券公司监督管理条例")
_COMPANY_FIRST = re.compile(r"[^《》]{0,12}?(?:有限公司|有限责任公司|集团|商城|店铺|网店)")


def authority(document: str) -> int:
    """0 law or regulation, 1 standard, 2 platform rules, 3 company rules (by the title's words)."""
    t = re.sub(r"\s+", "", document)
    if re.search(r"(?:DB|GB)\d*/?T?\d", t) or re.search(r"标准|规范$", t) and re.search(r"DB|GB", t):
        return 1
    t = re.sub(r"[（(][^（）()]*[)）]$", "", t)  # "（2021年修订）", "(2021)"
    if _STATE.match(t) or (re.search(r"条例", t) or re.search(r"(?<![办方算做说想])法$", t)) and not _COMPANY_FIRST.match(t) \
            or _PLACE.match(t) and not _COMPANY.search(t) \
            or re.search(r"法》|规定$|办法$|解释$", t) and not _COMPANY_OR_UNIT.search(t):
        return 0
    if "平台" in t:
        return 2
    return 3


_BOTH = re.compile(r"以及|与|、|和(?!解)|及(?![时格])")  # "资金与结汇": two things a topic names (not 及时, 和解)


class _Topic:
    """The topic's words with weights: rare words in the knowledge base weigh more."""

    def __init__(self, topic: str, clauses: list[Clause], normalized: dict[str, tuple[str, str, str]] | None = None,
                 synonyms=None):
        self.topic = topic
        texts = ["".join(normalized[c.id]) if normalized else norm(c.text + " ".join(c.path)) for c in clauses]
        toks = _recut(topic, [t for t in dict.fromkeys(_topic_words(topic)) if len(t) >= 2], texts, synonyms)
        # a period the topic names ("七日无理由退货", "24小时发货") says which rule of the topic it means, no topic of its
        # own: any rule's "七日内" or "24小时" is on no topic by it (三包's "自商品交付之日起七日内…退货" held 七日 and 退货,
        # two thirds of "七日无理由退货"); its words count where the topic has no other
        periods = [m.span() for m in ANY_PERIOD.finditer(topic)]
        timeless = [t for t in toks if not any(0 <= topic.find(t, i) <= j - len(t) for i, j in periods)]
        toks = timeless or toks
        # a last word that names the kind of rules, not what they are about ("用印流程", "考勤制度"), where the topic says
        # what: a clause on 用印 is on its 流程 (probe P24's "用印流程" listed nothing, 流程 said twice in its documents and
        # weighing as much as 用印)
        last = toks[-1] if len(toks) >= 2 and topic.rstrip().endswith(toks[-1]) else ""
        self.kind_word = last if last in _TOPIC_KIND else ""
        self.handling = last if last in _HANDLING else ""
        self.restricting = last if last in _RESTRICTING else ""
        toks = [t for t in toks if t != self.kind_word]
        n = len(texts) or 1
        self.weights: dict[str, float] = {}
        # a topic word no document uses is said by its synonyms that they use, as a question's is (assistant.thesaurus:
        # "搜索结果与个性化推荐" → 个人特征, 推送; it listed nothing, "资料中没有提到“个性”"); a word they use is not expanded
        # (纠纷 / 投诉 drew in duties off the topic)
        said_as: dict[str, tuple[str, ...]] = {}
        for t in toks:
            df = sum(t in x or t in _HOURS_WORDS and CLOCK_SPAN.search(x) is not None for x in texts)
            if not df and synonyms is not None and not any(t != o and t in o for o in toks):
                said_as[t] = tuple(w for w in synonyms.of(t) if len(w) >= 2 and any(w in x for x in texts))
                df = sum(any(w in x for w in said_as[t]) for x in texts)
            if df:
                self.weights[t] = math.log(1 + n / df)
            elif t in (self.handling, self.restricting):
                # (said by the rules on the thing that handle or restrict it, where no document says it: as rare as any)
                self.weights[t] = math.log(1 + n)
        # two topic words of one thesaurus group side by side are one thing said twice ("快递物流"): either says it (a
        # clause that said 快递 alone held half the topic's words; "个人信息与隐私保护" names two); the other, and the
        # words inside it, weigh nothing of their own ("隐私个人信息": 个人 and 信息 said apart are not 个人信息)
        merged: dict[str, tuple[str, ...]] = {}
        dropped: set[str] = set()
        if synonyms is not None:
            for t in list(self.weights):
                if t not in self.weights:
                    continue
                same: tuple[str, ...] = ()  # (a run of them: "快递物流配送")
                while more := [o for o in synonyms.of(t) if o in self.weights and o not in same and not (o in t or t in o)
                               and any(m + o in topic or o + m in topic for m in (t, *same))]:
                    same += tuple(more)
                if not same:
                    continue
                # (and what they make together, "物流配送" of 物流 and 配送, and any word inside one of those: jieba's 流配)
                gone = {p for p in self.weights if p != t and (p in same or _made_of(p, (t, *same)))}
                # (t's own parts too, whichever comes first: "个人信息隐私" is read as "隐私个人信息")
                gone |= {p for p in self.weights if p != t and t not in p and any(p in g for g in gone | {t})}
                for p in gone:
                    del self.weights[p]
                dropped |= gone
                merged[t] = same
        # a word inside a longer topic word ("售后" in "售后服务") counts once, through the longer one
        self.whole = [t for t in self.weights if not any(t != o and t in o for o in self.weights)]
        total = sum(self.weights[t] for t in self.whole)
        # a topic word no document uses, of which two characters or more no used part says, counts as a word as rare
        # as can be: in "自动续费", where only 自动 is used (自动化决策), 续费 is unsaid, and a clause that says 自动 is
        # not on the topic ("物流配送", whose 物流 and 配送 are both used, is all said)
        for t in toks:
            if t in self.weights or t in dropped or any(t != o and t in o for o in toks):
                continue
            said = {i for o in (*self.weights, *dropped) if o in t for m in re.finditer(re.escape(o), t)
                    for i in range(m.start(), m.end())}
            if len(t) - len(said) >= 2:
                total += math.log(1 + n)
        headings = {h for c in clauses for h in c.path[1:]}
        self.alternatives = {t: said_as.get(t) or _uncontracted(t, texts) + _contractions(t, texts)
                             + _spelled_out(t, headings) + _shortened(t, toks, texts) for t in self.weights}
        # a used word is not expanded (纠纷's 投诉 drew in duties off the topic), but a synonym completes a clause that
        # says another of the topic's words as they are ("商品信息发布" ← "上架的商品必须提供真实、准确的信息": 上架 for 发布;
        # it listed 3 of a probe's 12 duties): not one that is, or is in, a word of the topic (隐私 is 个人信息's, which
        # says itself), nor a party's other name (客户投诉处理 ← 用户 and 处理: "订单…得到处理")
        self.completing = {t: tuple(w for w in synonyms.of(t) if len(w) >= 2 and w not in self.alternatives[t]
                                    and not any(w in o or o in w for o in toks)) if not CUSTOMER.fullmatch(t) else ()
                           for t in self.weights} if synonyms is not None else {}
        for t, same in merged.items():
            self.alternatives[t] = tuple(dict.fromkeys(self.alternatives[t] + same))
        # a party the topic names (a whole word of it, not 客户 in 客户服务) is said by its group's other names the
        # documents use ("用户评价" ← "不得删除消费者对其…的评价"), as no other used word is,
        self.parties: dict[str, tuple[str, ...]] = {}
        for t in self.weights:
            if synonyms is not None and CUSTOMER.fullmatch(t) and not any(t != o and t in o for o in toks):
                # (a member is a customer too, not every customer a member: "客户信息" over rules that say 会员, probe P71;
                # not "会员管理" over rules that say 客户)
                df = {w: sum(w in x for x in texts) for w in (t, *synonyms.of(t), *((MEMBER,) if t != MEMBER else ()))
                      if len(w) >= 2}
                # where the documents name it otherwise more often (the laws say 消费者, the seed 客户: "消费者服务" over the
                # laws is read as before)
                if max(df.values()) > df[t]:
                    self.parties[t] = tuple(w for w, d in df.items() if w != t and d)
        self.total = total or 1.0
        # a topic of two things ("资金与结汇", "收款和结汇") is on either where no clause is on both: a clause on 结汇 alone
        # held half its words, and it listed nothing (probe); not always (个人信息 alone in "提供会员注册、个人信息管理、
        # 客户服务等功能" is off "个人信息与隐私保护": precision 1.00 → 0.77)
        self.either = False
        parts, head = _shared_head([p for p in _BOTH.split(topic) if p.strip()], texts)
        self.parts = [_Topic(p, clauses, normalized, synonyms) for p in parts] if len(parts) >= 2 and all(
            len(p) >= 2 for p in parts) else []
        self.part_texts = parts if self.parts else []
        self.head: tuple[str, ...] = ()  # the words each part must say (_shared_head), where the topic shares them
        for p in self.parts:
            p.head = tuple(w for w in head if w in p.weights)

    def coverage(self, text: str, normalized: bool = False, parties: bool = True, completed: bool = True) -> float:
        """The share of the topic's words the text says (``parties``: a party the topic names said by another of its
        names; not in one duty of a clause on the topic, where 消费者 alone put "…保障消费者的知情权" on 用户评价;
        ``completed``: a synonym completing what the text says as it is); of a topic of two things, the most of
        either's."""
        whole = self._coverage(text, normalized, parties, completed)
        return max([whole] + [p.coverage(text, normalized, parties, completed) for p in self.parts]) if self.either else whole

    def _coverage(self, text: str, normalized: bool = False, parties: bool = True, completed: bool = True) -> float:
        t = text if normalized else norm(text)
        if not self._mentions(t) or not all(self._has(w, t) for w in self.head):
            return 0.0
        t = _masked(TIME_ANCHOR, ENUMERATION.sub(self._incidental, t))
        got = 0.0
        said, lacking = [], []
        for term, w in self.weights.items():
            if self._has(term, t, parties) and not any(term != o and term in o and o in t for o in self.weights):
                got += w
                said.append(term)
            elif term in self.whole:
                lacking.append((term, w))
        # (a synonym completes, never starts: the clause says a topic word as it is, of the same thing where the topic
        # names two: "招商与许可证" is on neither's clause by 入驻 beside 许可证)
        got += sum(w for term, w in lacking if completed and any(self._together(term, o) for o in said)
                   and any(_said(x, t) for x in self.completing.get(term, ())))
        # (the handling, where a duty is on the thing: the weightier part of its words said, not VIP alone of "VIP投诉处理",
        # over rules that all say VIP; probe P93 listed any VIP duty, 14 of 40 items on complaints)
        # (and the restriction, where a rule forbids or caps it)
        for kind, says_it in ((self.handling, lambda: DUTY.search(t) or PROHIBITION.search(t)),
                              (self.restricting, lambda: PROHIBITION.search(t) or _CAP.search(t))):
            if kind and said and says_it():
                thing = sum(w for term, w in self.weights.items() if term in self.whole and term != kind)
                got += sum(w for term, w in lacking if term == kind
                           and sum(self.weights[x] for x in said if x != kind) * 2 >= thing)
        return min(1.0, got / self.total)

    def _together(self, a: str, b: str) -> bool:
        """Are two topic words of one thing it names (of one part of "A与B")?"""
        return not self.part_texts or any(a in p and b in p for p in self.part_texts)

    def _has(self, term: str, text: str, parties: bool = True) -> bool:
        """The term, or the words a contraction of it stands for, in the text, as words of it: not inside two of its
        words ("物流" in 购物流程, read 购物 / 流程)."""
        return any(_said(w, text) for w in (term, *self.alternatives.get(term, ()),
                                             *(self.parties.get(term, ()) if parties else ()))) \
            or term in _HOURS_WORDS and CLOCK_SPAN.search(text) is not None

    def says(self, term: str, text: str) -> bool:
        """The term in the text, or a word that stands for it or completes it (_has; self.completing)."""
        return self._has(term, text) or any(_said(o, text) for o in self.completing.get(term, ()))

    def _mentions(self, text: str) -> bool:
        return any(self._has(term, text) for term in self.weights)

    def _incidental(self, m: re.Match) -> str:
        """A topic word as one member of a longer list ("包括商品的规格、性能、质量、价格、售后服务等") is
        mentioned, not what the sentence is about: masked unless most members are the topic's."""
        members = m.group().split("、")
        if _CASE_END.match(members[-1] + m.string[m.end():m.end() + 4]):  # the case a rule is for: "使用格式条款、通知、
            # 声明、店堂告示等的，应当…" (the list is what the rule is about)
            return m.group()
        if _SUBJECT_END.search(members[-1] + m.string[m.end():m.end() + 6]):  # …or what it binds: "经营者…使用的格式条款、
            # 通知、声明、店堂告示等应当符合法律、法规规定" (probe P29's 格式条款 list left it out)
            return m.group()
        return "□" * len(m.group()) if sum(map(self._mentions, members)) * 2 < len(members) else m.group()


def _shared_head(parts: list[str], texts: list[str]) -> tuple[list[str], list[str]]:
    """The two things a topic names, the second of one word taking the words the first has before its last where the
    documents say them so, and those words, which each is then about: "加班审批与补偿" is 加班审批 and 加班补偿, where a
    heading says "（三）加班补偿" (probe P23 listed the 补偿 of 保价 and the 审批 of promotions, 6 of its 27 items on 加班);
    not "发货时效与售后", whose documents say no 发货售后."""
    if len(parts) != 2:
        return parts, []
    first = [w for w in _topic_words(parts[0]) if len(w) >= 2]
    second = [w for w in _topic_words(parts[1]) if len(w) >= 2]
    # (words before its last, not the pieces jieba reads inside one word: "退换货与退款" is no 退换款, its 退换 / 换货 no
    # head, and a clause that says 退货 for 退换货 was on neither; probe P34 listed 12 of its 23 duties)
    head = parts[0][:-len(first[-1])] if parts[0].endswith(first[-1]) else ""
    if len(first) < 2 or len(second) != 1 or not norm(head):
        return parts, []
    whole = norm(head + parts[1])
    return ([parts[0], whole], [w for w in first[:-1] if w in head]) if any(whole in x for x in texts) else (parts, [])


def _shared_tail(parts: list[str]) -> re.Pattern | None:
    """Of a topic "A与B C", whose first thing is one word and the second two or more, A with the second's words after its
    first, a word or two between (临期与效期管理 → 临期…管理: "临期商品管理"), as a heading would say A; else None."""
    if len(parts) != 2:
        return None
    first = [w for w in _topic_words(parts[0]) if len(w) >= 2]
    second = [w for w in _topic_words(parts[1]) if len(w) >= 2]
    if len(first) != 1 or len(second) < 2 or not parts[1].startswith(second[0]):
        return None
    tail = norm(parts[1][len(second[0]):])
    return re.compile(re.escape(norm(parts[0])) + r"[\u4e00-\u9fff]{0,2}" + re.escape(tail)) if tail else None


_PARTICLE = frozenset("与和及或的之对在为等并")
# the words a topic's last word names the kind of its rules by, no thing they are about (see _Topic; a title's are
# _RULE_KIND's); not 管理: "质量管理", "运营管理" name a discipline, and over the 14 laws "质量管理" listed 84 duties on any
# 质量, 个人信息的质量 among them, where it listed 6
_TOPIC_KIND = frozenset("流程 程序 手续 制度 规定 要求 事项".split())
# the handling of a thing, a topic's last word, that a rule on the thing need not name: a duty on it is its handling
# ("破损处理" ← "…破损的，理货员应当当日将其移入残次品区"; probe P77 listed 0 of 9), and its prevention: a duty on a wrong
# is the guard against it ("骗保防控" ← "对客服中心转来的疑似骗保工单，风控专员应当在2个工作日内完成初步核查"; blind probe
# P128 listed nothing, "资料中没有提到“防控”")
_HANDLING = frozenset("处理 处置 防控 防范 防治 治理".split())
# the restriction of a thing, a topic's last word, that a rule restricting it need not name: a prohibition on it, or a
# cap of it, is its restriction ("充值限制" ← "未满八周岁的未成年人账户，平台不得为其提供充值服务", "…执行分级限额"; blind
# probe P107 listed 13 of 20)
_RESTRICTING = frozenset("限制 限定 管控 管制".split())
_CAP = re.compile(r"限额|上限|封顶|限购|不超过|至多|最多")


# a topic's words for hours of the day, which a rule sets by the clock ("营销短信的发送时间限定在每日8:00至21:00之间" is on
# "发送时段"; blind probe P101 listed 3 of its 8 duties, those that say 时段)
_HOURS_WORDS = frozenset("时段 时间段 时间窗 时间窗口".split())


def _topic_words(topic: str) -> list[str]:
    """The topic's words: jieba's, with characters it leaves alone side by side read as one word ("达人管理" is 达 / 人 /
    管理 to it: 达人, said by no document of the seed, was no word of the topic, and "达人管理" listed every 管理 duty).
    Not stock jieba's other reading of a lexicon word's neighbours, which BM25 searches: "外卖出餐时效" had a word 卖出, and
    listed nothing, no clause saying it with 外卖 and 出餐 (probe P42)."""
    out, run = [], ""
    for t in tokenize(topic, stock_too=False):
        if len(t) == 1 and re.fullmatch(r"[\u4e00-\u9fff]", t) and t not in _PARTICLE:
            run += t
            continue
        out += [run] if len(run) >= 2 else []
        run = ""
        # (a Latin word as the topic writes it, which the documents' text is read in: jieba's lower-cased "vip" of "VIP信息
        # 保密" was said by no clause, and probe P93 listed 5 of its 19 duties)
        as_written = re.search(re.escape(t), topic, re.I) if t.isascii() else None
        out.append(as_written.group() if as_written else t)
    return out + ([run] if len(run) >= 2 else [])


def _recut(topic: str, toks: list[str], texts: list[str], synonyms=None) -> list[str]:
    """The topic's words, where jieba cut one that no document says (nor a synonym of it) across words they do say, cut
    as they say them: "验机定损" is 验机定 / 损 to jieba, its documents say 验机 and 定损 (blind probe P97 listed none of
    its 16 duties, "资料中没有提到“验机定”"). A word of which a part would be left unsaid stays (个性化 of 个性)."""
    every = "\n".join(texts)

    def said(w: str) -> bool:
        return w in every and not any(ch in _PARTICLE for ch in w)

    out = list(toks)
    for t in toks:
        at = topic.find(t)
        if at < 0 or said(t) or synonyms is not None and any(len(w) >= 2 and w in every for w in synonyms.of(t)):
            continue
        if any(o != t and o in t for o in toks):
            continue  # (a compound whose parts are words of the topic too, "数据处理" of 数据 and 处理: said apart, as is)
        # the fewest words the documents say that cover it from its start, the last of them ending up to two characters
        # past it
        end = min(at + len(t) + 2, len(topic))
        best: dict[int, list[str]] = {at: []}
        for i in range(at, at + len(t)):
            for j in range(i + 2, end + 1) if i in best else ():
                if said(topic[i:j]) and (j not in best or len(best[i]) + 1 < len(best[j])):
                    best[j] = best[i] + [topic[i:j]]
        got = next((best[j] for j in range(at + len(t), end + 1) if j in best), None)
        if got:
            out = [w for w in out if w != t] + [w for w in got if w not in out]
    return out if out == toks else sorted(dict.fromkeys(out), key=lambda w: (topic.find(w), -len(w)))


def _made_of(word: str, parts: tuple[str, ...]) -> bool:
    """Is the word nothing but the parts run together ("物流配送" of 物流, 配送)?"""
    return bool(re.fullmatch("(?:" + "|".join(map(re.escape, sorted(parts, key=len, reverse=True))) + ")+", word))


def _said(term: str, text: str) -> bool:
    """Is the term in the text as its words say it (jieba's word boundaries)?"""
    if term not in text:
        return False
    cuts = _word_bounds(text)
    for m in re.finditer(re.escape(term), text):
        i, j = m.start(), m.end()
        # it starts or ends a word, or lies inside one: not both ends inside two words (jieba's 个人 / 信息处理 holds
        # 个人信息; 购物 / 流程 holds no 物流)
        if i in cuts or j in cuts or not any(i < b < j for b in cuts):
            return True
    return False


@lru_cache(maxsize=65536)  # a checklist reads each clause's text once for every topic word it holds
def _word_bounds(text: str) -> frozenset[int]:
    from ingest.tokenize import words

    at, cuts = 0, {0}
    for w in words(text):
        at += len(w)
        cuts.add(at)
    return frozenset(cuts)


_CASE_END = re.compile(r"[^，,；;。、]*?的[，,]")  # a list that ends the case a rule is for
_SUBJECT_END = re.compile(r"^[\u4e00-\u9fff]{1,8}?等(?:内容|事项)?(?:应当|必须|不得|禁止|严禁|须)")  # a list that is what a rule binds
# when a period starts by a paper made ("自销售者开具机动车销售统一发票之日起六十日内…", "自合同签订之日起"): what it names is
# when, not what the rule is about (a 三包 rule was on 发票与纳税 by it; held-out checklist probe); not an event the rule
# answers ("自收到退货申请之日起两个工作日内审核", "自收到退回商品之日起七日内返还…价款": on 退货申请, 退回商品)
TIME_ANCHOR = re.compile(r"自[^，,。；;自]{0,20}?(?:开具|出具|签订|签署|订立|登记|发布|公布|颁发|核发)[^，,。；;自]{0,16}?之日起")
# four or more short words joined by 、 (three may be the point of the sentence: "订单查询、投诉反馈、售后服务等，都应该做到简单")
# (a 等 ends a list: "…通过电话、短信、上门等方式骚扰、威胁作出差评的买家" is two, the second no list; it was read as one,
# its topic word masked, and blind probe P95's "差评处理" missed the rule)
ENUMERATION = re.compile(r"(?:(?:(?!等)[\u4e00-\u9fff]){1,8}、){3,}(?:(?!等)[\u4e00-\u9fff]){1,8}")


def _uncontracted(word: str, texts: list[str]) -> tuple[str, ...]:
    """The words a coordinated contraction stands for, where the knowledge base uses them:
    退换货 → 退货, 换货; 增删改 → (nothing: 增改, 删改 are not used)."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{3}", word):
        return ()
    parts = (word[0] + word[2], word[1] + word[2])
    if all(any(p in x for x in texts) for p in parts):
        return parts
    return ()


def _spelled_out(word: str, headings: set[str]) -> tuple[str, ...]:
    """What a heading says a two-character word in, its characters each in a word of their own, side by side (用印 →
    "印章的使用", "使用印章"): "用印流程" left out the rules under "第五章 印章的使用" that do not say 用印 ("严禁在空白合同…
    上加盖印章"; probe P24)."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2}", word):
        return ()
    from ingest.tokenize import is_word

    a, b = word
    piece = r"[\u4e00-\u9fff]?{}[\u4e00-\u9fff]?"
    found = set()
    for first, second in ((a, b), (b, a)):
        for h in headings:
            for m in re.finditer(rf"(?=({piece.format(first)})的?({piece.format(second)}))", h):
                x, y = m.group(1), m.group(2)
                if len(x) == 2 == len(y) and x != word and y != word and is_word(x) and is_word(y) and word not in x + y:
                    found.add(h[m.start(1):m.end(2)])
    return tuple(sorted(found))


def _shortened(word: str, toks: list[str], texts: list[str]) -> tuple[str, ...]:
    """A verb of two characters said by its first before the topic's next word, where the knowledge base writes it so
    apart from the two words in full: 防范 in "防范诈骗" ← "三、防诈骗要求" (probe P82's checklist listed 1 of 13 duties,
    防范 said once in its documents and weighing most)."""
    from ingest.tokenize import tagged

    at = toks.index(word) if word in toks else -1
    # (a verb: not 用户 of "用户评价", said in "利用评价…", nor a compound's own words after it, 售后 / 售后服务)
    if not re.fullmatch(r"[\u4e00-\u9fff]{2}", word) or not 0 <= at < len(toks) - 1 or word in toks[at + 1] \
            or not tagged(word)[0][1].startswith("v"):
        return ()
    # (its first character: "受理投诉" says no 处理投诉)
    short, whole = word[0] + toks[at + 1], word + toks[at + 1]
    return (short,) if any(short in x.replace(whole, "") for x in texts) else ()


def _contractions(word: str, texts: list[str]) -> tuple[str, ...]:
    """The coordinated contractions the knowledge base writes a two-character word in: 退货 → 退换货 (its first part;
    换货, the second, is in it as it is). "退货" listed 3 items where "退换货" listed 7."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2}", word):
        return ()
    from ingest.tokenize import is_word

    found = {m.group() for x in texts for m in re.finditer(rf"{word[0]}[\u4e00-\u9fff]{word[1]}", x)}
    return tuple(sorted(f for f in found if f[1:] != word and is_word(f) and _uncontracted(f, texts) == (word, f[1:])))


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.findall(text) if len(s.strip()) >= 4]


def _whole_sentences(text: str) -> list[str]:
    """The sentences of a text cut only where a sentence ends (。！？), semicolons and all."""
    return [x.strip() for x in re.split(r"(?<=[。！？!?])", text.strip()) if x.strip()]


# what a rule is about, named first and taken up by 其 after it ("…以及储运中不能倒置和其他有特殊要求的产品，其包装质量必须符合
# 相应要求"): a modal inside is part of its name (it read "储运中是否杜绝倒置…的产品", a prohibition)
# (whose own rule follows: "员工不得向第三方泄露消费者的个人信息，该义务在劳动合同解除后继续有效" is a ban, what follows no rule)
# (or by what is to be done to it, its rule's own subject after it: "需要销毁的不合格商品，仓库须会同品控部…监督销毁" read
# "是否销毁的不合格商品…", probe P88)
_TOPIC_NAMED = re.compile(r"^[^，,；;。]*的[\u4e00-\u9fff]{1,6}(?=[，,]\s*(?:其|该|此类|这些|上述)[^，,。；;]*?(?:应当|应|必须|须|不得))|"
                          r"^(?:需要|需|须要)[\u4e00-\u9fff]{1,6}的[\u4e00-\u9fff]{1,8}(?=[，,][^，,。；;]*?(?:应当|应|必须|须|不得))")


def _modals(sentence: str) -> tuple[re.Match | None, re.Match | None]:
    """The first prohibition and the first duty word of a sentence, outside any condition before the rule
    ("有…应当保密…的情形的，可以不告知" has none)."""
    main = _masked(_TOPIC_NAMED, _masked(_CONDITION, sentence))
    duty = next((m for m in DUTY.finditer(main) if not _names_what(main, m)), None)
    return PROHIBITION.search(_masked(_BANNED_THING, main)), duty or LIABILITY.search(sentence)


# a kind of thing named by its ban: "禁止寄递物品", "遵守…关于禁止寄递或者限制寄递物品的规定", "交寄禁止寄递物品": no prohibition
# of the sentence's own ("…应当遵守…关于禁止寄递…的规定" was checked as one, "是否杜绝…"; held-out checklist probe)
_BANNED_THING = re.compile(r"(?:(?<=关于)|(?<=遵守)|(?<=其他)|(?<=交寄)|(?<=疑似)|(?<=属于)|(?<=列入))禁止")  # (not "禁止堆放物品")


# what the law forbids, named as a kind of thing by a list item ("（一）法律、行政法规禁止或者限制通过网络销售的商品；" under
# "严禁在直播间销售下列商品："): no prohibition of its own, the item is checked under its lead-in (it was "法律、行政法规是否
# 杜绝或者限制通过网络销售的商品"); a sentence that says so is one ("国家禁止生产、销售不符合…标准的产品。")
_NAMED_BAN = re.compile(r"(?<=法律|法规|规章|国家|规定)禁止(?=[^，,。；;：:]*的[\u4e00-\u9fff]{1,8}[；;。.]?\s*$)")


# a modal that says what a noun is, a verb of two characters and 的 before it ("…对其所提供的商品应当承担的修理…责任",
# "规定需要公示的其他信息"; not "应建立完善的制度", which requires it): no rule
# (not a manner written with 的 for 地, as company rules often do: "应当如实的告知", "应当及时的处理")
_NAMES_WHAT = re.compile(r"(?!如实|及时|认真|主动|严格|书面|合理|积极|妥善|准确|尽快|迅速|立即|全面|切实|充分|有效|按时|定期|真实|"
                         r"耐心|热情|礼貌|规范|正确|详细|完整|公平|公正|友好|快速|高效|清楚|清晰|明确|细致|仔细|客观|诚实|亲切|"
                         r"专业|统一|依法|必要|适当|尽量|自觉|定时|逐一|当面|随时)[\u4e00-\u9fff]{2}的[\u4e00-\u9fff]")


# …where the words before it say so: "其他需要报告的事项", "规定广告中应当明示的内容", "对其所提供的商品应当承担的…责任",
# "是公民应当履行的法定义务" (not "员工应当提前的通知顾客", a manner)
_NAMING_BEFORE = re.compile(r"(?:其他|其它|规定|是|所)[^，,。；;：:]{0,12}$")


def _names_what(text: str, m: re.Match) -> bool:
    return bool(_NAMES_WHAT.match(text, m.end()) and _NAMING_BEFORE.search(text[:m.start()]))


def _attributive(text: str, m: re.Match) -> bool:
    """Is the modal part of what a noun is ("其他应当保密的信息", "所必须的场所", "应当承担的…责任"), not a rule?"""
    return bool(_ATTRIBUTIVE.search(text[:m.start()]) or _names_what(text, m))


_RECEIVES = re.compile(r"\s*(?:得到|获得|享有|受到)")  # "顾客应当得到及时的答复": what is owed to the customer, the business's duty
MEMBER = "会员"
CUSTOMER = re.compile(r"(?:消费者|用户|客户|买家|顾客|购买者|买受人|会员)(?:在[^，,；;]{1,30}(?:前|后|时))?")  # ("用户在发出支付指令前")


def _customers_own(sentence: str, modals: tuple[re.Match | None, re.Match | None]) -> bool:
    """A duty the customer bears ("用户应当妥善保管交易密码"), not one owed to the customer ("顾客应当得到及时的答复")."""
    duty = modals[1]
    # (read without a parenthesis, whose comma is none of the sentence's: "消费者在交寄文件资料（包括照片、图片、合同等，
    # 下同）或者对其具有特殊意义的物品时，应当事先申报…")
    plain = _PARENTHESIS.sub("", sentence)
    subject = _subject(plain, modals if plain == sentence else _modals(plain)).rstrip("，,；; ")
    return CUSTOMER.fullmatch(subject) is not None and not (duty and _RECEIVES.match(sentence[duty.end():]))


_CUSTOMERS_RIGHT = re.compile(rf"(?:{CUSTOMER.pattern})(?![服经运部])[^，,；;。]*?(?:{_MAY.pattern})")  # (not 客户服务部)
_BORNE_BY_CUSTOMER = re.compile(rf"(?:应当|应|需|须)?由(?:{CUSTOMER.pattern})(?:自行)?(?:承担|负责|负担)")
_COST = re.compile(r"(?:自行)?(?:承担|负担|支付)[^，,；;。]{0,10}(?:费|费用|运费)")  # "…，但应当承担退货运费"
_PARENTHESIS = re.compile(r"（(?![一二三四五六七八九十\d]+）)[^（）]*）|\((?![一二三四五六七八九十\d]+\))[^()]*\)")  # (not an item's (三))


# a norm stated by its bound, no modal ("质检专员每月…抽检会话不少于50条", "信息保存时间…不少于三年"): a duty, checked
# as "…是否不少于50条"; outside a case ("…不超过五十人的，…") and not a sanction's amount ("罚款不超过…")
BOUND_NORM = re.compile(r"(?<![的是])不(?:得)?(?:少于|低于|超过|高于|多于|短于)\s*[\d一二三四五六七八九十两百千万]|"
                        # a share of something named ("单笔订单补贴金额最高不超过新品成交价的15%")
                        r"(?<![的是])不(?:得)?(?:少于|低于|超过|高于)[^，,；;。的]{2,16}?的\s*(?:\d+(?:\.\d+)?\s*[%％‰]|百分之[一二三四五六七八九十百]+)|"
                        # a cap or a floor ("同一订单最多可使用1张平台券", "每场直播至少配备2名场控")
                        r"(?:最多|至多|至少|最少)(?:可以?|能)?(?:(?!的)[\u4e00-\u9fff]){0,6}?[\d一二三四五六七八九十两百千万]|"
                        # one only ("同一商品同时只能参加一个拼团活动", "同一用人单位与同一劳动者只能约定一次试用期")
                        r"(?<![不也])只能(?:(?!的)[\u4e00-\u9fff]){0,8}?[\d一两]+(?:个|次|种|处|家|辆|名|项|份|张|件|套|间)|"
                        # how often, at least ("财务中心每月至少对自营发票开具情况进行一次抽查")
                        r"(?<=[年季月周日天])(?:至少|最少)[^，,；;。的]{0,16}?[\d一二两三四五六七八九十]+次|"
                        # how often, in so many days ("商家每7日向质量管理部报送一次召回进度")
                        r"每[\d一二三四五六七八九十两半]+个?(?:日|天|周|月|季度|小时|工作日)[^，,；;。的]{1,16}?(?:一|1)次")
_BOUND_NAMES = re.compile(r"[^，,；;。的\d]{0,3}的[\u4e00-\u9fff]")  # right after the bound: what it names ("不少于一年的试运营")


# …and, in a platform's or a company's own rules, a limit it sets ("单场拼团活动时长最长为15日", "外包人员账号的有效期最长为
# 90日"); a law's is mostly what it grants ("领取失业保险金的期限最长为十八个月", "采矿许可证有效期最长为15年")
# (not a penalty's or a charge's amount, "商家每次违规扣分最高为12分", "违约金最高为5000元", nor what a customer is granted,
# "消费者申请退款的期限最长为15日")
_NOT_OWN_LIMIT = re.compile(r"扣分|扣除|违约金|罚|赔|补偿|^\s*" + CUSTOMER.pattern)
OWN_LIMIT = re.compile(r"(?<![的是])(?:最长|最短|最高|最低|最多|最少)(?:为|是)\s*[\d一二三四五六七八九十两百千万]")


_QUOTED_NAME = re.compile(r"[“\"「][^”\"」]*[”\"」]")


def _bound_norm(sentence: str, limits: bool = False) -> re.Match | None:
    if sentence.startswith("但") or SANCTION.search(sentence) or re.search(r"赔偿|赔付|补偿", sentence):
        return None  # a limit on what came before, a penalty's or a compensation's amount
    main = _masked(_QUOTED_NAME, _masked(_CONDITION, sentence))  # (and a name quoted: "最多跑一次"改革)
    return next((m for m in (BOUND_NORM, OWN_LIMIT)[:1 + limits] for m in m.finditer(main)
                 if not _BOUND_NAMES.match(main, m.end()) and not (m.re is OWN_LIMIT and _NOT_OWN_LIMIT.search(
                     re.split(r"[，,；;]", main[:m.start()])[-1] + m.group()))), None)


def _elliptic_bound(sentence: str) -> bool:
    """A bound whose subject is a bare noun before it, a few words at most after its number ("定制类商品不得超过45日",
    "大促期间不少于4名"); not one that names what it bounds ("两次献血间隔期不得少于六个月", "开发限期一般不超过5年")."""
    m = _bound_norm(sentence)
    return bool(m) and m.start() <= 10 and not re.search(r"[，,：:的]", sentence[:m.start()]) \
        and not _MEASURE_NAMED.search(sentence[:m.start()]) \
        and not re.search(r"[，,：:的]", sentence[m.end():]) and len(sentence.rstrip("。；;")) - m.end() <= 8


_MEASURE_NAMED = re.compile(r"(?:期|期限|时间|时限|时长|率|面积|金额|比例|额|数|数量|量|长度|间隔|价格|费用|标准)"
                            r"(?:一般|原则上|最长|最短|最多|最少|最高|最低)?$")


_THING_NAMED = re.compile(r"^[^，,；;。：:]*的[\u4e00-\u9fff（）()、]{1,10}[；;。.]?$")  # "…的生鲜食品；": a noun phrase


_DUTY_BEFORE_LIST = re.compile(r"(?P<own>[^：:]+?)[，,]\s*(?:并|且|同时|还)(?:应当|应|须|必须)?(?:符合|遵守|满足|达到|执行|做到|具备)"
                               r"[^，,；;。：:]{0,6}(?:下列|以下|如下)")


_EXCEPTED_CASE = re.compile(r"[^，,；;。]*?的[\u4e00-\u9fff]{0,6}?(?:可以|可)(?:减少|降低|放宽|延长|缩短|免于|不)")  # "…的商品可以减少至1件"


def _phrase_around(sentence: str, m: re.Match, whole: bool = False) -> str:
    """What of the sentence may make a bound in it a permission, the bound masked: its own phrase and those after it
    ("单笔订单补贴最高为300元，消费者可以叠加使用"), and a phrase before it that says what a customer may do ("消费者可以
    申请换货，每笔订单最多申请2次"); not another's permission before it ("补贴与抵扣金额可以叠加使用，单笔订单补贴金额
    最高不超过…"). ``whole``: the whole sentence."""
    start = 0 if whole else max(sentence.rfind(p, 0, m.start()) for p in "，,；;：:") + 1
    before = [x for x in re.split(r"[，,；;：:]", sentence[:start]) if CUSTOMER.match(x.strip())]
    # (not a later phrase for a case of its own, an exception to the bound: "每个SKU的抽样数量不少于3件，单价超过2000元的
    # 商品可以减少至1件" is a bound; held-out checklist probe)
    after = "".join(x for x in re.split(r"(?<=[，,；;])", sentence[m.end():]) if not _EXCEPTED_CASE.match(x)) \
        if not whole else sentence[m.end():]
    return "".join(before) + sentence[start:m.start()] + "□" * len(m.group()) + after


# a referral that ends a sentence after its rule ("收货方应当在签收之日起7天内完成质量验收，合同另有约定的从其约定。"): the rule
# is a duty still, which the referral qualifies (blind probe P106's "到货验收" left it out)
_TRAILING_REFERRAL = re.compile(r"[，,；;][^，,；;。]{0,12}另有(?:规定|约定)的[，,]?(?:依照|从其|适用|按照)[^，,；;。]*[。；;]?$")


def _kind(sentence: str, limits: bool = False) -> str | None:
    """The sentence's kind of obligation, if any (``limits``: a limit set without a modal is a norm, OWN_LIMIT)."""
    sentence = _TRAILING_REFERRAL.sub("", sentence)
    if NOT_AN_OBLIGATION.search(sentence) or EXCEPTION_OR_REFERRAL.search(sentence) or _sanction(sentence):
        return None
    modals = _modals(sentence)
    if not any(modals) and (norm := _bound_norm(sentence, limits)) and not PERMISSION.search(
            _phrase_around(sentence, norm, whole=sentence.rstrip().endswith(("：", ":")))):
        # (the cap's own 可, "最多可以使用1张", is no permission; nor is one in a phrase before it: "补贴与抵扣金额可以叠加
        # 使用，单笔订单补贴金额最高不超过新品成交价的15%"; but a lead-in's is, whose items are what one may do: "有下列
        # 情形之一的，可以…予以加分，每月加分累计不超过10分：")
        modals = (None, norm)
    prohibition, duty = modals
    if not (prohibition or duty) or _regulators(sentence, modals) or _referral(sentence, modals):
        return None
    if _customers_own(sentence, modals):
        return None  # nothing the business checks of itself
    phrase = re.split(r"[，,；;：:]", sentence[:(prohibition or duty).start()])[-1]
    if _MAY.search(phrase) and not phrase.endswith("的"):  # ("可以密闭作业的应当密闭": the case, not a permission)
        return None  # what one may do, the modal inside its object ("可以增加规定明码标价应当标示的内容")
    if not prohibition and _CUSTOMERS_RIGHT.match(sentence) and (_BORNE_BY_CUSTOMER.match(sentence, duty.start())
                                                                  or phrase.strip() in ("", "但", "但是") and _COST.match(sentence, duty.end())):
        return None  # a customer's right and the cost that goes with it ("消费者…可以申请无理由退货，退货运费由消费者承担")
    return "prohibition" if prohibition else "duty"


def _authority_first(who: str, state: bool = False) -> bool:
    """Do the words name an authority as whose rule or list it is? An authority named before any business, where a
    business after it is one it acts on ("…部门发现平台内经营者…"), not one of several bearers ("档案馆和机关、团体、
    企业事业单位…"). ``state``: words that start with 国家 name the state ("国家推动建立…", in an instruction; not in a
    rule's subject: "国家工作人员应当…", "国家秘密标志应当…")."""
    regulator = _regulator(who) or (re.match("国家", who) if state else None)
    if regulator is None:
        return False
    business = BUSINESS.search(who)
    return not business or business.start() > regulator.start() and bool(ACTS_ON.search(who[regulator.end():business.start()]))


def _regulators(sentence: str, modals: tuple[re.Match | None, re.Match | None] | None = None) -> bool:
    """Is the sentence's rule a regulator's or a court's? Its subject names the authority first (_authority_first):
    "有关行政许可部门应当…", "有关主管部门发现平台内经营者…的，应当要求…" (not "电子商务平台经营者…向有关主管部门报告")."""
    modals = modals or _modals(sentence)
    if not any(modals):
        return False
    subject = _subject(sentence, modals)
    # where the modal's phrase names no one, whose duty it is is said first: "市场监督管理部门依照…对经营者予以
    # 行政处罚的，应当记入…" is the regulator's, whoever else the condition names
    case = subject.rstrip("，, ")
    # …or, the modal right after a case, whoever acts in the case just before it: "广播电台…发布违法广告，…，市场监督
    # 管理部门依照本法给予处罚的，应当通报…"
    last = re.split(r"[，,；;]", case)[-1] if case.endswith("的") and re.search(r"[，,；;]", case) else ""
    # (the case's own actor: "市场监督管理部门发现的", "…部门依照本法给予处罚的"; not "接到市场监督管理部门通知的",
    # "被…部门责令改正的", "需要向…部门备案的")
    found = _regulator(last) if last else None
    if _RELAYED.fullmatch(re.split(r"[，,；;]", case)[-1].strip()):
        return False  # what an authority passed on is the business's to handle: "监管部门转办的投诉，应当在规定期限内办结"
    return _authority_first(_actor(subject, named=False)) or found is not None and not BUSINESS.search(last) \
        and not _NOT_ACTOR.search(last[:found.start()])


# a matter an authority passes on, named as what the rule is for (held-out checklist probe: "监管部门转办的投诉，应当…办结并
# 书面回复" was read as the authority's rule, and the company's duty was lost)
_RELAYED = re.compile(r"(?!上级)[^，,；;对向或和及与]{2,16}?(?:转办|转来|转交|转送|移送|移交|交办|批转|转发|下发|派发)的(?:投诉|举报|咨询|申诉|纠纷|案件|事项|问题|函件?|"
                      r"通知|意见|建议|工单)$")


_NOT_ACTOR = re.compile(r"被|向|对|与|配合|协助|(?<![营理])经(?!济)|接到|收到|需要|需|报请|提请|申请|通知|由|请求|要求")  # the regulator is acted on


def _actor(words: str, named: bool = True) -> str:
    """Who acts in a subject or a case: its words before 依照 / 对 / 在 …, without whose leave it needs ("未经有关部门批准
    不得…", "经部门经理批准后方可…", "须经…部门验收的"); where ``named``, no one if those words are none ("对行政机关…
    提起诉讼的"), else the words themselves."""
    words = re.split(r"依照|依据|按照|根据|对|在|[，,]", words)[0] or ("" if named else words)
    return re.sub(r"(?:未|须|需)?(?<![营理济已曾])经[^，,]{0,20}?(?:批准|同意|许可|核准|验收|审批|审核|备案)后?", "", words)


def _elided(sentence: str) -> bool:
    """Does the sentence's rule name no one, its modal right after a case that names no one either ("不予许可的，应当…";
    not "取得认证资格的电子认证服务提供者，应当…", "法律、行政法规对经营者的…有规定的，应当…")?"""
    head = _before_modal(sentence)
    if head is None:
        return False
    phrases = [p.strip() for p in re.split(r"[，,；;]", head)]
    # (or an event that names no one either: "接到咨询、投诉、举报，对属于本部门职责的，应当受理…", an authority's)
    return not phrases[-1] and all(p.endswith("的") or _EVENT.match(p) for p in phrases[:-1] if p) \
        and not BUSINESS.search(head)


# (not an authority's act received: "接到抽检不合格通知，应当立即下架" is the business's; review)
_EVENT = re.compile(r"(?:接到|收到|接获|发现|获悉)(?![^，,；;。]*(?:通知|决定|责令|结果|文书|意见书))[^，,；;。]{1,20}$")


def _authoritys_lead(sentence: str, before: list[str]) -> bool:
    """Is a lead-in an authority's, named in the sentences before it: its subject nothing, or what the authority's sentence
    names ("邮政管理部门应当加强对快递业的监督检查。监督检查应当以下列事项为重点：")? (Not "县级以上…部门应当加强…监督检查。
    销售者应当遵守下列规定：", nor a company's "质量管理部门应当每月检查。各门店应当做到下列要求："; review.)"""
    subject = (_before_modal(sentence) or "").strip("，, ")
    # (what the authority's sentence names as acted on is no activity of its own: "质量管理部门应当每月对各门店开展检查。
    # 各门店应当做到下列要求：")
    return bool(before) and (not subject or subject in before[-1] and not re.search(
        r"(?:对|向|与|督促|要求|责令|指导)" + re.escape(subject), before[-1])) and _authority_acts(before)


_BY_AUTHORITY = re.compile(r"(?:^|[，,；;])由([^，,。；;]{2,30}?)(?=责令|处以?|给予|予以|依法|没收|吊销|决定|作出|组织)")


def _authority_acts(before: list[str]) -> bool:
    """Is the last one named acting, in the sentences before, an authority ("国务院…部门接到申请后…作出…决定",
    "…的，由…部门责令限期改正")? Sentences that name no one are passed over ("逾期未改正的，吊销…许可证书")."""
    for prev in reversed(before):
        if (m := _BY_AUTHORITY.search(prev)) and _regulator(m.group(1)):
            return True
        if _authority_first(_actor(prev, named=False)):
            return True
        if any(_modals(prev)) and not _elided(prev) or BUSINESS.search(_actor(prev, named=False)):
            return False
    return False


def _instruction(sentence: str) -> bool:
    """A rule stated as an instruction (IMPERATIVE, LABELLED), unless whoever it names first is the state or an
    authority ("国家推动建立…争议解决机制", "县级以上人民政府组织开展…")."""
    m = IMPERATIVE.search(sentence)
    if m is None:
        return bool(LABELLED.search(sentence))
    return not _authority_first(sentence[:m.start(1)], state=True)


# the words that point to a list ("下列", "以下", "如下"): a lead-in that says them opens one
NAMES_A_LIST = re.compile(r"下列|以下|如下")


def _regulator_named(lead: str) -> bool:
    """Does a lead-in without a modal name an authority as whose list it is ("政府及其有关部门分别行使下列职责：",
    "人民法院受理…下列诉讼：")?"""
    return _authority_first(re.split(r"[，,；;]", NAMES_A_LIST.split(lead)[0])[-1])  # the list's phrase


ACTS_ON = re.compile(r"发现|对|向|要求|责令|通知|督促|责成|检查|监督|认定|查处")


# the sanction a penalty article imposes for a case ("…的，依照有关法律、行政法规的规定处罚", "…的，由…责令改正，处…罚款"):
# what the case names restates duties stated elsewhere ("销售…法律、行政法规禁止交易的商品"), none of its own
SANCTION = re.compile(r"处罚|罚款|罚金|处分|责令|吊销|没收|追究|警告|拘留|有期徒刑|引咎辞职")
# and a company's ("…的，扣5分", "扣除当月绩效奖金", "通报批评"), unless a duty is said before its case ("客服人员应当在24
# 小时内回复客户咨询，超时未回复的，扣2分": the sentence's rule)
COMPANY_SANCTION = re.compile(r"扣\s*\d+(?:\.\d+)?\s*分|扣分|扣除[^，,。；;]{0,8}(?:绩效|奖金|工资|积分|佣金|保证金)|通报批评|"
                              # (points named before their number, or a right taken away for a time: "扣除商家信用分12分，
                              # 并取消其助农直播标签3个月", "扣减当月绩效分2分", "暂停其接单资格30天"; blind probes P73-P117
                              # held 80 such sentences, none of them a duty)
                              r"扣(?:除|减|罚)[^，,。；;]{0,10}?\d+(?:\.\d+)?\s*(?:分|元)|扣除[^，,。；;]{0,8}(?:信用分|服务分|考核分)|"
                              r"(?:取消|暂停|冻结|限制)[^，,。；;]{0,8}(?:资格|标签|权限|权益|功能|发布|接单)|"
                              # what a partner's contract draws ("…的，公司有权暂停合作并扣除当期佣金的20%作为违约金",
                              # "解除合作协议，并将其列入合作黑名单"; probe P18) or an employee's ("予以辞退"; not "…考核仍不合格
                              # 的，公司可以依法解除劳动合同", a right at law closing a rule on bonuses, probe H)
                              r"违约金|(?:暂停|终止|解除)(?:与其)?合作|列入[^，,。；;]{0,8}黑名单|辞退|开除|"
                              # or dealt with by the company's rules on sanctions ("依照公司《员工奖惩制度》处理")
                              r"(?:依照|按照|依据|根据)[^，,。；;]{0,10}《[^》]{0,20}(?:奖惩|处罚|惩处|违纪|处分)[^》]{0,10}》[^，,。；;]{0,6}处理")
# what the one sanctioned bears of the breach's cost ("扣5分，由此产生的费用由相关责任人承担50%"): part of the sanction
# (or by the one at fault, named so: "…处理，由责任人承担相应的经济损失")
_BORNE_BY_CULPRIT = re.compile(r"由此(?:产生|造成|引起|导致)的[^，,。；;]*?由[^，,。；;]*?(?:承担|负担|赔偿)[^，,。；;]*|"
                               r"由(?:相关|直接)?(?:责任人员?|当事人|过错方)(?:承担|负担|赔偿)[^，,。；;]*")


def _sanction(sentence: str) -> bool:
    cut = max(sentence.rfind("的，"), sentence.rfind("的,"))
    if cut >= 0:
        tail = sentence[cut + 2:]
    elif _ON_PERSONS.match(sentence):  # "对直接负责的主管人员和其他直接责任人员处…罚款，并可以决定禁止其…担任…"
        tail = sentence
    else:
        return False
    # a modal that names a kind of thing is no rule of the sanction's ("没收禁止经营的烟花爆竹", "没收应当销毁的物品"),
    # nor is a ban laid on the one sanctioned ("可以决定禁止其在一定期限内担任相关企业的董事…")
    tail = _BORNE_BY_CULPRIT.sub("", _BANNED.sub("", _NAMING_MODAL.sub("", tail)))
    tail = _RESIGNS.sub("引咎辞职", tail)  # ("其主要负责人还应当引咎辞职": a sanction, not a duty)
    head = sentence[:max(sentence.rfind("，", 0, cut), sentence.rfind(",", 0, cut), 0)] if cut >= 0 else ""
    sanctioned = SANCTION.search(tail) or COMPANY_SANCTION.search(tail) and not any(_modals(_NAMING_MODAL.sub("", head)))
    return bool(sanctioned) and not DUTY.search(tail) and not PROHIBITION.search(tail)


_NAMING_MODAL = re.compile(r"(?:禁止|不得|应当|应)[\u4e00-\u9fff]{1,2}的(?=[\u4e00-\u9fff])")
_ON_PERSONS = re.compile(r"对[^，,。；;]{0,40}?(?:人员|责任人|负责人)[^，,。；;]{0,6}?(?:处|给予|依法给予)")
_BANNED = re.compile(r"(?:决定)?禁止其")
_RESIGNS = re.compile(r"(?:还)?应当引咎辞职")


# a duty that only refers to others' ("应当遵守本节有关规定", "依法履行电子商务平台经营者的义务"): nothing of its own to check
REFERRAL = re.compile(r"^(?:依法|依照本法|严格)?(?:(?:遵守|适用|执行)(?:本(?:法|节|章|条例|办法|规定)|前[款条]|上述)(?:的)?(?:有关|相关)?规定"
                      r"|履行[^，,。；;]{0,12}(?:经营者|提供者|处理者|平台)的义务)[。；;]?$")


def _referral(sentence: str, modals: tuple[re.Match | None, re.Match | None]) -> bool:
    duty = modals[1]
    return modals[0] is None and duty is not None and bool(REFERRAL.match(sentence[duty.end():].strip()))


def _first_modal(sentence: str, modals: tuple[re.Match | None, re.Match | None] | None = None) -> re.Match | None:
    """The sentence's first modal, a prohibition's or a duty's (``modals``: what _modals found, where the caller has it)."""
    return min((m for m in (modals or _modals(sentence)) if m), key=lambda m: m.start(), default=None)


def _before_modal(sentence: str, modals: tuple[re.Match | None, re.Match | None] | None = None) -> str | None:
    """The words before the sentence's first modal, None where it has none."""
    first = _first_modal(sentence, modals)
    return sentence[:first.start()] if first is not None else None


def _subject(sentence: str, modals: tuple[re.Match | None, re.Match | None] | None = None) -> str:
    """Whose duty: the words before the first modal in its phrase, else the whole sentence before it
    (``modals``: what _modals found, where the caller has it)."""
    head = _before_modal(sentence, modals) or ""
    return re.split(r"[，,；;]", head)[-1].strip() or head


def bearer(topic: str) -> str | None:
    """Whose duties a topic asks for, where it says so first: "平台对平台内经营者的管理义务" → 平台,
    "商家的责任" → 商家 ("商家入驻与资质审核" names no bearer)."""
    m = re.match(r"[\u4e00-\u9fff]{0,6}?(" + BUSINESS.pattern + r")(?=对|的|应|须|义务|责任)", topic)
    return m.group(1) if m else None


def borne_by(ob: "_Obligation", who: str) -> bool:
    """Is an obligation the bearer's? Yes unless its subject names another business (经营者, not 平台);
    "平台内经营者" is not the platform, and a term the clause defines ("…网络交易平台经营者等交易场所提供者
    （以下简称交易场所提供者）") stands for what defines it."""
    subj = _subject(ob.sentence)
    if not BUSINESS.search(subj):  # a sentence that names no one is about whom the clause named last:
        before = ob.clause.text[:max(ob.clause.text.find(ob.sentence), 0)]  # "经营者…应当公开…。…发生泄露的情况时，应当…"
        named = [x for x in (_subject(t) for t in _sentences(before) if any(_modals(t))) if BUSINESS.search(x)]
        subj = named[-1] if named else subj
    for phrase, alias in re.findall(r"([^，,。；;（(]*)[（(]以下简称([^）)]+)[）)]", ob.clause.text):
        if who in phrase.replace(who + "内", ""):
            subj = subj.replace(alias, who)
    subj = subj.replace(who + "内", "")
    return who in subj or not BUSINESS.search(subj)


# a lead-in whose list is what one duty must say or hand over ("应当…向个人告知下列事项：", "应当载明下列内容：",
# "应当提交下列材料："): the items are the parts of that duty, one item with them, not duties of their own
CONTENT_LEAD = re.compile(r"(?:告知|载明|注明|写明|列明|标明|记载|说明|公示|公开|明示|提交|报送|包括|包含)[^。；;：:，,]{0,8}"
                          r"(?:下列|以下|如下)[^。；;：:，,]{0,4}(?:事项|内容|信息|材料|文件|资料)[：:]\s*$")


def content_lead(clause: Clause | None) -> bool:
    """Is the clause a duty's lead-in whose items are what it must say (CONTENT_LEAD)?"""
    if clause is None:
        return False
    last = (_sentences(clause.text) or [clause.text])[-1]
    return bool(CONTENT_LEAD.search(last)) and _kind(last) == "duty"


# the last item of a list of duties, which names none ("法律、行政法规规定的其他义务"), or of a list of what is forbidden
# ("法律、行政法规规定禁止的其他情形", "法律、法规禁止的其他行为")
CATCH_ALL = re.compile(r"^(?:有关)?(?:法律、行政法规|法律、法规|法律法规)(?:和国家有关规定|或者国家有关规定)?(?:规定的其他"
                       r"[\u4e00-\u9fff]{0,6}(?:义务|职责|措施|要求|条件)|(?:规定)?禁止的其他[\u4e00-\u9fff]{0,10}"
                       r"(?:情形|行为|内容|活动|事项))[。；;]?$"
                       # (or a list's last item naming nothing: "（七）其他价格欺诈行为", "其他虚假的或者使人误解的价格标示
                       # 和价格促销行为"; held-out checklist probe)
                       r"|^其他[^。；;，,：:的]{0,8}(?:行为|情形|事项|因素|条件)[。；;]?$")  # (not "其他足以引人误认为…的混淆行为": a standard)


# what happens when an order is not followed ("逾期不改正的，…", "拒不改正的，…"): the rest of the order before it
_AND_ALSO = re.compile(r"并(?:且|同时)?(?:还)?(?:应当|应|须|必须|不得)")
FOLLOW_UP = re.compile(r"^(?:逾期|拒不|期满)[^，,。；;]{0,20}的[，,]")


def _binds_business_late(sentence: str) -> bool:
    """Does a sentence on what follows a delay bind a business in its own words ("违约金以…形式支付，由消费者选择。逾期超过
    15日的，消费者可以取消订单，商家应当全额退还定金和尾款", "逾期运到的，铁路运输企业应当支付违约金")? Not one on a refusal
    or a sanction ("拒不改正的，…收取企业应当承担的…经费", "逾期未改正的，吊销…证书，…十年内不得从事…")."""
    modals = [m for m in _modals(sentence) if m]
    if sentence.startswith("拒不") or not modals or SANCTION.search(sentence):
        return False
    return bool(BUSINESS.search(re.split(r"[，,；;]", sentence[:min(m.start() for m in modals)])[-1]))


def _row_cells(line: str) -> list[str]:
    """A table row's cells, empty ones kept: pipes or tabs (ingest.clean.table_cells), or runs of spaces."""
    return table_cells(line) or (re.split(r" {2,}|\u3000{2,}", line.strip()) if TABLE_ROW.search(line) else [])


# a first row that names the columns: no number in it, or a name of what the rows are (类别, 情形…) over columns of values
_HEAD_NAME = re.compile(r"(?:类别|类型|种类|分类|项目|名称|情形|事项|内容|区域|等级|级别|商品|品类)$")
# a line between a lead-in and its table: a caption ("表1 三包期限") or the unit ("单位：元"), short and not a sentence
_CAPTION = re.compile(r"^(?:表\s*\d+[^。；;，,]{0,20}|[（(]?单位[：:][^。；;，,]{1,10}[）)]?)$")


def _tables(body: str) -> list[tuple[int, int, list[str], list[list[str]]]]:
    """The tables of a clause's text, a row a line (cells apart by tabs, pipes or runs of spaces): the lines each starts
    and ends at, its header (none where its first row states values) and its other rows. A one-cell line between rows of
    the same table is a section of it ("小件商品"): its rows are named with it."""
    lines = body.split("\n")
    row_cells = [_row_cells(x) for x in lines]
    out = []
    i = 0
    while i < len(lines):
        if len(row_cells[i]) < 2:
            i += 1
            continue
        start, rows, ruled, section = i, [], False, ""
        while i < len(lines):
            cells = row_cells[i]
            if len(cells) < 2:
                nxt = row_cells[i + 1] if i + 1 < len(lines) else []
                label = lines[i].strip().strip("|｜").strip()
                # (not a caption or a lead-in of the next table, "表2 换货期限", nor a cell: "15日")
                if rows and len(nxt) >= 2 and 0 < len(label) <= 15 and not re.search(r"[。；;，,：:\d]", label) \
                        and not _TABLE_LEAD.search(label) and nxt != rows[0]:
                    section = label
                    i += 1
                    continue
                break
            if rule_row(cells):
                ruled = ruled or len(rows) == 1
            else:
                rows.append([f"{cells[0]}（{section}）" if section and cells[0] else cells[0], *cells[1:]])
            i += 1
        if len(rows) >= 2:
            first = rows[0]
            named = ruled or not any(re.search(r"\d", c) for c in first) or bool(_HEAD_NAME.search(first[0]))
            if named and all(len(r) == len(first) + 1 for r in rows[1:]):
                first = ["", *first]  # an empty top-left cell, its tab stripped with the line ("\t包退期\t包换期")
            for j in range(1, len(rows)):  # a cell merged down a column ("|  | 补偿10元优惠券 |"): the row above's
                if not rows[j][0] and rows[j - 1][0] and (j > 1 or not named):
                    rows[j][0] = rows[j - 1][0]
            out.append((start, i, first if named else [], rows[1:] if named else rows))
    return out


def _table_rows(clause: Clause, body: str) -> tuple[str, list[_Obligation]]:
    """A clause's text without the tables a lead-in puts a rule on ("消费者的赔付按照下表执行：", "各类型的…要求如下："), and
    that rule for each row of them: "整件丢失——赔付方式：重新发货或者全额退款，赔付时限：确认丢件后24小时内" under its
    lead-in. (A row read as a sentence ran its cells together, "老带新团\t2人\t24小时团长是否为老用户", and lost a row
    without a modal of its own.) A table without such a lead-in is left in the text, and so is a table of violations
    and what is done about them: sanctions, not duties."""
    lines = body.split("\n")
    keep = [True] * len(lines)
    out = []
    for start, end, header, rows in _tables(body):
        at = start - 1
        caption = ""
        if at >= 0 and _CAPTION.match(lines[at].strip()):  # ("…见表1。\n表1 三包期限\n…", "…按照下表执行：\n单位：元")
            caption, at = lines[at].strip(), at - 1
        before = lines[at] if at >= 0 else ""  # (not a title on a line of its own: "配送时效\n自出库时起，…")
        sentences = _whole_sentences(before) if before.strip() else []
        lead = _MARKER.sub("", sentences[-1], count=1).strip() if sentences else ""
        if caption and not _TABLE_LEAD.search(lead):  # a caption alone heads its table ("表2 换货期限" under a table)
            lead, caption, at, before, sentences = caption, "", at + 1, caption, [caption]
        if not _TABLE_LEAD.search(lead) or NOT_DUTY_LEAD.search(lead) or _of_sanctions(lead, header, rows):
            continue
        lead = lead.rstrip("。.") if _NAMED_TERMS.match(lead) else lead  # ("赔付标准，是否符合：不超过10%——…")
        kind = _kind(lead) or (None if NOT_DUTIES_LISTED.search(lead) or PERMISSION.search(lead) or any(_modals(lead))
                               or _regulator_named(lead) else "duty")
        if kind is None:
            continue
        words = lead.rstrip("。.：: ") + f"（{caption}）：" if caption else lead
        for cells in rows:
            pairs = [(header[j] if j < len(header) else "", c)
                     for j, c in enumerate(cells[1:], 1) if not _EMPTY_CELL.match(c)]
            said = "，".join(f"{h}：{c}" if h else c for h, c in pairs)
            if said and cells[0]:
                out.append(_Obligation(clause, f"{cells[0]}——{said}", kind, lead_words=words, row=True))
        keep[max(at + 1, 0):end] = [False] * (end - max(at + 1, 0))
        if at >= 0:  # the lead-in is said by the rows (a sentence before it in its line stays)
            lines[at] = before[:before.rfind(sentences[-1])]
    return "\n".join(x for x, k in zip(lines, keep) if k), out


_EMPTY_CELL = re.compile(r"^(?:[—\-－/／无]*|不适用)$")  # ("", "——", "/", "无", "不适用": nothing set)
# a lead-in that puts its table's rows under a rule ("按照下表执行：", "…要求如下：", "见表1"), not any line ending in "："
# ("客服联系方式：" over 热线 | 400-…)
# (or a short run-in heading that names them, "（三）赔付标准。" over 坏果比例 | 赔付方式: probe P36's rows were items
# "是否不超过10%	按坏果实际比例退款")
_NAMED_TERMS = re.compile(r"^[^，,。；;：:]{0,8}(?:标准|要求|期限|时限|时效)[。.]?$")
_TABLE_LEAD = re.compile(r"下表|如下|以下|见表|下列|下述|附表|按表|表\s*\d|(?:标准|要求|期限|时限|时效|规定)[：:]$|"
                         + _NAMED_TERMS.pattern)
# a table of violations and what is done about them ("商家评价违规的处理标准见下表：", "按照下表扣分："), by its lead-in,
# its header (违规行为 | 处理措施) or most of its rows (扣除保证金500元, 警告, 清退)
# (not "违规商品的下架时限如下：", a duty's table, nor "…应当按照下表向消费者支付违约金：")
_VIOLATIONS = re.compile(r"违规(?:行为|情形|的处理)|违反[^，,。；;]{0,12}(?:行为|情形)|处罚|处分|罚则|扣分|处理标准|处理措施|虚假")
_DEALT_WITH = re.compile(r"扣分|扣除(?:保证金|信用分|积分|\d+分)|清退|冻结|封店|关店|降级|警告")  # (not 下架, 扣除费用)


def _of_sanctions(lead: str, header: list[str], rows: list[list[str]]) -> bool:
    """Is the table one of violations and what is done about them?"""
    dealt_with = [bool(SANCTION.search(x) or COMPANY_SANCTION.search(x) or _DEALT_WITH.search(x))
                  for x in (" ".join(r) for r in rows)]
    return bool(_VIOLATIONS.search(lead)) or sum(dealt_with) * 2 > len(rows) \
        or bool(_VIOLATIONS.search(" ".join(header)) and any(dealt_with))


_ASKED = re.compile(r"^(?:问|Q\s*\d{0,2})\s*[：:]|[？?]\s*$")  # a question asked, no rule
_ASKED_END = re.compile(r"[吗么呢]?[？?]\s*$")
_ANSWER = re.compile(r"^(?:答|A)\s*[：:]\s*")
_YES = re.compile(r"^(?:答|A)\s*[：:]\s*(?:需要|应当|应该|必须|要|须|是的)[。！!]?\s*$")  # an FAQ's answer that says yes, alone


# a document's paragraphs that say why and how it was written, not what it requires: a note so labelled ("修订说明：…",
# "【编制说明】…", "编者按：…", "本次修订…") and those after a label alone on its line ("修订说明" / "2023年度…" / "本次修订的
# 主要内容如下：" / "五是完善恶意投诉治理。…"), up to the first numbered clause; and a motto ("有求必应，件件有回音"). Probes
# P37, P39, P43 listed "五是是否完善恶意投诉治理", "本次修订共收到是否有效意见836条", "有求必是否件件有回音".
_NOTE_ALONE = re.compile(r"[【\[]?(?:修订|起草|编制|制定|修改)(?:说明|记录|背景)[】\]]?")
_PARAGRAPH = re.compile(r"/para\d+$")


def _background(clauses: list[Clause]) -> frozenset[str]:
    """The ids of the paragraphs (…/paraN) that are notes on how their rules were written (support.NOTE_ON_RULES, and the
    paragraphs under a note's label alone, _NOTE_ALONE), or mottos."""
    out, under = set(), False
    for c in clauses:
        if not _PARAGRAPH.search(c.id):
            under = False
            continue
        text = c.text.strip()
        if NOTE_ON_RULES.match(text) or under or is_slogan(text):
            out.add(c.id)
            under = under or _NOTE_ALONE.fullmatch(text) is not None
    return frozenset(out)


def clauses_read(clauses: list[Clause], children: dict[str, list[Clause]]) -> list[Clause]:
    """The clauses a checklist reads (kept per loaded index: Retriever.checklist_clauses): every clause but the notes on
    how the rules were written and the mottos (_background); and a lead-in whose list is what its duty must say
    ("标签应当标明下列事项：" / "（一）名称、规格…": its items are no duties of their own, and as the heading of its items it
    was never read; held-out probe: 第六十七条 listed nothing)."""
    background = _background(clauses)
    return [c for c in clauses if c.id not in background and (
        c.role == "clause" or c.role == "heading" and c.text.rstrip().endswith(("：", ":")) and children.get(c.id)
        and content_lead(c))]


# an annex that names itself a sample: "附：…告知书（范本，2023版）", "附件2：员工保密承诺书（样本）", "附件1：采购合同模板",
# "附录B（资料性附录） 常用安抚话术示例" (its scripts were duties and answers; probe P49)
SAMPLE_ANNEX = re.compile(r"附\s*[件录]?\s*[A-Z\d一二三四五六七八九十]{0,3}\s*(?:[（(][^）)\n]{1,8}[)）]\s*)?[：:、.．\s]"
                          r"[^。；;！？\n]{0,40}?(?:范本|样本|模板|示例|样式|式样)")


# a section of terms and their meanings ("术语说明", "二、术语和定义", "名词解释")
TERMS_HEADING = re.compile(r"^(?:第[一二三四五六七八九十\d]+[章节条]|[一二三四五六七八九十\d.]+[、.．]?)?\s*"
                           r"(?:术语|名词|用语|定义)(?:和定义|与定义|及定义|说明|解释|释义)?$")


def obligations(clause: Clause, parent: Clause | None, items: list[Clause] | None = None) -> list[_Obligation]:
    """The obligation sentences of a clause; a list item under a lead-in that states a duty
    ("应具备以下功能：") is one, even without a modal word of its own. A lead-in whose list is what the duty must
    say (CONTENT_LEAD) is one obligation with its ``items``, and those items are none of their own."""
    if _ITEM.match(clause.text) and content_lead(parent):
        return []
    if any(TERMS_HEADING.match(h) for h in clause.path[1:]):
        return []  # a term's definition ("## 术语说明" / "- **申诉成立**：经审查，原处理结果…错误，应予撤销或变更" was an
        # item "…是否予撤销或变更"; probe P86)
    if any(x is not None and SAMPLE_ANNEX.match(x.text) for x in (clause, parent)):
        return []  # a sample of a form or a notice an annex gives ("附：跨境商品风险告知书（范本，2023版）" / "1.您所购买的
        # 商品…由您自行承担" / "本人已阅读并同意上述告知内容"): what the form says, no duty (probe P41 listed five)
    body = _MARKER.sub("", evidence(clause.text), count=1).strip()  # no words addressed to an assistant
    # a standard's clause titled on a line of its own ("5.2.1 交易型电子商务企业\n具备工商登记…。…定期对员工进行…培训"):
    # the title is whom its instructions are for, or their label (no sentence of it read as an instruction: no item)
    # (a subject broken off its modal, "…运行维护单位\n应当建立…", is joined to it)
    titled = _TITLE_LINE.match(body)
    if titled and _MODAL_TITLE.fullmatch(titled.group(1)):
        body = body[titled.end():]
    elif titled and not any(_modals(titled.group(1))):
        rest = body[titled.end():]
        if _MODAL.match(rest):  # (a section's title, "5.3 售后服务\n应建立…", is no subject)
            body = (titled.group(1) if BEARER.search(titled.group(1)) else "") + rest
        elif STARTS_INSTRUCTING.match(rest) and _instruction(rest):
            body = titled.group(1) + ("" if BUSINESS.search(titled.group(1)[-3:]) else "：") + rest
    body, rows = _table_rows(clause, body)
    out = []
    lead_kind = inner_lead = None
    listed = False  # an item of its parent's list
    lead_words = ""  # the parent's lead-in, where it states the duty itself
    if parent is not None and LEAD_IN.search(parent.text.strip()):
        # the lead-in's whole last sentence, semicolons and all: "售出的产品有下列情形之一的，销售者应当负责修理、更换、
        # 退货；给购买产品的消费者造成损失的，销售者应当赔偿损失：" binds its items by both its rules
        *before, last = _whole_sentences(parent.text)
        # "不得有下列行为：" makes its items prohibitions; a list of what a rule requires, duties
        if NOT_DUTY_LEAD.search(parent.text) and _ITEM.match(clause.text):
            return []  # an exception or a sanctioned violation, not a duty of its own (a 款 after the list is)
        if _ITEM.match(clause.text):  # a 款 after the list is no item of it
            if CATCH_ALL.match(body):
                return []  # "（五）法律、行政法规规定的其他义务": nothing of its own to check
            listed = True
            # a lead-in without a modal lists duties ("售后服务内容包括："), unless it lists circumstances
            # ("有下列情形之一的："), powers ("行使下列职权："), what one may do ("可以采取下列措施：") or who is
            # which party ("…按照下列规定确定："); a lead-in whose modal _kind finds no business duty in (an
            # authority's "…部门应当在登记簿上载明下列事项：") or that names an authority lists none either
            stated = _kind(last)  # the lead-in's own sentence states the duty
            if stated and _authoritys_lead(last, before):
                # an authority's list, named in the sentence before ("邮政管理部门应当加强…监督检查。监督检查应当以下列事项
                # 为重点："; held-out checklist probe: its items were a business's checks)
                return []
            lead_kind = stated or _kind(parent.text) or (
                None if NOT_DUTIES_LISTED.search(last) or PERMISSION.search(last) or any(_modals(last))
                or _regulator_named(last) else "duty")
            lead_words = _untitled(_MARKER.sub("", evidence(last), count=1).strip()) if stated else ""
    parts = BULLET.split(body)  # "——" items of a standard's clause, "- " items run into one line
    inner_words = ""
    # "——" items that state no rule of their own carry their lead-in's words (and its duty)
    words_carried = any(not any(_modals(p)) and not _instruction(p.strip().lstrip("—-").strip())
                        for p in parts[1:] if p.lstrip().startswith(("——", "-")))
    for j, part in enumerate(parts):
        carried = False
        dashed = part.lstrip().startswith(("——", "-"))
        part = part.strip().lstrip("—-").strip()
        sentences = _sentences(part)
        instructing = False  # the first sentence is an instruction without a modal
        semicolon = [x.endswith(("；", ";")) for x in sentences]
        for i, s in enumerate(sentences):
            # the sentence joins the obligation the one before it is: what follows an order ("…，应当通知…限期改正；逾期
            # 不改正的，暂停交易和服务": one duty, in its order), or a bound for another kind of the same thing, what it
            # bounds left to the one before ("预售商品的发货时间…不得超过30日；定制类商品不得超过45日": "定制类商品是否不超过
            # 45日" says not what of them)
            after_own = i and out and out[-1].clause is clause and out[-1].sentence == sentences[i - 1].rstrip("。；;，,")
            # (or what the one before it owes besides, its case and subject left to it: "未按照约定提供的，应当…退回预付款；
            # 并应当承担预付款的利息…" was an item "并是否承担预付款的利息…" beside it)
            if after_own and (FOLLOW_UP.match(s) or semicolon[i - 1] and _AND_ALSO.match(s)
                              or semicolon[i - 1] and _elliptic_bound(s) and _bound_norm(sentences[i - 1])):
                out[-1].sentence += "；" + s.rstrip("。；;，,")
                sentences[i] = out[-1].sentence
                continue
            if FOLLOW_UP.match(s) and not _binds_business_late(s):
                continue  # what follows an order no duty came before (a penalty article's) is none either
            if BACKGROUND.match(s) and not _FIRM_MODAL.search(s):
                continue  # what has been happening, told as the reason for the rules ("近年来，个别买家利用差评要挟商家…，
                # 两类问题均需规范" was an item "…两类问题是否均规范", "近一年来，…部分争议…最终由平台承担损失，有必要…" one
                # "…最终是否由平台承担损失…"; blind probes P95, P97)
            if _ASKED.search(s):
                # a question, an FAQ's, is no rule ("问：团员需要发票怎么办？" was an item "问：团员是否发票怎么办？", probe
                # P37), unless its answer says yes to what it asks is owed: "问：退货时商品附带的赠品需要一起退回吗？答：需要。"
                # is "…赠品需要一起退回" (probe P38)
                if i + 1 >= len(sentences) or not _YES.match(sentences[i + 1]) or not any(_modals(s)):
                    continue
                s = sentences[i] = _ASKED.sub("", _ASKED_END.sub("", s)).strip()
            elif _YES.match(s):
                continue  # (the yes)
            elif _ANSWER.match(s):
                s = sentences[i] = _ANSWER.sub("", s)  # (an answer's rule is its own: "答：按质量问题处理，…往返运费由本公司承担")
            named = _NAMED_BAN.sub("□□", s) if listed else s  # (what the law forbids, as a kind of thing)
            # (the sentence's own kind; k may become its lead-in's below)
            own = k = _kind(named, limits=authority(clause.document) >= 2)
            if k and i and (_elided(named) and _authority_acts(sentences[:i]) or LEAD_IN.search(s)
                            and _authoritys_lead(named, sentences[:i])):
                # an authority's step, its subject left to the sentence before ("国务院信息产业主管部门…作出许可或者不予许可的
                # 决定。…不予许可的，应当书面通知申请人并告知理由"): it read "不予许可的，是否书面通知申请人…"
                own = k = None
            if listed and own and not any(_modals(named)):
                own = k = None  # a bound alone in an item is what its lead-in's duty is ("…留存…日志不少于六个月")
            if dashed and inner_lead and own and not any(_modals(named)):
                own = k = None  # …so too in a "——" item ("特权账号的申请还应当满足下列要求：…——权限有效期不超过180日")
            if listed and own and lead_kind == "prohibition" and _THING_NAMED.match(s):
                # a thing a prohibition lists, its modal inside its name ("下列商品不得通过跨境渠道销售：" / "2. 需要办理
                # 动植物检疫审批的生鲜食品；" read "是否办理动植物检疫审批的生鲜食品", the rule turned round; "下列商品不得
                # 上架：" / "（一）目标市场禁止进口或者销售的商品；" read "目标市场是否杜绝进口或者销售的商品", probe)
                own, k = None, lead_kind
            if k is None and not (NOT_AN_OBLIGATION.search(s) or EXCEPTION_OR_REFERRAL.search(s) or PERMISSION.search(s)
                                  or DESCRIPTION.search(s) or any(_modals(named)) or _sanction(s)):
                if dashed and inner_lead is not None:  # "——" items take their lead-in's kind, none if it describes
                    k = inner_lead or None  # ("运营管理体系通常包含以下要素：- 组织架构：明确…")
                    carried = bool(k) and not _instruction(s)  # "——营业执照…" (not "- 售后服务管理：建立…机制")
                elif listed:  # an item of a list of what one may do or of circumstances ("可以采取以下措施：（二）要求遵守…")
                    k = lead_kind
                else:
                    # the first sentence, or any of a clause that opens with an instruction (DB33/T 932 5.2.1: "…具备
                    # 工商登记…。…定期对员工进行…培训，推进持证上岗。遵守行规行约，建立健全知识产权内部审查机制。");
                    # not "组织…的，即属犯罪", nor the state's or an authority's ("国家推动建立…机制")
                    k = lead_kind or ("duty" if (i == 0 or instructing and STARTS_INSTRUCTING.match(s))
                                      and not _LEADING_CONDITION.match(s) and _instruction(s) else None)
            if i == 0 and k == "duty" and not any(_modals(s)):
                instructing = True
            if j == 0 and i == len(sentences) - 1:
                # "建立…规则，…包括：——…；——…": the "——" items inherit the lead-in's duty, and are checked under its
                # words ("是否建立明确、详实的企业信息和服务规则，置于网站首页显眼位置…，包括：营业执照、组织机构代码证…")
                inner_lead = (k or "") if LEAD_IN.search(s) else None
                inner_words = s.strip() if inner_lead else ""
            content = [x for x in (items or []) if _ITEM.match(x.text)]
            if (k == "duty" and content and j == len(parts) - 1 and i == len(sentences) - 1 and CONTENT_LEAD.search(s)
                    and content_lead(clause)):
                words = "；".join(_MARKER.sub("", x.text, count=1).strip().rstrip("。；;，,") for x in content)
                out.append(_Obligation(clause, s.rstrip("：: ") + "：" + words, k, parts=tuple(content), listed=words))
                continue
            if k == "duty" and LEAD_IN.search(s) and (len(sentences) == 1 and body.endswith(("：", ":"))
                                                      or len(parts) > 1 and (LIST_OBJECT.search(s) or j == 0 and words_carried)):
                # a lead-in alone, or one whose duty is its list ("应实施以下管理标准：") or its items' words: they carry it;
                # a duty of its own before the list it adds is one ("发票抬头和开票内容应当与实际交易一致，并符合下列要求：":
                # its items state their own rules, and it was lost)
                if ((own_duty := _DUTY_BEFORE_LIST.match(s)) and _kind(own_duty.group("own")) == "duty"
                        and not NAMES_A_LIST.search(own_duty.group("own"))):
                    out.append(_Obligation(clause, own_duty.group("own"), "duty"))
                continue
            if (k == "prohibition" and LEAD_IN.search(s) and i == len(sentences) - 1 and _modals(s)[1] is None
                    and (content and j == len(parts) - 1 or j == 0 and len(parts) > 1 and words_carried)):
                # "广告不得含有下列内容：" over its items: each item is the prohibition, the lead-in alone none (one that
                # states a duty too, "应当遵循合法、正当、必要原则，不得过度处理，并符合下列条件：", is an item); so too over
                # its "——" items in the clause ("禁止供应商有下列行为：——…；——…" was an item "是否杜绝供应商有下列行为：")
                continue
            if k:
                ob = _Obligation(clause, s.rstrip("。；;，,"), k)
                if listed and lead_words and own is None:  # the item says what its lead-in's duty is about
                    ob.lead_in, ob.lead_words = parent, lead_words
                elif carried and inner_words:
                    ob.lead_words = inner_words
                out.append(ob)
    # a liability for not doing what a duty before it requires is that duty ("…应当采取…必要措施；未采取必要措施的，…承担连带责任")
    return [o for k, o in enumerate(out) if not any(_liable_for(o.sentence, p.sentence) for p in out[:k])] + rows



# -- wording ---------------------------------------------------------------------------------
def item_text(sentence: str, kind: str, heading: str = "") -> str:
    """"是否…" phrasing, keeping the clause's words: 应当建立 → 是否建立, 不得泄露 → 是否杜绝泄露. A run-in
    ``heading`` of the sentence ("售后服务培训定期组织…") is left out, as a "label：" is."""
    if heading and sentence.startswith(heading) and len(sentence) > len(heading):
        sentence = sentence[len(heading):]
    parts = sentence.split("；")
    if len(parts) > 1 and all(_elliptic_bound(p) for p in parts[1:]):  # a bound joined to the one before (obligations)
        return "；".join([item_text(parts[0], kind)] + [item_text(p, kind) for p in parts[1:]])
    s = re.sub(r"^[\u4e00-\u9fff、与和]{2,12}[：:]", "", sentence).strip()  # "维修服务：" label
    if not s or (kind == "prohibition" and not PROHIBITION.search(s)):
        s = sentence
    s = s.lstrip("-—— ").strip()
    s = _CONNECTIVE.sub("", s) or s  # "同时，企业还需要与物流公司合作" → "企业是否还与物流公司合作"
    # a space a PDF's extraction left between two characters ("有关 法规", "顺 利") is no part of the words
    s = _SPACED.sub("", s)

    def reword(t: str) -> str:
        phrases = re.split(r"(?<=[，,；;])", t)
        # a modal in a phrase that names who or what the next phrase's rule is for ("需要领用发票的单位和个人，应当持…",
        # "国家规定必须使用注册商标的商品，必须申请…"; not "…制度，并应当…"): part of a name, not reworded (it read
        # "是否领用发票的单位和个人")
        # (or what the rule is about, taken up by 其 after it: "…储运中不能倒置和其他有特殊要求的产品，其包装质量必须…")
        named = _TOPIC_NAMED.match(t)
        return "".join(p if i + 1 < len(phrases) and (_NAMING_PHRASE.match(p) and _MODAL.match(phrases[i + 1].lstrip())
                                                       or _BY_LAW_NAMED.match(p) and any(_modals(phrases[i + 1]))
                                                       or not i and named is not None and len(p) == named.end() + 1)
                       else _reword_phrase(p) for i, p in enumerate(phrases))

    out, last = [], 0
    for m in _CONDITION.finditer(s):  # a condition keeps its words ("依法需要办理登记的，")
        out += [reword(s[last:m.start()]), m.group()]
        last = m.end()
    out = "".join(out) + reword(s[last:])
    liable = LIABILITY.search(out) if kind == "duty" and out == s else None
    if liable:  # "…，未采取必要措施的，依法…承担连带责任" → "…，是否采取必要措施"
        out = s[:liable.start()] + "是否" + liable.group(1)
    elif out == s and kind == "duty" and "是否" in s:
        pass  # a list of what is checked ("（一）是否依法设置会计帐簿", "（三）所采取的保护措施是否合法…") is worded as a check
    elif out == s and kind == "duty" and not any(_modals(s)) and (norm := _bound_norm(s, limits=True)):
        out = _bound_checked(s, norm)
    elif out == s:  # an item whose list's lead-in states the duty ("应具备以下功能：") or the prohibition
        lead = "是否杜绝" if kind == "prohibition" else "是否"
        m = IMPERATIVE.match(s) if kind == "duty" and not _LEADING_CONDITION.match(s) else None
        # a run-in label not found as the list's heading stays in front: "售后服务培训定期组织…" → "售后服务培训是否定期组织…"
        # a leading condition or topic stays in front too: "逾期不改正的，暂停交易" → "逾期不改正的，是否暂停交易",
        # "对于退货、换货等需求，提供…" → "对于退货、换货等需求，是否提供…"
        c = (_LEADING_CONDITION.match(s) or re.match(r"对于[^，,；;。]*(?=[，,])", s)) if not m else None
        # a procedure: whose step it is, or whose leave comes first, is checked ("页面改版由网页设计人员…审批后执行" →
        # "页面改版是否由网页设计人员…", "采购合同经财务部审核后方可签订" → "采购合同是否经财务部…")
        procedure = kind == "duty" and re.search(PROCEDURE, s)
        by = _STEP_BY.match(s) if procedure else None
        # who bears a cost or a task is checked where the sentence names them, after what is borne ("…可以拒收，拒收产生
        # 的退回运费由承运商承担" → "…运费是否由承运商承担"; it read "…的，是否可以拒收，…", a permission turned into a duty)
        borne = _BORNE_BY.search(s) if kind == "duty" else None
        at = borne.start() - len(_BORNE_BY_WORDS.search(s[:borne.start()]).group()) if borne else 0
        if borne and (at == 0 or s[at - 1] in "未不"):
            borne = None  # (a case: "未依法由具备相应资质的单位承担…的"; nothing borne named before it)
        if by:
            out = s[:by.end()] + lead + s[by.end():]
        elif procedure:  # no step named ("经理审批后方可执行")
            out = lead + s
        elif borne:
            out = s[:at] + lead + s[at:]
            if m and m.group(1) and m.end() == len(m.group(1)) and re.search(r"[，,]", s[m.end():at]) \
                    and "的" not in re.split(r"[，,]", s)[0]:  # (not "实行总承包的建设工程，…", what it is of)
                out = lead + out  # an instruction that opens the sentence is checked too ("是否建立退换货制度，退货运费是否由…")
        elif c:
            out = s[:c.end() + 1] + lead + s[c.end() + 1:].lstrip()
        else:
            at = m.end() - len(m.group(1)) if m and m.group(1) else 0
            # (a phrase that opens with a preposition names no subject: "与合作企业建立…" → "是否与合作企业建立…", not
            # "与合作企业是否建立…"; held-out checklist probe)
            out = s[:at] + lead + s[at:] if not _PREPOSITION_FIRST.match(s[:at]) else lead + s
    first = STARTS_INSTRUCTING.match(s) if kind == "duty" and out != s else None
    modal = _modals(s)[1] if first else None
    if first and modal and (_LATER_CASE.search(s[first.end():modal.start()])
                            or _LATER_SUBJECT.search(s[first.end():modal.start()])
                            and "的" not in re.split(r"[，,]", s)[0]):  # (not "实行总承包的建设工程，工程质量由…负责")
        # an instruction, then a rule for a case of its own: both are checked ("建立…规则,置于…,相关规则调整时,应按照…
        # 公示" read "建立…规则,…,是否按照…公示", the first duty not worded as a check; not "制定…价格，应当依据…",
        # where the instruction is the case the rule is for)
        at = max(first.end("label"), 0)  # after a run-in label ("售后服务：建立…")
        if not out[at:].startswith("是否"):  # (not checked already: "是否建立退换货制度，退货运费是否由…")
            out = out[:at] + "是否" + out[at:]
    said = next((m for m in _modals(s) if m), None)  # the first modal
    norm = _bound_norm(s) if said and out != s else None
    if norm and norm.end() <= said.start() and re.match(r"[^，,；;的]{0,8}[，,；;]", s[norm.end():said.start()]) \
            and out[:norm.start()] == s[:norm.start()] and "是否" not in s[:norm.start()]:
        # a bound that ends its phrase, then a rule of its own: both are checked ("密码长度不少于12位，并应当同时包含…" read
        # "…不少于12位，并是否同时包含…", the bound not worded as a check; not "按照每一百户不低于二十平方米的标准…配套建设
        # 的…设施，…应当划定…", a bound inside a name)
        at = _before_hedge(s, norm.start())
        out = out[:at] + "是否" + out[at:]
    if "是否" in out:
        # a bound in a phrase of its own after the rule checked, with no rule of its own: checked too ("…由店铺负责人
        # 保管，密码每90日至少更换一次" → "…是否由店铺负责人保管，密码是否每90日至少更换一次"; held-out checklist probe)
        phrases = re.split(r"(?<=[，,])", out)
        first = next(i for i, p in enumerate(phrases) if "是否" in p)
        for i in range(first + 1, len(phrases)):
            p = phrases[i]
            if "是否" not in p and not any(_modals(p)) and not _LEADING_CONDITION.match(p) and not re.match(r"\s*(?:且|并|而且)", p) \
                    and (b := _bound_norm(p, limits=True)):  # (not one joined to the check: "…15%，且不超过1500元")
                phrases[i] = _bound_checked(p, b)
        out = "".join(phrases)
    out = re.sub(r"(还|都|也|均|亦|一律|一概)(是否)", r"\2\1", out)  # 还是否考虑 → 是否还考虑, 一律是否杜绝 → 是否一律杜绝
    out = re.sub(r"是否要(?![求点])", "是否", out)  # "电商平台要明确标准" → 是否明确标准 (not 是否要求, 是否要点)
    return re.sub(r"是否[，,]", "是否", out)


def _bound_checked(s: str, norm: re.Match) -> str:
    """A bound worded as a check: "抽检会话不少于50条" → "抽检会话是否不少于50条"."""
    at = norm.start()
    if re.match(r"(?:至少|最多|至多|最少)[\d一二三四五六七八九十两百千万]", s[at:]) and (verb := _COUNTED_VERB.search(s[:at])):
        at = verb.start()  # the verb the count is of comes first: "开展至少一次…检查" → "是否开展至少一次…检查"
    at = _before_hedge(s, at)
    return s[:at] + "是否" + s[at:]


def _before_hedge(s: str, at: int) -> int:
    """Where 是否 goes before a bound at ``at``: before its hedge, if any ("…的时间一般不少于三十日" → "…的时间是否一般不少于
    三十日", not "一般是否不少于")."""
    hedge = re.search(r"(?:一般|原则上|通常)?(?:最高|最低|最长|最短|最多|最少)$|(?:一般|原则上|通常)$", s[:at])
    return hedge.start() if hedge else at


_LATER_CASE = re.compile(r"[，,][^，,；;。]{2,20}(?:时|的)[，,]\s*$")  # "…,相关规则调整时," before a modal
# …or a subject of its own ("有效处理客户投诉、交易纠纷等,处理流程应公开": the instruction was not checked; probe)
_LATER_SUBJECT = re.compile(r"[，,][\u4e00-\u9fff]{2,8}$")
_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")  # a space between two characters
# what ties a sentence to the one before it, which an item does not follow
_CONNECTIVE = re.compile(r"^(?:同时|此外|另外|而且|并且|例如|比如|其次|再次|最后|首先|因此|所以|为此|总之|与此同时|另一方面)[，,]\s*")
_MODAL = re.compile(f"(?P<no>{PROHIBITION.pattern})|(?P<duty>{_DUTY_WORD.pattern}|{_MUST})")
# a phrase that is a name with a modal inside it: "需要领用发票的单位和个人，", "国家规定必须使用注册商标的商品，"
# (nothing before the modal but what prescribes it: "企业应当设立专门的客服团队，并应当…" is the duty itself)
_NAMING_PHRASE = re.compile(r"^(?:[\u4e00-\u9fff、]{0,10}规定)?(?:需要|必须|应当|应)[\u4e00-\u9fff、]{1,16}的[\u4e00-\u9fff]{0,8}"
                            r"(?:单位|个人|商品|产品|设备|企业|项目|经营者|人员|组织|机构|物品|货物|车辆|食品|药品|主体)"
                            r"(?:和个人|和单位|或者个人)?[，,]$")
# "依法应当注册的保健食品，…", "对快件中依法应当没收、销毁或者可能涉及违法犯罪的物品，…应当立即报告": what the law requires
# names the thing the next phrase's rule is for (held-out checklist probe: "依法是否注册的保健食品")
_BY_LAW_NAMED = re.compile(r"^(?:对于?[\u4e00-\u9fff]{0,6}?)?(?:依法|依照法律|依照规定|按照规定|按规定)(?:需要|必须|应当|应)"
                           r"[^，,；;。]{1,24}的[\u4e00-\u9fff]{1,8}[，,]$")
_ATTRIBUTIVE = re.compile(r"(?:其他|其它|所|是否)$")  # "…是否禁止经营者集中的决定": the law's own question
_COORDINATED = re.compile(r"(?:并|且|和|或|或者|及|以及|也|还|都|并且|而且|同时)\s*$")


_COUNTED_VERB = re.compile(r"(?:开展|组织|举行|召开|进行|配备|设置|设立|保存|留存|抽检|抽查|检查|培训|巡查|更新|公示|提交|报送|安排|"
                           r"配置|使用|提供|备有|储备|演练|核查|盘点|复核|(?<![建假开])设)$")
_BOUND = re.compile(r"(?:少于|低于|高于|多于|大于|小于|超过|超出|早于|晚于|迟于|短于|长于)")


# (after what is borne; not "并由…签发", a step after the duty, "未依法由具备资质的单位承担…的", a case, or "由政府承担的
# 债务", a name)
_BORNE_BY = re.compile(r"(?<=[\u4e00-\u9fff）)，,])(?<![并且再])由[^，,。；;由]{1,12}?(?:承担|负担|负责(?![人任])|保管)(?!的)")
# …with the words before it that are its own: 是否 goes before them ("资料是否交由…", "是否分别由…", "是否依法由…")
# (not the end of a word: 提交, 转交, 移交, 已经 — "相关材料提交是否由…", not "提是否交由")
_BORNE_BY_WORDS = re.compile(r"(?:依法)?(?:已经|(?<![提转移递呈])交|(?<![已曾])经|改|转|统一|一律|一概|全部|分别|均|一并)?$")


def _reword_phrase(phrase: str) -> str:
    """A phrase's modal as 是否 / 是否杜绝: the first, and any later one coordinated with it ("应当建立并应当公开");
    a later one is part of what the first requires ("不得将应当由一个承包人完成的建设工程支解", "应当确保应予披露的信息")."""
    out, last, first = [], 0, True
    for m in _MODAL.finditer(phrase):
        if _attributive(phrase, m):
            continue  # "其他应当保密的信息", "所必须的场所": what kind of thing, no rule; "作出是否禁止…的决定"
        if first or _COORDINATED.search(phrase[:m.start()]):
            # "不得低于95%": kept, "是否不低于95%" (not "不得超过24小时未回复", a time let pass: "是否杜绝超过24小时未回复")
            bound = m.group("no") and _BOUND.match(phrase, m.end()) \
                and not re.match(r"[^，,；;。\d]*[\d一二三四五六七八九十两百千万][^，,；;。]*?[未没]", phrase[m.end():])
            # (原则上, a hedge read as the rule's word, stays: "网站主页面原则上每年…审定或改版" is no yearly duty without
            # exception; a probe found "是否每年…")
            # (a hedge before 只能 stays after 是否: "宗教教职人员是否一般只担任…")
            hedge = re.search(r"(?:一般|通常)$", phrase[last:m.start()]) if m.group() == "只能" else None
            at = m.start() - (len(hedge.group()) if hedge else 0)
            out += [phrase[last:at], ("是否不" if bound else "是否杜绝") if m.group("no")
                    else "原则上是否" if m.group() == "原则上" else f"是否{hedge.group() if hedge else ''}只"
                    if m.group() == "只能" else "是否"]
            last = m.end()
        first = False
    return "".join(out) + phrase[last:]


def grounded(item: ChecklistItem) -> bool:
    """Are the item's content words all found in its cited clauses?"""
    # (the check's words, and a table row's "，是否符合：" after its lead-in)
    words = [w for w in tokenize(item.text.replace("，是否符合：", "，")) if w not in ("是否", "杜绝")]
    pool = norm("".join(c.text for c in item.citations))
    pool += re.sub(r"不得|不应|不能|严禁|禁止|不准|不允许", "不", pool)  # (a bound forbidden to pass, "不得低于95%", is checked
    # as "是否不低于95%")
    return all(norm(w) in pool for w in words)


# -- merging ---------------------------------------------------------------------------------
_FILLER = re.compile(r"企业|平台|商家|经营者|公司|我们|应当|应该|必须|应|须|需要|需|要|建立|健全|完善|相关|有关|及时|的|和|与|及|等|并|对|进行|提供")


# restatement: the shorter obligation's core words nearly all in the longer, which is at most twice as long
# (a short duty is not the same as one of the several a long sentence states: 个人信息保护法 第二十九条 vs
# 第二十三条; law topics recall 0.80 → 0.87, precision 0.66 → 0.68, seed unchanged)
MERGE_RATIO = 0.5


@lru_cache(maxsize=8192)  # same_duty compares every pair: each sentence is read once
def _core(sentence: str) -> frozenset[str]:
    t = _FILLER.sub("", re.sub(r"[^\w\u4e00-\u9fff]", "", norm(sentence)))
    return frozenset(t[i:i + 2] for i in range(len(t) - 1))


def _required(sentence: str) -> str:
    """What a rule requires: its words after its first modal ("" where it has none)."""
    first = _first_modal(sentence)
    return sentence[first.end():] if first is not None else ""


_ACT_VERB = re.compile(r"^(?:进行|存在|采取|发布|从事|有|实施|利用|使用|出现)")


@lru_cache(maxsize=8192)  # same_duty compares every pair: each sentence is read once
def _acts(sentence: str) -> frozenset[str]:
    """The acts a prohibition names: "不得进行虚假宣传、价格欺诈等违规行为" → {虚假宣传, 价格欺诈}."""
    out = set()
    for m in PROHIBITION.finditer(_masked(_BANNED_THING, sentence)):  # (not "禁止寄递物品", a kind of thing)
        obj = re.split(r"[，,。；;]", sentence[m.end():])[0]
        obj = re.sub(r"等.*$|的(?:内容|行为|情况)$", "", obj)
        for act in re.split(r"、|或者|或|以及|和|及", obj):
            act = _ACT_VERB.sub("", act.strip())
            if len(act) >= 4:
                out.add(act)
    return frozenset(out)


_INSTITUTED = re.compile(r"(?:建立|设立|制定|健全|完善)(?:健全|完善)?(?:的|了)?(?:严格|专门|专业|完善|健全|明确|有效)?(?:的)?"
                         r"([\u4e00-\u9fff]{2,10}?)(制度|体系|机制|政策|团队)")


@lru_cache(maxsize=8192)  # same_duty compares every pair: each sentence is read once
def _instituted(sentence: str) -> frozenset[str]:
    """What a duty sets up: "建立健全的售后服务制度" and "建立售后服务机制" both set up the 售后服务 system;
    "建立专业的客户服务团队" and "设立专门的客户服务团队", the 客户服务 team (no system)."""
    return frozenset((m.group(1), m.group(2) == "团队") for m in _INSTITUTED.finditer(norm(sentence)))


_ACTION_FILLER = re.compile(r"及时|立即|尽快|积极|主动|认真|严格|依法|按照规定|并|的|地")


@lru_cache(maxsize=8192)  # same_duty compares every pair: each sentence is read once
def _action(sentence: str) -> str:
    """What a duty requires, in its first phrase after the modal: "若需额外时间处理，应及时告知用户并提供合理解释"
    → 告知用户提供合理解释."""
    prohibition, m = _modals(sentence)
    if not m or m.re is LIABILITY or prohibition:
        return ""
    phrase = re.split(r"[，,；;。:：]", sentence[m.end():])[0]
    return _ACTION_FILLER.sub("", norm(phrase))


def _same_action(a: str, b: str) -> bool:
    """Two duties whose required act is the same phrase, or one's act starts the other's ("应及时告知用户" and
    "应及时告知用户并提供合理解释")."""
    x, y = sorted((_action(a), _action(b)), key=len)
    # "应遵守相关法律法规" is everyone's: the same words say nothing of what the duty is about
    return len(x) >= 4 and y.startswith(x) and not _GENERIC_ACTION.match(x)


_GENERIC_ACTION = re.compile(r"(?:遵守|遵循|符合|执行|履行)[^，,。]*(?:法律|法规|规定|规则|制度|义务)")


def _liable_for(a: str, b: str) -> bool:
    """Is ``a`` the liability for not doing what ``b``, before it in its clause, requires ("未采取必要措施的，与侵权人承担连带
    责任" after "…应当采取删除、屏蔽等必要措施")? It is that duty, checked once (in other clauses, other duties: "采取必要
    措施" is required of many)."""
    m = LIABILITY.search(a)
    if not m or LIABILITY.search(b):
        return False
    act, other = _core(m.group(1)), _core(b)
    return bool(act) and len(act & other) >= 0.7 * len(act)


_AMOUNT = re.compile(r"(?<![第\d.])\d+(?:\.\d+)?(?![\d.])|(?<![第一二三四五六七八九十两百千])[一二三四五六七八九十两百千]+(?=\s*(?:个|小时|天|日|周|"
                     r"星期|月|年|分钟|元|万|%|倍|次|件|人|名|级|分))")


@lru_cache(maxsize=8192)
def _amounts(sentence: str) -> frozenset[str]:
    """The numbers a sentence states (not ordinals, "第三条"), Chinese numerals as digits."""
    from ingest.segment import cn_to_int

    return frozenset(m.group() if m.group()[0].isdigit() else str(cn_to_int(m.group())) for m in _AMOUNT.finditer(sentence))


@lru_cache(maxsize=8192)  # (same_duty compares every pair)
def _legal_party(sentence: str) -> str:
    """Which of the parties an e-commerce law tells apart a rule binds, by the words before its modal: 平台内经营者,
    平台经营者, or any 经营者; "" where it names none of them."""
    head = _before_modal(sentence) or ""
    return next((p for p in ("平台内经营者", "平台经营者", "经营者") if p in head), "")


def same_duty(a: str, b: str) -> bool:
    """Two obligations that say the same thing: both forbid the same act ("不得虚假宣传" and "不得夸大宣传、
    虚假宣传或误导用户"), or both set up the same system ("建立健全的售后服务制度" and "建立售后服务机制"); or, for
    the same case, both require the same act, or the shorter one's core words (subjects, modal and filler
    words taken out) are nearly all in the other, or the two share most of them."""
    if (na := _amounts(a)) and (nb := _amounts(b)) and na != nb:
        return False  # a time or an amount of each its own: "二级召回…3日内启动" is not "三级召回…7日内启动" (probe)
    if _legal_party(a) and _legal_party(b) and _legal_party(a) != _legal_party(b):
        return False  # two parties the law tells apart: "电子商务经营者应当…公示营业执照信息" is not "电子商务平台经营者应当…
        # 公示平台服务协议"
    if _acts(a) & _acts(b) or _instituted(a) & _instituted(b):
        return True
    ca, cb = (_core(m.group()) if (m := _LEADING_CONDITION.match(t)) else set() for t in (a, b))
    if ca and cb and len(ca & cb) < 0.5 * len(ca | cb):
        return False  # one rule for two different cases: "向境外提供个人信息的，应当告知…" is not "向其他处理者提供…的，应当告知…"
    if _same_action(a, b):
        return True
    ra, rb = (_core(_required(t)) for t in (a, b)) if ca and cb else ((), ())  # (each for a case of its own; not "应当
    # 承担退货运费" and "须负担来回邮费", one duty in other words)
    if ra and rb and not ra & rb:
        return False  # nothing of what each requires in common: "发现寄件人交寄禁止寄递物品的，应当拒绝收寄" is not "发现已经收寄
        # 的快件中有疑似禁止寄递物品的，应当立即停止分拣、运输、投递" (held-out checklist probe: the second was lost)
    x, y = _core(a), _core(b)
    if not x or not y:
        return False
    common = len(x & y)
    short, long_ = sorted((len(x), len(y)))
    contained = common / short >= 0.8 and short >= MERGE_RATIO * long_
    return contained or common / len(x | y) >= 0.5


# -- scope -------------------------------------------------------------------------------------
def scope_of(clause: Clause, retriever: Retriever) -> str | None:
    """The enterprise type a clause of DB33/T 932 applies to, from its own numbering: a subtree whose
    heading names a type, and its parallel siblings in the order the standard's classification lists them."""
    texts = [clause.text] + [p for p in clause.path]
    for t in texts:
        for s in SCOPES:
            if s in t:
                return s
    number = clause.number
    if not re.fullmatch(r"\d+(?:\.\d+)+", number or ""):
        return None
    parts = number.split(".")
    for depth in range(len(parts) - 1, 1, -1):  # 5.2.2.3 → sibling subtrees 5.2.x
        prefix = ".".join(parts[:depth - 1])
        here = int(parts[depth - 1])
        for c in retriever.clauses_of(clause.document):  # (its own document's: a search asks of a few clauses)
            if c.doc_id != clause.doc_id or not re.fullmatch(re.escape(prefix) + r"\.\d+", c.number or ""):
                continue
            named = next((s for s in SCOPES if s in c.text[:20]), None)
            if named:
                idx = SCOPES.index(named) + (here - int(c.number.split(".")[-1]))
                if 0 <= idx < len(SCOPES):
                    return SCOPES[idx]
    return None


# -- the checklist ---------------------------------------------------------------------------------
# a time set: a period, at once, the same day, within a count of something ("铃响三声内接听"; review: "食品召回时限" lost
# "…应当立即停止生产，召回已经上市销售的食品")
TIME_SET = re.compile(ANY_PERIOD.pattern + r"|立即|立刻|马上|即时|当日|当天|第一时间|" + NUM + r"\s*[\u4e00-\u9fff]{1,2}[以之]?内")
TIME_LIMIT = re.compile(r"(?:的)?(?:时限|期限|时效|时长)(?:要求)?$")  # a topic's last word that asks the times set


def checklist(retriever: Retriever, topic: str, scope: str | None = None,
              min_relevance: float | None = None) -> Checklist:
    topic = (topic or "").strip()
    if not topic or len(topic) > 50 or not re.search(r"[\w\u4e00-\u9fff]", topic):
        raise BadTopic("主题应为 1–50 字的词语，如“售后服务” / the topic should be a short phrase such as 售后服务")
    # a whole request, with the enterprise type the asker says it is ("我们是第三方平台，帮我出一份退换货自查清单",
    # "数据安全自查清单（第三方平台型）"), as the chat reads it: its topic was the whole sentence, or "数据安全自查清单（）"
    topic = checklist_request(topic) or topic_of(topic)
    if scope is not None and scope not in SCOPES:
        raise BadTopic(f"--scope 应为 {' / '.join(SCOPES)} 之一 / unknown scope {scope!r}")
    named, topic = scope_named(topic)
    if named and scope and named != scope:
        raise BadTopic(f"主题说的是{named}企业，所选企业类型（--scope）却是{scope}：请只保留一个 / the topic names {named}, "
                       f"the enterprise type chosen is {scope}")
    scope = scope or named
    s = retriever.settings
    floor = s.checklist.min_relevance if min_relevance is None else min_relevance
    clauses = [c for c in retriever.clauses if c.role == "clause"]
    visited = retriever.checklist_clauses
    normed = retriever.normalized
    # "客服响应时限": the duties on 客服响应 that set a time (the time limit is no word a duty need say: one clause of the
    # seed says 时限, and the checklist had nothing beside "…在用户投诉或需求的24小时内做出响应"; held-out probe)
    timed = TIME_LIMIT.search(topic)
    asked = TIME_LIMIT.sub("", topic)
    asked = asked if timed and len(asked) >= 2 else topic
    t = _Topic(asked, clauses, normed, retriever.thesaurus)
    dense = dict(retriever.dense(topic, min(len(clauses), s.checklist.candidates)))
    who = bearer(topic)
    # (a topic of two things is read as on either only where nothing is on both: _Topic.either)
    # (where a heading says one of the two things as the topic does, the documents tell them apart: each is on the topic
    # alone from the start, "营销推广与广告" lost 广告's rules once "营销推广" headed some)
    said_apart = [norm(text) for p, text in zip(t.parts, t.part_texts) if len(p.whole) >= 2]
    # (or that is one of them of one word, and nothing else: "5 申诉" of "商家保证金与申诉", whose 申诉 rules held a third of
    # its words; probe P19)
    titled_as = [norm(text) for p, text in zip(t.parts, t.part_texts) if len(p.whole) == 1]
    # (or, of "临期与效期管理", the first with the second's last word, as a heading says it with a word or two between:
    # "第二章 临期商品管理"; probe P53 listed the 4 duties that said both 临期 and 效期, of 17)
    tailed = _shared_tail(t.part_texts)
    part_headings = {h for h in {h for c in clauses for h in _headings(c)}
                     if any(x in norm(h) for x in said_apart) or _bare(h) in titled_as
                     or tailed is not None and tailed.fullmatch(_bare(h))}
    # (and where each of the two is a thing of two words or more, "商家入驻与资质审核": a clause on one whole is on the
    # topic, though others say both; "建立严格的招商政策,引入优质商家" held half its words, and recall was 0.60; not one of a
    # word, 个人信息 alone in "提供会员注册、个人信息管理…功能")
    told_apart = bool(part_headings) or len(t.parts) >= 2 and all(len(p.whole) >= 2 for p in t.parts)
    kin = {w for term in t.weights for w in retriever.thesaurus.of(term) if len(w) >= 2}  # (the topic words' synonyms)
    said_whole = norm(t.topic)  # (the topic as a title may say it, in comparison form)
    unheld = _unheld(t, clauses, normed)
    on_both: set[str] = set()  # the documents of the duties on both things, where only a few are (FEW_ON_BOTH)
    for either in ((True,) if told_apart else (False, True) if t.parts else (False,)):
        t.either = either
        found: list[_Obligation] = []
        untimed = False  # (a duty on what a time limit is asked of, timed or not)
        titled = _titled(t, clauses)
        used: dict[tuple[str, str], tuple[int, int]] = {}  # (document, word) → clauses of it, and of all, that say it
        for c in visited:
            if any(not t.says(w, normed[c.id][0] + normed[c.id][2]) for w in unheld.get(c.document, ())):
                continue
            parent = retriever.parent(c)
            context = normed[c.id][2] + (_opening(parent, retriever) if parent is not None else "")
            # an item of a list completes its lead-in's sentence ("有下列情形之一的，视为…无理拒绝：（三）以…为由拒绝退货"): the
            # lead-in's words are its own; other context (headings, a parent clause) counts less
            completes = parent is not None and LEAD_IN.search(parent.text.strip()) and _ITEM.match(c.text)
            own = t.coverage(normed[c.id][0], normalized=True)
            headed = t.coverage(context, normalized=True)
            if t.handling and headed < floor and authority(c.document) >= 2 and len(_sentences(normed[c.id][0])) == 1:
                # (of a thing's handling, a heading of a company's or a platform's rules that names the thing over a duty of
                # the clause's: "三、差评回复要求" / "（一）回复时限" / "2. 追评中出现新的投诉内容的，应当在12小时内补充回复" for
                # "差评处理", which the heading alone, saying no duty, did not hold; blind probe P95 listed 17 of 21. Not a
                # law's, whose chapters name whole fields, "第四章 网络信息安全")
                # (a clause of one sentence, under its headings, not a lead-in's opening: the seed's 3.2 "…设立用户注册、认证和
                # 管理机制…" was on "售后处理", each of its sentences on it by one that says 售后)
                headed = max(headed, t.coverage(normed[c.id][0] + " " + normed[c.id][2], normalized=True))
            # (the document's title completes headings on the topic: "第三章 设备与网络 › 第七条 办公终端" of 《员工信息安全与
            # 办公纪律守则》 for "办公设备与网络安全", whose 安全 the title says; probe P22 listed 3 of its 13 duties)
            if headed >= floor:
                headed = max(headed, t.coverage(normed[c.id][1] + context, normalized=True))
            # (a heading that says one of two things the topic names as the topic says it, in two words or more: "四、发货
            # 时效" of "发货时效与打包出库", where "现货商品必须在买家付款后48小时内发货" held half the topic's words, probe P18;
            # not "第四章 网络信息安全" for the 安全 of "商品质量与安全", nor "电子商务合同的订立" for 电子合同)
            if part_headings.intersection(c.path[1:]):
                headed = 1.0
            by_title, off = titled.get(c.document, (0.0, frozenset()))
            if off and off.intersection(_headings(c)):
                by_title = 0.0  # (a clause under a heading on the title's other thing)
            around = max(headed, by_title)
            lex = max(own, (1.0 if completes and own > 0 else 0.8) * around)
            # (a clause that says the topic's last word, where its document's title and headings say the rest: "3.3.2 同一
            # 包裹核验失败累计2次的，站点应当在24小时内发起退回" of 《限售商品配送签收操作细则》 for "签收核验", blind probe P118
            # listed 13 of 20; not a handling, 处理 of "差评处理"; or a first word, no party's, where the title says the topic
            # as it is, "奖品" of 《…奖品发放管理规定》, not "客户选择换货的…" of 《召回商品退款换货及客户通知细则》 for "客户通知",
            # P83 and P99)
            if 0 < own < floor and headed < floor and len(t.whole) >= 2 and (
                    t.whole[-1] not in (t.handling, t.restricting) and t._has(t.whole[-1], normed[c.id][0])
                    or said_whole in normed[c.id][1]
                    and any(t._has(w, normed[c.id][0]) for w in t.whole[:-1] if w not in PEOPLE)):
                lex = max(lex, 0.8 * t.coverage(normed[c.id][0] + " " + normed[c.id][1] + context, normalized=True))
            # (near in meaning, where the clause or its headings say a topic word or a synonym of one, or its document's
            # title names the topic: a title in every vector of its document made all its clauses near, and probe P20's
            # "直播订单退款与售后" listed the invoice rules of 《直播订单售后与发票管理细则》; 个人信息 for 隐私 stays)
            # (and by a word of its own the title does not say: each clause of 《供应商准入与合作管理办法》 says 供应商, and probe
            # P21's "供应商准入审核" listed its contract, rating and exit rules, 16 of 30 items)
            near = dense.get(c.id, 0.0) >= s.checklist.min_similarity and (
                own > 0 and any(t._has(w, normed[c.id][0]) and not t._has(w, normed[c.id][1]) for w in t.weights)
                or headed > 0 or by_title > 0 or any(_said(w, normed[c.id][0]) for w in kin))
            if lex < floor and not near:
                continue
            sc = scope_of(c, retriever)
            if scope and sc and sc != scope:
                continue
            obs = obligations(c, parent, retriever.children.get(c.id))
            if around < floor and (len(obs) > 1 or not near) or headed < floor <= around and len(obs) > 1:
                # a clause of several duties, or on the topic by its own
                # words alone: the duties that are ("培训内容可包括产品知识" puts a "知识产权" clause's words in no duty)
                # (a "——" item that names what its lead-in requires is on it by the lead-in's words too: "…相关规则调整时，应
                # 按照有关法规进行公示和备案，包括：——营业执照…" was on no 信息公示 list)
                on_topic = [o for o in obs if t.coverage(("" if o.lead_in else o.lead_words) + _case_before(o) + _with_exceptions(o),
                                                         parties=False)
                            > s.checklist.sentence_relevance]
                # (in a document its title puts on the topic, a clause whose duties none says it keeps them all: "保税备货
                # 模式的订单，商家应当在清关放行后48小时内出区发货；直购进口模式的订单…" of a 跨境商品 rule; one that says it
                # of some keeps those, not "商家应当每月按时缴纳平台技术服务费" beside "…应当在直播前公示活动规则")
                if on_topic and not (headed < floor <= around):
                    # (and a duty that adds to one on the topic, after a semicolon, naming no party of its own: "网络食品交易
                    # 第三方平台提供者应当对入网食品经营者进行实名登记…；依法应当取得许可证的，还应当审查其许可证")
                    on_topic = [o for o in obs if o in on_topic or _ALSO.search(o.sentence) and _continues(o, on_topic, obs)]
                if on_topic and headed < floor <= around:
                    # (and one that goes on about what they speak of, in words of that document's own: "拼团价不得高于报名前
                    # 30日内…。商家不得在报名前临时抬高原价后再降价参团", "团长不得…作虚假宣传。团长奖励由商家承担")
                    on_topic = [o for o in obs if o in on_topic or _goes_on(o, on_topic, c.document, clauses, normed, used)
                                or _continues(o, on_topic, obs)]
                obs = on_topic if not near and around < floor else on_topic or obs
            heading = retriever.run_in_heading(c) if obs else ""
            for o in obs:
                o.scope = sc
                if heading and o.sentence.startswith(heading):
                    o.heading = heading
                elif heading and o.lead_words.startswith(heading) and len(o.lead_words) > len(heading):
                    # (and a list item's lead-in, in the clause it opens: "服务平台功能电子商务公共服务平台是否具备以下功能：
                    # 交易和支付…" kept the run-in title glued to the subject; probe)
                    o.lead_words = o.lead_words[len(heading):]
            borne = [o for o in obs if who is None or borne_by(o, who)]
            # (or under a heading that names the time limits with the topic, "第二章 响应时限" of a 客服 rule: its duties are the
            # topic's, timed or not, "…应当告知顾客预计答复时间", "日接通率不得低于95%"; probe P19)
            limits = timed is not None and any(TIME_LIMIT.search(h) for h in _headings(c)) \
                and t.coverage(norm(c.document) + context, normalized=True) >= floor
            found.extend(o for o in borne if asked == topic or limits or TIME_SET.search(o.sentence) or timed.group() in o.sentence)
            untimed = untimed or bool(borne)
        # (or where only a clause or two is on both, within their documents: "盘点与盘亏处理" listed the one rule on 盘亏
        # that says 盘点, none of the chapter's counting duties, probe P33; not the duties on either elsewhere, 维护 of
        # "网站建设与维护" in "维护消费者权益", 结算 of "支付与结算" in a price rule's "先消费后结算")
        if either and on_both:
            found = [o for o in found if o.clause.document in on_both]
        if len(found) >= (FEW_ON_BOTH if t.parts and not either and not told_apart else 1):
            break
        on_both = {o.clause.document for o in found}
    items = _merge(found, retriever.embedder, s.checklist.merge_similarity)
    if items:
        return Checklist(topic, scope, tuple(items))
    # nothing on the topic: say which of its words no document uses ("员工考勤": 考勤) and offer the clauses closest to
    # it in meaning, as an answer not found does, so that it can be asked again in the documents' words
    unused = [w for w in dict.fromkeys(_topic_words(asked)) if len(w) >= 2 and w not in t.weights and w != t.kind_word]
    # the whole word no document uses, not a part of it ("个性化", not 个性), nor one with a part they use (考勤, not
    # 员工考勤 too)
    unsaid = tuple(w for w in unused if not (any(u in w for u in t.weights) and any(o != w and o in w for o in unused))
                   and not any(o != w and w in o and not any(u in o for u in t.weights) for o in unused))
    # each of its words used, none said with the others ("营销短信": 营销 in one law, 短信 in another): it said nothing of why
    apart = tuple(t.whole) if not unsaid and len(t.whole) >= 2 and not any(
        all(t._has(w, normed[c.id][0]) for w in t.whole) for c in clauses) else ()
    closest = sorted(dense.items(), key=lambda x: -x[1])[:RELATED]
    return Checklist(topic, scope, (), unsaid=unsaid, related=tuple(retriever.by_id[cid] for cid, _ in closest), apart=apart,
                     untimed=asked if untimed and asked != topic else "")


def _unheld(t: _Topic, clauses: list[Clause], normed: dict[str, tuple[str, str, str]]) -> dict[str, list[str]]:
    """Per document, the words of the topic it is not about, where the topic names one thing of two words or more
    ("跨境商品退货"): words its title and headings do not say, that few of its clauses do (《供应商准入与考核管理办法》
    says 跨境 once, of whom it does not apply to). A clause of it is on the topic only where it says them itself: its
    "…退货运费由供应商承担" held 商品 and 退货, two thirds of the topic (probe P31). Not a topic of two things, either
    of which is on it alone."""
    if t.parts or len(t.whole) < 2:
        return {}

    docs: dict[str, list[str]] = {}
    for c in clauses:
        docs.setdefault(c.document, []).append(c.id)
    # (only the word the topic opens with, which says of what kind the thing is, where some title says it, marking what
    # a document is about: 跨境 of 跨境商品退货, 电子 of 电子合同; not the thing itself, 保护 of "未成年人保护", which
    # 《广告法》's "不得利用不满十周岁的未成年人作为广告代言人" does not say, nor 商品 of "商品质量", which no title says, and
    # 《产品质量法》 says of few of its rules)
    first = min(t.whole, key=t.topic.find)
    # (nor a party, whose other names every document says: 客户 of "客户信息", said 用户 by a rule of 个人信息保护法)
    marking = [first] if t.topic.find(first) == 0 and not _RULE_KIND.match(first) and not CUSTOMER.fullmatch(first) \
        and any(t.says(first, normed[ids[0]][1]) for ids in docs.values()) else []
    if not marking:
        return {}
    out: dict[str, list[str]] = {}
    for d, ids in docs.items():
        heads = normed[ids[0]][1] + "".join(dict.fromkeys(normed[i][2] for i in ids))
        out[d] = [w for w in marking if not t.says(w, heads)
                  and sum(t.says(w, normed[i][0]) for i in ids) < HELD_SHARE * len(ids)]
    return out


HELD_SHARE = 0.1  # a document is about a word its title and headings do not say where this share of its clauses say it


FEW_ON_BOTH = 3  # a topic of two things is read as on either where fewer duties than this are on both


TITLED_SHARE = 0.25  # at most this share of the documents (or one) may be on a topic by their titles


def _titled(t: _Topic, clauses: list[Clause]) -> dict[str, tuple[float, frozenset[str]]]:
    """The documents whose titles name the whole topic ("跨境商品" of 《…跨境商品进口与清关管理规定》), with how much of it
    and the headings whose clauses are on another thing the title names (_off_headings): their other rules are all on it,
    whatever words each uses ("订购人应当与支付人为同一人"). Only where few titles do: a topic that many titles name (管理,
    服务) is named by none of them in particular."""
    titles = {c.document for c in clauses}
    # (by its own words, a synonym completing them and never starting them: "客服制度" is no topic of all 《电子商务与客户服务
    # 管理制度》 says, by 客户服务 for 客服 and the kind 制度, review; "用户个人信息保护" is of 《…用户数据与隐私保护管理办法》,
    # by 用户 and 保护 and 隐私 for 个人信息, whose duties that say none of them, "支付信息应当加密存储", were left out, probe P36)
    # (of a thing's handling, where no title names it, a title of rules on the thing does: "不合格商品下架与召回操作细则" for
    # "不合格商品处置", whose 下架 and 召回 rules blind probe P109 left out, 11 of 20)
    named = {d: cov for d in titles if (cov := t.coverage(d)) >= 0.999} or {
        d: cov for d in titles
        if t.handling and _OF_RULES.search(d) and (cov := t.coverage(d + " " + t.handling)) >= 0.999}
    heads: dict[str, set[str]] = {d: set() for d in named}  # (the headings of each, read in one pass)
    for c in clauses:
        if c.document in heads:
            heads[c.document].update(_headings(c))
    named = {d: (cov, off) for d, cov in named.items() if not _told_apart(t, d, heads[d])
             and not ((off := _off_headings(t, d, heads[d])) and _one_part_names_it(t, d))}
    return named if len(named) <= max(1, int(len(titles) * TITLED_SHARE)) else {}


def _told_apart(t: _Topic, title: str, headings: set[str]) -> bool:
    """Does a document whose title names the topic tell things apart by its headings, so that its clauses are on the
    topic by their own words and headings, not all by the title? Where its title names another thing beside the topic,
    of which a part is on it, and a heading names the topic or the other thing ("四、优惠券管理" of 《会员积分与优惠券管理
    办法》, whose 积分 rules were items of "优惠券管理", probe P18; "三、发票管理" of 《直播订单售后与发票管理细则》, whose invoice
    rules were half of probe P20's "直播订单退款与售后"); where a heading says a word of the topic the title does not, the
    title naming one of two things the topic does ("第四章 申诉与复核" of 《商品评价与内容审核规范》 for "评价审核与申诉处理";
    probe P22 listed all 29 duties of its chapters on publishing, content and sanctions). (A heading on what one of the
    title's two things says beside the topic's words sets apart only the clauses under it: _off_headings.)"""
    parts = _title_parts(title)
    # (of a thing's handling, where one of the title's things is the thing with a handling of it, "不合格商品下架" of
    # "不合格商品下架与召回操作细则" for "不合格商品处置", the other is another handling of it, 召回: P109 listed none of its
    # 下架 and 召回 duties)
    # (a part that names a word of the topic only is another thing, where one names all of it: "商品保质期" of "商品保质期及
    # 临期商品管理规定" for "临期商品", whose chapters on 入库与存储 blind probe P113 listed, precision 9 of 21)
    cov = {p: t.coverage(p, completed=False) for p in parts}
    whole = any(c >= 0.999 for c in cov.values())
    off = [p for p in parts if len(p) >= 2 and (not cov[p] or whole and cov[p] < 0.999)] \
        if len(parts) >= 2 and not any(_handled_thing(t, p) for p in parts) else []
    # (a title whose parts name the topic's words, none of them the whole topic nor all in its order, where a heading
    # names it whole: "第三部分 取消续费办理" of 《客服中心自动续费咨询与取消办理工作指引》 for "取消续费", whose rules on
    # disputes, quality checks and wording blind probe P126 listed too, precision 15 of 29; not 《员工借款及核销管理细则》
    # of "借款核销", whose "3 借款核销" left out P116's "实习生及外包人员不得向公司借款")
    at = [norm(title).find(w) for w in t.whole]
    split = len(parts) >= 2 and not whole and not any(_handled_thing(t, p) for p in parts) and at != sorted(at)
    return any(off and (t.coverage(h, completed=False) >= 0.999 or _names_part(h, off))
               or split and t.coverage(h, completed=False) >= 0.999
               or any(t._has(w, norm(h)) and not t._has(w, norm(title)) for w in t.whole if w != t.handling)
               for h in headings)  # (a heading's 处置 is one handling of those the title names: "3 库存封存与处置", P109)


_OF_RULES = re.compile(r"(?:细则|办法|规定|规范|制度|守则|规则|规程|标准)$")


def _handled_thing(t: _Topic, part: str) -> bool:
    """Is a title's part the thing whose handling the topic names, with a handling of its own ("不合格商品下架" for
    "不合格商品处置")?"""
    if not t.handling:
        return False
    things = [w for w in t.whole if w != t.handling]
    rest = norm(part)
    for w in things:
        rest = rest.replace(w, "")
    # (not one that says the handling itself of another thing beside: "售后投诉处理细则" of "佣金结算与售后投诉处理细则" for
    # "售后处理", whose 佣金结算 is a thing of its own; probe P73)
    return bool(things) and all(t._has(w, norm(part)) for w in things) and len(rest) >= 2 \
        and not t._has(t.handling, rest)


def _title_parts(title: str) -> list[str]:
    """The things a title names ("临期商品与问题商品召回处置管理规定" → 临期商品, 问题商品召回处置管理规定)."""
    return _BOTH.split(title.replace("共和国", ""))


def _one_part_names_it(t: _Topic, title: str) -> bool:
    """Does one of a title's two things name the whole topic ("问题商品召回" of 《临期商品与问题商品召回处置管理规定》 for
    "商品召回")? Then a heading on the other thing tells the two apart in the whole document: its clauses on 临期 stand
    under neutral chapters too (probe P53)."""
    parts = _title_parts(title)
    return len(parts) >= 2 and any(t.coverage(p, completed=False) >= 0.999 for p in parts)


def _off_headings(t: _Topic, title: str, headings: set[str]) -> frozenset[str]:
    """The headings of a document whose title names the topic that say what one of the title's two things says beside the
    topic's words (异常 of 物流异常, in "三、异常登记与跟进" of 《物流异常与理赔处理细则》 for "物流理赔"; probe P22 listed its
    异常 rules, 15 of 27 items): the clauses under them are on the other thing, the others on the topic by the title ("五、
    宠物食品及用品退换货" of 《…活体宠物到家售后与包赔规则》 for "活体到家包赔", whose other chapters' duties, "商家应当在收到
    申请后24小时内作出响应", say none of its words; probe P62 listed 5 of 24)."""
    parts = _title_parts(title)
    rest = _rest_words(parts, t) if len(parts) >= 2 else []
    return frozenset(h for h in headings if any(w in _bare(h) for w in rest))


# the words a title names its kind of rule by, no thing it is about
_RULE_KIND = re.compile(r"^(?:管理|处理|细则|办法|规定|规范|制度|守则|规则|条例|标准|实施|暂行|试行|工作)$")


def _rest_words(parts: list[str], t: _Topic) -> list[str]:
    """The words of a title's things, each partly on the topic, that are not the topic's (异常 of 物流异常 for 物流理赔)."""
    from ingest.tokenize import words

    # (not of a thing that names one of the topic's two whole: 跨境订单 of "跨境订单物流时效" names which 物流时效, of "物流时效
    # 与配送"; probe P34 listed 6 of 15 duties of 《跨境订单物流时效与配送服务标准》, its "五、异常订单处理" a heading of 订单)
    # (nor whose it is: 游客 of "栖游网游客个人信息" for "个人信息保护", whose chapter "第五章 游客权利响应" told the title
    # apart, and probe P63 listed 1 of 29 duties)
    # (nor of the thing whose handling the topic names, said with a handling of its own: 下架 of "不合格商品下架" for "不合格
    # 商品处置", P109)
    return [w for p in parts if 0 < t.coverage(p, completed=False) < 0.999
            and not any(q.coverage(p, completed=False) >= 0.999 for q in t.parts)
            and not _handled_thing(t, p) for w in words(norm(p))
            if len(w) >= 2 and not _RULE_KIND.match(w) and not any(w in o or o in w for o in t.weights) and w not in PEOPLE]


# (a clause's number, or a part's: 第二章, 一百、, （十二）)
_HEADING_NUMBER = re.compile(rf"^\s*(?:第[{CN_NUM}\d]+(?:章|节|部分|编)|[{CN_NUM}]+、|[（(][{CN_NUM}\d]+[)）]|{CLAUSE_MARKER})\s*")


def _bare(heading: str) -> str:
    """A heading's words, its number aside ("三、发票管理" → 发票管理, "5 申诉" → 申诉)."""
    return norm(_HEADING_NUMBER.sub("", heading))


def _names_part(heading: str, parts: list[str]) -> bool:
    """Does a heading, its number aside, name one of the parts of a title ("三、发票管理" of "…与发票管理细则")?"""
    bare = _bare(heading)
    return len(bare) >= 2 and any(bare in norm(p) for p in parts)


def _headings(clause: Clause) -> list[str]:
    """The headings a clause stands under, below its document's title: not a list's lead-in on the way ("第十九条 经营者不得
    实施下列价格欺诈行为："), which says a sentence."""
    return [h for h in clause.path[1:] if not re.search(r"[，,。；;：:]", h)]


# how a request for a checklist is worded around its topic: "给我一份售后服务的合规自查清单", "隐私保护方面的合规要求"
_COPY = r"(?:一份|一个|一张|[份张]|个(?!人))"  # "做个…清单" (not the 个 of 个人信息)
_PLEASE = r"(?:请|麻烦|劳驾)?你?"
_WHO = r"(?:帮我|给我|为我|帮忙|替我|我要|我想要|我想|我需要|能不能|能否|可不可以|可以)+"  # "能不能给我…", "我想看看…"
_LONG_VERB = r"(?:生成|起草|拟定|列出|整理|制作|编制|查看|提供)"
_SHORT_VERB = r"(?:看看|做|写|出|拟|列|查|看|找|来|发)"  # only before 一下 or 一份 (出口管理, 发票, 查验制度 are topics)
_ONCE = r"(?:一下|下)?"
_ASKING_FOR = re.compile(rf"^{_PLEASE}(?:{_WHO}{_PLEASE}(?:{_LONG_VERB}|{_SHORT_VERB})?{_ONCE}"
                         rf"|{_LONG_VERB}{_ONCE}|{_SHORT_VERB}(?:一下(?:{_COPY})?|(?={_COPY})))"
                         rf"{_COPY}?(?:关于)?|^(?:一份|一张)?(?:关于)?")
_LIST_ASKED = re.compile(r"(?:方面)?的?(?:(?:合规)?(?:自查|检查|核查)?(?:清单|列表|检查表|自查表|checklist)|(?:方面的?|的?合规)要求)$",
                         re.IGNORECASE)


def topic_of(request: str) -> str:
    """The topic a request for a checklist names: "给我一份售后服务的合规自查清单" → 售后服务, "关于退换货" → 退换货; a
    topic that names the duties it is about ("平台对平台内经营者的管理义务") is kept whole."""
    t = re.sub(r"[。？?！!]+$", "", request.strip())
    t = _LIST_ASKED.sub("", _ASKING_FOR.sub("", t, count=1)).strip(" 的")
    # "广告合规": 合规 is what a checklist is for, no word of its topic (its clauses were the ones that say 合法合规)
    t = re.sub(r"(?<=..)的?合规(?:性|管理|审查)?$", "", t)
    return t or request.strip()


# an enterprise type of DB33/T 932 named in the topic: "交易型企业的售后服务", "第三方平台型电商售后服务"
_SCOPE_NAMED = re.compile(r"(?:面向|针对)?(" + "|".join(SCOPES) + r")(?:电子商务|电商)?(?:企业|公司)?的?")


def scope_named(topic: str) -> tuple[str | None, str]:
    """The enterprise type a topic names, and the topic without it: "交易型企业的售后服务" → (交易型, 售后服务)."""
    m = _SCOPE_NAMED.search(topic)
    if m is None:
        return None, topic
    rest = (topic[:m.start()] + topic[m.end():]).strip(" 的")
    return (m.group(1), rest) if rest else (None, topic)


_CHECKING = re.compile(r"合规|自查|检查|核查|checklist", re.IGNORECASE)


# who the asker is, said beside the request: "我们是第三方平台，…", "…自查清单（交易型）", "…清单，支撑服务型企业"
_SCOPE_WORD = r"(交易型|第三方平台型?|支撑服务型?)"  # an enterprise type as staff say it ("第三方平台" without 型)
_SCOPE_SAID = re.compile(_SCOPE_WORD)
# what the asker says it is, not where it sells: "我们是第三方平台", "作为交易型企业" (not "我们在第三方平台上开店",
# "我们不是第三方平台")
_SELF_SAID = re.compile(rf"^(?:我们|我司|本公司|我方|公司)?(?:是|属于|作为)(?:一家|一个)?[^不在非]{{0,6}}?{_SCOPE_WORD}"
                        rf"|^{_SCOPE_WORD}(?:电子商务|电商)?(?:企业|公司)?$")
_ASIDE = re.compile(r"[（(]([^（()）]{1,20})[)）]")
# an enterprise type named as whom a question is about: "交易型电商企业需要…", "对第三方平台企业的…要求" (not "我们不是…")
_TYPE_NAMED = re.compile(rf"{_SCOPE_WORD}(?:电子商务|电商)?(?:企业|公司)")
_NOT_TYPE = re.compile(r"(?:不是|不属于|并非|非|不算|不再是|不再属于)[^，,]{0,6}$")  # "我们不属于第三方平台企业"


def _scope_said(word: str) -> str:
    """The enterprise type staff name in short ("第三方平台" → 第三方平台型)."""
    return next(x for x in SCOPES if x.startswith(word))


# what the asker says it does, in everyday words, as DB33/T 932 tells the types apart (2.5, 3.1-3.3): selling its own goods,
# on its own site or on a platform, is 交易型 ("我们自己开网店卖货，…" was answered by 5.2.2.2, the platforms' rule, before
# 5.2.1.2; held-out probe); running the platform others sell on is 第三方平台型; serving e-commerce businesses
# (代运营, 物流仓储, 支付, 培训咨询, 软件技术) is 支撑服务型
_WE = r"^(?:我们|我司|咱们|本公司|我方|我们公司)(?:公司)?(?:自己|就)?"
_DOES = [
    ("交易型", re.compile(_WE + r"(?:在[^，,。；;]{1,10}?上?)?(?:开|做|经营|运营)(?:了|着)?(?:一家|一个|个)?(?:自己的)?"
                              r"(?:网店|店铺|网上商店|淘宝店|天猫店|京东店|旗舰店|专卖店|自营店|店(?![长员]))"
                              r"|" + _WE + r"(?:在[^，,。；;]{1,10}?上?)?(?:网上|线上)?卖(?:货|东西|自己的|产品|商品)"
                              r"|" + _WE + r"(?:是|做|搞)自营")),
    ("第三方平台型", re.compile(_WE + r"(?:是做|是|做|运营|搭建|开)(?:了)?(?:一个|一家)?(?:电商|购物|交易|网购)?平台(?![上里内])")),
    ("支撑服务型", re.compile(_WE + r"(?:是|做|提供|搞)(?:一家|一个)?(?:做)?(?:代运营|仓储物流|物流仓储|网店代运营|电商代运营|"
                               r"培训咨询|支付服务|第三方支付|软件开发|网站建设|信用认证)")),
]


def scope_by_doing(question: str) -> str | None:
    """The enterprise type the asker says it is by what it does ("我们自己开网店卖货" → 交易型), or None."""
    for p in re.split(r"[，,；;。？?！!]", question or ""):
        does = {scope for scope, said in _DOES if said.search(p.strip())}
        if len(does) == 1:
            return does.pop()
    return None


def names_a_type(text: str) -> bool:
    """Does the text name an enterprise type in words ("第三方平台", "交易型"), not only by what the asker does?"""
    return bool(_SCOPE_SAID.search(text or ""))


def asked_scope(question: str) -> tuple[str | None, bool]:
    """The enterprise type a question is asked for, and whether the asker says it of itself: the one the asker says it is
    ("我们是第三方平台，…", "作为交易型企业，…"), or does ("我们自己开网店卖货"; "我们在第三方平台上开店" sells there, 交易型,
    no platform), or names as whom it asks about ("支撑服务型企业要做哪些事？"); None where it names none."""
    phrases = re.split(r"[，,；;。？?！!]", question or "")
    for p in phrases:  # what the asker says it is, whatever else it names ("我们是交易型企业，也在第三方平台上开店")
        m = _SELF_SAID.search(p.strip())
        if m:
            return _scope_said(next(g for g in m.groups() if g)), True
    does = scope_by_doing(question)
    if does is not None:
        return does, True
    named = {_scope_said(m.group(1)) for m in _SCOPE_SAID.finditer(question or "")}
    if len(named) != 1:  # none, or several compared ("交易型企业和第三方平台企业…有什么区别？")
        return None, False
    for p in phrases:
        m = _TYPE_NAMED.search(p)
        if m and not _NOT_TYPE.search(p[:m.start()]):
            return named.pop(), False
    return None, False


def checklist_request(text: str) -> str | None:
    """The topic, where a message asks for a checklist rather than asks a question: "给我一份售后服务的合规自查清单",
    "退换货自查表", "列出商家入驻的合规要求" → the topic; "商品清单需要包含哪些内容？", "售后服务方面的要求" (a question
    about them) and "负面清单" (a thing documents name, no request) → None. The request is the phrase that asks for the
    list; the enterprise type the others say the asker is goes with the topic ("我们是第三方平台，帮我出一份退换货自查
    清单" → 第三方平台型企业的退换货: its topic read "我们是第三方平台，帮我出一份退换货")."""
    t = re.sub(r"[。？?！!]+$", "", (text or "").strip())
    asides = _ASIDE.findall(t)
    phrases = [x.strip() for x in re.split(r"[，,；;。？?！!]", _ASIDE.sub("", t)) if x.strip()]
    at = next((i for i in range(len(phrases) - 1, -1, -1) if _LIST_ASKED.search(phrases[i])), None)
    t = phrases[at] if at is not None else t
    asked = _ASKING_FOR.match(t)
    listed = _LIST_ASKED.search(t, asked.end())
    if listed is None or not (asked.group() not in ("", "关于") or _CHECKING.search(listed.group())):
        return None
    topic = topic_of(t)
    if topic == t and at and _ASKING_FOR.match(t).group():  # "售后服务，给我一份自查清单": the topic said before the request
        topic = phrases[at - 1]
    elif topic == t or not 0 < len(topic) <= 50:
        return None
    said = [m.group(1) for m in map(_SCOPE_SAID.search, asides) if m]
    said += [m.group(1) or m.group(2) for i, p in enumerate(phrases) if i != at for m in [_SELF_SAID.search(p)] if m]
    # (or what it says it does: "我们自己开网店卖货，帮我出一份售后服务自查清单" is 交易型's)
    said += [does for i, p in enumerate(phrases) if i != at and (does := scope_by_doing(p))]
    if said and scope_named(topic)[0] is None:
        scope = _scope_said(said[0])
        return f"{scope}企业的{topic}"
    return topic


# after a checklist, "那退换货呢？" asks for another topic's (not "那退货要多久呢？", a question)
_FOLLOW_UP = re.compile(r"^(?:那|那么|还有|另外)(?P<topic>(?:(?!多久|多少|多长|怎|什么|哪|几|吗|是否|能不能|要不要|可不可以|有没有)"
                        r"[^，,。？?！!]){2,20}?)(?:方面)?的?呢[？?]?$")


def checklist_follow_up(message: str, previous: str) -> str | None:
    """The topic a short follow-up asks a checklist for, after the request ``previous``: "那隐私保护呢？" after
    "交易型企业的售后服务自查清单" → 交易型企业的隐私保护 (the same enterprise type); "那第三方平台型企业呢？" →
    第三方平台型企业的售后服务 (the same topic); None after a question, or for a question ("那退货要多久呢？")."""
    m = _FOLLOW_UP.match((message or "").strip())
    before = checklist_request(previous or "")
    if m is None or before is None:
        return None
    asked = m.group("topic")
    if scope_named(asked)[0]:  # a topic with its enterprise type
        return asked
    named, rest = scope_named(before)
    if any(x in asked for x in SCOPES):  # only an enterprise type
        return f"{asked}的{rest}"
    return f"{named}企业的{asked}" if named else asked


def _goes_on(ob: _Obligation, on_topic: list[_Obligation], document: str, clauses: list[Clause],
             normed: dict[str, tuple[str, str, str]], used: dict[tuple[str, str], tuple[int, int]]) -> bool:
    """Does a duty of a clause go on about what the clause's duties on the topic speak of, by a word they say that is
    its document's own (used more in it than in all the others: 团长, 报名 of a 拼团 rule), not a party, a modal or a
    word any rule uses ("商家应当每月按时缴纳平台技术服务费" beside "商家…应当在直播前公示活动规则"; 按时, 及时, 进行)?
    ``used`` keeps each word's counts for the checklist (a word read once over a large knowledge base)."""
    said = {w for o in on_topic for w in _own_words(o.sentence)}
    for w in _own_words(ob.sentence):
        if w in said:
            if (document, w) not in used:
                here = every = 0
                for c in clauses:
                    if w in normed[c.id][0]:
                        every += 1
                        here += c.document == document
                used[(document, w)] = (here, every)
            here, every = used[(document, w)]
            if here * 2 > every:
                return True
    return False


_ALSO = re.compile(r"(?<![合退归偿送交返奉兼吞])(?:还|也|同时|并|亦)(?:应当|应该|应|须|必须|需|不得)")  # a duty that adds to the one
# before it (not 合并 / 退还 / 归还 …: "…予以合并应当…")


def _continues(ob: _Obligation, on_topic: list[_Obligation], obs: list[_Obligation] | None = None) -> bool:
    """Does a duty go on, after a semicolon, from a duty on the topic right before it, naming no party of its own:
    the same party's duty, on the same matter ("电话客服应当在振铃3声内接听；全天接通率不得低于95%", "客服不得…承诺赔偿
    金额；单笔补偿超过200元的，须经组长审批"), not another party's ("…应当在直播前公示活动规则；商家应当每月按时缴纳平台
    技术服务费", "…；仓储部门应当每日盘点库存"), nor one going on from another party's ("…；商家应当按时缴纳技术服务费；逾期
    不得超过十日")? ``obs``: the clause's duties, where one after a semicolon may go on from one that goes on itself."""
    text = ob.clause.text
    at = text.find(ob.sentence)
    subject = _subject(ob.sentence)
    if at <= 0 or BUSINESS.search(subject) or CUSTOMER.search(subject) or _ROLE.search(subject) or REGULATOR.search(subject) \
            or _BY_PARTY.search(ob.sentence):
        return False
    before = text[:at].rstrip()
    if not before.endswith(("；", ";")):
        return False
    part = re.split(r"[。！？!?\n；;]", before[:-1])[-1]  # the phrase right before the semicolon, not any in the sentence
    if not part.strip():
        return False
    for o in obs or on_topic:
        if o is not ob and o.clause is ob.clause and o.sentence.strip("；;。 ") and o.sentence.strip("；;。 ") in part:
            return o in on_topic or (obs is not None and _continues(o, on_topic, obs))
    return False


# words any rule uses, which bind no duty to another: how, when and how much ("按时", "及时", "每月"), doing ("进行")
_ANY_RULES_WORD = re.compile(r"按时|及时|准时|小时|每[日天周月年]|任何|进行|相关|有关|规定|要求|情况|工作|方式|必要|合理|"
                             r"符合|按照|依照|根据|以上|以下|以内|之日|期间|内容|事项|其他|所有|全部|相应|时间|及其|或者|并且")


def _own_words(sentence: str) -> set[str]:
    return {w for w in tokenize(sentence) if len(w) >= 2 and not re.search(r"\d", w) and not _MODAL.search(w)
            and not BUSINESS.fullmatch(w) and not CUSTOMER.fullmatch(w) and not _ANY_RULES_WORD.fullmatch(w)}


def _case_before(ob: _Obligation) -> str:
    """The case its sentence opens with, before an obligation later in it: the case that duty is for too ("直播间开展抽奖、
    发放优惠券等活动的，应当在直播开始前公示活动规则；抽奖结果应当在抽奖结束后24小时内公示" puts the 抽奖 result's duty on a
    直播带货 list with the rules')."""
    text = ob.clause.text
    at = text.find(ob.sentence)
    if at <= 0 or LIABILITY.search(ob.sentence):  # (a liability for the duty before it: "…；未采取必要措施的，…承担连带责任")
        return ""
    if BUSINESS.search(_subject(ob.sentence)):  # a duty that names its party is one of its own ("…公示活动规则；商家应当
        return ""  # 每月按时缴纳平台技术服务费" is no 直播 duty; nor, by its words alone, is "…；商家应当留存报关单据" one of
    # the case before it)
    m = _LEADING_CONDITION.match(re.split(r"[。！？!?\n]", text[:at])[-1].lstrip())
    return m.group() if m else ""


def _carried_case(ob: _Obligation) -> str:
    """The case the sentence its duty goes on from after a semicolon opens with, where the duty has no case of its own
    and names no other party ("…的，经营者应当…；…，经营者应当…": the same case; not "…的，主播应当…；商家应当…")."""
    text = ob.clause.text
    at = text.find(ob.sentence)
    before = text[:at].rstrip() if at > 0 else ""
    if not before.endswith(("；", ";")) or _LEADING_CONDITION.match(ob.sentence) or LIABILITY.search(ob.sentence):
        return ""
    sentence = _MARKER.sub("", re.split(r"[。！？!?\n]", before[:-1])[-1].lstrip())
    m = _LEADING_CONDITION.match(sentence)
    if not m:
        return ""
    # a duty that names its party goes on under the case only where it is said as the one before it was ("自商品交付之日起
    # 七日内，经营者应当…；自商品交付之日起十五日内，经营者应当…"), not a rule of its own ("员工出差的，应当…；员工应当妥善
    # 保管公司配发的办公设备"; review)
    if _subject(ob.sentence).strip("，, "):
        first = sentence[m.end():].lstrip("，, ")
        return m.group() if len(first) >= 4 and first[:4] == ob.sentence[:4] else ""
    return m.group()


def _with_exceptions(ob: _Obligation) -> str:
    """An obligation's sentence with the exceptions that follow it, which are about the same duty: "…交付商品…，并承担
    商品运输中的风险和责任。但是，消费者另行选择快递物流服务提供者的除外。" is a duty of a "快递" list."""
    text = ob.clause.text
    at = text.find(ob.sentence)
    if at < 0:
        return ob.sentence
    out = ob.sentence
    for x in _sentences(text[at + len(ob.sentence):]):
        if not ("除外" in x or x.startswith("但")):
            break
        out += x
    return out


def _opening(parent: Clause, retriever: Retriever) -> str:
    """What a clause's parent says of its subject, in comparison form: its first sentence and, where it opens a list, its
    lead-in; for an article cut at its 款 (a group), what its first 款 says so. "快递经营者应当…验视" is what the later
    款 of 第二十二条 are about, but a "发票" list is not about the repair duties of an article whose second 款 says
    "发票价格" (16 → 10 items on the e-commerce laws), nor a "知识产权" list about the duties under DB33/T 932 5.2.1,
    whose last sentence is "建立健全知识产权内部审查机制" (12 of its 13 items on the seed were)."""
    if parent.role == "group":
        parent = next(iter(retriever.children.get(parent.id) or ()), parent)
    return _said_of_subject(parent.text)


@lru_cache(maxsize=65536)  # every clause of a list reads its parent's
def _said_of_subject(text: str) -> str:
    sentences = _whole_sentences(text)
    if len(sentences) <= 1:
        return norm(text)
    lead = sentences[-1] if sentences[-1].endswith(("：", ":")) else ""
    return norm(sentences[0] + lead)


def _same_bearer(a: _Obligation, b: _Obligation) -> bool:
    """Items of two lists are one duty only where their lead-ins bind the same party or thing: "利用广告代言人作推荐、
    证明" is forbidden to 医疗、药品、医疗器械广告 (广告法 第十六条) and to 保健食品广告 (第十八条), two duties."""
    if not (a.lead_words and b.lead_words):
        return True
    x, y = (_subject(o.lead_words) for o in (a, b))
    return not x or not y or x == y  # (a ban on every advert is not worded as the ban on medical ones)


def _siblings(a: Clause, b: Clause) -> bool:
    """Are the clauses two items of one list (each a thing of its own)?"""
    return a.id != b.id and a.parent_id is not None and a.parent_id == b.parent_id and bool(
        _ITEM.match(a.text) and _ITEM.match(b.text))


def _merge(found: list[_Obligation], embedder=None, threshold: float = 1.01) -> list[ChecklistItem]:
    """One item per duty: obligations that share most of their words, or whose sentence vectors
    are at least ``threshold`` similar, are one item with all their citations."""
    import numpy as np

    vec = {}
    if embedder is not None and threshold <= 1.0 and found:
        from ingest.embed import embed_sorted

        texts = list(dict.fromkeys(o.sentence for o in found))
        for t, v in zip(texts, embed_sorted(embedder, texts)):
            vec[t] = v / (np.linalg.norm(v) or 1.0)

    def same(a: str, b: str) -> bool:
        if same_duty(a, b):
            return True
        return a in vec and b in vec and float(vec[a] @ vec[b]) >= threshold

    groups: list[list[_Obligation]] = []
    for o in found:
        for g in groups:
            # (a table's rows are each their own, however alike their words: "手机——包退期：7日…", "电视机——包退期：7日…";
            # so are two tables' rows alike, "手机——期限：7日" of a 退货 and of a 换货 table)
            # (nor are two items of one list: "（一）寄件人姓名、地址、联系电话" and "（二）收件人姓名、地址、联系电话" were one
            # item that never said 收件人; held-out checklist probe)
            if g[0].kind == o.kind and any(same(o.sentence, x.sentence) and _same_bearer(o, x)
                                           and not (o.row and x.row and (o.sentence, o.lead_words)
                                                    != (x.sentence, x.lead_words))
                                           and not _siblings(o.clause, x.clause) for x in g):
                if all(x.clause.id != o.clause.id for x in g) or all(x.sentence != o.sentence for x in g):
                    g.append(o)
                break
        else:
            groups.append([o])
    items, lists = [], []  # (the list each item is of, by its lead-in's id)
    for g in groups:
        g.sort(key=lambda o: (authority(o.clause.document), o.clause.seq))
        lead = g[0]
        cites, seen = [], set()
        for o in g:
            for c in (o.lead_in, o.clause, *o.parts):
                if c is not None and c.id not in seen:
                    seen.add(c.id)
                    cites.append(ItemCitation(c.id, c.document, c.label, c.text))
        if lead.listed:  # what the duty must say keeps its words: "（四）法律、行政法规规定应当告知的其他事项"
            text = item_text(lead.sentence[:-len(lead.listed)], lead.kind, lead.heading) + lead.listed
        elif lead.row:  # a table's row under its lead-in ("消费者的赔付按照下表执行，是否符合：整件丢失——赔付方式：…")
            head = item_text(lead.lead_words, lead.kind) if any(_modals(lead.lead_words)) \
                else lead.lead_words.rstrip("：: 。.；;") + "，是否符合"  # ("…赔付方式见下表。" → "…见下表，是否符合")
            text = head.rstrip("：: ") + "：" + lead.sentence
        elif lead.lead_words:  # a list item is checked under its lead-in's duty, not as a rule for everything:
            # "医疗、药品、医疗器械广告是否杜绝含有下列内容：利用广告代言人作推荐、证明" (not "是否杜绝利用广告代言人…")
            # (a standard's "——" list under an instruction and a later rule: "是否建立明确、详实的交易和服务规则，…相关规则
            # 调整时，是否按照有关法规进行公示和备案，包括：营业执照…", both checked; see item_text)
            head = item_text(lead.lead_words, lead.kind)
            text = head.rstrip("：: ") + "：" + _MARKER.sub("", lead.sentence).lstrip("-—— ")
        else:
            # (the case a sentence before it opens with, which its duty after a semicolon is for too: "三包的商品不符合质量
            # 要求的，自…七日内，经营者应当…退货、更换或者修理；自…十五日内，经营者应当…更换或者修理" was "自…十五日内，经营者
            # 是否…更换或者修理", for every product)
            case = _carried_case(lead)
            text = (case + "，" if case else "") + item_text(lead.sentence, lead.kind, lead.heading)
        scopes = tuple(x for x in SCOPES if any(o.scope == x for o in g)) if all(o.scope for o in g) else ()
        scopes = () if len(scopes) == len(SCOPES) else scopes  # (for every type: for any)
        # the items of one list under the sub-theme their lead-in names, where it names one ("经营者不得实施下列价格欺诈
        # 行为：" — its items were filed under 价格与收费, 制度与机制 and 其他要求 by their own words; held-out probe)
        group = theme_of(lead.lead_words, weak=False) if lead.lead_words else "其他要求"
        group = theme_of(lead.sentence) if group == "其他要求" else group
        items.append(ChecklistItem(text, lead.kind, group, tuple(cites),
                                   tuple(dict.fromkeys(o.sentence for o in g)), scopes=scopes))
        lists.append(lead.lead_in.id if lead.lead_in is not None else None)  # (a list under a lead-in, not a heading's items)
    # the items of a list of things under one sub-theme: the one half of them or more are filed under, else their lead-in's
    # (its lead-in naming none: "下列商品禁止上架：" had its items under 知识产权, 时限与响应 and 其他要求; held-out checklist
    # probe); a list of acts ("应当做到下列事项：（一）在24小时内发货；（二）建立售后服务制度") goes by each one's
    for key in {k for k in lists if k is not None and lists.count(k) > 1}:
        at = [i for i, k in enumerate(lists) if k == key]
        if sum(bool(_THING_NAMED.match(_MARKER.sub("", groups[i][0].sentence))) for i in at) * 2 < len(at):
            continue
        named = [items[i].group for i in at]
        group = max(dict.fromkeys(named), key=named.count)
        if named.count(group) * 2 < len(at):
            group = theme_of(groups[at[0]][0].lead_in.text)
        for i in at:
            items[i] = replace(items[i], group=group)
    order: dict[str, int] = {}
    for name, _ in THEMES:
        order.setdefault(name, len(order))
    items.sort(key=lambda i: (order.get(i.group, len(order)), authority(i.citations[0].document)))
    return items
