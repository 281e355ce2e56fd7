"""Print how long each data loader takes (median of several runs, hash check included).

.venv/bin/python benchmarks/bench_loaders.py [repeats]
"""

from __future__ import annotations

import statistics
import sys
import time

from analysis.data import files as datafiles
from analysis.data.sources import knomad, nhs, oecd, who, worldbank

LOADERS = {
    "oecd totals": oecd.load_totals,
    "oecd foreign-trained doctors": oecd.load_foreign_trained_doctors,
    "who nhwa 2022 doctors": lambda: who.load_nhwa2022("doctors"),
    "who nhwa 2022 nurses": lambda: who.load_nhwa2022("nurses"),
    "who newer HWF_0001": lambda: who.load_ddf("HWF_0001"),
    "wdi physicians": lambda: worldbank.load_wdi("SH.MED.PHYS.ZS"),
    "world bank CLASS": worldbank.load_class,
    "world bank OGHIST": worldbank.load_oghist,
    "knomad remittances": knomad.load_remittances,
    "nhs staff group FTE (xlsx)": nhs.load_staff_group_fte,
    "nhs all staff (csv)": nhs.load_all_staff_by_nationality,
}


def main(repeats: int = 3) -> None:
    print(f"{'loader':32s} {'median s':>9s} {'min s':>7s}  (n={repeats}, hash memo cleared each run)")
    for name, load in LOADERS.items():
        times = []
        for _ in range(repeats):
            datafiles._verified.clear()
            start = time.perf_counter()
            load()
            times.append(time.perf_counter() - start)
        print(f"{name:32s} {statistics.median(times):9.3f} {min(times):7.3f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
