"""`python -m reportlint` runs the command line."""

import sys

from reportlint.cli.main import main

sys.exit(main())
