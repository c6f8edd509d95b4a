"""Region: the province (old and merged) against the region's 14 provinces and Viet Nam; the 2045 gap."""
import pandas as pd
import streamlit as st

from ui.charts import region_bars
from ui.i18n import fmt_auto, fmt_percent, t
from ui.loaders import catalog
from ui.widgets import lang

lg = lang()
cat = catalog()
st.title(t("region_title", lg))
terr = cat.territories.set_index("territory_id")
names = dict(zip(cat.indicators["indicator_id"], cat.indicators[f"name_{lg}"]))
units = dict(zip(cat.indicators["indicator_id"], cat.indicators[f"unit_{lg}"]))
o = cat.observations
o = o[o["preferred"] & (o["qualifier"] == "") & o["period_start"].isna()]
FOCUS = ["tuyen_quang_old", "ha_giang", "tuyen_quang_merged", "region_nmm", "vietnam"]

# ---- the 2045 gap on the productivity proxy
st.subheader(t("region_gap_title", lg))
st.warning(t("region_no_official", lg))
proxy = o[o["indicator_id"] == "labour_productivity_proxy_lf"]
reg = proxy[proxy["territory_id"] == "region_nmm"].set_index("year")["value"]
for tid in ("tuyen_quang_old", "tuyen_quang_merged"):
    mine = proxy[proxy["territory_id"] == tid].set_index("year")["value"]
    common = sorted(set(mine.index) & set(reg.index))
    if common:
        y = common[-1]
        ratio = float(mine.loc[y] / reg.loc[y])
        rate = (1 / ratio) ** (1 / (2045 - y)) - 1
        st.markdown(f"**{terr.loc[tid, f'name_{lg}']}** – " + t("region_gap_text", lg, year=y,
                    ratio=fmt_percent(ratio, lg), rate=fmt_percent(rate, lg, 2)))

# ---- latest comparable values
st.subheader(t("region_table", lg))
sub = o[o["territory_id"].isin(FOCUS)]
rows = []
for iid, g in sub.groupby("indicator_id"):
    if g["territory_id"].nunique() < 2:
        continue
    row = {t("col_indicator", lg): names[iid], t("col_unit", lg): units[iid]}
    for tid in FOCUS:
        x = g[g["territory_id"] == tid].sort_values("year")
        row[terr.loc[tid, f"name_{lg}"]] = "–" if x.empty else f"{fmt_auto(x['value'].iloc[-1], lg)} ({int(x['year'].iloc[-1])})"
    rows.append(row)
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="region_table")

# ---- the 14 provinces on one indicator
members = list(terr.index[terr["parent_id"] == "region_nmm"])
avail = o[o["territory_id"].isin(members)].groupby("indicator_id")["territory_id"].nunique()
choices = [i for i in avail.index if avail[i] >= 5]
if choices:
    iid = st.selectbox(t("region_chart_indicator", lg), choices, key="region_indicator", format_func=names.get)
    g = o[(o["indicator_id"] == iid) & o["territory_id"].isin(members)]
    year = int(g.groupby("year")["territory_id"].nunique().idxmax())
    g = g[g["year"] == year].drop_duplicates("territory_id")
    frame = pd.DataFrame({"territory_id": g["territory_id"], "value": g["value"],
                          "name": [terr.loc[x, f"name_{lg}"] for x in g["territory_id"]]})
    st.plotly_chart(region_bars(frame, lg, title=f"{names[iid]} ({year})", unit=units[iid],
                                highlight=("tuyen_quang_old", "ha_giang")), key="region_chart", width="stretch")
