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


def cmd_scan_site(args: argparse.Namespace, settings: Settings) -> int:
    from glossary_tool.scan import scan_site

    # Defence in depth for CI: after a build, nothing in the site may run script or load a dangerous URL.
    site = Path(args.site_dir) if args.site_dir else settings.root / "site"
    if not site.is_dir():
        raise FatalError(f"{site}: no built site; run 'glossary-tool build' first")
    findings = scan_site(site)
    for finding in findings:
        print(f"{site / finding.path}:{finding.line}: {finding.kind}: {finding.detail}")
    print(f"{len(findings)} finding(s) in {site}")
    return EXIT_PROBLEMS if findings else EXIT_OK


def cmd_new(args: argparse.Namespace, settings: Settings) -> int:
    from glossary_tool.lint import display_path
    from glossary_tool.scaffold import create_concept

    path = create_concept(settings, args.id, args.category, args.service_of)
    print(f"wrote {display_path(path)}; replace every TODO, then run 'glossary-tool lint --strict'")
    return EXIT_OK


def cmd_translate(args: argparse.Namespace, settings: Settings) -> int:
    from glossary_tool.lint import display_path
    from glossary_tool.scaffold import add_locale, diff_report, mark_reviewed

    if args.diff:
        sys.stdout.write(diff_report(settings, args.id, args.locale))
    elif args.reviewed:
        path, changed = mark_reviewed(settings, args.id, args.locale)
        print(f"{display_path(path)}: " + (f"'{args.locale}' marked as translated from the current text" if changed else "already up to date"))
    else:
        print(f"{display_path(add_locale(settings, args.id, args.locale))}: added '{args.locale}'; replace every TODO")
    return EXIT_OK


def cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    from glossary_tool.lint import run
    from glossary_tool.status import FORMATS, below_threshold, compute

    statuses = compute(run(settings).glossary, settings)
    sys.stdout.write(FORMATS[args.format](statuses, settings))
    low = below_threshold(statuses, args.min_coverage) if args.min_coverage is not None else []
    for message in low:
        print(message, file=sys.stderr)
    return EXIT_PROBLEMS if low else EXIT_OK


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from glossary_tool.export import export_glossary, write_output

    data = export_glossary(settings, args.format)
    if args.output:
        write_output(data, Path(args.output), overwrite=args.overwrite)
    else:
        sys.stdout.buffer.write(data)
    return EXIT_OK


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    from glossary_tool.export import import_file
    from glossary_tool.lint import display_path
    from glossary_tool.reporters import REPORTERS

    result = import_file(settings, args.format, Path(args.file), overwrite=args.overwrite)
    sys.stdout.write(REPORTERS["text"](result.problems) if result.problems else "")
    print(f"wrote {len(result.written)} entr{'y' if len(result.written) == 1 else 'ies'}" + "".join(f"\n  {display_path(p)}" for p in result.written))
    return EXIT_PROBLEMS if result.errors else EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "scan-site": cmd_scan_site,
    "lint": cmd_lint,
    "rules": cmd_rules,
    "schema": cmd_schema,
    "build": cmd_build,
    "serve": cmd_serve,
    "new": cmd_new,
    "translate": cmd_translate,
    "status": cmd_status,
    "export": cmd_export,
    "import": cmd_import,
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

    scan = sub.add_parser("scan-site", help="scan a built site for live script, event handlers and dangerous URLs")
    scan.add_argument("--site-dir", help="built site to scan (default: site/ next to mkdocs.yml)")

    schema = sub.add_parser("schema", help="print the JSON Schema of the entry format")
    mode = schema.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help=f"write it to {SCHEMA_PATH.name}")
    mode.add_argument("--check", action="store_true", help="exit 1 if the published schema is out of date")

    from glossary_tool.vocabulary import CATEGORIES

    new = sub.add_parser("new", help="write a new concept file with TODO placeholders")
    new.add_argument("id", help="the new concept id (lowercase slug, e.g. data-entry)")
    new.add_argument("--category", required=True, choices=CATEGORIES)
    new.add_argument("--service-of", action="append", default=[], metavar="MODEL_ID", help="for category service: the delivery model(s) offering it")

    translate = sub.add_parser("translate", help="add a missing language to an entry, or mark a translation reviewed")
    translate.add_argument("id", help="the entry id")
    translate.add_argument("--locale", required=True, help="the language to add or review, e.g. sv")
    what = translate.add_mutually_exclusive_group()
    what.add_argument("--reviewed", action="store_true", help="record that the translation matches the current source text")
    what.add_argument("--diff", action="store_true", help="show how the source text of stale fields changed (from git history)")

    status = sub.add_parser("status", help="translation coverage per language")
    status.add_argument("--format", choices=["text", "json"], default="text")
    status.add_argument("--min-coverage", type=float, metavar="PERCENT", help="exit 1 if any language has fewer translated fields")

    formats = ["tbx", "csv", "skos", "json"]
    export = sub.add_parser("export", help="write the glossary as TBX-Basic, CSV, SKOS (JSON-LD) or JSON")
    export.add_argument("--format", required=True, choices=formats)
    export.add_argument("-o", "--output", help="file to write (default: standard output)")
    export.add_argument("--overwrite", action="store_true", help="replace the output file if it exists")

    imp = sub.add_parser("import", help="read TBX-Basic or CSV into entries under the content folder")
    imp.add_argument("--format", required=True, choices=["tbx", "csv"])
    imp.add_argument("file", help="the file to read")
    imp.add_argument("--overwrite", action="store_true", help="replace entries whose id already exists")
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
