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
