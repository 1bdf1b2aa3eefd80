"""Safety limits for reading untrusted documents.

Every limit has a safe default and can be changed per call:

>>> from skillmatch import Limits
>>> Limits(max_pages=5).max_pages
5
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_LIMITS", "Limits"]


@dataclass(frozen=True, slots=True)
class Limits:
    """What one document may cost before skillmatch refuses it.

    ``max_pages`` is soft: the first pages are read and a warning says the rest were
    skipped. The others raise :class:`~skillmatch.LimitExceededError` naming the limit.
    ``max_unpacked_bytes`` is checked before a parser opens the file: a DOCX's members are
    inflated and counted, a PDF's compressed streams bounded (and inflated where needed), so
    a decompression bomb is refused before it can take the memory.
    ``timeout`` is enforced by the worker process that reads the document (``screen``
    and the CLI kill a worker that overruns it, even inside C code). ``max_memory`` caps the
    address space a worker process may add while it reads and scores one file (Linux:
    ``RLIMIT_AS`` above what the worker holds when it starts work), a backstop for what the
    byte-level checks cannot see; like ``timeout`` it applies in worker processes only.
    """

    max_bytes: int = 20 * 1024 * 1024  # size of the input file
    max_pages: int = 50  # PDF pages read; later pages are skipped with a warning
    max_chars: int = 1_000_000  # extracted characters
    max_unpacked_bytes: int = 100 * 1024 * 1024  # decompressed size of a DOCX's parts or a PDF's streams
    timeout: float | None = 30.0  # seconds per document in batch runs; None = no budget
    max_parts: int = 10_000  # members of a DOCX (ZIP) archive
    max_memory: int | None = 1024 * 1024 * 1024  # memory a batch worker may add for one file; None = no cap


DEFAULT_LIMITS = Limits()
