"""Settings come from the glossary block of mkdocs.yml, declared once as MkDocs config_options."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_yml

from glossary_tool.core.config import GlossaryOptions, load_settings, settings_from_options
from glossary_tool.core.problems import FatalError, Severity
from glossary_tool.lint.rules import load_all


def test_project_mkdocs_yml() -> None:
    settings = load_settings(ROOT / "mkdocs.yml")
    assert settings.locale_codes == ("en", "sv")
    assert settings.locale("sv").prefix == "sv/"
    assert settings.content_dir == ROOT / "content"
    assert settings.rules["missing-locale"] is Severity.WARNING
    assert settings.category_ids == ("general", "model", "location", "service", "notion", "challenge")
    service = settings.category("service")
    assert service is not None and service.labels == {"en": "Services", "sv": "Tjänster"}
    service_of = settings.relation("service_of")
    assert service_of is not None and service_of.range == ("model",) and service_of.required_for == ("service",)
    assert settings.relation_ids == ("broader", "narrower", "related", "contrast", "service_of", "part_of", "has_part")


def test_defaults_live_in_the_declaration() -> None:
    settings = settings_from_options(Path("/p"), {})
    defaults = GlossaryOptions()
    assert settings.max_file_bytes == defaults["max_file_bytes"] == 256 * 1024
    assert settings.max_depth == 12 and settings.definition_max_words == 30
    assert settings.locale_codes == ("en",) and settings.locales[0].name == "English"
    assert settings.category_ids == ("general",)


def test_third_locale_is_configuration_only(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - glossary:\n      locales: [{code: en}, {code: sv}, {code: fi, name: Suomi}]\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    settings = load_settings(tmp_path / "mkdocs.yml")
    assert settings.locale_codes == ("en", "sv", "fi")
    assert settings.locale("fi").prefix == "fi/" and settings.locale("sv").name == "svenska"


@pytest.mark.parametrize(
    ("block", "words"),
    [
        ("  - glossary:\n      rules: {schema: loud}\n", "rules.schema: severity must be error, warning or off, not 'loud'"),
        ("  - glossary:\n      colour: red\n", "unknown option 'colour'"),
        ("  - glossary:\n      locale: [en]\n", "unknown option 'locale'; did you mean 'locales'?"),
        ("  - search\n", "no 'glossary' entry"),
        ("  - glossary:\n      source_locale: de\n", "'de' is not one of the configured locales"),
        ("  - glossary:\n      rules: {no-such-rule: warning}\n", "no rule has the id 'no-such-rule'"),
        ("  - glossary:\n      rules: {placeholder-txt: warning}\n", "did you mean 'placeholder-text'"),
        ("  - glossary:\n      max_depth: [1]\n", "max_depth: must be a whole number"),
        ("  - glossary:\n      max_file_bytes: abc\n", "max_file_bytes: must be a whole number"),
        ("  - glossary:\n      max_file_bytes: 100000000000000\n", "max_file_bytes: must be from"),
        ("  - glossary:\n      categories: [{id: Bad Id, label: {en: X}}]\n", "categories[0].id: 'Bad Id' must be a lowercase slug"),
        ("  - glossary:\n      categories: [{id: a, label: {de: A}}]\n", "categories[0].label.de: 'de' is not a configured locale"),
        ("  - glossary:\n      relations: [{id: broader, label: {en: B}}]\n", "relations[0].id: 'broader' is built in"),
        ("  - glossary:\n      relations: [{id: part_of, label: {en: P}, range: [organ]}]\n", "relations[0].range[0]: 'organ' is not a declared category"),
        ("  - glossary:\n      relations: [{id: part_of, label: {en: P}, skos: sibling}]\n", "skos: must be one of broader, narrower, related"),
        ("  - glossary:\n      locales: [{code: en}, {code: en}]\n", "locales[1].code: 'en' is already locale #1"),
        ("  - glossary:\n      locales: [{code: en}, {code: sv, prefix: ../../}]\n", "locales[1].prefix: '../../' must be a relative path"),
        ("  - glossary:\n      locales: [{code: en}, {code: sv, prefix: /srv/other/}]\n", "locales[1].prefix: '/srv/other/' must be a relative path"),
        ("  - glossary:\n      locales: [{code: en}, {code: sv, prefix: ''}]\n", "only the first locale may be served at the root"),
        ("  - glossary:\n      locales: [{code: xx}]\n", "Babel has no locale data for 'xx'"),
        ("  - glossary: 5\n", "options must be a mapping"),
        ("  - glossary:\n      rules: [a]\n", "rules: must be a mapping"),
        ("  - glossary:\n      pairs: some\n", "pairs: must be source or all, or a list of pairs of locale codes such as [[en, sv], [sv, en]], not 'some'"),
        ("  - glossary:\n      pairs: [en, sv]\n", "pairs[0]: must be a source and a target locale code such as [en, sv], not 'en'"),
        ("  - glossary:\n      pairs: [[en, en_US]]\n", "pairs[0]: 'en_US' is not a BCP 47 language tag; did you mean 'en-US'?"),
        ("  - glossary:\n      locales: [{code: en}, {code: sv}]\n      pairs: [[en, de]]\n", "pairs[0]: 'de' is not one of the configured locales (en, sv)"),
        ("  - glossary:\n      locales: [{code: en}, {code: sv}]\n      pairs: [[sv, sv]]\n", "pairs[0]: pairs two different locales"),
        ("  - glossary:\n      locales: [{code: en}, {code: sv}]\n      pairs: [[en, sv], [EN, sv]]\n", "pairs[1]: [en, sv] is already pair #1"),
    ],
)
def test_bad_settings_are_fatal_with_a_clear_message(tmp_path: Path, block: str, words: str) -> None:
    (tmp_path / "mkdocs.yml").write_text(f"site_name: x\nplugins:\n{block}", encoding="utf-8")
    with pytest.raises(FatalError, match=re.escape(words)):
        load_settings(tmp_path / "mkdocs.yml", rule_ids=load_all)  # the ids lint knows, as the command line passes them


def test_every_error_is_reported_at_once_with_its_position(tmp_path: Path) -> None:
    text = (
        "site_name: x\nplugins:\n  - glossary:\n      colour: red\n      max_depth: deep\n"
        "      locales:\n        - code: en\n        - {code: sv, prefix: /abs/}\n      rules: {nope: error}\n"
    )
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    with pytest.raises(FatalError) as exc:
        load_settings(tmp_path / "mkdocs.yml", rule_ids=load_all)
    lines = str(exc.value).splitlines()[1:]
    options = [re.search(r"glossary option (\S+):", line) for line in lines]
    assert all(options), lines
    where = {m.group(1): line.split(": error:")[0].rsplit(":", 2)[1:] for m, line in zip(options, lines, strict=True) if m}
    assert where == {"colour": ["4", "7"], "max_depth": ["5", "18"], "locales[1].prefix": ["8", "30"], "rules.nope": ["9", "15"]}
    assert all(line.endswith("[config]") for line in lines)


SEVEN = ["en", "sv", "fi", "de", "pl", "ru", "ja"]


@pytest.mark.parametrize("codes", [SEVEN[:2], SEVEN[:3], SEVEN], ids=["2", "3", "7"])
def test_pair_glossaries_are_by_default_the_source_language_with_each_other_both_ways(codes: list[str]) -> None:
    pairs = settings_from_options(Path("/p"), {"locales": [{"code": c} for c in codes]}).language_pairs
    assert len(pairs) == 2 * (len(codes) - 1)
    assert set(pairs) == {(a, b) for a in codes for b in codes if a != b and "en" in (a, b)}
    assert pairs[:2] == (("en", codes[1]), ("en", codes[2]) if len(codes) > 2 else (codes[1], "en"))  # configured order


def test_pair_glossaries_follow_a_source_locale_that_is_not_the_first() -> None:
    settings = settings_from_options(Path("/p"), {"locales": [{"code": c} for c in ("en", "sv", "fi")], "source_locale": "sv"})
    assert settings.language_pairs == (("en", "sv"), ("sv", "en"), ("sv", "fi"), ("fi", "sv"))


def test_pair_glossaries_all_or_listed() -> None:
    locales = [{"code": c} for c in SEVEN]
    assert len(settings_from_options(Path("/p"), {"locales": locales, "pairs": "all"}).language_pairs) == 7 * 6
    listed = settings_from_options(Path("/p"), {"locales": locales, "pairs": [["fi", "SV"], ["ja", "en"]]}).language_pairs
    assert listed == (("fi", "sv"), ("ja", "en"))  # in the order written, tags in their customary case
    assert settings_from_options(Path("/p"), {"locales": locales, "pairs": []}).language_pairs == ()


def test_a_wrong_pair_is_reported_at_its_position(tmp_path: Path) -> None:
    text = "site_name: x\nplugins:\n  - glossary:\n      locales: [{code: en}, {code: sv}]\n      pairs:\n        - [en, sv]\n        - [sv, fi]\n"
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    with pytest.raises(FatalError) as exc:
        load_settings(tmp_path / "mkdocs.yml")
    assert "mkdocs.yml:7:11: error: glossary option pairs[1]: 'fi' is not one of the configured locales (en, sv) [config]" in str(exc.value)


def test_pt_br_and_zh_hant_tw_are_known_locales() -> None:
    settings = settings_from_options(Path("/p"), {"locales": [{"code": "pt-BR"}, {"code": "zh-Hant-TW"}]})
    assert [loc.prefix for loc in settings.locales] == ["", "zh-hant-tw/"]
    assert [loc.babel for loc in settings.locales] == ["pt_BR", "zh_Hant_TW"]


def test_bare_off_in_yaml_means_off(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        mkdocs_yml().replace("content_dir: content", "content_dir: content\n    rules:\n      placeholder-text: off"), encoding="utf-8"
    )
    assert load_settings(tmp_path / "mkdocs.yml").rules["placeholder-text"] is Severity.OFF


@pytest.mark.parametrize("text", [b"site_name: x\n\xff\n", b"- a\n- b\n", b"plugins: 5\n", b"site_name: [\n"])
def test_unreadable_mkdocs_yml_is_fatal_not_a_traceback(tmp_path: Path, text: bytes) -> None:
    (tmp_path / "mkdocs.yml").write_bytes(text)
    with pytest.raises(FatalError):
        load_settings(tmp_path / "mkdocs.yml")


def test_a_folder_as_config_is_fatal(tmp_path: Path) -> None:
    with pytest.raises(FatalError, match="is a folder"):
        load_settings(tmp_path)


def test_content_dir_may_not_lead_out_of_the_project_through_a_link(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "p" / "content").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "p" / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - glossary:\n      content_dir: content\n", encoding="utf-8")
    with pytest.raises(FatalError, match=r"mkdocs.yml:4:20: error: glossary option content_dir: 'content' leads to .*elsewhere, which is not a folder inside"):
        load_settings(tmp_path / "p" / "mkdocs.yml")
    (tmp_path / "p" / "content").unlink()
    (tmp_path / "p" / "content").mkdir()
    assert load_settings(tmp_path / "p" / "mkdocs.yml").content_dir == tmp_path / "p" / "content"


def test_tags_are_found_with_their_positions_and_construct_nothing(tmp_path: Path) -> None:
    from glossary_tool.core.config import read_config
    from glossary_tool.core.trust import yaml_features

    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\na: !!python/name:os.path\nb:\n  - !!python/object/apply:os.system [x]\nc: !ENV [HOME, x]\nplugins: [glossary]\n", encoding="utf-8"
    )
    raw = read_config(tmp_path / "mkdocs.yml")
    assert yaml_features(raw.text) == [
        ("tag tag:yaml.org,2002:python/name:os.path", 2, 4),
        ("tag tag:yaml.org,2002:python/object/apply:os.system", 4, 5),
        ("tag !ENV", 5, 4),
    ]
    assert raw.data["a"] is None and raw.data["b"] == [None]  # read without constructing anything


@pytest.mark.parametrize("code", ["pt-BR", "zh-TW", "zh-Hant-TW"])
def test_regional_and_script_locales_work_with_every_babel_use(code: str, tmp_path: Path) -> None:
    # "pt-BR" and "zh-TW" crashed the build once (Babel: "expected only letters"): every place that hands a code
    # to Babel gets the form it parses.
    import datetime

    from babel.dates import format_date

    from glossary_tool.core.model import Concept
    from glossary_tool.core.status import number
    from glossary_tool.site.render.i18n import gettext_for, theme_labels

    settings = settings_from_options(tmp_path, {"locales": [{"code": "en"}, {"code": code}]})
    loc = settings.locale(code)
    assert loc.prefix == code.lower() + "/" and loc.name
    assert format_date(datetime.date(2023, 10, 20), format="long", locale=loc.babel)
    assert number(12345, code) and gettext_for(tmp_path, code)("Categories") and theme_labels(tmp_path, code) is not None
    concept = {
        "id": "a",
        "kind": "concept",
        "category": "general",
        "sources": [{"title": "T"}],
        "locales": {
            "en": {"terms": [{"text": "a", "type": "fullForm", "status": "preferred"}], "definition": "A."},
            code: {"terms": [{"text": "b", "type": "fullForm", "status": "preferred"}], "definition": "B."},
        },
    }
    assert code in Concept.model_validate(concept).locales  # an entry may hold a block for the code


def test_configuration_imports_no_rule_and_checks_ids_only_against_those_it_is_given(tmp_path: Path) -> None:
    script = (
        "import sys, pathlib\nfrom glossary_tool.core.config import settings_from_options\n"
        "settings_from_options(pathlib.Path('.'), {'rules': {'nfc': 'warning', 'no-such-rule': 'off'}})\n"
        "print(sorted(m for m in sys.modules if m.startswith('glossary_tool.lint')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.strip() == "[]"
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - glossary:\n      rules: {nfc: warning, nope: off}\n", encoding="utf-8")
    assert load_settings(tmp_path / "mkdocs.yml").rules == {"nfc": Severity.WARNING, "nope": Severity.OFF}
    with pytest.raises(FatalError, match=r"mkdocs.yml:4:29: error: glossary option rules.nope: no rule has the id 'nope'; 'glossary-tool rules' lists them"):
        load_settings(tmp_path / "mkdocs.yml", rule_ids=lambda: ("nfc", "schema"))
