"""Writes vectors.json: what the word pipeline computes for sample texts in many languages, from the Python side.

Run ``.venv/bin/python tests/words/make_vectors.py`` after a deliberate change to glossary_tool/core/words.py (or to the
search index's shard keys and buckets), then check the diff: test_vectors.py checks the file against Python and
test_words.mjs (``node --test tests/words``) against words.js and the Snowball stemmers of snowball/.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from glossary_tool.core import words  # noqa: E402
from glossary_tool.site import search_index  # noqa: E402

VECTORS = Path(__file__).with_name("vectors.json")

# (locale, text): the queries and the fixture's terms, inflected forms, compounds, scripts without spaces,
# width and kana variants, Arabic clitics and hamza, Greek accents and final sigma, own letters and diacritics.
SAMPLES: list[tuple[str, str]] = [
    ("en", "Outsourced companies' processes, analyses; centres. Café naïve façade — Straße agreed hoping ran"),
    ("en", "knowlege process outsourcing, bussiness process outsourcing, custmer service, medical transcripton"),
    ("en", "Ｆｕｌｌ－ｗｉｄｔｈ ＡＢＣ ﬁle ½ ① Erlenmeyer flasks burettes"),
    ("sv", "Kunskapsprocesserna tjänsterna leverantörens fullt löst härlig Ärendet ÅÄÖ å ä ö é Müller callcentret callcenter"),
    ("de", "Erlenmeyerkolben Kolben Glaskolben Bürette Bechergläser Abzüge Straße Messzylinders"),
    ("fi", "byretillä byretti vetokaapissa vetokaapin vetokaappi dekantterilasissa dekantterilasi erlenmeyerpullossa erlenmeyerpullo"),
    ("fi", "täyspipetti mittalasilla koeputkessa eksikkaattorissa Šakki"),
    ("ru", "бюреткой бюретка Бюретки химический стакан вытяжного шкафа ёлка йод"),
    ("ar", "السحاحة بالسحاحة سحاحة الكأس كأس كاس الكأس الزجاجية كأسٌ زجاجيّة سحــاحة إناء آلة مؤشر"),
    ("zh-Hans", "烧杯是一种玻璃容器。玻璃容器 滴定管 锥形瓶（三角烧瓶） ABC烧杯 量筒"),
    ("ja", "ビーカー ﾋﾞｰｶｰ びーかー 三角フラスコ フラスコ ホールピペット ピペット ドラフトチャンバーは有毒な物質を扱う。々"),
    ("ko", "흄 후드를 뷰렛으로 비커에 삼각 플라스크 부피 피펫"),
    ("el", "προχοΐδα ΠΡΟΧΟΐΔΕΣ ποτήρι ζέσεως κωνικής φιάλης σωλήνας"),
    ("nl", "erlenmeyerkolf maatcilinders reageerbuizen"),
    ("da", "kolber målebægre reagensglasset"),
    ("nb", "erlenmeyerkolben målesylinderen reagensrør"),
    ("fr", "éprouvettes graduées béchers fiole jaugée"),
    ("es", "probetas graduadas matraz año niño"),
    ("pl", "zlewka zlewki łaźnia wodna żółć"),
    ("tr", "beherglas ölçü silindirleri şişe ığdır"),
    ("th", "บิวเรตต์ บีกเกอร์ ภาษาไทย"),
    ("hi", "परखनली बीकर हिन्दी"),
    ("he", "מַבְחֵנָה כוס כִּימִית"),
    ("km", "ភាសាខ្មែរ"),
    ("my", "မြန်မာဘာသာ"),
    ("lo", "ພາສາລາວ"),
    ("vi", "Tiếng Việt ống nghiệm"),
    ("uk", "пробірка їжак ґанок"),
    ("xx", "𝔘nicode €uro 2024-05-06 a_b"),
]


def vector(locale: str, text: str) -> dict[str, object]:
    found = words.tokens(text, locale)
    stems = words.stems(found, locale)
    return {
        "locale": locale,
        "own": words.OWN_LETTERS.get(words.language_of(locale), ""),
        "algorithm": words.algorithm(locale),
        "input": text,
        "normalized": words.normalize(text, locale),
        "tokens": [t.text for t in found],
        "paired": [t.paired for t in found],
        "stems": stems,
        "shards": [search_index.shard_key(s) for s in stems],
        "buckets": [search_index.bucket(s, 64) for s in stems],
    }


def vectors() -> list[dict[str, object]]:
    return [vector(locale, text) for locale, text in SAMPLES]


def main() -> None:
    VECTORS.write_text(json.dumps(vectors(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {VECTORS.relative_to(ROOT)} ({len(SAMPLES)} samples)")


if __name__ == "__main__":
    main()
