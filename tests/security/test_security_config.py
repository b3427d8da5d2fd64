"""A hostile mkdocs.yml: every case ends in a clear error naming the key (exit 2), and nothing is deleted or run.

The attacks of the second hardening round: locale prefixes that lead out of the site, duplicate or unknown locales,
a hundred locales, malformed option values, non-UTF-8 bytes, and what every build refuses of what MkDocs itself
would run or read (``!!python/…`` tags, docs_dir, custom_dir, content_dir). What only an untrusted build refuses
(hooks among them) is in test_security_trust.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from conftest import ROOT
from security_helpers import new_project

EXE = Path(sys.executable).with_name("glossary-tool")
MKDOCS = Path(sys.executable).with_name("mkdocs")
QUIET = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() if p.is_file() else b"" for p in sorted(root.rglob("*")) if not p.is_symlink()}


@pytest.fixture
def world(tmp_path: Path) -> Path:
    """A project with an earlier site, beside a sibling folder and an 'other' folder a prefix could aim at."""
    project = new_project(tmp_path / "work" / "project")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("old site", encoding="utf-8")
    (project / "site" / ".glossary-tool-site").write_text("", encoding="utf-8")
    for name in ("sibling", "other"):
        (tmp_path / "work" / name).mkdir(parents=True)
        (tmp_path / "work" / name / "keep.txt").write_text(name, encoding="utf-8")
    return project


def _edit(project: Path, old: str, new: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text, old
    config.write_text(text.replace(old, new, 1), encoding="utf-8")


SV = "        - code: sv\n          name: Svenska\n          prefix: sv/\n"
CATEGORIES = "      categories:\n"  # the locales list ends just before


def more(items: str) -> tuple[str, str]:
    """An edit that adds locales after the shipped two."""
    return CATEGORIES, items + CATEGORIES


GLOSSARY_BLOCK = "  - glossary:\n      content_dir: content\n"

# name → (edit of the shipped mkdocs.yml, words the error must contain)
CASES: dict[str, tuple[tuple[str, str], str]] = {
    "absolute prefix": ((SV, SV.replace("sv/", "/srv/other/")), "glossary option locales[1].prefix: '/srv/other/' must be a relative path"),
    "prefix up two levels": ((SV, SV.replace("sv/", "../../")), "glossary option locales[1].prefix: '../../' must be a relative path"),
    "prefix with a dot segment": ((SV, SV.replace("sv/", "sv/../")), "glossary option locales[1].prefix: 'sv/../' must be a relative path"),
    "duplicate prefix": (more("        - {code: fi, prefix: sv/}\n"), "glossary option locales[2].prefix: 'sv/' is already the prefix of locale #2"),
    "duplicate code": (more("        - {code: sv, prefix: sv2/}\n"), "glossary option locales[2].code: 'sv' is already locale #2"),
    "unknown code": (more("        - {code: xx, prefix: xx/}\n"), "glossary option locales[2].code: Babel has no locale data for 'xx'"),
    "not a language tag": (more("        - {code: 'en_US', prefix: us/}\n"), "glossary option locales[2].code: 'en_US' is not a BCP 47 language tag"),
    "a hundred locales": (more("".join(f"        - {{code: sv, prefix: p{i}/}}\n" for i in range(98))), "glossary option locales: has 100 items; at most 50"),
    "plugins is a number": (("plugins:\n  - glossary:", "plugins: 5\nx:\n  - glossary:"), "'plugins' must be a list"),
    "glossary block is a number": (
        (GLOSSARY_BLOCK, "  - glossary: 5\n  - x:\n      content_dir: content\n"),
        "the glossary plugin's options must be a mapping",
    ),
    "rules is a list": (
        ("      rules:\n        missing-locale: warning\n", "      rules: [a]\n      x:\n        missing-locale: warning\n"),
        "glossary option rules: must be a mapping",
    ),
    "max_depth is a list": (("      max_depth: 12\n", "      max_depth: [1]\n"), "glossary option max_depth: must be a whole number"),
    "max_file_bytes is text": (("      max_file_bytes: 262144\n", "      max_file_bytes: abc\n"), "glossary option max_file_bytes: must be a whole number"),
    "max_file_bytes is 1e14": (
        ("      max_file_bytes: 262144\n", "      max_file_bytes: 100000000000000\n"),
        "glossary option max_file_bytes: must be from 1024",
    ),
    "max_file_bytes is a float": (("      max_file_bytes: 262144\n", "      max_file_bytes: 1e14\n"), "glossary option max_file_bytes: must be a whole number"),
    "content_dir absolute": (
        (GLOSSARY_BLOCK, "  - glossary:\n      content_dir: /etc\n"),
        "glossary option content_dir: '/etc' must be a folder inside the project",
    ),
    "content_dir up": (
        (GLOSSARY_BLOCK, "  - glossary:\n      content_dir: ../sibling\n"),
        "glossary option content_dir: '../sibling' must be a folder inside the project",
    ),
    "content_dir is the project": ((GLOSSARY_BLOCK, "  - glossary:\n      content_dir: .\n"), "which is not a folder inside the project"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_configuration_is_refused_by_lint_and_build_and_deletes_nothing(case: str, world: Path) -> None:
    (old, new), words = CASES[case]
    _edit(world, old, new)
    work = world.parent
    before = _tree(work)
    for command in (["lint"], ["build"], ["status"], ["export", "--format", "csv"]):
        proc = subprocess.run([str(EXE), *command], cwd=world, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 2, (command, proc.stdout, proc.stderr)
        assert words in proc.stderr, (command, proc.stderr)
        assert "Traceback" not in proc.stderr and proc.stderr.startswith("glossary-tool: error: ")
        assert _tree(work) == before, command


@pytest.mark.parametrize("case", ["absolute prefix", "prefix up two levels", "duplicate prefix", "a hundred locales", "content_dir up"])
def test_mkdocs_build_refuses_them_too_and_deletes_nothing(case: str, world: Path) -> None:
    (old, new), _ = CASES[case]
    _edit(world, old, new)
    before = _tree(world.parent)
    proc = subprocess.run([str(MKDOCS), "build", "-q"], cwd=world, capture_output=True, text=True, timeout=120, env=QUIET)
    assert proc.returncode == 1, proc.stdout + proc.stderr  # MkDocs' own status for any aborted build
    assert "Traceback" not in proc.stderr
    assert _tree(world.parent) == before


def test_the_position_of_a_bad_value_is_reported(world: Path) -> None:
    _edit(world, SV, SV.replace("sv/", "../../"))
    proc = subprocess.run([str(EXE), "lint"], cwd=world, capture_output=True, text=True, timeout=60)
    line = next(n for n, text in enumerate((world / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), 1) if "prefix: ../../" in text)
    assert f"mkdocs.yml:{line}:19: error: glossary option locales[1].prefix:" in proc.stderr


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"site_name: x\n\xff\xfe\n", "mkdocs.yml:2: byte 0xff is not valid UTF-8"),
        (b"site_name: [\n", "not valid YAML"),
        (b"- a\n- b\n", "the top level must be a mapping"),
    ],
)
def test_unreadable_mkdocs_yml_is_one_clear_line(raw: bytes, words: str, world: Path) -> None:
    (world / "mkdocs.yml").write_bytes(raw)
    before = _tree(world.parent)
    for command in (["lint"], ["build"]):
        proc = subprocess.run([str(EXE), *command], cwd=world, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 2 and words in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert _tree(world.parent) == before


def test_config_naming_a_folder_is_one_clear_line(world: Path) -> None:
    proc = subprocess.run([str(EXE), "--config", "content", "lint"], cwd=world, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stderr == "glossary-tool: error: content: is a folder; pass the mkdocs.yml file with --config\n"


def test_config_values_with_control_characters_are_escaped(world: Path) -> None:
    _edit(world, SV, SV.replace("prefix: sv/", 'prefix: "sv\\n::error file=x::pwned\\e[2J"'))
    proc = subprocess.run([str(EXE), "lint"], cwd=world, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "\x1b" not in proc.stderr and not [line for line in proc.stderr.splitlines() if line.startswith("::")]
    assert "'sv\\n::error file=x::pwned\\u001b[2J' must be a relative path" in proc.stderr


# ---- what MkDocs itself would run or read: refused by every `glossary-tool build`, trusted or not, before any MkDocs
# process starts (what only an untrusted build refuses is in test_security_trust.py) ----

BUILD_CASES: dict[str, tuple[tuple[str, str], str]] = {
    "python object tag": (
        ("site_name: Outsourcing Glossary\n", "site_name: Outsourcing Glossary\nextra_x: !!python/object/apply:os.system ['touch PWNED']\n"),
        "the tag !!python/object/apply makes MkDocs construct or call Python objects",
    ),
    "python name of a repository module": (
        ("site_name: Outsourcing Glossary\n", "site_name: Outsourcing Glossary\nextra_x: !!python/name:evil_module.run\n"),
        "!!python/name:evil_module.run does not name an installed module",
    ),
    "docs_dir elsewhere": (("docs_dir: content\n", "docs_dir: /etc\n"), "docs_dir must be the glossary's content_dir (content)"),
    "custom_dir outside": (("  name: material\n", "  name: material\n  custom_dir: /etc\n"), "theme custom_dir must be a folder inside the project"),
}


@pytest.mark.parametrize("case", list(BUILD_CASES))
def test_build_refuses_what_would_run_code_or_read_outside_the_project(case: str, world: Path) -> None:
    (old, new), words = BUILD_CASES[case]
    _edit(world, old, new)
    (world / "content" / "evil.py").write_text("open('PWNED', 'w').close()\n", encoding="utf-8")
    (world / "evil_module.py").write_text("open('PWNED', 'w').close()\nrun = None\n", encoding="utf-8")
    before = _tree(world.parent)
    proc = subprocess.run([str(EXE), "build"], cwd=world, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "mkdocs.yml is not safe to build:" in proc.stderr and words in proc.stderr and "[config]" in proc.stderr
    assert _tree(world.parent) == before and not (world / "PWNED").exists()


def test_an_installed_module_named_by_a_python_tag_is_accepted(world: Path) -> None:
    # The form Material documents for its emoji extension.
    _edit(world, "markdown_extensions:\n", "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
    proc = subprocess.run([str(EXE), "build"], cwd=world, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr


def test_locale_builds_never_import_modules_from_the_working_folder(world: Path) -> None:
    # `python -m` puts the working folder first on the module path; a repository's yaml.py would replace PyYAML.
    (world / "yaml.py").write_text("open('PWNED', 'w').close()\nraise SystemExit(7)\n", encoding="utf-8")
    proc = subprocess.run(
        [str(EXE), "build"], cwd=world, capture_output=True, text=True, timeout=300, env={k: v for k, v in os.environ.items() if k != "PYTHONSAFEPATH"}
    )
    assert proc.returncode == 0, proc.stderr
    assert not (world / "PWNED").exists()


# ---- locales beyond two letters ----


def _catalog(project: Path, code: str) -> None:
    from babel.messages.pofile import read_po, write_po

    assert subprocess.run([str(EXE), "catalog", code], cwd=project, capture_output=True, timeout=60).returncode == 0
    path = next((project / "locales").glob(f"{code.replace('-', '_')}/LC_MESSAGES/messages.po"))
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=code.replace("-", "_"))
    for message in catalog:  # a stand-in translation of every string, so that strict mode has nothing to warn about
        if message.id:
            message.string = message.id if isinstance(message.id, str) else (message.id[0], *[message.id[1]] * (catalog.num_plurals - 1))
    with path.open("wb") as fh:
        write_po(fh, catalog)


def test_pt_br_and_zh_hant_tw_work_end_to_end(tmp_path: Path) -> None:
    import json

    from lxml import html as lxml_html

    project = new_project(tmp_path / "p")
    _edit(project, *more("        - {code: pt-BR, name: Português}\n        - {code: zh-Hant-TW, name: 中文}\n"))
    kpo = project / "content" / "kpo.yaml"
    text = kpo.read_text(encoding="utf-8")
    blocks = (
        "  pt-BR:\n    terms:\n      - text: terceirização de processos de conhecimento\n        type: fullForm\n        status: preferred\n"
        "    definition: Uma definição em português.\n"
        "  zh-Hant-TW:\n    terms:\n      - text: 知識流程外包\n        type: fullForm\n        status: preferred\n"
        "    definition: 一個中文定義。\n"
    )
    kpo.write_text(text.rstrip("\n") + "\n" + blocks, encoding="utf-8")
    for code in ("pt-BR", "zh-Hant-TW"):
        _catalog(project, code)
    lint = subprocess.run([str(EXE), "lint"], cwd=project, capture_output=True, text=True, timeout=60)
    assert lint.returncode == 0 and "content/kpo.yaml" not in lint.stdout, lint.stdout  # the other entries lack the two: warnings
    build = subprocess.run([str(EXE), "build"], cwd=project, capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr
    for prefix, lang, term, date in (
        ("pt-br/", "pt-BR", "terceirização de processos de conhecimento", "de outubro de"),
        ("zh-hant-tw/", "zh-Hant-TW", "知識流程外包", "年10月"),
    ):
        page = (project / "site" / prefix / "terms/kpo/index.html").read_text(encoding="utf-8")
        tree = lxml_html.fromstring(page)
        assert tree.get("lang") == lang  # the configured tag, though Material's strings come from its pt-BR and zh-TW partials
        assert term in tree.text_content() and date in tree.text_content()  # dates formatted by Babel for the locale
        manifest = json.loads((project / "site" / prefix / "search/manifest.json").read_text(encoding="utf-8"))
        assert manifest["docs"] > 0  # each locale has its own search index
    status = subprocess.run([str(EXE), "status"], cwd=project, capture_output=True, text=True, timeout=60)
    assert status.returncode == 0 and "pt-BR (Português)" in status.stdout and "zh-Hant-TW (中文)" in status.stdout


def test_material_language_of_regional_and_script_tags() -> None:
    from glossary_tool.site.theme import material_language

    assert [material_language(c) for c in ("pt-BR", "zh-Hant-TW", "zh-TW", "sv", "de-AT")] == ["pt-BR", "zh-TW", "zh-TW", "sv", "de"]


# ---- at most one locale build per core ----


def test_at_most_one_locale_build_runs_per_core(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from glossary_tool.core.config import settings_from_options
    from glossary_tool.site import build, locale_builds

    running: list[subprocess.Popen[bytes]] = []
    peak = [0]

    def fake_start(
        config_file: Path,
        locale: str,
        staging: Path,
        site_url: str,
        final: Path,
        *,
        untrusted: bool = False,
        progress_fd: int | None = None,
        handed: Mapping[str, str] | None = None,
    ) -> locale_builds.LocaleBuild:
        alive = [p for p in running if p.poll() is None]
        peak[0] = max(peak[0], len(alive) + 1)
        staging.mkdir(parents=True)
        proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0.3)"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        running.append(proc)
        return locale_builds.LocaleBuild(locale, proc, staging, final)

    monkeypatch.setattr(locale_builds, "start", fake_start)
    monkeypatch.setattr(locale_builds, "max_parallel_builds", lambda: 2)
    monkeypatch.setattr(build, "max_parallel_builds", lambda: 2)  # build.py asks for the number, the scheduler runs them
    codes = ["en", "sv", "fi", "da", "de", "fr"]
    settings = settings_from_options(tmp_path, {"locales": [{"code": c} for c in codes]})
    # `mkdocs build`: this process builds the first locale, so one other at a time while it does, two once it is done.
    others = locale_builds.start_others(tmp_path / "mkdocs.yml", tmp_path / "site", "/", settings.locales[1:])
    assert len(others) == 1 and peak[0] == 1
    assert locale_builds.finish(others) == [] and len(others) == 5 and peak[0] == 2
    assert all((tmp_path / "site" / loc.prefix).is_dir() for loc in settings.locales[1:])
    # `glossary-tool build`: every locale is a process; never more than two at once.
    peak[0] = 0
    running.clear()
    project = new_project(tmp_path / "p")
    raw_text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(raw_text.replace(CATEGORIES, "".join(f"        - {{code: {c}}}\n" for c in codes[2:]) + CATEGORIES), encoding="utf-8")
    from glossary_tool.core.config import read_config, settings_from_raw

    raw = read_config(project / "mkdocs.yml")
    monkeypatch.setattr(build, "_swap_in", lambda new, final: None)
    build.build_site(raw, settings_from_raw(raw))
    assert peak[0] == 2 and len(running) == 6


def test_the_shipped_configuration_builds_clean() -> None:
    from glossary_tool.core.config import load_settings, read_config
    from glossary_tool.core.trust import build_problems, untrusted_problems

    raw = read_config(ROOT / "mkdocs.yml")
    assert build_problems(raw, load_settings(ROOT / "mkdocs.yml")) == [] and untrusted_problems(raw) == []
