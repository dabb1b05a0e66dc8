"""Every rule's good and bad examples run as tests: good ones give no diagnostic of the
rule, bad ones give one (at the expected line:column when the example says where)."""

from __future__ import annotations

import pytest

from reportlint.checking import kinds
from reportlint.checking.linter import lint_across
from reportlint.checking.rules import load_rules
from reportlint.reading.source import Limits
from tests.conftest import lint_text

RULES = load_rules()
CASES = [
    pytest.param(rule, kind, i, example, id=f"{rule.id}-{kind}{i}")
    for rule in RULES
    for kind, examples in (("good", rule.good), ("bad", rule.bad))
    for i, example in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "kind", "index", "example"), CASES)
def test_example(rule, kind, index, example, monkeypatch):
    if rule.kind == "internal" and kind == "bad":  # its bad example is any text reportlint fails on
        monkeypatch.setattr("reportlint.checking.linter.parse_report", _fail)
    limits = Limits(size=example.max_size) if example.max_size else Limits()
    result = lint_text(example.text, RULES, year=example.year, issuer_level=example.issuer_level, limits=limits)
    found = [d for d in result.diagnostics if d.rule == rule.id]
    across = kinds.get(rule.kind).across
    if across:  # the other report is read as a file of its own
        other = lint_text(example.other, RULES, path="other.txt", issuer_level=example.issuer_level)
        found = lint_across(result.report, other.report, across, [rule])
    where = [f"{d.line}:{d.column}" for d in found]
    if kind == "good":
        assert not found, f"good example {index} of {rule.id} gives {where}: {[d.message for d in found]}"
    else:
        assert found, f"bad example {index} of {rule.id} gives no {rule.id} diagnostic"
        for expected in example.expect:
            assert expected in where, f"{rule.id}: expected a diagnostic at {expected}, got {where}"


def _fail(*args, **kwargs):
    raise RuntimeError("a failure inside reportlint")
