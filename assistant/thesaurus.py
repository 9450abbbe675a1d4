"""Domain synonyms: the words staff use for what regulations name otherwise (买家 / 消费者, 开店 / 入驻, 包裹 / 物流).

Retrieval adds, to a question that uses a word the knowledge base does not, the words of its groups that the
knowledge base does use (assistant.retrieve.Retriever.expansion). Words the knowledge base uses are not expanded:
a question in the rules' own words is already matched, and its synonyms only draw in neighbouring clauses (laws
hit@1 0.654 → 0.577 when every word was expanded). Checklists use it so too, for a topic's words no document
uses ("快递" → 物流, 配送), not for the others: a topic's synonyms (纠纷 / 投诉, 广告 / 宣传) drew in duties off the
topic (measured: 交易纠纷 precision 1.00 → 0.50, 广告宣传 0.67 → 0.29); except two synonyms side by side in the topic
("快递物流": either says it) and a party it names ("用户评价" ← 消费者…的评价).
Groups come from the bundled ``thesaurus.txt`` and, where set, a user's file of the same form
(``TIAOWEN_RETRIEVAL__THESAURUS``).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from pathlib import Path

from tiaowen.errors import BadSetting

BUNDLED = Path(__file__).with_name("thesaurus.txt")


def read_groups(path: Path) -> list[list[str]]:
    """The groups of a thesaurus file: one group of words per line, separated by spaces; # starts a comment."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise BadSetting(f"同义词表 {path} 不存在：请检查 TIAOWEN_RETRIEVAL__THESAURUS / the thesaurus file does not "
                         "exist: check TIAOWEN_RETRIEVAL__THESAURUS") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise BadSetting(f"同义词表 {path} 无法读取（{exc}）：应为 UTF-8 文本，每行一组以空格分隔的词 / "
                         "the thesaurus must be a UTF-8 text file, one group of space-separated words a line") from exc
    groups = []
    for line in text.splitlines():
        words = list(dict.fromkeys(line.split("#", 1)[0].split()))
        if len(words) >= 2:
            groups.append(words)
    return groups


class Thesaurus:
    def __init__(self, groups: Iterable[list[str]]):
        self.synonyms: dict[str, list[str]] = {}
        for words in groups:
            for w in words:
                known = self.synonyms.setdefault(w, [])
                known.extend(x for x in words if x != w and x not in known)

    @classmethod
    def load(cls, extra: Path | None = None) -> "Thesaurus":
        groups = read_groups(BUNDLED)
        if extra is not None:
            groups += read_groups(Path(extra))
        return cls(groups)

    def of(self, word: str) -> list[str]:
        return self.synonyms.get(word, [])

    def expansion(self, tokens: Iterable[str], vocab: Container[str], text: str = "",
                  used: Callable[[str], bool] = lambda phrase: False, cut: Iterable[str] = ()) -> list[str]:
        """For each token the knowledge base does not use, its synonyms that it does use (none already in ``text``);
        and for a phrase of the thesaurus the text says that no token of it is ("促销短信", cut 促销 / 短信), as for a
        token, unless the documents say it (``used``: 客户信息, 平台内经营者 are theirs). A phrase of two characters
        counts where the text's words (``cut``, jieba's precise words) are its two characters side by side ("勾上了" is
        勾 / 上 / 了; probe P44's "开通页面默认就帮他勾上了自动续费" never reached 勾选), not within others ("规定作为"
        says no 定作, "收到岗位" no 到岗)."""
        out: list[str] = []
        tokens = list(tokens)
        cut = list(cut)
        paired = {a + b for a, b in zip(cut, cut[1:]) if len(a) == len(b) == 1}
        said = [w for w in self.synonyms if (len(w) >= 3 and w in text or len(w) == 2 and w in paired)
                and w not in tokens and w not in vocab and not used(w)]
        for t in tokens + said:
            if t in vocab:
                continue
            for x in self.of(t):
                if x in text:
                    continue
                # a phrase the knowledge base says in words of its own ("原价" / 被比较价格: 被, 比较, 价格)
                for w in ([x] if x in vocab else self.phrase(x, vocab)):
                    if w not in out and w not in text:
                        out.append(w)
        return out

    @staticmethod
    def phrase(x: str, vocab: Container[str]) -> list[str]:
        """A synonym of several words, as the knowledge base's words ("被比较价格" → 被, 比较, 价格), where it uses each."""
        from ingest.tokenize import tokenize

        words = tokenize(x)
        return words if len(words) >= 2 and all(w in vocab for w in words) else []
