"""The embedded persistent store (``--store DIR``): Oxigraph on disk, grown incrementally.

``KgStore`` opens a store directory; ``StoreBuilder`` (in ``kg.store.builder``) writes a
build into it; ``KgStore.apply`` replaces or removes article graphs atomically and keeps
the entities graph equal to what a build of all the store's articles would give.
"""

from kg.store.dataset_store import ArticleGraph, KgStore, StoreError, open_dataset

__all__ = ["ArticleGraph", "KgStore", "StoreError", "open_dataset"]
