"""Hostile contributor text through a real two-locale site build: nothing executes, nothing is evaluated, nothing is lost.

Payloads go into every contributor field; the built HTML and search indexes of both locales are checked with glossary_tool.site.scan.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import markdown
import pytest
from lxml import html as lxml_html
from security_helpers import new_project

from glossary_tool.core.problems import BuildFailed
from glossary_tool.site.build import build_project
from glossary_tool.site.render.text import LinkTarget, TermMatcher, link_terms, render_markdown
from glossary_tool.site.scan import scan_fragment, scan_site

JINJA_SUM = "{{ 1234 * 10001 }}"  # would print 12341234 if any template engine evaluated it
PAYLOADS: dict[str, str] = {
    "script": "<script>alert('script')</script>",
    "img": "<img src=x onerror=alert('img')>",
    "svg": "<svg onload=alert('svg')><circle r=1 /></svg>",
    "iframe": "<iframe src=\"javascript:alert('iframe')\"></iframe>",
    "style": "<style>body{background:url(javascript:alert('style'))}</style>",
    "style-attr": "<span style=\"background:url(javascript:alert('css'))\">styled</span>",
    "html-link": "<a href=\"javascript:alert('a')\">html link</a>",
    "js-link": "[js link](javascript:alert('js'))",
    "js-case": "[case link](JaVaScRiPt:alert('case'))",
    "js-space": "[space link]( javascript:alert('space'))",
    "data-link": "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "vbscript": "[vb link](vbscript:msgbox('vb'))",
    "tab-entity": "[tab link](jav&#x09;ascript:alert('tab'))",
    "decimal-entity": "[entity link](&#106;avascript:alert('entity'))",
    "colon-entity": "[colon link](javascript&colon;alert('colon'))",
    "autolink": "<javascript:alert('autolink')>",
    "ref-link": "[ref link][r]\n\n[r]: javascript:alert('ref')",
    "image": "![image](javascript:alert('image'))",
    "xlink": "<svg><a xlink:href=\"javascript:alert('xlink')\">x</a></svg>",
    "form": "<form action=\"javascript:alert('form')\"><button formaction=\"javascript:alert('fa')\">go</button></form>",
    "srcset": "<img srcset=\"javascript:alert('srcset') 1x\">",
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(\'meta\')">',
    "attr-list": "A paragraph with attributes\n{: onclick=\"alert('attr')\" }",
    "attr-list-inline": "[attr link](https://example.org){: onclick=\"alert('attr2')\" }",
    "md-in-html": '<div markdown="1">*markdown in html*</div>',
    "snippet": '--8<-- "/etc/passwd"',
    "jinja-config": "{{ config }}",
    "jinja-include": '{% include "main.html" %}',
    "jinja-sum": JINJA_SUM,
    "comment": "<!-- --><script>alert('comment')</script>",
    "jsonld-breakout": "</script><script>alert('jsonld')</script>",
}
PROSE = "\n\n".join(PAYLOADS.values())
LONG_TERM = "long-" + "z" * 490  # near the model's 500-character cap; once overflowed the term matcher's stack
BENIGN_FIRST = "A hostile entry made for the security tests. "  # the first sentence becomes the meta description


def _term(text: str, status: str = "admitted") -> dict[str, str]:
    return {"text": text, "type": "variant", "status": status}


def _concept_locale(lang: str) -> dict[str, Any]:
    # The preferred (title) term is benign here; hostile titles are tested in their own project below.
    return {
        "terms": [
            _term(f"hostile entry {lang}", "preferred"),
            *(_term(f"{p} {lang}") for p in PAYLOADS.values() if "\n" not in p),
            _term(LONG_TERM + f" {lang}"),
        ],  # every term feeds the build's term matcher
        "definition": BENIGN_FIRST + PROSE,
        "examples": list(PAYLOADS.values()),
        "notes": list(PAYLOADS.values()),
    }


def _sources() -> list[dict[str, str]]:
    return [{"title": p, "publisher": p} for p in PAYLOADS.values() if len(p) <= 500] + [
        {"title": "A safe link", "url": "https://example.org/javascript:alert(1)"}
    ]


PROSE_ENTRIES: dict[str, dict[str, Any]] = {
    "hostile.yaml": {
        "id": "hostile",
        "kind": "concept",
        "category": "notion",
        "sources": _sources(),
        "locales": {"en": _concept_locale("en"), "sv": _concept_locale("sv")},
    },
    "faq-hostile.yaml": {
        "id": "faq-hostile",
        "kind": "faq",
        "concepts": ["hostile", "kpo"],
        "sources": _sources(),
        "locales": {lang: {"question": f"What about {PAYLOADS['script']} in {lang}?", "answer": PROSE} for lang in ("en", "sv")},
    },
    "hostile-vs-kpo.yaml": {
        "id": "hostile-vs-kpo",
        "kind": "comparison",
        "concepts": ["hostile", "kpo"],
        "sources": _sources(),
        "locales": {lang: {"title": f"Hostile versus KPO ({lang})", "intro": PROSE} for lang in ("en", "sv")},
        "dimensions": [
            {
                "id": f"d-{name}",
                "label": {"en": payload[:500], "sv": payload[:500]},
                "values": {"hostile": {"en": payload, "sv": payload}, "kpo": {"en": payload, "sv": payload}},
            }
            for name, payload in PAYLOADS.items()
        ],
    },
}


@pytest.fixture(scope="module")
def prose_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = new_project(tmp_path_factory.mktemp("prose"), PROSE_ENTRIES)
    build_project(project / "mkdocs.yml", project / "site")
    return project / "site"


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _all_output(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in [*_pages(site), *site.rglob("search_index.json")])


def test_hostile_pages_exist_in_both_locales(prose_site: Path) -> None:
    for prefix in ("", "sv/"):
        for page in ("terms/hostile", "faq", "compare/hostile-vs-kpo", "index-a-z"):
            assert (prose_site / prefix / page / "index.html").is_file(), prefix + page


def test_scan_finds_nothing_in_the_built_site(prose_site: Path) -> None:
    findings = scan_site(prose_site)
    assert findings == [], "\n".join(map(str, findings[:20]))


def test_payload_text_survives_as_visible_text(prose_site: Path) -> None:
    # Inert is not the same as deleted: a reader sees what the contributor wrote.
    for prefix in ("", "sv/"):
        page = lxml_html.fromstring((prose_site / prefix / "terms/hostile/index.html").read_bytes())
        definition = page.find_class("glossary-definition")[0].text_content()
        for name in ("script", "img", "svg", "iframe", "style", "html-link", "meta-refresh", "jinja-config", "jinja-include", "jinja-sum"):
            assert PAYLOADS[name] in definition, name
        assert "js link" in definition and "data link" in definition  # the link text stays, only the href goes
        faq = lxml_html.fromstring((prose_site / prefix / "faq/index.html").read_bytes()).text_content()
        assert PAYLOADS["script"] in faq and PAYLOADS["jinja-config"] in faq


def test_no_javascript_or_data_href_survives_anywhere(prose_site: Path) -> None:
    for page in _pages(prose_site):
        tree = lxml_html.fromstring(page.read_bytes())
        for el in tree.iter():
            for attr in ("href", "src", "action", "formaction"):
                value = re.sub(r"[\x00-\x20]", "", el.get(attr) or "").lower()  # lxml has decoded entities, as a browser does
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (page, attr, value)


def test_snippets_do_not_include_files(prose_site: Path) -> None:
    passwd = Path("/etc/passwd")
    first = passwd.read_text(encoding="utf-8").splitlines()[0] if passwd.is_file() else "root:x:0:0:"
    out = _all_output(prose_site)
    assert first not in out and "root:x:0:0" not in out
    assert "--8&lt;-- &quot;/etc/passwd&quot;" in out or '--8&lt;-- "/etc/passwd"' in out


def test_jinja_in_content_is_never_evaluated(prose_site: Path) -> None:
    out = _all_output(prose_site)
    assert "12341234" not in out
    assert "{{ config }}" in out and '{% include "main.html" %}' in out.replace("&quot;", '"')
    # What {{ config }} would print: the MkDocs config mapping and its keys.
    for leak in ("'site_dir'", "'docs_dir'", "markdown_extensions", str(prose_site.parent)):
        body = "\n".join(p.read_text(encoding="utf-8").split('<div class="md-content"', 1)[-1] for p in _pages(prose_site))
        assert leak not in body, leak


def test_attr_list_and_md_in_html_stay_text(prose_site: Path) -> None:
    page = (prose_site / "terms/hostile/index.html").read_text(encoding="utf-8")
    assert "{: onclick=&quot;alert(&#x27;attr&#x27;)&quot; }" in page or "{: onclick=\"alert('attr')\" }" in page
    tree = lxml_html.fromstring(page.encode("utf-8"))
    assert not [el for el in tree.iter() if isinstance(el.tag, str) and (el.get("markdown") is not None or el.get("onclick"))]
    assert '&lt;div markdown="1"&gt;' in page  # the tag is shown as text, so no Markdown-in-HTML block exists


def test_jsonld_stays_closed_and_complete(prose_site: Path) -> None:
    for prefix in ("", "sv/"):
        page = (prose_site / prefix / "terms/hostile/index.html").read_text(encoding="utf-8")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        assert len(blocks) == 1
        data = json.loads(blocks[0])
        lang = prefix.strip("/") or "en"
        assert f"{PAYLOADS['jsonld-breakout']} {lang}" in data["alternateName"]  # the text is kept, just encoded
        assert "<" not in blocks[0]


def test_a_temp_file_of_an_interrupted_write_stops_the_build_and_is_not_published(tmp_path: Path) -> None:
    # A temp file left by a killed atomic_write (see test_security_fileio.py) is reported, so nothing is built.
    project = new_project(tmp_path / "p", {})
    (project / "content" / ".kpo.yaml.x1y2z3.tmp").write_text(PROSE, encoding="utf-8")
    with pytest.raises(BuildFailed, match=r"content/\.kpo\.yaml\.x1y2z3\.tmp:1:1: error: a temporary file left by an interrupted write"):
        build_project(project / "mkdocs.yml", project / "site")
    assert not (project / "site").exists()


def test_long_and_prefix_nested_terms_do_not_overflow_the_stack() -> None:
    # Terms "a", "aa", … up to 500 characters nest the matcher's trie 500 deep; the build must still link them.
    matcher = TermMatcher([LinkTarget("a" * n, f"../a{n}/", "t") for n in range(1, 501)])
    html_out = link_terms("<p>" + "a" * 499 + " and " + "a" * 70 + "</p>", matcher)
    assert 'href="../a499/"' in html_out and 'href="../a70/"' in html_out


def test_escaping_alone_is_not_enough() -> None:
    # html.escape leaves a Markdown link untouched, and Markdown turns it into a live javascript: link.
    link = "[x](javascript:alert(1))"
    escaped_only = markdown.markdown(html.escape(link, quote=False))
    assert 'href="javascript:alert(1)"' in escaped_only
    assert [f.kind for f in scan_fragment(escaped_only)] == ["url"]
    real = render_markdown(link)
    assert "javascript" not in real and scan_fragment(real) == []
    assert lxml_html.fragment_fromstring(real, create_parent="div").text_content() == "x"


def test_source_urls_must_be_http(tmp_path: Path) -> None:
    from conftest import make_settings

    from glossary_tool.lint import run

    bad = dict(
        PROSE_ENTRIES["hostile.yaml"],
        sources=[{"title": "t", "url": u} for u in ("javascript:alert(1)", "data:text/html,x", 'https://example.org/"onmouseover=alert(1)')],
    )
    new_project(tmp_path / "p", {"hostile.yaml": bad}, fixtures=False)
    result = run(make_settings(tmp_path / "p" / "content"))
    flagged = {p.line for p in result.problems if p.rule == "schema" and "url" in p.message}
    assert len(flagged) == 3, result.problems


# --- Hostile titles: page titles go through Material's templates, which MkDocs renders without autoescaping.

TITLES = {
    "fm": "---\ntitle: <script>alert('fm')</script>\n---",
    "quote": "\"\n<script>alert('quote')</script>",
    "close": "</title><script>alert('close')</script>",
    "striptags": "&lt;/title&gt;&lt;script&gt;alert('striptags')&lt;/script&gt;",
    "img": "<img src=x onerror=alert('title')>",
}
DESCRIPTION = "Contractors \"><script>alert('description')</script> do the work."


def _title_concept(cid: str, title: str) -> dict[str, Any]:
    return {
        "id": cid,
        "kind": "concept",
        "category": "notion",
        "sources": [{"title": "s"}],
        "locales": {lang: {"terms": [_term(f"{title} {lang}", "preferred")], "definition": DESCRIPTION} for lang in ("en", "sv")},
    }


TITLE_ENTRIES: dict[str, dict[str, Any]] = {
    **{f"t-{key}.yaml": _title_concept(f"t-{key}", title) for key, title in TITLES.items()},
    "t-cmp.yaml": {
        "id": "t-cmp",
        "kind": "comparison",
        "concepts": ["t-img", "kpo"],
        "sources": [{"title": "s"}],
        "locales": {lang: {"title": f"{TITLES['img']} ({lang})"} for lang in ("en", "sv")},
        "dimensions": [{"id": "d", "label": {"en": "d", "sv": "d"}, "values": {"t-img": {"en": "x", "sv": "x"}, "kpo": {"en": "x", "sv": "x"}}}],
    },
}


@pytest.fixture(scope="module")
def title_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = new_project(tmp_path_factory.mktemp("titles"), TITLE_ENTRIES)
    build_project(project / "mkdocs.yml", project / "site")
    return project / "site"


def test_hostile_titles_are_escaped_in_h1_and_jsonld(title_site: Path) -> None:
    for key, title in TITLES.items():
        for prefix, lang in (("", "en"), ("sv/", "sv")):
            raw = (title_site / prefix / f"terms/t-{key}/index.html").read_text(encoding="utf-8")
            tree = lxml_html.fromstring(raw.encode("utf-8"))
            assert tree.get_element_by_id(f"t-{key}").text_content() == f"{title} {lang}"
            found = re.search(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S)
            assert found is not None
            ld = json.loads(found.group(1))
            assert ld["name"] == f"{title} {lang}"


def test_hostile_titles_are_escaped_in_the_title_element(title_site: Path) -> None:
    for key, title in TITLES.items():
        for prefix, lang in (("", "en"), ("sv/", "sv")):
            tree = lxml_html.fromstring((title_site / prefix / f"terms/t-{key}/index.html").read_bytes())
            # Browsers collapse whitespace in <title>; what matters is that every character is text.
            assert " ".join(tree.findtext(".//title").split()).startswith(" ".join(f"{title} {lang} - ".split()) + " "), key


def test_hostile_meta_description_stays_in_its_attribute(title_site: Path) -> None:
    tree = lxml_html.fromstring((title_site / "terms/t-img/index.html").read_bytes())
    assert tree.find(".//meta[@name='description']").get("content") == DESCRIPTION


def test_scan_finds_nothing_with_hostile_titles(title_site: Path) -> None:
    findings = scan_site(title_site)
    assert findings == [], "\n".join(map(str, findings[:20]))


def test_short_definition_in_search_results_stays_text(title_site: Path) -> None:
    # The search box writes a result's title and text as text nodes (textContent), never as HTML; the index
    # keeps the contributor's characters as they are.
    import glob

    texts = [d for f in glob.glob(str(title_site / "search/*/d/*.json")) for d in json.loads(Path(f).read_text(encoding="utf-8"))["docs"]]
    doc = next(d for d in texts if d[0] == "terms/t-img/")
    assert doc[2], doc
    script = (Path(__file__).resolve().parents[2] / "glossary_tool/site/overrides/assets/javascripts/glossary-search.js").read_text(encoding="utf-8")
    assert 'innerHTML = ""' in script and ".innerHTML =" not in script.replace('innerHTML = ""', "")
