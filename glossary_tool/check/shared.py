"""Everything ``check`` takes from the rest of the package, imported in this one place.

Its modules import these names from here, so that when the package's modules move, only these lines change.
"""

from __future__ import annotations

from glossary_tool import __version__ as version
from glossary_tool.core import words as pipeline
from glossary_tool.core.config import Settings
from glossary_tool.core.content_files import discover
from glossary_tool.core.languages import closest
from glossary_tool.core.loading import load_glossary
from glossary_tool.core.model import Concept
from glossary_tool.core.problems import FatalError, Problem, Severity, clip, sort_key
from glossary_tool.core.tags import canonical_tag, tag_problem
from glossary_tool.core.terminal import display_path
from glossary_tool.core.terms import Language, Pattern, Words, marked_spans
from glossary_tool.core.vocabulary import NOT_IN_USE

__all__ = [
    "NOT_IN_USE",
    "Concept",
    "FatalError",
    "Language",
    "Pattern",
    "Problem",
    "Settings",
    "Severity",
    "Words",
    "canonical_tag",
    "clip",
    "closest",
    "discover",
    "display_path",
    "load_glossary",
    "marked_spans",
    "pipeline",
    "sort_key",
    "tag_problem",
    "version",
]
