"""The checks across the reports of one run: each report against its predecessor, and
reports of different units against each other.

A report's predecessor is the report of the same issuer (the name normalised, renamed
units followed through the configuration's `renamed-issuers`, a name with or without
the city before it) on the year before, or the file `--previous` names. A report without one is not checked across years. Reports of
different issuers are compared for copied text only where the similarity index
(MinHash LSH) finds them alike, never every pair.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from reportlint import patterns
from reportlint.checking import kinds, similarity
from reportlint.checking.analyses import checking
from reportlint.checking.diagnostics import Diagnostic
from reportlint.checking.linter import FileResult, lint_across
from reportlint.checking.rules import Rule
from reportlint.normalize import norm

# the diagnostics of each (result, other, relation, rules): the rules across the two reports
Compare = Callable[[list[tuple[FileResult, FileResult, str, list[Rule]]]], list[list[Diagnostic]]]

_NOT_NAME = patterns.compile(r"[^\w]")
_SUFFIX = 5  # characters of the shorter name, at the least, when one name ends the other


def issuer_key(name: str | None, renames: Mapping[str, str]) -> str | None:
    """The issuer's name as reports are paired by: normalised, and renamed to its
    current name through `renames` (old → new, followed to the end)."""
    if not name:
        return None
    key, seen = _key(name), set()
    table = {_key(old): _key(new) for old, new in renames.items()}
    while key in table and key not in seen:
        seen.add(key)
        key = table[key]
    return key


def _key(name: str) -> str:
    return _NOT_NAME.sub("", norm(name))


def pair_years(results: list[FileResult], renames: Mapping[str, str]) -> None:
    """Give each report the same issuer's report on the year before, when the run has
    it: the same name, or else the one name that ends the other (洪泽区人民政府 and
    淮安市洪泽区人民政府), at least _SUFFIX characters long."""
    found: dict[tuple[str, int], FileResult] = {}
    ends: dict[tuple[str, int], set[str]] = {}  # (an ending of a name, year) → the names
    for result in results:
        key = _year_key(result, renames)
        if key and key not in found:
            found[key] = result
            for k in range(len(key[0]) - _SUFFIX + 1):
                ends.setdefault((key[0][k:], key[1]), set()).add(key[0])
    for result in results:
        key = _year_key(result, renames)
        if not key:
            continue
        name, year = key[0], key[1] - 1
        if (name, year) in found:
            result.previous = found[(name, year)]
            continue
        names = ends.get((name, year), set()) | {name[k:] for k in range(1, len(name) - _SUFFIX + 1)
                                                 if (name[k:], year) in found}
        if len(names) == 1:
            result.previous = found[(names.pop(), year)]


def _year_key(result: FileResult, renames: Mapping[str, str]) -> tuple[str, int] | None:
    r = result.report
    key = issuer_key(r.issuer, renames) if r and r.is_report else None
    return (key, r.year) if key and r.year else None


def year_apart(later: FileResult, earlier: FileResult, renames: Mapping[str, str]) -> bool:
    """Whether `earlier` is the report of `later`'s issuer, by the very name, on the year
    before: pair_years pairs the two when `earlier` is the first such report of the run."""
    a, b = _year_key(later, renames), _year_key(earlier, renames)
    return a is not None and b is not None and a[0] == b[0] and a[1] == b[1] + 1


def _same(a: str, b: str) -> bool:
    """Whether two names (issuer keys) are the same issuer's: equal, or one ends the other."""
    short, long = sorted((a, b), key=len)
    return long.endswith(short) and len(short) >= _SUFFIX


def check_run(results: list[FileResult], rules: list[list[Rule]], lang: str,
              renames: Mapping[str, str], previous: FileResult | None = None,
              compare: Compare | None = None) -> None:
    """Pair the reports (the one file with `previous`, when given), run the rules across
    years and across units, and add their diagnostics to the results (rules[i] are the
    rules of results[i]). `compare` gives the diagnostics of each (result, other,
    relation, rules) in turn, for a run whose reports were slimmed; by default a
    result's report is whole and each pair is checked here. A pair across years that
    was checked while both reports were whole (FileResult.compared) is not checked again."""
    with checking(*(r.report for r in results if r.report is not None)):  # each report's words read once
        if previous is not None:
            results[0].previous = previous
        else:
            pair_years(results, renames)
        tasks = [(i, result.previous, "previous") for i, result in enumerate(results)
                 if result.previous is not None and result.report is not None and result.previous.report is not None]
        if any(kinds.get(rule.kind).across == "peer" for own in rules for rule in own):
            tasks += [(a, results[b], "peer") for i, j in sorted(_peers(results, renames)) for a, b in ((i, j), (j, i))]
        pairs = [(results[i], other, relation, rules[i]) for i, other, relation in tasks]
        known = [result.compared.get(other.path) if relation == "previous" else None
                 for result, other, relation, _ in pairs]
        rest = [pair for pair, found in zip(pairs, known) if found is None]
        checked = iter(compare(rest) if compare else [lint_across(r.report, o.report, relation, own, lang)
                                                      for r, o, relation, own in rest])
        found = [next(checked) if diagnostics is None else diagnostics for diagnostics in known]
        added: dict[int, list[Diagnostic]] = {}
        for (i, _, _), diagnostics in zip(tasks, found):
            added.setdefault(i, []).extend(diagnostics)
        for i, diagnostics in added.items():
            results[i].diagnostics = sorted(results[i].diagnostics + diagnostics, key=Diagnostic.sort_key)


def _peers(results: list[FileResult], renames: Mapping[str, str]) -> set[tuple[int, int]]:
    """Pairs of reports of different issuers whose words may be alike (an unknown
    issuer may be either's: a mirror of the same report is no copy)."""
    usable = [i for i, r in enumerate(results) if r.report is not None and r.report.is_report]
    texts = [_own_words(results[i]) for i in usable]
    out = set()
    for a, b in similarity.candidate_pairs(texts, [results[i].signature for i in usable]):
        i, j = usable[a], usable[b]
        ki, kj = (issuer_key(results[k].report.issuer, renames) for k in (i, j))
        if ki and kj and not _same(ki, kj):
            out.add((min(i, j), max(i, j)))
    return out


def _own_words(result: FileResult) -> str:
    """The text of the report's own words: kept on a slimmed result, else read from its report."""
    return result.own_words if result.own_words is not None else similarity.words(result.report).text
