"""Tiaowen (条文): clause-cited answers over Chinese e-commerce regulations."""

__version__ = "0.1.0"
