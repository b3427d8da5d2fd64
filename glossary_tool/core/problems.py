"""Problems are plain values that every stage returns instead of raising."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.StrEnum):
    """How much a problem matters; ``off`` is only used in configuration."""

    ERROR = "error"
    WARNING = "warning"
    OFF = "off"


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One finding, located at a 1-based line and column of a file."""

    path: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str

    def with_severity(self, severity: Severity) -> Problem:
        """Return a copy with another severity (used for configuration and ``--strict``)."""
        return Problem(self.path, self.line, self.column, self.rule, severity, self.message)


QUOTE = 60  # characters of a value from a file quoted in a message


def clip(value: object, limit: int = QUOTE) -> str:
    """A value from a file as quoted in a message: cut to ``limit`` characters, so a 100 KB cell is not echoed whole."""
    text = str(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}… ({len(text)} characters)"


def sort_key(problem: Problem) -> tuple[str, int, int, str, str]:
    """Deterministic order: by file, position, rule, then message."""
    return (problem.path, problem.line, problem.column, problem.rule, problem.message)


class FatalError(Exception):
    """Raised only when the tool cannot continue at all (bad configuration, missing folder)."""


class BuildFailed(Exception):
    """The site build stopped (lint errors, a failing locale build); the message says why. Exit status 1."""
