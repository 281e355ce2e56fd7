"""Monte Carlo standard errors of summaries of simulated draws, by batch means.

A summary of random draws (a median, a 2.5% quantile, the share of draws with a gain) carries
simulation noise. Its Monte Carlo standard error (MCSE) says how far a re-run with another seed
would typically move it. Batch means estimate it for any summary: split the draws into ``batches``
equal groups, summarise each, and divide the standard deviation of the batch summaries by
``sqrt(batches)`` (Flegal & Jones 2010; for independent draws this is the plain standard error).
The results ledger uses the MCSE as the tolerance scale for Monte Carlo quantities.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import numpy as np
import pandas as pd

BATCHES = 20
Summary = TypeVar("Summary", float, tuple, pd.Series, pd.DataFrame)


def batch_standard_error(
    draws: pd.DataFrame | pd.Series, summarise: Callable[..., Summary], batches: int = BATCHES
) -> Summary:
    """MCSE of ``summarise(draws)``, shaped like it (a float, a tuple, a Series or a DataFrame).

    Non-numeric parts of a DataFrame summary (labels) are returned as they are; deterministic
    parts (a central case that does not use the draws) get an MCSE of 0.
    """
    if len(draws) < 2 * batches:
        raise ValueError(f"need at least {2 * batches} draws for {batches} batches, got {len(draws)}")
    groups = np.array_split(np.arange(len(draws)), batches)
    parts = [summarise(draws.iloc[index]) for index in groups]
    first = parts[0]
    if isinstance(first, pd.DataFrame):
        numeric = first.select_dtypes("number").columns
        stacked = np.stack([p[numeric].to_numpy(dtype=float) for p in parts])
        result = first.copy()
        result[numeric] = stacked.std(axis=0, ddof=1) / np.sqrt(batches)
        return result
    if isinstance(first, pd.Series):
        stacked = np.stack([p.to_numpy(dtype=float) for p in parts])
        return pd.Series(stacked.std(axis=0, ddof=1) / np.sqrt(batches), index=first.index)
    stacked = np.array(parts, dtype=float)
    spread = stacked.std(axis=0, ddof=1) / np.sqrt(batches)
    return tuple(float(v) for v in spread) if isinstance(first, tuple) else float(spread)
