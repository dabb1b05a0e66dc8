"""Configuration: `.reportlint.yaml` or `[tool.reportlint]` in pyproject.toml.

The closest configuration file above each linted file applies to it. Keys:

    select: [structure, S020]        # only these rules (ids, names or categories)
    ignore: [typography]             # never these
    severity: {S013: error}          # severity per rule id, name or category
    fail-on: warning                 # error | warning | info
    lang: zh                         # zh | en
    year: 2024                       # the report year, instead of detection
    issuer-level: county_dept        # the issuer's level, instead of detection
    rules: [our-rules]               # folders of our own YAML rules (relative to the file)
    params: {K204: {factor: 3}}      # a rule's params set otherwise (ids or names); also
                                     # `rules: {K204: {factor: 3}}` (a mapping, like yamllint)
    renamed-issuers:                 # units renamed (机构改革): old name → new name, for
      某某县文化广电旅游体育局: 某某县文化和旅游局   # pairing a report with last year's
    per-file:                        # overrides for files matching glob patterns
      - files: ["乡镇/*.txt"]
        issuer-level: township
        ignore: [S041]
"""

from __future__ import annotations

import difflib
import fnmatch
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from reportlint.checking.diagnostics import SEVERITIES
from reportlint.checking.rules import ParamError, Rule, load_rules, with_params
from reportlint.reading.detect import LEVELS
from reportlint.i18n import t
from reportlint.resources import YAML_MAX_BYTES, yaml_document, yaml_problem

CONFIG_NAMES = (".reportlint.yaml", ".reportlint.yml", "pyproject.toml")
_KEYS = {"select", "ignore", "severity", "fail-on", "lang", "year", "issuer-level", "rules", "per-file",
         "renamed-issuers", "params"}
_PER_FILE_KEYS = {"files", "select", "ignore", "severity", "year", "issuer-level"}


class ConfigError(Exception):
    """A configuration file that cannot be used: the file, the key, and why (`problem`,
    the key of its text in i18n, filled with `args`); text(lang) says it all in one language."""

    def __init__(self, path: Path | None, key: str, problem: str, line: int | None = None, **args: object) -> None:
        super().__init__(f"{path}: {key}: {problem}")
        self.path, self.key, self.problem, self.line, self.args_ = path, key, problem, line, args

    def text(self, lang: str) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}: {self.key}"
        key = self.problem if "." in self.problem else "config." + self.problem  # rule.… for a rule's params
        return f"{where}: {t(key, lang, **self.args_)}"


class UnknownRule(ConfigError):
    """A rule id, name or category that no rule has, in `key` (select, ignore, severity,
    params) of the file at `path` (None: the command line); `close` the nearest real ones."""

    def __init__(self, path: Path | None, key: str, rule: str, close: list[str]) -> None:
        super().__init__(path, key, f"unknown rule {rule!r}")
        self.rule, self.close = rule, close


@dataclass(frozen=True)
class Settings:
    """What one configuration file (or none) says; every field optional."""

    path: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    fail_on: str | None = None
    lang: str | None = None
    year: int | None = None
    issuer_level: str | None = None
    rule_dirs: tuple[Path, ...] = ()
    renamed_issuers: tuple[tuple[str, str], ...] = ()
    params: tuple[tuple[str, str, int | None], ...] = ()  # (rule, its params as JSON: settings are
    # hashed, the line that sets them)
    per_file: tuple[tuple[tuple[str, ...], Settings], ...] = field(default=())

    def for_file(self, file: str | Path) -> Settings:
        """These settings with the per-file overrides that match `file` applied."""
        if not self.per_file:
            return self
        file, result = Path(file), self
        base = self.path.parent if self.path else Path.cwd()
        try:
            relative = file.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            relative = file.as_posix()
        for patterns, override in self.per_file:
            if any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(file.name, p) for p in patterns):
                result = replace(
                    result,
                    select=override.select or result.select,
                    ignore=result.ignore + override.ignore,
                    severity=result.severity + override.severity,
                    year=override.year or result.year,
                    issuer_level=override.issuer_level or result.issuer_level,
                )
        return result


def find(start: Path) -> Path | None:
    """The closest configuration file in `start` or a folder above it."""
    folder = start if start.is_dir() else start.parent
    for directory in (folder.resolve(), *folder.resolve().parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_section(candidate)):
                return candidate
    return None


# [tool.reportlint] in any of TOML's spellings: a dotted key or table name (quoted or
# spaced), or reportlint inside a [tool] table or an inline tool = {...}
_NAMES_SECTION = re.compile(r"""tool["']?\s*\.\s*["']?reportlint|^\s*\[\s*["']?tool["']?\s*\]|^\s*["']?tool["']?\s*=""", re.M)


def _has_section(pyproject: Path) -> bool:
    """Whether a pyproject.toml has [tool.reportlint]; a broken one that names it has
    (and is reported when it is loaded)."""
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return False
    if "reportlint" not in text or not _NAMES_SECTION.search(text):
        return False
    import tomllib  # only where a pyproject.toml may have the section

    try:
        tool = tomllib.loads(text).get("tool", {})
        return isinstance(tool, dict) and "reportlint" in tool
    except tomllib.TOMLDecodeError:
        return "tool.reportlint" in text


def load(path: Path) -> Settings:
    """Read and validate the configuration file at `path` (never more than a small
    file; YAML aliases refused)."""
    try:
        with open(path, "rb") as file:
            data = file.read(YAML_MAX_BYTES + 1)
        text = data.decode("utf-8")
    except (OSError, ValueError) as err:
        raise ConfigError(path, "-", "unreadable", error=getattr(err, "strerror", None) or str(err)) from err
    if len(data) > YAML_MAX_BYTES:
        raise ConfigError(path, "-", "size", limit=YAML_MAX_BYTES // 1024)
    if path.name == "pyproject.toml":
        import tomllib

        try:
            tool = tomllib.loads(text).get("tool", {})
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(path, "-", "toml", error=str(err)) from err
        raw = tool.get("reportlint", {}) if isinstance(tool, dict) else {}
    else:
        import yaml
        problem = yaml_problem(text)
        if problem:
            raise ConfigError(path, "-", problem[0], line=problem[1], limit=YAML_MAX_BYTES // 1024)
        try:
            raw, node = yaml_document(text)
            raw = raw or {}
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            raise ConfigError(path, "-", "yaml", line=mark.line + 1 if mark else 1) from err
    if not isinstance(raw, dict):
        raise ConfigError(path, "-", "mapping")
    settings = _settings(path, raw, _KEYS)
    lines = _rule_lines(node) if path.name != "pyproject.toml" else {}
    return replace(settings, params=tuple((k, v, lines.get(k)) for k, v, _ in settings.params))


def _rule_lines(node) -> dict[str, int]:
    """The line of each rule named under `params` (or `rules`, as a mapping)."""
    import yaml
    out: dict[str, int] = {}
    for key, value in node.value if isinstance(node, yaml.MappingNode) else ():
        if key.value in ("params", "rules") and isinstance(value, yaml.MappingNode):
            out.update((k.value, k.start_mark.line + 1) for k, _ in value.value if isinstance(k, yaml.ScalarNode))
    return out


def _settings(path: Path, raw: dict, allowed: set[str]) -> Settings:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise ConfigError(path, str(unknown[0]), "unknown", keys=", ".join(sorted(allowed)))
    severity = raw.get("severity", {})
    if not isinstance(severity, dict) or any(not isinstance(v, str) or v not in SEVERITIES
                                             for v in severity.values()):
        raise ConfigError(path, "severity", "severity", choices=", ".join(SEVERITIES))
    per_file = []
    for i, entry in enumerate(_list(path, raw, "per-file", dict)):
        key = f"per-file[{i}]"
        if "files" not in entry:
            raise ConfigError(path, key, "files")
        patterns = tuple(_list(path, entry, "files", str))
        per_file.append((patterns, _settings(path, {k: v for k, v in entry.items() if k != "files"},
                                             _PER_FILE_KEYS - {"files"})))
    return Settings(
        path=path,
        select=tuple(_list(path, raw, "select", str)),
        ignore=tuple(_list(path, raw, "ignore", str)),
        severity=tuple((str(k), v) for k, v in severity.items()),
        fail_on=_choice(path, raw, "fail-on", SEVERITIES),
        lang=_choice(path, raw, "lang", ("zh", "en")),
        year=_year(path, raw),
        issuer_level=_choice(path, raw, "issuer-level", LEVELS),
        rule_dirs=() if isinstance(raw.get("rules"), dict) else tuple(path.parent / d for d in _list(path, raw, "rules", str)),
        renamed_issuers=_renames(path, raw),
        params=_rule_params(path, raw),
        per_file=tuple(per_file),
    )


def _list(path: Path, raw: dict, key: str, kind: type) -> list:
    value = raw.get(key, [])
    if isinstance(value, kind) and kind is str:
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, kind) for v in value):
        raise ConfigError(path, key, "strings" if kind is str else "mappings")
    return value


def _renames(path: Path, raw: dict) -> tuple[tuple[str, str], ...]:
    value = raw.get("renamed-issuers", {})
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
                                              for k, v in value.items()):
        raise ConfigError(path, "renamed-issuers", "renamed")
    return tuple(value.items())


def _rule_params(path: Path, raw: dict) -> tuple:
    """The params set per rule, under `params`, or under `rules` when it is a mapping."""
    out = []
    for key in ("rules", "params"):
        value = raw.get(key, {})
        if key == "rules" and not isinstance(value, dict):
            continue
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise ConfigError(path, key, "params")
        out += [(str(k), json.dumps(v, ensure_ascii=False, sort_keys=True), None) for k, v in value.items()]
    return tuple(out)


def _choice(path: Path, raw: dict, key: str, choices: tuple[str, ...]) -> str | None:
    value = raw.get(key)
    if value is not None and (not isinstance(value, str) or value not in choices):
        raise ConfigError(path, key, "choice", choices=", ".join(choices), value=_shown(value))
    return value


def _year(path: Path, raw: dict) -> int | None:
    value = raw.get("year")
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 2008 <= value <= 2100):
        raise ConfigError(path, "year", "year", value=_shown(value))
    return value


def _shown(value: object) -> str:
    """A bad value as an error message quotes it (never a page of it)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "…"


def _check_names(settings: Settings, rules: list[Rule], select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    """Raise UnknownRule for the first id, name or category that no rule has, so that a
    typo never turns checks off in silence."""
    known = {k for rule in rules for k in (rule.id, rule.name, rule.category)}
    used = [(None, "--select", k) for k in select] + [(None, "--ignore", k) for k in ignore]
    for source in (settings, *(override for _, override in settings.per_file)):
        used += [(settings.path, "select", k) for k in source.select]
        used += [(settings.path, "ignore", k) for k in source.ignore]
        used += [(settings.path, "severity", k) for k, _ in source.severity]
        used += [(settings.path, "params", k) for k, _, _ in source.params]
    for path, key, name in used:
        if name not in known:
            guess = (name[0].upper() + name[1:].translate(_DIGIT_LIKE) if _ID_LIKE.fullmatch(name)
                     else name.lower().replace("_", "-"))
            raise UnknownRule(path, key, name, difflib.get_close_matches(guess, sorted(known), n=3, cutoff=0.6))


_ID_LIKE = re.compile(r"[A-Za-z][0-9OoIl]{3}")
_DIGIT_LIKE = str.maketrans("OoIl", "0011")


def rules_for(settings: Settings, builtin: list[Rule], select: tuple[str, ...] = (),
              ignore: tuple[str, ...] = ()) -> list[Rule]:
    """The rules a file is linted with: built-in and user rules, selected, re-graded.

    `select` (from the command line) replaces the configured selection; `ignore` adds to it.
    """
    rules = list(builtin)
    for directory in settings.rule_dirs:
        try:
            folder = directory.is_dir()
        except (OSError, ValueError):  # a name the system cannot take
            folder = False
        if not folder:
            raise ConfigError(settings.path, "rules", "folder", folder=directory)
        rules += load_rules(directory)
    ids = [r.id for r in rules] + [r.name for r in rules]
    duplicate = next((k for k in ids if ids.count(k) > 1), None)
    if duplicate:
        raise ConfigError(settings.path, "rules", "twice", rule=duplicate)
    _check_names(settings, rules, select, ignore)
    chosen = select or settings.select
    skipped = settings.ignore + ignore
    overrides = dict(settings.severity)
    out = []
    for rule in rules:
        keys = (rule.id, rule.name, rule.category)
        if rule.kind == "internal":  # a failure of reportlint is never deselected
            out.append(rule)
            continue
        if (chosen and not any(k in keys for k in chosen)) or any(k in keys for k in skipped):
            continue
        severity = next((overrides[k] for k in keys if k in overrides), rule.severity)
        rule = replace(rule, severity=severity)
        for key, values, line in settings.params:
            if key in keys:
                try:
                    rule = with_params(rule, json.loads(values))
                except ParamError as error:
                    raise ConfigError(settings.path, f"params: {key}", "rule." + error.problem, line=line,
                                      **error.args_) from error
        out.append(rule)
    return out

