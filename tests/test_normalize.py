"""normalize_text: each rule, and the two properties every caller relies on (idempotent, total)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillmatch.normalize import normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Unicode compatibility forms and ligatures
        ("ﬁnance ﬂow ﬀ ｐｙｔｈｏｎ", "finance flow ff python"),
        ("Java™ 8 and Python®", "Java 8 and Python®"),
        # soft hyphens, zero-width characters, BOM, control characters
        ("Kuber\u00adnetes\u200b Dock\u200der\ufeff", "Kubernetes Docker"),
        ("a\x00b\x07c\x1bd\x7fe\x85f", "abcde\nf"),
        ("page one\x0cpage two", "page one\n\npage two"),
        # bullets, including private-use Symbol/Wingdings glyphs; icon glyphs vanish
        (
            "● Python\n▪ Go\n\uf0b7 Rust\n· SQL\n- Java\n* C#\n–  Ruby",
            "• Python\n• Go\n• Rust\n• SQL\n• Java\n• C#\n• Ruby",
        ),
        ("\uf0e0 jane@example.com \ue001", "• jane@example.com"),
        ("•Python", "• Python"),
        # words hyphenated across line ends; pdfium's U+FFFE (and \x02) hyphen marks
        ("develop-\nment and micro- \n services", "development and microservices"),
        ("project ex\ufffeperience", "project experience"),
        ("ex\x02\r\nperience", "experience"),
        ("Sarbanes\ufffeOxley, e-\nCommerce", "Sarbanes-Oxley, e-\nCommerce"),
        ("2019-\n2021", "2019-\n2021"),
        ("trailing\ufffe", "trailing-"),
        # mojibake: UTF-8 read as cp1252
        ("NaÃ¯ve CafÃ©", "Naïve Café"),
        ("CompanyNameâ€“City â€¢ Masterâ€™s", "CompanyName–City • Master’s"),
        ("State Â· Spearheaded", "State • Spearheaded"),
        ("te Equity)â—¦ Joint", "te Equity)• Joint"),
        ("timelines.âˆ’ Completed", "timelines.− Completed"),
        # ... and the bytes wkhtmltopdf lost (0x8F, 0x9D, 0xAD)
        ("members.â— Train", "members.• Train"),
        ("sponsored â€œsnack hackâ€ videos", "sponsored “snack hack” videos"),
        ("Y. MartÃnez", "Y. Martínez"),
        ("SkillsÂ Â Python Â Go\nGPAÂ 3.9 IDÂ\nxÂjava", "Skills Python Go\nGPA 3.9 ID\nx java"),
        ("ÂGE CHÂTEAU", "ÂGE CHÂTEAU"),
        # text encoded twice
        ("CafÃƒÂ©", "Café"),
        # legitimate text that looks nothing like mojibake stays
        ("São Paulo, Müller, Ærø, naïve — “quoted”", "São Paulo, Müller, Ærø, naïve — “quoted”"),
        ("SÃO PAULO", "SÃO PAULO"),
        # spacing
        ("  Jane \t Doe  \r\n\r\n\r\n\r\n  Backend\u00a0engineer \u2003 ", "Jane Doe\n\nBackend engineer"),
        ("a\u2028b\u2029c", "a\nb\n\nc"),
        ("", ""),
        (" \n\t ", ""),
    ],
)
def test_rules(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_plain_ascii_is_untouched() -> None:
    text = "Jane Doe\nBackend engineer (2019-2023): Python, Go, C/C++, Node.js, CI/CD\n\n• Built APIs"
    assert normalize_text(text) is text or normalize_text(text) == text


_TRICKY = st.sampled_from(
    list("aAzZé ÃÂâ€“©™—•·●◦¦ƒ-–\n\r\t\x02\ufffe\x0c\x1b\x81\x9d\xad\u200b\u0301ﬁ½²*\uf0b7\ue000\u2028\u00a0.,íß")
)
_TEXTS = st.one_of(st.text(), st.text(alphabet=_TRICKY, max_size=60), st.text(st.characters(codec="utf-8")))


@settings(max_examples=1500, deadline=None)
@given(_TEXTS)
def test_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=300))
def test_never_raises_and_leaves_no_controls(text: str) -> None:
    result = normalize_text(text)
    assert isinstance(result, str)
    assert not any(("\x00" <= char < "\x09" or "\x0b" <= char < "\x20" or "\x7f" <= char < "\xa0") for char in result)
    assert "\ufffe" not in result
    assert result == result.strip()
