"""Model inputs from the project's parameter file (analysis.gsp.inputs): provenance of every input and row."""

from __future__ import annotations

import pytest

from analysis.gsp.input_specs import ASSUMPTION, DERIVED, DESIGN, PUBLISHED
from analysis.gsp.inputs import UNUSED_ROWS, model_inputs, palim_take_up, sources_table
from analysis.gsp.parameter_table import parameters


def test_project_file_inputs_come_from_rows():
    """project file: every input's rows exist; derived values follow from them."""
    table = parameters()
    inputs = model_inputs()
    for inp in inputs.values():
        assert set(inp.rows) <= set(table.index), inp.name
        assert inp.low <= inp.central <= inp.high, inp.name
        assert inp.basis.startswith((PUBLISHED, DERIVED, ASSUMPTION, DESIGN)), inp.name
    assert inputs["f_away"].central == pytest.approx(1.0)  # EUR 15,000 = all of one + half of another 10,000
    # k: USD 100,000 (Germany/UK) over USD 25,352 (Kenya) to USD 14,000 (Morocco and Tunisia); mid-range
    assert (inputs["k"].low, inputs["k"].high) == pytest.approx((100_000 / 25_352, 100_000 / 14_000))
    assert inputs["k"].central == pytest.approx((100_000 / 25_352 + 100_000 / 14_000) / 2)
    assert {n for n, i in inputs.items() if i.role == "design"} == {
        "c_o",
        "f_away",
        "f_home",
        "rho",
        "t_bond",
        "s_home",
    }
    assert palim_take_up() == pytest.approx((1 / 30, 2 / 30))  # one or two of the 30 on the away track


def test_every_unused_row_has_a_reason():
    """project file: each row is either used by an input/scenario or has a stated reason."""
    sources = sources_table()
    unused = sources[sources["used for"] == "not used"]
    assert unused["why not"].ne("not needed by the model").all(), list(unused["parameter"])
    assert set(UNUSED_ROWS) <= set(sources["parameter"])
    used = sources.loc[sources["used for"] != "not used", "parameter"]
    assert set(UNUSED_ROWS).isdisjoint(used)
