"""Extra search words: inflections that share a stem with a page's words."""

from glossary_tool.render.search import inflections


def test_english_inflections_cover_wildcard_queries() -> None:
    words = inflections(["Outsourcing of knowledge processes"], "en")
    assert "outsourced" in words and "outsource" in words
    assert "outsourcing" not in words  # already on the page


def test_swedish_inflections() -> None:
    words = inflections(["outsourcing av kunskapsprocesser"], "sv")
    assert "kunskapsprocessen" in words
    assert "kunskapsprocess" not in words  # the start of a word on the page matches anyway


def test_the_c_stemmers_are_in_use() -> None:
    # PyStemmer is a dependency so that building search words stays fast; snowballstemmer picks it up silently.
    import snowballstemmer

    assert type(snowballstemmer.stemmer("swedish")).__module__ == "Stemmer"
