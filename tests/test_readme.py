"""The README's table of what 402-KH/TU's targets rest on quotes the assessment: it must not drift from it."""
import re
from pathlib import Path

import pytest

from models.assess import assess_all

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(scope="module")
def section():
    text = README.read_text(encoding="utf-8")
    start = text.index("### What the plan's own targets rest on now")
    return text[start:text.index("## The engine", start)]


@pytest.fixture(scope="module")
def table(assess_cat):
    return assess_all(assess_cat).set_index("target_id")


def row(section: str, label: str) -> str:
    return next(line for line in section.splitlines() if line.startswith(f"| {label}"))


def test_the_productivity_nowcast_quoted_is_the_one_the_app_computes(section, table):
    line = row(section, "productivity +~7%/yr")
    a = table.loc["kh402_productivity_2025"]
    assert a.state == "nowcast"
    p, tolerant = (int(x) for x in re.search(r"P\(≥ 7%\) (\d+)%, P\(≥ 6\.5%\) (\d+)%", line).groups())
    assert (p, tolerant) == (round(a.p_meet * 100), round(a.p_meet_tolerant * 100))
    q50, q10, q90 = (float(x) for x in re.search(r"average ([\d.]+)%/yr \(80%: ([\d.]+)–([\d.]+)\)", line).groups())
    assert (q50, q10, q90) == (round(a.stat_q50, 2), round(a.stat_q10, 2), round(a.stat_q90, 2))


def test_the_2045_outlook_quoted_is_the_one_the_app_computes(section, table):
    line = row(section, "productivity above the regional average by 2045")
    a = table.loc["kh402_productivity_region_2045"]
    assert a.state == "outlook"
    assert float(re.search(r"outlook: P ([\d.]+)%", line).group(1)) == round(a.p_meet * 100, 1)
    assert float(re.search(r"at ([\d.]+)% of the employment-weighted", line).group(1)) == round(a.last_value * 100, 1)
    assert float(re.search(r"grow ([\d.]+)% a year faster", line).group(1)) == round(a.catch_up, 2)


def test_the_count_of_insufficient_targets_quoted_is_the_registry_s(section, table):
    n, total = (int(x) for x in re.search(r"(\d+) of (\d+) targets are \"insufficient\"", section).groups())
    assert (n, total) == (int((table.state == "insufficient").sum()), len(table))


def test_the_2045_probability_check_quoted_is_the_one_the_results_file_gives():
    """The README's example of the check beside a probability (the 2045 target, P 0.7%, 2–8 points) is the results file's."""
    from models.reliability import checked

    text = README.read_text(encoding="utf-8")
    said = re.search(r'"when the app said (\d+)–(\d+)%, the event happened ([\d.]+)–([\d.]+)% of the time \(([\d,]+) cases,\s+'
                     r'(\d) held-out collections\); on GSO provincial series ([\d.]+)%"', text)
    assert said, "the README no longer quotes the 2045 check"
    c = checked(0.007, short=True)
    lo, hi, seen_lo, seen_hi, cases, n, gso = said.groups()
    assert (int(lo), int(hi)) == (round(c.band[0] * 100), round(c.band[1] * 100)) == (0, 1)
    assert (float(seen_lo), float(seen_hi), float(gso)) == (round(c.observed[0] * 100, 1), round(c.observed[1] * 100, 1),
                                                            round(c.gso * 100, 1))
    assert (int(cases.replace(",", "")), int(n)) == (c.events, c.collections)
