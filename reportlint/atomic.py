"""Writing a file atomically: whole or not at all, never through a link planted at its name."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def write_atomically(path: Path, write: Callable[[BinaryIO], object], mode: int | None = None,
                     owner: tuple[int, int] | None = None) -> None:
    """Call `write` on a temporary file beside `path`, sync it to disk, give it `mode`
    (None: what the umask leaves of 0o666, as for any new file) and `owner` (uid, gid;
    kept the writer's where it cannot be given away), then rename it over `path`: a
    reader sees the old file or the new one whole, and a symlink at `path` is replaced,
    never written through. On any failure the temporary file is removed and the error
    raised."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(tmp, 0o666 & ~_umask() if mode is None else mode)
        if owner is not None:
            try:
                os.chown(tmp, *owner)
            except OSError:  # not ours to give away: the file stays the writer's
                pass
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
