"""The ``glossary-tool`` command line: a thin layer over the core; settings come from mkdocs.yml.

Exit status: 0 fine, 1 problems found (lint errors, a failed build), 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from glossary_tool import __version__
from glossary_tool.core import progress
from glossary_tool.core.config import RawConfig, Settings, canonical_tag, read_config, settings_from_raw
from glossary_tool.core.problems import BuildFailed, FatalError, Severity
from glossary_tool.core.terminal import clean_output, escape
from glossary_tool.core.trust import UNTRUSTED_ENV, refuse_untrusted, untrusted_from_env
from glossary_tool.site.run_mode import RunMode

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def cmd_lint(args: argparse.Namespace, settings: Settings, raw: RawConfig) -> int:
    from glossary_tool.lint import run
    from glossary_tool.lint.reporters import REPORTERS

    result = run(settings, [Path(p) for p in args.paths] or None, strict=args.strict)
    problems, failed = result.problems, result.errors > 0
    del result  # the report needs only the problems; 50,000 parsed files held 100 MB while it was written
    sys.stdout.write(REPORTERS[args.format](problems))
    return EXIT_PROBLEMS if failed else EXIT_OK


def cmd_rules(args: argparse.Namespace, settings: Settings, raw: RawConfig) -> int:
    from glossary_tool.lint.rules import load_all

    for rule in sorted(load_all().values(), key=lambda r: (r.scope != "load", r.id)):
        severity = settings.rules.get(rule.id, rule.severity).value
        print(f"{rule.id} ({severity}, {rule.scope})")
        for line in rule.doc.splitlines():
            print(f"    {line}")
        print()
    from glossary_tool.check import CHECK_RULES

    for check in CHECK_RULES.values():  # the rules of `glossary-tool check`, on documents and translation files
        print(f"{check.id} ({check.severity.value}, check)")
        for line in check.doc.splitlines():
            print(f"    {line}")
        print()
    return EXIT_OK


def cmd_schema(args: argparse.Namespace, settings: Settings, raw: RawConfig) -> int:
    from glossary_tool.core.model import schema_text
    from glossary_tool.core.terminal import display_path

    text = schema_text(settings)
    path = settings.schema_path
    if args.check:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            print(f"{display_path(path)} is out of date; run 'glossary-tool schema --write'", file=sys.stderr)
            return EXIT_PROBLEMS
        return EXIT_OK
    if args.write:
        from glossary_tool.core.fileio import atomic_write

        atomic_write(path, text.encode("utf-8"), inside=settings.root, overwrite=True)
        print(f"wrote {display_path(path)}")
        return EXIT_OK
    sys.stdout.write(text)
    return EXIT_OK


def _mkdocs_logging() -> None:
    # MkDocs reports progress and warnings through logging, like its own command line does.
    import logging

    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")


def cmd_build(args: argparse.Namespace, settings: Settings, raw: RawConfig) -> int:
    from glossary_tool.core.terminal import display_path
    from glossary_tool.site.build import build_site

    site = build_site(
        raw,
        settings,
        Path(args.site_dir) if args.site_dir else None,
        outside_ok=args.site_dir_outside_ok,
        untrusted=args.untrusted,
        use_cache=not args.no_cache,
    )
    print(f"built {len(settings.locales)} locale(s) into {escape(display_path(site))}")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, settings: Settings, raw: RawConfig) -> int:
    from glossary_tool.site.build import serve_site

    _mkdocs_logging()
    serve_site(raw, settings, args.dev_addr, untrusted=args.untrusted)
    return EXIT_OK


def cmd_scan_site(args: argparse.Namespace, settings: Settings, raw: RawConfig) -> int:
    from glossary_tool.site.scan import scan_site

    # Defence in depth for CI: after a build, nothing in the site may run script or load a dangerous URL.
    site = Path(args.site_dir) if args.site_dir else settings.root / "site"
    if not site.is_dir():
        raise FatalError(f"{site}: no built site; run 'glossary-tool build' first")
    findings = scan_site(site)
    for finding in findings:
        print(f"{escape(str(site / finding.path))}:{finding.line}: {finding.kind}: {escape(finding.detail)}")
    print(f"{len(findings)} finding(s) in {escape(str(site))}")
    return EXIT_PROBLEMS if findings else EXIT_OK


def _relations(values: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for value in values:
        name, sep, target = value.partition("=")
        if not sep or not name or not target:
            raise FatalError(f"--relation {value!r}: write NAME=ID, e.g. --relation broader=bone")
        out.setdefault(name, []).append(target)
    return out


def cmd_new(args: argparse.Namespace, settings: Settings, raw: RawConfig) -> int:
    from glossary_tool.authoring.scaffold import create_concept
    from glossary_tool.core.terminal import display_path

    path = create_concept(settings, args.id, args.category, _relations(args.relation))
    print(f"wrote {display_path(path)}; replace every TODO, then run 'glossary-tool lint --strict'")
    return EXIT_OK


def cmd_translate(args: argparse.Namespace, settings: Settings, raw: RawConfig) -> int:
    from glossary_tool.authoring.scaffold import add_locale, diff_report, mark_reviewed
    from glossary_tool.core.terminal import display_path

    if args.diff:
        sys.stdout.write(diff_report(settings, args.id, args.locale))
    elif args.reviewed:
        path, changed = mark_reviewed(settings, args.id, args.locale)
        print(f"{escape(display_path(path))}: " + (f"'{args.locale}' marked as translated from the current text" if changed else "already up to date"))
    else:
        print(f"{escape(display_path(add_locale(settings, args.id, args.locale)))}: added '{args.locale}'; replace every TODO")
    return EXIT_OK


def cmd_status(args: argparse.Namespace, settings: Settings, raw: RawConfig) -> int:
    from glossary_tool.core.loading import load_glossary
    from glossary_tool.core.status import FORMATS, below_threshold, compute, only

    statuses = only(compute(load_glossary(settings)[0], settings), args.locale, settings)
    sys.stdout.write(FORMATS[args.format](statuses, settings))
    low = below_threshold(statuses, args.min_coverage) if args.min_coverage is not None else []
    for message in low:
        print(message, file=sys.stderr)
    return EXIT_PROBLEMS if low else EXIT_OK


def _locales_arg(value: str | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(canonical_tag(code.strip()) for code in value.split(",") if code.strip())


def cmd_export(args: argparse.Namespace, settings: Settings, raw: RawConfig) -> int:
    from glossary_tool.core.fileio import confine, reason
    from glossary_tool.exchange import export_glossary, recover_interrupted, write_output

    if args.output:  # refuse a bad target before the glossary is linted and exported; export -o may write anywhere
        confine(Path(args.output), None, overwrite=args.overwrite)
    recovered = recover_interrupted(settings)  # an import killed half-way is finished before the glossary is read
    if recovered:
        print(f"glossary-tool: {recovered}", file=sys.stderr)
    result = export_glossary(settings, args.format, _locales_arg(args.locales))
    if args.output:
        write_output(result.data, Path(args.output), overwrite=args.overwrite)
    else:
        try:
            sys.stdout.buffer.write(result.data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise FatalError(f"cannot write to standard output: {reason(exc)}") from None
    if result.omitted:
        print(f"left out {result.omitted} field(s) that still hold a TODO placeholder ('glossary-tool lint --strict' lists them)", file=sys.stderr)
    return EXIT_OK


def cmd_import(args: argparse.Namespace, settings: Settings, raw: RawConfig) -> int:
    from glossary_tool.core.terminal import display_path
    from glossary_tool.exchange.importing import import_file, import_report
    from glossary_tool.exchange.registry import ImportOptions
    from glossary_tool.lint.reporters import REPORTERS

    options = ImportOptions(
        source_locale=args.source_locale,
        target_locale=args.target_locale,
        columns=args.columns,
        tbx_schemas=Path(args.tbx_schemas) if args.tbx_schemas else None,
    )
    result = import_file(settings, args.format, Path(args.file), overwrite=args.overwrite, options=options)
    if result.recovered:
        print(f"glossary-tool: {result.recovered}", file=sys.stderr)
    sys.stdout.write(REPORTERS["text"](result.problems) if result.problems else "")
    print(import_report(result, display_path))
    return EXIT_PROBLEMS if result.errors or not (result.written or result.merged or result.unchanged) else EXIT_OK


def cmd_check(args: argparse.Namespace, settings: Settings, raw: RawConfig) -> int:
    from glossary_tool.check import CheckOptions, run_check
    from glossary_tool.check.cache import cache_folder
    from glossary_tool.lint.reporters import REPORTERS

    options = CheckOptions(language=args.language, source_language=args.source_language, admitted=args.admitted)
    with progress.task("checking files", unit="files") as bar:
        result = run_check(settings, [Path(p) for p in args.paths], options, progress=bar.set, cache=None if args.no_cache else cache_folder())
    problems = [p.with_severity(Severity.ERROR) if args.strict and p.severity is Severity.WARNING else p for p in result.problems]
    if result.glossary_problems:
        print(
            f"glossary-tool: the glossary has {result.glossary_problems} error(s) ('glossary-tool lint' lists them); checked against the entries that loaded",
            file=sys.stderr,
        )
    sys.stdout.write(REPORTERS[args.format](problems))
    return EXIT_PROBLEMS if any(p.severity is Severity.ERROR for p in problems) else EXIT_OK


def cmd_catalog(args: argparse.Namespace, settings: Settings, raw: RawConfig) -> int:
    from glossary_tool.authoring.scaffold import start_catalog
    from glossary_tool.core.terminal import display_path

    path, added = start_catalog(settings, args.locale)
    print(f"{display_path(path)}: {added} string(s) to translate; untranslated strings show the package's translation or English")
    return EXIT_OK


def cmd_init(args: argparse.Namespace) -> int:
    from glossary_tool.authoring.init import init_project, placeholder_locales

    locales = [canonical_tag(code.strip()) for code in args.locales.split(",") if code.strip()]
    written = init_project(Path(args.dir), locales, args.source_locale or (locales[0] if locales else ""))
    todo = placeholder_locales(locales)
    if todo:
        print(
            f"started a glossary in {args.dir} ({len(written)} files); the example entries have no text in {', '.join(todo)}: "
            f"write it where they say TODO ('glossary-tool lint' lists them), then: cd {args.dir} && glossary-tool build"
        )
    else:
        print(f"started a glossary in {args.dir} ({len(written)} files); next: cd {args.dir} && glossary-tool lint --strict && glossary-tool build")
    from glossary_tool.site.render.i18n import catalog_warnings

    for code in locales:
        for warning in catalog_warnings(None, code):
            print(f"note: {warning}")
    return EXIT_OK


Command = Callable[[argparse.Namespace, Settings, RawConfig], int]
COMMANDS: dict[str, Command] = {
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
    "catalog": cmd_catalog,
    "check": cmd_check,
}


def _choices(command: str | None, wanted: str, registry: Callable[[], Sequence[str]]) -> list[str] | None:
    """A subcommand's format choices, from its registry; loaded only when that subcommand runs (or asks for help),
    so that `build` starts its locale builds without importing every exchange format first."""
    return sorted(registry()) if command in (wanted, None) else None


def _exporters() -> list[str]:
    from glossary_tool.exchange import load_all

    return list(load_all()[0])


def _importers() -> list[str]:
    from glossary_tool.exchange import load_all

    return list(load_all()[1])


def _rule_ids() -> list[str]:
    from glossary_tool.lint.rules import load_all

    return list(load_all())


def _reporters() -> list[str]:
    from glossary_tool.lint.reporters import REPORTERS

    return list(REPORTERS)


def _status_formats() -> list[str]:
    from glossary_tool.core.status import FORMATS

    return list(FORMATS)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; ``command`` (when known) limits which registries are loaded for the choices."""
    parser = argparse.ArgumentParser(prog="glossary-tool", description="Lint and publish a multilingual glossary.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--config", default="mkdocs.yml", help="mkdocs.yml holding the glossary settings (default: %(default)s)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    # Every command that reads mkdocs.yml takes --untrusted (SECURITY.md): CI passes it for pull requests.
    trust = argparse.ArgumentParser(add_help=False)
    trust.add_argument(
        "--untrusted",
        action="store_true",
        help="mkdocs.yml comes from someone you do not trust (a pull request): read only the glossary block and "
        f"the allow-list of MkDocs and Material options, refuse everything else (also set by {UNTRUSTED_ENV}=1)",
    )
    # Long commands draw a progress bar on a terminal (core/progress.py); --quiet leaves it out there too.
    quiet = argparse.ArgumentParser(add_help=False)
    quiet.add_argument("-q", "--quiet", action="store_true", help="no progress bar, even on a terminal")

    init = sub.add_parser("init", help="start a new glossary project in an empty folder")
    init.add_argument("dir", help="the folder to create (it must not exist, or be empty)")
    init.add_argument("--locales", required=True, help="comma-separated language tags, e.g. en,sv,de")
    init.add_argument("--source-locale", type=canonical_tag, help="the language entries are written in first (default: the first of --locales)")

    lint = sub.add_parser("lint", parents=[trust, quiet], help="check entries and report problems")
    lint.add_argument("paths", nargs="*", help="files or folders (default: the content folder)")
    lint.add_argument("--format", choices=_choices(command, "lint", _reporters), default="text")
    lint.add_argument("--strict", action="store_true", help="treat warnings as errors")

    check = sub.add_parser("check", parents=[trust, quiet], help="check documents and translation files against the glossary's terms")
    check.add_argument("paths", nargs="+", help="files, or folders searched for Markdown, text, HTML, PO and XLIFF files")
    check.add_argument("--format", choices=_choices(command, "check", _reporters), default="text")
    check.add_argument("--language", metavar="TAG", help="the language of files that do not declare one (default: the glossary's source language)")
    check.add_argument(
        "--source-language", metavar="TAG", help="the source language of PO and XLIFF files that do not declare one (default: the glossary's source language)"
    )
    check.add_argument("--admitted", action="store_true", help="also report admitted terms where the glossary prefers another (admitted-term)")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--no-cache", action="store_true", help="load the glossary's terms afresh, without the cache in ~/.cache/glossary-tool")

    sub.add_parser("rules", parents=[trust], help="list every rule with its documentation")

    build = sub.add_parser("build", parents=[trust, quiet], help=RunMode.BUILD.help)
    build.add_argument("--site-dir", help="output folder (default: site_dir of mkdocs.yml); it must be inside the project")
    build.add_argument("--site-dir-outside-ok", action="store_true", help="allow an output folder outside the project")
    build.add_argument(
        "--no-cache",
        action="store_true",
        help="build every page afresh, without reading or writing the build cache (.glossary-cache/); an --untrusted build never uses it",
    )
    serve = sub.add_parser("serve", parents=[trust], help=RunMode.SERVE.help)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")

    scan = sub.add_parser("scan-site", parents=[trust], help="scan a built site for live script, event handlers and dangerous URLs")
    scan.add_argument("--site-dir", help="built site to scan (default: site/ next to mkdocs.yml)")

    schema = sub.add_parser("schema", parents=[trust], help="print the project's JSON Schema of the entry format")
    mode = schema.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="write it to the content folder (schema_file)")
    mode.add_argument("--check", action="store_true", help="exit 1 if the written schema is out of date")

    new = sub.add_parser("new", parents=[trust], help="write a new concept file with TODO placeholders")
    new.add_argument("id", help="the new concept id (lowercase slug, e.g. thigh-bone)")
    new.add_argument("--category", required=True, help="one of the categories declared in mkdocs.yml")
    new.add_argument("--relation", action="append", default=[], metavar="NAME=ID", help="a relation to an existing concept, e.g. broader=bone (repeatable)")

    translate = sub.add_parser("translate", parents=[trust], help="add a missing language to an entry, or mark a translation reviewed")
    translate.add_argument("id", help="the entry id")
    translate.add_argument("--locale", required=True, type=canonical_tag, help="the language to add or review, e.g. sv")
    what = translate.add_mutually_exclusive_group()
    what.add_argument("--reviewed", action="store_true", help="record that the translation matches the current source text")
    what.add_argument("--diff", action="store_true", help="show how the source text of stale fields changed (from git history)")

    status = sub.add_parser("status", parents=[trust], help="translation coverage per language")
    status.add_argument("--format", choices=_choices(command, "status", _status_formats), default="text")
    status.add_argument("--min-coverage", type=_percent, metavar="PERCENT", help="exit 1 if any language has fewer translated fields")
    status.add_argument("--locale", type=canonical_tag, metavar="CODE", help="one language only (the svg badge needs it)")

    export = sub.add_parser("export", parents=[trust, quiet], help="write the glossary in an exchange format")
    export.add_argument("--format", required=True, choices=_choices(command, "export", _exporters))
    export.add_argument("-o", "--output", help="file to write (default: standard output)")
    export.add_argument("--overwrite", action="store_true", help="replace the output file if it exists (a regular file only)")
    export.add_argument("--locales", metavar="CODES", help="comma-separated languages to export, e.g. en,sv (default: every configured one)")

    imp = sub.add_parser("import", parents=[trust, quiet], help="read an exchange file into entries under the content folder")
    imp.add_argument("--format", required=True, choices=_choices(command, "import", _importers))
    imp.add_argument("file", help="the file to read")
    existing = imp.add_mutually_exclusive_group()
    existing.add_argument("--merge", action="store_true", help="fold the file into entries that exist, changing only what it says differently (the default)")
    existing.add_argument("--overwrite", action="store_true", help="replace entries that exist with what the file says")
    imp.add_argument(
        "--source-locale", metavar="CODE", type=canonical_tag, help="language of the source column of a two-column file (default: the source locale)"
    )
    imp.add_argument(
        "--target-locale", metavar="CODE", type=canonical_tag, help="language of the target column of a two-column file (default: the other configured locale)"
    )
    imp.add_argument("--columns", metavar="MAP", help="map other headers, e.g. 'term:en=English,term:sv=Swedish,definition:en=Notes'")
    imp.add_argument(
        "--tbx-schemas", metavar="DIR", help="folder with the TBX-Basic RelaxNG and Schematron (basic.rng, basic_xpath1.sch) to check TBX-Basic files against"
    )

    catalog = sub.add_parser("catalog", parents=[trust], help="start or complete the project's UI catalog of a language")
    catalog.add_argument("locale", type=canonical_tag, help="a configured language tag, e.g. de")
    return parser


def _percent(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number from 0 to 100") from None
    if not 0 <= number <= 100:  # also refuses nan, which compares false both ways
        raise argparse.ArgumentTypeError(f"{value!r} is not a number from 0 to 100")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    try:
        with clean_output():  # paths and contributor text reach the terminal or a CI log with their controls escaped
            return _main(argv)
    except BrokenPipeError:
        # The reader went away (`glossary-tool rules | head -1`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130


def _main(argv: Sequence[str] | None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    command = next((w for w in words if w in COMMANDS or w == "init"), None)
    parser = build_parser(command)
    args = parser.parse_args(words)
    try:
        if args.command == "init":
            return cmd_init(args)
        args.untrusted = args.untrusted or untrusted_from_env()
        raw = read_config(args.config)
        if args.untrusted:  # before the glossary options are used: an !ENV there would already be resolved
            refuse_untrusted(raw)
        settings = settings_from_raw(raw, args.config, rule_ids=_rule_ids)
        if hasattr(args, "quiet"):
            progress.enable(quiet=args.quiet)
        return COMMANDS[args.command](args, settings, raw)
    except FatalError as exc:
        print(f"glossary-tool: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BuildFailed as exc:
        print(f"glossary-tool: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
