"""Errors raised when input data are missing or not what the book expects.

Every message names the file (and the line or column where it knows them), says what was
expected and what to do, so that a researcher can fix the input without reading the code:
``<file>[:line N][, column 'X']: <what is wrong>. Expected <what>. <What to do>.``
"""

from __future__ import annotations

from pathlib import Path


class DataError(Exception):
    """Base class for every problem with an input file."""


class DataFileMissing(DataError):
    """A manifest file was found in none of the places the book looks."""


class ChecksumMismatch(DataError):
    """A file's sha256 differs from the one recorded in the manifest."""

    def __init__(self, message: str, expected: str = "", found: str = "") -> None:
        super().__init__(message)
        self.expected = expected
        self.found = found


class EmptyFileError(DataError):
    """A data file is empty (0 bytes, or no header line)."""


class UnreadableFile(DataError):
    """A data file, or a folder on its path, cannot be read (permissions or an I/O error)."""

    def __init__(self, message: str, reason: str = "", path: Path | str = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.path = str(path)


class TruncatedFile(DataError):
    """A file ends in the middle of a line, a quoted field or a workbook."""


class WrongFormatError(DataError):
    """A file is not in the format its name and the loader expect (e.g. CSV text in an .xlsx)."""


class DataFolderError(DataError):
    """A folder named by an ``HWM_*`` environment variable is missing or not a folder."""


class DownloadError(DataError):
    """A file could not be downloaded from its pinned address; ``reason`` says why in a few words."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


class SchemaError(DataError):
    """A column is missing or renamed, or a validated frame breaks its schema."""


class ParseError(DataError):
    """A value could not be parsed (the message names row and column)."""


class DuplicateKeyError(DataError):
    """Two rows share a key that must be unique."""


class ManifestError(DataError):
    """The manifest itself is malformed or does not list the requested key."""


def where(path: Path | str, line: int | None = None, column: str | None = None, unit: str = "line") -> str:
    """The place part of a message: ``path[:line N][, column 'X']``."""
    text = str(path)
    if line is not None:
        text += f":{unit} {line}"
    if column is not None:
        text += f", column '{column}'"
    return text
