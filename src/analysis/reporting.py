"""Formatting and glue helpers: notebooks print formatted numbers and glue plain Python values."""

from __future__ import annotations


def plain(value: object) -> object:
    """Turn numpy scalars into plain Python numbers (stable reprs across numpy versions)."""
    return value.item() if hasattr(value, "item") else value


def glue_value(key: str, value: object) -> object:
    """Glue a plain value for the prose, without displaying it.

    Numbers are pasted with ``{glue:text}`key:fmt```; strings are glued as Markdown and pasted
    with ``{glue:md}`key```.
    """
    from IPython.display import Markdown
    from myst_nb import glue

    value = plain(value)
    glue(key, Markdown(value) if isinstance(value, str) else value, display=False)
    return value


def glue_values(prefix: str, values: dict[str, object]) -> None:
    for name, value in values.items():
        glue_value(f"{prefix}_{name}", value)
