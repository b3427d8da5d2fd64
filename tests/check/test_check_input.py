"""Bad input to ``glossary-tool check`` ends in a located error and an exit code, never a traceback or a hang."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from check_project import check_files, mkdocs_yml, project, where
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary_tool import check
from glossary_tool.check.cache import glossary_terms
from glossary_tool.check.terms import GlossaryTerms
from glossary_tool.cli import main
from glossary_tool.core.config import Settings


def test_a_binary_file_is_an_encoding_error_at_its_first_nul_byte(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"logo.gif": b"GIF89a\n\x01\x00\x01\x00", "logo.png": b"\x89PNG\r\n", "notes.md": b"Fine line\nbad \xff byte\n"}
    problems = check_files(tmp_path, files)
    assert [(p.path, p.line, p.column, p.rule) for p in problems] == [
        ("logo.gif", 2, 2, "encoding"),
        ("logo.png", 1, 1, "encoding"),
        ("notes.md", 2, 5, "encoding"),
    ]
    assert "binary file" in problems[0].message and "byte 0x89 is not UTF-8" in problems[1].message


def test_invalid_xml_and_a_doctype_are_located(tmp_path: Path) -> None:
    broken = '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n  <file><body>\n</xliff>\n'
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file><body/></file></xliff>\n'
    )
    other = '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"/>\n'
    problems = check_files(tmp_path, {"broken.xlf": broken, "bomb.xlf": bomb, "other.xliff": other})
    assert where(problems) == [(2, 13, "xml-syntax"), (4, 3, "xml-syntax"), (1, 1, "xml-syntax")]
    assert "DOCTYPE" in problems[0].message and "mismatched tag" in problems[1].message and "not XLIFF" in problems[2].message


def test_a_po_line_that_is_no_keyword_string_or_comment(tmp_path: Path) -> None:
    po = 'msgid "a"\nmsgstr "b"\n\nmsgid "c\nmsgstr "d"\n\nnonsense here\n'
    problems = check_files(tmp_path, {"a.po": po}, language="sv")
    assert where(problems) == [(4, 7, "po-syntax")]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.md", "---\nlang: en_GB!\n---\ntext\n", (2, 7)),
        ("b.md", "---\nlang: de\n---\ncustomer care\n", (2, 7)),
        ("c.html", '<html lang="fr"><p>customer care</p></html>', (1, 1)),
        ("d.po", 'msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "customer care"\nmsgstr "Kundenbetreuung"\n', (3, 12)),
        ("e.xlf", '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="pt-BR"><file id="f"/></xliff>', (1, 90)),
    ],
)
def test_an_unknown_language_is_located_where_the_file_declares_it(tmp_path: Path, name: str, text: str, expected: tuple[int, int]) -> None:
    problems = check_files(tmp_path, {name: text})
    assert where(problems) == [(*expected, "unknown-language")], problems
    assert "customer care" not in problems[0].message


def test_an_element_in_a_language_the_glossary_lacks_is_skipped_but_a_bad_tag_is_reported(tmp_path: Path) -> None:
    html = '<html lang="en"><p lang="de">customer care</p><p lang="no good">customer care</p></html>'
    assert where(check_files(tmp_path, {"a.html": html})) == [(1, 47, "unknown-language")]


def test_huge_lines_and_huge_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check, "MAX_FILE_BYTES", 300_000)
    huge_line = "short line\n" + "customer care " * 20_000 + "\n"
    problems = check_files(tmp_path, {"minified.html": huge_line, "big.txt": "customer care\n" * 30_000})
    assert [(p.path, p.line, p.column, p.rule) for p in problems] == [("big.txt", 1, 1, "file-too-large"), ("minified.html", 2, 100_001, "line-too-long")]


def test_an_unclosed_ignore_is_an_error_where_it_opens(tmp_path: Path) -> None:
    text = "customer care\n\n<!-- glossary-ignore -->\ncustomer care\n"
    assert where(check_files(tmp_path, {"a.md": text})) == [(1, 1, "deprecated-term"), (3, 1, "unclosed-ignore")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_never_opened_for_reading(tmp_path: Path) -> None:
    settings = project(tmp_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    os.mkfifo(docs / "pipe.md")
    assert where(check_files(tmp_path, {"a.md": "fine\n"}, settings)) == []
    os.chdir(tmp_path)
    try:
        problems = check.run_check(settings, [Path("docs")], check.CheckOptions()).problems
    finally:
        os.chdir(Path(__file__).parent)
    assert [(p.path, p.rule) for p in problems] == [("docs/pipe.md", "special-file")]


def test_without_translate_toolkit_po_and_xliff_files_say_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "translate.storage", None)
    po = 'msgid "customer care"\nmsgstr "kundvård"\n'
    xlf = '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="sv"><file id="f"/></xliff>'
    problems = check_files(tmp_path, {"a.po": po, "b.xlf": xlf, "c.md": "customer care\n"})
    assert [(p.path, p.rule) for p in problems] == [("a.po", "missing-reader"), ("b.xlf", "missing-reader"), ("c.md", "deprecated-term")]
    assert "pip install 'glossary-tool[check]'" in problems[0].message


def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> None:
    project(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(mkdocs_yml(), encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def test_exit_codes_are_lints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    cli(tmp_path, monkeypatch, {"docs/ok.md": "customer service\n", "docs/admitted.md": "the call center\n", "docs/bad.md": "customer care\n"})
    assert main(["check", "docs/ok.md", "docs/admitted.md"]) == 0
    assert main(["check", "docs/ok.md", "docs/admitted.md", "--admitted"]) == 0  # a warning
    assert main(["check", "docs/admitted.md", "--admitted", "--strict"]) == 1
    assert main(["check", "docs"]) == 1
    out = capsys.readouterr().out
    assert "docs/bad.md:1:1: error: 'customer care' uses 'customer care'" in out and out.endswith("1 error(s), 0 warning(s)\n")
    assert main(["check", "docs", "--language", "xx-Nope-Nope"]) == 2
    assert main(["check", "docs", "--language", "de"]) == 2
    assert main(["check", "missing-folder"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "--language 'de': the glossary has no language 'de'" in err and "missing-folder: no such file or folder" in err
    assert main(["rules"]) == 0
    assert "glossary-mismatch (error, check)" in capsys.readouterr().out


PIECES = [
    *"<>!-[]()`*_~{}%#&;:/\\\"'= \n\tabcåä顧客",
    "customer care",
    "<!--",
    "-->",
    "msgid ",
    "msgstr ",
    "<!-- glossary-ignore -->",
    "&amp;",
    "```",
    '<p lang="sv">',
    "<xliff>",
    "<source>",
    "</target>",
]
MARKUP = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=MARKUP, kind=st.sampled_from(["markdown", "html", "text", "po", "xliff"]))
def test_any_text_ends_in_problems_never_an_exception(tmp_path: Path, text: str, kind: str) -> None:
    settings = FUZZ_SETTINGS.setdefault("settings", project(tmp_path))
    assert isinstance(settings, Settings)
    path = tmp_path / "fuzz.input"
    data = text.encode("utf-8")
    path.write_bytes(data)
    terms = FUZZ_SETTINGS.setdefault("terms", GlossaryTerms(glossary_terms(settings, None)[0]))
    lines = text.split("\n")
    assert isinstance(terms, GlossaryTerms)
    for p in check.check_file(settings, terms, path, "fuzz.input", kind, check.CheckOptions(language="sv")):
        assert 1 <= p.line <= len(lines) and 1 <= p.column <= len(lines[p.line - 1]) + 1, (p, text)


FUZZ_SETTINGS: dict[str, object] = {}
