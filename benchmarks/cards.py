"""Benchmark of the share cards (src/bangvang/cards.py): drawing time, PNG size, cache hits.

    python benchmarks/cards.py                     # 100 cards a run, 5 runs
    python benchmarks/cards.py --cards 50 --runs 3 --json cards.json

For cards without a photo and cards with one it

1. makes that many distinct cards (synthetic Vietnamese names, honours, units, dates; the photos
   are phone-sized synthetic JPEGs, 1536×2048, a few hundred KB, ten of them used in turn);
2. times drawing them all through CardCache into an empty folder (cold cache: key, draw, write),
   `--runs` times, each into a fresh folder; the figure is the median run;
3. sums the size of the PNG files of one run;
4. times the same cards again from the filled folder (warm cache: key and read only), median.

Times are wall seconds of this process, fonts already loaded (one card is drawn first). Printed
as a Markdown table; with --json, also written as JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from synth import FAMILY, GIVEN, MIDDLE

from bangvang.cards import Card, CardCache, draw

HONOURS = ["Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen của Chủ tịch UBND huyện", "Chiến sĩ thi đua cơ sở",
           "Lao động tiên tiến", "Bằng khen của Thủ tướng Chính phủ", "Huân chương Lao động hạng Ba"]
UNITS = ["Thôn {n}, xã An Bình", "Tổ dân phố {n}", "Trường Tiểu học số {n}", "Chi hội Phụ nữ thôn {n}"]
PHOTOS = 10


def make_photos(folder: Path, count: int = PHOTOS) -> list[Path]:
    """Phone-sized JPEGs with texture (noise, gradients), so that they compress like photos."""
    from PIL import Image, ImageFilter

    paths = []
    for i in range(count):
        size = (1536, 2048)
        texture = Image.effect_noise(size, 40 + 5 * i).filter(ImageFilter.GaussianBlur(2))
        ramp = Image.linear_gradient("L").resize(size)
        shade = Image.radial_gradient("L").resize(size)
        image = Image.merge("RGB", (ramp, texture, shade)) if i % 2 else Image.merge("RGB", (texture, shade, ramp))
        paths.append(folder / f"anh-{i}.jpg")
        image.save(paths[-1], "JPEG", quality=85)
    return paths


def make_cards(count: int, photos: list[Path] | None, seed: int = 1) -> list[Card]:
    """`count` distinct cards of people, each with a photo from `photos` when given."""
    rng = random.Random(seed)
    result = []
    for i in range(count):
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        lines = (rng.choice(HONOURS), rng.choice(UNITS).format(n=rng.randint(1, 12)),
                 f"Ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm {rng.randint(2015, 2025)} (số {i})")
        photo = photos[i % len(photos)] if photos else None
        result.append(Card("Gương điển hình tiên tiến", name, lines, "Bảng vàng xã An Bình", photo, alt=name))
    return result


def timed(cache: CardCache, cards: list[Card]) -> float:
    start = time.perf_counter()
    for card in cards:
        cache.png(card)
    return time.perf_counter() - start


def measure(cards: list[Card], runs: int, work: Path) -> dict:
    """Cold and warm times (median of `runs`) and total PNG size of drawing `cards`."""
    cold, warm, sizes = [], [], []
    for run in range(runs):
        folder = work / f"run-{run}"
        cache = CardCache(folder)
        cold.append(timed(cache, cards))
        assert cache.drawn == len(cards)
        warm.append(timed(cache, cards))
        assert cache.drawn == len(cards)  # nothing drawn again
        sizes.append(sum(p.stat().st_size for p in folder.glob("*.png")))
    return {"cards": len(cards), "cold_s": statistics.median(cold), "warm_s": statistics.median(warm),
            "cold_runs_s": cold, "warm_runs_s": warm, "png_bytes": sizes[0]}


def table(results: dict[str, dict]) -> str:
    rows = ["| cards | count | cold: draw all (median) | per card | warm: all from cache | PNG total | per card |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, r in results.items():
        n = r["cards"]
        rows.append(f"| {name} | {n} | {r['cold_s']:.2f} s | {1000 * r['cold_s'] / n:.0f} ms | "
                    f"{1000 * r['warm_s']:.0f} ms | {r['png_bytes'] / 1e6:.2f} MB | {r['png_bytes'] / n / 1e3:.0f} KB |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cards", type=int, default=100, help="cards a run (default 100)")
    p.add_argument("--runs", type=int, default=5, help="runs; the median counts (default 5)")
    p.add_argument("--json", type=Path, help="write the results here")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bangvang-cards-") as tmp:
        work = Path(tmp)
        photos = make_photos(work)
        draw(make_cards(1, photos)[0])  # fonts loaded, caches warm: not counted
        results = {"without photo": measure(make_cards(args.cards, None), args.runs, work / "plain"),
                   "with photo": measure(make_cards(args.cards, photos), args.runs, work / "photo")}
        results["with photo"]["photo_bytes_avg"] = sum(p.stat().st_size for p in photos) // len(photos)
    print(table(results))
    print(f"\nphotos: {PHOTOS} synthetic JPEGs of 1536×2048, "
          f"{results['with photo']['photo_bytes_avg'] / 1e3:.0f} KB on average")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
