"""The allow-list: what an untrusted build reads from ``mkdocs.yml`` and of which type; anything else is refused."""

from __future__ import annotations

from glossary_tool.core.config import LOCALE_CODE
from glossary_tool.core.trust.specs import Either, Fields, Flag, GlossaryBlock, Keys, Named, Number, OneOf, Pattern, Seq, Text, Url

LEVEL = OneOf("warn", "info", "ignore")
ICON = Pattern(r"^[a-z0-9]+(?:[/-][a-z0-9]+)*$", "an icon name such as material/translate")
COLOR = Pattern(r"^[a-z]+(?: [a-z]+)?$", "a colour name such as indigo or deep purple")
IMAGE = Pattern(
    r"^(?!.*(?:^|/)\.\.(?:/|$))[A-Za-z0-9_][A-Za-z0-9_./-]*\.(?:png|ico|svg|jpg|jpeg|gif|webp)$",
    "a relative path to an image (such as assets/images/favicon.png)",
)
FOLDER = Pattern(r"^(?!.*(?:^|/)\.\.(?:/|$))[A-Za-z0-9_][A-Za-z0-9_./-]*$", "a relative path such as content or site")
LANGUAGE = Pattern(LOCALE_CODE.pattern, "a language tag such as en or pt-BR")
FONT = Pattern(r"^[A-Za-z0-9 ]+$", "a font name")
SCHEME = Fields(
    {
        "media": Pattern(r"^\(prefers-color-scheme(?:: (?:light|dark))?\)$", "a colour-scheme media query such as (prefers-color-scheme: dark)"),
        "scheme": Pattern(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", "a colour scheme name such as default or slate"),
        "primary": COLOR,
        "accent": COLOR,
        "toggle": Fields({"icon": ICON, "name": Text()}),
    }
)
FEATURES = OneOf(
    "announce.dismiss",
    "content.code.annotate",
    "content.code.copy",
    "content.code.select",
    "content.tabs.link",
    "header.autohide",
    "navigation.expand",
    "navigation.footer",
    "navigation.indexes",
    "navigation.instant",
    "navigation.instant.prefetch",
    "navigation.instant.progress",
    "navigation.path",
    "navigation.prune",
    "navigation.sections",
    "navigation.tabs",
    "navigation.tabs.sticky",
    "navigation.top",
    "navigation.tracking",
    "search.highlight",
    "search.share",
    "search.suggest",
    "toc.follow",
    "toc.integrate",
    refused={
        "content.tooltips": "it turns title attributes, which hold contributor text, into HTML",
        "content.footnote.tooltips": "it turns footnotes into HTML tooltips",
        "navigation.instant.preview": "it shows other pages' HTML in tooltips",
    },
)
SEARCH = Fields({"lang": Either(LANGUAGE, Seq(LANGUAGE, 10)), "enabled": Flag()})
PLUGINS = Named(
    "plugins",
    {"glossary": GlossaryBlock(), "search": SEARCH, "material/search": SEARCH},
    refused={
        "material/privacy": "it downloads every external asset during the build, so the build reaches the network",
        "privacy": "it downloads every external asset during the build, so the build reaches the network",
        "material/projects": "it builds the nested mkdocs.yml files it finds, with their hooks and plugins",
        "projects": "it builds the nested mkdocs.yml files it finds, with their hooks and plugins",
        "material/social": "it downloads fonts and draws images during the build",
        "material/blog": "it reads and publishes files of the repository as posts",
        "material/meta": "it reads .meta.yml files of the repository into the pages",
        "material/info": "it zips the project and its environment into a report",
    },
    otherwise="a plugin runs Python code of its own; an untrusted build loads only glossary and search",
)
NO_OPTIONS = Fields({})
MARKDOWN = Named(
    "Markdown extensions",
    {
        **dict.fromkeys(("abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html", "sane_lists", "tables"), NO_OPTIONS),
        "toc": Fields({"permalink": Either(Flag(), Text(20)), "toc_depth": Number(1, 6)}),
    },
    refused={
        "pymdownx.snippets": "it pastes files of the machine into the Markdown",
        "pymdownx.emoji": "its options name Python functions through YAML tags",
    },
    otherwise="an extension is a Python module that MkDocs imports; an untrusted build allows only a fixed set of Python-Markdown's",
)

ALLOW_LIST = Fields(
    {
        "site_name": Text(),
        "site_description": Text(1000),
        "site_author": Text(),
        "site_url": Url(),
        "copyright": Text(),
        "repo_url": Url(),
        "repo_name": Text(),
        "edit_uri": FOLDER,
        "docs_dir": FOLDER,
        "site_dir": FOLDER,
        "strict": Flag(),
        "use_directory_urls": Flag(),
        "dev_addr": Pattern(r"^[A-Za-z0-9.:\[\]-]+:[0-9]{1,5}$", "HOST:PORT, such as 127.0.0.1:8000"),
        "validation": Fields(
            {
                "nav": Fields({"omitted_files": LEVEL, "not_found": LEVEL, "absolute_links": LEVEL}),
                "links": Fields(
                    {"not_found": LEVEL, "absolute_links": OneOf("warn", "info", "ignore", "relative_to_docs"), "unrecognized_links": LEVEL, "anchors": LEVEL}
                ),
            }
        ),
        "theme": Either(
            OneOf("material"),
            Fields(
                {
                    "name": OneOf("material"),
                    "language": LANGUAGE,
                    "direction": OneOf("ltr", "rtl"),
                    "features": Seq(FEATURES),
                    "palette": Either(SCHEME, Seq(SCHEME, 8)),
                    "font": Either(OneOf(False), Fields({"text": FONT, "code": FONT})),
                    "favicon": IMAGE,
                    "logo": IMAGE,
                    "icon": Keys(("logo", "repo", "alternate", "search", "close", "previous", "next", "top", "menu", "edit", "view", "share"), ICON),
                },
                refused={
                    "custom_dir": "its templates run as Jinja without a sandbox, which can call any Python code",
                    "static_templates": "it renders further templates into the site",
                },
            ),
        ),
        "plugins": PLUGINS,
        "markdown_extensions": MARKDOWN,
        "extra": Fields(
            {
                "generator": Flag(),
                "homepage": Url(),
                "social": Seq(Fields({"icon": ICON, "link": Url(), "name": Text()}), 20),
            },
            refused={
                "analytics": "it loads a third party's script on every page and sends it every reader's visits",
                "consent": "its texts are printed as HTML",
                "polyfills": "it loads scripts on every page",
                "scope": "it is written into a script",
                "alternate": "the glossary makes the language switch",
                "version": "it loads a version list from the site's host into every page",
                "status": "it is printed into attributes unescaped",
                "tags": "it is printed into attributes unescaped",
            },
        ),
    },
    refused={
        "hooks": "hooks run Python files of the repository during the build",
        "INHERIT": "it makes MkDocs read another file with PyYAML's unsafe loader",
        "extra_javascript": "it loads scripts, from any host, on every page",
        "extra_css": "it loads style sheets, from any host, on every page",
        "extra_templates": "it renders templates of the repository as unsandboxed Jinja",
        "nav": "the glossary makes the navigation",
        "watch": "it makes serve read folders outside the content folder",
        "exclude_docs": "the content folder holds entries only; nothing else in it is published",
        "not_in_nav": "the glossary makes the navigation",
        "draft_docs": "the content folder holds entries only; nothing else in it is published",
    },
)


def allow_list_table() -> str:
    """The allow-list as the Markdown table SECURITY.md quotes (a test keeps the two the same)."""
    lines = ["| option | allowed |", "| --- | --- |"]
    lines += [f"| `{path}` | {kind} |" for path, kind in ALLOW_LIST.rows("")]
    lines.append("| any other option | refused: not on the allow-list |")
    return "\n".join(lines) + "\n"
