"""Run Q&A sets under several configurations in one process and collect per-question results."""

from __future__ import annotations

import hashlib
import json
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ingest.loaders import iter_files
from tiaowen.settings import Settings

from .metrics import QuestionResult, summarize
from .sets import ROOT, QASet
from .systems import Config, build, check_configs


@dataclass
class SetRun:
    qa: QASet
    corpus_hash: str
    results: dict[str, list[QuestionResult]] = field(default_factory=dict)  # config → results
    summary: dict[str, dict[str, float]] = field(default_factory=dict)
    unit_chars: dict[str, float] = field(default_factory=dict)  # config → mean characters of its units
    build_s: dict[str, float] = field(default_factory=dict)
    checklists: list[dict] = field(default_factory=list)  # per gold topic of this set: our checklist's scores


@dataclass
class EvalRun:
    sets: list[SetRun]
    configs: list[Config]
    stamp: dict
    skipped: list[str] = field(default_factory=list)


def corpus_hash(paths) -> str:
    h = hashlib.sha256()
    for f in sorted(iter_files(list(paths)), key=str):
        h.update(Path(f).name.encode())
        h.update(Path(f).read_bytes())
    return h.hexdigest()[:16]


def git_commit() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             timeout=5)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    if rev.returncode != 0:
        return "unknown"
    return rev.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")


def settings_hash(settings: Settings) -> str:
    d = settings.model_dump(mode="json", exclude={"home", "kb"})
    return hashlib.sha1(json.dumps(d, sort_keys=True).encode()).hexdigest()[:12]


def checklist_scores(retriever, set_name: str, on_stage: Callable[[str], None] | None = None) -> list[dict]:
    """Our checklists on the gold topics of a set (eval/qa/checklists.jsonl): recall, precision,
    duplicates, and the share of items whose words are all in their cited clauses."""
    from assistant.checklist import checklist, grounded

    from .checklists import load_gold, score

    gold = [g for g in load_gold() if g.set == set_name]
    if gold and on_stage:  # some seconds a topic, that said nothing
        on_stage(f"{set_name} · ours: checklists")
    out = []
    for g in gold:
        t = time.perf_counter()
        cl = checklist(retriever, g.topic)
        sc = score([i.to_dict() for i in cl.items], g)
        sc["grounded"] = sum(grounded(i) for i in cl.items) / len(cl.items) if cl.items else 1.0
        sc["seconds"] = time.perf_counter() - t
        out.append(sc)
    return out


def run_questions(system, questions, tick: Callable[[int], object] | None = None) -> list[QuestionResult]:
    """Ask every question of a set, warm, timing each; scored per question."""
    system.run("预热")  # load models and caches outside the timed questions
    results = []
    for q in questions:
        t = time.perf_counter()
        r = system.run(q.question)
        ms = (time.perf_counter() - t) * 1000
        res = QuestionResult(q.id, q.question, q.kind, list(q.gold), r.ranked, r.status, r.cited,
                             r.answer, ms if r.latency_ms is None else r.latency_ms, r.why, mode=r.mode)
        res.score()
        results.append(res)
        if tick:
            tick(1)
    return results


def run_eval(sets: list[QASet], configs: list[Config], settings: Settings,
             on_stage: Callable[[str], None] | None = None, bar=None) -> EvalRun:
    """Every set under every configuration; ``bar(total, desc)`` gives a progress bar context."""
    check_configs(configs, settings)
    stamp = {"settings_hash": settings_hash(settings), "index_stamp": settings.index_stamp(),
             "git_commit": git_commit(), "time": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
             "settings": settings.model_dump(mode="json", exclude={"home", "kb"})}
    out = EvalRun([], configs, stamp)
    systems: dict[tuple, object] = {}  # sets over the same corpus share a configuration's index
    for qa in sets:
        sr = SetRun(qa, corpus_hash(qa.corpus))
        for cfg in configs:
            if on_stage:
                on_stage(f"{qa.name} · {cfg.name}: building")
            t0 = time.perf_counter()
            key = (cfg.name, tuple(sorted(str(p) for p in qa.corpus)))
            system = systems.get(key) or systems.setdefault(key, build(cfg, settings, list(qa.corpus)))
            sr.build_s[cfg.name] = time.perf_counter() - t0
            if hasattr(system, "chunks"):
                sr.unit_chars[cfg.name] = system.mean_chars
            else:
                units = [c for c in system.retriever.clauses if c.role == "clause"]
                sr.unit_chars[cfg.name] = sum(len(c.text) for c in units) / max(len(units), 1)
            ctx = bar(len(qa.questions), f"{qa.name} · {cfg.name}") if bar else None
            results = run_questions(system, qa.questions, ctx.update if ctx else None)
            if ctx:
                ctx.close()
            sr.results[cfg.name] = results
            sr.summary[cfg.name] = summarize(results)
            if cfg.name == "ours":
                sr.checklists = checklist_scores(system.retriever, qa.name, on_stage)
        out.sets.append(sr)
    return out
