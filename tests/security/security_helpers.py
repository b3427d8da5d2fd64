"""Shared helpers for the security tests: temp projects, YAML entries and a summary in pytest's output.

Not a conftest (tests/conftest.py owns that module name); test modules import it by its unique name.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml
from conftest import FIXTURES, ROOT

SCHEMA_LINE = "# yaml-language-server: $schema=../../glossary_tool/schemas/entry.schema.json\n"


class _NoAliases(yaml.SafeDumper):
    """Never writes anchors or aliases (the loader refuses them), even for repeated lists."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_entry(data: dict[str, Any]) -> str:
    """An entry as the loader accepts it: schema comment, then block YAML without aliases."""
    return SCHEMA_LINE + yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=10_000)


def new_project(root: Path, entries: dict[str, dict[str, Any]] | None = None, *, fixtures: bool = True, mkdocs_extra: str = "") -> Path:
    """A buildable copy of the project (mkdocs.yml, locales/) with fixture entries plus ``entries``."""
    root.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if mkdocs_extra:
        # Extra rule severities go into the glossary block's rules mapping.
        config = config.replace("      rules:\n", "      rules:\n" + mkdocs_extra, 1)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "locales", root / "locales")
    content = root / "content"
    if fixtures:
        shutil.copytree(FIXTURES / "valid", content)
    content.mkdir(exist_ok=True)
    for name, data in (entries or {}).items():
        (content / name).write_text(dump_entry(data), encoding="utf-8")
    return root


def tree(root: Path) -> dict[str, bytes | str]:
    """Everything under ``root``, links not followed: a file's bytes, a link's target (as ``-> target``), a folder's ``/``.

    Compared before and after an attack, it shows any file written, replaced or removed, in or outside a project."""
    out: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        name = str(path.relative_to(root))
        if path.is_symlink():
            out[name] = f"-> {path.readlink()}"
        elif path.is_dir():
            out[name] = "/"
        elif path.is_file():
            out[name] = path.read_bytes()
    return out


class _Summary:
    """A pytest plugin registered at run time: prints collected lines in the terminal summary (also with -q)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if self.lines:
            terminalreporter.section("security figures")
            for line in self.lines:
                terminalreporter.write_line(line)


def summary(config: pytest.Config, line: str) -> None:
    """Add one line to the 'security figures' section at the end of the test run."""
    plugin = config.pluginmanager.get_plugin("glossary-security-summary")
    if plugin is None:
        plugin = _Summary()
        config.pluginmanager.register(plugin, "glossary-security-summary")
    plugin.lines.append(line)


# A fresh, small driver process runs the command and reports RUSAGE_CHILDREN for it alone. Measuring from pytest
# directly would not work: a child forked from pytest inherits pytest's own peak RSS in ru_maxrss across exec.
# The driver's own few MB are included in the figure, so it errs on the high side.
DRIVER = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
try:
    proc = subprocess.run(sys.argv[2:], capture_output=True, timeout=float(sys.argv[1]))
    status, out = proc.returncode, proc.stdout + proc.stderr
except subprocess.TimeoutExpired as exc:
    status, out = -9, (exc.stdout or b"") + (exc.stderr or b"") + b"\nTIMEOUT"
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stdout.buffer.write(out)
print(f"\nMEASURED {status} {wall:.4f} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime:.4f}")
"""


class Measured(NamedTuple):
    status: int  # the exit status, negative for a signal
    wall: float  # seconds
    rss: float  # peak RSS in MB
    out: str  # stdout and stderr
    cpu: float  # CPU seconds (user and system): what the command itself cost, however busy the machine is


def measure(cmd: list[str], cwd: Path | None = None, timeout: float = 30.0) -> Measured:
    """Run ``cmd`` in a fresh driver process and measure it."""
    proc = subprocess.run([sys.executable, "-c", DRIVER, str(timeout), *cmd], capture_output=True, cwd=cwd, timeout=timeout + 30)
    text = proc.stdout.decode("utf-8", "replace")
    body, _, last = text.rstrip().rpartition("\nMEASURED ")
    status, wall, peak_kib, cpu = last.split()
    return Measured(int(status), float(wall), int(peak_kib) / 1024, body, float(cpu))  # ru_maxrss is in KiB on Linux
