"""Method: how forecasts, probabilities and categories are computed, with formulas, and the backtest results."""
import json
from pathlib import Path

import pandas as pd
import streamlit as st

from models.calibration import default as calibration
from ui.i18n import fmt_number, fmt_percent, t
from models.region import plan_figures
from models.scenario import PRESETS
from ui.loaders import assessments, backtest_summary, catalog, current_version, prepared
from ui.widgets import lang

lg = lang()
ROOT = Path(__file__).resolve().parents[1]
st.title(t("method_title", lg))

TEXT = {
    "vi": """
**Dự báo.** Mỗi chuỗi số liệu (một kỳ số liệu, không nối qua đứt gãy, không nội suy) được biến đổi: log cho mức dương,
logit có giới hạn cho tỷ lệ %, giữ nguyên cho tốc độ tăng. Chuỗi từ 6 điểm: kết hợp cân bằng hai mô hình của statsmodels –
ETS xu hướng tắt dần và Theta – quanh trung bình hai đường trung vị (2.000 đường đi); một mô hình cho kết quả bất thường trên
chuỗi nào thì bị loại cho chuỗi đó. Kiểm định trên các bộ chuỗi học cho thấy tổ hợp này ổn định hơn tổ hợp ba mô hình có
bước ngẫu nhiên có xu hướng (xu hướng này bùng nổ trên một số chuỗi). Chuỗi 2–5 điểm dùng xu hướng có ràng buộc
(co mạnh về không đổi: drift × m/(m+3)), độ dao động theo chính các thay đổi của chuỗi, và được gắn nhãn *bằng chứng yếu*;
0–1 điểm: không dự báo. Tốc độ tăng dùng mô hình bình quân.

**Hiệu chỉnh.** Khoảng dự báo của các mô hình trên số liệu năm thực tế thường quá hẹp, nhất là với chuỗi ngắn. Mỗi nhóm
mô hình (xu hướng trên 6+ điểm, xu hướng có ràng buộc trên 2–5 điểm, mô hình bình quân cho tốc độ tăng) có một hệ số nới
trơn theo tầm dự báo h và độ dài chuỗi n: k(h, n) = exp(a + b·ln h + c·ln n), b ≥ 0, áp cho cả đường đi quanh đường trung vị.
Trung vị không bị dịch chuyển và khoảng dự báo không bao giờ hẹp lại khi h tăng. Ba tham số mỗi nhóm được học trên nhiều
họ chuỗi thực (Penn World Table, tỷ suất sinh của Ngân hàng Thế giới, chuỗi GSO theo tỉnh), chọn sao cho họ chuỗi kém nhất
vẫn sai số ít nhất, rồi kiểm tra trên các chuỗi không dùng để học (bảng dưới).

**Xác suất đạt.** Tỷ lệ đường đi thỏa điều kiện của mục tiêu:""",
    "en": """
**Forecast.** Each series (one vintage, never across a break, never interpolated) is transformed: log for positive
levels, bounded logit for percentages, none for growth rates. Series of 6+ points: an equal-weight combination of two
statsmodels models – damped-trend ETS and Theta – around the mean of their two median paths (2,000 paths); a member that
misbehaves on a series is dropped for it. On the learning collections this pair was steadier than the three-model pool
with a random walk with drift (whose trend explodes on some series). Series of 2–5 points use a constrained trend
(shrunk hard towards no change: drift × m/(m+3)) whose spread follows the series' own changes, labelled *low evidence*;
0–1 points: no forecast. Growth rates use the mean model.

**Calibration.** Plain model intervals on real yearly data are too narrow, most of all for short series. Each family of
models (trend models on 6+ points, the constrained trend on 2–5 points, the mean model for growth rates) gets one widening
factor, smooth in the horizon h and the history length n: k(h, n) = exp(a + b·ln h + c·ln n), b ≥ 0, applied to whole paths
around the median path. The median never moves and no band narrows further out. The three numbers per family are learned
on several families of real series (Penn World Table, World Bank fertility rates, GSO provincial series), chosen so that
the worst family's error is smallest, and checked on series not used to learn them (tables below).

**Probability of meeting a target.** The share of paths that meet the target's condition:""",
}
st.markdown(TEXT[lg])
st.latex(r"\hat P = \frac{1}{M}\sum_{m=1}^{M} \mathbf{1}[\text{condition}_m], \qquad "
         r"\mathrm{SE} = \sqrt{\hat P(1-\hat P)/M} \le 1{,}1\ \text{pp at } M=2000")
st.latex(r"\text{average growth: } \Big(\prod_{t=t_0+1}^{T} (1+g_t)\Big)^{1/(T-t_0)} - 1 \ge g^*, \qquad "
         r"g_{req} = \Big(\frac{(1+g^*)^{T-t_0}}{\prod_{t\le t_{last}}(1+g_t)}\Big)^{1/(T-t_{last})} - 1")
st.latex(r"\text{UN 2023: } \hat y_T = y_t (1+\mathrm{CAGR}_a)^{T-t},\ P=\frac{\hat y_T-y_0}{y^*-y_0}"
         r"\ \begin{cases}\ge 0{,}95 & \text{on track}\\ 0{,}10\text{–}0{,}95 & \text{fair progress}\\ <0{,}10 & \text{stagnation}\end{cases}")
st.latex(r"\text{Open SDG: } R = \mathrm{sign}(y_0)\, d\, \frac{\mathrm{CAGR}_a}{|\mathrm{CAGR}_r|}"
         r"\ \ (\ge 0{,}95;\ 0{,}60;\ 0)")
words = pd.DataFrame({
    "P": ["> 99%", "90–99%", "66–90%", "33–66%", "10–33%", "1–10%", "< 1%"],
    "vi": ["gần như chắc chắn", "rất có khả năng", "có khả năng", "khả năng ngang nhau", "ít khả năng",
           "rất ít khả năng", "hầu như không thể"],
    "en": ["virtually certain", "very likely", "likely", "about as likely as not", "unlikely", "very unlikely",
           "exceptionally unlikely"]})
st.dataframe(words, hide_index=True, key="words_table")

st.subheader(t("plan_figures_title", lg))
terr_names = dict(zip(catalog().territories["territory_id"], catalog().territories[f"name_{lg}"]))
prepared(lg)
rows = []
for key, params, val in plan_figures(catalog(), assessments(PRESETS["baseline"])):
    label = t(key, lg, **{k: (terr_names[v] if k == "territory" else v) for k, v in params.items()},
              **({"name": terr_names[params["territory"]]} if "territory" in params else {}))
    kind = val[0]
    if kind == "pct":
        text = fmt_number(val[1], lg, 2) + "%"
    elif kind == "range":
        text = f"{fmt_number(val[1], lg, 2)}% ({fmt_number(val[2], lg, 2)}–{fmt_number(val[3], lg, 2)}%)"
    elif kind == "pair":
        text = f"{fmt_percent(val[1], lg)} / {fmt_percent(val[2], lg)}"
    else:
        text = fmt_percent(val[1], lg, 1)
    rows.append({t("col_indicator", lg): label, t("col_value", lg): text})
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="plan_figures")
st.caption(t("pf_rule", lg))

st.subheader(t("calibration_title", lg))
cal = calibration()
results = ROOT / "benchmarks" / "results" / "calibration.json"
if cal is not None:
    st.caption(cal.provenance.get("learned_on", ""))
if results.exists():
    summary = json.loads(results.read_text(encoding="utf-8"))
    for regime in ("full", "last_2", "last_3", "last_5", "last_8"):
        st.markdown(f"**{t('regime_' + regime, lg)}**")
        rows = []
        for block in summary.get("collections", []):
            b = block["regimes"].get(regime)
            if not b or b.get("ours") is None:
                continue
            simple = {m: v for m, v in b["mase"].items() if m in ("ets", "theta", "drift", "naive")}
            best = min(simple, key=simple.get)
            rows.append({t("col_collection", lg): block["collection"], t("col_forecasts", lg): b["n"],
                         t("col_ours", lg): fmt_number(b["ours"], lg, 3),
                         t("col_best_simple", lg): f"{fmt_number(simple[best], lg, 3)} ({t('method_' + best, lg)})",
                         t("col_naive", lg): fmt_number(simple.get("naive"), lg, 3),
                         t("col_cover", lg): f"{fmt_percent(b['cover_raw'][0], lg)} / {fmt_percent(b['cover_raw'][1], lg)} → "
                                             f"{fmt_percent(b['cover'][0], lg)} / {fmt_percent(b['cover'][1], lg)}",
                         t("col_below", lg): " / ".join(fmt_number(b["quantiles"][p], lg, 2) for p in ("0.1", "0.5", "0.9"))})
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key=f"calib_{regime}")
    st.caption(t("calibration_caveat", lg))

st.subheader(t("backtest_title", lg))
bt = backtest_summary(current_version())
if len(bt):
    agg = bt.groupby("method").apply(lambda g: pd.Series({
        "MASE": (g["mase"] * g["n"]).sum() / g["n"].sum(), "80%": (g["coverage80"] * g["n"]).sum() / g["n"].sum(),
        "95%": (g["coverage95"] * g["n"]).sum() / g["n"].sum(), "n": g["n"].sum(), "series": g["series_id"].nunique()}),
        include_groups=False).reset_index().sort_values("MASE")
    st.dataframe(pd.DataFrame({
        "method": agg["method"], "MASE": [fmt_number(x, lg, 3) for x in agg["MASE"]],
        "80%": [fmt_percent(x, lg, 1) for x in agg["80%"]], "95%": [fmt_percent(x, lg, 1) for x in agg["95%"]],
        "n": agg["n"].astype(int), "series": agg["series"].astype(int)}), hide_index=True, key="backtest_table")
else:
    st.info(t("no_backtest_yet", lg))
