"""Retrieval and not-found metrics on a Q&A set whose gold evidence is written as quotes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ingest.clean import norm

QA_DIR = Path(__file__).parent / "qa"


def load_qa(path: str | Path) -> list[dict]:
    """Q&A items: {id, question, kind, gold: [[alternative quotes] per required clause]}."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def holds(text: str, alternatives: list[str]) -> bool:
    """Does a clause's text contain one of the gold quotes (whitespace-insensitive)?"""
    t = norm(text)
    return any(norm(a) in t for a in alternatives)


@dataclass
class RetrievalScores:
    n: int
    hit_at_1: float
    recall_at_5: float
    unanswerable: int
    not_found_recall: float  # unanswerable questions answered not_found
    false_refusal: float  # answerable questions answered not_found
    failures: list[dict]


def evaluate(retriever, qa: list[dict], k: int = 5) -> RetrievalScores:
    """hit@1 and recall@k at clause granularity, and not_found rates from the extractive answerer."""
    from assistant.answer import answer

    h1 = r5 = 0.0
    n = nf_un = nf_an = un = 0
    failures = []
    for item in qa:
        ans = answer(retriever, item["question"], k)
        if not item["gold"]:
            un += 1
            nf_un += ans.status == "not_found"
            continue
        n += 1
        nf_an += ans.status == "not_found"
        hits = ans.retrieved
        top1 = bool(hits) and any(holds(hits[0].clause.text, g) for g in item["gold"])
        rec = sum(any(holds(h.clause.text, g) for h in hits[:k]) for g in item["gold"]) / len(item["gold"])
        h1 += top1
        r5 += rec
        if not top1:
            failures.append({"id": item["id"], "question": item["question"],
                             "top": hits[0].clause.label if hits else None})
    return RetrievalScores(n, h1 / max(n, 1), r5 / max(n, 1), un, nf_un / max(un, 1), nf_an / max(n, 1), failures)
