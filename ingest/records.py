"""The clause record that flows unchanged from ingest to answer."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Clause:
    """One citable unit of a document, with its place in the document's structure.

    ``id`` is derived from the document title and the clause's numbering path, so
    re-ingesting the same document never renumbers it. ``text`` keeps the original
    characters for display; ``context`` is the document title and heading path,
    prepended when the clause is indexed (a bare clause retrieves badly).
    """

    id: str
    doc_id: str
    document: str
    label: str
    path: tuple[str, ...]
    text: str
    context: str = ""
    number: str = ""
    parent_id: str | None = None
    seq: int = 0
    source: str = ""
    near_dup_of: str | None = None
    role: str = "clause"  # clause (indexed) | heading | group (split into parts) | duplicate

    def to_dict(self) -> dict:
        d = asdict(self)
        d["path"] = list(self.path)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Clause":
        d = dict(d)
        d["path"] = tuple(d.get("path", ()))
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in d.items() if k in known})

    @property
    def index_text(self) -> str:
        """What retrieval sees: heading context, then the clause text."""
        return f"{self.context}\n{self.text}" if self.context else self.text


@dataclass(frozen=True)
class Document:
    """A document found in a source file: its title and its clauses in order."""

    doc_id: str
    title: str
    source: str
    clauses: tuple[Clause, ...] = field(default_factory=tuple)
    near_duplicates: tuple[tuple[str, str], ...] = ()

    @property
    def sha(self) -> str:
        h = hashlib.sha1()
        for c in self.clauses:
            h.update(c.id.encode())
            h.update(b"\0")
            h.update(c.index_text.encode())
            h.update(b"\1")
        return h.hexdigest()


def doc_id_for(title: str) -> str:
    """Stable short id of a document, from its normalised title."""
    norm = "".join(title.split()).replace("《", "").replace("》", "")
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:8]
