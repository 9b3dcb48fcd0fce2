"""Exception hierarchy. Every error also subclasses a builtin so generic handlers work."""

from __future__ import annotations


class LagebildError(Exception):
    """Base of all Lagebild errors."""


class InputError(LagebildError, ValueError):
    """Bad outside data. Carries the source and, where known, the line or record number."""

    def __init__(self, source: str, reason: str, *, location: str | None = None) -> None:
        self.source = source
        self.reason = reason
        self.location = location
        where = f"{source}:{location}" if location else source
        super().__init__(f"{where}: {reason}")


class UnsupportedFormatError(InputError):
    """The bytes are not any format a reader understands (binary, unknown container)."""


class DecodingError(InputError):
    """The text cannot be decoded in any supported encoding."""


class MalformedRecordError(InputError):
    """One record inside a container (JSON line, feed item, WARC record) is broken."""


class EmptyDocumentError(InputError):
    """The input holds no article text."""


class TooLargeError(InputError):
    """The input exceeds the configured size limit."""


class ConfigError(LagebildError, ValueError):
    """Unknown factory, bad parameter."""


class PipelineConfigError(ConfigError):
    """Unmet `requires`, or two producers for one layer."""


class AnnotationError(LagebildError, ValueError):
    """Span out of bounds or otherwise inconsistent with the document text."""


class StageError(LagebildError, RuntimeError):
    """A stage crashed on a document; names the stage and the document."""

    def __init__(self, stage: str, doc_id: str, cause: BaseException) -> None:
        self.stage = stage
        self.doc_id = doc_id
        super().__init__(f"stage {stage!r} failed on document {doc_id}: {cause!r}")


class StoreError(LagebildError):
    """Schema mismatch, migration needed, database unusable."""
