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
    raw: bytes
    out: str
    err: str
    seconds: float
    peak_mb: float

    def json(self) -> dict:
        return json.loads(self.out)

    def names(self, path: str | Path) -> list[str]:
        return [d["name"] for f in self.json()["files"] if f["path"] == str(path) for d in f["diagnostics"]]


def run(*args: str, stdin: bytes | None = None, prelude: str = "", cwd: Path | None = None,
        seconds: float = SECONDS, env: dict | None = None) -> Run:
    """reportlint ARGS in a subprocess under a memory limit, killed after `seconds`;
    `prelude` is Python run before the command line (to inject a fault).

    The peak is the child's own high-water mark (VmHWM, written at exit): the rusage of a
    child counts the size of the process it was forked from, and pytest grows over a run."""
    peak_file = tempfile.NamedTemporaryFile(delete=False)
    peak_file.close()
    code = (f"import atexit, sys\n"
            f"def _peak():\n"
            f"    for line in open('/proc/self/status'):\n"
            f"        if line.startswith('VmHWM:'):\n"
            f"            open({peak_file.name!r}, 'w').write(line.split()[1])\n"
            f"atexit.register(_peak)\n"
            f"{prelude}\nfrom reportlint.cli.main import main\nsys.exit(main(sys.argv[1:]))")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as inp:
        inp.write(stdin or b"")
        inp.seek(0)
        start = time.monotonic()
        process = subprocess.Popen([sys.executable, "-c", code, *args], stdin=inp, stdout=out, stderr=err,
                                   preexec_fn=limit, cwd=cwd, env={**os.environ, **(env or {})})
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
        raw = out.read()
        own = Path(peak_file.name).read_text()
        os.unlink(peak_file.name)
        peak_kb = int(own) if own else usage.ru_maxrss  # a killed child wrote none: the bound above it
        result = Run(process.returncode, raw, raw.decode("utf-8", "replace"),
                     err.read().decode("utf-8", "replace"), elapsed, peak_kb / 1024)
    assert elapsed < seconds, f"reportlint {' '.join(args)} ran out of time"
    assert "Traceback" not in result.err, result.err
    test = os.environ.get("PYTEST_CURRENT_TEST", "").split(" ")[0].rpartition("::")[2]
    print(f"MEASURE {test} {elapsed:.2f}s {result.peak_mb:.0f}MB", file=sys.stderr)
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


DIE = """
import os, time
import reportlint.checking.linter as linter
_parse, _parent = linter.parse_report, os.getpid()
def parse_report(source, **kw):
    if source.path.endswith("die.txt") and os.getpid() != _parent:
        time.sleep(1)  # the other files done first
        os._exit(1)
    return _parse(source, **kw)
linter.parse_report = parse_report
"""


def test_a_worker_that_dies_costs_only_what_it_had_left(tmp_path):
    """A worker killed on a file (out of memory, say): that file and those left to the
    pool are internal errors, the reports done before keep their findings, last
    year's pairing too, and the run ends without a traceback."""
    from tests.test_years import unit
    from tests.forms import clean

    paths = []
    for name, g in (("a2023.txt", unit(year=2023, carried_out=(2, 0, 0, 0, 0, 0), seed=1)),
                    ("a2024.txt", unit(year=2024, carried_in=(1, 0, 0, 0, 0, 0), seed=2)),
                    ("die.txt", unit(issuer="白水县统计局", seed=3)), ("other.txt", unit(issuer="金沙县统计局", seed=4))):
        (tmp_path / name).write_text(clean(g), encoding="utf-8")
        paths.append(str(tmp_path / name))
    for order in ([paths[2], *paths[:2]], [paths[3], *paths[:3]]):  # the last: a pair across the workers
        result = run("--format", "json", "--jobs", "2", "--select", "K201", *order, prelude=DIE)
        assert result.code == 3 and "Traceback" not in result.err
        assert result.names(paths[2]) == ["internal-error"]
        assert result.names(paths[0]) == [] and result.names(paths[1]) == ["carried-in-differs-from-last-year"] * 2


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
import signal, time, reportlint.checking.linter as linter
signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C as at a terminal, even in a run started in the background
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
    expected = {signal.SIGINT: 130, signal.SIGTERM: 143, signal.SIGKILL: -signal.SIGKILL}[signum]
    assert process.returncode == expected, err
    assert b"Traceback" not in err, err
    deadline = time.monotonic() + 5
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(workers), (workers, err)


def test_ctrl_c_is_quiet(tmp_path, good):
    code = f"import sys\n{SLOW}\nfrom reportlint.cli.main import main\nsys.exit(main(sys.argv[1:]))"
    process = subprocess.Popen([sys.executable, "-c", code, str(good)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.readline() == b"parsing\n"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130 and err == b""


# -- only regular files, within the limits -------------------------------------------------

def test_fifo_is_unreadable_at_once(tmp_path, good):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run("--format", "json", str(fifo), str(good), seconds=20)
    assert result.code == 1 and result.names(fifo) == ["unreadable-input"]
    assert_good_linted(result, good)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_device_is_unreadable(good, device):
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    result = run("--format", "json", device, str(good), seconds=20)
    assert result.code == 1 and result.names(device) == ["unreadable-input"]
    assert_good_linted(result, good)


def test_socket_is_unreadable(tmp_path, good):
    import socket
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError:
        pytest.skip("no unix socket here")
    try:
        result = run("--format", "json", str(path), str(good), seconds=20)
    finally:
        server.close()
    assert result.code == 1 and result.names(path) == ["unreadable-input"]


def test_file_over_the_size_limit(tmp_path, good):
    big = tmp_path / "big.txt"
    big.write_bytes(GOOD.encode("utf-8") * (25 * 2**20 // len(GOOD.encode("utf-8"))))
    result = run("--format", "json", str(big), str(good))
    assert result.code == 1 and result.names(big) == ["input-limit"]
    message = result.json()["files"][0]["diagnostics"][0]["message"]
    assert "20 MB" in message and "--max-size" in message
    assert_good_linted(result, good)
    assert result.peak_mb < 200


def test_stdin_over_the_size_limit():
    result = run("--format", "json", "--max-size", "1", "-", stdin=GOOD.encode("utf-8") * 30000)
    assert result.code == 1 and result.names("-") == ["input-limit"]


def test_size_limit_raised(tmp_path):
    text = tmp_path / "r.txt"
    text.write_text(GOOD * 2000, encoding="utf-8")  # about 0.2 MB
    assert run("--format", "json", "--max-size", "0.1", str(text)).names(text) == ["input-limit"]
    assert "input-limit" not in run("--format", "json", "--max-size", "1", str(text)).names(text)


def _docx_bomb(path: Path, size: int = 64 * 2**20) -> None:
    """A Word package whose document.xml unpacks to `size` bytes of empty paragraphs."""
    import zipfile
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"<w:p/>" * (2**20 // 6)
            for _ in range(size // len(chunk)):
                part.write(chunk)


def test_docx_zip_bomb(tmp_path, good):
    bomb = tmp_path / "bomb.docx"
    _docx_bomb(bomb)
    assert bomb.stat().st_size < 100_000
    result = run("--format", "json", str(bomb), str(good))
    assert result.code == 1 and result.names(bomb) == ["input-limit"]
    assert "--max-size" in result.json()["files"][0]["diagnostics"][0]["message"]
    assert_good_linted(result, good)
    assert result.peak_mb < 300


def _docx(body: str) -> bytes:
    import io
    import docx
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    import zipfile
    src = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = body.encode("utf-8")
            package.writestr(info.filename, data)
    return out.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_docx_entity_bomb(tmp_path, good):
    """Billion laughs inside document.xml: entities are not expanded."""
    entities = '<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY a{i} "{"&a" + str(i - 1) + ";" * 1}' + f'{("&a" + str(i - 1) + ";") * 9}">' for i in range(1, 10))
    body = (f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
            f'<w:document {W}><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>')
    bomb = tmp_path / "laughs.docx"
    bomb.write_bytes(_docx(body))
    result = run("--format", "json", str(bomb), str(good))
    assert result.code in (0, 1) and result.peak_mb < 400
    assert_good_linted(result, good)


def test_docx_deep_xml(tmp_path, good):
    body = (f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p>'
            + "<w:sdt><w:sdtContent>" * 5000 + "</w:sdtContent></w:sdt>" * 5000 + "</w:body></w:document>")
    deep = tmp_path / "deep.docx"
    deep.write_bytes(_docx(body))
    result = run("--format", "json", str(deep), str(good))
    assert result.code == 1 and result.names(deep) == ["unreadable-input"]
    assert_good_linted(result, good)


def test_html_unknown_charset(tmp_path, good):
    page = tmp_path / "charset.html"
    page.write_bytes(f'<html><head><meta charset="undefined"></head><body><p>{GOOD}</p></body></html>'.encode())
    result = run("--format", "json", str(page), str(good))
    assert result.code in (0, 1) and "internal-error" not in result.names(page)
    assert result.json()["files"][0]["report_year"] == 2023


ROW = "<tr><td>项目</td><td>1</td><td>2</td></tr>"


@pytest.mark.parametrize(("body", "words"), [
    ("<div>" * 3000 + "<p>" + GOOD + "</p>" + "</div>" * 3000, "256"),  # deeper than the parser goes
    ("<p>" + GOOD + "</p><table>" + ROW * 100000 + "</table>", "300000"),  # too many elements
])
def test_page_beyond_a_limit(tmp_path, good, body, words):
    page = tmp_path / "big.html"
    page.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    result = run("--format", "json", str(page), str(good))
    assert result.code == 1 and result.names(page) == ["input-limit"]
    assert words in result.json()["files"][0]["diagnostics"][0]["message"]
    assert_good_linted(result, good)


def test_page_of_many_rows_in_bounded_time(tmp_path, good):
    page = tmp_path / "rows.html"
    page.write_text("<html><body><p>" + GOOD + "</p><table>" + ROW * 20000 + "</table></body></html>",
                    encoding="utf-8")
    result = run("--format", "json", str(page), str(good), seconds=120)
    assert result.code in (0, 1)
    assert_good_linted(result, good)


def test_docx_element_bomb(tmp_path, good):
    """Empty paragraphs by the million, well under the size limit."""
    body = f'<?xml version="1.0"?><w:document {W}><w:body>' + "<w:p/>" * 1_000_000 + "</w:body></w:document>"
    bomb = tmp_path / "elements.docx"
    bomb.write_bytes(_docx(body))
    result = run("--format", "json", str(bomb), str(good))
    assert result.code == 1 and result.names(bomb) == ["input-limit"]
    assert_good_linted(result, good)


def _pdf(path: Path, pages: int) -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    pdf = canvas.Canvas(str(path))
    for number in range(pages):
        pdf.drawString(72, 720, f"page {number}")
        pdf.showPage()
    pdf.save()


def test_pdf_over_the_page_limit(tmp_path, good):
    path = tmp_path / "long.pdf"
    _pdf(path, 12)
    result = run("--format", "json", "--max-pages", "10", str(path), str(good))
    assert result.code == 1 and result.names(path) == ["input-limit"]
    assert "--max-pages" in result.json()["files"][0]["diagnostics"][0]["message"]
    assert_good_linted(result, good)


def test_pdf_of_many_pages_in_bounded_time(tmp_path, good):
    path = tmp_path / "many.pdf"
    _pdf(path, 500)
    result = run("--format", "json", str(path), str(good))
    assert result.code == 1 and result.names(path) == ["input-limit"]
    assert result.seconds < 30


LOCKED = """
import os
_scandir, _open = os.scandir, os.open
def scandir(path="."):
    if str(path).endswith("locked"):
        raise PermissionError(13, "Permission denied", str(path))
    return _scandir(path)
def open_(path, *args, **kwargs):
    if str(path).endswith("locked"):
        raise PermissionError(13, "Permission denied", str(path))
    return _open(path, *args, **kwargs)
os.scandir, os.open = scandir, open_
"""


def test_unreadable_folder_is_a_finding(tmp_path, good):
    """A folder that cannot be read (as if by another user: root reads every folder)."""
    folder = tmp_path / "reports"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text(GOOD, encoding="utf-8")
    result = run("--format", "json", str(folder), prelude=LOCKED)
    assert result.names(folder / "locked") == ["unreadable-input"]
    assert "目录" in result.json()["files"][1]["diagnostics"][0]["message"]
    assert_good_linted(result, folder / "b.txt")


# -- YAML that cannot explode; every configuration error is the file, the key, exit 2 -----------

LAUGHS = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))


def test_billion_laughs_config(tmp_path, good):
    (tmp_path / ".reportlint.yaml").write_text(LAUGHS + "select: *j\n", encoding="utf-8")
    result = run(str(good), cwd=tmp_path)
    assert result.code == 2 and ".reportlint.yaml:2:" in result.err and "别名" in result.err
    assert result.peak_mb < 200


def test_billion_laughs_rule_file(tmp_path, good):
    (tmp_path / "ours").mkdir()
    (tmp_path / "ours" / "X001.yaml").write_text(LAUGHS, encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text("rules: [ours]\n", encoding="utf-8")
    result = run(str(good), cwd=tmp_path)
    assert result.code == 2 and "X001.yaml:2:" in result.err and result.peak_mb < 200


def test_huge_config_is_refused(tmp_path, good):
    (tmp_path / ".reportlint.yaml").write_text("# " + "x" * 2**21 + "\n", encoding="utf-8")
    result = run(str(good), cwd=tmp_path)
    assert result.code == 2 and ".reportlint.yaml" in result.err


@pytest.mark.parametrize(("text", "key"), [
    ("select: 3\n", "select"),
    ("lang: [zh]\n", "lang"),
    ("year: true\n", "year"),
    ("severity: {S020: [error]}\n", "severity"),
    ("severity: [S020]\n", "severity"),
    ("per-file: {files: x}\n", "per-file"),
    ("rules: good.txt\n", "rules"),
    ("rules: [\"a\\0b\"]\n", "rules"),
    ("fail-on: {a: 1}\n", "fail-on"),
    ("[1, 2]\n", "-"),
])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bad_config_value(tmp_path, good, text, key, lang):
    (tmp_path / ".reportlint.yaml").write_text(text, encoding="utf-8")
    result = run("--lang", lang, str(good), cwd=tmp_path)
    assert result.code == 2 and f".reportlint.yaml: {key}:" in result.err
    chinese = any("\u4e00" <= c <= "\u9fff" for c in result.err.replace(str(tmp_path), ""))
    assert chinese == (lang == "zh"), result.err


def test_broken_pyproject_is_a_config_error(tmp_path, good):
    (tmp_path / "pyproject.toml").write_text("[tool.reportlint]\nselect = [\"S001\"\n", encoding="utf-8")
    result = run(str(good), cwd=tmp_path)
    assert result.code == 2 and "pyproject.toml" in result.err and "TOML" in result.err


@pytest.mark.parametrize("content", [
    '{"findings": {"good.txt": {"abc": {"nested": 1}}}}',
    '{"findings": {"good.txt": {"abc": "3"}}}',
    '{"findings": ["x"]}',
    '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
    "not json",
])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bad_baseline(tmp_path, good, content, lang):
    base = tmp_path / "baseline.json"
    base.write_text(content, encoding="utf-8")
    result = run("--lang", lang, "--baseline", str(base), str(good))
    assert result.code == 2 and str(base) in result.err


def test_baseline_a_folder_or_in_a_missing_folder(tmp_path, good):
    assert run("--baseline", str(tmp_path), str(good)).code == 2
    result = run("--baseline", str(tmp_path / "missing" / "b.json"), str(good))
    assert result.code == 2 and "missing" in result.err


# -- decoding ---------------------------------------------------------------------------------

@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-32", "utf-16"])
def test_wide_encodings_with_or_without_bom(tmp_path, good, codec):
    path = tmp_path / f"{codec}.txt"
    path.write_bytes(GOOD.encode(codec))
    result = run("--format", "json", str(path), str(good))
    files = {f["path"]: f for f in result.json()["files"]}
    assert files[str(path)]["report_year"] == 2023, result.out
    assert "unreadable-input" not in result.names(path)
    assert_good_linted(result, good)


@pytest.mark.parametrize("codec", ["utf-8", "gb18030"])
def test_stray_byte_reported_at_its_line_and_the_rest_read(tmp_path, good, codec):
    lines = GOOD.encode(codec).split(b"\n")
    lines[2] = lines[2][:6] + b"\xff" + lines[2][6:]
    path = tmp_path / "stray.txt"
    path.write_bytes(b"\n".join(lines))
    result = run("--format", "json", str(path), str(good))
    found = [d for d in result.json()["files"][0]["diagnostics"] if d["name"] == "undecodable-byte"]
    assert [d["line"] for d in found] == [3]
    assert result.json()["files"][0]["report_year"] == 2023
    assert_good_linted(result, good)


def test_stray_bytes_file_is_never_fixed(tmp_path):
    path = tmp_path / "stray.txt"
    data = b"\xff" + GOOD.replace("，", ",").encode("utf-8")
    path.write_bytes(data)
    run("--fix", str(path))
    assert path.read_bytes() == data


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_stdout_that_cannot_take_chinese(good, encoding):
    result = run(str(good), env={"PYTHONIOENCODING": encoding})
    assert result.code in (0, 1) and "?" in result.out


# -- terminal safety -----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_control_characters_are_shown_escaped(tmp_path, good, fmt):
    path = tmp_path / "ctl\x1b[31m.txt"
    path.write_text(GOOD.replace("一、总体情况", "一、总体情况\x1b]0;title\x07\x1b[2J\x9b") + "本局xx\x1b[2J,其中\n",
                    encoding="utf-8")
    result = run("--format", fmt, str(path), str(good))
    assert result.code == 1
    assert not any(c in result.out for c in "\x1b\x07\x9b")
    assert "\\x1b[2J" in result.out and "\\x1b[31m.txt" in result.out
    assert f"{good}:" in result.out


# -- long lines and long paragraphs -----------------------------------------------------------------

def test_long_line_printed_in_linear_time(tmp_path, good):
    path = tmp_path / "long.txt"
    path.write_text(GOOD + "本局xx全年主动公开政府信息,其中" * 1250 + "\n", encoding="utf-8")  # 20,000 characters
    result = run(str(path), str(good), seconds=30)
    assert result.code == 1 and "…" in result.out
    assert max(len(line) for line in result.out.splitlines()) < 400


def test_report_of_one_long_line_repeated(tmp_path, good):
    line = "本局全年主动公开政府信息50条，其中文件3条,xx。" * 40
    path = tmp_path / "repeated.txt"
    path.write_text(GOOD + (line + "\n") * (300_000 // len(line.encode("utf-8"))), encoding="utf-8")
    result = run("--format", "json", str(path), str(good), seconds=30)
    assert result.code == 1
    assert_good_linted(result, good)


def test_headings_run_together_on_one_line(tmp_path, good):
    path = tmp_path / "headings.txt"
    path.write_text(GOOD + "一、总体情况" * 5000 + "\n", encoding="utf-8")
    result = run("--format", "json", str(path), str(good), seconds=60)
    assert result.code in (0, 1) and result.peak_mb < 300
    assert "internal-error" not in result.names(path)


@pytest.mark.parametrize("word", ["总体情况", "一、总体情况", "主动公开政府信息情况"])
def test_hundred_lines_of_a_heading_word(tmp_path, good, word):
    path = tmp_path / "word.txt"
    path.write_text(GOOD + f"{word}\n" * 100, encoding="utf-8")
    result = run("--format", "json", str(path), str(good))
    assert result.code in (0, 1) and "internal-error" not in result.names(path)
    assert_good_linted(result, good)


# -- writing files --------------------------------------------------------------------------------

FIXABLE = GOOD.replace("，", ",") + "- 2 -\n本局全年办结申请12件,其中3件公开。\n— 3 —\n青山县统计局\n"
FIXED = GOOD + "本局全年办结申请12件，其中3件公开。\n青山县统计局\n"


def test_fix_result():
    """The case the writing tests build on: --fix gives FIXED."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.txt"
        path.write_text(FIXABLE, encoding="utf-8")
        run("--fix", str(path))
        assert path.read_text(encoding="utf-8") == FIXED


def test_fix_edits_a_symlinks_target(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text(FIXABLE, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    run("--fix", str(link))
    assert link.is_symlink() and real.read_text(encoding="utf-8") == FIXED


@pytest.mark.parametrize("mode", [0o644, 0o755, 0o600])
def test_fix_keeps_the_mode(tmp_path, mode):
    path = tmp_path / "r.txt"
    path.write_text(FIXABLE, encoding="utf-8")
    path.chmod(mode)
    run("--fix", str(path))
    assert path.read_text(encoding="utf-8") == FIXED and path.stat().st_mode & 0o7777 == mode


def test_fix_keeps_the_owner(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("only root can give a file away")
    path = tmp_path / "r.txt"
    path.write_text(FIXABLE, encoding="utf-8")
    os.chown(path, 65534, 65534)
    run("--fix", str(path))
    assert path.read_text(encoding="utf-8") == FIXED and (path.stat().st_uid, path.stat().st_gid) == (65534, 65534)


def test_fix_refuses_a_read_only_file(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(FIXABLE, encoding="utf-8")
    path.chmod(0o444)
    result = run("--fix", str(path))
    assert path.read_text(encoding="utf-8") == FIXABLE and "只读" in result.err


def test_fix_keeps_a_hard_link(tmp_path):
    path, other = tmp_path / "r.txt", tmp_path / "other.txt"
    path.write_text(FIXABLE, encoding="utf-8")
    os.link(path, other)
    run("--fix", str(path))
    assert other.read_text(encoding="utf-8") == FIXED and path.stat().st_ino == other.stat().st_ino


ENCODINGS = [("utf-16-be", "\ufeff"), ("utf-16-le", "\ufeff"), ("utf-32-be", "\ufeff"),
             ("utf-16-le", ""), ("gb18030", ""), ("utf-8", "\ufeff"), ("utf-8", "")]


@pytest.mark.parametrize(("codec", "bom"), ENCODINGS)
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("final", [True, False])
def test_fix_round_trips_encoding_and_line_ends(tmp_path, codec, bom, newline, final):
    def form(text: str) -> bytes:
        text = text.replace("\n", newline)
        return (bom + (text if final else text.removesuffix(newline))).encode(codec)

    path = tmp_path / "r.txt"
    path.write_bytes(form(FIXABLE))
    run("--fix", str(path))
    assert path.read_bytes() == form(FIXED)


@pytest.mark.parametrize(("codec", "bom"), ENCODINGS)
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("final", [True, False])
def test_diff_applies_with_patch_to_the_fix(tmp_path, codec, bom, newline, final):
    import shutil
    if not shutil.which("patch"):
        pytest.skip("no patch")
    text = FIXABLE.replace("\n", newline)
    data = (bom + (text if final else text.removesuffix(newline))).encode(codec)
    (tmp_path / "r.txt").write_bytes(data)
    (tmp_path / "f.txt").write_bytes(data)
    result = run("--diff", "r.txt", cwd=tmp_path)
    assert result.code == 1
    run("--fix", "f.txt", cwd=tmp_path)
    done = subprocess.run(["patch", "-p0", "--binary", "-s"], cwd=tmp_path, input=result.raw,
                          capture_output=True, timeout=30)
    assert done.returncode == 0, done.stderr + done.stdout
    assert (tmp_path / "r.txt").read_bytes() == (tmp_path / "f.txt").read_bytes() != data


def _word(path: Path, text: str = GOOD) -> None:
    import docx
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))


def test_annotate_never_writes_through_a_planted_symlink(tmp_path):
    report = tmp_path / "r.docx"
    _word(report, GOOD + "本局xx条。\n")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (tmp_path / "r.reportlint.docx").symlink_to(victim)
    result = run("--annotate", str(report))
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert (tmp_path / "r.reportlint.docx").is_symlink() and "r.reportlint.docx" in result.err


def test_annotate_never_overwrites_a_file_it_did_not_write(tmp_path):
    report = tmp_path / "r.docx"
    _word(report, GOOD + "本局xx条。\n")
    other = tmp_path / "r.reportlint.docx"
    _word(other, "别人的文件\n")
    before = other.read_bytes()
    run("--annotate", str(report))
    assert other.read_bytes() == before


def test_annotate_twice_replaces_its_own_copy(tmp_path):
    report = tmp_path / "r.docx"
    _word(report, GOOD + "本局xx条。\n")
    run("--annotate", str(report))
    first = (tmp_path / "r.reportlint.docx").stat().st_mtime_ns
    result = run("--annotate", str(report))
    assert "r.reportlint.docx" in result.err and (tmp_path / "r.reportlint.docx").stat().st_mtime_ns >= first
    assert "未写入" not in result.err


def test_annotate_refuses_stdin(tmp_path):
    report = tmp_path / "X.docx"
    _word(report)
    before = report.read_bytes()
    result = run("--annotate", "--stdin-filename", str(report), "-", stdin=GOOD.encode("utf-8"), cwd=tmp_path)
    assert result.code == 2 and report.read_bytes() == before
    assert not (tmp_path / "X.reportlint.docx").exists()


def test_killing_fix_leaves_the_old_or_the_new_file(tmp_path):
    import random
    text = (FIXABLE * 3000).encode("utf-8")
    (tmp_path / "new.txt").write_bytes(text)
    run("--fix", str(tmp_path / "new.txt"), seconds=120)
    new = (tmp_path / "new.txt").read_bytes()
    assert new != text
    code = "import sys\nfrom reportlint.cli.main import main\nsys.exit(main(sys.argv[1:]))"
    chance = random.Random(15)
    for attempt in range(6):
        path = tmp_path / f"r{attempt}.txt"
        path.write_bytes(text)
        process = subprocess.Popen([sys.executable, "-c", code, "--fix", str(path)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(chance.uniform(0.3, 4.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert path.read_bytes() in (text, new)


# -- properties: generated reports, fixed and mutated -----------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests import forms  # noqa: E402

FEW = settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


def _with_fixable_defects(text: str, choice) -> str:
    """`text` with defects a safe fix removes, some overlapping: half-width marks, page
    footers, a footer holding a half-width mark."""
    lines = text.split("\n")
    out = []
    for number, line in enumerate(lines):
        out.append(line.replace("，", ",", choice[number % len(choice)]).replace("。", ".", choice[-1] % 2))
        if number % 7 == 3:
            out.append(f"- {number} -" if choice[0] % 2 else f"— {number}, —")
    return "\n".join(out)


@FEW
@given(forms.reports(), st.lists(st.integers(0, 3), min_size=3, max_size=6))
def test_fix_twice_changes_nothing_the_second_time(report, choice):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.txt"
        path.write_text(_with_fixable_defects(forms.clean(report), choice), encoding="utf-8")
        run("--fix", str(path))
        once = path.read_bytes()
        run("--fix", str(path))
        assert path.read_bytes() == once


def _mutants(data: bytes, draw) -> list[tuple[str, bytes]]:
    text = data.decode("utf-8")
    lines = text.split("\n")
    at = draw(st.integers(0, max(0, len(data) - 1)))
    line = draw(st.integers(0, len(lines) - 1))
    flipped = bytearray(data)
    for offset in draw(st.lists(st.integers(0, len(data) - 1), min_size=1, max_size=5)):
        flipped[offset] ^= draw(st.integers(1, 255))
    return [
        ("flip.txt", bytes(flipped)),
        ("cut.txt", data[:at]),
        ("deleted.txt", "\n".join(lines[:line] + lines[line + 1:]).encode("utf-8")),
        ("doubled.txt", "\n".join(lines[:line + 1] + lines[line:]).encode("utf-8")),
        ("gbk.txt", text.encode("gb18030")),
        ("utf16.txt", text.encode("utf-16-be")),
        ("control.txt", text.replace("。", draw(st.sampled_from(["\x1b[2J", "\x00", "\x07", "\x9b", "\u202e"])), 3)
         .encode("utf-8")),
        ("fullwidth.txt", text.translate(str.maketrans("0123456789", "０１２３４５６７８９")).encode("utf-8")),
        ("together.txt", text.replace(" | ", draw(st.sampled_from(["", "|", "  ", "\t"]))).encode("utf-8")),
        ("huge.txt", text.replace("50", "9" * draw(st.sampled_from([20, 400, 5000])), 2).encode("utf-8")),
        ("page.html", ("<html><body><p>" + text.replace("\n", "</p><p>") + "</p></body></html>").encode("utf-8")),
    ]


@FEW
@given(forms.reports(), st.data())
def test_mutated_reports_never_break_the_run(report, data):
    mutants = _mutants(forms.clean(report).encode("utf-8"), data.draw)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, content in mutants:
            (Path(folder) / name).write_bytes(content)
            paths.append(str(Path(folder) / name))
        for jobs in ("1", "2"):
            result = run("--format", "json", "--jobs", jobs, *paths)
            assert result.code in (0, 1), result.out[-2000:]
            doc = result.json()
            assert [f["path"] for f in doc["files"]] == paths


# -- parsers and caches -----------------------------------------------------------------------------

def test_no_parser_cache_in_the_shared_temp_folder(tmp_path, good):
    shared, private = tmp_path / "tmp", tmp_path / "cache"
    shared.mkdir()
    table = tmp_path / "t.txt"
    table.write_text(GOOD + "| 项目 | 1 | 2 |\n", encoding="utf-8")
    result = run(str(good), str(table), env={"TMPDIR": str(shared), "XDG_CACHE_HOME": str(private)})
    assert result.code in (0, 1)
    assert list(shared.iterdir()) == []
    folder = private / "reportlint"
    assert folder.stat().st_mode & 0o777 == 0o700 and list(folder.glob("*.lark"))
    assert not list(folder.glob(".*"))


def test_a_cache_others_can_write_is_not_used(tmp_path, good):
    folder = tmp_path / "cache" / "reportlint"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    result = run(str(good), env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert result.code in (0, 1) and list(folder.iterdir()) == []


def test_a_damaged_cache_entry_is_rebuilt(tmp_path, good):
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    first = run("--format", "json", str(good), env=env)
    for entry in (tmp_path / "cache" / "reportlint").glob("*.lark"):
        entry.write_bytes(b"not a parser")
    again = run("--format", "json", str(good), env=env)
    assert again.out == first.out and again.err == ""


@pytest.mark.parametrize("content", [
    "id: X001\nname: [a]\n",
    "id: [X001]\nname: a\ncategory: cell\nseverity: error\nkind: [input]\nbasis: b\n"
    "message: {zh: a, en: b}\ndescription: {zh: a, en: b}\nexamples: {good: [a], bad: [b]}\n",
    "- a\n- b\n",
    "id: X001\n  bad: indent\n: x\n",
])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bad_rule_file_in_the_chosen_language(tmp_path, good, content, lang):
    (tmp_path / "ours").mkdir()
    (tmp_path / "ours" / "X001.yaml").write_text(content, encoding="utf-8")
    (tmp_path / "ours" / "X002.yaml").mkdir()  # a folder with a rule file's name
    (tmp_path / ".reportlint.yaml").write_text("rules: [ours]\n", encoding="utf-8")
    result = run("--lang", lang, str(good), cwd=tmp_path)
    assert result.code == 2 and "X001.yaml:" in result.err
    chinese = any("\u4e00" <= c <= "\u9fff" for c in result.err.replace(str(tmp_path), ""))
    assert chinese == (lang == "zh"), result.err
