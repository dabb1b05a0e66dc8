"""Reporting: the output formats (text, concise, json, sarif, github, html), the tables
view and Word comments, made from the results of checking.

May import: checking, reading and the foundation modules. Never the command line.
"""
