"""Table tests of the evaluation metrics on hand-made cases, and the Q&A set loaders."""

from __future__ import annotations

import json
import math

import pytest

from eval.metrics import (Gold, QuestionResult, Unit, citation_scores, holds, retrieval_scores, statements,
                          summarize, support_rate)
from eval.sets import BadQASet, load_questions

A = Unit("d/a1", "第一条 经营者应当在七日内退货。", "某法", 1)
B = Unit("d/a2", "第二条 平台应当核验经营者的身份。", "某法", 2)
B_COPY = Unit("d/a2~2", "第二条 平台应当核验经营者的身份。", "某法", 2)
C = Unit("d/a3", "第三条 本法自公布之日起施行。", "某法", 3)
G_A, G_B = Gold(("七日内退货",)), Gold(("核验经营者的身份",))


@pytest.mark.parametrize("ranked, gold, expect", [
    # gold first: everything perfect
    ([A, C], [G_A], {"hit@1": 1, "recall@1": 1, "recall@3": 1, "mrr": 1, "ndcg@10": 1}),
    # gold second
    ([C, A], [G_A], {"hit@1": 0, "recall@1": 0, "recall@3": 1, "mrr": 0.5, "ndcg@10": 1 / math.log2(3)}),
    # not retrieved at all
    ([C], [G_A], {"hit@1": 0, "recall@10": 0, "mrr": 0, "ndcg@10": 0}),
    # a multi-clause question half answered in the top 1, fully by 3
    ([A, C, B], [G_A, G_B], {"hit@1": 1, "recall@1": 0.5, "recall@3": 1, "mrr": 1,
                             "ndcg@10": (1 + 1 / 2) / (1 + 1 / math.log2(3))}),
    # a near-duplicate copy of a clause already ranked gains nothing
    ([B, B_COPY, A], [G_A, G_B], {"recall@1": 0.5, "recall@3": 1,
                                  "ndcg@10": (1 + 1 / math.log2(4)) / (1 + 1 / math.log2(3))}),
])
def test_retrieval_scores(ranked, gold, expect):
    got = retrieval_scores(ranked, gold)
    for k, v in expect.items():
        assert got[k] == pytest.approx(v), k


@pytest.mark.parametrize("cited, gold, expect", [
    # one right citation
    ([A], [G_A], {"cite_precision": 1, "cite_correct": 1, "cite_recall": 1, "cite_f1": 1}),
    # a citation to a clause without gold evidence
    ([C], [G_A], {"cite_precision": 0, "cite_correct": 0, "cite_recall": 0, "cite_f1": 0}),
    ([A, C], [G_A], {"cite_precision": 0.5, "cite_correct": 1, "cite_recall": 1, "cite_f1": 2 / 3}),
    # the same clause cited twice counts once
    ([A, A, C], [G_A], {"cite_precision": 0.5, "cite_recall": 1}),
    # a multi-clause question half answered
    ([A], [G_A, G_B], {"cite_precision": 1, "cite_correct": 1, "cite_recall": 0.5, "cite_f1": 2 / 3}),
    # a refusal cites nothing
    ([], [G_A], {"cite_precision": 0, "cite_correct": 0, "cite_recall": 0, "cite_f1": 0}),
])
def test_citation_scores(cited, gold, expect):
    got = citation_scores(cited, gold)
    for k, v in expect.items():
        assert got[k] == pytest.approx(v), k


def test_gold_by_law_and_article_number_or_by_text():
    law = Unit("x/a38", "第三十八条 电子商务平台经营者知道或者应当知道……", "中华人民共和国电子商务法", 38)
    assert holds(law, Gold((), "电子商务法", 38))
    assert holds(law, Gold((), "中华人民共和国电子商务法", 38))
    assert not holds(law, Gold((), "电子商务法", 39))
    assert not holds(law, Gold((), "广告法", 38))
    chunk = Unit("f#3", "……第三十八条 电子商务平台经营者知道或者应当知道……", "电子商务法(2018-08-31)")
    assert holds(chunk, Gold(("电子商务平台经营者知道或者应当知道",), "电子商务法", 38))
    assert holds(Unit("u", "消费者 有权\n自收到商品之日起七日内退货"), Gold(("有权自收到商品之日起七日内退货",)))


def test_statements_and_support():
    answer = "《某法》：经营者应当在七日内退货[1]；平台应当核验经营者的身份[2][3]。\n《另一法》：本法自公布之日起施行[3]。"
    assert statements(answer) == [("经营者应当在七日内退货", [1]), ("平台应当核验经营者的身份", [2, 3]),
                                  ("本法自公布之日起施行", [3])]
    cited = {1: A.text, 2: B.text, 3: C.text}
    assert support_rate(answer, cited) == 1.0
    wrong = "《某法》：平台可以拒绝一切退货[1]。"  # not what clause 1 says
    assert support_rate(wrong, cited) == 0.0
    assert support_rate("资料中未找到。", cited) is None


def _result(qid, gold, ranked, status, cited, ms=10.0):
    return QuestionResult(qid, "q", "paraphrase" if gold else "unanswerable", gold, ranked, status, cited, "", ms)


def test_summary_not_found_precision_recall_and_false_refusal():
    results = [
        _result("1", [G_A], [A], "answered", [A]),
        _result("2", [G_B], [C, B], "not_found", []),  # a false refusal
        _result("3", [], [C], "not_found", []),  # a right refusal
        _result("4", [], [C], "answered", [C]),  # an unanswerable question answered
    ]
    s = summarize(results)
    assert s["nf_precision"] == 0.5 and s["nf_recall"] == 0.5 and s["false_refusal"] == 0.5
    assert s["hit@1"] == 0.5 and s["mrr"] == pytest.approx(0.75)
    assert s["cite_correct"] == 0.5  # the refusal scores 0
    assert s["cited_chars"] == pytest.approx((len(A.text) + len(C.text)) / 2)
    assert s["latency_p50_ms"] == 10.0


def test_jsonl_and_stard_loaders(tmp_path):
    f = tmp_path / "qa.jsonl"
    f.write_text('{"id": "a", "question": "退货几天", "kind": "paraphrase", "gold": [["七日内退货", "7日内退货"]]}\n'
                 '{"id": "b", "question": "发票怎么开", "gold": []}\n', encoding="utf-8")
    qs = load_questions(f)
    assert qs[0].gold == (Gold(("七日内退货", "7日内退货")),) and qs[1].kind == "unanswerable"
    s = tmp_path / "stard.json"
    s.write_text(json.dumps([{"问题": "平台知道商家卖假货不管怎么办？", "match_name": ["电子商务法第三十八条"],
                              "相关法规": {"电子商务法第三十八条": "电子商务平台经营者知道或者应当知道平台内经营者销售的商品不符合要求。"}}],
                            ensure_ascii=False), encoding="utf-8")
    (q,) = load_questions(s)
    assert q.gold[0].law == "电子商务法" and q.gold[0].article == 38
    assert "电子商务平台经营者知道或者应当知道平台内经营者销售的商品" in q.gold[0].quotes[0]


@pytest.mark.parametrize("content, message", [
    ('{"id": "a", "question": "x", "gold": "七日"}\n', "gold 应为引文列表的列表"),
    ('{"id": "a", "question": "x", "gold": []}\n{"id": "a", "question": "y", "gold": []}\n', "重复"),
    ("not json\n", "第 1 行"),
])
def test_bad_qa_files_say_what_to_fix(tmp_path, content, message):
    f = tmp_path / "bad.jsonl"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(BadQASet, match=message):
        load_questions(f)


def test_the_bundled_sets_are_well_formed():
    from eval.sets import QA_DIR

    seed = load_questions(QA_DIR / "seed.jsonl")
    kinds = {q.kind for q in seed}
    assert len(seed) >= 120 and sum(not q.gold for q in seed) >= 15
    assert {"paraphrase", "multi", "lookup", "definition", "unanswerable"} <= kinds
    laws = load_questions(QA_DIR / "laws.jsonl")
    assert len(laws) >= 50 and any(not q.gold for q in laws)
    assert len(load_questions(QA_DIR / "stard_sample.json")) >= 10
