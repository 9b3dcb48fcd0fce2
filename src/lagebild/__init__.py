"""Lagebild: German news articles in, a situational picture out."""

import logging

from lagebild.document import Annotation, Document, PartialDate, RemovedSpan

__version__ = "0.1.0"
__all__ = ["Annotation", "Document", "PartialDate", "RemovedSpan", "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
