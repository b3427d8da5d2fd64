"""Everything ``check`` takes from the rest of the package, imported in this one place.

Its modules import these names from here, so that when the package's modules move, only these lines change.
"""

from __future__ import annotations

from glossary_tool import __version__ as version
from glossary_tool import words as pipeline
from glossary_tool.config import Settings, canonical_tag, tag_problem
from glossary_tool.loading import discover, display_path, load_glossary
from glossary_tool.model import Concept
from glossary_tool.problems import FatalError, Problem, Severity, clip, sort_key
from glossary_tool.render.languages import closest
from glossary_tool.rules.matching import Language, Pattern, Words, marked_spans
from glossary_tool.vocabulary import NOT_IN_USE

__all__ = ["NOT_IN_USE", "Concept", "FatalError", "Language", "Pattern", "Problem", "Settings", "Severity", "Words", "canonical_tag", "clip", "closest",
           "discover", "display_path", "load_glossary", "marked_spans", "pipeline", "sort_key", "tag_problem", "version"]
