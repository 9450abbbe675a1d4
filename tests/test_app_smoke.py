"""The README's first command: app.py builds the index of the bundled corpus and answers on localhost."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_app_builds_the_index_on_first_start_and_answers_with_citations(tmp_path):
    port = _free_port()
    env = {**os.environ, "TIAOWEN_HOME": str(tmp_path / "home"), "TIAOWEN_PORT": str(port)}
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert proc.poll() is None, proc.stdout.read()
            time.sleep(0.5)
        else:
            pytest.fail("the app did not start listening within 180 s")
        from gradio_client import Client

        html = Client(f"http://127.0.0.1:{port}/", verbose=False).predict("电商规章制度第七条说了什么？", api_name="/ask")
        assert "《电商规章制度》第七条" in html and 'href="#cite-1"' in html
        assert "保障消费者的维修、退换货权益" in html
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    assert "首次启动" in out  # the index was built, with visible progress


def test_app_escapes_document_text():
    from app import render
    from assistant.answer import Answer, Citation

    ans = Answer("q", "answered", "<b>x</b>[1]", (Citation(1, "d/a1", "D", "《D》第一条", "<script>alert(1)</script>"),))
    html = render(ans)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html
