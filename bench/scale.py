"""Scale benchmark over ../shared/laws: ingest in growing stages, then measure at each size.

    .venv/bin/python bench/scale.py [--folders 民法典,民法商法,...] [--sizes 1000,20000] [--home DIR]

The 14 e-commerce laws (laws/ECOMMERCE.txt) come first, so the smallest size is "only the e-commerce
laws" and the law Q&A set can be scored at every size. The whole slice is ingested into one knowledge
base (timed; a killed run continues when rerun, embedding only what is missing); each smaller size is
a knowledge base of the first files rebuilt from the same vectors (nothing embedded again).

Printed, all measured in this one process (ratios against baselines run here):
- pipeline efficiency: ingest throughput (vectors per second of the whole ingest: parsing,
  segmentation, embedding, BM25, Chroma writes) / raw encode throughput of the same model on a
  random sample of the same texts;
- per stage: articles, clauses, vectors, ingest seconds, peak RSS; warm hybrid-search and full-ask
  latency p50/p95 over the law and seed questions; the law Q&A set's hit@1 and recall@10;
- bm25s (ours) against LangChain's BM25Retriever (rank_bm25) on the same tokens: build and query
  time ratios and how often the top 10 are identical.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from ask_latency import _pct, timed  # noqa: E402  (bench/ is the script's folder)

ARTICLE = re.compile(r"^第[一二三四五六七八九十百千零〇两\d]+条", re.M)
DEFAULT_FOLDERS = "民法典,民法商法,经济法,行政法,社会法,宪法相关法,诉讼与非诉讼程序法,刑法,宪法,部门规章,司法解释"


class PeakRSS:
    """Peak resident memory of this process while the block runs (sampled every 0.2 s), in MB."""

    def __enter__(self):
        self.peak, self._stop = 0.0, threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()
        return self

    def _sample(self):
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    self.peak = max(self.peak, int(line.split()[1]) / 1024)

    def _run(self):
        while not self._stop.wait(0.2):
            self._sample()

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()
        self._sample()


def stage_files(laws: Path, folders: list[str], sizes: list[int], max_articles: int | None):
    """Files in ingest order (e-commerce laws first) and the file count at which each stage ends."""
    ecom = [laws / line.strip() for line in (laws / "ECOMMERCE.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    files, seen = [], set()
    for f in ecom + [p for d in folders for p in sorted((laws / d).rglob("*.md"))]:
        if f not in seen and f.exists():
            seen.add(f)
            files.append(f)
    counts = [len(ARTICLE.findall(f.read_text(encoding="utf-8"))) for f in files]
    if max_articles:
        total, keep = 0, 0
        for keep, c in enumerate(counts, 1):
            total += c
            if total >= max_articles:
                break
        files, counts = files[:keep], counts[:keep]
    ends, total = [], 0
    wanted = sorted(sizes)
    for i, c in enumerate(counts):
        total += c
        while wanted and total >= wanted[0]:
            ends.append((i + 1, total))
            wanted.pop(0)
    if not ends or ends[-1][0] != len(files):
        ends.append((len(files), total))
    if len(ecom) <= ends[0][0] and ends[0][0] != len(ecom):  # the e-commerce laws alone as the first stage
        ends.insert(0, (len(ecom), sum(counts[:len(ecom)])))
    return files, ends


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--laws", default=str(ROOT.parent / "shared" / "laws"))
    ap.add_argument("--folders", default=DEFAULT_FOLDERS, help="comma-separated folders of the law corpus")
    ap.add_argument("--sizes", default="1000,20000", help="article counts at which to measure (plus the largest)")
    ap.add_argument("--max-articles", type=int, default=None, help="stop adding files past this many articles")
    ap.add_argument("--home", default="/tmp/tiaowen-scale", help="TIAOWEN_HOME of the benchmark knowledge base")
    ap.add_argument("--kb", default="scale")
    ap.add_argument("--sample", type=int, default=256, help="texts encoded for the raw throughput baseline")
    ap.add_argument("--questions", type=int, default=None, help="time only the first N questions")
    ap.add_argument("--out", default=None, help="write the figures as JSON here")
    args = ap.parse_args()

    from assistant.answer import answer
    from assistant.retrieve import Retriever
    from eval.metrics import retrieval_scores
    from eval.sets import builtin
    from eval.systems import clause_unit
    from ingest.documents import parse_file
    from ingest.embed import embed_sorted, get_embedder
    from ingest.index import KnowledgeBase, dense_units
    from tiaowen.settings import Settings

    laws = Path(args.laws)
    if not laws.is_dir():
        sys.exit(f"law corpus not found at {laws}: pass --laws DIR")
    s = Settings(home=Path(args.home), kb=args.kb)
    files, ends = stage_files(laws, args.folders.split(","), [int(x) for x in args.sizes.split(",")], args.max_articles)
    print(f"{len(files)} files; stages (files, articles): {ends}; settings: {s.index_stamp()}", flush=True)
    results = {"stamp": s.index_stamp(), "stages": []}

    # raw encode throughput of the model on a random sample of the texts this ingest embeds
    rng = random.Random(0)
    sample_files = rng.sample(files, min(len(files), 60))
    units = [t for f in sample_files for d in parse_file(f) for c in d.clauses if c.role == "clause"
             for _, t in dense_units(c, s.embedding.sentence_vectors)]
    sample = rng.sample(units, min(args.sample, len(units)))
    emb = get_embedder(s.embedding.backend, s.embedding.model)
    embed_sorted(emb, sample[:32], s.embedding.batch_size)  # load and warm
    t = time.perf_counter()
    embed_sorted(emb, sample, s.embedding.batch_size)
    raw = len(sample) / (time.perf_counter() - t)
    print(f"raw encode: {raw:.1f} texts/s on {len(sample)} sampled texts "
          f"(mean {statistics.mean(map(len, sample)):.0f} chars)", flush=True)
    results["raw_encode_per_s"] = raw

    qa_laws = builtin("laws")
    questions = [q.question for q in qa_laws.questions] + [q.question for q in builtin("seed").questions]
    questions = questions[: args.questions] if args.questions else questions
    state = Path(args.home) / "scale-ingest.json"  # figures of the big ingest, kept across interrupted runs

    # 1. the whole slice into one knowledge base (resumable: a rerun embeds only what is missing)
    def progress(stage, done, total, _last=[0.0]):
        if time.monotonic() - _last[0] > 60 or done == total:
            _last[0] = time.monotonic()
            print(f"  {stage} {done}/{total}", flush=True)

    with PeakRSS() as mem:
        t = time.perf_counter()
        rep = KnowledgeBase(s).ingest(files, progress=progress)
        secs = time.perf_counter() - t
    rate = rep.embedded / secs if rep.embedded else 0.0
    ing = {"files": len(files), "articles": ends[-1][1], "documents": rep.documents, "records": rep.clauses,
           "embedded": rep.embedded, "ingest_s": round(secs, 1), "ingest_vectors_per_s": round(rate, 2),
           # ingest throughput / raw encode throughput on the very same texts, timed inside this ingest
           "efficiency": round(rep.encode_seconds / secs, 3) if rep.embedded >= 200 else None,
           "efficiency_vs_sample": round(rate / raw, 3) if rep.embedded >= 200 else None,
           "ingest_peak_rss_mb": round(mem.peak)}
    print(f"ingest: {rep.clauses} records, {rep.embedded} embedded in {secs:.0f}s ({rate:.1f}/s, "
          f"efficiency {ing['efficiency']}), peak RSS {mem.peak:.0f} MB", flush=True)
    if rep.embedded >= 200:
        state.write_text(json.dumps(ing, ensure_ascii=False), encoding="utf-8")
    elif state.exists():  # a rerun after the work was done: report the run that did it
        ing = {**json.loads(state.read_text(encoding="utf-8")), "rerun_s": round(secs, 1)}
    results["ingest"] = ing

    # 2. each size: a knowledge base of the first files, made from the big one's vectors (rebuild,
    #    nothing embedded: the content-addressed vectors are already there), then measured warm
    for n_files, n_articles in ends:
        name = args.kb if n_files == len(files) else f"{args.kb}-{n_articles}"
        if name != args.kb:
            shutil.rmtree(s.kb_dir(name), ignore_errors=True)
            shutil.copytree(s.kb_dir(args.kb), s.kb_dir(name))
            sub = KnowledgeBase(s, name).ingest(files[:n_files], rebuild=True)
            if sub.embedded:  # a few texts depend on which other files are present (measured: 22 vectors
                # for the 14 e-commerce laws alone); they are embedded for the smaller set and counted here
                print(f"  {name}: {sub.embedded} vectors embedded for texts the smaller set words differently", flush=True)
        with PeakRSS() as mem:
            r = Retriever(s, name)
            for q in questions[:5]:
                answer(r, q)
            search = timed(lambda q: r.search(q), questions)
            ask = timed(lambda q: answer(r, q), questions)
            sc = [retrieval_scores([clause_unit(h.clause) for h in r.search(q.question, 10)], list(q.gold))
                  for q in qa_laws.questions if q.gold]
        row = {"files": n_files, "articles": n_articles, "records": len(r.clauses), "vectors": r.n_vectors,
               "search_p50_ms": round(statistics.median(search), 1), "search_p95_ms": round(_pct(search, 95), 1),
               "ask_p50_ms": round(statistics.median(ask), 1), "ask_p95_ms": round(_pct(ask, 95), 1),
               "query_peak_rss_mb": round(mem.peak),
               "laws_hit@1": round(sum(x["hit@1"] for x in sc) / len(sc), 3),
               "laws_recall@10": round(sum(x["recall@10"] for x in sc) / len(sc), 3)}
        print(f"{n_articles} articles ({r.n_vectors} vectors): search p50 {row['search_p50_ms']} p95 "
              f"{row['search_p95_ms']} ms; ask p50 {row['ask_p50_ms']} p95 {row['ask_p95_ms']} ms; RSS "
              f"{mem.peak:.0f} MB; laws hit@1 {row['laws_hit@1']} recall@10 {row['laws_recall@10']}", flush=True)
        results["stages"].append(row)
        if name != args.kb:
            del r
            shutil.rmtree(s.kb_dir(name), ignore_errors=True)

    results["bm25"] = bm25_vs_langchain(r, questions)
    results["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(results, ensure_ascii=False, indent=1))
    if args.out:
        Path(args.out).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


def bm25_vs_langchain(r, questions: list[str]) -> dict:
    """bm25s against LangChain's BM25Retriever (rank_bm25 BM25Okapi) on the same jieba tokens."""
    import bm25s
    from langchain_community.retrievers import BM25Retriever

    from ingest.tokenize import tokenize

    indexed = [c for c in r.clauses if c.role == "clause"]
    toks = [tokenize(c.index_text) or ["∅"] for c in indexed]
    qtoks = [tokenize(q) for q in questions]
    out = {"documents": len(toks), "queries": len(qtoks)}
    for method in ("lucene", "robertson"):
        t = time.perf_counter()
        ours = bm25s.BM25(method=method)
        ours.index(toks, show_progress=False)
        out[f"bm25s_{method}_build_s"] = round(time.perf_counter() - t, 2)
        vocab = ours.vocab_dict
        res, t = [], time.perf_counter()
        for q in qtoks:
            q = [w for w in q if w in vocab]
            if not q:
                res.append([])
                continue
            d, sc = ours.retrieve([q], k=10, show_progress=False, n_threads=1)
            res.append([int(i) for i, x in zip(d[0], sc[0]) if x > 0])
        out[f"bm25s_{method}_query_ms"] = round((time.perf_counter() - t) * 1000 / len(qtoks), 2)
        out[f"_{method}"] = res
    t = time.perf_counter()
    lc = BM25Retriever.from_texts([" ".join(x) for x in toks], metadatas=[{"i": i} for i in range(len(toks))],
                                  preprocess_func=lambda text: text.split(" "), k=10)
    out["langchain_build_s"] = round(time.perf_counter() - t, 2)
    theirs, t = [], time.perf_counter()
    for q in qtoks:
        theirs.append([d.metadata["i"] for d in lc.invoke(" ".join(q))] if q else [])
    out["langchain_query_ms"] = round((time.perf_counter() - t) * 1000 / len(qtoks), 2)
    for method in ("lucene", "robertson"):
        mine = out.pop(f"_{method}")
        same = [set(a) == set(b[: len(a)]) for a, b in zip(mine, theirs) if a]
        out[f"identical_top10_{method}"] = round(sum(same) / max(1, len(same)), 3)
        out[f"speedup_query_{method}"] = round(out["langchain_query_ms"] / out[f"bm25s_{method}_query_ms"], 1)
        out[f"speedup_build_{method}"] = round(out["langchain_build_s"] / max(out[f"bm25s_{method}_build_s"], 1e-3), 1)
    print("bm25:", json.dumps(out), flush=True)
    return out


if __name__ == "__main__":
    main()
