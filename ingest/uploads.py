"""Documents users add to a knowledge base by upload: kept in <kb>/uploads, ingested, and taken out again
when the ingest refuses them, so a refused upload leaves the folder and the index as they were."""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from tiaowen.errors import BadUpload

from .index import IngestReport, KnowledgeBase, Progress, _sha256
from .loaders import FORMATS, LoadError, no_citable_clause

UPLOADS = "uploads"
_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"|?*]")


def uploads_dir(kb: KnowledgeBase) -> Path:
    d = kb.dir / UPLOADS
    d.mkdir(parents=True, exist_ok=True)
    return d


def safe_name(name: str) -> str:
    """The file name an upload is stored under: its last path part only ("../../x.txt", "/etc/x.txt" and
    "C:\\x.txt" become "x.txt"), without control or reserved characters, never hidden, at most 120 characters."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name or ""))[-1]
    base = _UNSAFE.sub("_", base).strip().lstrip(".").strip()
    stem, suffix = os.path.splitext(base)
    base = stem[: 120 - len(suffix)] + suffix
    if not stem.strip():
        raise BadUpload(f"文件名 {name!r} 不可用：请改成普通的文件名再上传 / the file name {name!r} cannot be used: rename the file")
    return base


@dataclass
class UploadReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "name: why"
    refused: list[str] = field(default_factory=list)  # "name: why": files the loaders cannot take, the others imported
    ingest: IngestReport | None = None


def check_upload(name: str, size: int, max_bytes: int) -> str:
    """The name to store an upload under, or BadUpload saying why it is refused (type, size)."""
    stored = safe_name(name)
    suffix = Path(stored).suffix.lower()
    if suffix not in FORMATS:
        raise BadUpload(f"{stored}：不支持的文件类型“{suffix or '（无扩展名）'}”，请上传 {' '.join(FORMATS)} / "
                        f"unsupported file type; upload one of {', '.join(FORMATS)}")
    if size > max_bytes:
        raise BadUpload(f"{stored}：文件过大（{size / 2**20:.1f} MB，上限 {max_bytes / 2**20:g} MB），请拆分后上传 / "
                        f"file too large ({size / 2**20:.1f} MB, limit {max_bytes / 2**20:g} MB): split it")
    return stored


def add_uploads(kb: KnowledgeBase, files: list[tuple[str, str | os.PathLike[str]]], max_bytes: int,
                progress: Progress | None = None) -> UploadReport:
    """Store ``files`` ((name as uploaded, path of its bytes)) in the knowledge base's uploads and ingest them.

    A file with the content of one already indexed is skipped; a name already uploaded is replaced (a new
    version). A file the loaders cannot take (empty, binary, damaged, no citable clause) is refused with the reason,
    named as uploaded, and the others are imported. A refusal of the batch (type, size, a title another file holds)
    raises and leaves the uploads folder and the index as they were.
    """
    from .documents import parse_file
    from .loaders import load_file

    staged = [(check_upload(name, Path(src).stat().st_size, max_bytes), Path(src)) for name, src in files]
    report = UploadReport()
    readable = []
    read = {}  # the text of each file checked, by its SHA-256: the ingest does not read it again
    for stored, src in staged:
        try:
            loaded = load_file(src)
            if not any(c.role == "clause" for d in parse_file(src, loaded) for c in d.clauses):
                raise no_citable_clause(src)
        except LoadError as exc:
            report.refused.append(f"{stored}：{exc.zh} / {exc.en}")  # (its name as uploaded, not a path on the server)
            continue
        sha = _sha256(src)
        read[sha] = loaded
        readable.append((stored, src, sha))
    with kb.locked():
        manifest = kb.manifest() or {}
        known = {e["sha256"]: Path(k).name for k, e in manifest.get("files", {}).items()}
        dest = uploads_dir(kb)
        moved: list[tuple[Path, Path | None]] = []  # (stored file, the earlier version set aside)
        try:
            for stored, src, sha in readable:  # (each file hashed once, when it was read)
                if sha in known:
                    report.skipped.append(f"{stored}：与已导入的 {known[sha]} 内容相同，未重复导入 / same content as {known[sha]}")
                    continue
                known[sha] = stored
                target = dest / stored
                backup = None
                if target.exists():
                    backup = dest / f".{stored}.previous"  # hidden: ingest never reads it
                    os.replace(target, backup)
                    report.replaced.append(stored)
                else:
                    report.added.append(stored)
                moved.append((target, backup))
                part = dest / f".{stored}.part"
                shutil.copyfile(src, part)
                os.replace(part, target)
            if moved:
                report.ingest = kb.ingest_locked([dest], progress=progress, strict=True, read=read)
        except BaseException:
            for target, backup in reversed(moved):
                target.unlink(missing_ok=True)
                if backup is not None:
                    os.replace(backup, target)
            raise
        for _, backup in moved:
            if backup is not None:
                backup.unlink(missing_ok=True)
    return report


def upload_of(kb: KnowledgeBase, document: str) -> Path:
    """The uploaded file that holds ``document``; raises BadUpload for a document not in the knowledge base or not
    uploaded (what can be deleted, asked before a deletion is confirmed)."""
    manifest = kb.manifest() or {}
    src = next((Path(k) for k, e in manifest.get("files", {}).items()
                if any(d["title"] == document for d in e["documents"])), None)
    if src is None:
        raise BadUpload(f"知识库中没有《{document}》（已删除，或名称不对）/ no such document in the knowledge base")
    if src.parent != uploads_dir(kb).resolve():
        raise BadUpload(f"只能删除上传的文档，《{document}》不是上传的 / only uploaded documents can be deleted")
    return src


def remove_upload(kb: KnowledgeBase, document: str, progress: Progress | None = None) -> IngestReport:
    """Delete the uploaded file that holds ``document`` and ingest; documents not uploaded cannot be deleted."""
    with kb.locked():
        src = upload_of(kb, document)
        dest = uploads_dir(kb)
        aside = dest / f".{src.name}.deleted"
        os.replace(src, aside)
        try:
            report = kb.ingest_locked([dest], progress=progress)
        except BaseException:
            os.replace(aside, src)
            raise
        aside.unlink(missing_ok=True)
    return report

