"""Validation of TBX output against the official TBX-Basic schemas kept in ../shared/tbx beside the repository."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree, isoschematron

# The repository is always cloned beside shared/ (CI clones it to a fresh folder next to ../shared).
TBX_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "tbx"


@cache
def _schemas() -> tuple[etree.RelaxNG, isoschematron.Schematron]:
    assert (TBX_DIR / "basic.rng").is_file(), f"TBX-Basic schemas not found in {TBX_DIR.resolve()}"
    rng = etree.RelaxNG(etree.parse(str(TBX_DIR / "basic.rng")))
    sch = isoschematron.Schematron(etree.parse(str(TBX_DIR / "basic_xpath1.sch")))
    return rng, sch


def tbx_errors(data: bytes) -> list[str]:
    """Every RelaxNG and Schematron error for a TBX document (empty when it is valid TBX-Basic)."""
    rng, sch = _schemas()
    doc = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    errors = [] if rng.validate(doc) else [f"rng: {e.line}: {e.message}" for e in rng.error_log]
    if not sch.validate(doc):
        errors += [f"sch: {e.message}" for e in sch.error_log]
    return errors
