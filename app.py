"""Gradio app over a knowledge base: chat with an evidence panel, checklists, corpus, evaluation.

The only module that imports gradio. It renders what the library returns; every piece of document
text goes through html.escape (documents may contain HTML or script).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

CORPUS = Path(__file__).parent / "corpus"
UPLOAD_TYPES = [".txt", ".md", ".docx", ".pdf", ".html"]
MAX_UPLOAD = "5mb"
FOLLOW_UP = re.compile(r"^(那|那么|还有|另外|如果|这|它|其)")

CSS = """
.tw-answer p { margin: .3em 0; }
.tw-cite { font-weight: 600; text-decoration: none; }
.tw-ev { border: 1px solid #ddd; border-radius: 6px; padding: .5em .7em; margin: .4em 0; }
.tw-ev:target, .tw-ev.tw-open { border-color: #e8590c; background: #fff4e6; }
.tw-ev mark { background: #ffe066; }
.tw-meta { color: #666; font-size: .85em; }
.tw-nf { color: #c92a2a; font-weight: 600; }
table.tw-table td, table.tw-table th { border: 1px solid #ddd; padding: 4px 6px; vertical-align: top; }
"""
# clicking [n] opens its clause in the evidence panel (anchors also work without this script)
JS = """
() => {
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a.tw-cite');
    if (!a) return;
    e.preventDefault();
    document.querySelectorAll('.tw-ev.tw-open').forEach(x => x.classList.remove('tw-open'));
    const ev = document.getElementById(a.dataset.target);
    if (ev) { ev.classList.add('tw-open'); ev.open = true; ev.scrollIntoView({block: 'nearest'}); }
  });
}
"""


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
        report = kb.ingest([CORPUS, uploads_dir(settings)], rebuild=True,
                           progress=lambda stage, done, total: progress(f"{stage} {done}/{total}"))
        progress(f"索引完成：{report.documents} 篇文档，{report.clauses} 条记录，用时 {report.seconds:.1f}s")


def uploads_dir(settings) -> Path:
    d = settings.kb_dir() / "uploads"
    d.mkdir(parents=True, exist_ok=True)
    return d


# -- rendering (pure functions of library objects) ------------------------------------------------
def _e(text: str) -> str:
    return html.escape(text or "")


def render_answer(ans, turn: int) -> str:
    """The answer with each [n] linked to its clause in the evidence panel."""
    body = _e(ans.answer).replace("\n", "<br>")
    for c in ans.citations:
        body = body.replace(f"[{c.n}]", f'<a class="tw-cite" href="#ev-{turn}-{c.n}" data-target="ev-{turn}-{c.n}">[{c.n}]</a>')
    if ans.status == "not_found":
        body = f'<span class="tw-nf">{body}</span>'
        if ans.retrieved:
            body += "<br><b>可能相关：</b><ul>" + "".join(
                f"<li>{_e(h.clause.label)}：{_e(h.clause.text[:100])}</li>" for h in ans.retrieved[:3]) + "</ul>"
    if ans.mode == "llm":
        body += "<br><span class='tw-meta'>由模型生成，每处引用已核对</span>"
    if ans.notice:
        body += f"<br><span class='tw-meta'>⚠ {_e(ans.notice)}</span>"
    return f'<div class="tw-answer">{body}</div>'


def render_draft(draft) -> str:
    """A chat model's answer while it writes: the statements already verified, then a mark for the rest."""
    body = _e(draft.answer).replace("\n", "<br>")
    if draft.pending:
        body += f" <span class='tw-meta'>…（生成中，{len(draft.pending)} 字待核对）</span>"
    return f'<div class="tw-answer">{body}</div>'


def _highlight(text: str, statement: str) -> str:
    """The clause text escaped, with the sentence the answer quotes marked."""
    esc = _e(text)
    key = statement.strip("。；; ")
    for piece in sorted(re.split(r"[，,。；;]", key), key=len, reverse=True)[:1]:
        if len(piece) >= 4 and _e(piece) in esc:
            return esc.replace(_e(piece), f"<mark>{_e(piece)}</mark>", 1)
    return esc


def render_evidence(ans, turn: int, retriever) -> str:
    if not ans.citations:
        return "<p class='tw-meta'>本轮回答没有引用条款。</p>"
    score = {h.clause.id: h.score for h in ans.retrieved}
    statements = dict(re.findall(r"([^；。\n]+?)\[(\d+)\]", ans.answer))
    stmt_of = {int(n): s for s, n in statements.items()}
    parts = []
    for c in ans.citations:
        clause = retriever.get(c.id)
        path = " › ".join(clause.path)
        sc = f" · 相关度 {score[c.id]:.3f}" if c.id in score else ""
        parts.append(
            f'<details class="tw-ev" id="ev-{turn}-{c.n}" open><summary><b>[{c.n}] {_e(c.label)}</b></summary>'
            f'<div class="tw-meta">{_e(c.document)} · {_e(path)}{_e(sc)} · <code>{_e(c.id)}</code></div>'
            f"<div>{_highlight(clause.text, stmt_of.get(c.n, ''))}</div></details>")
    return "".join(parts)


def render_chat(history: list[dict]) -> str:
    out = []
    for h in history:
        out.append(f"<p><b>问：</b>{_e(h['question'])}</p>{h['html']}<hr>")
    return "".join(out) or "<p class='tw-meta'>请输入问题，例如：客户投诉多久内要响应？</p>"


def copy_text(ans) -> str:
    lines = [ans.answer, ""] + [f"[{c.n}] {c.label}：{c.text}" for c in ans.citations]
    return "\n".join(lines).strip()


def render_checklist(cl) -> str:
    if not cl.items:
        return "<p class='tw-nf'>资料中未找到与该主题相关的义务条款。</p>"
    rows = ["<table class='tw-table'><tr><th>#</th><th>分组</th><th>检查项</th><th>类型</th><th>依据</th></tr>"]
    for n, it in enumerate(cl.items, 1):
        cites = "<br>".join(f"<span title='{_e(c.text)}'>{_e(c.label)}</span>" for c in it.citations)
        rows.append(f"<tr><td>{n}</td><td>{_e(it.group)}</td><td>{_e(it.text)}</td>"
                    f"<td>{'禁止' if it.kind == 'prohibition' else '应做'}</td><td>{cites}</td></tr>")
    rows.append("</table>")
    return "".join(rows)


def render_docs(retriever) -> str:
    counts: dict[str, list] = {}
    for c in retriever.clauses:
        e = counts.setdefault(c.document, [Path(c.source).name, 0])
        e[1] += c.role == "clause"
    rows = ["<table class='tw-table'><tr><th>文档</th><th>来源文件</th><th>可引用条款</th></tr>"]
    for title, (src, n) in sorted(counts.items()):
        rows.append(f"<tr><td>{_e(title)}</td><td>{_e(src)}</td><td>{n}</td></tr>")
    rows.append("</table>")
    return "".join(rows)


def render_tree(retriever, document: str) -> str:
    """A document's clauses as a tree, by their numbering paths."""
    out = []
    for c in retriever.clauses:
        if c.document != document or c.role not in ("clause", "heading"):
            continue
        depth = len(c.path) - 1
        out.append(f"<div style='margin-left:{depth * 1.2}em'><b>{_e(c.label.split('》', 1)[-1])}</b> {_e(c.text[:160])}</div>")
    return "".join(out) or "<p class='tw-meta'>没有条款。</p>"


# -- the app ------------------------------------------------------------------------------------------
class State:
    """The loaded retriever, swapped after an upload or a deletion re-ingests the knowledge base."""

    def __init__(self, settings):
        from assistant.retrieve import Retriever

        self.settings = settings
        self.lock = threading.Lock()
        self.retriever = Retriever(settings)
        self.feedback = settings.kb_dir() / "feedback.jsonl"

    def reload(self):
        from assistant.retrieve import Retriever

        self.retriever = Retriever(self.settings)

    def reingest(self, progress=None):
        from ingest.index import KnowledgeBase

        with self.lock:
            report = KnowledgeBase(self.settings).ingest([CORPUS, uploads_dir(self.settings)], progress=progress)
            self.reload()
        return report


def build(settings=None):
    import gradio as gr

    from assistant.answer import answer
    from assistant.checklist import SCOPES, checklist
    from assistant.export import FORMATS, export
    from assistant.generate import Draft, polish_checklist, respond, stream_answer
    from tiaowen.errors import TiaowenError
    from tiaowen.settings import Settings

    settings = settings or Settings()
    ensure_index(settings)
    st = State(settings)
    downloads = Path(tempfile.mkdtemp(prefix="tiaowen-dl-"))

    def generated(q, q_full, history, last):
        """A chat model's answer (TIAOWEN_LLM__BASE_URL set): verified statements stream in as it writes."""
        shown, at = None, 0.0
        for ev in stream_answer(st.retriever, q_full):
            if not isinstance(ev, Draft):
                return ev
            if ev.answer != shown or time.monotonic() - at > 0.2:
                shown, at = ev.answer, time.monotonic()
                yield render_chat(history + [{"question": q, "html": render_draft(ev)}]), "", history, last, ""

    def ask(question, history, last):
        history = list(history or [])
        q = (question or "").strip()
        if last and FOLLOW_UP.match(q) and len(q) <= 20:  # "那退货呢？": asked about the last topic
            q_full = f"{last} {q}"
        else:
            q_full = q
        try:
            ans = (yield from generated(q, q_full, history, last)) if settings.llm.enabled else answer(st.retriever, q_full)
        except TiaowenError as exc:
            history.append({"question": q, "html": f"<p class='tw-nf'>{_e(str(exc))}</p>"})
            yield render_chat(history), "", history, last, ""
            return
        turn = len(history) + 1
        full = render_answer(ans, turn)
        evidence = render_evidence(ans, turn, st.retriever)
        # stream: the answer appears statement by statement
        pieces = re.split(r"(?<=\])(?=[；。\n])", full)
        shown = ""
        for p in pieces[:-1]:
            shown += p
            yield render_chat(history + [{"question": q, "html": shown + "…</div>"}]), evidence, history, last, ""
        history.append({"question": q, "html": full, "evidence": evidence, "answer": ans.to_dict()})
        yield render_chat(history), evidence, history, q_full if ans.status == "answered" else last, copy_text(ans)

    def feedback(history, vote):
        if not history or "answer" not in history[-1]:
            return "没有可评价的回答"
        rec = {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), "vote": vote, **history[-1]["answer"]}
        with open(st.feedback, "a", encoding="utf-8") as f:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return "已记录 👍" if vote == "up" else "已记录 👎"

    def make_checklist(topic, scope):
        try:
            cl = checklist(st.retriever, topic, scope or None)
            if settings.llm.enabled:  # items reworded by the model where they stay grounded
                cl = polish_checklist(st.retriever, cl)
        except TiaowenError as exc:
            return f"<p class='tw-nf'>{_e(str(exc))}</p>", None
        stem = re.sub(r"[^\w\u4e00-\u9fff]", "_", topic)[:30] or "checklist"
        files = []
        for fmt in FORMATS:
            p = downloads / f"{stem}自查清单.{fmt}"
            p.write_bytes(export(cl, fmt))
            files.append(str(p))
        return (f"<p class='tw-meta'>{_e(cl.notice)}</p>" if cl.notice else "") + render_checklist(cl), files

    def upload(files, progress=gr.Progress()):
        if not files:
            return "请选择文件", render_docs(st.retriever), gr.update()
        dest = uploads_dir(settings)
        names = []
        for f in files:
            src = Path(f if isinstance(f, str) else f.name)
            if src.suffix.lower() not in UPLOAD_TYPES:
                return f"不支持的文件类型 {src.suffix}：请上传 {' '.join(UPLOAD_TYPES)}", render_docs(st.retriever), gr.update()
            shutil.copy(src, dest / src.name)
            names.append(src.name)
        try:
            r = st.reingest(lambda stage, done, total: progress(done / max(total, 1), desc=f"{stage} {done}/{total}"))
        except Exception as exc:  # a file the loaders refuse: take it out again, keep the index as it was
            for n in names:
                (dest / n).unlink(missing_ok=True)
            return f"导入失败：{_e(str(exc))}", render_docs(st.retriever), gr.update()
        return (f"已导入 {', '.join(names)}：{r.documents} 篇文档，新向量化 {r.embedded} 条",
                render_docs(st.retriever), gr.update(choices=sorted({c.document for c in st.retriever.clauses})))

    def delete(document):
        src = {c.document: c.source for c in st.retriever.clauses}.get(document)
        if not src or Path(src).resolve().parent != uploads_dir(settings).resolve():
            return "只能删除上传的文档（内置语料不可删除）", render_docs(st.retriever), gr.update()
        Path(src).unlink(missing_ok=True)
        st.reingest()
        return (f"已删除 {document}", render_docs(st.retriever),
                gr.update(choices=sorted({c.document for c in st.retriever.clauses}), value=None))

    def run_eval(sets, configs, progress=gr.Progress(track_tqdm=True)):
        from eval.report import write_report
        from eval.runner import run_eval as run
        from eval.sets import builtin
        from eval.systems import config

        try:
            qa = [builtin(s) for s in sets or ["seed"]]
            from tqdm import tqdm

            result = run(qa, [config(c) for c in configs or ["ours"]], settings,
                         bar=lambda total, desc: tqdm(total=total, desc=desc))  # shown by gr.Progress
        except TiaowenError as exc:
            return f"<p class='tw-nf'>{_e(str(exc))}</p>", None
        out = Path(tempfile.mkdtemp(prefix="tiaowen-eval-"))
        report = write_report(result, out)
        rows = ["<table class='tw-table'><tr><th>set</th><th>config</th><th>hit@1</th><th>MRR</th>"
                "<th>recall@5</th><th>citation F1</th><th>not_found recall</th></tr>"]
        for sr in result.sets:
            for name, m in sr.summary.items():
                rows.append(f"<tr><td>{_e(sr.qa.name)}</td><td>{_e(name)}</td><td>{m['hit@1']:.3f}</td>"
                            f"<td>{m['mrr']:.3f}</td><td>{m['recall@5']:.3f}</td><td>{m['cite_f1']:.3f}</td>"
                            f"<td>{m['nf_recall']:.2f}</td></tr>")
        rows.append("</table>")
        fails = report.read_text(encoding="utf-8").split("### Questions", 1)
        detail = f"<details><summary>答错的问题</summary><pre>{_e('### Questions' + fails[1][:20000])}</pre></details>" if len(fails) > 1 else ""
        return "".join(rows) + detail, str(out / "chart.png")

    with gr.Blocks(title="条文 Tiaowen") as demo:
        gr.Markdown("## 条文 Tiaowen — 电商法规与制度问答（每句均有条款出处）")
        with gr.Tab("问答"):
            # kept in the browser: the conversation and its citations survive a page refresh
            history = gr.BrowserState([], storage_key="tiaowen-history")
            last = gr.State("")
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.HTML(render_chat([]), elem_id="tw-chat")
                    q = gr.Textbox(label="问题", placeholder="例如：客户投诉多久内要响应？", elem_id="tw-q")
                    with gr.Row():
                        ask_btn = gr.Button("提问", variant="primary", elem_id="tw-ask")
                        up = gr.Button("👍 有用", elem_id="tw-up")
                        down = gr.Button("👎 没用", elem_id="tw-down")
                    fb = gr.Markdown()
                    copy = gr.Textbox(label="复制回答（含引用）", lines=3, buttons=["copy"], elem_id="tw-copy")
                with gr.Column(scale=2):
                    gr.Markdown("### 引用条款")
                    evidence = gr.HTML(elem_id="tw-evidence")
            outs = [chat, evidence, history, last, copy]
            q.submit(ask, [q, history, last], outs, api_name="ask_stream").then(lambda: "", None, q)
            ask_btn.click(ask, [q, history, last], outs, api_name="chat").then(lambda: "", None, q)
            demo.load(lambda h: (render_chat(h or []), (h or [{}])[-1].get("evidence", "") if h else ""),
                      history, [chat, evidence])
            up.click(lambda h: feedback(h, "up"), history, fb)
            down.click(lambda h: feedback(h, "down"), history, fb)
        with gr.Tab("自查清单"):
            with gr.Row():
                topic = gr.Textbox(label="主题", placeholder="例如：售后服务", elem_id="tw-topic")
                scope = gr.Dropdown(["", *SCOPES], value="", label="企业类型（DB33/T 932—2014）")
            cl_btn = gr.Button("生成清单", variant="primary", elem_id="tw-cl")
            cl_files = gr.File(label="下载", file_count="multiple", elem_id="tw-cl-files")
            cl_html = gr.HTML(elem_id="tw-cl-table")
            cl_btn.click(make_checklist, [topic, scope], [cl_html, cl_files], api_name="checklist")
        with gr.Tab("知识库"):
            kbs = sorted(p.name for p in (settings.home / "kb").iterdir() if (p / "manifest.json").is_file())
            gr.Markdown(f"当前知识库：**{_e(settings.kb)}**（共 {len(kbs)} 个：{_e('、'.join(kbs))}；"
                        "用 `TIAOWEN_KB=名称` 启动以切换）")
            docs_html = gr.HTML(render_docs(st.retriever), elem_id="tw-docs")
            files = gr.File(label="上传文档（.txt .md .docx .pdf .html，单个不超过 5 MB）", file_count="multiple",
                            file_types=UPLOAD_TYPES, elem_id="tw-upload")
            up_btn = gr.Button("导入", elem_id="tw-import")
            up_msg = gr.Markdown(elem_id="tw-upload-msg")
            doc_pick = gr.Dropdown(sorted({c.document for c in st.retriever.clauses}), label="文档", elem_id="tw-doc")
            with gr.Row():
                tree_btn = gr.Button("查看条款树")
                del_btn = gr.Button("删除该文档（仅限上传的文档）", variant="stop")
            tree = gr.HTML()
            up_btn.click(upload, files, [up_msg, docs_html, doc_pick], api_name="upload")
            tree_btn.click(lambda d: render_tree(st.retriever, d), doc_pick, tree)
            del_btn.click(delete, doc_pick, [up_msg, docs_html, doc_pick])
        with gr.Tab("评测"):
            sets = gr.CheckboxGroup(["seed", "laws", "stard-sample"], value=["seed"], label="问答集")
            configs = gr.CheckboxGroup(["ours", "ours-m3e", "bm25", "dense", "naive-langchain", "chatchat"]
                                       + (["llm"] if settings.llm.enabled else []),
                                       value=["ours", "chatchat"], label="配置")
            ev_btn = gr.Button("运行评测", elem_id="tw-ev-run")
            ev_html = gr.HTML(elem_id="tw-ev-table")
            ev_chart = gr.Image(label="对比图", type="filepath", elem_id="tw-ev-chart")
            ev_btn.click(run_eval, [sets, configs], [ev_html, ev_chart])
        # a plain API for scripts and tests: the answer as the `ask --json` shape
        api_q = gr.Textbox(visible=False)
        api_out = gr.JSON(visible=False)
        api_q.submit(lambda x: respond(st.retriever, x).to_dict(), api_q, api_out, api_name="ask")
    return demo


def main():
    host = os.environ.get("TIAOWEN_HOST", "127.0.0.1")
    port = int(os.environ.get("TIAOWEN_PORT", "7860"))
    auth = os.environ.get("TIAOWEN_AUTH")  # "user:password"
    build().launch(server_name=host, server_port=port, auth=tuple(auth.split(":", 1)) if auth else None,
                   max_file_size=MAX_UPLOAD, css=CSS, js=JS)


if __name__ == "__main__":
    main()
