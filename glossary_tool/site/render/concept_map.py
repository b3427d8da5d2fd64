"""Concept maps: a concept's system (ISO 704) as inline SVG made at build time, for concept and category pages.

Laid out by hand as an indented tree: one node per row, generic (broader/narrower) links as lines in the gutter at the
start side, associative and declared relations as dashed edges whose label sits in a gap of the edge itself. No line
ever runs through a label, however many nodes there are, so no layout library is needed; see README.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from glossary_tool.core import languages
from glossary_tool.core.model import Concept
from glossary_tool.site.render.context import RenderContext

# Geometry, in SVG units (CSS pixels when the map is shown at its own size): narrow enough for a 375 px phone.
MAX_WIDTH = 340
ROW = 30  # the height of a row
BOX = 22  # the height of a node (written as such in the nodes' markup)
INDENT = 24  # from a parent's box to its children's
STEM = 10  # where a parent's line leaves its box, from the box's start
PAD = 8  # text padding inside a box, and the gap either side of an edge's label
FONT, LABEL_FONT = 13, 11
# Nodes shown per group, so that a page does not grow with its concept's relations (a model with dozens of services).
MAX_BROADER, MAX_SIBLINGS, MAX_NARROWER, MAX_ASSOCIATED, MAX_CATEGORY = 3, 4, 8, 6, 60


def text_width(text: str, size: float) -> float:
    """An upper estimate of the width of ``text`` at ``size``: wide East Asian characters take a full em, combining
    marks nothing, everything else six tenths of one (a little more than Latin, Cyrillic or Arabic letters need)."""
    width = 0.0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += size if unicodedata.east_asian_width(ch) in ("W", "F") else size * 0.6
    return width


def fit(text: str, size: float, room: float) -> str:
    """``text`` cut (with an ellipsis) to fit ``room``; the whole text is the node's tooltip."""
    if text_width(text, size) <= room:
        return text
    while text and text_width(text + "…", size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass(frozen=True, slots=True)
class Node:
    """One row of the map: a concept (or a "+N" note when a group is cut), at a depth of the tree."""

    depth: int
    label: str
    href: str = ""  # "" for a note
    lang: str = ""  # the label's language when it is not the page's
    current: bool = False  # the page's own concept
    edge: str = ""  # the label of an associative edge from the parent; "" for a generic link (or none, at depth 0)


@dataclass
class Hierarchy:
    """Broader and narrower concepts of every concept, whichever side wrote the link (lint keeps both sides)."""

    broader: dict[str, list[str]] = field(default_factory=dict)
    narrower: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, concepts: Iterable[Concept], known: Iterable[str]) -> Hierarchy:
        ids = set(known)
        h = cls()
        for c in concepts:
            for b in c.targets("broader"):
                h._link(b, c.id, ids)
            for n in c.targets("narrower"):
                h._link(c.id, n, ids)
        return h

    def _link(self, parent: str, child: str, ids: set[str]) -> None:
        if parent in ids and child in ids and parent != child:
            if child not in self.narrower.setdefault(parent, []):
                self.narrower[parent].append(child)
            if parent not in self.broader.setdefault(child, []):
                self.broader[child].append(parent)


def _node(ctx: RenderContext, cid: str, url: str, depth: int, edge: str = "") -> Node:
    link = ctx.link(cid, url)
    return Node(depth, link.label, link.href, link.lang, edge=edge)


def _more(depth: int, hidden: int) -> list[Node]:
    return [Node(depth, f"+{hidden}")] if hidden > 0 else []


def concept_rows(ctx: RenderContext, concept: Concept, url: str, tree: Hierarchy,
                 associated: Sequence[tuple[str, Sequence[str]]]) -> list[Node]:
    """The rows of a concept's map: its broader concepts, it among its siblings, its narrower concepts and its
    associated concepts (each under the label of its relation)."""
    rows: list[Node] = []
    broader = ctx.sort_ids(tree.broader.get(concept.id, []))
    depth = 0
    if broader:
        rows += [_node(ctx, b, url, 0) for b in broader[:MAX_BROADER]]
        rows += _more(0, len(broader) - MAX_BROADER)
        depth = 1
        siblings = ctx.sort_ids({s for b in broader for s in tree.narrower.get(b, [])} | {concept.id})
        at = siblings.index(concept.id)
        start = max(0, min(at - MAX_SIBLINGS // 2, len(siblings) - MAX_SIBLINGS - 1))
        shown = siblings[start:start + MAX_SIBLINGS + 1]
        for s in shown:
            if s == concept.id:
                rows.append(Node(1, ctx.label(concept), "./", ctx.label_lang(concept), current=True))
                rows += _children(ctx, concept, url, tree, associated, 2)
            else:
                rows.append(_node(ctx, s, url, 1))
        rows += _more(1, len(siblings) - len(shown))
    else:
        rows.append(Node(0, ctx.label(concept), "./", ctx.label_lang(concept), current=True))
        rows += _children(ctx, concept, url, tree, associated, 1)
    return rows if depth or len(rows) > 1 else []


def _children(ctx: RenderContext, concept: Concept, url: str, tree: Hierarchy, associated: Sequence[tuple[str, Sequence[str]]],
              depth: int) -> list[Node]:
    narrower = ctx.sort_ids(tree.narrower.get(concept.id, []))
    rows = [_node(ctx, n, url, depth) for n in narrower[:MAX_NARROWER]]
    rows += _more(depth, len(narrower) - MAX_NARROWER)
    pairs = [(label, t) for label, targets in associated for t in targets if t in ctx.concepts and t != concept.id]
    rows += [_node(ctx, t, url, depth, edge=label) for label, t in pairs[:MAX_ASSOCIATED]]
    rows += _more(depth, len(pairs) - MAX_ASSOCIATED)
    return rows


def category_rows(ctx: RenderContext, ids: Sequence[str], url: str, tree: Hierarchy) -> list[Node]:
    """A category's concepts as a forest: those without a broader concept in the category first, each followed by its
    narrower ones in the category, deeper and deeper; a concept with two broader ones appears under the first."""
    members = set(ids)
    seen: set[str] = set()
    rows: list[Node] = []

    def visit(cid: str, depth: int) -> None:
        if cid in seen:
            return
        seen.add(cid)
        rows.append(_node(ctx, cid, url, depth))
        for child in ctx.sort_ids(c for c in tree.narrower.get(cid, []) if c in members):
            visit(child, depth + 1)

    for cid in ids:  # in the locale's order
        if not any(b in members for b in tree.broader.get(cid, [])):
            visit(cid, 0)
    for cid in ids:  # concepts on a loop have no root; lint reports the loop, the map still shows them
        visit(cid, 0)
    if not any(n.depth for n in rows):
        return []  # no hierarchy: the list below says it all
    return rows[:MAX_CATEGORY] + _more(0, len(rows) - MAX_CATEGORY)


def _attrs(node: Node, page_dir: str) -> Markup:
    if not node.lang:
        return Markup("")
    d = languages.direction(node.lang)
    return Markup(' lang="{}"{}').format(node.lang, Markup(' direction="{}"').format(d) if d != page_dir else "")


Box = tuple[float, float, Node, str, str]  # x, width, node, the text shown, the edge's label shown


def _layout(rows: Sequence[Node]) -> tuple[list[Box], list[int | None]]:
    """Each row's box (indented by depth, after its edge's label) and the row of its parent (None at the top)."""
    boxes: list[Box] = []
    parents: list[int | None] = []
    stack: list[int] = []
    for i, node in enumerate(rows):
        while stack and rows[stack[-1]].depth >= node.depth:
            stack.pop()
        parent = stack[-1] if stack and node.depth > 0 else None
        parents.append(parent)
        stack.append(i)
        x: float = node.depth * INDENT + 1  # 1: room for half a box's outline
        label = fit(node.edge, LABEL_FONT, MAX_WIDTH / 3) if node.edge and parent is not None else ""
        if label:
            x += text_width(label, LABEL_FONT) + 2 * PAD  # room for the edge's label before the box
        shown = fit(node.label, FONT, MAX_WIDTH - x - 2 * PAD)
        boxes.append((x, text_width(shown, FONT) + 2 * PAD, node, shown, label))
    return boxes, parents


def _node_link(node: Node, shown: str, at: tuple[str, str, str, str, str], page_dir: str) -> Markup:
    """A node's box and text as a link to its page; ``at`` is the box's x, y and width and the text's x and y, written out."""
    x, y, w, tx, ty = at
    # The whole label is the tooltip of a node whose label is cut. Round corners come from the style sheet.
    tip = Markup("<title>{}</title>").format(node.label) if shown != node.label else ""
    # Every box is a node (the style sheet draws each <rect>); only the page's own is marked, "c".
    return Markup('<a href="{href}" tabindex="-1"{cur}>{tip}<rect{cls} x="{x}" y="{y}" width="{w}" height="22"/>'
                  '<text x="{tx}" y="{ty}"{attrs}>{shown}</text></a>').format(
        href=node.href, cur=Markup(' aria-current="page"') if node.current else "", tip=tip, cls=Markup(' class="c"') if node.current else "",
        x=x, y=y, w=w, tx=tx, ty=ty, attrs=_attrs(node, page_dir), shown=shown)


def draw(rows: Sequence[Node], title: str, map_id: str, described_by: str, locale: str) -> Markup:
    """The SVG of ``rows``: ``role="img"`` named by its title and described by the list that says the same in words
    (``described_by``, an element id), with the nodes' links laid over it; right to left, the whole drawing is
    mirrored. Every text is escaped."""
    if not rows:
        return Markup("")
    page_dir = languages.direction(locale)
    boxes, parents = _layout(rows)
    width = math.ceil(max(x + w for x, w, _, _, _ in boxes) + 2)
    height = len(rows) * ROW

    def mx(x: float, w: float = 0) -> str:
        """x of a shape's start, mirrored for a right-to-left page, as short as it can be written."""
        return _n(width - x - w) if page_dir == "rtl" else _n(x)

    # No xmlns: an <svg> inside an HTML page is in SVG's namespace without it.
    size = Markup('width="{w}" height="{h}" viewBox="0 0 {w} {h}"').format(w=width, h=height)
    out = [Markup('<div class="glossary-map"><svg {} role="img" aria-labelledby="{}" aria-describedby="{}">').format(size, map_id, described_by),
           Markup('<title id="{}">{}</title>').format(map_id, title)]
    links: list[Markup] = []
    solid: dict[int, list[str]] = {}  # parent row → its lines: one stem down its children, a branch to each
    dashed: list[str] = []
    for i, (x, w, node, shown, label) in enumerate(boxes):
        y = i * ROW + (ROW - BOX) / 2
        mid = y + BOX / 2
        parent = parents[i]
        if parent is not None:
            px = boxes[parent][0] + STEM
            stem = solid.setdefault(parent, [f"M{mx(px)} {_n(parent * ROW + (ROW - BOX) / 2 + BOX)}V{_n(mid)}"])
            stem[0] = stem[0][: stem[0].rindex("V") + 1] + _n(mid)  # the stem reaches the last child
            if label:
                lw = text_width(label, LABEL_FONT)
                # The edge stops short of its label and goes on after it: no line runs through the text.
                dashed.append(f"M{mx(px)} {_n(mid)}H{mx(px + PAD / 2)}M{mx(px + PAD + lw + PAD / 2)} {_n(mid)}H{mx(x)}")
                out.append(Markup('<text class="l" x="{}" y="{}">{}</text>').format(mx(px + PAD + lw / 2), _n(mid + 4), label))
            else:
                stem.append(f"M{mx(px)} {_n(mid)}H{mx(x)}")
        if not node.href:
            links.append(Markup('<text class="m" x="{}" y="{}">{}</text>').format(mx(x + w / 2), _n(mid + 4), shown))
            continue
        links.append(_node_link(node, shown, (mx(x, w), _n(y), _n(w), mx(x + w / 2), _n(mid + 4.5)), page_dir))
    paths = [Markup('<path class="e" d="{}"/>').format("".join(lines)) for lines in solid.values()]
    if dashed:
        paths.append(Markup('<path class="e a" d="{}"/>').format("".join(dashed)))
    # Two layers of one size: the image (role="img": its lines and the edges' labels, named by its title and described
    # by the relations list), and over it the nodes with their links, hidden from assistive technology, because an
    # image may not hold links; the relations list holds the same links for screen readers and the keyboard.
    return Markup("").join([*out[:2], *paths, *out[2:], Markup('</svg><svg class="glossary-map-nodes" {} aria-hidden="true">').format(size),
                            *links, Markup("</svg></div>")])


def _n(value: float) -> str:
    return f"{round(value, 1):g}"


def concept_map(ctx: RenderContext, concept: Concept, url: str, tree: Hierarchy, associated: Sequence[tuple[str, Sequence[str]]],
                described_by: str) -> Markup:
    """The map of a concept page (nothing when the concept has no relation to draw)."""
    title = f"{ctx.label(concept)}: {ctx.gettext('Related concepts')}"
    return draw(concept_rows(ctx, concept, url, tree, associated), title, "map-" + concept.id, described_by, ctx.locale)


def category_map(ctx: RenderContext, category_id: str, label: str, ids: Sequence[str], url: str, tree: Hierarchy,
                 described_by: str) -> Markup:
    """The map of a category page: its concepts' hierarchy (nothing when they have none)."""
    return draw(category_rows(ctx, ids, url, tree), label, "map-" + category_id, described_by, ctx.locale)


__all__ = ["Hierarchy", "Node", "category_map", "concept_map", "draw", "fit", "text_width"]
