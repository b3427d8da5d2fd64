"""UI labels of the closed vocabularies (term types, statuses, registers, grammar, built-in relations), as gettext msgids."""

from __future__ import annotations

from glossary_tool.site.render.i18n import _

TYPE_LABELS = {"fullForm": _("full form"), "abbreviation": _("abbreviation"), "acronym": _("acronym"),
               "shortForm": _("short form"), "variant": _("variant"), "phrase": _("phrase")}
STATUS_LABELS = {"preferred": _("preferred"), "admitted": _("admitted"), "deprecated": _("deprecated"),
                 "proposed": _("proposed"), "obsolete": _("obsolete")}
REGISTER_LABELS = {"colloquial": _("colloquial"), "technical": _("technical"), "inHouse": _("in-house"),
                   "slang": _("slang"), "vulgar": _("vulgar")}
POS_LABELS = {"noun": _("noun"), "verb": _("verb"), "adjective": _("adjective"), "adverb": _("adverb"),
              "properNoun": _("proper noun"), "other": _("other")}
GENDER_LABELS = {"utrum": _("common gender"), "neutrum": _("neuter"), "masculine": _("masculine"),
                 "feminine": _("feminine"), "neuter": _("neuter"), "other": _("other")}
RELATION_LABELS = {"broader": _("Broader concepts"), "narrower": _("Narrower concepts"), "related": _("Related")}
PAGE_LABELS = (_("Home"), _("Categories"), _("A–Z index"), _("Frequently asked questions"), _("plural"))
