"""What kind of provision a clause is, where that decides what it answers: a penalty provision restates a duty
stated elsewhere, so it answers a question about sanctions or consequences, not one about the duty."""

from __future__ import annotations

import re

from ingest.clean import SENTENCE
from ingest.records import Clause
from ingest.segment import cn_to_int

from .checklist import BUSINESS, NOT_TO_BE, SANCTIONED_LIST_LEAD, _modals, _regulator, _regulators, _sanction, authority
from .support import LIST_MARKER, evidence

# (and a company's: points or pay deducted, "卖假货一次扣几分？")
# (not a discount or a payroll's: "优惠券能抵扣多少钱？", "下单会扣积分吗？", "工资里社保扣多少钱？")
_DEDUCTED = r"(?<![抵代预折税])(?<!社保)(?<!佣金)(?<!公积金)扣(?:了|掉|除)?(?:几|多少|哪些)?(?:个)?(?:分(?!钟)|钱|工资|绩效|奖金|保证金)"
ASKS_SANCTION = re.compile(r"罚|赔|处分|责任|判刑|判处|坐牢|拘留|定罪|刑事|" + _DEDUCTED)
# a question about what follows a breach: a penalty provision answers it
ASKS_CONSEQUENCE = re.compile(ASKS_SANCTION.pattern + r"|后果|追究|处理|处置|怎么办|会怎|违反|违规|吊销")
# a question about the sanction a breach draws ("搭售默认勾选会有什么处罚？", "…要承担什么法律责任？"), not about
# compensation ("能找平台赔吗") nor whether a duty is someone's ("平台有责任防吗")
ASKS_PENALTY = re.compile(r"罚|处分|(?:什么|哪些)(?:法律)?责任|法律责任|后果|追究|吊销|会怎(?:么|样)(?!做|办|处理)|" + _DEDUCTED)

# a question whether an act is allowed ("平台能不能把会员的手机号卖给合作方？", "上班时间打游戏，公司管不管？"): a rule that
# forbids or permits the act answers it, not a clause that shares its words (营销, 上班时间) and says neither
ASKS_PERMISSION = re.compile(r"能不能|可不可以|可以.{0,12}吗|允许|行不行|行吗|管不管|能否|是否可以|可否|能.{0,10}吗|让不让|准不准|"
                             # (whether an act is in the clear: "这样做有问题吗", "这样操作有风险吗", "算不算违规")
                             r"有(?:没有)?(?:问题|风险)吗|有没有(?:问题|风险)|合规吗|合法吗|违法吗|违规吗|算不算(?:违规|违法)")
# (仅可 / 不可 / 只能 too: "每笔订单仅可使用一张店铺券，不可叠加使用"; not 不可抗力, 不可避免, 不可能, 不可预见 …)
FORBIDS_OR_PERMITS = re.compile(r"不得|禁止|严禁|不准|不允许|" + NOT_TO_BE + r"|不能|可以|允许|有权|仅可|仅限|只能|只可|方可|不予|"
                                # what a business offers or does not: "支持七日无理由退货", "不提供直播打赏" (not 鼓励和支持,
                                # 应予支持, 资金支持)
                                r"不(?:提供|支持|接受|受理|办理)|支持[^，,。；;]{0,6}(?:退|换|无理由|货到付款|开具|分期)")


def states_rule(clause: Clause, parent: Clause | None) -> bool:
    """A clause that forbids or permits, by its own words or by its list's lead-in ("经营者不得有下列行为：" for its items)."""
    lead = parent is not None and parent.text.rstrip().endswith(("：", ":"))
    # (a lead-in that says what is, or is not, done for its items rules on them: "下列情形不发放积分：" answers
    # "运费能不能算积分？", where "积分不可转让" had been put before it)
    return bool(FORBIDS_OR_PERMITS.search(clause.text)
                or lead and (FORBIDS_OR_PERMITS.search(parent.text) or _WHAT_ITEMS_ARE.search(parent.text)))


_NUMERAL = r"[零〇一二三四五六七八九十百两\d]+"
# the articles of its own text a provision names: "违反本法第十八条第一款、第十九条规定", "有本办法第五条至第十一条规定的情形"
OWN_ARTICLES = re.compile(rf"本(?:法|条例|办法|规定|细则|规则|决定)((?:第{_NUMERAL}条(?:第{_NUMERAL}款)?(?:第?[（(]?{_NUMERAL}[)）]?项)?"
                          rf"(?:至|到|、|，|,|和|及|或者|以及)?)+)")
_ARTICLE = re.compile(rf"(至|到)?第({_NUMERAL})条")


def penalty_item(clause: Clause, parent: Clause | None) -> bool:
    """An item of a list of sanctioned breaches: its lead-in says what the sanction is."""
    return parent is not None and parent.text.rstrip().endswith(("：", ":")) and bool(SANCTIONED_LIST_LEAD.search(parent.text))


def penal(clause: Clause, parent: Clause | None) -> bool:
    """A penalty provision: an item of a list of sanctioned breaches ("…有下列行为之一的，由…责令限期改正，可以处…罚款：
    （一）未在首页显著位置公示营业执照信息…的"), or an article that only sanctions ("…的，依照…的规定处罚")."""
    if penalty_item(clause, parent):
        return True
    sents = _sentences(clause.text)
    return any(_sanction(x) for x in sents) and all(_sanction(x) or not any(_modals(x)) for x in sents)


def sanctioned_articles(clause: Clause) -> set[int]:
    """The articles of its own document whose breach the clause sanctions by number: "电子商务经营者违反本法第十八条第一款
    规定提供搜索结果，或者违反本法第十九条规定搭售商品、服务…的，由市场监督管理部门责令限期改正…罚款" → {18, 19}, "经营者有
    本办法第五条至第十一条规定的情形之一，…依照《消费者权益保护法》第五十六条予以处罚" → 5…11;
    "本法第三条第二款规定的…境外的个人信息处理者，应当…" (a duty, not a sanction) → none."""
    out: set[int] = set()
    sentences = _sentences(clause.text)
    if not any(_sanction(x) for x in sentences):
        return out
    for sentence in sentences:
        for m in OWN_ARTICLES.finditer(sentence):
            if re.search(r"(?:依照|按照|依据|参照|根据)$", sentence[:m.start()]):
                continue  # the provision that says the sanction ("依照本法第八十一条第一款的规定处罚"), not the breach
            last = None
            for a in _ARTICLE.finditer(m.group(1)):
                n = cn_to_int(a.group(2))
                out.update(range(last + 1, n + 1) if a.group(1) and last is not None and last < n <= last + 50 else (n,))
                last = n
    return out


def binding_item(clause: Clause, parent: Clause | None) -> bool:
    """A list item with no modal of its own under a lead-in whose sentence has one ("广告不得有下列情形：" over "（三）使用
    “国家级”、“最高级”、“最佳”等用语"): quoted without its lead-in it reads as the opposite of the rule; and an item that
    names a case, which says nothing without what its lead-in makes of it."""
    if parent is None or not parent.text.rstrip().endswith(("：", ":")) or not LIST_MARKER.match(clause.text):
        return False
    lead = _sentences(parent.text)
    if CASE_ITEM.search(evidence(clause.text)):  # "（四）经组织调解，…明确表示无法达成调解协议的；": what follows is the lead-in's
        return True
    # (or what its lead-in says the items are: "有下列情形之一的，不属于第十九条规定的价格欺诈行为：（一）经营者有证据足以证明
    # 没有主观故意" was an answer alone, a fact with no rule)
    return bool(lead) and (any(_modals(lead[-1])) or bool(_WHAT_ITEMS_ARE.search(lead[-1]))) \
        and not any(_modals(evidence(clause.text)))


# (or what is not done for them: "下列情形不发放积分：" over "（2）运费、虚拟商品及话费充值类订单" was quoted alone, the 不 lost;
# not what they are, "以下是不合格商品的示例：", "以下为不规范用语")
_WHAT_ITEMS_ARE = re.compile(r"(?:下列|以下)[^。；;：:]{0,12}(?:之一)?的?[，,]?[^。；;：:]{0,6}(?:不属于|属于|视为|不视为|认定为|不认定为|构成|"
                             r"不构成|不予|免予|免于|从轻|减轻|(?<![是为])不(?![同得能])[\u4e00-\u9fff])")  # (not 为 / 是: "下列行为", "是否符合")


# an item that names a case only ("…的；"): "有下列情形之一的，终止调解：" says what follows from it
CASE_ITEM = re.compile(r"的\s*[；;。.]?\s*$")


def _sentences(text: str) -> list[str]:
    """The sentences of a clause's text, without words addressed to an assistant."""
    return [x.strip() for x in SENTENCE.findall(evidence(text)) if x.strip()]


# a question about the state's own organs or staff ("市场监管部门不作为怎么办？", "执法人员滥用职权会怎么处理？")
ASKS_OFFICIALS = re.compile(r"机关|政府|工作人员|官员|公务员|执法|监管部门|监管局|监督管理部门|主管部门|有关部门|行政部门|工商|税务|海关|"
                            r"公安|法院|检察|干部|渎职|滥用职权|玩忽职守|徇私舞弊|失职|12315|12345|消协|消费者协会|消保委|仲裁|监管")
_OFFICIALS = re.compile(r"国家工作人员|(?:机关|部门|政府)[^，,；;。]{0,6}工作人员")


def sanctions_officials(clause: Clause, parent: Clause | None) -> bool:
    """A penalty provision on the state's own organs or staff ("市场监督管理部门在产品质量监督抽查中超过规定的数量索取样品…
    的，由上级…责令退还；…依法给予行政处分", "国家机关不履行本法规定的个人信息保护义务的，…给予处分"): the case it sanctions
    names a regulator, with no business before it. A business's staff asks about neither ("没跟领导打招呼就直接不来了，公司会
    怎么处理？" ranked 产品质量法 第六十六条 first, on 直接 and 处理)."""
    if authority(clause.document) != 0 or not penal(clause, parent):  # (a company's 各部门 are its own)
        return False
    text = evidence(clause.text)
    cut = re.search(r"的[，,]", text)
    case = text[:cut.start()] if cut else ""
    m = _OFFICIALS.search(case) or _regulator(case[:16])
    # (not one who acts on them, whoever it is: "以暴力、威胁等方法阻碍有关行政部门工作人员依法执行职务的", "妨害监督检查部门
    # 依照本法履行职责，拒绝、阻碍调查的")
    return bool(m) and not BUSINESS.search(case[:m.start()]) and not _ACTS_ON_OFFICIALS.search(case[:m.start()])


_ACTS_ON_OFFICIALS = re.compile(r"阻碍|妨害|妨碍|阻挠|拒绝|冒充|假冒|贿赂|行贿|协助|配合|对|向|与")


def regulators_duty(clause: Clause) -> bool:
    """A law's clause whose every rule is a regulator's or a court's ("消费者向有关行政部门投诉的，该部门应当自收到投诉之日起
    七个工作日内，予以处理并告知消费者"): no duty of a business."""
    if authority(clause.document) != 0:
        return False
    rules = [x for x in _sentences(clause.text) if any(_modals(x))]
    return bool(rules) and all(_regulators(x) for x in rules)
