"""The stage contract: a named, configurable step that adds layers to a `Document`.

Constructors store configuration only (loading models happens in `setup`), so stages stay
cheap to build and picklable for Dask workers, which call `setup()` once each.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from lagebild.document import Document


class Stage:
    """Base class with defaults; subclasses set the class attributes and `__call__`."""

    name: ClassVar[str] = ""
    requires: ClassVar[frozenset[str]] = frozenset()
    produces: ClassVar[frozenset[str]] = frozenset()
    deterministic: ClassVar[bool] = True

    def setup(self) -> None:
        """Load models or gazetteers. Must be idempotent."""

    def __call__(self, doc: Document) -> Document:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)

    def get_config(self) -> dict[str, Any]:
        return {}
