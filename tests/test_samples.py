"""Golden tests: every sample CV read, extracted and ranked as a careful recruiter would.

The expectations live in ``tests/golden/<cv>.yaml`` (see the README there). They were
written from the CVs themselves, not from skillmatch's output, so a failure here means the
library got a sample wrong, not that the golden file needs updating.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

import skillmatch as sm
from skillmatch.models import Document, Mention, Profile
from skillmatch.taxonomy import Taxonomy

ROOT = Path(__file__).resolve().parent.parent
CVS = ROOT / "samples" / "cvs"
JDS = ROOT / "samples" / "jds"
SRC = ROOT / "samples" / "src"
GOLDEN = ROOT / "tests" / "golden"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Golden:
    """One golden file: what a recruiter reads in one sample CV."""

    name: str
    source: str
    kind: str
    text_contains: tuple[str, ...] = ()
    text_absent: tuple[str, ...] = ()
    must_have: tuple[str, ...] = ()
    must_not_have: tuple[str, ...] = ()
    max_skills: int | None = None
    hedged: tuple[str, ...] = ()
    negated: tuple[str, ...] = ()
    sections: dict[str, tuple[str, ...]] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    experience_roles: int | None = None
    ranking: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return CVS / self.source

    @property
    def stem(self) -> str:
        return self.name


_KEYS = set(Golden.__dataclass_fields__) - {"name"}
_RANK_KEYS = {"rank", "max_rank", "bottom", "min_score", "max_score", "above"}


def _load_golden(path: Path) -> Golden:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    unknown = set(data) - _KEYS
    assert not unknown, f"{path.name}: unknown keys {sorted(unknown)}"
    for jd, facts in data.get("ranking", {}).items():
        assert set(facts) <= _RANK_KEYS, f"{path.name}: ranking {jd}: unknown keys {sorted(set(facts) - _RANK_KEYS)}"
    return Golden(
        name=path.stem,
        source=data["source"],
        kind=data["kind"],
        text_contains=tuple(data.get("text_contains", ())),
        text_absent=tuple(data.get("text_absent", ())),
        must_have=tuple(data.get("must_have") or ()),
        must_not_have=tuple(data.get("must_not_have") or ()),
        max_skills=data.get("max_skills"),
        hedged=tuple(data.get("hedged", ())),
        negated=tuple(data.get("negated", ())),
        sections={k: tuple(v) for k, v in data.get("sections", {}).items()},
        versions={k: str(v) for k, v in data.get("versions", {}).items()},
        experience_roles=data.get("experience_roles"),
        ranking=data.get("ranking", {}),
    )


GOLDENS = [_load_golden(p) for p in sorted(GOLDEN.glob("*.yaml"))]
IDS = [g.name for g in GOLDENS]
RANKED = [(g, jd) for g in GOLDENS for jd in sorted(g.ranking)]


@cache
def _document(source: str) -> Document:
    document: Document = sm.read_document(CVS / source)
    return document


@cache
def _profile(source: str) -> Profile:
    profile: Profile = sm.extract_profile(_document(source))
    return profile


@cache
def _ranking(jd: str) -> tuple[tuple[str, float], ...]:
    """(CV file name, score) for every sample CV against one JD, best first."""
    job = sm.load_job(JDS / jd)
    frame = sm.screen(sorted(p for p in CVS.iterdir() if p.is_file()), job)
    failed = frame[frame["status"] != "ok"]
    assert failed.empty, f"{jd}: samples failed to score:\n{failed[['source', 'error']]}"
    sources = [Path(str(s)).name for s in frame["source"].tolist()]
    scores = [float(s) for s in frame["score"].astype(float).tolist()]
    return tuple(zip(sources, scores, strict=True))


def _resolve(taxonomy: Taxonomy, name: str) -> str | None:
    skill = taxonomy.resolve(name)
    return None if skill is None else skill.id


def _must_resolve(taxonomy: Taxonomy, names: tuple[str, ...] | list[str], golden: Golden) -> list[str]:
    ids, missing = [], []
    for name in names:
        skill_id = _resolve(taxonomy, name)
        if skill_id is None:
            missing.append(name)
        else:
            ids.append(skill_id)
    assert not missing, f"{golden.source}: the taxonomy has no skill for {missing}"
    return ids


@cache
def _build_samples() -> Any:
    """samples/build_samples.py, loaded by path (samples/ is not a package)."""
    spec = importlib.util.spec_from_file_location("build_samples", ROOT / "samples" / "build_samples.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text)


def _credited(profile: Profile, skill_id: str) -> tuple[Mention, ...]:
    evidence = profile.get(skill_id)
    return () if evidence is None else evidence.mentions


# -- the sample set itself -----------------------------------------------------------------


def test_every_sample_has_a_golden_file() -> None:
    samples = {p.name for p in CVS.iterdir() if p.is_file()}
    covered = {g.source for g in GOLDENS}
    assert samples == covered, f"without golden: {sorted(samples - covered)}; missing CVs: {sorted(covered - samples)}"
    assert len(samples) >= 10


def test_sample_formats_cover_every_reader() -> None:
    kinds = {g.kind for g in GOLDENS}
    assert {"pdf", "docx", "text", "markdown", "html", "json-resume"} <= kinds


def test_structured_jds_name_known_skills(taxonomy: Taxonomy) -> None:
    for path in sorted(JDS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["requirements"], path.name
        for requirement in data["requirements"]:
            names = requirement.get("skills") or [requirement["skill"]]
            unknown = [n for n in names if taxonomy.resolve(n) is None]
            assert not unknown, f"{path.name}: unknown skills {unknown}"


def test_golden_rankings_name_real_files() -> None:
    jds = {p.name for p in JDS.iterdir()}
    stems = {g.name for g in GOLDENS}
    for golden in GOLDENS:
        for jd, facts in golden.ranking.items():
            assert jd in jds, f"{golden.name}: no JD {jd}"
            assert set(facts.get("above", ())) <= stems, f"{golden.name}: unknown CVs in 'above'"


@pytest.mark.parametrize("source", sorted(p.name for p in SRC.glob("*.md")))
def test_generated_samples_match_their_source(source: str) -> None:
    """The committed PDF/DOCX files say what samples/src says (rerun build_samples.py if not)."""
    cv = _build_samples().parse_source(SRC / source)
    target = CVS / cv.output
    if target.suffix == ".pdf":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(target))
        try:
            raw = "\n".join(page.get_textpage().get_text_range() for page in pdf)
        finally:
            pdf.close()
    else:
        import docx

        document = docx.Document(str(target))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            parts.extend(p.text for cell in table._cells for p in cell.paragraphs)
        for section in document.sections:
            parts.extend(p.text for p in section.header.paragraphs)
            parts.extend(p.text for p in section.footer.paragraphs)
        raw = "\n".join(parts)
    text = _collapse(raw.replace("\r", "\n"))
    expected = [cv.name, *cv.header_lines]
    for section in cv.sections:
        expected.append(section.heading.upper() if target.suffix == ".pdf" else section.heading)
        expected.extend(block.text for block in section.blocks)
    missing = [line for line in expected if _collapse(line) not in text]
    assert not missing, f"{target.name} is stale or garbled; not found: {missing[:3]}"


# -- reading ---------------------------------------------------------------------------------


@pytest.mark.parametrize("golden", GOLDENS, ids=IDS)
def test_sample_reads(golden: Golden) -> None:
    document = _document(golden.source)
    assert document.kind == golden.kind
    assert not any("no text" in w for w in document.warnings), document.warnings
    text = _collapse(document.text)
    missing = [s for s in golden.text_contains if _collapse(s) not in text]
    assert not missing, f"{golden.source}: text lacks {missing}"
    present = [s for s in golden.text_absent if s in document.text]
    assert not present, f"{golden.source}: text shows what is not visible: {present}"


# -- extraction -------------------------------------------------------------------------------


@pytest.mark.parametrize("golden", GOLDENS, ids=IDS)
def test_sample_offsets(golden: Golden) -> None:
    document = _document(golden.source)
    profile = _profile(golden.source)
    mentions = [m for e in profile.skills for m in e.mentions] + list(profile.discarded)
    assert mentions or golden.max_skills == 0
    for mention in mentions:
        assert document.text[mention.start : mention.end] == mention.text, mention
    for section in profile.sections:
        assert 0 <= section.start <= section.end <= len(document.text)
    for role in profile.roles:
        assert document.text[role.date_start : role.date_end] == role.date_text, role


@pytest.mark.parametrize("golden", GOLDENS, ids=IDS)
def test_sample_must_have(golden: Golden, taxonomy: Taxonomy) -> None:
    expected = _must_resolve(taxonomy, golden.must_have, golden)
    found = _profile(golden.source).skill_ids
    missing = sorted(set(expected) - found)
    assert not missing, f"{golden.source}: not found {missing}"


@pytest.mark.parametrize("golden", GOLDENS, ids=IDS)
def test_sample_must_not_have(golden: Golden, taxonomy: Taxonomy) -> None:
    # A trap the taxonomy cannot resolve cannot be produced: nothing to check for it.
    traps = {i for i in (_resolve(taxonomy, n) for n in golden.must_not_have) if i is not None}
    profile = _profile(golden.source)
    wrong = sorted(traps & profile.skill_ids)
    detail = {s: [m.text for m in _credited(profile, s)] for s in wrong}
    assert not wrong, f"{golden.source}: credited traps {detail}"
    if golden.max_skills is not None:
        assert len(profile.skills) <= golden.max_skills, sorted(profile.skill_ids)


@pytest.mark.parametrize("golden", [g for g in GOLDENS if g.hedged or g.negated], ids=lambda g: g.name)
def test_sample_hedged_and_negated(golden: Golden, taxonomy: Taxonomy) -> None:
    profile = _profile(golden.source)
    for skill_id in _must_resolve(taxonomy, golden.hedged, golden):
        evidence = profile.get(skill_id)
        assert evidence is not None, f"{golden.source}: hedged {skill_id} not credited at all"
        assert any(m.hedged for m in evidence.mentions), f"{golden.source}: {skill_id} not flagged hedged"
        assert evidence.confidence < 1.0, f"{golden.source}: hedged {skill_id} at full confidence"
    for skill_id in _must_resolve(taxonomy, golden.negated, golden):
        assert skill_id not in profile.skill_ids
        flagged = [m for m in profile.discarded if m.skill_id == skill_id and m.negated]
        assert flagged, f"{golden.source}: negated {skill_id} not kept as discarded evidence"


@pytest.mark.parametrize("golden", [g for g in GOLDENS if g.sections or g.versions], ids=lambda g: g.name)
def test_sample_sections_and_versions(golden: Golden, taxonomy: Taxonomy) -> None:
    profile = _profile(golden.source)
    for name, sections in golden.sections.items():
        (skill_id,) = _must_resolve(taxonomy, [name], golden)
        seen = sorted({m.section for m in _credited(profile, skill_id)})
        assert set(seen) & set(sections), f"{golden.source}: {skill_id} credited in {seen}, expected {sections}"
    for name, version in golden.versions.items():
        (skill_id,) = _must_resolve(taxonomy, [name], golden)
        seen_versions = sorted({m.version or "" for m in _credited(profile, skill_id)})
        assert version in seen_versions, f"{golden.source}: {skill_id} versions {seen_versions}, expected {version}"


@pytest.mark.parametrize("golden", [g for g in GOLDENS if g.experience_roles is not None], ids=lambda g: g.name)
def test_sample_experience_roles(golden: Golden) -> None:
    roles = [r for r in _profile(golden.source).roles if r.section == "experience"]
    assert len(roles) == golden.experience_roles, [(r.title, r.date_text) for r in roles]
    assert _profile(golden.source).total_months is not None


# -- ranking ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("golden", "jd"), RANKED, ids=[f"{g.name}-{jd}" for g, jd in RANKED])
def test_sample_ranking(golden: Golden, jd: str) -> None:
    facts = golden.ranking[jd]
    ranking = _ranking(jd)
    names = [name for name, _ in ranking]
    scores = dict(ranking)
    assert golden.source in scores, f"{jd}: {golden.source} not in the results"
    position = names.index(golden.source) + 1
    score = scores[golden.source]
    table = "\n".join(f"{i:2} {s:6.1f} {n}" for i, (n, s) in enumerate(ranking, 1))
    where = f"{golden.source} vs {jd}: rank {position}, score {score:.1f}\n{table}"
    assert 0.0 <= score <= 100.0, where
    if "rank" in facts:
        assert position == facts["rank"], where
    if "max_rank" in facts:
        assert position <= facts["max_rank"], where
    if "bottom" in facts:
        assert position > len(names) - facts["bottom"], where
    if "min_score" in facts:
        assert score >= facts["min_score"], where
    if "max_score" in facts:
        assert score <= facts["max_score"], where
    by_stem = {_stem(n): s for n, s in ranking}
    for other in facts.get("above", ()):
        assert score > by_stem[other], f"{where}\nexpected above {other}"


def _stem(file_name: str) -> str:
    return next(g.name for g in GOLDENS if g.source == file_name)
