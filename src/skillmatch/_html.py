"""The visible text of an HTML page, read with lxml's HTML parser.

lxml is imported here and nowhere else, lazily. Nothing is executed or fetched: scripts,
styles, templates and the ``<head>`` are dropped unread, the parser is told never to touch
the network, and libxml2's HTML parser does not process DTDs, so neither external entities nor
entity bombs are expanded (``&xxe;`` stays the literal text it is). Block elements become line
breaks and list items bullets; hidden elements (``hidden``, ``display:none``) are skipped, since
white-on-white keyword stuffing is a known trick.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["html_to_text"]

# Elements whose content is never shown as text.
_SKIP_TAGS = frozenset(
    [
        "head",
        "title",
        "script",
        "style",
        "template",
        "noscript",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "canvas",
        "select",
        "option",
        "button",
        "datalist",
        "audio",
        "video",
        "map",
        "area",
        "source",
        "track",
        "param",
        "meta",
        "link",
        "base",
    ]
)
# Elements that start and end a line.
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "ul",
        "caption",
    ]
)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACE_RE = re.compile(r"\s+")
# A DOCTYPE with an internal subset: libxml2's HTML parser ignores its declarations but shows
# the tail of the subset as text, so it is removed first.
_DOCTYPE_RE = re.compile(r"<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?[^>]*>", re.I)
_BLANK_LINES_RE = re.compile(r"[ \t]*\n[ \t\n]*")
_ROW_START_RE = re.compile(r"\n[ \t]*\|[ \t]*")


def html_to_text(markup: str) -> str:
    """Visible text of ``markup``, one line per block, ``• `` before list items.

    >>> html_to_text("<ul><li>Python</li><li>Go</li></ul><script>alert(1)</script>")
    '• Python\\n• Go'
    """
    from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

    parser = etree.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True)
    try:
        # Bytes with the encoding named, so that a <meta charset> or an XML declaration in the
        # text cannot make lxml decode what is already decoded.
        root = etree.fromstring(_DOCTYPE_RE.sub("", markup, count=1).encode("utf-8", "replace"), parser)
    except (etree.ParserError, ValueError):  # lxml raises these for documents with no content
        return ""
    if root is None:
        return ""
    out: list[str] = []
    pre_depth = 0
    skip_depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if skip_depth or tag in _SKIP_TAGS or _hidden(element):
                skip_depth += 1
                continue
            if tag in _BLOCK_TAGS:
                out.append("\n")
            elif tag == "li":
                out.append("\n• ")
            elif tag == "tr":
                out.append("\n")
            elif tag in ("td", "th"):
                out.append(" | ")
            elif tag == "br":
                out.append("\n")
            if tag == "pre":
                pre_depth += 1
            if element.text and tag:
                out.append(element.text if pre_depth else _SPACE_RE.sub(" ", element.text))
        else:
            if skip_depth:
                skip_depth -= 1
                if skip_depth:
                    continue
            else:
                if tag == "pre":
                    pre_depth -= 1
                if tag in _BLOCK_TAGS or tag == "li":
                    out.append("\n")
            if element.tail:
                out.append(element.tail if pre_depth else _SPACE_RE.sub(" ", element.tail))
    text = _BLANK_LINES_RE.sub("\n", "".join(out))
    # Table cells open with " | "; the first cell of a row needs none.
    return _ROW_START_RE.sub("\n", "\n" + text).strip()


def _hidden(element: Any) -> bool:
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE_RE.search(style))
