"""The command line: options, configuration, files and folders, fixes, and the
subcommands.

May import: every other package (reading, checking, reporting) and the shared
top-level modules; the top of the pipeline, so nothing imports it but
reportlint/__main__.py.
"""
