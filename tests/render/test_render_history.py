"""Dates of last change: one git log for every entry, uncommitted and unknown files get the build date."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from glossary_tool.site.render.history import build_date, last_changes

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
TODAY = datetime.date(2031, 1, 2)


def git(repo: Path, *args: str, date: str = "2024-01-01T12:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")
    content = tmp_path / "content"
    (content / "concepts").mkdir(parents=True)
    for name in ("a", "b", "ö"):
        (content / "concepts" / f"{name}.yaml").write_text(name, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first", date="2024-01-01T12:00:00+00:00")
    (content / "concepts" / "b.yaml").write_text("b2", encoding="utf-8")
    (content / "concepts" / "ö.yaml").write_text("ö2", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "second", date="2024-06-30T12:00:00+00:00")
    return content


def test_the_last_commit_of_each_file(repo: Path) -> None:
    files = sorted((repo / "concepts").glob("*.yaml"))
    got = {p.name: d for p, d in last_changes(repo, files, TODAY).items()}
    assert got == {"a.yaml": datetime.date(2024, 1, 1), "b.yaml": datetime.date(2024, 6, 30), "ö.yaml": datetime.date(2024, 6, 30)}


def test_edited_and_new_files_get_the_build_date(repo: Path) -> None:
    (repo / "concepts" / "a.yaml").write_text("edited", encoding="utf-8")
    (repo / "concepts" / "new.yaml").write_text("new", encoding="utf-8")
    got = {p.name: d for p, d in last_changes(repo, sorted((repo / "concepts").glob("*.yaml")), TODAY).items()}
    assert got["a.yaml"] == got["new.yaml"] == TODAY and got["b.yaml"] == datetime.date(2024, 6, 30)


def test_outside_git_every_file_gets_the_build_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "x.yaml").write_text("x", encoding="utf-8")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))  # git must not find a repository further up
    assert last_changes(tmp_path, [tmp_path / "x.yaml"], TODAY) == {tmp_path / "x.yaml": TODAY}


def test_one_git_log_for_every_file(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary_tool.site.render import history

    calls: list[tuple[str, ...]] = []
    real = history._git

    def counted(folder: Path, *args: str) -> subprocess.Popen[bytes] | None:
        calls.append(args)
        return real(folder, *args)

    monkeypatch.setattr(history, "_git", counted)
    last_changes(repo, sorted((repo / "concepts").glob("*.yaml")), TODAY)
    assert sum("log" in c for c in calls) == 1  # one git log for all files, not one per file


def test_build_date_follows_source_date_epoch() -> None:
    assert build_date({"SOURCE_DATE_EPOCH": "1700000000"}) == datetime.date(2023, 11, 14)
    assert build_date({}) == datetime.datetime.now(tz=datetime.UTC).date()
