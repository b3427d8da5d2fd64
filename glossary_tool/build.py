"""``glossary-tool build`` and ``serve``: every locale is built in its own process, then the site is put in place.

The first locale's build also lints; the site folder is replaced only when every locale has built.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from glossary_tool.config import RawConfig, Settings, build_hazards
from glossary_tool.fileio import confine, reason
from glossary_tool.locale_builds import WRITE_FAILED, LocaleBuild, max_parallel_builds, root_url, start, stop_all
from glossary_tool.problems import BuildFailed, FatalError
from glossary_tool.terminal import escape

# Written into every site this command builds: the next build replaces only a folder that carries it (or is empty).
MARKER = ".glossary-tool-site"


def site_dir_of(raw: RawConfig, site_dir: Path | None) -> Path:
    """The output folder, its real path: ``--site-dir``, else ``site_dir`` of mkdocs.yml (relative to it)."""
    if site_dir is not None:
        return Path(os.path.realpath(site_dir))
    configured = raw.data.get("site_dir") or "site"
    if not isinstance(configured, str):
        line, column = raw.position(("site_dir",))
        raise FatalError(f"{raw.path.name}:{line}:{column}: site_dir must be a folder name, such as site")
    return Path(os.path.realpath(raw.path.parent / configured))


def check_site_dir(final: Path, raw: RawConfig, settings: Settings, *, outside_ok: bool = False, from_cli: bool = False) -> None:
    """Refuse an output folder whose replacement would delete anything but an earlier build of this site.

    Real paths throughout, so neither ``..`` nor a link can hide where the folder is."""
    project = Path(os.path.realpath(raw.path.parent))
    given = "--site-dir" if from_cli or "site_dir" not in raw.data else f"{raw.path.name}:{':'.join(map(str, raw.position(('site_dir',))))}: site_dir"
    shown = escape(str(final))
    if final == project or final in project.parents:
        raise FatalError(f"{given}: {shown} holds the project itself; the build would replace it. Choose a folder such as site/")
    for name, folder in (("the content folder", settings.content_dir), ("the locales folder", project / "locales")):
        real = Path(os.path.realpath(folder))
        if final == real or real in final.parents or final in real.parents:
            raise FatalError(f"{given}: {shown} overlaps {name}; choose a folder of its own, such as site/")
    if not outside_ok:
        try:
            confine(final, project, folder=True)
        except FatalError:
            raise FatalError(f"{given}: {shown} is outside the project ({escape(str(project))}); "
                             "pass --site-dir-outside-ok to build there") from None
    if final.is_symlink() or (final.exists() and not final.is_dir()):
        raise FatalError(f"{given}: {shown} is not a folder")
    if final.is_dir() and not (final / MARKER).is_file() and any(final.iterdir()) and not (final / "assets" / "glossary.css").is_file():
        # Not empty, and not an earlier build (the marker, or the site's own stylesheet from before there was one).
        raise FatalError(f"{given}: {shown} is not empty and was not written by 'glossary-tool build'; "
                         "nothing was deleted: empty it yourself or choose another folder")


def build_site(raw: RawConfig, settings: Settings, site_dir: Path | None = None, *, outside_ok: bool = False) -> Path:
    """Build every locale into ``site_dir``; all or nothing. Returns the folder written.

    Each locale builds into its own folder beside the site; when all have succeeded they are assembled
    and swapped in for the old site in one rename, so a failed build leaves the old site as it was.
    The configuration and the output folder are checked first: nothing is touched when either is refused."""
    problems = build_hazards(raw, settings)
    if problems:
        raise FatalError("mkdocs.yml is not safe to build:\n" + "\n".join(problems))
    final = site_dir_of(raw, site_dir)
    check_site_dir(final, raw, settings, outside_ok=outside_ok, from_cli=site_dir is not None)
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        # A new private folder beside the site, made here: nothing in the project can have put a link in its place.
        work = Path(tempfile.mkdtemp(prefix=f".{final.name}.building-", dir=final.parent))
    except OSError as exc:
        raise FatalError(_cannot_write(final, exc)) from None
    try:
        return _build_into(work, final, raw, settings)
    except OSError as exc:
        raise FatalError(_cannot_write(final, exc)) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _cannot_write(final: Path, exc: OSError | str) -> str:
    why = exc if isinstance(exc, str) else reason(exc)
    return f"{escape(str(final))}: cannot write the site: {why}; the site folder was not changed"


def _build_into(work: Path, final: Path, raw: RawConfig, settings: Settings) -> Path:
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
                if b.process.returncode == WRITE_FAILED and error:  # the disk, not the glossary: one line, as for every write
                    raise FatalError(_cannot_write(final, error.splitlines()[-1]))
                if error:
                    failures.append(f"[{b.code}] {error}" if len(settings.locales) > 1 else error)
        if failures:
            raise BuildFailed("the site was not built:\n" + "\n".join(failures))
        root = work / ("root" if settings.locales[0].prefix == "" else settings.locales[0].code)
        for loc, b in zip(settings.locales[1:], builds[1:], strict=False):
            target = root / loc.prefix
            target.parent.mkdir(parents=True, exist_ok=True)
            b.staging.rename(target)
        (root / MARKER).write_text("Written by glossary-tool build, which replaces this folder on the next build.\n", encoding="utf-8")
        _swap_in(root, final)
    finally:
        stop_all(builds)
    return final


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


def build_project(config_file: Path, site_dir: Path | None = None, *, outside_ok: bool = False) -> Path:
    """Read ``mkdocs.yml`` and build its site (what ``glossary-tool build`` does)."""
    from glossary_tool.config import read_config, settings_from_raw

    raw = read_config(config_file)
    return build_site(raw, settings_from_raw(raw), site_dir, outside_ok=outside_ok)
