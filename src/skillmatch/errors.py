"""The exceptions skillmatch raises on purpose.

Every error derives from :class:`SkillmatchError`; each subclass also inherits the
builtin it narrows, so ``except ValueError`` keeps working for callers who do not
know this library.
"""

from __future__ import annotations

import os

__all__ = [
    "CorruptDocumentError",
    "DocumentError",
    "DocumentTimeoutError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "JobError",
    "LimitExceededError",
    "ProfileError",
    "SkillmatchError",
    "TaxonomyError",
    "UnsupportedFormatError",
]


class SkillmatchError(Exception):
    """Base of every error skillmatch raises on purpose."""


class DocumentError(SkillmatchError):
    """A document could not be read; ``source`` names the file (or ``<bytes>``)."""

    def __init__(self, message: str, *, source: str | os.PathLike[str] | None = None) -> None:
        self.source = None if source is None else os.fspath(source)
        self.message = message
        super().__init__(f"{self.source}: {message}" if self.source else message)


class UnsupportedFormatError(DocumentError, ValueError):
    """The bytes are not a format skillmatch reads (PDF, DOCX, text, Markdown, HTML, JSON Resume)."""


class CorruptDocumentError(DocumentError, ValueError):
    """The file claims a supported format but cannot be parsed (truncated, damaged)."""


class EncryptedDocumentError(DocumentError, PermissionError):
    """The document needs a password to open."""


class EmptyDocumentError(DocumentError, ValueError):
    """The document holds no text at all (zero bytes, or nothing but whitespace)."""


class LimitExceededError(DocumentError, ValueError):
    """A configured safety limit was hit; ``limit`` names it (e.g. ``max_bytes``)."""

    def __init__(
        self,
        message: str,
        *,
        limit: str,
        source: str | os.PathLike[str] | None = None,
    ) -> None:
        self.limit = limit
        super().__init__(message, source=source)


class DocumentTimeoutError(LimitExceededError, TimeoutError):
    """Reading one document took longer than its time budget."""

    def __init__(self, message: str, *, source: str | os.PathLike[str] | None = None) -> None:
        super().__init__(message, limit="timeout", source=source)


class TaxonomyError(SkillmatchError, ValueError):
    """Taxonomy data is invalid; the message starts with ``file:line:``."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(where + message)


class ProfileError(SkillmatchError, ValueError):
    """Stored profile data (``Profile.from_dict``) is not a profile this version can read."""


class JobError(SkillmatchError, ValueError):
    """A job description could not be read or does not validate."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)
