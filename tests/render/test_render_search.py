"""Extra search words: inflections that share a stem with a page's words."""

from glossary_tool.render.search import WORD, inflections


def found(query: str, text: str, locale: str) -> bool:
    """Whether a wildcard query (as Material sends it: ``query*``) matches a word of the page or a search word."""
    tokens = set(WORD.findall(text.casefold())) | set(inflections([text], locale))
    return any(t.startswith(query) for t in tokens)


def test_english_inflections_cover_wildcard_queries() -> None:
    text = "Outsourcing of knowledge processes"
    for query in ["outsourced", "outsource", "outsources", "outsourcing", "knowledge", "processing", "processed"]:
        assert found(query, text, "en"), query
    assert not found("outsider", text, "en")
    words = inflections([text], "en")
    assert "outsourcing" not in words  # already on the page


def test_swedish_inflections() -> None:
    text = "outsourcing av kunskapsprocesser"
    for query in ["kunskapsprocessen", "kunskapsprocesserna", "kunskapsprocess", "kunskapsprocessens"]:
        assert found(query, text, "sv"), query
    assert not found("kunskapsbank", text, "sv")
    assert "kunskapsprocess" not in inflections([text], "sv")  # the start of a word on the page matches anyway


def test_only_the_longest_forms_are_kept() -> None:
    # A wildcard query matches every token it starts, so a form that starts another form adds nothing.
    for locale, text in [("en", "Outsourcing of knowledge processes"), ("sv", "outsourcing av kunskapsprocesser")]:
        words = inflections([text], locale)
        assert words and not any(a != b and b.startswith(a) for a in words for b in words)


def test_the_c_stemmers_are_in_use() -> None:
    # PyStemmer is a dependency so that building search words stays fast; snowballstemmer picks it up silently.
    import snowballstemmer

    assert type(snowballstemmer.stemmer("swedish")).__module__ == "Stemmer"
