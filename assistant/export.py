"""Checklist exports: Markdown with - [ ] items, CSV, xlsx with a status column, docx with a table, JSON."""

from __future__ import annotations

import csv
import io
import json

from .checklist import Checklist

FORMATS = ("md", "csv", "xlsx", "docx", "json")
KIND_ZH = {"duty": "应做", "prohibition": "禁止"}
HEADER = ["序号", "分组", "检查项", "类型", "状态", "依据条款", "条款原文"]


def _title(cl: Checklist) -> str:
    return f"{cl.topic}合规自查清单" + (f"（{cl.scope}电子商务企业）" if cl.scope else "")


UNCHECKED = "未检查"  # an item's status until it is checked (the xlsx offers 符合, 不符合, 不适用 beside it)


def _kind(it, inline: bool = False) -> str:
    """应做 / 禁止, and the enterprise types it is for where it is not for any ("应做（仅交易型）", inline "应做，仅交易型")."""
    if not it.scopes:
        return KIND_ZH[it.kind]
    only = "仅" + "、".join(it.scopes)
    return f"{KIND_ZH[it.kind]}，{only}" if inline else f"{KIND_ZH[it.kind]}（{only}）"


def _rows(cl: Checklist):
    if not cl.items:  # what was not found, and the clauses closest to the topic, as the other formats say them
        yield ["", "", cl.not_found, "", "", "；".join(c.label for c in cl.related),
               "\n".join(f"{c.label}：{c.text}" for c in cl.related)]
    for n, it in enumerate(cl.items, 1):
        yield [n, it.group, it.text, _kind(it), UNCHECKED,
               "；".join(c.label for c in it.citations), "\n".join(f"{c.label}：{c.text}" for c in it.citations)]


def to_markdown(cl: Checklist) -> str:
    lines = [f"# {_title(cl)}", ""]
    if not cl.items:
        lines.append(cl.not_found)
        lines += [f"- {c.label}：{c.text}" for c in cl.related]
    group = None
    for it in cl.items:
        if it.group != group:
            group = it.group
            lines += ["", f"## {group}", ""]
        cites = "、".join(c.label for c in it.citations)
        lines.append(f"- [ ] {it.text}（{_kind(it, inline=True)}；依据：{cites}）")
    return "\n".join(lines).strip() + "\n"


def to_csv(cl: Checklist) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HEADER)
    w.writerows(_rows(cl))
    return "\ufeff" + buf.getvalue()  # BOM: Excel opens UTF-8 CSV with Chinese correctly


def to_xlsx(cl: Checklist) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "自查清单"
    ws.append([_title(cl)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(HEADER)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for row in _rows(cl):
        ws.append(row)
    status = DataValidation(type="list", formula1=f'"{UNCHECKED},符合,不符合,不适用"', allow_blank=True)
    ws.add_data_validation(status)
    if cl.items:
        status.add(f"E3:E{2 + len(cl.items)}")
    for col, width in zip("ABCDEFG", (6, 14, 60, 8, 10, 40, 80)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A3"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def to_docx(cl: Checklist) -> bytes:
    import docx

    d = docx.Document()
    d.add_heading(_title(cl), level=1)
    if not cl.items:
        d.add_paragraph(cl.not_found)
        for c in cl.related:
            d.add_paragraph(f"{c.label}：{c.text}")
    table = d.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, ["序号", "检查项", "类型", "依据条款", "结果"]):
        cell.text = name
    for n, it in enumerate(cl.items, 1):
        cells = table.add_row().cells
        cells[0].text = str(n)
        cells[1].text = f"[{it.group}] {it.text}"
        cells[2].text = _kind(it)
        cells[3].text = "\n".join(c.label for c in it.citations)
        cells[4].text = "□ 符合  □ 不符合  □ 不适用"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def export(cl: Checklist, fmt: str) -> bytes:
    """The checklist in a format, as bytes ready to write to a file."""
    if fmt == "md":
        return to_markdown(cl).encode("utf-8")
    if fmt == "csv":
        return to_csv(cl).encode("utf-8")
    if fmt == "xlsx":
        return to_xlsx(cl)
    if fmt == "docx":
        return to_docx(cl)
    if fmt == "json":
        return json.dumps(cl.to_dict(), ensure_ascii=False, indent=1).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
