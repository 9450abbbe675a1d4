"""Several versions of one law in a knowledge base: each keeps a title of its own, the newest the plain one."""

from __future__ import annotations

import pytest

OLD = """# 中华人民共和国示例法
<!-- INFO END -->
第一条 经营者应当在七日内答复消费者。
第二条 本法自公布之日起施行。
"""
NEW = """# 中华人民共和国示例法
<!-- INFO END -->
第一条 经营者应当在三日内答复消费者。
第二条 本法自公布之日起施行。
"""


@pytest.mark.slow
def test_versions_of_one_law_are_told_apart_and_copies_indexed_once(tmp_path):
    from assistant.retrieve import Retriever
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "示例法(2015-01-01).md").write_text(OLD, encoding="utf-8")
    (tmp_path / "a" / "示例法(2023-06-30).md").write_text(NEW, encoding="utf-8")
    (tmp_path / "b" / "示例法(2023-06-30).md").write_text(NEW, encoding="utf-8")  # the same file in another folder
    s = Settings(home=tmp_path / "home")
    rep = KnowledgeBase(s).ingest([tmp_path / "a", tmp_path / "b"])
    assert len(rep.duplicate_files) == 1 and rep.documents == 2
    r = Retriever(s)
    assert r.documents == ["中华人民共和国示例法", "中华人民共和国示例法（2015-01-01）"]
    newest = r.clauses_numbered("a1", {"中华人民共和国示例法"})
    assert len(newest) == 1 and "三日内" in newest[0].text
    old = r.clauses_numbered("a1", {"中华人民共和国示例法（2015-01-01）"})
    assert len(old) == 1 and "七日内" in old[0].text and old[0].id != newest[0].id
    # re-ingesting changes nothing: the ids are stable
    again = KnowledgeBase(s).ingest([tmp_path / "a", tmp_path / "b"])
    assert again.changed_files == 0 and again.embedded == 0
    assert Retriever(s).documents == r.documents


def test_a_title_reused_without_a_version_is_refused(tmp_path):
    from ingest.index import KnowledgeBase
    from tiaowen.errors import TiaowenError
    from tiaowen.settings import Settings

    (tmp_path / "a.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "b.md").write_text(NEW, encoding="utf-8")
    with pytest.raises(TiaowenError, match="出现在多个文件中.*版本日期"):
        KnowledgeBase(Settings(home=tmp_path / "home")).ingest([tmp_path / "a.md", tmp_path / "b.md"])
    assert KnowledgeBase(Settings(home=tmp_path / "home")).manifest() is None


def test_parts_of_one_document_in_several_files_share_its_title(tmp_path):
    """民法典 as LawRefBook ships it: one file a part (编), each with its own 第一章; the part is in
    every clause's path, so the chapters of different parts get ids of their own."""
    from assistant.retrieve import Retriever
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    def part(name: str, body: str) -> str:
        return f"# 中华人民共和国示例典\n\n# {name}\n\n2020年5月28日通过\n\n<!-- INFO END -->\n\n{body}"

    (tmp_path / "总则.md").write_text(part("总则", "## 第一章 基本规定\n\n第一条 为了规范示例，制定本法典。\n"),
                                    encoding="utf-8")
    (tmp_path / "合同编.md").write_text(part("合同编", "## 第一分编 通则\n\n### 第一章 一般规定\n\n"
                                             "第二条 合同应当采用书面形式订立。\n\n第二条之一 电子合同视为书面形式。\n"),
                                      encoding="utf-8")
    s = Settings(home=tmp_path / "home")
    KnowledgeBase(s).ingest([tmp_path])
    r = Retriever(s)
    assert r.documents == ["中华人民共和国示例典"]
    second = r.clauses_numbered("a2", {"中华人民共和国示例典"})
    assert len(second) == 1 and second[0].path == (
        "中华人民共和国示例典", "合同编", "第一分编 通则", "第一章 一般规定", "第二条")
    assert second[0].label == "《中华人民共和国示例典》第二条"
    added = [c for c in r.clauses if c.label == "《中华人民共和国示例典》第二条之一"]
    assert len(added) == 1 and added[0].id != second[0].id and "~" not in added[0].id
    looked = r.search("示例典第二条之一是怎么规定的", 3)[0]
    assert looked.lookup and looked.clause.id == added[0].id
    chapters = sorted(c.label for c in r.clauses if c.path[-1].startswith("第一章"))
    assert chapters == ["《中华人民共和国示例典》合同编 第一分编 通则 第一章 一般规定",
                        "《中华人民共和国示例典》总则 第一章 基本规定"]


def test_a_file_with_no_date_beside_a_dated_version_is_kept_as_of_unknown_version(tmp_path):
    """LawRefBook ships 条例.md beside 条例(2024-12-31).md: the dated one holds the plain title, the other
    is kept under "（版本未注明）"; a "# 法律责任" heading inside a law's body starts no document of its own."""
    from assistant.retrieve import Retriever
    from ingest.index import KnowledgeBase
    from tiaowen.settings import Settings

    (tmp_path / "示例法.md").write_text(OLD + "\n# 法律责任\n\n第三条 违反本法的，责令改正。\n", encoding="utf-8")
    (tmp_path / "示例法(2023-06-30).md").write_text(NEW, encoding="utf-8")
    s = Settings(home=tmp_path / "home")
    KnowledgeBase(s).ingest([tmp_path])
    r = Retriever(s)
    assert r.documents == ["中华人民共和国示例法", "中华人民共和国示例法（版本未注明）"]
    third = r.clauses_numbered("a3", {"中华人民共和国示例法（版本未注明）"})
    assert len(third) == 1 and third[0].path[-2:] == ("法律责任", "第三条")
