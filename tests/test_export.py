"""Downloads: CSV and XLSX exports never carry a live spreadsheet formula; numbers stay numbers."""
import io

import pandas as pd
from openpyxl import load_workbook

from models.export import neutralise, to_csv_bytes, to_xlsx_bytes


def test_exports_hold_no_live_formulas():
    frame = pd.DataFrame({"note": ["=1+1", "+3", "-x", "@SUM(A1)", "\tx", "bình thường"], "value": [1.0, -2.0, 3, 4, 5, 6]})
    csv_text = to_csv_bytes(frame, "vi").decode("utf-8-sig")
    assert "'=1+1" in csv_text and "\n=1+1" not in csv_text
    wb = load_workbook(io.BytesIO(to_xlsx_bytes({"s": frame}, "vi")))
    cells = [c for row in wb["s"].iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]
    assert wb["s"]["B3"].value == -2.0          # numbers stay numbers
    assert neutralise("-12") == "'-12" and neutralise(-12) == -12
