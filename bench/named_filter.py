"""Dense search within named documents at scale: a Chroma query over the whole collection (the baseline, what a
question that names no document costs) against a search within one or two documents, as `Retriever.dense` makes
it for a question that names documents: their vectors fetched by id and scored exactly (numpy). Chroma's own
ways to restrict a query (a `where` filter on the documents' ids, or `ids=`) are timed beside it. Synthetic
collection the size of the law base's vectors: unit vectors of e5's 384 dimensions, ~34 vectors a document.

    .venv/bin/python bench/named_filter.py [--vectors 100000] [--queries 100]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ask_latency import _pct  # noqa: E402


def main():
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    ap = argparse.ArgumentParser()
    ap.add_argument("--vectors", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--per-doc", type=int, default=34)
    a = ap.parse_args()
    rng = np.random.default_rng(0)
    vecs = rng.standard_normal((a.vectors, 384)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    docs = a.vectors // a.per_doc
    client = chromadb.PersistentClient(path=tempfile.mkdtemp(prefix="tiaowen-bench-"),
                                       settings=ChromaSettings(anonymized_telemetry=False))
    col = client.create_collection("bench", embedding_function=None,
                                   metadata={"hnsw:space": "cosine", "hnsw:search_ef": 500})
    t = time.perf_counter()
    for start in range(0, a.vectors, 5000):
        end = min(start + 5000, a.vectors)
        col.add(ids=[f"v{i}" for i in range(start, end)], embeddings=vecs[start:end].tolist(),
                metadatas=[{"doc_id": f"d{i % docs}", "clause_id": f"c{i}"} for i in range(start, end)])
    print(f"collection: {a.vectors} vectors of {docs} documents in {time.perf_counter() - t:.1f}s")
    qs = rng.standard_normal((a.queries, 384)).astype(np.float32)
    qs /= np.linalg.norm(qs, axis=1, keepdims=True)
    picks = rng.integers(0, docs, size=(a.queries, 2))
    n = 490  # 160 candidates with sentence vectors: 160 * 3 + 10

    vids_of = {}  # what Retriever keeps: each document's vector ids
    for i in range(a.vectors):
        vids_of.setdefault(i % docs, []).append(f"v{i}")

    def timed(**of) -> list[float]:
        out = []
        for q, (d1, d2) in zip(qs, picks):
            kw = {k: f(d1, d2) for k, f in of.items()}
            t = time.perf_counter()
            col.query(query_embeddings=[q.tolist()], n_results=min(n, len(kw.get("ids") or vecs)), include=["distances"], **kw)
            out.append((time.perf_counter() - t) * 1000)
        return out

    timed()  # warm: the index is loaded
    whole = timed()
    rows = [("whole collection", whole),
            ("where, one document", timed(where=lambda d1, d2: {"doc_id": f"d{d1}"})),
            ("where, two documents", timed(where=lambda d1, d2: {"doc_id": {"$in": [f"d{d1}", f"d{d2}"]}})),
            ("ids, one document", timed(ids=lambda d1, d2: vids_of[d1])),
            ("ids, two documents", timed(ids=lambda d1, d2: vids_of[d1] + vids_of[d2]))]
    def fetched(d1, d2, q):
        got = col.get(ids=vids_of[d1] + vids_of[d2], include=["embeddings"])
        sims = np.asarray(got["embeddings"], dtype=np.float32) @ q
        return sorted(zip(got["ids"], sims.tolist()), key=lambda x: -x[1])[:n]

    out = []
    for q, (d1, d2) in zip(qs, picks):
        t = time.perf_counter()
        fetched(d1, d2, q)
        out.append((time.perf_counter() - t) * 1000)
    rows.append(("ours: get by ids, exact", out))
    for name, xs in rows:
        print(f"{name:22s} p50 {statistics.median(xs):7.1f} ms   p95 {_pct(xs, 95):7.1f} ms   "
              f"ratio to the whole collection {statistics.median(xs) / statistics.median(whole):.2f}")


if __name__ == "__main__":
    main()
