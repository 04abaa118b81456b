"""Stage 7: memberships, read from each post with its holder and its organization.

A post's organization is the chain after it (``of the OECD Public Sector Reform
Division``: the most specific one), the organization right before it, the one named
last before it in the sentence, the article's focus or, for a government post, the
government the article named; its holder stands before it in apposition, right after
it, or is the subject of ``was appointed``.  Stacked posts (``... of the UN and Chairman
of ...``) share one holder, and ``is chaired by`` gives a post in the passive.
"""

from __future__ import annotations

from kg.mappers.en.organizations import OrganizationRules
from kg.mappers.en.sentence import _Item, _Sentence, _State
from kg.mappers.en.words import (
    APPOINTED,
    ENTITY_KINDS,
    GOVERNMENT_ROLES,
    LANG,
    LINK_WORDS,
    PASSIVE_POSTS,
    STATE_ROLES,
)
from kg.model import PostStatus, Role


class MembershipRules(OrganizationRules):
    """Memberships from post items; a post's organization is found with the
    organization rules (``_of_item``, ``_focus``)."""

    def _memberships(self, state: _State, sent: _Sentence) -> None:
        items = sent.ordered()
        roles = [it for it in items if it.kind == "role"]
        groups: list[list[tuple[_Item, str | None, int]]] = []
        for role in roles:
            target, end = self._role_target(state, sent, role)
            if groups and self._continues(sent, groups[-1][-1][2], role):
                groups[-1].append((role, target, end))
            else:
                groups.append([(role, target, end)])
        self._passive_posts(state, sent)
        for group in groups:
            member, status = self._holder(sent, group[0][0].start, group[-1][2])
            if member is None:
                continue
            for role, target, _end in group:
                if target is None and role.role_key not in STATE_ROLES:
                    target = self._nearest_org(sent, role) or self._focus(state)
                if target is None and role.role_key in GOVERNMENT_ROLES:
                    target = self._government(state)
                if target is None:
                    continue
                final = role.status if role.status is not PostStatus.CURRENT else status
                state.builder.membership(
                    member,
                    target,
                    Role(label=role.name, lang=LANG, key=role.role_key),
                    sent.span,
                    status=final,
                    confidence=0.75,
                )

    @staticmethod
    def _nearest_org(sent: _Sentence, role: _Item) -> str | None:
        """``visited the Academy, where Rector Aigerim Nurlanova ...``: the organization
        named last before a post in its sentence."""
        before = [
            it for it in sent.ordered()
            if it.end <= role.start and it.kind in ("org", "unit") and it.key
        ]  # fmt: skip
        return before[-1].key if before else None

    @staticmethod
    def _government(state: _State) -> str | None:
        """``Deputy Prime Minister Serik Zhumangarin`` with no organization named: a
        member of the government the article has named (``the Government of
        Kazakhstan signed ...``), the latest one when several."""
        entities = state.builder.extraction.entities
        return next(
            (k for k in reversed(state.orgs_seen) if entities[k].name.startswith("Government")),
            None,
        )

    @staticmethod
    def _passive_posts(state: _State, sent: _Sentence) -> None:
        """``Its Steering Committee is chaired by Alikhan Baimenov``."""
        for i, word in enumerate(sent.lower):
            post = PASSIVE_POSTS.get(f"{sent.word(i - 1)} {word}")
            person = sent.item_at(i + 1)
            if post is None or person is None or person.kind != "person":
                continue
            j = i - 2
            while sent.word(j) in ("is", "was", "are", "has", "been", "currently", "now"):
                j -= 1
            org = sent.item_at(j)
            known = {(m.member, m.organization) for m in state.builder.extraction.memberships}
            if org is not None and org.kind in ENTITY_KINDS and org.key and person.key:
                if (person.key, org.key) in known:
                    continue
                role = Role(label=post[0], lang=LANG, key=post[1])
                state.builder.membership(person.key, org.key, role, sent.span, confidence=0.65)

    def _role_target(self, state: _State, sent: _Sentence, role: _Item) -> tuple[str | None, int]:
        """The organization of a post and the token after the post's phrase."""
        end = role.end
        chain: list[_Item] = []
        while True:
            nxt = self._of_item(sent, end)
            if nxt is None and sent.word(end) in ("at", "to", "in"):
                item = sent.item_at(end + (2 if sent.word(end + 1) == "the" else 1))
                # "Resident Representative in Kazakhstan": where the post is, not whose
                posting = sent.word(end) == "in" and item is not None and item.kind == "country"
                if posting and item is not None:
                    end = item.end  # the holder's name follows the posting
                    break
                nxt = (
                    item if item is not None and item.kind in ENTITY_KINDS and not posting else None
                )
            if nxt is None:
                item = sent.item_at(end)
                nxt = item if item is not None and item.kind in ENTITY_KINDS else None
                if nxt is None:
                    break
            chain.append(nxt)
            end = nxt.end
        if role.target:
            return role.target, end
        if chain:
            return self._most_specific(state, chain), end
        before = sent.item_at(role.start - 1)
        if before is not None and before.kind in ENTITY_KINDS:
            return before.key, end
        return None, end

    @staticmethod
    def _most_specific(state: _State, chain: list[_Item]) -> str | None:
        """``Director of the OECD Public Sector Reform Division``: the division, the
        organization no other one in the chain is a unit of."""
        entities = state.builder.extraction.entities
        parents = {entities[it.key].parent for it in chain if it.key in entities}
        return next((it.key for it in chain if it.key not in parents), chain[0].key)

    @staticmethod
    def _continues(sent: _Sentence, end: int, role: _Item) -> bool:
        """Stacked posts: ``Under-Secretary-General of the UN and Chairman of ...``."""
        gap = [w for w in sent.lower[end : role.start] if w not in ("the", ",")]
        return gap == ["and"] or (not gap and role.start - end <= 2)

    @staticmethod
    def _holder(sent: _Sentence, start: int, end: int) -> tuple[str | None, PostStatus]:
        """The person a post belongs to: before it in apposition (``Darkhan Zhumabekov,
        Chairman of ..., Almaz Osmonov, Director of ...``), right after it, or the
        sentence's subject when the post follows ``was appointed``."""
        before = sent.item_at(start - 2) if sent.word(start - 1) == "," else None
        if before is not None and before.kind == "person":
            return before.key, PostStatus.CURRENT
        j = end + 1 if sent.word(end) == "," else end
        item = sent.item_at(j)
        if item is not None and item.kind == "person":
            return item.key, PostStatus.CURRENT
        gap: list[str] = []
        i = start - 1
        while i >= 0 and len(gap) < 6 and sent.word(i) in LINK_WORDS:
            gap.append(sent.word(i))
            i -= 1
        item = sent.item_at(i)
        if APPOINTED.search(sent.before(start)):
            subject = next((it for it in sent.ordered() if it.kind == "person"), None)
            if subject is not None and subject.start < start:
                return subject.key, PostStatus.NEWLY_APPOINTED
        if item is None or item.kind != "person" or (not gap and start - i > 1):
            return None, PostStatus.CURRENT
        if any(w in ("appointed", "elected", "named") for w in gap):
            return item.key, PostStatus.NEWLY_APPOINTED
        if "served" in gap:
            return item.key, PostStatus.FORMER
        return item.key, PostStatus.CURRENT
