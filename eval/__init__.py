"""Evaluation: fixed Q&A sets with gold evidence quotes, and retrieval metrics."""
