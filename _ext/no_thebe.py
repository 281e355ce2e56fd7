"""Sphinx extension: stop sphinx-thebe from injecting its scripts.

The book has no live-code (Thebe) buttons, and Jupyter Book 1.x loads sphinx-thebe regardless; its
script defines ``THEBE_JS_URL`` twice on rebuilt pages (a JavaScript error) and points at unpkg.com,
a request the offline book must not make.
"""

from __future__ import annotations


def _drop_thebe_listeners(app, config) -> None:
    for event in ("env-before-read-docs", "doctree-resolved"):
        listeners = app.events.listeners.get(event, [])
        app.events.listeners[event] = [
            listener
            for listener in listeners
            if not getattr(listener.handler, "__module__", "").startswith("sphinx_thebe")
        ]


def setup(app):
    app.connect("config-inited", _drop_thebe_listeners, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
