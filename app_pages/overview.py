"""Overview: every target in one matrix, 2025 verdicts apart from the 2030/2045 outlooks, grouped by pillar."""
import streamlit as st

from ui.i18n import t
from ui.loaders import assessments, catalog, prepared
from ui.widgets import assessment_table, lang, scenario, style_lights, target_label

lg = lang()
st.title(t("overview_title", lg))
st.caption(t("overview_intro", lg))

cat = catalog()
prepared(lg)
table = assessment_table(assessments(scenario()), cat.targets, cat.documents, lg, cat.territories)
year_col = t("col_year", lg)
config = {"target_id": None, "_pillar": None,   # fixed widths: at 1440 px the P(meet) and phrase stay in view
          t("col_target", lg): st.column_config.TextColumn(width="large"),
          t("col_territory", lg): st.column_config.TextColumn(width="medium"),
          t("col_year", lg): st.column_config.NumberColumn(width="small", format="%d"),
          t("col_p_meet", lg): st.column_config.TextColumn(width="small")}
labels = {r["target_id"]: target_label(r, lg) for r in cat.targets.to_dict("records")}

for title_key, part in (("section_2025", table[table[year_col] <= 2025]),
                        ("section_future", table[table[year_col] > 2025])):
    st.subheader(t(title_key, lg))
    for pillar, group in part.groupby("_pillar", sort=False):
        st.markdown(f"**{t(f'pillar_{pillar}', lg)}**")
        event = st.dataframe(style_lights(group, t("col_status_light", lg)), hide_index=True, width="stretch", column_config=config,
                             height=35 * (len(group) + 1) + 3,     # every row in view: no scrolling inside the table
                             on_select="rerun", selection_mode="single-row", key=f"ov_{title_key}_{pillar}")
        rows = event.selection.rows if event is not None and hasattr(event, "selection") else []
        if rows:
            st.session_state["target_id"] = group.iloc[rows[0]]["target_id"]
            st.switch_page("app_pages/target.py")

st.divider()
c1, c2 = st.columns([4, 1])
choice = c1.selectbox(t("pick_target", lg), list(labels), key="ov_pick", format_func=labels.get)
if c2.button(t("open_detail", lg), key="ov_open"):
    st.session_state["target_id"] = choice
    st.switch_page("app_pages/target.py")
