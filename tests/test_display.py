"""What the CLI draws: progress bars that never swallow output, short names for files."""

from __future__ import annotations

import io
import sys

import pytest

from skillmatch._display import _names, progress_bar
from skillmatch.api import ScreenResult


class _Terminal(io.StringIO):
    """A stream that says it is a terminal, as stderr does in an interactive shell."""

    def isatty(self) -> bool:
        return True


def test_a_bar_on_a_terminal_leaves_redirected_stdout_alone(capsys: pytest.CaptureFixture[str]) -> None:
    err = _Terminal()
    with progress_bar(3, description="scoring", file=err) as advance:
        for i in range(3):
            sys.stdout.write(f"row {i}\n")
            advance()
    assert capsys.readouterr().out == "row 0\nrow 1\nrow 2\n"
    drawn = err.getvalue()
    assert "scoring" in drawn
    assert "3/3" in drawn
    assert "row" not in drawn


def test_no_bar_off_a_terminal_or_when_disabled() -> None:
    plain = io.StringIO()
    with progress_bar(5, file=plain) as advance:
        advance()
    assert plain.getvalue() == ""
    err = _Terminal()
    with progress_bar(5, enabled=False, file=err) as advance:
        advance()
    assert err.getvalue() == ""


def test_files_are_named_by_their_shortest_distinct_path() -> None:
    sources = ["/cvs/a/main.pdf", "/cvs/b/main.pdf", "/cvs/cv.pdf", "/x/a/y/main.pdf", "/z/a/y/main.pdf", "cv.txt"]
    names = _names([ScreenResult(s, "ok") for s in sources])
    assert names == {
        "/cvs/a/main.pdf": "a/main.pdf",
        "/cvs/b/main.pdf": "b/main.pdf",
        "/cvs/cv.pdf": "cv.pdf",
        "/x/a/y/main.pdf": "x/a/y/main.pdf",
        "/z/a/y/main.pdf": "z/a/y/main.pdf",
        "cv.txt": "cv.txt",
    }


def test_a_ranking_row_lists_three_gaps_then_counts_the_rest_and_marks_a_capped_score() -> None:
    from skillmatch._display import print_results
    from skillmatch.models import Match

    capped = ScreenResult(
        "chef.pdf",
        "ok",
        score=0.0,
        match=Match(score=0.0, results=(), capped=True),
        missing=("Python", "Docker", "Redis", "Kafka", "AWS"),
    )
    strong = ScreenResult("dev.pdf", "ok", score=90.0, match=Match(score=90.0, results=()), matched=("Python",))
    out = io.StringIO()
    print_results([strong, capped], out)
    drawn = out.getvalue()
    assert "Python; Docker; Redis; +2 more" in " ".join(drawn.split())
    assert "Kafka" not in drawn
    assert "0.0*" in drawn
    assert "90.0*" not in drawn
    assert "* score capped" in drawn
    assert max(len(line) for line in drawn.splitlines()) <= 80
