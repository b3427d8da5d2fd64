"""``glossary-tool init``: a new glossary project that lints and builds as it is, in the languages asked for.

The example entries are about terminology itself, written out for the languages the package has catalogs for.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from glossary_tool.core.config import GlossaryOptions, build_settings, default_prefix, flatten
from glossary_tool.core.fileio import confine, reason
from glossary_tool.core.model import Concept
from glossary_tool.core.problems import FatalError
from glossary_tool.core.yamlio import concept_data, dump, prose

# Example text per language; other languages get TODO placeholders to write (which lint --strict and status report),
# and no labels of their own in mkdocs.yml (the pages show the source language's until they are added).
SITE = {"en": "Glossary", "sv": "Ordlista", "de": "Glossar", "fr": "Glossaire", "fi": "Sanasto", "nb": "Ordliste", "da": "Ordliste"}
DESCRIPTION = {
    "en": "A multilingual glossary: each concept with its terms in every language.",
    "sv": "En flerspråkig ordlista: varje begrepp med sina termer på alla språk.",
    "de": "Ein mehrsprachiges Glossar: jeder Begriff mit seinen Benennungen in allen Sprachen.",
    "fr": "Un glossaire multilingue : chaque notion avec ses termes dans toutes les langues.",
    "fi": "Monikielinen sanasto: jokainen käsite ja sen termit kaikilla kielillä.",
    "nb": "En flerspråklig ordliste: hvert begrep med sine termer på alle språk.",
    "da": "En flersproget ordliste: hvert begreb med sine termer på alle sprog.",
}
CATEGORIES = {
    "basics": {
        "en": "Basic notions",
        "sv": "Grundbegrepp",
        "de": "Grundbegriffe",
        "fr": "Notions de base",
        "fi": "Peruskäsitteet",
        "nb": "Grunnbegreper",
        "da": "Grundbegreber",
    },
    "practice": {
        "en": "Terminology work",
        "sv": "Terminologiarbete",
        "de": "Terminologiearbeit",
        "fr": "Travail terminologique",
        "fi": "Terminologiatyö",
        "nb": "Terminologiarbeid",
        "da": "Terminologiarbejde",
    },
}
CONTRAST = {
    "en": "Contrasted with",
    "sv": "Ställs mot",
    "de": "Im Gegensatz zu",
    "fr": "Par opposition à",
    "fi": "Vastakohta",
    "nb": "I motsetning til",
    "da": "I modsætning til",
}
# (term, part of speech, gender or None, definition)
TERM = {
    "en": ("term", None, "Word or group of words that names a general concept in a subject field."),
    "sv": ("term", "utrum", "Ord eller ordgrupp som benämner ett allmänbegrepp inom ett fackområde."),
    "de": ("Terminus", "masculine", "Wort oder Wortgruppe, das ein Allgemeinbegriff in einem Fachgebiet bezeichnet."),
    "fr": ("terme", "masculine", "Mot ou groupe de mots qui désigne une notion générale dans un domaine de spécialité."),
    "fi": ("termi", None, "Sana tai sanaryhmä, joka nimeää yleiskäsitteen jollakin erikoisalalla."),
    "nb": ("term", "masculine", "Ord eller ordgruppe som betegner et allmennbegrep innenfor et fagområde."),
    "da": ("term", "utrum", "Ord eller ordgruppe, der betegner et almenbegreb inden for et fagområde."),
}
CONCEPT = {
    "en": ("concept", None, "Mental representation of a class of objects, formed from the characteristics they share."),
    "sv": ("begrepp", "neutrum", "Mental föreställning om en klass av objekt, bildad av de kännetecken som objekten har gemensamt."),
    "de": ("Begriff", "masculine", "Gedankliche Vorstellung von einer Klasse von Gegenständen, die aus ihren gemeinsamen Merkmalen gebildet wird."),
    "fr": ("notion", "feminine", "Représentation mentale d’une classe d’objets, formée à partir des caractéristiques qu’ils partagent."),
    "fi": ("käsite", None, "Ajatuksellinen kuva joukosta kohteita, joka muodostuu niiden yhteisistä tunnusmerkeistä."),
    "nb": ("begrep", "neuter", "Mental forestilling om en klasse av objekter, dannet av kjennetegnene de har felles."),
    "da": ("begreb", "neutrum", "Mental forestilling om en klasse af objekter, dannet ud fra de kendetegn, de har til fælles."),
}
FAQ = {
    "en": (
        "How does a term differ from a concept?",
        "A concept is the idea itself; a term is the name one language gives it. "
        "A concept can have a term in every language, which is why the glossary keeps one entry per concept.",
    ),
    "sv": (
        "Hur skiljer sig en term från ett begrepp?",
        "Ett begrepp är själva tanken, medan en term är det namn som ett språk ger den. "
        "Ett begrepp kan ha en term på varje språk, och därför har ordlistan en post per begrepp.",
    ),
    "de": (
        "Worin unterscheidet sich ein Terminus von einem Begriff?",
        "Ein Begriff ist die Vorstellung selbst, ein Terminus der Name, den "
        "eine Sprache ihr gibt. Ein Begriff kann in jeder Sprache einen Terminus haben; deshalb hat das Glossar einen Eintrag pro Begriff.",
    ),
    "fr": (
        "Quelle différence y a-t-il entre un terme et une notion ?",
        "La notion est l’idée elle-même ; le terme est le nom qu’une langue "
        "lui donne. Une notion peut avoir un terme dans chaque langue : c’est pourquoi le glossaire consacre une fiche à chaque notion.",
    ),
    "fi": (
        "Miten termi eroaa käsitteestä?",
        "Käsite on itse ajatus, termi taas nimi, jonka kieli sille antaa. "
        "Käsitteellä voi olla termi jokaisella kielellä, ja siksi sanastossa on yksi artikkeli käsitettä kohden.",
    ),
    "nb": (
        "Hva er forskjellen på en term og et begrep?",
        "Et begrep er selve tanken, mens en term er navnet et språk gir den. "
        "Et begrep kan ha en term på hvert språk, og derfor har ordlisten én oppføring per begrep.",
    ),
    "da": (
        "Hvad er forskellen på en term og et begreb?",
        "Et begreb er selve tanken, mens en term er det navn, et sprog giver den. "
        "Et begreb kan have en term på hvert sprog, og derfor har ordlisten én post pr. begreb.",
    ),
}
COMPARISON = {
    "en": ("Term and concept", "What it is", "A name in one language", "An idea that every language can name"),
    "sv": ("Term och begrepp", "Vad det är", "Ett namn på ett språk", "En tanke som alla språk kan benämna"),
    "de": ("Terminus und Begriff", "Was es ist", "Ein Name in einer Sprache", "Eine Vorstellung, die jede Sprache benennen kann"),
    "fr": ("Terme et notion", "Nature", "Un nom dans une langue", "Une idée que chaque langue peut nommer"),
    "fi": ("Termi ja käsite", "Mikä se on", "Nimi yhdellä kielellä", "Ajatus, jonka jokainen kieli voi nimetä"),
    "nb": ("Term og begrep", "Hva det er", "Et navn på ett språk", "En tanke som alle språk kan gi navn"),
    "da": ("Term og begreb", "Hvad det er", "Et navn på ét sprog", "En tanke, som alle sprog kan navngive"),
}
SOURCE = {"title": "ISO 704:2022 Terminology work — Principles and methods", "publisher": "ISO"}

WORKFLOW = """\
# Lints the glossary, checks translation coverage and builds the site on every push and pull request; a push to the
# default branch also publishes the site on GitHub Pages (once: Settings → Pages → Source: GitHub Actions, and
# site_url in mkdocs.yml set to the Pages address, https://OWNER.github.io/REPOSITORY/).
# A pull request is untrusted: glossary-tool reads its mkdocs.yml by an allow-list of options and refuses the rest
# (hooks, plugins, templates, scripts, YAML tags). Only a push to the default branch builds with MkDocs' full freedom.
name: glossary
on: [push, pull_request]
permissions:
  contents: read
jobs:
  glossary:
    runs-on: ubuntu-latest
    env:
      GLOSSARY_TOOL_UNTRUSTED: ${{ !(github.event_name == 'push' && github.ref_name == github.event.repository.default_branch) }}
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # stale-translation messages show a word diff from the history
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      # The glossary-tool that wrote this project, pinned: change it here to upgrade. [check]: PO and XLIFF for check.
      - run: pip install "glossary-tool[check]{pin}"
      - run: glossary-tool schema --check
      - run: glossary-tool lint --format github --strict
        if: ${{ !cancelled() }}
      - run: glossary-tool status --min-coverage 100
        if: ${{ !cancelled() }}
      # The build cache (.glossary-cache/): pages whose inputs did not change are not rendered again. Only a push to
      # the default branch restores and saves it; an untrusted build would neither read nor write it.
      - uses: actions/cache@v4
        if: ${{ github.event_name == 'push' && github.ref_name == github.event.repository.default_branch }}
        with:
          path: .glossary-cache
          key: glossary-build-${{ runner.os }}-${{ github.sha }}
          restore-keys: glossary-build-${{ runner.os }}-
      - run: glossary-tool build
        if: ${{ !cancelled() }}
      - run: glossary-tool scan-site
      - name: Check the documentation against the glossary (deprecated terms, translations that miss a concept's terms)
        if: ${{ !cancelled() && hashFiles('docs/**') != '' }}
        run: glossary-tool check docs --format github
      - uses: actions/upload-pages-artifact@v3
        if: ${{ github.event_name == 'push' && github.ref_name == github.event.repository.default_branch }}
        with:
          path: site
  # Publishes the site/ folder the job above built. Any other static host serves that same folder as it is:
  # upload it (rsync, an S3 bucket, Netlify's or Cloudflare Pages' drop) in place of this job.
  deploy:
    needs: glossary
    if: ${{ github.event_name == 'push' && github.ref_name == github.event.repository.default_branch }}
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""


def install_requirement() -> str:
    """What the new project's workflow installs: this glossary-tool, pinned to where it came from.

    pip records a package installed from a URL (PEP 610's direct_url.json): a git URL is pinned to its commit and a
    wheel's address kept; a package from an index, or from a local folder or file, is pinned to its version."""
    from importlib import metadata

    from glossary_tool import __version__

    try:
        text = metadata.distribution("glossary-tool").read_text("direct_url.json")
        direct = json.loads(text) if text else {}
    except (metadata.PackageNotFoundError, ValueError):
        direct = {}
    url = direct.get("url") if isinstance(direct, dict) else None
    vcs = direct.get("vcs_info") if isinstance(direct, dict) else None
    if isinstance(url, str) and url.startswith("https://") and all(c not in url for c in '"\n#'):
        if isinstance(vcs, dict) and vcs.get("vcs") == "git" and isinstance(vcs.get("commit_id"), str):
            return f"glossary-tool[check] @ git+{url}@{vcs['commit_id']}"
        if "archive_info" in direct:
            return f"glossary-tool[check] @ {url}"
    return f"glossary-tool[check]=={__version__}"


PRE_COMMIT = """\
# Lints the glossary before each commit (pre-commit.com).
repos:
  - repo: local
    hooks:
      - id: glossary-lint
        name: glossary lint
        entry: glossary-tool lint --strict
        language: system
        files: ^(content/.*\\.ya?ml|mkdocs\\.yml)$
        pass_filenames: false
      - id: glossary-check
        name: glossary check
        entry: glossary-tool check
        language: system
        files: ^docs/.*\\.(md|markdown|txt|html?|po|pot|xlf|xliff)$
"""
README = """\
# {site}

A multilingual glossary in {languages}, kept as one YAML file per concept under `content/`
and published as a static site.

```sh
glossary-tool lint --strict     # check every entry
glossary-tool build             # build the site into site/
glossary-tool serve             # serve it with live reload on http://127.0.0.1:8000
glossary-tool new my-concept --category basics   # start a new concept
glossary-tool status            # what is translated, what is missing
```

The vocabulary (categories and relation types), the languages and the rule severities live in the
`glossary` block of `mkdocs.yml`. `glossary-tool rules` lists every rule; `glossary-tool schema --write`
refreshes `content/entry.schema.json` after the vocabulary changes.

## Publishing

Set `site_url` in `mkdocs.yml` to the address the site will have: canonical links, sitemaps, SKOS addresses and
"Cite this entry" are written with it (`glossary-tool build` warns while it is this machine's address).

- **GitHub Pages**: in the repository's Settings → Pages, choose *GitHub Actions* as the source. The workflow in
  `.github/workflows/glossary.yml` then builds the site on every push and deploys it from the default branch;
  `site_url` is `https://OWNER.github.io/REPOSITORY/`.
- **Any static host** (a web server, an S3 bucket, Netlify, Cloudflare Pages): run `glossary-tool build` and upload
  the `site/` folder as it is, e.g. `rsync -a --delete site/ host:/var/www/glossary/`. Every page is a plain file;
  the host needs no program of its own.
"""


def _example(table: dict[str, Any], code: str) -> Any:
    """The example text of ``code``'s language, or None when the package has none for it."""
    return table.get(code.split("-", maxsplit=1)[0])


def _labels(table: dict[str, str], locales: list[str]) -> dict[str, str]:
    """A label per language that has example text (at least the first's placeholder, as a label is required)."""
    out = {code: _example(table, code) for code in locales if _example(table, code)}
    return out or {locales[0]: f"TODO: {locales[0]} label"}


def _todo(code: str, what: str) -> str:
    return f"TODO: {code} {what}"


def _concept_block(code: str, table: dict[str, tuple[str, str | None, str]], concept_id: str) -> dict[str, Any]:
    example = _example(table, code)
    if example is None:
        return {
            "terms": [{"text": _todo(code, f"term for '{concept_id}'"), "type": "fullForm", "status": "preferred"}],
            "definition": _todo(code, f"definition of '{concept_id}', one sentence in your own words"),
        }
    text, gender, definition = example
    grammar: dict[str, str] = {"pos": "noun"}
    if gender:
        grammar["gender"] = gender
    return {"terms": [{"text": text, "type": "fullForm", "status": "preferred", "grammar": grammar}], "definition": definition}


def _faq(code: str) -> dict[str, str]:
    example = _example(FAQ, code)
    if example is None:
        return {"question": _todo(code, "question: how does a term differ from a concept?"), "answer": _todo(code, "answer")}
    return {"question": example[0], "answer": prose(example[1])}


def _comparison(code: str, part: int) -> str:
    example = _example(COMPARISON, code)
    return example[part] if example else _todo(code, ("title", "label of the row", "value for 'term'", "value for 'concept'")[part])


def _files(locales: list[str], source: str) -> dict[str, str]:
    options: dict[str, Any] = {
        "content_dir": "content",
        "source_locale": source,
        "locales": [
            {
                "code": code,
                "prefix": default_prefix(i, code),
                **({"site_name": _example(SITE, code), "site_description": _example(DESCRIPTION, code)} if _example(SITE, code) else {}),
            }
            for i, code in enumerate(locales)
        ],
        "categories": [{"id": cid, "label": _labels(labels, locales)} for cid, labels in CATEGORIES.items()],
        "relations": [{"id": "contrast", "label": _labels(CONTRAST, locales), "inverse": "contrast", "skos": "related"}],
    }
    site_name = next((_example(SITE, code) for code in locales if _example(SITE, code)), "TODO: the glossary's name")
    mkdocs = {
        "site_name": site_name,
        "site_url": "http://127.0.0.1:8000/",
        "docs_dir": "content",
        "site_dir": "site",
        "strict": True,
        "use_directory_urls": True,
        "validation": {"nav": {"omitted_files": "ignore"}},
        "theme": {"name": "material", "features": ["navigation.tabs", "navigation.top", "search.suggest", "search.highlight"]},
        "plugins": [{"glossary": options}, "search"],
        "extra": {"generator": False},
    }
    header = (
        "# The site and the glossary: languages, categories, relation types and rule severities (glossary block).\n"
        "# site_url: where the site is published (its canonical links, sitemaps, SKOS addresses and citations use it);\n"
        "# 'glossary-tool build' warns while it is this machine's address.\n"
    )
    files = {"mkdocs.yml": header + yaml.safe_dump(mkdocs, allow_unicode=True, sort_keys=False, width=100)}
    schema = "# yaml-language-server: $schema=../entry.schema.json\n"

    def entry(data: dict[str, Any]) -> str:
        # The round-trip writer's house style, so that 'translate' can edit these entries without reformatting them.
        return schema + dump(concept_data(Concept.model_validate(data)) if data["kind"] == "concept" else data)

    for cid, table, other in (("term", TERM, "concept"), ("concept", CONCEPT, "term")):
        files[f"content/concepts/{cid}.yaml"] = entry(
            {
                "id": cid,
                "kind": "concept",
                "category": "basics",
                "relations": {"contrast": [other]},
                "sources": [SOURCE],
                "locales": {code: _concept_block(code, table, cid) for code in locales},
            }
        )
    files["content/faq/faq-term-and-concept.yaml"] = entry(
        {"id": "faq-term-and-concept", "kind": "faq", "concepts": ["term", "concept"], "sources": [SOURCE], "locales": {code: _faq(code) for code in locales}}
    )
    files["content/comparisons/term-vs-concept.yaml"] = entry(
        {
            "id": "term-vs-concept",
            "kind": "comparison",
            "concepts": ["term", "concept"],
            "sources": [SOURCE],
            "locales": {code: {"title": _comparison(code, 0)} for code in locales},
            "dimensions": [
                {
                    "id": "nature",
                    "label": {code: _comparison(code, 1) for code in locales},
                    "values": {"term": {code: _comparison(code, 2) for code in locales}, "concept": {code: _comparison(code, 3) for code in locales}},
                }
            ],
        }
    )
    files[".github/workflows/glossary.yml"] = WORKFLOW.replace("glossary-tool[check]{pin}", install_requirement())
    files[".pre-commit-config.yaml"] = PRE_COMMIT
    files["README.md"] = README.format(site=site_name, languages=", ".join(locales))
    files[".gitignore"] = "site/\n.venv/\n.glossary-cache/\n"
    return files


def placeholder_locales(locales: list[str]) -> list[str]:
    """The languages ``init`` has no example text for: their blocks are TODO placeholders to write."""
    return [code for code in locales if _example(TERM, code) is None]


def init_project(target: Path, locales: list[str], source_locale: str) -> list[Path]:
    """Write a new project into ``target`` (which must not exist or be empty); all files or none."""
    locales, source_locale = _normalized(locales, source_locale)
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise FatalError(f"{target}: exists and is not a folder")
    if target.is_dir() and any(target.iterdir()):
        raise FatalError(f"{target}: is not empty; init writes only into a new or empty folder")
    files = _files(locales, source_locale)
    # The new project is the folder named, at its real path: every file is made in a new private folder beside it,
    # which nothing else can have put a link in, and renamed into place when all are written.
    real = confine(target, None, folder=True)
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{real.name}.init-", dir=real.parent))
    except OSError as exc:
        raise FatalError(f"{target}: cannot create the project: {reason(exc)}; nothing was written") from None
    try:
        _write_staged(staging, files)
        _move_into_place(staging, real)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise FatalError(f"{target}: cannot write the project: {reason(exc)}; nothing was written") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(target / name for name in [*files, "content/entry.schema.json"])


def _normalized(locales: list[str], source_locale: str) -> tuple[list[str], str]:
    """The tags as the configuration keeps them (EN → en, zh-hans → zh-Hans), in every file written; bad ones are fatal."""
    if not locales:
        raise FatalError("--locales needs at least one language tag, e.g. --locales en,sv")
    options = GlossaryOptions()
    options.load_dict({"locales": [{"code": c} for c in locales], "source_locale": source_locale})
    errors = flatten(options.validate()[0])
    if errors:
        raise FatalError("; ".join(f"{'.'.join(str(p) for p in path)}: {msg}" for path, msg in errors))
    codes = [loc["code"] for loc in options["locales"]]
    return codes, options["source_locale"] or codes[0]


def _write_staged(staging: Path, files: Mapping[str, str]) -> None:
    """Every file of the new project, and the entry schema made from its configuration, into the staging folder."""
    from glossary_tool.core.model import json_schema

    for name, text in files.items():
        path = staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    settings = build_settings(staging, _validated(staging / "mkdocs.yml"))
    (staging / "content" / "entry.schema.json").write_text(json.dumps(json_schema(settings), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _move_into_place(staging: Path, real: Path) -> None:
    """Rename the staging folder to the project's name; an empty folder the user made there is put back on failure."""
    emptied = real.is_dir()
    if emptied:
        real.rmdir()  # empty, checked before: the rename needs the name free
    try:
        os.rename(staging, real)
    except OSError:
        if emptied:
            real.mkdir()
        raise


def _validated(config: Path) -> GlossaryOptions:
    from glossary_tool.core.config import plugin_options, read_config

    options = GlossaryOptions()
    options.load_dict(plugin_options(read_config(config)))
    errors = options.errors()
    if errors:  # the templates above are ours: this would be a bug, not a user error
        raise RuntimeError(f"init wrote an invalid mkdocs.yml: {errors}")
    return options
