"""Build and serve the site: one MkDocs build per locale, the default one starting the others in parallel.

Also runnable as ``python -m glossary_tool.build --locale sv …`` for a single locale's build.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Sequence

from glossary_tool.config import Locale, load_settings, read_config

Child = tuple[str, "subprocess.Popen[bytes]", Path, Path]  # another locale's build: code, process, staging, final folder

# MkDocs is imported inside the functions: `build_site` starts the other locales' builds before importing it
# (about 0.45 s with the config), so that they are not held up by this process's start-up.


def base_url(site_url: str | None) -> str:
    """The site's root URL, ending in one slash; each locale's site is this plus its prefix."""
    return (site_url or "/").rstrip("/") + "/"


def locale_dirs(site_dir: Path, locale: Locale) -> tuple[Path, Path]:
    """Where another locale's build writes (a hidden staging folder, which MkDocs' cleaning of ``site_dir``
    skips) and where it is moved once the whole build has succeeded."""
    return Path(site_dir) / f".building-{locale.code}", Path(site_dir) / locale.prefix


def start_locale_build(config_file: Path, locale: str, site_dir: Path, site_url: str) -> subprocess.Popen[bytes]:
    """Start one locale's build in its own process; its output is collected by whoever waits for it."""
    cmd = [sys.executable, "-m", "glossary_tool.build", "--config", str(config_file), "--locale", locale,
           "--site-dir", str(site_dir), "--site-url", site_url]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def start_other_locales(config_file: Path, site_dir: Path, root_url: str, locales: Sequence[Locale]) -> list[Child]:
    """Start the build of each of ``locales`` in parallel: (locale code, process, staging folder, final folder)."""
    children: list[Child] = []
    for loc in locales:
        staging, final = locale_dirs(site_dir, loc)
        children.append((loc.code, start_locale_build(config_file, loc.code, staging, root_url + loc.prefix), staging, final))
    return children


def build_locale(config_file: Path, locale: str | None = None, site_dir: Path | None = None,
                 site_url: str | None = None, *, spawn_others: bool = True, strict: bool = True,
                 prestarted: list[Child] | None = None) -> None:
    """Build one locale (default: the first configured one, which also builds the others).

    ``prestarted``: the other locales' builds, already running (locale, process, staging folder, final folder).
    """
    from mkdocs.commands import build as mk_build
    from mkdocs.config import load_config

    overrides: dict[str, object] = {"strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir)
    if site_url is not None:
        overrides["site_url"] = site_url
    cfg = load_config(str(config_file), **overrides)
    plugin = cfg.plugins["glossary"]
    plugin.locale = locale  # type: ignore[attr-defined]
    plugin.spawn_other_locales = spawn_others  # type: ignore[attr-defined]
    plugin.prestarted = prestarted  # type: ignore[attr-defined]
    mk_build.build(cfg)


def build_site(config_file: Path, site_dir: Path | None = None, strict: bool = True) -> None:
    """Static build of every locale into ``site_dir`` (default: ``site_dir`` of mkdocs.yml)."""
    settings = load_settings(config_file)
    final_dir = site_dir or Path(config_file).resolve().parent / str(read_config(config_file).get("site_dir") or "site")
    children = start_other_locales(Path(config_file), final_dir, base_url(settings.site_url), settings.locales[1:])
    try:
        build_locale(config_file, None, site_dir, strict=strict, prestarted=children)
    finally:
        for _, proc, staging, _ in children:  # still running only after a failure before the plugin took them over
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
                shutil.rmtree(staging, ignore_errors=True)


def serve_site(config_file: Path, dev_addr: str) -> None:
    """Serve every locale with live reload; the plugin watches the content folder."""
    from mkdocs.commands import serve as mk_serve

    mk_serve.serve(str(config_file), dev_addr=dev_addr, livereload=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m glossary_tool.build", description="Build one locale of the site.")
    parser.add_argument("--config", required=True)
    parser.add_argument("--locale", required=True)
    parser.add_argument("--site-dir", required=True)
    parser.add_argument("--site-url", required=True)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    build_locale(Path(args.config), args.locale, Path(args.site_dir), args.site_url, spawn_others=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
