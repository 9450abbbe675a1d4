"""Every test gets its own TIAOWEN_HOME, so no test touches a real index."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
LAWS = ROOT.parent / "shared" / "laws"

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    monkeypatch.setenv("TIAOWEN_HOME", str(tmp_path / "home"))
    yield


@pytest.fixture(scope="session")
def seed_home(tmp_path_factory):
    """A real knowledge base of the bundled corpus, built once with the bundled model."""
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    home = tmp_path_factory.mktemp("seed_home")
    s = Settings(home=home)
    KnowledgeBase(s).ingest([CORPUS])
    return home


@pytest.fixture
def seed_settings(seed_home, monkeypatch):
    from tiaowen.settings import Settings

    monkeypatch.setenv("TIAOWEN_HOME", str(seed_home))
    return Settings(home=seed_home)


@pytest.fixture
def copy_of_seed(seed_home, tmp_path, monkeypatch):
    """A private copy of the seed knowledge base that a test may change."""
    from tiaowen.settings import Settings

    home = tmp_path / "copy"
    shutil.copytree(seed_home, home)
    monkeypatch.setenv("TIAOWEN_HOME", str(home))
    return Settings(home=home)


def laws_or_skip() -> Path:
    if not LAWS.is_dir():
        pytest.skip("../shared/laws not found: the law corpus is only present in CI and on dev machines")
    return LAWS


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def app_server(home: Path, timeout: float, env: dict | None = None):
    """app.py on a free localhost port with TIAOWEN_HOME=home (and ``env``), until the block ends; the
    server's output is in ``.output`` afterwards."""
    port = free_port()
    env = {**os.environ, "TIAOWEN_HOME": str(home), "TIAOWEN_PORT": str(port), **(env or {})}
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    app = SimpleNamespace(url=f"http://127.0.0.1:{port}/", port=port, home=home, output="", proc=proc)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert proc.poll() is None, proc.stdout.read()
            time.sleep(0.5)
        else:
            pytest.fail(f"the app did not start listening within {timeout:.0f} s")
        yield app
    finally:
        proc.terminate()
        app.output, _ = proc.communicate(timeout=30)


# questions whose answers show that a knowledge base of the bundled corpus is intact
PROBES = ("客户投诉多久内要响应？", "电商规章制度第七条说了什么", "平台对入驻商家要审核哪些证件？")


def index_state(home: Path, kb: str = "default", probes=PROBES) -> dict:
    """What a knowledge base holds and answers: the files of its committed generation and its uploads, the
    vector ids stored (read afresh from disk), and its answers to ``probes``. Equal before and after means
    nothing was lost or half-written."""
    import hashlib
    import json

    from assistant.answer import answer
    from assistant.retrieve import Retriever
    from ingest.index import _chroma_client
    from tiaowen.settings import Settings

    s = Settings(home=home, kb=kb)
    d = s.kb_dir()
    m = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
    live = [d / "manifest.json", d / m["clauses_file"], *sorted((d / m["bm25_dir"]).iterdir()),
            *sorted((d / "uploads").glob("*"))]
    files = {str(p.relative_to(d)): hashlib.sha256(p.read_bytes()).hexdigest() for p in live}
    r = Retriever(s)
    col = _chroma_client(d / "chroma", fresh=True).get_collection(r.collection.name)
    return {"files": files, "vectors": sorted(col.get(include=[])["ids"]),
            "answers": [answer(r, q).to_dict() for q in probes]}


def said(answer: dict) -> tuple:
    """What an answer says and cites (the scores of the other clauses retrieved move as documents are added)."""
    return answer["status"], answer["answer"], answer["citations"]


def cli(*args: str, home: Path, timeout: float = 300, env: dict | None = None) -> subprocess.CompletedProcess:
    """`tiaowen ARGS` as a user runs it: its own process, the worktree's code, TIAOWEN_HOME=home."""
    e = {**os.environ, "TIAOWEN_HOME": str(home), "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "tiaowen.cli", *args], cwd=ROOT, env=e,
                          capture_output=True, text=True, timeout=timeout)
