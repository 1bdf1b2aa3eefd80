"""Forms that name another technology beside certain neighbours: Cisco's IOS, vPC and ACI
among routers and switches, Hadoop's YARN beside HDFS, source-code configuration
management beside version control, the PCI bus beside device drivers, a MAC address.

Each rule is read only for a credited mention of its skill, on the mention's own line
(the list or sentence it is in), from the skills credited around it: the other sense
needs a neighbour of its kind, and a neighbour of the skill's own kind keeps the skill.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ._page import HitLike, Lines, Page, snippet

__all__ = ["other_senses"]


@dataclass(frozen=True)
class _Sense:
    """Another technology a form of ``skill`` names, and what shows it."""

    meaning: str  # what the form names instead, for the reason ("Cisco IOS")
    written: re.Pattern[str] | None = None  # the forms the rule is about, as written ("IOS", not "iOS")
    after: re.Pattern[str] | None = None  # words right after the form that show the other sense
    beside: frozenset[str] = frozenset()  # skills (or their descendants) that show the other sense nearby
    words: re.Pattern[str] | None = None  # words nearby that show the other sense
    own: frozenset[str] = frozenset()  # skills, descendants or categories nearby that keep the skill's own sense
    own_words: re.Pattern[str] | None = None  # words nearby that keep the skill's own sense
    instead: str | None = None  # the skill credited in its place, if the taxonomy has it


#: Routers, switches and their protocols: the company network, not the cloud or a phone.
_NETWORK_GEAR = frozenset(
    str.split("switching vlan spanning-tree routing bgp ospf mpls lan-wan firewalls ipsec sdn cisco-ios junos")
)
_NETWORK_WORDS = re.compile(
    r"\b(?:Cisco|Juniper|Catalyst|Nexus|routers?|switch(?:es)?|LACP|HSRP|VRRP|VDC|VTP|EIGRP|port-?channels?"
    r"|fabric|APIC)\b"
)

_SENSES: dict[str, _Sense] = {
    "ios": _Sense(
        "Cisco IOS",
        written=re.compile(r"IOS"),
        after=re.compile(r"[ \t]*-?[ \t]*(?:XE|XR|Firewall|router|switch|image|upgrades?|based)\b"),
        beside=_NETWORK_GEAR,
        words=_NETWORK_WORDS,
        own=frozenset({"mobile", "macos", "swift", "objective-c", "xcode"}),
        own_words=re.compile(r"\b(?:apps?|iPhone|iPad|Apple|Android|mobile|App[ \t]+Store)\b", re.IGNORECASE),
        instead="cisco-ios",
    ),
    "amazon-vpc": _Sense(
        "Cisco virtual port channel",
        written=re.compile(r"v?PCs?|VPCs?"),
        beside=_NETWORK_GEAR,
        words=_NETWORK_WORDS,
        own=frozenset({"cloud", "aws"}),
    ),
    "azure-container-instances": _Sense(
        "Cisco ACI",
        written=re.compile(r"ACI"),
        beside=_NETWORK_GEAR,
        words=_NETWORK_WORDS,
        own=frozenset({"azure", "container"}),
    ),
    "yarn": _Sense(
        "Hadoop YARN",
        beside=frozenset({"hadoop", "spark"}),
        own=frozenset({"nodejs", "javascript", "typescript", "frontend", "npm", "package-management"}),
        instead="hadoop",
    ),
    "configuration-management": _Sense(
        "source code configuration management",
        beside=frozenset({"version-control"}),
        words=re.compile(r"\b(?:SCM|ClearCase|baselin\w+|branching|merging|check-?ins?)\b", re.IGNORECASE),
        own=frozenset({"iac", "infrastructure-as-code", "containers", "cloud"}),
    ),
    "container-orchestration": _Sense(
        "orchestration of something else",
        written=re.compile(r"[Oo]rchestration"),
        # bare "orchestration" is about containers only beside them: any other neighbour
        # (a CI/CD server, a Cisco product, a workflow) shows another kind
        beside=frozenset({"*"}),
        own=frozenset({"container", "containers", "kubernetes", "docker"}),
    ),
    "pci-dss": _Sense(
        "the PCI bus",
        written=re.compile(r"PCI"),
        words=re.compile(
            r"\b(?:USB|I2C|SPI|UART|CAN|NDIS|PCIe|ISA|SATA|SCSI|device[ \t]+drivers?|drivers?|bus|firmware|BSP)\b",
            re.IGNORECASE,
        ),
        own=frozenset({"security", "compliance"}),
    ),
    "macos": _Sense(
        "a MAC address",
        written=re.compile(r"MAC|Mac"),
        after=re.compile(
            r"[ \t]*-?[ \t]*(?:address(?:es|ing)?|learning|tables?|filter(?:s|ing)?|aging|ageing|flapping|layer"
            r"|sublayer|frames?|spoofing|binding|authentication)\b",
            re.IGNORECASE,
        ),
    ),
    "port-idp": _Sense(
        "a network port",
        after=re.compile(
            r"[ \t]*-?[ \t]*(?:channels?|based|security|mirroring|forwarding|scan\w*|numbers?|address\w*|speed"
            r"|duplex|trunking)\b",
            re.IGNORECASE,
        ),
    ),
    "open-source": _Sense(
        "open-source software used",
        # "open source frameworks", "Hibernate (open source ORM framework)": what the
        # candidate used, not a contribution to it
        after=re.compile(
            r"[ \t]*(?:\([^()\n]{0,30}\)[ \t]*)?(?:[A-Za-z]+[ \t]+)?(?:frameworks?|tools?|software|librar(?:y|ies)"
            r"|technolog(?:y|ies)|products?|stacks?|databases?|components?|packages?|platforms?|solutions?"
            r"|applications?|alternatives?|systems?|utilities|CMS|ORMs?)\b",
            re.IGNORECASE,
        ),
        own_words=re.compile(
            r"\b(?:contribut\w*|maintainers?|committers?|maintained|authored|released)\b", re.IGNORECASE
        ),
    ),
}
_REACH = 150  # characters either side of the mention that are its neighbourhood


def other_senses(page: Page, hits: Sequence[HitLike], lines: Lines, categories: Mapping[str, str] | None) -> None:
    """Uncredit (or re-credit) the mentions whose neighbours show that they name something else."""
    text = page.text
    ancestors = page.vocab.ancestors
    cats = categories or {}
    for h in hits:
        sense = _SENSES.get(h.skill_id)
        if sense is None or not h.accepted or h.negated:
            continue
        written = text[h.start : h.end]
        if sense.written is not None and not sense.written.fullmatch(written):
            continue
        why = None
        ls, le = page.line(h.start, h.end)
        lo, hi = max(ls, h.start - _REACH), min(le, h.end + _REACH)
        if sense.after is not None and (m := sense.after.match(text, h.version_end)):
            if sense.own_words is not None and sense.own_words.search(text, lo, hi):
                continue
            why = f"{snippet(text, h.start, m.end(), 0)!r}"
        else:
            near = [o for o in lines.between(h, lo, hi) if o is not h and o.accepted and not o.negated]
            kinds = [{o.skill_id, cats.get(o.skill_id, ""), *ancestors.get(o.skill_id, ())} for o in near]
            if any(k & sense.own for k in kinds):
                continue
            if sense.own_words is not None and sense.own_words.search(text, lo, hi):
                continue
            other = next((o for o, k in zip(near, kinds, strict=True) if k & sense.beside or "*" in sense.beside), None)
            if other is not None:
                why = f"beside {text[other.start : other.end]!r}"
            elif sense.words is not None and (m := sense.words.search(text, lo, hi)):
                why = f"beside {m.group()!r}"
        if why is None:
            continue
        if sense.instead is not None:
            h.skill_id = sense.instead
            h.reason = f"{h.reason}; read as {sense.meaning} ({why})"
        else:
            h.accepted = False
            h.reason = f"rejected: {sense.meaning} ({why})"
