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
YAML_MAX_BYTES = 1 << 20  # a configuration or rule file larger than this is refused


def yaml_problem(text: str) -> tuple[str, int] | None:
    """Why a YAML text is refused before it is loaded, with its line: ("size", 1) when
    it is too large, ("alias", line) when it uses an alias (a billion-laughs bomb
    is made of them; no rule or configuration needs one); None when it may be loaded.
    A text that is not YAML is left to the loader to report."""
    if len(text.encode("utf-8", "surrogatepass")) > YAML_MAX_BYTES:
        return "size", 1
    try:
        for event in yaml.parse(text, Loader=YAML_LOADER):
            if isinstance(event, yaml.AliasEvent):
                return "alias", event.start_mark.line + 1
    except yaml.YAMLError:
        return None
    return None


def data_dir(name: str) -> Path:
    """The folder `name` ("rules" or "grammar"), installed or in the checkout."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"reportlint data folder {name!r} not found")
