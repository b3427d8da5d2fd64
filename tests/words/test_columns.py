"""``words.columns``: the parallel lists lint reads are what ``tokens`` and ``stems`` give, shortcuts included."""

from __future__ import annotations

import pytest

from glossary_tool.core import words

TEXTS = [
    ("en", "Outsourcing of knowledge-intensive work, e.g. market research (KPO) in 2024."),
    ("en", ""),
    ("en", "   ...   "),
    ("sv", "Utlokalisering av kunskapsintensivt arbete till en extern leverantör."),
    ("sv", "Back office: stödfunktioner"),
    ("fi", "Ulkoistaminen lähialueelle; ulkoistamisen kustannukset"),
    ("ru", "Передача бизнес-процессов внешнему подрядчику"),
    ("ar", "الاستعانة بمصادر خارجية للعمليات التجارية"),
    ("ja", "業務プロセスの外部委託（ＢＰＯ）"),
    ("zh-Hans", "业务流程外包"),
    ("xx", "A language without a stemmer: ASCII words are kept as they are"),
    # Other than ASCII, split run by run: pairs after ASCII words, characters beyond U+FFFF, a run that normalizing
    # makes shorter, a folded final sigma, and no stemmer.
    ("en", "mixed 日本語text and more words"),
    ("en", "𠀋 word and café"),
    ("ja", "ﾋﾞｰｶｰ test ビーカー"),
    ("el", "Ελληνικά κείμενος"),
    ("xx", "Straße café naïve"),
    ("de", "Straßenbahn Übergrößen"),
]


@pytest.mark.parametrize(("locale", "text"), TEXTS)
def test_columns_are_the_tokens_and_their_stems(locale: str, text: str) -> None:
    found = words.tokens(text, locale)
    expected = ([t.start for t in found], [t.end for t in found], [t.text for t in found], words.stems(found, locale))
    assert words.columns(text, locale) == expected


def test_an_ascii_text_is_lowered_and_stemmed() -> None:
    starts, ends, folded, stems = words.columns("Processes, KPOs", "en")
    assert (starts, ends, folded, stems) == ([0, 11], [9, 15], ["processes", "kpos"], ["process", "kpos"])  # Snowball keeps the s of "kpos"
