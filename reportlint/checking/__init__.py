"""Checking: the rules (YAML), the kinds of check behind them, and the diagnostics
they produce for a parsed report.

May import: reading and the foundation modules. Never reporting or the command line.
"""
