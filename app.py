"""Lộ trình 4.0: navigation, language switch and the shared sidebar. No logic here."""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # before numpy loads: threaded BLAS slows small fits

import streamlit as st  # noqa: E402

from ui.i18n import LANGS, t  # noqa: E402
from ui.loaders import current_version  # noqa: E402

st.set_page_config(page_title="Lộ trình 4.0", page_icon="📈", layout="wide")

if "lang" not in st.session_state:
    st.session_state["lang"] = st.query_params.get("lang", "vi") if st.query_params.get("lang") in LANGS else "vi"
lang = st.sidebar.radio(t("language", st.session_state["lang"]), LANGS, key="lang",
                        format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code], horizontal=True)
st.query_params["lang"] = lang

pages = [
    st.Page("pages/catalogue.py", title=t("page_catalogue", lang), icon="🗂️", default=True),
]
nav = st.navigation(pages)
st.sidebar.caption(f"{t('data_version', lang)}: `{current_version()}`")
nav.run()
