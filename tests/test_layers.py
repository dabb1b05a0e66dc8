"""The layout is a pipeline: each package imports only the layers below it.

Read from the source with ast (nothing is imported), so an import inside a
function counts as much as one at the top of a module.
"""
import ast
from pathlib import Path

import reportlint

ROOT = Path(reportlint.__file__).parent

# The reportlint packages each package may import, besides the shared top-level modules.
ALLOWED = {
    "reading": set(),
    "checking": {"reading"},
    "reporting": {"checking", "reading"},
    "cli": {"checking", "reading", "reporting"},
}
SHARED = {path.stem for path in ROOT.glob("*.py")} - {"__main__"}


def _imports(path):
    """The names under reportlint that a file imports from: ["checking", "rules"], ...

    `from . import x` names x; `from reportlint import __version__` names the
    package's __init__."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    package = parts[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names = alias.name.split(".")
                if names[0] == "reportlint":
                    yield names[1:] or ["__init__"]
        elif isinstance(node, ast.ImportFrom):
            module = node.module.split(".") if node.module else []
            if node.level:
                base = package[: len(package) - node.level + 1] + module
            elif module[0] == "reportlint":
                base = module[1:]
            else:
                continue
            if base:
                yield base
            else:
                for alias in node.names:
                    yield [alias.name if alias.name in SHARED | set(ALLOWED) else "__init__"]


def _reaching_up():
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if parts == ("__main__.py",):
            continue  # `python -m reportlint` runs the command line
        layer = parts[0] if len(parts) > 1 else None
        allowed = SHARED if layer is None else SHARED | {layer} | ALLOWED[layer]
        for target in _imports(path):
            if target[0] not in allowed:
                found.append(f"{'/'.join(parts)} imports reportlint.{'.'.join(target)}")
    return found


def test_every_package_has_its_layer():
    assert {path.parent.name for path in ROOT.glob("*/__init__.py")} == set(ALLOWED)


def test_every_package_says_what_it_may_import():
    for name in ALLOWED:
        assert "May import" in ast.get_docstring(ast.parse((ROOT / name / "__init__.py").read_text(encoding="utf-8")))


def test_no_import_reaches_up():
    assert _reaching_up() == []


def test_shared_modules_import_no_package():
    """The shared top-level modules import only each other."""
    assert [line for line in _reaching_up() if "/" not in line.split()[0]] == []
