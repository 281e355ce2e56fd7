"""Sphinx extension: what a reader (or a researcher) needs around the chapters.

* every chapter page (``notebooks/*``) gets a line under its title offering the chapter as a Jupyter
  notebook (``.ipynb``, with its recorded outputs) and its source in the repository; the notebooks are
  copied to ``_downloads/notebooks/`` of the built book;
* the data behind the figures, written by ``analysis.report.figures.source.figure_source`` into
  ``notebooks/exports/figure_data/``, are copied to ``_static/data/``;
* on the reproducibility page, ``<div class="hwm-figure-data-list"></div>`` becomes the list of those files;
* ``book/_static/reader.css`` (reader tables, badges, source lines, phone layout) and
  ``book/_static/hwm-tables.js`` (sortable, searchable tables; no library, no network) are added to every page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from docutils import nodes

CHAPTERS = "notebooks/"
DOWNLOADS = "_downloads/notebooks"
FIGURE_DATA = "notebooks/exports/figure_data"
STATIC = "book/_static"


def _repository(app) -> tuple[str, str]:
    options = getattr(app.config, "html_theme_options", {}) or {}
    return str(options.get("repository_url", "")).rstrip("/"), str(options.get("repository_branch", "main"))


def _download_line(app, docname: str) -> nodes.raw:
    stem = Path(docname).name
    url, branch = _repository(app)
    source = f' · <a href="{url}/blob/{branch}/{docname}.md">its source in the repository</a>' if url else ""
    html = (
        f'<p class="hwm-downloads">Run this chapter yourself: <a href="../{DOWNLOADS}/{stem}.ipynb" download>'
        f"download it as a Jupyter notebook ({stem}.ipynb)</a>{source}.</p>"
    )
    return nodes.raw("", html, format="html")


def add_download_line(app, doctree, docname: str) -> None:
    """Insert the download line under the title of a chapter page (HTML builder only)."""
    if app.builder.name != "html" or not docname.startswith(CHAPTERS):
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None or not section.children or not isinstance(section.children[0], nodes.title):
        return
    section.insert(1, _download_line(app, docname))


PLACEHOLDER = "hwm-figure-data-list"


def list_figure_data(app, doctree, docname: str) -> None:
    """Replace the placeholder of the reproducibility page with links to every figure's data (CSV)."""
    folder = Path(app.srcdir) / FIGURE_DATA
    for node in list(doctree.findall(nodes.raw)):
        if PLACEHOLDER not in node.astext():
            continue
        files = sorted(folder.glob("*.csv")) if folder.is_dir() else []
        items = "".join(f'<li><a href="../_static/data/{path.name}" download>{path.name}</a></li>' for path in files)
        node.replace_self(nodes.raw("", f'<ul class="{PLACEHOLDER}">{items}</ul>', format="html"))


def copy_files(app, exception) -> None:
    """Copy the chapters' notebooks and the figure data into the built book."""
    if exception is not None or app.builder.format != "html":
        return
    root, out = Path(app.srcdir), Path(app.outdir)
    if app.builder.name == "html":
        target = out / DOWNLOADS
        target.mkdir(parents=True, exist_ok=True)
        for docname in sorted(app.env.found_docs):
            notebook = root / f"{docname}.ipynb"
            if docname.startswith(CHAPTERS) and notebook.is_file():
                shutil.copy2(notebook, target / notebook.name)
    data = root / FIGURE_DATA
    if data.is_dir():
        target = out / "_static" / "data"
        target.mkdir(parents=True, exist_ok=True)
        for path in sorted(data.glob("*.csv")):
            shutil.copy2(path, target / path.name)


def add_static_path(app, config) -> None:
    """Serve ``book/_static`` (it holds reader.css and hwm-tables.js) whatever else the configuration lists."""
    if STATIC not in config.html_static_path:
        config.html_static_path.append(STATIC)


def setup(app):
    app.connect("config-inited", add_static_path)
    app.add_css_file("reader.css")
    app.add_js_file("hwm-tables.js")
    app.connect("doctree-resolved", add_download_line)
    app.connect("doctree-resolved", list_figure_data)
    app.connect("build-finished", copy_files)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
