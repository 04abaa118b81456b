"""Stage 1: what the gazetteers know, claimed before any rule reads the sentence.

Organizations, countries, places and units are matched by name (``Hub's`` read as
``Hub``), nationality adjectives name their country (``Korean``), and posts are widened
to their modifiers (``First Deputy``) and status (``former``, ``was appointed``).  Every
organization mention passes through ``_mention``, which keeps the counts that decide
which organization an article is about.
"""

from __future__ import annotations

from kg.gazetteer import Gazetteer, GazetteerEntry
from kg.mappers.en.sentence import _Item, _Sentence, _State
from kg.mappers.en.words import (
    APPOINTMENT_CUES,
    DEMONYMS,
    LANG,
    ROLE_MODIFIERS,
    STATUS_WORDS,
    _bare,
)
from kg.model import EntityType, OrgKind, PostStatus
from kg.text import Token


class GazetteerRules:
    """Gazetteer matches, demonyms and posts as items; organization mentions counted."""

    gazetteer: Gazetteer
    role_names: dict[str, set[str]]

    def _mention(self, state: _State, sent: _Sentence, key: str, start: int, end: int) -> None:
        state.builder.mention(key, sent.tokens[start:end], sent.span)
        entity = state.builder.extraction.entities[key]
        if entity.type is EntityType.ORGANIZATION and entity.kind is not OrgKind.STATE:
            state.mention_counts[key] = state.mention_counts.get(key, 0) + 1
            if key in state.orgs_seen:
                state.orgs_seen.remove(key)
            state.orgs_seen.append(key)

    def _mark_gazetteer(self, state: _State, sent: _Sentence) -> None:
        bare = [Token(_bare(t.text), t.start, t.end) for t in sent.tokens]
        for m in self.gazetteer.match(bare, LANG):
            entry = m.entry
            if entry.category != "role" and not sent.is_cap(m.start):
                continue  # "civil service agencies" is not the Civil Service Agency
            if entry.category == "role":
                self._add_role(sent, entry, m.start, m.end)
            elif entry.category == "unit":
                sent.add(_Item("unit", m.start, m.end, entry=entry))
            else:
                kind = {"organization": "org", "country": "country", "place": "place"}
                key = state.builder.gazetteer_entity(entry)
                sent.add(_Item(kind[entry.category], m.start, m.end, key=key, entry=entry))
                self._mention(state, sent, key, m.start, m.end)
        for i, word in enumerate(sent.lower):
            country = DEMONYMS.get(word)
            if country and sent.free(i, i + 1) and sent.is_cap(i):
                country_entry = self.gazetteer.entries.get(country)
                if country_entry is not None:
                    key = state.builder.gazetteer_entity(country_entry)
                    sent.add(_Item("country", i, i + 1, key=key, entry=country_entry))
                    state.builder.mention(key, sent.tokens[i : i + 1], sent.span, 0.6)

    def _add_role(self, sent: _Sentence, entry: GazetteerEntry, start: int, end: int) -> None:
        """A post, widened to its modifiers (``First Deputy``) and status (``former``)."""
        if " ".join(sent.lower[start:end]) not in self.role_names[entry.id]:
            return  # "chaired", "heads": the stem matched, the word is not the post
        while sent.word(start - 1) in ROLE_MODIFIERS and sent.free(start - 1, start):
            start -= 1
        label = " ".join(sent.lower[start:end])
        role_key = self._role_key(label, entry.id)
        status, first = PostStatus.CURRENT, start
        for size in (2, 1):
            phrase = " ".join(sent.lower[max(0, start - size) : start])
            if start - size >= 0 and phrase in STATUS_WORDS:
                status, first = STATUS_WORDS[phrase], start - size
                break
        if any(cue in sent.before(start)[-40:] for cue in APPOINTMENT_CUES):
            status = PostStatus.NEWLY_APPOINTED
        sent.add(_Item("role", first, end, name=label, role_key=role_key, status=status))

    def _role_key(self, label: str, matched: str) -> str | None:
        """``deputy chairperson`` is a deputy chair, not a chair: modifiers change the key."""
        for key, names in self.role_names.items():
            if label in names:
                return key
        if label.split()[0] in ("deputy", "vice"):
            return f"deputy-{matched}" if f"deputy-{matched}" in self.role_names else None
        return matched
