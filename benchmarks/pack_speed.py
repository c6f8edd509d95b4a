"""Time to build the meeting pack (8 targets, charts through one kaleido server, Debian Chromium).

    .venv/bin/python benchmarks/pack_speed.py     -> writes docs/screenshots/pack_*.png pages (look at the diacritics)
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import platform  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    import kaleido

    from models.assess import assess_all, prepare_all
    from models.catalog import data_version, load_catalog
    from models.derive import with_derived
    from models.pack import build_pdf, build_pptx
    from models.scenario import PRESETS
    from ui.pack_content import build_pack_content

    cat = with_derived(load_catalog())
    preps = {p.target["target_id"]: p for p in prepare_all(cat)}
    s = PRESETS["optimistic"]
    table = assess_all(prepared=list(preps.values()), scenario=s)
    chosen = [tid for tid, p in preps.items() if p.series is not None][:8]
    t0 = time.perf_counter()
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)
    t1 = time.perf_counter()

    def png(fig):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return fig.to_image(format="png", width=1100, height=560, scale=2)

    content = build_pack_content(cat, preps, s, table, chosen, "vi", f"v0001-{data_version()}", "2026-12-01", render=png)
    pptx, pdf = build_pptx(content), build_pdf(content)
    t2 = time.perf_counter()
    out = ROOT / "docs" / "screenshots"
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "pack.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "4", str(Path(tmp) / "pack.pdf"),
                        str(out / "pack_pdf")], check=False)
    line = (f"meeting pack, {len(chosen)} targets (PPTX {len(pptx) // 1024} kB + PDF {len(pdf) // 1024} kB): "
            f"kaleido server start {t1 - t0:.1f} s, charts + both files {t2 - t1:.1f} s "
            f"({platform.platform()}, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')})")
    print(line)
    (ROOT / "benchmarks" / "results" / "pack_speed.md").write_text(line + "\n", encoding="utf-8")
    kaleido.stop_sync_server()
    return 0


if __name__ == "__main__":
    sys.exit(main())
