"""One loader per data source; each returns a tidy, typed, validated DataFrame.

Every loader resolves its file through :func:`analysis.data.files.resolve`, which checks the
sha256 before any parsing happens.
"""
