"""`python -m models.forecast` and `python -m models.assess`: output format, errors, unforecastable series."""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from models.forecast import FORECAST_COLUMNS, main

ROOT = Path(__file__).resolve().parents[1]


def write(tmp_path, text, name="in.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_batch_output_has_one_row_per_series_and_year(tmp_path, capsys):
    rows = ["series_id,year,value"]
    for sid, g in (("a", 1.05), ("b", 1.02)):
        rows += [f"{sid},{2010 + i},{100 * g ** i:.4f}" for i in range(10)]
    rows += ["short,2020,5"]
    src, out = write(tmp_path, "\n".join(rows)), tmp_path / "out.csv"
    code = main(["--input", str(src), "--horizon", "4", "--output", str(out), "--paths", "300", "--seed", "3"])
    assert code == 0
    frame = pd.read_csv(out)
    assert list(frame.columns) == FORECAST_COLUMNS
    assert frame.groupby("series_id")["year"].apply(list).to_dict() == {"a": [2020, 2021, 2022, 2023],
                                                                       "b": [2020, 2021, 2022, 2023]}
    assert (np.diff(frame[FORECAST_COLUMNS[3:]].to_numpy(), axis=1) >= 0).all()
    err = capsys.readouterr().err
    assert "not forecast: series 'short'" in err and "insufficient data" in err


def test_bounds_are_respected(tmp_path):
    src = write(tmp_path, "series_id,year,value\n" + "\n".join(f"s,{2015 + i},{60 + 4 * i}" for i in range(8)))
    out = tmp_path / "o.csv"
    assert main(["--input", str(src), "--horizon", "10", "--output", str(out), "--lower", "0", "--upper", "100",
                 "--paths", "300"]) == 0
    assert pd.read_csv(out)["q975"].max() <= 100


@pytest.mark.parametrize("text,message", [
    ("id,year,value\na,2020,1\n", "missing column(s) series_id"),
    ("series_id,year,value\na,2020,1\na,2021,abc\n", "row 3, column value: 'abc' is not a number"),
    ("series_id,year,value\na,2020.5,1\n", "row 2, column year"),
    ("series_id,year,value\na,2020,1\na,2020,2\n", "row 3: series 'a' repeats year 2020"),
])
def test_malformed_input_gives_a_clear_error_and_non_zero_exit(tmp_path, capsys, text, message):
    code = main(["--input", str(write(tmp_path, text)), "--horizon", "2", "--output", str(tmp_path / "o.csv")])
    assert code == 2
    assert message in capsys.readouterr().err


def test_missing_file_is_an_error(tmp_path, capsys):
    assert main(["--input", str(tmp_path / "nope.csv"), "--horizon", "2", "--output", str(tmp_path / "o.csv")]) == 2
    assert "cannot read the file" in capsys.readouterr().err


def test_assess_command_prints_every_target(capsys, tmp_path):
    from models.assess import main as assess_main
    from models.catalog import load_catalog

    assert assess_main(["--paths", "200", "--csv", str(tmp_path / "all.csv")]) == 0   # in-process, as a user runs it
    out = capsys.readouterr().out
    targets = load_catalog().targets["target_id"]
    assert all(tid in out for tid in targets)
    assert len(out.strip().splitlines()) == len(targets) + 1                          # a header and one line each
    assert list(pd.read_csv(tmp_path / "all.csv")["target_id"]) == list(targets)
