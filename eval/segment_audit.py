"""Segmentation audit over a LawRefBook folder: does any text get lost, and does a law copied as plain text segment
like its Markdown?

    python -m eval.segment_audit [--laws DIR] [--sample N] [--seed S]

For each law file (all, or a random sample): the sentences of the source that reach no indexed clause (as clause
text or as the heading context indexed with it), and the same law rewritten as plain text (no '#', no blank lines,
as pasted from a web page or a .docx) parsed again: one document, the same articles under the same chapters.
Prints the counts and the first cases of each; exits 1 when the law folder is missing.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from pathlib import Path

from ingest.clean import CN_NUM, norm
from ingest.documents import parse_file, parse_text
from ingest.loaders import load_file

from .sets import laws_dir

_SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")
_ARTICLE = re.compile(rf"第[{CN_NUM}\d]+条(?:之[一二三四五六七八九十]+)?$")


def plain_copy(text: str) -> str:
    """A LawRefBook file as pasted from a web page or a .docx: its title line, then the body without '#' marks
    or blank lines."""
    title = text.splitlines()[0].lstrip("# ").strip()
    body = re.sub(r"^#+\s*", "", text.split("<!-- INFO END -->", 1)[-1], flags=re.M)
    return title + "\n" + re.sub(r"\n\s*\n", "\n", body)


def lost_sentences(text: str, docs) -> list[str]:
    """Sentences of the file (8+ characters) whose last 8 characters are in no indexed clause's text or context."""
    blob = norm("".join(c.index_text for d in docs for c in d.clauses if c.role == "clause"))
    body = text.split("<!-- INFO END -->", 1)[-1]
    out = []
    for line in body.splitlines():
        line = line.strip().lstrip("#").strip()
        if line.startswith("<!--"):
            continue
        for sentence in _SENTENCE.findall(line):
            n = norm(sentence)
            if len(n) >= 8 and n[-8:] not in blob:
                out.append(sentence)
    return out


def _articles(docs) -> list[tuple[str, str, str]]:
    return [(c.label.split("》")[-1], norm(c.path[-2]) if len(c.path) > 1 else "", norm(c.text))
            for d in docs for c in d.clauses if c.role == "clause" and _ARTICLE.search(c.label)]


def plain_text_differs(path: Path, text: str, docs, tmp: Path) -> str:
    """'' where the plain-text copy of the law segments like the Markdown, else what differs."""
    plain = tmp / (path.stem + ".txt")
    plain.write_text(plain_copy(text), encoding="utf-8")
    got = parse_file(plain)
    if len(got) != 1:
        return f"{len(got)} documents: {', '.join(d.title[:16] for d in got[:4])}"
    a, b = _articles(docs), _articles(got)
    if a != b:
        first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        return f"articles {len(a)} vs {len(b)}, first difference at {a[first][0] if first < len(a) else 'end'}"
    return ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.segment_audit", description=__doc__.split("\n\n")[0])
    ap.add_argument("--laws", type=Path, default=None, help="LawRefBook folder (default: ../shared/laws)")
    ap.add_argument("--sample", type=int, default=0, help="audit this many random files (default: all)")
    ap.add_argument("--seed", type=int, default=0, help="random seed of the sample")
    ap.add_argument("--show", type=int, default=10, help="cases of each kind to print")
    args = ap.parse_args(argv)
    root = args.laws or laws_dir()
    if root is None or not root.is_dir():
        print("找不到法律语料：用 --laws 指定 LawRefBook 目录 / the law folder is missing: pass --laws DIR", file=sys.stderr)
        return 1
    files = sorted(p for p in root.rglob("*.md") if p.name != "README.md")
    if args.sample:
        files = random.Random(args.seed).sample(files, min(args.sample, len(files)))
    lost_files, lost, differ, clauses = [], 0, [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            loaded = load_file(path)  # read once: the documents and the text they must cover
            text = loaded.text
            docs = parse_text(text, str(path), markdown=loaded.format == "md")
            clauses += sum(c.role == "clause" for d in docs for c in d.clauses)
            missing = lost_sentences(text, docs)
            if missing:
                lost += len(missing)
                lost_files.append((path.name, missing[0]))
            why = plain_text_differs(path, text, docs, Path(tmp))
            if why:
                differ.append((path.name, why))
    print(f"files {len(files)}, indexed clauses {clauses}")
    print(f"files with text in no indexed clause: {len(lost_files)} ({lost} sentences)")
    for name, s in lost_files[: args.show]:
        print(f"  {name[:40]}: {s[:60]}")
    print(f"files whose plain-text copy segments otherwise: {len(differ)}")
    for name, why in differ[: args.show]:
        print(f"  {name[:40]}: {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
