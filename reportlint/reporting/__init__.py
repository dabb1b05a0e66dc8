"""Reporting: the output formats (text, concise, json, sarif, github, html), the tables
view and Word comments, made from the results of checking.

May import: checking, reading and the shared top-level modules (reportlint.normalize,
templates, resources, i18n, wordlists, patterns). Never the command line.
"""
