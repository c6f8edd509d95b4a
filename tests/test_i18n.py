import pytest

from ui.i18n import STRINGS, fmt_number, fmt_percent, t


def test_every_string_exists_in_vietnamese_and_english():
    missing = [k for k, v in STRINGS.items() if not v.get("vi") or not v.get("en")]
    assert missing == []


@pytest.mark.parametrize("lang,expected", [("vi", "1.234,5"), ("en", "1,234.5")])
def test_numbers_follow_the_language(lang, expected):
    assert fmt_number(1234.5, lang) == expected


def test_missing_number_is_a_dash_not_nan():
    assert fmt_number(float("nan"), "vi") == "–"
    assert fmt_percent(None, "en") == "–"


def test_percent_uses_babel():
    assert fmt_percent(0.712, "vi") == "71%"


def test_unknown_key_raises_instead_of_showing_the_key():
    with pytest.raises(KeyError):
        t("no_such_key")


@pytest.mark.parametrize("value,lang,expected", [(137.0, "vi", "137"), (0.6735, "vi", "0,674"), (58.435, "vi", "58,44"),
                                                  (31730.0, "vi", "31.730"), (1234.56, "en", "1,234.6")])
def test_auto_decimals(value, lang, expected):
    from ui.i18n import fmt_auto
    assert fmt_auto(value, lang) == expected


def test_dates_follow_the_language():
    from ui.i18n import fmt_date
    assert fmt_date("2020-06-26", "vi") == "26/6/2020"
    assert fmt_date("2020-06-26", "en") == "26 Jun 2020"
    assert fmt_date("2025", "vi") == "2025" and fmt_date(None, "vi") == "–"


@pytest.mark.parametrize("lang, seen, expected", [
    ("vi", (0.003, 0.231), "0,3%–23,1%"),        # near 0: a tenth of a percent, both ends alike
    ("en", (0.25, 0.58), "25%–58%"),
    ("en", (0.015, 0.015), "1.5%"),              # one collection: one figure
    ("en", (0.21, 0.918), "21.0%–91.8%")])
def test_how_often_an_event_happened_reads_the_same_at_both_ends(lang, seen, expected):
    from ui.widgets import collections, seen_range

    assert seen_range(seen, lang) == expected
    assert (collections(1, "en"), collections(2, "en"), collections(1, "vi")) == ("1 collection", "2 collections", "1 bộ")
