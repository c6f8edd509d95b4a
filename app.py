"""Lộ trình 4.0: navigation, language switch and the shared sidebar. No logic here."""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # before numpy loads: threaded BLAS slows small fits

import streamlit as st  # noqa: E402

from ui.i18n import LANG_NAMES, LANGS, t  # noqa: E402
from ui.loaders import bundled_notice, current_version, refused_version  # noqa: E402
from ui.widgets import scenario, sidebar_scenario, streamlit_words, sync_url  # noqa: E402

st.set_page_config(page_title="Lộ trình 4.0", page_icon=":material/trending_up:", layout="wide")

if "lang" not in st.session_state:
    st.session_state["lang"] = st.query_params.get("lang", "vi") if st.query_params.get("lang") in LANGS else "vi"
if "target_id" not in st.session_state and st.query_params.get("target"):
    st.session_state["target_id"] = st.query_params.get("target")
lang = st.sidebar.radio(t("language", st.session_state["lang"]), LANGS, key="lang", horizontal=True,
                        format_func=LANG_NAMES.get)
scenario()   # read the scenario from the link once per session
streamlit_words(lang)

pages = [
    st.Page("app_pages/overview.py", title=t("page_overview", lang), icon=":material/dashboard:", default=True),
    st.Page("app_pages/target.py", title=t("page_target", lang), icon=":material/query_stats:", url_path="chi-tieu"),
    st.Page("app_pages/scenarios.py", title=t("page_scenarios", lang), icon=":material/tune:", url_path="kich-ban"),
    st.Page("app_pages/region.py", title=t("page_region", lang), icon=":material/map:", url_path="so-sanh-vung"),
    st.Page("app_pages/method.py", title=t("page_method", lang), icon=":material/functions:", url_path="phuong-phap"),
    st.Page("app_pages/data.py", title=t("page_data", lang), icon=":material/table_view:", url_path="du-lieu"),
    st.Page("app_pages/requests.py", title=t("page_requests", lang), icon=":material/assignment:",
            url_path="so-lieu-can-bo-sung"),
    st.Page("app_pages/meeting.py", title=t("page_meeting", lang), icon=":material/co_present:", url_path="hop"),
]
# Screens live in app_pages/, not pages/: Streamlit treats a pages/ folder as legacy multipage routing, which
# breaks deep links under st.navigation ("Page not found", wrong page on a shared link).
nav = st.navigation(pages)
if nav.url_path == "chi-tieu":   # its levers rerun only their fragment, which cannot write here: shown beside them
    st.sidebar.caption(t("scenario_beside_levers", lang))
else:
    sidebar_scenario(lang)
st.sidebar.caption(f"{t('data_version', lang)}: `{current_version()}`")
if refused_version():
    st.sidebar.error(t("version_refused", lang, version=refused_version()))
notice = bundled_notice()
if notice and notice[0] == "changed":
    vid, checksum = notice[1].split("|")
    st.sidebar.info(t("bundled_changed", lang, version=vid, checksum=checksum))
elif notice:
    st.sidebar.error(t("bundled_broken", lang, error=notice[1]))
nav.run()

sync_url()   # the URL always holds the language, the target and every lever
