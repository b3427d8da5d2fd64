"""HTML read for ``check``: the text of the page per language (``lang`` on any element), markup left out.

Skipped: attributes (``alt``, ``title`` …), comments, and the content of ``script``, ``style``, ``code``, ``pre``,
``kbd``, ``samp``, ``var``, ``textarea``, ``template``, ``svg`` and ``math``. Inline elements (``em``, ``a`` …)
do not interrupt a term; every other element ends a block.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

from glossary_tool.check.markdown import IGNORE_END, IGNORE_START
from glossary_tool.check.prose import INLINE_TAGS, ProseBuilder, SourceFile

_SKIP = frozenset({"script", "style", "code", "pre", "kbd", "samp", "var", "textarea", "template", "svg", "math", "noscript"})
_INLINE = INLINE_TAGS | {"wbr"}  # and <wbr>, a line-break opportunity inside a word
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"})


@dataclass(slots=True)
class Html:
    """What reading an HTML file gives: prose per language tag, and where each tag was declared."""

    by_language: dict[str, ProseBuilder] = field(default_factory=dict)
    declared: list[tuple[str, int]] = field(default_factory=list)  # (tag, offset) of every lang attribute
    root_language: str | None = None
    unclosed_ignore: int | None = None


class _Reader(HTMLParser):
    def __init__(self, source: SourceFile, default: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.out = Html()
        self.stack: list[tuple[str, str]] = [("", default)]  # (element, its language)
        self.skip = 0
        self.ignoring: int | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.source.offset(line, column)

    def _builder(self) -> ProseBuilder:
        language = self.stack[-1][1]
        found = self.out.by_language.get(language)
        if found is None:
            found = self.out.by_language[language] = ProseBuilder(language)
        return found

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        language = self.stack[-1][1]
        for name, value in attrs:
            if name in ("lang", "xml:lang") and value:
                language = value
                self.out.declared.append((value, self._offset()))
                if tag == "html":
                    self.out.root_language = value
        if tag not in _INLINE:
            self._builder().barrier()
        if tag in _VOID:
            return
        if language != self.stack[-1][1]:
            self._builder().barrier()
        self.stack.append((tag, language))
        if tag in _SKIP:
            self.skip += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _INLINE:
            self._builder().barrier()

    def handle_endtag(self, tag: str) -> None:
        # Pop to the matching element; an end tag with no open element is ignored, as browsers do.
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k][0] == tag:
                for name, _ in self.stack[k:]:
                    if name in _SKIP:
                        self.skip -= 1
                if self.stack[k - 1][1] != self.stack[-1][1]:
                    self._builder().barrier()  # the text in another language ends here
                del self.stack[k:]
                break
        if tag not in _INLINE:
            self._builder().barrier()

    def _text(self, text: str, origin: int) -> None:
        if not self.skip and self.ignoring is None:
            self._builder().add(text, origin)

    def handle_data(self, data: str) -> None:
        self._text(data, self._offset())

    def handle_entityref(self, name: str) -> None:
        self._text(html.unescape(f"&{name};"), self._offset())

    def handle_charref(self, name: str) -> None:
        self._text(html.unescape(f"&#{name};"), self._offset())

    def handle_comment(self, data: str) -> None:
        body = data.strip()
        if body == IGNORE_START and self.ignoring is None:
            self.ignoring = self._offset()
        elif body == IGNORE_END:
            self.ignoring = None
        self._builder().barrier()


def read_html(source: SourceFile, default: str) -> Html:
    """The prose of an HTML file per language; ``default`` is the language of text outside any ``lang``."""
    reader = _Reader(source, default)
    reader.feed(source.text)
    reader.close()
    reader.out.unclosed_ignore = reader.ignoring
    return reader.out
