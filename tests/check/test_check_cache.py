"""The glossary's terms are kept between runs of ``check``, used again only while every entry file is unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from check_project import check_files, project, where

from glossary_tool.check import CheckOptions, cache, run_check


def test_a_second_run_reads_the_terms_from_the_cache_until_an_entry_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = project(tmp_path)
    check_files(tmp_path, {"a.md": "customer care and KPO\n"}, settings)
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "cache"
    first = run_check(settings, [Path("docs")], CheckOptions(), cache=folder).problems
    assert where(first) == [(1, 1, "deprecated-term")]
    assert len(list(folder.glob("*.json"))) == 1

    def no_loading(*args: object) -> None:
        raise AssertionError("the glossary was loaded although the cache is current")

    monkeypatch.setattr(cache, "load_glossary", no_loading)
    assert run_check(settings, [Path("docs")], CheckOptions(), cache=folder).problems == first
    monkeypatch.undo()
    monkeypatch.chdir(tmp_path)
    entry = tmp_path / "content" / "concepts" / "customer-service.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("status: deprecated", "status: admitted"), encoding="utf-8")
    assert where(run_check(settings, [Path("docs")], CheckOptions(), cache=folder).problems) == []


@pytest.mark.parametrize("damage", ["{not json", json.dumps({"format": 1, "stamps": [], "errors": 0, "terms": [[1, 2, 3, 4]]}), "[]"])
def test_a_damaged_cache_is_a_fresh_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    settings = project(tmp_path)
    check_files(tmp_path, {"a.md": "customer care\n"}, settings)
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "cache"
    run_check(settings, [Path("docs")], CheckOptions(), cache=folder)
    (written,) = folder.glob("*.json")
    written.write_text(damage, encoding="utf-8")
    assert where(run_check(settings, [Path("docs")], CheckOptions(), cache=folder).problems) == [(1, 1, "deprecated-term")]


def test_a_cache_that_cannot_be_written_is_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = project(tmp_path)
    check_files(tmp_path, {"a.md": "customer care\n"}, settings)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert where(run_check(settings, [Path("docs")], CheckOptions(), cache=tmp_path / "file" / "cache").problems) == [(1, 1, "deprecated-term")]


def test_the_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_folder() == tmp_path / "glossary-tool" / "check"
