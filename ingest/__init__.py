"""Ingest: load files, clean, find documents, segment into clauses, index."""
