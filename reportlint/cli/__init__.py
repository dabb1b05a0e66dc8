"""The command line: options, configuration, files and folders, fixes, and the
subcommands. The top of the pipeline: it may import every other package."""
