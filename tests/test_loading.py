"""``core.loading``: a glossary loaded in several processes is the one loaded in one, and what runs on each part
while the files are parsed sees every file once, in file order, even when a worker dies."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import FIXTURES, concept, make_settings

from glossary_tool.core import loading
from glossary_tool.core.model import Glossary


def _content(root: Path) -> Path:
    content = root / "content"
    content.mkdir()
    for i in range(40):
        (content / f"c{i:02d}.yaml").write_text(concept(f"c{i:02d}"), encoding="utf-8")
    for f in (FIXTURES / "invalid").glob("*.yaml"):  # parse errors, schema errors, and files that never parse
        (content / f"invalid-{f.name}").write_bytes(f.read_bytes())
    return content


def _paths(part: Glossary) -> tuple[int, list[str], list[str]]:
    return os.getpid(), [d.path for d in part.documents], [e.doc.path for e in part.entries]


def test_the_parts_are_checked_where_they_are_parsed_in_file_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = make_settings(_content(tmp_path))
    alone, problems, one = loading.load_checked(settings, jobs=1, each_part=_paths)
    together, problems_together, parts = loading.load_checked(settings, jobs=2, each_part=_paths)
    assert (together, problems_together) == (alone, problems)
    assert problems and any(p.rule == "schema" for p in problems)
    assert len(one) == 1 and len(parts) == 2
    assert parts[0][0] == os.getpid() != parts[1][0]  # the second part was checked in the worker that parsed it
    assert [p for _, docs, _ in parts for p in docs] == one[0][1] == [d.path for d in alone.documents]
    assert [p for _, _, entries in parts for p in entries] == one[0][2] == [e.doc.path for e in alone.entries]
    assert loading.load_glossary(settings, jobs=2) == (alone, problems)


def test_when_a_worker_dies_the_main_process_parses_and_checks_its_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = make_settings(_content(tmp_path))
    main = os.getpid()

    def dies_in_a_worker(part: Glossary) -> list[str]:
        if os.getpid() != main:
            os._exit(1)  # as a worker killed for lack of memory: no exception, the process is gone
        return [d.path for d in part.documents]

    alone, problems, one = loading.load_checked(settings, jobs=1, each_part=dies_in_a_worker)
    together, problems_together, parts = loading.load_checked(settings, jobs=2, each_part=dies_in_a_worker)
    assert (together, problems_together) == (alone, problems)
    assert len(parts) == 2 and [p for part in parts for p in part] == one[0]


def test_an_exception_of_the_work_in_a_worker_is_raised_as_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = make_settings(_content(tmp_path))
    main = os.getpid()

    def fails_in_a_worker(part: Glossary) -> None:
        if os.getpid() != main:
            raise LookupError(f"{len(part.documents)} documents")

    with pytest.raises(LookupError, match="documents"):
        loading.load_checked(settings, jobs=2, each_part=fails_in_a_worker)
