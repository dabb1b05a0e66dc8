"""Dataclasses whose generated methods are compiled once per installation, not once per run.

dataclasses writes each class's __init__, __repr__, __eq__ and __hash__ (and a frozen
class's __setattr__ and __delattr__) as source text and compiles it: most of a
millisecond a class on Python 3.11, and the pipeline defines some forty. Inside
`compiled_once()`, dataclasses' exec takes the code compiled for the same text in an
earlier run from the private cache (reportlint.resources, under Python's version and
reportlint's), and runs it as exec would have run the text. Only the compiling is
saved: the text, and so the class, are dataclasses' own. A Python whose dataclasses no
longer calls exec by that name simply compiles as before.
"""

from __future__ import annotations

import dataclasses
import marshal
from collections.abc import Iterator
from contextlib import contextmanager

from reportlint import resources

_WHAT = "dataclass methods"


@contextmanager
def compiled_once() -> Iterator[None]:
    """Within this context, dataclasses compile each method's text once per installation."""
    if "exec" in vars(dataclasses):  # already inside
        yield
        return
    try:
        codes = marshal.loads(resources.kept(_WHAT) or marshal.dumps({}))
    except (EOFError, ValueError, TypeError):  # a damaged entry: compiled again
        codes = {}
    if not isinstance(codes, dict):
        codes = {}
    made = 0

    def exec_(source: str, globals=None, locals=None) -> None:
        nonlocal made
        if source not in codes:
            codes[source], made = compile(source, "<string>", "exec"), made + 1
        exec(codes[source], globals, locals)

    dataclasses.exec = exec_  # a global of the module, in front of the builtin
    try:
        yield
    finally:
        del dataclasses.exec
        if made:
            resources.keep(_WHAT, marshal.dumps(codes))
