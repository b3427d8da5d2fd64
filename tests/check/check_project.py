"""A small glossary in English, Swedish and Japanese for the tests of ``glossary-tool check``, and a one-call check."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import yaml
from conftest import VOCABULARY

from glossary_tool.check import CheckOptions, run_check
from glossary_tool.core.config import Settings, settings_from_options
from glossary_tool.core.problems import Problem

LOCALES = [{"code": "en"}, {"code": "sv", "prefix": "sv/"}, {"code": "ja", "prefix": "ja/"}]
# concept id -> locale -> [(term, status)]
TERMS: dict[str, dict[str, list[tuple[str, str]]]] = {
    "customer-service": {
        "en": [("customer service", "preferred"), ("customer care", "deprecated")],
        "sv": [("kundtjänst", "preferred"), ("kundservice", "admitted"), ("kundvård", "deprecated")],
        "ja": [("カスタマーサービス", "preferred"), ("顧客対応", "deprecated")],
    },
    "call-centre": {
        "en": [("call centre", "preferred"), ("call center", "admitted")],
        "sv": [("callcenter", "preferred")],
        "ja": [("コールセンター", "preferred")],
    },
    "agent": {
        "en": [("agent", "preferred")],
        "sv": [("kundtjänstmedarbetare", "preferred")],
        "ja": [("オペレーター", "preferred")],
    },
    "kpo": {
        "en": [("knowledge process outsourcing", "preferred"), ("KPO", "preferred"), ("knowledge outsourcing", "deprecated")],
        "sv": [("KPO", "preferred")],
    },
}
DEFINITION = {"en": "A definition.", "sv": "En definition.", "ja": "定義です。"}


def entry(cid: str, terms: dict[str, list[tuple[str, str]]]) -> str:
    data = {
        "id": cid,
        "kind": "concept",
        "category": "model",
        "sources": [{"title": "A source", "publisher": "A publisher", "date": "2024-01-01"}],
        "locales": {
            code: {"terms": [{"text": t, "type": "fullForm", "status": s} for t, s in items], "definition": DEFINITION[code]} for code, items in terms.items()
        },
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def options(**extra: object) -> dict[str, object]:
    return {**VOCABULARY, "locales": LOCALES, "source_locale": "en", **extra}


def project(root: Path, **extra: object) -> Settings:
    """The glossary in ``root/content`` and its settings (``extra``: more glossary options)."""
    content = root / "content" / "concepts"
    content.mkdir(parents=True, exist_ok=True)
    for cid, terms in TERMS.items():
        (content / f"{cid}.yaml").write_text(entry(cid, terms), encoding="utf-8")
    return settings_from_options(root, {**options(**extra), "content_dir": "content"})


def mkdocs_yml(**extra: object) -> str:
    """mkdocs.yml for the same glossary, for tests of the command line."""
    block = {**options(**extra), "content_dir": "content"}
    return yaml.safe_dump({"site_name": "t", "docs_dir": "content", "plugins": [{"glossary": block}]}, allow_unicode=True, sort_keys=False)


def check_files(
    root: Path,
    files: dict[str, str | bytes],
    settings: Settings | None = None,
    *,
    language: str | None = None,
    source_language: str | None = None,
    admitted: bool = False,
) -> list[Problem]:
    """Write ``files`` under ``root/docs`` and check them; problems with paths relative to ``docs``."""
    settings = settings or project(root)
    docs = root / "docs"
    for name, text in files.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    here = os.getcwd()
    os.chdir(docs)
    try:
        return run_check(settings, [Path(name) for name in files], CheckOptions(language, source_language, admitted)).problems
    finally:
        os.chdir(here)


def where(problems: list[Problem], rule: str | None = None) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.rule) for p in problems if rule is None or p.rule == rule]
