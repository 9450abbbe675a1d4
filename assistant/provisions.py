"""What kind of provision a clause is, where that decides what it answers: a penalty provision restates a duty
stated elsewhere, so it answers a question about sanctions or consequences, not one about the duty."""

from __future__ import annotations

import re

from ingest.clean import SENTENCE
from ingest.records import Clause
from ingest.segment import cn_to_int

from .checklist import BUSINESS, NOT_TO_BE, PERMISSION, SANCTIONED_LIST_LEAD, _modals, _regulators, _sanction, authority
from .support import LIST_MARKER, evidence

# (and a company's: points or pay deducted, "卖假货一次扣几分？")
# (not a discount or a payroll's: "优惠券能抵扣多少钱？", "下单会扣积分吗？", "工资里社保扣多少钱？")
# (or up to a count, or the pay named before: "一年里扣到多少分会被取消认证？", "绩效奖金要扣多少？"; blind probes P81, P110)
_DEDUCTED = r"(?<![抵代预折税])(?<!社保)(?<!佣金)(?<!公积金)扣(?:了|掉|除|到|满)?(?:几|多少|哪些)?(?:个)?(?:分(?!钟)|钱|工资|绩效|奖金|保证金)|" \
    r"(?:工资|绩效|奖金|保证金)(?:要|会|得|被|能)?扣(?:多少|几)"
# (and what a breach of contract costs: "交货晚了几天，违约金怎么算？" ← "…每逾期1天按该订单金额的0.5%扣除违约金", put below
# the top k as a penalty provision; probe P88)
ASKS_SANCTION = re.compile(r"罚|赔|处分|责任|判刑|判处|坐牢|拘留|定罪|刑事|违约金|滞纳金|" + _DEDUCTED)
# a question about what follows a breach: a penalty provision answers it
# (or names a right taken away, as a company sanctions: "扣到多少分会被取消认证？" ← "…累计扣满24分的，取消平台认证资格")
ASKS_CONSEQUENCE = re.compile(ASKS_SANCTION.pattern + r"|后果|追究|处理|处置|怎么办|会怎|违反|违规|吊销|取消|暂停|冻结|清退|降级")
# a question about the sanction a breach draws ("搭售默认勾选会有什么处罚？", "…要承担什么法律责任？"), not about
# compensation ("能找平台赔吗") nor whether a duty is someone's ("平台有责任防吗")
ASKS_PENALTY = re.compile(r"罚|处分|(?:什么|哪些)(?:法律)?责任|法律责任|后果|追究|吊销|会怎(?:么|样)(?!做|办|处理)|" + _DEDUCTED)

# a question whether an act is allowed ("平台能不能把会员的手机号卖给合作方？", "上班时间打游戏，公司管不管？"): a rule that
# forbids or permits the act answers it, not a clause that shares its words (营销, 上班时间) and says neither
ASKS_PERMISSION = re.compile(r"能不能|可不可以|可以.{0,12}吗|允许|行不行|行吗|管不管|能否|是否可以|可否|能.{0,10}吗|让不让|准不准|"
                             # (whether an act is in the clear: "这样做有问题吗", "这样操作有风险吗", "算不算违规")
                             r"有(?:没有)?(?:问题|风险)吗|有没有(?:问题|风险)|合规吗|合法吗|违法吗|违规吗|算不算(?:违规|违法)")
# what a customer can see or find out ("消费者能看到订单到哪一步了吗", "买家能查到物流吗") asks what the business provides, not
# whether an act is allowed: "…订单状态…" was second, below a 不得 on another matter ("商家…不得隐瞒")
_CUSTOMER_SEES = re.compile(r"(?:消费者|客户|用户|买家|顾客|会员)[^，,。；;？?]{0,4}?(?:能不能|能否|可不可以|可以|能)(?:看到|看见|查到|"
                            r"查询|查看|知道|了解|跟踪|追踪)(?=(?:(?!其他|别人|他人|商家|卖家|买家|店铺|平台)[^，,。；;？?]){0,4}"
                            r"(?:订单|物流|包裹|快递|进度|状态|到哪|哪一步|发货|退款))")  # (their own order's progress: not "…看到
# 商家的身份证号吗", "…看到其他买家的订单信息吗", "…收到促销短信吗")


def asks_permission(question: str) -> bool:
    """Does the question ask whether an act is allowed (ASKS_PERMISSION), other than what a customer can see?"""
    return bool(ASKS_PERMISSION.search(_CUSTOMER_SEES.sub("", question)))


# (仅可 / 不可 / 只能 too: "每笔订单仅可使用一张店铺券，不可叠加使用"; not 不可抗力, 不可避免, 不可能, 不可预见 …)
FORBIDS_OR_PERMITS = re.compile(r"不得|禁止|严禁|不准|不允许|" + NOT_TO_BE + r"|不能|可以|允许|有权|仅可|仅限|只能|只可|方可|不予|"
                                # what a business offers or does not: "支持七日无理由退货", "不提供直播打赏" (not 鼓励和支持,
                                # 应予支持, 资金支持)
                                r"不(?:提供|支持|接受|受理|办理)|不(?:批准|安排)(?![^，,。；;]{0,12}的[，,])|支持[^，,。；;]{0,6}(?:退|换|无理由|货到付款|开具|分期)|"
                                # a duty to stop an act, which forbids its going on ("剩余保质期不足90天的，应当停止销售" for
                                # "…只剩两个多月了，还能接着卖吗？"; probe P31 put a 除外 item first, and cited it alone)
                                r"(?:应当|应|须|必须)(?:立即|及时)?(?:停止|暂停|终止)|"
                                # and a time limit on a request, which permits it within it only ("应当自签收之日起7日内提出"
                                # for "签收第10天了才说要退，还能退吗？"; probe P31)
                                r"(?:应当|应|须|必须)(?:自|在|于)[^，,。；;]{1,16}?(?:日|天|小时|个月|年)(?:内|以内|之内)(?:提出|申请)|"
                                # and what holds not, a term or a contract void ("…格式条款有以下内容的，人民法院应当依法认定
                                # 无效：（一）收货人签收商品即视为认可商品质量符合约定" for "写了一句“签收即代表质量没问题”…还能
                                # 拿这句话顶回去吗"; probe P32 put a 快递 rule's 可以 first)
                                r"(?:认定|视为|确认|归于)无效|(?:条款|约定|合同|协议|内容)(?:一律|均|当然)?无效|"
                                # (or a thing that does not count, said at its phrase's end: "…入场码截图、录屏无效" for "朋友
                                # 拿截图能进场吗？"; probe P56. Not 无效投诉, a kind of complaint)
                                r"无效(?=[。；;，,]|$)|"
                                # and what is given back, the counterpart of 不予退还: "…约定了“以贷款审批通过为成交条件”的，定金
                                # 全额退还" for "贷款没批下来，定金还能退吗？"; probe P59 put "定金不予退还" first. Not a refund, a
                                # remedy: "…予以全额退款" was put over "平台不得默认勾选…" for "默认勾选…合规吗？", probe P44)
                                r"(?:全额|予以|如数|双倍)(?:退还|返还)")


def sets_duty(text: str) -> bool:
    """Does a sentence of the text set a duty ("…原则上应当合住一间标准间")?"""
    return any(_modals(x)[1] is not None for x in _sentences(text))


def states_rule(clause: Clause, parent: Clause | None) -> bool:
    """A clause that forbids or permits, by its own words or by its list's lead-in ("经营者不得有下列行为：" for its items)."""
    lead = parent is not None and parent.text.rstrip().endswith(("：", ":"))
    # (a lead-in that says what is, or is not, done for its items rules on them: "下列情形不发放积分：" answers
    # "运费能不能算积分？", where "积分不可转让" had been put before it)
    return bool(FORBIDS_OR_PERMITS.search(clause.text)
                or lead and (FORBIDS_OR_PERMITS.search(parent.text) or _WHAT_ITEMS_ARE.search(parent.text)))


_NUMERAL = r"[零〇一二三四五六七八九十百两\d]+"
# the articles of its own text a provision names: "违反本法第十八条第一款、第十九条规定", "有本办法第五条至第十一条规定的情形"
# (or a breach of an article named bare, as company rules write it: "商家违反第九条规定私下发送卡密的，每次扣6分…"; probe P82)
OWN_ARTICLES = re.compile(rf"(?:本(?:法|条例|办法|规定|细则|规则|决定|制度|规范|守则|准则|手册|须知)|(?<=违反))((?:第{_NUMERAL}条(?:第{_NUMERAL}款)?(?:第?[（(]?{_NUMERAL}[)）]?项)?"
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


def sanctioned_articles(clause: Clause, parent: Clause | None = None) -> set[int]:
    """The articles of its own document whose breach the clause sanctions by number: "电子商务经营者违反本法第十八条第一款
    规定提供搜索结果，或者违反本法第十九条规定搭售商品、服务…的，由市场监督管理部门责令限期改正…罚款" → {18, 19}, "经营者有
    本办法第五条至第十一条规定的情形之一，…依照《消费者权益保护法》第五十六条予以处罚" → 5…11;
    "本法第三条第二款规定的…境外的个人信息处理者，应当…" (a duty, not a sanction) → none. An item sanctions by its lead-in
    (``parent``): 广告法 第五十七条 "有下列行为之一的，…处二十万元以上一百万元以下的罚款…：" over "（一）发布有本法第九条、
    第十条规定的禁止情形的广告的" → {9, 10}."""
    out: set[int] = set()
    sentences = _sentences(clause.text)
    if not any(_sanction(x) for x in sentences) and not (
            parent is not None and LIST_MARKER.match(clause.text) and any(_sanction(x) for x in _sentences(parent.text))):
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
# or that they are excepted: "…可申请无理由退货，但下列商品除外：" over "（一）定制类商品；" was the whole answer to "定制的东西能退吗";
# not what they are, "以下是不合格商品的示例：", "以下为不规范用语")
_WHAT_ITEMS_ARE = re.compile(r"(?:下列|以下)[^。；;：:]{0,12}(?:之一)?的?[，,]?[^。；;：:]{0,6}(?:不属于|属于|视为|不视为|认定为|不认定为|构成|除外|"
                             r"不构成|不予|免予|免于|从轻|减轻|(?<![是为])不(?![同得能])[\u4e00-\u9fff]|(?:认定|视为|确认|归于)?无效)")  # (not 为 / 是: "下列行为", "是否符合")


# an item that names a case only ("…的；"): "有下列情形之一的，终止调解：" says what follows from it
CASE_ITEM = re.compile(r"的\s*[；;。.]?\s*$")


def _sentences(text: str) -> list[str]:
    """The sentences of a clause's text, without words addressed to an assistant."""
    return [x.strip() for x in SENTENCE.findall(evidence(text)) if x.strip()]


# a question about the state's own organs or staff ("市场监管部门不作为怎么办？", "执法人员滥用职权会怎么处理？", "向市场监督管理局
# 投诉了多久处理"), not a business's own staff or departments ("我们的工作人员泄露了…", "平台怎么监管商家", "税务发票开错了")
ASKS_OFFICIALS = re.compile(r"机关|政府|官员|公务员|执法|(?:监管|监督管理|税务|网信|商务|工商)(?:部门|机构|人员)|向(?:相关|有关)部门|"
                            r"市场监管|市场监督|管理局|监管局|市监局|税务局|商务局|网信办|工商局|工商行政|海关|公安|法院|检察|渎职|"
                            r"滥用职权|玩忽职守|徇私舞弊|12315|12345|消协|消委会|消费者协会|消保委|仲裁委")
# a state organ or its staff, as a law names them (not a company's 人事部门 or 各部门, a trade association, an owners' committee)
STATE_ORGAN = re.compile(r"机关|人民政府|各级政府|(?:行政|主管|监督管理|监管|网信|有关|执法|监督检查|价格|公安|税务|海关|商务|进出口|外汇|"
                         r"金融|统计|质量监督|工商|电信|邮政|交通运输|卫生健康|教育|文化|[^，,；;。、]{1,12}职责的)(?:行政|管理)?部门|"
                         r"(?<![邮布格结大全时当开药书])局(?![部面势限])|人民法院|人民检察院|消费者协会|消费者权益保护委员会|"
                         r"国家工作人员|执法人员|(?:价格|税务|海关|公安|监管|监督检查|行政|市场监督管理|网信)(?:部门)?(?:的)?工作人员")
_ARTICLE_NO = re.compile(rf"^\s*第{_NUMERAL}条(?:之[一二三四五六七八九十]+)?\s*")
_ACTS_ON_OFFICIALS = re.compile(r"阻碍|妨害|妨碍|阻挠|拒绝|冒充|假冒|贿赂|行贿|协助|配合|对|向|与|被")
_ACTS_ON_BUSINESS = re.compile(r"包庇|放纵|纵容|对|向|为|推荐|要求|责令")
_ACTOR = re.compile(STATE_ORGAN.pattern + "|" + BUSINESS.pattern + r"|机构|单位|组织|个人|者|人员")


def _article_sentences(text: str) -> list[str]:
    """The sentences of a clause's text (_sentences: without words addressed to an assistant) after its article number."""
    return _sentences(_ARTICLE_NO.sub("", text))


def _cases(text: str) -> list[str]:
    """The case each sentence of a provision is for, where it names who acts in it (not "情节严重的，…")."""
    out = []
    for sentence in _article_sentences(text):
        cut = re.search(r"的[，,]", sentence)
        if cut and _ACTOR.search(sentence[:cut.start()]):
            out.append(sentence[:cut.start()])
    return out


_BREACH_FIRST = re.compile(r"^违反本(?:法|条例|办法|规定)(?:第[^，,]{1,20}条)?(?:的)?(?:有关)?规定[，,]")


def _officials_case(case: str) -> bool:
    """Does the case name a state organ or its staff as who acts, with no business beside them ("机关、团体、企业…") nor
    one it comes to after a comma ("监督检查部门在监督检查…时，被检查的经营者…不如实提供…")?"""
    # (after the breach it is for: "违反本法规定，县级以上地方人民政府有下列行为之一")
    first, *rest = re.split(r"[，,]", _BREACH_FIRST.sub("", case))
    m = STATE_ORGAN.search(first)
    if m is None or m.start() > 16 or _ACTS_ON_OFFICIALS.search(first[:m.start()]) or BUSINESS.search(first[:m.start()]):
        return False
    return not any(not _ACTS_ON_BUSINESS.search(first[m.end():b.start()]) for b in BUSINESS.finditer(first, m.end())) \
        and not any(not _ACTS_ON_BUSINESS.search(p[:b.start()]) for p in rest for b in BUSINESS.finditer(p))


def sanctions_officials(clause: Clause, parent: Clause | None, asked: str = "") -> bool:
    """A law's penalty provision on the state's own organs or staff ("市场监督管理部门在产品质量监督抽查中超过规定的数量索取
    样品…的，由上级…责令退还；…依法给予行政处分", "国家机关不履行本法规定的个人信息保护义务的，…给予处分"): the first case
    it sanctions names them first (``asked``: the question). A business's staff asks about neither ("没跟领导打招呼就直接
    不来了，公司会怎么处理？" ranked 产品质量法 第六十六条 first, on 直接 and 处理). A list item is not judged apart from its
    lead-in."""
    if authority(clause.document) != 0 or LIST_MARKER.match(clause.text) or not penal(clause, parent):
        return False
    cases = _cases(clause.text)
    # (one that sanctions others too is theirs, unless the question names them: 产品质量法 第六十七条's 检验机构 for
    # "我们能请检验机构帮忙推荐我们的产品吗？")
    return bool(cases) and _officials_case(cases[0]) \
        and not any(_named_in(c, asked) for c in cases[1:] if not _officials_case(c))


def _named_in(case: str, asked: str) -> bool:
    """Does the question say a word of who acts in the case ("产品质量检验机构有前款所列违法行为" ← 产品, 检验)?"""
    m = _ACTOR.search(case)
    who = case[:m.end()] if m else case
    return any(who[i:i + 2] in asked for i in range(len(who) - 1) if who[i:i + 2] not in _GENERIC_ACTOR)


_GENERIC_ACTOR = frozenset("机构 单位 组织 个人 人员 有关 相关 其他".split())


def regulators_duty(clause: Clause) -> bool:
    """A law's clause whose every sentence is a regulator's or a court's rule, or anyone's right to complain to one
    ("消费者向有关行政部门投诉的，该部门应当自收到投诉之日起七个工作日内，予以处理并告知消费者"): nothing a business must or
    may ("…跨境电子商务经营者可以凭电子单证…"). A list item is not judged apart from its lead-in."""
    if authority(clause.document) != 0 or LIST_MARKER.match(clause.text):
        return False
    sentences = _article_sentences(clause.text)
    return any(_regulators_rule(x) for x in sentences) and all(_regulators_rule(x) or _anyones_right(x) for x in sentences)


def only_regulators_say(clause: Clause, says) -> bool:
    """Is every sentence of a law's clause that ``says`` (a test of a sentence) a regulator's rule? ("消费者权益保护委员会
    应当自接到投诉之日起五个工作日内…作出是否受理的决定" states a time, but not the business's)"""
    if authority(clause.document) != 0:
        return False
    said = [x for x in _article_sentences(clause.text) if says(x)]
    return bool(said) and all(_regulators_rule(x) for x in said)


def acts_on_business(clause: Clause) -> bool:
    """Does a case the clause is for name a business ("经营者有前款规定情形的，…处罚机关应当记入信用档案", "确属经营者责任的，
    行政管理部门可以责令其…退货"): what a regulator does to it, a consequence of the business's?"""
    return any(BUSINESS.search(c) for c in _cases(clause.text))


def _anyones_right(sentence: str) -> bool:
    """Anyone's right to complain or report ("任何单位或者个人有权向市场监督管理部门…投诉、举报"): no business's rule."""
    may = PERMISSION.search(sentence)
    return may is not None and not any(_modals(sentence)) \
        and re.split(r"[，,；;]", sentence[:may.start()])[-1].startswith("任何")


def _regulators_rule(sentence: str) -> bool:
    """A regulator's duty, or what a regulator may do ("对以书面方式投诉的，行政管理部门可以对投诉人…予以核实")."""
    if any(_modals(sentence)):
        return _regulators(sentence) and bool(STATE_ORGAN.search(sentence))
    may = PERMISSION.search(sentence)
    subject = re.split(r"[，,；;]", sentence[:may.start()])[-1] if may else ""
    return bool(STATE_ORGAN.search(subject)) and not BUSINESS.search(subject)
