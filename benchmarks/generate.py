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
EN_A = [
    "offshore",
    "nearshore",
    "onshore",
    "captive",
    "managed",
    "shared",
    "remote",
    "hybrid",
    "automated",
    "regional",
    "global",
    "strategic",
    "tactical",
    "transactional",
    "analytical",
    "digital",
    "legal",
    "clinical",
    "financial",
    "technical",
    "contractual",
    "operational",
    "multilingual",
    "virtual",
    "dedicated",
    "integrated",
    "centralised",
    "distributed",
    "specialised",
    "scalable",
    "secure",
    "seasonal",
    "frontline",
    "tiered",
    "standard",
    "premium",
    "continuous",
    "predictive",
    "cognitive",
    "outcome-based",
]
SV_A = [
    "offshore",
    "nearshore",
    "onshore",
    "koncernintern",
    "förvaltad",
    "delad",
    "distansbaserad",
    "hybrid",
    "automatiserad",
    "regional",
    "global",
    "strategisk",
    "taktisk",
    "transaktionell",
    "analytisk",
    "digital",
    "juridisk",
    "klinisk",
    "finansiell",
    "teknisk",
    "avtalsbaserad",
    "operativ",
    "flerspråkig",
    "virtuell",
    "dedikerad",
    "integrerad",
    "centraliserad",
    "distribuerad",
    "specialiserad",
    "skalbar",
    "säker",
    "säsongsbunden",
    "kundnära",
    "nivåindelad",
    "standardiserad",
    "premium",
    "kontinuerlig",
    "prediktiv",
    "kognitiv",
    "resultatbaserad",
]
EN_B = [
    "invoice",
    "payroll",
    "claims",
    "ledger",
    "vendor",
    "customer",
    "patent",
    "contract",
    "compliance",
    "research",
    "recruitment",
    "billing",
    "help desk",
    "procurement",
    "logistics",
    "analytics",
    "marketing",
    "underwriting",
    "treasury",
    "audit",
    "tax",
    "pricing",
    "content",
    "transcription",
    "translation",
    "inventory",
    "onboarding",
    "benefits",
    "forecasting",
    "reporting",
    "quality",
    "risk",
    "data",
    "document",
    "talent",
    "fraud",
    "collections",
    "retention",
    "training",
    "order",
]
SV_B = [
    "faktura",
    "löne",
    "skade",
    "huvudboks",
    "leverantörs",
    "kund",
    "patent",
    "avtals",
    "regelefterlevnads",
    "utrednings",
    "rekryterings",
    "fakturerings",
    "helpdesk",
    "inköps",
    "logistik",
    "analytik",
    "marknadsförings",
    "försäkrings",
    "likviditets",
    "revisions",
    "skatte",
    "prissättnings",
    "innehålls",
    "transkriberings",
    "översättnings",
    "lager",
    "introduktions",
    "förmåns",
    "prognos",
    "rapporterings",
    "kvalitets",
    "risk",
    "data",
    "dokument",
    "talang",
    "bedrägeri",
    "inkasso",
    "kundvårds",
    "utbildnings",
    "order",
]
EN_C = [
    "processing",
    "management",
    "review",
    "handling",
    "reconciliation",
    "verification",
    "monitoring",
    "operations",
    "services",
    "desk",
    "centre",
    "hub",
    "workflow",
    "governance",
    "screening",
    "sourcing",
    "assessment",
    "migration",
    "validation",
    "escalation",
    "administration",
    "coordination",
    "optimisation",
    "maintenance",
    "planning",
    "support",
    "analysis",
    "automation",
    "outsourcing",
    "delivery",
    "control",
    "tracking",
    "scheduling",
    "archiving",
    "auditing",
    "benchmarking",
    "consolidation",
    "standardisation",
    "digitisation",
    "triage",
]
SV_C = [
    "hantering",
    "förvaltning",
    "granskning",
    "behandling",
    "avstämning",
    "verifiering",
    "övervakning",
    "drift",
    "tjänster",
    "disk",
    "center",
    "nav",
    "arbetsflöde",
    "styrning",
    "sållning",
    "anskaffning",
    "bedömning",
    "migrering",
    "validering",
    "eskalering",
    "administration",
    "samordning",
    "optimering",
    "underhåll",
    "planering",
    "stöd",
    "analys",
    "automatisering",
    "outsourcing",
    "leverans",
    "kontroll",
    "spårning",
    "schemaläggning",
    "arkivering",
    "revision",
    "jämförelse",
    "konsolidering",
    "standardisering",
    "digitalisering",
    "triage",
]
SV_NEUTER = {"center", "nav", "arbetsflöde", "stöd", "underhåll"}

# The same pools in Finnish and Chinese (simplified), for the benchmark of search in languages other than English and
# Swedish (bench.py's "world" part): a Finnish term is a modifier and a compound ("globaali laskukäsittely"), a
# Chinese one three words run together ("全球发票处理").
FI_A = [
    "offshore",
    "nearshore",
    "kotimainen",
    "konsernisisäinen",
    "hallinnoitu",
    "jaettu",
    "etätoiminen",
    "hybridinen",
    "automatisoitu",
    "alueellinen",
    "globaali",
    "strateginen",
    "taktinen",
    "transaktionaalinen",
    "analyyttinen",
    "digitaalinen",
    "juridinen",
    "kliininen",
    "taloudellinen",
    "tekninen",
    "sopimuspohjainen",
    "operatiivinen",
    "monikielinen",
    "virtuaalinen",
    "omistettu",
    "integroitu",
    "keskitetty",
    "hajautettu",
    "erikoistunut",
    "skaalautuva",
    "turvallinen",
    "kausiluonteinen",
    "etulinjan",
    "porrastettu",
    "vakioitu",
    "ensiluokkainen",
    "jatkuva",
    "ennakoiva",
    "kognitiivinen",
    "tulosperusteinen",
]
FI_B = [
    "lasku",
    "palkka",
    "korvaus",
    "pääkirja",
    "toimittaja",
    "asiakas",
    "patentti",
    "sopimus",
    "vaatimustenmukaisuus",
    "tutkimus",
    "rekrytointi",
    "laskutus",
    "helpdesk",
    "hankinta",
    "logistiikka",
    "analytiikka",
    "markkinointi",
    "vakuutus",
    "rahoitus",
    "tilintarkastus",
    "vero",
    "hinnoittelu",
    "sisältö",
    "litterointi",
    "käännös",
    "varasto",
    "perehdytys",
    "etuus",
    "ennuste",
    "raportointi",
    "laatu",
    "riski",
    "data",
    "asiakirja",
    "osaaja",
    "petos",
    "perintä",
    "asiakaspito",
    "koulutus",
    "tilaus",
]
FI_C = [
    "käsittely",
    "hallinta",
    "tarkastus",
    "hoito",
    "täsmäytys",
    "varmennus",
    "seuranta",
    "toiminta",
    "palvelut",
    "piste",
    "keskus",
    "keskittymä",
    "työnkulku",
    "ohjaus",
    "seulonta",
    "resursointi",
    "arviointi",
    "siirto",
    "validointi",
    "eskalointi",
    "hallinto",
    "koordinointi",
    "optimointi",
    "ylläpito",
    "suunnittelu",
    "tuki",
    "analyysi",
    "automaatio",
    "ulkoistus",
    "toimitus",
    "valvonta",
    "jäljitys",
    "aikataulutus",
    "arkistointi",
    "auditointi",
    "vertailuanalyysi",
    "yhdistäminen",
    "vakiointi",
    "digitalisointi",
    "luokittelu",
]
ZH_A = [
    "离岸",
    "近岸",
    "在岸",
    "自营",
    "托管",
    "共享",
    "远程",
    "混合",
    "自动化",
    "区域",
    "全球",
    "战略",
    "战术",
    "事务性",
    "分析型",
    "数字化",
    "法律",
    "临床",
    "财务",
    "技术",
    "合同制",
    "运营",
    "多语种",
    "虚拟",
    "专属",
    "集成",
    "集中式",
    "分布式",
    "专业化",
    "可扩展",
    "安全",
    "季节性",
    "一线",
    "分级",
    "标准",
    "高端",
    "持续",
    "预测性",
    "认知",
    "成果导向",
]
ZH_B = [
    "发票",
    "薪资",
    "理赔",
    "总账",
    "供应商",
    "客户",
    "专利",
    "合同",
    "合规",
    "研究",
    "招聘",
    "计费",
    "服务台",
    "采购",
    "物流",
    "数据分析",
    "营销",
    "核保",
    "资金",
    "审计",
    "税务",
    "定价",
    "内容",
    "转录",
    "翻译",
    "库存",
    "入职",
    "福利",
    "预测",
    "报告",
    "质量",
    "风险",
    "数据",
    "文档",
    "人才",
    "欺诈",
    "催收",
    "留存",
    "培训",
    "订单",
]
ZH_C = [
    "处理",
    "管理",
    "审核",
    "办理",
    "对账",
    "核实",
    "监控",
    "运维",
    "服务",
    "柜台",
    "中心",
    "枢纽",
    "工作流",
    "治理",
    "筛查",
    "寻源",
    "评估",
    "迁移",
    "验证",
    "升级处理",
    "行政",
    "协调",
    "优化",
    "维护",
    "规划",
    "支持",
    "分析",
    "自动执行",
    "外包",
    "交付",
    "控制",
    "跟踪",
    "排程",
    "归档",
    "稽核",
    "基准比较",
    "整合",
    "标准化",
    "电子化",
    "分诊",
]
FI_FILLER = [
    "Palveluntarjoajat hoitavat sitä toimituskeskuksista useilla aikavyöhykkeillä palvelutasosopimusten mukaan, jotka määräävät läpimenoajat ja tarkkuustavoitteet.",
    "Asiakas säilyttää taustalla olevien toimintaperiaatteiden omistajuuden ja hyväksyy jokaisen poikkeuksen, joka jää sovittujen sääntöjen ulkopuolelle.",
    "Hinta määräytyy yleensä tapahtumaa tai henkilötyövuotta kohden, ja sopimussakko seuraa, jos laatu jää sovitun tason alle.",
    "Tällainen työ vaatii koulutettuja analyytikoita, joilla on alan tuntemusta, eikä yleistä toimistohenkilöstöä.",
    "Suuri osa rutiinityöstä voidaan automatisoida, jolloin ihmiset voivat keskittyä harkintaa vaativiin päätöksiin ja eskalointeihin.",
    "Tietosuojasäännöt ratkaisevat, missä työtä saa tehdä ja kuka saa nähdä taustalla olevat tiedot.",
    "Siirtymäsuunnitelma siirtää työn vaiheittain, ja ennen käyttöönottoa järjestetään tiedonsiirtoa ja rinnakkaisajoja.",
    "Ohjausryhmä käy kuukausittain läpi volyymit, jonot ja virhetasot ja sopii parannustoimista.",
    "Ostajat vertailevat palveluntarjoajia kustannusten, laadun, skaalautuvuuden ja toimialakokemuksen perusteella.",
    "Aikaerot mahdollistavat mallin, jossa työ jatkuu vuorokauden ympäri auringon mukana.",
]
ZH_FILLER = [
    "服务商在多个时区的交付中心开展这项工作，并遵守规定周转时间和准确率目标的服务水平协议。",
    "客户保留相关政策的所有权，并审批每一项超出约定规则的例外情况。",
    "通常按笔或按全职人力计价，质量低于合同约定水平时须支付违约金。",
    "这类工作需要具备行业知识的专业分析人员，而不是一般的文书人员。",
    "其中大部分常规工作可以自动化，让人员专注于需要判断的事项和升级问题。",
    "数据保护法规决定工作可以在哪里完成以及谁可以查看相关记录。",
    "过渡计划分批转移工作，在切换之前进行知识转移和并行运行。",
    "治理会议每月审查业务量、积压和差错率，并商定改进措施。",
    "采购方根据成本、质量、可扩展性和行业经验的深度来比较服务商。",
    "时区差异使工作可以采用日不落模式，全天候持续进行。",
]
FI_EXAMPLES = [
    "Vähittäiskauppias lähettää {b}työnsä ruuhkan ulkomaiselle palveluntarjoajalle, joka purkaa sen kahdessa työpäivässä.",
    "Vakuutusyhtiö siirtää {b}työn erikoistiimille ja tarkastaa otoksen tuloksista joka viikko.",
    "Pankki pyytää palveluntarjoajaansa hoitamaan {b}tehtävät tilikauden lopun kiireisimpänä aikana.",
    "Ohjelmistoyritys antaa {b}työn kumppanille, jotta sen oma henkilöstö voi keskittyä tuotekehitykseen.",
]
ZH_EXAMPLES = [
    "一家零售商把积压的{b}工作交给另一个国家的服务商，对方在两个工作日内处理完毕。",
    "一家保险公司把{b}工作转给专业团队，并每周抽查部分结果。",
    "一家银行在财年末的旺季请服务商接手{b}任务。",
    "一家软件公司把{b}工作交给合作伙伴，让自己的员工专注于产品开发。",
]
FI_NOTES = [
    "Sopimuksissa tämä erotetaan omasta työstä sen perusteella, kuka omistaa henkilöstön ja välineet.",
    "Jotkin lähteet käyttävät termiä laajemman käsitteen synonyymina; tässä sanastossa ne pidetään erillään.",
    "Joillakin toimialoilla viranomaiset vaativat, että asiakas säilyttää kopion jokaisesta ulkomailla käsitellystä tietueesta.",
]
ZH_NOTES = [
    "合同通常根据人员和工具的归属，将其与内部工作区分开来。",
    "有些资料把这个术语当作上位概念的同义词；本术语表将二者分开。",
    "某些行业的监管机构要求客户保存在境外处理的每一条记录的副本。",
]

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
# The trilingual project's locales, category and relation labels (en and sv are the repository's own mkdocs.yml).
WORLD_LOCALES = [
    {"code": "en", "name": "English", "prefix": "", "site_name": "Outsourcing Glossary"},
    {"code": "fi", "name": "Suomi", "prefix": "fi/", "site_name": "Ulkoistussanasto"},
    {"code": "zh-Hans", "name": "简体中文", "prefix": "zh-hans/", "site_name": "外包术语表"},
]
WORLD_LABELS = {
    "general": {"fi": "Yleiset käsitteet", "zh-Hans": "一般概念"},
    "model": {"fi": "Toimitusmallit", "zh-Hans": "交付模式"},
    "location": {"fi": "Toimituspaikat", "zh-Hans": "交付地点"},
    "service": {"fi": "Palvelut", "zh-Hans": "服务"},
    "notion": {"fi": "Keskeiset käsitteet", "zh-Hans": "核心概念"},
    "challenge": {"fi": "Haasteet", "zh-Hans": "挑战"},
    "contrast": {"fi": "Vastakohta", "zh-Hans": "对照"},
    "service_of": {"fi": "Tarjotaan mallissa", "zh-Hans": "所属模式"},
    "service_of:inverse": {"fi": "Palvelut", "zh-Hans": "服务"},
}
CATEGORY_LABELS = {  # floor pages only: the same labels our templates show
    "en": {
        "general": "General concepts",
        "model": "Delivery models",
        "location": "Delivery locations",
        "service": "Services",
        "notion": "Key notions",
        "challenge": "Challenges",
    },
    "sv": {
        "general": "Allmänna begrepp",
        "model": "Leveransmodeller",
        "location": "Leveransplatser",
        "service": "Tjänster",
        "notion": "Nyckelbegrepp",
        "challenge": "Utmaningar",
    },
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


TEXTS = ("en", "sv", "fi", "zh-Hans")  # the languages the pools are written in


def text_language(code: str) -> str:
    """The pool a language's text comes from: its own, else English (the language axis of the benchmark, where only
    the number of languages matters)."""
    return code if code in TEXTS else "en"


def make_concepts(n: int, seed: int = 0, languages: tuple[str, ...] = ("en", "sv")) -> list[Concept]:
    """``n`` concepts with unique terms per locale, a broader/narrower tree, related links and services, in
    ``languages`` (en, sv, fi, zh-Hans in their own words, any other in English ones; the same concepts whichever)."""
    rng = random.Random(seed)
    size = len(EN_A) * len(EN_B) * len(EN_C)
    if n > size:
        raise ValueError(f"at most {size} concepts")
    combos = rng.sample(range(size), n)
    concepts: list[Concept] = []
    models = max(3, n // 50)
    for i, combo in enumerate(combos):
        a, rest = divmod(combo, len(EN_B) * len(EN_C))
        b, c = divmod(rest, len(EN_C))
        en_pref = f"{EN_A[a]} {EN_B[b]} {EN_C[c]}"
        sv_pref = f"{SV_A[a]} {SV_B[b]}{SV_C[c]}"
        if i < models:
            category = "model"
        elif rng.random() < 0.3:
            category = "service"
        else:
            category = rng.choice(OTHER_CATEGORIES)
        preferred = {"en": en_pref, "sv": sv_pref, "fi": f"{FI_A[a]} {FI_B[b]}{FI_C[c]}", "zh-Hans": f"{ZH_A[a]}{ZH_B[b]}{ZH_C[c]}"}
        variant = {
            "en": f"{EN_B[b]} {EN_C[c]} ({EN_A[a]})",
            "sv": f"{SV_B[b]}{SV_C[c]} ({SV_A[a]})",
            "fi": f"{FI_B[b]}{FI_C[c]} ({FI_A[a]})",
            "zh-Hans": f"{ZH_B[b]}{ZH_C[c]}（{ZH_A[a]}）",
        }
        terms = {code: [(preferred[text_language(code)], "fullForm", "preferred")] for code in languages}
        if rng.random() < 0.5:  # an admitted variant; the parenthesised modifier keeps it unique
            for lang in languages:
                terms[lang].append((variant[text_language(lang)], "variant", "admitted"))
        fill = rng.sample(range(len(EN_FILLER)), 2)
        ex = rng.randrange(len(EN_EXAMPLES))
        note = [rng.randrange(len(EN_NOTES))] if rng.random() < 0.5 else []
        # One sentence of at most 30 words, as the definition rules ask; the explanations go to the notes.
        definition = {
            "en": f"The {EN_A[a]} {EN_C[c]} of {EN_B[b]} work, carried out for a client by an outside provider or a dedicated unit.",
            "sv": f"{SV_C[c].capitalize()} av {SV_B[b].rstrip('s')}arbete med {SV_A[a]} inriktning, som en extern leverantör eller en särskild enhet utför åt en uppdragsgivare.",
            "fi": f"{FI_B[b].capitalize()}työn {FI_A[a]} {FI_C[c]}, jonka ulkopuolinen palveluntarjoaja tai erillinen yksikkö hoitaa asiakkaan puolesta.",
            "zh-Hans": f"由外部服务商或专门部门为客户承担的{ZH_A[a]}{ZH_B[b]}工作的{ZH_C[c]}。",
        }
        examples = {
            "en": EN_EXAMPLES[ex].format(b=EN_B[b]),
            "sv": SV_EXAMPLES[ex].format(b=SV_B[b].rstrip("s")),
            "fi": FI_EXAMPLES[ex].format(b=FI_B[b]),
            "zh-Hans": ZH_EXAMPLES[ex].format(b=ZH_B[b]),
        }
        fillers = {"en": EN_FILLER, "sv": SV_FILLER, "fi": FI_FILLER, "zh-Hans": ZH_FILLER}
        notes = {"en": EN_NOTES, "sv": SV_NOTES, "fi": FI_NOTES, "zh-Hans": ZH_NOTES}
        concepts.append(
            Concept(
                id=_slug(en_pref),
                category=category,
                terms=terms,
                genders=["neutrum" if SV_C[c] in SV_NEUTER else "utrum"] * len(terms[languages[0]]),
                definition={code: definition[text_language(code)] for code in languages},
                examples={code: [examples[text_language(code)]] for code in languages},
                notes={
                    code: [
                        ("" if code == "zh-Hans" else " ").join(fillers[text_language(code)][k] for k in fill),
                        *(notes[text_language(code)][k] for k in note),
                    ]
                    for code in languages
                },
                sources=rng.sample(SOURCES, rng.randint(1, 3)),
            )
        )
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
            mention = {"en": ", a form of {}.", "sv": ", en form av {}.", "fi": ", yksi käsitteen {} muodoista.", "zh-Hans": "，是{}的一种形式。"}
            for code in languages:
                concept.definition[code] = concept.definition[code].removesuffix(".").removesuffix("。") + mention[text_language(code)].format(
                    parent.terms[code][0][0]
                )
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
    for code in c.terms:
        out += f"  {code}:\n    terms:\n"
        for k, (text, ttype, status) in enumerate(c.terms[code]):
            out += f"      - text: {text}\n        type: {ttype}\n        status: {status}\n"
            out += f"        grammar: {{pos: noun, gender: {c.genders[k]}}}\n" if code == "sv" else "        grammar: {pos: noun}\n"
        out += "    definition: " + _folded(c.definition[code], 6)
        if c.examples[code]:
            out += "    examples:\n" + "".join("      - " + _folded(e, 8) for e in c.examples[code])
        if c.notes[code]:
            out += "    notes:\n" + "".join("      - " + _folded(e, 8) for e in c.notes[code])
    return out


def _comparison(concepts: list[Concept]) -> tuple[str, str]:
    a, b = concepts[0], concepts[1]
    cid = f"{a.id}-vs-{b.id}"[:64].rstrip("-")
    dims = [
        (
            "focus",
            "Focus",
            "Fokus",
            "Routine, rules-based processes.",
            "Rutinprocesser som följer regler.",
            "Knowledge work that calls for judgement.",
            "Kunskapsarbete som kräver omdöme.",
        ),
        ("skills", "Skills", "Kompetens", "Trained operators.", "Utbildade handläggare.", "Analysts and specialists.", "Analytiker och specialister."),
        ("pricing", "Pricing", "Prissättning", "Per transaction.", "Per transaktion.", "Per project or per hour.", "Per projekt eller per timme."),
        (
            "risk",
            "Risk",
            "Risk",
            "Lower; the work is well defined.",
            "Lägre; arbetet är väldefinierat.",
            "Higher; quality depends on expertise.",
            "Högre; kvaliteten beror på expertis.",
        ),
    ]
    out = SCHEMA_LINE + f"id: {cid}\nkind: comparison\nconcepts: [{a.id}, {b.id}]\n" + _sources(SOURCES[:2])
    out += (
        f"locales:\n  en:\n    title: {_q(a.terms['en'][0][0] + ' versus ' + b.terms['en'][0][0])}\n"
        f"    intro: {_folded('How the two delivery models differ in focus, skills, pricing and risk.', 6)}"
        f"  sv:\n    title: {_q(a.terms['sv'][0][0] + ' jämfört med ' + b.terms['sv'][0][0])}\n"
        f"    intro: {_folded('Hur de två leveransmodellerna skiljer sig i inriktning, kompetens, prissättning och risk.', 6)}"
    )
    out += "dimensions:\n"
    for did, en, sv, a_en, a_sv, b_en, b_sv in dims:
        out += (
            f"  - id: {did}\n    label: {{en: {en}, sv: {sv}}}\n    values:\n"
            f"      {a.id}: {{en: {_q(a_en)}, sv: {_q(a_sv)}}}\n      {b.id}: {{en: {_q(b_en)}, sv: {_q(b_sv)}}}\n"
        )
    return cid, out


def _faqs(concepts: list[Concept], seed: int) -> list[tuple[str, list[str], dict[str, tuple[str, str]]]]:
    rng = random.Random(seed + 1)
    out = []
    for i in range(min(FAQ_COUNT, len(concepts))):
        c = concepts[rng.randrange(len(concepts))]
        en, sv = c.terms["en"][0][0], c.terms["sv"][0][0]
        # The answer quotes the definition, which names the broader concept: the question lists it too, as lint asks.
        out.append(
            (
                f"faq-{i + 1}-what-is-{c.id}"[:64].rstrip("-"),
                [c.id, *c.broader[:1]],
                {
                    "en": (f"What is {en}?", f"{c.definition['en'].removesuffix('.')}. {EN_FILLER[i % len(EN_FILLER)]}"),
                    "sv": (f"Vad är {sv}?", f"{c.definition['sv'].removesuffix('.')}. {SV_FILLER[i % len(SV_FILLER)]}"),
                },
            )
        )
    return out


def _faq_yaml(fid: str, ids: list[str], text: dict[str, tuple[str, str]]) -> str:
    out = SCHEMA_LINE + f"id: {fid}\nkind: faq\nconcepts: {_ids(ids)}\n" + _sources(SOURCES[:1]) + "locales:\n"
    for code in ("en", "sv"):
        out += f"  {code}:\n    question: {_q(text[code][0])}\n    answer: {_folded(text[code][1], 6)}"
    return out


def world_config() -> str:
    """The repository's mkdocs.yml with the locales en, fi and zh-Hans instead of en and sv, and not strict (the
    package has no interface catalog for Chinese yet, which the build warns about)."""
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["strict"] = False
    glossary = next(p["glossary"] for p in config["plugins"] if isinstance(p, dict) and "glossary" in p)
    glossary["locales"] = WORLD_LOCALES
    for item in glossary["categories"] + glossary["relations"]:
        item["label"] = {"en": item["label"]["en"], **WORLD_LABELS[item["id"]]}
        if "inverse_label" in item:
            item["inverse_label"] = {"en": item["inverse_label"]["en"], **WORLD_LABELS[item["id"] + ":inverse"]}
    return json.dumps(config, ensure_ascii=False, indent=1)  # JSON is YAML


# The language axis: en and sv first, so that every count has the repository's labels; then languages Babel and
# Material both know, each written with the English pool unless it has its own.
AXIS_LANGUAGES = (
    "en",
    "sv",
    "fi",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "da",
    "nb",
    "pl",
    "cs",
    "sk",
    "sl",
    "hr",
    "ro",
    "hu",
    "et",
    "lv",
    "lt",
    "tr",
    "id",
    "zh-Hans",
)


def write_languages(project: Path, n: int, count: int, seed: int = 0) -> list[Concept]:
    """A project of ``n`` concepts in the first ``count`` languages of ``AXIS_LANGUAGES`` (not strict: most have no
    interface catalog, which the build warns about), without the FAQ and the comparison."""
    import yaml

    if project.exists():
        shutil.rmtree(project)
    (project / "content" / "concepts").mkdir(parents=True)
    shutil.copytree(ROOT / "locales", project / "locales")
    concepts = make_concepts(n, seed, AXIS_LANGUAGES[:count])
    for c in concepts:
        (project / "content" / "concepts" / f"{c.id}.yaml").write_text(concept_yaml(c), encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["strict"] = False
    glossary = next(p["glossary"] for p in config["plugins"] if isinstance(p, dict) and "glossary" in p)
    glossary["locales"] = [{"code": code} for code in AXIS_LANGUAGES[:count]]
    (project / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    return concepts


def write_glossary(project: Path, n: int, seed: int = 0, languages: tuple[str, ...] = ("en", "sv")) -> list[Concept]:
    """A project folder like the repository's: mkdocs.yml, locales/ and content/ with ``n`` concepts. In other
    languages than en and sv (``languages`` = en, fi, zh-Hans), without the FAQ and the comparison."""
    if project.exists():
        shutil.rmtree(project)
    (project / "content" / "concepts").mkdir(parents=True)
    (project / "content" / "comparisons").mkdir()
    (project / "content" / "faq").mkdir()
    shutil.copytree(ROOT / "locales", project / "locales")
    concepts = make_concepts(n, seed, languages)
    for c in concepts:
        (project / "content" / "concepts" / f"{c.id}.yaml").write_text(concept_yaml(c), encoding="utf-8")
    if languages != ("en", "sv"):
        (project / "mkdocs.yml").write_text(world_config(), encoding="utf-8")
        return concepts
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    if n >= 2:
        cid, text = _comparison(concepts)
        (project / "content" / "comparisons" / f"{cid}.yaml").write_text(text, encoding="utf-8")
    for fid, ids, faq in _faqs(concepts, seed):
        (project / "content" / "faq" / f"{fid}.yaml").write_text(_faq_yaml(fid, ids, faq), encoding="utf-8")
    return concepts


# ---- the floor: the same pages hand-written in Markdown, for a plain MkDocs + Material build ----

FLOOR_UI: dict[str, dict[str, Any]] = {
    "en": {
        "home": "Home",
        "cats": "Categories",
        "az": "A–Z index",
        "faq": "Frequently asked questions",
        "terms": "Terms",
        "term": "Term",
        "type": "Type",
        "status": "Status",
        "grammar": "Grammar",
        "definition": "Definition",
        "examples": "Examples",
        "notes": "Notes",
        "related": "Related concepts",
        "sources": "Sources",
        "see": "See also",
        "rel": {"broader": "Broader concepts", "narrower": "Narrower concepts", "related": "Related", "contrast": "Contrasted with"},
        "services": "Services",
        "model": "Delivery model",
        "site": "Outsourcing Glossary",
        "noun": "noun",
        "languages": {"en": "English", "sv": "Swedish"},
        "pairs": "Glossaries",
    },
    "sv": {
        "home": "Hem",
        "cats": "Kategorier",
        "az": "Register A–Ö",
        "faq": "Vanliga frågor",
        "terms": "Termer",
        "term": "Term",
        "type": "Typ",
        "status": "Status",
        "grammar": "Grammatik",
        "definition": "Definition",
        "examples": "Exempel",
        "notes": "Anmärkningar",
        "related": "Relaterade begrepp",
        "sources": "Källor",
        "see": "Se även",
        "rel": {"broader": "Överordnade begrepp", "narrower": "Underordnade begrepp", "related": "Relaterade", "contrast": "Kontrasteras mot"},
        "services": "Tjänster",
        "model": "Leveransmodell",
        "site": "Ordlista för outsourcing",
        "noun": "substantiv",
        "languages": {"en": "Engelska", "sv": "Svenska"},
        "pairs": "Ordlistor",
    },
}


def _floor_concept(c: Concept, code: str, by_id: dict[str, Concept], services: list[str], ui: dict[str, Any]) -> str:
    title = c.terms[code][0][0]

    def link(cid: str) -> str:
        return f"[{by_id[cid].terms[code][0][0]}]({cid}.md)"

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
        out += f"\n## {ui['related']}\n\n" + "".join(f"{ui['rel'][name]}\n:   " + ", ".join(link(t) for t in ids) + "\n\n" for name, ids in rels)
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
        f"[{CATEGORY_LABELS[code][c.category]}](../categories/{c.category}.md) |\n"
        for c in rows
    )


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
                f"[{m.terms[code][0][0]}](../terms/{m.id}.md)\n:   {m.definition[code]}\n\n" for m in members
            )
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
            encoding="utf-8",
        )
        body = f"# {ui['faq']}\n\n" + "".join(
            f"## {text[code][0]}\n\n{text[code][1]}\n\n[{by_id[ids[0]].terms[code][0][0]}](terms/{ids[0]}.md)\n\n" for _fid, ids, text in faqs
        )
        (docs / "faq.md").write_text(body, encoding="utf-8")
        (docs / "index.md").write_text(
            f"# {ui['site']}\n\n{len(concepts)} concepts.\n\n"
            + "".join(f"- [{label}](categories/{cat}.md)\n" for cat, label in cats)
            + f"\n[{ui['az']}](index-a-z.md) · [{ui['faq']}](faq.md)\n",
            encoding="utf-8",
        )
        nav = [
            {ui["home"]: "index.md"},
            {ui["cats"]: [{label: f"categories/{cat}.md"} for cat, label in cats]},
            {ui["az"]: "index-a-z.md"},
            {"Compare": f"compare/{cmp_id}.md"},
            {ui["faq"]: "faq.md"},
            {ui["pairs"]: [{f"{a}–{b}": f"glossary/{a}-{b}.md"} for a, b in (("en", "sv"), ("sv", "en"))]},
        ]
        config = {
            "site_name": ui["site"],
            "site_url": f"http://127.0.0.1:8000/{prefix}",
            "docs_dir": "docs",
            # One folder per locale: each build cleans its own site_dir, and the two run at the same time.
            "site_dir": str((project / f"floor-site-{code}").resolve()),
            "use_directory_urls": True,
            "validation": {"nav": {"omitted_files": "ignore"}},
            "theme": {
                "name": "material",
                "language": code,
                "features": ["navigation.tabs", "navigation.top", "search.suggest", "search.highlight"],
                "palette": [{"scheme": "default", "primary": "indigo"}],
            },
            "plugins": [{"search": {"lang": [code]}}],
            "extra": {"generator": False},
            "markdown_extensions": ["tables", "def_list", {"toc": {"permalink": False}}],
            "nav": nav,
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
