"""``glossary-tool check`` on Markdown, text and HTML: what a writer means is checked, at the file's own line:column."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_project import check_files, project, where

from glossary_tool.check import CHECK_RULES, CheckOptions, run_check
from glossary_tool.core.problems import FatalError

DEPRECATED = "deprecated-term"


def test_every_rule_is_documented() -> None:
    for rule in ("deprecated-term", "admitted-term", "glossary-mismatch"):
        assert "Passes:" in CHECK_RULES[rule].doc and "Fails:" in CHECK_RULES[rule].doc, rule


ENGLISH = """
    ---
    title: customer care
    ---
    # Customer care

    Our customer cares are fine, and the customer service is better.
    Write `customer care` in code, or see [customer
    care](https://example.com/customer-care "customer care") and <https://customer.care/>.
    A mention: «customer care». www.customer-care.example/customer/care

    | Team | What it does |
    |---|---|
    | Support | **customer** care, *customer care* |

    ```text
    customer care
    ```

        indented code: customer care

    <!-- glossary-ignore -->
    customer care, ignored
    <!-- glossary-ignore-end -->
    - A list item about customer
      care that goes on.
    > A quote: customer care.
    <span title="customer care">Customer&#32;care</span> and R&amp;D.
    """


def test_english_markdown_reports_deprecated_terms_where_a_reader_reads_them(tmp_path: Path) -> None:
    problems = check_files(tmp_path, {"guide.md": ENGLISH})
    assert where(problems) == [
        (4, 3, DEPRECATED),  # the heading
        (6, 5, DEPRECATED),  # "customer cares": an inflected form
        (7, 40, DEPRECATED),  # the link text, over a line break; its URL and title are not read
        (13, 15, DEPRECATED),  # a table cell, across the bold markers
        (13, 33, DEPRECATED),
        (24, 21, DEPRECATED),  # a list item that goes on over two lines
        (26, 12, DEPRECATED),  # a quote
        (27, 29, DEPRECATED),  # the text of an element; its attribute is not read; &#32; is a space
    ]
    assert problems[0].message == "'Customer care' uses 'customer care', deprecated in 'en' for 'customer-service'; write 'customer service' instead"


SWEDISH = """
    ---
    lang: sv-SE
    ---
    Kundvården svarar. Kundvårdsfrågor går till kundtjänst.
    Storkundvård är ett eget ord, och kundservice är tillåtet.

    | Fråga | Svar |
    |-------|------|
    | Vem?  | Kundvård |
    """


def test_swedish_markdown_finds_inflected_forms_and_compounds_but_not_inside_words(tmp_path: Path) -> None:
    problems = check_files(tmp_path, {"sv.md": SWEDISH})
    assert where(problems) == [(4, 1, DEPRECATED), (4, 20, DEPRECATED), (9, 11, DEPRECATED)]
    assert "write 'kundtjänst' instead" in problems[0].message


def test_admitted_terms_are_reported_only_when_asked(tmp_path: Path) -> None:
    settings = project(tmp_path)
    assert where(check_files(tmp_path, {"sv.md": SWEDISH}, settings), "admitted-term") == []
    problems = check_files(tmp_path, {"sv.md": SWEDISH}, settings, admitted=True)
    assert where(problems, "admitted-term") == [(5, 35, "admitted-term")]
    admitted = next(p for p in problems if p.rule == "admitted-term")
    assert admitted.severity.value == "warning" and "prefers 'kundtjänst'" in admitted.message


JAPANESE = """
    ---
    lang: ja
    ---
    # 顧客対応について

    当社の顧客対応チームは、カスタマーサービスとコールセンターを担当します。`顧客対応`はコードです。
    """


def test_japanese_written_without_spaces_is_matched_by_character_pairs(tmp_path: Path) -> None:
    problems = check_files(tmp_path, {"ja.md": JAPANESE})
    assert where(problems) == [(4, 3, DEPRECATED), (6, 4, DEPRECATED)]
    assert "write 'カスタマーサービス' instead" in problems[0].message


def test_the_language_comes_from_the_file_then_from_language(tmp_path: Path) -> None:
    settings = project(tmp_path)
    text = "Kundvården och customer care.\n"
    assert where(check_files(tmp_path, {"a.txt": text}, settings)) == [(1, 16, DEPRECATED)]  # the source language
    assert where(check_files(tmp_path, {"a.txt": text}, settings, language="sv")) == [(1, 1, DEPRECATED)]
    marked = "---\nlang: en\n---\n" + text
    assert where(check_files(tmp_path, {"b.md": marked}, settings, language="sv")) == [(4, 16, DEPRECATED)]


HTML = """
    <!doctype html>
    <html lang="en">
    <head><title>Customer care</title><style>p::before { content: "customer care" }</style></head>
    <body>
    <p title="customer care">Ask <em>customer</em>
      care &amp; <code>customer care</code> <img alt="customer care" src="customer-care.png"></p>
    <table><tr><td>customer</td><td>care</td></tr><tr><td>the customer care desk</td></tr></table>
    <p lang="sv">Kundvården svarar. <span lang="de">Kundenbetreuung customer care</span></p>
    <!-- glossary-ignore --><p>customer care</p><!-- glossary-ignore-end -->
    <script>const customerCare = "customer care";</script>
    </body></html>
    """


def test_html_text_per_language_without_attributes_code_or_scripts(tmp_path: Path) -> None:
    problems = check_files(tmp_path, {"page.html": HTML})
    assert where(problems) == [
        (3, 14, DEPRECATED),  # the title
        (5, 34, DEPRECATED),  # across <em>…</em> and a line break
        (7, 59, DEPRECATED),  # a cell; the two cells before it are not one phrase
        (8, 14, DEPRECATED),  # Swedish, from its own lang; the German span is not checked (the glossary has no German)
    ]
    assert "deprecated in 'sv'" in problems[-1].message


def test_the_ignore_list_of_the_configuration_exempts_a_phrase(tmp_path: Path) -> None:
    settings = project(tmp_path, check_ignore=["Customer Care Cloud"])
    text = "We sell Customer Care Cloud, the customer care suite.\n"
    assert where(check_files(tmp_path, {"a.md": text}, settings)) == [(1, 34, DEPRECATED)]


def test_a_longer_term_in_use_around_a_deprecated_form_is_not_reported(tmp_path: Path) -> None:
    text = "knowledge process outsourcing, knowledge outsourcing and KPOs\n"
    assert where(check_files(tmp_path, {"a.md": text})) == [(1, 32, DEPRECATED)]


def test_the_progress_hook_hears_of_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = project(tmp_path)
    for name in ("a.md", "sub/b.txt", "sub/.hidden/c.md", "sub/logo.png"):
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text("customer care\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    heard: list[tuple[int, int, str]] = []
    result = run_check(settings, [Path("docs")], CheckOptions(), progress=lambda done, total, path: heard.append((done, total, path)))
    assert heard == [(1, 2, "docs/a.md"), (2, 2, "docs/sub/b.txt")]
    assert [p.path for p in result.problems] == ["docs/a.md", "docs/sub/b.txt"]


@pytest.mark.parametrize("value", ["Customer Care Cloud", [""], [3]])
def test_check_ignore_is_a_list_of_phrases(tmp_path: Path, value: object) -> None:
    with pytest.raises(FatalError, match="check_ignore: must be a list of words or phrases"):
        project(tmp_path, check_ignore=value)


def test_columns_count_characters_beyond_the_basic_plane_as_one(tmp_path: Path) -> None:
    text = "Emoji 😀😀 then customer care\n"
    problems = check_files(
        tmp_path,
        {
            "a.md": text,
            "b.html": f"<p>{text}</p>",
            "c.xlf": (
                '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="sv"><file id="f"><unit id="u">'
                f"<segment><source>{text}</source></segment></unit></file></xliff>"
            ),
        },
    )
    assert [(p.path, p.line, p.column) for p in problems] == [("a.md", 1, 15), ("b.html", 1, 18), ("c.xlf", 1, 151)]
