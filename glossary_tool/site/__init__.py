"""The site: the glossary as a multilingual static site built with MkDocs and Material for MkDocs.

``plugin.py`` holds the MkDocs plugin's events only; rendering (``render/``, independent of MkDocs), the theme's set-up,
each locale's build, ``glossary-tool build`` and ``serve``, the search index and the scan of a built site sit beside it.
"""
