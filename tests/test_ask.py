"""End to end on a real index of the bundled corpus: ingest, retrieve, look up, answer, CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import CORPUS, ROOT, laws_or_skip

pytestmark = pytest.mark.slow


def _retriever(settings):
    from assistant.retrieve import Retriever

    return Retriever(settings)


def _law_index(tmp_path, title: str, body: str):
    """A knowledge base of one Markdown law (``# title`` then ``body``), built for real; its retriever."""
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    src = tmp_path / f"{title}.md"
    src.write_text(f"# {title}\n\n{body}", encoding="utf-8")
    s = Settings(home=tmp_path / "home")
    KnowledgeBase(s).ingest([src])
    return _retriever(s)


def _docs_index(tmp_path, files: dict[str, str]):
    """A knowledge base of these files (name → text, UTF-8) under tmp_path/docs, built for real; its retriever."""
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    (tmp_path / "docs").mkdir()
    for name, text in files.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    s = Settings(home=tmp_path / "home")
    KnowledgeBase(s).ingest([tmp_path / "docs"])
    return _retriever(s)


def test_seed_index_holds_every_document(seed_settings):
    r = _retriever(seed_settings)
    assert len(r.documents) == 18
    assert "DB33/T 932—2014 电子商务企业管理与服务规范" in r.documents
    indexed = [c for c in r.clauses if c.role == "clause"]
    assert len(indexed) > 200
    assert r.manifest["stamp"]["segmenter"] and r.manifest["corpus_hash"]


def test_reingest_of_unchanged_files_embeds_nothing(copy_of_seed):
    from ingest.index import KnowledgeBase

    before = KnowledgeBase(copy_of_seed).manifest()
    report = KnowledgeBase(copy_of_seed).ingest([CORPUS])
    after = KnowledgeBase(copy_of_seed).manifest()
    assert report.embedded == 0 and report.changed_files == 0
    assert after["corpus_hash"] == before["corpus_hash"]
    assert after["files"] == before["files"]


def test_changed_and_removed_documents_are_updated(tmp_path, monkeypatch):
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("甲公司售后制度\n第一条 客户退货应当在七日内受理。\n第二条 客服应当记录每一次投诉。\n", encoding="utf-8")
    (docs / "b.txt").write_text("乙公司考勤制度\n第一条 员工请假应当提前一天书面申请。\n", encoding="utf-8")
    s = Settings(home=tmp_path / "home")
    first = KnowledgeBase(s).ingest([docs])
    assert first.documents == 2 and first.embedded == 3
    ids_before = {c.id for c in KnowledgeBase(s).load_clauses(KnowledgeBase(s).manifest())}

    (docs / "a.txt").write_text("甲公司售后制度\n第一条 客户退货应当在十五日内受理。\n第二条 客服应当记录每一次投诉。\n", encoding="utf-8")
    (docs / "b.txt").unlink()
    second = KnowledgeBase(s).ingest([docs])
    assert second.removed_files == 1 and second.documents == 1
    assert second.embedded == 1  # only the changed article
    clauses = KnowledgeBase(s).load_clauses(KnowledgeBase(s).manifest())
    assert {c.document for c in clauses} == {"甲公司售后制度"}
    assert any("十五日" in c.text for c in clauses)
    assert {c.id for c in clauses} <= ids_before  # re-ingesting never renumbers
    r = _retriever(s)
    assert r.collection.count() == 2  # stale vectors were removed
    assert r.search("退货多久受理", 1)[0].clause.text.endswith("十五日内受理。")


def test_a_new_segmenter_rebuilds_the_index_but_re_embeds_only_texts_it_changed(tmp_path, monkeypatch):
    """Upgrading Tiaowen's segmenter must not re-embed a 147k-article corpus: the manifest asks for a
    rebuild, the rebuild finds the vectors of unchanged texts (also in a collection named the old way,
    by the whole index stamp) and embeds only what the new segmenter changed."""
    import ingest.segment
    from ingest.index import KnowledgeBase, _chroma_client
    from tiaowen.errors import IndexMismatch
    from tiaowen.settings import Settings

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("甲公司售后制度\n第一条 客户退货应当在七日内受理。\n第二条 客服应当记录每一次投诉。\n",
                                encoding="utf-8")
    s = Settings(home=tmp_path / "home")
    assert KnowledgeBase(s).ingest([docs]).embedded == 2
    # as an older release left it: the collection named by the whole index stamp
    client = _chroma_client(s.kb_dir() / "chroma", fresh=True)
    client.get_collection(KnowledgeBase(s).collection_name()).modify(name=f"clauses_{s.stamp_hash()}")

    monkeypatch.setattr(ingest.segment, "SEGMENTER_VERSION", "seg-next")
    with pytest.raises(IndexMismatch, match="rebuild"):
        _retriever(s)
    (docs / "a.txt").write_text("甲公司售后制度\n第一条 客户退货应当在七日内受理。\n第二条 客服应当记录每一次投诉和处理结果。\n",
                                encoding="utf-8")
    report = KnowledgeBase(s).ingest([docs])
    assert report.embedded == 1  # the changed article only
    r = _retriever(s)
    assert r.manifest["stamp"]["segmenter"] == "seg-next" and r.collection.count() == 2
    assert [c.name for c in _chroma_client(s.kb_dir() / "chroma", fresh=True).list_collections()] == [
        KnowledgeBase(s).collection_name()]
    assert "处理结果" in r.search("投诉要记录什么", 1)[0].clause.text


def test_index_built_with_other_settings_asks_for_rebuild(seed_settings):
    from tiaowen.errors import IndexMismatch

    other = seed_settings.model_copy(update={"embedding": seed_settings.embedding.model_copy(
        update={"backend": "sentence-transformers"})})
    with pytest.raises(IndexMismatch, match="rebuild"):
        _retriever(other)


def test_a_base_built_from_many_files_is_rebuilt_by_a_short_command(tmp_path):
    """Before, the rebuild message named every source: 14 law files made a command of 1,500 characters that filled
    the chat. With more than three, `tiaowen ingest --rebuild --kb NAME` rebuilds from the sources the manifest
    records; a plain `tiaowen ingest` without PATH says what to give."""
    import json

    from tests.conftest import cli

    files = []
    for i, (title, rule) in enumerate([("考勤管理规定", "员工迟到三次记旷工半天"), ("报销管理办法", "报销单据应当在三十日内提交"),
                                       ("保密管理制度", "员工不得泄露客户名单"), ("差旅管理办法", "出差住宿每晚不超过三百八十元")]):
        f = tmp_path / f"src{i}" / f"{title}.txt"
        f.parent.mkdir()
        f.write_text(f"{title}\n第一条 {rule}。\n", encoding="utf-8")
        files.append(str(f))
    home = tmp_path / "home"
    assert cli("ingest", *files, home=home).returncode == 0
    manifest = home / "kb" / "default" / "manifest.json"
    m = json.loads(manifest.read_text(encoding="utf-8"))
    m["stamp"]["segmenter"] = "seg-0"  # as if built by an older segmenter
    manifest.write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
    stale = cli("ask", "报销单据多久内提交？", home=home)
    assert stale.returncode != 0 and "`tiaowen ingest --rebuild --kb default`" in stale.stderr
    assert not any(f in stale.stderr for f in files)
    none = cli("ingest", home=home)
    assert none.returncode != 0 and "tiaowen ingest PATH" in none.stderr
    rebuilt = cli("ingest", "--rebuild", home=home)
    assert rebuilt.returncode == 0, rebuilt.stderr
    again = json.loads(cli("ask", "报销单据多久内提交？", "--json", home=home).stdout)
    assert again["citations"][0]["label"] == "《报销管理办法》第一条"


def test_the_dense_index_searches_wide_enough_to_give_the_same_neighbours_each_time(copy_of_seed):
    """Chroma's default HNSW breadth (100) gave other neighbours each time an index was opened; an index is
    built with ours, and one built before is widened when it is opened."""
    from ingest.index import KnowledgeBase, _chroma_client

    kb = KnowledgeBase(copy_of_seed)
    col = kb.collection(kb.manifest())
    assert col.configuration["hnsw"]["ef_search"] == copy_of_seed.retrieval.ef_search == 500
    col.modify(configuration={"hnsw": {"ef_search": 100}})  # as an older version built it
    client = _chroma_client(kb.dir / "chroma", fresh=True)
    assert client.get_collection(kb.collection_name()).configuration["hnsw"]["ef_search"] == 100
    assert kb.collection(kb.manifest()).configuration["hnsw"]["ef_search"] == 500
    assert _retriever(copy_of_seed).collection.configuration["hnsw"]["ef_search"] == 500


@pytest.mark.parametrize("question, said, needed", [
    ("顾客下单后想查快递到哪了", "物流", True),  # 快递 is not a word of the corpus: 物流, 配送 are
    ("退钱要多久到账", "退款", True),
    # "对于无法及时供货的情况,企业应及时与客户沟通" (a staff probe's): dense search alone ranks it first since rrf_k 40
    ("仓库缺货发不出去了，客服该怎么跟客户说", "供货", False),
    ("顾客来电反映商品有毛病，客服要记下哪些信息？", "记录", False),  # (…应注重对顾客信息的准确记录，包括顾客姓名…)
    ("客户想知道快递走到哪儿了，我们要提供什么？", "追踪", True),  # (…让用户可以实时追踪物流信息)
    ("员工没有干劲，公司该怎么办？", "激励", True),  # (激励机制应既注重物质激励，又注重非物质激励)
])
def test_a_question_in_staff_words_finds_the_clause_in_the_rules_words(seed_settings, question, said, needed):
    r = _retriever(seed_settings)
    assert said in r.expansion(question)
    assert said in r.search(question, 1)[0].clause.text
    off = seed_settings.model_copy(deep=True)
    off.retrieval.expansion_weight = 0  # without the thesaurus the staff's word finds other clauses
    r0 = _retriever(off)
    assert r0.expansion(question) == []
    assert (said not in r0.search(question, 1)[0].clause.text) is needed


@pytest.mark.parametrize("background", [
    "我们是一家做家居用品的电商公司，",  # a UI probe's: it cited "应及时召开投诉处理睬议" alone and said no time was set
    "我是客服部新来的同事，我们店主要卖家居用品，最近一家老客户投诉比较多，领导让我查一下制度，一家一家回复。",
])
def test_background_before_a_question_does_not_change_its_answer(seed_settings, background):
    from assistant.answer import answer

    r = _retriever(seed_settings)
    bare = answer(r, "客户投诉多久要回复？")
    got = answer(r, background + "请问客户投诉多久要回复？")
    assert got.status == "answered" and "24小时" in got.answer and not got.notice
    assert [c.id for c in got.citations] == [c.id for c in bare.citations]


@pytest.mark.parametrize("question, said", [
    ("平台招商有没有门槛？", "招商"),  # one clause of the seed says 招商 (BM25 3.7, the next 0.9); ranks alone put it 12th
    ("招商的时候是不是什么商家都收？", "招商"),
])
def test_the_one_clause_that_says_a_rare_word_of_the_question_comes_first(seed_settings, question, said):
    r = _retriever(seed_settings)
    assert said in r.search(question, 1)[0].clause.text
    off = seed_settings.model_copy(deep=True)
    off.retrieval.bm25_lead = 0  # reciprocal ranks alone: clauses that share 平台 or 商家 and sit closer in meaning
    assert said not in _retriever(off).search(question, 1)[0].clause.text


def test_the_clause_far_closest_in_meaning_comes_first(seed_settings):
    """A held-out probe's "部门里两个同事谈恋爱了，公司会怎么处理？" cited the 请假 rule, which shares 部门 and 处理, though
    "办公室不允许出现恋情" was the nearest in meaning by far (0.902 against 0.869)."""
    question = "部门里两个同事谈恋爱了，公司会怎么处理？"
    assert "恋情" in _retriever(seed_settings).search(question, 1)[0].clause.text
    off = seed_settings.model_copy(deep=True)
    off.retrieval.dense_lead = 0
    assert "恋情" not in _retriever(off).search(question, 1)[0].clause.text


@pytest.mark.parametrize("question, said", [
    ("我们组两个同事在谈恋爱，公司规定里对这个有说法吗？", "恋情"),  # a staff probe's: it was not found
    ("仓库里压了一堆卖不动的货，制度上怎么要求的？", "严格控制库存数量"),  # a held-out probe's: the 罚款 article came first
])
def test_a_staff_word_the_rules_say_otherwise_is_answered_from_the_rule(seed_settings, question, said):
    from assistant.answer import answer

    got = answer(_retriever(seed_settings), question)
    assert got.status == "answered" and said in got.citations[0].text


def test_who_approves_asked_in_a_word_of_one_character_finds_the_rules_approval(tmp_path):
    """Probe P28: "给供应商打一笔60万的货款，得谁批？" cited a 扣款 rule; the approval tiers ("付款实行分级审批：…") ranked 44th
    by BM25, whose words hold no 批 (a word of one character, "审批" the rules')."""
    from assistant.answer import answer

    rules = ("供应商结算管理办法\n"
             "第一条 采购部每月5日前与供应商核对上月交货数量和金额，双方盖章确认对账单。\n"
             "第二条 付款实行分级审批：单笔付款金额在20万元以下的，由财务部经理审批；20万元以上不满100万元的，须经财务总监审批；"
             "100万元以上的，还须报总经理审批。\n"
             "第三条 供应商延迟交货的，每延迟1日按延迟部分货值的0.5%扣款，扣款在下一期结算款中抵扣。\n"
             "第四条 违约扣款由采购部填写扣款通知单，经采购部经理和财务部经理审核后书面通知供应商。\n"
             "第五条 供应商对扣款有异议的，可以在收到通知后7个工作日内提出申诉。\n")
    r = _docs_index(tmp_path, {"结算.txt": rules})
    question = "给供应商打一笔60万的货款，得谁批？"
    assert "审批" in r.expansion(question)
    got = answer(r, question)
    assert got.status == "answered" and "分级审批" in got.citations[0].text, got.answer
    assert "审批" not in r.expansion("给供应商打一笔60万的货款，多久能到账？")  # (who approves is not asked)


@pytest.mark.parametrize("question, hedge", [
    ("公司要专门搞一个管网店的部门，里头一般分哪几摊？", True), ("公章磨损了要重新刻，一般几天能拿到新章？", True),
    ("检查查出来的一般隐患，几天内得整改完？", False), ("一般纳税人怎么开发票？", False),
])
def test_a_hedge_before_what_is_asked_is_no_word_bm25_searches(tmp_path, question, hedge):
    """seed+laws: "…里头一般分哪几摊？" put "经营者标示价格，一般应当使用阿拉伯数字…" first, by BM25 on 一般 (a hedge of the
    question; not 一般隐患 or 一般纳税人, kinds of thing)."""
    r = _docs_index(tmp_path, {"a.txt": "甲公司规定\n第一条 经营者标示价格，一般应当使用阿拉伯数字。\n"
                                        "第二条 一般隐患应当在7日内整改，一般纳税人应当开具专用发票。\n第三条 公司设立电商部门。\n"})
    ids = {cid for cid, _ in r.sparse(question, 10)}
    assert any(r.by_id[c].text.startswith("第一条") for c in ids) is not hedge


def test_a_users_thesaurus_adds_company_words(seed_settings, tmp_path, monkeypatch):
    from assistant.retrieve import Retriever
    from tiaowen.errors import BadSetting
    from tiaowen.settings import Settings

    assert "投诉" not in _retriever(seed_settings).expansion("客人给了个工单")  # 工单 is in no bundled group
    (tmp_path / "ours.txt").write_text("# 公司用语\n工单 投诉 \n单字\n", encoding="utf-8")
    monkeypatch.setenv("TIAOWEN_RETRIEVAL__THESAURUS", str(tmp_path / "ours.txt"))
    r = Retriever(Settings())
    assert "投诉" in r.expansion("客人给了个工单")
    assert "客户" in r.expansion("客人给了个工单")  # the bundled groups still apply
    (tmp_path / "ours.txt").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(BadSetting, match="同义词表.*UTF-8"):
        Retriever(Settings()).search("客人给了个工单")


def test_a_synonym_of_several_words_is_searched_in_the_words_the_documents_use(seed_settings):
    """Probe S: "做促销写“原价999现价199”，这个原价按什么标准才不算违规？" was "资料中没有提到“原价”", the 明码标价 rule
    saying 被比较价格, which jieba reads 被 / 比较 / 价格: a synonym of several words was never used (个人特征 of
    个性化 neither)."""
    from assistant.answer import unknown_focus
    from assistant.thesaurus import Thesaurus

    th = Thesaurus([["原价", "划线价", "被比较价格"], ["快递", "物流"]])
    assert th.expansion(["原价"], {"比较", "价格"}) == ["比较", "价格"]
    assert th.expansion(["原价"], {"比较"}) == []  # (where the documents use each of its words)
    assert th.expansion(["快递"], {"物流"}) == ["物流"]
    assert th.expansion(["原价"], {"比较", "价格"}, "原价和价格怎么比较") == []  # (what the question says already)
    q = "做促销写“原价999现价199”，这个原价按什么标准才不算违规？"
    assert unknown_focus(q, {"促销", "比较", "价格", "标准", "违规"}, th) is None
    assert unknown_focus(q, {"促销", "价格", "标准", "违规"}, th) == "原价"


def test_a_count_is_no_subject_and_staff_words_for_the_laws_parties_are_theirs():
    """Held-out probes: "一个人同一个活动最多领几张券？" was "资料中没有提到“一个”" (a count said twice), and "浙江的外卖
    商家…外卖要不要封签？" was not found, the laws saying 网络餐饮. (主播 has no group: the laws' 直播营销人员 is in one
    article, which it drew every 主播 question to, "主播能不能说自己的产品是国家级的？" among them; review.)"""
    from assistant.answer import unknown_focus
    from assistant.thesaurus import Thesaurus

    th = Thesaurus.load()
    assert unknown_focus("一个人同一个活动最多领几张券？券面额有上限吗？", {"活动", "面额", "上限"}, th) is None
    assert unknown_focus("公司一边要赔顾客钱一边又被罚款，先付哪个？", {"公司", "罚款", "顾客"}, th) is None
    laws = {"网络", "餐饮", "直播", "营销", "人员", "封签", "审核", "内容"}
    assert unknown_focus("浙江的外卖商家一定要直播后厨吗？外卖要不要封签？", laws, th) is None
    assert unknown_focus("浙江的外卖商家一定要直播后厨吗？外卖要不要封签？", laws - {"餐饮"}, th) == "外卖"
    assert not th.of("主播") and th.expansion(["订立"], {"制定"}) == ["制定"]


def test_staff_words_for_bribes_paid_rankings_and_face_scans_reach_the_laws_words():
    """Held-out law probes: "给客户采购经理塞回扣拿订单 违法吗" cited a 明码标价 article (the law says 贿赂), "搜索结果里那些
    花钱买排名的商品…" put 明码标价规定 第十六条 before 电子商务法 第四十条 (竞价排名)."""
    from assistant.thesaurus import Thesaurus
    from ingest.tokenize import tokenize

    th = Thesaurus.load()
    laws = {"贿赂", "竞价排名", "人脸识别", "商品"}
    assert th.expansion(["回扣"], laws) == ["贿赂"]
    q = "搜索结果里那些花钱买排名的商品，需要特别标注什么吗？"
    assert th.expansion(tokenize(q), laws, q) == ["竞价排名"]
    assert th.expansion(["刷脸"], laws) == ["人脸识别"]
    # (a fresh probe: "积分能不能提现？" ← "积分…不得兑换现金"; "新人第一个月绩效怎么算？" ← 5.4 新员工保护期)
    assert th.expansion(["提现"], {"兑换现金", "积分"}) == ["兑换现金"] and th.expansion(["新人"], {"新员工"}) == ["新员工"]
    # (probe P39: "卖家一直不理，最后会怎么样？" ← "卖家逾期未响应的，系统视为卖家同意…")
    assert "未响应" in th.expansion(["不理"], {"未响应", "卖家"})
    # (probe P18: "积分能换成现金吗？" ← "积分…不得转让、提现"; "客户投诉少发了一件…" ← "买家反馈少件、错件的…", refused as
    # 资料中没有提到“少发”)
    q = "积分能换成现金吗？"
    assert "提现" in th.expansion(tokenize(q), {"提现", "积分"}, q)
    assert th.expansion(["少发"], {"少件", "发货"}) == ["少件"] and th.expansion(["发错"], {"错件"}) == ["错件"]


def test_colloquial_words_for_checks_records_promises_and_surveys_reach_the_rules_words():
    """Fixed-set paraphrases whose right clause no search put in the top 5 or first: "要不要隔一段时间有人来查查它…" (定期的质量
    评估), "答应客户的时间内处理不完" (承诺), "动手之前得先摸清楚哪些情况" (市场调研)."""
    from assistant.thesaurus import Thesaurus
    from ingest.tokenize import tokenize

    th = Thesaurus.load()
    rules = {"定期", "检查", "承诺", "调研", "客户", "时间", "处理"}
    q = "平台上线以后，要不要隔一段时间有人来查查？"
    assert {"定期", "检查"} <= set(th.expansion(tokenize(q), rules, q))
    q = "答应客户的时间内处理不完，要怎么办？"
    assert th.expansion(tokenize(q), rules, q) == ["承诺"]
    q = "动手之前得先摸清楚哪些情况？"
    assert th.expansion(tokenize(q), rules, q) == ["调研"]
    # (blind probes P107, P109: "客服最晚多久要回过去？" ← "…应当在2小时内响应", its 要 / 回 no 要回 (追回); "运营那边最晚多久得把
    # 链接撤掉？" ← "…须在4小时内将涉事商品链接下架")
    q = "家长打电话来投诉，客服最晚多久要回过去？"
    assert th.expansion(tokenize(q), {"响应", "追回", "投诉", "客服"}, q) == ["响应"]
    assert th.expansion(["撤掉"], {"下架", "链接"}) == ["下架"]


def test_a_phrase_of_the_thesaurus_the_tokenizer_cuts_apart_is_expanded():
    """"没经过顾客同意就给他发促销短信，违反了哪些规定？": jieba cuts 促销短信 into 促销 / 短信, words the laws use, so its
    group (商业性信息, the law's word: 消法 第二十九条 "…不得向其发送商业性信息") was never reached; the phrase said in the
    question counts as a token of it."""
    from assistant.thesaurus import Thesaurus
    from ingest.tokenize import tokenize

    th = Thesaurus([["促销短信", "电子信息"], ["快递", "物流"]])
    q = "没经过顾客同意就给他发促销短信，违反了哪些规定？"
    vocab = {"促销", "短信", "电子信息", "物流"}
    assert "促销短信" not in tokenize(q)
    assert th.expansion(tokenize(q), vocab, q) == ["电子信息"]
    assert th.expansion(tokenize("发了促销和短信"), vocab, "发了促销和短信") == []  # (the phrase itself, not its words)
    assert th.expansion(tokenize(q), vocab | {"促销短信"}, q) == []  # (a phrase the documents use is theirs,
    assert th.expansion(tokenize(q), vocab, q, lambda phrase: phrase == "促销短信") == []  # as a word or said in words)


def test_a_two_character_phrase_of_the_thesaurus_said_as_two_words_is_expanded():
    """"开通页面默认就帮他勾上了自动续费": jieba cuts 勾上了 into 勾 / 上 / 了, so the group of 勾上 (勾选, the rules' word:
    "平台不得默认勾选…") was never reached (probe P44 ranked the rule 7th). Two characters are said where they are two
    words of the text side by side, not where they straddle others ("规定作为": 规定 / 作为, no 定作)."""
    from assistant.thesaurus import Thesaurus
    from ingest.tokenize import tokenize, words

    th = Thesaurus([["勾选", "勾上"], ["定制", "定作"], ["快递", "物流"]])
    vocab = {"勾选", "定制", "默认", "规定"}
    q = "开通页面默认就帮他勾上了自动续费，合规吗？"
    assert "勾上" not in tokenize(q)
    assert th.expansion(tokenize(q), vocab, q, cut=words(q)) == ["勾选"]
    assert th.expansion(tokenize(q), vocab, q) == []  # (without the text's words, as before)
    other = "按规定作为赠品发出的商品要开发票吗？"
    assert th.expansion(tokenize(other), vocab, other, cut=words(other)) == []


def test_damaged_bm25_index_is_detected_with_the_fix(copy_of_seed):
    from ingest.index import KnowledgeBase
    from tiaowen.errors import IndexCorrupt

    m = KnowledgeBase(copy_of_seed).manifest()
    bdir = KnowledgeBase(copy_of_seed).dir / m["bm25_dir"]
    for f in bdir.glob("*.npy"):
        f.write_bytes(b"garbage")
    with pytest.raises(IndexCorrupt, match="tiaowen ingest --rebuild"):
        _retriever(copy_of_seed)


def test_a_run_in_heading_is_set_off_in_the_answer(seed_settings):
    """"2、支付安全平台要保障…" (a heading whose line break extraction lost) is quoted as "【支付安全】平台要保障…";
    the cited text stays as the document has it."""
    from assistant.answer import answer

    ans = answer(_retriever(seed_settings), "顾客付款时支付信息怎么保证安全？")
    assert "【支付安全】平台要保障支付环节的安全" in ans.answer, ans.answer
    assert any("支付安全平台要保障" in c.text for c in ans.citations)


@pytest.mark.parametrize("question,label", [
    ("电商规章制度第七条说了什么", "《电商规章制度》第七条"),
    ("5.2.2.2 的要求是什么", "《DB33/T 932—2014 电子商务企业管理与服务规范》5.2.2.2"),
    ("电商服务管理制度第六条第（一）项", "《电商服务管理制度》第六条（一）"),
    # named without its generic lead words "电子商务与" (before: 《电商服务管理制度》第七条, another document's)
    ("客户服务管理制度第七条", "《电子商务与客户服务管理制度》第七条1."),
    # a document numbered without articles: its seventh item (it was "所指文件中没有 第7条")
    ("电子商务部规章制度第七条", "《电子商务部规章制度》一、（七）"),
    # …and its 三、 where that only heads items (it was the 3. of 二、 and of 三、)
    ("售后服务管理制度第三条说什么", "《电子商务售后服务管理制度》三、1."),
])
def test_named_clause_is_answered_by_direct_lookup(seed_settings, question, label):
    from assistant.answer import answer

    ans = answer(_retriever(seed_settings), question)
    assert ans.status == "answered"
    assert ans.retrieved[0].lookup and ans.retrieved[0].clause.label == label
    # the clause itself is cited, after the lead-in of its list where it is an item
    cited = [c.label for c in ans.citations]
    assert cited[0] == label or (cited[1] == label and label.startswith(cited[0]))


@pytest.mark.parametrize("question,label", [
    # "1 范围" says 浙江省 and 电子商务企业: it ranked above the requirement asked for
    ("按浙江那个地方标准，电商企业的员工要不要持证上岗？", "《DB33/T 932—2014 电子商务企业管理与服务规范》5.2.1"),
    ("我们公司注册在江苏，浙江那个电商企业管理与服务的地方标准对我们适用吗？", "《DB33/T 932—2014 电子商务企业管理与服务规范》1"),
])
def test_a_local_standard_named_by_its_province_is_searched(seed_settings, question, label):
    r = _retriever(seed_settings)
    docs, topic = r.mentions(question)
    assert docs == {"DB33/T 932—2014 电子商务企业管理与服务规范"} and "浙江" not in topic
    assert r.search(question, 1)[0].clause.label == label
    # with another document named beside it, both are; a province's law or a question of another province names none
    assert r.mentions("员工培训该怎么搞？电子商务公司管理制度和浙江地方标准分别怎么要求？")[0] == {
        "电子商务公司管理制度", "DB33/T 932—2014 电子商务企业管理与服务规范"}
    assert r.mentions("在浙江开网店还有什么额外要求？")[0] == set()
    assert r.mentions("按江苏的地方标准，员工要不要持证上岗？")[0] == set()
    # a standard of the province only: the words between are the standard's own before 地方标准, not the question's
    # ("浙江的员工培训标准是什么？" was searched as "是什么"), no national one, and the province whose standard it is
    for q in ("浙江的员工培训标准是什么？", "浙江地区退货运费标准是怎样的？", "浙江有没有相关的国家标准？"):
        assert r.mentions(q)[0] == set(), q
    assert r.mentions("江苏的电商企业要遵守浙江的地方标准吗？") == ({"DB33/T 932—2014 电子商务企业管理与服务规范"},
                                                      "江苏的电商企业要遵守 吗")


def test_one_document_named_where_several_are_asked_is_cited_beside_the_best_of_all(seed_settings):
    """"公司规章和浙江地方标准分别怎么说？" names the standard by its province and the company's rules by no title: the
    standard was searched alone, nothing in it answered, and the answer was 资料中未找到."""
    from assistant.answer import answer

    ans = answer(_retriever(seed_settings), "怎么防止我们卖的东西侵犯别人的商标专利？公司规章和浙江地方标准分别怎么说？")
    assert ans.status == "answered"
    docs = [c.document for c in ans.citations]
    assert docs[0] == "电商规章管理制度" and "DB33/T 932—2014 电子商务企业管理与服务规范" in docs
    assert "不得盗用他人商标、专利" in ans.answer


SHORT_LAWS = {  # four laws that all have a 第二十五条 / 第十三条 / 第十四条
    "中华人民共和国个人信息保护法": "第十三条 符合下列情形之一的，个人信息处理者方可处理个人信息：\n\n（一）取得个人的同意；\n\n"
                          "（二）为履行法定职责或者法定义务所必需；\n\n第二十五条 个人信息处理者不得公开其处理的个人信息。",
    "中华人民共和国消费者权益保护法": "第十三条 消费者享有获得有关知识的权利。\n\n第二十五条 经营者采用网络方式销售商品，消费者有权"
                           "自收到商品之日起七日内退货，但下列商品除外：\n\n（一）消费者定作的；\n\n（二）鲜活易腐的。\n\n"
                           "消费者退货的商品应当完好。",
    # local regulations, named by their place and kind ("上海的规定", "浙江的条例")
    "上海市促进电子商务发展规定": "第十五条 电子商务平台经营者应当保存平台上的交易信息，保存时间不得少于两年。",
    "浙江省电子商务条例": "第十四条 电子商务经营者不得利用大数据对交易条件相同的消费者实行差别待遇。",
    # a provincial regulation whose title quotes a law's
    "浙江省实施《中华人民共和国消费者权益保护法》办法": "第二十五条 经营者收到消费者退回的商品后，应当在七日内返还价款。",
    "中华人民共和国价格法": "第十三条 经营者销售商品应当明码标价。\n\n第十四条 经营者不得有下列不正当价格行为：\n\n"
                     "（一）相互串通，操纵市场价格；\n\n（二）捏造、散布涨价信息；\n\n（三）利用虚假的价格手段诱骗消费者；\n\n"
                     "第二十五条 本法自施行之日起施行。",
    "中华人民共和国产品质量法": "第十三条 可能危及人体健康的产品，必须符合标准。\n\n第十四条 企业可以申请质量体系认证。\n\n"
                        "第二十五条 检验机构不得向社会推荐生产者的产品。",
}


@pytest.fixture(scope="module")
def short_laws(tmp_path_factory):
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    root = tmp_path_factory.mktemp("short_laws")
    (root / "laws").mkdir()
    for title, body in SHORT_LAWS.items():
        (root / "laws" / f"{title}.md").write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
    s = Settings(home=root / "home")
    KnowledgeBase(s).ingest([root / "laws"])
    return _retriever(s)


@pytest.mark.parametrize("question, labels", [
    # a law named short (个保法, 消保法, 消法 before an article) is that law; a three-character law name is a name
    ("个保法第十三条说了什么", ["《中华人民共和国个人信息保护法》第十三条", "《中华人民共和国个人信息保护法》第十三条（一）",
                       "《中华人民共和国个人信息保护法》第十三条（二）"]),
    ("消法第二十五条", ["《中华人民共和国消费者权益保护法》第二十五条", "《中华人民共和国消费者权益保护法》第二十五条（一）",
                 "《中华人民共和国消费者权益保护法》第二十五条（二）", "《中华人民共和国消费者权益保护法》第二十五条第二款"]),
    # a 款 of its own (after a list), and an item of the first 款 under its lead-in
    ("消保法第二十五条第二款", ["《中华人民共和国消费者权益保护法》第二十五条第二款"]),
    ("消保法第二十五条第一款第（二）项", ["《中华人民共和国消费者权益保护法》第二十五条", "《中华人民共和国消费者权益保护法》第二十五条（二）"]),
    ("按消保法第十三条", ["《中华人民共和国消费者权益保护法》第十三条"]),
    ("价格法第二十五条", ["《中华人民共和国价格法》第二十五条"]),
    # an item named as 第X项 is that item, under its lead-in
    ("价格法第十四条第三项", ["《中华人民共和国价格法》第十四条", "《中华人民共和国价格法》第十四条（三）"]),
])
def test_a_law_named_short_or_by_its_item_is_looked_up_in_that_law(short_laws, question, labels):
    """Before, "消法第二十五条" cited every law's 第二十五条 (产品质量法's first), "个保法第十三条" none of 个保法's, and
    "价格法第十四条第四项" the whole article of every 第十四条."""
    from assistant.answer import answer

    ans = answer(short_laws, question)
    assert ans.status == "answered" and [c.label for c in ans.citations] == labels, ans.answer


@pytest.mark.parametrize("question, missing", [
    ("网络交易监督管理办法第十二条是怎么规定的？", "网络交易监督管理办法"),  # it cited the 第十二条 of every law held
    ("请问《民法典》第一千一百六十五条怎么说", "民法典"),  # it cited another law's article
    ("平台经营者违反网络交易监督管理办法第十二条会怎样？", "网络交易监督管理办法"),  # the name alone, not "平台经营者违反…"
])
def test_an_article_of_a_document_the_knowledge_base_lacks_is_not_found(short_laws, question, missing):
    from assistant.answer import answer

    ans = answer(short_laws, question)
    assert ans.status == "not_found" and f"知识库中没有《{missing}》" in ans.answer and not ans.citations, ans.answer


@pytest.mark.parametrize("question", ["消法第二十五条", "本法第十三条", "公司制度第十三条说了什么", "按个人信息保护法第十三条",
                                      "那个保护法第十三条", "个人信息的保护法第十三条"])
def test_an_article_named_by_a_document_held_or_by_no_one_document_is_not_refused(short_laws, question):
    from assistant.answer import answer

    assert "知识库中没有" not in answer(short_laws, question).answer


def test_a_company_rule_is_named_without_its_company(tmp_path):
    """Staff name their company's rule without the company: "仓储发货管理规定第二条" cited every document's 第二条. A law
    about such companies keeps its name ("监督管理条例" names no "证券公司监督管理条例")."""
    from assistant.answer import answer

    docs = {"星辰科技集团有限公司仓储发货管理规定": "第一条 为规范仓库发货流程，制定本规定。\n第二条 仓库应当在订单付款后24小时内发货。\n",
            "差旅管理办法": "第一条 员工出差应当事先申请。\n第二条 住宿每晚不超过三百八十元。\n",
            "融资担保公司监督管理条例": "第一条 为了加强对融资担保公司的监督管理，制定本条例。\n第二条 融资担保公司应当遵守法律。\n"}
    r = _docs_index(tmp_path, {f"{title}.txt": f"{title}\n{body}" for title, body in docs.items()})
    ans = answer(r, "仓储发货管理规定第二条")
    assert [c.label for c in ans.citations] == ["《星辰科技集团有限公司仓储发货管理规定》第二条"], ans.answer
    assert r.mentions("监督管理条例第二条")[0] == set()
    from assistant.retrieve import _without_issuer

    assert _without_issuer("阿里巴巴集团控股有限公司信息安全管理制度") == "信息安全管理制度"
    assert _without_issuer("小额贷款公司监督管理暂行办法") == "小额贷款公司监督管理暂行办法"


def test_an_article_named_alone_where_no_document_has_articles_is_its_numbered_part(tmp_path):
    """"第三条是怎么规定的？" over a knowledge base of documents numbered 一、二、三 was not found (the clauses retrieved
    were weak); named with its document it was its 三、 already."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "门店售后服务制度.txt": (
            "门店售后服务制度\n一、总则\n为规范门店售后服务，制定本制度。\n二、受理\n顾客提出售后要求的，门店应当当日登记。\n"
            "三、回访\n1. 售后问题解决后，门店应当在三日内电话回访顾客。\n2. 回访结果应当记录存档。\n"),
    })
    ans = answer(r, "第三条是怎么规定的？")
    assert ans.status == "answered" and ans.retrieved[0].lookup, ans.answer
    assert [c.label for c in ans.citations][:2] == ["《门店售后服务制度》三、1.", "《门店售后服务制度》三、2."], ans.answer
    assert r.unheld_refs("第三条是怎么规定的？") == [] and "三日内电话回访" in ans.answer


def test_an_article_of_rules_numbered_on_across_parts_and_an_item_of_a_part_are_looked_up(tmp_path):
    """Held-out probe P18: "仓储规范第7条…" of a Markdown rule whose items run 1. to 22. across "## 一、" to "## 七、" cited
    its 七、 (its 7. is its 第7条); "积分办法第二条" of parts whose (一) heads items of its own cited every part's （二）
    (it is the 二、); "积分办法第二部分第（二）项" cited 二、 whole (it is that part's （二））."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "仓储管理规范.md": (
            "# 仓储管理规范\n\n## 一、总则\n\n1. 本规范适用于公司自营仓。\n2. 仓库应当保持整洁。\n\n## 二、入库\n\n"
            "3. 到货商品应当在24小时内验收。\n4. 验收不合格的商品不得入库。\n\n## 三、存储\n\n5. 库区应当分区存放。\n"
            "6. 危险品严禁入普通仓库。\n7. 冷藏商品严禁存放于常温区。\n8. 不合格品按下列方式处理：\n"
            "    （1）可以退回供应商的，应当在7个工作日内办理退货；\n    （2）不能退回的，经审批后报废。\n"),
        "积分办法.txt": (
            "积分办法\n一、积分获取\n（一）积分获取规则：\n1. 会员每实付1元积1分。\n2. 每日签到积5分。\n"
            "（二）订单退款的，应当扣回对应积分。\n二、积分使用\n（一）积分抵现比例为100积分抵1元。\n"
            "（二）积分不得转让、提现。\n（三）积分有效期至次年12月31日。\n"),
    })
    ans = answer(r, "仓储规范第3条对验收有啥要求？")
    assert [c.label for c in ans.citations] == ["《仓储管理规范》二、入库 3."], ans.answer
    # (a numbered lead-in that heads its items, with them: probe P19's "质检维修办法第21条说的啥" was "所指文件中没有 第21条")
    ans = answer(r, "仓储规范第8条说的啥")
    assert [c.label for c in ans.citations] == ["《仓储管理规范》三、存储 8.", "《仓储管理规范》三、存储 8.（1）",
                                                "《仓储管理规范》三、存储 8.（2）"], ans.answer
    assert [k for k, _ in r.clause_refs("积分办法第二条")] == ["h2"]
    ans = answer(r, "积分办法第二部分第（二）项讲的是什么？")
    assert [c.label for c in ans.citations] == ["《积分办法》二、（二）"], ans.answer
    assert [k for k, _ in r.clause_refs("积分办法第二部分第三项")] == ["h2/i3"]


def test_a_statement_of_purpose_is_cited_only_where_the_question_asks_why(tmp_path):
    """"退货运费谁出？" was padded with 第一条 "为明确退货运费的承担…，制定本规则", which shares its words and answers
    nothing of it; asked for the rule's purpose or basis, it is cited."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "运费.txt": (
            "退货运费承担规则\n第一条 为明确退货运费的承担，减少退货纠纷，根据公司售后制度，制定本规则。\n"
            "第二条 因商品质量问题退货的，来回运费由店铺承担。\n第三条 非质量问题退货的，退回运费由买家承担。\n"
            "第四条 本规则自发布之日起施行。\n"),
    })
    labels = [c.label for c in answer(r, "退货运费谁出？").citations]
    assert labels and "《退货运费承担规则》第一条" not in labels, labels
    assert set(labels) <= {"《退货运费承担规则》第二条", "《退货运费承担规则》第三条"}  # the clauses that say who pays
    assert "《退货运费承担规则》第一条" in [c.label for c in answer(r, "退货运费承担规则是根据什么制定的？").citations]


def test_when_a_law_was_passed_or_amended_is_answered_from_its_adoption_note(tmp_path):
    """LawRefBook's notes above <!-- INFO END --> were dropped: "…是哪一年通过的？" had nothing to cite. A month of a
    date ("2021年4月29日") is no number of months ("试用期最长几个月"), which the notes' dates were taken for."""
    from assistant.answer import answer

    r = _law_index(tmp_path, "中华人民共和国网络交易示范法", (
        "2018年8月31日 第十三届全国人民代表大会常务委员会第五次会议通过\n\n2021年4月29日 第十三届全国人民代表大会常务委员会"
        "第二十八次会议《关于修改〈中华人民共和国网络交易示范法〉的决定》修正\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n"
        "第一条 网络交易经营者应当依法办理市场主体登记。\n\n第二条 网络交易经营者应当在首页显著位置公示营业执照信息。\n\n"
        "第三条 网络交易经营者招用客服人员，应当依法订立劳动合同。\n\n第四条 本法自2019年1月1日起施行。\n"))
    for question, label, said in (("网络交易示范法是哪一年通过的？", "题注", "2018年8月31日"),
                                  ("网络交易示范法最近一次修正是什么时候？", "题注", "2021年4月29日"),
                                  ("网络交易示范法什么时候施行？", "第四条", "2019年1月1日")):
        ans = answer(r, question)
        assert [c.label.rpartition("》")[2] for c in ans.citations] == [label] and said in ans.answer, (question, ans.answer)
    ans = answer(r, "网络交易示范法规定客服人员的试用期最长能约定几个月？")
    assert ans.status == "not_found" and "几个月" in ans.answer


def test_an_article_past_the_nine_hundred_and_ninety_ninth_is_named(short_laws):
    """"民法典第一千零三十八条" named no article (千 was no numeral to it); nor could a chat model cite one."""
    from assistant.citations import _ARTICLE

    assert [key for key, _ in short_laws.clause_refs("民法典第一千零三十八条说了什么")] == ["a1038"]
    assert _ARTICLE.search("依据第一千零三十八条").group(1) == "一千零三十八"


@pytest.mark.parametrize("question", ["浙江省实施消费者权益保护法办法第二十五条说了什么",
                                      "浙江省实施《消费者权益保护法》办法第二十五条说了什么",
                                      "浙江省实施《中华人民共和国消费者权益保护法》办法第二十五条说了什么"])
def test_a_title_that_quotes_a_law_is_named_with_or_without_its_inner_title_marks(short_laws, question):
    """Written without its inner 《中华人民共和国…》, the regulation was taken for the law it quotes: the answer was the
    law's 第二十五条."""
    from assistant.answer import answer

    ans = answer(short_laws, question)
    assert [c.label for c in ans.citations] == ["《浙江省实施《中华人民共和国消费者权益保护法》办法》第二十五条"], ans.answer
    law = answer(short_laws, "消费者权益保护法第二十五条说了什么")
    assert {c.document for c in law.citations} == {"中华人民共和国消费者权益保护法"}, law.answer


def test_a_short_name_that_fits_two_laws_or_is_a_word_names_none(short_laws):
    assert short_laws.mentions("合法经营需要什么")[0] == set()  # 合法 is a word
    assert short_laws.mentions("劳动法第三条")[0] == set()  # no such law here; not "动法"
    assert short_laws._abbreviated("个保法") == {"中华人民共和国个人信息保护法": "个保法"}


@pytest.mark.parametrize("question,label", [
    ("电商服务管理制度里的“客户关系管理”指的是什么？", "《电商服务管理制度》第四条（三）"),
    ("DB33/T 932 所说的网络交易是什么意思？", "《DB33/T 932—2014 电子商务企业管理与服务规范》2.3"),
])
def test_a_definition_question_is_answered_by_the_clause_that_defines_the_term(seed_settings, question, label):
    assert _retriever(seed_settings).search(question, 5)[0].clause.label == label


@pytest.mark.parametrize("question,label", [
    ("什么叫第三方电子商务平台？", "《DB33/T 932—2014 电子商务企业管理与服务规范》2.4"),
    ("标准里“网络交易”是怎么定义的？", "《DB33/T 932—2014 电子商务企业管理与服务规范》2.3"),
    ("电商服务管理制度所说的“线上销售”是指什么？", "《电商服务管理制度》第四条（一）"),
])
def test_a_definition_question_cites_the_definition_alone(seed_settings, question, label):
    """Before, the clauses that merely use the term were cited beside the definition ("电子商务平台应支持在线支付…")."""
    from assistant.answer import answer

    ans = answer(_retriever(seed_settings), question)
    assert ans.status == "answered" and [c.label for c in ans.citations] == [label]
    assert ans.answer.count("[") == 1


def test_a_definition_question_with_a_second_ask_cites_more_than_the_definition(seed_settings):
    from assistant.answer import answer

    ans = answer(_retriever(seed_settings), "网络交易是什么意思？平台的交易服务机制要做到什么？")
    assert ans.status == "answered" and len(ans.citations) > 1


def test_answer_cites_a_clause_after_every_statement(seed_settings):
    from assistant.answer import answer

    r = _retriever(seed_settings)
    ans = answer(r, "上班时间能不能打私人电话？")
    assert ans.status == "answered"
    assert any("私人电话" in c.text for c in ans.citations)
    markers = [int(n) for n in re.findall(r"\[(\d+)\]", ans.answer)]
    assert sorted(set(markers)) == [c.n for c in ans.citations]
    for line in ans.answer.splitlines():
        for statement in filter(None, re.split(r"[；。]", line)):
            assert re.search(r"\[\d+\]", statement), statement
    for c in ans.citations:  # every citation is an indexed clause with that exact text
        assert r.get(c.id).text == c.text


@pytest.mark.parametrize("question", ["直播带货有什么规定？主播说错话算谁的？", "周末被叫回来加班，加班费怎么算？"])
def test_question_outside_the_corpus_is_not_found(seed_settings, question):
    from assistant.answer import NOT_FOUND, answer

    ans = answer(_retriever(seed_settings), question)
    assert ans.status == "not_found"
    assert ans.answer.startswith(NOT_FOUND)
    assert ans.citations == () and ans.retrieved  # the closest clauses are offered


@pytest.mark.parametrize("question", [
    "客户投诉多久内要响应？",
    # in other words than the clause's (回应, not 响应): the time follows the question's 投诉 in it (it cited the
    # complaint clauses ranked above it, none of which states a time)
    "客户投诉多久内必须回应？",
    # a number of hours asked is looked for deeper too, where it follows the question's 投诉 (it was not found)
    "客户投诉多少小时内必须回应？",
])
def test_a_how_long_question_cites_the_clause_that_states_a_time_limit(seed_settings, question):
    from assistant.answer import answer

    r = _retriever(seed_settings)
    ans = answer(r, question)
    assert ans.status == "answered"
    assert "24小时" in ans.citations[0].text and "24小时" in ans.answer.splitlines()[0]
    # and the clauses retrieved are ranked as the answer ranks them: the one that states the time first (the fusion
    # ranks clauses on 客户投诉 that set none above it), then the others in the fused order
    assert "24小时" not in r.search(question, 1)[0].clause.text
    assert "24小时" in ans.retrieved[0].clause.text and len(ans.retrieved) == 5
    assert [h.clause.id for h in ans.retrieved[1:]] == [h.clause.id for h in r.search(question, 5)
                                                         if h.clause.id != ans.retrieved[0].clause.id][:4]


def test_the_clauses_retrieved_keep_the_fused_order_where_the_answer_ranks_none_first(seed_settings):
    from assistant.answer import answer

    r = _retriever(seed_settings)
    for q in ("客户投诉怎么处理？", "官网首页多久改版一次？"):  # no quantity asked; the best clause states the time asked
        assert [h.clause.id for h in answer(r, q).retrieved] == [h.clause.id for h in r.search(q, 5)]


def test_a_question_who_someone_is_cites_the_clauses_that_name_them(seed_settings):
    """"DB33/T 932—2014 的主要起草人是谁？" was padded with 2.4 (a definition) and 5.2.1, which name no 起草人."""
    from assistant.answer import answer

    ans = answer(_retriever(seed_settings), "DB33/T 932—2014 的主要起草人是谁？")
    assert [c.label.rpartition("》")[2] for c in ans.citations] == ["前言"] and "陈福棣" in ans.answer


def test_the_part_of_a_question_that_asks_how_long_is_answered_beside_the_other_part(seed_settings):
    """"网站首页多久改版一次？改版方案要谁审批？" cited the approval alone: the clause that says 每年…一次, retrieved second,
    shared fewer words with the whole question than the first did, though more with the part that asks how long."""
    from assistant.answer import answer

    ans = answer(_retriever(seed_settings), "网站首页多久改版一次？改版方案要谁审批？")
    assert "每年" in ans.answer and "总经理审批" in ans.answer and len(ans.citations) == 2, ans.answer


@pytest.mark.parametrize("question, label, said", [
    ("DB33/T 932什么时候开始实施的？", "封面", "2014-09-25 实施"),  # said only on its cover (the cover was dropped)
    ("浙江那个电商地方标准是哪一年发布的？", "封面", "2014-08-25 发布"),
    ("电商规章制度什么时候生效？", "第十二条", "自发布之日起生效"),  # the day it names
])
def test_a_question_when_a_rule_took_effect_cites_the_clause_that_says_so_alone(seed_settings, question, label, said):
    """Before, the other clauses of the document named were cited beside it (5.2.1 交易型…, 投诉响应…)."""
    from assistant.answer import answer

    ans = answer(_retriever(seed_settings), question)
    assert ans.status == "answered" and [c.label.rpartition("》")[2] for c in ans.citations] == [label]
    assert said in ans.answer


@pytest.mark.parametrize("question,why", [
    ("退货政策什么时候公布？", "“什么时候公布”，检索到的条款都没有给出这样的具体日期"),  # no clause states a date of it
    # who bears a cost, where no clause allocates one (it cited the 退换货政策 clause, which says nothing of who pays);
    # a fee no document names, by any name of it, is said so (the seed names no 运费, 快递费, 邮费…: unknown_fee)
    ("顾客退货，来回的运费是买家出还是我们店出？", "资料中没有提到“运费”"),
    ("电商部员工的社保应该由谁缴纳？", "问题问的是由谁承担，检索到的条款都没有说明"),
    ("DB33/T 932 的 5.4 隐私保护具体是怎么要求的？", "5.4"),  # a clause number the named standard lacks
    ("工作态度差的员工，公司最多能罚多少钱？", "“多少钱”，检索到的条款都没有给出"),  # the amount is blank (____元)
    ("员工的年终奖和年终奖考核怎么定？", "没有提到“年终奖”"),  # what it asks about twice, no document names
    # a number that no document has, of no document named (it cited 《电商规章制度》第九条, and 5.1.3)
    ("第九十九条说了什么？", "知识库中没有编号为 第99条 的条款"),
    ("4.4.3 的要求是什么？", "知识库中没有编号为 4.4.3 的条款"),
])
def test_not_found_says_why(seed_settings, question, why):
    from assistant.answer import answer

    ans = answer(_retriever(seed_settings), question)
    assert ans.status == "not_found" and why in ans.answer


def test_only_an_article_or_a_deep_clause_number_no_document_has_is_unheld(seed_settings):
    r = _retriever(seed_settings)
    assert r.unheld_refs("第九十九条说了什么？") == ["a99"] and r.unheld_refs("4.4.3 的要求") == ["4.4.3"]
    # numbers that may be no clause's: a date, a version; and clauses some document has
    assert r.unheld_refs("3.15晚会曝光的问题商家要注意什么？") == [] and r.unheld_refs("2.0版本的规则改了什么？") == []
    for q in ("升级到3.2.1版本后需要重新公示隐私政策吗？", "24.6.18大促期间商品价格怎么标示？", "按照第1.2.3步操作后，退款多久到账？"):
        assert r.unheld_refs(q) == [], q  # a version, a date, a step: asked about something else
    assert r.unheld_refs("第十一条说了什么") == [] and r.unheld_refs("5.2.2.2 的要求") == []
    # a document named: its own missing clause is said so, as before
    assert r.unheld_refs("电商规章制度第九十九条") == [] and r.missing_refs("电商规章制度第九十九条") == ["a99"]


@pytest.mark.parametrize("question, said", [
    ("第十一条和第九十九条分别说了什么？", "知识库中没有编号为 第99条 的条款"),
    ("电商规章制度第七条和第九十九条分别说了什么？", "所指文件中没有 第99条"),
    ("第十一条说了什么？", ""),
])
def test_a_clause_named_beside_one_that_is_held_is_said_missing_beside_the_answer(seed_settings, question, said):
    """The one held is answered; the other was passed over in silence."""
    from assistant.answer import answer

    ans = answer(_retriever(seed_settings), question)
    assert ans.status == "answered" and ans.citations and ans.notice == said
    assert (ans.to_dict()["notice"] or "") == said


@pytest.mark.parametrize("question, asked", [
    # when a business must act, or who issues a document, is no date of a document nor who pays
    ("企业应当何时公布投诉处理结果？", None), ("审核通过时间一般是几天？", "几天"), ("检验报告由谁出具？", None),
    ("这个办法是谁出台的？", None), ("消费者权益保护法最近一次修正是什么时候？", "修正是什么时候"), ("运费由谁承担？", "由谁承担"),
    # a limit asked as a number is a time (below), not an amount; in a unit, that unit
    ("要报告给谁，时限是多少？", None), ("处理时限是多少天？", "多少天"), ("运费多少？", "运费多少"),
    # in other words too ("时限一般是多少", "期限要求是多少" were asked as amounts), and in minutes (no row asked it)
    ("退款时限一般是多少？", None), ("响应期限要求是多少？", None), ("回复期限是多少分钟？", "多少分钟"),
    ("处理时限通常为多少？", None), ("时效要求多少？", None), ("客服回复要等十几分钟正常吗？", None),  # (review)
    ("十几个工作日能到吗？", None),
])
def test_what_a_question_asks_for(question, asked):
    from assistant.answer import _PERIOD_ASKED, _QUANTITY_ASKED, _asked

    got = _asked(question, _QUANTITY_ASKED)
    assert (got.words if got else None) == asked
    if question == "要报告给谁，时限是多少？":
        assert _asked(question, _PERIOD_ASKED).words == "时限是多少"
    if asked is None and "限" in question and "多少" in question:
        assert _asked(question, _PERIOD_ASKED).words.endswith("多少")


@pytest.mark.parametrize("question, limit", [
    # whether a time limit is set asks a time, as 多久 does (probe T: "还能改成好评吗？有时间限制没有？" quoted what forbids a
    # change, not "…可以在评价发布后30日内修改一次", third), not a quantity: a clause that sets none may still answer it
    ("还能改成好评吗？有时间限制没有？", "有时间限制"), ("追评有没有时间限制？", "有没有时间限制"),
    ("退款有期限吗？", "有期限"), ("时间上有没有限制？", "时间上有没有限制"), ("有时间吗？", None), ("有限制吗？", None),
    # (the review's) a limit of what kind, or asked as a requirement; not a thing that has a limit ("…时间限制的促销")
    ("优惠券有没有使用期限？", "有没有使用期限"), ("退货有没有期限要求？", "有没有期限要求"), ("投诉有时效吗？", "有时效"),
    ("有没有时间限制的促销活动？", None),
    # (the second review's) a validity or shelf life, a limit of a named act, or a rule on the time limit
    ("优惠券有没有有效期？", "有没有有效期"), ("有没有保质期要求？", "有没有保质期要求"),
    ("发票有没有开票期限？", "有没有开票期限"), ("有没有时间限制的规定？", "有没有时间限制"),
])
def test_whether_a_time_limit_is_set_asks_a_time(question, limit):
    from assistant.answer import _PERIOD_ASKED, _QUANTITY_ASKED, _asked

    got = _asked(question, _PERIOD_ASKED)
    assert (got.words if got else None) == limit and (got is None or got.kind == "time")
    assert _asked(question, _QUANTITY_ASKED) is None


def test_only_a_repeated_word_that_no_document_uses_or_names_otherwise_is_the_missing_subject(seed_settings):
    from assistant.answer import answer, unknown_focus

    r = _retriever(seed_settings)
    vocab = r.bm25.vocab_dict
    assert unknown_focus("员工的年终奖和年终奖考核怎么定？", vocab, r.thesaurus) == "年终奖"
    assert unknown_focus("员工的年终奖怎么定？", vocab, r.thesaurus) is None  # said once: left to the evidence
    assert unknown_focus("快递丢了，快递费谁出？", vocab, r.thesaurus) is None  # the documents say 物流
    assert unknown_focus("什么样的人算“电子商务经营者”？个人算不算？", vocab, r.thesaurus) is None  # jieba's 人算 is once a word
    assert "没有提到" not in answer(r, "员工的年终奖怎么定？").answer
    # staff call 市场监督管理部门 "监管局": the laws' 监管 / 监督管理 say it (it was "资料中没有提到“监管局”")
    assert unknown_focus("投诉到市场监管局，归哪里的监管局处理？", {"投诉", "监督管理", "部门"}, r.thesaurus) is None
    # staff say 过期 for what rules call 有效期 / 逾期 (probe K: "去年攒的积分什么时候过期？过期前会不会通知？" found the
    # 有效期 clause first and was refused, "资料中没有提到“过期”")
    assert unknown_focus("去年攒的积分什么时候过期？过期前会不会通知？", {"积分", "有效期", "逾期", "清零"}, r.thesaurus) is None
    # a yes-no question's 要不要 asked twice is no subject (jieba reads 要 / 不要: it was "资料中没有提到“不要”")
    q = "处理客户投诉的流程要不要对外公开？处理过程要不要留底？"
    assert unknown_focus(q, vocab, r.thesaurus) is None
    assert unknown_focus("需不需要备案？需不需要登记？", set(), r.thesaurus) is None
    # (the review's: the word after 是不是 is the question's, whole: "以旧换新" was read "旧换")
    assert unknown_focus("是不是以旧换新？以旧换新怎么算？", {"怎么"}, r.thesaurus) == "以旧换新"
    # …nor a word with a modal glued on, "券能" (券 said on its own: probe Q's was "资料中没有提到“券能”"); 功能 is a word
    assert unknown_focus("店铺券和平台券能一起用吗？两张满减券能不能叠加？", {"店铺", "平台", "叠加"}, r.thesaurus) is None
    # …nor a word that names no thing ("东西"), nor one with 到 where the documents write 达 or 至 (probe T: "资料中没有提到
    # “东西”", "…没有提到“送到”")
    assert unknown_focus("冷冻的东西和冷藏的东西能放在同一个车厢吗？", {"冷冻", "冷藏", "车厢"}, r.thesaurus) is None
    assert unknown_focus("前置仓能送到的地方，多久得送到客户手上？", {"前置", "送达"}, r.thesaurus) is None
    assert unknown_focus("前置仓能送到的地方，多久得送到客户手上？", {"前置", "送货"}, r.thesaurus) == "送到"
    assert unknown_focus("直播间有美颜功能吗？美颜功能要不要关？", {"直播间", "美颜"}, r.thesaurus) == "功能"
    assert unknown_focus("投诉工单多久内要首次回复？几天内要处理完？", {"投诉", "工单", "回复", "处理"}, r.thesaurus) is None
    # …nor does "A不A" eat the word it is part of ("退不退款" was read 款)
    assert unknown_focus("预售定金退不退款？退款要多久？", {"预售", "定金", "多久"}, r.thesaurus) == "退款"
    # a question word asked twice is no subject where no document says it (probe O: "资料中没有提到“多久”")
    assert unknown_focus("物流中心多久抽查一次商家包装？抽查记录要留多久？", {"物流", "中心", "抽查", "商家", "包装", "记录"},
                         r.thesaurus) is None
    assert unknown_focus("什么时候发货？什么时候退款？", {"发货", "退款"}, r.thesaurus) is None
    # a product staff name is said by the category the rules name for it (probe O: "买冰箱参加以旧换新…拆旧冰箱的钱…" was
    # "资料中没有提到“冰箱”" over "大家电以旧换新的，…拆旧费用由商家承担"); one product is no other (冰箱 is no 空调)
    fridge = "买冰箱参加以旧换新，多久上门？拆旧冰箱的钱能另收吗？"
    assert unknown_focus(fridge, {"大家电", "以旧换新", "拆旧", "上门"}, r.thesaurus) is None
    assert unknown_focus(fridge, {"以旧换新", "拆旧", "上门", "空调"}, r.thesaurus) == "冰箱"
    a = answer(r, q)
    assert a.status == "answered" and any("处理流程应公开" in c.text for c in a.citations)


def test_staff_words_count_as_covered_where_the_clause_says_them_otherwise(seed_settings):
    from assistant.answer import _in_words_of, support_of

    r = _retriever(seed_settings)
    assert _in_words_of("给买家一点补偿", "设立售后补偿机制，保障用户权益", r.thesaurus) == "给用户一点补偿"
    assert _in_words_of("给买家一点补偿", "设立售后补偿机制", r.thesaurus) == "给买家一点补偿"
    q = "买家收到货后要求补偿怎么处理"
    hits = r.search(q, 10)
    assert support_of(q, hits, thesaurus=r.thesaurus) > support_of(q, hits)


def test_question_naming_documents_searches_within_them(seed_settings):
    r = _retriever(seed_settings)
    docs, topic = r.mentions("跟供应商的合作关系，运营流程及管理法则和电商企业运营管理体系分别怎么要求？")
    assert docs == {"电子商务运营流程及管理法则", "电商企业运营管理体系"}
    assert "管理法则" not in topic and "供应商" in topic
    assert r.mentions("公司这几份服务管理制度分别依据哪些法律？")[0] == set()  # names no single document
    assert {h.clause.document for h in r.search("按 DB33/T 932，电子商务到底指什么？", 5)} == {
        "DB33/T 932—2014 电子商务企业管理与服务规范"}


@pytest.mark.parametrize("question, named", [
    # a document listed by the end of its title beside others named ("…和运营管理体系这几份分别怎么说" searched two of
    # three), or by words of its title before 那篇
    ("数据分析这块，运营管理制度和运营管理体系各怎么说？", {"电子商务运营管理制度", "电商企业运营管理体系"}),
    ("商品上架审核，平台管理办法和服务质量管理制度有什么不同？", {"电子商务平台管理办法", "电商平台行业电商平台服务质量管理制度"}),
    ("质量管理与服务提升那篇和售后服务规范分别讲了哪些服务要求？", {"电子商务平台的质量管理与服务提升", "电子商务售后服务规范"}),
    # not words inside the question's own sentence, nor where no document is named in full, nor where none is compared
    ("企业要建立服务质量管理制度吗？平台管理办法和平台运营规定分别怎么说？", {"电子商务平台管理办法", "电子商务平台运营规定"}),
    ("运营管理体系和服务质量有什么区别？", set()),
    ("按平台管理办法，服务质量管理制度要写什么？", {"电子商务平台管理办法"}),
    ("平台管理办法的要求比较严格吗，运营管理体系呢？", {"电子商务平台管理办法"}),  # (比较: rather, not compared)
    # (the review's) an item ended by what it says of a matter, or by 有何 / 讲 / 一样吗; several items of one run
    ("平台管理办法和运营管理体系对退货的规定有什么不同？", {"电子商务平台管理办法", "电商企业运营管理体系"}),
    ("平台管理办法和服务质量管理制度讲的一样吗？", {"电子商务平台管理办法", "电商平台行业电商平台服务质量管理制度"}),
    ("平台管理办法、运营管理体系还有售后服务规范分别怎么说？",
     {"电子商务平台管理办法", "电商企业运营管理体系", "电子商务售后服务规范"}),
    ("电子商务平台管理办法和运营管理体系和质量管理与服务提升那篇分别怎么说？",
     {"电子商务平台管理办法", "电商企业运营管理体系", "电子商务平台的质量管理与服务提升"}),
])
def test_a_document_listed_by_the_end_of_its_title_is_named(seed_settings, question, named):
    r = _retriever(seed_settings)
    docs, topic = r.mentions(question)
    assert docs == named
    if len(named) >= 2:  # each is searched, its best clause among the first, and cited
        from assistant.answer import answer

        assert {h.clause.document for h in r.search(question, len(named))} == named
        assert {c.document for c in answer(r, question).citations} >= named


def test_words_that_end_a_title_name_no_document_unless_they_end_in_its_kind(tmp_path):
    """(The review's) over thousands of titles, a topic's words after 和 ended some title: 法律责任 a case's, 监管办法
    保税区海关监管办法, 赔偿损失 a case's; each was named and cut out of the question."""
    laws = {f"{t}.md": f"# {t}\n\n第一条 {body}\n" for t, body in [
        ("中华人民共和国电子商务法", "电子商务经营者应当依法履行消费者权益保护义务。"),
        ("中华人民共和国消费者权益保护法", "经营者应当依法承担法律责任，赔偿损失。"),
        ("经营未标明基本信息的预包装食品的法律责任", "经营者销售未标明生产日期的食品，应当承担法律责任。"),
        ("购房后无法正常用电，买受人有权要求开发商赔偿损失", "开发商应当赔偿损失。"),
        ("保税区海关监管办法", "保税区内的货物由海关监管。"),
        ("电商企业运营管理体系", "企业应当建立运营管理体系。"),
    ]}
    r = _docs_index(tmp_path, laws)
    both = {"中华人民共和国电子商务法", "中华人民共和国消费者权益保护法"}
    for q in ("电子商务法和消费者权益保护法的罚则和法律责任分别怎么说？", "电子商务法和消费者权益保护法对退货和赔偿损失的规定有什么不同？",
              "电子商务法和消费者权益保护法的处罚和监管办法分别怎么说？"):
        docs, topic = r.mentions(q)
        assert docs == both, q
        assert all(w in topic for w in ("法律责任", "赔偿损失", "监管办法") if w in q), topic
    assert r.mentions("电子商务法和消费者权益保护法对退货和运营管理体系有什么不同？")[0] == both | {"电商企业运营管理体系"}


def test_the_most_specific_term_asked_is_defined_first(tmp_path):
    """(The review's) "敏感个人信息是什么？" put 第四条 "个人信息是以…" first: a loose definition of a shorter term was
    tried before one of the term asked."""
    r = _law_index(tmp_path, "某信息保护法", "第四条 个人信息是以电子或者其他方式记录的与已识别或者可识别的自然人有关的各种信息。\n\n"
                   "第二十八条 敏感个人信息是一旦泄露或者非法使用，容易导致自然人的人格尊严受到侵害的个人信息，包括生物识别等信息。\n\n"
                   "第二十九条 处理敏感个人信息应当取得个人的单独同意。\n")
    assert r.search("敏感个人信息是什么？", 1)[0].clause.label == "《某信息保护法》第二十八条"
    assert r.search("个人信息是什么？", 1)[0].clause.label == "《某信息保护法》第四条"


@pytest.mark.parametrize("question", ["", "   ", "？？？！！", "问" * 5000])
def test_bad_questions_raise_a_clear_error(seed_settings, question):
    from assistant.answer import answer
    from tiaowen.errors import BadQuestion

    with pytest.raises(BadQuestion):
        answer(_retriever(seed_settings), question)


# -- CLI ---------------------------------------------------------------------------------

def _cli(*args, input=None):
    from tiaowen.cli import main

    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_cli_ask_json_has_the_documented_shape(seed_settings):
    res = _cli("ask", "客户投诉多久内要响应？", "--json")
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert {"question", "status", "answer", "citations", "retrieved"} <= set(d)
    assert d["status"] in ("answered", "not_found")
    for c in d["citations"]:
        assert set(c) == {"n", "id", "document", "label", "text"}
    assert len(d["retrieved"]) == 5
    for h in d["retrieved"]:
        assert set(h) == {"id", "document", "label", "text", "score"}
    # the fused scores, in the fused order past a first clause the answer ranks first (it states the 24小时 asked;
    # README: the order, not the score, is the ranking)
    scores = [h["score"] for h in d["retrieved"]]
    assert all(isinstance(x, float) and x > 0 for x in scores) and scores[1:] == sorted(scores[1:], reverse=True)
    assert "24小时" in d["retrieved"][0]["text"] and d["retrieved"][0]["id"] == d["citations"][0]["id"]


def test_cli_ask_points_a_checklist_request_to_the_checklist_command(seed_settings):
    """`ask` keeps its JSON shape for a request for a checklist, and says on stderr which command drafts one."""
    res = _cli("ask", "给我一份售后服务的合规自查清单", "--json")
    assert res.exit_code == 0 and json.loads(res.stdout)["question"] == "给我一份售后服务的合规自查清单"
    assert "tiaowen checklist 售后服务" in res.stderr
    assert "tiaowen checklist" not in _cli("ask", "客户投诉多久内要响应？").stderr


def test_cli_batch_keeps_order_and_ids(seed_settings, tmp_path):
    f = tmp_path / "q.jsonl"
    qs = [{"id": "x1", "question": "电商规章制度第七条说了什么"}, {"id": 2, "question": "   "},
          {"id": "x3", "question": "平台对入驻商家要审核哪些证件？"}]
    f.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in qs), encoding="utf-8")
    res = _cli("ask", "--batch", str(f), "--json")
    assert res.exit_code == 0, res.output
    out = [json.loads(line) for line in res.output.splitlines()]
    assert [o["id"] for o in out] == ["x1", 2, "x3"]
    assert out[1]["status"] == "error" and "问题为空" in out[1]["error"]
    assert out[0]["citations"][0]["label"] == "《电商规章制度》第七条"


def test_cli_batch_reports_a_bad_line_in_place_and_answers_the_others(seed_settings, tmp_path):
    f = tmp_path / "q.jsonl"
    f.write_bytes("\n".join([
        '{"id": 1, "question": "电商规章制度第七条说了什么"}', "", "{not json", '{"question": "没有 id"}',
        '{"id": 5, "question": 123}', '[1, 2]', '{"id": 7, "question": "', '{"id": 8, "question": "退货政策是什么？"}',
    ]).encode("utf-8").replace(b'"question": "\n', b'"question": "\xb5\xe7"}\n'))  # line 7: GBK bytes
    res = _cli("ask", "--batch", str(f), "--json")
    assert res.exit_code == 1  # the others answered, then the bad lines named (one stopped the batch, and lost the rest)
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(o.get("line"), o["status"]) for o in out] == [
        (None, "answered"), (3, "error"), (4, "error"), (5, "error"), (6, "error"), (7, "error"), (None, "answered")]
    assert out[-1]["id"] == 8 and "UTF-8" in out[5]["error"]
    assert "第 3、4、5、6、7 行" in res.stderr  # the lines of the file, blank ones counted


@pytest.mark.parametrize("k", ["0", "-1", "101"])
def test_cli_ask_refuses_a_k_out_of_range(k):
    res = _cli("ask", "退货政策是什么？", "--k", k)
    assert res.exit_code == 2 and "1<=x<=100" in res.output  # -1 raised IndexError, 0 gave 5, 1000 was taken


def test_cli_show_and_docs(seed_settings):
    res = _cli("ask", "电商服务管理制度第六条", "--json")
    cid = json.loads(res.output)["citations"][0]["id"]
    shown = _cli("show", cid)
    assert shown.exit_code == 0 and "《电商服务管理制度》第六条" in shown.output
    docs = _cli("docs", "--json")
    rows = json.loads(docs.output)
    assert len(rows) == 18 and all(r["clauses"] > 0 for r in rows)


def test_cli_errors_say_how_to_fix_and_exit_nonzero(tmp_path):
    res = _cli("ask", "退货怎么处理", "--kb", "nothing-here")
    assert res.exit_code == 1 and "tiaowen ingest" in res.output
    res = _cli("show", "no/such/id", "--kb", "nothing-here")
    assert res.exit_code == 1
    res = _cli("ingest", str(tmp_path / "missing.txt"))
    assert res.exit_code == 1 and "missing.txt" in res.output


def test_help_does_not_import_heavy_libraries():
    code = ("import sys, tiaowen.cli as c; from click.testing import CliRunner; "
            "r = CliRunner().invoke(c.main, ['--help']); assert r.exit_code == 0; "
            "print(','.join(m for m in ('torch', 'chromadb', 'gradio', 'sentence_transformers') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == ""
    script = Path(sys.executable).with_name("tiaowen")
    assert subprocess.run([str(script), "--help"], capture_output=True, text=True).returncode == 0


def test_docx_and_gbk_files_are_ingested_and_cited(tmp_path):
    import docx

    from assistant.answer import answer
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    src = tmp_path / "src"
    src.mkdir()
    d = docx.Document()
    for line in ("员工差旅管理办法", "第一条 为规范员工差旅报销，制定本办法。", "第二条 员工出差住宿标准为每晚不超过四百元。"):
        d.add_paragraph(line)
    d.save(src / "差旅.docx")
    (src / "考勤.txt").write_bytes("考勤管理规定\n第一条 员工迟到三次记旷工半天。\n".encode("gbk"))
    s = Settings(home=tmp_path / "home")
    KnowledgeBase(s).ingest([src])
    r = _retriever(s)
    assert set(r.documents) == {"员工差旅管理办法", "考勤管理规定"}
    ans = answer(r, "出差住酒店每晚最多报多少钱？")
    assert ans.status == "answered" and ans.citations[0].label == "《员工差旅管理办法》第二条"
    assert answer(r, "迟到几次算旷工？").citations[0].label == "《考勤管理规定》第一条"


def test_a_second_ingest_of_the_same_knowledge_base_is_refused_while_one_runs(tmp_path):
    import fcntl

    from ingest.index import KnowledgeBase
    from tiaowen.errors import TiaowenError
    from tiaowen.settings import Settings

    kb = KnowledgeBase(Settings(home=tmp_path / "home"))
    kb.dir.mkdir(parents=True)
    with open(kb.dir / "ingest.lock", "w") as held:  # another process holds the lock
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(TiaowenError, match="另一个导入"):
            kb.ingest([CORPUS])
    assert kb.manifest() is None  # nothing was written


def test_a_looked_up_article_is_cited_with_the_lead_in_of_its_items(tmp_path):
    """"广告不得有下列情形：" is what makes each item a prohibition: a lookup cites it too."""
    from assistant.answer import answer

    r = _law_index(tmp_path, "某广告法", "第九条 广告不得有下列情形：\n\n（一）使用“国家级”、“最高级”、“最佳”等用语；\n\n"
                   "（二）危害人身、财产安全，泄露个人隐私。\n\n第十条 广告应当真实、合法。\n")
    ans = answer(r, "某广告法第九条说了什么")
    assert [c.label for c in ans.citations] == ["《某广告法》第九条", "《某广告法》第九条（一）", "《某广告法》第九条（二）"]
    assert "广告不得有下列情形" in ans.answer
    # …and it is what was named: the first clause found, before its items (it was listed nowhere)
    assert [h.clause.label for h in r.search("某广告法第九条说了什么")][:3] == \
        ["《某广告法》第九条", "《某广告法》第九条（一）", "《某广告法》第九条（二）"]


def test_a_looked_up_article_titled_over_its_items_is_found_by_its_items(tmp_path):
    """"第六条售后服务内容:" titles its items and states nothing: its items are what the lookup finds."""
    r = _law_index(tmp_path, "某服务制度", "第六条 售后服务内容：\n\n（一）退换货政策：明确退换货条件、流程及时限。\n\n"
                   "（二）维修服务：提供商品维修服务。\n\n第七条 企业应当建立客户档案。\n")
    assert [h.clause.label for h in r.search("某服务制度第六条讲什么")][:2] == \
        ["《某服务制度》第六条（一）", "《某服务制度》第六条（二）"]


def test_an_item_without_a_rule_of_its_own_is_cited_with_the_lead_in_that_states_it(tmp_path):
    """"使用“国家级”、“最高级”、“最佳”等用语" quoted alone reads as what an advert should do: its lead-in
    "广告不得有下列情形：" is cited before it and runs into it. An item that states its own rule is quoted alone."""
    from assistant.answer import answer

    r = _law_index(tmp_path, "某广告法", "第九条 广告不得有下列情形：\n\n（一）使用或者变相使用国旗、国歌、国徽；\n\n"
                   "（二）使用“国家级”、“最高级”、“最佳”等用语；\n\n（三）危害人身、财产安全，泄露个人隐私。\n\n"
                   "第十条 广告应当真实、合法，以健康的表现形式表达广告内容。\n\n第十一条 广告内容涉及的事项需要取得行政许可的，"
                   "应当与许可的内容相符合：\n\n（一）广告使用数据、统计资料的，应当真实、准确，并表明出处。\n")
    ans = answer(r, "商品详情页能不能写“最佳”“最高级”这种词？")
    labels = [c.label for c in ans.citations]
    assert "《某广告法》第九条（二）" in labels
    assert labels[labels.index("《某广告法》第九条（二）") - 1] == "《某广告法》第九条"
    n = labels.index("《某广告法》第九条")
    assert f"广告不得有下列情形[{n + 1}]：使用“国家级”、“最高级”、“最佳”等用语[{n + 2}]" in ans.answer
    # an item with a modal of its own needs no lead-in to be read right
    from assistant.provisions import binding_item

    item = next(c for c in r.clauses if c.label == "《某广告法》第十一条（一）")
    assert not binding_item(item, r.by_id[item.parent_id])
    item = next(c for c in r.clauses if c.label == "《某广告法》第九条（三）")
    assert binding_item(item, r.by_id[item.parent_id])


def test_a_company_rule_named_short_before_a_clause_number_is_looked_up(tmp_path):
    """A probe's: "客服考核办法第八条" (title 云帆电商客服服务质量考核办法) and "仓储制度第十四条" (仓储与发货管理制度) were
    "知识库中没有《…》"; "客服服务质量考核办法第八条", without the company, cited 第八条 of every document."""
    from assistant.answer import answer
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    docs = {"云帆电商客服服务质量考核办法": "第一条 为提升客服服务质量，制定本办法。\n第二条 客服人员应当在30秒内响应。\n"
                                  "第三条 考核结果与绩效奖金挂钩，D等级的，不发放当月绩效奖金。\n",
            "仓储与发货管理制度": "第一条 为规范仓储作业，制定本制度。\n第二条 仓管员应当核对采购订单。\n"
                          "第三条 快递面单应当使用隐私面单。\n",
            "商品上架审核规定": "第一条 为规范商品上架，制定本规定。\n第二条 商品标题长度不超过60个字符。\n"
                        "第三条 主图数量不少于5张。\n",
            "云帆电商仓储管理办法": "第一条 为规范仓储管理，制定本办法。\n第二条 仓库应当每日盘点。\n第三条 出库应当复核。\n"}
    for title, body in docs.items():
        (tmp_path / f"{title}.txt").write_text(f"{title}\n{body}", encoding="utf-8")
    s = Settings(home=tmp_path / "home")
    KnowledgeBase(s).ingest(sorted(tmp_path.glob("*.txt")))
    r = _retriever(s)
    for question, label in [("客服考核办法第三条说了什么", "《云帆电商客服服务质量考核办法》第三条"),
                            ("客服服务质量考核办法第三条", "《云帆电商客服服务质量考核办法》第三条"),
                            ("仓储制度第三条", "《仓储与发货管理制度》第三条"),
                            ("上架规定的第二条", "《商品上架审核规定》第二条"),
                            ("我想知道客服考核办法第三条说了什么", "《云帆电商客服服务质量考核办法》第三条"),
                            ("查看客服考核办法第三条", "《云帆电商客服服务质量考核办法》第三条")]:
        got = answer(r, question)
        assert got.status == "answered" and [c.label for c in got.citations] == [label], (question, got.answer)
    assert [c.label for c in answer(r, "按客服考核办法第三条，D等级还有奖金吗").citations] == ["《云帆电商客服服务质量考核办法》第三条"]
    # a short name that fits no title, or fits several, or says only generic words, names none of them (the review's
    # "安全管理办法第一条" fell back to "管理办法", which fitted one title)
    assert answer(r, "仓储规定第三条").status == "not_found"
    assert "《平台规则》" in answer(r, "平台规则第三条").answer
    assert "《安全管理办法》" in answer(r, "安全管理办法第一条是什么？").answer


def test_an_item_under_a_lead_in_that_says_what_is_not_done_is_cited_with_it(tmp_path):
    """A probe's points rule: "运费、虚拟商品及话费充值类订单" was the whole answer to "运费能不能算积分？", the lead-in
    "下列情形不发放积分：" (and its 不) left out."""
    from assistant.answer import answer

    r = _law_index(tmp_path, "某积分规则", "第三条 积分按下列规定发放：\n\n（一）订单确认收货后，按实付金额每1元积1分发放。\n\n"
                   "第四条 下列情形不发放积分：\n\n（一）使用优惠券、积分抵扣的金额部分；\n\n（二）运费、虚拟商品及话费充值类订单；"
                   "\n\n（三）已发生退款的订单金额。\n\n第五条 积分有效期为一年。\n")
    ans = answer(r, "顾客付的运费和话费充值订单能不能算积分？")
    labels = [c.label for c in ans.citations]
    assert "《某积分规则》第四条（二）" in labels
    assert labels[labels.index("《某积分规则》第四条（二）") - 1] == "《某积分规则》第四条"
    assert "下列情形不发放积分" in ans.answer


def test_a_list_of_conditions_that_must_all_hold_is_cited_whole(tmp_path):
    """One condition quoted alone reads as if it were enough: "同时符合下列条件的" is cited with all its items, in order;
    not a list of cases ("有下列情形之一的") or of conditions of which one is enough ("符合下列条件之一的")."""
    from assistant.answer import answer

    r = _law_index(tmp_path, "某签名法", "第十三条 电子签名同时符合下列条件的，视为可靠的电子签名：\n\n"
                   "（一）电子签名制作数据用于电子签名时，属于电子签名人专有；\n\n（二）签署时电子签名制作数据仅由电子签名人控制；\n\n"
                   "（三）签署后对电子签名的任何改动能够被发现。\n\n当事人也可以选择使用符合其约定的可靠条件的电子签名。\n\n"
                   "第十四条 可靠的电子签名与手写签名或者盖章具有同等的法律效力。\n")
    labels = [c.label for c in answer(r, "电子签名制作数据专有就算可靠的电子签名吗？").citations]
    items = ["《某签名法》第十三条（一）", "《某签名法》第十三条（二）", "《某签名法》第十三条（三）"]
    assert labels[labels.index("《某签名法》第十三条") + 1:][:3] == items
    from assistant.answer import CONDITIONS_LEAD

    for lead, whole in [("设立基金会，应当具备下列条件：", True), ("商品房预售应当符合下列条件：", True),
                        ("符合下列条件之一的，可以适用简易程序：", False), ("电子认证服务提供者有下列情形之一的，处一万元以下的罚款：", False),
                        ("广告不得有下列情形：", False)]:
        assert bool(CONDITIONS_LEAD.search(lead)) is whole, lead


def test_a_later_paragraph_is_cited_after_the_rule_it_qualifies(tmp_path):
    """"可以不通知个人" qualifies the first paragraph's duty (立即采取补救措施，并通知…): retrieved together, the
    rule is cited first, and a cited item right after the lead-in that announces it; with no item cited, the
    lead-in's sentence is left out of the answer."""
    from assistant.answer import answer

    r = _law_index(tmp_path, "某信息法", "第五十七条 发生或者可能发生个人信息泄露、篡改、丢失的，个人信息处理者应当立即采取补救"
                   "措施，并通知履行个人信息保护职责的部门和个人。通知应当包括下列事项：\n\n（一）发生或者可能发生个人信息泄露、"
                   "篡改、丢失的信息种类、原因和可能造成的危害；\n\n（二）个人信息处理者的联系方式。\n\n个人信息处理者采取措施"
                   "能够有效避免信息泄露、篡改、丢失造成危害的，个人信息处理者可以不通知个人。\n\n第五十八条 提供重要互联网平台"
                   "服务的个人信息处理者，应当定期发布个人信息保护社会责任报告。\n")
    ans = answer(r, "用户信息泄露了，能不能不通知个人？")
    assert ans.retrieved[0].clause.label == "《某信息法》第五十七条第二款"
    # the rule first, the item its lead-in announces right after it, then the paragraph that qualifies the rule
    assert [c.label for c in ans.citations] == ["《某信息法》第五十七条", "《某信息法》第五十七条（一）", "《某信息法》第五十七条第二款"]
    assert "通知应当包括下列事项[1]：发生或者可能发生个人信息泄露、篡改、丢失的信息种类" in ans.answer
    # with no item cited, the sentence that only announces the list is left out
    ans = answer(r, "用户信息泄露了，能不能不通知个人？", k=2)
    assert [c.label for c in ans.citations] == ["《某信息法》第五十七条", "《某信息法》第五十七条第二款"]
    assert "并通知履行个人信息保护职责的部门和个人[1]；" in ans.answer and "下列事项" not in ans.answer


@pytest.mark.slow
def test_an_article_retrieved_just_below_the_top_k_is_cited_before_its_paragraph(tmp_path):
    """消费者权益保护法 第二十五条 (七日内退货，且无需说明理由) ranked 8th, below its own 款 and items, which carry its
    context: "收到货以后几日内可以无理由退货？" was answered by 第二款 (the exceptions) alone, or not found."""
    from assistant.answer import answer
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    laws = laws_or_skip()
    s = Settings(home=tmp_path / "home")
    KnowledgeBase(s).ingest([laws / "民法商法/消费者权益保护法(2013-10-25).md",
                             laws / "部门规章/市场监督管理总局/侵害消费者权益行为处罚办法(2015-01-05).md"])
    ans = answer(_retriever(s), "收到货以后几日内可以无理由退货？")
    assert ans.citations[0].label == "《中华人民共和国消费者权益保护法》第二十五条" and "七日内退货" in ans.answer


def test_a_clause_of_several_sentences_gets_a_vector_for_each_sentence():
    from ingest.index import clause_vector_id, dense_units, vector_id
    from ingest.records import Clause

    c = Clause("d/a1", "d", "某法", "《某法》第一条", ("某法",), "第一条 经营者应当退货。运费由消费者承担；另有约定的除外。",
               context="某法 › 第一章")
    units = dense_units(c, sentences=True)
    assert [u[0] for u in units] == [vector_id(c)] + [f"{vector_id(c)}#s{i}" for i in range(3)]
    assert units[2][1] == "某法 › 第一章 运费由消费者承担；"
    assert {clause_vector_id(v) for v, _ in units} == {vector_id(c)}
    assert dense_units(c, sentences=False) == units[:1]
    short = Clause("d/a2", "d", "某法", "《某法》第二条", ("某法",), "第二条 本法自公布之日起施行。")
    assert len(dense_units(short, sentences=True)) == 1


def test_a_penalty_provision_answers_questions_about_consequences_only(tmp_path):
    """A sanctioned breach restates a duty: "要不要公示" is answered by the duty; "不公示会怎么样" by the penalty
    item, cited after its lead-in (which says the sanction) and run into it."""
    from assistant.answer import answer

    r = _law_index(tmp_path, "某电商法", "第十五条 电子商务经营者应当在其首页显著位置，持续公示营业执照信息。\n\n"
                   "第十六条 电子商务经营者自行终止从事电子商务的，应当提前三十日在首页显著位置持续公示有关信息。\n\n"
                   "第七十六条 电子商务经营者违反本法规定，有下列行为之一的，由市场监督管理部门责令限期改正，可以处一万元以下的罚款：\n\n"
                   "（一）未在首页显著位置公示营业执照信息的；\n\n（二）未明示用户信息查询、更正、删除以及用户注销的方式的。\n\n"
                   "第七十七条 电子商务经营者违反本法第十八条第一款规定提供搜索结果的，依照有关法律的规定处罚。\n")
    duty = answer(r, "网店要不要在首页公示营业执照？")
    assert duty.status == "answered" and [c.label for c in duty.citations] == ["《某电商法》第十五条"]
    # retrieved below the duties, not cited
    assert [h.clause.label for h in duty.retrieved][:2] == ["《某电商法》第十五条", "《某电商法》第十六条"]
    assert "《某电商法》第七十六条（一）" in [h.clause.label for h in duty.retrieved]
    breach = answer(r, "不在首页公示营业执照会怎么样？")
    assert "《某电商法》第七十六条（一）" in [h.clause.label for h in breach.retrieved][:2]
    labels = [c.label for c in breach.citations]
    assert labels.index("《某电商法》第七十六条") + 1 == labels.index("《某电商法》第七十六条（一）")
    n = labels.index("《某电商法》第七十六条") + 1
    assert f"可以处一万元以下的罚款[{n}]：未在首页显著位置公示营业执照信息的[{n + 1}]" in breach.answer


@pytest.mark.parametrize("previous, follow_up, asked", [
    # the previous question's words drew the answer back to it: the follow-up is asked alone
    ("客户投诉多久内要响应？", "那退货呢？", "那退货呢？"),
    # its own words answered together with the previous question: both
    ("商家入驻需要什么资质？", "那平台呢？", "商家入驻需要什么资质？ 那平台呢？"),
    # a clause named by number is looked up in the document the previous question named
    ("电商规章制度第七条是怎么规定的？", "那第四条呢", "《电商规章制度》第四条呢"),
    # without 那 too, and one the document lacks is not another document's (it cited 第十三条 of two others)
    ("电商规章制度第八条讲什么", "第十三条呢？", "《电商规章制度》第十三条呢？"),
    ("电商规章制度第八条讲什么", "第十条讲什么？", "《电商规章制度》第十条讲什么？"),
    # a clause named by number after a question that named no document: as it is
    ("客户投诉多久内要响应？", "第十条呢", "第十条呢"),
    # a law named with its article, or a standard's number, is not the document asked about before
    ("电商规章制度第八条讲什么", "个人信息保护法第十三条", "个人信息保护法第十三条"),
    ("电商规章制度第八条讲什么", "5.2.1讲什么", "5.2.1讲什么"),
    # no follow-up: as it is
    ("客户投诉多久内要响应？", "退货政策是什么？", "退货政策是什么？"),
    # where what was said comes from, in no words of its own: the question before, whose answer cites its sources (asked
    # alone, "这是哪个文件规定的？" was answered from clauses that say 文件 or 规定); with words of its own, as it is
    ("客户投诉多久内要响应？", "这是哪个文件规定的？", "客户投诉多久内要响应？"),
    ("客户投诉多久内要响应？", "依据是哪条？", "客户投诉多久内要响应？"),
    ("客户投诉多久内要响应？", "出自哪部法律？", "客户投诉多久内要响应？"),
    ("客户投诉多久内要响应？", "哪个文件规定了退货运费？", "哪个文件规定了退货运费？"),
    ("客户投诉多久内要响应？", "退货有什么规定？", "退货有什么规定？"),
    # a source asked in other words ("法律依据", "第几条") is one; a one-character word of its own ("罚") or what is
    # needed ("需要哪些文件") is a question of its own (they were asked as the previous question, or asked alone)
    ("客户投诉多久内要响应？", "法律依据是什么？", "客户投诉多久内要响应？"),
    ("客户投诉多久内要响应？", "第几条规定的？", "客户投诉多久内要响应？"),
    ("客户投诉多久内要响应？", "这个规定在哪里写的？", "客户投诉多久内要响应？"),
    ("客户投诉多久内要响应？", "罚的依据是什么？", "罚的依据是什么？"),
    ("商家入驻需要什么资质？", "需要哪些文件？", "需要哪些文件？"),
    # (review) the usual short ways too, with a character that only asks ("哪条规定的？", "有啥依据？"), not a word that
    # ends in one of its words ("资金来源是什么？")
    ("客户投诉多久内要响应？", "哪条规定的？", "客户投诉多久内要响应？"),
    ("客户投诉多久内要响应？", "是哪个条款？", "客户投诉多久内要响应？"),
    ("客户投诉多久内要响应？", "有啥依据？", "客户投诉多久内要响应？"),
    ("客户投诉多久内要响应？", "资金来源是什么？", "资金来源是什么？"),
    ("商家入驻需要什么资质？", "有哪些文件？", "有哪些文件？"),  # (second review: what there is)
])
def test_a_follow_up_is_asked_in_the_context_it_needs(seed_settings, previous, follow_up, asked):
    """Before, the app asked "那退货呢？" together with "客户投诉多久内要响应？" and answered with the complaint clauses
    again; "那第四条呢" after "电商规章制度第七条…" cited 第七条 beside 第四条."""
    from assistant.answer import answer, in_context

    r = _retriever(seed_settings)
    assert in_context(r, follow_up, previous) == asked
    if follow_up == "那第四条呢":
        assert [c.label for c in answer(r, asked).citations] == ["《电商规章制度》第四条"]
    if follow_up == "第十三条呢？":
        got = answer(r, asked)
        assert got.status == "not_found" and "所指文件中没有 第13条" in got.answer
    if follow_up == "那退货呢？":
        assert all("退" in c.text for c in answer(r, asked).citations)


SANCTIONING_LAW = (
    "第十九条 电子商务经营者搭售商品或者服务，应当以显著方式提请消费者注意，不得将搭售商品或者服务作为默认同意的选项。\n\n"
    "第二十一条 电子商务经营者按照约定向消费者收取押金的，应当明示押金退还的方式、程序，不得对押金退还设置不合理条件。\n\n"
    "第七十六条 电子商务经营者违反本法规定，有下列行为之一的，由市场监督管理部门责令限期改正，可以处一万元以下的罚款，"
    "对其中的电子商务平台经营者，依照本法第八十一条第一款的规定处罚：\n\n（一）未在首页显著位置公示营业执照信息的；\n\n"
    "（二）未明示用户注销的方式、程序的。\n\n"
    "第七十七条 电子商务经营者违反本法第十八条第一款规定提供搜索结果，或者违反本法第十九条规定，未以显著方式提请注意的，"
    "由市场监督管理部门责令限期改正，没收违法所得，可以并处五万元以上二十万元以下的罚款。\n\n"
    "第七十八条 电子商务经营者违反本法第二十一条规定，不及时退还押金的，由有关主管部门责令限期改正，可以处五万元以上"
    "二十万元以下的罚款。\n\n"
    "第八十一条 电子商务平台经营者违反本法规定，未在首页显著位置持续公示平台服务协议的，由市场监督管理部门责令限期改正，"
    "可以处二万元以上十万元以下的罚款。\n")


def test_the_provision_that_sanctions_a_duty_by_number_answers_what_its_breach_draws(tmp_path):
    """Before, "搭售…设为默认同意的选项，会有什么处罚？" cited 第十九条, the duty, alone: 第七十七条 "违反本法第十九条规定…
    的，…罚款" shares few of the question's words. A question about the duty is still answered by the duty alone."""
    from assistant.answer import answer

    r = _law_index(tmp_path, "某电商法", SANCTIONING_LAW)
    ans = answer(r, "搭售商品或者服务时设为默认同意的选项，会有什么处罚？")
    labels = [c.label for c in ans.citations]
    assert ans.status == "answered" and labels[:2] == ["《某电商法》第七十七条", "《某电商法》第十九条"], ans.answer
    assert "五万元以上二十万元以下的罚款[1]" in ans.answer
    ans = answer(r, "押金退还设置不合理条件，要承担什么法律责任？")
    assert [c.label for c in ans.citations][:2] == ["《某电商法》第七十八条", "《某电商法》第二十一条"], ans.answer
    duty = answer(r, "搭售的服务能不能默认勾选？")
    assert [c.label for c in duty.citations] == ["《某电商法》第十九条"], duty.answer
    # the article that says how a breach of 第八十一条 is sanctioned ("依照本法第八十一条…处罚") does not sanction it
    assert r.sanctions_of(r.by_key["a81"][0]) == []
    assert [c.label for c in r.sanctions_of(r.by_key["a19"][0])] == ["《某电商法》第七十七条"]


def test_a_company_sanction_of_an_article_by_number_answers_what_its_breach_draws(tmp_path):
    """Before, "直播时拿挑过的好果子展示、实际发普通货…会怎么罚？" cited 第七条, the duty, alone: 第二十二条 "违反第七条、
    第十一条规定的，平台扣除商家信用分12分，并取消其助农直播标签3个月" was read as no sanction (points named before their
    number, a label taken away), so not brought before the duty (blind probe P117)."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"助农直播带货管理规范.txt": (
        "助农直播带货管理规范\n第七条 直播间展示的样品应当与实际发货商品属于同一批次、同一规格。严禁使用精选样品展示而发出"
        "统货。\n第八条 主播应当如实介绍商品的产地和采摘时间。\n第十一条 商家不得虚构产地或者冒用地理标志。\n"
        "第二十二条 违反第七条、第十一条规定的，平台扣除商家信用分12分，并取消其助农直播标签3个月。\n"
        "第二十三条 违反第八条规定的，每次扣除信用分6分。\n")})
    ans = answer(r, "直播时拿挑过的好果子展示、实际发普通货，这属于违规吗？会怎么罚？")
    labels = [c.label for c in ans.citations]
    assert ans.status == "answered" and labels[:2] == ["《助农直播带货管理规范》第二十二条", "《助农直播带货管理规范》第七条"], \
        ans.answer
    assert [c.label for c in r.sanctions_of(r.by_key["a11"][0])] == ["《助农直播带货管理规范》第二十二条"]
    assert [c.label for c in r.sanctions_of(r.by_key["a8"][0])] == ["《助农直播带货管理规范》第二十三条"]


SERVICE_RULES = ("客服服务管理规定\n第一条 为规范客服服务，提升消费者满意度，制定本规定。\n"
                 "第五条 客服主管收到升级工单后，应当在4小时内联系消费者并提出解决方案。\n"
                 "第六条 客服接到电话投诉的，应当当场登记投诉人联系方式，并在2小时内转交投诉受理组。\n"
                 "第七条 投诉受理组应当在收到投诉后1个工作日内完成登记编号，并向投诉人发送受理回执。\n"
                 "第八条 仓库人员未按规定盘点库存的，每次扣减当月绩效分2分。\n")


def test_a_right_taken_away_answers_the_question_that_names_it(tmp_path):
    """"…累计扣满24分的，取消平台认证资格" is a sanction (a right taken away), and a penalty provision goes below the
    top k for a question that asks no consequence: "安装师傅一年里扣到多少分会被取消认证？" names one, and is answered by it
    (blind probe P110)."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"安装师傅上门服务行为准则.txt": (
        "安装师傅上门服务行为准则\n四、扣分规则\n（一）师傅迟到超过30分钟的，每次扣2分。\n"
        "（二）已认证师傅每年应当参加不少于4学时的复训，未按期复训的暂停接单。\n"
        "（三）师傅的认证资料发生变更的，应当在3个工作日内在平台更新。\n"
        "（四）师傅在一个自然年度内累计扣满24分的，取消平台认证资格。\n"
        "五、认证管理\n（一）师傅申请平台认证，应当提交身份证件和职业资格证书。\n（二）认证审核应当在5个工作日内完成。\n"
        "（三）认证师傅每年应当参加一次服务规范考试，考试不合格的应当补考。\n（四）认证有效期为一年，期满前30日应当申请续期。\n"
        "（五）师傅一年内被客户表扬3次以上的，平台应当给予奖励分5分。\n")})
    ans = answer(r, "安装师傅一年里扣到多少分会被取消认证？")
    assert ans.status == "answered" and [c.label for c in ans.citations][:1] == ["《安装师傅上门服务行为准则》四、（四）"], \
        ans.answer


def test_a_penalty_asked_where_no_clause_cited_says_any_consequence_is_not_found(tmp_path):
    """Before, "客服主管…超过4小时还没联系顾客，对主管有什么处罚？" was answered by the duty to call within 4小时, which sets
    no penalty (blind probes P88, P94, P95, P109, P111); asked beside another thing, the answer says the penalty is not
    set."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"客服服务管理规定.txt": SERVICE_RULES})
    ans = answer(r, "客服主管接到升级工单后超过4小时还没联系顾客，对主管有什么处罚？")
    assert ans.status == "not_found" and "处罚" in ans.answer, ans.answer
    assert [h.clause.label for h in ans.retrieved][:1] == ["《客服服务管理规定》第五条"]
    both = answer(r, "客服主管接到升级工单后多久要联系顾客？超时了会怎么处罚？")
    assert both.status == "answered" and [c.label for c in both.citations][:1] == ["《客服服务管理规定》第五条"], both.answer
    assert "问题还问了处罚" in both.notice
    fined = answer(r, "仓库人员没按规定盘点库存，会受到什么处罚？")
    assert fined.status == "answered" and [c.label for c in fined.citations] == ["《客服服务管理规定》第八条"], fined.answer


def test_a_time_asked_beside_another_thing_is_cited_from_its_own_acts_clause_with_the_other(tmp_path):
    """Before, "客服接到电话举报刷单后要做什么，受理组那边又要在多久内登记编号？" was not found: the clause on the call (its
    2小时 of 转交) covered more of the whole question than 第七条's 1个工作日 of 登记编号 (blind probe P119)."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"举报奖励办法.txt": (
        "刷单炒信举报奖励办法\n一、举报渠道\n1. 举报人可以通过客服热线、APP举报入口提交举报。\n"
        "2. 客服接到电话举报的，应当当场登记举报人联系方式、被举报店铺名称和主要线索，并在2小时内转交举报受理组。\n"
        "二、受理与核查\n1. 举报受理组应当在收到举报后1个工作日内完成登记编号，并向实名举报人发送受理回执。\n"
        "2. 核查结束后，举报受理组应当在3个工作日内将核查结果告知实名举报人。\n")})
    ans = answer(r, "客服接到电话举报刷单后要做什么，受理组那边又要在多久内登记编号？")
    labels = [c.label for c in ans.citations]
    assert ans.status == "answered" and {"《刷单炒信举报奖励办法》一、2.", "《刷单炒信举报奖励办法》二、1."} <= set(labels), ans.answer
    assert "1个工作日内完成登记编号" in ans.answer


def test_a_time_asked_of_a_verb_with_its_end_is_cited_from_its_acts_clause_past_a_purpose_article(tmp_path):
    """Blind probe P123: "包裹因为夹带违禁品被海关扣了，多久内要给买家把钱退掉？" was not found: 退掉 was looked for as it is,
    not as 退 ("办理全额退款"), and the purpose article, which shares more of the question, set the bar. And P125: "商家收到
    处罚通知觉得不公平，几天之内可以申诉？" was "资料中没有提到“觉得不公平”", a notice received read as one given to someone."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "海外直邮商品禁运与限运管理规定.txt": (
            "海外直邮商品禁运与限运管理规定\n第一条 为规范平台海外直邮业务，防止商家通过直邮渠道寄递国家禁止或者限制进境的"
            "物品，降低包裹被海关查扣、退运或者销毁的风险，保障消费者和平台的合法权益，根据海关有关规定，结合平台实际，"
            "制定本规定。\n第十七条 商家寄递禁运品导致包裹被海关查扣的，由商家承担全部退运费用及消费者损失。\n"
            "第十八条 因禁运品被海关查扣的订单，客服应当在得知查扣结果后48小时内为消费者办理全额退款。\n"),
        "进口商品商家违规处罚办法.txt": (
            "进口商品商家违规处罚办法\n1. 商家运营部应当在违规认定后2个工作日内向商家发送处罚通知。\n"
            "2. 商家对处罚有异议的，可以在收到通知之日起3个工作日内提交申诉材料。\n")})
    ans = answer(r, "包裹因为夹带违禁品被海关扣了，多久内要给买家把钱退掉？")
    assert ans.status == "answered" and [c.label for c in ans.citations][:1] == ["《海外直邮商品禁运与限运管理规定》第十八条"], \
        ans.answer
    ans = answer(r, "商家收到处罚通知觉得不公平，几天之内可以申诉？")
    assert ans.status == "answered" and "3个工作日内提交申诉材料" in ans.answer, ans.answer


def test_a_time_counted_from_an_event_or_held_in_a_case_is_not_of_the_act_they_name(tmp_path):
    """Blind probe P127: "商家出餐太慢害我超时了，这单也算我的吗？要是已经被扣了钱，多久之内能申诉？" cited "站长应当在收到申诉
    后2个工作日内完成初审…": 申诉 is the event its time counts from (and its heading's "4 申诉"), as "申诉成立的，平台须在3个
    工作日内退还已扣款项" holds in a case of it; the time of 申诉 is "…可以在订单完成后48小时内通过App发起申诉". And a
    question of yes or no beside the time asks another thing, whose words set no bar."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"配送超时考核及扣款细则.txt": (
        "配送超时考核及扣款细则\n2 超时判定\n2.3 有下列情形之一的，不计为骑手超时：\n2.3.1 商家出餐延迟超过10分钟的；\n"
        "2.3.2 顾客要求更改收货地址的。\n4 申诉\n4.1 骑手对超时判定有异议的，可以在订单完成后48小时内通过App发起申诉。\n"
        "4.2 站长应当在收到申诉后2个工作日内完成初审，并上传商家出餐记录、骑手定位轨迹等证据。\n"
        "4.3 申诉成立的，平台须在3个工作日内退还已扣款项，并恢复相应服务分。\n")})
    ans = answer(r, "商家出餐太慢害我超时了，这单也算我的吗？要是已经被扣了钱，多久之内能申诉？")
    assert ans.status == "answered" and ans.citations[0].label == "《配送超时考核及扣款细则》4.1", ans.answer
    ans = answer(r, "骑手提了申诉以后，站长多久要完成初审？")
    assert ans.status == "answered" and ans.citations[0].label == "《配送超时考核及扣款细则》4.2", ans.answer


def test_a_speed_asked_is_no_time_and_a_rate_asked_is_not_one_of_another_period(tmp_path):
    """Blind probe P127: "电动车送单的时候最快能骑多快？" was not found beside "电动自行车行驶速度不得超过每小时25公里", 多快
    read as a time; P129: "一级权限的接口一天累计最多可以调用多少次？" was answered by "…每个应用每秒上限100次", a rate per
    another period (no document sets one per day)."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "骑手交通安全管理规定.txt": (
            "骑手交通安全管理规定\n一、骑手应当佩戴安全头盔。\n二、电动自行车行驶速度不得超过每小时25公里。\n"
            "三、骑手发生交通事故的，应当在1小时内通过App上报。\n"),
        "接口调用权限管理办法.txt": (
            "接口调用权限管理办法\n1. 一级权限接口：每个应用每秒上限100次；\n2. 二级权限接口：每个应用每秒上限20次；\n"
            "3. 应用调用接口前应当取得商家授权。\n")})
    ans = answer(r, "电动车送单的时候最快能骑多快？")
    assert ans.status == "answered" and "25公里" in ans.answer, ans.answer
    assert answer(r, "一级权限的接口一天累计最多可以调用多少次？").status == "not_found"
    ans = answer(r, "二级权限的接口一秒钟最多能调多少次？")
    assert ans.status == "answered" and "20次" in ans.answer, ans.answer


def test_a_penalty_asked_of_an_act_told_brings_the_sanction_of_it_from_a_rule_another_names_short(tmp_path):
    """Blind probe P126: "客服要是拖着不给用户办取消，会被怎么处罚？" was "问题问的是处罚，检索到的条款都没有规定": the rules on
    cancelling came first, none sanctioned; the 指引's "发现拒绝或拖延办理取消的，按管理办法第十八条处理" names the other
    document short and unmarked, and its 第十八条 "客服人员违反第十四条规定拖延办理取消的，…扣减当月绩效分5分" sanctions the
    act the question tells (取消)."""
    from assistant.answer import _breach_sanctioned, answer
    from assistant.retrieve import Hit

    r = _docs_index(tmp_path, {
        "客服中心自动续费咨询与取消办理工作指引.txt": (
            "客服中心自动续费咨询与取消办理工作指引\n第三部分 取消续费办理\n1. 用户要求取消自动续费的，客服应当当场办理。\n"
            "2. 客服可以向用户介绍一次挽留优惠；用户明确拒绝的，不得再次推荐或变相劝说。\n"
            "3. 不得以取消续费为条件要求用户给予好评。\n第六部分 质检与考核\n"
            "1. 质检员每周抽检取消续费通话录音不少于50条。\n"
            "2. 发现挽留推荐超过一次的，扣减当事客服绩效分3分；发现拒绝或拖延办理取消的，按管理办法第十八条处理。\n"),
        "会员自动续费服务管理办法.txt": (
            "会员自动续费服务管理办法\n第十四条 用户申请取消自动续费的，客服应当即时办理，不得拖延。\n"
            "第十七条 因平台未履行续费提醒义务导致用户被扣费的，平台应当全额退还该期费用。\n"
            "第十八条 客服人员违反第十四条规定拖延办理取消的，每发现一次扣减当月绩效分5分；造成用户向市场监管部门投诉的，"
            "另处罚款200元。\n")})
    ans = answer(r, "客服要是拖着不给用户办取消，会被怎么处罚？")
    assert ans.status == "answered" and "绩效分5分" in ans.answer, ans.answer
    by_label = {re.sub(r"\s+", "", c.label): c for c in r.clauses}
    referring = by_label["《客服中心自动续费咨询与取消办理工作指引》第六部分质检与考核2."]
    assert [c.label for c in r.referred_sanctions(referring)] == ["《会员自动续费服务管理办法》第十八条"]
    # (where the clauses chosen sanction nothing, the sanction ranked lower that a clause refers to, of the act told, is
    # cited after the first; not one of another act, nor one no clause refers to)
    rule = Hit(by_label["《客服中心自动续费咨询与取消办理工作指引》第三部分取消续费办理2."], 0.02)
    sanction = Hit(by_label["《会员自动续费服务管理办法》第十八条"], 0.02, sanctions=referring.id)
    asked = "客服要是拖着不给用户办取消，会被怎么处罚？"
    assert _breach_sanctioned(asked, [rule], [rule, sanction], 3) == [rule, sanction]
    assert _breach_sanctioned("客服要是拖着不给用户办退款，会被怎么处罚？", [rule], [rule, sanction], 3) == [rule]
    unreferred = Hit(sanction.clause, 0.02)
    assert _breach_sanctioned(asked, [rule], [rule, unreferred], 3) == [rule]


def test_an_act_asked_whether_or_of_whom_that_no_document_says_is_not_found(tmp_path):
    """Blind probe P127: "骑手违章被交警罚的款，平台或者站点给不给报销？" was answered by the duty to report a fine, and
    "超时扣款申诉，站长初审完以后最终由哪个部门复审拍板？" by the 初审's time: no document says 报销 or 复审. An act asked
    whether or of whom, that none says nor a synonym, is not found; not one they say, nor one of a question that asks
    more, nor a verb with a complement the documents say their own way (发到)."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "骑手交通安全管理规定.txt": (
            "骑手交通安全管理规定\n一、骑手被交警处罚或被电子监控抓拍违章的，应当在24小时内主动向站点报备。\n"
            "二、站长应当在收到申诉后2个工作日内完成初审。\n三、骑手的装备不得转让给他人。\n"
            "四、冷冻商品不得发货至配送时长超过48小时的地区。\n")})
    ans = answer(r, "骑手违章被交警罚的款，平台或者站点给不给报销？")
    assert ans.status == "not_found" and "“报销”" in ans.answer, ans.answer
    ans = answer(r, "超时扣款申诉，站长初审完以后最终由哪个部门复审拍板？")
    assert ans.status == "not_found" and "“复审”" in ans.answer, ans.answer
    assert answer(r, "骑手的装备能不能转让给别人？").status == "answered"
    assert answer(r, "冷冻商品能不能发到很远的地方？").status == "answered"
    assert answer(r, "骑手的装备能不能卖给收旧货的？").status == "answered"  # (卖: a verb of one character)
    ans = answer(r, "骑手违章被罚了要多久内报备？平台给不给报销？")
    assert ans.status == "answered" and "24小时" in ans.answer, ans.answer


def test_a_policy_named_by_its_days_states_no_time_of_another_act(tmp_path):
    """Blind probe P128: "衣服有质量问题退回来，商家得多久把运费补给买家？最多补多少？" cited the 典型情形 whose "申请七天无理由
    退货" read as the time asked, and never "商家须在确认收到退货后48小时内将运费补偿至买家账户…最高不超过30元" (补给 is
    the rules' 补偿). The name of the 7-day policy states a time only where the question asks of it."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"商家退货运费承担细则.md": (
        "# 商家退货运费承担细则\n\n## 三、商家义务\n\n1. 因商品质量问题导致退货的，退货运费由商家承担。\n"
        "2. 属于商家责任的退货，商家须在确认收到退货后48小时内将运费补偿至买家账户，最高不超过30元。\n\n"
        "## 六、典型情形说明\n\n- 情形一：买家购买的羽绒服收到后发现开线，申请退货退款。该情形属于质量问题，退货运费由商家"
        "承担。\n- 情形二：买家不喜欢款式，申请七天无理由退货，商家未投保运费险。该情形退货运费由买家自行承担。\n")})
    ans = answer(r, "衣服有质量问题退回来，商家得多久把运费补给买家？最多补多少？")
    assert ans.status == "answered" and "48小时" in ans.citations[0].text, ans.answer


def test_a_sanction_referred_to_another_law_brings_that_laws_provision_for_the_breach(tmp_path):
    """Before, "没有明码标价会被怎么处罚？" was answered by the rule's referral "…依照《某价格法》…进行处罚"; 某价格法第四十二条,
    which sets the fine for that breach, ranked 12th. A rule's duty on a matter is sanctioned by the article that names
    the matter's breach ("违反本规定有关明码标价规定的"), not only by one that names the duty's number."""
    r = _docs_index(tmp_path, {
        "某标价规定.md": "# 某标价规定\n\n第五条 经营者销售商品和提供服务时，应当按照规定明码标价。\n\n"
                      "第六条 经营者不得在标价之外加价出售商品。\n\n"
                      "第二十二条 经营者违反本规定有关明码标价规定的，由市场监督管理部门依照《中华人民共和国某价格法》等法律进行处罚。\n\n"
                      "第二十六条 经营者违反本规定，但能够主动消除或者减轻危害后果的，依法从轻或者减轻处罚。\n",
        "某处罚办法.md": "# 某处罚办法\n\n第一条 为了规范明码标价行为，制定本办法。\n\n第五条 经营者不得在商品中掺杂、掺假。\n\n"
                       "第十四条 经营者有本办法第五条规定的情形的，依照《中华人民共和国某价格法》第四十条予以处罚。\n\n"
                       "第十五条 经营者违反本办法有关规定的，依照《中华人民共和国某价格法》的规定处罚。\n\n"
                       "第十六条 经营者违反本办法有关价格公示规定的，依照《中华人民共和国某价格法实施细则》的规定处罚。\n\n"
                       "第十七条 经营者应当进行价格公示。\n",
        "某价格法.md": "# 中华人民共和国某价格法\n\n第十三条 经营者销售商品，应当明码标价，注明商品的品名、价格。\n\n"
                     "第四十条 经营者有哗众取宠行为的，责令改正，可以处一万元以下的罚款。\n\n"
                     "第四十二条 经营者违反明码标价规定的，责令改正，没收违法所得，可以并处五千元以下的罚款。\n\n"
                     "第四十五条 地方各级人民政府违反本法规定的，责令改正。\n",
    })
    duty = {c.document: c for c in r.by_key["a5"]}["某标价规定"]
    assert "明码标价" in duty.text
    assert [c.label for c in r.sanctions_of(duty)] == ["《某标价规定》第二十二条"]
    assert [c.label for c in r.referred_sanctions(r.sanctions_of(duty)[0])] == ["《中华人民共和国某价格法》第四十二条"]
    assert r.referred_sanctions(duty) == [] and [c.label for c in r.sanctions_of({c.document: c for c in r.by_key["a6"]}["某标价规定"])] == []
    # (the review's) an article named is brought; a generic breach ("违反本办法有关规定的") names no matter, a title not held
    # no law (not the one its name starts with); a clause that states no duty takes no sanction by its words (第一条)
    first = {c.document: c for c in r.by_key["a14"]}["某处罚办法"]
    assert [c.label for c in r.referred_sanctions(first)] == ["《中华人民共和国某价格法》第四十条"]
    for n in ("a15", "a16"):
        assert r.referred_sanctions({c.document: c for c in r.by_key[n]}["某处罚办法"]) == []
    purpose = {c.document: c for c in r.by_key["a1"]}["某处罚办法"]
    assert "明码标价" in purpose.text and r.sanctions_of(purpose) == []
    labels = [h.clause.label for h in r.search("网店没有明码标价，会被怎么处罚？", 5)]
    assert "《中华人民共和国某价格法》第四十二条" in labels[:4], labels
    assert "《某标价规定》第二十二条" in labels[:3], labels
    # a provision that only lessens a penalty comes after those that set one, unless the question asks for less
    assert labels.index("《某标价规定》第二十六条") > labels.index("《中华人民共和国某价格法》第四十二条"), labels
    assert "《某标价规定》第二十六条" in [h.clause.label for h in r.search("网店没有明码标价，能不能从轻处罚？", 3)]
    from assistant.answer import answer

    ans = answer(r, "网店没有明码标价，会被怎么处罚？")  # the fine is cited where the referral is, whatever words it shares
    cited = [c.label for c in ans.citations]
    assert "可以并处五千元以下的罚款" in ans.answer and {"《某标价规定》第二十二条", "《中华人民共和国某价格法》第四十二条"} <= set(
        cited), ans.answer


def test_an_amount_stated_in_the_lead_in_of_a_sanctioned_breach_answers_how_much(tmp_path):
    """Before, "网店首页没有公示营业执照，罚多少？" was not found: the item cited states no amount; its lead-in does."""
    from assistant.answer import answer

    r = _law_index(tmp_path, "某电商法", SANCTIONING_LAW)
    ans = answer(r, "网店首页没有公示营业执照，罚多少？")
    assert ans.status == "answered", ans.answer
    assert "可以处一万元以下的罚款" in ans.answer and "未在首页显著位置公示营业执照信息的" in ans.answer


@pytest.mark.parametrize("text, articles", [
    ("第七十七条 电子商务经营者违反本法第十八条第一款规定提供搜索结果，或者违反本法第十九条规定搭售商品、服务的，"
     "由市场监督管理部门责令限期改正。", {18, 19}),
    ("第十四条 经营者有本办法第五条至第十一条规定的情形之一，其他法律、法规有规定的，依照法律、法规的规定执行；"
     "法律、法规未作规定的，由市场监督管理部门依照《消费者权益保护法》第五十六条予以处罚。", set(range(5, 12))),
    ("第五十九条 网络运营者不履行本法第二十一条、第二十五条规定的网络安全保护义务的，由有关主管部门责令改正，给予警告。", {21, 25}),
    # a duty that names another article sanctions nothing
    ("第三十条 个人信息处理者处理敏感个人信息的，除本法第十七条第一款规定的事项外，还应当向个人告知处理的必要性。", set()),
    ("第七十六条 …有下列行为之一的，由市场监督管理部门责令限期改正，可以处一万元以下的罚款，对其中的电子商务平台经营者，"
     "依照本法第八十一条第一款的规定处罚：", set()),
    # (a company's: what a partner's contract or an employee's draws; probe P18's "达人在直播里喊“全网最低价”…公司会怎么处罚
    # 他？" cited 第十二条's item alone)
    ("第二十一条 达人违反本规定第十二条的，公司有权暂停合作并扣除当期佣金的20%作为违约金；情节严重的，公司有权解除合作协议，"
     "并将其列入合作黑名单。", {12}),
    ("第九条 员工违反本制度第三条的，予以辞退。", {3}),
    # (or an article named bare: probe P82's "…私下用聊天软件把卡密发给买家，平台怎么罚？" cited 第九条, the ban)
    ("第十六条 商家违反第九条规定私下发送卡密的，每次扣6分，并处违约金1000元；造成买家损失的，商家应当全额赔偿。", {9}),
    ("第十七条 违反《某某法》第九条规定的，依照该法处罚。", set()),  # (another's article)
    ("第十条 商家违反本规则第四条的，应当支付违约金。", set()),  # (a duty to pay, no sanction the rule lays)
])
def test_sanctioned_articles_are_the_breaches_a_penalty_names(text, articles):
    from assistant.provisions import sanctioned_articles
    from ingest.records import Clause

    assert sanctioned_articles(Clause("x/a1", "x", "某法", "《某法》第一条", (), text)) == articles


def test_an_item_of_a_penalty_list_sanctions_the_articles_it_names():
    """Probe P29: "…写“行业最佳”“最高级品质”…被查到大概罚多少？" cited no fine of 广告法: 第五十七条's items name the
    articles whose breach its lead-in fines ("（一）发布有本法第九条、第十条规定的禁止情形的广告的"), and were read alone."""
    from assistant.provisions import sanctioned_articles
    from ingest.records import Clause

    lead = Clause("x/a57", "x", "某法", "《某法》第五十七条", (), "第五十七条 有下列行为之一的，由市场监督管理部门责令停止发布广告，"
                  "对广告主处二十万元以上一百万元以下的罚款：")
    item = Clause("x/a57/i1", "x", "某法", "《某法》第五十七条（一）", (), "（一）发布有本法第九条、第十条规定的禁止情形的广告的；",
                  parent_id="x/a57")
    assert sanctioned_articles(item, lead) == {9, 10}
    assert sanctioned_articles(item) == set()  # (alone it fines nothing)
    duty = Clause("x/a30", "x", "某法", "《某法》第三十条", (), "第三十条 经营者应当遵守下列规定：")
    assert sanctioned_articles(Clause("x/a30/i1", "x", "某法", "《某法》第三十条（一）", (), "（一）遵守本法第九条的规定；",
                                      parent_id="x/a30"), duty) == set()


@pytest.mark.parametrize("question,label", [
    ("DB33/T 932 是哪个部门牵头提出来的？", "《DB33/T 932—2014 电子商务企业管理与服务规范》前言"),
    ("电商规章管理制度里说的线上销售渠道企业也管得到吗？", "《电商规章管理制度》第二条"),
])
def test_a_question_that_names_a_document_is_scored_in_meaning_against_its_clauses(seed_settings, question, label):
    """The dense search is made within the named documents: with the rest of the knowledge base crowding the
    nearest vectors (here a narrow candidate list stands for a large base: with the 14 e-commerce laws beside the
    seed, "DB33/T 932 是哪个部门牵头提出来的" was refused), the named document's clauses had no similarity at all."""
    from assistant.answer import answer

    narrow = seed_settings.model_copy(deep=True)
    narrow.retrieval.candidates = 5
    r = _retriever(narrow)
    hits = r.search(question)
    assert all(h.clause.document == label[1:label.index("》")] for h in hits)
    assert all(h.dense > 0 for h in hits)  # each scored by meaning too, not by its words alone
    assert hits[0].clause.label == label
    assert answer(r, question).status == "answered"


def test_staff_words_for_a_lost_laptop_find_the_rule_on_a_lost_terminal(tmp_path):
    """Probe P22: "公司笔记本丢了，最晚多久要上报？" was not found ("检索到的条款与问题关系不大"), the rule "办公终端丢失或者被盗
    的，员工应当在发现后1小时内报告信息技术部" second: 笔记本 is said 办公终端 or 电脑 by the rules, 丢 丢失 or 遗失
    (assistant/thesaurus.txt)."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"员工信息安全守则.txt": (
        "员工信息安全守则\n第七条 员工离开工位超过5分钟的，应当锁定电脑屏幕。\n第八条 员工不得私自架设无线热点。\n"
        "第九条 远程办公期间使用的个人电脑须事先安装终端管理客户端。\n第十条 办公终端丢失或者被盗的，员工应当在发现后1小时内"
        "报告信息技术部。\n第十一条 涉密文件不得通过个人邮箱对外发送。\n"), "考勤制度.txt": "考勤制度\n第一条 员工应当按时打卡。\n"})
    a = answer(r, "公司笔记本丢了，最晚多久要上报？")
    assert a.status == "answered" and "1小时内报告信息技术部" in a.citations[0].text, a.answer


def test_a_time_limit_asked_is_found_below_the_candidates(seed_settings):
    """With the 14 e-commerce laws beside the seed, the clause that says "24小时内做出响应" was in neither retriever's
    candidates for "客户投诉了多久之内要回？", which was answered "所引条款没有规定具体时限": a narrow candidate list
    stands for the large base here. The time asked is looked for in a search four times as deep."""
    from assistant.answer import answer

    narrow = seed_settings.model_copy(deep=True)
    narrow.retrieval.candidates = 5
    r = _retriever(narrow)
    q = "客户投诉了多久之内要回？"
    assert not any("24小时" in h.clause.text for h in r.search(q, 40))
    a = answer(r, q)
    assert a.status == "answered" and "24小时内做出响应" in a.citations[0].text
    assert "24小时" in a.retrieved[0].clause.text and not a.notice


@pytest.mark.parametrize("question", ["能不能加载第三方脚本？", "客户投诉多久内要响应？", "退货运费谁出？"])
def test_each_hit_carries_its_similarity_found_by_words_or_missed_by_the_approximate_index(seed_settings, question):
    """A clause the dense candidates lack (BM25 found it, or the HNSW search missed it, as it did on one machine of
    two) is scored from its own vectors: a narrow candidate list stands for the miss. Whether a question is answered
    is judged on the hits closest in meaning, and one scored 0 was judged on the next ones."""
    narrow = seed_settings.model_copy(deep=True)
    narrow.retrieval.candidates = 5
    wide = seed_settings.model_copy(deep=True)
    wide.retrieval.candidates = 400  # (the whole seed: its HNSW search, ef 500, sees every vector)
    r, every = _retriever(narrow), _retriever(wide)
    got = r.search(question, 10)
    exact = {h.clause.id: h.dense for h in every.search(question, 400)}
    assert len(got) >= 5 and all(h.dense > 0.5 for h in got)
    for h in got:
        assert h.dense == pytest.approx(exact[h.clause.id], abs=1e-4), h.clause.label


def test_a_small_knowledge_base_is_searched_exactly_and_a_large_one_through_hnsw(seed_settings, monkeypatch):
    """The HNSW graph is rebuilt from Chroma's log in no fixed order each time an index is opened (a clause ranked first
    was missing from its result on the CI machine): a knowledge base of up to EXACT_UP_TO vectors is searched over all
    its vectors in memory, with the cosine the graph would give, and without the graph."""
    import numpy as np

    import assistant.retrieve as retrieve

    r = _retriever(seed_settings)
    q = "能不能加载第三方脚本？"
    qv = r.embedder.embed_query(q)
    monkeypatch.setattr(r.collection, "query", lambda *a, **kw: pytest.fail("HNSW searched"))
    exact = r.dense(q, 20)
    got = r.collection.get(ids=[vid for d in r.documents for vid in r._vector_ids(d)], include=["embeddings"])
    m = np.asarray(got["embeddings"], dtype=np.float32)
    sims = m @ np.asarray(qv) / (np.linalg.norm(m, axis=1) * np.linalg.norm(qv))
    best: dict[str, float] = {}
    for vid, sim in zip(got["ids"], sims):
        cid = r.vid_to_id[retrieve.clause_vector_id(vid)]
        best[cid] = max(best.get(cid, -1.0), float(sim))
    top = sorted(best.items(), key=lambda x: -x[1])[:20]
    assert [cid for cid, _ in exact] == [cid for cid, _ in top]
    assert [s for _, s in exact] == pytest.approx([s for _, s in top], abs=1e-5)
    monkeypatch.undo()
    monkeypatch.setattr(retrieve, "EXACT_UP_TO", 10)  # a large one: the graph (its query is asked)
    asked = []
    real = r.collection.query
    monkeypatch.setattr(r.collection, "query", lambda *a, **kw: asked.append(1) or real(*a, **kw))
    assert [cid for cid, _ in r.dense(q, 5)] == [cid for cid, _ in top[:5]] and asked


def test_named_documents_vectors_are_fetched_once_and_kept_within_a_bound(seed_settings, monkeypatch):
    import assistant.retrieve as retrieve

    r = _retriever(seed_settings)
    calls = []
    real_get = r.collection.get
    monkeypatch.setattr(r.collection, "get", lambda *a, **kw: calls.append(kw) or real_get(*a, **kw))
    q = "DB33/T 932 是哪个部门牵头提出来的？"
    first = r.search(q)
    assert len(calls) == 1 and r.search(q) == first and len(calls) == 1  # the second time from memory
    kept, _ = r._named_vectors
    ids, unit = kept["DB33/T 932—2014 电子商务企业管理与服务规范"]
    assert unit.shape[0] == len(ids) > 10 and abs(float((unit[0] ** 2).sum()) - 1) < 1e-4
    monkeypatch.setattr(retrieve, "NAMED_VECTORS_KEPT", 1)  # over the bound: the older document goes
    r.search("电商规章管理制度对违规企业怎么处罚？")
    assert list(kept) == ["电商规章管理制度"]


@pytest.mark.parametrize("question, rule, before", [
    # the clause that shares its words (营销, 上班时间) says neither yes nor no; the rule was second
    ("平台能不能把会员的手机号打包卖给合作方做营销？", "不得泄露、出售", "营销手段"),
    ("上班时间刷视频、打两把游戏，或者有朋友来公司找我坐坐，公司管不管？", "不准会客", "上班时间适适当调整"),
])
def test_a_question_whether_an_act_is_allowed_is_answered_by_the_rule_that_forbids_it(seed_settings, question, rule,
                                                                                       before):
    from assistant.answer import answer

    r = _retriever(seed_settings)
    got = answer(r, question)
    assert got.status == "answered" and rule in got.citations[0].text
    ranked = [h.clause.text for h in r.search(question.replace("能不能", "").replace("管不管", "怎么管"), 3)]
    assert before in ranked[0] and any(rule in t for t in ranked[1:])  # asked otherwise, the order is the fused one


def test_a_question_whether_an_act_is_allowed_cites_the_rules_alone(seed_settings):
    """"上班时间能打私人电话吗？" cited "早上上班时间适适当调整" beside the rule that forbids it, which says neither."""
    from assistant.answer import answer

    got = answer(_retriever(seed_settings), "上班时间能打私人电话吗？")
    assert [c.label.rpartition("》")[2] for c in got.citations] == ["一、（三）"] and "禁止拨打私人电话" in got.answer


@pytest.mark.parametrize("text, parent, rules", [
    ("（三）使用“国家级”、“最高级”、“最佳”等用语；", "广告不得有下列情形：", True),  # its lead-in forbids
    ("企业应当运用多种营销手段，包括搜索引擎优化、社交媒体营销等。", None, False),
    ("消费者有权要求经营者提供商品的价格、产地。", None, True),
    # a probe's coupon rule ("一个订单能不能同时用两张店铺券？" was answered by another document's clause that said 可以)
    ("每笔订单仅可使用一张店铺券，店铺券与平台券不可叠加使用。", None, True),
    ("因不可抗力造成的延迟发货，企业应及时告知用户。", None, False),
    # a lead-in that says what is not done for its items rules on them ("积分不可转让" was put before this item)
    ("（二）运费、虚拟商品及话费充值类订单；", "下列情形不发放积分：", True),
    ("（二）外包装破损的商品；", "以下是不合格商品的示例：", False),  # what they are, not what is not done for them
    ("发生不可预见的情况时，企业应及时告知用户。", None, False),
    # what a business does not offer, or offers, rules on it too (probe K: "保税仓发的跨境商品能七天无理由退吗？" and
    # "晚上十一点未成年人还能给主播打赏吗？" had the answering clause first, and put another's 不得 before it)
    ("（一）保税仓发货的跨境商品支持七日无理由退货，退货运费由商家承担。", None, True),
    ("（三）每日22:00至次日8:00不提供直播打赏服务。", None, True),
    ("客服中心不受理超过90日的投诉。", None, True),
    ("国家支持电子商务发展。", None, False),  # the state's policy, no rule on an act asked
    ("国家鼓励和支持电子商务新业态发展。", None, False), ("县级以上地方各级人民政府应当支持电子商务发展。", None, False),
    ("对其主张，人民法院应予支持。", None, False), ("国有不可移动文物的保护应当遵循文物保护原则。", None, False),
    ("企业应当为客户提供技术支持和培训。", None, False),
])
def test_a_rule_forbids_or_permits_by_its_words_or_its_lead_in(text, parent, rules):
    from assistant.provisions import states_rule
    from ingest.records import Clause

    lead = Clause("x/h1", "x", "某法", "《某法》第九条", (), parent) if parent else None
    assert states_rule(Clause("x/i3", "x", "某法", "《某法》第九条（三）", (), text), lead) is rules


def test_cli_refuses_a_question_beside_a_batch_and_an_empty_kb_name(tmp_path):
    f = tmp_path / "q.jsonl"
    f.write_text('{"id": 1, "question": "退货政策是什么？"}\n', encoding="utf-8")
    res = _cli("ask", "退货", "--batch", str(f), "--json")  # the question was dropped without a word
    assert res.exit_code == 2 and "只能给一个" in res.output
    res = _cli("docs", "--kb", "")  # the default base was used without a word
    assert res.exit_code == 2 and "--kb 不能为空" in res.output


@pytest.mark.parametrize("question", [
    "平台怎么从源头上防假货？平台规范和平台管理办法分别怎么写的？",  # the second document's clause ranked second
    "货发出去以后，要不要主动告诉客户？电子商务与客户服务管理制度和电子商务平台管理办法怎么说的？",  # not in the top 12
])
def test_a_question_that_names_two_documents_is_answered_from_each(seed_settings, question):
    from assistant.answer import answer

    r = _retriever(seed_settings)
    named = r.mentions(question)[0]
    got = answer(r, question)
    assert len(named) == 2 and {c.document for c in got.citations} == named, [c.label for c in got.citations]
    assert all(f"[{c.n}]" in got.answer for c in got.citations)


@pytest.mark.parametrize("item, cited_with_lead", [
    ("（四）经组织调解，投诉人或者被投诉人明确表示无法达成调解协议的；", True),  # a case: its lead-in says what follows
    ("（五）自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议的。", True),
    ("（二）调解应当在受理之日起四十五个工作日内完成；", False),  # a rule of its own
])
def test_an_item_that_names_a_case_is_cited_with_its_lead_in(item, cited_with_lead):
    from assistant.provisions import binding_item
    from ingest.records import Clause

    lead = Clause("x/a21", "x", "某办法", "《某办法》第二十一条", (), "第二十一条 有下列情形之一的，终止调解：")
    assert binding_item(Clause("x/a21/i4", "x", "某办法", "《某办法》第二十一条（四）", (), item, parent_id="x/a21"),
                        lead) is cited_with_lead


@pytest.mark.parametrize("lead, cited_with_lead", [
    # what its lead-in says the items are (a staff probe's answer was "经营者有证据足以证明没有主观故意[1]" alone)
    ("第二十一条 有下列情形之一的，不属于第十九条规定的价格欺诈行为：", True),
    ("第九条 经营者有下列情形之一的，视为故意拖延或者无理拒绝：", True),
    # or that they are excepted ("定制的东西能退吗？" was answered "定制类商品[1]。")
    ("第三条 消费者自签收商品之日起七日内，可申请无理由退货，但下列商品除外：", True),
    ("第二十一条 调解的程序如下：", False),  # a list that only goes on
    ("第八条 权利人可以采取下列方式制止侵权行为：", False),  # (the review's: 为 of 行为, 是 of 是否 said nothing)
    ("第九条 检查下列事项是否符合要求：", False),
])
def test_an_item_its_lead_in_says_what_it_is_is_cited_with_it(lead, cited_with_lead):
    from assistant.provisions import binding_item
    from ingest.records import Clause

    parent = Clause("x/a21", "x", "某规定", "《某规定》第二十一条", (), lead)
    item = Clause("x/a21/i1", "x", "某规定", "《某规定》第二十一条（一）", (), "（一）经营者有证据足以证明没有主观故意；",
                  parent_id="x/a21")
    assert binding_item(item, parent) is cited_with_lead


def test_citations_are_numbered_in_the_order_they_are_read(seed_settings):
    """Statements are grouped by document, so a document's second clause read "…[1]；…[3]。" above "《B》：…[2]。"; the
    numbers now follow the reading order, and each citation keeps its number's clause."""
    from assistant.answer import answer
    from eval.sets import builtin

    r = _retriever(seed_settings)
    checked = 0
    for q in (q for q in builtin("seed").questions if q.kind == "multi"):  # (the ones citing several documents)
        ans = answer(r, q.question)
        said = [int(n) for n in re.findall(r"\[(\d+)\]", ans.answer)]
        assert said == list(range(1, len(said) + 1)) and [c.n for c in ans.citations] == said, (q.question, ans.answer)
        for c, line in ((c, next(x for x in ans.answer.splitlines() if f"[{c.n}]" in x)) for c in ans.citations):
            assert line.startswith(f"《{c.document}》"), (q.question, c.label, line)
        checked += len(said) > 2
    assert checked >= 10


def test_a_group_standard_is_named_by_its_code(tmp_path):
    """A group standard's code (T/ZJEC 018) named the document no more than any other words: its 2.1 and every other
    document's 2.1 were alike."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "tzjec.txt": (
            "T/ZJEC 018—2024\n网络零售商品退换货服务规范\n1 范围\n本文件规定了网络零售商品退换货服务要求。\n2 服务要求\n"
            "2.1 经营者应在收到退货申请后24 h内响应。\n2.2 经营者不应要求消费者说明理由。\n"),
        "db.txt": (
            "DB33/T 2024—2024\n直播电商服务规范\n1 范围\n本文件规定了直播电商服务的要求。\n2 要求\n2.1 主播应持证上岗。\n"
            "2.2 直播间应公示退货规则。\n"),
    })
    ans = answer(r, "T/ZJEC 018 的 2.1 是怎么规定的？")
    assert [c.label for c in ans.citations] == ["《T/ZJEC 018—2024 网络零售商品退换货服务规范》2.1"], ans.answer


def test_a_how_long_question_answered_by_clauses_that_set_no_time_says_so(seed_settings):
    """"客户满意度调查多久搞一次？" was answered by "定期开展客户满意度调查" as if that were a frequency; the answer stays
    (the rule exists), with a notice that it sets none. A clause that states a time gets no notice."""
    from assistant.answer import answer

    r = _retriever(seed_settings)
    ans = answer(r, "客户满意度调查多久搞一次？")
    assert ans.status == "answered" and "定期开展客户满意度调查" in ans.answer
    assert ans.notice == "问题问的是“多久”，所引条款没有规定具体频率，只说“定期”"
    stated = answer(r, "员工请假要提前多久说？")
    assert "提前一天" in stated.answer and stated.notice == ""


def test_a_law_question_in_trade_words_finds_the_article_in_the_laws_words(tmp_path):
    """The traders' words of a law-question probe (经销商, 厂家, 种草, 标签, 个性化推荐) are in thesaurus groups with the
    laws' (销售者, 生产者, 广告, 标识, 个人特征): without them "经销商能不能让顾客直接去找厂家？" found 产品质量法 第四十七条
    (disputes) first, not 第四十条 (the seller repairs, replaces, refunds, and recovers from the producer)."""
    from tests.conftest import laws_or_skip

    law = next(laws_or_skip().glob("*/产品质量法*.md"))
    r = _law_index(tmp_path, "中华人民共和国产品质量法", law.read_text(encoding="utf-8").split("<!-- INFO END -->")[-1])
    question = "经销商能不能让顾客直接去找厂家？"
    assert {"销售者", "生产者"} <= set(r.expansion(question))
    assert r.search(question, 1)[0].clause.label.startswith("《中华人民共和国产品质量法》第四十条")
    off = r.settings.model_copy(deep=True)
    off.retrieval.expansion_weight = 0
    assert not _retriever(off).search(question, 1)[0].clause.label.startswith("《中华人民共和国产品质量法》第四十条")


@pytest.mark.parametrize("question, named", [
    ("平台交易记录要存几年？消保法和上海的规定一样吗？", {"中华人民共和国消费者权益保护法", "上海市促进电子商务发展规定"}),
    ("大数据杀熟，浙江的条例怎么说？", {"浙江省电子商务条例"}),
    ("退货退款，浙江的办法怎么说？", {"浙江省实施《中华人民共和国消费者权益保护法》办法"}),
    ("浙江的地方性法规对大数据杀熟怎么规定？", {"浙江省电子商务条例", "浙江省实施《中华人民共和国消费者权益保护法》办法"}),
    ("在上海开网店要注意什么？", set()),  # a place alone names no document
    # "规定" may be the verb or any rule: every document of the place (it was the titles that end in 规定 alone)
    ("退货退款，浙江的规定怎么说？", {"浙江省电子商务条例", "浙江省实施《中华人民共和国消费者权益保护法》办法"}),
])
def test_a_local_regulation_is_named_by_its_place_and_kind(short_laws, question, named):
    """"上海的规定" and "浙江的条例" named no document (only a province's standards were named so): "…电子商务法和上海的
    规定一样吗？" cited the national law alone (laws recall@5 0.804 → 0.824 with the next change)."""
    assert short_laws.mentions(question)[0] == named


def test_several_asked_of_one_named_document_searches_with_the_whole_question(short_laws):
    """"国家法律和浙江的条例分别怎么说？" searches the whole base and cites the named one's best beside the best of all; its
    search kept the place's words out ("浙江的条例" taken from the question), which pushed the regulation's clauses
    down (laws MRR 0.739 → 0.733 once 浙江的条例 was a name; unchanged with the whole question)."""
    from assistant.answer import answer

    q = "同一商品给老用户报价比新用户高，国家法律和浙江的条例分别怎么说？"
    assert short_laws.mentions(q)[0] == {"浙江省电子商务条例"}
    assert "浙江省电子商务条例" in {h.clause.document for h in short_laws.search(q, 2)}  # (not in the top 4 without 浙江)
    assert "浙江省电子商务条例" in {c.document for c in answer(short_laws, q).citations}


@pytest.mark.parametrize("question, scope", [
    ("我们是第三方平台，网站首页到底要挂哪些东西？", "第三方平台型"), ("作为交易型企业，客服有什么要求？", "交易型"),
    ("支撑服务型企业要做哪些事？", "支撑服务型"),
    # what the asker says it does, in everyday words (a held-out probe's "我们自己做网店卖货，…" cited 5.2.2.2, the
    # platforms' rule): selling its own goods, on a platform too, is 交易型; running the platform is 第三方平台型
    ("我们在第三方平台上开店，首页要挂营业执照吗？", "交易型"), ("我们自己做网店卖货，官网首页得亮出哪些证照？", "交易型"),
    ("我们做平台，商家入驻要审核什么？", "第三方平台型"), ("我们公司是做代运营的，要注意什么？", "支撑服务型"),
    ("我们是做电商平台的，客服制度有什么要求？", "第三方平台型"),
    ("我们平台上的商家卖假货怎么办？", None), ("我们店长要做什么？", None), ("网店卖货要公示什么？", None),
    ("我们不是第三方平台企业，要审核商家吗？", None), ("网站首页要挂哪些东西？", None),
    # the review's: two types compared, or one the asker says it is not
    ("交易型企业和第三方平台企业在网站首页上要公示的内容有什么区别？", None),
    ("我们不属于第三方平台企业，网站首页要挂哪些东西？", None), ("我们并非交易型企业，要做什么？", None),
    # (a second review's) what the asker says it is, whatever else it names; 非 denies it
    ("我们是交易型企业，也在第三方平台上开店，需要注意什么？", "交易型"),
    ("我们是第三方平台，平台上的交易型商家出了问题我们要担责吗？", "第三方平台型"), ("我们是非交易型企业，要做什么？", None),
])
def test_the_enterprise_type_a_question_is_asked_for(question, scope):
    from assistant.checklist import asked_scope

    assert asked_scope(question)[0] == scope


@pytest.mark.parametrize("question, first", [
    ("我们是第三方平台，网站首页到底要挂哪些东西？营业执照那些要不要放上去？", "5.2.2.2"),  # was fourth
    ("我们是交易型企业，网站首页到底要挂哪些东西？", "5.2.1.2"),  # 5.2.2.2, a platform's, was first
    ("我们自己做网店卖货，官网首页得亮出哪些证照和联系方式？", "5.2.1.2"),  # (a held-out probe's, in everyday words)
])
def test_a_question_asked_for_an_enterprise_type_finds_that_types_requirement_first(seed_settings, question, first):
    """A staff probe's S02: DB33/T 932 sets a requirement for each type (5.2.1 交易型, 5.2.2 第三方平台型, 5.2.3 支撑服务型);
    one for another type is none for the asker."""
    r = _retriever(seed_settings)
    hits = r.search(question, 5)
    assert hits[0].clause.label.endswith(first)
    other = {"5.2.2.2": "5.2.1.", "5.2.1.2": "5.2.2."}[first]
    assert not any(other in h.clause.label for h in hits)


def test_an_appendix_the_documents_do_not_hold_is_not_found(seed_settings, tmp_path):
    """A staff probe's "DB33/T 932附录B里…的评价指标具体有哪些？" was answered by 2.4, 5.2.3.2 and 1 范围 as if they were
    附录B: the seed holds the standard's 目次, which lists 附录A–C, and not their text. A document that holds its
    appendix is searched as before."""
    from assistant.answer import answer

    a = answer(_retriever(seed_settings), "DB33/T 932附录B里第三方平台型企业的评价指标具体有哪些？")
    assert a.status == "not_found" and "附录B" in a.answer
    r = _law_index(tmp_path, "某某服务规范", "1 范围\n\n本标准规定了电子商务企业的服务要求。\n\n"
                   "附录A（规范性附录）交易型电子商务企业评价指标\n\n评价指标包括服务响应时间、投诉处理率和用户满意度。\n")
    a = answer(r, "某某服务规范附录A的评价指标有哪些？")
    assert a.status == "answered" and "投诉处理率" in a.answer, a.answer


def test_a_list_a_question_asks_for_is_cited_whole(tmp_path):
    """L19 of a staff probe: "在上海做电商，我们网页上必须公开哪些信息？" cited 第十四条's lead-in with its items (四) and (一)
    only, as if they were all the list."""
    from assistant.answer import answer

    r = _law_index(tmp_path, "某市促进电子商务发展规定", (
        "第十四条 从事电子商务的企业应当根据国家有关规定取得相关证照，并在其经营网页上公开以下信息：\n\n"
        "（一）营业执照、组织机构代码以及其他与经营资质相关的资料；\n\n（二）互联网信息服务许可登记或者备案登记的电子验证标识；\n\n"
        "（三）所经营产品依法应当取得的许可、认证证书以及产品名称、生产者等产品信息；\n\n"
        "（四）经营地址、邮政编码、电话号码、电子信箱等联系信息。\n\n"
        "第十五条 电子商务企业应当建立健全内部管理制度，保障交易安全。\n"))
    a = answer(r, "做电商，我们经营网页上必须公开哪些信息？")
    assert [c.label.split("》")[-1] for c in a.citations] == ["第十四条", "第十四条（一）", "第十四条（二）", "第十四条（三）",
                                                            "第十四条（四）"], a.answer


@pytest.mark.parametrize("question, typed", [
    ("我们开网店的，员工请假要提前几天申请？", False),  # (5.2.1 was put first: a review)
    ("我们自己开网店卖货，员工上班时间能不能打私人电话？", False),
    ("我们自己开网店卖货，营业执照、联系方式这些要不要挂到网站上给人看？", True),
])
def test_a_type_said_by_what_the_asker_does_puts_its_requirement_first_only_where_it_is_asked_of(seed_settings, question,
                                                                                                  typed):
    """A type said by what the asker does says less of what it asks than one it names: that type's requirement comes
    first only where the search put it nearly as high or it says some of what the rest of the question asks."""
    first = _retriever(seed_settings).search(question, 1)[0].clause
    assert ("DB33" in first.document) is typed, first.label


def test_a_list_of_exceptions_asked_as_cases_is_cited_whole(tmp_path):
    """A second review: with a list of exceptions left out unless the question asked when something does not hold,
    "什么条件下消费者可以七天无理由退货？" quoted the right with "但下列商品除外" and no goods named. The goods it excludes
    are part of the answer."""
    from assistant.answer import answer

    r = _law_index(tmp_path, "某消费者权益保护法", (
        "第二十五条 经营者采用网络方式销售商品，消费者有权自收到商品之日起七日内退货，且无需说明理由，但下列商品除外：\n\n"
        "（一）消费者定作的；\n\n（二）鲜活易腐的；\n\n（三）交付的报纸、期刊。\n\n"
        "消费者退货的商品应当完好。退回商品的运费由消费者承担；经营者和消费者另有约定的，按照约定。\n\n"
        "第二十六条 经营者在经营活动中使用格式条款的，应当以显著方式提请消费者注意。\n"))
    for q in ("什么条件下消费者可以七天无理由退货？", "什么情况下不能七天无理由退货？"):
        labels = [c.label.split("》")[-1] for c in answer(r, q).citations]
        assert {"第二十五条（一）", "第二十五条（二）", "第二十五条（三）"} <= set(labels), (q, labels)


def test_a_lead_in_with_a_semicolon_before_its_colon_announces_its_list(tmp_path):
    """A review: 个人信息保护法 第四十七条 "有下列情形之一的，个人信息处理者应当主动删除个人信息；个人信息处理者未删除的，个人
    有权请求删除：" was cited with two of its five cases (a lead-in was read only up to 20 characters, with no ；)."""
    from assistant.answer import answer

    r = _law_index(tmp_path, "某个人信息保护法", (
        "第四十七条 有下列情形之一的，个人信息处理者应当主动删除个人信息；个人信息处理者未删除的，个人有权请求删除：\n\n"
        "（一）处理目的已实现、无法实现或者为实现处理目的不再必要；\n\n（二）个人信息处理者停止提供产品或者服务；\n\n"
        "（三）个人撤回同意。\n\n第四十八条 个人有权要求个人信息处理者对其个人信息处理规则进行解释说明。\n"))
    a = answer(r, "哪些情况下我们得主动删掉用户的个人信息？")
    assert [c.label.split("》")[-1] for c in a.citations][-3:] == ["第四十七条（一）", "第四十七条（二）", "第四十七条（三）"], a.answer


def test_conditions_asked_with_shenme_are_cited_as_the_whole_list(tmp_path):
    """"…传回海外总部，需要满足什么条件？" quoted 个人信息保护法 第三十八条's lead-in "应当具备下列条件之一：" with its item (四)
    "…规定的其他条件" alone, as if that were the condition: 什么条件 / 什么情形 / 什么情况下 ask for the list as 哪些 does."""
    from assistant.answer import answer

    r = _law_index(tmp_path, "某个人信息保护法", (
        "第三十八条 个人信息处理者因业务等需要，确需向境外提供个人信息的，应当具备下列条件之一：\n\n"
        "（一）通过国家网信部门组织的安全评估；\n\n（二）按照国家网信部门的规定经专业机构进行个人信息保护认证；\n\n"
        "（三）按照国家网信部门制定的标准合同与境外接收方订立合同；\n\n（四）法律、行政法规或者国家网信部门规定的其他条件。\n\n"
        "第三十九条 个人信息处理者向境外提供个人信息的，应当向个人告知境外接收方的名称或者姓名。\n"))
    a = answer(r, "集团想把国内用户的数据传回境外总部，需要满足什么条件？")
    assert [c.label.split("》")[-1] for c in a.citations][-4:] == ["第三十八条（一）", "第三十八条（二）", "第三十八条（三）",
                                                                  "第三十八条（四）"], a.answer


def test_the_cases_a_rule_does_not_apply_in_are_cited_whole_when_asked_for(tmp_path):
    """Law probe: "产品出了缺陷伤了人，生产厂家在哪些情况下可以不赔？" cited 产品质量法 第四十一条 with its item (三) only, as
    if it were the one exemption: the lead-in "…有下列情形之一的，不承担赔偿责任：" was read as announcing no list. Which rules
    are broken is no list of items ("…会触犯哪些规定？")."""
    from assistant.answer import answer

    r = _law_index(tmp_path, "某产品质量法", (
        "第四十一条 因产品存在缺陷造成人身、缺陷产品以外的其他财产损害的，生产者应当承担赔偿责任。\n\n"
        "生产者能够证明有下列情形之一的，不承担赔偿责任：\n\n（一）未将产品投入流通的；\n\n"
        "（二）产品投入流通时，引起损害的缺陷尚不存在的；\n\n（三）将产品投入流通时的科学技术水平尚不能发现缺陷的存在的。\n\n"
        "第四十二条 由于销售者的过错使产品存在缺陷，造成人身、他人财产损害的，销售者应当承担赔偿责任。\n"))
    a = answer(r, "产品出了缺陷伤了人，生产厂家在哪些情况下可以不赔？")
    assert [c.label.split("》")[-1].split("第二款")[0] for c in a.citations][-3:] == ["第四十一条（一）", "第四十一条（二）",
                                                                                 "第四十一条（三）"], a.answer
    from assistant.answer import _WHICH_RULES

    assert _WHICH_RULES.search("找人刷单，会触犯哪些规定？") and not _WHICH_RULES.search("有哪些文件是不能用电子签名来签的？")


def test_a_latin_letter_the_question_names_picks_the_sentence_that_says_it(tmp_path):
    """Probe H: "月度考核拿了D，绩效奖金还有吗？" quoted "月度考核为A等级的，发放…120%" and "考核结果与绩效奖金挂钩" from a
    long article and left out "D等级的，不发放当月绩效奖金": the D counted only in bigrams across its neighbours."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "考核.txt": (
            "客服考核办法\n第一条 为规范客服考核，制定本办法。\n"
            "第二条 考核结果与绩效奖金挂钩。月度考核为A等级的，发放当月绩效奖金的120%；B等级的，发放100%；C等级的，发放80%；"
            "D等级的，不发放当月绩效奖金。连续两个月考核为D等级的，调离客服岗位或者参加为期两周的脱岗培训；培训后考核仍不合格"
            "的，公司可以依法解除劳动合同。一个年度内季度考核两次以上为A等级的，优先纳入客服组长储备人选。\n"
            "第三条 本办法自发布之日起施行。\n"),
    })
    for q in ("月度考核拿了D，绩效奖金还有吗？", "月度考核拿了Ｄ，绩效奖金还有吗？"):  # (a full-width Ｄ too)
        ans = answer(r, q)
        assert ans.citations[0].label == "《客服考核办法》第二条" and "D等级的，不发放当月绩效奖金" in ans.answer, ans.answer
    assert "B等级的" not in answer(r, "月度考核拿了D，绩效奖金还有吗？").answer  # (a quote, not the whole article)


def test_a_tables_row_is_quoted_as_a_row(tmp_path):
    """Probe I: "笔记本电脑主要部件保修几年？" quoted a plain-text table run together ("…包修期手机 7日 … 1年笔记本电脑 7日…"),
    from which 2年 could not be read; each row is now a sentence of its own, its cells a space apart."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"三包.txt": (
        "售后维修与三包服务规定\n第一条 为规范三包服务，制定本规定。\n第二条 三包有效期自开具发票之日起计算。各类商品三包有效期如下：\n\n"
        "商品类别        包退期    包换期    整机包修期    主要部件包修期\n手机            7日       15日      1年          1年\n"
        "笔记本电脑      7日       15日      1年          2年\n电视机          7日       15日      1年          3年\n"
        "空调            7日       15日      1年          3年\n\n第三条 维修网点应当公示收费标准。\n")})
    ans = answer(r, "笔记本电脑主要部件保修几年？")
    assert ans.citations[0].label == "《售后维修与三包服务规定》第二条", ans.answer
    assert "笔记本电脑 7日 15日 1年 2年" in ans.answer and "1年笔记本电脑" not in ans.answer, ans.answer
    assert "空调" not in ans.answer  # (the rows it does not ask about are left out)


def test_a_part_and_item_of_a_document_numbered_so_are_looked_up(tmp_path):
    """Probe I: "退换货规则三（二）是怎么规定的？" cited 三、（三）, 一、（三） and 三、（二）, the wrong one first, and
    "…四、（一）2." three clauses: only 第X条 and 5.2.1 were numbers a question could name."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"退换货.txt": (
        "平台退换货与退款规则\n一、总则\n（一）为规范退换货，制定本规则。\n（二）本规则适用于平台全部商家。\n三、换货\n"
        "（一）商家应当在收到退回商品后三日内发出新商品。\n（二）商家无货可换的，应当经消费者同意后办理退货退款。\n四、退款\n"
        "（一）退款时限\n1. 商家未发货的，应当在二十四小时内处理。\n2. 商家应当自收到退回商品之日起四十八小时内确认并退款。\n")})
    for q, label in (("退换货规则三（二）是怎么规定的？", "三、（二）"), ("退换货与退款规则四、（一）2.是什么", "四、（一）2."),
                     ("三（二）说了什么", "三、（二）")):
        ans = answer(r, q)
        assert [c.label for c in ans.citations] == [f"《平台退换货与退款规则》{label}"], (q, ans.answer)
    ans = answer(r, "退换货规则九（二）是什么")
    assert ans.status == "not_found" and "所指文件中没有 九、（二）" in ans.answer
    ans = answer(r, "电子商务部规章制度一（二）是什么")
    assert ans.status == "not_found" and "知识库中没有《电子商务部规章制度》" in ans.answer
    from assistant.retrieve import PART_REF

    assert not any(PART_REF.search(q) for q in ("第二十五条（一）规定了什么", "按第七（二）项处理"))
    # a school class is no part ("高三（二）班的学生能不能开网店")
    assert not any(PART_REF.search(q) for q in ("高三（二）班的学生能不能开网店", "初二(一)班", "三（二）班的家长问"))
    assert PART_REF.search("三（二）2024年修订了吗").group(3) is None  # (a year after it is no item 20)


def test_a_part_or_chapter_of_a_document_numbered_1_1_1_is_its_section(tmp_path):
    """Probe: "客服服务规范第3部分讲什么" cited 3.2, 3.1 and 2.1.2 ("…铃响三声内接听"): "第3部分" was no part named, and a
    standard-numbered document has no 三、 or 第三章 to look up; its section 3 is what staff call so."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"客服.txt": (
        "客服服务规范\n1 范围\n本规范规定了客服人员的服务要求。\n2 响应时限\n2.1 在线咨询应在30秒内首次响应。\n"
        "2.2 电话咨询应在铃响三声内接听。\n3 记录与回访\n3.1 每次服务结束后应在系统中记录服务内容。\n"
        "3.2 对投诉客户应在处理完毕后3日内进行回访。\n")})
    for q in ("客服服务规范第3部分讲什么", "客服服务规范第三部分讲什么", "客服服务规范第3章说了什么"):
        ans = answer(r, q)
        assert [c.label for c in ans.citations] == ["《客服服务规范》3.1", "《客服服务规范》3.2"], (q, ans.answer)
    ans = answer(r, "客服服务规范第9章讲什么")
    assert ans.status == "not_found" and "第九章" in ans.answer, ans.answer


def test_a_plain_item_of_a_part_is_looked_up_under_a_markdown_heading_too(tmp_path):
    """Probe O: "达人合作与样品管理规范三、5说的是什么？" cited 三、3, 三、4 and 三、2 of "## 三、样品管理": a Markdown
    heading keys its clauses by its title (m193e09/n5), and "三、5" was no number a question could name."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "达人合作与样品管理规范.md": ("# 达人合作与样品管理规范\n\n## 一、合作准入\n\n1. 达人应当完成实名认证。\n\n"
                                "## 三、样品管理\n\n1. 商家应当在3日内寄出样品。\n2. 样品不得转售。\n"
                                "3. 每份样品申请最多延期1次，延期不超过7日。\n"),
        "以旧换新活动规则.txt": "以旧换新活动规则\n一、适用范围\n1. 本规则适用于以旧换新活动。\n二、质检\n"
                               "1. 消费者可以在线估价。\n2. 回收服务商应当在48小时内完成质检。\n"})
    for q, label in (("达人合作与样品管理规范三、3说的是什么？", "《达人合作与样品管理规范》三、样品管理 3."),
                     ("以旧换新活动规则二、2是怎么规定的", "《以旧换新活动规则》二、2.")):
        ans = answer(r, q)
        assert [c.label for c in ans.citations] == [label], (q, ans.answer)
    ans = answer(r, "达人合作与样品管理规范三、9说的是什么？")
    assert ans.status == "not_found" and "所指文件中没有 三、9." in ans.answer, ans.answer
    from assistant.retrieve import PART_ITEM_REF

    assert not any(PART_ITEM_REF.search(q) for q in ("一、2折起", "第三、5条", "打三、5次", "二、3个工作日", "三、5G手机",
                                                       "二、3C认证", "一、2斤", "我想问两点：一、30秒内要回复吗"))


def test_whether_something_is_charged_for_is_answered_by_a_clause_that_says_a_charge(tmp_path):
    """Probe J: "大件家具配送要不要送货上楼，能另外收费吗？" (unanswerable) was answered by "配送员应在送达前30分钟联系
    收件人…", which says nothing of a charge. A question whether something costs is answered by a clause that says a
    fee, a charge or that it is free, and not found where none of those cited does."""
    from assistant.answer import answer

    rules = "配送管理制度\n第一条 配送员应在送达前30分钟联系收件人。\n第二条 大件商品应当送货上楼。\n"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    r = _docs_index(tmp_path / "a", {"配送管理制度.txt": rules})
    ans = answer(r, "大件家具送货上楼，能另外收费吗？")
    assert ans.status == "not_found" and "是否收费" in ans.answer, ans.answer
    r = _docs_index(tmp_path / "b", {"配送管理制度.txt": rules + "第三条 大件商品送货上楼的，不得另行收取费用。\n"})
    ans = answer(r, "大件家具送货上楼，能另外收费吗？")
    assert ans.status == "answered" and any("不得另行收取费用" in c.text for c in ans.citations), ans.answer


def test_a_quantity_in_a_tables_column_or_in_characters_answers_what_is_asked(tmp_path):
    """Probe P: "顾客分12期的话，手续费率是多少？" and "刻字的话最多能刻几个字？" were refused ("…没有给出具体数量") though
    the clause ranked first states it: in the column under "消费者手续费率" ("| 12期 | 7.5% |"), and as "最多20个汉字或者40
    个英文字符". A table's header names what its cells below state; 汉字 and 字符 are counts of 字."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "分期付款服务规范.md": ("# 分期付款服务规范\n\n## 二、分期开通\n\n1. 商家应当在商品页面展示分期价格。\n"
                          "2. 分期期数与手续费率按照下表执行：\n\n| 分期期数 | 消费者手续费率 | 商家贴息上限 |\n|---|---|---|\n"
                          "| 3期 | 2.5% | 可全额贴息 |\n| 12期 | 7.5% | 可全额贴息 |\n"),
        "商品定制与刻字服务管理规定.txt": ("商品定制与刻字服务管理规定\n第一条 商家开通定制服务的，应当标明加工周期。\n"
                                  "第二条 刻字类商品的刻字内容最多20个汉字或者40个英文字符。\n")})
    ans = answer(r, "顾客分12期的话，手续费率是多少？")
    assert ans.status == "answered" and any("7.5%" in c.text for c in ans.citations), ans.answer
    ans = answer(r, "刻字的话最多能刻几个字？")
    assert ans.status == "answered" and any("20个汉字" in c.text for c in ans.citations), ans.answer
    # a column of other things states none ("贴息上限是多少" of a table without amounts)
    from assistant.answer import _asked, _QUANTITY_ASKED, _states
    from ingest.records import Clause

    q = "商家贴息上限是多少？"
    assert not _states(Clause("d/a1", "d", "x", "《x》1", ("x",), "1. 贴息按照下表：\n| 分期期数 | 商家贴息上限 |\n| 3期 | 可全额贴息 |"),
                       _asked(q, _QUANTITY_ASKED), q)


def test_who_bears_each_of_several_costs_is_cited_for_each(tmp_path):
    """Probe O: "给达人寄样品和达人把样品寄回来，这两趟运费分别谁出？" cited "寄回运费由商家承担" alone; "寄样运费由商家
    承担", ranked second, was left out. Where the question asks of each (分别, 各自), every clause of the top k that says
    who bears a cost is cited."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"达人合作与样品管理规范.md": (
        "# 达人合作与样品管理规范\n\n## 三、样品管理\n\n1. 商家应当在样品申请通过后3日内寄出样品，寄样运费由商家承担。\n"
        "2. 样品不得转售。\n3. 约定归还的样品，达人应当在内容发布后7日内寄回，寄回运费由商家承担。\n"
        "4. 达人收到样品后15日内应当完成推广内容发布。\n")})
    ans = answer(r, "给达人寄样品和达人把样品寄回来，这两趟运费分别谁出？")
    cited = [c.label for c in ans.citations]
    assert any(x.endswith("1.") for x in cited) and any(x.endswith("3.") for x in cited), (cited, ans.answer)
    assert not any(x.endswith(("2.", "4.")) for x in cited), cited


def test_points_deducted_asked_are_answered_by_the_rule_that_deducts_them(tmp_path):
    """Probe J: "卖假货一次扣几分？" put the items that deduct points below the top five (penalty provisions, moved down
    for a question that asks no consequence) and answered "…每次扣2分" of another breach."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "商家信用评价与处罚规则.txt": (
            "商家信用评价与处罚规则\n第一条 为规范商家经营行为，制定本规则。\n"
            "第二条 商家信用分按自然年度计算，每年1月1日零时重置为100分。\n"
            "第三条 商家有下列一般违规行为的，按照以下标准扣分：\n(1) 发布的商品信息不完整或者与实物不符的，每次扣2分；\n"
            "(2) 未按照承诺时间发货的，每次扣1分；\n(3) 滥用商品类目或者重复铺货的，每次扣2分；\n"
            "(4) 通过电话、短信等方式骚扰消费者的，每次扣4分。\n"
            "第四条 商家有下列严重违规行为的，按照以下标准扣分：\n(1) 出售假冒商品的，每次扣24分；情节特别严重的，直接清退；\n"
            "(2) 提供虚假资质证明的，扣48分；\n(3) 通过虚假交易提升商品销量或者店铺评价的，每次扣12分；\n"
            "(4) 泄露、出售消费者个人信息的，每次扣12分。\n"),
        "直播带货管理规范.txt": (
            "直播带货管理规范\n第一条 主播应当如实介绍商品。\n第二条 商家开通直播应当近90日内未因出售假冒商品受到平台处罚。\n"
            "第三条 直播销售假冒伪劣商品的，平台永久关闭该直播间的直播权限，并扣除全部直播保证金。\n")})
    for q in ("卖假货一次扣几分？", "卖假货扣多少分？"):
        got = answer(r, q)
        assert got.status == "answered" and "扣24分" in got.answer, (q, got.answer)
        assert "出售假冒商品的，每次扣24分" in got.retrieved[0].clause.text
    from assistant.provisions import ASKS_SANCTION

    # (review) a discount or a payroll's deduction asks no sanction
    assert not any(ASKS_SANCTION.search(q) for q in ("优惠券能抵扣多少钱？", "下单会扣积分吗？", "工资里社保扣多少钱？"))
    assert all(ASKS_SANCTION.search(q) for q in ("迟到会扣钱吗？", "卖假货扣多少钱？", "违规扣哪些分？"))  # (second review)


def test_each_number_a_question_in_parts_asks_is_answered_from_the_list_it_is_in(tmp_path):
    """Probe J: "要交多少押金？开店多久以后才能开？" was not found ("问题问的是“多少”…"): the time was answered by the
    item "店铺开店满30日" and the item "缴纳直播保证金人民币1万元", ranked second, was not cited (1万元 was no amount either)."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"直播带货管理规范.txt": (
        "直播带货管理规范\n第一条 为规范直播带货行为，制定本规范。\n第二条 主播应当如实介绍商品的性能和价格。\n"
        "第三条 商家首次开通直播带货功能的，应当同时满足下列条件：\n（一）店铺开店满30日；\n"
        "（二）近90日内未因出售假冒商品受到平台处罚；\n（三）缴纳直播保证金人民币1万元。\n"
        "第四条 直播销售的商品经平台抽检不合格的，平台有权从直播保证金中先行赔付消费者。\n"
        # (second review: articles that share the question's words put the list's lead-in out of the top five)
        "第五条 店铺开直播卖货的，应当在直播间显著位置公示店铺证照信息。\n第六条 开店后商家应当及时完善店铺资料。\n")})
    got = answer(r, "店铺想开直播卖货，要交多少押金？开店多久以后才能开？")
    assert got.status == "answered", got.answer
    assert "满30日" in got.answer and "1万元" in got.answer


def test_a_word_that_asks_how_far_a_quantity_goes_is_not_searched_by_its_letters(tmp_path):
    """Probe K: "积分多少能抵一块钱？一单最多能抵多少？" ranked first "同一订单最多可使用1张平台券…", on 最多 alone, above the
    积分抵扣 clause dense search found first; so did "13岁的小孩一个月最多能花多少钱？"."""
    r = _docs_index(tmp_path, {"会员积分与优惠券管理办法.txt": (
        "会员积分与优惠券管理办法\n第七条 积分可用于抵扣订单金额，100积分抵扣1元，单笔订单积分抵扣金额不得超过订单实付金额的50%。\n"
        "第十四条 同一订单最多可使用1张平台券和1张店铺券；满减券与折扣券不可叠加。\n"
        "第十五条 优惠券过期作废，不予补发。\n")})
    got = [cid for cid, _ in r.sparse("一单最多能抵多少？", 5)]
    assert not any(r.by_id[c].label.endswith("第十四条") for c in got), [r.by_id[c].label for c in got]
    assert r.search("积分多少能抵一块钱？一单最多能抵多少？")[0].clause.label.endswith("第七条")
    # a question about the coupons still finds them by their own words
    assert r.search("一个订单最多能用几张优惠券？")[0].clause.label.endswith("第十四条")
    # …and where no quantity is asked, the word is what is asked about ("详情页能写销量最多吗？" is searched with 最多)
    import assistant.retrieve as retrieve

    assert "最多" in retrieve.ASKING_BOUND and not retrieve._QUANTITY_ASKED_WORD.search("详情页能写销量最多吗？")
    assert any(r.by_id[c].label.endswith("第十四条") for c, _ in r.sparse("详情页能写销量最多吗？", 5))


def test_staff_abbreviations_of_invoice_kinds_find_the_documents_words(tmp_path):
    """Probe L: "顾客买了一百多块钱的东西要开专票，商家不给开行不行？" ranked a clause that forbids refusing any invoice
    above the one on 增值税专用发票 (专票 is staff's word for it, 普票 for 增值税普通发票)."""
    r = _docs_index(tmp_path, {"发票开具与税务管理规定.txt": (
        "发票开具与税务管理规定\n第四条 消费者购买商品的，商家应当依法开具发票，不得以任何理由不给开。\n"
        "第九条 单笔订单金额低于200元的，商家可以不开具增值税专用发票，但应当开具增值税普通发票。\n"
        "第二十条 消费者投诉商家拒开发票的，客服部应当在24小时内介入。\n")})
    assert "增值税专用发票" in r.thesaurus.of("专票") and "增值税普通发票" in r.thesaurus.of("普票")
    assert r.search("顾客买了一百多块钱的东西要开专票，商家不给开行不行？")[0].clause.label.endswith("第九条")


def test_a_clause_that_says_what_the_question_quotes_comes_first(tmp_path):
    """Probe V: "客户让我们把发票上的商品名写成“办公用品”，好拿回单位报销，能照办吗？" was answered by a 不得 on the papers
    a 专票 needs, ranked above "消费者要求将商品名称开具为“办公用品”“礼品”等…的，客户服务部应当予以拒绝". A clause among the
    top that says what the question quotes comes first."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"发票开具管理规定.txt": (
        "发票开具管理规定\n第一条 为规范发票开具，制定本规定。\n"
        "第二条 单位消费者需要开具增值税专用发票的，应当在申请时提供单位名称、纳税人识别号；资料不全的，客户服务部不得提交"
        "开票申请。消费者确需纸质专用发票的，由公司寄送。\n"
        "第三条 消费者要求将商品名称开具为“办公用品”“礼品”等与实际交易不符内容的，客户服务部应当予以拒绝，并做好解释工作。\n"
        "第四条 发票抬头填写错误的，消费者可以在开票后30日内申请换开一次。\n")})
    q = "客户让我们把发票上的商品名写成“办公用品”，好拿回单位报销，能照办吗？"
    ans = answer(r, q)
    assert ans.status == "answered" and ans.citations[0].label.endswith("第三条"), ans.answer
    assert r.search("发票抬头写错了能换开吗？", 3)[0].clause.label.endswith("第四条")  # no quote: as ranked


def test_a_quotation_that_is_no_object_asked_or_a_penalty_does_not_come_first(tmp_path):
    """(The review's) a quotation of when or where ("“双十一”期间，主播…能不能说全网最低价？") is not what is asked: the
    clause on 全网最低价 stays first, not one on 双十一's stock; nor does a penalty provision that says the quoted words
    come above the rule for a question that asks no consequence."""
    from assistant.retrieve import quoted_objects

    assert quoted_objects("“双十一”期间，主播能不能说全网最低价？") == []
    assert quoted_objects("把商品名写成“办公用品”行吗？") == ["办公用品"]
    assert quoted_objects("标题里“全网首发”这个词能用吗？") == ["全网首发"]
    # (the second review's) asked after it, opened on an invoice, a word of so many characters, quotations listed;
    # not what a customer said
    assert quoted_objects("“全网最低”能写吗？") == ["全网最低"] and quoted_objects("发票上能开“办公用品”吗？") == ["办公用品"]
    assert quoted_objects("“国家级”三个字能用吗？") == ["国家级"] and quoted_objects("‘首发’这个说法能用吗？") == ["首发"]
    assert quoted_objects("“特供”、“专供”能用吗？") == ["特供", "专供"] and quoted_objects("能用“最”字吗？") == ["最"]
    assert quoted_objects("客户说“没收到货”怎么办？") == []
    # (each of a list in one quotation: probe P50)
    assert quoted_objects("详情页写隐藏款“概率极低、看脸”这种说法行不行？") == ["概率极低", "看脸"]
    r = _docs_index(tmp_path, {"直播营销规范.txt": (
        "直播营销规范\n第一条 为规范直播营销，制定本规范。\n"
        "第二条 主播在直播间不得宣称全网最低价、史上最低价等无法证实的价格信息。\n"
        "第三条 “双十一”期间，商家应当提前十日完成备货，并在活动页面公示发货时限。\n"
        "第四条 商品标题应当与商品实际相符，不得虚构首发、独家等宣传信息。\n"
        "第五条 商家在商品标题中使用“全网首发”等虚假宣传用语的，扣12分。\n")})
    assert r.search("“双十一”期间，主播在直播间能不能说全网最低价？", 3)[0].clause.label.endswith("第二条")
    first = r.search("商品标题能写“全网首发”吗？", 3)[0].clause
    assert first.label.endswith("第四条"), first.label
    assert r.search("商品标题写“全网首发”会被扣几分？", 3)[0].clause.label.endswith("第五条")  # a consequence asked


def test_a_sanction_on_officials_does_not_answer_a_staff_question_on_consequences(tmp_path):
    """产品质量法 第六十六条 ("市场监督管理部门…索取样品…的，…对直接负责的主管人员…依法给予行政处分") ranked first for
    "没跟领导打招呼就直接不来了，公司会怎么处理？" on 直接 and 处理, above the company's rule on leave; it goes below the top
    k unless the question is about the state's organs or staff."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "中华人民共和国某质量法.md": "# 中华人民共和国某质量法\n\n"
        "第六十六条 市场监督管理部门在产品质量监督抽查中超过规定的数量索取样品或者向被检查人收取检验费用的，由上级市场监督管理部门"
        "或者监察机关责令退还；情节严重的，对直接负责的主管人员和其他直接责任人员依法给予行政处分。\n\n"
        "第六十八条 市场监督管理部门的工作人员滥用职权、玩忽职守、徇私舞弊，构成犯罪的，依法追究刑事责任；尚不构成犯罪的，依法给予"
        "行政处分。\n\n"
        "第六十九条 以暴力、威胁方法阻碍市场监督管理部门的工作人员依法执行职务的，依法追究刑事责任；拒绝、阻碍未使用暴力、威胁方法"
        "的，由公安机关依照治安管理处罚法的规定处罚。\n",
        "电子商务部考勤制度.txt": "电子商务部考勤制度\n"
        "一、请假必须提前一天向部门经理提出书面申请，并填写请假说明事由。不请假或者部门经理不批准而擅自不到岗，视为缺勤，一律做旷工处理，"
        "扣除当天工资。\n二、员工上班时间内禁止拨打私人电话。\n"})
    staff = answer(r, "没跟领导打招呼就直接不来了，公司会怎么处理？")
    assert staff.citations[0].label.startswith("《电子商务部考勤制度》一、")
    assert "旷工" in staff.answer
    labels = [h.clause.label for h in staff.retrieved]
    assert labels.index("《中华人民共和国某质量法》第六十六条") > labels.index("《电子商务部考勤制度》一、")
    # a question about the officials themselves is answered by them
    official = answer(r, "市场监管部门的工作人员滥用职权会怎么处理？")
    assert official.citations[0].label == "《中华人民共和国某质量法》第六十八条"


@pytest.mark.parametrize("text, document, officials", [
    ("第六十六条 市场监督管理部门在产品质量监督抽查中超过规定的数量索取样品的，由上级市场监督管理部门责令退还；情节严重的，对直接负责的"
     "主管人员依法给予行政处分。", "中华人民共和国产品质量法", True),
    ("第八十七条 依法负有电子商务监督管理职责的部门的工作人员，玩忽职守、滥用职权、徇私舞弊的，依法追究法律责任。",
     "中华人民共和国电子商务法", True),
    ("第六十八条 国家机关不履行本法规定的个人信息保护义务的，由其上级机关责令改正；对直接负责的主管人员依法给予处分。",
     "中华人民共和国个人信息保护法", True),
    # whoever obstructs them, and a business the regulator sanctions, are no officials
    ("第六十条 以暴力、威胁等方法阻碍有关行政部门工作人员依法执行职务的，依法追究刑事责任。", "中华人民共和国消费者权益保护法", False),
    ("第二十八条 妨害监督检查部门依照本法履行职责，拒绝、阻碍调查的，由监督检查部门责令改正，对单位可以处五万元以下的罚款。",
     "中华人民共和国反不正当竞争法", False),
    ("第二十二条 经营者违反本规定有关明码标价规定的，由县级以上市场监督管理部门依照《价格法》处罚。", "明码标价和禁止价格欺诈规定",
     False),
    # a company's departments are its own, under a title a law could have too
    ("五、各部门未按时提交月度报表的，扣除部门负责人当月绩效奖金。", "电子商务部管理制度", False),
    ("第二条 各部门未按时提交考勤表的，扣除部门负责人当月绩效奖金。", "员工考勤与奖惩办法", False),
    # a business the case comes to, or names beside them, and a trade association
    ("第四十二条 监督检查部门在监督检查时，被检查的经营者不如实提供有关资料的，处以5000元以下的罚款。", "北京市反不正当竞争条例", False),
    ("第四十三条 机关、团体、企业、事业等单位违反本条例规定的，责令改正，处五千元以上五万元以下罚款。", "浙江省消防条例", False),
    ("第五十条 行业协会违反本法规定，组织本行业的经营者达成垄断协议的，可以处五十万元以下的罚款。", "中华人民共和国反垄断法", False),
    ("第一百一十七条 县级以上地方人民政府有关部门违反本法规定的，对直接负责的主管人员依法给予处分。", "中华人民共和国某法", True),
    # the state's staff named by their work ("工作人员泄露客户信息会怎么处理？" was answered by it)
    ("第四十六条 价格工作人员泄露国家秘密、商业秘密以及滥用职权、徇私舞弊、玩忽职守、索贿受贿，构成犯罪的，依法追究刑事责任；"
     "尚不构成犯罪的，依法给予处分。", "中华人民共和国价格法", True),
    # after the breach it is for, and with a 引咎辞职 (食品安全法 第一百四十二条 was first for "员工严重违反公司制度能直接开除吗？")
    ("第一百四十二条 违反本法规定，县级以上地方人民政府有下列行为之一的，对直接负责的主管人员和其他直接责任人员给予记大过处分；情节"
     "较重的，给予降级或者撤职处分；情节严重的，给予开除处分；造成严重后果的，其主要负责人还应当引咎辞职：", "中华人民共和国食品安全法",
     True),
    ("第八十条 违反本法规定，用人单位有下列情形之一的，由劳动行政部门责令改正，给予警告：", "中华人民共和国某法", False),
])
def test_sanctions_officials(text, document, officials):
    from assistant.provisions import sanctions_officials
    from ingest.records import Clause

    c = Clause("d/a1", "d", document, f"《{document}》", (document,), text)
    assert sanctions_officials(c, None) is officials


def test_a_sanction_on_officials_and_others_is_theirs_unless_the_question_names_the_others():
    from assistant.provisions import sanctions_officials
    from ingest.records import Clause

    text = ("第六十七条 市场监督管理部门或者其他国家机关违反本法第二十五条的规定，向社会推荐生产者的产品的，由其上级机关责令改正；"
            "对直接负责的主管人员依法给予行政处分。\n产品质量检验机构有前款所列违法行为的，由市场监督管理部门责令改正，可以并处罚款。")
    c = Clause("d/a67", "d", "中华人民共和国产品质量法", "《中华人民共和国产品质量法》第六十七条", ("产品质量法",), text)
    assert sanctions_officials(c, None, "没跟领导打招呼就直接不来了，公司会怎么处理？")
    assert not sanctions_officials(c, None, "我们能请检验机构帮忙推荐我们的产品吗？违反了有什么处罚？")


@pytest.mark.parametrize("text, document, theirs", [
    ("第四十六条 消费者向有关行政部门投诉的，该部门应当自收到投诉之日起七个工作日内，予以处理并告知消费者。",
     "中华人民共和国消费者权益保护法", True),
    # what a regulator may do, and anyone's right to complain to one
    ("第三十三条 行政管理部门对消费者的投诉，应当自收到投诉之日起七个工作日内作出是否受理的决定。对以书面方式投诉的，行政管理部门"
     "可以对投诉人是否为消费者本人予以核实。", "浙江省实施消费者权益保护法办法", True),
    ("第五十三条 任何单位或者个人有权向市场监督管理部门和有关部门投诉、举报违反本法的行为。市场监督管理部门和有关部门应当向社会公开"
     "受理投诉、举报的电话。", "中华人民共和国广告法", True),
    # a business's permission beside the regulator's duty
    ("第七十二条 国家进出口管理部门应当推进跨境电子商务海关申报、纳税等环节的综合服务和监管体系建设。跨境电子商务经营者可以凭电子"
     "单证向国家进出口管理部门办理有关手续。", "中华人民共和国电子商务法", False),
    # a company's own department, under a title a law could have too
    ("第三条 人事部门应当于每月5日前公布上月考勤结果。", "员工考勤与奖惩办法", False),
    # a list item is judged with its lead-in, not alone
    ("（四）在国家机关、文物保护单位、风景名胜区等的建筑控制地带设置的；", "中华人民共和国广告法", False),
])
def test_regulators_duty(text, document, theirs):
    from assistant.provisions import regulators_duty
    from ingest.records import Clause

    c = Clause("d/a1", "d", document, f"《{document}》", (document,), text)
    assert regulators_duty(c) is theirs


@pytest.mark.parametrize("question, officials", [
    ("消费者向市场监督管理局投诉我们了，他们多久会处理？", True),
    ("消费者向相关部门投诉了，多久会有处理结果？", True),
    ("打12315投诉多久有结果？", True),
    ("执法人员滥用职权会怎么处理？", True),
    ("我们的工作人员泄露了客户的个人信息会怎样？", False),
    ("平台怎么监管商家？", False),
    ("我们的税务发票开错了怎么办？", False),
    # a company's own staff and departments
    ("管理人员没跟领导打招呼就直接不来了，公司会怎么处理？", False),
    ("主管人员迟到会怎么处理？", False),
    ("行政部门的员工旷工怎么处理？", False),
    ("工商银行的转账手续费谁出？", False),
])
def test_a_question_about_the_states_organs(question, officials):
    from assistant.provisions import ASKS_OFFICIALS

    assert bool(ASKS_OFFICIALS.search(question)) is officials


def test_what_goes_down_goes_below_all_the_others_of_the_window():
    """Flagged hits near each other (消法 第四十六条, 浙江 第三十三条, 广告法 第五十三条) took each other's places when
    each was swapped with the next below the top k."""
    from assistant.retrieve import Hit, _down_of
    from ingest.records import Clause

    hits = [Hit(Clause(f"d/a{i}", "d", "某法", f"《某法》第{i}条", ("某法",), f"第{i}条"), 1.0 / (i + 1)) for i in range(8)]
    down = {"d/a0", "d/a2", "d/a3"}
    out = _down_of(hits, 5, lambda h: h.clause.id in down)
    assert [h.clause.id for h in out] == ["d/a1", "d/a4", "d/a0", "d/a2", "d/a3", "d/a5", "d/a6", "d/a7"]
    assert _down_of(hits, 5, lambda h: False) is hits


def test_a_duty_only_regulators_bear_does_not_answer_a_business_question(tmp_path):
    """"消费者投诉了，我们商家多久内要处理？" was answered by 消法 第四十六条 (消费者向有关行政部门投诉的，该部门应当自收到投诉之日起
    七个工作日内…), a duty of the regulator; the business's is 浙江 实施办法 第三十一条（二） (经营者自接到…之日起五日内…)."""
    from tests.conftest import laws_or_skip

    from assistant.answer import answer
    from assistant.provisions import regulators_duty
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    laws = laws_or_skip()
    s = Settings(home=tmp_path / "home")
    KnowledgeBase(s).ingest([laws / "民法商法/消费者权益保护法(2013-10-25).md",
                             laws / "DLC/浙江地方法规/地方性法规/浙江/浙江省实施《消费者权益保护法》办法(2017-03-31).md"])
    r = _retriever(s)
    by_label = {c.label: c for c in r.clauses}
    assert regulators_duty(by_label["《中华人民共和国消费者权益保护法》第四十六条"])
    assert not regulators_duty(by_label["《中华人民共和国消费者权益保护法》第二十五条"])
    business = answer(r, "消费者投诉了，我们商家多久内要处理？")
    assert business.citations[0].label.endswith("第三十一条（二）") and "五日" in business.answer
    assert "七个工作日" not in business.answer
    # asked about the regulator, its duty answers
    regulator = answer(r, "消费者向市场监管部门投诉了，监管部门多久内要处理？")
    assert "七个工作日" in regulator.answer


@pytest.mark.parametrize("question, items", [
    ("公司财务上成本和资金分别怎么管？", ["成本", "资金"]),
    ("线上和线下的价格分别怎么标？", ["线上", "线下"]),  # (what follows 的 is what is asked of them)
    ("退货和换货分别要多久？", ["退货", "换货"]),
    ("商家和平台分别承担什么责任？", ["商家", "平台"]),
    # documents compared, not things
    ("“大数据杀熟”国家法律和浙江的条例分别怎么说？", []),
    ("公司规章和浙江地方标准分别怎么说？", []),
    ("这两趟运费分别谁出？", []),
    ("退货要多久？", []),
    # each part as many words as the next, negations and all; no more things than an answer cites
    ("新员工和老员工分别怎么考核？", ["新员工", "老员工"]),
    ("不发货和发错货分别怎么处理？", ["不发货", "发错货"]),
    ("预算、成本、资金和风险分别怎么管？", []),
])
def test_the_things_a_question_asks_of_each(question, items):
    from assistant.retrieve import asked_items

    assert asked_items(question) == items


def test_a_thing_asked_is_said_by_a_clause_unless_only_as_a_short_member_of_a_list():
    from assistant.retrieve import says_item
    from ingest.records import Clause

    def clause(text):
        return Clause("d/a1", "d", "制度", "《制度》一、", ("制度",), text)

    assert not says_item(clause("公司应建立健全财务管理制度，包括预算管理、成本控制、资金管理、风险防控等。"), ("成本",))
    assert says_item(clause("成本控制要从采购、生产、销售等多个环节进行管控。"), ("成本",))
    # the subject before a list is no member of it
    assert says_item(clause("辞职须提交申请、交接工作、归还物品、结清款项后方可离开。"), ("辞职",))
    assert says_item(clause("人员离职必须提前一个月向部门经理提出。"), ("辞职", "离职"))


def test_no_clause_is_put_first_for_each_thing_where_the_first_says_them_all_or_says_nothing_asked():
    from assistant.retrieve import Hit, item_clauses
    from ingest.records import Clause

    def hit(i, text):
        return Hit(Clause(f"d/a{i}", "d", "规定", f"《规定》第{i}条", ("规定",), text), 1.0 / i)

    both = [hit(1, "退货运费由买家承担，换货运费由卖家承担。"), hit(2, "买家应当如实描述商品问题。"),
            hit(3, "卖家应当及时发货。")]
    assert item_clauses(both, [("买家",), ("卖家",)], ["运费"]) == []
    apart = [hit(1, "平台应当公示运费规则。"), hit(2, "买家应当如实描述商品问题。"), hit(3, "退货运费由买家承担。"),
             hit(4, "换货运费由卖家承担。"), hit(5, "卖家应当及时发货。")]
    assert [h.clause.id for h in item_clauses(apart, [("买家",), ("卖家",)], ["运费"])] == ["d/a3", "d/a4"]
    assert [h.clause.id for h in item_clauses(apart, [("买家",), ("卖家",)], [])] == ["d/a2", "d/a4"]


def test_a_question_asking_of_several_things_each_cites_a_clause_on_each(tmp_path):
    """"公司财务上成本和资金分别怎么管？" was answered by the overview that lists them ("…包括预算管理、成本控制、资金管理、
    风险防控等") alone; each thing's own clause is cited, a synonym of the rules' counting ("辞职" ← 离职)."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"公司管理制度.txt": "公司管理制度\n"
                               "一、公司应建立健全财务管理制度，包括预算管理、成本控制、资金管理、风险防控等。\n"
                               "二、成本控制要从采购、生产、销售等多个环节进行管控，降低成本，提高盈利。\n"
                               "三、资金管理要建立健全的资金调度机制，合理规划资金运作，保证资金的流动性。\n"
                               "四、请假必须提前一天向部门经理提出书面申请，并填写请假说明事由。\n"
                               "五、办公室不允许出现恋情，一经发现有一方自动辞职。\n"
                               "六、人员离职必须提前一个月向部门经理提出，在人事部门批准后方可离职。\n"})
    money = answer(r, "公司财务上成本和资金分别怎么管？")
    assert [c.label for c in money.citations][:2] == ["《公司管理制度》二、", "《公司管理制度》三、"]
    assert [h.clause.label for h in money.retrieved][:2] == ["《公司管理制度》二、", "《公司管理制度》三、"]
    leave = answer(r, "员工请假和辞职分别要提前多久跟部门经理说？")
    labels = [c.label for c in leave.citations]
    assert "《公司管理制度》四、" in labels and "《公司管理制度》六、" in labels and "《公司管理制度》五、" not in labels


def test_how_near_a_framing_clause_must_be_follows_the_fusion():
    """The framing article's share of the first's score is that of eight ranks of one list below it, whatever rrf_k
    is set (a constant tuned at one rrf_k misjudged another's scores)."""
    from assistant.answer import framing_within
    from tiaowen.settings import RetrievalSettings

    assert framing_within(RetrievalSettings()) == pytest.approx(41 / 49)
    assert framing_within(RetrievalSettings(rrf_k=60)) == pytest.approx(61 / 69)
    assert framing_within(RetrievalSettings(rrf_k=60)) > framing_within(RetrievalSettings(rrf_k=10))
    assert framing_within(RetrievalSettings(fusion="convex")) == 0.9


def test_a_phrase_of_the_thesaurus_the_documents_say_is_not_expanded(seed_settings):
    """客户信息 is cut into 客户 / 信息 by the tokenizer but said by the seed's rules (客户信息管理应遵守…): its group
    (隐私, 个人信息, 用户信息) drew in the platforms' privacy clauses."""
    r = _retriever(seed_settings)
    assert "客户信息" not in r.bm25.vocab_dict and r._says("客户信息")
    assert not {"隐私", "个人信息", "用户信息"} & set(r.expansion("员工泄露客户信息怎么处理？"))


@pytest.mark.parametrize("question, term", [
    ("平台内经营者是啥意思？", "平台内经营者"),
    ("自营业务是啥？", "自营业务"),
    ("格式条款指啥？", "格式条款"),
    ("“七日无理由”是个啥？", "七日无理由"),
    ("哪些属于敏感信息？", "敏感信息"), ("什么算临期商品？", "临期商品"),  # (held-out probe)
])
def test_a_definition_asked_as_staff_ask_it(question, term):
    """"是啥意思", "是啥", "指啥", "是个啥" ask what a term means, as 是什么 does: "平台内经营者是啥意思？" cited 第三十五条
    and 第三十八条, which use the term, before 第九条, which defines it."""
    from assistant.retrieve import asked_terms

    assert asked_terms(question)[0] == term



@pytest.mark.parametrize("question, vocab, expected", [
    ("商家捆绑销售合法吗？", {"商家", "销售", "合法", "搭售"}, "搭售"),  # 电子商务法 第十九条 (搭售商品或者服务…)
    ("平台逼商家二选一违法吗？", {"平台", "商家", "违法", "不合", "合理", "不合理", "限制"}, "限制"),  # 第三十五条 (不合理限制)
    ("平台的霸王条款有效吗？", {"平台", "条款", "有效", "格式"}, "格式"),  # 格式条款
    ("付款后商家砍单怎么办？", {"付款", "商家", "取消", "订单"}, "取消"),
    ("买到假货能退一赔三吗？", {"假货", "三倍", "赔偿"}, "三倍"),  # 消法 第五十五条 (…价款或者接受服务的费用的三倍)
    # 消法 第三十七条（八） (消费者协会…通过大众传播媒介予以揭露、批评): 第九 before
    ("消协能把损害消费者权益的商家曝光吗？", {"损害", "消费者", "权益", "商家", "消费者协会", "揭露"}, "揭露"),
    ("消协能把损害消费者权益的商家曝光吗？", {"损害", "消费者", "权益", "商家", "消费者协会", "揭露"}, "消费者协会"),
    # 《电子商务平台管理办法》二、3. (交易纠纷处理…平台应及时介入): second, below 售后服务保障
    ("买家和卖家吵起来了，平台要不要管？", {"买家", "卖家", "平台", "纠纷"}, "纠纷"),
    ("卖过期食品会被怎么罚？", {"食品", "超过", "保质", "保质期", "罚款"}, "保质期"),  # 食品安全法 says 超过保质期, never 过期
    # probe P19: "顾客说要去12315告我们…" ← "顾客明确表示要向市场监管部门投诉…的" (the item cited was "补偿超出本人权限")
    ("顾客说要去12315告我们，多久内要交给组长？", {"顾客", "市场监管部门", "投诉", "组长"}, "市场监管部门"),
    ("卖假货扣几分？", {"销售", "假冒", "商品", "扣分"}, "假冒"),  # (and 假冒 for 假货: "销售假冒商品 | 严重违规 | 48分")
    # probe P20: "…多少条以上要领导签字？找哪位领导？" was "资料中没有提到“领导”" over "…须经分管副总经理批准"
    ("导出用户名单要领导签字吗？", {"导出", "用户", "数据", "分管副总经理", "批准"}, "分管副总经理"),
    # probes P35, P36: "手上划了个小口子，还能不能上班干活？" ← "手部有伤口的员工…"; "…扣掉一部分以后，…多长时间内补齐？" ←
    # "…自收到通知之日起10日内补足保证金" (both cited another rule or none)
    ("手上划了个小口子，还能不能上班干活？", {"手部", "伤口", "员工", "上岗"}, "伤口"),
    ("手上划了个小口子，还能不能上班干活？", {"手部", "伤口", "员工", "上岗"}, "上岗"),
    ("保证金被平台扣掉一部分以后，商家要在多长时间内补齐？", {"保证金", "扣除", "补足", "商家"}, "补足"),
    ("保证金被平台扣掉一部分以后，商家要在多长时间内补齐？", {"保证金", "扣除", "补足", "商家"}, "扣除"),
])
def test_the_bundled_thesaurus_says_staff_words_in_the_laws_words(question, vocab, expected):
    """Staff say 捆绑销售, 二选一, 霸王条款, 砍单, 退一赔三 where the laws say 搭售, 不合理限制, 格式条款, 取消订单, 三倍 (over
    the 14 laws: 商家捆绑销售合法吗 ranked 电子商务法 第三十九条 first, now 第十九条; 二选一 第四十二条, now 第三十五条)."""
    from assistant.thesaurus import Thesaurus
    from ingest.tokenize import tokenize

    assert expected in Thesaurus.load().expansion(tokenize(question), vocab, question)


def test_what_a_customer_can_see_is_not_asked_as_a_permission(seed_settings):
    """"消费者能看到订单到哪一步了吗" asks what the platform provides: the clause on order status comes first, not a
    不得 on another matter ("商家…不得隐瞒或虚假宣传" was first, moved there as the rule a permission question asks)."""
    hits = _retriever(seed_settings).search("订单信息怎么传给商家，消费者能看到订单到哪一步了吗？", 3)
    assert hits[0].clause.label == "《电子商务平台管理办法》二、1.", [h.clause.label for h in hits]



def test_an_item_counted_by_dian_is_looked_up(seed_settings):
    """Probe: "平台规范第五点跟第六点分别讲啥" cited its 7. (广告宣传规范): staff count a list's items by 点 as by 条."""
    from assistant.answer import answer

    r = _retriever(seed_settings)
    ans = answer(r, "平台规范第五点跟第六点分别讲啥")
    assert [c.label for c in ans.citations] == ["《电子商务平台规范》5.", "《电子商务平台规范》6."], ans.answer
    assert answer(r, "平台规范第九点讲啥").status == "not_found"
    from assistant.retrieve import POINT_REF

    assert not POINT_REF.search("早上第一点钟打卡")
    # (the review's) a 第X点 after another number is its item, looked up with it, no 第X条 of its own
    assert [k for k, _ in r.clause_refs("电子商务部规章制度第一部分的第2点是什么")] == ["h1/i2"]  # (its （二）: P18)
    assert [k for k, _ in r.clause_refs("电商规章制度第五条第二点")] == ["a5"]


def test_a_time_asked_of_what_no_clause_cited_is_about_is_not_found(seed_settings):
    """Probe: "平台多久跟商家结算一次货款" was answered by a 售后服务保障 clause with "所引条款没有规定具体频率": the seed says
    nothing of 结算 or 货款. A time asked of what the clause cited is about, that it does not set, is still answered with
    that notice ("…定期开展客户满意度调查")."""
    from assistant.answer import answer

    r = _retriever(seed_settings)
    off = answer(r, "平台多久跟商家结算一次货款")
    assert off.status == "not_found" and "说的不是所问的事项" in off.answer, off.answer
    ans = answer(r, "客户满意度调查多久做一次")
    assert ans.status == "answered" and "没有规定具体" in ans.notice, (ans.answer, ans.notice)


def test_a_list_asked_by_its_parts_title_is_cited_whole(seed_settings):
    """Probe: "售后服务规范里的售后服务标准有哪几条" cited 二、"售后服务标准…" with two of its four items, as if they were all."""
    from assistant.answer import answer

    ans = answer(_retriever(seed_settings), "售后服务规范里的售后服务标准有哪几条")
    assert [c.label for c in ans.citations] == ["《电子商务售后服务规范》二、"] + [
        f"《电子商务售后服务规范》二、{n}." for n in range(1, 5)], ans.answer


def test_a_rule_is_not_lifted_over_a_clause_both_retrievers_put_first(seed_settings):
    """Probe: "周末公司有急事，能要求大家不休息吗" was answered by the 请假 clause (its 方可 a permission), lifted over the
    clause both dense search and BM25 put first, "…若有特殊情况处理,所有人员也应该放弃休息", a duty that answers it."""
    from assistant.answer import answer

    ans = answer(_retriever(seed_settings), "周末公司有急事，能要求大家不休息吗")
    assert ans.citations and ans.citations[0].label == "《电子商务部规章制度》一、（七）", ans.answer


@pytest.fixture(scope="module")
def food_safety(tmp_path_factory):
    """The whole 食品安全法 of ../shared/laws (312 clauses), in a knowledge base of its own."""
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    law = next(laws_or_skip().glob("*/食品安全法(2021-04-29).md"))
    s = Settings(home=tmp_path_factory.mktemp("food") / "home")
    KnowledgeBase(s).ingest([law])
    return _retriever(s)


def test_a_question_on_compensation_is_not_answered_by_a_penalty(food_safety):
    """"买到不安全的食品能要求十倍赔偿吗？" asks what the one harmed may claim, not what the state imposes: 食品安全法
    第一百二十四条's 罚款 ranked above the 第一百四十八条 that says 十倍 (赔 reads as a consequence, so penalty provisions
    were not moved below the top as for a question that asks none)."""
    hits = food_safety.search("买到不安全的食品能要求十倍赔偿吗？", 3)
    assert hits[0].clause.label.startswith("《中华人民共和国食品安全法》第一百四十八条"), [h.clause.label for h in hits]
    # a question that asks the penalty too is answered by a penalty provision, as before
    fined = food_safety.search("卖超过保质期的食品会被罚多少钱？", 3)
    assert food_safety._penal(fined[0].clause), [h.clause.label for h in fined]
    # and in staff words (过期: the law says 超过保质期), by the provision that sanctions it (第一百二十四条: it was 第一百四十条
    # 第五款, on 虚假宣传)
    fined = food_safety.search("卖过期食品会被怎么罚？", 3)
    assert fined[0].clause.label.startswith("《中华人民共和国食品安全法》第一百二十四条"), [h.clause.label for h in fined]


def test_staff_words_for_employment_are_said_in_the_words_of_the_law(food_safety):
    """Probe: "做食品的员工多久体检一次" cited 第五十条 (进货查验): 食品安全法 says 健康检查, never 体检 (bundled thesaurus)."""
    from assistant.answer import answer

    ans = answer(food_safety, "做食品的员工多久体检一次")
    assert ans.citations and ans.citations[0].label == "《中华人民共和国食品安全法》第四十五条", ans.answer


@pytest.mark.parametrize("question, asks", [
    ("买到不安全的食品能要求十倍赔偿吗？", True), ("快递弄丢了包裹要赔多少？", True), ("退一赔三怎么算？", True),
    ("卖假货要罚款吗？", False), ("卖假货会被怎么处罚？", False),
])
def test_a_question_asks_compensation(question, asks):
    from assistant.retrieve import ASKS_COMPENSATION

    assert bool(ASKS_COMPENSATION.search(question)) is asks


@pytest.mark.parametrize("question, label", [
    ("DB33/T 932 适用于哪些企业？", "《DB33/T 932—2014 电子商务企业管理与服务规范》1"),  # (fourth, below its 第1段 and 5.2.1)
    ("客服管理制度适用于哪些部门？", "《电子商务与客户服务管理制度》第二条"),
])
def test_a_question_to_whom_a_rule_applies_is_answered_by_its_scope(seed_settings, question, label):
    """The clause that says to whom a rule applies ("本标准适用于注册在浙江省…", "适用范围 本制度适用于…") comes first, and is
    cited with no other clause but another that says so (a 请假 rule was cited beside 客服管理制度's 适用范围)."""
    from assistant.answer import answer
    from assistant.retrieve import STATES_SCOPE

    r = _retriever(seed_settings)
    assert r.search(question, 5)[0].clause.label == label
    ans = answer(r, question)
    assert ans.citations[0].label == label and all(STATES_SCOPE.search(c.text) for c in ans.citations), ans.answer


@pytest.mark.parametrize("text, states", [
    ("本标准适用于注册在浙江省并在省内进行网络商品和服务交易的法人单位。", True),
    ("第二条适用范围本制度适用于本企业全部涉及电子商务和客户服务管理的部门、岗位和员工。", True),
    ("在中华人民共和国境内从事电子商务活动，适用本法。", True),
    ("对违反本规定的，适用本法第八十条处罚。", False),  # (a sanction's referral)
    ("下面的术语和定义适用于本文件。", False),  # (says what applies to it, not to whom it applies)
    ("培训内容适用于新员工。", False),
])
def test_a_clause_states_to_whom_a_rule_applies(text, states):
    from assistant.retrieve import STATES_SCOPE

    assert bool(STATES_SCOPE.search(text)) is states


@pytest.mark.parametrize("question", ["第三方平台型企业要做什么？", "第三方平台型企业的网站首页要公示什么？"])
def test_a_question_that_names_an_enterprise_type_is_answered_by_its_requirements(seed_settings, question):
    """"第三方平台型企业要做什么？" ranked DB33/T 932 2.4 (the definition of 第三方电子商务平台) first, no requirement of 5.2.2
    among the candidates: the closest in meaning of that type's now comes first."""
    from assistant.checklist import scope_of

    r = _retriever(seed_settings)
    first = r.search(question, 5)[0].clause
    assert scope_of(first, r) == "第三方平台型", first.label


@pytest.mark.parametrize("question, named", [
    ("第三方平台型企业要做什么？", True), ("支撑服务型企业要做哪些事？", True),
    ("我们是第三方平台，员工请假怎么办？", False),  # said of the asker: what it asks may be no requirement of the type
    ("员工请假怎么办？", False),
])
def test_a_question_names_an_enterprise_type(question, named):
    from assistant.checklist import asked_scope

    scope, of_itself = asked_scope(question)
    assert (scope is not None and not of_itself) is named


def test_a_part_named_as_such_is_looked_up(seed_settings):
    """"售后服务规范第二部分讲什么？" is its 二、 (it cited the document's 第1段 first, and its 二、2. from further down)."""
    from assistant.answer import answer

    ans = answer(_retriever(seed_settings), "售后服务规范第二部分讲什么？")
    labels = [c.label for c in ans.citations]
    assert labels and all(lb.startswith("《电子商务售后服务规范》二、") for lb in labels), labels


def test_a_chapter_named_is_looked_up_with_its_title(seed_settings):
    """"电子商务运营管理制度第二章说了什么" cited 第二十条, 第二条 and 第二十二条 (search, on 第二); now the chapter's title and
    its articles. A chapter before the article it holds names the article; a part a document lacks is said missing as
    named ("第二部分", not its key)."""
    from assistant.answer import answer

    r = _retriever(seed_settings)
    ans = answer(r, "电子商务运营管理制度第二章说了什么")
    assert [c.label for c in ans.citations] == ["《电子商务运营管理制度》第二章 组织架构"] + [
        f"《电子商务运营管理制度》第{n}条" for n in ("九", "十", "十一", "十二")], ans.answer
    assert [c.label for c in answer(r, "电子商务运营管理制度第二章第九条说了什么").citations] == ["《电子商务运营管理制度》第九条"]
    missing = answer(r, "电商规章制度第二部分说了什么")
    assert missing.status == "not_found" and "第二部分" in missing.answer, missing.answer


POLICY = {  # a company's rules, as a review of the rules above wrote them to break them
    "售后服务制度.txt": "售后服务制度\n第二条 本办法适用于本公司在各平台开设的全部网店。\n"
                   "第三条 消费者自签收之日起七日内可申请无理由退货。\n"
                   "第四条 七天无理由退货适用于服装、鞋包、家居用品，但定制商品除外。\n"
                   "第五条 退货的流程是：提交申请、寄回商品、审核后退款。\n"
                   "第七条 投诉处理流程：客服受理，主管调查，三日内答复客户。\n"
                   "第八条 员工损坏公司财物的，照价赔偿，并扣2分。\n"
                   "第九条 对违反本规定的，适用本办法第八条处罚。\n",
    "直播带货规范.md": "# 直播带货规范\n\n## 第一部分 总则\n\n本规范适用于公司全部直播间。\n\n"
                 "## 第二部分 主播管理\n\n主播不得使用绝对化用语。\n\n主播应当如实介绍商品。\n",
}


@pytest.fixture(scope="module")
def policy(tmp_path_factory):
    return _docs_index(tmp_path_factory.mktemp("policy"), POLICY)


def test_rules_for_one_question_kind_leave_other_questions_alone(policy):
    """What a review found the rules on scope, definitions, compensation and parts did to questions they are not for:
    a product's scope ("七天无理由退货适用于哪些商品？") was answered by the rules' 适用范围; a two-character term ("…的流程是什么")
    put another matter's "退货的流程是：" first; a rule that compensates and sanctions went below the top; a document's own
    "第二部分" heading was said missing."""
    from assistant.answer import answer

    first = lambda q: policy.search(q, 3)[0].clause.label  # noqa: E731
    assert first("七天无理由退货适用于哪些商品？") == "《售后服务制度》第四条"
    assert first("投诉处理的流程是什么？") == "《售后服务制度》第七条"
    assert first("员工损坏公司财物要赔吗？") == "《售后服务制度》第八条"
    assert first("售后服务制度适用于哪些店？") == "《售后服务制度》第二条"  # (a rule's scope, still)
    part = answer(policy, "直播带货规范第二部分讲什么？")
    assert part.status == "answered" and "绝对化用语" in part.answer and "全部直播间" not in part.answer, part.answer


@pytest.mark.parametrize("question, named, asks", [
    ("DB33/T 932 适用于哪些企业？", True, True), ("这个标准的适用范围是什么？", False, True),
    ("这个规定对我们公司适用吗？", False, True), ("七天无理由退货适用于哪些商品？", False, False),
    ("运费险适用于哪些订单？", False, False), ("这种情况适用什么法律？", False, False),
])
def test_a_question_asks_to_whom_a_rule_applies(question, named, asks):
    from assistant.retrieve import asks_scope

    assert asks_scope(question, named) is asks


def test_a_chapter_before_the_article_it_holds_names_the_article(seed_settings):
    from assistant.answer import answer

    r = _retriever(seed_settings)
    for q in ("电子商务运营管理制度第二章的第九条是什么", "电子商务运营管理制度第二章中第九条说了什么"):
        assert [c.label for c in answer(r, q).citations] == ["《电子商务运营管理制度》第九条"], q


def test_an_item_named_by_its_number_is_found_however_the_article_numbers_its_items(tmp_path):
    """Probe 13: "…第十三条第二项是什么" was "所指文件中没有 第13条第（2）项" where the article's items are numbered 2), 2.
    or 二、 (only （二） items were looked up); and a "1)" item was quoted with its bracket ("：）16:00以后…")."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"发货规定.txt": "仓储与发货管理规定\n第五条 发货时效要求：\n1) 当日16:00前支付的订单，当日发出；\n"
                                             "2) 16:00以后支付的订单，次日12:00前发出。\n第六条 错发的处理：\n1. 补发运费由仓库承担；\n"
                                             "2. 责任人扣绩效分2分。\n第七条 库存盘点分为：\n一、月度盘点，每月最后一个工作日进行；\n"
                                             "二、年度盘点，每年十二月进行。\n"})
    for q, label, words in (("发货规定第五条第二项是什么", "第五条2)", "次日12:00前发出"),
                            ("发货规定第六条第二项说了什么", "第六条2.", "扣绩效分2分"),
                            ("发货规定第七条第二项", "第七条二、", "年度盘点")):
        ans = answer(r, q)
        assert ans.status == "answered" and ans.citations[-1].label.endswith(label) and words in ans.answer, (q, ans.answer)
    ans = answer(r, "16:00以后付款的订单什么时候发货？")
    assert ans.status == "answered" and "）" not in ans.answer and ")" not in ans.answer, ans.answer


def test_a_rule_is_named_without_its_standing_and_short_before_a_part(tmp_path):
    """Probe 13: 《星禾电商直播带货管理办法（试行）》 was named by no question that left out （试行）, and "直播带货管理办法第二部分讲了
    什么" (its name short, before a part) searched every document: it answered with 一、's purpose and scope."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"zhibo.txt": "星禾电商直播带货管理办法（试行）\n一、总则\n（一）为规范直播带货活动，制定本办法。\n"
                                            "二、主播管理\n（一）主播不得使用绝对化用语。\n（二）主播每场直播不得超过4小时。\n",
                               "cangchu.txt": "星禾电商仓储管理规定\n一、总则\n（一）为规范仓储管理，制定本规定。\n"
                                              "二、入库管理\n（一）到货须在24小时内验收。\n"})
    for q in ("星禾电商直播带货管理办法第二部分讲了什么", "直播带货管理办法第二部分讲了什么"):
        ans = answer(r, q)
        assert ans.status == "answered" and [c.label for c in ans.citations] == [
            "《星禾电商直播带货管理办法（试行）》二、（一）", "《星禾电商直播带货管理办法（试行）》二、（二）"], (q, ans.answer)


def test_a_part_named_is_the_documents_part_before_an_item_numbered_alike(tmp_path):
    """A review: "直播带货管理办法第二部分讲了什么" of a rule in parts ("第一部分 总则" / "一、…" / "二、…") cited 第一部分's 二、."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"zhibo.txt": "星禾电商直播带货管理办法\n第一部分 总则\n一、为规范直播带货活动，制定本办法。\n"
                                            "二、本办法适用于公司自有直播间。\n第二部分 主播管理\n一、主播不得使用绝对化用语。\n"
                                            "二、主播每场直播不得超过4小时。\n",
                               "cangchu.txt": "星禾电商仓储管理规定\n一、总则\n（一）为规范仓储管理，制定本规定。\n"
                                              "二、入库管理\n（一）到货须在24小时内验收。\n"})
    ans = answer(r, "直播带货管理办法第二部分讲了什么")
    assert ans.status == "answered" and "绝对化用语" in ans.answer and "4小时" in ans.answer and "自有直播间" not in ans.answer, \
        ans.answer
    # …and an article of the part, as its 二、 ("第二部分第二条" cited 第一部分's 二、 and the whole 第二部分)
    ans = answer(r, "直播带货管理办法第二部分第二条是什么")
    assert ans.status == "answered" and [c.label for c in ans.citations] == ["《星禾电商直播带货管理办法》第二部分 主播管理 二、"], \
        ans.answer
    ans = answer(r, "直播带货管理办法第二部分第九条")
    assert ans.status == "not_found" and "第二部分第9条" in ans.answer, ans.answer
    # (a rule without parts: its 二、's （二）; a second review)
    ans = answer(r, "仓储管理规定第二部分第一条是什么")
    assert [c.label for c in ans.citations] == ["《星禾电商仓储管理规定》二、（一）"], ans.answer


def test_versions_that_differ_by_their_standing_are_told_apart(tmp_path):
    """A second review: with 《星禾电商退货管理规定》 and 《星禾电商退货管理规定（暂行）》 both held, "退货管理规定第二条" cited both
    (and more), once a title's standing was no part of its name; the version the question names is cited, and where it
    names none the one that says no standing."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"v1.txt": "星禾电商退货管理规定（暂行）\n第一条 为规范退货，制定本规定。\n"
                                         "第二条 消费者申请退货的，客服应当在24小时内审核。\n",
                               "v2.txt": "星禾电商退货管理规定\n第一条 为规范退货，制定本规定。\n第二条 消费者申请退货的，客服应当在12小时内审核。\n"})
    for q, label in (("退货管理规定第二条", "《星禾电商退货管理规定》第二条"),
                     ("退货管理规定（暂行）第二条", "《星禾电商退货管理规定（暂行）》第二条"),
                     ("星禾电商退货管理规定（暂行）第二条", "《星禾电商退货管理规定（暂行）》第二条")):
        ans = answer(r, q)
        assert [c.label for c in ans.citations] == [label], (q, ans.answer)


def test_an_article_of_a_part_is_the_documents_article_where_its_articles_run_on_through_its_parts(tmp_path):
    """A second review: "客户服务管理规定第二部分的第四条是什么" was said missing where the rule numbers its articles through its
    parts (第四条 is in 第二部分, numbered 第四条, not 二、)."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"kefu.txt": "星禾电商客户服务管理规定\n第一部分 总则\n第一条 为提升客户服务质量，制定本规定。\n"
                                           "第二条 本规定适用于公司全体客服人员。\n第二部分 服务标准\n第三条 客服应当在30秒内首次响应。\n"
                                           "第四条 客服不得与顾客发生争吵。\n"})
    ans = answer(r, "客户服务管理规定第二部分的第四条是什么")
    assert [c.label for c in ans.citations] == ["《星禾电商客户服务管理规定》第四条"], ans.answer


def test_a_checklist_lists_what_a_label_must_state_from_a_lead_in_that_heads_its_items(food_safety):
    """Held-out checklist probe: 食品安全法 第六十七条 ("预包装食品的包装上应当有标签。标签应当标明下列事项：" over （一）…（九）)
    gave 食品标签 nothing: the lead-in, the heading of its items, was never read, and its items are none of their own."""
    from assistant.checklist import checklist

    items = checklist(food_safety, "食品标签").items
    listed = [i for i in items if any(c.label.endswith("第六十七条") for c in i.citations)]
    assert any(i.text.startswith("标签是否标明下列事项：名称、规格、净含量、生产日期；成分或者配料表") for i in listed), \
        [i.text for i in items]
    assert any(i.text == "预包装食品的包装上是否有标签" for i in listed), [i.text for i in listed]


def test_an_article_of_a_handbook_that_numbers_articles_again_in_each_chapter_is_found_by_its_chapter(tmp_path):
    """Held-out probe: a handbook whose chapters each start at 第一条 labelled five clauses "第一条" (ids a1~2…), and
    "员工手册第三章第五条说了什么" was answered by 第一章第五条 with full confidence."""
    from assistant.answer import answer

    body = "".join(f"## 第{c}章 {name}\n\n" + "".join(f"第{a}条 {name}规定{a}：员工应当遵守第{c}章第{a}项要求{c}{a}。\n\n"
                                                     for a in ("一", "二", "三"))
                   for c, name in (("一", "考勤"), ("二", "休假"), ("三", "报销")))
    r = _law_index(tmp_path, "员工手册", body)
    labels = [c.label for c in r.clauses if c.role == "clause"]
    assert "《员工手册》第三章第二条" in labels and len(labels) == len(set(labels)), labels
    ans = answer(r, "员工手册第三章第二条说了什么？")
    assert [c.label for c in ans.citations] == ["《员工手册》第三章第二条"], ans.answer
    ans = answer(r, "员工手册第二条说了什么？")  # (each chapter's)
    assert {c.label for c in ans.citations} == {"《员工手册》第一章第二条", "《员工手册》第二章第二条", "《员工手册》第三章第二条"}


def test_an_article_number_of_a_document_in_parts_is_its_part_before_an_item_of_one(tmp_path):
    """Held-out probe: "618活动规则第三条是什么" of a document numbered 一、/（一） was answered by the （三） of its 四、, not its
    三、; a document whose items alone are numbered still answers by its （三）."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"618活动规则.txt": "618活动规则\n一、活动时间\n活动时间为6月1日至6月18日。\n二、优惠券\n（一）满300减30。\n"
                                                 "（二）优惠券不可叠加。\n（三）优惠券不可转让。\n三、价格保护\n活动期间购买的商品价格保护期限延长至签收后30日。\n"
                                                 "四、其他\n（一）本规则由运营部解释。\n（二）如遇系统故障公司有权调整活动。\n（三）员工不得参与秒杀活动。\n",
                               "客服守则.txt": "客服守则\n（一）客服应当使用文明用语。\n（二）客服应当在30秒内响应。\n（三）客服不得与顾客争吵。\n"})
    assert [c.label for c in answer(r, "618活动规则第三条是什么？").citations] == ["《618活动规则》三、"]
    assert [c.label for c in answer(r, "客服守则第三条是什么？").citations] == ["《客服守则》（三）"]


def test_a_rule_that_leave_is_not_granted_answers_whether_it_may_be_taken(tmp_path):
    """Held-out probe: "双十一那段时间客服部的人能请年假吗？" was answered by a 大促 rule's "…不得上岗接待大促咨询", lifted
    as a rule over the handbook's "…原则上不批准年休假" (不批准 states a rule as 不得 does)."""
    from assistant.answer import answer
    from assistant.provisions import states_rule

    assert states_rule(_c_for("大促期间，客服中心员工原则上不批准年休假，但婚假、丧假除外。"), None)
    # (a second review) …not where it names a case: "公司不安排住宿的，…" is no rule on staying anywhere
    assert not states_rule(_c_for("出差期间公司不安排住宿的，员工按每晚300元标准报销住宿费。"), None)
    r = _docs_index(tmp_path, {"员工手册.txt": "员工手册\n第一条 员工享有带薪年休假。\n第二条 “双十一”“618”等大促期间，客服中心员工原则上"
                                             "不批准年休假，但婚假、丧假除外。\n第三条 员工请假应当提前申请。\n",
                               "大促规则.txt": "大促客服规则\n第一条 大促期间客服中心须完成专项培训，未经培训的不得上岗接待大促咨询。\n"})
    assert answer(r, "双十一那段时间客服部的人能请年假吗？").citations[0].label == "《员工手册》第二条"


def _c_for(text: str):
    from ingest.records import Clause

    return Clause("d/a1", "d", "某制度", "《某制度》第一条", ("某制度",), text)


def test_an_article_of_a_handbook_that_numbers_articles_again_in_each_titled_part_is_found_by_its_part(tmp_path):
    """A handbook without chapters whose titled parts each start at 第一条 ("一、考勤规定" / "第一条…" / "二、保密规定" / "第一条…")
    labelled every one "第一条" (ids a1~2…), and "员工行为规范第二部分第二条" was answered by the first part's 第二条. A short name
    ending in 手册 ("员工手册…") or without its version ("话术规范3.3") names its document."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "员工行为规范.txt": "悦购商城员工行为规范\n一、考勤规定\n第一条 员工应当按时上下班，不得迟到早退。\n第二条 员工请假须提前一天提交"
                      "书面申请。\n二、保密规定\n第一条 员工不得泄露公司商业秘密。\n第二条 员工离职时应当交还全部公司资料。\n",
        "员工手册.txt": "悦购商城员工手册\n第一部分 考勤管理制度\n第一条 员工应当按时打卡。\n第二条 迟到三次以上的扣发全勤奖。\n"
                    "第二部分 报销管理制度\n第一条 报销须附合法有效的发票。\n第二条 报销应当在费用发生后30日内提交。\n",
        "话术规范.md": "# 悦购商城客服话术与服务规范（V3.2）\n\n## 3 投诉处理\n\n3.1 顾客情绪激动时，先安抚、后解决。\n\n"
                   "3.2 顾客要求赔偿的，客服专员可在权限内直接处理。\n\n3.3 顾客威胁曝光的，必须在30分钟内上报客服主管。\n"})
    labels = [c.label for c in r.clauses if c.role == "clause"]
    assert "《悦购商城员工行为规范》二、保密规定 第二条" in labels and len(labels) == len(set(labels)), labels
    assert [c.label for c in answer(r, "员工行为规范第二部分第二条讲什么？").citations] == \
        ["《悦购商城员工行为规范》二、保密规定 第二条"]
    assert [c.label for c in answer(r, "员工手册第二部分第一条说了什么？").citations] == \
        ["《悦购商城员工手册》第二部分 报销管理制度 第一条"]
    assert [c.label for c in answer(r, "话术规范3.3说了什么？").citations] == ["《悦购商城客服话术与服务规范（V3.2）》3.3"]
    # …or by the part's title ("员工行为规范里保密规定第二条" was "知识库中没有《员工行为规范里保密规定》")
    assert [c.label for c in answer(r, "员工行为规范里保密规定第二条讲了啥？").citations] == \
        ["《悦购商城员工行为规范》二、保密规定 第二条"]
    assert [c.label for c in answer(r, "员工手册报销管理制度那部分的第一条").citations] == \
        ["《悦购商城员工手册》第二部分 报销管理制度 第一条"]
    assert [c.label for c in answer(r, "保密规定第一条是什么？").citations] == ["《悦购商城员工行为规范》二、保密规定 第一条"]


def test_a_rule_whose_title_carries_its_issuer_and_document_number_is_named_by_its_short_name(tmp_path):
    """Probe P30: "大促办法第十七条讲的啥？" was told "知识库中没有《大促办法》" beside 《宁波鹿鸣优选电子商务有限公司  大促活动运营
    管理办法（鹿鸣运〔2025〕9号）》: its document number, like a version, is no part of the name staff use."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "大促.md": "# 宁波鹿鸣优选电子商务有限公司  大促活动运营管理办法（鹿鸣运〔2025〕9号）\n\n"
                 "第一条 为规范大促活动，制定本办法。\n\n第二条 活动价格设置后应当由第二人复核。\n",
        "客服.md": "# 客服绩效与排班管理办法\n\n第一条 为规范客服排班，制定本办法。\n\n第二条 调班应当提前一天申请。\n"})
    for question in ("大促办法第二条讲的啥？", "大促活动运营管理办法第二条"):
        got = answer(r, question)
        assert got.status == "answered" and [c.text for c in got.citations] == ["第二条 活动价格设置后应当由第二人复核。"], got.answer


def test_a_part_of_a_handbook_is_found_among_two_handbooks_and_a_missing_one_said_missing(tmp_path):
    """The review of seg-72: with two handbooks, "员工手册第二部分第一条" was looked up in neither (a short name two titles
    fit named none) and answered by another article of the other's; "员工手册第四部分第一条" of handbooks with three parts cited
    every 第一条; a part named by its number and title ("员工行为规范二、保密规定第一条") was another document's 保密规定; and
    "客服操作指引（V2.1）第三部分第一条" said "所指文件中没有 2.1"."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "悦购员工手册.txt": "悦购商城员工手册\n第一部分 考勤管理制度\n第一条 员工应当按时打卡。\n第二条 迟到三次以上的扣发全勤奖。\n"
                      "第二部分 报销管理制度\n第一条 报销须附合法有效的发票。\n第二条 报销应当在费用发生后30日内提交。\n"
                      "第三部分 信息安全制度\n第一条 员工不得泄露客户信息。\n第二条 离职员工的系统账号应当当日注销。\n",
        "星禾员工手册.txt": "星禾电商员工手册\n一、考勤管理\n第一条 员工每日打卡两次。\n第二条 旷工一日扣三日工资。\n"
                      "二、休假管理\n第一条 年假应当提前一周申请。\n第二条 病假须提供医院证明。\n",
        "员工行为规范.txt": "悦购商城员工行为规范\n一、考勤规定\n第一条 员工应当按时上下班。\n第二条 请假须提前一天申请。\n"
                       "二、保密规定\n第一条 员工不得泄露公司商业秘密。\n第二条 离职时应当交还全部资料。\n",
        "客服服务规范.txt": "云禾优选客服服务规范\n一、服务礼仪\n第一条 客服应当使用文明用语。\n第二条 客服不得与顾客争吵。\n"
                      "二、保密规定\n第一条 客服不得透露顾客的收货地址。\n第二条 客服不得截图顾客信息。\n",
        "客服操作指引.txt": "悦购商城客服操作指引（V2.1）\n第一部分 咨询接待\n第一条 客服应当在30秒内响应。\n第二部分 售后处理\n"
                      "第一条 退款申请应当在24小时内审核。\n第三部分 投诉升级\n第一条 顾客威胁曝光的，应当在30分钟内上报主管。\n"})
    assert [c.label for c in answer(r, "员工手册第二部分第一条说了什么？").citations] == \
        ["《悦购商城员工手册》第二部分 报销管理制度 第一条"]
    missing = answer(r, "员工手册第四部分第一条是什么？")
    assert missing.status == "not_found" and "第四部分" in missing.answer, missing.answer
    assert [c.label for c in answer(r, "员工行为规范二、保密规定第一条是什么？").citations] == \
        ["《悦购商城员工行为规范》二、保密规定 第一条"]
    guide = answer(r, "客服操作指引（V2.1）第三部分第一条")
    assert [c.label for c in guide.citations] == ["《悦购商城客服操作指引（V2.1）》第三部分 投诉升级 第一条"]
    assert "没有" not in guide.answer, guide.answer


def test_a_document_named_loosely_before_a_clause_number_is_looked_up(tmp_path):
    """Probe P17: "直播那个规范第12条说的啥？" and "积分储值卡那个办法第二十二条讲的什么" were refused as naming documents not held
    (知识库中没有《直播那个规范》), though the clause asked was there."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "直播.md": "# 澜享商城直播间运营管理规范\n\n## 一、总则\n\n1. 本规范适用于公司全部直播间。\n\n2. 主播不得使用绝对化用语。\n\n"
                 "## 二、脚本\n\n3. 直播脚本须在开播前48小时提交法务部审核。\n\n4. 临时加播的场次，脚本提交时间可缩短至开播前6小时。\n",
        "积分.txt": "会员积分与储值卡管理办法\n第一条 为规范会员积分，制定本办法。\n第二条 储值卡不得兑换现金。\n"
                  "第三条 记名卡可以办理退卡，按卡内余额退还。\n"})
    assert [c.label for c in answer(r, "直播那个规范第4条说的啥？").citations] == ["《澜享商城直播间运营管理规范》二、脚本 4."]
    assert [c.label for c in answer(r, "积分储值卡那个办法第三条讲的什么").citations] == ["《会员积分与储值卡管理办法》第三条"]


def test_a_standards_foreword_is_cited_only_for_how_the_standard_was_made(tmp_path):
    """Probe P17: "冷链要求是什么" of a company standard cited its 前言 first ("主要技术变化如下：——增加了冷链配送要求（见
    5.3）", how it changed), and a seed question on DB33/T 932's classes cited its drafting units; the foreword stays an
    answer to who drafted the standard and what it replaced."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"物流.txt": (
        "Q/LX 003—2024\n\n物流配送管理规范\n\n2024-04-15 发布　　2024-05-01 实施\n\n前　言\n本标准代替Q/LX 003—2021，主要技术变化如下："
        "\n——增加了冷链配送要求（见5.3）；\n——调整了出库时效（见4.2）。\n本标准由物流中心提出并归口。\n本标准起草人：周启明、陈晓岚。\n\n"
        "1 范围\n本标准规定了出库和配送的要求。\n4 出库\n4.2 订单应当在付款后24小时内出库。\n5 配送\n5.3 冷链配送\n"
        "5.3.1 冷链商品应当全程保持0℃～4℃。\n5.3.2 冷链商品应当在出库后48小时内送达。\n")})
    cited = [c.label for c in answer(r, "物流规范对冷链配送有什么要求？").citations]
    assert cited and not any(x.endswith("前言") for x in cited), cited
    assert answer(r, "物流配送管理规范是谁起草的？").citations[0].label.endswith("前言")
    # (the review's: what changed against the old version, said otherwise)
    assert answer(r, "物流配送管理规范和2021版相比有什么不同？").citations[0].label.endswith("前言")


def test_a_clause_that_withholds_what_is_asked_is_cited_after_the_rule_that_grants_it(tmp_path):
    """Probe P17: "包裹晚到了好几天客户很生气，我们能给什么补偿" cited only "因不可抗力…造成的延误，不予补偿", which read as "no
    compensation"; the clause of the same document that grants it comes first."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"物流.txt": (
        "物流配送管理规范\n1 范围\n1.1 本规范适用于自营仓库和合作承运商。\n6 异常处理\n"
        "6.1 因公司或承运商原因延误超过48小时的，向消费者补偿5元无门槛券。\n"
        "6.2 因不可抗力造成包裹晚到的，不予补偿，但应在24小时内告知消费者。\n"
        "6.3 包裹丢失的，按商品实付金额赔付。\n")})
    cited = [c.label for c in answer(r, "包裹晚到了，客户很生气，我们能给什么补偿？").citations]
    assert cited[:2] == ["《物流配送管理规范》6.1", "《物流配送管理规范》6.2"], cited


def test_a_fault_said_as_staff_say_it_finds_the_rule_on_quality_problems(tmp_path):
    """Probe P17: "同一个毛病修了两回还是不行，客户能不能直接退" found a privacy rule first: 毛病 is said 质量问题 (or 故障) by
    the rules, and no document uses it."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "三包.txt": "售后维修与三包服务规程\n第一条 维修人员上门服务应当提前预约。\n第二条 三包有效期内，同一质量问题经两次修理仍不能正常"
                  "使用的，消费者可凭修理记录免费更换同型号商品或办理退货。\n第三条 维修配件应当使用原厂配件。\n",
        "隐私.txt": "客户隐私管理规定\n第一条 客户退订营销短信后不得再次发送。\n第二条 客户可以直接申请删除本人个人信息。\n"})
    assert answer(r, "同一个毛病修了两回还是不行，客户能不能直接退").citations[0].label == "《售后维修与三包服务规程》第二条"


def test_a_count_asked_by_ji_and_a_measure_word_is_no_subject_and_a_tables_rows_that_answer_are_quoted(tmp_path):
    """Probe P19: "商家刷单一次扣几分？卖假货又扣几分？" was "资料中没有提到“几分”" (几 and a measure word asks a count, as 几次
    does); answered, it quoted the table's header and the 刷单 row, not the 假冒 row that answers it as well."""
    from assistant.answer import answer, unknown_focus
    from assistant.thesaurus import Thesaurus

    assert unknown_focus("扣几分？又扣几分？", {"扣分": 0}, Thesaurus.load()) is None
    assert unknown_focus("几乎都说几乎", {"扣分": 0}, Thesaurus.load()) == "几乎"
    r = _docs_index(tmp_path, {
        "商家违规处理细则.txt": (
            "商家违规处理细则\n4 违规处理\n4.1 违规扣分\n4.1.1 商家违规分为一般违规和严重违规，两类违规分别扣分、分别累计。\n"
            "4.1.2 违规扣分标准如下：\n违规行为 | 违规类型 | 每次扣分\n商品描述不符 | 一般违规 | 2分\n"
            "延迟发货 | 一般违规 | 1分\n虚假发货 | 一般违规 | 3分\n骚扰中差评顾客 | 一般违规 | 6分\n"
            "虚构交易、刷单 | 严重违规 | 12分\n泄露顾客信息 | 严重违规 | 12分\n销售假冒商品 | 严重违规 | 48分\n"
            "4.1.3 扣分在扣分周期届满后清零，但严重违规累计扣分达到48分的除外。\n"),
    })
    ans = answer(r, "商家刷单一次扣几分？卖假货又扣几分？")
    assert ans.status == "answered", ans.answer
    assert "刷单 严重违规 12分" in ans.answer and "假冒商品 严重违规 48分" in ans.answer, ans.answer


def test_a_maximum_asked_is_not_answered_by_a_minimum(tmp_path):
    """Probe P19: "商家保证金最多要交多少钱？" was answered by "商家缴存的保证金不得低于1万元" (a minimum): a bound asked is
    stated only by a quantity that is not the other bound; the minimum asked is answered by it."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "商家违规处理细则.txt": (
            "商家违规处理细则\n1 保证金\n1.1 商家缴存的保证金不得低于1万元，具体金额按经营类目确定。\n"
            "1.2 保证金被扣除后，商家应当在接到通知之日起15日内补足。\n"
            "2 违约金\n2.1 商家销售假冒商品的，每次须向平台支付违约金最高5万元。\n"),
    })
    most = answer(r, "商家保证金最多要交多少钱？")
    assert most.status == "not_found" and "最多要交多少钱" in most.answer, most.answer
    least = answer(r, "商家保证金最少要交多少钱？")
    assert least.status == "answered" and "不得低于1万元" in least.answer, least.answer
    fine = answer(r, "卖假货的违约金最多交多少钱？")
    assert fine.status == "answered" and "5万元" in fine.answer, fine.answer


def test_a_period_that_runs_from_the_act_asked_is_not_its_time_and_a_period_before_its_name_is(tmp_path):
    """Probe P19: "…几天内能申诉？" quoted "平台应当在收到申诉之日起5个工作日内作出申诉处理决定" (a period that runs from the
    申诉, made already) before "…可以在收到处理通知之日起7日内…提出申诉"; "修好寄回去的东西还保修多久？" quoted "…寄回后3日内进行
    电话回访" before "维修部位自寄回之日起享有90日保修期", whose period names its 保修 right after it."""
    from assistant.answer import _PERIOD_ASKED, _asked, _period_before, _states, answer
    from ingest.records import Clause

    assert not _period_before("平台应当在收到申诉之日起5个工作日内作出申诉处理决定。", "申诉")
    assert _period_before("商家对违规处理结果有异议的，可以在收到处理通知之日起7日内通过商家后台提出申诉。", "申诉")
    q = "修好寄回去的东西还保修多久？"
    assert _states(Clause("x", "d", "D", "L", ("D",), "第二条 经维修的商品，维修部位自寄回之日起享有90日保修期。"),
                   _asked(q, _PERIOD_ASKED), q)
    r = _docs_index(tmp_path, {
        "商家违规处理细则.txt": (
            "商家违规处理细则\n5 申诉\n5.1 平台应当在收到申诉之日起5个工作日内作出申诉处理决定。\n"
            "5.2 商家对违规处理结果有异议的，可以在收到处理通知之日起7日内通过商家后台提出申诉。\n"
            "5.3 同一违规处理仅可申诉1次。\n"),
        "售后维修管理办法.txt": (
            "售后维修管理办法\n第一条 售后服务中心应当在维修商品寄回后3日内进行电话回访，回访满意率应当不低于90%。\n"
            "第二条 经维修的商品，维修部位自寄回之日起享有90日保修期。\n第三条 维修完成后应当进行功能测试。\n"),
    })
    ans = answer(r, "商家觉得扣分扣冤了，几天内能申诉？")
    assert ans.citations[0].label == "《商家违规处理细则》5.2", ans.answer
    ans = answer(r, "修好寄回去的东西还保修多久？")
    assert ans.citations[0].label == "《售后维修管理办法》第二条", ans.answer


def test_a_time_limit_a_duty_sets_for_whom_the_question_names_and_a_yes_no_count(tmp_path):
    """Probe P20: "买家要发票，财务最迟几天要开出来？…" was not found over "…财务部应当在订单完成后3个工作日内开具电子发票" (its
    anchor was 最迟, and the period stands past the reach after 财务); "…拆成几单分开报关行不行？" asks whether, no count."""
    from assistant.answer import _QUANTITY_ASKED, _asked, answer

    assert _asked("一单金额超了，拆成几单分开报关行不行？", _QUANTITY_ASKED) is None
    assert _asked("一单金额超了，最多拆成几单？", _QUANTITY_ASKED) is not None
    r = _docs_index(tmp_path, {
        "发票管理细则.txt": (
            "发票管理细则\n一、开具\n1. 消费者申请开具发票的，财务部应当在订单完成后3个工作日内开具电子发票。\n"
            "2. 消费者在订单完成后180日内均可申请补开发票。\n二、禁止行为\n财务人员不得有下列行为：\n"
            "（1）为无真实交易的订单开具发票；\n（2）变更发票金额、品名以满足消费者报销需求。\n"),
    })
    ans = answer(r, "买家要发票，财务最迟几天要开出来？")
    assert ans.status == "answered" and ans.citations[0].label == "《发票管理细则》一、1.", ans.answer


def test_a_word_that_only_asks_who_is_not_searched(tmp_path):
    """Probe P23: "请假三天要谁批？" ranked first "促销活动遵循“先报备、后上线，谁发起、谁负责”的原则", on its 谁 (the leave rules
    say 请假 a dozen times, so BM25 weighs it little), and answered from it. A word that only asks is no word a clause
    answers."""
    r = _docs_index(tmp_path, {
        "考勤与请假管理规定.txt": (
            "考勤与请假管理规定\n第一条 员工请假应当提前通过OA系统提交申请。\n第二条 请假1日以内的，由直接上级审批。\n"
            "第三条 请假超过1日、不超过3日的，由部门负责人审批。\n第四条 请假超过3日的，报人力资源部负责人审批。\n"
            "第五条 未经批准擅自休假的，按旷工处理。\n"),
        "促销活动管理办法.txt": "促销活动管理办法\n第四条 促销活动遵循“先报备、后上线，谁发起、谁负责”的原则。\n"})
    assert not any("谁发起" in r.by_id[c].text for c, _ in r.sparse("请假三天要谁批？", 10))
    assert r.search("请假三天要谁批？")[0].clause.document == "考勤与请假管理规定"


def test_staff_words_for_price_protection_and_approval_find_the_documents_words(tmp_path):
    """Probe P23: "客户刚买完东西就降价了，我们给不给补差价？多少天之内算？" was not found (补差价 is staff's word for 保价, price
    protection); "加班审批与补偿" left out "确需加班的，应当事先提交加班申请，经部门负责人批准" (批准 for 审批)."""
    from assistant.answer import answer
    from assistant.checklist import checklist

    r = _docs_index(tmp_path, {
        "促销活动管理办法.txt": (
            "促销活动管理办法\n第二十四条 本办法所称保价，是指消费者购买商品后一定期间内商品降价的，公司按照差价予以补偿。\n"
            "第二十五条 公司自营商品默认提供7日保价，自消费者签收之日起计算。\n第二十六条 每笔订单只能申请1次保价。\n"
            "第三十条 促销活动结束后，市场营销部应当在5个工作日内完成复盘。\n"),
        "加班管理规定.txt": (
            "加班管理规定\n第一条 因工作需要确需加班的，应当事先提交加班申请，经部门负责人批准。\n"
            "第二条 休息日加班的，应当优先安排调休；逾期未调休的，公司须支付加班补偿。\n第三条 员工应当按时打卡。\n")})
    got = answer(r, "客户刚买完东西就降价了，我们给不给补差价？多少天之内算？")
    assert got.status == "answered" and "7日保价" in got.answer, got.answer
    items = [i.text for i in checklist(r, "加班审批与补偿").items]
    assert any("加班申请" in x for x in items), items


def test_a_thing_broken_is_said_by_the_documents_words_for_a_defect(tmp_path):
    """Probe P23: "送的小赠品坏了，客户要退换，我们可以说赠品不管吗？" quoted the rule on returning gifts with the goods; the one
    that answers, "赠品出现质量问题的，…不得以“赠品不退不换”为由拒绝售后", ranked second (坏了 is staff's word for it)."""
    r = _docs_index(tmp_path, {"促销活动管理办法.txt": (
        "促销活动管理办法\n第二十八条 赠品应当是公司合法采购、检验合格的商品。\n"
        "第二十九条 消费者退货时，赠品应当随主商品一并退回；赠品已使用或者遗失的，可以从退款中扣除相应金额。\n"
        "第三十条 赠品出现质量问题的，公司承担与正价商品相同的售后责任，不得以“赠品不退不换”为由拒绝售后。\n"
        "第三十一条 活动页面须标明赠品名称、规格、数量及赠送条件。\n")})
    assert r.search("送的小赠品坏了，客户要退换，我们可以说赠品不管吗？")[0].clause.label.endswith("第三十条")


@pytest.mark.parametrize("question, answer_says", [
    ("公章找不着了，可能是被人偷了，该怎么处理？", "2小时内报告"),  # 找不着 / 遗失, 偷 / 被盗
    ("被认定成恶意投诉，头一回会有啥后果？", "暂停"),  # 头一回 / 首次
    ("对方让我们把货款直接打到他们老板个人卡上，合同里能这么约定吗？", "个人账户"),  # 个人卡 / 个人账户
    ("客户聊着聊着不回消息了，我要等多久才能把会话关掉？", "5分钟未回复"),  # 不回 / 未回复
    ("碰到客户一直骂人，我能不能直接把对话结束掉？", "文明提示"),  # 骂人 / 辱骂
    ("要是不小心给客户多退了钱，后面怎么往回要？", "协商追回"),  # 往回要 / 追回 (probe P25)
])
def test_staff_words_for_lost_stolen_first_and_personal_accounts_find_the_rules(tmp_path, question, answer_says):
    """Probe P24: each quoted a rule beside the one that answers (公章必须存放于保险柜, 第二次认定的, 预付款比例)."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"合同与印章管理办法.txt": (
        "合同与印章管理办法\n第二十条 公章和合同专用章必须存放于带锁的保险柜内，保管人员应当每日核对印章数量。\n"
        "第二十一条 印章遗失或者被盗的，保管人员必须在发现后2小时内报告行政部负责人。\n"
        "第二十二条 对经认定的恶意投诉，平台按下列方式处理：\n（一）首次认定的，暂停投诉人使用投诉系统3个月；\n"
        "（二）第二次认定的，永久取消投诉人的投诉资格。\n"
        "第二十三条 合同约定的预付款比例超过合同总额30%的，法务部不得出具同意意见。\n"
        "第二十四条 合同约定的付款方式必须为对公转账，严禁约定向个人账户付款。\n"
        "第三十条 客户在会话中出现辱骂、威胁等言行的，客服人员可以发送一次文明提示，并可以结束会话，但须在30分钟内报告客服组长。\n"
        "第三十一条 客户未明确表示问题已经解决的，客服人员不得主动结束会话。\n"
        "第三十二条 客户连续5分钟未回复的，客服人员须发送一次提醒；提醒后再等待3分钟无回复的，方可结束会话。\n"
        "第三十三条 有下列情形之一的，审核人员应当驳回退款申请：退回商品与原订单商品不一致的。\n"
        "第三十四条 经查明属于多退款的，客户服务中心应当在查明后2个工作日内联系消费者协商追回。\n")})
    got = answer(r, question)
    assert got.status == "answered" and answer_says in got.answer, got.answer


def test_a_rule_named_short_by_the_first_characters_of_its_words_is_looked_up(tmp_path):
    """Probe P24: "知产规则第二十八条说的反通知…" was "知识库中没有《知产规则》": 知产 is 知识产权 short, its two characters one
    apart in the title. (Two characters further apart name nothing: "知权规则" is no title here.)"""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "商家品牌授权与知识产权投诉处理规则.txt": (
            "云汐优品平台商家品牌授权与知识产权投诉处理规则\n第二十七条 商家可以提交反通知。\n"
            "第二十八条 知保中心应当将反通知转送投诉人，投诉人须在15日内告知平台。\n"),
        "合同审批管理办法.txt": "合同审批管理办法\n第二十八条 合同原件应当在签订后5个工作日内交法务部归档。\n"})
    got = answer(r, "知产规则第二十八条说的反通知，投诉方收到以后要在多长时间里给平台回话？")
    assert got.status == "answered" and "15日内" in got.answer and "归档" not in got.answer, got.answer
    assert answer(r, "知权规则第二十八条说了什么？").status == "not_found"


def test_an_amount_asked_under_a_bound_is_answered_by_the_clause_that_states_it_so(tmp_path):
    """Probe P39: "送去验机的相机在验机中心被弄坏了，平台最多赔多少？" was not found ("问题问的是“多少”") beside "…平台按照商品
    成交价赔偿，最高不超过20000元", second to a rule on unclaimed goods that shares more of the question's words: a clause
    that says what the amount is of (赔) and states it under the bound asked (最多 ↔ 最高不超过) answers it."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"验机.txt": (
        "某平台验机及鉴定服务标准\n8 结果与责任\n8.3 因验机中心原因导致商品在检测、保管期间毁损、灭失的，平台按照商品成交价赔偿，"
        "最高不超过20000元。\n11 附则\n11.4 商品在验机中心滞留超过30日且无法联系卖家退回的，按照平台无主物品处理规定处置。\n"
        "11.5 送检的相机、镜头在验机中心检测期间，卖家不得要求中途取回。\n")})
    got = answer(r, "送去验机的相机在验机中心被弄坏了，平台最多赔多少？")
    assert got.status == "answered" and "20000元" in got.citations[0].text, got.answer


def test_a_few_days_asked_find_the_rule_that_counts_them_in_hours(tmp_path):
    """Probe P39: "卖家三天了还没填快递单号…" ranked "卖家未在买家付款后72小时内填写有效物流单号的，…" below a rule on fake
    numbers: the days staff say are the hours the rules count, where a clause counts them so."""
    r = _docs_index(tmp_path, {"a.txt": "某平台交易规则\n第五条 卖家未在买家付款后72小时内填写有效物流单号的，买家可以申请取消订单。\n"
                                        "第六条 卖家填写的物流单号应当真实有效。\n第七条 买家应当在收到商品后及时验货。\n"})
    assert r.expansion("卖家三天了还没填单号怎么办？")[-2:] == ["72", "小时"]
    assert "72" not in r.expansion("卖家两天了还没填单号怎么办？")  # (no clause counts 48小时)
    assert "72" not in r.expansion("卖家第三天还没填单号怎么办？")


def test_a_word_jieba_glues_to_its_measure_word_is_searched_by_the_words_the_rules_use(tmp_path):
    """Blind probe P118: "有个买家一周内买了三十多盒烟弹，我们商家要怎么处理？" cited a sanction on unfiled products, not
    "同一账户7天内累计购买烟弹超过30盒的，商家须暂停向该账户发货…": jieba's guess at an unknown word, "盒烟弹", hid the 烟弹
    the rules say. (A count said in the question is a fact of its case, not the rules' number: 一周 → 7 and 三个月 → 3 put
    a law's other article first where a question said "…冰箱用了三个月就出毛病", and was left out.)"""
    from assistant.retrieve import _known_parts

    r = _docs_index(tmp_path, {"a.txt": (
        "电子烟类目商家经营规范\n一、每个实名账户每日购买烟弹合计不得超过10盒、烟具不得超过2支。\n"
        "二、同一账户7天内累计购买烟弹超过30盒的，商家须暂停向该账户发货并提交平台审核。\n"
        "三、销售未备案产品的，立即下架商品，并按每个商品扣除保证金1000元。\n"
        "四、商家不得为买家提供代下单服务，违者扣除保证金500元。\n")})
    vocab = r.bm25.vocab_dict
    assert _known_parts(["盒烟弹", "商家"], vocab) == ["商家", "烟弹"] and _known_parts(["内买"], vocab) == []
    hits = r.search("有个买家一周内买了三十多盒烟弹，我们商家要怎么处理？")
    assert "超过30盒" in hits[0].clause.text


TIMED = {  # a company's rules that set times of some acts and not of others
    "售后与保证金规则.txt": "售后与保证金规则\n"
                    "第一条 鉴定中心收到送检商品后，应当在2小时内完成签收登记，并对外包装拍照留存。\n"
                    "第二条 判定买家恶意售后的，客服应当对买家账号作降级处理；情节严重的，主管须在3个工作日内报送法务部。\n"
                    "第三条 商家申请退还保证金的，应当同时满足以下条件：\n（一）最后一笔订单交易完成满90天；\n（二）无未处理完毕的投诉。\n"
                    "第四条 检测报告应当保存三年。\n"
                    "第五条 大促活动持续期间，客服应当全天在线值守。\n"
                    "第六条 直播话术中禁止出现“全网最低价”“史上最低”等绝对化用语。\n"
                    "第七条 团购券核销记录由系统自动保存180天。\n第八条 消费者对核销有异议的，运营专员应当调取门店监控截图核对。\n",
    "直播样品规程.txt": "直播样品规程\n1 总则\n1.1 本规程适用于公司直播间的样品。\n3 样品\n"
                  "3.1 样品寄达后，仓库须在24小时内签收登记，并拍照留存外包装。\n5 售后\n"
                  "5.1 售后客服不得以样品审核已通过为由拒绝消费者的质量投诉。\n"
                  "5.2 因大货与样品不一致引发的退货，退款及来回运费由商家全部承担，商家还须按每单50元向消费者支付补偿。\n"
                  "5.4 直播期间因库存超卖无法发货的，商家应当在24小时内主动联系消费者，并按订单实付金额的30%赔付，"
                  "最低不少于10元。\n",
}


@pytest.fixture(scope="module")
def timed(tmp_path_factory):
    return _docs_index(tmp_path_factory.mktemp("timed"), TIMED)


def test_a_time_asked_of_an_act_no_timed_sentence_cited_says_is_not_found(timed):
    """Probes P70-P75: "降级状态要持续多久才能恢复？" was answered by "…主管须在3个工作日内报送法务部", a time of another
    act; "温度数据要保存多长时间？" by "每5分钟自动上传一次温度数据". A time of the act asked is answered: by a synonym of its
    verb (保留 / 保存), or where a list item states the time and its lead-in the act."""
    from assistant.answer import answer

    off = answer(timed, "买家账号被降级以后，降级状态要持续多久才能恢复？")
    assert off.status == "not_found" and "持续多久" in off.answer, off.answer
    kept = answer(timed, "检测报告要保留多长时间？")
    assert kept.status == "answered" and kept.citations[0].label == "《售后与保证金规则》第四条", kept.answer
    lead = answer(timed, "商家想退保证金，最后一单要过多久才能申请？")
    assert lead.status == "answered" and "90天" in lead.answer, lead.answer


def test_the_time_of_the_act_asked_comes_first_and_the_hours_of_a_day_are_no_period(tmp_path):
    """Blind probe P107: "风控把疑似小孩在用的账号冻了之后，要在多长时间内打电话核实？" was answered by "…应当在1小时内冻结该账户
    的充值功能" (the time to freeze), "…风控专员须在24小时内联系账户注册手机号进行核实" fifth; "客服最晚多久要回过去？" by
    "客服热线的服务时间为每日8:00至22:00", a day's hours, before "…应当在2小时内响应"."""
    from assistant.answer import _PERIOD_ASKED, _asked, _states, answer

    r = _docs_index(tmp_path, {
        "虚拟商品充值操作规范.txt": (
            "虚拟商品充值操作规范\n五、异常充值监测\n（一）风控中心对疑似未成年人账户的充值行为实施实时监测，发现异常的，应当在1小时"
            "内冻结该账户的充值功能。\n（二）账户被冻结后，风控专员须在24小时内联系账户注册手机号进行核实；核实不通过的，维持冻结"
            "状态。\n（三）风控中心每月汇总冻结情况。\n"),
        "监护人投诉处理细则.txt": (
            "监护人投诉处理细则\n2.1 平台通过投诉专用入口和客服热线受理监护人投诉，客服热线的服务时间为每日8:00至22:00。\n"
            "2.2 客服接到监护人投诉后，应当在2小时内响应。\n2.3 监护人应当提供关系证明。\n")})
    got = answer(r, "风控把疑似小孩在用的账号冻了之后，要在多长时间内打电话核实？")
    assert got.status == "answered" and "24小时" in got.answer and "1小时内冻结" not in got.answer, got.answer
    got = answer(r, "家长打电话来投诉孩子乱充值，客服最晚多久要回过去？")
    assert got.status == "answered" and got.citations[0].text.startswith("2.2"), got.answer
    q = "客服最晚多久要回过去？"
    hours = next(c for c in r.clauses_of("监护人投诉处理细则") if c.text.startswith("2.1"))
    assert not _states(hours, _asked(q, _PERIOD_ASKED), q)


@pytest.mark.parametrize("question, acts", [
    ("温度数据要保存多长时间？", ("保存",)),
    ("运行日志至少得保留多久？", ("保留",)),  # (past the bound and the modal before the ask)
    ("要在几天内给出审核结果？", ("给出", "审核")),
    ("客户投诉多久内必须回应？", ("投诉", "回应")),
    ("交易记录到底要存几年？", ()),  # (存: a verb of one character, 要 glued to it)
    ("入驻商家的资质信息多久要重新核验一次？", ()),  # (入驻 names the 商家; the verb before the ask is none)
    ("发货要多久？", ()),  # (发货, a noun to jieba: staff name a thing as they name it)
    ("规定多少天内必须完成清关？", ("清关",)),  # (what 完成 is done to, whatever jieba tags it: 清关 is an x)
    ("风控复核后最长可以限制他退货多久？", ("限制",)),  # (the verb before whom it is done to: blind probe P102)
    ("要在多长时间内打电话核实？", ("打电话", "核实")),  # (a set phrase of doing, and the word after it: blind probe P107)
])
def test_the_act_a_time_is_asked_of_is_the_verb_beside_the_ask(question, acts):
    from assistant.answer import _PERIOD_ASKED, _act_of_time, _asked

    assert _act_of_time(question, _asked(question, _PERIOD_ASKED).words) == acts


def test_a_clause_numbered_as_a_standard_is_no_item_the_asker_has_and_a_quoted_term_must_be_said(timed):
    """Probe P76: "商家除了退款还要额外补偿顾客多少？" put "5.2 …退款及来回运费由商家全部承担，商家还须按每单50元…补偿" last,
    as an item that names what the asker has (退款), and was not found; "主播说了“全网最低价”…要赔多少钱？" was answered by
    the 30% of overselling, which says nothing of it; "仓库多长时间内要处理？" asks the time of any handling."""
    from assistant.answer import answer

    more = answer(timed, "大货跟样品不一样，商家除了退款还要额外补偿顾客多少？")
    assert more.status == "answered" and "50元" in more.answer, more.answer
    quoted = answer(timed, "主播说了“全网最低价”被消费者投诉了，要赔给消费者多少钱？")
    assert quoted.status == "not_found" and "全网最低价" in quoted.answer, quoted.answer
    handled = answer(timed, "样品寄到仓库了，仓库多长时间内要处理？")
    assert handled.status == "answered" and "24小时" in handled.answer, handled.answer


def test_a_time_asked_of_a_thing_is_stated_of_that_thing(timed):
    """Probe P79: "门店监控录像至少要保存多久？" was answered by "核销记录由系统自动保存180天", the act's time of another thing
    (the documents say 监控 elsewhere)."""
    from assistant.answer import answer

    other = answer(timed, "团购核销有争议要调门店监控，门店监控录像至少要保存多久？")
    assert other.status == "not_found", other.answer
    own = answer(timed, "团购券的核销记录要保存多久？")
    assert own.status == "answered" and "180天" in own.answer, own.answer


def test_a_time_asked_of_an_act_is_not_stated_by_a_document_whose_title_alone_names_it(tmp_path):
    """Probe P80: "…从海外发出后，规定多少天内必须完成清关？" was answered by "客服应当在拦截后24小时内联系消费者核实" of the
    《保税仓跨境商品发货与清关管理规定》: its title names every act of the document. A heading that names the act does
    tell what its clauses time."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"清关.txt": (
        "保税仓商品发货与清关管理规定\n第二章 订单推送与申报\n"
        "第七条 订购人身份信息与支付人信息不一致的，系统应当拦截，不得申报。客服应当在拦截后24小时内联系消费者核实。\n"
        "第八条 仓库应当在订单推送后4小时内完成拣货打包。\n")})
    got = answer(r, "直购进口的包裹从海外发出后，规定多少天内必须完成清关？")
    assert got.status == "not_found" and "清关" in got.answer, got.answer
    (tmp_path / "headed").mkdir()
    headed = _docs_index(tmp_path / "headed", {"清关.txt": (
        "保税仓商品发货与清关管理规定\n第二章 订单推送与申报\n"
        "第七条 订购人身份信息与支付人信息不一致的，系统应当拦截，不得申报。\n"
        "第三章 清关时效\n第九条 包裹入境后应当在3个工作日内放行。\n")})
    got = answer(headed, "包裹入境以后，规定多少天内必须完成清关？")
    assert got.status == "answered" and "3个工作日" in got.answer, got.answer


def test_a_time_stated_in_calendar_days_answers_how_many_days(tmp_path):
    """Probe P83: "用户中了实物奖品，填完地址后我们最晚多少天要发货？" was not found beside "实物奖品应当在中奖用户确认收货地址后
    10个自然日内…发出": days are counted as calendar days (自然日, 日历日) too."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"奖品.txt": (
        "营销活动奖品发放管理规定\n第九条 奖品发放\n1. 实物奖品应当在中奖用户确认收货地址后10个自然日内由仓储物流部发出。\n"
        "2. 虚拟奖品应当在活动结束后即时发放到用户账户。\n第十条 商家应当在活动结束后7日内上传发放凭证。\n")})
    got = answer(r, "用户中了实物奖品，填完地址后我们最晚多少天要发货？")
    assert got.status == "answered" and "10个自然日" in got.answer, got.answer


def test_a_head_count_is_stated_as_a_share_of_its_whole_and_a_side_is_no_thing_timed(tmp_path):
    """Probe P81: "一个组里同一个时间段最多能有多少人去休息？" was not found beside "…同一班组同一时段休息人数不得超过在岗人数的
    20%"; probe P84: "仓库那边要在几天内把索赔材料交给快递公司？" was not found beside "仓储部须在确认异常后3个工作日内向快递
    公司提交索赔材料", 仓库 taken for the thing the time is of. A count is stated as a share of its whole (人数的20%), and a
    side that does the act ("仓库那边") is no thing a timed sentence must say."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"排班与理赔.txt": (
        "客服排班与异常件理赔办法\n第十七条 客服人员每连续工作2小时，可以安排休息10分钟；同一班组同一时段休息人数不得超过在岗人数的20%。\n"
        "第十八条 仓储部须在确认异常后3个工作日内向快递公司提交索赔材料。\n"
        "第十九条 单件商品价值超过2000元的，仓库必须办理保价后方可发货。\n")})
    rest = answer(r, "一个组里同一个时间段最多能有多少人去休息？")
    assert rest.status == "answered" and "20%" in rest.answer, rest.answer
    claim = answer(r, "货在路上坏了，仓库那边要在几天内把索赔材料交给快递公司？")
    assert claim.status == "answered" and "3个工作日" in claim.answer, claim.answer


def test_damages_paid_under_a_sums_name_answer_how_much_is_paid(tmp_path):
    """Probe P84: "店铺被判虚假发货，一单要赔给买家多少钱？" was not found beside "每笔订单向买家支付订单实付金额30%的违约金，最低
    5元、最高500元" (no 赔 in it); probe P88: "供应商交货晚了几天，违约金怎么算？" cited a rule on asking for a delay, the
    违约金 rule put below the top k as a penalty provision. Damages paid to someone answer a 赔, and a 违约金 asked is a
    consequence asked."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"发货.txt": (
        "物流信息及虚假发货管理规范\n第十六条 买家认为商家存在虚假发货的，可以通过投诉入口发起投诉，并上传物流页面截图。\n"
        "第十七条 平台通过物流轨迹比对、买家投诉等方式对商家发货行为进行日常监测。\n"
        "第十八条 经认定构成虚假发货的，按以下规定处理：\n（一）每笔订单向买家支付订单实付金额30%的违约金，最低5元、最高500元；\n"
        "（二）每笔订单扣除店铺信用分2分。\n"
        "第十九条 商家故意利用虚假发货规避发货超时处罚的，属于严重违规，平台可直接扣除12分并冻结店铺待结算货款。\n"),
        "采购.txt": (
            "采购订单管理规范\n四、交货管理\n（一）供应商应当按订单约定的日期交货。\n"
            "（二）供应商因自身原因要求延期交货的，应当至少提前3天书面申请。\n"
            "（三）供应商逾期交货的，每逾期1天按该订单金额的0.5%扣除违约金，最高不超过订单金额的10%。\n"
            "（四）采购员应当在约定交货日期前3天与供应商核实发货进度。\n")})
    paid = answer(r, "店铺被判虚假发货，一单要赔给买家多少钱？")
    assert paid.status == "answered" and "500元" in paid.answer, paid.answer
    late = answer(r, "供应商交货晚了几天，违约金怎么算，有没有封顶？")
    assert late.status == "answered" and "0.5%" in late.answer.split("[1]")[0], late.answer


def test_a_lead_time_stated_as_one_answers_a_lead_time_asked_nearly_as_well_as_the_best(tmp_path):
    """Probe P86: "资质快过期了，要提前多少天把新的传上去？" was not found: "资质有效期届满前30日，商家应当提交更新后的资质"
    shared a little less of it than "资质过期未更新的，…自动下架", which states no time."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"资质.txt": (
        "商品信息发布规范\n第十八条 商家上传的资质应当在有效期内，资质有效期届满前30日，商家应当提交更新后的资质。\n"
        "第十九条 资质审核由平台类目运营在3个工作日内完成。\n"),
        "限售.txt": "禁售与限售商品管理规则\n四、限售商品\n（三）资质管理\n5. 资质过期未更新的，对应类目下全部商品将由系统自动下架。\n"})
    got = answer(r, "资质快过期了，要提前多少天把新的传上去？")
    assert got.status == "answered" and "届满前30日" in got.answer, got.answer


def test_a_time_asked_of_a_verb_with_its_end_is_of_that_verb(tmp_path):
    """Probe P88: "紧急订单的审批有没有单独的时限，比如主管要在几个小时内批完？" was answered by "供应商应当在收到订单后24小时内
    在SRM系统中确认订单": 批完, said by no document, was no act to look for; its verb 批 is. A verb of direction (转给 ←
    升级至) or of doing (办完 ← 完成) is not read so."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"采购.txt": (
        "采购订单管理规范\n三、订单下达\n（一）单笔订单金额10万元以下的，由采购主管审批。\n"
        "（二）单笔订单金额10万元以上的，由采购经理审批。\n"
        "（四）供应商应当在收到订单后24小时内在SRM系统中确认订单，逾期未确认的，采购员应当电话跟进。\n"
        "（五）食品安全投诉工单，客服必须在30分钟内升级至食品安全专员。\n"
        "（六）人工核验应当在1个工作日内完成。\n")})
    got = answer(r, "紧急订单的审批有没有单独的时限，比如主管要在几个小时内批完？")
    assert got.status == "not_found" and "批完" in got.answer, got.answer
    passed = answer(r, "客服接到食品安全投诉后多快要转给食品安全专员？")
    assert passed.status == "answered" and "30分钟" in passed.answer, passed.answer
    done = answer(r, "走人工核验的话多久要给人家办完？")
    assert done.status == "answered" and "1个工作日" in done.answer, done.answer


def test_a_time_holds_for_its_own_act_and_a_time_no_clause_gives_is_not_found(tmp_path):
    """Blind probes P70, P81, P84: "检测报告和开箱视频要保存多长时间？" was answered by "…应当在2小时内完成签收登记，并对外包装
    拍照留存" (the time is of 签收登记, not of the further act joined by 并); "热线的通话录音要保存多长时间？" by a waiting time,
    where no document says 保存 nor a synonym of it; "…被限制货到付款，具体要限制多长时间？" by "…平台可限制其使用货到付款
    服务", which gives no time at all. The time of the act itself is answered, and so is a time said in words ("及时")
    or asked beside another question."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"鉴定与客服.txt": (
        "验机鉴定与客服管理规范\n第三条 鉴定中心收到卖家寄送的商品后，应当在2小时内完成签收登记，并对外包装拍照留存。\n"
        "第四条 热线客服需要消费者等待的，等待时间超过1分钟的，应当每隔30秒向消费者回应一次。热线录音抽检时，质检专员应当"
        "完整收听整通录音。\n"
        "第五条 买家一个自然年内无理由拒收超过5次的，平台可限制其使用货到付款服务。\n"
        "第六条 买家对限制有异议的，客服应当及时核实。\n")})
    joined = answer(r, "鉴定中心收到的商品，外包装照片要保存多长时间？")
    assert joined.status == "not_found" and "保存多长时间" in joined.answer, joined.answer
    own = answer(r, "鉴定中心收到卖家的商品以后，多长时间内要完成签收登记？")
    assert own.status == "answered" and "2小时" in own.answer, own.answer
    unsaid = answer(r, "热线的通话录音公司要保存多长时间？")
    assert unsaid.status == "not_found" and "保存" in unsaid.answer, unsaid.answer
    none = answer(r, "买家无理由拒收超过5次被限制货到付款，具体要限制多长时间？")
    assert none.status == "not_found" and "都没有给出具体时间" in none.answer, none.answer
    both = answer(r, "买家拒收太多次，平台会怎么处理，要限制多长时间？")
    assert both.status == "answered" and "没有规定具体时限" in both.notice, (both.answer, both.notice)
    worded = answer(r, "买家对货到付款被限制有异议，客服要多久核实？")
    assert worded.status == "answered" and "及时" in worded.notice, (worded.answer, worded.notice)


def test_a_rules_purpose_a_tier_a_little_deeper_and_the_sanction_of_a_breach(tmp_path):
    """Blind probes P94-P97: "用户一直拖着不还，多久算机器丢了？这种案子转给谁？" quoted "第1条 为督促承租人按期归还…制定本
    办法。近年来…" (a statement of purpose, first); "用户晚还了5天，逾期费怎么收？" cited "…非用户原因造成逾期的，不得收取逾期
    费用", the tier 5 days fall in ("逾期1至7日的…") eleventh; "平台几天内给结果？" was not found beside "…评价处理专员应当在3个
    工作日内作出处理决定", 平台 read as the thing the days are of; "商家偷偷换个商品链接来躲价保，被查到会怎么处理？" cited the
    prohibition alone, not "商家规避价保的，每次扣3分…"."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "逾期办法.md": (
            "# 逾期归还与违约处理办法\n\n**第1条** 为督促承租人按期归还租赁物，维护平台资产安全，制定本办法。近年来，租赁逾期未还、"
            "用户失联的情况时有发生，给平台造成较大损失。\n\n**第7条** 逾期费用按日计算：逾期1至7日的，按日租金的1.5倍收取；逾期8日"
            "及以上的，按日租金的2倍收取。\n\n**第8条** 逾期费用累计总额不得超过租赁物市场价。\n\n"
            "**第9条** 因物流延误、平台系统故障等非用户原因造成逾期的，不得收取逾期费用。\n\n"
            "**第10条** 对免押用户，逾期费用从其绑定的支付账户代扣前，客服须提前24小时短信告知用户扣款金额。\n\n"
            "**第11条** 用户逾期的，客服应当每日至少联系用户一次。\n\n"
            "**第13条** 逾期超过30日且经3次以上有效联系仍拒不归还的，视为租赁物灭失，客服应当将案件移交法务部。\n"),
        "价保细则.txt": (
            "预售价格保护实施细则\n第五条 价保规则\n（一）价保期自消费者支付定金之日起至确认收货后7日止。\n"
            "（二）商家不得通过更换商品链接、修改SKU名称等方式规避价保。\n第六条 消费者申请价保的，商家应当在24小时内处理。\n"
            "第十条 价保差价应当原路退还。\n第十一条【违规处理】商家规避价保的，每次扣3分，并按差价的3倍向消费者赔付。\n"),
        "评价投诉.txt": (
            "评价投诉处理办法\n第六条 平台评价处理专员应当在收到投诉后1个工作日内完成初步审查，材料不全的，一次性告知商家补充。材料齐全的，"
            "评价处理专员应当在3个工作日内作出处理决定。\n第七条 平台不得仅凭商家单方陈述删除买家评价。\n")})
    lost = answer(r, "用户一直拖着不还，多久算机器丢了？这种案子转给谁？")
    assert lost.status == "answered" and lost.citations[0].label.endswith("第13条"), lost.answer
    tier = answer(r, "用户晚还了5天，逾期费怎么收？")
    assert tier.status == "answered" and "1.5倍" in tier.answer, tier.answer
    days = answer(r, "商家投诉某条评价，材料都交齐了，平台几天内给结果？")
    assert days.status == "answered" and "3个工作日" in days.answer, days.answer
    breach = answer(r, "商家偷偷换个商品链接来躲价保，被查到会怎么处理？")
    assert breach.status == "answered" and "规避价保" in breach.answer and "扣3分" in breach.answer, breach.answer
    assert [c.label for c in breach.citations][0].endswith("第五条（二）"), breach.answer


def test_a_verb_and_its_object_that_ba_parts_are_searched_as_the_compound(tmp_path):
    """Blind probe P94: "顾客把尾款付了之后，商家最晚多少天内必须把货发出去？" ranked "预售商品的发货时间不得超过消费者支付全款
    （或尾款）之日起30日" 27th and was not found: "把货发出去" says 发货 with 把 between its verb and its object."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {"预售.txt": (
        "预售商品管理规范\n第六条 预售商品的发货时间不得超过消费者支付尾款之日起30日。\n"
        "第七条 消费者支付尾款后，仓库应当按照付款顺序依次打包。\n第八条 客服应当告知消费者尾款支付截止时间。\n")})
    assert "发货" in r.expansion("顾客把尾款付了之后，商家最晚多少天内必须把货发出去？")
    assert r.expansion("商家最晚多少天内必须发货？") == []
    got = answer(r, "顾客把尾款付了之后，商家最晚多少天内必须把货发出去？")
    assert got.status == "answered" and "30日" in got.answer, got.answer


def test_a_glued_word_a_passive_a_measured_thing_a_definition_and_an_unnamed_recipient(tmp_path):
    """Blind probes P110-P113: "师傅上门多收了客户的钱，多收的部分要多久退给客户？" was "资料中没有提到“多收”" (jieba's 按多收);
    "第一次被查到和第二次被查到分别怎么罚？" "…没有提到“被查”"; "…没有证书的话，要有几年工作经验才行？" was answered by the 5个工作日
    to report an expired certificate, 工作 read as the act timed; "给小学生上课的老师，入驻时还得额外交什么证明？" quoted the
    definition of 学科类课程 before the rule; "…要在多长时间内向网信办等监管部门报告？" was answered by the hour to report to the
    company's 信息安全部, no document naming any regulator."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "收费.txt": (
            "上门费及增项收费管理办法\n3.4 多收费用的，服务商须在核实后3个工作日内全额退还消费者。\n"
            "4.2 服务人员超标准收费的，按多收金额的3倍向消费者赔付，并对服务商每次罚款300元。\n"),
        "活体.txt": (
            "禁售商品及活体交易管理办法\n五、违规处理\n（一）商家首次发布活体商品的，删除商品并扣6分；再次发布的，扣12分并冻结店铺7天。\n"
            "（二）商家以“领养”名义变相销售活体的，直接扣48分并清退。\n"),
        "讲师.txt": (
            "讲师入驻与资质审核规范\n二、定义\n（一）“学科类课程”，是指语文、数学、英语等面向中小学生的学科知识培训课程。\n"
            "三、资质要求\n1. 讲授会计、法律等职业类课程的讲师，须提供对应的职业资格证书或不少于3年的相关从业证明。\n"
            "2. 讲授面向未成年人课程的讲师，须提交公安机关出具的无犯罪记录证明。\n"
            "3. 讲师资格证书过期或被吊销的，讲师应当在5个工作日内主动向平台报告。\n"),
        "学员信息.txt": (
            "学员个人信息保护细则\n第九条 发现学员信息泄露或疑似泄露的，发现人须在1小时内报告信息安全部。\n"
            "第十条 信息安全部应当在24小时内完成影响评估。\n")})
    over = answer(r, "师傅上门多收了客户的钱，多收的部分要多久退给客户？")
    assert over.status == "answered" and "3个工作日" in over.answer, over.answer
    again = answer(r, "商家上架了卖活体的链接，第一次被查到和第二次被查到分别怎么罚？")
    assert again.status == "answered" and "扣12分" in again.answer, again.answer
    years = answer(r, "想在平台上讲会计课，没有证书的话，要有几年工作经验才行？")
    assert years.status == "answered" and "不少于3年" in years.answer, years.answer
    proof = answer(r, "给小学生上课的老师，入驻时还得额外交什么证明？")
    assert proof.status == "answered" and "无犯罪记录证明" in proof.citations[0].text, proof.answer
    assert answer(r, "学科类课程是指什么？").citations[0].text.startswith("（一）“学科类课程”，是指")
    regulator = answer(r, "发生学员信息泄露的话，公司要在多长时间内向网信办等监管部门报告？")
    assert regulator.status == "not_found" and "网信办" in regulator.answer, regulator.answer
    inside = answer(r, "发现学员信息泄露了，要在多长时间内报告信息安全部？")
    assert inside.status == "answered" and "1小时" in inside.answer, inside.answer


def test_a_cost_named_after_who_pays_a_list_of_definitions_and_the_first_step(tmp_path):
    """Blind probe P110: "…工伤怎么处理、谁来出医药费？" was answered by "因搬运、安装操作不当导致损坏的，由服务商承担责任" (the
    cost named after the ask was not read), "…货退回仓库的运费由谁承担？" by the list under "二、定义", whose "先行赔付：指…由
    平台先行向消费者支付赔偿款" reads as who pays; the fixed set's "要搭一套运营管理体系，第一步先做什么？" cited a later step."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "赔付.txt": (
            "配送安装损坏赔付处理细则\n一、总则\n第1条 消费者签收时发现商品损坏的，可以拒收。\n"
            "二、定义\n- 商品损坏：指商品在运输、搬运、安装过程中出现的破损、变形等。\n"
            "- 先行赔付：指责任尚未认定前，由平台先行向消费者支付赔偿款，再向责任方追偿。\n"
            "三、责任\n第6条 因搬运、安装操作不当导致损坏的，由服务商承担责任。\n"),
        "配送.txt": "二次配送管理办法\n第七条 二次配送产生的运费由商家承担。\n",
        "体系.txt": (
            "运营管理体系\n4. 运营管理体系的建立过程分为以下几个步骤: 4.1 确定目标：明确企业的运营目标。\n"
            "4.5 建立沟通机制：建立运营管理体系各部门之间的沟通机制。\n4.6 建立数据分析平台：为运营管理体系提供数据支持。\n")})
    injury = answer(r, "配送员搬冰箱上楼时自己把腰扭伤了，谁来出医药费？")
    assert injury.status == "not_found", injury.answer
    freight = answer(r, "二次配送的运费谁来出？")
    assert freight.status == "answered" and "商家承担" in freight.answer, freight.answer
    refused = answer(r, "客户开箱发现破损当场拒收了，货退回仓库的运费由谁承担？")
    assert not any("先行赔付：指" in c.text for c in refused.citations), refused.answer
    meaning = answer(r, "先行赔付是什么意思？")
    assert meaning.status == "answered" and "先行赔付：指" in meaning.citations[0].text, meaning.answer
    first = answer(r, "要搭一套运营管理体系，第一步先做什么？")
    assert first.status == "answered" and "确定目标" in " ".join(c.text for c in first.citations[:2]), first.answer
    assert first.answer.find("确定目标") < first.answer.find("建立沟通机制"), first.answer


def test_an_event_before_the_time_a_part_above_a_cap_a_class_asked_and_counts_past_the_round_one(tmp_path):
    """Blind probes P115-P117, P97: "…手机还给他以后多久得删掉？" was not found, 手机 read as the thing the 24小时 to delete
    is of; "…屏幕价格比保额还高，多出来的钱谁付？" was not found beside "…超出部分由用户自行承担"; "多长以内的划痕算正常损耗？"
    must still cite the definition of 正常损耗; "一箱里烂了三成多" and "拖了一个多月" pick their tiers; "温度超标多久就算冷链断链
    了？" was "问题问的是“超标多久”…". (worn, late and broken pass over so small a base before the change too: guards.)"""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "数据.txt": (
            "维修场景用户数据保护指引\n三、数据备份\n1. 维修人员不得浏览用户手机中的照片、聊天记录。\n"
            "2. 代为备份的数据应当在设备交还用户并经用户确认后24小时内彻底删除。\n"),
        "碎屏险.txt": (
            "碎屏险理赔作业指引\n（一）原厂屏幕维修价格超过碎屏险保额的，超出部分由用户自行承担。\n（二）理赔专员应当在3个工作日内审核。\n"
            "二、定义\n（三）正常损耗：指在合理使用情况下产生的轻微使用痕迹，包括长度不超过5毫米的细微划痕。\n"
            "（四）轻度损坏：外观划痕超出正常损耗但不影响使用的，按维修报价计算。\n"),
        "坏果.txt": (
            "坏果包赔售后服务规则\n第六条 坏果率低于30%的，按坏果数量比例退款。\n第七条 坏果率达到30%及以上的，可选择全额退款或免费补发。\n"
            "第九条 冷链运输过程中温度超出规定范围累计超过2小时的，视为冷链断链。\n"),
        "借款.txt": (
            "员工借款及核销管理细则\n3.4.1 借款逾期未核销的，财务部应当向借款人发出书面催办通知。\n"
            "3.4.2 逾期超过30天的，财务部有权从借款人当月工资中扣回借款余额。\n")})
    deleted = answer(r, "门店帮顾客备份的资料，手机还给他以后多久得删掉？")
    assert deleted.status == "answered" and "24小时" in deleted.answer, deleted.answer
    above = answer(r, "碎屏险换原厂屏，屏幕价格比保额还高，多出来的钱谁付？")
    assert above.status == "answered" and "超出部分由用户自行承担" in above.answer, above.answer
    worn = answer(r, "用户说机身上那道划痕是正常用出来的，多长以内的划痕算正常损耗？")
    assert worn.status == "answered" and "5毫米" in worn.citations[0].text, worn.answer
    rotten = answer(r, "如果一箱里坏果占了三成多，客人能要求啥样的处理？")
    assert rotten.status == "answered" and "全额退款" in rotten.citations[0].text, rotten.answer
    late = answer(r, "借的钱拖了一个多月还没核销，公司会怎么处理？")
    assert late.status == "answered" and "工资中扣回" in late.citations[0].text, late.answer
    broken = answer(r, "运输途中温度超标多久就算冷链断链了？")
    assert broken.status == "answered" and "2小时" in broken.answer, broken.answer


def test_a_fee_no_document_names_is_not_found_and_one_named_otherwise_is_answered(tmp_path):
    """Blind probes P70-P117 named 23 fees no document says ("补卡要收多少工本费？", "…医药费公司补贴多少…"), 20 in
    questions none answers, 12 of them answered from another cost ("出差补助…每人每天100元"). A fee said by another name
    (快递费 / 运费) or with a word more before 费 (运费 / 运输费用) is the documents'; a question that asks no amount nor who
    pays names a fee in passing."""
    from assistant.answer import answer

    r = _docs_index(tmp_path, {
        "储值卡.txt": "储值卡业务处理规范\n第五条 储值卡挂失后，客服应当在24小时内冻结卡内余额。\n第六条 补办新卡的，卡内余额转入新卡。\n",
        "差旅.txt": "差旅费管理办法\n第九条 出差补助每人每天100元。\n第十条 退货产生的运输费用由商家承担。\n"})
    card = answer(r, "客户储值卡丢了，补卡要收多少工本费？")
    assert card.status == "not_found" and "工本费" in card.answer, card.answer
    drugs = answer(r, "出差期间生病去医院看病，医药费公司补贴多少？")
    assert drugs.status == "not_found" and "医药费" in drugs.answer, drugs.answer
    freight = answer(r, "退货的运费谁出？")
    assert freight.status == "answered" and "运输费用由商家承担" in freight.answer, freight.answer
    express = answer(r, "退货的快递费谁出？")
    assert express.status == "answered" and "运输费用由商家承担" in express.answer, express.answer
    passing = answer(r, "储值卡挂失以后，卡里的钱会冻结吗？要付工本费的话找谁？")
    assert passing.status == "answered" and "冻结" in passing.answer, passing.answer
