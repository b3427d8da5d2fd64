"""Benchmark of ``glossary-tool check``: 1,000 Markdown pages (5 MB) against a 10,000-concept glossary.

Measured side by side in each run, so that a busy neighbour slows every figure of a run alike:
- the floor: reading the same files and splitting them into stemmed words with the word pipeline (``words.tokens``
  and ``words.stems`` over each whole file), nothing else;
- ``run_check`` in process: loading the glossary, building the automata, reading, matching and reporting, without
  the cache of the glossary's terms (a first run, or CI) and with it (a pre-commit hook, the next run);
- its document part alone (the glossary's terms and the automata made before the clock starts);
- the command line, ``glossary-tool check docs --format json``, as CI runs it (interpreter start and imports
  included), without and with the cache.

    .venv/bin/python benchmarks/check_docs.py [--runs 5] [--pages 1000] [--concepts 10000]

Prints medians and the ratios of each run's figures to its floor, and writes nothing but its data folder
(``benchmarks/.data/check``).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import EN_FILLER, ROOT, Concept, concept_yaml, make_concepts

from glossary_tool.check import KINDS, CheckOptions, check_file, run_check
from glossary_tool.check.cache import glossary_terms
from glossary_tool.check.terms import GlossaryTerms
from glossary_tool.core import words
from glossary_tool.core.config import load_settings
from glossary_tool.core.terminal import display_path

DATA = ROOT / "benchmarks" / ".data" / "check"
DEPRECATED_SHARE = 0.2  # concepts that also record a deprecated term


def deprecate(concepts: list[Concept], seed: int) -> None:
    """Give a share of the concepts a deprecated English and Swedish term (the preferred term and a word after it)."""
    rng = random.Random(seed)
    for c in concepts:
        if rng.random() < DEPRECATED_SHARE:
            c.terms["en"].append((c.terms["en"][0][0] + " unit", "variant", "deprecated"))
            c.terms["sv"].append((c.terms["sv"][0][0] + "senhet", "variant", "deprecated"))
            c.genders.append("utrum")


def page(rng: random.Random, concepts: list[Concept], size: int) -> str:
    """One documentation page of about ``size`` characters: headings, prose naming terms (a few deprecated, some
    inflected), a list, a table, inline code, a link and a fenced code block."""
    out = [f"---\ntitle: Page {rng.randrange(10**6)}\n---\n", f"# {rng.choice(concepts).terms['en'][0][0].capitalize()}\n\n"]
    length = sum(map(len, out))
    while length < size:
        c = rng.choice(concepts)
        term = c.terms["en"][-1][0] if c.terms["en"][-1][2] == "deprecated" and rng.random() < 0.3 else c.terms["en"][0][0]
        sentences = rng.sample(EN_FILLER, 3)
        plural = term + "s" if rng.random() < 0.3 else term
        block = rng.randrange(6)
        if block == 0:
            text = f"## About {term}\n\nThe {plural} team reads `config.{rng.randrange(99)}` first. {sentences[0]} See [the guide](https://example.com/{c.id}).\n\n"
        elif block == 1:
            text = f"- {sentences[0]}\n- The {plural} backlog, as agreed.\n- {sentences[1]}\n\n"
        elif block == 2:
            text = f"| Service | Notes |\n|---|---|\n| {term} | {sentences[0]} |\n| {rng.choice(concepts).terms['en'][0][0]} | {sentences[1]} |\n\n"
        elif block == 3:
            text = f"```yaml\nservice: {term}\nowner: {rng.randrange(999)}\n```\n\n{sentences[2]}\n\n"
        else:
            text = f"{sentences[0]} Our {plural} follow the contract. {sentences[1]} {sentences[2]}\n\n"
        out.append(text)
        length += len(text)
    return "".join(out)


def prepare(n_concepts: int, n_pages: int, seed: int = 0) -> Path:
    project = DATA / f"c{n_concepts}-p{n_pages}"
    if (project / "ready").exists():
        return project
    if project.exists():
        shutil.rmtree(project)
    (project / "content" / "concepts").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    concepts = make_concepts(n_concepts, seed)
    deprecate(concepts, seed)
    for c in concepts:
        (project / "content" / "concepts" / f"{c.id}.yaml").write_text(concept_yaml(c), encoding="utf-8")
    rng = random.Random(seed)
    docs = project / "docs"
    for k in range(n_pages):
        folder = docs / f"section-{k // 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"page-{k:04d}.md").write_text(page(rng, concepts, 5000), encoding="utf-8")
    (project / "ready").write_text("", encoding="utf-8")
    return project


def floor(files: list[Path]) -> float:
    """Read every file and split it into stemmed words with the pipeline."""
    start = time.perf_counter()
    for path in files:
        text = path.read_bytes().decode("utf-8")
        words.stems(words.tokens(text, "en"), "en")
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--concepts", type=int, default=10000)
    args = parser.parse_args(argv)
    project = prepare(args.concepts, args.pages)
    docs = project / "docs"
    files = sorted(p for p in docs.rglob("*") if p.suffix in KINDS)
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    print(f"{len(files)} pages, {megabytes:.1f} MB, {args.concepts} concepts; {args.runs} runs")
    words.word_pattern()  # built once per process, as any command does before its first word
    os.chdir(project)
    settings = load_settings("mkdocs.yml")
    options = CheckOptions()
    cache = project / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    command = [str(Path(sys.executable).parent / "glossary-tool"), "check", "docs", "--format", "json"]
    rows: dict[str, list[float]] = {
        "floor": [],
        "documents": [],
        "check, no cache": [],
        "check, cached": [],
        "CLI, no cache": [],
        "CLI, cached": [],
        "problems": [],
    }
    for _ in range(args.runs):
        rows["floor"].append(floor(files))
        start = time.perf_counter()
        result = run_check(settings, [Path("docs")], options)
        rows["check, no cache"].append(time.perf_counter() - start)
        rows["problems"].append(len(result.problems))
        run_check(settings, [Path("docs/section-00/page-0000.md")], options, cache=cache)  # fills the cache
        start = time.perf_counter()
        cached = run_check(settings, [Path("docs")], options, cache=cache)
        rows["check, cached"].append(time.perf_counter() - start)
        assert cached.problems == result.problems
        terms = GlossaryTerms(glossary_terms(settings, cache)[0], settings.check_ignore)
        terms["en"]
        start = time.perf_counter()
        for path in files:
            check_file(settings, terms, path, display_path(path), "markdown", options)
        rows["documents"].append(time.perf_counter() - start)
        for name, extra in (("CLI, no cache", ["--no-cache"]), ("CLI, cached", [])):
            start = time.perf_counter()
            subprocess.run([*command, *extra], cwd=project, env=env, stdout=subprocess.DEVNULL, check=False)
            rows[name].append(time.perf_counter() - start)
    print("| measure | median s | median ratio to the floor |")
    print("| --- | ---: | ---: |")
    for name in ("floor", "documents", "check, no cache", "check, cached", "CLI, no cache", "CLI, cached"):
        ratios = [t / f for t, f in zip(rows[name], rows["floor"], strict=True)]
        print(f"| {name} | {statistics.median(rows[name]):.2f} | {statistics.median(ratios):.2f} |")
    print(f"problems reported: {statistics.median(rows['problems']):.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
