"""How long the upload checks take at their limits (run by hand; figures go in README.md).

  .venv/bin/python benchmarks/upload_limits.py
"""
from __future__ import annotations

import io
import os
import platform
import sys
import tempfile
import time
import zipfile
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402

from models.catalog import CatalogError  # noqa: E402
from models.store import DataStore  # noqa: E402
from models.upload import MAX_BYTES, MAX_ROWS, prepare_upload  # noqa: E402

HEAD = "territory_id,indicator_id,vintage,year,value,status,source_id,note"


def rows(n: int, note_len: int) -> list[str]:
    """Distinct keys: 63 provinces × 76 years × a few percentage indicators (all in the bundled 'main' vintage)."""
    from models.catalog import load_catalog

    cat = load_catalog()
    provinces = list(cat.territories.loc[(cat.territories["kind"] == "province")
                                         & cat.territories["valid_to"].isna().eq(False), "territory_id"])
    provinces = [p for p in provinces if p != "ha_tay"]
    indicators = ["households_ftth_pct", "villages_ftth_pct", "adults_smartphone_pct", "mobile_coverage_pct",
                  "households_internet_pct", "online_dossier_pct"]
    out = []
    i = 0
    for ind in indicators:
        for terr in provinces:
            for y in range(1991, 2026):
                if len(out) == n:
                    return out
                out.append(f"{terr},{ind},main,{y},{(i % 97) + 0.5},estimate,thuvienphapluat_042f5f,{'n' * note_len}")
                i += 1
    return out


def timed(store, raw: bytes, name: str) -> tuple[float, str]:
    t0 = time.perf_counter()
    try:
        r = prepare_upload(store.load(), raw, name, store.files())
        verdict = f"accepted ({len(r.added)} new)"
    except CatalogError as exc:
        verdict = f"refused: {exc.first.code}"
    return time.perf_counter() - t0, verdict


def main() -> int:
    store = DataStore(Path(tempfile.mkdtemp()) / "store", seed_dir=ROOT / "data")
    store.ensure()
    cases = []
    n = len(rows(MAX_ROWS, 1))                      # every distinct key the bundled ids allow (< MAX_ROWS)
    note = min(int(MAX_BYTES * 0.95) // n - 90, 4_900)
    big = ("\n".join([HEAD] + rows(n, note)) + "\n").encode()
    cases.append(("largest CSV within both limits", big, "big.csv"))
    over = big + b"#" * (MAX_BYTES - len(big) + 1)
    cases.append(("CSV just over 10 MB", over, "over.csv"))
    wb = Workbook()
    ws = wb.active
    ws.title = "observations"
    ws.append(HEAD.split(","))
    many = rows(MAX_ROWS, 1)
    for i in range(200_000):
        ws.append(many[i % len(many)].split(","))
    buf = io.BytesIO()
    wb.save(buf)
    cases.append(("XLSX with 200,000 rows", buf.getvalue(), "rows.xlsx"))
    wb = Workbook()
    ws = wb.active
    ws.title = "observations"
    ws.append(HEAD.split(","))
    for i in range(25_000):
        ws.append(many[i % len(many)].split(","))
    buf = io.BytesIO()
    wb.save(buf)
    cases.append(("XLSX with 25,000 rows (under the unpacked limit)", buf.getvalue(), "rows2.xlsx"))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", "<a>" + "0" * 200_000_000 + "</a>")
    cases.append(("XLSX that unpacks to 200 MB", bomb.getvalue(), "bomb.xlsx"))
    print(f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}\n")
    print("| file | size | time | verdict |\n|---|---|---|---|")
    for label, raw, name in cases:
        seconds, verdict = timed(store, raw, name)
        print(f"| {label} | {len(raw) / 1e6:.1f} MB | {seconds:.2f} s | {verdict} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
