"""Citation-accuracy metrics at clause granularity, on plain data so that they can be table-tested.

A question's gold is a list of required pieces of evidence (one per clause a complete answer must
cite); each is a ``Gold``: quotes that appear in that clause's text, and for sets that name laws
(STARD), the law title and article number. A retrieved or cited unit (a clause, or a chunk of a
baseline) *holds* a gold piece when its text contains one of the quotes, or when it is that
article of that law. Definitions, with their sources, are written out in ``DEFINITIONS`` and in
every report.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from assistant.support import SUPPORT_THRESHOLD, supported  # the one support measure, defined there
from ingest.clean import norm

KS = (1, 3, 5, 10)


@dataclass(frozen=True)
class Gold:
    quotes: tuple[str, ...] = ()
    law: str = ""  # a law's short title ("电子商务法"), with ``article``
    article: int = 0


@dataclass(frozen=True)
class Unit:
    """Something retrieved or cited: a clause, or a baseline's chunk."""

    id: str
    text: str
    document: str = ""
    article: int = 0  # the article (第X条) the unit belongs to, where known
    label: str = ""  # what a person reads: 《电商服务管理制度》第六条（一）


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", norm(text))


def law_name(title: str) -> str:
    """A law's title as a question set names it: no 中华人民共和国, no (date), no 《》."""
    t = re.sub(r"[（(]\d{4}[-年.]\d{1,2}[-月.]\d{1,2}日?[)）]$", "", _squash(title))
    return re.sub(r"^中华人民共和国", "", t.strip("《》"))


def holds(unit: Unit, gold: Gold) -> bool:
    """Does the unit hold this piece of gold evidence?"""
    if gold.law and gold.article and unit.article == gold.article and unit.document \
            and law_name(unit.document) == law_name(gold.law):
        return True
    text = _squash(unit.text)
    return any(_squash(q) in text for q in gold.quotes if q.strip())


def held(units: list[Unit], gold: list[Gold]) -> list[set[int]]:
    """For each unit, the indices of the gold pieces it holds."""
    return [{j for j, g in enumerate(gold) if holds(u, g)} for u in units]


def retrieval_scores(ranked: list[Unit], gold: list[Gold], ks=KS) -> dict[str, float]:
    """hit@1, recall@k, reciprocal rank and nDCG@10 of one ranking of an answerable question.

    recall@k: share of the required gold pieces held by the top k units. Reciprocal rank: 1 / rank
    of the first unit that holds any gold piece (0 when none in the ranking). nDCG@10: binary
    gain, a unit gains 1 for the first time it brings a gold piece not held by a unit above it
    (a near-duplicate copy of a clause gains nothing), ideal ranking = every gold piece at the top.
    """
    h = held(ranked, gold)
    out = {"hit@1": float(bool(h) and bool(h[0]))}
    for k in ks:
        got = set().union(*h[:k]) if h[:k] else set()
        out[f"recall@{k}"] = len(got) / len(gold)
    first = next((i for i, s in enumerate(h) if s), None)
    out["mrr"] = 0.0 if first is None else 1.0 / (first + 1)
    seen: set[int] = set()
    dcg = 0.0
    for i, s in enumerate(h[:10]):
        new = s - seen
        if new:
            dcg += 1.0 / math.log2(i + 2)
            seen |= new
    idcg = sum(1.0 / math.log2(i + 2) for i in range(min(len(gold), 10)))
    out["ndcg@10"] = dcg / idcg
    return out


def citation_scores(cited: list[Unit], gold: list[Gold]) -> dict[str, float]:
    """Citation precision and recall of one answer to an answerable question.

    Citations are a set (the same clause cited twice counts once). precision: share of cited
    clauses that hold any gold piece; correct: 1 when at least one does; recall: share of the
    required gold pieces that some citation holds; f1 their harmonic mean (LawBench's set
    precision/recall/F1 over cited articles). A refusal cites nothing and scores 0 on all.
    """
    uniq: dict[str, Unit] = {}
    for u in cited:
        uniq.setdefault(u.id, u)
    h = held(list(uniq.values()), gold)
    if not h:
        return {"cite_precision": 0.0, "cite_correct": 0.0, "cite_recall": 0.0, "cite_f1": 0.0}
    p = sum(bool(s) for s in h) / len(h)
    r = len(set().union(*h)) / len(gold)
    return {"cite_precision": p, "cite_correct": float(p > 0), "cite_recall": r,
            "cite_f1": 0.0 if p + r == 0 else 2 * p * r / (p + r)}


_STATEMENT = re.compile(r"([^；;。！？!?\n]+?)\s*((?:\[\d+\])+)")
_DOC_LEAD = re.compile(r"^\s*《[^》]+》[:：]\s*")


def statements(answer: str) -> list[tuple[str, list[int]]]:
    """The statements of an answer with the citation numbers after each: "…[1][2]；…[3]。"."""
    out = []
    for line in answer.splitlines():
        line = _DOC_LEAD.sub("", line)
        for m in _STATEMENT.finditer(line):
            text = _DOC_LEAD.sub("", m.group(1)).strip(" ，,：:")
            if text:
                out.append((text, [int(n) for n in re.findall(r"\d+", m.group(2))]))
    return out


def support_rate(answer: str, cited_by_n: dict[int, str]) -> float | None:
    """Share of an answer's statements that their citations support; None when it has none."""
    st = statements(answer)
    if not st:
        return None
    return sum(supported(text, [cited_by_n[n] for n in ns if n in cited_by_n]) for text, ns in st) / len(st)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    v = sorted(values)
    i = (len(v) - 1) * p / 100
    lo, hi = math.floor(i), math.ceil(i)
    return v[lo] + (v[hi] - v[lo]) * (i - lo)


@dataclass
class QuestionResult:
    """One question under one configuration: what it retrieved, what it answered and cited."""

    id: str
    question: str
    kind: str
    gold: list[Gold]
    ranked: list[Unit]
    status: str  # answered | not_found
    cited: list[Unit]
    answer: str = ""
    latency_ms: float = 0.0
    why: str = ""
    scores: dict[str, float] = field(default_factory=dict)
    mode: str = ""  # llm configurations: "llm", or "extractive" where the answer fell back

    @property
    def answerable(self) -> bool:
        return bool(self.gold)

    def score(self) -> dict[str, float]:
        """Per-question metrics (answerable questions: retrieval and citation; all: support)."""
        s: dict[str, float] = {}
        if self.answerable:
            s.update(retrieval_scores(self.ranked, self.gold))
            s.update(citation_scores(self.cited if self.status == "answered" else [], self.gold))
        if self.status == "answered":
            sup = support_rate(self.answer, {i + 1: u.text for i, u in enumerate(self.cited)})
            if sup is not None:
                s["support"] = sup
        self.scores = s
        return s


def summarize(results: list[QuestionResult]) -> dict[str, float]:
    """Means over a set's questions, not-found precision/recall, cited length, latency."""
    for r in results:
        if not r.scores:
            r.score()
    ans = [r for r in results if r.answerable]
    un = [r for r in results if not r.answerable]
    out: dict[str, float] = {"questions": len(results), "answerable": len(ans), "unanswerable": len(un)}
    keys = ["hit@1", *[f"recall@{k}" for k in KS], "mrr", "ndcg@10",
            "cite_precision", "cite_correct", "cite_recall", "cite_f1"]
    for key in keys:
        out[key] = sum(r.scores[key] for r in ans) / len(ans) if ans else 0.0
    # micro citation precision: over all citations of answered answerable questions
    cites = [(u, r.gold) for r in ans if r.status == "answered" for u in {c.id: c for c in r.cited}.values()]
    out["cite_precision_micro"] = sum(any(holds(u, g) for g in gold) for u, gold in cites) / len(cites) if cites else 0.0
    sup = [r.scores["support"] for r in results if "support" in r.scores]
    out["support"] = sum(sup) / len(sup) if sup else float("nan")
    refused = [r for r in results if r.status == "not_found"]
    tp = sum(not r.answerable for r in refused)
    out["nf_precision"] = tp / len(refused) if refused else 0.0
    out["nf_recall"] = tp / len(un) if un else float("nan")
    out["false_refusal"] = sum(r.answerable for r in refused) / len(ans) if ans else 0.0
    units = [u for r in results if r.status == "answered" for u in r.cited]
    out["cited_chars"] = sum(len(u.text) for u in units) / len(units) if units else 0.0
    called = [r for r in results if r.mode and r.status == "answered"]
    if called:  # llm configurations: answered questions whose answer is the extractive fallback
        out["llm_fallback"] = sum(r.mode != "llm" for r in called) / len(called)
    lat = [r.latency_ms for r in results]
    out["latency_p50_ms"] = percentile(lat, 50)
    out["latency_p95_ms"] = percentile(lat, 95)
    return out


DEFINITIONS = f"""\
All metrics are computed at clause granularity over the questions of a set; a question's gold is
the list of clauses a complete answer must cite, each written as quotes found in the clause text
(or, for STARD sets, a law and article number). A unit (one of our clauses, or one chunk of a
baseline) holds a gold clause when its text contains one of the quotes (whitespace- and
width-insensitive) or it is that article of that law.

| metric | definition | source |
|---|---|---|
| hit@1 | share of answerable questions whose top unit holds a gold clause | success@1, as in IR evaluation practice |
| recall@k | mean over answerable questions of the share of gold clauses held by the top k units (k = {', '.join(map(str, KS))}) | Manning, Raghavan & Schütze, *Introduction to IR* (2008), ch. 8 |
| MRR | mean of 1 / rank of the first unit holding a gold clause (0 if none retrieved) | Voorhees, TREC-8 QA track (1999) |
| nDCG@10 | binary gain; a unit gains only for gold clauses no higher unit holds; ideal = all gold clauses first | Järvelin & Kekäläinen (2002); BEIR (Thakur et al., 2021) uses nDCG@10 |
| citation precision | mean over answerable questions of the share of distinct cited units that hold a gold clause (a refusal scores 0); *micro*: over all citations | ALCE citation precision (Gao et al., 2023); LawBench article set precision (Fei et al., 2023) |
| correct citation | share of answerable questions with at least one cited unit holding a gold clause | ALCE citation recall, question level |
| citation recall / F1 | mean share of the gold clauses that the citations hold; F1 of the two per question | LawBench set precision/recall/F1 over cited articles |
| support | share of answer statements (text before its [n] markers) whose cited units together contain ≥ {SUPPORT_THRESHOLD:.0%} of the statement's character bigrams (`assistant/support.py`; the LLM mode's post-check uses the same measure) | ALCE's citation recall uses an NLI model; none runs offline here, so this is a **lexical proxy**: it checks the words come from the cited clause, not that the clause entails the statement |
| not-found precision / recall | among answers with status not_found, the share whose question is unanswerable; among unanswerable questions, the share answered not_found | abstention evaluation as in SQuAD 2.0 (Rajpurkar et al., 2018) |
| false refusal | share of answerable questions answered not_found | |
| cited chars | mean characters of the cited units' text | |
| latency p50/p95 | wall time per question (retrieve + answer), warm, in this process | |
| llm fallback | `llm` configurations: share of answered questions whose answer is the extractive one (timeout, unreadable reply, nothing verifiable, the model's refusal) | |

Configurations that only retrieve (baselines and single-retriever ablations) cite their top 3 units
and never answer not_found; their support is not computed (they state nothing of their own).
"""
