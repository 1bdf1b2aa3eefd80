"""Build a candidate's skill profile from a CV: sections, dated roles, mentions, evidence.

>>> import skillmatch as sm
>>> cv = "EXPERIENCE\\nBackend Engineer, Acme\\nJan 2020 - Dec 2021\\n- Built services in Go and PostgreSQL"
>>> p = sm.extract_profile(cv)
>>> [(e.skill.id, e.months) for e in p.skills]
[('go', 24), ('postgresql', 24)]
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .matcher import get_extractor
from .models import Document, Mention, Profile, Role, SkillEvidence
from .normalize import normalize_text
from .sections import find_sections
from .taxonomy import Taxonomy, load_taxonomy
from .timeline import find_roles, months_covered, skill_timeline, stated_months

__all__ = ["SECTION_STRENGTH", "extract_profile", "mention_strength"]

#: How much a mention in each section says about real use. A skill used in a dated role
#: is the strongest evidence (1.0); a keyword list is weaker, a course list weaker still.
SECTION_STRENGTH: dict[str, float] = {
    "experience": 0.8,
    "projects": 0.75,
    "summary": 0.6,
    "header": 0.5,
    "other": 0.5,
    "publications": 0.5,
    "skills": 0.5,
    "certifications": 0.45,
    "education": 0.35,
    "courses": 0.3,
    "interests": 0.2,
    "references": 0.1,
}
_ROLE_STRENGTH = {"experience": 1.0, "projects": 0.9}
_HEDGED_FACTOR = 0.5


def mention_strength(mention: Mention, roles: Sequence[Role] = ()) -> float:
    """How strongly one mention shows the skill was used: role bullets > skills list > courses.

    >>> from skillmatch.models import Mention
    >>> mention_strength(Mention("go", 0, 2, "Go", "skills"))
    0.5
    """
    if mention.role is not None and mention.role < len(roles):
        strength = _ROLE_STRENGTH.get(roles[mention.role].section, 0.9)
    else:
        strength = SECTION_STRENGTH.get(mention.section, 0.5)
    if mention.hedged:
        strength *= _HEDGED_FACTOR
    return round(strength, 3)


def extract_profile(
    text_or_document: str | Document,
    *,
    taxonomy: Taxonomy | None = None,
    as_of: date | None = None,
) -> Profile:
    """The skills a CV names, with where, how long and how recently each was used.

    A ``str`` is CV text (normalised first, so offsets refer to ``normalize_text(text)``);
    a :class:`~skillmatch.models.Document` is used as read. ``as_of`` is the date
    "Present" means (today when None).

    >>> import skillmatch as sm
    >>> p = sm.extract_profile("Skills: Python, Docker. No experience with Kubernetes.")
    >>> sorted(p.skill_ids), [m.text for m in p.discarded if m.negated]
    (['docker', 'python'], ['Kubernetes'])
    """
    if isinstance(text_or_document, Document):
        text = text_or_document.text
        source = text_or_document.source
        warnings = text_or_document.warnings
    elif isinstance(text_or_document, str):
        text = normalize_text(text_or_document)
        source = None
        warnings = ()
    else:
        raise TypeError(f"extract_profile() takes CV text or a Document, not {type(text_or_document).__name__}")
    tax = taxonomy if taxonomy is not None else load_taxonomy()
    today = as_of or date.today()
    sections = find_sections(text)
    roles = find_roles(text, sections, as_of=today)
    mentions = get_extractor(tax).find(text, sections, kind="cv", roles=roles)

    credited: dict[str, list[Mention]] = {}
    discarded: list[Mention] = []
    for m in mentions:
        if m.credited:
            credited.setdefault(m.skill_id, []).append(m)
        else:
            discarded.append(m)

    evidence: list[SkillEvidence] = []
    # "Python (5 years)": months for skills no dated role mentions (timeline.stated_months)
    stated = stated_months(text, (m for found in credited.values() for m in found))
    for skill_id, found in credited.items():
        months, last_used = skill_timeline(roles, {m.role for m in found if m.role is not None})
        if months is None:
            months = stated.get(skill_id)
        evidence.append(
            SkillEvidence(
                skill=tax[skill_id],
                mentions=tuple(found),
                months=months,
                last_used=last_used,
                strength=max(mention_strength(m, roles) for m in found),
                confidence=max(m.confidence for m in found),
            )
        )
    evidence.sort(key=lambda e: (-e.strength, e.mentions[0].start))
    return Profile(
        skills=tuple(evidence),
        total_months=months_covered(roles),
        roles=roles,
        sections=sections,
        discarded=tuple(discarded),
        as_of=today,
        source=source,
        warnings=warnings,
        taxonomy_version=tax.version,
    )
