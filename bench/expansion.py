"""BM25 with thesaurus words at scale: bm25s's top-k retrieval of the question's tokens (the baseline, what a
question without thesaurus words costs) against the expanded query (two score arrays over the whole index,
weighted, and a partial sort), on a synthetic index the size of ../shared/laws (147k articles, Zipf vocabulary).

    .venv/bin/python bench/expansion.py [--docs 147000] [--queries 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ask_latency import _pct  # noqa: E402


def main():
    import bm25s

    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=147_000)
    ap.add_argument("--queries", type=int, default=200)
    a = ap.parse_args()
    rng = np.random.default_rng(0)
    vocab = [f"w{i}" for i in range(60_000)]
    ranks = np.minimum(rng.zipf(1.3, size=(a.docs, 40)) - 1, len(vocab) - 1)  # ~40 tokens an article
    t = time.perf_counter()
    bm = bm25s.BM25()
    bm.index([[vocab[i] for i in row] for row in ranks], show_progress=False)
    print(f"index: {a.docs} docs in {time.perf_counter() - t:.1f}s")
    qs = [[vocab[i] for i in np.minimum(rng.zipf(1.5, size=6) + 20, len(vocab) - 1)] for _ in range(a.queries)]
    extras = [[vocab[i] for i in rng.integers(100, 5000, size=3)] for _ in range(a.queries)]
    ids = list(range(a.docs))
    n = 40

    def plain(q, _):
        docs, _s = bm.retrieve([q], k=n, show_progress=False, n_threads=1)
        return [ids[int(d)] for d in docs[0]]

    def expanded(q, extra):  # as assistant.retrieve.Retriever.sparse
        scores = bm.get_scores(extra) * 0.5 + bm.get_scores(q)
        top = np.argpartition(-scores, n - 1)[:n]
        return [ids[int(d)] for d in top[np.argsort(-scores[top], kind="stable")]]

    out = {}
    for name, fn in (("bm25s retrieve (no thesaurus words)", plain), ("scores + thesaurus words", expanded)):
        for q, e in zip(qs[:10], extras[:10]):
            fn(q, e)
        xs = []
        for q, e in zip(qs, extras):
            t = time.perf_counter()
            fn(q, e)
            xs.append((time.perf_counter() - t) * 1000)
        out[name] = xs
        print(f"{name:38s} p50 {statistics.median(xs):6.2f} ms   p95 {_pct(xs, 95):6.2f} ms")
    a0, a1 = (statistics.median(x) for x in out.values())
    print(f"ratio expanded/plain p50: {a1 / a0:.2f}")


if __name__ == "__main__":
    main()
