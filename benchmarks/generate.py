"""Synthetic glossaries for the benchmarks: valid, lint-clean entries in the real format, at any size.

Also writes the floor: the same pages as hand-written Markdown, built by plain MkDocs + Material per locale.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_LINE = "# yaml-language-server: $schema=../../glossary_tool/schemas/entry.schema.json\n"
# FAQ entries and comparisons do not grow with the glossary: a fixed count keeps the N-scaling about concepts.
FAQ_COUNT = 12

# Term = modifier + domain + head. Position i of each pool is the same word in both languages, so a concept's
# English and Swedish terms are translations; 40 × 40 × 40 = 64,000 unique terms per locale.
EN_A = ["offshore", "nearshore", "onshore", "captive", "managed", "shared", "remote", "hybrid", "automated", "regional",
        "global", "strategic", "tactical", "transactional", "analytical", "digital", "legal", "clinical", "financial", "technical",
        "contractual", "operational", "multilingual", "virtual", "dedicated", "integrated", "centralised", "distributed",
        "specialised", "scalable", "secure", "seasonal", "frontline", "tiered", "standard", "premium", "continuous",
        "predictive", "cognitive", "outcome-based"]
SV_A = ["offshore", "nearshore", "onshore", "koncernintern", "förvaltad", "delad", "distansbaserad", "hybrid", "automatiserad",
        "regional", "global", "strategisk", "taktisk", "transaktionell", "analytisk", "digital", "juridisk", "klinisk", "finansiell",
        "teknisk", "avtalsbaserad", "operativ", "flerspråkig", "virtuell", "dedikerad", "integrerad", "centraliserad",
        "distribuerad", "specialiserad", "skalbar", "säker", "säsongsbunden", "kundnära", "nivåindelad", "standardiserad",
        "premium", "kontinuerlig", "prediktiv", "kognitiv", "resultatbaserad"]
EN_B = ["invoice", "payroll", "claims", "ledger", "vendor", "customer", "patent", "contract", "compliance", "research",
        "recruitment", "billing", "help desk", "procurement", "logistics", "analytics", "marketing", "underwriting", "treasury",
        "audit", "tax", "pricing", "content", "transcription", "translation", "inventory", "onboarding", "benefits",
        "forecasting", "reporting", "quality", "risk", "data", "document", "talent", "fraud", "collections", "retention",
        "training", "order"]
SV_B = ["faktura", "löne", "skade", "huvudboks", "leverantörs", "kund", "patent", "avtals", "regelefterlevnads", "utrednings",
        "rekryterings", "fakturerings", "helpdesk", "inköps", "logistik", "analytik", "marknadsförings", "försäkrings",
        "likviditets", "revisions", "skatte", "prissättnings", "innehålls", "transkriberings", "översättnings", "lager",
        "introduktions", "förmåns", "prognos", "rapporterings", "kvalitets", "risk", "data", "dokument", "talang",
        "bedrägeri", "inkasso", "kundvårds", "utbildnings", "order"]
EN_C = ["processing", "management", "review", "handling", "reconciliation", "verification", "monitoring", "operations",
        "services", "desk", "centre", "hub", "workflow", "governance", "screening", "sourcing", "assessment", "migration",
        "validation", "escalation", "administration", "coordination", "optimisation", "maintenance", "planning", "support",
        "analysis", "automation", "outsourcing", "delivery", "control", "tracking", "scheduling", "archiving", "auditing",
        "benchmarking", "consolidation", "standardisation", "digitisation", "triage"]
SV_C = ["hantering", "förvaltning", "granskning", "behandling", "avstämning", "verifiering", "övervakning", "drift",
        "tjänster", "disk", "center", "nav", "arbetsflöde", "styrning", "sållning", "anskaffning", "bedömning", "migrering",
        "validering", "eskalering", "administration", "samordning", "optimering", "underhåll", "planering", "stöd", "analys",
        "automatisering", "outsourcing", "leverans", "kontroll", "spårning", "schemaläggning", "arkivering", "revision",
        "jämförelse", "konsolidering", "standardisering", "digitalisering", "triage"]
SV_NEUTER = {"center", "nav", "arbetsflöde", "stöd", "underhåll"}

# Sentences shared by many definitions; index i is the same sentence in both languages.
EN_FILLER = [
    "Providers run it from delivery centres in several time zones, under service-level agreements that fix turnaround times and accuracy targets.",
    "The client keeps ownership of the underlying policies and approves every exception that falls outside the agreed rules.",
    "Pricing is usually per transaction or per full-time equivalent, with penalties when quality drops below the contracted level.",
    "Work of this kind calls for trained analysts with domain knowledge rather than general clerical staff.",
    "Much of the routine part can be automated, which leaves people to handle judgement calls and escalations.",
    "Data protection rules decide where the work may be done and who may see the underlying records.",
    "A transition plan moves the work in waves, with knowledge transfer sessions and parallel runs before cut-over.",
    "Governance meetings review volumes, backlogs and error rates every month and agree on improvement actions.",
    "Buyers compare providers on cost, quality, scalability and the depth of their industry experience.",
    "Time-zone differences allow a follow-the-sun model in which work continues around the clock.",
]
SV_FILLER = [
    "Leverantörer utför det från leveranscenter i flera tidszoner, enligt servicenivåavtal som fastställer ledtider och krav på noggrannhet.",
    "Uppdragsgivaren behåller ägarskapet över de underliggande riktlinjerna och godkänner varje undantag som faller utanför de överenskomna reglerna.",
    "Priset sätts oftast per transaktion eller per heltidsresurs, med vite när kvaliteten sjunker under den avtalade nivån.",
    "Sådant arbete kräver utbildade analytiker med branschkunskap snarare än allmän kontorspersonal.",
    "Mycket av rutinarbetet kan automatiseras, så att människor kan ägna sig åt bedömningar och eskaleringar.",
    "Dataskyddsregler avgör var arbetet får utföras och vem som får se de underliggande uppgifterna.",
    "En övergångsplan flyttar arbetet i omgångar, med kunskapsöverföring och parallellkörning före övergången.",
    "Styrningsmöten går igenom volymer, balanser och felfrekvenser varje månad och kommer överens om förbättringar.",
    "Köpare jämför leverantörer på kostnad, kvalitet, skalbarhet och hur djup branscherfarenhet de har.",
    "Skillnader i tidszon gör det möjligt att arbeta dygnet runt enligt en följ-solen-modell.",
]
EN_EXAMPLES = [
    "A retailer sends its {b} backlog to a provider in another country, which clears it within two working days.",
    "An insurer moves {b} work to a specialist team and reviews a sample of the results every week.",
    "A bank asks its provider to take over {b} tasks during the busy season at the end of the financial year.",
    "A software company hands {b} work to a partner so that its own staff can focus on product development.",
]
SV_EXAMPLES = [
    "En detaljhandlare skickar sina eftersläpande {b}ärenden till en leverantör i ett annat land, som betar av dem inom två arbetsdagar.",
    "Ett försäkringsbolag flyttar {b}arbete till ett specialistteam och granskar ett urval av resultaten varje vecka.",
    "En bank ber sin leverantör att ta över {b}uppgifter under högsäsongen i slutet av räkenskapsåret.",
    "Ett mjukvaruföretag lämnar {b}arbete till en partner så att den egna personalen kan ägna sig åt produktutveckling.",
]
EN_NOTES = [
    "Contracts often distinguish this from in-house work by the ownership of the staff and the tools.",
    "Some sources treat the term as a synonym of the broader concept; this glossary keeps them apart.",
    "Regulators in some industries require the client to keep a copy of every record handled abroad.",
]
SV_NOTES = [
    "Avtal skiljer ofta detta från internt arbete genom vem som äger personalen och verktygen.",
    "Vissa källor behandlar termen som synonym till det överordnade begreppet; denna ordlista håller isär dem.",
    "Tillsynsmyndigheter i vissa branscher kräver att uppdragsgivaren sparar en kopia av varje post som hanteras utomlands.",
]
SOURCES = [
    ("BPO vs. KPO: Which Outsourcing is Best for Your Business?", "Booth & Partners", "2023-05-11"),
    ("BPO vs. KPO — What's the Difference?", "Ask Difference", "2023-10-20"),
    ("BPO vs KPO: Key Differences, Services, and Strategic Importance", "Business and Accounting Technology", None),
    ("A Practical Guide to Process Outsourcing Contracts", "Outsourcing Review", "2021-03-02"),
    ("Knowledge Process Outsourcing in Financial Services", "Finance Operations Quarterly", "2022-08-15"),
    ("Global Delivery Models Explained", "Sourcing Insights", None),
]
OTHER_CATEGORIES = ["general", "location", "notion", "challenge"]
CATEGORY_LABELS = {  # floor pages only: the same labels our templates show
    "en": {"general": "General concepts", "model": "Delivery models", "location": "Delivery locations", "service": "Services",
           "notion": "Key notions", "challenge": "Challenges"},
    "sv": {"general": "Allmänna begrepp", "model": "Leveransmodeller", "location": "Leveransplatser", "service": "Tjänster",
           "notion": "Nyckelbegrepp", "challenge": "Utmaningar"},
}


@dataclass
class Concept:
    """A generated concept: enough to write its YAML entry and its floor Markdown pages."""

    id: str
    category: str
    terms: dict[str, list[tuple[str, str, str]]]  # locale -> [(text, type, status)]
    genders: list[str]
    definition: dict[str, str]
    examples: dict[str, list[str]]
    notes: dict[str, list[str]]
    sources: list[tuple[str, str, str | None]]
    broader: list[str] = field(default_factory=list)
    narrower: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    contrast: list[str] = field(default_factory=list)
    service_of: list[str] = field(default_factory=list)


def _slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


def make_concepts(n: int, seed: int = 0) -> list[Concept]:
    """``n`` concepts with unique terms per locale, a broader/narrower tree, related links and services."""
    rng = random.Random(seed)
    size = len(EN_A) * len(EN_B) * len(EN_C)
    if n > size:
        raise ValueError(f"at most {size} concepts")
    combos = rng.sample(range(size), n)
    concepts: list[Concept] = []
    models = max(3, n // 50)
    for i, code in enumerate(combos):
        a, rest = divmod(code, len(EN_B) * len(EN_C))
        b, c = divmod(rest, len(EN_C))
        en_pref = f"{EN_A[a]} {EN_B[b]} {EN_C[c]}"
        sv_pref = f"{SV_A[a]} {SV_B[b]}{SV_C[c]}"
        if i < models:
            category = "model"
        elif rng.random() < 0.3:
            category = "service"
        else:
            category = rng.choice(OTHER_CATEGORIES)
        terms = {"en": [(en_pref, "fullForm", "preferred")], "sv": [(sv_pref, "fullForm", "preferred")]}
        if rng.random() < 0.5:  # an admitted variant; the parenthesised modifier keeps it unique
            terms["en"].append((f"{EN_B[b]} {EN_C[c]} ({EN_A[a]})", "variant", "admitted"))
            terms["sv"].append((f"{SV_B[b]}{SV_C[c]} ({SV_A[a]})", "variant", "admitted"))
        fill = rng.sample(range(len(EN_FILLER)), 2)
        ex = rng.randrange(len(EN_EXAMPLES))
        note = [rng.randrange(len(EN_NOTES))] if rng.random() < 0.5 else []
        concepts.append(Concept(
            id=_slug(en_pref), category=category, terms=terms,
            genders=["neutrum" if SV_C[c] in SV_NEUTER else "utrum"] * len(terms["sv"]),
            # One sentence of at most 30 words, as the definition rules ask; the explanations go to the notes.
            definition={
                "en": f"The {EN_A[a]} {EN_C[c]} of {EN_B[b]} work, carried out for a client by an outside provider or a dedicated unit.",
                "sv": f"{SV_C[c].capitalize()} av {SV_B[b].rstrip('s')}arbete med {SV_A[a]} inriktning, som en extern leverantör eller en särskild enhet utför åt en uppdragsgivare.",
            },
            examples={"en": [EN_EXAMPLES[ex].format(b=EN_B[b])], "sv": [SV_EXAMPLES[ex].format(b=SV_B[b].rstrip("s"))]},
            notes={"en": [" ".join(EN_FILLER[k] for k in fill), *(EN_NOTES[k] for k in note)],
                   "sv": [" ".join(SV_FILLER[k] for k in fill), *(SV_NOTES[k] for k in note)]},
            sources=rng.sample(SOURCES, rng.randint(1, 3)),
        ))
    ids = [c.id for c in concepts]
    by_id = {c.id: c for c in concepts}
    for i, concept in enumerate(concepts):
        # Each concept after the first few gets one broader concept among the earlier ones: a tree, so no cycles.
        if i >= 3 and rng.random() < 0.8:
            parent = concepts[rng.randrange(i)]
            concept.broader.append(parent.id)
            parent.narrower.append(concept.id)
        others = {rng.randrange(n) for _ in range(rng.randint(1, 3))} - {i}
        concept.related = [ids[k] for k in sorted(others) if ids[k] not in concept.broader]
        if rng.random() < 0.1:
            k = rng.randrange(n)
            if k != i and ids[k] not in concept.related and ids[k] not in concept.broader:
                concept.contrast.append(ids[k])
        if concept.category == "service":
            concept.service_of = [ids[rng.randrange(models)]]
        # Mention the broader concept in the definition, as real entries do: the renderer links it.
        if concept.broader:
            parent = by_id[concept.broader[0]]
            concept.definition["en"] = concept.definition["en"].removesuffix(".") + f", a form of {parent.terms['en'][0][0]}."
            concept.definition["sv"] = concept.definition["sv"].removesuffix(".") + f", en form av {parent.terms['sv'][0][0]}."
    # Related and contrast links are written on both concepts, as the lint rules ask; a pair is never both.
    for concept in concepts:
        for target in concept.contrast:
            other = by_id[target]
            if concept.id not in other.contrast:
                other.contrast.append(concept.id)
    offered: dict[str, set[str]] = {}  # model -> its services
    for concept in concepts:
        for model in concept.service_of:
            offered.setdefault(model, set()).add(concept.id)
    for concept in concepts:
        hierarchy = set(concept.broader) | set(concept.narrower) | set(concept.contrast) | set(concept.service_of) | offered.get(concept.id, set())
        concept.related = [t for t in concept.related if t not in hierarchy and t != concept.id]
    for concept in concepts:
        for target in concept.related:
            other = by_id[target]
            if concept.id not in other.related:
                other.related.append(concept.id)
    for concept in concepts:
        hierarchy = set(concept.broader) | set(concept.narrower) | set(concept.contrast)
        concept.related = [t for t in concept.related if t not in hierarchy]
    return concepts


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _folded(text: str, indent: int) -> str:
    pad = " " * indent
    return ">-\n" + "\n".join(pad + line for line in textwrap.wrap(text, 88 - indent)) + "\n"


def _ids(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def _sources(sources: list[tuple[str, str, str | None]]) -> str:
    out = "sources:\n"
    for title, publisher, date in sources:
        out += f"  - title: {_q(title)}\n    publisher: {_q(publisher)}\n"
        if date:
            out += f'    date: "{date}"\n'
    return out


def concept_yaml(c: Concept) -> str:
    out = SCHEMA_LINE + f"id: {c.id}\nkind: concept\ncategory: {c.category}\n"
    rels = [(name, getattr(c, name)) for name in ("broader", "narrower", "related", "contrast", "service_of") if getattr(c, name)]
    if rels:
        out += "relations:\n" + "".join(f"  {name}: {_ids(v)}\n" for name, v in rels)
    out += _sources(c.sources) + "locales:\n"
    for code in ("en", "sv"):
        out += f"  {code}:\n    terms:\n"
        for k, (text, ttype, status) in enumerate(c.terms[code]):
            out += f"      - text: {text}\n        type: {ttype}\n        status: {status}\n"
            out += "        grammar: {pos: noun}\n" if code == "en" else f"        grammar: {{pos: noun, gender: {c.genders[k]}}}\n"
        out += "    definition: " + _folded(c.definition[code], 6)
        if c.examples[code]:
            out += "    examples:\n" + "".join("      - " + _folded(e, 8) for e in c.examples[code])
        if c.notes[code]:
            out += "    notes:\n" + "".join("      - " + _folded(e, 8) for e in c.notes[code])
    return out


def _comparison(concepts: list[Concept]) -> tuple[str, str]:
    a, b = concepts[0], concepts[1]
    cid = f"{a.id}-vs-{b.id}"[:64].rstrip("-")
    dims = [("focus", "Focus", "Fokus", "Routine, rules-based processes.", "Rutinprocesser som följer regler.",
             "Knowledge work that calls for judgement.", "Kunskapsarbete som kräver omdöme."),
            ("skills", "Skills", "Kompetens", "Trained operators.", "Utbildade handläggare.", "Analysts and specialists.", "Analytiker och specialister."),
            ("pricing", "Pricing", "Prissättning", "Per transaction.", "Per transaktion.", "Per project or per hour.", "Per projekt eller per timme."),
            ("risk", "Risk", "Risk", "Lower; the work is well defined.", "Lägre; arbetet är väldefinierat.",
             "Higher; quality depends on expertise.", "Högre; kvaliteten beror på expertis.")]
    out = SCHEMA_LINE + f"id: {cid}\nkind: comparison\nconcepts: [{a.id}, {b.id}]\n" + _sources(SOURCES[:2])
    out += (f"locales:\n  en:\n    title: {_q(a.terms['en'][0][0] + ' versus ' + b.terms['en'][0][0])}\n"
            f"    intro: {_folded('How the two delivery models differ in focus, skills, pricing and risk.', 6)}"
            f"  sv:\n    title: {_q(a.terms['sv'][0][0] + ' jämfört med ' + b.terms['sv'][0][0])}\n"
            f"    intro: {_folded('Hur de två leveransmodellerna skiljer sig i inriktning, kompetens, prissättning och risk.', 6)}")
    out += "dimensions:\n"
    for did, en, sv, a_en, a_sv, b_en, b_sv in dims:
        out += (f"  - id: {did}\n    label: {{en: {en}, sv: {sv}}}\n    values:\n"
                f"      {a.id}: {{en: {_q(a_en)}, sv: {_q(a_sv)}}}\n      {b.id}: {{en: {_q(b_en)}, sv: {_q(b_sv)}}}\n")
    return cid, out


def _faqs(concepts: list[Concept], seed: int) -> list[tuple[str, list[str], dict[str, tuple[str, str]]]]:
    rng = random.Random(seed + 1)
    out = []
    for i in range(min(FAQ_COUNT, len(concepts))):
        c = concepts[rng.randrange(len(concepts))]
        en, sv = c.terms["en"][0][0], c.terms["sv"][0][0]
        # The answer quotes the definition, which names the broader concept: the question lists it too, as lint asks.
        out.append((f"faq-{i + 1}-what-is-{c.id}"[:64].rstrip("-"), [c.id, *c.broader[:1]], {
            "en": (f"What is {en}?", f"{c.definition['en'].removesuffix('.')}. {EN_FILLER[i % len(EN_FILLER)]}"),
            "sv": (f"Vad är {sv}?", f"{c.definition['sv'].removesuffix('.')}. {SV_FILLER[i % len(SV_FILLER)]}"),
        }))
    return out


def _faq_yaml(fid: str, ids: list[str], text: dict[str, tuple[str, str]]) -> str:
    out = SCHEMA_LINE + f"id: {fid}\nkind: faq\nconcepts: {_ids(ids)}\n" + _sources(SOURCES[:1]) + "locales:\n"
    for code in ("en", "sv"):
        out += f"  {code}:\n    question: {_q(text[code][0])}\n    answer: {_folded(text[code][1], 6)}"
    return out


def write_glossary(project: Path, n: int, seed: int = 0) -> list[Concept]:
    """A project folder like the repository's: mkdocs.yml, locales/ and content/ with ``n`` concepts."""
    if project.exists():
        shutil.rmtree(project)
    (project / "content" / "concepts").mkdir(parents=True)
    (project / "content" / "comparisons").mkdir()
    (project / "content" / "faq").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "locales", project / "locales")
    concepts = make_concepts(n, seed)
    for c in concepts:
        (project / "content" / "concepts" / f"{c.id}.yaml").write_text(concept_yaml(c), encoding="utf-8")
    if n >= 2:
        cid, text = _comparison(concepts)
        (project / "content" / "comparisons" / f"{cid}.yaml").write_text(text, encoding="utf-8")
    for fid, ids, text in _faqs(concepts, seed):
        (project / "content" / "faq" / f"{fid}.yaml").write_text(_faq_yaml(fid, ids, text), encoding="utf-8")
    return concepts


# ---- the floor: the same pages hand-written in Markdown, for a plain MkDocs + Material build ----

FLOOR_UI = {
    "en": {"home": "Home", "cats": "Categories", "az": "A–Z index", "faq": "Frequently asked questions", "terms": "Terms",
           "term": "Term", "type": "Type", "status": "Status", "grammar": "Grammar", "definition": "Definition",
           "examples": "Examples", "notes": "Notes", "related": "Related concepts", "sources": "Sources", "see": "See also",
           "rel": {"broader": "Broader concepts", "narrower": "Narrower concepts", "related": "Related", "contrast": "Contrasted with"},
           "services": "Services", "model": "Delivery model", "site": "Outsourcing Glossary", "noun": "noun",
           "languages": {"en": "English", "sv": "Swedish"}, "pairs": "Glossaries"},
    "sv": {"home": "Hem", "cats": "Kategorier", "az": "Register A–Ö", "faq": "Vanliga frågor", "terms": "Termer",
           "term": "Term", "type": "Typ", "status": "Status", "grammar": "Grammatik", "definition": "Definition",
           "examples": "Exempel", "notes": "Anmärkningar", "related": "Relaterade begrepp", "sources": "Källor", "see": "Se även",
           "rel": {"broader": "Överordnade begrepp", "narrower": "Underordnade begrepp", "related": "Relaterade", "contrast": "Kontrasteras mot"},
           "services": "Tjänster", "model": "Leveransmodell", "site": "Ordlista för outsourcing", "noun": "substantiv",
           "languages": {"en": "Engelska", "sv": "Svenska"}, "pairs": "Ordlistor"},
}


def _floor_concept(c: Concept, code: str, by_id: dict[str, Concept], services: list[str], ui: dict[str, object]) -> str:
    title = c.terms[code][0][0]
    link = lambda cid: f"[{by_id[cid].terms[code][0][0]}]({cid}.md)"  # noqa: E731
    out = f"# {title}\n\n[{CATEGORY_LABELS[code][c.category]}](../categories/{c.category}.md)"
    if c.service_of:
        out += f" · {ui['model']}: " + ", ".join(link(m) for m in c.service_of)
    out += f"\n\n## {ui['terms']}\n\n| {ui['term']} | {ui['type']} | {ui['status']} | {ui['grammar']} |\n| --- | --- | --- | --- |\n"
    for (text, ttype, status), gender in zip(c.terms[code], c.genders, strict=False):
        out += f"| **{text}** | {ttype} | {status} | {ui['noun']}{', ' + gender if code == 'sv' else ''} |\n"
    definition = c.definition[code]
    if c.broader:  # the first mention links, as our renderer does
        parent = by_id[c.broader[0]].terms[code][0][0]
        definition = definition.replace(parent, f"[{parent}]({c.broader[0]}.md)", 1)
    out += f"\n## {ui['definition']}\n\n{definition}\n"
    if c.examples[code]:
        out += f"\n## {ui['examples']}\n\n" + "".join(f"- {e}\n" for e in c.examples[code])
    if c.notes[code]:
        out += f"\n## {ui['notes']}\n\n" + "".join(f"- {e}\n" for e in c.notes[code])
    if services:
        out += f"\n## {ui['services']}\n\n" + "".join(f"- {link(s)}\n" for s in services)
    rels = [(name, getattr(c, name)) for name in ("broader", "narrower", "related", "contrast") if getattr(c, name)]
    if rels:
        out += f"\n## {ui['related']}\n\n" + "".join(f"{ui['rel'][name]}\n:   " + ", ".join(link(t) for t in ids) + "\n\n" for name, ids in rels)  # type: ignore[index]
    out += f"\n## {ui['sources']}\n\n" + "".join(f"- *{t}*, {p}{', ' + d if d else ''}\n" for t, p, d in c.sources)
    # The other language's block, as our concept pages show every configured language.
    other = "sv" if code == "en" else "en"
    out += f"\n## {ui['languages'][other]}\n\n| {ui['term']} | {ui['type']} | {ui['status']} |\n| --- | --- | --- |\n"
    out += "".join(f"| [{text}](../../{'sv/' if other == 'sv' else ''}terms/{c.id}/) | {ttype} | {status} |\n" for text, ttype, status in c.terms[other])
    out += f"\n{c.definition[other]}\n"
    return out


def _floor_pair(concepts: list[Concept], source: str, target: str, ui: dict[str, Any], code: str) -> str:
    """One page listing every concept's terms in two languages and its category, as our pair glossaries do."""
    names = ui["languages"]
    rows = sorted(concepts, key=lambda c: c.terms[source][0][0].casefold())
    head = f"# {names[source]} → {names[target]}\n\n| {names[source]} | {names[target]} | {ui['cats']} |\n| --- | --- | --- |\n"
    return head + "".join(
        f"| [{', '.join(t[0] for t in c.terms[source])}](../terms/{c.id}.md) | {', '.join(t[0] for t in c.terms[target])} | "
        f"[{CATEGORY_LABELS[code][c.category]}](../categories/{c.category}.md) |\n" for c in rows)


def write_floor(project: Path, concepts: list[Concept], seed: int = 0) -> dict[str, Path]:
    """Per locale, a plain MkDocs project with the same pages as ours; returns locale → mkdocs.yml."""
    by_id = {c.id: c for c in concepts}
    services: dict[str, list[str]] = {}
    for c in concepts:
        for m in c.service_of:
            services.setdefault(m, []).append(c.id)
    faqs = _faqs(concepts, seed)
    configs: dict[str, Path] = {}
    for code, prefix in (("en", ""), ("sv", "sv/")):
        ui = FLOOR_UI[code]
        base = project / "floor" / code
        docs = base / "docs"
        (docs / "terms").mkdir(parents=True)
        (docs / "categories").mkdir()
        (docs / "compare").mkdir()
        (docs / "glossary").mkdir()
        for source, target in (("en", "sv"), ("sv", "en")):
            (docs / "glossary" / f"{source}-{target}.md").write_text(_floor_pair(concepts, source, target, ui, code), encoding="utf-8")
        for c in concepts:
            (docs / "terms" / f"{c.id}.md").write_text(_floor_concept(c, code, by_id, services.get(c.id, []), ui), encoding="utf-8")
        cats = []
        for cat, label in CATEGORY_LABELS[code].items():
            members = sorted((c for c in concepts if c.category == cat), key=lambda c: c.terms[code][0][0])
            if not members:
                continue
            cats.append((cat, label))
            body = f"# {label}\n\n{len(members)} concepts.\n\n" + "".join(
                f"[{m.terms[code][0][0]}](../terms/{m.id}.md)\n:   {m.definition[code]}\n\n" for m in members)
            (docs / "categories" / f"{cat}.md").write_text(body, encoding="utf-8")
        entries = sorted(((t[0], c) for c in concepts for t in c.terms[code]), key=lambda e: e[0].casefold())
        body, letter = f"# {ui['az']}\n\n", ""
        for text, c in entries:
            if text[0].upper() != letter:
                letter = text[0].upper()
                body += f"\n## {letter}\n\n"
            body += f"- [{text}](terms/{c.id}.md)\n"
        (docs / "index-a-z.md").write_text(body, encoding="utf-8")
        a, b = concepts[0], concepts[1]
        cmp_id = f"{a.id}-vs-{b.id}"[:64].rstrip("-")
        (docs / "compare" / f"{cmp_id}.md").write_text(
            f"# {a.terms[code][0][0]} / {b.terms[code][0][0]}\n\n| | [{a.terms[code][0][0]}](../terms/{a.id}.md) | "
            f"[{b.terms[code][0][0]}](../terms/{b.id}.md) |\n| --- | --- | --- |\n"
            + "".join(f"| {d} | {EN_FILLER[k][:60]} | {EN_FILLER[k + 1][:60]} |\n" for k, d in enumerate(["Focus", "Skills", "Pricing", "Risk"])),
            encoding="utf-8")
        body = f"# {ui['faq']}\n\n" + "".join(f"## {text[code][0]}\n\n{text[code][1]}\n\n[{by_id[ids[0]].terms[code][0][0]}](terms/{ids[0]}.md)\n\n"
                                               for _fid, ids, text in faqs)
        (docs / "faq.md").write_text(body, encoding="utf-8")
        (docs / "index.md").write_text(f"# {ui['site']}\n\n{len(concepts)} concepts.\n\n" + "".join(
            f"- [{label}](categories/{cat}.md)\n" for cat, label in cats) + f"\n[{ui['az']}](index-a-z.md) · [{ui['faq']}](faq.md)\n", encoding="utf-8")
        nav = [{ui["home"]: "index.md"}, {ui["cats"]: [{label: f"categories/{cat}.md"} for cat, label in cats]},
               {ui["az"]: "index-a-z.md"}, {"Compare": f"compare/{cmp_id}.md"}, {ui["faq"]: "faq.md"},
               {ui["pairs"]: [{f"{a}–{b}": f"glossary/{a}-{b}.md"} for a, b in (("en", "sv"), ("sv", "en"))]}]
        config = {
            "site_name": ui["site"], "site_url": f"http://127.0.0.1:8000/{prefix}", "docs_dir": "docs",
            # One folder per locale: each build cleans its own site_dir, and the two run at the same time.
            "site_dir": str((project / f"floor-site-{code}").resolve()),
            "use_directory_urls": True, "validation": {"nav": {"omitted_files": "ignore"}},
            "theme": {"name": "material", "language": code,
                      "features": ["navigation.tabs", "navigation.top", "search.suggest", "search.highlight"],
                      "palette": [{"scheme": "default", "primary": "indigo"}]},
            "plugins": [{"search": {"lang": [code]}}], "extra": {"generator": False},
            "markdown_extensions": ["tables", "def_list", {"toc": {"permalink": False}}], "nav": nav,
        }
        (base / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")  # JSON is YAML
        configs[code] = base / "mkdocs.yml"
    return configs


def main() -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic glossary project (and its Markdown floor).")
    parser.add_argument("n", type=int, help="number of concepts")
    parser.add_argument("dest", type=Path, help="project folder to (re)create")
    parser.add_argument("--floor", action="store_true", help="also write the plain-MkDocs floor projects")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    concepts = write_glossary(args.dest, args.n, args.seed)
    if args.floor:
        write_floor(args.dest, concepts, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
