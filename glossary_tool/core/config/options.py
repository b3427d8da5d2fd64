"""The option types: MkDocs ``config_options`` whose errors carry the key path they belong to, and ``StrictConfig``, a
section that reports every failing option at once. They know nothing of the glossary; the declaration uses them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from mkdocs.config import base
from mkdocs.config.base import ValidationError

from glossary_tool.core.mkdocs_compat import ValidatingConfig
from glossary_tool.core.problems import Severity
from glossary_tool.core.tags import canonical_tag, tag_problem

KeyPath = tuple[str | int, ...]


class OptionErrors(ValidationError):
    """Several problems under one option: each a key path (relative to the option) and a message.

    A path ending in ``KEY`` blames the mapping key itself (an unknown name) rather than its value."""

    def __init__(self, errors: Sequence[tuple[KeyPath, str]]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(f"{dotted(path)}: {msg}" if path else msg for path, msg in self.errors))


KEY = "\x00key"  # marks an error about a key, not its value


def dotted(path: KeyPath) -> str:
    """A key path as written in messages: ``locales[1].prefix``."""
    out = ""
    for part in path:
        if part == KEY:
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def type_name(value: object) -> str:
    """What a value is, in the words of an error message."""
    if isinstance(value, bool):
        return "true/false"
    return {str: "text", int: "a whole number", float: "a number", list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)


class Option(base.BaseConfigOption[Any]):
    """An option with a default; ``None`` (absent) takes the default."""

    def __init__(self, default: Any = None) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> Any:
        if value is None:
            return self.default
        return self.check(value)

    def check(self, value: object) -> Any:
        return value


class Text(Option):
    """Plain text, optionally matching a pattern (explained by ``hint``)."""

    def __init__(self, default: str | None = None, *, pattern: re.Pattern[str] | None = None, hint: str = "", max_length: int = 2000) -> None:
        super().__init__(default)
        self.pattern, self.hint, self.max_length = pattern, hint, max_length

    def check(self, value: object) -> str:
        if not isinstance(value, str):
            raise ValidationError(f"must be text, not {type_name(value)}")
        if len(value) > self.max_length:
            raise ValidationError(f"is longer than {self.max_length} characters")
        if self.pattern is not None and not self.pattern.match(value):
            raise ValidationError(f"'{value}' {self.hint}")
        return value


class LanguageTag(Option):
    """A BCP 47 tag (language, optional script and region), taken in any case and kept in the customary one."""

    def check(self, value: object) -> str:
        if not isinstance(value, str):
            raise ValidationError(f"must be a language tag such as en or pt-BR, not {type_name(value)}")
        problem = tag_problem(value)
        if problem:
            raise ValidationError(problem)
        return canonical_tag(value)


class Integer(Option):
    """A whole number within bounds (YAML ``true`` is not a number)."""

    def __init__(self, default: int, *, minimum: int, maximum: int) -> None:
        super().__init__(default)
        self.minimum, self.maximum = minimum, maximum

    def check(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"must be a whole number from {self.minimum} to {self.maximum}, not {type_name(value)} ({value!r})")
        if not self.minimum <= value <= self.maximum:
            raise ValidationError(f"must be from {self.minimum} to {self.maximum}, not {value}")
        return value


class Choice(Option):
    """One of a fixed list of values."""

    def __init__(self, choices: Sequence[str], default: str | None = None) -> None:
        super().__init__(default)
        self.choices = tuple(choices)

    def check(self, value: object) -> str:
        if not isinstance(value, str) or value not in self.choices:
            raise ValidationError(f"must be one of {', '.join(self.choices)}, not {value!r}")
        return value


def _pair_problem(item: object) -> str:
    """What is wrong with one ``[source, target]`` item of a ``LanguagePairs`` list ("" when nothing is)."""
    if not isinstance(item, list) or len(item) != 2 or not all(isinstance(code, str) for code in item):
        return f"must be a source and a target locale code such as [en, sv], not {item!r}"
    return next((problem for code in item if (problem := tag_problem(code))), "")


class LanguagePairs(Option):
    """A keyword (the first is the default) or a list of ordered pairs of language tags, ``[[en, sv], [sv, en]]``;
    the tags are checked against ``locales`` later."""

    def __init__(self, keywords: Sequence[str], *, max_items: int = 2500) -> None:
        super().__init__(keywords[0])
        self.keywords, self.max_items = tuple(keywords), max_items

    def check(self, value: object) -> str | tuple[tuple[str, str], ...]:
        expected = f"{' or '.join(self.keywords)}, or a list of pairs of locale codes such as [[en, sv], [sv, en]]"
        if isinstance(value, str):
            if value in self.keywords:
                return value
            raise ValidationError(f"must be {expected}, not '{value}'")
        if not isinstance(value, list):
            raise ValidationError(f"must be {expected}, not {type_name(value)}")
        if len(value) > self.max_items:
            raise ValidationError(f"has {len(value)} items; at most {self.max_items} are allowed")
        errors = [((i,), problem) for i, item in enumerate(value) if (problem := _pair_problem(item))]
        if errors:
            raise OptionErrors(errors)
        return tuple((canonical_tag(a), canonical_tag(b)) for a, b in value)


class PerLocale(Option):
    """Text per locale code: ``{en: Services, sv: Tjänster}`` (codes are checked against ``locales`` later)."""

    def __init__(self, *, required: bool = False) -> None:
        super().__init__(None if required else {})
        self.required = required

    def run_validation(self, value: object) -> dict[str, str]:
        if value is None:
            if self.required:
                raise ValidationError("is required: text per locale, e.g. {en: ..., sv: ...}")
            return {}
        if not isinstance(value, dict):
            raise ValidationError(f"must be a mapping of locale code to text, e.g. {{en: ..., sv: ...}}, not {type_name(value)}")
        errors: list[tuple[KeyPath, str]] = []
        for key, text in value.items():
            if not isinstance(key, str):
                errors.append(((), f"locale code {key!r} must be text"))
            elif not isinstance(text, str) or not text.strip():
                errors.append(((key,), "must be non-empty text"))
        if errors:
            raise OptionErrors(errors)
        return dict(value)


class TextList(Option):
    """A list of texts (ids)."""

    def __init__(self) -> None:
        super().__init__([])

    def check(self, value: object) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValidationError("must be a list of ids, e.g. [service]")
        return list(value)


class Phrases(Option):
    """A list of non-empty texts (words or phrases)."""

    def __init__(self, *, max_items: int = 1000) -> None:
        super().__init__([])
        self.max_items = max_items

    def check(self, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ValidationError("must be a list of words or phrases, e.g. [Customer Care Cloud]")
        if len(value) > self.max_items:
            raise ValidationError(f"has {len(value)} items; at most {self.max_items} are allowed")
        return tuple(" ".join(v.split()) for v in value)


def _words_error(key: object, words: object) -> tuple[KeyPath, str] | None:
    """What is wrong with one ``language: [words]`` item of a ``WordsPerLanguage`` option, if anything."""
    if not isinstance(key, str) or not re.fullmatch(r"[a-z]{2,3}", key):
        return (str(key),), "must be a language subtag such as de or sv"
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        return (key,), "must be a list of words or phrases"
    return None


class WordsPerLanguage(Option):
    """Words or phrases per language subtag: ``{de: [oft, meist], sv: [ofta]}``; each listed language replaces the defaults' list."""

    def __init__(self, defaults: Mapping[str, tuple[str, ...]]) -> None:
        super().__init__({})
        self.defaults = defaults

    def run_validation(self, value: object) -> dict[str, tuple[str, ...]]:
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise ValidationError(f"must be a mapping of language to a list of words, e.g. {{de: [oft, meist]}}, not {type_name(value)}")
        errors = [error for key, words in value.items() if (error := _words_error(key, words)) is not None]
        if errors:
            raise OptionErrors(errors)
        return {**self.defaults, **{k: tuple(" ".join(w.split()) for w in v) for k, v in value.items()}}


class StrictConfig(ValidatingConfig):
    """A config section that reports every failing option and refuses unknown keys (MkDocs stops at the first)."""

    def validate_options(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed: base.ConfigErrors = []
        for key, option in self.schema():
            try:
                self[key] = option.validate(self.get(key))
            except ValidationError as exc:
                failed.append((key, exc))
        known = {key for key, _ in self.schema()}
        for key in sorted(set(self.keys()) - known, key=str):
            close = close_match(str(key), sorted(known))
            message = f"unknown option '{key}'" + (f"; did you mean '{close}'?" if close else f"; known: {', '.join(sorted(known))}")
            failed.append((str(key), OptionErrors([((KEY,), message)])))
        return failed, []

    def errors(self) -> list[tuple[KeyPath, str]]:
        """Validate and return every problem as (key path, message)."""
        failed, _ = self.validate()
        return flatten(failed)


def flatten(failed: base.ConfigErrors) -> list[tuple[KeyPath, str]]:
    """MkDocs' (option, error) pairs as (key path, message), one per problem."""
    out: list[tuple[KeyPath, str]] = []
    for key, exc in failed:
        if isinstance(exc, OptionErrors):
            out.extend(((key, *path), msg) for path, msg in exc.errors)
        else:
            out.append(((key,), str(exc)))
    return out


def close_match(word: str, options: Sequence[str]) -> str | None:
    """The option (or id) most like ``word``, for a "did you mean" hint."""
    found = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return found[0] if found else None


class ListOf(Option):
    """A list of sub-sections, each validated in full; errors carry the item's index."""

    def __init__(self, section: type[StrictConfig], default: list[dict[str, Any]] | None = None, *, max_items: int = 1000) -> None:
        super().__init__(default)
        self.section, self.max_items = section, max_items

    def run_validation(self, value: object) -> list[StrictConfig]:
        if value is None:
            value = self.default if self.default is not None else []
        if not isinstance(value, list):
            raise ValidationError(f"must be a list, not {type_name(value)}")
        if len(value) > self.max_items:
            raise ValidationError(f"has {len(value)} items; at most {self.max_items} are allowed")
        errors: list[tuple[KeyPath, str]] = []
        out: list[StrictConfig] = []
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                errors.append(((i,), f"must be a mapping, not {type_name(item)}"))
                continue
            section = self.section()
            section.load_dict(dict(item))
            errors.extend(((i, *path), msg) for path, msg in section.errors())
            out.append(section)
        if errors:
            raise OptionErrors(errors)
        return out


class RuleSeverities(Option):
    """Rule id → ``error``, ``warning`` or ``off``. Which ids exist is lint's to say: ``GlossaryOptions`` checks them
    against the ids it is given (``rule_ids``), so that configuration imports no rule."""

    def __init__(self) -> None:
        super().__init__({})

    def check(self, value: object) -> dict[str, Severity]:
        if not isinstance(value, dict):
            raise ValidationError(f"must be a mapping of rule id to error, warning or off, not {type_name(value)}")
        errors: list[tuple[KeyPath, str]] = []
        out: dict[str, Severity] = {}
        for rule_id, written in value.items():
            severity = "off" if written is False else written  # YAML 1.1 reads a bare `off` as false
            if severity not in ("error", "warning", "off"):
                errors.append(((rule_id,), f"severity must be error, warning or off, not {severity!r}"))
            else:
                out[rule_id] = Severity(severity)
        if errors:
            raise OptionErrors(errors)
        return out


def unknown_rules(written: object, known: Collection[str]) -> list[tuple[KeyPath, str]]:
    """The ids under ``rules:`` that name no rule in ``known``, each with a "did you mean" where one is close."""
    if not isinstance(written, dict):
        return []
    ids = sorted(known)
    errors: list[tuple[KeyPath, str]] = []
    for rule_id in written:
        if rule_id not in known:
            close = close_match(str(rule_id), ids)
            errors.append(
                ((str(rule_id), KEY), f"no rule has the id '{rule_id}'" + (f"; did you mean '{close}'?" if close else "; 'glossary-tool rules' lists them"))
            )
    return errors
