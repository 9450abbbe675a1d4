"""Chinese tokens for BM25: jieba words, lower-cased, punctuation and stop words dropped."""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

STOPWORDS = frozenset(
    "的 了 和 与 及 或 是 在 对 为 有 被 把 让 等 之 其 以 于 而 并 也 就 都 要 会 能 可以 应 该 这 那 个 吗 呢 吧 啊 么 什么 怎么 怎样"
    " 如何 哪些 哪个 多少 是否 有没有 能不能 需要 一下 我们 你们 他们 公司 我 你 他 它 说 请问 规定 要求 关于".split()
)
LEXICON = Path(__file__).with_name("lexicon.txt")
DEFAULT_FREQ = 5000  # about 评价's (3,476) or 保证's (9,062): enough to keep 差评 whole in 差评价, 秒杀 in 秒杀价
# (v2: the e-commerce words of lexicon.txt kept whole; its hash and DEFAULT_FREQ, so that an index built before an edit of
# either is rebuilt)


def tokenizer_version(lexicon: bytes, default_freq: int) -> str:
    return "jieba-0.42-search-v3-" + hashlib.sha256(lexicon + b"\0" + str(default_freq).encode()).hexdigest()[:8]


TOKENIZER_VERSION = tokenizer_version(LEXICON.read_bytes(), DEFAULT_FREQ)

_WORD = re.compile(r"[\w\u4e00-\u9fff]", re.UNICODE)


@lru_cache(maxsize=1)
def _jieba():
    """A jieba tokenizer of our own with lexicon.txt's words: jieba's shared one (jieba.lcut) stays stock, as the
    baselines of eval/ that use it are described."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if fields := line.split("#", 1)[0].split():
            word, *freq = fields
            tk.add_word(word, int(freq[0]) if freq else max(DEFAULT_FREQ, tk.FREQ.get(word) or 0))
    return tk


@lru_cache(maxsize=1024)  # (a question's phrase is read for its verbs and its nouns)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """The words of ``text`` with jieba's part-of-speech flags ("v" a verb, "d" an adverb…; our lexicon's words kept
    whole)."""
    return tuple((p.word, p.flag) for p in _tagger().cut(text))


@lru_cache(maxsize=1)
def _tagger():
    import jieba.posseg

    return jieba.posseg.POSTokenizer(_jieba())


def words(text: str) -> list[str]:
    """jieba's words of ``text`` in precise mode, as written (nothing dropped)."""
    return _jieba().lcut(text)


def is_word(text: str) -> bool:
    """Is ``text`` a word of jieba's dictionary ("退换货" is, "退还货" of "退还货款" is not)?"""
    return bool(_jieba().FREQ.get(text))


@lru_cache(maxsize=1)
def _stock():
    """jieba's own tokenizer, and a pattern of the lexicon's words: where a text holds one, its stock words are
    searched too."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    lexicon = [f[0] for line in LEXICON.read_text(encoding="utf-8").splitlines() if (f := line.split("#", 1)[0].split())]
    return tk, re.compile("|".join(map(re.escape, sorted(lexicon, key=len, reverse=True))))


def tokenize(text: str, stock_too: bool = True) -> list[str]:
    """Search-mode jieba tokens of ``text`` (long words also yield their parts). Where the text holds a word of the
    lexicon, stock jieba's tokens that ours lack are added (unless not ``stock_too``): a lexicon word kept whole takes a
    character from its neighbour ("开错发票" is 开 / 错发 / 票 with 错发 kept, 开错 / 发票 to stock jieba; "划线价格"
    划线价 / 格), and BM25 still matches 发票 and 价格."""
    low = text.lower()
    toks = _jieba().lcut_for_search(low)
    stock, lexicon = _stock()
    if stock_too and lexicon.search(low):
        have = Counter(toks)
        for tok in stock.lcut_for_search(low):
            if have[tok] > 0:
                have[tok] -= 1
            else:
                toks.append(tok)
    out = []
    for tok in toks:
        tok = tok.strip()
        if tok and _WORD.search(tok) and tok not in STOPWORDS:
            out.append(tok)
    return out
