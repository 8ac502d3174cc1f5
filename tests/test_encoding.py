"""Files saved in Shift_JIS: the loader names the fix, and `kplan fmt --encoding` converts them to UTF-8 after
showing how they read."""

from __future__ import annotations

from pathlib import Path

from conftest import kplan_in
from kplan.init import create_plan

GLOSSARY = "glossary/glossary.yaml"


_kplan = kplan_in


def test_shift_jis_is_shown_then_converted_keeping_line_endings(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    create_plan(root, "架空市", "情報化計画")
    original = (root / GLOSSARY).read_text(encoding="utf-8").replace("\n", "\r\n")
    (root / GLOSSARY).write_bytes(original.encode("cp932"))
    unreadable = _kplan(root, "lint")
    assert unreadable.returncode == 2 and "load.encoding" in unreadable.stderr
    assert "kplan fmt --encoding" in unreadable.stderr  # the exact fix

    checked = _kplan(root, "fmt", "--encoding", "--check")
    assert checked.returncode == 1 and GLOSSARY in checked.stdout and "用語解説" in checked.stdout
    assert (root / GLOSSARY).read_bytes() == original.encode("cp932")  # --check changes nothing

    converted = _kplan(root, "fmt", "--encoding")
    assert converted.returncode == 0
    assert (root / GLOSSARY).read_bytes() == original.encode("utf-8")
    assert _kplan(root, "lint").returncode == 0
    assert _kplan(root, "fmt", "--encoding", "--check").returncode == 0


def test_a_file_in_no_known_encoding_is_reported_and_left_alone(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    create_plan(root, "架空市", "情報化計画")
    junk = root / "plan/chapters/02-broken.md"
    junk.write_bytes(b"\x80\xff\xfe\x00 binary")
    result = _kplan(root, "fmt", "--encoding")
    assert result.returncode == 2 and "02-broken.md" in result.stderr
    assert junk.read_bytes() == b"\x80\xff\xfe\x00 binary"
