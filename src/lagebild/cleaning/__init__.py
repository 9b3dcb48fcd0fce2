"""Cleaning: web residue out of article text, metadata out of its header and residue.

Public API: `Cleaner` (observe + to_document), the `LineClassifier` it uses, and the date
helpers that give publication dates a precision.
"""

from lagebild.cleaning.classifier import LineClassifier, LineLabel
from lagebild.cleaning.cleaner import Cleaner
from lagebild.cleaning.dates import find_date_in_text, parse_container_date
from lagebild.cleaning.lines import Line, split_lines

__all__ = [
    "Cleaner",
    "Line",
    "LineClassifier",
    "LineLabel",
    "find_date_in_text",
    "parse_container_date",
    "split_lines",
]
