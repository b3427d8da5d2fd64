"""``glossary-tool init`` and glossaries of other fields: any vocabulary, any languages, from configuration alone."""

from __future__ import annotations

import csv
import io
import json
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from lxml import etree
from lxml import html as lxml_html

from glossary_tool.cli import main
from glossary_tool.site.render.i18n import gettext_for, template_ids

ANATOMY = ROOT / "tests" / "fixtures" / "projects" / "anatomy"


def english_ui_strings(language: str) -> set[str]:
    """UI strings long enough not to occur in content by chance, whose translation differs from the English
    (German writes "Downloads" too)."""
    g = gettext_for(None, language)
    return {m for m in template_ids() if len(m) >= 8 and g(m) != m}


def visible_text(page: Path) -> str:
    tree = lxml_html.fromstring(page.read_bytes())
    for el in tree.xpath("//script|//style|//*[contains(@class, 'glossary-sources')]"):
        el.drop_tree()
    return " ".join(tree.text_content().split()) + " " + " ".join(tree.xpath("//@aria-label|//@title|//@placeholder"))


def assert_no_english_ui(site: Path, prefix: str) -> int:
    english = english_ui_strings(prefix.strip("/"))
    pages = sorted((site / prefix).rglob("*.html"))
    for page in pages:
        text = visible_text(page)
        found = sorted(s for s in english if s in text)
        assert not found, f"{page.relative_to(site)}: {found}"
    return len(pages)


def test_init_writes_a_project_that_lints_and_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "terms"
    assert main(["init", str(target), "--locales", "en,de,fi"]) == 0
    for name in (
        "mkdocs.yml",
        "README.md",
        ".github/workflows/glossary.yml",
        ".pre-commit-config.yaml",
        "content/entry.schema.json",
        "content/concepts/term.yaml",
        "content/faq/faq-term-and-concept.yaml",
        "content/comparisons/term-vs-concept.yaml",
    ):
        assert (target / name).is_file(), name
    monkeypatch.chdir(target)
    capsys.readouterr()
    assert main(["lint", "--strict"]) == 0, capsys.readouterr().out
    assert main(["schema", "--check"]) == 0
    assert main(["build"]) == 0
    site = target / "site"
    assert (site / "de" / "terms" / "term" / "index.html").is_file() and (site / "fi" / "terms" / "concept" / "index.html").is_file()
    assert "Benennungen" in (site / "de" / "terms" / "term" / "index.html").read_text(encoding="utf-8")
    assert assert_no_english_ui(site, "de") > 5 and assert_no_english_ui(site, "fi") > 5


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["init", str(tmp_path), "--locales", "en"]) == 2
    assert "is not empty" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


@pytest.mark.parametrize(("locales", "words"), [("en,xx", "Babel has no locale data for 'xx'"), ("en,en", "already locale #1"), ("", "at least one")])
def test_init_refuses_bad_locales_and_writes_nothing(tmp_path: Path, locales: str, words: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "new"), "--locales", locales]) == 2
    assert words in capsys.readouterr().err
    assert not (tmp_path / "new").exists() and list(tmp_path.iterdir()) == []


def test_init_writes_todo_placeholders_never_english_into_a_language_without_example_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "p"), "--locales", "EN,ar,zh-hans", "--source-locale", "en"]) == 0
    assert "no text in ar, zh-Hans" in capsys.readouterr().out
    monkeypatch.chdir(tmp_path / "p")
    term = yaml.safe_load(Path("content/concepts/term.yaml").read_text(encoding="utf-8"))
    assert list(term["locales"]) == ["en", "ar", "zh-Hans"]  # tags as the configuration keeps them
    for code in ("ar", "zh-Hans"):
        block = term["locales"][code]
        assert block["terms"][0]["text"].startswith("TODO") and block["definition"].startswith("TODO")
    english = {"Word or group of words that names a general concept in a subject field.", "term", "How does a term differ from a concept?"}
    for path in Path("content").rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for code in ("ar", "zh-Hans"):
            assert not english & set(_strings(data["locales"][code])), path
    config = Path("mkdocs.yml").read_text(encoding="utf-8")
    assert "ar: Basic notions" not in config and "code: ar" in config
    # Lint passes but reports every placeholder; --strict (CI) fails until they are written, and status says so.
    assert main(["lint"]) == 0
    out = capsys.readouterr().out
    assert out.count("[placeholder-text]") == 20 and "locales.ar.definition" in out
    assert main(["lint", "--strict"]) == 1
    assert main(["status", "--min-coverage", "100"]) == 1


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def test_translate_edits_every_entry_init_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # init writes entries in the style the round-trip editor keeps, so translate can add a language and mark a review
    # without "cannot be edited without reformatting it".
    assert main(["init", str(tmp_path / "p"), "--locales", "en,sv,de"]) == 0
    monkeypatch.chdir(tmp_path / "p")
    config = Path("mkdocs.yml")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("    - code: de\n", "    - code: fr\n      prefix: fr/\n    - code: de\n", 1), encoding="utf-8")
    capsys.readouterr()
    for entry in ("term", "concept", "faq-term-and-concept", "term-vs-concept"):
        assert main(["translate", entry, "--locale", "fr"]) == 0, capsys.readouterr().err
    assert main(["translate", "term", "--locale", "sv", "--reviewed"]) == 0, capsys.readouterr().err
    assert main(["lint"]) == 0
    assert "fr:" in Path("content/concepts/term.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def anatomy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("anatomy") / "project"
    shutil.copytree(ANATOMY, project)
    return project


def test_a_glossary_of_another_field_lints_and_builds(anatomy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(anatomy)
    assert main(["lint", "--strict"]) == 0, capsys.readouterr().out
    assert main(["schema", "--check"]) == 0
    assert main(["build"]) == 0
    femur = (anatomy / "site" / "de" / "terms" / "femur" / "index.html").read_text(encoding="utf-8")
    assert "Teil von" in femur and "Knochen" in femur
    skeleton = (anatomy / "site" / "terms" / "skeleton" / "index.html").read_text(encoding="utf-8")
    assert "Has parts" in skeleton and "Body systems" in skeleton
    assert (anatomy / "site" / "categories" / "bone" / "index.html").is_file()
    assert assert_no_english_ui(anatomy / "site", "de") > 5


def test_a_glossary_of_another_field_exports(anatomy: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    monkeypatch.chdir(anatomy)
    capsysbinary.readouterr()
    assert main(["export", "--format", "tbx"]) == 0
    tbx = etree.fromstring(capsysbinary.readouterr().out)
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    refs = tbx.xpath("//t:conceptEntry[@id='femur']/t:ref", namespaces=ns)
    assert [(r.get("target"), r.text) for r in refs] == [("skeleton", "part_of")]
    assert tbx.xpath("//t:conceptEntry[@id='femur']/t:descrip[@type='subjectField']/text()", namespaces=ns) == ["Bones"]  # the category's label
    assert main(["export", "--format", "skos"]) == 0
    graph = {n["@id"].rstrip("/").rsplit("/", 1)[-1]: n for n in json.loads(capsysbinary.readouterr().out)["@graph"]}
    assert graph["femur"]["skos:broader"] == [{"@id": "http://127.0.0.1:8000/terms/skeleton/"}]
    assert {t["@id"] for t in graph["skeleton"]["skos:narrower"]} == {"http://127.0.0.1:8000/terms/femur/", "http://127.0.0.1:8000/terms/skull/"}
    assert main(["export", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsysbinary.readouterr().out.decode("utf-8-sig"))))
    assert {r["part_of"] for r in rows if r["concept_id"] == "femur"} == {"skeleton"}
    assert {r["category"] for r in rows} == {"bone", "organ", "system"}


def _workflow(tmp_path: Path) -> dict[str, Any]:
    target = tmp_path / "p"
    assert main(["init", str(target), "--locales", "en,sv"]) == 0
    return dict(yaml.load((target / ".github/workflows/glossary.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader))


def test_init_writes_a_workflow_that_pins_the_tool_checks_the_schema_and_deploys_to_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary_tool import __version__
    from glossary_tool.cli import build_parser

    workflow = _workflow(tmp_path / "a")
    steps = workflow["jobs"]["glossary"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    assert f'pip install "glossary-tool[check]=={__version__}"' in runs  # this checkout is installed from a folder: its version
    assert "glossary-tool schema --check" in runs and "glossary-tool build" in runs
    for command in runs:
        if command.startswith("glossary-tool "):
            build_parser().parse_args(shlex.split(command)[1:])
    (upload,) = [step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "glossary" and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"] for step in deploy["steps"]] == ["actions/deploy-pages@v4"]
    assert "github.event_name == 'push'" in deploy["if"] and upload["if"] == deploy["if"]

    # Installed from a repository or a release's wheel, the workflow installs that same commit or file.
    from importlib import metadata

    def installed_from(record: dict[str, Any]) -> None:
        class Dist:
            def read_text(self, name: str) -> str | None:
                return json.dumps(record) if name == "direct_url.json" else None

        monkeypatch.setattr(metadata, "distribution", lambda name: Dist())

    installed_from({"url": "https://example.org/glossary-tool.git", "vcs_info": {"vcs": "git", "commit_id": "ab" * 20, "requested_revision": "v1"}})
    runs = [step["run"] for step in _workflow(tmp_path / "b")["jobs"]["glossary"]["steps"] if "run" in step]
    assert f'pip install "glossary-tool[check] @ git+https://example.org/glossary-tool.git@{"ab" * 20}"' in runs
    wheel = "https://example.org/releases/v1/glossary_tool-1-py3-none-any.whl"
    installed_from({"url": wheel, "archive_info": {}})
    runs = [step["run"] for step in _workflow(tmp_path / "c")["jobs"]["glossary"]["steps"] if "run" in step]
    assert f'pip install "glossary-tool[check] @ {wheel}"' in runs


def test_init_says_where_the_site_is_published(tmp_path: Path) -> None:
    target = tmp_path / "p"
    assert main(["init", str(target), "--locales", "en"]) == 0
    assert "site_url" in (target / "mkdocs.yml").read_text(encoding="utf-8").split("site_name")[0]  # explained above it
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert "site_url" in readme and "GitHub Pages" in readme and "static host" in readme
