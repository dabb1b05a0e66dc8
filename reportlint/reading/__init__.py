"""Reading: bytes in, document model out.

A file of any supported form (text, Word, web page, PDF) becomes a Source (its text or
text view, each line with its place in the original), and a Source becomes a Report:
page furniture set aside, the title, the sections, the tables with their cells, each
with its place. Reading never fails on input; what it cannot read or place it says.

May import: the shared top-level modules only (reportlint.normalize, templates,
resources, i18n, wordlists, patterns). Never checking, reporting or the command line.
"""
