"""Q&A sets: our JSONL format, the STARD format, and the built-in sets with their corpora."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ingest.clean import CN_NUM
from ingest.segment import cn_to_int
from tiaowen.errors import TiaowenError

from .metrics import Gold

QA_DIR = Path(__file__).parent / "qa"
ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    kind: str
    gold: tuple[Gold, ...]  # empty: the corpus cannot answer it


@dataclass(frozen=True)
class QASet:
    name: str
    questions: tuple[Question, ...]
    corpus: tuple[Path, ...]  # the files the questions are asked over
    source: str = ""  # the Q&A file


class BadQASet(TiaowenError):
    pass


def _bad(path: Path, where: str, what: str) -> BadQASet:
    return BadQASet(f"问答集 {path} {where}：{what} / bad Q&A file: {what}")


def load_jsonl(path: Path, with_laws: bool = False) -> list[Question]:
    """Our format, a line a question: {"id", "question", "kind", "gold": [[quotes of clause 1], …]}.

    ``with_laws``: the questions asked over the corpus with the e-commerce laws beside it, where a question
    the corpus cannot answer may have its answer in the laws ("gold_with_laws", same shape as gold)."""
    out, seen = [], set()
    for no, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            qid, question, gold = str(d["id"]), str(d["question"]), d.get("gold", [])
            kind = d.get("kind", "unanswerable" if not gold else "question")
            if with_laws and d.get("gold_with_laws"):
                gold, kind = d["gold_with_laws"], "answered-by-laws"
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise _bad(path, f"第 {no} 行", f"需要 JSON 对象，含 id、question、gold（{exc}）") from None
        if qid in seen:
            raise _bad(path, f"第 {no} 行", f"id {qid!r} 重复")
        seen.add(qid)
        if not isinstance(gold, list) or not all(isinstance(g, list) and g and all(isinstance(q, str) for q in g)
                                                 for g in gold):
            raise _bad(path, f"第 {no} 行", "gold 应为引文列表的列表，如 [[\"引文1\", \"引文1的另一种写法\"], [\"引文2\"]]")
        out.append(Question(qid, question, kind, tuple(Gold(tuple(g)) for g in gold)))
    return out


_MATCH_NAME = re.compile(rf"^(.+?)(第[{CN_NUM}\d]+条)")


def _sentences(text: str) -> tuple[str, ...]:
    body = re.sub(rf"^\s*第[{CN_NUM}\d]+条\s*", "", text)
    return tuple(s[:40] for s in re.split(r"[。；;！？\n]", body) if len(s.strip()) >= 8)


def load_stard(path: Path) -> list[Question]:
    """STARD: [{"问题": str, "match_name": ["建筑法第四十八条", …], "相关法规": {name: text}}].

    Each named article is one gold clause, matched by law title and article number, or by the
    sentences of its text in ``相关法规`` (so chunks, which have no article number, can hold it)."""
    try:
        items = json.loads(path.read_text(encoding="utf-8-sig"))
        assert isinstance(items, list)
    except (json.JSONDecodeError, AssertionError) as exc:
        raise _bad(path, "", f"STARD 文件应为 JSON 列表（{exc}）") from None
    out = []
    for i, d in enumerate(items, 1):
        try:
            question, names, texts = d["问题"], d.get("match_name") or [], d.get("相关法规") or {}
        except (KeyError, TypeError):
            raise _bad(path, f"第 {i} 项", "需要 问题、match_name、相关法规 字段") from None
        gold = []
        for name in names:
            m = _MATCH_NAME.match(re.sub(r"\s+", "", name))
            if not m:
                raise _bad(path, f"第 {i} 项", f"match_name {name!r} 应为“法律名第X条”")
            gold.append(Gold(_sentences(texts.get(name, "")), m.group(1).strip("《》"),
                             cn_to_int(m.group(2)[1:-1])))
        out.append(Question(f"stard-{i:03d}", question, "stard" if gold else "unanswerable", tuple(gold)))
    return out


def load_questions(path: str | Path, with_laws: bool = False) -> list[Question]:
    path = Path(path)
    if not path.is_file():
        raise BadQASet(f"找不到问答集文件 {path}：请检查路径 / Q&A file not found")
    if path.suffix == ".json":
        return load_stard(path)
    return load_jsonl(path, with_laws)


def laws_dir() -> Path | None:
    """The law corpus: $TIAOWEN_LAWS_DIR, else ../shared/laws beside the project."""
    d = Path(os.environ.get("TIAOWEN_LAWS_DIR") or ROOT.parent / "shared" / "laws")
    return d if (d / "ECOMMERCE.txt").is_file() else None


def ecommerce_laws() -> list[Path]:
    d = laws_dir()
    if d is None:
        raise LawsMissing(
            "找不到法律语料（../shared/laws 或 TIAOWEN_LAWS_DIR）：跳过法律问答集 / "
            "the law corpus is absent (set TIAOWEN_LAWS_DIR): the laws set is skipped")
    return [d / line.strip() for line in (d / "ECOMMERCE.txt").read_text(encoding="utf-8").splitlines() if line.strip()]


class LawsMissing(TiaowenError):
    pass


BUILTIN = {  # name: (Q&A file, corpus)
    "seed": ("seed.jsonl", lambda: [ROOT / "corpus"]),
    "laws": ("laws.jsonl", ecommerce_laws),
    "stard-sample": ("stard_sample.json", ecommerce_laws),
    # the seed questions with the 14 laws in the same knowledge base as distractors (not run by default); the
    # few the seed cannot answer but the laws do ("七天无理由退货具体是几天") take their gold_with_laws
    "seed+laws": ("seed.jsonl", lambda: [ROOT / "corpus", *ecommerce_laws()]),
}
DEFAULT_SETS = ["seed", "laws", "stard-sample"]


def builtin(name: str) -> QASet:
    qa, corpus = BUILTIN[name]
    path = QA_DIR / qa
    return QASet(name, tuple(load_questions(path, with_laws=name == "seed+laws")), tuple(Path(p) for p in corpus()),
                 str(path))


def from_file(path: str | Path, corpus: list[str | Path]) -> QASet:
    if not corpus:
        raise BadQASet("外部问答集需要 --corpus 指明它所针对的文件 / an external Q&A set needs --corpus PATH")
    missing = [str(p) for p in corpus if not Path(p).exists()]
    if missing:
        raise BadQASet(f"找不到语料 {', '.join(missing)} / corpus path not found")
    p = Path(path)
    return QASet(p.stem, tuple(load_questions(p)), tuple(Path(c) for c in corpus), str(p))


def qa_from_feedback(path: str | Path) -> tuple[list[dict], list[dict], list[dict]]:
    """The app's 👍/👎 records as Q&A items: a 👍 answer's citations become its gold (a quote from
    each cited clause); 👎 answers come back separately for a person to write the gold. Votes on a checklist
    drafted in the chat come back third, as gold obligation lists to check (the shape of checklists.jsonl)."""

    good, review, checklists = [], [], []
    p = Path(path)
    if not p.is_file():
        raise BadQASet(f"找不到反馈文件 {p} / feedback file not found")
    records = {}  # a vote changed on the same answer (its rated_id) counts once, as last given
    for no, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            rec = None
        if not isinstance(rec, dict) or "question" not in rec or "vote" not in rec:
            raise _bad(p, f"第 {no} 行", "不是应用写出的反馈记录")
        records[rec.get("rated_id") or no] = (no, rec)
    for no, rec in sorted(records.values(), key=lambda x: x[0]):
        question, vote = rec["question"], rec["vote"]
        item = {"id": f"fb-{no:04d}", "question": question}
        if rec.get("kind") == "checklist":
            checklists.append({"id": item["id"], "topic": rec.get("topic", ""), "scope": rec.get("scope"), "vote": vote,
                               "set": None, "note": CHECKLIST_NOTE[vote == "up"],
                               "obligations": [{"quotes": (it.get("sources") or [it["text"]])[:1], "kind": it["kind"]}
                                               for it in rec.get("items", [])]})
        elif vote == "up" and rec.get("status") == "answered" and rec.get("citations"):
            quotes = []
            for c in rec["citations"]:
                body = re.sub(rf"^\s*(第[{CN_NUM}\d]+条|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[、.．]?)\s*",
                              "", c["text"])
                quotes.append([body[:30]])
            good.append({**item, "kind": "feedback", "gold": quotes})
        else:
            review.append({**item, "kind": "review", "gold": [], "answer": rec.get("answer", ""),
                           "note": "👎 或未作答：请写出应引用条款的原文引文，或确认资料中没有答案"})
    return good, review, checklists


CHECKLIST_NOTE = {True: "👍：逐条核对后可加入 eval/qa/checklists.jsonl（set 填 seed 或 laws，补上漏掉的义务）",
                  False: "👎：请删去不是该主题义务的条目、补上漏掉的义务，再加入 eval/qa/checklists.jsonl"}
