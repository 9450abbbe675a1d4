"""Hybrid retrieval at clause granularity: dense (Chroma) and BM25 (bm25s) fused by weighted RRF."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ingest.index import KnowledgeBase, vector_id
from ingest.records import Clause
from ingest.segment import cn_to_int
from ingest.clean import norm
from tiaowen.errors import IndexCorrupt, IndexMissing, UnknownClause
from tiaowen.settings import Settings


@dataclass(frozen=True)
class Hit:
    clause: Clause
    score: float
    dense: float = 0.0  # cosine similarity, 0 when not among the dense candidates
    bm25: float = 0.0
    lookup: bool = False  # found by its clause number named in the question


ARTICLE_REF = re.compile(r"第([一二三四五六七八九十百零〇两\d]+)条(?:第([一二三四五六七八九十\d]+)款)?\s*(?:第?[（(]([一二三四五六七八九十\d]+)[)）]项?)?")
STD_REF = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d{1,2}){1,4})(?![\d.])")


class Retriever:
    """Everything a query needs, loaded once: clause records, BM25 arrays, the dense collection."""

    def __init__(self, settings: Settings, kb: str | None = None):
        self.settings = settings
        self.kb = KnowledgeBase(settings, kb)
        manifest = self.kb.manifest()
        if manifest is None:
            raise IndexMissing(
                f"知识库 {self.kb.name!r} 还没有建立：请先运行 `tiaowen ingest PATH --kb {self.kb.name}` / "
                "the knowledge base is empty: run `tiaowen ingest PATH` first")
        self.kb.check_stamp(manifest)
        self.manifest = manifest
        self.clauses = self.kb.load_clauses(manifest)
        self.by_id = {c.id: c for c in self.clauses}
        self.children: dict[str, list[Clause]] = {}
        for c in self.clauses:
            if c.parent_id:
                self.children.setdefault(c.parent_id, []).append(c)
        import bm25s

        bdir = self.kb.dir / manifest["bm25_dir"]
        try:
            import json

            self.bm25_ids: list[str] = json.loads((bdir / "ids.json").read_text(encoding="utf-8"))
            self.bm25 = bm25s.BM25.load(str(bdir), show_progress=False) if self.bm25_ids else None
        except Exception as exc:  # bm25s raises OSError/ValueError/JSON errors on damaged files
            raise IndexCorrupt(
                f"知识库 {self.kb.name!r} 的 BM25 索引缺失或损坏（{bdir.name}）；请运行 "
                f"`tiaowen ingest --rebuild {' '.join(manifest.get('paths', ['PATH']))} --kb {self.kb.name}` / "
                "the BM25 index is missing or damaged: rebuild") from exc
        self.collection = self.kb.collection()
        self.vid_to_id = {vector_id(c): c.id for c in self.clauses if c.role == "clause"}
        self.documents = sorted({c.document for c in self.clauses})

    @cached_property
    def embedder(self):
        from ingest.embed import get_embedder

        return get_embedder(self.settings.embedding.backend, self.settings.embedding.model)

    # -- search --------------------------------------------------------------------------
    def dense(self, question: str, n: int) -> list[tuple[str, float]]:
        q = self.embedder.embed_query(question)
        res = self.collection.query(query_embeddings=[q.tolist()], n_results=min(n + 10, max(1, len(self.vid_to_id))),
                                    include=["distances"])
        out = []
        for vid, dist in zip(res["ids"][0], res["distances"][0]):
            cid = self.vid_to_id.get(vid)  # vectors of other generations are not visible
            if cid is not None:
                out.append((cid, 1.0 - float(dist)))
        return out[:n]

    def sparse(self, question: str, n: int) -> list[tuple[str, float]]:
        from ingest.tokenize import tokenize

        if self.bm25 is None:
            return []
        vocab = self.bm25.vocab_dict
        toks = [t for t in tokenize(question) if t in vocab]
        if not toks:
            return []
        docs, scores = self.bm25.retrieve([toks], k=min(n, len(self.bm25_ids)), show_progress=False, n_threads=1)
        return [(self.bm25_ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0]) if s > 0]

    def search(self, question: str, k: int | None = None) -> list[Hit]:
        """Top-k clauses for a question, best first: clause lookups, then fused hybrid ranks."""
        r = self.settings.retrieval
        k = k or r.k
        dense = self.dense(question, r.candidates) if r.dense_weight > 0 else []
        sparse = self.sparse(question, r.candidates) if r.bm25_weight > 0 else []
        fused: dict[str, float] = {}
        dscore = dict(dense)
        bscore = dict(sparse)
        for rank, (cid, _) in enumerate(dense):
            fused[cid] = fused.get(cid, 0.0) + r.dense_weight / (r.rrf_k + rank + 1)
        for rank, (cid, _) in enumerate(sparse):
            fused[cid] = fused.get(cid, 0.0) + r.bm25_weight / (r.rrf_k + rank + 1)
        hits = [Hit(self.by_id[cid], s, dscore.get(cid, 0.0), bscore.get(cid, 0.0)) for cid, s in fused.items()]
        hits.sort(key=lambda h: -h.score)
        looked = self.lookup(question, hits)
        if looked:
            ids = {h.clause.id for h in looked}
            hits = looked + [h for h in hits if h.clause.id not in ids]
        return hits[:k]

    # -- direct lookup ------------------------------------------------------------------
    def lookup(self, question: str, ranked: list[Hit]) -> list[Hit]:
        """Clauses the question names by number ('第十一条', '5.2.2.2', '电商规章制度第七条')."""
        refs = []  # (position, key)
        for m in ARTICLE_REF.finditer(question):
            key = f"a{cn_to_int(m.group(1))}"
            if m.group(3):
                key += f"/i{cn_to_int(m.group(3))}"
            refs.append((m.start(), m.end(), key))
        for m in STD_REF.finditer(question):
            refs.append((m.start(), m.end(), m.group(1)))
        if not refs:
            return []
        refs.sort()
        all_docs = self._named_documents(question)
        rank_of = {h.clause.id: i for i, h in enumerate(ranked)}
        found: list[Clause] = []
        prev_end = 0
        for start, end, key in refs:
            # "电子商务运营管理制度第十九条和电商规章制度第四条": each number belongs to the title before it
            docs = self._named_documents(question[prev_end:start]) or all_docs
            prev_end = end
            for c in self.clauses:
                tail = c.id.split("/", 1)[1]
                if tail != key and not tail.startswith(key + "#"):
                    continue
                if docs and c.document not in docs:
                    continue
                found.append(c)
        if not found:
            return []
        # a clause that is a heading or a split group answers through its parts
        expanded: list[Clause] = []
        for c in found:
            if c.role == "clause":
                expanded.append(c)
            else:
                expanded.extend(x for x in self.descendants(c) if x.role == "clause")
        # several documents have a 第十一条: the hybrid ranking of the question decides the order
        doc_rank: dict[str, int] = {}
        for i, h in enumerate(ranked):
            doc_rank.setdefault(h.clause.doc_id, i)
        expanded.sort(key=lambda c: (doc_rank.get(c.doc_id, 10**6), c.seq))
        seen, out = set(), []
        for c in expanded:
            if c.id not in seen:
                seen.add(c.id)
                out.append(Hit(c, 1.0 + 1.0 / (1 + rank_of.get(c.id, 100)), lookup=True))
        return out

    def _named_documents(self, question: str) -> set[str]:
        """Documents whose title (or most of it) the question mentions."""
        q = norm(question)
        best: dict[str, int] = {}
        for title in self.documents:
            t = norm(title)
            core = re.sub(r"^中华人民共和国", "", t)
            if core in q or t in q:
                best[title] = len(core)
        if best:
            top = max(best.values())
            return {t for t, n in best.items() if n == top}
        return set()

    def descendants(self, clause: Clause) -> list[Clause]:
        out = []
        for ch in self.children.get(clause.id, []):
            out.append(ch)
            out.extend(self.descendants(ch))
        return out

    def get(self, clause_id: str) -> Clause:
        try:
            return self.by_id[clause_id]
        except KeyError:
            raise UnknownClause(
                f"没有编号为 {clause_id!r} 的条款；用 `tiaowen ask --json` 查看检索结果中的 id / no clause with this id") from None

    def full_text(self, clause: Clause) -> str:
        """A clause with everything under it (an article with its items)."""
        parts = [clause.text] + [c.text for c in self.descendants(clause) if c.role in ("clause", "heading")]
        return "\n".join(parts)
