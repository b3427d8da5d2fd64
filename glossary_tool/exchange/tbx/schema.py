"""``--tbx-schemas``: a TBX-Basic document checked against the dialect's RelaxNG and Schematron, both read as untrusted
files and run with file and network access denied; the first problems become warnings at their lines."""

from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from glossary_tool.core.loader import read_regular
from glossary_tool.core.problems import FatalError, Problem, Severity, clip
from glossary_tool.exchange.registry import problem
from glossary_tool.exchange.tbx.document import parse, parser_args, syntax_problem
from glossary_tool.exchange.tbx.mapping import RULE, local_name

MAX_SCHEMA_PROBLEMS = 5
MAX_SCHEMA_CHECK_BYTES = 8 * 1024 * 1024  # --tbx-schemas needs the whole tree (about nine times the file) in memory
MAX_SCHEMA_BYTES = 4 * 1024 * 1024
# The schema folder may come with a pull request: its Schematron and XSLT run with no file or network access at all.
_DENY = etree.XSLTAccessControl.DENY_ALL
_SKELETON = Path(os.path.dirname(etree.__file__)) / "isoschematron" / "resources" / "xsl" / "iso-schematron-xslt1"
_RNG_NS = "http://relaxng.org/ns/structure/1.0"
_SCH_NS = "http://purl.oclc.org/dsdl/schematron"
_XSL = "{http://www.w3.org/1999/XSL/Transform}"
_SVRL = "{http://purl.oclc.org/dsdl/svrl}"


def _sealed(name: str) -> etree.XSLT:
    return etree.XSLT(etree.parse(str(_SKELETON / name)), access_control=_DENY)


class _SealedSchematron:
    """lxml's ISO Schematron steps (abstract patterns expanded, then compiled to XSLT) without its include step, which
    reads the files a schema names; each step runs with file and network access denied. Built on first use."""

    expand: etree.XSLT | None = None
    compile: etree.XSLT | None = None

    @classmethod
    def validator(cls, schema: etree._ElementTree) -> etree._XSLTResultTree:
        if cls.expand is None or cls.compile is None:
            cls.expand, cls.compile = _sealed("iso_abstract_expand.xsl"), _sealed("iso_svrl_for_xslt1.xsl")
        return cls.compile(cls.expand(schema))


def _schema_file(file: Path, folder: Path) -> tuple[etree._ElementTree | None, list[Problem]]:
    """A schema file read as untrusted data: a regular file (a FIFO would block), bounded, parsed without DTD or network."""
    shown = f"{folder}/{file.name}"
    try:
        data = read_regular(file, MAX_SCHEMA_BYTES + 1)
    except OSError as exc:
        raise FatalError(f"--tbx-schemas {folder}: cannot read {file.name}: {exc.strerror or exc}") from None
    if len(data) > MAX_SCHEMA_BYTES:
        return None, [problem(shown, 1, RULE, f"larger than {MAX_SCHEMA_BYTES:,} bytes; not a TBX-Basic schema")]
    try:
        return etree.ElementTree(etree.fromstring(data, etree.XMLParser(**parser_args()))), []
    except etree.XMLSyntaxError as exc:
        return None, [syntax_problem(exc, shown)]


def _reaching_out(doc: etree._ElementTree, shown: str, ns: str, names: tuple[str, ...]) -> list[Problem]:
    """An element of a schema that would read another file, as an error at its line."""
    for el in doc.iter(*(f"{{{ns}}}{name}" for name in names)):
        if el.get("href") is not None or local_name(el) != "extends":
            return [
                problem(
                    shown,
                    el.sourceline or 1,
                    RULE,
                    f"<{local_name(el)}> would read another file ({clip(el.get('href', ''))}); a schema given to --tbx-schemas must be one self-contained file",
                )
            ]
    return []


def _relax_ng(doc: etree._ElementTree, shown: str) -> tuple[etree.RelaxNG | None, list[Problem]]:
    try:
        return etree.RelaxNG(doc), []
    except etree.RelaxNGParseError as exc:
        entry = exc.error_log.last_error if exc.error_log else None
        return None, [problem(shown, entry.line if entry else 1, RULE, f"not a usable RelaxNG schema: {clip(exc, 200)}", column=entry.column if entry else 1)]


def _schematron(doc: etree._ElementTree, shown: str) -> tuple[etree._XSLTResultTree | None, list[Problem]]:
    """The Schematron compiled to XSLT, with every failed rule located at an element."""
    try:
        xslt = _SealedSchematron.validator(doc)
    except (etree.XSLTApplyError, etree.XSLTParseError) as exc:
        return None, [_xslt_problem(exc, shown, "not a usable Schematron schema")]
    # The XSLT 1 skeleton writes the location of a failed rule on an attribute as "/@type", without the element
    # it is on; one added step makes it the full path, so every problem gets its line.
    for template in xslt.getroot().iter(f"{_XSL}template"):
        if template.get("match") == "@*" and template.get("mode") == "schematron-get-full-path":
            template.insert(0, etree.Element(f"{_XSL}apply-templates", select="parent::*", mode="schematron-get-full-path"))
    return xslt, []


def _schema_docs(rng_file: Path, sch_file: Path, folder: Path) -> tuple[etree._ElementTree | None, etree._ElementTree | None, list[Problem]]:
    """Both schema files parsed, each one self-contained; or why not."""
    (rng_doc, rng_problems), (sch_doc, sch_problems) = _schema_file(rng_file, folder), _schema_file(sch_file, folder)
    if rng_doc is None or sch_doc is None:
        return None, None, rng_problems + sch_problems
    refused = _reaching_out(rng_doc, f"{folder}/{rng_file.name}", _RNG_NS, ("include", "externalRef")) or _reaching_out(
        sch_doc, f"{folder}/{sch_file.name}", _SCH_NS, ("include", "extends")
    )
    if refused:
        return None, None, refused
    return rng_doc, sch_doc, []


def schema_problems(tree: etree._ElementTree, folder: Path, path: str) -> list[Problem]:
    """The first problems of a TBX-Basic document against the dialect's RelaxNG and Schematron in ``folder``
    (``basic.rng`` and ``basic_xpath1.sch``), as warnings with their lines. A schema that cannot be used is an error
    at its own line; neither schema may read another file (RelaxNG ``include``, Schematron ``include``, ``document()``)."""
    rng_file, sch_file = folder / "basic.rng", folder / "basic_xpath1.sch"
    if not rng_file.is_file() or not sch_file.is_file():
        raise FatalError(f"--tbx-schemas {folder}: needs basic.rng and basic_xpath1.sch (the TBX-Basic RelaxNG and Schematron)")
    rng_shown, sch_shown = f"{folder}/{rng_file.name}", f"{folder}/{sch_file.name}"
    rng_doc, sch_doc, unreadable = _schema_docs(rng_file, sch_file, folder)
    if rng_doc is None or sch_doc is None:
        return unreadable
    rng, unusable = _relax_ng(rng_doc, rng_shown)
    if rng is None:
        return unusable
    xslt, unusable = _schematron(sch_doc, sch_shown)
    if xslt is None:
        return unusable
    found = [(e.line, f"RelaxNG: {clip(e.message, 200)}") for e in rng.error_log] if not rng.validate(tree) else []
    try:
        report = etree.XSLT(xslt, access_control=_DENY)(tree)
    except (etree.XSLTApplyError, etree.XSLTParseError) as exc:
        return [_xslt_problem(exc, sch_shown, "the Schematron check failed")]
    found += _failed_rules(report, tree)
    return _first(found, path)


def _failed_rules(report: etree._XSLTResultTree, tree: etree._ElementTree) -> list[tuple[int, str]]:
    """Each failed assertion or successful report of a Schematron run, at the line of the element it names."""
    found: list[tuple[int, str]] = []
    root = report.getroot()
    for failed in root.iter(f"{_SVRL}failed-assert", f"{_SVRL}successful-report") if root is not None else ():
        try:
            hits = tree.xpath(failed.get("location", "/"))
        except etree.XPathError:
            hits = []
        hit = hits[0] if isinstance(hits, list) and hits else None
        element = hit if isinstance(hit, etree._Element) else getattr(hit, "getparent", lambda: None)()
        line = element.sourceline if isinstance(element, etree._Element) and element.sourceline else 1
        found.append((line, "Schematron: " + clip(" ".join(failed.findtext(f"{_SVRL}text", "").split()), 300)))
    return found


def _first(found: list[tuple[int, str]], path: str) -> list[Problem]:
    """The first problems in file order as warnings, and a count of the rest."""
    found.sort(key=lambda item: item[0])
    out = [problem(path, line, RULE, f"not valid TBX-Basic: {message}", Severity.WARNING) for line, message in found[:MAX_SCHEMA_PROBLEMS]]
    if len(found) > MAX_SCHEMA_PROBLEMS:
        out.append(
            problem(
                path,
                found[MAX_SCHEMA_PROBLEMS][0],
                RULE,
                f"… and {len(found) - MAX_SCHEMA_PROBLEMS} more TBX-Basic problem(s); the file was read as far as its structure allows",
                Severity.WARNING,
            )
        )
    return out


def _xslt_problem(exc: etree.Error, shown: str, what: str) -> Problem:
    """An XSLT failure (a refused file access, an unknown function) as an error of the schema file. libxslt's lines are
    those of the stylesheet made from the schema, not of the schema, so none is given."""
    log = getattr(exc, "error_log", None)
    said = "; ".join(dict.fromkeys(e.message for e in log if e.message)) if log else ""
    return problem(shown, 1, RULE, f"{what}: {clip(said or exc, 300)}")


def schema_check(utf8: bytes, folder: Path, path: str) -> list[Problem]:
    """``schema_problems`` for a file small enough to hold whole; a larger one is one located error."""
    if len(utf8) > MAX_SCHEMA_CHECK_BYTES:
        return [
            problem(
                path,
                1,
                RULE,
                f"--tbx-schemas checks files of up to {MAX_SCHEMA_CHECK_BYTES:,} bytes (the check holds the whole "
                "document); import it without --tbx-schemas, or check it with another validator first",
            )
        ]
    tree, problems = parse(utf8, path)
    if tree is None:
        return problems
    return schema_problems(tree, folder, path)
