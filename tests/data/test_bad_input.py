"""Every bad input gets one clear error naming the file (and line), what was expected and what to do.

Each test goes through a real entry point: a loader the notebooks call, or ``python -m analysis
data verify`` / ``data fetch`` (``analysis.cli.main``). The broken files are synthetic: damaged
copies of real staged files, or a few bytes written here, placed in a temporary $HWM_DATA_DIR
with a temporary manifest whose sha256 matches them (fixture ``bad_file``), so that the hash
check lets them through to the parser.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from analysis.cli import main
from analysis.data import files as datafiles
from analysis.data.errors import (
    DataError,
    DataFolderError,
    DuplicateKeyError,
    EmptyFileError,
    ParseError,
    TruncatedFile,
    UnreadableFile,
    WrongFormatError,
)
from analysis.data.manifest import entry, read_manifest
from analysis.data.paths import shared_data_dir
from analysis.data.sources import oecd, who, worldbank

REAL_SHARED = shared_data_dir()
FETCH = "python -m analysis data fetch"
TOTALS, CLASS, DOCTORS, WDI = "oecd_wfmi_totals", "wb_class_fy2023", "who_nhwa_doctors", "wdi_physicians"


def real_bytes(key: str) -> bytes:
    return (REAL_SHARED / entry(key).path).read_bytes()


def assert_remedy(message: str, key: str) -> None:
    """The message says what to do: restore from the pinned address, or fetch."""
    assert entry(key).download_url in message
    assert FETCH in message


# --- 1. empty files -------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "load"), [(TOTALS, oecd.load_totals), (CLASS, worldbank.load_class)])
def test_empty_file_is_named_with_the_remedy(bad_file, key, load):
    path = bad_file(key, b"")
    with pytest.raises(EmptyFileError) as err:
        load()
    message = str(err.value)
    assert message.startswith(f"{path}: the file is empty (0 bytes). Expected the data of manifest entry '{key}'")
    assert_remedy(message, key)


def test_blank_lines_only_csv_is_an_empty_file_error(bad_file):
    path = bad_file(TOTALS, b"\n\n\n")
    with pytest.raises(EmptyFileError) as err:
        oecd.load_totals()
    assert str(err.value).startswith(f"{path}: no header line")
    assert_remedy(str(err.value), TOTALS)


def test_verify_reports_an_empty_file_as_a_row(isolated_data, capsys):
    item = entry("iso3166")
    copy = isolated_data["override"] / item.path
    copy.parent.mkdir(parents=True)
    copy.write_bytes(b"")
    assert main(["data", "verify"]) == 1
    [row] = [line for line in capsys.readouterr().out.splitlines() if line.startswith("iso3166 ")]
    assert row.split()[1] == "empty"
    assert str(copy) in row and item.download_url in row and FETCH in row


# --- 2. files and folders without read permission -------------------------------------------


def _deny(monkeypatch, method: str, denied: Path) -> None:
    """Make ``Path.<method>`` raise PermissionError for ``denied`` and everything below it.

    Tests run as root, where chmod 000 does not stop reading; this simulates what a normal user gets.
    """
    real = getattr(Path, method)

    def guarded(self, *args, **kwargs):
        if self == denied or denied in self.parents:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, guarded)


def test_unreadable_file_in_loader_is_one_error(bad_file, monkeypatch):
    path = bad_file(TOTALS, real_bytes(TOTALS))
    _deny(monkeypatch, "open", path)
    with pytest.raises(UnreadableFile) as err:
        oecd.load_totals()
    message = str(err.value)
    assert message.startswith(f"{path}: cannot read the file: Permission denied")
    assert "chmod u+r" in message and entry(TOTALS).download_url in message


def test_file_unreadable_when_parsed_is_one_error(bad_file, monkeypatch):
    """Verified earlier in the session (hash memoised), unreadable by the time the parser opens it."""
    path = bad_file(TOTALS, real_bytes(TOTALS))
    datafiles.resolve(TOTALS)
    real_read_csv = pd.read_csv

    def denied(source, *args, **kwargs):
        if Path(source) == path:
            raise PermissionError(13, "Permission denied", str(path))
        return real_read_csv(source, *args, **kwargs)

    monkeypatch.setattr(pd, "read_csv", denied)
    with pytest.raises(UnreadableFile, match=rf"^{path}: cannot read the file: Permission denied"):
        oecd.load_totals()


def test_unreadable_folder_in_loader_is_one_error(bad_file, monkeypatch):
    path = bad_file(TOTALS, real_bytes(TOTALS))
    _deny(monkeypatch, "stat", path.parent)
    with pytest.raises(UnreadableFile) as err:
        oecd.load_totals()
    assert str(err.value).startswith(f"{path}: cannot read the file: Permission denied")
    assert "chmod u+rx" in str(err.value)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_verify_reports_unreadable_as_a_row_not_a_traceback(bad_file, monkeypatch, capsys, what):
    path = bad_file(TOTALS, real_bytes(TOTALS))
    if what == "file":
        _deny(monkeypatch, "open", path)
    else:
        _deny(monkeypatch, "stat", path.parent)
    assert main(["data", "verify"]) == 1
    captured = capsys.readouterr()
    [row] = [line for line in captured.out.splitlines() if line.startswith(f"{TOTALS} ")]
    assert row.split()[1:3] == ["unreadable", str(path)]
    assert "Permission denied" in row and "chmod" in row
    # an unreadable folder also hides the other two OECD files that would be looked for in it
    unreadable = 1 if what == "file" else 3
    total = len(read_manifest())
    assert f"{total - unreadable} of {total} files verified." in captured.out
    assert captured.out.count(" unreadable ") == unreadable
    assert "Traceback" not in captured.err


def test_verify_reports_any_os_error_as_a_row(bad_file, monkeypatch, capsys):
    bad_file(TOTALS, real_bytes(TOTALS))

    def failing(path):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(datafiles, "sha256_of", failing)
    assert main(["data", "verify"]) == 1
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if " unreadable " in line]
    assert len(rows) == len(read_manifest()) and all("Input/output error" in row for row in rows)


# --- 3. truncated files ---------------------------------------------------------------------


def _cut_after(data: bytes, marker: bytes, from_line: int) -> tuple[bytes, int]:
    """``data`` cut just after the first ``marker`` at or below file line ``from_line``; and that line's number."""
    start = 0
    for _ in range(from_line - 1):
        start = data.index(b"\n", start) + 1
    cut = data[: data.index(marker, start) + len(marker)]
    return cut, cut.count(b"\n") + 1


def test_csv_cut_mid_line_names_the_line(bad_file):
    data, line = _cut_after(real_bytes(TOTALS), b'"Total number of nurses"', 600)  # 4 of the header's 11 fields
    assert line >= 600
    path = bad_file(TOTALS, data)
    with pytest.raises(TruncatedFile) as err:
        oecd.load_totals()
    message = str(err.value)
    assert message.startswith(f"{path}:line {line}: the file ends in the middle of this line (4 of 11 fields")
    assert_remedy(message, TOTALS)


def test_csv_cut_inside_a_quoted_field_names_the_line(bad_file):
    data, line = _cut_after(real_bytes(DOCTORS), b'"Medical doc', 5000)
    path = bad_file(DOCTORS, data)
    with pytest.raises(TruncatedFile) as err:
        who.load_nhwa2022("doctors")
    assert str(err.value).startswith(f"{path}:line {line}: a quoted field opened on this line is never closed")
    assert_remedy(str(err.value), DOCTORS)


def test_complete_last_line_without_line_break_is_accepted(bad_file):
    # the real WHO doctors file ends without a line break; a shorter synthetic one must load too
    data = real_bytes(DOCTORS)
    assert not data.endswith(b"\n")
    bad_file(DOCTORS, data)
    assert len(who.load_nhwa2022("doctors")) > 0


def test_xlsx_cut_in_half_is_one_clear_error(bad_file):
    data = real_bytes(CLASS)
    path = bad_file(CLASS, data[: len(data) // 2])
    with pytest.raises(TruncatedFile) as err:
        worldbank.load_class()
    message = str(err.value)
    assert message.startswith(f"{path}: the workbook is damaged or cut short")
    assert "Expected a complete Excel workbook (xlsx)" in message
    assert_remedy(message, CLASS)


# --- 4. wrong format ------------------------------------------------------------------------


def test_csv_saved_as_xlsx_says_what_it_looks_like(bad_file):
    path = bad_file(CLASS, b"Economy,Code,Region,Income group\nAruba,ABW,Latin America & Caribbean,High income\n")
    with pytest.raises(WrongFormatError) as err:
        worldbank.load_class()
    message = str(err.value)
    assert message.startswith(f"{path}: expected an Excel workbook (xlsx) but the file looks like CSV/text")
    assert "b'Economy,Code,Region,Income group'" in message  # what the file starts with
    assert "engine" not in message
    assert_remedy(message, CLASS)


def test_html_page_saved_as_xlsx_says_html(bad_file):
    bad_file(CLASS, b"<!DOCTYPE html>\n<html><body>Not found</body></html>\n")
    with pytest.raises(WrongFormatError, match="looks like HTML/XML"):
        worldbank.load_class()


# --- 5. duplicate keys: both file lines and the key values ---------------------------------


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def test_duplicate_rows_in_csv_name_both_file_lines(bad_file):
    lines = _lines(real_bytes(TOTALS))
    copied = 40  # 1-based file line of the row copied to the end
    lines.append(lines[copied - 1])
    path = bad_file(TOTALS, b"".join(lines))
    fields = next(csv.reader(io.StringIO(lines[copied - 1].decode())))
    with pytest.raises(DuplicateKeyError) as err:
        oecd.load_totals()
    message = str(err.value)
    assert message.startswith(f"{path}:lines {copied} and {len(lines)}: the same key (")
    # COU, VAR, CO2 and YEA of the copied line, read here with the csv module
    assert f"iso3='{fields[0]}'" in message and f"origin='{fields[4]}'" in message
    assert f"year={int(fields[6])}" in message and f"measure='{fields[2]}'" in message


def test_duplicate_rows_in_wdi_name_lines_after_the_metadata(bad_file):
    lines = _lines(real_bytes(WDI))
    copied = 30  # file line 30; the header is on line 5, below four lines of metadata
    lines.insert(60, lines[copied - 1])  # the copy becomes file line 61
    path = bad_file(WDI, b"".join(lines))
    code = next(csv.reader(io.StringIO(lines[copied - 1].decode())))[1]
    with pytest.raises(DuplicateKeyError) as err:
        worldbank.load_wdi("SH.MED.PHYS.ZS")
    assert str(err.value).startswith(f"{path}:lines {copied} and 61: the same key (iso3='{code}', year=")


def test_duplicate_rows_in_a_workbook_name_both_sheet_rows(bad_file):
    book = openpyxl.load_workbook(io.BytesIO(real_bytes(CLASS)))
    sheet = book["List of economies"]
    code_col = [cell.value for cell in sheet[1]].index("Code") + 1
    sheet.cell(row=20, column=code_col).value = sheet.cell(row=7, column=code_col).value
    code = sheet.cell(row=7, column=code_col).value
    buffer = io.BytesIO()
    book.save(buffer)
    path = bad_file(CLASS, buffer.getvalue())
    with pytest.raises(DuplicateKeyError) as err:
        worldbank.load_class()
    assert str(err.value).startswith(f"{path}:sheet rows 7 and 20: the same key (iso3='{code}')")


# --- 6. misconfigured HWM_* folders ---------------------------------------------------------


def test_missing_override_folder_is_an_error_not_ignored(tmp_path, monkeypatch, capsys):
    missing = tmp_path / "no-such-folder"
    monkeypatch.setenv("HWM_DATA_DIR", str(missing))
    with pytest.raises(DataFolderError) as err:
        oecd.load_totals()
    message = str(err.value)
    assert message.startswith(f"{missing} (HWM_DATA_DIR): folder not found.")
    assert "unset it" in message
    assert main(["data", "verify"]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"error: {missing} (HWM_DATA_DIR): folder not found.")
    assert "Traceback" not in captured.err


def test_cache_variable_naming_a_file_is_an_error(tmp_path, monkeypatch, capsys):
    a_file = tmp_path / "cache.txt"
    a_file.write_text("not a folder\n")
    monkeypatch.setenv("HWM_CACHE_DIR", str(a_file))
    with pytest.raises(DataFolderError, match=r"\(HWM_CACHE_DIR\): this is a file, not a folder"):
        oecd.load_totals()
    assert main(["data", "fetch"]) == 1
    err = capsys.readouterr().err
    assert err.count("HWM_CACHE_DIR") >= 1 and err.count("error:") == 1  # once, not once per file


def test_missing_shared_folder_variable_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("HWM_SHARED_DATA", str(tmp_path / "gone"))
    with pytest.raises(DataFolderError, match=r"\(HWM_SHARED_DATA\): folder not found"):
        oecd.load_totals()


def test_every_error_here_is_a_data_error():
    for error in (DataFolderError, DuplicateKeyError, EmptyFileError, TruncatedFile, UnreadableFile, WrongFormatError):
        assert issubclass(error, DataError)


def test_csv_line_with_an_extra_field_names_the_line(bad_file):
    lines = _lines(real_bytes(TOTALS))
    lines[99] = lines[99].rstrip(b"\n") + b',"extra"\n'  # file line 100 gets a 12th field
    path = bad_file(TOTALS, b"".join(lines))
    with pytest.raises(ParseError) as err:
        oecd.load_totals()
    assert str(err.value).startswith(f"{path}:line 100: 12 fields. Expected 11 fields, as on the header line.")
