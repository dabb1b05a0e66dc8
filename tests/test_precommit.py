"""The pre-commit hook, run through pre-commit itself in a temporary repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")

pytestmark = pytest.mark.skipif(
    PRE_COMMIT is None or not (ROOT / ".git").exists(),
    reason="needs pre-commit and a git checkout of reportlint")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_hook_fails_on_a_bad_report_and_passes_on_a_good_one(tmp_path):
    repo = tmp_path / "reports"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "bad.txt").write_bytes((ROOT / "examples" / "defects.txt").read_bytes())
    (repo / "good.txt").write_bytes((ROOT / "examples" / "clean.txt").read_bytes())
    (repo / "notes.csv").write_text("not a report\n", encoding="utf-8")
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}

    def run(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run([PRE_COMMIT, "try-repo", str(ROOT), "reportlint", "--files", *files],
                              cwd=repo, env=env, capture_output=True, text=True, encoding="utf-8")

    bad = run("bad.txt", "notes.csv")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "S020" in bad.stdout and "bad.txt" in bad.stdout and "notes.csv" not in bad.stdout
    good = run("good.txt")
    assert good.returncode == 0, good.stdout + good.stderr
