"""Warm `ask` latency on the seed index, with the retrieval parts timed in the same process.

Prints the median and p95 of a full extractive ask, and its ratio to the hybrid search
alone and to the embedding of the query alone (the baselines run in this process).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def timed(fn, qs) -> list[float]:
    """Milliseconds ``fn`` takes on each question."""
    out = []
    for q in qs:
        t = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t) * 1000)
    return out


def main():
    from assistant.answer import answer
    from assistant.retrieve import Retriever
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    home = Path(tempfile.mkdtemp(prefix="tiaowen-bench-"))
    s = Settings(home=home)
    t0 = time.perf_counter()
    rep = KnowledgeBase(s).ingest([ROOT / "corpus"])
    print(f"ingest: {rep.clauses} records, {rep.embedded} embedded in {time.perf_counter() - t0:.1f}s")
    r = Retriever(s)
    qs = [json.loads(line)["question"] for line in open(ROOT / "eval" / "qa" / "seed.jsonl", encoding="utf-8")]
    for q in qs[:5]:  # warm up: jieba dictionary, model, Chroma segment
        answer(r, q)

    plain = Retriever(s.model_copy(update={"retrieval": s.retrieval.model_copy(update={"expansion_weight": 0.0})}))
    for q in qs[:5]:
        plain.search(q)
    embed = timed(lambda q: r.embedder.embed_query(q), qs)
    search0 = timed(lambda q: plain.search(q), qs)
    search = timed(lambda q: r.search(q), qs)
    ask = timed(lambda q: answer(r, q), qs)
    print(f"questions: {len(qs)}, {sum(bool(r.expansion(q)) for q in qs)} with thesaurus words")
    for name, xs in (("embed query", embed), ("search, no thesaurus", search0), ("hybrid search", search),
                     ("full ask", ask)):
        print(f"{name:20s} p50 {statistics.median(xs):7.1f} ms   p95 {_pct(xs, 95):7.1f} ms")
    print(f"ratio search/search without thesaurus p50: {statistics.median(search) / statistics.median(search0):.2f}")
    # a question that names documents is searched in meaning within them (their vectors fetched by id, exact)
    named = [(q, r.mentions(q)[0]) for q in qs]
    named = [(q, d) for q, d in named if d]
    n = r.settings.retrieval.candidates
    within = timed(lambda qd: r.dense(qd[0], n, qd[1]), named)
    whole = timed(lambda qd: r.dense(qd[0], n), named)
    print(f"{len(named)} questions name documents: dense within them p50 {statistics.median(within):.1f} ms, "
          f"over the whole base {statistics.median(whole):.1f} ms, ratio {statistics.median(within) / statistics.median(whole):.2f}")
    print(f"ratio ask/search p50: {statistics.median(ask) / statistics.median(search):.2f}")
    print(f"ratio ask/embed  p50: {statistics.median(ask) / statistics.median(embed):.2f}")
    print(f"target: full ask p50 < 100 ms -> {'OK' if statistics.median(ask) < 100 else 'MISSED'}")


if __name__ == "__main__":
    main()
