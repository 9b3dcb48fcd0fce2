"""The bundled demo corpus (see README.md here): our own German articles in mixed formats."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["corpus_path"]


def corpus_path() -> Path:
    """Folder holding the demo articles, for `read_paths([corpus_path()])`."""
    return Path(str(resources.files("lagebild.demo") / "corpus"))
