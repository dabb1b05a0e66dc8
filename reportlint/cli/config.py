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
    params: {K204: {factor: 3}}      # a rule's params set otherwise (ids or names)
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
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from reportlint.checking.diagnostics import SEVERITIES
from reportlint.checking.rules import Rule, load_rules, with_params
from reportlint.reading.detect import LEVELS
from reportlint.resources import YAML_LOADER

CONFIG_NAMES = (".reportlint.yaml", ".reportlint.yml", "pyproject.toml")
_KEYS = {"select", "ignore", "severity", "fail-on", "lang", "year", "issuer-level", "rules", "per-file",
         "renamed-issuers", "params"}
_PER_FILE_KEYS = {"files", "select", "ignore", "severity", "year", "issuer-level"}


class ConfigError(Exception):
    """A configuration file that cannot be used; str() names the file and the key."""

    def __init__(self, path: Path, key: str, message: str) -> None:
        super().__init__(f"{path}: {key}: {message}")
        self.path, self.key, self.message = path, key, message


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
    params: tuple[tuple[str, str], ...] = ()  # (rule, its params as JSON: settings are hashed)
    per_file: tuple[tuple[tuple[str, ...], Settings], ...] = field(default=())

    def for_file(self, file: Path) -> Settings:
        """These settings with the per-file overrides that match `file` applied."""
        result = self
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


def _has_section(pyproject: Path) -> bool:
    try:
        return "reportlint" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
        return False


def load(path: Path) -> Settings:
    """Read and validate the configuration file at `path`."""
    try:
        text = path.read_text(encoding="utf-8")
        if path.name == "pyproject.toml":
            raw = tomllib.loads(text).get("tool", {}).get("reportlint", {})
        else:
            raw = yaml.load(text, Loader=YAML_LOADER) or {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, yaml.YAMLError) as err:
        raise ConfigError(path, "-", f"cannot be read: {err}") from err
    if not isinstance(raw, dict):
        raise ConfigError(path, "-", "must be a mapping of keys")
    return _settings(path, raw, _KEYS)


def _settings(path: Path, raw: dict, allowed: set[str]) -> Settings:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise ConfigError(path, unknown[0], f"unknown key; keys: {', '.join(sorted(allowed))}")
    severity = raw.get("severity", {})
    if not isinstance(severity, dict) or any(v not in SEVERITIES for v in severity.values()):
        raise ConfigError(path, "severity", f"must map rules to one of {', '.join(SEVERITIES)}")
    per_file = []
    for i, entry in enumerate(_list(path, raw, "per-file", dict)):
        key = f"per-file[{i}]"
        if "files" not in entry:
            raise ConfigError(path, key, "needs files: a list of glob patterns")
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
        rule_dirs=tuple(path.parent / d for d in _list(path, raw, "rules", str)),
        renamed_issuers=_renames(path, raw),
        params=_rule_params(path, raw),
        per_file=tuple(per_file),
    )


def _list(path: Path, raw: dict, key: str, kind: type) -> list:
    value = raw.get(key, [])
    if isinstance(value, kind) and kind is str:
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, kind) for v in value):
        raise ConfigError(path, key, f"must be a list of {'strings' if kind is str else 'mappings'}")
    return value


def _renames(path: Path, raw: dict) -> tuple[tuple[str, str], ...]:
    value = raw.get("renamed-issuers", {})
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
                                              for k, v in value.items()):
        raise ConfigError(path, "renamed-issuers", "must map each old name of a unit to its new name")
    return tuple(value.items())


def _rule_params(path: Path, raw: dict) -> tuple:
    value = raw.get("params", {})
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(path, "params", "must map rules (ids or names) to their params, e.g. {K204: {factor: 3}}")
    return tuple((str(k), json.dumps(v, ensure_ascii=False, sort_keys=True)) for k, v in value.items())


def _choice(path: Path, raw: dict, key: str, choices: tuple[str, ...]) -> str | None:
    value = raw.get(key)
    if value is not None and value not in choices:
        raise ConfigError(path, key, f"must be one of {', '.join(choices)}, not {value!r}")
    return value


def _year(path: Path, raw: dict) -> int | None:
    value = raw.get("year")
    if value is not None and (not isinstance(value, int) or not 2008 <= value <= 2100):
        raise ConfigError(path, "year", f"must be a year such as 2024, not {value!r}")
    return value


def _check_names(settings: Settings, rules: list[Rule], select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    """Raise UnknownRule for the first id, name or category that no rule has, so that a
    typo never turns checks off in silence."""
    known = {k for rule in rules for k in (rule.id, rule.name, rule.category)}
    used = [(None, "--select", k) for k in select] + [(None, "--ignore", k) for k in ignore]
    for source in (settings, *(override for _, override in settings.per_file)):
        used += [(settings.path, "select", k) for k in source.select]
        used += [(settings.path, "ignore", k) for k in source.ignore]
        used += [(settings.path, "severity", k) for k, _ in source.severity]
        used += [(settings.path, "params", k) for k, _ in source.params]
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
        if not directory.is_dir():
            raise ConfigError(settings.path, "rules", f"{directory} is not a folder")
        rules += load_rules(directory)
    ids = [r.id for r in rules] + [r.name for r in rules]
    duplicate = next((k for k in ids if ids.count(k) > 1), None)
    if duplicate:
        raise ConfigError(settings.path, "rules", f"rule {duplicate!r} is defined twice")
    _check_names(settings, rules, select, ignore)
    chosen = select or settings.select
    skipped = settings.ignore + ignore
    overrides = dict(settings.severity)
    out = []
    for rule in rules:
        keys = (rule.id, rule.name, rule.category)
        if (chosen and not any(k in keys for k in chosen)) or any(k in keys for k in skipped):
            continue
        severity = next((overrides[k] for k in keys if k in overrides), rule.severity)
        rule = replace(rule, severity=severity)
        for key, values in settings.params:
            if key in keys:
                try:
                    rule = with_params(rule, json.loads(values))
                except ValueError as error:
                    raise ConfigError(settings.path, f"params: {key}", str(error)) from error
        out.append(rule)
    return out

