"""reportlint: lint China's government information disclosure annual reports.

The code is a pipeline of packages, each importing only those below it:

- the shared top-level modules — normalize (text folding and numerals), templates (each
  era's format), resources (where data lives and its cache), i18n (the tool's own words
  in both languages), wordlists (the word lists) — import only each other, never a
  package;
- reading (documents in, model out) imports the shared modules only;
- checking (rules, kinds, diagnostics) imports reading and the shared modules;
- reporting (output formats and views) imports checking, reading and the shared modules;
- cli (the command line) may import everything.

tests/test_layers.py reads every module's imports (those inside functions too) and holds
the packages to this.
"""

__version__ = "0.1.0"
