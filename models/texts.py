"""The one catalogue of user-facing strings (Vietnamese first, English second) and number formats.

Pages (through `ui.i18n`) and models (assessment notes, `models/notes.py`) call `t(key, lang)` and
`fmt_number(x, lang)`; nothing else formats text for the user. It lives in models/ so that both
layers can use it without models/ importing ui/.
"""
from __future__ import annotations

import math

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LANGS = ("vi", "en")
LOCALES = {"vi": "vi_VN", "en": "en_GB"}
LANG_NAMES = {"vi": "Tiếng Việt", "en": "English"}   # each language in its own words (the switch shows both)

STRINGS: dict[str, dict[str, str]] = {
    # ---- likelihood words (IPCC calibrated language; models/progress.py holds the edges)
    "likelihood_virtually_certain": {"vi": 'gần như chắc chắn', "en": 'virtually certain'},
    "likelihood_very_likely": {"vi": 'rất có khả năng', "en": 'very likely'},
    "likelihood_likely": {"vi": 'có khả năng', "en": 'likely'},
    "likelihood_about_as_likely_as_not": {"vi": 'khả năng ngang nhau', "en": 'about as likely as not'},
    "likelihood_unlikely": {"vi": 'ít khả năng', "en": 'unlikely'},
    "likelihood_very_unlikely": {"vi": 'rất ít khả năng', "en": 'very unlikely'},
    "likelihood_exceptionally_unlikely": {"vi": 'hầu như không thể', "en": 'exceptionally unlikely'},
    # ---- scenario levers and presets (models/scenario.py holds their ranges and effects)
    "lever_grdp_growth": {"vi": 'Tăng trưởng GRDP thêm', "en": 'Extra GRDP growth'},
    "lever_unit_grdp_growth": {"vi": 'điểm %/năm', "en": 'pp per year'},
    "lever_employment_growth": {"vi": 'Tăng số lao động có việc làm thêm', "en": 'Extra growth of employment'},
    "lever_unit_employment_growth": {"vi": 'điểm %/năm', "en": 'pp per year'},
    "lever_productivity_push": {"vi": 'Tăng năng suất nhờ chuyển đổi số', "en": 'Productivity gain from digital transformation'},
    "lever_unit_productivity_push": {"vi": 'điểm %/năm', "en": 'pp per year'},
    "lever_grdp_shock": {"vi": 'Cú sốc GRDP một lần (năm 2026)', "en": 'One-off GRDP shock (2026)'},
    "lever_unit_grdp_shock": {"vi": '%', "en": '%'},
    "lever_fibre_rollout": {"vi": 'Kéo cáp quang thêm đến xã', "en": 'Extra fibre roll-out to communes'},
    "lever_unit_fibre_rollout": {"vi": 'xã/năm', "en": 'communes per year'},
    "lever_village_fibre_rollout": {"vi": 'Phủ cáp quang thôn, bản thêm', "en": 'Extra fibre coverage of villages'},
    "lever_unit_village_fibre_rollout": {"vi": 'điểm %/năm', "en": 'pp per year'},
    "lever_rollout_5g": {"vi": 'Phủ sóng 5G thêm', "en": 'Extra 5G coverage'},
    "lever_unit_rollout_5g": {"vi": 'điểm % dân số/năm', "en": 'pp of population per year'},
    "lever_digital_economy": {"vi": 'Tăng tỷ trọng kinh tế số thêm', "en": 'Extra digital-economy share growth'},
    "lever_unit_digital_economy": {"vi": 'điểm %/năm', "en": 'pp per year'},
    "preset_baseline": {"vi": 'Xu hướng hiện tại, không can thiệp thêm.', "en": 'Current trends, no extra action.'},
    "preset_optimistic": {"vi": 'GRDP +1 điểm %/năm và năng suất +1 điểm %/năm từ 2026 (gần mục tiêu 10,5%/năm của Đại hội I); kéo cáp thêm 10 xã/năm; 5G thêm 15 điểm %/năm như tốc độ toàn quốc 2025.', "en": 'GRDP +1 pp and productivity +1 pp a year from 2026 (towards the 10.5%/yr congress target); 10 more communes a year on fibre; 5G +15 pp a year, as nationally in 2025.'},
    "preset_pessimistic": {"vi": 'GRDP −1,5 điểm %/năm (như năm 2025 dưới 7%), một cú sốc −2% năm 2026, lao động tăng nhanh hơn sản lượng; 5G chậm.', "en": 'GRDP −1.5 pp a year (as in 2025, below 7%), a −2% shock in 2026, employment outpacing output; slow 5G.'},
    # ---- column headers of downloads and uploads (both languages are accepted on upload)
    "header_territory_id": {"vi": 'Mã lãnh thổ', "en": 'Territory id'},
    "header_indicator_id": {"vi": 'Mã chỉ tiêu', "en": 'Indicator id'},
    "header_vintage": {"vi": 'Kỳ số liệu', "en": 'Vintage'},
    "header_year": {"vi": 'Năm', "en": 'Year'},
    "header_period_start": {"vi": 'Năm bắt đầu giai đoạn', "en": 'Period start'},
    "header_value": {"vi": 'Giá trị', "en": 'Value'},
    "header_qualifier": {"vi": 'Độ chính xác', "en": 'Qualifier'},
    "header_status": {"vi": 'Trạng thái', "en": 'Status'},
    "header_source_id": {"vi": 'Mã nguồn', "en": 'Source id'},
    "header_preferred": {"vi": 'Ưu tiên', "en": 'Preferred'},
    "header_year_inferred": {"vi": 'Năm suy ra', "en": 'Year inferred'},
    "header_formula": {"vi": 'Công thức', "en": 'Formula'},
    "header_note": {"vi": 'Ghi chú', "en": 'Note'},
    "header_inputs": {"vi": 'Đầu vào', "en": 'Inputs'},
    "header_publisher": {"vi": 'Cơ quan / trang', "en": 'Publisher'},
    "header_title": {"vi": 'Tiêu đề', "en": 'Title'},
    "header_url": {"vi": 'Địa chỉ', "en": 'URL'},
    "header_published": {"vi": 'Ngày đăng', "en": 'Published'},
    "header_reliability": {"vi": 'Độ tin cậy', "en": 'Reliability'},
    # ---- data errors (models.catalog.Problem, uploads): every message names file, row and column
    "msg_where_file": {"vi": "Tệp {file}", "en": "File {file}"},
    "msg_where_row": {"vi": ", dòng {row}", "en": ", row {row}"},
    "msg_where_column": {"vi": ", cột '{column}'", "en": ", column '{column}'"},
    "msg_more": {"vi": "… và {n} lỗi khác", "en": "… and {n} more"},
    "msg_empty_file": {"vi": 'Tệp rỗng: không có dòng tiêu đề.', "en": 'The file is empty: there is no header row.'},
    "msg_encoding": {"vi": 'Tệp không phải mã UTF-8 (byte {byte} không đọc được). Hãy lưu lại dưới dạng CSV UTF-8.', "en": 'The file is not UTF-8 (byte {byte} cannot be read). Save it again as CSV UTF-8.'},
    "msg_missing_column": {"vi": "Thiếu cột bắt buộc '{column}'.", "en": "Required column '{column}' is missing."},
    "msg_extra_column": {"vi": "Cột '{column}' không thuộc mẫu của tệp này.", "en": "Column '{column}' is not part of this file's template."},
    "msg_duplicate_column": {"vi": "Cột '{column}' xuất hiện hai lần.", "en": "Column '{column}' appears twice."},
    "msg_field_count": {"vi": 'Dòng có {found} ô, cần {expected} ô.', "en": 'The row has {found} fields, {expected} expected.'},
    "msg_no_rows": {"vi": 'Tệp chỉ có dòng tiêu đề, không có dữ liệu.', "en": 'The file has a header but no data rows.'},
    "msg_required": {"vi": 'Ô trống nhưng bắt buộc phải có giá trị.', "en": 'The cell is empty but a value is required.'},
    "msg_not_number": {"vi": "'{value}' không phải là số (ghi số không kèm đơn vị, ví dụ 61,5 hoặc 61.5).", "en": "'{value}' is not a number (write a number without a unit, e.g. 61.5)."},
    "msg_not_integer": {"vi": "'{value}' không phải là số nguyên.", "en": "'{value}' is not a whole number."},
    "msg_not_bool": {"vi": "'{value}' phải là true, false hoặc để trống.", "en": "'{value}' must be true, false or empty."},
    "msg_bad_date": {"vi": "'{value}' không phải ngày hợp lệ (YYYY, YYYY-MM hoặc YYYY-MM-DD).", "en": "'{value}' is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)."},
    "msg_not_allowed": {"vi": "'{value}' không hợp lệ; giá trị được phép: {allowed}.", "en": "'{value}' is not allowed; allowed values: {allowed}."},
    "msg_bad_id": {"vi": "Mã '{value}' chỉ được gồm chữ thường không dấu, số và dấu gạch dưới.", "en": "Id '{value}' may only hold lower-case ASCII letters, digits and underscores."},
    "msg_unknown_ref": {"vi": "'{value}' không có trong {table}.", "en": "'{value}' is not in {table}."},
    "msg_unknown_ref_like": {"vi": "'{value}' không có trong {table}; có phải là '{suggestion}'?", "en": "'{value}' is not in {table}; did you mean '{suggestion}'?"},
    "msg_ambiguous_number": {"vi": "'{value}' không rõ nghĩa: dấu phẩy có thể là dấu thập phân hoặc dấu tách hàng nghìn. Hãy nhập ô dạng số trong Excel, hoặc bỏ dấu tách hàng nghìn (ví dụ 1234 hoặc 1,25).", "en": "'{value}' is ambiguous: the comma may be a decimal or a thousands separator. Enter it as a number cell, or write it without a thousands separator (e.g. 1234 or 1.25)."},
    "msg_duplicate_key": {"vi": 'Trùng khóa {key} với dòng {other}.', "en": 'Duplicate key {key}, same as row {other}.'},
    "msg_out_of_bounds": {"vi": "Giá trị {value} nằm ngoài giới hạn [{lower}, {upper}] của chỉ tiêu '{indicator}'.", "en": "Value {value} is outside the bounds [{lower}, {upper}] of indicator '{indicator}'."},
    "msg_year_range": {"vi": 'Năm {value} nằm ngoài khoảng cho phép {lower}–{upper}.', "en": 'Year {value} is outside the allowed range {lower}–{upper}.'},
    "msg_territory_period": {"vi": "Lãnh thổ '{territory}' không tồn tại năm {value} (có hiệu lực {valid}).", "en": "Territory '{territory}' did not exist in {value} (valid {valid})."},
    "msg_two_preferred": {"vi": 'Có hai giá trị được ưu tiên cho cùng {key} (xem dòng {other}).', "en": 'Two preferred values for the same {key} (see row {other}).'},
    "msg_target_needs_value": {"vi": "Chỉ tiêu loại '{kind}' cần giá trị mục tiêu và mã chỉ tiêu thống kê.", "en": "A target of kind '{kind}' needs a value and an indicator id."},
    "msg_target_needs_base_year": {"vi": 'Chỉ tiêu tăng trưởng bình quân cần năm gốc nhỏ hơn năm mục tiêu.', "en": 'An average-growth target needs a base year before the target year.'},
    "msg_target_needs_reference": {"vi": 'Chỉ tiêu so với vùng cần mã lãnh thổ tham chiếu.', "en": 'A target relative to the region needs a reference territory.'},
    "msg_bad_period": {"vi": 'Năm bắt đầu giai đoạn {value} phải nhỏ hơn năm {year}.', "en": 'Period start {value} must be before year {year}.'},
    "msg_bad_workbook": {"vi": 'Không đọc được tệp Excel ({error}). Hãy lưu lại dưới dạng .xlsx hoặc CSV UTF-8.', "en": 'The Excel file cannot be read ({error}). Save it again as .xlsx or CSV UTF-8.'},
    "msg_merged_cells": {"vi": 'Có ô gộp ({cells}). Hãy bỏ gộp ô: mỗi cột một tiêu đề, mỗi ô một giá trị.', "en": 'Merged cells ({cells}). Unmerge them: one header per column, one value per cell.'},
    "msg_formula_cell": {"vi": 'Ô {cell} chứa công thức. Hãy dán giá trị (Paste values) thay cho công thức.', "en": 'Cell {cell} holds a formula. Paste the value instead of the formula.'},
    "msg_empty_sheet": {"vi": 'Trang tính trống.', "en": 'The sheet is empty.'},
    "msg_no_sheet": {"vi": "Không có trang tính 'observations' (hoặc 'Số liệu'); các trang có: {sheets}.", "en": "No 'observations' (or 'Số liệu') sheet; the sheets are: {sheets}."},
    "msg_too_large": {"vi": 'Tệp quá lớn ({size} MB); giới hạn {limit} MB.', "en": 'The file is too large ({size} MB); the limit is {limit} MB.'},
    "msg_too_many_rows": {"vi": 'Tệp có {rows} dòng; giới hạn {limit} dòng mỗi lần tải lên.', "en": 'The file has {rows} rows; the limit is {limit} rows per upload.'},
    "msg_field_too_long": {"vi": 'Ô quá dài ({length} ký tự); tối đa {limit} ký tự mỗi ô.', "en": 'The cell is too long ({length} characters); at most {limit} per cell.'},
    "msg_control_char": {"vi": 'Ô chứa ký tự điều khiển không in được ({char}); hãy xóa ký tự này rồi lưu lại.', "en": 'The cell holds a non-printing control character ({char}); remove it and save again.'},
    "msg_bad_csv": {"vi": 'Không đọc được dòng này của tệp CSV ({error}). Hãy lưu lại dưới dạng CSV UTF-8.', "en": 'This line of the CSV cannot be read ({error}). Save it again as CSV UTF-8.'},
    "msg_too_large_unzipped": {"vi": 'Tệp Excel khi giải nén quá lớn ({size} MB); giới hạn {limit} MB.', "en": 'The Excel file is too large once unpacked ({size} MB); the limit is {limit} MB.'},
    "msg_type_mismatch": {"vi": 'Tệp có đuôi {named} nhưng nội dung là {found}. Hãy đổi đuôi tệp cho đúng hoặc lưu lại đúng định dạng.', "en": 'The file is named {named} but holds {found}. Rename it or save it again in the right format.'},
    "msg_formula_chars": {"vi": "Ô bắt đầu bằng ký tự công thức bảng tính ('{value}').", "en": "The cell starts with a spreadsheet formula character ('{value}')."},
    # ---- coded notes of assessments and forecasts (models/notes.py)
    "note_insufficient_prefix": {"vi": "chưa đủ số liệu: {text}", "en": "insufficient data: {text}"},
    "note_ceased": {"vi": "{territory} không còn tồn tại từ {year}; giữ lại để tham chiếu, xem mục tiêu thay thế", "en": "{territory} ceased to exist in {year}; kept for reference, see the target that supersedes it"},
    "note_ceased_succeeded": {"vi": "{territory} không còn tồn tại từ {year}; mục tiêu này không được đánh giá lại trên tỉnh mới vì tỉnh mới đã có mục tiêu thay thế: {successor}. Số liệu dưới đây là của địa bàn cũ, chỉ để tham chiếu",
                              "en": "{territory} ceased to exist in {year}; this target is not re-assessed on the new province because the new province has the target that supersedes it: {successor}. The figures below are the old territory's, for reference"},
    "note_proxy": {"vi": "đánh giá trên số liệu của {territory}: chưa có số liệu của {proxy_of}", "en": "assessed on {territory} data: no figure yet for {proxy_of}"},
    "note_plain": {"vi": "{text}", "en": "{text}"},
    "note_insufficient_nowcast": {"vi": "{reason}", "en": "{reason}"},
    "note_insufficient_no_value": {"vi": "chưa có giá trị nào của chỉ tiêu này cho địa bàn này", "en": "no value of this indicator for this territory"},
    "note_observed": {"vi": "số liệu năm {year}: {value}", "en": "observed {year}: {value}"},
    "note_published_above": {"vi": "đã công bố cho năm {year}: trên {value}; chưa có số chính xác", "en": "published for {year}: above {value}; the exact figure is not yet published"},
    "note_published_below": {"vi": "đã công bố cho năm {year}: dưới {value}; chưa có số chính xác", "en": "published for {year}: below {value}; the exact figure is not yet published"},
    "note_achieved_within": {"vi": "đã đạt năm {year} (cách {value}% không quá {tolerance} điểm %); chưa có số năm {target_year}", "en": "achieved in {year} (within {tolerance} pp of {value}%); {target_year} not yet published"},
    "note_no_value_later": {"vi": "không có giá trị năm {year}; đã có giá trị các năm sau", "en": "no value for {year}; later values exist"},
    "note_insufficient_points": {"vi": "ít hơn 2 điểm trong cùng một phiên bản số liệu", "en": "fewer than 2 points in one vintage"},
    "note_insufficient_base_year": {"vi": "không có giá trị năm gốc {year} trong cùng phiên bản số liệu", "en": "no {year} base-year value in the same vintage"},
    "note_insufficient_growth_years": {"vi": "tốc độ tăng các năm {years} chưa công bố và không ước tính được", "en": "growth for {years} not published and not estimable"},
    "note_insufficient_remaining": {"vi": "không dự báo được các năm còn lại", "en": "the remaining years cannot be forecast"},
    "note_observed_average": {"vi": "bình quân thực tế {value}%/năm giai đoạn {span}", "en": "observed average {value}%/yr over {span}"},
    "note_insufficient_reference": {"vi": "chưa có giá trị của {territory} cho chỉ tiêu này", "en": "no {territory} value of this indicator"},
    "note_ratio_year": {"vi": "tỷ số so với vùng năm {year}: {ratio}", "en": "ratio to the region in {year}: {ratio}"},
    "note_member_not_finite": {"vi": "bỏ mô hình {member}: đường mô phỏng không hữu hạn trên chuỗi này", "en": "{member} dropped: its paths are not finite on this series"},
    "note_smooth_ets_only": {"vi": "chuỗi rất trơn: chỉ dùng ETS tắt dần (trên chuỗi như vậy, kiểm định cho thấy nó chính xác hơn tổ hợp)",
                             "en": "a very smooth history: damped ETS alone (on such histories the backtests found it more accurate than the pair)"},
    "note_member_out_of_range": {"vi": "bỏ mô hình {member}: dự báo nằm ngoài phạm vi của mô hình còn lại", "en": "{member} dropped: its forecast leaves the other member's range"},
    "note_gap": {"vi": "đứt quãng trước năm {year}: các năm {first}–{last} không dùng (không nội suy)", "en": "gap before {year}: years {first}–{last} not used (no interpolation)"},
    "note_insufficient_run": {"vi": "ít hơn 2 điểm liên tiếp", "en": "fewer than 2 points in one run"},
    "note_low_evidence_mean": {"vi": "bằng chứng yếu: {n} điểm; tốc độ bình quân với khoảng rộng", "en": "low evidence: {n} value(s); average growth with wide bands"},
    "note_low_evidence_trend": {"vi": "bằng chứng yếu: {n} điểm; xu hướng có ràng buộc với khoảng rộng", "en": "low evidence: {n} value(s); constrained trend with wide bands"},
    "note_kept_drift": {"vi": "tiền theo đầu người, giá hiện hành: giữ nguyên xu hướng của chuỗi (không kéo về \"không đổi\"): trên các chuỗi cùng loại, kéo về làm trung vị quá thấp",
                        "en": "money per head at current prices: the series' trend is kept whole (not pulled towards no change): on series of this kind, pulling it put the median too low"},
    "note_drift_capped": {"vi": "xu hướng (đã co) của chuỗi, {own}%/năm, được giữ ở {cap}%/năm: hai ba điểm có thể chỉ là một cú nhảy một lần, "
                                 "và trên chuỗi thực, mang cú nhảy đó đi tiếp làm trung vị sai lệch rất xa",
                          "en": "the series' shrunk trend, {own}% a year, is held at {cap}% a year: two or three points may hold a one-off jump, "
                                "and on real series carrying it forward put the median very far off"},
    "note_extra_changes": {"vi": "xu hướng còn học từ {n} thay đổi hằng năm của các đoạn số liệu so sánh được trước đó", "en": "the trend also learns from {n} yearly changes of earlier comparable runs"},
    "note_nowcast_no_grdp_growth": {"vi": "không có tốc độ tăng GRDP của {territory} để ước tính năm {year}", "en": "no GRDP growth of {territory} to simulate {year} from"},
    "note_nowcast_bounds": {"vi": "tốc độ tăng GRDP của {territory} năm {year}: các ngưỡng đã công bố gần như không còn khoảng trống", "en": "GRDP growth of {territory} in {year}: the published bounds leave almost no room"},
    "note_nowcast_no_employment": {"vi": "không có biến động lao động của {territory} để ước tính năm {year}", "en": "no employment change of {territory} to simulate {year} from"},
    "note_nowcast_no_way": {"vi": "không có cách ước tính {indicator} cho năm {year}", "en": "no way to estimate {indicator} for {year}"},
    "language": {"vi": "Ngôn ngữ", "en": "Language"},
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
    "pack_reason": {"vi": "Vì sao chưa đánh giá được: {reason}. Số liệu cần bổ sung: xem trang «Số liệu cần bổ sung».",
                    "en": "Why it cannot be assessed yet: {reason}. Figures needed: see the “Data needed” page."},
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
    "reliability_high": {"vi": "cao", "en": "high"},
    "reliability_medium": {"vi": "trung bình", "en": "medium"},
    "reliability_low": {"vi": "thấp", "en": "low"},
    "template_sheet": {"vi": "trang", "en": "sheet"},
    "template_column": {"vi": "cột", "en": "column"},
    "template_guidance": {"vi": "hướng dẫn", "en": "guidance"},
    "template_observations_territory_id": {"vi": "Mã lãnh thổ, ví dụ tuyen_quang_merged (xem trang Dữ liệu)", "en": "Territory id, e.g. tuyen_quang_merged (see the Data page)"},
    "template_observations_indicator_id": {"vi": "Mã chỉ tiêu, ví dụ labour_productivity_current (xem trang Dữ liệu)", "en": "Indicator id, e.g. labour_productivity_current (see the Data page)"},
    "template_observations_vintage": {"vi": "Kỳ số liệu (vd. main); kỳ mới phải khai trong vintages.csv", "en": "Vintage (e.g. main); a new vintage must be declared in vintages.csv"},
    "template_observations_year": {"vi": "Năm (số nguyên)", "en": "Year (whole number)"},
    "template_observations_period_start": {"vi": "Chỉ dùng cho số bình quân giai đoạn; để trống", "en": "Only for period averages; leave empty"},
    "template_observations_value": {"vi": "Số không kèm đơn vị; dấu phẩy hoặc dấu chấm thập phân (61,5 hoặc 61.5)", "en": "Number without a unit; decimal point or comma (61.5)"},
    "template_observations_qualifier": {"vi": "Để trống nếu chính xác; approx / lower_bound / upper_bound", "en": "Empty if exact; approx / lower_bound / upper_bound"},
    "template_observations_status": {"vi": "chính thức / sơ bộ / ước tính / tính toán / thay thế (hoặc official / preliminary / estimate / derived / proxy)", "en": "official / preliminary / estimate / derived / proxy (or the Vietnamese words)"},
    "template_observations_source_id": {"vi": "Mã nguồn; nguồn mới khai ở trang 'sources'", "en": "Source id; a new source goes on the 'sources' sheet"},
    "template_observations_preferred": {"vi": "true nếu đây là giá trị ứng dụng dùng (để trống = true)", "en": "true if the app should use this value (empty = true)"},
    "template_observations_year_inferred": {"vi": "true nếu năm được suy ra", "en": "true if the year was inferred"},
    "template_observations_formula": {"vi": "Công thức nếu là số tính toán", "en": "Formula if derived"},
    "template_observations_note": {"vi": "Ghi chú (trích dẫn, trang niên giám…)", "en": "Note (quote, yearbook page…)"},
    "template_sources_source_id": {"vi": "Mã nguồn mới: chữ thường không dấu, số, dấu gạch dưới (vd. nien_giam_tq_2025)", "en": "New source id: lower-case ASCII, digits, underscores (e.g. nien_giam_tq_2025)"},
    "template_sources_publisher": {"vi": "Cơ quan công bố (vd. Cục Thống kê tỉnh Tuyên Quang)", "en": "Publisher (e.g. Tuyen Quang Statistics Office)"},
    "template_sources_title": {"vi": "Tên ấn phẩm hoặc trang (vd. Niên giám thống kê 2025, bản in)", "en": "Title of the publication or page (e.g. Statistical Yearbook 2025, print)"},
    "template_sources_url": {"vi": "Địa chỉ trang web; để trống nếu là ấn phẩm in (ghi số trang ở cột ghi chú của số liệu)", "en": "Web address; leave empty for a printed publication (put the page in the value's note)"},
    "template_sources_published": {"vi": "Ngày công bố: YYYY, YYYY-MM hoặc YYYY-MM-DD; có thể để trống", "en": "Publication date: YYYY, YYYY-MM or YYYY-MM-DD; may be empty"},
    "template_sources_reliability": {"vi": "Độ tin cậy: cao / trung bình / thấp (hoặc high / medium / low)", "en": "Reliability: high / medium / low (or the Vietnamese words)"},
    "kind_level_at_least": {"vi": "đạt tối thiểu", "en": "at least"},
    "kind_level_at_most": {"vi": "không vượt quá", "en": "at most"},
    "kind_average_growth_at_least": {"vi": "tăng bình quân tối thiểu (%/năm)", "en": "average growth at least (%/yr)"},
    "kind_coverage_full": {"vi": "phủ 100%", "en": "full coverage"},
    "kind_relative_to_region": {"vi": "cao hơn bình quân vùng", "en": "above the regional average"},
    "kind_qualitative": {"vi": "định tính", "en": "qualitative"},
    "qualifier_lower_bound": {"vi": "tối thiểu (>)", "en": "lower bound (>)"},
    "qualifier_upper_bound": {"vi": "tối đa (<)", "en": "upper bound (<)"},
    "qualifier_approx": {"vi": "xấp xỉ", "en": "approximate"},

    # navigation and shared sidebar
    "page_overview": {"vi": "Tổng quan", "en": "Overview"},
    "page_target": {"vi": "Chi tiết chỉ tiêu", "en": "Target detail"},
    "page_scenarios": {"vi": "Kịch bản", "en": "Scenario lab"},
    "page_region": {"vi": "So sánh vùng", "en": "Region"},
    "page_method": {"vi": "Phương pháp", "en": "Method"},
    "page_data": {"vi": "Dữ liệu", "en": "Data"},
    "active_scenario": {"vi": "Kịch bản đang dùng", "en": "Active scenario"},
    "no_levers": {"vi": "Xu hướng hiện tại (không điều chỉnh)", "en": "Current trends (no adjustment)"},
    "scenario_baseline": {"vi": "Cơ sở", "en": "Baseline"},
    "scenario_optimistic": {"vi": "Lạc quan", "en": "Optimistic"},
    "scenario_pessimistic": {"vi": "Bi quan", "en": "Pessimistic"},
    "scenario_custom": {"vi": "Tùy chỉnh", "en": "Custom"},
    "loading_forecasts": {"vi": "Đang dự báo cho tất cả chỉ tiêu…", "en": "Forecasting every target…"},
    # overview
    "overview_title": {"vi": "Tổng quan các mục tiêu", "en": "All targets at a glance"},
    "overview_intro": {
        "vi": "Mục tiêu năm 2025 đã qua hạn: kết luận đạt/không đạt theo số liệu, hoặc ước tính sớm (nowcast) khi chưa công bố. "
              "Mục tiêu 2030 và 2045: xác suất đạt theo dự báo, dưới kịch bản đang dùng.",
        "en": "2025 targets have passed: a verdict from the data, or a nowcast where the figure is not published yet. "
              "2030 and 2045 targets: the probability of meeting them, under the active scenario.",
    },
    "section_2025": {"vi": "Mục tiêu năm 2025 – kết luận", "en": "2025 targets – verdicts"},
    "section_future": {"vi": "Mục tiêu 2030 và 2045 – triển vọng", "en": "2030 and 2045 targets – outlook"},
    "open_detail": {"vi": "Xem chi tiết", "en": "Open detail"},
    "pick_target": {"vi": "Chọn mục tiêu", "en": "Choose a target"},
    "col_status_light": {"vi": "Tình trạng", "en": "Status"},
    "light_green": {"vi": "Tốt", "en": "Good"},
    "light_amber": {"vi": "Cần chú ý", "en": "Watch"},
    "light_red": {"vi": "Đáng lo", "en": "At risk"},
    "light_grey": {"vi": "Thiếu số liệu", "en": "No data"},
    "light_blue": {"vi": "Định tính", "en": "Qualitative"},
    "col_state": {"vi": "Loại đánh giá", "en": "Assessment"},
    "col_p_meet": {"vi": "Xác suất đạt", "en": "P(meet)"},
    "col_phrase": {"vi": "Nhận định", "en": "In words"},
    "col_catch_up": {"vi": "Cần đạt mỗi năm", "en": "Needed per year"},
    "col_evidence": {"vi": "Mức bằng chứng", "en": "Evidence"},
    "col_un": {"vi": "Phân loại LHQ 2023", "en": "UN 2023 category"},
    "state_verdict": {"vi": "Kết luận", "en": "Verdict"},
    "state_nowcast": {"vi": "Ước tính sớm", "en": "Nowcast"},
    "state_outlook": {"vi": "Dự báo", "en": "Outlook"},
    "state_insufficient": {"vi": "Chưa đủ số liệu", "en": "Insufficient data"},
    "state_qualitative": {"vi": "Định tính", "en": "Qualitative"},
    "verdict_met": {"vi": "Đạt", "en": "Met"},
    "verdict_not_met": {"vi": "Không đạt", "en": "Not met"},
    "evidence_strong": {"vi": "mạnh (≥10 điểm)", "en": "strong (≥10 points)"},
    "evidence_moderate": {"vi": "trung bình (6–9 điểm)", "en": "moderate (6–9 points)"},
    "evidence_low": {"vi": "yếu (2–5 điểm)", "en": "low (2–5 points)"},
    "evidence_none": {"vi": "không có", "en": "none"},
    "evidence_observed": {"vi": "số liệu quan sát", "en": "observed"},
    "un_achieved": {"vi": "Đã đạt", "en": "Achieved"},
    "un_on_track": {"vi": "Đạt hoặc đang trên đà đạt", "en": "Met or on the way"},
    "un_fair_progress": {"vi": "Có tiến bộ, cần tăng tốc", "en": "Fair progress, acceleration needed"},
    "un_stagnation": {"vi": "Đình trệ hoặc thụt lùi", "en": "Stagnation or regression"},
    "un_not_applicable": {"vi": "không áp dụng", "en": "not applicable"},
    "catch_pct_per_year": {"vi": "{value}%/năm", "en": "{value}% a year"},
    "catch_pp_per_year": {"vi": "{value} điểm %/năm", "en": "{value} pp a year"},
    "catch_ranks_per_year": {"vi": "{value} bậc/năm", "en": "{value} ranks a year"},
    "catch_rate_needed": {"vi": "cần {value}% trong năm mục tiêu", "en": "needs {value}% in the target year"},
    "catch_units": {"vi": "≈ {value} xã/năm", "en": "≈ {value} communes a year"},
    # target detail
    "p_meet_metric": {"vi": "Xác suất đạt mục tiêu", "en": "Probability of meeting the target"},
    "scrub_line": {"vi": "{lever}: {value} → xác suất đạt {p}", "en": "{lever}: {value} → probability of meeting {p}"},
    "scrub_hint": {
        "vi": "Kéo thanh trượt dưới biểu đồ để xem ngay từng mức của đòn bẩy chính; khi thả tay, mức đó thành kịch bản "
              "(thanh trượt bên dưới và đường dẫn cập nhật theo).",
        "en": "Drag the slider under the chart to see each level of the main lever instantly; when you let go, that level "
              "becomes the scenario (the sliders below and the link follow).",
    },
    "present_keys": {"vi": "Phím ← / → hoặc PageUp / PageDown (bút trình chiếu) để chuyển trang",
                     "en": "← / → or PageUp / PageDown (a presenter's clicker) to change slide"},
    "scenario_beside_levers": {"vi": "Kịch bản đang dùng hiển thị cạnh các đòn bẩy.",
                               "en": "The active scenario is shown beside the levers."},
    "catch_up_metric": {"vi": "Cần đạt mỗi năm từ năm {year}", "en": "Needed each year from {year}"},
    "last_value_metric": {"vi": "Giá trị gần nhất ({year})", "en": "Latest value ({year})"},
    "clause": {"vi": "Nội dung mục tiêu", "en": "The target as written"},
    "conflicts": {"vi": "Mâu thuẫn với", "en": "Conflicts with"},
    "supersedes": {"vi": "Thay thế", "en": "Supersedes"},
    "model_card": {"vi": "Thẻ mô hình", "en": "Model card"},
    "mc_method": {"vi": "Phương pháp", "en": "Method"},
    "mc_points": {"vi": "Số điểm dữ liệu dùng", "en": "Points used"},
    "mc_series": {"vi": "Chuỗi số liệu", "en": "Series"},
    "mc_series_why": {"vi": "Vì sao chuỗi này", "en": "Why this series"},
    "series_why_latest": {"vi": "phiên bản có số liệu đến năm gần nhất ({last}), {n} điểm",
                          "en": "the vintage reaching the latest year ({last}), {n} points"},
    "series_why_others": {"vi": "; không nối mức với {others} (khác khái niệm hoặc phương pháp)",
                          "en": "; levels not joined with {others} (another concept or method)"},
    "series_why_other": {"vi": "{label} ({first}–{last}, {n} điểm)", "en": "{label} ({first}–{last}, {n} points)"},
    "mc_calibrated": {"vi": "Đã hiệu chỉnh khoảng dự báo", "en": "Bands calibrated"},
    "mc_widening": {"vi": "Hệ số nới khoảng dự báo k", "en": "Band widening k"},
    "mc_backtest": {"vi": "Kiểm định quá khứ (MASE / phủ 80%)", "en": "Backtest (MASE / 80% coverage)"},
    "mc_open_sdg": {"vi": "Tỷ số tiến độ Open SDG", "en": "Open SDG progress ratio"},
    "open_sdg_achieved": {"vi": "đã đạt", "en": "achieved"},
    "open_sdg_on_track": {"vi": "đúng tiến độ", "en": "on track"},
    "open_sdg_acceleration_needed": {"vi": "có tiến bộ, cần tăng tốc", "en": "progress, acceleration needed"},
    "open_sdg_limited": {"vi": "tiến bộ hạn chế", "en": "limited progress"},
    "open_sdg_deterioration": {"vi": "thụt lùi", "en": "deterioration"},
    "mc_vs_naive": {"vi": "dự báo \"không đổi\": MASE {mase}", "en": "\"no change\": MASE {mase}"},
    "mc_no_backtest": {"vi": "chuỗi quá ngắn để kiểm định", "en": "series too short to backtest"},
    "yes": {"vi": "có", "en": "yes"},
    "no": {"vi": "không", "en": "no"},
    "levers_here": {"vi": "Điều chỉnh kịch bản cho mục tiêu này", "en": "Scenario levers for this target"},
    "levers_need_forecast": {"vi": "Đòn bẩy {levers} tác động lên chỉ tiêu này khi đã có dự báo; hiện chưa đủ số liệu để dự báo.",
                             "en": "The {levers} lever acts on this target once it has a forecast; there is not enough data yet."},
    "levers_not_here": {"vi": "Các đòn bẩy bắt đầu sau năm {year} hoặc áp dụng cho địa bàn khác, nên không thay đổi mục tiêu này.",
                        "en": "The levers start after {year} or apply to another territory, so they do not move this target."},
    "no_levers_here": {"vi": "Không có đòn bẩy kịch bản cho chỉ tiêu này.", "en": "No scenario lever acts on this indicator."},
    "insufficient_sentence": {
        "vi": "Chưa đủ số liệu để dự báo: {reason}. Số liệu cần bổ sung và nơi nắm giữ: xem mục «Số liệu cần bổ sung».",
        "en": "Not enough data to forecast: {reason}. The figures needed and who holds them: see “Data needed”.",
    },
    "qualitative_sentence": {
        "vi": "Mục tiêu định tính: đánh giá dựa trên các chỉ tiêu minh chứng dưới đây.",
        "en": "A qualitative target: judged on the evidence indicators below.",
    },
    "verdict_sentence": {"vi": "Kết luận: {verdict}.", "en": "Verdict: {verdict}."},
    "nowcast_note": {
        "vi": "Số liệu năm {year} chưa công bố: đây là ước tính sớm (nowcast), không phải số chính thức.",
        "en": "The {year} figure is not published yet: this is a nowcast, not an official number.",
    },
    "low_evidence_note": {
        "vi": "Bằng chứng yếu: chỉ có {n} điểm dữ liệu, khoảng dự báo rộng.",
        "en": "Low evidence: only {n} data points, so the bands are wide.",
    },
    "p_checked": {"vi": "Kiểm định xác suất ({kind}): trên {sets} chuỗi thực không dùng để hiệu chỉnh, khi ứng dụng nói {band}, "
                        "sự việc đã xảy ra {seen} số lần ({events} trường hợp){gso}.",
                  "en": "Probability check ({kind}): on {sets} of real series not used to calibrate, when the app said {band}, "
                        "the event happened {seen} of the time ({events} cases){gso}."},
    "n_collections": {"vi": "{n} bộ", "en": "{n} collections"},
    "n_collections_one": {"vi": "{n} bộ", "en": "{n} collection"},
    "p_checked_gso": {"vi": "; trên chuỗi GSO theo tỉnh: {value}", "en": "; on GSO provincial series: {value}"},
    "p_checked_short": {"vi": "chuỗi 2–8 điểm", "en": "2–8-point series"},
    "p_checked_long": {"vi": "chuỗi từ 9 điểm", "en": "series of 9+ points"},
    "p_checked_growth": {"vi": "tăng trưởng bình quân 5 năm từ 2–8 tốc độ đã công bố", "en": "five-year average growth from 2–8 published rates"},
    "low_evidence_note_one": {
        "vi": "Bằng chứng yếu: chỉ có một điểm dữ liệu, khoảng dự báo rộng.",
        "en": "Low evidence: a single data point, so the bands are wide.",
    },
    "notes": {"vi": "Ghi chú", "en": "Notes"},
    "beyond_horizon": {
        "vi": "Dự báo xa {h} năm, vượt {checked} năm mà phương pháp đã được kiểm định: xác suất chỉ mang tính định hướng.",
        "en": "This looks {h} years ahead, beyond the {checked} years the method was checked on: read the probability as indicative.",
    },
    "band_baseline": {"vi": "Cơ sở (50/80/95%)", "en": "Baseline (50/80/95%)"},
    "band_scenario": {"vi": "Kịch bản (50/80/95%)", "en": "Scenario (50/80/95%)"},
    "ratio_chart_title": {"vi": "{indicator} so với bình quân vùng – {territory}", "en": "{indicator} against the regional average – {territory}"},
    "ratio_unit": {"vi": "lần bình quân vùng (1 = ngang bằng)", "en": "× the regional average (1 = level with it)"},
    "band_beyond": {"vi": "khoảng 95% vượt khỏi khung, lên đến {value}", "en": "the 95% band runs off the chart, up to {value}"},
    "median_baseline": {"vi": "Trung vị cơ sở", "en": "Baseline median"},
    "median_scenario": {"vi": "Trung vị kịch bản", "en": "Scenario median"},
    "history": {"vi": "Số liệu", "en": "Data"},
    "target_marker": {"vi": "Mục tiêu", "en": "Target"},
    "break": {"vi": "đứt gãy", "en": "break"},
    "evidence_title": {"vi": "Chỉ tiêu minh chứng", "en": "Evidence indicators"},
    # scenario lab
    "lab_title": {"vi": "Phòng thử kịch bản", "en": "Scenario lab"},
    "preset": {"vi": "Kịch bản mẫu", "en": "Preset"},
    "apply_preset": {"vi": "Áp dụng", "en": "Apply"},
    "reset": {"vi": "Đặt lại", "en": "Reset"},
    "scenario_name": {"vi": "Tên kịch bản", "en": "Scenario name"},
    "keep_for_compare": {"vi": "Giữ để so sánh", "en": "Keep for comparison"},
    "compare": {"vi": "So sánh (tối đa 4)", "en": "Compare (up to 4)"},
    "compare_table": {"vi": "Xác suất đạt theo kịch bản", "en": "P(meet) by scenario"},
    "solver_title": {"vi": "Cần làm gì để đạt?", "en": "What would it take?"},
    "solver_target": {"vi": "Mục tiêu", "en": "Target"},
    "solver_nothing": {"vi": "Chưa có mục tiêu nào mà một đòn bẩy kịch bản có thể tác động.",
                       "en": "No target can yet be moved by a scenario lever."},
    "solver_lever": {"vi": "Đòn bẩy", "en": "Lever"},
    "solver_p": {"vi": "Xác suất mong muốn", "en": "Desired probability"},
    "solver_result": {"vi": "Cần đặt {lever} = {value} {unit} để xác suất đạt ≥ {p}.",
                      "en": "Set {lever} = {value} {unit} for P(meet) ≥ {p}."},
    "solver_already": {"vi": "Đã đạt xác suất {p} với giá trị hiện tại.", "en": "Already at {p} with the current value."},
    "solver_unreachable": {"vi": "Không thể đạt {p} trong phạm vi của đòn bẩy (tối đa {best}).",
                           "en": "{p} is not reachable within the lever's range (at most {best})."},
    "solver_apply": {"vi": "Áp dụng mức này vào kịch bản", "en": "Apply this value to the scenario"},
    "solver_no_forecast": {"vi": "Mục tiêu này chưa có dự báo.", "en": "This target has no forecast."},
    "share_link": {"vi": "Liên kết mở lại đúng màn hình này", "en": "Link that reopens this exact view"},
    "lever_help": {"vi": "Từ năm {year}", "en": "From {year}"},
    # region
    "region_title": {"vi": "So sánh với vùng Trung du và miền núi phía Bắc", "en": "Compared with the Northern Midlands and Mountains"},
    "region_gap_title": {"vi": "Khoảng cách tới mục tiêu 2045", "en": "The gap to the 2045 vision"},
    "region_table": {"vi": "Giá trị gần nhất theo lãnh thổ", "en": "Latest value by territory"},
    "region_chart_indicator": {"vi": "Chỉ tiêu để so sánh 14 tỉnh", "en": "Indicator to compare the 14 provinces"},
    # method
    "method_title": {"vi": "Phương pháp dự báo và đánh giá", "en": "How forecasts and assessments are made"},
    "method_body": {
        "vi": '**Dự báo.** Mỗi chuỗi số liệu (một kỳ số liệu, không nối qua đứt gãy, không nội suy) được biến đổi: log cho mức dương,\nlogit có giới hạn cho tỷ lệ %, giữ nguyên cho tốc độ tăng. Chuỗi từ 9 điểm: kết hợp cân bằng hai mô hình của statsmodels –\nETS xu hướng tắt dần và Theta – quanh trung bình hai đường trung vị (2.000 đường đi); một mô hình cho kết quả bất thường trên\nchuỗi nào thì bị loại cho chuỗi đó; chuỗi rất trơn (độ gồ ghề r < 0,2, như tỷ suất sinh) chỉ dùng ETS tắt dần. Kiểm định trên các bộ chuỗi học cho thấy tổ hợp này ổn định hơn tổ hợp ba mô hình có\nbước ngẫu nhiên có xu hướng (xu hướng này bùng nổ trên một số chuỗi). Chuỗi 2–8 điểm dùng xu hướng có ràng buộc\n(co về không đổi: drift × m/(m + r²), r là độ gồ ghề của chuỗi khi có từ 5 điểm, r = 1 nếu ít hơn – chuỗi trơn giữ nhiều xu hướng hơn; xu hướng tắt dần φ = 0,9 mỗi năm; riêng tiền theo đầu người giá hiện hành – GRDP bình quân đầu người, năng suất lao động, thu nhập – giữ nguyên xu hướng, không co, vì kiểm định trên chuỗi cùng loại của các bang Hoa Kỳ và của Việt Nam cho thấy co làm trung vị quá thấp; xu hướng của một mức không vượt quá ±0,3 mỗi năm trên thang log – trung vị tăng tối đa 35%, giảm tối đa 26% một năm – vì hai điểm có thể chỉ là một cú nhảy một lần, như số ca sởi ở Hawaii năm 1984 tăng từ khoảng 1 lên 290 ca), độ dao động theo chính các thay đổi của chuỗi; chuỗi 2–5 điểm được gắn nhãn *bằng chứng yếu*.\nVới 6–8 điểm, kiểm định cho thấy khoảng dự báo của xu hướng này phủ đúng hơn nhiều so với tổ hợp (bảng \"tổ hợp thay thế\" dưới),\nvới sai số gần như nhau. 0–1 điểm: không dự báo. Tốc độ tăng dùng mô hình bình quân; vì tăng trưởng đi theo từng giai đoạn, mức bình quân của những năm tới có thể lệch khỏi mức bình quân đã qua nhiều hơn sai số chọn mẫu: mỗi đường đi thêm một độ lệch như vậy (nửa phương sai của một năm) và độ dao động của chính nó cũng không chắc chắn (phân phối Student-t). Thiếu hai điều này, kiểm định trên tăng trưởng thực của các nước (Penn World Table) và các bang Hoa Kỳ cho thấy bình quân 5 năm từ 2–8 tốc độ đã công bố chỉ rơi vào khoảng 80% của nó 47–71% số lần.\n\n**Hiệu chỉnh.** Khoảng dự báo của các mô hình trên số liệu năm thực tế thường quá hẹp, nhất là với chuỗi ngắn. Mỗi nhóm\nmô hình (xu hướng trên 9+ điểm, xu hướng có ràng buộc trên 2–8 điểm, mô hình bình quân cho tốc độ tăng) có một hệ số nới\ntrơn theo tầm dự báo h và độ dài chuỗi n: k(h, n) = exp(a + b·ln h + c·ln n), b ≥ 0, áp cho cả đường đi quanh đường trung vị;\nvới mô hình xu hướng trên 9+ điểm, k còn nhân với r^d theo độ gồ ghề r của chuỗi (chuỗi càng trơn, như tỷ suất sinh, khoảng càng\nrộng: một xu hướng trơn vẫn có thể bẻ cong) và không bao giờ hẹp hơn khoảng của chính mô hình.\nTrung vị không bị dịch chuyển và khoảng dự báo không bao giờ hẹp lại khi h tăng. Các tham số mỗi nhóm (ba, thêm d cho nhóm xu hướng) được học trên nhiều\nhọ chuỗi thực (Penn World Table, tỷ suất sinh của Ngân hàng Thế giới, chuỗi GSO theo tỉnh, chuỗi bang Hoa Kỳ và nước OECD; riêng cho chuỗi ngắn còn có doanh nghiệp, đô thị và hạt), chọn sao cho họ chuỗi kém nhất\nvẫn sai số ít nhất (với chuỗi ngắn, khoảng quá hẹp bị tính nặng gấp bốn lần khoảng quá rộng), rồi kiểm tra trên các chuỗi không dùng để học (bảng dưới).\n\n**Xác suất đạt.** Tỷ lệ đường đi thỏa điều kiện của mục tiêu:',
        "en": "**Forecast.** Each series (one vintage, never across a break, never interpolated) is transformed: log for positive\nlevels, bounded logit for percentages, none for growth rates. Series of 9+ points: an equal-weight combination of two\nstatsmodels models – damped-trend ETS and Theta – around the mean of their two median paths (2,000 paths); a member that\nmisbehaves on a series is dropped for it; a very smooth history (roughness r < 0.2, like fertility rates) uses damped ETS alone. On the learning collections this pair was steadier than the three-model pool\nwith a random walk with drift (whose trend explodes on some series). Series of 2–8 points use a constrained trend\n(shrunk towards no change, drift × m/(m + r²), r the history's roughness from 5 points on and 1 below – a smooth history keeps more of its trend; carried forward damped by φ = 0.9 a year; money per head at current prices – GRDP per capita, labour productivity, income – keeps its whole trend, since backtests on series of that kind in US states and in Viet Nam found the shrunk median too low; a level's trend is held within ±0.3 a year on the log scale – its median rises at most 35% or falls at most 26% a year – since two points may hold a one-off jump, like Hawaii's measles cases going from about 1 to 290 in 1984) whose spread follows the series' own changes; 2–5-point series are labelled *low evidence*.\nOn 6–8 points the backtests found this trend's bands far closer to what they claim than the ensemble's, at about the same error\n(table \"the ensemble instead\" below). 0–1 points: no forecast. Growth rates use the mean model; since growth comes in spells, the next years' average may sit away from the past years' by more than sampling error: each path gets such an offset (half a year's variance) and its spread is itself uncertain (Student-t). Without them, backtests on real growth of countries (Penn World Table) and US states found the five-year average from 2–8 published rates inside its 80% band only 47–71% of the time.\n\n**Calibration.** Plain model intervals on real yearly data are too narrow, most of all for short series. Each family of\nmodels (trend models on 9+ points, the constrained trend on 2–8 points, the mean model for growth rates) gets one widening\nfactor, smooth in the horizon h and the history length n: k(h, n) = exp(a + b·ln h + c·ln n), b ≥ 0, applied to whole paths\naround the median path; for trend models on 9+ points it is also multiplied by r^d, r the series' roughness (the smoother the\nhistory, like fertility rates, the wider: a smooth trend still bends), and never narrower than the models' own bands.\nThe median never moves and no band narrows further out. The numbers per family (three, and d for the trend models) are learned\non several families of real series (Penn World Table, World Bank fertility rates, GSO provincial series, US states and OECD panels; for short series also firms, municipalities and counties), chosen so that\nthe worst family's error is smallest (for short series a band too narrow counts four times a band too wide), and checked on series not used to learn them (tables below).\n\n**Probability of meeting a target.** The share of paths that meet the target's condition:",
    },
    "method_average_growth": {"vi": "**Tăng bình quân** đạt mục tiêu g* và tốc độ cần đạt mỗi năm từ năm số liệu cuối:",
                              "en": "**Average growth** meeting a target g*, and the rate needed each year from the last observed year:"},
    "method_un2023": {"vi": "**Phân loại LHQ 2023** (dự phóng theo tốc độ tăng bình quân thực tế CAGR_a):",
                      "en": "**UN 2023 categories** (projected at the actual compound growth CAGR_a):"},
    "method_un2023_bands": {"vi": "P ≥ 0,95: {on_track}; 0,10 ≤ P < 0,95: {fair}; P < 0,10: {stagnation}.",
                            "en": "P ≥ 0.95: {on_track}; 0.10 ≤ P < 0.95: {fair}; P < 0.10: {stagnation}."},
    "method_open_sdg": {"vi": "**Tỷ số tiến độ Open SDG** (CAGR_a thực tế so với CAGR_r cần có; d = 1 nếu cao hơn là tốt, −1 nếu ngược lại), "
                               "ngưỡng 0,95 / 0,60 / 0: đúng tiến độ / có tiến bộ, cần tăng tốc / tiến bộ hạn chế / thụt lùi.",
                        "en": "**Open SDG progress ratio** (actual CAGR_a against the required CAGR_r; d = 1 if higher is better, −1 otherwise), "
                              "bands 0.95 / 0.60 / 0: on track / progress, acceleration needed / limited progress / deterioration."},
    "method_se": {"vi": "A_m: đường đi thứ m thỏa điều kiện của mục tiêu. Với M = 2.000 đường đi, sai số chuẩn SE không quá 1,1 điểm %.",
                  "en": "A_m: path m meets the target's condition. With M = 2,000 paths the standard error SE is at most 1.1 pp."},
    "col_probability": {"vi": "Xác suất đạt", "en": "Probability"},
    "words_caption": {"vi": "Mỗi khoảng gồm cận dưới: P = 90% là \"rất có khả năng\".",
                      "en": "Each band includes its lower edge: P = 90% is \"very likely\"."},
    "col_method": {"vi": "Phương pháp", "en": "Method"},
    "st_upload_button": {"vi": "Chọn tệp", "en": "Choose a file"},
    "st_upload_limits": {"vi": "Tối đa {mb} MB mỗi tệp • CSV, XLSX", "en": "Up to {mb} MB per file • CSV, XLSX"},
    "st_select_all": {"vi": "Chọn tất cả", "en": "Select all"},
    "col_cover80": {"vi": "Phủ khoảng 80%", "en": "80% band cover"},
    "col_cover95": {"vi": "Phủ khoảng 95%", "en": "95% band cover"},
    "col_n_forecasts": {"vi": "Số dự báo", "en": "Forecasts"},
    "col_n_series": {"vi": "Số chuỗi", "en": "Series"},
    "method_ensemble": {"vi": "tổ hợp ETS + Theta (ứng dụng)", "en": "ETS + Theta combination (the app's)"},
    "method_mean": {"vi": "mô hình bình quân (ứng dụng, tốc độ tăng)", "en": "mean model (the app's, growth rates)"},
    "method_constrained_trend": {"vi": "xu hướng có ràng buộc (chuỗi 2–8 điểm)", "en": "constrained trend (2–8-point series)"},
    "backtest_title": {"vi": "Kiểm định quá khứ trên chuỗi số liệu của ứng dụng", "en": "Backtest on the app's own series"},
    "calibration_caveat": {
        "vi": "Chưa đạt ở đâu: với chuỗi dài, khoảng 80% phủ 68% ở chuỗi GSO theo tỉnh (bộ D: chỉ 34 dự báo, 33 trong số đó cho lực lượng lao động năm 2020 – năm COVID-19 – và gần như đều cao hơn thực tế); "
              "các bộ kiểm tra khác 75–89%; "
              "với 2–8 điểm cuối, khoảng 80% phủ 64–92% (thấp nhất: các chuỗi loại khác, bộ E, và doanh nghiệp, đô thị, bộ G, với 2–3 điểm; "
              "cao nhất: chuỗi GSO theo tỉnh, bộ D – khoảng rộng hơn mức cần; với 6–8 điểm: 80–92%); "
              "với chuỗi lao động GSO theo tỉnh đủ dài (bộ D), dự báo \"không đổi\" vẫn chính xác hơn, và với chuỗi dài của bộ G "
              "(bang, hãng hàng không), riêng Theta chính xác hơn cặp ETS + Theta 7%; trên số ca bệnh của các bang Hoa Kỳ (bộ I: tăng vọt rồi sụp), dự báo \"không đổi\" "
              "chính xác hơn nhiều (sai số của ta cao hơn 34–59%) và xác suất đạt lệch xa tần suất thực (tới 69 điểm %). Với các chỉ tiêu tăng trưởng bình quân "
              "(bình quân 5 năm từ 2–8 tốc độ), khoảng 80% phủ 80–83% trên các nước Penn World Table nhưng 73–83% trên các bang "
              "Hoa Kỳ và nước OECD (hẹp hơn mức cần với 2–3 điểm). Xác suất đạt dựa trên chuỗi ngắn cần đọc thận trọng.",
        "en": "Where it still falls short: with long histories the 80% bands cover 68% on the GSO provincial series (collection D: "
              "only 34 forecasts, 33 of them of the 2020 labour force – the COVID-19 year – and almost all above the outcome); the other held-out collections 75–89%; with the last 2–8 points the 80% band covers 64–92% (lowest: series of other kinds, "
              "collection E, and firms and municipalities, collection G, with 2–3 points; highest: the GSO provincial series, "
              "collection D – wider than needed; with 6–8 points 80–92%); on the full GSO provincial labour series (collection D) "
              "\"no change\" is still more accurate, and on collection G's long series (states, airlines) Theta alone is 7% more "
              "accurate than the ETS + Theta pair; on US states' disease counts (collection I: they surge and collapse) \"no change\" is "
              "far more accurate (our error 34–59% higher) and probabilities are far from how often events happened (up to 69 "
              "points). For the average-growth targets (the five-year average from 2–8 rates) the 80% "
              "band covers 80–83% on Penn World Table countries but 73–83% on US states and OECD countries (narrower than "
              "needed with 2–3 points). Read probabilities that rest on short series with care."},
    "regime_full": {"vi": "Toàn bộ chuỗi (10+ điểm trước gốc dự báo)", "en": "Full history (10+ points before the origin)"},
    "regime_last_2": {"vi": "Chỉ 2 điểm cuối", "en": "Last 2 points only"},
    "regime_last_3": {"vi": "Chỉ 3 điểm cuối", "en": "Last 3 points only"},
    "regime_last_5": {"vi": "Chỉ 5 điểm cuối", "en": "Last 5 points only"},
    "ensemble_instead_title": {"vi": "Tổ hợp thay thế: nếu chuỗi 6–8 điểm dùng tổ hợp ETS + Theta thay cho xu hướng có ràng buộc",
                               "en": "The ensemble instead: ETS + Theta on 6–8-point series in place of the constrained trend"},
    "ensemble_instead_caption": {
        "vi": "Tổ hợp ở đây dùng hệ số nới học trên chuỗi từ 9 điểm, như khi chạy thật. Học riêng cả trên 6–8 điểm (đo ngày 8/12/2026), "
              "khoảng 80% / 95% của nó phủ 65–98% / 78–99% tùy họ chuỗi: một hệ số nới không vừa mọi họ chuỗi.",
        "en": "The ensemble here uses the widening learned on 9+ points, as it would run. Learned on 6–8 points as well (measured "
              "8 Dec 2026), its 80% / 95% bands covered 65–98% / 78–99% depending on the family: one widening did not fit them all."},
    "rough_title": {"vi": "Độ gồ ghề của chuỗi: khoảng 80% / 95% của mô hình xu hướng (toàn bộ chuỗi), không có → có hệ số theo độ gồ ghề",
                    "en": "Roughness of the history: the trend models' 80% / 95% cover (full history), without → with the roughness term"},
    "rough_caption": {
        "vi": "r = độ lệch chuẩn của mức thay đổi giữa các thay đổi hằng năm / (√2 × độ lệch chuẩn của các thay đổi hằng năm): khoảng 1 "
              "với bước ngẫu nhiên, gần 0 với đường cong trơn (như tỷ suất sinh). Với một hệ số nới chung, khoảng dự báo của mô hình "
              "xu hướng phủ quá ít ở chuỗi trơn (xu hướng trơn vẫn bẻ cong) và quá nhiều ở chuỗi gồ ghề; nay hệ số nới nhân thêm r^d "
              "(d học được = {d}) và không bao giờ nhỏ hơn 1 (không hẹp hơn khoảng của chính mô hình). Số trong ngoặc: số dự báo.",
        "en": "r = sd of the yearly changes' own changes / (√2 × sd of the yearly changes): about 1 for a random walk, near 0 for a "
              "smooth curve (such as fertility rates). With one widening for all, the trend models' bands covered too little on smooth "
              "histories (a smooth trend still bends) and too much on rough ones; the widening is now also multiplied by r^d (learned "
              "d = {d}) and never below 1 (never narrower than the models' own bands). In brackets: the number of forecasts."},
    "shrink_title": {"vi": "Xu hướng có ràng buộc, 5–8 điểm cuối: MASE / tỷ lệ thực tế dưới trung vị, co theo m/(m+1) → theo m/(m + r²)",
                     "en": "Constrained trend, last 5–8 points: MASE / share of outcomes below the median, shrunk by m/(m+1) → by m/(m + r²)"},
    "shrink_caption": {
        "vi": "r là độ gồ ghề của 5–8 điểm (chuỗi 2–4 điểm không đổi). Quy tắc được chọn trên các bộ chuỗi học L1–L4 (trước khi có L5); "
              "các bộ A–G không dùng để chọn. Cột cuối: MASE thay đổi trên cả ba độ dài (âm là tốt hơn).",
        "en": "r is the roughness of the 5–8 points (2–4-point series are unchanged). The rule was chosen on the learning "
              "collections L1–L4 (before L5 joined); A–G played no part in it. Last column: the MASE change over all three lengths (negative is better)."},
    "reliability_title": {"vi": "Độ tin cậy của xác suất đạt (sự kiện ngưỡng trong kiểm định ngược): chênh lệch lớn nhất và điểm Brier",
                          "en": "Reliability of P(meet) (threshold events in the backtests): largest gap and Brier score"},
    "col_gap_short_all": {"vi": "Chênh lớn nhất, 2–8 điểm", "en": "Largest gap, 2–8 points"},
    "col_brier_short_all": {"vi": "Brier / Brier tỷ lệ nền, 2–8 điểm", "en": "Brier / base-rate Brier, 2–8 points"},
    "col_gap_full": {"vi": "Chênh lớn nhất, chuỗi dài", "en": "Largest gap, full history"},
    "col_brier_full": {"vi": "Brier / Brier tỷ lệ nền, chuỗi dài", "en": "Brier / base-rate Brier, full history"},
    "n_pp": {"vi": "{n} điểm %", "en": "{n} pp"},
    "reliability_caption": {
        "vi": "Sự kiện: giá trị năm h ít nhất bằng giá trị cuối × (1+g)^h, g = −2…7%/năm. Chênh lớn nhất: giữa xác suất ứng dụng nói "
              "và tỷ lệ đã xảy ra, trên các nhóm thập phân có ít nhất 30 sự kiện (mục tiêu: trong ±10 điểm %). Brier thấp hơn Brier "
              "tỷ lệ nền (luôn nói tỷ lệ chung) nghĩa là xác suất có ích hơn một con số chung. Các bộ L học hiệu chỉnh; A–I thì không.",
        "en": "Events: the value at year h at least the last value × (1+g)^h, g = −2…7% a year. Largest gap: between the probability "
              "the app said and how often the event happened, over deciles with at least 30 events (goal: within ±10 points). A "
              "Brier below the base rate's (always saying the overall rate) means the probabilities tell more than one overall "
              "figure. The L collections teach the calibration; A–I do not."},
    "checked_title_short": {"vi": "Khi ứng dụng nói xác suất P (chuỗi 2–8 điểm), sự việc đã xảy ra bao nhiêu lần trong kiểm định ngược",
                            "en": "When the app said P (2–8-point series), how often the event happened in the backtests"},
    "checked_title_growth": {"vi": "Khi ứng dụng nói xác suất P (tăng bình quân 5 năm từ 2–8 tốc độ), sự việc đã xảy ra bao nhiêu lần",
                             "en": "When the app said P (five-year average growth from 2–8 rates), how often the event happened"},
    "col_app_said": {"vi": "Ứng dụng nói", "en": "The app said"},
    "col_happened": {"vi": "Đã xảy ra (bộ thấp nhất – cao nhất)", "en": "Happened (lowest – highest collection)"},
    "col_on_gso": {"vi": "Trên chuỗi GSO theo tỉnh", "en": "On GSO provincial series"},
    "col_cases": {"vi": "Số trường hợp (số bộ)", "en": "Cases (collections)"},
    "checked_caption": {
        "vi": "Chỉ tính các bộ chuỗi không dùng để hiệu chỉnh (A–I; tăng trưởng: các nước và bang số lẻ), mỗi bộ cần ít nhất 30 "
              "trường hợp trong khoảng. Khoảng xác suất chia mịn ở hai đầu (0–1%, 1–2%, 2–5%, 5–10% và đối xứng), nơi có phần lớn "
              "xác suất của các chỉ tiêu. Trên chuỗi GSO theo tỉnh, loại chuỗi của chính tỉnh, ở mọi khoảng dưới 20% sự việc đã xảy ra "
              "không nhiều hơn mức trên của khoảng; khoảng rộng đến từ các bộ chuỗi biến động mạnh (doanh nghiệp, số ca bệnh, các chuỗi khác loại). "
              "Trang chỉ tiêu in dòng tương ứng dưới mỗi xác suất.",
        "en": "Only the collections not used to calibrate count (A–I; for growth, the odd countries and units), each with at least "
              "30 cases in the band. The bands are finer at both ends (0–1%, 1–2%, 2–5%, 5–10% and their mirror), where most of "
              "the targets' probabilities sit. On GSO provincial series, the province's own kind, in every band below 20% the event "
              "happened no more often than the band's upper edge; the wide ranges come from the volatile collections (firms, disease counts, "
              "series of other kinds). The target page prints the matching line under each probability."},
    "growth_avg_title": {"vi": "Tốc độ tăng bình quân 5 năm từ 2–8 tốc độ đã công bố (mô hình bình quân): phủ 80% / 95%, trước → nay",
                         "en": "Average growth over five years from 2–8 published rates (mean model): 80% / 95% cover, before → now"},
    "growth_avg_caption": {
        "vi": "Kiểm định đúng thống kê mà các chỉ tiêu “tăng bình quân ít nhất X%/năm” đọc: bình quân 5 năm, bắt đầu sau năm cuối có số liệu "
              "một năm (như 2026–2030 từ số liệu đến 2024). Tăng trưởng thực của GDP, năng suất, việc làm và TFP các nước (Penn World Table) "
              "và của sản phẩm, việc làm, thu nhập các bang Hoa Kỳ và các nước OECD. Trước: độ lệch của bình quân chỉ là sai số chọn mẫu. "
              "Nay: thêm độ lệch theo giai đoạn (nửa phương sai một năm) và độ dao động không chắc chắn (Student-t), chọn trên các bộ học "
              "(nước/bang số chẵn); các bộ số lẻ không dùng để chọn. Các khoảng vẫn hơi hẹp, nhất là với 2–3 điểm của các bang "
              "Hoa Kỳ: xác suất của các chỉ tiêu tăng trưởng vẫn có thể hơi quá chắc chắn.",
        "en": "A check of the very statistic the “average growth of at least X% a year” targets read: the five-year average starting "
              "one year after the last published year (as 2026–2030 from data to 2024). Real growth of countries' GDP, productivity, "
              "employment and TFP (Penn World Table) and of US states' product, employment and income and OECD countries' income. "
              "Before: the average could differ from the past only by sampling error. Now: a spell's offset (half a year's variance) "
              "and an uncertain spread (Student-t), chosen on the learning sides (even countries and units); the odd ones played no "
              "part. The bands are still somewhat narrow, above all with 2–3 points of the US states: the growth targets' "
              "probabilities may still be a little too sure."},
    "growth_avg_group_pwt:learn": {"vi": "PWT, nước số chẵn (học)", "en": "PWT, even countries (learning)"},
    "growth_avg_group_pwt:check": {"vi": "PWT, nước số lẻ (kiểm tra)", "en": "PWT, odd countries (held out)"},
    "growth_avg_group_panels:learn": {"vi": "Bang Hoa Kỳ, nước OECD, số chẵn (học)", "en": "US states, OECD countries, even (learning)"},
    "growth_avg_group_panels:check": {"vi": "Bang Hoa Kỳ, nước OECD, số lẻ (kiểm tra)", "en": "US states, OECD countries, odd (held out)"},
    "col_n_points": {"vi": "{n} điểm", "en": "{n} points"},
    "col_shrink_change": {"vi": "MASE, 5–8 điểm", "en": "MASE, 5–8 points"},
    "col_rough_all": {"vi": "Tất cả", "en": "All"},
    "col_rough_smooth": {"vi": "r < 0,3 (trơn)", "en": "r < 0.3 (smooth)"},
    "col_rough_rough": {"vi": "r ≥ 0,9 (gồ ghề)", "en": "r ≥ 0.9 (rough)"},
    "col_points": {"vi": "Số điểm", "en": "Points"},
    "col_mase_ct_ens": {"vi": "MASE xu hướng có ràng buộc / tổ hợp", "en": "MASE constrained trend / ensemble"},
    "col_cover_ct": {"vi": "Phủ 80% / 95%, xu hướng có ràng buộc", "en": "80% / 95% cover, constrained trend"},
    "col_cover_ens": {"vi": "Phủ 80% / 95%, tổ hợp", "en": "80% / 95% cover, ensemble"},
    "regime_last_6": {"vi": "Chỉ 6 điểm cuối", "en": "Last 6 points only"},
    "regime_last_8": {"vi": "Chỉ 8 điểm cuối", "en": "Last 8 points only"},
    "col_collection": {"vi": "Bộ chuỗi kiểm tra", "en": "Collection"},
    "collection_L1": {"vi": "L1: PWT 9.1 (các nước thứ tự chẵn)", "en": "L1: PWT 9.1 (even countries)"},
    "collection_L2": {"vi": "L2: Tổng tỷ suất sinh, Ngân hàng Thế giới (các nước thứ tự chẵn)",
                      "en": "L2: World Bank fertility (even countries)"},
    "collection_L3": {"vi": "L3: Chuỗi GSO theo tỉnh (các tỉnh thứ tự chẵn)", "en": "L3: GSO provincial series (even provinces)"},
    "collection_A": {"vi": "A: PWT 9.1, cùng biến, các nước thứ tự lẻ", "en": "A: PWT 9.1, same variables, odd countries"},
    "collection_B": {"vi": "B: PWT 9.1, biến khác, các nước thứ tự lẻ", "en": "B: PWT 9.1, other variables, odd countries"},
    "collection_C": {"vi": "C: Tổng tỷ suất sinh, Ngân hàng Thế giới, các nước thứ tự lẻ",
                     "en": "C: World Bank fertility, odd countries"},
    "collection_D": {"vi": "D: Chuỗi GSO theo tỉnh (các tỉnh thứ tự lẻ) và cả nước",
                     "en": "D: GSO provincial series (odd provinces) and Viet Nam"},
    "collection_E": {"vi": "E: Chuỗi năm của statsmodels (loại khác)", "en": "E: statsmodels yearly series (other kinds)"},
    "collection_L4": {"vi": "L4: Chuỗi bang Hoa Kỳ và nước OECD (các đơn vị thứ tự chẵn)",
                      "en": "L4: US states and OECD panels (even units)"},
    "collection_F": {"vi": "F: Chuỗi bang Hoa Kỳ và nước OECD, các đơn vị thứ tự lẻ",
                     "en": "F: US states and OECD panels, odd units"},
    "collection_L5": {"vi": "L5: Doanh nghiệp, đô thị, hạt và bang (loại khác) (các đơn vị thứ tự chẵn)",
                      "en": "L5: firms, municipalities, counties and states of other kinds (even units)"},
    "collection_G": {"vi": "G: Doanh nghiệp, đô thị, hạt và bang (loại khác), các đơn vị thứ tự lẻ",
                     "en": "G: firms, municipalities, counties and states of other kinds, odd units"},
    "collection_H": {"vi": "H: Các nước trong Gapminder (tuổi thọ, tỷ suất chết trẻ em; GDP và dân số của các nước PWT thứ tự lẻ)",
                     "en": "H: Gapminder countries (life expectancy, infant mortality; GDP and population of PWT's odd countries)"},
    "collection_I": {"vi": "I: Số ca mắc bảy bệnh truyền nhiễm theo bang Hoa Kỳ, 1928–2011 (Project Tycho)",
                     "en": "I: US states' reported cases of seven diseases, 1928–2011 (Project Tycho)"},
    "learned_on": {"vi": "Học trên: {collections}.", "en": "Learned on: {collections}."},
    "learned_short_only": {"vi": "chỉ dạy hệ số nới của chuỗi ngắn", "en": "teaches the short series' widening only"},
    "n_series": {"vi": "{n} chuỗi", "en": "{n} series"},
    "rel_supersedes": {"vi": "thay cho", "en": "supersedes"},
    "gap_note_not_found": {"vi": "chưa tìm thấy", "en": "not found"},
    "gap_note_not_public": {"vi": "không có trong các nguồn công khai đã tra", "en": "not available in public sources consulted"},
    "gap_note_merged_only": {"vi": "chưa tìm thấy (năm 2024 chỉ công bố cho 34 tỉnh sau sáp nhập)",
                             "en": "not found (2024 published only for the 34 merged provinces)"},
    "gap_note_mic_2022": {"vi": "chưa tìm thấy (báo cáo năm 2022 của Bộ TT&TT có các tỉnh nhưng không có giá trị của Tuyên Quang "
                                "trong các nguồn công khai đã tra)",
                          "en": "not found (the MIC 2022 report lists provinces but Tuyen Quang's value is not in the public sources consulted)"},
    "gap_note_gso_region": {"vi": "chưa tìm thấy (TCTK công bố theo vùng trong Niên giám; không có trong các nguồn công khai đã tra)",
                            "en": "not found (GSO publishes it by region in the yearbook; not in the public sources consulted)"},
    "gap_note_needs_yearbook": {"vi": "chưa tìm thấy; cần bảng 'Năng suất lao động xã hội' của Niên giám thống kê Tuyên Quang",
                                "en": "not found; needs the Tuyen Quang yearbook table 'Năng suất lao động xã hội' (social labour productivity)"},
    "gap_all_years": {"vi": "mọi năm", "en": "all years"},
    "gap_filled": {"vi": "đã có số liệu {years} ({sources})", "en": "filled since: {years} ({sources})"},
    "gap_open": {"vi": "vẫn còn thiếu", "en": "still missing"},
    "gap_by_derivation": {"vi": "tính từ các số liệu khác", "en": "computed from other values"},
    "col_gap_now": {"vi": "Hiện nay", "en": "Now"},
    "rel_conflicts": {"vi": "khác với", "en": "differs from"},
    "col_forecasts": {"vi": "Số dự báo", "en": "Forecasts"},
    "col_ours": {"vi": "MASE của ứng dụng", "en": "Our MASE"},
    "col_best_simple": {"vi": "Phương pháp đơn giản tốt nhất", "en": "Best simple method"},
    "col_naive": {"vi": "MASE \"không đổi\"", "en": "\"No change\" MASE"},
    "col_cover": {"vi": "Phủ 80% / 95%: trước → sau hiệu chỉnh", "en": "80% / 95% cover: raw → calibrated"},
    "col_below": {"vi": "Tỷ lệ dưới q10 / q50 / q90", "en": "Share below q10 / q50 / q90"},
    "method_ets": {"vi": "ETS tắt dần", "en": "damped ETS"},
    "method_theta": {"vi": "Theta", "en": "Theta"},
    "method_drift": {"vi": "bước ngẫu nhiên có xu hướng", "en": "random walk with drift"},
    "method_naive": {"vi": "không đổi", "en": "no change"},
    "calibration_title": {"vi": "Hiệu chỉnh khoảng dự báo trên dữ liệu thực", "en": "Calibration on real yearly data"},
    "no_backtest_yet": {"vi": "Chưa có kết quả kiểm định cho phiên bản dữ liệu này.", "en": "No backtest results for this data version yet."},
    "tab_download": {"vi": "Tải xuống", "en": "Download"},
    "tab_upload": {"vi": "Tải lên số liệu mới", "en": "Upload new figures"},
    "tab_versions": {"vi": "Phiên bản", "en": "Versions"},
    "download_all_csv": {"vi": "Toàn bộ số liệu (CSV)", "en": "All values (CSV)"},
    "download_all_xlsx": {"vi": "Toàn bộ số liệu và nguồn (XLSX)", "en": "All values and sources (XLSX)"},
    "download_view_csv": {"vi": "Chuỗi đang xem (CSV)", "en": "The series on screen (CSV)"},
    "download_template": {"vi": "Mẫu tải lên (XLSX)", "en": "Upload template (XLSX)"},
    "template_help": {
        "vi": "Mẫu gồm trang 'observations' điền sẵn số liệu thật của một chuỗi (sửa hoặc thêm dòng), trang 'sources' "
              "cho nguồn mới và trang hướng dẫn. Tải lên nguyên mẫu sẽ không thay đổi gì.",
        "en": "The template has an 'observations' sheet pre-filled with one real series (edit or add rows), a 'sources' "
              "sheet for new sources and a guidance sheet. Uploading it unchanged changes nothing.",
    },
    "upload_file": {"vi": "Chọn tệp CSV hoặc XLSX (tối đa 10 MB)", "en": "Choose a CSV or XLSX file (10 MB at most)"},
    "upload_invalid": {"vi": "Tệp không hợp lệ, không có gì được lưu:", "en": "The file is invalid; nothing was stored:"},
    "upload_preview": {"vi": "Xem trước thay đổi", "en": "Preview of the changes"},
    "upload_counts": {"vi": "{added} giá trị mới, {revised} giá trị sửa, {unchanged} không đổi, {sources} nguồn mới.",
                      "en": "{added} new values, {revised} revised, {unchanged} unchanged, {sources} new sources."},
    "upload_nothing": {"vi": "Tệp không thay đổi số liệu nào; không tạo phiên bản mới.",
                       "en": "The file changes nothing; no new version is created."},
    "upload_author": {"vi": "Người tải lên", "en": "Uploaded by"},
    "upload_note": {"vi": "Ghi chú (nguồn, lý do)", "en": "Note (source, reason)"},
    "upload_confirm": {"vi": "Xác nhận và lưu thành phiên bản mới", "en": "Confirm and store as a new version"},
    "upload_done": {"vi": "Đã lưu phiên bản {version}.", "en": "Stored as version {version}."},
    "col_old": {"vi": "Giá trị cũ", "en": "Old value"},
    "col_new": {"vi": "Giá trị mới", "en": "New value"},
    "versions_current": {"vi": "Đang dùng: {version}", "en": "Serving: {version}"},
    "col_version": {"vi": "Phiên bản", "en": "Version"},
    "col_created": {"vi": "Thời điểm (giờ Việt Nam)", "en": "Created (Viet Nam time)"},
    "col_updated": {"vi": "Cập nhật (giờ Việt Nam)", "en": "Updated (Viet Nam time)"},
    "col_change": {"vi": "Thay đổi", "en": "Change"},
    "change_added": {"vi": "thêm mới", "en": "added"},
    "change_removed": {"vi": "bỏ đi", "en": "removed"},
    "change_revised": {"vi": "sửa", "en": "revised"},
    "changes_data_failed": {"vi": "Không so sánh được số liệu với phiên bản {version} của cuộc họp: {error}",
                            "en": "The data could not be compared with the meeting's version {version}: {error}"},
    "snapshot_default": {"vi": "Họp Ban Chỉ đạo {date}", "en": "Steering committee meeting {date}"},
    "delete_sure": {"vi": "Chắc chắn xóa '{name}'", "en": "Yes, delete '{name}'"},
    "rollback_sure": {"vi": "Chắc chắn chuyển số liệu sang phiên bản {version} (mọi trang dùng phiên bản này)",
                      "en": "Yes, switch the data to version {version} (every page uses it)"},
    "switched": {"vi": "Đã chuyển sang phiên bản {version}.", "en": "Switched to version {version}."},
    "col_author": {"vi": "Người tạo", "en": "Author"},
    "col_changes": {"vi": "Thay đổi", "en": "Changes"},
    "switch_version": {"vi": "Chuyển về phiên bản", "en": "Serve version"},
    "switch_button": {"vi": "Dùng phiên bản này", "en": "Use this version"},
    "store_unreadable": {"vi": "không đọc được phiên bản {version} ({error})", "en": "version {version} is unreadable ({error})"},
    "store_corrupt": {"vi": "phiên bản {version} bị hỏng: mã kiểm tra {actual} khác {expected}",
                      "en": "version {version} is corrupt: checksum {actual} ≠ {expected}"},
    "store_none_readable": {"vi": "kho không còn phiên bản số liệu nào đọc được", "en": "no readable data version in the store"},
    "store_error": {"vi": "Không thể đọc/ghi kho dữ liệu: {error}. Ứng dụng vẫn chạy với dữ liệu đi kèm.",
                    "en": "The data store cannot be read or written: {error}. The app keeps running on the bundled data."},
    "page_meeting": {"vi": "Họp và trình chiếu", "en": "Meeting and present"},
    "meeting_title": {"vi": "Chuẩn bị và trình chiếu cuộc họp", "en": "Prepare and present the meeting"},
    "present_mode": {"vi": "Chế độ trình chiếu", "en": "Present mode"},
    "present_targets": {"vi": "Các mục tiêu để trình chiếu / xuất", "en": "Targets to present / export"},
    "prev": {"vi": "◀ Trước", "en": "◀ Previous"},
    "next": {"vi": "Tiếp ▶", "en": "Next ▶"},
    "slide_of": {"vi": "Mục tiêu {i}/{n}", "en": "Target {i} of {n}"},
    "export_title": {"vi": "Xuất tài liệu họp", "en": "Export the meeting pack"},
    "pack_language": {"vi": "Ngôn ngữ tài liệu", "en": "Pack language"},
    "meeting_date": {"vi": "Ngày họp", "en": "Meeting date"},
    "build_pptx": {"vi": "Tạo PPTX", "en": "Build PPTX"},
    "build_pdf": {"vi": "Tạo PDF", "en": "Build PDF"},
    "building": {"vi": "Đang tạo tài liệu…", "en": "Building the pack…"},
    "rendering": {"vi": "Vẽ biểu đồ {i}/{n}", "en": "Drawing chart {i} of {n}"},
    "built": {"vi": "Đã tạo xong ({s} giây).", "en": "Done ({s} s)."},
    "download_pack": {"vi": "Tải về {kind}", "en": "Download the {kind}"},
    "export_failed": {"vi": "Không tạo được tài liệu: {error}", "en": "The pack could not be built: {error}"},
    "pack_title": {"vi": "Lộ trình 4.0 – Báo cáo Ban Chỉ đạo", "en": "Lộ trình 4.0 – Steering committee pack"},
    "pack_subtitle": {
        "vi": "Thực hiện Kế hoạch 402-KH/TU về Cách mạng công nghiệp lần thứ tư – tỉnh Tuyên Quang",
        "en": "Implementing Plan 402-KH/TU on the Fourth Industrial Revolution – Tuyen Quang province",
    },
    "saved_title": {"vi": "Kịch bản đã lưu", "en": "Saved scenarios"},
    "save_current": {"vi": "Lưu kịch bản đang dùng", "en": "Save the active scenario"},
    "description": {"vi": "Mô tả", "en": "Description"},
    "saved_ok": {"vi": "Đã lưu '{name}'.", "en": "Saved '{name}'."},
    "load": {"vi": "Dùng", "en": "Load"},
    "duplicate": {"vi": "Nhân bản", "en": "Duplicate"},
    "delete": {"vi": "Xóa", "en": "Delete"},
    "pick_saved": {"vi": "Chọn kịch bản đã lưu", "en": "Choose a saved scenario"},
    "no_saved": {"vi": "Chưa có kịch bản nào được lưu.", "en": "No saved scenario yet."},
    "db_error": {
        "vi": "Không ghi/đọc được cơ sở dữ liệu kịch bản ({error}); ứng dụng vẫn chạy, nhưng chỉ đọc.",
        "en": "The scenario database cannot be read or written ({error}); the app keeps working, read-only.",
    },
    "snapshot_title": {"vi": "Ghi lại cuộc họp", "en": "Record this meeting"},
    "snapshot_name": {"vi": "Tên cuộc họp", "en": "Meeting title"},
    "decisions": {"vi": "Kết luận và nhiệm vụ", "en": "Decisions and actions"},
    "record": {"vi": "Ghi lại", "en": "Record"},
    "recorded": {"vi": "Đã ghi lại cuộc họp #{id}.", "en": "Meeting #{id} recorded."},
    "changes_title": {"vi": "Thay đổi kể từ cuộc họp trước", "en": "What changed since a previous meeting"},
    "pick_snapshot": {"vi": "So với cuộc họp", "en": "Compared with meeting"},
    "no_snapshots": {"vi": "Chưa có cuộc họp nào được ghi lại.", "en": "No meeting recorded yet."},
    "changes_data": {"vi": "Số liệu mới hoặc sửa đổi", "en": "New or revised data"},
    "changes_levers": {"vi": "Đòn bẩy kịch bản đã thay đổi", "en": "Scenario levers that changed"},
    "changes_targets": {"vi": "Xác suất và phân loại thay đổi", "en": "Probabilities and categories that moved"},
    "no_changes": {"vi": "Không có thay đổi.", "en": "No change."},
    "col_before": {"vi": "Trước", "en": "Before"},
    "col_after": {"vi": "Nay", "en": "Now"},
    "col_change_pp": {"vi": "Thay đổi (điểm %)", "en": "Change (pp)"},
    "version_refused": {
        "vi": "Phiên bản {version} bị hỏng (sai mã kiểm tra) nên bị từ chối; đang dùng phiên bản hợp lệ trước đó.",
        "en": "Version {version} is corrupt (checksum mismatch) and was refused; serving the previous valid version.",
    },
    "download_chart_csv": {"vi": "Số liệu biểu đồ (CSV)", "en": "Chart data (CSV)"},
    "download_chart_xlsx": {"vi": "Số liệu biểu đồ (XLSX)", "en": "Chart data (XLSX)"},
    "download_view_xlsx": {"vi": "Chuỗi đang xem (XLSX)", "en": "The series on screen (XLSX)"},
    "derived_caption": {
        "vi": "Giá trị tính toán ghi rõ công thức và đầu vào.",
        "en": "Derived values show their formula and inputs.",
    },
    # nowcasts of partly observed windows
    "nowcast_years": {
        "vi": "Năm có số liệu (công bố hoặc tính từ số liệu công bố): {observed}. Năm ước tính: {estimated}.",
        "en": "Years with data (published or derived from published figures): {observed}. Estimated years: {estimated}.",
    },
    "nowcast_year_lines": {"vi": "Cách ước tính từng năm", "en": "How each year was estimated"},
    "stat_interval_growth": {
        "vi": "Bình quân {span}: {q50}%/năm (khoảng 80%: {q10}–{q90}%/năm).",
        "en": "Average over {span}: {q50}% a year (80% interval: {q10}–{q90}% a year).",
    },
    "stat_interval_ratio": {
        "vi": "Tỷ lệ so với vùng năm {year}: {q50} (khoảng 80%: {q10}–{q90}); bằng 1 là ngang bình quân vùng.",
        "en": "Ratio to the region in {year}: {q50} (80% interval: {q10}–{q90}); 1 means level with the regional average.",
    },
    "p_tolerant": {
        "vi": "Theo cách hiểu \"khoảng {value}%\" (đạt từ {low}%/năm): xác suất {p}.",
        "en": "Reading \"about {value}%\" as met from {low}% a year: probability {p}.",
    },
    "rests_on_estimate": {
        "vi": "Kết quả dựa một phần trên số ước tính (chưa chính thức): {inputs}.",
        "en": "This result rests partly on estimates (not official figures): {inputs}.",
    },
    "rests_on_estimate_short": {"vi": "có số ước tính", "en": "rests on estimates"},
    "estimated_years_marker": {"vi": "Năm ước tính (trung vị, khoảng 80%)", "en": "Estimated years (median, 80% interval)"},
    "catch_needed_in": {"vi": "{value}%/năm trong các năm {years}", "en": "{value}% a year in {years}"},
    "catch_up_metric_open": {"vi": "Cần đạt bình quân ở các năm chưa có số liệu", "en": "Needed on average in the years without data"},
    "nc_observed": {"vi": "{year}: {value}% (số liệu)", "en": "{year}: {value}% (data)"},
    "nc_productivity_inputs": {"vi": "{year}: ước tính từ tăng GRDP và thay đổi lao động – {grdp}; {employment}",
                               "en": "{year}: estimated from GRDP growth and the change in employment – {grdp}; {employment}"},
    "nc_grdp_published": {"vi": "tăng GRDP {value}% (công bố)", "en": "GRDP growth {value}% (published)"},
    "nc_grdp_mean": {"vi": "tăng GRDP theo bình quân {years} ({mean}%) với độ dao động của nó",
                     "en": "GRDP growth from its {years} average ({mean}%) with its spread"},
    "nc_grdp_bounded": {"vi": "tăng GRDP theo bình quân {years} ({mean}%), giữ sao cho tỉnh hợp nhất {below} {bound}% như đã công bố (tỷ trọng GRDP {weights_year})",
                        "en": "GRDP growth from its {years} average ({mean}%), kept so that the merged province stays {below} {bound}% as published ({weights_year} GRDP shares)"},
    "nc_employment_published": {"vi": "lao động thay đổi {value}% (công bố)", "en": "employment change {value}% (published)"},
    "nc_employment_break": {"vi": "lao động: qua đứt gãy 2021, lấy mức thay đổi so sánh được của cả nước ({national}%) cộng độ lệch của các tỉnh (độ lệch chuẩn {spread} điểm, {n} trường hợp)",
                            "en": "employment: across the 2021 break, the national comparable change ({national}%) plus the provinces' deviation from it (s.d. {spread} points, {n} cases)"},
    "nc_employment_mean": {"vi": "lao động thay đổi theo bình quân các năm {years} ({mean}%)",
                           "en": "employment change from its average over {years} ({mean}%)"},
    "below": {"vi": "dưới", "en": "below"},
    "above": {"vi": "trên", "en": "above"},
    # data requests
    "page_requests": {"vi": "Số liệu cần bổ sung", "en": "Data needed"},
    "requests_title": {"vi": "Số liệu cần bổ sung", "en": "Figures that would change an assessment"},
    "requests_intro": {
        "vi": "Với mỗi mục tiêu chưa đủ số liệu, đang ước tính sớm hoặc có bằng chứng yếu: đúng con số cần có, nơi nắm giữ "
              "và đánh giá sẽ thay đổi thế nào. Tải mẫu XLSX để cơ quan thống kê điền; trang Dữ liệu nhận lại tệp này "
              "(ô giá trị để trống thì bỏ qua).",
        "en": "For each target that is insufficient, nowcast or low-evidence: the exact figures needed, who holds them "
              "and how the assessment would change. Download the XLSX template for the statistics office to fill in; "
              "the Data page takes it back (blank values are skipped).",
    },
    "requests_here": {"vi": "Số liệu cần bổ sung cho mục tiêu này", "en": "Figures that would change this assessment"},
    "requests_none": {"vi": "Không có số liệu nào còn thiếu cho các mục tiêu này.", "en": "Nothing is missing for these targets."},
    "requests_download": {"vi": "Tải mẫu điền số liệu (XLSX)", "en": "Download the template to fill in (XLSX)"},
    "col_holder": {"vi": "Nơi nắm giữ", "en": "Held by"},
    "col_effect": {"vi": "Đánh giá sẽ thành", "en": "The assessment would become"},
    "col_years_needed": {"vi": "Năm cần", "en": "Years"},
    "holder_stats_labour": {"vi": "Cục Thống kê tỉnh – Niên giám thống kê, bảng \"Lao động từ 15 tuổi trở lên đang làm việc\" (hoặc TCTK PX-Web)",
                            "en": "Provincial statistics office – statistical yearbook, table of employed workers 15+ (or GSO PX-Web)"},
    "holder_stats_productivity": {"vi": "Cục Thống kê tỉnh / TCTK – bảng \"Năng suất lao động phân theo địa phương\"",
                                  "en": "Provincial statistics office / GSO – table of labour productivity by province"},
    "holder_stats_grdp": {"vi": "Cục Thống kê tỉnh – Niên giám thống kê, bảng GRDP (giá hiện hành và giá so sánh)",
                          "en": "Provincial statistics office – statistical yearbook, GRDP tables (current and constant prices)"},
    "holder_stats_population": {"vi": "Cục Thống kê tỉnh – bảng \"Dân số trung bình\"", "en": "Provincial statistics office – average population table"},
    "holder_stats_digital_economy": {"vi": "TCTK – ước tính tỷ trọng kinh tế số trong GRDP cấp tỉnh",
                                     "en": "GSO – provincial estimate of the digital economy's share of GRDP"},
    "holder_operators_coverage": {"vi": "Doanh nghiệp viễn thông (Viettel, VNPT, MobiFone) qua Sở Khoa học và Công nghệ",
                                  "en": "Telecom operators (Viettel, VNPT, MobiFone) through the Department of Science and Technology"},
    "holder_dost_infrastructure": {"vi": "Sở Khoa học và Công nghệ (trước đây Sở TT&TT) – báo cáo hạ tầng số hằng năm",
                                   "en": "Department of Science and Technology (formerly DIC) – annual digital-infrastructure report"},
    "holder_stats_yearbook": {"vi": "Cục Thống kê tỉnh – Niên giám thống kê", "en": "Provincial statistics office – statistical yearbook"},
    "eff_year_observed": {"vi": "năm {year} thành số liệu quan sát thay cho ước tính", "en": "{year} becomes observed instead of estimated"},
    "eff_break_bridged": {"vi": "có số lao động {prev} theo khái niệm mới thì năm {year} thành quan sát (không còn qua đứt gãy)",
                          "en": "with {prev} employment on the new concept, {year} becomes observed (no longer across the break)"},
    "eff_verdict": {"vi": "có số năm {year} thì có kết luận đạt / không đạt", "en": "with the {year} figure, a met / not met verdict"},
    "eff_first_point": {"vi": "điểm số liệu đầu tiên của chuỗi", "en": "the series' first data point"},
    "eff_forecast_possible": {"vi": "chuỗi từ {n} lên {m} điểm: đủ để dự báo", "en": "the series goes from {n} to {m} points: enough to forecast"},
    "eff_more_points": {"vi": "chuỗi từ {n} lên {m} điểm: khoảng dự báo hẹp lại", "en": "the series goes from {n} to {m} points: narrower bands"},
    "eff_ratio_longer": {"vi": "tỷ lệ so với vùng từ {n} lên {m} năm cùng khái niệm", "en": "the ratio to the region goes from {n} to {m} years on one concept"},
    # interim estimates from the card
    "interim_title": {"vi": "Nhập số ước tính tạm thời", "en": "Enter an interim estimate"},
    "interim_help": {
        "vi": "Khi chưa có số chính thức, có thể nhập số ước tính (ví dụ ước tính của doanh nghiệp viễn thông) kèm nguồn. "
              "Số được lưu thành phiên bản dữ liệu mới với trạng thái \"ước tính\" và mọi nơi dùng nó đều ghi rõ.",
        "en": "Until the official figure arrives, enter an estimate (e.g. the operators' coverage estimate) with its source. "
              "It is stored as a new data version with status \"estimate\", and everything that uses it says so.",
    },
    "interim_year": {"vi": "Năm", "en": "Year"},
    "interim_value": {"vi": "Giá trị ({unit})", "en": "Value ({unit})"},
    "interim_publisher": {"vi": "Nguồn (cơ quan / đơn vị)", "en": "Source (publisher)"},
    "interim_title_field": {"vi": "Tên tài liệu / văn bản", "en": "Document title"},
    "interim_url": {"vi": "Địa chỉ (nếu có)", "en": "URL (if any)"},
    "interim_save": {"vi": "Lưu số ước tính", "en": "Store the estimate"},
    "interim_saved": {"vi": "Đã lưu thành phiên bản {version}.", "en": "Stored as version {version}."},
    "interim_need_source": {"vi": "Cần ghi nguồn và tên tài liệu.", "en": "A source and a document title are needed."},
    "bundled_changed": {
        "vi": "Dữ liệu đi kèm (thư mục data/) đã thay đổi: đã tạo phiên bản {version} từ đó (mã {checksum}). Các phiên bản trước vẫn ở mục Phiên bản.",
        "en": "The bundled data (data/) changed: version {version} was made from it (checksum {checksum}). Earlier versions remain under Versions.",
    },
    "bundled_broken": {"vi": "Thư mục data/ có lỗi nên không được nạp: {error}", "en": "data/ has an error and was not loaded: {error}"},
    "upload_derived": {"vi": "{n} dòng là giá trị tính toán (ứng dụng tự tính lại): bỏ qua.",
                       "en": "{n} rows are derived values (the app recomputes them): skipped."},
    "upload_scale": {
        "vi": "Phần lớn giá trị sửa đổi bằng giá trị cũ nhân {factor}: có thể nhầm đơn vị (ví dụ 0,45 thay cho 45%). Hãy kiểm tra trước khi lưu.",
        "en": "Most revisions equal the old value times {factor}: perhaps a unit slip (0.45 typed for 45%). Check before storing.",
    },
    "upload_scale_ok": {"vi": "Tôi đã kiểm tra, các giá trị này đúng", "en": "I checked: these values are right"},
    "upload_blank": {"vi": "{n} dòng để trống giá trị: bỏ qua, không lưu gì cho các dòng này.",
                     "en": "{n} rows have no value: skipped, nothing is stored for them."},
    # region on official productivity
    "region_gap_official": {
        "vi": "Theo NSLĐ chính thức theo tỉnh (TCTK, {year}; bình quân vùng gia quyền theo lao động), {name} bằng {ratio} mức bình quân vùng. "
              "Để vượt bình quân vùng năm 2045, NSLĐ cần tăng nhanh hơn vùng {rate}/năm.",
        "en": "On official productivity by province (GSO, {year}; the regional average weighted by employment), {name} stands at {ratio} "
              "of the regional average. To pass it by 2045, productivity must grow {rate} a year faster than the region's.",
    },
    "region_share_table": {"vi": "So với bình quân vùng theo năm", "en": "Against the regional average, by year"},
    "region_rank": {"vi": "Hạng trong 14 tỉnh", "en": "Rank of 14"},
    "region_year": {"vi": "Năm", "en": "Year"},
    "region_p2045": {"vi": "Xác suất vượt bình quân vùng năm 2045 (tỉnh hợp nhất): {p} – {phrase}.",
                     "en": "Probability of being above the regional average in 2045 (merged province): {p} – {phrase}."},
    "plan_figures_title": {"vi": "Các con số của Kế hoạch 402-KH/TU trên số liệu chính thức", "en": "Plan 402-KH/TU on official figures"},
    "pf_growth": {"vi": "Tăng NSLĐ (giá so sánh) của Tuyên Quang {year}, tính từ tăng GRDP và số lao động có việc làm",
                  "en": "Tuyen Quang's productivity growth (constant prices) in {year}, from GRDP growth and employed workers"},
    "pf_average": {"vi": "Bình quân 2021–2025 (ước tính sớm): trung vị, khoảng 80%", "en": "2021–2025 average (nowcast): median, 80% interval"},
    "pf_p": {"vi": "Xác suất bình quân 2021–2025 ≥ 7% / ≥ 6,5% (\"khoảng 7%\")", "en": "P(2021–2025 average ≥ 7%) / ≥ 6.5% (\"about 7%\")"},
    "pf_ratio": {"vi": "{name} so với bình quân vùng {year}", "en": "{name} against the regional average, {year}"},
    "pf_needed": {"vi": "{name}: cần tăng nhanh hơn vùng mỗi năm đến 2045", "en": "{name}: growth needed above the region's each year to 2045"},
    "pf_rule": {
        "vi": "Quy tắc \"khoảng\": một mục tiêu tăng trưởng \"khoảng x%/năm\" được xem là đạt trong dung sai khi bình quân từ x − 0,5 điểm %; "
              "ứng dụng hiển thị cả hai xác suất (≥ x và ≥ x − 0,5). Tăng NSLĐ năm t = (1 + tăng GRDP giá so sánh) / (lao động t / lao động t−1) − 1, "
              "chỉ khi hai năm cùng một khái niệm việc làm; năm 2021 (đứt gãy) và 2025 (chưa công bố) được ước tính từ đầu vào của chúng.",
        "en": "The \"about\" rule: a growth target of \"about x% a year\" is met within tolerance when the average reaches x − 0.5 points; "
              "the app shows both probabilities (≥ x and ≥ x − 0.5). Productivity growth in year t = (1 + real GRDP growth) / (employed t / employed t−1) − 1, "
              "only when both years share one employment concept; 2021 (the break) and 2025 (not yet published) are estimated from their inputs.",
    },
}


def t(key: str, lang: str = "vi", /, **params: object) -> str:
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


def fmt_auto(value: float | None, lang: str = "vi") -> str:
    """Decimals that suit the size: counts without, indices 0–1 with three, others with one or two."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    v = float(value)
    if v.is_integer():
        return fmt_number(v, lang, 0)
    digits = 3 if abs(v) < 1 else (2 if abs(v) < 100 else 1)
    return fmt_number(v, lang, digits)


def fmt_percent(share: float | None, lang: str = "vi", digits: int = 0) -> str:
    """0.712 -> '71%' (vi and en); shares, not percentage points."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(share, format=pattern, locale=LOCALES.get(lang, "vi_VN"))


def fmt_datetime(iso: str | None, lang: str = "vi") -> str:
    """A stored UTC time ('2026-12-02T03:15:00+00:00') in Viet Nam's time: '10:15 2/12/2026' / '2 Dec 2026, 10:15'."""
    import datetime as dt

    from babel.dates import format_datetime

    if not iso:
        return "–"
    try:
        when = dt.datetime.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    local = when.astimezone(dt.timezone(dt.timedelta(hours=7)))
    pattern = "HH:mm d/M/yyyy" if lang == "vi" else "d MMM yyyy, HH:mm"
    return format_datetime(local.replace(tzinfo=None), pattern, locale=LOCALES.get(lang, "vi_VN"))


def fmt_date(iso: str | None, lang: str = "vi") -> str:
    """'2020-06-26' -> '26/6/2020' (vi) or '26 Jun 2020' (en); a year or year-month stays as it is; missing -> '–'."""
    import datetime as dt

    if not iso:
        return "–"
    text = str(iso)
    try:
        d = dt.date.fromisoformat(text[:10])
    except ValueError:
        return text
    return format_date(d, "d/M/yyyy" if lang == "vi" else "d MMM yyyy", locale=LOCALES.get(lang, "vi_VN"))
