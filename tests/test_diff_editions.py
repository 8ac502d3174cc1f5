"""kplan diff's version arguments: edition labels (tags, trailers), git refs and plan directories."""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

import printed_lines
from diff_repo import FIRST_EDITION_COMMIT, REPO, commit, copy_plan, edit, git, json_diff, make_repo


def _period_edit(root: Path, year: int) -> None:
    edit(root, "plan/plan.yaml", "  to: 2025\n", f"  to: {year}\n")


def test_a_label_is_found_by_its_trailer_and_a_tag_wins(tmp_path, kplan):
    root = make_repo(tmp_path / "repo")
    _period_edit(root, 2030)
    commit(root, "a draft")
    code, document = json_diff(kplan, root, "v1", "HEAD")
    assert code == 1 and "Plan-Edition: v1" in document["old"]["source"]
    assert [c["new"] for c in document["changes"]] == ["令和3年度～令和12年度"]
    git(root, "tag", "v1", "HEAD")  # a tag of the label's name is preferred to the trailer
    code, document = json_diff(kplan, root, "v1", "HEAD")
    assert code == 0 and document["old"]["source"].startswith("tag v1")


def test_the_newest_commit_with_a_label_wins(tmp_path, kplan):
    root = make_repo(tmp_path / "repo")
    _period_edit(root, 2026)
    first = commit(root, "first try", "v2")
    edit(root, "plan/plan.yaml", "  to: 2026\n", "  to: 2027\n")
    second = commit(root, "second try", "v2")
    code, document = json_diff(kplan, root, first, "v2")
    assert code == 1 and second[:10] in document["new"]["source"]


def test_git_refs(tmp_path, kplan):
    root = make_repo(tmp_path / "repo", label=None)
    _period_edit(root, 2026)
    commit(root, "longer")
    git(root, "branch", "longer-plan")
    code, document = json_diff(kplan, root, "HEAD~1", "longer-plan")
    assert code == 1 and [c["field"] for c in document["changes"]] == ["period"]


def test_a_label_that_names_no_edition_is_a_clear_error(tmp_path, kplan):
    root = make_repo(tmp_path / "repo")
    result = kplan("diff", "v9", "v1", cwd=root)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "diff.no-edition" in printed_lines.codes(result.stderr) and "Plan-Edition: v9" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    result = kplan("diff", "no-such-ref", "v1", cwd=root)
    assert result.returncode == 2 and "diff.unknown-version" in printed_lines.codes(result.stderr)


def test_plan_directories_need_no_git(tmp_path, kplan):
    old, new = copy_plan(tmp_path / "old"), copy_plan(tmp_path / "new")
    _period_edit(new, 2026)
    result = kplan("diff", str(old), str(new / "plan"), "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert '"field": "period"' in result.stdout
    result = kplan("diff", str(old), str(old), cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith(printed_lines.prefix("diff.same"))
    result = kplan("diff", "v1", str(old), cwd=tmp_path)
    assert result.returncode == 2 and "diff.not-in-git" in printed_lines.codes(result.stderr)


def test_the_working_tree_is_never_touched(tmp_path, kplan):
    root = make_repo(tmp_path / "repo")
    _period_edit(root, 2026)
    commit(root, "second", "v2")
    edit(root, "plan/plan.yaml", "  to: 2026\n", "  to: 2027\n")  # an uncommitted edit
    (root / "notes.txt").write_text("mine", encoding="utf-8")
    status = git(root, "status", "--porcelain")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and ".git" not in p.parts}
    code, document = json_diff(kplan, root, "v1", "v2")
    assert code == 1 and document["changes"][0]["new"] == "令和3年度～令和8年度"
    code, document = json_diff(kplan, root, "v2", ".")  # the working tree as an edition
    assert code == 1 and document["changes"][0]["new"] == "令和3年度～令和9年度"
    assert git(root, "status", "--porcelain") == status
    after = {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and ".git" not in p.parts}
    assert after == before


def test_an_unreadable_old_edition_names_commit_file_and_line(tmp_path, kplan):
    root = make_repo(tmp_path / "repo", label=None)
    edit(root, "plan/plan.yaml", "status: draft", "status: drafty")
    broken = commit(root, "broken", "v0")
    edit(root, "plan/plan.yaml", "status: drafty", "status: draft")
    commit(root, "fixed")
    result = kplan("diff", "v0", "HEAD", cwd=root)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    where = f"{broken[:10]}:"
    lines = [line.removeprefix(where) for line in result.stderr.splitlines() if line.startswith(where)]
    [problem] = [printed_lines.LINE.match(line) for line in lines]
    assert problem and (problem["file"], problem["line"], problem["column"]) == ("plan/plan.yaml", "6", "9")
    assert problem["code"] == "load.invalid-value" and "drafty" in problem["message"]
    assert "diff.unreadable-edition" in printed_lines.codes(result.stderr)


def test_an_old_edition_without_optional_parts(tmp_path, kplan):
    """An edition made before a part existed loads with the current loader: the part shows as added."""
    root = make_repo(tmp_path / "repo", label=None)
    edit(root, "plan/plan.yaml", "  - public-comment: plan/public-comment.yaml\nerrata: plan/errata.yaml\n", "")
    (root / "plan/public-comment.yaml").unlink()
    (root / "plan/errata.yaml").unlink()
    commit(root, "before the public comment", "v0")
    shutil.copy2(Path(__file__).resolve().parents[1] / "plan/plan.yaml", root / "plan/plan.yaml")
    shutil.copy2(Path(__file__).resolve().parents[1] / "plan/public-comment.yaml", root / "plan/public-comment.yaml")
    shutil.copy2(Path(__file__).resolve().parents[1] / "plan/errata.yaml", root / "plan/errata.yaml")
    commit(root, "with it")
    code, document = json_diff(kplan, root, "v0", "HEAD")
    assert code == 1
    assert [(c["kind"], c["id"], c["change"]) for c in document["changes"]] == [
        ("public-comment", "public-comment", "added")
    ]


def test_a_plan_in_a_subdirectory_of_the_repository(tmp_path, kplan):
    root = tmp_path / "repo"
    copy_plan(root / "docs" / "plan-source")
    git(root, "init", "-q", "-b", "main")
    commit(root, "first", "v1")
    _period_edit(root / "docs" / "plan-source", 2026)
    commit(root, "second", "v2")
    code, document = json_diff(kplan, root / "docs" / "plan-source", "v1", "v2")
    assert code == 1 and [c["field"] for c in document["changes"]] == ["period"]


def test_a_path_leaving_an_extracted_edition_is_refused(tmp_path):
    """A hostile commit whose plan.yaml names ../../x.md: the edition is loaded with its temporary directory as the
    project root, so the path is refused (load.path-outside) and nothing outside is read."""
    from kplan.diff.editions import EditionError, load_edition

    root = make_repo(tmp_path / "repo", label=None)
    (tmp_path / "x.md").write_text("---\nid: x\ntitle: 外のファイル\n---\n\n外の本文。\n", encoding="utf-8")
    edit(root, "plan/plan.yaml", "  - chapter: plan/chapters/01-about.md\n", "  - chapter: ../../x.md\n")
    commit(root, "hostile", "v9")
    with pytest.raises(EditionError) as caught:
        load_edition("v9", root)
    assert {d.code for d in caught.value.diagnostics} == {"load.path-outside"}
    assert all(
        line.startswith(git(root, "rev-parse", "HEAD")[:10] + ":plan/plan.yaml:") for line in caught.value.problems
    )


def test_an_edition_in_the_old_source_format_says_to_migrate(tmp_path):
    """A commit holding the old format (the 初版 as first recorded) is not compared; the code says why."""
    from kplan.diff.editions import EditionError, load_edition

    root = tmp_path / "repo"
    data = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", FIRST_EDITION_COMMIT, "plan", "glossary"],
        check=True,
        capture_output=True,
    ).stdout
    root.mkdir()
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(root, filter="data")
    git(root, "init", "-q", "-b", "main")
    commit(root, "old format", "v1")
    with pytest.raises(EditionError) as caught:
        load_edition("v1", root)
    assert [d.code for d in caught.value.diagnostics] == ["load.old-format"]
