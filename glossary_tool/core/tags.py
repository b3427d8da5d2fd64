"""Language tags (BCP 47 as Babel and Material use them): the one pattern the configuration, the entry schema and the
trust checks accept, and the customary case a tag is kept in.
"""

from __future__ import annotations

import re

# Language, optional script, optional region (en, pt-BR, zh-Hant-TW), as the entry schema publishes it.
LOCALE_TAG = r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$"
LOCALE_CODE = re.compile(LOCALE_TAG)


def canonical_tag(code: str) -> str:
    """A language tag in BCP 47's customary case, whatever case it was written in: EN → en, zh-hans-cn → zh-Hans-CN.

    Text that is no tag (``zh_CN``) is returned as it is, for the error message to quote."""
    if not code.replace("-", "").isalnum():
        return code
    parts = code.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 and part.isalpha() else part.upper() if len(part) == 2 else part)
    return "-".join(out)


def tag_problem(code: str) -> str | None:
    """Why ``code`` is not a tag the glossary takes, with a "did you mean" where one is close; None when it is one.

    Tags are matched without regard to case; gettext's and POSIX's underscore (``zh_CN``) is not BCP 47."""
    canonical = canonical_tag(code)
    if LOCALE_CODE.match(canonical):
        return None
    fixed = canonical_tag(code.replace("_", "-").split(".")[0].split("@")[0])
    if fixed != canonical and LOCALE_CODE.match(fixed):
        return f"'{code}' is not a BCP 47 language tag; did you mean '{fixed}'?"
    return f"'{code}' is not a BCP 47 language tag such as en, sv, pt-BR or zh-Hant-TW"
