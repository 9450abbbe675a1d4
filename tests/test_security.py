"""Security settings of the app: it listens on 127.0.0.1 unless told otherwise, asks every page and API
call for TIAOWEN_AUTH's user and password when that is set, refuses uploads over TIAOWEN_UPLOAD_MAX_MB,
and a bad setting stops it with a message. (Types, names and markup: test_app_api.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, app_server

pytestmark = pytest.mark.slow
USER, PASSWORD = "admin", "s3cret:with-colon"


@pytest.fixture(scope="module")
def secured(seed_home, tmp_path_factory):
    home = tmp_path_factory.mktemp("secured") / "home"
    shutil.copytree(seed_home, home)
    with app_server(home, 180, env={"TIAOWEN_AUTH": f"{USER}:{PASSWORD}", "TIAOWEN_UPLOAD_MAX_MB": "1"}) as a:
        yield a


def listening(port: int) -> list[str]:
    """The local addresses (kernel hex) of the sockets listening on ``port``, IPv4 and IPv6."""
    out = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            addr, p = fields[1].rsplit(":", 1)
            if fields[3] == "0A" and int(p, 16) == port:  # 0A: LISTEN
                out.append(addr)
    return out


def test_the_app_listens_on_localhost_only(secured):
    assert listening(secured.port) == ["0100007F"]  # 127.0.0.1, and nothing on 0.0.0.0 or IPv6


def test_every_page_and_call_needs_the_user_and_password(secured):
    from gradio_client import Client

    assert httpx.get(secured.url + "config").status_code == 401
    r = httpx.post(secured.url + "gradio_api/call/ask", json={"data": ["电商规章制度第七条说了什么？", "default"]})
    assert r.status_code == 401
    from gradio_client.exceptions import AuthenticationError

    with pytest.raises(AuthenticationError, match="credentials were not provided"):
        Client(secured.url, verbose=False)
    with pytest.raises(ValueError, match="Could not login"):
        Client(secured.url, auth=(USER, "wrong"), verbose=False)
    c = Client(secured.url, auth=(USER, PASSWORD), verbose=False)
    d = c.predict("电商规章制度第七条说了什么？", api_name="/ask")
    assert d["status"] == "answered" and d["citations"][0]["label"] == "《电商规章制度》第七条"


def test_uploads_over_the_configured_size_are_refused(secured):
    with httpx.Client(base_url=secured.url) as h:
        assert h.post("login", data={"username": USER, "password": PASSWORD}).status_code in (200, 302, 303)
        small = "小文件制度\n第一条 本文件不到一兆字节。\n".encode() * 1000
        r = h.post("gradio_api/upload", files={"files": ("small.txt", small, "text/plain")})
        assert r.status_code == 200, r.text
        r = h.post("gradio_api/upload", files={"files": ("big.txt", b"a" * (2 * 2**20), "text/plain")})
        assert r.status_code == 413 and str(2**20) in r.text


@pytest.mark.parametrize("env, message", [
    ({"TIAOWEN_AUTH": "onlyuser"}, "TIAOWEN_AUTH"),
    ({"TIAOWEN_PORT": "99999"}, "TIAOWEN_PORT"),
    ({"TIAOWEN_UPLOAD_MAX_MB": "lots"}, "TIAOWEN_UPLOAD_MAX_MB"),
    ({"TIAOWEN_KB": "../../etc"}, "知识库名称"),
])
def test_a_bad_setting_stops_the_app_with_a_message(tmp_path, env, message):
    res = subprocess.run([sys.executable, "app.py"], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "TIAOWEN_HOME": str(tmp_path / "home"), **env})
    assert res.returncode == 1 and message in res.stderr, res.stderr
    assert "Traceback" not in res.stderr and "onlyuser" not in res.stderr  # a password is never echoed
    assert not (tmp_path / "home").exists()  # stopped before building anything
