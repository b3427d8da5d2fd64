"""Loader: positions, strings-only data, and every hazard it must refuse, on both PyYAML paths."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from glossary_tool.core.loader import HAS_C_LOADER, Impl, load_file, load_text

IMPLS = ["python", pytest.param("c", marks=pytest.mark.skipif(not HAS_C_LOADER, reason="PyYAML built without libyaml"))]


def test_c_loader_is_available_here() -> None:
    # CI installs PyYAML wheels that bundle libyaml; if this fails the C path is untested.
    assert HAS_C_LOADER


@pytest.mark.parametrize("impl", IMPLS)
def test_scalars_stay_text(impl: Impl) -> None:
    doc, problems = load_text("a: no\nb: on\nc: 0777\nd: 2024-02-30\ne: ~\nf: 1.5e3\ng: [yes, null]\n", "f.yaml", impl=impl)
    assert problems == []
    assert doc is not None
    assert doc.data == {"a": "no", "b": "on", "c": "0777", "d": "2024-02-30", "e": "~", "f": "1.5e3", "g": ["yes", "null"]}


@pytest.mark.parametrize("impl", IMPLS)
def test_positions_of_keys_and_values(impl: Impl) -> None:
    doc, _ = load_text("id: x\nlocales:\n  en:\n    terms:\n      - text: hi\n", "f.yaml", impl=impl)
    assert doc is not None
    assert doc.keys[("locales",)] == (2, 1)
    assert doc.values[("id",)] == (1, 5)
    assert doc.values[("locales", "en", "terms", 0, "text")] == (5, 15)
    assert doc.key_pos(("locales", "en", "terms", 0, "text")) == (5, 9)
    assert doc.pos(("locales", "en", "missing")) == doc.values[("locales", "en")]


HAZARDS = [
    ("a: 1\nb: 2\na: 3\n", "duplicate-key", (3, 1), "first on line 1"),
    ("a: &x 1\n", "yaml-anchor", (1, 4), "&x"),
    ("a: [1]\nb: *x\n", "yaml-alias", (2, 4), "alias"),
    ("a: !!python/object:os.system x\n", "yaml-tag", (1, 4), "python/object"),
    ("a: !custom x\n", "yaml-tag", (1, 4), "!custom"),
    ("a:\n  b:\n    c: [[[[[[[[[[[[1]]]]]]]]]]]]\n", "yaml-depth", (3, 17), "12"),
    ('a: "x\u202ey"\n', "forbidden-character", (1, 6), "U+202E"),
    ("a: x\u200by\n", "forbidden-character", (1, 5), "U+200B"),
    ("a: x\x07\n", "forbidden-character", (1, 5), "U+0007"),
    ("a: 1\n---\nb: 2\n", "yaml-document", (2, 1), "one YAML document"),
    ("- a\n- b\n", "not-a-mapping", (1, 1), "mapping"),
    ("", "not-a-mapping", (1, 1), "empty"),
    ("a: b: c\n", "yaml-syntax", (1, 5), ""),
]


@pytest.mark.parametrize("impl", IMPLS)
@pytest.mark.parametrize(("text", "rule", "pos", "words"), HAZARDS)
def test_hazards_become_problems(impl: Impl, text: str, rule: str, pos: tuple[int, int], words: str) -> None:
    doc, problems = load_text(text, "f.yaml", impl=impl)
    assert doc is None
    assert [(p.rule, (p.line, p.column)) for p in problems] == [(rule, pos)]
    assert words in problems[0].message


@pytest.mark.parametrize("impl", IMPLS)
def test_alias_refused_before_expansion(impl: Impl) -> None:
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    doc, problems = load_text(bomb, "f.yaml", impl=impl)
    assert doc is None and problems[0].rule == "yaml-anchor"


def test_size_cap_reads_no_more_than_the_cap(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * 2000 + b"\n")
    doc, problems = load_file(big, "big.yaml", max_bytes=1000)
    assert doc is None and [(p.rule, p.line, p.column) for p in problems] == [("file-too-large", 1, 1)]


def test_non_utf8_is_located(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"id: x\nname: caf" + b"\xe9\n")
    doc, problems = load_file(bad, "bad.yaml")
    assert doc is None and [(p.rule, p.line, p.column) for p in problems] == [("encoding", 2, 10)]


def test_bom_is_accepted(tmp_path: Path) -> None:
    f = tmp_path / "bom.yaml"
    f.write_bytes(b"\xef\xbb\xbfid: x\n")
    doc, problems = load_file(f, "bom.yaml")
    assert problems == [] and doc is not None and doc.data == {"id": "x"}


def test_both_loaders_agree_on_a_real_entry() -> None:
    text = (Path(__file__).parent / "fixtures" / "valid" / "kpo.yaml").read_text(encoding="utf-8")
    c_doc, _ = load_text(text, "k.yaml", impl="c")
    py_doc, _ = load_text(text, "k.yaml", impl="python")
    assert c_doc is not None and py_doc is not None
    assert c_doc.data == py_doc.data and c_doc.values == py_doc.values and c_doc.keys == py_doc.keys
    assert c_doc.data == yaml.load(text, Loader=yaml.BaseLoader)


@pytest.mark.parametrize("impl", IMPLS)
@pytest.mark.parametrize("newline", ["\n", "\r", "\r\n"])
def test_positions_count_cr_lf_and_crlf_as_line_ends(impl: Impl, newline: str) -> None:
    text = newline.join(["id: x", "kind: concept", "a:", "  b: c\u200bd", ""])
    doc, problems = load_text(text, "f.yaml", impl=impl)
    assert doc is None and [(p.rule, p.line, p.column) for p in problems] == [("forbidden-character", 4, 7)]
    doc, problems = load_text(text.replace("\u200b", ""), "f.yaml", impl=impl)
    assert problems == [] and doc is not None and doc.values[("a", "b")] == (4, 6)  # the parser agrees


@pytest.mark.parametrize("newline", ["\r", "\r\n"])
def test_an_encoding_error_after_cr_line_ends_is_located(newline: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(newline.join(["id: x", "name: caf"]).encode() + b"\xe9\n")
    doc, problems = load_file(bad, "bad.yaml")
    assert doc is None and [(p.rule, p.line, p.column) for p in problems] == [("encoding", 2, 10)]


def test_offset_to_pos_on_mixed_line_ends() -> None:
    from glossary_tool.core.loader import offset_to_pos

    text = "a\r\nb\rc\n\nd"
    assert [offset_to_pos(text, i) for i in range(len(text))] == [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (3, 1), (3, 2), (4, 1), (5, 1)]


def test_a_pipe_or_a_folder_is_not_read(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "p.yaml")  # opened without blocking, refused before any read
    (tmp_path / "d.yaml").mkdir()
    assert [(p.rule, p.line, p.column) for p in load_file(tmp_path / "p.yaml", "p.yaml")[1]] == [("special-file", 1, 1)]
    assert [p.rule for p in load_file(tmp_path / "d.yaml", "d.yaml")[1]] == ["unreadable"]
