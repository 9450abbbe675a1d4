"""Chroma server mode: `chroma run` on localhost holds the vectors, several processes share one index,
and a server that goes away gives a clear error until it returns."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, free_port

RULES = """电商平台数据安全管理办法

第一条 为规范平台数据安全管理，制定本办法。
第二条 平台应当对用户数据进行分类分级管理，敏感数据必须加密存储。
第三条 员工不得私自导出用户数据，因工作需要导出的，须经部门负责人书面审批。
第四条 发生数据泄露事件的，应当在二小时内报告信息安全部门。
"""


@contextlib.contextmanager
def chroma_server(path: Path, port: int):
    exe = Path(sys.executable).parent / "chroma"
    proc = subprocess.Popen([str(exe), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2)
                break
            except OSError:
                assert proc.poll() is None, "chroma run exited at start"
                if time.monotonic() > deadline:
                    pytest.fail("chroma run did not answer its heartbeat within 60 s")
                time.sleep(0.3)
        yield proc
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_server_mode_shares_one_index_and_survives_an_outage(tmp_path, monkeypatch):
    import chromadb

    from assistant.answer import answer
    from assistant.retrieve import Retriever
    from ingest.index import KnowledgeBase
    from tiaowen.errors import IndexUnavailable
    from tiaowen.settings import Settings

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    home = tmp_path / "home"
    monkeypatch.setenv("TIAOWEN_HOME", str(home))
    monkeypatch.setenv("TIAOWEN_CHROMA__URL", url)
    doc = tmp_path / "rules.txt"
    doc.write_text(RULES, encoding="utf-8")
    question = "员工想把用户数据导出来要走什么流程"
    with chroma_server(tmp_path / "chroma-data", port):
        s = Settings()
        assert s.chroma.url == url
        report = KnowledgeBase(s, "shared").ingest([doc])
        assert report.clauses >= 4 and report.embedded >= 4
        # the vectors live on the server, none in the knowledge base's folder
        assert not (s.kb_dir("shared") / "chroma").exists()
        names = [c.name for c in chromadb.HttpClient(host="127.0.0.1", port=port).list_collections()]
        assert KnowledgeBase(s, "shared").collection_name() in names

        r = Retriever(s, "shared")
        a = answer(r, question)
        assert a.status == "answered"
        assert "第三条" in a.citations[0].label
        # a question that names the document is searched in meaning within it (a where filter on the server)
        named = r.search("数据安全管理办法对数据泄露怎么规定")
        assert named[0].clause.label.endswith("第四条") and named[0].dense > 0

        # a second process (another app worker) reads the same index through the server
        env = {**os.environ, "TIAOWEN_HOME": str(home), "TIAOWEN_CHROMA__URL": url}
        out = subprocess.run([sys.executable, "-m", "tiaowen.cli", "ask", question, "--kb", "shared", "--json"],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout)["citations"][0]["id"] == a.citations[0].id

        # another process commits a new generation: this reader notices and a reload sees the new clause
        assert not r.stale()
        doc.write_text(RULES + "第五条 用户数据的保存期限不得超过三年。\n", encoding="utf-8")
        out = subprocess.run([sys.executable, "-m", "tiaowen.cli", "ingest", str(doc), "--kb", "shared"],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        assert r.stale()
        r = Retriever(s, "shared")
        assert not r.stale()
        assert "三年" in answer(r, "用户数据最多能保存多久").citations[0].text

    # the server is down: a clear error that says what to do, in the library and the CLI
    with pytest.raises(IndexUnavailable, match="chroma run"):
        answer(r, question)
    out = subprocess.run([sys.executable, "-m", "tiaowen.cli", "ask", question, "--kb", "shared"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode != 0
    assert "Chroma" in out.stderr and "Traceback" not in out.stderr

    # it returns (same data, same port): the same retriever answers again
    with chroma_server(tmp_path / "chroma-data", port):
        again = answer(r, question)
        assert [c.id for c in again.citations] == [c.id for c in a.citations]


def test_bad_server_url_is_explained(tmp_path, monkeypatch):
    from ingest.index import KnowledgeBase
    from tiaowen.errors import TiaowenError
    from tiaowen.settings import Settings

    monkeypatch.setenv("TIAOWEN_CHROMA__URL", "127.0.0.1:8000")
    doc = tmp_path / "rules.txt"
    doc.write_text(RULES, encoding="utf-8")
    with pytest.raises(TiaowenError, match="http://127.0.0.1:8000"):
        KnowledgeBase(Settings(), "x").ingest([doc])


@pytest.mark.slow
def test_the_app_stays_up_through_a_chroma_outage_and_answers_when_it_returns(tmp_path, monkeypatch):
    """app.py over a Chroma server: while the server is down, the chat and the API say so (in words
    that name the fix) and the app keeps serving; when it comes back, the same app answers again."""
    from gradio_client import Client

    from ingest.index import KnowledgeBase
    from tests.conftest import app_server
    from tiaowen.settings import Settings

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    home = tmp_path / "home"
    monkeypatch.setenv("TIAOWEN_CHROMA__URL", url)
    doc = tmp_path / "rules.txt"
    doc.write_text(RULES, encoding="utf-8")
    question = "员工想把用户数据导出来要走什么流程"
    data = tmp_path / "chroma-data"
    with chroma_server(data, port) as chroma:
        KnowledgeBase(Settings(home=home)).ingest([doc])
        with app_server(home, 180, env={"TIAOWEN_CHROMA__URL": url}) as app:
            client = Client(app.url, verbose=False)
            before = client.predict(question, "default", api_name="/ask")
            assert before["status"] == "answered" and "第三条" in before["citations"][0]["label"]

            chroma.terminate()
            chroma.wait(timeout=30)
            down = client.predict(question, "default", api_name="/ask")
            assert down["status"] == "error" and "chroma run" in down["error"], down
            chat = client.predict(question, [], "", "default", api_name="/chat")
            assert "chroma run" in chat[0] and "tw-nf" in chat[0]
            assert app.proc.poll() is None  # still serving

            with chroma_server(data, port):
                after = client.predict(question, "default", api_name="/ask")
                assert after["status"] == "answered"
                assert [c["id"] for c in after["citations"]] == [c["id"] for c in before["citations"]]
    assert "Traceback" not in app.output
