"""All-or-nothing outputs: a build that fails or is interrupted leaves the previous outputs complete; one that
finishes leaves the new ones; never a mix, never a temporary file. Real processes, real signals, real file
systems (a file-size limit stands in for a full disk)."""

from __future__ import annotations

import re
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kplan.init import create_plan
from kplan.outputs import OutputError, Outputs


def _chapter(root: Path) -> Path:
    return next((root / "plan/chapters").glob("*.md"))


def _site(root: Path) -> dict[str, bytes]:
    site = root / "build/html"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _leftovers(root: Path) -> list[str]:
    return [str(p) for p in (root / "build").rglob(".*") if ".new-" in p.name or ".old-" in p.name]


def _kplan(*args: str, limit_bytes: int | None = None) -> subprocess.CompletedProcess:
    def limit() -> None:  # runs in the child: writes past the limit fail with EFBIG, as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        if limit_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run(
        [sys.executable, "-m", "kplan", *args], capture_output=True, text=True, timeout=300, preexec_fn=limit
    )


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("outputs") / "plan"
    create_plan(root, "架空市", "情報化計画")
    assert _kplan("-C", str(root), "build", "--html").returncode == 0
    return root


def test_disk_full_on_the_pdf_leaves_the_site_as_it_was(new_plan: Path) -> None:
    root = new_plan
    chapter = _chapter(root)
    many = "".join(f"\n第{n}の段落には、市の情報化の取組を記します。\n" for n in range(600))
    chapter.write_text(chapter.read_text(encoding="utf-8") + many, encoding="utf-8")
    assert _kplan("-C", str(root), "build").returncode == 0
    [pdf] = (root / "build/pdf").glob("*.pdf")
    pdf_size = pdf.stat().st_size
    pdf.unlink()
    before = _site(root)
    biggest_page = max(len(data) for data in before.values())
    assert biggest_page * 1.1 < pdf_size
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n新しい段落です。\n", encoding="utf-8")
    result = _kplan(
        "-C", str(root), "build", limit_bytes=(biggest_page + pdf_size) // 2
    )  # the site fits, the PDF does not
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "build/pdf" in result.stderr
    assert _site(root) == before
    assert not (root / "build/pdf").exists() or not list((root / "build/pdf").glob("*.pdf"))
    assert _leftovers(root) == []


def test_output_directory_that_is_a_file_is_exit_2_with_its_path(new_plan: Path) -> None:
    root = new_plan
    (root / "build").write_text("利用者のファイル", encoding="utf-8")
    result = _kplan("-C", str(root), "build", "--html")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "build" in result.stderr
    assert (root / "build").read_text(encoding="utf-8") == "利用者のファイル"


def test_index_page_that_became_a_directory_is_replaced_with_the_site(small: Path) -> None:
    index = small / "build/html/index.html"
    saved = index.read_bytes()
    index.unlink()
    index.mkdir()
    assert _kplan("-C", str(small), "build", "--html").returncode == 0
    assert index.read_bytes() == saved


def test_unchanged_rebuild_touches_no_file_and_a_change_keeps_the_others(small: Path) -> None:
    site = small / "build/html"
    stamp = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()}
    assert _kplan("-C", str(small), "build", "--html").returncode == 0
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()} == stamp
    chapter = _chapter(small)
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n追記した段落です。\n", encoding="utf-8")
    assert _kplan("-C", str(small), "build", "--html").returncode == 0
    after = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()}
    assert after[site / "style.css"] == stamp[site / "style.css"]  # hard-linked into the new site
    assert after[site / "search-data.js"] != stamp[site / "search-data.js"]
    assert _leftovers(small) == []


def test_signals_at_any_moment_leave_old_or_new_outputs_and_no_temporary_file(new_plan: Path) -> None:
    root = new_plan
    assert _kplan("-C", str(root), "build", "--html").returncode == 0
    chapter = _chapter(root)
    text = chapter.read_text(encoding="utf-8")
    outcomes = set()
    for attempt, delay in enumerate((0.0, 0.05, 0.15, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.8)):
        chapter.write_text(text + f"\n版 {attempt} の段落です。\n", encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-m", "kplan", "-C", str(root), "build", "--html"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGTERM if attempt % 2 else signal.SIGINT)
        _stdout, stderr = process.communicate(timeout=120)
        # Python's own traceback is the one allowed: a Ctrl-C before kplan's code could catch it (see below)
        python_starting = _interrupted_before_kplan_started(stderr)
        assert python_starting or "Traceback" not in stderr, stderr
        # before the interpreter has started, the signal's default action ends it (the shell shows 130/143 too)
        expected = (0, 130, 143, -signal.SIGINT, -signal.SIGTERM) + ((1,) if python_starting else ())
        assert process.returncode in expected, (process.returncode, stderr)
        marks = [set(re.findall(r"版 (\d+) の段落", data.decode("utf-8", "replace"))) for data in _site(root).values()]
        assert len({frozenset(m) for m in marks if m}) <= 1, f"a mixed site after a signal at {delay} s"
        outcomes.add(process.returncode)
        assert _leftovers(root) == [], f"temporary outputs left after a signal at {delay} s"
    assert outcomes & {130, 143}, "no run was interrupted: the delays are too long for this machine"


def _interrupted_before_kplan_started(stderr: str) -> bool:
    """Python's own traceback for a Ctrl-C in its first milliseconds: while it starts (runpy, site) or imports
    kplan.entry, before `main` can handle the signal. No frame of kplan's is inside a function."""
    frames = re.findall(r'File "([^"]+)", line \d+, in (\S+)', stderr)
    if "KeyboardInterrupt" not in stderr or not frames:
        return False
    return all(function == "<module>" or "/kplan/" not in path for path, function in frames)


def test_msgspec_finds_datetime_imported_before_it_so_an_interrupt_cannot_crash_it(small: Path) -> None:
    # msgspec 0.23 does not check its import of datetime (PyDateTime_IMPORT): a Ctrl-C during that import left it
    # without datetime's types, and its first Decoder crashed the interpreter (exit -11, the CI's failure).
    # kplan.entry imports datetime first, at the top of the command, not inside msgspec's initialisation.
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kplan", "-C", str(small), "lint"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    imports = [line.rsplit("|", 1)[1] for line in result.stderr.splitlines() if line.startswith("import time:")]
    names = [name.strip() for name in imports]
    assert "msgspec._core" in names, result.stderr[-2000:]
    first = imports[names.index("datetime")]
    assert len(first) - len(first.lstrip()) == 1, f"datetime imported inside another import: {first!r}"
    assert names.index("datetime") < names.index("msgspec._core")


def test_staged_outputs_are_not_written_when_one_of_them_cannot_be(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("x", encoding="utf-8")
    outputs = Outputs()
    outputs.tree(tmp_path / "site", {"index.html": b"<p>new</p>"})
    outputs.file(tmp_path / "blocker" / "plan.pdf", b"%PDF")
    with pytest.raises(OutputError) as raised:
        outputs.commit()
    assert raised.value.path == tmp_path / "blocker"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker"]


def test_staged_names_cannot_leave_their_directory(tmp_path: Path) -> None:
    outputs = Outputs()
    for name in ("../x.html", "/etc/x", "a/../../x"):
        with pytest.raises(ValueError):
            outputs.tree(tmp_path / "site", {name: b""})


def test_unwritable_file_system_target_is_exit_2(new_plan: Path) -> None:
    root = new_plan
    result = _kplan("-C", str(root), "build", "--html", "-o", "/proc/kplan-build")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "/proc" in result.stderr
