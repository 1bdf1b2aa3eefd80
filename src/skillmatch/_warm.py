"""Imported once by the fork server that starts ``screen``'s worker processes.

It builds the default matcher (bundled taxonomy, context rules, spaCy's tokenizer) in the
fork server itself, so every worker forked from it starts with all of that already in
memory: a pool starts in a fraction of a second instead of seconds, and a worker replaced
after a time-out is ready at once. The fork server lives as long as the Python session.
"""

from __future__ import annotations


def _warm() -> None:
    # A failure here only means workers build their own matcher: never stop the server.
    try:
        from .api import _WARM_UP_CV
        from .documents import read_document
        from .profile import extract_profile

        extract_profile(_WARM_UP_CV)
        read_document(b"%PDF-1.4\n%%EOF\n", kind="pdf")  # imports the PDF backend; the error is expected
    except Exception:
        pass
    try:
        # What re-spacing glyph-per-object PDF pages needs (numpy and the English word
        # parts): loaded here, every worker forked after gets it without paying for it.
        from ._pdf import _space_table, _word_parts

        _word_parts()
        import numpy

        _space_table(numpy)
    except Exception:
        pass


_warm()
