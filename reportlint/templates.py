"""The official format of each era (sections, tables, labels) loaded from YAML data.

An era is a template file in a `templates/` folder of rules, named for the era
(`2021.yaml`): the built-in ones, and those of the user's own rule folders. A template
may `extends` another and give only what differs. The eras are ordered by first year.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlint.normalize import norm
from reportlint.resources import DataFileError, data_dir, data_file, prepared, read_yaml

_NOT_INHERITED = ("markers",)  # the labels only this era's tables carry are its own
_folders: list[Path] = []  # the user's template folders, after the built-in one


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
    report_title: str  # the wording every report's title ends with
    first_year: int
    last_year: int | None
    sections: tuple[SectionSpec, ...]
    tables: tuple[dict, ...]
    wording: tuple[str, ...] = ()  # stock sentences every report writes (not a copy of anyone's)
    markers: tuple[str, ...] = ()  # labels only this era's tables carry: evidence of its format
    confused_with: str | None = None  # the era whose tables its reports may write by mistake
    deadline: str | None = None  # the basis of one deadline (3月31日) for every issuer, if any

    @property
    def unified(self) -> bool:
        """A national format with tables and six mandated sections."""
        return bool(self.tables)


def add_folder(folder: Path) -> None:
    """Let the templates in `folder` (a user's rules folder's `templates/`) join the
    built-in ones; an era already known keeps its first template. Call it before any
    report is read. Raises DataFileError for a template that cannot be used."""
    if folder in _folders or not folder.is_dir():
        return
    _folders.append(folder)
    for cached in (_files, eras, template, known_titles, known_topics, table_labels):
        cached.cache_clear()
    try:
        for era in _files():
            template(era)
    except DataFileError:
        _folders.remove(folder)
        for cached in (_files, eras, template):
            cached.cache_clear()
        raise


@cache
def _files() -> dict[str, tuple[Path, dict, dict[str, int]]]:
    """era → (path, raw mapping, key → line) of every template file."""
    out: dict[str, tuple[Path, dict, dict[str, int]]] = {}
    for folder in (data_dir("rules") / "templates", *_folders):
        for path in sorted(folder.glob("*.yaml")):
            if path.stem not in out:
                raw, lines = _read(path)
                if raw is not None:
                    out[path.stem] = (path, raw, lines)
    return out


def _read(path: Path) -> tuple[dict | None, dict[str, int]]:
    """The raw template in `path` and the line of each key; (None, {}) for a file of
    the folder that is not an era's template (the English names, the indicators).
    Kept in the prepared form while the file's bytes are the same."""
    try:
        source = path.read_bytes()
    except OSError:  # left to read_yaml to report
        return _parse(path)
    return prepared(f"template {path}", [source], lambda: _parse(path))


def _parse(path: Path) -> tuple[dict | None, dict[str, int]]:
    import yaml
    raw, node = read_yaml(path)
    if not isinstance(raw, dict) or not ({"first_year", "extends"} & set(raw)):
        return None, {}
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    return raw, lines


def _merged(era: str, seen: tuple[str, ...] = ()) -> dict:
    """The raw template of `era` with what it `extends`: its keys replace the parent's,
    except `tables`, merged by id (a table it names has the keys it gives replaced; a
    new table follows the one named before it)."""
    path, raw, lines = _files()[era]
    parent = raw.get("extends")
    if parent is None:
        return raw
    parent = str(parent)
    if parent not in _files() or parent in seen:
        raise DataFileError(path, lines.get("extends", 1), "extends", era=repr(parent),
                            choices=", ".join(e for e in _files() if e != era))
    base = {k: v for k, v in _merged(parent, (*seen, era)).items() if k not in _NOT_INHERITED}
    out = {**base, **{k: v for k, v in raw.items() if k not in ("extends", "tables")}}
    tables = [dict(t) for t in base.get("tables", ())]
    at = 0
    for table in raw.get("tables", ()):
        index = next((i for i, t in enumerate(tables) if t["id"] == table["id"]), None)
        if index is None:
            tables.insert(at, dict(table))
            index = at
        else:
            tables[index].update(table)
        at = index + 1
    out["tables"] = tables
    return out


@cache
def eras() -> tuple[str, ...]:
    """Every era, the oldest first."""
    return tuple(sorted(_files(), key=lambda era: template(era).first_year))


def latest() -> str:
    """The newest era: the format of a report whose year is unknown."""
    return eras()[-1]


@cache
def template(era: str) -> Template:
    """The template of `era` (one of eras())."""
    path, _, lines = _files()[era]
    raw = _merged(era)
    for key, kind in (("first_year", int), ("notice", str), ("report_title", str), ("sections", list),
                      ("tables", list)):
        if not isinstance(raw.get(key), kind):
            raise DataFileError(path, lines.get(key, 1), "template", field=key)
    sections = tuple(
        SectionSpec(
            id=s["id"], number=i, title=s["title"],
            variants=tuple(s.get("variants", ())), keywords=tuple(s.get("keywords", ())),
            required=s.get("required", True), topics=tuple(s.get("topics", ())),
        )
        for i, s in enumerate(raw["sections"], start=1)
    )
    return Template(era, raw["notice"], raw["report_title"], raw["first_year"], raw.get("last_year"), sections,
                    tuple(raw["tables"]), tuple(raw.get("wording", ())), tuple(raw.get("markers", ())),
                    raw.get("confused_with"), raw.get("deadline"))


def unified(era: str | None) -> bool:
    """Whether `era` is a national format with tables (False for no era)."""
    return era is not None and template(era).unified


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
    """The era whose format a report on `year` must follow: of those whose years hold
    it, the one that begins last."""
    if year is None:
        return None
    for era in reversed(eras()):
        t = template(era)
        if year >= t.first_year and (t.last_year is None or year <= t.last_year):
            return era
    return None


def era_of_markers(text: str) -> str | None:
    """The newest era some of whose own table labels occur in `text` (normalised)."""
    return next((era for era in reversed(eras()) if any(norm(m) in text for m in template(era).markers)), None)


@cache
def known_titles() -> frozenset[str]:
    """Every section title and variant of every era, normalised."""
    return frozenset(
        norm(title)
        for era in eras()
        for s in template(era).sections
        for title in (s.title, *s.variants)
    )


@cache
def known_topics() -> tuple[str, ...]:
    """The usual titles of the overview's subsections (主动公开, 监督保障 …) with the words
    that follow them in headings (情况, 方面, 工作), normalised, longest first."""
    topics = {norm(t) for era in eras() for s in template(era).sections for t in s.topics}
    forms = {t + tail for t in topics for tail in ("", "情况", "方面", "工作", "工作情况")}
    return tuple(sorted(forms, key=len, reverse=True))


@cache
def table_labels() -> tuple[frozenset[str], frozenset[str]]:
    """(row labels, header labels) of every table of every era, normalised."""
    rows: set[str] = set()
    headers: set[str] = set()
    for era in eras():
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
