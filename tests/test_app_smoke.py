"""The README's first command: app.py builds the index of the bundled corpus and answers on localhost."""

from __future__ import annotations

import re

import pytest

from tests.conftest import app_server

pytestmark = pytest.mark.slow


def test_app_builds_the_index_on_first_start_and_answers_with_citations(tmp_path):
    with app_server(tmp_path / "home", 180) as app:
        from gradio_client import Client

        client = Client(app.url, verbose=False)
        d = client.predict("电商规章制度第七条说了什么？", api_name="/ask")  # the `ask --json` shape
        assert d["status"] == "answered" and d["citations"][0]["label"] == "《电商规章制度》第七条"
        assert "保障消费者的维修、退换货权益" in d["citations"][0]["text"] and "[1]" in d["answer"]
        table, files = client.predict("售后服务", "", api_name="/checklist")
        assert "是否" in table and len(files) == 5
    assert "首次启动" in app.output  # the index was built, with visible progress


def test_app_escapes_document_text():
    from app import render_answer, render_checklist
    from assistant.answer import Answer, Citation
    from assistant.checklist import Checklist, ChecklistItem, ItemCitation

    ans = Answer("q", "answered", "<b>x</b>[1]", (Citation(1, "d/a1", "D", "《D》第一条", "<script>alert(1)</script>"),))
    html = render_answer(ans, 1)
    assert "<b>" not in html and "&lt;b&gt;" in html and 'data-target="ev-1-1"' in html
    cite = ItemCitation("d/a1", "<i>D</i>", "《<i>D</i>》第一条", "<script>alert(1)</script>")
    table = render_checklist(Checklist("t", None, (ChecklistItem("<img src=x>是否", "duty", "g", (cite,), ()),)))
    assert "<img" not in table and "<script>" not in table and "&lt;img" in table


def test_an_empty_checklist_shows_why_and_the_closest_clauses_escaped():
    from app import render_checklist, render_checklist_chat
    from assistant.checklist import Checklist
    from ingest.records import Clause

    near = Clause("d/h1/i2", "d", "<b>制度</b>", "《<b>制度</b>》一、（二）", (), "(二)请假必须提前一天<script>x</script>")
    cl = Checklist("员工考勤", None, (), unsaid=("考勤",), related=(near,))
    for html in (render_checklist(cl), render_checklist_chat(cl, 1, None)[0]):
        assert "资料中没有提到“考勤”" in html and "请假必须提前一天" in html
        assert "<script>" not in html and "<b>制度" not in html and "&lt;b&gt;" in html


def test_a_documents_tree_shows_each_number_once_and_a_checklist_says_its_topic_and_type(seed_settings):
    """Before, tree lines read "第一条 第一条 …" and "2.1 2.1 …", and two checklists of one topic for two enterprise
    types looked the same on the page."""
    from app import render_checklist, render_tree
    from assistant.checklist import checklist
    from assistant.retrieve import Retriever

    r = Retriever(seed_settings)
    tree = render_tree(r, "电商规章制度")
    assert "<b>第一条</b> 为了规范电子商务经营行为" in tree and "第一条</b> 第一条" not in tree
    assert "<b>一、（二）</b> 请假必须提前一天" in render_tree(r, "电子商务部规章制度")
    long = [c for c in r.clauses if c.document == "电商企业运营管理体系" and c.role == "clause" and len(c.text) > 200]
    lines = re.findall(r"<div style='margin-left:[\d.]+em'><b>[^<]*</b> (.*?)</div>", render_tree(r, "电商企业运营管理体系"))
    assert long and lines and all(len(x) <= 161 for x in lines) and any(x.endswith("…") for x in lines)  # cut, and says so
    page = render_checklist(checklist(r, "售后服务", "交易型"))
    assert "「售后服务」自查清单（交易型企业）</b>，共" in page


def test_the_evidence_panel_marks_every_sentence_the_answer_quotes(seed_settings):
    """Each sentence a statement quotes of its clause is marked, each checklist citation by what its own clause says:
    the last sentence's longest phrase alone was marked ("若需求无法及时满足" for "客户投诉多久内要响应？", whose answer
    is the 24小时 sentence before it), and a merged item's other clauses were searched for the first clause's words."""
    from app import render_checklist_chat, render_evidence
    from assistant.answer import answer
    from assistant.checklist import checklist
    from assistant.retrieve import Retriever

    r = Retriever(seed_settings)
    ans = answer(r, "客户投诉多久内要响应？")
    said = re.findall(r"<mark>(.*?)</mark>", render_evidence(ans, 1, r).split('id="ev-1-2"')[0])
    assert any("24小时内做出响应" in m for m in said), said
    _, evidence = render_checklist_chat(checklist(r, "售后服务"), 1, r)
    panels = evidence.split("<details")[1:]
    assert panels and sum("<mark>" in p for p in panels) >= 0.9 * len(panels)
    # an item cited with its list's lead-in has fewer sources than citations: the item's clause is marked by the
    # source it holds (the second citation was given a second source, which there is not)
    from assistant.checklist import Checklist, ChecklistItem, ItemCitation

    cites = tuple(ItemCitation(c.id, c.document, c.label, c.text) for c in (r.by_id["7ec164dd/a6"], r.by_id["7ec164dd/a6/i2"]))
    item = ChecklistItem("是否提供商品维修服务,确保商品质量", "duty", "商品质量", cites, ("维修服务:提供商品维修服务,确保商品质量",))
    _, evidence = render_checklist_chat(Checklist("维修", None, (item,)), 1, r)
    assert "<mark>" in evidence.split("<details")[2], evidence
    # every clause says why it is cited: where retrieval ranked it, or that it is the parent of one ranked, or added
    # for a document the question names (a lead-in cited before its items had nothing there)
    for q in ("电商服务管理制度第六条规定的售后服务内容有哪些？",
              "顾客提出要退要换，我们能不能一口回绝？平台管理办法、电子商务与客户服务管理制度和服务质量管理制度分别怎么说？"):
        ans = answer(r, q)
        metas = re.findall(r'<div class="tw-meta">(.*?)</div>', render_evidence(ans, 1, r))
        assert len(metas) == len(ans.citations) and all(
            re.search(r"检索第 \d+ 位|按条款编号查到|所引条款的上级条款|补充引用", m) for m in metas), metas



def test_clauses_are_placed_with_their_document_named_once_and_offered_cut_after_a_phrase(seed_settings):
    """The evidence line named the document twice ("电子商务售后服务管理制度 · 电子商务售后服务管理制度 › 二、 › 2."), the
    可能相关 list cut a clause mid-word ("…财务、安全、技"), and an earlier answer's clauses showed no question."""
    from app import render_evidence, render_evidence_panel, snippet
    from assistant.answer import answer
    from assistant.retrieve import Retriever

    r = Retriever(seed_settings)
    ans = answer(r, "客户投诉多久内要响应？")
    metas = re.findall(r'<div class="tw-meta">(.*?) · ', render_evidence(ans, 1, r))
    assert metas and all(m.count(c.document) == 1 and m.startswith(c.document) for m, c in zip(metas, ans.citations))
    text = "建立企业运营、财务、安全、技术等管理制度，明确各部门职责。" * 4
    cut = snippet(text)
    assert cut.endswith("…") and text.startswith(cut[:-1]) and text[len(cut) - 1] in "。，、" and len(cut) <= 101
    assert snippet("短的条款。") == "短的条款。"
    panel = render_evidence_panel([{"question": "<b>第一问</b>", "evidence": "<details>1</details>"},
                                   {"question": "第二问", "evidence": "<details>2</details>"}])
    assert "问：&lt;b&gt;第一问&lt;/b&gt;" in panel and panel.index("第一问") < panel.index("<details>1") < panel.index("第二问")


def test_the_copied_answer_keeps_its_warning():
    """A UI probe's: the copy box left out the ⚠ line shown under an answer, so a pasted answer lost its caveat."""
    from app import copy_text

    ans = {"status": "answered", "answer": "企业应定期开展客户满意度调查[1]。", "notice": "问题问的是“多久”，所引条款没有规定具体频率",
           "citations": [{"n": 1, "label": "《电商服务管理制度》第七条（三）", "text": "（三）客户满意度调查：定期开展…"}]}
    lines = copy_text(ans).splitlines()
    assert lines[:2] == ["企业应定期开展客户满意度调查[1]。", "⚠ 问题问的是“多久”，所引条款没有规定具体频率"]
    assert lines[-1].startswith("[1] 《电商服务管理制度》第七条（三）")
    assert "⚠" not in copy_text({**ans, "notice": None})


def test_a_checklists_citations_open_their_clause_where_they_stand():
    """A UI probe's: the 依据 column's labels showed their clause only as a tooltip, which a phone cannot show."""
    from app import render_checklist
    from assistant.checklist import Checklist, ChecklistItem, ItemCitation

    cites = (ItemCitation("d/a1", "D", "《D》第一条", "第一条 企业应当建立售后服务制度。"),
             ItemCitation("e/a2", "E", "《E》第二条", "第二条 平台应当公示服务规则。"))
    table = render_checklist(Checklist("售后服务", None, (ChecklistItem("是否建立售后服务制度", "duty", "g", cites, ()),)))
    assert table.count("<details class='tw-cl-cite'>") == 2
    assert "<summary title='第一条 企业应当建立售后服务制度。'>《D》第一条</summary>" in table
    assert "<div class='tw-meta'>第二条 平台应当公示服务规则。</div></details>" in table


def test_a_clause_offered_beside_not_found_opens_its_whole_text_and_says_its_number_once():
    """A UI probe's: the 可能相关 list was plain text cut at 100 characters, and read "《…》第八条：第八条 …"."""
    from app import render_answer
    from assistant.answer import Answer
    from assistant.retrieve import Hit
    from ingest.records import Clause

    long = "第八条 考核结果与绩效奖金挂钩。" + "月度考核为A等级的，发放当月绩效奖金的120%；" * 8
    near = Clause("d/a8", "d", "某考核办法", "《某考核办法》第八条", (), long)
    html = render_answer(Answer("q", "not_found", "资料中未找到：检索到的条款与问题关系不大。", (), (Hit(near, 0.1),)), 1)
    assert "<summary>《某考核办法》第八条：考核结果与绩效奖金挂钩。" in html and "第八条：第八条" not in html
    assert f"<div class='tw-meta'>{long}</div></details>" in html


def test_a_standards_tree_is_in_the_order_of_its_numbers(seed_settings):
    """The scraped DB33/T 932 puts 5.2.3.1 and 5.2.3.2 before 5.2.1: its tree showed them so, under 5.2. A document
    numbered otherwise keeps its own order."""
    from app import render_tree
    from assistant.retrieve import Retriever

    r = Retriever(seed_settings)
    title = next(d for d in r.documents if d.startswith("DB33"))
    numbers = re.findall(r"<b>([^<]*)</b>", render_tree(r, title))
    assert numbers.index("5.2.1") < numbers.index("5.2.1.1") < numbers.index("5.2.2.1") < numbers.index("5.2.3.1") \
        < numbers.index("5.2.3.3"), numbers
    assert numbers.index("封面") < numbers.index("前言") < numbers.index("1") < numbers.index("2.1")
    kept = re.findall(r"<b>([^<]*)</b>", render_tree(r, "电商规章制度"))
    assert kept == [c.label.split("》", 1)[-1] for c in r.clauses if c.document == "电商规章制度" and c.role in ("clause", "heading")]


def test_a_tree_whose_numbers_restart_keeps_its_order():
    from app import _in_number_order
    from ingest.records import Clause

    def c(number, seq):
        return Clause(id=f"d/{seq}", doc_id="d", document="d", label=number, path=("d", number), text=number, seq=seq,
                      number=number)

    chapters = [c("一", 0), c("1.1", 1), c("1.2", 2), c("二", 3), c("1.1", 4), c("1.2", 5)]
    assert _in_number_order(chapters) == chapters
    jumbled = [c("5.2", 0), c("5.2.3", 1), c("5.2.1", 2), c("5.2.2", 3)]
    assert [x.number for x in _in_number_order(jumbled)] == ["5.2", "5.2.1", "5.2.2", "5.2.3"]
