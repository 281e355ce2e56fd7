"""NHS Digital staff-by-nationality snapshots for England (two short files, not a series)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.data.checks import require_columns, require_unique, to_number, validate
from analysis.data.countries import nhs_nationality_table, nhs_nationality_to_iso3
from analysis.data.errors import SchemaError, where
from analysis.data.reading import parsed_cache, read_csv, read_excel, verified
from analysis.data.schemas import NHS_NATIONALITY

STAFF_GROUP_KEY = "nhs_staff_nationality_2017_2018"
REGION_KEY = "nhs_staff_nationality_2016_2017"
STAFF_GROUP_COLUMNS = ["Month", "Organisation code", "Staff group", "Nationality", "FTE"]
ALL_STAFF = "All staff groups"


def load_staff_group_fte() -> pd.DataFrame:
    """England FTE by staff group and nationality, 30 Sep 2017 and 30 Jun 2018 (organisations summed).

    Parsed once and cached on disk, keyed on the workbook's sha256, the package's code and the
    library versions (see :func:`analysis.data.reading.parsed_cache`).
    """
    # the package's code is in the key already; add the nationality table the parse applies
    return parsed_cache(STAFF_GROUP_KEY, _parse_staff_group_fte, nhs_nationality_table().to_csv())


def _parse_staff_group_fte() -> pd.DataFrame:
    path, item = verified(STAFF_GROUP_KEY)
    raw = read_excel(path, item, sheet_name="Data", dtype={"Month": str, "FTE": object})
    require_columns(raw, STAFF_GROUP_COLUMNS, path)
    fte = to_number(raw["FTE"], "FTE", path, allow_missing=False)
    dates = pd.to_datetime(raw["Month"].str.strip(), format="%Y-%b", errors="coerce")
    if dates.isna().any():
        position = int(dates.isna().to_numpy().argmax())
        raise SchemaError(
            f"{where(path, position + 2, 'Month', unit='sheet Data row')}: cannot read "
            f"{raw['Month'].iloc[position]!r} as a month. Expected YYYY-MON (e.g. 2017-Sep). "
            "Correct the cell, or restore the original workbook."
        )
    # snapshots are at the end of the month named
    frame = pd.DataFrame(
        {
            "date": (dates + pd.offsets.MonthEnd(0)).astype("datetime64[ns]"),
            "staff_group": raw["Staff group"].str.strip(),
            "nationality": raw["Nationality"].str.strip(),
            "value": fte,
        }
    )
    grouped = frame.groupby(["date", "staff_group", "nationality"], as_index=False)["value"].sum()
    grouped["iso3"] = nhs_nationality_to_iso3(grouped["nationality"], str(path))
    grouped["measure"] = "fte"
    return validate(grouped[list(NHS_NATIONALITY.columns)], NHS_NATIONALITY, path)


def parse_region_table(raw: pd.DataFrame, source: Path | str) -> pd.DataFrame:
    """Parse the two stacked England tables (headcount, then FTE) of the 2016-2017 file.

    Keeps the England totals (columns 2 and 17) by nationality; group rows such as
    'European Union' are dropped (they are sums of the nationality rows).
    """
    titles = raw.index[raw[0].astype(str).str.startswith("NHS Hospital & Community")]
    if len(titles) != 2:
        raise SchemaError(f"{source}: expected two table titles (headcount, FTE), found {len(titles)}")
    records = []
    for start, end, measure in ((titles[0], titles[1], "headcount"), (titles[1], len(raw), "fte")):
        block = raw.loc[start : end - 1]
        header = block.index[block[2] == "England"]
        if len(header) == 0:
            raise SchemaError(f"{source}: no 'England' header row in the {measure} table")
        dates_row = block.loc[header[0] - 1]
        date_cols = {2: dates_row[2], 17: dates_row[17]}
        if not all(isinstance(v, str) and v.startswith("March") for v in date_cols.values()):
            raise SchemaError(f"{source}: {measure} table: expected 'March YYYY' above columns 2, 17")
        rows = block[block[1].notna() & (block.index > header[0])]
        # read with header=None: index i is file line i + 1
        require_unique(pd.DataFrame({"nationality": rows[1].str.strip()}), ["nationality"], source, rows.index + 1)
        for col, label in date_cols.items():
            values = to_number(
                rows[col].replace("-", "0"),
                f"column {col} ({label})",
                source,
                first_line=int(rows.index[0]) + 1,
                thousands=",",
            )
            records.append(
                pd.DataFrame(
                    {
                        "date": pd.Timestamp(label.replace("March", "31 March")),
                        "staff_group": ALL_STAFF,
                        "nationality": rows[1].str.strip().to_numpy(),
                        "measure": measure,
                        "value": values.to_numpy(),
                    }
                )
            )
    return pd.concat(records, ignore_index=True)


def load_all_staff_by_nationality() -> pd.DataFrame:
    """England all-staff headcount and FTE by nationality, 31 March 2016 and 31 March 2017."""
    path, item = verified(REGION_KEY)
    raw = read_csv(path, item, header=None, names=range(49), dtype=str)
    require_columns(raw, range(31), path)
    frame = parse_region_table(raw, path)
    frame["date"] = frame["date"].astype("datetime64[ns]")
    frame["iso3"] = nhs_nationality_to_iso3(frame["nationality"], str(path))
    return validate(frame[list(NHS_NATIONALITY.columns)], NHS_NATIONALITY, path)
