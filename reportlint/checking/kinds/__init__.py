"""The check kinds: the only code behind the rules. A rule picks a kind and sets its params.

A kind knows nothing of rule ids, names or severities: it looks at a report and yields
Findings; the linter turns them into diagnostics.
"""

from __future__ import annotations

from reportlint.checking.kinds import (
    consistency,
    content,
    dates,
    hygiene,
    prose,
    structure,
    tables,
    text,
    typography,
    years,
)
from reportlint.checking.kinds.base import Kind

KINDS: dict[str, Kind] = {k.name: k for k in (*structure.KINDS, *text.KINDS, *content.KINDS, *dates.KINDS, *hygiene.KINDS, *prose.KINDS, *typography.KINDS, *tables.KINDS, *consistency.KINDS, *years.KINDS)}


def get(name: str) -> Kind:
    """The kind called `name`; KeyError if there is none."""
    return KINDS[name]
