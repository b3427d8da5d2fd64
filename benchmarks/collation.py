"""Listing order: 10,000 generated terms per language sorted and given their headings, with ICU and with the fallback.

Run: .venv/bin/python benchmarks/collation.py — prints the median of seven runs per language and kind, side by side.
"""

from __future__ import annotations

import random
import statistics
import time

from glossary_tool.site.render.collation import Collation

TERMS = 10_000
RUNS = 7
# Letters each language's generated terms are made of (Chinese: the characters of a lab-equipment glossary).
LETTERS = {
    "sv": "abcdefghijklmnopqrstuvwxyzåäö",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "zh-Hans": "烧杯滴定管移液锥形瓶量筒试漏斗培养皿表面洗干燥器本生灯通风橱玻璃容",
    "ja": "あいうえおかきくけこさしすせそたちつてとビーカュレットフラスコ",
    "ko": "비커뷰렛피펫플라스크시험관깔때기",
}


def terms(letters: str) -> list[str]:
    rng = random.Random(1)
    return ["".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(TERMS)]


def main() -> None:
    for tag, letters in LETTERS.items():
        words = terms(letters)
        line = []
        for use_icu in (True, False):
            times = []
            for _ in range(RUNS):
                order = Collation(tag, use_icu=use_icu)  # a fresh one each run: nothing cached from the last
                start = time.perf_counter()
                sorted(words, key=order.sort_key)
                for w in words:
                    order.heading(w)
                times.append(time.perf_counter() - start)
            line.append(f"{'ICU' if use_icu else 'fallback'} {statistics.median(times) * 1000:6.1f} ms")
        print(f"{tag:8} {TERMS:,} terms, sort and headings: " + ", ".join(line))


if __name__ == "__main__":
    main()
