"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF consumers."""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from reportlint import __version__
from reportlint.checking.baseline import fingerprint
from reportlint.checking.linter import FileResult
from reportlint.checking.rules import Rule

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def to_sarif(results: list[FileResult], rules: list[Rule], lang: str) -> str:
    """One SARIF log with one run: the rules that were used and every finding."""
    used = sorted({r.id: r for r in rules}.values(), key=lambda r: r.id)
    index = {rule.id: i for i, rule in enumerate(used)}
    run = {
        "tool": {"driver": {
            "name": "reportlint",
            "version": __version__,
            "rules": [_rule(rule, lang) for rule in used],
        }},
        "columnKind": "unicodeCodePoints",
        "results": [_result(d, result, index) for result in results for d in result.diagnostics],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]},
                      ensure_ascii=False, indent=1)


def _rule(rule: Rule, lang: str) -> dict:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary(lang)},
        "fullDescription": {"text": rule.description[lang]},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"category": rule.category, "basis": rule.basis, "eras": list(rule.eras)},
    }


def _result(d, result: FileResult, index: dict[str, int]) -> dict:
    lines = result.report.source.lines if result.report else []
    text = lines[d.line - 1] if 0 < d.line <= len(lines) else ""
    record = {
        "ruleId": d.rule,
        "ruleIndex": index[d.rule],
        "level": _LEVEL[d.severity],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": quote(PurePath(d.path).as_posix())},
            "region": {"startLine": d.line, "startColumn": d.column,
                       "endLine": d.end_line, "endColumn": d.end_column},
        }}],
        "partialFingerprints": {"reportlint/v1": fingerprint(d, text)},
        "properties": {"name": d.name, "category": d.category, "basis": d.basis},
    }
    if d.location:
        record["locations"][0]["logicalLocations"] = [{"name": d.location}]
    return record
