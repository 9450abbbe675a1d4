"""Tests for ingest.loaders against real files written to tmp_path."""

from __future__ import annotations

import pickle
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from any directory

from ingest.loaders import LoadError, LoadedText, iter_files, load_file  # noqa: E402

ZH = "第一条 为了规范电子商务经营行为，保护消费者权益。\n第二条 本法适用于中华人民共和国境内的电子商务活动。\n"


def _pdf(pages: list[list[str]], *, cjk: bool = False, image: bool = False) -> bytes:
    """A minimal valid PDF; with cjk the text is shown through an Identity-H font with a ToUnicode map."""
    objects: dict[int, bytes] = {}
    chars = sorted({c for page in pages for line in page for c in line})
    if cjk:
        bfchar = "".join(f"<{ord(c):04X}> <{ord(c):04X}>\n" for c in chars)
        cmap = (
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            f"{len(chars)} beginbfchar\n{bfchar}endbfchar\n"
            "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        ).encode()
        objects[3] = (
            b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
            b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>"
        )
        objects[4] = (
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            b"/FontDescriptor 6 0 R /DW 1000 >>"
        )
        objects[5] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap)
        objects[6] = (
            b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -120 1000 880] "
            b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
        )
    else:
        objects[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objects[7] = b"<< /Length 1 /Type /XObject /Subtype /Image /Width 1 /Height 1 " \
        b"/ColorSpace /DeviceGray /BitsPerComponent 8 >>\nstream\n\x80\nendstream"
    kids = []
    for i, page in enumerate(pages):
        ops = ["BT /F1 12 Tf 72 720 Td 16 TL"]
        for line in page:
            if cjk:
                ops.append("<" + "".join(f"{ord(c):04X}" for c in line) + "> Tj T*")
            else:
                esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"({esc}) Tj T*")
        ops.append("ET")
        if image:
            ops.append("q 200 0 0 200 72 400 cm /Im1 Do Q")
        content = "\n".join(ops).encode("latin-1")
        page_id, content_id = 10 + 2 * i, 11 + 2 * i
        objects[content_id] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 7 0 R >> >> >>" % content_id
        )
        kids.append(b"%d 0 R" % page_id)
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    size = max(objects) + 1
    offsets = [0] * size
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (num, objects[num])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num] if num in objects else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def _docx(path: Path) -> Path:
    """A real .docx with a heading, paragraphs, a table and a trailing paragraph."""
    import docx

    document = docx.Document()
    document.add_heading("中华人民共和国电子商务法", level=1)
    document.add_paragraph("第一条 为了规范电子商务经营行为，保护消费者权益。")
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([("条号", "内容", "备注"), ("第二条", "适用范围", "")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("第三条 国家鼓励发展电子商务新业态。")
    document.save(str(path))
    return path


# --- plain text -------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ZH.encode("utf-8"), "utf-8"),
        (ZH.encode("utf-8-sig"), "utf-8-sig"),
        (ZH.encode("gb18030"), "gb18030"),
        (ZH.encode("gbk"), "gb18030"),
        (ZH.encode("utf-16"), "utf-16"),
        (ZH.encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-le-bom", "utf16-be-bom"],
)
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_text_encodings_round_trip(tmp_path, data, encoding, suffix):
    path = tmp_path / f"law{suffix}"
    path.write_bytes(data)
    loaded = load_file(path)
    assert loaded == LoadedText(source=str(path), format=suffix[1:], text=ZH, encoding=encoding)


def test_source_is_path_as_given_and_markdown_alias(tmp_path):
    path = tmp_path / "law.markdown"
    path.write_text("# 标题\n\n" + ZH, encoding="utf-8")
    loaded = load_file(str(path))
    assert (loaded.source, loaded.format) == (str(path), "md")
    assert loaded.text == "# 标题\n\n" + ZH


def test_gb18030_only_characters(tmp_path):
    text = "第一条 𠀀䶮 规定（GB18030 四字节字符）。"  # not representable in GBK
    path = tmp_path / "rare.txt"
    path.write_bytes(text.encode("gb18030"))
    assert load_file(path).text == text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_normalised(tmp_path, newline):
    path = tmp_path / "crlf.txt"
    path.write_bytes(ZH.replace("\n", newline).encode("gbk"))
    assert load_file(path).text == ZH


def test_other_legacy_encoding_falls_back_to_charset_normalizer(tmp_path):
    # These cp1251 bytes are invalid UTF-8 and invalid GB18030, so charset-normalizer decides.
    text = "Статья 1. Настоящий закон регулирует электронную торговлю.\n"
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    assert (load_file(path).text, load_file(path).encoding) == (text, "cp1251")


# --- docx -------------------------------------------------------------------


def test_docx_paragraphs_and_table_in_order(tmp_path):
    loaded = load_file(_docx(tmp_path / "law.docx"))
    assert loaded.format == "docx" and loaded.encoding is None
    assert loaded.text == (
        "中华人民共和国电子商务法\n"
        "第一条 为了规范电子商务经营行为，保护消费者权益。\n"
        "条号\t内容\t备注\n"
        "第二条\t适用范围\t\n"
        "第三条 国家鼓励发展电子商务新业态。"
    )


def test_docx_merged_cells_counted_once(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "合并"
    table.cell(0, 2).text = "单独"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert load_file(path).text == "合并\t单独"


def _numbered_docx(path: Path) -> Path:
    """A rules document whose 第X条 and （X） are Word's automatic numbering, not text: 第%1条 over （%2）, counted in
    Chinese; then a paragraph of the built-in "List Number" style (1.)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text: str, level: int) -> None:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    document.add_paragraph("某公司客户服务管理制度")
    numbered("为规范客户服务，制定本制度。", 0)
    numbered("客服人员应当遵守下列规定：", 0)
    numbered("客户来电应在三声内接听；", 1)
    numbered("不得与客户发生争执。", 1)
    numbered("客户投诉应当在24小时内响应。", 0)
    numbered("退换货申请应当当日受理；", 1)  # a new article restarts its items
    document.add_paragraph("附则", style="List Number")
    document.save(str(path))
    return path


def test_docx_automatic_numbers_are_read_as_drawn(tmp_path):
    """Word draws 第一条 and （一） before auto-numbered paragraphs without putting them in their text: read as drawn,
    they are the articles and items the document cites."""
    from ingest.documents import parse_file

    path = _numbered_docx(tmp_path / "客服.docx")
    assert load_file(path).text.splitlines() == [
        "某公司客户服务管理制度", "第一条 为规范客户服务，制定本制度。", "第二条 客服人员应当遵守下列规定：",
        "（一） 客户来电应在三声内接听；", "（二） 不得与客户发生争执。", "第三条 客户投诉应当在24小时内响应。",
        "（一） 退换货申请应当当日受理；", "1. 附则"]
    labels = [c.label for c in parse_file(path)[0].clauses]
    assert labels[:4] == ["《某公司客户服务管理制度》第一条", "《某公司客户服务管理制度》第二条",
                          "《某公司客户服务管理制度》第二条（一）", "《某公司客户服务管理制度》第二条（二）"]


def test_a_docx_with_a_numbering_word_cannot_draw_is_read_without_numbers(tmp_path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91"><w:lvl w:ilvl="0">'
                                  '<w:start w:val="x"/><w:lvlText w:val="第%1条"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    paragraph = document.add_paragraph("为规范客户服务，制定本制度。")
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="91"/>'
                                                   '</w:numPr>'))
    paragraph = document.add_paragraph("客服应当及时响应。")  # a level the numbering does not define
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="3"/><w:numId w:val="7"/>'
                                                   '</w:numPr>'))
    document.save(str(tmp_path / "odd.docx"))
    assert load_file(tmp_path / "odd.docx").text == "为规范客户服务，制定本制度。\n客服应当及时响应。"


@pytest.mark.parametrize("n, fmt, text", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
    (105, "chineseCounting", "一百零五"), (110, "chineseCountingThousand", "一百一十"), (3, "decimal", "3"),
    (2, "ideographTraditional", "乙"), (4, "lowerRoman", "iv"), (27, "lowerLetter", "aa"), (3, "decimalEnclosedCircle", "③"),
])
def test_word_list_numbers_are_formatted_as_word_draws_them(n, fmt, text):
    from ingest.loaders import _formatted

    assert _formatted(n, fmt) == text


# --- pdf --------------------------------------------------------------------


def test_pdf_pages_joined_by_newline(tmp_path):
    path = tmp_path / "law.pdf"
    path.write_bytes(_pdf([["Article 1 To regulate e-commerce.", "Article 2 Scope."], ["Article 3 End."]]))
    loaded = load_file(path)
    assert loaded.format == "pdf" and loaded.encoding is None
    lines = [line.strip() for line in loaded.text.split("\n") if line.strip()]
    assert lines == ["Article 1 To regulate e-commerce.", "Article 2 Scope.", "Article 3 End."]


def test_pdf_chinese_text_via_tounicode(tmp_path):
    path = tmp_path / "zh.pdf"
    path.write_bytes(_pdf([["第一条 为了规范电子商务经营行为，保护消费者权益。"], ["第二条 本法适用于境内。"]], cjk=True))
    lines = [line.strip() for line in load_file(path).text.split("\n") if line.strip()]
    assert lines == ["第一条 为了规范电子商务经营行为，保护消费者权益。", "第二条 本法适用于境内。"]


def test_pdf_written_by_matplotlib(tmp_path):
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    path = tmp_path / "plot.pdf"
    with PdfPages(path) as pdf:
        for line in ["Article 1 To regulate e-commerce.", "Article 2 This law applies."]:
            fig = plt.figure(figsize=(4, 2))
            fig.text(0.05, 0.5, line)
            pdf.savefig(fig)
            plt.close(fig)
    assert load_file(path).text == "Article 1 To regulate e-commerce.\nArticle 2 This law applies."


def test_scanned_pdf_has_no_text(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf([[], []], image=True))
    with pytest.raises(LoadError, match="scan.pdf") as info:
        load_file(path)
    assert "OCR" in str(info.value) and "扫描" in str(info.value)


# --- html -------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>电子商务法_网站</title>
<style>p {{ color: red; }}</style><script>alert(1)</script></head>
<body><!-- 注释 -->
<h1>中华人民共和国电子商务法</h1>
<p>第一条　为了规范电子商务经营行为，
保护消费者权益。</p><p>第二条 本法适用于<b>境内</b>的电子商务活动。<br>第二款内容。</p>
<noscript>请启用脚本</noscript><script type="text/javascript">var x = "<p>不应出现</p>";</script>
<table><tr><th>条号</th><th>内容</th></tr><tr><td>第三条</td><td> 鼓励 发展 </td></tr></table>
<ul><li>甲</li><li>乙</li></ul>
</body></html>
"""
HTML_TEXT = (
    "中华人民共和国电子商务法\n"
    "第一条　为了规范电子商务经营行为，保护消费者权益。\n"
    "第二条 本法适用于境内的电子商务活动。\n"
    "第二款内容。\n"
    "条号\t内容\n"
    "第三条\t鼓励 发展\n"
    "- 甲\n"  # (a bullet list's items are marked as a Markdown list's are: probe P20's "员工不得有下列行为：" ran on)
    "- 乙"
)


@pytest.mark.parametrize(
    ("charset", "codec", "suffix"),
    [("utf-8", "utf-8", ".html"), ("gb2312", "gbk", ".htm"), ("GBK", "gb18030", ".html")],
)
def test_html_drops_scripts_and_keeps_blocks(tmp_path, charset, codec, suffix):
    path = tmp_path / f"page{suffix}"
    path.write_bytes(HTML.format(charset=charset).encode(codec))
    loaded = load_file(path)
    assert loaded.format == "html"
    assert loaded.text == HTML_TEXT
    assert "alert" not in loaded.text and "color" not in loaded.text and "不应出现" not in loaded.text


def test_html_without_meta_uses_detection(tmp_path):
    path = tmp_path / "bare.html"
    path.write_bytes("<p>第一条 规定。</p><p>第二条 适用。</p>".encode("gbk"))
    loaded = load_file(path)
    assert (loaded.text, loaded.encoding) == ("第一条 规定。\n第二条 适用。", "gb18030")


def test_html_wrong_meta_falls_back(tmp_path):
    path = tmp_path / "liar.html"
    path.write_bytes('<meta charset="utf-8"><p>第一条 规定。</p>'.encode("gbk"))
    assert load_file(path).text == "第一条 规定。"


def test_a_pages_navigation_is_no_part_of_its_title(tmp_path):
    """A site's menu (<nav>) is dropped; a breadcrumb line left in the page ("首页 > 法规库") is no first half of the
    title below it, which opens the file and names its kind (管理制度)."""
    from ingest.documents import parse_file

    path = tmp_path / "rules.html"
    path.write_text('<html><head><meta charset="utf-8"><title>文库</title></head><body>'
                    "<nav>首页 | 文库 | 登录</nav><div>首页 &gt; 法规库 &gt; 制度</div><h1>某公司售后服务管理制度</h1>"
                    "<h2>第一章 总则</h2><p>第一条 为规范售后服务，制定本制度。</p><p>第二条 客服应当及时响应。</p>"
                    "</body></html>", encoding="utf-8")
    assert "登录" not in load_file(path).text
    docs = parse_file(path)
    assert [d.title for d in docs] == ["某公司售后服务管理制度"]
    assert [c.label for c in docs[0].clauses if c.role == "clause"][-2:] == ["《某公司售后服务管理制度》第一条",
                                                                          "《某公司售后服务管理制度》第二条"]


def test_a_pages_footer_is_no_part_of_its_last_clause(tmp_path):
    """A rules page's footer (copyright, licence number, hotline) ran into its last clause: "（二）本规则自2024年2月1日起
    生效。客服热线：400-800-1234（9:00-21:00）". An article's own footer, inside <article>, is its text."""
    from ingest.documents import parse_file

    path = tmp_path / "rules.html"
    path.write_text('<html><head><meta charset="utf-8"></head><body><h1>某平台优惠券规则</h1>'
                    "<h3>一、使用规则</h3><p>（一）优惠券须在有效期内使用，过期自动失效。</p>"
                    "<p>（二）本规则自2024年2月1日起生效。</p>"
                    "<div role='navigation'>上一页 下一页</div>"
                    "<footer><p>版权所有 © 2016-2024 某某网络科技有限公司</p><p>客服热线：400-800-1234（9:00-21:00）</p>"
                    "</footer><div role='contentinfo'>联系我们：service@example.com</div></body></html>", encoding="utf-8")
    text = load_file(path).text
    assert "热线" not in text and "版权" not in text and "联系我们" not in text and "上一页" not in text
    last = [c for c in parse_file(path)[0].clauses if c.role == "clause"][-1]
    assert last.text == "（二）本规则自2024年2月1日起生效。"
    path.write_text('<html><body><article><h1>某平台优惠券规则</h1><p>第一条 优惠券须在有效期内使用。</p>'
                    "<footer>第二条 本规则自发布之日起生效。</footer></article></body></html>", encoding="utf-8")
    assert "第二条 本规则自发布之日起生效。" in load_file(path).text
    # (nor a section's or a quotation's footer, nor under role="main"; a role may be a list: "navigation menubar")
    path.write_text("<html><body><section><p>第一条 优惠券须在有效期内使用。</p><footer>第二条 本规则自发布之日起生效。"
                    "</footer></section><blockquote><p>消费者有权退货。</p><footer>《消费者权益保护法》第二十五条</footer>"
                    "</blockquote><div role='main'><footer>附则：本规则由客服部解释。</footer></div>"
                    "<div role='navigation menubar'>首页 规则中心</div></body></html>", encoding="utf-8")
    text = load_file(path).text
    assert "第二条 本规则自发布之日起生效。" in text and "第二十五条" in text and "客服部解释" in text
    assert "规则中心" not in text


def test_a_pages_header_and_menus_are_no_part_of_its_text(tmp_path):
    """Probe O: a rules page's site header (<header><div class="logo">泊舟商城</div><ul class="menu">首页 / 规则中心 /
    登录…</ul>) gave the document its title, 《泊舟商城》, and five clauses (第1段 "首页"…). The page's header is no more
    its text than its footer is; nor is a list of nothing but short links, a menu not marked as one. An article's own
    header, and a list whose links are part of what it says, are its text."""
    from ingest.documents import parse_file

    path = tmp_path / "rules.html"
    path.write_text('<html><head><meta charset="utf-8"><title>以旧换新活动规则 - 泊舟商城规则中心</title></head><body>'
                    '<header class="site-header"><div class="logo">泊舟商城</div><ul class="menu"><li><a href="/">首页</a>'
                    '</li><li><a href="/rules">规则中心</a></li><li><a href="/login">登录</a></li></ul></header>'
                    '<ul><li><a href="/a">帮助中心</a></li><li><a href="/b">联系客服</a></li></ul>'
                    "<article><h1>泊舟商城以旧换新活动规则</h1><h2>一、适用范围</h2><ol><li>本规则适用于以旧换新活动。</li>"
                    "<li>回收服务商应当在收到旧机后48小时内完成质检。</li></ol>"
                    '<ul><li><a href="/law">《电子商务法》</a>第十条</li><li><a href="/x">《消费者权益保护法》</a></li></ul>'
                    "</article></body></html>", encoding="utf-8")
    text = load_file(path).text
    assert "首页" not in text and "登录" not in text and "帮助中心" not in text and "规则中心" not in text, text
    assert "《电子商务法》第十条" in text and "《消费者权益保护法》" in text, text  # links that are what a list says
    (doc,) = parse_file(path)
    assert doc.title == "泊舟商城以旧换新活动规则"
    path.write_text('<html><body><article><header><h1>某平台优惠券规则</h1><p>发布部门：营销中心</p></header>'
                    "<p>第一条 优惠券须在有效期内使用。</p></article><div role='banner'>某某商城 欢迎您</div>"
                    "</body></html>", encoding="utf-8")
    text = load_file(path).text
    assert "某平台优惠券规则" in text and "发布部门" in text and "欢迎您" not in text, text
    # (the review's) a page's header that holds its heading is its title; a list of links in the text, or led in by
    # a colon, is the text's
    path.write_text("<html><body><header><h1>泊舟商城以旧换新活动规则</h1><p>发布部门：营销中心</p></header>"
                    "<p>依据下列法律：</p><ol><li><a>《电子商务法》</a></li><li><a>《消费者权益保护法》</a></li></ol>"
                    "<article><p>第一条 下列商品禁止在平台销售：</p><ul><li><a href='/a'>管制刀具</a></li>"
                    "<li><a>烟草制品</a></li></ul></article></body></html>", encoding="utf-8")
    text = load_file(path).text
    assert "泊舟商城以旧换新活动规则" in text and "《电子商务法》" in text and "管制刀具" in text, text


def test_a_bar_of_links_side_by_side_is_no_part_of_the_text(tmp_path):
    """Probe P47: an intranet page's top bar, "<div class="topnav"><a>首页</a><a>知识库</a>…<a>联系IT</a></div>", ran into the
    title under it: 《首页知识库工单系统培训中心知识搜索联系IT客服催件与投诉升级操作规程（V3.2）》. A block of nothing but short
    links is a menu, however it is named; a paragraph that says something beside its links is text."""
    from ingest.documents import parse_file

    for bar in ('<div class="topnav">', '<div class="links">'):
        path = tmp_path / "规程.html"
        path.write_text(f'<html><body>{bar}<a href="/">首页</a><a href="/kb">知识库</a> | <a href="/it">联系IT</a></div>'
                        "<h1>客服催件与投诉升级操作规程（V3.2）</h1><p>一、客服应当在24小时内回复催件。</p>"
                        '<div>相关文档：<a href="/a">物流理赔工单填写指引</a></div></body></html>', encoding="utf-8")
        text = load_file(path).text
        assert "首页" not in text and "联系IT" not in text and "相关文档：物流理赔工单填写指引" in text, text
        (doc,) = parse_file(path)
        assert doc.title == "客服催件与投诉升级操作规程（V3.2）"


def test_an_intranet_pages_bars_sidebar_pager_and_footer_by_class_are_no_part_of_its_text(tmp_path):
    """Held-out probe: an intranet page's top bar ("欢迎您，张晓明 | 消息(3) | 退出"), sidebar ("相关制度", "热门下载" and a
    file's name) were its first five clauses and titled it by its file; the attached file's link and the footer ("技术支持：…
    建议使用Chrome浏览器访问", in <div id="footer">) ran into its last clause. A section's own footer in the text stays."""
    from ingest.documents import parse_file

    path = tmp_path / "数据安全制度.html"
    path.write_text('<html><head><meta charset="utf-8"><title>数据安全管理制度 - 云栈OA</title></head><body>'
                    '<div class="top-bar">欢迎您，张晓明（客户体验部） | <a href="/msg">消息(3)</a> | <a href="/x">退出</a></div>'
                    '<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 信息安全类</div>'
                    '<div class="container"><div class="sidebar"><h3>热门下载</h3><ul><li><a href="/1">数据权限申请表.docx</a>'
                    '</li><li><a href="/2">数据处理协议模板.docx</a></li></ul></div>'
                    '<div class="article"><h1>数据安全与个人信息保护管理制度</h1><p>一、总则</p>'
                    "<p>（一）员工访问敏感数据应当遵循最小必要原则。</p><p>（二）本制度自发布之日起施行。</p>"
                    '<section><p>（三）日志保存不少于6个月。</p><div class="footer">（注：日志含操作记录。）</div></section>'
                    '<div class="attach">附件：<a href="/dl/2.docx">数据处理协议模板.docx</a></div>'
                    '<div class="pager">上一篇：<a href="/r/1">员工信息安全守则</a></div></div></div>'
                    '<div id="footer"><p>技术支持：信息技术部　服务热线：0571-88886666转8012　建议使用Chrome浏览器访问</p></div>'
                    "</body></html>", encoding="utf-8")
    text = load_file(path).text
    assert not any(w in text for w in ("欢迎您", "热门下载", "数据权限申请表", "当前位置", "上一篇", "技术支持")), text
    assert "（注：日志含操作记录。）" in text
    (doc,) = parse_file(path)
    assert doc.title == "数据安全与个人信息保护管理制度"
    assert [c.text for c in doc.clauses if c.role == "clause"][-1].startswith("（三）日志保存不少于6个月。"), doc.clauses


def test_an_aside_beside_the_text_a_crumb_and_a_pages_facts_and_tools_are_no_part_of_it(tmp_path):
    """Held-out probe P26: an <aside> beside the <main> listing the section's other rules ("- 试用期管理规定", links too
    long for a menu) made its first clauses, and one, the page's own, its title ("《- 一线员工岗前培训与上岗考核管理规定》");
    the <div class="crumb">, the line of facts under the <h1> ("发文部门：… 文号：… 阅读：2,317") and "附件：…xlsx | 打印 |
    返回列表" were clauses. An aside inside the article is the article's."""
    from ingest.documents import parse_file

    path = tmp_path / "training.html"
    path.write_text('<html><head><meta charset="utf-8"><title>一线员工岗前培训管理规定 - 员工之家</title></head><body>'
                    '<div class="crumb">您的位置：首页 &gt; 规章制度 &gt; 制度正文</div><div class="wrap"><aside><p><b>人力资源类制度</b></p>'
                    '<ul><li><a href="/1">员工考勤与休假管理办法</a></li><li><a href="/2">一线员工岗前培训管理规定</a></li>'
                    '<li><a href="/3">试用期管理规定</a></li></ul></aside><main><article><h1>一线员工岗前培训管理规定</h1>'
                    '<p class="meta">发文部门：人力资源部　文号：人〔2024〕19号　发布时间：2024-10-15　阅读：2,317</p>'
                    '<h2>一、总则</h2><p>（一）新员工应当参加岗前培训。</p><aside><p>（注：培训含实操。）</p></aside>'
                    '<p>（二）本规定自2024年11月1日起施行。</p></article><p class="meta">附件：<a href="/f.xlsx">带教记录表.xlsx</a>'
                    '　|　<a href="javascript:print()">打印</a>　|　<a href="/r">返回列表</a></p></main></div></body></html>',
                    encoding="utf-8")
    text = load_file(path).text
    assert not any(w in text for w in ("您的位置", "人力资源类制度", "员工考勤与休假管理办法", "试用期管理规定")), text
    assert "（注：培训含实操。）" in text
    (doc,) = parse_file(path)
    assert doc.title == "一线员工岗前培训管理规定"
    assert [c.text for c in doc.clauses if c.role == "clause"] == [
        "（一）新员工应当参加岗前培训。（注：培训含实操。）", "（二）本规定自2024年11月1日起施行。"], doc.clauses


def test_text_in_elements_named_like_furniture_by_part_of_a_class_is_kept(tmp_path):
    """A review: a Bootstrap "card-header" chapter, an "accordion-header" heading, a "menu-table" of prices and rules in
    a "nav-tabs" div were dropped as a page's furniture; only a whole class or id so named is (nor ever a heading, a
    table or a paragraph)."""
    path = tmp_path / "canteen.html"
    path.write_text('<html><body><article><h1 class="header-title">员工食堂管理制度</h1>'
                    '<div class="card"><div class="card-header">第一章 总则</div><p>第一条 为规范员工食堂管理，制定本制度。</p></div>'
                    '<h2 class="accordion-header">第二章 就餐</h2><p>第二条 价格如下：</p><table class="menu-table"><tr><th>餐次</th>'
                    '<th>价格</th></tr><tr><td>午餐</td><td>12元</td></tr></table><div class="nav-tabs"><p>第三条 员工应当凭工牌就餐。</p>'
                    '</div><div class="article-footer"><p>第四条 本制度自2024年5月1日起施行。</p></div></article>'
                    '<div class="footer">版权所有 某公司</div></body></html>', encoding="utf-8")
    text = load_file(path).text
    for kept in ("第一章 总则", "第二章 就餐", "午餐\t12元", "员工应当凭工牌就餐", "本制度自2024年5月1日起施行", "员工食堂管理制度"):
        assert kept in text, (kept, text)
    assert "版权所有" not in text


def test_a_side_lists_heading_and_an_attachments_size_are_no_part_of_the_last_clause(tmp_path):
    """Held-out probe: a page's "附件下载：618客服FAQ.xlsx（23KB）" and the heading "相关文档" of a dropped list of links ran
    into its last clause."""
    from ingest.documents import parse_file

    path = tmp_path / "promo.html"
    path.write_text('<html><body><div class="content"><h1>618大促活动规则</h1><p>一、总则</p><p>（一）活动期间客服应当在30秒内响应。</p>'
                    '<p>（二）公司有权调整活动时间，并须提前在商城首页公告。</p><p>附件下载：<a href="/f">618客服FAQ.xlsx</a>（23KB）</p>'
                    '<h4>相关文档</h4><ul><li><a href="/a">会员规则</a></li><li><a href="/b">积分规则</a></li></ul></div></body></html>',
                    encoding="utf-8")
    (doc,) = parse_file(path)
    assert [c.text for c in doc.clauses if c.role == "clause"][-1] == "（二）公司有权调整活动时间，并须提前在商城首页公告。"


# --- errors -----------------------------------------------------------------


def _truncated_docx(tmp_path: Path) -> Path:
    path = _docx(tmp_path / "cut.docx")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _corrupt_pdfs(tmp_path: Path) -> list[Path]:
    good = _pdf([["Article 1 To regulate e-commerce."]])
    cases = {
        "half.pdf": good[: len(good) // 2],
        "garbage.pdf": b"%PDF-1.4\n" + random.Random(0).randbytes(4000) + b"\n%%EOF\n",
        "notpdf.pdf": b"this is not a pdf at all",
    }
    paths = []
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    return paths


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.docx", "empty.pdf", "empty.html"])
def test_empty_file(tmp_path, name):
    (tmp_path / name).write_bytes(b"")
    with pytest.raises(LoadError, match=name) as info:
        load_file(tmp_path / name)
    assert "空" in str(info.value) and "empty" in str(info.value)


def test_whitespace_only_file_has_no_text(tmp_path):
    (tmp_path / "blank.txt").write_text(" \n\n\t\n", encoding="utf-8")
    with pytest.raises(LoadError, match="blank.txt.*no extractable text"):
        load_file(tmp_path / "blank.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        random.Random(1).randbytes(3000).replace(b"\x00", b"\x01"),  # no NUL bytes at all
        "第一条".encode("utf-8") + b"\x00\x01\x02",
    ],
    ids=["png-header", "random-no-nul", "text-with-nul"],
)
@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_binary_renamed_to_text(tmp_path, data, suffix):
    path = tmp_path / f"image{suffix}"
    path.write_bytes(data)
    with pytest.raises(LoadError, match=f"image{suffix}") as info:
        load_file(path)
    assert "看起来不是文本文件" in str(info.value) and "looks like a binary file" in str(info.value)


def test_truncated_docx(tmp_path):
    path = _truncated_docx(tmp_path)
    with pytest.raises(LoadError, match="cut.docx") as info:
        load_file(path)
    assert "文件已损坏或不完整" in str(info.value) and "re-export it" in str(info.value)


@pytest.mark.parametrize("data", [b"hello, not a zip", b"PK\x03\x04" + b"\x00" * 100], ids=["text", "zip-header"])
def test_docx_that_is_not_a_docx(tmp_path, data):
    path = tmp_path / "fake.docx"
    path.write_bytes(data)
    with pytest.raises(LoadError, match="fake.docx.*damaged or truncated"):
        load_file(path)


def test_docx_that_is_a_valid_zip_of_something_else(tmp_path):
    import zipfile

    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(LoadError, match="other.docx.*damaged or truncated"):
        load_file(path)


def test_legacy_doc_renamed_to_docx(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(LoadError, match=r"old.docx.*\.doc"):
        load_file(path)


def test_corrupt_pdf(tmp_path):
    for path in _corrupt_pdfs(tmp_path):
        with pytest.raises(LoadError, match=path.name) as info:
            load_file(path)
        assert "文件已损坏或不完整" in str(info.value) and "re-export it" in str(info.value)


@pytest.mark.parametrize("name", ["law.doc", "law.xlsx", "law.rtf", "README"])
def test_unsupported_extension(tmp_path, name):
    (tmp_path / name).write_bytes(b"something")
    with pytest.raises(LoadError, match=name) as info:
        load_file(tmp_path / name)
    message = str(info.value)
    assert "不支持" in message and "unsupported" in message
    assert all(ext in message for ext in (".txt", ".md", ".docx", ".pdf", ".html"))


def test_missing_file(tmp_path):
    with pytest.raises(LoadError, match="nowhere.txt.*does not exist"):
        load_file(tmp_path / "nowhere.txt")


def test_load_error_is_value_error_with_source(tmp_path):
    with pytest.raises(ValueError) as info:
        load_file(tmp_path / "nowhere.pdf")
    assert isinstance(info.value, LoadError) and info.value.source == str(tmp_path / "nowhere.pdf")
    copy = pickle.loads(pickle.dumps(info.value))
    assert (type(copy), str(copy), copy.source) == (LoadError, str(info.value), info.value.source)


def test_directory_passed_to_load_file(tmp_path):
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(LoadError, match="dir.txt.*directory"):
        load_file(tmp_path / "dir.txt")


# --- iter_files -------------------------------------------------------------


def test_iter_files_expands_sorts_and_skips_hidden(tmp_path):
    root = tmp_path / "corpus"
    for rel in [
        "b.txt",
        "a.md",
        "sub/z.PDF",
        "sub/deeper/c.docx",
        "sub/page.htm",
        "notes.xlsx",
        ".hidden.txt",
        ".git/config.txt",
        "sub/.cache/x.html",
        "~$lock.docx",
    ]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(b"x")
    extra = tmp_path / "extra.txt"
    extra.write_bytes(b"x")
    found = iter_files([root, str(extra), root / "b.txt"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "corpus/a.md",
        "corpus/b.txt",
        "corpus/sub/deeper/c.docx",
        "corpus/sub/page.htm",
        "corpus/sub/z.PDF",
        "extra.txt",
    ]
    assert iter_files(extra) == [extra]


def test_iter_files_missing_path(tmp_path):
    (tmp_path / "ok.txt").write_bytes(b"x")
    with pytest.raises(LoadError, match="missing-dir") as info:
        iter_files([tmp_path / "ok.txt", tmp_path / "missing-dir"])
    assert "不存在" in str(info.value)


def test_importing_module_is_light():
    import subprocess

    code = (
        "import sys; import ingest.loaders; "
        "print(sorted(m for m in ('docx', 'pypdf', 'bs4', 'charset_normalizer', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_html_ordered_list_items_get_the_numbers_a_browser_shows(tmp_path):
    """Probe L: "<ol><li>他人肖像…</li>…" under "晒单内容…不得包含下列内容：" ran into the article as bare lines, so the
    answer quoted the items without the ban and the checklist item lost its list."""
    from ingest.documents import parse_text

    path = tmp_path / "评价规则.html"
    path.write_text("<html><body><h1>商品评价与晒单管理规则</h1><p>第五条 晒单内容不得包含下列内容：</p><ol>"
                    "<li>他人肖像、身份证件号码等个人信息；</li><li>广告、二维码或者引导站外交易的联系方式。</li></ol>"
                    "<ol start=\"3\"><li>淫秽、暴力的内容。</li></ol><ol><li>（一）已写编号的项。</li></ol>"
                    "<ul><li>不编号的要点</li></ul></body></html>", encoding="utf-8")
    text = load_file(path).text
    assert "\n1. 他人肖像" in text and "\n2. 广告" in text and "\n3. 淫秽" in text
    assert "\n（一）已写编号的项" in text and "1. （一）" not in text and "\n- 不编号的要点" in text  # (a bullet: P20)
    doc = parse_text(text, str(path))[0]
    labels = [c.label for c in doc.clauses if c.role == "clause"]
    assert "《商品评价与晒单管理规则》第五条1." in labels and "《商品评价与晒单管理规则》第五条2." in labels
    # (the second review's) an item the same as an earlier one keeps its own number; a list in an item is its items
    path.write_text("<html><body><p>第五条 下列行为不得实施：</p><ol><li>刷单；</li><li>下列行为：<ol><li>虚构交易；</li>"
                    "<li>刷好评。</li></ol></li><li>刷单；</li></ol></body></html>", encoding="utf-8")
    text = load_file(path).text
    assert "\n1. 刷单" in text and "\n3. 刷单" in text and "\n（1）虚构交易" in text and "\n（2）刷好评" in text


def test_a_bullet_lists_items_are_lines_of_their_lead_in_and_each_a_checklist_item(tmp_path):
    """Probe P20: "24. 员工不得有下列行为：" over a <ul> of five bans ran them into one sentence, and four were no checklist
    item. A <ul> item is marked "- ", as a Markdown list's is; one that writes its own marker keeps it."""
    from ingest.documents import parse_file

    path = tmp_path / "办法.html"
    path.write_text("<html><body><h1>用户数据安全管理办法</h1><h2>一、行为规范</h2><p>1. 员工不得有下列行为：</p>"
                    "<ul><li>私自复制、下载、截屏用户数据；</li><li>向公司以外的任何人员出售或提供用户数据；</li>"
                    "<li>——使用个人邮箱存储用户数据。</li></ul><p>2. 严禁在工作群中发布用户信息截图。</p></body></html>",
                    encoding="utf-8")
    text = load_file(path).text
    assert "\n- 私自复制、下载、截屏用户数据；\n- 向公司以外的任何人员出售或提供用户数据；\n——使用个人邮箱" in text, text
    (doc,) = parse_file(path)
    first = next(c for c in doc.clauses if c.text.startswith("1."))
    assert first.text.count("\n") == 3, first.text


def test_a_pages_bars_marked_top_side_logo_or_slogan_are_no_part_of_its_text(tmp_path):
    """Probes P34, P35: an intranet page's bar marked only "top" ("蓝湾OA · 协同办公门户", "欢迎您，zhangwei03 | 退出"), its
    sidebar "side" (the section's other rules, "售后服务与退换货管理办法（2024修订）", too long for a menu) and its motto
    ("品质为本 诚信直播") titled the rules under them, and the page's <h1> was a document of two clauses."""
    from ingest.documents import parse_file

    path = tmp_path / "quality_sampling_measures.html"
    path.write_text('<html><head><meta charset="utf-8"><title>商品质量抽检管理办法 - 内网</title></head><body>'
                    '<div class="top"><span class="logo">星河OA门户</span> | 欢迎您，<span>zhangwei03</span> | <a href="/x">退出</a></div>'
                    '<div class="side"><h4>相关文件</h4><ul><li><a href="/r/1">售后服务与退换货管理办法（2024修订）</a></li>'
                    '<li><a href="/r/2">关于做好2024年“618”大促客服保障工作的通知</a></li></ul></div>'
                    '<div class="slogan">品质为本　诚信直播</div>'
                    '<div class="article"><h1>星河直播购物平台商品质量抽检管理办法</h1>'
                    '<div class="meta">文号：星河质〔2024〕9号　发布日期：2024-05-20</div>'
                    "<p>第一条　为加强商品质量管理，制定本办法。</p><p>第二条　商家应当配合抽检。</p></div></body></html>",
                    encoding="utf-8")
    text = load_file(path).text
    assert not any(w in text for w in ("欢迎您", "OA门户", "相关文件", "退换货管理办法", "品质为本")), text
    (doc,) = parse_file(path)
    assert doc.title == "星河直播购物平台商品质量抽检管理办法"
    assert [c.text for c in doc.clauses][-1] == "第二条 商家应当配合抽检。"
