"""The official format of each era (sections, tables, labels) loaded from YAML data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlint.normalize import norm
from reportlint.resources import data_dir, data_file

ERAS = ("2008", "2019", "2021")


@dataclass(frozen=True)
class SectionSpec:
    """One mandated top-level section of an era."""

    id: str
    number: int
    title: str
    variants: tuple[str, ...]
    keywords: tuple[str, ...]
    required: bool
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    """An era's format: its notice, sections and table definitions (raw YAML dicts)."""

    era: str
    notice: str
    first_year: int
    last_year: int | None
    sections: tuple[SectionSpec, ...]
    tables: tuple[dict, ...]
    wording: tuple[str, ...] = ()  # stock sentences every report writes (not a copy of anyone's)


@cache
def template(era: str) -> Template:
    """The template of `era` ("2008", "2019" or "2021")."""
    path = data_dir("rules") / "templates" / f"{era}.yaml"
    raw = data_file(path)
    sections = tuple(
        SectionSpec(
            id=s["id"], number=i, title=s["title"],
            variants=tuple(s.get("variants", ())), keywords=tuple(s.get("keywords", ())),
            required=s.get("required", True), topics=tuple(s.get("topics", ())),
        )
        for i, s in enumerate(raw["sections"], start=1)
    )
    first, last = raw["years"]
    return Template(raw["era"], raw["notice"], first, last, sections, tuple(raw["tables"]),
                    tuple(raw.get("wording", ())))


@cache
def _english() -> dict:
    path = data_dir("rules") / "templates" / "english.yaml"
    return data_file(path)


def english(kind: str, key: str) -> str | None:
    """The English name of a table, row or column (`kind`: tables, rows, columns,
    identities) by its id; None when there is none."""
    return _english().get(kind, {}).get(key)


def table_spec(era: str, table_id: str) -> dict:
    """The raw template of one table of `era` (name, caption, rows, columns, identities)."""
    return next(t for t in template(era).tables if t["id"] == table_id)


def era_of_year(year: int | None) -> str | None:
    """The era whose format a report on `year` must follow."""
    if year is None:
        return None
    for era in reversed(ERAS):
        t = template(era)
        if year >= t.first_year and (t.last_year is None or year <= t.last_year):
            return era
    return None


@cache
def known_titles() -> frozenset[str]:
    """Every section title and variant of every era, normalised."""
    return frozenset(
        norm(title)
        for era in ERAS
        for s in template(era).sections
        for title in (s.title, *s.variants)
    )


@cache
def known_topics() -> tuple[str, ...]:
    """The usual titles of the overview's subsections (主动公开, 监督保障 …) with the words
    that follow them in headings (情况, 方面, 工作), normalised, longest first."""
    topics = {norm(t) for era in ERAS for s in template(era).sections for t in s.topics}
    forms = {t + tail for t in topics for tail in ("", "情况", "方面", "工作", "工作情况")}
    return tuple(sorted(forms, key=len, reverse=True))


@cache
def table_labels() -> tuple[frozenset[str], frozenset[str]]:
    """(row labels, header labels) of every table of every era, normalised."""
    rows: set[str] = set()
    headers: set[str] = set()
    for era in ERAS:
        for table in template(era).tables:
            for row in table["rows"]:
                if row.get("label"):
                    rows.update(norm(x) for x in (row["label"], *row.get("variants", ())))
            for col in table["columns"]:
                headers.update(norm(x) for x in (col["label"], *col.get("variants", ())))
            headers.update(norm(x) for x in table.get("header_labels", ()))
            for key in ("caption", "corner"):
                if table.get(key):
                    headers.add(norm(table[key]))
    return frozenset(rows), frozenset(headers)
