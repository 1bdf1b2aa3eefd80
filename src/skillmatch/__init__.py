"""skillmatch: screen CVs for backend-engineering roles.

>>> import skillmatch as sm
>>> profile = sm.extract_profile("Skills: Python, Docker, Kubernetes, PostgreSQL")
>>> sorted(e.skill.id for e in profile.skills)
['docker', 'kubernetes', 'postgresql', 'python']

Names are imported on first use, so ``import skillmatch`` stays fast and pulls in
neither pandas nor spaCy nor a PDF library until they are needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# public name -> the module that defines it
_EXPORTS: dict[str, str] = {
    "read_document": "documents",
    "Limits": "limits",
    "load_taxonomy": "taxonomy",
    "Taxonomy": "taxonomy",
    "extract_profile": "profile",
    "SkillExtractor": "matcher",
    "parse_job": "jd",
    "load_job": "jd",
    "score": "scoring",
    "screen": "api",
    "screen_frame": "api",
    "iter_screen": "api",
    "profiles_to_frame": "api",
    "profiles_from_frame": "api",
    "Document": "models",
    "Skill": "models",
    "Section": "models",
    "Role": "models",
    "Mention": "models",
    "SkillEvidence": "models",
    "Profile": "models",
    "Requirement": "models",
    "Job": "models",
    "RequirementResult": "models",
    "Match": "models",
    "SkillmatchError": "errors",
    "DocumentError": "errors",
    "UnsupportedFormatError": "errors",
    "CorruptDocumentError": "errors",
    "EncryptedDocumentError": "errors",
    "EmptyDocumentError": "errors",
    "LimitExceededError": "errors",
    "DocumentTimeoutError": "errors",
    "TaxonomyError": "errors",
    "JobError": "errors",
    "ProfileError": "errors",
}

__all__ = ["__version__", *_EXPORTS]


def _version() -> str:
    # importlib.metadata costs about 40 ms to import: more than the rest of the package,
    # so the version is looked up when first asked for
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("skillmatch")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        globals()[name] = value = _version()
        return value
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'skillmatch' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs; redundant aliases mark re-exports
    __version__: str
    from .api import (
        iter_screen as iter_screen,
    )
    from .api import (
        profiles_from_frame as profiles_from_frame,
    )
    from .api import (
        profiles_to_frame as profiles_to_frame,
    )
    from .api import (
        screen as screen,
    )
    from .api import (
        screen_frame as screen_frame,
    )
    from .documents import (
        read_document as read_document,
    )
    from .errors import (
        CorruptDocumentError as CorruptDocumentError,
    )
    from .errors import (
        DocumentError as DocumentError,
    )
    from .errors import (
        DocumentTimeoutError as DocumentTimeoutError,
    )
    from .errors import (
        EmptyDocumentError as EmptyDocumentError,
    )
    from .errors import (
        EncryptedDocumentError as EncryptedDocumentError,
    )
    from .errors import (
        JobError as JobError,
    )
    from .errors import (
        LimitExceededError as LimitExceededError,
    )
    from .errors import (
        ProfileError as ProfileError,
    )
    from .errors import (
        SkillmatchError as SkillmatchError,
    )
    from .errors import (
        TaxonomyError as TaxonomyError,
    )
    from .errors import (
        UnsupportedFormatError as UnsupportedFormatError,
    )
    from .jd import (
        load_job as load_job,
    )
    from .jd import (
        parse_job as parse_job,
    )
    from .limits import (
        Limits as Limits,
    )
    from .matcher import (
        SkillExtractor as SkillExtractor,
    )
    from .models import (
        Document as Document,
    )
    from .models import (
        Job as Job,
    )
    from .models import (
        Match as Match,
    )
    from .models import (
        Mention as Mention,
    )
    from .models import (
        Profile as Profile,
    )
    from .models import (
        Requirement as Requirement,
    )
    from .models import (
        RequirementResult as RequirementResult,
    )
    from .models import (
        Role as Role,
    )
    from .models import (
        Section as Section,
    )
    from .models import (
        Skill as Skill,
    )
    from .models import (
        SkillEvidence as SkillEvidence,
    )
    from .profile import (
        extract_profile as extract_profile,
    )
    from .scoring import (
        score as score,
    )
    from .taxonomy import (
        Taxonomy as Taxonomy,
    )
    from .taxonomy import (
        load_taxonomy as load_taxonomy,
    )
