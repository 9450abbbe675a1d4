"""Warm checklist latency, with the per-index text cache kept and with it rebuilt for every call.

A checklist reads every clause of the knowledge base (not a top k), so its cost grows with the
corpus. The clause texts in comparison form (``Retriever.normalized``) and the list of clauses a
checklist reads (``Retriever.checklist_clauses``: no notes on how the rules were written, no mottos)
are computed once per loaded index; the baseline in this process drops both caches before each call,
which is what every checklist paid before they existed. Default: the bundled corpus in a temporary home;
``--home H --kb NAME`` measures an existing knowledge base instead (e.g. bench/scale.py's).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOPICS = {"seed": ["售后服务", "个人信息与隐私保护", "商家入驻与资质审核", "退换货", "广告宣传", "交易纠纷"],
          "laws": ["七日无理由退货", "平台对平台内经营者的管理义务", "个人信息处理的告知同意"]}


def main():
    from assistant.checklist import checklist
    from assistant.retrieve import Retriever
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, help="an existing TIAOWEN_HOME (default: build the bundled corpus in a temp dir)")
    ap.add_argument("--kb", default="default")
    ap.add_argument("--topics", default="", help="comma-separated (default: the gold topics of the set)")
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()

    if a.home:
        s = Settings(home=a.home)
        topics = a.topics.split(",") if a.topics else TOPICS["laws"]
    else:
        s = Settings(home=Path(tempfile.mkdtemp(prefix="tiaowen-bench-")))
        rep = KnowledgeBase(s).ingest([ROOT / "corpus"])
        print(f"ingest: {rep.clauses} records")
        topics = a.topics.split(",") if a.topics else TOPICS["seed"]
    r = Retriever(s, a.kb)
    print(f"knowledge base {a.kb!r}: {len(r.clauses)} records")
    t = time.perf_counter()
    checklist(r, topics[0])  # warm up: jieba, the model, the cache
    print(f"first checklist (builds the cache, loads the model): {time.perf_counter() - t:.2f} s")

    def run(cold: bool) -> list[float]:
        out = []
        for _ in range(a.rounds):
            for topic in topics:
                if cold:
                    r.__dict__.pop("normalized", None)
                    r.__dict__.pop("checklist_clauses", None)
                t = time.perf_counter()
                checklist(r, topic)
                out.append((time.perf_counter() - t) * 1000)
        return out

    cold, warm = run(True), run(False)
    for name, xs in (("cache rebuilt each call", cold), ("cache kept (default)", warm)):
        print(f"{name:24s} p50 {statistics.median(xs):8.1f} ms   max {max(xs):8.1f} ms")
    print(f"ratio rebuilt/kept p50: {statistics.median(cold) / statistics.median(warm):.2f}")


if __name__ == "__main__":
    main()
