"""The one error type of ingestion: a bad input, told in one line, after which the batch goes on."""

from __future__ import annotations


class IngestError(Exception):
    """`str(err)` is the whole message for people ("notes.txt: file is empty"), already naming the input the way
    a user knows it (a file name, a URL); `source` is the full path or URL, for logs and for re-trying."""

    def __init__(self, message: str, source: str | None = None):
        super().__init__(message)
        self.source = source
