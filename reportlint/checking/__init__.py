"""Checking: the rules (YAML), the kinds of check behind them, and the diagnostics
they produce for a parsed report.

May import: reading and the shared top-level modules (reportlint.normalize, templates,
resources, i18n, wordlists, patterns). Never reporting or the command line.
"""
