"""The search layer: the Whoosh schema, the incremental indexer and the searcher (the only
code that imports Whoosh)."""
