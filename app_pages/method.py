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
logit có giới hạn cho tỷ lệ %, giữ nguyên cho tốc độ tăng. Ba mô hình của statsmodels – ETS xu hướng tắt dần, Theta và
bước ngẫu nhiên có xu hướng – mỗi mô hình mô phỏng một phần ba số đường đi (tổng 2.000), gộp lại thành một phân phối.
Sai số ước lượng của xu hướng được rút ngẫu nhiên cho từng đường đi. Chuỗi 2–5 điểm dùng xu hướng có ràng buộc
(co về không đổi) và được gắn nhãn *bằng chứng yếu*; 0–1 điểm: không dự báo.

**Hiệu chỉnh.** Khoảng dự báo của các mô hình trên số liệu năm thực tế thường quá hẹp, và tâm của nó lệch theo diễn biến
gần đây: ngay sau khi một chuỗi chậm lại, dự báo thường quá cao; ngay sau khi tăng tốc, thường quá thấp. Độ rộng (hệ số k)
và bản đồ mức xác suất (PIT) được học theo độ dài chuỗi, tầm dự báo và *đà gần đây* (mức thay đổi của hai năm cuối so với
mức thay đổi bình quân, tính bằng độ lệch chuẩn; 5 nhóm) từ kiểm định quá khứ trên Penn World Table 9.1 và kiểm tra trên
các chuỗi không dùng để học.

**Xác suất đạt.** Tỷ lệ đường đi thỏa điều kiện của mục tiêu:""",
    "en": """
**Forecast.** Each series (one vintage, never across a break, never interpolated) is transformed: log for positive
levels, bounded logit for percentages, none for growth rates. Three statsmodels models – damped-trend ETS, Theta and a
random walk with drift – each simulate a third of the paths (2,000 in all), pooled into one distribution. The trend's
estimation error is drawn per path. Series of 2–5 points use a constrained (shrunk) trend and are labelled *low
evidence*; 0–1 points: no forecast.

**Calibration.** Plain model intervals on real yearly data are too narrow, and their centre is biased by the series'
recent course: just after a series slowed, forecasts tend to run high; just after it sped up, low. A widening factor k
and a probability-level (PIT) map are learned by history length, horizon and *recent momentum* (the last two yearly
changes against the average change, in standard deviations; 5 bands) from backtests on Penn World Table 9.1 and
checked on series not used to learn them.

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
    for name, block in summary.items():
        st.markdown(f"**{name}** ({block['series']})")
        sc = pd.DataFrame(block["score"])
        st.dataframe(pd.DataFrame({
            "method": sc["method"], "MASE": [fmt_number(x, lg, 3) for x in sc["mase"]],
            "sMAPE %": [fmt_number(x, lg, 2) for x in sc["smape"]],
            "80%": [fmt_percent(x, lg, 1) for x in sc["coverage80"]],
            "95%": [fmt_percent(x, lg, 1) for x in sc["coverage95"]], "n": sc["n"]}), hide_index=True)
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
