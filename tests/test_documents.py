"""read_document: every format, every kind of source, sniffing, limits and typed errors."""

from __future__ import annotations

import codecs
import io
import json
import re
from pathlib import Path

import pytest

import _docfactory as make
import skillmatch as sm
from skillmatch import documents
from skillmatch._sniff import sniff, zip_kind

# --- plain text and Markdown -----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Jürgen Müller – Python".encode(), "Jürgen Müller – Python"),
        (codecs.BOM_UTF8 + "Jürgen – Go".encode(), "Jürgen – Go"),
        (codecs.BOM_UTF16_LE + "Jürgen – Go".encode("utf-16-le"), "Jürgen – Go"),
        (codecs.BOM_UTF16_BE + "Jürgen – Go".encode("utf-16-be"), "Jürgen – Go"),
        ("Jürgen Müller, Kotlin developer".encode("utf-16-le"), "Jürgen Müller, Kotlin developer"),
        ("Café – Résumé".encode("cp1252"), "Café – Résumé"),  # 0x96 is an en dash in cp1252
        (b"Caf\xe9 \x81 r\xe9sum\xe9", "Café résumé"),  # 0x81 is not cp1252: latin-1 it is
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-no-bom", "cp1252", "latin1"],
)
def test_text_encodings(data: bytes, expected: str) -> None:
    doc = sm.read_document(data)
    assert doc.kind == "text"
    assert doc.text == expected


def test_text_is_normalised() -> None:
    doc = sm.read_document(b"Jane\r\n\r\n\r\n\r\n\xef\xac\x81nance \xe2\x97\x8f Python\r\n")
    assert doc.text == "Jane\n\nfinance • Python"


def test_markdown_from_suffix(tmp_path: Path) -> None:
    path = tmp_path / "cv.md"
    path.write_text("# Jane Doe\n\n## Skills\n\n- Python\n- Go\n", encoding="utf-8")
    doc = sm.read_document(path)
    assert doc.kind == "markdown"
    assert doc.source == str(path)
    assert doc.text == "# Jane Doe\n\n## Skills\n\n• Python\n• Go"


def test_kind_for_bytes() -> None:
    assert sm.read_document(b"# Jane", kind="markdown").kind == "markdown"
    assert sm.read_document(b"# Jane", kind="md").kind == "markdown"
    assert sm.read_document(b"# Jane").kind == "text"


def test_explicit_text_kind_keeps_markup() -> None:
    markup = b"<html><body><p>Python</p><p>Go</p><p>SQL</p></body></html>"
    assert sm.read_document(markup).kind == "html"
    doc = sm.read_document(markup, kind="text")
    assert doc.kind == "text"
    assert "<p>Python</p>" in doc.text


# --- HTML --------------------------------------------------------------------------------

HTML_CV = b"""<!DOCTYPE html>
<html><head><title>CV of Jane</title><style>.x { color: red }</style>
<script>document.write("injected")</script></head>
<body>
  <h1>Jane   Doe</h1>
  <p>Backend engineer &amp; <b>Python</b> developer</p>
  <h2>Skills</h2>
  <ul><li>Python</li><li>PostgreSQL</li></ul>
  <table><tr><th>Skill</th><th>Years</th></tr><tr><td>Go</td><td>3</td></tr></table>
  <div hidden>Kubernetes Kubernetes Kubernetes</div>
  <p style="display:none">Terraform</p>
  <template><p>Rust</p></template>
  <noscript>Enable JavaScript</noscript>
</body></html>"""


def test_html_visible_text_only() -> None:
    doc = sm.read_document(HTML_CV)
    assert doc.kind == "html"
    assert doc.backend == "lxml"
    assert doc.text == (
        "Jane Doe\nBackend engineer & Python developer\nSkills\n• Python\n• PostgreSQL\nSkill | Years\nGo | 3"
    )
    for hidden in ("CV of Jane", "injected", "color", "Kubernetes", "Terraform", "Rust", "JavaScript"):
        assert hidden not in doc.text


def test_html_from_suffix_and_kind(tmp_path: Path) -> None:
    path = tmp_path / "cv.htm"
    path.write_bytes(b"<p>Java</p>")
    assert sm.read_document(path).text == "Java"
    assert sm.read_document(b"<p>Java</p>", kind="html").text == "Java"


def test_html_with_only_script_warns() -> None:
    doc = sm.read_document(b"<html><body><script>render()</script></body></html>")
    assert doc.text == ""
    assert doc.warnings == ("no visible text",)


def test_html_meta_charset_does_not_redecode() -> None:
    markup = '<html><head><meta charset="iso-8859-1"></head><body><p>Müller</p></body></html>'
    assert sm.read_document(markup.encode()).text == "Müller"


# --- JSON Resume -------------------------------------------------------------------------


def test_json_resume_rendered_with_sections() -> None:
    resume = make.json_resume(
        basics={
            "name": "Ada Lovelace",
            "label": "Backend Engineer",
            "email": "ada@example.com",
            "summary": "Builds APIs.",
            "location": {"city": "London", "countryCode": "GB"},
            "profiles": [{"network": "GitHub", "url": "https://github.com/ada"}],
        },
        work=[
            {
                "name": "Acme",
                "position": "Senior Engineer",
                "startDate": "2019-01-15",
                "highlights": ["Built REST APIs in Python", "Ran PostgreSQL"],
            },
            {"name": "Initech", "position": "Engineer", "startDate": "2016-03", "endDate": "2018-12"},
        ],
        skills=[{"name": "Backend", "level": "Expert", "keywords": ["Python", "Go"]}],
        education=[{"institution": "UCL", "area": "Computer Science", "studyType": "BSc", "endDate": "2015"}],
        projects=[{"name": "skillmatch", "description": "CV screening", "keywords": ["spaCy"]}],
        certificates=[{"name": "CKA", "issuer": "CNCF", "date": "2021-06-01"}],
    )
    doc = sm.read_document(json.dumps(resume).encode())
    assert doc.kind == "json-resume"
    assert doc.text == (
        "Ada Lovelace\nBackend Engineer\nada@example.com • London, GB\nGitHub: https://github.com/ada\n\n"
        "Summary\nBuilds APIs.\n\n"
        "Experience\nSenior Engineer, Acme\nJan 2019 – Present\n• Built REST APIs in Python\n• Ran PostgreSQL\n\n"
        "Engineer, Initech\nMar 2016 – Dec 2018\n\n"
        "Skills\nBackend: Python, Go (Expert)\n\n"
        "Education\nBSc in Computer Science, UCL\n2015\n\n"
        "Projects\nskillmatch\nCV screening\nTechnologies: spaCy\n\n"
        "Certifications\nCKA, CNCF (Jun 2021)"
    )


def test_json_resume_tolerates_wrong_types() -> None:
    resume = {"basics": ["not", "an", "object"], "work": [None, 3, {"name": 7, "highlights": "x", "startDate": []}]}
    doc = sm.read_document(json.dumps(resume).encode())
    assert doc.kind == "json-resume"
    assert doc.text == "Experience\n7"


def test_json_that_is_not_a_resume(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text('{"name": "x"}', encoding="utf-8")
    with pytest.raises(sm.UnsupportedFormatError, match="not a JSON Resume"):
        sm.read_document(path)
    # Without the suffix it is just text.
    assert sm.read_document(b'{"name": "x"}').kind == "text"


def test_invalid_json_resume(tmp_path: Path) -> None:
    path = tmp_path / "cv.json"
    path.write_text('{"basics": ', encoding="utf-8")
    with pytest.raises(sm.CorruptDocumentError, match="invalid JSON") as info:
        sm.read_document(path)
    assert info.value.__cause__ is not None


def test_json_resume_in_a_txt_file_warns(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(json.dumps(make.json_resume()), encoding="utf-8")
    doc = sm.read_document(path)
    assert doc.kind == "json-resume"
    assert doc.warnings == ("the content is a JSON Resume, not plain text as its name says",)


# --- PDF -------------------------------------------------------------------------------


def test_pdf_text_and_pages() -> None:
    doc = sm.read_document(make.pdf(["Jane Doe\nPython developer", "Second page: Kubernetes"]))
    assert doc.kind == "pdf"
    assert doc.pages == 2
    assert doc.backend == "pypdfium2"
    assert doc.warnings == ()
    assert doc.text == "Jane Doe\nPython developer\n\nSecond page: Kubernetes"


def test_pdf_pdfminer_backend() -> None:
    doc = sm.read_document(make.pdf(["Jane Doe\nPython developer"]), backend="pdfminer")
    assert doc.backend == "pdfminer"
    assert doc.text.split("\n") == ["Jane Doe", "", "Python developer"]  # pdfminer sees two text boxes


def test_unknown_backend() -> None:
    with pytest.raises(ValueError, match="unknown PDF backend"):
        sm.read_document(make.pdf(), backend="poppler")


def test_pdf_hyphen_at_line_end_is_joined() -> None:
    doc = sm.read_document(make.pdf(["Experienced in develop-\nment of Python services\nSarbanes-\nOxley"]))
    assert "development of Python services" in doc.text
    assert "Sarbanes-Oxley" in doc.text


def test_pdf_two_columns_keep_their_order() -> None:
    left = ["SKILLS", "Python", "Docker", "Kubernetes"]
    right = ["EXPERIENCE", "Acme Corp 2019-2023", "Built payment APIs", "Led a team of four"]
    text = sm.read_document(make.two_column_pdf(left, right)).text
    positions = [text.index(line) for line in [*left, *right]]
    assert positions == sorted(positions), text


def test_pdf_page_limit_warns() -> None:
    data = make.pdf([f"Page {n} text" for n in range(1, 6)])
    doc = sm.read_document(data, limits=sm.Limits(max_pages=2))
    assert doc.pages == 5
    assert doc.text == "Page 1 text\n\nPage 2 text"
    assert doc.warnings == ("read the first 2 of 5 pages (max_pages=2)",)


def test_pdf_page_limit_with_pdfminer() -> None:
    data = make.pdf([f"Page {n} text" for n in range(1, 4)])
    doc = sm.read_document(data, limits=sm.Limits(max_pages=1), backend="pdfminer")
    assert doc.text == "Page 1 text"
    assert doc.warnings == ("read the first 1 of 3 pages (max_pages=1)",)


def test_pdf_without_text_layer_warns() -> None:
    doc = sm.read_document(make.image_only_pdf())
    assert doc.kind == "pdf"
    assert doc.text == ""
    assert doc.pages == 1
    assert doc.warnings == ("no text extracted: scanned image?",)


def test_pdf_fallback_to_pdfminer_when_pdfium_cannot_open() -> None:
    # The catalog points at a page tree that is not there: PDFium finds no pages, pdfminer.six
    # looks for page objects itself.
    data = make.raw_pdf(b"BT /F1 12 Tf 72 720 Td (Fallback text) Tj ET", filters="")
    broken = data.replace(b"/Pages 2 0 R >>", b"/Pages 9 0 R >>")
    doc = sm.read_document(broken)
    assert doc.backend == "pdfminer"
    assert doc.text == "Fallback text"
    assert doc.warnings == ("pypdfium2 could not open the file (no pages); read with pdfminer.six",)
    with pytest.raises(sm.CorruptDocumentError, match="no pages"):
        sm.read_document(broken, backend="pypdfium2")


# Helvetica's advance widths (1/1000 em), as its AFM gives them.
# fmt: off
HELVETICA_WIDTHS = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-", [
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944,
    667, 667, 611, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278,
    556, 500, 722, 500, 500, 500, 333,
], strict=True))
# fmt: on


def glyph_content(lines: list[list[tuple[str, float]]], *, advance: dict[str, float] | None = None) -> bytes:
    """A page drawn as wkhtmltopdf draws it: one text object per glyph, no space glyphs.

    Each line is a list of (word, gap after it in em); a glyph moves on by its Helvetica width
    unless ``advance`` gives it another (in em), as hinting does to wkhtmltopdf's glyphs.
    """
    advance = advance or {}
    ops = []
    y = 700.0
    for line in lines:
        x = 72.0
        for word, gap in line:
            for char in word:
                ops.append(f"BT /F1 12 Tf {x:.3f} {y:.1f} Td ({char}) Tj ET")
                x += advance.get(char, HELVETICA_WIDTHS[char] / 1000) * 12
            x += gap * 12
        y -= 17
    return " ".join(ops).encode()


def glyph_pdf(pages: list[bytes]) -> bytes:
    """A PDF with one page per content stream (Helvetica as /F1)."""
    count = len(pages)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * index} 0 R" for index in range(count)).encode()
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count))
    font = 3 + 2 * count
    for index, content in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R"
            b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * index, font)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return make.pdf_from_objects(objects)


def test_pdf_glued_words_are_respaced() -> None:
    # One glyph per text object, as wkhtmltopdf draws them, with word gaps of 0.15 em: PDFium
    # alone reads "WORKINGRFSYSTEMS".
    data = glyph_pdf([glyph_content([[("WORKING", 0.15), ("RF", 0.15), ("SYSTEMS", 0)]])])
    assert sm.read_document(data).text == "WORKING RF SYSTEMS"


def test_pdf_respacing_learns_an_advance_that_is_mostly_glued() -> None:
    # The "f" is drawn 0.2 em on where the font says 0.278 em (hinting), and "of" is glued to
    # the next word six times for the two steps inside "offline": the advance is learnt from
    # the steps that fit inside the glyph's box, so the glued majority does not hide the gap.
    line = [("offline", 0.5)] + [("of", 0.12), ("the", 0.5)] * 6
    data = glyph_pdf([glyph_content([line], advance={"f": 0.2})])
    assert sm.read_document(data).text == "offline" + " of the" * 6


def test_pdf_respacing_learns_from_plain_words_when_the_suspects_teach_nothing() -> None:
    # Every "f" in the tokens that look glued is glued; the plain words "after" and "staff",
    # which are not measured at first, are measured to learn how far an "f" really moves on.
    line = [("after", 0.5), ("staff", 0.5)] + [("of", 0.12), ("the", 0.5)] * 6
    data = glyph_pdf([glyph_content([line], advance={"f": 0.2})])
    assert sm.read_document(data).text == "after staff" + " of the" * 6


def test_pdf_respacing_keeps_a_hyphen_at_a_line_end() -> None:
    # A small gap before a hyphen at the line end: PDFium marks the hyphen (U+FFFE), and a
    # space put before the mark would keep "develop-ment" apart.
    data = glyph_pdf([glyph_content([[("we", 0.25), ("develop", 0.1), ("-", 0)], [("ment", 0.25), ("tools", 0)]])])
    assert sm.read_document(data).text == "we development tools"


def test_pdf_respacing_with_a_page_limit() -> None:
    pages = [
        glyph_content([[("Page", 0.15), (word, 0.15), ("Kubernetesexpert", 0)]]) for word in ("one", "two", "three")
    ]
    doc = sm.read_document(glyph_pdf(pages), limits=sm.Limits(max_pages=2))
    assert doc.pages == 3
    assert doc.text == "Page one Kubernetesexpert\n\nPage two Kubernetesexpert"
    assert doc.warnings == ("read the first 2 of 3 pages (max_pages=2)",)


def test_pdf_respacing_measures_only_tokens_that_may_hide_a_space() -> None:
    from skillmatch._pdf import _suspect_tokens

    tokens = ["ofthe", "Officefor", "WorkingRF", "2011present", "stations,cupboards", "fora", "followup"]
    assert _suspect_tokens(tokens) == [True] * len(tokens)
    plain = ["the", "Working", "RF", "SYSTEMS", "of", "Python,", "2011", "(team)", "a"]
    assert _suspect_tokens(plain) == [False] * len(plain)


# --- DOCX --------------------------------------------------------------------------------


def test_docx_body_table_header_footer_bullets() -> None:
    data = make.docx(
        ["Jane Doe", "Backend engineer"],
        table=[["Python", "6 years"], ["Kubernetes", "3 years"]],
        header="jane@example.com",
        footer="References on request",
        bullets=["Built REST APIs"],
    )
    doc = sm.read_document(data)
    assert doc.kind == "docx"
    assert doc.backend == "python-docx"
    assert doc.pages is None
    assert doc.text == (
        "jane@example.com\n\nJane Doe\nBackend engineer\n• Built REST APIs\nPython | 6 years\nKubernetes | 3 years"
        "\n\nReferences on request"
    )


def test_docx_sidebar_table_is_read_cell_by_cell() -> None:
    data = make.sidebar_docx(["CONTACT", "jane@example.com", "SKILLS", "Python", "Go"], ["EXPERIENCE", "Acme"])
    assert sm.read_document(data).text == "CONTACT\njane@example.com\nSKILLS\nPython\nGo\n\nEXPERIENCE\nAcme"


def test_docx_nested_table_text_box_and_content_control() -> None:
    body = (
        "<w:p><w:r><w:t>Before</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Outer</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Inner A</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>Inner B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "</w:tc></w:tr></w:tbl>"
        "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>In a control</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        "<w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Anchor</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Kept</w:t></w:r><w:del><w:r><w:delText>Deleted</w:delText></w:r></w:del>"
        "<w:r><w:tab/><w:t>tabbed</w:t><w:br/><w:t>broken</w:t></w:r></w:p>"
    )
    data = make.replace_part(make.docx([]), "word/document.xml", make.document_xml(body))
    assert sm.read_document(data).text == (
        "Before\nOuter\nInner A | Inner B\n\nIn a control\nAnchor\nBox text\nKept tabbed\nbroken"
    )


def test_docx_with_no_text_warns() -> None:
    data = make.replace_part(make.docx([]), "word/document.xml", make.document_xml("<w:p/>"))
    doc = sm.read_document(data)
    assert doc.text == ""
    assert doc.warnings == ("no text extracted: the document may hold only images",)


def test_not_a_word_zip() -> None:
    out = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(sm.UnsupportedFormatError, match="Excel workbook") as info:
        sm.read_document(out.getvalue())
    assert info.value.source == "<bytes>"


# --- sniffing ----------------------------------------------------------------------------


def test_pdf_named_docx_is_read_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "cv.docx"
    path.write_bytes(make.pdf(["Python developer"]))
    doc = sm.read_document(path)
    assert doc.kind == "pdf"
    assert doc.text == "Python developer"
    assert doc.warnings == ("the content is a PDF, not a Word document as its name says",)


def test_kind_argument_mismatch_warns() -> None:
    doc = sm.read_document(make.docx(["Go developer"]), kind="pdf")
    assert doc.kind == "docx"
    assert doc.warnings == ("the content is a Word document, not a PDF as the kind given says",)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "legacy Microsoft Office"),
        (b"{\\rtf1\\ansi Jane}", "RTF"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "image"),
        (b"\xff\xd8\xff\xe0" + bytes(100), "image"),
        (b"\x1f\x8b\x08" + bytes(100), "archive"),
        (bytes(range(256)) * 8, "binary data"),
    ],
    ids=["doc", "rtf", "png", "jpeg", "gzip", "binary"],
)
def test_unsupported_formats_name_the_file(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "upload.pdf"
    path.write_bytes(data)
    with pytest.raises(sm.UnsupportedFormatError, match=message) as info:
        sm.read_document(path)
    assert info.value.source == str(path)
    assert str(path) in str(info.value)


def test_encrypted_office_document() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100) + "EncryptedPackage".encode("utf-16-le") + bytes(100)
    with pytest.raises(sm.EncryptedDocumentError, match="password-protected"):
        sm.read_document(data)


def test_unknown_kind() -> None:
    with pytest.raises(sm.UnsupportedFormatError, match="unknown kind 'rtf'"):
        sm.read_document(b"x", kind="rtf")


def test_sniff_and_zip_kind() -> None:
    assert sniff(b"") == "empty"
    assert sniff(b"junk before %PDF-1.4") == "pdf"
    assert sniff(b"PK\x03\x04rest") == "zip"
    assert sniff(codecs.BOM_UTF16_LE + b"J\x00") == "text"
    assert zip_kind(["[Content_Types].xml", "word/document.xml"]) == "docx"
    assert zip_kind(["mimetype", "content.xml"]) == "odt"
    assert zip_kind(["ppt/presentation.xml"]) == "pptx"
    assert zip_kind(["a.txt"]) == "zip"


# --- sources -----------------------------------------------------------------------------


def test_every_kind_of_source(tmp_path: Path) -> None:
    data = make.pdf(["Python developer"])
    path = tmp_path / "cv.pdf"
    path.write_bytes(data)
    for source in (str(path), path, data, bytearray(data), memoryview(data), io.BytesIO(data)):
        assert sm.read_document(source).text == "Python developer"
    with path.open("rb") as handle:
        doc = sm.read_document(handle)
    assert doc.text == "Python developer"
    assert doc.source is None
    assert sm.read_document(path).source == str(path)


def test_text_stream_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="binary file"):
        sm.read_document(io.StringIO("Jane"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes a path"):
        sm.read_document(42)  # type: ignore[arg-type]


def test_errors_name_the_source(tmp_path: Path) -> None:
    with pytest.raises(sm.EmptyDocumentError) as info:
        sm.read_document(b"")
    assert info.value.source == "<bytes>"
    assert str(info.value) == "<bytes>: the file is empty (0 bytes)"
    with pytest.raises(sm.EmptyDocumentError) as info:
        sm.read_document(io.BytesIO(b"  \n\t "))
    assert info.value.source == "<stream>"
    path = tmp_path / "cv.txt"
    path.write_bytes(b"\n\n")
    with pytest.raises(sm.EmptyDocumentError, match="only white space") as info:
        sm.read_document(path)
    assert info.value.source == str(path)


def test_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        sm.read_document(tmp_path / "missing.pdf")
    with pytest.raises(IsADirectoryError):
        sm.read_document(tmp_path)


def test_corrupt_pdf_is_chained() -> None:
    with pytest.raises(sm.CorruptDocumentError) as info:
        sm.read_document(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    assert info.value.source == "<bytes>"
    assert info.value.__cause__ is not None


# --- limits ------------------------------------------------------------------------------


def test_max_bytes(tmp_path: Path) -> None:
    limits = sm.Limits(max_bytes=100)
    path = tmp_path / "cv.txt"
    path.write_bytes(b"x" * 101)
    for source in (path, b"x" * 101, io.BytesIO(b"x" * 101)):
        with pytest.raises(sm.LimitExceededError, match="max_bytes=100") as info:
            sm.read_document(source, limits=limits)
        assert info.value.limit == "max_bytes"
    assert sm.read_document(b"x" * 100, limits=limits).text == "x" * 100


def test_max_chars() -> None:
    limits = sm.Limits(max_chars=50)
    with pytest.raises(sm.LimitExceededError, match="max_chars=50") as info:
        sm.read_document(b"word " * 20, limits=limits)
    assert info.value.limit == "max_chars"
    with pytest.raises(sm.LimitExceededError, match="max_chars"):
        sm.read_document(make.pdf(["Python " * 20]), limits=limits)
    with pytest.raises(sm.LimitExceededError, match="max_chars"):
        sm.read_document(make.docx(["Python " * 20]), limits=limits)


def test_kinds_are_documented() -> None:
    assert documents.KINDS == ("pdf", "docx", "text", "markdown", "html", "json-resume")


# --- the samples and the corpora --------------------------------------------------------


def test_every_sample_reads(samples_dir: Path) -> None:
    folder = samples_dir / "cvs"
    paths = sorted(p for p in folder.glob("*") if p.suffix in {".pdf", ".docx", ".txt", ".md", ".html", ".json"})
    if not paths:
        pytest.skip("samples/cvs is empty")
    for path in paths:
        doc = sm.read_document(path)
        assert len(doc.text) > 200, path
        assert doc.warnings == (), (path, doc.warnings)
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe]", doc.text), path


@pytest.mark.corpus
def test_template_cvs_two_column_reading_order(corpora_dir: Path) -> None:
    base = corpora_dir / "template_cvs"
    deedy = sm.read_document(base / "deedy" / "OpenFonts" / "deedy_resume-openfont.pdf").text
    # Left column (education, links, coursework, skills) comes whole before the right one.
    order = ["EDUCATION", "LINKS", "COURSEWORK", "SKILLS", "EXPERIENCE", "RESEARCH", "AWARDS", "PUBLICATIONS"]
    assert [deedy.index(heading) for heading in order] == sorted(deedy.index(heading) for heading in order)
    assert "Led and shipped Yoda - the admin interface for the new Phoenix platform." in deedy
    sidebar = sm.read_document(base / "latexcv" / "sidebarleft" / "main.pdf").text
    assert sidebar.index("Django 5+ yrs") < sidebar.index("ILYA RUMYANTSEV") < sidebar.index("WORK EXPERIENCE")
    assert "specialized both in automation and in custom application development" in sidebar


@pytest.mark.corpus
def test_template_cvs_ligatures_from_tex_fonts(corpora_dir: Path) -> None:
    # These TeX fonts have no ToUnicode map: PDFium gives raw codes for ff/fi/fl/ffi, which are
    # recovered from the fonts' glyph names.
    base = corpora_dir / "template_cvs" / "latexcv"
    text = sm.read_document(base / "sidebar" / "main.pdf").text
    assert "Scientific Employee" in text
    assert "flexible assessment framework" in text
    text = sm.read_document(base / "templates" / "infographics" / "main.pdf").text
    assert "Stackoverflow" in text
    assert "Office" in text


@pytest.mark.corpus
def test_livecareer_words_are_not_glued(corpora_dir: Path) -> None:
    # wkhtmltopdf draws every glyph as its own object and PDFium drops the space glyphs.
    path = corpora_dir / "livecareer_pdfs" / "data" / "INFORMATION-TECHNOLOGY" / "10265057.pdf"
    text = sm.read_document(path).text
    assert text.startswith("WORKING RF SYSTEMS ENGINEER\nQualifications\nMicrosoft office/Office for Mac")
    assert "Programming language: C/C++, Python, Java" in text
    assert "Â" not in text


def test_threads_may_share_the_pdf_reader() -> None:
    from concurrent.futures import ThreadPoolExecutor

    files = [make.pdf([f"Candidate {n}\nPython and Go", f"Page two of {n}"]) for n in range(12)]
    expected = [sm.read_document(data).text for data in files]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(lambda data: sm.read_document(data).text, files * 3)) == expected * 3
