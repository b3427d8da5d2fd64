"""``glossary-tool build`` and ``serve``: every locale is built in its own process, then the site is put in place.

The first locale's build also lints; the site folder is replaced only when every locale has built.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from glossary_tool.config import RawConfig, Settings
from glossary_tool.locale_builds import LocaleBuild, root_url, start, stop_all
from glossary_tool.problems import BuildFailed, FatalError


def site_dir_of(raw: RawConfig, site_dir: Path | None) -> Path:
    """The output folder: ``--site-dir``, else ``site_dir`` of mkdocs.yml (relative to it)."""
    if site_dir is not None:
        return site_dir.resolve()
    configured = raw.data.get("site_dir") or "site"
    if not isinstance(configured, str):
        line, column = raw.position(("site_dir",))
        raise FatalError(f"{raw.path.name}:{line}:{column}: site_dir must be a folder name, such as site")
    return (raw.path.parent / configured).resolve()


def build_site(raw: RawConfig, settings: Settings, site_dir: Path | None = None) -> Path:
    """Build every locale into ``site_dir``; all or nothing. Returns the folder written.

    Each locale builds into its own folder beside the site; when all have succeeded they are assembled
    and swapped in for the old site in one rename, so a failed build leaves the old site as it was."""
    final = site_dir_of(raw, site_dir)
    work = final.parent / f".{final.name}.building-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    base = root_url(settings.site_url)
    builds: list[LocaleBuild] = []
    pending = list(settings.locales)
    running: list[LocaleBuild] = []
    jobs = max_parallel_builds()
    try:
        failures: list[str] = []
        while (pending or running) and not failures:
            while pending and len(running) < jobs:
                loc = pending.pop(0)
                out = work / (loc.code if loc.prefix else "root")
                running.append(start(raw.path, loc.code, out, base + loc.prefix, out))
                builds.append(running[-1])
            done = [b for b in running if b.process.poll() is not None]
            if not done:
                time.sleep(0.02)
                continue
            for b in done:
                running.remove(b)
                error = b.wait()
                if error:
                    failures.append(f"[{b.code}] {error}" if len(settings.locales) > 1 else error)
        if failures:
            raise BuildFailed("the site was not built:\n" + "\n".join(failures))
        root = work / ("root" if settings.locales[0].prefix == "" else settings.locales[0].code)
        for loc, b in zip(settings.locales[1:], builds[1:], strict=False):
            target = root / loc.prefix
            target.parent.mkdir(parents=True, exist_ok=True)
            b.staging.rename(target)
        _swap_in(root, final)
    finally:
        stop_all(builds)
        shutil.rmtree(work, ignore_errors=True)
    return final


def max_parallel_builds() -> int:
    """Locale builds running at once: one per core this process may use (each build is one busy process)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _swap_in(new: Path, final: Path) -> None:
    """Replace ``final`` by ``new``: two renames, so readers see the old site or the new one, never a half."""
    old = final.parent / f".{final.name}.old-{os.getpid()}-{time.monotonic_ns()}"
    if final.exists():
        final.rename(old)
    try:
        new.rename(final)
    except OSError:
        if old.exists():
            old.rename(final)
        raise
    shutil.rmtree(old, ignore_errors=True)


def serve_site(raw: RawConfig, settings: Settings, dev_addr: str) -> None:
    """Serve every locale with live reload (glossary_tool/serve.py), built into a temporary folder."""
    import tempfile

    from glossary_tool.serve import serve

    with tempfile.TemporaryDirectory(prefix="glossary-serve-") as out:
        serve(raw, settings, dev_addr, Path(out))


def build_project(config_file: Path, site_dir: Path | None = None) -> Path:
    """Read ``mkdocs.yml`` and build its site (what ``glossary-tool build`` does)."""
    from glossary_tool.config import read_config, settings_from_raw

    raw = read_config(config_file)
    return build_site(raw, settings_from_raw(raw), site_dir)
