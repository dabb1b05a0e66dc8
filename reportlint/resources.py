"""The one place that knows where the grammar, rules and templates live.

In a wheel they are package data (`reportlint/rules`, `reportlint/grammar`); in a
checkout they are the top-level `rules/` and `grammar/` folders.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import yaml
from lark import Lark, __version__ as lark_version

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


class DataFileError(Exception):
    """A YAML data file (a rule, a template) that cannot be used: `problem` is the key of
    its text in i18n (`rule.…`), filled with `args`, at `path`:`line`."""

    def __init__(self, path: Path, line: int, problem: str, **args: object) -> None:
        super().__init__(f"{path}:{line}: {problem}")
        self.path, self.line, self.problem, self.args_ = path, line, problem, args


def read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """The data of the YAML file at `path` and its node (where each key stands): never
    more than a small file, YAML aliases refused. Raises DataFileError."""
    try:
        with open(path, "rb") as file:
            text = file.read(YAML_MAX_BYTES + 1).decode("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise DataFileError(path, 1, "unreadable") from err
    problem = yaml_problem(text)
    if problem:
        raise DataFileError(path, problem[1], problem[0], limit=YAML_MAX_BYTES // 1024)
    loader = YAML_LOADER(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise DataFileError(path, mark.line + 1 if mark else 1, "yaml") from err
    finally:
        loader.dispose()


def data_dir(name: str) -> Path:
    """The folder `name` ("rules" or "grammar"), installed or in the checkout."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"reportlint data folder {name!r} not found")


def lark_parser(grammar: str, **options) -> Lark:
    """A Lark parser of `grammar`, loaded from the user's private cache when it was
    saved there, else built and saved (atomically). Never Lark's own cache=True, whose
    pickle sits in the shared temp folder, where another user could plant one."""
    key = hashlib.sha256(repr((grammar, sorted(options.items()), lark_version)).encode()).hexdigest()[:32]
    folder = _private_cache()
    path = folder / f"{key}.lark" if folder else None
    if path and path.is_file():
        try:
            with open(path, "rb") as file:
                return Lark.load(file)
        except Exception:  # a damaged or outdated entry: build it again
            pass
    parser = Lark(grammar, **options)
    if path:
        try:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as file:
                parser.save(file)
            os.replace(tmp, path)
        except OSError:
            pass
    return parser


def _private_cache() -> Path | None:
    """reportlint's folder in the user's cache folder, when it is a real folder only
    its owner (this user) can enter; None otherwise (then nothing is cached)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "reportlint"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = os.lstat(folder)
    except (OSError, ValueError):
        return None
    private = stat.S_ISDIR(status.st_mode) and not status.st_mode & 0o077
    return folder if private and status.st_uid == os.getuid() else None
