"""Citations in a model's reply: parsed, checked against the clauses the model was shown, renumbered.

Pure functions over text and clause records (no model, no I/O), fed chunk by chunk so that a
streamed reply is checked one statement at a time. A statement keeps only the clauses it cites
that were shown to the model and that support it (``assistant.support``); one without such a
citation gets the fewest shown clauses that support it, or is dropped; markers are renumbered
[1], [2] … in order of first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.clean import CN_NUM, norm
from ingest.records import Clause
from ingest.segment import cn_to_int

from .support import MAX_MATCHED, evidence, supporting

CANNOT_ANSWER = "资料中未找到"  # the fixed phrase the prompt asks for; the same as answer.NOT_FOUND

_THINK = re.compile(r"<think>.*?</think>", re.S)
END = "。！？!?；;\n"  # what ends a statement (as eval.metrics.statements reads an answer)
# a statement: text up to an end mark, then the citation groups and spaces that follow it
_STATEMENT = re.compile(r"[^。！？!?；;\n]*[。！？!?；;\n](?:[ \t\u3000\n]*(?:\[[^\[\]\n]*\]|【[^【】\n]*】))*[ \t\u3000\n]*")
_GROUP = re.compile(r"\[([^\[\]\n]{0,120})\]|【([^【】\n]{0,120})】|[（(]([^（）()\n]{1,120})[)）]")
ID_LIKE = re.compile(r"(?<![A-Za-z0-9_/])[0-9a-f]{8}/[A-Za-z0-9_.~/#-]*[A-Za-z0-9_]", re.I)
_REF_WORDS = re.compile(r"^(?:见|参见|参照|详见|依据|根据|来源|出处|引用|引自|条款|编号|id|ID)\s*[:：]?\s*")
_LOOKS_LIKE_REF = re.compile(r"\d|第.{1,8}[条款项]|《|条款|clause|id", re.I)
_ARTICLE = re.compile(rf"第([{CN_NUM}\d]+)条")
_MARKDOWN = re.compile(r"\*\*|__|`|^\s*#{1,6}\s*|^\s*(?:[-*•·]|\d{1,2}[.、)）]|[（(]\d{1,2}[)）])\s*", re.M)
# a lead that asserts nothing of its own: "根据《…》第七条，" "此外，"
_LEAD = re.compile(r"^(?:(?:根据|按照|依据|依照|按)[^，,。：:]{0,40}(?:规定|要求|条款|所述|第[^，,]{1,8}条)?[，,：:]\s*"
                   r"|(?:此外|另外|同时|并且|而且|其次|再次|最后|首先|总之|综上所述|综上|因此|所以|具体来说|具体而言|简而言之)[，,：:]?\s*)+")


def strip_think(text: str) -> str:
    """A reasoning model's <think>…</think> is no part of the answer; an unclosed one hides the rest."""
    text = _THINK.sub("", text)
    i = text.find("<think>")
    return text if i < 0 else text[:i]


def _label_key(s: str) -> str:
    s = norm(s).replace("《", "").replace("》", "")
    return _ARTICLE.sub(lambda m: f"第{cn_to_int(m.group(1))}条", s)


def resolve(ref: str, clauses: dict[str, Clause]) -> str | None:
    """The shown clause a reference names (its id, its label, or a label's unique ending such as 第七条)."""
    r = _REF_WORDS.sub("", ref.strip()).strip()
    if not r:
        return None
    for cid in clauses:
        if cid.lower() == r.lower():
            return cid
    key = _label_key(r)
    if len(key) < 3:
        return None
    exact = [cid for cid, c in clauses.items() if _label_key(c.label) == key]
    if len(exact) == 1:
        return exact[0]
    ending = [cid for cid, c in clauses.items() if _label_key(c.label).endswith(key)]
    return ending[0] if len(ending) == 1 else None


def parse_refs(group: str, clauses: dict[str, Clause]) -> tuple[list[str], list[str]] | None:
    """(clause ids, references that name no shown clause) of one bracketed group; None when the group
    is not a citation at all (【注意】)."""
    whole = resolve(group, clauses)
    if whole:
        return [whole], []
    if not (ID_LIKE.search(group) or _LOOKS_LIKE_REF.search(group)):
        return None
    ids, invented = [], []
    for part in re.split(r"[,，、;；]|\s+(?=[0-9a-f]{8}/)", group):
        part = part.strip()
        if not part:
            continue
        cid = resolve(part, clauses)
        (ids if cid else invented).append(cid or part)
    return ids, invented


def parse_statement(raw: str, clauses: dict[str, Clause]) -> tuple[str, list[str], list[str]]:
    """(the statement's words without citations or markdown, the shown clauses it cites, invented references)."""
    ids: list[str] = []
    invented: list[str] = []

    def group(m: re.Match) -> str:
        inner = next(g for g in m.groups() if g is not None)
        if not inner.strip():
            return ""
        if m.group(3) is not None and not (ID_LIKE.search(inner) or _ARTICLE.search(inner) or "《" in inner):
            return m.group(0)  # an ordinary parenthesis
        got = parse_refs(inner, clauses)
        if got is None:
            return m.group(0)
        ids.extend(got[0])
        invented.extend(got[1])
        return ""

    text = _GROUP.sub(group, raw)

    def bare(m: re.Match) -> str:
        cid = resolve(m.group(0), clauses)
        (ids if cid else invented).append(cid or m.group(0))
        return ""

    text = ID_LIKE.sub(bare, text)
    text = _MARKDOWN.sub("", text)
    text = text.strip().rstrip(END + "，,：: \t\u3000").strip()
    text = _LEAD.sub("", text).strip()
    return text, list(dict.fromkeys(ids)), invented


def check(statement: str, cited: list[str], shown: dict[str, str]) -> tuple[list[str], str]:
    """The citations a statement keeps and what happened: kept | trimmed | matched | dropped.

    ``shown``: id → evidence text of every clause the model was shown, best first. The statement's
    own citations are kept where together they support it (those that add nothing are removed);
    otherwise the fewest shown clauses that support it (at most ``MAX_MATCHED``) are cited instead.
    """
    valid = [c for c in cited if c in shown]
    if valid:
        sel = supporting(statement, {c: shown[c] for c in valid})
        if sel:
            keep = [c for c in valid if c in sel]
            return keep, "kept" if len(keep) == len(valid) and len(valid) == len(cited) else "trimmed"
    sel = supporting(statement, shown, MAX_MATCHED)
    if sel:
        return sel, "matched"
    return [], "dropped"


@dataclass
class Checked:
    text: str
    ids: list[str]
    end: str  # 。；！？
    newline: bool  # a line break follows it


@dataclass
class ReplyChecker:
    """Checks a reply as it arrives; ``answer()`` is always the verified part, renumbered."""

    clauses: list[Clause]
    raw: str = ""
    done: int = 0  # characters of the cleaned reply already checked
    statements: list[Checked] = field(default_factory=list)
    refused: bool = False  # the reply says CANNOT_ANSWER
    counts: dict = field(default_factory=lambda: dict.fromkeys(
        ("statements", "kept", "trimmed", "matched", "dropped", "invented_refs", "removed_citations"), 0))
    dropped: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.by_id = {c.id: c for c in self.clauses}
        self.shown = {c.id: evidence(c.text) for c in self.clauses}

    def feed(self, chunk: str) -> bool:
        """Take more of the reply; True when a statement was checked."""
        self.raw += chunk
        text = strip_think(self.raw)
        n = len(self.statements) + self.counts["dropped"]
        while True:
            m = _STATEMENT.match(text, self.done)
            # complete only when something other than a citation follows (a citation may still come)
            if not m or m.end() >= len(text) or text[m.end()] in "[【":
                break
            self._statement(m.group(0))
            self.done = m.end()
        return len(self.statements) + self.counts["dropped"] != n

    def finish(self) -> None:
        text = strip_think(self.raw)
        while self.done < len(text):
            m = _STATEMENT.match(text, self.done)
            end = m.end() if m and m.end() > self.done else len(text)
            self._statement(text[self.done:end])
            self.done = end

    def pending(self) -> str:
        """The reply received but not yet checked, without its citations (shown as unverified)."""
        text = strip_think(self.raw)
        if "<think>" in self.raw and "</think>" not in self.raw:
            return "…"
        tail = _GROUP.sub("", text[self.done:])
        tail = re.sub(r"(?:\[[^\]\n]*|【[^】\n]*|<[^>\n]*)$", "", tail)  # a citation or tag still arriving
        return ID_LIKE.sub("", tail).strip()

    def _statement(self, raw: str) -> None:
        text, ids, invented = parse_statement(raw, self.by_id)
        if not text:
            return
        if CANNOT_ANSWER in text:
            self.refused = True
            return
        self.counts["statements"] += 1
        self.counts["invented_refs"] += len(invented)
        self.invented.extend(invented)
        if any(s.text == text for s in self.statements):
            return
        keep, outcome = check(text, ids, self.shown)
        self.counts[outcome] += 1
        self.counts["removed_citations"] += len([c for c in ids if c not in keep])
        if outcome == "dropped":
            self.dropped.append(text)
            return
        m = re.search(r"[。！？!?；;]", raw)  # the statement's own end mark (its words hold none)
        end = {"!": "！", "?": "？", ";": "；"}.get(m.group(0), m.group(0)) if m else "。"
        self.statements.append(Checked(text, keep, end, "\n" in raw.lstrip()))

    def numbered(self) -> tuple[str, list[str]]:
        """The verified answer with [n] markers in order of first use, and the cited ids by n."""
        order: list[str] = []
        out = ""
        for s in self.statements:
            for c in s.ids:
                if c not in order:
                    order.append(c)
            out += s.text + "".join(f"[{order.index(c) + 1}]" for c in s.ids) + s.end + ("\n" if s.newline else "")
        return re.sub(r"\n{2,}", "\n", out).strip(), order
