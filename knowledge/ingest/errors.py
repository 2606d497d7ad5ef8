"""The one error type of ingestion: a bad input, told in one line, after which the batch goes on."""

from __future__ import annotations

from typing import Optional


class IngestError(Exception):
    def __init__(self, message: str, source: Optional[str] = None):
        super().__init__(message)
        self.source = source
