"""Checklist recall and precision against gold obligation lists (eval/qa/checklists.jsonl)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ingest.clean import norm

from .sets import QA_DIR

GOLD = QA_DIR / "checklists.jsonl"


@dataclass(frozen=True)
class GoldTopic:
    topic: str
    set: str  # seed | laws
    obligations: tuple[tuple[str, ...], ...]  # alternative quotes of each distinct obligation
    kinds: tuple[str, ...]


def load_gold(path: str | Path = GOLD) -> list[GoldTopic]:
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append(GoldTopic(d["topic"], d["set"], tuple(tuple(o["quotes"]) for o in d["obligations"]),
                                 tuple(o["kind"] for o in d["obligations"])))
    return out


def _sq(t: str) -> str:
    return re.sub(r"[\s。；;，,、：:]", "", norm(t))


def _states(source: str, quotes: tuple[str, ...]) -> bool:
    s = _sq(source)
    return any(_sq(q) in s or (len(s) >= 6 and s in _sq(q)) for q in quotes)


def matches(item: dict, quotes: tuple[str, ...]) -> bool:
    """Does a checklist item state this obligation? Its first source (what its text says) must
    contain a quote or be contained in one (a short list item); merged sources that state other
    obligations do not count for it (an item is one duty)."""
    sources = item.get("sources", [])
    return bool(sources) and _states(sources[0], quotes)


def over_merged(item: dict, gold: "GoldTopic") -> bool:
    """An item whose sources state different gold obligations: two duties in one item."""
    stated = {j for src in item.get("sources", []) for j, q in enumerate(gold.obligations) if _states(src, q)}
    return len(stated) > 1


def score(items: list[dict], gold: GoldTopic) -> dict:
    """recall: share of gold obligations some item states; precision: share of items that state a
    gold obligation; duplicates: items whose obligations an earlier item already states."""
    hit_gold: set[int] = set()
    correct = dups = 0
    wrong: list[str] = []
    for it in items:
        m = {j for j, q in enumerate(gold.obligations) if matches(it, q)}
        if m:
            correct += 1
            if m <= hit_gold:
                dups += 1
            hit_gold |= m
        else:
            wrong.append(it["text"])
    missed = [gold.obligations[j][0] for j in range(len(gold.obligations)) if j not in hit_gold]
    return {"topic": gold.topic, "set": gold.set, "items": len(items), "gold": len(gold.obligations),
            "recall": len(hit_gold) / len(gold.obligations) if gold.obligations else 0.0,
            "precision": correct / len(items) if items else 0.0, "duplicates": dups,
            "over_merged": sum(over_merged(it, gold) for it in items), "missed": missed, "wrong": wrong}
