"""Data needed: for every target that is insufficient, nowcast or low-evidence, the figures that would change it."""
import streamlit as st

from ui.i18n import t
from ui.loaders import catalog, current_version, prepared, requests
from ui.widgets import lang, request_frame, requests_xlsx

lg = lang()
st.title(t("requests_title", lg))
st.caption(t("requests_intro", lg))
cat = catalog()
prepared(lg)
reqs = requests()
if not reqs:
    st.info(t("requests_none", lg))
    st.stop()
st.download_button(t("requests_download", lg), data=lambda: requests_xlsx(cat, reqs, lg),
                   file_name=f"so_lieu_can_bo_sung_{current_version()}.xlsx", key="requests_xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
st.dataframe(request_frame(cat, reqs, lg), hide_index=True, width="stretch", key="requests_table")
