"""The app through its API: gradio_client against app.py on localhost, over a copy of the seed index and a
second knowledge base. Upload then ask, /ask and /checklist, switching knowledge bases, bad input, document
markup, answers during ingests, and a short load run."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
from html import escape
from pathlib import Path

import httpx
import pytest

from tests.conftest import PROBES, ROOT, app_server, cli, index_state, said
from tests.test_bad_input import ASKED, REFUSED, bad_files, huge_file

pytestmark = pytest.mark.slow

MINI = {  # the second knowledge base
    "考勤.txt": "考勤管理规定\n第一条 员工迟到三次记旷工半天。\n第二条 员工请假应当提前一天书面申请。\n",
    "报销.txt": "费用报销办法\n第一条 报销单据应当在费用发生后三十日内提交。\n",
}


@pytest.fixture(scope="module")
def app(seed_home, tmp_path_factory):
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    root = tmp_path_factory.mktemp("app_api")
    home = root / "home"
    shutil.copytree(seed_home, home)
    (root / "mini").mkdir()
    for name, text in MINI.items():
        (root / "mini" / name).write_text(text, encoding="utf-8")
    KnowledgeBase(Settings(home=home, kb="mini")).ingest([root / "mini"])
    with app_server(home, 180) as a:
        yield a


@pytest.fixture
def client(app):
    from gradio_client import Client

    return Client(app.url, verbose=False)


def _content(state: dict) -> tuple:
    """What an index holds and answers, whatever its generation's file names."""
    return state["vectors"], state["answers"]


def _write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> str:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(text.encode(encoding))
    return str(folder / name)


def _upload(client, *paths: str, kb: str = "default"):
    from gradio_client import handle_file

    return client.predict([handle_file(p) for p in paths], kb, api_name="/upload")


def test_ask_and_checklist_endpoints(client):
    d = client.predict("电商规章制度第七条说了什么？", api_name="/ask")
    assert set(d) >= {"question", "status", "answer", "citations", "retrieved"}
    assert d["status"] == "answered" and d["citations"][0]["label"] == "《电商规章制度》第七条"
    assert "保障消费者的维修、退换货权益" in d["citations"][0]["text"] and "[1]" in d["answer"]
    table, files = client.predict("售后服务", "", api_name="/checklist")
    assert "是否" in table and sorted(Path(f).suffix for f in files) == [".csv", ".docx", ".json", ".md", ".xlsx"]
    items = json.loads(Path(next(f for f in files if f.endswith(".json"))).read_text(encoding="utf-8"))["items"]
    assert len(items) > 10 and all(i["citations"] for i in items)
    table, files = client.predict("售后服务", "交易型", api_name="/checklist")
    assert "是否" in table and len(files) == 5
    assert {Path(f).name for f in files} == {f"交易型售后服务自查清单.{x}" for x in ("csv", "docx", "json", "md", "xlsx")}
    # asked for in a sentence: the topic's checklist, in files named after the topic
    table, files = client.predict("给我一份售后服务的合规自查清单", "", api_name="/checklist")
    assert "是否" in table
    assert {Path(f).name for f in files} == {f"售后服务自查清单.{x}" for x in ("csv", "docx", "json", "md", "xlsx")}
    # an answer not found is copied with the clauses it offers; a tree asked for no document says to pick one
    _, _, _, copied = client.predict("跨境电商出口的货，海关申报要怎么做？", [], "default", api_name="/chat")
    assert copied.startswith("资料中未找到") and copied.count("\n可能相关：《") == 3, copied
    assert "请先" in client.predict("", "default", api_name="/tree")
    # a topic the documents do not cover: why, and nothing to download (its files held a title alone)
    table, files = client.predict("航天发射", "", api_name="/checklist")
    assert "tw-nf" in table and not files


def test_a_checklist_asked_for_in_the_chat_is_drafted_with_citations(client):
    """"给我一份售后服务的合规自查清单" typed in the chat gets the checklist, each item with [n] links to the clauses it
    cites (before, a one-sentence answer about 售后服务标准); a question beside it is still answered."""
    chat, evidence, history, copied = client.predict("给我一份售后服务的合规自查清单", [], "default", api_name="/chat")
    table, files = client.predict("售后服务", "", api_name="/checklist")
    items = json.loads(Path(next(f for f in files if f.endswith(".json"))).read_text(encoding="utf-8"))["items"]
    assert "「售后服务」自查清单，共 %d 项" % len(items) in chat and chat.count("<li>") == len(items)
    labels = {c["label"] for i in items for c in i["citations"]}
    assert chat.count('class="tw-cite"') == sum(len(i["citations"]) for i in items)
    assert evidence.count('class="tw-ev"') == len({c["id"] for i in items for c in i["citations"]})
    assert all(escape(label) in evidence for label in labels)
    assert history[-1]["checklist"] and copied.startswith("# 售后服务") and "- [ ]" in copied
    chat, _, history, _ = client.predict("交易型企业的售后服务自查清单", history, "default", api_name="/chat")
    assert "「售后服务」自查清单（交易型企业）" in chat
    chat, evidence, history, _ = client.predict("客户投诉多久内要响应？", history, "default", api_name="/chat")
    assert "24小时" in chat.rsplit("<hr>", 2)[-2] and "checklist" not in history[-1]


def test_the_conversation_kept_in_the_browser_is_bounded(client):
    """30 turns filled the browser's storage (each kept the clauses retrieved, twice the turn's size) and the newest
    were lost on reload: the oldest turns leave after MAX_TURNS, each keeps what a vote records, and the anchors of
    the next turn's citations are not an earlier turn's."""
    from app import MAX_TURNS

    _, _, history, _ = client.predict("客户投诉多久内要响应？", [], "default", api_name="/chat")
    (first,) = history
    assert "retrieved" not in first["answer"] and first["answer"]["citations"] and first["turn"] == 1
    many = [{**first, "turn": t, "rid": f"r{t}"} for t in range(1, MAX_TURNS + 6)]
    chat, evidence, history, _ = client.predict("退货政策是什么？", many, "default", api_name="/chat")
    assert len(history) == MAX_TURNS and history[-1]["turn"] == MAX_TURNS + 6 and history[0]["turn"] == 7
    assert evidence.count(f'id="ev-{MAX_TURNS + 6}-1"') == 1 and f'href="#ev-{MAX_TURNS + 6}-1"' in chat


def test_a_checklist_asked_for_in_the_chat_is_reworded_by_a_model_and_still_cited(seed_home, tmp_path):
    """With a chat model configured, the chat's checklist is the 自查清单 page's: items reworded where the new words
    stay grounded, the notice says how many, every citation kept."""
    import re

    from gradio_client import Client

    from tests.llm_server import ChatServer, prompt_of

    def script(request):  # rewords the items about 投诉 in the clause's own words; the others are kept
        return "\n".join(f"{n}. 是否{text.replace('是否', '', 1)}" for n, text in
                         re.findall(r"^(\d+)\. (.+)$", prompt_of(request), re.M) if "投诉" in text and "是否" in text[2:])

    home = tmp_path / "home"
    shutil.copytree(seed_home, home)
    with ChatServer(script) as srv, app_server(home, 180, {"TIAOWEN_LLM__BASE_URL": srv.url,
                                                          "TIAOWEN_LLM__MODEL": "scripted"}) as a:
        client = Client(a.url, verbose=False)
        chat, evidence, history, _ = client.predict("售后服务自查清单", [], "default", api_name="/chat")
        assert srv.requests and "模型润色了" in chat and 'class="tw-cite"' in chat and 'class="tw-ev"' in evidence
        table, files = client.predict("售后服务", "", api_name="/checklist")
    assert re.search(r"模型润色了 (\d+)/", chat).group(1) == re.search(r"模型润色了 (\d+)/", table).group(1) != "0"


def test_an_uploaded_document_is_cited_then_deleted(app, client, tmp_path):
    before = index_state(app.home)
    doc = _write(tmp_path, "差旅制度.txt", "员工差旅管理办法\n第一条 为规范员工差旅，制定本办法。\n"
                 "第二条 员工出差住宿标准为每晚不超过三百八十元，超出部分自理。\n")
    msg, docs, choices = _upload(client, doc)
    assert "已导入 差旅制度.txt" in msg and "员工差旅管理办法" in docs
    d = client.predict("出差住宿每晚最多报多少钱？", api_name="/ask")
    assert d["status"] == "answered" and d["citations"][0]["label"] == "《员工差旅管理办法》第二条"
    assert "三百八十元" in d["answer"]
    chat, evidence, history, copied = client.predict("出差住宿每晚最多报多少钱？", [], "default", api_name="/chat")
    assert "三百八十元" in chat and 'class="tw-cite"' in chat and "《员工差旅管理办法》第二条" in evidence
    assert history[-1]["answer"]["citations"][0]["document"] == "员工差旅管理办法" and "[1]" in copied
    msg, docs, _ = client.predict("员工差旅管理办法", "default", api_name="/delete")
    assert "已删除 员工差旅管理办法" in msg and "员工差旅管理办法" not in docs
    assert client.predict("出差住宿每晚最多报多少钱？", api_name="/ask")["status"] == "not_found"
    msg, _, _ = client.predict("电商规章制度", "default", api_name="/delete")
    assert "只能删除上传的文档" in msg
    msg, _, _ = client.predict("员工差旅管理办法", "default", api_name="/delete")  # again: it is gone, not "not uploaded"
    assert "知识库中没有《员工差旅管理办法》" in msg
    assert "检索第 1 位" in evidence  # where retrieval ranked the clause, not a fused score
    assert _content(index_state(app.home)) == _content(before)  # the same vectors and answers, one generation on


def test_every_page_uses_the_knowledge_base_chosen(app, client, tmp_path):
    assert client.predict("迟到几次算旷工？", "mini", api_name="/ask")["citations"][0]["label"] == "《考勤管理规定》第一条"
    assert client.predict("迟到几次算旷工？", "default", api_name="/ask")["status"] == "not_found"
    chat, evidence, _, _ = client.predict("报销单据多久内提交？", [], "mini", api_name="/chat")
    assert "三十日内" in chat and "《费用报销办法》第一条" in evidence
    table, _ = client.predict("报销", "", "mini", api_name="/checklist")
    assert "费用报销办法" in table and "电商" not in table
    assert "迟到三次" in client.predict("考勤管理规定", "mini", api_name="/tree")
    msg, docs, _ = _upload(client, _write(tmp_path, "加班.txt", "加班管理办法\n第一条 加班应当提前填写加班申请单。\n"), kb="mini")
    assert "已导入 加班.txt" in msg and "加班管理办法" in docs and "电商规章制度" not in docs
    assert (app.home / "kb" / "mini" / "uploads" / "加班.txt").is_file()
    assert not (app.home / "kb" / "default" / "uploads" / "加班.txt").exists()
    assert client.predict("加班要先做什么？", "mini", api_name="/ask")["citations"][0]["label"] == "《加班管理办法》第一条"
    assert client.predict("加班要先做什么？", "default", api_name="/ask")["status"] == "not_found"
    d = client.predict("迟到几次算旷工？", "../../etc", api_name="/ask")  # a name, never a path
    assert d["status"] == "error" and "知识库名称 '../../etc' 无效" in d["error"]
    msg, _, _ = _upload(client, _write(tmp_path, "x.txt", "某制度\n第一条 某事。\n"), kb="../../etc")
    assert "导入失败" in msg and "无效" in msg
    msg, _, _ = _upload(client, _write(tmp_path, "x.txt", "某制度\n第一条 某事。\n"), kb="nosuch")
    assert "导入失败" in msg and "不存在" in msg and not (app.home / "kb" / "nosuch").exists()
    assert "还没有建立" in client.predict("迟到几次算旷工？", "nosuch", api_name="/ask")["error"]


def test_bad_questions_get_a_message_and_change_nothing(app, client):
    before = index_state(app.home)
    for q, message in REFUSED:
        d = client.predict(q, api_name="/ask")
        assert d["status"] == "error" and message in d["error"] and d["citations"] == []
        chat, _, history, _ = client.predict(q, [], "default", api_name="/chat")
        if message == "问题为空":  # nothing asked: a notice, no turn of the conversation ("问：" and the message)
            assert history == [] and message not in chat
        else:
            assert message in chat and "tw-nf" in chat and len(history[-1]["question"]) <= 200
    for q in ASKED:
        d = client.predict(q, api_name="/ask")
        assert d["status"] in ("answered", "not_found"), q
        chat, _, _, _ = client.predict(q, [], "default", api_name="/chat")
        assert "<script>alert(1)" not in chat and "tw-answer" in chat
    assert index_state(app.home) == before


def test_bad_files_get_a_message_and_change_nothing(app, client, tmp_path):
    before = index_state(app.home)
    for name, message in bad_files(tmp_path / "bad").items():
        msg, docs, _ = _upload(client, str(tmp_path / "bad" / name))
        assert msg.startswith(f"<p class='tw-msg'>未导入 {name}：") and message in msg, msg
        assert str(app.home) not in msg and "/tmp" not in msg  # named as uploaded, no path on the server
    assert index_state(app.home) == before
    # an upload of several files, one of them bad: the bad one is refused with its reason, the others imported
    # (before, the whole upload was refused and the message did not say the good file was not imported)
    good = _write(tmp_path, "办公.txt", "办公用品管理办法\n第一条 领用办公用品应当登记。\n")
    msg, _, _ = _upload(client, good, str(tmp_path / "bad" / "cut.docx"))
    assert "已导入 办公.txt" in msg and "未导入 cut.docx：" in msg and "文件已损坏或不完整" in msg, msg
    assert client.predict("领用办公用品要登记吗？", api_name="/ask")["citations"][0]["label"] == "《办公用品管理办法》第一条"
    client.predict("办公用品管理办法", "default", api_name="/delete")
    # other encodings are read; the same content again is skipped; the same title under another name refused
    gbk = _write(tmp_path / "enc", "考勤.txt", "考勤管理规定\n第一条 员工迟到三次记旷工半天。\n", "gbk")
    utf16 = _write(tmp_path / "enc", "保密.txt", "保密管理制度\n第一条 员工离职后两年内不得泄露客户名单。\n", "utf-16")
    msg, _, _ = _upload(client, gbk, utf16)
    assert "已导入 考勤.txt、保密.txt" in msg, msg
    assert client.predict("离职后多久内不能泄露客户名单？", api_name="/ask")["citations"][0]["label"] == "《保密管理制度》第一条"
    with_state = index_state(app.home)
    msg, _, _ = _upload(client, _write(tmp_path / "again", "考勤副本.txt", "考勤管理规定\n第一条 员工迟到三次记旷工半天。\n", "gbk"))
    assert "与已导入的 考勤.txt 内容相同，未重复导入" in msg
    msg, _, _ = _upload(client, _write(tmp_path / "again", "考勤2.txt", "考勤管理规定\n第一条 员工迟到五次记旷工。\n"))
    # …naming the file that holds the title and the one uploaded, not their paths on the server
    assert "导入失败" in msg and "出现在多个文件中（考勤.txt 与 考勤2.txt）" in msg and str(app.home) not in msg, msg
    assert index_state(app.home) == with_state
    for document in ("考勤管理规定", "保密管理制度"):
        client.predict(document, "default", api_name="/delete")
    assert _content(index_state(app.home)) == _content(before)


def test_upload_limits_names_and_server_paths(app, client, tmp_path):
    from gradio_client import handle_file

    before = index_state(app.home)
    api = app.url + "gradio_api"
    # 50 MB: refused by the server as it arrives (413), and by gradio_client before it sends
    big = huge_file(tmp_path / "汇编.txt")
    t = time.monotonic()
    with open(big, "rb") as f:
        r = httpx.post(f"{api}/upload", files={"files": ("汇编.txt", f, "text/plain")}, timeout=120)
    assert r.status_code == 413 and "maximum allowed size" in r.text and time.monotonic() - t < 60
    with pytest.raises(ValueError, match="exceeds the maximum file size"):
        client.predict([handle_file(str(big))], "default", api_name="/upload")
    # a type the app does not read: refused by the library, in Chinese with the types taken (Gradio's own check said
    # "Invalid file type" in English), and nothing stored
    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ\x90\x00" + bytes(1000))
    msg, _, _ = client.predict([handle_file(str(exe))], "default", api_name="/upload")
    assert "不支持的文件类型“.exe”" in msg and ".docx" in msg, msg
    assert index_state(app.home) == before
    # names with ../ or an absolute path are stored under their last part, inside the knowledge base
    from gradio.utils import get_upload_folder

    for n, name in enumerate(("../../../../tmp/逃逸.txt", "/etc/cron.d/逃逸2.txt")):
        text = f"逃逸测试制度{n}\n第一条 本条用于测试上传文件名{n}。\n"
        r = httpx.post(f"{api}/upload", files={"files": (name, text.encode(), "text/plain")})
        (cached,) = r.json()
        assert Path(cached).name == Path(name).name and Path(cached).is_relative_to(get_upload_folder())
        msg, _, _ = client.predict([{"path": cached, "meta": {"_type": "gradio.FileData"}}], "default", api_name="/upload")
        assert f"已导入 {Path(name).name}" in msg, msg
    uploads = app.home / "kb" / "default" / "uploads"
    assert sorted(p.name for p in uploads.iterdir()) == ["逃逸.txt", "逃逸2.txt"]
    assert not Path("/etc/cron.d/逃逸2.txt").exists() and not (app.home / "kb" / "逃逸.txt").exists()
    for n in range(2):
        client.predict(f"逃逸测试制度{n}", "default", api_name="/delete")
    # a path on the server named in an API call (not uploaded) is not read
    secret = tmp_path / "secret.txt"
    secret.write_text("机密制度\n第一条 这是服务器上的机密文件。\n", encoding="utf-8")
    r = httpx.post(f"{api}/call/upload", json={"data": [[{"path": str(secret), "meta": {"_type": "gradio.FileData"}}], "default"]})
    with httpx.stream("GET", f"{api}/call/upload/{r.json()['event_id']}", timeout=60) as s:
        events = "".join(s.iter_lines())
    assert "event: error" in events and "已导入" not in events
    d = client.predict("服务器上的机密文件", api_name="/ask")
    assert not [h for h in d["retrieved"] if "服务器上的机密文件" in h["text"]]
    assert _content(index_state(app.home)) == _content(before)


def test_document_markup_is_shown_as_text_everywhere(app, client, tmp_path):
    doc = _write(tmp_path, "<img src=x onerror=alert(1)>.txt",
                 "<script>alert('t')</script>网页安全规范\n第一条 页面不得加载<img src=x onerror=alert(2)>未经审核的第三方脚本。\n"
                 "第二条 员工应当每季度检查一次页面脚本<script>alert(3)</script>。\n")
    msg, docs, choices = _upload(client, doc)
    title = "<script>alert('t')</script>网页安全规范"
    d = client.predict("页面能不能加载第三方脚本？", api_name="/ask")
    assert d["citations"][0]["document"] == title  # data, unchanged
    chat, evidence, _, copied = client.predict("页面能不能加载第三方脚本？", [], "default", api_name="/chat")
    tree = client.predict(title, "default", api_name="/tree")
    table, _ = client.predict("页面脚本", "", api_name="/checklist")
    for html in (msg, docs, chat, evidence, tree, table):
        assert "<script" not in html and "<img" not in html, html[:300]
    # the cited article's markup is shown as text (which of the two articles ranks first is not this test's concern:
    # a fresh-clone run once cited 第二条 first)
    assert ("&lt;img src=x onerror=alert(2)&gt;" in evidence or "&lt;script&gt;alert(3)&lt;/script&gt;" in evidence), evidence
    assert "&lt;script&gt;alert(&#x27;t&#x27;)" in docs
    assert "&lt;script&gt;" in tree and "&lt;script&gt;" in table
    msg, _, _ = client.predict(title, "default", api_name="/delete")
    assert "<script" not in msg and "已删除 &lt;script&gt;" in msg


def test_answers_keep_working_while_documents_are_ingested(app, client, tmp_path):
    """Four sessions ask without pause while one uploads a document and `tiaowen ingest` adds another in its
    own process: every answer arrives and is the same; both documents are answered once they are in."""
    from gradio_client import Client

    baseline = [said(client.predict(q, api_name="/ask")) for q in PROBES]
    stop = threading.Event()
    got: list = []
    errors: list = []

    def asker(n: int):
        c = Client(app.url, verbose=False)
        i = n
        while not stop.is_set():
            q = PROBES[i % len(PROBES)]
            try:
                got.append((q, said(c.predict(q, api_name="/ask"))))
            except Exception as exc:
                errors.append(f"{q}: {exc!r}")
            i += 1

    threads = [threading.Thread(target=asker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    try:
        time.sleep(2)
        msg, _, _ = _upload(client, _write(tmp_path, "差旅.txt", "差旅管理办法\n第一条 员工出差住宿每晚不超过三百八十元。\n"
                                                        "第二条 出差结束后五个工作日内报销。\n"))
        assert "已导入 差旅.txt" in msg
        n_upload = len(got)
        folder = tmp_path / "more"
        _write(folder, "印章.txt", "印章管理办法\n第一条 使用公章须经总经理签字批准。\n第二条 印章由行政部专人保管。\n")
        res = cli("ingest", str(folder), home=app.home)  # another process, same knowledge base
        assert res.returncode == 0, res.stderr
        time.sleep(2)
    finally:
        stop.set()
        for t in threads:
            t.join(120)
    assert errors == []
    assert len(got) > n_upload > 8  # questions were answered during both ingests
    expected = dict(zip(PROBES, baseline))
    assert all(a == expected[q] for q, a in got)
    assert client.predict("出差住宿每晚最多多少钱？", api_name="/ask")["citations"][0]["label"] == "《差旅管理办法》第一条"
    # the app sees what the other process committed (its vectors included)
    d = client.predict("用公章要谁批准？", api_name="/ask")
    assert d["citations"][0]["label"] == "《印章管理办法》第一条"
    client.predict("差旅管理办法", "default", api_name="/delete")


def test_twenty_sessions_for_15_seconds_without_errors(app):
    """The load script (bench/load.py) in short: 20 concurrent chat sessions; figures printed, not asserted."""
    res = subprocess.run([sys.executable, "bench/load.py", "--url", app.url, "--sessions", "20", "--seconds", "15",
                          "--json"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    r = json.loads(res.stdout)
    print(r)
    assert res.returncode == 0 and r["errors"] == 0 and r["hung_sessions"] == 0, r
    assert r["answers"] >= 20 and r["p95_ms"] >= r["p50_ms"] > 0
