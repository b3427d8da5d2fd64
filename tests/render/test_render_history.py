"""Dates of last change: one git log for every entry, uncommitted and unknown files get the build date."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import git

from glossary_tool.site.render.history import build_date, last_changes

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
TODAY = datetime.date(2031, 1, 2)


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


def test_outside_git_no_date_is_known(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Not the build date: every page would then claim that its entry changed on the day of the build.
    (tmp_path / "x.yaml").write_text("x", encoding="utf-8")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))  # git must not find a repository further up
    assert last_changes(tmp_path, [tmp_path / "x.yaml"], TODAY) == {tmp_path / "x.yaml": None}


def test_a_shallow_clone_knows_only_the_dates_inside_its_history(repo: Path, tmp_path: Path) -> None:
    (repo / "concepts" / "ö.yaml").write_text("ö3", encoding="utf-8")
    git(repo.parent, "commit", "-q", "-am", "third", date="2024-09-15T12:00:00+00:00")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo.parent}", str(clone)], check=True, capture_output=True)
    content = clone / "content"
    got = {p.name: d for p, d in last_changes(content, sorted((content / "concepts").glob("*.yaml")), TODAY).items()}
    # The oldest commit fetched ("second") lists every file it holds as added: b really changed then, a did not,
    # and git cannot tell them apart, so neither gets that commit's date.
    assert got == {"a.yaml": None, "b.yaml": None, "ö.yaml": datetime.date(2024, 9, 15)}


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


def test_each_concept_page_shows_its_own_entry_s_last_change(tmp_path: Path) -> None:
    from conftest import FIXTURES, make_settings

    from glossary_tool.lint import run
    from glossary_tool.site.render import render_locale
    from glossary_tool.site.render.history import entry_dates

    content = tmp_path / "content"
    content.mkdir()
    for path in (FIXTURES / "valid").glob("*.yaml"):
        shutil.copy(path, content / path.name)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first", date="2024-01-01T12:00:00+00:00")
    kpo = content / "kpo.yaml"
    kpo.write_text(kpo.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "second", date="2024-06-30T12:00:00+00:00")
    settings = make_settings(content)
    glossary = run(settings, [content]).glossary

    def shown(dates: dict[str, datetime.date | None]) -> dict[str, list[str]]:
        pages = render_locale(glossary, settings, "sv", site_name="S", site_url="http://h/sv/", changed=dates, today=TODAY)
        own = re.compile(r'<p class="glossary-(?:meta|cite)"[^>]*>.*?</p>', re.S)  # the page's header line and citation
        return {p.src: re.findall(r'<time datetime="([^"]+)"', "".join(own.findall(p.html))) for p in pages if p.src in ("terms/kpo.md", "terms/bpo.md")}

    # The date in the page's header and in its citation: each entry's own.
    assert shown(entry_dates(glossary, content, TODAY)) == {"terms/kpo.md": ["2024-06-30"] * 2, "terms/bpo.md": ["2024-01-01"] * 2}
    # Unknown (outside git, beyond a shallow clone): no date at all rather than the build's.
    assert shown(dict.fromkeys(("kpo", "bpo"))) == {"terms/kpo.md": [], "terms/bpo.md": []}
