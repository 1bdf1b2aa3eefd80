"""Reading, extracting, scoring and screening make no network connection, whatever the file asks for.

Two independent checks: Python-level socket calls to anything but a Unix socket raise (so
a library that tries is caught by name), and every document points its external
references (DTDs, XML entities, images, stylesheets, templates, links) at a local server
that counts the connections it receives, which also catches C code that opens sockets by
itself (libxml2's own HTTP client, for one).
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import socketserver
import threading
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import skillmatch as sm
from skillmatch.models import Document

AS_OF = date(2024, 6, 1)


class _CountingServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        self.connections = 0
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        self.server.connections += 1  # type: ignore[attr-defined]
        self.request.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nKubernetes Terraform Erlang\r\n")


@pytest.fixture
def server() -> Iterator[_CountingServer]:
    srv = _CountingServer()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


_ATTEMPTS: list[str] = []


def _refuse(what: str) -> Callable[..., Any]:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        _ATTEMPTS.append(f"{what}{args[:2]!r}")
        raise OSError(f"network blocked by the test: {what}")

    return refuse


def _block_network(patch: Callable[[object, str, object], None]) -> None:
    """Make every Python-level internet socket call fail and be recorded (Unix sockets still work)."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> None:
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)
        _refuse("connect")(address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family == socket.AF_UNIX:
            return real_connect_ex(self, address)
        _refuse("connect_ex")(address)
        return 1

    patch(socket.socket, "connect", connect)
    patch(socket.socket, "connect_ex", connect_ex)
    patch(socket, "create_connection", _refuse("create_connection"))
    patch(socket, "getaddrinfo", _refuse("getaddrinfo"))
    patch(socket, "gethostbyname", _refuse("gethostbyname"))


_WORKER_BLOCKED = False


def _blocked_reader(source: str, **kwargs: Any) -> Document:
    """read_document in a worker process whose sockets are blocked as in this one."""
    global _WORKER_BLOCKED
    if not _WORKER_BLOCKED:
        _block_network(setattr)
        _WORKER_BLOCKED = True
    try:
        doc: Document = sm.read_document(source, **kwargs)
    finally:
        if _ATTEMPTS:
            raise RuntimeError(f"network access attempted: {_ATTEMPTS}")
    return doc


def _documents_with_external_references(tmp_path: Path, samples_dir: Path, url: str) -> list[Path]:
    """Sample CVs rewritten so each format asks, every way it can, for something at ``url``."""
    out = []
    html = tmp_path / "remote.html"
    html.write_text(
        f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{url}/xhtml1-strict.dtd">
<html><head><link rel="stylesheet" href="{url}/style.css"><script src="{url}/app.js"></script>
<base href="{url}/"><meta http-equiv="refresh" content="0; url={url}/refresh"></head>
<body style="background: url({url}/bg.png)"><img src="{url}/photo.png">
<iframe src="{url}/frame"></iframe><object data="{url}/object"></object>
<h1>Ada Lovelace</h1><h2>Skills</h2><p>Python, Docker, PostgreSQL</p>
<a href="{url}/profile">profile</a></body></html>""",
        encoding="utf-8",
    )
    out.append(html)

    source_docx = next(p for p in sorted((samples_dir / "cvs").glob("*.docx")))
    template = tmp_path / "remote-template.docx"
    _rewrite_docx(source_docx, template, rels=_external_template(url))
    out.append(template)
    entity = tmp_path / "remote-entity.docx"
    _rewrite_docx(source_docx, entity, document=_external_entity(url))
    out.append(entity)

    resume = json.loads((samples_dir / "cvs" / "go-backend.resume.json").read_text(encoding="utf-8"))
    resume.setdefault("basics", {})["image"] = f"{url}/photo.png"
    resume["basics"]["url"] = f"{url}/home"
    resume["$schema"] = f"{url}/schema.json"
    remote_json = tmp_path / "remote.resume.json"
    remote_json.write_text(json.dumps(resume), encoding="utf-8")
    out.append(remote_json)

    pdf = tmp_path / "remote.pdf"
    _pdf_with_links(samples_dir / "cvs" / "senior-python-backend.pdf", pdf, url)
    out.append(pdf)
    return out


def _external_template(url: str) -> Callable[[str], str]:
    rel = (
        f'<Relationship Id="rIdRemote" TargetMode="External" Target="{url}/template.dotx" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"/>'
    )
    return lambda xml: xml.replace("</Relationships>", rel + "</Relationships>")


def _external_entity(url: str) -> Callable[[str], str]:
    doctype = f'<!DOCTYPE w:document [<!ENTITY remote SYSTEM "{url}/entity.txt">]>'

    def rewrite(xml: str) -> str:
        xml = re.sub(r"(<\?xml[^>]*\?>)", r"\1" + doctype, xml, count=1)
        return xml.replace("<w:t>", "<w:t>&remote; ", 1)

    return rewrite


def _rewrite_docx(
    source: Path,
    target: Path,
    *,
    document: Callable[[str], str] | None = None,
    rels: Callable[[str], str] | None = None,
) -> None:
    edits = {"word/document.xml": document, "word/_rels/document.xml.rels": rels}
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            edit = edits.get(item.filename)
            if edit is not None:
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)


def _pdf_with_links(source: Path, target: Path, url: str) -> None:
    """The sample PDF with a URI link, a remote go-to and an open action pointing at ``url``."""
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(source) as pdf:
        uri = pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(f"{url}/link"))
        remote = pikepdf.Dictionary(
            S=pikepdf.Name.GoToR, F=pikepdf.Dictionary(FS=pikepdf.Name.URL, F=pikepdf.String(f"{url}/r.pdf")), D=[0]
        )
        pdf.Root.OpenAction = uri
        page = pdf.pages[0]
        page.Annots = pdf.make_indirect(
            pikepdf.Array(
                [
                    pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 100, 20], A=a)
                    for a in (uri, remote)
                ]
            )
        )
        pdf.save(target)


def test_reading_extracting_and_scoring_never_open_a_connection(
    tmp_path: Path, samples_dir: Path, server: _CountingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _documents_with_external_references(tmp_path, samples_dir, server.url)
    files += sorted((samples_dir / "cvs").iterdir())
    jd = tmp_path / "remote-job.yaml"
    shutil.copy(samples_dir / "jds" / "python-backend.yaml", jd)
    with jd.open("a", encoding="utf-8") as fh:
        fh.write(f"# see {server.url}/job\n")

    _ATTEMPTS.clear()
    _block_network(monkeypatch.setattr)
    job = sm.load_job(jd)
    sm.parse_job(f"We need Python and Docker. Apply at {server.url}/apply")
    for path in files:
        try:
            doc = sm.read_document(path)
        except sm.DocumentError:
            assert path.name == "remote-entity.docx", "only the DOCX with a DTD may be refused"
            continue
        assert "Erlang" not in doc.text, f"{path.name}: text was fetched from the server"
        profile = sm.extract_profile(doc, as_of=AS_OF)
        sm.score(profile, job)
        sm.Profile.from_dict(json.loads(json.dumps(profile.to_dict())))
    in_process = sm.screen(files, job, workers=1, as_of=AS_OF)
    assert _ATTEMPTS == []
    assert server.connections == 0
    _all_ok_but_the_entity(in_process)


def _all_ok_but_the_entity(df: pd.DataFrame) -> None:
    for source, status, error in zip(df["source"], df["status"], df["error"], strict=True):
        if Path(source).name != "remote-entity.docx":
            assert status == "ok", f"{source}: {error}"


@pytest.mark.slow
def test_worker_processes_open_no_connection_either(tmp_path: Path, samples_dir: Path, server: _CountingServer) -> None:
    files = _documents_with_external_references(tmp_path, samples_dir, server.url)
    job = sm.load_job(samples_dir / "jds" / "python-backend.yaml")
    df = sm.screen(files, job, workers=2, reader=_blocked_reader, as_of=AS_OF)
    assert server.connections == 0
    assert not df["error"].str.contains("network access attempted", na=False).any()
    _all_ok_but_the_entity(df)
