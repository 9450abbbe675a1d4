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
def app_server(home: Path, timeout: float):
    """app.py on a free localhost port with TIAOWEN_HOME=home, until the block ends; the server's
    output is in ``.output`` afterwards."""
    port = free_port()
    env = {**os.environ, "TIAOWEN_HOME": str(home), "TIAOWEN_PORT": str(port)}
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    app = SimpleNamespace(url=f"http://127.0.0.1:{port}/", output="")
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
