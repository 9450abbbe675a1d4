"""Extractive answers: the sentences of the top clauses that answer the question, each cited."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.clean import norm
from ingest.records import Clause
from tiaowen.errors import BadQuestion

from .retrieve import Hit, Retriever

NOT_FOUND = "资料中未找到"  # shared by the answerer, the app and any model prompt
_SENT = re.compile(r"[^。！？；;!?\n]+[。！？；;!?]?")
_MARKER = re.compile(r"^\s*(第[一二三四五六七八九十百零〇两\d]+条|[（(][一二三四五六七八九十\d]+[)）]、?|"
                     r"[一二三四五六七八九十]+、|\d+(?:\.\d+)*[、.．]?|[a-z][.．、])\s*")


@dataclass(frozen=True)
class Citation:
    n: int
    id: str
    document: str
    label: str
    text: str


@dataclass(frozen=True)
class Answer:
    question: str
    status: str  # "answered" | "not_found"
    answer: str
    citations: tuple[Citation, ...] = ()
    retrieved: tuple[Hit, ...] = ()
    support: float = 0.0
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        """The `ask --json` shape (add fields, never rename)."""
        return {
            "question": self.question,
            "status": self.status,
            "answer": self.answer,
            "citations": [{"n": c.n, "id": c.id, "document": c.document, "label": c.label, "text": c.text}
                          for c in self.citations],
            "retrieved": [{"id": h.clause.id, "document": h.clause.document, "label": h.clause.label,
                           "text": h.clause.text, "score": round(float(h.score), 6)} for h in self.retrieved],
            "support": round(self.support, 4),
        }


def _bigrams(text: str) -> set[str]:
    n = re.sub(r"[^\w\u4e00-\u9fff]", "", norm(text))
    return {n[i:i + 2] for i in range(len(n) - 1)}


def coverage(question: str, text: str) -> float:
    """Share of the question's character bigrams found in ``text``."""
    q = _bigrams(question) - _STOP_BIGRAMS
    return len(q & _bigrams(text)) / len(q) if q else 0.0


_STOP_BIGRAMS = {"什么", "怎么", "如何", "哪些", "是否", "有没", "没有", "要不", "不要", "可以", "应该", "需要", "我们",
                 "公司", "规定", "要求", "一下", "请问", "的话", "时候", "多少", "么处", "么办", "怎样"}


def validate_question(question: str, max_chars: int) -> str:
    q = (question or "").strip()
    q = "".join(ch for ch in q if ch.isprintable() or ch in "\n\t")
    if not q:
        raise BadQuestion("问题为空：请输入要查询的问题 / the question is empty")
    if len(q) > max_chars:
        raise BadQuestion(f"问题过长（{len(q)} 字）：请缩短到 {max_chars} 字以内 / the question is too long")
    if not re.search(r"[\w\u4e00-\u9fff]", q):
        raise BadQuestion("问题里没有文字：请用文字描述要查询的内容 / the question has no words")
    return q


_ASKS_QUANTITY = re.compile(r"多少|几[天个次日年月周小分元倍成]|多久|多长时间|哪天|什么时候|几点|多大|百分之")
_HAS_QUANTITY = re.compile(r"\d|[一二三四五六七八九十两百千万]+\s*(?:天|日|个|次|年|月|周|小时|分钟|元|倍|成|%|％)")


def support_of(question: str, hits: list[Hit], vocab: dict | None = None) -> float:
    """Evidence strength: dense similarity blended with lexical coverage of the best hits.

    Two general checks lower it: a question asking for a quantity (多少/几天/多久) when no
    top clause states one, and question words the knowledge base never uses at all.
    """
    if not hits:
        return 0.0
    if hits[0].lookup:
        return 1.0
    best = 0.0
    for h in hits[:3]:
        cov = coverage(question, h.clause.index_text)
        best = max(best, 0.5 * h.dense + 0.5 * cov)
    if _ASKS_QUANTITY.search(question) and not any(_HAS_QUANTITY.search(h.clause.text) for h in hits[:3]):
        best -= 0.1
    if vocab is not None:
        from ingest.tokenize import tokenize

        words = [t for t in tokenize(question) if len(t) >= 2]
        unknown = [t for t in words if t not in vocab]
        if words:
            best -= 0.1 * len(unknown) / len(words)
    return best


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT.findall(text) if s.strip()]


def _statement(question: str, clause: Clause, whole: bool) -> str:
    """The sentences of a clause that answer the question (the whole clause when it is short)."""
    body = _MARKER.sub("", clause.text, count=1).strip()
    if whole or len(body) <= 120:
        return body.rstrip("。；;")
    sents = _sentences(body)
    scored = sorted(range(len(sents)), key=lambda i: -coverage(question, sents[i]))
    keep = sorted(scored[:2])
    return "".join(sents[i] for i in keep).rstrip("。；;")


def answer(retriever: Retriever, question: str, k: int | None = None) -> Answer:
    """Answer from the knowledge base, or say NOT_FOUND with the closest clauses."""
    s = retriever.settings
    q = validate_question(question, s.answer.max_question_chars)
    hits = retriever.search(q, k or s.retrieval.k)
    sup = support_of(q, hits, retriever.bm25.vocab_dict if retriever.bm25 is not None else None)
    if not hits or sup < s.answer.min_support:
        return Answer(q, "not_found", NOT_FOUND + "。可能相关的条款见检索结果。" if hits else NOT_FOUND,
                      (), tuple(hits), sup)
    chosen: list[Hit] = []
    top = hits[0].score
    for h in hits:
        if len(chosen) >= s.answer.max_clauses:
            break
        if h.lookup or h is hits[0] or (h.score >= 0.6 * top and coverage(q, h.clause.index_text) >= 0.3):
            if h.clause.near_dup_of and any(c.clause.id == h.clause.near_dup_of for c in chosen):
                continue
            chosen.append(h)
    citations: list[Citation] = []
    by_doc: dict[str, list[str]] = {}
    for h in chosen:
        c = h.clause
        n = len(citations) + 1
        citations.append(Citation(n, c.id, c.document, c.label, c.text))
        by_doc.setdefault(c.document, []).append(f"{_statement(q, c, h.lookup)}[{n}]")
    lines = [f"《{doc}》：" + "；".join(parts) + "。" for doc, parts in by_doc.items()]
    return Answer(q, "answered", "\n".join(lines), tuple(citations), tuple(hits), sup)
