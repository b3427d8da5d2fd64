"""The layout keeps its promises: groups depend downwards only, no import cycle (imports inside functions included),
rules only check, an events-only plugin, MkDocs' internals in one module, no mutable globals, one read of mkdocs.yml."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "glossary_tool"

# The groups, from the bottom up; a group imports only from the groups it lists (the command line may import all).
# README's data flow: core (config → loading → model) → lint (rules → problems → reporters); core → site (render → pages)
# and exchange; check reads other documents against the glossary's terms; authoring writes entries and the project's
# catalogs.
LAYERS: dict[str, frozenset[str]] = {
    "core": frozenset({"core"}),
    "lint": frozenset({"core", "lint"}),
    "check": frozenset({"core", "check"}),
    "exchange": frozenset({"core", "lint", "exchange"}),
    "site": frozenset({"core", "lint", "exchange", "site"}),
    "authoring": frozenset({"core", "lint", "site", "authoring"}),
}
# Finer rules inside the groups: a module (or every module under a prefix ending in ".") never imports these.
NEVER: dict[str, tuple[str, ...]] = {
    # Configuration knows no rule, no entry and no page: the rule ids are checked by lint, against its registry.
    "glossary_tool.core.config": (
        "glossary_tool.core.loading",
        "glossary_tool.core.loader",
        "glossary_tool.core.model",
        "glossary_tool.lint",
        "glossary_tool.site",
    ),
    # Rules only check: they import the core and the registry, never the runner, the reporters or one another.
    "glossary_tool.lint.rules.": ("glossary_tool.lint.reporters", "glossary_tool.lint.rules.", "glossary_tool.lint"),
}
# What a rule module may import from the rules package: the registry, and nothing else.
RULES_REGISTRY = "glossary_tool.lint.rules.registry"
# Imports inside functions (kept out of start-up, or loaded only by the command that needs them) are edges like any other;
# each new one is a decision: does it keep a command fast, and does it hide a dependency? This is how many there are.
LAZY_IMPORTS = 85


@dataclass(frozen=True, slots=True)
class Edge:
    """One import of a package module by another: where it stands (``top``, ``lazy`` inside a function, ``typing``
    under ``if TYPE_CHECKING``)."""

    source: str
    target: str
    where: str
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _nodes_under(blocks: list[list[ast.stmt]]) -> set[int]:
    return {id(n) for block in blocks for stmt in block for n in ast.walk(stmt)}


def edges_of(path: Path, modules: set[str], me: str | None = None) -> list[Edge]:
    """Every import of a package module in ``path``. ``from pkg import sub`` is an edge to the submodule only, as it
    is to a name of the package's own ``__init__`` otherwise."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing = _nodes_under([n.body for n in ast.walk(tree) if isinstance(n, ast.If) and isinstance(n.test, ast.Name) and n.test.id == "TYPE_CHECKING"])
    lazy = _nodes_under([n.body for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))])
    me = me or module_name(path)
    found: list[Edge] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = ".".join([*me.split(".")[: -node.level], node.module]) if node.level else node.module
            subs = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in modules]
            names = subs + ([base] if len(subs) < len(node.names) else [])
        else:
            continue
        where = "typing" if id(node) in typing else "lazy" if id(node) in lazy else "top"
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != me:
                found.append(Edge(me, name, where, node.lineno))
    return sorted(found, key=lambda e: (e.line, e.target))


def all_edges() -> list[Edge]:
    files = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(f) for f in files}
    return [edge for f in files for edge in edges_of(f, modules)]


def import_graph(kinds: tuple[str, ...] = ("top", "lazy")) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {module_name(f): set() for f in PACKAGE.rglob("*.py")}
    for edge in all_edges():
        if edge.where in kinds:
            graph[edge.source].add(edge.target)
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle (depth first), without exceptions: a registry's package imports its modules, and they import
    the registry from a module of its own, never from the package."""
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for t in sorted(graph.get(m, set())):
            if state.get(t) == 1:
                cycles.append([*path[path.index(t) :], t])
            elif not state.get(t):
                visit(t, [*path, t])
        state[m] = 2

    for m in sorted(graph):
        if not state.get(m):
            visit(m, [m])
    return cycles


def group_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else "top"


def _under(module: str, pattern: str) -> bool:
    """Whether ``module`` is ``pattern`` or inside it; a pattern ending in "." names only what is inside."""
    return module.startswith(pattern) if pattern.endswith(".") else module == pattern or module.startswith(pattern + ".")


def layering_breaches(edges: list[Edge]) -> list[str]:
    """Each import that goes against ``LAYERS`` or ``NEVER``, as ``source:line -> target``."""
    out = []
    for e in edges:
        source, target = group_of(e.source), group_of(e.target)
        # The package's own __init__ holds only its version, which any module may read.
        bad = source != "top" and e.target != "glossary_tool" and (target == "top" or target not in LAYERS[source])
        never = [n for scope, names in NEVER.items() if _under(e.source, scope) for n in names]
        if bad or (e.target != RULES_REGISTRY and any(_under(e.target, n) for n in never)):
            out.append(f"{e.source}:{e.line} -> {e.target}")
    return out


def test_no_module_imports_one_that_imports_it_back() -> None:
    assert find_cycles(import_graph()) == []


def test_each_group_imports_only_the_groups_below_it() -> None:
    assert layering_breaches(all_edges()) == []


def test_nothing_outside_the_rules_imports_a_rule_module() -> None:
    outside = [
        f"{e.source}:{e.line} -> {e.target}"
        for e in all_edges()
        if e.target.startswith("glossary_tool.lint.rules.") and e.target != RULES_REGISTRY and not e.source.startswith("glossary_tool.lint.rules")
    ]
    assert outside == []


def test_imports_inside_functions_are_counted() -> None:
    lazy = [e for e in all_edges() if e.where == "lazy"]
    assert len(lazy) <= LAZY_IMPORTS, "\n".join(f"{e.source}:{e.line} -> {e.target}" for e in lazy)


def test_the_checks_find_what_they_look_for(tmp_path: Path) -> None:
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("def f():\n    from glossary_tool import b\n", encoding="utf-8")
    b.write_text("if TYPE_CHECKING:\n    from glossary_tool import c\nfrom glossary_tool.a import f\n", encoding="utf-8")
    modules = {"glossary_tool.a", "glossary_tool.b", "glossary_tool.c"}
    edges = edges_of(a, modules, "glossary_tool.a") + edges_of(b, modules, "glossary_tool.b")
    assert [(e.source, e.target, e.where, e.line) for e in edges] == [
        ("glossary_tool.a", "glossary_tool.b", "lazy", 2),
        ("glossary_tool.b", "glossary_tool.c", "typing", 2),
        ("glossary_tool.b", "glossary_tool.a", "top", 3),
    ]
    graph: dict[str, set[str]] = {}
    for e in edges:
        if e.where != "typing":
            graph.setdefault(e.source, set()).add(e.target)
    assert find_cycles(graph) == [["glossary_tool.a", "glossary_tool.b", "glossary_tool.a"]]
    upward = [
        Edge("glossary_tool.core.loading", "glossary_tool.lint.rules", "lazy", 3),
        Edge("glossary_tool.site.x", "glossary_tool.core.y", "top", 1),
        Edge("glossary_tool.lint.rules.ids", "glossary_tool.lint", "top", 9),
        Edge("glossary_tool.lint.rules.ids", RULES_REGISTRY, "top", 8),
        Edge("glossary_tool.core.config", "glossary_tool.core.model", "typing", 5),
    ]
    assert layering_breaches(upward) == [
        "glossary_tool.core.loading:3 -> glossary_tool.lint.rules",
        "glossary_tool.lint.rules.ids:9 -> glossary_tool.lint",
        "glossary_tool.core.config:5 -> glossary_tool.core.model",
    ]


def test_the_top_level_shows_the_groups() -> None:
    top = sorted(p.name for p in PACKAGE.iterdir() if p.name != "__pycache__")
    assert top == sorted(["__init__.py", "__main__.py", "cli.py", *LAYERS])


def test_the_plugin_module_holds_only_events() -> None:
    tree = ast.parse((PACKAGE / "site" / "plugin.py").read_text(encoding="utf-8"))
    top = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign))]
    assert [type(n).__name__ for n in top] == ["ClassDef"]
    (plugin,) = top
    assert isinstance(plugin, ast.ClassDef)
    methods = [n.name for n in plugin.body if isinstance(n, ast.FunctionDef)]
    assert methods[0] == "__init__" and all(m.startswith("on_") for m in methods[1:]), methods


def test_rendering_knows_nothing_of_mkdocs() -> None:
    for path in (PACKAGE / "site" / "render").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
        assert not [n for n in names if n.split(".")[0] in ("mkdocs", "material")], path


# MkDocs' and Material's private names, and the attributes through which the package reached into them.
INTERNALS = frozenset({"_populate_page", "_build_page", "_TocToken", "_schema", "_validate", "events"})


def internals_used(tree: ast.AST) -> list[str]:
    """Where a module reaches into MkDocs or Material: Material's package itself, a private name imported from MkDocs,
    or one of ``INTERNALS`` read as an attribute (``config.plugins.events``, ``mk_build._build_page``)."""
    found = [f"{n.lineno}: import material" for n in ast.walk(tree) if isinstance(n, ast.Import) and any(a.name.split(".")[0] == "material" for a in n.names)]
    for n in ast.walk(tree):
        if isinstance(n, ast.ImportFrom) and n.module and n.module.split(".")[0] in ("mkdocs", "material"):
            found += [f"{n.lineno}: from {n.module} import {a.name}" for a in n.names if a.name.startswith("_") or n.module.startswith("material")]
        elif isinstance(n, ast.Attribute) and n.attr in INTERNALS:
            found.append(f"{n.lineno}: .{n.attr}")
    return found


def test_mkdocs_and_material_internals_are_used_in_one_module() -> None:
    used = {str(p.relative_to(ROOT)): internals_used(ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(PACKAGE.rglob("*.py"))}
    assert {path: found for path, found in used.items() if found} == {"glossary_tool/core/mkdocs_compat.py": used["glossary_tool/core/mkdocs_compat.py"]}
    assert internals_used(ast.parse("import material\nx.plugins.events['a']\nfrom mkdocs.commands.build import _build_page\n")) == [
        "1: import material",
        "3: from mkdocs.commands.build import _build_page",
        "2: .events",
    ]


@pytest.mark.parametrize(
    "module",
    [
        "site/plugin",
        "site/locale_builds",
        "site/build",
        "site/theme",
        "site/search_index/__init__",
        "site/search_index/results",
        "site/search_index/analysis",
        "core/config/options",
        "core/config/declaration",
        "core/config/settings",
        "core/config/mkdocs_yml",
        "core/loading",
        "lint/__init__",
        "core/trust/__init__",
        "core/trust/specs",
        "core/trust/allow_list",
        "core/catalogs",
    ],
)
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
