"""Read regulation files (txt, md, docx, pdf, html) into plain text."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
}
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(FORMATS)

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# WHATWG treats these labels as GBK; gb18030 is its superset.
# A page read as bytes cannot really be UTF-16 if its meta tag is readable, so WHATWG reads it as UTF-8.
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "iso-8859-1": "cp1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main "
    "nav ol p pre section summary table tbody tfoot thead tr ul".split()
)
_DROP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "nav"})  # a site's menus are no text of it
_CELL_TAGS = frozenset({"td", "th"})
_NL, _TAB = object(), object()


class LoadError(ValueError):
    """A file that cannot be read as a regulation text; the message says why and what to do."""

    def __init__(self, source: str | os.PathLike[str], zh: str, en: str) -> None:
        self.source, self.zh, self.en = str(source), zh, en
        super().__init__(f"{self.source}: {zh} / {en}")

    def __reduce__(self):
        """Pickle by the constructor's arguments (e.g. across multiprocessing workers)."""
        return (type(self), (self.source, self.zh, self.en))


def no_citable_clause(source: str | os.PathLike[str]) -> LoadError:
    """The refusal of a file that was read but holds nothing to cite (ingest and uploads say it alike)."""
    return LoadError(source, "没有找到可引用的条文：文件里没有可识别的中文条款或段落，请确认这是法规或制度的文本",
                     "no citable clause found: the file holds no recognisable Chinese clause or paragraph")


@dataclass(frozen=True)
class LoadedText:
    """The text of one file, with its format and (for text formats) the detected encoding."""

    source: str
    format: str
    text: str
    encoding: str | None = None


def load_file(path: str | os.PathLike[str]) -> LoadedText:
    """Read one supported file into text, raising LoadError with a bilingual explanation."""
    source = str(path)
    p = Path(path)
    if not p.exists():
        raise LoadError(source, "文件不存在，请检查路径拼写", "file does not exist; check the spelling")
    if p.is_dir():
        raise LoadError(source, "这是一个目录而不是文件", "this is a directory, not a file")
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise LoadError(
            source,
            f"不支持的文件类型“{p.suffix or '（无扩展名）'}”，支持：{'、'.join(SUPPORTED_EXTENSIONS)}",
            f"unsupported file type {p.suffix or '(no extension)'!r}; "
            f"supported: {', '.join(SUPPORTED_EXTENSIONS)} (convert the file to one of these)",
        )
    data = _read_bytes(p, source)
    if fmt in ("txt", "md"):
        text, encoding = _decode(data, source)
    elif fmt == "html":
        text, encoding = _html_text(data, source)
    elif fmt == "docx":
        text, encoding = _docx_text(data, source), None
    else:
        text, encoding = _pdf_text(data, source), None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        if fmt == "pdf":
            raise LoadError(
                source,
                "PDF 中没有可提取的文字，可能是扫描件（图片），请先做文字识别（OCR）或提供文字版",
                "no extractable text in this PDF; it is probably scanned images - run OCR on it "
                "or supply a text-based PDF",
            )
        raise LoadError(
            source,
            "文件中没有可提取的文字，请检查导出的文件是否正确",
            "the file contains no extractable text; check that it was exported correctly",
        )
    return LoadedText(source=source, format=fmt, text=text, encoding=encoding)


def check_size(path: str | os.PathLike[str], max_bytes: int) -> None:
    """Refuse a file over ``max_bytes`` before anything reads it (a 50 MB text would take hours to embed)."""
    size = Path(path).stat().st_size
    if size > max_bytes:
        mb, limit = size / 2**20, max_bytes / 2**20
        raise LoadError(
            path,
            f"文件过大（{mb:.1f} MB，上限 {limit:g} MB）：请拆分成几个文件，或设置 TIAOWEN_INGEST__MAX_FILE_MB 提高上限",
            f"file too large ({mb:.1f} MB, limit {limit:g} MB): split it, or raise TIAOWEN_INGEST__MAX_FILE_MB",
        )


def iter_files(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]) -> list[Path]:
    """Expand files and directories (recursively, sorted, hidden entries skipped) to supported files."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    found: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        p = Path(given)
        if not p.exists():
            raise LoadError(
                given,
                "路径不存在，请检查路径拼写",
                "path does not exist; check the spelling",
            )
        if p.is_dir():
            batch = []
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    # "~$x.docx" is Word's lock file for an open document, not a document.
                    if name.startswith((".", "~$")) or Path(name).suffix.lower() not in FORMATS:
                        continue
                    batch.append(Path(root, name))
            candidates = sorted(batch)
        else:
            candidates = [p]  # explicit files go through; load_file explains unsupported ones
        for f in candidates:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                found.append(f)
    return found


def _read_bytes(p: Path, source: str) -> bytes:
    """Read the whole file, turning OS errors and empty files into LoadError."""
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise LoadError(source, "文件不存在，请检查路径拼写", "file does not exist; check the spelling") from None
    except IsADirectoryError:
        raise LoadError(source, "这是一个目录而不是文件", "this is a directory, not a file") from None
    except OSError as exc:
        raise LoadError(
            source,
            f"无法读取文件（{exc.strerror or exc}），请检查权限",
            f"cannot read the file ({exc.strerror or exc}); check its permissions",
        ) from None
    if not data:
        raise LoadError(source, "文件是空的（0 字节），请重新导出", "the file is empty (0 bytes); re-export it")
    return data


def _binary(source: str) -> LoadError:
    """The error for bytes that are not text in any encoding we accept."""
    return LoadError(
        source,
        "看起来不是文本文件（含有二进制内容或无法识别的编码），请另存为 UTF-8 文本",
        "looks like a binary file (binary content or unrecognised encoding); save it as UTF-8 text",
    )


def _decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode text bytes: UTF-8, then a UTF-16/32 BOM, then GB18030, then charset-normalizer's guess."""
    text: str | None = None
    encoding = ""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data.decode(name), name
            except UnicodeDecodeError:
                raise _binary(source) from None
            break
    if text is None:
        if b"\x00" in data:
            raise _binary(source)
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
            if text.startswith("\ufeff"):
                text, encoding = text[1:], "utf-8-sig"
        except UnicodeDecodeError:
            pass
    if text is None:
        try:
            text, encoding = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            pass
    if text is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise _binary(source)
        text, encoding = str(best), best.encoding
    # Text in the wrong encoding, or binary that happens to decode, is full of control characters.
    if len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise _binary(source)
    return text, encoding


def _html_text(data: bytes, source: str) -> tuple[str, str]:
    """Decode HTML (BOM, then meta charset, then text detection) and extract its visible text by blocks."""
    text: str | None = None
    encoding = ""
    has_bom = any(data.startswith(bom) for bom, _ in _BOMS) or data.startswith(codecs.BOM_UTF8)
    if not has_bom and b"\x00" not in data:
        m = _META_CHARSET.search(data[:4096])
        if m:
            label = m.group(1).decode("ascii").lower()
            name = _CHARSET_ALIASES.get(label, label)
            try:
                codecs.lookup(name)
                text, encoding = data.decode(name), name
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong or unknown declaration: fall back to detection
    if text is None:
        text, encoding = _decode(data, source)
    try:
        from bs4 import BeautifulSoup

        try:
            soup = BeautifulSoup(text, "lxml")
        except Exception:  # bs4.FeatureNotFound when lxml is missing
            soup = BeautifulSoup(text, "html.parser")
        return _visible_text(soup), encoding
    except Exception as exc:
        raise LoadError(
            source,
            f"无法解析 HTML（{type(exc).__name__}），请检查文件是否完整",
            f"cannot parse the HTML ({type(exc).__name__}: {exc}); check the file is complete",
        ) from None


def _visible_text(soup) -> str:
    """Visible text of a parsed page, one line per block element, table cells joined by tabs."""
    from bs4 import CData, NavigableString, Tag

    parts: list[object] = []
    pre_depth = 0
    stack: list[tuple[object, bool]] = [(soup, False)]  # iterative: deep pages would overflow recursion
    while stack:
        node, closing = stack.pop()
        if isinstance(node, NavigableString):
            if type(node) is NavigableString or isinstance(node, CData):  # skip comments, doctype
                parts.append(str(node) if pre_depth else _collapse(str(node)))
            continue
        if not isinstance(node, Tag):
            continue
        name = (node.name or "").lower()
        if closing:
            if name == "pre":
                pre_depth -= 1
            if name in _BLOCK_TAGS:
                parts.append(_NL)
            elif name in _CELL_TAGS:
                parts.append(_TAB)
            continue
        if name in _DROP_TAGS or _page_chrome(node, name):
            continue
        if name == "br":
            parts.append(_NL)
            continue
        if name in _BLOCK_TAGS:
            parts.append(_NL)
        if name == "li" and (marker := _list_number(node)):
            parts.append(marker)
        if name == "pre":
            pre_depth += 1
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    joined = "".join("\n" if x is _NL else "\t" if x is _TAB else x for x in parts)
    lines = []
    for line in joined.split("\n"):
        line = re.sub(r" *\t *", "\t", re.sub(r"[ \u00a0]+", " ", line))
        line = line.strip(" \u3000").rstrip("\t")  # a leading tab is an empty first cell
        if line.strip():
            lines.append(line)
    return "\n".join(lines)


def _list_number(li) -> str:
    """The number a browser shows before an ordered list's item ("1. "), which the text does not hold: the items of
    "晒单内容不得包含下列内容：" ran into it as lines of the article. An item that writes its own number keeps it."""
    from bs4 import Tag

    parent = li.parent
    kind = (parent.name or "").lower() if isinstance(parent, Tag) else ""
    if kind not in ("ol", "ul"):
        return ""
    from .segment import starts_with_marker

    own = li.get_text(" ", strip=True)
    if starts_with_marker(own[:12]) or own.startswith(("-", "——", "•", "·", "*")):
        return ""
    if kind == "ul":
        # (a bullet list's item is a line of its own, as a Markdown list's "- " is: the items of "员工不得有下列行为：" ran
        # into it as one sentence, and four of its five bans were no checklist item; probe P20)
        return "- "
    try:
        start = int(parent.get("start") or 1)
    except ValueError:
        start = 1
    n = start + sum(1 for x in li.previous_siblings if isinstance(x, Tag) and (x.name or "").lower() == "li")
    # a list inside an item is its item's items: （1）, as a nested Markdown list's are (its "1." gave a second 第五条1.)
    return f"（{n}）" if li.find_parent("li") is not None else f"{n}. "


def _page_chrome(node, name: str) -> bool:
    """A site's furniture around the text: the page's footer (its copyright, licence number and hotline, "客服热线：400-…",
    ran into the last clause of a rules page) and header (its logo, "泊舟商城", was taken for the title of the rules
    under it, and its menu's 首页 / 规则中心 / 登录 for five clauses), what a page marks as its footer, banner or menus,
    and a list of nothing but short links (a menu not marked as one); not an article's own header or footer."""
    if {"contentinfo", "navigation", "banner"} & set((node.get("role") or "").lower().split()):  # (a role may be a list)
        return True
    # what a page's id or class names as its furniture: an intranet's top bar ("欢迎您，张晓明 | 消息(3) | 退出"), sidebar
    # ("相关制度", "热门下载" and its files' names), breadcrumb, pager and footer: all were clauses of a held-out page; a bar
    # marked only "top", "side", "logo" or "slogan" too ("蓝湾OA · 协同办公门户", its sidebar's "- 售后服务与退换货管理办法（2024修订）"
    # and the page's motto "品质为本 诚信直播" titled two held-out pages' rules, probes P34, P35) (a footer
    # of a section in the text stays, as its <footer> does)
    # (a header or footer so marked as its tag is: not a section's, nor a header that holds the page's heading)
    # (a whole id or class token, not a part of one: card-header, accordion-header, table-header, article-footer, nav-tabs,
    # menu-table hold text; nor a heading, a table's part or a paragraph, whatever it is named; review)
    marks = {m.group(1) or m.group(2) for t in [node.get("id") or "", *(node.get("class") or [])]
             if (m := _CHROME_MARK.fullmatch(t.lower()))}
    if marks and name not in _NEVER_CHROME and (
            marks - {"footer", "header"} or node.find_parent(_OWNS_A_FOOTER) is None
            and not ("header" in marks and node.find(["h1", "h2", "h3"]) is not None)):
        return True
    # (a footer belongs to the nearest section, quotation, figure… above it: "<blockquote>…<footer>《…法》第二十五条")
    if name in ("footer", "header"):
        # (a header that holds the page's heading is the page's title, "<header><h1>…规则</h1>": kept)
        return node.find_parent(_OWNS_A_FOOTER) is None and node.find_parent(attrs={"role": "main"}) is None \
            and not (name == "header" and node.find(["h1", "h2", "h3"]) is not None)
    # (an aside beside the text, not in it, is the site's: its list of the other rules of the section, "- 试用期管理规定",
    # were clauses of a held-out page, and one, the page's own, its title, "《- 一线员工岗前培训与上岗考核管理规定》")
    if name == "aside":
        return node.find_parent(["article", "main"]) is None and node.find_parent(attrs={"role": "main"}) is None
    # (a list of links inside the text is the text's: "下列商品禁止在平台销售：" / 管制刀具 / 烟草制品)
    # (or a bar of links side by side, "<div><a>首页</a><a>知识库</a>…<a>联系IT</a></div>": probe P47's rules were titled
    # 《首页知识库工单系统培训中心知识搜索联系IT客服催件与投诉升级操作规程（V3.2）》)
    return (name in ("ul", "ol") and _menu(node) or name == "div" and _link_bar(node)) \
        and node.find_parent(["article", "main"]) is None and node.find_parent(attrs={"role": "main"}) is None \
        and not _led_in(node)


def _link_bar(node) -> bool:
    """A block of nothing but two or more short links, side by side or set apart by bars or dots ("首页 | 知识库")."""
    from bs4 import NavigableString, Tag

    links = 0
    for x in node.children:
        if isinstance(x, Tag):
            text = x.get_text("", strip=True)
            if (x.name or "").lower() != "a" or not text or len(text) > 12:
                return False
            links += 1
        elif isinstance(x, NavigableString) and x.strip(" \t\r\n|｜·•/>›»-—"):
            return False
    return links >= 2


def _led_in(node) -> bool:
    """Does the text just before a list end in a colon, a lead-in whose items the list is ("依据下列法律：")?"""
    before = node.find_previous(string=lambda x: bool(x.strip()))
    return before is not None and before.strip().endswith(("：", ":"))


def _menu(node) -> bool:
    """A list whose every item is one short link and nothing else ("首页", "规则中心", "登录")."""
    from bs4 import Tag

    items = [x for x in node.children if isinstance(x, Tag)]
    if len(items) < 2 or any((x.name or "").lower() != "li" for x in items):
        return False
    for li in items:
        links = li.find_all("a")
        text = li.get_text("", strip=True)
        if len(links) != 1 or not text or text != links[0].get_text("", strip=True) or len(text) > 12:
            return False
    return True


_CHROME_MARK = re.compile(r"(footer|header|nav|navbar|navigation|menu|sidebar|side-bar|sidenav|topbar|top-bar|toolbar|"
                          r"breadcrumbs?|crumbs?|pager|pagination|copyright|top|side|logo|slogan)|"
                          r"(?:site|page|global|top|bottom|main)[-_]?(footer|header|nav|menu|bar|sidebar)")  # ("topnav")
_NEVER_CHROME = {"body", "html", "main", "article", "h1", "h2", "h3", "h4", "h5", "h6", "p", "table", "thead", "tbody",
                 "tr", "th", "td"}
_OWNS_A_FOOTER = ["article", "main", "section", "aside", "nav", "blockquote", "figure", "details", "fieldset", "td"]


_CJK = "\u3000-\u9fff\uff00-\uffef"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")


def _collapse(s: str) -> str:
    """Collapse HTML (ASCII) whitespace; a source line break between two CJK characters disappears."""
    return re.sub(r"[ \t\r\n\f]+", " ", _CJK_GAP.sub("", s))


def _damaged(source: str, kind: str, exc: BaseException | None = None) -> LoadError:
    """The error for a corrupt or truncated docx/pdf."""
    detail = f" ({type(exc).__name__}: {exc})" if exc is not None else ""
    return LoadError(
        source,
        f"文件已损坏或不完整，无法作为 {kind} 打开，请用原软件重新导出",
        f"file is damaged or truncated and cannot be opened as {kind}; re-export it{detail}",
    )


def _docx_text(data: bytes, source: str) -> str:
    """Paragraphs and table rows (cells joined by tabs) of a .docx body, in document order."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise LoadError(
            source,
            "这是旧版 Word（.doc）或加密文档，不是 .docx，请在 Word 中另存为 .docx",
            "this is a legacy Word .doc (or an encrypted document), not .docx; save it as .docx in Word",
        )
    if not data.startswith(b"PK"):
        raise _damaged(source, "DOCX")
    import io

    try:
        import docx
        from docx.table import Table

        document = docx.Document(io.BytesIO(data))
        numbers = _ListNumbers(document)
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_lines(block))
            else:
                number = numbers.of(block)
                lines.append(f"{number} {block.text.lstrip()}" if number and block.text.strip() else block.text)
    except Exception as exc:  # zipfile, lxml and python-docx all raise their own types
        raise _damaged(source, "DOCX", exc) from None
    return "\n".join(lines)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _w_val(element, tag: str) -> str | None:
    child = element.find(_W + tag) if element is not None else None
    return child.get(_W + "val") if child is not None else None


class _ListNumbers:
    """The numbers Word draws before auto-numbered paragraphs ("第一条", "（一）", "1."), which are not in their text:
    without them a rules document in Word loses its articles and items."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → level → (start, format, text)
        self.counts: dict[str, dict[int, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):  # no numbering part: nothing is auto-numbered
            return
        try:
            self._read(numbering)
        except (ValueError, TypeError):  # a number that is none ("w:start w:val='x'"): read as not numbered
            self.levels = {}

    def _read(self, numbering) -> None:
        abstract = {}
        for an in numbering.iter(_W + "abstractNum"):
            abstract[an.get(_W + "abstractNumId")] = {
                int(lvl.get(_W + "ilvl") or 0): (int(_w_val(lvl, "start") or 1), _w_val(lvl, "numFmt") or "decimal",
                                                 _w_val(lvl, "lvlText") or "")
                for lvl in an.iter(_W + "lvl")}
        for num in numbering.iter(_W + "num"):
            levels = dict(abstract.get(_w_val(num, "abstractNumId"), {}))
            for override in num.iter(_W + "lvlOverride"):
                ilvl, start = int(override.get(_W + "ilvl") or 0), _w_val(override, "startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl] = (int(start), *levels[ilvl][1:])
            self.levels[num.get(_W + "numId")] = levels

    def of(self, paragraph) -> str:
        """The number drawn before ``paragraph`` ('' where none), counting it; a numbering Word would not draw either
        (a level or a format the file does not define) draws none."""
        try:
            return self._drawn(paragraph)
        except (ValueError, KeyError, AttributeError):
            return ""

    def _drawn(self, paragraph) -> str:
        num_id, ilvl = self._numbering(paragraph)
        level = self.levels.get(num_id or "", {}).get(ilvl)
        if level is None:
            return ""
        counts = self.counts.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, level[0] - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:  # a new item restarts the levels below it
            del counts[deeper]
        if level[1] in ("bullet", "none"):
            return ""

        def number(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            start, fmt, _ = self.levels[num_id].get(k, (1, "decimal", ""))
            return _formatted(counts.get(k, start), fmt)

        return re.sub(r"%([1-9])", number, level[2]).strip()

    @staticmethod
    def _numbering(paragraph) -> tuple[str | None, int]:
        """numId and level of a paragraph's own numbering, else of its style's (a "List Number" paragraph)."""
        ppr = paragraph._p.pPr
        numpr = ppr.find(_W + "numPr") if ppr is not None else None
        style = paragraph.style
        while numpr is None and style is not None:
            sppr = style.element.find(_W + "pPr")
            numpr = sppr.find(_W + "numPr") if sppr is not None else None
            style = style.base_style
        if numpr is None:
            return None, 0
        num_id = _w_val(numpr, "numId")
        return (None if num_id in (None, "0") else num_id), int(_w_val(numpr, "ilvl") or 0)


def _formatted(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "ideographDigital", "chineseLegalSimplified"):
        from .segment import int_to_cn

        text = int_to_cn(n)
        return text.translate(str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")) \
            if fmt == "chineseLegalSimplified" else text
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10]
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt.startswith("decimalEnclosedCircle") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out


def _table_lines(table) -> list[str]:
    """One line per table row, cells joined by a tab; merged cells are counted once."""
    lines = []
    for row in table.rows:
        cells, last = [], None
        for cell in row.cells:
            if cell._tc is last:  # a horizontally merged cell repeats in row.cells
                continue
            last = cell._tc
            cells.append(" ".join(cell.text.split("\n")))
        lines.append("\t".join(cells))
    return lines


def _pdf_text(data: bytes, source: str) -> str:
    """Text of every page of a PDF, pages joined by newlines."""
    if b"%PDF-" not in data[:1024]:
        raise _damaged(source, "PDF")
    # pypdf silently repairs what it can, so a cut-off file (no end marker) is caught here.
    if b"%%EOF" not in data.rstrip(b"\x00 \t\r\n")[-2048:]:
        raise _damaged(source, "PDF")
    import io

    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as exc:
        raise _damaged(source, "PDF", exc) from None
    if encrypted:
        try:
            opened = bool(reader.decrypt(""))
        except Exception:  # e.g. AES without the optional crypto dependency
            opened = False
        if not opened:
            raise LoadError(
                source,
                "PDF 已加密或有密码保护，请先去除密码再导入",
                "the PDF is encrypted or password-protected; remove the protection and try again",
            )
    try:
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:
        raise _damaged(source, "PDF", exc) from None
    return "\n".join(pages)
