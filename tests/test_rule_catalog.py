"""Meta-tests of the rule catalogue: every rule complete, unique and well-formed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reportlint.checking import kinds
from reportlint.checking.diagnostics import CATEGORIES
from reportlint.checking.rules import SCOPES, RuleFileError, load_rule, load_rules
from reportlint.resources import data_dir

RULES = load_rules()


def test_rules_are_loaded():
    assert len(RULES) >= 20


def test_ids_and_names_are_unique():
    assert len({r.id for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_complete(rule):
    assert rule.good and rule.bad, "every rule has good and bad examples"
    assert rule.kind in kinds.KINDS
    assert rule.scope in SCOPES
    assert rule.category in CATEGORIES
    assert rule.message["zh"] and rule.message["en"]
    assert rule.description["zh"] and rule.description["en"]
    assert rule.basis


def test_every_kind_is_used():
    used = {r.kind for r in RULES}
    assert set(kinds.KINDS) == used, f"unused kinds: {set(kinds.KINDS) - used}"


def _write(tmp_path: Path, text: str, name: str = "X001.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = Path(data_dir("rules") / "S040.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("change", "line", "words"), [
    (("kind: empty-heading", "kind: no-such-kind"), None, "unknown kind"),
    (("category: structure", "category: grammar"), None, "category must be"),
    (("severity: warning", "severity: fatal"), None, "severity must be"),
    (("name: empty-heading", "name: Empty Heading"), None, "kebab-case"),
    (("  zh: \"标题「{heading}」下没有任何内容\"", "  zh: \"标题「{nope}」下没有任何内容\""), None, "does not provide"),
])
def test_bad_rule_file_names_file_and_line(tmp_path, change, line, words):
    text = GOOD.replace("id: S040", "id: X001").replace(*change)
    assert text != GOOD.replace("id: S040", "id: X001"), "the change must apply"
    path = _write(tmp_path, text)
    with pytest.raises(RuleFileError) as info:
        load_rule(path)
    key = change[0].split(":")[0].strip()
    expected_line = next(i for i, l in enumerate(text.splitlines(), 1) if l.strip().startswith(key))
    if key == "zh":
        expected_line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("message"))
    assert words in str(info.value)
    assert str(info.value).startswith(f"{path}:{expected_line}:")


def test_rule_without_examples_is_refused(tmp_path):
    data = yaml.safe_load(GOOD)
    data["id"] = "X001"
    data["examples"] = {"good": ["一、总体情况\n正文。\n"], "bad": []}
    path = _write(tmp_path, yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(RuleFileError, match="at least one bad example"):
        load_rule(path)


def test_unknown_param_is_refused(tmp_path):
    text = GOOD.replace("id: S040", "id: X001").replace("basis:", "params: {depth: 3}\nbasis:")
    with pytest.raises(RuleFileError, match="has no param 'depth'"):
        load_rule(_write(tmp_path, text))


def test_duplicate_name_is_refused(tmp_path):
    _write(tmp_path, GOOD.replace("id: S040", "id: X001"))
    _write(tmp_path, GOOD.replace("id: S040", "id: X002"), "X002.yaml")
    with pytest.raises(RuleFileError, match="duplicate"):
        load_rules(tmp_path)


def test_invalid_yaml_names_its_line(tmp_path):
    path = _write(tmp_path, "id: X001\nname: [unclosed\n")
    with pytest.raises(RuleFileError) as info:
        load_rule(path)
    assert str(info.value).startswith(f"{path}:")


class _Recorded(dict):
    """A rule's params that remember which of them its kind reads."""

    def __init__(self, values: dict, read: set) -> None:
        super().__init__(values)
        self.read = read

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)


def test_each_rule_names_a_kind_whose_params_it_sets_and_nothing_else():
    """A kind does one thing: none takes a `problem` to switch on; every kind is some
    rule's, and declares the params it reads (running every rule's examples reads all
    of them and no other); a rule sets those only."""
    from dataclasses import replace

    from reportlint.checking.linter import lint_across
    from tests.conftest import lint_text

    rules = load_rules()
    assert not [k.name for k in kinds.KINDS.values() if "problem" in k.params]
    assert {r.kind for r in rules} == set(kinds.KINDS)
    read: dict[str, set] = {}
    recorded = [replace(r, params=_Recorded(r.params, read.setdefault(r.kind, set()))) for r in rules]
    for rule in recorded:
        assert set(rule.params) == set(kinds.get(rule.kind).params), rule.id
        across = kinds.get(rule.kind).across
        for example in (*rule.good, *rule.bad):
            result = lint_text(example.text, [rule], year=example.year, issuer_level=example.issuer_level)
            if across:
                other = lint_text(example.other, [rule], path="other.txt", issuer_level=example.issuer_level)
                lint_across(result.report, other.report, across, [rule])
    for name, kind in kinds.KINDS.items():
        assert read.get(name, set()) == set(kind.params), name


PATTERN = Path(data_dir("rules") / "S052.yaml").read_text(encoding="utf-8").replace("id: S052", "id: X001")
LISTED = Path(data_dir("rules") / "H102.yaml").read_text(encoding="utf-8").replace("id: H102", "id: X001")


@pytest.mark.parametrize(("text", "words"), [
    (PATTERN.replace("'年度报告格式", "'(年度报告格式"), "is not a regular expression"),
    (LISTED.replace("{list: spam}", "{list: spamm}"), "word list 'spamm', which does not exist (lists: chrome"),
    (PATTERN.replace("  patterns:\n", "  patterns:\n    - 3\n"), "is not a regular expression"),
])
def test_a_param_that_cannot_work_is_refused_when_the_rule_loads(tmp_path, text, words):
    path = _write(tmp_path, text)
    with pytest.raises(RuleFileError) as info:
        load_rule(path)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("params"))
    assert str(info.value).startswith(f"{path}:{line}:") and words in str(info.value)


def test_literal_patterns_are_not_read_as_regular_expressions(tmp_path):
    text = PATTERN.replace("  patterns:\n", "  literal: true\n  patterns:\n    - '(试行'\n")
    assert load_rule(_write(tmp_path, text)).params["patterns"][0] == "(试行"


def test_a_bad_regular_expression_set_in_the_config_is_refused():
    from reportlint.checking.rules import ParamError, with_params

    rule = next(r for r in RULES if r.id == "S052")
    with pytest.raises(ParamError, match="is not a regular expression"):
        with_params(rule, {"patterns": ["[2019"]})
