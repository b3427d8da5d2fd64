"""Build and serve the site: one MkDocs build per locale, the default one starting the others in parallel.

Also runnable as ``python -m glossary_tool.build --locale sv …`` for a single locale's build.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Sequence

from mkdocs.commands import build as mk_build
from mkdocs.commands import serve as mk_serve
from mkdocs.config import load_config


def build_locale(config_file: Path, locale: str | None = None, site_dir: Path | None = None,
                 site_url: str | None = None, *, spawn_others: bool = True, strict: bool = True) -> None:
    """Build one locale (default: the first configured one, which also builds the others)."""
    overrides: dict[str, object] = {"strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir)
    if site_url is not None:
        overrides["site_url"] = site_url
    cfg = load_config(str(config_file), **overrides)
    plugin = cfg.plugins["glossary"]
    plugin.locale = locale  # type: ignore[attr-defined]
    plugin.spawn_other_locales = spawn_others  # type: ignore[attr-defined]
    mk_build.build(cfg)


def build_site(config_file: Path, site_dir: Path | None = None, strict: bool = True) -> None:
    """Static build of every locale into ``site_dir`` (default: ``site_dir`` of mkdocs.yml)."""
    build_locale(config_file, None, site_dir, strict=strict)


def serve_site(config_file: Path, dev_addr: str) -> None:
    """Serve every locale with live reload; the plugin watches the content folder."""
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
