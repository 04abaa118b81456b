"""Entity-resolution cost: clustering person names and identifying organization names.

Usage::

    python benchmarks/entity_resolution.py [--names 2000 20000] [--orgs 5000]

Person names are generated from 20 Kazakh given names and made-up surnames, with a fifth
of them also written with an initial (``А. Байменовбв``) and a tenth as a bare surname:
few given names shared by thousands of people is the hard case for blocking.  The
organization names are the gazetteer's own names in all languages plus their wording
without the country, resolved with ``OrgNames.identify`` as the resolver does for every
organization a mapper did not link.  Prints seconds per stage; the numbers go to the
issue notes.
"""

from __future__ import annotations

import argparse
import random
import time

from kg.gazetteer import Gazetteer
from kg.names.clusters import PersonNames
from kg.names.organizations import OrgNames

GIVEN = [
    "Алихан", "Ерлан", "Асқар", "Дархан", "Гүлнар", "Айгерим", "Марат", "Серік", "Нұрлан",
    "Бауыржан", "Дана", "Сәуле", "Қайрат", "Ержан", "Жанна", "Олжас", "Мұрат", "Ақмарал",
    "Тимур", "Әсел",
]  # fmt: skip
ROOTS = [
    "Байменов", "Жұмабеков", "Сәрсенов", "Омаров", "Нұрғалиев", "Серіков", "Ахметов",
    "Қасымов", "Әбенов", "Тоқаев", "Исмаилов", "Бектенов", "Мұхамедов", "Құдайбергенов",
    "Жақсылықов",
]  # fmt: skip
LETTERS = str.maketrans("0123456789", "абвгдежзик")


def person_names(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    full: set[str] = set()
    while len(full) < n:
        surname = rng.choice(ROOTS) + str(rng.randint(0, n // 10)).translate(LETTERS)
        full.add(f"{rng.choice(GIVEN)} {surname}")
    names = sorted(full)
    initials = [f"{g[0]}. {s}" for g, s in (x.split() for x in names[: n // 5])]
    return names + initials + [x.split()[1] for x in names[: n // 10]]


def bench_persons(n: int) -> None:
    names = person_names(n)
    index = PersonNames()
    for name in names:
        index.add(name)
    started = time.perf_counter()
    index.freeze()
    seconds = time.perf_counter() - started
    print(f"persons: {len(names):>6} names -> {len(index.clusters):>6} nodes in {seconds:6.2f} s")


def bench_orgs(limit: int) -> None:
    gazetteer = Gazetteer.default()
    started = time.perf_counter()
    names = OrgNames.default()
    print(f"organizations: signature index built in {time.perf_counter() - started:.2f} s")
    queries = [
        (name, lang)
        for entry in gazetteer.entries.values()
        if entry.category == "organization"
        for lang, values in entry.names.items()
        for name in values
    ][:limit]
    started = time.perf_counter()
    found = sum(names.identify(name, lang) is not None for name, lang in queries)
    seconds = time.perf_counter() - started
    rate = len(queries) / seconds
    print(f"organizations: {len(queries)} names, {found} identified, {rate:,.0f} names/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--orgs", type=int, default=5000)
    args = parser.parse_args()
    for n in args.names:
        bench_persons(n)
    bench_orgs(args.orgs)


if __name__ == "__main__":
    main()
