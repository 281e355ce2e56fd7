"""Swiss medical register (BAG MedReg): doctors licensed to practise at the end of 2016, one row per doctor."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.data.checks import require_columns, to_number, validate
from analysis.data.countries import country_names as all_country_names
from analysis.data.errors import SchemaError
from analysis.data.reading import parsed_cache, read_excel, verified
from analysis.data.schemas import MEDREG_DOCTORS, MEDREG_GRANTS

KEY = "ch_medreg_2016"
SHEET = "Rohdaten Aktive BAB MED GVSP"
SNAPSHOT_YEAR = 2016
SWITZERLAND = "Schweiz"
#: German column name -> tidy name, for the columns kept.
COLUMNS = {
    "Identifikator": "doctor_id",
    "Geschlecht": "sex",
    "JahrGeburt": "birth_year",
    "Bewilligungskanton": "canton",
    "JahrEntscheidBewilligung": "licence_year",
    "Diplomtyp": "diploma_type",
    "ErteilungslandDiplom": "diploma_country",
    "JahrErteilungDiplom": "diploma_year",
    "JahrAnerkennungDiplom": "recognised",
    "JahrGleichwertigkeitDiplom": "equivalent",
    "Bewilligungsstatus": "status",
}
SEX = {"Männlich": "male", "Weiblich": "female"}
DIPLOMA_TYPES = {
    "Eidg. Diplom": "federal",
    "Anerkanntes Diplom MEBEKO": "recognised_eu_efta",
    "Gleichwertiges Diplom MEBEKO": "equivalent_non_eu_efta",
    "Andere": "other",
}
#: Columns that describe the person: equal on every row of one ``Identifikator``.
PERSON_COLUMNS = ["sex", "birth_year", "diploma_type", "diploma_country", "diploma_year", "recognition_year"]
#: Former states (ISO 3166-3 codes) and Kosovo (user-assigned XKX), absent from the current ISO 3166-1 table.
FORMER_CODES = {"DDR": "East Germany", "YUG": "Yugoslavia", "SUN": "Soviet Union", "CSK": "Czechoslovakia",
                "SCG": "Serbia and Montenegro", "XKX": "Kosovo"}  # fmt: skip
#: The register's German country labels -> ISO3.
COUNTRY_ISO3 = {
    "Afghanistan": "AFG", "Albanien": "ALB", "Algerien": "DZA", "Argentinien": "ARG", "Armenien": "ARM",
    "Australien": "AUS", "Azerbaijan": "AZE", "Belgien": "BEL", "Bolivien": "BOL", "Bosnien und Herzegowina": "BIH",
    "Brasilien": "BRA", "Bulgarien": "BGR", "Burma": "MMR", "Canada": "CAN", "Chile": "CHL",
    "Demokratische Republik Kongo": "COD", "Deutschland": "DEU", "Dominikanische Republik": "DOM", "Dänemark": "DNK",
    "Ecuador": "ECU", "Estland": "EST", "Finnland": "FIN", "Frankreich": "FRA", "Georgien": "GEO",
    "Griechenland": "GRC", "Grossbritannien": "GBR", "Guatemala": "GTM", "Indien": "IND", "Irak": "IRQ",
    "Iran": "IRN", "Iran islamische Republik": "IRN", "Irland": "IRL", "Italien": "ITA", "Kamerun": "CMR",
    "Kasachstan": "KAZ", "Kolumbien": "COL", "Kosovo": "XKX", "Kroatien": "HRV", "Kuba": "CUB", "Lettland": "LVA",
    "Libanon": "LBN", "Litauen": "LTU", "Madagaskar": "MDG", "Malta": "MLT", "Marokko": "MAR", "Mexiko": "MEX",
    "Moldawien": "MDA", "Nicaragua": "NIC", "Niederlande": "NLD", "Norwegen": "NOR", "Peru": "PER", "Polen": "POL",
    "Portugal": "PRT", "Rumänien": "ROU", "Russische Föderation": "RUS", "Schweden": "SWE", "Schweiz": "CHE",
    "Serbien Republik": "SRB", "Serbien und Montenegro": "SCG", "Slowakei": "SVK", "Slowenien": "SVN",
    "Spanien": "ESP", "Syrien arabische Republik": "SYR", "Südafrika": "ZAF", "Taiwan": "TWN",
    "Tschechische Republik": "CZE", "Tunesien": "TUN", "Turkmenistan": "TKM", "Türkei": "TUR", "Ukraine": "UKR",
    "Ungarn": "HUN", "Uruguay": "URY", "Usbekistan": "UZB", "Venezuela": "VEN",
    "Vereinigte Staaten von Amerika": "USA", "Weissrussland": "BLR", "ehem. DDR": "DDR",
    "vorm. Jugoslawien": "YUG", "vorm. Sowjetunion": "SUN", "vorm. Tschechoslowakei": "CSK", "Ägypten": "EGY",
    "Österreich": "AUT",
}  # fmt: skip


def country_names() -> dict[str, str]:
    """English country name for every ISO3 code of :data:`COUNTRY_ISO3` (ISO 3166 table, then former states)."""
    iso = all_country_names()
    return {code: iso.get(code, FORMER_CODES.get(code, code)) for code in set(COUNTRY_ISO3.values())}


def _map(values: pd.Series, table: dict[str, str], column: str, source: Path | str) -> pd.Series:
    """Map labels through ``table``; raise naming the German column and the unknown labels."""
    unknown = sorted(set(values.dropna()) - set(table))
    if unknown or values.isna().any():
        raise SchemaError(
            f"{source}, sheet '{SHEET}', column '{column}': unknown or empty label(s) {unknown or ['<empty>']}. "
            f"Expected one of {sorted(table)}. Add the label to analysis.data.sources.medreg, or restore the file."
        )
    return values.map(table)


def require_consistent(rows: pd.DataFrame, columns: list[str], source: Path | str) -> None:
    """Raise :class:`SchemaError` if a person column differs between rows of one doctor (sheet rows named)."""
    for column in columns:
        counts = rows.groupby("doctor_id")[column].nunique(dropna=False)
        if (counts > 1).any():
            doctor = counts.index[(counts > 1).to_numpy().argmax()]
            lines = rows.loc[rows["doctor_id"] == doctor, "sheet_row"].tolist()[:4]
            raise SchemaError(
                f"{source}, sheet '{SHEET}', sheet rows {lines}, column '{_german(column)}': differs between rows "
                f"of Identifikator {doctor}. Expected one value per doctor. Restore the original workbook."
            )


def _german(column: str) -> str:
    reverse = {tidy: german for german, tidy in COLUMNS.items()}
    return reverse.get(column, "JahrAnerkennungDiplom/JahrGleichwertigkeitDiplom")


def parse_rows(raw: pd.DataFrame, source: Path | str) -> pd.DataFrame:
    """Data sheet -> one row per doctor x canton (titles dropped), checked; ``sheet_row`` is the first sheet row."""
    require_columns(raw, list(COLUMNS), f"{source}, sheet '{SHEET}'")
    rows = raw[list(COLUMNS)].rename(columns=COLUMNS).assign(sheet_row=raw.index.to_numpy() + 2)
    if set(rows["status"]) != {"Erteilt"}:
        raise SchemaError(f"{source}, column 'Bewilligungsstatus': expected only 'Erteilt' (licence held)")
    rows["sex"] = _map(rows["sex"], SEX, "Geschlecht", source)
    rows["diploma_type"] = _map(rows["diploma_type"], DIPLOMA_TYPES, "Diplomtyp", source)
    rows["diploma_iso3"] = _map(rows["diploma_country"], COUNTRY_ISO3, "ErteilungslandDiplom", source)
    recognised, equivalent = (
        to_number(raw[c], c, f"{source}, sheet '{SHEET}'")
        for c in ("JahrAnerkennungDiplom", "JahrGleichwertigkeitDiplom")
    )
    rows["recognition_year"] = recognised.fillna(equivalent).astype("Int64")
    require_consistent(rows, PERSON_COLUMNS, source)
    per_grant = rows.groupby(["doctor_id", "canton"])["licence_year"].nunique()
    if (per_grant > 1).any():
        doctor, canton = per_grant.index[(per_grant > 1).to_numpy().argmax()]
        raise SchemaError(
            f"{source}, column 'JahrEntscheidBewilligung': two licence years for Identifikator {doctor} in {canton}. "
            "Expected one licence per doctor and canton. Restore the original workbook."
        )
    rows = rows.drop(columns=["status", "recognised", "equivalent"])
    return rows.drop_duplicates(["doctor_id", "canton"]).reset_index(drop=True)


def _parse() -> pd.DataFrame:
    path, item = verified(KEY)
    raw = read_excel(path, item, sheet_name=SHEET)
    return parse_rows(raw, path)


def _rows() -> pd.DataFrame:
    """The parsed doctor x canton rows, cached on disk (the 40,000-row workbook takes several seconds)."""
    return parsed_cache(KEY, _parse)


def load_licence_grants() -> pd.DataFrame:
    """One row per doctor x canton licence held at the end of 2016: ``doctor_id, canton, licence_year, sheet_row``."""
    grants = _rows()[list(MEDREG_GRANTS.columns)].sort_values("sheet_row", ignore_index=True, kind="stable")
    return validate(grants, MEDREG_GRANTS, verified(KEY)[0])


def aggregate_doctors(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per doctor; ``licence_year`` is the earliest of the doctor's licences still held (first entry)."""
    person = rows.drop_duplicates("doctor_id").set_index("doctor_id")[[*PERSON_COLUMNS, "diploma_iso3"]]
    years = rows.groupby("doctor_id")["licence_year"].agg(["min", "max", "size"])
    doctors = person.assign(
        foreign_diploma=person["diploma_country"] != SWITZERLAND,
        licence_year=years["min"].astype("int64"),
        last_licence_year=years["max"].astype("int64"),
        n_licences=years["size"].astype("int64"),
    ).reset_index()
    return doctors[list(MEDREG_DOCTORS.columns)].sort_values("doctor_id", ignore_index=True, kind="stable")


def load_licences() -> pd.DataFrame:
    """Doctors holding a Swiss licence to practise at 31.12.2016, one row per doctor.

    The workbook (``ch_medreg_2016``, published by the BAG and kept by SRF Data) has a notes sheet
    ``Informationen`` (the notes are a text box) and the data sheet ``Rohdaten Aktive BAB MED GVSP``:
    one row per doctor x cantonal licence x postgraduate title. Its columns, as the notes define them:

    * ``Identifikator``: running number identifying several grants to one person (-> ``doctor_id``);
    * ``Beruf``: profession (always "Ärztin/Arzt", doctor); ``Geschlecht``: sex (-> ``sex``);
      ``JahrGeburt``: year of birth (-> ``birth_year``);
    * ``Bewilligungskanton``: canton granting the licence (-> ``canton``);
    * ``Bewilligungsstatus``: "Erteilt" = the person holds a licence to practise (Berufsausübungsbewilligung,
      BAB), with no information on whether the person also works;
    * ``JahrEntscheidBewilligung``: year the licence was granted (-> ``licence_year``);
    * ``Diplomtyp``: "Eidg. Diplom" (federal diploma), "Anerkanntes Diplom MEBEKO" (foreign EU/EFTA diploma
      recognised by the Medical Professions Commission), "Gleichwertiges Diplom MEBEKO" (foreign non-EU/EFTA
      diploma declared equivalent), "Andere" (Swiss faculty diplomas; or foreign diplomas checked by the cantons
      before the bilateral agreements of 2002) (-> ``diploma_type``);
    * ``ErteilungslandDiplom``: country that issued the diploma, in German (-> ``diploma_country``,
      ``diploma_iso3``, ``foreign_diploma`` = not "Schweiz");
    * ``JahrErteilungDiplom``: year the diploma was obtained (-> ``diploma_year``);
    * ``JahrAnerkennungDiplom`` / ``JahrGleichwertigkeitDiplom``: year of recognition / of the declaration
      of equivalence by MEBEKO (-> ``recognition_year``);
    * ``Facharzttitel``, ``GV_SP_Roh``, ``Weiterbildungstiteltyp``, ``ErteilungslandWBT``, ``JahrErteilungWBT``,
      ``JahrAnerkennungWBT``, ``JahrGleichwertigkeitWBT``: the postgraduate (specialist) title, whether primary
      care or specialist, its type, country, year, recognition year (not kept: the loaders are per doctor).

    Licences granted as at 31.12.2016, data state 31.01.2017.

    ``licence_year`` is the year of the doctor's earliest licence still held (a doctor may hold one per
    canton: 3,462 doctors hold several); ``last_licence_year`` the latest, ``n_licences`` how many.
    Parsed once and cached on disk (see :func:`analysis.data.reading.parsed_cache`).
    """
    return validate(aggregate_doctors(_rows()), MEDREG_DOCTORS, verified(KEY)[0])
