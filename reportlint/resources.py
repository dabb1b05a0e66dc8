"""The one place that knows where the grammar, rules and templates live, and where their
prepared forms are kept.

In a wheel they are package data (`reportlint/rules`, `reportlint/grammar`); in a
checkout they are the top-level `rules/` and `grammar/` folders. What is built from
them (the rules validated, the templates and word lists loaded, the grammar's parser)
is kept in the user's private cache folder, under a key of the bytes it was built from,
reportlint's version and code, and Python's version, so a run after the first reads
it back instead of building it again. Neither PyYAML nor Lark is imported here until a
YAML text or a grammar is actually read.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from reportlint import __version__
from reportlint.atomic import write_atomically

_PACKAGE = Path(__file__).resolve().parent
YAML_MAX_BYTES = 1 << 20  # a configuration or rule file larger than this is refused


def yaml_loader():
    """libyaml's safe loader when PyYAML was built with it (several times faster), else PyYAML's own."""
    import yaml
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_problem(text: str) -> tuple[str, int] | None:
    """Why a YAML text is refused before it is loaded, with its line: ("size", 1) when
    it is too large, ("alias", line) when it uses an alias (a billion-laughs bomb
    is made of them; no rule or configuration needs one); None when it may be loaded.
    A text that is not YAML is left to the loader to report."""
    import yaml
    if len(text.encode("utf-8", "surrogatepass")) > YAML_MAX_BYTES:
        return "size", 1
    try:
        for event in yaml.parse(text, Loader=yaml_loader()):
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


def read_yaml(path: Path) -> tuple[Any, Any]:
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
    import yaml
    try:
        return yaml_document(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise DataFileError(path, mark.line + 1 if mark else 1, "yaml") from err


def yaml_document(text: str) -> tuple[Any, Any]:
    """The data of the YAML `text` and its node (where each key stands), parsed once;
    raises yaml.YAMLError."""
    loader = yaml_loader()(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def data_dir(name: str) -> Path:
    """The folder `name` ("rules" or "grammar"), installed or in the checkout."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"reportlint data folder {name!r} not found")


def data_file(path: Path) -> Any:
    """The YAML data file `path` (a template or a word list), loaded."""
    def build() -> Any:
        import yaml
        return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml_loader())
    return prepared(f"data {path}", [path.read_bytes()], build)


def prepared(what: str, sources: list[bytes], build: Callable[[], Any]) -> Any:
    """`build()`, kept in the private cache under a key of `what`, the bytes of the
    `sources` it is built from and the versions; read back from there while the key
    holds. Without a private cache folder (none can be made, or it is not private), or
    with an entry that cannot be read, it is built; one that cannot be written is not
    kept. Either way the caller gets the same value."""
    path = _entry(_key(what, sources) + ".pickle")
    value = _read(path)
    if value is _ABSENT:
        value = build()
        _write(path, value)
    return value


def kept(what: str) -> Any:
    """The value `keep` put in the private cache under `what` while the versions are the
    same; None when there is none, or none that can be read."""
    value = _read(_entry(_key(what, []) + ".pickle"))
    return None if value is _ABSENT else value


def keep(what: str, value: Any) -> None:
    """Keep `value` in the private cache under `what` (and the versions), for `kept`."""
    _write(_entry(_key(what, []) + ".pickle"), value)


_ABSENT = object()


def _read(path: Path | None) -> Any:
    if path is not None and path.is_file():
        try:
            with open(path, "rb") as file:
                return pickle.load(file)
        except Exception:  # a damaged entry: built again
            pass
    return _ABSENT


def _write(path: Path | None, value: Any) -> None:
    if path is not None:
        _keep(path, lambda file: pickle.dump(value, file, pickle.HIGHEST_PROTOCOL))


def _key(what: str, sources: list[bytes]) -> str:
    digest = hashlib.sha256(_versions() + what.encode("utf-8", "surrogatepass"))
    for data in sources:
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()[:40]


def lark_parser(grammar: str, **options):
    """A Lark parser of `grammar`, loaded from the private cache when it was saved
    there, else built and saved. Never Lark's own cache=True, whose pickle sits under a
    predictable name in the shared temp folder, where another user could plant one."""
    from lark import Lark, __version__ as lark_version

    key = hashlib.sha256(_versions() + repr((grammar, sorted(options.items()), lark_version)).encode())
    path = _entry(key.hexdigest()[:40] + ".lark")
    if path is not None and path.is_file():
        try:
            with open(path, "rb") as file:
                return Lark.load(file)
        except Exception:  # a damaged or outdated entry: build it again
            pass
    parser = Lark(grammar, **options)
    if path is not None:
        _keep(path, parser.save)
    return parser


def cache_folder() -> Path:
    """reportlint's folder in the user's cache folder: %LOCALAPPDATA%\\reportlint\\cache
    on Windows, else $XDG_CACHE_HOME/reportlint or ~/.cache/reportlint."""
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "reportlint" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reportlint"


def _entry(name: str) -> Path | None:
    """The path of the cache entry `name` in the private cache folder (made, 0700, if
    missing); None when there is no such folder that only this user can enter."""
    folder = _private(cache_folder())
    return folder / name if folder is not None else None


@cache
def _private(folder: Path) -> Path | None:
    """`folder`, made (0700) if missing, when only this user can enter it; else None.
    Looked at once a run."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = os.lstat(folder)
    except (OSError, ValueError):
        return None
    if not stat.S_ISDIR(status.st_mode):
        return None
    if os.name != "nt" and (status.st_mode & 0o077 or status.st_uid != os.getuid()):
        return None
    return folder


def _keep(path: Path, write: Callable) -> None:
    """Write a cache entry (0600) atomically; one that cannot be written is not kept."""
    try:
        write_atomically(path, write, mode=0o600)
    except Exception:  # a full or read-only disk, a value that cannot be pickled: not kept
        pass


@cache
def _versions() -> bytes:
    """The digest of what every key holds besides its own sources: reportlint's version
    and code, and Python's version."""
    return hashlib.sha256(repr((__version__, sys.version, _code_stamp())).encode()).digest()


@cache
def _code_stamp() -> tuple:
    """The size and time of every module of reportlint: a checkout whose code changed
    (with the same version) does not read what its earlier code prepared."""
    return stamp(str(_PACKAGE), ".py")


def stamp(top: str, suffix: str = "") -> tuple:
    """The path (from `top`), size and time of every file under the folder `top` whose
    name ends with `suffix` (bytecode left out)."""
    found = []
    for folder, folders, files in os.walk(top):
        folders[:] = [name for name in folders if name != "__pycache__"]
        below = os.path.relpath(folder, top)
        for name in files:
            if name.endswith(suffix):
                status = os.stat(os.path.join(folder, name))
                found.append((os.path.normpath(os.path.join(below, name)), status.st_size, status.st_mtime_ns))
    return tuple(sorted(found))
