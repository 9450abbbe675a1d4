"""Gradio chat over the bundled corpus: the only module that imports gradio."""

from __future__ import annotations

import html
import os
from pathlib import Path

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

CORPUS = Path(__file__).parent / "corpus"


def ensure_index(settings, progress=print):
    """Build the default knowledge base from the bundled corpus on first start."""
    from ingest.index import KnowledgeBase

    kb = KnowledgeBase(settings)
    m = kb.manifest()
    stale = m is None
    if m is not None:
        try:
            kb.check_stamp(m)
        except Exception:
            stale = True
    if stale:
        progress("首次启动：正在为内置语料建立索引 / building the index of the bundled corpus …")
        report = kb.ingest([CORPUS], rebuild=True)
        progress(f"索引完成：{report.documents} 篇文档，{report.clauses} 条记录，用时 {report.seconds:.1f}s")


def render(ans) -> str:
    """Answer as HTML: escaped text, markers linked to their clauses shown below."""
    body = html.escape(ans.answer).replace("\n", "<br>")
    for c in ans.citations:
        body = body.replace(f"[{c.n}]", f'<a href="#cite-{c.n}">[{c.n}]</a>')
    parts = [f"<div>{body}</div>"]
    if ans.citations:
        parts.append("<hr>")
        for c in ans.citations:
            parts.append(f'<details id="cite-{c.n}" open><summary>[{c.n}] {html.escape(c.label)}</summary>'
                         f"<p>{html.escape(c.text)}</p></details>")
    elif ans.retrieved:
        parts.append("<hr><b>可能相关</b><ul>")
        for h in ans.retrieved[:3]:
            parts.append(f"<li>{html.escape(h.clause.label)}：{html.escape(h.clause.text[:120])}</li>")
        parts.append("</ul>")
    return "\n".join(parts)


def build(settings=None):
    import gradio as gr

    from assistant.answer import answer
    from assistant.retrieve import Retriever
    from tiaowen.errors import TiaowenError
    from tiaowen.settings import Settings

    settings = settings or Settings()
    ensure_index(settings)
    retriever = Retriever(settings)

    def ask(question: str) -> str:
        try:
            return render(answer(retriever, question))
        except TiaowenError as exc:
            return f"<p>{html.escape(str(exc))}</p>"

    with gr.Blocks(title="条文 Tiaowen") as demo:
        gr.Markdown("## 条文 Tiaowen — 电商法规与制度问答（每句均有条款出处）")
        q = gr.Textbox(label="问题", placeholder="例如：客户投诉多久内要响应？")
        out = gr.HTML()
        q.submit(ask, q, out, api_name="ask")
        gr.Button("提问").click(ask, q, out)
    return demo


if __name__ == "__main__":
    host = os.environ.get("TIAOWEN_HOST", "127.0.0.1")
    port = int(os.environ.get("TIAOWEN_PORT", "7860"))
    auth = os.environ.get("TIAOWEN_AUTH")  # "user:password"
    build().launch(server_name=host, server_port=port, auth=tuple(auth.split(":", 1)) if auth else None)
