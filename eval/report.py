"""The report folder of an evaluation: report.md, results.json and chart.png."""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

from .metrics import DEFINITIONS, KS, QuestionResult, held
from .runner import EvalRun, SetRun

RETRIEVAL_COLS = ["hit@1", *[f"recall@{k}" for k in KS], "mrr", "ndcg@10"]
ANSWER_COLS = ["cite_precision", "cite_precision_micro", "cite_correct", "cite_recall", "cite_f1", "support",
               "nf_precision", "nf_recall", "false_refusal", "cited_chars", "latency_p50_ms", "latency_p95_ms"]
CHART_METRICS = ["hit@1", "mrr", "recall@5", "ndcg@10", "cite_f1"]


def _clean(x):
    if isinstance(x, float):
        return None if math.isnan(x) else round(x, 4)
    if isinstance(x, dict):
        return {k: _clean(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_clean(v) for v in x]
    return x


def summary_json(run: EvalRun) -> dict:
    """What `tiaowen eval --json` prints: the stamp and each set's metrics per configuration."""
    return _clean({
        "stamp": {k: v for k, v in run.stamp.items() if k != "settings"},
        "sets": {sr.qa.name: {"corpus_hash": sr.corpus_hash, "questions": len(sr.qa.questions),
                              "configs": sr.summary,
                              "checklists": [{k: v for k, v in c.items() if k not in ("missed", "wrong")}
                                             for c in sr.checklists]} for sr in run.sets},
        "skipped": run.skipped,
    })


def _fmt(key: str, v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    if key.endswith("_ms") or key.endswith("chars"):
        return f"{v:.0f}"
    return f"{v:.3f}"


def _table(cols: list[str], rows: list[tuple[str, dict]], bold_best: set[str] = frozenset()) -> list[str]:
    out = ["| config | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    best = {c: max((r[c] for _, r in rows if isinstance(r.get(c), float) and not math.isnan(r[c])), default=None)
            for c in bold_best}
    for name, r in rows:
        cells = []
        for c in cols:
            s = _fmt(c, r.get(c))
            cells.append(f"**{s}**" if c in best and best[c] is not None and r.get(c) == best[c] else s)
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return out


def _snippet(text: str, n: int = 70) -> str:
    t = " ".join(text.split())
    return (t[:n] + "…" if len(t) > n else t).replace("|", "｜")


def _why(r: QuestionResult, zh: bool = False) -> str | None:
    """Why a question failed under a configuration, or None when it did not (``zh``: in Chinese, for the app)."""
    if not r.answerable:
        return None if r.status == "not_found" else (
            "资料中没有答案，却作答了（应为资料中未找到）" if zh else "unanswerable, but answered (should be not_found)")
    h = held(r.ranked, r.gold)
    problems = []
    if r.status == "not_found":
        problems.append(f"答成了资料中未找到：{r.why or ''}" if zh else f"refused: {r.why or 'not_found'}")
    if not (h and h[0]):
        first = next((i for i, s in enumerate(h) if s), None)
        problems.append(("前 10 条都没有标准答案的条款" if zh else "no gold clause in the top 10") if first is None
                        else (f"标准答案的条款排在第 {first + 1} 位" if zh else f"first gold clause at rank {first + 1}"))
    missing = [j for j in range(len(r.gold)) if not any(j in s for s in h[:5])]
    if missing and len(r.gold) > 1:
        problems.append(f"应引用的 {len(r.gold)} 条中有 {len(missing)} 条不在前 5 位" if zh
                        else f"{len(missing)} of {len(r.gold)} required clauses not in the top 5")
    return ("；" if zh else "; ").join(problems) or None


def failures(sr: SetRun, cfg: str, zh: bool = False) -> list[dict]:
    """The questions a configuration got wrong in a set: id, kind, question, gold (first quote of each), why, and its
    top 3 retrieved units (label, snippet, whether it holds gold evidence)."""
    out = []
    for r in sr.results[cfg]:
        why = _why(r, zh)
        if not why:
            continue
        h = held(r.ranked, r.gold)
        out.append({"id": r.id, "kind": r.kind, "question": r.question, "why": why,
                    "gold": [_snippet(g.quotes[0] if g.quotes else f"{g.law}第{g.article}条", 40) for g in r.gold],
                    "top": [(u.label or u.id, _snippet(u.text), bool(h[i])) for i, u in enumerate(r.ranked[:3])],
                    "answer": _snippet(r.answer, 120) if r.status == "answered" and not r.answerable else ""})
    return out


def _failures(sr: SetRun, cfg: str) -> list[str]:
    out = []
    for f in failures(sr, cfg):
        gold = " / ".join(f"「{g}」" for g in f["gold"]) or "(none: unanswerable)"
        out.append(f"- **{f['id']}** ({f['kind']}) {f['question']}  \n  gold: {gold}  \n  why: {f['why']}")
        for i, (label, text, holds) in enumerate(f["top"]):
            out.append(f"  {i + 1}. {'✓' if holds else '✗'} {label}: {text}")
        if f["answer"]:
            out.append(f"  answer: {f['answer']}")
    return out


def write_report(run: EvalRun, out_dir: str | Path) -> Path:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(_results(run), ensure_ascii=False, indent=1), encoding="utf-8")
    chart = _chart(run, out / "chart.png")
    st = run.stamp
    lines = ["# Tiaowen evaluation report", "",
             f"git commit `{st['git_commit']}` · settings hash `{st['settings_hash']}` · "
             f"index stamp `{json.dumps(st['index_stamp'], ensure_ascii=False)}` · {st['time']}", ""]
    if run.skipped:
        lines += ["Skipped:", *[f"- {s}" for s in run.skipped], ""]
    lines += ["## Configurations", "", "| config | embedding | what it is |", "|---|---|---|"]
    for c in run.configs:
        lines.append(f"| {c.name} | {c.backend or '—'} | {c.about} |")
    lines.append("")
    if chart:
        lines += [f"![hit@1, MRR, recall@5, nDCG@10 and citation F1 per configuration]({chart.name})", ""]
    primary = next((c.name for c in run.configs if c.kind == "ours"), run.configs[0].name if run.configs else None)
    for sr in run.sets:
        kinds = Counter(q.kind for q in sr.qa.questions)
        lines += [f"## Set `{sr.qa.name}`", "",
                  f"{len(sr.qa.questions)} questions ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}) "
                  f"from `{sr.qa.source}`; corpus: {', '.join(p.name for p in sr.qa.corpus)} "
                  f"(hash `{sr.corpus_hash}`).", "",
                  "### Retrieval (answerable questions)", ""]
        rows = [(c.name, {**sr.summary[c.name], "unit chars": sr.unit_chars.get(c.name, 0.0)}) for c in run.configs]
        lines += _table(["unit chars", *RETRIEVAL_COLS], rows, set(RETRIEVAL_COLS))
        lines += ["", "### Citations, refusals, speed", ""]
        cols = ANSWER_COLS + [k for k in ("llm_fallback",) if any(k in sr.summary[c.name] for c in run.configs)]
        lines += _table(cols, [(c.name, sr.summary[c.name]) for c in run.configs],
                        {"cite_precision", "cite_precision_micro", "cite_correct", "cite_recall", "cite_f1"})
        lines += ["", "### hit@1 by kind of question", ""]
        kind_names = sorted(k for k in kinds if k != "unanswerable")
        rows = []
        for c in run.configs:
            res = sr.results[c.name]
            rows.append((c.name, {k: _mean([r.scores["hit@1"] for r in res if r.kind == k]) for k in kind_names}))
        lines += _table(kind_names, rows, set(kind_names))
        if sr.checklists:
            lines += ["", "### Checklists (ours) against the gold obligation lists", "",
                      "| topic | items | gold obligations | recall | precision | duplicate items | over-merged | grounded |",
                      "|---|---|---|---|---|---|---|---|"]
            for c in sr.checklists:
                lines.append(f"| {c['topic']} | {c['items']} | {c['gold']} | {c['recall']:.2f} | {c['precision']:.2f} | "
                             f"{c['duplicates']} | {c['over_merged']} | {c['grounded']:.0%} |")
            lines += ["", "Recall: share of the topic's gold obligations that some item states (its source sentence "
                      "holds a gold quote). Precision: share of items that state a gold obligation. Duplicate: an item "
                      "whose obligation an earlier item already states. Grounded: every content word of the item is in "
                      "its cited clauses."]
        if primary:
            fails = _failures(sr, primary)
            lines += ["", f"### Questions `{primary}` got wrong ({sum(1 for x in fails if x.startswith('- '))})", "",
                      "✓/✗: whether the retrieved unit holds gold evidence.", "", *fails]
        lines.append("")
    lines += ["## Metrics", "", DEFINITIONS]
    (out / "report.md").write_text("\n".join(lines), encoding="utf-8")
    return out / "report.md"


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else float("nan")


def _results(run: EvalRun) -> dict:
    sets = []
    for sr in run.sets:
        qs = []
        for i, q in enumerate(sr.qa.questions):
            per = {}
            for cfg, res in sr.results.items():
                r = res[i]
                per[cfg] = {"status": r.status, "answer": r.answer, "why": r.why,
                            "ranked": [u.id for u in r.ranked], "ranked_labels": [u.label for u in r.ranked],
                            "cited": [u.id for u in r.cited], "latency_ms": r.latency_ms, "scores": r.scores}
                if r.mode:
                    per[cfg]["mode"] = r.mode
            qs.append({"id": q.id, "question": q.question, "kind": q.kind,
                       "gold": [{"quotes": list(g.quotes), "law": g.law, "article": g.article} for g in q.gold],
                       "configs": per})
        sets.append({"name": sr.qa.name, "source": sr.qa.source, "corpus": [str(p) for p in sr.qa.corpus],
                     "corpus_hash": sr.corpus_hash, "summary": sr.summary, "unit_chars": sr.unit_chars,
                     "build_s": sr.build_s, "checklists": sr.checklists, "questions": qs})
    return _clean({"stamp": run.stamp, "sets": sets})


def _chart(run: EvalRun, path: Path) -> Path | None:
    if not run.sets or not run.configs:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(len(run.sets), 1, figsize=(11, 3.6 * len(run.sets) + 0.6), squeeze=False)
    width = 0.8 / len(run.configs)
    for ax, sr in zip(axes[:, 0], run.sets):
        for j, c in enumerate(run.configs):
            vals = [sr.summary[c.name].get(m, 0.0) for m in CHART_METRICS]
            xs = [i + (j - (len(run.configs) - 1) / 2) * width for i in range(len(CHART_METRICS))]
            ax.bar(xs, vals, width, label=c.name)
            for x, v in zip(xs, vals):
                ax.text(x, v + 0.01, f"{v:.2f}", ha="center", va="bottom", fontsize=6, rotation=90)
        ax.set_xticks(range(len(CHART_METRICS)), CHART_METRICS)
        ax.set_ylim(0, 1.12)
        ax.set_title(f"set '{sr.qa.name}' ({len(sr.qa.questions)} questions)")
        ax.grid(axis="y", alpha=0.3)
    axes[0][0].legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.suptitle(f"Tiaowen evaluation · commit {run.stamp['git_commit']} · settings {run.stamp['settings_hash']}",
                 fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=130)
    plt.close(fig)
    return path
