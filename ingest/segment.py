"""Clause segmentation that follows a document's own numbering (章/节/条, 一、, （一）, 1., 5.2.1 …)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clean import CITED_STANDARD, CJK, CN_NUM, inner_pipe_cells, norm, pipe_row, short_heading
from .records import Clause, doc_id_for
from .tokenize import words

SEGMENTER_VERSION = "seg-104"

N = f"[{CN_NUM}]+"
# Each pattern matches a numbering marker at the current position.
# (what names an annex, not a rule: "附件：请假申请表", not "附件：须由部门负责人签字")
_NO_DUTY = r"(?![^。；;，,]*?(?:须|(?<![供响适对相反])应|不得|禁止|严禁))"
MARKERS: list[tuple[str, re.Pattern]] = [
    ("chapter", re.compile(rf"第({N}|\d+)章\s*")),
    ("section", re.compile(rf"第({N}|\d+)节\s*")),
    ("article", re.compile(rf"第({N}|\d+)条(?:之[{CN_NUM}]+)?[\s　]*")),
    # (a spaced "前　言" alone on its line, as a standard's page sets it: it was a clause 第1段)
    # (and an annex a document ends with, "附件：请假申请表" over its form: it ran into the last article; held-out probe;
    # or "附件 名词解释", probe P39; or "附：" with its name, its note in brackets: "附：跨境商品风险告知书（范本，2023版）",
    # probe P41)
    ("named", re.compile(r"(前言|引言|[前引][ \u3000]{1,2}言(?=\s*$)|附\s*录\s*[A-Z]|(?:封面|题注)(?=：)|"
                         r"附\s*件\s*[一二三四五六七八九十\d]{0,2}(?=(?:\s*[：:]|[ \u3000]+)" + _NO_DUTY + r"\s*[^。；;，,]{2,30}$)|"
                         r"附(?=\s*[：:]" + _NO_DUTY + r"\s*(?:[^。；;，,（(]|[（(][^）)。；;]{1,16}[)）]){2,30}$))：?\s*")),
    # (封面, 题注: ingest.clean.cover_line, note_line)
    # (an annex's own, "A.1 本标准所称偏远地区包括：…" under "附录A": they ran together into one clause; only in that annex)
    # (a space after it: "A.1级商家每月抽查一次" is a grade)
    ("std", re.compile(r"([A-H](?:\.\d{1,2}){1,3})\.?\s+")),
    ("std", re.compile(rf"(\d{{1,2}}(?:\.\d{{1,2}}){{1,4}})\.?(?:\s+|(?=[{CJK}]))")),
    ("std", re.compile(rf"(\d{{1,2}})\s+(?=[{CJK}]{{2,12}}(?:\s|$|[{CJK}]))")),
    # a question of a FAQ, its answer under it ("问1：…？" / "答：…", "Q3：…"): the eight of probe P36's were one clause
    # (or unnumbered, "问：…" / "答：…", numbered in turn: the six of probe P47's and P44's were one clause, and a question
    # was answered by an answer to another; a line's start, or after the answer before it ends: _unnumbered_question)
    ("qa", re.compile(r"(?:问|Q)\s*(\d{0,2})\s*[：:]\s*(?=\S)")),
    ("cn", re.compile(rf"([{CN_NUM}]{{1,3}})[、]\s*")),
    ("pcn", re.compile(rf"[（(]\s*([{CN_NUM}]{{1,3}})\s*[)）]\s*[、.．]?\s*")),
    ("num", re.compile(r"(\d{1,2})(?:、|[.．](?!\d))\s*")),
    ("pnum", re.compile(r"[（(]\s*(\d{1,2})\s*[)）]\s*[、.．]?\s*")),
    ("rnum", re.compile(r"(\d{1,2})[)）]\s*")),  # 1)
    ("circ", re.compile(r"([①-⑳])\s*")),  # ①
    ("alpha", re.compile(rf"([a-z])[.．、)）]\s*(?=[{CJK}])")),
]
# Types whose marker is a heading above articles; they never nest under list items.
STRUCTURAL = ("chapter", "section", "article")
# What may stand before a marker in the middle of a line.
PUNCT_BEFORE = set("。；;：:，,！？!?、")
SENTENCE_END = set("。；;：:！？!?")
REF_BEFORE = set("第按见照据依在于至和及与、")
# What a sub-title does not end with: a reference ("按前款（二）、（三）项…", "上述(二)、(三)项…"), a lead-in
# ("二审法院遂判决：一、…") or a quotation ("将…修改为：“一、…")
_NOT_SUBTITLE = re.compile(r"(?:[款条项章节编以按有依据照见：:“”\"「」]|上述|下列|前述)$|[“”\"「」]")
_REF_LIST = re.compile(r"\s*[、，,和及与或至到]\s*[（(]?[一二三四五六七八九十百\d]+")
# What ends the text before a 第X条 that cites another article of a law ("本法第五十九条", "《…办法》第三条").
LAW_REF = re.compile(r"(本|法|条例|规定|办法|细则|规则|解释|决定|章程|》)\s*$")
PART_DEPTH_BELOW = 3  # Markdown depth (level - 1) of a heading below a code's 编 (1) and 分编 (2)
CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
CN_DIGITS.update({"〇": 0, "两": 2})


def cn_to_int(s: str) -> int:
    """'二十三' → 23, '一百零五' → 105, '12' → 12."""
    if s.isdigit():
        return int(s)
    total, num = 0, 0
    for ch in s:
        if ch in CN_DIGITS:
            num = CN_DIGITS[ch]
        elif ch in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[ch]
            total += (num or 1) * unit
            num = 0
    return total + num


def int_to_cn(n: int) -> str:
    """23 → '二十三', 105 → '一百零五', 110 → '一百一十', 10 → '十' (for 款 numbers, which documents never print, and
    the numbers Word draws before a list counted in Chinese)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            out += ("零" if zero and out else "") + digits[d] + unit
            zero = False
        elif out:
            zero = True
    return out


ANNEX_BASE = 1000  # an annex's letter in a standard number's value: A.2 is (1000, 2), after every chapter's


def _value(kind: str, raw: str) -> int | tuple[int, ...]:
    if kind == "std":
        return tuple(int(p) if p.isdigit() else ANNEX_BASE + ord(p) - ord("A") for p in raw.split("."))
    if kind == "alpha":
        return ord(raw) - ord("a") + 1
    if kind == "circ":
        return ord(raw) - ord("①") + 1
    if kind == "named":
        return 0
    return cn_to_int(raw)


def match_marker(text: str, pos: int = 0):
    """(kind, raw number, end) of the marker at ``pos``, or None."""
    for kind, pat in MARKERS:
        m = pat.match(text, pos)
        if m:
            return kind, m.group(1), m.end()
    return None


def starts_with_marker(line: str) -> bool:
    """Does a line open a numbered unit (used to decide where broken lines may join)?"""
    s = line.lstrip("# ")
    m = match_marker(s)
    if not m:
        return False
    kind, raw, end = m
    if kind == "std" and "." not in raw:
        return True
    return end < len(s) or kind in STRUCTURAL


def _ends_in_a_row(text: str) -> bool:
    """Does the text end in a table's row: a Markdown table's, or one of two lines or more with cells a tab apart (one
    line with a tab is no table: "1. 退款时限：\t商家应当在…" / "7日内完成退款。" is one sentence)?"""
    lines = text.rsplit("\n", 2)
    last = lines[-1].strip()
    return (last[:1] in ("|", "｜") and last[-1:] in ("|", "｜")) or len(lines) > 1 and "\t" in last and "\t" in lines[-2] \
        or len(lines) > 1 and pipe_row(last, lines[-2], "")


@dataclass
class Node:
    kind: str
    raw: str
    value: object
    marker: str
    parts: list[str] = field(default_factory=list)  # paragraphs of own text
    children: list["Node"] = field(default_factory=list)
    parent: "Node | None" = None
    seq: int = 0
    title: str = ""
    paragraphs_closed: bool = False  # a later paragraph starts a new 款 rather than continuing
    md_depth: int | None = None  # a chapter or section opened by a Markdown heading: that heading's depth

    @property
    def text(self) -> str:
        return "".join(self.parts).strip()


def _inside_word(text: str, pos: int) -> bool:
    """Is the numeral at ``pos`` the end of a word that starts before it ("多评合一、", "国家统一、", "其中之一、")? Then
    it is no "一、" marker; "负面清单一、…", "管理制度一、…" are cut before the numeral (jieba, in context)."""
    if not pos or not re.fullmatch(f"[{CJK}]", text[pos - 1]):
        return False
    start = max(0, pos - 8)
    at = start
    for w in words(text[start:pos + 2]):
        if at <= pos < at + len(w):
            return at < pos
        at += len(w)
    return False


def _heading_like(text: str, limit: int = 30) -> bool:
    s = text.strip()
    return 0 < len(s) <= limit and not any(p in s for p in "。；;！？!?，,")


# what opens a paragraph that speaks of the list before it as a whole
_CLOSING = re.compile(r"(?:以上|上述|上列|前述)(?:[各诸]?[项条点款])?(?:各项|所列|规定|要求|内容|事项|措施|制度|条款|标准|流程|情形|行为|工作|职责)")


class Segmenter:
    """Builds the numbering tree of one document from its cleaned paragraphs."""

    def __init__(self):
        self.root = Node("doc", "", 0, "")
        self.stack: list[Node] = [self.root]
        self.std_nodes: dict[tuple[int, ...], Node] = {}
        self.seq = 0
        self.norm_seen = ""  # normalised text seen so far, to drop repeated passages
        self.duplicates: list[str] = []
        self.last_node: dict[str, Node] = {}  # the latest node opened of each kind
        self.marker_depth: int | None = None  # depth of the Markdown heading being read, if it is numbered

    # -- markers -----------------------------------------------------------
    def _open_of(self, kind: str) -> int | None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].kind == kind:
                return i
        return None

    def _accept(self, kind: str, value, text: str, pos: int, end: int, at_start: bool, top_text: str,
                lead: str | None) -> bool:
        """Is a marker candidate at ``pos`` a real numbering marker (not a cross-reference)?

        ``top_text`` is the open clause's text so far; ``lead`` the paragraph's text before
        its first marker (None once a marker was accepted in this paragraph).
        """
        prev = text[:pos].rstrip()[-1:] if pos else ""
        space_after = text[end - 1].isspace()
        top = self.stack[-1]
        after_punct = prev in PUNCT_BEFORE
        run_in = lead is not None and _heading_like(lead)  # "一、管理制度(一)…", "…管理1、…"
        if at_start and kind == "named" and re.match(r"\s*附\s*件", text[pos:end]) and (
                top_text.rstrip().endswith(("：", ":")) or top_text.rstrip().rpartition("\n")[2].lstrip().startswith("附件")):
            return False  # annexes a lead-in lists ("…模板清单见下：" / "附件一：采购合同模板" / "附件二：…"), not one that opens
            # here (review)
        if kind == "std" and value[0] >= ANNEX_BASE:  # (at a line's start, in the annex of its letter)
            return at_start and value not in self.std_nodes and any(
                n.kind == "named" and _plain_marker(n) == f"附录{chr(value[0] - ANNEX_BASE + ord('A'))}" for n in self.stack)
        if at_start:
            return True
        if prev == "第" or (kind not in STRUCTURAL and re.match(r"[项款](?![目式项])", text[end:end + 2])):
            return False  # 第五条第（一）项, （二）项所列: a reference to another clause's item
        if prev in REF_BEFORE and not after_punct and (kind in ("std", *STRUCTURAL) or not (
                run_in or _heading_like(top_text))):
            return False  # 按5.2.1, 依照第十条; but "第一条目的和依据1.为了…" is a run-in heading
        if kind == "std":
            if value in self.std_nodes:
                return False
            if (top.kind == "chapter" and value == (top.value, 1) and space_after
                    and _heading_like(top_text, 24)):
                return True  # run together after its chapter's heading: "第二章服务平台的定位和功能2.1 服务平台定位…"
            spaced = text[pos - 1].isspace()
            return (space_after or after_punct) and (self._std_expected(value) or (
                after_punct and spaced and len(value) > 1))
        if kind == "named":
            return False
        if kind == "cn" and not after_punct and _inside_word(text, pos):
            return False  # "实行多评合一、联合评估", "作为其中之一、": a word that ends in the numeral
        i = self._open_of(kind)
        open_value = self.stack[i].value if i is not None else 0
        if kind in ("chapter", "article"):
            last = self.last_node.get(kind)
            open_value = last.value if last else 0  # numbered through the whole document
        if kind in STRUCTURAL:
            first_of_kind = kind in ("chapter", "article") and kind not in self.last_node
            if value != open_value + 1 and not first_of_kind:
                return False
            # run together after a heading: "第三章企业经营行为第十一条…"
            if top.kind in ("chapter", "section") and _heading_like(top_text, 24):
                return True
            if run_in and not LAW_REF.search(text[:pos]):  # but "除本法第五十九条规定…" cites an article
                return True
            return prev in SENTENCE_END and not first_of_kind
        if i is not None and value == open_value + 1:
            return after_punct or _heading_like(top_text)
        if value != 1:
            return False
        if i is not None:
            return run_in  # a new list restarting after a run-in heading
        return after_punct or _heading_like(top_text) or run_in

    def _std_expected(self, value: tuple[int, ...]) -> bool:
        if value in self.std_nodes:
            return False
        parent = value[:-1]
        if parent and parent in self.std_nodes:
            siblings = [v for v in self.std_nodes if v[:-1] == parent]
            return value[-1] == 1 or (value[:-1] + (value[-1] - 1,)) in siblings
        return False

    def _md_prefix(self, chapter: bool = False) -> list[Node]:
        """The stack down to the Markdown headings above a new chapter (刑法's "## 第一编 总则",
        民法典's part files): those a heading of the chapter's own level or higher does not close. A chapter in
        plain text closes a heading below the parts of a code (a lost chapter's title, "运输管理")."""
        keep = [self.root]
        for n in self.stack[1:]:
            if n.kind != "md" or (self.marker_depth is not None and n.value >= self.marker_depth):
                break
            if chapter and self.marker_depth is None and n.value >= PART_DEPTH_BELOW:
                break
            keep.append(n)
        return keep

    def _open(self, kind: str, raw: str, value, marker: str) -> Node:
        if kind == "chapter":
            self.stack = self._md_prefix(chapter=True)
        elif kind == "section":
            i = self._open_of("chapter")
            self.stack = self.stack[: i + 1] if i else self._md_prefix()
        elif kind == "article":
            i = next((j for j in range(len(self.stack) - 1, 0, -1) if self.stack[j].kind in ("chapter", "section")), 0)
            if i:  # and the plain headings under that chapter ("## 第二章 售后服务" / "### 退换货" / "第二条 …")
                while i + 1 < len(self.stack) and self.stack[i + 1].kind == "md":
                    i += 1
            self.stack = self.stack[: i + 1] if i else self._md_prefix()
        elif kind == "named":
            self.stack = [self.root]
        elif kind == "std":
            # standard numbering is explicit: 5.2.1's parent is 5.2 wherever it appeared
            i = next((j for j in range(len(self.stack) - 1, 0, -1)
                      if self.stack[j].kind in ("chapter", "section", "article", "md")
                      or value[0] >= ANNEX_BASE and self.stack[j].kind == "named"), 0)
            self.stack = self.stack[: i + 1]
            for depth in range(len(value) - 1, 0, -1):
                anc = self.std_nodes.get(value[:depth])
                if anc is not None:
                    self.stack.append(anc)
                    break
        else:
            fore = next((j for j, n in enumerate(self.stack) if n.kind == "named" and _plain_marker(n) in ("前言", "引言")), None)
            if kind == "cn" and fore is not None:
                self.stack = self.stack[:fore]  # "一、总则" after a company rule's 前言 is its first part, not the foreword's
            i = self._open_of(kind)
            if i is not None:
                self.stack = self.stack[:i]
            else:
                prev_node = self.last_node.get(kind)
                if (prev_node is not None and value == prev_node.value + 1
                        and prev_node.parent in self.stack):
                    # "1. 2. (4.1 4.2) 3.": the list resumes after an interruption
                    self.stack = self.stack[: self.stack.index(prev_node.parent) + 1]
        node = Node(kind, raw, value, marker)
        self.last_node[kind] = node
        node.seq = self.seq = self.seq + 1
        node.parent = self.stack[-1]
        node.parent.children.append(node)
        self.stack.append(node)
        if kind == "std" and value not in self.std_nodes:
            self.std_nodes[value] = node
        return node

    def finish(self):
        """Re-attach standard clauses that appeared before their parent (a jumbled PDF page)."""
        for value, node in self.std_nodes.items():
            if node.parent is not None and node.parent.kind == "std":
                continue
            for depth in range(len(value) - 1, 0, -1):
                anc = self.std_nodes.get(value[:depth])
                if anc is not None and anc is not node:
                    node.parent.children.remove(node)
                    anc.children.append(node)
                    anc.children.sort(key=lambda n: n.seq)
                    node.parent = anc
                    break

    # -- paragraphs -----------------------------------------------------------
    def reset(self):
        """A page or cover repeat of the title: whatever follows is not inside the open clause."""
        self.stack = [self.root]

    def heading(self, text: str, level: int, inner: bool = False):
        """A Markdown heading: numbered (## 第一章 总则) or a plain heading at its level. A plain heading nests under
        a chapter or section opened by a shallower heading ("## 第三章 售后" / "### 退换货"). ``inner``: a title line
        found between the articles of a law ("业主" right after "第三章 业主自治管理": a section that lost its
        第一节, under the chapter; "运输管理" after articles: a chapter that lost its 第X章, beside it)."""
        s = text.strip()
        m = match_marker(s)
        if m and m[0] in ("chapter", "section", "article", "named", "std"):
            self.marker_depth = max(1, level - 1)
            seq = self.seq
            try:
                self.paragraph(s)
            finally:
                for n in self.stack:
                    if n.seq > seq and n.kind in ("chapter", "section"):
                        n.md_depth = self.marker_depth
                self.marker_depth = None
            return
        depth = max(1, level - 1)

        def keeps(n: Node) -> bool:
            if n.kind == "md":
                return n.value < depth
            if n.kind in ("chapter", "section"):
                if inner:
                    return all(c.kind == "md" for c in n.children)
                return n.md_depth is not None and n.md_depth < depth
            return False

        while len(self.stack) > 1 and not keeps(self.stack[-1]):
            self.stack.pop()
        node = Node("md", s, depth, s)
        node.title = s
        node.seq = self.seq = self.seq + 1
        node.parent = self.stack[-1]
        node.parent.children.append(node)
        self.stack.append(node)

    def paragraph(self, text: str):
        """Feed one cleaned paragraph: split it at accepted markers and attach the pieces."""
        if self.stack[-1].kind == "named" and self.stack[-1].raw in ("封面", "题注"):
            self.stack.pop()  # a cover or a note is one line: what follows is no part of it (a preamble, a decision's 一、)
        if self._is_repeat(text) and not text.startswith("第") and not self._next_item(text):
            self.duplicates.append(text)
            return
        current: Node | None = None  # the node receiving text; None: continuation of the open one
        last = i = 0
        leading = len(text) - len(text.lstrip("# "))
        while i < len(text):
            at_start = i <= leading
            if at_start and text[i] in "# ":
                i += 1
                continue
            m = match_marker(text, i) if at_start or not (text[i - 1].isdigit() or text[i - 1] in ".．") else None
            if m and m[0] == "qa" and not m[1]:
                m = self._unnumbered_question(text, i, at_start, m)
            if m:
                kind, raw, end = m
                value = _value(kind, raw)
                pending = text[last:i]
                top_text = (current.text + pending) if current is not None else self.stack[-1].text
                lead = pending.strip("# ") if current is None else None
                if self._accept(kind, value, text, i, end, at_start, top_text, lead):
                    if self._restarts_under(kind, value, lead, text[end:]):
                        self._subtitle(lead.strip(), kind)  # "人事部管理制度一、…": a new part, not the open clause's
                    else:
                        self._attach(current, pending)
                    current = self._open(kind, raw, value, text[i:end])
                    last = i = end
                    continue
            i += 1
        self._attach(current, text[last:])
        self.norm_seen += norm(text)

    def _unnumbered_question(self, text: str, i: int, at_start: bool, m: tuple[str, str, int]):
        """A FAQ's question without its number ("问：…？"), numbered after the open one: at a line's start, or after the
        answer before it ends ("…答：可以。问：…"); not a word's end ("客服询问：…")."""
        i_open = self._open_of("qa")
        if not at_start and not (i_open is not None and text[i - 1] in "。！？!?"):
            return None
        return "qa", str(self.stack[i_open].value + 1 if i_open is not None else 1), m[2]

    def _restarts_under(self, kind: str, value, lead: str | None, after: str) -> bool:
        """Does a list start again at 1 after a run-in sub-title that opens the paragraph ("（七）…。" then
        "人事部管理制度一、招聘管理…")? The sub-title heads the new list; it is not the end of the open clause."""
        return (bool(lead) and kind not in (*STRUCTURAL, "std", "named") and value == 1
                and self._open_of(kind) is not None and _heading_like(lead) and not self._is_repeat(lead)
                and len(re.findall(r"[\u4e00-\u9fff]", lead)) >= 2 and not _NOT_SUBTITLE.search(lead)
                and not _REF_LIST.match(after))

    def _subtitle(self, title: str, kind: str) -> None:
        """Close the open list of ``kind`` and open a titled part (a sub-heading without a number) in its place."""
        self.stack = self.stack[: self._open_of(kind)]
        node = Node("sub", title, 0, "")
        node.title = title
        node.parts.append(title)
        node.seq = self.seq = self.seq + 1
        node.parent = self.stack[-1]
        node.parent.children.append(node)
        self.stack.append(node)

    def _next_item(self, text: str) -> bool:
        """Does the paragraph open the next item of an open list ("（八）" after "（七）")? Laws
        repeat an item's wording in several articles; that is no second copy of a passage."""
        m = match_marker(text.lstrip())
        if not m or m[0] in STRUCTURAL or m[0] in ("std", "named"):
            return False
        i = self._open_of(m[0])
        return i is not None and _value(m[0], m[1]) == self.stack[i].value + 1

    def _is_repeat(self, text: str) -> bool:
        """Has the document already said this passage (a second copy in a scraped compilation)?"""
        n = norm(text)
        return len(n) >= 30 and n in self.norm_seen

    def _attach(self, node: "Node | None", piece: str):
        if node is None:
            piece = piece.strip("# ")
            if self._is_repeat(piece):
                self.duplicates.append(piece)
                return
        if not piece.strip():
            return
        if node is None:
            self._continue(piece)
        else:
            node.parts.append(piece)

    def _continue(self, text: str):
        top = self.stack[-1]
        if top.kind == "qa" and "答" in top.text and not re.match(r"\s*(?:答|A)\s*[：:]", text) and (
                _heading_like(text) or "\t" in text or text.lstrip().startswith(("- ", "-\t"))):
            # a FAQ ends where a part's title, a table or a list follows an answer ("…拦截日志中可查。" / "修订记录" / "版本	日期…":
            # probe P44's table of revisions ran into its last answer)
            self.stack.pop()
            self._continue(text)
            return
        if top is self.root:
            self._para(self.root, text)
            return
        if text.startswith("——") and top.text.endswith("。"):
            # a dash list separated from the clause that announced it ("…包括：") by a page break
            opener = self._open_lead_in()
            if opener is not None:
                opener.parts.append("\n" + text)
                return
        # (1、 / 1) / ① items too where they are the article's own, not items of an item)
        after_items = top.text.endswith("。") and (top.kind in ("pcn", "pnum") or top.kind in ("num", "rnum", "circ", "alpha")
                                                  and top.parent is not None and top.parent.kind == "article")
        if (after_items or top.kind == "kuan") and any(n.kind == "article" for n in self.stack):
            # legal drafting: a paragraph after the items is the article's next 款; it stands as a
            # clause of its own so that the article reads in order: lead-in, items, further 款
            while self.stack[-1].kind != "article":
                self.stack.pop()
            article = self.stack[-1]
            n = article.text.count("\n") + 1 + sum(c.kind == "kuan" for c in article.children) + 1
            node = self._open("kuan", str(n), n, "")
            node.parts.append(text)
            return
        if top.kind in ITEM_KINDS and _CLOSING.match(text) and top.text.rstrip().endswith(("。", "；", ";")) \
                and not top.children and not re.search(r"——|\n", top.text.strip()) \
                and not any(n.kind == "article" for n in self.stack):
            # a paragraph after a list that speaks of all its items ("以上要求由仓库主管负责督促落实。") is no part of
            # the last item: it stands under the list's heading, as a paragraph of its own (not after an item with a list
            # of its own, "验收时必须核对以下内容：——…" / "以上内容核对无误后方可入库。", of which it speaks)
            while self.stack[-1] is not top.parent:
                self.stack.pop()
            self.stack.append(self._para(top.parent, text))
            return
        if top.kind == "article" or top.kind == "para" or (top.kind not in STRUCTURAL and short_heading(_own(top))
                                                           and not top.text.endswith(("：", ":"))) \
                or top.kind in ("chapter", "section") and short_heading(_own(top)) and re.search(r"[。；;，,：:]", text):
            # (a sentence under a chapter's title, "## 第四章 违规与扣分" / "商家违规的，…"; not the rest of a title broken in
            # two, "第五章 代表建议、批评和意见" / "办理工作的监督检查")
            # (the text under a numbered heading, "1 范围" / "本文件规定了…", is a line of its own too)
            top.parts.append("\n" + text)
        elif "\t" in text or text.startswith(("|", "｜", "——", "- ", "* ", "•", "●", "▪", "◆", "■")) or _ends_in_a_row(top.text) \
                or inner_pipe_cells(text) and (top.text.endswith(("：", ":")) or pipe_row(text, top.text.rpartition("\n")[2], "")) \
                or CITED_STANDARD.match(text):  # (a standard's normative references, one a line: "GB/T 18354 物流术语")
            # a table's row (cells a tab apart, or a Markdown table's) is a line of its own: "数据类别\t保存期限" /
            # "订单数据\t3年", "| 省内 | 48小时 |"; and so is the text after a table ("| 破损 | 补发 |商家应当…" ran on)
            top.parts.append("\n" + text)
        else:
            top.parts.append(text)

    def _para(self, parent: Node, text: str) -> Node:
        """A paragraph of its own under ``parent`` (a document's, or a list's heading's after the list)."""
        node = Node("para", "", None, "")
        node.seq = self.seq = self.seq + 1
        node.parent = parent
        node.parts.append(text)
        parent.children.append(node)
        return node

    def _open_lead_in(self) -> Node | None:
        for node in sorted(self.std_nodes.values(), key=lambda n: -n.seq):
            t = node.text
            if t.endswith((":", "：")) and not node.children and "——" not in t:
                return node
        return None



# -- records ---------------------------------------------------------------------------

MAX_CHARS = 400  # longer clauses are split at 款 or sentence boundaries
MIN_CHARS = 6  # shorter fragments merge into their parent
LEAD_IN = 60  # how much of a parent's lead-in its items carry as context

KEY_PREFIX = {"chapter": "c", "section": "s", "article": "a", "cn": "h", "pcn": "i", "num": "n",
              "pnum": "p", "rnum": "r", "circ": "o", "alpha": "l", "kuan": "k", "qa": "q"}


_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _marker_label(node: Node) -> str:
    """A clause's own marker as its label shows it, its digits plain ("１．" is 1.; the reader types 1)."""
    return _plain_marker(node).translate(_WIDE_DIGITS)


def _plain_marker(node: Node) -> str:
    k, raw = node.kind, node.raw
    if k in ("chapter", "section", "article"):
        return re.sub(r"\s+", "", node.marker)
    if k == "named":
        return re.sub(r"\s+", "", raw)
    if k == "std":
        return raw
    if k == "kuan":
        return f"第{int_to_cn(int(raw))}款"
    return {"cn": f"{raw}、", "pcn": f"（{raw}）", "num": f"{raw}.", "pnum": f"（{raw}）", "rnum": f"{raw})",
            "alpha": f"{raw}.", "qa": f"问{raw}"}.get(k, raw)


def _key(node: Node) -> str:
    k = node.kind
    if k == "std":
        return node.raw
    if k == "named":
        raw = _plain_marker(node)
        if raw.startswith("附件") or raw == "附":
            return f"att{cn_to_int(raw[2:]) if raw[2:] else ''}"
        return {"前言": "foreword", "引言": "intro", "封面": "cover", "题注": "note"}.get(raw, "annex" + raw[-1:])
    if k == "article" and (m := re.search(rf"之([{CN_NUM}]+)", node.marker)):
        return f"a{node.value}-{cn_to_int(m.group(1))}"  # 第一百二十条之一: its own id, not a120~2
    if k in KEY_PREFIX:
        return f"{KEY_PREFIX[k]}{node.value}"
    return k


def _own(node: Node) -> str:
    return node.text.lstrip("：:、.． ").strip()


def _is_heading(node: Node) -> bool:
    """A title or a short lead-in of the clauses under it; a clause with nothing under it is never one."""
    own = _own(node)
    if not node.children:
        return not own
    if not own or _heading_like(own):
        return True
    # a short lead-in ("本制度遵循以下原则：") heads its items; one that states a rule in a
    # sentence of several phrases ("消费者有权……，但下列商品除外：") or a whole sentence of its own
    # ("客服人员应当在30秒内响应客户咨询。" before its items) is a clause itself
    # (a Markdown heading's own words are the text under it, its title apart: "## 二、投诉处理" / "客服应当…。")
    sentence = node.kind not in ("chapter", "section", "std", "sub", "named") and own.rstrip().endswith(("。", "！", "!"))
    return len(own) <= 40 and not any(p in own for p in "，,；;") and not sentence


def _bigrams(text: str) -> set[str]:
    n = norm(text)
    return {n[i:i + 2] for i in range(len(n) - 1)}


def near_duplicate(a: str, b: str, threshold: float = 0.8) -> bool:
    """Character-bigram Jaccard similarity at or above ``threshold``."""
    x, y = _bigrams(a), _bigrams(b)
    return bool(x and y) and len(x & y) / len(x | y) >= threshold


def _split_long(text: str, limit: int = MAX_CHARS) -> list[tuple[int, str]]:
    """Split at 款 (line breaks), then at sentence ends, into parts of at most ``limit`` chars;
    each part with the number of the 款 it belongs to."""
    paras = [p for p in text.split("\n") if p.strip()]
    parts: list[tuple[int, str]] = []
    for no, p in enumerate(paras, 1):
        if len(p) <= limit:
            parts.append((no, p))
            continue
        sentences = re.findall(r"[^。；！？]*[。；！？]?", p)
        buf = ""
        for sent in filter(None, sentences):
            if buf and len(buf) + len(sent) > limit:
                parts.append((no, buf))
                buf = ""
            buf += sent
        if buf:
            parts.append((no, buf))
    return parts


ITEM_KINDS = ("cn", "pcn", "num", "pnum", "rnum", "circ", "alpha", "qa")


def _fold_short_lists(node: Node) -> None:
    """A list of words, not sentences ("主刑的种类如下：（一）管制；（二）拘役；…"): where most of its items are too short to
    stand as clauses of their own, the list is one clause, its lead-in with every item (they were dropped before)."""
    for child in node.children:
        _fold_short_lists(child)
    items = [c for c in node.children if c.kind in ITEM_KINDS]  # not a 款 after the list ("附加刑也可以独立适用。")
    if (node.kind == "doc" or not items or any(c.children for c in items)
            or sum(len(norm(_own(c))) < MIN_CHARS for c in items) * 2 < len(items)):
        return  # a list of sentences with a few short items ("（十）抵押权；") keeps each item
    node.parts.append("".join((c.marker + c.text).strip() for c in items))
    node.children = [c for c in node.children if c not in items]


def _descendants(node: Node):
    for child in node.children:
        yield child
        yield from _descendants(child)


def _chapter_of(node: Node) -> Node | None:
    """The chapter an article stands in, if any."""
    p = node.parent
    while p is not None and p.kind != "chapter":
        p = p.parent
    return p


def _titled_key(node: Node) -> str:
    """The key of a part known by its title (a Markdown heading, a sub-title): from the title, not its position, so that a
    heading added above renumbers nothing; the articles a part numbers again are keyed under it by this key too."""
    return "m" + doc_id_for(node.title)[:6]


def _part_of(node: Node, chapters: bool) -> Node | None:
    """The part whose numbering an article's restarts with: its chapter, or in a document without chapters the titled
    part it stands under ("二、保密规定" over 第一条…, a rule set in a handbook's part)."""
    if chapters:
        return _chapter_of(node)
    p = node.parent
    return p if p is not None and p.kind in ("sub", "md") else None


def _joined(label: tuple[str, ...]) -> str:
    """A clause's label from its numbers: run together ("三、（二）1."), but a number after one that ends in a digit or a
    point is a space apart ("3.1 2.": item 2. under "### 3.1 发放" read "3.12.", a clause 3.12)."""
    out, last = "", ""
    for part in label:
        # (and after a heading's title: "第五章 附则 1.", not "第五章 附则1.")
        out += " " + part if (re.search(r"[\d.．]$", out) or " " in last.strip()) and re.match(r"\d", part) else part
        last = part
    return out


def build_clauses(title: str, seg: Segmenter, source: str = "") -> tuple[list[Clause], list[tuple[str, str]]]:
    """Turn a document's numbering tree into clause records; also return near-duplicate pairs."""
    seg.finish()
    _fold_short_lists(seg.root)
    doc_id = doc_id_for(title)
    out: list[Clause] = []
    by_id: dict[str, Clause] = {}
    dups: list[tuple[str, str]] = []
    paras_under: dict[int, int] = {}

    def emit(clause: Clause) -> Clause:
        cid = clause.id
        if cid in by_id:
            first = by_id[cid]
            n = 2
            while f"{cid}~{n}" in by_id:
                n += 1
            clause = _replace(clause, id=f"{cid}~{n}")
            if near_duplicate(first.text, clause.text):
                clause = _replace(clause, near_dup_of=first.id, role="duplicate")
                dups.append((first.id, clause.id))
        by_id[clause.id] = clause
        out.append(clause)
        return clause

    def walk(node: Node, key: tuple[str, ...], label: tuple[str, ...], path: tuple[str, ...],
             context: tuple[str, ...], parent_id: str | None):
        for child in node.children:
            own = _own(child)
            if child.kind == "para":
                n = paras_under[id(node)] = paras_under.get(id(node), 0) + 1
                ckey, clabel, cpath = key + (f"para{n}",), label + (f"第{n}段",), path + (f"第{n}段",)
            elif child.kind in ("md", "sub"):
                # keyed by its title, not its position: a heading added above does not renumber
                ckey = key + (_titled_key(child),)
                clabel, cpath = label + (child.title + " ",), path + (child.title,)
            else:
                mk = _marker_label(child)
                part = _part_of(child, chaptered) if child.kind == "article" and restarted else None
                if part is not None and part.kind == "chapter":
                    # articles numbered again in each chapter (a handbook of rule sets): 第三章第五条, keyed c3/a5 (all
                    # five 第一条 of a held-out handbook were "第一条", a1~2…a1~5)
                    ckey, clabel = (_key(part), _key(child)), (_marker_label(part), mk)
                elif part is not None:  # …or in each titled part: "二、保密规定 第一条", keyed by the part's title
                    ckey, clabel = (_titled_key(part), _key(child)), (part.title + " ", mk)
                elif child.kind in ("article", "std"):
                    ckey, clabel = (_key(child),), (mk,)
                else:
                    ckey, clabel = key + (_key(child),), label + (mk,)
                if child.kind in ("chapter", "section"):
                    clabel = label + (f"{mk} {own}" if _heading_like(own) else mk,)
                cpath = path + ((f"{mk} {own}" if own and _heading_like(own) else mk),)
            cid = f"{doc_id}/" + "/".join(ckey)
            full_label = (f"《{title}》" + _joined(clabel)).rstrip()
            display = (child.marker + child.text).strip() if child.kind not in ("para", "md") else child.text
            heading = _is_heading(child) or child.kind in ("chapter", "section", "md") and _heading_like(own)
            if not child.children and not own:
                continue  # a number with no text (a table of numbers, a jumbled page)
            if (not child.children and len(norm(own)) < MIN_CHARS and node is not seg.root
                    and not (child.kind in ITEM_KINDS and len(re.findall(f"[{CJK}]", own)) >= 2)):
                continue  # a fragment too small to stand alone (a stray number, a letter); an item is kept
            role = "heading" if heading else "clause"
            # the text under a Markdown heading ("## 一、退换货" / "客户收到商品…") is indexed with that heading
            ctx = " › ".join((title,) + context + ((child.title,) if child.kind == "md" and own else ()))
            if role == "clause" and len(display) > MAX_CHARS:
                group = emit(Clause(cid, doc_id, title, full_label, cpath, display, ctx, clabel[-1],
                                    parent_id, child.seq, source, role="group"))
                parts = _split_long(display)
                several = parts[-1][0] > 1  # an article of several 款: each part cites its 款
                for n, (kuan, part) in enumerate(parts, 1):
                    plabel = full_label + (f"第{int_to_cn(kuan)}款" if several else "")
                    emit(Clause(f"{group.id}#{n}", doc_id, title, plabel,
                                cpath + ((f"第{int_to_cn(kuan)}款",) if several else ()), part, ctx,
                                clabel[-1], group.id, child.seq, source))
            else:
                made = emit(Clause(cid, doc_id, title, full_label, cpath, display, ctx, clabel[-1],
                                   parent_id, child.seq, source, role=role))
                cid = made.id
            lead_in = " " + own[:LEAD_IN] if own and not _heading_like(own) else ""
            sub_context = context + (cpath[-1] + lead_in,)
            walk(child, ckey, clabel, cpath, sub_context, cid)

    # (articles numbered again in each chapter, or in each titled part of a document without chapters: two parts or more
    # start at 第一条, not a law whose amending decision repeats it)
    articles, firsts = [], {}  # every article's number; each part's first
    chaptered = any(n.kind == "chapter" for n in _descendants(seg.root))
    for n in _descendants(seg.root):
        if n.kind == "article":
            articles.append(n.value)
            if (part := _part_of(n, chaptered)) is not None:
                firsts.setdefault(id(part), n.value)
    restarted = len(articles) != len(set(articles)) and sum(v == 1 for v in firsts.values()) >= 2
    walk(seg.root, (), (), (title,), (), None)
    # a heading whose content was all dropped (a repeated page) is no clause's ancestor
    parents = {c.parent_id for c in out}
    out = [c for c in out if c.role != "heading" or c.id in parents]
    return out, dups


def _replace(clause: Clause, **changes) -> Clause:
    from dataclasses import replace
    return replace(clause, **changes)


# -- run-in headings ----------------------------------------------------------------------
# A list item whose heading lost its line break in extraction: "2. 支付安全平台要保障支付环节的安全…",
# "3. 解决方案提供根据问题的性质…". The heading is a short phrase; the sentence after it opens with a
# connective, with the heading's own word, restates the heading, or opens with who the rule binds and a modal.
_OPENERS = frozenset("在 对于 为了 根据 通过 随着 当 如果 若 由于 作为 以 每 每一次 定期 结合 按照 依据 依照 针对 基于 "
                     "良好 接到 收到".split())
_NOT_IN_HEADING = frozenset("应 应当 应该 要 须 必须 需 需要 不得 禁止 严禁 可 可以 能 能够 不 是 将 把 被 由 "
                            "了 也 都 还 就 已 原则上".split())
_NOT_FIRST = _OPENERS | frozenset("本 该 此 其 为 对 从 向 与 和".split())
_SUBJECT_END = re.compile(r"(?:平台|企业|公司|商家|经营者|人员|员工|部门|单位|团队|运营方|网站|客服|机构)$")
_MODAL_FIRST = re.compile(r"\s*(?:应|须|必须|不得|要|需|可以|禁止|严禁)")
_BINDS = re.compile(r"^(?:电子商务|电商)?(?:公共服务)?(?:平台运营方|平台|企业|商家|经营者|公司|网站)"
                    r"(?:应当|应该|应|要|必须|须|需要|不得|是|作为)")


def run_in_heading(body: str, among_headed: bool = False) -> str:
    """The heading run into the first sentence of a list item's text (without its number), '' where none
    is found. Only a candidate: ``run_in_headings`` keeps those of a list where most items have one. ``among_headed``:
    the item is of such a list, and words before a connective phrase the modal follows are its heading too ("问题解决
    在售后服务过程中，应确保…"; alone, "员工在上班期间，应…" has them for its subject)."""
    first = re.split(r"[，,。；;：:、（(“\"\s]", body, maxsplit=1)[0]
    toks = words(body[:40])
    if len(first) < 6 or not toks or toks[0] in _NOT_FIRST:
        return ""
    head, restating = "", ""
    for i, tok in enumerate(toks[:-1]):
        head += tok
        if len(head) > 10 or len(head) >= len(first) - 3 or tok in _NOT_IN_HEADING:
            break
        if len(head) < 2 or head.endswith(("的", "与", "和", "及", "之")):
            continue
        rest, nxt = body[len(head):], toks[i + 1]
        if rest[0] in "的之与和及、":  # the phrase goes on
            continue
        phrase = re.match(r"[^，,。；;：:]*[，,。；;：:]?", rest).group()
        # a connective opens a phrase of its own before a rule with its own subject or none ("在交易过程中，可能…",
        # "定期组织…，提升…"); one that runs to the end of the sentence ("非法经营数额在五百万元以上的；") or
        # is followed by the modal ("员工在上班期间，应…") has the words before it for its subject
        opens = nxt in _OPENERS and phrase.endswith(("，", ",")) and (among_headed or not _MODAL_FIRST.match(rest[len(phrase):]))
        if opens or nxt in {t for t in toks[:i + 1] if len(t) >= 2} or _BINDS.match(rest):
            return head
        # "售后服务标准制定明确的售后服务标准": the heading restated in the first phrase after it
        if len(head) >= 4 and head in phrase:
            restating = head  # the longest: "售后服务标准", not "售后服务"
    return restating


def _restated(heading: str, body: str) -> bool:
    """Does the item's text go on, right after its heading, with a word of the heading ("物流质量管理" / "物流环节是…"),
    a heading that joins no words (not a law's "使用或者变相" / "使用国家机关…的名义")?"""
    toks = words(body[len(heading):len(heading) + 8]) if heading and body.startswith(heading) \
        and not re.search(r"[或和及与并的、]", heading) else []
    return bool(toks) and len(toks[0]) >= 2 and toks[0] in heading


def run_in_headings(bodies: list[str], lead_in: bool = False) -> list[str]:
    """The run-in heading of each item of one list ('' for none): found only where most items of the list
    have one, as a scraped list loses the line breaks of all its headings alike ("企业应建设…" under the
    same list as "电子商务平台应支持…" has none), and no two items of a list have the same one. The items of a list a sentence leads in ("有下列情形之一的：")
    go on with that sentence and have none (``lead_in``)."""
    if lead_in:
        return [""] * len(bodies)
    found = [run_in_heading(b) for b in bodies]
    # headings differ from item to item: words that start several items ("电子商务平台应…", "电子商务企业应…")
    # are their subject
    found = [h if found.count(h) == 1 else "" for h in found]
    if len(bodies) < 2 or 2 * sum(map(bool, found)) <= len(bodies):
        # (but one its item restates at once, in a list of two or three: "1、商品质量管理跟传统的…", "2、物流质量管理物流
        # 环节是…"; the second's heading was read as its words, "物流质量管理物流环节是…,是否确保…"; held-out checklist probe)
        return [h if 2 <= len(bodies) <= 3 and _restated(h, b) else "" for h, b in zip(found, bodies)]
    # the rest of a list whose items mostly have one: "2. 问题评估接到顾客反馈后，…", "4. 问题解决在…过程中，应…" among
    # "1. 顾客反馈…", "3. 解决方案提供…" (their words were read as the item's own, "问题解决在售后服务过程中，是否确保…")
    # (not a subject: "电子商务平台在交易过程中，应…", "企业对于重大投诉，应…")
    found = [h or ("" if _SUBJECT_END.search(x := run_in_heading(b, among_headed=True)) else x) for h, b in zip(found, bodies)]
    return [h if found.count(h) == 1 else "" for h in found]
