"""Authoring: what writers and translators run besides lint: ``init``, ``new``, ``translate``, ``catalog`` and ``status``."""
