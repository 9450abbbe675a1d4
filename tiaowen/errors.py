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


class IndexUnavailable(TiaowenError):
    """The Chroma server that holds the vectors cannot be reached."""
