"""The research gaps ("searched for and not found") as the Data page shows them: the note in the planner's
language, and whether a value has since come from another source — a gap filled later must not read as open."""
from __future__ import annotations

import pandas as pd

from models.derive import DERIVED_SOURCE

# The research notes are written in English (data/gaps.csv, from the fact sheets); each known note has its
# catalogue entry (models/texts.py, keys gap_note_*). An unknown note is shown as written.
GAP_NOTE_KEYS = {
    "not found": "gap_note_not_found",
    "not available in public sources consulted": "gap_note_not_public",
    "not found (2024 published only for 34 merged provinces)": "gap_note_merged_only",
    "not found (MIC 2022 report lists provinces but TQ value not available in public sources consulted)":
        "gap_note_mic_2022",
    "not found (GSO publishes by region in NGTK; not available in public sources consulted)": "gap_note_gso_region",
    "not found; needs NGTK TQ table 'Năng suất lao động xã hội'": "gap_note_needs_yearbook",
}
ALL_YEARS = "all years"


def gap_table(cat, lang: str = "vi") -> pd.DataFrame:
    """One row per gap: territory, indicator, year (or all years), note, and the years now filled, with by whom."""
    from models.texts import t

    used = cat.used()
    publishers = dict(zip(cat.sources["source_id"], cat.sources["publisher"]))
    rows = []
    for g in cat.gaps.to_dict("records"):
        have = used[(used["territory_id"] == g["territory_id"]) & (used["indicator_id"] == g["indicator_id"])]
        if str(g["year"]) != ALL_YEARS:
            have = have[have["year"].astype(int).astype(str) == str(g["year"])]
        note = str(g["note"])
        key = GAP_NOTE_KEYS.get(note.strip())
        if len(have):
            years = sorted({int(y) for y in have["year"]})
            span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
            by = ", ".join(sorted({t("gap_by_derivation", lang) if s == DERIVED_SOURCE else str(publishers.get(s, s))
                                   for s in have["source_id"]}))
            filled = t("gap_filled", lang, years=span, sources=by)
        else:
            filled = t("gap_open", lang)
        rows.append({"territory_id": g["territory_id"], "indicator_id": g["indicator_id"],
                     "year": t("gap_all_years", lang) if str(g["year"]) == ALL_YEARS else str(g["year"]),
                     "note": t(key, lang) if key else note, "now": filled, "open": not len(have)})
    return pd.DataFrame(rows, columns=["territory_id", "indicator_id", "year", "note", "now", "open"])
