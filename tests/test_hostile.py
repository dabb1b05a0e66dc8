"""Bad, huge and hostile input through the real command line, in a subprocess bounded in
time and memory: every case is made here, the exit code and the finding are checked,
and a good file given in the same run is still linted."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

GOOD = "青山县统计局2023年政府信息公开工作年度报告\n一、总体情况\n本局全年主动公开政府信息50条，其中文件3条。\n"
MEMORY = 1536 * 2**20  # bytes of address space a run may take
SECONDS = 60


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float
    peak_mb: float

    def json(self) -> dict:
        return json.loads(self.out)

    def names(self, path: str | Path) -> list[str]:
        return [d["name"] for f in self.json()["files"] if f["path"] == str(path) for d in f["diagnostics"]]


def run(*args: str, stdin: bytes | None = None, prelude: str = "", cwd: Path | None = None,
        seconds: float = SECONDS) -> Run:
    """reportlint ARGS in a subprocess under a memory limit, killed after `seconds`;
    `prelude` is Python run before the command line (to inject a fault)."""
    code = f"import sys\n{prelude}\nfrom reportlint.cli.main import main\nsys.exit(main(sys.argv[1:]))"

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as inp:
        inp.write(stdin or b"")
        inp.seek(0)
        start = time.monotonic()
        process = subprocess.Popen([sys.executable, "-c", code, *args], stdin=inp, stdout=out, stderr=err,
                                   preexec_fn=limit, cwd=cwd)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > seconds:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        process.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        result = Run(process.returncode, out.read().decode("utf-8", "replace"),
                     err.read().decode("utf-8", "replace"), elapsed, usage.ru_maxrss / 1024)
    assert elapsed < seconds, f"reportlint {' '.join(args)} ran out of time"
    assert "Traceback" not in result.err, result.err
    print(f"MEASURE {args[-2] if len(args) > 1 else args} {elapsed:.2f}s {result.peak_mb:.0f}MB", file=sys.stderr)
    return result


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def assert_good_linted(result: Run, good: Path) -> None:
    """The good file of the run has its result (it has no error, so it says nothing on S001)."""
    files = {f["path"]: f for f in result.json()["files"]}
    assert files[str(good)]["report_year"] == 2023
    assert "unreadable-input" not in result.names(good)


# -- one bad file never costs the others their results -----------------------------------

FAULT = """
import reportlint.checking.linter as linter
_parse = linter.parse_report
def parse_report(source, **kw):
    if "boom" in source.path:
        raise KeyError("injected")
    return _parse(source, **kw)
linter.parse_report = parse_report
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_internal_error_is_a_finding_on_its_file(tmp_path, good, jobs):
    boom = tmp_path / "boom.txt"
    boom.write_text(GOOD, encoding="utf-8")
    result = run("--format", "json", "--jobs", jobs, str(boom), str(good), prelude=FAULT)
    assert result.code == 3
    assert result.names(boom) == ["internal-error"]
    message = result.json()["files"][0]["diagnostics"][0]["message"]
    assert "KeyError" in message and "报告" in message
    assert_good_linted(result, good)


def test_internal_error_in_english_and_text(tmp_path, good):
    boom = tmp_path / "boom.txt"
    boom.write_text(GOOD, encoding="utf-8")
    result = run("--lang", "en", str(good), str(boom), prelude=FAULT)
    assert result.code == 3
    assert "S007 [internal-error]" in result.out and "please report it" in result.out
    assert f"{good}:" in result.out


def test_internal_error_kept_when_rules_are_selected(tmp_path):
    boom = tmp_path / "boom.txt"
    boom.write_text(GOOD, encoding="utf-8")
    result = run("--format", "json", "--select", "typography", str(boom), prelude=FAULT)
    assert result.code == 3 and result.names(boom) == ["internal-error"]


def test_results_stream_in_order(tmp_path):
    """With --jobs the text of the first file is out before the last file is done."""
    slow = """
import time, reportlint.checking.linter as linter
_parse = linter.parse_report
def parse_report(source, **kw):
    if "slow" in source.path:
        time.sleep(20)
    return _parse(source, **kw)
linter.parse_report = parse_report
"""
    first, last = tmp_path / "a.txt", tmp_path / "slow.txt"
    first.write_text(GOOD, encoding="utf-8")
    last.write_text(GOOD, encoding="utf-8")
    code = f"import sys\n{slow}\nfrom reportlint.cli.main import main\nsys.exit(main(sys.argv[1:]))"
    process = subprocess.Popen([sys.executable, "-c", code, "--format", "concise", "--jobs", "2",
                                str(first), str(last)], stdout=subprocess.PIPE)
    try:
        line = process.stdout.readline().decode("utf-8")
        assert line.startswith(str(first)) and process.poll() is None
    finally:
        process.kill()
        process.wait()


# -- processes ------------------------------------------------------------------------------

def _children(pid: int) -> set[int]:
    """Every living descendant of `pid` (from /proc)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, todo = set(), [pid]
    while todo:
        p = todo.pop()
        for child, parent in parents.items():
            if parent == p and child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


SLOW = """
import time, reportlint.checking.linter as linter
_parse = linter.parse_report
def parse_report(source, **kw):
    print("parsing", flush=True)
    time.sleep(30)
    return _parse(source, **kw)
linter.parse_report = parse_report
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_killed_jobs_run_leaves_no_process(tmp_path, signum):
    paths = []
    for i in range(4):
        path = tmp_path / f"r{i}.txt"
        path.write_text(GOOD, encoding="utf-8")
        paths.append(str(path))
    code = f"import sys\n{SLOW}\nfrom reportlint.cli.main import main\nsys.exit(main(sys.argv[1:]))"
    process = subprocess.Popen([sys.executable, "-c", code, "--jobs", "2", *paths],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = _children(process.pid)
    assert len(workers) >= 2
    os.kill(process.pid, signum)
    out, err = process.communicate(timeout=30)
    if signum == signal.SIGINT:
        assert process.returncode == 130
    elif signum == signal.SIGTERM:
        assert process.returncode == 143
    assert b"Traceback" not in err
    deadline = time.monotonic() + 5
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(workers)


def test_ctrl_c_is_quiet(tmp_path, good):
    code = f"import sys\n{SLOW}\nfrom reportlint.cli.main import main\nsys.exit(main(sys.argv[1:]))"
    process = subprocess.Popen([sys.executable, "-c", code, str(good)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.readline() == b"parsing\n"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130 and err == b""
