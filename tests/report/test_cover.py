"""The PDF cover's facts: citation, subtitle, version without git, escaping (analysis.report.cover)."""

from __future__ import annotations

from analysis.report import cover

CFF = {
    "title": "Health Worker Mobility: checking the numbers",
    "authors": [{"name": "Project contributors"}, {"given-names": "Ada", "family-names": "Lovelace"}],
    "version": "0.1.0",
    "date-released": "2026-11-22",
    "license": "MIT",
}


def test_suggested_citation_names_authors_year_title_version_and_commit():
    text = cover.suggested_citation(CFF, "abc123")
    assert text == (
        "Project contributors, Ada Lovelace (2026). Health Worker Mobility: checking the numbers. "
        "Version 0.1.0, commit abc123."
    )


def test_cover_facts_read_the_project_files(tmp_path):
    (tmp_path / "CITATION.cff").write_text(
        "title: 'A <b>book</b>: the subtitle'\nauthors:\n  - name: Someone\nlicense: MIT\nversion: 1.2.3\n"
    )
    facts = cover.cover_facts(tmp_path)  # not a git repository
    assert (facts.title, facts.subtitle, facts.version) == ("A <b>book</b>", "The subtitle", "1.2.3")
    assert facts.commit == "unknown"
    assert facts.licence.startswith("MIT")
    html = cover.cover_html(facts)
    assert "A &lt;b&gt;book&lt;/b&gt;" in html and "<b>" not in html
    assert "Suggested citation" in html and "1.2.3, commit unknown" in html


def test_build_date_honours_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert cover.build_date() == "1970-01-01"


def test_missing_citation_file_gives_placeholders(tmp_path):
    facts = cover.cover_facts(tmp_path)
    assert facts.title == "Untitled" and facts.authors == "Anonymous"
