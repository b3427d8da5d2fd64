"""Zip archives whose bytes depend only on their members (fixed times, order and permissions), so that equal inputs
give equal files: the xlsx export and the site's zipped downloads are rebuilt byte for byte."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

# zip's own epoch is 1980; a fixed later date reads as "no real time" in every archive tool and spreadsheet.
FIXED_TIME = (2000, 1, 1, 0, 0, 0)


def zip_bytes(members: Iterable[tuple[str, bytes]]) -> bytes:
    """A deflated zip archive of ``members`` (name, bytes), in the order given, each dated ``FIXED_TIME``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16  # a plain readable file, whatever the building machine's umask
            archive.writestr(info, body)
    return out.getvalue()
