"""Two trust levels: an untrusted mkdocs.yml (a pull request's) is read by the allow-list, and refused with its position.

The attacks of the third hardening round that made code run or reached pages through mkdocs.yml: ``serve`` without the
build's check, ``INHERIT``, a theme ``custom_dir`` with Jinja, the ``material/projects`` and ``material/privacy``
plugins, script in option values, and ``!ENV``. Each is run through the installed command; each must exit 2 with
``mkdocs.yml:LINE:COL`` and the key, leave every file around the project as it was, and run nothing (the marker file
a hook, a tag or a template would write never appears).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from security_helpers import new_project

EXE = Path(sys.executable).with_name("glossary-tool")
SECRET = "glossary-test-secret-8d1e5b"


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() if p.is_file() else b"" for p in sorted(root.rglob("*")) if not p.is_symlink()}


@pytest.fixture
def world(tmp_path: Path) -> Path:
    """A project inside a 'work' folder, with a hook file, a module and a theme folder a hostile mkdocs.yml could name."""
    project = new_project(tmp_path / "work" / "project")
    marker = tmp_path / "work" / "PWNED"
    run = f"open({str(marker)!r}, 'w').close()\n"
    (project / "hooks").mkdir()
    (project / "hooks" / "evil.py").write_text(run, encoding="utf-8")
    (project / "overrides" / "partials").mkdir(parents=True)
    (project / "overrides" / "partials" / "footer.html").write_text(f"{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}", encoding="utf-8")
    (project / "nested").mkdir()
    (project / "nested" / "mkdocs.yml").write_text("site_name: n\nhooks: [../hooks/evil.py]\n", encoding="utf-8")
    (project / "locales" / "base.yml").write_text(f"extra:\n  x: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    return project


def _edit(project: Path, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in mkdocs.yml; the line where ``new`` starts."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text, old
    config.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _run(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), *args], cwd=project, capture_output=True, text=True, timeout=120, env={**os.environ, "SECRET": SECRET, **(env or {})})


SITE = "site_name: Outsourcing Glossary\n"
STRICT = "strict: true\n"
THEME = "  name: material\n"
SEARCH = "  - search\n"
EXTRA = 'extra:\n  generator: false  # the "Made with" footer line is English-only\n'
SV_NAME = "          site_name: Ordlista för outsourcing\n"
LICENSE = "      license: CC BY 4.0"

# name → (edit of the shipped mkdocs.yml, the line offset of the refused key or value within the new text, its column,
#         words the message must hold)
UNTRUSTED: dict[str, tuple[tuple[str, str], int, int, str]] = {
    "hooks": ((STRICT, STRICT + "hooks:\n  - hooks/evil.py\n"), 1, 1, "hooks: not allowed in an untrusted build: hooks run Python files"),
    "python tag": (
        (SITE, SITE + "extra_x: !!python/object/apply:os.system ['touch PWNED']\n"),
        1,
        10,
        "the YAML tag !!python/object/apply:os.system is not allowed in an untrusted build",
    ),
    "INHERIT": ((SITE, SITE + "INHERIT: locales/base.yml\n"), 1, 1, "INHERIT: not allowed in an untrusted build: it makes MkDocs read another file"),
    "custom_dir inside the project": (
        (THEME, THEME + "  custom_dir: overrides\n"),
        1,
        3,
        "theme.custom_dir: not allowed in an untrusted build: its templates run as Jinja without a sandbox",
    ),
    "material/projects": ((SEARCH, SEARCH + "  - material/projects\n"), 1, 5, "plugins[2]: 'material/projects' is not allowed in an untrusted build"),
    "material/privacy": (
        (SEARCH, SEARCH + "  - material/privacy\n"),
        1,
        5,
        "plugins[2]: 'material/privacy' is not allowed in an untrusted build: it downloads every external asset during the build",
    ),
    "another plugin": ((SEARCH, SEARCH + "  - tags:\n      enabled: true\n"), 1, 5, "plugins[2]: 'tags' is not allowed in an untrusted build"),
    "extra_javascript": ((SITE, SITE + "extra_javascript: [https://evil.example/x.js]\n"), 1, 1, "extra_javascript: not allowed in an untrusted build"),
    "extra_css": ((SITE, SITE + "extra_css: ['x.css\" onload=\"alert(1)']\n"), 1, 1, "extra_css: not allowed in an untrusted build"),
    "markup in site_name": ((SITE, "site_name: '<img src=x onerror=alert(1)>'\n"), 0, 12, "site_name: holds markup"),
    "character reference in site_name": ((SITE, "site_name: '&lt;img src=x onerror=alert(1)&gt;'\n"), 0, 12, "site_name: holds markup"),
    "markup in a locale's site_name": (
        (SV_NAME, "          site_name: <svg onload=alert(1)>\n"),
        0,
        22,
        "plugins[0].glossary.locales[1].site_name: holds markup",
    ),
    "favicon breaking out of its attribute": (
        (THEME, THEME + "  favicon: 'x\" onload=\"alert(1)'\n"),
        1,
        12,
        "theme.favicon: must be a relative path to an image",
    ),
    "consent": (
        (EXTRA, EXTRA + "  consent:\n    title: <script>alert(1)</script>\n"),
        2,
        3,
        "extra.consent: not allowed in an untrusted build: its texts are printed as HTML",
    ),
    "analytics": (
        (EXTRA, EXTRA + "  analytics: {provider: google, property: 'G-\"><script>alert(1)</script>'}\n"),
        2,
        3,
        "extra.analytics: not allowed in an untrusted build",
    ),
    "javascript: homepage": (
        (EXTRA, EXTRA + "  homepage: 'javascript:alert(1)'\n"),
        2,
        13,
        "extra.homepage: must be an http(s) URL, not 'javascript:alert(1)'",
    ),
    "!ENV in copyright": (
        (SITE, SITE + "copyright: !ENV SECRET\n"),
        1,
        12,
        "the YAML tag !ENV is not allowed in an untrusted build: !ENV puts a value of the build's environment",
    ),
    "!ENV in the glossary's licence": ((LICENSE, "      license: !ENV SECRET"), 0, 16, "the YAML tag !ENV is not allowed"),
    "a Markdown extension outside the list": (
        ("  - tables\n", "  - tables\n  - pymdownx.snippets:\n      auto_append: [/etc/passwd]\n"),
        1,
        5,
        "markdown_extensions[1]: 'pymdownx.snippets' is not allowed in an untrusted build",
    ),
    "an option of the wrong type": ((STRICT, "strict: 'yes'\n"), 0, 9, "strict: must be true or false, not 'yes'"),
    "a theme other than Material": (("  name: material\n", "  name: mkdocs\n"), 0, 9, "theme.name: must be one of `material`, not 'mkdocs'"),
    "an anchor and alias": ((EXTRA, "extra: &x\n  generator: false\nextra_y: *x\n"), 0, 8, "the YAML anchor 'x' is not allowed in an untrusted build"),
    "content.tooltips": (
        ("    - navigation.top\n", "    - content.tooltips\n"),
        0,
        7,
        "theme.features[1]: 'content.tooltips' is not allowed in an untrusted build: it turns title attributes",
    ),
}


@pytest.mark.parametrize("case", list(UNTRUSTED))
def test_an_untrusted_build_refuses_what_is_not_on_the_allow_list_with_its_position(case: str, world: Path) -> None:
    (old, new), offset, column, words = UNTRUSTED[case]
    line = _edit(world, old, new) + offset
    before = _tree(world.parent)
    proc = _run(world, "build", "--untrusted")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.startswith("glossary-tool: error: mkdocs.yml is refused for an untrusted build:\n"), proc.stderr
    assert f"mkdocs.yml:{line}:{column}: error: {words}" in proc.stderr and "[untrusted]" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr and SECRET not in proc.stderr
    assert _tree(world.parent) == before, "something changed"


@pytest.mark.parametrize("command", [["serve", "--dev-addr", "127.0.0.1:0"], ["lint"], ["status"], ["export", "--format", "csv"]])
@pytest.mark.parametrize("case", ["hooks", "python tag", "INHERIT", "!ENV in the glossary's licence"])
def test_serve_lint_and_the_other_commands_refuse_them_too(command: list[str], case: str, world: Path) -> None:
    (old, new), offset, column, words = UNTRUSTED[case]
    line = _edit(world, old, new) + offset
    before = _tree(world.parent)
    proc = _run(world, *command, "--untrusted")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"mkdocs.yml:{line}:{column}: error: {words}" in proc.stderr, proc.stderr
    assert SECRET not in proc.stdout + proc.stderr and _tree(world.parent) == before


def test_the_environment_asks_for_untrusted_runs_as_the_flag_does(world: Path) -> None:
    _edit(world, *UNTRUSTED["hooks"][0])
    proc = _run(world, "build", env={"GLOSSARY_TOOL_UNTRUSTED": "1"})
    assert proc.returncode == 2 and "hooks: not allowed in an untrusted build" in proc.stderr, proc.stderr


# ---- refused in every build, trusted ones too: nothing MkDocs parses constructs Python objects ----


def test_serve_checks_mkdocs_yml_as_build_does(world: Path) -> None:
    # Failure 1: serve loaded mkdocs.yml without the build's check, and a python tag ran.
    line = _edit(world, SITE, SITE + "extra_x: !!python/object/apply:os.system ['touch PWNED']\n") + 1
    before = _tree(world.parent)
    proc = _run(world, "serve", "--dev-addr", "127.0.0.1:0")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"mkdocs.yml:{line}:10: error: the tag !!python/object/apply makes MkDocs construct or call Python objects" in proc.stderr
    assert _tree(world.parent) == before and not (world.parent / "PWNED").exists() and not (world / "PWNED").exists()


def test_serve_checks_every_edit_of_mkdocs_yml_before_mkdocs_reads_it(world: Path) -> None:
    from glossary_tool.core.config import read_config, settings_from_raw
    from glossary_tool.core.problems import FatalError
    from glossary_tool.site import serve

    raw = read_config(world / "mkdocs.yml")
    project = serve.Project(raw, settings_from_raw(raw), world.parent / "out", untrusted=True)
    project.full()
    _edit(world, SITE, SITE + "hooks:\n  - hooks/evil.py\nextra_x: !!python/object/apply:os.system ['touch PWNED']\n")
    with pytest.raises(FatalError, match=r"mkdocs\.yml:4:1: error: hooks: not allowed in an untrusted build"):
        project.refresh(serve.snapshot(project.watched, [raw.path]))
    assert not (world.parent / "PWNED").exists() and not (world / "PWNED").exists()


def test_a_trusted_build_reads_every_inherited_file_with_a_safe_loader_first(world: Path) -> None:
    # Failure 2: INHERIT made MkDocs load locales/base.yml with PyYAML's unsafe loader, and its python tag ran.
    _edit(world, SITE, SITE + "INHERIT: locales/base.yml\n")
    before = _tree(world.parent)
    for command in (["build"], ["serve", "--dev-addr", "127.0.0.1:0"]):
        proc = _run(world, *command)
        assert proc.returncode == 2, proc.stdout + proc.stderr
        assert "locales/base.yml:2:6: error: the tag !!python/object/apply makes MkDocs construct or call Python objects" in proc.stderr
        assert _tree(world.parent) == before and not (world.parent / "PWNED").exists()


def test_an_inherit_target_that_is_a_fifo_blocks_no_build(world: Path) -> None:
    os.mkfifo(world / "locales" / "base.fifo")
    line = _edit(world, SITE, SITE + "INHERIT: locales/base.fifo\n") + 1
    untrusted = _run(world, "build", "--untrusted")  # refused before the file is opened
    assert untrusted.returncode == 2 and f"mkdocs.yml:{line}:1: error: INHERIT: not allowed" in untrusted.stderr, untrusted.stderr
    trusted = _run(world, "build")
    assert trusted.returncode == 2 and "locales/base.fifo: is not a regular file" in trusted.stderr, trusted.stderr


def test_a_trusted_build_reads_a_custom_theme_configuration_with_a_safe_loader_first(world: Path) -> None:
    _edit(world, THEME, THEME + "  custom_dir: overrides\n")
    (world / "overrides" / "partials" / "footer.html").unlink()
    (world / "overrides" / "mkdocs_theme.yml").write_text("x: !!python/object/apply:os.system ['touch PWNED']\n", encoding="utf-8")
    before = _tree(world.parent)
    proc = _run(world, "build")
    assert proc.returncode == 2 and "overrides/mkdocs_theme.yml:1:4: error: the tag !!python/object" in proc.stderr, proc.stderr
    assert _tree(world.parent) == before


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        ((EXTRA, EXTRA + "  homepage: 'javascript:alert(1)'\n"), "extra.homepage: a 'javascript:' link can run script"),
        ((SITE, SITE + "repo_url: ' JaVaScRiPt:alert(1)//x'\n"), "repo_url: a 'javascript:' link can run script"),
    ],
)
def test_a_trusted_build_refuses_links_that_run_script(edit: tuple[str, str], words: str, world: Path) -> None:
    _edit(world, *edit)
    proc = _run(world, "build")
    assert proc.returncode == 2 and words in proc.stderr and "[config]" in proc.stderr, proc.stderr


def test_every_untrusted_refusal_is_listed_at_once_and_sorted_by_line(world: Path) -> None:
    for case in ("hooks", "INHERIT", "consent", "material/privacy"):
        _edit(world, *UNTRUSTED[case][0])
    proc = _run(world, "build", "--untrusted")
    lines = [int(m) for m in re.findall(r"^mkdocs\.yml:(\d+):\d+: error:", proc.stderr, re.M)]
    assert len(lines) == 4 and lines == sorted(lines), proc.stderr


# ---- what an untrusted build gives MkDocs, and what reaches the site ----


def test_the_shipped_configuration_builds_untrusted_without_the_network_or_the_environment(tmp_path: Path) -> None:
    # Failures 8 and 15: no value of the environment reaches the site, and the build never opens a connection.
    project = new_project(tmp_path / "p")
    guard = tmp_path / "guard"
    guard.mkdir()
    log, loaded = tmp_path / "connections.log", tmp_path / "loaded.log"
    # Loaded by every Python process of the build (site imports sitecustomize): any connection is logged and refused.
    (guard / "sitecustomize.py").write_text(
        "import os, socket\n"
        f"open({str(loaded)!r}, 'a').write(str(os.getpid()) + '\\n')\n"
        "def _refuse(self, address, *a):\n"
        f"    open({str(log)!r}, 'a').write(repr(address) + '\\n')\n"
        "    raise OSError('no network in this test')\n"
        "socket.socket.connect = _refuse\n"
        "socket.socket.connect_ex = _refuse\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(guard), "SECRET": SECRET, "GITHUB_TOKEN": SECRET}
    proc = subprocess.run([str(EXE), "build", "--untrusted"], cwd=project, capture_output=True, text=True, timeout=600, env=env)
    assert proc.returncode == 0, proc.stderr
    assert len(loaded.read_text(encoding="utf-8").split()) >= 3  # the command and both locale builds were guarded
    assert not log.exists(), log.read_text(encoding="utf-8")
    leaked = [p for p in (project / "site").rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
    assert leaked == []
    assert (project / "site" / "sv" / "terms" / "kpo" / "index.html").is_file()


def test_values_that_reach_pages_are_escaped_in_a_trusted_build(tmp_path: Path) -> None:
    # Failure 6 in a trusted build (the maintainer's own markup): every value is text on the page.
    from glossary_tool.site.scan import scan_site

    project = new_project(tmp_path / "p")
    payload = "<img src=x onerror=alert(1)>"
    _edit(project, SITE, f"site_name: '{payload}'\ncopyright: '{payload}'\nsite_author: '\"><svg onload=alert(2)>'\n")
    _edit(project, "          site_name: Outsourcing Glossary\n", f"          site_name: '{payload}&lt;script&gt;'\n")
    _edit(project, THEME, THEME + "  favicon: 'x\" onload=\"alert(3)'\n")
    _edit(project, EXTRA, "extra_css: ['x.css\" onload=\"alert(4)']\n" + EXTRA + f"  consent: {{title: '{payload}', description: '{payload}'}}\n")
    _edit(project, SV_NAME, f"          site_name: '{payload}'\n")
    proc = _run(project, "build")
    assert proc.returncode == 0, proc.stderr
    assert scan_site(project / "site") == []
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "<title>&lt;img src=x onerror=alert(1)&gt;&amp;lt;script&amp;gt;</title>" in home
    assert '<div class="md-copyright__highlight">&lt;img src=x onerror=alert(1)&gt;</div>' in home
    assert 'href="x&quot; onload=&quot;alert(3)"' in home
    assert "<title>&lt;img src=x onerror=alert(1)&gt;</title>" in (project / "site" / "sv" / "index.html").read_text(encoding="utf-8")


def test_the_allow_list_accepts_the_shipped_configuration_and_those_init_writes(tmp_path: Path) -> None:
    from glossary_tool.authoring.init import _files
    from glossary_tool.core.config import read_config
    from glossary_tool.core.trust import untrusted_problems

    assert untrusted_problems(read_config(ROOT / "mkdocs.yml")) == []
    for locales in (["en", "sv"], ["ar", "zh-Hant-TW"]):
        path = tmp_path / "-".join(locales) / "mkdocs.yml"
        path.parent.mkdir()
        path.write_text(_files(locales, locales[0])["mkdocs.yml"], encoding="utf-8")
        assert untrusted_problems(read_config(path)) == []


# ---- UI catalogs are text ----


def test_catalog_strings_are_text_on_every_page_and_markup_in_them_stops_the_build(tmp_path: Path) -> None:
    # Failure 7: the project's UI catalog was rendered as HTML, and 42 Swedish strings ran script.
    from babel.messages.pofile import read_po, write_po

    from glossary_tool.site.render.i18n import PACKAGE_CATALOGS
    from glossary_tool.site.scan import scan_site

    project = new_project(tmp_path / "p")
    with (PACKAGE_CATALOGS / "sv" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh, locale="sv")
    payload = "<img src=x onerror=alert(1)>"
    for message in catalog:
        if message.id:
            plural = isinstance(message.string, (list, tuple))
            forms = tuple(message.string) if isinstance(message.string, (list, tuple)) else (message.string or "",)
            marked = tuple(payload + form for form in forms)
            message.string = marked if plural else marked[0]
    catalog["%(num)d concept"].string = ("%(count)d begrepp", "%(count)d begrepp")  # a placeholder the English lacks
    path = project / "locales" / "sv" / "LC_MESSAGES" / "messages.po"
    with path.open("wb") as fh:
        write_po(fh, catalog)
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("msgstr") and payload in text)
    proc = _run(project, "build")
    assert proc.returncode == 1 and f"locales/sv/LC_MESSAGES/messages.po:{line}:" in proc.stderr and "[catalog-markup]" in proc.stderr, proc.stderr
    assert "[catalog-placeholder]" in proc.stderr and not (project / "site").exists()
    # With both rules off the site builds: every string shows as text, and the broken one gives way to the package's.
    _edit(project, "      rules:\n", "      rules:\n        catalog-markup: off\n        catalog-placeholder: off\n")
    proc = _run(project, "build")
    assert proc.returncode == 0, proc.stderr
    assert scan_site(project / "site") == []
    page = (project / "site" / "sv" / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img src=x" not in page
    assert re.search(r"<p>[0-9]+ begrepp ·", page) and "%(count)d" not in page


def test_an_untrusted_build_scans_its_pages_and_keeps_the_old_site_when_the_scan_finds_something(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary_tool.core.problems import BuildFailed
    from glossary_tool.site import scan
    from glossary_tool.site.build import build_project

    project = new_project(tmp_path / "p")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("old site", encoding="utf-8")
    (project / "site" / ".glossary-tool-site").write_text("", encoding="utf-8")
    scanned: list[Path] = []

    def finds_one(site: Path) -> list[scan.Finding]:
        assert (site / "terms").is_dir() and (site / "sv" / "terms").is_dir()  # the whole new site, both locales
        scanned.append(site)
        return [scan.Finding("index.html", 3, "script", "inline script: 'alert(1)'")]

    monkeypatch.setattr(scan, "scan_site", finds_one)
    with pytest.raises(BuildFailed, match=r"(?s)not put in place: its pages hold live script.*index.html:3: script: inline script"):
        build_project(project / "mkdocs.yml", untrusted=True)
    assert len(scanned) == 1 and scanned[0] != project / "site"  # the new pages, before they replace the old ones
    assert sorted(p.name for p in (project / "site").iterdir()) == [".glossary-tool-site", "index.html"]
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "old site"  # still in place
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []  # no staging folder left


def test_security_md_quotes_the_declared_allow_list() -> None:
    from conftest import UPDATE_GOLDEN

    from glossary_tool.core.trust.allow_list import allow_list_table

    path = ROOT / "SECURITY.md"
    text = path.read_text(encoding="utf-8")
    start, end = "<!-- allow-list: generated from glossary_tool/core/trust/allow_list.py -->\n", "<!-- end of allow-list -->"
    before, _, rest = text.partition(start)
    quoted, _, after = rest.partition(end)
    assert before and after, "SECURITY.md lost the allow-list's markers"
    if UPDATE_GOLDEN:
        path.write_text(before + start + allow_list_table() + end + after, encoding="utf-8")
    else:
        assert quoted == allow_list_table(), "SECURITY.md's allow-list differs from trust.allow_list.ALLOW_LIST; rerun with UPDATE_GOLDEN=1"
    for key in ("hooks", "INHERIT", "extra_javascript", "extra_css", "theme.custom_dir", "plugins[material/privacy]", "plugins[material/projects]"):
        assert f"| `{key}` | refused: " in quoted, key
