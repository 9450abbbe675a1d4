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


class UnknownClause(TiaowenError):
    """No clause has the requested id."""


class IngestBusy(TiaowenError):
    """Another ingest is updating the knowledge base."""


class BadName(TiaowenError):
    """A knowledge base name that is not a plain folder name."""


class BadUpload(TiaowenError):
    """An uploaded file is refused (its name, type or size)."""


class BadSetting(TiaowenError):
    """An environment variable holds a value the settings cannot use."""
