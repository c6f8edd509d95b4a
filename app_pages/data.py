"""Data catalogue: every indicator with unit, coverage, source and status; the target registry."""
import re

import pandas as pd
import streamlit as st

from models.catalog import CatalogError
from models.gaps import gap_table
from ui.widgets import document_labels, said
from ui.i18n import fmt_auto, fmt_datetime, fmt_number, t
from ui.loaders import catalog, coverage, current_version

lang = st.session_state.get("lang", "vi")


st.title(t("catalogue_title", lang))
st.caption(t("catalogue_intro", lang))
if st.session_state.get("data_flash"):    # what the last upload or switch did, shown after the rerun that applied it
    st.success(st.session_state.pop("data_flash"))

try:
    cat = catalog()
except Exception as exc:   # a bad data version must never show a traceback
    st.error(t("data_error", lang))
    st.code(exc.message(lang) if hasattr(exc, "message") else str(exc))
    st.stop()

version = current_version()
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("metric_values", lang), fmt_number(len(cat.observations), lang, 0))
c2.metric(t("metric_indicators", lang), fmt_number(len(cat.indicators), lang, 0))
c3.metric(t("metric_targets", lang), fmt_number(len(cat.targets), lang, 0))
c4.metric(t("metric_sources", lang), fmt_number(len(cat.sources), lang, 0))

names = cat.labels("indicators", lang)


def readable_formula(formula: str, names: dict) -> str:
    """A derived value's formula with indicator names in place of their ids (longest id first)."""
    for iid in sorted((i for i in names if i in formula), key=len, reverse=True):
        formula = re.sub(rf"\b{re.escape(iid)}\b", f"[{names[iid]}]", formula)
    return formula


terr_names = cat.labels("territories", lang)
tab_ind, tab_tg, tab_series, tab_src, tab_gap = st.tabs(
    [t("tab_indicators", lang), t("tab_targets", lang), t("tab_series", lang), t("tab_sources", lang), t("tab_gaps", lang)])

with tab_ind:
    cov = coverage(version)
    pillars = ["all"] + sorted(cov["pillar"].unique())
    pillar = st.selectbox(t("filter_pillar", lang), pillars, key="cat_pillar",
                          format_func=lambda p: t("all", lang) if p == "all" else t(f"pillar_{p}", lang))
    view = cov if pillar == "all" else cov[cov["pillar"] == pillar]
    table = pd.DataFrame({
        t("col_indicator", lang): view[f"name_{lang}"],
        t("col_unit", lang): view[f"unit_{lang}"],
        t("col_pillar", lang): [t(f"pillar_{p}", lang) for p in view["pillar"]],
        t("col_territories", lang): view["n_territories"].fillna(0).astype(int),
        t("col_years", lang): [
            "–" if pd.isna(a) else f"{int(a)}–{int(b)}" for a, b in zip(view["year_min"], view["year_max"])],
        t("col_n_values", lang): view["n_values"].fillna(0).astype(int),
        t("col_statuses", lang): [
            ", ".join(t(f"status_{s}", lang) for s in str(v).split(", ")) if isinstance(v, str) else "–"
            for v in view["statuses"]],
        t("col_n_sources", lang): view["n_sources"].fillna(0).astype(int),
        t("col_formula", lang): [readable_formula(f, names) if isinstance(f, str) else "" for f in view["formula"]],
    })
    st.dataframe(table, hide_index=True, width="stretch", key="cat_table")

with tab_tg:
    tg = cat.targets
    docs = document_labels(cat.documents, lang)
    doc_of, year_of = dict(zip(tg["target_id"], tg["document_id"])), dict(zip(tg["target_id"], tg["target_year"]))

    def relations(supersedes: str, conflicts: str) -> str:
        """Other targets named by their document and year, never by their ids."""
        def named(ids: str) -> str:
            return ", ".join(f"{docs.get(doc_of.get(x), x)} ({int(year_of[x])})" if x in year_of else x
                             for x in ids.split(";") if x)
        parts = [f"{t('rel_supersedes', lang)} {named(supersedes)}" if supersedes else "",
                 f"{t('rel_conflicts', lang)} {named(conflicts)}" if conflicts else ""]
        return "; ".join(p for p in parts if p)

    registry = pd.DataFrame({
        t("col_target", lang): tg[f"clause_{lang}"],
        t("col_document", lang): [docs[d] for d in tg["document_id"]],
        t("col_year", lang): tg["target_year"].astype(int),
        t("col_kind", lang): [t(f"kind_{k}", lang) for k in tg["kind"]],
        t("col_value", lang): [fmt_auto(v, lang) if not pd.isna(v) else "–" for v in tg["value"]],
        t("col_indicator", lang): [names.get(i, "–") if i else "–" for i in tg["indicator_id"]],
        t("col_territory", lang): [terr_names[x] for x in tg["assess_territory_id"]],
        t("col_relations", lang): [relations(s, c) for s, c in zip(tg["supersedes"], tg["conflicts_with"])],
    })
    st.dataframe(registry, hide_index=True, width="stretch", key="target_table")

with tab_series:
    ids = sorted(cat.observations["indicator_id"].unique(), key=lambda i: names.get(i, i))
    ind = st.selectbox(t("pick_indicator", lang), ids, key="series_indicator", format_func=lambda i: names.get(i, i))
    terrs = sorted(cat.observations.loc[cat.observations["indicator_id"] == ind, "territory_id"].unique())
    default = terrs.index("tuyen_quang_old") if "tuyen_quang_old" in terrs else 0
    terr = st.selectbox(t("pick_territory", lang), terrs, index=default, key="series_territory",
                        format_func=lambda x: terr_names.get(x, x))
    rows = cat.observations[(cat.observations["indicator_id"] == ind) & (cat.observations["territory_id"] == terr)]
    if rows.empty:
        st.info(t("no_values", lang))
    else:
        srcs = dict(zip(cat.sources["source_id"], cat.sources["publisher"]))
        st.dataframe(pd.DataFrame({
            t("col_year", lang): rows["year"].astype(int),
            t("col_value", lang): [fmt_auto(v, lang) for v in rows["value"]],
            t("col_qualifier", lang): [t(f"qualifier_{q}", lang) if q else "" for q in rows["qualifier"]],
            t("col_status", lang): [t(f"status_{s}", lang) for s in rows["status"]],
            t("col_vintage", lang): [cat.vintage_label(ind, v, lang) for v in rows["vintage"]],
            t("col_source", lang): [srcs.get(s, s) for s in rows["source_id"]],
            t("col_formula", lang): [readable_formula(f, names) for f in rows["formula"].fillna("")],
            t("col_note", lang): rows["note"].fillna(""),
        }).sort_values(t("col_year", lang)), hide_index=True, width="stretch", key="series_table")
        st.caption(t("derived_caption", lang))

with tab_src:
    s = cat.sources
    st.dataframe(pd.DataFrame({
        t("col_publisher", lang): s["publisher"], t("col_title", lang): s["title"], "URL": s["url"],
        t("col_published", lang): s["published"], t("col_reliability", lang): [t(f"reliability_{x}", lang) for x in s["reliability"]],
    }), hide_index=True, width="stretch", key="source_table",
        column_config={"URL": st.column_config.LinkColumn("URL")})

with tab_gap:   # a gap a later source has filled says so: it must not read as still open
    g = gap_table(cat, lang)
    st.dataframe(pd.DataFrame({
        t("col_indicator", lang): [names.get(i, i) for i in g["indicator_id"]],
        t("col_territory", lang): [terr_names.get(x, x) for x in g["territory_id"]],
        t("col_year", lang): g["year"], t("col_note", lang): g["note"], t("col_gap_now", lang): g["now"],
    }), hide_index=True, width="stretch", key="gap_table")

# ---- download, upload, versions (issue 5)
from models.export import template_xlsx, to_csv_bytes, to_xlsx_bytes  # noqa: E402
from models.store import StoreError  # noqa: E402
from models.upload import prepare_upload  # noqa: E402
from ui.loaders import store  # noqa: E402
from ui.widgets import store_upload  # noqa: E402

tab_dl, tab_up, tab_ver = st.tabs([t("tab_download", lang), t("tab_upload", lang), t("tab_versions", lang)])
raw_cols = ["territory_id", "indicator_id", "vintage", "year", "period_start", "value", "qualifier", "status",
            "source_id", "preferred", "year_inferred", "formula", "note"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
view = rows[raw_cols] if not rows.empty else rows
with tab_dl:   # files are built only when clicked, so a bad value can never stop this page from drawing
    st.download_button(t("download_all_csv", lang), lambda: to_csv_bytes(cat.observations[raw_cols], lang),
                       file_name=f"lotrinh_{version}.csv", mime="text/csv", key="dl_csv")
    st.download_button(t("download_all_xlsx", lang),
                       lambda: to_xlsx_bytes({"observations": cat.observations[raw_cols], "sources": cat.sources}, lang),
                       file_name=f"lotrinh_{version}.xlsx", key="dl_xlsx", mime=XLSX)
    st.download_button(t("download_view_csv", lang), lambda: to_csv_bytes(view, lang),
                       file_name=f"{ind}_{terr}_{version}.csv", mime="text/csv", key="dl_view")
    st.download_button(t("download_view_xlsx", lang),
                       lambda: to_xlsx_bytes({"observations": view, "sources": cat.sources[
                           cat.sources["source_id"].isin(set(rows["source_id"]))]}, lang),
                       file_name=f"{ind}_{terr}_{version}.xlsx", key="dl_view_xlsx", mime=XLSX)
    st.download_button(t("download_template", lang), lambda: template_xlsx(cat), file_name="lotrinh_mau_tai_len.xlsx",
                       key="dl_template", mime=XLSX)
    st.caption(t("template_help", lang))

with tab_up:
    # a new key after each stored upload empties the box, so the stored file is not offered again
    up = st.file_uploader(t("upload_file", lang), type=["csv", "xlsx"],
                          key=f"upload_file_{st.session_state.get('uploads_stored', 0)}")
    if up is not None:
        try:
            s = store()
            plain = s.load()
            result = prepare_upload(plain, up.getvalue(), up.name, s.files(), version_label=up.name)
        except CatalogError as exc:
            st.error(t("upload_invalid", lang))
            st.code(exc.message(lang, limit=20), language=None)
            result = None
        except StoreError as exc:
            st.error(t("store_error", lang, error=said(exc, lang)))
            result = None
        if result is not None:
            st.subheader(t("upload_preview", lang))
            st.markdown(t("upload_counts", lang, added=len(result.added), revised=len(result.revised),
                          unchanged=result.unchanged, sources=len(result.new_sources)))
            if result.blank_rows:
                st.caption(t("upload_blank", lang, n=result.blank_rows))
            if result.derived_rows:
                st.caption(t("upload_derived", lang, n=result.derived_rows))
            confirmed_scale = True
            if result.scale_factor:
                st.warning(t("upload_scale", lang, factor=fmt_auto(result.scale_factor, lang)))
                confirmed_scale = st.checkbox(t("upload_scale_ok", lang), key="upload_scale_ok")
            units = cat.labels("indicators", lang, "unit")
            for name, frame in (("revised", result.revised), ("added", result.added)):
                if not len(frame):
                    continue
                columns = {t("col_indicator", lang): [names.get(x, x) for x in frame["indicator_id"]],
                           t("col_unit", lang): [units.get(x, "") for x in frame["indicator_id"]],
                           t("col_territory", lang): [terr_names.get(x, x) for x in frame["territory_id"]],
                           t("col_year", lang): frame["year"].astype(int)}
                if name == "revised":
                    columns[t("col_old", lang)] = [fmt_auto(v, lang) for v in frame["old_value"]]
                columns[t("col_new", lang)] = [fmt_auto(v, lang) for v in frame["value"]]
                if name == "added":
                    columns[t("col_status", lang)] = [t(f"status_{x}", lang) for x in frame["status"]]
                st.dataframe(pd.DataFrame(columns), hide_index=True, key=f"preview_{name}")
            if result.n_changes == 0:
                st.info(t("upload_nothing", lang))
            else:
                author = st.text_input(t("upload_author", lang), key="upload_author", max_chars=80)
                note = st.text_area(t("upload_note", lang), key="upload_note", max_chars=500)
                if st.button(t("upload_confirm", lang), key="upload_confirm", type="primary", disabled=not confirmed_scale):
                    vid = store_upload(result, author, note or up.name, {"file": up.name}, lang)
                    if vid:   # rerun so the sidebar and every figure read the new version at once
                        st.session_state["data_flash"] = t("upload_done", lang, version=vid)
                        st.session_state["uploads_stored"] = st.session_state.get("uploads_stored", 0) + 1
                        st.rerun()

with tab_ver:
    try:
        s = store()
        versions = s.list_versions()
        current = s.current()
        st.markdown(t("versions_current", lang, version=current))
        st.dataframe(pd.DataFrame({
            t("col_version", lang): [v.version_id for v in versions],
            t("col_created", lang): [fmt_datetime(v.created, lang) for v in versions],
            t("col_author", lang): [v.author for v in versions],
            t("col_note", lang): [v.note for v in versions],
            t("col_changes", lang): [", ".join(f"{k}: {val}" for k, val in v.changes.items()) for v in versions]}),
            hide_index=True, key="versions_table")
        target = st.radio(t("switch_version", lang), [v.version_id for v in versions][::-1], key="version_pick",
                          horizontal=True)
        sure = st.checkbox(t("rollback_sure", lang, version=target), key="version_sure",
                           disabled=target == current)
        if st.button(t("switch_button", lang), key="version_switch", disabled=not sure or target == current):
            s.rollback(target)
            st.session_state.pop("version_sure", None)
            st.session_state["data_flash"] = t("switched", lang, version=target)
            st.rerun()
    except (StoreError, OSError) as exc:
        st.error(t("store_error", lang, error=said(exc, lang)))
