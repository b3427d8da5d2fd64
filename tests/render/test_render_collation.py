"""Order and letter headings by CLDR (ICU) in every script; the fallback without ICU."""

import pytest

from glossary_tool.site.render.collation import OTHER, Collation, collation, heading, sort_key


def ordered(words: list[str], tag: str, readings: dict[str, str] | None = None, han_order: str = "cldr") -> list[tuple[str, str]]:
    """Each word with its heading, in the language's order."""
    c = collation(tag, han_order)
    readings = readings or {}
    got = sorted(words, key=lambda w: c.sort_key(w, readings.get(w, "")))
    return [(w, c.heading(w, readings.get(w, ""))) for w in got]


def test_swedish_order() -> None:
    words = ["Öl", "ärta", "zon", "Åtagande", "apa", "Ängel", "web", "vas", "Zebra", "offshore", "BPO", "bank"]
    got = sorted(words, key=lambda w: sort_key(w, "sv"))
    assert got == ["apa", "bank", "BPO", "offshore", "vas", "web", "Zebra", "zon", "Åtagande", "Ängel", "ärta", "Öl"]


def test_swedish_headings_follow_the_alphabet() -> None:
    assert [heading(w, "sv") for w in ["apa", "Åtagande", "ärta", "Öl", "web", "Éclair", "1-a"]] == ["A", "Å", "Ä", "Ö", "W", "E", OTHER]
    assert collation("sv").headings()[-4:] == ["Z", "Å", "Ä", "Ö"]


def test_finnish_files_a_ring_and_umlauts_after_z() -> None:
    assert ordered(["öljy", "äiti", "åbo", "zeta", "vesi"], "fi") == [("vesi", "V"), ("zeta", "Z"), ("åbo", "Å"), ("äiti", "Ä"), ("öljy", "Ö")]


def test_english_order_is_case_and_accent_insensitive() -> None:
    got = sorted(["beta", "Alpha", "Ängel", "alpha", "Zulu", "éclair", "delta"], key=lambda w: sort_key(w, "en"))
    assert got == ["alpha", "Alpha", "Ängel", "beta", "delta", "éclair", "Zulu"]  # CLDR: lower case first among equals
    assert heading("Ängel", "en") == "A" and collation("en").headings()[-1] == "Z"


def test_german_files_umlauts_under_their_base_letter() -> None:
    assert ordered(["Öl", "Apfel", "Äpfel", "Zebra", "Ofen"], "de") == [("Apfel", "A"), ("Äpfel", "A"), ("Ofen", "O"), ("Öl", "O"), ("Zebra", "Z")]


def test_russian_has_cyrillic_headings_and_letter_bar() -> None:
    assert ordered(["колба", "бюретка", "ёмкость", "Ящик", "pipette"], "ru") == [
        ("бюретка", "Б"),
        ("ёмкость", "Е"),
        ("колба", "К"),
        ("Ящик", "Я"),
        ("pipette", "P"),
    ]
    bar = collation("ru").headings()
    assert bar[0] == "А" and bar[-1] == "Я" and "Ё" not in bar and "A" not in bar  # Latin letters only when a term needs them
    assert collation("ru").headings({"P"})[-1] == "P"


def test_arabic_has_arabic_letter_headings() -> None:
    assert ordered(["ماصة", "سحاحة", "كأس", "أنبوب"], "ar") == [("أنبوب", "ا"), ("سحاحة", "س"), ("كأس", "ك"), ("ماصة", "م")]
    bar = collation("ar").headings()
    assert bar[:3] == ["ا", "ب", "ت"] and bar[-1] == "ي"


def test_greek_headings_ignore_accents() -> None:
    assert ordered(["φιάλη", "ύαλος", "Άλφα", "ογκομετρικός"], "el") == [("Άλφα", "Α"), ("ογκομετρικός", "Ο"), ("ύαλος", "Υ"), ("φιάλη", "Φ")]
    assert collation("el").headings()[:3] == ["Α", "Β", "Γ"]


def test_polish_files_l_stroke_after_l_and_acutes_apart() -> None:
    got = ordered(["łyżka", "lampa", "mysz", "zegar", "źrebię", "żaba", "ćma", "cebula"], "pl")
    assert got == [("cebula", "C"), ("ćma", "Ć"), ("lampa", "L"), ("łyżka", "Ł"), ("mysz", "M"), ("zegar", "Z"), ("źrebię", "Ź"), ("żaba", "Ż")]
    bar = collation("pl").headings()
    assert bar.index("Ł") == bar.index("L") + 1


def test_czech_files_ch_after_h() -> None:
    got = ordered(["chemie", "hrnek", "ibis", "čaj", "cukr", "řepa"], "cs")
    assert got == [("cukr", "C"), ("čaj", "Č"), ("hrnek", "H"), ("chemie", "CH"), ("ibis", "I"), ("řepa", "Ř")]
    bar = collation("cs").headings()
    assert bar.index("CH") == bar.index("H") + 1


def test_spanish_and_turkish_letters() -> None:
    assert ordered(["oso", "ñandú", "nube"], "es") == [("nube", "N"), ("ñandú", "Ñ"), ("oso", "O")]
    assert ordered(["iğne", "ılık", "çay", "zar"], "tr") == [("çay", "Ç"), ("ılık", "I"), ("iğne", "İ"), ("zar", "Z")]


HAN = ["烧杯", "滴定管", "移液管", "锥形瓶", "量筒"]


def test_chinese_by_pinyin_initial() -> None:
    assert ordered(HAN, "zh") == [("滴定管", "D"), ("量筒", "L"), ("烧杯", "S"), ("移液管", "Y"), ("锥形瓶", "Z")]
    assert ordered(HAN, "zh-Hans", han_order="pinyin") == ordered(HAN, "zh")
    assert collation("zh").headings()[:3] == ["A", "B", "C"]


def test_chinese_by_stroke_count() -> None:
    got = ordered(HAN, "zh", han_order="stroke")
    assert [w for w, _ in got] == ["烧杯", "移液管", "量筒", "锥形瓶", "滴定管"]  # 10, 11, 12, 13, 14 strokes
    assert got[0][1] == "10劃" and collation("zh", "stroke").headings()[0] == "1劃"
    assert ordered(["燒杯", "滴定管", "移液管"], "zh-Hant")[0] == ("移液管", "11劃")  # CLDR's default for Traditional


def test_chinese_reading_decides_a_polyphone() -> None:
    # 重 is zhòng in ICU's pinyin order, but chóng in 重结晶 (recrystallization): the recorded reading files it under C.
    assert heading("重结晶", "zh") == "Z"
    assert heading("重结晶", "zh", "chóngjiéjīng") == "C"
    assert heading("重结晶", "zh", "chóngjiéjīng", "stroke") == heading("重结晶", "zh", "", "stroke")  # stroke order ignores readings


def test_japanese_kana_rows_and_readings() -> None:
    readings = {"試験管": "しけんかん", "三角フラスコ": "さんかくフラスコ"}
    got = ordered(["ビュレット", "ビーカー", "試験管", "ピペット", "三角フラスコ", "あわ"], "ja", readings)
    assert got == [("あわ", "あ"), ("三角フラスコ", "さ"), ("試験管", "さ"), ("ビーカー", "は"), ("ピペット", "は"), ("ビュレット", "は")]
    assert heading("試験管", "ja") == OTHER  # no reading: nothing says how it is read
    assert collation("ja").headings() == ["あ", "か", "さ", "た", "な", "は", "ま", "や", "ら", "わ"]


def test_korean_by_initial_jamo() -> None:
    got = ordered(["피펫", "비커", "뷰렛", "플라스크", "가나", "깍두기"], "ko")
    assert got == [("가나", "ㄱ"), ("깍두기", "ㄱ"), ("뷰렛", "ㅂ"), ("비커", "ㅂ"), ("플라스크", "ㅍ"), ("피펫", "ㅍ")]
    assert collation("ko").headings()[:3] == ["ㄱ", "ㄴ", "ㄷ"]


def test_other_files_under_hash_at_the_end() -> None:
    c = collation("sv")
    assert c.heading("3D-skrivare") == OTHER and c.headings({OTHER, "A"})[-1] == OTHER


@pytest.mark.parametrize("tag", ["sv", "ru", "ja"])
def test_fallback_without_icu_sorts_by_plain_letters(tag: str) -> None:
    c = Collation(tag, use_icu=False)
    assert not c.uses_icu
    assert sorted(["Öl", "apa", "Zon", "bank"], key=c.sort_key) == ["apa", "bank", "Öl", "Zon"]
    assert [c.heading(w) for w in ["Öl", "бюретка", "3D", "ビーカー"]] == ["O", "Б", OTHER, "ヒ"]
    assert c.headings({"O", "A", OTHER}) == ["A", "O", OTHER]


def test_chinese_terms_with_and_without_a_reading_sort_together_by_pinyin() -> None:
    readings = {"本生灯": "běnshēngdēng", "量筒": "liángtǒng"}
    got = ordered(["表面皿", "烧杯", "本生灯", "量筒", "滴定管", "培养皿"], "zh-Hans", readings)
    assert got == [("本生灯", "B"), ("表面皿", "B"), ("滴定管", "D"), ("量筒", "L"), ("培养皿", "P"), ("烧杯", "S")]
