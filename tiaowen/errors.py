"""Errors the library raises; the CLI and the app turn them into messages."""


class TiaowenError(Exception):
    """Base of every error a user can fix; the message says how."""


class IndexMissing(TiaowenError):
    """The knowledge base has not been built yet."""


class IndexMismatch(TiaowenError):
    """The index was built with other settings than the current ones."""


class IndexCorrupt(TiaowenError):
    """Part of the index is missing or damaged."""


class BadQuestion(TiaowenError):
    """The question cannot be answered as given (empty, too long …)."""


class EmptyQuestion(BadQuestion):
    """Nothing was asked: no printable character (the app says so without a turn of the conversation)."""


class UnknownClause(TiaowenError):
    """No clause has the requested id."""


class IndexUnavailable(TiaowenError):
    """The Chroma server that holds the vectors cannot be reached."""


class LLMNotConfigured(TiaowenError):
    """A generative answer was asked for, but no chat endpoint is set."""


class LLMError(TiaowenError):
    """The chat model failed; the extractive answer is shown instead, with this as the notice."""


class LLMTimeout(LLMError):
    """The chat model did not answer in time."""


class LLMUnavailable(LLMError):
    """The chat endpoint refused or could not be reached."""


class LLMMalformed(LLMError):
    """The chat model's reply could not be read, or no statement of it could be verified."""


class IngestBusy(TiaowenError):
    """Another ingest is updating the knowledge base."""


class BadName(TiaowenError):
    """A knowledge base name that is not a plain folder name."""


class DuplicateTitle(TiaowenError):
    """Two files hold a document of the same title and neither says which version it is."""

    def __init__(self, title: str, holder: str, other: str, names=str):
        self.title, self.holder, self.other = title, holder, other
        super().__init__(
            f"文档《{title}》出现在多个文件中（{names(holder)} 与 {names(other)}）；请只保留一份，或修改其中一份的标题；"
            "同一法规的不同版本请在文件名中注明版本日期，如 名称(2023-12-29).md / the same document title appears in "
            "several files: keep one or rename it; versions of one law are told apart by a date in the file name")

    def by_name(self) -> str:
        """The message with the files named by their names alone (an upload's reader has no use for server paths)."""
        from pathlib import Path

        return str(DuplicateTitle(self.title, self.holder, self.other, names=lambda p: Path(p).name))


class BadUpload(TiaowenError):
    """An uploaded file is refused (its name, type or size)."""


class BadSetting(TiaowenError):
    """An environment variable holds a value the settings cannot use."""
