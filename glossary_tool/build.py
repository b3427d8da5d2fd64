"""Build and serve the site with MkDocs; the only module besides the plugin that imports MkDocs."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands import build as mk_build
from mkdocs.commands import serve as mk_serve
from mkdocs.config import load_config


def build_site(config_file: Path, site_dir: Path | None = None, strict: bool = True) -> None:
    """Static build of the site described by ``config_file``."""
    overrides: dict[str, object] = {"strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir)
    mk_build.build(load_config(str(config_file), **overrides))


def serve_site(config_file: Path, dev_addr: str) -> None:
    """Serve with live reload; the plugin watches the content folder."""
    mk_serve.serve(str(config_file), dev_addr=dev_addr, livereload=True)
