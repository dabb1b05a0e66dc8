"""How much of a report repeats another: its own words, the passages both share, and an
index (MinHash LSH) that finds the reports of a run that may copy each other.

A report's own words are its prose (paragraphs and run-in heading text, no table) with
the format's fixed wording masked out: section titles, table names and labels and the
stock sentences of `wording` in rules/templates/*.yaml; the issuer's name, dates, web
and e-mail addresses and telephone numbers are masked too. Letters and digits are kept,
punctuation and spaces are not, and every digit reads as 0, so that a text copied with
its year or its numbers changed is still a copy. Each character kept knows its place
in the text view, so a passage is quoted from the file and placed in both files.
"""

from __future__ import annotations

import unicodedata
import zlib
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from reportlint import patterns
from reportlint.checking.analyses import once_per_report
from reportlint.checking.sentences import prose_of
from reportlint.normalize import norm
from reportlint.reading.model import Report, Section
from reportlint.templates import eras, template

SHINGLE = 10  # characters: a run shorter than this is not a repeated passage
MASK = "\0"
_KEEP = patterns.compile(r"[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]")
# dates, and runs of Latin letters and digits (web addresses, e-mail, telephone numbers)
_NOT_WORDS = patterns.compile(r"0{4}年0{1,2}月(?:0{1,2}日)?|[0-9A-Za-z]{5,}")
_MAX_PLACES = 8  # places of one shingle looked at when extending a match
_QUOTE = 40  # characters of a passage quoted, at the most


@dataclass
class Words:
    """A report's own words: `text` (normalised, the fixed wording as single MASK
    characters), the (line, column) of each character, and where each top-level
    section of the format (by template id) stands in `text`, with the section."""

    text: str
    places: list[tuple[int, int]]
    sections: dict[str, tuple[int, int]] = field(default_factory=dict)
    headings: dict[str, Section] = field(default_factory=dict)

    def size(self, start: int = 0, end: int | None = None) -> int:
        """Characters of own words in text[start:end] (masks not counted)."""
        part = self.text[start:end]
        return len(part) - part.count(MASK)


@dataclass(frozen=True)
class Match:
    """text_a[a:a+length] is text_b[b:b+length]."""

    a: int
    b: int
    length: int


@cache
def fixed_wording() -> tuple[str, ...]:
    """The format's own wording of every era, normalised, longest first."""
    phrases = set()
    for era in eras():
        t = template(era)
        phrases.add(t.notice)
        for s in t.sections:
            phrases.update((s.title, *s.variants))
        phrases.update(t.wording)
        for table in t.tables:
            phrases.update(x for x in (table.get("name"), table.get("caption"), table.get("corner")) if x)
            phrases.update(table.get("header_labels", ()))
            for item in (*table.get("rows", ()), *table.get("columns", ())):
                phrases.update(x for x in (item.get("label"), *item.get("variants", ())) if x)
    out = {_normal(p) for p in phrases}
    return tuple(sorted((p for p in out if len(p) >= 4), key=len, reverse=True))


def _normal(text: str) -> str:
    return "".join("0" if c.isdigit() else c for c in norm(text) if _KEEP.match(c))


@once_per_report
def words(report: Report) -> Words:
    """The report's own words."""
    chars: list[str] = []
    places: list[tuple[int, int]] = []
    sections: dict[str, tuple[int, int]] = {}
    headings: dict[str, Section] = {}
    by_section = {id(s): spec.id for s, spec, _ in report.matched_sections}
    for top in (report.preamble, *report.sections):
        start = len(chars)
        for paragraph in prose_of(top.walk()):
            for line in paragraph.lines:
                content = line.matching
                for k, ch in enumerate(content):
                    c = unicodedata.normalize("NFKC", ch)
                    if len(c) == 1 and _KEEP.match(c):
                        chars.append("0" if c.isdigit() else c)
                        places.append((line.number, line.start + k + 1))
            if chars and chars[-1] != MASK:  # a passage never runs from one paragraph into the next
                chars.append(MASK)
                places.append(places[-1])
        spec_id = by_section.get(id(top))
        if spec_id and spec_id not in sections:
            sections[spec_id] = (start, len(chars))
            headings[spec_id] = top
    own = (_normal(report.issuer),) if report.issuer and len(_normal(report.issuer)) >= 2 else ()
    text, places, kept = _mask("".join(chars), places, own)
    bounds = {k: (bisect_left(kept, a), bisect_left(kept, b)) for k, (a, b) in sections.items()}
    return Words(text, places, bounds, headings)


def _mask(text: str, places: list[tuple[int, int]], own: tuple[str, ...]) -> tuple[str, list[tuple[int, int]], list[int]]:
    """Each occurrence of fixed wording, of a date or an address, and of the issuer's name (`own`)
    replaced by one MASK (its place: the first character's); the places, and the
    offsets of `text` kept (sorted)."""
    masked = bytearray(len(text))
    for m in _NOT_WORDS.finditer(text):
        masked[m.start():m.end()] = b"\1" * (m.end() - m.start())
    for phrase in own + fixed_wording():
        at = text.find(phrase)
        while at >= 0:
            masked[at:at + len(phrase)] = b"\1" * len(phrase)
            at = text.find(phrase, at + len(phrase))
    out, out_places = [], []
    for i, ch in enumerate(text):
        if not masked[i]:
            out.append(ch)
            out_places.append(places[i])
        elif i == 0 or not masked[i - 1]:
            out.append(MASK)
            out_places.append(places[i])
    kept = [i for i in range(len(text)) if not masked[i] or i == 0 or not masked[i - 1]]
    return "".join(out), out_places, kept


def matches(a: str, b: str) -> list[Match]:
    """The passages of `a` found in `b`, left to right, each as long as it goes
    (at least SHINGLE characters, never across a MASK)."""
    index: dict[str, list[int]] = {}
    for j in range(len(b) - SHINGLE + 1):
        shingle = b[j:j + SHINGLE]
        if MASK not in shingle:
            index.setdefault(shingle, []).append(j)
    out, i = [], 0
    while i <= len(a) - SHINGLE:
        places = index.get(a[i:i + SHINGLE])
        if not places:
            i += 1
            continue
        best = max(((j, _extent(a, b, i, j)) for j in places[:_MAX_PLACES]), key=lambda p: p[1])
        out.append(Match(i, best[0], best[1]))
        i += best[1]
    return out


def _extent(a: str, b: str, i: int, j: int) -> int:
    n = SHINGLE
    while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n] != MASK:
        n += 1
    return n


def share(found: list[Match], size: int) -> int:
    """The percentage of `size` characters covered by the matches (rounded down)."""
    return 100 * sum(m.length for m in found) // size if size else 0


def shifted(found: list[Match], a0: int, b0: int) -> list[Match]:
    """Matches of slices text_a[a0:], text_b[b0:] as offsets into the whole texts."""
    return [Match(m.a + a0, m.b + b0, m.length) for m in found]


def quote(report: Report, w: Words, start: int, length: int) -> str:
    """The passage as written in the file (from its first to its last character kept)."""
    (l1, c1), (l2, c2) = w.places[start], w.places[start + length - 1]
    lines = report.source.lines
    if l1 == l2:
        text = lines[l1 - 1][c1 - 1:c2]
    else:
        text = lines[l1 - 1][c1 - 1:] + "".join(lines[n - 1].strip() for n in range(l1 + 1, l2)) + lines[l2 - 1][:c2].strip()
    return text if len(text) <= _QUOTE else text[:_QUOTE] + "…"


def place(report: Report, w: Words, offset: int) -> int:
    """The line of the file where text[offset] stands."""
    line, column = w.places[offset]
    return report.source.in_file(line, column)[0]


# ---- the run's index: which reports may copy each other ----

# MinHash of 150 hash functions in 50 bands of 3: a pair is proposed with a chance of
# 99.98 % when its shingle sets have a Jaccard similarity of 0.54 (70 % of each text
# shared), 4.9 % at 0.1 and 0.6 % at 0.05 (1 − (1 − J³)⁵⁰).
_BANDS, _ROWS = 50, 3
# Up to this many reports every pair of shingle sets is compared instead, with this
# Jaccard similarity at the least: loading numpy takes longer than that.
_SMALL, _SMALL_JACCARD = 100, 0.3
_SEED = 20240101  # of the hash functions: the same pairs on every run


def _shingles(text: str) -> set[str]:
    return {s for s in (text[k:k + SHINGLE] for k in range(len(text) - SHINGLE + 1)) if MASK not in s}


def searched(count: int) -> bool:
    """Whether a run of `count` texts is searched with the index (their signatures)
    rather than by comparing every pair of them."""
    return count > _SMALL


def signature(text: str) -> tuple[int, ...]:
    """The text's MinHash signature, a number for each band (its rows in one); none for
    a text without shingles."""
    shingles = _shingles(text)
    if not shingles:
        return ()
    import numpy as np

    a, b, mix = _hashes()
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles), np.uint64, len(shingles))
    rows = hashes[:, None] * a  # then in place: no temporary the size of the matrix
    rows += b
    rows >>= np.uint64(32)
    return tuple((rows.min(axis=0).reshape(_BANDS, _ROWS) * mix).sum(axis=1).tolist())


@cache
def _hashes():
    """h ↦ (a·h + b) mod 2⁶⁴, its high 32 bits (multiply-shift); `mix` puts a band's rows in one number."""
    import numpy as np

    rng = np.random.default_rng(_SEED)
    a, b = (rng.integers(1, 2**63, _BANDS * _ROWS, dtype=np.uint64) | np.uint64(1) for _ in range(2))
    return a, b, rng.integers(1, 2**63, _ROWS, dtype=np.uint64) | np.uint64(1)


def candidate_pairs(texts: list[str], signatures: list[tuple[int, ...] | None] | None = None) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of texts whose shingle sets may be alike, without comparing
    every pair in a large run (MinHash LSH: the pairs that agree on every row of a
    band); the same pairs on every run. `signatures` gives those already computed
    (None where not)."""
    if not searched(len(texts)):
        sets = [_shingles(t) for t in texts]
        return {(i, j) for i, a in enumerate(sets) for j in range(i + 1, len(sets))
                if a and sets[j] and len(a & sets[j]) >= _SMALL_JACCARD * len(a | sets[j])}
    given = signatures or [None] * len(texts)
    found = [signature(text) if known is None else known for text, known in zip(texts, given)]
    pairs = set()
    for band in range(_BANDS):  # the reports of a bucket: those of one value of the band
        buckets: dict[int, list[int]] = {}
        for i, bands in enumerate(found):
            if bands:
                buckets.setdefault(bands[band], []).append(i)
        pairs.update((x, y) for ids in buckets.values() for k, x in enumerate(ids) for y in ids[k + 1:])
    return pairs
