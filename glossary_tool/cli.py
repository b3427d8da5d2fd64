"""The ``glossary-tool`` command line: a thin layer over the core; settings come from mkdocs.yml."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Sequence

from glossary_tool import __version__
from glossary_tool.config import Settings, load_settings
from glossary_tool.problems import FatalError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
SCHEMA_PATH = Path(__file__).parent / "schemas" / "entry.schema.json"


def cmd_lint(args: argparse.Namespace, settings: Settings) -> int:
    from glossary_tool.lint import run
    from glossary_tool.reporters import REPORTERS

    result = run(settings, [Path(p) for p in args.paths] or None, strict=args.strict)
    sys.stdout.write(REPORTERS[args.format](result.problems))
    return EXIT_PROBLEMS if result.errors else EXIT_OK


def cmd_rules(args: argparse.Namespace, settings: Settings) -> int:
    from glossary_tool.rules import load_all

    for rule in sorted(load_all().values(), key=lambda r: (r.scope != "load", r.id)):
        severity = settings.rules.get(rule.id, rule.severity).value
        print(f"{rule.id} ({severity}, {rule.scope})")
        for line in rule.doc.splitlines():
            print(f"    {line}")
        print()
    return EXIT_OK


def schema_text() -> str:
    from glossary_tool.model import json_schema

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def cmd_schema(args: argparse.Namespace, settings: Settings) -> int:
    text = schema_text()
    if args.check:
        if not SCHEMA_PATH.exists() or SCHEMA_PATH.read_text(encoding="utf-8") != text:
            print(f"{SCHEMA_PATH} is out of date; run 'glossary-tool schema --write'", file=sys.stderr)
            return EXIT_PROBLEMS
        return EXIT_OK
    if args.write:
        from glossary_tool.fileio import atomic_write

        atomic_write(SCHEMA_PATH, text.encode("utf-8"), overwrite=True)
        return EXIT_OK
    sys.stdout.write(text)
    return EXIT_OK


def _mkdocs_logging() -> None:
    # MkDocs reports progress and warnings through logging, like its own command line does.
    import logging

    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")


def cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    from glossary_tool.build import build_site

    _mkdocs_logging()
    build_site(Path(args.config), Path(args.site_dir) if args.site_dir else None)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from glossary_tool.build import serve_site

    _mkdocs_logging()
    serve_site(Path(args.config), args.dev_addr)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "lint": cmd_lint,
    "rules": cmd_rules,
    "schema": cmd_schema,
    "build": cmd_build,
    "serve": cmd_serve,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="glossary-tool", description="Lint and publish a multilingual glossary.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--config", default="mkdocs.yml", help="mkdocs.yml holding the glossary settings (default: %(default)s)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    lint = sub.add_parser("lint", help="check entries and report problems")
    lint.add_argument("paths", nargs="*", help="files or folders (default: the content folder)")
    lint.add_argument("--format", choices=["text", "json", "github"], default="text")
    lint.add_argument("--strict", action="store_true", help="treat warnings as errors")

    sub.add_parser("rules", help="list every rule with its documentation")

    build = sub.add_parser("build", help="build the static site")
    build.add_argument("--site-dir", help="output folder (default: site_dir of mkdocs.yml)")
    serve = sub.add_parser("serve", help="serve the site with live reload")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")

    schema = sub.add_parser("schema", help="print the JSON Schema of the entry format")
    mode = schema.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help=f"write it to {SCHEMA_PATH.name}")
    mode.add_argument("--check", action="store_true", help="exit 1 if the published schema is out of date")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.config)
        return COMMANDS[args.command](args, settings)
    except FatalError as exc:
        print(f"glossary-tool: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # MkDocs reports bad builds with its own exception types
        from mkdocs.exceptions import MkDocsException

        if isinstance(exc, MkDocsException):
            print(f"glossary-tool: error: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
        raise
    except KeyboardInterrupt:
        return 130
