"""``glossary-tool check`` on gettext PO and XLIFF 1.2 and 2.0: deprecated terms in both languages, and a translation
that misses the terms of the concept its source names (glossary-mismatch), at the file's own line:column."""

from __future__ import annotations

from pathlib import Path

from check_project import check_files, where

DEPRECATED, MISMATCH = "deprecated-term", "glossary-mismatch"

PO = r"""
    # Swedish translation of the help centre.
    msgid ""
    msgstr ""
    "Language: sv_SE\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\n"

    #. Button
    msgid "Contact customer service"
    msgstr "Kontakta kundtjänsten"

    msgid "Contact customer service today"
    msgstr "Kontakta supporten i dag"

    msgid "Customer service hours"
    msgstr "Kundvårdens öppettider"

    #, fuzzy
    msgid "Customer service agents"
    msgstr "Supportpersonal"

    msgctxt "customer care"
    msgid "Write to us"
    msgstr "Skriv till oss"

    msgid "Call customer care"
    msgstr ""

    msgid ""
    "Our call centre "
    "answers"
    msgstr ""
    "Vårt telefoncenter "
    "svarar"

    msgid "One agent"
    msgid_plural "%d agents"
    msgstr[0] "En kundtjänstmedarbetare"
    msgstr[1] "%d handläggare"

    #~ msgid "Customer service"
    #~ msgstr "Kundvård"
    """


def test_po_targets_and_sources_are_checked_and_fuzzy_or_untranslated_units_are_skipped(tmp_path: Path) -> None:
    problems = check_files(tmp_path, {"sv.po": PO})
    assert where(problems) == [
        (13, 9, MISMATCH),  # "supporten" is no term of customer service
        (16, 9, DEPRECATED),  # "Kundvårdens": the deprecated term, inflected (no mismatch: it names the concept)
        (26, 13, DEPRECATED),  # the source of an untranslated unit is English text all the same
        (33, 2, MISMATCH),  # a string over continuation lines, at its first character
        (39, 12, MISMATCH),  # the second plural form
    ]
    assert problems[0].message == (
        "the source uses 'customer service' ('customer-service') but the 'sv' translation has none of its terms: expected 'kundtjänst' or 'kundservice'"
    )
    assert "'call centre' ('call-centre')" in problems[3].message and "expected 'callcenter'" in problems[3].message


XLIFF_12 = """
    <?xml version="1.0" encoding="UTF-8"?>
    <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
      <file original="help" source-language="en-US" target-language="sv-SE" datatype="plaintext">
        <body>
          <trans-unit id="1">
            <source>Contact <g id="1">customer service</g> now</source>
            <target state="translated">Kontakta <g id="1">kundvården</g> nu</target>
          </trans-unit>
          <trans-unit id="2">
            <source>Customer service &amp; call centre</source>
            <target>Kundtjänst &amp; telefonväxel</target>
          </trans-unit>
          <trans-unit id="3">
            <source>Customer service</source>
            <target state="needs-review-translation">Support</target>
          </trans-unit>
          <trans-unit id="4">
            <source>Customer <ph id="1">&lt;b&gt;</ph>care</source>
            <target state="translated">Kund<ph id="1">&lt;b&gt;</ph>service</target>
          </trans-unit>
          <trans-unit id="5" translate="no"><source>customer care</source></trans-unit>
        </body>
      </file>
    </xliff>
    """


def test_xliff_12_units_with_inline_codes_and_states(tmp_path: Path) -> None:
    problems = check_files(tmp_path, {"help.xlf": XLIFF_12})
    assert where(problems) == [
        (7, 55, DEPRECATED),  # inside <g>
        (11, 17, MISMATCH),  # call centre has no Swedish term in the target; customer service has one
        (21, 49, DEPRECATED),  # a source that is not to be translated is English text; unit 4's <ph> parts no term
    ]
    assert "expected 'callcenter'" in problems[1].message


XLIFF_20 = """
    <?xml version="1.0" encoding="UTF-8"?>
    <xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="ja">
      <file id="f1">
        <unit id="u1">
          <segment state="translated">
            <source>Contact <pc id="1">customer service</pc>.</source>
            <target><pc id="1">顧客対応</pc>にご連絡ください。</target>
          </segment>
        </unit>
        <unit id="u2">
          <segment state="reviewed"><source>Our call centre</source><target>当社のサポート窓口</target></segment>
          <segment state="initial"><source>customer service</source><target>サポート</target></segment>
        </unit>
      </file>
    </xliff>
    """


def test_xliff_20_in_japanese(tmp_path: Path) -> None:
    problems = check_files(tmp_path, {"ja.xlf": XLIFF_20})
    assert where(problems) == [(7, 28, DEPRECATED), (11, 73, MISMATCH)]
    assert "expected 'コールセンター'" in problems[1].message


def test_a_file_without_its_target_language_takes_language(tmp_path: Path) -> None:
    po = 'msgid "Contact customer service"\nmsgstr "Kontakta supporten"\n'
    assert where(check_files(tmp_path, {"a.po": po}, language="sv")) == [(2, 9, MISMATCH)]
    problems = check_files(tmp_path, {"b.po": po})
    assert where(problems) == [(1, 1, "unknown-language")] and "pass --language" in problems[0].message


def test_a_template_needs_no_target_language(tmp_path: Path) -> None:
    pot = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Call customer care"\nmsgstr ""\n'
    assert where(check_files(tmp_path, {"help.pot": pot})) == [(5, 13, DEPRECATED)]
