"""The README's first command: app.py builds the index of the bundled corpus and answers on localhost."""

from __future__ import annotations

import pytest

from tests.conftest import app_server

pytestmark = pytest.mark.slow


def test_app_builds_the_index_on_first_start_and_answers_with_citations(tmp_path):
    with app_server(tmp_path / "home", 180) as app:
        from gradio_client import Client

        client = Client(app.url, verbose=False)
        d = client.predict("电商规章制度第七条说了什么？", api_name="/ask")  # the `ask --json` shape
        assert d["status"] == "answered" and d["citations"][0]["label"] == "《电商规章制度》第七条"
        assert "保障消费者的维修、退换货权益" in d["citations"][0]["text"] and "[1]" in d["answer"]
        table, files = client.predict("售后服务", "", api_name="/checklist")
        assert "是否" in table and len(files) == 5
    assert "首次启动" in app.output  # the index was built, with visible progress


def test_app_escapes_document_text():
    from app import render_answer, render_checklist
    from assistant.answer import Answer, Citation
    from assistant.checklist import Checklist, ChecklistItem, ItemCitation

    ans = Answer("q", "answered", "<b>x</b>[1]", (Citation(1, "d/a1", "D", "《D》第一条", "<script>alert(1)</script>"),))
    html = render_answer(ans, 1)
    assert "<b>" not in html and "&lt;b&gt;" in html and 'data-target="ev-1-1"' in html
    cite = ItemCitation("d/a1", "<i>D</i>", "《<i>D</i>》第一条", "<script>alert(1)</script>")
    table = render_checklist(Checklist("t", None, (ChecklistItem("<img src=x>是否", "duty", "g", (cite,), ()),)))
    assert "<img" not in table and "<script>" not in table and "&lt;img" in table
