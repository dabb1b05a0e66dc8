"""`python -m reportlint` runs the command line."""

import sys

from reportlint.cli import main

sys.exit(main())
