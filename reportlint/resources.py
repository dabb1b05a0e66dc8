"""The one place that knows where the grammar, rules and templates live.

In a wheel they are package data (`reportlint/rules`, `reportlint/grammar`); in a
checkout they are the top-level `rules/` and `grammar/` folders.
"""

from __future__ import annotations

from pathlib import Path

import yaml

# libyaml's loader when PyYAML was built with it: several times faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder `name` ("rules" or "grammar"), installed or in the checkout."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"reportlint data folder {name!r} not found")
