"""The built-site scanner itself: it flags every kind of live markup, and passes Material's own page furniture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary_tool.site.scan import dangerous_url, material_inline_scripts, scan_fragment, scan_html, scan_search_index


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head><title>t</title>{head}</head><body>{body}</body></html>"


FLAGGED = [
    ("<script>alert(1)</script>", "script"),
    ("<SCRIPT>alert(1)</SCRIPT>", "script"),
    ('<script src="https://evil.example/x.js"></script>', "script"),
    ('<script src="//evil.example/assets/javascripts/x.js"></script>', "script"),
    ('<script src="../assets/javascripts/bundle.js">alert(1)</script>', "script"),
    ('<script type="module">import("x")</script>', "script"),
    ('<script type="application/json">{}</script>', "script"),
    ('<script type="application/ld+json">{"name": "x</script><script>alert(1)</script>', "jsonld"),
    ('<script type="application/ld+json">{"name": "<!--"}</script>', "jsonld"),
    ("<img src=x onerror=alert(1)>", "event-handler"),
    ("<svg onload=alert(1)></svg>", "event-handler"),
    ('<p ONMOUSEOVER="alert(1)">x</p>', "event-handler"),
    ('<a href="javascript:alert(1)">x</a>', "url"),
    ('<a href=" JaVaScRiPt:alert(1)">x</a>', "url"),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', "url"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "url"),
    ('<a href="&#x6A;avascript&colon;alert(1)">x</a>', "url"),
    ('<a href="java&Tab;script:alert(1)">x</a>', "url"),
    ('<a href="&#1;&#32;javascript:alert(1)">x</a>', "url"),
    ('<a href="java\nscript:alert(1)">x</a>', "url"),
    ('<img src="data:text/html;base64,PHNjcmlwdD4=">', "url"),
    ('<form action="vbscript:msgbox(1)"></form>', "url"),
    ('<button formaction="javascript:alert(1)">x</button>', "url"),
    ('<svg><a xlink:href="javascript:alert(1)">x</a></svg>', "url"),
    ('<img srcset="a.png 1x, javascript:alert(1) 2x">', "url"),
    ('<video poster="javascript:alert(1)"></video>', "url"),
    ('<span style="background:url(javascript:alert(1))">x</span>', "style"),
    ("<span style=\"background:url('\\6a avascript:alert(1)')\">x</span>", "style"),
    ('<span style="width:expression(alert(1))">x</span>', "style"),
    ("<style>body{background:url(data:image/svg+xml;base64,PHN2Zz4=)}</style>", "style"),
    ('<style>@import "javascript:alert(1)";</style>', "style"),
    ('<iframe src="https://example.org"></iframe>', "active-element"),
    ('<object data="x.swf"></object>', "active-element"),
    ('<embed src="x.swf">', "active-element"),
    ('<base href="https://evil.example/">', "active-element"),
    ('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', "url"),
    ('<svg><animate attributeName="href" to="javascript:alert(1)"/></svg>', "url"),
    # Parser differentials: libxml2 hides these, browsers run them.
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "parser-disagreement"),
    ("<svg><style><img src=x onerror=alert(1)></style></svg>", "parser-disagreement"),
    ("<textarea><script>alert(1)</script></textarea>", "parser-disagreement"),
]


@pytest.mark.parametrize(("body", "kind"), FLAGGED)
def test_flags(body: str, kind: str) -> None:
    kinds = [f.kind for f in scan_html(page(body))]
    assert kind in kinds, kinds


SAFE = [
    '<a href="https://example.org/a?b=1&amp;c=2">x</a>',
    '<a href="../terms/kpo/" title="on the move">x</a>',
    '<a href="mailto:a@example.org">x</a>',
    '<a href="#top">x</a>',
    '<a href="&amp;#106;avascript:alert(1)">x</a>',  # a browser sees the literal text "&#106;avascript:", a relative URL
    "<p>javascript:alert(1) &lt;script&gt;alert(1)&lt;/script&gt; &lt;img onerror=x&gt;</p>",
    '<div data-md-component="x" data-concept="kpo">x</div>',
    '<script type="application/ld+json">{"name": "\\u003c/script\\u003e"}</script>',
    '<script id="__config" type="application/json">{"features": []}</script>',
    '<script src="../../assets/javascripts/bundle.a5f9d56c.min.js"></script>',
    '<svg viewBox="0 0 24 24"><path d="M1 1h2"/></svg>',
    '<span style="color: red">x</span>',
    '<p title="a onboard= b &lt;img src=x onerror=alert(1)&gt;">x</p>',  # handler-like text inside a quoted value
]


@pytest.mark.parametrize("body", SAFE)
def test_passes(body: str) -> None:
    assert scan_html(page(body)) == []


def test_material_inline_scripts_pass_and_changed_ones_do_not() -> None:
    patterns = material_inline_scripts()
    assert len(patterns) >= 3, "Material's partials/javascripts templates were not found"
    scope = '<script>__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}</script>'
    assert scan_html(page("", scope)) == []
    # The same script with a value that leaves its string is not Material's any more.
    hijacked = scope.replace('"../.."', '"../..",alert(1),"')
    assert [f.kind for f in scan_html(page("", hijacked))] == ["script"]


def test_tooltips_feature_makes_title_attributes_html() -> None:
    config = '<script id="__config" type="application/json">{"features": ["content.tooltips"]}</script>'
    body = '<a href="x" title="&lt;img src=x onerror=alert(1)&gt;">x</a>'
    assert scan_html(page(body)) == []
    assert [f.kind for f in scan_html(page(body + config))] == ["event-handler"]


def test_search_index_is_scanned_as_html(tmp_path: Path) -> None:
    index = tmp_path / "search_index.json"
    index.write_text(
        json.dumps(
            {
                "docs": [
                    {"location": "a/", "title": "&lt;img src=x onerror=alert(1)&gt;", "text": "<p>fine</p>"},
                    {"location": "b/", "title": "<img src=x onerror=alert(1)>", "text": ""},
                ]
            }
        ),
        encoding="utf-8",
    )
    findings = scan_search_index(index, "search/search_index.json")
    assert [(f.kind, "b/ title" in f.path) for f in findings] == [("event-handler", True)]


def test_fragment_and_url_helpers() -> None:
    assert scan_fragment("plain text only") == []
    assert [f.kind for f in scan_fragment('<a href="javascript:x">y</a>')] == ["url"]
    assert dangerous_url("\x00 DATA:text/html,x") == "data:"
    assert dangerous_url("https://example.org/javascript:") is None


# ---- every file of a built site, not only its HTML pages ----

SITE_FILES: dict[str, tuple[bytes, list[str]]] = {  # path → (content, kinds of finding expected)
    "index.html": (page("fine").encode(), []),
    "pic.svg": (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="1"/></svg>', ["event-handler"]),
    "script.svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', ["script"]),
    "link.svg": (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)">x</a></svg>',
        ["url"],
    ),
    "anim.svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="onmouseover" to="alert(1)"/></svg>', ["event-handler"]),
    "cdata.svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><style><![CDATA[<script>]]></style></svg>', ["parser-disagreement"]),
    "page.xhtml": (b'<html xmlns="http://www.w3.org/1999/xhtml"><body onload="alert(1)">x</body></html>', ["event-handler", "event-handler"]),
    "old.htm": (b"<p><img src=x onerror=alert(1)></p>", ["event-handler"]),
    "feed.xml": (b'<?xml-stylesheet type="text/xsl" href="x.xsl"?><feed/>', ["active-element"]),
    "sitemap.xml": (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://e.org/</loc></url></urlset>', []),
    "style.css": (
        b'a{background:url(javascript:alert(1))} b{mask:url("data:image/svg+xml;charset=utf-8,<svg/>")}',
        ["style", "style"],
    ),  # the url, and javascript: as text
    "assets/javascripts/app.js": (b"console.log(1)", []),
    "evil.js": (b"alert(1)", ["script"]),
    "notes.md": (b"# Title\n<script>alert(1)</script>\n", ["unexpected-markup"]),
    "readme.txt": (b"plain text, x < y", []),
    "data.json": (b'{"a": "<script>"}', []),
    "logo.png": (b"\x89PNG\r\n\x1a\n", []),
}


def test_scan_site_checks_svg_xhtml_css_scripts_and_other_text(tmp_path: Path) -> None:
    import gzip

    from glossary_tool.site.scan import scan_site

    for name, (data, _) in SITE_FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(SITE_FILES["pic.svg"][0].replace(b"<svg", b"<svg", 1)))
    (tmp_path / "linked").symlink_to("/etc")
    found: dict[str, list[str]] = {}
    for f in scan_site(tmp_path):
        found.setdefault(f.path, []).append(f.kind)
    expected = {name: kinds for name, (_, kinds) in SITE_FILES.items() if kinds} | {"sitemap.xml.gz": ["event-handler"], "linked": ["link"]}
    assert {k: sorted(v) for k, v in found.items()} == {k: sorted(v) for k, v in expected.items()}


def test_scan_site_command_prints_paths_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import mkdocs_yml

    from glossary_tool.cli import main

    (tmp_path / "mkdocs.yml").write_text(mkdocs_yml(), encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "x\n::error::\x1b[2J.svg").write_bytes(SITE_FILES["pic.svg"][0])
    monkeypatch.chdir(tmp_path)
    assert main(["scan-site"]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "x\\n::error::\\u001b[2J.svg:1: event-handler:" in out
    assert not [line for line in out.splitlines() if line.startswith("::")]
