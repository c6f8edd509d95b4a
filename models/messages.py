"""Vietnamese and English texts of the data errors, kept beside the code that raises them.

models/ never imports streamlit, so its error texts live here rather than in the UI
catalogue; the pages show `error.message(lang)`.
"""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "empty_file": {
        "vi": "Tệp rỗng: không có dòng tiêu đề.",
        "en": "The file is empty: there is no header row.",
    },
    "encoding": {
        "vi": "Tệp không phải mã UTF-8 (byte {byte} không đọc được). Hãy lưu lại dưới dạng CSV UTF-8.",
        "en": "The file is not UTF-8 (byte {byte} cannot be read). Save it again as CSV UTF-8.",
    },
    "missing_column": {
        "vi": "Thiếu cột bắt buộc '{column}'.",
        "en": "Required column '{column}' is missing.",
    },
    "extra_column": {
        "vi": "Cột '{column}' không thuộc mẫu của tệp này.",
        "en": "Column '{column}' is not part of this file's template.",
    },
    "duplicate_column": {
        "vi": "Cột '{column}' xuất hiện hai lần.",
        "en": "Column '{column}' appears twice.",
    },
    "field_count": {
        "vi": "Dòng có {found} ô, cần {expected} ô.",
        "en": "The row has {found} fields, {expected} expected.",
    },
    "no_rows": {
        "vi": "Tệp chỉ có dòng tiêu đề, không có dữ liệu.",
        "en": "The file has a header but no data rows.",
    },
    "required": {
        "vi": "Ô trống nhưng bắt buộc phải có giá trị.",
        "en": "The cell is empty but a value is required.",
    },
    "not_number": {
        "vi": "'{value}' không phải là số (ghi số không kèm đơn vị, ví dụ 61,5 hoặc 61.5).",
        "en": "'{value}' is not a number (write a number without a unit, e.g. 61.5).",
    },
    "not_integer": {
        "vi": "'{value}' không phải là số nguyên.",
        "en": "'{value}' is not a whole number.",
    },
    "not_bool": {
        "vi": "'{value}' phải là true, false hoặc để trống.",
        "en": "'{value}' must be true, false or empty.",
    },
    "bad_date": {
        "vi": "'{value}' không phải ngày hợp lệ (YYYY, YYYY-MM hoặc YYYY-MM-DD).",
        "en": "'{value}' is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD).",
    },
    "not_allowed": {
        "vi": "'{value}' không hợp lệ; giá trị được phép: {allowed}.",
        "en": "'{value}' is not allowed; allowed values: {allowed}.",
    },
    "bad_id": {
        "vi": "Mã '{value}' chỉ được gồm chữ thường không dấu, số và dấu gạch dưới.",
        "en": "Id '{value}' may only hold lower-case ASCII letters, digits and underscores.",
    },
    "unknown_ref": {
        "vi": "'{value}' không có trong {table}.",
        "en": "'{value}' is not in {table}.",
    },
    "unknown_ref_like": {
        "vi": "'{value}' không có trong {table}; có phải là '{suggestion}'?",
        "en": "'{value}' is not in {table}; did you mean '{suggestion}'?",
    },
    "ambiguous_number": {
        "vi": "'{value}' không rõ nghĩa: dấu phẩy có thể là dấu thập phân hoặc dấu tách hàng nghìn. Hãy nhập ô dạng số "
              "trong Excel, hoặc bỏ dấu tách hàng nghìn (ví dụ 1234 hoặc 1,25).",
        "en": "'{value}' is ambiguous: the comma may be a decimal or a thousands separator. Enter it as a number cell, "
              "or write it without a thousands separator (e.g. 1234 or 1.25).",
    },
    "duplicate_key": {
        "vi": "Trùng khóa {key} với dòng {other}.",
        "en": "Duplicate key {key}, same as row {other}.",
    },
    "out_of_bounds": {
        "vi": "Giá trị {value} nằm ngoài giới hạn [{lower}, {upper}] của chỉ tiêu '{indicator}'.",
        "en": "Value {value} is outside the bounds [{lower}, {upper}] of indicator '{indicator}'.",
    },
    "year_range": {
        "vi": "Năm {value} nằm ngoài khoảng cho phép {lower}–{upper}.",
        "en": "Year {value} is outside the allowed range {lower}–{upper}.",
    },
    "territory_period": {
        "vi": "Lãnh thổ '{territory}' không tồn tại năm {value} (có hiệu lực {valid}).",
        "en": "Territory '{territory}' did not exist in {value} (valid {valid}).",
    },
    "two_preferred": {
        "vi": "Có hai giá trị được ưu tiên cho cùng {key} (xem dòng {other}).",
        "en": "Two preferred values for the same {key} (see row {other}).",
    },
    "target_needs_value": {
        "vi": "Chỉ tiêu loại '{kind}' cần giá trị mục tiêu và mã chỉ tiêu thống kê.",
        "en": "A target of kind '{kind}' needs a value and an indicator id.",
    },
    "target_needs_base_year": {
        "vi": "Chỉ tiêu tăng trưởng bình quân cần năm gốc nhỏ hơn năm mục tiêu.",
        "en": "An average-growth target needs a base year before the target year.",
    },
    "target_needs_reference": {
        "vi": "Chỉ tiêu so với vùng cần mã lãnh thổ tham chiếu.",
        "en": "A target relative to the region needs a reference territory.",
    },
    "bad_period": {
        "vi": "Năm bắt đầu giai đoạn {value} phải nhỏ hơn năm {year}.",
        "en": "Period start {value} must be before year {year}.",
    },
    "bad_workbook": {
        "vi": "Không đọc được tệp Excel ({error}). Hãy lưu lại dưới dạng .xlsx hoặc CSV UTF-8.",
        "en": "The Excel file cannot be read ({error}). Save it again as .xlsx or CSV UTF-8.",
    },
    "merged_cells": {
        "vi": "Có ô gộp ({cells}). Hãy bỏ gộp ô: mỗi cột một tiêu đề, mỗi ô một giá trị.",
        "en": "Merged cells ({cells}). Unmerge them: one header per column, one value per cell.",
    },
    "formula_cell": {
        "vi": "Ô {cell} chứa công thức. Hãy dán giá trị (Paste values) thay cho công thức.",
        "en": "Cell {cell} holds a formula. Paste the value instead of the formula.",
    },
    "empty_sheet": {"vi": "Trang tính trống.", "en": "The sheet is empty."},
    "no_sheet": {
        "vi": "Không có trang tính 'observations' (hoặc 'Số liệu'); các trang có: {sheets}.",
        "en": "No 'observations' (or 'Số liệu') sheet; the sheets are: {sheets}.",
    },
    "too_large": {
        "vi": "Tệp quá lớn ({size} MB); giới hạn {limit} MB.",
        "en": "The file is too large ({size} MB); the limit is {limit} MB.",
    },
    "too_many_rows": {
        "vi": "Tệp có {rows} dòng; giới hạn {limit} dòng mỗi lần tải lên.",
        "en": "The file has {rows} rows; the limit is {limit} rows per upload.",
    },
    "field_too_long": {
        "vi": "Ô quá dài ({length} ký tự); tối đa {limit} ký tự mỗi ô.",
        "en": "The cell is too long ({length} characters); at most {limit} per cell.",
    },
    "control_char": {
        "vi": "Ô chứa ký tự điều khiển không in được ({char}); hãy xóa ký tự này rồi lưu lại.",
        "en": "The cell holds a non-printing control character ({char}); remove it and save again.",
    },
    "bad_csv": {
        "vi": "Không đọc được dòng này của tệp CSV ({error}). Hãy lưu lại dưới dạng CSV UTF-8.",
        "en": "This line of the CSV cannot be read ({error}). Save it again as CSV UTF-8.",
    },
    "too_large_unzipped": {
        "vi": "Tệp Excel khi giải nén quá lớn ({size} MB); giới hạn {limit} MB.",
        "en": "The Excel file is too large once unpacked ({size} MB); the limit is {limit} MB.",
    },
    "type_mismatch": {
        "vi": "Tệp có đuôi {named} nhưng nội dung là {found}. Hãy đổi đuôi tệp cho đúng hoặc lưu lại đúng định dạng.",
        "en": "The file is named {named} but holds {found}. Rename it or save it again in the right format.",
    },
    "formula_chars": {
        "vi": "Ô bắt đầu bằng ký tự công thức bảng tính ('{value}').",
        "en": "The cell starts with a spreadsheet formula character ('{value}').",
    },
}


def render(code: str, lang: str, **params: object) -> str:
    """Fill one message template; unknown languages fall back to Vietnamese; a {lang: text} parameter is localised."""
    table = MESSAGES[code]
    shown = {k: (v.get(lang) or v.get("vi", "")) if isinstance(v, dict) else v for k, v in params.items()}
    return table.get(lang, table["vi"]).format(**shown)
