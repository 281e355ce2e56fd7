"""Errors raised when input data are missing or not what the book expects.

Every message names the file and says what was expected, so that a researcher can fix the
input without reading the code.
"""

from __future__ import annotations


class DataError(Exception):
    """Base class for every problem with an input file."""


class DataFileMissing(DataError):
    """A manifest file was found in none of the places the book looks."""


class ChecksumMismatch(DataError):
    """A file's sha256 differs from the one recorded in the manifest."""


class SchemaError(DataError):
    """A column is missing or renamed, or a validated frame breaks its schema."""


class ParseError(DataError):
    """A value could not be parsed (the message names row and column)."""


class DuplicateKeyError(DataError):
    """Two rows share a key that must be unique."""


class ManifestError(DataError):
    """The manifest itself is malformed or does not list the requested key."""
