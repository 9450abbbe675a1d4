"""Gradio app over a knowledge base: chat with an evidence panel, checklists, corpus, evaluation.

The only module that imports gradio. It renders what the library returns; every piece of document
text goes through html.escape (documents may contain HTML or script).
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
import threading
import time
import uuid
from pathlib import Path

from ingest.clean import norm
from ingest.loaders import SUPPORTED_EXTENSIONS

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

CORPUS = Path(__file__).parent / "corpus"
UPLOAD_TYPES = list(SUPPORTED_EXTENSIONS)

CSS = """
.tw-answer p { margin: .3em 0; }
.tw-answer ul.tw-check { list-style: none; padding-left: 1em; margin: .2em 0; }
.tw-cite { font-weight: 600; text-decoration: none; }
.tw-ev { border: 1px solid #ddd; border-radius: 6px; padding: .5em .7em; margin: .4em 0; }
.tw-ev:target, .tw-ev.tw-open { border-color: #e8590c; background: #fff4e6; }
.tw-ev mark { background: #ffe066; }
.tw-meta { color: #666; font-size: .85em; }
.tw-nf { color: #c92a2a; font-weight: 600; }
table.tw-table td, table.tw-table th { border: 1px solid #ddd; padding: 4px 6px; vertical-align: top; }
#tw-chat { max-height: 68vh; overflow-y: auto !important; }  /* 13 answers made the page 4,860 px tall */
/* a long checklist's [34] opened its clause 3,000 px down the page, the chat out of sight */
#tw-evidence { max-height: 80vh; overflow-y: auto !important; }
.tw-vote a { text-decoration: none; opacity: .5; margin-right: .8em; font-size: .85em; }
.tw-vote a.tw-voted, .tw-vote a:hover { opacity: 1; }
.tw-vote a.tw-voted { font-weight: 600; }
.tw-hidden { display: none !important; }
table.tw-cl td:nth-child(4), table.tw-cl th:nth-child(4) { white-space: nowrap; }  /* 应做/禁止 wrapped a character a line */
table.tw-cl td:nth-child(2), table.tw-cl th:nth-child(2) { min-width: 4em; }  /* 分组 wrapped a character a line on a phone */
details.tw-cl-cite summary, details.tw-near summary { cursor: pointer; }
details.tw-cl-cite summary { color: #1a56db; }
/* a table wider than a phone scrolls sideways in its box (the evaluation table's last columns were cut off) */
#tw-ev-table, #tw-cl-table { overflow-x: auto !important; }
/* on a phone the panel is below the chat: a [n] took the reader there with no way back to the answer */
a.tw-back { display: none; font-size: .85em; text-decoration: none; }
@media (max-width: 768px) { a.tw-back { display: inline; } }
"""
# clicking [n] opens its clause in the evidence panel (anchors also work without this script)
JS = """
() => {
  document.addEventListener('click', (e) => {
    const v = e.target.closest('a.tw-vote-btn');  // a vote on one answer of the chat: sent with its id
    if (v) {
      e.preventDefault();
      window.twVote = v.closest('.tw-vote').dataset.rid + ':' + v.dataset.vote;
      document.querySelector('#tw-vote-send').click();
      return;
    }
    const back = e.target.closest('a.tw-back');  // back to the [n] that opened the clause
    if (back) {
      e.preventDefault();
      if (window.twFrom && document.body.contains(window.twFrom)) window.twFrom.scrollIntoView({block: 'center'});
      return;
    }
    const a = e.target.closest('a.tw-cite');
    if (!a) return;
    e.preventDefault();
    window.twFrom = a;
    document.querySelectorAll('.tw-ev.tw-open').forEach(x => x.classList.remove('tw-open'));
    const ev = document.getElementById(a.dataset.target);
    const turn = ev && ev.closest('.tw-turn');  // an earlier answer's clause: show that turn's, hide the others
    if (turn && turn.hidden) document.querySelectorAll('.tw-turn').forEach(t => { t.hidden = t !== turn; });
    if (ev) { ev.classList.add('tw-open'); ev.open = true; ev.scrollIntoView({block: 'nearest'}); }
  });
}
"""


def ensure_index(settings, progress=print):
    """Build the default knowledge base from the bundled corpus on first start."""
    from ingest.index import KnowledgeBase
    from ingest.uploads import uploads_dir

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
        report = kb.ingest([CORPUS, uploads_dir(kb)], rebuild=True,
                           progress=lambda stage, done, total: progress(f"{stage} {done}/{total}"))
        progress(f"索引完成：{report.documents} 篇文档，{report.clauses} 条记录，用时 {report.seconds:.1f}s")


def kb_names(settings) -> list[str]:
    """Knowledge bases with an index, the configured one first; eval-* are the evaluation's own."""
    root = settings.home / "kb"
    built = sorted(p.name for p in root.iterdir() if (p / "manifest.json").is_file()) if root.is_dir() else []
    return [settings.kb] + [n for n in built if n != settings.kb and not n.startswith("eval-")]


# the conversation box shows its newest turn once it is given, from its question: a long checklist's title and first
# groups were above the box, its end shown (run after an answer, not on every change: an observer that kept the box
# scrolled down fought clicks on an earlier answer's citations)
SCROLL_CHAT = """
() => {
  const c = document.querySelector('#tw-chat');
  if (!c) return;
  const asked = c.querySelectorAll('p.tw-q'), last = asked[asked.length - 1];
  c.scrollTop = last ? c.scrollTop + last.getBoundingClientRect().top - c.getBoundingClientRect().top : c.scrollHeight;
}
"""


# -- rendering (pure functions of library objects) ------------------------------------------------
def _e(text: str) -> str:
    return html.escape(text or "")


def place(clause) -> str:
    """Where a clause is: its document and the headings down to it, the document named once (its path starts with
    it: "电子商务售后服务管理制度 · 电子商务售后服务管理制度 › 二、 › 2." named it twice)."""
    path = list(clause.path)
    return " › ".join(path if path and path[0] == clause.document else [clause.document, *path])


def snippet(text: str, limit: int = 100) -> str:
    """The start of a clause's text, cut after a sentence or phrase (it was cut mid-word: "…财务、安全、技")."""
    if len(text) <= limit:
        return text
    cut = max(text.rfind(p, 0, limit) for p in "。；;！？，,、")
    return text[:cut + 1 if cut >= limit // 2 else limit].rstrip("，,、") + "…"


def _without_own_number(clause, after: str = " 　:：、.") -> str:
    """A clause's text without the number it opens with, its own ("第一条 …", "2.1 …") or the one its label ends in
    ("第八条 考核结果…" under 《…》第八条), and the ``after`` characters that follow it: the number is said once."""
    own = clause.number or clause.label.rpartition("》")[2]
    text = clause.text.lstrip()
    return text[len(own):].lstrip(after) if own and norm(text).startswith(norm(own)) else text


def render_answer(ans, turn: int) -> str:
    """The answer with each [n] linked to its clause in the evidence panel."""
    body = _e(ans.answer).replace("\n", "<br>")
    for c in ans.citations:
        body = body.replace(f"[{c.n}]", f'<a class="tw-cite" href="#ev-{turn}-{c.n}" data-target="ev-{turn}-{c.n}">[{c.n}]</a>')
    if ans.status == "not_found":
        body = f'<span class="tw-nf">{body}</span>'
        if ans.retrieved:
            # each opens its whole text where it stands (the list was cut at 100 characters, nothing to click), its
            # number said once ("《…》第八条：第八条 …" said it twice)
            body += "<br><b>可能相关：</b><ul>" + "".join(
                f"<li><details class='tw-near'><summary>{_e(h.clause.label)}：{_e(snippet(_without_own_number(h.clause)))}"
                f"</summary><div class='tw-meta'>{_e(h.clause.text)}</div></details></li>" for h in ans.retrieved[:3]) + "</ul>"
    if ans.mode == "llm":
        body += "<br><span class='tw-meta'>由模型生成，每处引用已核对</span>"
    if ans.notice:
        body += f"<br><span class='tw-meta'>⚠ {_e(ans.notice)}</span>"
    return f'<div class="tw-answer">{body}</div>'


def pending_turn(doing: str) -> str:
    """A turn asked and not yet answered: shown at once, with what is being done."""
    return f"<div class='tw-answer'><span class='tw-meta tw-pending'>…（{_e(doing)}）</span></div>"


def render_draft(draft) -> str:
    """A chat model's answer while it writes: the statements already verified, then a mark for the rest."""
    body = _e(draft.answer).replace("\n", "<br>")
    if draft.pending:
        body += f" <span class='tw-meta tw-pending'>…（生成中，{len(draft.pending)} 字待核对）</span>"
    return f'<div class="tw-answer">{body}</div>'


def _highlight(text: str, statement: str) -> str:
    """The clause text escaped, with each sentence the answer quotes of it marked (its longest phrase where the
    answer shortened it). The last sentence's longest phrase alone was marked: "…24小时内做出响应…。若需求无法及时
    满足，应及时告知用户…" marked 若需求无法及时满足."""
    marked = _e(text)
    said = re.sub(r"【([^】]*)】", r"\1", re.sub(r"^\s*《[^》]*》：", "", statement))  # a run-in heading set off
    for sentence in re.split(r"[。；;！？!?\n]", said):
        sentence = sentence.strip(" ：:，,")
        if len(sentence) < 4:
            continue
        piece = _e(sentence)
        if piece not in marked:
            piece = next((_e(p) for p in sorted(re.split(r"[，,：:]", sentence), key=len, reverse=True)
                          if len(p) >= 4 and _e(p) in marked), None)
        if piece:
            marked = marked.replace(piece, f"<mark>{piece}</mark>", 1)
    return marked


# on a phone, where the panel is below the chat, each clause opened leads back to the [n] that opened it (see JS)
BACK = "<a class='tw-back' href='#tw-chat'>↩ 回到回答</a>"


def render_evidence(ans, turn: int, retriever) -> str:
    if not ans.citations:
        return "<p class='tw-meta'>本轮回答没有引用条款。</p>"
    # where retrieval put the clause (a fused score such as 0.016 tells a reader nothing)
    found = {h.clause.id: "按条款编号查到" if h.lookup else f"检索第 {i} 位" for i, h in enumerate(ans.retrieved, 1)}
    # what the answer says before each marker, from the one before (every sentence of it); "…[1][2]" is one statement
    # for both, and a clause cited twice is marked for both statements
    stmt_of: dict[int, str] = {}
    for line in ans.answer.splitlines():
        line = re.sub(r"^\s*《[^》]*》：", "", line)  # the document the line is of
        prev, said = 0, ""
        for m in re.finditer(r"\[(\d+)\]", line):
            said = line[prev:m.start()] if line[prev:m.start()].strip() else said
            stmt_of[int(m.group(1))] = stmt_of.get(int(m.group(1)), "") + "。" + said
            prev = m.end()
    parts = []
    for c in ans.citations:
        clause = retriever.get(c.id)
        # a clause cited beside those retrieved: the parent of one (a list's lead-in, an article's first 款), or one added
        # (another document the question names); its rank was left blank
        sc = f" · {found[c.id]}" if c.id in found else (
            " · 所引条款的上级条款" if any(h.clause.parent_id == c.id for h in ans.retrieved) else " · 补充引用")
        parts.append(
            f'<details class="tw-ev" id="ev-{turn}-{c.n}" open><summary><b>[{c.n}] {_e(c.label)}</b></summary>'
            f'<div class="tw-meta">{_e(place(clause))}{_e(sc)} · <code>{_e(c.id)}</code> {BACK}</div>'
            f"<div>{_highlight(clause.text, stmt_of.get(c.n, ''))}</div></details>")
    return "".join(parts)


def render_evidence_panel(history: list[dict]) -> str:
    """The clauses every turn cites, the last turn's shown: a [n] of an earlier answer opens its own (the script
    shows that turn's and hides the others)."""
    turns = [h for h in history if h.get("evidence")]
    # each turn's clauses under the question they answer (an earlier answer's [n] showed them with nothing to say whose)
    return "".join(f'<div class="tw-turn"{"" if k == len(turns) - 1 else " hidden"}>'
                   + (f"<p class='tw-meta tw-ev-q'>问：{_e(h['question'])}</p>" if h.get("question") else "")
                   + f'{h["evidence"]}</div>' for k, h in enumerate(turns))


MAX_TURNS = 40  # turns of the conversation kept in the browser (its storage is a few MB, shared with the page)


def next_turn(history: list[dict]) -> int:
    """The number of the next turn, unique in the conversation kept (its citations' anchors are ev-<turn>-<n>); the
    oldest turns leave it, so it is not the count of those kept."""
    return max((h.get("turn", i) for i, h in enumerate(history, 1)), default=0) + 1


def add_turn(history: list[dict], entry: dict) -> None:
    """A turn added to the conversation kept, its oldest turns leaving beyond MAX_TURNS."""
    history.append(entry)
    del history[:-MAX_TURNS]


def rated_of(h: dict) -> dict | None:
    """What a vote on a turn records: its answer, or its checklist; None for a turn that is neither (a refusal)."""
    return h.get("answer") or h.get("rated")


def marked(turns: list[dict], votes: dict) -> list[dict]:
    """The turns, in place, each with the vote given on it this session (``votes``: rid → vote), so that a
    conversation returned by an answer that was being written while a vote was given keeps that vote."""
    for h in turns:
        if h.get("rid") in votes:
            h["vote"] = votes[h["rid"]]
    return turns


def render_vote(h: dict) -> str:
    """👍 / 👎 under an answer or a checklist of the chat, the vote given marked: any answer is rated, not only the last."""
    if not h.get("rid") or not rated_of(h):
        return ""
    links = "".join(f'<a class="tw-vote-btn{" tw-voted" if h.get("vote") == v else ""}" href="#" data-vote="{v}" '
                    f'>{m}</a>' for v, m in (("up", "👍 有用"), ("down", "👎 没用")))
    return f'<div class="tw-vote" data-rid="{_e(h["rid"])}">{links}</div>'


def render_chat(history: list[dict]) -> str:
    out = []
    for h in history:
        out.append(f"<p class='tw-q'><b>问：</b>{_e(h['question'])}</p>{h['html']}{render_vote(h)}<hr>")
    return "".join(out) or "<p class='tw-meta'>请输入问题，例如：客户投诉多久内要响应？</p>"


def copy_text(ans: dict) -> str:
    """An answer (the `ask --json` shape) with its warning and its citations as text; an answer not found with the clauses it
    offers (it was the one line "资料中未找到：…可能相关的条款见下。", the list it points to left out)."""
    # (with its warning, as shown: "所引条款没有规定具体时限" pasted without it read as a full answer)
    lines = [ans["answer"], *([f"⚠ {ans['notice']}"] if ans.get("notice") else []), ""] + \
        [f"[{c['n']}] {c['label']}：{c['text']}" for c in ans["citations"]]
    if ans["status"] == "not_found":
        lines += [f"可能相关：{h['label']}：{h['text']}" for h in ans.get("retrieved", [])[:3]]
    return "\n".join(lines).strip()


def turn_copy(h: dict) -> str:
    """What the copy box holds for a turn of the conversation: an answer with its citations, a checklist as Markdown
    (as it was when asked; a reload showed nothing for one), a refused question nothing."""
    if h.get("answer"):
        return copy_text(h["answer"])
    rated = h.get("rated") or {}
    if rated.get("kind") == "checklist":
        from assistant.checklist import Checklist

        return checklist_copy(Checklist.from_dict(rated))
    return ""


def checklist_copy(cl) -> str:
    """What the copy box holds for a checklist: its Markdown (nothing for an empty one)."""
    from assistant.export import export

    return export(cl, "md").decode("utf-8") if cl.items else ""


def checklist_not_found(cl) -> str:
    """An empty checklist: why, and the clauses closest to the topic, as an answer not found offers them."""
    related = "".join(f"<li><b>{_e(c.label)}</b>：{_e(c.text)}</li>" for c in cl.related)
    return f"<p class='tw-nf'>{_e(cl.not_found)}</p>" + (f"<ul class='tw-related'>{related}</ul>" if related else "")


def _scopes(it) -> str:
    """The enterprise types an item is for, where it is not for any (DB33/T 932's 5.2.1 交易型…)."""
    return f" <span class='tw-meta'>（仅{_e('、'.join(it.scopes))}）</span>" if it.scopes else ""


def render_checklist(cl) -> str:
    if not cl.items:
        return checklist_not_found(cl)
    scope = f"（{_e(cl.scope)}企业）" if cl.scope else ""
    rows = [f"<p><b>「{_e(cl.topic)}」自查清单{scope}</b>，共 {len(cl.items)} 项</p>",  # which topic and type it is
            "<table class='tw-table tw-cl'><tr><th>#</th><th>分组</th><th>检查项</th><th>类型</th><th>依据</th></tr>"]
    for n, it in enumerate(cl.items, 1):
        # each label opens its clause's text where it stands (a tooltip alone could not be read on a phone)
        cites = "".join(f"<details class='tw-cl-cite'><summary title='{_e(c.text)}'>{_e(c.label)}</summary>"
                        f"<div class='tw-meta'>{_e(c.text)}</div></details>" for c in it.citations)
        rows.append(f"<tr><td>{n}</td><td>{_e(it.group)}</td><td>{_e(it.text)}</td>"
                    f"<td>{'禁止' if it.kind == 'prohibition' else '应做'}{_scopes(it)}</td><td>{cites}</td></tr>")
    rows.append("</table>")
    return "".join(rows)


def render_checklist_chat(cl, turn: int, retriever) -> tuple[str, str]:
    """A checklist asked for in the chat: its items by group, each with [n] links to the clauses it cites, and the
    evidence panel of those clauses (numbered in the order the items first cite them)."""
    if not cl.items:
        return f"<div class='tw-answer'>{checklist_not_found(cl)}</div>", ""
    number: dict[str, int] = {}
    marked: dict[str, str] = {}  # a clause's text, what the first item citing it says of it marked
    scope = f"（{_e(cl.scope)}企业）" if cl.scope else ""
    body = [f"<p>「{_e(cl.topic)}」自查清单{scope}，共 {len(cl.items)} 项（表格与下载见“自查清单”页）：</p>"]
    group = None
    for it in cl.items:
        if it.group != group:
            body.append(("</ul>" if group is not None else "") + f"<p><b>{_e(it.group)}</b></p><ul class='tw-check'>")
            group = it.group
        links = []
        for c in it.citations:
            n = number.setdefault(c.id, len(number) + 1)
            # the obligation as this clause states it: the first of the item's sources that it holds (the first
            # clause's words were looked for in every one; a list's lead-in is cited before its item); marked once, where
            # the clause is first cited (each later citation marked it again, and the panel once more)
            if c.id not in marked:
                marked[c.id] = next((m for src in it.sources if "<mark>" in (m := _highlight(c.text, src))),
                                    _highlight(c.text, it.sources[0] if it.sources else ""))
            links.append(f'<a class="tw-cite" href="#ev-{turn}-{n}" data-target="ev-{turn}-{n}">[{n}]</a>')
        kind = (" <span class='tw-meta'>（禁止）</span>" if it.kind == "prohibition" else "") + _scopes(it)
        body.append(f"<li>☐ {_e(it.text)}{''.join(links)}{kind}</li>")
    body.append("</ul>")
    if cl.notice:  # a model's rewording: how many items it reworded, or why none
        body.append(f"<p class='tw-meta'>⚠ {_e(cl.notice)}</p>")
    evidence = []
    for cid, n in number.items():
        clause = retriever.get(cid)
        evidence.append(
            f'<details class="tw-ev" id="ev-{turn}-{n}" open><summary><b>[{n}] {_e(clause.label)}</b></summary>'
            f'<div class="tw-meta">{_e(place(clause))} · <code>{_e(cid)}</code> {BACK}</div>'
            f"<div>{marked[cid]}</div></details>")
    return f"<div class='tw-answer'>{''.join(body)}</div>", "".join(evidence)


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


def _in_number_order(clauses: list) -> list:
    """A standard's clauses in the order of their numbers (5.2.1 before 5.2.3.1, which the scraped DB33/T 932 puts
    first), each clause without one kept after the numbered one before it; other documents as they are, and one whose
    numbers restart (1.1 under each chapter)."""
    dotted = [c.number for c in clauses if re.fullmatch(r"\d+(?:\.\d+)+", c.number or "")]
    if len(dotted) < 3 or len(set(dotted)) < len(dotted):
        return clauses
    key, last = [], ()
    for c in clauses:
        if re.fullmatch(r"\d+(?:\.\d+)*", c.number or ""):
            last = tuple(int(x) for x in c.number.split("."))
        key.append(last)
    return [c for _, c in sorted(zip(key, clauses), key=lambda x: x[0])]  # (stable: a clause without a number stays put)


def render_tree(retriever, document: str) -> str:
    """A document's clauses as a tree, by their numbering paths."""
    out = []
    for c in _in_number_order([c for c in retriever.clauses if c.document == document and c.role in ("clause", "heading")]):
        depth = len(c.path) - 1
        number = c.label.split("》", 1)[-1]
        # (an item's label carries its parents' numbers too; a clause's lines, its "——" items or a table's rows, are one
        # line of the tree)
        text = " ".join(_without_own_number(c, "、.． ").split("\n"))
        # (a long one cut after a phrase and marked so: it was cut at 160 characters, mid-word, with nothing to say so)
        out.append(f"<div style='margin-left:{depth * 1.2}em'><b>{_e(number)}</b> {_e(snippet(text, 160))}</div>")
    return "".join(out) or f"<p class='tw-meta'>知识库中没有《{_e(document)}》：请从“文档”列表中选择 / no such document</p>"


# -- the app ------------------------------------------------------------------------------------------
class State:
    """A loaded retriever per knowledge base, reloaded when its manifest changes (an upload here, or a
    `tiaowen ingest` in another process); a question keeps the retriever it started with, so answers go on
    while an ingest runs. Uploads and deletions of one knowledge base run one at a time."""

    def __init__(self, settings):
        self.settings = settings
        self._loaded: dict[str, tuple[tuple | None, object]] = {}
        self._locks: dict[tuple[str, str], threading.Lock] = {}  # (knowledge base, "load" | "write")
        self._guard = threading.Lock()

    def _lock(self, kb: str, purpose: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault((kb, purpose), threading.Lock())

    def kb(self, name: str | None):
        from ingest.index import KnowledgeBase

        return KnowledgeBase(self.settings, name or None)

    @staticmethod
    def _version(kb) -> tuple | None:
        try:
            st = (kb.dir / "manifest.json").stat()
        except FileNotFoundError:
            return None
        return st.st_ino, st.st_mtime_ns, st.st_size

    def retriever(self, name: str | None):
        from assistant.retrieve import Retriever

        kb = self.kb(name)
        cur = self._loaded.get(kb.name)
        if cur is not None and cur[0] == self._version(kb):
            return cur[1]
        lock = self._lock(kb.name, "load")
        if not lock.acquire(blocking=cur is None):
            return cur[1]  # another question is loading the new generation: this one uses the previous
        try:
            version = self._version(kb)  # taken before loading: a commit during the load is seen next time
            cur = self._loaded.get(kb.name)
            if cur is None or cur[0] != version:
                cur = self._loaded[kb.name] = (version, Retriever(self.settings, kb.name))
            return cur[1]
        finally:
            lock.release()

    def writing(self, name: str | None) -> threading.Lock:
        return self._lock(self.kb(name).name, "write")


def build(settings=None, server=None):
    import gradio as gr
    from gradio.utils import get_upload_folder

    from assistant.answer import answer, in_context
    from assistant.checklist import SCOPES, checklist, checklist_follow_up, checklist_request
    from assistant.export import FORMATS, export
    from assistant.generate import Draft, polish_checklist, respond, stream_answer
    from ingest.loaders import LoadError
    from ingest.uploads import add_uploads, remove_upload, upload_of
    from tiaowen.errors import DuplicateTitle, EmptyQuestion, TiaowenError
    from tiaowen.settings import ServerSettings, Settings, from_env

    settings = settings or from_env(Settings)
    server = server or from_env(ServerSettings)
    ensure_index(settings)
    st = State(settings)
    st.retriever(settings.kb)  # a damaged index is reported at start, not at the first question
    downloads = Path(tempfile.mkdtemp(prefix="tiaowen-dl-"))
    max_upload = int(server.upload_max_mb * 2**20)
    refused = (TiaowenError, LoadError)

    def generated(q, q_full, history, last, r):
        """A chat model's answer (TIAOWEN_LLM__BASE_URL set): verified statements stream in as it writes."""
        shown, at = None, 0.0
        panel = render_evidence_panel(history)  # the earlier answers' clauses, until this one's are known
        yield history + [{"question": q, "html": pending_turn("模型生成中")}], panel, history, last, ""
        for ev in stream_answer(r, q_full):
            if not isinstance(ev, Draft):
                return ev
            if ev.answer != shown or time.monotonic() - at > 0.2:
                shown, at = ev.answer, time.monotonic()
                yield history + [{"question": q, "html": render_draft(ev)}], panel, history, last, ""

    def chat_checklist(q, topic, history, last, kb):
        """A message that asks for a checklist gets the checklist, cited as answers are; the 自查清单 page is filled
        with it (see to_checklist_page)."""
        r = st.retriever(kb)
        shown = history + [{"question": q, "html": pending_turn("正在整理清单")}]
        yield shown, render_evidence_panel(history), history, last, ""
        cl = checklist(r, topic)
        if settings.llm.enabled:
            cl = polish_checklist(r, cl)
        turn = next_turn(history)
        body, evidence = render_checklist_chat(cl, turn, r)
        key = uuid.uuid4().hex
        drafted[key] = (cl.topic, cl.scope or "", *checklist_page(cl))
        while len(drafted) > 32:  # an API client's chat has no page to take them
            drafted.pop(next(iter(drafted)))
        add_turn(history, {"question": q, "html": body, "evidence": evidence, "checklist": key, "kb": r.kb.name,
                           "rid": key, "turn": turn, "rated": {"kind": "checklist", "question": q, **cl.to_dict()}})
        # the next message follows on from this checklist: "那退换货呢？"
        yield history, render_evidence_panel(history), history, f"{cl.scope or ''}{cl.topic}自查清单", checklist_copy(cl)

    drafted: dict[str, tuple] = {}  # checklists drafted in the chat, until the 自查清单 page takes them

    def to_checklist_page(history):
        page = drafted.pop((history or [{}])[-1].get("checklist", ""), None)
        if page is None:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip()
        return page

    def refusal(q, exc, history, last):
        """What the chat shows for a question or a request the library refused: its message, nothing else changed.
        Nothing asked (提问 on an empty box) is said in a notice, not as a turn "问：" of the conversation."""
        if isinstance(exc, EmptyQuestion):
            gr.Warning(str(exc))
            return history, render_evidence_panel(history), history, last, ""
        add_turn(history, {"question": q[:200], "html": f"<p class='tw-nf'>{_e(str(exc))}</p>", "refused": True})
        return history, render_evidence_panel(history), history, last, ""

    def ask(question, history, last, kb, votes=None):
        """The chat's answer to a message, shown as it is written. Votes given while it is written (``votes``, the
        session's: rid → vote) are kept in the conversation it returns, not undone by it."""
        votes = {} if votes is None else votes
        for shown, evidence, turns, follow, copy in answer_turns(question, history, last, kb):
            yield render_chat(marked(shown, votes)), evidence, marked(turns, votes), follow, copy

    def answer_turns(question, history, last, kb):
        """ask's steps: (turns shown, evidence panel, conversation kept, what the next message follows on, copy)."""
        history = list(history or [])
        q = (question or "").strip()
        topic = checklist_request(q) or checklist_follow_up(q, last)
        if topic is not None:
            try:
                yield from chat_checklist(q, topic, history, last, kb)
            except TiaowenError as exc:
                yield refusal(q, exc, history, last)
            return
        try:
            r = st.retriever(kb)
            # "那退货呢？": asked about the last topic (a checklist's: its topic, not the request's words)
            q_full = in_context(r, q, checklist_request(last) or last if last else "")
            ans = (yield from generated(q, q_full, history, last, r)) if settings.llm.enabled else answer(r, q_full)
        except TiaowenError as exc:
            yield refusal(q, exc, history, last)
            return
        turn = next_turn(history)
        full = render_answer(ans, turn)
        evidence = render_evidence(ans, turn, r)
        # stream: the answer appears statement by statement
        pieces = re.split(r"(?<=\])(?=[；。\n])", full)
        shown = ""
        for p in pieces[:-1]:
            shown += p
            # (marked as still coming: a finished answer may hold "…", a clause offered cut after a phrase)
            yield (history + [{"question": q, "html": shown + "<span class='tw-pending'>…</span></div>"}],
                   render_evidence_panel(history + [{"question": q, "evidence": evidence}]), history, last, "")
        # what is kept of the answer in the browser: all a vote records, not the clauses retrieved (their text doubled
        # a turn's size; 30 turns filled the browser's storage, and the newest were lost on reload), but the three
        # offered where it is not found (the copy box is filled from it on reload)
        said = ans.to_dict()
        kept = {k: v for k, v in said.items() if k != "retrieved"}
        if ans.status == "not_found":
            kept["retrieved"] = [{k: h[k] for k in ("id", "label", "text")} for h in said["retrieved"][:3]]
        add_turn(history, {"question": q, "html": full, "evidence": evidence, "answer": kept, "kb": r.kb.name,
                           "turn": turn, "rid": uuid.uuid4().hex})
        # the next message follows on from this one, answered or not ("…第三条讲什么" not found, then "那第四条呢")
        yield history, render_evidence_panel(history), history, q_full, copy_text(said)

    def api_ask(question, kb):
        """The `ask --json` shape; a question refused is {status: error, error} as in `ask --batch`."""
        try:
            return respond(st.retriever(kb), question).to_dict()
        except TiaowenError as exc:
            return {"question": question, "status": "error", "error": str(exc), "answer": "", "citations": [],
                    "retrieved": []}

    def feedback(history, vote, kb, rid=None, votes=None):
        """A vote on an answer or checklist of the chat: the one ``rid`` names (its 👍 / 👎), else the last (the buttons
        under the box). One vote an answer: the same vote again is not stored twice, another one is stored as its
        change (``rated_id`` tells them apart: `eval --from-feedback` keeps the last). ``votes`` (the session's, rid
        → vote) has it too: an answer being written keeps it in the conversation it returns."""
        votes = {} if votes is None else votes
        history = marked(list(history or []), votes)
        at = next((i for i, h in enumerate(history) if rid and h.get("rid") == rid), None if rid else len(history) - 1)
        entry = dict(history[at]) if at is not None and at >= 0 else {}
        rated = rated_of(entry)
        if not rated:
            return "没有可评价的回答或清单", history, render_chat(history)
        mark = "👍" if vote == "up" else "👎"
        which = "最近一条回答" if at == len(history) - 1 else f"第 {at + 1} 条回答"
        if entry.get("vote") == vote:
            return f"已记录过 {mark}（{which}）", history, render_chat(history)
        rec = {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), "vote": vote, "rated_id": entry.get("rid"), **rated}
        with open(st.kb(entry.get("kb", kb)).dir / "feedback.jsonl", "a", encoding="utf-8") as f:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        said = "已改为" if entry.get("vote") else "已记录"
        entry["vote"] = vote
        if entry.get("rid"):
            votes[entry["rid"]] = vote
        history[at] = entry
        return f"{said} {mark}（{which}）", history, render_chat(history)

    def vote_on(sent, history, kb, votes=None):
        """A 👍 / 👎 clicked under an answer of the chat: "<rid>:up"."""
        rid, _, vote = (sent or "").rpartition(":")
        if vote not in ("up", "down") or not rid:
            return gr.skip(), gr.skip(), gr.skip()
        return feedback(history, vote, kb, rid, votes)

    def make_checklist(topic, scope, kb):
        try:
            r = st.retriever(kb)
            cl = checklist(r, topic, scope or None)
            if settings.llm.enabled:  # items reworded by the model where they stay grounded
                cl = polish_checklist(r, cl)
        except TiaowenError as exc:
            return f"<p class='tw-nf'>{_e(str(exc))}</p>", None
        return checklist_page(cl)

    def checklist_page(cl):
        """The 自查清单 page's table and download files of a checklist (none for a checklist without items: its
        files held a title and nothing else)."""
        if not cl.items:
            return render_checklist(cl), None
        # the topic, not the request's words, after the enterprise type it is for (one for 交易型 overwrote the other)
        stem = re.sub(r"[^\w\u4e00-\u9fff]", "_", f"{cl.scope or ''}{cl.topic}")[:30] or "checklist"
        out = Path(tempfile.mkdtemp(dir=downloads))  # one folder per request: sessions never share a file
        files = []
        for fmt in FORMATS:
            p = out / f"{stem}自查清单.{fmt}"
            p.write_bytes(export(cl, fmt))
            files.append(str(p))
        return (f"<p class='tw-meta'>{_e(cl.notice)}</p>" if cl.notice else "") + render_checklist(cl), files

    def corpus_view(kb, message=""):
        """The 知识库 page of a knowledge base: message, document table, document choices."""
        try:
            r = st.retriever(kb)
        except TiaowenError as exc:
            return _msg(message or str(exc)), "", gr.update(choices=[], value=None)
        return (_msg(message), render_docs(r),
                gr.update(choices=sorted({c.document for c in r.clauses}), value=None))

    def upload(files, kb, progress=gr.Progress()):
        if not files:
            return corpus_view(kb, "请选择文件")
        inbox = Path(get_upload_folder()).resolve()
        pairs = []
        for f in files:
            src = Path(f if isinstance(f, str) else f.name).resolve()
            if not src.is_relative_to(inbox):  # a path on the server named by an API call, not an upload
                return corpus_view(kb, "导入失败：只接受通过本页面上传的文件 / only files uploaded here are accepted")
            pairs.append((src.name, src))
        try:
            if st.kb(kb).manifest() is None:
                return corpus_view(kb, f"导入失败：知识库 {kb!r} 不存在，请先用 `tiaowen ingest PATH --kb {kb}` 建立 / "
                                       "no such knowledge base")
            with st.writing(kb):
                rep = add_uploads(st.kb(kb), pairs, max_upload,
                                  progress=lambda stage, done, total: progress(done / max(total, 1), desc=f"{stage} {done}/{total}"))
        except refused as exc:  # a file named as uploaded, not by its path on the server
            why = (f"{Path(exc.source).name}：{exc.zh} / {exc.en}" if isinstance(exc, LoadError)
                   else exc.by_name() if isinstance(exc, DuplicateTitle) else str(exc))
            return corpus_view(kb, f"导入失败：{why}")
        parts = []
        if rep.added or rep.replaced:
            parts.append(f"已导入 {'、'.join(rep.added + rep.replaced)}"
                         + (f"（{'、'.join(rep.replaced)} 替换了同名的旧版本）" if rep.replaced else "")
                         + f"：知识库共 {rep.ingest.documents} 篇文档，新向量化 {rep.ingest.embedded} 条")
        parts += rep.skipped + [f"未导入 {x}" for x in rep.refused]
        return corpus_view(kb, "；".join(parts))

    def confirm_delete(document, kb):
        """The question asked before a document is deleted: which one, and that it cannot be undone; a document that
        cannot be deleted (not uploaded) is refused at once (it was asked about, then refused)."""
        if not document:
            return gr.update(visible=False), "", _msg("请先选择文档"), None
        try:
            upload_of(st.kb(kb), document)
        except refused as exc:
            return gr.update(visible=False), "", _msg(f"删除失败：{exc}"), None
        return (gr.update(visible=True), _msg(f"确定从知识库删除《{document}》？删除后不能撤销，需要时请重新上传。"), "",
                document)

    def delete(document, kb, asked=None):
        """Delete an uploaded document: on the page, the one the question named (``asked``; another chosen since, the
        click is refused: it deleted whatever was chosen when 确认删除 was clicked); for the API, the one named."""
        if not document:
            return corpus_view(kb, "请先选择文档")
        if asked is not None and asked != document:
            return corpus_view(kb, f"未删除：所选文档已改为《{document}》，请重新点“删除该文档” / the selection changed")
        try:
            with st.writing(kb):
                remove_upload(st.kb(kb), document)
        except refused as exc:
            return corpus_view(kb, f"删除失败：{exc}")
        return corpus_view(kb, f"已删除 {document}")

    def tree(document, kb):
        if not document:  # (it said 没有条款。)
            return _msg("请先在“文档”中选择一篇文档 / pick a document first")
        try:
            return render_tree(st.retriever(kb), document)
        except TiaowenError as exc:
            return _msg(str(exc))

    def run_eval(sets, configs, progress=gr.Progress(track_tqdm=True)):
        from eval.report import failures, write_report
        from eval.runner import run_eval as run
        from eval.sets import builtin
        from eval.systems import config

        if not sets or not configs:  # (none chosen ran seed with ours, unasked)
            return "<p class='tw-nf'>请至少选择一个问答集和一个配置 / pick at least one Q&amp;A set and one configuration</p>", None
        try:
            qa = [builtin(s) for s in sets]
            from tqdm import tqdm

            # the stages (building an index, scoring checklists) said nothing: the page sat still for ~30 s
            result = run(qa, [config(c) for c in configs], settings, on_stage=lambda m: progress(None, desc=m),
                         bar=lambda total, desc: tqdm(total=total, desc=desc))  # shown by gr.Progress
        except TiaowenError as exc:
            return f"<p class='tw-nf'>{_e(str(exc))}</p>", None
        out = Path(tempfile.mkdtemp(prefix="tiaowen-eval-"))
        report = write_report(result, out)
        # headed in Chinese, the metric's name beside (the headers were English only)
        rows = ["<table class='tw-table'><tr><th>问答集</th><th>配置</th><th>首位命中 hit@1</th><th>MRR</th>"
                "<th>前 5 召回 recall@5</th><th>引用 F1</th><th>无答案识别率 not_found recall</th>"
                "<th>误拒率 false refusal</th></tr>"]
        for sr in result.sets:
            for name, m in sr.summary.items():
                rows.append(f"<tr><td>{_e(sr.qa.name)}</td><td>{_e(name)}</td><td>{m['hit@1']:.3f}</td>"
                            f"<td>{m['mrr']:.3f}</td><td>{m['recall@5']:.3f}</td><td>{m['cite_f1']:.3f}</td>"
                            f"<td>{m['nf_recall']:.2f}</td><td>{m['false_refusal']:.1%}</td></tr>")
        rows.append("</table>")
        # the questions the first configuration chosen got wrong, as a table (it was the report's English markdown, raw)
        primary = next((c for c in configs if c.startswith("ours")), configs[0])
        detail = []
        for sr in result.sets:
            wrong = failures(sr, primary, zh=True)
            cells = []
            for f in wrong:
                top = "<br>".join(f"{'✓' if holds else '✗'} {_e(label)}：{_e(text)}" for label, text, holds in f["top"])
                gold = "<br>".join(f"「{_e(g)}」" for g in f["gold"]) or "（资料中没有答案）"
                cells.append(f"<tr><td>{_e(f['id'])}</td><td>{_e(f['question'])}</td><td>{gold}</td>"
                             f"<td>{_e(f['why'])}</td><td>{top}</td></tr>")
            detail.append(f"<details><summary>{_e(sr.qa.name)} · {_e(primary)} 答错的问题（{len(wrong)}）</summary>"
                          "<table class='tw-table'><tr><th>编号</th><th>问题</th><th>标准答案</th><th>原因</th>"
                          "<th>检索前 3 位（✓ 含标准答案）</th></tr>" + "".join(cells) + "</table></details>")
        return "".join(rows) + "".join(detail), str(report.parent / "chart.png")

    answering = {"concurrency_limit": server.concurrency, "concurrency_id": "answer"}
    private = {"api_visibility": "private"}
    with gr.Blocks(title="条文 Tiaowen") as demo:
        gr.Markdown("## 条文 Tiaowen — 电商法规与制度问答（每句均有条款出处）")
        # every page answers from the knowledge base chosen here
        # (any name is passed on: the library checks it, so API callers may name one built after the start)
        kb_pick = gr.Dropdown(kb_names(settings), value=settings.kb, label="知识库", elem_id="tw-kb",
                              allow_custom_value=True)
        with gr.Tab("问答"):
            # kept in the browser: the conversation and its citations survive a page refresh
            history = gr.BrowserState([], storage_key="tiaowen-history")
            last = gr.State("")
            votes = gr.State({})  # the votes given this session, which an answer being written keeps (see ask)
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.HTML(render_chat([]), elem_id="tw-chat")
                    q = gr.Textbox(label="问题", placeholder="例如：客户投诉多久内要响应？", elem_id="tw-q")
                    with gr.Row():
                        ask_btn = gr.Button("提问", variant="primary", elem_id="tw-ask")
                        up = gr.Button("👍 有用", elem_id="tw-up")
                        down = gr.Button("👎 没用", elem_id="tw-down")
                        clear = gr.Button("清空对话", elem_id="tw-clear")
                    fb = gr.Markdown()
                    copy = gr.Textbox(label="复制回答（含引用）", lines=3, buttons=["copy"], elem_id="tw-copy")
                with gr.Column(scale=2):
                    gr.Markdown("### 引用条款")
                    evidence = gr.HTML(elem_id="tw-evidence")
            outs = [chat, evidence, history, last, copy]
            asking = [q, history, last, kb_pick, votes]
            asked = [q.submit(ask, asking, outs, api_name="ask_stream", **answering),
                     ask_btn.click(ask, asking, outs, api_name="chat", **answering)]
            for event in asked:  # the box is emptied (a question refused stays, to be mended), and the last answer's
                # vote no longer shown under the next
                event.then(lambda h: (gr.skip() if h and h[-1].get("refused") else "", ""), history, [q, fb], **private)
                event.then(None, None, None, js=SCROLL_CHAT, **private)
            # a new conversation: nothing shown, kept or followed on from (votes already given stay recorded); an
            # answer still being written is stopped, or it would bring the old conversation back when done
            clear.click(lambda: (render_chat([]), "", [], "", "", "", {}), None,
                        [chat, evidence, history, last, copy, fb, votes], cancels=asked, **private)
            up.click(lambda h, kb, v: feedback(h, "up", kb, votes=v), [history, kb_pick, votes], [fb, history, chat],
                     **private)
            down.click(lambda h, kb, v: feedback(h, "down", kb, votes=v), [history, kb_pick, votes], [fb, history, chat],
                       **private)
            # the 👍 / 👎 under each answer: the page's script keeps "<rid>:<vote>" in window.twVote and clicks the hidden
            # button, whose js hands it to vote_on in place of the hidden box's value
            vote_sent = gr.Textbox(elem_id="tw-vote-in", elem_classes=["tw-hidden"])
            vote_send = gr.Button("vote", elem_id="tw-vote-send", elem_classes=["tw-hidden"])
            vote_send.click(vote_on, [vote_sent, history, kb_pick, votes], [fb, history, chat],
                            js="(v, h, kb, votes) => [window.twVote || '', h, kb, votes]", **private)
        with gr.Tab("自查清单"):
            with gr.Row():
                topic = gr.Textbox(label="主题", placeholder="例如：售后服务", elem_id="tw-topic")
                scope = gr.Dropdown([("不限", ""), *SCOPES], value="", label="企业类型（DB33/T 932—2014）")
            cl_btn = gr.Button("生成清单", variant="primary", elem_id="tw-cl")
            # (five files in a short scrolling list: at full height they filled a laptop's screen above the checklist)
            cl_files = gr.File(label="下载", file_count="multiple", elem_id="tw-cl-files", height=150)
            cl_html = gr.HTML(elem_id="tw-cl-table")
            cl_btn.click(make_checklist, [topic, scope, kb_pick], [cl_html, cl_files], api_name="checklist", **answering)
            for event in asked:  # a checklist asked for in the chat is on this page too, with its downloads
                event.then(to_checklist_page, history, [topic, scope, cl_html, cl_files], **private)
            # another knowledge base: no follow-up refers to a question asked of the last one, and no checklist of it
            # stays on this page
            kb_pick.change(lambda: ("", "", None), None, [last, cl_html, cl_files], **private)
        with gr.Tab("知识库"):
            gr.Markdown(f"在页面顶部选择知识库；新的知识库用 `tiaowen ingest PATH --kb 名称` 建立，默认 **{_e(settings.kb)}**。")
            up_msg = gr.HTML(elem_id="tw-upload-msg")
            docs_html = gr.HTML(elem_id="tw-docs")
            # (no file_types: Gradio's own check refused another type in English, "Invalid file type", and took nothing;
            # the library refuses it, saying which types are taken)
            files = gr.File(label=f"上传文档（{' '.join(UPLOAD_TYPES)}，单个不超过 {server.upload_max_mb:g} MB）",
                            file_count="multiple", elem_id="tw-upload")
            up_btn = gr.Button("导入", elem_id="tw-import")
            doc_pick = gr.Dropdown([], label="文档", elem_id="tw-doc", allow_custom_value=True)
            with gr.Row():
                tree_btn = gr.Button("查看条款树", elem_id="tw-tree-btn")
                del_btn = gr.Button("删除该文档（仅限上传的文档）", variant="stop", elem_id="tw-delete")
            # deleting asks first, naming the document (one click deleted it, no way back)
            with gr.Row(visible=False, elem_id="tw-delete-confirm") as del_row:
                del_ask = gr.HTML(elem_id="tw-delete-ask")
                del_yes = gr.Button("确认删除", variant="stop", elem_id="tw-delete-yes")
                del_no = gr.Button("取消", elem_id="tw-delete-no")
            tree_html = gr.HTML(elem_id="tw-tree")
            corpus_outs = [up_msg, docs_html, doc_pick]
            # the files imported leave the box: the next 导入 sent them again ("未重复导入" for each)
            up_btn.click(upload, [files, kb_pick], corpus_outs, api_name="upload").then(lambda: None, None, files, **private)
            tree_btn.click(tree, [doc_pick, kb_pick], tree_html, api_name="tree")
            asked_delete = gr.State(None)  # the document the question names (an API call names its own)
            del_btn.click(confirm_delete, [doc_pick, kb_pick], [del_row, del_ask, up_msg, asked_delete], **private)
            del_yes.click(delete, [doc_pick, kb_pick, asked_delete], corpus_outs, api_name="delete").then(
                lambda: ("", gr.update(visible=False)), None, [tree_html, del_row], **private)  # its tree goes with it
            # the question asked of one document is not answered for another, nor for another knowledge base's
            for event in (del_no.click, doc_pick.change, kb_pick.change):
                event(lambda: gr.update(visible=False), None, del_row, **private)
            kb_pick.change(lambda kb: corpus_view(kb), kb_pick, corpus_outs, **private)
        with gr.Tab("评测"):
            sets = gr.CheckboxGroup(["seed", "laws", "stard-sample"], value=["seed"], label="问答集")
            configs = gr.CheckboxGroup(["ours", "ours-m3e", "bm25", "dense", "naive-langchain", "chatchat"]
                                       + (["llm"] if settings.llm.enabled else []),
                                       value=["ours", "chatchat"], label="配置")
            ev_btn = gr.Button("运行评测", elem_id="tw-ev-run")
            ev_html = gr.HTML(elem_id="tw-ev-table")
            ev_chart = gr.Image(label="对比图", type="filepath", elem_id="tw-ev-chart")
            ev_btn.click(run_eval, [sets, configs], [ev_html, ev_chart])

        def on_load(h, kb):
            h = h or []
            return (render_chat(h), render_evidence_panel(h), turn_copy(h[-1]) if h else "",  # the last turn's
                    gr.update(choices=kb_names(settings)), *corpus_view(kb))

        demo.load(on_load, [history, kb_pick], [chat, evidence, copy, kb_pick, *corpus_outs], **private).then(
            None, None, None, js=SCROLL_CHAT, **private)
        # a plain API for scripts and tests: the answer as the `ask --json` shape
        api_q = gr.Textbox(visible=False)
        api_out = gr.JSON(visible=False)
        api_q.submit(api_ask, [api_q, kb_pick], api_out, api_name="ask", **answering)
    return demo


def _msg(text: str) -> str:
    return f"<p class='tw-msg'>{_e(text)}</p>" if text else ""


def main():
    import sys

    from tiaowen.errors import TiaowenError
    from tiaowen.settings import ServerSettings, Settings, from_env

    try:
        settings, server = from_env(Settings), from_env(ServerSettings)
        demo = build(settings, server)
    except TiaowenError as exc:
        sys.exit(f"条文 Tiaowen: {exc}")
    if server.host not in ("127.0.0.1", "localhost", "::1") and server.auth is None:
        print(f"警告：TIAOWEN_HOST={server.host} 且未设置 TIAOWEN_AUTH，网络上的任何人都能提问、上传和删除文档 / "
              "warning: listening beyond localhost without TIAOWEN_AUTH", file=sys.stderr)
    demo.launch(server_name=server.host, server_port=server.port, auth=server.credentials(),
                max_file_size=int(server.upload_max_mb * 2**20), css=CSS, js=JS,
                # Gradio's own record of every call (100 of them, the chat's HTML each time) filled the browser's
                # storage, and the conversation's newest turns were lost on reload; the conversation is kept by the app
                run_history=False)


if __name__ == "__main__":
    main()
