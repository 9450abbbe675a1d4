"""A knowledge base on disk: clause records, a Chroma collection and a BM25 index, one manifest.

The manifest is the commit point. Dense vectors are stored under content-addressed ids
(clause id + text hash), so vectors of a new generation are written beside the old ones;
the manifest swap (os.replace) makes the new generation visible at once, and a run killed
before it leaves the old generation intact. Vectors nobody references are removed after.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shlex
import shutil
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from urllib.parse import urlsplit

from tiaowen.errors import DuplicateTitle, IndexCorrupt, IndexMismatch, IndexUnavailable, IngestBusy, TiaowenError
from tiaowen.settings import ChromaServerSettings, Settings

from .clean import SENTENCE
from .records import Clause, Document

if TYPE_CHECKING:
    from .loaders import LoadedText

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
FORMAT_VERSION = 1
Progress = Callable[[str, int, int], None]  # (stage, done, total)
CHUNK_BATCHES = 2  # embedding batches stored in one write, what the progress shows at a time
WRITER = uuid.uuid4().hex  # this process, as the writer recorded in the manifests it commits


def vector_id(clause: Clause) -> str:
    return f"{clause.id}@{hashlib.sha1(clause.index_text.encode()).hexdigest()[:12]}"


_SENTENCE_VID = re.compile(r"#s\d+$")


def dense_units(clause: Clause, sentences: bool) -> list[tuple[str, str]]:
    """(vector id, text) of what is embedded for a clause: the clause with its heading context and,
    for a clause of several sentences, each sentence with that context too (a question about one
    sentence of a long clause is then close to a vector of its own; the clause is scored by its best)."""
    vid = vector_id(clause)
    out = [(vid, clause.index_text)]
    if sentences:
        sents = [s.strip() for s in SENTENCE.findall(clause.text) if len(s.strip()) >= 6]
        if len(sents) >= 2:
            out += [(f"{vid}#s{i}", f"{clause.context} {s}".strip()) for i, s in enumerate(sents)]
    return out


def clause_vector_id(vid: str) -> str:
    """The clause vector id a sentence vector belongs to."""
    return _SENTENCE_VID.sub("", vid)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


_seen_generation: dict[str, int] = {}  # Chroma folder → the generation this process last used it at
_seen_lock = threading.Lock()


def _server_client(server: ChromaServerSettings):
    """A client of the Chroma server of the settings (``chroma run``)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    url = urlsplit(server.url)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise TiaowenError(f"Chroma 服务器地址 {server.url!r} 无效：应形如 http://127.0.0.1:8000 / "
                           "TIAOWEN_CHROMA__URL must look like http://127.0.0.1:8000")
    headers = {"Authorization": f"Bearer {server.token}"} if server.token else None
    try:
        return chromadb.HttpClient(host=url.hostname, port=url.port or (443 if url.scheme == "https" else 80),
                                   ssl=url.scheme == "https", headers=headers,
                                   settings=ChromaSettings(anonymized_telemetry=False))
    except Exception as exc:  # the client checks the server at construction
        raise server_down(server.url, exc) from exc


def _is_not_found(exc: Exception) -> bool:
    return type(exc).__name__ in ("NotFoundError", "InvalidCollectionException") or "does not exist" in str(exc)


def is_transport_error(exc: Exception) -> bool:
    """The server went away (refused, reset, timed out) rather than refused the request."""
    import httpx

    return isinstance(exc, (httpx.TransportError, ConnectionError))


def server_down(url: str, exc: Exception) -> IndexUnavailable:
    return IndexUnavailable(
        f"无法连接 Chroma 服务器 {url}（{type(exc).__name__}）：请确认 `chroma run` 正在运行、地址和端口正确，"
        "恢复后重试即可 / the Chroma server cannot be reached: start it (`chroma run --path DIR --port PORT`) "
        "and try again")


def _chroma_client(path: Path, manifest: dict | None = None, fresh: bool = False):
    """The Chroma client of a knowledge base folder.

    Chroma keeps one client per folder and process, with the vector index in memory: it does not see
    vectors another process added later (on opening, it reads them from its log, even a killed writer's).
    So the folder is read afresh (``fresh``) before an ingest writes, and before reading a generation that
    another process committed since this one last used the folder (a `tiaowen ingest` while the app runs).
    Collections already open keep their client.
    """
    import chromadb
    from chromadb.api.shared_system_client import SharedSystemClient
    from chromadb.config import Settings as ChromaSettings

    key = str(path)
    with _seen_lock:
        if manifest is not None:
            seen = _seen_generation.get(key)
            fresh = fresh or seen is not None and seen != manifest.get("generation") and manifest.get("writer") != WRITER
            _seen_generation[key] = manifest.get("generation", 0)
        if fresh:
            SharedSystemClient._identifier_to_system.pop(key, None)
        return chromadb.PersistentClient(path=key, settings=ChromaSettings(anonymized_telemetry=False))


def _search_ef(col) -> int:
    """The HNSW search breadth a Chroma collection queries with (Chroma's default where it says none)."""
    try:
        return int((col.configuration or {}).get("hnsw", {}).get("ef_search") or 100)
    except Exception:  # a Chroma without the configuration API: as it comes
        return 1 << 30


def _write_json_atomic(path: Path, data) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


@dataclass
class IngestReport:
    files: int
    changed_files: int
    removed_files: int
    documents: int
    clauses: int
    embedded: int
    seconds: float
    near_duplicates: int
    duplicate_files: tuple[str, ...] = ()  # files identical to another one, indexed once
    encode_seconds: float = 0.0  # of ``seconds``, the time spent in the embedding model
    empty_files: list[str] = field(default_factory=list)  # found in a folder, without a citable clause


def _versioned(parsed: dict[str, tuple[str, list[Document]]], kept: dict[str, dict],
               kept_ids: set[str]) -> dict[str, tuple[str, list[Document]]]:
    """Give every document a title of its own. Versions of one law in several files
    ("公司法(2018-10-26).md", "公司法(2023-12-29).md") share a title: a document already in the
    knowledge base keeps it, else the newest version does; the others are titled with their version
    ("中华人民共和国公司法（2018-10-26）"). A file whose name gives no version beside a dated one is titled
    "…（版本未注明）". Two files with no version may not share a title: which document is meant would be a
    guess (an upload under a new name, a copy edited), so it is refused, unless the files are parts of one
    document whose clause numbers do not meet (民法典's 总则.md, 物权编.md …)."""
    from .documents import retitled, version_of

    taken = {d["title"]: version_of(key) for key, e in kept.items() for d in e["documents"]}  # title → its version
    holder = {d["title"]: key for key, e in kept.items() for d in e["documents"]}  # title → the file that holds it
    claims = sorted(((d.title, version_of(key), key, i) for key, (_, docs) in parsed.items() for i, d in enumerate(docs)),
                    key=lambda x: (x[0], x[1] == "", tuple(-ord(ch) for ch in x[1]), x[2]))  # newest version first
    out = {key: (sha, list(docs)) for key, (sha, docs) in parsed.items()}
    ids = set(kept_ids)
    for title, version, key, i in claims:
        own = {c.id for c in out[key][1][i].clauses}
        if title not in taken or not version and not taken[title] and not own & ids:
            taken.setdefault(title, version)
            holder.setdefault(title, key)
            ids |= own
            continue
        if not version and not taken[title]:
            raise DuplicateTitle(title, holder[title], key)
        # a file with no date beside a dated version of the same law: kept, titled as of unknown version
        version = version or "版本未注明"
        new = f"{title}（{version}）"
        n = 2
        while new in taken:
            new, n = f"{title}（{version}-{n}）", n + 1
        taken[new] = version
        out[key][1][i] = retitled(out[key][1][i], new)
        ids |= {c.id for c in out[key][1][i].clauses}
    return out


REBUILD_PATHS_SHOWN = 3  # sources named in a rebuild command; more are read from the manifest


class KnowledgeBase:
    """One named knowledge base: read it with ``open``, change it with ``ingest``."""

    def __init__(self, settings: Settings, name: str | None = None):
        self.settings = settings
        self.name = name or settings.kb
        self.dir = settings.kb_dir(self.name)

    # -- reading -------------------------------------------------------------------
    def manifest(self) -> dict | None:
        p = self.dir / MANIFEST
        if not p.exists():
            return None
        try:
            return json.loads(p.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise IndexCorrupt(
                f"知识库 {self.name!r} 的清单文件已损坏（{exc}）；请运行 `{self.rebuild_command()}` 重建 / "
                "the knowledge base manifest is damaged: rebuild it") from exc

    def manifest_mtime(self) -> int | None:
        try:
            return (self.dir / MANIFEST).stat().st_mtime_ns
        except FileNotFoundError:
            return None

    def rebuild_command(self, manifest: dict | None = None) -> str:
        """The command that builds this knowledge base anew from the sources it was built from (named where they are
        few; `--rebuild` alone reads them from the manifest: 14 law files made a command of 1,500 characters)."""
        paths = (manifest or {}).get("paths") or ["PATH"]
        if len(paths) > REBUILD_PATHS_SHOWN:
            return f"tiaowen ingest --rebuild --kb {self.name}"
        return f"tiaowen ingest --rebuild {' '.join(shlex.quote(p) for p in paths)} --kb {self.name}"

    def recorded_paths(self) -> list[str]:
        """The files and folders the knowledge base was built from, as its manifest records them."""
        return list((self.manifest() or {}).get("paths") or [])

    def check_stamp(self, manifest: dict) -> None:
        want = self.settings.index_stamp()
        have = manifest.get("stamp", {})
        if have != want or manifest.get("format") != FORMAT_VERSION:
            diff = ", ".join(f"{k}: {have.get(k)} → {want[k]}" for k in want if have.get(k) != want[k]) or "format"
            raise IndexMismatch(
                f"知识库 {self.name!r} 是用其他设置构建的（{diff}）。请运行 `{self.rebuild_command(manifest)}` 重建索引 / "
                "the index was built with other settings: rebuild it with the command above")

    def load_clauses(self, manifest: dict) -> list[Clause]:
        p = self.dir / manifest["clauses_file"]
        try:
            with open(p, encoding="utf-8") as f:
                return [Clause.from_dict(json.loads(line)) for line in f if line.strip()]
        except (OSError, json.JSONDecodeError, TypeError) as exc:
            raise IndexCorrupt(
                f"知识库 {self.name!r} 的条款文件缺失或损坏（{p.name}）；请运行 `{self.rebuild_command(manifest)}` / "
                "clause file missing or damaged: rebuild") from exc

    def _stamp_of(self, col) -> dict:
        return {k: (col.metadata or {}).get(k) for k in self.settings.vector_stamp()}

    def collection_name(self) -> str:
        """One collection per knowledge base, embedding model and dense units; on a shared server the base's
        name is part of it."""
        return f"{self._collection_prefix()}{self.settings.vector_stamp_hash()}"

    def _collection_prefix(self) -> str:
        if self.settings.chroma.url:  # Chroma names allow [a-zA-Z0-9._-] only: the kb name goes in hashed
            return f"kb_{hashlib.sha1(self.name.encode()).hexdigest()[:10]}_clauses_"
        return "clauses_"

    def _client(self, manifest: dict | None = None, fresh: bool = False):
        if self.settings.chroma.url:
            return _server_client(self.settings.chroma)
        return _chroma_client(self.dir / "chroma", manifest, fresh)

    def collection(self, manifest: dict):
        """The dense vectors of ``manifest``'s generation, checked: built with the current model and dense units."""
        fix = self.rebuild_command(manifest)
        if not self.settings.chroma.url and not (self.dir / "chroma" / "chroma.sqlite3").is_file():
            raise IndexCorrupt(f"知识库 {self.name!r} 的向量库（chroma/）缺失；请运行 `{fix}` / "
                               "the vector store is missing: rebuild with the command above")
        name = self.collection_name()
        try:
            col = self._client(manifest).get_collection(name, embedding_function=None)
        except IndexUnavailable:
            raise
        except Exception as exc:  # chromadb raises its own NotFoundError / ValueError by version
            if self.settings.chroma.url and not _is_not_found(exc):
                raise server_down(self.settings.chroma.url, exc) from exc
            raise IndexMismatch(
                f"知识库 {self.name!r} 没有用当前嵌入模型构建的向量（{self.settings.index_stamp()['embedding']}）；"
                f"请运行 `{fix}` / no vectors for the current model: rebuild") from exc
        have, want = self._stamp_of(col), self.settings.vector_stamp()
        if have != want:
            diff = ", ".join(f"{k}: {have[k]} → {want[k]}" for k in want if have[k] != want[k])
            raise IndexMismatch(f"知识库 {self.name!r} 的向量是用其他设置构建的（{diff}）；请运行 `{fix}` / "
                                "the vectors were built with another model or other dense units: rebuild")
        if _search_ef(col) < self.settings.retrieval.ef_search:  # an index built before the breadth was set
            try:
                col.modify(configuration={"hnsw": {"ef_search": self.settings.retrieval.ef_search}})
                # the client that opened it keeps the HNSW index it loaded, with the old breadth
                col = self._client(manifest, fresh=True).get_collection(name, embedding_function=None)
            except Exception as exc:  # a read-only store still answers, with the breadth it has
                log.warning("could not set the search breadth of %s: %s", name, exc)
        return col

    def _writable_collection(self):
        """The collection an ingest adds to; one built with other settings under this name is dropped."""
        client = self._client(fresh=True)
        name, want = self.collection_name(), self.settings.vector_stamp()
        names = [getattr(c, "name", c) for c in client.list_collections()]
        if name not in names:
            # vectors of the same model under an older name (named by the whole index stamp): keep them
            for other in names:
                if other.startswith(self._collection_prefix()):
                    old = client.get_collection(other, embedding_function=None)
                    if self._stamp_of(old) == want:
                        old.modify(name=name)
                        break
        ef = {"hnsw:search_ef": self.settings.retrieval.ef_search}
        col = client.get_or_create_collection(name, embedding_function=None,
                                              metadata={"hnsw:space": "cosine", **ef, **want})
        if self._stamp_of(col) != want:
            client.delete_collection(name)
            col = client.create_collection(name, embedding_function=None, metadata={"hnsw:space": "cosine", **ef, **want})
        return col

    # -- writing -------------------------------------------------------------------
    def ingest(self, paths: list[str | Path], rebuild: bool = False, progress: Progress | None = None) -> IngestReport:
        """Add or update the documents in ``paths``; files gone from a given folder are removed.

        One ingest at a time per knowledge base: a second one fails at once with a message. A first ingest that
        fails leaves no knowledge base behind (its folder held only the lock, and was listed as one).
        """
        new = not self.dir.exists()
        with self.locked():
            try:
                return self.ingest_locked(paths, rebuild, progress)
            except BaseException as exc:
                if new and not (self.dir / MANIFEST).exists():  # (under the lock: no other ingest has begun in it)
                    shutil.rmtree(self.dir, ignore_errors=True)
                if isinstance(exc, Exception) and self.settings.chroma.url and is_transport_error(exc):
                    raise server_down(self.settings.chroma.url, exc) from exc
                raise

    @contextlib.contextmanager
    def locked(self):
        """Hold the knowledge base's ingest lock (flock: released by the OS if the process dies)."""
        import fcntl

        self.dir.mkdir(parents=True, exist_ok=True)
        with open(self.dir / "ingest.lock", "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise IngestBusy(
                    f"知识库 {self.name!r} 正在被另一个导入任务更新，请等它结束后再试 / "
                    "another ingest is updating this knowledge base: try again when it has finished") from None
            yield

    def ingest_locked(self, paths: list[str | Path], rebuild: bool = False,
                      progress: Progress | None = None, strict: bool = False,
                      read: dict[str, LoadedText] | None = None) -> IngestReport:
        """``ingest`` for a caller that holds ``locked()``. A new or changed file without a citable clause is
        refused when it was named (or ``strict``); one found in a folder is listed in ``empty_files``. ``read``: the
        text of files the caller has read already, by their SHA-256 (an upload is checked before it is stored; a
        PDF's text took as long again to extract)."""
        from .documents import parse_file
        from .embed import embed_sorted, get_embedder
        from .loaders import LoadError, check_size, iter_files, no_citable_clause

        t0 = time.perf_counter()
        files = iter_files(paths)
        max_bytes = int(self.settings.ingest.max_file_mb * 2**20)
        for f in files:  # before anything is read
            check_size(f, max_bytes)
        old = None if rebuild else self.manifest()
        if old is not None:
            try:
                self.check_stamp(old)
            except IndexMismatch:
                old = None  # other settings: build anew under this stamp
        old_files: dict = (old or {}).get("files", {})
        given_dirs = [Path(p).resolve() for p in paths if Path(p).is_dir()]
        if not files and not any(Path(k).is_relative_to(d) for k in old_files for d in given_dirs):
            # an empty folder is fine when it held documents before: they are removed
            raise TiaowenError("没有找到可导入的文件（支持 .txt .md .docx .pdf .html）/ no supported files found in the given paths")
        old_clauses = {c.id: c for c in self.load_clauses(old)} if old else {}
        new_files: dict[str, dict] = {}
        clauses_by_file: dict[str, list[Clause]] = {}
        named = {str(Path(p).resolve()) for p in paths if Path(p).is_file()}
        empty: list[str] = []
        parsed: dict[str, tuple[str, list[Document]]] = {}
        by_sha: dict[str, str] = {}
        skipped: list[str] = []
        refused: list[LoadError] = []
        for i, f in enumerate(files):
            key = str(Path(f).resolve())
            sha = _sha256(f)
            if sha in by_sha:  # the same file twice (two folders, a second upload): indexed once
                skipped.append(key)
                continue
            by_sha[sha] = key
            prev = old_files.get(key)
            if prev and prev["sha256"] == sha:
                clauses_by_file[key] = [old_clauses[cid] for cid in prev["clause_ids"] if cid in old_clauses]
                new_files[key] = prev
                continue
            try:
                docs: list[Document] = parse_file(f, (read or {}).get(sha))
            except LoadError as exc:  # every file refused is named at once, not the first alone
                refused.append(exc)
                continue
            if not any(c.role == "clause" for d in docs for c in d.clauses):
                if strict or key in named:
                    refused.append(no_citable_clause(f))
                    continue
                empty.append(str(f))
            parsed[key] = (sha, docs)
            if progress:
                progress("parse", i + 1, len(files))
        if len(refused) == 1:
            raise refused[0]
        if refused:  # nothing is changed: the files to mend, each with its reason
            raise LoadError(f"{len(refused)} 个文件无法导入，知识库未改动 / {len(refused)} files refused, nothing changed",
                            "".join(f"\n  {e.source}: {e.zh}" for e in refused),
                            "mend or move them and ingest again")
        # keep files not named this time, unless they lived in a folder that was given
        removed = 0
        for key, entry in old_files.items():
            if key in new_files or key in parsed:
                continue
            if any(Path(key).is_relative_to(d) for d in given_dirs) or not Path(key).exists() \
                    or entry["sha256"] in by_sha:
                removed += 1
                continue
            new_files[key] = entry
            clauses_by_file[key] = [old_clauses[cid] for cid in entry["clause_ids"] if cid in old_clauses]
        for key, (sha, docs) in _versioned(parsed, new_files, {c.id for cls in clauses_by_file.values() for c in cls}).items():
            cls = [c for d in docs for c in d.clauses]
            clauses_by_file[key] = cls
            new_files[key] = {
                "sha256": sha,
                "documents": [{"doc_id": d.doc_id, "title": d.title, "clauses": len(d.clauses),
                               "near_duplicates": [list(p) for p in d.near_duplicates]} for d in docs],
                "clause_ids": [c.id for c in cls],
            }
        changed = len(parsed)
        if not new_files:
            raise TiaowenError(f"这样导入后知识库 {self.name!r} 将没有任何文档，未做改动 / "
                               "this would leave the knowledge base without documents: nothing was changed")

        all_clauses: list[Clause] = []
        seen: set[str] = set()
        for key in new_files:
            for c in clauses_by_file[key]:
                if c.id in seen:  # _versioned gives every document a title of its own
                    raise TiaowenError(f"条款编号重复：{c.id}（{key}）/ duplicate clause id")
                seen.add(c.id)
                all_clauses.append(c)
        indexed = [c for c in all_clauses if c.role == "clause"]

        # dense vectors: embed only what the collection does not hold yet (resumable)
        col = self._writable_collection()
        units = [(vid, c, text) for c in indexed
                 for vid, text in dense_units(c, self.settings.embedding.sentence_vectors)]
        vids = [u[0] for u in units]
        have: set[str] = set()
        for start in range(0, len(vids), 5000):
            have.update(col.get(ids=vids[start:start + 5000], include=[])["ids"])
        todo = [u for u in units if u[0] not in have]
        embedded, t_enc = 0, 0.0
        if todo:
            emb = get_embedder(self.settings.embedding.backend, self.settings.embedding.model)
            bs = self.settings.embedding.batch_size
            todo.sort(key=lambda u: len(u[2]))
            if progress:  # the bar shows from the start
                progress("embed", 0, len(todo))
            # stored, and shown as done, every two batches (a chunk of eight took 20 s on 2 cores: the bar sat still)
            for start in range(0, len(todo), bs * CHUNK_BATCHES):
                chunk = todo[start:start + bs * CHUNK_BATCHES]
                t = time.perf_counter()
                vecs = embed_sorted(emb, [u[2] for u in chunk], bs)
                t_enc += time.perf_counter() - t
                col.add(ids=[u[0] for u in chunk], embeddings=vecs.tolist(),
                        metadatas=[{"clause_id": u[1].id, "doc_id": u[1].doc_id} for u in chunk])
                embedded += len(chunk)
                if progress:
                    progress("embed", embedded, len(todo))

        # BM25 and clause records of the new generation, then the manifest swap
        from .tokenize import tokenize
        import bm25s

        gen = self._next_generation()
        bm25_dir = f"bm25-{gen}"
        clauses_file = f"clauses-{gen}.jsonl"
        retriever = bm25s.BM25()
        corpus_tokens = [tokenize(c.index_text) or ["∅"] for c in indexed]
        if indexed:
            retriever.index(corpus_tokens, show_progress=False)
        tmp_bm25 = self.dir / (bm25_dir + ".tmp")
        shutil.rmtree(tmp_bm25, ignore_errors=True)
        if indexed:
            retriever.save(str(tmp_bm25), show_progress=False)
        else:
            tmp_bm25.mkdir(parents=True)
        _write_json_atomic(tmp_bm25 / "ids.json", [c.id for c in indexed])
        shutil.rmtree(self.dir / bm25_dir, ignore_errors=True)
        os.replace(tmp_bm25, self.dir / bm25_dir)
        tmp_clauses = self.dir / (clauses_file + ".tmp")
        with open(tmp_clauses, "w", encoding="utf-8") as f:
            for c in all_clauses:
                f.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_clauses, self.dir / clauses_file)

        corpus_hash = hashlib.sha256("".join(sorted(e["sha256"] for e in new_files.values())).encode()).hexdigest()
        # every path given so far that still holds an indexed file: what a rebuild must be given
        roots = {str(Path(p).resolve()) for p in paths} | set((old or {}).get("paths", []))
        roots = {r for r in roots if any(Path(k).is_relative_to(Path(r).resolve()) for k in new_files)}
        manifest = {
            "format": FORMAT_VERSION,
            "name": self.name,
            "stamp": self.settings.index_stamp(),
            "stamp_hash": self.settings.stamp_hash(),
            "corpus_hash": corpus_hash,
            "generation": gen,
            "writer": WRITER,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "paths": sorted(roots),
            "clauses_file": clauses_file,
            "bm25_dir": bm25_dir,
            "collection": col.name,
            "files": new_files,
        }
        _write_json_atomic(self.dir / MANIFEST, manifest)  # the commit point
        with _seen_lock:
            _seen_generation[str(self.dir / "chroma")] = gen
        self._collect_garbage(manifest, col, set(vids))
        n_dups = sum(len(d["near_duplicates"]) for e in new_files.values() for d in e["documents"])
        return IngestReport(len(new_files), changed, removed,
                            sum(len(e["documents"]) for e in new_files.values()), len(all_clauses),
                            embedded, time.perf_counter() - t0, n_dups, tuple(skipped), t_enc, empty)

    def _next_generation(self) -> int:
        """A generation no file on disk has yet: the live one's files are never overwritten, even by --rebuild."""
        try:
            live = int((self.manifest() or {}).get("generation", 0))
        except IndexCorrupt:
            live = 0
        used = [int(m.group(1)) for p in self.dir.iterdir() if (m := re.fullmatch(r"(?:bm25|clauses)-(\d+)(?:\..*)?", p.name))]
        return max([live, *used]) + 1

    def _collect_garbage(self, manifest: dict, col, live_vids: set[str]) -> None:
        """Remove files of older generations, collections built with other settings, and vectors no clause
        references."""
        for p in self.dir.iterdir():
            if p.name.startswith(("bm25-", "clauses-")) and p.name not in (manifest["bm25_dir"], manifest["clauses_file"]):
                shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
        client = self._client()
        for other in client.list_collections():
            name = getattr(other, "name", other)
            if name.startswith(self._collection_prefix()) and name != col.name:
                client.delete_collection(name)
        stale: list[str] = []
        total = col.count()
        for offset in range(0, total, 10000):
            got = col.get(include=[], limit=10000, offset=offset)["ids"]
            stale.extend(v for v in got if v not in live_vids)
        for start in range(0, len(stale), 5000):
            col.delete(ids=stale[start:start + 5000])
