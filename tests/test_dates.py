"""Date-range parsing: every written form, bad and partial dates, offsets."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillmatch.dates import find_date_ranges, month_index, month_of, parse_date_range

AS_OF = date(2024, 6, 15)

# text, start (y, m), end (y, m), ongoing
FORMS: list[tuple[str, tuple[int, int], tuple[int, int], bool]] = [
    ("Jan 2019 – Present", (2019, 1), (2024, 6), True),
    ("January 2019 - Current", (2019, 1), (2024, 6), True),
    ("Oct 2019 — currently", (2019, 10), (2024, 6), True),
    ("May 2019 - now", (2019, 5), (2024, 6), True),
    ("MAY 2019 - NOW", (2019, 5), (2024, 6), True),
    ("03/2018 – 05/2021", (2018, 3), (2021, 5), False),
    ("3/2018 - 5/2021", (2018, 3), (2021, 5), False),
    ("03-2018 to 05-2021", (2018, 3), (2021, 5), False),
    ("2017 - 2020", (2017, 1), (2020, 12), False),
    ("2017–2020", (2017, 1), (2020, 12), False),
    ("2018-19", (2018, 1), (2019, 12), False),
    ("2016.04 - 2018.11", (2016, 4), (2018, 11), False),
    ("2016/04 – 2017/05", (2016, 4), (2017, 5), False),
    ("2016-04 – 2018-11", (2016, 4), (2018, 11), False),
    ("Sep. 2015 to Aug. 2017", (2015, 9), (2017, 8), False),
    ("Sept 2012 – Oct 2013", (2012, 9), (2013, 10), False),
    ("September, 2012 until October, 2013", (2012, 9), (2013, 10), False),
    ("Jun-2019 - Aug-2020", (2019, 6), (2020, 8), False),
    ("since March 2022", (2022, 3), (2024, 6), True),
    ("Since 2021", (2021, 1), (2024, 6), True),
    ("from Jan 2019 to Mar 2020", (2019, 1), (2020, 3), False),
    ("between 2015 and 2017", (2015, 1), (2017, 12), False),
    ("Summer 2019", (2019, 6), (2019, 8), False),
    ("Fall 2020", (2020, 9), (2020, 11), False),
    ("Winter 2019", (2018, 12), (2019, 2), False),
    ("Jan 2019 till date", (2019, 1), (2024, 6), True),
    ("Jan 2019 - till date", (2019, 1), (2024, 6), True),
    ("Jan 2019 to date", (2019, 1), (2024, 6), True),
    ("2019 to Present", (2019, 1), (2024, 6), True),
    ("Jan 2019 → present", (2019, 1), (2024, 6), True),
    ("Jan 2019 ~ Mar 2019", (2019, 1), (2019, 3), False),
    ("Mar–Jun 2020", (2020, 3), (2020, 6), False),
    ("Nov - Feb 2020", (2019, 11), (2020, 2), False),
    ("Jan '19 – Dec '20", (2019, 1), (2020, 12), False),
    ("Jan ’19 – Present", (2019, 1), (2024, 6), True),
    ("15 Jan 2019 - 20 Mar 2020", (2019, 1), (2020, 3), False),
    ("Jan 15, 2019 - Mar 20, 2020", (2019, 1), (2020, 3), False),
    ("01/15/2019 - 03/20/2020", (2019, 1), (2020, 3), False),
    ("15/01/2019 - 20/03/2020", (2019, 1), (2020, 3), False),
    ("2019-01-15 to 2020-03-01", (2019, 1), (2020, 3), False),
    ("Jan 2019 –\nPresent", (2019, 1), (2024, 6), True),
    ("June 2024 - Present", (2024, 6), (2024, 6), True),
    ("Feb'19 – Mar'21", (2019, 2), (2021, 3), False),
    ("From: 01/2019 To: 03/2020", (2019, 1), (2020, 3), False),
    ("September 2017 onwards", (2017, 9), (2024, 6), True),
    ("01.2019 – 03.2021", (2019, 1), (2021, 3), False),
]


def ym(d: date) -> tuple[int, int]:
    return d.year, d.month


@pytest.mark.parametrize(("text", "start", "end", "ongoing"), FORMS, ids=[f[0] for f in FORMS])
def test_every_written_form(text: str, start: tuple[int, int], end: tuple[int, int], ongoing: bool) -> None:
    r = parse_date_range(text, as_of=AS_OF)
    assert r is not None
    assert (ym(r.start), ym(r.end), r.ongoing) == (start, end, ongoing)
    assert r.text == text
    assert r.months == (end[0] - start[0]) * 12 + end[1] - start[1] + 1


@pytest.mark.parametrize(
    "text",
    [
        "2021 - 2019",  # ends before it starts
        "Feb 2020 — Jan 2020",
        "2019 – 2035",  # far future
        "Jan 2030 - Present",  # starts after as_of
        "1940 - 1945",  # before any working life we count
        "13/2018 - 14/2019",  # no such month
        "Jan 2019",  # a single date is not a range
        "2019",
        "Python 3.11 and Java 17",
        "call 555-2019 now",
        "",
        "–",
        "Present",
    ],
)
def test_impossible_or_partial_ranges_are_none(text: str) -> None:
    assert parse_date_range(text, as_of=AS_OF) is None


def test_inclusive_months() -> None:
    r = parse_date_range("Jan 2020 - Mar 2020", as_of=AS_OF)
    assert r is not None
    assert r.months == 3
    one = parse_date_range("Jan 2020 - Jan 2020", as_of=AS_OF)
    assert one is not None
    assert one.months == 1


def test_year_only_precision_and_cap_at_as_of() -> None:
    r = parse_date_range("2022 - 2024", as_of=AS_OF)
    assert r is not None
    assert r.precision == "year"
    assert ym(r.end) == (2024, 6)  # December 2024 has not happened yet
    m = parse_date_range("Jan 2022 - Mar 2023", as_of=AS_OF)
    assert m is not None
    assert m.precision == "month"


def test_near_future_end_is_capped_not_rejected() -> None:
    r = parse_date_range("Jan 2023 - Dec 2025", as_of=AS_OF)  # a fixed-term contract
    assert r is not None
    assert ym(r.end) == (2024, 6)
    assert not r.ongoing


def test_as_of_moves_present() -> None:
    a = parse_date_range("Jan 2019 – Present", as_of=date(2020, 1, 31))
    b = parse_date_range("Jan 2019 – Present", as_of=date(2021, 1, 1))
    assert a is not None
    assert b is not None
    assert (a.months, b.months) == (13, 25)


def test_default_as_of_is_today() -> None:
    r = parse_date_range("Jan 2019 – Present")
    assert r is not None
    assert ym(r.end) == ym(date.today())


def test_offsets_point_into_the_text() -> None:
    text = "Experience\nBackend Engineer, Acme (Jan 2019 – Present)\n- Python\nDev, Beta 2016.04 - 2018.11\n"
    found = find_date_ranges(text, as_of=AS_OF)
    assert [r.text for r in found] == ["Jan 2019 – Present", "2016.04 - 2018.11"]
    for r in found:
        assert text[r.start_offset : r.end_offset] == r.text


def test_pos_and_endpos_limit_the_search() -> None:
    text = "2010 - 2012\nfoo\n2015 - 2016\n"
    assert [r.text for r in find_date_ranges(text, as_of=AS_OF, pos=12)] == ["2015 - 2016"]
    assert [r.text for r in find_date_ranges(text, as_of=AS_OF, endpos=12)] == ["2010 - 2012"]


def test_several_ranges_on_one_line() -> None:
    found = find_date_ranges("Acme 2015 – 2017, Beta 2018 – 2020", as_of=AS_OF)
    assert [r.text for r in found] == ["2015 – 2017", "2018 – 2020"]


def test_no_match_inside_longer_numbers() -> None:
    assert find_date_ranges("Order 120190 - 20201 shipped; v2019-2020x", as_of=AS_OF) == []


def test_month_index_round_trip() -> None:
    assert month_of(month_index(date(2021, 7, 19))) == date(2021, 7, 1)


@given(st.text(max_size=200))
def test_never_crashes_and_ranges_are_sane(text: str) -> None:
    for r in find_date_ranges(text, as_of=AS_OF):
        assert r.start <= r.end <= date(2024, 6, 1)
        assert r.months >= 1
        assert text[r.start_offset : r.end_offset] == r.text


@given(
    st.integers(1960, 2024),
    st.integers(1, 12),
    st.integers(0, 120),
    st.sampled_from(["{a} – {b}", "{a} - {b}", "{a} to {b}", "{a}—{b}"]),
)
def test_generated_month_ranges(year: int, month: int, length: int, template: str) -> None:
    first = year * 12 + month - 1
    last = first + length
    as_of = date(2030, 1, 1)
    if last > month_index(as_of):
        return
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    a = f"{names[first % 12]} {first // 12}"
    b = f"{last % 12 + 1:02d}/{last // 12}"
    r = parse_date_range(template.format(a=a, b=b), as_of=as_of)
    assert r is not None
    assert r.months == length + 1
