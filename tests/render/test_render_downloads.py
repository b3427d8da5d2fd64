"""Downloads: every export made through run_export, listed on a localized page with its size; no placeholders."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, concept, valid_glossary
from lxml import html as lxml_html
from render_helpers import SETTINGS, render

from glossary_tool.core.model import Glossary
from glossary_tool.lint import run
from glossary_tool.site.render.context import Download, RenderContext
from glossary_tool.site.render.downloads import export_files, size_label


def files(tmp_path: Path | None = None, extra: dict[str, str] | None = None) -> dict[str, tuple[Download, bytes]]:
    if tmp_path is not None:
        glossary, settings = valid_glossary(tmp_path, extra)
    else:
        glossary, settings = run(SETTINGS, [FIXTURES / "valid"]).glossary, SETTINGS
    return {d.file: (d, data) for d, data in export_files(glossary, dataclasses.replace(settings, site_url="http://h/"))}


def test_the_pair_csvs_are_the_configured_pairs() -> None:
    from glossary_tool.core.config import Locale

    glossary = run(SETTINGS, [FIXTURES / "valid"]).glossary
    three = (*SETTINGS.locales, Locale("de", "Deutsch", "de/", None, None, None))
    for pairs, expected in (("source", ["en-sv", "en-de", "sv-en", "de-en"]), ((("de", "sv"),), ["de-sv"])):
        settings = dataclasses.replace(SETTINGS, locales=three, pairs=pairs, site_url="http://h/")
        names = [d.file for d, _ in export_files(glossary, settings) if d.fmt == "csv-pair"]
        assert names == [f"glossary-{slug}.csv" for slug in expected]


def test_every_format_and_every_pair_is_exported_with_its_real_size() -> None:
    out = files()
    assert list(out) == ["glossary.tbx", "glossary.csv", "glossary.skos.jsonld", "glossary.json", "glossary-en-sv.csv", "glossary-sv-en.csv"]
    for d, data in out.values():
        assert d.size == len(data) > 100 and d.omitted == 0
    assert out["glossary.tbx"][1].startswith(b"<?xml")
    assert json.loads(out["glossary.skos.jsonld"][1])  # valid JSON-LD text
    assert out["glossary-en-sv.csv"][1].startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 by its byte-order mark
    pair = list(csv.reader(io.StringIO(out["glossary-en-sv.csv"][1].decode("utf-8-sig"))))
    assert pair[0][:2] == ["source", "target"] and pair[3][:2] == ["knowledge process outsourcing", "KPO"]
    assert out["glossary-en-sv.csv"][0].locales == ("en", "sv")


def test_no_export_contains_a_placeholder_and_the_page_says_how_many_were_left_out(tmp_path: Path) -> None:
    todo = concept("todo").replace("definition: En svensk definition.", "definition: 'TODO: översätt'")
    out = files(tmp_path, {"todo.yaml": todo})
    for d, data in out.values():
        assert b"TODO" not in data, d
    assert out["glossary.tbx"][0].omitted == 1
    downloads = [d for d, _ in out.values()]
    html = render("en", downloads=downloads)["downloads.md"].html
    assert "1 field that still holds a placeholder is left out." in html


def test_the_json_downloads_are_the_exports_without_white_space() -> None:
    from glossary_tool.exchange import run_export

    glossary = run(SETTINGS, [FIXTURES / "valid"]).glossary
    settings = dataclasses.replace(SETTINGS, site_url="http://h/")
    out = files()
    for fmt, name in (("json", "glossary.json"), ("skos", "glossary.skos.jsonld")):
        exported, published = run_export(glossary, settings, fmt).data, out[name][1]
        assert b"\n  " in exported and b"\n" not in published.rstrip(b"\n") and len(published) < len(exported)
        # the same document: the same values, keys in the same order, text as it was (not escaped to ASCII)
        assert list(json.loads(published).items()) == list(json.loads(exported).items())
        assert published.decode("utf-8") == json.dumps(json.loads(exported), ensure_ascii=False, separators=(",", ":")) + "\n"
    assert out["glossary.tbx"][1] == run_export(glossary, settings, "tbx").data  # the other formats as exported


def test_a_download_over_the_limit_is_published_zipped_holding_the_export_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary_tool.exchange import run_export
    from glossary_tool.site.render import downloads

    plain = files()
    tbx_size = plain["glossary.tbx"][0].size
    # Only the files above the limit are zipped: here the TBX (the largest) and nothing else.
    monkeypatch.setattr(downloads, "ZIP_OVER", tbx_size - 1)
    assert max(d.size for d, _ in plain.values() if d.file != "glossary.tbx") < tbx_size - 1
    out = files()
    assert list(out) == ["glossary.tbx.zip", *[name for name in plain if name != "glossary.tbx"]]
    d, data = out["glossary.tbx.zip"]
    assert (d.fmt, d.media_type, d.size) == ("tbx", "application/zip", len(data)) and d.size < tbx_size
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["glossary.tbx"]
        glossary = run(SETTINGS, [FIXTURES / "valid"]).glossary
        assert archive.read("glossary.tbx") == plain["glossary.tbx"][1] == run_export(glossary, dataclasses.replace(SETTINGS, site_url="http://h/"), "tbx").data
        assert archive.getinfo("glossary.tbx").date_time == (2000, 1, 1, 0, 0, 0)
    assert files()["glossary.tbx.zip"][1] == data  # the same glossary gives the same archive, byte for byte
    html = render("en", downloads=[d for d, _ in out.values()])["downloads.md"].html
    link = lxml_html.fromstring(html).xpath("//a[text()='glossary.tbx.zip']")
    assert link and link[0].get("href") == "glossary.tbx.zip"  # the page is downloads/ itself


def test_the_downloads_page_lists_each_file_with_its_size_in_the_readers_format() -> None:
    downloads = [d for d, _ in files().values()]
    for locale, prefix in (("en", ""), ("sv", "../../downloads/")):
        page = render(locale, downloads=downloads)["downloads.md"]
        tree = lxml_html.fragment_fromstring(page.html, create_parent="div")
        links = tree.xpath("//a[@download]/@href")
        assert links == [prefix + d.file for d in downloads]  # the files are published once, at the site's root
        ctx = RenderContext(Glossary(()), SETTINGS, locale, "S", "http://h/", lambda c, code: [])
        assert tree.xpath("//td[@data-label][last()]/text()") == [size_label(ctx, d.size) for d in downloads]
        assert page.in_nav and page.toc
    sv = render("sv", downloads=downloads)["downloads.md"].html
    assert "Hela ordlistan" in sv and "Ordlista engelska–svenska" in sv


def test_size_labels() -> None:
    sv = RenderContext(Glossary(()), SETTINGS, "sv", "S", "http://h/sv/", lambda c, code: [])
    en = RenderContext(Glossary(()), SETTINGS, "en", "S", "http://h/", lambda c, code: [])
    assert [size_label(en, n) for n in (999, 12_345, 4_100_000)] == ["999 B", "12.3 kB", "4.1 MB"]
    assert size_label(sv, 12_345) == "12,3\u00a0kB"


def test_without_downloads_there_is_no_downloads_page() -> None:
    pages = render("en")
    assert "downloads.md" not in pages and "Downloads" not in pages["index.md"].html


def test_an_empty_glossary_still_has_its_other_downloads() -> None:
    out = export_files(Glossary(()), SETTINGS)
    names = [d.file for d, _ in out]
    assert "glossary.tbx" not in names and "glossary.csv" in names and "glossary-en-sv.csv" in names
    assert "downloads.md" in render("en", Glossary(()), downloads=[d for d, _ in out])


def test_forked_processes_make_the_same_files_in_the_same_order(monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary_tool.core import forked

    glossary = run(SETTINGS, [FIXTURES / "valid"]).glossary
    settings = dataclasses.replace(SETTINGS, site_url="http://h/")
    one = export_files(glossary, settings, jobs=1)
    calls: list[int] = []
    real = forked.forked_map

    def counted(function, items, jobs):  # type: ignore[no-untyped-def]
        result = real(function, items, jobs)
        calls.append(len(result or []))
        return result

    monkeypatch.setattr("glossary_tool.site.render.downloads.forked_map", counted)
    assert export_files(glossary, settings, jobs=2) == one
    assert calls == [len(one)]  # the workers made every file, not the fallback
