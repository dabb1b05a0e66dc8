"""Rules are YAML files: load them, validate every field, say where a bad one is wrong."""

from __future__ import annotations

import os
import re
import string
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from reportlint import patterns, templates, wordlists
from reportlint.checking import kinds
from reportlint.checking.diagnostics import CATEGORIES, SEVERITIES
from reportlint.checking.kinds.base import REQUIRED
from reportlint.i18n import t
from reportlint.resources import DataFileError, data_dir, prepared, read_yaml

SCOPES = ("report", "document")
_ID = patterns.compile(r"^[A-Z][0-9]{3}$")
_NAME = patterns.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_FIELDS = {"id", "name", "category", "severity", "kind", "scope", "eras", "basis",
           "message", "description", "params", "examples"}
_EXAMPLE_FIELDS = {"text", "year", "issuer_level", "max_size", "expect", "other"}


class RuleFileError(Exception):
    """A rule file that cannot be used: `problem` is the key of its text in i18n
    (`rule.…`), filled with `args`; str() is `path:line: message` in English,
    text(lang) the same in `lang`."""

    def __init__(self, path: Path, line: int, problem: str, **args: object) -> None:
        super().__init__(f"{path}:{line}: {t('rule.' + problem, 'en', **args)}")
        self.path, self.line, self.problem, self.args_ = path, line, problem, args

    def text(self, lang: str) -> str:
        return f"{self.path}:{self.line}: {t('rule.' + self.problem, lang, **self.args_)}"


@dataclass(frozen=True)
class Example:
    """A good or bad example of a rule, run as a test."""

    text: str
    year: int | None = None
    issuer_level: str | None = None
    expect: tuple[str, ...] = ()  # "line:column" of each expected diagnostic
    other: str | None = None  # for a rule across reports: last year's, or another unit's
    max_size: int | None = None  # the input size limit, in bytes, the example is read with


@dataclass(frozen=True)
class Rule:
    """One rule: what it checks (a kind and its params) and how it is reported."""

    id: str
    name: str
    category: str
    severity: str
    kind: str
    scope: str
    era_terms: tuple[str, ...]  # era names and ranges (">=2019"); none: every era
    basis: str
    message: dict[str, str]
    description: dict[str, str]
    params: dict[str, Any]
    good: tuple[Example, ...]
    bad: tuple[Example, ...]
    path: Path

    def summary(self, lang: str) -> str:
        """The first sentence of the description in `lang`."""
        text = self.description[lang]
        match = re.search(r"。|\.(\s|$)", text)
        return text[: match.end()].strip() if match else text

    @property
    def eras(self) -> tuple[str, ...]:
        """The eras the rule runs on, the oldest first."""
        return _eras(self.era_terms, templates.eras())

    def applies_to(self, era: str | None) -> bool:
        """Whether the rule runs on a report of `era` (unknown era: only all-era rules)."""
        return era in self.eras if era else self.eras == templates.eras()


@cache
def _eras(terms: tuple[str, ...], known: tuple[str, ...]) -> tuple[str, ...]:
    """The eras of `known` that `terms` name (all when none): the same for every rule
    with these terms, while no template folder adds an era."""
    return tuple(era for era in known if not terms or any(_era_in(era, term) for term in terms))


def _era_in(era: str, term: str) -> bool:
    """Whether `era` is the era `term` names, or in the range it opens (">=2019", "<=2019")."""
    if _era_name(term) == term:
        return era == term
    first, bound = templates.template(era).first_year, templates.template(_era_name(term)).first_year
    return first >= bound if term.startswith(">=") else first <= bound


def _era_name(term: str) -> str:
    return term[2:] if term[:2] in (">=", "<=") else term


def _era_terms(value: Any) -> tuple[str, ...] | None:
    """The era names and ranges of a rule's `eras` (a list, or one term); None when one
    is not an era."""
    terms = tuple(str(v) for v in (value if isinstance(value, list) else [value]))
    return terms if all(_era_name(t) in templates.eras() for t in terms) else None


def load_rules(directory: Path | None = None) -> list[Rule]:
    """Every rule in `directory` (the built-in rules by default), sorted by id; as
    prepared by an earlier run while the files have the same names, sizes and times
    (resources.prepared). The templates in a user's folder's `templates/` add their
    eras to the built-in ones, the word lists in its `lists/` extend the built-in lists
    (reportlint.wordlists).

    Raises RuleFileError for the first bad file, and for duplicate ids or names.
    """
    if directory is not None:
        try:
            templates.add_folder(directory / "templates")
            wordlists.add_folder(directory / "lists")
        except DataFileError as error:
            raise RuleFileError(error.path, error.line, error.problem, **error.args_) from error
    directory = directory or data_dir("rules")
    try:  # each file's name, size and time: reading the bytes of them all took longer than the rest
        files = sorted((entry.name, entry.stat().st_size, entry.stat().st_mtime_ns) for entry in os.scandir(directory)
                       if entry.name.endswith(".yaml") and not entry.name.startswith(".") and entry.is_file())
    except OSError:  # left to load_rule to report
        return _load_rules(sorted(directory.glob("*.yaml")))
    # the names of the word lists too: a rule's list is checked when it loads
    sources = [" ".join(wordlists.names()).encode(), repr(files).encode()]
    return prepared(f"rules {directory.resolve()}", sources, lambda: _load_rules([directory / f[0] for f in files]))


def _load_rules(paths: list[Path]) -> list[Rule]:
    rules = [load_rule(path) for path in paths]
    seen: dict[str, Rule] = {}
    for rule in rules:
        for key in (rule.id, rule.name):
            if key in seen:
                raise RuleFileError(rule.path, 1, "duplicate", field=repr(key), other=seen[key].path.name)
            seen[key] = rule
    return sorted(rules, key=lambda r: r.id)


def load_rule(path: Path) -> Rule:
    """Load and validate one rule file (never more than a small file; YAML aliases refused)."""
    try:
        raw, node = read_yaml(path)
    except DataFileError as error:
        raise RuleFileError(error.path, error.line, error.problem, **error.args_) from error
    if not isinstance(raw, dict):
        raise RuleFileError(path, 1, "mapping")
    lines = _key_lines(node)

    def fail(field_: str, problem: str, **args: object) -> RuleFileError:
        return RuleFileError(path, lines.get(field_, 1), problem, **args)

    unknown = set(raw) - _FIELDS
    if unknown:
        key = sorted(unknown)[0]
        raise fail(key, "unknown", field=repr(key))
    for key in ("id", "name", "category", "severity", "kind", "basis", "message",
                "description", "examples"):
        if key not in raw:
            raise RuleFileError(path, 1, "missing", field=repr(key))
    hashable = all(isinstance(raw[k], (str, int)) for k in ("id", "name", "category", "severity", "kind")) \
        and isinstance(raw.get("scope", "report"), str)
    if not hashable:
        raise fail("id", "fields")
    checks = (
        ("id", _ID.match(str(raw["id"])), "id", {}),
        ("id", str(raw["id"]) == path.stem, "id_file", {"id": repr(raw["id"]), "file": repr(path.stem)}),
        ("name", _NAME.match(str(raw["name"])), "name", {}),
        ("category", raw["category"] in CATEGORIES, "category", {"choices": ", ".join(CATEGORIES)}),
        ("severity", raw["severity"] in SEVERITIES, "severity", {"choices": ", ".join(SEVERITIES)}),
        ("kind", raw["kind"] in kinds.KINDS, "kind", {"kind": repr(raw["kind"]), "choices": ", ".join(sorted(kinds.KINDS))}),
        ("scope", raw.get("scope", "report") in SCOPES, "scope", {"choices": ", ".join(SCOPES)}),
        ("eras", _era_terms(raw.get("eras", [])) is not None, "eras", {"choices": ", ".join(templates.eras())}),
        ("basis", isinstance(raw["basis"], str) and raw["basis"].strip(), "basis", {}),
    )
    for key, ok, problem, args in checks:
        if not ok:
            raise fail(key, problem, **args)
    kind = kinds.get(raw["kind"])
    message = _bilingual(raw["message"], lambda *a, **k: fail("message", *a, **k))
    description = _bilingual(raw["description"], lambda *a, **k: fail("description", *a, **k))
    for lang, template in message.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        if not fields <= kind.args:
            bad = sorted(fields - kind.args)[0]
            raise fail("message", "message_arg", language=lang, arg="{" + bad + "}", kind=repr(kind.name),
                       args=", ".join(sorted(kind.args)) or "-")
    params = _params(raw.get("params") or {}, kind, lambda *a, **k: fail("params", *a, **k))
    good, bad = _examples(raw["examples"], raw["kind"], lambda *a, **k: fail("examples", *a, **k))
    return Rule(
        id=raw["id"], name=raw["name"], category=raw["category"], severity=raw["severity"],
        kind=raw["kind"], scope=raw.get("scope", "report"),
        era_terms=_era_terms(raw.get("eras", [])), basis=raw["basis"].strip(),
        message=message, description=description, params=params, good=good, bad=bad, path=path,
    )


class ParamError(ValueError):
    """A param set otherwise that the rule's kind does not take: `problem` is the key of
    its text in i18n (`rule.…`), filled with `args`."""

    def __init__(self, problem: str, **args: object) -> None:
        super().__init__(t("rule." + problem, "en", **args))
        self.problem, self.args_ = problem, args


def with_params(rule: Rule, values: dict) -> Rule:
    """The rule with some params set otherwise; ParamError says which is wrong."""
    return replace(rule, params=_params({**rule.params, **values}, kinds.get(rule.kind), ParamError))


def _key_lines(node) -> dict[str, int]:
    import yaml
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def _bilingual(value: Any, fail) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) != {"zh", "en"} \
            or not all(isinstance(v, str) and v.strip() for v in value.values()):
        raise fail("bilingual")
    return {lang: _unwrap(text, lang) for lang, text in value.items()}


def _unwrap(text: str, lang: str) -> str:
    """Join the lines of a wrapped YAML paragraph: no space between Chinese lines."""
    joiner = "" if lang == "zh" else " "
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(joiner.join(line.strip() for line in p.splitlines()) for p in paragraphs)


def _params(raw: Any, kind, fail) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise fail("params")
    unknown = set(raw) - set(kind.params)
    if unknown:
        raise fail("no_param", kind=repr(kind.name), param=repr(sorted(unknown, key=str)[0]),
                   takes=", ".join(kind.params) or "-")
    params = {}
    for name, spec in kind.params.items():
        if name not in raw:
            if spec.default is REQUIRED:
                raise fail("needs_param", kind=repr(kind.name), param=repr(name))
            params[name] = spec.default
            continue
        value = raw[name]
        if not isinstance(value, spec.type) or (spec.choices and value not in spec.choices):
            types = spec.type if isinstance(spec.type, tuple) else (spec.type,)
            expected = " | ".join(spec.choices) if spec.choices else " | ".join(t.__name__ for t in types)
            raise fail("param_type", param=repr(name), expected=expected, value=repr(value)[:60])
        params[name] = value
    for name, spec in kind.params.items():
        if spec.form == "regex" and not params.get(spec.unless):
            _regexes(name, params[name], fail)
        elif spec.form == "list" and params[name] not in wordlists.names():
            raise fail("param_list", param=repr(name), value=repr(params[name])[:60],
                       choices=", ".join(wordlists.names()))
    return params


def _regexes(name: str, value: str | list, fail) -> None:
    """Raise `fail` unless `value` is a regular expression, or a list of them."""
    for pattern in value if isinstance(value, list) else [value]:
        try:
            re.compile(pattern)
        except (re.error, TypeError) as error:
            raise fail("param_regex", param=repr(name), value=repr(pattern)[:60], error=str(error)) from error


def _examples(raw: Any, kind: str, fail) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    if not isinstance(raw, dict) or set(raw) - {"good", "bad"}:
        raise fail("examples")
    out = []
    for key in ("good", "bad"):
        items = raw.get(key)
        if not isinstance(items, list) or not items:
            raise fail("example_needed", field=key)
        examples = []
        for item in items:
            item = {"text": item} if isinstance(item, str) else item
            if not isinstance(item, dict) or not isinstance(item.get("text"), str) \
                    or set(item) - _EXAMPLE_FIELDS:
                raise fail("example", field=key, fields=", ".join(sorted(_EXAMPLE_FIELDS)))
            if kinds.get(kind).across and not isinstance(item.get("other"), str):
                raise fail("example_other", field=key)
            examples.append(Example(item["text"], item.get("year"), item.get("issuer_level"),
                                    tuple(str(e) for e in item.get("expect", ())), item.get("other"),
                                    item.get("max_size")))
        out.append(tuple(examples))
    return out[0], out[1]
