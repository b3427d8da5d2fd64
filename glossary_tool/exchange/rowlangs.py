"""The languages of a table's rows: the source language, which names a concept, and the other one, as the options,
the header or each row's language cells say them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from glossary_tool.core.config import Settings
from glossary_tool.core.problems import FatalError, Problem, Severity, clip
from glossary_tool.exchange.columns import SOURCE, TARGET, Columns
from glossary_tool.exchange.registry import ImportOptions, match_locale, problem

if TYPE_CHECKING:
    from glossary_tool.exchange.table import Table


def pair_languages(settings: Settings, options: ImportOptions) -> tuple[str, str]:
    """The languages of a two-column file that says nothing of them: --source-locale (default: the source locale) and
    --target-locale (default: the one other configured locale)."""
    check_locales(settings, options)
    src = options.source_locale or settings.source_locale
    if options.target_locale is not None:
        tgt = options.target_locale
    else:
        others = [c for c in settings.locale_codes if c != src]
        if len(others) != 1:
            raise FatalError(f"a two-column file needs --target-locale (one of {', '.join(others) or 'no other locale'})")
        tgt = others[0]
    if src == tgt:
        raise FatalError(f"--source-locale and --target-locale are both '{src}'")
    return src, tgt


def check_locales(settings: Settings, options: ImportOptions) -> None:
    for flag, code in (("--source-locale", options.source_locale), ("--target-locale", options.target_locale)):
        if code is not None and code not in settings.locale_codes:
            raise FatalError(f"{flag} {code}: not a configured locale ({', '.join(settings.locale_codes)})")


@dataclass
class RowLanguages:
    """The locales of the roles SOURCE and TARGET, fixed for the file or said per row; rows in a pair that is not
    configured are counted and reported once."""

    table: Table
    settings: Settings
    options: ImportOptions
    columns: Columns
    problems: list[Problem]
    roles: dict[str, str] = field(default_factory=dict)  # SOURCE/TARGET -> locale, when the file does not say per row
    skipped_pairs: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def fixed(self) -> list[Problem]:
        """The languages of the roles when the rows do not say them: the options', else the header's; an option naming a
        language the file has no column in is an error."""
        check_locales(self.settings, self.options)
        if self.columns.row_languages is not None:
            return []
        roles_used = {s.lang for s in self.columns.slots} | {lang for _, lang in self.columns.texts}
        if TARGET in roles_used:
            src, tgt = pair_languages(self.settings, self.options)
            self.roles = {SOURCE: src, TARGET: tgt}
            return []
        langs = [s.lang for s in self.columns.slots if s.lang != SOURCE]
        missing = self.option_without_column(langs)
        if missing:
            return missing
        self.roles = {SOURCE: self.options.source_locale or self.source_of(langs)}
        return []

    def option_without_column(self, langs: list[str]) -> list[Problem]:
        """The error for the first of --source-locale and --target-locale that names a language the header lacks."""
        for flag, named in (("--source-locale", self.options.source_locale), ("--target-locale", self.options.target_locale)):
            if named is not None and named not in langs:
                return [
                    problem(
                        self.table.path,
                        1,
                        self.table.rule,
                        f"{flag} {named}: the file has no column in that language (its languages: {', '.join(dict.fromkeys(langs))})",
                    )
                ]
        return []

    def source_of(self, langs: list[str]) -> str:
        """The source language among a header's languages when no option names it: the glossary's, else the first."""
        return self.settings.source_locale if self.settings.source_locale in langs else langs[0]

    def of_row(self, line: int, cells: list[str]) -> dict[str, str] | None:
        """The languages of a row: the options' (or the header's), or what its sourceLang and targetLang cells say. A row
        in a language pair that is not configured is skipped; one that contradicts --source-locale or --target-locale
        stops the import with an error, since its terms would land in the wrong language."""
        if self.columns.row_languages is None:
            return self.roles
        said = [cells[i].strip() if i < len(cells) else "" for i in self.columns.row_languages]
        if not any(said):  # a row that does not say (DeepL's language columns are optional): the options decide
            return self.option_roles()
        return self.said_roles(line, said)

    def option_roles(self) -> dict[str, str]:
        """The roles the options give, worked out at the first row that needs them."""
        if not self.roles:
            src, tgt = pair_languages(self.settings, self.options)
            self.roles = {SOURCE: src, TARGET: tgt}
        return self.roles

    def said_roles(self, line: int, said: list[str]) -> dict[str, str] | None:
        """The roles a row's language cells give; None for a row that contradicts an option or is skipped."""
        codes = [match_locale(tag, self.settings) if tag else None for tag in said]
        if self.contradicted(line, said, codes):
            return None
        if codes[0] is None or codes[1] is None or codes[0] == codes[1]:
            self.skipped_pairs.setdefault((said[0] or "?", said[1] or "?"), []).append(line)
            return None
        return {SOURCE: codes[0], TARGET: codes[1]}

    def contradicted(self, line: int, said: list[str], codes: list[str | None]) -> bool:
        """Whether a row's language cells contradict --source-locale or --target-locale (an error at the row)."""
        for flag, given, tag, code in zip(
            ("--source-locale", "--target-locale"), (self.options.source_locale, self.options.target_locale), said, codes, strict=True
        ):
            if given is not None and code is not None and code != given:
                self.problems.append(
                    problem(
                        self.table.path,
                        line,
                        self.table.rule,
                        f"the file says this row is in '{clip(tag)}', but {flag} is "
                        f"{given}: the file's languages decide; leave {flag} out, or import the file into the project of its languages",
                    )
                )
                return True
        return False

    def report_skipped(self) -> None:
        for (src, tgt), lines in self.skipped_pairs.items():
            self.problems.append(
                problem(
                    self.table.path,
                    lines[0],
                    self.table.rule,
                    f"{len(lines)} row(s) in {clip(src)} → {clip(tgt)} not imported "
                    "(first here): not a pair of configured locales; add the languages to locales in mkdocs.yml to import them",
                    Severity.WARNING,
                )
            )
