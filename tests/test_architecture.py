"""The layout keeps its promises: no import cycles, an events-only plugin, no mutable globals, one read of mkdocs.yml."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "glossary_tool"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def imports_of(path: Path, modules: set[str], me: str | None = None) -> set[str]:
    """Package modules ``path`` imports at run time (anywhere in the file, but not under ``if TYPE_CHECKING``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and _is_type_checking(node) for n in ast.walk(node)}
    me = me or module_name(path)
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:
                base = ".".join([*me.split(".")[:-node.level], node.module])
            names = [base] + [f"{base}.{a.name}" for a in node.names]
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != me:
                found.add(name)
    return found


def import_graph() -> dict[str, set[str]]:
    files = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(f) for f in files}
    return {module_name(f): imports_of(f, modules) for f in files}


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle (depth first). A package's __init__ importing its own submodules (a registry's load_all)
    is how it registers them, not a cycle."""
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for t in sorted(t for t in graph.get(m, set()) if not t.startswith(m + ".")):
            if state.get(t) == 1:
                cycles.append([*path[path.index(t):], t])
            elif not state.get(t):
                visit(t, [*path, t])
        state[m] = 2

    for m in sorted(graph):
        if not state.get(m):
            visit(m, [m])
    return cycles


def test_no_module_imports_one_that_imports_it_back() -> None:
    assert find_cycles(import_graph()) == []


def test_the_import_cycle_check_finds_a_cycle(tmp_path: Path) -> None:
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("def f():\n    from glossary_tool import b\n", encoding="utf-8")
    b.write_text("if TYPE_CHECKING:\n    from glossary_tool import c\nfrom glossary_tool.a import f\n", encoding="utf-8")
    modules = {"glossary_tool.a", "glossary_tool.b", "glossary_tool.c"}
    graph = {"glossary_tool.a": imports_of(a, modules, "glossary_tool.a"), "glossary_tool.b": imports_of(b, modules, "glossary_tool.b")}
    assert graph == {"glossary_tool.a": {"glossary_tool.b"}, "glossary_tool.b": {"glossary_tool.a"}}
    assert find_cycles(graph) == [["glossary_tool.a", "glossary_tool.b", "glossary_tool.a"]]


def test_the_plugin_module_holds_only_events() -> None:
    tree = ast.parse((PACKAGE / "site" / "plugin.py").read_text(encoding="utf-8"))
    top = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign))]
    assert [type(n).__name__ for n in top] == ["ClassDef"]
    (plugin,) = top
    assert isinstance(plugin, ast.ClassDef)
    methods = [n.name for n in plugin.body if isinstance(n, ast.FunctionDef)]
    assert methods[0] == "__init__" and all(m.startswith("on_") for m in methods[1:]), methods


@pytest.mark.parametrize("module", ["site/plugin", "site/locale_builds", "site/build", "site/theme", "site/search_index", "core/config", "core/loading", "lint/__init__", "core/trust", "core/catalogs"])
def test_no_module_level_mutable_state(module: str) -> None:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    mutable = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)
    bad = [ast.unparse(n) for n in tree.body if isinstance(n, (ast.Assign, ast.AnnAssign)) and isinstance(n.value, mutable)]
    bad += [", ".join(n.names) for n in ast.walk(tree) if isinstance(n, ast.Global)]
    assert bad == []


def test_nothing_outside_sets_the_plugins_attributes() -> None:
    for path in PACKAGE.rglob("*.py"):
        if path == PACKAGE / "site" / "plugin.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert 'plugins["glossary"]' not in text and "plugins['glossary']" not in text and ".plugin." not in text, path


def _opens_of_mkdocs_yml(args: list[str], env: dict[str, str] | None = None) -> int:
    script = (
        "import os, sys\n"
        "opens = []\n"
        "sys.addaudithook(lambda e, a: opens.append(a[0]) if e == 'open' and isinstance(a[0], (str, os.PathLike)) and str(a[0]).endswith('mkdocs.yml') else None)\n"
        f"from glossary_tool.{args[0]} import main\n"
        f"main({args[1:]!r})\n"
        "print(len(opens), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=300)
    return int(done.stderr.strip().splitlines()[-1])


def test_mkdocs_yml_is_read_once_per_process(tmp_path: Path) -> None:
    assert _opens_of_mkdocs_yml(["cli", "lint"]) == 1
    # one locale's build process: MkDocs reads the file; the plugin takes its options from MkDocs
    locale_build = ["site.locale_builds", "--config", "mkdocs.yml", "--site-dir", str(tmp_path / "sv"), "--site-url", "http://h/sv/"]
    assert _opens_of_mkdocs_yml(locale_build, {"GLOSSARY_TOOL_LOCALE": "sv"}) == 1
    assert (tmp_path / "sv" / "index.html").is_file()


def test_rules_piped_into_head_ends_quietly() -> None:
    done = subprocess.run(f"{Path(sys.executable).parent / 'glossary-tool'} rules | head -1", shell=True, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.count("\n") == 1 and "(" in done.stdout
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
