"""BM25 tokens with stock jieba's added where a text holds a lexicon word (ingest.tokenize.tokenize) against our
tokenizer's alone (the baseline), over paragraphs of ../shared/laws and of the bundled corpus.

    .venv/bin/python bench/lexicon_tokens.py [--files 300]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _ours_only(text: str) -> list[str]:
    from ingest.tokenize import _WORD, STOPWORDS, _jieba

    return [t.strip() for t in _jieba().lcut_for_search(text.lower())
            if t.strip() and _WORD.search(t) and t.strip() not in STOPWORDS]


def _time(fn, paras: list[str]) -> float:
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for p in paras:
            fn(p)
        best = min(best, time.perf_counter() - t)
    return best


def main():
    from ingest.tokenize import _jieba, _stock, tokenize

    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=300, help="law files sampled from ../shared/laws")
    a = ap.parse_args()
    sets = {"corpus": [p for f in sorted((ROOT / "corpus").glob("*.txt"))
                       for p in f.read_text(encoding="utf-8").splitlines() if len(p) > 10]}
    laws = ROOT.parent / "shared" / "laws"
    if laws.is_dir():
        files = sorted(laws.rglob("*.md"))
        random.Random(1).shuffle(files)
        sets["laws"] = [p for f in files[:a.files] for p in f.read_text(encoding="utf-8").splitlines() if len(p) > 10]
    else:
        print("../shared/laws is absent: the law paragraphs are skipped")
    _jieba(), _stock()
    for name, paras in sets.items():
        held = sum(1 for p in paras if _stock()[1].search(p.lower())) / len(paras)
        base, new = _time(_ours_only, paras), _time(tokenize, paras)
        print(f"{name}: {len(paras)} paragraphs, {held:.1%} hold a lexicon word; ours alone {base:.2f} s, "
              f"with stock words {new:.2f} s, ratio {new / base:.2f}")


if __name__ == "__main__":
    main()
