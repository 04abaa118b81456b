"""One identity per person across a dataset: clustering the person names of all articles.

The mappers merge the mentions of one article (``Байменов`` → ``Алихан Байменов``).  Here
the names of *all* articles meet, whatever their language or script, so that ``Alikhan
Baimenov``, ``Алихан Байменов``, ``Ә.Байменов`` and ``Mr. Baimenov`` become one node.

Order-independent by construction: the clusters and the name each one is called by
depend on the set of names (and their counts), not on the order the articles came in.

1. Full names (a given name and a surname) are joined when ``compare`` finds a strong
   match: same words in another script, order or romanization, a patronymic or middle
   name more or less, a spelling variant of the given name.
2. A surname with initials (``A. Baimenov``) joins the one full-name cluster its
   initials fit; when two fit (``A. Baimenov``: Alikhan or Askar?) it stays apart.
3. A bare surname (``Mr. Baimenov``) joins the one cluster carrying that surname, unless
   the surname is too common to identify anybody (Kim, Lee, Wang) or another cluster
   carries it too.
4. The user's overrides come first: ``alias`` and ``same`` join, ``distinct`` forbids.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.names.keys import loose_key
from kg.names.overrides import Overrides
from kg.names.persons import (
    STRONG,
    NameData,
    PersonName,
    Reason,
    compare,
    is_common_surname,
    parse_person,
    surname_only_key,
)
from kg.translit import slugify

OVERRIDE = "override file"


@dataclass
class PersonCluster:
    """The names of one person and the slug of their IRI."""

    slug: str
    names: Counter[str] = field(default_factory=Counter)


class _UnionFind:
    """Disjoint sets of names that also know their members (for the override checks)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}

    def find(self, x: str) -> str:
        if x not in self.parent:
            self.parent[x] = x
            self.members[x] = [x]
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def group(self, x: str) -> list[str]:
        return self.members[self.find(x)]

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            keep, drop = min(ra, rb), max(ra, rb)  # smallest root: order-independent
            self.parent[drop] = keep
            self.members[keep].extend(self.members.pop(drop))


class PersonNames:
    """Collects the person names of a dataset, then clusters them (``freeze``)."""

    def __init__(self, overrides: Overrides | None = None) -> None:
        self.overrides = overrides or Overrides()
        self.counts: Counter[str] = Counter()
        self.pinned: dict[str, str] = {}  # name → slug it must keep (store, override)
        self._slug_of: dict[str, str] = {}
        self.clusters: dict[str, PersonCluster] = {}

    def add(self, name: str, count: int = 1) -> None:
        self.counts[name] += count
        self._slug_of.clear()

    def pin(self, name: str, slug: str, count: int = 0) -> None:
        """``name`` belongs to the person whose IRI slug is ``slug`` (a node already in
        the store, or an override); other names join that person as usual."""
        self.counts[name] += count
        self.pinned[name] = slug
        self._slug_of.clear()

    def slug(self, name: str) -> str:
        """The IRI slug of the person ``name`` denotes."""
        if not self._slug_of:
            self.freeze()
        return self._slug_of.get(name) or slugify(_display(parse_person(name)))

    def freeze(self) -> None:
        """Cluster every name added so far."""
        for alias in self.overrides.aliases("person"):
            self.pinned.setdefault(alias.name, alias.slug)
            self.counts.setdefault(alias.name, 0)
        names = sorted(self.counts)
        parsed = {name: parse_person(name) for name in names}
        parsed = {name: p for name, p in parsed.items() if p.words}
        uf = _UnionFind()
        for name in parsed:
            uf.find(name)
        self._join_pinned(uf, parsed)
        self._join_full(uf, parsed)
        self._attach(uf, parsed, partial=True)
        self._attach(uf, parsed, partial=False)
        for group in self.overrides.same_names():
            present = [n for n in group if n in parsed]
            for other in present[1:]:
                uf.union(present[0], other)
        self.clusters = {}
        self._slug_of = {}
        for root in sorted({uf.find(name) for name in parsed}):
            group = uf.group(root)
            cluster = PersonCluster(self._cluster_slug(group, parsed))
            for name in group:
                cluster.names[name] = self.counts[name]
                self._slug_of[name] = cluster.slug
            self.clusters[cluster.slug] = cluster

    # -- steps ---------------------------------------------------------------------------

    def _join_pinned(self, uf: _UnionFind, parsed: dict[str, PersonName]) -> None:
        by_slug: dict[str, list[str]] = defaultdict(list)
        for name, slug in sorted(self.pinned.items()):
            if name in parsed:
                by_slug[slug].append(name)
        for group in by_slug.values():
            for other in group[1:]:
                uf.union(group[0], other)

    def _join_full(self, uf: _UnionFind, parsed: dict[str, PersonName]) -> None:
        full = [n for n, p in parsed.items() if p.is_full]
        blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
        east_asian = NameData.default().east_asian
        for name in full:
            p = parsed[name]
            # a block per possible surname (any word: the order varies) and the first
            # sounds of the rest: names that can match share both, and a given name
            # shared by thousands makes no huge block
            for k, word in enumerate(p.words):
                if word in east_asian:
                    rest = loose_key("".join(p.raw[:k] + p.raw[k + 1 :]))[:2]
                else:
                    rest = "".join(p.words[:k] + p.words[k + 1 :])[:2]
                for key in _lookup_keys(east_asian.get(word, word)):
                    blocks[(key, rest)].append(name)
        for block in blocks.values():
            block = sorted(set(block))
            for i, a in enumerate(block):
                for b in block[i + 1 :]:
                    if uf.find(a) == uf.find(b):
                        continue
                    if compare(parsed[a], parsed[b]) in STRONG and self._may_join(uf, a, b):
                        uf.union(a, b)

    def _attach(self, uf: _UnionFind, parsed: dict[str, PersonName], partial: bool) -> None:
        """Attach names with initials (``partial``) or bare surnames to the one cluster
        they fit; names that fit several stay apart, names that fit none group by
        themselves."""

        def is_candidate(p: PersonName) -> bool:
            return len(p.words) == 1 and bool(p.initials) == partial

        short = [n for n, p in parsed.items() if is_candidate(p)]
        targets = [n for n, p in parsed.items() if p.is_full or (not partial and p.initials)]
        by_surname: dict[str, list[str]] = defaultdict(list)
        east_asian = NameData.default().east_asian
        for name in targets:
            p = parsed[name]
            for k in p.surname_positions() if p.is_full else range(len(p.words)):
                word = p.words[k]
                for key in _lookup_keys(east_asian.get(word, word)):
                    by_surname[key].append(name)
        for name in short:
            p = parsed[name]
            word = p.words[0]
            if not partial and (is_common_surname(word) or surname_only_key(p) is None):
                continue
            candidates = {
                t for key in _lookup_keys(east_asian.get(word, word)) for t in by_surname[key]
            }
            fits = {
                uf.find(t)
                for t in sorted(candidates)
                if (reason := compare(p, parsed[t])) is not None
                and (reason in STRONG or not partial)
            }
            if len(fits) == 1:
                root = fits.pop()
                if self._may_join(uf, name, root):
                    uf.union(name, root)
        # names that fit no cluster: the same short name in other scripts is one person
        alone: dict[str, list[str]] = defaultdict(list)
        for name in short:
            if len(uf.group(name)) == 1:
                alone[parsed[name].words[0][:1]].append(name)
        for block in alone.values():
            for i, a in enumerate(block):
                for b in block[i + 1 :]:
                    if (
                        uf.find(a) != uf.find(b)
                        and compare(parsed[a], parsed[b]) in STRONG
                        and self._may_join(uf, a, b)
                    ):
                        uf.union(a, b)

    def _may_join(self, uf: _UnionFind, a: str, b: str) -> bool:
        """Not if the user declared some name of one cluster distinct from one of the
        other, nor if the two clusters are pinned to different nodes."""
        side_a, side_b = set(uf.group(a)), set(uf.group(b))
        pins = {self.pinned[n] for n in side_a | side_b if n in self.pinned}
        if len(pins) > 1:
            return False
        return not self.overrides.forbids(side_a, side_b)

    def _cluster_slug(self, group: list[str], parsed: dict[str, PersonName]) -> str:
        pins = sorted({self.pinned[n] for n in group if n in self.pinned})
        if pins:
            return pins[0]

        # the slug most mentions spell (Алихан Байменов and Alikhan Baimenov both give
        # alikhan-baimenov, outvoting Álıhan Báımenov), full names before short ones
        votes: Counter[str] = Counter()
        for name in group:
            votes[slugify(_display(parsed[name]))] += max(self.counts[name], 1)
        full = {n for n in group if parsed[n].is_full} or set(group)

        def preference(name: str) -> tuple[int, int, str]:
            slug = slugify(_display(parsed[name]))
            return (-votes[slug], -len(parsed[name].words), slug)

        return slugify(_display(parsed[min(sorted(full), key=preference)]))


def _lookup_keys(key: str) -> set[str]:
    """The key and its forms without one ``i``, so that ``Нұртілеу`` finds ``Nurtleu``
    (``compare`` then decides: only a reduced vowel may differ)."""
    return {key} | {key[:k] + key[k + 1 :] for k, ch in enumerate(key) if ch == "i"}


def _display(name: PersonName) -> str:
    """The name as written without honorifics (for slugs)."""
    honorifics = NameData.default().honorifics
    words = name.text.replace(".", ". ").split()
    words = [w for w in words if w.lower().rstrip(".") not in honorifics]
    return " ".join(words) or name.text


def explain(name: str, preferred: Iterable[str]) -> str:
    """Why ``name`` was merged with the ``preferred`` names of its entity."""
    parsed = parse_person(name)
    reasons = [compare(parsed, parse_person(p)) for p in preferred if p != name]
    found = [r for r in reasons if r is not None]
    if not found:
        return OVERRIDE if reasons else Reason.SAME.value
    return min(found, key=list(Reason).index).value
