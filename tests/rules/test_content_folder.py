"""Rules ``unexpected-file``, ``symlink`` and ``special-file``, on listings made by ``content_files.list_content``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from conftest import make_settings

from glossary_tool.core.content_files import ContentFile, list_content
from glossary_tool.core.loading import load_glossary
from glossary_tool.lint import content_problems, run
from glossary_tool.lint.rules import load_all
from glossary_tool.lint.rules.content_folder import media_problem

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8


def _rules(item: ContentFile) -> list[str]:
    return [p.rule for p in content_problems([item], make_settings(Path("/p")))]


@pytest.mark.parametrize(
    ("item", "rules"),
    [
        (ContentFile("c/a.png", "file", "a.png", head=PNG), []),
        (ContentFile("c/a.jpg", "file", "a.jpg", head=b"\xff\xd8\xff\xe0"), []),
        (ContentFile("c/a.webp", "file", "a.webp", head=b"RIFF\x00\x00\x00\x00WEBP"), []),
        (ContentFile("c/a.avif", "file", "a.avif", head=b"\x00\x00\x00\x1cftypavif"), []),
        (ContentFile("c/entry.schema.json", "file", "entry.schema.json", expected=True), []),
        (ContentFile("c/.gitkeep", "file", ".gitkeep"), []),
        (ContentFile("c/.git", "folder", ".git"), []),
        (ContentFile("c/a.png", "file", "a.png", head=b"<html>"), ["unexpected-file"]),
        (ContentFile("c/a.svg", "file", "a.svg"), ["unexpected-file"]),
        (ContentFile("c/other.json", "file", "other.json"), ["unexpected-file"]),
        (ContentFile("c/.hidden", "folder", ".hidden"), ["unexpected-file"]),
        (ContentFile("c/a\nb.yaml", "file", "a\nb.yaml"), ["unexpected-file"]),
        (ContentFile("c/x", "link-outside", "x", "/etc"), ["symlink"]),
        (ContentFile("c/x", "link-loop", "x"), ["symlink"]),
        (ContentFile("c/x", "link-broken", "x", "gone"), ["symlink"]),
        (ContentFile("c/x", "link-folder", "x", "sub"), ["symlink"]),
        (ContentFile("c/x.yaml", "fifo", "x.yaml"), ["special-file"]),
        (ContentFile("c/x.yaml", "socket", "x.yaml"), ["special-file"]),
        (ContentFile("c/x.yaml", "device", "x.yaml"), ["special-file"]),
        (ContentFile("c/sub", "unreadable", "sub", "Permission denied"), ["unreadable"]),
    ],
)
def test_each_kind_of_name_gets_its_rule(item: ContentFile, rules: list[str]) -> None:
    assert _rules(item) == rules
    assert all((p.path, p.line, p.column) == (item.path, 1, 1) for p in content_problems([item], make_settings(Path("/p"))))


def test_media_signatures() -> None:
    assert media_problem(".png", PNG) is None and media_problem(".gif", b"GIF89a") is None
    assert media_problem(".gif", b"GIF90a") == "its content is not a GIF image"


def test_the_rules_are_documented_with_passes_and_fails() -> None:
    rules = load_all()
    for rule_id in ("unexpected-file", "symlink", "special-file"):
        assert rules[rule_id].scope == "content" and "Passes:" in rules[rule_id].doc and "Fails:" in rules[rule_id].doc


def test_a_listing_opens_nothing_but_image_heads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.yaml").write_text("id: a\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("text", encoding="utf-8")
    (tmp_path / "c.png").write_bytes(PNG)
    os.mkfifo(tmp_path / "d.yaml")
    os.symlink("/etc/passwd", tmp_path / "e.yaml")
    opened: list[str] = []
    real_open = os.open

    def recording_open(path: str | os.PathLike[str], *args: Any, **kwargs: Any) -> int:
        opened.append(os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", recording_open)
    listing = list_content([tmp_path], make_settings(tmp_path))
    assert listing.entries == [str(tmp_path / "a.yaml")]
    assert [(o.name, o.kind) for o in listing.others] == [("b.txt", "file"), ("c.png", "file"), ("d.yaml", "fifo"), ("e.yaml", "link-outside")]
    assert opened == [str(tmp_path / "c.png")]


def test_loading_lists_them_for_lint_and_parses_only_entries(tmp_path: Path) -> None:
    (tmp_path / "a.svg").write_text("<svg onload=alert(1)>", encoding="utf-8")
    settings = make_settings(tmp_path)
    glossary, problems = load_glossary(settings, [tmp_path])
    assert problems == [] and [o.name for o in glossary.others] == ["a.svg"]
    assert [(p.rule, p.path.endswith("a.svg")) for p in run(settings, [tmp_path]).problems] == [("unexpected-file", True)]
