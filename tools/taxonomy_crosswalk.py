"""Propose and apply crosswalk fields (esco, onet_hot, linguist) for the taxonomy.

A development tool, not part of the package: it reads the third-party sources in
``../shared/corpora/taxonomy_sources`` and matches them against the taxonomy's names and
aliases. Review its proposals before applying them; nothing is written without ``--apply``.

    python tools/taxonomy_crosswalk.py propose > /tmp/crosswalk.tsv   # review, edit
    python tools/taxonomy_crosswalk.py apply /tmp/crosswalk.tsv        # write into taxonomy/*.toml
    python tools/taxonomy_crosswalk.py verify                          # every linguist name exists

Matching rules (deliberately conservative):
- ESCO: the skill description field starts with the preferred label; a row matches a skill
  when it starts with one of the skill's names or aliases *as written* (case-sensitive),
  followed by " (" or a space and a capital letter, and the label is not an ordinary
  lower-case word; the longest matching form wins, and each ESCO URI goes to one skill.
- O*NET: an example marked Hot Technology in an IT commodity class whose text (or the text
  after a leading vendor name) resolves to the skill.
- Linguist: a language whose name or alias resolves to the skill, of type programming,
  markup or data.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from _corpora import corpora_dir  # noqa: E402
from skillmatch.taxonomy import Taxonomy, load_taxonomy  # noqa: E402

VENDORS = (
    "Apache", "Microsoft", "Oracle", "IBM", "Amazon", "AWS", "Google", "Atlassian", "Red Hat", "The MathWorks",
    "Adobe Systems", "SAP", "Eclipse", "Apple", "Facebook", "Meta", "JetBrains", "HashiCorp", "Elastic", "Splunk",
    "Mozilla", "Sun", "Unified", "Hypertext", "Practical extraction and reporting language",
)  # fmt: skip
IT_COMMODITIES = (
    "Web platform development software", "Development environment software", "Data base management system software",
    "Object or component oriented development software", "Data base user interface and query software",
    "Operating system software", "Enterprise application integration software", "Project management software",
    "Business intelligence and data analysis software", "Application server software", "Electronic mail software",
    "Object oriented data base management software", "Data base reporting software", "Network monitoring software",
    "Configuration management software", "Program testing software", "File versioning software",
    "Metadata management software", "Access software", "Transaction server software",
    "Enterprise system management software", "Portal server software",
    "Requirements analysis and system architecture software", "Expert system software",
    "Network security and virtual private network VPN equipment software",
    "Network security or virtual private network VPN management software", "Analytical or scientific software",
    "Transaction security and virus protection software", "Content workflow software",
)  # fmt: skip


def _onet_hot(root: Path) -> dict[str, bool]:
    """Hot Technology examples -> whether they are in an IT commodity class."""
    import openpyxl  # type: ignore[import-untyped]  # dev-only dependency: pip install openpyxl

    wb = openpyxl.load_workbook(root / "taxonomy_sources" / "onet_technology_skills" / "Technology_Skills.xlsx")
    rows = wb.active.iter_rows(values_only=True)
    header = next(rows)
    col = {name: i for i, name in enumerate(header)}
    out: dict[str, bool] = {}
    for row in rows:
        if row[col["Hot Technology"]] == "Y":
            example = str(row[col["Example"]])
            out[example] = out.get(example, False) or row[col["Commodity Title"]] in IT_COMMODITIES
    return out


def _strip_vendor(text: str) -> list[tuple[str, bool]]:
    """(candidate, trusted): the example, its vendor-less rest (untrusted), its abbreviation."""
    out = [(text, True)]
    out.extend((text[len(vendor) + 1 :], False) for vendor in VENDORS if text.startswith(vendor + " "))
    # O*NET appends the abbreviation itself: "Structured query language SQL", "... VBScript"
    words = text.split()
    if len(words) > 1 and sum(ch.isupper() for ch in words[-1]) >= 2:
        out.append((words[-1], True))
    return out


def propose_onet(tax: Taxonomy, root: Path) -> dict[str, str]:
    """Skill id -> the Hot Technology example naming it.

    Outside the IT commodity classes only the full example counts ("Ab Initio"); inside,
    a vendor prefix or a trailing abbreviation may be dropped, but never down to a form the
    taxonomy flags as ambiguous ("Google Analytics" is not "Analytics").
    """
    out: dict[str, str] = {}
    for example, is_it in _onet_hot(root).items():
        candidates = _strip_vendor(example) if is_it else [(example, True)]
        for candidate, trusted in candidates:
            skill = tax.resolve(candidate)
            if skill is None:
                continue
            if not trusted and candidate.casefold() in {a.casefold() for a in skill.ambiguous}:
                continue
            out.setdefault(skill.id, example)
            break
    return out


def propose_linguist(tax: Taxonomy, root: Path) -> dict[str, str]:
    langs = json.loads((root / "taxonomy_sources" / "linguist" / "languages.json").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for name, data in langs.items():
        if data.get("type") not in ("programming", "markup", "data"):
            continue
        skill = tax.resolve(name)
        if skill is not None and skill.category in ("language", "frontend", "api", "build", "iac"):
            out.setdefault(skill.id, name)
    return out


_LOWER_WORD = re.compile(r"^[a-z][a-z ]*$")


def propose_esco(tax: Taxonomy, root: Path) -> dict[str, tuple[str, str]]:
    forms: list[tuple[str, str]] = []  # (form as written, skill id), longest first
    for skill in tax:
        for form in skill.forms:
            if len(form) < 2 or _LOWER_WORD.match(form):
                continue
            forms.append((form, skill.id))
    forms.sort(key=lambda f: -len(f[0]))
    by_first: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for form, sid in forms:
        by_first[form[:2]].append((form, sid))
    out: dict[str, tuple[str, str]] = {}
    taken: set[str] = set()
    with (root / "taxonomy_sources" / "esco_skills" / "skills.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            desc = row["description"]
            for form, sid in by_first.get(desc[:2], ()):
                if not desc.startswith(form):
                    continue
                rest = desc[len(form) :]
                if not (rest.startswith(" (") or re.match(r" [A-Z0-9]", rest)):
                    continue
                if sid not in out and row["id"] not in taken:
                    out[sid] = (row["id"], desc[:70])
                    taken.add(row["id"])
                break
    return out


def propose(args: argparse.Namespace) -> None:
    root = corpora_dir(args.corpora)
    if root is None:
        print("skipped: ../shared/corpora not found")
        return
    tax = load_taxonomy(ROOT / "taxonomy")
    esco = propose_esco(tax, root)
    onet = propose_onet(tax, root)
    ling = propose_linguist(tax, root)
    for sid in sorted({*esco, *onet, *ling}):
        skill = tax[sid]
        if sid in esco and not skill.esco:
            print(f"{sid}\tesco\t{esco[sid][0]}\t# {esco[sid][1]}")
        if sid in onet and not skill.onet_hot:
            print(f"{sid}\tonet_hot\ttrue\t# {onet[sid]}")
        if sid in ling and not skill.linguist:
            print(f"{sid}\tlinguist\t{ling[sid]}")
    for skill in tax:
        if skill.onet_hot and skill.id not in onet:
            print(f"# {skill.id} is flagged onet_hot but no Hot Technology example resolves to it")


def _insert_fields(out: list[str], pending: dict[str, str]) -> None:
    """Append the reviewed fields to the record just read, before its trailing blank lines."""
    k = len(out)
    while k > 0 and (not out[k - 1].strip() or out[k - 1].startswith("#")):
        k -= 1
    add = []
    for field in ("esco", "onet_hot", "linguist"):
        if field in pending:
            value = pending[field]
            add.append(f"{field} = {value}" if field == "onet_hot" else f'{field} = "{value}"')
    out[k:k] = add


def apply(args: argparse.Namespace) -> None:
    wanted: dict[str, dict[str, str]] = defaultdict(dict)
    for line in Path(args.file).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sid, field, value = line.split("\t")[:3]
        wanted[sid][field] = value
    for path in sorted((ROOT / "taxonomy").glob("*.toml")):
        lines = path.read_text(encoding="utf-8").split("\n")
        out: list[str] = []
        pending: dict[str, str] = {}
        for line in lines:
            if line.strip() == "[[skill]]":
                if pending:
                    _insert_fields(out, pending)
                pending = {}
            m = re.match(r'^id = "(.+)"$', line)
            if m:
                pending = dict(wanted.get(m[1], {}))
            m = re.match(r"^(esco|onet_hot|linguist) = ", line)
            if m and m[1] in pending:
                del pending[m[1]]  # already set: keep the reviewed value
            out.append(line)
        if pending:
            _insert_fields(out, pending)
        new = "\n".join(out)
        if new != "\n".join(lines):
            path.write_text(new, encoding="utf-8")
            print(f"updated {path.name}")


def verify(args: argparse.Namespace) -> None:
    root = corpora_dir(args.corpora)
    if root is None:
        print("skipped: ../shared/corpora not found")
        return
    tax = load_taxonomy(ROOT / "taxonomy")
    langs = json.loads((root / "taxonomy_sources" / "linguist" / "languages.json").read_text(encoding="utf-8"))
    uris = set()
    with (root / "taxonomy_sources" / "esco_skills" / "skills.csv").open(encoding="utf-8") as fh:
        uris = {row["id"] for row in csv.DictReader(fh)}
    bad = 0
    for skill in tax:
        if skill.linguist and skill.linguist not in langs:
            print(f"{skill.id}: linguist {skill.linguist!r} is not a Linguist language")
            bad += 1
        if skill.esco and skill.esco not in uris:
            print(f"{skill.id}: esco {skill.esco} is not in skills.csv")
            bad += 1
    print(f"{bad} problems")
    sys.exit(1 if bad else 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", help="corpora folder (default ../shared/corpora)")
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("propose")
    p_apply = sub.add_parser("apply")
    p_apply.add_argument("file")
    sub.add_parser("verify")
    args = parser.parse_args()
    {"propose": propose, "apply": apply, "verify": verify}[args.cmd](args)


if __name__ == "__main__":
    main()
