"""The terminology rules in languages written without spaces or with clitics (Chinese, Japanese, Arabic), through the
word pipeline (glossary_tool/core/words.py): positions are where the term stands in the file."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from conftest import found, write_files

from glossary_tool.core.config import settings_from_options
from glossary_tool.lint import Result, run


def lint(tmp_path: Path, code: str, files: dict[str, str]) -> Result:
    write_files(tmp_path, files)
    locales = [{"code": "en", "name": "English"}, {"code": code, "name": code}]
    options = {"locales": locales, "source_locale": "en", "content_dir": str(tmp_path), "categories": [{"id": "model", "label": {"en": "Models"}}]}
    settings = settings_from_options(tmp_path, options)
    with contextlib.chdir(tmp_path):  # problems are reported relative to the working folder
        return run(settings, [tmp_path])


def entry(cid: str, code: str, terms: str, definition: str, notes: str = "") -> str:
    """A concept whose second language's terms are on line 13 on, its definition on the line after them."""
    return f"""\
id: {cid}
kind: concept
category: model
sources:
  - title: A source
locales:
  en:
    terms:
      - {{text: term {cid}, type: fullForm, status: preferred}}
    definition: An English definition.
  {code}:
    terms:
{terms}
    definition: {definition}
{notes}"""


def term(text: str, status: str = "preferred") -> str:
    return f"      - {{text: {text}, type: fullForm, status: {status}}}"


@pytest.mark.parametrize(
    ("code", "text", "definition"),
    [
        ("zh-Hans", "烧杯", "烧杯是一种用于盛放和加热液体的玻璃容器。"),
        ("ja", "ドラフトチャンバー", "ドラフトチャンバーは有毒な物質を扱うための排気式の作業空間。"),
        ("ar", "كأس زجاجية", "الكأس الزجاجية وعاء أسطواني لحفظ السوائل."),
    ],
)
def test_a_definition_opening_with_its_term_is_found_without_spaces_and_with_the_article(tmp_path: Path, code: str, text: str, definition: str) -> None:
    result = lint(tmp_path, code, {"a.yaml": entry("a", code, term(text), definition)})
    assert found(result, "definition-starts-with-term") == [("a.yaml", 14, 17)]


@pytest.mark.parametrize(
    ("code", "text", "definition", "column"),
    [
        ("zh-Hans", "烧杯", "用于盛放和加热液体的玻璃容器，烧杯也可盛放固体。", 32),
        ("ja", "ビーカー", "液体を入れて加熱するガラス容器で、ﾋﾞｰｶｰとも書く。", 34),
        ("ar", "سحاحة", "أنبوب زجاجي مدرّج، تُضاف بالسحاحة كمية مقيسة من السائل.", 42),
    ],
)
def test_a_definition_using_its_term_inside_a_run_or_with_clitics_is_circular(tmp_path: Path, code: str, text: str, definition: str, column: int) -> None:
    result = lint(tmp_path, code, {"a.yaml": entry("a", code, term(text), definition)})
    assert found(result, "circular-definition") == [("a.yaml", 14, column)]


def test_a_definition_without_its_term_passes_though_a_pair_of_it_occurs(tmp_path: Path) -> None:
    # 滴定管 is 滴定 + 定管: 滴定 alone (titration) is another word.
    result = lint(tmp_path, "zh-Hans", {"a.yaml": entry("a", "zh-Hans", term("滴定管"), "带有刻度的细长玻璃管，用于在滴定中加入液体。")})
    assert found(result, "circular-definition") == [] and found(result, "definition-starts-with-term") == []


@pytest.mark.parametrize(
    ("code", "deprecated", "note", "column"),
    [
        ("zh-Hans", "三角烧瓶", "      - 实验中常把三角烧瓶放在铁架上。", 14),
        ("ja", "ドラフト", "      - 実験室のドラフトの中で作業する。", 13),
        ("ar", "كوب", "      - يُملأ الكوب بالماء المقطر.", 15),
    ],
)
def test_a_deprecated_term_used_in_prose_is_found(tmp_path: Path, code: str, deprecated: str, note: str, column: int) -> None:
    terms = term("甲乙丙" if code != "ar" else "كأس زجاجية") + "\n" + term(deprecated, "deprecated")
    result = lint(tmp_path, code, {"a.yaml": entry("a", code, terms, "一种器具。" if code != "ar" else "وعاء لحفظ السوائل.", "    notes:\n" + note)})
    assert found(result, "deprecated-term-used") == [("a.yaml", 17, column)]


@pytest.mark.parametrize(("code", "first", "second"), [("ar", "كأس", "كاس"), ("ja", "ビーカー", "ﾋﾞｰｶｰ"), ("ja", "ビーカー", "びーかー")])
def test_the_same_term_in_another_spelling_is_a_duplicate(tmp_path: Path, code: str, first: str, second: str) -> None:
    result = lint(
        tmp_path,
        code,
        {
            "a.yaml": entry("a", code, term(first), "وعاء." if code == "ar" else "器具。"),
            "b.yaml": entry("b", code, term(second), "إناء." if code == "ar" else "道具。"),
        },
    )
    assert found(result, "duplicate-term") == [("b.yaml", 13, 16)]


def test_accents_still_tell_french_terms_apart(tmp_path: Path) -> None:
    result = lint(
        tmp_path, "fr", {"a.yaml": entry("a", "fr", term("côte"), "Pente d'une colline."), "b.yaml": entry("b", "fr", term("cote"), "Chiffre de classement.")}
    )
    assert found(result, "duplicate-term") == []
