"""Region: the province (old and merged) against the region's 14 provinces and Viet Nam; the 2045 gap on official productivity."""
import pandas as pd
import streamlit as st

from models.region import INDICATOR, cross_section, cross_sections, latest_values, ranked, ratios, relative_growth_needed
from models.derive import members
from ui.charts import region_bars
from ui.i18n import fmt_auto, fmt_number, fmt_percent, t
from ui.loaders import assessments, catalog, prepared
from ui.widgets import lang, scenario

lg = lang()
cat = catalog()
st.title(t("region_title", lg))
terr = cat.territories.set_index("territory_id")
names = cat.labels("indicators", lg)
units = cat.labels("indicators", lg, "unit")
FOCUS = ["tuyen_quang_old", "ha_giang", "tuyen_quang_merged", "region_nmm", "vietnam"]

# ---- the 2045 gap on official productivity (employment-weighted regional average)
st.subheader(t("region_gap_title", lg))
table = {}
for tid in ("tuyen_quang_old", "tuyen_quang_merged", "ha_giang"):
    r = ratios(cat, tid)
    if r.empty:
        continue
    table[terr.loc[tid, f"name_{lg}"]] = {int(y): fmt_percent(x, lg) for y, x in zip(r["year"], r["ratio"])}
    if tid != "ha_giang":
        last = r.iloc[-1]
        st.markdown(t("region_gap_official", lg, year=int(last["year"]), name=terr.loc[tid, f"name_{lg}"],
                      ratio=fmt_percent(float(last["ratio"]), lg),
                      rate=fmt_percent(relative_growth_needed(float(last["ratio"]), int(last["year"])) / 100, lg, 2)))
if table:
    st.markdown(f"**{t('region_share_table', lg)}**")
    st.dataframe(pd.DataFrame(table).T.rename(columns=str), key="region_ratio_table")
prepared(lg)
a = assessments(scenario()).set_index("target_id")
if "kh402_productivity_region_2045" in a.index and a.loc["kh402_productivity_region_2045", "p_meet"] is not None:
    row = a.loc["kh402_productivity_region_2045"]
    if not pd.isna(row["p_meet"]):
        st.markdown(t("region_p2045", lg, p=fmt_percent(float(row["p_meet"]), lg), phrase=row[f"phrase_{lg}"]))

# ---- the 14 provinces on official productivity, by year, ranked
years = sorted({int(y) for y in cat.values("region_nmm", INDICATOR)["year"]})
if years:
    year = st.select_slider(t("region_year", lg), years, value=years[-1], key="region_prod_year")
    frame = ranked(cat, year)
    frame["name"] = [terr.loc[x, f"name_{lg}"] + ("" if pd.isna(rk) else f" ({int(rk)})")
                     for x, rk in zip(frame["territory_id"], frame["rank"])]
    st.plotly_chart(region_bars(frame, lg, title=f"{names[INDICATOR]} ({year}) – {t('region_rank', lg)}",
                                unit=units[INDICATOR],
                                highlight=("tuyen_quang_old", "ha_giang", "tuyen_quang_merged", "region_nmm")),
                    key="region_prod_chart", width="stretch")

# ---- latest comparable values
st.subheader(t("region_table", lg))
rows = []
for iid, g in latest_values(cat, FOCUS).groupby("indicator_id"):
    row = {t("col_indicator", lg): names[iid], t("col_unit", lg): units[iid]}
    got = {r.territory_id: f"{fmt_auto(r.value, lg)} ({r.year})" for r in g.itertuples()}
    row.update({terr.loc[tid, f"name_{lg}"]: got.get(tid, "–") for tid in FOCUS})
    rows.append(row)
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="region_table")

# ---- the 14 provinces on any indicator, any year
sections = cross_sections(cat)
choices = sorted(sections)
if choices:
    default = choices.index(INDICATOR) if INDICATOR in choices else 0
    iid = st.selectbox(t("region_chart_indicator", lg), choices, index=default, key="region_indicator",
                       format_func=names.get)
    full = sections[iid]
    year = st.select_slider(t("region_year", lg), full, value=full[-1], key="region_indicator_year") if len(full) > 1 \
        else full[-1]
    frame = cross_section(cat, iid, year)
    frame["name"] = [terr.loc[x, f"name_{lg}"] for x in frame["territory_id"]]
    st.plotly_chart(region_bars(frame, lg, title=f"{names[iid]} ({year})", unit=units[iid],
                                highlight=("tuyen_quang_old", "ha_giang")), key="region_chart", width="stretch")
    st.caption(fmt_number(len(frame), lg, 0) + " / " + fmt_number(len(members(cat.territories, "region_nmm", year)), lg, 0))
