"""The one catalogue of user-facing strings (Vietnamese first, English second) and number formats.

Pages call `t(key, lang)` and `fmt_number(x, lang)`; nothing else formats text for the user.
"""
from __future__ import annotations

import math

from babel.numbers import format_decimal, format_percent

LANGS = ("vi", "en")
LOCALES = {"vi": "vi_VN", "en": "en_GB"}

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"vi": "Lộ trình 4.0 – Tuyên Quang", "en": "Lộ trình 4.0 – Tuyen Quang"},
    "app_subtitle": {
        "vi": "Theo dõi các chỉ tiêu của Kế hoạch 402-KH/TU thực hiện Nghị quyết 52-NQ/TW",
        "en": "Tracking the targets of Plan 402-KH/TU implementing Resolution 52-NQ/TW",
    },
    "language": {"vi": "Ngôn ngữ", "en": "Language"},
    "page_catalogue": {"vi": "Danh mục dữ liệu", "en": "Data catalogue"},
    "catalogue_title": {"vi": "Danh mục chỉ tiêu và sổ đăng ký mục tiêu", "en": "Indicator catalogue and target registry"},
    "catalogue_intro": {
        "vi": "Mọi con số đều có nguồn và trạng thái (chính thức, sơ bộ, ước tính, tính toán, thay thế). "
              "Khoảng trống dữ liệu được giữ nguyên, không nội suy.",
        "en": "Every number has a source and a status (official, preliminary, estimate, derived, proxy). "
              "Gaps stay gaps; nothing is interpolated.",
    },
    "data_version": {"vi": "Phiên bản dữ liệu", "en": "Data version"},
    "tab_indicators": {"vi": "Chỉ tiêu thống kê", "en": "Indicators"},
    "tab_targets": {"vi": "Mục tiêu theo văn bản", "en": "Targets by document"},
    "tab_sources": {"vi": "Nguồn", "en": "Sources"},
    "tab_gaps": {"vi": "Khoảng trống dữ liệu", "en": "Data gaps"},
    "tab_series": {"vi": "Xem chuỗi số liệu", "en": "Browse a series"},
    "metric_values": {"vi": "Giá trị", "en": "Values"},
    "metric_indicators": {"vi": "Chỉ tiêu", "en": "Indicators"},
    "metric_targets": {"vi": "Mục tiêu", "en": "Targets"},
    "metric_sources": {"vi": "Nguồn", "en": "Sources"},
    "col_indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "col_unit": {"vi": "Đơn vị", "en": "Unit"},
    "col_pillar": {"vi": "Trụ cột", "en": "Pillar"},
    "col_territories": {"vi": "Số lãnh thổ", "en": "Territories"},
    "col_years": {"vi": "Năm", "en": "Years"},
    "col_n_values": {"vi": "Số giá trị", "en": "Values"},
    "col_statuses": {"vi": "Trạng thái", "en": "Status"},
    "col_n_sources": {"vi": "Số nguồn", "en": "Sources"},
    "col_formula": {"vi": "Công thức", "en": "Formula"},
    "col_target": {"vi": "Mục tiêu", "en": "Target"},
    "col_document": {"vi": "Văn bản", "en": "Document"},
    "col_year": {"vi": "Năm", "en": "Year"},
    "col_kind": {"vi": "Loại", "en": "Kind"},
    "col_value": {"vi": "Giá trị", "en": "Value"},
    "col_territory": {"vi": "Lãnh thổ", "en": "Territory"},
    "col_relations": {"vi": "Thay thế / mâu thuẫn", "en": "Supersedes / conflicts"},
    "col_publisher": {"vi": "Cơ quan / trang", "en": "Publisher"},
    "col_title": {"vi": "Tiêu đề", "en": "Title"},
    "col_published": {"vi": "Ngày đăng", "en": "Published"},
    "col_reliability": {"vi": "Độ tin cậy", "en": "Reliability"},
    "col_note": {"vi": "Ghi chú", "en": "Note"},
    "col_vintage": {"vi": "Kỳ số liệu", "en": "Vintage"},
    "col_source": {"vi": "Nguồn", "en": "Source"},
    "col_status": {"vi": "Trạng thái", "en": "Status"},
    "col_qualifier": {"vi": "Độ chính xác", "en": "Qualifier"},
    "pick_indicator": {"vi": "Chọn chỉ tiêu", "en": "Choose an indicator"},
    "pick_territory": {"vi": "Chọn lãnh thổ", "en": "Choose a territory"},
    "no_values": {
        "vi": "Chưa có số liệu cho lựa chọn này – cần bổ sung từ niên giám thống kê.",
        "en": "No values for this choice yet – it needs the statistical yearbook figure.",
    },
    "data_error": {
        "vi": "Dữ liệu không hợp lệ, ứng dụng không thể mở phiên bản này:",
        "en": "The data are invalid; the app cannot open this version:",
    },
    "filter_pillar": {"vi": "Lọc theo trụ cột", "en": "Filter by pillar"},
    "all": {"vi": "Tất cả", "en": "All"},
    "pillar_economy": {"vi": "Kinh tế – năng suất", "en": "Economy and productivity"},
    "pillar_digital_infrastructure": {"vi": "Hạ tầng số", "en": "Digital infrastructure"},
    "pillar_digital_government": {"vi": "Chính quyền số", "en": "Digital government"},
    "pillar_innovation": {"vi": "Đổi mới sáng tạo", "en": "Innovation"},
    "pillar_context": {"vi": "Bối cảnh", "en": "Context"},
    "status_official": {"vi": "chính thức", "en": "official"},
    "status_preliminary": {"vi": "sơ bộ", "en": "preliminary"},
    "status_estimate": {"vi": "ước tính", "en": "estimate"},
    "status_derived": {"vi": "tính toán", "en": "derived"},
    "status_proxy": {"vi": "thay thế", "en": "proxy"},
    "kind_level_at_least": {"vi": "đạt tối thiểu", "en": "at least"},
    "kind_level_at_most": {"vi": "không vượt quá", "en": "at most"},
    "kind_average_growth_at_least": {"vi": "tăng bình quân tối thiểu (%/năm)", "en": "average growth at least (%/yr)"},
    "kind_coverage_full": {"vi": "phủ 100%", "en": "full coverage"},
    "kind_relative_to_region": {"vi": "cao hơn bình quân vùng", "en": "above the regional average"},
    "kind_qualitative": {"vi": "định tính", "en": "qualitative"},
    "qualifier_lower_bound": {"vi": "tối thiểu (>)", "en": "lower bound (>)"},
    "qualifier_upper_bound": {"vi": "tối đa (<)", "en": "upper bound (<)"},
    "qualifier_approx": {"vi": "xấp xỉ", "en": "approximate"},
    "derived_caption": {
        "vi": "Giá trị tính toán ghi rõ công thức và đầu vào.",
        "en": "Derived values show their formula and inputs.",
    },
}


def t(key: str, lang: str = "vi", **params: object) -> str:
    """Look up a string; a missing key is a bug, so it raises rather than showing the key."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["vi"]
    return text.format(**params) if params else text


def fmt_number(value: float | None, lang: str = "vi", digits: int = 1) -> str:
    """1234.5 -> '1.234,5' in Vietnamese, '1,234.5' in English; missing -> '–'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    if float(value).is_integer() and abs(value) >= 1000:
        pattern = "#,##0"
    return format_decimal(value, format=pattern, locale=LOCALES.get(lang, "vi_VN"))


def fmt_percent(share: float | None, lang: str = "vi", digits: int = 0) -> str:
    """0.712 -> '71%' (vi and en); shares, not percentage points."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(share, format=pattern, locale=LOCALES.get(lang, "vi_VN"))
