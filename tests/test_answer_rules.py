"""Pure answer rules, as tables of input → expected."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from assistant.answer import unanswered_quantity, validate_question
from ingest.records import Clause
from tiaowen.errors import BadQuestion


def _c(text: str) -> Clause:
    return Clause("d/a1", "d", "D", "《D》第一条", ("D",), text)


@pytest.mark.parametrize("question,clause,asked", [
    ("客户投诉几个小时内要响应？", "应在用户投诉或需求的24小时内做出响应。", None),
    ("罚款最多罚多少钱？", "公司处于____元以下罚款。", "多少钱"),
    ("罚款最多罚多少钱？", "处五千元以下罚款。", None),
    ("累计几天算自动离职？", "连续三天或当月累计____天的员工作自动处理。", "几天"),
    ("连续几天不来算旷工？", "连续三天或当月累计____天的员工作自动处理。", None),
    # the number follows either word before the ask ("连续旷工几天": 连续三天), not a blank after it
    ("连续旷工几天会被公司自动处理？", "旷工处理,扣除当天工资,连续三天或当月累计____天的员工作自动处理。", None),
    ("当月累计旷工几天会被处理？", "旷工处理,扣除当天工资,连续三天或当月累计____天的员工作自动处理。", "几天"),
    # a period asked in days is answered in months, and one asked in months in days (it was not found)
    ("离职要提前多少天说？", "人员离职必须提前一个月向部门经理提出。", None),
    ("试用期最长几个月？", "试用期不得超过九十日。", None),
    ("离职要提前多少天说？", "人员离职应向部门经理提出书面申请。", "多少天"),
    # the second anchor binds only where the clause has the first ("消费者退货" → 退货, 费者: 费者 is in 消费者)
    ("消费者退货多少天内能拿到退款？", "经营者应当自收到退回商品之日起七日内返还消费者支付的商品价款。", None),
    # a number of days asked is stated by a time limit before the word asked about, as a time is ("退款几天到账" was
    # not found beside "…应当在3个工作日内完成退款")
    ("退款几天到账？", "仓库收到退回商品并验收合格后，财务部应当在3个工作日内完成退款。", None),
    ("退款几天到账？", "财务部应当及时完成退款。", "几天"),
    # …in the unit asked, and of the act, not of a request for it
    ("退款几天到账？", "消费者应在签收后7日内申请退款。", "几天"),
    ("空调保修几年？", "商家应当在15日内完成保修。", "几年"),
    # a time asked as a number ("响应时间是多少") is a time, answered by a period ("24小时内"), as "时限是多少" is
    ("客户投诉的响应时间是多少？", "电子商务企业应在用户投诉或需求的24小时内做出响应。", None),
    # a rate in another unit is no number of days ("每周统计一次" answers no "多少天")
    ("发货后多少天自动确认收货？", "商家应每周统计一次销量。", "多少天"),
    ("首页多少年改版一次？", "网站主页面原则上每年进行一次审定或改版。", None),
    ("退款几个工作日到账？", "平台应明确支付流程和退款政策。", "几个工作日"),
    ("分几级？", "分为三级。", None),
    # a grade by its letter (probe P88: "打分才70分，算几级？" was not found beside "…60分至74分为C级")
    ("有个供应商这季度打分才70分，算几级？", "季度评分90分及以上为A级，75分至89分为B级，60分至74分为C级，60分以下为D级。", None),
    # a shortest length asked is not stated by a longest (probe P86: "…最短要拍多少秒" ← "…时长不得超过60秒")
    ("商品主图视频最短要拍多少秒？", "商品主图视频时长不得超过60秒。", "最短要拍多少秒"),
    ("商品主图视频最长能拍多少秒？", "商品主图视频时长不得超过60秒。", None),
    # an amount over a period is not stated by one a payment (blind probe P90: "售后组长每天累计最多能给买家赔付多少钱？" was
    # answered by "售后组长单笔赔付上限为300元")
    ("售后组长每天累计最多能给买家赔付多少钱？", "售后组长单笔赔付上限为300元；售后主管单笔赔付上限为1000元。",
     "每天累计最多能给买家赔付多少钱"),
    ("一线客服每天最多能赔多少钱？", "一线客服单笔赔付不得超过50元，每日累计赔付不得超过500元。", None),
    ("一线客服一单最多能赔多少钱？", "一线客服单笔赔付不得超过50元。", None),
    # which unit bears a cost is who bears it (P90: "律师费由哪个部门承担？" was answered by "…决定是否委托外部律师")
    ("职业索赔人起诉后公司请外部律师，律师费由哪个部门承担？", "法务部应诉时，可以根据案情决定是否委托外部律师。", "哪个部门承担"),
    # "每一次" is every time, no count (probe P89's "每天最多能看多少次？" was answered by "…自动记录每一次导出的导出人…")
    ("客服每天最多能看多少次客户的完整手机号？", "系统将自动记录每一次查看的查看人、查看时间。", "多少次"),
    ("信誉评级分几个等级？", "平台应建立商家信誉评级制度。", "几个等级"),
    ("信誉评级分几个等级？", "信誉评级分为五个等级。", None),
    ("退货政策是什么？", "平台应制定明确的退换货政策。", None),  # asks no quantity
    ("划线原价是不是想写多少就写多少？", "经营者不得虚构原价。", None),  # any amount: no quantity asked
    # a fine's amount answers a question about fines, not one about a fee or a ratio
    ("坑位费一般收多少算合理？", "违反规定进行直播的，由市场监督管理部门责令改正，可以处二万元以上十万元以下的罚款。",
     "坑位费一般收多少"),
    ("佣金最高比例是百分之几？", "收取不合理费用的，处五万元以上五十万元以下的罚款。", "百分之几"),  # (a percentage asked: its own row since P24)
    ("违规直播最多罚多少钱？", "违反规定进行直播的，由市场监督管理部门责令改正，可以处二万元以上十万元以下的罚款。", None),
    ("能卖多少算多少吗？", "平台应制定明确的退换货政策。", None),
    # a time asked of a period the clause sets in words: answered ("the shortest time necessary" is the answer)
    ("个人信息最多能保存几年？", "个人信息的保存期限应当为实现处理目的所必要的最短时间。", None),
    ("个人信息最多能保存几年？", "个人信息处理者应当对其个人信息处理活动负责。保存相关记录。", "几年"),
    ("投诉要在几天内处理完？", "企业应明确投诉处理时限，并向用户公示。", "几天"),  # no anchor word: a number is needed
    # a measure the phrase after the anchor names, its number anywhere in it; a bound right before the anchor (probe P77)
    ("卸完货抽检要抽多少？", "抽检比例不得低于到货箱数的10%，抽检不足10箱的全部检验。", None),
    ("照片要拍几张？", "发现商品破损的，质检员应当拍摄不少于3张照片上传系统。", None),
    ("照片要拍几张？", "发现商品破损的，质检员应当拍摄照片上传系统。", "几张"),
    # "没多久" is no time asked: what is asked is how much is left (probe P77 was not found, "问题问的是“多久”")
    ("面膜离过期没多久了，剩多少保质期就不能收？", "剩余保质期不足总保质期三分之一的，不得入库。", None),
    ("车船税几年交一次？", "车船税按年申报，分月计算，一次性缴纳。", None),  # 按年/按月: a period stated as a rate
    ("佣金几天结算一次？", "平台与商家的佣金按日结算。", None),
    # a size asked of something measured needs a measure; a degree asked ("要求有多高") is no quantity
    ("价格数字的字号最小要多大？", "经营者应当以显著方式标明价格。", "字号最小要多大"),
    ("价格数字的字号最小要多大？", "标价签上价格数字的字号不得小于48磅。", None),
    ("商品主图尺寸多少合适？", "商品图片应清晰，主图尺寸不小于800像素。", None),
    ("对客服的要求有多高？", "客服人员应具备良好的沟通能力。", None),
    # a measure or a head count the question names needs a number of it
    ("非法买卖毒鼠强多少克就要判刑？", "非法买卖原粉、原液、制剂50克以上不满500克的，依照刑法规定定罪处罚。", None),
    ("非法买卖毒鼠强多少克就要判刑？", "非法买卖毒鼠强等禁用剧毒化学品，危害公共安全的，依照刑法规定定罪处罚。", "多少克"),
    ("多少人以上算集体投诉？", "同一事由投诉人数在十人以上的，按照集体投诉处理。", None),
    ("最多能保存多少个人信息？", "处理者应当保存十人以上的个人信息。", "多少"),  # 个人信息 is no head count
    ("客服组最少要配几个人？", "平台应当配备专门的客服团队。", "几个人"),  # "几个人" is one
    ("客服组最少要配几个人？", "客服团队不少于五人。", None),
    ("客服组最少要配几个人？", "每班至少安排三个人值守。", None),
    # a distance needs a length, not a rule about where
    ("卖烟花爆竹的店要离学校多远？", "禁止在下列地点燃放烟花爆竹：机关、中小学校、幼儿园。", "多远"),
    ("卖烟花爆竹的店要离学校多远？", "零售网点与学校的距离不得少于五十米。", None),
    # a count of things named needs a number of them (a probe of five new documents: all came back not found)
    ("主图最少要放多少张？", "主图数量不少于5张，其中至少1张为白底图。", None),
    ("主图最少要放多少张？", "主图不得含有大面积促销文字。", "多少张"),
    ("质检每个月要抽查多少条会话？", "质检组每月对每名客服人员随机抽检不少于50条会话。", None),
    ("质检每个月要抽查多少条会话？", "依照本办法第十五条的规定进行抽检。", "多少条"),  # an article's number is no count
    ("商品标题最多多少个字符？", "标题长度不超过60个字符。", None),
    ("满意度低于多少分算不合格？", "满意度低于80分的，应当整改。", None),
    ("满意度低于几分算不合格？", "应当定期开展满意度调查。", "几分"),
    ("服务原则有哪几条？", "服务原则包括诚信、高效、便捷。", None),  # which ones: a list answers
    ("能不能引入仲裁？几份平台制度分别怎么说的？", "平台可以通过协商、调解、仲裁等方式解决纠纷。", None),  # documents
    # a share in words answers a bare 多少, and points do
    ("盘点差多少算超标？", "盘点差异率不得超过千分之三。", None),
    ("临期商品剩多少保质期就要上报？", "剩余保质期不足三分之一的，应当上报。", None),
    ("客服每月加分最多能加多少？", "每月加分累计不超过10分。", None),
    # a weight or a volume answers a bare 多少 (probe T: "干冰一箱最多能放多少" ← 不得超过2.5千克 was not found)
    ("打包用干冰的话，一箱最多能放多少？", "单件包裹干冰用量不得超过2.5千克。", None),
    ("一箱最多能放多少？", "干冰包裹应当标注警示字样。", "多少"),
    # a count after a quotation is of the words quoted ("加“驰名商标”几个字": probe U's was not found), not a count asked
    ("美工想在主图上加“驰名商标”几个字，可以吗？", "不得将“驰名商标”字样用于商品。", None),
    ("主图上最多能加几个字？", "主图应当清晰。", "几个字"),
    # a sum named by what it is for asks money, not any number (probe T: "要交多少报名费" was answered by a 3% rate); a
    # weight asked is answered by a weight (probe T: "单只至少要多重" by a clause of no weight)
    ("商家报名参加预售活动，要交多少报名费？", "商家报名预售活动的，近90日店铺发货延迟率不得高于3%。", "多少报名费"),
    ("商家报名参加预售活动，要交多少报名费？", "报名费为每场200元。", None),
    ("一次要交多少费用？", "首次服务费用为订单金额的5%。", None),
    ("违规一次扣多少保证金？", "违规的，扣除保证金2000元。", None),
    ("大闸蟹做预售的话，单只至少要多重才允许上架？", "同一账号累计3次以上未支付尾款的，平台可以限制其参加预售90日。", "多重"),
    ("大闸蟹单只至少要多重？", "单只大闸蟹重量不得低于150克。", None),
    ("平台有多重保障吗？", "平台应当建立保障机制。", None),
    # (the review's) how severe is no weight, and what is free is no fee: "处罚有多重", "多少免费样品"
    ("虚假发货处罚有多重？", "虚假发货的，扣12分。", None),
    ("情节多重才会被清退？", "情节严重的，平台可以清退。", None),
    ("后果有多重？", "造成严重后果的，依法追究责任。", None),
    ("每个店铺每月能申请多少免费样品？", "每个店铺每月可申请免费样品不超过5件。", None),
    ("开通要付多少服务费？", "店铺开通后应当按月缴纳服务费。", "多少服务费"),
    # a fee asked by its name is stated where that name is, not by any sum (probe P41: "…要付多少代理费" was answered by
    # "单批次退运货值不超过5万元的，由关务部负责人审批")
    ("保税仓的货退运出境，找报关行代理一般要付多少代理费？", "单批次退运货值不超过5万元的，由关务部负责人审批。", "多少代理费"),
    ("找报关行代理一般要付多少代理费？", "报关代理费按每票50元结算。", None),
    # and a share by what it is of (probe P42: "佣金抽成比例是多少" was answered by a check's "不低于…总数1%的比例")
    ("平台对商家的佣金抽成比例是多少？", "平台按照不低于上线商户总数1%的比例随机抽取商户送检。", "比例是多少"),
    ("平台对商家的佣金抽成比例是多少？", "平台按订单实付金额的8%向商家收取佣金抽成。", None),
    # (the second review's) a fee named before 多少 asks money as one after it does; a penalty or a burden is no weight,
    # and a weight is asked before 以内, 算 or 要; 年费 is money, not years
    ("报名费是多少？", "商家报名预售活动的，近90日店铺发货延迟率不得高于3%。", "报名费是多少"),
    ("报名费是多少？", "报名费为每场200元。", None),
    ("技术服务费收多少？", "技术服务费按成交额的2%收取。", None),
    ("大概要多少花费？", "近90日店铺发货延迟率不得高于3%。", "多少花费"),
    ("要缴纳多少年费？", "技术服务年费按类目收取，详见附件。", "多少年费"),
    ("违规有多重？", "虚假发货的，扣12分。", None),
    ("罚款有多重？", "处五千元以下罚款。", None),
    ("售后压力有多重？", "售后人员应当及时回复。", None),
    ("包裹多重以内免运费？", "包裹应当规范包装。", "多重"),
    ("多重算超重？", "单件超过30千克的为超重。", None),
    ("最多 几张图片？", "主图不得含有大面积促销文字。", "几张"),
    # a count after a quotation's end, a title's or a list's (等) is of the words quoted, not a count asked
    ("标题里写‘包邮’几个字行吗？", "标题不得含有虚假承诺。", None),
    ("《规范》几个字要加粗吗？", "标题应当醒目。", None),
    ("写“全网最低”“第一”等几个字会被罚吗？", "不得使用绝对化用语。", None),
    ("平台抽佣多少？", "平台应当公示收费标准。", "多少"),
    # (the review's: 块 is money, 十分 is "very", 分成 and 分店 are no points, 第二年 is no number of years)
    ("商家最多赔多少块钱？", "增加赔偿的金额不足五百元的，为五百元。", None),
    ("满意度低于多少分算不合格？", "平台应当十分重视消费者的满意度。", "多少分"),
    ("平台抽佣比例是多少？", "平台应当十分重视商家的经营。", "比例是多少"),
    ("五十分以下算不合格吗？多少分合格？", "考核低于五十分的，不合格。", None),
    ("平台和商家多少分成？", "平台应当公示收费标准。", "多少"),
    ("积分有效期是几年？", "积分在第二年年底清零。", "几年"),
    ("股东持有多少比例可以提议召开会议？", "代表十分之一以上表决权的股东可以提议召开临时会议。", None),  # 十分之一 is a share
    ("低于多少分扣绩效？", "考核低于十分的，扣发当月绩效。", None),
    # (probe I) years asked are stated in years or months, not days ("采购合同一般签几年？" ← "…15日内提交…"); an age in
    # 周岁 is no period of weeks ("几天内处理完" ← "不满十四周岁…")
    ("采购合同一般签几年？", "供应商资质证照到期的，应在到期前15日内向采购部门提交更新后的文件。", "几年"),
    ("订单信息保存几年？", "订单信息的保存期限不少于六个月。", None),
    ("注销账号要在几天内处理完？", "处理不满十四周岁未成年人个人信息的，应当取得其监护人的同意。", "几天"),
    # a time limit asked as a number is asked as a time: the bare 多少 asks no amount ("时限是多少" was not found)
    ("泄露了用户信息，要报告给谁，时限是多少？", "发现人应当立即报告，信息安全部应当在两小时内启动应急预案。", None),
    # (probe J) an amount in 万 written in digits is an amount ("1万元" was none: "要交多少押金？" not found), and 时效 is a
    # time limit as 时限 is ("省内配送时效是多少？" asked an amount)
    ("开直播要交多少押金？", "商家应当缴纳直播保证金人民币1万元。", None),
    ("押金最多多少钱？", "保证金为1.5万元。", None),
    ("省内配送时效是多少？", "省内包裹应当在48小时内送达。", None),
    # who bears a cost or loss is not who is answerable for managing something ("损失由谁承担？" was answered by "…由运营者
    # 指定的真人对直播内容承担管理责任"); a cost, a loss or a liability borne is
    ("运输途中变质，损失由谁承担？", "使用数字人直播的，由直播间运营者指定的真人对直播内容承担管理责任。", "由谁承担"),
    ("运输途中变质，损失由谁承担？", "因承运商原因造成商品损毁的，由承运商承担赔偿责任。", None),
    ("退货运费由谁承担？", "退回商品的运费由消费者承担。", None),
    ("退货运费由谁承担？", "无理由退货的，由商家承担运费。", None),
    # (review) a liability for a loss is borne; a duty to manage or safeguard is not
    ("运输途中损坏由谁承担？", "运输途中商品损坏的，由卖家承担运输安全责任。", None),
    ("运输途中损坏由谁承担？", "直播内容由主播承担直播内容审核把关责任。", "由谁承担"),
    ("运输途中损坏由谁承担？", "经营场所由商家承担安全保障义务。", "由谁承担"),
    ("运输途中损坏由谁承担？", "由卖家承担因其未履行质量管理义务造成的损失。", None),
    # a rate in points asks a percentage (probe L: "按几个点的税率开" was answered by a clause on 税点 with no number)
    ("普通商品开发票是按几个点的税率开？", "商家以收取税点为条件开具发票的，扣12分。", "几个点"),
    ("普通商品开发票是按几个点的税率开？", "普通商品按13%的税率开具发票。", None),
    ("平台佣金扣多少个点？", "平台按成交额的5个点收取佣金。", None),
    ("推广方案要想几个点子？", "推广方案应当经运营部审核。", None),  # 点子 are ideas, no rate
    # (under a bound too: "佣金最多能给到几个点？" asked a count of 个, and "…佣金比例不超过8%" stated none; probes P54, P55)
    ("合作达人卖一枚8万块的钻戒，佣金最多能给到几个点？", "单价5万元以上的高价值单品，佣金比例不超过8%。", None),
    ("门店销售顾问最多能给客户让几个点？", "销售顾问可以给予消费者不超过5%的折扣。", None),
    # a fee named before its ask, another name of it in brackets passed over: a clause must name it (probe P55's "技术服务
    # 费（扣点）是多少？" was answered by a revision note's "…交易额年均增长超过40%")
    ("平台对商家收的技术服务费（扣点）是多少？", "近两年，平台全屋定制类目交易额年均增长超过40%。", "技术服务费是多少"),
    ("平台对商家收的技术服务费（扣点）是多少？", "平台按成交额的5%收取技术服务费。", None),
    ("退货的快递费是多少？", "退货运费为每单12元。", None),
    # a clock time written 8:00 states a time of day (its colon cut the phrase); 按时 (on time) states none
    ("客服几点上班？", "客服每日8:00上班。", None),
    ("客服几点上班？", "客服每日按时上班。", "几点"),
    # probe K: a count of batches, its unit past the reach after the anchor ("抽检商品批次不少于500批次"), was not found
    ("每个季度至少要抽检多少批次？", "抽检以神秘买家抽检为主，每季度抽检商品批次不少于500批次。", None),
    ("每个季度至少要抽检多少批次？", "抽检以神秘买家抽检为主，每季度抽检一次。", "多少批次"),
    # …while a period still lies wholly within it: "七个工作日" after 平台 answers no "平台…几个工作日" asked of it
    ("商家提交入驻资料以后，平台一般几个工作日内给出审核结果？",
     "信息发生变更的，电子商务平台经营者应当在七个工作日内进行核验，完成更新公示。", "几个工作日"),
    # probe M: a temperature was never stated (no unit of the bare 多少: "-18℃" was not found), digits and tenths
    # were asked of no unit
    ("冻肉这类冷冻品，运输路上温度得控制在多少度？", "冷冻品运输温度应当保持在-18℃及以下。", None),
    ("冷藏车的温度要控制在几度？", "冷藏品运输温度应当保持在0至4摄氏度。", None),
    ("冻肉这类冷冻品，运输路上温度得控制在多少度？", "冷链车辆应当配备温度记录仪，每5分钟上传一次温度数据。", "多少度"),
    # (the review's) 温度 before an amount or a score asks no temperature, 几度 may be several times, 几成新 is no share
    ("冷库温度超标要罚多少钱？", "冷库温度超标的，处五千元以上五万元以下罚款。", None),
    ("冷链温度不达标扣多少分？", "冷链温度不达标的，每次扣2分。", None),
    ("冷冻品运输温度得控制在多少度？", "冷冻品运输过程中车厢内的温度应当保持在-18℃及以下。", None),
    ("店铺几度被投诉会被封吗？", "店铺被投诉的，平台核实后处理。", None),
    # (probe P38) a bare 多少 after a time asked asks that time again; before it, or with none, it asks a quantity
    ("客户把货退回来以后，钱最晚多久要退给人家？标准和公司的要求分别是多少？", "网络零售企业应自收到退回商品之日起7日内将货款退还客户。", None),
    ("标准和公司的要求分别是多少？", "网络零售企业应自收到退回商品之日起7日内将货款退还客户。", "多少"),
    # (probe P36) what follows the degrees asked: "多少度就不能上班了" was not found beside "体温达到37.3℃及以上的…"
    ("早上晨检量体温，多少度就不能上班了？", "晨检时体温达到37.3℃及以上的，当班不得上岗。", None),
    ("早上晨检量体温，多少度就不能上班了？", "晨检时发现员工有发热症状的，当班不得上岗。", "多少度"),
    ("收货的时候冻品温度多少度就得拒收？", "冷冻食品到货时中心温度不得高于-15℃。", None),
    ("二手手机要标几成新吗？", "二手手机应当如实标注成色。", None),
    ("预售的定金最多能收到售价的几成？", "定金不得超过预售商品售价的20%。", None),
    ("预售的定金最多能收到售价的几成？", "定金不得超过预售商品售价的两成。", None),
    ("预售的定金最多能收到售价的几成？", "消费者支付定金后，商家应当在24小时内确认订单。", "几成"),
    # (probe N) money is a sum, or a share or a multiple of one; a percentage of something else states none
    ("物流公司赔商家，一单最多赔多少钱？", "商家当月理赔超时处理率超过10%的，平台下调其物流服务评分。", "多少钱"),
    ("物流公司赔商家，一单最多赔多少钱？", "承运商的赔偿金额按照商品实际成交价格计算，单票最高不超过5000元。", None),
    ("发货晚了要赔顾客多少钱？", "商家逾期发货的，应当按照订单实付金额的10%向消费者赔付。", None),
    ("卖假货要赔多少钱？", "增加赔偿的金额为消费者购买商品的价款的三倍。", None),
    ("罚款最多罚多少块钱？", "处二十块钱以下罚款。", None),
    # (probe P40) letters or e-mails are counted in 封: a count of times of something else states none
    ("给用户发营销邮件（EDM）的话，每个月最多能发几封？", "营销外呼，同一用户每自然月不超过2次。", "几封"),
    ("给用户发营销邮件，每个月最多能发多少封？", "营销邮件每月不超过4封。", None),
    # (probe P40) an amount paid at a rate of another before what is paid, or bounded in the phrase after it
    ("标错价取消订单，要给顾客补偿多少？", "商家应当按照每笔订单实付金额的10%向消费者支付补偿，最低10元、最高50元。", None),
    ("标错价取消订单，要给顾客补偿多少？", "经认定为错价的，商家可以与消费者协商取消订单并支付补偿，最低10元。", None),
    ("标错价取消订单，要给顾客补偿多少？", "商家应当向消费者支付补偿，并在3个工作日内完成。", "多少"),
    ("一票最多能赔多少钱？", "商家当月消费者投诉率超过10%的，平台下调其评分。", "多少钱"),  # (费 of 消费者 is no fee)
    ("违约要扣多少钱？", "违约的，扣除保证金的10%。", None),
    ("定金最多能赔多少钱？", "商家违约的，按照定金的3倍赔付。", None),
    ("金牌卖家能赔多少钱？", "金牌卖家的好评率不低于98%。", "多少钱"),  # (金 of 金牌, 损失 of 损失率: no money)
    ("运输损失能赔多少钱？", "运输损失率不得超过0.5%。", "多少钱"),
    # (probe Q) hours of training are counted in their own unit: a score in 分 states no 学时; points are 分 or 积分
    ("新签的主播岗前培训要上够多少学时？", "主播岗前考核满分100分，80分以上为合格。", "多少学时"),
    ("新签的主播岗前培训要上够多少学时？", "主播应当参加岗前培训不少于16学时。", None),
    ("写一条评价能拿多少积分？", "每条有效评价奖励5分。", None),
    ("写一条评价能拿多少积分？", "每条有效评价奖励20积分。", None),
    # (probe Q) a lead time asked (提前几天: 前几天 is "a few days" only without 提) is stated as one, not by a period after
    ("会员大促的优惠券最少要提前几天发到会员账户？", "购物积分在订单确认收货满7天后发放至会员账户。", "几天"),
    ("优惠券要提前几天发？", "大促优惠券应当在活动开始前3天发放。", None),
    ("样品要提前几天送到？", "所有拟上播商品应当在开播前至少3个工作日将样品送至品控部。", None),
    ("脚本要提前几个小时交？", "直播脚本应当在开播48小时前提交法务部审核。", None),
    ("请假要提前多久？", "请假必须提前一天向部门经理申请。", None),
    # (the review's) 提前 that is the act asked about is no lead time asked
    ("提前发货几天能到？", "商家发货后3天内送达。", None),
    ("提前解约多少天内退款？", "解约后商家应当在15天内退款。", None),
    # (probe R) who pays a cost is said by a sentence that allocates one, not a liability ("由…承担违约责任")
    ("外包客服的岗前培训费用由谁承担？", "外包客服违反本规范的，由外包服务商承担违约责任，公司可以要求其更换人员。", "由谁承担"),
    ("拒收的退回运费谁出？", "消费者可以拒收，拒收产生的退回运费，由承运商承担。", None),
    ("样品检测费谁出？", "样品检查产生的检测费用由供应商承担。", None),
    # (the review's) 费 of 消费者 or 免费 names no cost
    ("消费者的损失由谁承担？", "因商家过错造成损失的，由商家承担赔偿责任。", None),
    ("免费维修期内的配件由谁承担？", "保修期内更换的配件由商家承担。", None),
    ("外包客服的培训费用由谁承担？", "外包客服侵害消费者权益的，由外包服务商承担违约责任。", "由谁承担"),
    # (probe R) seconds are a period ("多少秒" asked a sum of money: "30秒内回复" was no answer), and 超过几秒 asks one (过几天,
    # "in a few days", asks nothing)
    ("客服多少秒内要回复？", "客服应当在30秒内回复咨询。", None),
    ("客服最慢不能超过几秒回复？", "客服在首次响应前不得离岗。", "几秒"),
    ("客服最慢不能超过几秒回复？", "在线客服首次响应时间不得超过30秒。", None),
    ("秒杀商品要提前几天报名？", "秒杀商品应当提前3天报名。", None),
    ("客服几秒内要回复？", "商品参加9.9秒杀活动的，应当提前报名。", "几秒"),  # (9.9秒杀 is no period)
    # (probe S) the anchor naming its period, the period anywhere in its phrase (电子商务法 第三十一条 was not found)
    ("平台上的商品信息和订单交易记录至少要保存几年？",
     "商品和服务信息、交易信息保存时间自交易完成之日起不少于三年；法律、行政法规另有规定的，依照其规定。", None),
    ("平台上的订单交易记录至少要保存几年？", "交易信息应当妥善保存，自交易完成之日起由平台负责核查。", "几年"),
    # (the review's) a period of the unit asked, "…内", right before what the question asks done within it, past the
    # reach of the word before the ask; not a count without 内 ("当月累计旷工几天会被处理？", above)
    ("退货申请提交后客服几小时内审核？", "客服人员应当在收到退货申请后24小时内审核，审核通过后48小时内向消费者提供退货地址。", None),
    # (probe) a time limit in the next unit answers: weeks for days, not days for years
    ("被辞退的人资料要几天内交接完？", "情节严重公司将予以辞退,且必须在一周之内移交完所有资料。", None),
    ("空调保修几年？", "商家应当在15日内完成保修。", "几年"),
    # (probe) the period named alone after the word asked of, set in the phrase after it; the asking words inside the
    # question's phrase are no anchor ("最长能约定" → 约定, 限制)
    ("竞业限制最长能约定几年", "竞业限制的范围、地域、期限由用人单位与劳动者约定。在解除或者终止劳动合同后，前款规定的人员到"
     "有竞争关系的其他用人单位的竞业限制期限，不得超过二年。", None),
    ("竞业限制最长能约定几年", "竞业限制的范围、地域、期限由用人单位与劳动者约定。", "几年"),
    # a point an undone thing passes, asked by 拖到 (blind probe P122 was "问题问的是“多少天”")
    ("理赔单子受理后一直没结，拖到多少天主管得出来督办？", "延保理赔工单自受理之日起超过15个工作日未结案的，由客服主管督办。", None),
    # an amount set by the share it is reckoned by (blind probe P120 was not found beside it)
    ("套装里顾客只退其中一件，补贴要收回多少？", "部分退货的，应当按退货商品售价占订单总价的比例追回补贴。", None),
    ("补贴要收回多少？", "部分退货的，应当追回补贴。", "多少"),
])
def test_a_quantity_question_needs_a_clause_that_states_the_quantity(question, clause, asked):
    assert unanswered_quantity(question, [_c(clause)]) == asked


@pytest.mark.parametrize("raw,clean", [("  退货怎么办？ ", "退货怎么办？"), ("退货\x00怎么办", "退货怎么办")])
def test_questions_are_cleaned(raw, clean):
    assert validate_question(raw, 100) == clean


@pytest.mark.parametrize("raw", ["", " \n\t ", "？！。…", "😀😀", "x" * 101])
def test_questions_without_words_or_too_long_are_refused(raw):
    with pytest.raises(BadQuestion):
        validate_question(raw, 100)


@pytest.mark.parametrize("question,asked", [
    ("大促前几天先把标价调高，活动时再打折，这样操作有风险吗？", None),  # 前几天: "a few days before"
    ("过几天再处理投诉可以吗？", None),
    ("七天无理由退货具体是几天？超过了还能退吗？", "几天"),
    ("寄的时候没报价值，快递公司最多赔多少？", "多少"),
    ("最多能充多少钱", "多少钱"),
    # an amount named as what may be told, in a yes-no question, is none asked (probe P52)
    ("打给他的紧急联系人时能不能告诉对方他欠了多少钱？", None),
    ("客服可以透露用户欠了多少钱吗？", None),
    # …or promised (probe P75: "客服能不能先直接跟他说给补多少？" asks whether it may be promised)
    ("客服能不能先直接跟他说给补多少？", None),
    ("客服能不能先承诺补多少钱？", None),
    ("告诉用户之后，他最多要赔多少钱？", "多少钱"),
    # …nor one someone is asked to judge, in a question whether he may (probe P54)
    ("粉丝连麦让他看看手镯真假、值多少钱，他能给说法吗？", None),
    ("客户让客服估一下旧金值多少钱，客服可以报价吗？", None),
    ("旧金回收能值多少钱，能当场报价吗？", "多少钱"),
    # "not much", told (blind probe P121: "…一盒月饼，没多少钱，这种也要去登记吗？" was "问题问的是“多少钱”")
    ("中秋节商家给我寄了一盒月饼，没多少钱，这种也要去登记吗？", None),
    ("才出差没几天，能预支差旅费吗？", None),
    ("月饼没超过200元，值多少钱要登记？", "多少钱"),
    # a count of tins or buckets (probe P53: "一个订单最多能下几罐？" quoted a 24小时 of customs)
    ("全球购的奶粉，一个订单最多能下几罐？", "几罐"),
])
def test_a_few_days_is_no_question_for_a_quantity(question, asked):
    assert unanswered_quantity(question, [_c("平台应制定明确的退换货政策。")]) == asked
    if asked == "几罐":
        assert unanswered_quantity(question, [_c("单笔订单购买数量不得超过6罐（盒）。")]) is None


def test_when_an_act_is_deemed_done_is_asked_as_its_time():
    from assistant.answer import only_asks_meaning
    from assistant.retrieve import asked_terms

    assert asked_terms("网购的东西什么时候算交付？") == ["交付时间"] and only_asks_meaning("网购的东西什么时候算交付？")
    assert asked_terms("什么时候发货？") == [] and not only_asks_meaning("退款什么时候到账？")


@pytest.mark.parametrize("question,first", [
    ("电商服务管理制度所说的“线上销售”是指什么？", ["线上销售"]),
    ("客户关系管理包括哪些内容？", ["客户关系管理", "户关系管理", "关系管理", "系管理", "管理"]),
    ("电子商务到底指什么？", ["电子商务", "子商务", "商务"]),
    ("退货怎么办？", []),  # no definition asked
    ("什么叫第三方电子商务平台？", ["第三方电子商务平台"]),  # the term after the ask
    ("何谓“网络交易”", ["网络交易"]),
    ("标准里“网络交易”是怎么定义的？", ["网络交易"]),
    ("法律上所说的'商业秘密'是指什么样的信息？", ["商业秘密"]),  # (in single quotes: law probe, it cited no definition)
    ("法律上说的‘电子商务平台经营者’具体指的是什么？", ["电子商务平台经营者"]),
    ("运营管理体系这个说法具体指什么？", ["运营管理体系", "营管理体系", "管理体系", "理体系", "体系"]),  # filler words dropped
    ("电子商务支撑服务都包括哪些类？", ["电子商务支撑服务", "子商务支撑服务", "商务支撑服务", "务支撑服务", "支撑服务", "撑服务", "服务"]),
    ("运营流程那份材料里认为核心是啥？", ["营流程那份材料里认为核心", "流程那份材料里认为核心", "程那份材料里认为核心", "那份材料里认为核心",
                                    "份材料里认为核心", "材料里认为核心", "料里认为核心", "里认为核心", "认为核心", "为核心", "核心"]),
])
def test_a_definition_question_names_its_term(question, first):
    from assistant.retrieve import asked_terms

    assert asked_terms(question) == first


@pytest.mark.parametrize("question,yes", [
    ("什么叫第三方电子商务平台？", True),
    ("电子商务到底指什么？包括哪些交易？", True),  # every part asks what the term means
    ("网络交易是什么意思？平台应当怎么管理？", False),  # the second part asks for duties
    ("退货怎么办？", False),
])
def test_a_question_that_only_asks_what_a_term_means(question, yes):
    from assistant.answer import only_asks_meaning

    assert only_asks_meaning(question) is yes


@pytest.mark.parametrize("text,term,yes", [
    ("(一)线上销售:通过企业官方网站、第三方电商平台等渠道销售商品。", "线上销售", True),
    ("2.1电子商务 Electronic commerce 经济活动主体之间利用信息网络开展商务活动", "电子商务", True),
    ("本法所称电子商务经营者，是指通过互联网销售商品的自然人、法人", "电子商务经营者", True),
    ("利用计算机网络(包括互联网、移动网络、简称信息网络)开展商务活动", "信息网络", True),
    ("(一)客户信息收集:收集、整理客户信息。", "客户关系管理", False),
    ("平台应加强线上销售的管理。", "线上销售", False),  # uses the term, defines nothing
    ("本办法所称三包，是指修理、更换、退货。", "三包", True), ("三包是指修理、更换、退货。", "三包", True),
    ("电子商务交易服务是指为交易提供的服务。", "服务", False),  # a short term is defined as a whole word
    ("本办法中三包是指修理、更换、退货。", "三包", True),
    # the term in quotes (held-out probe: "“异常件”指的是什么？" cited 第三条 and a 异常件 rule beside it)
    ("第三条 本制度所称“在库商品”，是指已完成入库验收的商品。本制度所称“异常件”，是指在配送过程中发生破损的包裹。", "异常件", True),
    ("（二）“敏感信息”是指身份证号码、银行卡号。", "敏感信息", True),
    ("发生“异常件”的，物流专员应当在2小时内联系承运商。", "异常件", False),
    # when an act is deemed done, for "什么时候算交付" (a fresh law probe: 电子商务法 第五十一条 came second, after a 三包 rule
    # that says "自商品交付之日起七日内")
    ("合同标的为交付商品并采用快递物流方式交付的，收货人签收时间为交付时间。", "交付时间", True),
    ("自商品交付之日起七日内，经营者应当予以退货。", "交付时间", False),
])
def test_a_clause_defines_a_term(text, term, yes):
    from assistant.retrieve import defines

    assert defines(_c(text), term) is yes


@pytest.mark.parametrize("text,term,yes", [
    # a clause that starts by saying what the term is (个人信息保护法第四条 ranked below the 匿名化 it excludes)
    ("第四条 个人信息是以电子或者其他方式记录的与已识别或者可识别的自然人有关的各种信息，不包括匿名化处理后的信息。", "个人信息", True),
    ("电子商务平台就是为交易双方提供网络经营场所的平台。", "电子商务平台", True),
    # or says what the thing's term is, of what it names: "运营流程那份材料里认为核心是啥？"
    ("4.网站建设与运营电子商务的核心是企业的网站。", "核心", True),
    ("明确自己的核心竞争力和目标客户群体。", "核心", False),
    ("人力资源管理是电子商务公司管理制度中的核心环节。", "核心", False),
    # not whether it is, not a clause about something else that uses the term, nor a sentence that says no "是…的"
    ("个人信息是否属于敏感个人信息，由处理者判断的。", "个人信息", False),
    ("处理个人信息是以合法为前提的行为。", "个人信息", False),
    ("个人信息是重要资产。", "个人信息", False),
])
def test_a_clause_that_says_what_a_term_is_defines_it_loosely(text, term, yes):
    from assistant.retrieve import defines

    assert defines(_c(text), term, loose=True) is yes
    assert defines(_c(text), term) is False  # (not as a clause that says 是指 does: it is taken only where none does)


@pytest.mark.parametrize("text, parent, yes", [
    ("（一）未在首页显著位置公示营业执照信息的；",
     "第七十六条 电子商务经营者违反本法规定，有下列行为之一的，由市场监督管理部门责令限期改正，可以处一万元以下的罚款：", True),
    ("第七十五条 电子商务经营者违反本法第十三条规定，销售法律、行政法规禁止交易的商品的，依照有关法律、行政法规的规定处罚。", None, True),
    ("第十五条 电子商务经营者应当在其首页显著位置，持续公示营业执照信息。", None, False),
    # a duty with its sanction in the same article is the duty's article
    ("第二十条 经营者应当明码标价。违反前款规定的，由市场监督管理部门责令改正，处五千元以下罚款。", None, False),
    ("（一）使用“国家级”等用语；", "第九条 广告不得有下列情形：", False),  # a prohibited content, no sanction
    # persons sanctioned in a sentence of their own, a ban laid on them among the sanctions
    ("第六十六条 违反本法规定处理个人信息的，由履行个人信息保护职责的部门责令改正，给予警告。有前款规定的违法行为，情节严重的，"
     "由省级以上履行个人信息保护职责的部门责令改正，并处五千万元以下罚款；对直接负责的主管人员和其他直接责任人员处十万元以上"
     "一百万元以下罚款，并可以决定禁止其在一定期限内担任相关企业的董事、监事、高级管理人员和个人信息保护负责人。", None, True),
    # a company's, by points named before their number or a right taken away for a time (blind probes P73-P117)
    ("第二十二条 违反第七条、第十一条规定的，平台扣除商家信用分12分，并取消其助农直播标签3个月。", None, True),
    ("4.2 使用违规话术的，每次扣减当月绩效分2分；", None, True),
    ("6.3 商家售后纠纷率连续两个月超过3%的，平台暂停其新品上架权限30天。", None, True),
    ("第十五条 免押用户发生逾期超过15日的，平台可以取消其免押资格。", None, True),
    ("第八条 商家应当在信用分扣除后3日内提交整改报告，不得暂停发货。", None, False),
    # a criminal sanction is one too
    ("（一）非法买卖原粉、原液、制剂500克以上的；", "第二条 非法买卖毒鼠强等禁用剧毒化学品，具有下列情形之一的，属于刑法第一百"
     "二十五条规定的“情节严重”，处十年以上有期徒刑、无期徒刑或者死刑：", True),
])
def test_a_penalty_provision_is_told_from_a_duty(text, parent, yes):
    from assistant.provisions import penal

    assert penal(_c(text), _c(parent) if parent else None) is yes


@pytest.mark.parametrize("question, yes", [
    ("卖假货会被罚多少？", True), ("非法买卖毒鼠强多少克就要判刑？", True), ("这样做会坐牢吗？", True),
    ("要承担刑事责任吗？", True), ("网店要公示营业执照吗？", False), ("怎么判断是不是自营商品？", False),
    # points deducted up to a count, pay named before its deduction (blind probes P110, P81)
    ("安装师傅一年里扣到多少分会被取消认证？", True), ("质检被判了致命错误，绩效奖金要扣多少？", True),
    ("优惠券能抵扣多少钱？", False),
])
def test_a_question_about_sanctions_is_told(question, yes):
    from assistant.provisions import ASKS_SANCTION

    assert bool(ASKS_SANCTION.search(question)) is yes


def test_a_long_clause_is_quoted_by_the_sentences_that_hold_what_only_they_say():
    """Every sentence of the article says 宣誓; the one that answers is the one that says 国歌."""
    from assistant.answer import _statement

    article = _c("第八条 宣誓仪式可以采取单独宣誓或者集体宣誓的形式。单独宣誓时，宣誓人应当左手抚按《中华人民共和国宪法》，"
                 "右手举拳，诵读誓词。集体宣誓时，由一人领誓，领誓人左手抚按《中华人民共和国宪法》，右手举拳，领诵誓词；"
                 "其他宣誓人整齐排列，右手举拳，跟诵誓词。宣誓仪式应当奏唱中华人民共和国国歌。宣誓场所应当庄重、严肃，"
                 "悬挂中华人民共和国国旗或者国徽。")
    said = _statement("宪法宣誓的时候要奏国歌吗", article, whole=False)
    assert "奏唱中华人民共和国国歌" in said
    assert len(said) < len(article.text) / 2  # two sentences, not the article
    # what is left out is marked, between and after the sentences quoted (a penalty's "情节较重的，处…拘留" left out
    # read as the whole penalty)
    assert said == "宣誓仪式可以采取单独宣誓或者集体宣誓的形式……宣誓仪式应当奏唱中华人民共和国国歌……"
    said = _statement("宣誓仪式采取什么形式，单独宣誓要怎么做", article, whole=False)
    assert said.startswith("宣誓仪式可以采取单独宣誓或者集体宣誓的形式。单独宣誓时") and said.endswith("诵读誓词……")


def test_a_time_asked_is_quoted_from_the_sentence_that_sets_one_and_a_synonym_counts_as_the_clauses_word():
    """Held-out law probe: "…怎么申辩？平台多久之内要把链接恢复？" quoted 电子商务法 第四十三条 without its "…后十五日内，
    未收到…的，应当及时终止所采取的措施", the one sentence that sets a time (its words are not the question's); "外包公司
    能再转包给别人吗？" quoted 个保法 第二十一条 without "…受托人不得转委托他人处理个人信息" (转包, the staff word)."""
    from assistant.answer import _statement
    from assistant.thesaurus import Thesaurus

    article = _c("第四十三条 平台内经营者接到转送的通知后，可以向电子商务平台经营者提交不存在侵权行为的声明。声明应当包括不存在侵权"
                 "行为的初步证据。电子商务平台经营者接到声明后，应当将该声明转送发出通知的知识产权权利人，并告知其可以向有关主管部门"
                 "投诉或者向人民法院起诉。电子商务平台经营者在转送声明到达知识产权权利人后十五日内，未收到权利人已经投诉或者起诉通知"
                 "的，应当及时终止所采取的措施。")
    said = _statement("我们店被平台转来侵权投诉，但我们觉得没侵权，怎么申辩？平台多久之内要把链接恢复？", article, whole=False)
    assert "十五日内" in said and "提交不存在侵权行为的声明" in said
    entrusted = _c("第二十一条 个人信息处理者委托处理个人信息的，应当与受托人约定委托处理的目的、期限、处理方式、个人信息的种类、"
                   "保护措施以及双方的权利和义务等，并对受托人的个人信息处理活动进行监督。受托人应当按照约定处理个人信息，不得超出约定"
                   "的处理目的、处理方式等处理个人信息；委托合同不生效、无效、被撤销或者终止的，受托人应当将个人信息返还个人信息处理者"
                   "或者予以删除，不得保留。未经个人信息处理者同意，受托人不得转委托他人处理个人信息。")
    q = "客服外包给第三方公司，外包公司能再转包给别人吗？"
    assert "不得转委托" not in _statement(q, entrusted, whole=False)
    assert "不得转委托" in _statement(q, entrusted, whole=False, thesaurus=Thesaurus.load())


def test_an_exception_after_a_semicolon_is_quoted_with_its_rule():
    """Held-out law probe: "…没授权的支付损失由谁来担？" quoted 电子商务法 第五十七条's "…由电子支付服务提供者承担" and
    left out what follows its semicolon, "…能够证明…是因用户的过错造成的，不承担责任"."""
    from assistant.answer import _statement

    article = _c("第五十七条 用户应当妥善保管交易密码、电子签名数据等安全工具。用户发现安全工具遗失、被盗用或者未经授权的支付的，"
                 "应当及时通知电子支付服务提供者。未经授权的支付造成的损失，由电子支付服务提供者承担；电子支付服务提供者能够证明"
                 "未经授权的支付是因用户的过错造成的，不承担责任。电子支付服务提供者发现支付指令未经授权，应当立即采取措施防止损失"
                 "扩大。")
    said = _statement("用户的支付账户被盗刷了，这笔没授权的支付损失由谁来担？", article, whole=False)
    assert "由电子支付服务提供者承担；电子支付服务提供者能够证明" in said and "不承担责任" in said
    assert "防止损失扩大" not in said  # (the sentence after, no exception, is left out)


def test_the_sentences_quoted_do_not_turn_on_the_order_of_a_set():
    """Two sentences that hold the question's words equally are an exact tie, broken by their order in the clause; the
    weights were summed in the order of a set, so a fresh clone's run (another PYTHONHASHSEED) quoted the other one."""
    import os
    import subprocess
    import sys

    code = ("from assistant.answer import _statement\nfrom ingest.records import Clause\n"
            "t = ('第八条 宣誓仪式可以采取单独宣誓或者集体宣誓的形式。单独宣誓时，宣誓人应当左手抚按《中华人民共和国宪法》，右手举拳，"
            "诵读誓词。集体宣誓时，由一人领誓，领誓人左手抚按《中华人民共和国宪法》，右手举拳，领诵誓词；其他宣誓人整齐排列，"
            "右手举拳，跟诵誓词。宣誓仪式应当奏唱中华人民共和国国歌。宣誓场所应当庄重、严肃，悬挂中华人民共和国国旗或者国徽。')\n"
            "print(_statement('宣誓仪式采取什么形式，单独宣誓要怎么做', Clause('d/a', 'd', 'D', '《D》', (), t), False))")
    said = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("10", "14", "22")}
    assert len(said) == 1 and said.pop().strip().endswith("诵读誓词……")


def _hit(id_: str, text: str, score: float):
    from assistant.retrieve import Hit

    return Hit(Clause(f"d/{id_}", "d", "D", f"《D》{id_}", ("D",), text), score)


@pytest.mark.parametrize("question, first", [
    # a time limit said by a clause about something else is no answer: the best clause stays first
    ("退款多久到账？", "a1"),
    ("新员工入职要培训多久？", "a1"),
    # one that shares the question's words as much as the best clause does comes first
    ("员工离职要提前多久说？", "a2"),
])
def test_a_how_long_question_cites_a_time_limit_only_from_a_clause_on_its_subject(question, first):
    from assistant.answer import _choose

    ranked = [_hit("a1", "平台可以建立退款机制、客服热线等，培训制度应贴近业务需求。", 0.03),
              _hit("a2", "人员离职必须提前一个月向部门经理提出。", 0.02)]
    assert _choose(question, ranked, k=5, max_clauses=1)[0].clause.id == f"d/{first}"


def test_a_time_limit_before_the_word_asked_of_states_the_time():
    """Probe M: "他的后台账号多久会被注销？" quoted "账号连续60日未登录的，…予以注销" first, above the clause found first,
    "…应当在24小时内注销其全部账号": its time stands before 账号, the word before the ask, which only a time after it
    could follow. (A number asked, "累计几天", still needs it after: "连续旷工三天或当月累计____天" states none.)"""
    from assistant.answer import _choose

    ranked = [_hit("6.1", "员工离职的，人力资源部应当在离职手续办结当日通知信息安全部，信息安全部应当在24小时内注销其全部账号。", 0.03),
              _hit("6.2", "账号连续60日未登录的，系统自动冻结；冻结满30日仍未申请解冻的，予以注销。", 0.02)]
    assert _choose("同事离职以后，他的后台账号多久会被注销？", ranked, k=5, max_clauses=1)[0].clause.id == "d/6.1"
    # (the review's) a period that is a condition, not a time limit, states none before the word
    ranked = [_hit("a", "商家退出平台的，平台应当退还店铺保证金。", 0.03), _hit("b", "经营满12个月的店铺保证金可以申请降低。", 0.01)]
    assert _choose("店铺保证金多久退还？", ranked, k=5, max_clauses=1)[0].clause.id == "d/a"
    assert unanswered_quantity("一个月里零零散散旷工，累计几天会被公司自动处理？",
                               [_c("擅自不到岗,视为缺勤,一律做旷工处理,扣除当天工资,连续三天或当月累计____天的员工作自动处理")]) == "几天"


def test_a_quantity_asked_is_stated_in_the_clauses_own_terms():
    """Held-out probes, the right clause first each time and not found: "签到能拿多少分" ← "可获得5个积分"; "供应商考核指标
    权重多少" ← "考核指标及权重如下：质量合格率占40%…" (the values after a colon); "抽检比例多少" ← "人工抽检比例为每名客服
    每周会话量的5%" (a phrase on the very thing asked, its number past the reach of the word before the ask)."""
    assert unanswered_quantity("签到能拿多少分？", [_c("会员每日签到可获得5个积分。")]) is None
    assert unanswered_quantity("供应商考核指标权重多少？", [_c("考核指标及权重如下：质量合格率占40%，准时交付率占30%。")]) is None
    assert unanswered_quantity("抽检比例多少？", [_c("人工抽检比例为每名客服每周会话量的5%，且每周不少于20通。")]) is None
    # (not a number of something else in the phrase, nor one far from a word that is not what is asked)
    assert unanswered_quantity("抽检比例多少？", [_c("人工抽检每名客服每周会话，全年不少于20次。")]) == "比例多少"
    assert unanswered_quantity("签到能拿多少分？", [_c("会员每日签到可获得积分，连续签到满7天的另行奖励。")]) == "多少分"


def test_an_article_numbered_with_zhi_yi_is_quoted_without_its_number():
    """Held-out probe: "第六条之一 平台开展积分翻倍…" was quoted "之一 平台开展…"."""
    from assistant.answer import _statement

    said = _statement("积分翻倍活动要提前几天公示？", _c("第六条之一 平台开展积分翻倍活动的，应当提前3日公示活动规则。"), whole=True)
    assert said.startswith("平台开展积分翻倍")


def test_a_count_that_happened_is_no_quantity_asked():
    """Held-out probe: "收货时发现少了几箱，仓管应该怎么处理？" was not found ("问题问的是“几箱”…"): 了几 says how many
    went missing, a few; it asks what to do."""
    assert unanswered_quantity("收货时发现少了几箱，仓管应该怎么处理？", [_c("验收发现数量短缺的，仓库管理员应当当场拍照留证。")]) is None
    assert unanswered_quantity("客服这个月迟到了几次，会被怎么处理？", [_c("迟到的，扣当月绩效分。")]) is None
    assert unanswered_quantity("一次最多能退几箱？", [_c("验收发现数量短缺的，仓库管理员应当当场拍照留证。")]) == "几箱"
    # (review) without another ask after it, 了几 asks the count: "广告违法被罚了几次会吊销营业执照？"
    assert unanswered_quantity("员工迟到了几次会被罚款？", [_c("对消极怠工的员工，公司处以罚款。")]) == "几次"
    # the time that counts answers 几次 (review: "主播违规几次会被解除合作？" was not found)
    assert unanswered_quantity("主播违规几次会被解除合作？",
                               [_c("主播违反本办法第二部分规定的，首次警告，第二次暂停直播一个月，第三次解除合作。")]) is None
    # (wherever the ladder stands after the words before the ask: "会员违规了几次会被冻结积分账户？"; second review)
    ladder = _c("会员以刷单、虚假交易等方式违规获取积分的，首次发现的，扣回积分；第二次发现的，冻结积分账户90日；第三次发现的，"
                "取消会员资格。")
    assert unanswered_quantity("会员违规了几次会被冻结积分账户？", [ladder]) is None
    assert unanswered_quantity("会员刷单违规几次会被取消会员资格？", [ladder]) is None


def test_a_count_of_times_before_the_act_counted_states_it():
    """Probe P28: "密码连着输错几次会被锁？" was not found ("问题问的是“几次”") beside "连续5次输错密码的，账号锁定30分钟": the
    count of an act stands before its verb."""
    assert unanswered_quantity("密码连着输错几次会被锁？", [_c("连续5次输错密码的，账号锁定30分钟。")]) is None
    assert unanswered_quantity("迟到几次会被警告？", [_c("累计3次以上迟到的，给予书面警告。")]) is None
    # (not a count of something else before it)
    assert unanswered_quantity("密码连着输错几次会被锁？", [_c("系统密码长度不少于10位，输错密码的，账号锁定30分钟。")]) == "几次"


def test_a_count_under_a_bound_is_asked_whatever_it_counts():
    """Probe P28: "场控一个人最多能同时盯几个直播间？" quoted 场控's definition, which states no number; a count of 个 answers,
    not 2个工作日."""
    q = "场控一个人最多能同时盯几个直播间？"
    assert unanswered_quantity(q, [_c("场控，是指在直播过程中负责商品上下架的工作人员。")]) == "几个"
    assert unanswered_quantity(q, [_c("直播运营部在2个工作日内完成调查，提出处理意见。")]) == "几个"
    assert unanswered_quantity(q, [_c("每名场控同时负责的直播间不得超过2个。")]) is None
    assert unanswered_quantity("申请要准备哪几个材料？", [_c("申请人应当提交申请书。")]) is None  # (a list, no count)


def test_a_lead_time_asked_is_cited_from_a_clause_that_states_one():
    """Probe P28: "选品单最晚提前几天报给品控？" was not found: the clause ranked first states "近30天", no lead time, and the
    one second, "…应当在计划开播日前至少5个工作日将选品清单提交品控部审核", says no 品单 (the anchor, a jieba split)."""
    from assistant.answer import _choose

    ranked = [_hit("a2", "近30天店铺差评率超过3%的商品，原则上不进入直播选品池。", 0.03),
              _hit("b", "商品部应当在计划开播日前至少5个工作日将选品清单提交品控部审核。", 0.02)]
    assert _choose("选品单最晚提前几天报给品控？", ranked, k=5, max_clauses=1)[0].clause.id == "d/b"


def test_the_case_of_a_rule_the_question_tells_comes_first():
    """Probe P28: "供应商的专票我们已经抵扣了，后来发现开错了，咋弄？" cited the 发票台账 article, first, not the case of the rule
    it tells ("（二）跨月或者公司已勾选抵扣的，须…开具红字发票"), whose sibling "（一）…尚未勾选抵扣的" was second."""
    from assistant.answer import _choose

    ranked = [_hit("a21", "财务部应当建立发票台账，增值税专用发票应当在收到后当月完成勾选确认。", 0.03),
              _hit("a20/i1", "（一）发票开具当月发现错误且公司尚未勾选抵扣的，由供应商作废后重新开具；", 0.025),
              _hit("a17", "供应商应当在对账确认后10个工作日内开具发票。", 0.02),
              _hit("a20/i2", "（二）跨月或者公司已勾选抵扣的，须由财务部提交《红字发票信息确认单》，供应商开具红字发票；", 0.015)]
    assert _choose("供应商的专票我们已经抵扣了，后来发现开错了，咋弄？", ranked, k=5, max_clauses=1)[0].clause.id == "d/a20/i2"
    assert _choose("发票开错了，还没抵扣的话怎么办？", ranked, k=5, max_clauses=1)[0].clause.id == "d/a20/i1"
    # (a state told by no case of one rule among the top k moves nothing)
    assert _choose("供应商的专票我们已经抵扣了，后来发现开错了，咋弄？", ranked[:1] + ranked[3:], k=5,
                   max_clauses=1)[0].clause.id == "d/a21"


def test_a_case_told_not_done_finds_the_rule_that_sets_it_alone():
    """Probe P47: "买家没点头，快递员能不能直接把包裹塞进快递柜？" cited 第八条's list of what never goes into a locker, first,
    not "未经收件人同意，承运商不得将快件投放至…智能快递柜", fifth: 没点头 is the rule's case, 点头 the thesaurus's 同意."""
    from assistant.answer import _choose
    from assistant.thesaurus import Thesaurus

    ranked = [_hit("a8", "下列快件不得投放至智能快递柜，承运商应当当面交付收件人本人：", 0.03),
              _hit("a8/i1", "（一）保价金额在2000元以上的快件；", 0.025),
              _hit("a4", "承运商应当按照收货地址投递。未经收件人同意，承运商不得将快件投放至智能快递柜。", 0.02)]
    q = "买家没点头，快递员能不能直接把包裹塞进快递柜？"
    assert _choose(q, ranked, k=5, max_clauses=1, synonyms=Thesaurus.load().of)[0].clause.id == "d/a4"
    # (a case the question does not tell, or one no clause sets, moves nothing)
    assert _choose("快递员能不能直接把包裹塞进快递柜？", ranked, k=5, max_clauses=1,
                   synonyms=Thesaurus.load().of)[0].clause.id == "d/a8"
    assert _choose(q, ranked[:2], k=5, max_clauses=1, synonyms=Thesaurus.load().of)[0].clause.id == "d/a8"


def test_a_time_limit_asked_within_a_period_is_stated_by_a_clause_on_that_act():
    """Probe P51: "修东西要换零件的话，一般几天之内得修好？" was not found, "需更换零部件的，应当在7日内修复" ninth; a case
    told for training ("六、典型案例 案例一：…维修超过15日…"), though it states days, comes after the rules."""
    from assistant.answer import _choose

    ranked = [_hit("x3", "（三）因厂家停产等原因无法提供维修所需零部件的；", 0.03),
              _hit("x6", "六、典型案例 案例一：2024年7月，某用户的冰箱出现故障，因厂家配件缺货，维修超过15日仍未修复，网点为其换新。", 0.028),
              _hit("a7", "第七条 客服人员应当礼貌接听来电。", 0.027), _hit("a1", "第一条 为规范维修服务，制定本规范。", 0.026),
              _hit("a2", "第二条 本规范适用于全部网点。", 0.025), _hit("a3", "第三条 网点应当配备专职人员。", 0.024),
              _hit("a8/i2", "（二）需更换零部件的，应当在7日内修复；", 0.02)]
    assert _choose("修东西要换零件的话，一般几天之内得修好？", ranked, k=5, max_clauses=1)[0].clause.id == "d/a8/i2"
    # (not a time limit on another act: "…24小时内做出响应" for "…多少小时内必须发货？")
    ranked[-1] = _hit("a8/i2", "（二）用户投诉的，应当在24小时内做出响应；", 0.02)
    assert _choose("用户投诉了，最晚多少小时内必须发货？", ranked, k=5, max_clauses=1)[0].clause.id != "d/a8/i2"


@pytest.mark.parametrize("case", [
    "案例一：2024年7月，某用户的冰箱在保修期内出现故障，网点于3日内修复，用户表示满意。",
    "【案例二】2024年3月，用户王先生报修洗衣机，网点于3日内修复。",
])
def test_a_case_told_for_training_comes_after_the_rules(case):
    """A case told for training ("六、典型案例 案例一：2024年7月，某城区用户…", probes P45, P47, P51-P53) says what happened
    to someone, not what is required: as a report, it comes after the rules of the top k."""
    from assistant.answer import _choose

    ranked = [_hit("x6", case, 0.03), _hit("a8", "第八条 保修期内的维修，网点应当在15日内修复。", 0.029)]
    assert _choose("保修期内的维修，网点最晚几天之内要修好？", ranked, k=5, max_clauses=1)[0].clause.id == "d/a8"
    assert _choose("保修期内的维修，网点最晚几天之内要修好？", ranked[:1] + [_hit("a8", "第八条 网点应当配备专职人员。", 0.029)],
                   k=5, max_clauses=1)[0].clause.id == "d/a8"


@pytest.mark.parametrize("question, text", [
    # whether it is charged for: a clause that says the fee, second
    ("过了保修期，师傅上门看一下要收钱吗？", "第十九条 保修期外的维修，上门检测费为每次30元；用户确认维修的，免收上门检测费。"),
    # an amount: all of it, or a share by a measure
    ("厂家保修还没过，想把延保退了，能退多少钱？", "（一）延保生效前（即厂家保修期内）申请退保的，全额退还延保费用；"),
    ("延保生效以后想退，能退多少钱？", "（二）延保生效后申请退保的，按剩余延保天数比例退还延保费用；"),
])
def test_a_charge_or_an_amount_asked_is_stated_by_a_clause_of_the_top_k(question, text):
    """Probe P51: "…师傅上门看一下要收钱吗？" and "…想把延保退了，能退多少钱？" were not found: a rule on service hours was
    first, and "全额退还" stated no amount."""
    from assistant.answer import _choose, unanswered_quantity

    ranked = [_hit("a6", "六、服务时间 上门服务时间一般为每日8:00至20:00，师傅可以根据用户要求调整。", 0.03),
              _hit("a19", text, 0.029)]
    chosen = _choose(question, ranked, k=5, max_clauses=1)
    assert chosen[0].clause.id == "d/a19" and unanswered_quantity(question, [h.clause for h in chosen]) is None


def test_a_permission_question_cites_a_rule_before_an_item_of_what_to_provide():
    """Probe P45: "…客服能不能听他这么一说就认了监护关系？" cited "（二）能够证明监护关系的户口簿或者出生医学证明" under "…监护人
    应当提供下列材料：", first, not "…不得仅凭来电口头陈述认定监护关系", second."""
    from dataclasses import replace

    from assistant.answer import _choose
    from assistant.retrieve import Hit

    lead = Clause("d/a7", "d", "D", "《D》第七条", ("D",), "第七条 监护人可以提出退款申请。提出申请时，监护人应当提供下列材料：")
    item = Clause("d/a7/i2", "d", "D", "《D》第七条（二）", ("D",), "（二）能够证明监护关系的户口簿或者出生医学证明；",
                  parent_id="d/a7")
    rule = Clause("d/a12", "d", "D", "《D》第十二条", ("D",), "第十二条 客服人员核验监护人身份时，应当采取视频核验方式，"
                  "不得仅凭来电口头陈述认定监护关系。")
    ranked = [Hit(item, 0.03), Hit(rule, 0.029), Hit(lead, 0.028)]
    parents = {"d/a7": lead}.get

    def first(q, hits):
        return _choose(q, hits, k=5, max_clauses=1, parent=lambda c: parents(c.parent_id or ""))[0].clause.id

    assert first("有人打电话说自己是孩子爸爸，客服能不能听他这么一说就认了监护关系？", ranked) == "d/a12"
    # (not a question of what to provide, nor an item whose lead-in forbids or permits)
    assert first("客服核验监护关系要看什么材料？", ranked) in {"d/a7", "d/a7/i2"}
    parents = {"d/a7": replace(lead, text="第七条 客服人员不得以下列材料认定监护关系：")}.get
    assert first("有人打电话说自己是孩子爸爸，客服能不能听他这么一说就认了监护关系？", ranked) != "d/a12"


@pytest.mark.parametrize("question, first", [
    ("报废一批3万块的残次品谁批？", "a9/i2"),  # (probe P30 cited the rule beside the tiers)
    ("报废一批八千多块钱的残次品谁批？", "a9/i1"),
    ("报废一批60万的残次品谁批？", "a9/i3"),
    ("报废一批两万多的残次品谁批？", "a9/i2"),  # (a price without its unit: "退回来一台三千多的手机"; probe P30)
])
def test_the_tier_a_sum_the_question_tells_falls_in_comes_first(question, first):
    from assistant.answer import _choose, _tiers

    assert _tiers("20万元以上不满100万元的，须经财务总监审批") == [(200000, 1000000)]
    ranked = [_hit("a10", "同一SKU在一个自然月内分批报废的，应当合并计算报废金额，不得拆分申请规避审批。", 0.03),
              _hit("a9/i1", "1. 单批报废成本金额在1万元以下的，由仓储物流中心负责人审批；", 0.025),
              _hit("a9/i2", "2. 1万元以上不满5万元的，须经财务部负责人审批；", 0.02),
              _hit("a9/i3", "3. 5万元以上的，还须报分管副总经理审批。", 0.015)]
    assert _choose(question, ranked, k=5, max_clauses=1)[0].clause.id == f"d/{first}"


def test_a_tier_that_closes_round_the_sum_comes_before_one_open_above_it():
    """Probe P36: "一单要赔800块，客服专员自己能批吗？" cited an FAQ's "超过200元的理赔申请应转本公司客服专员处理" (800 is over
    200) before "…500元以上不超过2000元的，由客服主管审批", second: a tier closed round the sum is the one it falls in."""
    from assistant.answer import _choose

    ranked = [_hit("q5", "问5：外包坐席能不能直接审批理赔？答：外包坐席的审批权限不得超过单笔200元，超过200元的理赔申请应转本公司客服"
                         "专员处理。", 0.03),
              _hit("4.4", "审批权限。单笔理赔金额在500元以下的，客服专员可直接审批；500元以上不超过2000元的，由客服主管审批；超过"
                          "2000元的，报客户服务中心经理审批。", 0.02)]
    assert _choose("一单要赔800块，客服专员自己能批吗？不能的话找谁批？", ranked, k=5, max_clauses=1)[0].clause.id == "d/4.4"
    assert _choose("一单要赔100块，外包坐席能批吗？", ranked[:1], k=5, max_clauses=1)[0].clause.id == "d/q5"


def test_a_few_in_a_yes_no_question_is_no_quantity_asked():
    """Held-out probe: "进口订单超过单次限额了，能拆成几单发吗？" was not found ("问题问的是“几单”"): in a 吗 question 几 is
    "some", and it asks whether an order may be split."""
    rule = [_c("超出单次交易限值的订单，店铺负责人应当拒绝接单或者取消订单，不得拆单规避限值。")]
    assert unanswered_quantity("进口订单超过单次限额了，能拆成几单发吗？", rule) is None
    assert unanswered_quantity("超过限额的订单最多能拆成几单？", rule) == "几单"
    # (a count asked inside a yes-no question is still asked: "你知道要交几份材料吗")
    assert unanswered_quantity("知道超限的订单能拆成几单吗？", rule) == "几单"
    # (and a time: "投诉有说几天内处理完吗？" asks how many days; review)
    assert unanswered_quantity("投诉有说几天内处理完吗？", [_c("收到投诉后，客服部应当及时处理。")]) == "几天"
    assert unanswered_quantity("有规定要交几单吗？", rule) == "几单"


def test_a_quantity_is_stated_in_units_of_its_own_kind():
    """Held-out probe: training hours are 学时 ("要培训多少个小时" ← "不少于16学时的岗前培训", the number before the word
    asked of), and a cap in months of pay is a sum ("最多能让他赔多少" ← "…最高不超过责任人6个月的基本工资"): both were
    not found."""
    training = [_c("员工主播上岗前须完成不少于16学时的岗前培训，并通过直播合规考试。")]
    assert unanswered_quantity("新来的员工主播要培训多少个小时才能上岗？", training) is None
    assert unanswered_quantity("新来的员工主播要培训多少个小时才能上岗？",
                               [_c("员工主播上岗前须完成岗前培训，并通过直播合规考试。")]) == "多少个小时"
    # (not a condition's number: "满16个小时的培训" is what the rule is for)
    assert unanswered_quantity("新来的员工主播要培训多少个小时才能上岗？",
                               [_c("参加满16个小时的培训的员工主播，可以申请补贴。")]) == "多少个小时"
    # (nor a number that describes the thing: "保质期为30天的生鲜商品" sets no time to ship it; review)
    assert unanswered_quantity("生鲜商品多少天内要发货？", [_c("保质期为30天的生鲜商品，不得采用海运方式发货。")]) == "多少天"
    # (nor months of pay a case is of: "拖欠员工2个月的工资的，…"; review)
    assert unanswered_quantity("公司拖欠工资要赔员工多少钱？",
                               [_c("公司拖欠员工2个月的工资的，员工可以向劳动监察部门投诉。")]) == "多少钱"
    cap = [_c("因员工违规导致店铺被封的，公司可以要求责任人赔偿损失，赔偿金额最高不超过责任人6个月的基本工资。")]
    assert unanswered_quantity("员工违规导致店铺被封，公司最多能让他赔多少？", cap) is None
    assert unanswered_quantity("员工违规导致店铺被封，公司最多能让他赔多少钱？", cap) is None
    assert unanswered_quantity("员工违规导致店铺被封，公司最多能让他赔多少？",
                               [_c("因员工违规导致店铺被封的，公司可以要求责任人赔偿损失，并在6个月内不予晋升。")]) == "多少"


def test_what_the_asker_has_already_chooses_nothing():
    """Held-out probe: "化妆品要上直播，除了营业执照和检验报告还要什么材料？" cited the list's 检验报告 item, not the
    化妆品 one asked for."""
    from assistant.answer import _besides_last

    ranked = [_hit("n1", "1. 营业执照及品牌授权文件；", 0.03), _hit("n2", "2. 产品检验报告，报告出具日期应在12个月以内；", 0.025),
              _hit("n3", "3. 特殊品类（食品、化妆品、医疗器械）的许可或备案凭证。", 0.02)]
    q = "化妆品要上直播，除了营业执照和检验报告还要什么材料？"
    lead = lambda c: _c("第五条 商家申请直播须提交以下材料：")  # noqa: E731
    assert [h.clause.id for h in _besides_last(q, ranked, lead)] == ["d/n3", "d/n1", "d/n2"]
    # (clauses numbered as a standard numbers them are no items: "5.2 …退款…，商家还须按每单50元…补偿"; probe P76)
    assert _besides_last(q, ranked, lambda c: _c("5 售后")) == ranked
    assert _besides_last("化妆品要上直播，要什么材料？", ranked) == ranked
    # (解除 is no 除: "员工被解除劳动合同还要返还培训费用吗？"; review)
    rules = [_hit("x1", "1. 解除劳动合同的，员工应当返还培训费用。", 0.03), _hit("x2", "2. 报销材料包括发票。", 0.02)]
    assert _besides_last("员工被解除劳动合同还要返还培训费用吗？", rules) == rules

@pytest.mark.parametrize("statement, said", [
    ("跨境事业部按季度对店铺进行考核，考核指标包括：", "跨境事业部按季度对店铺进行考核"),
    ("平台应当公示下列信息，具体如下：", "平台应当公示下列信息"),
    ("…并通知履行个人信息保护职责的部门和个人。通知应当包括下列事项：", "…并通知履行个人信息保护职责的部门和个人"),
    # a duty in its last phrase stays ("…，应当赔偿损失：")
    ("售出的产品有下列情形之一的，销售者应当负责修理；给购买者造成损失的，应当赔偿损失：",
     "售出的产品有下列情形之一的，销售者应当负责修理；给购买者造成损失的，应当赔偿损失"),
    ("考核指标包括：", "考核指标包括"),
    # a rule that names a list after it stays ("…的，公司承担以下费用：" was quoted "商品发生批量质量问题的"; review)
    ("商品发生批量质量问题的，公司承担以下费用：", "商品发生批量质量问题的，公司承担以下费用"),
    ("违反本规定的，合规部有权采取以下措施：", "违反本规定的，合规部有权采取以下措施"),
    # an exception stays ("…且无需说明理由，但下列商品除外：")
    ("消费者有权自收到商品之日起七日内退货，且无需说明理由，但下列商品除外：", "消费者有权自收到商品之日起七日内退货，且无需说明理由，但下列商品除外"),
])
def test_a_lead_in_quoted_without_its_list_leaves_out_what_only_announces_it(statement, said):
    """Held-out probe: "…进行考核，考核指标包括[1]；" read as an answer cut off."""
    from assistant.answer import _unannounced

    assert _unannounced(statement) == said

def test_a_time_limit_then_the_act_in_the_next_phrase_states_the_time():
    """Law probe: "监管部门一般多少天内要处理？" ← 消费者权益保护法 第四十六条 "…自收到投诉之日起七个工作日内，予以处理并告知
    消费者" was not found: the act timed stands after a comma."""
    rule = [_c("消费者向有关行政部门投诉的，该部门应当自收到投诉之日起七个工作日内，予以处理并告知消费者。")]
    assert unanswered_quantity("顾客向市场监管部门投诉了我们店，监管部门一般多少天内要处理？", rule) is None
    # (not a phrase of another act: "…七个工作日内，将投诉转交…" sets the time of the referral, not of handling it)
    other = [_c("消费者向有关行政部门投诉的，该部门应当自收到投诉之日起七个工作日内，将投诉转交有关部门处理。")]
    assert unanswered_quantity("顾客向市场监管部门投诉了我们店，监管部门一般多少天内要处理？", other) == "多少天"

def test_a_time_limit_after_when_the_anchors_duty_applies_states_the_time():
    """Probe P45: "家长提交了未成年人退款申请以后，客服最晚多少天内要给人家答复结果？" cited the article on applying within
    90日, which names no 客服, before "客服人员受理退款申请后，应当在…15个工作日内向监护人告知处理结果": the anchor's phrase
    ends in when its duty applies ("…后"), and the limit is set in the next."""
    q = "家长提交了未成年人退款申请以后，客服最晚多少天内要给人家答复结果？"
    rule = [_c("客服人员受理退款申请后，应当在3个工作日内完成材料初审，并在受理之日起15个工作日内向监护人告知处理结果。")]
    assert unanswered_quantity(q, rule) is None
    # (not a phrase that states no limit: "客服人员受理退款申请后，应当核对材料。")
    assert unanswered_quantity(q, [_c("客服人员受理退款申请后，应当核对监护人提交的材料。")]) == "多少天"


def test_whether_a_case_is_of_a_defined_class_is_answered_by_the_definition():
    """Probe: "标签印错了算不算严重不合格？" cited the 严重不合格 procedure beside the article that defines it (and the
    seed's "…按标准定义算不算电子商务企业？" the clauses that use the term)."""
    from assistant.answer import _choose, only_asks_meaning
    from assistant.retrieve import asked_terms

    assert asked_terms("标签印错了算不算严重不合格？") == ["严重不合格"]
    assert asked_terms("这种情况属不属于“重大事故”呢？") == ["重大事故"]
    assert only_asks_meaning("标签印错了算不算严重不合格？") and not only_asks_meaning("算不算严重不合格？要怎么处理？")
    ranked = [_hit("a9", "抽检结果分为合格、轻微不合格和严重不合格三类。严重不合格，是指涉及安全指标、有害物质超标的问题。", 0.03),
              _hit("a11", "抽检结果为严重不合格的，应当按照以下程序处理：", 0.02)]
    assert [h.clause.id for h in _choose("标签印错了算不算严重不合格？", ranked, k=5, max_clauses=3)] == ["d/a9"]

def test_who_bears_a_cost_the_question_names_is_said_of_that_cost():
    """Held-out probes: "结汇时的汇率损失由谁承担？" and "跨境商品的关税由谁承担？" were answered by "召回费用由供应商承担",
    which allocates another cost."""
    recall = [_c("因供应商原因导致召回的，召回费用由供应商承担；其他原因导致召回的，由公司承担。")]
    assert unanswered_quantity("结汇时的汇率损失由谁承担？", recall) == "由谁承担"
    assert unanswered_quantity("跨境商品的关税由谁承担？", recall) == "由谁承担"
    assert unanswered_quantity("因为供应商的问题导致召回，费用谁承担？", recall) is None  # a cost of any kind
    assert unanswered_quantity("召回产生的损失由谁承担？", recall) is None
    assert unanswered_quantity("召回的钱最后谁出？", recall) is None
    assert unanswered_quantity("召回产生了一笔损失，这个损失该谁来承担？", recall) is None  # (这个 names no cost)
    assert unanswered_quantity("结汇时的汇率损失由谁承担？", [_c("结汇产生的汇率损失由店铺承担。")]) is None
    # a cost said otherwise in a word of it, of its kind with what it is of, or among a list of costs (review)
    assert unanswered_quantity("进口税由谁承担？", [_c("跨境进口商品的进口关税由消费者承担。")]) is None
    assert unanswered_quantity("汇兑损失由谁承担？", [_c("结汇产生的汇率损失由财务部承担。")]) is None
    assert unanswered_quantity("包装费谁出？", [_c("包装材料费用由仓储部承担。")]) is None
    assert unanswered_quantity("差旅费由谁承担？", [_c("员工因公出差的，公司承担以下费用：")]) is None
    # a fee of one character's kind by any name of it
    assert unanswered_quantity("退货的邮费谁出？", [_c("退回商品的运费由消费者承担。")]) is None
    # (a liability is no cost: "违约责任由谁承担" is asked as before)
    assert unanswered_quantity("违约责任由谁承担？", [_c("逾期交付的，由外包服务商承担违约责任。")]) is None
    # the cost 费用 of what the question names before 的, its ask after 是 (probe P22: "上门安装的费用是谁出？" was answered by
    # "…拒收大件商品所产生的返程运费由消费者承担")
    back = [_c("因消费者自身原因拒收大件商品所产生的返程运费由消费者承担。")]
    assert unanswered_quantity("大件家具送到了，上门安装的费用是谁出？", back) == "谁出"
    assert unanswered_quantity("上门安装的费用是谁出？", [_c("大件商品的上门安装费用由商家承担。")]) is None
    assert unanswered_quantity("拒收的费用谁出？", [_c("因消费者原因拒收的，返程运费由消费者承担。")]) is None
    # another name of the cost, borne by a party said before 承担 (probes P54, P57)
    assert unanswered_quantity("金价跌了，差价谁出？", [_c("（二）退货受理当日金价低于下单时金价的，客户应承担金价差额，从退款中扣除；")]) is None
    assert unanswered_quantity("质量问题退回来的快递费到底谁出？", [_c("第十二条 质量问题退换货产生的往返运费由商家承担。")]) is None
    assert unanswered_quantity("快递费到底谁出？", recall) == "谁出"

def test_a_time_limit_named_a_few_words_after_the_word_asked_states_the_time():
    """Fresh probe: "在线客服多久之内必须回复客户？" cited "客户留言及工单应当在24小时内回复" before "在线客服首次响应时长不得超过
    30秒", its 30秒 past the reach of 客服: the phrase names the time limit (响应时长) a few words on."""
    from assistant.answer import _PERIOD_ASKED, _asked, _states

    q = "在线客服多久之内必须回复客户？"
    assert _states(_c("在线客服首次响应时长不得超过30秒，平均响应时长应当控制在60秒以内。"), _asked(q, _PERIOD_ASKED), q)
    assert not _states(_c("在线客服应当使用文明用语，每月参加不少于2小时的培训。"), _asked(q, _PERIOD_ASKED), q)


def test_a_time_limit_counted_from_an_event_and_the_nth_day_after_one_state_the_time():
    """Probe P61: "…申请后平台多少天退回来？" and "…订单完成以后钱几天能进平台余额？" were not found, first by both retrievers:
    "平台应当自收到退还申请之日起15个工作日内完成审核…" sets its limit counted from an event (自…之日起…内, not 在…内), and
    "…实行T+3结算，即订单确认完成后第3个工作日，结算款进入…余额" names the day by its ordinal."""
    from assistant.answer import _PERIOD_ASKED, _asked, _states

    q = "阿姨不做了想退保证金，申请后平台多少天退回来？"
    asked = _asked(q, _PERIOD_ASKED)
    assert _states(_c("（二）平台应当自收到退还申请之日起15个工作日内完成审核并将保证金余额退还至原缴纳账户。"), asked, q)
    assert not _states(_c("（二）平台应当自收到退还申请之日起及时完成审核，审核通过后3个月内不得再次入驻。"), asked, q)
    q = "个人做保洁的阿姨，订单完成以后钱几天能进平台余额？"
    asked = _asked(q, _PERIOD_ASKED)
    assert _states(_c("第八条 个人入驻服务人员的订单，实行T+3结算，即订单确认完成后第3个工作日，结算款进入服务人员的平台账户余额。"),
                   asked, q)
    assert not _states(_c("第八条 个人入驻服务人员的订单，在订单确认完成后的第一个结算日，结算款进入服务人员的平台账户余额。"), asked, q)


def test_a_name_quoted_between_a_period_and_the_act_asked_counts_as_one_word():
    """Probe P58: "顾客收到烂果了，最晚多少个小时内得提交包赔申请？" cited "客服应当在用户提交申请后2小时内完成首次响应" (a period
    that runs from the act) before "消费者应当在签收后48小时内，通过订单详情页的“坏果包赔”入口提交申请", whose 提交 lay past
    the reach of its period behind the name of the entry."""
    from assistant.answer import _period_before

    assert _period_before("（一）消费者应当在签收后48小时内，通过订单详情页的“坏果包赔”入口提交申请。", "提交")
    assert not _period_before("（一）消费者应当在签收后48小时内，通过订单详情页的“售后服务与坏果包赔专区”入口或者客服热线提交申请。", "提交")
    assert not _period_before("1. 客服应当在用户提交申请后2小时内完成首次响应。", "提交")


def test_a_count_told_roughly_picks_its_tier():
    """Probe P59: "过户拖了十几天还没办好，客户可以怎么处理？" cited "逾期1日至10日的，车商按…每日万分之五…支付违约金",
    not "逾期超过10日的，消费者有权解除合同并要求全额退款": 十几天 told no count. It tells about 15 days; 几十天 tells none."""
    from assistant.answer import _counts_told, _tiers

    assert _counts_told("过户拖了十几天还没办好，客户可以怎么处理？") == [(15.0, "天")]
    assert _counts_told("等了二十几天") == [(25.0, "天")]
    assert _counts_told("几十天了还没到") == []
    assert _tiers("（二）逾期超过10日的，消费者有权解除合同并要求全额退款。", "天")[0][0] == 10.0


def test_months_and_more_and_a_share_and_more_are_past_the_round_count():
    """Blind probes P116, P117: "借的钱拖了一个多月还没核销…" told no count (一 is no count alone) and cited the 催办 rule, not
    "逾期超过30天的，…从借款人当月工资中扣回"; "一箱里烂了三成多" told 30%, in "坏果率低于30%的…" as much as in "达到30%及以上"."""
    from assistant.answer import _counts_told

    assert _counts_told("借的钱拖了一个多月还没核销") == [(45.0, "天")]
    assert _counts_told("拖了两个多月") == [(75.0, "天")]
    assert _counts_told("一箱里烂了三成多") == [(35.0, "%")]
    assert _counts_told("降了两成") == [(20.0, "%")]
    assert _counts_told("一个月内") == []
    # (past a count, said so: "请假超过三天的话最后是谁来批？" was of "1天以上3天以内（含3天）的"; blind probe P124)
    assert _counts_told("请假超过三天的话最后是谁来批？") == [(3.5, "天")]
    assert _counts_told("请三天假谁来批？") == [(3.0, "天")]


@pytest.mark.parametrize("note", [
    "【修订说明】近两年，平台全屋定制类目交易额年均增长超过40%，为回应消费者关切，平台对本规范进行了修订。",
    "编制说明：本规范根据近一年来客服工单运行情况修订，重点解决退票高峰期响应慢等问题。",
    "近年来，“大数据杀熟”问题受到社会广泛关注，部分旅客反映新老用户看到的价格不一致。",
    # (and the history of the rules, and a background bracketed: probes P62, P63)
    "本办法于2021年首次印发，原名《商家准入须知》。近三年来，部分商家对新老用户设置不同价格。",
    "【修订背景】原《单项产品退改规则》施行三年来，新老用户看到的价格不一致的投诉占比上升。",
])
def test_a_note_on_how_the_document_came_to_be_comes_after_the_rules(note):
    """Probes P49, P56: a revision or compilation note, or the background it opens with ("近年来，…"), tells what happened,
    not what is required: "新注册用户下第一单比老用户便宜，这算不算大数据杀熟？" quoted the 背景 "近年来，“大数据杀熟”…" before
    the rule "禁止大数据杀熟：平台不得…"."""
    from assistant.answer import _choose

    ranked = [_hit("p1", note, 0.03), _hit("a5", "第五条 平台不得利用大数据分析，对新老用户设置不同的价格。", 0.029)]
    assert _choose("新用户和老用户价格不一样，算不算大数据杀熟？", ranked, k=5, max_clauses=1)[0].clause.id == "d/a5"
    # (a rule that opens with a year is no note: "近年来" alone, not "2024年…起")
    ranked[0] = _hit("p1", "2024年起，平台不得对新老用户设置不同的价格。", 0.03)
    assert _choose("新用户和老用户价格不一样，算不算大数据杀熟？", ranked, k=5, max_clauses=1)[0].clause.id == "d/p1"


def test_a_clause_under_a_background_heading_comes_after_the_rules():
    """Probe P62: "商家伪造疫苗本，第一次被查出来会怎么处理？" cited "一、背景" ("…个别商家甚至伪造接种记录…") first, before
    "经核实系伪造、篡改疫苗证明…的，首次扣除保证金5000元"."""
    from assistant.answer import _choose
    from assistant.retrieve import Hit

    told = Hit(Clause("d/h1", "d", "D", "《D》一、背景", ("D", "一、背景"), "抽查发现，部分商家上传的疫苗本存在信息不全等问题，个别商家"
                      "甚至伪造接种记录。"), 0.03)
    rule = Hit(Clause("d/h4/n2", "d", "D", "《D》四、2.", ("D", "四、存疑与造假处理"), "2. 经核实系伪造疫苗证明的，首次扣除保证金"
                      "5000元并下架该商家全部活体商品。"), 0.029)
    assert _choose("商家伪造疫苗本，第一次被查出来会怎么处理？", [told, rule], k=5, max_clauses=1)[0].clause.id == "d/h4/n2"


@pytest.mark.parametrize("question, how_often", [
    ("账期客户的授信额度平时多久要重新评估一次？", True),  # (a verb of a few words before 一次: blind probe P106)
    ("会员等级多久评一次？", True),
    ("客户投诉进来以后，最晚多长时间内要给客人第一次回复？", False),  # (第一次 is which reply, no rate)
    ("多久要回复？", False),
])
def test_how_often_is_asked_by_a_time_and_once(question, how_often):
    from assistant.answer import _FREQUENCY_ASKED

    assert bool(_FREQUENCY_ASKED.search(question)) is how_often


def test_an_introduction_not_parsed_off_its_text_comes_after_the_rules():
    """The seed's "第一章引言随着电子商务的迅速发展…本文将探讨…标准和要求。" (its chapter title glued to the text) was first for
    "公共服务平台上线以后，要不要隔一段时间有人来查查它到底做得怎么样？", before "第四章质量评估与监督…应进行定期的质量评估和
    监督"; an introduction says why, so it still answers a question that asks why."""
    from assistant.answer import _choose
    from assistant.retrieve import Hit

    intro = Hit(Clause("d/c1", "d", "D", "《D》第一章", ("D", "第一章"), "第一章引言随着网上商城的迅速发展，平台的质量成为了一个"
                       "重要的话题。本文将探讨平台质量评估的标准和要求。"), 0.03)
    rule = Hit(Clause("d/c4", "d", "D", "《D》第四章", ("D", "第四章"), "第四章质量评估为了确保平台的质量，应进行定期的质量评估。"),
               0.029)
    assert _choose("平台的质量要不要评估？", [intro, rule], k=5, max_clauses=1)[0].clause.id == "d/c4"
    assert _choose("为什么要做质量评估？", [intro, rule], k=5, max_clauses=1)[0].clause.id == "d/c1"
    # (and under a heading that says it is one)
    under = replace(intro, clause=replace(intro.clause, path=("D", "一、引言"), text="随着网上商城的迅速发展，平台的质量成为了"
                                           "一个重要的话题。"))
    assert _choose("平台的质量要不要评估？", [under, rule], k=5, max_clauses=1)[0].clause.id == "d/c4"


@pytest.mark.parametrize("question, states", [
    ("修东西要换零件的话，一般几天之内得修好？", False),
    ("维修超过几天没修好可以换新机？", True),  # (the question asks that point)
    ("维修多久修不好就能换新？", True),
])
def test_a_period_a_case_passes_undone_sets_no_time_limit(question, states):
    """Probe P51 (after seg-99): "修东西要换零件的话，一般几天之内得修好？" cited "以换代修的条件：…（一）保修期内维修时限超过
    15日仍未修复的" before "需更换零部件的，应当在7日内修复": the 15日 a case passes with the repair undone is when it becomes a
    replacement, no time within which to repair."""
    from assistant.answer import _PERIOD_ASKED, _asked, _states

    asked = _asked(question, _PERIOD_ASKED)
    assert _states(_c("（一）保修期内维修时限超过15日仍未修复的；"), asked, question) is states
    assert _states(_c("（二）需更换零部件的，应当在7日内修复；"), asked, question)


def test_how_often_is_stated_by_a_rate_not_a_length():
    """Fresh probe: "会员等级多久评一次，会不会一下子掉两级？" cited "…等级依据会员近12个月的成长值确定" (a length) and not
    "会员等级每月1日根据近12个月的成长值自动评定" (how often)."""
    from assistant.answer import _PERIOD_ASKED, _asked, _states

    q = "会员等级多久评一次？"
    asked = _asked(q, _PERIOD_ASKED)
    assert not _states(_c("会员等级分为四级，等级依据会员近12个月的成长值确定。"), asked, q)
    assert _states(_c("会员等级每月1日根据近12个月的成长值自动评定。"), asked, q)
    assert _states(_c("仓库应当每月盘点一次。"), _asked("仓库多久盘点一次？", _PERIOD_ASKED), "仓库多久盘点一次？")
    # (a rate before what it times, in its phrase: probe P18's "全盘多久做一次？" cited "会员等级每月1日自动评定一次" first)
    q = "全盘多久做一次？"
    assert _states(_c("仓库应当每日进行动态盘点，每月最后一个工作日进行全盘，账实差异率不得超过0.3%。"), _asked(q, _PERIOD_ASKED), q)
    assert not _states(_c("仓库应当每日进行动态盘点，年底进行全盘。"), _asked(q, _PERIOD_ASKED), q)
    # (a length asked is still stated by one)
    assert _states(_c("会员等级依据近12个月的成长值确定。"), _asked("会员成长值按多久算？", _PERIOD_ASKED), "会员成长值按多久算？")


def test_a_deadline_is_stated_by_no_rate():
    """Held-out probe: "数据安全检查发现问题以后整改期限是几天？" was answered by "信息安全部每半年开展一次数据安全检查" (how
    often, no 整改期限, which the documents never set); a deadline is set by a period, and a rate still answers how often."""
    from assistant.answer import _PERIOD_ASKED, _asked, _states

    for q in ("数据安全检查发现问题以后整改期限是几天？", "发现问题多久内要整改？"):
        asked = _asked(q, _PERIOD_ASKED)
        assert not _states(_c("信息安全部每半年开展一次数据安全检查，检查结果通报各部门负责人。"), asked, q), q
        assert _states(_c("检查发现问题的，责任部门应当在15日内完成整改。"), asked, q), q
    q = "数据安全检查多久搞一次？"
    assert _states(_c("信息安全部每半年开展一次数据安全检查。"), _asked(q, _PERIOD_ASKED), q)
    q = "数据安全问题要在多少个工作日内整改？"
    assert not _states(_c("信息安全部每半年开展一次数据安全检查。"), _asked(q, _PERIOD_ASKED), q)
    # (a review) a cycle that is no check's does set a time: "按月结算", "每日备份，…当日24时前完成", "每三年续签一次"
    for q, text in (("货款结算期限是多久？", "平台按月与商家结算货款。"), ("数据备份多久内要完成？", "数据应当每日备份，备份应当在当日24时前完成。"),
                    ("劳动合同期限几年？", "劳动合同每三年续签一次。")):
        assert _states(_c(text), _asked(q, _PERIOD_ASKED), q), q


def test_a_time_in_a_later_paragraph_is_no_time_of_the_word_asked():
    """Review: "平台多久之内要把链接恢复？" cited 浙江省电子商务条例 第八条, whose later 款 sets "七个工作日内" for a check: the
    phrase before the word asked was read to the end of the first line only, so the text of the later lines counted."""
    article = _c("第八条 电子商务平台经营者应当要求经营者提交真实信息。\n信息发生变更的，应当在三个工作日内提交变更后的信息，"
                 "电子商务平台经营者应当在七个工作日内进行核验，完成更新公示。")
    from assistant.answer import _PERIOD_ASKED, _asked, _states

    q = "平台多久之内要把链接恢复？"
    assert not _states(article, _asked(q, _PERIOD_ASKED), q)
    assert _states(_c("电子商务平台经营者应当在七日内恢复链接。"), _asked(q, _PERIOD_ASKED), q)


def test_a_time_frame_that_opens_the_sentence_of_the_act_asked_states_its_time():
    """Probe P43: "反通知转给权利人以后对方一直不去起诉，我们的链接多久能恢复？" was not found, its rule's 15日内 opening the
    sentence that ends "…恢复商品链接", far from the word asked. A time frame of another sentence, or of a phrase not its
    first, states nothing of it."""
    from assistant.answer import _PERIOD_ASKED, _asked, _states

    q = "反通知转给权利人以后对方一直不去起诉，我们的链接多久能恢复？"
    ask = _asked(q, _PERIOD_ASKED)
    assert _states(_c("反通知送达权利人后15日内，平台未收到权利人已经投诉或者起诉通知的，应当及时终止所采取的措施，恢复商品"
                      "链接。"), ask, q)
    assert not _states(_c("平台应当在15日内转送反通知。商家申请的，平台恢复商品链接。"), ask, q)
    assert not _states(_c("商家应当及时回复，在7日内退款的，平台恢复商品链接。"), ask, q)


def test_a_bound_on_a_right_is_stated_by_the_window_to_ask_for_it():
    """Held-out: "无理由退货最多几天" was not found ("没有给出这样的具体数量") though its clause says "消费者自签收商品之日起
    七日内，可申请无理由退货": the time limit ends the phrase before the one that names 退货, and a time to ask for a
    right bounds the right. Without a bound, and for a time to pay, the request's window still answers nothing."""
    window = [_c("消费者自签收商品之日起七日内，可申请无理由退货，但下列商品除外：")]
    assert unanswered_quantity("无理由退货最多几天？", window) is None
    assert unanswered_quantity("无理由退货多少天内可以申请？", window) is None  # (second review: not a bound alone)
    assert unanswered_quantity("退款最多几天到账？", [_c("消费者应在签收后7日内申请退款。")]) == "几天"
    assert unanswered_quantity("积分最多几天到账？", [_c("订单完成后七日内，积分由系统发放。")]) is None
    assert unanswered_quantity("积分几天到账？", [_c("订单完成后，消费者可以在七日内，申请积分到账。")]) == "几天"


def test_a_time_limit_asked_is_looked_for_below_the_first_ten_clauses():
    """"客户投诉了多久之内要回？" was answered by two clauses on complaints that set no time ("资料中未写明时限"), the
    one that says "在用户投诉或需求的24小时内做出响应" ranked twelfth; a fresh probe's "多久回复" ranked it eighteenth."""
    from assistant.answer import _choose

    ranked = [_hit(f"a{i}", f"企业应建立健全的客户投诉处理流程，确保客户投诉得到及时处理（第{i}项）。", 0.03 - i / 1000)
              for i in range(1, 16)]
    ranked.insert(13, _hit("t", "电子商务企业应在用户投诉或需求的24小时内做出响应。", 0.0165))
    assert _choose("客户投诉了多久之内要回？", ranked, k=5, max_clauses=2)[0].clause.id == "d/t"
    # one that shares less of the question's words is not taken for it
    assert _choose("客户投诉了多久之内要回？", ranked[:13] + [_hit("x", "员工离职必须提前一个月提出。", 0.0165)],
                   k=5, max_clauses=2)[0].clause.id == "d/a1"


def test_a_files_size_asked_is_stated_by_a_size_in_bytes():
    """Probe P22: "晒图的话单张照片最大能传多大？" cited the rule on what a photo may show, the table's "单张图片不超过10MB"
    ranked second: a file's size asked is a quantity, stated by MB, KB, 兆 … and by nothing else."""
    from assistant.answer import _QUANTITY_ASKED, _asked

    q = "晒图的话单张照片最大能传多大？"
    assert _asked(q, _QUANTITY_ASKED) is not None
    assert unanswered_quantity(q, [_c("图片数量 9张 单张图片不超过10MB；视频时长 60秒 单个视频不超过100MB")]) is None
    assert unanswered_quantity("上传的视频文件最大能有多大？", [_c("单个视频不超过100兆。")]) is None
    assert unanswered_quantity(q, [_c("消费者上传的晒图应当为所购商品的实拍内容，最多9张。")]) is not None
    other = _asked("这个仓库有多大？", _QUANTITY_ASKED)
    assert other is None or "MB" not in other.stated.pattern  # (a file's size, not any)


def test_a_bound_asked_is_stated_by_another_quantity_it_may_not_pass():
    """Probe P21: "划线价最高能标多少？能比平时卖的价高吗？" was not found ("问题问的是“多少”…没有给出这样的具体数量") beside
    "划线价不得高于原价": a bound set by another quantity, named in words right after what the question asks of, states it;
    not the other bound, nor one of something else."""
    rule = [_c("使用划线价的，划线价不得高于原价，并应当在页面显著位置注明划线价的含义。")]
    assert unanswered_quantity("划线价最高能标多少？能比平时卖的价高吗？", rule) is None
    assert unanswered_quantity("退款最多能退多少钱？", [_c("退款金额不得超过消费者实付金额。")]) is None
    assert unanswered_quantity("划线价最低能标多少？", rule) == "多少"
    assert unanswered_quantity("促销价最高能标多少？", rule) == "多少"
    assert unanswered_quantity("划线价最高能标多少？", [_c("划线价应当真实、准确。")]) == "多少"


def test_who_does_it_is_answered_by_a_clause_that_names_a_unit_or_role():
    """Probe P22: "同一个商品一下子冒出一大堆差不多的好评，谁负责去查？" cited "消费者应当在…15日内发表首次评价；逾期未评价的，
    系统默认给予好评", the clause that names 审核人员 and 商家运营部 ranked second. Where the question asks who does it, a clause
    of the top k that names a unit or a role, sharing as many of its words, comes first; one that shares fewer does not."""
    from assistant.answer import _choose

    first = _hit("a6", "消费者应当在订单确认收货之日起15日内发表首次评价；逾期未评价的，系统默认给予好评。", 0.03)
    doer = _hit("a20", "同一商品在1小时内集中出现20条以上相似评价的，审核人员应当将其标记为疑似刷评并移交商家运营部；"
                       "商家运营部应当在3个工作日内完成核查。", 0.029)
    off = _hit("a9", "财务部应当每月对账。", 0.029)
    q = "同一个商品一下子冒出一大堆差不多的好评，谁负责去查？"
    assert _choose(q, [first, doer], k=5, max_clauses=2)[0].clause.id == "d/a20"
    assert _choose(q, [first, off], k=5, max_clauses=2)[0].clause.id == "d/a6"  # (it shares fewer of the words)
    assert _choose("同一个商品一下子冒出一大堆差不多的好评，怎么处理？", [first, doer], k=5, max_clauses=2)[0].clause.id == "d/a6"


def test_a_later_paragraph_that_qualifies_the_clause_cited_is_cited_with_it():
    """Probe P21: "婴儿奶粉保质期只剩不到一半了，运营负责人签字同意的话能入库吗？" cited item （三）, "不得办理入库", alone; the
    paragraph after it, "前款第（三）项规定的情形，经…负责人书面批准的，可以入库，但婴幼儿食品除外", which answers, was
    retrieved second. The next paragraph of the article, on the cited one or on its item, is cited beside it; not one
    on another item, nor a paragraph further on, nor one that does not refer back."""
    from assistant.answer import _with_qualifying

    item = _hit("a6/i3", "（三）食品等有保质期要求的商品，剩余保质期不足保质期总时长二分之一的；", 0.03)
    later = _hit("a6/k2", "前款第（三）项规定的情形，经商品运营部负责人书面批准的，可以入库，但婴幼儿食品除外。", 0.02)
    other = _hit("a9", "仓库应当每月盘点一次。", 0.025)
    ids = lambda hits: [h.clause.id for h in hits]  # noqa: E731
    assert ids(_with_qualifying([item, other], [item, other, later], 2)) == ["d/a6/i3", "d/a6/k2"]  # (in its place)
    assert ids(_with_qualifying([item, other], [item, other, later], 3)) == ["d/a6/i3", "d/a6/k2", "d/a9"]
    # (the article's own first paragraph, and a paragraph's next: "前款规定事项发生变更的…")
    article = _hit("a17", "第十七条 个人信息处理者在处理个人信息前，应当告知下列事项：", 0.03)
    change = _hit("a17/k2", "前款规定事项发生变更的，应当将变更部分告知个人。", 0.02)
    assert ids(_with_qualifying([article], [article, change], 2)) == ["d/a17", "d/a17/k2"]
    third = _hit("a17/k3", "前款规定的告知应当以书面形式作出。", 0.02)
    assert ids(_with_qualifying([change], [change, third], 2)) == ["d/a17/k2", "d/a17/k3"]
    assert ids(_with_qualifying([article], [article, third], 2)) == ["d/a17"]
    # (another item's, or no reference back)
    first = _hit("a6/i1", "（一）外包装严重破损的；", 0.03)
    assert ids(_with_qualifying([first], [first, later], 2)) == ["d/a6/i1"]
    plain = _hit("a6/k2", "仓库应当建立入库台账。", 0.02)
    assert ids(_with_qualifying([item], [item, plain], 2)) == ["d/a6/i3"]


def test_a_time_limit_asked_is_looked_for_beyond_the_fused_candidates():
    """Fixed set, seed+laws: "客户投诉了多久之内要回？" said "所引条款没有规定具体时限": with the laws beside the seed, the
    clause that says "24小时内做出响应" was 68th by BM25 and 104th by dense (the laws' 投诉 clauses), so in neither's 40
    candidates. A time asked that no clause of the window states is looked for in a deeper search, by the same test."""
    from assistant.answer import _choose

    ranked = [_hit(f"a{i}", f"企业应建立健全的客户投诉处理流程，确保客户投诉得到及时处理（第{i}项）。", 0.03 - i / 1000)
              for i in range(1, 30)]
    deep = ranked + [_hit("t", "电子商务企业应在用户投诉或需求的24小时内做出响应。", 0.001)]
    q = "客户投诉了多久之内要回？"
    assert _choose(q, ranked, k=5, max_clauses=2)[0].clause.id == "d/a1"
    assert _choose(q, ranked, k=5, max_clauses=2, deeper=lambda: deep)[0].clause.id == "d/t"
    # one deeper that shares less of the question's words is not taken for it
    off = ranked + [_hit("x", "员工离职必须提前一个月提出。", 0.001)]
    assert _choose(q, ranked, k=5, max_clauses=2, deeper=lambda: off)[0].clause.id == "d/a1"
    # nor looked for where a time stated in the window answers, or no time is asked
    looked = []
    _choose(q, deep[-1:] + ranked, k=5, max_clauses=2, deeper=lambda: looked.append(1) or deep)
    _choose("客户投诉怎么处理？", ranked, k=5, max_clauses=2, deeper=lambda: looked.append(1) or deep)
    assert not looked


def test_the_clause_the_answer_rests_on_is_ranked_first_unless_looked_up_or_of_the_fused_firsts_article():
    """The answer's clause goes first, whatever the question asks (the fixed set's "要搭一套运营管理体系，第一步先做什么？"
    rests on the steps in order, which the fusion ranked third); for a clause looked up by number, and where the fused
    first is of the same article (an item of it) and the answer's states no quantity asked, the fused order stands."""
    from dataclasses import replace

    from assistant.answer import _answer_type_first

    ranked = [_hit(f"a{i}", f"企业应建立健全的客户投诉处理流程（第{i}项）。", 0.03 - i / 1000) for i in range(6)]
    ranked.insert(3, _hit("t", "电子商务企业应在用户投诉或需求的24小时内做出响应。", 0.02))
    order = lambda q, p: [h.clause.id for h in _answer_type_first(q, ranked, p, 5)]  # noqa: E731
    assert order("客户投诉多久内要响应？", ranked[3]) == ["d/t", "d/a0", "d/a1", "d/a2", "d/a3"]
    assert order("客户投诉怎么处理？", ranked[3]) == ["d/t", "d/a0", "d/a1", "d/a2", "d/a3"]
    fused = [h.clause.id for h in ranked[:5]]
    assert order("客户投诉多久内要响应？", replace(ranked[3], lookup=True)) == fused  # looked up by number
    assert order("客户投诉多久内要响应？", None) == fused
    article = _hit("a0/k2", "第二款 …", 0.01)
    assert order("客户投诉怎么处理？", article) == fused  # of the fused first's article
    timed = _hit("a0/k3", "第三款 客户投诉应当在24小时内响应。", 0.01)
    assert order("客户投诉多久内要响应？", timed)[0] == "d/a0/k3"  # ...unless it states what is asked


@pytest.mark.parametrize("question, second, first", [
    # an amount asked is cited from a clause near the best that states one and says what it is of
    ("经营者有欺诈行为，消费者能要求赔多少？", "经营者提供商品有欺诈行为的，应当按照消费者的要求增加赔偿其受到的损失，增加赔偿的金额为价款的三倍。", "a2"),
    # not from one that states an amount of something else ("税率是多少" ← "预付凭证金额不得超过五千元")
    ("经营者的企业所得税税率是多少？", "经营者提供的单张记名预付凭证金额不得超过五千元，经营者不得减少已经承诺的优惠。", "a1"),
    # a multiple asked of the word before 的, not of 的 (which every clause says)
    ("经营者有欺诈行为，要按价款的几倍赔偿？", "经营者提供商品有欺诈行为的，应当按照消费者的要求增加赔偿其受到的损失，增加赔偿的金额为价款的三倍。", "a2"),
    ("卖假货要按运费的几倍赔偿？", "经营者提供商品有欺诈行为的，应当按照消费者的要求增加赔偿其受到的损失，增加赔偿的金额为价款的三倍。", "a1"),
])
def test_an_amount_asked_is_cited_from_a_clause_that_states_it_of_what_was_asked(question, second, first):
    """L11 of a staff probe: "卖家被认定欺诈…能要求赔多少？" was not found, 消费者权益保护法 第五十五条 (…三倍) ranked fourth."""
    from assistant.answer import _choose

    ranked = [_hit("a1", "经营者应当依法承担民事责任，不得拒绝消费者的合理要求。", 0.03), _hit("a2", second, 0.02)]
    assert _choose(question, ranked, k=5, max_clauses=1)[0].clause.id == f"d/{first}"


def test_the_clause_a_cited_penalty_provision_sanctions_is_cited_with_it():
    """A staff probe's "…烧伤了顾客，平台要担什么责任？" cited 电子商务法 第八十三条 (the fine for breaching 第三十八条) alone,
    第三十八条's own "…依法与该平台内经营者承担连带责任" ranked second: it shares few of the question's words."""
    from dataclasses import replace

    from assistant.answer import _choose

    penalty = replace(_hit("a83", "电子商务平台经营者违反本法第三十八条规定，对平台内经营者侵害消费者合法权益行为未采取必要措施"
                                  "的，由市场监督管理部门责令限期改正，可以处五万元以上五十万元以下的罚款。", 0.03), sanctions="d/a38")
    duty = _hit("a38", "电子商务平台经营者知道平台内经营者销售的商品不符合要求，未采取必要措施的，依法与该平台内经营者承担连带责任。",
                0.015)
    other = _hit("a44", "消费者通过网络交易平台购买商品，其合法权益受到损害的，可以向销售者要求赔偿。", 0.014)
    q = "平台明知店铺卖的电热毯有安全隐患却没采取措施，烧伤了顾客，平台要担什么责任？"
    assert [h.clause.id for h in _choose(q, [penalty, duty, other], k=5, max_clauses=3)][:2] == ["d/a83", "d/a38"]
    # no clause is cited for a provision it does not sanction, nor for a question about the fine alone (laws-024's
    # "没有明码标价，会被怎么处罚？" cited 第十七条, a duty 第二十三条 sanctions, beside it)
    assert "d/a38" not in [h.clause.id for h in _choose(q, [replace(penalty, sanctions=""), duty, other], k=5, max_clauses=3)]
    # nor one that states a duty in words of liability ("承担安全管理责任"), not a liability at law
    managing = _hit("a38", "电子商务平台经营者应当承担安全管理责任，建立健全管理制度。", 0.015)
    from assistant.answer import _LIABLE
    assert all(_LIABLE.search(x) for x in ("依法承担法律责任", "承担相应的法律责任", "由销售者承担责任", "承担连带责任"))
    assert "d/a38" not in [h.clause.id for h in _choose(q, [penalty, managing, other], k=5, max_clauses=3)]
    fined = "平台明知店铺卖的电热毯有安全隐患却没采取措施，会被怎么处罚？"
    assert "d/a38" not in [h.clause.id for h in _choose(fined, [penalty, duty, other], k=5, max_clauses=3)]


def test_a_long_clause_is_quoted_by_the_sentences_that_state_the_quantity_asked():
    """Probe: "劳动合同签两年，试用期最多约定多久" quoted 劳动合同法 第十九条's "…不得约定试用期" and "…试用期不成立", the
    sentences that share most of its words, and left out its three limits; "竞业限制最长能约定几年" left out "…不得超过二年"."""
    from assistant.answer import _statement

    article = Clause("l/a19", "l", "劳动合同法", "《劳动合同法》第十九条", ("劳动合同法",),
                     "第十九条 劳动合同期限三个月以上不满一年的，试用期不得超过一个月；劳动合同期限一年以上不满三年的，试用期不得超过二个月；"
                     "三年以上固定期限和无固定期限的劳动合同，试用期不得超过六个月。\n同一用人单位与同一劳动者只能约定一次试用期。\n"
                     "以完成一定工作任务为期限的劳动合同或者劳动合同期限不满三个月的，不得约定试用期。\n"
                     "试用期包含在劳动合同期限内。劳动合同仅约定试用期的，试用期不成立，该期限为劳动合同期限。")
    said = _statement("劳动合同签两年，试用期最多约定多久", article, whole=False)
    assert "试用期不得超过二个月" in said and "试用期不得超过一个月" in said
    article = Clause("l/a24", "l", "劳动合同法", "《劳动合同法》第二十四条", ("劳动合同法",),
                     "第二十四条 竞业限制的人员限于用人单位的高级管理人员、高级技术人员和其他负有保密义务的人员。竞业限制的范围、地域、期限由"
                     "用人单位与劳动者约定，竞业限制的约定不得违反法律、法规的规定。\n在解除或者终止劳动合同后，前款规定的人员到与本单位生产或者"
                     "经营同类产品、从事同类业务的有竞争关系的其他用人单位，或者自己开业生产或者经营同类产品、从事同类业务的竞业限制期限，不得超过二年。")
    assert "不得超过二年" in _statement("竞业限制最长能约定几年", article, whole=False)


def test_a_statement_cut_off_after_a_comma_ends_without_it():
    from assistant.answer import _statement
    from ingest.records import Clause

    c = Clause("x/i1", "x", "电子商务部规章制度", "《电子商务部规章制度》一、（一）", (), "(一)考虑到电子商务工作的特殊性,故早上上班时间适适当调整,")
    assert _statement("上班时间", c, False) == "考虑到电子商务工作的特殊性,故早上上班时间适适当调整"  # it gave "调整,[1]。"


def test_a_title_line_is_set_off_from_the_text_it_titles():
    """Probe M: a standard's "1 范围" over its text was quoted "范围本规范规定了…"; a 款 after a sentence runs on as before."""
    from assistant.answer import _statement
    from ingest.records import Clause

    c = Clause("x/1", "x", "T", "《T》1", (), "1 范围\n本规范规定了员工后台账号的开通、登录和注销要求。")
    assert _statement("账号", c, True) == "范围：本规范规定了员工后台账号的开通、登录和注销要求"
    c = Clause("x/a2", "x", "T", "《T》第二条", (), "第二条 商家应当公示营业执照。\n信息变更的，应当在十日内更新。")
    assert _statement("营业执照", c, True) == "商家应当公示营业执照。信息变更的，应当在十日内更新"
    # (the review's) no title: a line broken mid-sentence, a rule that lost its stop, a formula, a list of names
    for text, said in (("第四条 测绘主管部门负责\n本行政区域测绘工作的统一监督管理。", "测绘主管部门负责本行政区域测绘工作的统一监督管理"),
                       ("第五条 退货运费由商家承担\n消费者应当保留退货凭证。", "退货运费由商家承担消费者应当保留退货凭证"),
                       ("第六条 应纳税额＝销项税额\n－进项税额。", "应纳税额＝销项税额－进项税额"),
                       ("第七条 商家应当在24小时内\t（工作日）\n发货，节假日顺延。", "商家应当在24小时内\t（工作日）发货，节假日顺延")):
        assert _statement("", Clause("x/a", "x", "T", "《T》", (), text), True) == said


@pytest.mark.parametrize("rows", [
    "| 类别 | 具体物品 | 处理方式 |\n| 违禁物品 | 管制刀具、仿真枪 | 拒收并上报 |\n| 贴身卫生用品 | 内衣、已开封的化妆品 | 拒收并退回用户 |",
    "类别\t具体物品\t处理方式\n违禁物品\t管制刀具、仿真枪\t拒收并上报\n贴身卫生用品\t内衣、已开封的化妆品\t拒收并退回用户",
])
def test_a_tables_rows_written_with_pipes_or_tabs_are_quoted_row_by_row(rows):
    """Probe M: a Markdown table was quoted with its pipes and its rows run together ("…处理方式 || 违禁物品…"); probe I's
    Word table ran its rows together ("价格保护期年中大促")."""
    from assistant.answer import _statement
    from ingest.records import Clause

    c = Clause("x/5", "x", "T", "《T》五、", (), "下列物品不予回收，按照下表处理：\n" + rows)
    assert _statement("化妆品", c, True) == ("下列物品不予回收，按照下表处理：类别 具体物品 处理方式；违禁物品 管制刀具、仿真枪 拒收并上报；"
                                          "贴身卫生用品 内衣、已开封的化妆品 拒收并退回用户")


def test_a_multiple_asked_is_an_amount_that_a_clause_must_state():
    """"双十一周末被叫回来处理订单，加班费按几倍工资算？" (a staff probe's, which the seed does not answer) was answered by
    the leave rule "…扣除当天工资…": 几倍 asked no quantity."""
    from assistant.answer import _unstated
    from ingest.records import Clause

    def c(text):
        return Clause("d/a1", "d", "某制度", "《某制度》第一条", ("某制度",), text)

    assert _unstated("加班费按几倍工资算？", [c("擅自不到岗的，视为旷工，扣除当天工资。")]).words == "几倍"
    assert _unstated("加班费按几倍工资算？", [c("周末加班的，按工资的两倍支付加班费。")]) is None
    # (the review's: "好几倍" asks nothing, and 按 is no word an amount is asked of)
    assert _unstated("商品标价比进价高了好几倍，算不算价格欺诈？", [c("经营者不得虚构原价。")]) is None
    from assistant.answer import _asked_of
    assert _asked_of("加班费按几倍工资算？", "几倍") == "加班费"


def test_a_part_asking_a_time_of_another_matter_is_answered_by_a_clause_on_it():
    """Probes: "电话请假之后还要补什么手续？离职要提前多久？" took the 请假 clause's "提前一天" for the 离职 part and left out
    "人员离职必须提前一个月"; "鲜花水果能七天无理由退吗？换货最晚几天内申请" took the 无理由退货 clause's "七日内" for 换货
    (and "…十五日内可申请换货" was read as a time to request, not to do, what was asked: the request is what was asked)."""
    from assistant.answer import _choose

    ranked = [_hit("h1/i2", "请假必须提前一天向部门经理提出书面申请,并填写请假说明事由。特殊(紧急)情况应电话请假,时候需补请假条一份。", 0.03),
              _hit("h1/i6", "人员离职必须提前一个月向部门经理提出,在人事部门批准后方可离职。", 0.02)]
    got = _choose("电话请假之后还要补什么手续？离职要提前多久？", ranked, k=5, max_clauses=1)
    assert [h.clause.id for h in got] == ["d/h1/i2", "d/h1/i6"]
    ranked = [_hit("a3", "消费者自签收商品之日起七日内，可申请无理由退货，但鲜活易腐商品除外。", 0.03),
              _hit("a4", "商品存在质量问题的，消费者自签收之日起十五日内可申请换货。", 0.02)]
    got = _choose("鲜花水果能七天无理由退吗？换货最晚几天内申请", ranked, k=5, max_clauses=1)
    assert [h.clause.id for h in got] == ["d/a3", "d/a4"]
    # (a request's time is still no time for the act: "退款几天到账" is not answered by "…7日内申请退款")
    assert unanswered_quantity("退款几天到账？", [_c("消费者应在签收后7日内申请退款。")]) == "几天"
    assert unanswered_quantity("换货最晚几天内申请？", [_c("消费者自签收之日起十五日内可申请换货。")]) is None


def test_a_time_a_regulator_must_keep_does_not_answer_how_long_a_business_has():
    """Probe: "消费者投诉了，网店多久内要处理？" was answered by 浙江 消保办法 第三十二条, "消费者权益保护委员会应当自接到投诉之日起五个
    工作日内…作出是否受理的决定" (its other sentence, "当事人应当按照调解协议履行", kept it from being a regulator's duty only);
    a question that asks of the regulator is answered by it, as before."""
    from assistant.answer import _choose
    from assistant.retrieve import Hit

    def law(id_: str, text: str, score: float) -> Hit:
        return Hit(Clause(f"z/{id_}", "z", "浙江省实施消费者权益保护法办法", f"《浙江办法》{id_}", ("浙江办法",), text), score)

    ranked = [law("a32", "消费者就消费者权益争议向消费者权益保护委员会投诉的，消费者权益保护委员会应当自接到投诉之日起五个工作日内"
                         "按照规定作出是否受理的决定。达成调解协议的，当事人应当按照调解协议履行。", 0.03),
              law("a20", "电子商务经营者应当建立健全消费者投诉和举报机制，及时受理并处理投诉举报。", 0.02)]
    assert [h.clause.id for h in _choose("消费者投诉了，网店多久内要处理？", ranked, k=5, max_clauses=1)] == ["z/a20"]
    assert [h.clause.id for h in _choose("消费者找消保委投诉，消保委多久要受理？", ranked, k=5, max_clauses=1)] == ["z/a32"]
    # (the review's) nor where no business asks: a consumer asks when the 消保委 decides
    assert [h.clause.id for h in _choose("消费者投诉后多久能知道受不受理？", ranked, k=5, max_clauses=1)] == ["z/a32"]


def test_the_review_of_the_probe_rules():
    """The review of this round's rules: a lead time stated in another sentence than the word asked of still states it
    ("平台修改交易规则要提前几天公示？" ← "…实施前七日予以公示", not found once 提前 was no anchor); a long clause's best
    sentence is quoted beside those that state the number, where it states none ("员工被开除了能拿多少补偿" quoted the
    三倍 and 十二年 caps alone); "哪几条讲退款" asks which articles, not a list's items."""
    from assistant.answer import ASKS_LIST, _statement

    assert unanswered_quantity("平台修改交易规则要提前几天公示？", [_c(
        "电子商务平台经营者修改平台服务协议和交易规则，应当在其首页显著位置公开征求意见。修改内容应当至少在实施前七日予以公示。")]) is None
    article = Clause("l/a47", "l", "劳动合同法", "《劳动合同法》第四十七条", ("劳动合同法",),
                     "第四十七条 经济补偿按劳动者在本单位工作的年限，每满一年支付一个月工资的标准向劳动者支付。六个月以上不满一年的，按一年计算；"
                     "不满六个月的，向劳动者支付半个月工资的经济补偿。\n劳动者月工资高于用人单位所在直辖市、设区的市级人民政府公布的本地区上年度"
                     "职工月平均工资三倍的，向其支付经济补偿的标准按职工月平均工资三倍的数额支付，向其支付经济补偿的年限最高不超过十二年。\n"
                     "本条所称月工资是指劳动者在劳动合同解除或者终止前十二个月的平均工资。")
    assert "每满一年支付一个月工资" in _statement("员工被开除了能拿多少补偿", article, whole=False)
    assert not ASKS_LIST.search("退换货管理规定哪几条讲退款") and ASKS_LIST.search("售后服务标准有哪几条")


def test_a_second_quantity_asked_that_no_clause_cited_states_is_said_beside_the_answer():
    """"运费险保费多少、谁出？" was answered by "退回商品的运费由消费者承担" (who bears it) with no word that no clause gives
    the amount: only the first quantity a question asks was checked."""
    from assistant.answer import unstated_parts
    from ingest.records import Clause

    def c(text):
        return Clause("d/a1", "d", "某法", "《某法》第一条", ("某法",), text)

    bears = c("退回商品的运费由消费者承担。")
    assert unstated_parts("退货运费险保费多少、谁出？", [bears]) == ["问题还问了“保费多少”，所引条款没有给出这样的具体数量"]
    assert unstated_parts("退货运费险保费多少、谁出？", [bears, c("运费险保费为每单0.5元。")]) == []
    assert unstated_parts("退货的运费谁出？", [bears]) == []
    assert unstated_parts("旷工一天扣多少钱？连续旷工几天算自动离职？", [c("连续旷工三天的，视为自动离职。")]) == \
        ["问题还问了“多少钱”，所引条款没有给出这样的具体数量"]


def test_a_second_ask_of_the_same_kind_is_read_at_its_own_place():
    """The review's finding: the second 几天 of "年假能休几天？旷工几天会被辞退？" was read at the first's place, with its
    anchors, so a clause that gives only the 年假 number left the 旷工 question without a notice."""
    from assistant.answer import unstated_parts
    from ingest.records import Clause

    rule = Clause("d/a1", "d", "某制度", "《某制度》第一条", ("某制度",), "年假可休五天。连续旷工的，予以辞退。")
    assert unstated_parts("年假能休几天？旷工几天会被辞退？", [rule]) == \
        ["问题还问了“几天”，所引条款没有给出这样的具体数量"]
    both = Clause("d/a2", "d", "某制度", "《某制度》第二条", ("某制度",), "年假可休五天。连续旷工三天的，予以辞退。")
    assert unstated_parts("年假能休几天？旷工几天会被辞退？", [both]) == []


@pytest.mark.parametrize("question, text", [
    ("发货要多久？", "第二条 商家应当在买家付款后四十八小时内发货。"),  # the time before the question's word
    ("交易记录要保存多久？", "交易记录的保存时间自交易完成之日起不少于三年。"),
    ("客户回访多久做一次？", "企业应当每季度至少开展一次客户回访。"),
])
def test_a_how_long_question_whose_clause_states_a_time_anywhere_gets_no_notice(question, text):
    """The review of the 多久 notice: "…付款后四十八小时内发货" was said to set no time, its number not after 发货."""
    from assistant.answer import unstated_time
    from ingest.records import Clause

    assert unstated_time(question, [Clause("d/a1", "d", "某制度", "《某制度》第一条", ("某制度",), text)]) is None


@pytest.mark.parametrize("sparse, lead, first", [
    ([("a", 3.7), ("z", 0.9)], 2.0, "a"),  # BM25's first far ahead: credited the dense side's first rank too
    ([("a", 1.6), ("z", 0.9)], 2.0, "x"),  # not far enough ahead: ranks alone
    ([("a", 3.7)], 2.0, "a"),  # the only clause BM25 finds
    ([("a", 3.7), ("z", 0.9)], 0.0, "x"),  # off
])
def test_a_clause_bm25_puts_far_ahead_is_lifted_in_the_fusion(sparse, lead, first):
    from assistant.retrieve import fuse

    dense = [("x", 0.9), ("y", 0.89), ("b", 0.88)]  # "a" is not among the nearest in meaning
    fused = fuse(dense, sparse, "rrf", 0.7, 0.3, 60, lead)
    assert max(fused, key=fused.get) == first


@pytest.mark.parametrize("dense, lead, first", [
    ([("x", 0.902), ("y", 0.869), ("b", 0.868)], 0.02, "x"),  # the dense first far ahead: credited BM25's first too
    ([("x", 0.880), ("y", 0.869), ("b", 0.868)], 0.02, "y"),  # within the spread: ranks alone
    ([("x", 0.902), ("y", 0.869), ("b", 0.868)], 0.0, "y"),  # off
])
def test_a_clause_dense_search_puts_far_ahead_is_lifted_in_the_fusion(dense, lead, first):
    from assistant.retrieve import fuse

    sparse = [("y", 2.6), ("b", 2.4)]  # BM25 finds "y" and "b", which share common words with the question, not "x"
    fused = fuse(dense, sparse, "rrf", 0.7, 0.3, 40, 2.0, lead)
    assert max(fused, key=fused.get) == first


@pytest.mark.parametrize("question, asked", [
    ("我们是一家做家居用品的电商公司，请问客户投诉多久要回复？", "客户投诉多久要回复？"),
    ("我是客服部的。那请问一下，退货运费谁出？", "退货运费谁出？"),
    ("请问客户投诉多久要回复？", "请问客户投诉多久要回复？"),  # nothing before it: the question as it is
    ("我们是平台，请问？", "我们是平台，请问？"),  # nothing asked after it
    # not an introduction, or nothing after it that says what it is about: the words before carry the topic
    ("我们最近在做退换货，请问有什么要求？", "我们最近在做退换货，请问有什么要求？"),
    ("我负责员工培训，想问一下，需要多久做一次？", "我负责员工培训，想问一下，需要多久做一次？"),
    ("我们是做退换货的客服，请问有什么要求？", "我们是做退换货的客服，请问有什么要求？"),
    ("作为网店，我们最近在做七天无理由退货，请问相关要求是什么？", "作为网店，我们最近在做七天无理由退货，请问相关要求是什么？"),
    ("我们是否需要，请问客户投诉多久要回复？", "我们是否需要，请问客户投诉多久要回复？"),  # 是否 introduces no one
    ("顾客问一下就要回复吗？", "顾客问一下就要回复吗？"),  # 问一下 inside what is asked
])
def test_what_a_question_asks_follows_its_background(question, asked):
    from assistant.retrieve import asked_part

    assert asked_part(question) == asked


def test_a_rule_that_leaves_its_substance_to_another_article_is_cited_with_it():
    """Probe R: "跨境商品客户自己不想要了退回来，这个运费谁来出？" cited "…按第十九条规定承担运费" alone, which says not who
    pays; 第十九条, ranked second, is cited after it. An article of another document, or one not retrieved, is not."""
    from assistant.answer import _choose

    ranked = [_hit("a22", "直购进口商品原则上不支持退回境外；商家提供境内退货地址的，按第十九条规定承担运费。", 0.030),
              _hit("a20", "保税备货模式商品退货，应当自海关放行之日起30日内原状退回保税仓。", 0.020),
              _hit("a19", "因消费者个人原因退货的，退回运费由消费者承担；因商品质量问题退货的，往返运费由商家承担。", 0.019)]
    got = [h.clause.id for h in _choose("跨境商品客户自己不想要了退回来，这个运费谁来出？", ranked, k=5, max_clauses=3)]
    assert got[:2] == ["d/a22", "d/a19"]
    assert [h.clause.id for h in _choose("运费谁来出？", ranked[:2], k=5, max_clauses=3)] == ["d/a22"]


def test_a_period_of_what_the_question_asks_to_be_done_comes_first():
    """Probe R: "对质检打分不服的话，几天之内可以申诉？" quoted "质检组应当在收到申诉后5个工作日内完成复核" (ranked first) for the
    3个工作日 "…内通过质检系统提出申诉"; a period of what is to be done within it (申诉, 退回) comes first."""
    from assistant.answer import _choose

    ranked = [_hit("a20", "质检组应当在收到申诉后5个工作日内完成复核并答复；申诉成立的，恢复相应分数。", 0.030),
              _hit("a19", "客服人员对质检结果有异议的，可以在质检结果公布之日起3个工作日内通过质检系统提出申诉；逾期不予受理。", 0.029)]
    assert [h.clause.id for h in _choose("对质检打分不服的话，几天之内可以申诉？", ranked, k=5, max_clauses=3)][0] == "d/a19"
    assert [h.clause.id for h in _choose("申诉以后几天出复核结果？", ranked, k=5, max_clauses=3)][0] == "d/a20"
    # (the review's) what is to be done may follow the period after a comma: the first clause stays first
    ranked = [_hit("a8", "消费者自收到商品之日起七日内，可以申请无理由退货。", 0.030),
              _hit("a12", "商家同意退货申请后，消费者应当在7日内退货并上传物流单号。", 0.029)]
    assert [h.clause.id for h in _choose("收到商品后几天内可以退货？", ranked, k=5, max_clauses=3)][0] == "d/a8"
    # …closely: 公司 far on in the sentence of a period is no 公司 to do it ("…会被公司自动处理", a fixed-set question)
    ranked = [_hit("a2", "连续三天或当月累计____天的员工作自动处理。", 0.030),
              _hit("a6", "人员离职必须提前一个月向部门经理提出,在人事部门批准后方可离职,若员工与公司签订合同的,依照合同。", 0.029)]
    assert [h.clause.id for h in _choose("一个月里零零散散旷工，累计几天会被公司自动处理？", ranked, k=5, max_clauses=3)][0] == "d/a2"
    assert [h.clause.id for h in _choose("几天之内必须要申诉？", [
        _hit("a20", "质检组应当在收到申诉后5个工作日内完成复核。", 0.030),
        _hit("a19", "客服人员可以在3个工作日内提出申诉。", 0.029)], k=5, max_clauses=3)][0] == "d/a19"
    ranked = [_hit("a21", "保税仓收到退货后，应当在3个工作日内完成验收。", 0.030),
              _hit("a20", "保税备货模式商品退货，应当自海关放行之日起30日内原状退回保税仓。", 0.029)]
    assert [h.clause.id for h in _choose("保税仓模式的退货，最晚要在多少天内退回仓库？", ranked, k=5, max_clauses=3)][0] == "d/a20"
    # (held-out probe) not one on another subject: "价格标错了多久内要处理？" put a 仓储 rule's "…24小时内给出处理方案" first
    ranked = [_hit("3.4", "价格监控。商品部门每日对重点商品价格进行巡检，发现标价错误的，应当在30分钟内下架或者更正。", 0.030),
              _hit("a15", "发生异常件的，物流专员应当在接到反馈后2小时内联系承运商核实，并在24小时内给出处理方案。", 0.029)]
    assert [h.clause.id for h in _choose("价格标错了多久内要处理？", ranked, k=5, max_clauses=3)][0] == "d/3.4"
    # (probe P35) two modals before what is done ("多久才能退回来": 退回, not 能退), and a clause of two thirds as much of the
    # question's subject as the first, which sets the time of the application, not of the refund
    ranked = [_hit("a29", "商家主动申请退出的，应当提前15日在商家后台提交申请，并结清全部未完结订单。", 0.030),
              _hit("a30", "平台对商家退出申请进行公示，公示期为30日。公示期满后5个工作日内将保证金余额退还至商家原缴纳账户。", 0.029)]
    assert [h.clause.id for h in _choose("商家主动申请退店的话，保证金大概要多久才能退回来？", ranked, k=5,
                                         max_clauses=3)][0] == "d/a30"


def test_of_the_clauses_cited_one_that_states_the_quantity_asked_comes_first():
    """Probe N: "阶梯团最多能设几档价格？" quoted a clause on 阶梯团's shipping time before the one that says "最多3档", both
    cited; and 档 is a unit counted ("几档", "多少档")."""
    from assistant.answer import _choose

    ranked = [_hit("a1", "成团后，商家应当在48小时内发货；阶梯团成团后发货时限最长为72小时。", 0.030),
              _hit("a2", "阶梯团按照成团人数分档定价，价格最多3档。", 0.029)]
    assert [h.clause.id for h in _choose("阶梯团最多能设几档价格？", ranked, k=5, max_clauses=3)] == ["d/a2", "d/a1"]
    assert [h.clause.id for h in _choose("阶梯团的价格怎么定？", ranked, k=5, max_clauses=3)] == ["d/a1", "d/a2"]
    assert unanswered_quantity("阶梯团价格最多分多少档？", [ranked[0].clause]) == "多少档"


def test_a_penalty_provision_is_no_named_documents_best_for_a_question_that_asks_no_consequence():
    """(The review's) "电子商务法和广告法对明码标价分别怎么规定？" put 广告法's fine for sending ads second: the best clause
    of each named document came first, penalties too."""
    from assistant.retrieve import Hit, _each_document_first
    from ingest.records import Clause

    a1 = Hit(Clause("a/a1", "a", "A", "《A》第一条", ("A",), "经营者应当明码标价。"), 0.9)
    a2 = Hit(Clause("a/a2", "a", "A", "《A》第二条", ("A",), "经营者不得价格欺诈。"), 0.8)
    b9 = Hit(Clause("b/a9", "b", "B", "《B》第九条", ("B",), "违反本法规定发送广告的，处五千元以上三万元以下的罚款。"), 0.7)
    b3 = Hit(Clause("b/a3", "b", "B", "《B》第三条", ("B",), "广告应当真实。"), 0.6)
    penal = lambda h: "罚款" not in h.clause.text  # noqa: E731 (movable: not a penalty)
    assert _each_document_first([a1, a2, b9, b3], {"A", "B"}, penal) == [a1, b3, a2, b9]
    assert _each_document_first([a1, a2, b9, b3], {"A", "B"}) == [a1, b9, a2, b3]
    # and no deeper than the window
    deep = [a1, *[Hit(Clause(f"a/a{i}", "a", "A", f"《A》{i}", ("A",), "经营者应当公示。"), 0.5) for i in range(10, 40)], b3]
    assert _each_document_first(deep, {"A", "B"}) == deep


@pytest.mark.parametrize("question, asks", [
    # (the review's) whether at all is no asking for less
    ("没有明码标价罚不罚？", False), ("商家没有明码标价，处罚不处罚？", False), ("会不会被罚款？", False),
    ("能不能从轻处罚？", True), ("这种情况可以不罚吗？", True), ("能免予处罚吗？", True), ("有没有减轻处罚的情形？", True),
])
def test_a_question_asks_for_a_lesser_penalty(question, asks):
    from assistant.retrieve import ASKS_MITIGATION

    assert bool(ASKS_MITIGATION.search(question)) is asks


@pytest.mark.parametrize("text, yes", [
    ("第二十六条 经营者违反本规定，但能够主动消除或者减轻危害后果的，依法从轻或者减轻处罚。", True),
    ("经营者违反本规定，但未实际损害消费者合法权益，违法行为轻微并及时改正的，依法不予处罚。", True),
    # (the review's) one that also sets a penalty, and a duty not to lessen one's own liability
    ("违法行为轻微的，不予处罚；情节严重的，依照《中华人民共和国价格法》的规定处罚。", False),
    ("可以不予行政处罚；拒不改正的，依法予以处罚。", False),
    ("经营者不得以格式条款作出减轻或者免除经营者责任的规定。", False),
])
def test_a_provision_that_only_lessens_a_penalty(text, yes):
    from assistant.retrieve import mitigates

    assert mitigates(_c(text)) is yes


@pytest.mark.parametrize("text, matter", [
    ("经营者违反本规定有关明码标价规定的，由市场监督管理部门依照《价格法》处罚。", "明码标价"),
    ("违反本条例关于登记注册的规定，由市场监督管理部门责令改正。", "登记注册"),
    # (the review's) generic words name no matter, nor a number
    ("违反本条例有关规定的，由价格主管部门依照《价格法》的规定处罚。", None),
    ("违反本法有关其他规定的，依法处罚。", None), ("违反本规定第十六条至第二十条规定的，依照《价格法》处罚。", None),
    # a regime named with no 本法 before it (价格法 第四十二条; probe P29 cited 第十三条, the duty, for "…按价格法会怎么处罚？");
    # not an article, another law or generic words
    ("经营者违反明码标价规定的，责令改正，没收违法所得，可以并处五千元以下的罚款。", "明码标价"),
    ("违反第十五条规定，由市场监督管理部门责令改正。", None), ("违反森林法的规定，依法处罚。", None),
    ("违反国家有关规定，依法处罚。", None), ("违反法律强制性规定的，无效。", None), ("违反有关安全管理的规定，依法处罚。", None),
])
def test_the_matter_of_a_breach_of_a_documents_rules(text, matter):
    from assistant.retrieve import _matter

    assert _matter(text) == matter


@pytest.mark.parametrize("question, compares", [
    ("电子商务法和消费者权益保护法对无理由退货的规定有区别吗？", True), ("两部法律有没有区别？", True),
    ("电子商务法和消费者权益保护法在退货上的区别？", True), ("平台规则和运营管理体系讲的一样吗？", True),
    ("能不能对新老用户区别对待？", False), ("平台管理办法的要求比较严格吗？", False),
])
def test_a_question_compares_documents(question, compares):
    from assistant.retrieve import COMPARED

    assert bool(COMPARED.search(question)) is compares


@pytest.mark.parametrize("question, asks", [
    # whether an act is in the clear asks whether it is allowed ("结算页默认帮顾客勾上运费险，这样做有问题吗？" was answered
    # by a clause on 结算清单 that says neither; 电子商务法第十九条's 不得…默认同意 was second)
    ("结算页默认帮顾客勾上运费险，这样做有问题吗？", True), ("先调高标价再打折，有没有风险？", True), ("这样宣传合规吗？", True),
    ("删差评算不算违规？", True), ("退货流程是怎样的？", False), ("售后有哪些常见问题？", False),
    # what a customer can see asks what the business provides ("…消费者能看到订单到哪一步了吗？" put a 不得 on another
    # matter first), not what the business may see
    ("订单信息怎么传给商家，消费者能看到订单到哪一步了吗？", False), ("买家能不能查到物流？", False),
    ("客服能查看用户的聊天记录吗？", True), ("消费者能退货吗？", True),
    # (not what the business may show or send them: a privacy question)
    ("消费者能看到商家的身份证号吗？", True), ("消费者能不能看到其他买家的订单信息？", True), ("会员能收到促销短信吗？", True),
    ("用户能否查到退款进度？", False),
])
def test_a_question_asks_whether_an_act_is_allowed(question, asks):
    from assistant.provisions import asks_permission

    assert asks_permission(question) is asks


def test_a_definition_of_a_shorter_term_is_not_cited_alone_for_the_longer_term_asked():
    """"信息网络指的是什么？" cited 网络安全法's "网络，是指…" alone: 网络, the last two characters of the term asked, is
    another term; the clauses beside it stay cited."""
    from assistant.answer import _choose

    ranked = [_hit("a76", "（一）网络，是指由计算机或者其他信息终端及相关设备组成的系统。", 0.03),
              _hit("a2", "本法所称电子商务，是指通过互联网等信息网络销售商品或者提供服务的经营活动。", 0.029)]
    assert len(_choose("信息网络指的是什么？", ranked, k=5, max_clauses=3)) == 2
    # (the term asked itself, defined so, is cited alone)
    ranked = [_hit("a9", "信息网络，是指互联网、移动网络等。", 0.03), ranked[1]]
    assert [h.clause.id for h in _choose("信息网络指的是什么？", ranked, k=5, max_clauses=3)] == ["d/a9"]


def test_a_count_asked_of_a_verb_said_otherwise_is_answered_by_the_clause_that_states_it():
    """Probe P23: "上新的时候主图起码要放几张？" was not found: the count was asked of 要放 (jieba's, the modal glued on), which
    "每个商品须上传不少于5张主图", ranked third, does not say. A count asked of a verb of one character is stated by a clause
    as near as the best that states it in the unit asked, whatever verb it uses."""
    from assistant.answer import _asked_of, _choose

    assert _asked_of("上新的时候主图起码要放几张？", "几张") == "放"
    first = _hit("a2", "主图尺寸不得小于800×800像素，单张图片大小不得超过3MB。", 0.03)
    states = _hit("a1", "每个商品须上传不少于5张主图，第一张主图须为白色背景的商品正面图。", 0.029)
    assert _choose("上新的时候主图起码要放几张？", [first, states], k=5, max_clauses=2)[0].clause.id == "d/a1"
    # (money is asked of its verb: "要赔多少钱" is not answered by any sum)
    money = _hit("a3", "单笔订单积分抵扣金额不得超过50元。", 0.029)
    assert _choose("快递弄丢了要赔多少钱？", [_hit("a4", "快递丢失的，应当及时登记。", 0.03), money], k=5,
                   max_clauses=1)[0].clause.id == "d/a4"


def test_a_period_asked_on_its_own_is_answered_by_the_clause_that_states_one():
    """Probe P23: "客户刚买完东西就降价了，我们给不给补差价？多少天之内算？" quoted "…在收到保价申请后24小时内完成审核",
    "公司自营商品默认提供7日保价", third, not cited: a number of days asked with no word before it is stated by a clause as
    near as the best that states one in the unit asked."""
    from assistant.answer import _choose

    first = _hit("a1", "补偿金额为消费者实付单价与降价后实付单价的差额乘以购买数量。", 0.03)
    hours = _hit("a2", "客服部应当在收到保价申请后24小时内完成审核。", 0.029)
    days = _hit("a3", "公司自营商品默认提供7日保价，自消费者签收之日起计算。", 0.028)
    q = "客户刚买完东西就降价了，我们给不给补差价？多少天之内算？"
    assert _choose(q, [first, hours, days], k=5, max_clauses=2)[0].clause.id == "d/a3"


@pytest.mark.parametrize("question, clause, asked", [
    ("详情页里的文字最小能用几号字？", "详情页图片总数不得超过30张。", "几号字"),
    ("详情页里的文字最小能用几号字？", "详情页文字不得小于12号字。", None),
])
def test_a_type_size_asked_by_its_number_is_stated_by_a_number_of_it(question, clause, asked):
    """Probe P23: "详情页里的文字最小能用几号字？" was answered by "详情页图片总数不得超过30张"."""
    assert unanswered_quantity(question, [_c(clause)]) == asked


def test_a_period_named_so_of_a_word_the_question_says_answers_it():
    """Probe P23: "预售收定金最多能收到多少？尾款要给客户留几天时间付？" was not found: the words before 几天 (户留, 给客) are said
    by no clause. A clause that states a number of days right after words naming it the period of something the question
    says ("尾款支付期限不得少于3日") answers, before one whose days are of something else."""
    from assistant.answer import _choose

    first = _hit("a23", "开启尾款支付前，运营部门须与供应链管理部确认备货数量。", 0.03)
    other = _hit("a21", "因公司原因无法按期发货的，尾款应当在3日内全额退还。", 0.029)
    named = _hit("a20", "尾款支付期限不得少于3日。", 0.028)
    q = "预售收定金最多能收到多少？尾款要给客户留几天时间付？"
    assert _choose(q, [first, other, named], k=5, max_clauses=2)[0].clause.id == "d/a20"
    # (the period of another thing is no answer: 发货期限 for 尾款)
    assert _choose(q, [first, _hit("a9", "发货期限不得少于3日。", 0.028)], k=5, max_clauses=2)[0].clause.id == "d/a23"


def test_a_verb_said_twice_as_it_goes_on_is_no_subject():
    """Probe P24: "客户聊着聊着不回消息了，我要等多久才能把会话关掉？" was "资料中没有提到“聊着”" (聊着 said twice)."""
    from assistant.answer import unknown_focus
    from assistant.thesaurus import Thesaurus

    th = Thesaurus.load()
    assert unknown_focus("客户聊着聊着不回消息了，我要等多久才能把会话关掉？", {"客户", "回复", "会话", "结束"}, th) is None
    assert unknown_focus("客户的发票和发票抬头怎么开？", {"客户", "抬头"}, th) == "发票"  # (a thing said twice still is)
    # (nor a person a story names again as it goes on: probe P56 was "资料中没有提到“朋友”")
    assert unknown_focus("观众把电子票入场码截了个图发给朋友，朋友拿截图能进场吗？", {"观众", "入场码", "截图", "入场"}, th) is None
    # (nor a state denied: probe P74 was "资料中没有提到“不好”")
    assert unknown_focus("同一个毛病在保修期里修了两次还是不好怎么办？要是在延保期里修了三次还不好呢？",
                         {"同一", "保修期", "延保期", "维修"}, th) is None
    # (nor a time relative to another: probe P89 was "资料中没有提到“之前”")
    assert unknown_focus("我下周离职，手上还有之前导出的客户数据文件没删，走之前要怎么处理？",
                         {"离职", "导出", "客户", "数据", "文件", "销毁"}, th) is None


@pytest.mark.parametrize("question, unused", [
    ("我们查用户信用分，对接的是芝麻信用还是百行征信？", ("芝麻", "百行")),
    ("用户的征信查询，对接的是芝麻信用还是人民银行？", ()),  # (one of the two the documents name)
    ("延保期里一台机器修了好几次还是坏，能不能直接换新的？", ()),  # (还是: still)
    ("运费险由谁来出，商家还是平台？", ()),
    # (the things chosen between follow the word that asks of the first: 运费 is the subject, 买家 a party, 店出 jieba's)
    ("顾客退货，来回的运费是买家出还是我们店出？", ()),
])
def test_a_choice_between_two_things_no_document_names_is_not_found(question, unused):
    """Probe P52: "…对接的是芝麻信用还是百行征信？" was answered by a clause on authorising 征信 queries; the documents
    name neither 芝麻 nor 百行."""
    from assistant.answer import unknown_choice
    from assistant.thesaurus import Thesaurus

    vocabulary = {"用户", "征信", "查询", "信用", "对接", "人民银行", "延保", "机器", "维修", "换新", "运费险", "商家", "平台"}
    assert unknown_choice(question, vocabulary, Thesaurus.load()) == unused


@pytest.mark.parametrize("question, clause, asked", [
    # 几 of some sheets, in a question asked yes or no before it (probe P24 was not found, "问题问的是“几张”")
    ("盖章能不能先在几张白纸上盖好，回头再往上打印内容？", "严禁在空白合同、空白纸张上加盖印章。", None),
    ("主图最少要放几张？", "主图须清晰完整。", "几张"),
    # a percentage asked is stated by one (probe P24: "100万元以上" answered it)
    ("合同里的违约金一般约定成合同金额的百分之几比较合适？", "合同金额在100万元以上的，还须取得资信证明。", "百分之几"),
    ("合同里的违约金一般约定成合同金额的百分之几比较合适？", "违约金不得超过合同金额的20%。", None),
])
def test_some_is_no_count_asked_and_a_percentage_is_stated_by_one(question, clause, asked):
    assert unanswered_quantity(question, [_c(clause)]) == asked


def test_how_fast_asks_a_time():
    """Probe P24: "客户扬言要去消协告我们，这种事得多快报给经理？" asked no time: 多快 is 多久."""
    from assistant.answer import _TIME_ASKED, _asked

    assert _asked("这种事得多快报给经理？", [_TIME_ASKED]).words == "多快"


@pytest.mark.parametrize("question, clause, asked", [
    # orders are counted in 笔 too (probe P25 was not found: "问题问的是“几单”")
    ("同一个收货地址一天里下了好几单，会被系统盯上吗？几单算异常？", "同一收货地址在24小时内下单超过5笔的，系统应当生成预警。", None),
    ("同一个收货地址一天里下了好几单，会被系统盯上吗？几单算异常？", "同一收货地址下单异常的，系统应当生成预警。", "几单"),
    # 几 in a question asked yes or no after a comma is "some" (probe P25)
    ("新品刚上架一单都没有，找几个朋友先下几单把销量冲起来，这样可以吗？", "运营人员不得开展任何形式的虚假交易。", None),
])
def test_orders_are_counted_in_bi_and_some_is_no_count_asked(question, clause, asked):
    assert unanswered_quantity(question, [_c(clause)]) == asked


def test_whether_it_is_in_time_is_no_subject_and_a_verb_is_said_without_its_complement():
    """Probe P25: "…出差流程还没来得及提，现在补还来得及吗？" was "资料中没有提到“来得及”"; "…把退款打到另一张卡上，这能办
    吗？多久打过去？" quoted "价格保护退款的申请期限为商品签收后15日内" before "…3个工作日内完成打款"."""
    from assistant.answer import _choose, _period_before, unknown_focus
    from assistant.thesaurus import Thesaurus

    q = "事情太急人已经先走了，出差流程还没来得及提，现在补还来得及吗？"
    assert unknown_focus(q, {"出差", "流程", "补办"}, Thesaurus.load()) is None
    assert _period_before("财务部应当在消费者确认新的收款账户后3个工作日内完成打款。", "打过")
    assert not _period_before("价格保护退款的申请期限为商品签收后15日内。", "打过")
    first = _hit("a10", "价格保护退款的申请期限为商品签收后15日内，超过申请期限的不得受理。", 0.03)
    paid = _hit("a19", "退款审核通过后，原支付渠道因账户注销等原因无法退回的，财务部应当在消费者书面确认新的收款账户后3个工作日"
                       "内完成打款。", 0.029)
    q = "客户说原来付钱的那张卡已经注销了，想让我们把退款打到另一张卡上，这能办吗？多久打过去？"
    assert _choose(q, [first, paid], k=5, max_clauses=2)[0].clause.id == "d/a19"


@pytest.mark.parametrize("question, clause, asked", [
    # hours of class are 学时 or 课时 (probe P26 was not found: "问题问的是“多少课时”")
    ("仓库打包岗的新人，岗前培训最少得上多少课时？", "仓储岗位的岗前培训应当不少于24学时。", None),
    # …and a rate per hour is no count of hours ("内部讲师一年最少要讲多少课时？" was answered by it)
    ("公司内部讲师一年最少要讲多少课时？", "内部讲师按照每学时150元的标准领取课酬。", "多少课时"),
    # firms are counted in 家, and a minimum set answers no maximum asked (probe P26 quoted the conditions of admission)
    ("同一个片区最多能同时找几家物流服务商合作？", "申请成为公司服务商的企业，应当同时具备以下条件：", "几家"),
    ("同一个片区最多能同时找几家物流服务商合作？", "每个区域至少两家主力服务商。", "最多能同时找几家"),
    ("同一个片区最多能同时找几家物流服务商合作？", "同一区域合作的服务商不得超过3家。", None),
    # digits or people are counted in 位 (probe P26's "密码起码得设几位？" was answered by a rule on sending it)
    ("导出的数据文件要加密，密码起码得设几位？", "文件解压密码不得与文件通过同一渠道发送。", "几位"),
    ("导出的数据文件要加密，密码起码得设几位？", "解压密码不少于8位。", None),
    ("合同盖章要几位领导签字？", "须经两名负责人签字。", None),
])
def test_class_hours_and_firms_are_counted(question, clause, asked):
    assert unanswered_quantity(question, [_c(clause)]) == asked


def test_oneself_is_no_subject_a_bound_asked_and_when_a_thing_is_given_back():
    """Probe P26: "导出申请是我自己提的，我自己又是审批人，能自己批吗？" was "资料中没有提到“自己”"; "最多能扣到服务费的百分之几？"
    quoted "另扣减当月服务费总额的2%" before "单月扣减总额不得超过当月服务费的20%"; "保证金什么时候退给人家？" quoted the
    deposit paid ("…合同签订后10个工作日内…缴纳履约保证金") before the one returned ("…30日内无息退还剩余保证金")."""
    from assistant.answer import _choose, unknown_focus
    from assistant.thesaurus import Thesaurus

    q = "导出申请是我自己提的，我自己又是审批人，能自己批吗？一般多久能批下来？"
    assert unknown_focus(q, {"导出", "申请", "审批人", "审批"}, Thesaurus.load()) is None
    bare = _hit("a20", "（二）妥投超时的，每单扣减服务费3元；单月妥投率低于95%的，另扣减当月服务费总额的2%。", 0.03)
    bound = _hit("a24", "单月扣减总额不得超过当月服务费的20%；但因服务商故意或者重大过失造成损失的，不受此限。", 0.029)
    q = "一个月扣物流商的钱，最多能扣到服务费的百分之几？有没有例外？"
    assert _choose(q, [bare, bound], k=5, max_clauses=2)[0].clause.id == "d/a24"
    # (a bound in another part of the question is not this one's: "定金最多能收到多少？尾款要给客户留几天时间付？")
    pay = _hit("a9", "尾款支付期限不得少于3日。", 0.03)
    ship = _hit("a10", "预售商品应当在尾款支付完成之日起15日内发货，定制类商品不得超过30日。", 0.029)
    q = "预售收定金最多能收到多少？尾款要给客户留几天时间付？"
    assert _choose(q, [pay, ship], k=5, max_clauses=2)[0].clause.id == "d/a9"
    paid = _hit("a10", "服务商应当在合同签订后10个工作日内向公司缴纳履约保证金。", 0.03)
    back = _hit("a29", "服务商退出前，应当在15日内完成交接。交接完成且无未结争议的，财务部应当在30日内无息退还剩余保证金。", 0.029)
    q = "物流服务商不合作了撤场，剩下的保证金什么时候退给人家？"
    assert _choose(q, [paid, back], k=5, max_clauses=2)[0].clause.id == "d/a29"


def test_hours_of_class_are_a_time_conversations_are_counted_in_tong_and_a_count_is_asked_of_a_synonym():
    """Probe P27: "外包临时工进仓干活前要培训多久？" ← "…必须接受不少于8学时的三级安全教育" was not found ("…也没有给出具体时
    间"); "一周要被抽查多少条聊天记录" ← "每人每周抽检不少于20通会话" was not found: 条 was asked, 通 stated, and the word asked
    of, 抽查, is 抽检 in the rule."""
    from assistant.answer import _choose, unstated_time
    from assistant.thesaurus import Thesaurus

    assert unstated_time("新来的外包临时工进仓干活前要培训多久？", [_c("新入职员工和外包劳务人员上岗前，必须接受不少于8学时的三级安全"
                                                              "教育，考核合格后方可进入作业区。")]) is None
    q = "新来的客服一周要被抽查多少条聊天记录啊？"
    assert unanswered_quantity(q, [_c("入职未满3个月的客服，每人每周抽检不少于20通会话。")]) is None
    kept = _hit("a63", "会话记录应当至少保存12个月，客服组长每周一下班前抽查上周的会话记录。", 0.03)
    count = _hit("a41", "入职未满3个月的客服，每人每周抽检不少于20通会话。", 0.029)
    th = Thesaurus.load()
    assert _choose(q, [kept, count], k=5, max_clauses=2, synonyms=th.of)[0].clause.id == "d/a41"
    assert _choose(q, [kept, count], k=5, max_clauses=2)[0].clause.id == "d/a63"  # (without the thesaurus, as before)


def test_a_speed_sets_no_time():
    """Probe P27: "叉车司机的证多久要复审一次？" was answered by "…行驶速度不得超过每小时5公里" without saying that it sets no
    time: 每小时 before a distance is a speed, no rate."""
    from assistant.answer import unstated_time

    q = "叉车司机的证多久要复审一次？"
    assert unstated_time(q, [_c("叉车司机必须持证上岗。库内叉车行驶速度不得超过每小时5公里。")]).startswith("问题问的是“多久”")
    assert unstated_time(q, [_c("叉车司机的证件每年复审一次。")]) is None
    assert unstated_time("巡查多久做一次？", [_c("值班人员每小时巡查一次。")]) is None


def test_what_is_left_under_a_bound_is_asked_in_the_unit_told():
    """Probe P30: "这个月我已经加了30个小时班了，最多还能加多少？" was not found ("问题问的是“多少”"): no unit of the bare 多少
    answered "每月累计加班时长不得超过36小时", ranked fourth. What is left after so much is used is asked in the unit told,
    and only a number of it under a bound answers: not "实行7×24小时在线服务"."""
    from assistant.answer import _choose

    q = "这个月我已经加了30个小时班了，最多还能加多少？"
    assert unanswered_quantity(q, [_c("每名客服每月累计加班时长不得超过36小时。")]) is None
    assert unanswered_quantity(q, [_c("大促期间增设夜班（0:00—8:00），实行7×24小时在线服务。")]) == "多少"
    assert unanswered_quantity("这个月已经调了2次班了，还能调多少？", [_c("同一人每月调班不得超过3次。")]) is None
    assert unanswered_quantity("年假已经休了3天了，还能休多少？", [_c("年休假累计不超过5日。")]) is None
    first = _hit("a5", "大促期间增设夜班（0:00—8:00），实行7×24小时在线服务。客服中心实行早班、中班、晚班三班制。", 0.03)
    bound = _hit("a6", "每名客服每月累计加班时长不得超过36小时。", 0.029)
    assert _choose(q, [first, bound], k=5, max_clauses=1)[0].clause.id == "d/a6"


def test_a_tier_under_a_lead_in_of_the_top_k_is_looked_for_a_little_deeper():
    """Probe P31: "准备发一波券，预计核销5万块，找谁批？" cited a monitoring rule and the lead-in "…按照单批次预计核销总金额分级
    审批：", fourth; its item "1万元以上不满10万元的，由会员运营部经理审核后报市场总监审批", sixth, was past the top k. An item
    of a lead-in of the top k whose tier holds the sum told comes first; a tier elsewhere that deep does not."""
    from assistant.answer import _choose
    from assistant.retrieve import Hit

    def hit(id_, text, score, parent=None):
        return Hit(Clause(f"d/{id_}", "d", "D", f"《D》{id_}", ("D",), text, parent_id=parent and f"d/{parent}"), score)

    q = "准备发一波券，预计核销5万块，找谁批？"
    top = [hit("a21", "优惠券发放后，会员运营部应当每日监控领取和核销数据，超出审批金额的，应当立即停止发放。", 0.03),
           hit("i1", "（一）不满1万元的，由会员运营部经理审批；", 0.029, "a17"),
           hit("a18", "同一活动的优惠券应当合并计算预计核销总金额，不得拆分批次规避审批。", 0.028),
           hit("a17", "发放优惠券应当事先提交发放申请，按照单批次预计核销总金额分级审批：", 0.027),
           hit("a8", "开展积分加倍活动的，应当提前3个工作日提交活动方案。", 0.026)]
    item = hit("i2", "（二）1万元以上不满10万元的，由会员运营部经理审核后报市场总监审批；", 0.02, "a17")
    # (cited under its lead-in)
    assert [h.clause.id for h in _choose(q, top + [item], k=5, max_clauses=2)] == ["d/a17", "d/i2"]
    other = hit("b2", "年采购额1万元以上不满10万元的，由采购中心经理审批。", 0.02)
    assert "d/b2" not in [h.clause.id for h in _choose(q, top + [other], k=5, max_clauses=2)]


def test_the_party_before_the_ask_is_no_part_of_the_cost_named():
    """Probe P31: "验厂的差旅费是供应商出还是咱们自己出？" was answered by "…退货运费由供应商承担": the cost was read as
    供应商, no cost, and any clause that allocates a fee answered."""
    from assistant.answer import _cost_named

    assert _cost_named("验厂的差旅费是供应商") == "差旅费"
    assert _cost_named("运费是买家") is None  # (a fee of one character's kind is said by any name of it)
    # (nor what points at a cost, jieba's 这钱: probe P91's "…摔坏了，这钱谁出？" was not found beside "…由商家承担赔付成本")
    assert _cost_named("这钱") is None
    assert unanswered_quantity("商家自己发货的单子因为包装不行摔坏了，这钱谁出？",
                               [_c("商家自行发货的订单，经认定属于包装原因破损的，由商家承担赔付成本。")]) is None
    assert unanswered_quantity("验厂的差旅费是供应商出还是咱们自己出？",
                               [_c("剩余库存可以退回供应商的，退货运费由供应商承担。")]) == "出还是咱们自己出"


@pytest.mark.parametrize("text, rules", [
    ("剩余保质期不足90天的，应当停止销售。", True),  # (a duty to stop an act forbids its going on)
    ("消费者申请退货的，应当自签收之日起7日内提出。", True),  # (a time limit on a request permits it within it only)
    ("品控部应当在2个工作日内完成查验。", False),  # (a time limit on a duty of the company's says nothing of whether)
    ("会员运营部应当每日监控领取和核销数据。", False),
    # (and what holds not: probe P32, "…还能拿这句话顶回去吗" ← a format clause void)
    ("格式条款有下列内容的，该内容无效。", True),
    ("消费者有权要求退货；无效投诉不计入考核。", True),  # (有权)
    ("客服应当登记无效投诉的原因。", False),
    # (or a thing that does not count, at its phrase's end: probe P56's "朋友拿截图能进场吗？")
    ("第十九条 观演人入场时应当携带购票时登记的有效身份证件原件，入场码截图、录屏无效。", True),
    ("客服应当核对无效订单的原因。", False),
    # (and what is given back, the counterpart of 不予退还: probe P59's "贷款没批下来，定金还能退吗？")
    ("（1）买卖合同中约定了“以贷款审批通过为成交条件”的，定金全额退还；", True),
    ("财务部负责定金退还的复核与支付。", False),
    ("（一）平台无法提供提醒已送达证据的，视为未提醒，用户当期未使用权益的予以全额退款。", False),  # (a remedy; probe P44)
])
def test_a_duty_to_stop_and_a_time_limit_on_a_request_rule_on_whether(text, rules):
    """Probe P31: "保质期只剩两个多月了，还能接着卖吗？" and "签收第10天了才说要退，还能退吗？" put a clause that says 可以 or
    an item of a 除外 list first, and cited it alone; "…应当停止销售", "…应当自签收之日起7日内提出", first by both retrievers,
    were taken to say neither."""
    from assistant.provisions import states_rule

    assert states_rule(_c(text), None) is rules
    # (an item under a lead-in that says its items are void)
    lead = Clause("d/a1", "d", "D", "《D》第一条", ("D",), "电子商务经营者提供的格式条款有以下内容的，人民法院应当依法认定无效：")
    item = Clause("d/a1/i1", "d", "D", "《D》第一条（一）", ("D",), "（一）收货人签收商品即视为认可商品质量符合约定；",
                  parent_id="d/a1")
    assert states_rule(item, lead)


def test_a_rule_is_not_put_over_a_duty_both_retrievers_put_first():
    """Probe P25: "跟组里一个男同事一块儿出差，酒店能一人开一间吗？" put "总监及以上职级人员可以乘坐飞机经济舱…" (a 可以, third)
    before "两名同性别员工同行出差的，原则上应当合住一间标准间…", first by both retrievers: a duty rules too. Not over a
    definition both put first ("…所称“敏感个人信息”，是指身份证号、银行卡号…" for "…身份证号、银行卡号这种能直接存在我自己
    电脑里吗？", probe P20), which rules on nothing."""
    from types import SimpleNamespace

    from assistant.retrieve import Hit, Retriever

    def hit(id_, text, score, dense, bm25):
        return Hit(Clause(f"d/{id_}", "d", "D", f"《D》{id_}", ("D",), text), score, dense, bm25)

    r = SimpleNamespace(by_id={}, parent=lambda c: None)  # (a clause of no lead-in)
    may = hit("a13", "（一）总监及以上职级人员可以乘坐飞机经济舱或者高铁一等座；", 0.0214, 0.896, 1.2)
    duty = hit("a16", "两名同性别员工同行出差的，原则上应当合住一间标准间，住宿费按照其中较高职级的标准执行。", 0.0244, 0.901, 2.8)
    other = hit("a11", "同一部门在同一时段安排3人以上前往同一城市出差的，须在出差申请中说明多人同行的必要性。", 0.0224, 0.89, 1.5)
    assert Retriever._rule_first(r, [duty, other, may])[0] is duty
    definition = hit("a2", "本办法所称“敏感个人信息”，是指身份证号、银行卡号、人脸信息等信息。", 0.03, 0.91, 3.0)
    banned = hit("a9", "员工不得将用户数据以明文形式保存在个人电脑或移动存储介质中。", 0.025, 0.9, 2.0)
    assert Retriever._rule_first(r, [definition, banned])[0] is banned


@pytest.mark.parametrize("question, tiers, first", [
    # (days, an item of a list of which other items are near; probe P33)
    ("想连着请5天事假，OA上要走到谁那？", ["（一）请假1天以内（含1天）的，由直接上级审批；", "（二）请假超过1天不满3天的，由部门负责人审批；",
                                     "（三）请假3天以上不满10天的，由部门负责人审核后报人力资源部经理审批；"], 2),
    ("到了一批货800件，得抽检多少？", ["（三）1000件以上的，抽检比例不低于5%，且抽检数量不少于200件；", "（一）同一批次数量在100件以下的，全部检验；",
                              "（二）100件以上不满1000件的，抽检比例不低于20%；"], 2),
    ("差不多降了两成，这个价谁批就行？", ["（一）调价幅度在10%以内（含10%）的，由店铺运营经理审批；",
                                "（二）调价幅度超过10%不满30%的，由商品运营中心经理审批；"], 1),
])
def test_a_count_told_picks_its_tier(question, tiers, first):
    """Probe P33: tiers by days, pieces or a share ("请假3天以上不满10天的", "100件以上不满1000件的", "超过10%不满30%的") were read
    for sums of money only: "想连着请5天事假…" cited a lead time, "到了一批货800件…" the 1000件 tier. The tier the count the
    question tells falls in comes first; a time limit ("应当在3日内审批") is no tier."""
    from assistant.answer import _choose, _tiers
    from assistant.retrieve import Hit

    ranked = [Hit(Clause(f"d/a19/i{i}", "d", "D", f"《D》第十九条（{i}）", ("D",), t, parent_id="d/a19"), 0.03 - i * 0.001)
              for i, t in enumerate(tiers)]
    assert _choose(question, ranked, k=5, max_clauses=1)[0].clause.text == tiers[first]
    assert _tiers("审批人应当在3日内审批。", "天") == []
    # (a ceiling said 不超过 is no floor: "…单张最高不超过50元" held 3万块 as 50元 up, and "亏了3万块左右…谁拍板？" kept it
    # before "损失金额在5000元以上不满5万元的，由商品运营中心总监决定")
    assert _tiers("并按照订单实付金额的10%发放补偿优惠券，单张最高不超过50元。") == [(0.0, 50.0)]


def test_an_age_told_picks_its_tier_and_the_others_go():
    """Probe P45: "13岁的小孩在平台上一次最多能充多少钱？…" cited the 十六周岁 tier first and the 八周岁 one after it: an age
    ("13岁") was no count, and a tier the count is not in stayed cited beside the one it is in. It gives way to the item of
    its list the count is in."""
    from assistant.answer import _choose, _counts_told, _tiers
    from assistant.retrieve import Hit

    tiers = ["（一）未满八周岁的用户，不得为其提供游戏充值服务；", "（二）八周岁以上未满十六周岁的用户，单次充值不得超过50元，每月累计充值不得超过200元；",
             "（三）十六周岁以上未满十八周岁的用户，单次充值不得超过100元，每月累计充值不得超过400元。"]
    ranked = [Hit(Clause(f"d/a3/i{i}", "d", "D", f"《D》第三条（{i}）", ("D",), tiers[i], parent_id="d/a3"), s)
              for i, s in ((2, 0.03), (0, 0.029), (1, 0.02))]
    q = "13岁的小孩在平台上一次最多能充多少钱？一个月加起来最多多少？"
    assert _counts_told(q) == [(13.0, "岁")]
    assert _tiers(tiers[1], "岁") == [(8.0, 16.0)]
    assert [h.clause.text for h in _choose(q, ranked, k=5, max_clauses=2)] == [tiers[1]]


def test_an_amount_asked_by_its_name_is_looked_for_a_little_deeper_where_a_clause_says_it_with_a_sum():
    """Probe P45: "漏充了商家又没在规定时间补上，用户能拿到多少违约金？" was not found: "…商家按漏充金额的20%向用户支付违约金，
    最低不少于5元" was sixth, past the top k an amount is looked for in, and 拿到, the verb asked of, is not its word. An
    amount asked by its name is looked for as deep as a time, in a clause that says the name with a sum or a rate; not
    "…违约金由平台从商家保证金…中直接划扣" for "要交多少保证金？"."""
    from dataclasses import replace

    from assistant.answer import _choose
    from assistant.retrieve import Hit

    q = "漏充了商家又没在规定时间补上，用户能拿到多少违约金？"
    others = [_c(t) for t in ("用户反映漏充的，商家应当在2小时内调取充值凭证进行核查；确认漏充的，应当在核查结束后1小时内补足差额。",
                              "商家保证金不足的，应当在7日内补足。", "商家拒不处理漏充申诉的，平台可以从其保证金中先行划扣。",
                              "因游戏运营方接口故障导致批量漏充的，商家应当在发现故障后1小时内报告平台。", "用户可以申请客服介入。")]
    paid = _c("因商家原因导致漏充且未在规定时限内补足的，商家按漏充金额的20%向用户支付违约金，最低不少于5元。")
    ranked = [Hit(replace(c, id=f"d/a{i}"), 0.03 - i * 0.001) for i, c in enumerate(others + [paid])]
    assert _choose(q, ranked, k=5, max_clauses=2)[0].clause.text == paid.text
    deposit = _c("商家未在规定时限内发货的，应当支付违约金，金额为实付金额的5%。违约金由平台从商家保证金中直接划扣。")
    ranked = [Hit(replace(c, id=f"d/a{i}"), 0.03 - i * 0.001) for i, c in enumerate(others + [deposit])]
    assert _choose("想开个快递驿站跟平台合作，要交多少保证金？", ranked, k=5, max_clauses=2)[0].clause.text != deposit.text


def test_a_clause_that_states_the_time_in_synonyms_of_the_questions_words_is_cited():
    """Probe P49: "客户投诉进来以后，最晚多长时间内要给客人第一次回复？" cited a sample annex's "…预计在××时间前给您回复" (no time),
    first; "客服应当在接到投诉后2小时内首次响应旅客", second, fell short of its share of the question's words: 第一次 and 回复
    are said 首次 and 响应 there. A word counts where the clause says a synonym of it; not a party's other name."""
    from dataclasses import replace

    from assistant.answer import _choose
    from assistant.retrieve import Hit
    from assistant.thesaurus import Thesaurus

    th = Thesaurus.load()
    q = "客户投诉进来以后，最晚多长时间内要给客人第一次回复？"
    sample = _c("——“您反映的情况我已经记录，需要向酒店核实，预计在××时间前给您回复。”")
    rule = _c("5.1.1 客服应当在接到投诉后2小时内首次响应旅客。")
    ranked = [Hit(replace(sample, id="d/annexB"), 0.03), Hit(replace(rule, id="d/5.1.1"), 0.029)]
    assert _choose(q, ranked, k=5, max_clauses=2, synonyms=th.of)[0].clause.id == "d/5.1.1"
    assert _choose(q, ranked, k=5, max_clauses=2)[0].clause.id == "d/annexB"  # (without synonyms, as before)


def test_a_sample_annex_or_a_list_of_cited_documents_comes_after_the_rules():
    """Probe P49: a standard's "附录B（资料性附录） 常用安抚话术示例", scripts for soothing a customer, was first for "客人投诉
    被杀熟…要怎么赔？" and cited alone; below it, "2 规范性引用文件 / 下列文件对于本规范的应用是必不可少的：…". Like a report,
    a sample says no rule: of the top k, the rules come first (unless the question asks what the standard cites)."""
    from dataclasses import replace

    from assistant.answer import _choose
    from assistant.retrieve import Hit

    q = "客人投诉被杀熟，查下来确实是我们的问题，要怎么赔？"
    sample = _c("附录B（资料性附录） 常用安抚话术示例\n——“很抱歉给您带来不便，您的投诉我们会跟进到底。”")
    cited = _c("2 规范性引用文件\n下列文件对于本规范的应用是必不可少的：\n——《中华人民共和国消费者权益保护法》。")
    rule = _c("第七条 旅客投诉“杀熟”的，经核实确属平台原因的，平台应当退还差价，并按差价的3倍给予补偿。")
    ranked = [Hit(replace(c, id=f"d/{n}"), 0.03 - i * 0.001) for i, (n, c) in enumerate(
        (("annexB", sample), ("2", cited), ("a7", rule)))]
    assert _choose(q, ranked, k=5, max_clauses=1)[0].clause.id == "d/a7"
    assert _choose("投诉处理规范引用了哪些法律？", ranked[1:], k=5, max_clauses=1)[0].clause.id == "d/2"


def test_a_fee_asked_by_its_name_is_stated_where_the_clause_names_it_with_a_word_more():
    """Probe P49: "平台最多能收多少代办费？" was not found beside "…每张客票每次收取代办服务费不超过20元": the fee asked by its
    name is stated where the clause names it so or with a word or two before its kind; not another fee ("退票手续费")."""
    q = "客人让我们人工帮忙改签机票，平台最多能收多少代办费？"
    assert unanswered_quantity(q, [_c("平台为旅客提供人工改签代办服务的，每张客票每次收取代办服务费不超过20元。")]) is None
    assert unanswered_quantity(q, [_c("航空公司收取的退票手续费按票面价的5%计算，最低50元。")]) == "多少代办费"


def test_a_number_run_into_its_unit_is_no_item_number():
    """Probe P45: a table's row "16周岁以上未满18周岁 100元 400元" was quoted "周岁以上未满18周岁…": a number of one level
    was taken off as an item's number without its stop. An item's number has its stop or a space after it."""
    from assistant.answer import _statement
    from assistant.support import LIST_MARKER

    row = _c("16周岁以上未满18周岁 100元 400元")
    assert _statement("16岁的能充多少", row, whole=True).startswith("16周岁")
    assert _statement("去年投诉多少件", _c("2023年度，平台共受理投诉4.6万件。"), whole=True).startswith("2023年度")
    for text, marker in (("1. 商家应当", "1. "), ("3、退货", "3、"), ("4 范围", "4 "), ("5.2.1交易型", "5.2.1"),
                         ("1.1.商家", "1.1."), ("1.5万元以上的", None), ("1.5%的", None), ("16周岁", None)):
        m = LIST_MARKER.match(text)
        assert (m.group() if m else None) == marker, text


def test_a_modal_glued_to_a_verb_is_no_anchor():
    """Probe P33: "年假一共能休几天？" was bound to 能休, which "…因公司工作安排未能休假的除外" says, and was not found beside
    "…已满10年不满20年的，年休假10天"."""
    q = "我工作12年了，来咱们公司刚满4年，年假一共能休几天？"
    text = "员工累计工作已满1年不满10年的，年休假5天；已满10年不满20年的，年休假10天。\n年休假当年未休完的可以延至次年，但是，因公司工作安排未能休假的除外。"
    assert unanswered_quantity(q, [_c(text)]) is None


def test_a_time_of_day_asked_is_answered_by_the_hours_a_clause_sets():
    """Probe P40: "晚上十点钟还能不能给用户发促销短信？" cited the 大促 frequency rule; "营销短信只能在每日8时至21时之间发送"
    was fourth. A time of day asked of is answered by a clause of the top k that sets hours of the day, sharing half as
    much of the question's words; not 一点 ("快一点") nor 几点 of a list ("有几点要求")."""
    from assistant.answer import _choose

    ranked = [_hit("a12", "大型促销活动期间，平台营销短信对同一用户可以提高至每自然日2条。", 0.03),
              _hit("a11", "商家营销短信，同一店铺对同一用户每自然月不超过4条。", 0.025),
              _hit("a10", "营销短信只能在每日8时至21时之间发送；营销外呼只能在每日9时至20时之间进行。", 0.02)]
    assert _choose("晚上十点钟还能不能给用户发促销短信？", ranked, k=5, max_clauses=1)[0].clause.id == "d/a10"
    assert _choose("能不能快一点给用户发促销短信？", ranked, k=5, max_clauses=1)[0].clause.id == "d/a12"
    from assistant.answer import CLOCK_SAID

    assert CLOCK_SAID.search("客服几点下班？") and CLOCK_SAID.search("凌晨两点下的单")
    assert not CLOCK_SAID.search("能不能快一点发货") and not CLOCK_SAID.search("这个规定有几点要求")


def test_a_rule_is_cited_before_a_report_on_what_happened():
    """Probe P44: "有用户投诉说开通页面默认就帮他勾上了自动续费，我们这么做合规吗？" quoted a complaint analysis report's
    finding first, ranked above the rules that forbid it; a report's clause comes after the rules of the top k, and is
    cited as before where no rule is among them."""
    from assistant.answer import _choose
    from assistant.retrieve import Hit

    report = Hit(Clause("r/h7", "r", "关于2024年第二季度会员自动续费投诉情况的分析报告", "《…分析报告》七、", ("…",),
                        "部分用户反映开通页面默认勾选了自动续费。"), 0.03)
    rule = Hit(Clause("g/a8", "g", "悦享购PLUS会员服务与自动续费规则", "《…规则》第八条", ("…",),
                      "开通自动续费须由用户主动勾选确认，平台不得默认勾选。"), 0.02)
    q = "开通页面默认勾上了自动续费，合规吗？"
    assert _choose(q, [report, rule], k=5, max_clauses=1)[0].clause.id == "g/a8"
    assert _choose(q, [report], k=5, max_clauses=1)[0].clause.id == "r/h7"


def test_a_tiered_rules_row_whose_range_holds_the_number_told_is_cited():
    """Probe P58: "一车到了300件货，入仓验收要抽几件检查？" quoted "批量为500件以上的，抽取13件", ranked first of the four rows,
    not "批量为201件至500件的，抽取8件": a row's span ("…至…的") and "及以下" were no tier."""
    from assistant.answer import _tier_stated

    rows = [_hit("d", "d）批量为500件以上的，抽取13件。", 0.024), _hit("b", "b）批量为51件至200件的，抽取5件；", 0.023),
            _hit("c", "c）批量为201件至500件的，抽取8件；", 0.023), _hit("a", "a）批量为50件及以下的，抽取3件；", 0.023)]

    def first(q: str) -> str:
        return _tier_stated(q, rows, 5, rows[:1], 3)[0].clause.id

    assert first("一车到了300件货，入仓验收要抽几件检查？") == "d/c"
    assert first("到了30件货要抽几件？") == "d/a"
    assert first("到了1,200件货要抽几件？") == "d/d"
    # (no number told, or none in that unit: the rows stay as ranked)
    assert first("入仓验收要抽几件检查？") == "d/d"
    assert first("放了300天的货要抽几件？") == "d/d"


def test_a_thousands_comma_is_no_part_of_the_amount_it_groups():
    """Probe P59: "意向金最多能收多少？" — "每台车不得低于500元，且不得超过2,000元" stated no amount under 不得超过 (2, then
    ",000元")."""
    from assistant.answer import _QUANTITY_ASKED, _asked, _bound_asked, _bound_stated

    q = "意向金最多能收多少钱？"
    asked = _asked(q, _QUANTITY_ASKED)
    upper = _bound_asked(q, asked).group(1) is not None
    assert _bound_stated("意向金每台车不得低于500元，且不得超过2,000元。", asked, upper)
    assert not _bound_stated("意向金每台车不得低于500元，锁车期为72小时。", asked, upper)


def test_an_amount_asked_under_a_bound_is_looked_for_past_the_top_k():
    """Probe P60: "假一赔十的话，一单最多能赔多少钱？" was not found; "…单笔订单赔付金额最高不超过5万元" was seventh, past the
    top five, which state no amount of 赔 under a bound."""
    from assistant.answer import _choose

    ranked = [_hit(f"x{i}", f"有下列情形之一的，平台可以不予受理假一赔十申请：情形{i}。", 0.03 - i / 1000) for i in range(6)]
    ranked.append(_hit("a4", "假一赔十：经鉴定为假冒商品的，平台按照实付金额的十倍进行赔付，单笔订单赔付金额最高不超过5万元。", 0.02))
    assert _choose("假一赔十的话，一单最多能赔多少钱？", ranked, k=5, max_clauses=3)[0].clause.id == "d/a4"
    # (an amount asked of no bound is looked for in the top k only, as before)
    assert _choose("假一赔十的话，一单能赔多少钱？", ranked, k=5, max_clauses=3)[0].clause.id != "d/a4"


def test_who_bears_a_sum_is_said_by_a_rule_on_a_sum_paid():
    """Probe P58: "助农直播卖出去的货坏了要包赔，这笔钱最后由谁来出？" was not found: "赔付款的50%由平台助农专项基金承担"
    named no cost (款 was not one)."""
    from assistant.answer import _QUANTITY_ASKED, _asked, _states

    q = "助农直播卖出去的货坏了要包赔，这笔钱最后由谁来出？"
    asked = _asked(q, _QUANTITY_ASKED)
    assert asked is not None and asked.kind == "bears"
    assert _states(_c("助农直播订单的坏果包赔，赔付款的50%由平台助农专项基金承担，其余部分由供应商承担。"), asked, q)
    assert not _states(_c("按本条款由供应商承担违约责任。"), asked, q)
    # (nor a refund: "两千块以上的贵重商品发顺丰要保价，保价费…谁来出？" was answered by who pays a refund; probe P34)
    assert not _states(_c("财务部负责退款的复核，退款由财务部支付。"), asked, q)


def test_a_count_told_by_its_ordinal_day_picks_a_tables_row():
    """Probe P62: "小狗到家第20天才在医院确诊细小，这种情况商家赔多少？" was not found: the table "犬猫确诊上述传染病 | 到家第16日
    至第30日 | 按商品实付价款的50%赔付" bounded no count (its cells are no phrases ending in 的, and 第16日 an ordinal), and
    第20天 told none. A table's cells are cases; the day an event is on is that many days on."""
    from assistant.answer import _counts_told, _tiers

    assert _counts_told("小狗到家第20天才在医院确诊细小，这种情况商家赔多少？") == [(20.0, "天")]
    table = ("（一）各类情形的健康承诺期及赔付方式见下表。\n情形\t健康承诺期\t赔付方式\n犬猫到家后死亡\t到家起48小时内\t全额退款\n"
             "犬猫确诊犬瘟热\t到家起15日内\t全额退款或者同品种同价位更换\n犬猫确诊上述传染病\t到家第16日至第30日\t按实付价款的50%赔付")
    assert _tiers(table, "天") == [(0.0, 15.0), (16.0, 30.0)]
    assert _tiers("（二）消费者应当在到家后15日内提出申请，商家应当在3日内处理。", "天") == []  # (a time limit, no case)


def test_an_amount_is_asked_of_the_verb_before_whom_it_is_paid():
    """Probe P63: "…酒店也没给安排别的地方住，要赔客人多少？" was not found: the amount was asked of 客人, which the table
    "到店无房且未能安排替代酒店 | 全额退款并赔付首晚房费的200%" does not say; it is asked of 赔."""
    from assistant.answer import _asked_of

    assert _asked_of("要赔客人多少", "多少") == "赔"
    assert _asked_of("企业所得税税率是多少", "多少") == "税率"


def test_who_bears_the_extra_cost_and_the_cost_of_a_verb_with_its_object():
    """Probes P63 and P64: "…多出来的费用谁掏？" (多出来 says how much, of no kind: "因此增加的费用由游客承担" answers it) and
    "送检鉴定真伪的费用最后由谁来出？" (of 鉴定 as much as 真伪: "鉴定费用和往返运费由商家承担") were not found; and the phrase
    that allocates a cost is what must name it, not another phrase of its sentence ("…送至鉴定机构，送检运费由消费者先行
    垫付" allocates no 鉴定 cost)."""
    from assistant.answer import _cost_named

    assert _cost_named("多出来的费用") is None
    assert _cost_named("送检鉴定真伪的费用最后") == "鉴定真伪费用"
    q = "送检鉴定真伪的费用最后由谁来出？"
    assert unanswered_quantity(q, [_c("第十三条 鉴定费用按下列原则承担：\n——鉴定为假货的，鉴定费用和往返运费由商家承担；")]) is None
    assert unanswered_quantity(q, [_c("第十一条 消费者应当使用平台指定的保价物流将商品送至鉴定机构，送检运费由消费者先行垫付。")]) \
        == "由谁来出"
    assert unanswered_quantity("跟团游半路碰上暴雨封路，多出来的费用谁掏？",
                               [_c("第十二条 因不可抗力影响行程的，组团社可以变更行程；因此增加的费用由游客承担。")]) is None


def test_a_multiple_said_as_amends_in_a_column_of_multiples_states_how_many_times():
    """Probe P64: "一瓶一千多块的白酒被鉴定成假货，商家要按几倍赔？" was not found: the table's "赔偿倍数" column says "假一赔十"."""
    q = "一瓶一千多块的白酒被鉴定成假货，商家要按几倍赔？"
    table = _c("第四条 商品经鉴定确认为假货的，商家除退还消费者全部货款外，还应当按下表标准向消费者支付赔偿：\n"
               "商品类别\t赔偿倍数\t计算基数\n白酒（单瓶售价500元以上）\t假一赔十\t订单实付金额\n啤酒、黄酒\t假一赔三\t订单实付金额")
    assert unanswered_quantity(q, [table]) is None
    assert unanswered_quantity(q, [_c("第四条 商品经鉴定确认为假货的，商家除退还消费者全部货款外，还应当向消费者支付赔偿。")]) == "几倍"


def test_a_count_of_shows_or_rounds_is_no_subject():
    """Probe P64: "商家想做一场卖酒的直播，要提前多久跟平台报备？临时加一场行不行？" was "资料中没有提到“一场”"."""
    from assistant.answer import unknown_focus
    from assistant.thesaurus import Thesaurus

    th = Thesaurus.load()
    assert unknown_focus("商家想做一场卖酒的直播，要提前多久跟平台报备？临时加一场行不行？", {"商家", "直播", "报备", "加播"}, th) is None
    # (and a self-employed shop, said for short: "个体户…个体户不能做的" ← 个体工商户)
    assert unknown_focus("个体户能开店卖酒吗？有没有什么类目是个体户不能做的？", {"个体工商户", "入驻", "类目"}, th) is None
    assert unknown_focus("个体户能开店卖酒吗？有没有什么类目是个体户不能做的？", {"入驻", "类目"}, th) == "个体户"


def test_a_floor_said_as_not_below_and_a_cost_named_after_the_ask_in_a_tables_header():
    """Probe P58: "合格率低于95%但不低于90%的" was read below 90% (不低于 taken for 低于), and a table's "试单验收合格率不低于95%"
    (a requirement) a tier below 95%. Probe P50: "二手频道一单成交了1500块，卖家要交多少技术服务费？" cited the table whose row
    holds 1500元 first and was then not found: the fee it asks is named after the ask, and the header "服务费率" names it."""
    from assistant.answer import _tiers

    assert _tiers("试单入仓验收合格率低于90%的，不予准入；合格率低于95%但不低于90%的，经批准可以延长试单期一次。", "%") \
        == [(0.0, 90.0), (90.0, 95.0)]
    assert _tiers("环节\t备注\n质量评估\t试单验收合格率不低于95%", "%") == [(95.0, math.inf)]
    q = "二手频道一单成交了1500块，卖家要交多少技术服务费？"
    table = _c("第十三条 本频道按成交价向卖家收取技术服务费，标准如下：\n成交价区间\t服务费率\t说明\n500元以下（含500元）\t免收\t"
               "鼓励闲置流转\n500元以上至2000元（含）\t2%\t——")
    assert unanswered_quantity(q, [table]) is None
    assert unanswered_quantity(q, [_c("第十三条 本频道按成交价向卖家收取技术服务费，标准见频道公告。")]) == "多少"


def test_a_clause_that_denies_in_one_case_and_grants_in_another_is_no_bare_denial():
    """Probe P58: "新供应商试单验收合格率只有92%，还有没有机会准入？" cited "…合格率低于90%的，不予准入；合格率低于95%但不低于
    90%的，经采购中心负责人批准，可以延长试单期一次" (the tier 92% falls in) after the 准入审核 table, put first as the clause
    that grants what a bare denial withholds."""
    from assistant.answer import _rule_before_denial
    from assistant.retrieve import Hit

    rule = Hit(Clause("d/a13", "d", "D", "《D》第十三条", ("D",),
                      "第十三条 试单入仓验收合格率低于90%的，不予准入；合格率低于95%但不低于90%的，经采购中心负责人批准，可以延长试单期一次。"), 0.03)
    table = Hit(Clause("d/a12", "d", "D", "《D》第十二条", ("D",), "第十二条 准入审核按照材料初审、实地考察四个环节进行。"), 0.029)
    q = "新供应商试单验收合格率只有92%，还有没有机会准入？"
    assert _rule_before_denial(q, [rule], [rule, table], 2) == [rule]
    bare = Hit(Clause("d/a14", "d", "D", "《D》第十四条", ("D",), "第十四条 试单入仓验收合格率低于90%的，不予准入。"), 0.03)
    assert _rule_before_denial(q, [bare], [bare, table], 2) == [table, bare]


def test_a_time_of_day_a_clause_bounds_half_a_year_and_a_sum_told_about_so_much():
    """Probes P63, P64: "客人晚上十一点多到酒店发现没房，打车去别的酒店的钱平台能出吗？" cited a clause on refusing the other
    hotel before "游客到店时间在22:00以后的，客服可以为游客叫车并由平台直接支付车费，每单最高200元" (a bound of the hour, no
    span); "客人行程都结束大半年了才来投诉，这种我们还要受理吗？" told no count against "…超过180日提出的"; and "这次就买两百
    来块钱的啤酒，还要再验一次年龄吗？" no sum against "…单笔订单实付金额在300元以下的，可以免于重复核验"."""
    from assistant.answer import CLOCK_SPAN, _counts_told, _sum_asked

    assert CLOCK_SPAN.search("3. 游客到店时间在22:00以后的，客服可以为游客叫车并由平台直接支付车费，每单最高200元。")
    assert not CLOCK_SPAN.search("3. 游客到店后2小时内，客服应当为游客安排替代酒店。")
    assert _counts_told("客人行程都结束大半年了才来投诉") == [(240.0, "天")]
    assert _counts_told("半年前买的") == [(180.0, "天")]
    assert _sum_asked("这次就买两百来块钱的啤酒") == 200.0
    assert _sum_asked("来了三个人") is None


def test_an_age_asked_is_stated_by_an_age_of_whom_the_clause_names_its_own_way():
    """Probe P62: "幼猫最小多大日龄才能上架卖？" asked no quantity, and cited "处于妊娠期或者哺乳期的犬、猫不得上架销售" before
    "犬、猫出售时应当年满60日龄" (幼猫 said 犬、猫); not "…不少于7天的检疫暂养" (days, no age)."""
    from assistant.answer import _QUANTITY_ASKED, _asked, _choose

    q = "幼猫最小多大日龄才能上架卖？"
    assert _asked(q, _QUANTITY_ASKED).words == "多大日龄"
    assert _asked("孩子几岁可以充值？", _QUANTITY_ASKED).words == "几岁"
    ranked = [_hit("s2", "5.1.2 处于妊娠期或者哺乳期的犬、猫不得上架销售。", 0.03),
              _hit("s3", "5.1.3 观赏水族活体在上架前应当完成不少于7天的检疫暂养。", 0.029),
              _hit("s1", "5.1.1 犬、猫出售时应当年满60日龄，且已完成体内外驱虫。", 0.028)]
    assert _choose(q, ranked, k=5, max_clauses=2)[0].clause.id == "d/s1"


@pytest.mark.parametrize("question, asked", [
    ("面膜离过期没多久了，剩多少保质期就不能收？", None),  # (not long before it expires: probe P77 was not found)
    ("没过多久客户又来投诉了，怎么办？", None),
    ("客户投诉多久内必须回应？", "多久"),
])
def test_not_long_asks_no_time(question, asked):
    from assistant.answer import _TIME_ASKED, _asked

    got = _asked(question, [_TIME_ASKED])
    assert (got.words if got else None) == asked


def test_what_is_done_within_a_time_is_read_past_ba_and_whom_it_is_done_for():
    """Probe P85: "…最晚多少天内要把申诉交上来？" quoted "申诉被驳回后，可在3天内申请复核一次": what is done within the time is
    the thing after 把 (申诉), and a flow's steps are one act each ("商家申请复核（3天内） → 申诉主管复核" times no 申诉);
    probe P87: "…客服最晚多长时间内要给人家答复？" was not found: the act is the word after whom it is done for (答复)."""
    from assistant.answer import _PERIOD_ASKED, _asked, _done_within, _period_before

    for question, done in (("商家觉得扣分扣错了，最晚多少天内要把申诉交上来？", "申诉"),
                           ("顾客来申请价保，客服最晚多长时间内要给人家答复？", "答复"),
                           ("退货最晚几天之内要退回仓库？", "退回")):
        assert _done_within(question, _asked(question, _PERIOD_ASKED)) == done, question
    assert not _period_before("商家提交申诉 → 申诉专员受理（24小时） → 商家申请复核（3天内） → 申诉主管复核（3个工作日）", "申诉")
    assert _period_before("商家对扣分决定有异议的，应当在收到扣分通知之日起7天内提出申诉。", "申诉")




def test_a_verb_of_one_character_ending_its_phrase_is_what_is_done_within_the_time_in_that_phrase():
    """Probe P91: "商家被抽查出来过度包装，给几天改？" quoted "…收到整改通知后3个工作日内提交申诉材料" before "平台应当通知商家
    在7个工作日内完成整改": 改 was no act read; probe P93: "…多久之内得安排人接手？" is asked of 接手, not of 安排."""
    from assistant.answer import _PERIOD_ASKED, _asked, _done_within, _period_before

    for question, done in (("商家被抽查出来过度包装，给几天改？到期没改会怎么罚？", "改"),
                           ("客户经理要离职了，他手上的客户多久之内得安排人接手？", "接手")):
        assert _done_within(question, _asked(question, _PERIOD_ASKED)) == done, question
    assert _period_before("平台应当通知商家在7个工作日内完成整改；逾期未整改的，扣除信用分6分。", "改")
    # (in the period's phrase only: the 整改期限 after 作出复核决定 is no 改 within 5 days)
    assert not _period_before("平台规则中心应当在5个工作日内作出复核决定，复核期间整改期限中止计算。", "改")





def test_a_level_asked_of_a_thing_is_not_answered_by_a_rule_on_another_level_of_it():
    """Blind probe P90: "二级黑名单的买家过多久才能从黑名单里移出来？" was answered by "一级黑名单买家满6个月无新增异常的，风控组
    应当将其移出": no clause cited says the level asked."""
    from assistant.answer import _level_of_another

    first = _c("一级黑名单买家满6个月无新增异常的，风控组应当将其移出。")
    assert _level_of_another("二级黑名单的买家过多久才能从黑名单里移出来？", [first]) == ("二级黑名单", "一级黑名单")
    assert _level_of_another("一级黑名单的买家过多久才能移出来？", [first]) is None
    assert _level_of_another("二级黑名单的买家能不能仅退款？", [_c("对一级、二级黑名单买家，客服不得同意其仅退款申请。")]) is None
    assert _level_of_another("黑名单的买家过多久能移出？", [first]) is None  # (no level asked)


_REVIEW = ("a5", "平台审核人员对被下架商品的申诉材料存疑的，可以要求商家提供原件，样品寄送费用由商家承担。", 0.022)
_MISJUDGED = ("b2", "因平台误判导致商品被下架的，平台应当按照每个商品链接每日20元的标准向商家赔付，单次赔付最高不超过500元。", 0.0209)


@pytest.mark.parametrize("question, hits, cited", [
    # blind probe P86: the one clause of the top k that states the amount of what is asked (赔) answers with half the best
    # one's share of the question ("因平台误判…每日20元…赔付" shared fewer words than the rules on 审核 above it); not
    # where two state one (which answers is not told by so few words)
    ("因为平台审核搞错了把商品下了，能赔多少钱？", [_REVIEW, ("a3", "涉及扣分在12分以上的申诉，初审后须由申诉主管复核审核结果。", 0.0221),
                                    ("a4", "原处理审核人员不得参与同一案件的申诉审核。", 0.0219), _MISJUDGED], ["b2", "a5"]),
    ("因为平台审核搞错了把商品下了，能赔多少钱？", [_REVIEW, ("a4", "原处理审核人员不得参与同一案件的申诉审核。", 0.0219), _MISJUDGED,
                                    ("b3", "因商家原因导致商品被下架的，平台按每日10元向买家赔付。", 0.0205)], ["a5"]),
    # P86: a part that asks a time of an act of its own subject cites the clause that times it (the 恢复's "1个工作日内"
    # was taken for 初审, and the question was not found); P73: not a part of no subject of its own (its 复核 is the first
    # part's), which a 对账单's "…7日内…提出" answered
    ("申诉交上去多久能出初审结果？申诉成立以后链接多久能恢复？",
     [("b1", "申诉成立的，平台应当在1个工作日内恢复商品链接并撤销相应扣分。", 0.03),
      ("a2", "材料不全的，申诉专员应当一次性告知需补充的材料，商家须在48小时内补充。", 0.022),
      ("a1", "申诉专员应当在收到申诉后3个工作日内完成初审，并在系统中记录审核意见。", 0.021)], ["b1", "a1"]),
    ("用户对售后客服的审核结果不服，能申请复核吗？要在几天内提出？",
     [("a2", "售后客服应当在用户提交申请后12小时内审核完毕；超过时限未审核的，系统自动同意退款。", 0.03),
      ("a3", "团长对对账单有异议的，须在收到对账单后7日内通过团长端提出；逾期未提出的，视为确认。", 0.022)], ["a2"]),
    # P93: the act sent to be done (接手), timed by its synonym (接替), not a 客户 right before another period
    ("客户经理要离职了，他手上的客户多久之内得安排人接手？",
     [("a11", "专属客户经理因离职、调岗等原因不能继续服务的，所在部门主管必须在5个工作日内指定接替人员，并通知客户。", 0.031),
      ("a9", "专属客户经理应当在客户等级生效后3个工作日内与客户取得联系，完成首次回访。", 0.022)], ["a11", "a9"]),
    # P92: a clock time told finds the rule on the hours after a time written bare ("晚21:00后"), and minutes late their tier
    ("晚上十点顾客下的即时配送单，我们承诺多长时间内送到？", [("b1", "门店营业时间内下单的，承诺在下单后60分钟内送达；", 0.0236),
                                             ("b2", "早8:00前及晚21:00后下单的，承诺在下单后90分钟内送达；", 0.0232)], ["b2", "b1"]),
    ("外卖送晚了20分钟左右，顾客能拿到什么补偿？",
     [("c0", "有下列情形之一的，不得发放超时补偿：顾客主动修改收货地址的；顾客联系不上超过10分钟的。", 0.023),
      ("c2", "超时15分钟以上、30分钟以内（含）的，向顾客发放10元无门槛优惠券；", 0.022),
      ("c1", "超时15分钟以内（含）的，向顾客发放5元无门槛优惠券；", 0.0208)], ["c2", "c0"]),
    # P70: an amount over a period prefers the clause that states one so ("一个自然年内…累计扣分…" before "…每次扣6分"); not
    # another party's total (an 一线客服's 每日累计 for a 售后组长)
    ("卖家一年里被扣了多少分就再也不能发东西了？", [("a1", "描述与实物严重不符的，每次扣6分；盗用图片的，每次扣2分。", 0.0244),
                                      ("a3", "一个自然年内卖家累计扣分达到24分的，永久关闭发布权限。", 0.0236)], ["a3", "a1"]),
    ("售后组长每天累计最多能给买家赔付多少钱？", [("b5", "售后组长单笔赔付上限为300元。", 0.024),
                                     ("b4", "一线客服单笔赔付不得超过50元，每日累计赔付不得超过500元。", 0.023)], ["b5"]),
    # blind probe P98: the time that counts the question tells (第四次 ← 第4次), its sibling cited first
    ("一个店一年里第四次被认定侵权，会受到什么处罚？", [("c3", "12个月内第3次侵权记录的，店铺限制参加营销活动30天；", 0.024),
                                        ("c1", "12个月内第1次侵权记录的，予以警告；", 0.022),
                                        ("c4", "12个月内第4次侵权记录的，店铺屏蔽搜索并冻结店铺提现15天；", 0.02)], ["c4", "c3"]),
    # P94: the consequence asked of what the first clause forbids, by the sanction that names the act (规避价保)
    ("商家偷偷换个商品链接来躲价保，被查到会怎么处理？", [("d2", "商家不得通过更换商品链接、修改SKU名称等方式规避价保。", 0.024),
                                         ("d6", "消费者申请价保的，商家应当在24小时内处理。", 0.022),
                                         ("d11", "商家规避价保的，每次扣3分，并按差价的3倍向消费者赔付。", 0.021)], ["d2", "d11"]),
    # P101: a time of day told finds the rule on the hours of the day among the top 2k (the definition set aside, the
    # next rule on sending is cited beside it)
    ("晚上十点多了，还能给用户推一条促销短信吗？", [
        ("f3", "本规范所称营销短信，是指以推销商品或者服务、发放优惠券、宣传促销活动为目的，向用户手机号码发送的商业性短信息。", 0.025),
        ("f11", "同一用户每自然日接收的营销短信不得超过1条，每自然周不得超过3条。", 0.024),
        ("f12", "对近90天内无任何登录行为的沉默用户，每月发送营销短信不得超过2条。", 0.023),
        ("f13", "商家发送营销短信前，应当取得用户的明示同意。", 0.022), ("f14", "营销短信应当提供退订方式。", 0.021),
        ("f9", "营销短信的发送时间限定在每日8:00至21:00之间，21:00至次日8:00期间不得发送营销短信。", 0.02)], ["f9", "f11"]),
])
def test_the_clauses_cited_for_a_question_and_its_retrieved_clauses(question, hits, cited):
    from assistant.answer import _choose
    from assistant.thesaurus import Thesaurus

    got = _choose(question, [_hit(*h) for h in hits], k=5, max_clauses=2, synonyms=Thesaurus.load().of)
    assert [h.clause.id for h in got] == [f"d/{x}" for x in cited]


def test_a_case_by_whether_something_is_there_is_the_one_the_question_tells():
    """Blind probe P97: "用户还机验完了没问题，押金最晚几天要退给人家？" cited "（二）存在损坏的，…剩余押金应当在用户确认定损单后
    3个工作日内退回", not its sibling "（一）验机无损坏的，押金须在验机报告出具后3个工作日内退回"."""
    from dataclasses import replace

    from assistant.answer import _presence_stated

    def item(id_, text, score):
        h = _hit(id_, text, score)
        return replace(h, clause=replace(h.clause, parent_id="d/h6"))

    some = item("h6/i2", "（二）存在损坏的，定损金额从押金中扣除后，剩余押金应当在用户确认定损单后3个工作日内退回。", 0.03)
    none = item("h6/i1", "（一）验机无损坏的，押金须在验机报告出具后3个工作日内退回。", 0.02)
    other = _hit("a9", "（一）用户无异议的，客服应当在1个工作日内结单。", 0.025)
    top = [some, other, none]
    assert [h.clause.id for h in _presence_stated("用户还机验完了没问题，押金最晚几天要退给人家？", top, [some], 2)] == \
        ["d/h6/i1", "d/h6/i2"]
    assert _presence_stated("机器坏了，押金多久退？", top, [some], 2) == [some]  # (the case told is first already)
    assert _presence_stated("押金多久退？", top, [some], 2) == [some]  # (no case told)
    assert [h.clause.id for h in _presence_stated("机器坏了，押金多久退？", top, [none], 2)] == ["d/h6/i2", "d/h6/i1"]
