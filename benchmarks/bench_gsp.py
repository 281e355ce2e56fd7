"""Print how long the GSP Monte Carlo takes (draws + NPVs for every actor), median of several runs.

.venv/bin/python benchmarks/bench_gsp.py [repeats]
"""

from __future__ import annotations

import statistics
import sys
import time

from analysis.gsp.inputs import model_inputs
from analysis.gsp.model import npv
from analysis.gsp.simulation import SEED, draw, simulate


def main(repeats: int = 3) -> None:
    inputs = model_inputs()  # reads and checks the parameter file once, outside the timing
    print(f"{'draws':>10s} {'median s':>9s} {'min s':>7s}  (n={repeats}; draws + NPVs of all actors)")
    for n in (10**5, 10**6):
        times = []
        for repeat in range(repeats):
            start = time.perf_counter()
            npv(draw(inputs, n, seed=SEED + repeat))
            times.append(time.perf_counter() - start)
        print(f"{n:>10,d} {statistics.median(times):9.3f} {min(times):7.3f}")
    start = time.perf_counter()
    simulate(10**6, inputs=inputs)
    print(f"{'10^6 as DataFrame (gsp.simulate)':>34s}: {time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
