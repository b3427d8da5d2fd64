"""A–Ö order: Swedish files å, ä, ö after z; English sorts case-insensitively."""

from glossary_tool.render.collation import heading, headings, sort_key

WORDS = ["Öl", "ärta", "zon", "Åtagande", "apa", "Ängel", "web", "vas", "Zebra", "offshore", "BPO", "bank"]


def test_swedish_order() -> None:
    got = sorted(WORDS, key=lambda w: sort_key(w, "sv"))
    assert got == ["apa", "bank", "BPO", "offshore", "vas", "web", "Zebra", "zon", "Åtagande", "Ängel", "ärta", "Öl"]


def test_swedish_headings_follow_the_alphabet() -> None:
    assert [heading(w, "sv") for w in ["apa", "Åtagande", "ärta", "Öl", "web", "Éclair", "1-a"]] == ["A", "Å", "Ä", "Ö", "W", "E", "#"]
    assert headings("sv")[-4:] == ["Z", "Å", "Ä", "Ö"]


def test_english_order_is_case_and_accent_insensitive() -> None:
    got = sorted(["beta", "Alpha", "Ängel", "alpha", "Zulu", "éclair", "delta"], key=lambda w: sort_key(w, "en"))
    assert got == ["Alpha", "alpha", "Ängel", "beta", "delta", "éclair", "Zulu"]
    assert heading("Ängel", "en") == "A" and headings("en")[-1] == "Z"
