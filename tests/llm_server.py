"""A small OpenAI-compatible chat server on localhost that replies from a script, plain or streamed (SSE).

Tests drive it through the real LangChain client (ChatOpenAI). A script is a function of the
request body (model, messages, stream …) returning a ``Reply``: the text to send, or a delay, a
stall in the middle of a stream, a raw (malformed) body, an HTTP status.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


@dataclass
class Reply:
    text: str = ""
    delay: float = 0.0  # seconds before anything is sent
    stall: float = 0.0  # streamed: seconds of silence after the first chunk
    body: str | None = None  # sent as is instead of a completion (or as the stream's second event)
    status: int = 200
    chunk: int = 4  # characters per streamed chunk


Script = Callable[[dict], "Reply | str"]


def prompt_of(request: dict) -> str:
    """The user message the model was sent."""
    return next(m["content"] for m in reversed(request["messages"]) if m["role"] in ("user", "human"))


def clauses_in(request: dict) -> list[tuple[str, str]]:
    """(id, text) of every clause shown in the prompt's data block."""
    return [(cid, text) for cid, text in re.findall(r'<clause id="([^"]+)"[^>]*>\n(.*?)\n</clause>', prompt_of(request), re.S)]


class ChatServer:
    """``with ChatServer(script) as srv:`` — srv.url is the /v1 base URL; srv.requests holds every request body."""

    def __init__(self, script: Script, port: int = 0):
        self.script = script
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self.send_error(404)
                    return
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                server.requests.append(body)
                try:
                    reply = server.script(body)
                except Exception as exc:  # a broken script shows as an HTTP 500 with its error
                    reply = Reply(status=500, body=json.dumps({"error": {"message": repr(exc)}}))
                reply = Reply(reply) if isinstance(reply, str) else reply
                try:
                    time.sleep(reply.delay)
                    if body.get("stream"):
                        self._stream(body, reply)
                    else:
                        self._plain(body, reply)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                    pass

            def _send(self, status: int, ctype: str, data: bytes | None = None):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                if data is not None:
                    self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if data is not None:
                    self.wfile.write(data)

            def _plain(self, body: dict, reply: Reply):
                if reply.body is not None or reply.status != 200:
                    data = (reply.body if reply.body is not None else json.dumps({"error": {"message": "scripted"}}))
                    self._send(reply.status, "application/json", data.encode())
                    return
                out = {"id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()),
                       "model": body.get("model", ""),
                       "choices": [{"index": 0, "finish_reason": "stop",
                                    "message": {"role": "assistant", "content": reply.text}}],
                       "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
                self._send(200, "application/json", json.dumps(out, ensure_ascii=False).encode())

            def _stream(self, body: dict, reply: Reply):
                if reply.status != 200:
                    self._send(reply.status, "application/json", json.dumps({"error": {"message": "scripted"}}).encode())
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()

                def event(delta: dict, finish: str | None = None):
                    chunk = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": int(time.time()),
                             "model": body.get("model", ""),
                             "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
                    self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
                    self.wfile.flush()

                event({"role": "assistant", "content": ""})
                pieces = [reply.text[i:i + reply.chunk] for i in range(0, len(reply.text), reply.chunk)]
                for n, piece in enumerate(pieces):
                    event({"content": piece})
                    if n == 0 and reply.stall:
                        time.sleep(reply.stall)
                    if n == 0 and reply.body is not None:
                        self.wfile.write(f"data: {reply.body}\n\n".encode())
                        self.wfile.flush()
                event({}, "stop")
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "ChatServer":
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def careless(request: dict) -> str:
    """A careless model, for measuring the check: per question it writes the first shown clause's first
    sentence after a lead ("根据规定，"), the second clause's first sentence citing the wrong (last
    shown) clause, and a claim no clause makes, cited with an invented id."""
    shown = clauses_in(request)
    first = [re.split(r"[。；\n]", text.replace("＜", "<").replace("＞", ">"))[0] for _, text in shown]
    out = [f"根据规定，{first[0]}[{shown[0][0]}]。"]
    if len(shown) > 1:
        out.append(f"{first[1]}[{shown[-1][0]}]。")
    out.append(f"违反者一律罚款五百元[{shown[0][0]}][deadbeef/a1]。")
    return "".join(out)


if __name__ == "__main__":  # python -m tests.llm_server --port 8765: the careless model, for `tiaowen eval --config llm`
    import argparse

    ap = argparse.ArgumentParser(description=careless.__doc__)
    ap.add_argument("--port", type=int, default=8765)
    srv = ChatServer(careless, ap.parse_args().port)
    print(f"TIAOWEN_LLM__BASE_URL={srv.url} TIAOWEN_LLM__MODEL=careless", flush=True)
    srv.httpd.serve_forever()
